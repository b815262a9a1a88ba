//! The rules of counting: which days have service, when the counts of a
//! day close, and whether a day may still be changed. Pure functions, so
//! that every rule is unit-tested.

use std::collections::BTreeMap;

use estive_kit::holidays::{self, Calendar, Holiday};
use estive_sdk::dates::{Date, DateTime};
use serde::Deserialize;

use crate::model::{CLOSED, Day, EXTRA, Exception, HolidayPeriod, School};

/// When the counts of a day close.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeadlineDay {
    /// At the time on the day itself (e.g. 09:30 for lunch).
    SameDay,
    /// At the time on the calendar day before.
    DayBefore,
    /// At the time on the previous working day (Monday to Friday, not a
    /// public holiday): Friday for a Monday.
    WorkingDayBefore,
}

impl DeadlineDay {
    pub fn parse(text: &str) -> Option<DeadlineDay> {
        match text {
            "same_day" => Some(DeadlineDay::SameDay),
            "day_before" => Some(DeadlineDay::DayBefore),
            "working_day_before" => Some(DeadlineDay::WorkingDayBefore),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            DeadlineDay::SameDay => "same_day",
            DeadlineDay::DayBefore => "day_before",
            DeadlineDay::WorkingDayBefore => "working_day_before",
        }
    }

    pub const ALL: [DeadlineDay; 3] = [
        DeadlineDay::SameDay,
        DeadlineDay::DayBefore,
        DeadlineDay::WorkingDayBefore,
    ];
}

/// `HH:MM` → (hour, minute).
pub fn parse_time(text: &str) -> Option<(u32, u32)> {
    let (h, m) = text.trim().split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}

/// The site's rules: its holiday zone and calendar, and the deadline.
#[derive(Clone, Debug, PartialEq)]
pub struct Rules {
    /// `A`, `B` or `C`.
    pub zone: String,
    pub calendar: Calendar,
    pub deadline_day: DeadlineDay,
    pub deadline_time: (u32, u32),
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            zone: "C".into(),
            calendar: Calendar::National,
            deadline_day: DeadlineDay::SameDay,
            deadline_time: (9, 30),
        }
    }
}

/// The site settings of the manifest.
#[derive(Debug, Default, Deserialize)]
pub struct Settings {
    pub zone: Option<String>,
    pub calendar: Option<String>,
    pub deadline_day: Option<String>,
    pub deadline_time: Option<String>,
}

impl Rules {
    /// The rules from the site's settings, then the managers' options
    /// (`deadline_day`, `deadline_time`), which win. Values that do not
    /// parse are ignored.
    pub fn from(settings: &Settings, options: &BTreeMap<String, String>) -> Rules {
        let mut rules = Rules::default();
        if let Some(zone) = settings
            .zone
            .as_deref()
            .filter(|z| matches!(*z, "A" | "B" | "C"))
        {
            rules.zone = zone.to_owned();
        }
        if settings.calendar.as_deref() == Some("alsace_moselle") {
            rules.calendar = Calendar::AlsaceMoselle;
        }
        let day = options
            .get("deadline_day")
            .map(String::as_str)
            .or(settings.deadline_day.as_deref());
        if let Some(day) = day.and_then(DeadlineDay::parse) {
            rules.deadline_day = day;
        }
        let time = options
            .get("deadline_time")
            .map(String::as_str)
            .or(settings.deadline_time.as_deref());
        if let Some(time) = time.and_then(parse_time) {
            rules.deadline_time = time;
        }
        rules
    }

    /// When the counts of `date` close, in the site's local time.
    pub fn deadline(&self, date: Date) -> DateTime {
        let day = match self.deadline_day {
            DeadlineDay::SameDay => date,
            DeadlineDay::DayBefore => date.add_days(-1),
            DeadlineDay::WorkingDayBefore => {
                let mut day = date.add_days(-1);
                // At most a long weekend plus a holiday or two: 10 steps
                // are plenty, and bound the loop.
                for _ in 0..10 {
                    if !day.weekday().is_weekend()
                        && holidays::holiday_in(day, self.calendar).is_none()
                    {
                        break;
                    }
                    day = day.add_days(-1);
                }
                day
            }
        };
        let (h, m) = self.deadline_time;
        DateTime::new(day, h, m, 0).unwrap_or_default()
    }

