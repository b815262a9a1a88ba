//! Serving plugins: match the site's mount points and the plugin's routes,
//! check the area and the permission *before* running any plugin code, call
//! the plugin, and turn its answer into a page, a redirect or a download.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method as HttpMethod, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use serde::Serialize;

use super::AppState;
use super::cache::{Key, Stamp};
use super::ctx::{Ctx, NOTICE_COOKIE};
use super::error::{Error, Result};
use super::page::{frame, globals, html, may_use, merge};
use super::render::{Crumb, Renderer};
use super::urls;
use crate::package::manifest::{Area, Method};
use crate::platform::SitePlugin;
use crate::runtime::api;
use crate::runtime::{Call, CallInfo, Fault, Reply};
use crate::storage::Actor;

/// Largest form body accepted.
const MAX_FORM: usize = 2 << 20;

/// Split a path into area and the rest (`/extranet/x` → (Extranet, `/x`)).
pub fn split_area(path: &str) -> (Area, &str) {
    for area in [Area::Extranet, Area::Admin] {
        if let Some(rest) = path.strip_prefix(area.prefix())
            && (rest.is_empty() || rest.starts_with('/'))
        {
            return (area, rest);
        }
    }
    (Area::Portal, path)
}

/// The wit context of a call.
pub fn wit_context(ctx: &Ctx, plugin: &SitePlugin, area: Option<Area>) -> api::Context {
    let roles: Vec<String> = ctx
        .user
        .as_ref()
        .map(|u| u.roles.clone())
        .unwrap_or_default();
    api::Context {
        site: api::Site {
            slug: ctx.site.info.slug.clone(),
            name: ctx.site.info.name.clone(),
            base_url: ctx.site.info.base_url.clone(),
            timezone: ctx.site.config.timezone.clone(),
        },
        user: ctx.user.as_ref().map(|u| api::User {
            id: u.id.to_string(),
            name: u.name.clone(),
            roles: u.roles.clone(),
            permissions: ctx.site.permissions_of(plugin, &roles),
            groups: u.groups.clone(),
        }),
        locale: ctx.lang.to_string(),
        base_path: area.map(|a| plugin.mount(a)).unwrap_or_default(),
        mounts: plugin.mounts(),
    }
}

/// The call facts for the runtime.
pub fn call_info(ctx: &Ctx, plugin: &SitePlugin) -> CallInfo {
    CallInfo {
        site: ctx.site.info.clone(),
        manifest: plugin.loaded.manifest.clone(),
        settings: plugin.settings.clone(),
        grants: plugin.grants.clone(),
        actor: Actor {
            user_id: ctx.user.as_ref().map(|u| u.id),
            name: ctx.user.as_ref().map(|u| u.username.clone()),
        },
        locale: ctx.lang.to_string(),
        catalogues: plugin.loaded.catalogues.clone(),
        deadline: plugin.deadline,
        memory_cap: plugin.memory_cap,
    }
}

