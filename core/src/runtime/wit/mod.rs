//! The versions of the plugin API the host serves, side by side.
//!
//! Each version is a module with its own bindings, generated from its own
//! frozen WIT folder, and the conversions between its types and the host's
//! own (`runtime::api`, `storage::ops`, the types of `runtime::host`). The
//! rest of the host never sees a generated type: a new API version is one
//! more module here, and what it shares with the others is written once in
//! the macros below. A component says which version it was built against
//! in its `estive:api-version` section; it is linked with that version's
//! linker and called through that version's exports.

use anyhow::{Result, anyhow, bail};
use semver::Version;
use wasmtime::component::{Component, Linker};
use wasmtime::{Engine, Store};

use super::{Call, Reply};
use crate::runtime::state::PluginState;

/// The API versions this host serves, oldest first.
pub const SERVED: [Version; 2] = [Version::new(1, 0, 0), Version::new(1, 1, 0)];

/// Moves a value between a generated type of one API version and the
/// host's own type of the same meaning (either way).
pub trait Convert<T> {
    fn convert(self) -> T;
}

macro_rules! identity {
    ($($t:ty),*) => {
        $(impl Convert<$t> for $t {
            fn convert(self) -> $t {
                self
            }
        })*
    };
}
identity!(String, bool, u8, u16, u32, u64, i64, f64);

impl<A: Convert<B>, B> Convert<Vec<B>> for Vec<A> {
    fn convert(self) -> Vec<B> {
        self.into_iter().map(Convert::convert).collect()
    }
}

impl<A: Convert<B>, B> Convert<Option<B>> for Option<A> {
    fn convert(self) -> Option<B> {
        self.map(Convert::convert)
    }
}

impl<A: Convert<B>, B, E: Convert<F>, F> Convert<Result<B, F>> for Result<A, E> {
    fn convert(self) -> Result<B, F> {
        self.map(Convert::convert).map_err(Convert::convert)
    }
}

impl<A: Convert<C>, B: Convert<D>, C, D> Convert<(C, D)> for (A, B) {
    fn convert(self) -> (C, D) {
        (self.0.convert(), self.1.convert())
    }
}

impl Convert<()> for () {
    fn convert(self) {}
}

/// Records with the same fields on both sides: `From => To { field, … }`.
macro_rules! records {
    ($($from:ty => $to:ty { $($field:ident),* $(,)? })*) => {
        $(impl $crate::runtime::wit::Convert<$to> for $from {
            fn convert(self) -> $to {
                type To = $to;
                To { $($field: $crate::runtime::wit::Convert::convert(self.$field)),* }
            }
        })*
    };
}

/// Variants and enums with the same cases on both sides:
/// `From => To { Case(payload), Case, … }`.
macro_rules! variants {
    ($($from:ty => $to:ty { $($case:ident $(($x:ident))?),* $(,)? })*) => {
        $(impl $crate::runtime::wit::Convert<$to> for $from {
            fn convert(self) -> $to {
                type From = $from;
                type To = $to;
                match self {
                    $(From::$case $(($x))? => To::$case $(($crate::runtime::wit::Convert::convert($x)))?),*
                }
            }
        })*
    };
}

