//! Host bindings of the plugin world, generated once for the whole host.
//!
//! Every import is async (storage and http wait on I/O) and trappable (a host
//! fault traps the guest instead of handing it a made-up value).

wasmtime::component::bindgen!({
    world: "estive:plugin/plugin@1.0.0",
    path: "../wit/v1.0.0",
    imports: { default: async | trappable },
    exports: { default: async },
    additional_derives: [PartialEq],
});

pub use estive::plugin::{clock, config, events, http, i18n, log, mail, storage, types};
