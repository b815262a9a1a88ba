//! Accounts: sign-up (open or by invitation, per site), password reset by
//! e-mailed link, the account page with the RGPD download and deletion, and
//! the administrator's invitations.

use std::collections::BTreeMap;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::json;

use super::AppState;
use super::ctx::{Ctx, SESSION_COOKIE};
use super::error::{Error, Result};
use super::page::Page;
use super::session::see_other;
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

pub(super) type Form = Vec<(String, String)>;

pub(super) fn field<'a>(form: &'a Form, name: &str) -> &'a str {
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
pub(super) fn redirect_notice(state: &AppState, ctx: &Ctx, location: &str, key: &str) -> Response {
    let mut r = see_other(location);
    super::ctx::add_notice(&mut r, &ctx.t(state, key), ctx.https);
    r
}

fn start_session(ctx: &Ctx, mut r: Response, token: &str, life: sessions::Lifetime) -> Response {
    r.headers_mut().append(
        header::SET_COOKIE,
        super::session::session_cookie(ctx, token, life),
    );
    r
}

pub(super) fn now(state: &AppState) -> chrono::DateTime<chrono::Utc> {
    state.platform.runtime.services.now()
}

/// The pseudonymous id of the client's address (empty when unknown).
pub(super) fn address(ctx: &Ctx) -> String {
    if ctx.client_ip.is_empty() {
        String::new()
    } else {
        crate::identity::attempts::address_id(&ctx.secret, &ctx.client_ip)
    }
}

/// Whether the client's address made `max` requests of a kind within the
/// last hour; if not, count this one.
async fn over_limit(state: &AppState, ctx: &Ctx, kind: &str, max: u64) -> Result<bool> {
    let addr = address(ctx);
    if addr.is_empty() {
        return Ok(false);
    }
    let db = &state.platform.db;
    let key = format!("{kind}:{addr}");
    let now = now(state);
    let since = now - chrono::TimeDelta::hours(1);
    if crate::identity::attempts::count(db, ctx.site.id, &key, since).await? >= max {
        tracing::warn!(site = %ctx.site.config.slug, kind, "request refused: too many from one address");
        return Ok(true);
    }
    crate::identity::attempts::record(db, ctx.site.id, &key, now).await?;
    Ok(false)
}

/// Requests of one kind allowed per address and hour.
const SIGNUPS_PER_HOUR: u64 = 5;
const RESETS_PER_HOUR: u64 = 10;

fn busy() -> Error {
    Error::Unavailable(passwords::Busy.to_string())
}

/// Check a user's current password (within the server-wide hashing cap).
pub(super) async fn current_password_ok(
    state: &AppState,
    user_id: i64,
    given: &str,
) -> Result<bool> {
    let row = crate::db::entities::user::Entity::find_by_id(user_id)
        .one(&state.platform.db)
        .await?
        .ok_or(Error::NotFound(None))?;
    passwords::verify_limited(given.to_string(), row.password_hash)
        .await
        .map_err(|_| busy())
}

async fn hash_new_password(password: &str) -> Result<String> {
    passwords::hash_limited(password.to_string())
        .await
        .map_err(|e| match e.downcast_ref::<passwords::Busy>() {
            Some(_) => busy(),
            None => Error::Internal(e),
        })
}

