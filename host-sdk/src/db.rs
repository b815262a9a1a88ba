//! The plugin's own tables, typed over serde.
//!
//! Tables, columns and unique constraints are declared in the manifest and
//! created by the host, which scopes every operation to the current site.
//! Every table has an `id` column, assigned on insert.
//!
//! Rows go in and come out as any serde type whose fields are columns:
//!
//! ```no_run
//! use estive_sdk::prelude::*;
//! use serde::{Deserialize, Serialize};
//!
//! #[derive(Serialize, Deserialize)]
//! struct Answer {
//!     id: Option<i64>,
//!     poll_id: i64,
//!     option_id: i64,
//!     weight: f64,
//! }
//!
//! #[derive(Deserialize)]
//! struct Tally {
//!     option_id: i64,
//!     votes: i64,
//!     total: f64,
//! }
//!
//! # fn run() -> Result<(), Error> {
//! let id = db::insert("answers", &Answer { id: None, poll_id: 1, option_id: 3, weight: 1.0 })?;
//! let mine: Option<Answer> = db::select("answers").filter(eq("id", id)).first()?;
//! let n = db::count("answers").filter(eq("poll_id", 1)).get()?;
//! let tallies: Vec<Tally> = db::aggregate("answers")
//!     .filter(eq("poll_id", 1))
//!     .group_by("option_id")
//!     .count("votes")
//!     .sum("weight", "total")
//!     .order_desc("votes")
//!     .fetch()?;
//! db::update("polls").filter(eq("id", 1)).set("status", "closed").run()?;
//! # Ok(()) }
//! ```
//!
//! # How rows map to serde
//!
//! - Written rows are serialised to a map: each field is a column. An `id`
//!   that is `None` is left out, so the host assigns one. [`insert`] also
//!   leaves out other `None` fields, so their column gets its declared
//!   default; [`upsert`] and [`Update::set_fields`] write them as NULL.
//!   Numbers become `integer` or `float` values, texts `text`, booleans
//!   `boolean`; a nested list or map is written as JSON text, for `json`
//!   columns. Write a `bytes` column with a [`Value::Bytes`] in
//!   [`Update::set`].
//! - Read rows are turned into a map of column to JSON value (`bytes` give
//!   a list of numbers) and deserialised. The host returns `date`,
//!   `datetime` and `json` columns as text: use
//!   [`Date`](crate::dates::Date) for dates and
//!   [`json_column`](crate::json_column) for JSON.
//!
//! # Errors
//!
//! Every operation fails with an [`Error`]: a broken unique constraint or a
//! failed expectation is an [`Error::Conflict`] (409); any other storage
//! failure, or a row that does not fit its type, is an [`Error::Internal`].

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde::de::value::MapDeserializer;
use serde_json::{Map, Value as Json};

use crate::bindings::estive::plugin::storage as wit;
use crate::page::Page;
use crate::{Error, host, messages};

/// A column value: `Null`, `Boolean(bool)`, `Integer(i64)`, `Float(f64)`,
/// `Text(String)` (also for `date`, `datetime` and `json` columns) or
/// `Bytes(Vec<u8>)`.
///
/// Conditions take anything that converts into one: numbers, booleans,
/// texts, [`Date`](crate::dates::Date)s and `Option`s of those (`None` is
/// NULL).
pub use wit::Value;

/// One condition on a row; build it with [`eq`], [`lt`], [`one_of`]… A
/// query's conditions must all hold.
pub use wit::Condition;

/// What one step of a [`Transaction`] did: `Inserted(id)`,
/// `Affected(count)`, `Checked(measure)` or `Done`.
pub use wit::Outcome;

/// Why a storage operation failed, as the host reports it. The functions
/// of this module convert it into an [`Error`].
pub use wit::StorageError;

/// Rows as the host returns them: column names, and the values of each
/// row in that order.
pub use wit::Rows;

/// A computed column, for [`Transaction::expect`]: build it with
/// [`Measure::count_rows`] or [`Measure::sum`].
pub use wit::Measure;

