//! The administration area through the browser's eyes: who may open it,
//! and that each admin action has its real effect (on the portal, on
//! permissions, on accounts) and leaves a trace in the audit log; the
//! server administration installs uploaded packages and refuses broken
//! ones without installing anything.

use estive_core::identity::{passwords, users};
use estive_core::package::Package;
use estive_testing::{Builder, Client, TestHost, build_package};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::fixtures::{fixture, host_with};

fn hello() -> Package {
    build_package(&fixture("hello")).expect("hello builds")
}

/// hello with another version and a setting of every type.
fn hello_with_settings(version: &str) -> Package {
    let p = hello();
    let manifest = p
        .manifest_text
        .replace("version = \"1.0.0\"", &format!("version = \"{version}\""))
        + r#"
[[settings]]
name = "capacity"
type = "integer"
title = { fr = "Capacité", en = "Capacity" }
min = 1
max = 500
default = 40

[[settings]]
name = "zone"
type = "choice"
title = { fr = "Zone", en = "Zone" }
choices = ["A", "B", "C"]
required = true
default = "A"

[[settings]]
name = "deadline"
type = "time"
title = { fr = "Heure limite", en = "Deadline" }
default = "09:30"

[[settings]]
name = "ratio"
type = "float"
title = { fr = "Rapport", en = "Ratio" }

[[settings]]
name = "open"
type = "boolean"
title = { fr = "Ouvert", en = "Open" }
default = true

[[settings]]
name = "villages"
type = "list"
title = { fr = "Villages", en = "Villages" }

[[settings]]
name = "notes"
type = "textarea"
title = { fr = "Notes", en = "Notes" }
"#;
    Package::from_parts(manifest, p.wasm, p.files).expect("the variant of hello is a valid package")
}

/// A package as the zip an administrator uploads, with `plugin.toml` and
/// `plugin.wasm` beside its folders.
fn zip_of(p: &Package, manifest: Option<&str>, wasm: Option<&[u8]>) -> Vec<u8> {
    let mut q = p.clone();
    if let Some(m) = manifest {
        q.files.insert("plugin.toml".into(), m.as_bytes().to_vec());
    }
    if let Some(w) = wasm {
        q.files.insert("plugin.wasm".into(), w.to_vec());
    }
    q.files_zip().expect("a zip")
}

/// A link as the templates write it (slashes escaped in attributes).
fn href(path: &str) -> String {
    format!("href=\"{}\"", path.replace('/', "&#x2f;"))
}

fn site_id(host: &TestHost) -> i64 {
    host.state
        .platform
        .snapshot()
        .site("test")
        .expect("the test site")
        .id
}

async fn user_id(host: &TestHost, username: &str) -> i64 {
    users::find_by_username(&host.state.platform.db, site_id(host), username)
        .await
        .unwrap()
        .expect("the account")
        .id
}

async fn make_server_admin(host: &TestHost, username: &str) {
    users::set_server_admin(&host.state.platform.db, user_id(host, username).await, true)
        .await
        .unwrap();
}

/// The current settings of a plugin on the test site.
fn settings_of(host: &TestHost, plugin: &str) -> serde_json::Value {
    let snap = host.state.platform.snapshot();
    (*snap
        .site("test")
        .unwrap()
        .plugin(plugin)
        .expect("enabled")
        .settings)
        .clone()
}

/// A response read off the wire.
struct Raw {
    status: u16,
    location: Option<String>,
    text: String,
}

/// POST a multipart form as a browser does for a file upload (the test
/// client only sends url-encoded forms), with the client's cookies.
async fn post_multipart(
    host: &TestHost,
    client: &Client,
    path: &str,
    fields: &[(&str, &str)],
    file: Option<(&str, &[u8])>,
) -> Raw {
    let boundary = "----estive-test-boundary-7f3a";
    let mut body = Vec::new();
    for (k, v) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                .as_bytes(),
        );
    }
    if let Some((name, bytes)) = file {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"package\"; filename=\"{name}\"\r\nContent-Type: application/zip\r\n\r\n")
                .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let cookies: Vec<String> = ["estive_session", "estive_visitor"]
        .iter()
        .filter_map(|c| client.cookie(c).map(|v| format!("{c}={v}")))
        .collect();
    let addr = host.url.trim_start_matches("http://");
    // `Expect: 100-continue`, as browsers' and curl's large uploads do: a
    // request refused before its body is read gets its answer without the
    // body being sent at all.
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nCookie: {}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n",
        cookies.join("; "),
        body.len()
    );
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    let mut buf = [0u8; 4096];
    while !raw.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buf).await.unwrap();
        assert!(n > 0, "the server closed the connection without an answer");
        raw.extend_from_slice(&buf[..n]);
    }
    if raw.starts_with(b"HTTP/1.1 100") {
        let end = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
        raw.drain(..end);
        stream.write_all(&body).await.unwrap();
    }
    stream.read_to_end(&mut raw).await.unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let mut rest = raw[split + 4..].to_vec();
    let header = |name: &str| {
        head.lines().find_map(|l| {
            l.split_once(':')
                .filter(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.trim().to_string())
        })
    };
    if header("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        let mut out = Vec::new();
        loop {
            let end = rest.windows(2).position(|w| w == b"\r\n").unwrap();
            let size =
                usize::from_str_radix(String::from_utf8_lossy(&rest[..end]).trim(), 16).unwrap();
            if size == 0 {
                break;
            }
            out.extend_from_slice(&rest[end + 2..end + 2 + size]);
            rest = rest[end + 4 + size..].to_vec();
        }
        rest = out;
    }
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap();
    Raw {
        status,
        location: header("location"),
        text: String::from_utf8_lossy(&rest).into_owned(),
    }
}

