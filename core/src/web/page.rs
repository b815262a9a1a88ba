//! Building pages: the layout's frame (navigation by area, language switch,
//! user menu) around host pages, plugin views and error pages.

use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;

use super::AppState;
use super::ctx::Ctx;
use super::error::{Error, ErrorPage};
use super::render::{Crumb, NavItem, PageFrame, Renderer, site_value};
use crate::package::manifest::Area;
use crate::platform::{Site, SitePlugin};

/// Whether a user with these roles/permissions may use a route of `area`
/// that requires `permission`.
pub fn may_use(ctx: &Ctx, plugin: &SitePlugin, area: Area, permission: Option<&str>) -> bool {
    let roles: &[String] = ctx.user.as_ref().map_or(&[], |u| &u.roles);
    let area_ok = match area {
        Area::Portal => true,
        Area::Extranet => ctx.user.as_ref().is_some_and(|u| u.is_member()),
        Area::Admin => ctx.user.as_ref().is_some_and(|u| u.is_admin()),
    };
    area_ok
        && permission.is_none_or(|p| {
            ctx.user.is_some()
                && ctx
                    .site
                    .permissions_of(plugin, roles)
                    .iter()
                    .any(|held| held == p)
        })
}

/// The navigation of an area: host entries, then the plugins' entries the
/// user may follow.
pub fn nav(state: &AppState, ctx: &Ctx, area: Area) -> Vec<NavItem> {
    let t = |k: &str| ctx.t(state, k);
    let mut items = Vec::new();
    match area {
        Area::Portal => items.push(NavItem {
            title: t("nav-home"),
            url: "/".into(),
            current: false,
        }),
        Area::Extranet => items.push(NavItem {
            title: t("nav-dashboard"),
            url: "/extranet/".into(),
            current: false,
        }),
        Area::Admin => {
            for (key, url) in [
                ("admin-nav-overview", "/admin/"),
                ("admin-nav-plugins", "/admin/plugins"),
                ("admin-nav-users", "/admin/users"),
                ("admin-nav-groups", "/admin/groups"),
                ("admin-nav-permissions", "/admin/permissions"),
                ("admin-nav-audit", "/admin/audit"),
            ] {
                items.push(NavItem {
                    title: t(key),
                    url: url.into(),
                    current: false,
                });
            }
            if ctx.user.as_ref().is_some_and(|u| u.server_admin) {
                items.push(NavItem {
                    title: t("admin-nav-server"),
                    url: "/admin/server".into(),
                    current: false,
                });
            }
        }
    }
    for p in &ctx.site.plugins {
        let manifest = &p.loaded.manifest;
        for entry in &manifest.navigation {
            let Some(route) = manifest.route(&entry.route) else {
                continue;
            };
            if route.area != area || !may_use(ctx, p, area, route.permission.as_deref()) {
                continue;
            }
            let base = p.mount(area);
            let url = if route.path == "/" {
                format!("{base}/")
            } else {
                format!("{base}{}", route.path)
            };
            items.push(NavItem {
                title: entry.title.get(ctx.lang).to_string(),
                url,
                current: false,
            });
        }
    }
    // The longest matching prefix is the current entry.
    let best = items
        .iter()
        .enumerate()
        .filter(|(_, i)| {
            ctx.path == i.url
                || (i.url.len() > 1
                    && ctx.path.starts_with(i.url.trim_end_matches('/'))
                    && i.url != "/extranet/"
                    && i.url != "/admin/")
        })
        .max_by_key(|(_, i)| i.url.len())
        .map(|(n, _)| n);
    if let Some(n) = best {
        items[n].current = true;
    } else if let Some(first) = items.iter_mut().find(|i| i.url == ctx.path) {
        first.current = true;
    }
    items
}

/// The layout frame of a page.
pub fn frame(
    state: &AppState,
    ctx: &Ctx,
    area: Area,
    title: &str,
    status: StatusCode,
) -> PageFrame {
    let t = |k: &str| ctx.t(state, k);
    let mut area_links = Vec::new();
    if let Some(u) = &ctx.user {
        if area != Area::Portal {
            area_links.push(NavItem {
                title: t("area-link-portal"),
                url: "/".into(),
                current: false,
            });
        }
        if u.is_member() && area != Area::Extranet {
            area_links.push(NavItem {
                title: t("area-link-extranet"),
                url: "/extranet/".into(),
                current: false,
            });
        }
        if u.is_admin() && area != Area::Admin {
            area_links.push(NavItem {
                title: t("area-link-admin"),
                url: "/admin/".into(),
                current: false,
            });
        }
        area_links.push(NavItem {
            title: t("area-link-account"),
            url: "/compte".into(),
            current: false,
        });
    }
    let other = if ctx.lang == "fr" { "en" } else { "fr" };
    let lang_switch = serde_json::json!({
        "url": format!("/langue/{other}?next={}", super::urlencode(&ctx.path_and_query())),
        "label": if other == "en" { "English" } else { "Français" },
        "lang": other,
    });
    PageFrame {
        lang: ctx.lang,
        csrf_token: ctx.csrf.clone(),
        site: site_value(&ctx.site),
        user: ctx.user.as_ref().map(|u| {
            serde_json::json!({
                "name": u.name, "username": u.username, "roles": u.roles,
                "is_admin": u.is_admin(), "is_staff": u.has_role("staff") || u.is_admin(),
            })
        }),
        area: area.as_str(),
        nav: nav(state, ctx, area),
        area_links,
        lang_switch,
        notice: ctx.notice.clone(),
        request_path: ctx.path.clone(),
        breadcrumb: Vec::new(),
        page_title: title.to_string(),
        title_prefix: None,
        status: status.as_u16(),
        csp_nonce: ctx.csp_nonce.clone(),
    }
}

