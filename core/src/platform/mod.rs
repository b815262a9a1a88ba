//! The platform: the database, the runtime, and an in-memory snapshot of
//! every site with its enabled plugins, rebuilt whenever the configuration
//! revision changes (on this node or another one sharing the database).

pub mod admin;
pub mod data;
pub mod people;
pub mod plugins;
pub mod routes;
pub mod sites;

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use anyhow::{Context as _, Result};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use semver::Version;

use crate::db::entities::{plugin_package, role_permission, site, site_plugin};
use crate::package::manifest::Area;
use crate::package::{Package, settings};
use crate::runtime::{Grants, Loaded, Runtime, SiteInfo};
use crate::sites::config::SiteConfig;
pub use routes::PluginRoutes;

/// Where an enabled plugin is mounted and how it is configured on a site.
pub struct SitePlugin {
    pub name: String,
    pub loaded: Arc<Loaded>,
    pub routes: Arc<PluginRoutes>,
    /// Mount segment, e.g. `consultations`.
    pub path: String,
    pub settings: Arc<serde_json::Value>,
    pub grants: Arc<Grants>,
    pub deadline: std::time::Duration,
    pub memory_cap: usize,
}

impl SitePlugin {
    /// `/consultations`, `/extranet/consultations`, `/admin/consultations`.
    pub fn mount(&self, area: Area) -> String {
        format!("{}/{}", area.prefix(), self.path)
    }

    pub fn mounts(&self) -> Vec<(String, String)> {
        Area::ALL
            .iter()
            .map(|a| (a.as_str().to_string(), self.mount(*a)))
            .collect()
    }
}

/// A site as requests see it.
pub struct Site {
    pub id: i64,
    pub info: Arc<SiteInfo>,
    pub config: SiteConfig,
    pub plugins: Vec<Arc<SitePlugin>>,
    /// Roles holding each permission.
    pub permission_roles: HashMap<String, Vec<String>>,
    /// Templates overriding the host's or a plugin's (`layout.html`,
    /// `polls/poll.html`).
    pub templates: BTreeMap<String, String>,
    /// Files of the site folder's `static/` (the logo…).
    pub statics: BTreeMap<String, Vec<u8>>,
}

impl Site {
    pub fn plugin(&self, name: &str) -> Option<&Arc<SitePlugin>> {
        self.plugins.iter().find(|p| p.name == name)
    }

    pub fn plugin_at(&self, path: &str) -> Option<&Arc<SitePlugin>> {
        self.plugins.iter().find(|p| p.path == path)
    }

    /// Permissions of `plugin` held by someone with `roles`.
    pub fn permissions_of(&self, plugin: &SitePlugin, roles: &[String]) -> Vec<String> {
        plugin
            .loaded
            .manifest
            .permissions
            .iter()
            .filter(|p| {
                self.permission_roles
                    .get(&p.name)
                    .is_some_and(|holders| holders.iter().any(|r| roles.contains(r)))
            })
            .map(|p| p.name.clone())
            .collect()
    }
}

/// Every site, as of one configuration revision.
#[derive(Default)]
pub struct Snapshot {
    pub revision: i64,
    pub sites: Vec<Arc<Site>>,
    by_host: HashMap<String, usize>,
    default: Option<usize>,
}

impl Snapshot {
    /// The site serving a host name (port ignored), or the default site.
    ///
    /// A development server (`dev`) also answers `<slug>.localhost` with
    /// that site, and bare addresses (`127.0.0.1`, `localhost`) with the
    /// default site; elsewhere only the configured names do, unless
    /// `fallback_to_default` sends every other name to the default site.
    pub fn site_for_host(
        &self,
        host: &str,
        fallback_to_default: bool,
        dev: bool,
    ) -> Option<&Arc<Site>> {
        let host = host.rsplit_once(':').map_or(host, |(h, port)| {
            if port.chars().all(|c| c.is_ascii_digit()) {
                h
            } else {
                host
            }
        });
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        if let Some(i) = self.by_host.get(&host) {
            return self.sites.get(*i);
        }
        // `<slug>.localhost` works in development without configuration.
        if dev
            && let Some(slug) = host.strip_suffix(".localhost")
            && let Some(s) = self.sites.iter().find(|s| s.config.slug == slug)
        {
            return Some(s);
        }
        let is_address = host.parse::<std::net::IpAddr>().is_ok()
            || host == "localhost"
            || host.starts_with('[');
        if fallback_to_default || (dev && is_address) {
            return self
                .default
                .and_then(|i| self.sites.get(i))
                .or_else(|| self.sites.first());
        }
        None
    }

    pub fn site(&self, slug: &str) -> Option<&Arc<Site>> {
        self.sites.iter().find(|s| s.config.slug == slug)
    }
}