    /// The deadline time as `HH:MM`.
    pub fn deadline_time_text(&self) -> String {
        format!("{:02}:{:02}", self.deadline_time.0, self.deadline_time.1)
    }
}

/// Why a day has service or not, for one school.
#[derive(Clone, Debug, PartialEq)]
pub enum DayKind {
    /// An ordinary service day.
    Service,
    /// Service added on a day that would have none.
    Extra(String),
    /// The school has no service on this day of the week.
    Weekday,
    PublicHoliday(Holiday),
    SchoolHoliday(String),
    /// Service removed (strike, outing…).
    Closed(String),
}

impl DayKind {
    pub fn is_service(&self) -> bool {
        matches!(self, DayKind::Service | DayKind::Extra(_))
    }

    /// A catalogue key for the kind, and the detail to show with it.
    pub fn describe(&self, locale: &str) -> (&'static str, String) {
        match self {
            DayKind::Service => ("day-service", String::new()),
            DayKind::Extra(reason) => ("day-extra", reason.clone()),
            DayKind::Weekday => ("day-no-service-weekday", String::new()),
            DayKind::PublicHoliday(h) => ("day-public-holiday", h.name(locale).to_owned()),
            DayKind::SchoolHoliday(name) => ("day-school-holiday", name.clone()),
            DayKind::Closed(reason) => ("day-closed", reason.clone()),
        }
    }
}

/// The calendar facts that decide service days: holiday periods and
/// exceptional days, with the site's zone and public holidays.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    pub zone: String,
    pub calendar: Calendar,
    pub periods: Vec<HolidayPeriod>,
    pub exceptions: Vec<Exception>,
}

/// Whether `school` serves meals on `date`, and why not.
///
/// Precedence: an exceptional day of the school, then one of every school
/// (a closure beats an addition at the same level), then public holidays,
/// school holidays of the zone and the school's weekdays.
pub fn day_kind(school: &School, date: Date, cal: &Facts) -> DayKind {
    let exception = |for_school: Option<i64>| {
        let mut found: Option<&Exception> = None;
        for e in cal
            .exceptions
            .iter()
            .filter(|e| e.date == date && e.school_id == for_school)
        {
            if found.is_none() || e.kind == CLOSED {
                found = Some(e);
            }
        }
        found
    };
    let specific = exception(school.id).or_else(|| exception(None));
    if let Some(e) = specific {
        if e.kind == CLOSED {
            return DayKind::Closed(e.reason.clone());
        }
        if e.kind == EXTRA {
            return DayKind::Extra(e.reason.clone());
        }
    }
    if let Some(h) = holidays::holiday_in(date, cal.calendar) {
        return DayKind::PublicHoliday(h);
    }
    if let Some(p) = cal.periods.iter().find(|p| p.covers(&cal.zone, date)) {
        return DayKind::SchoolHoliday(p.name.clone());
    }
    if !school
        .service_weekdays()
        .contains(&date.weekday().number_from_monday())
    {
        return DayKind::Weekday;
    }
    DayKind::Service
}

/// How many days back the `lock-days` schedule looks. An older day whose
/// deadline passed without it being locked (the school was set up later,
/// the server was stopped) is never locked: it stays closed as it is.
pub const LOCK_LOOKBACK_DAYS: i64 = 7;

/// Whether a school's day may be counted now.
#[derive(Clone, Debug, PartialEq)]
pub enum Editable {
    /// Open until the deadline.
    Until(DateTime),
    /// Reopened by a manager after the deadline, until locked again.
    Reopened,
    /// The deadline has passed recently: the schedule locks the day soon.
    DeadlinePassed(DateTime),
    /// The deadline passed before the schedule's look-back: the day is
    /// closed as it is and nothing will lock it.
    Closed(DateTime),
    /// Locked.
    Locked,
    /// No service that day.
    NoService,
}

