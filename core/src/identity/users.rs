//! Accounts of a site, their roles and working groups.

use anyhow::{Context as _, Result, bail};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder,
};

use crate::db::entities::{group, group_member, user, user_role};

/// A signed-in user as the web layer and plugins see them.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CurrentUser {
    pub id: i64,
    pub username: String,
    pub name: String,
    pub email: Option<String>,
    pub roles: Vec<String>,
    /// Slugs of the working groups.
    pub groups: Vec<String>,
    pub server_admin: bool,
}

impl CurrentUser {
    pub fn has_role(&self, role: &str) -> bool {
        self.roles.iter().any(|r| r == role)
    }

    pub fn is_admin(&self) -> bool {
        self.has_role("admin")
    }

    /// Élus, staff and administrators use the extranet.
    pub fn is_member(&self) -> bool {
        self.roles.iter().any(|r| r != "citizen")
    }
}

/// Usernames: 3–40 of lowercase letters, digits, `.`, `-`, `_`.
pub fn valid_username(s: &str) -> bool {
    (3..=40).contains(&s.len())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_'))
}

/// Load a user with roles and groups.
///
/// # Errors
/// The database fails.
pub async fn load<C: ConnectionTrait>(db: &C, user_id: i64) -> Result<Option<CurrentUser>> {
    let Some(u) = user::Entity::find_by_id(user_id).one(db).await? else {
        return Ok(None);
    };
    if !u.active {
        return Ok(None);
    }
    let mut roles: Vec<String> = user_role::Entity::find()
        .filter(user_role::Column::UserId.eq(u.id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.role)
        .collect();
    roles.sort();
    let member_of: Vec<i64> = group_member::Entity::find()
        .filter(group_member::Column::UserId.eq(u.id))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.group_id)
        .collect();
    let groups = if member_of.is_empty() {
        Vec::new()
    } else {
        group::Entity::find()
            .filter(group::Column::Id.is_in(member_of))
            .order_by_asc(group::Column::Slug)
            .all(db)
            .await?
            .into_iter()
            .map(|g| g.slug)
            .collect()
    };
    Ok(Some(CurrentUser {
        id: u.id,
        username: u.username,
        name: u.display_name,
        email: u.email,
        roles,
        groups,
        server_admin: u.server_admin,
    }))
}

/// Find a user of a site by username.
pub async fn find_by_username<C: ConnectionTrait>(
    db: &C,
    site_id: i64,
    username: &str,
) -> Result<Option<user::Model>> {
    Ok(user::Entity::find()
        .filter(user::Column::SiteId.eq(site_id))
        .filter(user::Column::Username.eq(username.to_lowercase()))
        .one(db)
        .await?)
}

/// Find a user of a site by e-mail.
pub async fn find_by_email<C: ConnectionTrait>(
    db: &C,
    site_id: i64,
    email: &str,
) -> Result<Option<user::Model>> {
    Ok(user::Entity::find()
        .filter(user::Column::SiteId.eq(site_id))
        .filter(user::Column::Email.eq(email.trim().to_lowercase()))
        .one(db)
        .await?)
}

/// A new account.
pub struct NewUser<'a> {
    pub username: &'a str,
    pub name: &'a str,
    pub email: Option<&'a str>,
    pub password: &'a str,
    pub roles: &'a [String],
}

/// Create an account with its roles.
///
/// # Errors
/// Invalid or taken username, taken e-mail, or the database.
pub async fn create<C: ConnectionTrait>(db: &C, site_id: i64, new: NewUser<'_>) -> Result<i64> {
    let hash = crate::identity::passwords::hash(new.password)?;
    create_hashed(db, site_id, new, hash).await
}

