//! Reports: totals of a day, week or month per school and meal type; the
//! kitchen's order sheet of a day; the month's chart, EGalim figures and
//! billing export.

use std::collections::{BTreeMap, BTreeSet};

use estive_kit::chart::BarChart;
use estive_sdk::csv::CsvWriter;
use estive_sdk::dates::month_name;
use estive_sdk::prelude::*;
use serde::Deserialize;
use serde_json::Value;

use crate::access::MANAGE;
use crate::calendar::service_days_of_week;
use crate::counting::{self, percent};
use crate::counts::{audit_health_view, meals_json};
use crate::model::{self, Day, Grid, MealType, Menu, School};
use crate::rules;
use crate::{facts, query_date, site_rules, tr};

/// Above this many meals a day on average, EGalim asks for a multi-year
/// plan to diversify proteins.
const PROTEIN_PLAN_THRESHOLD: f64 = 200.0;

/// A period of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Day,
    Week,
    Month,
}

impl Period {
    pub fn parse(text: Option<&str>) -> Period {
        match text {
            Some("day") => Period::Day,
            Some("week") => Period::Week,
            _ => Period::Month,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
        }
    }

    /// The first and last days of the period holding `date`.
    pub fn range(self, date: Date) -> (Date, Date) {
        match self {
            Period::Day => (date, date),
            Period::Week => (date.monday(), date.monday().add_days(6)),
            Period::Month => (date.first_of_month(), date.last_of_month()),
        }
    }

    /// A date of the period `step` periods away.
    pub fn shift(self, date: Date, step: i32) -> Date {
        match self {
            Period::Day => date.add_days(i64::from(step)),
            Period::Week => date.monday().add_days(7 * i64::from(step)),
            Period::Month => date.first_of_month().add_months(step),
        }
    }
}

/// `YYYY-MM` → the first day of that month.
pub fn parse_month(text: &str) -> Option<Date> {
    if text.len() != 7 {
        return None;
    }
    Date::parse(&format!("{text}-01"))
}

/// `2026-11` for a date.
pub fn month_code(date: Date) -> String {
    format!("{:04}-{:02}", date.year(), date.month())
}

/// A month written out: `novembre 2026`.
fn month_long(date: Date, locale: &str) -> String {
    format!("{} {}", month_name(date.month(), locale), date.year())
}

#[derive(Deserialize)]
struct SchoolMealSum {
    school_id: i64,
    meal_type: String,
    meals: i64,
}

/// Meals per (school, meal type) between two dates.
fn sums_by_school(from: Date, to: Date) -> Result<Vec<SchoolMealSum>, Error> {
    db::aggregate("counts")
        .filter(ge("date", from))
        .filter(le("date", to))
        .group_by("school_id")
        .group_by("meal_type")
        .sum("count", "meals")
        .fetch()
}

/// The meal types to show: active ones, and any other that has counts.
fn shown_meals(all: Vec<MealType>, used: &BTreeSet<String>) -> Vec<MealType> {
    all.into_iter()
        .filter(|m| m.active || used.contains(&m.code))
        .collect()
}

/// The table of a period: a row per school, a column per meal type, with
/// totals.
fn totals_table(
    sums: &[SchoolMealSum],
    schools: &[School],
    meals: &[MealType],
    counted_days: &BTreeMap<i64, i64>,
) -> Value {
    let mut cell: BTreeMap<(i64, &str), i64> = BTreeMap::new();
    for s in sums {
        *cell.entry((s.school_id, s.meal_type.as_str())).or_insert(0) += s.meals;
    }
    let with_counts: BTreeSet<i64> = sums.iter().map(|s| s.school_id).collect();
    let mut column_totals = vec![0i64; meals.len()];
    let rows: Vec<Value> = schools
        .iter()
        .filter(|s| s.active || with_counts.contains(&s.key()))
        .map(|s| {
            let values: Vec<i64> = meals
                .iter()
                .map(|m| cell.get(&(s.key(), m.code.as_str())).copied().unwrap_or(0))
                .collect();
            for (t, v) in column_totals.iter_mut().zip(&values) {
                *t += v;
            }
            json!({
                "id": s.key(),
                "name": s.name,
                "values": values,
                "total": values.iter().sum::<i64>(),
                "days": counted_days.get(&s.key()).copied().unwrap_or(0),
            })
        })
        .collect();
    let total: i64 = column_totals.iter().sum();
    json!({ "rows": rows, "totals": column_totals, "total": total })
}

