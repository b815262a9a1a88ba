use crate::runtime::bindings::config;
use crate::runtime::state::PluginState;

impl config::Host for PluginState {
    async fn settings(&mut self) -> wasmtime::Result<String> {
        Ok(serde_json::to_string(self.call()?.settings.as_ref())?)
    }
}
