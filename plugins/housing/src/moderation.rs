//! Placeholder until written.

use estive_sdk::prelude::*;

/// Placeholder.
///
/// # Errors
/// Always.
pub fn queue(_req: &Request) -> Result<Response, Error> {
    Err(Error::not_found(messages::NOT_FOUND))
}

/// Placeholder.
///
/// # Errors
/// Always.
pub fn review(_req: &Request) -> Result<Response, Error> {
    Err(Error::not_found(messages::NOT_FOUND))
}

/// Placeholder.
///
/// # Errors
/// Never.
pub fn widget_to_review(_ctx: &Context) -> Result<Option<View>, Error> {
    Ok(None)
}
