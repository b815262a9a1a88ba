//! What the pages share: who may do what, and how a booking is shown to
//! whom in each area.

use estive_sdk::Area;
use estive_sdk::prelude::*;

use crate::model::{Booking, Resource};

/// Manage resources and hand over keys.
pub const MANAGE: &str = "booking.manage";
/// Approve or refuse requests.
pub const APPROVE: &str = "booking.approve";
/// Book.
pub const BOOK: &str = "booking.book";

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
        Area::Extranet | Area::Admin => format!("{} — {who}", booking.purpose),
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
        Area::Extranet | Area::Admin if may_see_booking(user, booking) => {
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
}
