//! A plugin's routes, compiled once per plugin version.

/// First path segments the host keeps for itself: plugins cannot be
/// mounted there.
pub const RESERVED_PATHS: [&str; 29] = [
    "extranet",
    "admin",
    "static",
    "login",
    "logout",
    "signup",
    "inscription",
    "compte",
    "account",
    "mot-de-passe",
    "invitation",
    "healthz",
    "metrics",
    "sitemap.xml",
    "robots.txt",
    "mentions-legales",
    "donnees-personnelles",
    "accessibilite",
    "plan-du-site",
    "langue",
    "server",
    "favicon.ico",
    // Host pages of the admin area.
    "invitations",
    "plugins",
    "users",
    "groups",
    "permissions",
    "audit",
    "theme",
];

use std::collections::HashMap;

use crate::package::manifest::{Area, Manifest, Method, Route};

/// Matchers of a plugin's routes by area and method.
pub struct PluginRoutes {
    routes: Vec<Route>,
    routers: HashMap<(Area, Method), matchit::Router<usize>>,
}

/// A matched route.
pub struct Matched<'a> {
    pub route: &'a Route,
    pub params: Vec<(String, String)>,
}

impl PluginRoutes {
    pub fn new(manifest: &Manifest) -> PluginRoutes {
        let mut routers: HashMap<(Area, Method), matchit::Router<usize>> = HashMap::new();
        for (i, r) in manifest.routes.iter().enumerate() {
            for m in &r.methods {
                // Clashes were refused when the manifest was validated.
                let _ = routers
                    .entry((r.area, *m))
                    .or_default()
                    .insert(r.path.as_str(), i);
            }
        }
        PluginRoutes {
            routes: manifest.routes.clone(),
            routers,
        }
    }

    /// Match `path` (below the mount point, starting with `/`).
    pub fn find(&self, area: Area, method: Method, path: &str) -> Option<Matched<'_>> {
        let m = self.routers.get(&(area, method))?.at(path).ok()?;
        Some(Matched {
            route: &self.routes[*m.value],
            params: m
                .params
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        })
    }

    /// Whether the path exists with another method (405 rather than 404).
    pub fn other_method(&self, area: Area, method: Method, path: &str) -> bool {
        let other = if method == Method::Get {
            Method::Post
        } else {
            Method::Get
        };
        self.routers
            .get(&(area, other))
            .is_some_and(|r| r.at(path).is_ok())
    }

    pub fn all(&self) -> &[Route] {
        &self.routes
    }
}
