//! The second factor's pages: the code asked after the password at
//! sign-in, the account page that sets it up, renews the recovery codes or
//! turns it off, and the administrator's reset for someone who lost both
//! their phone and their codes.
//!
//! Between the password and the code, the browser holds a one-time token
//! (cookie [`PENDING_COOKIE`], ten minutes): no session exists until the
//! code is right. Wrong codes count as failed sign-ins of the account, with
//! the same growing waits (see [`crate::identity::attempts`]).

use std::collections::BTreeMap;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use axum::routing::{get, post};
use serde_json::json;

use super::AppState;
use super::account::{
    Form, actor_of, address, current_password_ok, errors_json, field, notify_change, now,
    redirect_notice,
};
use super::ctx::Ctx;
use super::error::Result;
use super::page::Page;
use crate::identity::second_factor::{self as factor, Accepted, State as FactorState};
use crate::identity::{attempts, sessions, tokens};
use crate::package::manifest::Area;

/// The cookie of a sign-in waiting for its code.
pub const PENDING_COOKIE: &str = "estive_pending";
/// How long the code may take after the password.
const PENDING_TTL: chrono::TimeDelta = chrono::TimeDelta::minutes(10);
/// The account page of the second factor.
pub const PAGE: &str = super::error::SECOND_FACTOR_PAGE;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/login/code", get(code_form).post(code))
        .route(PAGE, get(page))
        .route(&format!("{PAGE}/activer"), post(begin))
        .route(&format!("{PAGE}/confirmer"), post(confirm))
        .route(&format!("{PAGE}/codes"), post(renew))
        .route(&format!("{PAGE}/desactiver"), post(remove))
}

/// After a right password on an account with a second factor: remember
/// the sign-in for ten minutes and ask for the code.
///
/// # Errors
/// The database fails.
pub async fn ask_code(
    state: &AppState,
    ctx: &Ctx,
    user_id: i64,
    next: &str,
    known_device: bool,
) -> Result<Response> {
    let secret = tokens::create(
        &state.platform.db,
        tokens::SIGN_IN_CODE,
        ctx.site.id,
        Some(user_id),
        json!({ "next": next, "known": known_device }),
        now(state),
        PENDING_TTL,
    )
    .await?;
    let mut r = super::session::see_other("/login/code");
    r.headers_mut().append(
        header::SET_COOKIE,
        super::ctx::set_cookie(
            PENDING_COOKIE,
            &secret,
            Some(PENDING_TTL.num_seconds()),
            ctx.https,
        ),
    );
    Ok(r)
}

/// The sign-in waiting for its code in this browser, if still live.
async fn pending(
    state: &AppState,
    ctx: &Ctx,
    headers: &axum::http::HeaderMap,
) -> Result<
    Option<(
        crate::db::entities::token::Model,
        crate::db::entities::user::Model,
    )>,
> {
    let Some(secret) = super::ctx::cookie(headers, PENDING_COOKIE) else {
        return Ok(None);
    };
    let db = &state.platform.db;
    let Some(t) =
        tokens::find_live(db, tokens::SIGN_IN_CODE, ctx.site.id, secret, now(state)).await?
    else {
        return Ok(None);
    };
    let Some(user_id) = t.user_id else {
        return Ok(None);
    };
    use sea_orm::EntityTrait;
    let user = crate::db::entities::user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .filter(|u| u.active);
    Ok(user.map(|u| (t, u)))
}

fn code_page(
    state: &AppState,
    ctx: &Ctx,
    errors: &BTreeMap<String, String>,
    status: StatusCode,
) -> Result<Response> {
    Page::new(
        Area::Portal,
        ctx.t(state, "second-factor-login-title"),
        "login_code.html",
        json!({ "errors": errors_json(state, ctx, errors), "values": {} }),
    )
    .status(status)
    .render(state, ctx)
}

async fn code_form(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: axum::http::HeaderMap,
) -> Result<Response> {
    if pending(&state, &ctx, &headers).await?.is_none() {
        return Ok(redirect_notice(
            &state,
            &ctx,
            "/login",
            "second-factor-login-expired",
        ));
    }
    code_page(&state, &ctx, &BTreeMap::new(), StatusCode::OK)
}

