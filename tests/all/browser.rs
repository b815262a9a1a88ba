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
    b.fill("#hello-name", "Depuis le navigateur").await;
    b.click("form[action='/bonjour/'] button[type='submit']")
        .await;
    let page = b.wait_for("<li>Depuis le navigateur</li>").await;
    assert!(page.contains("Salutation enregistrée."), "{page}");
}

/// The key shown on the set-up page, without its grouping spaces.
fn shown_key(page: &str) -> String {
    let at = page.find("class=\"secret\">").expect("the key is shown") + 15;
    let end = at + page[at..].find("</code>").expect("the key ends");
    page[at..end].replace(' ', "")
}

/// A citizen turns on the second factor in Chromium, typing the code an
/// authenticator app would show, then signs in again with it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_citizen_turns_on_the_second_factor_and_signs_in_with_a_code() {
    let host = estive_testing::TestHost::builder()
        .plugin(fixture("hello"))
        .start()
        .await
        .unwrap();
    let url = host.url.clone();
    let code_now = |secret: &str| {
        let now = host.state.platform.runtime.services.now();
        estive_core::identity::second_factor::code_at(secret, now).unwrap()
    };
    let b = Browser::start().await;
    b.sign_in(&url, "citoyen").await;
    b.goto(&format!("{url}/compte")).await;
    b.click("a[href='/compte/double-authentification']").await;
    b.click("form[action='/compte/double-authentification/activer'] button")
        .await;
    let page = b.wait_for("class=\"qr-code\"").await;
    assert!(page.contains("<svg"), "the QR code is drawn");
    let secret = shown_key(&page);
    b.fill("#f-code", &code_now(&secret)).await;
    b.fill("#f-password", estive_testing::PASSWORD).await;
    b.click("form[action='/compte/double-authentification/confirmer'] button")
        .await;
    let page = b.wait_for("recovery-codes").await;
    assert_eq!(page.matches("<li><code>").count(), 10, "ten recovery codes");

    b.sign_out().await;
    // The next code: the one just typed served once already.
    host.set_now(
        &(host.state.platform.runtime.services.now() + chrono::TimeDelta::seconds(31)).to_rfc3339(),
    );
    b.goto(&format!("{url}/login")).await;
    b.fill("#username", "citoyen").await;
    b.fill("#password", estive_testing::PASSWORD).await;
    b.click("form[action='/login'] button[type='submit']").await;
    b.wait_for("autocomplete=\"one-time-code\"").await;
    assert!(b.url().await.ends_with("/login/code"));
    assert!(
        !b.source().await.contains("signout-form"),
        "not signed in yet"
    );
    b.fill("#f-code", &code_now(&secret)).await;
    b.click("form[action='/login/code'] button[type='submit']")
        .await;
    b.wait_for("signout-form").await;
    assert!(
        b.console()
            .await
            .iter()
            .all(|m| !m.contains("Content Security Policy"))
    );
}
