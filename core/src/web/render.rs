//! Page rendering: one minijinja environment for the whole server, with
//! autoescaping, loading templates from the host (embedded), from plugin
//! packages (`polls@1.2.0/poll.html`) and from site overrides
//! (`site:<slug>/…`, only for sites that have any, so that compiled
//! templates are shared by every other site).

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use minijinja::value::{Kwargs, Value};
use minijinja::{Environment, State};
use serde::Serialize;

use crate::i18n::Catalogues;
use crate::package::manifest::Area;
use crate::platform::{Platform, Site, SitePlugin};

include!(concat!(env!("OUT_DIR"), "/assets.rs"));

/// An embedded host file (`templates/…`, `static/…`, `locales/…`).
pub fn asset(path: &str) -> Option<&'static [u8]> {
    FILES.iter().find(|(p, _)| *p == path).map(|(_, b)| *b)
}

fn asset_text(path: &str) -> Option<&'static str> {
    asset(path).and_then(|b| std::str::from_utf8(b).ok())
}

/// A link in a navigation list.
#[derive(Debug, Clone, Serialize)]
pub struct NavItem {
    pub title: String,
    pub url: String,
    pub current: bool,
}

/// A breadcrumb step.
#[derive(Debug, Clone, Serialize)]
pub struct Crumb {
    pub title: String,
    pub url: String,
}

/// The layout's context (see `templates/layout.html`).
#[derive(Debug, Clone, Serialize)]
pub struct PageFrame {
    pub lang: &'static str,
    pub csrf_token: String,
    pub site: serde_json::Value,
    pub user: Option<serde_json::Value>,
    pub area: &'static str,
    pub nav: Vec<NavItem>,
    pub area_links: Vec<NavItem>,
    pub lang_switch: serde_json::Value,
    pub notice: Option<String>,
    pub request_path: String,
    pub breadcrumb: Vec<Crumb>,
    pub page_title: String,
    /// Said first in the document's `<title>` only, not in the `<h1>` or
    /// the breadcrumb: the count of errors of a form shown again.
    pub title_prefix: Option<String>,
    pub status: u16,
    /// The nonce of the response's Content-Security-Policy, for the
    /// layout's own `<style>` and `<script>` elements (never given to
    /// content templates).
    pub csp_nonce: String,
}

pub struct Renderer {
    env: RwLock<Environment<'static>>,
    host: Arc<Catalogues>,
    /// Catalogues by template namespace (`polls@1.2.0`).
    plugin_catalogues: Arc<RwLock<HashMap<String, Arc<Catalogues>>>>,
    platform: Arc<Platform>,
    /// The configuration revision the compiled templates belong to.
    revision: std::sync::atomic::AtomicI64,
}

/// The namespace of a template name: `polls@1.2.0` of
/// `polls@1.2.0/poll.html`, the plugin of `site:<slug>/polls/poll.html`.
fn namespace(name: &str) -> Option<&str> {
    let rest = name
        .strip_prefix("site:")
        .map_or(name, |r| r.split_once('/').map_or(r, |(_, p)| p));
    rest.split_once('/').map(|(ns, _)| ns)
}

