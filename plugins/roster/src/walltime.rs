//! Local wall times and the real time between them.
//!
//! Shifts are kept as the site's local wall times `YYYY-MM-DDTHH:MM`, so
//! that a shift keeps its hours on the screen whatever the clocks do. Its
//! duration, however, is what the agent really works: the night the clocks
//! go forward a 22:00–06:00 shift lasts 7 hours in Paris, the night they go
//! back it lasts 9.
//!
//! Zones named `Europe/…` follow the European Union's rule (since 1996):
//! clocks go forward one hour at 01:00 UTC on the last Sunday of March and
//! back one hour at 01:00 UTC on the last Sunday of October — in Paris
//! 02:00 becomes 03:00, then 03:00 becomes 02:00 again. The European zones
//! that keep one time all year (Moscow, Istanbul, Minsk…) are listed apart.
//! Every other zone (`America/Martinique`, `Indian/Reunion`,
//! `Pacific/Noumea`, `Etc/…`) is read without a change of clocks: the real
//! time is the wall-clock difference. The overseas territories the sites
//! serve keep one time all year, so nothing else is needed.
//!
//! Two wall times are not plain on the night of a change, and are read as
//! most calendar software reads them (RFC 9557's "compatible" choice):
//! - one that does not exist (02:30 in Paris on the March night) is read
//!   with the clock of before the change: it is the instant the clocks
//!   call 03:30;
//! - one that exists twice (02:30 in Paris on the October night) is the
//!   first of the two, in summer time.

use estive_sdk::dates::{Date, DateTime};

/// European zones that do not change their clocks.
const EUROPE_WITHOUT_CHANGE: [&str; 10] = [
    "Europe/Astrakhan",
    "Europe/Istanbul",
    "Europe/Kaliningrad",
    "Europe/Kirov",
    "Europe/Minsk",
    "Europe/Moscow",
    "Europe/Samara",
    "Europe/Saratov",
    "Europe/Ulyanovsk",
    "Europe/Volgograd",
];

/// European zones an hour behind Central European Time in winter (UTC).
const EUROPE_WESTERN: [&str; 7] = [
    "Europe/Belfast",
    "Europe/Dublin",
    "Europe/Guernsey",
    "Europe/Isle_of_Man",
    "Europe/Jersey",
    "Europe/Lisbon",
    "Europe/London",
];

/// European zones an hour ahead of Central European Time in winter (UTC+2).
const EUROPE_EASTERN: [&str; 12] = [
    "Europe/Athens",
    "Europe/Bucharest",
    "Europe/Chisinau",
    "Europe/Helsinki",
    "Europe/Kiev",
    "Europe/Kyiv",
    "Europe/Mariehamn",
    "Europe/Nicosia",
    "Europe/Riga",
    "Europe/Sofia",
    "Europe/Tallinn",
    "Europe/Vilnius",
];

/// Parses a wall time written exactly `YYYY-MM-DDTHH:MM` (no seconds, no
/// space for the `T`, no zone).
pub fn parse(text: &str) -> Option<DateTime> {
    let bytes = text.as_bytes();
    if bytes.len() != 16 || bytes[10] != b'T' {
        return None;
    }
    DateTime::parse(text)
}

/// Parses a time of day `HH:MM` into minutes after midnight.
pub fn time_of_day(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    if bytes.len() != 5
        || bytes[2] != b':'
        || !text[..2]
            .bytes()
            .chain(text[3..].bytes())
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let hour: i64 = text[..2].parse().ok()?;
    let minute: i64 = text[3..].parse().ok()?;
    (hour < 24 && minute < 60).then_some(hour * 60 + minute)
}

/// Minutes from 1970-01-01T00:00 to a wall time, as if no clock ever
/// changed.
pub fn wall(at: DateTime) -> i64 {
    at.date().unix_days() * 1440 + i64::from(at.hour()) * 60 + i64::from(at.minute())
}

/// The wall time at a count of [`wall`] minutes.
fn from_wall(minutes: i64) -> Option<DateTime> {
    let day = Date::from_unix_days(minutes.div_euclid(1440));
    let of_day = minutes.rem_euclid(1440);
    DateTime::new(day, (of_day / 60) as u32, (of_day % 60) as u32, 0)
}

/// The offset from UTC of a European zone in winter, in minutes, when it
/// changes its clocks by the EU rule.
fn european_winter_offset(timezone: &str) -> Option<i64> {
    if !timezone.starts_with("Europe/") || EUROPE_WITHOUT_CHANGE.contains(&timezone) {
        None
    } else if EUROPE_WESTERN.contains(&timezone) {
        Some(0)
    } else if EUROPE_EASTERN.contains(&timezone) {
        Some(120)
    } else {
        Some(60)
    }
}

/// The last Sunday of a month, at 01:00 UTC, in [`wall`] minutes of UTC.
fn last_sunday_one_utc(year: i32, month: u32) -> i64 {
    let last = Date::new(year, month, 31).unwrap_or_default();
    let sunday = last.add_days(-i64::from(last.weekday().number_from_monday() % 7));
    sunday.unix_days() * 1440 + 60
}

