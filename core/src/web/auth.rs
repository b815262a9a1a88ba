//! Signing in and out.

use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use axum::routing::{get, post};
use serde::Deserialize;

use super::AppState;
use super::ctx::{Ctx, SESSION_COOKIE};
use super::error::Result;
use super::page::Page;
use super::session::{DEVICE_COOKIE, complete_sign_in, device_value, see_other};
use crate::package::manifest::Area;

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
    error: Option<String>,
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

/// "Try again in a moment": every password-hashing slot stayed busy.
pub fn busy(mut r: Response) -> Response {
    *r.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
    r.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    r
}

fn known_device(ctx: &Ctx, headers: &axum::http::HeaderMap, user_id: Option<i64>) -> bool {
    let (Some(id), Some(v)) = (user_id, super::ctx::cookie(headers, DEVICE_COOKIE)) else {
        return false;
    };
    v.as_bytes() == device_value(ctx, id).as_bytes()
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

async fn login(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: axum::http::HeaderMap,
    axum::Form(form): axum::Form<LoginForm>,
) -> Result<Response> {
    ctx.check_csrf(form.csrf_token.as_deref())?;
    let next = super::safe_next(form.next.as_deref());
    let username = form.username.unwrap_or_default().trim().to_lowercase();
    let password = form.password.unwrap_or_default();
    let db = &state.platform.db;
    let now = state.platform.runtime.services.now();
    let address = if ctx.client_ip.is_empty() {
        String::new()
    } else {
        crate::identity::attempts::address_id(&ctx.secret, &ctx.client_ip)
    };
    let user = crate::identity::users::find_by_username(db, ctx.site.id, &username).await?;
    let known = known_device(&ctx, &headers, user.as_ref().map(|u| u.id));
    // Failures are counted by username: one that no account can have (a
    // megabyte of text, say) is counted under one shared name, so it never
    // reaches an index key and still slows its address down.
    let shown: String = username.chars().take(100).collect();
    let counted = if crate::identity::users::valid_username(&username) {
        username.as_str()
    } else {
        "~"
    };
    let wait =
        crate::identity::attempts::sign_in_wait(db, ctx.site.id, counted, &address, known, now)
            .await?;
    if wait > chrono::TimeDelta::zero() {
        tracing::warn!(site = %ctx.site.config.slug, username = counted, wait = wait.num_seconds(), "sign-in delayed after failures");
        let seconds = ((wait.num_milliseconds() + 999) / 1000).max(1);
        let text = state.render.host_catalogue().t_args(
            ctx.lang,
            "login-wait",
            &[
                ("seconds", seconds.to_string()),
                ("minutes", ((seconds + 59) / 60).to_string()),
            ],
        );
        let mut r = login_page(
            &state,
            &ctx,
            &next,
            &shown,
            Some(text),
            StatusCode::TOO_MANY_REQUESTS,
        )?;
        if let Ok(v) = HeaderValue::from_str(&seconds.to_string()) {
            r.headers_mut().insert(header::RETRY_AFTER, v);
        }
        return Ok(r);
    }
    let stored = user.as_ref().filter(|u| u.active).map_or_else(
        || crate::identity::passwords::dummy_hash().to_string(),
        |u| u.password_hash.clone(),
    );
    let Ok(ok) = crate::identity::passwords::verify_limited(password, stored).await else {
        let text = ctx.t(&state, "login-busy");
        let r = login_page(&state, &ctx, &next, &shown, Some(text), StatusCode::OK)?;
        return Ok(busy(r));
    };
    let Some(user) = user.filter(|u| ok && u.active) else {
        crate::identity::attempts::record_sign_in_failure(db, ctx.site.id, counted, &address, now)
            .await?;
        return login_page(
            &state,
            &ctx,
            &next,
            &shown,
            Some(ctx.t(&state, "login-wrong")),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    if crate::identity::second_factor::is_on(db, user.id).await? {
        // No session yet: the code decides, and the failures stay counted
        // until it is right.
        return super::second_factor::ask_code(&state, &ctx, user.id, &next, known).await;
    }
    complete_sign_in(&state, &ctx, user.id, &username, &next).await
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