impl Editable {
    pub fn allows_saving(&self) -> bool {
        matches!(self, Editable::Until(_) | Editable::Reopened)
    }

    /// A short code for templates.
    pub fn code(&self) -> &'static str {
        match self {
            Editable::Until(_) => "open",
            Editable::Reopened => "unlocked",
            Editable::DeadlinePassed(_) => "past",
            Editable::Closed(_) => "closed",
            Editable::Locked => "locked",
            Editable::NoService => "no-service",
        }
    }
}

/// Whether the day `date` may be counted at `now` (site local time).
pub fn editable(
    kind: &DayKind,
    date: Date,
    day: Option<&Day>,
    deadline: DateTime,
    now: DateTime,
) -> Editable {
    if !kind.is_service() {
        return Editable::NoService;
    }
    match day {
        Some(d) if d.is_locked() => Editable::Locked,
        Some(d) if d.is_unlocked() => Editable::Reopened,
        _ if now >= deadline && date.add_days(LOCK_LOOKBACK_DAYS) < now.date() => {
            Editable::Closed(deadline)
        }
        _ if now >= deadline => Editable::DeadlinePassed(deadline),
        _ => Editable::Until(deadline),
    }
}

/// The day a counting screen opens on: today when it has service and the
/// deadline is the same day (open or already closed, so staff see what was
/// recorded); otherwise the first day with service whose deadline is still
/// ahead, within three weeks; today when there is none.
pub fn default_day(
    school: &School,
    rules: &Rules,
    cal: &Facts,
    today: Date,
    now: DateTime,
) -> Date {
    if rules.deadline_day == DeadlineDay::SameDay && day_kind(school, today, cal).is_service() {
        return today;
    }
    (0..21)
        .map(|n| today.add_days(n))
        .find(|d| day_kind(school, *d, cal).is_service() && rules.deadline(*d) > now)
        .unwrap_or(today)
}

