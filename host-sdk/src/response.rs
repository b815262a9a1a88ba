//! What a handler answers: a page, a redirect, a file, or an error.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::bindings::estive::plugin::storage::StorageError;
use crate::bindings::estive::plugin::types as wit;

/// A breadcrumb step of a [`View`]: a title and where it leads.
pub use wit::Crumb;

/// A successful answer to a request.
///
/// Handlers usually build a [`View`], [`Redirect`] or [`Download`] and turn
/// it into a `Response` with `.into()`.
#[derive(Clone, Debug, PartialEq)]
pub enum Response {
    /// Render a page.
    View(View),
    /// Send the browser elsewhere.
    Redirect(Redirect),
    /// Send a file.
    Download(Download),
}

impl From<View> for Response {
    fn from(view: View) -> Self {
        Response::View(view)
    }
}

impl From<Redirect> for Response {
    fn from(redirect: Redirect) -> Self {
        Response::Redirect(redirect)
    }
}

impl From<Download> for Response {
    fn from(download: Download) -> Self {
        Response::Download(download)
    }
}

impl Response {
    /// The WIT response, or the error a view kept while it was built.
    pub(crate) fn into_wit(self) -> Result<wit::Response, Error> {
        Ok(match self {
            Response::View(view) => wit::Response::View(view.into_wit()?),
            Response::Redirect(r) => wit::Response::Redirect(wit::Redirect {
                location: r.location,
                notice: r.notice,
            }),
            Response::Download(d) => wit::Response::Download(wit::Download {
                content_type: d.content_type,
                filename: d.filename,
                inline: d.inline,
                body: d.body,
            }),
        })
    }
}

/// A page to render: one of the plugin's templates and its context.
///
/// Build it with [`view`]. The host renders the template (from the
/// package's `templates/`) with autoescaping inside the site's layout.
///
/// ```
/// use estive_sdk::view;
/// use serde_json::json;
///
/// let page = view("poll.html")
///     .title("Sondage")
///     .with(json!({ "poll": { "id": 42 } }))
///     .set("can_vote", true);
/// assert_eq!(page.context["poll"]["id"], 42);
/// assert_eq!(page.context["can_vote"], true);
/// assert_eq!(page.status, 200);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct View {
    /// Template path inside `templates/`, e.g. `poll.html`.
    pub template: String,
    /// Page title (browser tab, and main heading when the template has none).
    pub title: String,
    /// HTTP status: 200, or e.g. 422 to show a form again with its errors.
    pub status: u16,
    /// The template context, a JSON object.
    pub context: Map<String, Value>,
    /// The breadcrumb steps before the page's own title, home first.
    pub breadcrumbs: Vec<Crumb>,
    /// Why a part of the context could not be serialised, reported as an
    /// internal error when the view is sent.
    fault: Option<String>,
}

/// Starts a [`View`] of a template, with status 200, no title and an empty
/// context.
pub fn view(template: impl Into<String>) -> View {
    View {
        template: template.into(),
        title: String::new(),
        status: 200,
        context: Map::new(),
        breadcrumbs: Vec::new(),
        fault: None,
    }
}

impl View {
    /// Sets the page title.
    #[must_use]
    pub fn title(mut self, title: impl Into<String>) -> View {
        self.title = title.into();
        self
    }

    /// Adds the fields of `context`, which must serialise to a map (a
    /// struct, a map or `json!({…})`), to the template context. Later
    /// fields replace earlier ones of the same name.
    ///
    /// A value that does not serialise to a map is reported as an internal
    /// error when the response is sent.
    #[must_use]
    pub fn with(mut self, context: impl Serialize) -> View {
        match serde_json::to_value(context) {
            Ok(Value::Object(fields)) => self.context.extend(fields),
            Ok(other) => self.fail(format!(
                "the context of {} must be a map, not {other}",
                self.template
            )),
            Err(e) => self.fail(format!("context of {}: {e}", self.template)),
        }
        self
    }

