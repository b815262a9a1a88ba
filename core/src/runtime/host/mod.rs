//! The host side of the plugin world: one module per WIT interface, each an
//! `impl <interface>::Host for PluginState`.

mod clock;
mod config;
mod events;
pub mod http;
mod i18n;
mod log;
pub mod mail;
mod storage;
mod types;

use anyhow::{Result, anyhow};
use wasmtime::component::{HasSelf, Linker};

use crate::runtime::bindings::Plugin;
use crate::runtime::state::PluginState;

/// Link WASI 0.2 (sandboxed by each store's context) and every Estive
/// interface.
///
/// # Errors
/// A duplicate definition (a bug).
pub fn add_to_linker(linker: &mut Linker<PluginState>) -> Result<()> {
    wasmtime_wasi::p2::add_to_linker_async(linker).map_err(|e| anyhow!("{e}"))?;
    Plugin::add_to_linker::<PluginState, HasSelf<PluginState>>(linker, |s| s)
        .map_err(|e| anyhow!("{e}"))?;
    Ok(())
}
