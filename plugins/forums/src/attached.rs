//! Attached discussions, as other plugins learn of them.
//!
//! A plugin that shows the latest replies of the discussion attached to its
//! content (`polls:42`) keeps a copy of them, since plugins cannot read each
//! other's tables. That copy is only as safe as the events that feed it: a
//! reply is announced (`forums.replied`) when it becomes visible to anyone
//! on the portal, and withdrawn (`forums.reply-hidden`) as soon as it stops
//! being so, whatever the cause (moderator, reports, hidden author, topic
//! hidden or moved to a private category, category made private). A reply
//! of a private category is never announced: its excerpt would leave the
//! working group. Both events are keyed by `post_id` and may come twice for
//! the same state (two moderators at once), so subscribers apply them as
//! "put" and "remove".

use estive_sdk::db::Transaction;
use estive_sdk::prelude::*;
use serde_json::Value;

use crate::markdown;
use crate::model::{Category, Post, Topic};

/// The event of a reply becoming visible.
pub const REPLIED: &str = "replied";
/// The event of a reply no longer visible.
pub const HIDDEN: &str = "reply-hidden";

/// Replies of one topic announced or withdrawn at once (a topic hidden or
/// moved): the latest ones, which are those a "latest replies" block
/// shows. Keeps a transaction well under the host's cap on operations.
pub const MAX_PER_TOPIC: u32 = 200;

/// Replies announced or withdrawn by one change of a category.
const MAX_PER_CATEGORY: usize = 800;

/// Whether the published replies of a topic are visible on the portal,
/// and so may be shown by the plugin whose content it discusses.
pub fn shown_outside(topic: &Topic, category: &Category) -> bool {
    topic.subject_key.is_some() && topic.status == "open" && !topic.hidden && !category.is_private()
}

/// The `forums.replied` payload of a reply: what other plugins need to
/// show it. `None` for a topic that is not attached to anything.
pub fn replied_payload(ctx: &Context, topic: &Topic, post: &Post, post_id: i64) -> Option<Value> {
    let key = topic.subject_key.as_ref()?;
    Some(json!({
        "subject_key": key,
        "topic_id": topic.id(),
        "post_id": post_id,
        "excerpt": markdown::excerpt(&post.body, 280),
        "author_name": post.author_name,
        "at": post.created_at,
        "url": ctx.url_in("portal", &format!("/t/{}#post-{post_id}", topic.id())),
    }))
}

/// The `forums.reply-hidden` payload of a reply.
pub fn hidden_payload(topic: &Topic, post_id: i64) -> Option<Value> {
    let key = topic.subject_key.as_ref()?;
    Some(json!({ "subject_key": key, "topic_id": topic.id(), "post_id": post_id }))
}

/// Adds to a transaction the event of one reply becoming visible
/// (`shown`) or not, when the topic is attached.
pub fn announce(tx: &mut Transaction, ctx: &Context, topic: &Topic, post: &Post, shown: bool) {
    let payload = if shown {
        replied_payload(ctx, topic, post, post.id())
    } else {
        hidden_payload(topic, post.id())
    };
    if let Some(p) = payload {
        tx.publish(if shown { REPLIED } else { HIDDEN }, &p);
    }
}

/// The published replies of a topic, latest first, at most `limit`.
///
/// # Errors
///
/// A storage failure.
pub fn visible_replies(topic_id: i64, limit: u32) -> Result<Vec<Post>, Error> {
    db::select("posts")
        .filter(eq("topic_id", topic_id))
        .filter(eq("status", "published"))
        .order_desc("created_at")
        .order_desc("id")
        .limit(limit)
        .fetch()
}

/// Adds the events of a topic whose replies all change visibility: `before`
/// and `after` are the topic and its category before and after the change.
/// Nothing when the visibility does not change.
///
/// # Errors
///
/// A storage failure while reading the replies.
pub fn topic_changed(
    tx: &mut Transaction,
    ctx: &Context,
    before: (&Topic, &Category),
    after: (&Topic, &Category),
) -> Result<usize, Error> {
    let (was, is) = (
        shown_outside(before.0, before.1),
        shown_outside(after.0, after.1),
    );
    if was == is {
        return Ok(0);
    }
    let replies = visible_replies(after.0.id(), MAX_PER_TOPIC)?;
    for p in &replies {
        announce(tx, ctx, after.0, p, is);
    }
    Ok(replies.len())
}

