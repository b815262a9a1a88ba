//! Calendar dates as the host passes them: `YYYY-MM-DD` text.
//!
//! The host stores `date` columns as `YYYY-MM-DD` and gives the site's
//! current date in [`clock::now`](crate::clock::now). [`Date`] parses,
//! compares and steps such dates, and serialises back to the same text, so
//! typed rows can hold a `Date` field directly. [`DateTime`] does the same
//! for the `YYYY-MM-DDTHH:MM` of an HTML `datetime-local` field.
//!
//! No time zones here: the host gives dates already in the site's zone.
//!
//! ```
//! use estive_sdk::dates::{Date, Weekday};
//!
//! let day: Date = "2026-11-28".parse().unwrap();
//! assert_eq!(day.weekday(), Weekday::Saturday);
//! assert_eq!(day.add_days(7).to_string(), "2026-12-05");
//! assert_eq!(day.iso_week().to_string(), "2026-W48");
//! assert_eq!(day.monday().to_string(), "2026-11-23");
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A day of the proleptic Gregorian calendar, years 0 to 9999.
///
/// Orders chronologically; displays and serialises as `YYYY-MM-DD`. The
/// default is 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Default for Date {
    fn default() -> Self {
        Date {
            year: 1970,
            month: 1,
            day: 1,
        }
    }
}

