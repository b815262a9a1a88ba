//! Actions in the extranet: their page (milestones, indicators, opinions,
//! progress history), editing them and their milestones.

use estive_sdk::dates::Date;
use estive_sdk::form::Form;
use estive_sdk::prelude::*;
use serde_json::Value;

use crate::axes::{can, read_weight};
use crate::communes::{self, Commune};
use crate::model::{Action, Axis, Milestone, ProgressMode, Status, today};
use crate::numbers::{parse_decimal, plain};
use crate::programme::Programme;
use crate::{forms, history};

/// Reads an optional decimal field (French comma accepted) within bounds.
pub fn read_decimal(
    form: &mut Validator<'_>,
    req: &Request,
    name: &str,
    min: f64,
    max: f64,
) -> Option<f64> {
    let raw = req.form(name).unwrap_or("").trim();
    if raw.is_empty() {
        return None;
    }
    match parse_decimal(raw) {
        Some(n) if n >= min && n <= max => Some(n),
        Some(_) => {
            form.error(name, messages::FIELD_OUT_OF_RANGE);
            None
        }
        None => {
            form.error(name, "error-not-a-number");
            None
        }
    }
}

/// The action form, read and checked against the axes and communes.
fn read_form(req: &Request, axes: &[i64], communes: &[Commune]) -> Result<Action, Error> {
    let mut form = req.validator();
    let axis_ids: Vec<String> = axes.iter().map(i64::to_string).collect();
    let axis_id = form
        .choice("axis_id", &axis_ids)
        .value()
        .parse()
        .unwrap_or(0);
    let title = form.text("title").required().max_len(200).value();
    let description = form.text("description").max_len(8000).value();
    let pilot = form.text("pilot").max_len(200).value();
    let partners = form.text("partners").max_len(2000).value();
    let codes: Vec<&str> = communes.iter().map(|c| c.code.as_str()).collect();
    let chosen = form.choices("communes", &codes).value();
    let statuses: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
    let status = form.choice("status", &statuses).value();
    let starts_on = forms::date(&mut form, req, "starts_on");
    let ends_on = forms::date(&mut form, req, "ends_on");
    if let (Some(start), Some(end)) = (starts_on, ends_on)
        && end < start
    {
        form.error("ends_on", "error-end-before-start");
    }
    let budget_planned = read_decimal(&mut form, req, "budget_planned", 0.0, 1e12);
    let budget_spent = read_decimal(&mut form, req, "budget_spent", 0.0, 1e12);
    let mode = form
        .choice("progress_mode", &["manual", "derived"])
        .or("manual".into());
    let progress = read_decimal(&mut form, req, "progress", 0.0, 100.0);
    let weight = read_weight(&mut form, req, "weight");
    let position = form.int("position").range(0, 10_000).or(0);
    form.finish()?;
    Ok(Action {
        id: None,
        axis_id,
        title,
        description,
        pilot,
        partners,
        communes: chosen,
        status: Status::parse(&status).unwrap_or(Status::Planned),
        starts_on,
        ends_on,
        budget_planned,
        budget_spent,
        progress_mode: if mode == "derived" {
            ProgressMode::Derived
        } else {
            ProgressMode::Manual
        },
        progress,
        weight,
        position,
    })
}

fn form_view(
    req: &Request,
    id: Option<i64>,
    axes: &[Axis],
    communes: &[Commune],
    form: Form,
) -> View {
    let title = if id.is_some() {
        i18n::t("action-edit-title")
    } else {
        i18n::t("action-new-title")
    };
    let axis_options = forms::options(axes.iter().map(|a| (a.id(), a.title.as_str())));
    let status_options = forms::options(
        Status::ALL
            .iter()
            .map(|s| (s.as_str(), i18n::t(&format!("status-{}", s.as_str())))),
    );
    let commune_options = forms::options(communes.iter().map(|c| (&c.code, c.name.as_str())));
    view("action_form.html")
        .title(title)
        .crumb(i18n::t("manage-title"), req.url("/"))
        .set("action_id", id)
        .set("axis_options", axis_options)
        .set("commune_options", commune_options)
        .set("status_options", status_options)
        .form(
            form.label("axis_id", "field-axis")
                .label("title", "field-title")
                .label("description", "field-description")
                .label("pilot", "field-pilot")
                .label("partners", "field-partners")
                .label("communes", "field-communes")
                .label("status", "field-status")
                .label("starts_on", "field-starts-on")
                .label("ends_on", "field-ends-on")
                .label("budget_planned", "budget-planned-euros")
                .label("budget_spent", "budget-spent-euros")
                .label("progress_mode", "field-progress-mode")
                .label("progress", "field-progress-percent")
                .label("weight", "field-weight")
                .label("position", "field-position"),
        )
}

