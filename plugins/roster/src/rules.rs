//! The working-time rules, checked on every edit.
//!
//! The numbers of each regime live in `rules/regimes.toml`, parsed once
//! into [`RuleSet`]s; nothing here knows a limit. [`check`] looks at one
//! agent's shifts as they would be after a change and returns what the
//! change breaks:
//!
//! - **refusals**, never saved: a shift that ends before it starts or lasts
//!   over a day, two shifts of the agent at once, a day outside every
//!   contract, a team or a skill the contract of the day does not give;
//! - **warnings**, the legal limits of the regime of the contract of the
//!   day, which a manager may keep with a reason (daily, weekly and average
//!   hours, daily and weekly rest, amplitude, breaks, days in a row, the
//!   annual count), and a place the contract does not name;
//! - **notes**: night hours.
//!
//! Only what concerns a changed shift's day, week, window of weeks, run of
//! days or year is reported, so that an old breach elsewhere does not come
//! back on every edit. Durations are real minutes ([`walltime`]), breaks
//! deducted for the time worked.
//!
//! The shifts are sorted once and indexed by day, so a week's edit on an
//! agent with a year of shifts costs a few hundred steps, not a scan of the
//! year per rule.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

use estive_kit::periods::Period;
use estive_sdk::dates::{Date, DateTime};
use estive_sdk::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::{CANCELLED, Contract, Shift};
use crate::walltime;

/// How a finding weighs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Never saved: overlapping shifts, outside any contract, a missing skill.
    Refuse,
    /// A legal limit: saved only when a manager gives a reason.
    Warn,
    /// Worth knowing (night hours); saved as is.
    Note,
}

/// One rule that a change breaks or is worth a word.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Finding {
    /// The rule's key, e.g. `daily-max`; its message is `rule-<key>`.
    pub rule: &'static str,
    pub severity: Severity,
    /// The day (or the first day of the week, the window) it is about.
    pub day: Date,
    /// The shift it is about, when one (None for a shift not yet saved).
    pub shift: Option<i64>,
    /// Message arguments: the measure and the limit, as shown.
    pub args: Vec<(&'static str, String)>,
}

/// A shift as the rules see it.
#[derive(Clone, Debug, PartialEq)]
pub struct Work {
    /// None for a shift not yet saved.
    pub id: Option<i64>,
    /// Local wall times.
    pub start: DateTime,
    pub end: DateTime,
    pub break_minutes: i64,
    pub team_id: i64,
    pub place_id: i64,
    /// The skill the shift asks for.
    pub skill: Option<String>,
}

/// What one check looks at: one agent.
#[derive(Clone, Debug)]
pub struct Check<'a> {
    /// The agent's contracts.
    pub contracts: &'a [Contract],
    /// The agent's shifts as they would be after the change (the changed
    /// ones included), over at least [`window`] of the changed ones.
    pub shifts: &'a [Work],
    /// The new or changed shifts: findings are reported only for days,
    /// weeks and windows that hold one of them.
    pub changed: &'a [Work],
    /// The site's school holidays.
    pub school_holidays: &'a [Period],
    /// The site's IANA time zone, for real durations across clock changes.
    pub timezone: &'a str,
}

/// The refusals, in the order the rules page lists them.
pub const REFUSALS: [&str; 6] = [
    "end-before-start",
    "too-long",
    "overlap",
    "outside-contract",
    "not-in-team",
    "missing-skill",
];

/// The longest a shift may last, in real minutes: a day. Not a legal limit
/// of a regime but what a shift is (two days are two shifts), which is why
/// it is not in `regimes.toml`.
const LONGEST_SHIFT: i64 = 24 * 60;

// Rule sets ------------------------------------------------------------------

/// A text in the two languages of the pages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub fr: String,
    pub en: String,
}

impl Text {
    /// The text in `fr`, or `en` for any other locale.
    pub fn get(&self, locale: &str) -> &str {
        if locale == "fr" { &self.fr } else { &self.en }
    }
}

/// The working-time rules of one regime: a table of `rules/regimes.toml`.
/// A number left out is a rule that does not apply to the regime.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSet {
    /// The regime, one of `model::REGIMES` (the table's name).
    #[serde(skip_deserializing)]
    pub key: String,
    pub title: Text,
    /// The legal texts.
    pub source: Text,
    pub daily_max_minutes: Option<i64>,
    pub weekly_max_minutes: Option<i64>,
    pub average_max_minutes: Option<i64>,
    pub average_weeks: Option<i64>,
    pub daily_rest_minutes: Option<i64>,
    pub weekly_rest_minutes: Option<i64>,
    #[serde(default)]
    pub weekly_rest_sunday: bool,
    pub amplitude_max_minutes: Option<i64>,
    pub break_after_minutes: Option<i64>,
    pub break_minutes: Option<i64>,
    /// `HH:MM`.
    pub night_start: Option<String>,
    /// `HH:MM`; before `night_start` when the night crosses midnight.
    pub night_end: Option<String>,
    pub annual_minutes: Option<i64>,
    pub full_time_weekly_minutes: Option<i64>,
    pub days_in_a_row_max: Option<i64>,
    pub days_in_a_row_max_holidays: Option<i64>,
}

/// What a rule's number measures, for the rules page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Measure {
    /// A duration in minutes.
    Minutes(i64),
    /// A count of days.
    Days(i64),
    /// A window of the day, `HH:MM` to `HH:MM`.
    Window(String, String),
    /// A rule without a number that applies.
    Yes,
}

/// One line of a rule set on the rules page: the label `regime-<key>`
/// with its arguments, and its number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleLine {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
    pub measure: Measure,
}

impl RuleSet {
    /// The nightly window, when the regime has one.
    pub fn night(&self) -> Option<(&str, &str)> {
        Some((self.night_start.as_deref()?, self.night_end.as_deref()?))
    }

    /// The longest run of days worked allowed, in or out of school
    /// holidays.
    fn days_in_a_row(&self, in_holidays: bool) -> Option<i64> {
        if in_holidays {
            self.days_in_a_row_max_holidays.or(self.days_in_a_row_max)
        } else {
            self.days_in_a_row_max
        }
    }

    /// Why the rule set cannot be used, if it cannot.
    fn fault(&self) -> Option<String> {
        let numbers = [
            ("daily_max_minutes", self.daily_max_minutes),
            ("weekly_max_minutes", self.weekly_max_minutes),
            ("average_max_minutes", self.average_max_minutes),
            ("average_weeks", self.average_weeks),
            ("daily_rest_minutes", self.daily_rest_minutes),
            ("weekly_rest_minutes", self.weekly_rest_minutes),
            ("amplitude_max_minutes", self.amplitude_max_minutes),
            ("break_after_minutes", self.break_after_minutes),
            ("break_minutes", self.break_minutes),
            ("annual_minutes", self.annual_minutes),
            ("full_time_weekly_minutes", self.full_time_weekly_minutes),
            ("days_in_a_row_max", self.days_in_a_row_max),
            (
                "days_in_a_row_max_holidays",
                self.days_in_a_row_max_holidays,
            ),
        ];
        if let Some((name, _)) = numbers.iter().find(|(_, n)| n.is_some_and(|n| n <= 0)) {
            return Some(format!("{name} must be above zero"));
        }
        if self.night_start.is_some() != self.night_end.is_some() {
            return Some("night_start and night_end go together".into());
        }
        if let Some((start, end)) = self.night()
            && (walltime::time_of_day(start).is_none() || walltime::time_of_day(end).is_none())
        {
            return Some(format!("the night {start}–{end} is not two HH:MM times"));
        }
        if self.annual_minutes.is_some() && self.full_time_weekly_minutes.is_none() {
            return Some("annual_minutes needs full_time_weekly_minutes".into());
        }
        if self.average_max_minutes.is_some() != self.average_weeks.is_some() {
            return Some("average_max_minutes and average_weeks go together".into());
        }
        None
    }

