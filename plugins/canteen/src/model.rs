//! The rows of the plugin's tables, as declared in `plugin.toml`, and the
//! small queries every page needs.

use std::collections::BTreeMap;

use estive_sdk::prelude::*;
use serde::{Deserialize, Serialize};

/// A school whose canteen is counted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct School {
    pub id: Option<i64>,
    pub name: String,
    /// Working group whose members count this school; none: every member
    /// of the canteen staff may.
    pub group_slug: Option<String>,
    /// Most meals the canteen can serve in a day: a count above it is a
    /// typing mistake.
    pub capacity: i64,
    /// Days of the week with service, `1` (Monday) to `7`, comma-separated.
    pub weekdays: String,
    pub active: bool,
    /// Days before this one are never locked by the schedule.
    pub created_on: Date,
}

impl School {
    /// The stored id (rows read from the database always have one).
    pub fn key(&self) -> i64 {
        self.id.unwrap_or_default()
    }

    /// The weekdays with service, as numbers 1 (Monday) to 7.
    pub fn service_weekdays(&self) -> Vec<u32> {
        parse_weekdays(&self.weekdays)
    }
}

/// `1,2,4,5` → `[1, 2, 4, 5]`; anything that is not a weekday number is
/// left out.
pub fn parse_weekdays(text: &str) -> Vec<u32> {
    let mut days: Vec<u32> = text
        .split(',')
        .filter_map(|d| d.trim().parse().ok())
        .filter(|d| (1..=7).contains(d))
        .collect();
    days.sort_unstable();
    days.dedup();
    days
}

/// A group of pupils (a class, or a group such as "maternelle") of a
/// school; counts are entered per group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Class {
    pub id: Option<i64>,
    pub school_id: i64,
    pub name: String,
    /// Pupils in the group, when known: more children's meals than pupils
    /// is a mistake.
    pub pupils: Option<i64>,
    pub position: i64,
    pub active: bool,
}

impl Class {
    pub fn key(&self) -> i64 {
        self.id.unwrap_or_default()
    }
}

/// A kind of meal: standard, vegetarian, no pork, allergy plan (PAI),
/// adult, or one a manager added.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MealType {
    pub id: Option<i64>,
    /// Stable code, used in form fields, exports and events.
    pub code: String,
    pub name_fr: String,
    pub name_en: String,
    /// Counts towards the share of vegetarian meals (EGalim).
    pub vegetarian: bool,
    /// Health data (allergy plans): shown as counts only, each view audited.
    pub health: bool,
    /// Served to adults, not pupils (not checked against a group's size).
    pub adult: bool,
    pub position: i64,
    pub active: bool,
}

impl MealType {
    /// The name in the page's language.
    pub fn label(&self, locale: &str) -> &str {
        if locale == "en" && !self.name_en.is_empty() {
            &self.name_en
        } else {
            &self.name_fr
        }
    }
}

/// The meal types a site starts with.
pub fn default_meal_types() -> Vec<MealType> {
    let meal = |position, code: &str, fr: &str, en: &str, flags: (bool, bool, bool)| MealType {
        id: None,
        code: code.to_owned(),
        name_fr: fr.to_owned(),
        name_en: en.to_owned(),
        vegetarian: flags.0,
        health: flags.1,
        adult: flags.2,
        position,
        active: true,
    };
    vec![
        meal(1, "standard", "Standard", "Standard", (false, false, false)),
        meal(
            2,
            "vegetarian",
            "Végétarien",
            "Vegetarian",
            (true, false, false),
        ),
        meal(3, "no_pork", "Sans porc", "No pork", (false, false, false)),
        meal(
            4,
            "pai",
            "Allergie (PAI)",
            "Allergy plan (PAI)",
            (false, true, false),
        ),
        meal(5, "adult", "Adulte", "Adult", (false, false, true)),
    ]
}