/// The values of the form for an existing action.
fn values_of(action: &Action, locale: &str) -> Value {
    let mut values = json!({
        "axis_id": action.axis_id.to_string(),
        "title": action.title,
        "description": action.description,
        "pilot": action.pilot,
        "partners": action.partners,
        "communes": action.communes,
        "status": action.status.as_str(),
        "starts_on": action.starts_on,
        "ends_on": action.ends_on,
        "progress_mode": if action.progress_mode == ProgressMode::Derived { "derived" } else { "manual" },
        "weight": plain(action.weight, locale),
        "position": action.position.to_string(),
    });
    for (name, value) in [
        ("budget_planned", action.budget_planned),
        ("budget_spent", action.budget_spent),
        ("progress", action.progress),
    ] {
        if let Some(v) = value {
            values[name] = json!(plain(v, locale));
        }
    }
    values
}

/// `GET|POST /actions/nouvelle` and `/actions/{id}/modifier`.
pub fn edit(req: &Request, id: Option<i64>) -> Result<Response, Error> {
    let existing: Option<Action> = match id {
        Some(id) => Some(db::select("actions").filter(eq("id", id)).one()?),
        None => None,
    };
    let axes = crate::programme::axes()?;
    if axes.is_empty() {
        return Err(Error::conflict("error-no-axis"));
    }
    let communes = communes::all();
    if !req.is_post() {
        let values = match &existing {
            Some(action) => values_of(action, req.locale()),
            None => json!({
                "axis_id": req.query("axe").unwrap_or_default(),
                "status": "planned",
                "progress_mode": "manual",
                "weight": "1",
                "position": "0",
            }),
        };
        let form = Form::new("indicators").values(values);
        return Ok(form_view(req, id, &axes, &communes, form).into());
    }
    let axis_ids: Vec<i64> = axes.iter().map(|a| a.id()).collect();
    let action = match read_form(req, &axis_ids, &communes) {
        Ok(action) => action,
        Err(e @ Error::Invalid(_)) => {
            let form = Form::new("indicators").sent(req).errors(&e);
            return Ok(form_view(req, id, &axes, &communes, form).into());
        }
        Err(e) => return Err(e),
    };
    let mut tx = db::transaction();
    let action_id = match id {
        Some(id) => {
            tx.update(
                db::update("actions")
                    .filter(eq("id", id))
                    .set_fields(&action),
            );
            tx.audit(
                "action.updated",
                &format!("action:{id}"),
                &json!({ "title": action.title, "status": action.status }),
            );
            tx.commit()?;
            id
        }
        None => {
            let step = tx.insert("actions", &action);
            tx.audit(
                "action.created",
                "action",
                &json!({ "title": action.title }),
            );
            let outcomes = tx.commit()?;
            step.id(&outcomes).unwrap_or_default()
        }
    };
    // An action moved to another axis changes the old axis too.
    let old_axis: Vec<i64> = existing.iter().map(|a| a.axis_id).collect();
    history::record(&[action_id], &old_axis);
    let notice = if id.is_some() {
        "notice-action-saved"
    } else {
        "notice-action-created"
    };
    Ok(redirect(req.url(&format!("/actions/{action_id}")))
        .notice(notice)
        .into())
}

/// A milestone for templates, with whether it is late.
fn milestone_json(m: &Milestone, today: Date) -> Value {
    json!({
        "id": m.id,
        "title": m.title,
        "due_on": m.due_on,
        "done_on": m.done_on,
        "late": m.done_on.is_none() && m.due_on.is_some_and(|d| d < today),
    })
}

/// The milestones of an action, by due date.
pub fn milestones_of(action_id: i64) -> Result<Vec<Milestone>, Error> {
    db::select("milestones")
        .filter(eq("action_id", action_id))
        .order_asc("due_on")
        .order_asc("id")
        .limit(1000)
        .fetch()
}

