//! What the host hands a plugin and what it gets back, independent of any
//! version of the plugin API.
//!
//! The rest of the host builds and reads these; each version of the WIT
//! world (`runtime::wit::v1_0_0`, `v1_1_0`) converts them at the call's
//! edge. A field a version does not have is dropped on the way in (the
//! request's area for 1.0) or comes back empty (a 1.0 view's breadcrumbs,
//! which 1.0 plugins put in their template context instead).

pub use crate::package::manifest::Area;

/// The site of a call.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    pub slug: String,
    pub name: String,
    pub base_url: String,
    pub timezone: String,
}

/// The signed-in user of a call.
#[derive(Debug, Clone, PartialEq)]
pub struct User {
    pub id: String,
    pub name: String,
    pub roles: Vec<String>,
    pub permissions: Vec<String>,
    pub groups: Vec<String>,
}

/// Who is calling, where and in which language.
#[derive(Debug, Clone, PartialEq)]
pub struct Context {
    pub site: Site,
    pub user: Option<User>,
    pub locale: String,
    pub base_path: String,
    pub mounts: Vec<(String, String)>,
}

/// The method of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

/// Pseudonymous identifiers of an anonymous browser.
#[derive(Debug, Clone, PartialEq)]
pub struct Client {
    pub visitor: String,
    pub address: String,
}

/// A request routed to a plugin.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub context: Context,
    /// The area of the matched route.
    pub area: Area,
    pub route: String,
    pub method: Method,
    pub params: Vec<(String, String)>,
    pub query: Vec<(String, String)>,
    pub form: Vec<(String, String)>,
    pub client: Client,
}

/// A breadcrumb step a plugin asks for, checked by the host before it is
/// printed.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct Crumb {
    pub title: String,
    pub url: String,
}

/// A page to render from one of the plugin's templates.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    pub template: String,
    pub context: String,
    pub title: String,
    pub status: u16,
    /// Breadcrumb steps given as a field (API 1.1); `None` when the API
    /// version has no such field and the steps, if any, are the context's
    /// `breadcrumb` key.
    pub breadcrumbs: Option<Vec<Crumb>>,
}

/// Send the browser elsewhere.
#[derive(Debug, Clone, PartialEq)]
pub struct Redirect {
    pub location: String,
    pub notice: Option<String>,
}

/// A file to download.
#[derive(Debug, Clone, PartialEq)]
pub struct Download {
    pub content_type: String,
    pub filename: String,
    pub inline: bool,
    pub body: Vec<u8>,
}

/// A successful answer to a request.
#[derive(Debug, Clone, PartialEq)]
pub enum Response {
    View(View),
    Redirect(Redirect),
    Download(Download),
}

/// A message about one form field.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// A request that could not be served.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    NotFound(String),
    Forbidden(String),
    Invalid(Vec<FieldError>),
    Conflict(String),
    Internal(String),
}

/// An event published by a plugin of the same site.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: u64,
    pub topic: String,
    pub payload: String,
    pub published_at: String,
}
