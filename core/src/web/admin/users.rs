//! Accounts of the site: the list with roles and groups, creating an
//! account (with a typed password, or a temporary one shown once), changing
//! roles, deactivating (which ends the account's sessions) and
//! reactivating. Password hashes never leave the database.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use serde_json::json;

use super::{
    Errors, Form, admin_post, all, audit, done, errors_json, field, page, page_status, role_title,
    roles_json, site_roles, summary, title_with_errors, valid_email,
};
use crate::identity::{passwords, users};
use crate::web::AppState;
use crate::web::ctx::Ctx;
use crate::web::error::{Error, Result};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/users", get(list))
        .route("/admin/users/new", get(new_form).post(create))
        .route("/admin/users/{id}", get(edit))
        .route("/admin/users/{id}/roles", post(save_roles))
        .route("/admin/users/{id}/deactivate", post(deactivate))
        .route("/admin/users/{id}/reactivate", post(reactivate))
        .route("/admin/users/{id}/second-factor", post(reset_second_factor))
}

/// Fields of the creation form, in page order.
const NEW_FIELDS: [&str; 5] = ["username", "name", "email", "roles", "password"];

async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response> {
    ctx.require_admin()?;
    let roles = site_roles(&state, &ctx);
    let accounts: Vec<_> = state
        .platform
        .accounts(ctx.site.id)
        .await?
        .into_iter()
        .map(|a| {
            json!({
                "id": a.id,
                "username": a.username,
                "name": a.name,
                "email": a.email,
                "active": a.active,
                "roles": a.roles.iter().map(|r| role_title(&roles, r)).collect::<Vec<_>>(),
                "groups": a.groups,
                "last_login_at": a.last_login_at.map(|t| t.to_rfc3339()),
                "url": format!("/admin/users/{}", a.id),
            })
        })
        .collect();
    page(
        &state,
        &ctx,
        ctx.t(&state, "admin-users-title"),
        "admin/users.html",
        json!({ "accounts": accounts }),
    )
    .render(&state, &ctx)
}

fn new_page(state: &AppState, ctx: &Ctx, form: &Form, errors: &Errors) -> Result<Response> {
    let title = title_with_errors(
        state,
        ctx,
        ctx.t(state, "admin-user-new-title"),
        errors.len(),
    );
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let chosen = if form.is_empty() {
        vec!["citizen"]
    } else {
        all(form, "roles")
    };
    page_status(
        state,
        ctx,
        title,
        "admin/user_new.html",
        json!({
            "values": { "username": field(form, "username"), "name": field(form, "name"), "email": field(form, "email") },
            "roles": roles_json(&site_roles(state, ctx)),
            "chosen": chosen,
            "errors": errors_json(state, ctx, errors),
            "summary": summary(state, ctx, errors, &NEW_FIELDS, "admin-user-"),
        }),
        status,
    )
    .crumb(ctx.t(state, "admin-users-title"), "/admin/users")
    .render(state, ctx)
}

async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response> {
    ctx.require_admin()?;
    new_page(&state, &ctx, &Form::new(), &Errors::new())
}

