//! Setting up what can be booked: places, rooms and equipment, with their
//! opening hours and booking rules.

use estive_sdk::form::Form;
use estive_sdk::prelude::*;

use crate::hours::{HoursError, OpeningHours};
use crate::model::{BOOKER_ROLES, EQUIPMENT, Place, ROOM, Resource};
use crate::store::{self, Settings};
use crate::web::tr;

/// Steps offered for booking times, in minutes.
const STEPS: [&str; 5] = ["5", "10", "15", "30", "60"];

/// The list of places and resources.
///
/// # Errors
///
/// When storage fails.
pub fn list(_req: &Request) -> Result<Response, Error> {
    let resources = store::resources(false)?;
    let places = store::places()?;
    let settings = Settings::load()?;
    let rows: Vec<serde_json::Value> = resources
        .iter()
        .map(|r| {
            json!({
                "resource": r.view(),
                "place": places.iter().find(|p| p.id.is_some() && p.id == r.place_id).map(|p| &p.name),
            })
        })
        .collect();
    Ok(view("manage.html")
        .title(tr("manage-title", &[]))
        .with(json!({
            "rows": rows,
            "places": places,
            "unreadable": settings.unreadable(),
        }))
        .into())
}

/// The values a new resource starts with.
fn new_resource() -> Resource {
    let weekday = "08:00-22:00";
    Resource {
        kind: ROOM.into(),
        stock: 1,
        opening_hours: OpeningHours::parse(&[
            weekday, weekday, weekday, weekday, weekday, weekday, "",
        ])
        .ok(),
        step_minutes: 30,
        closed_on_holidays: true,
        bookers: vec!["staff".into(), "elected".into(), "association".into()],
        needs_approval: true,
        horizon_days: 180,
        public: true,
        active: true,
        ..Resource::default()
    }
}

/// The form's values of a resource.
fn resource_values(r: &Resource) -> serde_json::Value {
    let mut values = json!({
        "kind": r.kind,
        "name": r.name,
        "description": r.description,
        "place_id": r.place_id,
        "capacity": r.capacity,
        "stock": r.stock,
        "photo_url": r.photo_url,
        "photo_alt": r.photo_alt,
        "step_minutes": r.step_minutes,
        "closed_on_holidays": r.closed_on_holidays,
        "bookers": r.bookers,
        "needs_approval": r.needs_approval,
        "min_notice_hours": r.min_notice_hours,
        "horizon_days": r.horizon_days,
        "max_hours": r.max_hours,
        "quota": r.quota,
        "public": r.public,
        "active": r.active,
    });
    for d in 1..=7 {
        values[format!("hours_{d}")] = json!(
            r.opening_hours
                .as_ref()
                .map(|h| h.text(d))
                .unwrap_or_default()
        );
    }
    values
}

/// The resource form: the record's values, or what was sent with its
/// errors (status 422).
fn resource_page(
    req: &Request,
    existing: Option<&Resource>,
    invalid: Option<&Error>,
) -> Result<View, Error> {
    let title = match existing {
        Some(r) => tr("resource-edit-title", &[("name", r.name.clone())]),
        None => tr("resource-new-title", &[]),
    };
    let mut form = Form::new("booking")
        .label("kind", "field-kind")
        .label("name", "field-name")
        .label("description", "field-description")
        .label("place_id", "field-place")
        .label("capacity", "field-capacity")
        .label("stock", "field-stock")
        .label("photo_url", "field-photo-url")
        .label("photo_alt", "field-photo-alt")
        .label("step_minutes", "field-step")
        .label("bookers", "field-bookers")
        .label("min_notice_hours", "field-min-notice")
        .label("horizon_days", "field-horizon")
        .label("max_hours", "field-max-hours")
        .label("quota", "field-quota");
    for d in 1..=7 {
        form = form.label(&format!("hours_{d}"), &format!("wd-{d}"));
    }
    form = match invalid {
        Some(invalid) => form.sent(req).errors(invalid),
        None => form.values(resource_values(
            &existing.cloned().unwrap_or_else(new_resource),
        )),
    };
    let option = |value: &str, key: String| json!({ "value": value, "label": i18n::t(&key) });
    let places: Vec<serde_json::Value> = store::places()?
        .iter()
        .filter_map(|p| Some(json!({ "value": p.id?, "label": p.name })))
        .collect();
    let steps: Vec<serde_json::Value> = STEPS
        .iter()
        .map(|s| json!({ "value": s, "label": tr("minutes", &[("count", (*s).to_owned())]) }))
        .collect();
    let kinds = [ROOM, EQUIPMENT].map(|k| option(k, format!("kind-{k}")));
    let roles = BOOKER_ROLES.map(|r| option(r, format!("role-{r}")));
    Ok(view("resource_form.html")
        .title(title)
        .crumb(tr("manage-title", &[]), req.url("/gestion"))
        .with(json!({
            "existing": existing,
            "kinds": kinds,
            "places": places,
            "steps": steps,
            "roles": roles,
        }))
        .form(form))
}