/// A school holiday period of the official calendar, entered as the
/// calendar writes it: classes end after one day and resume on another.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HolidayPeriod {
    pub id: Option<i64>,
    pub name: String,
    /// Zones the period applies to, e.g. `ABC` or `B`.
    pub zones: String,
    /// The last day of classes before the holidays.
    pub ends_after: Date,
    /// The day classes resume.
    pub resumes_on: Date,
}

impl HolidayPeriod {
    /// Whether the period applies to a zone and has no classes on `date`.
    pub fn covers(&self, zone: &str, date: Date) -> bool {
        self.zones.contains(zone) && self.ends_after < date && date < self.resumes_on
    }
}

/// An exceptional day: service added (`extra`) or removed (`closed`), for
/// one school or all of them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Exception {
    pub id: Option<i64>,
    pub date: Date,
    pub school_id: Option<i64>,
    pub kind: String,
    pub reason: String,
}

pub const EXTRA: &str = "extra";
pub const CLOSED: &str = "closed";

/// The state of one school's counts on one day.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Day {
    pub id: Option<i64>,
    pub school_id: i64,
    pub date: Date,
    /// `open`, `locked` or `unlocked` (reopened by a manager).
    pub status: String,
    /// Number of saves so far; 0 before the first.
    pub revision: i64,
    pub saved_at: Option<String>,
    pub saved_by: Option<String>,
    pub saved_by_name: Option<String>,
    pub locked_at: Option<String>,
    pub locked_by: Option<String>,
    pub locked_by_name: Option<String>,
    pub unlock_reason: Option<String>,
}

pub const OPEN: &str = "open";
pub const LOCKED: &str = "locked";
pub const UNLOCKED: &str = "unlocked";

impl Day {
    pub fn is_locked(&self) -> bool {
        self.status == LOCKED
    }

    pub fn is_unlocked(&self) -> bool {
        self.status == UNLOCKED
    }

    pub fn is_counted(&self) -> bool {
        self.revision > 0
    }
}

/// One number: meals of a type for a group on a day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Count {
    pub id: Option<i64>,
    pub school_id: i64,
    pub date: Date,
    pub class_id: i64,
    pub meal_type: String,
    pub count: i64,
}

/// One change of a day: a count changed, the day locked or unlocked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub id: Option<i64>,
    pub school_id: i64,
    pub date: Date,
    pub revision: i64,
    /// `count`, `lock` or `unlock`.
    pub action: String,
    pub class_id: Option<i64>,
    pub meal_type: Option<String>,
    pub old_count: Option<i64>,
    pub new_count: Option<i64>,
    pub reason: Option<String>,
    pub user_id: Option<String>,
    pub user_name: Option<String>,
    pub at: String,
}

/// What the canteen served on a day, for the weekly vegetarian menu.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Menu {
    pub id: Option<i64>,
    pub date: Date,
    pub vegetarian: bool,
    pub description: Option<String>,
}

/// A count grid: (group id, meal type code) → meals.
pub type Grid = BTreeMap<(i64, String), i64>;

/// Every school, active ones first, by name.
pub fn schools() -> Result<Vec<School>, Error> {
    db::select("schools")
        .order_desc("active")
        .order_asc("name")
        .fetch()
}

pub fn active_schools() -> Result<Vec<School>, Error> {
    db::select("schools")
        .filter(eq("active", true))
        .order_asc("name")
        .fetch()
}

/// A school by id.
///
/// # Errors
///
/// Not found when no school has the id.
pub fn school(id: i64) -> Result<School, Error> {
    db::select("schools").filter(eq("id", id)).one()
}

/// The groups of a school, in their order.
pub fn classes(school_id: i64, only_active: bool) -> Result<Vec<Class>, Error> {
    let mut q = db::select("classes").filter(eq("school_id", school_id));
    if only_active {
        q = q.filter(eq("active", true));
    }
    q.order_asc("position").order_asc("name").fetch()
}

/// Every group of every school, by id.
pub fn all_classes() -> Result<BTreeMap<i64, Class>, Error> {
    Ok(db::select("classes")
        .fetch::<Class>()?
        .into_iter()
        .map(|c| (c.key(), c))
        .collect())
}