/// Common globals for content templates.
pub fn globals(ctx: &Ctx, area: Area) -> serde_json::Value {
    serde_json::json!({
        "lang": ctx.lang,
        "csrf_token": ctx.csrf,
        "site": site_value(&ctx.site),
        "area": area.as_str(),
        "request_path": ctx.path,
        "timezone": ctx.site.config.timezone,
        "user": ctx.user.as_ref().map(|u| serde_json::json!({
            "id": u.id, "name": u.name, "username": u.username, "roles": u.roles, "groups": u.groups,
            "is_admin": u.is_admin(),
        })),
    })
}

/// Merge two JSON objects (the second wins).
pub fn merge(mut base: serde_json::Value, extra: serde_json::Value) -> serde_json::Value {
    if let (Some(b), serde_json::Value::Object(e)) = (base.as_object_mut(), extra) {
        for (k, v) in e {
            b.insert(k, v);
        }
    }
    base
}

/// A host page: a content template (under `core/templates/`) in the layout.
pub struct Page<'a> {
    pub area: Area,
    pub title: String,
    pub template: &'a str,
    pub context: serde_json::Value,
    pub status: StatusCode,
    pub breadcrumb: Vec<Crumb>,
}

impl<'a> Page<'a> {
    pub fn new(
        area: Area,
        title: impl Into<String>,
        template: &'a str,
        context: impl Serialize,
    ) -> Page<'a> {
        Page {
            area,
            title: title.into(),
            template,
            context: serde_json::to_value(context).unwrap_or_default(),
            status: StatusCode::OK,
            breadcrumb: Vec::new(),
        }
    }

    pub fn status(mut self, s: StatusCode) -> Self {
        self.status = s;
        self
    }

    pub fn crumb(mut self, title: impl Into<String>, url: impl Into<String>) -> Self {
        self.breadcrumb.push(Crumb {
            title: title.into(),
            url: url.into(),
        });
        self
    }

    /// Render it.
    ///
    /// # Errors
    /// A template error (500).
    pub fn render(self, state: &AppState, ctx: &Ctx) -> Result<Response, Error> {
        let content = state.render.render(
            &Renderer::host_template(&ctx.site, self.template),
            merge(globals(ctx, self.area), self.context),
        )?;
        let mut f = frame(state, ctx, self.area, &self.title, self.status);
        f.breadcrumb = self.breadcrumb;
        Ok(html(
            self.status,
            state.render.page(&ctx.site, &f, &content)?,
        ))
    }
}

/// An HTML response that is never cached by shared caches.
pub fn html(status: StatusCode, body: String) -> Response {
    let mut r = (status, Html(body)).into_response();
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    r
}

/// An error page in the site's layout.
pub fn error_page(state: &AppState, ctx: &Ctx, page: &ErrorPage) -> Response {
    let t = |k: &str| ctx.t(state, k);
    let status = page.status;
    let catalogue = state.render.host_catalogue();
    let key = format!("error-{}-title", status.as_u16());
    let title = if catalogue.has(&key) {
        t(&key)
    } else {
        t("error-other-title")
    };
    let translate = |m: &str| {
        if catalogue.has(m) {
            catalogue.t(ctx.lang, m)
        } else {
            m.to_string()
        }
    };
    let context = serde_json::json!({
        "status": status.as_u16(),
        "message": page.message.as_deref().map(translate),
        "errors": page.fields.iter().map(|(f, m)| serde_json::json!({"field": f, "message": translate(m)})).collect::<Vec<_>>(),
    });
    let area = if ctx.path.starts_with("/extranet") {
        Area::Extranet
    } else if ctx.path.starts_with("/admin") {
        Area::Admin
    } else {
        Area::Portal
    };
    let rendered = state
        .render
        .render(
            &Renderer::host_template(&ctx.site, "error.html"),
            merge(globals(ctx, area), context),
        )
        .and_then(|content| {
            state.render.page(
                &ctx.site,
                &frame(state, ctx, area, &title, status),
                &content,
            )
        });
    match rendered {
        Ok(body) => html(status, body),
        Err(e) => {
            tracing::error!(error = %format!("{e:#}"), "cannot render the error page");
            (status, Html(format!("<!DOCTYPE html><html lang=\"fr\"><meta charset=\"utf-8\"><title>{0}</title><h1>{0}</h1></html>", status.as_u16())))
                .into_response()
        }
    }
}

/// The French-first title of a site, for `<title>` etc.
pub fn site_title(site: &Site) -> &str {
    &site.config.name
}
