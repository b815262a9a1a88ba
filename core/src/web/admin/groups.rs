//! Working groups ("Commission environnement"): create, rename, describe,
//! add and remove members. Plugins restrict content to a group by its slug,
//! which therefore never changes once the group exists.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use serde_json::json;

use super::{
    Errors, Form, admin_post, audit, done, errors_json, field, page_status, slugify, summary,
    title_with_errors,
};
use crate::sites::config::is_slug;
use crate::web::AppState;
use crate::web::ctx::Ctx;
use crate::web::error::{Error, Result};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/groups", get(list).post(create))
        .route("/admin/groups/{id}", get(edit).post(update))
        .route("/admin/groups/{id}/members", post(add_member))
        .route(
            "/admin/groups/{id}/members/{user}/remove",
            post(remove_member),
        )
}

const FIELDS: [&str; 3] = ["name", "slug", "description"];

fn group_id(id: &str) -> Result<i64> {
    id.parse().map_err(|_| Error::NotFound(None))
}

/// Check a group's name and description.
fn check(form: &Form, errors: &mut Errors) {
    let name = field(form, "name").trim();
    if name.is_empty() {
        errors.insert("name".into(), "field-required".into());
    } else if name.chars().count() > 120 {
        errors.insert("name".into(), "field-too-long".into());
    }
    if field(form, "description").chars().count() > 2000 {
        errors.insert("description".into(), "field-too-long".into());
    }
}

async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response> {
    ctx.require_admin()?;
    list_page(&state, &ctx, &Form::new(), &Errors::new()).await
}

async fn list_page(state: &AppState, ctx: &Ctx, form: &Form, errors: &Errors) -> Result<Response> {
    let groups: Vec<_> = state
        .platform
        .groups(ctx.site.id)
        .await?
        .into_iter()
        .map(|g| json!({ "id": g.id, "slug": g.slug, "name": g.name, "description": g.description, "members": g.members.len(), "url": format!("/admin/groups/{}", g.id) }))
        .collect();
    let title = title_with_errors(state, ctx, ctx.t(state, "admin-groups-title"), errors.len());
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    page_status(
        state,
        ctx,
        title,
        "admin/groups.html",
        json!({
            "groups": groups,
            "values": { "name": field(form, "name"), "slug": field(form, "slug"), "description": field(form, "description") },
            "errors": errors_json(state, ctx, errors),
            "summary": summary(state, ctx, errors, &FIELDS, "admin-group-"),
        }),
        status,
    )
    .render(state, ctx)
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    let admin = admin_post(&ctx, &form)?.clone();
    let mut errors = Errors::new();
    check(&form, &mut errors);
    let typed = field(&form, "slug").trim().to_lowercase();
    let slug = if typed.is_empty() {
        slugify(field(&form, "name"))
    } else {
        typed
    };
    if !errors.contains_key("name") && !is_slug(&slug) {
        errors.insert("slug".into(), "admin-group-slug-invalid".into());
    } else if state
        .platform
        .groups(ctx.site.id)
        .await?
        .iter()
        .any(|g| g.slug == slug)
    {
        errors.insert("slug".into(), "admin-group-slug-taken".into());
    }
    if !errors.is_empty() {
        return list_page(&state, &ctx, &form, &errors).await;
    }
    let name = field(&form, "name").trim();
    let description = field(&form, "description").trim();
    let id = state
        .platform
        .create_group(ctx.site.id, &slug, name, description)
        .await?;
    audit(
        &state,
        &ctx,
        &admin,
        "group.create",
        &format!("group:{slug}"),
        json!({ "name": name }),
    )
    .await?;
    Ok(done(
        &state,
        &ctx,
        &format!("/admin/groups/{id}"),
        "admin-group-created",
        &[("name", name.to_string())],
    ))
}

