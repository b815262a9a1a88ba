//! Installing, upgrading, enabling and disabling plugins. Every operation
//! checks everything first and writes in one transaction: nothing is ever
//! half-installed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context as _, Result, bail};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, TransactionTrait,
};
use semver::Version;
use serde::{Deserialize, Serialize};

use super::Platform;
use crate::db::entities::{plugin_package, plugin_schema, role_permission, site, site_plugin};
use crate::package::{Manifest, Package, settings};
use crate::storage::schema;

/// Grants as stored per site.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct StoredGrants {
    #[serde(default)]
    pub http: Vec<String>,
    #[serde(default)]
    pub directory: Option<String>,
    #[serde(default)]
    pub mail: bool,
}

/// Limits a site administrator set (none: the manifest's).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct StoredLimits {
    #[serde(default)]
    pub deadline_ms: Option<u64>,
    #[serde(default)]
    pub memory_mib: Option<u64>,
}

/// One installed package version.
#[derive(Debug, Clone, Serialize)]
pub struct InstalledVersion {
    pub name: String,
    pub version: Version,
    pub api_version: String,
    pub title: String,
    pub digest: String,
    pub installed_at: chrono::DateTime<chrono::Utc>,
    /// Who signed the package, as its `signature.toml` names them, with
    /// the key (none: unsigned).
    pub signature: Option<crate::package::signature::Signature>,
}

/// What an install did.
#[derive(Debug, Clone, PartialEq)]
pub enum InstallOutcome {
    Installed,
    AlreadyInstalled,
}

/// The version after `v` for a rebuild: `1.2.3` → `1.2.4`.
fn next_patch(v: &Version) -> Version {
    Version::new(v.major, v.minor, v.patch + 1)
}

