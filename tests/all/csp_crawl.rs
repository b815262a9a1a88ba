//! Every page of the demo site, in headless Chromium, under the host's
//! Content-Security-Policy: crawled from the home page (and the extranet
//! and admin homes) as an anonymous visitor and as each demo role,
//! following same-site links (bounded), the browser's console must show no
//! CSP violation.
//!
//! The console is read through chromedriver's log endpoint
//! (`goog:loggingPrefs` + `POST /session/{id}/se/log`). The WebDriver
//! client is a copy of the one in `browser.rs`, kept here so that this
//! module stands alone.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use estive_testing::{Builder, PASSWORD};
use serde_json::{Value, json};

/// Pages visited per role at most.
const PAGES_PER_ROLE: usize = 60;

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
            .unwrap_or_else(|e| panic!("cannot start {driver} ({e}): install chromium-driver"));
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
                "goog:loggingPrefs": { "browser": "ALL" },
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

    async fn script(&self, script: &str) -> Value {
        self.cmd(
            reqwest::Method::POST,
            "/execute/sync",
            json!({ "script": script, "args": [] }),
        )
        .await
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

    async fn click(&self, css: &str) {
        let el = self.find(css).await;
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

    async fn wait_for(&self, text: &str) {
        for _ in 0..100 {
            if self.source().await.contains(text) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("`{text}` never showed: {}", self.source().await)
    }

    /// The console messages since the last call.
    async fn console(&self) -> Vec<String> {
        let url = format!("{}/session/{}/se/log", self.base, self.session);
        let resp: Value = self
            .http
            .post(url)
            .json(&json!({ "type": "browser" }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        resp["value"]
            .as_array()
            .map(|entries| {
                entries
                    .iter()
                    .map(|e| {
                        format!(
                            "{} {}",
                            e["level"].as_str().unwrap_or(""),
                            e["message"].as_str().unwrap_or("")
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Links of the current page that stay on `origin`, as paths; downloads,
/// feeds, the sign-out and language switches are left out.
async fn same_site_links(b: &Driver, origin: &str) -> Vec<String> {
    let hrefs = b
        .script("return Array.from(document.querySelectorAll('a[href]')).map(a => a.href);")
        .await;
    hrefs
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .filter_map(|h| h.strip_prefix(origin))
        .map(|p| p.split('#').next().unwrap_or("").to_string())
        .filter(|p| p.starts_with('/'))
        .filter(|p| {
            let path = p.split('?').next().unwrap_or("");
            !(path.starts_with("/logout")
                || path.starts_with("/langue/")
                || path.starts_with("/static/")
                || path.contains("export")
                || [".csv", ".ics", ".json", ".xml", ".txt", ".pdf", ".zip"]
                    .iter()
                    .any(|ext| path.ends_with(ext)))
        })
        .collect()
}

/// Visit pages breadth first from `starts`; the CSP violations seen, with
/// the page they were seen on, and how many pages were visited.
async fn crawl(b: &Driver, origin: &str, starts: &[&str]) -> (Vec<String>, usize) {
    let mut queue: VecDeque<String> = starts.iter().map(|s| s.to_string()).collect();
    let mut seen: BTreeSet<String> = queue.iter().cloned().collect();
    let mut shapes: BTreeMap<String, usize> = BTreeMap::new();
    let mut violations = Vec::new();
    let mut visited = 0;
    while let Some(path) = queue.pop_front() {
        if visited >= PAGES_PER_ROLE {
            break;
        }
        b.goto(&format!("{origin}{path}")).await;
        visited += 1;
        for m in b.console().await {
            if m.contains("Content Security Policy") || m.contains("Content-Security-Policy") {
                violations.push(format!("{path}: {m}"));
            }
        }
        for link in same_site_links(b, origin).await {
            // Pages of one kind (a poll, a sheet) differ only by their data:
            // a few of each are enough to cover their templates.
            let shape: String = link
                .split('?')
                .next()
                .unwrap_or("")
                .split('/')
                .map(|s| {
                    if s.chars().any(|c| c.is_ascii_digit()) {
                        "#"
                    } else {
                        s
                    }
                })
                .collect::<Vec<_>>()
                .join("/");
            let same_shape = shapes.entry(shape).or_default();
            if *same_shape < 2 && seen.insert(link.clone()) {
                *same_shape += 1;
                queue.push_back(link);
            }
        }
    }
    (violations, visited)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_site_shows_no_csp_violation_to_anyone() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut builder = Builder::default();
    for p in [
        "polls",
        "indicators",
        "forums",
        "canteen",
        "booking",
        "comarquage",
    ] {
        builder = builder.plugin(root.join("plugins").join(p));
    }
    let host = builder.start().await.unwrap();
    let dir = root.join("sites/veziaux-aure");
    host.state
        .platform
        .apply_site_dir(&dir, Some(PASSWORD))
        .await
        .unwrap();
    host.state
        .platform
        .load_demo("veziaux-aure", &dir.join("demo"))
        .await
        .unwrap();
    host.state.render.reset(&host.state.platform);
    // Chromium resolves every `*.localhost` name to the machine itself.
    let port = host.url.rsplit(':').next().unwrap();
    let origin = format!("http://veziaux-aure.localhost:{port}");

    let b = Driver::start().await;
    // The console does report violations: an inline style attribute set
    // from a script is refused under the policy, and says so.
    b.goto(&format!("{origin}/")).await;
    b.console().await;
    b.script("document.body.setAttribute('style', 'outline: 1px solid red');")
        .await;
    let canary = b.console().await;
    assert!(
        canary
            .iter()
            .any(|m| m.contains("Content Security Policy") || m.contains("Content-Security-Policy")),
        "a refused inline style shows in the console: {canary:?}"
    );
    let mut report = Vec::new();
    let mut total = 0;
    for who in [
        None,
        Some("citoyen"),
        Some("elu"),
        Some("agent"),
        Some("admin"),
    ] {
        let mut starts = vec!["/"];
        if let Some(who) = who {
            b.goto(&format!("{origin}/login")).await;
            b.fill("#username", who).await;
            b.fill("#password", PASSWORD).await;
            b.click("form[action='/login'] button[type='submit']").await;
            b.wait_for("signout-form").await;
            if who != "citoyen" {
                starts.push("/extranet/");
            }
            if who == "admin" {
                starts.push("/admin/");
            }
        }
        let (violations, visited) = crawl(&b, &origin, &starts).await;
        total += visited;
        assert!(visited >= 5, "{who:?} visited only {visited} pages");
        report.extend(
            violations
                .into_iter()
                .map(|v| format!("{}: {v}", who.unwrap_or("anonymous"))),
        );
        if who.is_some() {
            b.goto(&format!("{origin}/")).await;
            b.click("form.signout-form button[type='submit']").await;
            b.wait_for("signin-link").await;
            b.console().await;
        }
    }
    eprintln!("crawled {total} pages of the demo site");
    assert!(
        report.is_empty(),
        "CSP violations over {total} pages:\n{}",
        report.join("\n")
    );
}
