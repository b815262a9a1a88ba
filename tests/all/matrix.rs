//! The permission matrix: every route of every plugin of `plugins/`, for
//! every role and for anonymous visitors, gets the host's expected decision
//! (sign in, refused, or let through to the plugin) — computed from the
//! manifests' areas, permissions and default roles.

use estive_core::package::manifest::{Area, Method};
use estive_testing::TestHost;

fn plugins() -> Vec<std::path::PathBuf> {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../plugins");
    let mut out: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("plugin.toml").is_file())
        .collect();
    out.sort();
    out
}

#[derive(Debug, PartialEq)]
enum Decision {
    SignIn,
    Refused,
    Plugin,
}

fn expected(area: Area, permission: Option<&str>, roles: &[&str], holders: &[String]) -> Decision {
    let signed_in = !roles.is_empty();
    let area_ok = match area {
        Area::Portal => true,
        Area::Extranet => roles.iter().any(|r| *r != "citizen"),
        Area::Admin => roles.contains(&"admin"),
    };
    let needs_user = area != Area::Portal || permission.is_some();
    if needs_user && !signed_in {
        return Decision::SignIn;
    }
    let perm_ok = permission.is_none() || roles.iter().any(|r| holders.iter().any(|h| h == r));
    if area_ok && perm_ok {
        Decision::Plugin
    } else {
        Decision::Refused
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_of_every_plugin_for_every_role() {
    let mut b = TestHost::builder();
    for p in plugins() {
        b = b.plugin(p);
    }
    let host = b.start().await.unwrap();
    let users: [(Option<&str>, &[&str]); 5] = [
        (None, &[]),
        (Some("citoyen"), &["citizen"]),
        (Some("agent"), &["staff"]),
        (Some("elu"), &["elected"]),
        (Some("admin"), &["admin"]),
    ];
    let snapshot = host.state.platform.snapshot();
    let site = snapshot.site("test").unwrap();
    let mut checked = 0;
    for (user, roles) in users {
        let client = match user {
            Some(u) => host.login(u).await.unwrap(),
            None => host.client(),
        };
        // Gives the anonymous client a CSRF token too.
        client.get("/login").await.unwrap();
        for p in &site.plugins {
            for route in &p.loaded.manifest.routes {
                let path = route
                    .path
                    .split('/')
                    .map(|seg| {
                        if seg.starts_with("{*") {
                            "x"
                        } else if seg.starts_with('{') {
                            "1"
                        } else {
                            seg
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("/");
                let url = format!("{}{}", p.mount(route.area), path);
                let holders = site
                    .permission_roles
                    .get(route.permission.as_deref().unwrap_or(""))
                    .cloned()
                    .unwrap_or_default();
                let want = expected(route.area, route.permission.as_deref(), roles, &holders);
                for method in &route.methods {
                    let page = match method {
                        Method::Get => client.send(reqwest::Method::GET, &url, None).await.unwrap(),
                        Method::Post => client.post_form_no_follow(&url, &[]).await.unwrap(),
                    };
                    let refused = page
                        .headers
                        .get("x-estive-refused")
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_string);
                    let got = match refused.as_deref() {
                        Some("sign-in") => Decision::SignIn,
                        Some(_) => Decision::Refused,
                        None => Decision::Plugin,
                    };
                    assert_eq!(
                        got, want,
                        "{user:?} {method:?} {url} (route {} of {}): status {}",
                        route.name, p.name, page.status
                    );
                    if got == Decision::Refused {
                        assert_eq!(page.status, 403, "{user:?} {method:?} {url}");
                    }
                    if got == Decision::SignIn {
                        assert_eq!(page.status, 303, "{user:?} {method:?} {url}");
                    }
                    assert_ne!(
                        page.status, 500,
                        "{user:?} {method:?} {url} made the plugin fail: {}",
                        page.text
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 0);
    eprintln!("permission matrix: {checked} (route, method, user) cases checked");
}
