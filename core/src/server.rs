//! Starting a node: configuration from the environment, database,
//! runtime, platform snapshot and background tasks.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, Result};

use crate::platform::{Platform, ServerSettings};
use crate::runtime::{Runtime, RuntimeConfig, Services};
use crate::storage::Storage;
use crate::web::AppState;

/// Configuration of a node, from the environment.
#[derive(Debug, Clone)]
pub struct Config {
    /// `ESTIVE_ADDR`, default `127.0.0.1:8080`.
    pub addr: String,
    /// `ESTIVE_DATA`, default `./data`.
    pub data_dir: PathBuf,
    /// `DATABASE_URL`, default an SQLite file in the data folder.
    pub database_url: String,
    /// `ESTIVE_POOLING=0` turns the pooling allocator off.
    pub pooling: bool,
    /// `ESTIVE_UNKNOWN_HOST=404` answers 404 for unknown host names instead
    /// of serving the default site.
    pub unknown_host_default: bool,
    /// `ESTIVE_NOW` (RFC 3339) fixes the clock plugins see (demos, tests).
    pub fake_now: Option<chrono::DateTime<chrono::Utc>>,
    /// `ESTIVE_CACHE`: where compiled plugins are cached (default
    /// `<data>/cache`; test hosts share one).
    pub cache_dir: Option<PathBuf>,
}

impl Config {
    /// Read the environment.
    ///
    /// # Errors
    /// A malformed variable, named.
    pub fn from_env() -> Result<Config> {
        let data_dir =
            PathBuf::from(std::env::var("ESTIVE_DATA").unwrap_or_else(|_| "data".into()));
        let database_url =
            std::env::var("DATABASE_URL").unwrap_or_else(|_| crate::db::default_url(&data_dir));
        let fake_now = match std::env::var("ESTIVE_NOW") {
            Ok(v) if !v.is_empty() => Some(
                chrono::DateTime::parse_from_rfc3339(&v)
                    .with_context(|| format!("ESTIVE_NOW `{v}` is not an RFC 3339 date-time"))?
                    .with_timezone(&chrono::Utc),
            ),
            _ => None,
        };
        Ok(Config {
            addr: std::env::var("ESTIVE_ADDR").unwrap_or_else(|_| "127.0.0.1:8080".into()),
            data_dir,
            database_url,
            pooling: std::env::var("ESTIVE_POOLING").map_or(true, |v| v != "0"),
            unknown_host_default: std::env::var("ESTIVE_UNKNOWN_HOST").map_or(true, |v| v != "404"),
            fake_now,
            cache_dir: std::env::var_os("ESTIVE_CACHE").map(PathBuf::from),
        })
    }

    pub fn port(&self) -> Option<u16> {
        self.addr.rsplit_once(':').and_then(|(_, p)| p.parse().ok())
    }
}

/// Open the database, create the runtime and load every site.
///
/// # Errors
/// The data folder, the database or the engine cannot be set up.
pub async fn open(config: &Config) -> Result<AppState> {
    std::fs::create_dir_all(&config.data_dir).with_context(|| {
        format!(
            "cannot create the data folder {}",
            config.data_dir.display()
        )
    })?;
    let db = crate::db::connect(&config.database_url).await?;
    let secret = crate::db::server_secret(&db).await?;
    let services = Arc::new(Services {
        storage: Storage::new(db.clone()).await?,
        http: crate::runtime::host::http::Outbound::from_env()?,
        clock_offset_ms: std::sync::atomic::AtomicI64::new(
            config
                .fake_now
                .map_or(0, |now| (now - chrono::Utc::now()).num_milliseconds()),
        ),
        outbox: Arc::new(tokio::sync::Notify::new()),
        mail_budget: Default::default(),
        mail: Arc::new(
            crate::mail::Mailer::from_env(&config.data_dir).unwrap_or_else(|e| {
                tracing::error!(error = %format!("{e:#}"), "mail set-up failed; writing messages to a temporary folder");
                crate::mail::Mailer::folder(&std::env::temp_dir().join("estive-mail"))
            }),
        ),
    });
    let runtime = Runtime::new(
        RuntimeConfig {
            pooling: config.pooling,
            cache_dir: Some(
                config
                    .cache_dir
                    .clone()
                    .unwrap_or_else(|| config.data_dir.join("cache")),
            ),
            ..Default::default()
        },
        services,
    )?;
    let platform = Platform::new(
        db,
        runtime,
        ServerSettings {
            data_dir: config.data_dir.clone(),
            unknown_host_default: config.unknown_host_default,
            public_port: config.port(),
        },
        secret,
    );
    platform.reload().await?;
    let mut state = AppState::new(platform);
    state.net = Arc::new(crate::web::net::NetSettings::from_env()?);
    Ok(state)
}

/// Background work of a node: follow configuration changes made elsewhere,
/// deliver events, run schedules.
pub fn spawn_background(state: &AppState) {
    let s = state.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(2));
        loop {
            tick.tick().await;
            match s.platform.refresh().await {
                Ok(true) => s.render.reset(&s.platform),
                Ok(false) => {}
                Err(e) => tracing::warn!(error = %e, "cannot check the configuration revision"),
            }
        }
    });
    crate::events::spawn(state.platform.clone());
}
