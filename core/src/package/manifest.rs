//! The plugin manifest, `plugin.toml`, and its validation.
//!
//! Parsing refuses unknown keys and wrong types with the line and column
//! (serde + toml give those); [`Manifest::validate`] then checks what a
//! type cannot say: names, semver, route clashes, permissions used but not
//! declared, columns named in indexes, and so on. Every message names the
//! offending item so that a plugin author can fix it without guessing.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{Context as _, Result, bail};
use semver::{Version, VersionReq};
use serde::{Deserialize, Serialize};

/// The roles every site has.
pub const BUILTIN_ROLES: [&str; 4] = ["citizen", "elected", "staff", "admin"];

/// A text in French and English. French is required; English falls back to
/// French when missing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub fr: String,
    #[serde(default)]
    pub en: Option<String>,
}

impl Text {
    pub fn get(&self, lang: &str) -> &str {
        match (lang, &self.en) {
            ("en", Some(en)) if !en.is_empty() => en,
            _ => &self.fr,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Manifest {
    /// Plugin name: lowercase letters, digits and `_`, starting with a letter.
    pub name: String,
    pub version: Version,
    /// The range of `estive:plugin` API versions the plugin was built for.
    pub api: VersionReq,
    pub title: Text,
    #[serde(default)]
    pub description: Text,
    /// Default mount path on each area, e.g. `consultations`.
    pub default_path: String,
    #[serde(default)]
    pub requires: BTreeMap<String, VersionReq>,
    #[serde(default)]
    pub limits: Limits,
    #[serde(default)]
    pub roles: Vec<RoleDecl>,
    #[serde(default)]
    pub permissions: Vec<Permission>,
    #[serde(default)]
    pub routes: Vec<Route>,
    #[serde(default)]
    pub tables: Vec<Table>,
    #[serde(default)]
    pub capabilities: Capabilities,
    #[serde(default)]
    pub schedules: Vec<Schedule>,
    /// Topics (`<plugin>.<event>`) this plugin receives through `on-event`.
    #[serde(default)]
    pub subscribe: Vec<String>,
    #[serde(default)]
    pub widgets: Vec<Widget>,
    #[serde(default)]
    pub navigation: Vec<NavEntry>,
    #[serde(default)]
    pub settings: Vec<Setting>,
}

/// Per-call limits; a site administrator may lower or raise them within the
/// server's bounds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Limits {
    #[serde(default = "Limits::default_deadline")]
    pub deadline_ms: u64,
    #[serde(default = "Limits::default_memory")]
    pub memory_mib: u64,
    /// Concurrent calls of this plugin on one server (0: the server default).
    #[serde(default)]
    pub concurrency: u32,
}

impl Limits {
    fn default_deadline() -> u64 {
        1000
    }
    fn default_memory() -> u64 {
        64
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            deadline_ms: Self::default_deadline(),
            memory_mib: Self::default_memory(),
            concurrency: 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleDecl {
    pub name: String,
    pub title: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Permission {
    /// `<plugin>.<name>`, e.g. `polls.manage`.
    pub name: String,
    pub title: Text,
    /// Roles that hold it unless the site administrator changes the mapping.
    #[serde(default)]
    pub roles: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Area {
    Portal,
    Extranet,
    Admin,
}

impl Area {
    pub const ALL: [Area; 3] = [Area::Portal, Area::Extranet, Area::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Area::Portal => "portal",
            Area::Extranet => "extranet",
            Area::Admin => "admin",
        }
    }

    /// The URL prefix of the area on every site.
    pub fn prefix(self) -> &'static str {
        match self {
            Area::Portal => "",
            Area::Extranet => "/extranet",
            Area::Admin => "/admin",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    Get,
    Post,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub name: String,
    /// Path below the plugin's mount point, `/` or `/{id}/results`.
    pub path: String,
    pub area: Area,
    #[serde(default = "Route::default_methods")]
    pub methods: Vec<Method>,
    /// Permission required; none means anyone on the portal and any
    /// signed-in member of the site on the extranet. Admin routes always
    /// need the site's `admin` role.
    #[serde(default)]
    pub permission: Option<String>,
    /// List the page in `/sitemap.xml` (public portal GET routes only):
    /// `true` (the default) lists a route without parameters; a table lists
    /// one page per matching row of a route with parameters.
    #[serde(default, deserialize_with = "Sitemap::deserialize_flexibly")]
    pub sitemap: Sitemap,
    /// Let the host keep the answer for visitors who are not signed in, and
    /// serve it again for up to this many seconds without calling the
    /// plugin (portal GET routes without permission only). The plugin
    /// promises that, for such visitors, the answer depends only on the
    /// address, the language, the site's settings and its own stored data;
    /// the host drops the kept answer as soon as the plugin writes on that
    /// site. See `docs/plugins.md`.
    #[serde(default, rename = "cache-seconds")]
    pub cache_seconds: Option<u32>,
}

/// Which pages of a route `/sitemap.xml` lists.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Sitemap {
    /// `true`: the route's one page, when it has no parameters.
    /// `false`: none.
    Page(bool),
    /// One page per row of a table: `{ table = "polls", where = { status =
    /// ["open", "closed"] }, lastmod = "updated_at" }`.
    Rows(SitemapRows),
}

impl Default for Sitemap {
    fn default() -> Self {
        Sitemap::Page(true)
    }
}

/// The rows whose pages a route lists in `/sitemap.xml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SitemapRows {
    /// One of the plugin's tables (the host reads only the site's rows).
    pub table: String,
    /// The column each path parameter takes its value from, when it is not
    /// the column of the same name (`{ id = "pub_id" }`).
    #[serde(default)]
    pub params: BTreeMap<String, String>,
    /// Only rows whose column has this value, or one of these values.
    #[serde(default, rename = "where")]
    pub filter: BTreeMap<String, OneOrMany>,
    /// A date or date-time column: when the page last changed.
    #[serde(default)]
    pub lastmod: Option<String>,
}

/// A value of a `where` condition, or a list of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(Literal),
    Many(Vec<Literal>),
}

impl OneOrMany {
    pub fn values(&self) -> &[Literal] {
        match self {
            OneOrMany::One(v) => std::slice::from_ref(v),
            OneOrMany::Many(v) => v,
        }
    }
}

/// A text, integer or boolean in a manifest condition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Literal {
    Text(String),
    Integer(i64),
    Boolean(bool),
}

impl Sitemap {
    /// `true`, `false` or a table, with serde's own message (the unknown
    /// key named) when the table is wrong.
    fn deserialize_flexibly<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Sitemap, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Sitemap;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("true, false or a table like { table = \"polls\" }")
            }
            fn visit_bool<E: serde::de::Error>(self, b: bool) -> Result<Sitemap, E> {
                Ok(Sitemap::Page(b))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Sitemap, A::Error> {
                SitemapRows::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(Sitemap::Rows)
            }
        }
        d.deserialize_any(V)
    }
}

