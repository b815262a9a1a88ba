//! The rows of the plugin's tables (see `plugin.toml`) and the words of
//! the domain: kinds of resource, statuses of a booking.

use estive_sdk::dates::DateTime;
use serde::{Deserialize, Serialize};

use crate::hours::OpeningHours;

/// Statuses that hold a slot: a pending request blocks it as much as an
/// approved booking, so that two requests never wait for the same slot.
pub const ACTIVE: [&str; 2] = [PENDING, APPROVED];
/// Waiting for an approver.
pub const PENDING: &str = "pending";
/// Confirmed.
pub const APPROVED: &str = "approved";
/// Refused by an approver, with a reason.
pub const REFUSED: &str = "refused";
/// Cancelled by the requester or a manager.
pub const CANCELLED: &str = "cancelled";

/// A room (booked whole, for a slot within one day) or equipment (a
/// quantity out of a stock, possibly over several days).
pub const ROOM: &str = "room";
/// See [`ROOM`].
pub const EQUIPMENT: &str = "equipment";

/// The roles a resource may be opened to, in the order of the form.
pub const BOOKER_ROLES: [&str; 4] = ["staff", "elected", "association", "citizen"];

/// A place: a building or site that holds rooms and stores equipment
/// (GRR's "area").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Assigned by the host.
    pub id: Option<i64>,
    /// E.g. "Maison des associations".
    pub name: String,
    /// Postal address, for people and for calendar locations.
    pub address: Option<String>,
    /// Access, parking, who holds the keys…
    pub description: Option<String>,
}

/// Something that can be booked.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Resource {
    /// Assigned by the host.
    pub id: Option<i64>,
    /// [`ROOM`] or [`EQUIPMENT`].
    pub kind: String,
    /// E.g. "Salle des fêtes" or "Chaises pliantes".
    pub name: String,
    /// What it is, what it holds, rules of use.
    pub description: Option<String>,
    /// Where it is (or where equipment is collected).
    pub place_id: Option<i64>,
    /// People a room holds (none for equipment).
    pub capacity: Option<i64>,
    /// Units that can be lent at once (1 for a room).
    pub stock: i64,
    /// Address of a photo, and its text alternative.
    pub photo_url: Option<String>,
    /// Text alternative of the photo.
    pub photo_alt: Option<String>,
    /// Opening hours, one entry per weekday (Monday first); NULL means no
    /// restriction.
    #[serde(with = "estive_sdk::json_column", default)]
    pub opening_hours: Option<OpeningHours>,
    /// Booked times start and end on multiples of this many minutes.
    pub step_minutes: i64,
    /// Closed on French public holidays.
    pub closed_on_holidays: bool,
    /// Roles that may book it, among [`BOOKER_ROLES`].
    #[serde(with = "estive_sdk::json_column", default)]
    pub bookers: Vec<String>,
    /// Requests wait for an approver.
    pub needs_approval: bool,
    /// At least this many hours' notice.
    pub min_notice_hours: i64,
    /// At most this many days ahead.
    pub horizon_days: i64,
    /// At most this many hours per booking (0: no limit).
    pub max_hours: i64,
    /// At most this many upcoming bookings per person (0: no quota).
    pub quota: i64,
    /// Shown on the portal to everyone, with a public calendar feed.
    pub public: bool,
    /// Withdrawn resources keep their history but take no booking.
    pub active: bool,
}

impl Resource {
    /// Whether it is a room (booked whole) rather than equipment.
    pub fn is_room(&self) -> bool {
        self.kind == ROOM
    }

    /// The row id (0 before insertion).
    pub fn id(&self) -> i64 {
        self.id.unwrap_or(0)
    }

    /// The resource as templates see it: its `json` columns as lists
    /// rather than the JSON text they are stored as.
    pub fn view(&self) -> serde_json::Value {
        let mut value = serde_json::to_value(self).unwrap_or_default();
        value["bookers"] = serde_json::json!(self.bookers);
        value["opening_hours"] = serde_json::json!(self.opening_hours);
        value
    }
}

/// The template view of several resources; see [`Resource::view`].
pub fn views<'a>(resources: impl IntoIterator<Item = &'a Resource>) -> Vec<serde_json::Value> {
    resources.into_iter().map(Resource::view).collect()
}

