//! Who is calling, where, in which language; and events.

use serde::de::DeserializeOwned;

use crate::bindings::estive::plugin::types as wit;
use crate::{Error, messages};

/// The site (one intercommunality) a call is made for.
///
/// Fields: `slug` (stable identifier, e.g. `veziaux-aure`), `name` (display
/// name), `base_url` (absolute URL of the site's portal, without a trailing
/// slash) and `timezone` (IANA name, e.g. `Europe/Paris`).
pub use wit::Site;

/// The signed-in user making the call.
///
/// Fields: `id` (stable account identifier: store it to link data to a
/// person), `name` (to display), `roles` on this site, `permissions` of this
/// plugin held on this site, and `groups` (slugs of the user's working
/// groups).
pub use wit::User;

/// Pseudonymous identifiers of an anonymous visitor's browser.
///
/// Fields: `visitor` (stable for one browser, e.g. to allow one anonymous
/// answer per browser) and `address` (stable for one network address for a
/// day, e.g. to rate-limit). Both differ between sites and plugins.
pub use wit::Client;

impl User {
    /// Whether the user holds this permission of the plugin on this site.
    ///
    /// ```
    /// # let user = estive_sdk::User { id: "u1".into(), name: "Marie".into(),
    /// #     roles: vec![], permissions: vec!["polls.manage".into()], groups: vec![] };
    /// assert!(user.has_permission("polls.manage"));
    /// assert!(!user.has_permission("polls.delete"));
    /// ```
    pub fn has_permission(&self, permission: &str) -> bool {
        self.permissions.iter().any(|p| p == permission)
    }

    /// Whether the user holds this role on this site (`citizen`, `elected`,
    /// `staff`, `admin` or a plugin-defined role).
    pub fn has_role(&self, role: &str) -> bool {
        self.roles.iter().any(|r| r == role)
    }

    /// Whether the user belongs to the working group with this slug.
    pub fn in_group(&self, slug: &str) -> bool {
        self.groups.iter().any(|g| g == slug)
    }
}

/// Who is calling, where and in which language.
///
/// Every export receives one: [`Request::context`](crate::Request::context)
/// for pages, and the `ctx` argument of the other [`Plugin`](crate::Plugin)
/// functions.
#[derive(Clone, Debug, PartialEq)]
pub struct Context {
    site: Site,
    user: Option<User>,
    locale: String,
    base_path: String,
    mounts: Vec<(String, String)>,
}

impl From<wit::Context> for Context {
    fn from(ctx: wit::Context) -> Self {
        Context {
            site: ctx.site,
            user: ctx.user,
            locale: ctx.locale,
            base_path: ctx.base_path,
            mounts: ctx.mounts,
        }
    }
}

impl From<Context> for wit::Context {
    fn from(ctx: Context) -> Self {
        wit::Context {
            site: ctx.site,
            user: ctx.user,
            locale: ctx.locale,
            base_path: ctx.base_path,
            mounts: ctx.mounts,
        }
    }
}

impl Context {
    /// A context for a site and language, with no user, not mounted
    /// anywhere. The host builds the real ones; this is for plugin tests.
    ///
    /// ```
    /// use estive_sdk::{Context, Site};
    ///
    /// let site = Site {
    ///     slug: "veziaux-aure".into(),
    ///     name: "Communauté de communes des Véziaux d'Aure".into(),
    ///     base_url: "https://veziaux-aure.example".into(),
    ///     timezone: "Europe/Paris".into(),
    /// };
    /// let ctx = Context::new(site, "fr").with_base_path("/consultations");
    /// assert_eq!(ctx.url("/42"), "/consultations/42");
    /// ```
    pub fn new(site: Site, locale: &str) -> Context {
        Context {
            site,
            user: None,
            locale: locale.to_owned(),
            base_path: String::new(),
            mounts: Vec::new(),
        }
    }

    /// The same context with a signed-in user.
    #[must_use]
    pub fn with_user(mut self, user: User) -> Context {
        self.user = Some(user);
        self
    }

    /// The same context mounted at `path` in the current area.
    #[must_use]
    pub fn with_base_path(mut self, path: &str) -> Context {
        self.base_path = path.to_owned();
        self
    }

    /// The same context, also mounted at `path` on `area` (`portal`,
    /// `extranet` or `admin`).
    #[must_use]
    pub fn with_mount(mut self, area: &str, path: &str) -> Context {
        self.mounts.push((area.to_owned(), path.to_owned()));
        self
    }

