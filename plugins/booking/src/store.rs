//! Reading and writing the plugin's tables: resources, places, bookings,
//! and the transaction that books without ever booking twice.

use estive_sdk::dates::DateTime;
use estive_sdk::db::{Condition, Measure, Transaction};
use estive_sdk::holidays::Calendar;
use estive_sdk::prelude::*;
use serde::Deserialize;
use serde_json::Value as Json;

use crate::availability::{self, Guard};
use crate::model::{
    ACTIVE, APPROVED, APPROVERS, Booking, Notice, PENDING, Place, Resource, Series,
};
use crate::recurrence::Occurrence;
use crate::rules::{Limits, Period, parse_periods};

/// The site's settings for the plugin (see `plugin.toml`).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Settings {
    /// `national` or `alsace_moselle`.
    #[serde(default)]
    pub holiday_calendar: String,
    /// Periods when everything is closed, one per line.
    #[serde(default)]
    pub closed_periods: Vec<String>,
    /// School holidays, one per line.
    #[serde(default)]
    pub school_holidays: Vec<String>,
    /// Past days kept in feeds.
    #[serde(default = "thirty")]
    pub feed_past_days: i64,
}

fn thirty() -> i64 {
    30
}

impl Settings {
    /// The site's settings.
    ///
    /// # Errors
    ///
    /// When the host's settings do not fit the schema.
    pub fn load() -> Result<Settings, Error> {
        config::settings()
    }

    /// Which public holidays apply.
    pub fn calendar(&self) -> Calendar {
        if self.holiday_calendar == "alsace_moselle" {
            Calendar::AlsaceMoselle
        } else {
            Calendar::National
        }
    }

    /// The closed periods (lines that cannot be read are left out).
    pub fn closed(&self) -> Vec<Period> {
        parse_periods(self.closed_periods.iter().map(String::as_str)).0
    }

    /// The school holidays.
    pub fn school(&self) -> Vec<Period> {
        parse_periods(self.school_holidays.iter().map(String::as_str)).0
    }

    /// Lines of either list that could not be read, for managers.
    pub fn unreadable(&self) -> Vec<String> {
        let mut bad = parse_periods(self.closed_periods.iter().map(String::as_str)).1;
        bad.extend(parse_periods(self.school_holidays.iter().map(String::as_str)).1);
        bad
    }

    /// The limits a slot is checked against.
    pub fn limits<'a>(&self, closed: &'a [Period], manager: bool) -> Limits<'a> {
        Limits {
            now: now_local(),
            holidays: self.calendar(),
            closed,
            manager,
        }
    }
}

/// The site's local time, to the minute.
pub fn now_local() -> DateTime {
    crate::hours::minute_precision(clock::now().local_datetime())
}

/// The current moment in UTC, RFC 3339, for `datetime` columns.
pub fn now_utc() -> String {
    clock::now().utc
}

/// A resource by id.
///
/// # Errors
///
/// Not found when there is none.
pub fn resource(id: i64) -> Result<Resource, Error> {
    db::select("resources").filter(eq("id", id)).one()
}

/// Every resource, places' order then name.
///
/// # Errors
///
/// When storage fails.
pub fn resources(active_only: bool) -> Result<Vec<Resource>, Error> {
    let mut q = db::select("resources").order_asc("name");
    if active_only {
        q = q.filter(eq("active", true));
    }
    q.fetch()
}

/// A place by id.
///
/// # Errors
///
/// Not found when there is none.
pub fn place(id: i64) -> Result<Place, Error> {
    db::select("places").filter(eq("id", id)).one()
}

/// Every place, by name.
///
/// # Errors
///
/// When storage fails.
pub fn places() -> Result<Vec<Place>, Error> {
    db::select("places").order_asc("name").fetch()
}

/// A booking by id.
///
/// # Errors
///
/// Not found when there is none.
pub fn booking(id: i64) -> Result<Booking, Error> {
    db::select("bookings").filter(eq("id", id)).one()
}

/// The conditions of active bookings of a resource overlapping a slot.
pub fn overlapping(resource_id: i64, start: DateTime, end: DateTime) -> Vec<Condition> {
    vec![
        eq("resource_id", resource_id),
        one_of("status", ACTIVE),
        lt("starts_at", end.to_string()),
        gt("ends_at", start.to_string()),
    ]
}

