//! What the pages share: areas, who may do what, how a booking is shown
//! to whom, and forms shown again with their errors.

use std::collections::BTreeMap;

use estive_sdk::prelude::*;
use serde::Serialize;

use crate::model::{Booking, Resource};

/// Manage resources and hand over keys.
pub const MANAGE: &str = "booking.manage";
/// Approve or refuse requests.
pub const APPROVE: &str = "booking.approve";
/// Book.
pub const BOOK: &str = "booking.book";

/// The area a route belongs to (see `plugin.toml`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    /// The public portal.
    Portal,
    /// The extranet of élus and staff.
    Extranet,
}

impl Area {
    /// The area of a route name: extranet routes are the dashboard, the
    /// management pages and those named `x-…`.
    pub fn of(route: &str) -> Area {
        const EXTRANET: [&str; 11] = [
            "dashboard",
            "decide",
            "handover",
            "approvals",
            "handovers",
            "notices",
            "manage",
            "resource-new",
            "resource-edit",
            "place-new",
            "place-edit",
        ];
        if route.starts_with("x-") || EXTRANET.contains(&route) {
            Area::Extranet
        } else {
            Area::Portal
        }
    }

    /// `portal` or `extranet`.
    pub fn name(self) -> &'static str {
        match self {
            Area::Portal => "portal",
            Area::Extranet => "extranet",
        }
    }
}

/// Whether a person may book a resource: it takes bookings, they hold
/// `booking.book`, and one of their roles is among the resource's bookers
/// (managers and administrators book everything).
pub fn may_book(user: Option<&User>, resource: &Resource) -> bool {
    let Some(user) = user else {
        return false;
    };
    resource.active
        && user.has_permission(BOOK)
        && (user.has_permission(MANAGE)
            || user.has_role("admin")
            || resource.bookers.iter().any(|role| user.has_role(role)))
}

/// Whether the portal shows a resource to this visitor.
pub fn visible_on_portal(user: Option<&User>, resource: &Resource) -> bool {
    resource.active
        && (resource.public
            || may_book(user, resource)
            || user.is_some_and(|u| u.has_permission(MANAGE)))
}

/// Whether someone may open a booking's page: its owner, approvers and
/// managers.
pub fn may_see_booking(user: &User, booking: &Booking) -> bool {
    user.id == booking.user_id || user.has_permission(APPROVE) || user.has_permission(MANAGE)
}

/// What a calendar shows of a booking to a viewer. Members of the
/// extranet see the purpose and who booked; the portal shows the purpose
/// only when the booker allowed it (or to the booker), otherwise
/// "booked".
pub fn label(booking: &Booking, area: Area, viewer: Option<&User>) -> String {
    let who = booking
        .organisation
        .clone()
        .unwrap_or_else(|| booking.user_name.clone());
    let mine = viewer.is_some_and(|u| u.id == booking.user_id);
    match area {
        Area::Extranet => format!("{} — {who}", booking.purpose),
        Area::Portal if mine => booking.purpose.clone(),
        Area::Portal if booking.show_publicly => match &booking.organisation {
            Some(org) => format!("{} — {org}", booking.purpose),
            None => booking.purpose.clone(),
        },
        Area::Portal => i18n::t("booked"),
    }
}

/// The page of a booking for a viewer, if they may open it.
pub fn booking_url(req: &Request, area: Area, booking: &Booking) -> Option<String> {
    let user = req.user()?;
    match area {
        Area::Extranet if may_see_booking(user, booking) => {
            Some(req.url(&format!("/reservations/{}", booking.id())))
        }
        Area::Portal if user.id == booking.user_id => {
            Some(req.url(&format!("/mes-reservations/{}", booking.id())))
        }
        _ => None,
    }
}

/// Translates a catalogue key with arguments.
pub fn tr(key: &str, args: &[(&str, String)]) -> String {
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    i18n::t_args(key, &args)
}

/// One error of a form, translated, tied to its control's id.
#[derive(Clone, Debug, Serialize)]
pub struct FormError {
    /// The field's name.
    pub field: String,
    /// The control's id (`booking-<field>`).
    pub id: String,
    /// What to do about it.
    pub message: String,
}

/// The errors of a form, in the order found, one per field.
#[derive(Clone, Debug, Default)]
pub struct FormErrors {
    list: Vec<FormError>,
}