/// Days counted per school between two dates.
fn counted_days(from: Date, to: Date) -> Result<BTreeMap<i64, i64>, Error> {
    let mut out = BTreeMap::new();
    for day in model::days_between(from, to)?.values() {
        if day.is_counted() {
            *out.entry(day.school_id).or_insert(0) += 1;
        }
    }
    Ok(out)
}

fn period_title(period: Period, from: Date, to: Date, locale: &str) -> String {
    match period {
        Period::Day => tr("period-day", &[("date", from.long(locale))]),
        Period::Week => {
            let w = from.iso_week();
            tr(
                "period-week",
                &[
                    ("week", w.week.to_string()),
                    ("from", from.long(locale)),
                    ("to", to.long(locale)),
                ],
            )
        }
        Period::Month => tr("period-month", &[("month", month_long(from, locale))]),
    }
}

/// GET: totals of a day, week or month.
pub fn totals(req: &Request) -> Result<Response, Error> {
    let locale = req.locale();
    let period = Period::parse(req.query("period"));
    let date = query_date(req, "date").unwrap_or_else(|| clock::now().date());
    let (from, to) = period.range(date);
    let sums = sums_by_school(from, to)?;
    let used: BTreeSet<String> = sums.iter().map(|s| s.meal_type.clone()).collect();
    let meals = shown_meals(model::meal_types(false)?, &used);
    let schools = model::schools()?;
    let table = totals_table(&sums, &schools, &meals, &counted_days(from, to)?);
    let health_shown = meals.iter().any(|m| m.health && used.contains(&m.code));
    if health_shown {
        audit_health_view(
            &meals,
            "totals",
            &format!("period:{}:{from}", period.code()),
        )?;
    }
    let title = period_title(period, from, to, locale);
    Ok(view("reports.html")
        .title(tr("reports-title", &[("period", title.clone())]))
        .crumb(i18n::t("canteen-title"), req.url("/"))
        .set("period", period.code())
        .set("period_title", title)
        .set("date", date)
        .set("from", from)
        .set("month", month_code(from))
        .set("prev", period.shift(date, -1))
        .set("next", period.shift(date, 1))
        .set("meals", meals_json(&meals, locale))
        .set("table", table)
        .into())
}

