//! Set-up: meal types (standard, vegetarian, no pork, allergy plan, adult,
//! and any the managers add).

use estive_sdk::form::Form;
use estive_sdk::prelude::*;

use crate::access::MANAGE;
use crate::model::{self, MealType};
use crate::tr;

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

/// The meal type form (new or edited), whose controls' ids start with
/// `canteen-meal`.
fn meal_form() -> Form {
    Form::new("canteen-meal")
        .label("code", "meal-code")
        .label("name_fr", "meal-name-fr")
        .label("name_en", "meal-name-en")
        .label("position", "position")
        .label("active", "meal-active")
}

/// GET: the meal types and a form to add one; POST: adds it.
pub fn list(req: &Request) -> Result<Response, Error> {
    let user = req.require_permission(MANAGE)?;
    let meals = model::meal_types(false)?;
    let mut form = meal_form();
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
            Err(invalid) => form = form.sent(req).errors(&invalid),
        }
    }
    Ok(view("meals.html")
        .title(i18n::t("meals-title"))
        .crumb(i18n::t("canteen-title"), req.url("/"))
        .crumb(i18n::t("setup-title"), req.url("/gestion"))
        .set("meals", &meals)
        .form(form)
        .into())
}

/// GET and POST: edits a meal type (its code never changes, so that
/// counts, exports and events keep meaning the same thing).
pub fn edit(req: &Request) -> Result<Response, Error> {
    req.require_permission(MANAGE)?;
    let meal: MealType = db::select("meal_types")
        .filter(eq("id", req.param_id("id")?))
        .one()?;
    let mut form = meal_form();
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
            Err(invalid) => form = form.sent(req).errors(&invalid),
        }
    } else {
        form = form.values(&meal);
    }
    Ok(view("meal.html")
        .title(tr(
            "meal-edit-title",
            &[("meal", meal.label(req.locale()).to_owned())],
        ))
        .crumb(i18n::t("canteen-title"), req.url("/"))
        .crumb(i18n::t("setup-title"), req.url("/gestion"))
        .crumb(i18n::t("meals-title"), req.url("/gestion/repas"))
        .set("meal", &meal)
        .form(form)
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