/// Tell the owner of an account that something changed on it, with when
/// and what to do if it was not them. A mail that cannot be sent is
/// logged: the change itself is already saved.
pub(super) async fn notify_change(
    state: &AppState,
    ctx: &Ctx,
    to: Option<&str>,
    name: &str,
    what: &str,
) {
    let Some(to) = to.filter(|t| !t.is_empty()) else {
        return;
    };
    let tz: chrono_tz::Tz = ctx
        .site
        .config
        .timezone
        .parse()
        .unwrap_or(chrono_tz::Europe::Paris);
    let when = now(state)
        .with_timezone(&tz)
        .format("%d/%m/%Y %H:%M (%Z)")
        .to_string();
    let catalogue = state.render.host_catalogue();
    let site = ctx.site.config.name.clone();
    let subject = catalogue.t_args(
        ctx.lang,
        &format!("{what}-mail-subject"),
        &[("site", site.clone())],
    );
    let body = catalogue.t_args(
        ctx.lang,
        &format!("{what}-mail-body"),
        &[
            ("name", name.to_string()),
            ("site", site),
            ("when", when),
            ("reset", format!("{}/mot-de-passe", ctx.site.info.base_url)),
            ("contact", ctx.site.config.contact.email.clone()),
        ],
    );
    if let Err(e) = state.mail.send(to, &subject, &body).await {
        tracing::error!(error = %format!("{e:#}"), what, "cannot send the account change notice");
    }
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

pub(super) fn errors_json(
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
    if over_limit(&state, &ctx, "signup", SIGNUPS_PER_HOUR).await? {
        return Err(Error::TooMany);
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
    let hash = hash_new_password(field(form, "password")).await?;
    let name = field(form, "name").trim().to_string();
    let action = if invitation.is_some() {
        "account.invitation-accepted"
    } else {
        "account.signed-up"
    };
    // The invitation used up, the account, its audit entry and its session:
    // all or nothing.
    let (token, life) = state
        .platform
        .transact(async |txn| -> Result<_> {
            if let Some(t) = invitation
                && !tokens::use_up(txn, t, now(state)).await?
            {
                return Err(Error::Conflict(ctx.t(state, "invitation-used")));
            }
            let id = users::create_hashed(
                txn,
                ctx.site.id,
                users::NewUser {
                    username: &username,
                    name: &name,
                    email: (!email.is_empty()).then_some(email.as_str()),
                    password: "",
                    roles,
                },
                hash,
            )
            .await?;
            let actor = Actor {
                user_id: Some(id),
                name: Some(username.clone()),
            };
            crate::identity::audit::record(
                txn,
                ctx.site.id,
                &actor,
                None,
                action,
                &format!("user:{username}"),
                json!({ "roles": roles }),
            )
            .await?;
            let session = sessions::create(txn, ctx.site.id, id, now(state)).await?;
            Ok(session)
        })
        .await?;
    Ok(start_session(
        ctx,
        redirect_notice(state, ctx, "/compte", "account-created"),
        &token,
        life,
    ))
}

async fn invitation_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(secret): Path<String>,
) -> Result<Response> {
    let t = tokens::find_live(
        &state.platform.db,
        tokens::INVITATION,
        ctx.site.id,
        &secret,
        now(&state),
    )
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
    let t = tokens::find_live(
        &state.platform.db,
        tokens::INVITATION,
        ctx.site.id,
        &secret,
        now(&state),
    )
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

/// Always the same answer, whether the account exists or not, after the
/// same work: the token and the mail are made in the background.
async fn reset_request(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    ctx.check_csrf(Some(field(&form, "csrf_token")))?;
    if over_limit(&state, &ctx, "reset", RESETS_PER_HOUR).await? {
        return Err(Error::TooMany);
    }
    let db = &state.platform.db;
    let who = field(&form, "who").trim().to_lowercase();
    let account = if who.contains('@') {
        users::find_by_email(db, ctx.site.id, &who).await?
    } else {
        users::find_by_username(db, ctx.site.id, &who).await?
    };
    if let Some(u) = account.filter(|u| u.active)
        && let Some(email) = u.email.clone()
    {
        let state = state.clone();
        let ctx = ctx.clone();
        tokio::spawn(async move {
            if let Err(e) = send_reset_link(&state, &ctx, &u, &email).await {
                tracing::error!(error = %format!("{e:#}"), "cannot send the password reset message");
            }
        });
    }
    Page::new(
        Area::Portal,
        ctx.t(&state, "reset-title"),
        "account/reset_request.html",
        json!({ "sent": true }),
    )
    .render(&state, &ctx)
}

/// At most three reset links an hour per account, whoever asks.
async fn send_reset_link(
    state: &AppState,
    ctx: &Ctx,
    u: &crate::db::entities::user::Model,
    email: &str,
) -> anyhow::Result<()> {
    let db = &state.platform.db;
    let key = format!("reset-account:{}", u.id);
    let now = now(state);
    if crate::identity::attempts::count(db, ctx.site.id, &key, now - chrono::TimeDelta::hours(1))
        .await?
        >= 3
    {
        return Ok(());
    }
    let secret = state
        .platform
        .transact(async |txn| -> Result<_> {
            crate::identity::attempts::record(txn, ctx.site.id, &key, now).await?;
            let secret = tokens::create(
                txn,
                tokens::RESET,
                ctx.site.id,
                Some(u.id),
                json!({}),
                now,
                chrono::TimeDelta::hours(1),
            )
            .await?;
            Ok(secret)
        })
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
    state.mail.send(email, &subject, &body).await
}

async fn reset_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(secret): Path<String>,
) -> Result<Response> {
    tokens::find_live(
        &state.platform.db,
        tokens::RESET,
        ctx.site.id,
        &secret,
        now(&state),
    )
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
    let t = tokens::find_live(db, tokens::RESET, ctx.site.id, &secret, now(&state))
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
    let hash = hash_new_password(password).await?;
    state
        .platform
        .transact(async |txn| -> Result<_> {
            if !tokens::use_up(txn, &t, now(&state)).await? {
                return Err(Error::NotFound(Some("reset-link-invalid".into())));
            }
            set_password_hash(txn, user_id, hash).await?;
            // Every session of the account ends: whoever knew the old password
            // is out.
            sessions::delete_for_user(txn, user_id).await?;
            let actor = Actor {
                user_id: Some(user_id),
                name: Some(u.username.clone()),
            };
            crate::identity::audit::record(
                txn,
                ctx.site.id,
                &actor,
                None,
                "account.password-reset",
                &format!("user:{}", u.username),
                json!({}),
            )
            .await?;
            Ok(())
        })
        .await?;
    notify_change(
        &state,
        &ctx,
        u.email.as_deref(),
        &u.display_name,
        "password-changed",
    )
    .await;
    Ok(redirect_notice(&state, &ctx, "/login", "reset-done"))
}

async fn set_password_hash<C: sea_orm::ConnectionTrait>(
    db: &C,
    user_id: i64,
    hash: String,
) -> Result<()> {
    crate::db::entities::user::Entity::update_many()
        .col_expr(
            crate::db::entities::user::Column::PasswordHash,
            sea_orm::sea_query::Expr::value(hash),
        )
        .filter(sea_orm::ColumnTrait::eq(
            &crate::db::entities::user::Column::Id,
            user_id,
        ))
        .exec(db)
        .await?;
    Ok(())
}

use sea_orm::{EntityTrait, QueryFilter};

async fn account_page(
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
    let second_factor = crate::identity::second_factor::is_on(&state.platform.db, u.id).await?;
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
            "account": {
                "username": u.username,
                "roles": role_names,
                "groups": u.groups,
                "second_factor": second_factor,
            },
            "values": v,
            "errors": errors_json(state, ctx, errors),
        }),
    )
    .status(status)
    .render(state, ctx)
}