impl Renderer {
    pub fn new(platform: Arc<Platform>) -> Arc<Renderer> {
        // `locales/fr.ftl` plus any `locales/fr-<part>.ftl` (one file per
        // area of the host, so that they can be edited apart).
        let sources = |lang: &str| -> Vec<&'static str> {
            FILES
                .iter()
                .filter(|(p, _)| {
                    p.strip_prefix("locales/")
                        .and_then(|f| f.strip_suffix(".ftl"))
                        .is_some_and(|f| f == lang || f.starts_with(&format!("{lang}-")))
                })
                .filter_map(|(_, b)| std::str::from_utf8(b).ok())
                .collect()
        };
        let host = Arc::new(Catalogues::new(&sources("fr"), &sources("en")));
        let plugin_catalogues: Arc<RwLock<HashMap<String, Arc<Catalogues>>>> = Arc::default();
        let mut env = Environment::new();
        env.set_fuel(Some(FUEL));
        env.set_recursion_limit(MAX_DEPTH);
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".html") || name.ends_with(".svg") || name.ends_with(".xml") {
                minijinja::AutoEscape::Html
            } else {
                minijinja::AutoEscape::None
            }
        });
        // Includes name templates from the root of the including template's
        // namespace: a plugin's own folder (`polls@1.2.0/`), a site's
        // overrides (`site:<slug>/`, then the plugin's folder within), or the
        // host's templates.
        let join_platform = platform.clone();
        env.set_path_join_callback(move |name, parent| {
            // The host's macros for plugins (`estive/forms.html`), the same
            // from every namespace.
            if name.contains('@') || name.starts_with("site:") || name.starts_with("estive/") {
                return name.to_string().into();
            }
            if let Some(rest) = parent.strip_prefix("site:") {
                let (slug, path) = rest.split_once('/').unwrap_or((rest, ""));
                let plugin = path
                    .split_once('/')
                    .map(|(first, _)| first)
                    .filter(|first| {
                        join_platform
                            .snapshot()
                            .site(slug)
                            .is_some_and(|s| s.plugin(first).is_some())
                    });
                return match plugin {
                    Some(p) => format!("site:{slug}/{p}/{name}").into(),
                    None => format!("site:{slug}/{name}").into(),
                };
            }
            match parent.split_once('/') {
                Some((ns, _)) if ns.contains('@') => format!("{ns}/{name}").into(),
                _ => name.to_string().into(),
            }
        });
        let loader_platform = platform.clone();
        let own_platform = platform.clone();
        env.set_loader(move |name| Ok(load(&loader_platform, name)));
        let host_for_t = host.clone();
        let cats_for_t = plugin_catalogues.clone();
        env.add_function(
            "t",
            move |state: &State, key: String, kwargs: Kwargs| -> Result<String, minijinja::Error> {
                let lang = state
                    .lookup("lang")
                    .map(|v| v.to_string())
                    .unwrap_or_else(|| "fr".into());
                let mut args = Vec::new();
                for k in kwargs.args() {
                    let v: Value = kwargs.get(k)?;
                    args.push((
                        k,
                        if v.is_none() || v.is_undefined() {
                            String::new()
                        } else {
                            v.to_string()
                        },
                    ));
                }
                let ns = namespace(state.name()).map(str::to_string);
                if let Some(ns) = ns
                    && let Some(c) = cats_for_t.read().expect("catalogue lock").get(&ns)
                    && let Some(s) = c.get(&lang, &key, &args)
                {
                    return Ok(s);
                }
                Ok(host_for_t.t_args(&lang, &key, &args))
            },
        );
        // `plugin_url("forums", "/sujet/polls:3")`: where another plugin
        // enabled on the page's site serves a portal path, or none when it
        // is not enabled there, so that a page links to its neighbours only
        // when they exist (an attached debate, a related service).
        let urls_platform = platform.clone();
        env.add_function(
            "plugin_url",
            move |state: &State, plugin: String, path: Option<String>| -> Value {
                let path = path.unwrap_or_default();
                if !(path.is_empty() || path.starts_with('/')) {
                    return Value::from(());
                }
                let Some(slug) = state
                    .lookup("site")
                    .and_then(|s| s.get_attr("slug").ok())
                    .and_then(|s| s.as_str().map(str::to_string))
                else {
                    return Value::from(());
                };
                let snapshot = urls_platform.snapshot();
                snapshot
                    .site(&slug)
                    .and_then(|site| site.plugin(&plugin))
                    .map_or(Value::from(()), |p| {
                        Value::from(format!("{}{path}", p.mount(Area::Portal)))
                    })
            },
        );
        env.add_filter("date", format_date);
        env.add_filter("datetime", format_datetime);
        env.add_filter("number", format_number);
        Arc::new(Renderer {
            env: RwLock::new(env),
            host,
            plugin_catalogues,
            platform: own_platform,
            revision: std::sync::atomic::AtomicI64::new(i64::MIN),
        })
    }

    pub fn host_catalogue(&self) -> &Catalogues {
        &self.host
    }

    /// Reset when the platform's configuration changed since the last
    /// render (on this node or another): templates and catalogues of
    /// plugins and sites follow every change without a restart.
    fn sync(&self) {
        let current = self.platform.snapshot().revision;
        if self
            .revision
            .swap(current, std::sync::atomic::Ordering::AcqRel)
            != current
        {
            self.reset(&self.platform);
        }
    }

    /// Forget compiled templates (after a reload) and register catalogues.
    pub fn reset(&self, platform: &Platform) {
        self.revision.store(
            platform.snapshot().revision,
            std::sync::atomic::Ordering::Release,
        );
        let mut cats = HashMap::new();
        for l in platform.runtime.all() {
            cats.insert(
                format!("{}@{}", l.name(), l.version()),
                l.catalogues.clone(),
            );
        }
        for site in &platform.snapshot().sites {
            for p in &site.plugins {
                cats.insert(p.name.clone(), p.loaded.catalogues.clone());
            }
        }
        *self.plugin_catalogues.write().expect("catalogue lock") = cats;
        self.env.write().expect("env lock").clear_templates();
    }

    /// The name to load a host template by for a site.
    pub fn host_template(site: &Site, name: &str) -> String {
        if site.templates.contains_key(name) {
            format!("site:{}/{name}", site.config.slug)
        } else {
            name.to_string()
        }
    }

    /// The name to load a plugin template by for a site.
    pub fn plugin_template(site: &Site, plugin: &SitePlugin, name: &str) -> String {
        let key = format!("{}/{name}", plugin.name);
        if site.templates.contains_key(&key) {
            format!("site:{}/{key}", site.config.slug)
        } else {
            format!("{}@{}/{name}", plugin.name, plugin.loaded.version())
        }
    }

    /// Render a template with a context.
    ///
    /// # Errors
    /// A missing template or a template error (with its line).
    pub fn render<S: Serialize>(&self, name: &str, ctx: S) -> anyhow::Result<String> {
        self.sync();
        let env = self.env.read().expect("env lock");
        let tmpl = env
            .get_template(name)
            .map_err(|e| anyhow::anyhow!("template {name}: {e:#}"))?;
        bounded(&tmpl, Value::from(minijinja::value::Serde(ctx)))
    }

    /// Render content inside the site's layout.
    ///
    /// # Errors
    /// A template error.
    pub fn page(&self, site: &Site, frame: &PageFrame, content: &str) -> anyhow::Result<String> {
        let ctx = minijinja::context! { content => content, ..Value::from(minijinja::value::Serde(frame)) };
        self.sync();
        let env = self.env.read().expect("env lock");
        let name = Self::host_template(site, "layout.html");
        let tmpl = env
            .get_template(&name)
            .map_err(|e| anyhow::anyhow!("template {name}: {e:#}"))?;
        bounded(&tmpl, ctx)
    }
}

