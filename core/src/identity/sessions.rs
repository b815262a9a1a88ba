//! Sessions in the database: the browser holds a random token, the table
//! holds its SHA-256, so a leaked table gives no usable session.

use anyhow::Result;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};
use sha2::{Digest, Sha256};

use crate::db::entities::session;

/// Idle time after which a session ends.
pub const IDLE: chrono::TimeDelta = chrono::TimeDelta::days(14);

fn digest(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A new random token (URL-safe).
pub fn new_token() -> String {
    use base64::Engine as _;
    let bytes: [u8; 32] = rand::random();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Start a session for a user; returns the token for the cookie.
///
/// # Errors
/// The database fails.
pub async fn create<C: ConnectionTrait>(db: &C, site_id: i64, user_id: i64) -> Result<String> {
    let token = new_token();
    let now = chrono::Utc::now();
    session::ActiveModel {
        id: Set(digest(&token)),
        site_id: Set(site_id),
        user_id: Set(user_id),
        created_at: Set(now),
        expires_at: Set(now + IDLE),
        last_seen_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The user of a live session on a site, extending it when it was last
/// seen more than an hour ago (not on every request: that would make every
/// page a write).
///
/// # Errors
/// The database fails.
pub async fn find_live<C: ConnectionTrait>(
    db: &C,
    site_id: i64,
    token: &str,
) -> Result<Option<i64>> {
    let Some(s) = session::Entity::find_by_id(digest(token)).one(db).await? else {
        return Ok(None);
    };
    let now = chrono::Utc::now();
    if s.site_id != site_id || s.expires_at < now {
        return Ok(None);
    }
    if now - s.last_seen_at > chrono::TimeDelta::hours(1) {
        let mut am: session::ActiveModel = s.clone().into();
        am.last_seen_at = Set(now);
        am.expires_at = Set(now + IDLE);
        let _ = am.update(db).await;
    }
    Ok(Some(s.user_id))
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
