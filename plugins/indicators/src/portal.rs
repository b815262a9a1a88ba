//! The public dashboard: the programme's overview, axes, actions and
//! indicators with their charts, comparisons and opinions.

use estive_kit::chart::BarChart;
use estive_sdk::form::Form;
use estive_sdk::prelude::*;
use serde_json::Value;

use crate::communes;
use crate::model::Status;
use crate::numbers::percent;
use crate::programme::{self, Programme};
use crate::{actions, discussions, history, measurements, opinions};

/// `GET /`: progress of the whole programme and of each axis, actions by
/// status, and how progress moved.
pub fn home(req: &Request) -> Result<Response, Error> {
    let locale = req.locale();
    let p = Programme::load(true)?;
    let axes: Vec<Value> = p.axes.iter().map(|a| p.axis_summary(a, locale)).collect();
    let counts = p.status_counts(p.actions.iter());
    let by_status = BarChart::new(i18n::t("status-chart-caption"))
        .id("indicators-status-chart")
        .locale(locale)
        .headings(i18n::t("col-status"), i18n::t("col-actions"))
        .bars(Status::ALL.iter().zip(&counts).map(|(s, c)| {
            (
                i18n::t(&format!("status-{}", s.as_str())),
                c["count"].as_f64().unwrap_or(0.0),
            )
        }))
        .render();
    let (planned, spent) = Programme::budget(p.actions.iter());
    let history = history::chart(
        history::PROGRAMME,
        0,
        &i18n::t("history-programme-caption"),
        locale,
    )?;
    Ok(view("home.html")
        .title(i18n::t("portal-title"))
        .set("progress", p.overall_progress().map(percent))
        .set("axes", axes)
        .set("counts", counts)
        .set("action_count", p.actions.len())
        .set("indicator_count", p.indicators.len())
        .set("status_chart", by_status)
        .set("history", history)
        .set("budget_planned", programme::money(planned, locale))
        .set("budget_spent", programme::money(spent, locale))
        .set("has_budget", planned > 0.0 || spent > 0.0)
        .into())
}

/// `GET /axes/{id}`: an axis and its actions.
pub fn axis(req: &Request) -> Result<Response, Error> {
    let id = req.param_id("id")?;
    let locale = req.locale();
    let p = Programme::load(true)?;
    let axis = p
        .axis(id)
        .ok_or_else(|| Error::not_found(messages::NOT_FOUND))?;
    let history = history::chart(
        history::AXIS,
        id,
        &i18n::t_args("history-axis-caption", &[("title", &axis.title)]),
        locale,
    )?;
    Ok(view("axis.html")
        .title(&axis.title)
        .set("axis", p.axis_summary(axis, locale))
        .set("history", history)
        .crumb(i18n::t("portal-title"), req.url("/"))
        .into())
}

/// The public page of an action, also shown again with the errors of the
/// opinion form (`invalid`).
pub fn action_view(req: &Request, invalid: Option<&Error>) -> Result<View, Error> {
    let id = req.param_id("id")?;
    let locale = req.locale();
    let p = Programme::load(true)?;
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
    let history = history::chart(
        history::ACTION,
        id,
        &i18n::t_args("history-action-caption", &[("title", &action.title)]),
        locale,
    )?;
    let opinions = opinions::for_action(id, req.context().user())?;
    // The opinion form: as sent with its errors, or the person's own
    // opinion to change.
    let form = Form::new("indicators")
        .label("rating", "field-rating")
        .label("comment", "field-comment");
    let form = match (invalid, opinions.get("mine")) {
        (Some(e), _) => form.sent(req).errors(e),
        (None, Some(mine)) if !mine.is_null() => form.values(json!({
            "rating": mine["rating"],
            "comment": mine["comment"],
        })),
        (None, _) => form,
    };
    let mut page = view("action.html")
        .title(&action.title)
        .crumb(i18n::t("portal-title"), req.url("/"));
    if let Some(axis) = p.axis(action.axis_id) {
        page = page.crumb(axis.title.clone(), req.url(&format!("/axes/{}", axis.id())));
    }
    let next = req.url(&format!("/actions/{id}"));
    Ok(page
        .set("action", p.action_summary(action, locale))
        .set("commune_names", commune_names)
        .set("milestones", actions::milestones_json(id)?)
        .set("indicators", indicators)
        .set("history", history)
        .set("opinions", opinions)
        .set(
            "discussion",
            json!({
                "key": discussions::subject_key(id),
                "replies": discussions::latest(id)?,
            }),
        )
        .set("signed_in", req.context().user().is_some())
        .set(
            "login_url",
            format!("/login?next={}", estive_sdk::url::encode(&next)),
        )
        .form(form))
}

/// `GET /actions/{id}`.
pub fn action(req: &Request) -> Result<Response, Error> {
    Ok(action_view(req, None)?.into())
}

/// `GET /indicateurs`: every indicator with its latest public value,
/// by axis.
pub fn indicators(req: &Request) -> Result<Response, Error> {
    let locale = req.locale();
    let p = Programme::load(true)?;
    let mut groups: Vec<Value> = p
        .axes
        .iter()
        .map(|axis| {
            let list: Vec<Value> = p
                .indicators
                .iter()
                .filter(|i| {
                    i.action_id
                        .and_then(|a| p.action(a))
                        .is_some_and(|a| a.axis_id == axis.id())
                })
                .map(|i| p.indicator_summary(i, locale))
                .collect();
            json!({ "id": axis.id(), "title": axis.title, "indicators": list })
        })
        .filter(|g| g["indicators"].as_array().is_some_and(|l| !l.is_empty()))
        .collect();
    let others: Vec<Value> = p
        .indicators
        .iter()
        .filter(|i| {
            i.action_id
                .and_then(|a| p.action(a))
                .is_none_or(|a| p.axis(a.axis_id).is_none())
        })
        .map(|i| p.indicator_summary(i, locale))
        .collect();
    if !others.is_empty() {
        groups.push(json!({ "id": 0, "title": i18n::t("indicators-other"), "indicators": others }));
    }
    Ok(view("indicators.html")
        .title(i18n::t("indicators-title"))
        .set("groups", groups)
        .set("count", p.indicators.len())
        .crumb(i18n::t("portal-title"), req.url("/"))
        .into())
}

/// `GET /indicateurs/{id}`: an indicator, its chart with baseline and
/// target, its values, and the comparison between communes.
pub fn indicator(req: &Request) -> Result<Response, Error> {
    let id = req.param_id("id")?;
    let locale = req.locale();
    let p = Programme::load(true)?;
    let indicator = p
        .indicators
        .iter()
        .find(|i| i.id() == id)
        .ok_or_else(|| Error::not_found(messages::NOT_FOUND))?;
    let communes = communes::all();
    let series = measurements::series(indicator, true)?;
    let mut page = view("indicator.html")
        .title(&indicator.title)
        .crumb(i18n::t("portal-title"), req.url("/"))
        .crumb(i18n::t("indicators-title"), req.url("/indicateurs"));
    if let Some(action) = indicator.action_id.and_then(|a| p.action(a)) {
        page = page.crumb(
            action.title.clone(),
            req.url(&format!("/actions/{}", action.id())),
        );
    }
    Ok(page
        .set("indicator", p.indicator_summary(indicator, locale))
        .set(
            "rows",
            measurements::rows(indicator, &series, &communes, locale),
        )
        .set("trend", measurements::trend(indicator, &series))
        .set("chart", measurements::chart(indicator, &series, locale))
        .set(
            "comparison",
            measurements::comparison(indicator, &series, &communes, locale),
        )
        .into())
}