/// The work one render may do, in minijinja's fuel: about one per
/// instruction and one per 64 bytes of data the template creates (its
/// output included), so it bounds both the time a render takes and the
/// memory it can allocate (about 64 × this many bytes, 32 MiB). A page of
/// the shipped plugins uses at most a few tens of thousands (measured with
/// `ESTIVE_LOG=estive_core::web::render=debug`, which logs each render's
/// fuel); a template that loops over `range` within `range`, prints in
/// nested loops or doubles a string stops here in a fraction of a second
/// instead of holding a worker or growing the server's memory.
pub const FUEL: u64 = 500_000;
/// Deepest nesting, in minijinja's recursion units: a loop or a block
/// costs 1, an include or a macro call 10 or more. 500 is minijinja's own
/// default and highest value without growing the stack (about 40 nested
/// includes: comarquage's sheets nest their element templates 5 to 10
/// deep); a macro that calls itself without end stops here.
pub const MAX_DEPTH: usize = 500;

/// Render a template within the bounds, naming the bound that stopped it.
fn bounded(tmpl: &minijinja::Template<'_, '_>, ctx: Value) -> anyhow::Result<String> {
    let name = tmpl.name();
    let explain = |e: minijinja::Error| {
        // An error inside an include says only "could not render include":
        // the cause, and the bound that stopped it, are down the chain.
        let mut text = format!("template {name}: {e:#}");
        let mut out_of_fuel = e.kind() == minijinja::ErrorKind::OutOfFuel;
        let mut cause = std::error::Error::source(&e);
        while let Some(c) = cause {
            if let Some(m) = c.downcast_ref::<minijinja::Error>() {
                out_of_fuel |= m.kind() == minijinja::ErrorKind::OutOfFuel;
            }
            text.push_str(&format!("\ncaused by: {c}"));
            cause = c.source();
        }
        if out_of_fuel {
            anyhow::anyhow!(
                "template {name}: did more work than a page may ({FUEL} fuel: instructions and data)"
            )
        } else {
            anyhow::anyhow!(text)
        }
    };
    if tracing::enabled!(tracing::Level::DEBUG) {
        let mut out = Vec::new();
        let captured = tmpl.render_captured_to(ctx, &mut out).map_err(explain)?;
        if let Some((used, _)) = captured.state().fuel_levels() {
            tracing::debug!(template = name, fuel = used, bytes = out.len(), "rendered");
        }
        return String::from_utf8(out).map_err(|e| anyhow::anyhow!("template {name}: {e}"));
    }
    tmpl.render(ctx).map_err(explain)
}