/// Longest a route may ask the host to keep its page.
pub const MAX_CACHE_SECONDS: u32 = 3_600;

impl Route {
    fn default_methods() -> Vec<Method> {
        vec![Method::Get]
    }

    /// The names of the path's parameters, in order: `/{audience}/{id}`
    /// gives `["audience", "id"]`.
    pub fn params(&self) -> Vec<&str> {
        self.path
            .split('{')
            .skip(1)
            .filter_map(|rest| {
                rest.split_once('}')
                    .map(|(name, _)| name.trim_start_matches('*'))
            })
            .collect()
    }

    /// The path with each parameter replaced by `value(name)`,
    /// percent-encoded as one path segment.
    pub fn fill(&self, mut value: impl FnMut(&str) -> String) -> String {
        let mut out = String::with_capacity(self.path.len() + 16);
        let mut rest = self.path.as_str();
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let name = rest[open + 1..open + close].trim_start_matches('*');
            for b in value(name).bytes() {
                if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                    out.push(char::from(b));
                } else {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        out
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    pub name: String,
    pub columns: Vec<Column>,
    #[serde(default)]
    pub indexes: Vec<Vec<String>>,
    #[serde(default)]
    pub unique: Vec<Vec<String>>,
    /// Text columns searched by full text, best match first (the first
    /// one counts most, as a title does). Empty: the table is not searched.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub search: Vec<String>,
}

impl Table {
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: ColumnType,
    /// NOT NULL.
    #[serde(default)]
    pub required: bool,
    /// Default for rows that do not give a value (also fills existing rows
    /// when the column is added by an upgrade).
    #[serde(default)]
    pub default: Option<toml::Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColumnType {
    Integer,
    Float,
    Text,
    Boolean,
    Date,
    Datetime,
    Json,
    Bytes,
}

impl ColumnType {
    pub fn as_str(self) -> &'static str {
        match self {
            ColumnType::Integer => "integer",
            ColumnType::Float => "float",
            ColumnType::Text => "text",
            ColumnType::Boolean => "boolean",
            ColumnType::Date => "date",
            ColumnType::Datetime => "datetime",
            ColumnType::Json => "json",
            ColumnType::Bytes => "bytes",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Capabilities {
    #[serde(default)]
    pub http: Option<HttpCapability>,
    #[serde(default)]
    pub directory: Option<DirectoryCapability>,
    #[serde(default)]
    pub mail: Option<MailCapability>,
}

/// Outbound hosts the plugin asks to reach; the administrator grants some or
/// all of them per site. Each is `host` (ports 80 and 443) or `host:port`
/// (that port only); `[::1]:8080` for an IPv6 address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HttpCapability {
    pub hosts: Vec<String>,
    pub reason: Text,
}

/// E-mail to the accounts of the site, which the administrator grants per
/// site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailCapability {
    pub reason: Text,
}

/// One entry of [`HttpCapability::hosts`], parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostPort {
    /// Lowercase; an IPv6 address without its brackets.
    pub host: String,
    /// The only port allowed; none: 80 and 443.
    pub port: Option<u16>,
}

impl HostPort {
    /// Parse `host`, `host:port` or `[v6]:port`.
    ///
    /// # Errors
    /// Anything else (a scheme, a path, user information, an empty host, a
    /// port that is not 1 to 65535), with the reason.
    pub fn parse(s: &str) -> Result<HostPort, String> {
        let (host, port) = if let Some(rest) = s.strip_prefix('[') {
            let (v6, after) = rest
                .split_once(']')
                .ok_or_else(|| format!("`{s}`: `[` without `]`"))?;
            if v6.parse::<std::net::Ipv6Addr>().is_err() {
                return Err(format!("`{s}`: `{v6}` is not an IPv6 address"));
            }
            match after {
                "" => (v6, None),
                p => (
                    v6,
                    Some(
                        p.strip_prefix(':')
                            .ok_or_else(|| format!("`{s}`: expected `:port` after `]`"))?,
                    ),
                ),
            }
        } else {
            match s.split_once(':') {
                Some((h, p)) => (h, Some(p)),
                None => (s, None),
            }
        };
        let valid_name = |h: &str| {
            !h.is_empty()
                && h.len() <= 253
                && h.split('.').all(|label| {
                    !label.is_empty()
                        && label.len() <= 63
                        && label
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                })
        };
        if !s.starts_with('[') && !valid_name(host) {
            return Err(format!(
                "`{s}` must be a host name like `api.example.fr`, optionally with `:port`"
            ));
        }
        let port = match port {
            None => None,
            Some(p) => Some(
                p.parse::<u16>()
                    .ok()
                    .filter(|p| *p > 0)
                    .ok_or_else(|| format!("`{s}`: the port must be a number from 1 to 65535"))?,
            ),
        };
        Ok(HostPort {
            host: host.to_ascii_lowercase(),
            port,
        })
    }

    /// Whether a request to `host` on `port` is what this entry allows.
    pub fn allows(&self, host: &str, port: u16) -> bool {
        self.host
            .eq_ignore_ascii_case(host.trim_start_matches('[').trim_end_matches(']'))
            && match self.port {
                Some(p) => p == port,
                None => port == 80 || port == 443,
            }
    }
}

/// A read-only directory the plugin asks for (mounted at `/granted`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DirectoryCapability {
    pub reason: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    pub name: String,
    /// Run every period: `15m`, `1h`, `1d`…
    #[serde(default)]
    pub every: Option<String>,
    /// Run once a day at this local time, `HH:MM`.
    #[serde(default)]
    pub at: Option<String>,
}

impl Schedule {
    /// The period in seconds for `every`.
    pub fn period_secs(&self) -> Option<u64> {
        self.every.as_deref().and_then(parse_period)
    }