/// Creates (no `id` in the route) or edits a resource.
///
/// # Errors
///
/// Not found for an unknown resource; storage failures.
pub fn resource(req: &Request) -> Result<Response, Error> {
    let existing = match req.param("id") {
        Some(_) => Some(store::resource(req.param_id("id")?)?),
        None => None,
    };
    if !req.is_post() {
        return Ok(resource_page(req, existing.as_ref(), None)?.into());
    }
    let places = store::places()?;
    let place_ids: Vec<String> = places
        .iter()
        .filter_map(|p| p.id)
        .map(|id| id.to_string())
        .collect();
    let mut form = req.validator();
    let kind = form.choice("kind", &[ROOM, EQUIPMENT]).value();
    let name = form.text("name").required().max_len(120).value();
    let description = form.text("description").max_len(4000).optional();
    let place_id = form.choice("place_id", &place_ids).optional();
    let capacity = form.int("capacity").range(1, 100_000).optional();
    let stock = form.int("stock").range(1, 1_000_000).optional();
    let photo_url = form.text("photo_url").max_len(500).optional();
    let photo_alt = form.text("photo_alt").max_len(300).optional();
    let step = form.choice("step_minutes", &STEPS).value();
    let closed_on_holidays = form.checkbox("closed_on_holidays").value();
    let bookers = form.choices("bookers", &BOOKER_ROLES).value();
    let needs_approval = form.checkbox("needs_approval").value();
    let min_notice_hours = form.int("min_notice_hours").range(0, 8760).or(0);
    let horizon_days = form.int("horizon_days").range(1, 730).value();
    let max_hours = form.int("max_hours").range(0, 8760).or(0);
    let quota = form.int("quota").range(0, 1000).or(0);
    let public = form.checkbox("public").value();
    let active = form.checkbox("active").value();
    if kind == EQUIPMENT && stock.is_none() {
        form.error("stock", "stock-required");
    }
    if let Some(url) = &photo_url
        && !(url.starts_with("https://") || url.starts_with("http://") || url.starts_with('/'))
    {
        form.error("photo_url", "photo-url-invalid");
    }
    if photo_url.is_some() && photo_alt.is_none() {
        form.error("photo_alt", "photo-alt-required");
    }
    let texts: Vec<String> = (1..=7)
        .map(|d| {
            req.form(&format!("hours_{d}"))
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let opening_hours = match OpeningHours::parse(&refs) {
        Ok(h) if h.always_closed() => None,
        Ok(h) => Some(h),
        Err((day, e)) => {
            let key = match e {
                HoursError::Malformed => "hours-malformed",
                HoursError::Disordered => "hours-disordered",
            };
            form.error(&format!("hours_{}", day + 1), key);
            None
        }
    };
    if let Err(invalid) = form.finish() {
        return Ok(resource_page(req, existing.as_ref(), Some(&invalid))?.into());
    }
    let row = Resource {
        id: existing.as_ref().and_then(|r| r.id),
        capacity: if kind == ROOM { capacity } else { None },
        stock: if kind == ROOM { 1 } else { stock.unwrap_or(1) },
        kind,
        name,
        description,
        place_id: place_id.and_then(|p| p.parse().ok()),
        photo_url,
        photo_alt,
        opening_hours,
        step_minutes: step.parse().unwrap_or(30),
        closed_on_holidays,
        bookers,
        needs_approval,
        min_notice_hours,
        horizon_days,
        max_hours,
        quota,
        public,
        active,
    };
    let saved = match &existing {
        Some(r) => db::update("resources")
            .filter(eq("id", r.id()))
            .set_fields(&row)
            .run()
            .map(|_| r.id()),
        None => db::insert("resources", &row),
    };
    let id = match saved {
        Ok(id) => id,
        Err(Error::Conflict(_)) => {
            let taken = Error::invalid("name", "name-taken");
            return Ok(resource_page(req, existing.as_ref(), Some(&taken))?
                .status(409)
                .into());
        }
        Err(e) => return Err(e),
    };
    events::audit(
        if existing.is_some() {
            "resource.updated"
        } else {
            "resource.created"
        },
        &format!("resource:{id}"),
        &json!({ "name": row.name, "kind": row.kind }),
    )?;
    Ok(redirect(req.url("/gestion"))
        .notice(tr("notice-resource-saved", &[("name", row.name)]))
        .into())
}

/// Creates (no `id` in the route) or edits a place.
///
/// # Errors
///
/// Not found for an unknown place; storage failures.
pub fn place(req: &Request) -> Result<Response, Error> {
    let existing = match req.param("id") {
        Some(_) => Some(store::place(req.param_id("id")?)?),
        None => None,
    };
    let title = match &existing {
        Some(p) => tr("place-edit-title", &[("name", p.name.clone())]),
        None => tr("place-new-title", &[]),
    };
    // The form: the record's values, or what was sent with its errors.
    let page = |invalid: Option<&Error>| -> View {
        let form = Form::new("booking")
            .label("name", "field-name")
            .label("address", "field-address")
            .label("description", "field-place-description");
        let form = match invalid {
            Some(invalid) => form.sent(req).errors(invalid),
            None => form.values(existing.clone().unwrap_or_default()),
        };
        view("place_form.html")
            .title(&title)
            .crumb(tr("manage-title", &[]), req.url("/gestion"))
            .set("existing", &existing)
            .form(form)
    };
    if !req.is_post() {
        return Ok(page(None).into());
    }
    let mut form = req.validator();
    let name = form.text("name").required().max_len(120).value();
    let address = form.text("address").max_len(300).optional();
    let description = form.text("description").max_len(4000).optional();
    if let Err(invalid) = form.finish() {
        return Ok(page(Some(&invalid)).into());
    }
    let row = Place {
        id: existing.as_ref().and_then(|p| p.id),
        name,
        address,
        description,
    };
    let saved = match &existing {
        Some(p) => db::update("places")
            .filter(eq("id", p.id.unwrap_or(0)))
            .set_fields(&row)
            .run()
            .map(|_| p.id.unwrap_or(0)),
        None => db::insert("places", &row),
    };
    let id = match saved {
        Ok(id) => id,
        Err(Error::Conflict(_)) => {
            let taken = Error::invalid("name", "name-taken");
            return Ok(page(Some(&taken)).status(409).into());
        }
        Err(e) => return Err(e),
    };
    events::audit(
        if existing.is_some() {
            "place.updated"
        } else {
            "place.created"
        },
        &format!("place:{id}"),
        &json!({ "name": row.name }),
    )?;
    Ok(redirect(req.url("/gestion"))
        .notice(tr("notice-place-saved", &[("name", row.name)]))
        .into())
}
