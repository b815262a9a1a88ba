//! Creating and updating sites from `site.toml` (idempotent).

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context as _, Result};
use base64::Engine as _;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, TransactionTrait,
};

use super::Platform;
use super::plugins::{EnableOptions, StoredGrants};
use crate::db::entities::site;
use crate::identity::users;
use crate::sites::config::SiteConfig;

/// What applying a site did.
#[derive(Debug, Default)]
pub struct ApplyReport {
    pub created: bool,
    pub plugins_enabled: Vec<String>,
    pub plugins_disabled: Vec<String>,
    /// Accounts created now, with their password.
    pub users_created: Vec<(String, String)>,
    pub warnings: Vec<String>,
}

/// Templates and static files of a site folder, as stored.
pub fn encode_files(
    templates: &BTreeMap<String, String>,
    statics: &BTreeMap<String, Vec<u8>>,
) -> String {
    let statics: BTreeMap<&String, String> = statics
        .iter()
        .map(|(k, v)| (k, base64::engine::general_purpose::STANDARD.encode(v)))
        .collect();
    serde_json::json!({ "templates": templates, "static": statics }).to_string()
}

/// The inverse of [`encode_files`].
pub fn decode_files(stored: &str) -> (BTreeMap<String, String>, BTreeMap<String, Vec<u8>>) {
    let v: serde_json::Value = serde_json::from_str(stored).unwrap_or_default();
    let templates = serde_json::from_value(v["templates"].clone()).unwrap_or_default();
    let statics = v["static"]
        .as_object()
        .map(|m| {
            m.iter()
                .filter_map(|(k, b)| {
                    let bytes = base64::engine::general_purpose::STANDARD
                        .decode(b.as_str()?)
                        .ok()?;
                    Some((k.clone(), bytes))
                })
                .collect()
        })
        .unwrap_or_default();
    (templates, statics)
}

fn read_tree(dir: &Path, prefix: &str, out: &mut BTreeMap<String, Vec<u8>>) -> Result<()> {
    if !dir.is_dir() {
        return Ok(());
    }
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with('.') {
            continue;
        }
        let key = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        if entry.path().is_dir() {
            read_tree(&entry.path(), &key, out)?;
        } else {
            out.insert(key, std::fs::read(entry.path())?);
        }
    }
    Ok(())
}

impl Platform {
    /// Create or update a site from its folder (`site.toml`, `templates/`,
    /// `static/`), enabling the plugins it lists and creating the groups and
    /// accounts it declares when missing. Running it twice changes nothing
    /// the second time.
    ///
    /// # Errors
    /// An invalid `site.toml`, or a plugin that cannot be enabled (named).
    pub async fn apply_site_dir(&self, dir: &Path, password: Option<&str>) -> Result<ApplyReport> {
        let config = SiteConfig::read(dir)?;
        let mut templates = BTreeMap::new();
        let mut raw = BTreeMap::new();
        read_tree(&dir.join("templates"), "", &mut raw)?;
        for (k, v) in raw {
            templates.insert(
                k.clone(),
                String::from_utf8(v).with_context(|| format!("template {k} is not UTF-8"))?,
            );
        }
        let mut statics = BTreeMap::new();
        read_tree(&dir.join("static"), "", &mut statics)?;
        // Folders the site's file grants to its plugins: copied into the
        // data folder, the only place a folder grant may point to.
        let granted = dir.join("granted");
        if granted.is_dir() {
            copy_tree(&granted, &self.granted_root(&config.slug))?;
        }
        self.apply_site(config, templates, statics, password).await
    }