impl Value {
    /// A JSON text value for a `json` column.
    ///
    /// ```
    /// use estive_sdk::db::Value;
    ///
    /// let v = Value::json(&vec!["a", "b"]).unwrap();
    /// assert_eq!(v, Value::Text(r#"["a","b"]"#.into()));
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Internal`] when `value` cannot be serialised (a map with
    /// keys that are not texts, for example).
    pub fn json<T: Serialize + ?Sized>(value: &T) -> Result<Value, Error> {
        Ok(Value::Text(serde_json::to_string(value)?))
    }

    /// Whether the value is NULL.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

macro_rules! value_from {
    ($($ty:ty => $variant:ident($conv:expr)),* $(,)?) => {
        $(impl From<$ty> for Value {
            fn from(v: $ty) -> Self {
                Value::$variant($conv(v))
            }
        })*
    };
}

value_from! {
    i64 => Integer(|v| v),
    i32 => Integer(i64::from),
    i16 => Integer(i64::from),
    i8 => Integer(i64::from),
    u32 => Integer(i64::from),
    u16 => Integer(i64::from),
    u8 => Integer(i64::from),
    f64 => Float(|v| v),
    f32 => Float(f64::from),
    bool => Boolean(|v| v),
    String => Text(|v| v),
    &str => Text(str::to_owned),
    &String => Text(String::clone),
    crate::dates::Date => Text(|v: crate::dates::Date| v.to_string()),
    crate::dates::DateTime => Text(|v: crate::dates::DateTime| v.to_string()),
    Vec<u8> => Bytes(|v| v),
    &[u8] => Bytes(<[u8]>::to_vec),
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

fn cell(column: &str, value: impl Into<Value>) -> wit::Cell {
    wit::Cell {
        column: column.to_owned(),
        value: value.into(),
    }
}

fn cells(column: &str, values: impl IntoIterator<Item = impl Into<Value>>) -> wit::Cells {
    wit::Cells {
        column: column.to_owned(),
        values: values.into_iter().map(Into::into).collect(),
    }
}

/// `column = value`.
///
/// ```
/// use estive_sdk::db::{eq, one_of};
///
/// let open = eq("status", "open");
/// let mine = one_of("school_id", [3, 5, 8]);
/// ```
pub fn eq(column: &str, value: impl Into<Value>) -> Condition {
    Condition::Eq(cell(column, value))
}

/// `column <> value`; rows where the column is NULL never match.
pub fn ne(column: &str, value: impl Into<Value>) -> Condition {
    Condition::Ne(cell(column, value))
}

/// `column < value`.
pub fn lt(column: &str, value: impl Into<Value>) -> Condition {
    Condition::Lt(cell(column, value))
}

/// `column <= value`.
pub fn le(column: &str, value: impl Into<Value>) -> Condition {
    Condition::Le(cell(column, value))
}

/// `column > value`.
pub fn gt(column: &str, value: impl Into<Value>) -> Condition {
    Condition::Gt(cell(column, value))
}

/// `column >= value`.
pub fn ge(column: &str, value: impl Into<Value>) -> Condition {
    Condition::Ge(cell(column, value))
}

/// The text column contains `text`, case-insensitively.
pub fn contains(column: &str, text: &str) -> Condition {
    Condition::Contains(cell(column, text))
}

/// The column is one of the values; no values match no row.
pub fn one_of(column: &str, values: impl IntoIterator<Item = impl Into<Value>>) -> Condition {
    Condition::OneOf(cells(column, values))
}

/// The column is none of the values.
pub fn none_of(column: &str, values: impl IntoIterator<Item = impl Into<Value>>) -> Condition {
    Condition::NoneOf(cells(column, values))
}

/// The column is NULL.
pub fn is_null(column: &str) -> Condition {
    Condition::IsNull(column.to_owned())
}

/// The column is not NULL.
pub fn not_null(column: &str) -> Condition {
    Condition::NotNull(column.to_owned())
}

/// Every word of `text` occurs, case-insensitively, in at least one of the
/// text columns: a simple search box.
///
/// ```
/// use estive_sdk::db::matches;
///
/// let search = matches(&["title", "body"], "piscine horaires");
/// ```
pub fn matches(columns: &[&str], text: &str) -> Condition {
    Condition::Matches(wit::Words {
        columns: columns.iter().map(|c| (*c).to_owned()).collect(),
        text: text.to_owned(),
    })
}

impl Measure {
    /// The number of matching rows.
    pub fn count_rows() -> Measure {
        Measure {
            function: wit::Function::Count,
            column: None,
            name: "count".to_owned(),
        }
    }

    /// The sum of a column over the matching rows.
    pub fn sum(column: &str) -> Measure {
        Measure {
            function: wit::Function::Sum,
            column: Some(column.to_owned()),
            name: "sum".to_owned(),
        }
    }
}

fn order(column: &str, descending: bool) -> wit::Order {
    wit::Order {
        column: column.to_owned(),
        descending,
    }
}

fn json_of(value: Value) -> Json {
    match value {
        Value::Null => Json::Null,
        Value::Boolean(b) => Json::Bool(b),
        Value::Integer(n) => Json::from(n),
        Value::Float(n) => serde_json::Number::from_f64(n).map_or(Json::Null, Json::Number),
        // Dates, date-times and JSON columns are read back typed; into
        // serde they go as their text, as a `String` field expects.
        Value::Text(s) | Value::Date(s) | Value::Datetime(s) | Value::Json(s) => Json::String(s),
        Value::Bytes(b) => Json::Array(b.into_iter().map(Json::from).collect()),
    }
}

/// Turns rows into maps of column name to JSON value: integers and floats
/// become numbers (a float that is not finite becomes null), texts
/// strings, booleans booleans, NULL null and bytes a list of numbers.
///
/// ```
/// use estive_sdk::db::{Rows, Value, rows_to_maps};
///
/// let rows = Rows {
///     columns: vec!["id".into(), "title".into()],
///     rows: vec![vec![Value::Integer(1), Value::Text("Piscine".into())]],
/// };
/// let maps = rows_to_maps(rows);
/// assert_eq!(maps[0]["title"], "Piscine");
/// ```
pub fn rows_to_maps(rows: Rows) -> Vec<Map<String, Json>> {
    let Rows { columns, rows } = rows;
    rows.into_iter()
        .map(|values| {
            columns
                .iter()
                .cloned()
                .zip(values.into_iter().map(json_of))
                .collect()
        })
        .collect()
}

/// Deserialises each row into `T`; see [`rows_to_maps`] for the mapping.
///
/// # Errors
///
/// [`Error::Internal`] naming the table, the type and the first field that
/// does not fit.
pub fn from_rows<T: DeserializeOwned>(table: &str, rows: Rows) -> Result<Vec<T>, Error> {
    let Rows { columns, rows } = rows;
    rows.into_iter()
        .map(|values| {
            // Straight from the cells, as `rows_to_maps` would give them,
            // without building a map of each row first.
            let cells = columns
                .iter()
                .map(String::as_str)
                .zip(values.into_iter().map(json_of));
            T::deserialize(MapDeserializer::<_, serde_json::Error>::new(cells)).map_err(|e| {
                Error::internal(format!(
                    "a row of `{table}` does not fit {}: {e}",
                    std::any::type_name::<T>()
                ))
            })
        })
        .collect()
}

/// The value of a JSON field, as a column value: integers that fit `i64`
/// stay integers, other numbers are floats, lists and maps are JSON text.
fn value_of(column: &str, json: Json) -> Result<Value, Error> {
    Ok(match json {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Boolean(b),
        Json::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => Value::Integer(i),
            (None, Some(f)) if !n.is_u64() => Value::Float(f),
            _ => {
                return Err(Error::internal(format!(
                    "`{column}`: {n} does not fit a 64-bit integer column"
                )));
            }
        },
        Json::String(s) => Value::Text(s),
        list_or_map => Value::Text(list_or_map.to_string()),
    })
}

