//! Accounts: sign-up (open or by invitation, per site), password reset by
//! e-mailed link, the account page with the RGPD download and deletion, and
//! the administrator's invitations.

use std::collections::BTreeMap;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use base64::Engine as _;
use serde_json::json;

use super::AppState;
use super::auth::see_other;
use super::ctx::{Ctx, NOTICE_COOKIE, SESSION_COOKIE};
use super::error::{Error, Result};
use super::page::Page;
use crate::identity::{passwords, sessions, tokens, users};
use crate::package::manifest::Area;
use crate::sites::config::Signup;
use crate::storage::Actor;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/inscription", get(signup_form).post(signup))
        .route(
            "/invitation/{token}",
            get(invitation_form).post(accept_invitation),
        )
        .route("/mot-de-passe", get(reset_request_form).post(reset_request))
        .route("/mot-de-passe/{token}", get(reset_form).post(reset))
        .route("/compte", get(account))
        .route("/compte/profil", post(save_profile))
        .route("/compte/mot-de-passe", post(change_password))
        .route("/compte/donnees.json", get(download_data))
        .route("/compte/supprimer", get(delete_form).post(delete_account))
        .route("/admin/invitations", get(invitations).post(invite))
}

type Form = Vec<(String, String)>;

fn field<'a>(form: &'a Form, name: &str) -> &'a str {
    form.iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

fn values(form: &Form, names: &[&str]) -> BTreeMap<String, String> {
    names
        .iter()
        .map(|n| (n.to_string(), field(form, n).trim().to_string()))
        .collect()
}

/// Redirect with a one-time notice (a host message key, translated).
fn redirect_notice(state: &AppState, ctx: &Ctx, location: &str, key: &str) -> Response {
    let mut r = see_other(location);
    let text = ctx.t(state, key);
    let v = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text.as_bytes());
    r.headers_mut().append(
        header::SET_COOKIE,
        super::ctx::set_cookie(NOTICE_COOKIE, &v, Some(300), ctx.https),
    );
    r
}

fn start_session(ctx: &Ctx, mut r: Response, token: &str) -> Response {
    r.headers_mut().append(
        header::SET_COOKIE,
        super::ctx::set_cookie(
            SESSION_COOKIE,
            token,
            Some(sessions::IDLE.num_seconds()),
            ctx.https,
        ),
    );
    r
}

fn valid_email(e: &str) -> bool {
    let e = e.trim();
    e.len() <= 254
        && e.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !e.contains(char::is_whitespace)
        })
}

/// Check the fields of a new account. Errors by field (message keys).
fn check_new_account(form: &Form, need_email: bool) -> BTreeMap<String, String> {
    let mut errors = BTreeMap::new();
    let username = field(form, "username").trim().to_lowercase();
    if !users::valid_username(&username) {
        errors.insert("username".into(), "account-username-invalid".into());
    }
    if field(form, "name").trim().is_empty() {
        errors.insert("name".into(), "field-required".into());
    } else if field(form, "name").chars().count() > 120 {
        errors.insert("name".into(), "field-too-long".into());
    }
    let email = field(form, "email").trim();
    if (need_email || !email.is_empty()) && !valid_email(email) {
        errors.insert("email".into(), "field-invalid-email".into());
    }
    let password = field(form, "password");
    if let Some(why) = passwords::weakness(password, &username) {
        errors.insert("password".into(), why.into());
    } else if password != field(form, "password_confirm") {
        errors.insert(
            "password_confirm".into(),
            "account-password-mismatch".into(),
        );
    }
    errors
}

fn errors_json(
    state: &AppState,
    ctx: &Ctx,
    errors: &BTreeMap<String, String>,
) -> serde_json::Value {
    json!(
        errors
            .iter()
            .map(|(k, v)| (k.clone(), ctx.t(state, v)))
            .collect::<BTreeMap<_, _>>()
    )
}

async fn signup_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response> {
    signup_page(&state, &ctx, &Form::new(), &BTreeMap::new(), StatusCode::OK)
}

fn signup_page(
    state: &AppState,
    ctx: &Ctx,
    form: &Form,
    errors: &BTreeMap<String, String>,
    status: StatusCode,
) -> Result<Response> {
    let mode = match ctx.site.config.signup {
        Signup::Open => "open",
        Signup::Invitation => "invitation",
        Signup::Closed => "closed",
    };
    Page::new(
        Area::Portal,
        ctx.t(state, "signup-title"),
        "account/signup.html",
        json!({
            "mode": mode,
            "values": values(form, &["username", "name", "email"]),
            "errors": errors_json(state, ctx, errors),
            "action": "/inscription",
        }),
    )
    .status(status)
    .render(state, ctx)
}

