//! Saved searches mailed once a day: which are due.
//!
//! A plugin that lets people save a search and mails them, once a day, what
//! is new keeps a table with these columns (the names matter, the table's
//! is the plugin's):
//!
//! ```toml
//! [[tables]]
//! name = "alerts"
//! columns = [
//!   { name = "user_id", type = "text", required = true },
//!   { name = "name", type = "text", required = true },
//!   { name = "query", type = "json", required = true, default = "{}" },
//!   { name = "created_at", type = "datetime", required = true },
//!   { name = "last_sent_on", type = "date" },
//!   { name = "seen_until", type = "datetime" },
//! ]
//! indexes = [["user_id"], ["last_sent_on"]]
//! ```
//!
//! Its digest task, run every quarter of an hour, asks [`due`] for the
//! searches not yet checked today of a bounded number of people (the host
//! sends at most 50 mails a call), sends each person one mail for all of
//! them, then marks every search checked with [`mark`], mail or not: the
//! next call takes the next people, and a refused mail is never retried
//! forever.

use std::collections::BTreeMap;

use estive_sdk::db::{self, Transaction};
use estive_sdk::prelude::*;
use serde::{Deserialize, Serialize};

/// A saved search, as the table holds it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SavedSearch {
    /// The row's id.
    pub id: i64,
    /// Whose search it is.
    pub user_id: String,
    /// The name its owner gave it.
    pub name: String,
    /// The search's filters, as the plugin writes them.
    #[serde(with = "estive_sdk::json_column")]
    pub query: serde_json::Value,
    /// When it was saved (RFC 3339, UTC): what is newer is mailed the first
    /// time.
    pub created_at: String,
    /// The local day it was last checked.
    pub last_sent_on: Option<String>,
    /// The publication time of the newest item already mailed.
    pub seen_until: Option<String>,
}

impl SavedSearch {
    /// What is newer than this was not mailed yet.
    pub fn since(&self) -> &str {
        self.seen_until.as_deref().unwrap_or(&self.created_at)
    }
}

/// The searches of `table` not yet checked on `today`, of at most `people`
/// people (in the order of their ids), by person, oldest search first.
///
/// # Errors
/// Storage failures.
pub fn due(
    table: &str,
    today: Date,
    people: u32,
) -> Result<BTreeMap<String, Vec<SavedSearch>>, Error> {
    let today = today.to_string();
    // Never checked, or last checked before today (the storage has no
    // `OR`: two conditions, two reads).
    let conditions = || [is_null("last_sent_on"), lt("last_sent_on", today.as_str())];
    #[derive(Deserialize)]
    struct Person {
        user_id: String,
    }
    let mut chosen: Vec<String> = Vec::new();
    for condition in conditions() {
        let found: Vec<Person> = db::aggregate(table)
            .filter(condition)
            .group_by("user_id")
            .count("searches")
            .order_asc("user_id")
            .limit(people)
            .fetch()?;
        for p in found {
            if chosen.len() < people as usize && !chosen.contains(&p.user_id) {
                chosen.push(p.user_id);
            }
        }
    }
    let mut by_person: BTreeMap<String, Vec<SavedSearch>> = BTreeMap::new();
    if chosen.is_empty() {
        return Ok(by_person);
    }
    for condition in conditions() {
        let searches: Vec<SavedSearch> = db::select(table)
            .filter(condition)
            .filter(one_of("user_id", chosen.iter().map(String::as_str)))
            .order_asc("id")
            .limit(10_000)
            .fetch()?;
        for search in searches {
            by_person
                .entry(search.user_id.clone())
                .or_default()
                .push(search);
        }
    }
    for searches in by_person.values_mut() {
        searches.sort_by_key(|s| s.id);
    }
    Ok(by_person)
}

/// Marks a search checked on `today`, with the newest item mailed.
pub fn mark(tx: &mut Transaction, table: &str, id: i64, today: Date, seen_until: &str) {
    tx.update(
        db::update(table)
            .filter(eq("id", id))
            .set("last_sent_on", today.to_string())
            .set("seen_until", seen_until),
    );
}
