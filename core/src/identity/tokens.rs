//! One-time tokens sent by e-mail (password reset, invitation). The link
//! holds the token; the table holds its SHA-256, an expiry and when it was
//! used.

use anyhow::Result;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder,
};
use sha2::{Digest, Sha256};

use crate::db::entities::token;

/// What a token is for.
pub const RESET: &str = "reset";
pub const INVITATION: &str = "invitation";
/// A sign-in whose password was right, waiting for the second factor.
pub const SIGN_IN_CODE: &str = "sign-in-code";

fn digest(t: &str) -> String {
    hex::encode(Sha256::digest(t.as_bytes()))
}

/// Create a token; returns the secret to put in the link.
pub async fn create<C: ConnectionTrait>(
    db: &C,
    kind: &str,
    site_id: i64,
    user_id: Option<i64>,
    data: serde_json::Value,
    now: chrono::DateTime<chrono::Utc>,
    ttl: chrono::TimeDelta,
) -> Result<String> {
    let secret = crate::identity::sessions::new_token();
    token::ActiveModel {
        id: Set(digest(&secret)),
        kind: Set(kind.to_string()),
        site_id: Set(site_id),
        user_id: Set(user_id),
        data: Set(data.to_string()),
        expires_at: Set(now + ttl),
        used_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok(secret)
}

/// A live (unused, unexpired) token of a kind on a site.
pub async fn find_live<C: ConnectionTrait>(
    db: &C,
    kind: &str,
    site_id: i64,
    secret: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Option<token::Model>> {
    let Some(t) = token::Entity::find_by_id(digest(secret)).one(db).await? else {
        return Ok(None);
    };
    Ok(
        (t.kind == kind && t.site_id == site_id && t.used_at.is_none() && t.expires_at > now)
            .then_some(t),
    )
}

/// Mark a token used; false if it was used meanwhile (double submit).
pub async fn use_up<C: ConnectionTrait>(
    db: &C,
    t: &token::Model,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<bool> {
    let res = token::Entity::update_many()
        .col_expr(
            token::Column::UsedAt,
            sea_orm::sea_query::Expr::value(Some(now)),
        )
        .filter(token::Column::Id.eq(&t.id))
        .filter(token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Pending (unused, unexpired) tokens of a kind on a site, newest first.
pub async fn pending<C: ConnectionTrait>(
    db: &C,
    kind: &str,
    site_id: i64,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<token::Model>> {
    Ok(token::Entity::find()
        .filter(token::Column::Kind.eq(kind))
        .filter(token::Column::SiteId.eq(site_id))
        .filter(token::Column::UsedAt.is_null())
        .filter(token::Column::ExpiresAt.gt(now))
        .order_by_desc(token::Column::ExpiresAt)
        .all(db)
        .await?)
}
