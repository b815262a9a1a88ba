//! Set-up of the calendar: public holidays (computed), school holiday
//! periods of the site's zone, exceptional days; and the week's menus
//! (which days served a vegetarian menu, for EGalim).

use std::collections::BTreeMap;

use estive_sdk::holidays;
use estive_sdk::prelude::*;
use serde_json::Value;

use crate::access::MANAGE;
use crate::model::{self, CLOSED, EXTRA, Exception, HolidayPeriod, Menu};
use crate::rules::{self, Facts};
use crate::{crumbs, facts, form_errors, site_rules, tr};

/// Longest school holiday period accepted (the summer holidays are about
/// nine weeks).
const MAX_PERIOD_DAYS: i64 = 100;

/// Which form of the calendar page was refused.
enum Refused {
    None,
    Holiday(Error),
    Exception(Error),
}

fn calendar_view(req: &Request, refused: Refused) -> Result<Response, Error> {
    let locale = req.locale();
    let rules = site_rules()?;
    let today = clock::now().date();
    let year: i32 = req
        .query("year")
        .and_then(|y| y.parse().ok())
        .filter(|y| (2000..=2100).contains(y))
        .unwrap_or(today.year());
    let public: Vec<Value> = holidays::public_holidays_in(year, rules.calendar)
        .into_iter()
        .map(|(date, h)| json!({ "date": date, "date_long": date.long(locale), "name": h.name(locale) }))
        .collect();
    let periods: Vec<Value> = model::holiday_periods()?
        .into_iter()
        .map(|p| {
            json!({
                "id": p.id,
                "name": p.name,
                "zones": p.zones,
                "ends_after": p.ends_after,
                "resumes_on": p.resumes_on,
                "applies": p.zones.contains(&rules.zone),
            })
        })
        .collect();
    let first = Date::new(year, 1, 1).unwrap_or_default();
    let last = Date::new(year, 12, 31).unwrap_or_default();
    let schools = model::schools()?;
    let names: BTreeMap<i64, String> = schools.iter().map(|s| (s.key(), s.name.clone())).collect();
    let exceptions: Vec<Value> = model::exceptions_between(first, last)?
        .into_iter()
        .map(|e| {
            json!({
                "id": e.id,
                "date": e.date,
                "date_long": e.date.long(locale),
                "school": e.school_id.and_then(|id| names.get(&id).cloned()),
                "kind": e.kind,
                "reason": e.reason,
            })
        })
        .collect();
    let values: BTreeMap<String, Value> = req
        .form_pairs()
        .iter()
        .map(|(k, v)| (k.clone(), json!(v)))
        .collect();
    let zones_typed: Vec<&str> = req.form_all("zones");
    let (
        holiday_errors,
        holiday_summary,
        exception_errors,
        exception_summary,
        typed_holiday,
        typed_exception,
    ) = match &refused {
        Refused::None => Default::default(),
        Refused::Holiday(e) => {
            let (m, s) = form_errors(e, "canteen-holiday-");
            (
                m,
                s,
                BTreeMap::new(),
                Vec::new(),
                values.clone(),
                BTreeMap::new(),
            )
        }
        Refused::Exception(e) => {
            let (m, s) = form_errors(e, "canteen-exception-");
            (
                BTreeMap::new(),
                Vec::new(),
                m,
                s,
                BTreeMap::new(),
                values.clone(),
            )
        }
    };
    let error_count = holiday_summary.len() + exception_summary.len();
    let title = i18n::t("calendar-title");
    let title = if error_count > 0 {
        format!(
            "{} – {title}",
            tr("errors-title-prefix", &[("count", error_count.to_string())])
        )
    } else {
        title
    };
    let zones: Vec<Value> = ["A", "B", "C"]
        .iter()
        .map(|z| {
            let checked = if matches!(refused, Refused::Holiday(_)) {
                zones_typed.contains(z)
            } else {
                *z == rules.zone
            };
            json!({ "value": z, "checked": checked })
        })
        .collect();
    Ok(view("calendar.html")
        .title(title)
        .status(if error_count > 0 { 422 } else { 200 })
        .set(
            "breadcrumb",
            crumbs(req, &[(i18n::t("setup-title"), req.url("/gestion"))]),
        )
        .set("year", year)
        .set("zone", &rules.zone)
        .set(
            "alsace_moselle",
            rules.calendar == holidays::Calendar::AlsaceMoselle,
        )
        .set("public_holidays", public)
        .set("periods", periods)
        .set("exceptions", exceptions)
        .set(
            "schools",
            schools
                .iter()
                .filter(|s| s.active)
                .map(|s| json!({ "id": s.key(), "name": s.name }))
                .collect::<Vec<_>>(),
        )
        .set("zones", zones)
        .set("holiday_errors", holiday_errors)
        .set("holiday_summary", holiday_summary)
        .set("holiday_values", typed_holiday)
        .set("exception_errors", exception_errors)
        .set("exception_summary", exception_summary)
        .set("exception_values", typed_exception)
        .into())
}

