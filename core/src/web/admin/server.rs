//! Server administration, for accounts marked `server_admin`: every site
//! of the server, creating a site, uploading a plugin package (installed,
//! or installed and rolled out to the sites using an older version), and
//! every installed plugin version with its API version, faults and call
//! latency on this node.

use std::collections::BTreeMap;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::response::Response;
use axum::routing::{get, post};
use serde_json::{Value, json};

use super::{
    Errors, Form, audit, done, errors_json, field, millis, page_status, summary, title_with_errors,
    valid_email,
};
use crate::identity::passwords;
use crate::identity::users::{self, CurrentUser};
use crate::package::Package;
use crate::platform::plugins::InstallOutcome;
use crate::sites::config::{SiteConfig, is_slug};
use crate::storage::Actor;
use crate::web::AppState;
use crate::web::ctx::Ctx;
use crate::web::error::{Error, Result};

/// Largest upload: the largest package the platform accepts, plus the
/// form around it.
const MAX_UPLOAD: u64 = 49 << 20;

const SITE_FIELDS: [&str; 6] = [
    "slug",
    "name",
    "domain",
    "admin_username",
    "admin_name",
    "admin_email",
];

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/server", get(overview))
        .route("/admin/server/sites", post(create_site))
        .route("/admin/server/packages", post(upload))
}

/// The server administrator, or 403 (sign in first when anonymous).
fn require_server_admin(ctx: &Ctx) -> Result<&CurrentUser> {
    let u = ctx.require_user()?;
    if u.server_admin {
        ctx.check_admin_factor()?;
        Ok(u)
    } else {
        Err(Error::AccessDenied)
    }
}

/// What the page shows again after a refused form.
#[derive(Default)]
struct Refused<'a> {
    site: Option<(&'a Form, &'a Errors)>,
    /// Why an uploaded package was refused, as the platform explained it.
    package: Option<String>,
}

async fn overview(State(state): State<AppState>, ctx: Ctx) -> Result<Response> {
    require_server_admin(&ctx)?;
    server_page(&state, &ctx, Refused::default()).await
}