/// Every page of the administration area, with the ids the test site has.
async fn admin_pages(host: &TestHost) -> Vec<String> {
    let elu = user_id(host, "elu").await;
    let group = host.state.platform.groups(site_id(host)).await.unwrap()[0].id;
    vec![
        "/admin/".into(),
        "/admin/plugins".into(),
        "/admin/plugins/hello".into(),
        "/admin/plugins/hello/disable".into(),
        "/admin/users".into(),
        "/admin/users/new".into(),
        format!("/admin/users/{elu}"),
        "/admin/groups".into(),
        format!("/admin/groups/{group}"),
        "/admin/permissions".into(),
        "/admin/audit".into(),
        "/admin/theme".into(),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_administrators_open_the_administration() {
    let host = Builder::default()
        .plugin(fixture("hello"))
        .group("environnement", "Commission environnement", &["elu"])
        .start()
        .await
        .unwrap();
    let pages = admin_pages(&host).await;
    for who in ["citoyen", "elu", "agent"] {
        let c = host.login(who).await.unwrap();
        for path in pages.iter().map(String::as_str).chain(["/admin/server"]) {
            let page = c.get(path).await.unwrap();
            assert_eq!(page.status, 403, "{who} {path}");
            assert_eq!(
                page.headers
                    .get("x-estive-refused")
                    .and_then(|v| v.to_str().ok()),
                Some("access"),
                "refused by the host's role check: {who} {path}"
            );
        }
        // Forms are refused before anything else, token or not.
        let roles_path = format!("/admin/users/{}/roles", user_id(&host, "elu").await);
        for (path, fields) in [
            ("/admin/plugins/hello/disable", vec![]),
            ("/admin/permissions", vec![("grant", "hello.see:citizen")]),
            (
                "/admin/users/new",
                vec![
                    ("username", "intrus"),
                    ("name", "Intrus"),
                    ("roles", "admin"),
                ],
            ),
            (roles_path.as_str(), vec![("roles", "admin")]),
            ("/admin/groups", vec![("name", "Intrus")]),
            (
                "/admin/server/sites",
                vec![("slug", "intrus"), ("name", "Intrus")],
            ),
        ] {
            let page = c.post_form(path, &fields).await.unwrap();
            assert_eq!(page.status, 403, "{who} POST {path}");
        }
    }
    // Nothing those forms asked for happened.
    assert!(
        host.state
            .platform
            .snapshot()
            .site("test")
            .unwrap()
            .plugin("hello")
            .is_some()
    );
    assert!(
        users::find_by_username(&host.state.platform.db, site_id(&host), "intrus")
            .await
            .unwrap()
            .is_none()
    );
    assert!(host.state.platform.snapshot().site("intrus").is_none());
    assert_eq!(
        users::load(&host.state.platform.db, user_id(&host, "elu").await)
            .await
            .unwrap()
            .unwrap()
            .roles,
        vec!["elected"]
    );

    // Anonymous visitors are asked to sign in.
    let anonymous = host.client();
    let page = anonymous.get("/admin/plugins").await.unwrap();
    assert!(page.path.starts_with("/login?next="), "{}", page.path);

    // The administrator opens every page, in French and in English, with
    // no message key left untranslated; the server pages stay closed.
    let admin = host.login("admin").await.unwrap();
    for path in &pages {
        for lang in ["fr", "en"] {
            let sep = if path.contains('?') { '&' } else { '?' };
            let page = admin.get(&format!("{path}{sep}lang={lang}")).await.unwrap();
            assert_eq!(page.status, 200, "admin {path} {lang}: {}", page.text);
            assert!(
                !page.contains(">admin-") && !page.contains("admin-nav-"),
                "untranslated key on {path} ({lang})"
            );
            assert!(
                page.contains(&format!("<html lang=\"{lang}\"")),
                "{path} {lang}"
            );
        }
    }
    assert_eq!(admin.get("/admin/server").await.unwrap().status, 403);
    let en = admin.get("/admin/plugins?lang=en").await.unwrap();
    assert!(
        en.contains("Disable") && en.contains("Address on the site"),
        "{}",
        en.text
    );
    let fr = admin.get("/admin/plugins?lang=fr").await.unwrap();
    assert!(
        fr.contains("Désactiver") && fr.contains("Adresse sur le site"),
        "{}",
        fr.text
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn disabling_and_enabling_a_plugin_changes_the_portal_and_keeps_its_data() {
    let host = host_with(&[]).await;
    let visitor = host.client();
    visitor
        .post_form("/bonjour/", &[("name", "Avant la pause")])
        .await
        .unwrap();
    let home = visitor.get("/").await.unwrap();
    assert!(home.contains(&href("/bonjour/")), "{}", home.text);

    let admin = host.login("admin").await.unwrap();
    let confirm = admin.get("/admin/plugins/hello/disable").await.unwrap();
    assert_eq!(confirm.status, 200);
    assert!(
        confirm.contains("Ses données sont conservées"),
        "{}",
        confirm.text
    );
    let done = admin
        .post_form("/admin/plugins/hello/disable", &[])
        .await
        .unwrap();
    assert_eq!(done.status, 200);
    assert_eq!(done.path, "/admin/plugins");
    assert!(
        done.contains("Désactivé (données conservées)"),
        "{}",
        done.text
    );

    assert_eq!(visitor.get("/bonjour/").await.unwrap().status, 404);
    let home = visitor.get("/").await.unwrap();
    assert!(!home.contains(&href("/bonjour/")), "{}", home.text);

    // A reserved or malformed address is refused by field, nothing enabled.
    for (path, message) in [
        ("admin", "réservée par la plateforme"),
        ("Pas Bon", "un seul mot en minuscules"),
    ] {
        let refused = admin
            .post_form(
                "/admin/plugins/hello/enable",
                &[("version", "1.0.0"), ("path", path)],
            )
            .await
            .unwrap();
        assert_eq!(refused.status, 422, "{path}");
        assert!(refused.contains(message), "{}", refused.text);
        assert!(
            refused.contains("href=\"#admin-hello-path\""),
            "the summary links to the field: {}",
            refused.text
        );
        assert!(
            refused.contains("<title>Erreur\u{a0}: 1 champ à corriger"),
            "{}",
            refused.text
        );
    }
    assert!(
        host.state
            .platform
            .snapshot()
            .site("test")
            .unwrap()
            .plugin("hello")
            .is_none()
    );

    // Enabled again at another address, with its data.
    let enabled = admin
        .post_form(
            "/admin/plugins/hello/enable",
            &[("version", "1.0.0"), ("path", "salut")],
        )
        .await
        .unwrap();
    assert_eq!(enabled.status, 200, "{}", enabled.text);
    assert_eq!(visitor.get("/bonjour/").await.unwrap().status, 404);
    let page = visitor.get("/salut/").await.unwrap();
    assert_eq!(page.status, 200);
    assert!(
        page.contains("Avant la pause"),
        "the data was kept: {}",
        page.text
    );
    assert!(visitor.get("/").await.unwrap().contains(&href("/salut/")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_settings_are_refused_by_field_and_good_ones_reach_the_plugin() {
    let host = host_with(&[]).await;
    host.state
        .platform
        .install(hello_with_settings("1.1.0"))
        .await
        .unwrap();
    let admin = host.login("admin").await.unwrap();
    let list = admin.get("/admin/plugins").await.unwrap();
    assert!(
        list.contains("Version plus récente disponible"),
        "{}",
        list.text
    );
    let switched = admin
        .post_form("/admin/plugins/hello/version", &[("version", "1.1.0")])
        .await
        .unwrap();
    assert_eq!(switched.status, 200);
    let snap = host.state.platform.snapshot();
    assert_eq!(
        snap.site("test")
            .unwrap()
            .plugin("hello")
            .unwrap()
            .loaded
            .version()
            .to_string(),
        "1.1.0"
    );

    let form = admin.get("/admin/plugins/hello").await.unwrap();
    for control in [
        "id=\"admin-setting-greeting\"",
        "id=\"admin-setting-capacity\"",
        "<select id=\"admin-setting-zone\"",
        "type=\"time\"",
        "type=\"checkbox\" id=\"admin-setting-open\" name=\"open\" checked",
        "<textarea id=\"admin-setting-villages\"",
    ] {
        assert!(form.contains(control), "{control}: {}", form.text);
    }

    let before = settings_of(&host, "hello");
    let bad = admin
        .post_form(
            "/admin/plugins/hello/settings",
            &[
                ("greeting", "Salut"),
                ("capacity", "0"),
                ("zone", "D"),
                ("deadline", "9h"),
                ("ratio", "beaucoup"),
                ("villages", ""),
            ],
        )
        .await
        .unwrap();
    assert_eq!(bad.status, 422);
    assert!(
        bad.contains("<title>Erreur\u{a0}: 4 champs à corriger"),
        "{}",
        bad.text
    );
    for (field, message) in [
        ("capacity", "Ce nombre est hors des limites permises."),
        ("zone", "Choisissez une des options proposées."),
        ("deadline", "Saisissez une heure au format HH:MM."),
        ("ratio", "Saisissez un nombre."),
    ] {
        assert!(
            bad.contains(&format!("id=\"admin-setting-{field}-error\"")),
            "{field}: {}",
            bad.text
        );
        assert!(
            bad.contains(&format!("<a href=\"#admin-setting-{field}\">{message}</a>")),
            "{field}: {}",
            bad.text
        );
    }
    assert!(
        !bad.contains("id=\"admin-setting-greeting-error\""),
        "a good field has no error"
    );
    assert!(
        bad.contains("value=\"beaucoup\""),
        "the submitted values are shown again: {}",
        bad.text
    );
    assert_eq!(settings_of(&host, "hello"), before, "nothing saved");
    assert!(
        host.client()
            .get("/bonjour/")
            .await
            .unwrap()
            .contains("Bonjour !")
    );

    let good = admin
        .post_form(
            "/admin/plugins/hello/settings",
            &[
                ("greeting", "Salut"),
                ("capacity", "120"),
                ("zone", "B"),
                ("deadline", "10:00"),
                ("ratio", "2,5"),
                ("villages", "Bourg-d'Estive\r\nLes Granges\r\n"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(good.status, 200, "{}", good.text);
    assert!(good.contains("Réglages enregistrés."), "{}", good.text);
    let saved = settings_of(&host, "hello");
    assert_eq!(saved["greeting"], "Salut");
    assert_eq!(saved["capacity"], 120);
    assert_eq!(saved["ratio"], 2.5);
    assert_eq!(saved["open"], false, "an unticked box is false");
    assert_eq!(
        saved["villages"],
        serde_json::json!(["Bourg-d'Estive", "Les Granges"])
    );
    let page = host.client().get("/bonjour/").await.unwrap();
    assert!(
        page.contains("Salut !"),
        "the plugin sees the new setting: {}",
        page.text
    );
    // The log names the settings that changed, not their values.
    let log = admin.get("/admin/audit").await.unwrap();
    assert!(
        log.contains("Réglages du module enregistrés") && log.contains("capacity"),
        "{}",
        log.text
    );
    assert!(!log.contains("Salut"), "{}", log.text);
    // The form shows what is stored.
    let form = admin.get("/admin/plugins/hello").await.unwrap();
    assert!(
        form.contains("value=\"2,5\"")
            && form.contains("Bourg-d&#x27;Estive\nLes Granges</textarea>"),
        "{}",
        form.text
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_permission_matrix_decides_who_sees_what() {
    let host = host_with(&[]).await;
    let agent = host.login("agent").await.unwrap();
    let elu = host.login("elu").await.unwrap();
    assert_eq!(
        agent.get("/extranet/bonjour/secret").await.unwrap().status,
        403
    );
    let admin = host.login("admin").await.unwrap();
    let matrix = admin.get("/admin/permissions").await.unwrap();
    assert!(
        matrix.contains("name=\"grant\" value=\"hello.see:elected\" checked"),
        "{}",
        matrix.text
    );
    assert!(
        matrix.contains("name=\"grant\" value=\"hello.see:staff\">"),
        "{}",
        matrix.text
    );
    assert!(
        matrix.contains("Voir le secret"),
        "rows have titles: {}",
        matrix.text
    );

    let saved = admin
        .post_form(
            "/admin/permissions",
            &[
                ("grant", "hello.see:elected"),
                ("grant", "hello.see:admin"),
                ("grant", "hello.see:staff"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(saved.status, 200);
    assert!(
        saved.contains("name=\"grant\" value=\"hello.see:staff\" checked"),
        "{}",
        saved.text
    );
    assert_eq!(
        agent.get("/extranet/bonjour/secret").await.unwrap().status,
        200
    );

    // Saving replaces the mapping: the élus lose what is not ticked.
    admin
        .post_form("/admin/permissions", &[("grant", "hello.see:staff")])
        .await
        .unwrap();
    assert_eq!(
        elu.get("/extranet/bonjour/secret").await.unwrap().status,
        403
    );
    assert_eq!(
        agent.get("/extranet/bonjour/secret").await.unwrap().status,
        200
    );

    // A forged permission or role changes nothing.
    let forged = admin
        .post_form(
            "/admin/permissions",
            &[
                ("grant", "hello.see:staff"),
                ("grant", "polls.manage:citizen"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(forged.status, 400);
    assert_eq!(
        agent.get("/extranet/bonjour/secret").await.unwrap().status,
        200
    );

    admin
        .post_form("/admin/permissions/defaults", &[])
        .await
        .unwrap();
    assert_eq!(
        agent.get("/extranet/bonjour/secret").await.unwrap().status,
        403
    );
    assert_eq!(
        elu.get("/extranet/bonjour/secret").await.unwrap().status,
        200
    );
}

/// The temporary password shown once on a page.
fn shown_password(page: &str) -> String {
    let at = page
        .find("id=\"admin-temporary-password\">")
        .expect("the password is shown")
        + "id=\"admin-temporary-password\">".len();
    page[at..at + page[at..].find('<').unwrap()].to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_account_created_by_the_administrator_signs_in_and_can_be_deactivated() {
    let host = host_with(&[]).await;
    let admin = host.login("admin").await.unwrap();
    let refused = admin
        .post_form(
            "/admin/users/new",
            &[
                ("username", "m"),
                ("name", " "),
                ("email", "pas-une-adresse"),
                ("password", "court"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(refused.status, 422);
    assert!(
        refused.contains("<title>Erreur\u{a0}: 5 champs à corriger"),
        "{}",
        refused.text
    );
    for id in [
        "admin-user-username",
        "admin-user-name",
        "admin-user-email",
        "admin-user-roles",
        "admin-user-password",
    ] {
        assert!(
            refused.contains(&format!("href=\"#{id}\"")),
            "{id}: {}",
            refused.text
        );
    }
    let taken = admin
        .post_form(
            "/admin/users/new",
            &[
                ("username", "elu"),
                ("name", "Autre Élu"),
                ("roles", "elected"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(taken.status, 422);
    assert!(
        taken.contains("Cet identifiant est déjà pris"),
        "{}",
        taken.text
    );

    // A typed password.
    let created = admin
        .post_form(
            "/admin/users/new",
            &[
                ("username", "marie.dupont"),
                ("name", "Marie Dupont"),
                ("email", "marie@example.org"),
                ("roles", "staff"),
                ("password", "un mot de passe solide"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(created.status, 200, "{}", created.text);
    assert!(
        created.path.starts_with("/admin/users/"),
        "{}",
        created.path
    );
    assert!(
        created.contains("Marie Dupont") && created.contains("Agent"),
        "{}",
        created.text
    );
    let marie = host.client();
    marie
        .login("marie.dupont", "un mot de passe solide")
        .await
        .unwrap();
    assert_eq!(marie.get("/extranet/").await.unwrap().status, 200);

    // A generated one, shown once.
    let generated = admin
        .post_form(
            "/admin/users/new",
            &[
                ("username", "paul"),
                ("name", "Paul Martin"),
                ("roles", "citizen"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(generated.status, 200);
    let password = shown_password(&generated.text);
    assert!(password.len() >= passwords::MIN_LENGTH, "{password}");
    host.client().login("paul", &password).await.unwrap();
    assert!(
        !admin
            .get("/admin/users/new")
            .await
            .unwrap()
            .contains(&password)
    );

    let list = admin.get("/admin/users").await.unwrap();
    assert!(
        list.contains("Marie Dupont") && list.contains("Paul Martin"),
        "{}",
        list.text
    );
    assert!(!list.contains("$argon2"), "never a hash");

    // Roles change; deactivating ends the sessions at once.
    let id = user_id(&host, "marie.dupont").await;
    admin
        .post_form(&format!("/admin/users/{id}/roles"), &[("roles", "elected")])
        .await
        .unwrap();
    assert_eq!(
        users::load(&host.state.platform.db, id)
            .await
            .unwrap()
            .unwrap()
            .roles,
        vec!["elected"]
    );
    let off = admin
        .post_form(&format!("/admin/users/{id}/deactivate"), &[])
        .await
        .unwrap();
    assert!(off.contains("Désactivé"), "{}", off.text);
    let page = marie.get("/extranet/").await.unwrap();
    assert!(
        page.path.starts_with("/login"),
        "the session ended: {}",
        page.path
    );
    assert!(
        host.client()
            .login("marie.dupont", "un mot de passe solide")
            .await
            .is_err()
    );
    admin
        .post_form(&format!("/admin/users/{id}/reactivate"), &[])
        .await
        .unwrap();
    host.client()
        .login("marie.dupont", "un mot de passe solide")
        .await
        .unwrap();

    // Nobody locks themselves out.
    let me = user_id(&host, "admin").await;
    assert_eq!(
        admin
            .post_form(&format!("/admin/users/{me}/deactivate"), &[])
            .await
            .unwrap()
            .status,
        409
    );
    assert_eq!(
        admin
            .post_form(&format!("/admin/users/{me}/roles"), &[("roles", "staff")])
            .await
            .unwrap()
            .status,
        422
    );
    assert_eq!(admin.get("/admin/").await.unwrap().status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn working_groups_are_created_renamed_and_given_members() {
    let host = host_with(&[]).await;
    let admin = host.login("admin").await.unwrap();
    let created = admin
        .post_form(
            "/admin/groups",
            &[
                ("name", "Commission environnement"),
                ("slug", ""),
                ("description", "Agenda 21 et biodiversité"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(created.status, 200);
    assert!(
        created.contains("commission-environnement"),
        "the slug comes from the name: {}",
        created.text
    );
    let again = admin
        .post_form("/admin/groups", &[("name", "Commission Environnement")])
        .await
        .unwrap();
    assert_eq!(again.status, 422);
    assert!(
        again.contains("Un groupe porte déjà ce nom technique"),
        "{}",
        again.text
    );

    let group = host.state.platform.groups(site_id(&host)).await.unwrap()[0].id;
    let elu = user_id(&host, "elu").await;
    admin
        .post_form(
            &format!("/admin/groups/{group}/members"),
            &[("user_id", &elu.to_string())],
        )
        .await
        .unwrap();
    assert_eq!(
        users::load(&host.state.platform.db, elu)
            .await
            .unwrap()
            .unwrap()
            .groups,
        vec!["commission-environnement"]
    );
    let renamed = admin
        .post_form(
            &format!("/admin/groups/{group}"),
            &[("name", "Commission transition"), ("description", "")],
        )
        .await
        .unwrap();
    assert!(
        renamed.contains("Commission transition"),
        "{}",
        renamed.text
    );
    assert_eq!(
        host.state
            .platform
            .group(site_id(&host), group)
            .await
            .unwrap()
            .unwrap()
            .slug,
        "commission-environnement",
        "the slug stays"
    );
    admin
        .post_form(&format!("/admin/groups/{group}/members/{elu}/remove"), &[])
        .await
        .unwrap();
    assert!(
        users::load(&host.state.platform.db, elu)
            .await
            .unwrap()
            .unwrap()
            .groups
            .is_empty()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_log_lists_admin_actions_newest_first_and_filters_them() {
    let host = host_with(&[]).await;
    host.client()
        .post_form("/bonjour/", &[("name", "Une visite")])
        .await
        .unwrap();
    let admin = host.login("admin").await.unwrap();
    admin
        .post_form("/admin/plugins/hello/disable", &[])
        .await
        .unwrap();
    admin
        .post_form(
            "/admin/plugins/hello/enable",
            &[("version", "1.0.0"), ("path", "bonjour")],
        )
        .await
        .unwrap();
    admin
        .post_form(
            "/admin/users/new",
            &[
                ("username", "lucie"),
                ("name", "Lucie Bernard"),
                ("roles", "staff"),
            ],
        )
        .await
        .unwrap();

    let log = admin.get("/admin/audit").await.unwrap();
    assert_eq!(log.status, 200);
    let at = |s: &str| {
        log.text
            .find(s)
            .unwrap_or_else(|| panic!("{s} in {}", log.text))
    };
    assert!(at("Compte créé") < at("Module activé"), "newest first");
    assert!(at("Module activé") < at("Module désactivé"));
    assert!(
        log.contains("user:lucie") && log.contains("greeting.created"),
        "{}",
        log.text
    );

    let plugin_only = admin.get("/admin/audit?plugin=hello").await.unwrap();
    assert!(
        plugin_only.contains("greeting.created") && !plugin_only.contains("Compte créé"),
        "{}",
        plugin_only.text
    );
    let host_only = admin.get("/admin/audit?plugin=host").await.unwrap();
    assert!(
        !host_only.contains("greeting.created") && host_only.contains("Compte créé"),
        "{}",
        host_only.text
    );
    let elu = user_id(&host, "elu").await;
    let by_elu = admin
        .get(&format!("/admin/audit?user={elu}"))
        .await
        .unwrap();
    assert!(
        !by_elu.contains("Compte créé") && by_elu.contains("Aucune action enregistrée"),
        "{}",
        by_elu.text
    );
    let me = user_id(&host, "admin").await;
    assert!(
        admin
            .get(&format!("/admin/audit?user={me}"))
            .await
            .unwrap()
            .contains("Compte créé")
    );

    // Pages of 50, the oldest last.
    let actor = estive_core::storage::Actor {
        user_id: Some(me),
        name: Some("admin".into()),
    };
    for n in 0..60 {
        estive_core::identity::audit::record(
            &host.state.platform.db,
            site_id(&host),
            &actor,
            None,
            "test.filler",
            &format!("filler-{n:02}"),
            serde_json::json!({}),
        )
        .await
        .unwrap();
    }
    let first = admin.get("/admin/audit").await.unwrap();
    assert!(
        first.contains("filler-59") && !first.contains("filler-09"),
        "{}",
        first.text
    );
    assert!(first.contains("rel=\"next\""));
    let second = admin.get("/admin/audit?page=2").await.unwrap();
    assert!(
        second.contains("filler-09") && second.contains("Module désactivé"),
        "{}",
        second.text
    );
    // The overview shows the latest entries.
    assert!(admin.get("/admin/").await.unwrap().contains("filler-59"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_administrator_uploads_a_package_and_others_cannot() {
    let host = Builder::default()
        .plugin(fixture("hello"))
        .user("admin2", "Bernard Second", &["admin"])
        .start()
        .await
        .unwrap();
    let newer = hello_with_settings("1.2.0");
    let zip = zip_of(&newer, Some(&newer.manifest_text), Some(&newer.wasm));

    // A site administrator who is not a server administrator.
    let admin2 = host.login("admin2").await.unwrap();
    assert_eq!(admin2.get("/admin/server").await.unwrap().status, 403);
    admin2.get("/admin/").await.unwrap();
    let token = admin2.csrf_token().unwrap();
    let refused = post_multipart(
        &host,
        &admin2,
        "/admin/server/packages",
        &[("csrf_token", &token), ("upgrade", "on")],
        Some(("hello.zip", &zip)),
    )
    .await;
    assert_eq!(refused.status, 403);
    assert_eq!(
        host.state
            .platform
            .installed_versions(Some("hello"))
            .await
            .unwrap()
            .len(),
        1,
        "nothing installed"
    );

    make_server_admin(&host, "admin").await;
    let admin = host.login("admin").await.unwrap();
    let page = admin.get("/admin/server").await.unwrap();
    assert_eq!(page.status, 200);
    assert!(
        page.contains("Communauté de communes de Test") && page.contains("hello 1.0.0"),
        "{}",
        page.text
    );
    // Without the token, nothing is read.
    let forged = post_multipart(
        &host,
        &admin,
        "/admin/server/packages",
        &[("upgrade", "on")],
        Some(("hello.zip", &zip)),
    )
    .await;
    assert_eq!(forged.status, 403);
    let token = admin.csrf_token().unwrap();
    let sent = post_multipart(
        &host,
        &admin,
        "/admin/server/packages",
        &[("csrf_token", &token), ("upgrade", "on")],
        Some(("hello.zip", &zip)),
    )
    .await;
    assert_eq!(sent.status, 303, "{}", sent.text);
    assert_eq!(sent.location.as_deref(), Some("/admin/server"));
    let versions: Vec<String> = host
        .state
        .platform
        .installed_versions(Some("hello"))
        .await
        .unwrap()
        .iter()
        .map(|v| v.version.to_string())
        .collect();
    assert_eq!(versions, vec!["1.2.0", "1.0.0"]);
    let snap = host.state.platform.snapshot();
    assert_eq!(
        snap.site("test")
            .unwrap()
            .plugin("hello")
            .unwrap()
            .loaded
            .version()
            .to_string(),
        "1.2.0",
        "the site was upgraded"
    );
    let page = admin.get("/admin/server").await.unwrap();
    assert!(
        page.contains("<td>1.2.0</td>") && page.contains("<td>1.0.0</td>"),
        "{}",
        page.text
    );
    assert!(
        admin
            .get("/admin/audit")
            .await
            .unwrap()
            .contains("package:hello@1.2.0")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_upload_is_refused_with_its_reason_and_nothing_installed() {
    let host = host_with(&[]).await;
    make_server_admin(&host, "admin").await;
    let admin = host.login("admin").await.unwrap();
    admin.get("/admin/server").await.unwrap();
    let token = admin.csrf_token().unwrap();
    let p = hello_with_settings("1.3.0");
    let bad_manifest = p.manifest_text.replace(
        "default-path = \"bonjour\"",
        "default-path = \"bonjour\"\ncolour = \"blue\"",
    );
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (b"PK not really a zip".to_vec(), "not a valid zip archive"),
        (
            zip_of(&p, Some(&p.manifest_text), None),
            "the package has no plugin.wasm",
        ),
        (
            zip_of(&p, None, Some(&p.wasm)),
            "the package has no plugin.toml",
        ),
        (
            zip_of(&p, Some(&p.manifest_text), Some(b"<html>oops</html>")),
            "plugin.wasm is not WebAssembly",
        ),
        (zip_of(&p, Some(&bad_manifest), Some(&p.wasm)), "colour"),
    ];
    for (zip, reason) in cases {
        let sent = post_multipart(
            &host,
            &admin,
            "/admin/server/packages",
            &[("csrf_token", &token)],
            Some(("broken.zip", &zip)),
        )
        .await;
        assert_eq!(sent.status, 422, "{reason}: {}", sent.text);
        assert!(
            sent.text
                .contains("Le paquet a été refusé et rien n’a été installé"),
            "{}",
            sent.text
        );
        assert!(sent.text.contains(reason), "{reason}: {}", sent.text);
    }
    let empty = post_multipart(
        &host,
        &admin,
        "/admin/server/packages",
        &[("csrf_token", &token)],
        None,
    )
    .await;
    assert_eq!(empty.status, 422);
    assert!(
        empty.text.contains("Choisissez le fichier .zip du module"),
        "{}",
        empty.text
    );
    let versions = host.state.platform.installed_versions(None).await.unwrap();
    assert_eq!(versions.len(), 1, "only hello 1.0.0: {versions:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_administrator_creates_a_site_with_its_first_administrator() {
    let host = host_with(&[]).await;
    make_server_admin(&host, "admin").await;
    let admin = host.login("admin").await.unwrap();
    let taken = admin
        .post_form(
            "/admin/server/sites",
            &[
                ("slug", "test"),
                ("name", "Doublon"),
                ("domain", "https://x.example/"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(taken.status, 422);
    assert!(
        taken.contains("Un site porte déjà ce nom technique")
            && taken.contains("sans port ni barre oblique"),
        "{}",
        taken.text
    );

    let created = admin
        .post_form(
            "/admin/server/sites",
            &[
                ("slug", "vallee-d-aure"),
                ("name", "Communauté de communes de la Vallée"),
                ("domain", "vallee.example"),
                ("admin_username", "odile"),
                ("admin_name", "Odile Vallée"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(created.status, 200, "{}", created.text);
    let password = shown_password(&created.text);
    let snap = host.state.platform.snapshot();
    let site = snap.site("vallee-d-aure").expect("the new site");
    assert_eq!(site.config.domains, vec!["vallee.example"]);
    let odile = users::find_by_username(&host.state.platform.db, site.id, "odile")
        .await
        .unwrap()
        .expect("its administrator");
    assert!(passwords::verify(&password, &odile.password_hash));
    assert_eq!(
        users::load(&host.state.platform.db, odile.id)
            .await
            .unwrap()
            .unwrap()
            .roles,
        vec!["admin"]
    );
    let page = admin.get("/admin/server").await.unwrap();
    assert!(
        page.contains("Communauté de communes de la Vallée") && page.contains("vallee.example"),
        "{}",
        page.text
    );
    let log = admin.get("/admin/audit").await.unwrap();
    assert!(log.contains("site:vallee-d-aure"), "{}", log.text);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn capabilities_are_shown_beside_the_grants_and_only_those_asked_are_granted() {
    let host = host_with(&[]).await;
    let p = hello();
    let manifest = p
        .manifest_text
        .replace("version = \"1.0.0\"", "version = \"1.1.0\"")
        + r#"
[capabilities.http]
hosts = ["api.francetravail.io", "www.data.gouv.fr"]
reason = { fr = "Lire les offres d’emploi publiées par France Travail.", en = "Read the job offers France Travail publishes." }

[capabilities.directory]
reason = { fr = "Lire les fiches pratiques déposées par le service.", en = "Read the fact sheets the staff drop there." }
"#;
    let variant = Package::from_parts(manifest, p.wasm, p.files).unwrap();
    host.state.platform.install(variant).await.unwrap();
    let admin = host.login("admin").await.unwrap();
    admin
        .post_form("/admin/plugins/hello/version", &[("version", "1.1.0")])
        .await
        .unwrap();
    let page = admin.get("/admin/plugins/hello").await.unwrap();
    assert!(
        page.contains("Lire les offres d’emploi publiées par France Travail.")
            && page.contains("Lire les fiches pratiques déposées par le service."),
        "the manifest's reasons are shown: {}",
        page.text
    );
    assert!(
        page.contains("name=\"http\" value=\"api.francetravail.io\">"),
        "{}",
        page.text
    );

    // The folder is the server administrator's: no field for it.
    assert!(!page.contains("name=\"directory\""), "{}", page.text);
    let grants = |host: &TestHost| {
        let snap = host.state.platform.snapshot();
        let g = snap
            .site("test")
            .unwrap()
            .plugin("hello")
            .unwrap()
            .grants
            .clone();
        let hosts: Vec<String> = g.http.iter().map(|h| h.host.clone()).collect();
        (hosts, g.directory.clone())
    };
    assert_eq!(grants(&host), (vec![], None), "nothing granted yet");

    let forged = admin
        .post_form("/admin/plugins/hello/grants", &[("http", "evil.example")])
        .await
        .unwrap();
    assert_eq!(forged.status, 400);

    let dir = tempfile::tempdir().unwrap();
    let dir_text = dir.path().display().to_string();
    let saved = admin
        .post_form(
            "/admin/plugins/hello/grants",
            &[("http", "api.francetravail.io"), ("directory", &dir_text)],
        )
        .await
        .unwrap();
    assert_eq!(saved.status, 200, "{}", saved.text);
    assert!(saved.contains("Accès enregistrés."), "{}", saved.text);
    assert!(
        saved.contains("name=\"http\" value=\"api.francetravail.io\" checked"),
        "{}",
        saved.text
    );
    assert_eq!(
        grants(&host),
        (vec!["api.francetravail.io".to_string()], None),
        "a folder in a forged form is not granted"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_suspended_plugin_shows_its_faults_and_can_be_resumed() {
    let host = host_with(&["trap"]).await;
    let visitor = host.client();
    for _ in 0..5 {
        assert_eq!(visitor.get("/trap/").await.unwrap().status, 500);
    }
    assert_eq!(visitor.get("/trap/").await.unwrap().status, 503);
    let admin = host.login("admin").await.unwrap();
    let page = admin.get("/admin/plugins/trap").await.unwrap();
    assert!(page.contains("Suspendu jusqu’au"), "{}", page.text);
    assert!(
        page.contains("<dt>Pannes</dt><dd class=\"stat-value\">5</dd>"),
        "{}",
        page.text
    );
    assert!(
        admin
            .get("/admin/")
            .await
            .unwrap()
            .contains("badge-refused")
    );
    let resumed = admin
        .post_form("/admin/plugins/trap/resume", &[])
        .await
        .unwrap();
    assert_eq!(resumed.status, 200);
    assert!(
        resumed.contains("Le module reprend son service."),
        "{}",
        resumed.text
    );
    assert!(!resumed.contains("Suspendu jusqu’au"), "{}", resumed.text);
    // It runs again (and traps again: a fault, not a suspension).
    assert_eq!(visitor.get("/trap/").await.unwrap().status, 500);
    assert!(
        admin
            .get("/admin/audit")
            .await
            .unwrap()
            .contains("Module remis en service")
    );
}
