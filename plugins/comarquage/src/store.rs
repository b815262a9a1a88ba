//! Rows of the plugin's tables and the small queries every page needs.

use std::collections::BTreeMap;

use estive_sdk::dates::{Date, DateTime};
use estive_sdk::prelude::*;
use serde::{Deserialize, Serialize};

use crate::feed::{Link, Problem};
use crate::source::Spec;

/// `json` columns whose NULL reads as the type's default (an empty list
/// or map), written as JSON text like `estive_sdk::json_column`.
pub mod json_or_default {
    use serde::de::{DeserializeOwned, Error as _};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use serde_json::Value;

    /// Writes the value as JSON text.
    ///
    /// # Errors
    ///
    /// When the value is not representable as JSON.
    pub fn serialize<T: Serialize + ?Sized, S: Serializer>(
        value: &T,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        estive_sdk::json_column::serialize(value, s)
    }

    /// Reads JSON text, structured JSON, or NULL as the default.
    ///
    /// # Errors
    ///
    /// When the text is not JSON that fits `T`.
    pub fn deserialize<'de, T: DeserializeOwned + Default, D: Deserializer<'de>>(
        d: D,
    ) -> Result<T, D::Error> {
        match Value::deserialize(d)? {
            Value::Null => Ok(T::default()),
            Value::String(text) => serde_json::from_str(&text).map_err(D::Error::custom),
            json => serde_json::from_value(json).map_err(D::Error::custom),
        }
    }
}

/// The key of the one row of `state`.
pub const MAIN: &str = "main";

/// A time long past, for a lease nobody holds.
pub const EPOCH: &str = "1970-01-01T00:00:00Z";

/// The `state` row: which import pages read, which one runs.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct State {
    pub id: Option<i64>,
    pub key: String,
    pub current_import: Option<i64>,
    pub running_import: Option<i64>,
    pub lock_until: String,
    /// `Last-Modified` of each URL of the current import.
    #[serde(with = "json_or_default", default)]
    pub last_modified: Option<BTreeMap<String, String>>,
}

/// The `state` row, created when missing.
///
/// # Errors
///
/// Storage failures.
pub fn state() -> Result<State, Error> {
    if let Some(s) = db::select("state").filter(eq("key", MAIN)).first()? {
        return Ok(s);
    }
    let row = json!({ "key": MAIN, "lock_until": EPOCH });
    match db::insert("state", &row) {
        // Another call created it meanwhile.
        Ok(_) | Err(Error::Conflict(_)) => {}
        Err(e) => return Err(e),
    }
    db::select("state").filter(eq("key", MAIN)).one()
}

/// The import the pages show, if one ever succeeded.
///
/// # Errors
///
/// Storage failures.
pub fn current_import() -> Result<Option<i64>, Error> {
    Ok(db::select("state")
        .filter(eq("key", MAIN))
        .first::<State>()?
        .and_then(|s| s.current_import))
}

/// A problem met while importing, with the file it concerns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Issue {
    /// The file (or source, or publication) concerned.
    pub file: String,
    #[serde(flatten)]
    pub problem: Problem,
}

/// An import attempt: its progress while it runs, its report after.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Import {
    pub id: Option<i64>,
    /// `running`, `done`, `failed` or `unchanged`.
    pub status: String,
    /// `schedule` or `manual`.
    pub trigger: String,
    pub started_at: String,
    pub finished_at: Option<String>,
    pub started_by: Option<String>,
    pub started_by_id: Option<String>,
    /// `directory` or `url`.
    pub source_kind: String,
    #[serde(with = "json_or_default", default)]
    pub sources: Vec<Spec>,
    pub cursor_source: i64,
    pub cursor_entry: i64,
    pub batch: i64,
    pub files_total: i64,
    pub files_done: i64,
    /// Files read by kind: `F`, `N`, `R`, `trees`, `other`, `duplicates`.
    #[serde(with = "json_or_default", default)]
    pub counts: BTreeMap<String, u64>,
    /// Elements no handler knows, by name.
    #[serde(with = "json_or_default", default)]
    pub unknown: BTreeMap<String, u64>,
    /// `PivotLocal` kinds, by the number of sheets naming them.
    #[serde(with = "json_or_default", default)]
    pub pivots: BTreeMap<String, u64>,
    #[serde(with = "json_or_default", default)]
    pub errors: Vec<Issue>,
    pub errors_total: i64,
    #[serde(with = "json_or_default", default)]
    pub warnings: Vec<Issue>,
    pub warnings_total: i64,
    #[serde(with = "json_or_default", default)]
    pub last_modified: BTreeMap<String, String>,
    /// The catalogue key summing up how it ended.
    pub outcome: Option<String>,
    /// Where the last call started, to notice a file that stops every call.
    pub stuck_at: Option<String>,
    pub stuck_tries: i64,
}

/// Most issues of each kind a report keeps (the rest are counted).
pub const MAX_ISSUES: usize = 60;

impl Import {
    /// Records an error: the import will not replace the current one.
    pub fn error(&mut self, file: &str, problem: Problem) {
        self.errors_total += 1;
        if self.errors.len() < MAX_ISSUES {
            self.errors.push(Issue {
                file: file.to_owned(),
                problem,
            });
        }
    }