    /// The site of the call.
    pub fn site(&self) -> &Site {
        &self.site
    }

    /// The signed-in user, or `None` for an anonymous visitor.
    pub fn user(&self) -> Option<&User> {
        self.user.as_ref()
    }

    /// The signed-in user.
    ///
    /// # Errors
    ///
    /// [`Error::Forbidden`] with [`messages::SIGN_IN_REQUIRED`] when the
    /// visitor is anonymous.
    pub fn require_user(&self) -> Result<&User, Error> {
        self.user()
            .ok_or_else(|| Error::forbidden(messages::SIGN_IN_REQUIRED))
    }

    /// Whether a user is signed in and holds this permission of the plugin.
    pub fn has_permission(&self, permission: &str) -> bool {
        self.user().is_some_and(|u| u.has_permission(permission))
    }

    /// The signed-in user, who must hold this permission.
    ///
    /// The host already checks the permission a route declares; use this for
    /// finer checks inside a handler (e.g. editing someone else's entry).
    ///
    /// # Errors
    ///
    /// [`Error::Forbidden`] with [`messages::SIGN_IN_REQUIRED`] for an
    /// anonymous visitor, or [`messages::PERMISSION_DENIED`] when the user
    /// lacks the permission.
    pub fn require_permission(&self, permission: &str) -> Result<&User, Error> {
        let user = self.require_user()?;
        if user.has_permission(permission) {
            Ok(user)
        } else {
            Err(Error::forbidden(messages::PERMISSION_DENIED))
        }
    }

    /// Whether a user is signed in and belongs to the working group.
    pub fn in_group(&self, slug: &str) -> bool {
        self.user().is_some_and(|u| u.in_group(slug))
    }

    /// The language of the page: `fr` or `en`.
    pub fn locale(&self) -> &str {
        &self.locale
    }

    /// Where the plugin is mounted in the current area, e.g.
    /// `/consultations`; empty for events and schedules.
    pub fn base_path(&self) -> &str {
        &self.base_path
    }

    /// A path inside the plugin's mount in the current area.
    ///
    /// ```
    /// # use estive_sdk::{Context, Site};
    /// # let site = Site { slug: "s".into(), name: "S".into(),
    /// #     base_url: "https://s.example".into(), timezone: "Europe/Paris".into() };
    /// let ctx = Context::new(site, "fr").with_base_path("/consultations");
    /// assert_eq!(ctx.url("/42"), "/consultations/42");
    /// assert_eq!(ctx.url("42/edit"), "/consultations/42/edit");
    /// assert_eq!(ctx.url("/"), "/consultations");
    /// assert_eq!(ctx.url("?page=2"), "/consultations?page=2");
    /// ```
    pub fn url(&self, path: &str) -> String {
        join_path(&self.base_path, path)
    }

    /// Where the plugin is mounted on an area (`portal`, `extranet` or
    /// `admin`), if it is mounted there.
    pub fn mount(&self, area: &str) -> Option<&str> {
        self.mounts
            .iter()
            .find(|(a, _)| a == area)
            .map(|(_, path)| path.as_str())
    }

    /// A path inside the plugin's mount on another area, e.g. a link from
    /// the extranet back to the public page; `None` when the plugin is not
    /// mounted on that area.
    pub fn url_in(&self, area: &str, path: &str) -> Option<String> {
        self.mount(area).map(|base| join_path(base, path))
    }

    /// The absolute address of a site path (one from [`Context::url`] or
    /// [`Context::url_in`]), for e-mails and feeds read outside the site.
    ///
    /// ```
    /// # use estive_sdk::{Context, Site};
    /// # let site = Site { slug: "s".into(), name: "S".into(),
    /// #     base_url: "https://s.example".into(), timezone: "Europe/Paris".into() };
    /// let ctx = Context::new(site, "fr").with_base_path("/consultations");
    /// assert_eq!(ctx.absolute(&ctx.url("/42")), "https://s.example/consultations/42");
    /// ```
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.site.base_url.trim_end_matches('/'))
    }
}

