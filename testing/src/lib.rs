//! A real Estive host for tests: plugins built and installed, a site with
//! one account per role, served on a random local port over a temporary
//! SQLite file (or a fresh PostgreSQL database), and an HTTP client that
//! keeps cookies and fills in CSRF tokens like a browser.
//!
//! ```no_run
//! # async fn demo() -> anyhow::Result<()> {
//! use estive_testing::TestHost;
//! let host = TestHost::start(env!("CARGO_MANIFEST_DIR")).await?;
//! let elu = host.login("elu").await?;
//! let page = elu.get("/extranet/").await?;
//! assert_eq!(page.status, 200);
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::{Context as _, Result, bail};

mod binary;
mod browser;
#[cfg(feature = "embedded")]
mod embedded;
mod form;

pub use binary::BinaryHost;
pub use browser::Browser;
#[cfg(feature = "embedded")]
pub use embedded::{Builder, Database, TestHost, build_package};
pub use form::{Button, Choice, Field, Form, Kind};

/// Password of every test account.
pub const PASSWORD: &str = "estive-test-password";
/// Slug of the test site.
pub const SITE: &str = "test";

/// How many `<form>` each template of a plugin holds, by path under
/// `templates/` (templates without a form left out). A plugin's test of
/// its rendered forms checks the total, so that a form added to a template
/// fails until it has its test.
///
/// # Errors
/// The folder cannot be read.
pub fn template_forms(plugin_dir: &Path) -> Result<BTreeMap<String, usize>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, usize>) -> Result<()> {
        for entry in std::fs::read_dir(dir).with_context(|| dir.display().to_string())? {
            let path = entry?.path();
            if path.is_dir() {
                walk(root, &path, out)?;
            } else if path.extension().is_some_and(|e| e == "html") {
                let n = std::fs::read_to_string(&path)?.matches("<form").count();
                if n > 0 {
                    let name = path.strip_prefix(root).unwrap_or(&path);
                    out.insert(name.display().to_string(), n);
                }
            }
        }
        Ok(())
    }
    let root = plugin_dir.join("templates");
    let mut out = BTreeMap::new();
    walk(&root, &root, &mut out)?;
    Ok(out)
}

