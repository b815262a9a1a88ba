//! `estive plugin dev`: a local site serving the plugin under development,
//! rebuilt and reloaded as its files change.
//!
//! The site lives in the crate's `target/estive-dev/` (an SQLite file, the
//! site's folder): the first start creates it with four accounts (an
//! administrator, an élu, an agent, a citizen) and the plugin's demo rows
//! (`demo/<name>.json` of the crate, when there is one); later starts keep
//! what was typed in it. The folder is watched: a change of a template, a
//! catalogue, a static file or `plugin.toml` is live at the next page, a
//! change of the code rebuilds the component first (a failed build keeps
//! the last good one serving). The installed version is replaced in place,
//! which only this command does: `plugin install` refuses the same version
//! with other contents.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use anyhow::{Context as _, Result};

use super::build_in;
use crate::package::Package;
use crate::server::{self, Config};
use crate::web::AppState;

/// The site's slug.
const SLUG: &str = "dev";

/// The accounts' password unless `ESTIVE_DEMO_PASSWORD` gives one: a local
/// site only (the server listens on the loopback address by default).
const PASSWORD: &str = "developpement";

/// How often the crate's files are looked at.
const POLL: Duration = Duration::from_millis(400);

/// What `estive plugin dev` is given.
pub struct Options {
    /// The plugin crate.
    pub dir: PathBuf,
    /// Where to listen.
    pub addr: String,
    /// The data folder (none: the crate's `target/estive-dev`).
    pub data: Option<PathBuf>,
}

/// Build the plugin, set up or reuse the local site, serve it, and rebuild
/// on change until interrupted.
///
/// # Errors
/// The first build fails, or the site cannot be set up or served.
pub async fn run(
    options: Options,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<()> {
    let dir = options
        .dir
        .canonicalize()
        .with_context(|| format!("{} does not exist", options.dir.display()))?;
    let first = tokio::task::spawn_blocking({
        let dir = dir.clone();
        move || build_in(&dir, None)
    })
    .await??;
    let data = options
        .data
        .clone()
        .unwrap_or_else(|| dir.join("target").join("estive-dev"));
    std::fs::create_dir_all(&data).with_context(|| format!("cannot create {}", data.display()))?;
    let mut config = Config::from_env()?;
    config.addr = options.addr;
    config.database_url = crate::db::default_url(&data);
    config.data_dir = data.clone();
    let state = server::open(&config).await?;
    let name = first.package.name().to_string();
    let title = first.package.manifest.title.get("fr").to_string();
    state
        .platform
        .replace_for_development(first.package.clone())
        .await?;

    let site_dir = data.join("sites").join(SLUG);
    std::fs::create_dir_all(&site_dir)?;
    let granted = data.join("granted").join(SLUG).join(&name);
    let caps = &first.package.manifest.capabilities;
    if caps.directory.is_some() {
        std::fs::create_dir_all(&granted)?;
    }
    std::fs::write(
        site_dir.join("site.toml"),
        site_toml(&name, &title, &first.package.manifest),
    )?;
    let password = std::env::var("ESTIVE_DEMO_PASSWORD")
        .ok()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| PASSWORD.to_string());
    let report = state
        .platform
        .apply_site_dir(&site_dir, Some(&password))
        .await?;
    for w in &report.warnings {
        println!("warning: {w}");
    }
    // Only into empty tables: what was typed on the site stays.
    let loaded = state.platform.load_demo(SLUG, &dir.join("demo")).await?;
    for (plugin, rows) in loaded {
        println!("demo rows loaded for {plugin}: {rows}");
    }
    let listener = tokio::net::TcpListener::bind(&config.addr)
        .await
        .with_context(|| format!("cannot listen on {}", config.addr))?;
    server::spawn_background(&state);
    let mount = state
        .platform
        .snapshot()
        .site(SLUG)
        .and_then(|s| {
            s.plugin(&name)
                .map(|p| p.mount(crate::package::manifest::Area::Portal))
        })
        .unwrap_or_default();
    println!(
        "{name} {} on http://{}{mount}/",
        first.package.version(),
        config.addr
    );
    println!("  accounts: admin, elu, agent, citoyen — password: {password}");
    println!("  watching {} (Ctrl-C stops)", dir.display());
    tokio::spawn(watch(state.clone(), dir, first.package));
    crate::web::serve(state, listener, shutdown).await
}