    /// [`Platform::apply_site_dir`] from parts.
    ///
    /// # Errors
    /// See [`Platform::apply_site_dir`].
    pub async fn apply_site(
        &self,
        config: SiteConfig,
        templates: BTreeMap<String, String>,
        statics: BTreeMap<String, Vec<u8>>,
        password: Option<&str>,
    ) -> Result<ApplyReport> {
        config.validate()?;
        let mut report = ApplyReport::default();
        let now = chrono::Utc::now();
        let existing = site::Entity::find()
            .filter(site::Column::Slug.eq(&config.slug))
            .one(&self.db)
            .await?;
        let files = encode_files(&templates, &statics);
        let stored_config = serde_json::to_string(&config)?;
        let site_id = match existing {
            Some(row) => {
                if row.config != stored_config || row.templates != files || row.name != config.name
                {
                    let mut am: site::ActiveModel = row.clone().into();
                    am.name = Set(config.name.clone());
                    am.domains = Set(serde_json::to_string(&config.domains)?);
                    am.config = Set(stored_config);
                    am.templates = Set(files);
                    am.updated_at = Set(now);
                    am.update(&self.db).await?;
                }
                row.id
            }
            None => {
                report.created = true;
                site::ActiveModel {
                    slug: Set(config.slug.clone()),
                    name: Set(config.name.clone()),
                    domains: Set(serde_json::to_string(&config.domains)?),
                    config: Set(stored_config),
                    templates: Set(files),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                }
                .insert(&self.db)
                .await?
                .id
            }
        };
        if config.default {
            // Only one default site.
            for other in site::Entity::find()
                .filter(site::Column::Id.ne(site_id))
                .all(&self.db)
                .await?
            {
                let mut c: SiteConfig = serde_json::from_str(&other.config)?;
                if c.default {
                    c.default = false;
                    let mut am: site::ActiveModel = other.into();
                    am.config = Set(serde_json::to_string(&c)?);
                    am.update(&self.db).await?;
                }
            }
        }

        let txn = self.db.begin().await?;
        let mut group_ids = BTreeMap::new();
        for g in &config.groups {
            group_ids.insert(
                g.slug.clone(),
                users::ensure_group(&txn, site_id, &g.slug, &g.name, &g.description).await?,
            );
        }
        for u in &config.users {
            if users::find_by_username(&txn, site_id, &u.username)
                .await?
                .is_some()
            {
                continue;
            }
            let pw = password.map_or_else(crate::identity::passwords::generate, str::to_string);
            let id = users::create(
                &txn,
                site_id,
                users::NewUser {
                    username: &u.username,
                    name: &u.name,
                    email: u.email.as_deref(),
                    password: &pw,
                    roles: &u.roles,
                },
            )
            .await
            .with_context(|| format!("user `{}`", u.username))?;
            for g in &u.groups {
                let gid = group_ids.get(g).with_context(|| {
                    format!(
                        "user `{}`: group `{g}` is not declared in [[groups]]",
                        u.username
                    )
                })?;
                users::join_group(&txn, *gid, id).await?;
            }
            report.users_created.push((u.username.clone(), pw));
        }
        txn.commit().await?;
        crate::db::bump_revision(&self.db).await?;

        // Plugins in dependency order: a plugin after those it requires.
        let installed: Vec<String> = self
            .installed_versions(None)
            .await?
            .into_iter()
            .map(|v| v.name)
            .collect();
        let mut pending: Vec<(&String, &crate::sites::config::PluginEntry)> = Vec::new();
        for (name, entry) in &config.plugins {
            if installed.contains(name) {
                pending.push((name, entry));
            } else if entry.enabled {
                report.warnings.push(format!(
                    "plugin `{name}` is not installed on this server: skipped"
                ));
            }
        }
        let mut progress = true;
        while progress && !pending.is_empty() {
            progress = false;
            let mut rest = Vec::new();
            for (name, entry) in pending {
                if !entry.enabled {
                    if self.disable(&config.slug, name).await.is_ok() {
                        report.plugins_disabled.push(name.clone());
                    }
                    progress = true;
                    continue;
                }
                let options = EnableOptions {
                    version: None,
                    path: entry.path.clone(),
                    settings: Some(entry.settings.clone()),
                    grants: Some(StoredGrants {
                        http: entry.grants.http.clone(),
                        directory: entry
                            .grants
                            .directory
                            .as_ref()
                            .map(|d| d.display().to_string()),
                        mail: entry.grants.mail,
                    }),
                };
                match self.enable(&config.slug, name, options).await {
                    Ok(()) => {
                        report.plugins_enabled.push(name.clone());
                        progress = true;
                    }
                    Err(e) => rest.push((name, entry, e)),
                }
            }
            if !progress && !rest.is_empty() {
                let (name, _, e) = rest.swap_remove(0);
                return Err(e.context(format!(
                    "cannot enable plugin `{name}` on site `{}`",
                    config.slug
                )));
            }
            pending = rest.into_iter().map(|(n, e, _)| (n, e)).collect();
        }
        self.changed().await?;
        Ok(report)
    }
}

/// Copy a folder of the site's files (links followed: it is the server
/// administrator's own folder) into the data folder.
fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to).with_context(|| format!("cannot create {}", to.display()))?;
    for e in std::fs::read_dir(from).with_context(|| format!("cannot read {}", from.display()))? {
        let e = e?;
        let (src, dst) = (e.path(), to.join(e.file_name()));
        if src.is_dir() {
            copy_tree(&src, &dst)?;
        } else {
            std::fs::copy(&src, &dst)
                .with_context(|| format!("cannot copy {} to {}", src.display(), dst.display()))?;
        }
    }
    Ok(())
}
