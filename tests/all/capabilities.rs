//! Capabilities, denied by default: outbound HTTP reaches only granted
//! hosts and ports, on every redirect hop, and never a local or private
//! address unless the server administrator allows that host; e-mail needs
//! its grant and reaches only the site's accounts; a folder grant is the
//! server administrator's, inside `<data>/granted/<site>/`, links
//! resolved. Each hostile fixture runs beside `hello`, which keeps
//! answering.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use estive_core::package::Package;
use estive_testing::{Builder, Page, TestHost, build_package};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::fixtures::fixture;

// ---------------------------------------------------------------- HTTP

/// A local HTTP server answering each path with what `answer` says, and
/// counting the requests it got by path.
struct LocalServer {
    port: u16,
    hits: Arc<Mutex<Vec<String>>>,
}

impl LocalServer {
    async fn start(answer: impl Fn(&str) -> String + Send + Sync + 'static) -> LocalServer {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let hits = Arc::new(Mutex::new(Vec::new()));
        let answer = Arc::new(answer);
        let seen = hits.clone();
        tokio::spawn(async move {
            while let Ok((mut conn, _)) = listener.accept().await {
                let answer = answer.clone();
                let seen = seen.clone();
                tokio::spawn(async move {
                    let mut buf = Vec::new();
                    let mut chunk = [0u8; 4096];
                    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
                        match conn.read(&mut chunk).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => buf.extend_from_slice(&chunk[..n]),
                        }
                    }
                    let head = String::from_utf8_lossy(&buf).to_string();
                    let path = head.split(' ').nth(1).unwrap_or("/").to_string();
                    seen.lock().unwrap().push(head);
                    let _ = conn.write_all(answer(&path).as_bytes()).await;
                    let _ = conn.shutdown().await;
                });
            }
        });
        LocalServer { port, hits }
    }

    fn hit_count(&self) -> usize {
        self.hits.lock().unwrap().len()
    }

    fn requests(&self) -> Vec<String> {
        self.hits.lock().unwrap().clone()
    }
}