    /// Sets one variable of the template context.
    ///
    /// A value that cannot be serialised is reported as an internal error
    /// when the response is sent.
    #[must_use]
    pub fn set(mut self, name: &str, value: impl Serialize) -> View {
        match serde_json::to_value(value) {
            Ok(value) => {
                self.context.insert(name.to_owned(), value);
            }
            Err(e) => self.fail(format!("`{name}` of {}: {e}", self.template)),
        }
        self
    }

    /// Adds a breadcrumb step (a path on the site, or an `https://` URL),
    /// after the steps added before. The host prints them above the page,
    /// home first, then the page's own title.
    ///
    /// ```
    /// use estive_sdk::view;
    ///
    /// let page = view("poll.html")
    ///     .title("Horaires de la piscine")
    ///     .crumb("Consultations", "/consultations");
    /// assert_eq!(page.breadcrumbs[0].url, "/consultations");
    /// ```
    #[must_use]
    pub fn crumb(mut self, title: impl Into<String>, url: impl Into<String>) -> View {
        self.breadcrumbs.push(Crumb {
            title: title.into(),
            url: url.into(),
        });
        self
    }

    /// Sets the HTTP status, e.g. 422 to show a form again with its errors.
    #[must_use]
    pub fn status(mut self, status: u16) -> View {
        self.status = status;
        self
    }

    fn fail(&mut self, message: String) {
        self.fault.get_or_insert(message);
    }

    pub(crate) fn into_wit(self) -> Result<wit::View, Error> {
        if let Some(fault) = self.fault {
            return Err(Error::internal(fault));
        }
        // Into a byte buffer: `Value`'s `Display` goes through the
        // formatter a few bytes at a time, which costs more in wasm.
        let context = serde_json::to_string(&self.context)
            .map_err(|e| Error::internal(format!("context of {}: {e}", self.template)))?;
        Ok(wit::View {
            template: self.template,
            context,
            title: self.title,
            status: self.status,
            breadcrumbs: self.breadcrumbs,
        })
    }
}

/// Sends the browser elsewhere with a 303 See Other, e.g. after a form.
///
/// Build it with [`redirect`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Redirect {
    /// A path on the same site, starting with `/`.
    pub location: String,
    /// A short message shown once on the next page.
    pub notice: Option<String>,
}

/// Redirects to a path on the same site. Use
/// [`Request::url`](crate::Request::url) for a path inside the plugin.
///
/// ```
/// use estive_sdk::redirect;
///
/// let r = redirect("/consultations/42").notice("vote-recorded");
/// assert_eq!(r.notice.as_deref(), Some("vote-recorded"));
/// ```
pub fn redirect(location: impl Into<String>) -> Redirect {
    Redirect {
        location: location.into(),
        notice: None,
    }
}

impl Redirect {
    /// Shows a short message once on the next page: a catalogue key or
    /// plain text.
    #[must_use]
    pub fn notice(mut self, notice: impl Into<String>) -> Redirect {
        self.notice = Some(notice.into());
        self
    }
}

/// A file to download (CSV, iCal, JSON…).
///
/// Build it with [`download`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Download {
    /// MIME type, e.g. `text/csv; charset=utf-8`.
    pub content_type: String,
    /// File name offered to the browser, e.g. `resultats.csv`.
    pub filename: String,
    /// Whether the browser shows the file (true) or saves it (false).
    pub inline: bool,
    /// The bytes of the file.
    pub body: Vec<u8>,
}

/// A file the browser saves; call [`Download::inline`] to have it shown.
///
/// ```
/// use estive_sdk::download;
///
/// let file = download("text/calendar; charset=utf-8", "agenda.ics", b"BEGIN:VCALENDAR".to_vec());
/// assert!(!file.inline);
/// ```
pub fn download(
    content_type: impl Into<String>,
    filename: impl Into<String>,
    body: impl Into<Vec<u8>>,
) -> Download {
    Download {
        content_type: content_type.into(),
        filename: filename.into(),
        inline: false,
        body: body.into(),
    }
}

