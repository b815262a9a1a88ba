//! The web server: axum routes of the host (accounts, portal pages,
//! extranet dashboard, administration, system endpoints) and the plugin
//! dispatcher behind them, which mounts each site's plugins from their
//! manifests.

pub mod account;
pub mod admin;
pub mod auth;
pub mod cache;
pub mod conn;
pub mod ctx;
pub mod error;
pub mod extranet;
pub mod form;
pub mod net;
pub mod page;
pub mod plugin;
pub mod portal;
pub mod render;
pub mod second_factor;
pub mod security;
pub mod session;
pub mod system;
pub mod urls;

use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};

use crate::platform::Platform;
use ctx::{Ctx, NOTICE_COOKIE, VISITOR_COOKIE, Visitor};
use error::ErrorPage;
use render::Renderer;

pub use crate::platform::routes::RESERVED_PATHS;

/// Shared state of the web layer.
#[derive(Clone)]
pub struct AppState {
    pub platform: Arc<Platform>,
    pub render: Arc<Renderer>,
    pub secret: Arc<Vec<u8>>,
    pub mail: Arc<crate::mail::Mailer>,
    /// Pages kept for visitors who are not signed in.
    pub pages: Arc<cache::PageCache>,
    /// The network edge: trusted proxies, `/metrics` access, development
    /// mode, connection limits.
    pub net: Arc<net::NetSettings>,
}

impl AppState {
    pub fn new(platform: Arc<Platform>) -> AppState {
        let render = Renderer::new(platform.clone());
        render.reset(&platform);
        let secret = Arc::new(platform.secret.clone());
        let mail = platform.runtime.services.mail.clone();
        AppState {
            platform,
            render,
            secret,
            mail,
            pages: Arc::default(),
            net: Arc::default(),
        }
    }

    /// Reload the platform snapshot and forget compiled templates.
    ///
    /// # Errors
    /// The database fails.
    pub async fn reload(&self) -> anyhow::Result<()> {
        self.platform.reload().await?;
        self.render.reset(&self.platform);
        Ok(())
    }
}

/// The whole application, for `serve` and for tests.
pub fn app(state: AppState) -> Router {
    app_with(state, Router::new())
}

/// The whole application with `extra` routes of the host beside its own,
/// behind the same layers (error pages, visitor cookie, metrics): how a
/// native page is served, for benchmarks that compare one with a plugin's.
pub fn app_with(state: AppState, extra: Router<AppState>) -> Router {
    extra
        .merge(system::routes())
        .merge(auth::routes())
        .merge(account::routes())
        .merge(second_factor::routes())
        .merge(portal::routes())
        .merge(extranet::routes())
        .merge(admin::routes())
        .fallback(plugin::dispatch)
        .layer(middleware::from_fn(form::refuse_unstorable_text))
        .layer(middleware::from_fn_with_state(state.clone(), render_errors))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            visitor_cookie,
        ))
        .layer(middleware::from_fn(track))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::headers,
        ))
        .with_state(state)
}

/// Count requests and time them, by area.
async fn track(req: Request, next: Next) -> Response {
    let started = Instant::now();
    let path = req.uri().path();
    let area = if path.starts_with("/extranet") {
        "extranet"
    } else if path.starts_with("/admin") {
        "admin"
    } else if path.starts_with("/static") {
        "static"
    } else {
        "portal"
    };
    let resp = next.run(req).await;
    crate::metrics::http_request(area, resp.status().as_u16(), started.elapsed());
    resp
}

