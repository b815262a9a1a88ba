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
use super::ctx::{Ctx, NOTICE_COOKIE, Visitor};
use super::error::{Error, Result};
use super::page::{frame, globals, html, may_use, merge};
use super::render::{Crumb, Renderer};
use crate::package::manifest::{Area, Method};
use crate::platform::SitePlugin;
use crate::runtime::bindings::types as wit;
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
pub fn wit_context(ctx: &Ctx, plugin: &SitePlugin, area: Option<Area>) -> wit::Context {
    let roles: Vec<String> = ctx
        .user
        .as_ref()
        .map(|u| u.roles.clone())
        .unwrap_or_default();
    wit::Context {
        site: wit::Site {
            slug: ctx.site.info.slug.clone(),
            name: ctx.site.info.name.clone(),
            base_url: ctx.site.info.base_url.clone(),
            timezone: ctx.site.config.timezone.clone(),
        },
        user: ctx.user.as_ref().map(|u| wit::User {
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
    let visitor = parts.extensions.get::<Visitor>().cloned();
    let ctx = Ctx::resolve(&state, &parts.headers, &parts.uri, visitor.as_ref()).await?;
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
    let cached = cache_slot(&state, &ctx, &plugin, matched.route);
    if let Some((key, stamp, _)) = &cached
        && let Some(hit) = state.pages.get(key, *stamp)
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
    let request = wit::Request {
        context: wit_context(&ctx, &plugin, Some(area)),
        route: route_name,
        method: if method == Method::Post {
            wit::Method::Post
        } else {
            wit::Method::Get
        },
        params: matched.params,
        query,
        form,
        client: wit::Client {
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
                .keep(key, stamp, max_age, &ctx.csrf, response)
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
    if ct.starts_with("application/x-www-form-urlencoded") || ct.is_empty() {
        serde_urlencoded::from_bytes(&bytes)
            .map_err(|_| Error::BadRequest("error-form-malformed".into()))
    } else if ct.starts_with("multipart/form-data") {
        read_multipart(ct, bytes).await
    } else {
        Err(Error::BadRequest("error-form-malformed".into()))
    }
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
        match String::from_utf8(data.to_vec()) {
            Ok(text) => out.push((name, text)),
            Err(_) => {
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

fn plugin_error(state: &AppState, ctx: &Ctx, plugin: &SitePlugin, e: wit::Error) -> Error {
    let msg = |m: String| (!m.is_empty()).then(|| translate(state, ctx, plugin, m));
    match e {
        wit::Error::NotFound(m) => Error::NotFound(msg(m)),
        wit::Error::Forbidden(m) => Error::Forbidden(msg(m)),
        wit::Error::Invalid(fields) => Error::Invalid(
            fields
                .into_iter()
                .map(|f| (f.field, translate(state, ctx, plugin, f.message)))
                .collect(),
        ),
        wit::Error::Conflict(m) => Error::Conflict(translate(state, ctx, plugin, m)),
        wit::Error::Internal(m) => {
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

#[derive(serde::Deserialize)]
struct Breadcrumb {
    title: String,
    url: String,
}

fn respond(
    state: &AppState,
    ctx: &Ctx,
    plugin: &SitePlugin,
    area: Area,
    resp: wit::Response,
) -> Result<Response> {
    match resp {
        wit::Response::View(view) => {
            let status = StatusCode::from_u16(view.status).unwrap_or(StatusCode::OK);
            let (content, breadcrumb) = render_view(state, ctx, plugin, area, &view)?;
            let mut f = frame(state, ctx, area, &view.title, status);
            f.breadcrumb = breadcrumb;
            Ok(html(status, state.render.page(&ctx.site, &f, &content)?))
        }
        wit::Response::Redirect(r) => {
            let location = &r.location;
            if !location.starts_with('/')
                || location.starts_with("//")
                || location.contains(['\r', '\n', '\\'])
            {
                return Err(Error::Internal(anyhow::anyhow!(
                    "plugin {} redirected outside the site: {location}",
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
        wit::Response::Download(d) => {
            let mut out = (StatusCode::OK, d.body).into_response();
            let ct = HeaderValue::from_str(&d.content_type)
                .unwrap_or(HeaderValue::from_static("application/octet-stream"));
            out.headers_mut().insert(header::CONTENT_TYPE, ct);
            let ascii: String = d
                .filename
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            let disposition = format!(
                "{}; filename=\"{ascii}\"; filename*=UTF-8''{}",
                if d.inline { "inline" } else { "attachment" },
                super::urlencode(&d.filename).replace('+', "%20")
            );
            if let Ok(v) = HeaderValue::from_str(&disposition) {
                out.headers_mut().insert(header::CONTENT_DISPOSITION, v);
            }
            out.headers_mut().insert(
                "x-content-type-options",
                HeaderValue::from_static("nosniff"),
            );
            Ok(out)
        }
    }
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
    view: &wit::View,
) -> Result<(String, Vec<Crumb>)> {
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
    let breadcrumb = data
        .get("breadcrumb")
        .and_then(|b| serde_json::from_value::<Vec<Breadcrumb>>(b.clone()).ok())
        .map(|v| {
            v.into_iter()
                .map(|c| Crumb {
                    title: c.title,
                    url: c.url,
                })
                .collect()
        })
        .unwrap_or_default();
    let mounts: serde_json::Map<String, serde_json::Value> = plugin
        .mounts()
        .into_iter()
        .map(|(a, p)| (a, serde_json::Value::String(p)))
        .collect();
    let base = serde_json::json!({ "base_path": plugin.mount(area), "mounts": mounts, "plugin": plugin.name });
    let context = merge(merge(globals(ctx, area), base), data);
    let name = Renderer::plugin_template(&ctx.site, plugin, &view.template);
    let content = state.render.render(&name, context)?;
    Ok((content, breadcrumb))
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
                    Ok((b, _)) => b,
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
}