/// Whether a year has a 29th of February.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days of a month (1–12) of a year; 0 for a month out of
/// range.
///
/// ```
/// assert_eq!(estive_sdk::dates::days_in_month(2028, 2), 29);
/// ```
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days from 1970-01-01 to a civil date (Howard Hinnant's algorithm).
fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (i64::from(month) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a number of days from 1970-01-01.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn parse_digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl Date {
    /// The earliest date: 0000-01-01.
    pub const MIN: Date = Date {
        year: 0,
        month: 1,
        day: 1,
    };
    /// The latest date: 9999-12-31.
    pub const MAX: Date = Date {
        year: 9999,
        month: 12,
        day: 31,
    };

    /// The date of a year, month (1–12) and day (1–31), if it exists.
    ///
    /// ```
    /// use estive_sdk::dates::Date;
    ///
    /// assert!(Date::new(2026, 2, 29).is_none());
    /// assert!(Date::new(2028, 2, 29).is_some());
    /// ```
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(0..=9999).contains(&year) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// Parses `YYYY-MM-DD` (exactly: four, two and two digits).
    ///
    /// ```
    /// use estive_sdk::dates::Date;
    ///
    /// assert!(Date::parse("2026-11-28").is_some());
    /// assert!(Date::parse("2026-11-31").is_none());
    /// assert!(Date::parse("28/11/2026").is_none());
    /// ```
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let year = parse_digits(&text[0..4])?;
        let month = parse_digits(&text[5..7])?;
        let day = parse_digits(&text[8..10])?;
        Date::new(year as i32, month, day)
    }

    /// The date a number of days after 1970-01-01 (before, when negative),
    /// clamped to [`Date::MIN`]..=[`Date::MAX`].
    pub fn from_unix_days(days: i64) -> Date {
        let (year, month, day) = civil_from_days(days);
        if year < 0 {
            Date::MIN
        } else if year > 9999 {
            Date::MAX
        } else {
            Date {
                year: year as i32,
                month: month as u8,
                day: day as u8,
            }
        }
    }

    /// The number of days from 1970-01-01 to this date.
    pub fn unix_days(self) -> i64 {
        days_from_civil(self.year, self.month.into(), self.day.into())
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        self.month.into()
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u32 {
        self.day.into()
    }

    /// The day of the year, 1–366.
    pub fn ordinal(self) -> u32 {
        (self.unix_days() - Date::first_of_year(self.year).unix_days()) as u32 + 1
    }

    fn first_of_year(year: i32) -> Date {
        Date {
            year,
            month: 1,
            day: 1,
        }
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday, index 3 counting from Monday.
        Weekday::from_index((self.unix_days() + 3).rem_euclid(7) as u8)
    }

    /// The date `days` later (earlier when negative), clamped to
    /// [`Date::MIN`]..=[`Date::MAX`].
    #[must_use]
    pub fn add_days(self, days: i64) -> Date {
        Date::from_unix_days(self.unix_days().saturating_add(days))
    }

    /// The same day `months` later (earlier when negative), or the last
    /// day of that month when it is shorter (31 January + 1 month = 28 or 29
    /// February).
    #[must_use]
    pub fn add_months(self, months: i32) -> Date {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(months);
        let year = index.div_euclid(12).clamp(0, 9999) as i32;
        let month = index.rem_euclid(12) as u32 + 1;
        let day = u32::from(self.day).min(days_in_month(year, month));
        Date {
            year,
            month: month as u8,
            day: day as u8,
        }
    }

    /// The number of days from `earlier` to this date (negative when
    /// `earlier` is later).
    ///
    /// ```
    /// use estive_sdk::dates::Date;
    ///
    /// let a = Date::parse("2026-12-24").unwrap();
    /// let b = Date::parse("2027-01-02").unwrap();
    /// assert_eq!(b.days_since(a), 9);
    /// ```
    pub fn days_since(self, earlier: Date) -> i64 {
        self.unix_days() - earlier.unix_days()
    }

    /// The first day of the month.
    #[must_use]
    pub fn first_of_month(self) -> Date {
        Date { day: 1, ..self }
    }

    /// The last day of the month.
    #[must_use]
    pub fn last_of_month(self) -> Date {
        Date {
            day: days_in_month(self.year, self.month.into()) as u8,
            ..self
        }
    }

    /// The Monday of the ISO week of this date (the date itself on a
    /// Monday).
    #[must_use]
    pub fn monday(self) -> Date {
        self.add_days(-i64::from(self.weekday().index()))
    }

    /// The ISO 8601 week of this date: weeks start on Monday, and week 1
    /// is the one holding the year's first Thursday, so the first days of
    /// January may belong to the previous year's last week.
    ///
    /// ```
    /// use estive_sdk::dates::Date;
    ///
    /// let w = Date::parse("2027-01-01").unwrap().iso_week();
    /// assert_eq!((w.year, w.week), (2026, 53));
    /// ```
    pub fn iso_week(self) -> IsoWeek {
        let thursday = self.add_days(3 - i64::from(self.weekday().index()));
        IsoWeek {
            year: thursday.year,
            week: ((thursday.ordinal() - 1) / 7 + 1) as u8,
        }
    }

    /// The date of a weekday in an ISO week, if the week exists.
    ///
    /// ```
    /// use estive_sdk::dates::{Date, Weekday};
    ///
    /// let d = Date::from_iso_week(2026, 48, Weekday::Monday).unwrap();
    /// assert_eq!(d.to_string(), "2026-11-23");
    /// assert!(Date::from_iso_week(2027, 53, Weekday::Monday).is_none());
    /// ```
    pub fn from_iso_week(year: i32, week: u32, weekday: Weekday) -> Option<Date> {
        if week == 0 || !(0..=9999).contains(&year) {
            return None;
        }
        // 4 January is always in week 1.
        let week1 = Date::new(year, 1, 4)?.monday();
        let date = week1.add_days(i64::from(week - 1) * 7 + i64::from(weekday.index()));
        (date.iso_week().year == year).then_some(date)
    }

    /// The date written out in `fr` or `en` (any other locale gets `en`),
    /// e.g. `samedi 28 novembre 2026` or `Saturday 28 November 2026`.
    pub fn long(self, locale: &str) -> String {
        format!(
            "{} {} {} {}",
            self.weekday().name(locale),
            self.day,
            month_name(self.month.into(), locale),
            self.year
        )
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Why a text is not a date (or a date and time).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseDateError;

impl fmt::Display for ParseDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a valid date")
    }
}

impl std::error::Error for ParseDateError {}

impl FromStr for Date {
    type Err = ParseDateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Date::parse(text).ok_or(ParseDateError)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not a YYYY-MM-DD date")))
    }
}

/// A week of the ISO 8601 calendar; displays as `2026-W48`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct IsoWeek {
    /// The week-numbering year (may differ from the calendar year in the
    /// first and last days of December and January).
    pub year: i32,
    /// The week, 1–53.
    pub week: u8,
}

impl fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-W{:02}", self.year, self.week)
    }
}

/// A day of the week, Monday first as in France.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    /// Lundi.
    Monday,
    /// Mardi.
    Tuesday,
    /// Mercredi.
    Wednesday,
    /// Jeudi.
    Thursday,
    /// Vendredi.
    Friday,
    /// Samedi.
    Saturday,
    /// Dimanche.
    Sunday,
}

impl Weekday {
    const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    fn from_index(index: u8) -> Weekday {
        Weekday::ALL[usize::from(index % 7)]
    }

    fn index(self) -> u8 {
        self as u8
    }