/// The fallback handler: everything that is not a host route.
pub async fn dispatch(State(state): State<AppState>, req: Request) -> Result<Response> {
    let (parts, body) = req.into_parts();
    let ctx = Ctx::resolve_with(&state, &parts.headers, &parts.uri, &parts.extensions).await?;
    let (area, rest) = split_area(parts.uri.path());
    let rest = rest.trim_start_matches('/');
    let (segment, sub) = rest
        .split_once('/')
        .map_or((rest, "/".to_string()), |(s, r)| (s, format!("/{r}")));
    let plugin = ctx
        .site
        .plugin_at(segment)
        .cloned()
        .ok_or(Error::NotFound(None))?;
    let method = match parts.method {
        HttpMethod::GET | HttpMethod::HEAD => Method::Get,
        HttpMethod::POST => Method::Post,
        _ => return Err(Error::MethodNotAllowed),
    };
    let Some(matched) = plugin.routes.find(area, method, &sub) else {
        if plugin.routes.other_method(area, method, &sub) {
            return Err(Error::MethodNotAllowed);
        }
        return Err(Error::NotFound(None));
    };
    // The host's checks, before any plugin code runs.
    let needs_user = area != Area::Portal || matched.route.permission.is_some();
    if needs_user && ctx.user.is_none() {
        return Err(Error::SignIn {
            next: ctx.path_and_query(),
        });
    }
    if !may_use(&ctx, &plugin, area, matched.route.permission.as_deref()) {
        return Err(Error::AccessDenied);
    }
    if area == Area::Admin {
        ctx.check_admin_factor()?;
    }
    let cached = cache_slot(&state, &ctx, &plugin, matched.route);
    if let Some((key, stamp, _)) = &cached
        && let Some(hit) = state.pages.get(key, *stamp, &ctx.csp_nonce)
    {
        return Ok(hit);
    }
    let mut form = Vec::new();
    if method == Method::Post {
        form = read_form(&parts.headers, body).await?;
        let token = form
            .iter()
            .find(|(k, _)| k == "csrf_token")
            .map(|(_, v)| v.as_str());
        ctx.check_csrf(token)?;
        form.retain(|(k, _)| k != "csrf_token");
    }
    let query: Vec<(String, String)> = serde_urlencoded::from_str(&ctx.query).unwrap_or_default();
    let route_name = matched.route.name.clone();
    let request = api::Request {
        context: wit_context(&ctx, &plugin, Some(area)),
        area,
        route: route_name,
        method: if method == Method::Post {
            api::Method::Post
        } else {
            api::Method::Get
        },
        params: matched.params,
        query,
        form,
        client: api::Client {
            visitor: ctx.visitor_for(&plugin.name),
            address: ctx.address_for(&plugin.name),
        },
    };
    let reply = state
        .platform
        .runtime
        .call(
            &plugin.loaded,
            call_info(&ctx, &plugin),
            Call::Handle(request),
        )
        .await;
    let response = match reply {
        Ok(Reply::Handle(Ok(resp))) => respond(&state, &ctx, &plugin, area, resp)?,
        Ok(Reply::Handle(Err(e))) => return Err(plugin_error(&state, &ctx, &plugin, e)),
        Ok(_) => return Err(Error::Internal(anyhow::anyhow!("unexpected reply kind"))),
        Err(fault) => return Err(fault_error(fault)),
    };
    Ok(match cached {
        Some((key, stamp, max_age)) => {
            state
                .pages
                .keep(key, stamp, max_age, &ctx.csrf, &ctx.csp_nonce, response)
                .await
        }
        None => response,
    })
}

/// Where this request's answer may be kept in the page cache: only for a
/// route that asks for it (`cache-seconds`, portal GET routes without
/// permission), for a visitor who is not signed in and has no notice
/// waiting. The stamp is read before the plugin runs, so that a write
/// during the call leaves the page unkept.
fn cache_slot(
    state: &AppState,
    ctx: &Ctx,
    plugin: &SitePlugin,
    route: &crate::package::manifest::Route,
) -> Option<(Key, Stamp, std::time::Duration)> {
    let seconds = route.cache_seconds?;
    if ctx.user.is_some() || ctx.session_token.is_some() || ctx.notice.is_some() {
        return None;
    }
    let key = Key {
        site_id: ctx.site.id,
        plugin: plugin.name.clone(),
        lang: ctx.lang,
        target: ctx.path_and_query(),
    };
    let stamp = Stamp {
        revision: ctx.snapshot.revision,
        writes: state
            .platform
            .runtime
            .services
            .storage
            .writes
            .now(ctx.site.id, &plugin.name),
        clock_offset_ms: state
            .platform
            .runtime
            .services
            .clock_offset_ms
            .load(std::sync::atomic::Ordering::Relaxed),
    };
    Some((key, stamp, std::time::Duration::from_secs(seconds.into())))
}