/// GET: the kitchen's order sheet of a day, one printed page per school
/// after the summary.
pub fn order(req: &Request) -> Result<Response, Error> {
    let locale = req.locale();
    let date = query_date(req, "date").unwrap_or_else(|| clock::now().date());
    let rules = site_rules()?;
    let facts = facts(&rules, date, date)?;
    let options = model::options()?;
    let all_meals = model::meal_types(false)?;
    let counts: Vec<model::Count> = db::select("counts")
        .filter(eq("date", date))
        .limit(10_000)
        .fetch()?;
    let used: BTreeSet<String> = counts.iter().map(|c| c.meal_type.clone()).collect();
    let meals = shown_meals(all_meals, &used);
    let days = model::days_between(date, date)?;
    let classes = model::all_classes()?;
    let mut grids: BTreeMap<i64, Grid> = BTreeMap::new();
    for c in counts {
        grids
            .entry(c.school_id)
            .or_default()
            .insert((c.class_id, c.meal_type), c.count);
    }
    let mut summary_totals = vec![0i64; meals.len()];
    let mut sheets = Vec::new();
    let mut summary_rows = Vec::new();
    for school in model::schools()? {
        let grid = grids.remove(&school.key()).unwrap_or_default();
        let kind = rules::day_kind(&school, date, &facts);
        if !school.active && grid.is_empty() {
            continue;
        }
        if !kind.is_service() && grid.is_empty() {
            continue;
        }
        let day: Option<&Day> = days.get(&(school.key(), date));
        let by_meal = counting::totals_by_meal(&grid);
        let values: Vec<i64> = meals
            .iter()
            .map(|m| by_meal.get(&m.code).copied().unwrap_or(0))
            .collect();
        for (t, v) in summary_totals.iter_mut().zip(&values) {
            *t += v;
        }
        let counted = day.is_some_and(Day::is_counted);
        let locked = day.is_some_and(Day::is_locked);
        summary_rows.push(json!({
            "name": school.name,
            "values": values,
            "total": values.iter().sum::<i64>(),
            "counted": counted,
            "locked": locked,
        }));
        let mut class_ids: Vec<i64> = model::classes(school.key(), true)?
            .iter()
            .map(model::Class::key)
            .collect();
        for (c, _) in grid.keys() {
            if !class_ids.contains(c) {
                class_ids.push(*c);
            }
        }
        let rows: Vec<Value> = class_ids
            .iter()
            .map(|c| {
                let values: Vec<i64> = meals
                    .iter()
                    .map(|m| grid.get(&(*c, m.code.clone())).copied().unwrap_or(0))
                    .collect();
                json!({
                    "name": classes.get(c).map(|k| k.name.clone()).unwrap_or_default(),
                    "values": values,
                    "total": values.iter().sum::<i64>(),
                })
            })
            .collect();
        sheets.push(json!({
            "id": school.key(),
            "name": school.name,
            "rows": rows,
            "totals": summary_rows.last().map(|r| r["values"].clone()),
            "total": summary_rows.last().map(|r| r["total"].clone()),
            "counted": counted,
            "locked": locked,
        }));
    }
    if !used.is_empty() {
        audit_health_view(&meals, "order", &format!("date:{date}"))?;
    }
    let total: i64 = summary_totals.iter().sum();
    Ok(view("order.html")
        .title(tr("order-title", &[("date", date.long(locale))]))
        .crumb(i18n::t("canteen-title"), req.url("/"))
        .set("date", date)
        .set("date_long", date.long(locale))
        .set("prev", date.add_days(-1))
        .set("next", date.add_days(1))
        .set("meals", meals_json(&meals, locale))
        .set("summary", summary_rows)
        .set("summary_totals", summary_totals)
        .set("total", total)
        .set("sheets", sheets)
        .set(
            "caterer",
            json!({
                "name": options.get("caterer_name"),
                "contact": options.get("caterer_contact"),
                "notes": options.get("caterer_notes"),
            }),
        )
        .set("printed_at", clock::now().local)
        .into())
}

#[derive(Deserialize)]
struct DaySum {
    date: Date,
    meals: i64,
}

/// One ISO week for the weekly vegetarian menu check.
#[derive(Clone, Debug, PartialEq)]
pub struct WeekCheck {
    pub monday: Date,
    pub service_days: usize,
    pub vegetarian_days: usize,
    /// The week starts after today: nothing is missing yet.
    pub upcoming: bool,
}

impl WeekCheck {
    /// `ok`, `missing`, `upcoming` or `no-service`.
    pub fn status(&self) -> &'static str {
        if self.service_days == 0 {
            "no-service"
        } else if self.vegetarian_days > 0 {
            "ok"
        } else if self.upcoming {
            "upcoming"
        } else {
            "missing"
        }
    }
}

/// The Mondays of the weeks that hold at least one day of the month.
pub fn weeks_of_month(first: Date) -> Vec<Date> {
    let last = first.last_of_month();
    let mut monday = first.monday();
    let mut weeks = Vec::new();
    while monday <= last {
        weeks.push(monday);
        monday = monday.add_days(7);
    }
    weeks
}

/// A short label for a day in a chart: `lun. 2` or `Mon 2`.
fn short_day(date: Date, locale: &str) -> String {
    let name = date.weekday().name(locale);
    let short: String = name.chars().take(3).collect();
    if locale == "fr" {
        format!("{short}. {}", date.day())
    } else {
        format!("{short} {}", date.day())
    }
}

