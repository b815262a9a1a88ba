//! Plugins on the site: the installed ones with their state here; enable
//! (with a mount path), disable (after a confirmation saying the data is
//! kept), move to another installed version; and per plugin its settings
//! form, the capabilities it asks for beside the grants, its permissions
//! and roles, and its health.

use std::collections::BTreeMap;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use semver::Version;
use serde_json::{Value, json};

use super::{
    Errors, Form, admin_post, all, audit, done, field, millis, page, page_status, role_title,
    site_roles, summary, title_with_errors,
};
use crate::db::entities::site_plugin;
use crate::package::Manifest;
use crate::package::manifest::{Area, SettingType};
use crate::package::settings;
use crate::platform::plugins::{EnableOptions, InstalledVersion, StoredGrants};
use crate::web::AppState;
use crate::web::ctx::Ctx;
use crate::web::error::{Error, Result};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/plugins", get(list))
        .route("/admin/plugins/{name}", get(detail))
        .route("/admin/plugins/{name}/enable", post(enable))
        .route(
            "/admin/plugins/{name}/disable",
            get(disable_form).post(disable),
        )
        .route("/admin/plugins/{name}/version", post(switch_version))
        .route("/admin/plugins/{name}/settings", post(save_settings))
        .route("/admin/plugins/{name}/grants", post(save_grants))
        .route("/admin/plugins/{name}/resume", post(resume))
}

/// The installed versions of one plugin, newest first.
fn versions_of<'a>(installed: &'a [InstalledVersion], name: &str) -> Vec<&'a InstalledVersion> {
    installed.iter().filter(|v| v.name == name).collect()
}

/// The mount path stored for a site's plugin.
fn stored_path(row: &site_plugin::Model) -> Option<String> {
    serde_json::from_str(&row.paths).ok()
}

/// What went wrong with the enable form of one plugin, to show it again.
struct EnableAttempt {
    name: String,
    path: String,
    version: String,
    errors: Errors,
    /// A refusal of the platform, as it explained it.
    refusal: Option<String>,
}

async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response> {
    ctx.require_admin()?;
    list_page(&state, &ctx, None).await
}

/// What a plugin asks to reach beyond its own tables, with its reasons,
/// for the administrator to read before enabling it.
fn capabilities(manifest: &crate::package::Manifest, lang: &str) -> Vec<serde_json::Value> {
    let caps = &manifest.capabilities;
    let mut out = Vec::new();
    if let Some(http) = &caps.http {
        out.push(json!({ "kind": "http", "hosts": http.hosts, "reason": http.reason.get(lang) }));
    }
    if let Some(mail) = &caps.mail {
        out.push(json!({ "kind": "mail", "reason": mail.reason.get(lang) }));
    }
    if let Some(directory) = &caps.directory {
        out.push(json!({ "kind": "directory", "reason": directory.reason.get(lang) }));
    }
    out
}

