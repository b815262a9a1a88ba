use crate::runtime::bindings::events;
use crate::runtime::state::PluginState;

impl events::Host for PluginState {
    async fn publish(
        &mut self,
        name: String,
        payload: String,
    ) -> wasmtime::Result<Result<(), String>> {
        let call = self.call()?;
        if !crate::package::manifest::is_identifier(&name.replace('-', "_"), 64) {
            return Ok(Err(format!(
                "event name `{name}` must be lowercase letters, digits, `-` or `_`"
            )));
        }
        if let Err(e) = serde_json::from_str::<serde_json::Value>(&payload) {
            return Ok(Err(format!("event payload is not JSON: {e}")));
        }
        let topic = format!("{}.{name}", call.manifest.name);
        let storage = &self.services.storage;
        let _guard = storage.write_guard().await;
        match crate::events::outbox::publish(&storage.db, call.site.id, &topic, &payload).await {
            Ok(_) => {
                self.services.outbox.notify_one();
                Ok(Ok(()))
            }
            Err(e) => {
                tracing::error!(error = %e, topic, "cannot publish event");
                Ok(Err("the event could not be stored".into()))
            }
        }
    }

    async fn audit(
        &mut self,
        action: String,
        subject: String,
        details: String,
    ) -> wasmtime::Result<()> {
        let call = self.call()?;
        let details = serde_json::from_str(&details).unwrap_or(serde_json::Value::String(details));
        let storage = &self.services.storage;
        let _guard = storage.write_guard().await;
        if let Err(e) = crate::identity::audit::record(
            &storage.db,
            call.site.id,
            &call.actor,
            Some(&call.manifest.name),
            &action,
            &subject,
            details,
        )
        .await
        {
            tracing::error!(error = %e, action, "cannot write the audit log");
        }
        Ok(())
    }
}