impl Download {
    /// Asks the browser to show the file rather than save it.
    #[must_use]
    pub fn inline(mut self) -> Download {
        self.inline = true;
        self
    }
}

/// A message about one form field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The field's name, as in the form.
    pub field: String,
    /// What is wrong: a catalogue key (see [`messages`](crate::messages)) or
    /// plain text.
    pub message: String,
    /// The values of the message's Fluent placeables (`{ $max }`), e.g.
    /// the limit a text went over.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(String, String)>,
}

impl FieldError {
    /// A message about a field.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> FieldError {
        FieldError {
            field: field.into(),
            message: message.into(),
            args: Vec::new(),
        }
    }

    /// Adds a value for one of the message's placeables.
    ///
    /// ```
    /// use estive_sdk::FieldError;
    ///
    /// let e = FieldError::new("title", "field-too-long").arg("max", 200);
    /// assert_eq!(e.args, [("max".to_owned(), "200".to_owned())]);
    /// ```
    #[must_use]
    pub fn arg(mut self, name: &str, value: impl std::fmt::Display) -> FieldError {
        self.args.push((name.to_owned(), value.to_string()));
        self
    }
}

/// A request that could not be served. The host shows an error page in the
/// site's layout with the status of the variant.
///
/// Messages are catalogue keys or plain text (see
/// [`messages`](crate::messages)). `?` converts storage and JSON errors into
/// it, and it converts into `String` for the exports that fail with a text.
///
/// ```
/// use estive_sdk::Error;
///
/// fn vote(closed: bool) -> Result<(), Error> {
///     if closed {
///         return Err(Error::conflict("poll-closed"));
///     }
///     Ok(())
/// }
/// assert_eq!(vote(true), Err(Error::Conflict("poll-closed".into())));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// 404: the thing asked for does not exist.
    NotFound(String),
    /// 403: the user may not do this.
    Forbidden(String),
    /// 422: the input is wrong; one message per field.
    Invalid(Vec<FieldError>),
    /// 409: the request clashes with the current state (a closed poll, a
    /// slot already booked…).
    Conflict(String),
    /// 500: a fault of the plugin. The host logs the message and never
    /// shows it.
    Internal(String),
}

impl Error {
    /// 404: the thing asked for does not exist.
    pub fn not_found(message: impl Into<String>) -> Error {
        Error::NotFound(message.into())
    }

    /// 403: the user may not do this.
    pub fn forbidden(message: impl Into<String>) -> Error {
        Error::Forbidden(message.into())
    }

    /// 409: the request clashes with the current state.
    pub fn conflict(message: impl Into<String>) -> Error {
        Error::Conflict(message.into())
    }

    /// 422 about a single field. Use a [`form::Validator`](crate::form::Validator)
    /// to report several.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Error {
        Error::Invalid(vec![FieldError::new(field, message)])
    }

    /// 500: a fault of the plugin; the message is logged, never shown.
    pub fn internal(message: impl Into<String>) -> Error {
        Error::Internal(message.into())
    }

    /// The field errors of an [`Error::Invalid`]; empty for other errors.
    ///
    /// Handy to show a form again, with a 422 view, instead of the host's
    /// error page.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            Error::Invalid(errors) => errors,
            _ => &[],
        }
    }

    /// The field errors of an [`Error::Invalid`] by field name, for a
    /// template showing the form again: `{{ errors.title }}`.
    ///
    /// ```
    /// use estive_sdk::Error;
    ///
    /// let e = Error::invalid("title", "field-required");
    /// assert_eq!(e.field_messages()["title"], "field-required");
    /// ```
    pub fn field_messages(&self) -> BTreeMap<&str, &str> {
        self.field_errors()
            .iter()
            .map(|e| (e.field.as_str(), e.message.as_str()))
            .collect()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotFound(m) => write!(f, "not found: {m}"),
            Error::Forbidden(m) => write!(f, "forbidden: {m}"),
            Error::Invalid(errors) => {
                f.write_str("invalid:")?;
                for (i, e) in errors.iter().enumerate() {
                    let sep = if i == 0 { " " } else { ", " };
                    write!(f, "{sep}{}: {}", e.field, e.message)?;
                }
                Ok(())
            }
            Error::Conflict(m) => write!(f, "conflict: {m}"),
            Error::Internal(m) => write!(f, "internal error: {m}"),
        }
    }
}

