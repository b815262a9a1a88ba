//! What every page needs to know about its request: the site (by host
//! name), the signed-in user, the language, the visitor cookie and the CSRF
//! token.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{Extensions, HeaderMap, HeaderValue, header};
use base64::Engine as _;

use super::AppState;
use super::error::{Error, Result};
use crate::identity::users::CurrentUser;
use crate::platform::{Site, Snapshot};

pub const SESSION_COOKIE: &str = "estive_session";
/// The session cookie's name on a site served over https: the prefix makes
/// browsers refuse it unless it is `Secure`, set by this host for `/`, with
/// no `Domain` (a neighbouring subdomain cannot plant one).
pub const HOST_SESSION_COOKIE: &str = "__Host-estive_session";
pub const VISITOR_COOKIE: &str = "estive_visitor";
pub const LANG_COOKIE: &str = "estive_lang";
pub const NOTICE_COOKIE: &str = "estive_notice";

/// The nonce of this response's Content-Security-Policy: the layout puts it
/// on its `<style>` and `<script>` elements, nothing else knows it. Made
/// by the security layer for each request.
#[derive(Debug, Clone)]
pub struct CspNonce(pub String);

impl Default for CspNonce {
    /// A new random nonce (128 bits).
    fn default() -> CspNonce {
        let bytes: [u8; 16] = rand::random();
        CspNonce(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
    }
}

/// The visitor id of this request (from its cookie, or new).
#[derive(Debug, Clone)]
pub struct Visitor {
    pub id: String,
    pub is_new: bool,
}

/// The request context.
#[derive(Clone)]
pub struct Ctx {
    pub snapshot: Arc<Snapshot>,
    pub site: Arc<Site>,
    pub user: Option<CurrentUser>,
    pub session_token: Option<String>,
    pub lang: &'static str,
    pub visitor: String,
    pub csrf: String,
    pub path: String,
    pub query: String,
    /// The site's base URL is https (cookies are `Secure`).
    pub https: bool,
    /// The nonce of this response's Content-Security-Policy (empty when
    /// the request did not come through the app's layers).
    pub csp_nonce: String,
    pub notice: Option<String>,
    /// The client's address (see [`super::net::client_ip`]); empty when
    /// unknown.
    pub client_ip: String,
    /// An administrator of a site that requires the second factor, who has
    /// not turned it on (looked up only for them: see
    /// [`Ctx::check_admin_factor`]).
    pub admin_needs_second_factor: bool,
    pub secret: Arc<Vec<u8>>,
}

/// Read one cookie from the request headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

pub use crate::keyed::sign;

/// A `Set-Cookie` value. Cookies are HttpOnly and SameSite=Lax; `Secure`
/// when the site's base URL is https, and then the session cookie takes the
/// `__Host-` prefix.
pub fn set_cookie(name: &str, value: &str, max_age: Option<i64>, secure: bool) -> HeaderValue {
    let name = if name == SESSION_COOKIE {
        session_cookie_name(secure)
    } else {
        name
    };
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        c.push_str("; Secure");
    }
    HeaderValue::from_str(&c).unwrap_or_else(|_| HeaderValue::from_static("invalid=1"))
}

/// Add a one-time notice (text already translated) to a response: the
/// next page shows it.
pub fn add_notice(r: &mut axum::response::Response, text: &str, secure: bool) {
    let v = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text.as_bytes());
    r.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(NOTICE_COOKIE, &v, Some(300), secure),
    );
}

/// A new visitor cookie value, `<id>.<signature>`.
pub fn new_visitor(secret: &[u8]) -> (String, String) {
    let id = crate::identity::sessions::new_token();
    let cookie = format!("{id}.{}", &sign(secret, &["visitor", &id])[..16]);
    (id, cookie)
}

/// The visitor id in a cookie value, if its signature holds.
pub fn check_visitor(secret: &[u8], value: &str) -> Option<String> {
    let (id, sig) = value.split_once('.')?;
    (sign(secret, &["visitor", id]).get(..16) == Some(sig)).then(|| id.to_string())
}

/// The name the session cookie has on a site (see [`HOST_SESSION_COOKIE`]).
pub fn session_cookie_name(https: bool) -> &'static str {
    if https {
        HOST_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    }
}

/// The site a request is for, by its host name: the configured names, then
/// (see [`crate::platform::Snapshot::site_for_host`]) the default site when
/// unknown names get it, and in development `<slug>.localhost` and bare
/// addresses.
pub fn site_of(state: &AppState, headers: &HeaderMap, uri: &axum::http::Uri) -> Option<Arc<Site>> {
    site_in(&state.platform.snapshot(), state, headers, uri).cloned()
}

