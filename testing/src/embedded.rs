//! The host linked into the test process (feature `embedded`, on by
//! default): every part of it reachable from a test (the platform, the
//! clock, events, schedules, a second node).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::{Context as _, Result, bail};

use estive_core::package::{Manifest, Package};
use estive_core::server::Config;
use estive_core::sites::config::{GrantsEntry, GroupEntry, PluginEntry, SiteConfig, UserEntry};
use estive_core::web::AppState;

use crate::{Client, PASSWORD, SITE, workspace_root};

fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from)
}

fn mtime(path: &Path) -> std::time::SystemTime {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .unwrap_or(std::time::UNIX_EPOCH)
}

fn newest_mtime(dir: &Path) -> std::time::SystemTime {
    let mut newest = std::time::UNIX_EPOCH;
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            let t = if p.is_dir() {
                if p.file_name().is_some_and(|n| n == "target" || n == "tests") {
                    continue;
                }
                newest_mtime(&p)
            } else {
                e.metadata()
                    .and_then(|m| m.modified())
                    .unwrap_or(std::time::UNIX_EPOCH)
            };
            newest = newest.max(t);
        }
    }
    newest
}

/// Build a plugin crate into a package (a component built by `cargo xtask
/// build-plugins` is reused when it is newer than the plugin's and the SDK's
/// sources; otherwise it is built into a target folder of its own, so that
/// an outer `cargo test` holding the main one is not waited for).
///
/// # Errors
/// The build fails, or the package does not pass the install checks.
pub fn build_package(crate_dir: &Path) -> Result<Package> {
    // One build at a time in a test process: parallel tests ask for the
    // same plugins.
    static BUILDING: Mutex<()> = Mutex::new(());
    let _one = BUILDING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let crate_dir = crate_dir
        .canonicalize()
        .with_context(|| format!("{}", crate_dir.display()))?;
    let root = workspace_root(&crate_dir)?;
    let cargo_toml: toml::Value =
        toml::from_str(&std::fs::read_to_string(crate_dir.join("Cargo.toml"))?)?;
    let crate_name = cargo_toml["package"]["name"]
        .as_str()
        .context("Cargo.toml has no package name")?
        .to_string();
    let file = format!("{}.wasm", crate_name.replace('-', "_"));
    let target = target_dir(&root);
    let prebuilt = target.join("wasm32-wasip2/plugin").join(&file);
    // Only what goes into the component: templates and the manifest are read
    // from the crate folder at every start anyway.
    let sources = newest_mtime(&crate_dir.join("src"))
        .max(mtime(&crate_dir.join("Cargo.toml")))
        .max(newest_mtime(&root.join("host-sdk/src")))
        .max(newest_mtime(&root.join("wit")));
    let fresh = std::fs::metadata(&prebuilt)
        .and_then(|m| m.modified())
        .is_ok_and(|t| t >= sources);
    let wasm_path = if fresh {
        prebuilt
    } else {
        let own = target.join("estive-harness");
        let out =
            std::process::Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
                .args([
                    "build",
                    "--quiet",
                    "-p",
                    &crate_name,
                    "--target",
                    "wasm32-wasip2",
                    "--profile",
                    "plugin",
                ])
                .arg("--target-dir")
                .arg(&own)
                .current_dir(&root)
                .output()
                .context("cannot run cargo")?;
        if !out.status.success() {
            bail!(
                "building {crate_name} for wasm32-wasip2 failed (is the target installed? rustup target add wasm32-wasip2):\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        own.join("wasm32-wasip2/plugin").join(&file)
    };
    let wasm = std::fs::read(&wasm_path)
        .with_context(|| format!("cannot read {}", wasm_path.display()))?;
    let manifest = std::fs::read_to_string(crate_dir.join("plugin.toml"))
        .context("the plugin has no plugin.toml")?;
    let mut files = BTreeMap::new();
    for dir in ["templates", "locales", "static"] {
        estive_core::package::collect_dir(&crate_dir.join(dir), dir, &mut files)?;
    }
    Package::from_parts(manifest, wasm, files)
}

/// Which database a test host uses.
#[derive(Debug, Clone)]
pub enum Database {
    /// A temporary SQLite file.
    Sqlite,
    /// A fresh database on the PostgreSQL server at this URL (without a
    /// database name, e.g. `postgres://postgres@127.0.0.1:5432`), dropped
    /// afterwards.
    Postgres(String),
}

impl Database {
    /// PostgreSQL at `ESTIVE_TEST_POSTGRES` or the local server.
    pub fn postgres() -> Database {
        Database::Postgres(
            std::env::var("ESTIVE_TEST_POSTGRES")
                .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".into()),
        )
    }
}

/// Options of a test host.
pub struct Builder {
    plugins: Vec<PathBuf>,
    packages: Vec<Package>,
    database: Database,
    settings: BTreeMap<String, BTreeMap<String, toml::Value>>,
    groups: Vec<(String, String, Vec<String>)>,
    users: Vec<UserEntry>,
    now: Option<String>,
    pooling: bool,
    unknown_host_default: bool,
    http_grants: BTreeMap<String, Vec<String>>,
    no_mail: Vec<String>,
    allow_private: Vec<String>,
    trusted_proxies: Option<String>,
}

impl Default for Builder {
    fn default() -> Self {
        Builder {
            plugins: Vec::new(),
            packages: Vec::new(),
            database: Database::Sqlite,
            settings: BTreeMap::new(),
            groups: Vec::new(),
            users: Vec::new(),
            now: None,
            // Tests start many hosts at once; reserving a pool each would
            // waste address space.
            pooling: false,
            unknown_host_default: true,
            http_grants: BTreeMap::new(),
            no_mail: Vec::new(),
            allow_private: Vec::new(),
            trusted_proxies: None,
        }
    }
}

impl Builder {
    /// Install and enable the plugin crate at `dir` (its requirements are
    /// looked up as sibling crates and enabled first).
    pub fn plugin(mut self, dir: impl Into<PathBuf>) -> Self {
        self.plugins.push(dir.into());
        self
    }

    /// Install and enable an already built package.
    pub fn package(mut self, p: Package) -> Self {
        self.packages.push(p);
        self
    }

    pub fn database(mut self, db: Database) -> Self {
        self.database = db;
        self
    }

    /// A setting of a plugin on the test site.
    pub fn setting(mut self, plugin: &str, name: &str, value: impl Into<toml::Value>) -> Self {
        self.settings
            .entry(plugin.into())
            .or_default()
            .insert(name.into(), value.into());
        self
    }

    /// A working group with members (usernames).
    pub fn group(mut self, slug: &str, name: &str, members: &[&str]) -> Self {
        self.groups.push((
            slug.into(),
            name.into(),
            members.iter().map(|m| m.to_string()).collect(),
        ));
        self
    }

    /// Another account.
    pub fn user(mut self, username: &str, name: &str, roles: &[&str]) -> Self {
        self.users.push(UserEntry {
            username: username.into(),
            name: name.into(),
            email: Some(format!("{username}@example.org")),
            roles: roles.iter().map(|r| r.to_string()).collect(),
            groups: Vec::new(),
        });
        self
    }

    /// Start with the clock plugins see set to this RFC 3339 time.
    /// Believe forwarded headers from these proxies (addresses or CIDRs,
    /// comma-separated), as `ESTIVE_TRUSTED_PROXIES` does: tests that play
    /// clients at several addresses send them through a proxy on 127.0.0.1.
    pub fn trusted_proxies(mut self, proxies: &str) -> Self {
        self.trusted_proxies = Some(proxies.to_string());
        self
    }

    pub fn now(mut self, rfc3339: &str) -> Self {
        self.now = Some(rfc3339.into());
        self
    }

    /// Answer 404 for host names no site claims (instead of the default site).
    pub fn unknown_host_404(mut self) -> Self {
        self.unknown_host_default = false;
        self
    }

    /// Grant a plugin outbound HTTP to these hosts (entries of its
    /// manifest's `[capabilities.http]`, as written there) on the test site.
    pub fn grant_http(mut self, plugin: &str, hosts: &[&str]) -> Self {
        self.http_grants
            .entry(plugin.into())
            .or_default()
            .extend(hosts.iter().map(|h| h.to_string()));
        self
    }

    /// Do not grant e-mail to this plugin (by default every plugin that
    /// declares `[capabilities.mail]` gets it on the test site).
    pub fn no_mail(mut self, plugin: &str) -> Self {
        self.no_mail.push(plugin.into());
        self
    }

    /// Let plugins reach this host although it is private or local, as
    /// `ESTIVE_HTTP_ALLOW_PRIVATE` does on a server (`127.0.0.1` for a test
    /// server on this machine).
    pub fn allow_private_http(mut self, host: &str) -> Self {
        self.allow_private.push(host.into());
        self
    }

    pub fn pooling(mut self, on: bool) -> Self {
        self.pooling = on;
        self
    }

    /// Build, install, create the site, serve.
    ///
    /// # Errors
    /// Any step, with its reason.
    pub async fn start(self) -> Result<TestHost> {
        // Errors of the host show in a failing test's output.
        let _ = tracing_subscriber::fmt()
            .with_env_filter(
                tracing_subscriber::EnvFilter::try_from_env("ESTIVE_LOG")
                    .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("error")),
            )
            .with_test_writer()
            .try_init();
        let tmp = tempfile::tempdir()?;
        let (database_url, pg) = match &self.database {
            Database::Sqlite => (estive_core::db::default_url(tmp.path()), None),
            Database::Postgres(server) => {
                let name = format!("estive_t_{}", hex::encode(rand::random::<[u8; 6]>()));
                let admin = sea_orm::Database::connect(format!("{server}/postgres"))
                    .await
                    .with_context(|| format!("cannot reach PostgreSQL at {server}"))?;
                sea_orm::ConnectionTrait::execute_unprepared(
                    &admin,
                    &format!("CREATE DATABASE {name}"),
                )
                .await?;
                (format!("{server}/{name}"), Some((server.clone(), name)))
            }
        };
        let config = Config {
            addr: "127.0.0.1:0".into(),
            data_dir: tmp.path().to_path_buf(),
            database_url,
            pooling: self.pooling,
            unknown_host_default: self.unknown_host_default,
            fake_now: None,
            // Compiled plugins are shared by every test host (wasmtime's
            // cache is keyed by the component and the engine settings).
            cache_dir: workspace_root(Path::new(env!("CARGO_MANIFEST_DIR")))
                .ok()
                .map(|root| target_dir(&root).join("estive-test-cache")),
        };
        let state = estive_core::server::open(&config).await?;
        for host in &self.allow_private {
            state.platform.runtime.services.http.allow_private(host);
        }
        if let Some(now) = &self.now {
            set_clock(&state, now)?;
        }

        let mut packages = self.packages;
        let mut seen: Vec<String> = packages.iter().map(|p| p.name().to_string()).collect();
        let mut queue = self.plugins.clone();
        while let Some(dir) = queue.pop() {
            let p = tokio::task::spawn_blocking(move || build_package(&dir)).await??;
            if seen.contains(&p.name().to_string()) {
                continue;
            }
            seen.push(p.name().to_string());
            if let Some(parent) = self
                .plugins
                .first()
                .and_then(|d| d.parent().map(Path::to_path_buf))
            {
                for dep in p.manifest.requires.keys() {
                    if !seen.contains(dep) {
                        queue.push(parent.join(dep));
                    }
                }
            }
            packages.push(p);
        }
        // Requirements first.
        packages.sort_by_key(|p| p.manifest.requires.len());
        let names: Vec<String> = packages.iter().map(|p| p.name().to_string()).collect();
        let asks_mail: Vec<String> = packages
            .iter()
            .filter(|p| p.manifest.capabilities.mail.is_some())
            .map(|p| p.name().to_string())
            .collect();
        for p in packages {
            state.platform.install(p).await?;
        }

        let mut site = SiteConfig::new(SITE, "Communauté de communes de Test");
        site.default = true;
        site.domains = vec!["test.localhost".into()];
        // Links in mails and feeds: tests read the path after it.
        site.base_url = Some("http://test.localhost".into());
        site.contact.email = "contact@test.example".into();
        site.dpo.email = "dpo@test.example".into();
        for n in &names {
            site.plugins.insert(
                n.clone(),
                PluginEntry {
                    enabled: true,
                    settings: self.settings.get(n).cloned().unwrap_or_default(),
                    grants: GrantsEntry {
                        http: self.http_grants.get(n).cloned().unwrap_or_default(),
                        directory: None,
                        mail: asks_mail.contains(n) && !self.no_mail.contains(n),
                    },
                    ..Default::default()
                },
            );
        }
        let mut users = vec![
            ("admin", "Alice Admin", "admin"),
            ("elu", "Élodie Élue", "elected"),
            ("agent", "Arnaud Agent", "staff"),
            ("citoyen", "Claire Citoyenne", "citizen"),
        ]
        .into_iter()
        .map(|(u, n, r)| UserEntry {
            username: u.into(),
            name: n.into(),
            email: Some(format!("{u}@example.org")),
            roles: vec![r.into()],
            groups: Vec::new(),
        })
        .collect::<Vec<_>>();
        users.extend(self.users);
        for (slug, name, members) in &self.groups {
            site.groups.push(GroupEntry {
                slug: slug.clone(),
                name: name.clone(),
                description: String::new(),
            });
            for m in members {
                if let Some(u) = users.iter_mut().find(|u| &u.username == m) {
                    u.groups.push(slug.clone());
                }
            }
        }
        site.users = users;
        state
            .platform
            .apply_site(site, BTreeMap::new(), BTreeMap::new(), Some(PASSWORD))
            .await?;
        state.render.reset(&state.platform);

        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let mut serve_state = state.clone();
        if let Some(p) = &self.trusted_proxies {
            serve_state.net = Arc::new(estive_core::web::net::NetSettings {
                trusted_proxies: estive_core::web::net::parse_nets(p)?,
                ..estive_core::web::net::NetSettings::default()
            });
        }
        tokio::spawn(async move {
            let _ = estive_core::web::serve(serve_state, listener, async move {
                let _ = stopped.await;
            })
            .await;
        });
        Ok(TestHost {
            state,
            url: format!("http://{addr}"),
            config,
            _tmp: tmp,
            stop: Some(stop),
            pg,
        })
    }
}

/// A running test host.
pub struct TestHost {
    pub state: AppState,
    /// `http://127.0.0.1:<port>`.
    pub url: String,
    config: Config,
    _tmp: tempfile::TempDir,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    pg: Option<(String, String)>,
}

fn set_clock(state: &AppState, rfc3339: &str) -> Result<()> {
    let t = chrono::DateTime::parse_from_rfc3339(rfc3339)
        .with_context(|| format!("`{rfc3339}` is not RFC 3339"))?
        .with_timezone(&chrono::Utc);
    state.platform.runtime.services.set_now(Some(t));
    Ok(())
}

impl TestHost {
    /// A host with the plugin crate at `dir` (usually
    /// `env!("CARGO_MANIFEST_DIR")`) on SQLite.
    ///
    /// # Errors
    /// See [`Builder::start`].
    pub async fn start(dir: &str) -> Result<TestHost> {
        Builder::default().plugin(dir).start().await
    }

    pub fn builder() -> Builder {
        Builder::default()
    }

    /// An anonymous browser.
    pub fn client(&self) -> Client {
        Client::new(&self.url)
    }

    /// A browser signed in as `username` (password [`PASSWORD`]).
    ///
    /// # Errors
    /// Sign-in refused.
    pub async fn login(&self, username: &str) -> Result<Client> {
        let c = self.client();
        c.login(username, PASSWORD).await?;
        Ok(c)
    }

    /// Set the clock plugins see.
    ///
    /// # Panics
    /// On a malformed time (a test bug).
    pub fn set_now(&self, rfc3339: &str) {
        set_clock(&self.state, rfc3339).expect("valid RFC 3339 time");
    }

    /// Run a plugin's scheduled task now.
    ///
    /// # Errors
    /// Unknown task or the task's error.
    pub async fn run_schedule(&self, plugin: &str, task: &str) -> Result<()> {
        estive_core::events::schedule::run_now(&self.state.platform, SITE, plugin, task).await
    }

    /// Deliver every pending event now; returns how many were delivered.
    ///
    /// # Errors
    /// The database fails.
    pub async fn deliver_events(&self) -> Result<usize> {
        estive_core::events::dispatch::drain(&self.state.platform).await
    }

    /// Publish an event on the test site as if a plugin had (e.g. another
    /// plugin's `polls.closed`), then deliver it.
    ///
    /// # Errors
    /// The database fails.
    pub async fn publish(&self, topic: &str, payload: &serde_json::Value) -> Result<usize> {
        let snapshot = self.state.platform.snapshot();
        let site = snapshot.site(SITE).context("the test site")?;
        let payload = payload.to_string();
        self.state
            .platform
            .runtime
            .services
            .storage
            .serialized(async |db| {
                estive_core::events::outbox::publish(db, site.id, topic, &payload).await
            })
            .await?;
        self.deliver_events().await
    }

    /// E-mails sent so far (written to the data folder), oldest first.
    pub fn mails(&self) -> Vec<String> {
        self.state.mail.sent()
    }

    /// The last link to this host found in the e-mails, as a path.
    pub fn last_mailed_link(&self) -> Option<String> {
        let mails = self.mails();
        let text = mails.last()?.replace("=\r\n", "").replace("=\n", "");
        let at = text.find("http://test.localhost")?;
        let rest = &text[at + "http://test.localhost".len()..];
        let end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
        Some(rest[..end].to_string())
    }

    /// Load rows into the plugins' tables from `<dir>/<plugin>.json`
    /// files, in the demo files' format (`_key` and `@key` links,
    /// `@today+3T08:00`, `@monday+2T07:30`…), for a plugin whose tables
    /// are still empty: the staff, places and contracts a test starts
    /// from, so that it drives through the pages only what it tests.
    /// Returns the rows loaded per plugin.
    ///
    /// # Errors
    /// A malformed file, or a row the storage refuses.
    pub async fn load_rows(&self, dir: &Path) -> Result<Vec<(String, usize)>> {
        self.state.platform.load_demo(SITE, dir).await
    }

    /// Change the test site's configuration (signup mode, colours…).
    ///
    /// # Errors
    /// An invalid configuration.
    pub async fn edit_site(&self, edit: impl FnOnce(&mut SiteConfig)) -> Result<()> {
        let snapshot = self.state.platform.snapshot();
        let site = snapshot.site(SITE).context("the test site")?;
        let mut config = site.config.clone();
        edit(&mut config);
        self.state
            .platform
            .apply_site(config, site.templates.clone(), site.statics.clone(), None)
            .await?;
        self.state.render.reset(&self.state.platform);
        Ok(())
    }

    /// Another node on this host's database, as a second `estive serve`
    /// sharing a PostgreSQL database would be (its own runtime, storage
    /// and caches; not serving HTTP, no background tasks). For tests of
    /// what several nodes do at once.
    ///
    /// # Errors
    /// The node cannot open the database.
    pub async fn second_node(&self) -> Result<AppState> {
        let data = self
            ._tmp
            .path()
            .join(format!("node-{}", hex::encode(rand::random::<[u8; 4]>())));
        let config = Config {
            data_dir: data,
            ..self.config.clone()
        };
        let state = estive_core::server::open(&config).await?;
        let offset = &self.state.platform.runtime.services.clock_offset_ms;
        state.platform.runtime.services.clock_offset_ms.store(
            offset.load(std::sync::atomic::Ordering::Relaxed),
            std::sync::atomic::Ordering::Relaxed,
        );
        Ok(state)
    }

    /// The manifest of an enabled plugin.
    pub fn manifest(&self, plugin: &str) -> Option<Arc<Manifest>> {
        self.state
            .platform
            .snapshot()
            .site(SITE)?
            .plugin(plugin)
            .map(|p| p.loaded.manifest.clone())
    }
}

impl Drop for TestHost {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some((server, name)) = self.pg.take() {
            // Drop the database from a thread of its own: Drop cannot await.
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .ok()?;
                rt.block_on(async {
                    let admin = sea_orm::Database::connect(format!("{server}/postgres"))
                        .await
                        .ok()?;
                    sea_orm::ConnectionTrait::execute_unprepared(
                        &admin,
                        &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
                    )
                    .await
                    .ok()
                })
            })
            .join();
        }
    }
}