async fn read_form(headers: &axum::http::HeaderMap, body: Body) -> Result<Vec<(String, String)>> {
    let bytes = axum::body::to_bytes(body, MAX_FORM)
        .await
        .map_err(|_| Error::BadRequest("error-form-too-large".into()))?;
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let form: Vec<(String, String)> =
        if ct.starts_with("application/x-www-form-urlencoded") || ct.is_empty() {
            serde_urlencoded::from_bytes(&bytes)
                .map_err(|_| Error::BadRequest("error-form-malformed".into()))?
        } else if ct.starts_with("multipart/form-data") {
            read_multipart(ct, bytes).await?
        } else {
            return Err(Error::BadRequest("error-form-malformed".into()));
        };
    // Text the databases cannot store is refused here, whatever the
    // plugin would do with it (see `web::form`).
    if let Some(field) =
        super::form::refused_field(form.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    {
        return Err(super::form::refused(field));
    }
    Ok(form)
}

/// Multipart forms: text fields as they are; a file gives `<name>` (its
/// text when it is UTF-8, else empty), `<name>.filename`,
/// `<name>.content-type` and, when it is not UTF-8 (an image…),
/// `<name>.base64` with its bytes.
async fn read_multipart(
    content_type: &str,
    bytes: axum::body::Bytes,
) -> Result<Vec<(String, String)>> {
    let boundary = multer::parse_boundary(content_type)
        .map_err(|_| Error::BadRequest("error-form-malformed".into()))?;
    let stream = futures::stream::once(async move { Ok::<_, std::io::Error>(bytes) });
    let mut mp = multer::Multipart::new(stream, boundary);
    let mut out = Vec::new();
    while let Some(field) = mp
        .next_field()
        .await
        .map_err(|_| Error::BadRequest("error-form-malformed".into()))?
    {
        let name = field.name().unwrap_or_default().to_string();
        let filename = field.file_name().map(str::to_string);
        let content_type = field.content_type().map(|m| m.to_string());
        let data = field
            .bytes()
            .await
            .map_err(|_| Error::BadRequest("error-form-malformed".into()))?;
        let Some(f) = filename else {
            out.push((name, String::from_utf8_lossy(&data).into_owned()));
            continue;
        };
        out.push((format!("{name}.filename"), f));
        if let Some(ct) = content_type {
            out.push((format!("{name}.content-type"), ct));
        }
        // A file is given as text only when it is text the databases can
        // store: a NUL byte means a binary file, given as base64.
        match String::from_utf8(data.to_vec())
            .map_err(|_| ())
            .and_then(|text| {
                if crate::storage::unstorable(&text) {
                    Err(())
                } else {
                    Ok(text)
                }
            }) {
            Ok(text) => out.push((name, text)),
            Err(()) => {
                out.push((
                    format!("{name}.base64"),
                    base64::engine::general_purpose::STANDARD.encode(&data),
                ));
                out.push((name, String::new()));
            }
        }
    }
    Ok(out)
}

/// A plugin's message: a key of its catalogue, of the host's, or text.
fn translate(state: &AppState, ctx: &Ctx, plugin: &SitePlugin, msg: String) -> String {
    plugin
        .loaded
        .catalogues
        .get(ctx.lang, &msg, &[])
        .or_else(|| state.render.host_catalogue().get(ctx.lang, &msg, &[]))
        .unwrap_or(msg)
}

fn plugin_error(state: &AppState, ctx: &Ctx, plugin: &SitePlugin, e: api::Error) -> Error {
    let msg = |m: String| (!m.is_empty()).then(|| translate(state, ctx, plugin, m));
    match e {
        api::Error::NotFound(m) => Error::NotFound(msg(m)),
        api::Error::Forbidden(m) => Error::Forbidden(msg(m)),
        api::Error::Invalid(fields) => Error::Invalid(
            fields
                .into_iter()
                .map(|f| (f.field, translate(state, ctx, plugin, f.message)))
                .collect(),
        ),
        api::Error::Conflict(m) => Error::Conflict(translate(state, ctx, plugin, m)),
        api::Error::Internal(m) => {
            Error::Internal(anyhow::anyhow!("plugin {} reported: {m}", plugin.name))
        }
    }
}

/// Faults become 500 (or 503 when the plugin is suspended or busy).
pub fn fault_error(fault: Fault) -> Error {
    match fault {
        Fault::Suspended { .. } | Fault::Busy => Error::Unavailable(fault.to_string()),
        other => Error::Internal(anyhow::anyhow!("{other}")),
    }
}

fn respond(
    state: &AppState,
    ctx: &Ctx,
    plugin: &SitePlugin,
    area: Area,
    resp: api::Response,
) -> Result<Response> {
    match resp {
        api::Response::View(view) => {
            let status = StatusCode::from_u16(view.status).unwrap_or(StatusCode::OK);
            let rendered = render_view(state, ctx, plugin, area, &view)?;
            let mut f = frame(state, ctx, area, &view.title, status);
            f.breadcrumb = rendered.breadcrumb;
            f.title_prefix = errors_in_title(state, ctx, &view, rendered.form_errors);
            let content = rendered.content;
            Ok(html(status, state.render.page(&ctx.site, &f, &content)?))
        }
        api::Response::Redirect(r) => {
            let location = &r.location;
            if !redirect_allowed(plugin, location) {
                return Err(Error::Internal(anyhow::anyhow!(
                    "plugin {} redirected outside the site: {location:?}",
                    plugin.name
                )));
            }
            let mut out = (StatusCode::SEE_OTHER, ()).into_response();
            out.headers_mut().insert(
                header::LOCATION,
                HeaderValue::from_str(location).map_err(|e| Error::Internal(e.into()))?,
            );
            if let Some(n) = r.notice {
                let n = translate(state, ctx, plugin, n);
                let n: String = n.chars().take(300).collect();
                let v = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(n.as_bytes());
                out.headers_mut().append(
                    header::SET_COOKIE,
                    super::ctx::set_cookie(NOTICE_COOKIE, &v, Some(300), ctx.https),
                );
            }
            Ok(out)
        }
        api::Response::Download(d) => download(plugin, d),
    }
}

/// The start of the document's `<title>` of a form shown again: the count
/// of its errors (the SDK's `View::form` gives it as `form.count`, with
/// status 422 or another refusal such as 409), never in the `<h1>` or the
/// breadcrumb.
fn errors_in_title(
    state: &AppState,
    ctx: &Ctx,
    view: &api::View,
    form_errors: u64,
) -> Option<String> {
    (view.status >= 400 && form_errors > 0).then(|| {
        state.render.host_catalogue().t_args(
            ctx.lang,
            "estive-title-errors",
            &[("count", form_errors.to_string())],
        )
    })
}

/// Where a plugin may send the browser: a path of this site, or an
/// absolute `http(s)` URL on a host its manifest declares for outbound
/// HTTP (an OAuth provider, the service a sheet comes from).
fn redirect_allowed(plugin: &SitePlugin, location: &str) -> bool {
    urls::local_path(location).is_some()
        || plugin
            .loaded
            .manifest
            .capabilities
            .http
            .as_ref()
            .is_some_and(|h| urls::on_hosts(location, &h.hosts))
}

/// Largest download a plugin may hand the host.
pub const MAX_DOWNLOAD: usize = 32 << 20;

/// Types a browser only displays: they run no script on the site's origin,
/// so they may open in the tab. Everything else (HTML, SVG, XML, scripts,
/// unknown types) is saved as a file.
const INERT_TYPES: &[&str] = &[
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "image/avif",
    "application/pdf",
    "text/plain",
    "text/csv",
    "text/calendar",
];

/// The policy every download is served with: whatever the file is, it runs
/// nothing and loads nothing (a sandboxed document, no sources).
const DOWNLOAD_CSP: &str = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'";

/// The essence (`type/subtype`, lower-case) and a charset of a declared
/// content type, or `None` when it is not a well-formed MIME type.
fn content_type(declared: &str) -> Option<(String, Option<String>)> {
    let mut parts = declared.split(';');
    let essence = parts.next()?.trim().to_ascii_lowercase();
    let (top, sub) = essence.split_once('/')?;
    let token = |t: &str| {
        !t.is_empty()
            && t.chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$&-^_.+".contains(c))
    };
    if !token(top) || !token(sub) {
        return None;
    }
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        let v = v.trim().trim_matches('"');
        (k.trim().eq_ignore_ascii_case("charset") && token(v)).then(|| v.to_ascii_lowercase())
    });
    Some((essence, charset))
}

