//! A real Estive host for tests: plugins built and installed, a site with
//! one account per role, served on a random local port over a temporary
//! SQLite file (or a fresh PostgreSQL database), and an HTTP client that
//! keeps cookies and fills in CSRF tokens like a browser.
//!
//! ```no_run
//! # async fn demo() -> anyhow::Result<()> {
//! use estive_testing::TestHost;
//! let host = TestHost::start(env!("CARGO_MANIFEST_DIR")).await?;
//! let elu = host.login("elu").await?;
//! let page = elu.get("/extranet/").await?;
//! assert_eq!(page.status, 200);
//! # Ok(()) }
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::{Context as _, Result, bail};

use estive_core::package::{Manifest, Package};
use estive_core::server::Config;
use estive_core::sites::config::{GrantsEntry, GroupEntry, PluginEntry, SiteConfig, UserEntry};
use estive_core::web::AppState;

mod browser;
mod form;

pub use browser::Browser;
pub use form::{Button, Choice, Field, Form, Kind};

/// Password of every test account.
pub const PASSWORD: &str = "estive-test-password";
/// Slug of the test site.
pub const SITE: &str = "test";

/// How many `<form>` each template of a plugin holds, by path under
/// `templates/` (templates without a form left out). A plugin's test of
/// its rendered forms checks the total, so that a form added to a template
/// fails until it has its test.
///
/// # Errors
/// The folder cannot be read.
pub fn template_forms(plugin_dir: &Path) -> Result<BTreeMap<String, usize>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, usize>) -> Result<()> {
        for entry in std::fs::read_dir(dir).with_context(|| dir.display().to_string())? {
            let path = entry?.path();
            if path.is_dir() {
                walk(root, &path, out)?;
            } else if path.extension().is_some_and(|e| e == "html") {
                let n = std::fs::read_to_string(&path)?.matches("<form").count();
                if n > 0 {
                    let name = path.strip_prefix(root).unwrap_or(&path);
                    out.insert(name.display().to_string(), n);
                }
            }
        }
        Ok(())
    }
    let root = plugin_dir.join("templates");
    let mut out = BTreeMap::new();
    walk(&root, &root, &mut out)?;
    Ok(out)
}

/// The workspace root (the folder whose Cargo.toml has `[workspace]`).
pub fn workspace_root(from: &Path) -> Result<PathBuf> {
    let mut dir = from.to_path_buf();
    loop {
        let toml = dir.join("Cargo.toml");
        if toml.is_file() && std::fs::read_to_string(&toml)?.contains("[workspace]") {
            return Ok(dir);
        }
        if !dir.pop() {
            bail!("no workspace above {}", from.display());
        }
    }
}

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

/// A page as a browser got it.
#[derive(Debug, Clone)]
pub struct Page {
    pub status: u16,
    /// The final URL path (after redirects).
    pub path: String,
    pub text: String,
    pub headers: reqwest::header::HeaderMap,
}

impl Page {
    /// Whether the text contains `needle`.
    pub fn contains(&self, needle: &str) -> bool {
        self.text.contains(needle)
    }

    /// Whether a person reading the page sees `text`: compared with the
    /// page's character references decoded (a template escapes `'` as
    /// `&#x27;` and `/` as `&#x2f;`) and no-break spaces read as spaces,
    /// tags left as they are.
    ///
    /// ```
    /// # let page = estive_testing::Page { status: 200, path: "/".into(),
    /// #     text: "<p>L&#x27;association &#x2f; 1</p>".into(), headers: Default::default() };
    /// assert!(page.shows("L'association / 1"));
    /// assert!(!page.contains("L'association"));
    /// ```
    pub fn shows(&self, text: &str) -> bool {
        plain_spaces(&form::unescape(&self.text)).contains(&plain_spaces(text))
    }

    /// The error summary of a form shown again, in its order: the id each
    /// line links to (without `#`) and the line's text as a reader sees it
    /// (decoded, no-break spaces read as spaces). Empty when the page has
    /// no summary.
    pub fn error_summary(&self) -> Vec<(String, String)> {
        let Some(start) = self.text.find("class=\"error-summary\"") else {
            return Vec::new();
        };
        let block = &self.text[start..];
        let block = block.split("</ul>").next().unwrap_or_default();
        block
            .split("<a href=\"#")
            .skip(1)
            .filter_map(|link| {
                let (id, rest) = link.split_once('"')?;
                let text = rest.split_once('>')?.1.split("</a>").next()?;
                Some((
                    form::unescape(id),
                    plain_spaces(&form::unescape(text.trim())),
                ))
            })
            .collect()
    }

