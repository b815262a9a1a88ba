//! What a plugin's `Store` carries: the WASI context (nothing granted unless
//! the administrator granted a directory), the memory cap, and the facts of
//! the current call the host interfaces need (site, user, grants…).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use wasmtime::ResourceLimiter;
use wasmtime::component::ResourceTable;
use wasmtime_wasi::{FsPerms, WasiCtx, WasiCtxBuilder, WasiCtxView, WasiView};

use super::Services;
use crate::i18n::Catalogues;
use crate::package::Manifest;
use crate::package::manifest::HostPort;
use crate::storage::{Actor, Scope};

/// Capabilities of one plugin on one site: what the manifest asks for,
/// intersected with what was granted (outbound hosts and mail by the site's
/// administrator, the folder by the server's). Denied by default.
#[derive(Debug, Clone, Default)]
pub struct Grants {
    /// Hosts (and ports) the plugin may fetch from.
    pub http: Vec<HostPort>,
    /// A host directory mounted read-only at `/granted`, already checked to
    /// be inside the site's `granted/` folder of the data folder.
    pub directory: Option<PathBuf>,
    /// E-mail to the accounts of the site.
    pub mail: bool,
}

impl Grants {
    /// Keep only what the manifest asked for.
    pub fn intersect(
        manifest: &Manifest,
        granted_hosts: &[String],
        granted_dir: Option<PathBuf>,
        granted_mail: bool,
    ) -> Grants {
        let asked: &[String] = manifest
            .capabilities
            .http
            .as_ref()
            .map_or(&[], |h| &h.hosts);
        Grants {
            http: granted_hosts
                .iter()
                .filter(|h| asked.contains(h))
                .filter_map(|h| HostPort::parse(h).ok())
                .collect(),
            directory: granted_dir.filter(|_| manifest.capabilities.directory.is_some()),
            mail: granted_mail && manifest.capabilities.mail.is_some(),
        }
    }

    /// Whether an outbound request to `host` on `port` is allowed.
    ///
    /// # Errors
    /// The message the plugin gets when it is not.
    pub fn check_http(&self, host: &str, port: u16) -> Result<(), String> {
        if self.http.iter().any(|h| h.allows(host, port)) {
            Ok(())
        } else if self
            .http
            .iter()
            .any(|h| h.allows(host, h.port.unwrap_or(443)))
        {
            Err(format!(
                "capability for outbound HTTP to `{host}` on port {port} is not granted"
            ))
        } else {
            Err(format!(
                "capability for outbound HTTP to `{host}` is not granted"
            ))
        }
    }

    /// The folder a grant names: `sub`, a relative path inside `root`
    /// (`<data>/granted/<site>/`), after every link is resolved.
    ///
    /// # Errors
    /// `sub` is absolute, climbs with `..`, does not exist or is not a
    /// folder, or resolves (through a link) outside `root`.
    pub fn resolve_folder(root: &Path, sub: &str) -> Result<PathBuf, String> {
        let rel = Path::new(sub);
        if sub.trim().is_empty()
            || !rel
                .components()
                .all(|c| matches!(c, std::path::Component::Normal(_)))
        {
            return Err(format!(
                "`{sub}` must be a relative path inside {} without `..`",
                root.display()
            ));
        }
        let root = root
            .canonicalize()
            .map_err(|e| format!("{}: {e}", root.display()))?;
        let dir = root
            .join(rel)
            .canonicalize()
            .map_err(|e| format!("{}: {e}", root.join(rel).display()))?;
        if !dir.starts_with(&root) {
            return Err(format!(
                "`{sub}` leads outside {} (through a link): refused",
                root.display()
            ));
        }
        if !dir.is_dir() {
            return Err(format!("{} is not a folder", dir.display()));
        }
        Ok(dir)
    }

    /// Whether the plugin may send e-mail.
    ///
    /// # Errors
    /// The message the plugin gets when it may not.
    pub fn check_mail(&self) -> Result<(), String> {
        if self.mail {
            Ok(())
        } else {
            Err("capability for e-mail is not granted: declare [capabilities.mail] in plugin.toml and ask the site's administrator".into())
        }
    }
}

