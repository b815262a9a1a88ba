//! The extranet's home of the programme, and editing its axes.

use estive_sdk::form::Form;
use estive_sdk::prelude::*;
use serde_json::Value;

use crate::history;
use crate::model::{Axis, PENDING};
use crate::numbers::{parse_decimal, percent, plain};
use crate::programme::{self, Programme};

/// What the signed-in member may do, for templates.
pub fn can(req: &Request) -> Value {
    json!({
        "manage": req.has_permission("indicators.manage"),
        "measure": req.has_permission("indicators.measure"),
        "moderate": req.has_permission("indicators.moderate"),
    })
}

/// `GET /` (extranet): progress per axis, every action, what needs doing.
pub fn manage(req: &Request) -> Result<Response, Error> {
    let locale = req.locale();
    let p = Programme::load(false)?;
    let axes: Vec<Value> = p.axes.iter().map(|a| p.axis_summary(a, locale)).collect();
    let orphans: Vec<Value> = p
        .actions
        .iter()
        .filter(|a| p.axis(a.axis_id).is_none())
        .map(|a| p.action_summary(a, locale))
        .collect();
    let due = p
        .indicators
        .iter()
        .filter(|i| programme::value_due(i, p.latest.get(&i.id()).copied(), p.today))
        .count();
    let pending = if req.has_permission("indicators.moderate") {
        db::count("opinions").filter(eq("status", PENDING)).get()?
    } else {
        0
    };
    let ignored = if req.has_permission("indicators.manage") {
        db::count("received_events")
            .filter(eq("status", crate::feeds::IGNORED))
            .get()?
    } else {
        0
    };
    let (planned, spent) = Programme::budget(p.actions.iter());
    Ok(view("manage.html")
        .title(i18n::t("manage-title"))
        .set("axes", axes)
        .set("orphans", orphans)
        .set("progress", p.overall_progress().map(percent))
        .set("counts", p.status_counts(p.actions.iter()))
        .set("indicator_count", p.indicators.len())
        .set("due", due)
        .set("pending", pending)
        .set("ignored", ignored)
        .set("budget_planned", programme::money(planned, locale))
        .set("budget_spent", programme::money(spent, locale))
        .set("portal_url", req.context().url_in("portal", "/"))
        .set("can", can(req))
        .into())
}

/// The axis form, read and checked.
fn read_form(req: &Request) -> Result<Axis, Error> {
    let mut form = req.validator();
    let title = form.text("title").required().max_len(200).value();
    let description = form.text("description").max_len(4000).value();
    let position = form.int("position").range(0, 10_000).or(0);
    let weight = read_weight(&mut form, req, "weight");
    form.finish()?;
    Ok(Axis {
        id: None,
        title,
        description,
        position,
        weight,
    })
}

/// A weight field: a positive number, 1 when empty. French decimals with
/// a comma are accepted.
pub fn read_weight(form: &mut Validator<'_>, req: &Request, name: &str) -> f64 {
    let raw = req.form(name).unwrap_or("").trim();
    if raw.is_empty() {
        return 1.0;
    }
    match parse_decimal(raw) {
        Some(w) if w > 0.0 && w <= 1000.0 => w,
        Some(_) => {
            form.error(name, "error-weight-range");
            1.0
        }
        None => {
            form.error(name, "error-not-a-number");
            1.0
        }
    }
}

fn form_view(req: &Request, id: Option<i64>, form: Form) -> View {
    let title = if id.is_some() {
        i18n::t("axis-edit-title")
    } else {
        i18n::t("axis-new-title")
    };
    view("axis_form.html")
        .title(title)
        .crumb(i18n::t("manage-title"), req.url("/"))
        .set("axis_id", id)
        .form(
            form.label("title", "field-title")
                .label("description", "field-description")
                .label("position", "field-position")
                .label("weight", "field-weight"),
        )
}

/// `GET|POST /axes/nouveau` and `/axes/{id}/modifier`.
pub fn edit(req: &Request, id: Option<i64>) -> Result<Response, Error> {
    let existing: Option<Axis> = match id {
        Some(id) => Some(db::select("axes").filter(eq("id", id)).one()?),
        None => None,
    };
    if !req.is_post() {
        let values = match &existing {
            Some(a) => json!({
                "title": a.title, "description": a.description,
                "position": a.position.to_string(), "weight": plain(a.weight, req.locale()),
            }),
            None => {
                let next = programme::axes()?
                    .iter()
                    .map(|a| a.position)
                    .max()
                    .unwrap_or(0)
                    + 1;
                json!({ "position": next.to_string(), "weight": "1" })
            }
        };
        let form = Form::new("indicators").values(values);
        return Ok(form_view(req, id, form).into());
    }
    let axis = match read_form(req) {
        Ok(axis) => axis,
        Err(e @ Error::Invalid(_)) => {
            let form = Form::new("indicators").sent(req).errors(&e);
            return Ok(form_view(req, id, form).into());
        }
        Err(e) => return Err(e),
    };
    let mut tx = db::transaction();
    let (notice, axis_id) = match id {
        Some(id) => {
            tx.update(db::update("axes").filter(eq("id", id)).set_fields(&axis));
            tx.audit(
                "axis.updated",
                &format!("axis:{id}"),
                &json!({ "title": axis.title }),
            );
            tx.commit()?;
            ("notice-axis-saved", id)
        }
        None => {
            let step = tx.insert("axes", &axis);
            tx.audit("axis.created", "axis", &json!({ "title": axis.title }));
            let outcomes = tx.commit()?;
            (
                "notice-axis-created",
                step.id(&outcomes).unwrap_or_default(),
            )
        }
    };
    history::record(&[], &[axis_id]);
    Ok(redirect(req.url("/")).notice(notice).into())
}

/// `POST /axes/{id}/supprimer`: only an axis without actions.
pub fn delete(req: &Request) -> Result<Response, Error> {
    let id = req.param_id("id")?;
    let axis: Axis = db::select("axes").filter(eq("id", id)).one()?;
    let mut tx = db::transaction();
    tx.expect_none("actions", [eq("axis_id", id)], "error-axis-has-actions");
    tx.delete(db::delete("axes").filter(eq("id", id)));
    tx.delete(
        db::delete("history")
            .filter(eq("scope", history::AXIS))
            .filter(eq("scope_id", id)),
    );
    tx.audit(
        "axis.deleted",
        &format!("axis:{id}"),
        &json!({ "title": axis.title }),
    );
    tx.commit()?;
    history::record(&[], &[]);
    Ok(redirect(req.url("/")).notice("notice-axis-deleted").into())
}