impl Platform {
    /// Store a package after checking it compiles and links against the
    /// world, and that its requirements are installed.
    ///
    /// # Errors
    /// Any check failing, with the reason; a different package already
    /// installed under the same name and version.
    pub async fn install(&self, package: Package) -> Result<InstallOutcome> {
        let name = package.name().to_string();
        let version = package.version().to_string();
        if let Some(existing) = self.package_row(&name, &version).await? {
            let installed =
                Package::from_stored(existing.manifest, existing.wasm, &existing.files)?;
            if installed.contents == package.contents {
                return Ok(InstallOutcome::AlreadyInstalled);
            }
            bail!(
                "{name} {version} is already installed with other contents ({} differ): raise `version` in plugin.toml (to {}) and run `estive plugin upgrade`, or try changes on a local site with `estive plugin dev`",
                package.differences(&installed).join(", "),
                next_patch(package.version()),
            );
        }
        // Whoever made it, a signature must be the key's over these
        // contents; whether the key is trusted is the entry point's call
        // (`signature::admit`).
        if let Some(signature) = &package.signature {
            signature.verify(&package)?;
        }
        for (dep, req) in &package.manifest.requires {
            let versions = self.installed_versions(Some(dep)).await?;
            if !versions.iter().any(|v| req.matches(&v.version)) {
                bail!("{name} requires {dep} {req}, which is not installed");
            }
        }
        let runtime = self.runtime.clone();
        let package = Arc::new(package);
        let checked = package.clone();
        tokio::task::spawn_blocking(move || runtime.prepare(checked)).await??;
        let files = package.files_zip()?;
        let txn = self.db.begin().await?;
        plugin_package::ActiveModel {
            name: Set(name.clone()),
            version: Set(version.clone()),
            api_version: Set(package.api_version.to_string()),
            manifest: Set(package.manifest_text.clone()),
            wasm: Set(package.wasm.clone()),
            files: Set(files),
            digest: Set(package.digest.clone()),
            installed_at: Set(chrono::Utc::now()),
            signature: Set(package.signature.as_ref().map(|s| s.to_text())),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        apply_schema(&txn, &package.manifest).await?;
        txn.commit().await?;
        Ok(InstallOutcome::Installed)
    }

    /// Put a build of a plugin under development in place of the installed
    /// one of the same version (`estive plugin dev`): its sites serve the
    /// new component, templates and catalogues at once, without the version
    /// bump an install needs. Returns what changed (nothing when the build
    /// is the same). Only for a development server: a production server
    /// refuses the same version with other contents (see [`Self::install`]).
    ///
    /// # Errors
    /// The build does not compile or link, or its tables cannot be
    /// updated (changes must be additive, as for an upgrade).
    pub async fn replace_for_development(&self, package: Package) -> Result<Vec<String>> {
        let name = package.name().to_string();
        let version = package.version().to_string();
        let Some(existing) = self.package_row(&name, &version).await? else {
            self.install(package).await?;
            return Ok(vec!["installed".to_string()]);
        };
        let installed = Package::from_stored(
            existing.manifest.clone(),
            existing.wasm.clone(),
            &existing.files,
        )?;
        let changed = package.differences(&installed);
        if changed.is_empty() {
            return Ok(changed);
        }
        let runtime = self.runtime.clone();
        let package = Arc::new(package);
        let checked = package.clone();
        tokio::task::spawn_blocking(move || runtime.prepare(checked)).await??;
        let txn = self.db.begin().await?;
        let mut row: plugin_package::ActiveModel = existing.into();
        row.api_version = Set(package.api_version.to_string());
        row.manifest = Set(package.manifest_text.clone());
        row.wasm = Set(package.wasm.clone());
        row.files = Set(package.files_zip()?);
        row.digest = Set(package.digest.clone());
        row.installed_at = Set(chrono::Utc::now());
        row.signature = Set(package.signature.as_ref().map(|s| s.to_text()));
        row.update(&txn).await?;
        apply_schema(&txn, &package.manifest).await?;
        for (site_row, sp) in self.site_plugin_rows(&name).await? {
            if sp.version == version {
                seed_permissions(&txn, site_row.id, &package.manifest, false).await?;
            }
        }
        txn.commit().await?;
        self.changed().await?;
        Ok(changed)
    }

    /// Install a newer version and switch every site using an older version
    /// of the same major to it, in one transaction. The plugin's data is kept;
    /// table changes must be additive.
    ///
    /// # Errors
    /// The package is not newer than what sites use, or an install check.
    pub async fn upgrade(&self, package: Package) -> Result<(InstallOutcome, Vec<String>)> {
        let name = package.name().to_string();
        let new_version = package.version().clone();
        let latest = self.installed_versions(Some(&name)).await?;
        if latest.is_empty() {
            bail!("{name} is not installed: use `estive plugin install`");
        }
        if let Some(newest) = latest.iter().map(|v| &v.version).max()
            && newest > &new_version
        {
            bail!("{name} {newest} is already installed, newer than {new_version}");
        }
        let outcome = self.install(package).await?;
        let mut switched = Vec::new();
        for (site_row, sp) in self.site_plugin_rows(&name).await? {
            let current = Version::parse(&sp.version)?;
            if current < new_version {
                self.switch_version(site_row.id, &name, &new_version)
                    .await?;
                switched.push(site_row.slug.clone());
            }
        }
        self.changed().await?;
        Ok((outcome, switched))
    }

    /// Move one site to another installed version of a plugin.
    ///
    /// # Errors
    /// Version not installed, or a dependency of the new version missing on
    /// the site.
    pub async fn switch_version(&self, site_id: i64, name: &str, version: &Version) -> Result<()> {
        let row = self
            .package_row(name, &version.to_string())
            .await?
            .with_context(|| format!("{name} {version} is not installed"))?;
        let manifest = Manifest::parse(&row.manifest)?;
        let enabled = site_plugin::Entity::find()
            .filter(site_plugin::Column::SiteId.eq(site_id))
            .filter(site_plugin::Column::Enabled.eq(true))
            .all(&self.db)
            .await?;
        for (dep, req) in &manifest.requires {
            let ok = enabled.iter().any(|o| {
                o.plugin == *dep && Version::parse(&o.version).is_ok_and(|v| req.matches(&v))
            });
            if !ok {
                bail!("{name} {version} requires {dep} {req} to be enabled on the site first");
            }
        }
        let txn = self.db.begin().await?;
        apply_schema(&txn, &manifest).await?;
        let sp = site_plugin::Entity::find_by_id((site_id, name.to_string()))
            .one(&txn)
            .await?
            .with_context(|| format!("{name} is not set up on this site"))?;
        let mut am: site_plugin::ActiveModel = sp.into();
        am.version = Set(version.to_string());
        am.updated_at = Set(chrono::Utc::now());
        am.update(&txn).await?;
        seed_permissions(&txn, site_id, &manifest, false).await?;
        txn.commit().await?;
        self.changed().await
    }

    /// Enable a plugin on a site (newest installed version unless one is
    /// given), with its settings checked against the schema.
    ///
    /// # Errors
    /// Not installed, a required plugin not enabled on the site, a mount
    /// path taken, or settings that do not fit the schema (each named).
    pub async fn enable(&self, site_slug: &str, name: &str, entry: EnableOptions) -> Result<()> {
        let site_row = self.site_row(site_slug).await?;
        let versions = self.installed_versions(Some(name)).await?;
        let version = match &entry.version {
            Some(v) => versions
                .iter()
                .find(|i| &i.version == v)
                .with_context(|| format!("{name} {v} is not installed"))?
                .version
                .clone(),
            None => versions
                .iter()
                .map(|v| v.version.clone())
                .max()
                .with_context(|| format!("plugin `{name}` is not installed"))?,
        };
        let row = self
            .package_row(name, &version.to_string())
            .await?
            .context("package vanished")?;
        let manifest = Manifest::parse(&row.manifest)?;
        let existing = site_plugin::Entity::find_by_id((site_row.id, name.to_string()))
            .one(&self.db)
            .await?;
        let path = entry
            .path
            .clone()
            .or_else(|| {
                existing
                    .as_ref()
                    .and_then(|e| serde_json::from_str(&e.paths).ok())
            })
            .unwrap_or_else(|| manifest.default_path.clone());
        if !crate::sites::config::is_slug(&path) {
            bail!(
                "mount path `{path}` must be one segment of lowercase letters, digits and dashes"
            );
        }
        if super::routes::RESERVED_PATHS.contains(&path.as_str()) {
            bail!("mount path `{path}` is reserved by the host");
        }
        let others = site_plugin::Entity::find()
            .filter(site_plugin::Column::SiteId.eq(site_row.id))
            .filter(site_plugin::Column::Enabled.eq(true))
            .filter(site_plugin::Column::Plugin.ne(name))
            .all(&self.db)
            .await?;
        if let Some(clash) = others.iter().find(|o| {
            serde_json::from_str::<String>(&o.paths).ok().as_deref() == Some(path.as_str())
        }) {
            bail!(
                "mount path `{path}` is already used by plugin `{}` on this site",
                clash.plugin
            );
        }
        for (dep, req) in &manifest.requires {
            let ok = others.iter().any(|o| {
                o.plugin == *dep && Version::parse(&o.version).is_ok_and(|v| req.matches(&v))
            });
            if !ok {
                bail!("{name} requires {dep} {req} to be enabled on the site first");
            }
        }
        let settings_value = match &entry.settings {
            Some(s) => {
                let value = serde_json::Value::Object(
                    s.iter()
                        .map(|(k, v)| (k.clone(), crate::package::manifest::setting_from_toml(v)))
                        .collect(),
                );
                check_settings(&manifest, &value)?;
                value
            }
            None => existing
                .as_ref()
                .and_then(|e| serde_json::from_str(&e.settings).ok())
                .unwrap_or_else(|| serde_json::json!({})),
        };
        let grants = match &entry.grants {
            Some(g) => g.clone(),
            None => existing
                .as_ref()
                .and_then(|e| serde_json::from_str(&e.grants).ok())
                .unwrap_or_default(),
        };
        check_grants(&manifest, &grants, &self.granted_root(site_slug))?;

        let txn = self.db.begin().await?;
        apply_schema(&txn, &manifest).await?;
        let model = site_plugin::ActiveModel {
            site_id: Set(site_row.id),
            plugin: Set(name.to_string()),
            version: Set(version.to_string()),
            enabled: Set(true),
            paths: Set(serde_json::to_string(&path)?),
            settings: Set(settings_value.to_string()),
            grants: Set(serde_json::to_string(&grants)?),
            limits: Set(existing
                .as_ref()
                .map_or_else(|| "{}".to_string(), |e| e.limits.clone())),
            updated_at: Set(chrono::Utc::now()),
        };
        site_plugin::Entity::insert(model)
            .on_conflict(
                OnConflict::columns([site_plugin::Column::SiteId, site_plugin::Column::Plugin])
                    .update_columns([
                        site_plugin::Column::Version,
                        site_plugin::Column::Enabled,
                        site_plugin::Column::Paths,
                        site_plugin::Column::Settings,
                        site_plugin::Column::Grants,
                        site_plugin::Column::UpdatedAt,
                    ])
                    .to_owned(),
            )
            .exec_without_returning(&txn)
            .await?;
        seed_permissions(&txn, site_row.id, &manifest, existing.is_none()).await?;
        txn.commit().await?;
        self.changed().await
    }

    /// Disable a plugin on a site. Its data is kept for when it comes back.
    ///
    /// # Errors
    /// Not enabled, or another enabled plugin requires it.
    pub async fn disable(&self, site_slug: &str, name: &str) -> Result<()> {
        let site_row = self.site_row(site_slug).await?;
        let enabled = site_plugin::Entity::find()
            .filter(site_plugin::Column::SiteId.eq(site_row.id))
            .filter(site_plugin::Column::Enabled.eq(true))
            .all(&self.db)
            .await?;
        if !enabled.iter().any(|e| e.plugin == name) {
            bail!("plugin `{name}` is not enabled on site `{site_slug}`");
        }
        for other in enabled.iter().filter(|e| e.plugin != name) {
            if let Some(row) = self.package_row(&other.plugin, &other.version).await?
                && Manifest::parse(&row.manifest)?.requires.contains_key(name)
            {
                bail!(
                    "plugin `{}` requires `{name}`: disable it first",
                    other.plugin
                );
            }
        }
        site_plugin::Entity::update_many()
            .col_expr(
                site_plugin::Column::Enabled,
                sea_orm::sea_query::Expr::value(false),
            )
            .filter(site_plugin::Column::SiteId.eq(site_row.id))
            .filter(site_plugin::Column::Plugin.eq(name))
            .exec(&self.db)
            .await?;
        self.changed().await
    }

    /// Save a plugin's settings on a site from a submitted form.
    ///
    /// # Errors
    /// Field errors by name (nothing saved), or the database.
    pub async fn save_settings(
        &self,
        site_id: i64,
        name: &str,
        form: &[(String, String)],
    ) -> Result<std::result::Result<(), BTreeMap<String, String>>> {
        let sp = site_plugin::Entity::find_by_id((site_id, name.to_string()))
            .one(&self.db)
            .await?
            .with_context(|| format!("{name} is not set up on this site"))?;
        let row = self
            .package_row(name, &sp.version)
            .await?
            .context("package vanished")?;
        let manifest = Manifest::parse(&row.manifest)?;
        let value = match settings::from_form(&manifest, form) {
            Ok(v) => v,
            Err(errors) => return Ok(Err(errors)),
        };
        let mut am: site_plugin::ActiveModel = sp.into();
        am.settings = Set(value.to_string());
        am.updated_at = Set(chrono::Utc::now());
        am.update(&self.db).await?;
        self.changed().await?;
        Ok(Ok(()))
    }

    /// Save the grants a site's administrator gives (outbound hosts and
    /// e-mail). The folder is the server administrator's
    /// ([`Platform::grant_folder`]): the stored one is kept, whatever
    /// `grants.directory` says.
    ///
    /// # Errors
    /// A grant the manifest does not ask for.
    pub async fn save_grants(&self, site_id: i64, name: &str, grants: StoredGrants) -> Result<()> {
        let sp = site_plugin::Entity::find_by_id((site_id, name.to_string()))
            .one(&self.db)
            .await?
            .with_context(|| format!("{name} is not set up on this site"))?;
        let row = self
            .package_row(name, &sp.version)
            .await?
            .context("package vanished")?;
        let before: StoredGrants = serde_json::from_str(&sp.grants).unwrap_or_default();
        let grants = StoredGrants {
            directory: before.directory,
            ..grants
        };
        let manifest = Manifest::parse(&row.manifest)?;
        check_grants(
            &manifest,
            &StoredGrants {
                directory: None,
                ..grants.clone()
            },
            Path::new(""),
        )?;
        let mut am: site_plugin::ActiveModel = sp.into();
        am.grants = Set(serde_json::to_string(&grants)?);
        am.updated_at = Set(chrono::Utc::now());
        am.update(&self.db).await?;
        self.changed().await
    }

    /// Where the server administrator puts the folders granted to the
    /// plugins of a site: `<data>/granted/<site>/`.
    pub fn granted_root(&self, site_slug: &str) -> PathBuf {
        self.settings.data_dir.join("granted").join(site_slug)
    }

    /// The folder a stored grant names, checked again (after links) as the
    /// site is loaded; a grant that no longer resolves inside the site's
    /// `granted/` folder is logged and not mounted.
    pub(crate) fn granted_folder(
        &self,
        site_slug: &str,
        plugin: &str,
        sub: Option<&str>,
    ) -> Option<PathBuf> {
        let sub = sub?;
        match crate::runtime::Grants::resolve_folder(&self.granted_root(site_slug), sub) {
            Ok(dir) => Some(dir),
            Err(e) => {
                tracing::warn!(site = site_slug, plugin, error = %e, "folder grant refused");
                None
            }
        }
    }

    /// Grant a plugin on a site a folder inside `<data>/granted/<site>/`
    /// (none: take the grant back). For the server administrator only: the
    /// CLI and `site.toml` call it, the web pages do not.
    ///
    /// # Errors
    /// The plugin does not ask for a folder or is not set up on the site;
    /// the folder is missing, not relative, or leads outside (links
    /// resolved).
    pub async fn grant_folder(&self, site_slug: &str, name: &str, sub: Option<&str>) -> Result<()> {
        let site_row = self.site_row(site_slug).await?;
        let sp = site_plugin::Entity::find_by_id((site_row.id, name.to_string()))
            .one(&self.db)
            .await?
            .with_context(|| format!("{name} is not set up on site {site_slug}"))?;
        let row = self
            .package_row(name, &sp.version)
            .await?
            .context("package vanished")?;
        let before: StoredGrants = serde_json::from_str(&sp.grants).unwrap_or_default();
        let grants = StoredGrants {
            directory: sub.map(str::to_string),
            ..before
        };
        check_grants(
            &Manifest::parse(&row.manifest)?,
            &grants,
            &self.granted_root(site_slug),
        )?;
        let mut am: site_plugin::ActiveModel = sp.into();
        am.grants = Set(serde_json::to_string(&grants)?);
        am.updated_at = Set(chrono::Utc::now());
        am.update(&self.db).await?;
        self.changed().await
    }

    /// Installed versions, newest first, of one plugin or all.
    ///
    /// # Errors
    /// The database fails.
    pub async fn installed_versions(&self, name: Option<&str>) -> Result<Vec<InstalledVersion>> {
        let mut q = plugin_package::Entity::find().order_by_asc(plugin_package::Column::Name);
        if let Some(n) = name {
            q = q.filter(plugin_package::Column::Name.eq(n));
        }
        // Only the light columns: the component and files stay in the DB.
        let rows = q
            .select_only()
            .columns([
                plugin_package::Column::Name,
                plugin_package::Column::Version,
                plugin_package::Column::ApiVersion,
                plugin_package::Column::Manifest,
                plugin_package::Column::Digest,
                plugin_package::Column::InstalledAt,
                plugin_package::Column::Signature,
            ])
            .into_tuple::<(
                String,
                String,
                String,
                String,
                String,
                chrono::DateTime<chrono::Utc>,
                Option<String>,
            )>()
            .all(&self.db)
            .await?;
        let mut out: Vec<InstalledVersion> = rows
            .into_iter()
            .filter_map(
                |(name, version, api_version, manifest, digest, installed_at, signature)| {
                    let m: Manifest = toml::from_str(&manifest).ok()?;
                    Some(InstalledVersion {
                        name,
                        version: Version::parse(&version).ok()?,
                        api_version,
                        title: m.title.fr,
                        digest,
                        installed_at,
                        signature: signature
                            .and_then(|t| crate::package::signature::Signature::parse(&t).ok()),
                    })
                },
            )
            .collect();
        out.sort_by(|a, b| a.name.cmp(&b.name).then(b.version.cmp(&a.version)));
        Ok(out)
    }

    /// Every (site, plugin) row of a plugin.
    pub async fn site_plugin_rows(
        &self,
        name: &str,
    ) -> Result<Vec<(site::Model, site_plugin::Model)>> {
        let rows = site_plugin::Entity::find()
            .filter(site_plugin::Column::Plugin.eq(name))
            .all(&self.db)
            .await?;
        let mut out = Vec::new();
        for r in rows {
            if let Some(s) = site::Entity::find_by_id(r.site_id).one(&self.db).await? {
                out.push((s, r));
            }
        }
        Ok(out)
    }

    pub(crate) async fn package_row(
        &self,
        name: &str,
        version: &str,
    ) -> Result<Option<plugin_package::Model>> {
        Ok(plugin_package::Entity::find()
            .filter(plugin_package::Column::Name.eq(name))
            .filter(plugin_package::Column::Version.eq(version))
            .one(&self.db)
            .await?)
    }

    pub(crate) async fn site_row(&self, slug: &str) -> Result<site::Model> {
        site::Entity::find()
            .filter(site::Column::Slug.eq(slug))
            .one(&self.db)
            .await?
            .with_context(|| format!("there is no site `{slug}`"))
    }
}

/// Options of [`Platform::enable`].
#[derive(Debug, Clone, Default)]
pub struct EnableOptions {
    pub version: Option<Version>,
    pub path: Option<String>,
    pub settings: Option<BTreeMap<String, toml::Value>>,
    pub grants: Option<StoredGrants>,
}

fn check_settings(manifest: &Manifest, value: &serde_json::Value) -> Result<()> {
    let obj = value.as_object().context("settings must be a table")?;
    for (k, v) in obj {
        let s = manifest
            .setting(k)
            .with_context(|| format!("setting `{k}` is not in the schema of {}", manifest.name))?;
        settings::check_value(s, v).map_err(|e| anyhow::anyhow!("setting `{k}`: {e}"))?;
    }
    for s in manifest
        .settings
        .iter()
        .filter(|s| s.required && s.default.is_none())
    {
        if !obj.contains_key(&s.name) {
            bail!("setting `{}` is required", s.name);
        }
    }
    Ok(())
}

fn check_grants(manifest: &Manifest, grants: &StoredGrants, folder_root: &Path) -> Result<()> {
    let asked: &[String] = manifest
        .capabilities
        .http
        .as_ref()
        .map_or(&[], |h| &h.hosts);
    for h in &grants.http {
        if !asked.contains(h) {
            bail!(
                "{} does not ask for outbound access to `{h}`; it cannot be granted",
                manifest.name
            );
        }
    }
    if grants.mail && manifest.capabilities.mail.is_none() {
        bail!(
            "{} does not ask for e-mail; it cannot be granted",
            manifest.name
        );
    }
    if let Some(dir) = &grants.directory {
        if manifest.capabilities.directory.is_none() {
            bail!(
                "{} does not ask for a directory; it cannot be granted",
                manifest.name
            );
        }
        crate::runtime::Grants::resolve_folder(folder_root, dir)
            .map_err(|e| anyhow::anyhow!("folder grant refused: {e}"))?;
    }
    Ok(())
}

/// Apply a manifest's tables if it is newer than what is applied.
async fn apply_schema<C: ConnectionTrait>(conn: &C, manifest: &Manifest) -> Result<()> {
    let applied = plugin_schema::Entity::find_by_id(manifest.name.clone())
        .one(conn)
        .await?;
    let old = match &applied {
        Some(a) => {
            let v = Version::parse(&a.version)?;
            if v >= manifest.version {
                return Ok(());
            }
            Some(Manifest::parse(&a.manifest).context("applied schema")?)
        }
        None => None,
    };
    schema::apply(conn, manifest, old.as_ref())
        .await
        .with_context(|| {
            format!(
                "cannot apply the tables of {} {}",
                manifest.name, manifest.version
            )
        })?;
    let model = plugin_schema::ActiveModel {
        plugin: Set(manifest.name.clone()),
        version: Set(manifest.version.to_string()),
        manifest: Set(toml::to_string(manifest)?),
    };
    plugin_schema::Entity::insert(model)
        .on_conflict(
            OnConflict::column(plugin_schema::Column::Plugin)
                .update_columns([
                    plugin_schema::Column::Version,
                    plugin_schema::Column::Manifest,
                ])
                .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    Ok(())
}

/// Give the manifest's default roles their permissions. On first enable
/// every default is written; later, only permissions new in this version
/// (so an administrator's changes to the mapping are kept).
async fn seed_permissions<C: ConnectionTrait>(
    conn: &C,
    site_id: i64,
    manifest: &Manifest,
    first: bool,
) -> Result<()> {
    let existing: Vec<String> = role_permission::Entity::find()
        .filter(role_permission::Column::SiteId.eq(site_id))
        .filter(role_permission::Column::Plugin.eq(&manifest.name))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| r.permission)
        .collect();
    for (permission, role) in manifest.default_grants() {
        if !first && existing.iter().any(|p| p == permission) {
            continue;
        }
        let model = role_permission::ActiveModel {
            site_id: Set(site_id),
            plugin: Set(manifest.name.clone()),
            permission: Set(permission.to_string()),
            role: Set(role.to_string()),
        };
        role_permission::Entity::insert(model)
            .on_conflict(
                OnConflict::columns([
                    role_permission::Column::SiteId,
                    role_permission::Column::Permission,
                    role_permission::Column::Role,
                ])
                .do_nothing()
                .to_owned(),
            )
            .exec_without_returning(conn)
            .await?;
    }
    Ok(())
}
