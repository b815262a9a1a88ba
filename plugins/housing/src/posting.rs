//! Placeholder until written.

use estive_sdk::prelude::*;

/// Placeholder.
///
/// # Errors
/// Always.
pub fn new(_req: &Request) -> Result<Response, Error> {
    Err(Error::not_found(messages::NOT_FOUND))
}

/// Placeholder.
///
/// # Errors
/// Always.
pub fn edit(_req: &Request) -> Result<Response, Error> {
    Err(Error::not_found(messages::NOT_FOUND))
}

/// Placeholder.
///
/// # Errors
/// Always.
pub fn state(_req: &Request) -> Result<Response, Error> {
    Err(Error::not_found(messages::NOT_FOUND))
}
