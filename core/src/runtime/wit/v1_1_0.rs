//! `estive:plugin@1.1.0`, additive over 1.0: the request's area, a view's
//! breadcrumbs as a field, typed date, date-time and JSON values, and the
//! ranked full-text `search` of the storage interface.

wasmtime::component::bindgen!({
    world: "estive:plugin/plugin@1.1.0",
    path: "../wit/v1.1.0",
    imports: { default: async | trappable },
    exports: { default: async },
    additional_derives: [PartialEq],
});

pub use estive::plugin::{clock, config, events, http, i18n, log, mail, storage, types};

shared!(storage_extra: {
    async fn search(&mut self, q: storage::RankedSearch) -> StorageResult<storage::Rows> {
        Ok(self.waiting(async |s| s.search(q.convert()).await).await?.convert())
    }
});

records! {
    api::Request => types::Request { context, area, route, method, params, query, form, client }
    types::Crumb => api::Crumb { title, url }
    storage::RankedSearch => ops::TextSearch { table, columns, text, filter, limit, offset }
    storage::Words => ops::Search { columns, text }
}

variants! {
    api::Area => types::Area { Portal, Extranet, Admin }
    storage::Value => ops::Value {
        Null, Boolean(b), Integer(n), Float(f), Text(s), Bytes(b), Date(s), Datetime(s), Json(s)
    }
    ops::Value => storage::Value {
        Null, Boolean(b), Integer(n), Float(f), Text(s), Bytes(b), Date(s), Datetime(s), Json(s)
    }
}

/// A 1.1 view's breadcrumbs are a field. An empty one is none, so that the
/// host still reads the context's `breadcrumb` key of a plugin moved from
/// 1.0 without changing its code.
impl Convert<api::View> for types::View {
    fn convert(self) -> api::View {
        api::View {
            template: self.template,
            context: self.context,
            title: self.title,
            status: self.status,
            breadcrumbs: (!self.breadcrumbs.is_empty()).then(|| self.breadcrumbs.convert()),
        }
    }
}
