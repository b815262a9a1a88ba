//! The extranet's dashboard: the widgets of the enabled plugins the user
//! may see.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use serde_json::json;

use super::AppState;
use super::ctx::Ctx;
use super::error::{Error, Result};
use super::page::Page;
use super::plugin::widgets;
use crate::package::manifest::Area;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/extranet", get(dashboard))
        .route("/extranet/", get(dashboard))
}

async fn dashboard(State(state): State<AppState>, ctx: Ctx) -> Result<Response> {
    let user = ctx.require_user()?;
    if !user.is_member() {
        return Err(Error::Forbidden(Some("error-extranet-members".into())));
    }
    let widgets: Vec<_> = widgets(&state, &ctx, Area::Extranet)
        .await
        .into_iter()
        .map(|w| json!({"title": w.title, "body": w.body, "more_url": w.more_url, "id": format!("{}-{}", w.plugin, w.name)}))
        .collect();
    Page::new(
        Area::Extranet,
        ctx.t(&state, "dashboard-title"),
        "dashboard.html",
        json!({ "widgets": widgets, "intro": ctx.t(&state, "dashboard-intro") }),
    )
    .render(&state, &ctx)
}