async fn list_page(
    state: &AppState,
    ctx: &Ctx,
    attempt: Option<EnableAttempt>,
) -> Result<Response> {
    let platform = &state.platform;
    let installed = platform.installed_versions(None).await?;
    let rows: BTreeMap<String, site_plugin::Model> = platform
        .site_plugins(ctx.site.id)
        .await?
        .into_iter()
        .map(|r| (r.plugin.clone(), r))
        .collect();
    let mut names: Vec<&str> = installed.iter().map(|v| v.name.as_str()).collect();
    names.dedup();
    let trusted = crate::package::signature::TrustedKeys::read(&platform.settings.data_dir)
        .unwrap_or_default();
    let mut plugins = Vec::new();
    for name in names {
        let versions = versions_of(&installed, name);
        let newest = versions[0];
        let row = rows.get(name);
        // The manifest shown is the one the site uses, else the newest.
        let version_shown = row.map_or_else(|| newest.version.to_string(), |r| r.version.clone());
        let Some(manifest) = platform.manifest_of(name, &version_shown).await? else {
            continue;
        };
        let enabled = row.is_some_and(|r| r.enabled) && ctx.site.plugin(name).is_some();
        let failed = attempt.as_ref().filter(|a| a.name == name);
        let path = failed.map_or_else(
            || {
                row.and_then(stored_path)
                    .unwrap_or_else(|| manifest.default_path.clone())
            },
            |a| a.path.clone(),
        );
        let chosen = failed.map_or_else(|| version_shown.clone(), |a| a.version.clone());
        plugins.push(json!({
            "name": name,
            "title": manifest.title.get(ctx.lang),
            "description": manifest.description.get(ctx.lang),
            "enabled": enabled,
            "set_up": row.is_some(),
            "version": row.map(|r| r.version.clone()),
            "path": path,
            "chosen": chosen,
            "newest": newest.version.to_string(),
            "upgradable": row.is_some_and(|r| Version::parse(&r.version).is_ok_and(|v| v < newest.version)),
            "versions": versions.iter().map(|v| v.version.to_string()).collect::<Vec<_>>(),
            "url": format!("/admin/plugins/{name}"),
            "errors": failed.map(|a| super::errors_json(state, ctx, &a.errors)),
            "refusal": failed.and_then(|a| a.refusal.clone()),
            "signature": versions
                .iter()
                .find(|v| v.version.to_string() == version_shown)
                .and_then(|v| v.signature.as_ref())
                .map(|sig| json!({
                    "signer": sig.signer,
                    "key": sig.key,
                    "trusted": trusted.find(sig).map(|k| k.name.clone()),
                })),
            "capabilities": capabilities(&manifest, ctx.lang),
        }));
    }
    let (status, errors) = match &attempt {
        Some(a) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            a.errors.len() + usize::from(a.refusal.is_some()),
        ),
        None => (StatusCode::OK, 0),
    };
    let summary_links = attempt.as_ref().map(|a| {
        let mut links = summary(
            state,
            ctx,
            &a.errors,
            &["version", "path"],
            &format!("admin-{}-", a.name),
        );
        if let (Some(r), Some(list)) = (&a.refusal, links.as_array_mut()) {
            list.push(json!({ "id": format!("admin-{}-enable", a.name), "message": r }));
        }
        links
    });
    let title = title_with_errors(state, ctx, ctx.t(state, "admin-plugins-title"), errors);
    page_status(
        state,
        ctx,
        title,
        "admin/plugins.html",
        json!({ "plugins": plugins, "summary": summary_links }),
        status,
    )
    .render(state, ctx)
}

async fn enable(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(name): Path<String>,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    let user = admin_post(&ctx, &form)?.clone();
    let platform = &state.platform;
    let installed = platform.installed_versions(Some(&name)).await?;
    if installed.is_empty() {
        return Err(Error::NotFound(None));
    }
    let path = field(&form, "path").trim().to_lowercase();
    let version_text = field(&form, "version").trim().to_string();
    let mut errors = Errors::new();
    let version = match Version::parse(&version_text) {
        Ok(v) if installed.iter().any(|i| i.version == v) => Some(v),
        _ if version_text.is_empty() => None,
        _ => {
            errors.insert("version".into(), "admin-version-unknown".into());
            None
        }
    };
    if !crate::sites::config::is_slug(&path) {
        errors.insert("path".into(), "admin-path-invalid".into());
    } else if crate::web::RESERVED_PATHS.contains(&path.as_str()) {
        errors.insert("path".into(), "admin-path-reserved".into());
    } else if ctx
        .site
        .plugins
        .iter()
        .any(|p| p.path == path && p.name != name)
    {
        errors.insert("path".into(), "admin-path-taken".into());
    }
    let attempt = |errors: Errors, refusal: Option<String>| EnableAttempt {
        name: name.clone(),
        path: path.clone(),
        version: version_text.clone(),
        errors,
        refusal,
    };
    if !errors.is_empty() {
        return list_page(&state, &ctx, Some(attempt(errors, None))).await;
    }
    let options = EnableOptions {
        version: version.clone(),
        path: Some(path.clone()),
        ..Default::default()
    };
    if let Err(e) = platform.enable(&ctx.site.config.slug, &name, options).await {
        // What is left are the platform's own checks (a required plugin
        // missing…): its explanation is shown as it is.
        tracing::info!(plugin = %name, error = %format!("{e:#}"), "enabling refused");
        return list_page(
            &state,
            &ctx,
            Some(attempt(Errors::new(), Some(format!("{e:#}")))),
        )
        .await;
    }
    let version = platform
        .site_plugin(ctx.site.id, &name)
        .await?
        .map(|r| r.version)
        .unwrap_or_default();
    audit(
        &state,
        &ctx,
        &user,
        "plugin.enable",
        &format!("plugin:{name}"),
        json!({ "version": version, "path": path }),
    )
    .await?;
    Ok(done(
        &state,
        &ctx,
        "/admin/plugins",
        "admin-plugin-enabled",
        &[("plugin", plugin_title(&ctx, &name))],
    ))
}