/// The cells of a serialisable row: one per field, `id` left out when
/// null, and other nulls left out when `skip_nulls`.
fn row_cells<T: Serialize + ?Sized>(
    table: &str,
    row: &T,
    skip_nulls: bool,
) -> Result<Vec<wit::Cell>, Error> {
    let Json::Object(fields) = serde_json::to_value(row)? else {
        return Err(Error::internal(format!(
            "a row for `{table}` must serialise to a map of columns"
        )));
    };
    fields
        .into_iter()
        .filter(|(column, value)| !(value.is_null() && (skip_nulls || column == "id")))
        .map(|(column, json)| {
            let value = value_of(&column, json)?;
            Ok(wit::Cell { column, value })
        })
        .collect()
}

/// Starts a query over a table: add conditions, order and limits, then
/// [`fetch`](Select::fetch) rows.
///
/// ```no_run
/// # use estive_sdk::prelude::*;
/// # #[derive(serde::Deserialize)] struct Poll;
/// # fn run(req: &Request) -> Result<(), Error> {
/// let page = Page::from_request(req, 20);
/// let polls: Vec<Poll> = db::select("polls")
///     .filter(eq("status", "open"))
///     .filter(ge("closes_on", clock::now().today))
///     .order_asc("closes_on")
///     .page(page)
///     .fetch()?;
/// # Ok(()) }
/// ```
pub fn select(table: &str) -> Select {
    Select {
        query: wit::RowQuery {
            table: table.to_owned(),
            columns: Vec::new(),
            filter: Vec::new(),
            order: Vec::new(),
            limit: None,
            offset: None,
        },
    }
}

/// A query being built; see [`select`].
#[derive(Clone, Debug)]
#[must_use = "a query does nothing until fetched"]
pub struct Select {
    query: wit::RowQuery,
}

impl Select {
    /// Returns only these columns (by default `id` and every declared
    /// column).
    pub fn columns(mut self, columns: &[&str]) -> Select {
        self.query.columns = columns.iter().map(|c| (*c).to_owned()).collect();
        self
    }

    /// Adds a condition; all must hold.
    pub fn filter(mut self, condition: Condition) -> Select {
        self.query.filter.push(condition);
        self
    }

    /// Adds several conditions; all must hold.
    pub fn filters(mut self, conditions: impl IntoIterator<Item = Condition>) -> Select {
        self.query.filter.extend(conditions);
        self
    }

    /// Sorts by a column, smallest first, after the sort keys given
    /// before. Without any, rows come in `id` order.
    pub fn order_asc(mut self, column: &str) -> Select {
        self.query.order.push(order(column, false));
        self
    }

    /// Sorts by a column, largest first, after the sort keys given before.
    pub fn order_desc(mut self, column: &str) -> Select {
        self.query.order.push(order(column, true));
        self
    }

    /// At most `count` rows (the host caps it at 10,000).
    pub fn limit(mut self, count: u32) -> Select {
        self.query.limit = Some(count);
        self
    }

    /// Skips `count` rows first.
    pub fn offset(mut self, count: u32) -> Select {
        self.query.offset = Some(count);
        self
    }

    /// The rows of one page: limit and offset from a [`Page`].
    pub fn page(self, page: Page) -> Select {
        self.limit(page.limit()).offset(page.offset())
    }

    /// The rows as the host returns them.
    ///
    /// # Errors
    ///
    /// [`Error::Internal`] when the host refuses the query (unknown table
    /// or column…).
    pub fn rows(self) -> Result<Rows, Error> {
        Ok(host::query(&self.query)?)
    }

    /// The rows, each deserialised into `T`.
    ///
    /// # Errors
    ///
    /// [`Error::Internal`] when the host refuses the query or a row does
    /// not fit `T`.
    pub fn fetch<T: DeserializeOwned>(self) -> Result<Vec<T>, Error> {
        let table = self.query.table.clone();
        from_rows(&table, self.rows()?)
    }

    /// The first row, if any.
    ///
    /// # Errors
    ///
    /// As [`Select::fetch`].
    pub fn first<T: DeserializeOwned>(self) -> Result<Option<T>, Error> {
        Ok(self.limit(1).fetch()?.into_iter().next())
    }

    /// The first row, which must exist: typically a row looked up by the
    /// id in the URL.
    ///
    /// # Errors
    ///
    /// [`Error::NotFound`] with [`messages::NOT_FOUND`] when no row
    /// matches; otherwise as [`Select::fetch`].
    pub fn one<T: DeserializeOwned>(self) -> Result<T, Error> {
        self.first()?
            .ok_or_else(|| Error::not_found(messages::NOT_FOUND))
    }
}

/// Starts a ranked full-text search of a table, best matches first (API
/// 1.1). The table declares the searched text columns in the manifest
/// (`search = ["title", "body"]`); the host keeps their index and reads
/// the person's words as words, never as a query language: every word must
/// occur, accents and case are ignored, and the last word may be the start
/// of a word. The rows carry a last column `rank` (higher is better).
///
/// ```no_run
/// # use estive_sdk::prelude::*;
/// # #[derive(serde::Deserialize)] struct Sheet { id: i64, title: String }
/// # fn run() -> Result<(), Error> {
/// let found: Vec<Sheet> = db::search("sheets", "carte grise")
///     .filter(eq("published", true))
///     .limit(20)
///     .fetch()?;
/// # Ok(()) }
/// ```
pub fn search(table: &str, text: &str) -> Search {
    Search {
        query: wit::RankedSearch {
            table: table.to_owned(),
            columns: Vec::new(),
            text: text.to_owned(),
            filter: Vec::new(),
            limit: None,
            offset: None,
        },
    }
}

/// A full-text search being built; see [`search`].
#[derive(Clone, Debug)]
#[must_use = "a search does nothing until fetched"]
pub struct Search {
    query: wit::RankedSearch,
}

impl Search {
    /// Returns only these columns (by default `id` and every declared
    /// column), then `rank`.
    pub fn columns(mut self, columns: &[&str]) -> Search {
        self.query.columns = columns.iter().map(|c| (*c).to_owned()).collect();
        self
    }

