//! Routes that are not pages: health, metrics, sitemap, static files and
//! the language switch.

use axum::Router;
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;

use super::AppState;
use super::ctx::{Ctx, LANG_COOKIE};
use super::error::{Error, Result};
use super::render::asset;
use crate::package::manifest::{Area, Literal, Method, OneOrMany, Route, Sitemap, SitemapRows};
use crate::platform::SitePlugin;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(guarded_metrics))
        .route("/sitemap.xml", get(sitemap))
        .route("/robots.txt", get(robots))
        .route("/langue/{lang}", get(switch_language))
        .route("/static/p/{plugin}/{version}/{*path}", get(plugin_static))
        .route("/static/site/{*path}", get(site_static))
        .route("/static/{*path}", get(core_static))
        .route("/favicon.ico", get(|| async { core_file("favicon.svg") }))
}

/// Liveness and readiness: the database answers and sites are loaded.
async fn healthz(State(state): State<AppState>) -> Response {
    let db = sea_orm::ConnectionTrait::execute_unprepared(&state.platform.db, "SELECT 1").await;
    let snapshot = state.platform.snapshot();
    let body = serde_json::json!({
        "status": if db.is_ok() { "ok" } else { "degraded" },
        "database": db.is_ok(),
        "sites": snapshot.sites.len(),
        "plugins_loaded": state.platform.runtime.all().len(),
        "pooling_allocator": state.platform.runtime.pooling,
        "revision": snapshot.revision,
    });
    let status = if db.is_ok() {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, axum::Json(body)).into_response()
}

/// `/metrics` alone, for its own listener (`ESTIVE_METRICS_ADDR`): whoever
/// reaches that address may read it.
pub fn metrics_routes() -> Router<AppState> {
    Router::new().route("/metrics", get(metrics))
}

/// `/metrics` on the sites' listener: only for the allowed addresses (see
/// [`super::net::NetSettings::may_read_metrics`]); a 404 for everyone else,
/// as if there were nothing there.
async fn guarded_metrics(State(state): State<AppState>, req: Request) -> Response {
    if !state.net.may_read_metrics(req.extensions(), req.headers()) {
        return Error::NotFound(None).into_response();
    }
    metrics(State(state)).await
}

async fn metrics(State(state): State<AppState>) -> Response {
    let mut body = crate::metrics::render();
    let (hits, misses) = state.pages.counts();
    let (entries, bytes) = state.pages.size();
    let (inline, handed_off) = state.platform.runtime.services.storage.read_counts();
    body.push_str(&format!(
        "# HELP estive_page_cache_requests_total Cacheable page requests, by result.\n\
         # TYPE estive_page_cache_requests_total counter\n\
         estive_page_cache_requests_total{{result=\"hit\"}} {hits}\n\
         estive_page_cache_requests_total{{result=\"miss\"}} {misses}\n\
         # HELP estive_page_cache_entries Pages kept in the page cache.\n\
         # TYPE estive_page_cache_entries gauge\n\
         estive_page_cache_entries {entries}\n\
         # HELP estive_page_cache_bytes Bytes of pages kept in the page cache.\n\
         # TYPE estive_page_cache_bytes gauge\n\
         estive_page_cache_bytes {bytes}\n\
         # HELP estive_storage_reads_total Plugin queries on SQLite, by where they ran: on the caller's thread, or on a reader thread (too long for the budget, or every connection busy).\n\
         # TYPE estive_storage_reads_total counter\n\
         estive_storage_reads_total{{thread=\"caller\"}} {inline}\n\
         estive_storage_reads_total{{thread=\"reader\"}} {handed_off}\n"
    ));
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        body,
    )
        .into_response()
}

