//! The audit log: who did what, when, on a site.

use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DbErr};

use crate::db::entities::audit_entry;
use crate::storage::Actor;

/// Record an action.
///
/// # Errors
/// The database fails.
pub async fn record<C: ConnectionTrait>(
    conn: &C,
    site_id: i64,
    actor: &Actor,
    plugin: Option<&str>,
    action: &str,
    subject: &str,
    details: serde_json::Value,
) -> Result<(), DbErr> {
    entry(site_id, actor, plugin, action, subject, details)
        .insert(conn)
        .await?;
    Ok(())
}

/// The row of an action done now.
pub fn entry(
    site_id: i64,
    actor: &Actor,
    plugin: Option<&str>,
    action: &str,
    subject: &str,
    details: serde_json::Value,
) -> audit_entry::ActiveModel {
    audit_entry::ActiveModel {
        site_id: Set(site_id),
        at: Set(chrono::Utc::now()),
        user_id: Set(actor.user_id),
        actor: Set(actor.name.clone().unwrap_or_else(|| "anonymous".into())),
        plugin: Set(plugin.map(str::to_string)),
        action: Set(action.chars().take(200).collect()),
        subject: Set(subject.chars().take(500).collect()),
        details: Set(details.to_string()),
        ..Default::default()
    }
}