    /// The rules of the set, in the order the rules page lists them, each
    /// with its number.
    pub fn lines(&self) -> Vec<RuleLine> {
        let minutes = |key, value: Option<i64>| {
            value.map(|m| RuleLine {
                key,
                args: Vec::new(),
                measure: Measure::Minutes(m),
            })
        };
        let average = self
            .average_max_minutes
            .zip(self.average_weeks)
            .map(|(m, weeks)| RuleLine {
                key: "average-max",
                args: vec![("n", weeks.to_string())],
                measure: Measure::Minutes(m),
            });
        let brk = self
            .break_minutes
            .zip(self.break_after_minutes)
            .map(|(m, after)| RuleLine {
                key: "break",
                args: vec![("after", hours(after))],
                measure: Measure::Minutes(m),
            });
        let sunday = self.weekly_rest_sunday.then(|| RuleLine {
            key: "weekly-rest-sunday",
            args: Vec::new(),
            measure: Measure::Yes,
        });
        let days = |key, value: Option<i64>| {
            value.map(|n| RuleLine {
                key,
                args: Vec::new(),
                measure: Measure::Days(n),
            })
        };
        let night = self.night().map(|(start, end)| RuleLine {
            key: "night",
            args: Vec::new(),
            measure: Measure::Window(start.to_owned(), end.to_owned()),
        });
        [
            minutes("daily-max", self.daily_max_minutes),
            minutes("amplitude", self.amplitude_max_minutes),
            minutes("weekly-max", self.weekly_max_minutes),
            average,
            minutes("daily-rest", self.daily_rest_minutes),
            minutes("weekly-rest", self.weekly_rest_minutes),
            sunday,
            brk,
            days("days-in-a-row", self.days_in_a_row_max),
            days("days-in-a-row-holidays", self.days_in_a_row_max_holidays),
            night,
            minutes("full-time-weekly", self.full_time_weekly_minutes),
            minutes("annual", self.annual_minutes),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// Reads rule sets from the text of `regimes.toml`, in the order of the
/// file.
///
/// # Errors
/// When the text is not TOML of rule sets, or a set is not usable (a
/// number at zero or below, a night without its end…).
#[cfg(test)]
pub fn parse_rule_sets(text: &str) -> Result<Vec<RuleSet>, String> {
    let tables: BTreeMap<String, RuleSet> = toml::from_str(text).map_err(|e| e.to_string())?;
    let mut sets: Vec<RuleSet> = tables
        .into_iter()
        .map(|(key, set)| RuleSet { key, ..set })
        .collect();
    if let Some(set) = sets
        .iter()
        .find_map(|s| s.fault().map(|f| format!("[{}] {f}", s.key)))
    {
        return Err(set);
    }
    // TOML tables come out sorted by name; the page wants the file's order.
    let header = |key: &str| {
        text.lines()
            .position(|line| line.trim() == format!("[{key}]"))
            .unwrap_or(usize::MAX)
    };
    sets.sort_by_cached_key(|s| header(&s.key));
    Ok(sets)
}

/// The rule sets of `rules/regimes.toml`, in the file's order.
///
/// # Panics
/// When the file compiled in cannot be read, which its unit test rules out.
pub fn rule_sets() -> &'static [RuleSet] {
    static SETS: OnceLock<Vec<RuleSet>> = OnceLock::new();
    SETS.get_or_init(|| {
        // build.rs turned the file into `[[key, table], …]`, in its order,
        // and refused to build when it does not parse as TOML.
        let pairs: Vec<(String, RuleSet)> =
            serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/regimes.json")))
                .unwrap_or_else(|e| panic!("rules/regimes.toml: {e}"));
        let sets: Vec<RuleSet> = pairs
            .into_iter()
            .map(|(key, set)| RuleSet { key, ..set })
            .collect();
        if let Some(fault) = sets
            .iter()
            .find_map(|s| s.fault().map(|f| format!("[{}] {f}", s.key)))
        {
            panic!("rules/regimes.toml: {fault}");
        }
        sets
    })
}

/// The rule set of a regime (`fpt`, `private`, `idcc454`).
pub fn rule_set(regime: &str) -> Option<&'static RuleSet> {
    rule_sets().iter().find(|s| s.key == regime)
}

/// A duration for a message: "10 h", "10 h 30", "0 h 20", "1 607 h"
/// (thousands of hours set apart by a narrow no-break space).
pub fn hours(minutes: i64) -> String {
    if minutes < 0 {
        return format!("-{}", hours(minutes.saturating_neg()));
    }
    let (h, m) = (minutes / 60, minutes % 60);
    let digits = h.to_string();
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push('\u{202f}');
        }
        grouped.push(digit);
    }
    if m == 0 {
        format!("{grouped} h")
    } else {
        format!("{grouped} h {m:02}")
    }
}

/// The real minutes a shift is worked: its length less its break.
pub fn worked(work: &Work, timezone: &str) -> i64 {
    (walltime::minutes(work.start, work.end, timezone) - work.break_minutes).max(0)
}

/// A stored shift as the rules see it; None when its times cannot be read
/// or it is cancelled (a cancelled shift counts nowhere).
pub fn work_of(shift: &Shift) -> Option<Work> {
    if shift.status == CANCELLED {
        return None;
    }
    Some(Work {
        id: Some(shift.id),
        start: walltime::parse(&shift.starts_at)?,
        end: walltime::parse(&shift.ends_at)?,
        break_minutes: shift.break_minutes,
        team_id: shift.team_id,
        place_id: shift.place_id,
        skill: shift.skill.clone(),
    })
}

/// The planned target of a calendar year from its first day up to `until`
/// (included), in minutes: for each day, the regime's annual time pro rata
/// of the contract's weekly time over full time, shared over the days of
/// the year. None when no day up to `until` falls under a regime with an
/// annual count.
pub fn annual_target(
    contracts: &[Contract],
    sets: &[RuleSet],
    year: i32,
    until: Date,
) -> Option<i64> {
    let first = Date::new(year, 1, 1)?;
    let last = Date::new(year, 12, 31)?.min(until);
    let year_days = Date::new(year, 12, 31)?.ordinal() as f64;
    let mut target = None;
    // Contracts do not overlap (the contract form refuses it): each one
    // counts for the days of the year it covers, counted by date
    // arithmetic rather than day by day (the week grid checks forty
    // agents at once).
    for c in contracts {
        let Some(set) = sets.iter().find(|s| s.key == c.regime) else {
            continue;
        };
        let Some((annual, full)) = set.annual_minutes.zip(set.full_time_weekly_minutes) else {
            continue;
        };
        let (Some(starts), ends) = (
            Date::parse(&c.starts_on),
            c.ends_on.as_deref().and_then(Date::parse),
        ) else {
            continue;
        };
        let from = starts.max(first);
        let to = ends.map_or(last, |e| e.min(last));
        if to < from {
            continue;
        }
        let days = (to.days_since(from) + 1) as f64;
        *target.get_or_insert(0.0) +=
            annual as f64 * c.weekly_minutes as f64 / full as f64 / year_days * days;
    }
    target.map(|t: f64| t.round() as i64)
}

/// The dates of an agent's shifts (from included, to excluded) to load so
/// that [`check`] sees all it needs about the changed ones: the windows of
/// weeks of the average around their weeks, the rests running in and out,
/// the runs of days in a row, and the whole calendar years they fall in.
/// An empty range when nothing changed.
pub fn window(changed: &[Work]) -> (Date, Date) {
    let (Some(first), Some(last)) = (
        changed.iter().map(|w| w.start.date()).min(),
        changed.iter().map(|w| w.start.date()).max(),
    ) else {
        return (Date::default(), Date::default());
    };
    let sets = rule_sets();
    let weeks = sets
        .iter()
        .filter_map(|s| s.average_weeks)
        .max()
        .unwrap_or(1);
    let run = sets
        .iter()
        .filter_map(|s| s.days_in_a_row_max.max(s.days_in_a_row_max_holidays))
        .max()
        .unwrap_or(0);
    // A week more than the average needs on each side, for the rest that
    // runs into the first week and out of the last.
    let from = [
        Date::new(first.year(), 1, 1).unwrap_or(first),
        first.monday().add_days(-7 * weeks),
        first.add_days(-run - 1),
    ];
    let to = [
        Date::new(last.year() + 1, 1, 1).unwrap_or(Date::MAX),
        last.monday().add_days(7 * (weeks + 1)),
        // A changed shift may end days after it starts (too long, refused,
        // but its overlaps are still told).
        changed
            .iter()
            .map(|w| w.end.date())
            .max()
            .unwrap_or(last)
            .add_days(run + 2),
    ];
    (
        from.into_iter().min().unwrap_or(first),
        to.into_iter().max().unwrap_or(last),
    )
}

/// What a change breaks, refusals first, then by day.
pub fn check(c: &Check) -> Vec<Finding> {
    check_with(c, rule_sets())
}

/// [`check`] against given rule sets (a test changes a number in a copy).
pub fn check_with(c: &Check, sets: &[RuleSet]) -> Vec<Finding> {
    let plan = Plan::new(c, sets);
    let mut found = Vec::new();
    plan.refusals(&mut found);
    plan.shift_rules(&mut found);
    plan.day_rules(&mut found);
    plan.daily_rest(&mut found);
    plan.days_in_a_row(&mut found);
    plan.week_rules(&mut found);
    plan.averages(&mut found);
    plan.annual(&mut found);
    found.sort_by_key(|f| (f.severity, f.day));
    found
}

impl Finding {
    fn new(rule: &'static str, severity: Severity, day: Date, shift: Option<i64>) -> Finding {
        Finding {
            rule,
            severity,
            day,
            shift,
            args: Vec::new(),
        }
    }

    fn arg(mut self, name: &'static str, value: impl Into<String>) -> Finding {
        self.args.push((name, value.into()));
        self
    }

    /// A measure against its limit, in hours.
    fn over(self, measured: i64, limit: i64) -> Finding {
        self.arg("measured", hours(measured))
            .arg("limit", hours(limit))
    }

    /// The message `rule-<key>` in the language of the call (wasm only).
    pub fn message(&self) -> String {
        let args: Vec<(&str, &str)> = self.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        i18n::t_args(&format!("rule-{}", self.rule), &args)
    }
}

// The check ------------------------------------------------------------------

/// A shift placed in time.
struct Span<'a> {
    work: &'a Work,
    changed: bool,
    /// The local date it starts on.
    day: Date,
    /// Real minutes on the zone's scale ([`walltime::instant`]).
    start: i64,
    end: i64,
    worked: i64,
}

/// The shifts starting on one day.
struct Day {
    spans: Range<usize>,
    worked: i64,
    first_start: i64,
    last_end: i64,
}

