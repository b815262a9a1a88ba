//! The host's edge at OWASP ASVS level 2, against a real server over real
//! TCP: the security headers and the CSP nonce on every kind of page,
//! forwarded headers believed only from trusted proxies (the per-address
//! limit of polls and the sign-in throttle), cookies `Secure` from the
//! site's https base URL only, connections that stall (headers, body) cut
//! after their timeout while others are served, host names, plugin static
//! files, `/metrics`, and a crawl of the demo site in headless Chromium
//! that finds no CSP violation.
//!
//! Most tests serve the test host's state a second time with their own
//! [`NetSettings`] (trusted proxies, timeouts, caps), as `estive serve`
//! would with those variables set.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use estive_core::web::net::{NetSettings, parse_nets};
use estive_testing::{Builder, PASSWORD, TestHost};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpSocket, TcpStream};

use crate::fixtures::fixture;

fn plugin_dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../plugins")
        .join(name)
}

/// The host's state served again on its own port with `net`.
struct Edge {
    url: String,
    addr: SocketAddr,
    _stop: tokio::sync::oneshot::Sender<()>,
}

async fn edge(host: &TestHost, net: NetSettings) -> Edge {
    let mut state = host.state.clone();
    state.net = Arc::new(net);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(estive_core::web::serve(state, listener, async move {
        let _ = stopped.await;
    }));
    Edge {
        url: format!("http://{addr}"),
        addr,
        _stop: stop,
    }
}

fn trusting(proxies: &str) -> NetSettings {
    NetSettings {
        trusted_proxies: parse_nets(proxies).unwrap(),
        ..NetSettings::default()
    }
}

fn header<'a>(page: &'a estive_testing::Page, name: &str) -> &'a str {
    page.headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_else(|| panic!("no {name} on {} ({})", page.path, page.status))
}

/// The nonce of a page's CSP header.
fn csp_nonce(csp: &str) -> String {
    let at = csp.find("'nonce-").expect("a nonce in the CSP") + "'nonce-".len();
    csp[at..].split('\'').next().unwrap().to_string()
}

