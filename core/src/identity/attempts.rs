//! Failed sign-in attempts, to slow down password guessing.

use anyhow::Result;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter,
};

use crate::db::entities::login_attempt;

/// Failed attempts for a key since a time.
pub async fn count<C: ConnectionTrait>(
    db: &C,
    site_id: i64,
    key: &str,
    since: chrono::DateTime<chrono::Utc>,
) -> Result<u64> {
    Ok(login_attempt::Entity::find()
        .filter(login_attempt::Column::SiteId.eq(site_id))
        .filter(login_attempt::Column::Key.eq(key))
        .filter(login_attempt::Column::At.gte(since))
        .count(db)
        .await?)
}

/// Record a failed attempt.
pub async fn record<C: ConnectionTrait>(db: &C, site_id: i64, key: &str) -> Result<()> {
    login_attempt::ActiveModel {
        site_id: Set(site_id),
        key: Set(key.chars().take(200).collect()),
        at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Forget the attempts of a key (after a successful sign-in).
pub async fn clear<C: ConnectionTrait>(db: &C, site_id: i64, key: &str) -> Result<()> {
    login_attempt::Entity::delete_many()
        .filter(login_attempt::Column::SiteId.eq(site_id))
        .filter(login_attempt::Column::Key.eq(key))
        .exec(db)
        .await?;
    Ok(())
}
