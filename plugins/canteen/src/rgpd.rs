//! What the plugin holds about a person (the staff who counted, locked or
//! unlocked days), for the RGPD download and erasure. Counts themselves
//! are about meals, never about children: there is nothing on pupils.

use estive_sdk::prelude::*;
use serde_json::Value;

use crate::model::{Day, HistoryEntry};

/// Everything linked to the user: the changes they made and the days they
/// last saved or locked.
///
/// # Errors
///
/// Storage failures.
pub fn export(user_id: &str) -> Result<Value, Error> {
    let changes: Vec<HistoryEntry> = db::select("history")
        .filter(eq("user_id", user_id))
        .order_asc("id")
        .limit(10_000)
        .fetch()?;
    let saved: Vec<Day> = db::select("days")
        .filter(eq("saved_by", user_id))
        .limit(10_000)
        .fetch()?;
    let locked: Vec<Day> = db::select("days")
        .filter(eq("locked_by", user_id))
        .limit(10_000)
        .fetch()?;
    Ok(json!({
        "changes": changes,
        "days_last_saved": saved.iter().map(|d| json!({ "school_id": d.school_id, "date": d.date, "saved_at": d.saved_at })).collect::<Vec<_>>(),
        "days_locked": locked.iter().map(|d| json!({ "school_id": d.school_id, "date": d.date, "locked_at": d.locked_at })).collect::<Vec<_>>(),
    }))
}

/// Removes the user's id and name from the history and the days; the
/// numbers stay (the canteen's billing depends on them).
///
/// # Errors
///
/// Storage failures; nothing is changed then.
pub fn erase(user_id: &str) -> Result<(), Error> {
    let mut tx = db::transaction();
    tx.update(
        db::update("history")
            .filter(eq("user_id", user_id))
            .set("user_id", None::<String>)
            .set("user_name", None::<String>),
    );
    tx.update(
        db::update("days")
            .filter(eq("saved_by", user_id))
            .set("saved_by", None::<String>)
            .set("saved_by_name", None::<String>),
    );
    tx.update(
        db::update("days")
            .filter(eq("locked_by", user_id))
            .set("locked_by", None::<String>)
            .set("locked_by_name", None::<String>),
    );
    tx.commit()?;
    Ok(())
}
