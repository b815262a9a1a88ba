//! The rules a slot must follow before it can be booked: the booking
//! window, opening hours, time step, length, public holidays and closed
//! periods. Pure functions, so that each rule has its test.

use estive_kit::holidays::{self, Calendar, Holiday};
use estive_sdk::dates::{Date, DateTime};

use crate::hours::{self, Fit};
use crate::model::Resource;

pub use estive_kit::periods::{Period, in_periods, parse_periods};

/// What the rules are checked against.
#[derive(Clone, Debug)]
pub struct Limits<'a> {
    /// The site's local time now.
    pub now: DateTime,
    /// Which public holidays apply.
    pub holidays: Calendar,
    /// Periods when every resource is closed.
    pub closed: &'a [Period],
    /// Managers book outside the window and beyond quotas.
    pub manager: bool,
}

/// Why a slot cannot be booked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The end is not after the start.
    EndBeforeStart,
    /// The slot has started already.
    InPast,
    /// Less notice than the resource asks for.
    TooShortNotice(i64),
    /// Further ahead than the resource allows.
    BeyondHorizon(i64),
    /// Longer than the resource allows (hours).
    TooLong(i64),
    /// Times not on the resource's step (minutes).
    OffStep(i64),
    /// A room is booked within one day.
    RoomOverNight,
    /// The day has no opening.
    ClosedDay,
    /// Outside opening hours.
    OutsideHours,
    /// A public holiday, and the resource closes on them.
    Holiday(Holiday),
    /// A closed period.
    Closed(String),
}

impl Problem {
    /// The catalogue key of the message.
    pub fn key(&self) -> &'static str {
        match self {
            Problem::EndBeforeStart => "problem-end-before-start",
            Problem::InPast => "problem-in-past",
            Problem::TooShortNotice(_) => "problem-short-notice",
            Problem::BeyondHorizon(_) => "problem-beyond-horizon",
            Problem::TooLong(_) => "problem-too-long",
            Problem::OffStep(_) => "problem-off-step",
            Problem::RoomOverNight => "problem-room-overnight",
            Problem::ClosedDay => "problem-closed-day",
            Problem::OutsideHours => "problem-outside-hours",
            Problem::Holiday(_) => "problem-holiday",
            Problem::Closed(_) => "problem-closed-period",
        }
    }

    /// The arguments of the message (`n` or `name`), for `locale`.
    pub fn args(&self, locale: &str) -> Vec<(&'static str, String)> {
        match self {
            Problem::TooShortNotice(n)
            | Problem::BeyondHorizon(n)
            | Problem::TooLong(n)
            | Problem::OffStep(n) => vec![("n", n.to_string())],
            Problem::Holiday(h) => vec![("name", h.name(locale).to_owned())],
            Problem::Closed(label) => vec![("name", label.clone())],
            _ => Vec::new(),
        }
    }

    /// Which form field the problem is about.
    pub fn field(&self) -> &'static str {
        match self {
            Problem::EndBeforeStart | Problem::TooLong(_) | Problem::RoomOverNight => "end",
            _ => "start",
        }
    }
}

/// Every day a slot touches (its end excluded: a slot ending at midnight
/// does not touch the next day).
fn days_of(start: DateTime, end: DateTime) -> impl Iterator<Item = Date> {
    let last = hours::from_minutes((hours::minutes(end) - 1).max(hours::minutes(start))).date();
    let first = start.date();
    (0..=last.days_since(first).max(0)).map(move |n| first.add_days(n))
}

/// The problems of a slot for a resource; empty when it can be booked
/// (availability apart, which depends on other bookings).
pub fn check(resource: &Resource, start: DateTime, end: DateTime, limits: &Limits) -> Vec<Problem> {
    let mut problems = Vec::new();
    if end <= start {
        problems.push(Problem::EndBeforeStart);
        return problems;
    }
    let length = hours::minutes(end) - hours::minutes(start);
    if start < limits.now {
        problems.push(Problem::InPast);
    } else if !limits.manager {
        let notice = resource.min_notice_hours.max(0);
        if hours::minutes(start) - hours::minutes(limits.now) < notice * 60 {
            problems.push(Problem::TooShortNotice(notice));
        }
        let horizon = resource.horizon_days.max(0);
        if horizon > 0 && start.date() > limits.now.date().add_days(horizon) {
            problems.push(Problem::BeyondHorizon(horizon));
        }
    }
    if resource.max_hours > 0 && length > resource.max_hours * 60 && !limits.manager {
        problems.push(Problem::TooLong(resource.max_hours));
    }
    let step = resource.step_minutes.max(1);
    let on_step = |at: DateTime| i64::from(at.hour() * 60 + at.minute()) % step == 0;
    if !on_step(start) || !on_step(end) {
        problems.push(Problem::OffStep(step));
    }
    let hours = resource.opening_hours.as_ref();
    let fit = if resource.is_room() {
        let next_midnight = hours::at(start.date().add_days(1), 0);
        if end.date() != start.date() && end != next_midnight {
            problems.push(Problem::RoomOverNight);
            Fit::Open
        } else {
            hours::room_fits(hours, start, end)
        }
    } else {
        hours::handover_fits(hours, start, end)
    };
    match fit {
        Fit::Open => {}
        Fit::ClosedDay => problems.push(Problem::ClosedDay),
        Fit::OutsideHours => problems.push(Problem::OutsideHours),
    }
    for day in days_of(start, end) {
        if resource.closed_on_holidays
            && let Some(h) = holidays::holiday_in(day, limits.holidays)
        {
            problems.push(Problem::Holiday(h));
            break;
        }
    }
    for day in days_of(start, end) {
        if let Some(p) = limits.closed.iter().find(|p| p.contains(day)) {
            problems.push(Problem::Closed(p.label.clone()));
            break;
        }
    }
    problems
}

