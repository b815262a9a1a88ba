//! Placeholder until written.

use estive_sdk::prelude::*;

/// Placeholder.
///
/// # Errors
/// Always.
pub fn request(_req: &Request) -> Result<Response, Error> {
    Err(Error::not_found(messages::NOT_FOUND))
}

/// Placeholder.
///
/// # Errors
/// Always.
pub fn home(_req: &Request) -> Result<Response, Error> {
    Err(Error::not_found(messages::NOT_FOUND))
}

/// Placeholder.
///
/// # Errors
/// Always.
pub fn profile(_req: &Request) -> Result<Response, Error> {
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
pub fn decide(_req: &Request) -> Result<Response, Error> {
    Err(Error::not_found(messages::NOT_FOUND))
}