    /// Adds a condition the rows must also meet.
    pub fn filter(mut self, condition: Condition) -> Search {
        self.query.filter.push(condition);
        self
    }

    /// At most `count` rows (the host caps it at 10,000).
    pub fn limit(mut self, count: u32) -> Search {
        self.query.limit = Some(count);
        self
    }

    /// The rows of one page: limit and offset from a [`Page`].
    pub fn page(mut self, page: Page) -> Search {
        self.query.limit = Some(page.limit());
        self.query.offset = Some(page.offset());
        self
    }

    /// The rows as the host returns them, `rank` last. A text without any
    /// letter or digit (`*`, `"`, blanks) finds nothing, without asking the
    /// host.
    ///
    /// # Errors
    ///
    /// [`Error::Internal`] when the host refuses the search (no search
    /// columns declared, an unknown column…).
    pub fn rows(self) -> Result<Rows, Error> {
        if !self.query.text.chars().any(char::is_alphanumeric) {
            return Ok(Rows {
                columns: Vec::new(),
                rows: Vec::new(),
            });
        }
        Ok(host::search(&self.query)?)
    }

    /// The rows, each deserialised into `T` (which may or may not have a
    /// `rank` field).
    ///
    /// # Errors
    ///
    /// As [`Search::rows`], or a row does not fit `T`.
    pub fn fetch<T: DeserializeOwned>(self) -> Result<Vec<T>, Error> {
        let table = self.query.table.clone();
        from_rows(&table, self.rows()?)
    }
}

/// Starts counting the rows of a table; see [`Count::get`].
///
/// ```no_run
/// # use estive_sdk::prelude::*;
/// # fn run() -> Result<(), Error> {
/// let votes = db::count("answers").filter(eq("poll_id", 42)).get()?;
/// # Ok(()) }
/// ```
pub fn count(table: &str) -> Count {
    Count {
        table: table.to_owned(),
        filter: Vec::new(),
    }
}

/// A count being built; see [`count`].
#[derive(Clone, Debug)]
#[must_use = "a count does nothing until read with get()"]
pub struct Count {
    table: String,
    filter: Vec<Condition>,
}

impl Count {
    /// Adds a condition; all must hold.
    pub fn filter(mut self, condition: Condition) -> Count {
        self.filter.push(condition);
        self
    }

    /// Adds several conditions; all must hold.
    pub fn filters(mut self, conditions: impl IntoIterator<Item = Condition>) -> Count {
        self.filter.extend(conditions);
        self
    }

    /// The number of matching rows.
    ///
    /// # Errors
    ///
    /// [`Error::Internal`] when the host refuses the count.
    pub fn get(self) -> Result<u64, Error> {
        let rows = host::aggregate(&wit::RowAggregate {
            table: self.table,
            filter: self.filter,
            group_by: Vec::new(),
            measures: vec![Measure {
                function: wit::Function::Count,
                column: None,
                name: "count".to_owned(),
            }],
            order: Vec::new(),
            limit: None,
        })?;
        match rows.rows.first().and_then(|r| r.first()) {
            None | Some(Value::Null) => Ok(0),
            Some(Value::Integer(n)) => Ok((*n).max(0) as u64),
            Some(Value::Float(n)) => Ok(n.max(0.0) as u64),
            Some(other) => Err(Error::internal(format!(
                "count returned {other:?}, not a number"
            ))),
        }
    }
}

/// Starts grouping and summarising the rows of a table.
///
/// Group columns come first in each result row, then the measures, in the
/// order they were added; name measures as the fields of the type you
/// fetch.
///
/// ```no_run
/// # use estive_sdk::prelude::*;
/// #[derive(serde::Deserialize)]
/// struct Tally { option_id: i64, votes: i64 }
///
/// # fn run() -> Result<(), Error> {
/// let tallies: Vec<Tally> = db::aggregate("answers")
///     .filter(eq("poll_id", 42))
///     .group_by("option_id")
///     .count("votes")
///     .fetch()?;
/// # Ok(()) }
/// ```
pub fn aggregate(table: &str) -> Aggregate {
    Aggregate {
        query: wit::RowAggregate {
            table: table.to_owned(),
            filter: Vec::new(),
            group_by: Vec::new(),
            measures: Vec::new(),
            order: Vec::new(),
            limit: None,
        },
    }
}

/// An aggregate being built; see [`aggregate`].
#[derive(Clone, Debug)]
#[must_use = "an aggregate does nothing until fetched"]
pub struct Aggregate {
    query: wit::RowAggregate,
}

impl Aggregate {
    /// Adds a condition rows must meet to be counted.
    pub fn filter(mut self, condition: Condition) -> Aggregate {
        self.query.filter.push(condition);
        self
    }

    /// Adds several conditions.
    pub fn filters(mut self, conditions: impl IntoIterator<Item = Condition>) -> Aggregate {
        self.query.filter.extend(conditions);
        self
    }

    /// Groups by a column (after the groups given before).
    pub fn group_by(mut self, column: &str) -> Aggregate {
        self.query.group_by.push(column.to_owned());
        self
    }

    fn measure(mut self, function: wit::Function, column: Option<&str>, name: &str) -> Aggregate {
        self.query.measures.push(Measure {
            function,
            column: column.map(str::to_owned),
            name: name.to_owned(),
        });
        self
    }

    /// The number of rows in each group, as `name`.
    pub fn count(self, name: &str) -> Aggregate {
        self.measure(wit::Function::Count, None, name)
    }

    /// The number of non-NULL values of a column, as `name`.
    pub fn count_values(self, column: &str, name: &str) -> Aggregate {
        self.measure(wit::Function::Count, Some(column), name)
    }

    /// The number of distinct non-NULL values of a column, as `name`.
    pub fn count_distinct(self, column: &str, name: &str) -> Aggregate {
        self.measure(wit::Function::CountDistinct, Some(column), name)
    }