/// [`site_of`] in a given snapshot.
pub fn site_in<'a>(
    snapshot: &'a Snapshot,
    state: &AppState,
    headers: &HeaderMap,
    uri: &axum::http::Uri,
) -> Option<&'a Arc<Site>> {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .or_else(|| uri.host())
        .unwrap_or("localhost");
    snapshot.site_for_host(
        host,
        state.platform.settings.unknown_host_default,
        state.net.dev,
    )
}

impl Ctx {
    /// Build the context from request headers alone (benchmarks, tests):
    /// no client address, no CSP nonce.
    ///
    /// # Errors
    /// See [`Ctx::resolve_with`].
    pub async fn resolve(
        state: &AppState,
        headers: &HeaderMap,
        uri: &axum::http::Uri,
        visitor: Option<&Visitor>,
    ) -> Result<Ctx> {
        let mut extensions = Extensions::new();
        if let Some(v) = visitor {
            extensions.insert(v.clone());
        }
        Ctx::resolve_with(state, headers, uri, &extensions).await
    }

    /// Build the context from request parts: the headers, and what the
    /// app's layers put in the extensions (visitor, CSP nonce, the
    /// connection's peer).
    ///
    /// # Errors
    /// 404 for a host no site serves (when so configured); the database.
    pub async fn resolve_with(
        state: &AppState,
        headers: &HeaderMap,
        uri: &axum::http::Uri,
        extensions: &Extensions,
    ) -> Result<Ctx> {
        let platform = &state.platform;
        let snapshot = platform.snapshot();
        let site = site_in(&snapshot, state, headers, uri)
            .cloned()
            .ok_or(Error::NotFound(Some("error-unknown-site".into())))?;
        let https = site.info.base_url.starts_with("https://");
        let secret = state.secret.clone();
        let visitor = match extensions.get::<Visitor>() {
            Some(v) => v.id.clone(),
            None => cookie(headers, VISITOR_COOKIE)
                .and_then(|v| check_visitor(&secret, v))
                .unwrap_or_default(),
        };
        let mut user = None;
        let mut session_token = None;
        if let Some(token) = cookie(headers, session_cookie_name(https))
            && let Some(user_id) = crate::identity::sessions::find_live(
                &platform.db,
                site.id,
                token,
                platform.runtime.services.now(),
            )
            .await?
        {
            user = crate::identity::users::load(&platform.db, user_id).await?;
            if user.is_some() {
                session_token = Some(token.to_string());
            }
        }
        // One more lookup, and only for the administrators of a site that
        // requires the second factor.
        let admin_needs_second_factor = match &user {
            Some(u)
                if site.config.security.admin_second_factor && (u.is_admin() || u.server_admin) =>
            {
                !crate::identity::second_factor::is_on(&platform.db, u.id).await?
            }
            _ => false,
        };
        let query = uri.query().unwrap_or("").to_string();
        let lang_param = serde_urlencoded::from_str::<Vec<(String, String)>>(&query)
            .ok()
            .and_then(|q| q.into_iter().find(|(k, _)| k == "lang").map(|(_, v)| v));
        let lang = crate::i18n::normalise(
            lang_param
                .as_deref()
                .or_else(|| cookie(headers, LANG_COOKIE))
                .unwrap_or(&site.config.locale),
        );
        let csrf = sign(
            &secret,
            &["csrf", &visitor, session_token.as_deref().unwrap_or("")],
        );
        let notice = cookie(headers, NOTICE_COOKIE).and_then(|v| {
            let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(v)
                .ok()?;
            String::from_utf8(bytes).ok()
        });
        let client_ip = super::net::client_ip(&state.net, extensions, headers)
            .map(|ip| ip.to_string())
            .unwrap_or_default();
        let csp_nonce = extensions
            .get::<CspNonce>()
            .map(|n| n.0.clone())
            .unwrap_or_default();
        Ok(Ctx {
            snapshot,
            site,
            user,
            session_token,
            lang,
            visitor,
            csrf,
            path: uri.path().to_string(),
            query,
            https,
            csp_nonce,
            notice,
            admin_needs_second_factor,
            client_ip,
            secret,
        })
    }

