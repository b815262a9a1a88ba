//! The permission matrix: each permission of the enabled plugins (rows,
//! grouped by plugin) × each role of the site (columns), with the
//! manifests' defaults marked. Saving replaces the site's mapping for those
//! permissions; the defaults can be restored in one step.

use std::collections::BTreeSet;

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use serde_json::json;

use super::{Form, admin_post, all, audit, done, page, roles_json, site_roles};
use crate::platform::admin::PermissionRow;
use crate::web::AppState;
use crate::web::ctx::Ctx;
use crate::web::error::{Error, Result};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/permissions", get(matrix).post(save))
        .route("/admin/permissions/defaults", post(restore_defaults))
}

/// Every permission of the site's enabled plugins.
fn rows(ctx: &Ctx) -> Vec<PermissionRow> {
    ctx.site
        .plugins
        .iter()
        .flat_map(|p| {
            p.loaded
                .manifest
                .permissions
                .iter()
                .map(|perm| PermissionRow {
                    plugin: p.name.clone(),
                    permission: perm.name.clone(),
                })
        })
        .collect()
}

/// The mapping as (permission, role) pairs.
fn current(ctx: &Ctx) -> BTreeSet<(String, String)> {
    ctx.site
        .permission_roles
        .iter()
        .flat_map(|(p, roles)| roles.iter().map(move |r| (p.clone(), r.clone())))
        .collect()
}

async fn matrix(State(state): State<AppState>, ctx: Ctx) -> Result<Response> {
    ctx.require_admin()?;
    let roles = site_roles(&state, &ctx);
    let held = current(&ctx);
    let plugins: Vec<_> = ctx
        .site
        .plugins
        .iter()
        .filter(|p| !p.loaded.manifest.permissions.is_empty())
        .map(|p| {
            let m = &p.loaded.manifest;
            json!({
                "name": p.name,
                "title": m.title.get(ctx.lang),
                "permissions": m.permissions.iter().enumerate().map(|(i, perm)| json!({
                    "name": perm.name,
                    "title": perm.title.get(ctx.lang),
                    "id": format!("admin-perm-{}-{i}", p.name),
                    "cells": roles.iter().map(|(role, role_title)| json!({
                        "role": role,
                        "role_title": role_title,
                        "value": format!("{}:{role}", perm.name),
                        "checked": held.contains(&(perm.name.clone(), role.clone())),
                        "default": perm.roles.contains(role),
                    })).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    page(
        &state,
        &ctx,
        ctx.t(&state, "admin-permissions-title"),
        "admin/permissions.html",
        json!({ "roles": roles_json(&roles), "plugins": plugins }),
    )
    .render(&state, &ctx)
}

async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    let admin = admin_post(&ctx, &form)?.clone();
    let permissions = rows(&ctx);
    let roles = site_roles(&state, &ctx);
    let mut held = BTreeSet::new();
    for value in all(&form, "grant") {
        let (permission, role) = value
            .rsplit_once(':')
            .ok_or_else(|| Error::BadRequest("error-form-malformed".into()))?;
        // Only a forged form names a permission or a role the page did not
        // offer.
        if !permissions.iter().any(|p| p.permission == permission)
            || !roles.iter().any(|(r, _)| r == role)
        {
            return Err(Error::BadRequest("error-form-malformed".into()));
        }
        held.insert((permission.to_string(), role.to_string()));
    }
    let before = current(&ctx);
    let shown: BTreeSet<&str> = permissions.iter().map(|p| p.permission.as_str()).collect();
    let before: BTreeSet<(String, String)> = before
        .into_iter()
        .filter(|(p, _)| shown.contains(p.as_str()))
        .collect();
    let added: Vec<String> = held
        .difference(&before)
        .map(|(p, r)| format!("{p}:{r}"))
        .collect();
    let removed: Vec<String> = before
        .difference(&held)
        .map(|(p, r)| format!("{p}:{r}"))
        .collect();
    let pairs: Vec<(String, String)> = held.into_iter().collect();
    state
        .platform
        .save_permission_roles(ctx.site.id, &permissions, &pairs)
        .await?;
    audit(
        &state,
        &ctx,
        &admin,
        "permissions.save",
        "permissions",
        json!({ "added": added, "removed": removed }),
    )
    .await?;
    Ok(done(
        &state,
        &ctx,
        "/admin/permissions",
        "admin-permissions-saved",
        &[],
    ))
}

async fn restore_defaults(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    let admin = admin_post(&ctx, &form)?.clone();
    let permissions = rows(&ctx);
    let defaults: Vec<(String, String)> = ctx
        .site
        .plugins
        .iter()
        .flat_map(|p| {
            p.loaded
                .manifest
                .default_grants()
                .map(|(perm, role)| (perm.to_string(), role.to_string()))
                .collect::<Vec<_>>()
        })
        .collect();
    state
        .platform
        .save_permission_roles(ctx.site.id, &permissions, &defaults)
        .await?;
    audit(
        &state,
        &ctx,
        &admin,
        "permissions.defaults",
        "permissions",
        json!({}),
    )
    .await?;
    Ok(done(
        &state,
        &ctx,
        "/admin/permissions",
        "admin-permissions-restored",
        &[],
    ))
}
