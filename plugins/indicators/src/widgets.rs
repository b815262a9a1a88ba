//! Dashboard widgets: the programme's progress on the portal home, and
//! what needs doing in the extranet.

use estive_sdk::prelude::*;
use serde_json::Value;

use crate::feeds::IGNORED;
use crate::model::{Milestone, PENDING, today};
use crate::numbers::percent;
use crate::programme::{self, Programme};

/// Renders a widget declared in the manifest.
///
/// # Errors
///
/// When storage fails (the host leaves the widget out).
pub fn render(ctx: &Context, name: &str) -> Result<Option<View>, Error> {
    match name {
        "progress" => progress(ctx),
        "tasks" => tasks(ctx),
        _ => Ok(None),
    }
}

fn progress(ctx: &Context) -> Result<Option<View>, Error> {
    let p = Programme::load(true)?;
    if p.axes.is_empty() {
        return Ok(None);
    }
    let axes: Vec<Value> = p
        .axes
        .iter()
        .map(|a| {
            json!({
                "id": a.id(), "title": a.title,
                "progress": p.axis_progress(a.id()).map(percent),
                "actions": p.actions_of(a.id()).count(),
            })
        })
        .collect();
    Ok(Some(
        view("widget_progress.html")
            .set("progress", p.overall_progress().map(percent))
            .set("axes", axes)
            .set("counts", p.status_counts(p.actions.iter()))
            .set("base", ctx.base_path()),
    ))
}

fn tasks(ctx: &Context) -> Result<Option<View>, Error> {
    let p = Programme::load(false)?;
    let today = today();
    let due: Vec<Value> = p
        .indicators
        .iter()
        .filter(|i| programme::value_due(i, p.latest.get(&i.id()).copied(), today))
        .map(|i| json!({ "id": i.id(), "title": i.title, "latest": p.latest.get(&i.id()).map(|l| l.on) }))
        .collect();
    let late: Vec<Milestone> = db::select("milestones")
        .filter(is_null("done_on"))
        .filter(lt("due_on", today))
        .order_asc("due_on")
        .limit(100)
        .fetch()?;
    let late: Vec<Value> = late
        .iter()
        .map(|m| {
            json!({
                "title": m.title, "due_on": m.due_on, "action_id": m.action_id,
                "action_title": p.action(m.action_id).map(|a| a.title.as_str()),
            })
        })
        .collect();
    let pending = if ctx.has_permission("indicators.moderate") {
        Some(db::count("opinions").filter(eq("status", PENDING)).get()?)
    } else {
        None
    };
    let ignored = if ctx.has_permission("indicators.manage") {
        Some(
            db::count("received_events")
                .filter(eq("status", IGNORED))
                .get()?,
        )
    } else {
        None
    };
    Ok(Some(
        view("widget_tasks.html")
            .set("due", due)
            .set("late", late)
            .set("pending", pending)
            .set("ignored", ignored)
            .set("progress", p.overall_progress().map(percent))
            .set("can_measure", ctx.has_permission("indicators.measure"))
            .set("base", ctx.base_path()),
    ))
}
