//! The discussion attached to an action, as the forums plugin tells of it.
//!
//! An action's debate lives in the forums plugin under the subject key
//! `indicators:action-<id>`; plugins cannot read each other's tables, so
//! forums publishes `forums.replied` for each reply that becomes visible
//! and `forums.reply-hidden` when one is hidden or refused later. The
//! latest few replies of each action are kept here and shown on the
//! action's public page beside a link to join the debate. A hidden reply
//! stays as a row without its text, and each row remembers the last event
//! applied to it: events arrive at least once, so an older announcement
//! delivered again must not bring a hidden reply back.

use estive_sdk::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Topics this module handles.
pub const REPLIED: &str = "forums.replied";
pub const REPLY_HIDDEN: &str = "forums.reply-hidden";

/// Replies kept per action: more than are shown, so that hiding one
/// still leaves enough to show.
const KEPT: u32 = 10;

/// Replies shown on the action's page.
const SHOWN: u32 = 5;

/// The subject key of an action's discussion, as forums accepts it
/// (`<plugin>:<id>`, the id of letters, digits, `-` and `_`).
pub fn subject_key(action_id: i64) -> String {
    format!("indicators:action-{action_id}")
}

/// The action a subject key names, if it is one of ours.
pub fn action_of(key: &str) -> Option<i64> {
    let id = key.strip_prefix("indicators:action-")?;
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    id.parse().ok().filter(|id| *id > 0)
}

/// A reply of an action's discussion, as kept.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub id: Option<i64>,
    pub action_id: i64,
    pub topic_id: i64,
    pub post_id: i64,
    pub excerpt: String,
    pub author_name: String,
    /// When it was written, RFC 3339.
    pub at: Option<String>,
    /// The post's address on the portal (a path or an http(s) URL), or
    /// empty.
    pub url: String,
    /// Hidden in forums since: the row stays, without its text, so that an
    /// older announcement delivered again cannot bring the reply back.
    #[serde(default)]
    pub hidden: bool,
    /// The id of the last event applied to this post: events arrive at
    /// least once, and only a newer one changes the row.
    #[serde(default)]
    pub event_id: i64,
}

/// The `forums.replied` payload read into a reply of one of our actions;
/// `None` for another plugin's subject or a payload without its ids.
pub fn reply_from(payload: &Value) -> Option<Reply> {
    let action_id = action_of(payload.get("subject_key")?.as_str()?)?;
    let topic_id = payload.get("topic_id")?.as_i64()?;
    let post_id = payload.get("post_id")?.as_i64()?;
    let text = |name: &str, max: usize| -> String {
        let text = payload.get(name).and_then(Value::as_str).unwrap_or("");
        let clean: String = text.chars().filter(|c| !c.is_control()).collect();
        let trimmed = clean.trim();
        if trimmed.chars().count() > max {
            trimmed.chars().take(max - 1).collect::<String>() + "…"
        } else {
            trimmed.to_owned()
        }
    };
    let url = text("url", 500);
    let url = if url.starts_with('/') || url.starts_with("https://") || url.starts_with("http://") {
        url
    } else {
        String::new()
    };
    let at = payload
        .get("at")
        .and_then(Value::as_str)
        .filter(|at| {
            // RFC 3339: the date and time, then the offset.
            at.get(..19)
                .and_then(estive_sdk::dates::DateTime::parse)
                .is_some()
        })
        .map(str::to_owned);
    Some(Reply {
        id: None,
        action_id,
        topic_id,
        post_id,
        excerpt: text("excerpt", 300),
        author_name: text("author_name", 100),
        at,
        url,
        hidden: false,
        event_id: 0,
    })
}

