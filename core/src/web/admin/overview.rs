//! The administration home: the site's enabled plugins, how many accounts
//! and groups it has, and the latest entries of its audit log; and the
//! theme's style guide (`/admin/theme`), for whoever adapts templates.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use serde_json::json;

use super::audit::entry_json;
use crate::package::manifest::Area;
use crate::platform::admin::AuditFilter;
use crate::web::AppState;
use crate::web::ctx::Ctx;
use crate::web::error::Result;
use crate::web::page::Page;

/// Audit entries shown on the overview.
const LATEST: u64 = 8;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin", get(overview))
        .route("/admin/", get(overview))
        .route("/admin/theme", get(theme))
}

async fn overview(State(state): State<AppState>, ctx: Ctx) -> Result<Response> {
    ctx.require_admin()?;
    let platform = &state.platform;
    let (users, groups) = platform.counts(ctx.site.id).await?;
    let (entries, _) = platform
        .audit_entries(ctx.site.id, &AuditFilter::default(), 1, LATEST)
        .await?;
    let installed = platform.installed_versions(None).await?;
    let plugins: Vec<_> = ctx
        .site
        .plugins
        .iter()
        .map(|p| {
            let m = &p.loaded.manifest;
            let newer = installed
                .iter()
                .any(|v| v.name == p.name && &v.version > p.loaded.version());
            json!({
                "name": p.name,
                "title": m.title.get(ctx.lang),
                "version": p.loaded.version().to_string(),
                "newer": newer,
                "url": format!("/admin/plugins/{}", p.name),
                "suspended": p.loaded.health.report().suspended_until.is_some(),
            })
        })
        .collect();
    let names: std::collections::BTreeSet<&str> =
        installed.iter().map(|v| v.name.as_str()).collect();
    Page::new(
        Area::Admin,
        ctx.t(&state, "admin-title"),
        "admin/overview.html",
        json!({
            "plugins": plugins,
            "installed_count": names.len(),
            "users_count": users,
            "groups_count": groups,
            "entries": entries.into_iter().map(|e| entry_json(&state, &ctx, e)).collect::<Vec<_>>(),
            "server_admin": ctx.user.as_ref().is_some_and(|u| u.server_admin),
        }),
    )
    .render(&state, &ctx)
}

async fn theme(State(state): State<AppState>, ctx: Ctx) -> Result<Response> {
    ctx.require_admin()?;
    super::page(
        &state,
        &ctx,
        ctx.t(&state, "admin-theme-title"),
        "styleguide.html",
        json!({}),
    )
    .render(&state, &ctx)
}