fn assert_security_headers(page: &estive_testing::Page) {
    let csp = header(page, "content-security-policy");
    let script_src = csp
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src"))
        .unwrap_or_else(|| panic!("no script-src in {csp}"));
    assert!(script_src.contains("'nonce-"), "{csp}");
    assert!(!script_src.contains("unsafe-inline"), "{csp}");
    for d in [
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "object-src 'none'",
        "default-src 'self'",
    ] {
        assert!(csp.contains(d), "{d} missing on {}: {csp}", page.path);
    }
    assert_eq!(
        header(page, "referrer-policy"),
        "strict-origin-when-cross-origin"
    );
    assert_eq!(header(page, "x-content-type-options"), "nosniff");
    let permissions = header(page, "permissions-policy");
    for f in ["camera=()", "microphone=()", "geolocation=()"] {
        assert!(permissions.contains(f), "{f} in {permissions}");
    }
    assert_eq!(header(page, "cross-origin-opener-policy"), "same-origin");
    assert!(
        page.headers.get("strict-transport-security").is_none(),
        "no HSTS on an http site"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_kind_of_page_carries_the_security_headers() {
    let host = Builder::default()
        .plugin(fixture("hello"))
        .start()
        .await
        .unwrap();
    let anonymous = host.client();
    let portal = anonymous.get("/").await.unwrap();
    assert_eq!(portal.status, 200);
    assert_security_headers(&portal);
    let plugin = anonymous.get("/bonjour/").await.unwrap();
    assert_eq!(plugin.status, 200);
    assert!(plugin.contains("page-title"), "a plugin page in the layout");
    assert_security_headers(&plugin);
    let missing = anonymous.get("/nulle-part/ici").await.unwrap();
    assert_eq!(missing.status, 404);
    assert_security_headers(&missing);
    let file = anonymous.get("/static/estive.css").await.unwrap();
    assert_eq!(file.status, 200);
    assert_security_headers(&file);
    let elu = host.login("elu").await.unwrap();
    let extranet = elu.get("/extranet/").await.unwrap();
    assert_eq!(extranet.status, 200);
    assert!(extranet.path.starts_with("/extranet"), "{}", extranet.path);
    assert_security_headers(&extranet);
    let forbidden = host.client().get("/extranet/").await.unwrap();
    assert_security_headers(&forbidden);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_csp_nonce_is_new_for_each_response_and_on_each_script_and_style() {
    let host = Builder::default()
        .plugin(fixture("hello"))
        .start()
        .await
        .unwrap();
    // Site colours: the layout's inline <style> block appears.
    host.edit_site(|c| {
        c.colors.primary = "#1f5a45".into();
    })
    .await
    .unwrap();
    let c = host.client();
    let mut seen = Vec::new();
    for path in ["/", "/", "/bonjour/", "/login"] {
        let page = c.get(path).await.unwrap();
        let nonce = csp_nonce(header(&page, "content-security-policy"));
        let tags: Vec<&str> = page
            .text
            .split('<')
            .filter(|t| t.starts_with("script") || t.starts_with("style"))
            .collect();
        assert!(
            tags.iter().any(|t| t.starts_with("style")),
            "the colour block is there: {}",
            page.text
        );
        assert!(tags.iter().any(|t| t.starts_with("script")));
        for t in tags {
            assert!(
                t.contains(&format!("nonce=\"{nonce}\"")),
                "{path}: `<{t}` lacks the response's nonce {nonce}"
            );
        }
        assert!(!page.text.contains(" style=\""), "no style attribute");
        seen.push(nonce);
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), seen.len(), "every response has its own nonce");
}

/// A fresh visitor sends `fields` to `path` through `base` with an
/// `X-Forwarded-For` header: it first reads the form (visitor cookie, CSRF
/// token) with the same header. Returns the POST's status.
async fn post_as_visitor(
    base: &str,
    form_path: &str,
    path: &str,
    forwarded_for: &str,
    fields: &[(String, String)],
) -> u16 {
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = http
        .get(format!("{base}{form_path}"))
        .header("x-forwarded-for", forwarded_for)
        .send()
        .await
        .unwrap();
    let cookie = page
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .collect::<Vec<_>>()
        .join("; ");
    let text = page.text().await.unwrap();
    let at = text
        .find("name=\"csrf_token\" value=\"")
        .expect("a CSRF token")
        + "name=\"csrf_token\" value=\"".len();
    let token = text[at..].split('"').next().unwrap().to_string();
    let mut form = vec![("csrf_token".to_string(), token)];
    form.extend(fields.iter().cloned());
    http.post(format!("{base}{path}"))
        .header("x-forwarded-for", forwarded_for)
        .header("cookie", cookie)
        .form(&form)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// A published anonymous poll of one single-choice question; its id and
/// an answer to it.
async fn one_question_poll(host: &TestHost) -> (String, Vec<(String, String)>) {
    let elu = host.login("elu").await.unwrap();
    let page = elu
        .post_form_no_follow(
            "/extranet/consultations/new",
            &[
                ("title", "Horaires de la piscine"),
                ("description", "Donnez votre avis."),
                ("opens_at", "2026-11-01T08:00"),
                ("closes_at", "2026-11-30T18:00"),
                ("audience", "anyone"),
                ("results", "live"),
                ("themes", "Épanouissement de tous"),
                ("anonymous", "on"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(page.status, 303, "poll created");
    let id = header(&page, "location")
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();
    let q = elu
        .post_form_no_follow(
            &format!("/extranet/consultations/{id}/questions/new"),
            &[
                ("kind", "single"),
                ("title", "Quel créneau ?"),
                ("options", "Matin\nMidi\nSoir"),
                ("required", "on"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(q.status, 303, "question added");
    let p = elu
        .post_form_no_follow(&format!("/extranet/consultations/{id}/publish"), &[])
        .await
        .unwrap();
    assert_eq!(p.status, 303, "published");
    let form = host
        .client()
        .get(&format!("/consultations/{id}"))
        .await
        .unwrap();
    let piece = form
        .text
        .split("name=\"")
        .skip(1)
        .find(|p| p.starts_with('q') && p.contains("value=\""))
        .expect("the question's field");
    let name = piece.split('"').next().unwrap().to_string();
    let value = piece
        .split("value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    (id, vec![(name, value)])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_forwarded_headers_do_not_lift_the_per_address_limit() {
    let host = Builder::default()
        .plugin(plugin_dir("polls"))
        .now("2026-11-10T09:00:00+01:00")
        .setting("polls", "address_limit_per_hour", 2)
        .start()
        .await
        .unwrap();
    let (id, answer) = one_question_poll(&host).await;
    let path = format!("/consultations/{id}");
    // Straight from the client: whatever it forges, its address is its own.
    let direct = edge(&host, NetSettings::default()).await;
    let mut statuses = Vec::new();
    for forged in ["198.51.100.1", "198.51.100.2", "198.51.100.3"] {
        statuses.push(post_as_visitor(&direct.url, &path, &path, forged, &answer).await);
    }
    assert_eq!(statuses, [303, 303, 409], "one address, two answers");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_trusted_proxy_the_limit_follows_the_forwarded_client() {
    let host = Builder::default()
        .plugin(plugin_dir("polls"))
        .now("2026-11-10T09:00:00+01:00")
        .setting("polls", "address_limit_per_hour", 2)
        .start()
        .await
        .unwrap();
    let (id, answer) = one_question_poll(&host).await;
    let path = format!("/consultations/{id}");
    // The test's connections come from 127.0.0.1: that is the proxy.
    let proxied = edge(&host, trusting("127.0.0.1")).await;
    let mut statuses = Vec::new();
    // The client forged the left entry; the proxy appended the real one.
    for chain in [
        "1.1.1.1, 203.0.113.1",
        "1.1.1.1, 203.0.113.2",
        "1.1.1.1, 203.0.113.3",
        "9.9.9.9, 203.0.113.1",
        "8.8.8.8, 203.0.113.1",
    ] {
        statuses.push(post_as_visitor(&proxied.url, &path, &path, chain, &answer).await);
    }
    assert_eq!(
        statuses,
        [303, 303, 303, 303, 409],
        "three clients; the first reaches its limit of two"
    );
}

/// Failed sign-ins (each under a new user name, so that only the address
/// counts) until one is refused for too many attempts; how many were
/// answered "wrong password" first. At most `bound` tries.
async fn failed_sign_ins_until_refused(
    base: &str,
    forwarded_for: impl Fn(usize) -> String,
    bound: usize,
) -> Option<usize> {
    for i in 0..bound {
        let status = post_as_visitor(
            base,
            "/login",
            "/login",
            &forwarded_for(i),
            &[
                ("username".into(), format!("nobody{i}")),
                ("password".into(), "not the password".into()),
                ("next".into(), "/".into()),
            ],
        )
        .await;
        if status == 429 {
            return Some(i);
        }
        assert_eq!(status, 422, "a wrong password shows the form again");
    }
    None
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sign_in_throttle_counts_the_real_address_not_a_forged_one() {
    let host = Builder::default().start().await.unwrap();
    let direct = edge(&host, NetSettings::default()).await;
    let refused_after =
        failed_sign_ins_until_refused(&direct.url, |i| format!("198.51.100.{i}"), 80).await;
    assert!(
        refused_after.is_some(),
        "forging a new address each time does not escape the throttle"
    );

    let other = Builder::default().start().await.unwrap();
    let proxied = edge(&other, trusting("127.0.0.1")).await;
    let limit = refused_after.unwrap();
    // Behind the proxy, as many failures as made the direct client refused,
    // each from another client: none of them is refused...
    let spread = failed_sign_ins_until_refused(
        &proxied.url,
        |i| format!("203.0.113.{}", i % 200),
        limit + 1,
    )
    .await;
    assert_eq!(spread, None, "distinct clients behind the proxy");
    // ...while one client behind the proxy is, forging or not.
    let one = failed_sign_ins_until_refused(
        &proxied.url,
        |i| format!("10.{i}.0.1, 192.0.2.200"),
        limit + 2,
    )
    .await;
    assert!(one.is_some(), "one client behind the proxy is throttled");
}

fn set_cookies(page: &estive_testing::Page) -> Vec<String> {
    page.headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .map(str::to_string)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_an_https_base_url_cookies_are_secure_and_the_session_takes_the_host_prefix() {
    let host = Builder::default().start().await.unwrap();
    host.edit_site(|c| c.base_url = Some("https://test.localhost".into()))
        .await
        .unwrap();
    let c = host.client();
    let home = c.get("/").await.unwrap();
    let visitor = set_cookies(&home)
        .into_iter()
        .find(|v| v.starts_with("estive_visitor="))
        .expect("a visitor cookie");
    assert!(visitor.contains("; Secure"), "{visitor}");
    assert_eq!(
        header(&home, "strict-transport-security"),
        "max-age=31536000"
    );
    assert!(
        header(&home, "content-security-policy").contains("upgrade-insecure-requests"),
        "https pages ask for https sub-resources"
    );
    c.get("/login").await.unwrap();
    let signed_in = c
        .post_form_no_follow(
            "/login",
            &[
                ("username", "citoyen"),
                ("password", PASSWORD),
                ("next", "/"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(signed_in.status, 303);
    let session = set_cookies(&signed_in)
        .into_iter()
        .find(|v| v.contains("estive_session="))
        .expect("a session cookie");
    assert!(session.starts_with("__Host-estive_session="), "{session}");
    assert!(session.contains("; Secure") && session.contains("; Path=/"));
    assert!(
        !session.to_ascii_lowercase().contains("domain="),
        "{session}"
    );
    assert!(
        c.get("/").await.unwrap().contains("Claire Citoyenne"),
        "the prefixed cookie signs in"
    );
    // The same token under the unprefixed name (a cookie planted by a
    // neighbouring subdomain would be one) does not.
    let token = c.cookie("__Host-estive_session").unwrap();
    let planted = reqwest::Client::new()
        .get(format!("{}/", host.url))
        .header("cookie", format!("estive_session={token}"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!planted.contains("Claire Citoyenne"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_an_https_base_url_no_request_header_makes_cookies_secure() {
    let host = Builder::default().start().await.unwrap();
    // Even from a trusted proxy: the scheme is the base URL's.
    for net in [NetSettings::default(), trusting("127.0.0.1")] {
        let e = edge(&host, net).await;
        let resp = reqwest::Client::new()
            .get(format!("{}/login", e.url))
            .header("x-forwarded-proto", "https")
            .header("forwarded", "proto=https")
            .send()
            .await
            .unwrap();
        assert!(resp.headers().get("strict-transport-security").is_none());
        let visitor = resp
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("estive_visitor="))
            .expect("a visitor cookie")
            .to_string();
        assert!(!visitor.contains("Secure"), "{visitor}");
    }
    let c = host.client();
    c.get("/login").await.unwrap();
    let signed_in = c
        .post_form_no_follow(
            "/login",
            &[
                ("username", "citoyen"),
                ("password", PASSWORD),
                ("next", "/"),
            ],
        )
        .await
        .unwrap();
    let session = set_cookies(&signed_in)
        .into_iter()
        .find(|v| v.contains("estive_session="))
        .expect("a session cookie");
    assert!(session.starts_with("estive_session="), "{session}");
    assert!(!session.contains("Secure"), "{session}");
}

/// Whether the server closes `stream` (EOF or reset) within `within`;
/// what it sent first does not matter (hyper may answer 408).
async fn closed_within(stream: &mut TcpStream, within: Duration) -> bool {
    let mut buf = [0u8; 1024];
    let deadline = Instant::now() + within;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, stream.read(&mut buf)).await {
            Err(_) => return false,
            Ok(Ok(0) | Err(_)) => return true,
            Ok(Ok(_)) => {}
        }
    }
}

fn short_timeouts() -> NetSettings {
    NetSettings {
        header_timeout: Duration::from_secs(1),
        body_timeout: Duration::from_secs(1),
        ..NetSettings::default()
    }
}

async fn healthz(url: &str) -> reqwest::Response {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap()
        .get(format!("{url}/healthz"))
        .send()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_stalls_in_its_headers_or_body_is_cut_after_the_timeout() {
    let host = Builder::default().start().await.unwrap();
    let e = edge(&host, short_timeouts()).await;

    let mut silent = TcpStream::connect(e.addr).await.unwrap();
    let mut headers = TcpStream::connect(e.addr).await.unwrap();
    headers
        .write_all(b"GET / HTTP/1.1\r\nHost: test.localhost\r\nUser-Agent: slow")
        .await
        .unwrap();
    let mut body = TcpStream::connect(e.addr).await.unwrap();
    body.write_all(
        b"POST /login HTTP/1.1\r\nHost: test.localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 400\r\n\r\nusername=a",
    )
    .await
    .unwrap();
    // Meanwhile others are served.
    let started = Instant::now();
    assert_eq!(healthz(&e.url).await.status(), 200);
    assert!(started.elapsed() < Duration::from_millis(900));

    for (what, s) in [
        ("silent", &mut silent),
        ("half headers", &mut headers),
        ("half body", &mut body),
    ] {
        assert!(
            closed_within(s, Duration::from_secs(4)).await,
            "the {what} connection is closed"
        );
    }
    // A client that trickles its headers a byte at a time is cut as well:
    // the timeout is for the whole head, not between bytes.
    let mut trickle = TcpStream::connect(e.addr).await.unwrap();
    let started = Instant::now();
    let request = b"GET / HTTP/1.1\r\nHost: test.localhost\r\nX-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n";
    let mut cut = false;
    for b in request {
        if trickle.write_all(&[*b]).await.is_err() {
            cut = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        if started.elapsed() > Duration::from_secs(4) {
            break;
        }
    }
    assert!(
        cut || closed_within(&mut trickle, Duration::from_millis(100)).await,
        "the trickling connection is closed"
    );
    assert!(started.elapsed() < Duration::from_secs(4));
}

/// A connection from another loopback address (the whole 127/8 is the
/// machine's own on Linux) that sends half a request line and stalls.
async fn stalled_from(from: &str, to: SocketAddr) -> Option<TcpStream> {
    let socket = TcpSocket::new_v4().ok()?;
    socket.bind(format!("{from}:0").parse().ok()?).ok()?;
    let mut s = socket.connect(to).await.ok()?;
    s.write_all(b"GET / HT").await.ok()?;
    Some(s)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_stalled_connections_do_not_lock_others_out() {
    let host = Builder::default().start().await.unwrap();
    // One address stalls 300 connections; it holds at most its share.
    let e = edge(
        &host,
        NetSettings {
            header_timeout: Duration::from_secs(30),
            max_connections_per_address: 32,
            ..NetSettings::default()
        },
    )
    .await;
    let mut stalled = Vec::new();
    for _ in 0..300 {
        if let Some(s) = stalled_from("127.0.0.2", e.addr).await {
            stalled.push(s);
        }
    }
    assert!(stalled.len() >= 250, "{} connections opened", stalled.len());
    for _ in 0..5 {
        let started = Instant::now();
        assert_eq!(healthz(&e.url).await.status(), 200);
        assert!(started.elapsed() < Duration::from_secs(2));
    }
    drop(stalled);

    // Past the server's own cap, a new connection is told 503 at once; once
    // the stalled ones time out, everyone is served again.
    let capped = edge(
        &host,
        NetSettings {
            header_timeout: Duration::from_secs(1),
            max_connections: Some(20),
            ..NetSettings::default()
        },
    )
    .await;
    let mut stalled = Vec::new();
    for _ in 0..20 {
        stalled.push(stalled_from("127.0.0.3", capped.addr).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = Instant::now();
    let busy = healthz(&capped.url).await;
    assert_eq!(busy.status(), 503);
    assert!(started.elapsed() < Duration::from_secs(2));
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(healthz(&capped.url).await.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_unknown_hosts_refused_addresses_and_localhost_names_answer_only_in_development() {
    let host = Builder::default().unknown_host_404().start().await.unwrap();
    host.edit_site(|c| c.domains = vec!["test.example".into()])
        .await
        .unwrap();
    let status = |url: String, host_name: &'static str| async move {
        reqwest::Client::new()
            .get(format!("{url}/"))
            .header("host", host_name)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    };
    let production = edge(&host, NetSettings::default()).await;
    let dev = edge(
        &host,
        NetSettings {
            dev: true,
            ..NetSettings::default()
        },
    )
    .await;
    for (name, in_production, in_dev) in [
        ("test.example", 200, 200),
        ("test.localhost", 404, 200),
        ("127.0.0.1", 404, 200),
        ("[::1]:8080", 404, 200),
        ("localhost", 404, 200),
        ("elsewhere.example", 404, 404),
        ("other.localhost", 404, 404),
    ] {
        assert_eq!(
            status(production.url.clone(), name).await,
            in_production,
            "{name} in production"
        );
        assert_eq!(status(dev.url.clone(), name).await, in_dev, "{name} in dev");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn static_files_of_a_plugin_are_served_only_where_it_is_enabled() {
    let host = Builder::default()
        .plugin(fixture("hello"))
        .start()
        .await
        .unwrap();
    let c = host.client();
    let file = c.get("/static/p/hello/1.0.0/hello.css").await.unwrap();
    assert_eq!(file.status, 200);
    assert!(file.contains(".hello"));
    assert_eq!(
        c.get("/static/p/hello/0.9.0/hello.css")
            .await
            .unwrap()
            .status,
        404,
        "another version"
    );
    host.state
        .platform
        .disable(estive_testing::SITE, "hello")
        .await
        .unwrap();
    assert_eq!(
        c.get("/static/p/hello/1.0.0/hello.css")
            .await
            .unwrap()
            .status,
        404,
        "the plugin is installed but not enabled here"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_are_refused_from_addresses_that_are_not_allowed() {
    let host = Builder::default().start().await.unwrap();
    let get = |url: String, forwarded: Option<&'static str>| async move {
        let mut r = reqwest::Client::new().get(format!("{url}/metrics"));
        if let Some(f) = forwarded {
            r = r.header("x-forwarded-for", f);
        }
        let resp = r.send().await.unwrap();
        let status = resp.status().as_u16();
        (status, resp.text().await.unwrap())
    };
    let default = edge(&host, NetSettings::default()).await;
    let (status, text) = get(default.url.clone(), None).await;
    assert_eq!(status, 200, "loopback is allowed by default");
    assert!(text.contains("estive_http_requests_total"));
    // A proxy nobody declared relays a visitor: loopback is not the client.
    assert_eq!(get(default.url.clone(), Some("127.0.0.1")).await.0, 404);

    let elsewhere = edge(
        &host,
        NetSettings {
            metrics_allow: parse_nets("10.0.0.0/8").unwrap(),
            ..NetSettings::default()
        },
    )
    .await;
    let (status, text) = get(elsewhere.url.clone(), None).await;
    assert_eq!(status, 404);
    assert!(!text.contains("estive_"), "nothing leaks: {text}");
    // Behind a trusted proxy, the forwarded client decides.
    let proxied = edge(
        &host,
        NetSettings {
            metrics_allow: parse_nets("10.0.0.0/8").unwrap(),
            ..trusting("127.0.0.1")
        },
    )
    .await;
    assert_eq!(get(proxied.url.clone(), Some("10.1.2.3")).await.0, 200);
    assert_eq!(get(proxied.url.clone(), Some("192.0.2.9")).await.0, 404);

    // On its own listener, and then not on the sites'.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let own = edge(
        &host,
        NetSettings {
            metrics_addr: Some(port),
            ..NetSettings::default()
        },
    )
    .await;
    assert_eq!(get(own.url.clone(), None).await.0, 404);
    let mut metrics = None;
    for _ in 0..50 {
        if let Ok(r) = reqwest::get(format!("http://{port}/metrics")).await {
            metrics = Some(r.status().as_u16());
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(metrics, Some(200));
}
