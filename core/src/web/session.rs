//! Opening a session once a sign-in is complete (after the password, or
//! after the second factor's code), and the answers every sign-in page
//! shares: the session and device cookies, and "see other".

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::AppState;
use super::ctx::{Ctx, SESSION_COOKIE};
use super::error::Result;

/// The cookie of a browser that already signed in to an account: it skips
/// the account-wide delay of a distributed attack (see
/// [`crate::identity::attempts`]).
pub(super) const DEVICE_COOKIE: &str = "estive_device";

/// The session cookie for a new session.
pub fn session_cookie(
    ctx: &Ctx,
    token: &str,
    life: crate::identity::sessions::Lifetime,
) -> HeaderValue {
    super::ctx::set_cookie(
        SESSION_COOKIE,
        token,
        Some(life.absolute.num_seconds()),
        ctx.https,
    )
}

pub(super) fn device_value(ctx: &Ctx, user_id: i64) -> String {
    let id = user_id.to_string();
    let sig = super::ctx::sign(&ctx.secret, &["device", &ctx.site.config.slug, &id]);
    format!("{id}.{}", &sig[..22])
}

pub fn see_other(location: &str) -> Response {
    let mut r = (StatusCode::SEE_OTHER, ()).into_response();
    if let Ok(v) = HeaderValue::from_str(location) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

/// The sign-in is complete (password, and code when asked): forget the
/// failures, open the session, mark this browser as known, go to `next`.
///
/// # Errors
/// The database fails.
pub async fn complete_sign_in(
    state: &AppState,
    ctx: &Ctx,
    user_id: i64,
    username: &str,
    next: &str,
) -> Result<Response> {
    let address = if ctx.client_ip.is_empty() {
        String::new()
    } else {
        crate::identity::attempts::address_id(&ctx.secret, &ctx.client_ip)
    };
    crate::identity::attempts::clear_sign_in(&state.platform.db, ctx.site.id, username, &address)
        .await?;
    let mut r = start_session(state, ctx, user_id, next).await?;
    r.headers_mut().append(
        header::SET_COOKIE,
        super::ctx::set_cookie(
            DEVICE_COOKIE,
            &device_value(ctx, user_id),
            Some(chrono::TimeDelta::days(365).num_seconds()),
            ctx.https,
        ),
    );
    Ok(r)
}

/// Open a session for a user whose sign-in is complete and go to `next`.
async fn start_session(state: &AppState, ctx: &Ctx, user_id: i64, next: &str) -> Result<Response> {
    let db = &state.platform.db;
    let now = state.platform.runtime.services.now();
    // A new session id at every sign-in: a session fixed before cannot be
    // taken over.
    if let Some(old) = &ctx.session_token {
        crate::identity::sessions::delete(db, old).await?;
    }
    let (token, life) = crate::identity::sessions::create(db, ctx.site.id, user_id, now).await?;
    crate::identity::users::touch_login(db, user_id).await?;
    let mut r = see_other(next);
    r.headers_mut()
        .append(header::SET_COOKIE, session_cookie(ctx, &token, life));
    Ok(r)
}
