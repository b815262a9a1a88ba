//! The plugin runtime: one wasmtime `Engine`, one compiled component and
//! pre-linked `InstancePre` per plugin version, a fresh `Store` per call.
//!
//! Keeping calls cheap and contained:
//! - instances are created *ahead* of calls (a small pool per plugin
//!   version, refilled in the background) and dropped off the request path,
//!   so a call costs little more than the guest's own work; every call still
//!   gets a store nobody used before;
//! - a ticker thread advances the engine's epoch every millisecond; at each
//!   tick a running guest yields to the tokio scheduler (so a spinning
//!   plugin cannot hold a worker thread) and is stopped once its deadline
//!   has passed;
//! - each plugin has a cap on concurrent calls, so one plugin cannot take
//!   every worker;
//! - a memory cap per call traps a guest that allocates without end;
//! - a plugin that keeps faulting is suspended for a while.

pub mod api;
pub mod health;
pub mod host;
pub mod state;
pub mod wit;

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, anyhow};
use semver::Version;
use tokio::sync::Semaphore;
use wasmtime::component::Component;
use wasmtime::{
    Config, Engine, InstanceAllocationStrategy, PoolingAllocationConfig, Store, UpdateDeadline,
};

use crate::i18n::Catalogues;
use crate::package::Package;
use crate::storage::Storage;
pub use health::{Fault, Health};
pub use state::{CallInfo, Grants, PluginState, SiteInfo};

/// How often the engine's epoch advances: the granularity of yielding and of
/// deadlines.
const TICK: Duration = Duration::from_millis(1);
/// How long a call may wait for a free slot of its plugin before 503.
const QUEUE_WAIT: Duration = Duration::from_secs(10);
/// Extra time a call may spend in host functions beyond its deadline.
const HOST_WAIT_BOUND: Duration = Duration::from_secs(60);

/// Shared services the host interfaces use.
pub struct Services {
    pub storage: Storage,
    /// Outbound HTTP for plugins (see `host::http`).
    pub http: crate::runtime::host::http::Outbound,
    /// Shift of the clock plugins see, in milliseconds (tests and demos
    /// set "now").
    pub clock_offset_ms: std::sync::atomic::AtomicI64,
    /// Wakes the event dispatcher when something is published.
    pub outbox: Arc<tokio::sync::Notify>,
    /// Outgoing e-mail (SMTP, or a folder in development and tests).
    pub mail: Arc<crate::mail::Mailer>,
    /// Plugin messages sent per site in the hour (see `host::mail`).
    pub mail_budget: crate::runtime::host::mail::Budget,
}

impl Services {
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        chrono::Utc::now()
            + chrono::TimeDelta::milliseconds(
                self.clock_offset_ms
                    .load(std::sync::atomic::Ordering::Relaxed),
            )
    }

    /// Make plugins see `now` as the current time (None: the real clock).
    pub fn set_now(&self, now: Option<chrono::DateTime<chrono::Utc>>) {
        let offset = now.map_or(0, |t| (t - chrono::Utc::now()).num_milliseconds());
        self.clock_offset_ms
            .store(offset, std::sync::atomic::Ordering::Relaxed);
    }
}

/// Runtime settings.
#[derive(Debug, Clone)]
pub struct RuntimeConfig {
    /// Use the pooling allocator when the address space allows it.
    pub pooling: bool,
    /// Where compiled components are cached (none: no cache).
    pub cache_dir: Option<std::path::PathBuf>,
    /// Ready instances kept per plugin version.
    pub pool_depth: usize,
    /// Concurrent calls per plugin when its manifest does not say.
    pub default_concurrency: usize,
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        // Calls wait on the database most of the time: the cap is there to
        // keep one plugin from taking every worker, not to queue normal load.
        RuntimeConfig {
            pooling: true,
            cache_dir: None,
            pool_depth: 2,
            default_concurrency: cores * 8,
        }
    }
}

/// A plugin version ready to be called.
pub struct Loaded {
    pub package: Arc<Package>,
    pub manifest: Arc<crate::package::Manifest>,
    pub catalogues: Arc<Catalogues>,
    pre: self::wit::Pre,
    ready: Mutex<Vec<Ready>>,
    /// A refill task is running: at most one per plugin version, or a burst
    /// of calls would start as many refills, each adding instances past the
    /// pool's depth.
    refilling: std::sync::atomic::AtomicBool,
    permits: Arc<Semaphore>,
    pub concurrency: usize,
    pub health: Health,
    pub metrics: Arc<crate::metrics::PluginMetrics>,
    pub compile_time: Duration,
}

impl Loaded {
    pub fn name(&self) -> &str {
        &self.manifest.name
    }

    pub fn version(&self) -> &Version {
        &self.manifest.version
    }

