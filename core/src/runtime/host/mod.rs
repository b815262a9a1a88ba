//! The host side of the plugin world, one module per WIT interface, written
//! once over the host's own types: `impl PluginState` methods that every
//! API version's bindings (`runtime::wit`) call after converting.

mod clock;
mod config;
mod events;
pub mod http;
mod i18n;
pub mod log;
pub mod mail;
mod storage;

pub use clock::Instant;
pub use events::{MAX_AUDIT_PER_CALL, MAX_EVENTS_PER_CALL};