/// The title of a plugin enabled on the site, else its name.
fn plugin_title(ctx: &Ctx, name: &str) -> String {
    ctx.site.plugin(name).map_or_else(
        || name.to_string(),
        |p| p.loaded.manifest.title.get(ctx.lang).to_string(),
    )
}

/// Enabled plugins of the site that need `name`.
fn dependants(ctx: &Ctx, name: &str) -> Vec<String> {
    ctx.site
        .plugins
        .iter()
        .filter(|p| p.loaded.manifest.requires.contains_key(name))
        .map(|p| p.loaded.manifest.title.get(ctx.lang).to_string())
        .collect()
}

async fn disable_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(name): Path<String>,
) -> Result<Response> {
    ctx.require_admin()?;
    let plugin = ctx
        .site
        .plugin(&name)
        .cloned()
        .ok_or(Error::NotFound(None))?;
    let title = plugin.loaded.manifest.title.get(ctx.lang).to_string();
    let page_title = state.render.host_catalogue().t_args(
        ctx.lang,
        "admin-disable-title",
        &[("plugin", title.clone())],
    );
    page(
        &state,
        &ctx,
        page_title,
        "admin/disable.html",
        json!({ "name": name, "title": title, "dependants": dependants(&ctx, &name), "url": format!("/admin/plugins/{name}") }),
    )
    .crumb(ctx.t(&state, "admin-plugins-title"), "/admin/plugins")
    .render(&state, &ctx)
}

async fn disable(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(name): Path<String>,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    let user = admin_post(&ctx, &form)?.clone();
    let plugin = ctx
        .site
        .plugin(&name)
        .cloned()
        .ok_or(Error::NotFound(None))?;
    let needed_by = dependants(&ctx, &name);
    if !needed_by.is_empty() {
        return Err(Error::Conflict(state.render.host_catalogue().t_args(
            ctx.lang,
            "admin-disable-needed",
            &[("plugins", needed_by.join(", "))],
        )));
    }
    state.platform.disable(&ctx.site.config.slug, &name).await?;
    audit(
        &state,
        &ctx,
        &user,
        "plugin.disable",
        &format!("plugin:{name}"),
        json!({ "version": plugin.loaded.version().to_string() }),
    )
    .await?;
    Ok(done(
        &state,
        &ctx,
        "/admin/plugins",
        "admin-plugin-disabled",
        &[(
            "plugin",
            plugin.loaded.manifest.title.get(ctx.lang).to_string(),
        )],
    ))
}

async fn switch_version(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(name): Path<String>,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    let user = admin_post(&ctx, &form)?.clone();
    let platform = &state.platform;
    let row = platform
        .site_plugin(ctx.site.id, &name)
        .await?
        .ok_or(Error::NotFound(None))?;
    let version = Version::parse(field(&form, "version").trim())
        .map_err(|_| Error::Invalid(vec![("version".into(), "admin-version-unknown".into())]))?;
    let manifest = platform
        .manifest_of(&name, &version.to_string())
        .await?
        .ok_or_else(|| Error::Invalid(vec![("version".into(), "admin-version-unknown".into())]))?;
    if row.version == version.to_string() {
        return Ok(done(
            &state,
            &ctx,
            "/admin/plugins",
            "admin-version-unchanged",
            &[("version", version.to_string())],
        ));
    }
    // `switch_version` does not look at requirements: a version needing a
    // plugin the site lacks would fail at its first call.
    for (dep, req) in &manifest.requires {
        if !ctx
            .site
            .plugin(dep)
            .is_some_and(|p| req.matches(p.loaded.version()))
        {
            return Err(Error::Conflict(state.render.host_catalogue().t_args(
                ctx.lang,
                "admin-version-requires",
                &[("plugin", dep.clone()), ("range", req.to_string())],
            )));
        }
    }
    platform
        .switch_version(ctx.site.id, &name, &version)
        .await?;
    platform.changed().await?;
    audit(
        &state,
        &ctx,
        &user,
        "plugin.version",
        &format!("plugin:{name}"),
        json!({ "from": row.version, "to": version.to_string() }),
    )
    .await?;
    Ok(done(
        &state,
        &ctx,
        "/admin/plugins",
        "admin-version-switched",
        &[
            ("plugin", manifest.title.get(ctx.lang).to_string()),
            ("version", version.to_string()),
        ],
    ))
}

