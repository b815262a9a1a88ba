//! Every page of the demo site, in headless Chromium, under the host's
//! Content-Security-Policy: crawled from the home page (and the extranet
//! and admin homes) as an anonymous visitor and as each demo role,
//! following same-site links (bounded), the browser's console must show no
//! CSP violation.
//!
//! The console is read through chromedriver's log endpoint
//! (`goog:loggingPrefs` + `POST /session/{id}/se/log`), by the harness's
//! [`estive_testing::Browser`].

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::PathBuf;

use estive_testing::{Browser, Builder, PASSWORD};
use serde_json::Value;

/// Pages visited per role at most.
const PAGES_PER_ROLE: usize = 60;

/// Links of the current page that stay on `origin`, as paths; downloads,
/// feeds, the sign-out and language switches are left out.
async fn same_site_links(b: &Browser, origin: &str) -> Vec<String> {
    let hrefs = b
        .script(
            "return Array.from(document.querySelectorAll('a[href]')).map(a => a.href);",
            vec![],
        )
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
async fn crawl(b: &Browser, origin: &str, starts: &[&str]) -> (Vec<String>, usize) {
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
        "roster",
        "jobs",
        "housing",
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

    let b = Browser::start().await;
    // The console does report violations: an inline style attribute set
    // from a script is refused under the policy, and says so.
    b.goto(&format!("{origin}/")).await;
    b.console().await;
    b.script(
        "document.body.setAttribute('style', 'outline: 1px solid red');",
        vec![],
    )
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
        Some("planning"),
        Some("employeur"),
        Some("admin"),
    ] {
        let mut starts = vec!["/"];
        if let Some(who) = who {
            b.sign_in(&origin, who).await;
            if who != "citoyen" && who != "employeur" {
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
            b.sign_out().await;
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