/// The next (or, with `step` -1, previous) day with service, within 60
/// days.
pub fn next_service_day(school: &School, cal: &Facts, from: Date, step: i64) -> Option<Date> {
    (1..=60)
        .map(|n| from.add_days(n * step))
        .find(|d| day_kind(school, *d, cal).is_service())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn t(s: &str) -> DateTime {
        s.parse().unwrap()
    }

    fn school() -> School {
        School {
            id: Some(1),
            name: "École des Granges".into(),
            group_slug: None,
            capacity: 120,
            weekdays: "1,2,4,5".into(),
            active: true,
            created_on: d("2026-09-01"),
        }
    }

    fn cal() -> Facts {
        Facts {
            zone: "C".into(),
            calendar: Calendar::National,
            periods: vec![HolidayPeriod {
                id: Some(1),
                name: "Vacances de Noël".into(),
                zones: "ABC".into(),
                ends_after: d("2026-12-19"),
                resumes_on: d("2027-01-04"),
            }],
            exceptions: vec![],
        }
    }

    fn exception(date: &str, school_id: Option<i64>, kind: &str) -> Exception {
        Exception {
            id: None,
            date: d(date),
            school_id,
            kind: kind.into(),
            reason: "motif".into(),
        }
    }

    #[test]
    fn ordinary_school_day_has_service() {
        // Monday 30 November 2026.
        assert_eq!(
            day_kind(&school(), d("2026-11-30"), &cal()),
            DayKind::Service
        );
    }

    #[test]
    fn wednesday_and_weekend_have_no_service_in_a_four_day_week() {
        assert_eq!(
            day_kind(&school(), d("2026-12-02"), &cal()),
            DayKind::Weekday
        );
        assert_eq!(
            day_kind(&school(), d("2026-11-28"), &cal()),
            DayKind::Weekday
        );
    }

    #[test]
    fn public_holidays_have_no_service_including_easter_based_ones() {
        // Armistice on a Wednesday is no school day anyway; Ascension 2027
        // falls on Thursday 6 May, Easter Monday on 29 March.
        assert_eq!(
            day_kind(&school(), d("2027-05-06"), &cal()),
            DayKind::PublicHoliday(Holiday::Ascension)
        );
        assert_eq!(
            day_kind(&school(), d("2027-03-29"), &cal()),
            DayKind::PublicHoliday(Holiday::EasterMonday)
        );
    }

    #[test]
    fn school_holidays_of_the_zone_have_no_service() {
        assert_eq!(
            day_kind(&school(), d("2026-12-21"), &cal()),
            DayKind::SchoolHoliday("Vacances de Noël".into())
        );
        let mut other_zone = cal();
        other_zone.periods[0].zones = "A".into();
        assert_eq!(
            day_kind(&school(), d("2026-12-21"), &other_zone),
            DayKind::Service
        );
    }

    #[test]
    fn exceptional_days_add_or_remove_service() {
        let mut c = cal();
        c.exceptions.push(exception("2026-12-02", None, EXTRA));
        c.exceptions.push(exception("2026-11-30", Some(1), CLOSED));
        assert!(day_kind(&school(), d("2026-12-02"), &c).is_service());
        assert_eq!(
            day_kind(&school(), d("2026-11-30"), &c),
            DayKind::Closed("motif".into())
        );
        // Another school's closure does not apply.
        let mut other = school();
        other.id = Some(2);
        assert_eq!(day_kind(&other, d("2026-11-30"), &c), DayKind::Service);
    }

    #[test]
    fn school_exception_beats_the_exception_for_every_school() {
        let mut c = cal();
        c.exceptions.push(exception("2026-11-30", None, CLOSED));
        c.exceptions.push(exception("2026-11-30", Some(1), EXTRA));
        assert!(day_kind(&school(), d("2026-11-30"), &c).is_service());
    }

    #[test]
    fn same_day_deadline_is_that_morning() {
        let rules = Rules::default();
        assert_eq!(rules.deadline(d("2026-11-30")), t("2026-11-30T09:30"));
    }

    #[test]
    fn day_before_deadline_is_the_previous_calendar_day() {
        let rules = Rules {
            deadline_day: DeadlineDay::DayBefore,
            deadline_time: (17, 0),
            ..Rules::default()
        };
        assert_eq!(rules.deadline(d("2026-11-30")), t("2026-11-29T17:00"));
    }

    #[test]
    fn working_day_before_skips_weekends_and_public_holidays() {
        let rules = Rules {
            deadline_day: DeadlineDay::WorkingDayBefore,
            deadline_time: (10, 0),
            ..Rules::default()
        };
        // Monday → Friday.
        assert_eq!(rules.deadline(d("2026-11-30")), t("2026-11-27T10:00"));
        // Tuesday 30 March 2027, after Easter Monday → Friday 26 March.
        assert_eq!(rules.deadline(d("2027-03-30")), t("2027-03-26T10:00"));
    }

    #[test]
    fn managers_options_override_the_site_settings() {
        let settings = Settings {
            zone: Some("B".into()),
            calendar: Some("alsace_moselle".into()),
            deadline_day: Some("same_day".into()),
            deadline_time: Some("09:30".into()),
        };
        let mut options = BTreeMap::new();
        options.insert("deadline_day".into(), "day_before".into());
        options.insert("deadline_time".into(), "18:15".into());
        let rules = Rules::from(&settings, &options);
        assert_eq!(rules.zone, "B");
        assert_eq!(rules.calendar, Calendar::AlsaceMoselle);
        assert_eq!(rules.deadline_day, DeadlineDay::DayBefore);
        assert_eq!(rules.deadline_time, (18, 15));
    }

    #[test]
    fn unreadable_settings_fall_back_to_defaults() {
        let settings = Settings {
            zone: Some("Z".into()),
            calendar: None,
            deadline_day: Some("soon".into()),
            deadline_time: Some("25:00".into()),
        };
        assert_eq!(Rules::from(&settings, &BTreeMap::new()), Rules::default());
        assert_eq!(parse_time("9:05"), Some((9, 5)));
        assert_eq!(parse_time("09h30"), None);
    }

    fn counted(status: &str) -> Day {
        Day {
            school_id: 1,
            date: d("2026-11-30"),
            status: status.into(),
            revision: 1,
            ..Day::default()
        }
    }

    #[test]
    fn day_is_editable_until_the_deadline_then_closed() {
        let deadline = t("2026-11-30T09:30");
        let kind = DayKind::Service;
        let day = d("2026-11-30");
        assert_eq!(
            editable(&kind, day, None, deadline, t("2026-11-30T09:29")),
            Editable::Until(deadline)
        );
        assert_eq!(
            editable(
                &kind,
                day,
                Some(&counted("open")),
                deadline,
                t("2026-11-30T09:30")
            ),
            Editable::DeadlinePassed(deadline)
        );
        assert!(!Editable::DeadlinePassed(deadline).allows_saving());
    }

    #[test]
    fn locked_day_refuses_and_unlocked_day_accepts_changes_after_the_deadline() {
        let deadline = t("2026-11-30T09:30");
        let late = t("2026-11-30T11:00");
        let early = t("2026-11-30T08:00");
        let kind = DayKind::Service;
        let day = d("2026-11-30");
        assert_eq!(
            editable(&kind, day, Some(&counted("locked")), deadline, early),
            Editable::Locked
        );
        let reopened = editable(&kind, day, Some(&counted("unlocked")), deadline, late);
        assert_eq!(reopened, Editable::Reopened);
        assert!(reopened.allows_saving());
    }

    #[test]
    fn past_day_beyond_the_schedules_look_back_is_closed_not_about_to_be_locked() {
        let deadline = t("2026-11-30T09:30");
        let kind = DayKind::Service;
        let day = d("2026-11-30");
        // Seven days later the schedule still looks at it: locked soon.
        assert_eq!(
            editable(&kind, day, None, deadline, t("2026-12-07T10:00")),
            Editable::DeadlinePassed(deadline)
        );
        // Eight days later it never will be: closed as it is.
        let closed = editable(&kind, day, None, deadline, t("2026-12-08T08:00"));
        assert_eq!(closed, Editable::Closed(deadline));
        assert_eq!(closed.code(), "closed");
        assert!(!closed.allows_saving());
        // A day a manager reopened stays open, however old.
        assert_eq!(
            editable(
                &kind,
                day,
                Some(&counted("unlocked")),
                deadline,
                t("2027-01-15T08:00")
            ),
            Editable::Reopened
        );
    }

    #[test]
    fn day_without_service_is_never_editable() {
        let e = editable(
            &DayKind::Weekday,
            d("2026-12-02"),
            None,
            t("2026-12-02T09:30"),
            t("2026-12-02T08:00"),
        );
        assert_eq!(e, Editable::NoService);
    }

    #[test]
    fn counting_screen_opens_on_today_with_a_same_day_deadline() {
        let rules = Rules::default();
        let day = default_day(
            &school(),
            &rules,
            &cal(),
            d("2026-11-30"),
            t("2026-11-30T11:00"),
        );
        assert_eq!(day, d("2026-11-30"));
        // On a Wednesday without service, the next day with service.
        let day = default_day(
            &school(),
            &rules,
            &cal(),
            d("2026-12-02"),
            t("2026-12-02T08:00"),
        );
        assert_eq!(day, d("2026-12-03"));
    }

    #[test]
    fn counting_screen_opens_on_the_next_open_day_with_a_day_before_deadline() {
        let rules = Rules {
            deadline_day: DeadlineDay::DayBefore,
            deadline_time: (17, 0),
            ..Rules::default()
        };
        // Friday 27 November at 10:00: Monday closes on Sunday 17:00.
        let day = default_day(
            &school(),
            &rules,
            &cal(),
            d("2026-11-27"),
            t("2026-11-27T10:00"),
        );
        assert_eq!(day, d("2026-11-30"));
    }

    #[test]
    fn next_and_previous_service_days_skip_days_without_service() {
        let c = cal();
        assert_eq!(
            next_service_day(&school(), &c, d("2026-12-18"), 1),
            Some(d("2027-01-04"))
        );
        assert_eq!(
            next_service_day(&school(), &c, d("2026-12-03"), -1),
            Some(d("2026-12-01"))
        );
    }
}
