//! The administration area: a site's administrator manages plugins (enable,
//! disable, versions, settings, grants, health), accounts, working groups,
//! the role → permission mapping and reads the audit log; a server
//! administrator also manages sites and plugin packages.
//!
//! Every page checks the role before anything else, every form its CSRF
//! token, and every change is written to the audit log.

mod audit;
mod groups;
mod overview;
mod permissions;
mod plugins;
mod server;
mod users;

use std::collections::BTreeMap;

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::Response;
use base64::Engine as _;
use serde_json::{Value, json};

use super::AppState;
use super::ctx::{Ctx, NOTICE_COOKIE};
use super::error::Result;
use super::page::Page;
use super::session::see_other;
use crate::identity::users::CurrentUser;
use crate::package::manifest::{Area, BUILTIN_ROLES};
use crate::storage::Actor;

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(overview::routes())
        .merge(plugins::routes())
        .merge(users::routes())
        .merge(groups::routes())
        .merge(permissions::routes())
        .merge(audit::routes())
        .merge(server::routes())
}

/// A submitted form, in order (checkboxes repeat their name).
type Form = Vec<(String, String)>;

/// Field errors: field name → message key of the host catalogue.
type Errors = BTreeMap<String, String>;

fn field<'a>(form: &'a Form, name: &str) -> &'a str {
    form.iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

fn all<'a>(form: &'a Form, name: &str) -> Vec<&'a str> {
    form.iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

/// The administrator sending a form: the role first (403), then the CSRF
/// token.
fn admin_post<'a>(ctx: &'a Ctx, form: &Form) -> Result<&'a CurrentUser> {
    let user = ctx.require_admin()?;
    ctx.check_csrf(
        form.iter()
            .find(|(k, _)| k == "csrf_token")
            .map(|(_, v)| v.as_str()),
    )?;
    Ok(user)
}

/// Write an audit entry of the host in the current site's log.
async fn audit(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    action: &str,
    subject: &str,
    details: Value,
) -> Result<()> {
    let actor = Actor {
        user_id: Some(user.id),
        name: Some(user.username.clone()),
    };
    crate::identity::audit::record(
        &state.platform.db,
        ctx.site.id,
        &actor,
        None,
        action,
        subject,
        details,
    )
    .await?;
    Ok(())
}

/// Redirect after a successful form, with a one-time notice (a host
/// message with arguments).
fn done(
    state: &AppState,
    ctx: &Ctx,
    location: &str,
    key: &str,
    args: &[(&str, String)],
) -> Response {
    let mut r = see_other(location);
    let text = state.render.host_catalogue().t_args(ctx.lang, key, args);
    let v = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text.as_bytes());
    r.headers_mut().append(
        header::SET_COOKIE,
        super::ctx::set_cookie(NOTICE_COOKIE, &v, Some(300), ctx.https),
    );
    r
}

/// Translate field errors for a template: `{field: message}`.
fn errors_json(state: &AppState, ctx: &Ctx, errors: &Errors) -> Value {
    json!(
        errors
            .iter()
            .map(|(k, v)| (k.clone(), ctx.t(state, v)))
            .collect::<BTreeMap<_, _>>()
    )
}

/// The error summary's links: `[{id, message}]` in the order of `order`
/// (the fields' order on the page), each pointing to its control.
fn summary(state: &AppState, ctx: &Ctx, errors: &Errors, order: &[&str], id_prefix: &str) -> Value {
    let mut keys: Vec<&String> = errors.keys().collect();
    keys.sort_by_key(|k| order.iter().position(|o| o == k).unwrap_or(usize::MAX));
    json!(
        keys.into_iter()
            .map(
                |k| json!({ "id": format!("{id_prefix}{k}"), "message": ctx.t(state, &errors[k]) })
            )
            .collect::<Vec<_>>()
    )
}