async fn edit(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response> {
    ctx.require_admin()?;
    edit_page(&state, &ctx, group_id(&id)?, None).await
}

async fn edit_page(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    refused: Option<(&Form, &Errors)>,
) -> Result<Response> {
    let group = state
        .platform
        .group(ctx.site.id, id)
        .await?
        .ok_or(Error::NotFound(None))?;
    let candidates: Vec<_> = state
        .platform
        .accounts(ctx.site.id)
        .await?
        .into_iter()
        .filter(|a| a.active && !group.members.iter().any(|m| m.id == a.id))
        .map(|a| json!({ "id": a.id, "label": format!("{} ({})", a.name, a.username) }))
        .collect();
    let errors = refused.map(|(_, e)| e.clone()).unwrap_or_default();
    let (name, description) = match refused {
        Some((form, _)) => (
            field(form, "name").to_string(),
            field(form, "description").to_string(),
        ),
        None => (group.name.clone(), group.description.clone()),
    };
    let title = title_with_errors(state, ctx, group.name.clone(), errors.len());
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    page_status(
        state,
        ctx,
        title,
        "admin/group.html",
        json!({
            "group": group,
            "values": { "name": name, "description": description },
            "candidates": candidates,
            "errors": errors_json(state, ctx, &errors),
            "summary": summary(state, ctx, &errors, &FIELDS, "admin-group-"),
        }),
        status,
    )
    .crumb(ctx.t(state, "admin-groups-title"), "/admin/groups")
    .render(state, ctx)
}

async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    let admin = admin_post(&ctx, &form)?.clone();
    let id = group_id(&id)?;
    let group = state
        .platform
        .group(ctx.site.id, id)
        .await?
        .ok_or(Error::NotFound(None))?;
    let mut errors = Errors::new();
    check(&form, &mut errors);
    if !errors.is_empty() {
        return edit_page(&state, &ctx, id, Some((&form, &errors))).await;
    }
    let name = field(&form, "name").trim();
    let description = field(&form, "description").trim();
    state
        .platform
        .update_group(ctx.site.id, id, name, description)
        .await?;
    audit(
        &state,
        &ctx,
        &admin,
        "group.update",
        &format!("group:{}", group.slug),
        json!({ "name": name, "previous_name": group.name }),
    )
    .await?;
    Ok(done(
        &state,
        &ctx,
        &format!("/admin/groups/{id}"),
        "admin-group-saved",
        &[("name", name.to_string())],
    ))
}

async fn add_member(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    let admin = admin_post(&ctx, &form)?.clone();
    let id = group_id(&id)?;
    let group = state
        .platform
        .group(ctx.site.id, id)
        .await?
        .ok_or(Error::NotFound(None))?;
    let account = match field(&form, "user_id").parse::<i64>() {
        Ok(u) => state.platform.account(ctx.site.id, u).await?,
        Err(_) => None,
    };
    let Some(account) = account else {
        let errors = Errors::from([("user_id".to_string(), "admin-member-choose".to_string())]);
        return edit_page(&state, &ctx, id, Some((&form, &errors))).await;
    };
    state
        .platform
        .add_member(ctx.site.id, id, account.id)
        .await?;
    audit(
        &state,
        &ctx,
        &admin,
        "group.member-add",
        &format!("group:{}", group.slug),
        json!({ "user": account.username }),
    )
    .await?;
    Ok(done(
        &state,
        &ctx,
        &format!("/admin/groups/{id}"),
        "admin-member-added",
        &[("name", account.name), ("group", group.name)],
    ))
}

async fn remove_member(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, user)): Path<(String, String)>,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    let admin = admin_post(&ctx, &form)?.clone();
    let id = group_id(&id)?;
    let group = state
        .platform
        .group(ctx.site.id, id)
        .await?
        .ok_or(Error::NotFound(None))?;
    let member = group
        .members
        .iter()
        .find(|m| user.parse::<i64>().is_ok_and(|u| u == m.id))
        .cloned()
        .ok_or(Error::NotFound(None))?;
    state
        .platform
        .remove_member(ctx.site.id, id, member.id)
        .await?;
    audit(
        &state,
        &ctx,
        &admin,
        "group.member-remove",
        &format!("group:{}", group.slug),
        json!({ "user": member.username }),
    )
    .await?;
    Ok(done(
        &state,
        &ctx,
        &format!("/admin/groups/{id}"),
        "admin-member-removed",
        &[("name", member.name), ("group", group.name)],
    ))
}