impl std::error::Error for Error {}

/// A conflict (a unique constraint or a failed expectation) stays a
/// conflict; anything else is a fault of the plugin.
impl From<StorageError> for Error {
    fn from(e: StorageError) -> Self {
        match e {
            StorageError::Conflict(m) => Error::Conflict(m),
            StorageError::UnknownTable(m) => Error::Internal(format!("unknown table: {m}")),
            StorageError::UnknownColumn(m) => Error::Internal(format!("unknown column: {m}")),
            StorageError::InvalidValue(m) => Error::Internal(format!("invalid value: {m}")),
            StorageError::MissingValue(m) => Error::Internal(format!("missing value: {m}")),
            StorageError::InvalidOperation(m) => {
                Error::Internal(format!("invalid storage operation: {m}"))
            }
            StorageError::Unavailable(m) => Error::Internal(format!("storage unavailable: {m}")),
        }
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::Internal(format!("JSON: {e}"))
    }
}

/// Lets `?` turn an [`Error`] into the `String` that
/// [`Plugin::on_event`](crate::Plugin::on_event) and the other non-page
/// exports fail with.
impl From<Error> for String {
    fn from(e: Error) -> Self {
        e.to_string()
    }
}

impl From<Error> for wit::Error {
    fn from(e: Error) -> Self {
        match e {
            Error::NotFound(m) => wit::Error::NotFound(m),
            Error::Forbidden(m) => wit::Error::Forbidden(m),
            Error::Invalid(errors) => wit::Error::Invalid(
                errors
                    .into_iter()
                    .map(|e| wit::FieldError {
                        field: e.field,
                        message: e.message,
                    })
                    .collect(),
            ),
            Error::Conflict(m) => wit::Error::Conflict(m),
            Error::Internal(m) => wit::Error::Internal(m),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn view_context_that_is_not_a_map_fails_when_sent() {
        let v = view("poll.html").with(3);
        assert!(matches!(v.into_wit(), Err(Error::Internal(_))));
    }

    #[test]
    fn view_context_is_sent_as_a_json_object() {
        let v = view("poll.html")
            .title("Sondage")
            .with(json!({ "a": 1 }))
            .set("b", "deux")
            .status(422)
            .into_wit()
            .unwrap();
        let context: Value = serde_json::from_str(&v.context).unwrap();
        assert_eq!(context, json!({ "a": 1, "b": "deux" }));
        assert_eq!((v.status, v.title.as_str()), (422, "Sondage"));
    }

    #[test]
    fn storage_conflict_stays_a_conflict_and_others_are_internal() {
        assert_eq!(
            Error::from(StorageError::Conflict("day, school_id".into())),
            Error::conflict("day, school_id")
        );
        assert!(matches!(
            Error::from(StorageError::UnknownTable("pols".into())),
            Error::Internal(m) if m.contains("pols")
        ));
    }

    #[test]
    fn invalid_error_displays_every_field() {
        let e = Error::Invalid(vec![
            FieldError::new("title", "field-required"),
            FieldError::new("max", "field-out-of-range"),
        ]);
        assert_eq!(
            e.to_string(),
            "invalid: title: field-required, max: field-out-of-range"
        );
    }
}