    /// The sum of a column, as `name`.
    pub fn sum(self, column: &str, name: &str) -> Aggregate {
        self.measure(wit::Function::Sum, Some(column), name)
    }

    /// The smallest value of a column, as `name`.
    pub fn min(self, column: &str, name: &str) -> Aggregate {
        self.measure(wit::Function::Min, Some(column), name)
    }

    /// The largest value of a column, as `name`.
    pub fn max(self, column: &str, name: &str) -> Aggregate {
        self.measure(wit::Function::Max, Some(column), name)
    }

    /// The average value of a column (a float), as `name`.
    pub fn avg(self, column: &str, name: &str) -> Aggregate {
        self.measure(wit::Function::Avg, Some(column), name)
    }

    /// Sorts by a group column or a measure name, smallest first.
    pub fn order_asc(mut self, column: &str) -> Aggregate {
        self.query.order.push(order(column, false));
        self
    }

    /// Sorts by a group column or a measure name, largest first.
    pub fn order_desc(mut self, column: &str) -> Aggregate {
        self.query.order.push(order(column, true));
        self
    }

    /// At most `count` groups.
    pub fn limit(mut self, count: u32) -> Aggregate {
        self.query.limit = Some(count);
        self
    }

    /// The groups as the host returns them.
    ///
    /// # Errors
    ///
    /// [`Error::Internal`] when the host refuses the aggregate.
    pub fn rows(self) -> Result<Rows, Error> {
        Ok(host::aggregate(&self.query)?)
    }

    /// The groups, each deserialised into `T`.
    ///
    /// # Errors
    ///
    /// [`Error::Internal`] when the host refuses the aggregate or a group
    /// does not fit `T`.
    pub fn fetch<T: DeserializeOwned>(self) -> Result<Vec<T>, Error> {
        let table = self.query.table.clone();
        from_rows(&table, self.rows()?)
    }

    /// The first group, e.g. the only one of an aggregate without
    /// `group_by`.
    ///
    /// # Errors
    ///
    /// As [`Aggregate::fetch`].
    pub fn first<T: DeserializeOwned>(self) -> Result<Option<T>, Error> {
        Ok(self.fetch()?.into_iter().next())
    }
}

/// Adds a row and returns its `id`. `None` fields are left out, so their
/// columns get their declared default.
///
/// ```no_run
/// # use estive_sdk::prelude::*;
/// # fn run() -> Result<(), Error> {
/// let id = db::insert("polls", &json!({ "question": "Quel horaire ?", "status": "draft" }))?;
/// # Ok(()) }
/// ```
///
/// # Errors
///
/// [`Error::Conflict`] when a unique constraint would be broken;
/// [`Error::Internal`] when the row does not serialise to a map or the
/// host refuses it.
pub fn insert<T: Serialize + ?Sized>(table: &str, row: &T) -> Result<i64, Error> {
    let row = row_cells(table, row, true)?;
    Ok(host::insert(&wit::RowInsert {
        table: table.to_owned(),
        row,
        links: Vec::new(),
    })?)
}

/// Inserts a row, or updates the row with the same values in `key` (the
/// columns of a declared unique constraint), and returns the row's `id`.
/// `None` fields are written as NULL.
///
/// ```no_run
/// # use estive_sdk::prelude::*;
/// # fn run() -> Result<(), Error> {
/// let count = json!({ "day": "2026-11-30", "school_id": 3, "meals": 112 });
/// db::upsert("meal_counts", &count, &["day", "school_id"])?;
/// # Ok(()) }
/// ```
///
/// # Errors
///
/// As [`insert`].
pub fn upsert<T: Serialize + ?Sized>(table: &str, row: &T, key: &[&str]) -> Result<i64, Error> {
    let row = row_cells(table, row, false)?;
    Ok(host::upsert(&wit::RowUpsert {
        table: table.to_owned(),
        row,
        key: key.iter().map(|k| (*k).to_owned()).collect(),
        links: Vec::new(),
    })?)
}

/// Starts changing the rows of a table; see [`Update::run`].
///
/// ```no_run
/// # use estive_sdk::prelude::*;
/// # fn run() -> Result<(), Error> {
/// let changed = db::update("polls")
///     .filter(eq("status", "open"))
///     .filter(lt("closes_on", clock::now().today))
///     .set("status", "closed")
///     .run()?;
/// # Ok(()) }
/// ```
pub fn update(table: &str) -> Update {
    Update {
        op: wit::RowUpdate {
            table: table.to_owned(),
            filter: Vec::new(),
            set: Vec::new(),
        },
        all_rows: false,
        fault: None,
    }
}

/// An update being built; see [`update`]. Also a step of a
/// [`Transaction`].
#[derive(Clone, Debug)]
#[must_use = "an update does nothing until run"]
pub struct Update {
    op: wit::RowUpdate,
    all_rows: bool,
    fault: Option<Error>,
}

impl Update {
    /// Adds a condition the rows to change must meet.
    pub fn filter(mut self, condition: Condition) -> Update {
        self.op.filter.push(condition);
        self
    }

    /// Adds several conditions.
    pub fn filters(mut self, conditions: impl IntoIterator<Item = Condition>) -> Update {
        self.op.filter.extend(conditions);
        self
    }

    /// Allows changing every row of the table on this site. Without it, an
    /// update with no condition is refused, as it is more often a mistake
    /// than a wish.
    pub fn all_rows(mut self) -> Update {
        self.all_rows = true;
        self
    }

    /// Sets a column.
    pub fn set(mut self, column: &str, value: impl Into<Value>) -> Update {
        self.op.set.push(cell(column, value));
        self
    }

    /// Sets a column to JSON text, for a `json` column.
    pub fn set_json<T: Serialize + ?Sized>(mut self, column: &str, value: &T) -> Update {
        match Value::json(value) {
            Ok(value) => self.op.set.push(cell(column, value)),
            Err(e) => {
                self.fault.get_or_insert(e);
            }
        }
        self
    }