    /// 1 for Monday to 7 for Sunday, as in ISO 8601.
    pub fn number_from_monday(self) -> u32 {
        u32::from(self.index()) + 1
    }

    /// Whether it is Saturday or Sunday.
    pub fn is_weekend(self) -> bool {
        matches!(self, Weekday::Saturday | Weekday::Sunday)
    }

    /// The name in `fr` (lower case, as French writes it) or `en` (any
    /// other locale).
    pub fn name(self, locale: &str) -> &'static str {
        const FR: [&str; 7] = [
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        ];
        const EN: [&str; 7] = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ];
        let names = if locale == "fr" { FR } else { EN };
        names[usize::from(self.index())]
    }
}

/// The name of a month (1–12) in `fr` or `en` (any other locale); empty
/// for a month out of range.
///
/// ```
/// assert_eq!(estive_sdk::dates::month_name(8, "fr"), "août");
/// ```
pub fn month_name(month: u32, locale: &str) -> &'static str {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let names = if locale == "fr" { FR } else { EN };
    match month {
        1..=12 => names[month as usize - 1],
        _ => "",
    }
}

/// A date and a time of day without a time zone, as an HTML
/// `datetime-local` field sends it: `YYYY-MM-DDTHH:MM`.
///
/// Orders chronologically; displays and serialises as `YYYY-MM-DDTHH:MM`,
/// with `:SS` only when the seconds are not zero.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime {
    date: Date,
    hour: u8,
    minute: u8,
    second: u8,
}

impl DateTime {
    /// A date at a time of day, if the time exists.
    pub fn new(date: Date, hour: u32, minute: u32, second: u32) -> Option<DateTime> {
        (hour < 24 && minute < 60 && second < 60).then_some(DateTime {
            date,
            hour: hour as u8,
            minute: minute as u8,
            second: second as u8,
        })
    }

    /// Parses `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS` (a space may
    /// replace the `T`).
    ///
    /// ```
    /// use estive_sdk::dates::DateTime;
    ///
    /// let t = DateTime::parse("2026-11-28T18:30").unwrap();
    /// assert_eq!((t.hour(), t.minute()), (18, 30));
    /// assert!(DateTime::parse("2026-11-28T24:00").is_none());
    /// ```
    pub fn parse(text: &str) -> Option<DateTime> {
        let date = Date::parse(text.get(..10)?)?;
        let rest = text.get(10..)?;
        let time = rest.strip_prefix('T').or_else(|| rest.strip_prefix(' '))?;
        let (hour, minute, second) = match time.len() {
            5 if time.as_bytes()[2] == b':' => (&time[0..2], &time[3..5], "00"),
            8 if time.as_bytes()[2] == b':' && time.as_bytes()[5] == b':' => {
                (&time[0..2], &time[3..5], &time[6..8])
            }
            _ => return None,
        };
        DateTime::new(
            date,
            parse_digits(hour)?,
            parse_digits(minute)?,
            parse_digits(second)?,
        )
    }

    /// The UTC date and time of a number of milliseconds since
    /// 1970-01-01T00:00:00Z.
    pub fn from_unix_millis(millis: i64) -> DateTime {
        let seconds = millis.div_euclid(1000);
        let of_day = seconds.rem_euclid(86_400);
        DateTime {
            date: Date::from_unix_days(seconds.div_euclid(86_400)),
            hour: (of_day / 3600) as u8,
            minute: (of_day % 3600 / 60) as u8,
            second: (of_day % 60) as u8,
        }
    }

    /// The date.
    pub fn date(self) -> Date {
        self.date
    }

    /// The hour, 0–23.
    pub fn hour(self) -> u32 {
        self.hour.into()
    }

    /// The minute, 0–59.
    pub fn minute(self) -> u32 {
        self.minute.into()
    }

    /// The second, 0–59.
    pub fn second(self) -> u32 {
        self.second.into()
    }

    /// The time of day as `HH:MM`.
    pub fn time(self) -> String {
        format!("{:02}:{:02}", self.hour, self.minute)
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}T{:02}:{:02}", self.date, self.hour, self.minute)?;
        if self.second != 0 {
            write!(f, ":{:02}", self.second)?;
        }
        Ok(())
    }
}

