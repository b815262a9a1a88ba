//! The site's settings for this plugin.
//!
//! The administrator sets them in the admin area; the host fills in the
//! defaults of the manifest's settings schema, so every declared setting
//! has a value.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::{Error, host};

/// All settings, deserialised into a type of your own.
///
/// ```no_run
/// # use estive_sdk::prelude::*;
/// #[derive(serde::Deserialize)]
/// struct Settings {
///     max_options: u32,
///     anonymous_votes: bool,
/// }
///
/// # fn run() -> Result<(), Error> {
/// let settings: Settings = config::settings()?;
/// # Ok(()) }
/// ```
///
/// # Errors
///
/// [`Error::Internal`] when the settings do not fit `T` (the manifest's
/// schema and the type disagree).
pub fn settings<T: DeserializeOwned>() -> Result<T, Error> {
    serde_json::from_str(&host::settings()).map_err(|e| {
        Error::internal(format!(
            "the settings do not fit {}: {e}",
            std::any::type_name::<T>()
        ))
    })
}

/// All settings as a JSON object (empty if the host sent something else).
pub fn all() -> Map<String, Value> {
    match serde_json::from_str(&host::settings()) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// One setting, if it exists.
///
/// ```no_run
/// let max = estive_sdk::config::get("max_options")
///     .and_then(|v| v.as_u64())
///     .unwrap_or(5);
/// ```
pub fn get(key: &str) -> Option<Value> {
    all().remove(key)
}