impl FormErrors {
    /// Adds an error about a field (a catalogue key and its arguments),
    /// unless the field has one already.
    pub fn add(&mut self, field: &str, key: &str, args: &[(&str, String)]) {
        if self.list.iter().any(|e| e.field == field) {
            return;
        }
        self.list.push(FormError {
            field: field.to_owned(),
            id: format!("booking-{}", field.replace('_', "-")),
            message: tr(key, args),
        });
    }

    /// Takes the errors a [`Validator`] gathered.
    pub fn absorb(&mut self, error: Error) -> Result<(), Error> {
        match error {
            Error::Invalid(fields) => {
                for f in fields {
                    self.add(&f.field, &f.message, &[]);
                }
                Ok(())
            }
            other => Err(other),
        }
    }

    /// Whether a field has an error.
    pub fn has(&self, field: &str) -> bool {
        self.list.iter().any(|e| e.field == field)
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// How many.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// The template data: `errors` (a list for the summary) and `error`
    /// (field → message, for the fields).
    pub fn context(&self) -> serde_json::Value {
        let by_field: BTreeMap<&str, &str> = self
            .list
            .iter()
            .map(|e| (e.field.as_str(), e.message.as_str()))
            .collect();
        json!({ "errors": self.list, "error": by_field })
    }

    /// The page title with the number of errors first, as the theme asks.
    pub fn title(&self, title: &str) -> String {
        if self.list.is_empty() {
            title.to_owned()
        } else {
            tr(
                "title-with-errors",
                &[
                    ("count", self.list.len().to_string()),
                    ("title", title.to_owned()),
                ],
            )
        }
    }
}

/// A breadcrumb step for the view context.
pub fn crumb(title: impl Into<String>, url: impl Into<String>) -> serde_json::Value {
    json!({ "title": title.into(), "url": url.into() })
}

/// The text of an optional form field: trimmed, `None` when blank.
pub fn optional(req: &Request, name: &str) -> Option<String> {
    req.form(name)
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ROOM;

    fn user(roles: &[&str], permissions: &[&str]) -> User {
        User {
            id: "u1".into(),
            name: "Marie Dupont".into(),
            roles: roles.iter().map(|r| (*r).to_owned()).collect(),
            permissions: permissions.iter().map(|p| (*p).to_owned()).collect(),
            groups: Vec::new(),
        }
    }

    fn hall(bookers: &[&str]) -> Resource {
        Resource {
            kind: ROOM.into(),
            stock: 1,
            active: true,
            bookers: bookers.iter().map(|r| (*r).to_owned()).collect(),
            ..Resource::default()
        }
    }

    #[test]
    fn only_the_roles_a_resource_is_opened_to_may_book_it() {
        let citizen = user(&["citizen"], &[BOOK]);
        let association = user(&["citizen", "association"], &[BOOK]);
        let manager = user(&["staff"], &[BOOK, MANAGE]);
        let r = hall(&["association"]);
        assert!(!may_book(Some(&citizen), &r));
        assert!(may_book(Some(&association), &r));
        assert!(may_book(Some(&manager), &r));
        assert!(!may_book(None, &r));
        // Without the permission, a role is not enough.
        assert!(!may_book(Some(&user(&["association"], &[])), &r));
        // A withdrawn resource takes no booking.
        let withdrawn = Resource {
            active: false,
            ..hall(&["citizen"])
        };
        assert!(!may_book(Some(&citizen), &withdrawn));
    }

    #[test]
    fn private_resources_show_on_the_portal_only_to_those_who_may_book_them() {
        let staff_only = Resource {
            public: false,
            ..hall(&["staff"])
        };
        let citizen = user(&["citizen"], &[BOOK]);
        let agent = user(&["staff"], &[BOOK]);
        assert!(!visible_on_portal(None, &staff_only));
        assert!(!visible_on_portal(Some(&citizen), &staff_only));
        assert!(visible_on_portal(Some(&agent), &staff_only));
    }

    #[test]
    fn route_names_give_their_area() {
        assert_eq!(Area::of("home"), Area::Portal);
        assert_eq!(Area::of("person-feed"), Area::Portal);
        assert_eq!(Area::of("x-book"), Area::Extranet);
        assert_eq!(Area::of("decide"), Area::Extranet);
        assert_eq!(Area::of("resource-edit"), Area::Extranet);
    }
}
