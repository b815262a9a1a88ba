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

impl storage::Host for PluginState {
    async fn query(&mut self, q: storage::RowQuery) -> Res<Rows> {
        let call = self.call()?;
        Ok(self.services.storage.query(call.scope(), q).await)
    }

    async fn aggregate(&mut self, a: storage::RowAggregate) -> Res<Rows> {
        let call = self.call()?;
        Ok(self.services.storage.aggregate(call.scope(), a).await)
    }

    async fn insert(&mut self, op: storage::RowInsert) -> Res<i64> {
        let call = self.call()?;
        Ok(self
            .services
            .storage
            .write(call.scope(), Operation::Insert(op))
            .await
            .map(inserted))
    }

    async fn update(&mut self, op: storage::RowUpdate) -> Res<u64> {
        let call = self.call()?;
        Ok(self
            .services
            .storage
            .write(call.scope(), Operation::Update(op))
            .await
            .map(affected))
    }

    async fn delete(&mut self, op: storage::RowDelete) -> Res<u64> {
        let call = self.call()?;
        Ok(self
            .services
            .storage
            .write(call.scope(), Operation::Delete(op))
            .await
            .map(affected))
    }

    async fn upsert(&mut self, op: storage::RowUpsert) -> Res<i64> {
        let call = self.call()?;
        Ok(self
            .services
            .storage
            .write(call.scope(), Operation::Upsert(op))
            .await
            .map(inserted))
    }

    async fn transaction(&mut self, ops: Vec<Operation>) -> Res<Vec<Outcome>> {
        let call = self.call()?;
        let publishes = ops.iter().any(|o| matches!(o, Operation::Publish(_)));
        let out = self.services.storage.transaction(call.scope(), ops).await;
        if publishes && out.is_ok() {
            self.services.outbox.notify_one();
        }
        Ok(out)
    }
}
