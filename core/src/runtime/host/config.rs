//! The `config` interface: the site's settings for the plugin.

use crate::runtime::state::PluginState;

impl PluginState {
    /// The settings, defaults filled in, as a JSON object.
    pub fn settings_json(&self) -> wasmtime::Result<String> {
        Ok(serde_json::to_string(self.call()?.settings.as_ref())?)
    }
}