/// The site a call runs for, as plugins see it.
#[derive(Debug, Clone)]
pub struct SiteInfo {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub base_url: String,
    pub timezone: chrono_tz::Tz,
}

/// Everything about the current call.
#[derive(Clone)]
pub struct CallInfo {
    pub site: Arc<SiteInfo>,
    pub manifest: Arc<Manifest>,
    pub settings: Arc<serde_json::Value>,
    pub grants: Arc<Grants>,
    pub actor: Actor,
    pub locale: String,
    pub catalogues: Arc<Catalogues>,
    pub deadline: Duration,
    pub memory_cap: usize,
}

impl CallInfo {
    pub fn scope(&self) -> Scope<'_> {
        Scope {
            site_id: self.site.id,
            manifest: &self.manifest,
            actor: &self.actor,
        }
    }
}

/// Most log lines one call may write; the rest are counted, not written.
pub const LOG_LINES_PER_CALL: u32 = 100;

pub struct PluginState {
    wasi: WasiCtx,
    table: ResourceTable,
    pub services: Arc<Services>,
    pub call: Option<CallInfo>,
    pub started: Instant,
    /// Time this call spent waiting on the host (storage, outbound HTTP):
    /// not counted against the plugin's deadline, which is for its own work.
    pub host_wait: Duration,
    pub memory_cap: usize,
    pub memory_hit: bool,
    pub log_lines: u32,
    pub log_dropped: u32,
    /// Messages this call sent (see `host::mail`).
    pub mails_sent: u32,
    /// Events and audit entries this call handed over (see `host::events`).
    pub events_published: u32,
    pub audit_entries: u32,
    pub plugin: String,
}

impl PluginState {
    pub fn new(services: Arc<Services>, plugin: String) -> PluginState {
        PluginState {
            wasi: sandbox(None),
            table: ResourceTable::new(),
            services,
            call: None,
            started: Instant::now(),
            host_wait: Duration::ZERO,
            memory_cap: 64 << 20,
            memory_hit: false,
            log_lines: 0,
            log_dropped: 0,
            mails_sent: 0,
            events_published: 0,
            audit_entries: 0,
            plugin,
        }
    }

    /// Prepare a fresh (never called) instance's state for a call.
    pub fn begin(&mut self, call: CallInfo) {
        if let Some(dir) = &call.grants.directory {
            // Checked when the grant was loaded; a link put in its place
            // since then would make the path resolve elsewhere.
            if dir.canonicalize().is_ok_and(|d| d == *dir) {
                self.wasi = sandbox(Some(dir));
            } else {
                tracing::warn!(dir = %dir.display(), "granted folder changed on disk since it was checked: not mounted");
            }
        }
        self.memory_cap = call.memory_cap;
        self.started = Instant::now();
        self.host_wait = Duration::ZERO;
        self.call = Some(call);
    }

    /// The plugin's own running time so far (host waits excluded).
    pub fn own_time(&self) -> Duration {
        self.started.elapsed().saturating_sub(self.host_wait)
    }

    /// The current call. Host functions only run during a call.
    pub fn call(&self) -> wasmtime::Result<&CallInfo> {
        self.call
            .as_ref()
            .ok_or_else(|| wasmtime::Error::msg("host function called outside of a call"))
    }

    /// Run an import, counting its time as the host's, not the plugin's:
    /// waiting for the database's writer, a remote server or the mail
    /// relay must not eat the plugin's deadline. Every import of every API
    /// version goes through here (`runtime::wit`).
    pub async fn waiting<T>(&mut self, import: impl AsyncFnOnce(&mut PluginState) -> T) -> T {
        let started = Instant::now();
        let out = import(self).await;
        self.host_wait += started.elapsed();
        out
    }
}