/// The roles chosen in a form, if every one exists on the site.
fn chosen_roles(state: &AppState, ctx: &Ctx, form: &Form) -> Option<Vec<String>> {
    let known = site_roles(state, ctx);
    let mut chosen: Vec<String> = all(form, "roles").into_iter().map(str::to_string).collect();
    chosen.sort();
    chosen.dedup();
    (!chosen.is_empty() && chosen.iter().all(|r| known.iter().any(|(n, _)| n == r)))
        .then_some(chosen)
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    let admin = admin_post(&ctx, &form)?.clone();
    let db = &state.platform.db;
    let username = field(&form, "username").trim().to_lowercase();
    let name = field(&form, "name").trim().to_string();
    let email = field(&form, "email").trim().to_lowercase();
    let typed = field(&form, "password").to_string();
    let mut errors = Errors::new();
    if !users::valid_username(&username) {
        errors.insert("username".into(), "admin-username-invalid".into());
    } else if users::find_by_username(db, ctx.site.id, &username)
        .await?
        .is_some()
    {
        errors.insert("username".into(), "admin-username-taken".into());
    }
    if name.is_empty() {
        errors.insert("name".into(), "field-required".into());
    } else if name.chars().count() > 120 {
        errors.insert("name".into(), "field-too-long".into());
    }
    if !email.is_empty() {
        if !valid_email(&email) {
            errors.insert("email".into(), "field-invalid-email".into());
        } else if users::find_by_email(db, ctx.site.id, &email)
            .await?
            .is_some()
        {
            errors.insert("email".into(), "admin-email-taken".into());
        }
    }
    let roles = chosen_roles(&state, &ctx, &form);
    if roles.is_none() {
        errors.insert("roles".into(), "admin-roles-required".into());
    }
    if !typed.is_empty()
        && let Some(why) = passwords::weakness(&typed, &username)
    {
        errors.insert("password".into(), why.into());
    }
    let Some(roles) = roles.filter(|_| errors.is_empty()) else {
        return new_page(&state, &ctx, &form, &errors);
    };
    let generated = typed.is_empty();
    let password = if generated {
        passwords::generate()
    } else {
        typed
    };
    let id = state
        .platform
        .transact(async |txn| -> Result<_> {
            let new = users::NewUser {
                username: &username,
                name: &name,
                email: (!email.is_empty()).then_some(email.as_str()),
                password: &password,
                roles: &roles,
            };
            Ok(users::create(txn, ctx.site.id, new).await?)
        })
        .await?;
    audit(
        &state,
        &ctx,
        &admin,
        "user.create",
        &format!("user:{username}"),
        json!({ "roles": roles, "generated_password": generated }),
    )
    .await?;
    if !generated {
        return Ok(done(
            &state,
            &ctx,
            &format!("/admin/users/{id}"),
            "admin-user-created",
            &[("username", username)],
        ));
    }
    // A temporary password is shown now, once: it is not kept anywhere
    // but as a hash.
    page(
        &state,
        &ctx,
        ctx.t(&state, "admin-user-created-title"),
        "admin/user_created.html",
        json!({ "username": username, "name": name, "password": password, "url": format!("/admin/users/{id}") }),
    )
    .crumb(ctx.t(&state, "admin-users-title"), "/admin/users")
    .render(&state, &ctx)
}

fn user_id(id: &str) -> Result<i64> {
    id.parse().map_err(|_| Error::NotFound(None))
}