/// An e-mail as the host writes it (quoted-printable body), as a person
/// reads it: soft line breaks joined and `=XX` bytes decoded, so that a
/// test can look for the French text of a message.
pub fn decode_mail(mail: &str) -> String {
    let joined = mail.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(&joined[i + 1..i + 3], 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Checks that a page has the status a test expects; the error shows the
/// page's main content, so that a failing test says what the page said.
///
/// # Errors
/// Another status.
pub fn expect(page: &Page, status: u16) -> Result<()> {
    if page.status != status {
        bail!(
            "expected {status}, got {} at {}:\n{}",
            page.status,
            page.path,
            excerpt(&page.text)
        );
    }
    Ok(())
}

/// A page the client must be shown (status 200).
///
/// # Errors
/// The request fails or the page has another status.
pub async fn shown(client: &Client, path: &str) -> Result<Page> {
    let page = client.get(path).await?;
    expect(&page, 200)?;
    Ok(page)
}

/// The main content of a page (from `<main` to `</main>`, at most 8,000
/// characters), for failure messages.
pub fn excerpt(html: &str) -> String {
    let start = html.find("<main").unwrap_or(0);
    let end = html.find("</main>").unwrap_or(html.len());
    html.get(start..end)
        .unwrap_or(html)
        .chars()
        .take(8000)
        .collect()
}

/// The number at the end of a page's path (`…/offres/42?x` → 42): the id of
/// what a form just created, after its redirect.
///
/// # Errors
/// The path does not end with a number.
pub fn id_of(page: &Page) -> Result<i64> {
    page.path
        .rsplit('/')
        .next()
        .and_then(|s| s.split(['?', '#']).next())
        .and_then(|s| s.parse().ok())
        .with_context(|| format!("no id at the end of {}", page.path))
}

/// HTML with the escapes of attribute values undone (`&#x2f;` → `/`), to
/// look for links as they are written in templates.
pub fn unescaped(html: &str) -> String {
    html.replace("&#x2f;", "/")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// The workspace root (the folder whose Cargo.toml has `[workspace]`).
pub fn workspace_root(from: &Path) -> Result<PathBuf> {
    let mut dir = from.to_path_buf();
    loop {
        let toml = dir.join("Cargo.toml");
        if toml.is_file() && std::fs::read_to_string(&toml)?.contains("[workspace]") {
            return Ok(dir);
        }
        if !dir.pop() {
            bail!("no workspace above {}", from.display());
        }
    }
}

/// A page as a browser got it.
#[derive(Debug, Clone)]
pub struct Page {
    pub status: u16,
    /// The final URL path (after redirects).
    pub path: String,
    pub text: String,
    pub headers: reqwest::header::HeaderMap,
}

impl Page {
    /// Whether the text contains `needle`.
    pub fn contains(&self, needle: &str) -> bool {
        self.text.contains(needle)
    }

    /// Whether a person reading the page sees `text`: compared with the
    /// page's character references decoded (a template escapes `'` as
    /// `&#x27;` and `/` as `&#x2f;`) and no-break spaces read as spaces,
    /// tags left as they are.
    ///
    /// ```
    /// # let page = estive_testing::Page { status: 200, path: "/".into(),
    /// #     text: "<p>L&#x27;association &#x2f; 1</p>".into(), headers: Default::default() };
    /// assert!(page.shows("L'association / 1"));
    /// assert!(!page.contains("L'association"));
    /// ```
    pub fn shows(&self, text: &str) -> bool {
        plain_spaces(&form::unescape(&self.text)).contains(&plain_spaces(text))
    }

    /// The error summary of a form shown again, in its order: the id each
    /// line links to (without `#`) and the line's text as a reader sees it
    /// (decoded, no-break spaces read as spaces). Empty when the page has
    /// no summary.
    pub fn error_summary(&self) -> Vec<(String, String)> {
        let Some(start) = self.text.find("class=\"error-summary\"") else {
            return Vec::new();
        };
        let block = &self.text[start..];
        let block = block.split("</ul>").next().unwrap_or_default();
        block
            .split("<a href=\"#")
            .skip(1)
            .filter_map(|link| {
                let (id, rest) = link.split_once('"')?;
                let text = rest.split_once('>')?.1.split("</a>").next()?;
                Some((
                    form::unescape(id),
                    plain_spaces(&form::unescape(text.trim())),
                ))
            })
            .collect()
    }

    /// The page's `<title>`, decoded, no-break spaces read as spaces.
    pub fn title(&self) -> String {
        self.first_element("title")
    }

    /// The text of the page's first `<h1>`, decoded, tags removed,
    /// no-break spaces read as spaces.
    pub fn heading(&self) -> String {
        self.first_element("h1")
    }

    fn first_element(&self, tag: &str) -> String {
        let open = format!("<{tag}");
        let Some(start) = self.text.find(&open) else {
            return String::new();
        };
        let rest = &self.text[start..];
        let inner = rest.split_once('>').map_or("", |(_, r)| r);
        let inner = inner.split(&format!("</{tag}>")).next().unwrap_or_default();
        let mut plain = String::new();
        let mut in_tag = false;
        for c in inner.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => plain.push(c),
                _ => {}
            }
        }
        form::unescape(
            plain
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .as_str(),
        )
    }

    /// The text with the Content-Security-Policy nonces blanked: two
    /// answers of the same page differ only there.
    pub fn text_without_nonces(&self) -> String {
        self.text
            .split("nonce=\"")
            .enumerate()
            .map(|(i, part)| match (i, part.find('"')) {
                (0, _) | (_, None) => part,
                (_, Some(end)) => &part[end..],
            })
            .collect::<Vec<_>>()
            .join("nonce=\"")
    }
}

/// No-break spaces (French typography puts them before `:` and inside
/// « ») read as spaces: a reader sees no difference.
fn plain_spaces(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
}

/// A browser: cookies, CSRF tokens, redirects.
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    base: String,
    cookies: Arc<Mutex<BTreeMap<String, String>>>,
    csrf: Arc<Mutex<Option<String>>>,
}

fn extract_csrf(html: &str) -> Option<String> {
    let at = html.find("name=\"csrf_token\" value=\"")? + "name=\"csrf_token\" value=\"".len();
    let end = html[at..].find('"')?;
    Some(html[at..at + end].to_string())
}

impl Client {
    pub fn new(base: &str) -> Client {
        Client {
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("an HTTP client"),
            base: base.to_string(),
            cookies: Arc::default(),
            csrf: Arc::default(),
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .lock()
            .expect("cookie lock")
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn keep_cookies(&self, headers: &reqwest::header::HeaderMap) {
        let mut jar = self.cookies.lock().expect("cookie lock");
        for v in headers.get_all(reqwest::header::SET_COOKIE) {
            let Ok(v) = v.to_str() else { continue };
            let first = v.split(';').next().unwrap_or("");
            if let Some((k, val)) = first.split_once('=') {
                if val.is_empty() || v.contains("Max-Age=0") {
                    jar.remove(k);
                } else {
                    jar.insert(k.to_string(), val.to_string());
                }
            }
        }
    }

    /// Send one request, without following redirects.
    ///
    /// # Errors
    /// The connection fails.
    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        form: Option<&[(String, String)]>,
    ) -> Result<Page> {
        let mut req = self
            .http
            .request(method, format!("{}{path}", self.base))
            .header(reqwest::header::COOKIE, self.cookie_header());
        if let Some(f) = form {
            req = req.form(f);
        }
        let resp = req.send().await?;
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        self.keep_cookies(&headers);
        let text = resp.text().await?;
        if let Some(token) = extract_csrf(&text) {
            *self.csrf.lock().expect("csrf lock") = Some(token);
        }
        Ok(Page {
            status,
            path: path.to_string(),
            text,
            headers,
        })
    }

    /// Follow the redirects a page answered with, as a browser does.
    ///
    /// # Errors
    /// A redirect without `Location`, too many redirects, or the connection
    /// fails.
    pub async fn follow_redirects(&self, page: Page) -> Result<Page> {
        self.follow(page).await
    }

    async fn follow(&self, mut page: Page) -> Result<Page> {
        for _ in 0..8 {
            if !(300..400).contains(&page.status) {
                return Ok(page);
            }
            let loc = page
                .headers
                .get(reqwest::header::LOCATION)
                .and_then(|v| v.to_str().ok())
                .context("redirect without Location")?
                .to_string();
            let path = loc.strip_prefix(&self.base).unwrap_or(&loc).to_string();
            page = self.send(reqwest::Method::GET, &path, None).await?;
            page.path = path;
        }
        bail!("too many redirects")
    }

    /// GET a path, following redirects.
    ///
    /// # Errors
    /// The connection fails.
    pub async fn get(&self, path: &str) -> Result<Page> {
        let p = self.send(reqwest::Method::GET, path, None).await?;
        self.follow(p).await
    }

    /// POST a form with the current CSRF token, following redirects.
    ///
    /// # Errors
    /// The connection fails.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Result<Page> {
        let p = self.post_form_no_follow(path, fields).await?;
        self.follow(p).await
    }