/// Give every browser a signed visitor cookie (strictly necessary: it
/// carries the CSRF protection of anonymous forms and lets a plugin count one
/// answer per browser), and clear the one-time notice once shown.
async fn visitor_cookie(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let existing = ctx::cookie(req.headers(), VISITOR_COOKIE)
        .and_then(|v| ctx::check_visitor(&state.secret, v));
    let had_notice = ctx::cookie(req.headers(), NOTICE_COOKIE).is_some();
    let secure = req
        .extensions()
        .get::<security::SiteHttps>()
        .is_some_and(|h| h.0);
    let (visitor, new_cookie) = match existing {
        Some(id) => (Visitor { id, is_new: false }, None),
        None => {
            let (id, cookie) = ctx::new_visitor(&state.secret);
            (Visitor { id, is_new: true }, Some(cookie))
        }
    };
    req.extensions_mut().insert(visitor);
    let mut resp = next.run(req).await;
    if let Some(c) = new_cookie {
        resp.headers_mut().append(
            header::SET_COOKIE,
            ctx::set_cookie(VISITOR_COOKIE, &c, Some(400 * 86400), secure),
        );
    }
    let is_page = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if had_notice
        && is_page
        && !resp
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .any(|v| v.as_bytes().starts_with(NOTICE_COOKIE.as_bytes()))
    {
        resp.headers_mut().append(
            header::SET_COOKIE,
            ctx::set_cookie(NOTICE_COOKIE, "", Some(0), secure),
        );
    }
    resp
}

/// Turn an [`ErrorPage`] response into a page in the site's layout.
async fn render_errors(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let headers = req.headers().clone();
    let uri = req.uri().clone();
    // What the page's context reads from the extensions.
    let mut extensions = axum::http::Extensions::new();
    if let Some(v) = req.extensions().get::<Visitor>() {
        extensions.insert(v.clone());
    }
    if let Some(n) = req.extensions().get::<ctx::CspNonce>() {
        extensions.insert(n.clone());
    }
    if let Some(c) = req
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
    {
        extensions.insert(*c);
    }
    let resolved = ctx::Resolved::default();
    let mut req = req;
    req.extensions_mut().insert(resolved.clone());
    let resp = next.run(req).await;
    let Some(page) = resp.extensions().get::<ErrorPage>().cloned() else {
        return resp;
    };
    if let Some(next) = &page.login_next {
        // Anonymous visitors asked to sign in go to the sign-in form.
        let location = format!("/login?next={}", urlencode(next));
        let mut r = (axum::http::StatusCode::SEE_OTHER, ()).into_response();
        if let Ok(v) = HeaderValue::from_str(&location) {
            r.headers_mut().insert(header::LOCATION, v);
        }
        r.headers_mut()
            .insert(error::REFUSED_HEADER, HeaderValue::from_static("sign-in"));
        return r;
    }
    // The handler's own context when it resolved one; else (it failed
    // before, or the error came from a layer) resolved here.
    let ctx = match resolved.take() {
        Some(ctx) => Ok(ctx),
        None => Ctx::resolve_with(&state, &headers, &uri, &extensions).await,
    };
    match ctx {
        Ok(ctx) => {
            let mut r = page::error_page(&state, &ctx, &page);
            if page.refused_by_host {
                r.headers_mut().insert(error::REFUSED_HEADER, HeaderValue::from_static("access"));
            }
            r
        }
        // No site for this host: a plain page.
        Err(_) => (
            page.status,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            "<!DOCTYPE html><html lang=\"fr\"><meta charset=\"utf-8\"><title>Estive</title><h1>Site inconnu / Unknown site</h1><p>Aucun site n’est servi à cette adresse. No site is served at this address.</p></html>",
        )
            .into_response(),
    }
}

/// Percent-encode a query value.
pub fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("v", s)])
        .map(|q| q[2..].to_string())
        .unwrap_or_default()
}

pub use urls::safe_next;

/// Serve the app on a listener until `shutdown` resolves, within the
/// connection limits of `state.net` (see [`conn`]); with
/// `ESTIVE_METRICS_ADDR`, `/metrics` is served on its own listener there.
///
/// # Errors
/// The metrics listener cannot be bound.
pub async fn serve(
    state: AppState,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let net = state.net.clone();
    let limits = conn::Limits::of(&net);
    let (stop, stopped) = tokio::sync::watch::channel(false);
    if let Some(addr) = net.metrics_addr {
        let metrics = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| anyhow::anyhow!("cannot listen on ESTIVE_METRICS_ADDR {addr}: {e}"))?;
        let app = system::metrics_routes().with_state(state.clone());
        let mut stopped = stopped.clone();
        tokio::spawn(conn::serve(
            app,
            metrics,
            limits.clone(),
            net.clone(),
            async move {
                let _ = stopped.wait_for(|s| *s).await;
            },
        ));
    }
    let result = conn::serve(app(state), listener, limits, net, shutdown).await;
    let _ = stop.send(true);
    result
}
