//! The portal's host pages: home, legal notice, personal data,
//! accessibility statement and the site map.

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use serde_json::json;

use super::AppState;
use super::ctx::Ctx;
use super::error::Result;
use super::page::{Page, may_use};
use super::plugin::widgets;
use crate::package::manifest::Area;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/mentions-legales", get(legal))
        .route("/donnees-personnelles", get(privacy))
        .route("/accessibilite", get(accessibility))
        .route("/plan-du-site", get(site_map))
}

/// Markdown from the site's own text, rendered and sanitised.
pub fn markdown(text: &str) -> String {
    let parser = pulldown_cmark::Parser::new_ext(text, pulldown_cmark::Options::ENABLE_TABLES);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, parser);
    ammonia::clean(&html)
}

async fn home(State(state): State<AppState>, ctx: Ctx) -> Result<Response> {
    let widgets = widgets(&state, &ctx, Area::Portal).await;
    let services: Vec<_> = ctx
        .site
        .plugins
        .iter()
        .filter(|p| p.loaded.manifest.routes.iter().any(|r| r.area == Area::Portal && r.path == "/" && r.permission.is_none()))
        .map(|p| {
            let m = &p.loaded.manifest;
            json!({ "title": m.title.get(ctx.lang), "description": m.description.get(ctx.lang), "url": format!("{}/", p.mount(Area::Portal)) })
        })
        .collect();
    let title = ctx.site.config.name.clone();
    Page::new(
        Area::Portal,
        title,
        "home.html",
        json!({ "home_html": markdown(&ctx.site.config.home), "widgets": widgets, "services": services }),
    )
    .render(&state, &ctx)
}

async fn legal(State(state): State<AppState>, ctx: Ctx) -> Result<Response> {
    let c = &ctx.site.config;
    let contact: Vec<&str> = [
        c.contact.address.as_str(),
        c.contact.email.as_str(),
        c.contact.phone.as_str(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    let facts = vec![
        json!({"label": ctx.t(&state, "legal-publisher"), "value": c.name}),
        json!({"label": ctx.t(&state, "legal-contact"), "value": contact.join(" · ")}),
        json!({"label": ctx.t(&state, "legal-software"), "value": "Estive"}),
    ];
    text(&state, &ctx, "legal-title", &c.legal_notice, facts).await
}

async fn privacy(State(state): State<AppState>, ctx: Ctx) -> Result<Response> {
    let c = &ctx.site.config;
    let mut body = ctx.t(&state, "privacy-body");
    body.push_str("\n\n");
    let dpo = if c.dpo.email.is_empty() {
        c.contact.email.clone()
    } else {
        c.dpo.email.clone()
    };
    let facts = vec![
        json!({"label": ctx.t(&state, "privacy-controller"), "value": c.name}),
        json!({"label": ctx.t(&state, "privacy-dpo"), "value": format!("{} {}", c.dpo.name, dpo).trim()}),
        json!({"label": ctx.t(&state, "privacy-cookies"), "value": ctx.t(&state, "privacy-cookies-text")}),
    ];
    text(&state, &ctx, "privacy-title", &body, facts).await
}

async fn accessibility(State(state): State<AppState>, ctx: Ctx) -> Result<Response> {
    let c = &ctx.site.config;
    let facts = vec![
        json!({"label": ctx.t(&state, "accessibility-level"), "value": c.accessibility}),
        json!({"label": ctx.t(&state, "accessibility-standard"), "value": "RGAA 4.1"}),
        json!({"label": ctx.t(&state, "accessibility-contact"), "value": c.contact.email}),
    ];
    let body = if c.accessibility_statement.is_empty() {
        ctx.t(&state, "accessibility-default")
    } else {
        c.accessibility_statement.clone()
    };
    text(&state, &ctx, "accessibility-title", &body, facts).await
}

async fn text(
    state: &AppState,
    ctx: &Ctx,
    title_key: &str,
    body: &str,
    facts: Vec<serde_json::Value>,
) -> Result<Response> {
    Page::new(
        Area::Portal,
        ctx.t(state, title_key),
        "text_page.html",
        json!({ "body_html": markdown(body), "facts": facts }),
    )
    .render(state, ctx)
}

async fn site_map(State(state): State<AppState>, ctx: Ctx) -> Result<Response> {
    let mut sections = vec![json!({
        "title": ctx.site.config.name,
        "links": [
            {"title": ctx.t(&state, "nav-home"), "url": "/"},
            {"title": ctx.t(&state, "legal-title"), "url": "/mentions-legales"},
            {"title": ctx.t(&state, "privacy-title"), "url": "/donnees-personnelles"},
            {"title": ctx.t(&state, "accessibility-title"), "url": "/accessibilite"},
        ],
    })];
    for p in &ctx.site.plugins {
        let m = &p.loaded.manifest;
        let links: Vec<_> = m
            .navigation
            .iter()
            .filter_map(|n| {
                let r = m.route(&n.route)?;
                (r.area == Area::Portal && may_use(&ctx, p, Area::Portal, r.permission.as_deref())).then(|| {
                    json!({"title": n.title.get(ctx.lang), "url": if r.path == "/" { format!("{}/", p.mount(Area::Portal)) } else { format!("{}{}", p.mount(Area::Portal), r.path) }})
                })
            })
            .collect();
        if !links.is_empty() {
            sections.push(json!({"title": m.title.get(ctx.lang), "links": links}));
        }
    }
    Page::new(
        Area::Portal,
        ctx.t(&state, "sitemap-title"),
        "site_map.html",
        json!({ "sections": sections }),
    )
    .render(&state, &ctx)
}
