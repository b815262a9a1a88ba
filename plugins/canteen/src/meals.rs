//! Set-up: meal types (standard, vegetarian, no pork, allergy plan, adult,
//! and any the managers add).

use std::collections::BTreeMap;

use estive_sdk::prelude::*;
use serde_json::Value;

use crate::access::MANAGE;
use crate::model::{self, MealType};
use crate::{crumbs, form_errors, tr};

/// Most active meal types: each is a box per group on the phone screen.
const MAX_ACTIVE: usize = 10;

/// Whether a meal type code is usable in form fields and exports.
pub fn is_code(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 20
        && text.starts_with(|c: char| c.is_ascii_lowercase())
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

struct Fields {
    name_fr: String,
    name_en: String,
    vegetarian: bool,
    health: bool,
    adult: bool,
    position: i64,
    active: bool,
}

fn read_fields(f: &mut Validator<'_>) -> Fields {
    Fields {
        name_fr: f.text("name_fr").required().max_len(40).value(),
        name_en: f.text("name_en").required().max_len(40).value(),
        vegetarian: f.checkbox("vegetarian").value(),
        health: f.checkbox("health").value(),
        adult: f.checkbox("adult").value(),
        position: f.int("position").range(0, 99).or(0),
        active: f.checkbox("active").value(),
    }
}

fn typed(req: &Request) -> BTreeMap<String, Value> {
    let mut values: BTreeMap<String, Value> = req
        .form_values()
        .into_iter()
        .map(|(k, v)| (k.to_owned(), json!(v)))
        .collect();
    for flag in ["vegetarian", "health", "adult", "active"] {
        values.insert(flag.into(), json!(req.form(flag).is_some()));
    }
    values
}

/// GET: the meal types and a form to add one; POST: adds it.
pub fn list(req: &Request) -> Result<Response, Error> {
    let user = req.require_permission(MANAGE)?;
    let meals = model::meal_types(false)?;
    let mut values = BTreeMap::new();
    let mut errors = None;
    if req.is_post() {
        let mut f = req.validator();
        let code = f.text("code").required().max_len(20).value();
        if !code.is_empty() {
            f.check(is_code(&code), "code", "meal-code-invalid");
            f.check(
                !meals.iter().any(|m| m.code == code),
                "code",
                "meal-code-taken",
            );
        }
        let fields = read_fields(&mut f);
        f.check(
            meals.iter().filter(|m| m.active).count() < MAX_ACTIVE,
            "code",
            "meal-too-many",
        );
        match f.finish() {
            Ok(()) => {
                let position = if fields.position == 0 {
                    meals.iter().map(|m| m.position).max().unwrap_or(0) + 1
                } else {
                    fields.position
                };
                db::insert(
                    "meal_types",
                    &MealType {
                        id: None,
                        code: code.clone(),
                        name_fr: fields.name_fr,
                        name_en: fields.name_en,
                        vegetarian: fields.vegetarian,
                        health: fields.health,
                        adult: fields.adult,
                        position,
                        active: true,
                    },
                )?;
                events::audit(
                    "canteen.meal-type.created",
                    &format!("meal-type:{code}"),
                    &json!({ "by": user.name }),
                )?;
                return Ok(redirect(req.url("/gestion/repas"))
                    .notice("meal-saved")
                    .into());
            }
            Err(e) => {
                values = typed(req);
                errors = Some(e);
            }
        }
    }
    let (field_errors, summary) = errors
        .as_ref()
        .map(|e| form_errors(e, "canteen-meal-"))
        .unwrap_or_default();
    let title = i18n::t("meals-title");
    let title = if summary.is_empty() {
        title
    } else {
        format!(
            "{} – {title}",
            tr(
                "errors-title-prefix",
                &[("count", summary.len().to_string())]
            )
        )
    };
    Ok(view("meals.html")
        .title(title)
        .status(if summary.is_empty() { 200 } else { 422 })
        .set(
            "breadcrumb",
            crumbs(req, &[(i18n::t("setup-title"), req.url("/gestion"))]),
        )
        .set("meals", &meals)
        .set("values", values)
        .set("errors", field_errors)
        .set("summary", summary)
        .into())
}

/// GET and POST: edits a meal type (its code never changes, so that
/// counts, exports and events keep meaning the same thing).
pub fn edit(req: &Request) -> Result<Response, Error> {
    req.require_permission(MANAGE)?;
    let meal: MealType = db::select("meal_types")
        .filter(eq("id", req.param_id("id")?))
        .one()?;
    let mut values: BTreeMap<String, Value> = BTreeMap::new();
    let mut errors = None;
    if req.is_post() {
        let mut f = req.validator();
        let fields = read_fields(&mut f);
        if fields.active && !meal.active {
            let active = model::meal_types(true)?.len();
            f.check(active < MAX_ACTIVE, "active", "meal-too-many");
        }
        match f.finish() {
            Ok(()) => {
                db::update("meal_types")
                    .filter(eq("id", meal.id))
                    .set("name_fr", fields.name_fr.as_str())
                    .set("name_en", fields.name_en.as_str())
                    .set("vegetarian", fields.vegetarian)
                    .set("health", fields.health)
                    .set("adult", fields.adult)
                    .set("position", fields.position)
                    .set("active", fields.active)
                    .run()?;
                events::audit(
                    "canteen.meal-type.updated",
                    &format!("meal-type:{}", meal.code),
                    &json!({ "active": fields.active, "vegetarian": fields.vegetarian, "health": fields.health }),
                )?;
                return Ok(redirect(req.url("/gestion/repas"))
                    .notice("meal-saved")
                    .into());
            }
            Err(e) => {
                values = typed(req);
                errors = Some(e);
            }
        }
    } else {
        values.insert("name_fr".into(), json!(meal.name_fr));
        values.insert("name_en".into(), json!(meal.name_en));
        values.insert("vegetarian".into(), json!(meal.vegetarian));
        values.insert("health".into(), json!(meal.health));
        values.insert("adult".into(), json!(meal.adult));
        values.insert("position".into(), json!(meal.position));
        values.insert("active".into(), json!(meal.active));
    }
    let (field_errors, summary) = errors
        .as_ref()
        .map(|e| form_errors(e, "canteen-meal-"))
        .unwrap_or_default();
    Ok(view("meal.html")
        .title(tr(
            "meal-edit-title",
            &[("meal", meal.label(req.locale()).to_owned())],
        ))
        .status(if summary.is_empty() { 200 } else { 422 })
        .set(
            "breadcrumb",
            crumbs(
                req,
                &[
                    (i18n::t("setup-title"), req.url("/gestion")),
                    (i18n::t("meals-title"), req.url("/gestion/repas")),
                ],
            ),
        )
        .set("meal", &meal)
        .set("values", values)
        .set("errors", field_errors)
        .set("summary", summary)
        .into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meal_codes_are_short_lowercase_identifiers() {
        assert!(is_code("no_pork"));
        assert!(is_code("mixed2"));
        assert!(!is_code("2mixed"));
        assert!(!is_code("Sans-porc"));
        assert!(!is_code("sans porc"));
        assert!(!is_code(""));
    }
}