/// GET: the calendar of a year.
pub fn page(req: &Request) -> Result<Response, Error> {
    req.require_permission(MANAGE)?;
    calendar_view(req, Refused::None)
}

/// Checks a holiday period: the return comes after the end of classes,
/// at most [`MAX_PERIOD_DAYS`] later.
pub fn check_period(ends_after: Date, resumes_on: Date) -> Option<&'static str> {
    let days = resumes_on.days_since(ends_after);
    if days < 2 {
        Some("holiday-resumes-before-end")
    } else if days > MAX_PERIOD_DAYS {
        Some("holiday-too-long")
    } else {
        None
    }
}

fn calendar_url(req: &Request, date: Date) -> String {
    format!("{}?year={}", req.url("/gestion/calendrier"), date.year())
}

/// POST: adds a school holiday period.
pub fn holiday_new(req: &Request) -> Result<Response, Error> {
    req.require_permission(MANAGE)?;
    let mut f = req.validator();
    let name = f.text("name").required().max_len(60).value();
    let zones = f.choices("zones", &["A", "B", "C"]).required().value();
    let ends_after = f.date("ends_after").value();
    let resumes_on = f.date("resumes_on").value();
    if !f.has_error("ends_after")
        && !f.has_error("resumes_on")
        && let Some(key) = check_period(ends_after, resumes_on)
    {
        f.error("resumes_on", key);
    }
    if let Err(e) = f.finish() {
        return calendar_view(req, Refused::Holiday(e));
    }
    let mut zones = zones;
    zones.sort();
    let period = HolidayPeriod {
        id: None,
        name,
        zones: zones.concat(),
        ends_after,
        resumes_on,
    };
    let id = db::insert("holidays", &period)?;
    events::audit(
        "canteen.holiday.created",
        &format!("holiday:{id}"),
        &json!({ "name": period.name, "zones": period.zones, "ends_after": ends_after, "resumes_on": resumes_on }),
    )?;
    Ok(redirect(calendar_url(req, ends_after))
        .notice("holiday-saved")
        .into())
}

/// POST: removes a school holiday period.
pub fn holiday_delete(req: &Request) -> Result<Response, Error> {
    req.require_permission(MANAGE)?;
    let period: HolidayPeriod = db::select("holidays")
        .filter(eq("id", req.param_id("id")?))
        .one()?;
    db::delete("holidays").filter(eq("id", period.id)).run()?;
    events::audit(
        "canteen.holiday.deleted",
        &format!("holiday:{}", period.id.unwrap_or_default()),
        &json!({ "name": period.name, "ends_after": period.ends_after, "resumes_on": period.resumes_on }),
    )?;
    Ok(redirect(calendar_url(req, period.ends_after))
        .notice("holiday-deleted")
        .into())
}

/// POST: adds an exceptional day (service added or removed).
pub fn exception_new(req: &Request) -> Result<Response, Error> {
    req.require_permission(MANAGE)?;
    let schools = model::schools()?;
    let ids: Vec<String> = schools.iter().map(|s| s.key().to_string()).collect();
    let mut f = req.validator();
    let date = f.date("date").value();
    let school_id = f
        .choice("school", &ids)
        .optional()
        .and_then(|id| id.parse::<i64>().ok());
    let kind = f.choice("kind", &[EXTRA, CLOSED]).value();
    let reason = f.text("reason").required().max_len(100).value();
    if let Err(e) = f.finish() {
        return calendar_view(req, Refused::Exception(e));
    }
    let exception = Exception {
        id: None,
        date,
        school_id,
        kind,
        reason,
    };
    let id = db::insert("exceptions", &exception)?;
    events::audit(
        "canteen.exception.created",
        &format!("exception:{id}"),
        &json!({ "date": date, "school": school_id, "kind": exception.kind, "reason": exception.reason }),
    )?;
    Ok(redirect(calendar_url(req, date))
        .notice("exception-saved")
        .into())
}