async fn code(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: axum::http::HeaderMap,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    ctx.check_csrf(Some(field(&form, "csrf_token")))?;
    let Some((t, user)) = pending(&state, &ctx, &headers).await? else {
        return Ok(redirect_notice(
            &state,
            &ctx,
            "/login",
            "second-factor-login-expired",
        ));
    };
    let db = &state.platform.db;
    let data: serde_json::Value = serde_json::from_str(&t.data).unwrap_or_default();
    let next = super::safe_next(data["next"].as_str());
    let known = data["known"].as_bool().unwrap_or(false);
    let addr = address(&ctx);
    let at = now(&state);
    let wait = attempts::sign_in_wait(db, ctx.site.id, &user.username, &addr, known, at).await?;
    if wait > chrono::TimeDelta::zero() {
        let seconds = ((wait.num_milliseconds() + 999) / 1000).max(1);
        let text = state.render.host_catalogue().t_args(
            ctx.lang,
            "login-wait",
            &[
                ("seconds", seconds.to_string()),
                ("minutes", ((seconds + 59) / 60).to_string()),
            ],
        );
        let errors = BTreeMap::from([("code".to_string(), text)]);
        let mut r = code_page(&state, &ctx, &errors, StatusCode::TOO_MANY_REQUESTS)?;
        if let Ok(v) = HeaderValue::from_str(&seconds.to_string()) {
            r.headers_mut().insert(header::RETRY_AFTER, v);
        }
        return Ok(r);
    }
    let typed = field(&form, "code");
    let accepted = if typed.trim().is_empty() {
        None
    } else {
        factor::verify(db, user.id, typed, at).await?
    };
    let Some(accepted) = accepted else {
        attempts::record_sign_in_failure(db, ctx.site.id, &user.username, &addr, at).await?;
        let key = if typed.trim().is_empty() {
            "second-factor-code-missing"
        } else {
            "second-factor-code-wrong"
        };
        let errors = BTreeMap::from([("code".to_string(), key.to_string())]);
        return code_page(&state, &ctx, &errors, StatusCode::UNPROCESSABLE_ENTITY);
    };
    if !tokens::use_up(db, &t, at).await? {
        return Ok(redirect_notice(
            &state,
            &ctx,
            "/login",
            "second-factor-login-expired",
        ));
    }
    let mut r =
        super::session::complete_sign_in(&state, &ctx, user.id, &user.username, &next).await?;
    r.headers_mut().append(
        header::SET_COOKIE,
        super::ctx::set_cookie(PENDING_COOKIE, "", Some(0), ctx.https),
    );
    if let Accepted::Recovery { left } = accepted {
        crate::identity::audit::record(
            db,
            ctx.site.id,
            &crate::storage::Actor {
                user_id: Some(user.id),
                name: Some(user.username.clone()),
            },
            None,
            "account.recovery-code-used",
            &format!("user:{}", user.username),
            json!({ "left": left }),
        )
        .await?;
        let text = state.render.host_catalogue().t_args(
            ctx.lang,
            "second-factor-recovery-used",
            &[("left", left.to_string())],
        );
        super::ctx::add_notice(&mut r, &text, ctx.https);
    }
    Ok(r)
}

/// What the account page of the second factor shows.
struct View<'a> {
    errors: BTreeMap<String, String>,
    /// Recovery codes to show once (just made).
    codes: Option<&'a [String]>,
    status: StatusCode,
}

async fn factor_page(state: &AppState, ctx: &Ctx, view: View<'_>) -> Result<Response> {
    let u = ctx.require_user()?;
    let db = &state.platform.db;
    let required = ctx.site.config.security.admin_second_factor && u.is_admin();
    let mut data = json!({
        "required": required,
        "errors": errors_json(state, ctx, &view.errors),
        "values": {},
        "codes": view.codes,
    });
    match factor::state(db, u.id).await? {
        FactorState::Off => data["status"] = json!("off"),
        FactorState::Pending { secret } => {
            let url = factor::otpauth_url(&secret, &ctx.site.config.name, &u.username)?;
            data["status"] = json!("pending");
            data["qr_svg"] = json!(factor::qr_svg(
                &url,
                &ctx.t(state, "second-factor-qr-label")
            ));
            data["secret"] = json!(factor::grouped(&secret));
        }
        FactorState::On {
            since,
            recovery_left,
        } => {
            let tz: chrono_tz::Tz = ctx
                .site
                .config
                .timezone
                .parse()
                .unwrap_or(chrono_tz::Europe::Paris);
            data["status"] = json!("on");
            data["since"] = json!(since.with_timezone(&tz).format("%d/%m/%Y").to_string());
            data["recovery_left"] = json!(recovery_left);
        }
    }
    Page::new(
        Area::Portal,
        ctx.t(state, "second-factor-title"),
        "account/second_factor.html",
        data,
    )
    .crumb(ctx.t(state, "account-title"), "/compte")
    .status(view.status)
    .render(state, ctx)
}

async fn page(State(state): State<AppState>, ctx: Ctx) -> Result<Response> {
    factor_page(
        &state,
        &ctx,
        View {
            errors: BTreeMap::new(),
            codes: None,
            status: StatusCode::OK,
        },
    )
    .await
}

async fn begin(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    ctx.check_csrf(Some(field(&form, "csrf_token")))?;
    let u = ctx.require_user()?;
    factor::begin(&state.platform.db, u.id, now(&state)).await?;
    Ok(super::session::see_other(PAGE))
}

