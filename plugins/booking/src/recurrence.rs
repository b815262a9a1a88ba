//! Recurring bookings: the rule a person picks and the dates it gives.
//!
//! The kinds are GRR's: every N days; every N weeks on chosen weekdays;
//! every N months on the same date, on the same nth weekday (the 2nd
//! Tuesday) or on the last such weekday; every N years. A recurrence
//! always has an end date, at most a year after its first date.

use estive_sdk::dates::{Date, DateTime, Weekday};
use serde::{Deserialize, Serialize};

use crate::hours::{from_minutes, minutes};

/// How often a booking repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// Every N days.
    Daily,
    /// Every N weeks, on chosen weekdays.
    Weekly,
    /// Every N months, on the same day of the month (months without that
    /// day are skipped).
    MonthlyByDate,
    /// Every N months, on the same nth weekday (e.g. the 2nd Tuesday).
    MonthlyByWeekday,
    /// Every N months, on the last such weekday (e.g. the last Friday).
    MonthlyLastWeekday,
    /// Every N years, on the same date.
    Yearly,
}

impl Frequency {
    /// Every kind, in the order of the form.
    pub const ALL: [Frequency; 6] = [
        Frequency::Daily,
        Frequency::Weekly,
        Frequency::MonthlyByDate,
        Frequency::MonthlyByWeekday,
        Frequency::MonthlyLastWeekday,
        Frequency::Yearly,
    ];

    /// The form value and catalogue suffix.
    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Daily => "daily",
            Frequency::Weekly => "weekly",
            Frequency::MonthlyByDate => "monthly_date",
            Frequency::MonthlyByWeekday => "monthly_weekday",
            Frequency::MonthlyLastWeekday => "monthly_last",
            Frequency::Yearly => "yearly",
        }
    }

    /// The kind of a form value.
    pub fn parse(text: &str) -> Option<Frequency> {
        Frequency::ALL.into_iter().find(|f| f.as_str() == text)
    }
}

/// A recurrence rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    /// How often.
    pub frequency: Frequency,
    /// Every how many days, weeks, months or years (1 or more).
    pub interval: u32,
    /// For [`Frequency::Weekly`]: weekdays, 1 for Monday to 7 for Sunday;
    /// none means the weekday of the first date.
    pub weekdays: Vec<u32>,
    /// The last date an occurrence may start on.
    pub until: Date,
}

/// Why a rule gives no dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleError {
    /// The end date is before the first date.
    EndsBeforeStart,
    /// The end date is more than a year after the first date.
    OverAYear,
    /// The interval is 0 or absurdly large.
    BadInterval,
}

/// The largest interval accepted (a year of weeks).
pub const MAX_INTERVAL: u32 = 52;

/// One booked slot of a recurrence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Occurrence {
    /// Start (local wall time).
    pub start: DateTime,
    /// End, not included.
    pub end: DateTime,
}

fn weekday_number(date: Date) -> u32 {
    date.weekday().number_from_monday()
}

/// The nth (1–5) `weekday` of a month, if the month has one.
fn nth_weekday(year: i32, month: u32, weekday: Weekday, nth: u32) -> Option<Date> {
    let first = Date::new(year, month, 1)?;
    let offset = (weekday.number_from_monday() + 7 - weekday_number(first)) % 7;
    let date = first.add_days(i64::from(offset + (nth - 1) * 7));
    (date.month() == month).then_some(date)
}

/// The last `weekday` of a month.
fn last_weekday(year: i32, month: u32, weekday: Weekday) -> Option<Date> {
    let last = Date::new(year, month, 1)?.last_of_month();
    let back = (weekday_number(last) + 7 - weekday.number_from_monday()) % 7;
    Some(last.add_days(-i64::from(back)))
}