/// GET: a month: totals, a chart of meals per day, EGalim figures, and
/// the link to the billing export.
pub fn month(req: &Request) -> Result<Response, Error> {
    let user = req.require_user()?;
    let locale = req.locale();
    let first = req
        .query("month")
        .and_then(parse_month)
        .unwrap_or_else(|| clock::now().date().first_of_month());
    let last = first.last_of_month();
    let sums = sums_by_school(first, last)?;
    let used: BTreeSet<String> = sums.iter().map(|s| s.meal_type.clone()).collect();
    let meals = shown_meals(model::meal_types(false)?, &used);
    let schools = model::schools()?;
    let table = totals_table(&sums, &schools, &meals, &counted_days(first, last)?);
    if meals.iter().any(|m| m.health && used.contains(&m.code)) {
        audit_health_view(&meals, "month", &format!("month:{}", month_code(first)))?;
    }

    let per_day: Vec<DaySum> = db::aggregate("counts")
        .filter(ge("date", first))
        .filter(le("date", last))
        .group_by("date")
        .sum("count", "meals")
        .order_asc("date")
        .fetch()?;
    let month_title = month_long(first, locale);
    let chart = BarChart::new(tr("month-chart-title", &[("month", month_title.clone())]))
        .id("canteen-month-chart")
        .headings(i18n::t("chart-day"), i18n::t("chart-meals"))
        .locale(locale)
        .vertical()
        .bars(
            per_day
                .iter()
                .map(|d| (short_day(d.date, locale), d.meals as f64)),
        )
        .render();

    // EGalim: the share of vegetarian meals, and a vegetarian menu each week.
    let total: i64 = sums.iter().map(|s| s.meals).sum();
    let vegetarian_codes: BTreeSet<&str> = meals
        .iter()
        .filter(|m| m.vegetarian)
        .map(|m| m.code.as_str())
        .collect();
    let vegetarian: i64 = sums
        .iter()
        .filter(|s| vegetarian_codes.contains(s.meal_type.as_str()))
        .map(|s| s.meals)
        .sum();
    let served_days = per_day.iter().filter(|d| d.meals > 0).count();
    let average = if served_days > 0 {
        total as f64 / served_days as f64
    } else {
        0.0
    };
    let rules = site_rules()?;
    let today = clock::now().date();
    let weeks = weeks_of_month(first);
    let span_end = weeks.last().map_or(last, |m| m.add_days(6));
    let facts = facts(&rules, first.monday(), span_end)?;
    let menus: Vec<Menu> = db::select("menus")
        .filter(ge("date", first.monday()))
        .filter(le("date", span_end))
        .filter(eq("vegetarian", true))
        .fetch()?;
    let mut checks = Vec::new();
    for monday in weeks {
        let days = service_days_of_week(monday, &facts)?;
        let check = WeekCheck {
            monday,
            service_days: days.len(),
            vegetarian_days: menus.iter().filter(|m| days.contains(&m.date)).count(),
            upcoming: monday > today,
        };
        let week = monday.iso_week();
        checks.push(json!({
            "monday": monday,
            "label": tr("week-label", &[("week", week.week.to_string()), ("from", monday.long(locale))]),
            "service_days": check.service_days,
            "vegetarian_days": check.vegetarian_days,
            "status": check.status(),
        }));
    }

    Ok(view("month.html")
        .title(tr("month-title", &[("month", month_title.clone())]))
        .crumb(i18n::t("canteen-title"), req.url("/"))
        .set("month", month_code(first))
        .set("month_long", month_title)
        .set("prev", month_code(first.add_months(-1)))
        .set("next", month_code(first.add_months(1)))
        .set("meals", meals_json(&meals, locale))
        .set("table", table)
        .set("chart", chart)
        .set("has_data", !per_day.is_empty())
        .set("total", total)
        .set("vegetarian", vegetarian)
        .set("vegetarian_share", percent(vegetarian, total))
        .set("served_days", served_days)
        .set("average", (average * 10.0).round() / 10.0)
        .set("protein_plan", average > PROTEIN_PLAN_THRESHOLD)
        .set("weeks", checks)
        .set("can_manage", user.has_permission(MANAGE))
        .into())
}

#[derive(Deserialize)]
struct BillingSum {
    school_id: i64,
    class_id: i64,
    meal_type: String,
    meals: i64,
}

