//! Set-up of the calendar: public holidays (computed), school holiday
//! periods of the site's zone, exceptional days; and the week's menus
//! (which days served a vegetarian menu, for EGalim).

use std::collections::BTreeMap;

use estive_kit::holidays;
use estive_sdk::form::Form;
use estive_sdk::prelude::*;
use serde_json::Value;

use crate::access::MANAGE;
use crate::model::{self, CLOSED, EXTRA, Exception, HolidayPeriod, Menu};
use crate::rules::{self, Facts};
use crate::{facts, site_rules, tr};

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
    // Two forms: `form` is the one sent with its errors (or the holiday
    // form); the template draws the other empty, with its defaults.
    let holiday_defaults = json!({ "zones": [rules.zone] });
    let exception_defaults = json!({ "kind": CLOSED });
    let holiday = Form::new("canteen-holiday")
        .label("name", "period-name")
        .label("zones", "period-zones")
        .label("ends_after", "period-ends-after")
        .label("resumes_on", "period-resumes-on");
    let exception = Form::new("canteen-exception")
        .label("date", "date")
        .label("school", "school")
        .label("kind", "exception-kind")
        .label("reason", "exception-reason");
    let form = match &refused {
        Refused::None => holiday.values(&holiday_defaults),
        Refused::Holiday(e) => holiday.sent(req).errors(e),
        Refused::Exception(e) => exception.sent(req).errors(e),
    };
    let zones: Vec<Value> = ["A", "B", "C"]
        .iter()
        .map(|z| json!({ "value": z, "label": tr("zone-value", &[("zone", (*z).to_owned())]) }))
        .collect();
    let kinds = [
        (CLOSED, "exception-closed-long"),
        (EXTRA, "exception-extra-long"),
    ]
    .map(|(value, key)| json!({ "value": value, "label": i18n::t(key) }));
    Ok(view("calendar.html")
        .title(i18n::t("calendar-title"))
        .crumb(i18n::t("canteen-title"), req.url("/"))
        .crumb(i18n::t("setup-title"), req.url("/gestion"))
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
                .map(|s| json!({ "value": s.key(), "label": s.name }))
                .collect::<Vec<_>>(),
        )
        .set("zones", zones)
        .set("kinds", kinds)
        .set("holiday_defaults", holiday_defaults)
        .set("exception_defaults", exception_defaults)
        .form(form)
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
    let mut form = Form::new("canteen");
    for day in &days {
        form = form.label(
            &format!("desc_{day}"),
            &format!("{} – {}", i18n::t("menu-description"), day.long(locale)),
        );
    }
    let saved: BTreeMap<Date, Menu> = db::select("menus")
        .filter(ge("date", monday))
        .filter(le("date", sunday))
        .fetch::<Menu>()?
        .into_iter()
        .map(|m| (m.date, m))
        .collect();
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
        if let Err(invalid) = f.finish() {
            form = form.sent(req).errors(&invalid);
            return menus_page(req, monday, &days, &saved, form);
        }
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
    let values: BTreeMap<String, Value> = days
        .iter()
        .flat_map(|d| {
            let menu = saved.get(d);
            [
                (
                    format!("veg_{d}"),
                    json!(menu.is_some_and(|m| m.vegetarian)),
                ),
                (
                    format!("desc_{d}"),
                    json!(menu.and_then(|m| m.description.clone())),
                ),
            ]
        })
        .collect();
    menus_page(req, monday, &days, &saved, form.values(values))
}

/// The menus of a week: `form` has the saved menus, or what was sent with
/// its errors.
fn menus_page(
    req: &Request,
    monday: Date,
    days: &[Date],
    saved: &BTreeMap<Date, Menu>,
    form: Form,
) -> Result<Response, Error> {
    let locale = req.locale();
    let rows: Vec<Value> = days
        .iter()
        .map(|d| json!({ "date": d, "date_long": d.long(locale) }))
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
        .crumb(i18n::t("canteen-title"), req.url("/"))
        .crumb(i18n::t("setup-title"), req.url("/gestion"))
        .set("monday", monday)
        .set("monday_long", monday.long(locale))
        .set("prev", monday.add_days(-7))
        .set("next", monday.add_days(7))
        .set("days", rows)
        .set("has_vegetarian", has_vegetarian)
        .set("recorded", !saved.is_empty())
        .form(form)
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
