//! The storage operations as the host knows them, independent of any
//! version of the plugin API.
//!
//! Each version of the WIT world (`runtime::wit::v1_0_0`, …) converts its
//! generated types into these at the edge, so that a new API version adds a
//! conversion, not a change to every module that touches plugin data. The
//! shapes follow the `storage` interface; what a later version adds (typed
//! date, date-time and JSON values, ranked search) is here too, and an older
//! version's conversion lowers it to what that version can express.

/// A column value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// SQL NULL.
    Null,
    /// A `boolean` column.
    Boolean(bool),
    /// An `integer` column (or `id`).
    Integer(i64),
    /// A `float` column.
    Float(f64),
    /// A `text` column, or any text-stored column when written as text.
    Text(String),
    /// A `bytes` column.
    Bytes(Vec<u8>),
    /// A `date` column, `YYYY-MM-DD`.
    Date(String),
    /// A `datetime` column, RFC 3339 (read back in UTC).
    Datetime(String),
    /// A `json` column, as JSON text.
    Json(String),
}

impl Value {
    /// The text of a text-stored value (text, date, date-time or JSON).
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(s) | Value::Date(s) | Value::Datetime(s) | Value::Json(s) => Some(s),
            _ => None,
        }
    }

    /// The value with a date, date-time or JSON lowered to plain text, as
    /// API 1.0 passes them.
    pub fn into_plain(self) -> Value {
        match self {
            Value::Date(s) | Value::Datetime(s) | Value::Json(s) => Value::Text(s),
            other => other,
        }
    }
}

/// A column and a value.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub column: String,
    pub value: Value,
}

/// A column and several values.
#[derive(Debug, Clone, PartialEq)]
pub struct Cells {
    pub column: String,
    pub values: Vec<Value>,
}

/// Words looked for in several text columns (a `LIKE` per word).
#[derive(Debug, Clone, PartialEq)]
pub struct Search {
    pub columns: Vec<String>,
    pub text: String,
}

/// One condition on a row; a filter is a list that must all hold.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    Eq(Cell),
    Ne(Cell),
    Lt(Cell),
    Le(Cell),
    Gt(Cell),
    Ge(Cell),
    Contains(Cell),
    OneOf(Cells),
    NoneOf(Cells),
    IsNull(String),
    NotNull(String),
    Matches(Search),
}

/// A sort key.
#[derive(Debug, Clone, PartialEq)]
pub struct Order {
    pub column: String,
    pub descending: bool,
}

/// Rows to read.
#[derive(Debug, Clone, PartialEq)]
pub struct RowQuery {
    pub table: String,
    pub columns: Vec<String>,
    pub filter: Vec<Condition>,
    pub order: Vec<Order>,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

/// What an aggregate computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Function {
    Count,
    Sum,
    Min,
    Max,
    Avg,
    CountDistinct,
}

/// One computed column of an aggregate.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    pub function: Function,
    pub column: Option<String>,
    pub name: String,
}

/// Rows grouped and summarised.
#[derive(Debug, Clone, PartialEq)]
pub struct RowAggregate {
    pub table: String,
    pub filter: Vec<Condition>,
    pub group_by: Vec<String>,
    pub measures: Vec<Measure>,
    pub order: Vec<Order>,
    pub limit: Option<u32>,
}

/// A ranked full-text search over a table's declared search columns.
#[derive(Debug, Clone, PartialEq)]
pub struct TextSearch {
    pub table: String,
    /// Columns to return; empty means `id` and every declared column.
    pub columns: Vec<String>,
    /// What the person typed.
    pub text: String,
    /// Conditions the rows must also meet.
    pub filter: Vec<Condition>,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

/// Rows returned by a query or an aggregate.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rows {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// Sets a column to the `id` inserted by an earlier operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub column: String,
    pub operation: u32,
}

/// Add a row.
#[derive(Debug, Clone, PartialEq)]
pub struct RowInsert {
    pub table: String,
    pub row: Vec<Cell>,
    pub links: Vec<Link>,
}

/// Change rows.
#[derive(Debug, Clone, PartialEq)]
pub struct RowUpdate {
    pub table: String,
    pub filter: Vec<Condition>,
    pub set: Vec<Cell>,
}

/// Remove rows.
#[derive(Debug, Clone, PartialEq)]
pub struct RowDelete {
    pub table: String,
    pub filter: Vec<Condition>,
}

/// Insert a row, or update the one with the same key.
#[derive(Debug, Clone, PartialEq)]
pub struct RowUpsert {
    pub table: String,
    pub row: Vec<Cell>,
    pub key: Vec<String>,
    pub links: Vec<Link>,
}

/// A check a transaction makes when it reaches it.
#[derive(Debug, Clone, PartialEq)]
pub struct Expectation {
    pub table: String,
    pub filter: Vec<Condition>,
    pub measure: Measure,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub message: String,
}

/// An event published when the transaction commits.
#[derive(Debug, Clone, PartialEq)]
pub struct Publication {
    pub name: String,
    pub payload: String,
}

/// An audit entry written with the transaction.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    pub action: String,
    pub subject: String,
    pub details: String,
}

/// One step of a transaction.
#[derive(Debug, Clone, PartialEq)]
pub enum Operation {
    Insert(RowInsert),
    Update(RowUpdate),
    Delete(RowDelete),
    Upsert(RowUpsert),
    Expect(Expectation),
    Publish(Publication),
    Audit(AuditEntry),
}

/// What one step of a transaction did.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Outcome {
    Inserted(i64),
    Affected(u64),
    Checked(f64),
    Done,
}

/// Why a storage operation failed; nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    UnknownTable(String),
    UnknownColumn(String),
    InvalidValue(String),
    Conflict(String),
    MissingValue(String),
    InvalidOperation(String),
    Unavailable(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (kind, message) = match self {
            StorageError::UnknownTable(m) => ("unknown table", m),
            StorageError::UnknownColumn(m) => ("unknown column", m),
            StorageError::InvalidValue(m) => ("invalid value", m),
            StorageError::Conflict(m) => ("conflict", m),
            StorageError::MissingValue(m) => ("missing value", m),
            StorageError::InvalidOperation(m) => ("invalid operation", m),
            StorageError::Unavailable(m) => ("unavailable", m),
        };
        write!(f, "{kind}: {message}")
    }
}

impl std::error::Error for StorageError {}
