//! The `estive` command line.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context as _, Result, bail};
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

use crate::package::Package;
use crate::platform::plugins::{EnableOptions, InstallOutcome};
use crate::server::{self, Config};
use crate::web::AppState;

/// Estive: the shared ground of an intercommunality's web services.
#[derive(Parser, Debug)]
#[command(name = "estive", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve every site (ESTIVE_ADDR, ESTIVE_DATA, DATABASE_URL).
    Serve,
    /// Sites: create or update from a folder, list.
    #[command(subcommand)]
    Site(SiteCommand),
    /// Plugins: install, upgrade, enable, disable, list.
    #[command(subcommand)]
    Plugin(PluginCommand),
    /// Accounts of a site.
    #[command(subcommand)]
    User(UserCommand),
    /// Install every package of a folder, apply every site of `sites/`, load
    /// their demo data, then serve.
    Demo {
        /// Folder of built plugin packages (one sub-folder per plugin).
        #[arg(long, default_value = "target/plugins")]
        plugins: PathBuf,
        /// Folder of site definitions.
        #[arg(long, default_value = "sites")]
        sites: PathBuf,
        /// Set everything up but do not serve.
        #[arg(long)]
        no_serve: bool,
    },
    /// Export a site's data (configuration, accounts without password hashes,
    /// every plugin table) as JSON.
    Export {
        #[arg(long)]
        site: String,
        /// Output file (default: standard output).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Copy the database to a file (SQLite: a consistent online copy).
    Backup {
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
pub enum SiteCommand {
    /// Create or update a site from `sites/<slug>` (idempotent).
    Apply {
        dir: PathBuf,
        /// Password of accounts created now (default: ESTIVE_DEMO_PASSWORD,
        /// else generated and printed).
        #[arg(long, env = "ESTIVE_DEMO_PASSWORD", hide_env_values = true)]
        password: Option<String>,
        /// Also load `demo/*.json` sample data into empty plugin tables.
        #[arg(long)]
        demo: bool,
    },
    /// List sites.
    List,
}

#[derive(Subcommand, Debug)]
pub enum PluginCommand {
    /// Install packages (folders or .zip files).
    Install {
        #[arg(required = true)]
        packages: Vec<PathBuf>,
        /// Also enable each on this site.
        #[arg(long)]
        site: Option<String>,
        /// Accept packages that are unsigned or signed by a key this server
        /// does not trust (`ESTIVE_ALLOW_UNSIGNED=1` too).
        #[arg(long, env = "ESTIVE_ALLOW_UNSIGNED")]
        allow_unsigned: bool,
    },
    /// Install a newer version and move every site using an older one to it.
    Upgrade {
        package: PathBuf,
        /// Accept a package that is unsigned or signed by a key this server
        /// does not trust (`ESTIVE_ALLOW_UNSIGNED=1` too).
        #[arg(long, env = "ESTIVE_ALLOW_UNSIGNED")]
        allow_unsigned: bool,
    },
    /// Enable an installed plugin on a site.
    Enable {
        name: String,
        #[arg(long)]
        site: String,
        /// Mount path (default: the manifest's).
        #[arg(long)]
        path: Option<String>,
        /// A specific installed version.
        #[arg(long)]
        version: Option<semver::Version>,
    },
    /// Disable a plugin on a site (its data is kept).
    Disable {
        name: String,
        #[arg(long)]
        site: String,
    },
    /// Installed plugins, or a site's plugins with --site.
    List {
        #[arg(long)]
        site: Option<String>,
    },
    /// Check a package without installing it.
    Check { package: PathBuf },
    /// Start a new plugin crate: a list with a form, a table, catalogues,
    /// ready to build.
    New {
        /// The plugin's name (lowercase letters, digits and `_`).
        name: String,
        /// The folder to create (default: `./<name>`).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Use the SDK of a local checkout of Estive (its `host-sdk`
        /// folder). By default the SDK and test harness this binary carries
        /// are unpacked into `~/.local/share/estive/sdk/` (or
        /// `$ESTIVE_HOME/sdk/`) and used by path, with their version.
        #[arg(long, conflicts_with = "registry")]
        sdk_path: Option<PathBuf>,
        /// Depend on the SDK and harness published on crates.io only.
        #[arg(long)]
        registry: bool,
    },
    /// Build a plugin crate for wasm32-wasip2 and assemble its package
    /// under `target/estive/<name>/`, checked as an install would.
    Build {
        /// The crate's folder (default: the current one).
        dir: Option<PathBuf>,
    },
    /// Build a plugin crate and zip its package for `plugin install`.
    Pack {
        /// The crate's folder (default: the current one).
        dir: Option<PathBuf>,
        /// Where to write the zip (default:
        /// `target/estive/<name>-<version>.zip`).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Sign the package with this key file (`estive plugin keygen`).
        #[arg(long)]
        sign: Option<PathBuf>,
    },
    /// Make a key pair to sign packages with: the secret key file, and the
    /// public key (printed) that servers trust.
    Keygen {
        /// The signer's name servers will show ("Communauté de communes…").
        #[arg(long)]
        signer: String,
        /// Where to write the secret key file (it must not exist).
        #[arg(long)]
        out: PathBuf,
    },
    /// Trust a public key: packages it signed install on this server.
    Trust {
        /// The public key, `ed25519:<base64>`.
        key: String,
        /// The name to show for it.
        #[arg(long)]
        name: String,
    },
    /// Serve a local site with the plugin crate and its demo rows,
    /// rebuilding and reloading the plugin as its files change.
    Dev {
        /// The crate's folder (default: the current one).
        dir: Option<PathBuf>,
        /// Where to listen.
        #[arg(long, env = "ESTIVE_ADDR", default_value = "127.0.0.1:8080")]
        addr: String,
        /// The site's data folder (default: the crate's
        /// `target/estive-dev`); a test gives a fresh one.
        #[arg(long)]
        data: Option<PathBuf>,
    },
    /// Grant a plugin on a site a read-only folder (the server
    /// administrator's alone): a path inside `<data>/granted/<site>/`,
    /// refused if it leads outside, links resolved.
    GrantFolder {
        /// The folder, relative to `<data>/granted/<site>/` (e.g. `dila`).
        #[arg(required_unless_present = "revoke")]
        folder: Option<String>,
        #[arg(long)]
        site: String,
        #[arg(long)]
        plugin: String,
        /// Take the folder grant back.
        #[arg(long, conflicts_with = "folder")]
        revoke: bool,
    },
    /// Run one of a plugin's scheduled tasks now on a site (e.g. the
    /// comarquage import), showing its progress.
    Run {
        name: String,
        task: String,
        #[arg(long)]
        site: String,
        /// Run it again until it reports it is done (for tasks that work in
        /// batches), at most this many times.
        #[arg(long, default_value_t = 1)]
        repeat: u32,
    },
}

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Create an account.
    Add {
        #[arg(long)]
        site: String,
        username: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        email: Option<String>,
        /// Roles (repeat): citizen, elected, staff, admin, or a plugin role.
        #[arg(long = "role")]
        roles: Vec<String>,
        /// Password (default: ESTIVE_PASSWORD, else generated and printed).
        #[arg(long, env = "ESTIVE_PASSWORD", hide_env_values = true)]
        password: Option<String>,
        /// Server administrator (may manage every site).
        #[arg(long)]
        server_admin: bool,
    },
    /// List a site's accounts.
    List {
        #[arg(long)]
        site: String,
    },
}

fn spinner(msg: &str) -> ProgressBar {
    let pb = ProgressBar::new_spinner();
    pb.set_style(
        ProgressStyle::with_template("{spinner} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    pb.set_message(msg.to_string());
    pb.enable_steady_tick(Duration::from_millis(120));
    pb
}

/// Print a result line above a progress bar, or plainly when the bar is
/// hidden (output not a terminal: a script or CI must still see results).
fn say(pb: &ProgressBar, line: impl Into<String>) {
    let line = line.into();
    if pb.is_hidden() {
        println!("{line}");
    } else {
        pb.println(line);
    }
}

fn bar(len: u64, msg: &str) -> ProgressBar {
    let pb = ProgressBar::new(len);
    pb.set_style(
        ProgressStyle::with_template("{msg:24} [{bar:30}] {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    pb.set_message(msg.to_string());
    pb
}

/// Run a command.
///
/// # Errors
/// Whatever the command reports; the message is printed by `main`.
pub async fn run(cli: Cli) -> Result<()> {
    let config = Config::from_env()?;
    match cli.command {
        Command::Serve => serve(&config).await,
        Command::Site(cmd) => site(&config, cmd).await,
        Command::Plugin(cmd) => plugin(&config, cmd).await,
        Command::User(cmd) => user(&config, cmd).await,
        Command::Demo {
            plugins,
            sites,
            no_serve,
        } => demo(&config, &plugins, &sites, no_serve).await,
        Command::Export { site, out } => export(&config, &site, out.as_deref()).await,
        Command::Backup { out } => backup(&config, &out).await,
    }
}

async fn serve(config: &Config) -> Result<()> {
    let started = std::time::Instant::now();
    let state = server::open(config).await?;
    server::spawn_background(&state);
    let listener = tokio::net::TcpListener::bind(&config.addr)
        .await
        .with_context(|| format!("cannot listen on {}", config.addr))?;
    let snapshot = state.platform.snapshot();
    tracing::info!(
        addr = %config.addr,
        sites = snapshot.sites.len(),
        plugins = state.platform.runtime.all().len(),
        pooling = state.platform.runtime.pooling,
        ready_ms = started.elapsed().as_millis() as u64,
        "serving"
    );
    println!("Estive is serving on http://{}", config.addr);
    for s in &snapshot.sites {
        println!("  {} — {}", s.config.name, s.info.base_url);
    }
    crate::web::serve(state, listener, shutdown_signal()).await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = term => {} }
}

async fn site(config: &Config, cmd: SiteCommand) -> Result<()> {
    let state = server::open(config).await?;
    match cmd {
        SiteCommand::Apply {
            dir,
            password,
            demo,
        } => {
            let pb = spinner(&format!("applying {}", dir.display()));
            let report = state
                .platform
                .apply_site_dir(&dir, password.as_deref())
                .await;
            pb.finish_and_clear();
            let report = report?;
            let slug = crate::sites::config::SiteConfig::read(&dir)?.slug;
            println!(
                "{} site `{slug}`",
                if report.created { "created" } else { "updated" }
            );
            for p in &report.plugins_enabled {
                println!("  plugin {p}: enabled");
            }
            for w in &report.warnings {
                println!("  warning: {w}");
            }
            for p in &report.plugins_disabled {
                println!("  plugin {p}: disabled");
            }
            for (u, pw) in &report.users_created {
                if password.is_some() {
                    println!("  account {u} created");
                } else {
                    println!("  account {u} created, password: {pw}");
                }
            }
            if demo {
                let loaded = state.platform.load_demo(&slug, &dir.join("demo")).await?;
                for (plugin, rows) in &loaded {
                    println!("  demo data: {plugin}: {rows} rows");
                }
                run_demo_tasks(&state, &slug, &dir.join("demo"), &loaded).await?;
            }
            Ok(())
        }
        SiteCommand::List => {
            for s in &state.platform.snapshot().sites {
                let plugins: Vec<_> = s
                    .plugins
                    .iter()
                    .map(|p| format!("{} {}", p.name, p.loaded.version()))
                    .collect();
                println!(
                    "{:20} {:40} {}{}",
                    s.config.slug,
                    s.config.name,
                    s.config.domains.join(","),
                    if s.config.default { " (default)" } else { "" }
                );
                if !plugins.is_empty() {
                    println!("{:20} plugins: {}", "", plugins.join(", "));
                }
            }
            Ok(())
        }
    }
}

async fn plugin(config: &Config, cmd: PluginCommand) -> Result<()> {
    match &cmd {
        PluginCommand::Check { package } => return check_plugin(package),
        PluginCommand::New {
            name,
            dir,
            sdk_path,
            registry,
        } => return new_plugin(name, dir.as_deref(), sdk_path.as_deref(), *registry),
        PluginCommand::Build { dir } => {
            let built = crate::author::build(dir.as_deref().unwrap_or(Path::new(".")))?;
            println!(
                "built {} {} (estive:plugin@{}, {} KiB) → {}",
                built.package.name(),
                built.package.version(),
                built.package.api_version,
                built.package.wasm.len() / 1024,
                built.dir.display()
            );
            return Ok(());
        }
        PluginCommand::Dev { dir, addr, data } => {
            let options = crate::author::dev::Options {
                dir: dir.clone().unwrap_or_else(|| PathBuf::from(".")),
                addr: addr.clone(),
                data: data.clone(),
            };
            return crate::author::dev::run(options, shutdown_signal()).await;
        }
        PluginCommand::Pack { dir, out, sign } => {
            let built = crate::author::build(dir.as_deref().unwrap_or(Path::new(".")))?;
            let zip = crate::author::pack_signed(&built, out.as_deref(), sign.as_deref())?;
            let size = std::fs::metadata(&zip).map_or(0, |m| m.len());
            let signed = match Package::read(&zip)?.signature {
                Some(s) => format!(", signed by {} ({})", s.signer, s.key),
                None => String::new(),
            };
            println!(
                "packed {} {} ({} KiB{signed}) → {}",
                built.package.name(),
                built.package.version(),
                size / 1024,
                zip.display()
            );
            return Ok(());
        }
        PluginCommand::Keygen { signer, out } => {
            if out.exists() {
                bail!(
                    "{} exists: choose another file, a key is never overwritten",
                    out.display()
                );
            }
            let (secret, public) = crate::package::signature::keygen(signer)?;
            write_private(out, &secret)?;
            println!("secret key written to {} (keep it private)", out.display());
            println!("public key, for servers to trust: {public}");
            return Ok(());
        }
        PluginCommand::Trust { key, name } => {
            crate::package::signature::TrustedKeys::add(&config.data_dir, name, key)?;
            println!(
                "trusted {key} as “{name}” in {}",
                crate::package::signature::TrustedKeys::path(&config.data_dir).display()
            );
            return Ok(());
        }
        _ => {}
    }
    let state = server::open(config).await?;
    let platform = &state.platform;
    match cmd {
        PluginCommand::Install {
            packages,
            site,
            allow_unsigned,
        } => {
            let trusted = crate::package::signature::TrustedKeys::read(&config.data_dir)?;
            let pb = bar(packages.len() as u64, "installing");
            for path in &packages {
                pb.set_message(path.display().to_string());
                let package =
                    Package::read(path).with_context(|| format!("{}: refused", path.display()))?;
                let (name, version) = (package.name().to_string(), package.version().clone());
                let signer = crate::package::signature::admit(&package, &trusted, allow_unsigned)
                    .with_context(|| format!("{name} {version}: refused"))?;
                let outcome = platform
                    .install(package)
                    .await
                    .with_context(|| format!("{name} {version}: refused"))?;
                say(
                    &pb,
                    match outcome {
                        InstallOutcome::Installed => {
                            format!("installed {name} {version}{}", signed_by(signer.as_deref()))
                        }
                        InstallOutcome::AlreadyInstalled => {
                            format!("{name} {version} is already installed")
                        }
                    },
                );
                if let Some(slug) = &site {
                    platform
                        .enable(slug, &name, EnableOptions::default())
                        .await?;
                    say(&pb, format!("enabled {name} on {slug}"));
                }
                pb.inc(1);
            }
            pb.finish_and_clear();
            Ok(())
        }
        PluginCommand::Upgrade {
            package,
            allow_unsigned,
        } => {
            let package = Package::read(&package)?;
            let (name, version) = (package.name().to_string(), package.version().clone());
            let trusted = crate::package::signature::TrustedKeys::read(&config.data_dir)?;
            let signer = crate::package::signature::admit(&package, &trusted, allow_unsigned)
                .with_context(|| format!("{name} {version}: refused"))?;
            let (outcome, switched) = platform.upgrade(package).await?;
            println!(
                "{}",
                match outcome {
                    InstallOutcome::Installed =>
                        format!("installed {name} {version}{}", signed_by(signer.as_deref())),
                    InstallOutcome::AlreadyInstalled =>
                        format!("{name} {version} was already installed"),
                }
            );
            if switched.is_empty() {
                println!("  no site used an older version");
            }
            for s in switched {
                println!("  site {s} now uses {name} {version}");
            }
            Ok(())
        }
        PluginCommand::Enable {
            name,
            site,
            path,
            version,
        } => {
            platform
                .enable(
                    &site,
                    &name,
                    EnableOptions {
                        version,
                        path,
                        settings: None,
                        grants: None,
                    },
                )
                .await?;
            println!("enabled {name} on {site}");
            Ok(())
        }
        PluginCommand::Disable { name, site } => {
            platform.disable(&site, &name).await?;
            println!("disabled {name} on {site} (its data is kept)");
            Ok(())
        }
        PluginCommand::List { site } => {
            match site {
                None => {
                    for v in platform.installed_versions(None).await? {
                        println!(
                            "{:14} {:10} api {:6} {}  installed {}",
                            v.name,
                            v.version.to_string(),
                            v.api_version,
                            v.title,
                            v.installed_at.format("%Y-%m-%d %H:%M")
                        );
                    }
                }
                Some(slug) => {
                    let snap = platform.snapshot();
                    let s = snap
                        .site(&slug)
                        .with_context(|| format!("there is no site `{slug}`"))?;
                    for p in &s.plugins {
                        println!(
                            "{:14} {:10} /{}",
                            p.name,
                            p.loaded.version().to_string(),
                            p.path
                        );
                    }
                }
            }
            Ok(())
        }
        PluginCommand::Run {
            name,
            task,
            site,
            repeat,
        } => {
            let pb = bar(u64::from(repeat.max(1)), &format!("{name}/{task}"));
            for i in 0..repeat.max(1) {
                pb.set_message(format!("run {}", i + 1));
                crate::events::schedule::run_now(&state.platform, &site, &name, &task).await?;
                // Events the task published are delivered before the next run.
                crate::events::dispatch::drain(&state.platform).await?;
                pb.inc(1);
            }
            pb.finish_and_clear();
            println!("{name}/{task} ran {} time(s) on {site}", repeat.max(1));
            Ok(())
        }
        PluginCommand::GrantFolder {
            folder,
            site,
            plugin,
            revoke: _,
        } => {
            platform
                .grant_folder(&site, &plugin, folder.as_deref())
                .await?;
            match folder {
                Some(f) => println!(
                    "{plugin} on {site} may read {}",
                    platform.granted_root(&site).join(f).display()
                ),
                None => println!("{plugin} on {site} reads no folder any more"),
            }
            Ok(())
        }
        PluginCommand::Check { .. }
        | PluginCommand::New { .. }
        | PluginCommand::Build { .. }
        | PluginCommand::Pack { .. }
        | PluginCommand::Keygen { .. }
        | PluginCommand::Trust { .. }
        | PluginCommand::Dev { .. } => unreachable!("handled above"),
    }
}

/// `estive plugin new`: write the crate and say what to do next.
fn new_plugin(
    name: &str,
    dir: Option<&Path>,
    sdk_path: Option<&Path>,
    registry: bool,
) -> Result<()> {
    let dir = dir.map_or_else(|| PathBuf::from(name), Path::to_path_buf);
    let sdk = match sdk_path {
        Some(p) => crate::author::Sdk::Path(
            p.canonicalize()
                .with_context(|| format!("--sdk-path {}", p.display()))?,
        ),
        None if registry => crate::author::Sdk::Registry(crate::author::SDK_VERSION.to_owned()),
        None => crate::author::unpack_bundled()?,
    };
    let files = crate::author::new_crate(name, &dir, &sdk)?;
    println!(
        "created plugin {name} in {} ({} files)",
        dir.display(),
        files.len()
    );
    println!("next: cd {} && estive plugin build", dir.display());
    Ok(())
}

/// ", signed by X" for an install's line; nothing when unsigned.
fn signed_by(signer: Option<&str>) -> String {
    signer.map_or_else(|| " (unsigned)".to_string(), |s| format!(", signed by {s}"))
}

/// Write a secret key file readable by its owner only.
fn write_private(path: &Path, text: &str) -> Result<()> {
    use std::io::Write as _;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut file = options
        .open(path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    file.write_all(text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// `estive plugin check DIR|ZIP`: the install checks (manifest, component,
/// catalogues), then what would fail only later — templates that do not
/// compile or load a template the plugin lacks, catalogue errors with their
/// line and column, keys missing in one language, templates named in `src/`
/// that do not exist — one finding a line, like a compiler. A folder
/// without `plugin.wasm` (a plugin's crate) is checked without its
/// component. Fails when there is an error; warnings alone pass.
fn check_plugin(path: &Path) -> Result<()> {
    use crate::package::check;
    let host = crate::web::render::FILES;
    let crate_folder = path.is_dir() && !path.join("plugin.wasm").exists();
    let (report, refused) = if crate_folder {
        let report = check::check_dir(path, host)?;
        if report.manifest_valid {
            let manifest = std::fs::read_to_string(path.join("plugin.toml"))?;
            let m = crate::package::Manifest::parse(&manifest)?;
            println!(
                "{} {}: manifest valid; no plugin.wasm in this folder, the component is not checked",
                m.name, m.version
            );
        }
        (report, None)
    } else {
        match Package::read(path) {
            Ok(p) => {
                println!(
                    "{} {}: manifest valid, component built for estive:plugin@{}, {} KiB, {} files",
                    p.name(),
                    p.version(),
                    p.api_version,
                    p.wasm.len() / 1024,
                    p.files.len()
                );
                let report = if path.is_dir() {
                    check::check_dir(path, host)?
                } else {
                    let sources = std::collections::BTreeMap::new();
                    check::check_files(Some(&p.manifest_text), &p.files, &sources, host)
                };
                (report, None)
            }
            // A folder refused by the install checks: still say precisely
            // what is wrong in it (a catalogue error with its line), then
            // fail with the install error.
            Err(e) if path.is_dir() => (check::check_dir(path, host)?, Some(e)),
            Err(e) => return Err(e),
        }
    };
    for finding in &report.findings {
        println!("{finding}");
    }
    println!("{}", report.summary());
    if let Some(e) = refused {
        return Err(e);
    }
    if report.errors() > 0 {
        bail!(
            "{}: {} error(s) found, see above",
            path.display(),
            report.errors()
        );
    }
    Ok(())
}

async fn user(config: &Config, cmd: UserCommand) -> Result<()> {
    let state = server::open(config).await?;
    let platform = &state.platform;
    match cmd {
        UserCommand::Add {
            site,
            username,
            name,
            email,
            roles,
            password,
            server_admin,
        } => {
            let site_row = platform.site_row(&site).await?;
            let generated = password.is_none();
            let password = password.unwrap_or_else(crate::identity::passwords::generate);
            if let Some(why) = crate::identity::passwords::weakness(&password, &username) {
                bail!("password refused: {why}");
            }
            let roles = if roles.is_empty() {
                vec!["citizen".to_string()]
            } else {
                roles
            };
            let id = crate::identity::users::create(
                &platform.db,
                site_row.id,
                crate::identity::users::NewUser {
                    username: &username,
                    name: &name,
                    email: email.as_deref(),
                    password: &password,
                    roles: &roles,
                },
            )
            .await?;
            if server_admin {
                crate::identity::users::set_server_admin(&platform.db, id, true).await?;
            }
            println!("created {username} on {site} ({})", roles.join(", "));
            if generated {
                println!("password: {password}");
            }
            Ok(())
        }
        UserCommand::List { site } => {
            let site_row = platform.site_row(&site).await?;
            for u in crate::identity::users::list(&platform.db, site_row.id).await? {
                println!("{:20} {:30} {}", u.username, u.name, u.roles.join(", "));
            }
            Ok(())
        }
    }
}

/// Run the tasks the demo files just loaded ask for, with their events
/// delivered, so the demo does not wait for their schedules.
async fn run_demo_tasks(
    state: &AppState,
    slug: &str,
    dir: &Path,
    loaded: &[(String, usize)],
) -> Result<()> {
    for (plugin, _) in loaded {
        for task in crate::platform::data::demo_tasks(dir, plugin)? {
            println!("  demo: running {plugin}/{task}…");
            crate::events::schedule::run_now(&state.platform, slug, plugin, &task).await?;
            crate::events::dispatch::drain(&state.platform).await?;
        }
    }
    Ok(())
}

async fn demo(config: &Config, plugins: &Path, sites: &Path, no_serve: bool) -> Result<()> {
    let state = server::open(config).await?;
    let platform = &state.platform;
    let mut packages: Vec<PathBuf> = std::fs::read_dir(plugins)
        .with_context(|| {
            format!(
                "cannot read {} (build the plugins first: cargo xtask build-plugins)",
                plugins.display()
            )
        })?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("plugin.toml").is_file())
        .collect();
    packages.sort();
    // Plugins that others require go first.
    let mut ordered = Vec::new();
    let mut pending: Vec<Package> = packages
        .iter()
        .map(|p| Package::read(p))
        .collect::<Result<_>>()?;
    while !pending.is_empty() {
        let before = pending.len();
        let mut rest = Vec::new();
        for p in pending {
            if p.manifest
                .requires
                .keys()
                .all(|d| ordered.iter().any(|o: &Package| o.name() == d))
            {
                ordered.push(p);
            } else {
                rest.push(p);
            }
        }
        if rest.len() == before {
            bail!(
                "plugins with unmet requirements: {}",
                rest.iter()
                    .map(|p| p.name().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        pending = rest;
    }
    let pb = bar(ordered.len() as u64, "installing plugins");
    for p in ordered {
        pb.set_message(format!("{} {}", p.name(), p.version()));
        let name = p.name().to_string();
        let installed = platform.installed_versions(Some(&name)).await?;
        if installed
            .iter()
            .any(|v| &v.version == p.version() && v.digest == p.digest)
        {
            pb.inc(1);
            continue;
        }
        if installed.iter().any(|v| &v.version >= p.version()) {
            say(
                &pb,
                format!(
                    "{name}: an installed version is as new; rebuild with a new version to replace it"
                ),
            );
        } else if installed.is_empty() {
            platform
                .install(p)
                .await
                .with_context(|| format!("installing {name}"))?;
        } else {
            platform
                .upgrade(p)
                .await
                .with_context(|| format!("upgrading {name}"))?;
        }
        pb.inc(1);
    }
    pb.finish_and_clear();
    let password = std::env::var("ESTIVE_DEMO_PASSWORD")
        .ok()
        .filter(|p| !p.is_empty());
    let generated = password.is_none();
    let password = password.unwrap_or_else(crate::identity::passwords::generate);
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(sites)
        .with_context(|| format!("cannot read {}", sites.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("site.toml").is_file())
        .collect();
    dirs.sort();
    for dir in dirs {
        let report = platform.apply_site_dir(&dir, Some(&password)).await?;
        let slug = crate::sites::config::SiteConfig::read(&dir)?.slug;
        let loaded = platform.load_demo(&slug, &dir.join("demo")).await?;
        run_demo_tasks(&state, &slug, &dir.join("demo"), &loaded).await?;
        let demo: Vec<String> = loaded
            .iter()
            .map(|(plugin, rows)| format!("{plugin} {rows}"))
            .collect();
        println!(
            "site {slug}: {} plugins enabled; demo rows loaded: {}",
            report.plugins_enabled.len(),
            if demo.is_empty() {
                "none".to_string()
            } else {
                demo.join(", ")
            }
        );
        for w in &report.warnings {
            println!("  warning: {w}");
        }
        if !report.users_created.is_empty() {
            let names: Vec<_> = report
                .users_created
                .iter()
                .map(|(u, _)| u.as_str())
                .collect();
            println!("  accounts created: {}", names.join(", "));
            if generated {
                println!("  their password (set ESTIVE_DEMO_PASSWORD to choose it): {password}");
            }
        }
    }
    drop(state);
    if no_serve {
        return Ok(());
    }
    serve(config).await
}

async fn export(config: &Config, slug: &str, out: Option<&Path>) -> Result<()> {
    let state = server::open(config).await?;
    let pb = spinner(&format!("exporting {slug}"));
    let data = state.platform.export_site(slug).await;
    pb.finish_and_clear();
    let text = serde_json::to_string_pretty(&data?)?;
    match out {
        Some(path) => {
            std::fs::write(path, text)
                .with_context(|| format!("cannot write {}", path.display()))?;
            println!("exported {slug} to {}", path.display());
        }
        None => println!("{text}"),
    }
    Ok(())
}

async fn backup(config: &Config, out: &Path) -> Result<()> {
    let state = server::open(config).await?;
    if out.exists() {
        bail!("{} exists: choose a new file", out.display());
    }
    let pb = spinner("copying the database");
    let result = state.platform.backup(out).await;
    pb.finish_and_clear();
    result?;
    println!("database copied to {}", out.display());
    Ok(())
}
