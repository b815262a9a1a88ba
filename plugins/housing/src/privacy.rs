//! A person's data (RGPD): what the account's download holds, and what
//! erasing the account removes.
//!
//! What the plugin keeps, and for how long, is told to people looking for a
//! home under the contact and request forms (message `privacy-seeker`) and
//! to landlords when they ask for an account and on their space
//! (`privacy-landlord`), both with the `purge_months` setting as `months`:
//!
//! - a conversation (its messages) and a housing request are kept until
//!   `purge_months` months after the end of their period (`purge_on`,
//!   [`crate::lifecycle::purge`]); saved searches until their owner
//!   deletes them;
//! - a home stays until its landlord withdraws it; its exact address is
//!   given only to a person the landlord accepted;
//! - nothing is used for anything else.
//!
//! Erasing an account deletes the person's conversations as a seeker (with
//! their messages), requests and saved searches. A landlord's record is cut
//! from the person (`user_id` `erased-<id>`, names « Compte supprimé », no
//! phone nor description, suspended); their homes are withdrawn (those let
//! or expired stay so, for the season's figures), lose their exact address
//! and their photos; the conversations about them are deleted with their
//! messages.

use estive_sdk::db::Value;
use estive_sdk::prelude::*;

use crate::model::{
    Alert, Conversation, DRAFT, Home, HousingRequest, Message, PUBLISHED, SUBMITTED, SUSPENDED,
    WITHDRAWN,
};
use crate::{store, tables};

/// Most rows of a kind the download holds (a person has a few dozen).
const EXPORT_LIMIT: u32 = 5000;
/// Conversations whose messages are read at once.
const CHUNK: usize = 200;

/// The name an erased landlord's record keeps.
pub const ERASED_NAME: &str = "Compte supprimé";

/// The messages of conversations, by conversation, in their order.
fn messages_of(ids: &[i64]) -> Result<Vec<Message>, Error> {
    let mut out = Vec::new();
    for chunk in ids.chunks(CHUNK) {
        let batch: Vec<Message> = db::select(tables::MESSAGES)
            .filter(one_of(
                tables::messages::CONVERSATION_ID,
                chunk.iter().copied(),
            ))
            .order_asc(tables::messages::CONVERSATION_ID)
            .order_asc(tables::messages::CREATED_AT)
            .limit(10_000)
            .fetch()?;
        out.extend(batch);
    }
    Ok(out)
}

/// Conversations with their messages under `messages`.
fn with_messages(conversations: &[Conversation]) -> Result<Vec<serde_json::Value>, Error> {
    let ids: Vec<i64> = conversations.iter().map(|c| c.id).collect();
    let messages = messages_of(&ids)?;
    conversations
        .iter()
        .map(|c| {
            let mut v = serde_json::to_value(c)?;
            v["messages"] = json!(
                messages
                    .iter()
                    .filter(|m| m.conversation_id == c.id)
                    .collect::<Vec<_>>()
            );
            Ok(v)
        })
        .collect()
}

/// The person's landlord record and homes (without the photos' bytes: how
/// many each has), their conversations as a seeker and as a landlord with
/// the messages, their requests and saved searches.
///
/// # Errors
/// Storage failures.
pub fn export(user_id: &str) -> Result<serde_json::Value, Error> {
    let landlord = store::landlord_of(user_id)?;
    let (homes, as_landlord) = match &landlord {
        Some(l) => {
            let homes: Vec<Home> = db::select(tables::HOMES)
                .filter(eq(tables::homes::LANDLORD_ID, l.id))
                .order_asc(tables::homes::CREATED_AT)
                .limit(EXPORT_LIMIT)
                .fetch()?;
            let conversations: Vec<Conversation> = db::select(tables::CONVERSATIONS)
                .filter(eq(tables::conversations::LANDLORD_ID, l.id))
                .order_asc(tables::conversations::CREATED_AT)
                .limit(EXPORT_LIMIT)
                .fetch()?;
            (homes, with_messages(&conversations)?)
        }
        None => (Vec::new(), Vec::new()),
    };
    let as_seeker: Vec<Conversation> = db::select(tables::CONVERSATIONS)
        .filter(eq(tables::conversations::SEEKER_USER_ID, user_id))
        .order_asc(tables::conversations::CREATED_AT)
        .limit(EXPORT_LIMIT)
        .fetch()?;
    let requests: Vec<HousingRequest> = db::select(tables::REQUESTS)
        .filter(eq(tables::requests::USER_ID, user_id))
        .order_asc(tables::requests::CREATED_AT)
        .limit(EXPORT_LIMIT)
        .fetch()?;
    let alerts: Vec<Alert> = db::select(tables::ALERTS)
        .filter(eq(tables::alerts::USER_ID, user_id))
        .order_asc(tables::alerts::CREATED_AT)
        .limit(EXPORT_LIMIT)
        .fetch()?;
    Ok(json!({
        "about": "Logements saisonniers: your landlord record (`landlord`) and homes (`homes`, each with its number of photos, `photos`; the pictures themselves are on their pages), your conversations with landlords (`conversations_as_seeker`) and with people interested in your homes (`conversations_as_landlord`), each with its messages, your housing requests (`requests`) and saved searches (`alerts`).",
        "landlord": landlord,
        "homes": homes,
        "conversations_as_seeker": with_messages(&as_seeker)?,
        "conversations_as_landlord": as_landlord,
        "requests": requests,
        "alerts": alerts,
    }))
}

