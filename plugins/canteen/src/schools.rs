//! Set-up: the overview, schools and their groups (classes).

use estive_sdk::form::Form;
use estive_sdk::prelude::*;
use serde_json::Value;

use crate::access::MANAGE;
use crate::model::{self, Class, School};
use crate::{is_slug, site_rules, tr};

const WEEKDAYS: [&str; 7] = ["1", "2", "3", "4", "5", "6", "7"];

/// Weekday numbers with their names, for checkboxes.
fn weekday_choices(locale: &str) -> Vec<Value> {
    (1..=6)
        .filter_map(|n| {
            // 2024-01-01 was a Monday.
            let day = Date::new(2024, 1, n)?;
            Some(json!({ "value": n, "label": day.weekday().name(locale) }))
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
        .crumb(i18n::t("canteen-title"), req.url("/"))
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

/// The values of the school form: the school's, or those of a new one.
fn school_values(school: Option<&School>) -> Value {
    match school {
        Some(s) => json!({
            "name": s.name,
            "group_slug": s.group_slug,
            "capacity": s.capacity,
            "weekdays": s.service_weekdays(),
            "active": s.active,
        }),
        None => json!({ "weekdays": [1, 2, 4, 5], "active": true }),
    }
}

/// The school form, whose controls' ids start with `canteen-school`.
fn empty_school_form() -> Form {
    Form::new("canteen-school")
        .label("name", "school-name")
        .label("group_slug", "school-group")
        .label("capacity", "school-capacity")
        .label("weekdays", "school-weekdays")
}

/// The group form (a new group on the school's page, or one edited).
fn empty_class_form() -> Form {
    Form::new("canteen-class")
        .label("name", "group-name")
        .label("pupils", "group-pupils-heading")
        .label("position", "position")
}

/// A school's page: its form, and for an existing school its groups with
/// the form that adds one. `form` is the one shown: the school's, or the
/// group form sent with its errors (the other is then drawn empty).
fn school_page(req: &Request, school: Option<&School>, form: Form) -> Result<Response, Error> {
    let classes: Vec<Class> = match school {
        Some(s) => model::classes(s.key(), false)?,
        None => Vec::new(),
    };
    let title = match school {
        Some(s) => s.name.clone(),
        None => i18n::t("school-new-title"),
    };
    Ok(view("school.html")
        .title(title)
        .crumb(i18n::t("canteen-title"), req.url("/"))
        .crumb(i18n::t("setup-title"), req.url("/gestion"))
        .set(
            "school",
            school.map(|s| json!({ "id": s.key(), "name": s.name })),
        )
        .set("school_values", school_values(school))
        .set("weekdays", weekday_choices(req.locale()))
        .set("classes", classes)
        .form(form)
        .into())
}

/// GET and POST: the form of a new school, or of an existing one with its
/// groups.
pub fn school_form(req: &Request) -> Result<Response, Error> {
    let user = req.require_permission(MANAGE)?;
    let existing = route_school(req)?;
    if !req.is_post() {
        let form = empty_school_form().values(school_values(existing.as_ref()));
        return school_page(req, existing.as_ref(), form);
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
    if let Err(invalid) = f.finish() {
        let form = empty_school_form().sent(req).errors(&invalid);
        return school_page(req, existing.as_ref(), form);
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
        Err(invalid) => {
            let form = empty_class_form().sent(req).errors(&invalid);
            return school_page(req, Some(&school), form);
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
    let form = if req.is_post() {
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
            Err(invalid) => empty_class_form().sent(req).errors(&invalid),
        }
    } else {
        empty_class_form().values(&class)
    };
    let title = tr("group-edit-title", &[("group", class.name.clone())]);
    Ok(view("class.html")
        .title(title)
        .crumb(i18n::t("canteen-title"), req.url("/"))
        .crumb(i18n::t("setup-title"), req.url("/gestion"))
        .crumb(
            school.name.clone(),
            req.url(&format!("/gestion/ecoles/{}", school.key())),
        )
        .set("school", json!({ "id": school.key(), "name": school.name }))
        .set("class", &class)
        .form(form)
        .into())
}
