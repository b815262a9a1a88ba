//! The outbox: events are rows written with the data change that caused
//! them; a dispatcher delivers them to the subscribed plugins of the site.

use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DbErr};

use crate::db::entities::outbox_event;

/// Store an event for delivery. Returns its id.
///
/// # Errors
/// The database fails.
pub async fn publish<C: ConnectionTrait>(
    conn: &C,
    site_id: i64,
    topic: &str,
    payload: &str,
) -> Result<i64, DbErr> {
    Ok(event(site_id, topic, payload).insert(conn).await?.id)
}

/// The row of an event published now, not yet delivered.
pub fn event(site_id: i64, topic: &str, payload: &str) -> outbox_event::ActiveModel {
    outbox_event::ActiveModel {
        site_id: Set(site_id),
        topic: Set(topic.to_string()),
        payload: Set(payload.to_string()),
        published_at: Set(chrono::Utc::now()),
        dispatched: Set(false),
        ..Default::default()
    }
}