/// The milestones of an action for templates.
pub fn milestones_json(action_id: i64) -> Result<Vec<Value>, Error> {
    let today = today();
    Ok(milestones_of(action_id)?
        .iter()
        .map(|m| milestone_json(m, today))
        .collect())
}

/// The action's page; `form` is the milestone form, empty or shown again
/// with its errors.
fn show_view(req: &Request, form: Form) -> Result<View, Error> {
    let id = req.param_id("id")?;
    let locale = req.locale();
    let p = Programme::load(false)?;
    let action = p
        .action(id)
        .ok_or_else(|| Error::not_found(messages::NOT_FOUND))?;
    let communes = communes::all();
    let commune_names: Vec<String> = action
        .communes
        .iter()
        .map(|c| communes::name_of(&communes, c))
        .collect();
    let indicators: Vec<Value> = p
        .indicators_of(id)
        .map(|i| p.indicator_summary(i, locale))
        .collect();
    #[derive(serde::Deserialize)]
    struct ByStatus {
        status: String,
        n: i64,
    }
    let opinions: Vec<ByStatus> = db::aggregate("opinions")
        .filter(eq("action_id", id))
        .group_by("status")
        .count("n")
        .fetch()?;
    let opinion_counts: serde_json::Map<String, Value> = opinions
        .into_iter()
        .map(|o| (o.status, json!(o.n)))
        .collect();
    let history = history::chart(
        history::ACTION,
        id,
        &i18n::t_args("history-action-caption", &[("title", &action.title)]),
        locale,
    )?;
    let mut page = view("action_manage.html")
        .title(&action.title)
        .crumb(i18n::t("manage-title"), req.url("/"));
    if let Some(axis) = p.axis(action.axis_id) {
        page = page.crumb(
            axis.title.clone(),
            req.url(&format!("/#indicators-axis-{}", axis.id())),
        );
    }
    Ok(page
        .set("action", p.action_summary(action, locale))
        .set("commune_names", commune_names)
        .set("milestones", milestones_json(id)?)
        .set("indicators", indicators)
        .set("opinions", opinion_counts)
        .set("history", history)
        .set("today", p.today)
        .set(
            "public_url",
            req.context().url_in("portal", &format!("/actions/{id}")),
        )
        .set("can", can(req))
        .form(milestone_labels(form)))
}

/// The milestone form's labels, for its error summary.
fn milestone_labels(form: Form) -> Form {
    form.label("milestone_title", "field-title")
        .label("due_on", "field-due-on")
        .label("done_on", "field-done-on")
}

/// `GET /actions/{id}` (extranet).
pub fn show(req: &Request) -> Result<Response, Error> {
    Ok(show_view(req, Form::new("indicators"))?.into())
}

/// `POST /actions/{id}/supprimer`: an action without indicators, with its
/// milestones, opinions and history.
pub fn delete(req: &Request) -> Result<Response, Error> {
    let id = req.param_id("id")?;
    let action: Action = db::select("actions").filter(eq("id", id)).one()?;
    let mut tx = db::transaction();
    tx.expect_none(
        "indicators",
        [eq("action_id", id)],
        "error-action-has-indicators",
    );
    tx.delete(db::delete("milestones").filter(eq("action_id", id)));
    tx.delete(db::delete("opinions").filter(eq("action_id", id)));
    tx.delete(db::delete("discussion_replies").filter(eq("action_id", id)));
    tx.delete(
        db::delete("history")
            .filter(eq("scope", history::ACTION))
            .filter(eq("scope_id", id)),
    );
    tx.delete(db::delete("actions").filter(eq("id", id)));
    tx.audit(
        "action.deleted",
        &format!("action:{id}"),
        &json!({ "title": action.title }),
    );
    tx.commit()?;
    history::record(&[], &[action.axis_id]);
    Ok(redirect(req.url("/"))
        .notice("notice-action-deleted")
        .into())
}

/// The milestone form, read and checked.
fn read_milestone(req: &Request, action_id: i64) -> Result<Milestone, Error> {
    let mut form = req.validator();
    let title = form.text("milestone_title").required().max_len(200).value();
    let due_on = forms::date(&mut form, req, "due_on");
    let done_on = forms::date(&mut form, req, "done_on");
    if done_on.is_some_and(|d| d > today()) {
        form.error("done_on", "error-done-in-future");
    }
    form.finish()?;
    Ok(Milestone {
        id: None,
        action_id,
        title,
        due_on,
        done_on,
    })
}