    /// Sets every field of a serialisable row (`id` excepted; `None` fields
    /// become NULL).
    pub fn set_fields<T: Serialize + ?Sized>(mut self, row: &T) -> Update {
        match row_cells(&self.op.table, row, false) {
            Ok(cells) => self
                .op
                .set
                .extend(cells.into_iter().filter(|c| c.column != "id")),
            Err(e) => {
                self.fault.get_or_insert(e);
            }
        }
        self
    }

    fn checked(self) -> Result<wit::RowUpdate, Error> {
        if let Some(fault) = self.fault {
            return Err(fault);
        }
        if self.op.filter.is_empty() && !self.all_rows {
            return Err(Error::internal(format!(
                "update of every row of `{}` without all_rows()",
                self.op.table
            )));
        }
        Ok(self.op)
    }

    /// Changes the matching rows and returns how many changed.
    ///
    /// # Errors
    ///
    /// [`Error::Conflict`] when a unique constraint would be broken;
    /// [`Error::Internal`] when the update has no condition and no
    /// [`all_rows`](Update::all_rows), a value could not be serialised or
    /// the host refuses it.
    pub fn run(self) -> Result<u64, Error> {
        Ok(host::update(&self.checked()?)?)
    }
}

/// Starts removing rows of a table; see [`Delete::run`].
///
/// ```no_run
/// # use estive_sdk::prelude::*;
/// # fn run(user_id: &str) -> Result<(), Error> {
/// db::delete("answers").filter(eq("user_id", user_id)).run()?;
/// # Ok(()) }
/// ```
pub fn delete(table: &str) -> Delete {
    Delete {
        op: wit::RowDelete {
            table: table.to_owned(),
            filter: Vec::new(),
        },
        all_rows: false,
    }
}

/// A removal being built; see [`delete`]. Also a step of a
/// [`Transaction`].
#[derive(Clone, Debug)]
#[must_use = "a delete does nothing until run"]
pub struct Delete {
    op: wit::RowDelete,
    all_rows: bool,
}

impl Delete {
    /// Adds a condition the rows to remove must meet.
    pub fn filter(mut self, condition: Condition) -> Delete {
        self.op.filter.push(condition);
        self
    }

    /// Adds several conditions.
    pub fn filters(mut self, conditions: impl IntoIterator<Item = Condition>) -> Delete {
        self.op.filter.extend(conditions);
        self
    }

    /// Allows removing every row of the table on this site. Without it, a
    /// delete with no condition is refused.
    pub fn all_rows(mut self) -> Delete {
        self.all_rows = true;
        self
    }

    fn checked(self) -> Result<wit::RowDelete, Error> {
        if self.op.filter.is_empty() && !self.all_rows {
            return Err(Error::internal(format!(
                "delete of every row of `{}` without all_rows()",
                self.op.table
            )));
        }
        Ok(self.op)
    }

    /// Removes the matching rows and returns how many were removed.
    ///
    /// # Errors
    ///
    /// [`Error::Internal`] when the delete has no condition and no
    /// [`all_rows`](Delete::all_rows), or the host refuses it.
    pub fn run(self) -> Result<u64, Error> {
        Ok(host::delete(&self.checked()?)?)
    }
}

/// Starts a transaction: steps that all happen, or none.
///
/// Each step returns a [`Step`], which later inserts can link to (to set a
/// column to an id inserted earlier) and which finds its [`Outcome`] after
/// the commit. Events published and audit entries written in a transaction
/// happen only if it commits.
///
/// ```no_run
/// # use estive_sdk::prelude::*;
/// # fn run(user_id: &str) -> Result<(), Error> {
/// let mut tx = db::transaction();
/// // Refuse a second booking of the slot by the same person…
/// tx.expect_none(
///     "bookings",
///     [eq("slot_id", 7), eq("user_id", user_id)],
///     "already-booked",
/// );
/// // …and a booking of a full slot (at most 11 before this one).
/// tx.expect("bookings", [eq("slot_id", 7)], db::Measure::count_rows(), None, Some(11.0), "slot-full");
/// let booking = tx.insert("bookings", &json!({ "slot_id": 7, "user_id": user_id }));
/// tx.insert_linked("reminders", &json!({ "send_on": "2026-12-01" }), &[("booking_id", booking)]);
/// tx.publish("booked", &json!({ "slot_id": 7 }));
/// tx.audit("booking.created", "slot:7", &json!({}));
/// let outcomes = tx.commit()?;
/// let booking_id = booking.id(&outcomes);
/// # Ok(()) }
/// ```
pub fn transaction() -> Transaction {
    Transaction {
        ops: Vec::new(),
        fault: None,
    }
}

/// A transaction being built; see [`transaction`].
#[derive(Clone, Debug, Default)]
#[must_use = "a transaction does nothing until committed"]
pub struct Transaction {
    ops: Vec<wit::Operation>,
    fault: Option<Error>,
}

/// One step of a [`Transaction`], by position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Step(u32);

impl Step {
    /// The position of the step in the transaction, from 0.
    pub fn index(self) -> u32 {
        self.0
    }

    /// What the step did, once committed.
    pub fn outcome(self, outcomes: &[Outcome]) -> Option<&Outcome> {
        outcomes.get(self.0 as usize)
    }

    /// The id of the row an insert or upsert step wrote.
    pub fn id(self, outcomes: &[Outcome]) -> Option<i64> {
        match self.outcome(outcomes)? {
            Outcome::Inserted(id) => Some(*id),
            _ => None,
        }
    }

    /// How many rows an update or delete step changed.
    pub fn affected(self, outcomes: &[Outcome]) -> Option<u64> {
        match self.outcome(outcomes)? {
            Outcome::Affected(n) => Some(*n),
            _ => None,
        }
    }
}

fn links(links: &[(&str, Step)]) -> Vec<wit::Link> {
    links
        .iter()
        .map(|(column, step)| wit::Link {
            column: (*column).to_owned(),
            operation: step.0,
        })
        .collect()
}

