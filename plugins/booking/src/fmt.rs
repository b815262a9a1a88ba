//! Dates and slots written out for people, in French or English.

use estive_sdk::dates::{Date, DateTime, month_name};

/// `1 décembre 2026` / `1 December 2026` (`1er` in French).
pub fn date(day: Date, locale: &str) -> String {
    let month = month_name(day.month(), locale);
    if locale == "fr" && day.day() == 1 {
        format!("1er {month} {}", day.year())
    } else {
        format!("{} {month} {}", day.day(), day.year())
    }
}

/// `mardi 1er décembre 2026` / `Tuesday 1 December 2026`.
pub fn long_date(day: Date, locale: &str) -> String {
    format!("{} {}", day.weekday().name(locale), date(day, locale))
}

/// `mardi 1er décembre 2026 à 18:00` / `Tuesday 1 December 2026 at 18:00`.
pub fn datetime(at: DateTime, locale: &str) -> String {
    let word = if locale == "fr" { "à" } else { "at" };
    format!("{} {word} {}", long_date(at.date(), locale), at.time())
}

/// `décembre 2026` / `December 2026`.
pub fn month(day: Date, locale: &str) -> String {
    format!("{} {}", month_name(day.month(), locale), day.year())
}

/// A slot: `mardi 1er décembre 2026, 18:00 – 22:00` within a day (an end
/// at the next midnight reads `24:00`), or `du … à … au … à …` over
/// several days.
pub fn slot(start: DateTime, end: DateTime, locale: &str) -> String {
    let same_day = end.date() == start.date()
        || (end.date() == start.date().add_days(1) && end.hour() == 0 && end.minute() == 0);
    if same_day {
        let end_time = if end.date() == start.date() {
            end.time()
        } else {
            "24:00".to_owned()
        };
        format!(
            "{}, {} – {end_time}",
            long_date(start.date(), locale),
            start.time()
        )
    } else if locale == "fr" {
        format!(
            "du {} au {}",
            datetime(start, locale),
            datetime(end, locale)
        )
    } else {
        format!(
            "from {} to {}",
            datetime(start, locale),
            datetime(end, locale)
        )
    }
}

/// The times of a slot seen from one day of a calendar: `18:00 – 22:00`,
/// or with `→` and `…` when it starts before or ends after that day.
pub fn times_on(start: DateTime, end: DateTime, day: Date) -> String {
    let from = if start.date() == day {
        start.time()
    } else {
        "…".to_owned()
    };
    let to = if end.date() == day {
        end.time()
    } else if end.date() == day.add_days(1) && end.hour() == 0 && end.minute() == 0 {
        "24:00".to_owned()
    } else {
        "…".to_owned()
    };
    format!("{from} – {to}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> DateTime {
        DateTime::parse(text).unwrap()
    }

    #[test]
    fn slots_within_a_day_read_as_one_date_and_two_times() {
        assert_eq!(
            slot(t("2026-12-01T18:00"), t("2026-12-01T22:00"), "fr"),
            "mardi 1er décembre 2026, 18:00 – 22:00"
        );
        assert_eq!(
            slot(t("2026-12-04T20:00"), t("2026-12-05T00:00"), "en"),
            "Friday 4 December 2026, 20:00 – 24:00"
        );
    }

    #[test]
    fn slots_over_several_days_name_both_ends() {
        assert_eq!(
            slot(t("2026-12-07T08:00"), t("2026-12-09T18:00"), "fr"),
            "du lundi 7 décembre 2026 à 08:00 au mercredi 9 décembre 2026 à 18:00"
        );
    }

    #[test]
    fn times_seen_from_a_day_show_where_the_slot_continues() {
        let (s, e) = (t("2026-12-07T08:00"), t("2026-12-09T18:00"));
        assert_eq!(times_on(s, e, s.date()), "08:00 – …");
        assert_eq!(times_on(s, e, s.date().add_days(1)), "… – …");
        assert_eq!(times_on(s, e, e.date()), "… – 18:00");
    }
}