/// The ids of conversations matching a condition.
fn conversation_ids(condition: estive_sdk::db::Condition) -> Result<Vec<i64>, Error> {
    #[derive(serde::Deserialize)]
    struct Id {
        id: i64,
    }
    let mut ids = Vec::new();
    let mut offset = 0;
    loop {
        let batch: Vec<Id> = db::select(tables::CONVERSATIONS)
            .columns(&[tables::conversations::ID])
            .filter(condition.clone())
            .order_asc(tables::conversations::ID)
            .limit(10_000)
            .offset(offset)
            .fetch()?;
        let done = batch.len() < 10_000;
        ids.extend(batch.into_iter().map(|i| i.id));
        if done {
            return Ok(ids);
        }
        offset += 10_000;
    }
}

/// Deletes conversations and their messages.
fn delete_conversations(tx: &mut db::Transaction, ids: &[i64]) {
    for chunk in ids.chunks(CHUNK) {
        tx.delete(db::delete(tables::MESSAGES).filter(one_of(
            tables::messages::CONVERSATION_ID,
            chunk.iter().copied(),
        )));
        tx.delete(
            db::delete(tables::CONVERSATIONS)
                .filter(one_of(tables::conversations::ID, chunk.iter().copied())),
        );
    }
}

/// Erases the person's data (see the module's documentation).
///
/// # Errors
/// Storage failures (nothing is changed then: one transaction).
pub fn erase(user_id: &str) -> Result<(), Error> {
    let now = store::now_utc();
    let mut tx = db::transaction();
    let seeker = conversation_ids(eq(tables::conversations::SEEKER_USER_ID, user_id))?;
    delete_conversations(&mut tx, &seeker);
    tx.delete(db::delete(tables::REQUESTS).filter(eq(tables::requests::USER_ID, user_id)));
    tx.delete(db::delete(tables::ALERTS).filter(eq(tables::alerts::USER_ID, user_id)));
    tx.update(
        db::update(tables::HOMES)
            .filter(eq(tables::homes::CREATED_BY, user_id))
            .set(tables::homes::CREATED_BY, Value::Null),
    );
    if let Some(landlord) = store::landlord_of(user_id)? {
        use tables::homes as h;
        let theirs = conversation_ids(eq(tables::conversations::LANDLORD_ID, landlord.id))?;
        delete_conversations(&mut tx, &theirs);
        tx.update(
            db::update(tables::LANDLORDS)
                .filter(eq(tables::landlords::ID, landlord.id))
                .set(
                    tables::landlords::USER_ID,
                    format!("erased-{}", landlord.id),
                )
                .set(tables::landlords::USER_NAME, ERASED_NAME)
                .set(tables::landlords::NAME, ERASED_NAME)
                .set(tables::landlords::PHONE, Value::Null)
                .set(tables::landlords::DESCRIPTION, Value::Null)
                .set(tables::landlords::STATUS, SUSPENDED),
        );
        tx.update(
            db::update(tables::HOMES)
                .filter(eq(h::LANDLORD_ID, landlord.id))
                .filter(one_of(h::STATUS, [DRAFT, SUBMITTED, PUBLISHED]))
                .set(h::STATUS, WITHDRAWN)
                .set(h::CLOSED_AT, now.as_str()),
        );
        tx.update(
            db::update(tables::HOMES)
                .filter(eq(h::LANDLORD_ID, landlord.id))
                .set(h::ADDRESS, Value::Null)
                .set(h::LANDLORD_NAME, ERASED_NAME)
                .set(h::PHOTOS, 0)
                .set(h::COVER_PHOTO, Value::Null)
                .set(h::UPDATED_AT, now.as_str()),
        );
        let homes = home_ids(landlord.id)?;
        for chunk in homes.chunks(CHUNK) {
            tx.delete(
                db::delete(tables::PHOTOS)
                    .filter(one_of(tables::photos::HOME_ID, chunk.iter().copied())),
            );
        }
    }
    tx.commit()?;
    Ok(())
}

/// The ids of a landlord's homes.
fn home_ids(landlord_id: i64) -> Result<Vec<i64>, Error> {
    #[derive(serde::Deserialize)]
    struct Id {
        id: i64,
    }
    let rows: Vec<Id> = db::select(tables::HOMES)
        .columns(&[tables::homes::ID])
        .filter(eq(tables::homes::LANDLORD_ID, landlord_id))
        .limit(10_000)
        .fetch()?;
    Ok(rows.into_iter().map(|r| r.id).collect())
}
