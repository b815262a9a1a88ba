//! The web layer around plugins: access checks before plugin code runs,
//! CSRF, system endpoints, events, schedules, widgets and downloads.

use std::collections::BTreeMap;

use crate::fixtures::{fixture, host_with};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn areas_and_permissions_are_checked_before_the_plugin() {
    let host = host_with(&[]).await;
    // (user, path) → expected status after redirects (anonymous: sign-in form).
    let cases = [
        (None, "/bonjour/", 200),
        (None, "/extranet/bonjour/secret", 200),
        (Some("citoyen"), "/extranet/bonjour/secret", 403),
        (Some("agent"), "/extranet/bonjour/secret", 403),
        (Some("elu"), "/extranet/bonjour/secret", 200),
        (Some("admin"), "/extranet/bonjour/secret", 200),
        (Some("elu"), "/admin/bonjour/", 403),
        (Some("admin"), "/admin/bonjour/", 200),
        (Some("citoyen"), "/extranet/", 403),
        (Some("agent"), "/extranet/", 200),
        (None, "/bonjour/nothing-here", 404),
        (None, "/nowhere/", 404),
    ];
    for (user, path, expected) in cases {
        let c = match user {
            Some(u) => host.login(u).await.unwrap(),
            None => host.client(),
        };
        let page = c.get(path).await.unwrap();
        assert_eq!(page.status, expected, "{user:?} {path}: {}", page.text);
        if user.is_none() && path.starts_with("/extranet") {
            assert!(
                page.path.starts_with("/login?next="),
                "anonymous visitors are sent to sign in: {}",
                page.path
            );
        }
        if user.is_some() && expected == 200 && path.contains("secret") {
            assert!(page.contains("id=\"secret\""), "{}", page.text);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_post_without_a_valid_csrf_token_never_reaches_the_plugin() {
    let host = host_with(&[]).await;
    let c = host.client();
    c.get("/bonjour/").await.unwrap();
    let missing = c
        .post_raw("/bonjour/", &[("name", "Sans jeton")])
        .await
        .unwrap();
    assert_eq!(missing.status, 403);
    let wrong = c
        .post_raw(
            "/bonjour/",
            &[("csrf_token", "forged"), ("name", "Faux jeton")],
        )
        .await
        .unwrap();
    assert_eq!(wrong.status, 403);
    // A token from another browser does not work either.
    let other = host.client();
    other.get("/bonjour/").await.unwrap();
    let stolen = other.csrf_token().unwrap();
    let page = c
        .post_raw("/bonjour/", &[("csrf_token", &stolen), ("name", "Volé")])
        .await
        .unwrap();
    assert_eq!(page.status, 403);
    let list = c.get("/bonjour/").await.unwrap();
    assert!(
        list.contains("0 salutation"),
        "nothing was saved: {}",
        list.text
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_issues_a_new_session_and_sign_out_ends_it() {
    let host = host_with(&[]).await;
    let c = host.client();
    let wrong = c.login("elu", "not the password").await;
    assert!(wrong.is_err());
    let page = c.login("elu", estive_testing::PASSWORD).await.unwrap();
    assert!(page.contains("Élodie Élue"), "{}", page.text);
    let first = c.cookie("estive_session").unwrap();
    c.login("elu", estive_testing::PASSWORD).await.ok();
    c.post_form("/logout", &[]).await.unwrap();
    assert!(c.cookie("estive_session").is_none());
    // Signing in again gives another session id.
    c.login("elu", estive_testing::PASSWORD).await.unwrap();
    assert_ne!(c.cookie("estive_session").unwrap(), first);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_attempts_are_limited() {
    let host = host_with(&[]).await;
    let c = host.client();
    for _ in 0..10 {
        assert!(c.login("agent", "wrong password!").await.is_err());
    }
    // Even the right password is refused for a while now.
    let e = c
        .login("agent", estive_testing::PASSWORD)
        .await
        .unwrap_err();
    assert!(format!("{e}").contains("429"), "{e}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn script_in_a_text_field_comes_back_escaped() {
    let host = host_with(&[]).await;
    let c = host.client();
    let page = c
        .post_form("/bonjour/", &[("name", "<script>alert(1)</script>")])
        .await
        .unwrap();
    assert!(!page.contains("<script>alert(1)</script>"), "{}", page.text);
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"),
        "{}",
        page.text
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_metrics_and_sitemap_answer() {
    let host = host_with(&[]).await;
    let c = host.client();
    let h = c.get("/healthz").await.unwrap();
    assert_eq!(h.status, 200);
    let v: serde_json::Value = serde_json::from_str(&h.text).unwrap();
    assert_eq!(v["status"], "ok");
    assert_eq!(v["sites"], 1);
    c.get("/bonjour/").await.unwrap();
    let m = c.get("/metrics").await.unwrap();
    assert!(
        m.contains("estive_plugin_calls_total{plugin=\"hello\",export=\"handle\",outcome=\"ok\"}"),
        "{}",
        m.text
    );
    assert!(
        m.contains("estive_http_requests_total{area=\"portal\",status=\"200\"}"),
        "{}",
        m.text
    );
    // The list page's query was quick: answered on the caller's thread.
    assert!(
        m.contains("estive_storage_reads_total{thread=\"caller\"} 1\n"),
        "{}",
        m.text
    );
    let s = c.get("/sitemap.xml").await.unwrap();
    assert!(s.contains("<loc>http://test.localhost"), "{}", s.text);
    assert!(
        s.contains("/bonjour/</loc>"),
        "portal route listed: {}",
        s.text
    );
    assert!(
        !s.contains("export.csv"),
        "sitemap = false is honoured: {}",
        s.text
    );
    assert!(
        !s.contains("secret"),
        "extranet routes are not listed: {}",
        s.text
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_schedules_widgets_and_downloads_work() {
    let host = host_with(&[]).await;
    let c = host.client();
    c.post_form("/bonjour/", &[("name", "Événement")])
        .await
        .unwrap();
    // The greeting published `hello.greeted`, to which hello subscribes.
    let delivered = host.deliver_events().await.unwrap();
    assert_eq!(delivered, 1);
    host.run_schedule("hello", "tick").await.unwrap();
    assert!(host.run_schedule("hello", "nope").await.is_err());
    let snap = host.state.platform.snapshot();
    let site = snap.site("test").unwrap();
    let plugin = site.plugin("hello").unwrap();
    let actor = estive_core::storage::Actor::default();
    let scope = estive_core::storage::Scope {
        site_id: site.id,
        manifest: &plugin.loaded.manifest,
        actor: &actor,
    };
    let seen = host
        .state
        .platform
        .runtime
        .services
        .storage
        .query(scope, crate::storage::select("seen", vec![]))
        .await
        .unwrap();
    let topics: Vec<_> = seen.rows.iter().map(|r| r[1].clone()).collect();
    assert_eq!(
        topics,
        vec![
            crate::storage::text("hello.greeted"),
            crate::storage::text("tick")
        ]
    );
    // The portal home shows hello's widget with the count.
    let home = c.get("/").await.unwrap();
    assert!(home.contains("1 salutation"), "{}", home.text);
    let csv = c.get("/bonjour/export.csv").await.unwrap();
    assert_eq!(csv.status, 200);
    assert!(
        csv.headers["content-disposition"]
            .to_str()
            .unwrap()
            .contains("greetings.csv")
    );
    assert!(csv.text.contains("Événement"), "{}", csv.text);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sitemap_lists_a_page_per_row_of_the_site_with_its_date() {
    let host = host_with(&[]).await;
    let c = host.client();
    for name in ["Anne", "Benoît & Cie"] {
        c.post_form("/bonjour/", &[("name", name)]).await.unwrap();
    }
    let mut other = estive_core::sites::config::SiteConfig::new("autre", "Autre communauté");
    other.domains = vec!["autre.localhost".into()];
    other.plugins.insert("hello".into(), Default::default());
    host.state
        .platform
        .apply_site(other, BTreeMap::new(), BTreeMap::new(), None)
        .await
        .unwrap();
    let sitemap = c.get("/sitemap.xml").await.unwrap();
    let pages: Vec<&str> = sitemap
        .text
        .lines()
        .filter(|l| l.contains("/bonjour/salutations/"))
        .collect();
    assert_eq!(pages.len(), 2, "{}", sitemap.text);
    for line in &pages {
        // <url><loc>http://test.localhost…/bonjour/salutations/1</loc><lastmod>2026-…Z</lastmod></url>
        let loc = line
            .split("<loc>")
            .nth(1)
            .unwrap()
            .split("</loc>")
            .next()
            .unwrap();
        let lastmod = line
            .split("<lastmod>")
            .nth(1)
            .unwrap()
            .split("</lastmod>")
            .next()
            .unwrap();
        assert!(
            chrono::DateTime::parse_from_rfc3339(lastmod).is_ok(),
            "{line}"
        );
        // Every listed address is a page anyone can open.
        let path = &loc[loc.find("/bonjour/").unwrap()..];
        let page = c.get(path).await.unwrap();
        assert_eq!(page.status, 200, "{path}");
        assert!(
            page.contains("Anne") || page.contains("Benoît &amp; Cie"),
            "{}",
            page.text
        );
    }
    // The other site has no greetings: none of these pages are its own.
    let theirs = reqwest::Client::new()
        .get(format!("{}/sitemap.xml", host.url))
        .header("host", "autre.localhost")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(theirs.contains("<loc>http://autre.localhost"), "{theirs}");
    assert!(theirs.contains("/bonjour/</loc>"), "{theirs}");
    assert!(!theirs.contains("/salutations/"), "{theirs}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plugin_sees_only_its_own_sites_rows() {
    let host = estive_testing::TestHost::builder()
        .plugin(fixture("snoop"))
        .start()
        .await
        .unwrap();
    // A second site with the same plugin, served at another host name.
    let mut other = estive_core::sites::config::SiteConfig::new("autre", "Autre communauté");
    other.domains = vec!["autre.localhost".into()];
    other.plugins.insert("snoop".into(), Default::default());
    host.state
        .platform
        .apply_site(other, BTreeMap::new(), BTreeMap::new(), None)
        .await
        .unwrap();
    let a = host.client();
    a.post_form("/snoop/add", &[("text", "note du site test")])
        .await
        .unwrap();
    let page = a.get("/snoop/site").await.unwrap();
    assert!(page.contains("note du site test"), "{}", page.text);
    assert_eq!(
        page.text.matches("refused: ").count(),
        2,
        "filtering or writing site_id is refused: {}",
        page.text
    );
    // The same plugin on the other site sees none of it.
    let other_site = host.state.platform.snapshot();
    let autre = other_site.site("autre").unwrap();
    let plugin = autre.plugin("snoop").unwrap();
    let actor = estive_core::storage::Actor::default();
    let scope = estive_core::storage::Scope {
        site_id: autre.id,
        manifest: &plugin.loaded.manifest,
        actor: &actor,
    };
    let rows = host
        .state
        .platform
        .runtime
        .services
        .storage
        .query(scope, crate::storage::select("notes", vec![]))
        .await
        .unwrap();
    assert!(rows.rows.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_site_overrides_the_layout_and_a_plugin_template() {
    let host = host_with(&[]).await;
    let snapshot = host.state.platform.snapshot();
    let site = snapshot.site("test").unwrap();
    let mut templates = site.templates.clone();
    let layout = estive_core::web::render::asset("templates/layout.html")
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .unwrap();
    templates.insert(
        "layout.html".into(),
        layout.replace(
            "<main id=\"contenu\"",
            "<p id=\"bandeau\">Bandeau de la communauté</p><main id=\"contenu\"",
        ),
    );
    templates.insert(
        "hello/list.html".into(),
        "<p id=\"local\">{{ greeting }}, version locale</p>{% set count = greetings|length %}{% include \"count.html\" %}".into(),
    );
    host.state
        .platform
        .apply_site(site.config.clone(), templates, site.statics.clone(), None)
        .await
        .unwrap();
    host.state.render.reset(&host.state.platform);
    let page = host.client().get("/bonjour/").await.unwrap();
    assert_eq!(page.status, 200, "{}", page.text);
    assert!(
        page.contains("id=\"bandeau\""),
        "the site's layout: {}",
        page.text
    );
    assert!(
        page.contains("Bonjour, version locale"),
        "the site's plugin template: {}",
        page.text
    );
    assert!(
        page.contains("0 salutation"),
        "the override includes the plugin's own template: {}",
        page.text
    );
    // Other sites keep the host's layout.
    let mut other = estive_core::sites::config::SiteConfig::new("autre", "Autre");
    other.domains = vec!["autre.localhost".into()];
    host.state
        .platform
        .apply_site(other, BTreeMap::new(), BTreeMap::new(), None)
        .await
        .unwrap();
    let resp = reqwest::Client::new()
        .get(format!("{}/", host.url))
        .header("host", "autre.localhost")
        .send()
        .await
        .unwrap();
    assert!(!resp.text().await.unwrap().contains("bandeau"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plugin_mails_an_account_of_its_site_by_id() {
    let host = host_with(&[]).await;
    let before = host.mails().len();
    // Anonymous: no receipt.
    let page = host
        .client()
        .post_form("/bonjour/", &[("name", "Anonyme")])
        .await
        .unwrap();
    assert_eq!(page.status, 200, "{}", page.text);
    assert_eq!(host.mails().len(), before);
    // Signed in: one receipt at the account's address, with the site's name.
    let c = host.login("citoyen").await.unwrap();
    let page = c
        .post_form("/bonjour/", &[("name", "Jeanne")])
        .await
        .unwrap();
    assert_eq!(page.status, 200, "{}", page.text);
    let mails = host.mails();
    assert_eq!(mails.len(), before + 1, "{mails:?}");
    let last = mails.last().unwrap();
    assert!(last.contains("citoyen@example.org"), "{last}");
    assert!(
        last.contains("Subject:") && last.contains("Salutation"),
        "{last}"
    );
    assert!(last.contains("Merci, Jeanne"), "{last}");
}
