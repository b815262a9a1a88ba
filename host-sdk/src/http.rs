//! Outbound HTTP, only to the hosts the site's administrator granted to
//! this plugin.
//!
//! ```no_run
//! use estive_sdk::http::{self, HttpRequest};
//!
//! # fn run() -> Result<(), estive_sdk::Error> {
//! #[derive(serde::Deserialize)]
//! struct Forecast { temperature: f64 }
//!
//! let forecast: Forecast = http::get("https://api.example.fr/meteo?insee=65100")?.json()?;
//!
//! let answer = HttpRequest::post("https://api.example.fr/alerts")
//!     .header("authorization", "Bearer …")
//!     .json(&serde_json::json!({ "level": "orange" }))?
//!     .timeout_ms(5_000)
//!     .send()?;
//! if !answer.is_success() {
//!     estive_sdk::log::warn!("alert refused: {}", answer.status);
//! }
//! # Ok(()) }
//! ```

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::bindings::estive::plugin::http as wit;
use crate::{Error, host};

/// Why a request failed: `NotGranted(host)`, `InvalidUrl(reason)`,
/// `Timeout`, `TooLarge(limit in bytes)` or `Failed(reason)`. `?` turns it
/// into an [`Error::Internal`].
pub use wit::HttpError;

impl From<HttpError> for Error {
    fn from(e: HttpError) -> Self {
        Error::internal(format!("outbound HTTP: {e}"))
    }
}

/// An outbound request being built.
#[derive(Clone, Debug, PartialEq)]
#[must_use = "a request does nothing until sent"]
pub struct HttpRequest {
    /// `GET`, `POST`, `PUT`, `PATCH`, `DELETE` or `HEAD`.
    pub method: String,
    /// Absolute `https://` (or `http://`) URL.
    pub url: String,
    /// Request headers.
    pub headers: Vec<(String, String)>,
    /// Request body, if any.
    pub body: Option<Vec<u8>>,
    /// Give up after this many milliseconds (the host caps it).
    pub timeout_ms: Option<u32>,
}

impl HttpRequest {
    /// A request with any method.
    pub fn new(method: &str, url: &str) -> HttpRequest {
        HttpRequest {
            method: method.to_owned(),
            url: url.to_owned(),
            headers: Vec::new(),
            body: None,
            timeout_ms: None,
        }
    }

    /// A `GET` request.
    pub fn get(url: &str) -> HttpRequest {
        HttpRequest::new("GET", url)
    }

    /// A `POST` request.
    pub fn post(url: &str) -> HttpRequest {
        HttpRequest::new("POST", url)
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: &str) -> HttpRequest {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// Sets the body.
    pub fn body(mut self, body: impl Into<Vec<u8>>) -> HttpRequest {
        self.body = Some(body.into());
        self
    }

    /// Sets a JSON body and its `content-type`.
    ///
    /// # Errors
    ///
    /// [`Error::Internal`] when the value cannot be serialised.
    pub fn json<T: Serialize + ?Sized>(self, value: &T) -> Result<HttpRequest, Error> {
        let body = serde_json::to_vec(value)?;
        Ok(self.header("content-type", "application/json").body(body))
    }

    /// Sets a URL-encoded form body and its `content-type`.
    pub fn form(self, fields: &[(&str, &str)]) -> HttpRequest {
        let body = crate::url::query_string(fields);
        self.header("content-type", "application/x-www-form-urlencoded")
            .body(body)
    }

    /// Gives up after this many milliseconds.
    pub fn timeout_ms(mut self, ms: u32) -> HttpRequest {
        self.timeout_ms = Some(ms);
        self
    }

    /// Sends the request and waits for the whole answer; see [`fetch`].
    ///
    /// # Errors
    ///
    /// As [`fetch`].
    pub fn send(self) -> Result<HttpResponse, HttpError> {
        fetch(self)
    }
}

/// The answer to an outbound request.
#[derive(Clone, Debug, PartialEq)]
pub struct HttpResponse {
    /// HTTP status code.
    pub status: u16,
    /// Response headers, names in lower case.
    pub headers: Vec<(String, String)>,
    /// Response body.
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// Whether the status is 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The first value of a header (give the name in lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as text (invalid UTF-8 replaced by `�`).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The body decoded from JSON.
    ///
    /// # Errors
    ///
    /// [`Error::Internal`] when the body is not JSON that fits `T`.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, Error> {
        Ok(serde_json::from_slice(&self.body)?)
    }
}

/// Sends a `GET` request and waits for the whole answer.
///
/// # Errors
///
/// As [`fetch`].
pub fn get(url: &str) -> Result<HttpResponse, HttpError> {
    fetch(HttpRequest::get(url))
}

/// Sends a request and waits for the whole answer. Any status, 4xx and 5xx
/// included, is an answer: check [`HttpResponse::is_success`].
///
/// # Errors
///
/// [`HttpError::NotGranted`] when the administrator did not grant the
/// URL's host to the plugin; otherwise when the URL is malformed, the
/// server is unreachable or slow, or the body is too large.
pub fn fetch(req: HttpRequest) -> Result<HttpResponse, HttpError> {
    let answer = host::fetch(&wit::HttpRequest {
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: req.body,
        timeout_ms: req.timeout_ms,
    })?;
    Ok(HttpResponse {
        status: answer.status,
        headers: answer.headers,
        body: answer.body,
    })
}