/// [`create`] with the password already hashed (hash before taking the
/// write lock or opening a transaction: it takes tens of milliseconds).
///
/// # Errors
/// Invalid or taken username, taken e-mail, or the database.
pub async fn create_hashed<C: ConnectionTrait>(
    db: &C,
    site_id: i64,
    new: NewUser<'_>,
    hash: String,
) -> Result<i64> {
    let username = new.username.trim().to_lowercase();
    if !valid_username(&username) {
        bail!("username `{username}` must be 3–40 lowercase letters, digits, `.`, `-` or `_`");
    }
    if find_by_username(db, site_id, &username).await?.is_some() {
        bail!("username `{username}` is taken");
    }
    let email = new
        .email
        .map(|e| e.trim().to_lowercase())
        .filter(|e| !e.is_empty());
    if let Some(e) = &email
        && find_by_email(db, site_id, e).await?.is_some()
    {
        bail!("e-mail `{e}` already has an account");
    }
    let u = user::ActiveModel {
        site_id: Set(site_id),
        username: Set(username),
        email: Set(email),
        display_name: Set(new.name.trim().to_string()),
        password_hash: Set(hash),
        active: Set(true),
        server_admin: Set(false),
        created_at: Set(chrono::Utc::now()),
        last_login_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    set_roles(db, u.id, new.roles).await?;
    Ok(u.id)
}

/// Replace a user's roles.
pub async fn set_roles<C: ConnectionTrait>(db: &C, user_id: i64, roles: &[String]) -> Result<()> {
    user_role::Entity::delete_many()
        .filter(user_role::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    for r in roles {
        user_role::ActiveModel {
            user_id: Set(user_id),
            role: Set(r.clone()),
        }
        .insert(db)
        .await
        .with_context(|| format!("cannot give role {r}"))?;
    }
    Ok(())
}

/// Create a working group if it does not exist; returns its id.
pub async fn ensure_group<C: ConnectionTrait>(
    db: &C,
    site_id: i64,
    slug: &str,
    name: &str,
    description: &str,
) -> Result<i64> {
    if let Some(g) = group::Entity::find()
        .filter(group::Column::SiteId.eq(site_id))
        .filter(group::Column::Slug.eq(slug))
        .one(db)
        .await?
    {
        let mut am: group::ActiveModel = g.clone().into();
        am.name = Set(name.to_string());
        am.description = Set(description.to_string());
        am.update(db).await?;
        return Ok(g.id);
    }
    Ok(group::ActiveModel {
        site_id: Set(site_id),
        slug: Set(slug.to_string()),
        name: Set(name.to_string()),
        description: Set(description.to_string()),
        ..Default::default()
    }
    .insert(db)
    .await?
    .id)
}

/// Add a user to a group (no-op if already in).
pub async fn join_group<C: ConnectionTrait>(db: &C, group_id: i64, user_id: i64) -> Result<()> {
    group_member::Entity::insert(group_member::ActiveModel {
        group_id: Set(group_id),
        user_id: Set(user_id),
    })
    .on_conflict(
        OnConflict::columns([group_member::Column::GroupId, group_member::Column::UserId])
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Grant or withdraw server administration.
pub async fn set_server_admin<C: ConnectionTrait>(db: &C, user_id: i64, on: bool) -> Result<()> {
    let u = user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .context("no such user")?;
    let mut am: user::ActiveModel = u.into();
    am.server_admin = Set(on);
    am.update(db).await?;
    Ok(())
}

/// Every account of a site with roles and groups, by username.
pub async fn list<C: ConnectionTrait>(db: &C, site_id: i64) -> Result<Vec<CurrentUser>> {
    let rows = user::Entity::find()
        .filter(user::Column::SiteId.eq(site_id))
        .order_by_asc(user::Column::Username)
        .all(db)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for u in rows {
        let mut roles: Vec<String> = user_role::Entity::find()
            .filter(user_role::Column::UserId.eq(u.id))
            .all(db)
            .await?
            .into_iter()
            .map(|r| r.role)
            .collect();
        roles.sort();
        out.push(CurrentUser {
            id: u.id,
            username: u.username,
            name: u.display_name,
            email: u.email,
            roles,
            groups: Vec::new(),
            server_admin: u.server_admin,
        });
    }
    Ok(out)
}

/// Note the time of a successful sign-in.
pub async fn touch_login<C: ConnectionTrait>(db: &C, user_id: i64) -> Result<()> {
    if let Some(u) = user::Entity::find_by_id(user_id).one(db).await? {
        let mut am: user::ActiveModel = u.into();
        am.last_login_at = Set(Some(chrono::Utc::now()));
        am.update(db).await?;
    }
    Ok(())
}