    /// `(hour, minute)` for `at`.
    pub fn daily_at(&self) -> Option<(u32, u32)> {
        let (h, m) = self.at.as_deref()?.split_once(':')?;
        let (h, m) = (h.parse().ok()?, m.parse().ok()?);
        (h < 24 && m < 60).then_some((h, m))
    }
}

fn parse_period(s: &str) -> Option<u64> {
    let (n, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit())?);
    let n: u64 = n.parse().ok()?;
    let secs = match unit {
        "s" => n,
        "m" => n * 60,
        "h" => n * 3600,
        "d" => n * 86400,
        _ => return None,
    };
    (secs >= 60).then_some(secs)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Widget {
    pub name: String,
    pub area: Area,
    pub title: Text,
    #[serde(default)]
    pub permission: Option<String>,
    /// Route (of the same area, without parameters) the widget's "more" link
    /// points to.
    #[serde(default)]
    pub route: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NavEntry {
    pub title: Text,
    /// A route without parameters; the entry shows to those who may use it.
    pub route: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Setting {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: SettingType,
    pub title: Text,
    #[serde(default)]
    pub help: Option<Text>,
    #[serde(default)]
    pub default: Option<toml::Value>,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    /// Allowed values of a `choice`.
    #[serde(default)]
    pub choices: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SettingType {
    Boolean,
    Integer,
    Float,
    Text,
    /// Several lines of text.
    Textarea,
    Choice,
    /// A time of day `HH:MM`.
    Time,
    /// A list of texts, one per line in the form.
    List,
}

/// Names of plugins, tables, columns, routes and settings.
pub fn is_identifier(s: &str, max: usize) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some('a'..='z'))
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_'))
        && !s.contains("__")
        && !s.ends_with('_')
        && s.len() <= max
}

fn is_kebab(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some('a'..='z'))
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '-' | '_'))
        && s.len() <= 64
}

/// Columns the host owns in every plugin table.
pub const RESERVED_COLUMNS: [&str; 2] = ["id", "site_id"];

impl Manifest {
    /// Parse and validate `plugin.toml` text.
    ///
    /// # Errors
    /// Unknown keys, wrong types and every rule of [`Manifest::validate`].
    pub fn parse(text: &str) -> Result<Manifest> {
        let manifest: Manifest = toml::from_str(text)
            .map_err(|e| anyhow::anyhow!("plugin.toml: {}", e.to_string().trim_end()))?;
        manifest.validate().context("plugin.toml")?;
        Ok(manifest)
    }

    pub fn permission(&self, name: &str) -> Option<&Permission> {
        self.permissions.iter().find(|p| p.name == name)
    }