/// Active bookings of some resources overlapping `from`..`to`.
///
/// # Errors
///
/// When storage fails.
pub fn active_between(
    resource_ids: &[i64],
    from: DateTime,
    to: DateTime,
) -> Result<Vec<Booking>, Error> {
    db::select("bookings")
        .filter(one_of("resource_id", resource_ids.iter().copied()))
        .filter(one_of("status", ACTIVE))
        .filter(lt("starts_at", to.to_string()))
        .filter(gt("ends_at", from.to_string()))
        .order_asc("starts_at")
        .limit(5000)
        .fetch()
}

/// Upcoming active bookings of a person on a resource (for quotas).
///
/// # Errors
///
/// When storage fails.
pub fn upcoming_of(user_id: &str, resource_id: i64) -> Result<u64, Error> {
    db::count("bookings")
        .filters(quota_filter(user_id, resource_id))
        .get()
}

fn quota_filter(user_id: &str, resource_id: i64) -> Vec<Condition> {
    vec![
        eq("user_id", user_id),
        eq("resource_id", resource_id),
        one_of("status", ACTIVE),
        gt("ends_at", now_local().to_string()),
    ]
}

/// Adds a guard of [`availability::guards`] to a transaction.
fn expect_guard(tx: &mut Transaction, guard: &Guard, r: &Resource, o: &Occurrence) {
    match guard {
        Guard::NoOverlap => {
            tx.expect_none(
                "bookings",
                overlapping(r.id(), o.start, o.end),
                "slot-taken",
            );
        }
        Guard::NoUnknownStart { known } => {
            tx.expect_none(
                "bookings",
                [
                    eq("resource_id", r.id()),
                    one_of("status", ACTIVE),
                    gt("starts_at", o.start.to_string()),
                    lt("starts_at", o.end.to_string()),
                    none_of("id", known.iter().copied()),
                ],
                STOCK_CHANGED,
            );
        }
        Guard::PeakAt { at, max } => {
            tx.expect(
                "bookings",
                [
                    eq("resource_id", r.id()),
                    one_of("status", ACTIVE),
                    le("starts_at", at.to_string()),
                    gt("ends_at", at.to_string()),
                ],
                Measure::sum("quantity"),
                None,
                Some(*max as f64),
                "stock-exceeded",
            );
        }
    }
}

/// The expectation message that means "read again and retry": a booking
/// the request did not know of appeared meanwhile.
const STOCK_CHANGED: &str = "stock-changed";

/// What a person asks for, besides the slots.
#[derive(Clone, Debug, Default)]
pub struct Request {
    /// Units (1 for a room).
    pub quantity: i64,
    /// What for.
    pub purpose: String,
    /// Association or service.
    pub organisation: Option<String>,
    /// People expected.
    pub attendees: Option<i64>,
    /// Contact.
    pub contact_name: Option<String>,
    /// Contact phone.
    pub contact_phone: Option<String>,
    /// Contact e-mail.
    pub contact_email: Option<String>,
    /// The purpose may show on public calendars.
    pub show_publicly: bool,
}

/// Who books and how.
pub struct Booker<'a> {
    /// The account.
    pub user: &'a User,
    /// Approved at once (no approval needed, or an approver booking).
    pub approved: bool,
    /// Bound by the resource's quota.
    pub quota: bool,
}

/// Books every slot, all or none, and returns the first booking's id.
///
/// The transaction expects, before each insert, that the slot is still
/// free (see [`availability`]); the quota is checked the same way. When a
/// booking appeared meanwhile between the read and the write, everything
/// is read again and tried again, a few times.
///
/// # Errors
///
/// [`Error::Conflict`] with `slot-taken`, `stock-exceeded`,
/// `quota-exceeded`, `resource-withdrawn` or `busy-try-again`; other
/// storage failures.
pub fn book(
    resource: &Resource,
    slots: &[Occurrence],
    request: &Request,
    booker: &Booker,
    rule: Option<&Json>,
) -> Result<i64, Error> {
    if slots.is_empty() {
        return Err(Error::conflict("nothing-to-book"));
    }
    let from = slots
        .iter()
        .map(|o| o.start)
        .min()
        .unwrap_or(slots[0].start);
    let to = slots.iter().map(|o| o.end).max().unwrap_or(slots[0].end);
    // Each retry means another booking of the resource was committed
    // meanwhile, so a few are enough even under a burst of requests.
    for _attempt in 0..8 {
        let existing = if resource.is_room() {
            Vec::new()
        } else {
            active_between(&[resource.id()], from, to)?
        };
        let tx = booking_transaction(resource, slots, request, booker, rule, &existing)?;
        let first = tx.1;
        match tx.0.commit() {
            Ok(outcomes) => {
                return first
                    .id(&outcomes)
                    .ok_or_else(|| Error::internal("the booking was not inserted"));
            }
            Err(Error::Conflict(m)) if m == STOCK_CHANGED => continue,
            Err(e) => return Err(e),
        }
    }
    Err(Error::conflict("busy-try-again"))
}

