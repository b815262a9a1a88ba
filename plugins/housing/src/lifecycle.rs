//! The homes' clock, run hourly: a published home whose period has ended
//! (`available_to` before today) becomes `expired` (its page stays,
//! marked); conversations (with their messages) and housing requests
//! whose `purge_on` has passed are deleted, as the site promised people
//! (the end of their period + `purge_months`, set by the contact and
//! requests modules).
//!
//! Each transaction stays within the host's 1,000 operations: what is left
//! waits for the next run.

use estive_sdk::prelude::*;
use serde::Deserialize;

use crate::model::{EXPIRED, Home, PUBLISHED};
use crate::posting::{history_entry, with_history};
use crate::{store, tables};

/// The most homes expired in one transaction.
const EXPIRE_BATCH: u32 = 400;
/// The most operations of one purge transaction (below the host's 1,000,
/// leaving room for the audit entry).
const PURGE_OPERATIONS: usize = 990;
/// The most purge transactions of one run.
const PURGE_ROUNDS: usize = 20;

/// Published homes whose period ended become expired. Each is filtered on
/// the version read, so that a landlord's extension saved meanwhile wins.
///
/// # Errors
/// Storage failures.
pub fn housekeeping(_ctx: &Context) -> Result<(), Error> {
    expire().map(|_| ())
}

/// Expire the homes whose period ended; how many.
///
/// # Errors
/// Storage failures.
pub fn expire() -> Result<usize, Error> {
    let today = store::today().to_string();
    let now = store::now_utc();
    let mut total = 0;
    for _ in 0..PURGE_ROUNDS {
        let due: Vec<Home> = db::select(tables::HOMES)
            .filter(eq(tables::homes::STATUS, PUBLISHED))
            .filter(lt(tables::homes::AVAILABLE_TO, today.clone()))
            .order_asc(tables::homes::AVAILABLE_TO)
            .limit(EXPIRE_BATCH)
            .fetch()?;
        if due.is_empty() {
            break;
        }
        let mut tx = db::transaction();
        for home in &due {
            let details = with_history(&home.details, history_entry("expired", "", None));
            tx.update(
                db::update(tables::HOMES)
                    .filter(eq(tables::homes::ID, home.id))
                    .filter(eq(tables::homes::VERSION, home.version))
                    .set(tables::homes::STATUS, EXPIRED)
                    .set(tables::homes::CLOSED_AT, now.clone())
                    .set(tables::homes::UPDATED_AT, now.clone())
                    .set_json(tables::homes::DETAILS, &details)
                    .set(tables::homes::VERSION, home.version + 1),
            );
        }
        tx.audit(
            "housing.homes.expired",
            "housing:homes",
            &json!({ "homes": due.iter().map(|h| h.id).collect::<Vec<_>>() }),
        );
        tx.commit()?;
        total += due.len();
        if due.len() < EXPIRE_BATCH as usize {
            break;
        }
    }
    Ok(total)
}

#[derive(Deserialize)]
struct Id {
    id: i64,
}

#[derive(Deserialize)]
struct Tally {
    conversation_id: i64,
    count: i64,
}

/// Delete the conversations (their messages first) and the requests whose
/// `purge_on` is before today, in transactions of at most
/// [`PURGE_OPERATIONS`] operations.
///
/// # Errors
/// Storage failures.
pub fn purge(_ctx: &Context) -> Result<(), Error> {
    let today = store::today().to_string();
    purge_conversations(&today)?;
    purge_requests(&today)
}

fn purge_conversations(today: &str) -> Result<(), Error> {
    for _ in 0..PURGE_ROUNDS {
        let due: Vec<Id> = db::select(tables::CONVERSATIONS)
            .columns(&["id"])
            .filter(lt(tables::conversations::PURGE_ON, today.to_owned()))
            .order_asc(tables::conversations::PURGE_ON)
            .limit(PURGE_OPERATIONS as u32)
            .fetch()?;
        if due.is_empty() {
            return Ok(());
        }
        let ids: Vec<i64> = due.iter().map(|c| c.id).collect();
        // Counted to tell the audit log what went; each conversation is two
        // operations (its messages, itself) whatever their number.
        let tallies: Vec<Tally> = db::aggregate(tables::MESSAGES)
            .filter(one_of(tables::messages::CONVERSATION_ID, ids.clone()))
            .group_by(tables::messages::CONVERSATION_ID)
            .count("count")
            .fetch()?;
        let batch: Vec<i64> = ids.into_iter().take(PURGE_OPERATIONS / 2).collect();
        let messages: i64 = tallies
            .iter()
            .filter(|t| batch.contains(&t.conversation_id))
            .map(|t| t.count)
            .sum();
        let mut tx = db::transaction();
        for id in &batch {
            tx.delete(
                db::delete(tables::MESSAGES).filter(eq(tables::messages::CONVERSATION_ID, *id)),
            );
            tx.delete(db::delete(tables::CONVERSATIONS).filter(eq(tables::conversations::ID, *id)));
        }
        tx.audit(
            "housing.conversations.purged",
            "housing:conversations",
            &json!({ "conversations": batch.len(), "messages": messages }),
        );
        tx.commit()?;
        if batch.len() < PURGE_OPERATIONS / 2 {
            return Ok(());
        }
    }
    Ok(())
}

fn purge_requests(today: &str) -> Result<(), Error> {
    for _ in 0..PURGE_ROUNDS {
        let due: Vec<Id> = db::select(tables::REQUESTS)
            .columns(&["id"])
            .filter(lt(tables::requests::PURGE_ON, today.to_owned()))
            .order_asc(tables::requests::PURGE_ON)
            .limit(PURGE_OPERATIONS as u32)
            .fetch()?;
        if due.is_empty() {
            return Ok(());
        }
        let ids: Vec<i64> = due.iter().map(|r| r.id).collect();
        let mut tx = db::transaction();
        // One operation for the whole batch.
        tx.delete(db::delete(tables::REQUESTS).filter(one_of(tables::requests::ID, ids.clone())));
        tx.audit(
            "housing.requests.purged",
            "housing:requests",
            &json!({ "requests": ids.len() }),
        );
        tx.commit()?;
        if ids.len() < PURGE_OPERATIONS {
            return Ok(());
        }
    }
    Ok(())
}