/// `POST /actions/{id}/jalons`: a milestone added from the action's page.
pub fn milestone_new(req: &Request) -> Result<Response, Error> {
    let action_id = req.param_id("id")?;
    db::select("actions")
        .filter(eq("id", action_id))
        .one::<Action>()?;
    let milestone = match read_milestone(req, action_id) {
        Ok(m) => m,
        Err(e @ Error::Invalid(_)) => {
            let form = Form::new("indicators").sent(req).errors(&e);
            return Ok(show_view(req, form)?.into());
        }
        Err(e) => return Err(e),
    };
    let mut tx = db::transaction();
    tx.insert("milestones", &milestone);
    tx.audit(
        "milestone.created",
        &format!("action:{action_id}"),
        &json!({ "title": milestone.title }),
    );
    tx.commit()?;
    Ok(
        redirect(req.url(&format!("/actions/{action_id}#indicators-milestones")))
            .notice("notice-milestone-created")
            .into(),
    )
}

/// `GET|POST /jalons/{id}/modifier`.
pub fn milestone_edit(req: &Request) -> Result<Response, Error> {
    let id = req.param_id("id")?;
    let existing: Milestone = db::select("milestones").filter(eq("id", id)).one()?;
    let action: Action = db::select("actions")
        .filter(eq("id", existing.action_id))
        .one()?;
    let page = |form: Form| {
        view("milestone_form.html")
            .title(i18n::t("milestone-edit-title"))
            .crumb(i18n::t("manage-title"), req.url("/"))
            .crumb(
                action.title.clone(),
                req.url(&format!("/actions/{}", action.id())),
            )
            .set("milestone_id", id)
            .set(
                "action",
                json!({ "id": action.id(), "title": action.title }),
            )
            .form(milestone_labels(form))
    };
    if !req.is_post() {
        let form = Form::new("indicators").values(json!({
            "milestone_title": existing.title,
            "due_on": existing.due_on,
            "done_on": existing.done_on,
        }));
        return Ok(page(form).into());
    }
    let milestone = match read_milestone(req, existing.action_id) {
        Ok(m) => m,
        Err(e @ Error::Invalid(_)) => {
            return Ok(page(Form::new("indicators").sent(req).errors(&e)).into());
        }
        Err(e) => return Err(e),
    };
    let mut tx = db::transaction();
    tx.update(
        db::update("milestones")
            .filter(eq("id", id))
            .set_fields(&milestone),
    );
    tx.audit(
        "milestone.updated",
        &format!("action:{}", existing.action_id),
        &json!({ "title": milestone.title, "done_on": milestone.done_on }),
    );
    tx.commit()?;
    Ok(redirect(req.url(&format!(
        "/actions/{}#indicators-milestones",
        existing.action_id
    )))
    .notice("notice-milestone-saved")
    .into())
}

/// `POST /jalons/{id}/supprimer`.
pub fn milestone_delete(req: &Request) -> Result<Response, Error> {
    let id = req.param_id("id")?;
    let existing: Milestone = db::select("milestones").filter(eq("id", id)).one()?;
    let mut tx = db::transaction();
    tx.delete(db::delete("milestones").filter(eq("id", id)));
    tx.audit(
        "milestone.deleted",
        &format!("action:{}", existing.action_id),
        &json!({ "title": existing.title }),
    );
    tx.commit()?;
    Ok(redirect(req.url(&format!(
        "/actions/{}#indicators-milestones",
        existing.action_id
    )))
    .notice("notice-milestone-deleted")
    .into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn milestone_past_due_and_not_done_is_late() {
        let today = Date::parse("2026-03-01").unwrap();
        let m = |due: &str, done: Option<&str>| Milestone {
            id: Some(1),
            action_id: 1,
            title: "Étude".into(),
            due_on: Date::parse(due),
            done_on: done.and_then(Date::parse),
        };
        assert_eq!(milestone_json(&m("2026-02-01", None), today)["late"], true);
        assert_eq!(
            milestone_json(&m("2026-02-01", Some("2026-01-20")), today)["late"],
            false
        );
        assert_eq!(milestone_json(&m("2026-04-01", None), today)["late"], false);
    }
}
