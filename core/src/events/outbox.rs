//! The outbox: events are rows written with the data change that caused
//! them; a dispatcher delivers them to the subscribed plugins of the site.

use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr};

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

/// The row of an event published now (see [`crate::db::rows::outbox_event`]).
pub use crate::db::rows::outbox_event as event;