/// Server-wide settings.
#[derive(Debug, Clone)]
pub struct ServerSettings {
    pub data_dir: PathBuf,
    /// Serve unknown host names with the default site (true) or a 404.
    pub unknown_host_default: bool,
    /// Port the server listens on (for `<slug>.localhost` base URLs).
    pub public_port: Option<u16>,
}

/// The shared state of a node.
pub struct Platform {
    pub db: DatabaseConnection,
    pub runtime: Arc<Runtime>,
    pub settings: ServerSettings,
    pub secret: Vec<u8>,
    snapshot: RwLock<Arc<Snapshot>>,
    routes: RwLock<HashMap<(String, Version), Arc<PluginRoutes>>>,
    reload_lock: tokio::sync::Mutex<()>,
}

impl Platform {
    /// Run `work` in one transaction of the host's database under the
    /// SQLite writer lock (see [`crate::storage::Storage::transact`]).
    ///
    /// # Errors
    /// What `work` returns, or the database fails to begin or commit.
    pub async fn transact<T, E>(
        &self,
        work: impl AsyncFnOnce(&sea_orm::DatabaseTransaction) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<sea_orm::DbErr>,
    {
        self.runtime.services.storage.transact(work).await
    }

    pub fn new(
        db: DatabaseConnection,
        runtime: Arc<Runtime>,
        settings: ServerSettings,
        secret: Vec<u8>,
    ) -> Arc<Platform> {
        Arc::new(Platform {
            db,
            runtime,
            settings,
            secret,
            snapshot: RwLock::new(Arc::new(Snapshot::default())),
            routes: RwLock::new(HashMap::new()),
            reload_lock: tokio::sync::Mutex::new(()),
        })
    }

    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot.read().expect("snapshot lock").clone()
    }

    /// Reload if another node (or a CLI command) changed the configuration.
    ///
    /// # Errors
    /// The database fails.
    pub async fn refresh(&self) -> Result<bool> {
        let rev = crate::db::revision(&self.db).await?;
        if rev == self.snapshot().revision {
            return Ok(false);
        }
        self.reload().await?;
        Ok(true)
    }

    /// Rebuild the snapshot from the database.
    ///
    /// # Errors
    /// The database fails. A plugin that cannot be loaded is logged and left
    /// out rather than failing every site.
    pub async fn reload(&self) -> Result<()> {
        let _one_at_a_time = self.reload_lock.lock().await;
        let revision = crate::db::revision(&self.db).await?;
        let site_rows = site::Entity::find().all(&self.db).await?;
        let enabled = site_plugin::Entity::find()
            .filter(site_plugin::Column::Enabled.eq(true))
            .all(&self.db)
            .await?;
        let perms = role_permission::Entity::find().all(&self.db).await?;

        let mut packages: HashMap<(String, String), Arc<Loaded>> = HashMap::new();
        for sp in &enabled {
            let key = (sp.plugin.clone(), sp.version.clone());
            if packages.contains_key(&key) {
                continue;
            }
            match self.load_package(&sp.plugin, &sp.version).await {
                Ok(l) => {
                    packages.insert(key, l);
                }
                Err(e) => {
                    tracing::error!(plugin = %sp.plugin, version = %sp.version, error = %format!("{e:#}"), "cannot load plugin")
                }
            }
        }

        let mut sites = Vec::new();
        for row in site_rows {
            let config: SiteConfig =
                serde_json::from_str(&row.config).context("stored site config")?;
            let (templates, statics) = sites::decode_files(&row.templates);
            let timezone = config.timezone.parse().unwrap_or(chrono_tz::Europe::Paris);
            let base_url =
                config
                    .base_url
                    .clone()
                    .unwrap_or_else(|| match self.settings.public_port {
                        Some(80) | None => format!("http://{}.localhost", config.slug),
                        Some(p) => format!("http://{}.localhost:{p}", config.slug),
                    });
            let info = Arc::new(SiteInfo {
                id: row.id,
                slug: row.slug.clone(),
                name: row.name.clone(),
                base_url: base_url.trim_end_matches('/').to_string(),
                timezone,
            });
            let mut plugins = Vec::new();
            for sp in enabled.iter().filter(|sp| sp.site_id == row.id) {
                let Some(loaded) = packages.get(&(sp.plugin.clone(), sp.version.clone())) else {
                    continue;
                };
                let stored: serde_json::Value =
                    serde_json::from_str(&sp.settings).unwrap_or_default();
                let grants: plugins::StoredGrants =
                    serde_json::from_str(&sp.grants).unwrap_or_default();
                let limits: plugins::StoredLimits =
                    serde_json::from_str(&sp.limits).unwrap_or_default();
                let manifest = &loaded.manifest;
                plugins.push(Arc::new(SitePlugin {
                    name: sp.plugin.clone(),
                    routes: self.routes_for(loaded),
                    path: serde_json::from_str::<String>(&sp.paths)
                        .unwrap_or_else(|_| manifest.default_path.clone()),
                    settings: Arc::new(settings::effective(manifest, &stored)),
                    grants: Arc::new(Grants::intersect(
                        manifest,
                        &grants.http,
                        self.granted_folder(&row.slug, &sp.plugin, grants.directory.as_deref()),
                        grants.mail,
                    )),
                    deadline: std::time::Duration::from_millis(
                        limits.deadline_ms.unwrap_or(manifest.limits.deadline_ms),
                    ),
                    memory_cap: (limits.memory_mib.unwrap_or(manifest.limits.memory_mib) as usize)
                        << 20,
                    loaded: loaded.clone(),
                }));
            }
            plugins.sort_by(|a, b| a.name.cmp(&b.name));
            let mut permission_roles: HashMap<String, Vec<String>> = HashMap::new();
            for p in perms.iter().filter(|p| p.site_id == row.id) {
                permission_roles
                    .entry(p.permission.clone())
                    .or_default()
                    .push(p.role.clone());
            }
            sites.push(Arc::new(Site {
                id: row.id,
                info,
                config,
                plugins,
                permission_roles,
                templates,
                statics,
            }));
        }
        sites.sort_by(|a, b| a.config.slug.cmp(&b.config.slug));
        let mut by_host = HashMap::new();
        let mut default = None;
        for (i, s) in sites.iter().enumerate() {
            for d in &s.config.domains {
                by_host.insert(d.to_ascii_lowercase(), i);
            }
            if s.config.default && default.is_none() {
                default = Some(i);
            }
        }
        *self.snapshot.write().expect("snapshot lock") = Arc::new(Snapshot {
            revision,
            sites,
            by_host,
            default,
        });
        self.runtime.warm();
        Ok(())
    }

