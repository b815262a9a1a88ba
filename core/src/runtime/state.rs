//! What a plugin's `Store` carries: the WASI context (nothing granted unless
//! the administrator granted a directory), the memory cap, and the facts of
//! the current call the host interfaces need (site, user, grants…).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use wasmtime::ResourceLimiter;
use wasmtime::component::ResourceTable;
use wasmtime_wasi::{FsPerms, WasiCtx, WasiCtxBuilder, WasiCtxView, WasiView};

use super::Services;
use crate::i18n::Catalogues;
use crate::package::Manifest;
use crate::storage::{Actor, Scope};

/// Capabilities of one plugin on one site: what the manifest asks for,
/// intersected with what the site's administrator granted. Denied by default.
#[derive(Debug, Clone, Default)]
pub struct Grants {
    /// Host names the plugin may fetch from.
    pub http_hosts: Vec<String>,
    /// A host directory mounted read-only at `/granted`.
    pub directory: Option<PathBuf>,
}

impl Grants {
    /// Keep only what the manifest asked for.
    pub fn intersect(
        manifest: &Manifest,
        granted_hosts: &[String],
        granted_dir: Option<PathBuf>,
    ) -> Grants {
        let asked: &[String] = manifest
            .capabilities
            .http
            .as_ref()
            .map_or(&[], |h| &h.hosts);
        Grants {
            http_hosts: granted_hosts
                .iter()
                .filter(|h| asked.contains(h))
                .cloned()
                .collect(),
            directory: granted_dir.filter(|_| manifest.capabilities.directory.is_some()),
        }
    }

    /// Whether an outbound request to `host` is allowed.
    ///
    /// # Errors
    /// The message the plugin gets when it is not.
    pub fn check_http(&self, host: &str) -> Result<(), String> {
        if self.http_hosts.iter().any(|h| h.eq_ignore_ascii_case(host)) {
            Ok(())
        } else {
            Err(format!(
                "capability for outbound HTTP to `{host}` is not granted"
            ))
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
            plugin,
        }
    }

    /// Prepare a fresh (never called) instance's state for a call.
    pub fn begin(&mut self, call: CallInfo) {
        if let Some(dir) = &call.grants.directory {
            self.wasi = sandbox(Some(dir));
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
