//! The request a handler serves.

use std::collections::BTreeMap;

use crate::bindings::estive::plugin::types as wit;
use crate::form::Validator;
use crate::{Client, Context, Error, Site, User, messages};

/// The HTTP method of a request: `Method::Get` for pages, `Method::Post` for
/// forms.
pub use wit::Method;

/// The part of the site a route belongs to: `Area::Portal`,
/// `Area::Extranet` or `Area::Admin`.
pub use wit::Area;

/// A request the host routed to this plugin.
///
/// The host has already matched the route, checked its area and permission,
/// and decoded the path parameters, the query string and the form fields.
///
/// ```
/// # use estive_sdk::{Error, Request, Response, view};
/// fn show(req: &Request) -> Result<Response, Error> {
///     let id = req.param_id("id")?;
///     let tab = req.query("tab").unwrap_or("summary");
///     Ok(view("poll.html").set("id", id).set("tab", tab).into())
/// }
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    context: Context,
    area: Area,
    route: String,
    method: Method,
    params: Vec<(String, String)>,
    query: Vec<(String, String)>,
    form: Vec<(String, String)>,
    client: Client,
}

impl From<wit::Request> for Request {
    fn from(req: wit::Request) -> Self {
        Request {
            context: req.context.into(),
            area: req.area,
            route: req.route,
            method: req.method,
            params: req.params,
            query: req.query,
            form: req.form,
            client: req.client,
        }
    }
}

impl From<Request> for wit::Request {
    fn from(req: Request) -> Self {
        wit::Request {
            context: req.context.into(),
            area: req.area,
            route: req.route,
            method: req.method,
            params: req.params,
            query: req.query,
            form: req.form,
            client: req.client,
        }
    }
}

fn first<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn all<'a>(pairs: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    pairs
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

impl Request {
    /// A `GET` request for a route, with no parameters, from an anonymous
    /// visitor. The host builds the real ones; this and the `with_*`
    /// methods are for plugin tests.
    ///
    /// ```
    /// use estive_sdk::{Context, Request, Site};
    /// # let site = Site { slug: "s".into(), name: "S".into(),
    /// #     base_url: "https://s.example".into(), timezone: "Europe/Paris".into() };
    /// let req = Request::new(Context::new(site, "fr"), "show").with_param("id", "42");
    /// assert_eq!(req.param_id("id"), Ok(42));
    /// ```
    pub fn new(context: Context, route: &str) -> Request {
        Request {
            context,
            area: Area::Portal,
            route: route.to_owned(),
            method: Method::Get,
            params: Vec::new(),
            query: Vec::new(),
            form: Vec::new(),
            client: Client {
                visitor: String::new(),
                address: String::new(),
            },
        }
    }

    /// The same request with a path parameter added.
    #[must_use]
    pub fn with_param(mut self, name: &str, value: &str) -> Request {
        self.params.push((name.to_owned(), value.to_owned()));
        self
    }

    /// The same request with a query string pair added.
    #[must_use]
    pub fn with_query(mut self, name: &str, value: &str) -> Request {
        self.query.push((name.to_owned(), value.to_owned()));
        self
    }

    /// The same request turned into a `POST` with a form field added.
    #[must_use]
    pub fn with_form(mut self, name: &str, value: &str) -> Request {
        self.method = Method::Post;
        self.form.push((name.to_owned(), value.to_owned()));
        self
    }

    /// The same request from another browser.
    #[must_use]
    pub fn with_client(mut self, client: Client) -> Request {
        self.client = client;
        self
    }

    /// Who, where and in which language.
    pub fn context(&self) -> &Context {
        &self.context
    }

    /// The area of the matched route (API 1.1).
    ///
    /// ```
    /// use estive_sdk::{Area, Context, Request, Site};
    /// # let site = Site { slug: "s".into(), name: "S".into(),
    /// #     base_url: "https://s.example".into(), timezone: "Europe/Paris".into() };
    /// let req = Request::new(Context::new(site, "fr"), "list").with_area(Area::Extranet);
    /// assert_eq!(req.area(), Area::Extranet);
    /// ```
    pub fn area(&self) -> Area {
        self.area
    }

    /// The same request in another area (for plugin tests).
    #[must_use]
    pub fn with_area(mut self, area: Area) -> Request {
        self.area = area;
        self
    }

    /// Name of the matched route, as declared in the manifest.
    pub fn route(&self) -> &str {
        &self.route
    }

    /// The request method.
    pub fn method(&self) -> Method {
        self.method
    }

    /// Whether this is a form submission.
    pub fn is_post(&self) -> bool {
        matches!(self.method, Method::Post)
    }

    /// A path parameter of the route, e.g. `id` for `/polls/{id}`.
    pub fn param(&self, name: &str) -> Option<&str> {
        first(&self.params, name)
    }