/// The development site: the plugin enabled with every capability it
/// declares granted (its outbound hosts, mail, and for a folder
/// `target/estive-dev/granted/dev/<name>/`), the host's usual four roles as
/// accounts.
fn site_toml(name: &str, title: &str, manifest: &crate::package::Manifest) -> String {
    let title = title.replace(['"', '\\'], "'");
    let caps = &manifest.capabilities;
    let hosts: Vec<String> = caps
        .http
        .iter()
        .flat_map(|h| h.hosts.iter())
        .map(|h| format!("{h:?}"))
        .collect();
    let mut grants = vec![format!("http = [{}]", hosts.join(", "))];
    if caps.mail.is_some() {
        grants.push("mail = true".into());
    }
    if caps.directory.is_some() {
        grants.push(format!("directory = {name:?}"));
    }
    let grants = grants.join(", ");
    format!(
        r#"# Written by `estive plugin dev` at each start: a local site to try the plugin.
slug = "{SLUG}"
name = "Développement – {title}"
default = true
locale = "fr"
timezone = "Europe/Paris"
signup = "open"

[[users]]
username = "admin"
name = "Administratrice"
email = "admin@dev.localhost"
roles = ["admin"]

[[users]]
username = "elu"
name = "Élu"
email = "elu@dev.localhost"
roles = ["elected"]

[[users]]
username = "agent"
name = "Agente"
email = "agent@dev.localhost"
roles = ["staff"]

[[users]]
username = "citoyen"
name = "Citoyenne"
email = "citoyen@dev.localhost"
roles = ["citizen"]

[plugins.{name}]
grants = {{ {grants} }}
"#
    )
}

/// Modification time and size of each file of the crate that makes the
/// package (the build output and hidden files left out).
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (SystemTime, u64)> {
    let mut out = BTreeMap::new();
    for top in ["plugin.toml", "Cargo.toml", "Cargo.lock", "build.rs"] {
        if let Ok(m) = std::fs::metadata(dir.join(top)) {
            out.insert(
                PathBuf::from(top),
                (m.modified().unwrap_or(SystemTime::UNIX_EPOCH), m.len()),
            );
        }
    }
    let mut stack: Vec<PathBuf> = ["src", "templates", "locales", "static"]
        .iter()
        .map(|d| dir.join(d))
        .collect();
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            if e.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let Ok(m) = std::fs::metadata(&path) else {
                continue;
            };
            if m.is_dir() {
                stack.push(path);
            } else if let Ok(rel) = path.strip_prefix(dir) {
                out.insert(
                    rel.to_path_buf(),
                    (m.modified().unwrap_or(SystemTime::UNIX_EPOCH), m.len()),
                );
            }
        }
    }
    out
}

/// Whether a changed file needs the component rebuilt (the code, the
/// crate's manifest), rather than the package's files re-read.
fn needs_build(path: &Path) -> bool {
    path.starts_with("src")
        || ["Cargo.toml", "Cargo.lock", "build.rs"]
            .iter()
            .any(|f| path == Path::new(f))
}

/// The paths that differ between two snapshots.
fn changes(
    before: &BTreeMap<PathBuf, (SystemTime, u64)>,
    after: &BTreeMap<PathBuf, (SystemTime, u64)>,
) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = after
        .iter()
        .filter(|(p, v)| before.get(*p) != Some(*v))
        .map(|(p, _)| p.clone())
        .collect();
    out.extend(before.keys().filter(|p| !after.contains_key(*p)).cloned());
    out
}

/// The package of the crate's current files around an already built
/// component.
fn repackage(dir: &Path, wasm: Vec<u8>) -> Result<Package> {
    let manifest = std::fs::read_to_string(dir.join("plugin.toml"))
        .with_context(|| format!("{} has no plugin.toml", dir.display()))?;
    let mut files = BTreeMap::new();
    for sub in ["templates", "locales", "static"] {
        crate::package::collect_dir(&dir.join(sub), sub, &mut files)?;
    }
    Package::from_parts(manifest, wasm, files)
}

