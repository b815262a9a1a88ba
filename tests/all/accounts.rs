//! Accounts: sign-up by site setting, password reset by e-mail, invitations,
//! the account page, the RGPD download and deletion (through the plugins'
//! hooks), and the choice of site by host name.

use crate::fixtures::host_with;
use estive_core::sites::config::Signup;

const GOOD: [(&str, &str); 6] = [
    ("name", "Jean Lassalle"),
    ("username", "jean.lassalle"),
    ("email", "jean@example.org"),
    ("password", "une phrase de passe"),
    ("password_confirm", "une phrase de passe"),
    ("consent", "on"),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_signup_creates_a_citizen_and_signs_in() {
    let host = host_with(&[]).await;
    let c = host.client();
    let page = c.post_form("/inscription", &GOOD).await.unwrap();
    assert_eq!(page.status, 200, "{}", page.text);
    assert!(page.contains("Votre compte est créé"), "{}", page.text);
    assert!(page.contains("jean.lassalle"), "{}", page.text);
    assert!(page.contains("Citoyen"), "{}", page.text);
    // The extranet stays closed to citizens.
    assert_eq!(c.get("/extranet/").await.unwrap().status, 403);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_signup_shows_every_error_and_saves_nothing() {
    let host = host_with(&[]).await;
    let c = host.client();
    let page = c
        .post_form(
            "/inscription",
            &[
                ("name", ""),
                ("username", "Jean Lassalle"),
                ("email", "jean"),
                ("password", "court"),
                ("password_confirm", "court"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(page.status, 422);
    for msg in [
        "Ce champ est obligatoire.",
        "L’identifiant doit compter",
        "Saisissez une adresse électronique valide, par exemple nom@exemple.fr.",
        "au moins 10 caractères",
        "Cochez cette case",
    ] {
        assert!(page.contains(msg), "missing `{msg}` in {}", page.text);
    }
    assert!(
        page.contains("value=\"jean\""),
        "submitted values are kept: {}",
        page.text
    );
    // A taken username is refused too.
    let page = c
        .post_form(
            "/inscription",
            &[
                ("name", "X"),
                ("username", "elu"),
                ("email", "x@example.org"),
                ("password", "une phrase de passe"),
                ("password_confirm", "une phrase de passe"),
                ("consent", "on"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(page.status, 409, "{}", page.text);
    assert!(
        host.client()
            .login("jean.lassalle", "une phrase de passe")
            .await
            .is_err()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signup_follows_the_site_setting() {
    let host = host_with(&[]).await;
    host.edit_site(|c| c.signup = Signup::Invitation)
        .await
        .unwrap();
    let c = host.client();
    assert!(
        c.get("/inscription")
            .await
            .unwrap()
            .contains("sur invitation")
    );
    assert_eq!(
        c.post_form("/inscription", &GOOD).await.unwrap().status,
        403
    );
    // The administrator invites; the link creates the account with the roles given.
    let admin = host.login("admin").await.unwrap();
    let page = admin
        .post_form(
            "/admin/invitations",
            &[("email", "paul@example.org"), ("roles", "staff")],
        )
        .await
        .unwrap();
    assert!(page.contains("L’invitation est envoyée."), "{}", page.text);
    let link = host
        .last_mailed_link()
        .expect("an invitation mail with a link");
    assert!(link.starts_with("/invitation/"), "{link}");
    let paul = host.client();
    let page = paul.get(&link).await.unwrap();
    assert!(page.contains("paul@example.org"), "{}", page.text);
    let page = paul
        .post_form(
            &link,
            &[
                ("name", "Paul"),
                ("username", "paul"),
                ("email", "paul@example.org"),
                ("password", "une phrase de passe"),
                ("password_confirm", "une phrase de passe"),
                ("consent", "on"),
            ],
        )
        .await
        .unwrap();
    assert!(page.contains("Agent"), "{}", page.text);
    assert_eq!(paul.get("/extranet/").await.unwrap().status, 200);
    // An invitation works once.
    assert_eq!(host.client().get(&link).await.unwrap().status, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_password_is_reset_through_the_mailed_link() {
    let host = host_with(&[]).await;
    let old = host.login("agent").await.unwrap();
    let c = host.client();
    let page = c
        .post_form("/mot-de-passe", &[("who", "agent@example.org")])
        .await
        .unwrap();
    assert!(page.contains("Si un compte correspond"), "{}", page.text);
    // The link is mailed in the background (the answer must not wait for
    // it: its time would tell that the account exists).
    crate::identity::wait_for_mail(&host, "/mot-de-passe/").await;
    // The same answer for an unknown account, and no mail.
    let before = host.mails().len();
    let page = c
        .post_form("/mot-de-passe", &[("who", "nobody@example.org")])
        .await
        .unwrap();
    assert!(page.contains("Si un compte correspond"));
    assert_eq!(host.mails().len(), before);
    let link = host.last_mailed_link().expect("a reset mail");
    let page = c
        .post_form(
            &link,
            &[
                ("password", "nouvelle phrase secrète"),
                ("password_confirm", "nouvelle phrase secrète"),
            ],
        )
        .await
        .unwrap();
    assert!(
        page.contains("Votre mot de passe est changé"),
        "{}",
        page.text
    );
    assert_eq!(
        host.client().get(&link).await.unwrap().status,
        404,
        "a link works once"
    );
    assert!(
        host.client()
            .login("agent", estive_testing::PASSWORD)
            .await
            .is_err()
    );
    host.client()
        .login("agent", "nouvelle phrase secrète")
        .await
        .unwrap();
    // The session opened with the old password is over.
    assert!(
        old.get("/extranet/")
            .await
            .unwrap()
            .path
            .starts_with("/login")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_downloads_their_data_and_deletes_their_account() {
    let host = host_with(&[]).await;
    let c = host.login("citoyen").await.unwrap();
    c.post_form("/bonjour/", &[("name", "Claire")])
        .await
        .unwrap();
    let other = host.login("elu").await.unwrap();
    other
        .post_form("/bonjour/", &[("name", "Élodie")])
        .await
        .unwrap();
    let data = c.get("/compte/donnees.json").await.unwrap();
    assert_eq!(data.status, 200);
    let v: serde_json::Value = serde_json::from_str(&data.text).unwrap();
    assert_eq!(v["account"]["username"], "citoyen");
    assert_eq!(v["plugins"]["hello"]["greetings"][0]["name"], "Claire");
    assert_eq!(
        v["plugins"]["hello"]["greetings"].as_array().unwrap().len(),
        1,
        "only their own rows"
    );
    // A wrong password deletes nothing.
    let page = c
        .post_form("/compte/supprimer", &[("password", "pas le bon")])
        .await
        .unwrap();
    assert_eq!(page.status, 422);
    let page = c
        .post_form(
            "/compte/supprimer",
            &[("password", estive_testing::PASSWORD)],
        )
        .await
        .unwrap();
    assert!(page.contains("Votre compte est supprimé."), "{}", page.text);
    assert!(
        host.client()
            .login("citoyen", estive_testing::PASSWORD)
            .await
            .is_err()
    );
    let list = host.client().get("/bonjour/").await.unwrap();
    assert!(
        !list.contains("<li>Claire</li>"),
        "the plugin erased their rows: {}",
        list.text
    );
    assert!(list.contains("<li>Élodie</li>"), "others' rows stay");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_host_names_get_the_default_site_or_a_404() {
    let host = host_with(&[]).await;
    let resp = reqwest::Client::new()
        .get(format!("{}/", host.url))
        .header("host", "elsewhere.example")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200, "the default site");
    let host404 = estive_testing::TestHost::builder()
        .unknown_host_404()
        .start()
        .await
        .unwrap();
    let resp = reqwest::Client::new()
        .get(format!("{}/", host404.url))
        .header("host", "elsewhere.example")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    let resp = reqwest::Client::new()
        .get(format!("{}/", host404.url))
        .header("host", "test.localhost")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200, "a known host name");
}