    /// Ready instances waiting in the pool.
    pub fn pooled(&self) -> usize {
        self.ready.lock().expect("pool lock").len()
    }
}

struct Ready {
    store: Store<PluginState>,
    plugin: self::wit::Instance,
}

/// What to call on a plugin.
pub enum Call {
    Handle(api::Request),
    Event(api::Context, api::Event),
    Schedule(api::Context, String),
    Widget(api::Context, String),
    ExportUser(api::Context, String),
    EraseUser(api::Context, String),
}

impl Call {
    pub fn export_name(&self) -> &'static str {
        match self {
            Call::Handle(_) => "handle",
            Call::Event(..) => "on-event",
            Call::Schedule(..) => "on-schedule",
            Call::Widget(..) => "widget",
            Call::ExportUser(..) => "export-user-data",
            Call::EraseUser(..) => "erase-user-data",
        }
    }
}

/// What a call returned.
#[derive(Debug)]
pub enum Reply {
    Handle(Result<api::Response, api::Error>),
    Unit(Result<(), String>),
    Widget(Result<Option<api::View>, api::Error>),
    Json(Result<String, String>),
}

/// The engine, the linker and the loaded plugins.
pub struct Runtime {
    engine: Engine,
    linkers: self::wit::Linkers,
    pub pooling: bool,
    config: RuntimeConfig,
    pub services: Arc<Services>,
    loaded: RwLock<HashMap<(String, Version), Arc<Loaded>>>,
    stop: Arc<std::sync::atomic::AtomicBool>,
    /// Stores handed to background tasks and not dropped yet.
    pending_drops: Arc<std::sync::atomic::AtomicUsize>,
}

/// Stores waiting to be dropped in the background, beyond which a call
/// drops its own store: the backlog (and the pooled slots it holds) stays
/// bounded when calls come faster than the background can free them.
const MAX_PENDING_DROPS: usize = 32;

impl Drop for Runtime {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

fn engine_config(pooling: bool, cache_dir: Option<&Path>) -> Result<Config> {
    let mut config = Config::new();
    config.wasm_component_model(true);
    config.epoch_interruption(true);
    config.cranelift_opt_level(wasmtime::OptLevel::Speed);
    // For `perf`: name the compiled plugin functions (docs/plugins.md).
    if std::env::var_os("ESTIVE_PERFMAP").is_some() {
        config.profiler(wasmtime::ProfilingStrategy::PerfMap);
    }
    if let Some(dir) = cache_dir {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let mut cache = wasmtime::CacheConfig::new();
        cache.with_directory(dir);
        config.cache(Some(wasmtime::Cache::new(cache).map_err(|e| {
            anyhow!("cannot open the compiled-plugin cache: {e}")
        })?));
    }
    if pooling {
        let mut pool = PoolingAllocationConfig::default();
        pool.total_component_instances(1000)
            .total_core_instances(2000)
            .total_memories(1000)
            .total_tables(2000)
            .total_stacks(1000)
            .max_memory_size(1 << 30)
            .max_memories_per_component(4)
            // A freed slot's memory stays mapped. With PAGEMAP_SCAN (Linux ≥
            // 6.7) only the pages the call dirtied are reset, so the next
            // call neither faults pages in again nor pays for a memset of
            // untouched memory (the call benchmark went from about 40 µs to
            // under 10 µs with it). Without it, a memset of the low megabyte
            // (a Rust guest's stack) and a decommit of the rest.
            .pagemap_scan(wasmtime::Enabled::Auto)
            .linear_memory_keep_resident(if PoolingAllocationConfig::is_pagemap_scan_available() {
                16 << 20
            } else {
                1 << 20
            })
            .table_keep_resident(64 << 10)
            .async_stack_keep_resident(64 << 10);
        config.allocation_strategy(InstanceAllocationStrategy::Pooling(pool));
    }
    Ok(config)
}

impl Runtime {
    /// Create the engine (pooling when possible), the linker with every host
    /// interface, and the epoch ticker.
    ///
    /// # Errors
    /// The engine cannot be created even without pooling.
    pub fn new(config: RuntimeConfig, services: Arc<Services>) -> Result<Arc<Runtime>> {
        let cache = config.cache_dir.as_deref();
        let (engine, pooling) = if config.pooling {
            match engine_config(true, cache)
                .and_then(|c| Engine::new(&c).map_err(|e| anyhow!("{e}")))
            {
                Ok(e) => (e, true),
                Err(e) => {
                    tracing::warn!(error = %e, "pooling allocator unavailable (address space?); allocating on demand");
                    (
                        Engine::new(&engine_config(false, cache)?).map_err(|e| anyhow!("{e}"))?,
                        false,
                    )
                }
            }
        } else {
            (
                Engine::new(&engine_config(false, cache)?).map_err(|e| anyhow!("{e}"))?,
                false,
            )
        };
        let linkers = self::wit::Linkers::new(&engine)?;

        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let ticker_engine = engine.weak();
        let ticker_stop = stop.clone();
        std::thread::Builder::new()
            .name("estive-epoch".into())
            .spawn(move || {
                while !ticker_stop.load(std::sync::atomic::Ordering::Relaxed) {
                    std::thread::sleep(TICK);
                    match ticker_engine.upgrade() {
                        Some(e) => e.increment_epoch(),
                        None => break,
                    }
                }
            })
            .context("cannot start the epoch ticker")?;

        Ok(Arc::new(Runtime {
            engine,
            linkers,
            pooling,
            config,
            services,
            loaded: RwLock::new(HashMap::new()),
            stop,
            pending_drops: Arc::default(),
        }))
    }

