//! Reading and writing the plugin's tables: resources, places, bookings,
//! and the transaction that books without ever booking twice.

use estive_kit::holidays::Calendar;
use estive_sdk::dates::DateTime;
use estive_sdk::db::{Condition, Measure, Transaction};
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

/// How much of a person's quota of a resource is used, and what the
/// booking transaction expects to find unchanged.
///
/// A quota counts *bookings*, not dates: each upcoming single booking
/// counts one, and so does each series with at least one upcoming date,
/// whatever its number of dates (a weekly slot for a term is one
/// arrangement, asked, decided and cancelled as one; see the README).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuotaUse {
    /// Bookings counted against the quota.
    pub used: i64,
    /// Upcoming active dates of the person on the resource, as read.
    dates: u64,
    /// The moment "upcoming" was read against.
    now: String,
}

#[derive(Deserialize)]
struct QuotaTally {
    dates: i64,
    in_series: i64,
    series: i64,
}

/// The part of a person's quota of a resource that is used.
///
/// # Errors
///
/// When storage fails.
pub fn quota_use(user_id: &str, resource_id: i64) -> Result<QuotaUse, Error> {
    let now = now_local().to_string();
    let tally: Option<QuotaTally> = db::aggregate("bookings")
        .filters(quota_filter(user_id, resource_id, &now))
        .count("dates")
        .count_values("series_id", "in_series")
        .count_distinct("series_id", "series")
        .first()?;
    let (dates, in_series, series) = tally.map_or((0, 0, 0), |t| (t.dates, t.in_series, t.series));
    Ok(QuotaUse {
        used: dates - in_series + series,
        dates: dates.max(0) as u64,
        now,
    })
}

fn quota_filter(user_id: &str, resource_id: i64, now: &str) -> Vec<Condition> {
    vec![
        eq("user_id", user_id),
        eq("resource_id", resource_id),
        one_of("status", ACTIVE),
        gt("ends_at", now),
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

/// The expectation message that means "read the quota again and retry":
/// the same person booked the resource meanwhile.
const QUOTA_CHANGED: &str = "quota-changed";

/// Tries with the bookings read just before the transaction, before the
/// booking is checked step by step inside it (see
/// [`availability::exhaustive_guards`]): cheaper while few requests
/// arrive at once, which is nearly always.
const OPTIMISTIC_TRIES: usize = 3;

/// Tries in all. After the optimistic ones, a try fails again only when
/// the resource's step changed meanwhile, when the person booked the
/// resource meanwhile, or when the step-by-step check of a long loan does
/// not fit in one transaction and the optimistic check is used instead;
/// each such failure means another change was committed, so progress is
/// made and this bound is not reached in practice.
const MAX_TRIES: usize = 64;

/// Most operations the booking puts in one transaction (the host takes
/// 1,000).
const MAX_OPERATIONS: usize = 990;

/// Books every slot, all or none, and returns the first booking's id.
///
/// The transaction expects, before each insert, that the slot is still
/// free (see [`availability`]), and that the person's bookings of the
/// resource are those the quota was read from. When a booking appeared
/// between the read and the write, everything is read again and tried
/// again; after a few tries the units out are checked at every step of
/// each slot within the serialised transaction, which needs no earlier
/// read, so that a burst of requests cannot starve a booking that fits.
///
/// # Errors
///
/// [`Error::Conflict`] with `slot-taken`, `stock-exceeded`,
/// `quota-exceeded`, `resource-withdrawn`, `series-too-long` or
/// `busy-try-again`; other storage failures.
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
    for attempt in 0..MAX_TRIES {
        let quota = if booker.quota && resource.quota > 0 {
            let used = quota_use(&booker.user.id, resource.id())?;
            if used.used >= resource.quota {
                return Err(Error::conflict("quota-exceeded"));
            }
            Some(used)
        } else {
            None
        };
        let existing = if resource.is_room() {
            Vec::new()
        } else {
            active_between(&[resource.id()], from, to)?
        };
        let exhaustive = if attempt >= OPTIMISTIC_TRIES && !resource.is_room() {
            exhaustive_guards(resource, slots, request, &existing)?
        } else {
            None
        };
        let step = exhaustive.as_ref().map(|e| e.step);
        let guards = match exhaustive {
            Some(e) => e.guards,
            None => slots
                .iter()
                .map(|o| {
                    availability::guards(resource, &existing, o.start, o.end, request.quantity)
                })
                .collect(),
        };
        let plan = Plan {
            slots,
            guards,
            step,
            quota,
        };
        let (tx, first) = booking_transaction(resource, &plan, request, booker, rule)?;
        match tx.commit() {
            Ok(outcomes) => {
                return first
                    .id(&outcomes)
                    .ok_or_else(|| Error::internal("the booking was not inserted"));
            }
            Err(Error::Conflict(m)) if m == STOCK_CHANGED || m == QUOTA_CHANGED => continue,
            Err(e) => return Err(e),
        }
    }
    Err(Error::conflict("busy-try-again"))
}

/// The step-by-step guards of every slot, and the step they were built on.
struct StepGuards {
    step: i64,
    guards: Vec<Vec<Guard>>,
}

/// The step-by-step guards of every slot, on the step read afresh; `None`
/// when they would not fit in one transaction.
fn exhaustive_guards(
    resource: &Resource,
    slots: &[Occurrence],
    request: &Request,
    existing: &[Booking],
) -> Result<Option<StepGuards>, Error> {
    let step = self::resource(resource.id())?.step_minutes;
    let mut total = 0;
    let mut all = Vec::with_capacity(slots.len());
    for o in slots {
        let guards = availability::exhaustive_guards(
            resource,
            existing,
            o.start,
            o.end,
            request.quantity,
            step,
        );
        // Each slot also takes its insert; a few more steps follow.
        total += guards.len() + 1;
        if total + 10 > MAX_OPERATIONS {
            return Ok(None);
        }
        all.push(guards);
    }
    Ok(Some(StepGuards { step, guards: all }))
}

/// What one try of a booking checks and writes.
struct Plan<'a> {
    /// The slots to book.
    slots: &'a [Occurrence],
    /// The guards of each slot.
    guards: Vec<Vec<Guard>>,
    /// The step the guards were built on, when they check every step.
    step: Option<i64>,
    /// The person's quota as read.
    quota: Option<QuotaUse>,
}

fn booking_transaction(
    resource: &Resource,
    plan: &Plan,
    request: &Request,
    booker: &Booker,
    rule: Option<&Json>,
) -> Result<(Transaction, db::Step), Error> {
    let slots = plan.slots;
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
    if let Some(step) = plan.step {
        // Bookings made meanwhile start on this step.
        tx.expect(
            "resources",
            [eq("id", resource.id()), eq("step_minutes", step)],
            Measure::count_rows(),
            Some(1.0),
            None,
            STOCK_CHANGED,
        );
    }
    if let Some(quota) = &plan.quota {
        // The quota counts series, which an expectation cannot: it
        // expects instead the dates the quota was counted from.
        let dates = quota.dates as f64;
        tx.expect(
            "bookings",
            quota_filter(&user.id, resource.id(), &quota.now),
            Measure::count_rows(),
            Some(dates),
            Some(dates),
            QUOTA_CHANGED,
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
    for (slot, guards) in slots.iter().zip(&plan.guards) {
        for guard in guards {
            expect_guard(&mut tx, guard, resource, slot);
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
    if tx.len() > MAX_OPERATIONS {
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
