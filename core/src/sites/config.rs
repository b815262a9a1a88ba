//! `sites/<slug>/site.toml`: the declarative definition of a site.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use serde::{Deserialize, Serialize};

/// How people get an account on a site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Signup {
    /// Anyone may create a citizen account.
    #[default]
    Open,
    /// Only with an invitation sent by an administrator.
    Invitation,
    /// No sign-up; accounts are created by administrators.
    Closed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Colors {
    /// Header band and buttons; must keep white text readable (AA).
    #[serde(default = "Colors::default_primary")]
    pub primary: String,
    #[serde(default = "Colors::default_accent")]
    pub accent: String,
}

impl Colors {
    fn default_primary() -> String {
        "#1d4f43".into()
    }
    fn default_accent() -> String {
        "#9a4a1c".into()
    }
}

impl Default for Colors {
    fn default() -> Self {
        Colors {
            primary: Self::default_primary(),
            accent: Self::default_accent(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub address: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dpo {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
}

/// How long the site keeps personal data the host holds (RGPD).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Privacy {
    /// Audit entries older than this many months keep who did what and
    /// when, and lose their details (the daily retention task).
    #[serde(default = "Privacy::default_audit_details_months")]
    pub audit_details_months: u32,
}

impl Privacy {
    fn default_audit_details_months() -> u32 {
        12
    }
}

impl Default for Privacy {
    fn default() -> Self {
        Privacy {
            audit_details_months: Self::default_audit_details_months(),
        }
    }
}

/// Sign-in rules of the site.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Security {
    /// Administrators must turn on the second factor (TOTP) before they
    /// reach any administration page, the host's or a plugin's.
    #[serde(default)]
    pub admin_second_factor: bool,
}

/// A plugin as the site enables it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PluginEntry {
    #[serde(default = "yes")]
    pub enabled: bool,
    /// Mount path (one segment) used on every area; the manifest's
    /// `default-path` when absent.
    #[serde(default)]
    pub path: Option<String>,
    /// Settings by name (checked against the plugin's schema).
    #[serde(default)]
    pub settings: BTreeMap<String, toml::Value>,
    #[serde(default)]
    pub grants: GrantsEntry,
}

fn yes() -> bool {
    true
}

impl Default for PluginEntry {
    fn default() -> Self {
        PluginEntry {
            enabled: true,
            path: None,
            settings: BTreeMap::new(),
            grants: GrantsEntry::default(),
        }
    }
}

/// Capabilities granted to a plugin on the site.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GrantsEntry {
    /// Outbound hosts.
    #[serde(default)]
    pub http: Vec<String>,
    /// A read-only folder: a relative path inside `<data>/granted/<site>/`
    /// of the server (checked after links when the site is applied and
    /// when it is loaded). Only the server administrator, who applies
    /// `site.toml`, sets it.
    #[serde(default)]
    pub directory: Option<PathBuf>,
    /// E-mail to the site's accounts.
    #[serde(default)]
    pub mail: bool,
}

/// A user to create when applying the site (demo and first set-up).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserEntry {
    pub username: String,
    pub name: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub groups: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupEntry {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
}

/// The whole `site.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Defaults to the folder name.
    #[serde(default)]
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub tagline: String,
    /// Host names (without port) that serve this site.
    #[serde(default)]
    pub domains: Vec<String>,
    /// Serve this site for host names no site claims (and bare addresses).
    #[serde(default)]
    pub default: bool,
    /// Absolute URL of the portal, for links in e-mails and feeds.
    #[serde(default)]
    pub base_url: Option<String>,
    #[serde(default = "SiteConfig::default_locale")]
    pub locale: String,
    #[serde(default = "SiteConfig::default_timezone")]
    pub timezone: String,
    #[serde(default)]
    pub colors: Colors,
    /// Logo file inside the site folder's `static/`.
    #[serde(default)]
    pub logo: Option<String>,
    #[serde(default)]
    pub contact: Contact,
    #[serde(default)]
    pub dpo: Dpo,
    #[serde(default)]
    pub privacy: Privacy,
    #[serde(default)]
    pub security: Security,
    /// The legal notice (publisher, host…), Markdown.
    #[serde(default)]
    pub legal_notice: String,
    /// Home page text, Markdown.
    #[serde(default)]
    pub home: String,
    /// "non conforme", "partiellement conforme" or "totalement conforme".
    #[serde(default = "SiteConfig::default_accessibility")]
    pub accessibility: String,
    /// The accessibility statement, Markdown.
    #[serde(default)]
    pub accessibility_statement: String,
    #[serde(default)]
    pub signup: Signup,
    #[serde(default)]
    pub plugins: BTreeMap<String, PluginEntry>,
    #[serde(default)]
    pub groups: Vec<GroupEntry>,
    #[serde(default)]
    pub users: Vec<UserEntry>,
}