async fn server_page(state: &AppState, ctx: &Ctx, refused: Refused<'_>) -> Result<Response> {
    let platform = &state.platform;
    let snapshot = platform.snapshot();
    let sites: Vec<Value> = snapshot
        .sites
        .iter()
        .map(|s| {
            json!({
                "slug": s.config.slug,
                "name": s.config.name,
                "domains": s.config.domains,
                "default": s.config.default,
                "current": s.id == ctx.site.id,
                "base_url": s.info.base_url,
                "plugins": s.plugins.iter().map(|p| json!({ "name": p.name, "version": p.loaded.version().to_string() })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let usage = platform.version_usage().await?;
    let versions: Vec<Value> = platform
        .installed_versions(None)
        .await?
        .into_iter()
        .map(|v| {
            let health = platform
                .runtime
                .get(&v.name, &v.version)
                .map(|l| l.health.report());
            json!({
                "name": v.name,
                "title": v.title,
                "version": v.version.to_string(),
                "api_version": v.api_version,
                "installed_at": v.installed_at.to_rfc3339(),
                "sites": usage.get(&(v.name.clone(), v.version.to_string())).copied().unwrap_or(0),
                "loaded": health.is_some(),
                "calls": health.as_ref().map(|h| h.calls),
                "faults": health.as_ref().map(|h| h.faults),
                "p50_ms": health.as_ref().and_then(|h| millis(h.p50_us)),
                "p99_ms": health.as_ref().and_then(|h| millis(h.p99_us)),
                "suspended_until": health.as_ref().and_then(|h| h.suspended_until.clone()),
            })
        })
        .collect();
    let (no_form, no_errors) = (Form::new(), Errors::new());
    let (form, errors) = refused.site.unwrap_or((&no_form, &no_errors));
    let mut summary_links = summary(state, ctx, errors, &SITE_FIELDS, "admin-site-")
        .as_array()
        .cloned()
        .unwrap_or_default();
    if let Some(reason) = &refused.package {
        summary_links.push(
            json!({ "id": "admin-package", "message": ctx.t(state, "admin-package-refused") }),
        );
        tracing::info!(reason = %reason, "package refused");
    }
    let count = summary_links.len();
    let title = title_with_errors(state, ctx, ctx.t(state, "admin-server-title"), count);
    let status = if count > 0 {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let values: BTreeMap<&str, &str> = SITE_FIELDS.iter().map(|f| (*f, field(form, f))).collect();
    page_status(
        state,
        ctx,
        title,
        "admin/server.html",
        json!({
            "sites": sites,
            "versions": versions,
            "values": values,
            "errors": errors_json(state, ctx, errors),
            "summary": summary_links,
            "package_refusal": refused.package,
            "max_mib": MAX_UPLOAD >> 20,
        }),
        status,
    )
    .render(state, ctx)
}

async fn create_site(
    State(state): State<AppState>,
    ctx: Ctx,
    axum::Form(form): axum::Form<Form>,
) -> Result<Response> {
    let admin = require_server_admin(&ctx)?.clone();
    ctx.check_csrf(Some(field(&form, "csrf_token")))?;
    let platform = &state.platform;
    let snapshot = platform.snapshot();
    let slug = field(&form, "slug").trim().to_lowercase();
    let name = field(&form, "name").trim().to_string();
    let domain = field(&form, "domain")
        .trim()
        .trim_end_matches('.')
        .to_lowercase();
    let admin_username = field(&form, "admin_username").trim().to_lowercase();
    let admin_name = field(&form, "admin_name").trim().to_string();
    let admin_email = field(&form, "admin_email").trim().to_lowercase();
    let mut errors = Errors::new();
    if !is_slug(&slug) {
        errors.insert("slug".into(), "admin-site-slug-invalid".into());
    } else if snapshot.site(&slug).is_some() {
        errors.insert("slug".into(), "admin-site-slug-taken".into());
    }
    if name.is_empty() {
        errors.insert("name".into(), "field-required".into());
    } else if name.chars().count() > 200 {
        errors.insert("name".into(), "field-too-long".into());
    }
    if !domain.is_empty() {
        let well_formed = domain.len() <= 253
            && domain.split('.').all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            });
        if !well_formed {
            errors.insert("domain".into(), "admin-site-domain-invalid".into());
        } else if snapshot.sites.iter().any(|s| {
            s.config
                .domains
                .iter()
                .any(|d| d.eq_ignore_ascii_case(&domain))
        }) {
            errors.insert("domain".into(), "admin-site-domain-taken".into());
        }
    }
    if !admin_username.is_empty() || !admin_name.is_empty() || !admin_email.is_empty() {
        if !users::valid_username(&admin_username) {
            errors.insert("admin_username".into(), "admin-username-invalid".into());
        }
        if admin_name.is_empty() {
            errors.insert("admin_name".into(), "field-required".into());
        }
        if !admin_email.is_empty() && !valid_email(&admin_email) {
            errors.insert("admin_email".into(), "field-invalid-email".into());
        }
    }
    if !errors.is_empty() {
        return server_page(
            &state,
            &ctx,
            Refused {
                site: Some((&form, &errors)),
                package: None,
            },
        )
        .await;
    }
    let mut config = SiteConfig::new(&slug, &name);
    if !domain.is_empty() {
        config.domains = vec![domain.clone()];
    }
    platform
        .apply_site(config, BTreeMap::new(), BTreeMap::new(), None)
        .await?;
    let new_site = platform.snapshot().site(&slug).cloned().ok_or_else(|| {
        Error::Internal(anyhow::anyhow!("site {slug} vanished after its creation"))
    })?;
    let mut password = None;
    if !admin_username.is_empty() {
        let pw = passwords::generate();
        let roles = vec!["admin".to_string()];
        let new = users::NewUser {
            username: &admin_username,
            name: &admin_name,
            email: (!admin_email.is_empty()).then_some(admin_email.as_str()),
            password: &pw,
            roles: &roles,
        };
        platform
            .transact(async |txn| -> Result<_> { Ok(users::create(txn, new_site.id, new).await?) })
            .await?;
        password = Some(pw);
    }
    let details = json!({ "name": name, "domain": domain, "admin": admin_username });
    audit(
        &state,
        &ctx,
        &admin,
        "site.create",
        &format!("site:{slug}"),
        details.clone(),
    )
    .await?;
    // The new site's own log starts with its creation.
    let actor = Actor {
        user_id: None,
        name: Some(format!("{} ({})", admin.username, ctx.site.config.slug)),
    };
    crate::identity::audit::record(
        &platform.db,
        new_site.id,
        &actor,
        None,
        "site.create",
        &format!("site:{slug}"),
        details,
    )
    .await?;
    let Some(password) = password else {
        return Ok(done(
            &state,
            &ctx,
            "/admin/server",
            "admin-site-created",
            &[("name", name)],
        ));
    };
    // The first administrator's temporary password is shown now, once.
    page_status(
        &state,
        &ctx,
        ctx.t(&state, "admin-site-created-title"),
        "admin/site_created.html",
        json!({ "name": name, "slug": slug, "base_url": new_site.info.base_url, "username": admin_username, "password": password }),
        StatusCode::OK,
    )
    .crumb(ctx.t(&state, "admin-server-title"), "/admin/server")
    .render(&state, &ctx)
}

/// The fields of the upload form: text fields, and the package's bytes.
struct Upload {
    fields: Form,
    package: Option<Vec<u8>>,
}

async fn read_upload(req: Request) -> std::result::Result<Upload, &'static str> {
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let boundary = multer::parse_boundary(content_type).map_err(|_| "error-form-malformed")?;
    let constraints =
        multer::Constraints::new().size_limit(multer::SizeLimit::new().whole_stream(MAX_UPLOAD));
    let mut mp = multer::Multipart::with_constraints(
        req.into_body().into_data_stream(),
        boundary,
        constraints,
    );
    let mut upload = Upload {
        fields: Form::new(),
        package: None,
    };
    loop {
        let next = mp.next_field().await;
        let field = match next {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(multer::Error::StreamSizeExceeded { .. }) => return Err("admin-package-too-large"),
            Err(_) => return Err("error-form-malformed"),
        };
        let name = field.name().unwrap_or_default().to_string();
        let is_file = field.file_name().is_some();
        let bytes = field.bytes().await.map_err(|e| match e {
            multer::Error::StreamSizeExceeded { .. } => "admin-package-too-large",
            _ => "error-form-malformed",
        })?;
        if name == "package" && is_file {
            upload.package = Some(bytes.to_vec());
        } else {
            upload
                .fields
                .push((name, String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    Ok(upload)
}

async fn upload(State(state): State<AppState>, ctx: Ctx, req: Request) -> Result<Response> {
    // The role is checked before the body is read.
    let admin = require_server_admin(&ctx)?.clone();
    let upload = match read_upload(req).await {
        Ok(u) => u,
        // The token cannot be checked without the form: refuse as forged.
        Err("admin-package-too-large") => {
            return server_page(
                &state,
                &ctx,
                Refused {
                    site: None,
                    package: Some(ctx.t(&state, "admin-package-too-large")),
                },
            )
            .await;
        }
        Err(key) => return Err(Error::BadRequest(key.into())),
    };
    ctx.check_csrf(Some(field(&upload.fields, "csrf_token")))?;
    let refuse = |reason: String| {
        server_page(
            &state,
            &ctx,
            Refused {
                site: None,
                package: Some(reason),
            },
        )
    };
    let Some(bytes) = upload.package.filter(|b| !b.is_empty()) else {
        return refuse(ctx.t(&state, "admin-package-missing")).await;
    };
    // Reading the package parses the component: keep it off the async workers.
    let package = match tokio::task::spawn_blocking(move || Package::from_zip(&bytes)).await {
        Ok(Ok(p)) => p,
        Ok(Err(e)) => return refuse(format!("{e:#}")).await,
        Err(e) => return Err(Error::Internal(e.into())),
    };
    let name = package.name().to_string();
    let version = package.version().to_string();
    let digest = package.digest.clone();
    let platform = &state.platform;
    let already = !platform.installed_versions(Some(&name)).await?.is_empty();
    let upgrade = field(&upload.fields, "upgrade") == "on" && already;
    let (action, notice, sites) = if upgrade {
        match platform.upgrade(package).await {
            Ok((InstallOutcome::AlreadyInstalled, sites)) if sites.is_empty() => {
                return Ok(done(
                    &state,
                    &ctx,
                    "/admin/server",
                    "admin-package-already",
                    &[("plugin", name), ("version", version)],
                ));
            }
            Ok((_, sites)) => ("package.upgrade", "admin-package-upgraded", sites),
            Err(e) => return refuse(format!("{e:#}")).await,
        }
    } else {
        match platform.install(package).await {
            Ok(InstallOutcome::Installed) => {
                ("package.install", "admin-package-installed", Vec::new())
            }
            Ok(InstallOutcome::AlreadyInstalled) => {
                return Ok(done(
                    &state,
                    &ctx,
                    "/admin/server",
                    "admin-package-already",
                    &[("plugin", name), ("version", version)],
                ));
            }
            Err(e) => return refuse(format!("{e:#}")).await,
        }
    };
    audit(
        &state,
        &ctx,
        &admin,
        action,
        &format!("package:{name}@{version}"),
        json!({ "digest": digest, "sites": sites }),
    )
    .await?;
    Ok(done(
        &state,
        &ctx,
        "/admin/server",
        notice,
        &[
            ("plugin", name),
            ("version", version),
            ("sites", sites.len().to_string()),
        ],
    ))
}