    pub fn table(&self, name: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.name == name)
    }

    pub fn route(&self, name: &str) -> Option<&Route> {
        self.routes.iter().find(|r| r.name == name)
    }

    pub fn setting(&self, name: &str) -> Option<&Setting> {
        self.settings.iter().find(|s| s.name == name)
    }

    /// Check the rules a type cannot express.
    ///
    /// # Errors
    /// The first broken rule, naming the item.
    /// A route's `sitemap = { table = … }`: a public page with parameters,
    /// each taken from a column of a declared table.
    fn check_sitemap_rows(&self, r: &Route, rows: &SitemapRows) -> Result<()> {
        if r.area != Area::Portal || r.permission.is_some() || !r.methods.contains(&Method::Get) {
            bail!("rows are listed for public pages only (area portal, method get, no permission)");
        }
        let params = r.params();
        if params.is_empty() {
            bail!("path `{}` has no parameter: use `sitemap = true`", r.path);
        }
        let Some(table) = self.tables.iter().find(|t| t.name == rows.table) else {
            bail!("table `{}` is not declared in [[tables]]", rows.table);
        };
        let column_type = |c: &str| -> Result<Option<ColumnType>> {
            if c == "id" {
                return Ok(Some(ColumnType::Integer));
            }
            match table.column(c) {
                Some(col) => Ok(Some(col.kind)),
                None => bail!("table `{}` has no column `{c}`", table.name),
            }
        };
        for p in rows.params.keys() {
            if !params.contains(&p.as_str()) {
                bail!(
                    "params names `{p}`, which is not a parameter of `{}`",
                    r.path
                );
            }
        }
        for p in &params {
            let column = rows.params.get(*p).map_or(*p, String::as_str);
            column_type(column).with_context(|| format!("parameter `{{{p}}}`"))?;
        }
        for (column, values) in &rows.filter {
            let kind = column_type(column).context("where")?;
            if values.values().is_empty() {
                bail!("where: `{column}` has an empty list of values");
            }
            for v in values.values() {
                let fits = matches!(
                    (kind, v),
                    (Some(ColumnType::Integer), Literal::Integer(_))
                        | (Some(ColumnType::Boolean), Literal::Boolean(_))
                        | (
                            Some(ColumnType::Text | ColumnType::Date | ColumnType::Datetime),
                            Literal::Text(_)
                        )
                );
                if !fits {
                    bail!(
                        "where: `{column}` is a {} column; {v:?} does not fit it",
                        kind.map_or("", ColumnType::as_str)
                    );
                }
            }
        }
        if let Some(c) = &rows.lastmod {
            match column_type(c).context("lastmod")? {
                Some(ColumnType::Date | ColumnType::Datetime) => {}
                _ => bail!("lastmod: `{c}` must be a date or datetime column"),
            }
        }
        Ok(())
    }

    /// Check the manifest as a whole: each part in its own function, in
    /// the order an author reads the file.
    pub fn validate(&self) -> Result<()> {
        self.check_names_and_limits()?;
        let roles = self.declared_roles()?;
        let permissions = self.declared_permissions(&roles)?;
        self.check_routes(&permissions)?;
        self.check_tables()?;
        self.check_capabilities()?;
        self.check_schedules()?;
        self.check_subscriptions()?;
        self.check_widgets_and_navigation(&permissions)?;
        self.check_settings()
    }

    /// The plugin's name, path, title, requirements and limits.
    fn check_names_and_limits(&self) -> Result<()> {
        if !is_identifier(&self.name, 24) {
            bail!(
                "name `{}` must be 1–24 lowercase letters, digits or single underscores, starting with a letter",
                self.name
            );
        }
        if !is_kebab(&self.default_path) {
            bail!(
                "default-path `{}` must be lowercase letters, digits and dashes (no slash)",
                self.default_path
            );
        }
        if self.title.fr.trim().is_empty() {
            bail!("title.fr is empty");
        }
        for dep in self.requires.keys() {
            if dep == &self.name {
                bail!("requires: a plugin cannot require itself");
            }
            if !is_identifier(dep, 24) {
                bail!("requires: `{dep}` is not a plugin name");
            }
        }
        if self.limits.deadline_ms == 0 || self.limits.deadline_ms > 60_000 {
            bail!("limits.deadline-ms must be between 1 and 60000");
        }
        if self.limits.memory_mib == 0 || self.limits.memory_mib > 1024 {
            bail!("limits.memory-mib must be between 1 and 1024");
        }
        Ok(())
    }

    /// The roles a permission may name: the built-in ones and `[[roles]]`.
    fn declared_roles(&self) -> Result<BTreeSet<&str>> {
        let mut roles: BTreeSet<&str> = BUILTIN_ROLES.into_iter().collect();
        for role in &self.roles {
            if !is_kebab(&role.name) {
                bail!("roles: `{}` is not a valid role name", role.name);
            }
            if !roles.insert(&role.name) {
                bail!(
                    "roles: `{}` is declared twice (or is a built-in role)",
                    role.name
                );
            }
        }
        Ok(roles)
    }

    /// `[[permissions]]`: names under the plugin's prefix, known roles.
    fn declared_permissions(&self, roles: &BTreeSet<&str>) -> Result<BTreeSet<&str>> {
        let prefix = format!("{}.", self.name);
        let mut permissions = BTreeSet::new();
        for p in &self.permissions {
            let Some(rest) = p.name.strip_prefix(&prefix) else {
                bail!("permission `{}` must start with `{prefix}`", p.name);
            };
            if !is_kebab(rest) {
                bail!("permission `{}`: `{rest}` is not a valid name", p.name);
            }
            if !permissions.insert(p.name.as_str()) {
                bail!("permission `{}` is declared twice", p.name);
            }
            for r in &p.roles {
                if !roles.contains(r.as_str()) {
                    bail!(
                        "permission `{}`: role `{r}` is neither built in ({}) nor declared in [[roles]]",
                        p.name,
                        BUILTIN_ROLES.join(", ")
                    );
                }
            }
        }
        Ok(permissions)
    }

    /// `[[routes]]`: names, paths that do not clash per area and method,
    /// declared permissions, caching only of public pages, sitemap rows.
    fn check_routes(&self, permissions: &BTreeSet<&str>) -> Result<()> {
        let mut route_names = BTreeSet::new();
        let mut routers: BTreeMap<(Area, &str), matchit::Router<&str>> = BTreeMap::new();
        for r in &self.routes {
            if !is_kebab(&r.name) {
                bail!(
                    "route `{}`: name must be lowercase letters, digits and dashes",
                    r.name
                );
            }
            if !route_names.insert(r.name.as_str()) {
                bail!("route `{}` is declared twice", r.name);
            }
            if !r.path.starts_with('/') {
                bail!("route `{}`: path `{}` must start with `/`", r.name, r.path);
            }
            if r.methods.is_empty() {
                bail!("route `{}`: methods is empty", r.name);
            }
            permission_declared(permissions, &format!("route `{}`", r.name), &r.permission)?;
            if let Some(seconds) = r.cache_seconds {
                if seconds == 0 || seconds > MAX_CACHE_SECONDS {
                    bail!(
                        "route `{}`: cache-seconds must be between 1 and {MAX_CACHE_SECONDS}, not {seconds}",
                        r.name
                    );
                }
                if r.area != Area::Portal || r.permission.is_some() || r.methods != [Method::Get] {
                    bail!(
                        "route `{}`: cache-seconds is for public pages only (area portal, methods [\"get\"], no permission)",
                        r.name
                    );
                }
            }
            if let Sitemap::Rows(rows) = &r.sitemap {
                self.check_sitemap_rows(r, rows)
                    .with_context(|| format!("route `{}`: sitemap", r.name))?;
            }
            for m in &r.methods {
                let key = match m {
                    Method::Get => "get",
                    Method::Post => "post",
                };
                let router = routers.entry((r.area, key)).or_default();
                if let Err(e) = router.insert(r.path.as_str(), r.name.as_str()) {
                    let other = match &e {
                        matchit::InsertError::Conflict { with } => {
                            routers_conflict(&self.routes, r.area, with)
                        }
                        _ => String::new(),
                    };
                    bail!(
                        "route `{}`: path `{}` ({}) clashes{other}: {e}",
                        r.name,
                        r.path,
                        r.area.as_str()
                    );
                }
            }
        }
        Ok(())
    }

    /// `[[tables]]`: names, columns, defaults that fit, indexes and unique
    /// constraints on declared columns.
    fn check_tables(&self) -> Result<()> {
        let mut table_names = BTreeSet::new();
        for t in &self.tables {
            if !is_identifier(&t.name, 30) {
                bail!(
                    "table `{}`: name must be lowercase letters, digits and single underscores",
                    t.name
                );
            }
            if !table_names.insert(t.name.as_str()) {
                bail!("table `{}` is declared twice", t.name);
            }
            let mut cols = BTreeSet::new();
            for c in &t.columns {
                if RESERVED_COLUMNS.contains(&c.name.as_str()) {
                    bail!(
                        "table `{}`: column `{}` is reserved by the host",
                        t.name,
                        c.name
                    );
                }
                if !is_identifier(&c.name, 40) {
                    bail!("table `{}`: column name `{}` is not valid", t.name, c.name);
                }
                if !cols.insert(c.name.as_str()) {
                    bail!("table `{}`: column `{}` is declared twice", t.name, c.name);
                }
                if let Some(d) = &c.default {
                    check_default(c, d)
                        .with_context(|| format!("table `{}`: column `{}`", t.name, c.name))?;
                }
            }
            for (what, lists) in [("indexes", &t.indexes), ("unique", &t.unique)] {
                for list in lists {
                    if list.is_empty() {
                        bail!("table `{}`: an entry of {what} is empty", t.name);
                    }
                    for col in list {
                        if col != "id" && !cols.contains(col.as_str()) {
                            bail!(
                                "table `{}`: {what} names column `{col}`, which is not declared",
                                t.name
                            );
                        }
                    }
                }
            }
            check_search(t)?;
        }
        Ok(())
    }

    /// `[capabilities]`: outbound hosts are host names with an optional port.
    fn check_capabilities(&self) -> Result<()> {
        if let Some(http) = &self.capabilities.http {
            for h in &http.hosts {
                HostPort::parse(h).map_err(|e| anyhow::anyhow!("capabilities.http: {e}"))?;
            }
        }
        Ok(())
    }

    /// `[[schedules]]`: one of `every` or `at`, well formed.
    fn check_schedules(&self) -> Result<()> {
        let mut schedule_names = BTreeSet::new();
        for s in &self.schedules {
            if !is_kebab(&s.name) || !schedule_names.insert(s.name.as_str()) {
                bail!("schedule `{}`: invalid or repeated name", s.name);
            }
            match (&s.every, &s.at) {
                (Some(_), None) if s.period_secs().is_some() => {}
                (None, Some(_)) if s.daily_at().is_some() => {}
                (Some(e), None) => bail!(
                    "schedule `{}`: every = `{e}` must be like `15m`, `2h` or `1d` (at least 1m)",
                    s.name
                ),
                (None, Some(a)) => {
                    bail!("schedule `{}`: at = `{a}` must be a time `HH:MM`", s.name)
                }
                _ => bail!("schedule `{}`: give exactly one of `every` or `at`", s.name),
            }
        }
        Ok(())
    }

    /// `subscribe`: topics are `<plugin>.<event>`.
    fn check_subscriptions(&self) -> Result<()> {
        for topic in &self.subscribe {
            match topic.split_once('.') {
                Some((p, e)) if is_identifier(p, 24) && is_kebab(e) => {}
                _ => bail!("subscribe: `{topic}` must be `<plugin>.<event>`"),
            }
        }
        Ok(())
    }

    /// `[[widgets]]` and `[[navigation]]`: areas, permissions, linked routes.
    fn check_widgets_and_navigation(&self, permissions: &BTreeSet<&str>) -> Result<()> {
        let mut widget_names = BTreeSet::new();
        for w in &self.widgets {
            if !is_kebab(&w.name) || !widget_names.insert(w.name.as_str()) {
                bail!("widget `{}`: invalid or repeated name", w.name);
            }
            if w.area == Area::Admin {
                bail!(
                    "widget `{}`: widgets go on the portal or the extranet",
                    w.name
                );
            }
            permission_declared(permissions, &format!("widget `{}`", w.name), &w.permission)?;
            if let Some(route) = &w.route {
                self.check_plain_route(route, w.area, &format!("widget `{}`", w.name))?;
            }
        }
        for n in &self.navigation {
            let route = self
                .route(&n.route)
                .with_context(|| format!("navigation: route `{}` is not declared", n.route))?;
            self.check_plain_route(&n.route, route.area, "navigation")?;
        }
        Ok(())
    }

    /// `[[settings]]`: names, choices, defaults that fit.
    fn check_settings(&self) -> Result<()> {
        let mut setting_names = BTreeSet::new();
        for s in &self.settings {
            if !is_identifier(&s.name, 40) || !setting_names.insert(s.name.as_str()) {
                bail!("setting `{}`: invalid or repeated name", s.name);
            }
            if s.kind == SettingType::Choice && s.choices.is_empty() {
                bail!("setting `{}`: a choice needs `choices`", s.name);
            }
            if let Some(d) = &s.default {
                check_value(s, &setting_from_toml(d))
                    .map_err(|e| anyhow::anyhow!("setting `{}`: default: {e}", s.name))?;
            }
        }
        Ok(())
    }

    fn check_plain_route(&self, name: &str, area: Area, what: &str) -> Result<()> {
        let route = self
            .route(name)
            .with_context(|| format!("{what}: route `{name}` is not declared"))?;
        if route.area != area {
            bail!(
                "{what}: route `{name}` is on the {} area, not {}",
                route.area.as_str(),
                area.as_str()
            );
        }
        if route.path.contains('{') {
            bail!("{what}: route `{name}` has path parameters; link to a route without any");
        }
        Ok(())
    }

    /// Every permission with its default roles.
    pub fn default_grants(&self) -> impl Iterator<Item = (&str, &str)> {
        self.permissions
            .iter()
            .flat_map(|p| p.roles.iter().map(move |r| (p.name.as_str(), r.as_str())))
    }
}

