//! The `i18n` interface: the plugin's message catalogues.

use crate::runtime::state::PluginState;

impl PluginState {
    /// The message `key` in the call's language, with `args` substituted.
    pub fn translate_message(
        &self,
        key: &str,
        args: &[(String, String)],
    ) -> wasmtime::Result<String> {
        let call = self.call()?;
        let args: Vec<(&str, String)> = args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        Ok(call.catalogues.t_args(&call.locale, key, &args))
    }
}