impl SiteConfig {
    fn default_locale() -> String {
        "fr".into()
    }
    fn default_timezone() -> String {
        "Europe/Paris".into()
    }
    fn default_accessibility() -> String {
        "non conforme".into()
    }

    /// A minimal site (created from the admin pages or the CLI).
    pub fn new(slug: &str, name: &str) -> SiteConfig {
        let mut c: SiteConfig =
            toml::from_str(&format!("name = {:?}", name)).expect("minimal site parses");
        c.slug = slug.to_string();
        c
    }

    /// Read `site.toml` from a site folder.
    ///
    /// # Errors
    /// Missing file, bad TOML, or a rule of [`SiteConfig::validate`].
    pub fn read(dir: &Path) -> Result<SiteConfig> {
        let path = dir.join("site.toml");
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let mut c: SiteConfig = toml::from_str(&text)
            .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), e.to_string().trim_end()))?;
        if c.slug.is_empty() {
            c.slug = dir
                .file_name()
                .and_then(|n| n.to_str())
                .context("the site folder has no name")?
                .to_string();
        }
        c.validate().with_context(|| path.display().to_string())?;
        Ok(c)
    }

    /// Check what types cannot.
    ///
    /// # Errors
    /// The first broken rule, named.
    pub fn validate(&self) -> Result<()> {
        if !is_slug(&self.slug) {
            bail!(
                "slug `{}` must be lowercase letters, digits and dashes",
                self.slug
            );
        }
        if self.name.trim().is_empty() {
            bail!("name is empty");
        }
        for d in &self.domains {
            if d.is_empty() || d.contains('/') || d.contains(':') || d.contains(' ') {
                bail!("domain `{d}` must be a host name without scheme or port");
            }
        }
        if self.privacy.audit_details_months == 0 {
            bail!("privacy.audit-details-months must be at least 1");
        }
        if !matches!(self.locale.as_str(), "fr" | "en") {
            bail!("locale `{}` must be fr or en", self.locale);
        }
        self.timezone.parse::<chrono_tz::Tz>().map_err(|_| {
            anyhow::anyhow!("timezone `{}` is not an IANA time zone", self.timezone)
        })?;
        for (what, c) in [
            ("colors.primary", &self.colors.primary),
            ("colors.accent", &self.colors.accent),
        ] {
            let rgb = parse_hex_color(c)
                .with_context(|| format!("{what} `{c}` must be a colour like #1d4f43"))?;
            if contrast_with_white(rgb) < 4.5 {
                bail!(
                    "{what} `{c}` is too light: white text on it has a contrast of {:.1}:1, below the 4.5:1 accessibility minimum",
                    contrast_with_white(rgb)
                );
            }
        }
        if ![
            "non conforme",
            "partiellement conforme",
            "totalement conforme",
        ]
        .contains(&self.accessibility.as_str())
        {
            bail!(
                "accessibility `{}` must be \"non conforme\", \"partiellement conforme\" or \"totalement conforme\"",
                self.accessibility
            );
        }
        for (name, p) in &self.plugins {
            if let Some(path) = &p.path
                && !is_slug(path)
            {
                bail!(
                    "plugins.{name}.path `{path}` must be one segment of lowercase letters, digits and dashes"
                );
            }
        }
        Ok(())
    }
}

pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// `#rrggbb` to RGB.
pub fn parse_hex_color(s: &str) -> Option<(u8, u8, u8)> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let v = u32::from_str_radix(hex, 16).ok()?;
    Some(((v >> 16) as u8, (v >> 8) as u8, v as u8))
}

/// WCAG contrast ratio of white text on the colour.
pub fn contrast_with_white((r, g, b): (u8, u8, u8)) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    1.05 / (l + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn light_primary_colour_is_refused_for_contrast() {
        let mut c = SiteConfig::new("x", "X");
        c.colors.primary = "#ffcc00".into();
        let e = c.validate().unwrap_err().to_string();
        assert!(e.contains("too light"), "{e}");
        c.colors.primary = "#1d4f43".into();
        c.validate().unwrap();
    }

    #[test]
    fn bad_slug_and_domain_are_refused() {
        let mut c = SiteConfig::new("Bad Slug", "X");
        assert!(c.validate().is_err());
        c.slug = "ok".into();
        c.domains = vec!["http://x.fr".into()];
        assert!(
            c.validate()
                .unwrap_err()
                .to_string()
                .contains("without scheme")
        );
    }
}