    /// The page's `<title>`, decoded, no-break spaces read as spaces.
    pub fn title(&self) -> String {
        self.first_element("title")
    }

    /// The text of the page's first `<h1>`, decoded, tags removed,
    /// no-break spaces read as spaces.
    pub fn heading(&self) -> String {
        self.first_element("h1")
    }

    fn first_element(&self, tag: &str) -> String {
        let open = format!("<{tag}");
        let Some(start) = self.text.find(&open) else {
            return String::new();
        };
        let rest = &self.text[start..];
        let inner = rest.split_once('>').map_or("", |(_, r)| r);
        let inner = inner.split(&format!("</{tag}>")).next().unwrap_or_default();
        let mut plain = String::new();
        let mut in_tag = false;
        for c in inner.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => plain.push(c),
                _ => {}
            }
        }
        form::unescape(
            plain
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .as_str(),
        )
    }

    /// The text with the Content-Security-Policy nonces blanked: two
    /// answers of the same page differ only there.
    pub fn text_without_nonces(&self) -> String {
        self.text
            .split("nonce=\"")
            .enumerate()
            .map(|(i, part)| match (i, part.find('"')) {
                (0, _) | (_, None) => part,
                (_, Some(end)) => &part[end..],
            })
            .collect::<Vec<_>>()
            .join("nonce=\"")
    }
}

/// No-break spaces (French typography puts them before `:` and inside
/// « ») read as spaces: a reader sees no difference.
fn plain_spaces(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
}

/// A browser: cookies, CSRF tokens, redirects.
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    base: String,
    cookies: Arc<Mutex<BTreeMap<String, String>>>,
    csrf: Arc<Mutex<Option<String>>>,
}

fn extract_csrf(html: &str) -> Option<String> {
    let at = html.find("name=\"csrf_token\" value=\"")? + "name=\"csrf_token\" value=\"".len();
    let end = html[at..].find('"')?;
    Some(html[at..at + end].to_string())
}

impl Client {
    pub fn new(base: &str) -> Client {
        Client {
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("an HTTP client"),
            base: base.to_string(),
            cookies: Arc::default(),
            csrf: Arc::default(),
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .lock()
            .expect("cookie lock")
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn keep_cookies(&self, headers: &reqwest::header::HeaderMap) {
        let mut jar = self.cookies.lock().expect("cookie lock");
        for v in headers.get_all(reqwest::header::SET_COOKIE) {
            let Ok(v) = v.to_str() else { continue };
            let first = v.split(';').next().unwrap_or("");
            if let Some((k, val)) = first.split_once('=') {
                if val.is_empty() || v.contains("Max-Age=0") {
                    jar.remove(k);
                } else {
                    jar.insert(k.to_string(), val.to_string());
                }
            }
        }
    }

    /// Send one request, without following redirects.
    ///
    /// # Errors
    /// The connection fails.
    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        form: Option<&[(String, String)]>,
    ) -> Result<Page> {
        let mut req = self
            .http
            .request(method, format!("{}{path}", self.base))
            .header(reqwest::header::COOKIE, self.cookie_header());
        if let Some(f) = form {
            req = req.form(f);
        }
        let resp = req.send().await?;
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        self.keep_cookies(&headers);
        let text = resp.text().await?;
        if let Some(token) = extract_csrf(&text) {
            *self.csrf.lock().expect("csrf lock") = Some(token);
        }
        Ok(Page {
            status,
            path: path.to_string(),
            text,
            headers,
        })
    }

    /// Follow the redirects a page answered with, as a browser does.
    ///
    /// # Errors
    /// A redirect without `Location`, too many redirects, or the connection
    /// fails.
    pub async fn follow_redirects(&self, page: Page) -> Result<Page> {
        self.follow(page).await
    }

    async fn follow(&self, mut page: Page) -> Result<Page> {
        for _ in 0..8 {
            if !(300..400).contains(&page.status) {
                return Ok(page);
            }
            let loc = page
                .headers
                .get(reqwest::header::LOCATION)
                .and_then(|v| v.to_str().ok())
                .context("redirect without Location")?
                .to_string();
            let path = loc.strip_prefix(&self.base).unwrap_or(&loc).to_string();
            page = self.send(reqwest::Method::GET, &path, None).await?;
            page.path = path;
        }
        bail!("too many redirects")
    }

    /// GET a path, following redirects.
    ///
    /// # Errors
    /// The connection fails.
    pub async fn get(&self, path: &str) -> Result<Page> {
        let p = self.send(reqwest::Method::GET, path, None).await?;
        self.follow(p).await
    }

    /// POST a form with the current CSRF token, following redirects.
    ///
    /// # Errors
    /// The connection fails.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Result<Page> {
        let p = self.post_form_no_follow(path, fields).await?;
        self.follow(p).await
    }

