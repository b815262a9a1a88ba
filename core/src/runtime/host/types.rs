use crate::runtime::bindings::types;
use crate::runtime::state::PluginState;

impl types::Host for PluginState {}
