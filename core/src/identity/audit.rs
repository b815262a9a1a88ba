//! The audit log: who did what, when, on a site.

use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr};

use crate::db::rows::Actor;

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

/// The subject under which the log names an account.
pub fn user_subject(username: &str) -> String {
    format!("user:{username}")
}

/// What replaces an erased account's username in the subjects of the log:
/// a keyed hash (server secret, site), the same for every entry about that
/// account, so that they still read as one person's, and not the name.
pub fn erased_subject(secret: &[u8], site_id: i64, username: &str) -> String {
    let mark = crate::keyed::sign(secret, &["erased-user", &site_id.to_string(), username]);
    format!("user:erased-{}", &mark[..12])
}

/// The row of an action done now (see [`crate::db::rows::audit_entry`]).
pub use crate::db::rows::audit_entry as entry;