/// The meal types, creating the default ones the first time.
pub fn meal_types(only_active: bool) -> Result<Vec<MealType>, Error> {
    let mut all: Vec<MealType> = db::select("meal_types")
        .order_asc("position")
        .order_asc("code")
        .fetch()?;
    if all.is_empty() {
        // Upserts by code, so two first visits at once create each type once.
        for meal in default_meal_types() {
            db::upsert("meal_types", &meal, &["code"])?;
        }
        all = db::select("meal_types")
            .order_asc("position")
            .order_asc("code")
            .fetch()?;
    }
    if only_active {
        all.retain(|m| m.active);
    }
    Ok(all)
}

/// The state of a school's day, if anything happened to it yet.
pub fn day(school_id: i64, date: Date) -> Result<Option<Day>, Error> {
    db::select("days")
        .filter(eq("school_id", school_id))
        .filter(eq("date", date))
        .first()
}

/// The days of every school between two dates, by (school, date).
pub fn days_between(from: Date, to: Date) -> Result<BTreeMap<(i64, Date), Day>, Error> {
    Ok(db::select("days")
        .filter(ge("date", from))
        .filter(le("date", to))
        .fetch::<Day>()?
        .into_iter()
        .map(|d| ((d.school_id, d.date), d))
        .collect())
}

/// The saved counts of a school's day.
pub fn grid(school_id: i64, date: Date) -> Result<Grid, Error> {
    Ok(db::select("counts")
        .filter(eq("school_id", school_id))
        .filter(eq("date", date))
        .fetch::<Count>()?
        .into_iter()
        .map(|c| ((c.class_id, c.meal_type), c.count))
        .collect())
}

/// School holiday periods, earliest first.
pub fn holiday_periods() -> Result<Vec<HolidayPeriod>, Error> {
    db::select("holidays").order_asc("ends_after").fetch()
}

/// Exceptional days between two dates.
pub fn exceptions_between(from: Date, to: Date) -> Result<Vec<Exception>, Error> {
    db::select("exceptions")
        .filter(ge("date", from))
        .filter(le("date", to))
        .order_asc("date")
        .fetch()
}

/// The options managers set in the plugin (deadline, caterer).
pub fn options() -> Result<BTreeMap<String, String>, Error> {
    #[derive(Deserialize)]
    struct Opt {
        key: String,
        value: String,
    }
    Ok(db::select("options")
        .fetch::<Opt>()?
        .into_iter()
        .map(|o| (o.key, o.value))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_text_gives_sorted_distinct_weekday_numbers() {
        assert_eq!(parse_weekdays("5, 1,2,4,2"), [1, 2, 4, 5]);
        assert_eq!(parse_weekdays("0,8,x,3"), [3]);
        assert!(parse_weekdays("").is_empty());
    }

    #[test]
    fn holiday_period_covers_the_days_between_end_of_classes_and_return() {
        let p = HolidayPeriod {
            id: None,
            name: "Toussaint".into(),
            zones: "ABC".into(),
            ends_after: "2026-10-17".parse().unwrap(),
            resumes_on: "2026-11-02".parse().unwrap(),
        };
        let d = |s: &str| s.parse().unwrap();
        assert!(!p.covers("C", d("2026-10-17")));
        assert!(p.covers("C", d("2026-10-19")));
        assert!(p.covers("C", d("2026-11-01")));
        assert!(!p.covers("C", d("2026-11-02")));
        let zone_b = HolidayPeriod {
            zones: "B".into(),
            ..p
        };
        assert!(!zone_b.covers("C", d("2026-10-19")));
    }

    #[test]
    fn default_meal_types_have_distinct_codes_and_one_health_type() {
        let types = default_meal_types();
        let mut codes: Vec<&str> = types.iter().map(|m| m.code.as_str()).collect();
        codes.dedup();
        assert_eq!(codes.len(), 5);
        assert_eq!(types.iter().filter(|m| m.health).count(), 1);
        assert_eq!(types[1].label("en"), "Vegetarian");
        assert_eq!(types[1].label("fr"), "Végétarien");
    }
}
