//! What the plugin holds about a person (RGPD): the opinions they gave and
//! the values they entered.

use estive_sdk::prelude::*;

use crate::model::{Measurement, Opinion};

/// Everything held about a user, for their data download.
///
/// # Errors
///
/// When storage fails.
pub fn export(user_id: &str) -> Result<serde_json::Value, Error> {
    let opinions: Vec<Opinion> = db::select("opinions")
        .filter(eq("user_id", user_id))
        .limit(10_000)
        .fetch()?;
    let measurements: Vec<Measurement> = db::select("measurements")
        .filter(eq("author_id", user_id))
        .limit(10_000)
        .fetch()?;
    Ok(json!({
        "opinions": opinions.iter().map(|o| json!({
            "action_id": o.action_id, "rating": o.rating, "comment": o.comment,
            "status": o.status, "created_at": o.created_at, "reason": o.reason,
        })).collect::<Vec<_>>(),
        "measurements_entered": measurements.iter().map(|m| json!({
            "indicator_id": m.indicator_id, "measured_on": m.measured_on, "commune": m.commune,
            "value": m.value, "comment": m.comment, "created_at": m.created_at,
        })).collect::<Vec<_>>(),
    }))
}

/// Erases a user's opinions and removes their name from the values they
/// entered (the values stay: they are the territory's, not theirs).
///
/// # Errors
///
/// When storage fails.
pub fn erase(user_id: &str) -> Result<(), Error> {
    let mut tx = db::transaction();
    tx.delete(db::delete("opinions").filter(eq("user_id", user_id)));
    tx.update(
        db::update("measurements")
            .filter(eq("author_id", user_id))
            .set("author_id", None::<String>)
            .set("author_name", ""),
    );
    tx.commit()?;
    Ok(())
}