/// GET: the month's billing export, a CSV line per school, group and meal
/// type (French spreadsheet format: `;` and a byte order mark).
pub fn billing_csv(req: &Request) -> Result<Response, Error> {
    let locale = req.locale();
    let Some(first) = req.query("month").and_then(parse_month) else {
        return Err(Error::not_found(messages::NOT_FOUND));
    };
    let last = first.last_of_month();
    let sums: Vec<BillingSum> = db::aggregate("counts")
        .filter(ge("date", first))
        .filter(le("date", last))
        .group_by("school_id")
        .group_by("class_id")
        .group_by("meal_type")
        .sum("count", "meals")
        .fetch()?;
    let schools: BTreeMap<i64, School> = model::schools()?
        .into_iter()
        .map(|s| (s.key(), s))
        .collect();
    let classes = model::all_classes()?;
    let meals: BTreeMap<String, MealType> = model::meal_types(false)?
        .into_iter()
        .map(|m| (m.code.clone(), m))
        .collect();
    let month = month_code(first);
    let rows = billing_rows(&sums, &schools, &classes, &meals, locale);
    let mut csv = CsvWriter::excel();
    csv.row([
        i18n::t("csv-month"),
        i18n::t("csv-school"),
        i18n::t("csv-group"),
        i18n::t("csv-meal-type"),
        i18n::t("csv-code"),
        i18n::t("csv-meals"),
    ]);
    for row in &rows {
        csv.row([
            month.clone(),
            row.school.clone(),
            row.group.clone(),
            row.meal.clone(),
            row.code.clone(),
            row.meals.to_string(),
        ]);
    }
    if rows
        .iter()
        .any(|r| meals.get(&r.code).is_some_and(|m| m.health))
    {
        events::audit(
            "canteen.pai.viewed",
            &format!("month:{month}"),
            &json!({ "page": "billing-csv" }),
        )?;
    }
    events::audit(
        "canteen.billing.exported",
        &format!("month:{month}"),
        &json!({ "lines": rows.len() }),
    )?;
    Ok(csv
        .into_download(&format!("cantine-facturation-{month}.csv"))
        .into())
}

/// A line of the billing export.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct BillingRow {
    school: String,
    group_position: i64,
    group: String,
    meal_position: i64,
    meal: String,
    code: String,
    meals: i64,
}

