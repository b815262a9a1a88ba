//! Rows the host writes beside a plugin's own (audit entries, outbox
//! events) and the rule on text the databases can hold. They live at the
//! bottom so that storage (a plugin's transaction), identity (the host's
//! audit) and events (the outbox) all build them the same way without
//! importing each other.

use sea_orm::ActiveValue::Set;

use crate::db::entities::{audit_entry, outbox_event};

/// Who is writing, for the audit log and events.
#[derive(Debug, Clone, Default)]
pub struct Actor {
    pub user_id: Option<i64>,
    pub name: Option<String>,
}

/// Whether the databases refuse this character in text. PostgreSQL's `text`
/// cannot hold U+0000 (it is the only valid UTF-8 it refuses; SQLite keeps
/// it), so it is refused on both, for both databases to behave alike.
pub fn unstorable_char(c: char) -> bool {
    c == '\0'
}

/// Whether `s` holds a character the databases refuse in text.
pub fn unstorable(s: &str) -> bool {
    s.contains(unstorable_char)
}

/// Text as the audit log keeps it: at most `max` characters, without the
/// characters the databases refuse (replaced), so that an entry is never
/// lost to what a plugin or a visitor typed.
fn kept(s: &str, max: usize) -> String {
    s.chars()
        .take(max)
        .map(|c| if unstorable_char(c) { '\u{fffd}' } else { c })
        .collect()
}

/// The audit row of an action done now.
pub fn audit_entry(
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

/// The row of an event published now, not yet delivered.
pub fn outbox_event(site_id: i64, topic: &str, payload: &str) -> outbox_event::ActiveModel {
    outbox_event::ActiveModel {
        site_id: Set(site_id),
        topic: Set(topic.to_string()),
        payload: Set(payload.to_string()),
        published_at: Set(chrono::Utc::now()),
        dispatched: Set(false),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audit_text_is_cut_and_cleaned() {
        let e = audit_entry(
            1,
            &Actor::default(),
            None,
            "a\0b",
            &"s".repeat(600),
            serde_json::json!({}),
        );
        assert_eq!(e.action.unwrap(), "a\u{fffd}b");
        assert_eq!(e.subject.unwrap().chars().count(), 500);
        assert_eq!(e.actor.unwrap(), "anonymous");
    }
}