/// Joins a mount path and a path inside it, with exactly one `/` between.
fn join_path(base: &str, path: &str) -> String {
    let base = base.trim_end_matches('/');
    if path.starts_with('?') || path.starts_with('#') {
        let base = if base.is_empty() { "/" } else { base };
        return format!("{base}{path}");
    }
    let path = path.trim_start_matches('/');
    match (base.is_empty(), path.is_empty()) {
        (true, true) => "/".to_owned(),
        (true, false) => format!("/{path}"),
        (false, true) => base.to_owned(),
        (false, false) => format!("{base}/{path}"),
    }
}

/// An event published by a plugin of the same site, received by
/// [`Plugin::on_event`](crate::Plugin::on_event).
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Identifier of the event, unique on the server: events arrive at least
    /// once, so remember it if handling twice would be wrong.
    pub id: u64,
    /// Topic, `<plugin>.<name>`, e.g. `polls.closed`.
    pub topic: String,
    /// The payload as JSON text; see [`Event::payload_as`].
    pub payload: String,
    /// When it was published, RFC 3339 in UTC.
    pub published_at: String,
}

impl From<wit::Event> for Event {
    fn from(ev: wit::Event) -> Self {
        Event {
            id: ev.id,
            topic: ev.topic,
            payload: ev.payload,
            published_at: ev.published_at,
        }
    }
}

impl Event {
    /// Whether the event has this topic.
    pub fn is(&self, topic: &str) -> bool {
        self.topic == topic
    }

    /// The payload decoded into `T`.
    ///
    /// ```
    /// #[derive(serde::Deserialize)]
    /// struct Closed { poll_id: i64 }
    ///
    /// let event = estive_sdk::Event {
    ///     id: 7,
    ///     topic: "polls.closed".into(),
    ///     payload: r#"{"poll_id": 42}"#.into(),
    ///     published_at: "2026-11-28T15:30:00Z".into(),
    /// };
    /// assert_eq!(event.payload_as::<Closed>().unwrap().poll_id, 42);
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Internal`] when the payload does not match `T`.
    pub fn payload_as<T: DeserializeOwned>(&self) -> Result<T, Error> {
        serde_json::from_str(&self.payload).map_err(|e| {
            Error::internal(format!(
                "payload of event {} ({}) is not a {}: {e}",
                self.id,
                self.topic,
                std::any::type_name::<T>()
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(permissions: &[&str]) -> User {
        User {
            id: "u1".into(),
            name: "Marie Dupont".into(),
            roles: vec!["staff".into()],
            permissions: permissions.iter().map(|p| (*p).to_owned()).collect(),
            groups: vec!["voirie".into()],
        }
    }

    fn ctx() -> Context {
        let site = Site {
            slug: "veziaux-aure".into(),
            name: "Véziaux d'Aure".into(),
            base_url: "https://veziaux-aure.example".into(),
            timezone: "Europe/Paris".into(),
        };
        Context::new(site, "fr").with_base_path("/consultations")
    }

    #[test]
    fn url_joins_base_path_and_path_with_one_slash() {
        assert_eq!(join_path("/consultations", "/42"), "/consultations/42");
        assert_eq!(join_path("/consultations/", "42"), "/consultations/42");
        assert_eq!(join_path("/consultations", ""), "/consultations");
        assert_eq!(join_path("", "/42"), "/42");
        assert_eq!(join_path("", ""), "/");
        assert_eq!(join_path("", "?a=1"), "/?a=1");
    }

    #[test]
    fn anonymous_visitor_is_asked_to_sign_in() {
        let ctx = ctx();
        assert_eq!(
            ctx.require_user(),
            Err(Error::forbidden(messages::SIGN_IN_REQUIRED))
        );
        assert!(!ctx.has_permission("polls.manage"));
    }

    #[test]
    fn user_without_permission_is_refused() {
        let ctx = ctx().with_user(user(&["polls.vote"]));
        assert!(ctx.require_permission("polls.vote").is_ok());
        assert_eq!(
            ctx.require_permission("polls.manage"),
            Err(Error::forbidden(messages::PERMISSION_DENIED))
        );
        assert!(ctx.in_group("voirie"));
        assert!(ctx.user().unwrap().has_role("staff"));
    }

    #[test]
    fn url_in_other_area_uses_that_mount() {
        let ctx = ctx().with_mount("extranet", "/extranet/consultations");
        assert_eq!(
            ctx.url_in("extranet", "/3").as_deref(),
            Some("/extranet/consultations/3")
        );
        assert_eq!(ctx.url_in("admin", "/3"), None);
    }
}