/// What every version shares: the conversions of the types that did not
/// change, the imports' host traits (each import that can wait on I/O
/// through `PluginState::waiting`, so time spent in the host is never
/// charged to the plugin), and the calls of the exports. Expanded inside a version's
/// module, after its `bindgen!`; `$storage_extra` holds the storage imports
/// that version adds.
macro_rules! shared {
    (storage_extra: { $($storage_extra:tt)* }) => {
        use $crate::runtime::api;
        use $crate::runtime::host as h;
        use $crate::runtime::state::PluginState;
        use $crate::runtime::wit::Convert;
        use $crate::storage::ops;
        use $crate::runtime::{Call, Reply};

        records! {
            api::Site => types::Site { slug, name, base_url, timezone }
            api::User => types::User { id, name, roles, permissions, groups }
            api::Context => types::Context { site, user, locale, base_path, mounts }
            api::Client => types::Client { visitor, address }
            api::Event => types::Event { id, topic, payload, published_at }
            types::Redirect => api::Redirect { location, notice }
            types::Download => api::Download { content_type, filename, inline, body }
            types::FieldError => api::FieldError { field, message }

            storage::Cell => ops::Cell { column, value }
            storage::Cells => ops::Cells { column, values }
            storage::Order => ops::Order { column, descending }
            storage::RowQuery => ops::RowQuery { table, columns, filter, order, limit, offset }
            storage::Measure => ops::Measure { function, column, name }
            storage::RowAggregate => ops::RowAggregate { table, filter, group_by, measures, order, limit }
            storage::Link => ops::Link { column, operation }
            storage::RowInsert => ops::RowInsert { table, row, links }
            storage::RowUpdate => ops::RowUpdate { table, filter, set }
            storage::RowDelete => ops::RowDelete { table, filter }
            storage::RowUpsert => ops::RowUpsert { table, row, key, links }
            storage::Expectation => ops::Expectation { table, filter, measure, min, max, message }
            storage::Publication => ops::Publication { name, payload }
            storage::AuditEntry => ops::AuditEntry { action, subject, details }
            ops::Rows => storage::Rows { columns, rows }

            http::HttpRequest => h::http::HttpRequest { method, url, headers, body, timeout_ms }
            h::http::HttpResponse => http::HttpResponse { status, headers, body }
            h::Instant => clock::Instant { unix_millis, utc, local, today }
        }

        variants! {
            api::Method => types::Method { Get, Post }
            types::Response => api::Response { View(v), Redirect(r), Download(d) }
            types::Error => api::Error {
                NotFound(m), Forbidden(m), Invalid(f), Conflict(m), Internal(m)
            }
            storage::Condition => ops::Condition {
                Eq(c), Ne(c), Lt(c), Le(c), Gt(c), Ge(c), Contains(c),
                OneOf(c), NoneOf(c), IsNull(c), NotNull(c), Matches(s)
            }
            storage::Function => ops::Function { Count, Sum, Min, Max, Avg, CountDistinct }
            storage::Operation => ops::Operation {
                Insert(o), Update(o), Delete(o), Upsert(o), Expect(o), Publish(o), Audit(o)
            }
            ops::Outcome => storage::Outcome { Inserted(n), Affected(n), Checked(n), Done }
            ops::StorageError => storage::StorageError {
                UnknownTable(m), UnknownColumn(m), InvalidValue(m), Conflict(m),
                MissingValue(m), InvalidOperation(m), Unavailable(m)
            }
            h::http::HttpError => http::HttpError {
                NotGranted(m), InvalidUrl(m), Timeout, TooLarge(n), Failed(m)
            }
            log::Level => h::log::Level { Trace, Debug, Info, Warn, Error }
        }

        type StorageResult<T> = wasmtime::Result<Result<T, storage::StorageError>>;

        fn inserted(o: ops::Outcome) -> i64 {
            match o {
                ops::Outcome::Inserted(id) => id,
                _ => 0,
            }
        }

        fn affected(o: ops::Outcome) -> u64 {
            match o {
                ops::Outcome::Affected(n) => n,
                _ => 0,
            }
        }

        impl types::Host for PluginState {}

        impl storage::Host for PluginState {
            async fn query(&mut self, q: storage::RowQuery) -> StorageResult<storage::Rows> {
                Ok(self.waiting(async |s| s.query(q.convert()).await).await?.convert())
            }

            async fn aggregate(&mut self, a: storage::RowAggregate) -> StorageResult<storage::Rows> {
                Ok(self.waiting(async |s| s.aggregate(a.convert()).await).await?.convert())
            }

            async fn insert(&mut self, op: storage::RowInsert) -> StorageResult<i64> {
                let op = ops::Operation::Insert(op.convert());
                Ok(self.waiting(async |s| s.write(op).await).await?.map(inserted).convert())
            }

            async fn update(&mut self, op: storage::RowUpdate) -> StorageResult<u64> {
                let op = ops::Operation::Update(op.convert());
                Ok(self.waiting(async |s| s.write(op).await).await?.map(affected).convert())
            }

            async fn delete(&mut self, op: storage::RowDelete) -> StorageResult<u64> {
                let op = ops::Operation::Delete(op.convert());
                Ok(self.waiting(async |s| s.write(op).await).await?.map(affected).convert())
            }

            async fn upsert(&mut self, op: storage::RowUpsert) -> StorageResult<i64> {
                let op = ops::Operation::Upsert(op.convert());
                Ok(self.waiting(async |s| s.write(op).await).await?.map(inserted).convert())
            }

            async fn transaction(
                &mut self,
                ops: Vec<storage::Operation>,
            ) -> StorageResult<Vec<storage::Outcome>> {
                let ops = ops.convert();
                Ok(self.waiting(async |s| s.transaction(ops).await).await?.convert())
            }

            $($storage_extra)*
        }

        impl events::Host for PluginState {
            async fn publish(
                &mut self,
                name: String,
                payload: String,
            ) -> wasmtime::Result<Result<(), String>> {
                self.waiting(async |s| s.publish(name, payload).await).await
            }

            async fn audit(
                &mut self,
                action: String,
                subject: String,
                details: String,
            ) -> wasmtime::Result<()> {
                self.waiting(async |s| s.audit(action, subject, details).await).await
            }
        }

        impl http::Host for PluginState {
            async fn fetch(
                &mut self,
                req: http::HttpRequest,
            ) -> wasmtime::Result<Result<http::HttpResponse, http::HttpError>> {
                Ok(self.waiting(async |s| s.fetch(req.convert()).await).await?.convert())
            }
        }

        impl config::Host for PluginState {
            async fn settings(&mut self) -> wasmtime::Result<String> {
                self.settings_json()
            }
        }

        impl log::Host for PluginState {
            async fn write(&mut self, level: log::Level, message: String) -> wasmtime::Result<()> {
                self.write_log(level.convert(), message)
            }
        }

        impl clock::Host for PluginState {
            async fn now(&mut self) -> wasmtime::Result<clock::Instant> {
                Ok(self.clock_now()?.convert())
            }
        }

        impl i18n::Host for PluginState {
            async fn translate(
                &mut self,
                key: String,
                args: Vec<(String, String)>,
            ) -> wasmtime::Result<String> {
                self.translate_message(&key, &args)
            }
        }

        impl mail::Host for PluginState {
            async fn send(
                &mut self,
                user_id: String,
                subject: String,
                body: String,
            ) -> wasmtime::Result<Result<(), String>> {
                Ok(self
                    .waiting(async |s| s.send_mail(&user_id, &subject, &body).await)
                    .await)
            }
        }

        /// Link WASI 0.2 (sandboxed by each store's context) and every
        /// interface of this version.
        pub fn linker(engine: &wasmtime::Engine) -> anyhow::Result<wasmtime::component::Linker<PluginState>> {
            let mut linker = wasmtime::component::Linker::new(engine);
            wasmtime_wasi::p2::add_to_linker_async(&mut linker)
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            Plugin::add_to_linker::<PluginState, wasmtime::component::HasSelf<PluginState>>(
                &mut linker,
                |s| s,
            )
            .map_err(|e| anyhow::anyhow!("{e}"))?;
            Ok(linker)
        }

        /// Call one export of an instance of this version.
        pub async fn run(
            plugin: &Plugin,
            store: &mut wasmtime::Store<PluginState>,
            call: Call,
        ) -> wasmtime::Result<Reply> {
            Ok(match call {
                Call::Handle(req) => {
                    Reply::Handle(plugin.call_handle(store, &req.convert()).await?.convert())
                }
                Call::Event(ctx, ev) => Reply::Unit(
                    plugin
                        .call_on_event(store, &ctx.convert(), &ev.convert())
                        .await?,
                ),
                Call::Schedule(ctx, task) => {
                    Reply::Unit(plugin.call_on_schedule(store, &ctx.convert(), &task).await?)
                }
                Call::Widget(ctx, name) => {
                    Reply::Widget(plugin.call_widget(store, &ctx.convert(), &name).await?.convert())
                }
                Call::ExportUser(ctx, user) => Reply::Json(
                    plugin
                        .call_export_user_data(store, &ctx.convert(), &user)
                        .await?,
                ),
                Call::EraseUser(ctx, user) => Reply::Unit(
                    plugin
                        .call_erase_user_data(store, &ctx.convert(), &user)
                        .await?,
                ),
            })
        }
    };
}