/// Whether a day is closed for a resource, and why: a public holiday or
/// a closed period (for calendars).
pub fn closure(
    resource: Option<&Resource>,
    day: Date,
    limits: &Limits,
    locale: &str,
) -> Option<String> {
    if resource.is_none_or(|r| r.closed_on_holidays)
        && let Some(h) = holidays::holiday_in(day, limits.holidays)
    {
        return Some(h.name(locale).to_owned());
    }
    limits
        .closed
        .iter()
        .find(|p| p.contains(day))
        .map(|p| p.label.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hours::OpeningHours;
    use crate::model::{EQUIPMENT, ROOM};

    fn t(text: &str) -> DateTime {
        DateTime::parse(text).unwrap()
    }

    fn hall() -> Resource {
        Resource {
            id: Some(1),
            kind: ROOM.into(),
            name: "Salle des fêtes".into(),
            stock: 1,
            opening_hours: Some(
                OpeningHours::parse(&[
                    "08:00-22:00",
                    "08:00-22:00",
                    "08:00-22:00",
                    "08:00-22:00",
                    "08:00-24:00",
                    "08:00-24:00",
                    "",
                ])
                .unwrap(),
            ),
            step_minutes: 30,
            closed_on_holidays: true,
            min_notice_hours: 48,
            horizon_days: 90,
            max_hours: 6,
            active: true,
            ..Resource::default()
        }
    }

    fn limits(closed: &[Period]) -> Limits<'_> {
        Limits {
            now: t("2026-11-28T09:00"),
            holidays: Calendar::National,
            closed,
            manager: false,
        }
    }

    fn problems(start: &str, end: &str) -> Vec<Problem> {
        check(&hall(), t(start), t(end), &limits(&[]))
    }

    #[test]
    fn a_good_slot_has_no_problem() {
        // Tuesday 1 December 2026.
        assert_eq!(problems("2026-12-01T18:00", "2026-12-01T22:00"), []);
    }

    #[test]
    fn an_end_before_the_start_is_the_only_problem_reported() {
        assert_eq!(
            problems("2026-12-01T18:00", "2026-12-01T17:00"),
            [Problem::EndBeforeStart]
        );
    }

    #[test]
    fn a_slot_outside_opening_hours_is_refused() {
        assert_eq!(
            problems("2026-12-01T21:00", "2026-12-01T23:00"),
            [Problem::OutsideHours]
        );
        // Sunday has no opening.
        assert_eq!(
            problems("2026-12-06T10:00", "2026-12-06T11:00"),
            [Problem::ClosedDay]
        );
    }

    #[test]
    fn a_slot_outside_the_booking_window_is_refused() {
        assert_eq!(
            problems("2026-11-29T10:00", "2026-11-29T11:00"),
            [Problem::TooShortNotice(48), Problem::ClosedDay]
        );
        assert_eq!(
            problems("2027-03-02T10:00", "2027-03-02T11:00"),
            [Problem::BeyondHorizon(90)]
        );
        assert_eq!(
            problems("2026-11-27T10:00", "2026-11-27T11:00"),
            [Problem::InPast]
        );
    }

    #[test]
    fn managers_book_outside_the_window_but_not_in_the_past() {
        let manager = Limits {
            manager: true,
            ..limits(&[])
        };
        let r = hall();
        assert_eq!(
            check(&r, t("2027-03-02T10:00"), t("2027-03-02T18:00"), &manager),
            []
        );
        assert_eq!(
            check(&r, t("2026-11-27T10:00"), t("2026-11-27T11:00"), &manager),
            [Problem::InPast]
        );
    }

    #[test]
    fn length_step_and_overnight_rooms_are_checked() {
        assert_eq!(
            problems("2026-12-01T08:00", "2026-12-01T15:00"),
            [Problem::TooLong(6)]
        );
        assert_eq!(
            problems("2026-12-01T18:15", "2026-12-01T20:00"),
            [Problem::OffStep(30)]
        );
        // Friday until midnight is fine; past midnight is not a room slot.
        assert_eq!(problems("2026-12-04T20:00", "2026-12-05T00:00"), []);
        assert_eq!(
            problems("2026-12-04T22:00", "2026-12-05T01:00"),
            [Problem::RoomOverNight]
        );
    }

    #[test]
    fn public_holidays_and_closed_periods_close_the_resource() {
        // Friday 25 December 2026 is Christmas.
        assert_eq!(
            problems("2026-12-25T10:00", "2026-12-25T12:00"),
            [Problem::Holiday(Holiday::Christmas)]
        );
        let closed = [Period {
            from: Date::parse("2026-12-14").unwrap(),
            to: Date::parse("2026-12-18").unwrap(),
            label: "Travaux".into(),
        }];
        assert_eq!(
            check(
                &hall(),
                t("2026-12-15T10:00"),
                t("2026-12-15T12:00"),
                &limits(&closed)
            ),
            [Problem::Closed("Travaux".into())]
        );
    }

    #[test]
    fn equipment_over_several_days_checks_every_day_it_covers() {
        let chairs = Resource {
            kind: EQUIPMENT.into(),
            max_hours: 0,
            opening_hours: None,
            ..hall()
        };
        // 24 to 26 December covers Christmas.
        let p = check(
            &chairs,
            t("2026-12-24T10:00"),
            t("2026-12-26T10:00"),
            &limits(&[]),
        );
        assert_eq!(p, [Problem::Holiday(Holiday::Christmas)]);
        // Ending at midnight on the 25th does not touch Christmas.
        let p = check(
            &chairs,
            t("2026-12-23T10:00"),
            t("2026-12-25T00:00"),
            &limits(&[]),
        );
        assert_eq!(p, []);
    }
}
