//! Set-up: the overview, schools and their groups (classes).

use std::collections::BTreeMap;

use estive_sdk::prelude::*;
use serde_json::Value;

use crate::access::MANAGE;
use crate::model::{self, Class, School};
use crate::{crumbs, form_errors, is_slug, site_rules, tr};

const WEEKDAYS: [&str; 7] = ["1", "2", "3", "4", "5", "6", "7"];

/// Weekday numbers with their names, for checkboxes.
fn weekday_choices(locale: &str, chosen: &[u32]) -> Vec<Value> {
    (1..=6)
        .filter_map(|n| {
            // 2024-01-01 was a Monday.
            let day = Date::new(2024, 1, n)?;
            Some(json!({
                "value": n,
                "label": day.weekday().name(locale),
                "checked": chosen.contains(&n),
            }))
        })
        .collect()
}

/// GET: the set-up overview.
pub fn setup(req: &Request) -> Result<Response, Error> {
    req.require_permission(MANAGE)?;
    let locale = req.locale();
    let rules = site_rules()?;
    let classes = model::all_classes()?;
    let schools: Vec<Value> = model::schools()?
        .into_iter()
        .map(|s| {
            let groups = classes
                .values()
                .filter(|c| c.school_id == s.key() && c.active)
                .count();
            let days: Vec<&str> = s
                .service_weekdays()
                .iter()
                .filter_map(|n| Date::new(2024, 1, *n))
                .map(|d| d.weekday().name(locale))
                .collect();
            json!({
                "id": s.key(),
                "name": s.name,
                "group_slug": s.group_slug,
                "capacity": s.capacity,
                "active": s.active,
                "groups": groups,
                "weekdays": days.join(", "),
            })
        })
        .collect();
    let meals = model::meal_types(false)?;
    let options = model::options()?;
    let today = clock::now().date();
    let upcoming: Vec<Value> = model::holiday_periods()?
        .into_iter()
        .filter(|p| p.resumes_on >= today && p.zones.contains(&rules.zone))
        .take(3)
        .map(|p| json!({ "name": p.name, "ends_after": p.ends_after, "resumes_on": p.resumes_on }))
        .collect();
    Ok(view("setup.html")
        .title(i18n::t("setup-title"))
        .set("breadcrumb", crumbs(req, &[]))
        .set("schools", schools)
        .set("meals", crate::counts::meals_json(&meals, locale))
        .set("zone", &rules.zone)
        .set("deadline_day", rules.deadline_day.code())
        .set("deadline_time", rules.deadline_time_text())
        .set("caterer", options.get("caterer_name"))
        .set("upcoming", upcoming)
        .into())
}

/// The school of an edit route, or none for a new school.
fn route_school(req: &Request) -> Result<Option<School>, Error> {
    match req.route() {
        "school-edit" | "class-new" => Ok(Some(model::school(req.param_id("id")?)?)),
        _ => Ok(None),
    }
}

/// Values for the school form, from a school or from what was typed.
fn school_values(school: Option<&School>) -> BTreeMap<String, Value> {
    let mut values = BTreeMap::new();
    if let Some(s) = school {
        values.insert("name".into(), json!(s.name));
        values.insert("group_slug".into(), json!(s.group_slug));
        values.insert("capacity".into(), json!(s.capacity));
        values.insert("active".into(), json!(s.active));
    } else {
        values.insert("active".into(), json!(true));
    }
    values
}

struct SchoolPage<'a> {
    school: Option<&'a School>,
    values: BTreeMap<String, Value>,
    weekdays: Vec<u32>,
    errors: Option<Error>,
    class_values: BTreeMap<String, Value>,
    class_errors: Option<Error>,
}