/// The dates (start and end) of a recurrence whose first slot is
/// `start`..`end`: every date the rule gives from the first date to
/// `until`, each with the same times and duration.
///
/// # Errors
///
/// When the end date is before the first date or more than a year after
/// it, or the interval is 0 or over [`MAX_INTERVAL`].
pub fn occurrences(
    start: DateTime,
    end: DateTime,
    rule: &Rule,
) -> Result<Vec<Occurrence>, RuleError> {
    let first = start.date();
    if rule.interval == 0 || rule.interval > MAX_INTERVAL {
        return Err(RuleError::BadInterval);
    }
    if rule.until < first {
        return Err(RuleError::EndsBeforeStart);
    }
    if rule.until > first.add_months(12) {
        return Err(RuleError::OverAYear);
    }
    let step = i64::from(rule.interval);
    let mut dates = Vec::new();
    match rule.frequency {
        Frequency::Daily => {
            let mut day = first;
            while day <= rule.until {
                dates.push(day);
                day = day.add_days(step);
            }
        }
        Frequency::Weekly => {
            let mut days: Vec<u32> = rule
                .weekdays
                .iter()
                .copied()
                .filter(|d| (1..=7).contains(d))
                .collect();
            if days.is_empty() {
                days.push(weekday_number(first));
            }
            let mut monday = first.monday();
            while monday <= rule.until {
                for offset in 0..7 {
                    let day = monday.add_days(offset);
                    if day >= first && day <= rule.until && days.contains(&weekday_number(day)) {
                        dates.push(day);
                    }
                }
                monday = monday.add_days(7 * step);
            }
        }
        Frequency::MonthlyByDate
        | Frequency::MonthlyByWeekday
        | Frequency::MonthlyLastWeekday
        | Frequency::Yearly => {
            let months = if rule.frequency == Frequency::Yearly {
                12 * rule.interval
            } else {
                rule.interval
            };
            let nth = (first.day() - 1) / 7 + 1;
            let weekday = first.weekday();
            let mut k = 0;
            loop {
                let month_start = first.first_of_month().add_months((k * months) as i32);
                if month_start > rule.until {
                    break;
                }
                let (y, m) = (month_start.year(), month_start.month());
                let day = match rule.frequency {
                    Frequency::MonthlyByWeekday => nth_weekday(y, m, weekday, nth),
                    Frequency::MonthlyLastWeekday => last_weekday(y, m, weekday),
                    _ => Date::new(y, m, first.day()),
                };
                if let Some(day) = day
                    && day >= first
                    && day <= rule.until
                {
                    dates.push(day);
                }
                k += 1;
            }
        }
    }
    let offset = minutes(start) - first.unix_days() * 1440;
    let length = minutes(end) - minutes(start);
    Ok(dates
        .into_iter()
        .map(|day| {
            let s = day.unix_days() * 1440 + offset;
            Occurrence {
                start: from_minutes(s),
                end: from_minutes(s + length),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn t(text: &str) -> DateTime {
        DateTime::parse(text).unwrap()
    }

    fn rule(frequency: Frequency, interval: u32, weekdays: &[u32], until: &str) -> Rule {
        Rule {
            frequency,
            interval,
            weekdays: weekdays.to_vec(),
            until: d(until),
        }
    }

    fn starts(occ: &[Occurrence]) -> Vec<String> {
        occ.iter().map(|o| o.start.to_string()).collect()
    }

    #[test]
    fn daily_every_two_days_keeps_the_times() {
        let occ = occurrences(
            t("2026-12-01T18:00"),
            t("2026-12-01T20:00"),
            &rule(Frequency::Daily, 2, &[], "2026-12-06"),
        )
        .unwrap();
        assert_eq!(
            starts(&occ),
            ["2026-12-01T18:00", "2026-12-03T18:00", "2026-12-05T18:00"]
        );
        assert_eq!(occ[2].end.to_string(), "2026-12-05T20:00");
    }

    #[test]
    fn weekly_every_two_weeks_on_tuesday_and_thursday() {
        // 2026-12-01 is a Tuesday.
        let occ = occurrences(
            t("2026-12-01T18:00"),
            t("2026-12-01T19:30"),
            &rule(Frequency::Weekly, 2, &[2, 4], "2026-12-31"),
        )
        .unwrap();
        assert_eq!(
            starts(&occ),
            [
                "2026-12-01T18:00",
                "2026-12-03T18:00",
                "2026-12-15T18:00",
                "2026-12-17T18:00",
                "2026-12-29T18:00",
                "2026-12-31T18:00"
            ]
        );
    }

    #[test]
    fn weekly_without_chosen_days_uses_the_first_weekday_and_skips_days_before_the_start() {
        // Starts on a Wednesday; Monday is chosen too but the first Monday
        // (30 November) is before the start.
        let occ = occurrences(
            t("2026-12-02T10:00"),
            t("2026-12-02T11:00"),
            &rule(Frequency::Weekly, 1, &[1, 3], "2026-12-09"),
        )
        .unwrap();
        assert_eq!(
            starts(&occ),
            ["2026-12-02T10:00", "2026-12-07T10:00", "2026-12-09T10:00"]
        );
        let occ = occurrences(
            t("2026-12-02T10:00"),
            t("2026-12-02T11:00"),
            &rule(Frequency::Weekly, 1, &[], "2026-12-16"),
        )
        .unwrap();
        assert_eq!(occ.len(), 3);
    }

    #[test]
    fn monthly_by_date_skips_months_without_that_day() {
        let occ = occurrences(
            t("2027-01-31T09:00"),
            t("2027-01-31T10:00"),
            &rule(Frequency::MonthlyByDate, 1, &[], "2027-05-31"),
        )
        .unwrap();
        assert_eq!(
            starts(&occ),
            ["2027-01-31T09:00", "2027-03-31T09:00", "2027-05-31T09:00"]
        );
    }

    #[test]
    fn monthly_by_nth_weekday_follows_the_second_tuesday() {
        // 2026-12-08 is the 2nd Tuesday of December.
        let occ = occurrences(
            t("2026-12-08T20:00"),
            t("2026-12-08T22:00"),
            &rule(Frequency::MonthlyByWeekday, 1, &[], "2027-03-31"),
        )
        .unwrap();
        assert_eq!(
            starts(&occ),
            [
                "2026-12-08T20:00",
                "2027-01-12T20:00",
                "2027-02-09T20:00",
                "2027-03-09T20:00"
            ]
        );
    }

    #[test]
    fn a_fifth_weekday_is_skipped_in_months_that_have_four() {
        // 2026-12-29 is the 5th Tuesday; January 2027 has none.
        let occ = occurrences(
            t("2026-12-29T20:00"),
            t("2026-12-29T21:00"),
            &rule(Frequency::MonthlyByWeekday, 1, &[], "2027-03-31"),
        )
        .unwrap();
        assert_eq!(starts(&occ), ["2026-12-29T20:00", "2027-03-30T20:00"]);
    }

    #[test]
    fn monthly_last_weekday_takes_the_last_friday() {
        // 2026-11-27 is the last Friday of November.
        let occ = occurrences(
            t("2026-11-27T18:00"),
            t("2026-11-27T23:00"),
            &rule(Frequency::MonthlyLastWeekday, 1, &[], "2027-01-31"),
        )
        .unwrap();
        assert_eq!(
            starts(&occ),
            ["2026-11-27T18:00", "2026-12-25T18:00", "2027-01-29T18:00"]
        );
    }

    #[test]
    fn yearly_repeats_the_date_within_the_year_allowed() {
        let occ = occurrences(
            t("2026-12-05T14:00"),
            t("2026-12-05T18:00"),
            &rule(Frequency::Yearly, 1, &[], "2027-12-05"),
        )
        .unwrap();
        assert_eq!(starts(&occ), ["2026-12-05T14:00", "2027-12-05T14:00"]);
    }

    #[test]
    fn a_slot_over_midnight_keeps_its_length() {
        let occ = occurrences(
            t("2026-12-05T22:00"),
            t("2026-12-06T02:00"),
            &rule(Frequency::Daily, 7, &[], "2026-12-12"),
        )
        .unwrap();
        assert_eq!(occ[1].end.to_string(), "2026-12-13T02:00");
    }

    #[test]
    fn a_recurrence_over_a_year_or_ending_before_it_starts_is_refused() {
        let (s, e) = (t("2026-12-01T18:00"), t("2026-12-01T19:00"));
        assert_eq!(
            occurrences(s, e, &rule(Frequency::Daily, 1, &[], "2027-12-02")),
            Err(RuleError::OverAYear)
        );
        assert_eq!(
            occurrences(s, e, &rule(Frequency::Daily, 1, &[], "2026-11-30")),
            Err(RuleError::EndsBeforeStart)
        );
        assert_eq!(
            occurrences(s, e, &rule(Frequency::Daily, 0, &[], "2026-12-30")),
            Err(RuleError::BadInterval)
        );
        // Exactly a year is allowed: 366 daily dates.
        let all = occurrences(s, e, &rule(Frequency::Daily, 1, &[], "2027-12-01")).unwrap();
        assert_eq!(all.len(), 366);
    }
}