async fn watch(state: AppState, dir: PathBuf, mut current: Package) {
    let mut seen = snapshot(&dir);
    loop {
        tokio::time::sleep(POLL).await;
        let now = snapshot(&dir);
        let changed = changes(&seen, &now);
        if changed.is_empty() {
            continue;
        }
        // An editor saves in several steps: wait until the files settle.
        let mut settled = now;
        loop {
            tokio::time::sleep(POLL / 2).await;
            let again = snapshot(&dir);
            if again == settled {
                break;
            }
            settled = again;
        }
        let changed = changes(&seen, &settled);
        seen = settled;
        let rebuild = changed.iter().any(|p| needs_build(p));
        let shown: Vec<String> = changed.iter().map(|p| p.display().to_string()).collect();
        println!("changed: {}", shown.join(", "));
        // What `plugin check` finds first: a template that does not
        // compile would otherwise be served as an error page.
        match crate::package::check::check_dir(&dir, crate::web::render::FILES) {
            Ok(report) => {
                for finding in &report.findings {
                    println!("{finding}");
                }
                let errors = report
                    .findings
                    .iter()
                    .filter(|f| f.severity == crate::package::check::Severity::Error)
                    .count();
                if errors > 0 {
                    println!(
                        "not reloaded: {errors} error(s) above; the last good build keeps serving"
                    );
                    continue;
                }
            }
            Err(e) => {
                println!("not reloaded: {e:#}");
                continue;
            }
        }
        let package = if rebuild {
            let at = dir.clone();
            match tokio::task::spawn_blocking(move || build_in(&at, None)).await {
                Ok(Ok(built)) => Ok(built.package),
                Ok(Err(e)) => Err(e),
                Err(e) => Err(e.into()),
            }
        } else {
            repackage(&dir, current.wasm.clone())
        };
        let package = match package {
            Ok(p) => p,
            Err(e) => {
                println!("not reloaded: {e:#}\n  the last good build keeps serving");
                continue;
            }
        };
        if package.version() != current.version() {
            println!(
                "version {} → {}: the site moves to it",
                current.version(),
                package.version()
            );
        }
        match reload(&state, &package).await {
            Ok(parts) if parts.is_empty() => println!("nothing to reload"),
            Ok(parts) => {
                println!("reloaded: {}", parts.join(", "));
                current = package;
            }
            Err(e) => println!("not reloaded: {e:#}\n  the last good build keeps serving"),
        }
    }
}

/// Put the new build in place; a new version in `plugin.toml` is
/// installed beside and the site switched to it.
async fn reload(state: &AppState, package: &Package) -> Result<Vec<String>> {
    let platform = &state.platform;
    let name = package.name().to_string();
    let version = package.version().clone();
    let parts = platform.replace_for_development(package.clone()).await?;
    let snapshot = platform.snapshot();
    let on_site = snapshot
        .site(SLUG)
        .and_then(|s| s.plugin(&name))
        .map(|p| p.loaded.version().clone());
    if on_site.as_ref() != Some(&version) {
        let site = platform.site_row(SLUG).await?;
        platform.switch_version(site.id, &name, &version).await?;
    }
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_changes_rebuild_and_file_changes_repackage() {
        assert!(needs_build(Path::new("src/lib.rs")));
        assert!(needs_build(Path::new("src/pages/list.rs")));
        assert!(needs_build(Path::new("Cargo.toml")));
        assert!(!needs_build(Path::new("templates/list.html")));
        assert!(!needs_build(Path::new("locales/fr.ftl")));
        assert!(!needs_build(Path::new("plugin.toml")));
    }

    #[test]
    fn snapshots_see_new_changed_and_removed_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("templates/parts")).unwrap();
        std::fs::write(dir.path().join("plugin.toml"), "x").unwrap();
        std::fs::write(dir.path().join("templates/list.html"), "a").unwrap();
        std::fs::create_dir_all(dir.path().join("target")).unwrap();
        std::fs::write(dir.path().join("target/ignored"), "a").unwrap();
        let before = snapshot(dir.path());
        assert_eq!(before.len(), 2);
        std::fs::write(dir.path().join("templates/list.html"), "ab").unwrap();
        std::fs::write(dir.path().join("templates/parts/new.html"), "n").unwrap();
        std::fs::remove_file(dir.path().join("plugin.toml")).unwrap();
        let after = snapshot(dir.path());
        let mut changed = changes(&before, &after);
        changed.sort();
        assert_eq!(
            changed,
            [
                PathBuf::from("plugin.toml"),
                PathBuf::from("templates/list.html"),
                PathBuf::from("templates/parts/new.html"),
            ]
        );
    }
}
