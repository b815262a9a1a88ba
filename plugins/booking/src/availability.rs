//! Whether a slot is free, and the checks that keep it free while the
//! booking is written.
//!
//! A room holds one booking at a time: the storage transaction that
//! writes a booking first expects *no* active booking of the room to
//! overlap the slot (`starts_at < end` and `ends_at > start`).
//!
//! Equipment holds as many bookings as its stock allows. The units in use
//! change only when a booking starts or ends, so the busiest moment of a
//! slot is its start or the start of another booking inside it. The
//! transaction expects, at each of those moments, that the units already
//! out leave enough for this booking; and, so that no moment is missed,
//! that no booking it did not know of starts inside the slot. The host
//! runs transactions with expectations on a table one at a time per site,
//! so a check and the write after it cannot interleave with another
//! request's: two requests for the last units cannot both succeed.
//!
//! Under a burst of requests for the same equipment, the bookings read
//! before the transaction are often out of date by the time it runs (each
//! waits its turn behind the others), and "no booking it did not know of"
//! fails again and again although units are left. So after a few such
//! tries the booking is written with [`exhaustive_guards`]: every booking
//! starts and ends on the resource's step, so the units out only change on
//! a step, and checking each step of the slot inside the serialised
//! transaction needs nothing read before it. The check is then as fresh as
//! the transaction itself, and a booking is refused only when it does not
//! fit.

use estive_sdk::dates::DateTime;

use crate::hours::{from_minutes, minutes};
use crate::model::{Booking, Resource};

/// Whether a booking holds part of `start`..`end`.
pub fn overlaps(b: &Booking, start: DateTime, end: DateTime) -> bool {
    b.is_active() && b.starts_at < end && b.ends_at > start
}

/// The active booking of a room that overlaps the slot, if any.
pub fn room_clash(existing: &[Booking], start: DateTime, end: DateTime) -> Option<&Booking> {
    existing.iter().find(|b| overlaps(b, start, end))
}

/// The moments of a slot when the units in use may be highest: its start
/// and every start of an overlapping booking inside it.
fn busy_moments(existing: &[Booking], start: DateTime, end: DateTime) -> Vec<DateTime> {
    let mut moments = vec![start];
    for b in existing {
        if overlaps(b, start, end) && b.starts_at > start && !moments.contains(&b.starts_at) {
            moments.push(b.starts_at);
        }
    }
    moments.sort();
    moments
}

/// Units in use at a moment.
fn in_use_at(existing: &[Booking], at: DateTime) -> i64 {
    existing
        .iter()
        .filter(|b| b.is_active() && b.starts_at <= at && at < b.ends_at)
        .map(|b| b.quantity)
        .sum()
}

/// The most units in use at any moment of the slot.
pub fn peak(existing: &[Booking], start: DateTime, end: DateTime) -> i64 {
    busy_moments(existing, start, end)
        .into_iter()
        .map(|at| in_use_at(existing, at))
        .max()
        .unwrap_or(0)
}

/// Whether a slot can take a booking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Availability {
    /// Yes.
    Free,
    /// A room already booked (the clashing booking's id).
    Taken(i64),
    /// Not enough units: how many are left.
    Short(i64),
}

/// Whether `quantity` units (1 for a room) are free over the slot.
pub fn availability(
    resource: &Resource,
    existing: &[Booking],
    start: DateTime,
    end: DateTime,
    quantity: i64,
) -> Availability {
    if resource.is_room() {
        return match room_clash(existing, start, end) {
            Some(b) => Availability::Taken(b.id()),
            None => Availability::Free,
        };
    }
    let left = resource.stock - peak(existing, start, end);
    if left >= quantity {
        Availability::Free
    } else {
        Availability::Short(left.max(0))
    }
}

/// One expectation of the transaction that writes a booking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Guard {
    /// No active booking of the resource overlaps the slot.
    NoOverlap,
    /// No active booking other than `known` starts inside the slot.
    NoUnknownStart {
        /// Ids of the overlapping bookings read before the transaction.
        known: Vec<i64>,
    },
    /// At `at`, the units of active bookings covering it are at most
    /// `max`.
    PeakAt {
        /// A busy moment.
        at: DateTime,
        /// Units that may already be out.
        max: i64,
    },
}

