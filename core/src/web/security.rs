//! The headers every response of the host carries (OWASP ASVS level 2,
//! V14.4): a Content-Security-Policy with a nonce made for this response,
//! no framing, no sniffing, a strict referrer policy, powerful browser
//! features off, and HSTS when the site's base URL is https.
//!
//! A header already on the response is left alone: a download carries its
//! own sandboxing policy.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

use super::AppState;

pub use super::ctx::CspNonce;

/// Whether the request's site is served over https (its base URL says so:
/// no request header decides it). Set by [`headers`] for the layers and
/// handlers inside it.
#[derive(Debug, Clone, Copy)]
pub struct SiteHttps(pub bool);

/// The policy for a page with `nonce`.
///
/// Scripts run only with the nonce (the host's own `estive.js` carries
/// it; a plugin's template cannot know it, so plugin pages run no script
/// of their own). Styles come from the server's files or the layout's
/// nonced colour block; `style` attributes are refused. `data:` images are
/// the stylesheet's decorations.
pub fn policy(nonce: &str, https: bool) -> String {
    format!(
        "default-src 'self'; script-src 'nonce-{nonce}'; style-src 'self' 'nonce-{nonce}'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'{}",
        if https {
            "; upgrade-insecure-requests"
        } else {
            ""
        }
    )
}

const PERMISSIONS_POLICY: &str = "accelerometer=(), camera=(), display-capture=(), \
     geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()";

/// Without `includeSubDomains`: other names under the community's domain
/// (the town hall's own site…) are not ours to force onto https.
const HSTS: &str = "max-age=31536000";

/// Add the security headers to every response.
pub async fn headers(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let nonce = CspNonce::default();
    let https = super::ctx::site_of(&state, req.headers(), req.uri())
        .is_some_and(|s| s.info.base_url.starts_with("https://"));
    let csp = policy(&nonce.0, https);
    req.extensions_mut().insert(nonce);
    req.extensions_mut().insert(SiteHttps(https));
    let mut resp = next.run(req).await;
    apply(resp.headers_mut(), &csp, https);
    resp
}

/// Set every header the response does not already have.
fn apply(h: &mut HeaderMap, csp: &str, https: bool) {
    if let Ok(csp) = HeaderValue::try_from(csp) {
        keep_or_set(h, header::CONTENT_SECURITY_POLICY, csp);
    }
    for (name, value) in [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            HeaderName::from_static("permissions-policy"),
            PERMISSIONS_POLICY,
        ),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
        (
            HeaderName::from_static("cross-origin-resource-policy"),
            "same-origin",
        ),
    ] {
        keep_or_set(h, name, HeaderValue::from_static(value));
    }
    if https {
        keep_or_set(
            h,
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
}

fn keep_or_set(h: &mut HeaderMap, name: HeaderName, value: HeaderValue) {
    h.entry(name).or_insert(value);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_no_inline_script_without_the_nonce() {
        let p = policy("abc", false);
        assert!(p.contains("script-src 'nonce-abc';"), "{p}");
        assert!(!p.contains("unsafe-inline"), "{p}");
        assert!(!p.contains("unsafe-eval"), "{p}");
        for d in [
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "object-src 'none'",
        ] {
            assert!(p.contains(d), "{d} in {p}");
        }
        assert!(!p.contains("upgrade-insecure-requests"));
        assert!(policy("abc", true).ends_with("; upgrade-insecure-requests"));
    }

    #[test]
    fn a_header_the_response_already_has_is_kept() {
        let mut h = HeaderMap::new();
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("sandbox; default-src 'none'"),
        );
        h.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        );
        apply(&mut h, &policy("n", true), true);
        assert_eq!(
            h[header::CONTENT_SECURITY_POLICY],
            "sandbox; default-src 'none'"
        );
        assert_eq!(h[header::REFERRER_POLICY], "no-referrer");
        assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(h[header::STRICT_TRANSPORT_SECURITY], HSTS);
        let mut plain = HeaderMap::new();
        apply(&mut plain, &policy("n", false), false);
        assert!(!plain.contains_key(header::STRICT_TRANSPORT_SECURITY));
        assert!(
            plain[header::CONTENT_SECURITY_POLICY]
                .to_str()
                .unwrap()
                .contains("'nonce-n'")
        );
    }

    #[test]
    fn nonces_are_not_repeated() {
        let a = CspNonce::default().0;
        let b = CspNonce::default().0;
        assert_ne!(a, b);
        assert!(a.len() >= 22, "{a}");
    }
}