    async fn load_package(&self, name: &str, version: &str) -> Result<Arc<Loaded>> {
        let v = Version::parse(version)?;
        if let Some(l) = self.runtime.get(name, &v) {
            return Ok(l);
        }
        let row = plugin_package::Entity::find()
            .filter(plugin_package::Column::Name.eq(name))
            .filter(plugin_package::Column::Version.eq(version))
            .one(&self.db)
            .await?
            .with_context(|| format!("package {name} {version} is not installed"))?;
        let package = Package::from_stored(row.manifest, row.wasm, &row.files)?;
        let runtime = self.runtime.clone();
        // Compiling may take a while (or be a cache hit): keep it off the
        // async workers.
        tokio::task::spawn_blocking(move || runtime.prepare(Arc::new(package))).await?
    }

    fn routes_for(&self, loaded: &Arc<Loaded>) -> Arc<PluginRoutes> {
        let key = (loaded.name().to_string(), loaded.version().clone());
        if let Some(r) = self.routes.read().expect("routes lock").get(&key) {
            return r.clone();
        }
        let r = Arc::new(PluginRoutes::new(&loaded.manifest));
        self.routes
            .write()
            .expect("routes lock")
            .insert(key, r.clone());
        r
    }

    /// Bump the revision and reload this node now.
    ///
    /// # Errors
    /// The database fails.
    pub async fn changed(&self) -> Result<()> {
        crate::db::bump_revision(&self.db).await?;
        self.reload().await
    }
}

/// The context given to plugins outside a request (events, schedules).
pub fn background_context(
    site: &Site,
    plugin: &SitePlugin,
) -> (crate::runtime::api::Context, crate::runtime::CallInfo) {
    let ctx = crate::runtime::api::Context {
        site: crate::runtime::api::Site {
            slug: site.info.slug.clone(),
            name: site.info.name.clone(),
            base_url: site.info.base_url.clone(),
            timezone: site.config.timezone.clone(),
        },
        user: None,
        locale: site.config.locale.clone(),
        base_path: String::new(),
        mounts: plugin.mounts(),
    };
    let info = crate::runtime::CallInfo {
        site: site.info.clone(),
        manifest: plugin.loaded.manifest.clone(),
        settings: plugin.settings.clone(),
        grants: plugin.grants.clone(),
        actor: crate::storage::Actor {
            user_id: None,
            name: Some(format!("{} (automatic)", plugin.name)),
        },
        locale: site.config.locale.clone(),
        catalogues: plugin.loaded.catalogues.clone(),
        // Background work gets more time than a page.
        deadline: plugin.deadline.max(std::time::Duration::from_secs(30)),
        memory_cap: plugin.memory_cap,
    };
    (ctx, info)
}
