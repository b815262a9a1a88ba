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

/// Text as the audit log keeps it: at most `max` characters, without the
/// characters the databases refuse (replaced), so that an entry is never
/// lost to what a plugin or a visitor typed.
fn kept(s: &str, max: usize) -> String {
    s.chars()
        .take(max)
        .map(|c| {
            if crate::storage::unstorable_char(c) {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

/// The subject under which the log names an account.
pub fn user_subject(username: &str) -> String {
    format!("user:{username}")
}

/// What replaces an erased account's username in the subjects of the log:
/// a keyed hash (server secret, site), the same for every entry about that
/// account, so that they still read as one person's, and not the name.
pub fn erased_subject(secret: &[u8], site_id: i64, username: &str) -> String {
    let mark = crate::web::ctx::sign(secret, &["erased-user", &site_id.to_string(), username]);
    format!("user:erased-{}", &mark[..12])
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
        actor: Set(kept(actor.name.as_deref().unwrap_or("anonymous"), 200)),
        plugin: Set(plugin.map(str::to_string)),
        action: Set(kept(action, 200)),
        subject: Set(kept(subject, 500)),
        details: Set(details.to_string()),
        ..Default::default()
    }
}