fn load(platform: &Platform, name: &str) -> Option<String> {
    if let Some(rest) = name.strip_prefix("site:") {
        let (slug, path) = rest.split_once('/')?;
        let snap = platform.snapshot();
        let site = snap.site(slug)?;
        if let Some(t) = site.templates.get(path) {
            return Some(t.clone());
        }
        // Not overridden: the plugin's own, or the host's.
        if let Some((plugin, file)) = path.split_once('/')
            && let Some(p) = site.plugin(plugin)
        {
            return p
                .loaded
                .package
                .templates()
                .find(|(n, _)| *n == file)
                .map(|(_, t)| t.to_string());
        }
        return asset_text(&format!("templates/{path}")).map(str::to_string);
    }
    if let Some((ns, file)) = name.split_once('/')
        && let Some((plugin, version)) = ns.split_once('@')
    {
        let version = semver::Version::parse(version).ok()?;
        let loaded = platform.runtime.get(plugin, &version)?;
        return loaded
            .package
            .templates()
            .find(|(n, _)| *n == file)
            .map(|(_, t)| t.to_string());
    }
    asset_text(&format!("templates/{name}")).map(str::to_string)
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn lang_of(state: &State) -> String {
    state
        .lookup("lang")
        .map(|v| v.to_string())
        .unwrap_or_else(|| "fr".into())
}

fn long_date(lang: &str, d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let m = d.month0() as usize;
    if lang == "en" {
        format!("{} {} {}", d.day(), MONTHS_EN[m], d.year())
    } else if d.day() == 1 {
        format!("1er {} {}", MONTHS_FR[m], d.year())
    } else {
        format!("{} {} {}", d.day(), MONTHS_FR[m], d.year())
    }
}

/// `2026-11-28` → "28 novembre 2026" / "28 November 2026".
fn format_date(state: &State, value: String) -> String {
    let lang = lang_of(state);
    let date_part = value.get(..10).unwrap_or(&value);
    match chrono::NaiveDate::parse_from_str(date_part, "%Y-%m-%d") {
        Ok(d) => long_date(&lang, d),
        Err(_) => value,
    }
}

/// An RFC 3339 date-time → "28 novembre 2026 à 16:30" in the site's zone
/// (given as `tz`, default Europe/Paris).
fn format_datetime(state: &State, value: String, tz: Option<String>) -> String {
    let lang = lang_of(state);
    let tz: chrono_tz::Tz = tz
        .or_else(|| state.lookup("timezone").map(|v| v.to_string()))
        .and_then(|t| t.parse().ok())
        .unwrap_or(chrono_tz::Europe::Paris);
    match chrono::DateTime::parse_from_rfc3339(&value) {
        Ok(dt) => {
            let local = dt.with_timezone(&tz);
            let date = long_date(&lang, local.date_naive());
            let time = local.format("%H:%M");
            if lang == "en" {
                format!("{date} at {time}")
            } else {
                format!("{date} à {time}")
            }
        }
        Err(_) => value,
    }
}

/// 12345.5 → "12 345,5" (fr) / "12,345.5" (en).
fn format_number(state: &State, value: Value, decimals: Option<usize>) -> String {
    let lang = lang_of(state);
    let Ok(n) = f64::try_from(value.clone()) else {
        return value.to_string();
    };
    let decimals = decimals.unwrap_or(if n.fract() == 0.0 { 0 } else { 1 });
    let text = format!("{:.*}", decimals, n.abs());
    let (int, frac) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let (group, point) = if lang == "en" {
        (",", ".")
    } else {
        ("\u{202f}", ",")
    };
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push_str(group);
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push_str(point);
        out.push_str(f);
    }
    if n < 0.0 { format!("-{out}") } else { out }
}

/// The site as templates see it.
pub fn site_value(site: &Site) -> serde_json::Value {
    let c = &site.config;
    serde_json::json!({
        "slug": c.slug,
        "name": c.name,
        "tagline": c.tagline,
        "colors": { "primary": c.colors.primary, "accent": c.colors.accent },
        "logo_url": c.logo.as_ref().map(|l| format!("/static/site/{l}")),
        "contact": { "email": c.contact.email, "phone": c.contact.phone, "address": c.contact.address },
        "dpo_email": c.dpo.email,
        "dpo_name": c.dpo.name,
        "accessibility_level": c.accessibility,
        "base_url": site.info.base_url,
        "timezone": c.timezone,
    })
}

/// Where an area's home is.
pub fn area_home(area: Area) -> &'static str {
    match area {
        Area::Portal => "/",
        Area::Extranet => "/extranet/",
        Area::Admin => "/admin/",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespaces_of_template_names() {
        assert_eq!(namespace("polls@1.0.0/poll.html"), Some("polls@1.0.0"));
        assert_eq!(namespace("site:veziaux/polls/poll.html"), Some("polls"));
        assert_eq!(namespace("layout.html"), None);
        assert_eq!(namespace("site:veziaux/layout.html"), None);
    }

    #[test]
    fn dates_read_naturally_in_both_languages() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        assert_eq!(long_date("fr", d), "1er novembre 2026");
        assert_eq!(long_date("en", d), "1 November 2026");
    }
}