/// Check the password and a code of the form; field errors when wrong.
async fn check_password_and<'f>(
    state: &AppState,
    ctx: &Ctx,
    form: &'f Form,
) -> Result<(BTreeMap<String, String>, &'f str)> {
    let u = ctx.require_user()?;
    let mut errors = BTreeMap::new();
    let code = field(form, "code");
    if code.trim().is_empty() {
        errors.insert("code".to_string(), "second-factor-code-missing".to_string());
    }
    if field(form, "password").is_empty() {
        errors.insert("password".to_string(), "field-required".to_string());
    } else if !current_password_ok(state, u.id, field(form, "password")).await? {
        errors.insert(
            "password".to_string(),
            "account-current-password-wrong".to_string(),
        );
    }
    Ok((errors, code))
}

/// The password and a code of the factor (a code of the app, or a
/// recovery code, used up), both right: no errors; else field errors.
async fn password_and_code(
    state: &AppState,
    ctx: &Ctx,
    form: &Form,
) -> Result<BTreeMap<String, String>> {
    let u = ctx.require_user()?;
    let (mut errors, code) = check_password_and(state, ctx, form).await?;
    if errors.is_empty()
        && factor::verify(&state.platform.db, u.id, code, now(state))
            .await?
            .is_none()
    {
        errors.insert("code".to_string(), "second-factor-code-wrong".to_string());
    }
    Ok(errors)
}

fn refused(errors: BTreeMap<String, String>) -> View<'static> {
    View {
        errors,
        codes: None,
        status: StatusCode::UNPROCESSABLE_ENTITY,
    }
}

async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    ctx.check_csrf(Some(field(&form, "csrf_token")))?;
    let u = ctx.require_user()?.clone();
    let db = &state.platform.db;
    let (mut errors, code) = check_password_and(&state, &ctx, &form).await?;
    if !errors.is_empty() {
        return factor_page(&state, &ctx, refused(errors)).await;
    }
    let at = now(&state);
    let Some(codes) = factor::confirm(db, u.id, code, at).await? else {
        errors.insert("code".to_string(), "second-factor-code-wrong".to_string());
        return factor_page(&state, &ctx, refused(errors)).await;
    };
    // Sessions opened with the password alone end; this one goes on.
    let (token, life) = state
        .platform
        .transact(async |txn| -> Result<_> {
            let session = sessions::restart(txn, ctx.site.id, u.id, at).await?;
            crate::identity::audit::record(
                txn,
                ctx.site.id,
                &actor_of(&u),
                None,
                "account.second-factor-on",
                &format!("user:{}", u.username),
                json!({}),
            )
            .await?;
            Ok(session)
        })
        .await?;
    notify_change(
        &state,
        &ctx,
        u.email.as_deref(),
        &u.name,
        "second-factor-on",
    )
    .await;
    // The page sets the new session's cookie: its forms (sign-out
    // included) must carry that session's CSRF token.
    let ctx = ctx.with_session(&token);
    let mut r = factor_page(
        &state,
        &ctx,
        View {
            errors: BTreeMap::new(),
            codes: Some(&codes),
            status: StatusCode::OK,
        },
    )
    .await?;
    r.headers_mut().append(
        header::SET_COOKIE,
        super::session::session_cookie(&ctx, &token, life),
    );
    Ok(r)
}

async fn renew(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    ctx.check_csrf(Some(field(&form, "csrf_token")))?;
    let u = ctx.require_user()?.clone();
    let db = &state.platform.db;
    let errors = password_and_code(&state, &ctx, &form).await?;
    if !errors.is_empty() {
        return factor_page(&state, &ctx, refused(errors)).await;
    }
    let codes = factor::renew_recovery(db, u.id).await?;
    crate::identity::audit::record(
        db,
        ctx.site.id,
        &actor_of(&u),
        None,
        "account.recovery-codes-renewed",
        &format!("user:{}", u.username),
        json!({}),
    )
    .await?;
    factor_page(
        &state,
        &ctx,
        View {
            errors: BTreeMap::new(),
            codes: Some(&codes),
            status: StatusCode::OK,
        },
    )
    .await
}

async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    ctx.check_csrf(Some(field(&form, "csrf_token")))?;
    let u = ctx.require_user()?.clone();
    let db = &state.platform.db;
    if ctx.site.config.security.admin_second_factor && u.is_admin() {
        let errors = BTreeMap::from([(
            "password".to_string(),
            "second-factor-required-for-admins".to_string(),
        )]);
        return factor_page(&state, &ctx, refused(errors)).await;
    }
    let errors = password_and_code(&state, &ctx, &form).await?;
    if !errors.is_empty() {
        return factor_page(&state, &ctx, refused(errors)).await;
    }
    factor::remove(db, u.id).await?;
    crate::identity::audit::record(
        db,
        ctx.site.id,
        &actor_of(&u),
        None,
        "account.second-factor-off",
        &format!("user:{}", u.username),
        json!({}),
    )
    .await?;
    notify_change(
        &state,
        &ctx,
        u.email.as_deref(),
        &u.name,
        "second-factor-off",
    )
    .await;
    Ok(redirect_notice(&state, &ctx, PAGE, "second-factor-removed"))
}