    /// Check the CSRF token of an unsafe request.
    ///
    /// # Errors
    /// [`Error::Csrf`] when missing or wrong.
    pub fn check_csrf(&self, submitted: Option<&str>) -> Result<()> {
        match submitted {
            Some(t)
                if !self.visitor.is_empty()
                    && constant_time_eq(t.as_bytes(), self.csrf.as_bytes()) =>
            {
                Ok(())
            }
            _ => Err(Error::Csrf),
        }
    }

    /// The signed-in user, or an error asking to sign in.
    ///
    /// # Errors
    /// [`Error::SignIn`] for anonymous visitors.
    pub fn require_user(&self) -> Result<&CurrentUser> {
        self.user.as_ref().ok_or_else(|| Error::SignIn {
            next: self.path_and_query(),
        })
    }

    /// The site administrator, or an error.
    ///
    /// # Errors
    /// Sign in first, or 403.
    pub fn require_admin(&self) -> Result<&CurrentUser> {
        let u = self.require_user()?;
        if u.is_admin() {
            self.check_admin_factor()?;
            Ok(u)
        } else {
            Err(Error::AccessDenied)
        }
    }

    /// On a site whose `[security] admin-second-factor` is set, an
    /// administrator without a second factor is sent to set it up before
    /// any administration page (the host's or a plugin's).
    ///
    /// # Errors
    /// [`Error::SecondFactorRequired`].
    pub fn check_admin_factor(&self) -> Result<()> {
        if self.admin_needs_second_factor {
            Err(Error::SecondFactorRequired)
        } else {
            Ok(())
        }
    }

    /// This context once the browser holds a new session (the answer
    /// that sets its cookie renders with it): the forms of that page carry
    /// the CSRF token of the new session.
    pub fn with_session(&self, token: &str) -> Ctx {
        let mut ctx = self.clone();
        ctx.csrf = sign(&self.secret, &["csrf", &self.visitor, token]);
        ctx.session_token = Some(token.to_string());
        ctx
    }

    pub fn path_and_query(&self) -> String {
        if self.query.is_empty() {
            self.path.clone()
        } else {
            format!("{}?{}", self.path, self.query)
        }
    }

    /// A pseudonym of the visitor for one plugin of this site.
    pub fn visitor_for(&self, plugin: &str) -> String {
        sign(
            &self.secret,
            &[
                "plugin-visitor",
                &self.site.config.slug,
                plugin,
                &self.visitor,
            ],
        )[..24]
            .to_string()
    }

    /// A pseudonym of the network address for one plugin, stable for a day.
    pub fn address_for(&self, plugin: &str) -> String {
        let day = chrono::Utc::now().format("%Y-%m-%d").to_string();
        sign(
            &self.secret,
            &[
                "plugin-address",
                &self.site.config.slug,
                plugin,
                &self.client_ip,
                &day,
            ],
        )[..24]
            .to_string()
    }

    /// Translate a host message.
    pub fn t(&self, state: &AppState, key: &str) -> String {
        state.render.host_catalogue().t(self.lang, key)
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Where the context a handler resolved is kept for the error page of the
/// same request (see `render_errors`), so that it is not resolved twice.
#[derive(Clone, Default)]
pub struct Resolved(Arc<std::sync::Mutex<Option<Ctx>>>);

impl Resolved {
    /// The context the handler resolved, if it did.
    pub fn take(&self) -> Option<Ctx> {
        self.0.lock().ok().and_then(|mut c| c.take())
    }
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Ctx> {
        let ctx = Ctx::resolve_with(state, &parts.headers, &parts.uri, &parts.extensions).await?;
        if let Some(slot) = parts.extensions.get::<Resolved>()
            && let Ok(mut kept) = slot.0.lock()
        {
            *kept = Some(ctx.clone());
        }
        Ok(ctx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visitor_cookie_with_a_forged_signature_is_refused() {
        let secret = b"0123456789abcdef0123456789abcdef";
        let (id, cookie) = new_visitor(secret);
        assert_eq!(check_visitor(secret, &cookie).as_deref(), Some(id.as_str()));
        let forged = format!("{id}.AAAAAAAAAAAAAAAA");
        assert!(check_visitor(secret, &forged).is_none());
        assert!(check_visitor(b"another secret", &cookie).is_none());
    }

    #[test]
    fn cookies_are_read_from_any_header() {
        let mut h = HeaderMap::new();
        h.append(
            header::COOKIE,
            HeaderValue::from_static("a=1; estive_lang=en"),
        );
        assert_eq!(cookie(&h, LANG_COOKIE), Some("en"));
        assert_eq!(cookie(&h, "b"), None);
    }
}
