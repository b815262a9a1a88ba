//! The one place that decides whether a URL may be followed or printed.
//!
//! Three callers share it: the host's own `?next=` after a form (sign-in,
//! language switch), the `Location` of a plugin's redirect, and every link
//! the host prints from plugin data (breadcrumbs, widget links). A browser
//! forgives much that a naive check lets through: it drops tabs and
//! newlines inside a URL (`/\t/evil.example` becomes `//evil.example`,
//! another site), reads a backslash as a slash (`/\evil.example`), and
//! runs `javascript:` links. So the rule is a short list of what *is*
//! allowed, not a list of what is not.

/// Longest URL the host follows or prints.
const MAX_URL: usize = 2_048;

/// Whether a character would be dropped, rewritten or misread by a browser
/// inside a URL: controls (tab, newline, NUL, DEL…), any whitespace (the
/// Unicode spaces too) and the backslash.
fn unsafe_char(c: char) -> bool {
    c.is_control() || c.is_whitespace() || c == '\\'
}

/// `s` when it is a path of this site (`/…`, not `//…`), with nothing a
/// browser would reinterpret; `None` otherwise.
///
/// ```
/// use estive_core::web::urls::local_path;
/// assert_eq!(local_path("/consultations/3?vue=1#q"), Some("/consultations/3?vue=1#q"));
/// assert_eq!(local_path("/\t/evil.example"), None);
/// assert_eq!(local_path("//evil.example"), None);
/// assert_eq!(local_path("https://evil.example"), None);
/// ```
pub fn local_path(s: &str) -> Option<&str> {
    let ok = s.len() <= MAX_URL
        && s.starts_with('/')
        && !s[1..].starts_with('/')
        && !s.chars().any(unsafe_char);
    ok.then_some(s)
}

/// The host name of an absolute `http(s)` URL with nothing a browser would
/// reinterpret, lower-cased; `None` for anything else (other schemes,
/// relative forms, user-info tricks such as `https://a@b/`).
pub fn http_host(s: &str) -> Option<String> {
    if s.len() > MAX_URL || s.chars().any(unsafe_char) {
        return None;
    }
    let lower = s.get(..8).map(str::to_ascii_lowercase).unwrap_or_default();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        return None;
    }
    let url = reqwest::Url::parse(s).ok()?;
    if !matches!(url.scheme(), "http" | "https")
        || !url.username().is_empty()
        || url.password().is_some()
    {
        return None;
    }
    url.host_str()
        .filter(|h| !h.is_empty())
        .map(str::to_ascii_lowercase)
}

/// `s` when it may be printed as a link: a path of this site or an
/// absolute `http(s)` URL. `javascript:`, `data:`, scheme-relative and
/// everything with control characters are refused.
pub fn printable(s: &str) -> Option<&str> {
    (local_path(s).is_some() || http_host(s).is_some()).then_some(s)
}

/// Whether `s` is an absolute `http(s)` URL on one of `hosts` (exact host
/// names, compared case-insensitively; a `host:port` entry names the host).
pub fn on_hosts(s: &str, hosts: &[String]) -> bool {
    http_host(s).is_some_and(|h| {
        hosts.iter().any(|allowed| {
            let name = allowed
                .rsplit_once(':')
                .map_or(allowed.as_str(), |(h, _)| h);
            name.eq_ignore_ascii_case(&h)
        })
    })
}

/// Where to go after a form: `next` when it is a path of this site, the
/// home page otherwise.
pub fn safe_next(next: Option<&str>) -> String {
    next.and_then(local_path).unwrap_or("/").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What attackers send for an open redirect, each of which a browser
    /// could take off the site.
    const HOSTILE: &[&str] = &[
        "//evil.example",
        "///evil.example",
        "/\\evil.example",
        "\\/evil.example",
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r/evil.example",
        "/ /evil.example",
        "/\u{a0}/evil.example",
        "/\u{2028}/evil.example",
        "/\u{0}/evil.example",
        "/\u{7f}/evil.example",
        "/%0a",
        "https://evil.example",
        "HTTPS://evil.example",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " /consultations",
        "data:text/html,<script>alert(1)</script>",
        "evil.example",
        "",
    ];

    #[test]
    fn next_parameter_cannot_leave_the_site() {
        assert_eq!(safe_next(Some("/consultations/3")), "/consultations/3");
        for h in HOSTILE {
            let want = if *h == "/%0a" { "/%0a" } else { "/" };
            assert_eq!(safe_next(Some(h)), want, "{h:?}");
        }
        assert_eq!(safe_next(None), "/");
        assert_eq!(safe_next(Some(&format!("/{}", "a".repeat(MAX_URL)))), "/");
    }

    #[test]
    fn printed_links_are_paths_or_http_urls() {
        assert!(printable("/agenda21/actions/3").is_some());
        assert!(printable("https://www.service-public.fr/particuliers/vosdroits/F1234").is_some());
        assert!(printable("http://example.org/").is_some());
        for bad in [
            "javascript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "vbscript:x",
            "data:text/html,x",
            "//evil.example",
            "https://user@evil.example/",
            "https://evil.example/\n",
            "file:///etc/passwd",
            "",
        ] {
            assert!(printable(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn absolute_redirects_go_only_to_declared_hosts() {
        let hosts = vec![
            "api.francetravail.io".to_string(),
            "Example.org:8443".into(),
        ];
        assert!(on_hosts("https://api.francetravail.io/x", &hosts));
        assert!(on_hosts("https://example.org:8443/x", &hosts));
        assert!(!on_hosts(
            "https://api.francetravail.io.evil.example/",
            &hosts
        ));
        assert!(!on_hosts(
            "https://evil.example/?https://api.francetravail.io",
            &hosts
        ));
        assert!(!on_hosts(
            "https://api.francetravail.io@evil.example/",
            &hosts
        ));
        assert!(!on_hosts(
            "javascript://api.francetravail.io/%0aalert(1)",
            &hosts
        ));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]

        /// Whatever `next` holds, the host goes to a path of its own site
        /// with nothing a browser would rewrite.
        #[test]
        fn any_next_gives_a_path_of_the_site(s in "(/|//|\\\\|https?:|[ \t\n\r\x00-\x1f])?\\PC{0,30}[\\s\\S]{0,10}") {
            let next = safe_next(Some(&s));
            proptest::prop_assert!(next.starts_with('/'));
            proptest::prop_assert!(!next[1..].starts_with('/'));
            proptest::prop_assert!(!next.chars().any(unsafe_char));
        }

        /// What is printable is a path or an http(s) URL, never a script.
        #[test]
        fn printable_links_never_carry_a_script(s in "[jJ]?[aA]?[\\s\\S]{0,40}") {
            if let Some(p) = printable(&s) {
                let lower = p.to_ascii_lowercase();
                proptest::prop_assert!(lower.starts_with('/') || lower.starts_with("http://") || lower.starts_with("https://"));
                proptest::prop_assert!(!lower.starts_with("//"));
            }
        }
    }
}