/// The settings form: one field per setting of the manifest, with the
/// stored values, or with what was submitted and the errors.
fn settings_fields(
    state: &AppState,
    ctx: &Ctx,
    manifest: &Manifest,
    stored: &Value,
    submitted: Option<(&Form, &Errors)>,
) -> Vec<Value> {
    let effective = settings::effective(manifest, stored);
    manifest
        .settings
        .iter()
        .map(|s| {
            let (value, checked) = match submitted {
                Some((form, _)) => (
                    field(form, &s.name).to_string(),
                    matches!(field(form, &s.name), "on" | "true" | "1"),
                ),
                None => {
                    let v = &effective[&s.name];
                    let text = match v {
                        Value::Null => String::new(),
                        Value::String(t) => t.clone(),
                        Value::Array(items) => items
                            .iter()
                            .filter_map(Value::as_str)
                            .collect::<Vec<_>>()
                            .join("\n"),
                        Value::Number(n) if ctx.lang == "fr" => n.to_string().replace('.', ","),
                        other => other.to_string(),
                    };
                    (text, v.as_bool().unwrap_or(false))
                }
            };
            let error = submitted
                .and_then(|(_, e)| e.get(&s.name))
                .map(|k| ctx.t(state, k));
            let kind = match s.kind {
                SettingType::Boolean => "boolean",
                SettingType::Integer => "integer",
                SettingType::Float => "float",
                SettingType::Text => "text",
                SettingType::Textarea => "textarea",
                SettingType::Choice => "choice",
                SettingType::Time => "time",
                SettingType::List => "list",
            };
            json!({
                "name": s.name,
                "id": format!("admin-setting-{}", s.name),
                "kind": kind,
                "title": s.title.get(ctx.lang),
                "help": s.help.as_ref().map(|h| h.get(ctx.lang)),
                "required": s.required,
                "min": s.min,
                "max": s.max,
                "choices": s.choices,
                "value": value,
                "checked": checked,
                "error": error,
            })
        })
        .collect()
}

/// What the detail page shows again after a refused form.
#[derive(Default)]
struct Submitted<'a> {
    settings: Option<(&'a Form, &'a Errors)>,
    grants: Option<(&'a Form, &'a Errors)>,
}

async fn detail(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(name): Path<String>,
) -> Result<Response> {
    ctx.require_admin()?;
    detail_page(&state, &ctx, &name, Submitted::default()).await
}

