//! Placeholder until written.

use estive_sdk::prelude::*;

/// Placeholder.
///
/// # Errors
/// Always.
pub fn page(_req: &Request) -> Result<Response, Error> {
    Err(Error::not_found(messages::NOT_FOUND))
}

/// Placeholder.
///
/// # Errors
/// Always.
pub fn csv(_req: &Request) -> Result<Response, Error> {
    Err(Error::not_found(messages::NOT_FOUND))
}

/// Placeholder.
///
/// # Errors
/// Never.
pub fn publish(_ctx: &Context) -> Result<(), Error> {
    Ok(())
}