/// One agent's shifts sorted and indexed for the rules.
struct Plan<'a> {
    check: &'a Check<'a>,
    sets: &'a [RuleSet],
    /// In wall-time order.
    spans: Vec<Span<'a>>,
    days: BTreeMap<Date, Day>,
    /// Worked minutes by Monday.
    weeks: BTreeMap<Date, i64>,
    /// Indexes of the changed spans, in day order.
    changed: Vec<usize>,
    /// The times the agent works, merged, in time order.
    busy: Vec<(i64, i64)>,
    /// Each contract's first and last day (read once: the rules ask for
    /// the contract of a day many times).
    ranges: Vec<(Date, Option<Date>, &'a Contract)>,
}

impl<'a> Plan<'a> {
    fn new(check: &'a Check<'a>, sets: &'a [RuleSet]) -> Plan<'a> {
        let tz = check.timezone;
        let place = |work: &'a Work, changed: bool| {
            let start = walltime::instant(work.start, tz);
            let end = walltime::instant(work.end, tz);
            Span {
                work,
                changed,
                day: work.start.date(),
                start,
                end,
                worked: (end - start - work.break_minutes).max(0),
            }
        };
        let mut spans: Vec<Span> = unchanged(check.shifts, check.changed)
            .map(|w| place(w, false))
            .chain(check.changed.iter().map(|w| place(w, true)))
            .collect();
        spans.sort_by_key(|s| (s.work.start, s.work.end, !s.changed));

        let mut days: BTreeMap<Date, Day> = BTreeMap::new();
        let mut weeks: BTreeMap<Date, i64> = BTreeMap::new();
        for (i, s) in spans.iter().enumerate() {
            let day = days.entry(s.day).or_insert(Day {
                spans: i..i,
                worked: 0,
                first_start: s.start,
                last_end: s.end,
            });
            day.spans.end = i + 1;
            day.worked += s.worked;
            day.first_start = day.first_start.min(s.start);
            day.last_end = day.last_end.max(s.end);
            *weeks.entry(s.day.monday()).or_default() += s.worked;
        }
        let changed = (0..spans.len()).filter(|&i| spans[i].changed).collect();

        let mut times: Vec<(i64, i64)> = spans
            .iter()
            .filter(|s| s.end > s.start)
            .map(|s| (s.start, s.end))
            .collect();
        times.sort_unstable();
        let mut busy: Vec<(i64, i64)> = Vec::with_capacity(times.len());
        for (start, end) in times {
            match busy.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => busy.push((start, end)),
            }
        }
        let ranges = check
            .contracts
            .iter()
            .filter_map(|c| {
                Some((
                    Date::parse(&c.starts_on)?,
                    c.ends_on.as_deref().and_then(Date::parse),
                    c,
                ))
            })
            .collect();
        Plan {
            check,
            sets,
            spans,
            days,
            weeks,
            changed,
            busy,
            ranges,
        }
    }

    /// The contract in force on a day.
    fn contract(&self, day: Date) -> Option<&'a Contract> {
        // As `contract_on`: the last one listed that covers the day.
        self.ranges
            .iter()
            .rev()
            .find(|(from, to, _)| *from <= day && to.is_none_or(|to| day <= to))
            .map(|(_, _, c)| *c)
    }

    /// The rule set of the regime of the contract of a day.
    fn rules(&self, day: Date) -> Option<&'a RuleSet> {
        let contract = self.contract(day)?;
        self.sets.iter().find(|s| s.key == contract.regime)
    }

    fn changed_spans(&self) -> impl Iterator<Item = &Span<'a>> {
        self.changed.iter().map(|&i| &self.spans[i])
    }

    /// The first changed shift starting from `from` to `to` (included).
    fn changed_in(&self, from: Date, to: Date) -> Option<&Span<'a>> {
        let at = self.changed.partition_point(|&i| self.spans[i].day < from);
        self.changed
            .get(at)
            .map(|&i| &self.spans[i])
            .filter(|s| s.day <= to)
    }

    /// The days holding a changed shift, in order.
    fn changed_days(&self) -> Vec<Date> {
        let mut days: Vec<Date> = self.changed_spans().map(|s| s.day).collect();
        days.dedup();
        days
    }

    /// A warning on `day` about what changed from `from` to `to`: it names
    /// the first changed shift there.
    fn about(&self, rule: &'static str, day: Date, from: Date, to: Date) -> Finding {
        let shift = self.changed_in(from, to).and_then(|s| s.work.id);
        Finding::new(rule, Severity::Warn, day, shift)
    }

    /// What is never saved, for each changed shift.
    fn refusals(&self, found: &mut Vec<Finding>) {
        for (&i, s) in self.changed.iter().zip(self.changed_spans()) {
            let refuse = |rule| Finding::new(rule, Severity::Refuse, s.day, s.work.id);
            let length = s.end - s.start;
            if length <= 0 {
                found.push(refuse("end-before-start"));
            } else if length > LONGEST_SHIFT {
                found.push(refuse("too-long").arg("measured", hours(length)));
            } else if let Some(other) = self.overlapping(i) {
                found.push(
                    refuse("overlap")
                        .arg("start", other.start.time())
                        .arg("end", other.end.time()),
                );
            }
            let Some(contract) = self.contract(s.day) else {
                found.push(refuse("outside-contract"));
                continue;
            };
            if !contract.teams.is_empty() && !contract.teams.contains(&s.work.team_id) {
                found.push(refuse("not-in-team"));
            }
            if let Some(skill) = s
                .work
                .skill
                .as_deref()
                .map(str::trim)
                .filter(|k| !k.is_empty())
                && !contract
                    .skills
                    .iter()
                    .any(|k| k.trim().to_lowercase() == skill.to_lowercase())
            {
                found.push(refuse("missing-skill").arg("skill", skill));
            }
        }
    }

    /// Another shift of the agent that overlaps span `i` (touching ends do
    /// not). Shifts last at most a day, so only those starting from the
    /// day before to the day of its end can.
    fn overlapping(&self, i: usize) -> Option<&'a Work> {
        let s = &self.spans[i];
        let from = s.day.add_days(-1);
        let to = s.work.end.date();
        self.days
            .range(from..=to)
            .flat_map(|(_, day)| day.spans.clone())
            .filter(|&j| j != i)
            .map(|j| &self.spans[j])
            .find(|o| o.end > o.start && o.start < s.end && s.start < o.end)
            .map(|o| o.work)
    }

    /// The rules of one changed shift: its place, its break, its night.
    fn shift_rules(&self, found: &mut Vec<Finding>) {
        for s in self.changed_spans() {
            let Some(contract) = self.contract(s.day) else {
                continue;
            };
            let finding = |rule| Finding::new(rule, Severity::Warn, s.day, s.work.id);
            if !contract.places.is_empty() && !contract.places.contains(&s.work.place_id) {
                found.push(finding("place-not-in-contract"));
            }
            let Some(rules) = self.sets.iter().find(|r| r.key == contract.regime) else {
                continue;
            };
            if let (Some(after), Some(least)) = (rules.break_after_minutes, rules.break_minutes)
                && s.worked > after
                && s.work.break_minutes < least
            {
                found.push(
                    finding("break")
                        .over(s.worked, least)
                        .arg("pause", hours(s.work.break_minutes.max(0)))
                        .arg("after", hours(after)),
                );
            }
            if let Some((start, end)) = rules.night() {
                let night = walltime::night_minutes(
                    s.work.start,
                    s.work.end,
                    start,
                    end,
                    self.check.timezone,
                );
                if night > 0 {
                    found.push(
                        Finding::new("night", Severity::Note, s.day, s.work.id)
                            .arg("measured", hours(night)),
                    );
                }
            }
        }
    }

    /// Hours and amplitude of each day holding a changed shift.
    fn day_rules(&self, found: &mut Vec<Finding>) {
        for day in self.changed_days() {
            let (Some(rules), Some(stat)) = (self.rules(day), self.days.get(&day)) else {
                continue;
            };
            if let Some(max) = rules.daily_max_minutes
                && stat.worked > max
            {
                found.push(
                    self.about("daily-max", day, day, day)
                        .over(stat.worked, max),
                );
            }
            let amplitude = stat.last_end - stat.first_start;
            if let Some(max) = rules.amplitude_max_minutes
                && amplitude > max
            {
                found.push(self.about("amplitude", day, day, day).over(amplitude, max));
            }
        }
    }

    /// The rest between two days worked in a row, one of them changed: the
    /// finding is on the second day.
    fn daily_rest(&self, found: &mut Vec<Finding>) {
        let firsts: BTreeSet<Date> = self
            .changed_days()
            .into_iter()
            .flat_map(|d| [d.add_days(-1), d])
            .collect();
        for first in firsts {
            let next = first.add_days(1);
            let (Some(a), Some(b)) = (self.days.get(&first), self.days.get(&next)) else {
                continue;
            };
            let Some(least) = self
                .rules(next)
                .or_else(|| self.rules(first))
                .and_then(|r| r.daily_rest_minutes)
            else {
                continue;
            };
            let rest = b.first_start - a.last_end;
            if rest < least {
                found.push(
                    self.about("daily-rest", next, first, next)
                        .over(rest.max(0), least),
                );
            }
        }
    }

    /// Runs of days worked in a row holding a changed day.
    fn days_in_a_row(&self, found: &mut Vec<Finding>) {
        let mut seen_until: Option<Date> = None;
        for day in self.changed_days() {
            if seen_until.is_some_and(|end| day <= end) {
                continue;
            }
            let mut first = day;
            while self.days.contains_key(&first.add_days(-1)) {
                first = first.add_days(-1);
            }
            let mut last = day;
            while self.days.contains_key(&last.add_days(1)) {
                last = last.add_days(1);
            }
            seen_until = Some(last);
            let length = last.days_since(first) + 1;
            let holidays = (0..length).all(|n| {
                let d = first.add_days(n);
                self.check.school_holidays.iter().any(|p| p.contains(d))
            });
            let Some(max) = self.rules(day).and_then(|r| r.days_in_a_row(holidays)) else {
                continue;
            };
            if length > max {
                found.push(
                    self.about("days-in-a-row", first, first, last)
                        .arg("measured", length.to_string())
                        .arg("limit", max.to_string())
                        .arg("n", length.to_string()),
                );
            }
        }
    }

    /// The weeks holding a changed shift (Mondays), with the day of the
    /// first one.
    fn changed_weeks(&self) -> Vec<(Date, Date)> {
        let mut weeks: Vec<(Date, Date)> = self
            .changed_spans()
            .map(|s| (s.day.monday(), s.day))
            .collect();
        weeks.dedup_by_key(|(monday, _)| *monday);
        weeks
    }

    /// The local midnight starting a day, on the zone's scale.
    fn midnight(&self, day: Date) -> i64 {
        walltime::instant(
            DateTime::new(day, 0, 0, 0).unwrap_or_default(),
            self.check.timezone,
        )
    }

    /// The rests (times between two shifts, unbounded before the first and
    /// after the last) that reach into `from..to`, whole.
    fn rests(&self, from: i64, to: i64) -> Vec<(i64, i64)> {
        let mut rests = Vec::new();
        let k = self.busy.partition_point(|b| b.1 <= from);
        let mut rest_start = if k == 0 { i64::MIN } else { self.busy[k - 1].1 };
        for &(start, end) in &self.busy[k..] {
            if rest_start < to && start > from {
                rests.push((rest_start, start));
            }
            if start >= to {
                return rests;
            }
            rest_start = end;
        }
        if rest_start < to {
            rests.push((rest_start, i64::MAX));
        }
        rests
    }

    /// Weekly hours and rest of each week holding a changed shift.
    fn week_rules(&self, found: &mut Vec<Finding>) {
        for (monday, day) in self.changed_weeks() {
            let Some(rules) = self.rules(day) else {
                continue;
            };
            let sunday = monday.add_days(6);
            let about = |rule| self.about(rule, monday, monday, sunday);
            let worked = self.weeks.get(&monday).copied().unwrap_or(0);
            if let Some(max) = rules.weekly_max_minutes
                && worked > max
            {
                found.push(about("weekly-max").over(worked, max));
            }
            let (start, end) = (self.midnight(monday), self.midnight(monday.add_days(7)));
            let rests = self.rests(start, end);
            let length = |r: &(i64, i64)| r.1.saturating_sub(r.0);
            let longest = rests.iter().max_by_key(|r| length(r)).copied();
            if let (Some(least), Some(longest)) = (rules.weekly_rest_minutes, longest)
                && length(&longest) < least
            {
                found.push(about("weekly-rest").over(length(&longest), least));
            }
            if rules.weekly_rest_sunday {
                // The week's long rest: those long enough, else the longest.
                let least = rules.weekly_rest_minutes.unwrap_or(0);
                let mut long: Vec<(i64, i64)> = rests
                    .iter()
                    .copied()
                    .filter(|r| length(r) >= least)
                    .collect();
                if long.is_empty() {
                    long.extend(longest);
                }
                let sunday_start = self.midnight(sunday);
                if !long.iter().any(|r| r.0 <= sunday_start && r.1 >= end) {
                    found.push(about("weekly-rest-sunday"));
                }
            }
        }
    }

    /// The average over each window of consecutive weeks that holds a
    /// changed week: for each changed week, the heaviest such window.
    fn averages(&self, found: &mut Vec<Finding>) {
        let mut windows: BTreeMap<Date, (i64, i64, i64)> = BTreeMap::new();
        for (monday, day) in self.changed_weeks() {
            let Some((max, weeks)) = self
                .rules(day)
                .and_then(|r| r.average_max_minutes.zip(r.average_weeks))
            else {
                continue;
            };
            let total = |first: Date| -> i64 {
                (0..weeks)
                    .map(|n| self.weeks.get(&first.add_days(7 * n)).copied().unwrap_or(0))
                    .sum()
            };
            let heaviest = (0..weeks)
                .map(|n| monday.add_days(-7 * (weeks - 1 - n)))
                .map(|first| (first, total(first)))
                .max_by_key(|&(first, total)| (total, std::cmp::Reverse(first)));
            if let Some((first, total)) = heaviest
                && total > max * weeks
            {
                windows.insert(first, (total, weeks, max));
            }
        }
        for (first, (total, weeks, max)) in windows {
            let last = first.add_days(7 * weeks - 1);
            // Rounded up, so that a window just over shows over.
            let average = (total + weeks - 1) / weeks;
            found.push(
                self.about("average-max", first, first, last)
                    .over(average, max)
                    .arg("n", weeks.to_string()),
            );
        }
    }

    /// The planned hours of each calendar year holding a changed shift.
    fn annual(&self, found: &mut Vec<Finding>) {
        let mut years: Vec<i32> = self.changed_spans().map(|s| s.day.year()).collect();
        years.dedup();
        for year in years {
            let (Some(first), Some(last)) = (Date::new(year, 1, 1), Date::new(year, 12, 31)) else {
                continue;
            };
            let Some(target) = annual_target(self.check.contracts, self.sets, year, last) else {
                continue;
            };
            // Days under a regime without an annual count (another contract
            // of the year) count for nothing here.
            let planned: i64 = self
                .days
                .range(first..=last)
                .filter(|(day, _)| {
                    self.rules(**day)
                        .is_some_and(|r| r.annual_minutes.is_some())
                })
                .map(|(_, d)| d.worked)
                .sum();
            if planned > target {
                found.push(
                    self.about("annual", first, first, last)
                        .over(planned, target),
                );
            }
        }
    }
}