async fn signup(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    ctx.check_csrf(Some(field(&form, "csrf_token")))?;
    if ctx.site.config.signup != Signup::Open {
        return Err(Error::Forbidden(Some("signup-not-open".into())));
    }
    let mut errors = check_new_account(&form, true);
    if field(&form, "consent") != "on" {
        errors.insert("consent".into(), "account-consent-required".into());
    }
    if !errors.is_empty() {
        return signup_page(
            &state,
            &ctx,
            &form,
            &errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    create_and_sign_in(&state, &ctx, &form, &["citizen".to_string()], None).await
}

/// Create the account, start its session, go home. A taken username or
/// e-mail shows the form again.
async fn create_and_sign_in(
    state: &AppState,
    ctx: &Ctx,
    form: &Form,
    roles: &[String],
    invitation: Option<&crate::db::entities::token::Model>,
) -> Result<Response> {
    let db = &state.platform.db;
    let username = field(form, "username").trim().to_lowercase();
    let email = field(form, "email").trim().to_lowercase();
    let mut errors = BTreeMap::new();
    if users::find_by_username(db, ctx.site.id, &username)
        .await?
        .is_some()
    {
        errors.insert("username".into(), "account-username-taken".to_string());
    }
    if !email.is_empty()
        && users::find_by_email(db, ctx.site.id, &email)
            .await?
            .is_some()
    {
        errors.insert("email".into(), "account-email-taken".to_string());
    }
    if !errors.is_empty() {
        return match invitation {
            Some(t) => invitation_page(state, ctx, t, form, &errors, StatusCode::CONFLICT),
            None => signup_page(state, ctx, form, &errors, StatusCode::CONFLICT),
        };
    }
    if let Some(t) = invitation
        && !tokens::use_up(db, t).await?
    {
        return Err(Error::Conflict(ctx.t(state, "invitation-used")));
    }
    let password = field(form, "password").to_string();
    let name = field(form, "name").trim().to_string();
    let id = {
        let _guard = state.platform.runtime.services.storage.write_guard().await;
        users::create(
            db,
            ctx.site.id,
            users::NewUser {
                username: &username,
                name: &name,
                email: (!email.is_empty()).then_some(email.as_str()),
                password: &password,
                roles,
            },
        )
        .await?
    };
    let actor = Actor {
        user_id: Some(id),
        name: Some(username.clone()),
    };
    let action = if invitation.is_some() {
        "account.invitation-accepted"
    } else {
        "account.signed-up"
    };
    crate::identity::audit::record(
        db,
        ctx.site.id,
        &actor,
        None,
        action,
        &format!("user:{username}"),
        json!({ "roles": roles }),
    )
    .await?;
    let token = sessions::create(db, ctx.site.id, id).await?;
    Ok(start_session(
        ctx,
        redirect_notice(state, ctx, "/compte", "account-created"),
        &token,
    ))
}

async fn invitation_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(secret): Path<String>,
) -> Result<Response> {
    let t = tokens::find_live(&state.platform.db, tokens::INVITATION, ctx.site.id, &secret)
        .await?
        .ok_or(Error::NotFound(Some("invitation-invalid".into())))?;
    invitation_page(
        &state,
        &ctx,
        &t,
        &Form::new(),
        &BTreeMap::new(),
        StatusCode::OK,
    )
}

fn invitation_page(
    state: &AppState,
    ctx: &Ctx,
    t: &crate::db::entities::token::Model,
    form: &Form,
    errors: &BTreeMap<String, String>,
    status: StatusCode,
) -> Result<Response> {
    let data: serde_json::Value = serde_json::from_str(&t.data).unwrap_or_default();
    let mut v = values(form, &["username", "name", "email"]);
    if v["email"].is_empty() {
        v.insert(
            "email".into(),
            data["email"].as_str().unwrap_or_default().to_string(),
        );
    }
    Page::new(
        Area::Portal,
        ctx.t(state, "invitation-title"),
        "account/signup.html",
        json!({ "mode": "open", "invited": true, "values": v, "errors": errors_json(state, ctx, errors), "action": ctx.path }),
    )
    .status(status)
    .render(state, ctx)
}

async fn accept_invitation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(secret): Path<String>,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    ctx.check_csrf(Some(field(&form, "csrf_token")))?;
    let t = tokens::find_live(&state.platform.db, tokens::INVITATION, ctx.site.id, &secret)
        .await?
        .ok_or(Error::NotFound(Some("invitation-invalid".into())))?;
    let mut errors = check_new_account(&form, false);
    if field(&form, "consent") != "on" {
        errors.insert("consent".into(), "account-consent-required".into());
    }
    if !errors.is_empty() {
        return invitation_page(
            &state,
            &ctx,
            &t,
            &form,
            &errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let data: serde_json::Value = serde_json::from_str(&t.data).unwrap_or_default();
    let roles: Vec<String> =
        serde_json::from_value(data["roles"].clone()).unwrap_or_else(|_| vec!["citizen".into()]);
    create_and_sign_in(&state, &ctx, &form, &roles, Some(&t)).await
}

async fn reset_request_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response> {
    Page::new(
        Area::Portal,
        ctx.t(&state, "reset-title"),
        "account/reset_request.html",
        json!({ "sent": false }),
    )
    .render(&state, &ctx)
}

/// Always the same answer, whether the account exists or not.
async fn reset_request(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    ctx.check_csrf(Some(field(&form, "csrf_token")))?;
    let db = &state.platform.db;
    let who = field(&form, "who").trim().to_lowercase();
    let key = format!("reset:{who}");
    let since = chrono::Utc::now() - chrono::TimeDelta::hours(1);
    let limited = crate::identity::attempts::count(db, ctx.site.id, &key, since).await? >= 3;
    let account = if who.contains('@') {
        users::find_by_email(db, ctx.site.id, &who).await?
    } else {
        users::find_by_username(db, ctx.site.id, &who).await?
    };
    if let Some(u) = account.filter(|u| u.active && !limited)
        && let Some(email) = &u.email
    {
        crate::identity::attempts::record(db, ctx.site.id, &key).await?;
        let secret = tokens::create(
            db,
            tokens::RESET,
            ctx.site.id,
            Some(u.id),
            json!({}),
            chrono::TimeDelta::hours(1),
        )
        .await?;
        let link = format!("{}/mot-de-passe/{secret}", ctx.site.info.base_url);
        let catalogue = state.render.host_catalogue();
        let subject = catalogue.t_args(
            ctx.lang,
            "reset-mail-subject",
            &[("site", ctx.site.config.name.clone())],
        );
        let body = catalogue.t_args(
            ctx.lang,
            "reset-mail-body",
            &[
                ("name", u.display_name.clone()),
                ("link", link),
                ("site", ctx.site.config.name.clone()),
            ],
        );
        if let Err(e) = state.mail.send(email, &subject, &body).await {
            tracing::error!(error = %format!("{e:#}"), "cannot send the password reset message");
        }
    }
    Page::new(
        Area::Portal,
        ctx.t(&state, "reset-title"),
        "account/reset_request.html",
        json!({ "sent": true }),
    )
    .render(&state, &ctx)
}

async fn reset_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(secret): Path<String>,
) -> Result<Response> {
    tokens::find_live(&state.platform.db, tokens::RESET, ctx.site.id, &secret)
        .await?
        .ok_or(Error::NotFound(Some("reset-link-invalid".into())))?;
    Page::new(
        Area::Portal,
        ctx.t(&state, "reset-new-title"),
        "account/reset_form.html",
        json!({ "action": ctx.path, "errors": {} }),
    )
    .render(&state, &ctx)
}

async fn reset(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(secret): Path<String>,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    ctx.check_csrf(Some(field(&form, "csrf_token")))?;
    let db = &state.platform.db;
    let t = tokens::find_live(db, tokens::RESET, ctx.site.id, &secret)
        .await?
        .ok_or(Error::NotFound(Some("reset-link-invalid".into())))?;
    let user_id = t.user_id.ok_or(Error::NotFound(None))?;
    let u = crate::db::entities::user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or(Error::NotFound(None))?;
    let password = field(&form, "password");
    let mut errors = BTreeMap::new();
    if let Some(why) = passwords::weakness(password, &u.username) {
        errors.insert("password".to_string(), why.to_string());
    } else if password != field(&form, "password_confirm") {
        errors.insert(
            "password_confirm".to_string(),
            "account-password-mismatch".to_string(),
        );
    }
    if !errors.is_empty() {
        return Page::new(
            Area::Portal,
            ctx.t(&state, "reset-new-title"),
            "account/reset_form.html",
            json!({ "action": ctx.path, "errors": errors_json(&state, &ctx, &errors) }),
        )
        .status(StatusCode::UNPROCESSABLE_ENTITY)
        .render(&state, &ctx);
    }
    if !tokens::use_up(db, &t).await? {
        return Err(Error::NotFound(Some("reset-link-invalid".into())));
    }
    set_password(&state, user_id, password).await?;
    // Every session of the account ends: whoever knew the old password is out.
    sessions::delete_for_user(db, user_id).await?;
    let actor = Actor {
        user_id: Some(user_id),
        name: Some(u.username.clone()),
    };
    crate::identity::audit::record(
        db,
        ctx.site.id,
        &actor,
        None,
        "account.password-reset",
        &format!("user:{}", u.username),
        json!({}),
    )
    .await?;
    Ok(redirect_notice(&state, &ctx, "/login", "reset-done"))
}

async fn set_password(state: &AppState, user_id: i64, password: &str) -> Result<()> {
    let pw = password.to_string();
    let hash = tokio::task::spawn_blocking(move || passwords::hash(&pw))
        .await
        .map_err(|e| Error::Internal(e.into()))??;
    crate::db::entities::user::Entity::update_many()
        .col_expr(
            crate::db::entities::user::Column::PasswordHash,
            sea_orm::sea_query::Expr::value(hash),
        )
        .filter(sea_orm::ColumnTrait::eq(
            &crate::db::entities::user::Column::Id,
            user_id,
        ))
        .exec(&state.platform.db)
        .await?;
    Ok(())
}

use sea_orm::{EntityTrait, QueryFilter};

fn account_page(
    state: &AppState,
    ctx: &Ctx,
    errors: &BTreeMap<String, String>,
    form: &Form,
    status: StatusCode,
) -> Result<Response> {
    let u = ctx.require_user()?;
    let mut v = values(form, &["name", "email"]);
    if form.is_empty() {
        v.insert("name".into(), u.name.clone());
        v.insert("email".into(), u.email.clone().unwrap_or_default());
    }
    let role_names: Vec<String> = u
        .roles
        .iter()
        .map(|r| ctx.t(state, &format!("role-{r}")))
        .collect();
    Page::new(
        Area::Portal,
        ctx.t(state, "account-title"),
        "account/account.html",
        json!({
            "account": { "username": u.username, "roles": role_names, "groups": u.groups },
            "values": v,
            "errors": errors_json(state, ctx, errors),
        }),
    )
    .status(status)
    .render(state, ctx)
}

async fn account(State(state): State<AppState>, ctx: Ctx) -> Result<Response> {
    account_page(&state, &ctx, &BTreeMap::new(), &Form::new(), StatusCode::OK)
}

async fn save_profile(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    ctx.check_csrf(Some(field(&form, "csrf_token")))?;
    let u = ctx.require_user()?.clone();
    let db = &state.platform.db;
    let name = field(&form, "name").trim().to_string();
    let email = field(&form, "email").trim().to_lowercase();
    let mut errors = BTreeMap::new();
    if name.is_empty() {
        errors.insert("name".to_string(), "field-required".to_string());
    } else if name.chars().count() > 120 {
        errors.insert("name".to_string(), "field-too-long".to_string());
    }
    if !email.is_empty() && !valid_email(&email) {
        errors.insert("email".to_string(), "field-invalid-email".to_string());
    } else if !email.is_empty()
        && users::find_by_email(db, ctx.site.id, &email)
            .await?
            .is_some_and(|o| o.id != u.id)
    {
        errors.insert("email".to_string(), "account-email-taken".to_string());
    }
    if !errors.is_empty() {
        return account_page(
            &state,
            &ctx,
            &errors,
            &form,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    use crate::db::entities::user;
    user::Entity::update_many()
        .col_expr(
            user::Column::DisplayName,
            sea_orm::sea_query::Expr::value(name),
        )
        .col_expr(
            user::Column::Email,
            sea_orm::sea_query::Expr::value((!email.is_empty()).then_some(email)),
        )
        .filter(sea_orm::ColumnTrait::eq(&user::Column::Id, u.id))
        .exec(db)
        .await?;
    Ok(redirect_notice(&state, &ctx, "/compte", "account-saved"))
}

async fn change_password(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    ctx.check_csrf(Some(field(&form, "csrf_token")))?;
    let u = ctx.require_user()?.clone();
    let db = &state.platform.db;
    let row = crate::db::entities::user::Entity::find_by_id(u.id)
        .one(db)
        .await?
        .ok_or(Error::NotFound(None))?;
    let current = field(&form, "current_password").to_string();
    let stored = row.password_hash.clone();
    let ok = tokio::task::spawn_blocking(move || passwords::verify(&current, &stored))
        .await
        .unwrap_or(false);
    let mut errors = BTreeMap::new();
    let password = field(&form, "password");
    if !ok {
        errors.insert(
            "current_password".to_string(),
            "account-current-password-wrong".to_string(),
        );
    } else if let Some(why) = passwords::weakness(password, &u.username) {
        errors.insert("password".to_string(), why.to_string());
    } else if password != field(&form, "password_confirm") {
        errors.insert(
            "password_confirm".to_string(),
            "account-password-mismatch".to_string(),
        );
    }
    if !errors.is_empty() {
        return account_page(
            &state,
            &ctx,
            &errors,
            &Form::new(),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    set_password(&state, u.id, password).await?;
    // Other sessions end; this browser gets a new one.
    sessions::delete_for_user(db, u.id).await?;
    let token = sessions::create(db, ctx.site.id, u.id).await?;
    Ok(start_session(
        &ctx,
        redirect_notice(&state, &ctx, "/compte", "account-password-changed"),
        &token,
    ))
}

async fn download_data(State(state): State<AppState>, ctx: Ctx) -> Result<Response> {
    let u = ctx.require_user()?;
    let data = state.platform.export_user(&ctx.site, u.id).await?;
    let body = serde_json::to_vec_pretty(&data).map_err(|e| Error::Internal(e.into()))?;
    let mut r = (StatusCode::OK, body).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    let name = format!("attachment; filename=\"mes-donnees-{}.json\"", u.username);
    if let Ok(v) = HeaderValue::from_str(&name) {
        r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(r)
}

async fn delete_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response> {
    ctx.require_user()?;
    Page::new(
        Area::Portal,
        ctx.t(&state, "account-delete-title"),
        "account/delete.html",
        json!({ "errors": {} }),
    )
    .crumb(ctx.t(&state, "account-title"), "/compte")
    .render(&state, &ctx)
}

async fn delete_account(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    ctx.check_csrf(Some(field(&form, "csrf_token")))?;
    let u = ctx.require_user()?.clone();
    let db = &state.platform.db;
    let row = crate::db::entities::user::Entity::find_by_id(u.id)
        .one(db)
        .await?
        .ok_or(Error::NotFound(None))?;
    let given = field(&form, "password").to_string();
    let stored = row.password_hash.clone();
    let ok = tokio::task::spawn_blocking(move || passwords::verify(&given, &stored))
        .await
        .unwrap_or(false);
    if !ok {
        let errors = BTreeMap::from([(
            "password".to_string(),
            "account-current-password-wrong".to_string(),
        )]);
        return Page::new(
            Area::Portal,
            ctx.t(&state, "account-delete-title"),
            "account/delete.html",
            json!({ "errors": errors_json(&state, &ctx, &errors) }),
        )
        .status(StatusCode::UNPROCESSABLE_ENTITY)
        .render(&state, &ctx);
    }
    if let Err(e) = state.platform.erase_user(&ctx.site, u.id).await {
        tracing::error!(error = %format!("{e:#}"), user = u.id, "account deletion stopped: a plugin could not erase its data");
        return Err(Error::Unavailable(format!("{e:#}")));
    }
    crate::identity::audit::record(
        db,
        ctx.site.id,
        &Actor {
            user_id: None,
            name: Some("compte supprimé".into()),
        },
        None,
        "account.deleted",
        "user",
        json!({}),
    )
    .await?;
    let mut r = redirect_notice(&state, &ctx, "/", "account-deleted");
    r.headers_mut().append(
        header::SET_COOKIE,
        super::ctx::set_cookie(SESSION_COOKIE, "", Some(0), ctx.https),
    );
    Ok(r)
}

fn invitations_page(
    state: &AppState,
    ctx: &Ctx,
    pending: Vec<serde_json::Value>,
    errors: &BTreeMap<String, String>,
    form: &Form,
    status: StatusCode,
) -> Result<Response> {
    let mut roles: Vec<serde_json::Value> = crate::package::manifest::BUILTIN_ROLES
        .iter()
        .map(|r| json!({ "name": r, "title": ctx.t(state, &format!("role-{r}")) }))
        .collect();
    for p in &ctx.site.plugins {
        for r in &p.loaded.manifest.roles {
            roles.push(json!({ "name": r.name, "title": r.title.get(ctx.lang) }));
        }
    }
    let chosen: Vec<&str> = form
        .iter()
        .filter(|(k, _)| k == "roles")
        .map(|(_, v)| v.as_str())
        .collect();
    Page::new(
        Area::Admin,
        ctx.t(state, "invitations-title"),
        "account/invitations.html",
        json!({ "pending": pending, "roles": roles, "chosen": chosen, "values": values(form, &["email"]), "errors": errors_json(state, ctx, errors) }),
    )
    .status(status)
    .render(state, ctx)
}

async fn pending_invitations(state: &AppState, ctx: &Ctx) -> Result<Vec<serde_json::Value>> {
    Ok(tokens::pending(&state.platform.db, tokens::INVITATION, ctx.site.id)
        .await?
        .into_iter()
        .map(|t| {
            let d: serde_json::Value = serde_json::from_str(&t.data).unwrap_or_default();
            json!({ "email": d["email"], "roles": d["roles"], "expires_at": t.expires_at.to_rfc3339() })
        })
        .collect())
}

async fn invitations(State(state): State<AppState>, ctx: Ctx) -> Result<Response> {
    ctx.require_admin()?;
    let pending = pending_invitations(&state, &ctx).await?;
    invitations_page(
        &state,
        &ctx,
        pending,
        &BTreeMap::new(),
        &Form::new(),
        StatusCode::OK,
    )
}

async fn invite(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    ctx.check_csrf(Some(field(&form, "csrf_token")))?;
    let admin = ctx.require_admin()?.clone();
    let email = field(&form, "email").trim().to_lowercase();
    let known: Vec<String> = crate::package::manifest::BUILTIN_ROLES
        .iter()
        .map(|r| r.to_string())
        .chain(
            ctx.site
                .plugins
                .iter()
                .flat_map(|p| p.loaded.manifest.roles.iter().map(|r| r.name.clone())),
        )
        .collect();
    let roles: Vec<String> = form
        .iter()
        .filter(|(k, _)| k == "roles")
        .map(|(_, v)| v.clone())
        .collect();
    let mut errors = BTreeMap::new();
    if !valid_email(&email) {
        errors.insert("email".to_string(), "field-invalid-email".to_string());
    }
    if roles.is_empty() || roles.iter().any(|r| !known.contains(r)) {
        errors.insert("roles".to_string(), "field-not-a-choice".to_string());
    }
    if !errors.is_empty() {
        let pending = pending_invitations(&state, &ctx).await?;
        return invitations_page(
            &state,
            &ctx,
            pending,
            &errors,
            &form,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let db = &state.platform.db;
    let secret = tokens::create(
        db,
        tokens::INVITATION,
        ctx.site.id,
        None,
        json!({ "email": email, "roles": roles }),
        chrono::TimeDelta::days(14),
    )
    .await?;
    let link = format!("{}/invitation/{secret}", ctx.site.info.base_url);
    let catalogue = state.render.host_catalogue();
    let subject = catalogue.t_args(
        ctx.lang,
        "invitation-mail-subject",
        &[("site", ctx.site.config.name.clone())],
    );
    let body = catalogue.t_args(
        ctx.lang,
        "invitation-mail-body",
        &[
            ("link", link),
            ("site", ctx.site.config.name.clone()),
            ("by", admin.name.clone()),
        ],
    );
    state.mail.send(&email, &subject, &body).await?;
    let actor = Actor {
        user_id: Some(admin.id),
        name: Some(admin.username.clone()),
    };
    crate::identity::audit::record(
        db,
        ctx.site.id,
        &actor,
        None,
        "admin.invitation-sent",
        &format!("email:{email}"),
        json!({ "roles": roles }),
    )
    .await?;
    Ok(redirect_notice(
        &state,
        &ctx,
        "/admin/invitations",
        "invitation-sent",
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn email_addresses_are_checked_roughly() {
        assert!(super::valid_email("marie.dupont@mairie.fr"));
        assert!(!super::valid_email("marie.dupont"));
        assert!(!super::valid_email("marie @mairie.fr"));
        assert!(!super::valid_email("marie@localhost"));
    }
}
