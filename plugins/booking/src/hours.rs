//! Times of day and opening hours.
//!
//! Booking times are wall times in the site's zone, so a day always has
//! 24 hours here; a slot that ends at midnight ends at `24:00` of its day.

use estive_sdk::dates::{Date, DateTime};
use serde::{Deserialize, Serialize};

/// Minutes in a day.
pub const DAY: u32 = 24 * 60;

/// A date-time with seconds dropped, so that its text is always
/// `YYYY-MM-DDTHH:MM` (fixed width: text order is time order).
pub fn minute_precision(at: DateTime) -> DateTime {
    DateTime::new(at.date(), at.hour(), at.minute(), 0).unwrap_or(at)
}

/// Minutes since 1970-01-01T00:00 (wall time), to measure durations.
pub fn minutes(at: DateTime) -> i64 {
    at.date().unix_days() * i64::from(DAY) + i64::from(at.hour() * 60 + at.minute())
}

/// The wall time a number of minutes after 1970-01-01T00:00.
pub fn from_minutes(total: i64) -> DateTime {
    let day = total.div_euclid(i64::from(DAY));
    let of_day = total.rem_euclid(i64::from(DAY)) as u32;
    DateTime::new(Date::from_unix_days(day), of_day / 60, of_day % 60, 0)
        .expect("minutes of a day are a valid time")
}

/// A date at a number of minutes after midnight (less than a day).
pub fn at(date: Date, minute_of_day: u32) -> DateTime {
    DateTime::new(date, minute_of_day / 60, minute_of_day % 60, 0).expect("a time of day")
}

/// `HH:MM` of minutes after midnight (`24:00` for the end of the day).
pub fn hhmm(minute_of_day: u32) -> String {
    format!("{:02}:{:02}", minute_of_day / 60, minute_of_day % 60)
}

/// Minutes after midnight of `HH:MM`, `H:MM`, `HHhMM`, `HHh` or `HH`;
/// `24:00` is accepted as the end of the day.
pub fn parse_time(text: &str) -> Option<u32> {
    let text = text.trim();
    let (h, m) = match text.find([':', 'h', 'H']) {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => (text, ""),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || !(m.is_empty() || (digits(m) && m.len() == 2)) {
        return None;
    }
    let h: u32 = h.parse().ok()?;
    let m: u32 = if m.is_empty() { 0 } else { m.parse().ok()? };
    let total = h * 60 + m;
    (m < 60 && total <= DAY).then_some(total)
}

/// Opening ranges per weekday, Monday first: minutes after midnight,
/// opening included, closing excluded.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OpeningHours {
    days: Vec<Vec<(u32, u32)>>,
}

/// Why a line of opening hours was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HoursError {
    /// Not `HH:MM-HH:MM` ranges separated by commas.
    Malformed,
    /// A range closes before it opens, or ranges overlap.
    Disordered,
}

impl OpeningHours {
    /// Parses one text per weekday (Monday first), each a list of ranges
    /// such as `08:00-12:00, 14:00-22:00`; an empty text is a closed day.
    ///
    /// # Errors
    ///
    /// The weekday index (0 for Monday) and what is wrong with its text.
    pub fn parse(texts: &[&str]) -> Result<OpeningHours, (usize, HoursError)> {
        let mut days = Vec::with_capacity(7);
        for (i, text) in texts.iter().take(7).enumerate() {
            days.push(parse_ranges(text).map_err(|e| (i, e))?);
        }
        days.resize(7, Vec::new());
        Ok(OpeningHours { days })
    }

