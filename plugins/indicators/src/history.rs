//! The history of progress: the programme's, each axis's and each
//! action's progress on the days it changed, so that the public can see
//! how it moved.

use estive_sdk::dates::Date;
use estive_sdk::prelude::*;
use serde::Deserialize;

use crate::programme::Programme;

pub const PROGRAMME: &str = "programme";
pub const AXIS: &str = "axis";
pub const ACTION: &str = "action";

/// One recorded day.
#[derive(Clone, Debug, Deserialize)]
pub struct Point {
    pub recorded_on: Date,
    pub progress: f64,
}

/// Records today's progress of the given actions and axes, of the axes of
/// those actions, and of the programme. Called after every change that may
/// move progress; a later change on the same day overwrites the day.
///
/// A failure is logged, not returned: the change itself is already saved
/// and the next one records the day again.
pub fn record(actions: &[i64], axes: &[i64]) {
    if let Err(e) = try_record(actions, axes) {
        log::warn!("progress history not recorded: {e}");
    }
}

fn try_record(actions: &[i64], axes: &[i64]) -> Result<(), Error> {
    let programme = Programme::load(false)?;
    let today = programme.today;
    let mut tx = db::transaction();
    let mut axis_ids: Vec<i64> = axes.to_vec();
    for id in actions {
        let Some(action) = programme.action(*id) else {
            continue;
        };
        axis_ids.push(action.axis_id);
        if let Some(progress) = programme.action_progress(action) {
            point(&mut tx, ACTION, *id, today, progress);
        }
    }
    axis_ids.sort_unstable();
    axis_ids.dedup();
    for id in axis_ids {
        if let Some(progress) = programme.axis_progress(id) {
            point(&mut tx, AXIS, id, today, progress);
        }
    }
    if let Some(progress) = programme.overall_progress() {
        point(&mut tx, PROGRAMME, 0, today, progress);
    }
    tx.commit()?;
    Ok(())
}

fn point(tx: &mut db::Transaction, scope: &str, id: i64, on: Date, progress: f64) {
    tx.upsert(
        "history",
        &json!({ "scope": scope, "scope_id": id, "recorded_on": on, "progress": progress }),
        &["scope", "scope_id", "recorded_on"],
    );
}

/// The recorded days of a scope, oldest first.
pub fn of(scope: &str, id: i64) -> Result<Vec<Point>, Error> {
    db::select("history")
        .columns(&["recorded_on", "progress"])
        .filter(eq("scope", scope))
        .filter(eq("scope_id", id))
        .order_asc("recorded_on")
        .limit(5_000)
        .fetch()
}

/// A chart of a scope's progress history with the 100 % goal, or `None`
/// when nothing was recorded yet.
pub fn chart(
    scope: &str,
    id: i64,
    title: &str,
    locale: &str,
) -> Result<Option<serde_json::Value>, Error> {
    let points = of(scope, id)?;
    if points.is_empty() {
        return Ok(None);
    }
    let trend = estive_kit::trend::TrendChart::new(title)
        .id(format!("indicators-history-{scope}-{id}"))
        .locale(locale)
        .unit(if locale == "fr" { "\u{202f}%" } else { "%" })
        .date_heading(i18n::t("col-date"))
        .series(
            i18n::t("history-series"),
            points
                .iter()
                .map(|p| (p.recorded_on, (p.progress * 1000.0).round() / 10.0)),
        )
        .target(i18n::t("history-goal"), 100.0, None);
    Ok(Some(json!({
        "chart": trend.render(),
        "references": trend.reference_rows(),
    })))
}
