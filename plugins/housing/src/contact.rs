//! Placeholder until written.

use estive_sdk::prelude::*;

/// Placeholder.
///
/// # Errors
/// Always.
pub fn start(_req: &Request) -> Result<Response, Error> {
    Err(Error::not_found(messages::NOT_FOUND))
}

/// Placeholder.
///
/// # Errors
/// Always.
pub fn list(_req: &Request) -> Result<Response, Error> {
    Err(Error::not_found(messages::NOT_FOUND))
}

/// Placeholder.
///
/// # Errors
/// Always.
pub fn show(_req: &Request) -> Result<Response, Error> {
    Err(Error::not_found(messages::NOT_FOUND))
}