fn routers_conflict(routes: &[Route], area: Area, with: &str) -> String {
    routes
        .iter()
        .find(|r| r.area == area && r.path == with)
        .map(|r| format!(" with route `{}`", r.name))
        .unwrap_or_default()
}

/// A permission named by a route or a widget must be declared.
fn permission_declared(permissions: &BTreeSet<&str>, what: &str, p: &Option<String>) -> Result<()> {
    if let Some(p) = p
        && !permissions.contains(p.as_str())
    {
        bail!("{what} uses permission `{p}`, which is not declared in [[permissions]]");
    }
    Ok(())
}

/// Check one value against its setting. The message is a key of the host
/// catalogue, as shown next to the form field.
pub fn check_value(s: &Setting, v: &serde_json::Value) -> Result<(), String> {
    let number_in_range = |n: f64| -> Result<(), String> {
        if s.min.is_some_and(|min| n < min) || s.max.is_some_and(|max| n > max) {
            return Err("field-out-of-range".into());
        }
        Ok(())
    };
    match (s.kind, v) {
        (_, serde_json::Value::Null) if !s.required => Ok(()),
        (_, serde_json::Value::Null) => Err("field-required".into()),
        (SettingType::Boolean, serde_json::Value::Bool(_)) => Ok(()),
        (SettingType::Integer, serde_json::Value::Number(n)) if n.is_i64() => {
            number_in_range(n.as_f64().unwrap_or(0.0))
        }
        (SettingType::Float, serde_json::Value::Number(n)) => {
            number_in_range(n.as_f64().unwrap_or(0.0))
        }
        (SettingType::Text | SettingType::Textarea, serde_json::Value::String(t)) => {
            if s.required && t.trim().is_empty() {
                Err("field-required".into())
            } else if t.len() > 20_000 {
                Err("field-too-long".into())
            } else {
                Ok(())
            }
        }
        (SettingType::Choice, serde_json::Value::String(t)) if s.choices.contains(t) => Ok(()),
        (SettingType::Choice, _) => Err("field-not-a-choice".into()),
        (SettingType::Time, serde_json::Value::String(t)) => {
            if chrono::NaiveTime::parse_from_str(t, "%H:%M").is_ok() {
                Ok(())
            } else {
                Err("field-invalid-time".into())
            }
        }
        (SettingType::List, serde_json::Value::Array(items))
            if items.iter().all(serde_json::Value::is_string) =>
        {
            if s.required && items.is_empty() {
                Err("field-required".into())
            } else {
                Ok(())
            }
        }
        (SettingType::Integer | SettingType::Float, _) => Err("field-not-a-number".into()),
        _ => Err("field-invalid".into()),
    }
}

