use super::events::{MAX_AUDIT_DETAILS, MAX_EVENT_PAYLOAD, oversized};
use crate::runtime::bindings::storage::{self, Operation, Outcome, Rows, StorageError};
use crate::runtime::state::PluginState;

type Res<T> = wasmtime::Result<Result<T, StorageError>>;

fn inserted(o: Outcome) -> i64 {
    match o {
        Outcome::Inserted(id) => id,
        _ => 0,
    }
}

fn affected(o: Outcome) -> u64 {
    match o {
        Outcome::Affected(n) => n,
        _ => 0,
    }
}

/// Run a storage operation, counting the wait as the host's, not the
/// plugin's (queueing behind other writers must not eat its deadline).
/// Every import of this interface goes through it, single-row writes
/// included.
macro_rules! timed {
    ($state:ident, |$call:ident, $storage:ident| $body:expr) => {{
        let started = std::time::Instant::now();
        let out = {
            let $call = $state.call()?;
            let $storage = &$state.services.storage;
            $body.await
        };
        $state.host_wait += started.elapsed();
        out
    }};
}

impl storage::Host for PluginState {
    async fn query(&mut self, q: storage::RowQuery) -> Res<Rows> {
        Ok(timed!(self, |call, storage| storage.query(call.scope(), q)))
    }

    async fn aggregate(&mut self, a: storage::RowAggregate) -> Res<Rows> {
        Ok(timed!(self, |call, storage| storage.aggregate(call.scope(), a)))
    }

    async fn insert(&mut self, op: storage::RowInsert) -> Res<i64> {
        Ok(timed!(self, |call, storage| storage
            .write(call.scope(), Operation::Insert(op)))
        .map(inserted))
    }

    async fn update(&mut self, op: storage::RowUpdate) -> Res<u64> {
        Ok(timed!(self, |call, storage| storage
            .write(call.scope(), Operation::Update(op)))
        .map(affected))
    }

    async fn delete(&mut self, op: storage::RowDelete) -> Res<u64> {
        Ok(timed!(self, |call, storage| storage
            .write(call.scope(), Operation::Delete(op)))
        .map(affected))
    }

    async fn upsert(&mut self, op: storage::RowUpsert) -> Res<i64> {
        Ok(timed!(self, |call, storage| storage
            .write(call.scope(), Operation::Upsert(op)))
        .map(inserted))
    }

    async fn transaction(&mut self, ops: Vec<Operation>) -> Res<Vec<Outcome>> {
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
        let publishes = events > 0;
        let out = timed!(self, |call, storage| storage.transaction(call.scope(), ops));
        if publishes && out.is_ok() {
            self.services.outbox.notify_one();
        }
        Ok(out)
    }
}
