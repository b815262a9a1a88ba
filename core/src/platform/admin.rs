//! What the administration pages need beyond the rest of the platform:
//! accounts with their state, working groups with their members, the
//! role → permission mapping of a site as a whole, and the audit log page
//! by page. Nothing here returns a password hash.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{Context as _, Result, bail};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use serde::Serialize;

use super::Platform;
use crate::db::entities::{
    audit_entry, group, group_member, plugin_package, role_permission, site_plugin, user, user_role,
};
use crate::package::Manifest;

/// An account as the administrator sees it.
#[derive(Debug, Clone, Serialize)]
pub struct Account {
    pub id: i64,
    pub username: String,
    pub name: String,
    pub email: Option<String>,
    pub active: bool,
    pub server_admin: bool,
    pub roles: Vec<String>,
    pub groups: Vec<GroupRef>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub last_login_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// A group named in a list.
#[derive(Debug, Clone, Serialize)]
pub struct GroupRef {
    pub id: i64,
    pub slug: String,
    pub name: String,
}

/// A working group with its members.
#[derive(Debug, Clone, Serialize)]
pub struct GroupInfo {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub members: Vec<Member>,
}

/// A member of a group.
#[derive(Debug, Clone, Serialize)]
pub struct Member {
    pub id: i64,
    pub username: String,
    pub name: String,
    pub active: bool,
}

/// Which entries of the audit log to show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuditFilter {
    pub plugin: Option<AuditSource>,
    pub user_id: Option<i64>,
}

/// Who reported an audit entry.
#[derive(Debug, Clone, PartialEq)]
pub enum AuditSource {
    /// The host itself (administration, accounts).
    Host,
    Plugin(String),
}

/// One permission of an enabled plugin, as the matrix saves it.
#[derive(Debug, Clone)]
pub struct PermissionRow {
    pub plugin: String,
    pub permission: String,
}

impl Platform {
    /// Every account of a site with roles and groups, by username.
    ///
    /// # Errors
    /// The database fails.
    pub async fn accounts(&self, site_id: i64) -> Result<Vec<Account>> {
        let rows = user::Entity::find()
            .filter(user::Column::SiteId.eq(site_id))
            .order_by_asc(user::Column::Username)
            .all(&self.db)
            .await?;
        self.with_roles_and_groups(site_id, rows).await
    }

    /// One account of a site.
    ///
    /// # Errors
    /// The database fails.
    pub async fn account(&self, site_id: i64, user_id: i64) -> Result<Option<Account>> {
        let rows = user::Entity::find()
            .filter(user::Column::SiteId.eq(site_id))
            .filter(user::Column::Id.eq(user_id))
            .all(&self.db)
            .await?;
        Ok(self.with_roles_and_groups(site_id, rows).await?.pop())
    }