/// Convert a TOML default to JSON (settings are JSON at rest).
pub fn setting_from_toml(v: &toml::Value) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

/// Most columns one table searches by full text.
pub const MAX_SEARCH_COLUMNS: usize = 8;

/// The name under which a search returns each row's rank, so a table that
/// declares `search` cannot have a column of that name.
pub const SEARCH_RANK: &str = "rank";

/// `search`: declared `text` columns, each once, at most
/// [`MAX_SEARCH_COLUMNS`].
fn check_search(t: &Table) -> Result<()> {
    if t.search.is_empty() {
        return Ok(());
    }
    if t.search.len() > MAX_SEARCH_COLUMNS {
        bail!(
            "table `{}`: search names {} columns; at most {MAX_SEARCH_COLUMNS} are searched",
            t.name,
            t.search.len()
        );
    }
    for (i, name) in t.search.iter().enumerate() {
        let Some(c) = t.column(name) else {
            bail!(
                "table `{}`: search names column `{name}`, which is not declared",
                t.name
            );
        };
        if c.kind != ColumnType::Text {
            bail!(
                "table `{}`: search names column `{name}`, which is {}; only text columns are searched",
                t.name,
                c.kind.as_str()
            );
        }
        if t.search[..i].contains(name) {
            bail!("table `{}`: search names column `{name}` twice", t.name);
        }
    }
    if t.column(SEARCH_RANK).is_some() {
        bail!(
            "table `{}`: a table that declares search cannot have a column `{SEARCH_RANK}`: search results carry each row's rank under that name",
            t.name
        );
    }
    Ok(())
}

