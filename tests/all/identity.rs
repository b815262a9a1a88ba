//! Identity hardening: session lifetimes by role, sign-in throttling that
//! no attacker can turn into a lock-out, e-mail changes behind the
//! password, notices of account changes, per-address limits on sign-up and
//! reset requests, and the optional second factor.

use std::time::{Duration, Instant};

use estive_testing::{Builder, PASSWORD, TestHost};

use crate::fixtures::fixture;

async fn host_at(now: &str) -> TestHost {
    Builder::default()
        .plugin(fixture("hello"))
        .trusted_proxies("127.0.0.1")
        .now(now)
        .start()
        .await
        .expect("test host starts")
}

/// Wait (a few seconds at most) for a mail whose text contains `needle`;
/// returns it with quoted-printable soft breaks joined.
pub async fn wait_for_mail(host: &TestHost, needle: &str) -> String {
    for _ in 0..100 {
        if let Some(m) = host
            .mails()
            .into_iter()
            .map(|m| m.replace("=\r\n", "").replace("=\n", ""))
            .find(|m| m.contains(needle))
        {
            return m;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no mail containing `{needle}` in {:?}", host.mails());
}

/// A sign-in from a given client address (as the proxy in front of the
/// server reports it), with a fresh browser; returns the status and the
/// `Retry-After` header.
async fn sign_in_from(
    host: &TestHost,
    address: &str,
    username: &str,
    password: &str,
) -> (u16, Option<u64>) {
    sign_in_with(host, address, "", username, password).await.0
}

/// [`sign_in_from`] with extra cookies (`name=value; …`); also returns
/// the cookies set by the answer.
async fn sign_in_with(
    host: &TestHost,
    address: &str,
    extra_cookies: &str,
    username: &str,
    password: &str,
) -> ((u16, Option<u64>), Vec<String>) {
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let form = http
        .get(format!("{}/login", host.url))
        .header("x-forwarded-for", address)
        .send()
        .await
        .unwrap();
    let mut cookies: Vec<String> = form
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next().map(str::to_string))
        .collect();
    if !extra_cookies.is_empty() {
        cookies.push(extra_cookies.to_string());
    }
    let html = form.text().await.unwrap();
    let at = html.find("name=\"csrf_token\" value=\"").unwrap() + 25;
    let csrf = &html[at..at + html[at..].find('"').unwrap()];
    let resp = http
        .post(format!("{}/login", host.url))
        .header("x-forwarded-for", address)
        .header(reqwest::header::COOKIE, cookies.join("; "))
        .form(&[
            ("csrf_token", csrf),
            ("username", username),
            ("password", password),
            ("next", "/"),
        ])
        .send()
        .await
        .unwrap();
    let retry = resp
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok());
    let set: Vec<String> = resp
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next().map(str::to_string))
        .collect();
    ((resp.status().as_u16(), retry), set)
}