async fn edit(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response> {
    ctx.require_admin()?;
    edit_page(&state, &ctx, user_id(&id)?, None).await
}

async fn edit_page(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    refused: Option<(&Form, &Errors)>,
) -> Result<Response> {
    let account = state
        .platform
        .account(ctx.site.id, id)
        .await?
        .ok_or(Error::NotFound(None))?;
    let roles = site_roles(state, ctx);
    let chosen: Vec<String> = match refused {
        Some((form, _)) => all(form, "roles").into_iter().map(str::to_string).collect(),
        None => account.roles.clone(),
    };
    let errors = refused.map(|(_, e)| e.clone()).unwrap_or_default();
    let title = title_with_errors(state, ctx, account.name.clone(), errors.len());
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let is_self = ctx.user.as_ref().is_some_and(|u| u.id == id);
    let second_factor = crate::identity::second_factor::is_on(&state.platform.db, id).await?;
    page_status(
        state,
        ctx,
        title,
        "admin/user.html",
        json!({
            "account": {
                "id": account.id,
                "username": account.username,
                "name": account.name,
                "email": account.email,
                "active": account.active,
                "server_admin": account.server_admin,
                "groups": account.groups,
                "created_at": account.created_at.to_rfc3339(),
                "last_login_at": account.last_login_at.map(|t| t.to_rfc3339()),
                "role_titles": account.roles.iter().map(|r| role_title(&roles, r)).collect::<Vec<_>>(),
            },
            "roles": roles_json(&roles),
            "chosen": chosen,
            "is_self": is_self,
            "second_factor": second_factor,
            "errors": errors_json(state, ctx, &errors),
            "summary": summary(state, ctx, &errors, &["roles"], "admin-user-"),
        }),
        status,
    )
    .crumb(ctx.t(state, "admin-users-title"), "/admin/users")
    .render(state, ctx)
}

async fn save_roles(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    let admin = admin_post(&ctx, &form)?.clone();
    let id = user_id(&id)?;
    let account = state
        .platform
        .account(ctx.site.id, id)
        .await?
        .ok_or(Error::NotFound(None))?;
    let mut errors = Errors::new();
    let roles = chosen_roles(&state, &ctx, &form);
    match &roles {
        None => {
            errors.insert("roles".into(), "admin-roles-required".into());
        }
        // Nobody locks themselves out of the administration.
        Some(r) if id == admin.id && !r.iter().any(|r| r == "admin") => {
            errors.insert("roles".into(), "admin-own-admin-role".into());
        }
        Some(_) => {}
    }
    let Some(roles) = roles.filter(|_| errors.is_empty()) else {
        return edit_page(&state, &ctx, id, Some((&form, &errors))).await;
    };
    state
        .platform
        .transact(async |txn| -> Result<_> { Ok(users::set_roles(txn, id, &roles).await?) })
        .await?;
    audit(
        &state,
        &ctx,
        &admin,
        "user.roles",
        &format!("user:{}", account.username),
        json!({ "from": account.roles, "to": roles }),
    )
    .await?;
    Ok(done(
        &state,
        &ctx,
        &format!("/admin/users/{id}"),
        "admin-roles-saved",
        &[("name", account.name)],
    ))
}

async fn set_active(
    state: &AppState,
    ctx: &Ctx,
    form: &Form,
    id: &str,
    active: bool,
) -> Result<Response> {
    let admin = admin_post(ctx, form)?.clone();
    let id = user_id(id)?;
    let account = state
        .platform
        .account(ctx.site.id, id)
        .await?
        .ok_or(Error::NotFound(None))?;
    if id == admin.id && !active {
        return Err(Error::Conflict(ctx.t(state, "admin-own-deactivation")));
    }
    state.platform.set_active(ctx.site.id, id, active).await?;
    let (action, notice) = if active {
        ("user.reactivate", "admin-user-reactivated")
    } else {
        ("user.deactivate", "admin-user-deactivated")
    };
    audit(
        state,
        ctx,
        &admin,
        action,
        &format!("user:{}", account.username),
        json!({}),
    )
    .await?;
    Ok(done(
        state,
        ctx,
        &format!("/admin/users/{id}"),
        notice,
        &[("name", account.name)],
    ))
}

/// Turn off someone's second factor (lost phone and codes): their
/// sessions end, they sign in with the password and may set it up again.
/// Audited.
async fn reset_second_factor(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    let admin = admin_post(&ctx, &form)?.clone();
    let id = user_id(&id)?;
    let account = state
        .platform
        .account(ctx.site.id, id)
        .await?
        .ok_or(Error::NotFound(None))?;
    state
        .platform
        .transact(async |txn| -> Result<_> {
            crate::identity::second_factor::remove(txn, id).await?;
            crate::identity::sessions::delete_for_user(txn, id).await?;
            Ok(())
        })
        .await?;
    audit(
        &state,
        &ctx,
        &admin,
        "user.second-factor-reset",
        &format!("user:{}", account.username),
        json!({}),
    )
    .await?;
    Ok(done(
        &state,
        &ctx,
        &format!("/admin/users/{id}"),
        "admin-user-second-factor-was-reset",
        &[("name", account.name)],
    ))
}

async fn deactivate(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    set_active(&state, &ctx, &form, &id, false).await
}

async fn reactivate(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    set_active(&state, &ctx, &form, &id, true).await
}