fn download(plugin: &SitePlugin, d: api::Download) -> Result<Response> {
    if d.body.len() > MAX_DOWNLOAD {
        return Err(Error::Internal(anyhow::anyhow!(
            "plugin {} gave a download of {} bytes (at most {MAX_DOWNLOAD})",
            plugin.name,
            d.body.len()
        )));
    }
    let (essence, charset) =
        content_type(&d.content_type).unwrap_or_else(|| ("application/octet-stream".into(), None));
    let inert = INERT_TYPES.contains(&essence.as_str());
    let ct = match charset {
        Some(c) if essence.starts_with("text/") => format!("{essence}; charset={c}"),
        _ if essence.starts_with("text/") => format!("{essence}; charset=utf-8"),
        _ => essence,
    };
    let mut out = (StatusCode::OK, d.body).into_response();
    let h = out.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&ct).unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    let ascii: String = d
        .filename
        .chars()
        .take(200)
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let full: String = d.filename.chars().take(200).collect();
    let disposition = format!(
        "{}; filename=\"{ascii}\"; filename*=UTF-8''{}",
        if d.inline && inert {
            "inline"
        } else {
            "attachment"
        },
        super::urlencode(&full).replace('+', "%20")
    );
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(DOWNLOAD_CSP),
    );
    Ok(out)
}