impl FromStr for DateTime {
    type Err = ParseDateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        DateTime::parse(text).ok_or(ParseDateError)
    }
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        DateTime::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("`{text}` is not a YYYY-MM-DDTHH:MM date and time"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn unix_days_round_trip_over_four_centuries() {
        for days in (-719_528..2_932_896).step_by(97) {
            assert_eq!(Date::from_unix_days(days).unix_days(), days);
        }
        assert_eq!(d("1970-01-01").unix_days(), 0);
        assert_eq!(d("2000-03-01").unix_days(), 11_017);
    }

    #[test]
    fn malformed_or_impossible_dates_are_refused() {
        for text in [
            "2026-13-01",
            "2026-00-10",
            "2026-02-29",
            "2100-02-29",
            "2026-1-01",
            "2026-01-01 ",
            "+026-01-01",
            "2026/01/01",
            "",
        ] {
            assert_eq!(Date::parse(text), None, "{text}");
        }
        assert!(Date::parse("2000-02-29").is_some());
    }

    #[test]
    fn weekday_of_known_dates() {
        assert_eq!(d("1970-01-01").weekday(), Weekday::Thursday);
        assert_eq!(d("2026-11-28").weekday(), Weekday::Saturday);
        assert_eq!(d("2000-01-03").weekday(), Weekday::Monday);
        assert_eq!(d("1969-12-28").weekday(), Weekday::Sunday);
    }

    #[test]
    fn adding_days_crosses_months_and_leap_years() {
        assert_eq!(d("2028-02-28").add_days(1), d("2028-02-29"));
        assert_eq!(d("2026-02-28").add_days(1), d("2026-03-01"));
        assert_eq!(d("2026-12-31").add_days(1), d("2027-01-01"));
        assert_eq!(d("2026-01-01").add_days(-1), d("2025-12-31"));
        assert_eq!(d("9999-12-31").add_days(10), Date::MAX);
    }

    #[test]
    fn adding_months_keeps_the_day_or_the_end_of_month() {
        assert_eq!(d("2026-01-31").add_months(1), d("2026-02-28"));
        assert_eq!(d("2026-11-15").add_months(3), d("2027-02-15"));
        assert_eq!(d("2026-03-31").add_months(-1), d("2026-02-28"));
    }

    #[test]
    fn iso_week_at_year_boundaries() {
        let cases = [
            ("2026-01-01", 2026, 1),
            ("2026-12-31", 2026, 53),
            ("2027-01-03", 2026, 53),
            ("2027-01-04", 2027, 1),
            ("2024-12-30", 2025, 1),
            ("2021-01-03", 2020, 53),
        ];
        for (text, year, week) in cases {
            assert_eq!(d(text).iso_week(), IsoWeek { year, week }, "{text}");
        }
    }

    #[test]
    fn from_iso_week_inverts_iso_week() {
        let mut day = d("2024-01-01");
        while day < d("2028-01-01") {
            let w = day.iso_week();
            let back = Date::from_iso_week(w.year, w.week.into(), day.weekday());
            assert_eq!(back, Some(day));
            day = day.add_days(1);
        }
    }

    #[test]
    fn date_serialises_as_text() {
        let json = serde_json::to_string(&d("2026-07-14")).unwrap();
        assert_eq!(json, "\"2026-07-14\"");
        let back: Date = serde_json::from_str(&json).unwrap();
        assert_eq!(back, d("2026-07-14"));
        assert!(serde_json::from_str::<Date>("\"14/07/2026\"").is_err());
    }

    #[test]
    fn long_date_in_french_and_english() {
        assert_eq!(d("2026-08-15").long("fr"), "samedi 15 août 2026");
        assert_eq!(d("2026-08-15").long("en"), "Saturday 15 August 2026");
    }

    #[test]
    fn datetime_parses_both_field_shapes_and_prints_minutes() {
        let t = DateTime::parse("2026-11-28T09:05").unwrap();
        assert_eq!(t.to_string(), "2026-11-28T09:05");
        let t = DateTime::parse("2026-11-28 09:05:30").unwrap();
        assert_eq!(t.to_string(), "2026-11-28T09:05:30");
        assert!(DateTime::parse("2026-11-28T9:05").is_none());
        assert!(DateTime::parse("2026-11-28").is_none());
        assert!(DateTime::parse("2026-11-28T09:60").is_none());
    }

    #[test]
    fn datetime_from_unix_millis_is_utc() {
        let t = DateTime::from_unix_millis(1_795_879_800_000);
        assert_eq!(t.to_string(), "2026-11-28T15:30");
        let t = DateTime::from_unix_millis(-1);
        assert_eq!(t.to_string(), "1969-12-31T23:59:59");
    }
}
