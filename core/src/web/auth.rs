//! Signing in and out.

use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::AppState;
use super::ctx::{Ctx, SESSION_COOKIE};
use super::error::Result;
use super::page::Page;
use crate::package::manifest::Area;

/// Failed sign-ins allowed per account and per address in [`WINDOW`].
const MAX_ATTEMPTS: u64 = 10;
const WINDOW: chrono::TimeDelta = chrono::TimeDelta::minutes(15);

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
}

fn login_page(
    state: &AppState,
    ctx: &Ctx,
    next: &str,
    username: &str,
    error: Option<&str>,
    status: StatusCode,
) -> Result<Response> {
    Page::new(
        Area::Portal,
        ctx.t(state, "login-title"),
        "login.html",
        serde_json::json!({
            "next": next,
            "username": username,
            "error": error,
            "signup_open": ctx.site.config.signup == crate::sites::config::Signup::Open,
        }),
    )
    .status(status)
    .render(state, ctx)
}

async fn login_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NextQuery>,
) -> Result<Response> {
    let next = super::safe_next(q.next.as_deref());
    if ctx.user.is_some() {
        return Ok(see_other(&next));
    }
    login_page(&state, &ctx, &next, "", None, StatusCode::OK)
}

#[derive(Deserialize)]
struct LoginForm {
    csrf_token: Option<String>,
    username: Option<String>,
    password: Option<String>,
    next: Option<String>,
}

pub fn see_other(location: &str) -> Response {
    let mut r = (StatusCode::SEE_OTHER, ()).into_response();
    if let Ok(v) = HeaderValue::from_str(location) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

async fn login(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::Form(form): axum::Form<LoginForm>,
) -> Result<Response> {
    ctx.check_csrf(form.csrf_token.as_deref())?;
    let next = super::safe_next(form.next.as_deref());
    let username = form.username.unwrap_or_default().trim().to_lowercase();
    let password = form.password.unwrap_or_default();
    let db = &state.platform.db;
    let ip_key = format!("ip:{}", ctx.client_ip);
    let user_key = format!("user:{username}");
    let since = chrono::Utc::now() - WINDOW;
    if crate::identity::attempts::count(db, ctx.site.id, &user_key, since).await? >= MAX_ATTEMPTS
        || (!ctx.client_ip.is_empty()
            && crate::identity::attempts::count(db, ctx.site.id, &ip_key, since).await?
                >= MAX_ATTEMPTS * 5)
    {
        tracing::warn!(site = %ctx.site.config.slug, username, "sign-in refused: too many attempts");
        return login_page(
            &state,
            &ctx,
            &next,
            &username,
            Some("login-too-many"),
            StatusCode::TOO_MANY_REQUESTS,
        );
    }
    let user = crate::identity::users::find_by_username(db, ctx.site.id, &username).await?;
    let stored = user.as_ref().filter(|u| u.active).map_or_else(
        || crate::identity::passwords::dummy_hash().to_string(),
        |u| u.password_hash.clone(),
    );
    // Hashing takes tens of milliseconds of CPU: keep it off the async workers.
    let ok =
        tokio::task::spawn_blocking(move || crate::identity::passwords::verify(&password, &stored))
            .await
            .unwrap_or(false);
    let Some(user) = user.filter(|u| ok && u.active) else {
        crate::identity::attempts::record(db, ctx.site.id, &user_key).await?;
        if !ctx.client_ip.is_empty() {
            crate::identity::attempts::record(db, ctx.site.id, &ip_key).await?;
        }
        return login_page(
            &state,
            &ctx,
            &next,
            &username,
            Some("login-wrong"),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    // A new session id at every sign-in: a session fixed before cannot be
    // taken over.
    if let Some(old) = &ctx.session_token {
        crate::identity::sessions::delete(db, old).await?;
    }
    let token = crate::identity::sessions::create(db, ctx.site.id, user.id).await?;
    crate::identity::attempts::clear(db, ctx.site.id, &user_key).await?;
    crate::identity::users::touch_login(db, user.id).await?;
    let mut r = see_other(&next);
    r.headers_mut().append(
        header::SET_COOKIE,
        super::ctx::set_cookie(
            SESSION_COOKIE,
            &token,
            Some(crate::identity::sessions::IDLE.num_seconds()),
            ctx.https,
        ),
    );
    Ok(r)
}

#[derive(Deserialize)]
struct LogoutForm {
    csrf_token: Option<String>,
}

async fn logout(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::Form(form): axum::Form<LogoutForm>,
) -> Result<Response> {
    ctx.check_csrf(form.csrf_token.as_deref())?;
    if let Some(token) = &ctx.session_token {
        crate::identity::sessions::delete(&state.platform.db, token).await?;
    }
    let mut r = see_other("/");
    r.headers_mut().append(
        header::SET_COOKIE,
        super::ctx::set_cookie(SESSION_COOKIE, "", Some(0), ctx.https),
    );
    Ok(r)
}
