//! Serde glue for `json` columns, which the host stores and returns as
//! JSON text.
//!
//! Use it with `#[serde(with = "estive_sdk::json_column")]` on a field of
//! a typed row: the field is written as JSON text and read back from it.
//!
//! ```
//! use serde::{Deserialize, Serialize};
//!
//! #[derive(Serialize, Deserialize, PartialEq, Debug)]
//! struct Form {
//!     title: String,
//!     #[serde(with = "estive_sdk::json_column")]
//!     questions: Vec<String>,
//! }
//!
//! let form = Form { title: "Inscription".into(), questions: vec!["Nom ?".into()] };
//! let row = serde_json::to_value(&form).unwrap();
//! assert_eq!(row["questions"], r#"["Nom ?"]"#);
//! assert_eq!(serde_json::from_value::<Form>(row).unwrap(), form);
//! ```
//!
//! A value that serialises to JSON `null` is written as NULL rather than
//! as the text `null`. Reading also accepts a value that is already
//! structured JSON rather than text. Note that the same struct put in a
//! view's context shows the field as text too; give templates a separate
//! type, or the value itself, when they need the structure.

use serde::de::{DeserializeOwned, Error as _};
use serde::ser::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// Writes a value as JSON text (or NULL for `null`).
///
/// # Errors
///
/// When the value cannot be represented as JSON (e.g. a map whose keys
/// are not texts).
pub fn serialize<T, S>(value: &T, serializer: S) -> Result<S::Ok, S::Error>
where
    T: Serialize + ?Sized,
    S: Serializer,
{
    match serde_json::to_value(value).map_err(S::Error::custom)? {
        Value::Null => serializer.serialize_none(),
        json => serializer.serialize_str(&json.to_string()),
    }
}

/// Reads a value from JSON text (or from JSON already parsed; NULL reads
/// as `null`).
///
/// # Errors
///
/// When the text is not JSON or does not fit `T`.
pub fn deserialize<'de, T, D>(deserializer: D) -> Result<T, D::Error>
where
    T: DeserializeOwned,
    D: Deserializer<'de>,
{
    match Value::deserialize(deserializer)? {
        Value::String(text) => serde_json::from_str(&text).map_err(D::Error::custom),
        json => serde_json::from_value(json).map_err(D::Error::custom),
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};
    use serde_json::json;

    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Row {
        #[serde(with = "super")]
        extra: Option<Vec<u32>>,
    }

    #[test]
    fn none_is_written_as_null_and_read_back() {
        let row = serde_json::to_value(Row { extra: None }).unwrap();
        assert_eq!(row, json!({ "extra": null }));
        assert_eq!(
            serde_json::from_value::<Row>(row).unwrap(),
            Row { extra: None }
        );
    }

    #[test]
    fn structured_json_is_accepted_when_reading() {
        let row: Row = serde_json::from_value(json!({ "extra": [1, 2] })).unwrap();
        assert_eq!(row.extra, Some(vec![1, 2]));
        let row: Row = serde_json::from_value(json!({ "extra": "[3]" })).unwrap();
        assert_eq!(row.extra, Some(vec![3]));
    }
}