async fn detail_page(
    state: &AppState,
    ctx: &Ctx,
    name: &str,
    submitted: Submitted<'_>,
) -> Result<Response> {
    let platform = &state.platform;
    let installed = platform.installed_versions(Some(name)).await?;
    let Some(newest) = installed.first() else {
        return Err(Error::NotFound(None));
    };
    let row = platform.site_plugin(ctx.site.id, name).await?;
    let version = row
        .as_ref()
        .map_or_else(|| newest.version.to_string(), |r| r.version.clone());
    let manifest = platform
        .manifest_of(name, &version)
        .await?
        .ok_or(Error::NotFound(None))?;
    let enabled_here = ctx.site.plugin(name);
    let roles = site_roles(state, ctx);

    let stored: Value = row
        .as_ref()
        .and_then(|r| serde_json::from_str(&r.settings).ok())
        .unwrap_or_else(|| json!({}));
    let settings = settings_fields(state, ctx, &manifest, &stored, submitted.settings);

    let grants: StoredGrants = row
        .as_ref()
        .and_then(|r| serde_json::from_str(&r.grants).ok())
        .unwrap_or_default();
    let (granted_hosts, granted_mail): (Vec<String>, bool) = match submitted.grants {
        Some((form, _)) => (
            all(form, "http").into_iter().map(str::to_string).collect(),
            field(form, "mail") == "on",
        ),
        None => (grants.http.clone(), grants.mail),
    };
    let http = manifest.capabilities.http.as_ref().map(|h| {
        json!({
            "reason": h.reason.get(ctx.lang),
            "hosts": h.hosts.iter().enumerate().map(|(i, host)| json!({
                "host": host, "id": format!("admin-grant-http-{i}"), "granted": granted_hosts.contains(host),
            })).collect::<Vec<_>>(),
        })
    });
    // The folder is the server administrator's to grant (`estive plugin
    // grant-folder`): the site's administrator only sees it.
    let dir = manifest
        .capabilities
        .directory
        .as_ref()
        .map(|d| json!({ "reason": d.reason.get(ctx.lang), "value": grants.directory }));
    let mail = manifest
        .capabilities
        .mail
        .as_ref()
        .map(|m| json!({ "reason": m.reason.get(ctx.lang), "granted": granted_mail }));
    let grant_errors = submitted
        .grants
        .map(|(_, e)| super::errors_json(state, ctx, e));

    let permissions: Vec<Value> = manifest
        .permissions
        .iter()
        .map(|p| {
            let current = ctx
                .site
                .permission_roles
                .get(&p.name)
                .cloned()
                .unwrap_or_default();
            json!({
                "name": p.name,
                "title": p.title.get(ctx.lang),
                "defaults": p.roles.iter().map(|r| role_title(&roles, r)).collect::<Vec<_>>(),
                "current": current.iter().map(|r| role_title(&roles, r)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let declared_roles: Vec<Value> = manifest
        .roles
        .iter()
        .map(|r| json!({ "name": r.name, "title": r.title.get(ctx.lang) }))
        .collect();
    let health = Version::parse(&version)
        .ok()
        .and_then(|v| platform.runtime.get(name, &v))
        .map(|l| {
            let r = l.health.report();
            json!({
                "calls": r.calls, "faults": r.faults,
                "p50_ms": millis(r.p50_us), "p99_ms": millis(r.p99_us),
                "suspended_until": r.suspended_until,
            })
        });
    let path = row
        .as_ref()
        .and_then(stored_path)
        .unwrap_or_else(|| manifest.default_path.clone());
    let mounts: Vec<Value> = Area::ALL
        .iter()
        .filter(|a| manifest.routes.iter().any(|r| r.area == **a))
        .map(|a| json!({ "area": a.as_str(), "url": format!("{}/{path}/", a.prefix()) }))
        .collect();
    let enable_form = json!({
        "name": name,
        "url": format!("/admin/plugins/{name}"),
        "versions": installed.iter().map(|v| v.version.to_string()).collect::<Vec<_>>(),
        "chosen": version,
        "newest": newest.version.to_string(),
        "path": path,
        "set_up": row.is_some(),
    });
    let mut errors = 0;
    let mut summary_links = Vec::new();
    let order: Vec<&str> = manifest.settings.iter().map(|s| s.name.as_str()).collect();
    if let Some((_, e)) = submitted.settings {
        errors += e.len();
        summary_links.extend(
            summary(state, ctx, e, &order, "admin-setting-")
                .as_array()
                .cloned()
                .unwrap_or_default(),
        );
    }
    if let Some((_, e)) = submitted.grants {
        errors += e.len();
        summary_links.extend(
            summary(state, ctx, e, &["http", "mail"], "admin-grant-")
                .as_array()
                .cloned()
                .unwrap_or_default(),
        );
    }
    let title = title_with_errors(state, ctx, manifest.title.get(ctx.lang).to_string(), errors);
    let status = if errors > 0 {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    page_status(
        state,
        ctx,
        title,
        "admin/plugin.html",
        json!({
            "name": name,
            "title": manifest.title.get(ctx.lang),
            "description": manifest.description.get(ctx.lang),
            "version": version,
            "api": manifest.api.to_string(),
            "set_up": row.is_some(),
            "enabled": enabled_here.is_some(),
            "newest": newest.version.to_string(),
            "enable_form": enable_form,
            "mounts": if enabled_here.is_some() { mounts } else { Vec::new() },
            "settings": settings,
            "http": http,
            "directory": dir,
            "mail": mail,
            "grant_errors": grant_errors,
            "permissions": permissions,
            "declared_roles": declared_roles,
            "health": health,
            "summary": summary_links,
        }),
        status,
    )
    .crumb(ctx.t(state, "admin-plugins-title"), "/admin/plugins")
    .render(state, ctx)
}

async fn save_settings(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(name): Path<String>,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    let user = admin_post(&ctx, &form)?.clone();
    let platform = &state.platform;
    let before: Value = platform
        .site_plugin(ctx.site.id, &name)
        .await?
        .ok_or(Error::NotFound(None))
        .map(|r| serde_json::from_str(&r.settings).unwrap_or_default())?;
    let fields: Form = form
        .iter()
        .filter(|(k, _)| k != "csrf_token")
        .cloned()
        .collect();
    match platform.save_settings(ctx.site.id, &name, &fields).await? {
        Ok(()) => {
            let saved = platform
                .site_plugin(ctx.site.id, &name)
                .await?
                .map(|r| r.settings)
                .unwrap_or_default();
            let after: Value = serde_json::from_str(&saved).unwrap_or_default();
            // The names of the settings that changed, not their values: a
            // setting may be a key to an outside service, and the log is
            // kept and exported.
            let changed: Vec<&String> = after
                .as_object()
                .into_iter()
                .flatten()
                .filter(|(k, v)| before.get(k.as_str()) != Some(v))
                .map(|(k, _)| k)
                .collect();
            audit(
                &state,
                &ctx,
                &user,
                "plugin.settings",
                &format!("plugin:{name}"),
                json!({ "changed": changed }),
            )
            .await?;
            Ok(done(
                &state,
                &ctx,
                &format!("/admin/plugins/{name}"),
                "admin-settings-saved",
                &[],
            ))
        }
        Err(errors) => {
            let errors: Errors = errors;
            detail_page(
                &state,
                &ctx,
                &name,
                Submitted {
                    settings: Some((&form, &errors)),
                    grants: None,
                },
            )
            .await
        }
    }
}

async fn save_grants(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(name): Path<String>,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    let user = admin_post(&ctx, &form)?.clone();
    let platform = &state.platform;
    let row = platform
        .site_plugin(ctx.site.id, &name)
        .await?
        .ok_or(Error::NotFound(None))?;
    let manifest = platform
        .manifest_of(&name, &row.version)
        .await?
        .ok_or(Error::NotFound(None))?;
    let asked: &[String] = manifest
        .capabilities
        .http
        .as_ref()
        .map_or(&[], |h| &h.hosts);
    let hosts: Vec<String> = all(&form, "http").into_iter().map(str::to_string).collect();
    if hosts.iter().any(|h| !asked.contains(h)) {
        // Only a forged form offers a host the manifest does not ask for.
        return Err(Error::BadRequest("admin-grant-not-asked".into()));
    }
    let mail = field(&form, "mail") == "on";
    if mail && manifest.capabilities.mail.is_none() {
        return Err(Error::BadRequest("admin-grant-not-asked".into()));
    }
    let before: StoredGrants = serde_json::from_str(&row.grants).unwrap_or_default();
    let grants = StoredGrants {
        http: hosts,
        mail,
        // Not the site administrator's to change.
        directory: before.directory,
    };
    platform
        .save_grants(ctx.site.id, &name, grants.clone())
        .await?;
    audit(
        &state,
        &ctx,
        &user,
        "plugin.grants",
        &format!("plugin:{name}"),
        json!({ "http": grants.http, "mail": grants.mail }),
    )
    .await?;
    Ok(done(
        &state,
        &ctx,
        &format!("/admin/plugins/{name}"),
        "admin-grants-saved",
        &[],
    ))
}

async fn resume(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(name): Path<String>,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    let user = admin_post(&ctx, &form)?.clone();
    let plugin = ctx
        .site
        .plugin(&name)
        .cloned()
        .ok_or(Error::NotFound(None))?;
    plugin.loaded.health.resume();
    audit(
        &state,
        &ctx,
        &user,
        "plugin.resume",
        &format!("plugin:{name}"),
        json!({ "version": plugin.loaded.version().to_string() }),
    )
    .await?;
    Ok(done(
        &state,
        &ctx,
        &format!("/admin/plugins/{name}"),
        "admin-plugin-resumed",
        &[],
    ))
}
