//! A real headless Chromium (Debian's `chromium` and `chromium-driver`),
//! driven over the W3C WebDriver protocol: plain JSON over HTTP to
//! chromedriver, which needs nothing but an HTTP client.
//!
//! Every step panics with the driver's own message when it fails: a browser
//! test is a script, and the first failing step is the one to read.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};

/// The WebDriver key of an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// One Chromium session, ended (and chromedriver stopped) on drop.
pub struct Browser {
    http: reqwest::Client,
    base: String,
    session: String,
    child: Child,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

impl Browser {
    /// Start chromedriver and a headless Chromium (`CHROMEDRIVER` and
    /// `CHROMIUM` override where they are).
    ///
    /// # Panics
    /// chromedriver or Chromium cannot start.
    pub async fn start() -> Browser {
        let driver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let browser = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let port = free_port();
        let child = Command::new(&driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {driver} ({e}): install chromium-driver (apt-get install chromium chromium-driver)")
            });
        let http = reqwest::Client::new();
        let base = format!("http://127.0.0.1:{port}");
        for _ in 0..100 {
            if http.get(format!("{base}/status")).send().await.is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let profile = tempfile::tempdir().expect("a browser profile folder");
        let caps = json!({
            "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "goog:loggingPrefs": { "browser": "ALL" },
                // A `data-confirm` button asks with `window.confirm`: a
                // person testing the form says yes.
                "unhandledPromptBehavior": "accept",
                "goog:chromeOptions": {
                    "binary": browser,
                    "args": [
                        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
                        "--window-size=1280,1024",
                        // The theme scrolls smoothly: a click would land
                        // while the page is still moving.
                        "--force-prefers-reduced-motion",
                        format!("--user-data-dir={}", profile.path().display()),
                    ],
                },
            }},
        });
        let resp: Value = http
            .post(format!("{base}/session"))
            .json(&caps)
            .send()
            .await
            .expect("chromedriver answers")
            .json()
            .await
            .expect("chromedriver answers JSON");
        let session = resp["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no WebDriver session: {resp}"))
            .to_string();
        Browser {
            http,
            base,
            session,
            child,
            _profile: profile,
        }
    }

    async fn cmd(&self, method: reqwest::Method, path: &str, body: Value) -> Value {
        let url = format!("{}/session/{}{path}", self.base, self.session);
        let mut req = self.http.request(method.clone(), url);
        if method != reqwest::Method::GET {
            req = req.json(&body);
        }
        let resp: Value = req
            .send()
            .await
            .expect("chromedriver answers")
            .json()
            .await
            .expect("chromedriver answers JSON");
        if resp["value"].get("error").is_some() {
            panic!("WebDriver {path}: {}", resp["value"]);
        }
        resp["value"].clone()
    }

    /// Run JavaScript in the page with `args` (`arguments[0]`…; an element
    /// is passed as [`Browser::element`] gives it) and return what it
    /// returns.
    pub async fn script(&self, script: &str, args: Vec<Value>) -> Value {
        self.cmd(
            reqwest::Method::POST,
            "/execute/sync",
            json!({ "script": script, "args": args }),
        )
        .await
    }

    /// The first element matching a CSS selector, as a script argument.
    ///
    /// # Panics
    /// No element matches.
    pub async fn element(&self, css: &str) -> Value {
        json!({ ELEMENT: self.find(css).await })
    }

    /// Open a URL and wait for it to load.
    pub async fn goto(&self, url: &str) {
        self.cmd(reqwest::Method::POST, "/url", json!({ "url": url }))
            .await;
    }

    /// The URL the browser shows.
    pub async fn url(&self) -> String {
        self.cmd(reqwest::Method::GET, "/url", Value::Null)
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    async fn find(&self, css: &str) -> String {
        let v = self
            .cmd(
                reqwest::Method::POST,
                "/element",
                json!({ "using": "css selector", "value": css }),
            )
            .await;
        v.get(ELEMENT)
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no element for `{css}`"))
            .to_string()
    }

    /// Whether an element matches a CSS selector on the current page.
    pub async fn has(&self, css: &str) -> bool {
        let v = self
            .cmd(
                reqwest::Method::POST,
                "/elements",
                json!({ "using": "css selector", "value": css }),
            )
            .await;
        v.as_array().is_some_and(|a| !a.is_empty())
    }

    /// Type into a field, after clearing what it holds.
    pub async fn fill(&self, css: &str, text: &str) {
        let el = self.find(css).await;
        self.cmd(
            reqwest::Method::POST,
            &format!("/element/{el}/clear"),
            json!({}),
        )
        .await;
        self.cmd(
            reqwest::Method::POST,
            &format!("/element/{el}/value"),
            json!({ "text": text }),
        )
        .await;
    }

    /// Pick the option of a `<select>` whose visible label contains
    /// `label`, as a person clicking in the list would.
    pub async fn select(&self, css: &str, label: &str) {
        let found = self
            .script(
                "const s = arguments[0]; const o = Array.from(s.options).find(o => o.text.includes(arguments[1]));\
                 if (!o) return false; s.value = o.value;\
                 s.dispatchEvent(new Event('input', {bubbles: true})); s.dispatchEvent(new Event('change', {bubbles: true})); return true;",
                vec![self.element(css).await, json!(label)],
            )
            .await;
        assert_eq!(
            found,
            Value::Bool(true),
            "`{css}` offers no option labelled `{label}`"
        );
    }

    /// Click like a person would, after scrolling the element into view.
    pub async fn click(&self, css: &str) {
        let el = self.find(css).await;
        self.script(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
            vec![json!({ ELEMENT: el })],
        )
        .await;
        self.cmd(
            reqwest::Method::POST,
            &format!("/element/{el}/click"),
            json!({}),
        )
        .await;
    }

    /// The page's HTML as the browser holds it now.
    pub async fn source(&self) -> String {
        self.cmd(reqwest::Method::GET, "/source", Value::Null)
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The browser console's messages since the last call (CSP violations
    /// and script errors show there).
    pub async fn console(&self) -> Vec<String> {
        let v = self
            .http
            .post(format!("{}/session/{}/se/log", self.base, self.session))
            .json(&json!({ "type": "browser" }))
            .send()
            .await
            .expect("chromedriver answers")
            .json::<Value>()
            .await
            .expect("chromedriver answers JSON");
        v["value"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e["message"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Wait (up to 10 s) until the page shows `text`: a form's submission
    /// may still be loading when the click returns.
    ///
    /// # Panics
    /// The text never shows.
    pub async fn wait_for(&self, text: &str) -> String {
        for _ in 0..100 {
            let page = self.source().await;
            if page.contains(text) {
                return page;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("`{text}` never showed: {}", self.source().await)
    }

    /// Wait (up to 10 s) until the address holds `part`: the page a form
    /// sent to has replaced the one it was on (which may show the same
    /// text, as a list does before and after a search).
    ///
    /// # Panics
    /// The address never holds it.
    pub async fn wait_for_url(&self, part: &str) -> String {
        for _ in 0..100 {
            let url = self.url().await;
            if url.contains(part) {
                return url;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the address never held `{part}`: {}", self.url().await)
    }

    /// Sign in through the site's sign-in form at `base_url` (the test
    /// host's URL), with the test password.
    pub async fn sign_in(&self, base_url: &str, username: &str) {
        self.goto(&format!("{base_url}/login")).await;
        self.fill("#username", username).await;
        self.fill("#password", crate::PASSWORD).await;
        self.click("form[action='/login'] button[type='submit']")
            .await;
        self.wait_for("signout-form").await;
    }

    /// Sign out with the layout's button.
    pub async fn sign_out(&self) {
        self.click("form.signout-form button[type='submit']").await;
        self.wait_for("signin-link").await;
    }
}