/// A page title that starts with the number of errors, when there are any.
fn title_with_errors(state: &AppState, ctx: &Ctx, title: String, errors: usize) -> String {
    if errors == 0 {
        return title;
    }
    let prefix = state.render.host_catalogue().t_args(
        ctx.lang,
        "admin-title-errors",
        &[("count", errors.to_string())],
    );
    format!("{prefix} – {title}")
}

/// A page of the administration area, under the "Administration" crumb.
fn page<'a>(
    state: &AppState,
    ctx: &Ctx,
    title: String,
    template: &'a str,
    context: Value,
) -> Page<'a> {
    Page::new(Area::Admin, title, template, context).crumb(ctx.t(state, "admin-title"), "/admin/")
}

/// The same, with a status (422 for a form shown again with errors).
fn page_status<'a>(
    state: &AppState,
    ctx: &Ctx,
    title: String,
    template: &'a str,
    context: Value,
    status: StatusCode,
) -> Page<'a> {
    page(state, ctx, title, template, context).status(status)
}

/// The roles of the site: the built-in ones, then those its enabled plugins
/// declare, each with its title in the page's language.
fn site_roles(state: &AppState, ctx: &Ctx) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = BUILTIN_ROLES
        .iter()
        .map(|r| (r.to_string(), ctx.t(state, &format!("admin-role-{r}"))))
        .collect();
    for p in &ctx.site.plugins {
        for r in &p.loaded.manifest.roles {
            if !out.iter().any(|(n, _)| n == &r.name) {
                out.push((r.name.clone(), r.title.get(ctx.lang).to_string()));
            }
        }
    }
    out
}

fn roles_json(roles: &[(String, String)]) -> Value {
    json!(
        roles
            .iter()
            .map(|(name, title)| json!({ "name": name, "title": title }))
            .collect::<Vec<_>>()
    )
}

/// The title of a role, or its name when unknown (a role of a plugin no
/// longer enabled).
fn role_title(roles: &[(String, String)], name: &str) -> String {
    roles
        .iter()
        .find(|(n, _)| n == name)
        .map_or_else(|| name.to_string(), |(_, t)| t.clone())
}

/// A URL-safe slug from a name: "Commission environnement" →
/// `commission-environnement`.
fn slugify(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().to_lowercase().chars() {
        let folded = match c {
            'à' | 'â' | 'ä' | 'á' => "a",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'î' | 'ï' | 'í' => "i",
            'ô' | 'ö' | 'ó' => "o",
            'ù' | 'û' | 'ü' | 'ú' => "u",
            'ç' => "c",
            'ÿ' => "y",
            'ñ' => "n",
            'œ' => "oe",
            'æ' => "ae",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => "-",
        };
        out.push_str(folded);
    }
    let mut slug = String::new();
    for part in out.split('-').filter(|p| !p.is_empty()) {
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(part);
    }
    slug.chars()
        .take(64)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

/// Whether an e-mail address looks like one.
fn valid_email(e: &str) -> bool {
    e.len() <= 254
        && !e.contains(char::is_whitespace)
        && e.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        })
}

/// Microseconds as milliseconds for people ("0,42 ms").
fn millis(us: Option<u64>) -> Option<f64> {
    us.map(|u| u as f64 / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_slugs_without_accents() {
        assert_eq!(
            slugify("Commission environnement"),
            "commission-environnement"
        );
        assert_eq!(
            slugify("  Élus & Agents — été 2026 "),
            "elus-agents-ete-2026"
        );
        assert_eq!(slugify("Œuvres sociales"), "oeuvres-sociales");
        assert_eq!(slugify("!!!"), "");
    }

    #[test]
    fn e_mail_addresses_are_checked_roughly() {
        assert!(valid_email("marie.dupont@mairie.fr"));
        assert!(!valid_email("marie.dupont"));
        assert!(!valid_email("marie @mairie.fr"));
        assert!(!valid_email("@mairie.fr"));
    }
}