fn check_default(c: &Column, d: &toml::Value) -> Result<()> {
    let ok = match c.kind {
        ColumnType::Integer => d.is_integer(),
        ColumnType::Float => d.is_float() || d.is_integer(),
        ColumnType::Boolean => d.is_bool(),
        ColumnType::Text | ColumnType::Json => d.is_str(),
        ColumnType::Date => d
            .as_str()
            .is_some_and(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()),
        ColumnType::Datetime => d
            .as_str()
            .is_some_and(|s| chrono::DateTime::parse_from_rfc3339(s).is_ok()),
        ColumnType::Bytes => false,
    };
    if !ok {
        bail!("default `{d}` does not fit type {}", c.kind.as_str());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
name = "polls"
version = "1.2.0"
api = "^1.0"
title = { fr = "Consultations", en = "Consultations" }
default-path = "consultations"

[[permissions]]
name = "polls.manage"
title = { fr = "Gérer", en = "Manage" }
roles = ["elected", "admin"]

[[routes]]
name = "list"
path = "/"
area = "portal"

[[routes]]
name = "poll"
path = "/{id}"
area = "portal"
methods = ["get", "post"]

[[routes]]
name = "manage"
path = "/"
area = "extranet"
permission = "polls.manage"

[[tables]]
name = "polls"
columns = [
  { name = "title", type = "text", required = true },
  { name = "status", type = "text", default = "draft" },
]
indexes = [["status"]]
"#;

    fn with(extra: &str) -> String {
        format!("{GOOD}\n{extra}")
    }

    fn error(text: &str) -> String {
        format!("{:#}", Manifest::parse(text).unwrap_err())
    }

    #[test]
    fn a_good_manifest_parses() {
        let m = Manifest::parse(GOOD).unwrap();
        assert_eq!(m.name, "polls");
        assert_eq!(m.version, Version::new(1, 2, 0));
        assert_eq!(m.routes.len(), 3);
        assert_eq!(m.default_grants().count(), 2);
    }

    #[test]
    fn unknown_key_is_named() {
        let e = error(&GOOD.replace("default-path", "colour = \"red\"\ndefault-path"));
        assert!(e.contains("unknown field `colour`"), "{e}");
    }

    #[test]
    fn bad_semver_is_refused() {
        let e = error(&GOOD.replace("1.2.0", "1.2"));
        assert!(e.contains("version"), "{e}");
    }

    #[test]
    fn route_clash_names_both_routes() {
        let e = error(&with(
            "[[routes]]\nname = \"other\"\npath = \"/{slug}\"\narea = \"portal\"\n",
        ));
        assert!(e.contains("route `other`") && e.contains("clashes"), "{e}");
    }

    #[test]
    fn a_route_with_parameters_lists_the_rows_of_a_table() {
        let route = |sitemap: &str| {
            GOOD.replace(
                "path = \"/{id}\"\narea = \"portal\"\n",
                &format!("path = \"/{{id}}\"\narea = \"portal\"\nsitemap = {sitemap}\n"),
            )
        };
        let m = Manifest::parse(&route(
            r#"{ table = "polls", where = { status = ["open", "closed"] } }"#,
        ))
        .unwrap();
        let Sitemap::Rows(rows) = &m.route("poll").unwrap().sitemap else {
            panic!("rows expected");
        };
        assert_eq!(rows.table, "polls");
        assert_eq!(
            rows.filter["status"].values(),
            [Literal::Text("open".into()), Literal::Text("closed".into())]
        );
        assert_eq!(
            Manifest::parse(&route("false")).unwrap().routes[1].sitemap,
            Sitemap::Page(false)
        );
        for (sitemap, expected) in [
            (r#"{ tabel = "polls" }"#, "unknown field `tabel`"),
            ("3", "true, false or a table"),
            (r#"{ table = "votes" }"#, "table `votes` is not declared"),
            (
                r#"{ table = "polls", params = { id = "poll_id" } }"#,
                "parameter `{id}`: table `polls` has no column `poll_id`",
            ),
            (
                r#"{ table = "polls", params = { slug = "title" } }"#,
                "params names `slug`, which is not a parameter of `/{id}`",
            ),
            (
                r#"{ table = "polls", where = { colour = "red" } }"#,
                "where: table `polls` has no column `colour`",
            ),
            (
                r#"{ table = "polls", where = { status = 3 } }"#,
                "`status` is a text column; Integer(3) does not fit it",
            ),
            (
                r#"{ table = "polls", where = { status = [] } }"#,
                "`status` has an empty list of values",
            ),
            (
                r#"{ table = "polls", lastmod = "title" }"#,
                "lastmod: `title` must be a date or datetime column",
            ),
        ] {
            let e = error(&route(sitemap));
            assert!(e.contains(expected), "{sitemap}: {e}");
        }
        // Rows are for public pages with parameters.
        let e = error(&GOOD.replace(
            "path = \"/\"\narea = \"portal\"\n",
            "path = \"/\"\narea = \"portal\"\nsitemap = { table = \"polls\" }\n",
        ));
        assert!(
            e.contains("route `list`: sitemap: path `/` has no parameter"),
            "{e}"
        );
        let e = error(&GOOD.replace(
            "area = \"extranet\"\n",
            "area = \"extranet\"\nsitemap = { table = \"polls\" }\n",
        ));
        assert!(e.contains("for public pages only"), "{e}");
    }

    #[test]
    fn a_path_is_filled_with_encoded_segments() {
        let r = Route {
            name: "sheet".into(),
            path: "/{audience}/{id}/fiche".into(),
            area: Area::Portal,
            methods: vec![Method::Get],
            permission: None,
            sitemap: Sitemap::default(),
            cache_seconds: None,
        };
        assert_eq!(r.params(), ["audience", "id"]);
        let path = r.fill(|p| match p {
            "audience" => "particuliers".into(),
            _ => "F 12/é?".into(),
        });
        assert_eq!(path, "/particuliers/F%2012%2F%C3%A9%3F/fiche");
    }

    #[test]
    fn page_caching_is_for_public_pages_for_a_bounded_time() {
        let public = "[[routes]]\nname = \"open\"\npath = \"/open\"\narea = \"portal\"\n";
        let m = Manifest::parse(&with(&format!("{public}cache-seconds = 30\n"))).unwrap();
        assert_eq!(m.route("open").unwrap().cache_seconds, Some(30));
        for (extra, expected) in [
            ("cache-seconds = 0\n", "between 1 and 3600, not 0"),
            ("cache-seconds = 7200\n", "between 1 and 3600, not 7200"),
            (
                "cache-seconds = 30\npermission = \"polls.manage\"\n",
                "is for public pages only",
            ),
            (
                "cache-seconds = 30\nmethods = [\"get\", \"post\"]\n",
                "is for public pages only",
            ),
        ] {
            let e = error(&with(&format!("{public}{extra}")));
            assert!(
                e.contains("route `open`: cache-seconds") && e.contains(expected),
                "{e}"
            );
        }
        let e = error(&with(
            "[[routes]]\nname = \"staff\"\npath = \"/staff\"\narea = \"extranet\"\ncache-seconds = 5\n",
        ));
        assert!(e.contains("is for public pages only"), "{e}");
    }

    #[test]
    fn same_path_on_another_area_is_fine() {
        Manifest::parse(&with(
            "[[routes]]\nname = \"admin\"\npath = \"/{id}\"\narea = \"admin\"\n",
        ))
        .unwrap();
    }

    #[test]
    fn undeclared_permission_is_refused() {
        let e = error(&with(
            "[[routes]]\nname = \"x\"\npath = \"/x\"\narea = \"extranet\"\npermission = \"polls.vote\"\n",
        ));
        assert!(
            e.contains("permission `polls.vote`, which is not declared"),
            "{e}"
        );
    }

    #[test]
    fn unknown_column_type_is_refused() {
        let e = error(&GOOD.replace("type = \"text\", default", "type = \"varchar\", default"));
        assert!(e.contains("unknown variant `varchar`"), "{e}");
    }

    #[test]
    fn reserved_column_is_refused() {
        let e = error(&GOOD.replace("name = \"status\"", "name = \"site_id\""));
        assert!(e.contains("reserved"), "{e}");
    }

    #[test]
    fn search_names_declared_text_columns() {
        let search = |list: &str| {
            GOOD.replace(
                "indexes = [[\"status\"]]",
                &format!("indexes = [[\"status\"]]\nsearch = {list}"),
            )
        };
        let m = Manifest::parse(&search(r#"["title", "status"]"#)).unwrap();
        assert_eq!(m.tables[0].search, ["title", "status"]);
        // What is applied is stored as TOML and read back.
        let again = Manifest::parse(&toml::to_string(&m).unwrap()).unwrap();
        assert_eq!(again.tables[0].search, ["title", "status"]);
        let none = toml::to_string(&Manifest::parse(GOOD).unwrap()).unwrap();
        assert!(!none.contains("search"), "{none}");
        for (list, expected) in [
            (
                r#"["title", "body"]"#,
                "table `polls`: search names column `body`, which is not declared",
            ),
            (
                r#"["title", "title"]"#,
                "table `polls`: search names column `title` twice",
            ),
            (
                r#"["id"]"#,
                "table `polls`: search names column `id`, which is not declared",
            ),
        ] {
            let e = error(&search(list));
            assert!(e.contains(expected), "{list}: {e}");
        }
        let e = error(&search(r#"["title", "votes"]"#).replace(
            "{ name = \"status\"",
            "{ name = \"votes\", type = \"integer\" },\n  { name = \"status\"",
        ));
        assert!(
            e.contains(
                "search names column `votes`, which is integer; only text columns are searched"
            ),
            "{e}"
        );
        let e = error(&search(r#"["title"]"#).replace(
            "{ name = \"status\"",
            "{ name = \"rank\", type = \"integer\" },\n  { name = \"status\"",
        ));
        assert!(e.contains("cannot have a column `rank`"), "{e}");
        let many: Vec<String> = (0..9).map(|i| format!("t{i}")).collect();
        let columns: String = many
            .iter()
            .map(|c| format!("{{ name = \"{c}\", type = \"text\" }},\n  "))
            .collect();
        let e = error(&search(&format!("{many:?}")).replace(
            "{ name = \"status\"",
            &format!("{columns}{{ name = \"status\""),
        ));
        assert!(e.contains("search names 9 columns; at most 8"), "{e}");
    }

    #[test]
    fn index_on_unknown_column_is_refused() {
        let e = error(&GOOD.replace("[[\"status\"]]", "[[\"state\"]]"));
        assert!(e.contains("`state`, which is not declared"), "{e}");
    }

    #[test]
    fn permission_of_another_plugin_is_refused() {
        let e = error(&GOOD.replace("name = \"polls.manage\"", "name = \"forums.manage\""));
        assert!(e.contains("must start with `polls.`"), "{e}");
    }

    #[test]
    fn unknown_default_role_is_refused() {
        let e = error(&GOOD.replace("[\"elected\", \"admin\"]", "[\"mayor\"]"));
        assert!(e.contains("role `mayor`"), "{e}");
    }

    #[test]
    fn schedule_needs_a_valid_period() {
        let e = error(&with(
            "[[schedules]]\nname = \"refresh\"\nevery = \"soon\"\n",
        ));
        assert!(e.contains("every = `soon`"), "{e}");
        Manifest::parse(&with("[[schedules]]\nname = \"refresh\"\nat = \"03:30\"\n")).unwrap();
    }

    #[test]
    fn default_must_fit_the_column_type() {
        let e = error(&GOOD.replace("default = \"draft\"", "default = 3"));
        assert!(e.contains("does not fit type text"), "{e}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

        /// Any text is a manifest or a clear error: the parser never
        /// panics, whatever an author (or an attacker) uploads.
        #[test]
        fn any_text_parses_or_is_refused_without_panic(s in "[\\s\\S]{0,400}") {
            let _ = Manifest::parse(&s);
        }

        /// A good manifest cut or with a line dropped or doubled is a
        /// manifest or a clear error, never a panic.
        #[test]
        fn a_damaged_manifest_is_refused_without_panic(cut in 0usize..4_000, drop in 0usize..120, twice in 0usize..120) {
            let cut = GOOD.len().min(cut);
            let cut = (0..=cut).rev().find(|&i| GOOD.is_char_boundary(i)).unwrap_or(0);
            let _ = Manifest::parse(&GOOD[..cut]);
            let lines: Vec<&str> = GOOD.lines().collect();
            let mut dropped = lines.clone();
            if drop < dropped.len() { dropped.remove(drop); }
            let _ = Manifest::parse(&dropped.join("\n"));
            let mut doubled = lines.clone();
            if twice < doubled.len() { doubled.insert(twice, lines[twice]); }
            let _ = Manifest::parse(&doubled.join("\n"));
        }
    }
    #[test]
    fn an_http_host_may_name_a_port_and_nothing_else() {
        let http = |hosts: &str| {
            with(&format!(
                "[capabilities.http]\nhosts = [{hosts}]\nreason = {{ fr = \"r\" }}\n"
            ))
        };
        let m = Manifest::parse(&http(
            r#""api.example.fr", "feed.example.fr:8443", "[::1]:81""#,
        ))
        .unwrap();
        let parsed: Vec<HostPort> = m
            .capabilities
            .http
            .unwrap()
            .hosts
            .iter()
            .map(|h| HostPort::parse(h).unwrap())
            .collect();
        assert!(parsed[0].allows("API.example.fr", 443) && parsed[0].allows("api.example.fr", 80));
        assert!(
            !parsed[0].allows("api.example.fr", 8080),
            "a port not declared"
        );
        assert!(
            parsed[1].allows("feed.example.fr", 8443) && !parsed[1].allows("feed.example.fr", 443)
        );
        assert!(parsed[2].allows("[::1]", 81));
        for bad in [
            r#""https://api.example.fr""#,
            r#""api.example.fr/path""#,
            r#""user@api.example.fr""#,
            r#""api.example.fr:0""#,
            r#""api.example.fr:http""#,
            r#""[::1""#,
            r#""""#,
        ] {
            let e = error(&http(bad));
            assert!(e.contains("capabilities.http"), "{bad}: {e}");
        }
    }

    #[test]
    fn mail_is_a_capability_with_a_reason() {
        let m =
            Manifest::parse(&with("[capabilities.mail]\nreason = { fr = \"Avis\" }\n")).unwrap();
        assert!(m.capabilities.mail.is_some());
        let e = error(&with("[capabilities.mail]\n"));
        assert!(e.contains("reason"), "{e}");
    }
}