async fn account(State(state): State<AppState>, ctx: Ctx) -> Result<Response> {
    account_page(&state, &ctx, &BTreeMap::new(), &Form::new(), StatusCode::OK).await
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
    let old_email = u.email.clone().unwrap_or_default();
    let email_changes = email != old_email;
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
    // The address receives reset links: whoever changes it takes the
    // account, so a borrowed session is not enough.
    if email_changes
        && errors.is_empty()
        && !current_password_ok(&state, u.id, field(&form, "profile_password")).await?
    {
        errors.insert(
            "profile_password".to_string(),
            if field(&form, "profile_password").is_empty() {
                "account-email-needs-password"
            } else {
                "account-current-password-wrong"
            }
            .to_string(),
        );
    }
    if !errors.is_empty() {
        return account_page(
            &state,
            &ctx,
            &errors,
            &form,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    use crate::db::entities::user;
    state
        .platform
        .transact(async |txn| -> Result<_> {
            user::Entity::update_many()
                .col_expr(
                    user::Column::DisplayName,
                    sea_orm::sea_query::Expr::value(name),
                )
                .col_expr(
                    user::Column::Email,
                    sea_orm::sea_query::Expr::value((!email.is_empty()).then_some(email.clone())),
                )
                .filter(sea_orm::ColumnTrait::eq(&user::Column::Id, u.id))
                .exec(txn)
                .await?;
            if email_changes {
                crate::identity::audit::record(
                    txn,
                    ctx.site.id,
                    &actor_of(&u),
                    None,
                    "account.email-changed",
                    &format!("user:{}", u.username),
                    json!({}),
                )
                .await?;
            }
            Ok(())
        })
        .await?;
    if email_changes {
        // To the old address: the one its owner still reads if the change
        // was not theirs.
        notify_change(&state, &ctx, Some(&old_email), &u.name, "email-changed").await;
    }
    Ok(redirect_notice(&state, &ctx, "/compte", "account-saved"))
}

pub(super) fn actor_of(u: &crate::identity::users::CurrentUser) -> Actor {
    Actor {
        user_id: Some(u.id),
        name: Some(u.username.clone()),
    }
}

async fn change_password(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    ctx.check_csrf(Some(field(&form, "csrf_token")))?;
    let u = ctx.require_user()?.clone();
    let ok = current_password_ok(&state, u.id, field(&form, "current_password")).await?;
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
        )
        .await;
    }
    let hash = hash_new_password(password).await?;
    // The new password, the end of every other session, this browser's new
    // session and the audit entry: all or nothing.
    let (token, life) = state
        .platform
        .transact(async |txn| -> Result<_> {
            set_password_hash(txn, u.id, hash).await?;
            let session = sessions::restart(txn, ctx.site.id, u.id, now(&state)).await?;
            crate::identity::audit::record(
                txn,
                ctx.site.id,
                &actor_of(&u),
                None,
                "account.password-changed",
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
        "password-changed",
    )
    .await;
    Ok(start_session(
        &ctx,
        redirect_notice(&state, &ctx, "/compte", "account-password-changed"),
        &token,
        life,
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
    if !current_password_ok(&state, u.id, field(&form, "password")).await? {
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
    Ok(tokens::pending(
        &state.platform.db,
        tokens::INVITATION,
        ctx.site.id,
        now(state),
    )
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
        now(&state),
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
