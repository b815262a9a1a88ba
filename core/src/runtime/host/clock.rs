//! The `clock` interface: the time as the site sees it.

use crate::runtime::state::PluginState;

/// A moment, in the forms a plugin needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Instant {
    pub unix_millis: i64,
    pub utc: String,
    pub local: String,
    pub today: String,
}

impl PluginState {
    /// The host's "now" (shifted in tests and demos) in the site's zone.
    pub fn clock_now(&self) -> wasmtime::Result<Instant> {
        let now = self.services.now();
        let local = now.with_timezone(&self.call()?.site.timezone);
        Ok(Instant {
            unix_millis: now.timestamp_millis(),
            utc: now.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            local: local.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
            today: local.format("%Y-%m-%d").to_string(),
        })
    }
}