/// The shifts of `shifts` that the changed ones do not replace: the same
/// id, or for a shift not yet saved, an equal one (once for each).
fn unchanged<'a>(shifts: &'a [Work], changed: &'a [Work]) -> impl Iterator<Item = &'a Work> {
    let ids: HashSet<i64> = changed.iter().filter_map(|w| w.id).collect();
    let mut unsaved: HashMap<(DateTime, DateTime), Vec<&Work>> = HashMap::new();
    for w in changed.iter().filter(|w| w.id.is_none()) {
        unsaved.entry((w.start, w.end)).or_default().push(w);
    }
    shifts.iter().filter(move |s| match s.id {
        Some(id) => !ids.contains(&id),
        None => match unsaved.get_mut(&(s.start, s.end)) {
            Some(same) => match same.iter().position(|w| *w == *s) {
                Some(at) => {
                    same.swap_remove(at);
                    false
                }
                None => true,
            },
            None => true,
        },
    })
}

// The page -------------------------------------------------------------------

/// The rules page: each regime's rules with their numbers and legal
/// sources, and what is refused or only warned about.
///
/// # Errors
/// None of its own; the signature is the dispatcher's.
pub fn page(req: &Request) -> Result<Response, Error> {
    let locale = req.locale();
    let regimes: Vec<serde_json::Value> = rule_sets()
        .iter()
        .map(|set| {
            let lines: Vec<serde_json::Value> = set
                .lines()
                .iter()
                .map(|line| {
                    let args: Vec<(&str, &str)> =
                        line.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    let value = match &line.measure {
                        Measure::Minutes(m) => hours(*m),
                        Measure::Days(n) => i18n::t_args("regime-days", &[("n", &n.to_string())]),
                        Measure::Window(start, end) => format!("{start}–{end}"),
                        Measure::Yes => i18n::t("regime-yes"),
                    };
                    json!({
                        "key": line.key,
                        "label": i18n::t_args(&format!("regime-{}", line.key), &args),
                        "value": value,
                    })
                })
                .collect();
            json!({
                "key": set.key,
                "title": set.title.get(locale),
                "source": set.source.get(locale),
                "lines": lines,
            })
        })
        .collect();
    Ok(view("rules.html")
        .title(i18n::t("regime-page-title"))
        .crumb(i18n::t("roster-title"), req.url("/"))
        .with(json!({
            "regimes": regimes,
            "refusals": REFUSALS,
        }))
        .into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_json_is_the_toml_file() {
        let from_toml = parse_rule_sets(include_str!("../rules/regimes.toml")).unwrap();
        assert_eq!(rule_sets(), from_toml.as_slice());
        assert_eq!(
            rule_sets()
                .iter()
                .map(|s| s.key.as_str())
                .collect::<Vec<_>>(),
            crate::model::REGIMES
        );
    }
    use crate::model::REGIMES;

    const PARIS: &str = "Europe/Paris";

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn at(text: &str) -> DateTime {
        walltime::parse(text).unwrap()
    }

    /// A shift not yet saved, without a break.
    fn w(start: &str, end: &str) -> Work {
        Work {
            id: None,
            start: at(start),
            end: at(end),
            break_minutes: 0,
            team_id: 1,
            place_id: 1,
            skill: None,
        }
    }

    fn saved(id: i64, start: &str, end: &str) -> Work {
        Work {
            id: Some(id),
            ..w(start, end)
        }
    }

    fn with_break(work: Work, minutes: i64) -> Work {
        Work {
            break_minutes: minutes,
            ..work
        }
    }

    /// One shift a day for `days` days from `from`, `HH:MM` to `HH:MM`
    /// (crossing midnight when the end comes first).
    fn daily(from: &str, days: i64, start: &str, end: &str) -> Vec<Work> {
        (0..days)
            .map(|n| {
                let day = d(from).add_days(n);
                let end_day = if end <= start { day.add_days(1) } else { day };
                w(&format!("{day}T{start}"), &format!("{end_day}T{end}"))
            })
            .collect()
    }

    fn contract(regime: &str, from: &str, weekly: i64) -> Contract {
        Contract {
            id: 1,
            agent_id: 1,
            starts_on: from.into(),
            ends_on: None,
            weekly_minutes: weekly,
            regime: regime.into(),
            teams: vec![],
            skills: vec![],
            places: vec![],
            leave_days: 25,
            title: None,
        }
    }

    /// One agent: contracts, shifts already planned, school holidays.
    struct Agent {
        contracts: Vec<Contract>,
        shifts: Vec<Work>,
        holidays: Vec<Period>,
        sets: Vec<RuleSet>,
    }

    impl Agent {
        fn new(regime: &str) -> Agent {
            Agent {
                contracts: vec![contract(regime, "2025-01-01", 2100)],
                shifts: Vec::new(),
                holidays: Vec::new(),
                sets: rule_sets().to_vec(),
            }
        }

        fn with(mut self, shifts: impl IntoIterator<Item = Work>) -> Agent {
            self.shifts.extend(shifts);
            self
        }

        /// The findings of adding (or replacing, by id) `changed`.
        fn check(&self, changed: &[Work]) -> Vec<Finding> {
            let mut shifts: Vec<Work> = self
                .shifts
                .iter()
                .filter(|s| s.id.is_none() || !changed.iter().any(|c| c.id == s.id))
                .cloned()
                .collect();
            shifts.extend(changed.iter().cloned());
            check_with(
                &Check {
                    contracts: &self.contracts,
                    shifts: &shifts,
                    changed,
                    school_holidays: &self.holidays,
                    timezone: PARIS,
                },
                &self.sets,
            )
        }

        fn rules(&self, changed: &[Work]) -> Vec<&'static str> {
            self.check(changed).iter().map(|f| f.rule).collect()
        }

        fn finding(&self, changed: &[Work], rule: &str) -> Option<Finding> {
            self.check(changed).into_iter().find(|f| f.rule == rule)
        }
    }

    fn arg<'a>(f: &'a Finding, name: &str) -> &'a str {
        f.args
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    // The file ---------------------------------------------------------------

    #[test]
    fn the_regimes_file_holds_every_regime_in_order_with_its_texts() {
        let keys: Vec<&str> = rule_sets().iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, REGIMES);
        for set in rule_sets() {
            for text in [&set.title.fr, &set.title.en, &set.source.fr, &set.source.en] {
                assert!(!text.trim().is_empty(), "{}", set.key);
            }
            assert!(set.daily_max_minutes.is_some(), "{}", set.key);
        }
        assert_eq!(
            rule_set("fpt").and_then(|s| s.annual_minutes),
            Some(1607 * 60)
        );
        assert!(rule_set("nope").is_none());
    }

    #[test]
    fn a_rule_set_that_cannot_be_used_is_refused() {
        let base =
            "[fpt]\ntitle = { fr = \"a\", en = \"b\" }\nsource = { fr = \"c\", en = \"d\" }\n";
        assert!(parse_rule_sets(base).is_ok());
        for bad in [
            "daily_max_minutes = 0",
            "night_start = \"22:00\"",
            "night_start = \"22h\"\nnight_end = \"05:00\"",
            "annual_minutes = 96420",
            "average_weeks = 12",
            "dayly_max_minutes = 600",
        ] {
            assert!(parse_rule_sets(&format!("{base}{bad}\n")).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_sets_keep_the_order_of_the_file() {
        let text = "[b]\ntitle = { fr = \"\", en = \"\" }\nsource = { fr = \"\", en = \"\" }\n\
                    [a]\ntitle = { fr = \"\", en = \"\" }\nsource = { fr = \"\", en = \"\" }\n";
        let keys: Vec<String> = parse_rule_sets(text)
            .unwrap()
            .into_iter()
            .map(|s| s.key)
            .collect();
        assert_eq!(keys, ["b", "a"]);
    }

    #[test]
    fn the_page_lines_give_each_number_with_its_rule() {
        let lines = rule_set("fpt").unwrap().lines();
        assert_eq!(lines[0].key, "daily-max");
        assert_eq!(lines[0].measure, Measure::Minutes(600));
        let average = lines.iter().find(|l| l.key == "average-max").unwrap();
        assert_eq!(average.args, [("n", "12".to_string())]);
        let brk = lines.iter().find(|l| l.key == "break").unwrap();
        assert_eq!(
            (brk.args[0].1.as_str(), &brk.measure),
            ("6 h", &Measure::Minutes(20))
        );
        assert!(lines.iter().any(|l| l.measure == Measure::Yes));
        assert!(
            lines
                .iter()
                .any(|l| l.measure == Measure::Window("22:00".into(), "05:00".into()))
        );
        let lift = rule_set("idcc454").unwrap().lines();
        assert!(
            lift.iter()
                .any(|l| l.key == "days-in-a-row-holidays" && l.measure == Measure::Days(10))
        );
        assert!(
            !lift
                .iter()
                .any(|l| l.key == "annual" || l.key == "weekly-rest-sunday")
        );
    }

    #[test]
    fn hours_read_as_hours_and_minutes() {
        assert_eq!(hours(600), "10 h");
        assert_eq!(hours(630), "10 h 30");
        assert_eq!(hours(20), "0 h 20");
        assert_eq!(hours(605), "10 h 05");
        assert_eq!(hours(96_420), "1\u{202f}607 h");
        assert_eq!(hours(-30), "-0 h 30");
    }

    #[test]
    fn a_stored_shift_becomes_work_unless_cancelled_or_unreadable() {
        let mut shift = Shift {
            id: 7,
            team_id: 2,
            agent_id: Some(1),
            place_id: 3,
            monday: "2026-12-07".into(),
            starts_at: "2026-12-08T08:00".into(),
            ends_at: "2026-12-08T12:00".into(),
            break_minutes: 15,
            task: None,
            skill: Some("BNSSA".into()),
            status: crate::model::PLANNED.into(),
            changed: false,
            override_reason: None,
            template_id: None,
            version: 1,
            updated_by: None,
            updated_at: "2026-12-01T10:00:00Z".into(),
        };
        let work = work_of(&shift).unwrap();
        assert_eq!(
            (work.id, work.team_id, work.place_id, work.break_minutes),
            (Some(7), 2, 3, 15)
        );
        assert_eq!(work.skill.as_deref(), Some("BNSSA"));
        assert_eq!(worked(&work, PARIS), 225);
        shift.status = CANCELLED.into();
        assert!(work_of(&shift).is_none());
        shift.status = crate::model::PLANNED.into();
        shift.ends_at = "2026-12-08 12:00".into();
        assert!(work_of(&shift).is_none());
    }

    #[test]
    fn the_window_holds_the_years_and_the_weeks_around_the_change() {
        let (from, to) = window(&[w("2026-12-08T08:00", "2026-12-08T12:00")]);
        assert_eq!(from, d("2026-01-01"));
        // Twelve weeks from the changed one, and one more for the rest.
        assert_eq!(to, d("2026-12-07").add_days(7 * 13));
        let (from, to) = window(&[w("2026-01-06T08:00", "2026-01-06T12:00")]);
        assert_eq!(from, d("2026-01-05").add_days(-7 * 12));
        assert_eq!(to, d("2027-01-01"));
        let (from, to) = window(&[]);
        assert_eq!(from, to);
    }

    // Refusals ---------------------------------------------------------------

    #[test]
    fn a_shift_must_end_after_it_starts_and_last_at_most_a_day() {
        let agent = Agent::new("fpt");
        assert_eq!(
            agent.rules(&[w("2026-12-08T12:00", "2026-12-08T12:00")]),
            ["end-before-start"]
        );
        assert_eq!(
            agent.rules(&[w("2026-12-08T12:00", "2026-12-08T08:00")]),
            ["end-before-start"]
        );
        let day = agent.check(&[w("2026-12-08T06:00", "2026-12-09T06:00")]);
        assert!(!day.iter().any(|f| f.rule == "too-long"));
        let over = agent
            .finding(&[w("2026-12-08T06:00", "2026-12-09T06:01")], "too-long")
            .unwrap();
        assert_eq!(
            (over.severity, arg(&over, "measured")),
            (Severity::Refuse, "24 h 01")
        );
        // 23 wall hours on the October night are 24 real ones, and an
        // hour more is too long.
        assert!(
            agent
                .finding(&[w("2026-10-24T07:00", "2026-10-25T06:00")], "too-long")
                .is_none()
        );
        assert!(
            agent
                .finding(&[w("2026-10-24T07:00", "2026-10-25T06:01")], "too-long")
                .is_some()
        );
    }

    #[test]
    fn overlapping_shifts_are_refused_and_touching_ones_are_not() {
        let agent = Agent::new("fpt").with([saved(1, "2026-12-08T08:00", "2026-12-08T12:00")]);
        let overlap = agent
            .finding(&[w("2026-12-08T11:30", "2026-12-08T14:00")], "overlap")
            .unwrap();
        assert_eq!(overlap.severity, Severity::Refuse);
        assert_eq!(
            (arg(&overlap, "start"), arg(&overlap, "end")),
            ("08:00", "12:00")
        );
        assert!(
            agent
                .finding(&[w("2026-12-08T12:00", "2026-12-08T14:00")], "overlap")
                .is_none()
        );
        assert!(
            agent
                .finding(&[w("2026-12-08T06:00", "2026-12-08T08:00")], "overlap")
                .is_none()
        );
        // Moving the shift itself does not overlap its old place.
        assert!(
            agent
                .finding(
                    &[saved(1, "2026-12-08T09:00", "2026-12-08T13:00")],
                    "overlap"
                )
                .is_none()
        );
        // Two new equal shifts overlap each other.
        let twice = [
            w("2026-12-09T08:00", "2026-12-09T12:00"),
            w("2026-12-09T08:00", "2026-12-09T12:00"),
        ];
        assert_eq!(
            agent
                .check(&twice)
                .iter()
                .filter(|f| f.rule == "overlap")
                .count(),
            2
        );
    }

    #[test]
    fn a_shift_crossing_midnight_overlaps_the_next_morning() {
        let agent = Agent::new("fpt").with([saved(1, "2026-12-08T22:00", "2026-12-09T06:00")]);
        assert!(
            agent
                .finding(&[w("2026-12-09T05:00", "2026-12-09T09:00")], "overlap")
                .is_some()
        );
        assert!(
            agent
                .finding(&[w("2026-12-09T06:00", "2026-12-09T09:00")], "overlap")
                .is_none()
        );
        assert!(
            agent
                .finding(&[w("2026-12-07T23:00", "2026-12-08T22:30")], "overlap")
                .is_some()
        );
    }

    #[test]
    fn a_day_outside_every_contract_is_refused() {
        let mut agent = Agent::new("fpt");
        agent.contracts = vec![Contract {
            ends_on: Some("2026-12-31".into()),
            ..contract("fpt", "2026-12-01", 2100)
        }];
        assert_eq!(
            agent.rules(&[w("2026-11-30T08:00", "2026-11-30T12:00")]),
            ["outside-contract"]
        );
        assert!(
            agent
                .rules(&[w("2026-12-01T08:00", "2026-12-01T12:00")])
                .is_empty()
        );
        assert!(
            agent
                .rules(&[w("2026-12-31T20:00", "2027-01-01T02:00")])
                .iter()
                .all(|r| *r == "night")
        );
        assert_eq!(
            agent.rules(&[w("2027-01-01T08:00", "2027-01-01T12:00")]),
            ["outside-contract"]
        );
    }

    #[test]
    fn the_contract_of_the_day_names_the_teams_and_skills() {
        let mut agent = Agent::new("fpt");
        agent.contracts[0].teams = vec![2, 3];
        agent.contracts[0].skills = vec![" Sécurité ".into(), "BNSSA".into()];
        let shift = |team, skill: Option<&str>| Work {
            team_id: team,
            skill: skill.map(Into::into),
            ..w("2026-12-08T08:00", "2026-12-08T12:00")
        };
        assert_eq!(agent.rules(&[shift(1, None)]), ["not-in-team"]);
        assert!(agent.rules(&[shift(2, Some("sécurité"))]).is_empty());
        assert!(agent.rules(&[shift(3, Some("  bnssa "))]).is_empty());
        assert!(agent.rules(&[shift(3, Some(" "))]).is_empty());
        let missing = agent
            .finding(&[shift(2, Some("Permis C"))], "missing-skill")
            .unwrap();
        assert_eq!(arg(&missing, "skill"), "Permis C");
        // A contract without teams takes any team.
        agent.contracts[0].teams.clear();
        assert!(agent.rules(&[shift(9, None)]).is_empty());
    }

    #[test]
    fn a_place_the_contract_does_not_name_is_a_warning() {
        let mut agent = Agent::new("fpt");
        agent.contracts[0].places = vec![2];
        let at_place = |place| Work {
            place_id: place,
            ..w("2026-12-08T08:00", "2026-12-08T12:00")
        };
        let found = agent
            .finding(&[at_place(1)], "place-not-in-contract")
            .unwrap();
        assert_eq!(found.severity, Severity::Warn);
        assert!(agent.rules(&[at_place(2)]).is_empty());
    }

    // Days ---------------------------------------------------------------------

    #[test]
    fn ten_hours_a_day_are_allowed_breaks_deducted_and_a_minute_more_is_not() {
        for regime in REGIMES {
            let agent = Agent::new(regime);
            let ten = with_break(w("2026-12-08T08:00", "2026-12-08T18:30"), 30);
            assert!(agent.finding(&[ten], "daily-max").is_none(), "{regime}");
            let more = with_break(w("2026-12-08T08:00", "2026-12-08T18:31"), 30);
            let found = agent.finding(&[more], "daily-max").unwrap();
            assert_eq!(
                (arg(&found, "measured"), arg(&found, "limit")),
                ("10 h 01", "10 h")
            );
            assert_eq!(found.severity, Severity::Warn);
        }
    }

    #[test]
    fn the_day_counts_every_shift_starting_on_it() {
        let agent = Agent::new("fpt").with([saved(1, "2026-12-08T06:00", "2026-12-08T11:00")]);
        let evening = w("2026-12-08T20:00", "2026-12-09T01:01");
        let found = agent.finding(&[evening], "daily-max").unwrap();
        assert_eq!((found.day, found.shift), (d("2026-12-08"), None));
        assert_eq!(arg(&found, "measured"), "10 h 01");
    }

    #[test]
    fn durations_are_real_on_the_nights_clocks_change() {
        let agent = Agent::new("fpt");
        // 20:00–05:30 is 9 h 30 on the wall, 10 h 30 in October.
        let october = agent
            .finding(&[w("2026-10-24T20:00", "2026-10-25T05:30")], "daily-max")
            .unwrap();
        assert_eq!(arg(&october, "measured"), "10 h 30");
        // 20:00–07:00 is 11 h on the wall, 10 h in March.
        assert!(
            agent
                .finding(&[w("2026-03-28T20:00", "2026-03-29T07:00")], "daily-max")
                .is_none()
        );
        assert!(
            agent
                .finding(&[w("2026-03-27T20:00", "2026-03-28T07:00")], "daily-max")
                .is_some()
        );
    }

    #[test]
    fn the_amplitude_is_at_most_twelve_hours_in_the_civil_service_only() {
        let morning = saved(1, "2026-12-08T07:00", "2026-12-08T11:00");
        let fpt = Agent::new("fpt").with([morning.clone()]);
        assert!(
            fpt.finding(&[w("2026-12-08T15:00", "2026-12-08T19:00")], "amplitude")
                .is_none()
        );
        let found = fpt
            .finding(&[w("2026-12-08T15:00", "2026-12-08T19:01")], "amplitude")
            .unwrap();
        assert_eq!(
            (arg(&found, "measured"), arg(&found, "limit")),
            ("12 h 01", "12 h")
        );
        let private = Agent::new("private").with([morning]);
        assert!(
            private
                .finding(&[w("2026-12-08T15:00", "2026-12-08T21:00")], "amplitude")
                .is_none()
        );
    }

    #[test]
    fn a_break_of_twenty_minutes_is_due_beyond_six_hours_of_work() {
        let agent = Agent::new("fpt");
        assert!(
            agent
                .finding(&[w("2026-12-08T08:00", "2026-12-08T14:00")], "break")
                .is_none()
        );
        let short = with_break(w("2026-12-08T08:00", "2026-12-08T14:20"), 19);
        let found = agent.finding(&[short], "break").unwrap();
        assert_eq!(
            (
                arg(&found, "measured"),
                arg(&found, "pause"),
                arg(&found, "limit"),
                arg(&found, "after")
            ),
            ("6 h 01", "0 h 19", "0 h 20", "6 h")
        );
        let enough = with_break(w("2026-12-08T08:00", "2026-12-08T14:21"), 20);
        assert!(agent.finding(&[enough], "break").is_none());
        assert!(
            agent
                .finding(&[w("2026-12-08T08:00", "2026-12-08T14:01")], "break")
                .is_some()
        );
    }

    #[test]
    fn night_hours_are_noted_by_the_regime_s_night() {
        let fpt = Agent::new("fpt");
        let found = fpt
            .finding(&[w("2026-12-08T20:00", "2026-12-09T02:00")], "night")
            .unwrap();
        assert_eq!(
            (found.severity, arg(&found, "measured")),
            (Severity::Note, "4 h")
        );
        assert!(
            fpt.finding(&[w("2026-12-08T14:00", "2026-12-08T22:00")], "night")
                .is_none()
        );
        let private = Agent::new("private");
        let found = private
            .finding(&[w("2026-12-08T14:00", "2026-12-08T22:00")], "night")
            .unwrap();
        assert_eq!(arg(&found, "measured"), "1 h");
    }

    // Rests --------------------------------------------------------------------

    #[test]
    fn the_daily_rest_is_eleven_hours_in_the_civil_service_and_ten_on_ski_lifts() {
        let evening = saved(1, "2026-12-08T12:00", "2026-12-08T21:00");
        for (regime, least) in [("fpt", "11 h"), ("private", "11 h"), ("idcc454", "10 h")] {
            let agent = Agent::new(regime).with([evening.clone()]);
            let rest = if least == "11 h" { 11 * 60 } else { 10 * 60 };
            let start =
                |minutes: i64| walltime::add_wall_minutes(at("2026-12-08T21:00"), minutes).unwrap();
            let next = |minutes| Work {
                start: start(minutes),
                end: start(minutes + 240),
                ..w("2026-12-09T08:00", "2026-12-09T12:00")
            };
            assert!(
                agent.finding(&[next(rest)], "daily-rest").is_none(),
                "{regime}"
            );
            let found = agent.finding(&[next(rest - 1)], "daily-rest").unwrap();
            assert_eq!(found.day, d("2026-12-09"));
            assert_eq!(
                (arg(&found, "limit"), found.severity),
                (least, Severity::Warn),
                "{regime}"
            );
        }
    }

    #[test]
    fn the_daily_rest_is_checked_on_both_sides_of_a_changed_day_only() {
        let agent = Agent::new("fpt").with([
            saved(1, "2026-12-07T12:00", "2026-12-07T22:00"),
            saved(2, "2026-12-09T06:00", "2026-12-09T10:00"),
        ]);
        // Tuesday 08:00–20:00: 10 h after Monday, 10 h before Wednesday.
        let tuesday = w("2026-12-08T08:00", "2026-12-08T20:00");
        let days: Vec<Date> = agent
            .check(&[tuesday])
            .iter()
            .filter(|f| f.rule == "daily-rest")
            .map(|f| f.day)
            .collect();
        assert_eq!(days, [d("2026-12-08"), d("2026-12-09")]);
        // A day off between: no daily rest to check.
        assert!(
            agent
                .finding(&[w("2026-12-11T06:00", "2026-12-11T08:00")], "daily-rest")
                .is_none()
        );
    }

    /// Six hours every day from Monday 30 November to Sunday 20 December,
    /// but on Saturday 12 December; Sunday 13 starts at `sunday_start`.
    fn three_weeks(regime: &str, sunday_start: &str) -> (Agent, Work) {
        let shifts = daily("2026-11-30", 21, "08:00", "14:00")
            .into_iter()
            .filter(|s| {
                !["2026-12-12", "2026-12-13"].contains(&s.start.date().to_string().as_str())
            });
        let sunday = walltime::parse(&format!("2026-12-13T{sunday_start}")).unwrap();
        let changed = Work {
            start: sunday,
            end: walltime::add_wall_minutes(sunday, 360).unwrap(),
            ..w("2026-12-13T08:00", "2026-12-13T14:00")
        };
        (Agent::new(regime).with(shifts), changed)
    }

    #[test]
    fn the_weekly_rest_is_thirty_five_hours_in_the_civil_service() {
        // Friday 14:00 to Sunday 01:00: 35 hours.
        let (agent, sunday) = three_weeks("fpt", "01:00");
        assert!(agent.finding(&[sunday], "weekly-rest").is_none());
        let (agent, sunday) = three_weeks("fpt", "00:59");
        let found = agent.finding(&[sunday], "weekly-rest").unwrap();
        assert_eq!(found.day, d("2026-12-07"));
        assert_eq!(
            (arg(&found, "measured"), arg(&found, "limit")),
            ("34 h 59", "35 h")
        );
    }

    #[test]
    fn the_weekly_rest_is_thirty_six_hours_on_ski_lifts() {
        let (agent, sunday) = three_weeks("idcc454", "02:00");
        assert!(agent.finding(&[sunday], "weekly-rest").is_none());
        let (agent, sunday) = three_weeks("idcc454", "01:59");
        let found = agent.finding(&[sunday], "weekly-rest").unwrap();
        assert_eq!(arg(&found, "limit"), "36 h");
        // And 35 hours would do in private law.
        let (agent, sunday) = three_weeks("private", "01:00");
        assert!(agent.finding(&[sunday], "weekly-rest").is_none());
    }

    #[test]
    fn the_weekly_rest_counts_the_rest_running_in_from_the_week_before() {
        // Off from Saturday 5 December 14:00 to Monday 7 December 08:00 (42
        // hours, most of it the week before), then every day to Sunday.
        let agent = Agent::new("fpt")
            .with(daily("2026-11-30", 5, "08:00", "14:00"))
            .with(daily("2026-12-07", 6, "08:00", "14:00"))
            .with(daily("2026-12-14", 7, "08:00", "14:00"));
        let sunday = w("2026-12-13T08:00", "2026-12-13T14:00");
        assert!(
            agent
                .finding(std::slice::from_ref(&sunday), "weekly-rest")
                .is_none()
        );
        // But that rest does not hold this week's Sunday.
        assert!(agent.finding(&[sunday], "weekly-rest-sunday").is_some());
    }

    #[test]
    fn the_civil_service_wants_the_weekly_rest_on_sunday() {
        // Friday 14:00 to Sunday 01:00 is long enough, but not on Sunday.
        let (agent, sunday) = three_weeks("fpt", "01:00");
        let found = agent
            .finding(std::slice::from_ref(&sunday), "weekly-rest-sunday")
            .unwrap();
        assert_eq!(
            (found.day, found.severity),
            (d("2026-12-07"), Severity::Warn)
        );
        let (lift, lift_sunday) = three_weeks("idcc454", "02:00");
        assert!(lift.finding(&[lift_sunday], "weekly-rest-sunday").is_none());
        // Off from Saturday 14:00 to Monday 08:00: Sunday is held.
        let agent = Agent::new("fpt")
            .with(daily("2026-11-30", 12, "08:00", "14:00"))
            .with(daily("2026-12-14", 7, "08:00", "14:00"));
        let saturday = w("2026-12-12T08:00", "2026-12-12T14:00");
        assert!(agent.finding(&[saturday], "weekly-rest-sunday").is_none());
    }

    // Weeks and windows ------------------------------------------------------------

    #[test]
    fn forty_eight_hours_a_week_are_allowed_and_a_minute_more_is_not() {
        // Six days of eight hours, Monday to Saturday.
        let agent = Agent::new("fpt").with(daily("2026-12-07", 5, "08:00", "16:00"));
        let saturday = w("2026-12-12T08:00", "2026-12-12T16:00");
        assert!(agent.finding(&[saturday], "weekly-max").is_none());
        let longer = w("2026-12-12T08:00", "2026-12-12T16:01");
        let found = agent.finding(&[longer], "weekly-max").unwrap();
        assert_eq!(found.day, d("2026-12-07"));
        assert_eq!(
            (arg(&found, "measured"), arg(&found, "limit")),
            ("48 h 01", "48 h")
        );
    }

    /// Weeks of 44 hours (five days of 8 h 48) for `weeks` weeks from
    /// Monday 7 September 2026.
    fn weeks_of_44(weeks: i64) -> Vec<Work> {
        (0..weeks)
            .flat_map(|n| {
                daily(
                    &d("2026-09-07").add_days(7 * n).to_string(),
                    5,
                    "08:00",
                    "16:48",
                )
            })
            .collect()
    }

    #[test]
    fn forty_four_hours_on_average_over_twelve_weeks_are_allowed_and_a_minute_more_is_not() {
        let mut shifts = weeks_of_44(12);
        let last = shifts.pop().unwrap();
        let agent = Agent::new("fpt").with(shifts);
        assert!(
            agent
                .finding(std::slice::from_ref(&last), "average-max")
                .is_none()
        );
        let longer = Work {
            end: walltime::add_wall_minutes(last.end, 1).unwrap(),
            ..last
        };
        let found = agent.finding(&[longer], "average-max").unwrap();
        assert_eq!(found.day, d("2026-09-07"));
        assert_eq!(
            (
                arg(&found, "measured"),
                arg(&found, "limit"),
                arg(&found, "n")
            ),
            ("44 h 01", "44 h", "12")
        );
    }

    #[test]
    fn the_average_looks_at_windows_after_the_changed_week_too() {
        // Eleven weeks of 48 hours, then a change in the week before them:
        // only the window starting with it goes over.
        let shifts: Vec<Work> = (1..12)
            .flat_map(|n| {
                daily(
                    &d("2026-09-07").add_days(7 * n).to_string(),
                    5,
                    "08:00",
                    "17:36",
                )
            })
            .collect();
        let agent = Agent::new("fpt").with(shifts);
        let monday = w("2026-09-07T06:00", "2026-09-07T16:48");
        let found = agent.finding(&[monday], "average-max").unwrap();
        assert_eq!(found.day, d("2026-09-07"));
    }

    #[test]
    fn an_old_breach_elsewhere_is_not_reported_again() {
        // A 12-hour day and a 50-hour week in September, a change in December.
        let agent = Agent::new("fpt")
            .with([w("2026-09-01T06:00", "2026-09-01T18:00")])
            .with(daily("2026-09-07", 5, "07:00", "17:00"));
        let found = agent.rules(&[w("2026-12-08T08:00", "2026-12-08T12:00")]);
        assert!(found.is_empty(), "{found:?}");
        // Changing a shift of that September week does report it.
        let again = agent.rules(&[w("2026-09-12T08:00", "2026-09-12T09:00")]);
        assert!(again.contains(&"weekly-max"), "{again:?}");
    }

    // Runs of days ------------------------------------------------------------

    #[test]
    fn ski_lift_staff_work_at_most_seven_days_in_a_row() {
        let agent = Agent::new("idcc454").with(daily("2026-12-01", 6, "08:00", "14:00"));
        let seventh = w("2026-12-07T08:00", "2026-12-07T14:00");
        assert!(agent.finding(&[seventh], "days-in-a-row").is_none());
        let agent = agent.with(daily("2026-12-07", 1, "08:00", "14:00"));
        let eighth = w("2026-12-08T08:00", "2026-12-08T14:00");
        let found = agent.finding(&[eighth], "days-in-a-row").unwrap();
        assert_eq!(found.day, d("2026-12-01"));
        assert_eq!((arg(&found, "measured"), arg(&found, "limit")), ("8", "7"));
        // The civil service has no such rule.
        let fpt = Agent::new("fpt").with(daily("2026-12-01", 20, "08:00", "14:00"));
        assert!(
            fpt.finding(
                &[w("2026-12-21T08:00", "2026-12-21T14:00")],
                "days-in-a-row"
            )
            .is_none()
        );
    }

    #[test]
    fn ski_lift_staff_work_up_to_ten_days_in_a_row_in_school_holidays() {
        let holidays =
            estive_kit::periods::parse_periods(["2026-12-19..2027-01-03 Vacances de Noël"]).0;
        let mut agent = Agent::new("idcc454").with(daily("2026-12-19", 9, "08:00", "14:00"));
        agent.holidays = holidays;
        let tenth = w("2026-12-28T08:00", "2026-12-28T14:00");
        assert!(
            agent
                .finding(std::slice::from_ref(&tenth), "days-in-a-row")
                .is_none()
        );
        let agent = agent.with([tenth]);
        let found = agent
            .finding(
                &[w("2026-12-29T08:00", "2026-12-29T14:00")],
                "days-in-a-row",
            )
            .unwrap();
        assert_eq!(
            (arg(&found, "measured"), arg(&found, "limit")),
            ("11", "10")
        );
        // A run starting before the holidays has the term-time limit.
        let found = agent
            .finding(
                &[w("2026-12-18T08:00", "2026-12-18T14:00")],
                "days-in-a-row",
            )
            .unwrap();
        assert_eq!((arg(&found, "measured"), arg(&found, "limit")), ("11", "7"));
    }

    // The year -------------------------------------------------------------------

    /// Shifts from 08:00 of `minutes` each day from `from` for `days` days,
    /// the last one `last` minutes long.
    fn year_of(from: &str, days: i64, minutes: i64, last: i64) -> (Vec<Work>, Work) {
        let shift = |day: Date, length: i64| {
            let start = DateTime::new(day, 8, 0, 0).unwrap();
            Work {
                start,
                end: walltime::add_wall_minutes(start, length).unwrap(),
                ..w("2026-01-01T08:00", "2026-01-01T09:00")
            }
        };
        let first = d(from);
        let shifts = (0..days - 1)
            .map(|n| shift(first.add_days(n), minutes))
            .collect();
        (shifts, shift(first.add_days(days - 1), last))
    }

    #[test]
    fn a_twenty_eight_hour_contract_owes_four_fifths_of_1607_hours() {
        // 77,136 minutes: 183 days of 7 h, then 4 h 36.
        let (shifts, last) = year_of("2026-01-01", 184, 420, 276);
        let mut agent = Agent::new("fpt").with(shifts);
        agent.contracts[0].weekly_minutes = 1680;
        assert!(
            agent
                .finding(std::slice::from_ref(&last), "annual")
                .is_none()
        );
        let more = Work {
            end: walltime::add_wall_minutes(last.end, 1).unwrap(),
            ..last
        };
        let found = agent.finding(&[more], "annual").unwrap();
        assert_eq!(found.day, d("2026-01-01"));
        assert_eq!(
            (arg(&found, "measured"), arg(&found, "limit")),
            ("1\u{202f}285 h 37", "1\u{202f}285 h 36")
        );
    }

    #[test]
    fn a_contract_starting_in_july_owes_its_share_of_the_year() {
        // 184 days of 365: 48,606 minutes, 183 days of 4 h 24, then 4 h 54.
        let (shifts, last) = year_of("2026-07-01", 184, 264, 294);
        let mut agent = Agent::new("fpt").with(shifts);
        agent.contracts[0].starts_on = "2026-07-01".into();
        assert!(
            agent
                .finding(std::slice::from_ref(&last), "annual")
                .is_none()
        );
        // Hours worked under a private-law contract before do not count.
        agent.contracts.insert(
            0,
            Contract {
                ends_on: Some("2026-06-30".into()),
                ..contract("private", "2026-01-01", 2100)
            },
        );
        agent.shifts.extend(year_of("2026-01-01", 181, 420, 420).0);
        assert!(
            agent
                .finding(std::slice::from_ref(&last), "annual")
                .is_none()
        );
        let more = Work {
            end: walltime::add_wall_minutes(last.end, 1).unwrap(),
            ..last
        };
        let found = agent.finding(&[more], "annual").unwrap();
        assert_eq!(arg(&found, "limit"), "810 h 06");
        // Private law has no annual count.
        let mut private = Agent::new("private").with(year_of("2026-01-01", 365, 600, 600).0);
        private.contracts[0].regime = "private".into();
        assert!(
            private
                .finding(&[w("2026-12-31T08:00", "2026-12-31T09:00")], "annual")
                .is_none()
        );
    }

    // The rule sets --------------------------------------------------------------

    #[test]
    fn changing_a_number_of_the_file_moves_the_finding() {
        let mut agent = Agent::new("fpt");
        let nine = w("2026-12-08T08:00", "2026-12-08T17:00");
        assert!(
            agent
                .finding(std::slice::from_ref(&nine), "daily-max")
                .is_none()
        );
        agent.sets[0].daily_max_minutes = Some(8 * 60);
        let found = agent
            .finding(std::slice::from_ref(&nine), "daily-max")
            .unwrap();
        assert_eq!(arg(&found, "limit"), "8 h");
        // A number taken out is a rule that no longer applies.
        agent.sets[0].daily_max_minutes = None;
        assert!(agent.finding(&[nine], "daily-max").is_none());
        // Parsed from a changed copy of the file.
        let text = include_str!("../rules/regimes.toml")
            .replace("days_in_a_row_max = 7", "days_in_a_row_max = 5");
        let mut lift = Agent::new("idcc454").with(daily("2026-12-01", 5, "08:00", "14:00"));
        let sixth = w("2026-12-06T08:00", "2026-12-06T14:00");
        assert!(
            lift.finding(std::slice::from_ref(&sixth), "days-in-a-row")
                .is_none()
        );
        lift.sets = parse_rule_sets(&text).unwrap();
        assert!(lift.finding(&[sixth], "days-in-a-row").is_some());
    }

    #[test]
    fn findings_come_refusals_first_then_by_day() {
        let mut agent = Agent::new("fpt").with([saved(1, "2026-12-09T06:00", "2026-12-09T12:00")]);
        agent.contracts[0].teams = vec![1];
        let changed = [
            w("2026-12-08T08:00", "2026-12-08T19:30"),
            Work {
                team_id: 2,
                ..w("2026-12-10T08:00", "2026-12-10T12:00")
            },
            w("2026-12-09T11:00", "2026-12-09T13:00"),
        ];
        let found: Vec<(&str, Date)> = agent
            .check(&changed)
            .iter()
            .map(|f| (f.rule, f.day))
            .collect();
        assert_eq!(
            found,
            [
                ("overlap", d("2026-12-09")),
                ("not-in-team", d("2026-12-10")),
                ("break", d("2026-12-08")),
                ("daily-max", d("2026-12-08")),
                ("daily-rest", d("2026-12-09")),
            ]
        );
    }

    #[test]
    fn a_year_of_shifts_is_checked_with_the_findings_of_its_changed_week_only() {
        // Two shifts a day, every weekday of 2026 (522), and a week made
        // longer: 50 hours.
        let mut shifts = Vec::new();
        let mut day = d("2026-01-01");
        let mut id = 0;
        while day.year() == 2026 {
            if !day.weekday().is_weekend() {
                for (start, end) in [("08:00", "12:00"), ("13:00", "16:00")] {
                    id += 1;
                    shifts.push(saved(
                        id,
                        &format!("{day}T{start}"),
                        &format!("{day}T{end}"),
                    ));
                }
            }
            day = day.add_days(1);
        }
        let agent = Agent::new("fpt").with(shifts);
        let week: Vec<Work> = agent
            .shifts
            .iter()
            .filter(|s| s.start.date().monday() == d("2026-12-07"))
            .filter(|s| s.start.hour() == 13)
            .map(|s| Work {
                end: walltime::add_wall_minutes(s.end, 180).unwrap(),
                ..s.clone()
            })
            .collect();
        let found = agent.check(&week);
        let rules: Vec<&str> = found.iter().map(|f| f.rule).collect();
        // A full-time year without leave is over 1,607 hours too.
        assert_eq!(rules, ["annual", "weekly-max"]);
        assert_eq!(found[1].day, d("2026-12-07"));
    }
}
