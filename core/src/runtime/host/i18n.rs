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
        // The plugin's own message first, then the host's kit of messages
        // every plugin may use (the validator's, the form page's).
        Ok(call
            .catalogues
            .get(&call.locale, key, &args)
            .or_else(|| crate::i18n::kit().get(&call.locale, key, &args))
            .unwrap_or_else(|| key.to_string()))
    }
}
