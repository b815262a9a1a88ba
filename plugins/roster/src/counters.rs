//! An agent's hour counters for a week: the week against the contract,
//! the average the rules look at, the year against its target, the night.
//!
//! All in real minutes, breaks deducted ([`rules::worked`]). The annual
//! target is the regime's annual time (1,607 h full time in the territorial
//! civil service) pro rata of the contract's weekly time and of its days in
//! the year, with nothing carried over from the year before.

use estive_sdk::dates::Date;
use estive_sdk::prelude::*;

use crate::model::Contract;
use crate::rules::{self, RuleSet, Work};
use crate::store;

/// The number of weeks averaged when no regime says.
const AVERAGE_WEEKS: i64 = 12;

/// An agent's counters for one week, in minutes.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counters {
    /// Worked in the week (shifts starting from Monday to Sunday).
    pub week: i64,
    /// The contracts' weekly time that week, pro rata of the days they
    /// cover (0 without a contract).
    pub contract_week: i64,
    /// The weekly average over the [`Counters::average_weeks`] weeks
    /// ending with this one.
    pub average: i64,
    /// How many weeks [`Counters::average`] is over: the regime's
    /// `average_weeks`, else 12.
    pub average_weeks: i64,
    /// Planned in the calendar year of the week's Monday, the whole year.
    pub year: i64,
    /// Planned in that year up to the end of the week.
    pub year_to_date: i64,
    /// The year's target (0 when no contract of the year has an annual
    /// count).
    pub year_target: i64,
    /// The target from 1 January to the end of this week (or of the year,
    /// for the week that runs into the next).
    pub year_to_date_target: i64,
    /// Night minutes of the week's shifts, by the night of the regime of
    /// the day each starts.
    pub night_week: i64,
}

/// The rule set of the contract of a day.
fn rules_on<'a>(contracts: &[Contract], sets: &'a [RuleSet], day: Date) -> Option<&'a RuleSet> {
    let contract = store::contract_on(contracts, &day.to_string())?;
    sets.iter().find(|s| s.key == contract.regime)
}

/// The counters of the week of `monday` (any day of it will do) from an
/// agent's contracts and shifts (enough of them: the average's weeks and
/// the whole year).
pub fn of(contracts: &[Contract], shifts: &[Work], monday: Date, timezone: &str) -> Counters {
    of_with(contracts, shifts, monday, timezone, rules::rule_sets())
}

/// [`of`] against given rule sets.
pub fn of_with(
    contracts: &[Contract],
    shifts: &[Work],
    monday: Date,
    timezone: &str,
    sets: &[RuleSet],
) -> Counters {
    let monday = monday.monday();
    let sunday = monday.add_days(6);
    let next_monday = monday.add_days(7);
    let year = monday.year();
    let year_end = Date::new(year, 12, 31).unwrap_or(sunday);

    let days: Vec<Date> = (0..7).map(|n| monday.add_days(n)).collect();
    let covered: Vec<&Contract> = days
        .iter()
        .filter_map(|d| store::contract_on(contracts, &d.to_string()))
        .collect();
    let contract_week =
        (covered.iter().map(|c| c.weekly_minutes).sum::<i64>() as f64 / 7.0).round() as i64;
    let average_weeks = days
        .iter()
        .find_map(|d| rules_on(contracts, sets, *d))
        .and_then(|r| r.average_weeks)
        .unwrap_or(AVERAGE_WEEKS);

    let average_from = monday.add_days(-7 * (average_weeks - 1));
    let mut counters = Counters {
        contract_week,
        average_weeks,
        ..Counters::default()
    };
    let mut averaged = 0;
    for work in shifts {
        let day = work.start.date();
        let worked = rules::worked(work, timezone);
        if (monday..next_monday).contains(&day) {
            counters.week += worked;
            if let Some((start, end)) = rules_on(contracts, sets, day).and_then(RuleSet::night) {
                counters.night_week +=
                    crate::walltime::night_minutes(work.start, work.end, start, end, timezone);
            }
        }
        if (average_from..next_monday).contains(&day) {
            averaged += worked;
        }
        if day.year() == year {
            counters.year += worked;
            if day <= sunday {
                counters.year_to_date += worked;
            }
        }
    }
    counters.average = (averaged as f64 / average_weeks as f64).round() as i64;
    counters.year_target = rules::annual_target(contracts, sets, year, year_end).unwrap_or(0);
    counters.year_to_date_target =
        rules::annual_target(contracts, sets, year, sunday.min(year_end)).unwrap_or(0);
    counters
}