/// The guards of a booking of `quantity` units over a slot, given the
/// bookings read just before.
pub fn guards(
    resource: &Resource,
    existing: &[Booking],
    start: DateTime,
    end: DateTime,
    quantity: i64,
) -> Vec<Guard> {
    if resource.is_room() {
        return vec![Guard::NoOverlap];
    }
    let max = resource.stock - quantity;
    let mut known: Vec<i64> = existing
        .iter()
        .filter(|b| overlaps(b, start, end))
        .map(Booking::id)
        .collect();
    known.sort_unstable();
    let mut guards = vec![Guard::NoUnknownStart { known }];
    guards.extend(
        busy_moments(existing, start, end)
            .into_iter()
            .map(|at| Guard::PeakAt { at, max }),
    );
    guards
}

/// The guards of a booking that need no up-to-date reading of the other
/// bookings: the units out are checked at each `step` of the slot (where
/// bookings made meanwhile can start) and at the starts read before
/// (which may lie off the step if the resource's step changed since they
/// were booked). A room needs only its overlap check.
pub fn exhaustive_guards(
    resource: &Resource,
    existing: &[Booking],
    start: DateTime,
    end: DateTime,
    quantity: i64,
    step: i64,
) -> Vec<Guard> {
    if resource.is_room() {
        return vec![Guard::NoOverlap];
    }
    let max = resource.stock - quantity;
    let mut moments = busy_moments(existing, start, end);
    let step = step.max(1);
    let (from, to) = (minutes(start), minutes(end));
    // The first step at or after the start.
    let mut at = from + (step - from.rem_euclid(step)) % step;
    while at < to {
        moments.push(from_minutes(at));
        at += step;
    }
    moments.sort();
    moments.dedup();
    moments
        .into_iter()
        .map(|at| Guard::PeakAt { at, max })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{APPROVED, CANCELLED, EQUIPMENT, PENDING, ROOM};

    fn t(text: &str) -> DateTime {
        DateTime::parse(text).unwrap()
    }

    fn booking(id: i64, start: &str, end: &str, quantity: i64, status: &str) -> Booking {
        Booking {
            id: Some(id),
            starts_at: t(start),
            ends_at: t(end),
            quantity,
            status: status.into(),
            ..Booking::default()
        }
    }

    fn chairs() -> Resource {
        Resource {
            kind: EQUIPMENT.into(),
            stock: 200,
            ..Resource::default()
        }
    }

    #[test]
    fn touching_slots_do_not_overlap_and_cancelled_ones_free_the_room() {
        let room = Resource {
            kind: ROOM.into(),
            stock: 1,
            ..Resource::default()
        };
        let existing = [
            booking(1, "2026-12-01T10:00", "2026-12-01T12:00", 1, APPROVED),
            booking(2, "2026-12-01T14:00", "2026-12-01T16:00", 1, CANCELLED),
        ];
        let at = |s, e| availability(&room, &existing, t(s), t(e), 1);
        assert_eq!(
            at("2026-12-01T12:00", "2026-12-01T14:00"),
            Availability::Free
        );
        assert_eq!(
            at("2026-12-01T08:00", "2026-12-01T10:00"),
            Availability::Free
        );
        assert_eq!(
            at("2026-12-01T11:30", "2026-12-01T13:00"),
            Availability::Taken(1)
        );
        assert_eq!(
            at("2026-12-01T09:00", "2026-12-01T13:00"),
            Availability::Taken(1)
        );
        assert_eq!(
            at("2026-12-01T14:00", "2026-12-01T16:00"),
            Availability::Free
        );
    }

    #[test]
    fn equipment_counts_the_busiest_moment_not_the_sum_of_the_slot() {
        // 100 chairs on Monday and 100 on Wednesday: a loan from Monday to
        // Wednesday never sees more than 100 out, so 100 more are free.
        let existing = [
            booking(1, "2026-12-07T08:00", "2026-12-07T18:00", 100, APPROVED),
            booking(2, "2026-12-09T08:00", "2026-12-09T18:00", 100, PENDING),
        ];
        let (s, e) = (t("2026-12-07T08:00"), t("2026-12-09T18:00"));
        assert_eq!(peak(&existing, s, e), 100);
        assert_eq!(
            availability(&chairs(), &existing, s, e, 100),
            Availability::Free
        );
        assert_eq!(
            availability(&chairs(), &existing, s, e, 101),
            Availability::Short(100)
        );
    }

    #[test]
    fn stacked_loans_add_up_where_they_meet() {
        let existing = [
            booking(1, "2026-12-07T08:00", "2026-12-09T18:00", 120, APPROVED),
            booking(2, "2026-12-08T08:00", "2026-12-08T18:00", 70, APPROVED),
        ];
        assert_eq!(
            peak(&existing, t("2026-12-06T08:00"), t("2026-12-10T08:00")),
            190
        );
        assert_eq!(
            availability(
                &chairs(),
                &existing,
                t("2026-12-08T12:00"),
                t("2026-12-08T13:00"),
                11
            ),
            Availability::Short(10)
        );
    }

    #[test]
    fn a_room_is_guarded_by_one_overlap_check() {
        let room = Resource {
            kind: ROOM.into(),
            stock: 1,
            ..Resource::default()
        };
        assert_eq!(
            guards(&room, &[], t("2026-12-01T10:00"), t("2026-12-01T12:00"), 1),
            [Guard::NoOverlap]
        );
    }

    #[test]
    fn equipment_is_guarded_at_each_busy_moment_and_against_unknown_bookings() {
        let existing = [
            booking(4, "2026-12-07T08:00", "2026-12-09T18:00", 120, APPROVED),
            booking(9, "2026-12-08T08:00", "2026-12-08T18:00", 70, PENDING),
            booking(5, "2026-12-20T08:00", "2026-12-21T18:00", 70, APPROVED),
        ];
        let g = guards(
            &chairs(),
            &existing,
            t("2026-12-07T12:00"),
            t("2026-12-10T12:00"),
            10,
        );
        assert_eq!(
            g,
            [
                Guard::NoUnknownStart { known: vec![4, 9] },
                Guard::PeakAt {
                    at: t("2026-12-07T12:00"),
                    max: 190
                },
                Guard::PeakAt {
                    at: t("2026-12-08T08:00"),
                    max: 190
                },
            ]
        );
    }

    #[test]
    fn exhaustive_guards_check_every_step_of_the_slot_and_the_known_starts_off_it() {
        // Booked when the step was 10 minutes: its start is off today's
        // 30-minute step, and still checked.
        let existing = [booking(
            4,
            "2026-12-07T11:10",
            "2026-12-07T12:00",
            20,
            APPROVED,
        )];
        let g = exhaustive_guards(
            &chairs(),
            &existing,
            t("2026-12-07T10:00"),
            t("2026-12-07T12:00"),
            10,
            30,
        );
        let at = |s| Guard::PeakAt { at: t(s), max: 190 };
        assert_eq!(
            g,
            [
                at("2026-12-07T10:00"),
                at("2026-12-07T10:30"),
                at("2026-12-07T11:00"),
                at("2026-12-07T11:10"),
                at("2026-12-07T11:30"),
            ]
        );
    }

    #[test]
    fn exhaustive_guards_cross_midnight_on_the_step() {
        let g = exhaustive_guards(
            &chairs(),
            &[],
            t("2026-12-07T23:00"),
            t("2026-12-08T01:00"),
            1,
            60,
        );
        let moments: Vec<String> = g
            .iter()
            .map(|g| match g {
                Guard::PeakAt { at, .. } => at.to_string(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(moments, ["2026-12-07T23:00", "2026-12-08T00:00"]);
    }
}