impl Transaction {
    fn push(&mut self, op: Result<wit::Operation, Error>) -> Step {
        let step = Step(self.ops.len() as u32);
        match op {
            Ok(op) => self.ops.push(op),
            Err(e) => {
                self.fault.get_or_insert(e);
                // Keep the positions of later steps right.
                self.ops.push(wit::Operation::Publish(wit::Publication {
                    name: String::new(),
                    payload: String::new(),
                }));
            }
        }
        step
    }

    /// Adds a row (`None` fields left out, as in [`insert`]).
    pub fn insert<T: Serialize + ?Sized>(&mut self, table: &str, row: &T) -> Step {
        self.insert_linked(table, row, &[])
    }

    /// Adds a row whose columns named in `links` are set to the ids
    /// inserted by earlier steps.
    pub fn insert_linked<T: Serialize + ?Sized>(
        &mut self,
        table: &str,
        row: &T,
        links_to: &[(&str, Step)],
    ) -> Step {
        let op = row_cells(table, row, true).map(|row| {
            wit::Operation::Insert(wit::RowInsert {
                table: table.to_owned(),
                row,
                links: links(links_to),
            })
        });
        self.push(op)
    }

    /// Inserts or updates by a unique key, as [`upsert`].
    pub fn upsert<T: Serialize + ?Sized>(&mut self, table: &str, row: &T, key: &[&str]) -> Step {
        self.upsert_linked(table, row, key, &[])
    }

    /// Inserts or updates by a unique key, with columns linked to earlier
    /// steps.
    pub fn upsert_linked<T: Serialize + ?Sized>(
        &mut self,
        table: &str,
        row: &T,
        key: &[&str],
        links_to: &[(&str, Step)],
    ) -> Step {
        let op = row_cells(table, row, false).map(|row| {
            wit::Operation::Upsert(wit::RowUpsert {
                table: table.to_owned(),
                row,
                key: key.iter().map(|k| (*k).to_owned()).collect(),
                links: links(links_to),
            })
        });
        self.push(op)
    }

    /// Changes rows: pass an [`update`] without calling `run`.
    pub fn update(&mut self, update: Update) -> Step {
        self.push(update.checked().map(wit::Operation::Update))
    }

    /// Removes rows: pass a [`delete`] without calling `run`.
    pub fn delete(&mut self, delete: Delete) -> Step {
        self.push(delete.checked().map(wit::Operation::Delete))
    }

    /// Checks, when the transaction reaches this step, that the measure
    /// over the matching rows lies within `min..=max`; otherwise the whole
    /// transaction is undone with [`Error::Conflict`]`(message)`.
    ///
    /// The host serialises transactions with expectations per site and
    /// table, so a check and the writes after it cannot interleave with
    /// another transaction's.
    pub fn expect(
        &mut self,
        table: &str,
        filter: impl IntoIterator<Item = Condition>,
        measure: Measure,
        min: Option<f64>,
        max: Option<f64>,
        message: &str,
    ) -> Step {
        self.push(Ok(wit::Operation::Expect(wit::Expectation {
            table: table.to_owned(),
            filter: filter.into_iter().collect(),
            measure,
            min,
            max,
            message: message.to_owned(),
        })))
    }

    /// Checks that no row matches, or undoes the transaction with
    /// [`Error::Conflict`]`(message)`: e.g. “has not voted yet”.
    pub fn expect_none(
        &mut self,
        table: &str,
        filter: impl IntoIterator<Item = Condition>,
        message: &str,
    ) -> Step {
        self.expect(
            table,
            filter,
            Measure::count_rows(),
            None,
            Some(0.0),
            message,
        )
    }

    /// Publishes the event `<plugin>.<name>` if, and only if, the
    /// transaction commits.
    pub fn publish<T: Serialize + ?Sized>(&mut self, name: &str, payload: &T) -> Step {
        let op = serde_json::to_string(payload)
            .map_err(Error::from)
            .map(|payload| {
                wit::Operation::Publish(wit::Publication {
                    name: name.to_owned(),
                    payload,
                })
            });
        self.push(op)
    }

    /// Writes an entry of the site's audit log with the transaction.
    pub fn audit<T: Serialize + ?Sized>(
        &mut self,
        action: &str,
        subject: &str,
        details: &T,
    ) -> Step {
        let op = serde_json::to_string(details)
            .map_err(Error::from)
            .map(|details| {
                wit::Operation::Audit(wit::AuditEntry {
                    action: action.to_owned(),
                    subject: subject.to_owned(),
                    details,
                })
            });
        self.push(op)
    }

    /// The number of steps so far.
    pub fn len(&self) -> usize {
        self.ops.len()
    }

    /// Whether there is no step yet.
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// Runs every step atomically and returns one outcome per step (read
    /// them with the [`Step`]s). An empty transaction does nothing.
    ///
    /// # Errors
    ///
    /// [`Error::Conflict`] when an expectation fails (with its message) or
    /// a unique constraint would be broken; [`Error::Internal`] when a
    /// step could not be built (a row that does not serialise, an update
    /// without condition…) or the host refuses one. Nothing is written.
    pub fn commit(self) -> Result<Vec<Outcome>, Error> {
        if let Some(fault) = self.fault {
            return Err(fault);
        }
        if self.ops.is_empty() {
            return Ok(Vec::new());
        }
        Ok(host::transaction(&self.ops)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Poll {
        id: Option<i64>,
        question: String,
        max_choices: i32,
        weight: f64,
        public: bool,
        closes_on: crate::dates::Date,
        note: Option<String>,
        #[serde(with = "crate::json_column")]
        tags: Vec<String>,
    }

    fn poll() -> Poll {
        Poll {
            id: None,
            question: "Quel horaire ?".into(),
            max_choices: 2,
            weight: 1.5,
            public: true,
            closes_on: crate::dates::Date::parse("2026-12-01").unwrap(),
            note: None,
            tags: vec!["piscine".into()],
        }
    }

    fn find<'c>(cells: &'c [wit::Cell], column: &str) -> Option<&'c Value> {
        cells.iter().find(|c| c.column == column).map(|c| &c.value)
    }