/// The shifts [`of`] needs for the week of `monday`: from the first week
/// of the longest average, or 1 January, to the end of the week, or of the
/// year (from included, to excluded).
pub fn span(monday: Date) -> (Date, Date) {
    let monday = monday.monday();
    let weeks = rules::rule_sets()
        .iter()
        .filter_map(|s| s.average_weeks)
        .max()
        .unwrap_or(AVERAGE_WEEKS)
        .max(AVERAGE_WEEKS);
    let year = monday.year();
    let new_year = Date::new(year, 1, 1).unwrap_or(monday);
    let next_year = Date::new(year + 1, 1, 1).unwrap_or(Date::MAX);
    (
        new_year.min(monday.add_days(-7 * (weeks - 1))),
        next_year.max(monday.add_days(7)),
    )
}

/// An agent's counters for the week of `monday`, read from storage.
///
/// # Errors
/// Storage failures.
pub fn load(agent_id: i64, monday: Date, timezone: &str) -> Result<Counters, Error> {
    let (from, to) = span(monday);
    let shifts: Vec<Work> = store::shifts_of(agent_id, from, to)?
        .iter()
        .filter_map(rules::work_of)
        .collect();
    let contracts = store::contracts_of(agent_id)?;
    Ok(of(&contracts, &shifts, monday, timezone))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::walltime;

    const PARIS: &str = "Europe/Paris";

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn contract(regime: &str, from: &str, to: Option<&str>, weekly: i64) -> Contract {
        Contract {
            id: 1,
            agent_id: 1,
            starts_on: from.into(),
            ends_on: to.map(Into::into),
            weekly_minutes: weekly,
            regime: regime.into(),
            teams: vec![],
            skills: vec![],
            places: vec![],
            leave_days: 25,
            title: None,
        }
    }

    fn work(start: &str, end: &str, break_minutes: i64) -> Work {
        Work {
            id: None,
            start: walltime::parse(start).unwrap(),
            end: walltime::parse(end).unwrap(),
            break_minutes,
            team_id: 1,
            place_id: 1,
            skill: None,
        }
    }

    /// 7 hours (08:00–15:30 less 30 minutes) each weekday of a week.
    fn week_of_work(monday: &str) -> Vec<Work> {
        (0..5)
            .map(|n| {
                let day = d(monday).add_days(n);
                work(&format!("{day}T08:00"), &format!("{day}T15:30"), 30)
            })
            .collect()
    }

    #[test]
    fn the_week_counts_real_worked_minutes_against_the_contract() {
        let contracts = [contract("fpt", "2026-01-01", None, 2100)];
        let shifts = week_of_work("2026-12-07");
        let c = of(&contracts, &shifts, d("2026-12-09"), PARIS);
        assert_eq!(c.week, 35 * 60);
        assert_eq!(c.contract_week, 2100);
        assert_eq!(c.night_week, 0);
        assert_eq!(c.average_weeks, 12);
        assert_eq!(c.average, 35 * 60 / 12);
    }

    #[test]
    fn a_contract_starting_midweek_counts_its_days_only() {
        let contracts = [contract("fpt", "2026-12-09", None, 2100)];
        let c = of(&contracts, &[], d("2026-12-07"), PARIS);
        assert_eq!(c.contract_week, 1500);
        let none = of(&[], &[], d("2026-12-07"), PARIS);
        assert_eq!(none.contract_week, 0);
        assert_eq!(none.year_target, 0);
    }

    #[test]
    fn the_year_target_is_pro_rata_of_weekly_time_and_days() {
        // 1,607 h full time; a 28 h contract gets four fifths of it.
        let full = of(
            &[contract("fpt", "2020-01-01", None, 2100)],
            &[],
            d("2026-12-28"),
            PARIS,
        );
        assert_eq!(full.year_target, 96_420);
        assert_eq!(full.year_to_date_target, 96_420);
        let part = of(
            &[contract("fpt", "2020-01-01", None, 1680)],
            &[],
            d("2026-12-28"),
            PARIS,
        );
        assert_eq!(part.year_target, 77_136);
        // From 1 July: 184 days of 365.
        let july = of(
            &[contract("fpt", "2026-07-01", None, 2100)],
            &[],
            d("2026-12-07"),
            PARIS,
        );
        assert_eq!(
            july.year_target,
            (96_420.0_f64 * 184.0 / 365.0).round() as i64
        );
        // Up to Sunday 13 December: 166 days of the contract.
        assert_eq!(
            july.year_to_date_target,
            (96_420.0_f64 * 166.0 / 365.0).round() as i64
        );
        // Private law has no annual count.
        let private = of(
            &[contract("private", "2020-01-01", None, 2100)],
            &[],
            d("2026-12-07"),
            PARIS,
        );
        assert_eq!(private.year_target, 0);
    }

    #[test]
    fn the_year_counts_its_own_shifts_and_to_date_up_to_the_week() {
        let contracts = [contract("fpt", "2026-01-01", None, 2100)];
        let mut shifts = week_of_work("2026-11-30");
        shifts.extend(week_of_work("2026-12-07"));
        shifts.extend(week_of_work("2026-12-14"));
        shifts.push(work("2027-01-04T08:00", "2027-01-04T12:00", 0));
        let c = of(&contracts, &shifts, d("2026-12-07"), PARIS);
        assert_eq!(c.year, 3 * 35 * 60);
        assert_eq!(c.year_to_date, 2 * 35 * 60);
        assert_eq!(c.average, (2 * 35 * 60) / 12);
    }

    #[test]
    fn night_minutes_follow_the_regime_of_the_day() {
        let shifts = [work("2026-12-08T20:00", "2026-12-09T04:00", 0)];
        // 22:00–05:00 in the civil service, 21:00–06:00 in private law.
        let fpt = of(
            &[contract("fpt", "2026-01-01", None, 2100)],
            &shifts,
            d("2026-12-07"),
            PARIS,
        );
        assert_eq!(fpt.night_week, 6 * 60);
        let private = of(
            &[contract("private", "2026-01-01", None, 2100)],
            &shifts,
            d("2026-12-07"),
            PARIS,
        );
        assert_eq!(private.night_week, 7 * 60);
        assert_eq!(fpt.week, 8 * 60);
    }

    #[test]
    fn the_average_follows_the_rule_set_weeks() {
        let mut sets = rules::rule_sets().to_vec();
        sets[0].average_weeks = Some(2);
        let contracts = [contract("fpt", "2026-01-01", None, 2100)];
        let mut shifts = week_of_work("2026-11-30");
        shifts.extend(week_of_work("2026-12-07"));
        let c = of_with(&contracts, &shifts, d("2026-12-07"), PARIS, &sets);
        assert_eq!((c.average_weeks, c.average), (2, 35 * 60));
    }

    #[test]
    fn the_loaded_span_covers_the_average_and_the_year() {
        assert_eq!(span(d("2026-12-09")), (d("2026-01-01"), d("2027-01-01")));
        let (from, to) = span(d("2026-01-07"));
        assert_eq!(from, d("2026-01-05").add_days(-77));
        assert_eq!(to, d("2027-01-01"));
    }
}