fn booking_transaction(
    resource: &Resource,
    slots: &[Occurrence],
    request: &Request,
    booker: &Booker,
    rule: Option<&Json>,
    existing: &[Booking],
) -> Result<(Transaction, db::Step), Error> {
    let now = now_utc();
    let status = if booker.approved { APPROVED } else { PENDING };
    let user = booker.user;
    let mut tx = db::transaction();
    tx.expect(
        "resources",
        [eq("id", resource.id()), eq("active", true)],
        Measure::count_rows(),
        Some(1.0),
        None,
        "resource-withdrawn",
    );
    if booker.quota && resource.quota > 0 {
        tx.expect(
            "bookings",
            quota_filter(&user.id, resource.id()),
            Measure::count_rows(),
            None,
            Some((resource.quota - slots.len() as i64) as f64),
            "quota-exceeded",
        );
    }
    let series = rule.map(|rule| {
        tx.insert(
            "series",
            &Series {
                id: None,
                resource_id: resource.id(),
                user_id: user.id.clone(),
                rule: rule.clone(),
                occurrences: slots.len() as i64,
                created_at: now.clone(),
            },
        )
    });
    let mut first = None;
    for slot in slots {
        for guard in
            availability::guards(resource, existing, slot.start, slot.end, request.quantity)
        {
            expect_guard(&mut tx, &guard, resource, slot);
        }
        let row = Booking {
            id: None,
            resource_id: resource.id(),
            series_id: None,
            starts_at: slot.start,
            ends_at: slot.end,
            quantity: request.quantity,
            status: status.to_owned(),
            user_id: user.id.clone(),
            user_name: user.name.clone(),
            purpose: request.purpose.clone(),
            organisation: request.organisation.clone(),
            attendees: request.attendees,
            contact_name: request.contact_name.clone(),
            contact_phone: request.contact_phone.clone(),
            contact_email: request.contact_email.clone(),
            show_publicly: request.show_publicly,
            created_at: now.clone(),
            ..Booking::default()
        };
        let links: Vec<(&str, db::Step)> = series.iter().map(|s| ("series_id", *s)).collect();
        let step = tx.insert_linked("bookings", &row, &links);
        first.get_or_insert(step);
    }
    if tx.len() > 990 {
        return Err(Error::conflict("series-too-long"));
    }
    let first = first.ok_or_else(|| Error::internal("no slot"))?;
    let start = slots[0].start;
    let notice = |recipient: &str, kind: &str| Notice {
        id: None,
        recipient: recipient.to_owned(),
        kind: kind.to_owned(),
        booking_id: None,
        series_id: None,
        resource_name: resource.name.clone(),
        starts_at: start,
        occurrences: slots.len() as i64,
        reason: None,
        actor: user.name.clone(),
        created_at: now.clone(),
        read: false,
        resolved: false,
    };
    let mut links = vec![("booking_id", first)];
    if let Some(s) = series {
        links.push(("series_id", s));
    }
    if booker.approved {
        tx.insert_linked("notices", &notice(&user.id, "confirmed"), &links);
    } else {
        tx.insert_linked("notices", &notice(APPROVERS, "requested"), &links);
        tx.insert_linked("notices", &notice(&user.id, "received"), &links);
    }
    let payload = json!({
        "resource_id": resource.id(),
        "resource": resource.name,
        "starts_at": start,
        "occurrences": slots.len(),
        "status": status,
        "user_id": user.id,
    });
    tx.publish(
        if booker.approved {
            "booked"
        } else {
            "requested"
        },
        &payload,
    );
    tx.audit(
        "booking.created",
        &format!("resource:{}", resource.id()),
        &payload,
    );
    Ok((tx, first))
}
