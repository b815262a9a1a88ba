//! Text the host accepts from a request. PostgreSQL's `text` cannot hold
//! U+0000 (SQLite can): a NUL byte that reached a query failed there with a
//! 500 and passed on SQLite. It is refused here, at the edge, with a field
//! error naming the field in the visitor's language (422), on both
//! databases alike, before any handler or plugin sees the request: in a
//! form body (the host's forms and the plugins'), in the query string, and
//! in the path (where it can only come from `%00`).
//!
//! The storage layer refuses the same characters in what plugins write
//! ([`crate::storage::unstorable`]), so a plugin that builds such text
//! itself gets an `invalid-value` error rather than a database fault.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::error::Error;
use crate::storage::{unstorable, unstorable_char};

/// Largest urlencoded body read here: the limit axum's `Form` and the
/// plugin form reader apply anyway.
pub const MAX_FORM: usize = 2 << 20;

/// Message of the field error (host catalogue key).
pub const REFUSED_TEXT: &str = "error-field-refused-character";

/// The first field among `pairs` whose name or value the databases cannot
/// store, as it may be shown on the error page.
pub fn refused_field<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Option<String> {
    pairs
        .into_iter()
        .find(|(k, v)| unstorable(k) || unstorable(v))
        .map(|(k, _)| shown_name(k))
}

/// A field error for a field whose text cannot be stored.
pub fn refused(field: String) -> Error {
    Error::Invalid(vec![(field, REFUSED_TEXT.into())])
}

/// A field name as the error page shows it: the refused characters
/// replaced, and short.
fn shown_name(name: &str) -> String {
    name.chars()
        .map(|c| if unstorable_char(c) { '\u{fffd}' } else { c })
        .take(64)
        .collect()
}

fn is_urlencoded(req: &Request) -> bool {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return false;
    }
    // The plugin form reader takes a body without a type as urlencoded.
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|ct| ct.starts_with("application/x-www-form-urlencoded"))
}

/// Middleware: refuse a request whose path, query or urlencoded body
/// carries text the databases cannot store. Multipart bodies are checked by
/// the plugin form reader, the only reader of them.
pub async fn refuse_unstorable_text(req: Request, next: Next) -> Response {
    // `%00` is the only way a NUL reaches a decoded path segment.
    if req.uri().path().to_ascii_lowercase().contains("%00") {
        return Error::NotFound(None).into_response();
    }
    if let Some(q) = req.uri().query() {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(q).unwrap_or_default();
        if let Some(field) = refused_field(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))) {
            return refused(field).into_response();
        }
    }
    if !is_urlencoded(&req) {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_FORM).await else {
        return Error::BadRequest("error-form-too-large".into()).into_response();
    };
    // A body that is not a form is left to the handler to refuse.
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
    if let Some(field) = refused_field(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))) {
        return refused(field).into_response();
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nul_in_a_name_or_a_value_names_its_field() {
        assert_eq!(
            refused_field([("a", "ok"), ("b", "x\0y")]),
            Some("b".into())
        );
        assert_eq!(refused_field([("c\0", "ok")]), Some("c\u{fffd}".into()));
        assert_eq!(refused_field([("a", "tab\tnew\nline\r")]), None);
    }

    #[test]
    fn a_shown_field_name_is_short() {
        let long = "n".repeat(10_000);
        assert_eq!(
            refused_field([(long.as_str(), "\0")]).map(|n| n.len()),
            Some(64)
        );
    }
}
