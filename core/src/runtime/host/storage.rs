//! The `storage` interface: the plugin's tables on the call's site.

use super::events::{MAX_AUDIT_DETAILS, MAX_EVENT_PAYLOAD, oversized};
use crate::runtime::state::PluginState;
use crate::storage::ops::{Operation, Outcome, Rows, StorageError, TextSearch};

type Res<T> = wasmtime::Result<Result<T, StorageError>>;

impl PluginState {
    pub async fn query(&mut self, q: crate::storage::ops::RowQuery) -> Res<Rows> {
        let call = self.call()?;
        Ok(self.services.storage.query(call.scope(), q).await)
    }

    pub async fn aggregate(&mut self, a: crate::storage::ops::RowAggregate) -> Res<Rows> {
        let call = self.call()?;
        Ok(self.services.storage.aggregate(call.scope(), a).await)
    }

    pub async fn search(&mut self, q: TextSearch) -> Res<Rows> {
        let call = self.call()?;
        Ok(self.services.storage.search(call.scope(), q).await)
    }

    /// One write outside a transaction (`insert`, `update`, `delete`,
    /// `upsert`).
    pub async fn write(&mut self, op: Operation) -> Res<Outcome> {
        let call = self.call()?;
        Ok(self.services.storage.write(call.scope(), op).await)
    }

    pub async fn transaction(&mut self, ops: Vec<Operation>) -> Res<Vec<Outcome>> {
        let (mut events, mut entries) = (0u32, 0u32);
        for o in &ops {
            match o {
                Operation::Publish(p) => {
                    events += 1;
                    if let Some(e) = oversized(&p.payload, MAX_EVENT_PAYLOAD, "event payload") {
                        return Ok(Err(StorageError::InvalidValue(e)));
                    }
                }
                Operation::Audit(a) => {
                    entries += 1;
                    if let Some(e) = oversized(&a.details, MAX_AUDIT_DETAILS, "audit details") {
                        return Ok(Err(StorageError::InvalidValue(e)));
                    }
                }
                _ => {}
            }
        }
        self.spend(events, entries)?;
        let call = self.call()?;
        let out = self.services.storage.transaction(call.scope(), ops).await;
        if events > 0 && out.is_ok() {
            self.services.outbox.notify_one();
        }
        Ok(out)
    }
}