thread_local! {
    /// The last year asked for and its summer time: a page counts many
    /// shifts of the same year.
    static SUMMER: std::cell::Cell<Option<(i32, i64, i64)>> = const { std::cell::Cell::new(None) };
}

/// When summer time runs in a year, in [`wall`] minutes of UTC.
fn summer_time(year: i32) -> std::ops::Range<i64> {
    SUMMER.with(|cached| match cached.get() {
        Some((y, from, to)) if y == year => from..to,
        _ => {
            let (from, to) = (last_sunday_one_utc(year, 3), last_sunday_one_utc(year, 10));
            cached.set(Some((year, from, to)));
            from..to
        }
    })
}

/// A wall time on the zone's scale of real minutes: two instants of the
/// same zone are [`instant`]`(b) - `[`instant`]`(a)` real minutes apart.
/// For a European zone this is UTC; elsewhere it is the wall time itself,
/// which differs from UTC by a constant that no difference sees.
pub fn instant(at: DateTime, timezone: &str) -> i64 {
    let wall = wall(at);
    let Some(winter) = european_winter_offset(timezone) else {
        return wall;
    };
    let year = at.date().year();
    let summer_utc = wall - winter - 60;
    if summer_time(year).contains(&summer_utc) {
        // In summer time; on the October night, the first of the two
        // readings of an hour lived twice.
        summer_utc
    } else {
        // In winter time; on the March night, an hour that does not exist
        // is read with the winter clock (02:30 is the instant called 03:30).
        wall - winter
    }
}

/// The real minutes from `start` to `end`, local wall times of the zone
/// (negative when `end` comes first).
///
/// ```
/// use estive_plugin_roster::walltime::{minutes, parse};
///
/// let (start, end) = (parse("2026-03-28T22:00").unwrap(), parse("2026-03-29T06:00").unwrap());
/// assert_eq!(minutes(start, end, "Europe/Paris"), 7 * 60);
/// assert_eq!(minutes(start, end, "America/Martinique"), 8 * 60);
/// ```
pub fn minutes(start: DateTime, end: DateTime, timezone: &str) -> i64 {
    instant(end, timezone) - instant(start, timezone)
}

/// The minutes of `start..end` (wall times) inside the nightly window from
/// `night_start` to `night_end` (`HH:MM`; the window crosses midnight when
/// its end comes before its start, as 22:00–05:00 does). Counted on the
/// wall clock: the hour a change of clocks adds or removes in the night is
/// not told apart. Zero when a time cannot be read.
pub fn night_minutes(
    start: DateTime,
    end: DateTime,
    night_start: &str,
    night_end: &str,
    timezone: &str,
) -> i64 {
    let (Some(from), Some(to)) = (time_of_day(night_start), time_of_day(night_end)) else {
        return 0;
    };
    if from == to {
        return 0;
    }
    let (start, end) = (wall(start), wall(end));
    if end <= start {
        return 0;
    }
    let length = if to > from {
        to - from
    } else {
        to + 1440 - from
    };
    // Every night that may touch the span: the one starting the day
    // before its start up to the one starting on the day of its end.
    let first_day = start.div_euclid(1440) - 1;
    let last_day = end.div_euclid(1440);
    (first_day..=last_day)
        .map(|day| {
            let night = day * 1440 + from;
            let (a, b) = (start.max(night), end.min(night + length));
            if b <= a {
                return 0;
            }
            // Real minutes: the night of a clock change is an hour
            // shorter or longer, as the shift itself is.
            match (from_wall(a), from_wall(b)) {
                (Some(a), Some(b)) => minutes(a, b, timezone).max(0),
                _ => b - a,
            }
        })
        .sum()
}