fn at(base: chrono::DateTime<chrono::Utc>, plus: chrono::TimeDelta) -> String {
    (base + plus).to_rfc3339()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_attackers_failures_from_one_address_do_not_stop_the_right_password_from_another() {
    let host = host_at("2026-03-02T09:00:00Z").await;
    let attacker = "198.51.100.7";
    for _ in 0..5 {
        assert_eq!(
            sign_in_from(&host, attacker, "admin", "devine").await.0,
            422
        );
    }
    // The attacker now waits; the administrator, elsewhere, does not.
    let (status, retry) = sign_in_from(&host, attacker, "admin", "devine").await;
    assert_eq!(status, 429);
    assert_eq!(retry, Some(2));
    let (status, _) = sign_in_from(&host, "203.0.113.20", "admin", PASSWORD).await;
    assert_eq!(
        status, 303,
        "the real administrator signs in from another address"
    );
    // Even the right password waits at the attacker's address: guessing
    // there is slowed whatever the guess.
    assert_eq!(
        sign_in_from(&host, attacker, "admin", PASSWORD).await.0,
        429
    );
}

/// Move the test clock forward from where it is now (sign-ins take real
/// time too, more when other tests load the machine).
fn advance(host: &TestHost, by: chrono::TimeDelta) {
    let now = host.state.platform.runtime.services.now();
    host.set_now(&(now + by).to_rfc3339());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delays_double_after_each_failure_past_the_free_ones() {
    let host = host_at("2026-03-02T09:00:00Z").await;
    let from = "198.51.100.8";
    for _ in 0..5 {
        assert_eq!(sign_in_from(&host, from, "agent", "devine").await.0, 422);
    }
    for expected in [2, 4, 8, 16] {
        let (status, retry) = sign_in_from(&host, from, "agent", "devine").await;
        assert_eq!(status, 429);
        let retry = retry.expect("a Retry-After header");
        // The real clock runs too: allow a second of slack.
        assert!(
            retry <= expected && retry + 1 >= expected,
            "waited {retry}s, expected {expected}s"
        );
        advance(&host, chrono::TimeDelta::seconds(expected as i64 + 1));
        assert_eq!(
            sign_in_from(&host, from, "agent", "devine").await,
            (422, None),
            "after waiting {expected}s"
        );
    }
    // Waits are capped at a quarter of an hour.
    for _ in 0..12 {
        advance(&host, chrono::TimeDelta::minutes(16));
        assert_eq!(sign_in_from(&host, from, "agent", "devine").await.0, 422);
    }
    let (status, retry) = sign_in_from(&host, from, "agent", "devine").await;
    assert_eq!(status, 429);
    assert!(retry.unwrap() <= 900, "{retry:?}");
    // The right password, after the wait, signs in and clears the count.
    advance(&host, chrono::TimeDelta::minutes(16));
    assert_eq!(sign_in_from(&host, from, "agent", PASSWORD).await.0, 303);
    assert_eq!(sign_in_from(&host, from, "agent", "devine").await.0, 422);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_sign_ins_at_once_do_not_stop_the_server_serving_other_pages() {
    let host = host_with_hello().await;
    let attempts: Vec<_> = (0..40)
        .map(|i| {
            let url_host = &host;
            async move {
                sign_in_from(
                    url_host,
                    &format!("192.0.2.{i}"),
                    &format!("personne{i}"),
                    "devine",
                )
                .await
                .0
            }
        })
        .collect();
    let page = async {
        // Let the burst start, then ask for a page.
        tokio::time::sleep(Duration::from_millis(50)).await;
        let started = Instant::now();
        let page = host.client().get("/").await.unwrap();
        (page.status, started.elapsed())
    };
    let (statuses, (status, took)) = tokio::join!(futures::future::join_all(attempts), page);
    assert_eq!(status, 200);
    assert!(
        took < Duration::from_secs(10),
        "the home page took {took:?}"
    );
    // Each sign-in got an answer: refused, or asked to come back shortly.
    assert!(
        statuses.iter().all(|s| *s == 422 || *s == 503),
        "{statuses:?}"
    );
    assert!(statuses.contains(&422), "{statuses:?}");
}

async fn host_with_hello() -> TestHost {
    Builder::default()
        .plugin(fixture("hello"))
        .trusted_proxies("127.0.0.1")
        .start()
        .await
        .expect("test host starts")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attempts_keep_no_client_address() {
    let host = host_with_hello().await;
    sign_in_from(&host, "198.51.100.77", "elu", "devine").await;
    use sea_orm::{EntityTrait, QuerySelect};
    let keys: Vec<String> = estive_core::db::entities::login_attempt::Entity::find()
        .select_only()
        .column(estive_core::db::entities::login_attempt::Column::Key)
        .into_tuple()
        .all(&host.state.platform.db)
        .await
        .unwrap();
    assert!(!keys.is_empty());
    assert!(
        keys.iter().all(|k| !k.contains("198.51.100.77")),
        "{keys:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_administrators_session_ends_after_an_idle_hour_and_a_citizens_does_not() {
    let base = chrono::DateTime::parse_from_rfc3339("2026-03-02T09:00:00Z")
        .unwrap()
        .to_utc();
    let host = host_at(&base.to_rfc3339()).await;
    let admin = host.login("admin").await.unwrap();
    let citizen = host.login("citoyen").await.unwrap();
    host.set_now(&at(base, chrono::TimeDelta::minutes(50)));
    assert_eq!(admin.get("/compte").await.unwrap().path, "/compte");
    host.set_now(&at(base, chrono::TimeDelta::minutes(50 + 61)));
    let page = admin.get("/compte").await.unwrap();
    assert!(page.path.starts_with("/login"), "{}", page.path);
    assert_eq!(citizen.get("/compte").await.unwrap().path, "/compte");
    // Signing in again lands back where the person was.
    let mut form = page.form("/login").unwrap();
    form.set("username", "admin").unwrap();
    form.set("password", PASSWORD).unwrap();
    assert_eq!(form.submit(&admin).await.unwrap().path, "/compte");
    // A citizen's session survives days of idleness, but not a week.
    host.set_now(&at(base, chrono::TimeDelta::days(6)));
    assert_eq!(citizen.get("/compte").await.unwrap().path, "/compte");
    host.set_now(&at(base, chrono::TimeDelta::days(6 + 8)));
    assert!(
        citizen
            .get("/compte")
            .await
            .unwrap()
            .path
            .starts_with("/login")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_in_use_still_ends_at_its_absolute_lifetime() {
    let base = chrono::DateTime::parse_from_rfc3339("2026-03-02T09:00:00Z")
        .unwrap()
        .to_utc();
    let host = host_at(&base.to_rfc3339()).await;
    let agent = host.login("agent").await.unwrap();
    // Staff: used every 7 hours (under the 8-hour idle limit) for almost
    // a week…
    let mut t = chrono::TimeDelta::zero();
    while t + chrono::TimeDelta::hours(7) < chrono::TimeDelta::days(7) {
        t += chrono::TimeDelta::hours(7);
        host.set_now(&at(base, t));
        assert_eq!(
            agent.get("/compte").await.unwrap().path,
            "/compte",
            "at {t}"
        );
    }
    // …and refused past 7 days.
    host.set_now(&at(
        base,
        chrono::TimeDelta::days(7) + chrono::TimeDelta::minutes(1),
    ));
    assert!(
        agent
            .get("/compte")
            .await
            .unwrap()
            .path
            .starts_with("/login")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changing_the_email_asks_for_the_password_and_tells_the_old_address() {
    let host = host_at("2026-03-02T09:00:00Z").await;
    let c = host.login("citoyen").await.unwrap();
    let page = c.get("/compte").await.unwrap();
    let mut form = page.form("/compte/profil").unwrap();
    form.set("email", "nouvelle@example.org").unwrap();
    let refused = form.submit(&c).await.unwrap();
    assert_eq!(refused.status, 422);
    assert!(
        refused.contains("Saisissez votre mot de passe actuel"),
        "{}",
        refused.text
    );
    let mut form = refused.form("/compte/profil").unwrap();
    form.set("profile_password", "pas le bon mot").unwrap();
    let refused = form.submit(&c).await.unwrap();
    assert_eq!(refused.status, 422);
    let page = c.get("/compte").await.unwrap();
    assert_eq!(
        page.form("/compte/profil")
            .unwrap()
            .value("email")
            .as_deref(),
        Some("citoyen@example.org"),
        "nothing changed"
    );
    let before = host.mails().len();
    let mut form = page.form("/compte/profil").unwrap();
    form.set("email", "nouvelle@example.org").unwrap();
    form.set("profile_password", PASSWORD).unwrap();
    let saved = form.submit(&c).await.unwrap();
    assert_eq!(saved.status, 200, "{}", saved.text);
    assert_eq!(
        saved
            .form("/compte/profil")
            .unwrap()
            .value("email")
            .as_deref(),
        Some("nouvelle@example.org")
    );
    let mails = host.mails();
    assert_eq!(mails.len(), before + 1);
    let mail = mails
        .last()
        .unwrap()
        .replace("=\r\n", "")
        .replace("=\n", "");
    assert!(mail.contains("To: citoyen@example.org"), "{mail}");
    assert!(
        mail.contains("02/03/2026 10:00"),
        "the time, in the site's zone: {mail}"
    );
    assert!(mail.contains("contact@test.example"), "what to do: {mail}");
    // A name alone changes without the password, and mails nothing.
    let mut form = saved.form("/compte/profil").unwrap();
    form.set("name", "Claire C.").unwrap();
    assert_eq!(form.submit(&c).await.unwrap().status, 200);
    assert_eq!(host.mails().len(), before + 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_password_change_is_mailed_to_the_account() {
    let host = host_at("2026-03-02T09:00:00Z").await;
    let c = host.login("elu").await.unwrap();
    let other = host.login("elu").await.unwrap();
    let page = c.get("/compte").await.unwrap();
    let mut form = page.form("/compte/mot-de-passe").unwrap();
    form.set("current_password", PASSWORD).unwrap();
    form.set("password", "une toute autre phrase").unwrap();
    form.set("password_confirm", "une toute autre phrase")
        .unwrap();
    let done = form.submit(&c).await.unwrap();
    assert!(
        done.contains("Votre mot de passe est chang"),
        "{}",
        done.text
    );
    let mail = wait_for_mail(&host, "To: elu@example.org").await;
    assert!(mail.contains("/mot-de-passe"), "what to do: {mail}");
    assert!(mail.contains("02/03/2026 10:00"), "{mail}");
    // This browser stays signed in; the other one is out.
    assert_eq!(c.get("/compte").await.unwrap().path, "/compte");
    assert!(
        other
            .get("/compte")
            .await
            .unwrap()
            .path
            .starts_with("/login")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reset_request_answers_alike_for_known_and_unknown_accounts() {
    let host = host_with_hello().await;
    let c = host.client();
    c.get("/mot-de-passe").await.unwrap();
    let started = Instant::now();
    let known = c
        .post_form("/mot-de-passe", &[("who", "agent")])
        .await
        .unwrap();
    let known_took = started.elapsed();
    let started = Instant::now();
    let unknown = c
        .post_form("/mot-de-passe", &[("who", "personne")])
        .await
        .unwrap();
    let unknown_took = started.elapsed();
    assert_eq!(known.status, unknown.status);
    // Alike but for the nonce of each response's CSP.
    assert_eq!(known.text_without_nonces(), unknown.text_without_nonces());
    let slack = Duration::from_millis(250);
    assert!(
        known_took < unknown_took * 5 + slack,
        "{known_took:?} vs {unknown_took:?}"
    );
    assert!(
        unknown_took < known_took * 5 + slack,
        "{known_took:?} vs {unknown_took:?}"
    );
    wait_for_mail(&host, "To: agent@example.org").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_address_makes_only_a_few_reset_and_signup_requests_an_hour() {
    let host = host_with_hello().await;
    host.edit_site(|s| s.signup = estive_core::sites::config::Signup::Open)
        .await
        .unwrap();
    let c = host.client();
    for i in 0..10 {
        let page = c
            .post_form("/mot-de-passe", &[("who", &format!("personne{i}"))])
            .await
            .unwrap();
        assert_eq!(page.status, 200);
    }
    assert_eq!(
        c.post_form("/mot-de-passe", &[("who", "agent")])
            .await
            .unwrap()
            .status,
        429
    );
    for _ in 0..5 {
        let page = c.post_form("/inscription", &[("name", "")]).await.unwrap();
        assert_eq!(page.status, 422);
    }
    assert_eq!(
        c.post_form("/inscription", &[("name", "")])
            .await
            .unwrap()
            .status,
        429
    );
}

/// A spread attack: many addresses, one account. On SQLite and PostgreSQL
/// (the account-wide count matches keys by prefix, with `_` escaped).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_spread_attack_slows_new_browsers_briefly_but_not_a_known_one() {
    for db in [
        estive_testing::Database::Sqlite,
        estive_testing::Database::postgres(),
    ] {
        let host = Builder::default()
            .plugin(fixture("hello"))
            .trusted_proxies("127.0.0.1")
            .database(db)
            .user("jean_v", "Jean V.", &["staff"])
            .user("jeanxv", "Jean X.", &["staff"])
            .start()
            .await
            .expect("test host starts");
        // The person's own browser signed in before.
        let ((status, _), set) = sign_in_with(&host, "203.0.113.5", "", "jean_v", PASSWORD).await;
        assert_eq!(status, 303);
        let device = set
            .into_iter()
            .find(|c| c.starts_with("estive_device="))
            .expect("a device cookie");
        for a in 0..10 {
            for _ in 0..5 {
                let addr = format!("198.51.100.{a}");
                assert_eq!(sign_in_from(&host, &addr, "jean_v", "devine").await.0, 422);
            }
        }
        // A new browser waits a little, whatever its address…
        let (status, retry) = sign_in_from(&host, "203.0.113.9", "jean_v", PASSWORD).await;
        assert_eq!(status, 429);
        assert!(retry.unwrap() <= 60);
        // …the person's known browser does not…
        let ((status, _), _) =
            sign_in_with(&host, "203.0.113.9", &device, "jean_v", PASSWORD).await;
        assert_eq!(status, 303);
        // …and an account whose name matches `jean_v` as a LIKE pattern is
        // not touched.
        assert_eq!(
            sign_in_from(&host, "203.0.113.9", "jeanxv", PASSWORD)
                .await
                .0,
            303
        );
    }
}

/// The shared secret shown on the set-up page (grouped by four letters).
fn secret_on(page: &estive_testing::Page) -> String {
    let at = page
        .text
        .find("<code class=\"secret\">")
        .expect("the key is shown")
        + 21;
    let end = at + page.text[at..].find("</code>").unwrap();
    page.text[at..end].replace(' ', "")
}

fn code_now(host: &TestHost, secret: &str) -> String {
    let now = host.state.platform.runtime.services.now();
    estive_core::identity::second_factor::code_at(secret, now).unwrap()
}

/// Recovery codes shown once, in the list of the page.
fn recovery_codes_on(page: &estive_testing::Page) -> Vec<String> {
    let list = &page.text[page
        .text
        .find("class=\"recovery-codes\"")
        .expect("codes shown")..];
    let list = &list[..list.find("</ol>").unwrap()];
    list.split("<code>")
        .skip(1)
        .map(|s| s[..s.find("</code>").unwrap()].to_string())
        .collect()
}

/// Set up the second factor of a signed-in account through its pages;
/// returns the secret and the recovery codes.
async fn turn_on_second_factor(
    host: &TestHost,
    c: &estive_testing::Client,
) -> (String, Vec<String>) {
    let account = c.get("/compte").await.unwrap();
    assert!(account.contains("/compte/double-authentification"));
    let page = c.get("/compte/double-authentification").await.unwrap();
    let started = page
        .form("/compte/double-authentification/activer")
        .unwrap()
        .submit(c)
        .await
        .unwrap();
    assert_eq!(started.status, 200, "{}", started.text);
    assert!(started.contains("<svg"), "a QR code to scan");
    let secret = secret_on(&started);
    // A wrong code, then a wrong password: nothing turns on.
    let mut form = started
        .form("/compte/double-authentification/confirmer")
        .unwrap();
    form.set("code", "000000").unwrap();
    form.set("password", PASSWORD).unwrap();
    let wrong = form.submit(c).await.unwrap();
    assert_eq!(wrong.status, 422);
    assert!(wrong.contains("aria-invalid=\"true\""));
    let mut form = wrong
        .form("/compte/double-authentification/confirmer")
        .unwrap();
    form.set("code", &code_now(host, &secret)).unwrap();
    form.set("password", "pas le bon").unwrap();
    assert_eq!(form.submit(c).await.unwrap().status, 422);
    let mut form = c
        .get("/compte/double-authentification")
        .await
        .unwrap()
        .form("/compte/double-authentification/confirmer")
        .unwrap();
    form.set("code", &code_now(host, &secret)).unwrap();
    form.set("password", PASSWORD).unwrap();
    let on = form.submit(c).await.unwrap();
    assert_eq!(on.status, 200, "{}", on.text);
    let codes = recovery_codes_on(&on);
    assert_eq!(codes.len(), 10);
    (secret, codes)
}

/// Password, then the code page: returns the client and the code page.
async fn password_step(
    host: &TestHost,
    username: &str,
) -> (estive_testing::Client, estive_testing::Page) {
    let c = host.client();
    c.get("/login").await.unwrap();
    let asked = c
        .post_form_no_follow(
            "/login",
            &[
                ("username", username),
                ("password", PASSWORD),
                ("next", "/compte"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(asked.status, 303);
    let page = c.follow_redirects(asked).await.unwrap();
    assert_eq!(page.path, "/login/code");
    assert!(
        c.cookie("estive_session").is_none(),
        "no session before the code"
    );
    (c, page)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_second_factor_is_asked_after_the_password_and_each_code_serves_once() {
    let host = host_at("2026-03-02T09:00:00Z").await;
    let c = host.login("citoyen").await.unwrap();
    let (secret, codes) = turn_on_second_factor(&host, &c).await;
    let mail = wait_for_mail(&host, "demandera d=C3=A9sormais").await;
    assert!(mail.contains("citoyen@example.org"), "{mail}");
    // The session that turned it on goes on.
    assert_eq!(c.get("/compte").await.unwrap().status, 200);

    advance(&host, chrono::TimeDelta::seconds(61));
    let (b, page) = password_step(&host, "citoyen").await;
    assert_eq!(page.status, 200);
    assert!(
        b.get("/compte").await.unwrap().path.starts_with("/login"),
        "not signed in yet"
    );
    let (b, page) = password_step(&host, "citoyen").await;
    let mut form = page.form("/login/code").unwrap();
    form.set("code", "123456").unwrap();
    let wrong = form.submit(&b).await.unwrap();
    assert_eq!(wrong.status, 422);
    assert!(wrong.contains("aria-invalid=\"true\""));
    let code = code_now(&host, &secret);
    let mut form = wrong.form("/login/code").unwrap();
    form.set("code", &code).unwrap();
    let done = form.submit(&b).await.unwrap();
    assert_eq!(done.status, 200, "{}", done.text);
    assert_eq!(done.path, "/compte", "to where the sign-in was going");
    // The same code again, in another browser within its 30 seconds: refused.
    let (d, page) = password_step(&host, "citoyen").await;
    let mut form = page.form("/login/code").unwrap();
    form.set("code", &code).unwrap();
    assert_eq!(
        form.submit(&d).await.unwrap().status,
        422,
        "a code serves once"
    );
    // A recovery code, typed loosely, serves once too.
    let loose = codes[0].to_uppercase().replace('-', " ");
    let mut form = c_form(&d).await;
    form.set("code", &loose).unwrap();
    let in_with_recovery = form.submit(&d).await.unwrap();
    assert_eq!(in_with_recovery.status, 200, "{}", in_with_recovery.text);
    assert!(
        in_with_recovery.contains("Il vous en reste 9."),
        "{}",
        in_with_recovery.text
    );
    let (e, page) = password_step(&host, "citoyen").await;
    let mut form = page.form("/login/code").unwrap();
    form.set("code", &codes[0]).unwrap();
    assert_eq!(
        form.submit(&e).await.unwrap().status,
        422,
        "a used recovery code"
    );
    // The pending sign-in lasts ten minutes.
    advance(&host, chrono::TimeDelta::minutes(11));
    let mut form = page.form("/login/code").unwrap();
    form.set("code", &code_now(&host, &secret)).unwrap();
    let late = form.submit(&e).await.unwrap();
    assert_eq!(late.status, 200);
    assert_eq!(late.path, "/login", "start again: {}", late.text);
}

async fn c_form(c: &estive_testing::Client) -> estive_testing::Form {
    c.get("/login/code")
        .await
        .unwrap()
        .form("/login/code")
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_codes_slow_the_account_down_like_wrong_passwords() {
    let host = host_at("2026-03-02T09:00:00Z").await;
    let c = host.login("citoyen").await.unwrap();
    turn_on_second_factor(&host, &c).await;
    let (b, page) = password_step(&host, "citoyen").await;
    let mut last = 0;
    let mut form = page.form("/login/code").unwrap();
    for _ in 0..12 {
        form.set("code", "999999").unwrap();
        let p = form.submit(&b).await.unwrap();
        last = p.status;
        if last == 429 {
            assert!(p.headers.get("retry-after").is_some());
            break;
        }
        form = p.form("/login/code").unwrap();
    }
    assert_eq!(last, 429, "guessing codes is slowed down");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_site_can_require_the_second_factor_of_its_administrators() {
    let host = host_at("2026-03-02T09:00:00Z").await;
    host.edit_site(|s| s.security.admin_second_factor = true)
        .await
        .unwrap();
    let admin = host.login("admin").await.unwrap();
    let sent = admin.get("/admin/users").await.unwrap();
    assert_eq!(
        sent.path, "/compte/double-authentification",
        "{}",
        sent.text
    );
    assert!(sent.contains("administrateurs"));
    // A citizen's pages are not concerned.
    let citizen = host.login("citoyen").await.unwrap();
    assert_eq!(citizen.get("/compte").await.unwrap().path, "/compte");
    // Once on, the administration opens, and the factor cannot be removed.
    let (secret, _) = turn_on_second_factor(&host, &admin).await;
    let users = admin.get("/admin/users").await.unwrap();
    assert_eq!(users.path, "/admin/users");
    let page = admin.get("/compte/double-authentification").await.unwrap();
    assert!(
        page.form("/compte/double-authentification/desactiver")
            .is_err()
    );
    assert_eq!(secret.len(), 32);
    // A lost phone: another administrator resets it; the person's sessions end.
    let citizen_id = host
        .state
        .platform
        .accounts(host.state.platform.snapshot().site("test").unwrap().id)
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.username == "citoyen")
        .unwrap()
        .id;
    turn_on_second_factor(&host, &citizen).await;
    let page = admin
        .get(&format!("/admin/users/{citizen_id}"))
        .await
        .unwrap();
    let reset = page
        .form(&format!("/admin/users/{citizen_id}/second-factor"))
        .unwrap()
        .submit(&admin)
        .await
        .unwrap();
    assert_eq!(reset.status, 200, "{}", reset.text);
    assert!(
        citizen
            .get("/compte")
            .await
            .unwrap()
            .path
            .starts_with("/login")
    );
    host.login("citoyen")
        .await
        .expect("the password alone again");
}

/// A username no account can have (a megabyte, control characters) is a
/// wrong sign-in like any other on both databases, never a server error,
/// and is slowed down like any other.
async fn absurd_usernames_are_wrong_sign_ins_on(db: estive_testing::Database) {
    let host = Builder::default()
        .plugin(fixture("hello"))
        .database(db)
        .start()
        .await
        .expect("test host starts");
    // Random letters do not compress: PostgreSQL cannot shrink them under
    // its index row limit (about 2.7 kB) as it would a repeated one.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let random: String = (0..20_000)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            char::from(b'a' + (seed % 26) as u8)
        })
        .collect();
    for name in [
        "x".repeat(1 << 20),
        random,
        "é".repeat(5_000),
        "a\u{7}b\u{1b}[2J".into(),
    ] {
        let c = host.client();
        c.get("/login").await.unwrap();
        let p = c
            .post_form_no_follow(
                "/login",
                &[
                    ("username", name.as_str()),
                    ("password", "x"),
                    ("next", "/"),
                ],
            )
            .await
            .unwrap();
        assert!(
            p.status == 422 || p.status == 429,
            "{}: {}",
            p.status,
            &p.text[..p.text.len().min(300)]
        );
        assert!(p.text.len() < 64 * 1024, "the name is not echoed whole");
    }
    // Guessing under long names is slowed down like under short ones (a
    // name cut to fit the table must not escape its count).
    let long = "y".repeat(250);
    let c = host.client();
    c.get("/login").await.unwrap();
    let mut statuses = Vec::new();
    for _ in 0..7 {
        let p = c
            .post_form_no_follow(
                "/login",
                &[
                    ("username", long.as_str()),
                    ("password", "x"),
                    ("next", "/"),
                ],
            )
            .await
            .unwrap();
        statuses.push(p.status);
    }
    assert!(statuses.contains(&429), "{statuses:?}");
    host.login("citoyen")
        .await
        .expect("the others still sign in");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn absurd_usernames_are_wrong_sign_ins_on_sqlite() {
    absurd_usernames_are_wrong_sign_ins_on(estive_testing::Database::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn absurd_usernames_are_wrong_sign_ins_on_postgres() {
    absurd_usernames_are_wrong_sign_ins_on(estive_testing::Database::postgres()).await;
}