/// One booking of one slot (an occurrence, when it belongs to a series).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Booking {
    /// Assigned by the host.
    pub id: Option<i64>,
    /// What is booked.
    pub resource_id: i64,
    /// The series it belongs to, if it was booked with a recurrence.
    pub series_id: Option<i64>,
    /// Local wall time in the site's zone, `YYYY-MM-DDTHH:MM`: text order
    /// is time order, which the overlap conditions rely on.
    pub starts_at: DateTime,
    /// End, not included.
    pub ends_at: DateTime,
    /// Units booked (1 for a room).
    pub quantity: i64,
    /// [`PENDING`], [`APPROVED`], [`REFUSED`] or [`CANCELLED`].
    pub status: String,
    /// Account that asked.
    pub user_id: String,
    /// Its display name when it asked.
    pub user_name: String,
    /// What for.
    pub purpose: String,
    /// Association or service booking, if any.
    pub organisation: Option<String>,
    /// People expected (rooms).
    pub attendees: Option<i64>,
    /// Who to call about it.
    pub contact_name: Option<String>,
    /// Their phone.
    pub contact_phone: Option<String>,
    /// Their e-mail.
    pub contact_email: Option<String>,
    /// The purpose may show on public calendars; otherwise "booked".
    pub show_publicly: bool,
    /// Reason given with an approval, a refusal or a cancellation.
    pub reason: Option<String>,
    /// Who approved, refused or cancelled.
    pub decided_by: Option<String>,
    /// When (RFC 3339, UTC).
    pub decided_at: Option<String>,
    /// When keys or equipment were handed over (RFC 3339, UTC).
    pub handed_over_at: Option<String>,
    /// By whom.
    pub handed_over_by: Option<String>,
    /// Note at hand-over (key number, equipment checked…).
    pub handover_note: Option<String>,
    /// When they came back.
    pub returned_at: Option<String>,
    /// Received by whom.
    pub returned_by: Option<String>,
    /// State on return (damage, missing items…).
    pub return_note: Option<String>,
    /// When it was asked (RFC 3339, UTC).
    pub created_at: String,
}

impl Booking {
    /// The row id (0 before insertion).
    pub fn id(&self) -> i64 {
        self.id.unwrap_or(0)
    }

    /// Whether it holds its slot.
    pub fn is_active(&self) -> bool {
        ACTIVE.contains(&self.status.as_str())
    }
}

/// A recurrence booked at once: its rule and who asked.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// Assigned by the host.
    pub id: Option<i64>,
    /// What is booked.
    pub resource_id: i64,
    /// Account that asked.
    pub user_id: String,
    /// The rule as the form gave it (JSON).
    #[serde(with = "estive_sdk::json_column")]
    pub rule: serde_json::Value,
    /// Occurrences booked.
    pub occurrences: i64,
    /// When it was asked (RFC 3339, UTC).
    pub created_at: String,
}

/// Who a notice is for: an account id, or every approver.
pub const APPROVERS: &str = "approvers";

/// A message kept for someone: the trace of what an e-mail would say.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    /// Assigned by the host.
    pub id: Option<i64>,
    /// An account id, or [`APPROVERS`].
    pub recipient: String,
    /// `requested`, `received`, `confirmed`, `approved`, `refused`,
    /// `cancelled`.
    pub kind: String,
    /// The booking (the first one of a series); set by the transaction
    /// that inserts both.
    pub booking_id: Option<i64>,
    /// The series, if any.
    pub series_id: Option<i64>,
    /// The resource's name when the notice was written.
    pub resource_name: String,
    /// Start of the (first) booking.
    pub starts_at: DateTime,
    /// Dates concerned (1 for a single booking).
    pub occurrences: i64,
    /// Reason of a decision or a cancellation.
    pub reason: Option<String>,
    /// Who acted.
    pub actor: String,
    /// When (RFC 3339, UTC).
    pub created_at: String,
    /// Seen by its recipient.
    pub read: bool,
    /// For approvers: the request has been decided.
    pub resolved: bool,
}

/// The secret of a person's private calendar feed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FeedToken {
    /// Assigned by the host.
    pub id: Option<i64>,
    /// The account.
    pub user_id: String,
    /// Random, 32 hexadecimal digits.
    pub token: String,
    /// When it was made (RFC 3339, UTC).
    pub created_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_view_of_a_resource_holds_lists_not_json_text() {
        let r = Resource {
            bookers: vec!["citizen".into()],
            ..Resource::default()
        };
        // Stored, the list is JSON text…
        assert_eq!(
            serde_json::to_value(&r).unwrap()["bookers"],
            r#"["citizen"]"#
        );
        // …but templates loop over a list.
        assert_eq!(r.view()["bookers"], serde_json::json!(["citizen"]));
    }
}