/// The wall time `minutes` after `at` on the wall clock, if it exists in
/// the calendar (years 0–9999).
pub fn add_wall_minutes(at: DateTime, minutes: i64) -> Option<DateTime> {
    from_wall(wall(at) + minutes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime {
        parse(text).unwrap()
    }

    fn span(start: &str, end: &str, timezone: &str) -> i64 {
        minutes(at(start), at(end), timezone)
    }

    #[test]
    fn only_the_exact_wall_time_shape_is_read() {
        assert_eq!(at("2026-12-07T08:30").to_string(), "2026-12-07T08:30");
        for text in [
            "2026-12-07 08:30",
            "2026-12-07T08:30:00",
            "2026-12-07T8:30",
            "2026-12-07T24:00",
            "2026-12-07",
            "2026-12-07T08:30+01:00",
            "",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }

    #[test]
    fn times_of_day_are_read_as_minutes() {
        assert_eq!(time_of_day("22:00"), Some(1320));
        assert_eq!(time_of_day("05:30"), Some(330));
        assert_eq!(time_of_day("24:00"), None);
        assert_eq!(time_of_day("5:30"), None);
        assert_eq!(time_of_day("+5:30"), None);
    }

    #[test]
    fn a_night_shift_lasts_seven_hours_when_clocks_go_forward_in_paris() {
        assert_eq!(
            span("2026-03-28T22:00", "2026-03-29T06:00", "Europe/Paris"),
            7 * 60
        );
        // The night before and after are plain.
        assert_eq!(
            span("2026-03-27T22:00", "2026-03-28T06:00", "Europe/Paris"),
            8 * 60
        );
        assert_eq!(
            span("2026-03-29T22:00", "2026-03-30T06:00", "Europe/Paris"),
            8 * 60
        );
    }

    #[test]
    fn a_night_shift_lasts_nine_hours_when_clocks_go_back_in_paris() {
        assert_eq!(
            span("2026-10-24T22:00", "2026-10-25T06:00", "Europe/Paris"),
            9 * 60
        );
        assert_eq!(
            span("2025-10-25T22:00", "2025-10-26T06:00", "Europe/Paris"),
            9 * 60
        );
    }

    #[test]
    fn zones_without_a_change_of_clocks_count_the_wall_difference() {
        for zone in [
            "America/Martinique",
            "Indian/Reunion",
            "Etc/UTC",
            "Europe/Moscow",
        ] {
            assert_eq!(
                span("2026-03-28T22:00", "2026-03-29T06:00", zone),
                8 * 60,
                "{zone}"
            );
            assert_eq!(
                span("2026-10-24T22:00", "2026-10-25T06:00", zone),
                8 * 60,
                "{zone}"
            );
        }
    }

    #[test]
    fn the_change_comes_at_one_utc_in_every_european_zone() {
        // London changes at 01:00 local, Helsinki at 03:00 local.
        assert_eq!(
            span("2026-03-29T00:30", "2026-03-29T02:30", "Europe/London"),
            60
        );
        assert_eq!(
            span("2026-03-29T01:30", "2026-03-29T03:30", "Europe/Paris"),
            60
        );
        assert_eq!(
            span("2026-03-29T01:30", "2026-03-29T03:30", "Europe/Helsinki"),
            2 * 60
        );
        assert_eq!(
            span("2026-03-29T02:30", "2026-03-29T04:30", "Europe/Helsinki"),
            60
        );
    }

    #[test]
    fn a_wall_time_that_does_not_exist_is_read_with_the_clock_of_before() {
        // 02:30 on the March night is the instant the clocks call 03:30.
        let paris = "Europe/Paris";
        assert_eq!(
            instant(at("2026-03-29T02:30"), paris),
            instant(at("2026-03-29T03:30"), paris)
        );
        assert_eq!(span("2026-03-29T01:00", "2026-03-29T02:30", paris), 90);
        assert_eq!(span("2026-03-29T02:30", "2026-03-29T04:00", paris), 30);
    }

    #[test]
    fn a_wall_time_that_exists_twice_is_the_first_one_in_summer_time() {
        let paris = "Europe/Paris";
        // From 00:00 (summer) to the first 02:30: two and a half hours.
        assert_eq!(span("2026-10-25T00:00", "2026-10-25T02:30", paris), 150);
        // From the first 02:30 to 03:00 (winter): the hour lived twice too.
        assert_eq!(span("2026-10-25T02:30", "2026-10-25T03:00", paris), 90);
        assert_eq!(span("2026-10-25T01:59", "2026-10-25T02:00", paris), 1);
    }

    #[test]
    fn night_minutes_count_the_window_across_midnight() {
        let night =
            |s: &str, e: &str| night_minutes(at(s), at(e), "22:00", "05:00", "Europe/Paris");
        assert_eq!(night("2026-12-07T20:00", "2026-12-08T06:00"), 7 * 60);
        assert_eq!(night("2026-12-07T08:00", "2026-12-07T17:00"), 0);
        assert_eq!(night("2026-12-07T04:00", "2026-12-07T12:00"), 60);
        assert_eq!(night("2026-12-07T21:30", "2026-12-07T22:15"), 15);
        assert_eq!(night("2026-12-07T22:00", "2026-12-07T22:00"), 0);
        // Two nights in one long span.
        assert_eq!(night("2026-12-07T04:00", "2026-12-08T01:00"), 60 + 3 * 60);
        // The nights of the clock changes in Paris: 22:00–05:00 holds six
        // real hours in March and eight in October.
        assert_eq!(night("2027-03-27T22:00", "2027-03-28T06:00"), 6 * 60);
        assert_eq!(night("2027-10-30T22:00", "2027-10-31T06:00"), 8 * 60);
        // A window that does not cross midnight, and unreadable ones.
        assert_eq!(
            night_minutes(
                at("2026-12-07T00:00"),
                at("2026-12-07T08:00"),
                "01:00",
                "05:00",
                "Europe/Paris"
            ),
            240
        );
        assert_eq!(
            night_minutes(
                at("2026-12-07T00:00"),
                at("2026-12-07T08:00"),
                "1:00",
                "05:00",
                "Europe/Paris"
            ),
            0
        );
    }

    #[test]
    fn wall_minutes_step_across_days() {
        assert_eq!(
            add_wall_minutes(at("2026-12-31T22:00"), 180),
            Some(at("2027-01-01T01:00"))
        );
        assert_eq!(
            add_wall_minutes(at("2026-12-07T08:00"), -480),
            Some(at("2026-12-07T00:00"))
        );
    }
}