fn school_page(req: &Request, page: SchoolPage<'_>) -> Result<Response, Error> {
    let locale = req.locale();
    let (errors, summary) = page
        .errors
        .as_ref()
        .map(|e| form_errors(e, "canteen-school-"))
        .unwrap_or_default();
    let (class_errors, class_summary) = page
        .class_errors
        .as_ref()
        .map(|e| form_errors(e, "canteen-class-"))
        .unwrap_or_default();
    let classes: Vec<Class> = match page.school {
        Some(s) => model::classes(s.key(), false)?,
        None => Vec::new(),
    };
    let title = match page.school {
        Some(s) => s.name.clone(),
        None => i18n::t("school-new-title"),
    };
    let error_count = summary.len() + class_summary.len();
    let title = if error_count > 0 {
        format!(
            "{} – {title}",
            tr("errors-title-prefix", &[("count", error_count.to_string())])
        )
    } else {
        title
    };
    let status = if error_count > 0 { 422 } else { 200 };
    Ok(view("school.html")
        .title(title)
        .status(status)
        .set(
            "breadcrumb",
            crumbs(req, &[(i18n::t("setup-title"), req.url("/gestion"))]),
        )
        .set(
            "school",
            page.school
                .map(|s| json!({ "id": s.key(), "name": s.name })),
        )
        .set("values", page.values)
        .set("weekdays", weekday_choices(locale, &page.weekdays))
        .set("errors", errors)
        .set("summary", summary)
        .set("classes", classes)
        .set("class_values", page.class_values)
        .set("class_errors", class_errors)
        .set("class_summary", class_summary)
        .into())
}

/// GET and POST: the form of a new school, or of an existing one with its
/// groups.
pub fn school_form(req: &Request) -> Result<Response, Error> {
    let user = req.require_permission(MANAGE)?;
    let existing = route_school(req)?;
    if !req.is_post() {
        return school_page(
            req,
            SchoolPage {
                school: existing.as_ref(),
                values: school_values(existing.as_ref()),
                weekdays: existing
                    .as_ref()
                    .map_or(vec![1, 2, 4, 5], School::service_weekdays),
                errors: None,
                class_values: BTreeMap::new(),
                class_errors: None,
            },
        );
    }
    let mut f = req.validator();
    let name = f.text("name").required().max_len(100).value();
    let group = f.text("group_slug").max_len(64).optional();
    if let Some(g) = &group {
        f.check(is_slug(g), "group_slug", "group-slug-invalid");
    }
    let capacity = f.int("capacity").range(1, 5000).value();
    let weekdays = f.choices("weekdays", &WEEKDAYS).required().value();
    let active = f.checkbox("active").value();
    if let Err(e) = f.finish() {
        let mut values: BTreeMap<String, Value> = req
            .form_values()
            .into_iter()
            .map(|(k, v)| (k.to_owned(), json!(v)))
            .collect();
        values.insert("active".into(), json!(active));
        return school_page(
            req,
            SchoolPage {
                school: existing.as_ref(),
                values,
                weekdays: model::parse_weekdays(&weekdays.join(",")),
                errors: Some(e),
                class_values: BTreeMap::new(),
                class_errors: None,
            },
        );
    }
    let weekdays = model::parse_weekdays(&weekdays.join(","))
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let id = match &existing {
        Some(s) => {
            db::update("schools")
                .filter(eq("id", s.key()))
                .set("name", name.as_str())
                .set("group_slug", group.clone())
                .set("capacity", capacity)
                .set("weekdays", weekdays.as_str())
                .set("active", active)
                .run()?;
            s.key()
        }
        None => db::insert(
            "schools",
            &School {
                id: None,
                name: name.clone(),
                group_slug: group.clone(),
                capacity,
                weekdays: weekdays.clone(),
                active: true,
                created_on: clock::now().date(),
            },
        )?,
    };
    let action = if existing.is_some() {
        "canteen.school.updated"
    } else {
        "canteen.school.created"
    };
    events::audit(
        action,
        &format!("school:{id}"),
        &json!({ "name": name, "group": group, "capacity": capacity, "weekdays": weekdays, "by": user.name }),
    )?;
    Ok(redirect(req.url(&format!("/gestion/ecoles/{id}")))
        .notice("school-saved")
        .into())
}

/// Reads the group form (new or edited).
fn read_class(req: &Request) -> Result<(String, Option<i64>, i64, bool), Error> {
    let mut f = req.validator();
    let name = f.text("name").required().max_len(60).value();
    let pupils = f.int("pupils").range(1, 500).optional();
    let position = f.int("position").range(0, 999).or(0);
    let active = f.checkbox("active").value();
    f.finish()?;
    Ok((name, pupils, position, active))
}