    /// Compile (or fetch from the cache) and pre-link a package. Checks that
    /// the component's imports and exports match the world.
    ///
    /// # Errors
    /// The component does not compile or does not match `estive:plugin`.
    pub fn prepare(&self, package: Arc<Package>) -> Result<Arc<Loaded>> {
        let key = (package.name().to_string(), package.version().clone());
        if let Some(l) = self.loaded.read().expect("loaded lock").get(&key)
            && l.package.contents == package.contents
        {
            return Ok(l.clone());
        }
        let started = Instant::now();
        let component = Component::new(&self.engine, &package.wasm)
            .map_err(|e| anyhow!("plugin.wasm does not compile: {e:#}"))?;
        let pre = self.linkers.prepare(&component, &package.api_version)?;
        let manifest = Arc::new(package.manifest.clone());
        let concurrency = match manifest.limits.concurrency {
            0 => self.config.default_concurrency,
            n => n as usize,
        };
        let catalogues = Arc::new(Catalogues::new(
            &package.catalogue("fr").into_iter().collect::<Vec<_>>(),
            &package.catalogue("en").into_iter().collect::<Vec<_>>(),
        ));
        let metrics = crate::metrics::plugin(&package.manifest.name);
        let loaded = Arc::new(Loaded {
            manifest,
            catalogues,
            package,
            pre,
            ready: Mutex::new(Vec::new()),
            refilling: std::sync::atomic::AtomicBool::new(false),
            permits: Arc::new(Semaphore::new(concurrency)),
            concurrency,
            health: Health::default(),
            metrics,
            compile_time: started.elapsed(),
        });
        self.loaded
            .write()
            .expect("loaded lock")
            .insert(key, loaded.clone());
        Ok(loaded)
    }

    /// A prepared plugin version, if loaded.
    pub fn get(&self, name: &str, version: &Version) -> Option<Arc<Loaded>> {
        self.loaded
            .read()
            .expect("loaded lock")
            .get(&(name.to_string(), version.clone()))
            .cloned()
    }

    /// Every loaded plugin version.
    pub fn all(&self) -> Vec<Arc<Loaded>> {
        let mut v: Vec<_> = self
            .loaded
            .read()
            .expect("loaded lock")
            .values()
            .cloned()
            .collect();
        v.sort_by(|a, b| (a.name(), a.version()).cmp(&(b.name(), b.version())));
        v
    }

    async fn instantiate(&self, loaded: &Loaded) -> wasmtime::Result<Ready> {
        let mut store = Store::new(
            &self.engine,
            PluginState::new(self.services.clone(), loaded.name().to_string()),
        );
        store.limiter(|s| s as &mut dyn wasmtime::ResourceLimiter);
        store.epoch_deadline_callback(|ctx| {
            let s = ctx.data();
            let limit = s
                .call
                .as_ref()
                .map_or(Duration::from_secs(1), |c| c.deadline);
            // The plugin's own time: waiting on the host (the database's
            // write lock, an outbound request) does not count against it.
            if s.own_time() >= limit {
                return Err(wasmtime::Error::msg(health::DEADLINE_MESSAGE));
            }
            // Let other tasks run: tokio's yield goes to the back of the
            // queue, unlike a plain self-wake which would run us again first.
            Ok(UpdateDeadline::YieldCustom(
                1,
                Box::pin(tokio::task::yield_now()),
            ))
        });
        store.set_epoch_deadline(u64::MAX / 2);
        let plugin = loaded.pre.instantiate(&mut store).await?;
        Ok(Ready { store, plugin })
    }

