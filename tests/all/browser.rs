//! In a real headless Chromium (Debian's `chromium` and `chromium-driver`,
//! installed by `.ci/run`): the administrator enables a plugin from the
//! admin pages, and a citizen then finds it on the portal.
//!
//! The browser is driven over the W3C WebDriver protocol (plain JSON over
//! HTTP to chromedriver), which needs nothing but an HTTP client.

use std::time::Duration;

use estive_testing::Browser;

use crate::fixtures::fixture;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_enables_a_plugin_and_a_citizen_sees_it() {
    let host = estive_testing::TestHost::builder()
        .plugin(fixture("hello"))
        .start()
        .await
        .unwrap();
    host.state
        .platform
        .disable(estive_testing::SITE, "hello")
        .await
        .unwrap();
    host.state.render.reset(&host.state.platform);
    let url = host.url.clone();
    let b = Browser::start().await;

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
