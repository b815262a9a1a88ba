//! The `events` interface: events between the plugins of a site, and the
//! site's audit log.

use crate::runtime::state::PluginState;

/// Events one call may publish, directly or in transactions. The shipped
/// plugins publish a handful per request; an import that publishes per row
/// stays far below.
pub const MAX_EVENTS_PER_CALL: u32 = 1_000;
/// Largest event payload (JSON text).
pub const MAX_EVENT_PAYLOAD: usize = 64 << 10;
/// Audit entries one call may write.
pub const MAX_AUDIT_PER_CALL: u32 = 5_000;
/// Largest audit entry's details (JSON text) and subject.
pub const MAX_AUDIT_DETAILS: usize = 16 << 10;
const MAX_AUDIT_SUBJECT: usize = 512;

impl PluginState {
    /// Count `events` events and `entries` audit entries against this
    /// call's budget. Past it, the call traps: it fails that request only,
    /// and counts as a fault of the plugin.
    ///
    /// # Errors
    /// The budget is spent.
    pub fn spend(&mut self, events: u32, entries: u32) -> wasmtime::Result<()> {
        self.events_published = self.events_published.saturating_add(events);
        self.audit_entries = self.audit_entries.saturating_add(entries);
        if self.events_published > MAX_EVENTS_PER_CALL {
            return Err(wasmtime::Error::msg(format!(
                "estive: more than {MAX_EVENTS_PER_CALL} events published in one call"
            )));
        }
        if self.audit_entries > MAX_AUDIT_PER_CALL {
            return Err(wasmtime::Error::msg(format!(
                "estive: more than {MAX_AUDIT_PER_CALL} audit entries in one call"
            )));
        }
        Ok(())
    }
}

/// Why an event payload or audit entry is refused for its size, if it is.
pub fn oversized(payload: &str, limit: usize, what: &str) -> Option<String> {
    (payload.len() > limit)
        .then(|| format!("{what} of {} bytes is larger than {limit}", payload.len()))
}

impl PluginState {
    pub async fn publish(
        &mut self,
        name: String,
        payload: String,
    ) -> wasmtime::Result<Result<(), String>> {
        self.spend(1, 0)?;
        if let Some(e) = oversized(&payload, MAX_EVENT_PAYLOAD, "event payload") {
            return Ok(Err(e));
        }
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
        let row = crate::db::rows::outbox_event(call.site.id, &topic, &payload);
        let stored = self
            .services
            .storage
            .serialized(async |db| sea_orm::ActiveModelTrait::insert(row, db).await)
            .await;
        match stored {
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

    pub async fn audit(
        &mut self,
        action: String,
        subject: String,
        details: String,
    ) -> wasmtime::Result<()> {
        self.spend(0, 1)?;
        if details.len() > MAX_AUDIT_DETAILS || subject.len() > MAX_AUDIT_SUBJECT {
            return Err(wasmtime::Error::msg(format!(
                "estive: an audit entry larger than {MAX_AUDIT_DETAILS} bytes of details or {MAX_AUDIT_SUBJECT} of subject"
            )));
        }
        let call = self.call()?;
        let details = serde_json::from_str(&details).unwrap_or(serde_json::Value::String(details));
        let recorded = self
            .services
            .storage
            .serialized(async |db| {
                crate::identity::audit::record(
                    db,
                    call.site.id,
                    &call.actor,
                    Some(&call.manifest.name),
                    &action,
                    &subject,
                    details,
                )
                .await
            })
            .await;
        if let Err(e) = recorded {
            tracing::error!(error = %e, action, "cannot write the audit log");
        }
        Ok(())
    }
}
