//! The extranet: the import's progress and reports, the button that
//! starts or carries on an import, and the widget of the dashboard.

use estive_sdk::prelude::*;
use serde_json::Value;

use crate::import::{self, Outcome, Trigger};
use crate::store::{self, Import};

/// An import as the pages show it.
pub fn import_view(imp: &Import) -> Value {
    let percent = if imp.files_total > 0 {
        (imp.files_done * 100 / imp.files_total).min(100)
    } else {
        0
    };
    let mut unknown: Vec<(&String, &u64)> = imp.unknown.iter().collect();
    unknown.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let counts = |k: &str| imp.counts.get(k).copied().unwrap_or(0);
    json!({
        "id": imp.id,
        "status": imp.status,
        "trigger": imp.trigger,
        "started_at": imp.started_at,
        "finished_at": imp.finished_at,
        "started_by": imp.started_by,
        "source_kind": imp.source_kind,
        "sources": imp.sources.iter().map(|s| s.label().to_owned()).collect::<Vec<_>>(),
        "batch": imp.batch,
        "files_total": imp.files_total,
        "files_done": imp.files_done.min(imp.files_total.max(imp.files_done)),
        "percent": percent,
        "counts": {
            "sheets": counts("F"),
            "nodes": counts("N"),
            "resources": counts("R"),
            "trees": counts("trees"),
            "other": counts("other"),
            "duplicates": counts("duplicates"),
        },
        "unknown": unknown.into_iter().map(|(name, n)| json!({ "name": name, "count": n })).collect::<Vec<_>>(),
        "unknown_total": imp.unknown.values().sum::<u64>(),
        "pivots": imp.pivots.iter().map(|(p, n)| json!({ "pivot": p, "count": n })).collect::<Vec<_>>(),
        "errors": imp.errors,
        "errors_total": imp.errors_total,
        "warnings": imp.warnings,
        "warnings_total": imp.warnings_total,
        "outcome": imp.outcome,
    })
}

fn running() -> Result<Option<Import>, Error> {
    let state = store::state()?;
    match state.running_import {
        Some(id) => db::select("imports")
            .filter(eq("id", id))
            .filter(eq("status", "running"))
            .first(),
        None => Ok(None),
    }
}

fn current() -> Result<Option<Import>, Error> {
    match store::current_import()? {
        Some(id) => db::select("imports").filter(eq("id", id)).first(),
        None => Ok(None),
    }
}

/// `/extranet/demarches/` — where things stand, and the way to each tool.
pub fn home(req: &Request) -> Result<Response, Error> {
    let manage = req.has_permission("comarquage.manage");
    let edit = req.has_permission("comarquage.edit");
    let current = current()?;
    let last: Option<Import> = db::select("imports").order_desc("id").first()?;
    let offices = db::count("offices").get()?;
    let locals = db::count("local_sheets").get()?;
    let additions = db::count("additions").get()?;
    Ok(view("x_home.html")
        .title(i18n::t("x-home-title"))
        .with(json!({
            "manage": manage,
            "edit": edit,
            "current": current.as_ref().map(import_view),
            "last": last.as_ref().map(import_view),
            "running": running()?.as_ref().map(import_view),
            "offices": offices,
            "locals": locals,
            "additions": additions,
            "portal": req.mount("portal"),
        }))
        .into())
}

/// `/extranet/demarches/imports` — the reports, newest first, and the
/// button.
pub fn list(req: &Request) -> Result<Response, Error> {
    let imports: Vec<Import> = db::select("imports").order_desc("id").limit(60).fetch()?;
    let current = store::current_import()?;
    let imports: Vec<Value> = imports
        .iter()
        .map(|i| {
            let mut v = import_view(i);
            v["current"] = json!(Some(i.id()) == current);
            v
        })
        .collect();
    let settings: import::Settings = config::settings()?;
    Ok(view("imports.html")
        .title(i18n::t("imports-title"))
        .crumb(i18n::t("x-home-title"), req.url("/"))
        .with(json!({
            "imports": imports,
            "running": running()?.as_ref().map(import_view),
            "source": settings.source,
            "entries": settings.entries,
            "urls": settings.urls,
        }))
        .into())
}

/// `POST /extranet/demarches/imports/lancer` — starts an import (or
/// carries on the running one) and reads files for a few seconds; the
/// schedule does the rest.
pub fn run(req: &Request) -> Result<Response, Error> {
    let user = req.require_permission("comarquage.manage")?;
    let outcome = import::run(Trigger::Manual, Some(user), import::REQUEST_BUDGET)?;
    let (id, notice) = match outcome {
        Outcome::Busy => (None, "import-notice-busy"),
        Outcome::Idle => (None, "import-notice-idle"),
        Outcome::Paused(id) => (Some(id), "import-notice-paused"),
        Outcome::Finished(id) => {
            let imp: Import = db::select("imports").filter(eq("id", id)).one()?;
            let notice = match imp.status.as_str() {
                "done" => "import-notice-done",
                "unchanged" => "import-notice-unchanged",
                _ => "import-notice-failed",
            };
            (Some(id), notice)
        }
    };
    let to = match id {
        Some(id) => req.url(&format!("/imports/{id}")),
        None => req.url("/imports"),
    };
    Ok(redirect(to).notice(notice).into())
}

/// `/extranet/demarches/imports/{id}` — one import's report, or its
/// progress while it runs.
pub fn show(req: &Request) -> Result<Response, Error> {
    let id = req.param_id("id")?;
    let imp: Import = db::select("imports").filter(eq("id", id)).one()?;
    let current = store::current_import()?;
    Ok(view("import.html")
        .title(i18n::t_args("import-title", &[("id", &id.to_string())]))
        .crumb(i18n::t("x-home-title"), req.url("/"))
        .crumb(i18n::t("imports-title"), req.url("/imports"))
        .with(json!({
            "imp": import_view(&imp),
            "is_current": current == Some(id),
        }))
        .into())
}

/// The extranet widget: the current import and the last attempt.
pub fn widget(ctx: &Context) -> Result<Option<View>, Error> {
    let current = match store::current_import()? {
        Some(id) => db::select("imports")
            .filter(eq("id", id))
            .first::<Import>()?,
        None => None,
    };
    let last: Option<Import> = db::select("imports").order_desc("id").first()?;
    let base = ctx.mount("extranet").unwrap_or_default().to_owned();
    Ok(Some(view("widget_status.html").with(json!({
        "current": current.as_ref().map(import_view),
        "last": last.as_ref().map(import_view),
        "base": base,
    }))))
}