    /// The session's CSRF token, fetched from the sign-in page the first
    /// time (its form always carries one; a signed-in client is sent on to a
    /// page with the sign-out form, which does too).
    async fn fetched_csrf_token(&self) -> Result<String> {
        if self.csrf.lock().expect("csrf lock").is_none() {
            self.get("/login").await?;
        }
        Ok(self
            .csrf
            .lock()
            .expect("csrf lock")
            .clone()
            .unwrap_or_default())
    }

    /// POST a form with the current CSRF token; the redirect is returned as is.
    ///
    /// # Errors
    /// The connection fails.
    pub async fn post_form_no_follow(&self, path: &str, fields: &[(&str, &str)]) -> Result<Page> {
        let token = self.fetched_csrf_token().await?;
        let mut form: Vec<(String, String)> = vec![("csrf_token".into(), token)];
        form.extend(fields.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        self.send(reqwest::Method::POST, path, Some(&form)).await
    }

    /// POST a multipart form with the current CSRF token: text fields and
    /// files as (field, file name, content type, bytes); redirects followed.
    ///
    /// # Errors
    /// The connection fails.
    pub async fn post_multipart(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &str, Vec<u8>)],
    ) -> Result<Page> {
        let token = self.fetched_csrf_token().await?;
        let mut text: Vec<(String, String)> = vec![("csrf_token".into(), token)];
        text.extend(fields.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        let files: Vec<(String, String, String, Vec<u8>)> = files
            .iter()
            .map(|(k, n, ct, b)| (k.to_string(), n.to_string(), ct.to_string(), b.clone()))
            .collect();
        let page = self.send_multipart(path, &text, &files).await?;
        self.follow(page).await
    }

    /// POST a multipart form exactly as given (no CSRF token added): text
    /// fields, and files as (field, file name, content type, bytes); the
    /// redirect is returned as is.
    ///
    /// # Errors
    /// The connection fails or a content type is not a MIME type.
    pub async fn send_multipart(
        &self,
        path: &str,
        fields: &[(String, String)],
        files: &[(String, String, String, Vec<u8>)],
    ) -> Result<Page> {
        let mut form = reqwest::multipart::Form::new();
        for (k, v) in fields {
            form = form.text(k.clone(), v.clone());
        }
        for (k, name, ct, bytes) in files {
            let part = reqwest::multipart::Part::bytes(bytes.clone())
                .file_name(name.clone())
                .mime_str(ct)?;
            form = form.part(k.clone(), part);
        }
        let resp = self
            .http
            .post(format!("{}{path}", self.base))
            .header(reqwest::header::COOKIE, self.cookie_header())
            .multipart(form)
            .send()
            .await?;
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        self.keep_cookies(&headers);
        let text = resp.text().await?;
        if let Some(token) = extract_csrf(&text) {
            *self.csrf.lock().expect("csrf lock") = Some(token);
        }
        Ok(Page {
            status,
            path: path.to_string(),
            text,
            headers,
        })
    }

    /// POST a form exactly as given (no CSRF token added), no redirect
    /// followed.
    ///
    /// # Errors
    /// The connection fails.
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Result<Page> {
        let form: Vec<(String, String)> = fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        self.send(reqwest::Method::POST, path, Some(&form)).await
    }

    /// Sign in through the form.
    ///
    /// # Errors
    /// Refused sign-in.
    pub async fn login(&self, username: &str, password: &str) -> Result<Page> {
        self.get("/login").await?;
        let page = self
            .post_form_no_follow(
                "/login",
                &[
                    ("username", username),
                    ("password", password),
                    ("next", "/"),
                ],
            )
            .await?;
        if page.status != 303 {
            bail!("sign-in as {username} refused: status {}", page.status);
        }
        self.follow(page).await
    }

    /// The value of a cookie.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.cookies.lock().expect("cookie lock").get(name).cloned()
    }

    /// The CSRF token the client will send.
    pub fn csrf_token(&self) -> Option<String> {
        self.csrf.lock().expect("csrf lock").clone()
    }
}
