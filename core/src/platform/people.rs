//! What the site and its plugins hold about one person (RGPD): download it
//! all, or erase it all.

use anyhow::{Context as _, Result, bail};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, TransactionTrait};
use serde_json::{Value as Json, json};

use super::{Platform, Site};
use crate::db::entities::{audit_entry, group_member, session, user, user_role};
use crate::events::dispatch::background_context;
use crate::runtime::{Call, Reply};

impl Platform {
    /// Everything about a user: the account, roles, groups, their entries
    /// of the audit log and what each enabled plugin holds (its
    /// `export-user-data` hook).
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
        for p in &site.plugins {
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

    /// Erase a user: every plugin erases or anonymises through its hook
    /// first; if one fails, the account is kept (nothing is half-erased on
    /// the host's side) and the error says which. Then the account, its
    /// roles, groups and sessions go, and its audit entries are anonymised.
    ///
    /// # Errors
    /// A plugin's hook or the database.
    pub async fn erase_user(&self, site: &Site, user_id: i64) -> Result<()> {
        for p in &site.plugins {
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
        let storage = &self.runtime.services.storage;
        let _guard = storage.write_guard().await;
        let txn = self.db.begin().await?;
        user_role::Entity::delete_many()
            .filter(user_role::Column::UserId.eq(user_id))
            .exec(&txn)
            .await?;
        group_member::Entity::delete_many()
            .filter(group_member::Column::UserId.eq(user_id))
            .exec(&txn)
            .await?;
        session::Entity::delete_many()
            .filter(session::Column::UserId.eq(user_id))
            .exec(&txn)
            .await?;
        audit_entry::Entity::update_many()
            .col_expr(audit_entry::Column::Actor, Expr::value("compte supprimé"))
            .col_expr(
                audit_entry::Column::UserId,
                Expr::value(Option::<i64>::None),
            )
            .filter(audit_entry::Column::UserId.eq(user_id))
            .exec(&txn)
            .await?;
        user::Entity::delete_by_id(user_id).exec(&txn).await?;
        txn.commit().await?;
        Ok(())
    }
}
