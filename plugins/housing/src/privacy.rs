//! Placeholder until written.

use estive_sdk::prelude::*;

/// Placeholder.
///
/// # Errors
/// Never.
pub fn export(_user_id: &str) -> Result<serde_json::Value, Error> {
    Ok(json!({}))
}

/// Placeholder.
///
/// # Errors
/// Never.
pub fn erase(_user_id: &str) -> Result<(), Error> {
    Ok(())
}