/// Handles a forums event; other topics are not this module's.
///
/// # Errors
///
/// When storage fails (the host offers the event again later).
pub fn receive(topic: &str, payload: &Value, event_id: i64) -> Result<(), Error> {
    match topic {
        REPLIED => {
            let Some(mut reply) = reply_from(payload) else {
                log::debug!("forums.replied for another subject: ignored");
                return Ok(());
            };
            let exists = db::count("actions")
                .filter(eq("id", reply.action_id))
                .get()?
                > 0;
            if !exists || !is_newer(reply.post_id, event_id)? {
                return Ok(());
            }
            reply.event_id = event_id;
            db::upsert("discussion_replies", &reply, &["post_id"])?;
            prune(reply.action_id)
        }
        REPLY_HIDDEN => {
            let post_id = payload.get("post_id").and_then(Value::as_i64);
            let action_id = payload
                .get("subject_key")
                .and_then(Value::as_str)
                .and_then(action_of);
            let (Some(post_id), Some(action_id)) = (post_id, action_id) else {
                return Ok(());
            };
            if !is_newer(post_id, event_id)? {
                return Ok(());
            }
            let tombstone = Reply {
                id: None,
                action_id,
                topic_id: payload.get("topic_id").and_then(Value::as_i64).unwrap_or(0),
                post_id,
                excerpt: String::new(),
                author_name: String::new(),
                at: None,
                url: String::new(),
                hidden: true,
                event_id,
            };
            db::upsert("discussion_replies", &tombstone, &["post_id"])?;
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Whether an event with this id is newer than what the post's row holds.
fn is_newer(post_id: i64, event_id: i64) -> Result<bool, Error> {
    let known: Option<Reply> = db::select("discussion_replies")
        .filter(eq("post_id", post_id))
        .first()?;
    Ok(known.is_none_or(|r| r.event_id < event_id))
}

fn prune(action_id: i64) -> Result<(), Error> {
    #[derive(Deserialize)]
    struct Row {
        id: i64,
    }
    let old: Vec<Row> = db::select("discussion_replies")
        .columns(&["id"])
        .filter(eq("action_id", action_id))
        .filter(eq("hidden", false))
        .order_desc("at")
        .order_desc("post_id")
        .offset(KEPT)
        .limit(1000)
        .fetch()?;
    if !old.is_empty() {
        db::delete("discussion_replies")
            .filter(one_of("id", old.iter().map(|r| r.id)))
            .run()?;
    }
    Ok(())
}

/// The latest replies of an action's discussion, newest first.
///
/// # Errors
///
/// When storage fails.
pub fn latest(action_id: i64) -> Result<Vec<Reply>, Error> {
    db::select("discussion_replies")
        .filter(eq("action_id", action_id))
        .filter(eq("hidden", false))
        .order_desc("at")
        .order_desc("post_id")
        .limit(SHOWN)
        .fetch()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subject_keys_name_an_action_and_only_ours_are_read_back() {
        assert_eq!(subject_key(3), "indicators:action-3");
        assert_eq!(action_of(&subject_key(42)), Some(42));
        assert_eq!(action_of("polls:3"), None);
        assert_eq!(action_of("indicators:action-"), None);
        assert_eq!(action_of("indicators:action-3b"), None);
        assert_eq!(action_of("indicators:action-0"), None);
        assert_eq!(action_of("indicators:axis-3"), None);
    }

    #[test]
    fn a_reply_payload_is_read_with_its_text_bounded_and_a_strange_url_dropped() {
        let payload = json!({
            "subject_key": "indicators:action-7",
            "topic_id": 2,
            "post_id": 9,
            "excerpt": format!("Bonne idée\u{7} {}", "x".repeat(400)),
            "author_name": "Zoé",
            "at": "2026-06-14T08:00:00Z",
            "url": "javascript:alert(1)",
        });
        let reply = reply_from(&payload).unwrap();
        assert_eq!((reply.action_id, reply.topic_id, reply.post_id), (7, 2, 9));
        assert!(reply.excerpt.starts_with("Bonne idée x"));
        assert_eq!(reply.excerpt.chars().count(), 300);
        assert_eq!(reply.author_name, "Zoé");
        assert_eq!(reply.at.as_deref(), Some("2026-06-14T08:00:00Z"));
        assert_eq!(reply.url, "");
        let other = json!({ "subject_key": "polls:7", "topic_id": 2, "post_id": 9 });
        assert_eq!(reply_from(&other), None);
        let no_post = json!({ "subject_key": "indicators:action-7", "topic_id": 2 });
        assert_eq!(reply_from(&no_post), None);
    }
}