    async fn with_roles_and_groups(
        &self,
        site_id: i64,
        rows: Vec<user::Model>,
    ) -> Result<Vec<Account>> {
        let ids: Vec<i64> = rows.iter().map(|u| u.id).collect();
        let mut roles: BTreeMap<i64, Vec<String>> = BTreeMap::new();
        let mut member_of: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
        // SQLite allows a few thousand bound values: ask by chunks.
        for chunk in ids.chunks(500) {
            for r in user_role::Entity::find()
                .filter(user_role::Column::UserId.is_in(chunk.to_vec()))
                .all(&self.db)
                .await?
            {
                roles.entry(r.user_id).or_default().push(r.role);
            }
            for m in group_member::Entity::find()
                .filter(group_member::Column::UserId.is_in(chunk.to_vec()))
                .all(&self.db)
                .await?
            {
                member_of.entry(m.user_id).or_default().push(m.group_id);
            }
        }
        let groups: BTreeMap<i64, GroupRef> = group::Entity::find()
            .filter(group::Column::SiteId.eq(site_id))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|g| {
                (
                    g.id,
                    GroupRef {
                        id: g.id,
                        slug: g.slug,
                        name: g.name,
                    },
                )
            })
            .collect();
        Ok(rows
            .into_iter()
            .map(|u| {
                let mut r = roles.remove(&u.id).unwrap_or_default();
                r.sort();
                let mut g: Vec<GroupRef> = member_of
                    .remove(&u.id)
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|id| groups.get(id).cloned())
                    .collect();
                g.sort_by(|a, b| a.name.cmp(&b.name));
                Account {
                    id: u.id,
                    username: u.username,
                    name: u.display_name,
                    email: u.email,
                    active: u.active,
                    server_admin: u.server_admin,
                    roles: r,
                    groups: g,
                    created_at: u.created_at,
                    last_login_at: u.last_login_at,
                }
            })
            .collect())
    }

    /// Deactivate or reactivate an account. Deactivating ends every session
    /// of the account at once.
    ///
    /// # Errors
    /// No such account on the site, or the database.
    pub async fn set_active(&self, site_id: i64, user_id: i64, active: bool) -> Result<()> {
        let u = user::Entity::find_by_id(user_id)
            .one(&self.db)
            .await?
            .filter(|u| u.site_id == site_id)
            .context("no such account on this site")?;
        // SQLite has one writer: queue behind the plugins' transactions.
        self.transact(async |txn| -> Result<()> {
            let mut am: user::ActiveModel = u.into();
            am.active = Set(active);
            am.update(txn).await?;
            if !active {
                crate::identity::sessions::delete_for_user(txn, user_id).await?;
            }
            Ok(())
        })
        .await?;
        Ok(())
    }

    /// Numbers of accounts and groups of a site.
    ///
    /// # Errors
    /// The database fails.
    pub async fn counts(&self, site_id: i64) -> Result<(u64, u64)> {
        let users = user::Entity::find()
            .filter(user::Column::SiteId.eq(site_id))
            .count(&self.db)
            .await?;
        let groups = group::Entity::find()
            .filter(group::Column::SiteId.eq(site_id))
            .count(&self.db)
            .await?;
        Ok((users, groups))
    }

    /// Every working group of a site with its members, by name.
    ///
    /// # Errors
    /// The database fails.
    pub async fn groups(&self, site_id: i64) -> Result<Vec<GroupInfo>> {
        let rows = group::Entity::find()
            .filter(group::Column::SiteId.eq(site_id))
            .order_by_asc(group::Column::Name)
            .all(&self.db)
            .await?;
        let ids: Vec<i64> = rows.iter().map(|g| g.id).collect();
        let mut members: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
        for chunk in ids.chunks(500) {
            for m in group_member::Entity::find()
                .filter(group_member::Column::GroupId.is_in(chunk.to_vec()))
                .all(&self.db)
                .await?
            {
                members.entry(m.group_id).or_default().push(m.user_id);
            }
        }
        let people: BTreeMap<i64, Member> = user::Entity::find()
            .filter(user::Column::SiteId.eq(site_id))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|u| {
                (
                    u.id,
                    Member {
                        id: u.id,
                        username: u.username,
                        name: u.display_name,
                        active: u.active,
                    },
                )
            })
            .collect();
        Ok(rows
            .into_iter()
            .map(|g| {
                let mut list: Vec<Member> = members
                    .remove(&g.id)
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|id| people.get(id).cloned())
                    .collect();
                list.sort_by(|a, b| a.name.cmp(&b.name));
                GroupInfo {
                    id: g.id,
                    slug: g.slug,
                    name: g.name,
                    description: g.description,
                    members: list,
                }
            })
            .collect())
    }

    /// One working group of a site.
    ///
    /// # Errors
    /// The database fails.
    pub async fn group(&self, site_id: i64, group_id: i64) -> Result<Option<GroupInfo>> {
        Ok(self
            .groups(site_id)
            .await?
            .into_iter()
            .find(|g| g.id == group_id))
    }

    /// Create a working group.
    ///
    /// # Errors
    /// The slug is taken on the site, or the database.
    pub async fn create_group(
        &self,
        site_id: i64,
        slug: &str,
        name: &str,
        description: &str,
    ) -> Result<i64> {
        let taken = group::Entity::find()
            .filter(group::Column::SiteId.eq(site_id))
            .filter(group::Column::Slug.eq(slug))
            .count(&self.db)
            .await?;
        if taken > 0 {
            bail!("group `{slug}` already exists");
        }
        crate::identity::users::ensure_group(&self.db, site_id, slug, name, description).await
    }

    /// Rename a group or change its description (its slug, which plugins
    /// may keep, stays).
    ///
    /// # Errors
    /// No such group on the site, or the database.
    pub async fn update_group(
        &self,
        site_id: i64,
        group_id: i64,
        name: &str,
        description: &str,
    ) -> Result<()> {
        let g = self.group_row(site_id, group_id).await?;
        let mut am: group::ActiveModel = g.into();
        am.name = Set(name.to_string());
        am.description = Set(description.to_string());
        am.update(&self.db).await?;
        Ok(())
    }

    /// Add an account of the site to a group of the site.
    ///
    /// # Errors
    /// The group or the account is not on the site, or the database.
    pub async fn add_member(&self, site_id: i64, group_id: i64, user_id: i64) -> Result<()> {
        self.group_row(site_id, group_id).await?;
        user::Entity::find_by_id(user_id)
            .one(&self.db)
            .await?
            .filter(|u| u.site_id == site_id)
            .context("no such account on this site")?;
        crate::identity::users::join_group(&self.db, group_id, user_id).await
    }

    /// Take an account out of a group.
    ///
    /// # Errors
    /// The group is not on the site, or the database.
    pub async fn remove_member(&self, site_id: i64, group_id: i64, user_id: i64) -> Result<()> {
        self.group_row(site_id, group_id).await?;
        group_member::Entity::delete_many()
            .filter(group_member::Column::GroupId.eq(group_id))
            .filter(group_member::Column::UserId.eq(user_id))
            .exec(&self.db)
            .await?;
        Ok(())
    }

    async fn group_row(&self, site_id: i64, group_id: i64) -> Result<group::Model> {
        group::Entity::find_by_id(group_id)
            .one(&self.db)
            .await?
            .filter(|g| g.site_id == site_id)
            .context("no such group on this site")
    }

    /// Replace the roles holding each of `permissions` on a site by those
    /// of `held` (permission, role), in one transaction; permissions not
    /// listed (those of disabled plugins) keep their mapping. Reloads.
    ///
    /// # Errors
    /// A held permission that is not listed, or the database.
    pub async fn save_permission_roles(
        &self,
        site_id: i64,
        permissions: &[PermissionRow],
        held: &[(String, String)],
    ) -> Result<()> {
        let plugin_of: BTreeMap<&str, &str> = permissions
            .iter()
            .map(|p| (p.permission.as_str(), p.plugin.as_str()))
            .collect();
        let held: BTreeSet<&(String, String)> = held.iter().collect();
        for (permission, _) in &held {
            if !plugin_of.contains_key(permission.as_str()) {
                bail!("permission `{permission}` is not one of the site's enabled plugins");
            }
        }
        self.transact(async |txn| -> Result<()> {
            for chunk in permissions.chunks(500) {
                role_permission::Entity::delete_many()
                    .filter(role_permission::Column::SiteId.eq(site_id))
                    .filter(
                        role_permission::Column::Permission
                            .is_in(chunk.iter().map(|p| p.permission.clone())),
                    )
                    .exec(txn)
                    .await?;
            }
            for (permission, role) in held {
                role_permission::ActiveModel {
                    site_id: Set(site_id),
                    plugin: Set(plugin_of[permission.as_str()].to_string()),
                    permission: Set(permission.clone()),
                    role: Set(role.clone()),
                }
                .insert(txn)
                .await?;
            }
            Ok(())
        })
        .await?;
        self.changed().await
    }

    /// The manifest of an installed version.
    ///
    /// # Errors
    /// The database fails, or the stored manifest no longer parses.
    pub async fn manifest_of(&self, name: &str, version: &str) -> Result<Option<Manifest>> {
        let text: Option<String> = plugin_package::Entity::find()
            .filter(plugin_package::Column::Name.eq(name))
            .filter(plugin_package::Column::Version.eq(version))
            .select_only()
            .column(plugin_package::Column::Manifest)
            .into_tuple()
            .one(&self.db)
            .await?;
        text.map(|t| Manifest::parse(&t)).transpose()
    }

    /// A plugin's row on a site (enabled or not), if it was ever enabled.
    ///
    /// # Errors
    /// The database fails.
    pub async fn site_plugin(
        &self,
        site_id: i64,
        name: &str,
    ) -> Result<Option<site_plugin::Model>> {
        Ok(site_plugin::Entity::find_by_id((site_id, name.to_string()))
            .one(&self.db)
            .await?)
    }

    /// Every plugin row of a site (enabled or not).
    ///
    /// # Errors
    /// The database fails.
    pub async fn site_plugins(&self, site_id: i64) -> Result<Vec<site_plugin::Model>> {
        Ok(site_plugin::Entity::find()
            .filter(site_plugin::Column::SiteId.eq(site_id))
            .order_by_asc(site_plugin::Column::Plugin)
            .all(&self.db)
            .await?)
    }

    /// How many sites use each installed (plugin, version).
    ///
    /// # Errors
    /// The database fails.
    pub async fn version_usage(&self) -> Result<BTreeMap<(String, String), u64>> {
        let mut out = BTreeMap::new();
        for sp in site_plugin::Entity::find()
            .filter(site_plugin::Column::Enabled.eq(true))
            .all(&self.db)
            .await?
        {
            *out.entry((sp.plugin, sp.version)).or_insert(0) += 1;
        }
        Ok(out)
    }

    /// One page of a site's audit log, newest first, and the number of
    /// entries matching the filter.
    ///
    /// # Errors
    /// The database fails.
    pub async fn audit_entries(
        &self,
        site_id: i64,
        filter: &AuditFilter,
        page: u64,
        per_page: u64,
    ) -> Result<(Vec<audit_entry::Model>, u64)> {
        let mut q = audit_entry::Entity::find().filter(audit_entry::Column::SiteId.eq(site_id));
        match &filter.plugin {
            Some(AuditSource::Host) => q = q.filter(audit_entry::Column::Plugin.is_null()),
            Some(AuditSource::Plugin(p)) => {
                q = q.filter(audit_entry::Column::Plugin.eq(p.as_str()))
            }
            None => {}
        }
        if let Some(u) = filter.user_id {
            q = q.filter(audit_entry::Column::UserId.eq(u));
        }
        let total = q.clone().count(&self.db).await?;
        let rows = q
            .order_by_desc(audit_entry::Column::At)
            .order_by_desc(audit_entry::Column::Id)
            .offset(page.saturating_sub(1) * per_page)
            .limit(per_page)
            .all(&self.db)
            .await?;
        Ok((rows, total))
    }

    /// The plugins that wrote to a site's audit log.
    ///
    /// # Errors
    /// The database fails.
    pub async fn audit_plugins(&self, site_id: i64) -> Result<Vec<String>> {
        let names: Vec<Option<String>> = audit_entry::Entity::find()
            .filter(audit_entry::Column::SiteId.eq(site_id))
            .filter(audit_entry::Column::Plugin.is_not_null())
            .select_only()
            .column(audit_entry::Column::Plugin)
            .distinct()
            .order_by_asc(audit_entry::Column::Plugin)
            .into_tuple()
            .all(&self.db)
            .await?;
        Ok(names.into_iter().flatten().collect())
    }
}
