//! `estive:plugin@1.0.0`: the first published API, served for as long as
//! plugins built against it exist.
//!
//! Beside what every version shares, 1.0 lacks the request's area, has no
//! breadcrumb field (a view's breadcrumb is its context's `breadcrumb`
//! key), no ranked search, and passes date, date-time and JSON values as
//! text.

wasmtime::component::bindgen!({
    world: "estive:plugin/plugin@1.0.0",
    path: "../wit/v1.0.0",
    imports: { default: async | trappable },
    exports: { default: async },
    additional_derives: [PartialEq],
});

pub use estive::plugin::{clock, config, events, http, i18n, log, mail, storage, types};

shared!(storage_extra: {});

records! {
    storage::Search => ops::Search { columns, text }
}

impl Convert<types::Request> for api::Request {
    fn convert(self) -> types::Request {
        types::Request {
            context: self.context.convert(),
            route: self.route,
            method: self.method.convert(),
            params: self.params,
            query: self.query,
            form: self.form,
            client: self.client.convert(),
        }
    }
}

/// A 1.0 view has no breadcrumb field.
impl Convert<api::View> for types::View {
    fn convert(self) -> api::View {
        api::View {
            template: self.template,
            context: self.context,
            title: self.title,
            status: self.status,
            breadcrumbs: None,
        }
    }
}

impl Convert<ops::Value> for storage::Value {
    fn convert(self) -> ops::Value {
        match self {
            storage::Value::Null => ops::Value::Null,
            storage::Value::Boolean(b) => ops::Value::Boolean(b),
            storage::Value::Integer(n) => ops::Value::Integer(n),
            storage::Value::Float(f) => ops::Value::Float(f),
            storage::Value::Text(s) => ops::Value::Text(s),
            storage::Value::Bytes(b) => ops::Value::Bytes(b),
        }
    }
}

impl Convert<storage::Value> for ops::Value {
    fn convert(self) -> storage::Value {
        match self {
            ops::Value::Null => storage::Value::Null,
            ops::Value::Boolean(b) => storage::Value::Boolean(b),
            ops::Value::Integer(n) => storage::Value::Integer(n),
            ops::Value::Float(f) => storage::Value::Float(f),
            ops::Value::Text(s)
            | ops::Value::Date(s)
            | ops::Value::Datetime(s)
            | ops::Value::Json(s) => storage::Value::Text(s),
            ops::Value::Bytes(b) => storage::Value::Bytes(b),
        }
    }
}