/// Adds the events of a category that becomes private or public: each of
/// its attached topics' visible replies is withdrawn or announced.
///
/// # Errors
///
/// A storage failure while reading topics or replies.
pub fn category_changed(
    tx: &mut Transaction,
    ctx: &Context,
    before: &Category,
    after: &Category,
) -> Result<usize, Error> {
    if before.is_private() == after.is_private() {
        return Ok(0);
    }
    let topics: Vec<Topic> = db::select("topics")
        .filter(eq("category_id", before.id()))
        .filter(not_null("subject_key"))
        .filter(eq("status", "open"))
        .filter(eq("hidden", false))
        .order_desc("last_post_at")
        .limit(500)
        .fetch()?;
    let mut sent = 0;
    for t in &topics {
        if sent >= MAX_PER_CATEGORY {
            break;
        }
        sent += topic_changed(tx, ctx, (t, before), (t, after))?;
    }
    Ok(sent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topic() -> Topic {
        Topic {
            id: Some(1),
            category_id: 1,
            title: "T".into(),
            subject_key: Some("polls:42".into()),
            author_id: "1".into(),
            author_name: "A".into(),
            status: "open".into(),
            hidden: false,
            locked: false,
            pinned: false,
            closed: false,
            conclusion: None,
            concluded_by: None,
            concluded_at: None,
            created_at: String::new(),
            last_post_at: String::new(),
        }
    }

    fn category(private: bool) -> Category {
        Category {
            id: Some(1),
            slug: "discussions".into(),
            title: "D".into(),
            description: None,
            visibility: if private { "private" } else { "public" }.into(),
            group_slug: private.then(|| "voirie".into()),
            position: 0,
            created_at: None,
        }
    }

    #[test]
    fn replies_are_shown_outside_only_for_open_visible_attached_public_topics() {
        let public = category(false);
        assert!(shown_outside(&topic(), &public));
        assert!(!shown_outside(&topic(), &category(true)));
        let mut t = topic();
        t.hidden = true;
        assert!(!shown_outside(&t, &public));
        let mut t = topic();
        t.subject_key = None;
        assert!(!shown_outside(&t, &public));
        let mut t = topic();
        t.status = "rejected".into();
        assert!(!shown_outside(&t, &public));
        // Locked or concluded debates still show what was said.
        let mut t = topic();
        t.locked = true;
        t.closed = true;
        assert!(shown_outside(&t, &public));
    }

    #[test]
    fn replied_event_is_only_for_attached_discussions() {
        let site = estive_sdk::Site {
            slug: "s".into(),
            name: "S".into(),
            base_url: "https://s.example".into(),
            timezone: "Europe/Paris".into(),
        };
        let ctx = Context::new(site, "fr").with_mount("portal", "/debats");
        let mut t = topic();
        t.subject_key = None;
        let post = Post {
            id: None,
            topic_id: 1,
            category_id: 1,
            title: "T".into(),
            author_id: "4".into(),
            author_name: "Claire".into(),
            body: "**Oui**, d'accord.".into(),
            alignment: Some("for".into()),
            status: "published".into(),
            hidden_reason: None,
            opening: false,
            form_token: "x".into(),
            created_at: "2026-11-28T10:00:00Z".into(),
            moderated_at: None,
        };
        assert_eq!(replied_payload(&ctx, &t, &post, 9), None);
        assert_eq!(hidden_payload(&t, 9), None);
        t.subject_key = Some("polls:42".into());
        let payload = replied_payload(&ctx, &t, &post, 9).unwrap();
        assert_eq!(payload["subject_key"], "polls:42");
        assert_eq!(payload["topic_id"], 1);
        assert_eq!(payload["post_id"], 9);
        assert_eq!(payload["excerpt"], "Oui, d'accord.");
        assert_eq!(payload["author_name"], "Claire");
        assert_eq!(payload["at"], "2026-11-28T10:00:00Z");
        assert_eq!(payload["url"], "/debats/t/1#post-9");
        assert_eq!(
            hidden_payload(&t, 9).unwrap(),
            json!({ "subject_key": "polls:42", "topic_id": 1, "post_id": 9 })
        );
    }
}
