//! In a real headless Chromium (Debian's `chromium` and `chromium-driver`,
//! installed by `.ci/run`): the administrator enables a plugin from the
//! admin pages, and a citizen then finds it on the portal.
//!
//! The browser is driven over the W3C WebDriver protocol (plain JSON over
//! HTTP to chromedriver), which needs nothing but an HTTP client.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};

use crate::fixtures::fixture;

struct Driver {
    http: reqwest::Client,
    base: String,
    session: String,
    child: Child,
    _profile: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Driver {
    async fn start() -> Driver {
        let driver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let browser = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let port = free_port();
        let child = Command::new(&driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {driver} ({e}): install chromium-driver (apt-get install chromium chromium-driver)"));
        let http = reqwest::Client::new();
        let base = format!("http://127.0.0.1:{port}");
        for _ in 0..100 {
            if http.get(format!("{base}/status")).send().await.is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let profile = tempfile::tempdir().unwrap();
        let caps = json!({
            "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": browser,
                    "args": [
                        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
                        "--window-size=1280,1024",
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
            .unwrap()
            .json()
            .await
            .unwrap();
        let session = resp["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no WebDriver session: {resp}"))
            .to_string();
        Driver {
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
        let resp: Value = req.send().await.unwrap().json().await.unwrap();
        if resp["value"].get("error").is_some() {
            panic!("WebDriver {path}: {}", resp["value"]);
        }
        resp["value"].clone()
    }

    async fn goto(&self, url: &str) {
        self.cmd(reqwest::Method::POST, "/url", json!({ "url": url }))
            .await;
    }

    async fn find(&self, css: &str) -> String {
        let v = self
            .cmd(
                reqwest::Method::POST,
                "/element",
                json!({ "using": "css selector", "value": css }),
            )
            .await;
        v.as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap()
            .to_string()
    }

    async fn fill(&self, css: &str, text: &str) {
        let el = self.find(css).await;
        self.cmd(
            reqwest::Method::POST,
            &format!("/element/{el}/value"),
            json!({ "text": text }),
        )
        .await;
    }

    /// Click like a person would after scrolling the element into view.
    async fn click(&self, css: &str) {
        let el = self.find(css).await;
        let reference = json!({ "element-6066-11e4-a52e-4f735466cecf": el });
        self.cmd(
            reqwest::Method::POST,
            "/execute/sync",
            json!({ "script": "arguments[0].scrollIntoView({block: 'center'});", "args": [reference] }),
        )
        .await;
        self.cmd(
            reqwest::Method::POST,
            &format!("/element/{el}/click"),
            json!({}),
        )
        .await;
    }

    async fn source(&self) -> String {
        self.cmd(reqwest::Method::GET, "/source", Value::Null)
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Wait (up to 10 s) until the page shows `text`: a form's submission
    /// may still be loading when the click returns.
    async fn wait_for(&self, text: &str) -> String {
        for _ in 0..100 {
            let page = self.source().await;
            if page.contains(text) {
                return page;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("`{text}` never showed: {}", self.source().await)
    }

    async fn sign_in(&self, url: &str, who: &str) {
        self.goto(&format!("{url}/login")).await;
        self.fill("#username", who).await;
        self.fill("#password", estive_core::testing::PASSWORD).await;
        self.click("form[action='/login'] button[type='submit']")
            .await;
        self.wait_for("signout-form").await;
    }

    async fn sign_out(&self) {
        self.click("form.signout-form button[type='submit']").await;
        self.wait_for("signin-link").await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_enables_a_plugin_and_a_citizen_sees_it() {
    let host = estive_core::testing::TestHost::builder()
        .plugin(fixture("hello"))
        .start()
        .await
        .unwrap();
    host.state
        .platform
        .disable(estive_core::testing::SITE, "hello")
        .await
        .unwrap();
    host.state.render.reset(&host.state.platform);
    let url = host.url.clone();
    let b = Driver::start().await;

    b.goto(&format!("{url}/")).await;
    assert!(
        !b.source().await.contains("/bonjour/"),
        "hello is disabled at first"
    );

    b.sign_in(&url, "admin").await;
    b.goto(&format!("{url}/admin/plugins")).await;
    b.click("form[action='/admin/plugins/hello/enable'] button[type='submit']")
        .await;
    for _ in 0..100 {
        if host
            .state
            .platform
            .snapshot()
            .site("test")
            .unwrap()
            .plugin("hello")
            .is_some()
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        host.state
            .platform
            .snapshot()
            .site("test")
            .unwrap()
            .plugin("hello")
            .is_some(),
        "hello is enabled"
    );
    let page = b.wait_for("status-200").await;
    assert!(
        page.contains("class=\"badge badge-open\""),
        "the admin page shows it enabled: {page}"
    );
    b.sign_out().await;

    b.sign_in(&url, "citoyen").await;
    b.goto(&format!("{url}/")).await;
    let home = b.source().await;
    assert!(
        home.contains("Claire Citoyenne"),
        "signed in as the citizen: {home}"
    );
    b.click("nav.site-nav a[href='/bonjour/']").await;
    b.wait_for("<h1 class=\"page-title\">Bonjour</h1>").await;
    b.fill("#name", "Depuis le navigateur").await;
    b.click("form[action='/bonjour/'] button[type='submit']")
        .await;
    let page = b.wait_for("<li>Depuis le navigateur</li>").await;
    assert!(page.contains("Salutation enregistrée."), "{page}");
}