fn ok(body: &str) -> String {
    format!(
        "HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )
}

fn redirect(status: u16, to: &str) -> String {
    format!(
        "HTTP/1.1 {status} Moved\r\nlocation: {to}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
    )
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The `fetcher` fixture asking for hosts on `port` (its manifest says 8999).
fn fetcher(port: u16) -> Package {
    let p = build_package(&fixture("fetcher")).expect("fetcher builds");
    Package::from_parts(
        p.manifest_text.replace("8999", &port.to_string()),
        p.wasm,
        p.files,
    )
    .expect("fetcher package")
}

/// A host with `hello` and `fetcher`, granted every host it asks for on
/// `port`, and 127.0.0.1 allowed to be private when `allow_local`.
async fn fetch_host(port: u16, allow_local: bool) -> TestHost {
    let granted = [format!("127.0.0.1:{port}"), format!("localhost:{port}")];
    let mut b = Builder::default()
        .plugin(fixture("hello"))
        .package(fetcher(port))
        .grant_http("fetcher", &[&granted[0], &granted[1], "127.0.0.1"]);
    if allow_local {
        b = b.allow_private_http("127.0.0.1");
    }
    b.start().await.expect("test host starts")
}

/// What `fetcher` reports for `url`, escapes undone.
async fn fetch(host: &TestHost, url: &str) -> String {
    let page = host
        .client()
        .get(&format!("/fetcher/?url={}", encode(url)))
        .await
        .unwrap();
    assert_eq!(page.status, 200, "{}", page.text);
    report(&page)
}

fn report(page: &Page) -> String {
    let text = page
        .text
        .replace("&#x2f;", "/")
        .replace("&#x27;", "'")
        .replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&#96;", "`")
        .replace("&amp;", "&");
    let at = text.find("<p id=\"out\">").expect("the report") + "<p id=\"out\">".len();
    let end = at + text[at..].find("</p>").expect("end of the report");
    text[at..end].to_string()
}

async fn hello_answers(host: &TestHost) {
    let page = host.client().get("/bonjour/").await.unwrap();
    assert_eq!(page.status, 200, "hello stopped answering: {}", page.text);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_granted_local_server_answers_when_the_server_administrator_allows_it() {
    let server = LocalServer::start(|path| match path {
        "/again" => redirect(302, "/ok"),
        _ => ok("hello from the feed"),
    })
    .await;
    let host = fetch_host(server.port, true).await;
    let out = fetch(&host, &format!("http://127.0.0.1:{}/ok", server.port)).await;
    assert_eq!(out, "status 200 body hello from the feed");
    // A redirect on the same granted origin is followed.
    let out = fetch(&host, &format!("http://127.0.0.1:{}/again", server.port)).await;
    assert_eq!(out, "status 200 body hello from the feed");
    assert_eq!(server.hit_count(), 3);
    hello_answers(&host).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_local_address_is_refused_without_the_server_administrators_allowance() {
    let server = LocalServer::start(|_| ok("secret")).await;
    let host = fetch_host(server.port, false).await;
    let out = fetch(&host, &format!("http://127.0.0.1:{}/ok", server.port)).await;
    assert!(
        out.contains("NotGranted") && out.contains("private or local"),
        "{out}"
    );
    assert_eq!(server.hit_count(), 0, "the server was reached");
    hello_answers(&host).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redirect_to_another_local_port_is_refused_at_the_redirect() {
    let other = LocalServer::start(|_| ok("internal service")).await;
    let target = format!("http://127.0.0.1:{}/internal", other.port);
    let server = LocalServer::start(move |_| redirect(302, &target)).await;
    let host = fetch_host(server.port, true).await;
    let out = fetch(&host, &format!("http://127.0.0.1:{}/go", server.port)).await;
    assert!(
        out.contains("NotGranted") && out.contains("redirect to") && out.contains("not granted"),
        "{out}"
    );
    assert_eq!(server.hit_count(), 1);
    assert_eq!(other.hit_count(), 0, "the redirect was followed");
    hello_answers(&host).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redirect_to_the_estive_admin_is_refused() {
    let target = Arc::new(Mutex::new(String::new()));
    let to = target.clone();
    let server = LocalServer::start(move |_| redirect(307, &to.lock().unwrap())).await;
    let host = fetch_host(server.port, true).await;
    *target.lock().unwrap() = format!("{}/admin/", host.url);
    let out = fetch(&host, &format!("http://127.0.0.1:{}/go", server.port)).await;
    assert!(
        out.contains("NotGranted") && out.contains("redirect to") && out.contains("/admin/"),
        "{out}"
    );
    assert_eq!(server.hit_count(), 1);
    hello_answers(&host).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_host_name_resolving_to_a_local_address_is_refused_without_its_own_allowance() {
    let server = LocalServer::start(|_| ok("secret")).await;
    // 127.0.0.1 is allowed; `localhost` is granted but not allowed to be
    // private: the resolver drops its loopback addresses.
    let host = fetch_host(server.port, true).await;
    let out = fetch(&host, &format!("http://localhost:{}/ok", server.port)).await;
    assert!(
        out.contains("NotGranted") && out.contains("`localhost` resolves to a private or local"),
        "{out}"
    );
    // Nor through a redirect from an allowed host.
    let port = server.port;
    let bouncer =
        LocalServer::start(move |_| redirect(302, &format!("http://localhost:{port}/ok"))).await;
    drop(host);
    let host = fetch_host(bouncer.port, true).await;
    let out = fetch(&host, &format!("http://127.0.0.1:{}/go", bouncer.port)).await;
    assert!(out.contains("NotGranted"), "{out}");
    assert_eq!(server.hit_count(), 0, "the local server was reached");
    hello_answers(&host).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_port_the_manifest_does_not_declare_is_refused() {
    let granted = LocalServer::start(|_| ok("granted")).await;
    let other = LocalServer::start(|_| ok("other")).await;
    let host = fetch_host(granted.port, true).await;
    // `127.0.0.1` without a port is declared and granted: 80 and 443 only.
    let out = fetch(&host, &format!("http://127.0.0.1:{}/", other.port)).await;
    assert!(
        out.contains("NotGranted") && out.contains(&format!("on port {}", other.port)),
        "{out}"
    );
    assert_eq!(other.hit_count(), 0);
    hello_answers(&host).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_see_other_after_a_post_is_followed_as_a_get_on_the_same_origin() {
    let port = Arc::new(AtomicUsize::new(0));
    let p = port.clone();
    let server = LocalServer::start(move |path| match path {
        "/post" => redirect(
            303,
            &format!("http://127.0.0.1:{}/after", p.load(Ordering::Relaxed)),
        ),
        _ => ok("after"),
    })
    .await;
    port.store(usize::from(server.port), Ordering::Relaxed);
    let host = fetch_host(server.port, true).await;
    let page = host
        .client()
        .get(&format!(
            "/fetcher/?method=POST&url={}",
            encode(&format!("http://127.0.0.1:{}/post", server.port))
        ))
        .await
        .unwrap();
    assert_eq!(report(&page), "status 200 body after");
    let requests = server.requests();
    assert!(requests[0].starts_with("POST /post"), "{}", requests[0]);
    assert!(
        requests[1].starts_with("GET /after"),
        "a 303 becomes a GET: {}",
        requests[1]
    );
    assert!(
        requests[1]
            .to_ascii_lowercase()
            .contains("authorization: bearer"),
        "the same origin keeps the header"
    );
    hello_answers(&host).await;
}

// ---------------------------------------------------------------- mail

async fn user_id(host: &TestHost, site: &str, username: &str) -> i64 {
    use estive_core::db::entities::user;
    let site_id = host.state.platform.snapshot().site(site).expect("site").id;
    user::Entity::find()
        .filter(user::Column::SiteId.eq(site_id))
        .filter(user::Column::Username.eq(username))
        .one(&host.state.platform.runtime.services.storage.db)
        .await
        .unwrap()
        .expect("the account")
        .id
}

async fn mail_to(host: &TestHost, ids: &[i64]) -> String {
    let query: Vec<String> = ids.iter().map(|i| format!("to={i}")).collect();
    let page = host
        .client()
        .get(&format!("/mailer/?{}", query.join("&")))
        .await
        .unwrap();
    assert_eq!(page.status, 200, "{}", page.text);
    report(&page)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plugin_without_the_mail_grant_cannot_send_mail() {
    let host = Builder::default()
        .plugin(fixture("hello"))
        .plugin(fixture("mailer"))
        .no_mail("mailer")
        .start()
        .await
        .unwrap();
    let citizen = user_id(&host, "test", "citoyen").await;
    let admin = user_id(&host, "test", "admin").await;
    let out = mail_to(&host, &[citizen, admin]).await;
    assert!(
        out.contains(&format!(
            "{citizen}: refused: capability for e-mail is not granted"
        )),
        "{out}"
    );
    assert!(!out.contains("sent"), "{out}");
    assert!(host.mails().is_empty(), "a message went out");
    hello_answers(&host).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_cannot_be_granted_to_a_plugin_that_does_not_declare_it() {
    let host = Builder::default()
        .plugin(fixture("hello"))
        .plugin(fixture("reader"))
        .start()
        .await
        .unwrap();
    let site = host.state.platform.snapshot().site("test").unwrap().id;
    let grants = estive_core::platform::plugins::StoredGrants {
        mail: true,
        ..Default::default()
    };
    let e = host
        .state
        .platform
        .save_grants(site, "reader", grants)
        .await
        .unwrap_err();
    assert!(
        format!("{e:#}").contains("does not ask for e-mail"),
        "{e:#}"
    );
    // Nor by a forged admin form.
    let admin = host.login("admin").await.unwrap();
    let page = admin.get("/admin/plugins/reader").await.unwrap();
    assert!(!page.contains("name=\"mail\""), "no mail field for reader");
    let page = admin
        .post_form("/admin/plugins/reader/grants", &[("mail", "on")])
        .await
        .unwrap();
    assert_eq!(page.status, 400, "{}", page.text);
    hello_answers(&host).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn granted_mail_reaches_only_the_accounts_of_the_site() {
    let host = Builder::default()
        .plugin(fixture("hello"))
        .plugin(fixture("mailer"))
        .start()
        .await
        .unwrap();
    // An account of another site on the same server.
    let mut other = estive_core::sites::config::SiteConfig::new("voisine", "Communauté voisine");
    other.domains = vec!["voisine.localhost".into()];
    other.users = vec![estive_core::sites::config::UserEntry {
        username: "voisin".into(),
        name: "Victor Voisin".into(),
        email: Some("voisin@example.org".into()),
        roles: vec!["citizen".into()],
        groups: Vec::new(),
    }];
    host.state
        .platform
        .apply_site(
            other,
            Default::default(),
            Default::default(),
            Some(estive_testing::PASSWORD),
        )
        .await
        .unwrap();
    let neighbour = user_id(&host, "voisine", "voisin").await;
    let citizen = user_id(&host, "test", "citoyen").await;
    let out = mail_to(&host, &[neighbour, citizen]).await;
    assert!(
        out.contains(&format!("{neighbour}: refused: there is no active account")),
        "{out}"
    );
    assert!(out.contains(&format!("{citizen}: sent")), "{out}");
    let mails = host.mails();
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert!(mails[0].contains("citoyen@example.org"));
    assert!(!mails.iter().any(|m| m.contains("voisin@example.org")));
    hello_answers(&host).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_call_sends_at_most_fifty_messages() {
    let host = Builder::default()
        .plugin(fixture("hello"))
        .plugin(fixture("mailer"))
        .start()
        .await
        .unwrap();
    let citizen = user_id(&host, "test", "citoyen").await;
    let out = mail_to(&host, &[citizen; 51]).await;
    assert_eq!(out.matches(": sent").count(), 50, "{out}");
    assert!(out.contains("at most 50 messages per call"), "{out}");
    assert_eq!(host.mails().len(), 50);
}

// ---------------------------------------------------------------- folders

async fn reader_host() -> TestHost {
    Builder::default()
        .plugin(fixture("hello"))
        .plugin(fixture("reader"))
        .start()
        .await
        .unwrap()
}

async fn read(host: &TestHost, path: &str) -> String {
    let page = host
        .client()
        .get(&format!("/reader/?path={}", encode(path)))
        .await
        .unwrap();
    assert_eq!(page.status, 200, "{}", page.text);
    report(&page)
}

/// `<data>/granted/test/feed` with a file in it.
fn feed(host: &TestHost) -> std::path::PathBuf {
    let dir = host.state.platform.granted_root("test").join("feed");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("notice.txt"), "the feed").unwrap();
    dir
}

/// A folder outside the data folder holding a secret.
fn outside(name: &str) -> tempfile::TempDir {
    let dir = tempfile::Builder::new().prefix(name).tempdir().unwrap();
    std::fs::write(dir.path().join("secret.txt"), "server secret").unwrap();
    dir
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_folder_granted_inside_the_sites_granted_folder_is_read() {
    let host = reader_host().await;
    feed(&host);
    assert!(
        read(&host, "/granted/notice.txt")
            .await
            .starts_with("refused")
    );
    host.state
        .platform
        .grant_folder("test", "reader", Some("feed"))
        .await
        .unwrap();
    assert_eq!(read(&host, "/granted/notice.txt").await, "read: the feed");
    hello_answers(&host).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_folder_outside_the_sites_granted_folder_is_refused() {
    let host = reader_host().await;
    feed(&host);
    let data = host.state.platform.settings.data_dir.clone();
    let out = outside("estive-outside");
    // The other site's folder is outside this site's.
    std::fs::create_dir_all(data.join("granted/other")).unwrap();
    for sub in [
        "/",
        "/etc",
        data.to_str().unwrap(),
        out.path().to_str().unwrap(),
        "..",
        "../..",
        "feed/../..",
        "../other",
        "",
        "missing",
    ] {
        let e = host
            .state
            .platform
            .grant_folder("test", "reader", Some(sub))
            .await
            .expect_err(sub);
        assert!(
            format!("{e:#}").contains("folder grant refused"),
            "{sub}: {e:#}"
        );
    }
    assert!(
        read(&host, "/granted/secret.txt")
            .await
            .starts_with("refused")
    );
    hello_answers(&host).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_link_leading_out_of_the_granted_folder_is_refused() {
    let host = reader_host().await;
    let dir = feed(&host);
    let out = outside("estive-link");
    let root = host.state.platform.granted_root("test");
    // A grant that is itself a link out.
    std::os::unix::fs::symlink(out.path(), root.join("escape")).unwrap();
    let e = host
        .state
        .platform
        .grant_folder("test", "reader", Some("escape"))
        .await
        .unwrap_err();
    assert!(format!("{e:#}").contains("leads outside"), "{e:#}");
    // A link to the whole data folder.
    std::os::unix::fs::symlink(&host.state.platform.settings.data_dir, root.join("data")).unwrap();
    assert!(
        host.state
            .platform
            .grant_folder("test", "reader", Some("data"))
            .await
            .is_err()
    );
    // A link inside a granted folder: the sandbox does not follow it out.
    std::os::unix::fs::symlink(out.path(), dir.join("inner")).unwrap();
    host.state
        .platform
        .grant_folder("test", "reader", Some("feed"))
        .await
        .unwrap();
    assert_eq!(read(&host, "/granted/notice.txt").await, "read: the feed");
    let got = read(&host, "/granted/inner/secret.txt").await;
    assert!(got.starts_with("refused"), "{got}");
    let got = read(&host, "/granted/../secret.txt").await;
    assert!(got.starts_with("refused"), "{got}");
    // A granted folder swapped for a link after the grant is not mounted.
    std::fs::remove_dir_all(&dir).unwrap();
    std::os::unix::fs::symlink(out.path(), &dir).unwrap();
    host.state.platform.reload().await.unwrap();
    let got = read(&host, "/granted/secret.txt").await;
    assert!(got.starts_with("refused"), "{got}");
    hello_answers(&host).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_site_administrator_sees_the_folder_grant_but_cannot_set_it() {
    let host = reader_host().await;
    feed(&host);
    let admin = host.login("admin").await.unwrap();
    let page = admin.get("/admin/plugins/reader").await.unwrap();
    assert_eq!(page.status, 200, "{}", page.text);
    assert!(
        !page.contains("name=\"directory\""),
        "a folder field is offered: {}",
        page.text
    );
    assert!(page.contains("estive plugin grant-folder"), "{}", page.text);
    host.state
        .platform
        .grant_folder("test", "reader", Some("feed"))
        .await
        .unwrap();
    let page = admin.get("/admin/plugins/reader").await.unwrap();
    assert!(page.contains("granted/test/feed"), "{}", page.text);
    // A forged form naming the root changes nothing.
    let page = admin
        .post_form("/admin/plugins/reader/grants", &[("directory", "/")])
        .await
        .unwrap();
    assert!(page.status < 500, "{}", page.text);
    assert_eq!(read(&host, "/granted/notice.txt").await, "read: the feed");
    assert!(
        read(&host, "/granted/etc/hostname")
            .await
            .starts_with("refused")
    );
    hello_answers(&host).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_site_file_naming_a_folder_outside_is_refused_at_apply() {
    let host = reader_host().await;
    let e = host
        .edit_site(|c| {
            if let Some(p) = c.plugins.get_mut("reader") {
                p.grants.directory = Some(Path::new("/etc").into());
            }
        })
        .await
        .unwrap_err();
    assert!(format!("{e:#}").contains("folder grant refused"), "{e:#}");
    hello_answers(&host).await;
}
