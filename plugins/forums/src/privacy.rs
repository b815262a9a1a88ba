//! RGPD: what the plugin holds about a person, and erasing it.
//!
//! Posts stay (a debate would lose its thread otherwise) but lose their
//! author: they show "deleted account". Everything else about the person
//! (follows, preference, notices, reports made, mentions, directory entry)
//! is removed, and their name is taken out of other people's notices. The
//! plugins that keep copies of the replies of attached discussions are
//! told to drop each of the person's replies and take it again without
//! the name.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use estive_sdk::prelude::*;
use serde_json::Value;

use crate::attached;
use crate::model::{self, Post, Report, Topic};
use crate::notify::Notice;

/// Everything held about a user.
///
/// # Errors
///
/// A storage failure.
pub fn export(user_id: &str) -> Result<Value, Error> {
    let posts: Vec<Post> = db::select("posts")
        .filter(eq("author_id", user_id))
        .order_asc("created_at")
        .limit(10_000)
        .fetch()?;
    let topics: Vec<Topic> = db::select("topics")
        .filter(eq("author_id", user_id))
        .limit(10_000)
        .fetch()?;
    let reports: Vec<Report> = db::select("reports")
        .filter(eq("reporter_id", user_id))
        .limit(10_000)
        .fetch()?;
    let follows = db::rows_to_maps(
        db::select("follows")
            .columns(&["target", "target_id", "created_at"])
            .filter(eq("user_id", user_id))
            .limit(10_000)
            .rows()?,
    );
    let notices: Vec<Notice> = db::select("notices")
        .filter(eq("user_id", user_id))
        .limit(10_000)
        .fetch()?;
    let preference = db::rows_to_maps(
        db::select("preferences")
            .columns(&["frequency", "updated_at"])
            .filter(eq("user_id", user_id))
            .rows()?,
    );
    let member = crate::members::find(user_id)?;
    Ok(json!({
        "member": member.map(|m| json!({ "name": m.name, "handle": m.handle, "hidden": m.hidden })),
        "topics": topics.iter().map(|t| json!({ "title": t.title, "created_at": t.created_at })).collect::<Vec<_>>(),
        "posts": posts.iter().map(|p| json!({
            "topic": p.title, "body": p.body, "alignment": p.alignment,
            "status": p.status, "created_at": p.created_at,
        })).collect::<Vec<_>>(),
        "reports": reports.iter().map(|r| json!({ "post_id": r.post_id, "reason": r.reason, "note": r.note, "created_at": r.created_at })).collect::<Vec<_>>(),
        "follows": follows,
        "notice_preference": preference.into_iter().next(),
        "notices": notices.iter().map(|n| json!({ "kind": n.kind, "title": n.title, "created_at": n.created_at })).collect::<Vec<_>>(),
    }))
}

/// Unlinks a user's posts and topics from the account and removes the
/// rest.
///
/// # Errors
///
/// A storage failure.
pub fn erase(ctx: &Context, user_id: &str) -> Result<(), Error> {
    let mut tx = db::transaction();
    announce_erased(&mut tx, ctx, user_id)?;
    tx.update(
        db::update("posts")
            .filter(eq("author_id", user_id))
            .set("author_id", "deleted")
            .set("author_name", ""),
    );
    tx.update(
        db::update("topics")
            .filter(eq("author_id", user_id))
            .set("author_id", "deleted")
            .set("author_name", ""),
    );
    tx.update(
        db::update("notices")
            .filter(eq("actor_id", user_id))
            .set("actor_id", None::<String>)
            .set("actor_name", None::<String>),
    );
    for (table, column) in [
        ("follows", "user_id"),
        ("preferences", "user_id"),
        ("notices", "user_id"),
        ("reports", "reporter_id"),
        ("mentions", "user_id"),
        ("members", "user_id"),
    ] {
        tx.delete(db::delete(table).filter(eq(column, user_id)));
    }
    tx.commit()?;
    Ok(())
}

/// Replies of an erased person that other plugins may show: withdrawn,
/// then announced again without the name (a subscriber that only adds
/// and removes by `post_id` ends up right too).
fn announce_erased(tx: &mut db::Transaction, ctx: &Context, user_id: &str) -> Result<(), Error> {
    let posts: Vec<Post> = db::select("posts")
        .filter(eq("author_id", user_id))
        .filter(eq("status", "published"))
        .order_desc("created_at")
        .limit(attached::MAX_PER_TOPIC)
        .fetch()?;
    let mut topics: BTreeMap<i64, Option<(Topic, model::Category)>> = BTreeMap::new();
    for p in &posts {
        if let Entry::Vacant(slot) = topics.entry(p.topic_id) {
            let topic = model::topic(p.topic_id)?;
            let shown = match topic.subject_key {
                Some(_) => {
                    let category = model::category(topic.category_id)?;
                    attached::shown_outside(&topic, &category).then_some((topic, category))
                }
                None => None,
            };
            slot.insert(shown);
        }
        if let Some(Some((topic, _))) = topics.get(&p.topic_id) {
            let mut anonymous = p.clone();
            anonymous.author_name = String::new();
            attached::announce(tx, ctx, topic, p, false);
            attached::announce(tx, ctx, topic, &anonymous, true);
        }
    }
    Ok(())
}