    /// A path parameter that is a row id.
    ///
    /// # Errors
    ///
    /// [`Error::NotFound`] with [`messages::NOT_FOUND`] when the parameter is
    /// missing or not a whole number: a malformed URL names nothing.
    pub fn param_id(&self, name: &str) -> Result<i64, Error> {
        self.param(name)
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| Error::not_found(messages::NOT_FOUND))
    }

    /// Every path parameter, in order.
    pub fn params(&self) -> &[(String, String)] {
        &self.params
    }

    /// The first value of a query string key (`Some("")` for `?q=`).
    pub fn query(&self, name: &str) -> Option<&str> {
        first(&self.query, name)
    }

    /// Every value of a query string key, in order (`?tag=a&tag=b`).
    pub fn query_all(&self, name: &str) -> Vec<&str> {
        all(&self.query, name)
    }

    /// Every query string pair, in order.
    pub fn query_pairs(&self) -> &[(String, String)] {
        &self.query
    }

    /// The first value of a form field, as sent. Prefer
    /// [`Request::validator`] to read a whole form.
    pub fn form(&self, name: &str) -> Option<&str> {
        first(&self.form, name)
    }

    /// Every value of a form field, e.g. the ticked boxes of a multiple
    /// choice.
    pub fn form_all(&self, name: &str) -> Vec<&str> {
        all(&self.form, name)
    }

    /// Every form field, in order.
    pub fn form_pairs(&self) -> &[(String, String)] {
        &self.form
    }

    /// The first value of each form field by name, for a template showing
    /// the form again with what was typed: `value="{{ values.title }}"`.
    pub fn form_values(&self) -> BTreeMap<&str, &str> {
        let mut values = BTreeMap::new();
        for (k, v) in &self.form {
            values.entry(k.as_str()).or_insert(v.as_str());
        }
        values
    }

    /// A validator over the form fields, which gathers every error before
    /// the handler gives up; see [`Validator`].
    pub fn validator(&self) -> Validator<'_> {
        Validator::new(&self.form)
    }

    /// Pseudonymous identifiers of the browser.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The signed-in user, or `None` for an anonymous visitor.
    pub fn user(&self) -> Option<&User> {
        self.context.user()
    }

    /// The signed-in user; see [`Context::require_user`].
    ///
    /// # Errors
    ///
    /// [`Error::Forbidden`] when the visitor is anonymous.
    pub fn require_user(&self) -> Result<&User, Error> {
        self.context.require_user()
    }

    /// Whether a user is signed in and holds this permission of the plugin.
    pub fn has_permission(&self, permission: &str) -> bool {
        self.context.has_permission(permission)
    }

    /// The signed-in user, who must hold this permission; see
    /// [`Context::require_permission`].
    ///
    /// # Errors
    ///
    /// [`Error::Forbidden`] when the visitor is anonymous or lacks the
    /// permission.
    pub fn require_permission(&self, permission: &str) -> Result<&User, Error> {
        self.context.require_permission(permission)
    }

    /// Whether a user is signed in and belongs to the working group.
    pub fn in_group(&self, slug: &str) -> bool {
        self.context.in_group(slug)
    }

    /// The language of the page: `fr` or `en`.
    pub fn locale(&self) -> &str {
        self.context.locale()
    }

    /// The site of the call.
    pub fn site(&self) -> &Site {
        self.context.site()
    }

    /// Where the plugin is mounted in the current area, e.g.
    /// `/consultations`.
    pub fn base_path(&self) -> &str {
        self.context.base_path()
    }

    /// A path inside the plugin's mount; see [`Context::url`].
    pub fn url(&self, path: &str) -> String {
        self.context.url(path)
    }

    /// Where the plugin is mounted on an area (`portal`, `extranet` or
    /// `admin`); see [`Context::mount`].
    pub fn mount(&self, area: &str) -> Option<&str> {
        self.context.mount(area)
    }

    /// The absolute address of a site path; see [`Context::absolute`].
    pub fn absolute(&self, path: &str) -> String {
        self.context.absolute(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req() -> Request {
        let site = Site {
            slug: "veziaux-aure".into(),
            name: "Véziaux d'Aure".into(),
            base_url: "https://veziaux-aure.example".into(),
            timezone: "Europe/Paris".into(),
        };
        Request::new(Context::new(site, "fr"), "show")
    }

    #[test]
    fn param_id_that_is_not_a_number_is_not_found() {
        let req = req().with_param("id", "12abc");
        assert_eq!(
            req.param_id("id"),
            Err(Error::not_found(messages::NOT_FOUND))
        );
        assert_eq!(
            req.param_id("other"),
            Err(Error::not_found(messages::NOT_FOUND))
        );
    }

    #[test]
    fn repeated_keys_are_all_kept_in_order() {
        let req = req()
            .with_query("tag", "a")
            .with_query("tag", "b")
            .with_form("option", "3")
            .with_form("option", "5");
        assert_eq!(req.query("tag"), Some("a"));
        assert_eq!(req.query_all("tag"), ["a", "b"]);
        assert_eq!(req.form_all("option"), ["3", "5"]);
        assert!(req.is_post());
        assert_eq!(req.form_values().get("option"), Some(&"3"));
        assert_eq!(req.query("missing"), None);
    }
}