/// POST: adds a group to a school.
pub fn class_new(req: &Request) -> Result<Response, Error> {
    req.require_permission(MANAGE)?;
    let Some(school) = route_school(req)? else {
        return Err(Error::not_found(messages::NOT_FOUND));
    };
    let (name, pupils, position) = match read_class(req) {
        Ok((name, pupils, position, _)) => (name, pupils, position),
        Err(e) => {
            return school_page(
                req,
                SchoolPage {
                    school: Some(&school),
                    values: school_values(Some(&school)),
                    weekdays: school.service_weekdays(),
                    errors: None,
                    class_values: req
                        .form_values()
                        .into_iter()
                        .map(|(k, v)| (k.to_owned(), json!(v)))
                        .collect(),
                    class_errors: Some(e),
                },
            );
        }
    };
    let existing = model::classes(school.key(), false)?;
    if existing.len() >= 40 {
        return Err(Error::conflict("too-many-groups"));
    }
    let position = if position == 0 {
        existing.iter().map(|c| c.position).max().unwrap_or(0) + 1
    } else {
        position
    };
    let id = db::insert(
        "classes",
        &Class {
            id: None,
            school_id: school.key(),
            name: name.clone(),
            pupils,
            position,
            active: true,
        },
    )?;
    events::audit(
        "canteen.group.created",
        &format!("group:{id}"),
        &json!({ "school": school.key(), "name": name }),
    )?;
    Ok(
        redirect(req.url(&format!("/gestion/ecoles/{}", school.key())))
            .notice("group-saved")
            .into(),
    )
}

/// GET and POST: edits a group (name, pupils, order, active).
pub fn class_form(req: &Request) -> Result<Response, Error> {
    req.require_permission(MANAGE)?;
    let class: Class = db::select("classes")
        .filter(eq("id", req.param_id("id")?))
        .one()?;
    let school = model::school(class.school_id)?;
    let mut errors = None;
    let mut values: BTreeMap<String, Value> = BTreeMap::new();
    if req.is_post() {
        match read_class(req) {
            Ok((name, pupils, position, active)) => {
                db::update("classes")
                    .filter(eq("id", class.key()))
                    .set("name", name.as_str())
                    .set("pupils", pupils)
                    .set("position", position)
                    .set("active", active)
                    .run()?;
                events::audit(
                    "canteen.group.updated",
                    &format!("group:{}", class.key()),
                    &json!({ "name": name, "pupils": pupils, "active": active }),
                )?;
                return Ok(
                    redirect(req.url(&format!("/gestion/ecoles/{}", school.key())))
                        .notice("group-saved")
                        .into(),
                );
            }
            Err(e) => {
                values = req
                    .form_values()
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), json!(v)))
                    .collect();
                values.insert("active".into(), json!(req.form("active").is_some()));
                errors = Some(e);
            }
        }
    } else {
        values.insert("name".into(), json!(class.name));
        values.insert("pupils".into(), json!(class.pupils));
        values.insert("position".into(), json!(class.position));
        values.insert("active".into(), json!(class.active));
    }
    let (field_errors, summary) = errors
        .as_ref()
        .map(|e| form_errors(e, "canteen-class-"))
        .unwrap_or_default();
    let title = tr("group-edit-title", &[("group", class.name.clone())]);
    Ok(view("class.html")
        .title(title)
        .status(if summary.is_empty() { 200 } else { 422 })
        .set(
            "breadcrumb",
            crumbs(
                req,
                &[
                    (i18n::t("setup-title"), req.url("/gestion")),
                    (
                        school.name.clone(),
                        req.url(&format!("/gestion/ecoles/{}", school.key())),
                    ),
                ],
            ),
        )
        .set("school", json!({ "id": school.key(), "name": school.name }))
        .set("class", &class)
        .set("values", values)
        .set("errors", field_errors)
        .set("summary", summary)
        .into())
}
