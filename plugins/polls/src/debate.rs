//! The discussion attached to a poll in the `forums` plugin: its latest
//! replies, kept from the `forums.replied` and `forums.reply-hidden`
//! events, shown on the poll page beside a link to join the debate.
//!
//! Plugins cannot read each other's tables, so the replies a page shows
//! are the ones forums announced: each post is one row of `debate_replies`
//! (unique on `post_id`), a hidden one stays as a row without its text so
//! that an older announcement delivered again cannot bring it back.
//! Events arrive at least once and in the order they were published; the
//! id of the last event applied to a post decides which one wins.

use estive_sdk::prelude::*;
use serde::{Deserialize, Serialize};

/// Replies shown on a poll page.
pub const SHOWN: u32 = 5;
/// Visible replies kept per poll: more than shown, so that hiding one
/// still leaves the page full.
const KEPT: usize = 10;
/// Longest excerpt kept, in characters (forums sends at most 280).
const EXCERPT_MAX: usize = 280;
/// Longest author name kept, in characters.
const NAME_MAX: usize = 120;

/// A row of `debate_replies`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub id: Option<i64>,
    pub poll_id: i64,
    pub topic_id: i64,
    pub post_id: i64,
    pub excerpt: String,
    pub author_name: Option<String>,
    /// When it was posted, RFC 3339 in UTC.
    pub at: String,
    /// Its portal path, when forums gave a usable one.
    pub url: Option<String>,
    pub hidden: bool,
    /// The id of the last event applied to this post.
    pub event_id: i64,
}

/// The `forums.replied` payload.
#[derive(Debug, Deserialize)]
struct Replied {
    subject_key: String,
    topic_id: i64,
    post_id: i64,
    #[serde(default)]
    excerpt: String,
    #[serde(default)]
    author_name: Option<String>,
    at: String,
    #[serde(default)]
    url: Option<String>,
}

/// The `forums.reply-hidden` payload.
#[derive(Debug, Deserialize)]
struct Hidden {
    subject_key: String,
    post_id: i64,
}

/// The poll a subject key names: `polls:<id>`; `None` for another
/// plugin's content.
pub fn poll_of(subject_key: &str) -> Option<i64> {
    let id = subject_key.strip_prefix("polls:")?;
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    id.parse().ok().filter(|id| *id > 0)
}

/// A link the page may print: a path on the site (not `//host`), or
/// http(s).
fn safe_url(url: Option<String>) -> Option<String> {
    url.filter(|u| {
        (u.starts_with('/') && !u.starts_with("//"))
            || u.starts_with("https://")
            || u.starts_with("http://")
    })
    .filter(|u| u.len() <= 500 && !u.chars().any(char::is_control))
}

fn cut(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let mut out: String = text.chars().take(max - 1).collect();
    out.push('…');
    out
}

/// The row a `forums.replied` event gives, when it is about a poll.
fn reply_of(payload: Replied, event_id: i64) -> Option<Reply> {
    let poll_id = poll_of(&payload.subject_key)?;
    Some(Reply {
        id: None,
        poll_id,
        topic_id: payload.topic_id,
        post_id: payload.post_id,
        excerpt: cut(&payload.excerpt, EXCERPT_MAX),
        author_name: payload
            .author_name
            .map(|n| cut(&n, NAME_MAX))
            .filter(|n| !n.is_empty()),
        at: payload.at,
        url: safe_url(payload.url),
        hidden: false,
        event_id,
    })
}

/// Whether an event with this id is newer than what the post's row holds.
fn is_newer(post_id: i64, event_id: i64) -> Result<bool, Error> {
    let known: Option<Reply> = db::select("debate_replies")
        .filter(eq("post_id", post_id))
        .first()?;
    Ok(known.is_none_or(|r| r.event_id < event_id))
}

/// `forums.replied`: keeps the reply, and only the latest few of its poll.
///
/// # Errors
///
/// A payload that is not the documented one, or a storage failure.
pub fn on_replied(event: &Event) -> Result<(), Error> {
    let payload: Replied = event.payload_as()?;
    let event_id = i64::try_from(event.id).unwrap_or(i64::MAX);
    let Some(reply) = reply_of(payload, event_id) else {
        return Ok(());
    };
    // A reply to a poll deleted since (or never on this site) is dropped.
    if db::count("polls").filter(eq("id", reply.poll_id)).get()? == 0
        || !is_newer(reply.post_id, event_id)?
    {
        return Ok(());
    }
    db::upsert("debate_replies", &reply, &["post_id"])?;
    prune(reply.poll_id)
}

