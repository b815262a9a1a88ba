//! Placeholder until written.

use estive_sdk::prelude::*;

/// Placeholder.
///
/// # Errors
/// Never.
pub fn housekeeping(_ctx: &Context) -> Result<(), Error> {
    Ok(())
}

/// Placeholder.
///
/// # Errors
/// Never.
pub fn purge(_ctx: &Context) -> Result<(), Error> {
    Ok(())
}
