//! What the site and its plugins hold about one person (RGPD): download it
//! all, or erase it all.

use std::sync::Arc;

use anyhow::{Context as _, Result, bail};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value as Json, json};

use super::background_context;
use super::{Platform, Site, SitePlugin};
use crate::db::entities::{
    audit_entry, group_member, session, site_plugin, token, user, user_role,
};
use crate::identity::audit::{erased_subject, user_subject};
use crate::package::settings;
use crate::runtime::{Call, Grants, Reply};

impl Platform {
    /// Every plugin that may hold rows of the site: those enabled now, and
    /// those that were enabled once and are disabled now (their tables keep
    /// the site's rows). A disabled one is loaded for this call only, with
    /// its stored settings and no capability: its export and erase hooks
    /// work on its own tables.
    ///
    /// # Errors
    /// The database fails, or a disabled plugin's package cannot be loaded
    /// (named: its rows could not be reached).
    pub async fn plugins_holding_data(&self, site: &Site) -> Result<Vec<Arc<SitePlugin>>> {
        let mut all = site.plugins.clone();
        let disabled = site_plugin::Entity::find()
            .filter(site_plugin::Column::SiteId.eq(site.id))
            .filter(site_plugin::Column::Enabled.eq(false))
            .all(&self.db)
            .await?;
        for sp in disabled {
            if all.iter().any(|p| p.name == sp.plugin) {
                continue;
            }
            let loaded = self
                .load_package(&sp.plugin, &sp.version)
                .await
                .with_context(|| {
                    format!(
                        "{} (disabled on this site) cannot be loaded to reach its data",
                        sp.plugin
                    )
                })?;
            let manifest = loaded.manifest.clone();
            let stored: Json = serde_json::from_str(&sp.settings).unwrap_or_default();
            all.push(Arc::new(SitePlugin {
                name: sp.plugin.clone(),
                routes: self.routes_for(&loaded),
                path: serde_json::from_str::<String>(&sp.paths)
                    .unwrap_or_else(|_| manifest.default_path.clone()),
                settings: Arc::new(settings::effective(&manifest, &stored)),
                grants: Arc::new(Grants::intersect(&manifest, &[], None, false)),
                deadline: std::time::Duration::from_millis(manifest.limits.deadline_ms),
                memory_cap: (manifest.limits.memory_mib as usize) << 20,
                loaded,
            }));
        }
        Ok(all)
    }

    /// Everything about a user: the account, roles, groups, their entries
    /// of the audit log and what each plugin holds (its `export-user-data`
    /// hook), enabled or disabled since (see [`Self::plugins_holding_data`]).
    ///
    /// # Errors
    /// The database fails or a plugin's hook fails (named).
    pub async fn export_user(&self, site: &Site, user_id: i64) -> Result<Json> {
        let u = crate::identity::users::load(&self.db, user_id)
            .await?
            .context("no such account")?;
        let row = user::Entity::find_by_id(user_id)
            .one(&self.db)
            .await?
            .context("no such account")?;
        let audit: Vec<Json> = audit_entry::Entity::find()
            .filter(audit_entry::Column::UserId.eq(user_id))
            .order_by_asc(audit_entry::Column::At)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|a| json!({ "at": a.at.to_rfc3339(), "plugin": a.plugin, "action": a.action, "subject": a.subject }))
            .collect();
        let mut plugins = serde_json::Map::new();
        for p in &self.plugins_holding_data(site).await? {
            let (ctx, info) = background_context(site, p);
            match self
                .runtime
                .call(&p.loaded, info, Call::ExportUser(ctx, user_id.to_string()))
                .await
            {
                Ok(Reply::Json(Ok(text))) => {
                    let v: Json = serde_json::from_str(&text).unwrap_or(Json::String(text));
                    plugins.insert(p.name.clone(), v);
                }
                Ok(Reply::Json(Err(e))) => bail!("{}: {e}", p.name),
                Ok(_) => bail!("{}: unexpected reply", p.name),
                Err(f) => bail!("{}: {f}", p.name),
            }
        }
        Ok(json!({
            "site": site.config.name,
            "exported_at": chrono::Utc::now().to_rfc3339(),
            "account": {
                "username": u.username, "name": u.name, "email": u.email,
                "roles": u.roles, "groups": u.groups,
                "created_at": row.created_at.to_rfc3339(),
                "last_login_at": row.last_login_at.map(|t| t.to_rfc3339()),
            },
            "audit_log": audit,
            "plugins": plugins,
        }))
    }

    /// Erase a user: every plugin that may hold the person's rows (enabled,
    /// or disabled since) erases or anonymises through its hook first; if
    /// one fails, the account is kept (nothing is half-erased on the host's
    /// side) and the error says which. Then the account, its roles, groups,
    /// sessions and tokens go; its audit entries are anonymised, and the
    /// entries naming it as their subject (`user:<username>`,
    /// `email:<address>`) name a pseudonym instead.
    ///
    /// # Errors
    /// A plugin's hook or the database.
    pub async fn erase_user(&self, site: &Site, user_id: i64) -> Result<()> {
        let account = user::Entity::find_by_id(user_id)
            .one(&self.db)
            .await?
            .context("no such account")?;
        for p in &self.plugins_holding_data(site).await? {
            let (ctx, info) = background_context(site, p);
            match self
                .runtime
                .call(&p.loaded, info, Call::EraseUser(ctx, user_id.to_string()))
                .await
            {
                Ok(Reply::Unit(Ok(()))) => {}
                Ok(Reply::Unit(Err(e))) => bail!("{}: {e}", p.name),
                Ok(_) => bail!("{}: unexpected reply", p.name),
                Err(f) => bail!("{}: {f}", p.name),
            }
        }
        self.transact(async |txn| -> Result<()> {
            user_role::Entity::delete_many()
                .filter(user_role::Column::UserId.eq(user_id))
                .exec(txn)
                .await?;
            group_member::Entity::delete_many()
                .filter(group_member::Column::UserId.eq(user_id))
                .exec(txn)
                .await?;
            session::Entity::delete_many()
                .filter(session::Column::UserId.eq(user_id))
                .exec(txn)
                .await?;
            token::Entity::delete_many()
                .filter(token::Column::UserId.eq(user_id))
                .exec(txn)
                .await?;
            audit_entry::Entity::update_many()
                .col_expr(audit_entry::Column::Actor, Expr::value("compte supprimé"))
                .col_expr(
                    audit_entry::Column::UserId,
                    Expr::value(Option::<i64>::None),
                )
                .filter(audit_entry::Column::UserId.eq(user_id))
                .exec(txn)
                .await?;
            let pseudonym = erased_subject(&self.secret, account.site_id, &account.username);
            let mut named = vec![user_subject(&account.username)];
            if let Some(email) = account.email.as_deref().filter(|e| !e.is_empty()) {
                named.push(format!("email:{email}"));
            }
            audit_entry::Entity::update_many()
                .col_expr(audit_entry::Column::Subject, Expr::value(pseudonym))
                .filter(audit_entry::Column::SiteId.eq(account.site_id))
                .filter(audit_entry::Column::Subject.is_in(named))
                .exec(txn)
                .await?;
            user::Entity::delete_by_id(user_id).exec(txn).await?;
            Ok(())
        })
        .await?;
        Ok(())
    }
}