async fn robots(ctx: Ctx) -> Response {
    let body = format!(
        "User-agent: *\nDisallow: /extranet/\nDisallow: /admin/\nDisallow: /compte\nSitemap: {}/sitemap.xml\n",
        ctx.site.info.base_url
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Most addresses one sitemap file may hold (sitemaps.org).
const SITEMAP_MAX_URLS: usize = 50_000;

/// Public pages of the site: host pages, every enabled plugin's public
/// portal pages without parameters, and one page per matching row for the
/// routes that declare `sitemap = { table = … }`.
async fn sitemap(State(state): State<AppState>, ctx: Ctx) -> Response {
    let base = &ctx.site.info.base_url;
    let mut urls: Vec<(String, Option<String>)> = [
        "/",
        "/mentions-legales",
        "/donnees-personnelles",
        "/accessibilite",
        "/plan-du-site",
    ]
    .iter()
    .map(|p| (format!("{base}{p}"), None))
    .collect();
    for p in &ctx.site.plugins {
        let mount = format!("{base}{}", p.mount(Area::Portal));
        for r in p.routes.all() {
            if r.area != Area::Portal || r.permission.is_some() || !r.methods.contains(&Method::Get)
            {
                continue;
            }
            match &r.sitemap {
                Sitemap::Page(true) if r.params().is_empty() => {
                    urls.push((format!("{mount}{}", r.path), None));
                }
                Sitemap::Rows(rows) => match row_pages(&state, &ctx, p, r, rows).await {
                    Ok(pages) => urls.extend(
                        pages
                            .into_iter()
                            .map(|(path, lastmod)| (format!("{mount}{path}"), lastmod)),
                    ),
                    Err(e) => tracing::warn!(
                        plugin = %p.name,
                        route = %r.name,
                        error = ?e,
                        "sitemap: cannot list the route's pages"
                    ),
                },
                Sitemap::Page(_) => {}
            }
        }
    }
    urls.truncate(SITEMAP_MAX_URLS);
    let mut body = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (u, lastmod) in urls {
        body.push_str(&format!("  <url><loc>{}</loc>", xml_escape(&u)));
        if let Some(m) = lastmod {
            body.push_str(&format!("<lastmod>{}</lastmod>", xml_escape(&m)));
        }
        body.push_str("</url>\n");
    }
    body.push_str("</urlset>\n");
    (
        [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
        body,
    )
        .into_response()
}

/// The pages of a route with parameters, one per row of the site that
/// matches the manifest's `where`: its path below the plugin's mount point
/// and when it last changed. No plugin code runs: the host reads the rows.
async fn row_pages(
    state: &AppState,
    ctx: &Ctx,
    plugin: &SitePlugin,
    route: &Route,
    rows: &SitemapRows,
) -> std::result::Result<Vec<(String, Option<String>)>, crate::storage::ops::StorageError> {
    use crate::storage::ops::{Cell, Cells, Condition, Order, RowQuery, Value};
    let literal = |l: &Literal| match l {
        Literal::Text(s) => Value::Text(s.clone()),
        Literal::Integer(n) => Value::Integer(*n),
        Literal::Boolean(b) => Value::Boolean(*b),
    };
    let column_of = |param: &str| {
        rows.params
            .get(param)
            .cloned()
            .unwrap_or_else(|| param.to_string())
    };
    let mut columns: Vec<String> = Vec::new();
    for c in route
        .params()
        .into_iter()
        .map(column_of)
        .chain(rows.lastmod.clone())
    {
        if !columns.contains(&c) {
            columns.push(c);
        }
    }
    let filter = rows
        .filter
        .iter()
        .map(|(column, values)| match values {
            OneOrMany::One(v) => Condition::Eq(Cell {
                column: column.clone(),
                value: literal(v),
            }),
            OneOrMany::Many(vs) => Condition::OneOf(Cells {
                column: column.clone(),
                values: vs.iter().map(literal).collect(),
            }),
        })
        .collect();
    let query = RowQuery {
        table: rows.table.clone(),
        columns: columns.clone(),
        filter,
        order: vec![Order {
            column: "id".into(),
            descending: false,
        }],
        limit: None,
        offset: None,
    };
    let actor = crate::storage::Actor::default();
    let scope = crate::storage::Scope {
        site_id: ctx.site.id,
        manifest: &plugin.loaded.manifest,
        actor: &actor,
    };
    let found = state
        .platform
        .runtime
        .services
        .storage
        .query(scope, query)
        .await?;
    let text = |v: &Value| match v {
        Value::Integer(n) => Some(n.to_string()),
        other => other.as_text().filter(|s| !s.is_empty()).map(str::to_owned),
    };
    let at = |row: &[Value], column: &str| {
        found
            .columns
            .iter()
            .position(|c| c == column)
            .and_then(|i| row.get(i))
            .and_then(text)
    };
    Ok(found
        .rows
        .iter()
        .filter_map(|row| {
            // A row without a value for a parameter has no page.
            let mut complete = true;
            let path = route.fill(|param| {
                at(row, &column_of(param)).unwrap_or_else(|| {
                    complete = false;
                    String::new()
                })
            });
            let lastmod = rows.lastmod.as_deref().and_then(|c| at(row, c));
            complete.then_some((path, lastmod))
        })
        .collect())
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
}

/// Remember the language in a cookie (strictly necessary) and go back.
async fn switch_language(
    ctx: Ctx,
    Path(lang): Path<String>,
    Query(q): Query<NextQuery>,
) -> Response {
    let lang = crate::i18n::normalise(&lang);
    let next = super::safe_next(q.next.as_deref());
    let mut r = (StatusCode::SEE_OTHER, ()).into_response();
    if let Ok(v) = HeaderValue::from_str(&next) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r.headers_mut().append(
        header::SET_COOKIE,
        super::ctx::set_cookie(LANG_COOKIE, lang, Some(365 * 86400), ctx.https),
    );
    r
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "json" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

fn file_response(path: &str, bytes: Vec<u8>, immutable: bool) -> Response {
    let mut r = (StatusCode::OK, bytes).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(path)),
    );
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if immutable {
            "public, max-age=31536000, immutable"
        } else {
            "public, max-age=3600"
        }),
    );
    r.headers_mut().insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    r
}

fn core_file(path: &str) -> Response {
    match asset(&format!("static/{path}")) {
        Some(b) => file_response(path, b.to_vec(), false),
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

async fn core_static(Path(path): Path<String>) -> Response {
    core_file(&path)
}

/// A plugin's static file, on a site where that version of the plugin is
/// enabled; the version in the path makes it cacheable for ever.
async fn plugin_static(
    State(state): State<AppState>,
    Path((plugin, version, path)): Path<(String, String, String)>,
    req: Request,
) -> Result<Response> {
    let version = semver::Version::parse(&version).map_err(|_| Error::NotFound(None))?;
    let site =
        super::ctx::site_of(&state, req.headers(), req.uri()).ok_or(Error::NotFound(None))?;
    let enabled = site
        .plugin(&plugin)
        .filter(|p| p.loaded.manifest.version == version)
        .ok_or(Error::NotFound(None))?;
    let bytes = enabled
        .loaded
        .package
        .static_file(&path)
        .ok_or(Error::NotFound(None))?;
    Ok(file_response(&path, bytes.to_vec(), true))
}

/// A file of the site folder's `static/` (logo…).
async fn site_static(ctx: Ctx, Path(path): Path<String>) -> Result<Response> {
    let bytes = ctx.site.statics.get(&path).ok_or(Error::NotFound(None))?;
    Ok(file_response(&path, bytes.clone(), false))
}