/// POST: removes an exceptional day.
pub fn exception_delete(req: &Request) -> Result<Response, Error> {
    req.require_permission(MANAGE)?;
    let exception: Exception = db::select("exceptions")
        .filter(eq("id", req.param_id("id")?))
        .one()?;
    db::delete("exceptions")
        .filter(eq("id", exception.id))
        .run()?;
    events::audit(
        "canteen.exception.deleted",
        &format!("exception:{}", exception.id.unwrap_or_default()),
        &json!({ "date": exception.date, "kind": exception.kind }),
    )?;
    Ok(redirect(calendar_url(req, exception.date))
        .notice("exception-deleted")
        .into())
}

/// The days of a week on which at least one active school serves meals.
pub(crate) fn service_days_of_week(monday: Date, facts: &Facts) -> Result<Vec<Date>, Error> {
    let schools = model::active_schools()?;
    Ok((0..7)
        .map(|n| monday.add_days(n))
        .filter(|d| {
            schools
                .iter()
                .any(|s| rules::day_kind(s, *d, facts).is_service())
        })
        .collect())
}

/// GET and POST: the week's menus: which days were vegetarian.
pub fn menus(req: &Request) -> Result<Response, Error> {
    let user = req.require_permission(MANAGE)?;
    let locale = req.locale();
    let monday = req
        .form("week")
        .and_then(Date::parse)
        .or_else(|| crate::query_date(req, "week"))
        .unwrap_or_else(|| clock::now().date())
        .monday();
    let sunday = monday.add_days(6);
    let rules = site_rules()?;
    let facts = facts(&rules, monday, sunday)?;
    let mut days = service_days_of_week(monday, &facts)?;
    if days.is_empty() {
        days = (0..5).map(|n| monday.add_days(n)).collect();
    }
    if req.is_post() {
        let mut f = req.validator();
        let mut menus = Vec::new();
        for day in &days {
            let vegetarian = f.checkbox(&format!("veg_{day}")).value();
            let description = f.text(&format!("desc_{day}")).max_len(200).optional();
            menus.push(Menu {
                id: None,
                date: *day,
                vegetarian,
                description,
            });
        }
        f.finish()?;
        let mut tx = db::transaction();
        for menu in &menus {
            tx.upsert("menus", menu, &["date"]);
        }
        tx.audit(
            "canteen.menus.saved",
            &format!("week:{}", monday.iso_week()),
            &json!({ "vegetarian_days": menus.iter().filter(|m| m.vegetarian).count(), "by": user.name }),
        );
        tx.commit()?;
        return Ok(
            redirect(format!("{}?week={monday}", req.url("/gestion/menus")))
                .notice("menus-saved")
                .into(),
        );
    }
    let saved: BTreeMap<Date, Menu> = db::select("menus")
        .filter(ge("date", monday))
        .filter(le("date", sunday))
        .fetch::<Menu>()?
        .into_iter()
        .map(|m| (m.date, m))
        .collect();
    let rows: Vec<Value> = days
        .iter()
        .map(|d| {
            let menu = saved.get(d);
            json!({
                "date": d,
                "date_long": d.long(locale),
                "vegetarian": menu.is_some_and(|m| m.vegetarian),
                "description": menu.and_then(|m| m.description.clone()),
            })
        })
        .collect();
    let has_vegetarian = saved
        .values()
        .any(|m| m.vegetarian && days.contains(&m.date));
    let week = monday.iso_week();
    Ok(view("menus.html")
        .title(tr(
            "menus-title",
            &[
                ("week", week.week.to_string()),
                ("year", week.year.to_string()),
            ],
        ))
        .set(
            "breadcrumb",
            crumbs(req, &[(i18n::t("setup-title"), req.url("/gestion"))]),
        )
        .set("monday", monday)
        .set("monday_long", monday.long(locale))
        .set("prev", monday.add_days(-7))
        .set("next", monday.add_days(7))
        .set("days", rows)
        .set("has_vegetarian", has_vegetarian)
        .set("recorded", !saved.is_empty())
        .into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn holiday_period_must_end_before_classes_resume() {
        assert_eq!(
            check_period(d("2026-10-17"), d("2026-10-17")),
            Some("holiday-resumes-before-end")
        );
        assert_eq!(
            check_period(d("2026-10-17"), d("2026-10-18")),
            Some("holiday-resumes-before-end")
        );
        assert_eq!(check_period(d("2026-10-17"), d("2026-11-02")), None);
    }

    #[test]
    fn holiday_period_longer_than_a_summer_is_a_typing_mistake() {
        assert_eq!(check_period(d("2026-07-04"), d("2026-09-01")), None);
        assert_eq!(
            check_period(d("2026-07-04"), d("2027-09-01")),
            Some("holiday-too-long")
        );
    }
}