    /// Records a warning: shown in the report, the import still succeeds.
    pub fn warning(&mut self, file: &str, problem: Problem) {
        self.warnings_total += 1;
        if self.warnings.len() < MAX_ISSUES {
            self.warnings.push(Issue {
                file: file.to_owned(),
                problem,
            });
        }
    }

    /// Adds to a count of the report.
    pub fn count(&mut self, key: &str, n: u64) {
        *self.counts.entry(key.to_owned()).or_default() += n;
    }

    /// The row's id (rows read from the table always have one).
    pub fn id(&self) -> i64 {
        self.id.unwrap_or_default()
    }
}

/// A publication row, as written by the import.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PublicationRow {
    pub id: Option<i64>,
    pub import_id: i64,
    pub pub_id: String,
    pub kind: String,
    pub pub_type: Option<String>,
    pub audience: String,
    pub title: String,
    pub description: Option<String>,
    pub verified_on: Option<String>,
    pub sp_url: Option<String>,
    #[serde(with = "json_or_default", default)]
    pub breadcrumb: Vec<Link>,
    #[serde(with = "json_or_default", default)]
    pub body: serde_json::Value,
    pub body_text: Option<String>,
    #[serde(with = "json_or_default", default)]
    pub hard_refs: Vec<String>,
    #[serde(with = "json_or_default", default)]
    pub soft_refs: Vec<String>,
}

/// What lists and searches need of a publication.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PublicationSummary {
    pub pub_id: String,
    pub kind: String,
    pub pub_type: Option<String>,
    pub audience: String,
    pub title: String,
    pub description: Option<String>,
}

/// Columns of [`PublicationSummary`].
pub const SUMMARY: [&str; 6] = [
    "pub_id",
    "kind",
    "pub_type",
    "audience",
    "title",
    "description",
];

/// A tree row.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TreeRow {
    pub id: Option<i64>,
    pub import_id: i64,
    pub audience: String,
    #[serde(with = "json_or_default")]
    pub items: Vec<crate::feed::TreeItem>,
}

/// One of the site's offices.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Office {
    pub id: Option<i64>,
    pub name: String,
    pub pivot: String,
    pub address: Option<String>,
    pub hours: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub url: Option<String>,
    pub note: Option<String>,
}

/// A sheet written by the site.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LocalSheet {
    pub id: Option<i64>,
    pub audience: String,
    pub title: String,
    pub description: Option<String>,
    pub parent_id: Option<String>,
    pub body: Option<String>,
    pub links: Option<String>,
    pub published: bool,
    pub updated_at: Option<String>,
    pub author_id: Option<String>,
    pub author_name: Option<String>,
}

/// Local text and links on a national sheet.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Addition {
    pub id: Option<i64>,
    pub pub_id: String,
    /// `top` or `bottom`.
    pub position: String,
    pub body: Option<String>,
    pub links: Option<String>,
    pub updated_at: Option<String>,
    pub author_id: Option<String>,
    pub author_name: Option<String>,
}

/// The current time in UTC as RFC 3339 (`2026-11-28T15:30:00Z`).
pub fn now_utc() -> String {
    rfc3339(clock::now().unix_millis)
}

/// A moment in milliseconds since 1970 as RFC 3339 UTC.
pub fn rfc3339(millis: i64) -> String {
    let t = DateTime::from_unix_millis(millis);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        t.date(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// Today in the site's zone.
pub fn today() -> Date {
    clock::now().date()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_are_written_as_rfc3339_utc_with_seconds() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_795_879_800_000), "2026-11-28T15:30:00Z");
    }

    #[test]
    fn reports_keep_a_bounded_number_of_issues_and_count_them_all() {
        let mut imp = Import::default();
        for i in 0..(MAX_ISSUES + 5) {
            imp.error(
                &format!("F{i}.xml"),
                Problem::new("import-error-malformed", ""),
            );
        }
        assert_eq!(imp.errors.len(), MAX_ISSUES);
        assert_eq!(imp.errors_total, (MAX_ISSUES + 5) as i64);
    }

    #[test]
    fn import_rows_read_back_from_the_host_shape() {
        let row = json!({
            "id": 3, "status": "running", "trigger": "manual", "started_at": "2026-11-28T15:30:00Z",
            "finished_at": null, "started_by": null, "started_by_id": null, "source_kind": "directory",
            "sources": "[{\"kind\":\"zip\",\"path\":\"a.zip\"}]", "cursor_source": 0, "cursor_entry": 4,
            "batch": 1, "files_total": 10, "files_done": 4, "counts": "{\"F\":2}", "unknown": null,
            "pivots": null, "errors": "[]", "errors_total": 0, "warnings": null, "warnings_total": 0,
            "last_modified": null, "outcome": null, "stuck_at": null, "stuck_tries": 0,
        });
        let imp: Import = serde_json::from_value(row).unwrap();
        assert_eq!(
            imp.sources,
            [Spec::Zip {
                path: "a.zip".into()
            }]
        );
        assert_eq!(imp.counts["F"], 2);
        assert!(imp.unknown.is_empty());
    }
}