    /// The ranges of a weekday (1 for Monday to 7 for Sunday).
    pub fn ranges(&self, weekday: u32) -> &[(u32, u32)] {
        self.days
            .get(weekday.wrapping_sub(1) as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// The ranges of a date.
    pub fn on(&self, date: Date) -> &[(u32, u32)] {
        self.ranges(date.weekday().number_from_monday())
    }

    /// The text of a weekday's ranges, as the form shows it.
    pub fn text(&self, weekday: u32) -> String {
        self.ranges(weekday)
            .iter()
            .map(|(a, b)| format!("{}-{}", hhmm(*a), hhmm(*b)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Whether no day has any opening.
    pub fn always_closed(&self) -> bool {
        self.days.iter().all(Vec::is_empty)
    }

    /// The earliest opening and latest closing over the week, to size a
    /// week grid; `None` when always closed.
    pub fn span(&self) -> Option<(u32, u32)> {
        let all = self.days.iter().flatten();
        let open = all.clone().map(|r| r.0).min()?;
        let close = all.map(|r| r.1).max()?;
        Some((open, close))
    }
}

fn parse_ranges(text: &str) -> Result<Vec<(u32, u32)>, HoursError> {
    let mut ranges = Vec::new();
    for part in text.split([',', ';']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let (a, b) = part
            .split_once(['-', '–', '—'])
            .or_else(|| part.split_once(" à "))
            .ok_or(HoursError::Malformed)?;
        let (a, b) = (
            parse_time(a).ok_or(HoursError::Malformed)?,
            parse_time(b).ok_or(HoursError::Malformed)?,
        );
        if a >= b {
            return Err(HoursError::Disordered);
        }
        ranges.push((a, b));
    }
    ranges.sort_unstable();
    if ranges.windows(2).any(|w| w[0].1 > w[1].0) {
        return Err(HoursError::Disordered);
    }
    Ok(ranges)
}

/// Where a slot stands against opening hours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// Inside the hours.
    Open,
    /// The day has no opening at all.
    ClosedDay,
    /// Partly or wholly outside the hours.
    OutsideHours,
}

/// Whether a room slot (within one day; an end at the next midnight is
/// `24:00`) lies inside one opening range.
pub fn room_fits(hours: Option<&OpeningHours>, start: DateTime, end: DateTime) -> Fit {
    let Some(hours) = hours else {
        return Fit::Open;
    };
    let day = start.date();
    let ranges = hours.on(day);
    if ranges.is_empty() {
        return Fit::ClosedDay;
    }
    let from = start.hour() * 60 + start.minute();
    let to = if end.date() == day {
        end.hour() * 60 + end.minute()
    } else {
        DAY
    };
    if ranges.iter().any(|(a, b)| *a <= from && to <= *b) {
        Fit::Open
    } else {
        Fit::OutsideHours
    }
}

/// Whether equipment can be collected at `start` and brought back at
/// `end`: each moment must fall in an opening range of its day (the
/// closing time included).
pub fn handover_fits(hours: Option<&OpeningHours>, start: DateTime, end: DateTime) -> Fit {
    let Some(hours) = hours else {
        return Fit::Open;
    };
    let mut fit = Fit::Open;
    for moment in [start, end] {
        let ranges = hours.on(moment.date());
        let m = moment.hour() * 60 + moment.minute();
        if ranges.is_empty() {
            return Fit::ClosedDay;
        }
        if !ranges.iter().any(|(a, b)| *a <= m && m <= *b) {
            fit = Fit::OutsideHours;
        }
    }
    fit
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> DateTime {
        DateTime::parse(text).unwrap()
    }

    fn week(texts: [&str; 7]) -> OpeningHours {
        OpeningHours::parse(&texts).unwrap()
    }

    #[test]
    fn times_of_day_accept_french_and_colon_forms() {
        assert_eq!(parse_time("08:30"), Some(510));
        assert_eq!(parse_time("8h30"), Some(510));
        assert_eq!(parse_time("14h"), Some(840));
        assert_eq!(parse_time("24:00"), Some(DAY));
        assert_eq!(parse_time("24:30"), None);
        assert_eq!(parse_time("8:7"), None);
        assert_eq!(parse_time("midi"), None);
    }

    #[test]
    fn ranges_are_parsed_sorted_and_shown_again() {
        let hours = week(["14:00-22:00, 8h-12h", "", "", "", "", "", ""]);
        assert_eq!(hours.ranges(1), [(480, 720), (840, 1320)]);
        assert_eq!(hours.text(1), "08:00-12:00, 14:00-22:00");
        assert!(hours.ranges(2).is_empty());
        assert_eq!(hours.span(), Some((480, 1320)));
    }

    #[test]
    fn overlapping_or_reversed_ranges_are_refused_with_their_day() {
        assert_eq!(
            OpeningHours::parse(&["", "10:00-09:00"]),
            Err((1, HoursError::Disordered))
        );
        assert_eq!(
            OpeningHours::parse(&["08:00-12:00, 11:00-13:00"]),
            Err((0, HoursError::Disordered))
        );
        assert_eq!(
            OpeningHours::parse(&["", "", "le matin"]),
            Err((2, HoursError::Malformed))
        );
    }

    #[test]
    fn a_room_slot_must_sit_inside_one_range() {
        // 2026-12-07 is a Monday, 2026-12-08 a Tuesday.
        let hours = week(["08:00-12:00, 14:00-24:00", "", "", "", "", "", ""]);
        let h = Some(&hours);
        assert_eq!(
            room_fits(h, t("2026-12-07T09:00"), t("2026-12-07T12:00")),
            Fit::Open
        );
        assert_eq!(
            room_fits(h, t("2026-12-07T11:00"), t("2026-12-07T15:00")),
            Fit::OutsideHours
        );
        assert_eq!(
            room_fits(h, t("2026-12-07T20:00"), t("2026-12-08T00:00")),
            Fit::Open
        );
        assert_eq!(
            room_fits(h, t("2026-12-08T09:00"), t("2026-12-08T10:00")),
            Fit::ClosedDay
        );
        assert_eq!(
            room_fits(None, t("2026-12-08T01:00"), t("2026-12-08T02:00")),
            Fit::Open
        );
    }

    #[test]
    fn equipment_is_collected_and_returned_within_opening_hours() {
        let hours = week(["08:00-17:00", "08:00-17:00", "", "", "", "09:00-12:00", ""]);
        let h = Some(&hours);
        // Monday 17:00 to Tuesday 08:00: both at a range's edge.
        assert_eq!(
            handover_fits(h, t("2026-12-07T17:00"), t("2026-12-08T08:00")),
            Fit::Open
        );
        assert_eq!(
            handover_fits(h, t("2026-12-07T18:00"), t("2026-12-08T08:00")),
            Fit::OutsideHours
        );
        // Returned on a Wednesday, when the store is closed.
        assert_eq!(
            handover_fits(h, t("2026-12-07T10:00"), t("2026-12-09T10:00")),
            Fit::ClosedDay
        );
    }

    #[test]
    fn minutes_round_trip_and_drop_seconds() {
        let at = t("2026-03-29T02:30");
        assert_eq!(from_minutes(minutes(at)), at);
        assert_eq!(
            minute_precision(t("2026-03-29T02:30:45")).to_string(),
            "2026-03-29T02:30"
        );
    }
}
