//! A row's history of decisions, kept in a `json` column beside the row
//! (`{"history": [...]}`): who did what, when, and why. Boards of
//! moderated listings (jobs, housing) show it to the poster and to staff.
//!
//! ```
//! use estive_kit::history::{appended, MAX};
//! use serde_json::json;
//!
//! let mut details = json!({ "other": 1 });
//! for i in 0..MAX + 3 {
//!     details = appended(&details, json!({ "what": "edited", "n": i }));
//! }
//! assert_eq!(details["history"].as_array().unwrap().len(), MAX);
//! assert_eq!(details["history"][0]["n"], 3);
//! assert_eq!(details["other"], 1);
//! ```

use serde_json::{Value, json};

/// The most entries kept: the oldest go first.
pub const MAX: usize = 50;

/// An entry made now: what was done (a word the plugin translates), by
/// whom (a name to show) and why, if a reason was given.
pub fn entry(what: &str, by: &str, reason: Option<&str>) -> Value {
    json!({ "at": estive_sdk::clock::now().utc, "what": what, "by": by, "reason": reason })
}

/// The details with one more history entry (the oldest dropped past
/// [`MAX`]); details that are not an object start afresh.
pub fn appended(details: &Value, entry: Value) -> Value {
    let mut details = match details {
        Value::Object(map) => Value::Object(map.clone()),
        _ => json!({}),
    };
    let mut history: Vec<Value> = details
        .get("history")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    history.push(entry);
    if history.len() > MAX {
        history.drain(..history.len() - MAX);
    }
    details["history"] = Value::Array(history);
    details
}
