use crate::runtime::bindings::i18n;
use crate::runtime::state::PluginState;

impl i18n::Host for PluginState {
    async fn translate(
        &mut self,
        key: String,
        args: Vec<(String, String)>,
    ) -> wasmtime::Result<String> {
        let call = self.call()?;
        let args: Vec<(&str, String)> = args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        Ok(call.catalogues.t_args(&call.locale, &key, &args))
    }
}