/// `forums.reply-hidden`: the reply no longer shows; its row stays,
/// without its text, to outrank an older announcement delivered again.
///
/// # Errors
///
/// A payload that is not the documented one, or a storage failure.
pub fn on_hidden(event: &Event) -> Result<(), Error> {
    let payload: Hidden = event.payload_as()?;
    let event_id = i64::try_from(event.id).unwrap_or(i64::MAX);
    let Some(poll_id) = poll_of(&payload.subject_key) else {
        return Ok(());
    };
    if !is_newer(payload.post_id, event_id)? {
        return Ok(());
    }
    let tombstone = Reply {
        id: None,
        poll_id,
        topic_id: 0,
        post_id: payload.post_id,
        excerpt: String::new(),
        author_name: None,
        at: String::new(),
        url: None,
        hidden: true,
        event_id,
    };
    db::upsert("debate_replies", &tombstone, &["post_id"])?;
    Ok(())
}

/// Forgets the visible replies of a poll past the latest [`KEPT`].
fn prune(poll_id: i64) -> Result<(), Error> {
    let old: Vec<Reply> = db::select("debate_replies")
        .filter(eq("poll_id", poll_id))
        .filter(eq("hidden", false))
        .order_desc("at")
        .order_desc("post_id")
        .offset(KEPT as u32)
        .limit(100)
        .fetch()?;
    let ids: Vec<i64> = old.iter().filter_map(|r| r.id).collect();
    if !ids.is_empty() {
        db::delete("debate_replies")
            .filter(one_of("id", ids))
            .run()?;
    }
    Ok(())
}

/// The latest visible replies of a poll's discussion, newest first.
///
/// # Errors
///
/// A storage failure.
pub fn latest(poll_id: i64) -> Result<Vec<Reply>, Error> {
    db::select("debate_replies")
        .filter(eq("poll_id", poll_id))
        .filter(eq("hidden", false))
        .order_desc("at")
        .order_desc("post_id")
        .limit(SHOWN)
        .fetch()
}

/// The forums page of a poll's discussion, below the forums mount:
/// `/sujet/polls:<id>?titre=<title>` (see the forums README).
pub fn subject_path(poll_id: i64, title: &str) -> String {
    format!(
        "/sujet/polls:{poll_id}?titre={}",
        estive_sdk::url::encode(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_subject_keys_of_polls_name_a_poll() {
        assert_eq!(poll_of("polls:42"), Some(42));
        assert_eq!(poll_of("indicators:42"), None);
        assert_eq!(poll_of("polls:"), None);
        assert_eq!(poll_of("polls:0"), None);
        assert_eq!(poll_of("polls:+4"), None);
        assert_eq!(poll_of("polls:4-2"), None);
        assert_eq!(poll_of("polls:99999999999999999999"), None);
    }

    #[test]
    fn a_reply_keeps_a_tidy_excerpt_and_only_a_link_the_page_may_print() {
        let payload: Replied = serde_json::from_value(json!({
            "subject_key": "polls:3", "topic_id": 7, "post_id": 9,
            "excerpt": format!("Oui,\n  {}", "x".repeat(400)),
            "author_name": "Anne", "at": "2026-11-10T08:00:00Z",
            "url": "javascript:alert(1)",
        }))
        .unwrap();
        let reply = reply_of(payload, 12).unwrap();
        assert_eq!(reply.poll_id, 3);
        assert!(reply.excerpt.starts_with("Oui, xxx"));
        assert_eq!(reply.excerpt.chars().count(), EXCERPT_MAX);
        assert_eq!(reply.url, None);
        assert_eq!(reply.event_id, 12);
        assert_eq!(
            safe_url(Some("/debats/t/7#post-9".into())).as_deref(),
            Some("/debats/t/7#post-9")
        );
        assert_eq!(safe_url(Some("//evil.example/x".into())), None);
    }

    #[test]
    fn the_subject_path_carries_the_poll_title_encoded() {
        assert_eq!(
            subject_path(4, "Piscine & été"),
            format!(
                "/sujet/polls:4?titre={}",
                estive_sdk::url::encode("Piscine & été")
            )
        );
        assert!(!subject_path(4, "a b&c").contains(' '));
    }
}