    #[test]
    fn insert_cells_leave_out_null_id_and_none_fields() {
        let cells = row_cells("polls", &poll(), true).unwrap();
        assert_eq!(find(&cells, "id"), None);
        assert_eq!(find(&cells, "note"), None);
        assert_eq!(
            find(&cells, "question"),
            Some(&Value::Text("Quel horaire ?".into()))
        );
        assert_eq!(find(&cells, "max_choices"), Some(&Value::Integer(2)));
        assert_eq!(find(&cells, "weight"), Some(&Value::Float(1.5)));
        assert_eq!(find(&cells, "public"), Some(&Value::Boolean(true)));
        assert_eq!(
            find(&cells, "closes_on"),
            Some(&Value::Text("2026-12-01".into()))
        );
        assert_eq!(
            find(&cells, "tags"),
            Some(&Value::Text(r#"["piscine"]"#.into()))
        );
    }

    #[test]
    fn upsert_cells_write_none_fields_as_null() {
        let cells = row_cells("polls", &poll(), false).unwrap();
        assert_eq!(find(&cells, "note"), Some(&Value::Null));
        assert_eq!(find(&cells, "id"), None);
    }

    #[test]
    fn row_that_is_not_a_map_is_refused() {
        assert!(matches!(
            row_cells("polls", &3, true),
            Err(Error::Internal(_))
        ));
        assert!(matches!(
            row_cells("polls", &json!({ "n": u64::MAX }), true),
            Err(Error::Internal(m)) if m.contains("`n`")
        ));
    }

    #[test]
    fn rows_deserialise_into_typed_rows() {
        let rows = Rows {
            columns: [
                "id",
                "question",
                "max_choices",
                "weight",
                "public",
                "closes_on",
                "note",
                "tags",
            ]
            .map(String::from)
            .to_vec(),
            rows: vec![vec![
                Value::Integer(7),
                Value::Text("Quel horaire ?".into()),
                Value::Integer(2),
                Value::Float(1.5),
                Value::Boolean(true),
                Value::Text("2026-12-01".into()),
                Value::Null,
                Value::Text(r#"["piscine"]"#.into()),
            ]],
        };
        let polls: Vec<Poll> = from_rows("polls", rows).unwrap();
        assert_eq!(
            polls,
            [Poll {
                id: Some(7),
                ..poll()
            }]
        );
    }

    #[test]
    fn row_values_become_json_values() {
        let rows = Rows {
            columns: vec!["b".into(), "f".into(), "nan".into(), "raw".into()],
            rows: vec![vec![
                Value::Boolean(false),
                Value::Float(0.25),
                Value::Float(f64::NAN),
                Value::Bytes(vec![1, 255]),
            ]],
        };
        let maps = rows_to_maps(rows);
        assert_eq!(
            Json::Object(maps[0].clone()),
            json!({ "b": false, "f": 0.25, "nan": null, "raw": [1, 255] })
        );
    }

    #[test]
    fn row_that_does_not_fit_names_table_and_type() {
        let rows = Rows {
            columns: vec!["question".into()],
            rows: vec![vec![Value::Integer(3)]],
        };
        let err = from_rows::<Poll>("polls", rows).unwrap_err();
        assert!(matches!(&err, Error::Internal(m) if m.contains("`polls`") && m.contains("Poll")));
    }

    #[test]
    fn conditions_take_plain_values() {
        assert_eq!(
            eq("n", 3),
            Condition::Eq(wit::Cell {
                column: "n".into(),
                value: Value::Integer(3)
            })
        );
        assert_eq!(
            one_of("s", ["a", "b"]),
            Condition::OneOf(wit::Cells {
                column: "s".into(),
                values: vec![Value::Text("a".into()), Value::Text("b".into())],
            })
        );
        assert_eq!(
            eq("x", None::<i64>),
            Condition::Eq(wit::Cell {
                column: "x".into(),
                value: Value::Null
            })
        );
    }

    #[test]
    fn update_without_filter_is_refused_unless_all_rows() {
        assert!(matches!(
            update("polls").set("status", "closed").checked(),
            Err(Error::Internal(_))
        ));
        assert!(update("polls").all_rows().checked().is_ok());
        assert!(matches!(delete("polls").checked(), Err(Error::Internal(_))));
    }

    #[test]
    fn set_fields_skips_the_id() {
        let op = update("polls")
            .filter(eq("id", 7))
            .set_fields(&Poll {
                id: Some(7),
                ..poll()
            })
            .checked()
            .unwrap();
        assert!(op.set.iter().all(|c| c.column != "id"));
        assert_eq!(op.set.len(), 7);
    }

    #[test]
    fn transaction_steps_link_by_position() {
        let mut tx = transaction();
        let guard = tx.expect_none("votes", [eq("user_id", "u1")], "already-voted");
        let poll = tx.insert("polls", &json!({ "question": "Q" }));
        let option = tx.insert_linked("options", &json!({ "label": "A" }), &[("poll_id", poll)]);
        assert_eq!((guard.index(), poll.index(), option.index()), (0, 1, 2));
        let wit::Operation::Insert(insert) = &tx.ops[2] else {
            panic!("not an insert")
        };
        assert_eq!(
            insert.links,
            [wit::Link {
                column: "poll_id".into(),
                operation: 1
            }]
        );
        let outcomes = [
            Outcome::Checked(0.0),
            Outcome::Inserted(5),
            Outcome::Inserted(6),
        ];
        assert_eq!(poll.id(&outcomes), Some(5));
        assert_eq!(guard.id(&outcomes), None);
    }

    #[test]
    fn transaction_with_a_bad_step_fails_before_reaching_the_host() {
        let mut tx = transaction();
        tx.insert("polls", &"not a row");
        let after = tx.update(update("polls").filter(eq("id", 1)).set("n", 1));
        assert_eq!(after.index(), 1);
        assert!(matches!(tx.commit(), Err(Error::Internal(_))));
    }
}