/// A plugin view rendered without the layout.
pub struct Rendered {
    pub content: String,
    pub breadcrumb: Vec<Crumb>,
    /// `form.count` of the context: the errors of a form shown again.
    pub form_errors: u64,
}

/// Render a plugin view's content (without the layout).
///
/// # Errors
/// The context is not a JSON object, or the template fails.
pub fn render_view(
    state: &AppState,
    ctx: &Ctx,
    plugin: &SitePlugin,
    area: Area,
    view: &api::View,
) -> Result<Rendered> {
    let out = render_view_bounded(state, ctx, plugin, area, view);
    if let Err(e) = &out {
        // What the plugin handed over could not be shown within the
        // host's bounds: that is the plugin's fault, and counts towards
        // its suspension like a trap.
        tracing::warn!(plugin = %plugin.name, site = %ctx.site.config.slug, error = %e, "view refused");
        plugin.loaded.health.record_fault(std::time::Duration::ZERO);
    }
    out
}

/// Largest view context a plugin may hand the host (JSON text).
pub const MAX_VIEW_CONTEXT: usize = 4 << 20;
/// Most breadcrumb entries shown above a plugin page.
const MAX_CRUMBS: usize = 8;
/// Longest breadcrumb title, in characters.
const MAX_CRUMB_TITLE: usize = 200;

fn render_view_bounded(
    state: &AppState,
    ctx: &Ctx,
    plugin: &SitePlugin,
    area: Area,
    view: &api::View,
) -> Result<Rendered> {
    if view.context.len() > MAX_VIEW_CONTEXT {
        return Err(Error::Internal(anyhow::anyhow!(
            "plugin {} gave a view context of {} bytes (at most {MAX_VIEW_CONTEXT})",
            plugin.name,
            view.context.len()
        )));
    }
    let data: serde_json::Value = serde_json::from_str(&view.context).map_err(|e| {
        Error::Internal(anyhow::anyhow!(
            "plugin {} gave a view context that is not JSON: {e}",
            plugin.name
        ))
    })?;
    if !data.is_object() {
        return Err(Error::Internal(anyhow::anyhow!(
            "plugin {} gave a view context that is not an object",
            plugin.name
        )));
    }
    // API 1.1 gives the steps as a field; a 1.0 view, in its context.
    let breadcrumb = match &view.breadcrumbs {
        Some(given) => crumbs(plugin, given.clone()),
        None => data
            .get("breadcrumb")
            .and_then(|b| serde_json::from_value::<Vec<api::Crumb>>(b.clone()).ok())
            .map(|v| crumbs(plugin, v))
            .unwrap_or_default(),
    };
    let mounts: serde_json::Map<String, serde_json::Value> = plugin
        .mounts()
        .into_iter()
        .map(|(a, p)| (a, serde_json::Value::String(p)))
        .collect();
    let base = serde_json::json!({ "base_path": plugin.mount(area), "mounts": mounts, "plugin": plugin.name });
    let form_errors = data
        .pointer("/form/count")
        .and_then(serde_json::Value::as_u64)
        .unwrap_or(0);
    let context = merge(merge(globals(ctx, area), base), data);
    let name = Renderer::plugin_template(&ctx.site, plugin, &view.template);
    let content = state.render.render(&name, context)?;
    Ok(Rendered {
        content,
        breadcrumb,
        form_errors,
    })
}

/// The breadcrumb the layout prints: only links a browser cannot turn
/// into script or another site (paths and http(s) URLs), a bounded number,
/// with bounded titles.
fn crumbs(plugin: &SitePlugin, given: Vec<api::Crumb>) -> Vec<Crumb> {
    given
        .into_iter()
        .filter(|c| {
            let ok = urls::printable(&c.url).is_some();
            if !ok {
                tracing::warn!(plugin = %plugin.name, url = ?c.url, "breadcrumb link refused");
            }
            ok
        })
        .take(MAX_CRUMBS)
        .map(|c| Crumb {
            title: c.title.chars().take(MAX_CRUMB_TITLE).collect(),
            url: c.url,
        })
        .collect()
}

