//! The web layer's one error type. A handler returns `Err(Error)`; the
//! response carries an [`ErrorPage`] extension that the `render_errors`
//! middleware turns into a page in the site's layout, in the visitor's
//! language. Internal details are logged, never shown.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// What the error page shows.
#[derive(Debug, Clone)]
pub struct ErrorPage {
    pub status: StatusCode,
    /// A message for the person: a catalogue key or plain text from a
    /// plugin.
    pub message: Option<String>,
    /// Field errors (422): (field, message key or text).
    pub fields: Vec<(String, String)>,
    /// Where to send someone who must sign in.
    pub login_next: Option<String>,
    /// The host refused access before any plugin code ran (a header says
    /// so, which the permission-matrix tests rely on).
    pub refused_by_host: bool,
}

/// Where [`Error::SecondFactorRequired`] sends an administrator.
pub const SECOND_FACTOR_PAGE: &str = "/compte/double-authentification";

/// Header on responses refused by the host's access checks.
pub const REFUSED_HEADER: &str = "x-estive-refused";

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("not found")]
    NotFound(Option<String>),
    #[error("forbidden")]
    Forbidden(Option<String>),
    /// The area or the route's permission does not allow this user.
    #[error("access denied by the host")]
    AccessDenied,
    #[error("sign-in required")]
    SignIn { next: String },
    /// An administrator of a site that requires the second factor has not
    /// turned it on: sent to set it up.
    #[error("second factor required")]
    SecondFactorRequired,
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("invalid or missing CSRF token")]
    Csrf,
    #[error("invalid input")]
    Invalid(Vec<(String, String)>),
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("too many requests")]
    TooMany,
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("service unavailable: {0}")]
    Unavailable(String),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sea_orm::DbErr> for Error {
    fn from(e: sea_orm::DbErr) -> Self {
        Error::Internal(e.into())
    }
}

impl Error {
    pub fn status(&self) -> StatusCode {
        match self {
            Error::NotFound(_) => StatusCode::NOT_FOUND,
            Error::Forbidden(_) | Error::AccessDenied | Error::Csrf => StatusCode::FORBIDDEN,
            Error::SignIn { .. } => StatusCode::UNAUTHORIZED,
            Error::SecondFactorRequired => StatusCode::SEE_OTHER,
            Error::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Error::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Error::Conflict(_) => StatusCode::CONFLICT,
            Error::TooMany => StatusCode::TOO_MANY_REQUESTS,
            Error::BadRequest(_) => StatusCode::BAD_REQUEST,
            Error::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Error::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        if let Error::SecondFactorRequired = self {
            let mut r = (StatusCode::SEE_OTHER, ()).into_response();
            r.headers_mut().insert(
                axum::http::header::LOCATION,
                axum::http::HeaderValue::from_static(SECOND_FACTOR_PAGE),
            );
            r.headers_mut().insert(
                REFUSED_HEADER,
                axum::http::HeaderValue::from_static("second-factor"),
            );
            return r;
        }
        let status = self.status();
        let refused_by_host = matches!(
            self,
            Error::AccessDenied | Error::SignIn { .. } | Error::Csrf
        );
        let (message, fields, login_next) = match self {
            Error::NotFound(m) | Error::Forbidden(m) => (m, Vec::new(), None),
            Error::SignIn { next } => (
                Some("error-sign-in-required".into()),
                Vec::new(),
                Some(next),
            ),
            Error::Csrf => (Some("error-csrf".into()), Vec::new(), None),
            Error::Invalid(f) => (None, f, None),
            Error::Conflict(m) => (Some(m), Vec::new(), None),
            Error::BadRequest(m) => {
                tracing::info!(reason = %m, "bad request");
                (Some(m), Vec::new(), None)
            }
            Error::Unavailable(m) => {
                tracing::warn!(reason = %m, "service unavailable");
                (None, Vec::new(), None)
            }
            Error::Internal(e) => {
                tracing::error!(error = %format!("{e:#}"), "internal error");
                (None, Vec::new(), None)
            }
            Error::MethodNotAllowed
            | Error::TooMany
            | Error::AccessDenied
            | Error::SecondFactorRequired => (None, Vec::new(), None),
        };
        let mut resp = (status, status.canonical_reason().unwrap_or("error")).into_response();
        resp.extensions_mut().insert(ErrorPage {
            status,
            message,
            fields,
            login_next,
            refused_by_host,
        });
        resp
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