    /// Keep `loaded`'s pool of ready instances full, off the request path.
    fn refill(self: &Arc<Self>, loaded: &Arc<Loaded>) {
        use std::sync::atomic::Ordering;
        if loaded.ready.lock().expect("pool lock").len() >= self.config.pool_depth
            || loaded.refilling.swap(true, Ordering::AcqRel)
        {
            return;
        }
        let (rt, loaded) = (self.clone(), loaded.clone());
        tokio::spawn(async move {
            while loaded.ready.lock().expect("pool lock").len() < rt.config.pool_depth {
                match rt.instantiate(&loaded).await {
                    Ok(r) => loaded.ready.lock().expect("pool lock").push(r),
                    Err(e) => {
                        tracing::error!(plugin = loaded.name(), error = %e, "cannot instantiate plugin");
                        break;
                    }
                }
            }
            loaded.refilling.store(false, Ordering::Release);
        });
    }

    /// Drop a used store on a background task, or here when too many are
    /// already waiting.
    fn drop_later(&self, ready: Ready) {
        use std::sync::atomic::Ordering;
        if self.pending_drops.fetch_add(1, Ordering::AcqRel) >= MAX_PENDING_DROPS {
            self.pending_drops.fetch_sub(1, Ordering::AcqRel);
            drop(ready);
            return;
        }
        let pending = self.pending_drops.clone();
        tokio::spawn(async move {
            drop(ready);
            pending.fetch_sub(1, Ordering::AcqRel);
        });
    }

    /// Fill the pools of every loaded plugin (at start).
    pub fn warm(self: &Arc<Self>) {
        for l in self.all() {
            self.refill(&l);
        }
    }

    /// Call a plugin export in a fresh instance, within the call's deadline
    /// and memory cap and the plugin's concurrency cap.
    ///
    /// # Errors
    /// A [`Fault`]: the plugin trapped, ran out of time or memory, is
    /// suspended, or is too busy. The fault is logged and counted.
    pub async fn call(
        self: &Arc<Self>,
        loaded: &Arc<Loaded>,
        info: CallInfo,
        call: Call,
    ) -> Result<Reply, Fault> {
        let started = Instant::now();
        let export = call.export_name();
        if let Some(until) = loaded.health.suspended_until() {
            loaded.metrics.call(export, "suspended", started.elapsed());
            return Err(Fault::Suspended { until });
        }
        let deadline = info.deadline;
        // No timer on the usual path: only wait (up to the deadline) when
        // the plugin is at its cap.
        let permit = match loaded.permits.clone().try_acquire_owned() {
            Ok(p) => p,
            Err(_) => {
                match tokio::time::timeout(
                    deadline.max(QUEUE_WAIT),
                    loaded.permits.clone().acquire_owned(),
                )
                .await
                {
                    Ok(Ok(p)) => p,
                    _ => {
                        loaded.metrics.call(export, "busy", started.elapsed());
                        return Err(Fault::Busy);
                    }
                }
            }
        };
        let ready = loaded.ready.lock().expect("pool lock").pop();
        self.refill(loaded);
        let mut ready = match ready {
            Some(r) => r,
            None => self
                .instantiate(loaded)
                .await
                .map_err(|e| Fault::Trap(format!("instantiation failed: {e:#}")))?,
        };
        ready.store.data_mut().begin(info);
        ready.store.set_epoch_deadline(1);

        // The epoch deadline stops the plugin's own work (host waits are
        // not counted); this outer bound only catches a call stuck in the
        // host, which storage and HTTP timeouts should prevent.
        let outcome = tokio::time::timeout(deadline + HOST_WAIT_BOUND, run(&mut ready, call)).await;
        drop(permit);
        let (memory_hit, dropped_logs) = {
            let s = ready.store.data();
            (s.memory_hit, s.log_dropped)
        };
        if dropped_logs > 0 {
            tracing::warn!(
                plugin = loaded.name(),
                dropped = dropped_logs,
                "plugin log lines dropped (limit per call)"
            );
        }
        // Dropping a store costs some microseconds (its pooled memory is
        // wiped): do it off the request path, unless the background is
        // already behind.
        self.drop_later(ready);

        let result = match outcome {
            Err(_) => Err(Fault::Timeout),
            Ok(Ok(reply)) => Ok(reply),
            Ok(Err(e)) => Err(Fault::classify(&e, memory_hit)),
        };
        let took = started.elapsed();
        match &result {
            Ok(_) => {
                loaded.metrics.call(export, "ok", took);
                loaded.health.record_success(took);
            }
            Err(fault) => {
                loaded.metrics.call(export, fault.kind(), took);
                tracing::error!(plugin = loaded.name(), export, fault = %fault, "plugin call failed");
                if let Some(until) = loaded.health.record_fault(took) {
                    tracing::error!(plugin = loaded.name(), until = %until, "plugin suspended after repeated faults");
                }
            }
        }
        result
    }
}

async fn run(ready: &mut Ready, call: Call) -> wasmtime::Result<Reply> {
    ready.plugin.run(&mut ready.store, call).await
}