/// A widget ready to show.
#[derive(Debug, Clone, Serialize)]
pub struct WidgetHtml {
    pub plugin: String,
    pub name: String,
    pub title: String,
    pub body: String,
    pub more_url: Option<String>,
}

/// Render the widgets of every enabled plugin the user may see on an area,
/// concurrently; a failing widget is left out (and logged).
pub async fn widgets(state: &AppState, ctx: &Ctx, area: Area) -> Vec<WidgetHtml> {
    let mut jobs = Vec::new();
    for p in &ctx.site.plugins {
        for w in &p.loaded.manifest.widgets {
            if w.area != area || !may_use(ctx, p, area, w.permission.as_deref()) {
                continue;
            }
            let (p, w) = (p.clone(), w.clone());
            jobs.push(async move {
                let reply = state
                    .platform
                    .runtime
                    .call(&p.loaded, call_info(ctx, &p), Call::Widget(wit_context(ctx, &p, Some(area)), w.name.clone()))
                    .await;
                let view = match reply {
                    Ok(Reply::Widget(Ok(Some(v)))) => v,
                    Ok(Reply::Widget(Ok(None))) => return None,
                    Ok(Reply::Widget(Err(e))) => {
                        tracing::warn!(plugin = %p.name, widget = %w.name, error = ?e, "widget failed");
                        return None;
                    }
                    _ => return None,
                };
                let body = match render_view(state, ctx, &p, area, &view) {
                    Ok(rendered) => rendered.content,
                    Err(e) => {
                        tracing::warn!(plugin = %p.name, widget = %w.name, error = %e, "widget did not render");
                        return None;
                    }
                };
                let more_url = w.route.as_ref().and_then(|r| p.loaded.manifest.route(r)).map(|r| {
                    if r.path == "/" { format!("{}/", p.mount(area)) } else { format!("{}{}", p.mount(area), r.path) }
                });
                let title = if view.title.is_empty() { w.title.get(ctx.lang).to_string() } else { view.title };
                Some(WidgetHtml { plugin: p.name.clone(), name: w.name.clone(), title, body, more_url })
            });
        }
    }
    futures::future::join_all(jobs)
        .await
        .into_iter()
        .flatten()
        .collect()
}

/// Used by host pages that list plugins.
pub fn plugin_home(plugin: &Arc<SitePlugin>, area: Area) -> String {
    format!("{}/", plugin.mount(area))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_are_split_on_whole_segments() {
        assert_eq!(
            split_area("/extranet/consultations/3"),
            (Area::Extranet, "/consultations/3")
        );
        assert_eq!(split_area("/extranet"), (Area::Extranet, ""));
        assert_eq!(split_area("/extranets"), (Area::Portal, "/extranets"));
        assert_eq!(split_area("/admin/x"), (Area::Admin, "/x"));
        assert_eq!(
            split_area("/consultations"),
            (Area::Portal, "/consultations")
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]

        /// Any body under any form content type decodes or is refused as
        /// malformed: never a panic, never a hang.
        #[test]
        fn any_form_body_decodes_or_is_refused(
            body in proptest::collection::vec(proptest::num::u8::ANY, 0..600),
            multipart in proptest::bool::ANY,
        ) {
            let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
            let mut headers = axum::http::HeaderMap::new();
            let ct = if multipart { "multipart/form-data; boundary=X" } else { "application/x-www-form-urlencoded" };
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
            let mut framed = Vec::new();
            if multipart {
                framed.extend_from_slice(b"--X\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n");
            }
            framed.extend_from_slice(&body);
            let _ = runtime.block_on(read_form(&headers, Body::from(framed)));
        }
    }

    #[test]
    fn content_types_are_read_strictly() {
        assert_eq!(
            content_type("Text/CSV; charset=UTF-8"),
            Some(("text/csv".into(), Some("utf-8".into())))
        );
        assert_eq!(content_type("text/html\r\nX: y"), None);
        assert_eq!(content_type("nothing"), None);
        assert_eq!(
            content_type("image/svg+xml").map(|c| c.0),
            Some("image/svg+xml".into())
        );
    }
}