/// The billing lines, sorted by school, group and meal type; lines of 0
/// meals are left out.
fn billing_rows(
    sums: &[BillingSum],
    schools: &BTreeMap<i64, School>,
    classes: &BTreeMap<i64, model::Class>,
    meals: &BTreeMap<String, MealType>,
    locale: &str,
) -> Vec<BillingRow> {
    let mut rows: Vec<BillingRow> = sums
        .iter()
        .filter(|s| s.meals > 0)
        .map(|s| {
            let class = classes.get(&s.class_id);
            let meal = meals.get(&s.meal_type);
            BillingRow {
                school: schools
                    .get(&s.school_id)
                    .map_or_else(|| s.school_id.to_string(), |x| x.name.clone()),
                group_position: class.map_or(0, |c| c.position),
                group: class.map_or_else(|| s.class_id.to_string(), |c| c.name.clone()),
                meal_position: meal.map_or(0, |m| m.position),
                meal: meal.map_or_else(|| s.meal_type.clone(), |m| m.label(locale).to_owned()),
                code: s.meal_type.clone(),
                meals: s.meals,
            }
        })
        .collect();
    rows.sort();
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::default_meal_types;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn school(id: i64, name: &str, active: bool) -> School {
        School {
            id: Some(id),
            name: name.into(),
            group_slug: None,
            capacity: 200,
            weekdays: "1,2,4,5".into(),
            active,
            created_on: d("2026-09-01"),
        }
    }

    #[test]
    fn periods_cover_the_day_the_iso_week_and_the_month() {
        let date = d("2026-11-26");
        assert_eq!(Period::Day.range(date), (date, date));
        assert_eq!(Period::Week.range(date), (d("2026-11-23"), d("2026-11-29")));
        assert_eq!(
            Period::Month.range(date),
            (d("2026-11-01"), d("2026-11-30"))
        );
        assert_eq!(Period::Month.shift(date, 1), d("2026-12-01"));
        assert_eq!(Period::Week.shift(date, -1), d("2026-11-16"));
        assert_eq!(Period::parse(Some("nonsense")), Period::Month);
    }

    #[test]
    fn months_are_read_and_written_as_year_and_month() {
        assert_eq!(parse_month("2026-11"), Some(d("2026-11-01")));
        assert_eq!(parse_month("2026-13"), None);
        assert_eq!(parse_month("2026-11-01"), None);
        assert_eq!(month_code(d("2027-02-14")), "2027-02");
    }

    #[test]
    fn weeks_of_a_month_start_on_the_monday_before_the_first() {
        let weeks = weeks_of_month(d("2026-11-01"));
        assert_eq!(weeks.first(), Some(&d("2026-10-26")));
        assert_eq!(weeks.last(), Some(&d("2026-11-30")));
        assert_eq!(weeks.len(), 6);
    }

    #[test]
    fn week_without_a_vegetarian_menu_is_flagged() {
        let week = |service_days, vegetarian_days, upcoming| WeekCheck {
            monday: d("2026-11-23"),
            service_days,
            vegetarian_days,
            upcoming,
        };
        assert_eq!(week(4, 1, false).status(), "ok");
        assert_eq!(week(4, 0, false).status(), "missing");
        assert_eq!(week(4, 0, true).status(), "upcoming");
        assert_eq!(week(0, 0, false).status(), "no-service");
    }

    #[test]
    fn totals_table_adds_rows_and_columns_and_keeps_inactive_schools_with_counts() {
        let meals = default_meal_types();
        let sums = vec![
            SchoolMealSum {
                school_id: 1,
                meal_type: "standard".into(),
                meals: 100,
            },
            SchoolMealSum {
                school_id: 1,
                meal_type: "vegetarian".into(),
                meals: 20,
            },
            SchoolMealSum {
                school_id: 2,
                meal_type: "standard".into(),
                meals: 50,
            },
        ];
        let schools = vec![
            school(1, "Bourg", true),
            school(2, "Granges (fermée)", false),
            school(3, "Fermée sans repas", false),
        ];
        let mut days = BTreeMap::new();
        days.insert(1, 4);
        let table = totals_table(&sums, &schools, &meals, &days);
        let rows = table["rows"].as_array().unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0]["total"], 120);
        assert_eq!(rows[0]["days"], 4);
        assert_eq!(rows[1]["values"][0], 50);
        assert_eq!(table["totals"][0], 150);
        assert_eq!(table["total"], 170);
    }

    #[test]
    fn billing_lines_are_sorted_named_and_skip_zero_lines() {
        let schools: BTreeMap<i64, School> = [(1, school(1, "Bourg", true))].into_iter().collect();
        let classes: BTreeMap<i64, model::Class> = [
            (
                10,
                model::Class {
                    id: Some(10),
                    school_id: 1,
                    name: "CP".into(),
                    pupils: None,
                    position: 1,
                    active: true,
                },
            ),
            (
                11,
                model::Class {
                    id: Some(11),
                    school_id: 1,
                    name: "Maternelle".into(),
                    pupils: None,
                    position: 0,
                    active: true,
                },
            ),
        ]
        .into_iter()
        .collect();
        let meals: BTreeMap<String, MealType> = default_meal_types()
            .into_iter()
            .map(|m| (m.code.clone(), m))
            .collect();
        let sums = vec![
            BillingSum {
                school_id: 1,
                class_id: 10,
                meal_type: "standard".into(),
                meals: 80,
            },
            BillingSum {
                school_id: 1,
                class_id: 11,
                meal_type: "vegetarian".into(),
                meals: 12,
            },
            BillingSum {
                school_id: 1,
                class_id: 11,
                meal_type: "pai".into(),
                meals: 0,
            },
        ];
        let rows = billing_rows(&sums, &schools, &classes, &meals, "fr");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].group, "Maternelle");
        assert_eq!(rows[0].meal, "Végétarien");
        assert_eq!(rows[1].group, "CP");
        assert_eq!(rows[1].meals, 80);
    }

    #[test]
    fn chart_labels_are_short() {
        assert_eq!(short_day(d("2026-11-02"), "fr"), "lun. 2");
        assert_eq!(short_day(d("2026-11-02"), "en"), "Mon 2");
    }
}
