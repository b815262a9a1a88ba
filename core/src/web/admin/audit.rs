//! The audit log of the site: newest first, a page at a time, filtered by
//! plugin (or the host's own entries) and by person.

use axum::Router;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::db::entities::audit_entry;
use crate::platform::admin::{AuditFilter, AuditSource};
use crate::web::AppState;
use crate::web::ctx::Ctx;
use crate::web::error::Result;

/// Entries per page.
const PER_PAGE: u64 = 50;

pub fn routes() -> Router<AppState> {
    Router::new().route("/admin/audit", get(audit_log))
}

#[derive(Deserialize, Default)]
struct AuditQuery {
    #[serde(default)]
    plugin: String,
    #[serde(default)]
    user: String,
    #[serde(default)]
    page: String,
}

/// An audit entry for templates; the host's own actions are translated
/// (`admin-action-<action>`), a plugin's are shown as it wrote them.
pub fn entry_json(state: &AppState, ctx: &Ctx, e: audit_entry::Model) -> Value {
    let catalogue = state.render.host_catalogue();
    let key = format!("admin-action-{}", e.action.replace('.', "-"));
    let action = if e.plugin.is_none() && catalogue.has(&key) {
        catalogue.t(ctx.lang, &key)
    } else {
        e.action.clone()
    };
    let plugin_title = e.plugin.as_ref().map(|p| {
        ctx.site.plugin(p).map_or_else(
            || p.clone(),
            |sp| sp.loaded.manifest.title.get(ctx.lang).to_string(),
        )
    });
    // Details are JSON written by the host or a plugin: shown compact, as
    // text (escaped by the template).
    let details = serde_json::from_str::<Value>(&e.details)
        .ok()
        .filter(|v| !(v.is_null() || v.as_object().is_some_and(serde_json::Map::is_empty)))
        .map(|v| v.to_string());
    json!({
        "id": e.id,
        "at": e.at.to_rfc3339(),
        "actor": e.actor,
        "user_id": e.user_id,
        "plugin": e.plugin,
        "plugin_title": plugin_title,
        "action": action,
        "action_code": e.action,
        "subject": e.subject,
        "details": details,
    })
}

fn page_link(plugin: &str, user: &str, page: u64) -> String {
    let mut q: Vec<(&str, String)> = Vec::new();
    if !plugin.is_empty() {
        q.push(("plugin", plugin.to_string()));
    }
    if !user.is_empty() {
        q.push(("user", user.to_string()));
    }
    q.push(("page", page.to_string()));
    format!(
        "/admin/audit?{}",
        serde_urlencoded::to_string(q).unwrap_or_default()
    )
}

async fn audit_log(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<AuditQuery>,
) -> Result<Response> {
    ctx.require_admin()?;
    let platform = &state.platform;
    let filter = AuditFilter {
        plugin: match q.plugin.as_str() {
            "" => None,
            "host" => Some(AuditSource::Host),
            p => Some(AuditSource::Plugin(p.to_string())),
        },
        user_id: q.user.parse().ok(),
    };
    let page = q.page.parse::<u64>().unwrap_or(1).max(1);
    let (entries, total) = platform
        .audit_entries(ctx.site.id, &filter, page, PER_PAGE)
        .await?;
    let pages = total.div_ceil(PER_PAGE).max(1);
    let plugins: Vec<Value> = platform
        .audit_plugins(ctx.site.id)
        .await?
        .into_iter()
        .map(|p| {
            let title = ctx.site.plugin(&p).map_or_else(
                || p.clone(),
                |sp| sp.loaded.manifest.title.get(ctx.lang).to_string(),
            );
            json!({ "name": p, "title": title })
        })
        .collect();
    let people: Vec<Value> = platform
        .accounts(ctx.site.id)
        .await?
        .into_iter()
        .map(|a| json!({ "id": a.id.to_string(), "label": format!("{} ({})", a.name, a.username) }))
        .collect();
    let user_param = filter.user_id.map(|u| u.to_string()).unwrap_or_default();
    // A window of page numbers around the current one.
    let numbers: Vec<Value> = (1..=pages)
        .filter(|n| *n == 1 || *n == pages || n.abs_diff(page) <= 2)
        .map(|n| json!({ "number": n, "url": page_link(&q.plugin, &user_param, n), "current": n == page }))
        .collect();
    let mut with_gaps = Vec::new();
    let mut last = 0;
    for n in numbers {
        let current = n["number"].as_u64().unwrap_or(0);
        if current > last + 1 {
            with_gaps.push(json!({ "gap": true }));
        }
        last = current;
        with_gaps.push(n);
    }
    super::page(
        &state,
        &ctx,
        ctx.t(&state, "admin-audit-title"),
        "admin/audit.html",
        json!({
            "entries": entries.into_iter().map(|e| entry_json(&state, &ctx, e)).collect::<Vec<_>>(),
            "total": total,
            "page": page,
            "pages": pages,
            "numbers": with_gaps,
            "previous": (page > 1).then(|| page_link(&q.plugin, &user_param, page - 1)),
            "next": (page < pages).then(|| page_link(&q.plugin, &user_param, page + 1)),
            "plugins": plugins,
            "people": people,
            "plugin": q.plugin,
            "user": user_param,
        }),
    )
    .render(&state, &ctx)
}
