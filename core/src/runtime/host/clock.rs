use crate::runtime::bindings::clock::{self, Instant};
use crate::runtime::state::PluginState;

impl clock::Host for PluginState {
    async fn now(&mut self) -> wasmtime::Result<Instant> {
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
