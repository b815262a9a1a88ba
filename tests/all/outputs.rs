//! What a plugin hands the host cannot reach past its own pages: templates
//! are bounded in time, memory and depth; downloads cannot run script on
//! the site's origin; redirects and printed links stay on the site (or on
//! hosts the manifest declares); oversized answers are refused. Each attack
//! fails only its own request, and the well-behaved `hello` keeps
//! answering while the server's memory stays bounded.
//!
//! The attacks come from the `outputs` fixture, which picks one from the
//! query string.

use std::time::{Duration, Instant};

use estive_testing::{Client, TestHost};

use crate::fixtures::host_with;

/// The server's resident memory (this test process hosts it), in MiB.
fn resident_mib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|kb| kb.parse::<u64>().ok())
        .map_or(0, |kb| kb / 1024)
}

async fn neighbour_answers(c: &Client) {
    let page = c.get("/bonjour/").await.unwrap();
    assert_eq!(
        page.status, 200,
        "the well-behaved plugin must keep answering"
    );
}

async fn host() -> TestHost {
    host_with(&["outputs"]).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_templates_fail_their_request_quickly_and_memory_stays_bounded() {
    let host = host().await;
    let c = host.client();
    let fine = c.get("/sorties/gabarit/fine").await.unwrap();
    assert_eq!(fine.status, 200, "{}", fine.text);
    assert!(fine.contains("Tout va bien."));
    let before = resident_mib();
    for attack in ["loops", "print", "double", "repeat", "recurse", "deep"] {
        let started = Instant::now();
        let page = c.get(&format!("/sorties/gabarit/{attack}")).await.unwrap();
        let took = started.elapsed();
        assert_eq!(page.status, 500, "{attack}: {}", page.text);
        // Each attack on its own: forget the faults so far, which would
        // suspend the plugin after five (tested below).
        for l in host.state.platform.runtime.all() {
            l.health.resume();
        }
        assert!(
            page.contains("<main"),
            "{attack}: the error page is in the layout"
        );
        assert!(
            !page.contains("fuel") && !page.contains("template"),
            "{attack}: internals must not leak: {}",
            page.text
        );
        assert!(
            took < Duration::from_secs(5),
            "{attack} held the request for {took:?}"
        );
        neighbour_answers(&c).await;
    }
    // Several at once, as an attacker would send them.
    let mut jobs = Vec::new();
    for attack in ["print", "double", "repeat", "recurse"].repeat(4) {
        let c = c.clone();
        jobs.push(tokio::spawn(async move {
            c.get(&format!("/sorties/gabarit/{attack}"))
                .await
                .unwrap()
                .status
        }));
    }
    for j in jobs {
        assert!(matches!(j.await.unwrap(), 500 | 503));
    }
    neighbour_answers(&c).await;
    let grew = resident_mib().saturating_sub(before);
    assert!(grew < 1024, "resident memory grew by {grew} MiB");
}

/// The host's form macros (`estive/…`) are the only host templates a
/// plugin reaches: a path climbing out of that folder loads nothing, and
/// the macros escape whatever a forged `form` holds.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_host_form_macros_neither_open_the_host_templates_nor_print_markup() {
    let host = host().await;
    let c = host.client();
    let escape = c.get("/sorties/gabarit/kit_escape").await.unwrap();
    assert_eq!(escape.status, 500, "{}", escape.text);
    assert_eq!(
        escape.text.matches("<main").count(),
        1,
        "only the error page's own layout: {}",
        escape.text
    );
    let forged = c.get("/sorties/gabarit/kit_forged").await.unwrap();
    assert_eq!(forged.status, 200, "{}", forged.text);
    for n in 1..=7 {
        assert!(
            !forged.text.contains(&format!("<script>alert({n})")),
            "alert({n}) printed as markup: {}",
            forged.text
        );
    }
    assert!(!forged.text.contains("<img src=x"), "{}", forged.text);
    assert!(
        forged.text.contains("&lt;script&gt;alert(4)"),
        "{}",
        forged.text
    );
    neighbour_answers(&c).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn repeated_template_faults_suspend_the_plugin_not_the_site() {
    let host = host().await;
    let c = host.client();
    for _ in 0..5 {
        c.get("/sorties/gabarit/loops").await.unwrap();
    }
    let page = c.get("/sorties/gabarit/fine").await.unwrap();
    assert_eq!(
        page.status, 503,
        "suspended after repeated faults: {}",
        page.text
    );
    neighbour_answers(&c).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn downloads_cannot_run_script_on_the_site() {
    let host = host().await;
    let c = host.client();
    let script = "<script>fetch('/admin/')</script>";
    for (ty, inline, disposition) in [
        ("text/html", "1", "attachment"),
        ("text/html; charset=utf-8", "1", "attachment"),
        ("TEXT/HTML", "1", "attachment"),
        ("image/svg+xml", "1", "attachment"),
        ("application/xhtml+xml", "1", "attachment"),
        ("text/xml", "1", "attachment"),
        ("application/javascript", "1", "attachment"),
        ("text/html\r\nX-Injected: 1", "1", "attachment"),
        ("not a type", "1", "attachment"),
        ("", "1", "attachment"),
        ("text/plain", "1", "inline"),
        ("application/pdf", "1", "inline"),
        ("image/png", "1", "inline"),
        ("text/csv", "0", "attachment"),
    ] {
        let path = format!(
            "/sorties/fichier?type={}&inline={inline}&name=x.html&body={}",
            estive_core::web::urlencode(ty),
            estive_core::web::urlencode(script)
        );
        // Twice: the second answer comes from the host's page cache.
        c.get(&path).await.unwrap();
        let hits = host.state.pages.counts().0;
        let page = c.get(&path).await.unwrap();
        assert_eq!(host.state.pages.counts().0, hits + 1, "{ty:?}: a cache hit");
        assert_eq!(page.status, 200, "{ty}: {}", page.text);
        let h = |n: &str| {
            page.headers
                .get(n)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_string()
        };
        assert!(
            h("content-disposition").starts_with(disposition),
            "{ty:?}: {}",
            h("content-disposition")
        );
        assert_eq!(h("x-content-type-options"), "nosniff", "{ty:?}");
        assert!(h("content-security-policy").contains("sandbox"), "{ty:?}");
        assert!(
            !h("content-type").contains('\n') && page.headers.get("x-injected").is_none(),
            "{ty:?}"
        );
    }
    neighbour_answers(&c).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redirects_stay_on_the_site_or_on_declared_hosts() {
    let host = host().await;
    let c = host.client();
    let refused = [
        "//evil.example/",
        "/\t/evil.example/",
        "/\\evil.example/",
        "\\\\evil.example",
        "https://evil.example/",
        "https://declared.example.evil.example/",
        "https://declared.example@evil.example/",
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "/\r\nSet-Cookie: x=1",
        "",
        "evil.example",
    ];
    for to in refused {
        let page = c
            .send(
                reqwest::Method::GET,
                &format!(
                    "/sorties/redirection?to={}",
                    estive_core::web::urlencode(to)
                ),
                None,
            )
            .await
            .unwrap();
        assert_eq!(page.status, 500, "{to:?} must be refused");
        assert!(page.headers.get("location").is_none(), "{to:?}");
    }
    for (to, status) in [
        ("/bonjour/", 303),
        ("/bonjour/?a=b#c", 303),
        ("https://declared.example/oauth?x=1", 303),
        ("https://DECLARED.example/", 303),
    ] {
        let page = c
            .send(
                reqwest::Method::GET,
                &format!(
                    "/sorties/redirection?to={}",
                    estive_core::web::urlencode(to)
                ),
                None,
            )
            .await
            .unwrap();
        assert_eq!(page.status, status, "{to:?}");
        assert_eq!(
            page.headers.get("location").and_then(|v| v.to_str().ok()),
            Some(to)
        );
    }
    neighbour_answers(&c).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_hosts_own_next_parameter_cannot_leave_the_site() {
    let host = host().await;
    let c = host.client();
    for next in [
        "/\t/evil.example",
        "//evil.example",
        "/\\evil.example",
        "https://evil.example",
    ] {
        let page = c
            .send(
                reqwest::Method::GET,
                &format!("/langue/en?next={}", estive_core::web::urlencode(next)),
                None,
            )
            .await
            .unwrap();
        let location = page
            .headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        assert_eq!(location, "/", "{next:?} gave {location:?}");
    }
    // The same through the sign-in form.
    c.get("/login").await.unwrap();
    let page = c
        .post_form_no_follow(
            "/login",
            &[
                ("username", "admin"),
                ("password", estive_testing::PASSWORD),
                ("next", "/\t/evil.example"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(page.status, 303);
    assert_eq!(
        page.headers.get("location").and_then(|v| v.to_str().ok()),
        Some("/")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn breadcrumb_links_are_paths_or_http_urls() {
    let host = host().await;
    let c = host.client();
    for url in [
        "javascript:alert(document.cookie)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example",
    ] {
        let page = c
            .get(&format!(
                "/sorties/fil?url={}",
                estive_core::web::urlencode(url)
            ))
            .await
            .unwrap();
        assert_eq!(page.status, 200, "{url:?}: {}", page.text);
        assert!(!page.contains("piège"), "{url:?} was printed as a link");
        assert!(
            !page.text.to_ascii_lowercase().contains("javascript:"),
            "{url:?}"
        );
        assert!(page.contains("Tout va bien."));
    }
    let page = c.get("/sorties/fil?url=/bonjour/").await.unwrap();
    assert!(
        page.contains("href=\"&#x2f;bonjour&#x2f;\""),
        "a path is kept as a link: {}",
        page.text
    );
    assert!(page.contains("piège"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversized_view_context_is_refused() {
    let host = host().await;
    let c = host.client();
    let page = c.get("/sorties/contexte?bytes=1000").await.unwrap();
    assert_eq!(page.status, 200);
    let page = c
        .get(&format!(
            "/sorties/contexte?bytes={}",
            estive_core::web::plugin::MAX_VIEW_CONTEXT + 1
        ))
        .await
        .unwrap();
    assert_eq!(page.status, 500);
    neighbour_answers(&c).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_and_audit_entries_are_bounded_per_call() {
    let host = host().await;
    let c = host.client();
    let page = c.get("/sorties/flot?events=10&audit=10").await.unwrap();
    assert_eq!(page.status, 200, "{}", page.text);
    for attack in ["events=1001", "audit=5001", "events=1&payload=70000"] {
        let page = c.get(&format!("/sorties/flot?{attack}")).await.unwrap();
        assert_eq!(page.status, 500, "{attack}: {}", page.text);
        neighbour_answers(&c).await;
    }
}