/// A WASI context that grants nothing: no environment, no arguments, no
/// network, no files, stdout and stderr discarded; only a directory when
/// the administrator granted one.
fn sandbox(dir: Option<&PathBuf>) -> WasiCtx {
    let mut b = WasiCtxBuilder::new();
    b.allow_tcp(false)
        .allow_udp(false)
        .allow_ip_name_lookup(false);
    if let Some(dir) = dir
        && let Err(e) = b.preopened_dir(dir, "/granted", FsPerms::ReadOnly)
    {
        tracing::warn!(dir = %dir.display(), error = %e, "granted directory cannot be opened");
    }
    b.build()
}

impl WasiView for PluginState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

impl ResourceLimiter for PluginState {
    fn memory_growing(
        &mut self,
        _current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        if desired > self.memory_cap {
            self.memory_hit = true;
            return Err(wasmtime::Error::msg(format!(
                "memory limit of {} MiB reached",
                self.memory_cap >> 20
            )));
        }
        Ok(true)
    }

    fn table_growing(
        &mut self,
        _current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        Ok(desired <= 100_000)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(capabilities: &str) -> Manifest {
        Manifest::parse(&format!(
            "name = \"feed\"\nversion = \"1.0.0\"\napi = \"^1.0\"\ntitle = {{ fr = \"Flux\" }}\ndefault-path = \"flux\"\n{capabilities}"
        ))
        .unwrap()
    }

    const ALL: &str = "[capabilities.http]\nhosts = [\"api.example.fr\", \"feed.example.fr:8443\"]\nreason = { fr = \"r\" }\n[capabilities.mail]\nreason = { fr = \"r\" }\n[capabilities.directory]\nreason = { fr = \"r\" }\n";

    #[test]
    fn nothing_is_granted_by_default() {
        let g = Grants::intersect(&manifest(ALL), &[], None, false);
        assert!(g.check_http("api.example.fr", 443).is_err());
        assert!(
            g.check_mail()
                .unwrap_err()
                .contains("capability for e-mail is not granted")
        );
        assert!(g.directory.is_none());
    }

    #[test]
    fn a_grant_the_manifest_does_not_ask_for_gives_nothing() {
        let g = Grants::intersect(
            &manifest(""),
            &["api.example.fr".into()],
            Some(PathBuf::from("/")),
            true,
        );
        assert!(g.check_http("api.example.fr", 443).is_err());
        assert!(g.check_mail().is_err());
        assert!(g.directory.is_none());
    }

    #[test]
    fn capability_for_http_is_refused_on_a_port_not_declared() {
        let g = Grants::intersect(
            &manifest(ALL),
            &["api.example.fr".into(), "feed.example.fr:8443".into()],
            None,
            true,
        );
        assert!(g.check_http("api.example.fr", 443).is_ok());
        assert!(g.check_http("api.example.fr", 80).is_ok());
        let e = g.check_http("api.example.fr", 8080).unwrap_err();
        assert!(e.contains("on port 8080 is not granted"), "{e}");
        assert!(g.check_http("feed.example.fr", 8443).is_ok());
        assert!(g.check_http("feed.example.fr", 443).is_err());
        let e = g.check_http("evil.example", 443).unwrap_err();
        assert!(e.contains("`evil.example` is not granted"), "{e}");
        assert!(g.check_mail().is_ok());
    }

    #[test]
    fn a_folder_outside_the_root_is_refused_links_resolved() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("granted/site");
        std::fs::create_dir_all(root.join("feed")).unwrap();
        std::fs::create_dir_all(tmp.path().join("secret")).unwrap();
        std::os::unix::fs::symlink(tmp.path().join("secret"), root.join("link")).unwrap();
        let ok = Grants::resolve_folder(&root, "feed").unwrap();
        assert_eq!(ok, root.canonicalize().unwrap().join("feed"));
        for bad in ["/", "..", "feed/../..", "link", "missing", "", "/etc"] {
            assert!(
                Grants::resolve_folder(&root, bad).is_err(),
                "{bad} accepted"
            );
        }
    }
}