pub mod v1_0_0;
pub mod v1_1_0;

/// The newest version: what the SDK builds against.
pub use v1_1_0 as latest;

/// A component checked against its version's world, ready to instantiate.
pub enum Pre {
    V1_0(v1_0_0::PluginPre<PluginState>),
    V1_1(v1_1_0::PluginPre<PluginState>),
}

/// An instance of a component, in its version's bindings.
pub enum Instance {
    V1_0(v1_0_0::Plugin),
    V1_1(v1_1_0::Plugin),
}

/// One linker per served version.
pub struct Linkers {
    v1_0: Linker<PluginState>,
    v1_1: Linker<PluginState>,
}

impl Linkers {
    /// # Errors
    /// A duplicate definition (a bug).
    pub fn new(engine: &Engine) -> Result<Linkers> {
        Ok(Linkers {
            v1_0: v1_0_0::linker(engine)?,
            v1_1: v1_1_0::linker(engine)?,
        })
    }

    /// Link `component`, built against `api`, with that version's imports
    /// and check it has that version's exports.
    ///
    /// # Errors
    /// The version is not served, or the component does not match it.
    pub fn prepare(&self, component: &Component, api: &Version) -> Result<Pre> {
        let imports = |e: wasmtime::Error| {
            anyhow!("plugin.wasm imports something estive:plugin@{api} does not provide: {e:#}")
        };
        let exports = |e: wasmtime::Error| {
            anyhow!("plugin.wasm does not export what estive:plugin@{api} requires: {e:#}")
        };
        Ok(match (api.major, api.minor) {
            (1, 0) => Pre::V1_0(
                v1_0_0::PluginPre::new(self.v1_0.instantiate_pre(component).map_err(imports)?)
                    .map_err(exports)?,
            ),
            (1, 1) => Pre::V1_1(
                v1_1_0::PluginPre::new(self.v1_1.instantiate_pre(component).map_err(imports)?)
                    .map_err(exports)?,
            ),
            _ => bail!("estive:plugin@{api} is not served by this host"),
        })
    }
}

impl Pre {
    /// A new instance in `store`.
    ///
    /// # Errors
    /// Instantiation failed (the component's start trapped, or memory).
    pub async fn instantiate(&self, store: &mut Store<PluginState>) -> wasmtime::Result<Instance> {
        Ok(match self {
            Pre::V1_0(pre) => Instance::V1_0(pre.instantiate_async(store).await?),
            Pre::V1_1(pre) => Instance::V1_1(pre.instantiate_async(store).await?),
        })
    }
}

impl Instance {
    /// Call one export.
    ///
    /// # Errors
    /// The guest trapped, or ran out of time or memory.
    pub async fn run(&self, store: &mut Store<PluginState>, call: Call) -> wasmtime::Result<Reply> {
        match self {
            Instance::V1_0(p) => v1_0_0::run(p, store, call).await,
            Instance::V1_1(p) => v1_1_0::run(p, store, call).await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SERVED;

    #[test]
    fn the_newest_served_version_is_the_one_packages_are_checked_against() {
        assert_eq!(SERVED.last(), Some(&crate::package::API_VERSION));
        for v in &SERVED {
            assert!(crate::package::api_served(v), "{v}");
        }
    }
}