    /// The session's CSRF token, fetched from the sign-in page the first
    /// time (its form always carries one; a signed-in client is sent on to a
    /// page with the sign-out form, which does too).
    async fn fetched_csrf_token(&self) -> Result<String> {
        if self.csrf.lock().expect("csrf lock").is_none() {
            self.get("/login").await?;
        }
        Ok(self
            .csrf
            .lock()
            .expect("csrf lock")
            .clone()
            .unwrap_or_default())
    }

    /// POST a form with the current CSRF token; the redirect is returned as is.
    ///
    /// # Errors
    /// The connection fails.
    pub async fn post_form_no_follow(&self, path: &str, fields: &[(&str, &str)]) -> Result<Page> {
        let token = self.fetched_csrf_token().await?;
        let mut form: Vec<(String, String)> = vec![("csrf_token".into(), token)];
        form.extend(fields.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        self.send(reqwest::Method::POST, path, Some(&form)).await
    }

    /// POST a multipart form with the current CSRF token: text fields and
    /// files as (field, file name, content type, bytes); redirects followed.
    ///
    /// # Errors
    /// The connection fails.
    pub async fn post_multipart(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &str, Vec<u8>)],
    ) -> Result<Page> {
        let token = self.fetched_csrf_token().await?;
        let mut text: Vec<(String, String)> = vec![("csrf_token".into(), token)];
        text.extend(fields.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        let files: Vec<(String, String, String, Vec<u8>)> = files
            .iter()
            .map(|(k, n, ct, b)| (k.to_string(), n.to_string(), ct.to_string(), b.clone()))
            .collect();
        let page = self.send_multipart(path, &text, &files).await?;
        self.follow(page).await
    }

    /// POST a multipart form exactly as given (no CSRF token added): text
    /// fields, and files as (field, file name, content type, bytes); the
    /// redirect is returned as is.
    ///
    /// # Errors
    /// The connection fails or a content type is not a MIME type.
    pub async fn send_multipart(
        &self,
        path: &str,
        fields: &[(String, String)],
        files: &[(String, String, String, Vec<u8>)],
    ) -> Result<Page> {
        let mut form = reqwest::multipart::Form::new();
        for (k, v) in fields {
            form = form.text(k.clone(), v.clone());
        }
        for (k, name, ct, bytes) in files {
            let part = reqwest::multipart::Part::bytes(bytes.clone())
                .file_name(name.clone())
                .mime_str(ct)?;
            form = form.part(k.clone(), part);
        }
        let resp = self
            .http
            .post(format!("{}{path}", self.base))
            .header(reqwest::header::COOKIE, self.cookie_header())
            .multipart(form)
            .send()
            .await?;
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        self.keep_cookies(&headers);
        let text = resp.text().await?;
        if let Some(token) = extract_csrf(&text) {
            *self.csrf.lock().expect("csrf lock") = Some(token);
        }
        Ok(Page {
            status,
            path: path.to_string(),
            text,
            headers,
        })
    }

    /// POST a form exactly as given (no CSRF token added), no redirect
    /// followed.
    ///
    /// # Errors
    /// The connection fails.
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Result<Page> {
        let form: Vec<(String, String)> = fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        self.send(reqwest::Method::POST, path, Some(&form)).await
    }

    /// Sign in through the form.
    ///
    /// # Errors
    /// Refused sign-in.
    pub async fn login(&self, username: &str, password: &str) -> Result<Page> {
        self.get("/login").await?;
        let page = self
            .post_form_no_follow(
                "/login",
                &[
                    ("username", username),
                    ("password", password),
                    ("next", "/"),
                ],
            )
            .await?;
        if page.status != 303 {
            bail!("sign-in as {username} refused: status {}", page.status);
        }
        self.follow(page).await
    }

    /// The value of a cookie.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.cookies.lock().expect("cookie lock").get(name).cloned()
    }

    /// The CSRF token the client will send.
    pub fn csrf_token(&self) -> Option<String> {
        self.csrf.lock().expect("csrf lock").clone()
    }
}
