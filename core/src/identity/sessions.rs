//! Sessions in the database: the browser holds a random token, the table
//! holds its SHA-256, so a leaked table gives no usable session.

use anyhow::Result;
use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};
use sha2::{Digest, Sha256};

use crate::db::entities::{session, user, user_role};

/// How long a session lives: `idle` after the last request, and
/// `absolute` after sign-in whatever the activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lifetime {
    pub idle: TimeDelta,
    pub absolute: TimeDelta,
}

/// Citizens: their account reaches only their own requests and votes, and
/// a week of idleness matches how often people come back to a portal.
pub const CITIZEN: Lifetime = Lifetime {
    idle: TimeDelta::days(7),
    absolute: TimeDelta::days(30),
};
/// Staff, elected members and plugin roles reach the extranet (other
/// people's data): a working day idle, a week at most.
pub const MEMBER: Lifetime = Lifetime {
    idle: TimeDelta::hours(8),
    absolute: TimeDelta::days(7),
};
/// Administrators can change everything: an hour idle, half a day at most.
pub const ADMIN: Lifetime = Lifetime {
    idle: TimeDelta::hours(1),
    absolute: TimeDelta::hours(12),
};

/// The lifetime for an account with these roles (the strictest that
/// applies).
pub fn lifetime_for(roles: &[String], server_admin: bool) -> Lifetime {
    if server_admin || roles.iter().any(|r| r == "admin") {
        ADMIN
    } else if roles.iter().any(|r| r != "citizen") {
        MEMBER
    } else {
        CITIZEN
    }
}

/// The lifetime of a user's sessions, from their roles now (so that a
/// promotion shortens sessions already open).
async fn lifetime_of<C: ConnectionTrait>(db: &C, user_id: i64) -> Result<Lifetime> {
    let Some(u) = user::Entity::find_by_id(user_id).one(db).await? else {
        return Ok(ADMIN);
    };
    let roles: Vec<String> = user_role::Entity::find()
        .filter(user_role::Column::UserId.eq(user_id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.role)
        .collect();
    Ok(lifetime_for(&roles, u.server_admin))
}

fn digest(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A new random token (URL-safe).
pub fn new_token() -> String {
    use base64::Engine as _;
    let bytes: [u8; 32] = rand::random();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Start a session for a user at `now`; returns the token for the cookie
/// and how long the cookie may live.
///
/// # Errors
/// The database fails.
pub async fn create<C: ConnectionTrait>(
    db: &C,
    site_id: i64,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<(String, Lifetime)> {
    let token = new_token();
    let life = lifetime_of(db, user_id).await?;
    session::ActiveModel {
        id: Set(digest(&token)),
        site_id: Set(site_id),
        user_id: Set(user_id),
        created_at: Set(now),
        expires_at: Set(now + life.idle.min(life.absolute)),
        last_seen_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok((token, life))
}

/// The user of a live session on a site at `now`. A session idle for
/// longer than its lifetime allows, or older than its absolute lifetime,
/// is ended and refused. The last-seen time is written only when a
/// twelfth of the idle time has passed (not on every request: that would
/// make every page a write), so a session may end up to that much early.
///
/// # Errors
/// The database fails.
pub async fn find_live<C: ConnectionTrait>(
    db: &C,
    site_id: i64,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<i64>> {
    let Some(s) = session::Entity::find_by_id(digest(token)).one(db).await? else {
        return Ok(None);
    };
    if s.site_id != site_id {
        return Ok(None);
    }
    let life = lifetime_of(db, s.user_id).await?;
    if now - s.last_seen_at > life.idle || now - s.created_at > life.absolute {
        let _ = session::Entity::delete_by_id(s.id).exec(db).await;
        return Ok(None);
    }
    if now - s.last_seen_at > (life.idle / 12).min(TimeDelta::hours(1)) {
        let mut am: session::ActiveModel = s.clone().into();
        am.last_seen_at = Set(now);
        am.expires_at = Set((now + life.idle).min(s.created_at + life.absolute));
        let _ = am.update(db).await;
    }
    Ok(Some(s.user_id))
}

/// End every session of a user and open one for the browser that asked
/// (a password changed, a second factor turned on: whoever held an older
/// session is out, the person goes on).
///
/// # Errors
/// The database fails.
pub async fn restart<C: ConnectionTrait>(
    db: &C,
    site_id: i64,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<(String, Lifetime)> {
    delete_for_user(db, user_id).await?;
    create(db, site_id, user_id, now).await
}

/// End a session.
pub async fn delete<C: ConnectionTrait>(db: &C, token: &str) -> Result<()> {
    session::Entity::delete_by_id(digest(token))
        .exec(db)
        .await?;
    Ok(())
}

/// End every session of a user (password change, account deletion).
pub async fn delete_for_user<C: ConnectionTrait>(db: &C, user_id: i64) -> Result<()> {
    session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_strictest_role_sets_the_lifetime() {
        let roles = |r: &[&str]| r.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(lifetime_for(&roles(&["citizen"]), false), CITIZEN);
        assert_eq!(lifetime_for(&roles(&["citizen", "staff"]), false), MEMBER);
        assert_eq!(lifetime_for(&roles(&["elected", "admin"]), false), ADMIN);
        assert_eq!(lifetime_for(&roles(&["citizen"]), true), ADMIN);
        assert!(ADMIN.idle < MEMBER.idle && MEMBER.idle < CITIZEN.idle);
    }
}
