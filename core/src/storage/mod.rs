//! Plugin data: the structured operations of the `storage` interface run
//! against the plugin's own tables, always scoped to one site.
//!
//! Nothing a plugin sends is SQL: table and column names are looked up in
//! the plugin's manifest (an unknown name is an error, so another plugin's
//! table cannot be named), values are bound as parameters after being
//! checked against the declared column types, and `site_id = <current site>`
//! is added to every statement by this module, never by the plugin.

mod exec;
pub mod ops;
pub mod schema;
mod search;

use std::sync::Arc;

use sea_orm::sea_query::{
    self as sq, Alias, Expr, ExprTrait, Func, LikeExpr, OnConflict, Query, SimpleExpr,
};
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, QueryTrait, TransactionTrait,
};
use serde_json::json;

use exec::{Exec, SqlError};

use crate::package::manifest::{ColumnType, Manifest, Table};
use ops::{Condition, Outcome, StorageError, Value};

/// Threads (each with its SQLite connection) that run plugin queries: as
/// many as sqlx's pool has connections, so that a few slow queries do not
/// hold up the rest.
const READERS: usize = 8;
/// How long a query may run on the caller's thread before it is stopped and
/// handed to a reader thread (see `exec`): about ten times a page's usual
/// query, and short enough that a tokio worker is never held up for long.
const INLINE_BUDGET: std::time::Duration = std::time::Duration::from_millis(1);
/// Most rows one query returns.
pub const MAX_ROWS: u32 = 10_000;
/// Most operations in one transaction.
pub const MAX_OPERATIONS: usize = 1_000;
const MAX_TEXT: usize = 1 << 20;
const MAX_BYTES: usize = 8 << 20;

pub use crate::db::rows::{Actor, unstorable, unstorable_char};

/// PostgreSQL's B-tree index entries hold at most 2,704 bytes (SQLite's
/// have no such bound), so a long value in an indexed column failed there
/// with a database fault and passed on SQLite. Text written to an indexed
/// column is refused past its share of this many bytes in the index
/// (2,400 for a one-column index, 1,200 each for two text columns…).
const INDEX_ENTRY_TEXT: usize = 2_400;

/// Most bytes of text a write may put in `column`, when it is indexed.
fn indexed_text_limit(table: &Table, column: &str) -> Option<usize> {
    let is_text = |c: &str| {
        matches!(
            table.column(c).map(|c| c.kind),
            Some(ColumnType::Text | ColumnType::Json)
        )
    };
    table
        .indexes
        .iter()
        .chain(&table.unique)
        .filter(|cols| cols.iter().any(|c| c == column))
        .map(|cols| INDEX_ENTRY_TEXT / cols.iter().filter(|c| is_text(c.as_str())).count().max(1))
        .min()
}

/// Check the cells a write puts in `table` beyond what [`bind`] checks.
fn check_written(table: &Table, cells: &[ops::Cell]) -> Res<()> {
    search::check_written(table, cells)?;
    for c in cells {
        if let Some(s) = c.value.as_text()
            && let Some(limit) = indexed_text_limit(table, &c.column)
            && s.len() > limit
        {
            return Err(StorageError::InvalidValue(format!(
                "column `{}` is indexed: its text is at most {limit} bytes, not {}",
                c.column,
                s.len()
            )));
        }
    }
    Ok(())
}

fn storable(column: &str, s: &str) -> Res<()> {
    if unstorable(s) {
        return Err(StorageError::InvalidValue(format!(
            "column `{column}`: text cannot contain the character U+0000 (NUL)"
        )));
    }
    Ok(())
}

/// The database and what it takes to write to it safely.
#[derive(Clone)]
pub struct Storage {
    pub db: DatabaseConnection,
    /// What SQLite needs beside `db`; None on PostgreSQL.
    sqlite: Option<Arc<Sqlite>>,
    /// Moves with every transaction of a plugin on a site.
    pub writes: Arc<WriteClock>,
}

/// The write lock and the connections plugin statements run on, on SQLite
/// (see `exec`).
struct Sqlite {
    /// SQLite allows one writer at a time; writers of this process queue
    /// here instead of failing with `SQLITE_BUSY`.
    write_lock: Arc<tokio::sync::Mutex<()>>,
    /// The thread plugin transactions run on.
    writer: Arc<exec::Connections>,
    /// The threads plugin queries run on when they are not quick.
    readers: Arc<exec::Connections>,
    /// Queries are tried on the caller's thread first.
    inline: exec::InlineReads,
}

/// A counter per (site, plugin) that every transaction moves once it has
/// ended (committed or not), so that what was read before can be known to
/// be unchanged: the page cache keeps a page only while the count it read
/// before calling the plugin is still the count (see `web::cache`).
///
/// It counts the writes made through this node only; another node's
/// writes show once the cached page's own age runs out.
#[derive(Default)]
pub struct WriteClock {
    counts:
        std::sync::Mutex<std::collections::HashMap<i64, std::collections::HashMap<String, u64>>>,
}

impl WriteClock {
    /// The count of writes so far by `plugin` on site `site_id`.
    pub fn now(&self, site_id: i64, plugin: &str) -> u64 {
        let counts = self.counts.lock().expect("write clock lock");
        counts
            .get(&site_id)
            .and_then(|plugins| plugins.get(plugin))
            .copied()
            .unwrap_or(0)
    }

    /// Count one more write by `plugin` on site `site_id`.
    pub fn tick(&self, site_id: i64, plugin: &str) {
        let mut counts = self.counts.lock().expect("write clock lock");
        let plugins = counts.entry(site_id).or_default();
        match plugins.get_mut(plugin) {
            Some(n) => *n += 1,
            None => {
                plugins.insert(plugin.to_owned(), 1);
            }
        }
    }
}

/// The plugin and site an operation runs for.
#[derive(Clone, Copy)]
pub struct Scope<'a> {
    pub site_id: i64,
    pub manifest: &'a Arc<Manifest>,
    pub actor: &'a Actor,
}

type Res<T> = Result<T, StorageError>;

/// The kind of value a result column holds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Integer,
    Float,
    Text,
    Boolean,
    Bytes,
    /// Stored as text, read back as a typed value.
    Date,
    Datetime,
    Json,
}

impl Kind {
    /// Stored as text.
    fn is_text(self) -> bool {
        matches!(self, Kind::Text | Kind::Date | Kind::Datetime | Kind::Json)
    }

    /// A stored text as the value of this kind.
    fn text_value(self, s: String) -> Value {
        match self {
            Kind::Date => Value::Date(s),
            Kind::Datetime => Value::Datetime(s),
            Kind::Json => Value::Json(s),
            _ => Value::Text(s),
        }
    }
}

impl From<ColumnType> for Kind {
    fn from(t: ColumnType) -> Kind {
        match t {
            ColumnType::Integer => Kind::Integer,
            ColumnType::Float => Kind::Float,
            ColumnType::Boolean => Kind::Boolean,
            ColumnType::Bytes => Kind::Bytes,
            ColumnType::Text => Kind::Text,
            ColumnType::Date => Kind::Date,
            ColumnType::Datetime => Kind::Datetime,
            ColumnType::Json => Kind::Json,
        }
    }
}

impl Storage {
    /// Plugin storage over `db`. On SQLite, it starts the threads plugin
    /// statements run on (one writer, `READERS` readers), each with its
    /// own connection to the same file.
    ///
    /// # Errors
    /// An SQLite database that is not a file (an in-memory one cannot be
    /// shared with other connections), or one they cannot open.
    pub async fn new(db: DatabaseConnection) -> anyhow::Result<Storage> {
        let sqlite = if db.get_database_backend() == DbBackend::Sqlite {
            let file = sqlite_file(&db).await?;
            Some(Arc::new(Sqlite {
                write_lock: Arc::default(),
                writer: exec::Connections::start(&file, exec::Role::Writer)?,
                readers: exec::Connections::start(&file, exec::Role::Readers(READERS))?,
                inline: exec::InlineReads::new(&file, READERS, INLINE_BUDGET),
            }))
        } else {
            None
        };
        Ok(Storage {
            db,
            sqlite,
            writes: Arc::default(),
        })
    }

    /// On SQLite, how many plugin queries were answered on the caller's
    /// thread and how many went to the reader threads (too slow for the
    /// budget, or every inline connection busy); zero on PostgreSQL.
    pub fn read_counts(&self) -> (u64, u64) {
        self.sqlite.as_ref().map_or((0, 0), |s| s.inline.counts())
    }

    /// How long a query may run on the caller's thread before it goes to a
    /// reader thread (default 1 ms; tests set it to zero).
    pub fn set_inline_budget(&self, budget: std::time::Duration) {
        if let Some(s) = &self.sqlite {
            s.inline.set_budget(budget);
        }
    }

    pub fn backend(&self) -> DbBackend {
        self.db.get_database_backend()
    }

    /// Run `work` in one transaction of the host's database, under the
    /// SQLite writer lock (on PostgreSQL the database orders writers):
    /// committed if it returns `Ok`, rolled back otherwise. Every write of
    /// the host that touches more than one row, or that must not
    /// interleave with a plugin's transaction, goes through here, so no
    /// caller takes the lock or forgets the transaction by hand.
    ///
    /// # Errors
    /// What `work` returns, or the database fails to begin or commit.
    pub async fn transact<T, E>(
        &self,
        work: impl AsyncFnOnce(&sea_orm::DatabaseTransaction) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<sea_orm::DbErr>,
    {
        use sea_orm::TransactionTrait as _;
        let _guard = self.write_guard().await;
        let txn = self.db.begin().await?;
        match work(&txn).await {
            Ok(value) => {
                txn.commit().await?;
                Ok(value)
            }
            Err(e) => {
                // Dropping the transaction rolls it back too; saying so
                // frees the connection at once.
                let _ = txn.rollback().await;
                Err(e)
            }
        }
    }

    /// Run `work`, one statement or a few that need no transaction, on
    /// the host's database under the SQLite writer lock (on PostgreSQL,
    /// as is). For a single claim or update where a transaction would only
    /// add round trips.
    ///
    /// # Errors
    /// What `work` returns.
    pub async fn serialized<T, E>(
        &self,
        work: impl AsyncFnOnce(&DatabaseConnection) -> Result<T, E>,
    ) -> Result<T, E> {
        let _guard = self.write_guard().await;
        work(&self.db).await
    }

    /// Hold this while writing on SQLite (a no-op guard on PostgreSQL).
    /// Outside this module, writes go through [`Storage::transact`] or
    /// [`Storage::serialized`], which take it.
    pub(crate) async fn write_guard(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        match &self.sqlite {
            Some(s) => Some(s.write_lock.lock().await),
            None => None,
        }
    }

    /// The rows of a select, each cell read as its kind: on SQLite here if
    /// it is quick, else on one of the reader threads; on PostgreSQL
    /// through sea-orm.
    async fn read(&self, stmt: &sq::SelectStatement, kinds: Vec<Kind>) -> Res<Vec<Vec<Value>>> {
        let stmt = self.backend().build(stmt);
        match &self.sqlite {
            Some(sqlite) => {
                if let Some(rows) = sqlite
                    .inline
                    .try_run(|conn| exec::SqliteExec(conn).rows(stmt.clone(), &kinds))
                {
                    return Ok(rows);
                }
                sqlite
                    .readers
                    .run(move |conn| exec::SqliteExec(conn).rows(stmt, &kinds))
                    .await
                    .unwrap_or_else(|| {
                        Err(SqlError::Other("the SQLite readers have stopped".into()))
                    })
                    .map_err(db_error)
            }
            None => {
                let rows = self
                    .db
                    .query_all_raw(stmt)
                    .await
                    .map_err(|e| db_error(e.into()))?;
                rows.iter()
                    .map(|r| exec::read_row(r, &kinds))
                    .collect::<Result<_, _>>()
                    .map_err(db_error)
            }
        }
    }

    /// Read rows.
    pub async fn query(&self, scope: Scope<'_>, q: ops::RowQuery) -> Res<ops::Rows> {
        let table = table(scope.manifest, &q.table)?;
        let columns: Vec<String> = if q.columns.is_empty() {
            std::iter::once("id".to_string())
                .chain(table.columns.iter().map(|c| c.name.clone()))
                .collect()
        } else {
            q.columns.clone()
        };
        let mut kinds = Vec::with_capacity(columns.len());
        let mut stmt = Query::select();
        stmt.from(Alias::new(schema::physical_name(
            &scope.manifest.name,
            &table.name,
        )));
        for c in &columns {
            kinds.push(column_kind(table, c)?);
            stmt.column(Alias::new(c));
        }
        stmt.and_where(site(scope.site_id));
        for cond in &q.filter {
            stmt.and_where(condition(table, cond)?);
        }
        if q.order.is_empty() {
            stmt.order_by(Alias::new("id"), sq::Order::Asc);
        }
        for o in &q.order {
            column_kind(table, &o.column)?;
            stmt.order_by(
                Alias::new(&o.column),
                if o.descending {
                    sq::Order::Desc
                } else {
                    sq::Order::Asc
                },
            );
        }
        stmt.limit(u64::from(Ord::min(q.limit.unwrap_or(MAX_ROWS), MAX_ROWS)));
        if let Some(off) = q.offset {
            stmt.offset(u64::from(off));
        }
        Ok(ops::Rows {
            rows: self.read(&stmt, kinds).await?,
            columns,
        })
    }

    /// Summarise rows.
    pub async fn aggregate(&self, scope: Scope<'_>, a: ops::RowAggregate) -> Res<ops::Rows> {
        let table = table(scope.manifest, &a.table)?;
        let backend = self.backend();
        let mut stmt = Query::select();
        stmt.from(Alias::new(schema::physical_name(
            &scope.manifest.name,
            &table.name,
        )));
        let mut columns = Vec::new();
        let mut kinds = Vec::new();
        for g in &a.group_by {
            kinds.push(column_kind(table, g)?);
            stmt.column(Alias::new(g)).group_by_col(Alias::new(g));
            columns.push(g.clone());
        }
        if a.measures.is_empty() {
            return Err(StorageError::InvalidOperation(
                "an aggregate needs at least one measure".into(),
            ));
        }
        for m in &a.measures {
            if !crate::package::manifest::is_identifier(&m.name, 40) || columns.contains(&m.name) {
                return Err(StorageError::InvalidOperation(format!(
                    "measure name `{}` must be a lowercase identifier unique in the result",
                    m.name
                )));
            }
            let (expr, kind) = measure_expr(table, m, backend)?;
            stmt.expr_as(expr, Alias::new(&m.name));
            columns.push(m.name.clone());
            kinds.push(kind);
        }
        stmt.and_where(site(scope.site_id));
        for cond in &a.filter {
            stmt.and_where(condition(table, cond)?);
        }
        for o in &a.order {
            if !columns.contains(&o.column) {
                return Err(StorageError::UnknownColumn(format!(
                    "`{}` is neither a group column nor a measure",
                    o.column
                )));
            }
            stmt.order_by(
                Alias::new(&o.column),
                if o.descending {
                    sq::Order::Desc
                } else {
                    sq::Order::Asc
                },
            );
        }
        if let Some(limit) = a.limit {
            stmt.limit(u64::from(Ord::min(limit, MAX_ROWS)));
        }
        Ok(ops::Rows {
            rows: self.read(&stmt, kinds).await?,
            columns,
        })
    }

    /// Run operations atomically. Expectations take a lock per (site, table)
    /// first, so that the check and the writes after it are serialised with
    /// every other guarded transaction on the same table.
    ///
    /// Once it has ended, committed or not, the write clock of the site and
    /// plugin moves. The transaction runs on its own thread, so it ends and
    /// the clock moves after the commit even when the caller has stopped
    /// waiting.
    pub async fn transaction(
        &self,
        scope: Scope<'_>,
        ops: Vec<ops::Operation>,
    ) -> Res<Vec<Outcome>> {
        if ops.is_empty() {
            return Ok(Vec::new());
        }
        if ops.len() > MAX_OPERATIONS {
            return Err(StorageError::InvalidOperation(format!(
                "a transaction holds at most {MAX_OPERATIONS} operations, not {}",
                ops.len()
            )));
        }
        // Check every name and value before touching the database.
        for (i, op) in ops.iter().enumerate() {
            validate_op(scope.manifest, op).map_err(|e| at_operation(i, e))?;
        }
        let (site_id, manifest, actor) =
            (scope.site_id, scope.manifest.clone(), scope.actor.clone());
        let writes = self.writes.clone();
        let ended = || StorageError::Unavailable("the database writer has stopped".into());
        match &self.sqlite {
            Some(sqlite) => {
                let lock = sqlite.write_lock.clone();
                sqlite
                    .writer
                    .run(move |conn| {
                        let scope = Scope {
                            site_id,
                            manifest: &manifest,
                            actor: &actor,
                        };
                        let out = {
                            let _guard = lock.blocking_lock();
                            sqlite_transaction(conn, scope, ops)
                        };
                        writes.tick(site_id, &manifest.name);
                        out
                    })
                    .await
                    .unwrap_or_else(|| Err(ended()))
            }
            None => {
                let db = self.db.clone();
                tokio::task::spawn_blocking(move || {
                    let scope = Scope {
                        site_id,
                        manifest: &manifest,
                        actor: &actor,
                    };
                    let out = sea_transaction(&db, scope, ops);
                    writes.tick(site_id, &manifest.name);
                    out
                })
                .await
                .unwrap_or_else(|_| Err(ended()))
            }
        }
    }

    /// One write, as a transaction of one operation.
    pub async fn write(&self, scope: Scope<'_>, op: ops::Operation) -> Res<Outcome> {
        let mut out = self.transaction(scope, vec![op]).await?;
        Ok(out.pop().unwrap_or(Outcome::Done))
    }
}

/// The file of an SQLite database, as SQLite itself names it.
async fn sqlite_file(db: &DatabaseConnection) -> anyhow::Result<std::path::PathBuf> {
    use anyhow::Context as _;
    let rows = db
        .query_all_raw(sea_orm::Statement::from_string(
            DbBackend::Sqlite,
            "SELECT file FROM pragma_database_list WHERE name = 'main'",
        ))
        .await
        .context("cannot read which file the SQLite database is")?;
    let file: String = rows
        .first()
        .map(|r| r.try_get_by_index(0))
        .transpose()?
        .unwrap_or_default();
    anyhow::ensure!(
        !file.is_empty(),
        "plugin storage needs an SQLite database in a file, not in memory \
         (give DATABASE_URL=sqlite://<file>?mode=rwc, or leave it unset for the data folder's)"
    );
    Ok(file.into())
}

fn table<'m>(manifest: &'m Manifest, name: &str) -> Res<&'m Table> {
    manifest.table(name).ok_or_else(|| {
        StorageError::UnknownTable(format!(
            "`{name}` is not a table of plugin `{}` (declared: {})",
            manifest.name,
            manifest
                .tables
                .iter()
                .map(|t| t.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))
    })
}

fn column_type(table: &Table, name: &str) -> Res<Option<ColumnType>> {
    if name == "id" {
        return Ok(None);
    }
    table.column(name).map(|c| Some(c.kind)).ok_or_else(|| {
        StorageError::UnknownColumn(format!(
            "`{name}` is not a column of table `{}`",
            table.name
        ))
    })
}

fn column_kind(table: &Table, name: &str) -> Res<Kind> {
    Ok(column_type(table, name)?.map_or(Kind::Integer, Kind::from))
}

fn site(site_id: i64) -> SimpleExpr {
    Expr::col(Alias::new("site_id")).eq(site_id)
}

fn null_of(t: Option<ColumnType>) -> sq::Value {
    match t.map(Kind::from) {
        None | Some(Kind::Integer) => sq::Value::BigInt(None),
        Some(Kind::Float) => sq::Value::Double(None),
        Some(Kind::Boolean) => sq::Value::Bool(None),
        Some(Kind::Bytes) => sq::Value::Bytes(None),
        Some(Kind::Text | Kind::Date | Kind::Datetime | Kind::Json) => sq::Value::String(None),
    }
}

/// Check a value against its column and turn it into a bound parameter.
fn bind(table: &Table, column: &str, v: &Value) -> Res<sq::Value> {
    let t = column_type(table, column)?;
    let wrong = |what: &str| {
        StorageError::InvalidValue(format!(
            "column `{column}` of `{}` is {}, not {what}",
            table.name,
            t.map_or("integer (id)", ColumnType::as_str)
        ))
    };
    Ok(match (t, v) {
        (_, Value::Null) => null_of(t),
        (None | Some(ColumnType::Integer), Value::Integer(i)) => sq::Value::BigInt(Some(*i)),
        (Some(ColumnType::Float), Value::Float(f)) if f.is_finite() => sq::Value::Double(Some(*f)),
        (Some(ColumnType::Float), Value::Integer(i)) => sq::Value::Double(Some(*i as f64)),
        (Some(ColumnType::Boolean), Value::Boolean(b)) => sq::Value::Bool(Some(*b)),
        (Some(ColumnType::Bytes), Value::Bytes(b)) => {
            if b.len() > MAX_BYTES {
                return Err(StorageError::InvalidValue(format!(
                    "column `{column}`: more than {MAX_BYTES} bytes"
                )));
            }
            sq::Value::Bytes(Some(b.clone()))
        }
        // A typed value goes only to a column of its type; text goes to
        // any text-stored column and is checked against its type.
        (Some(ColumnType::Text | ColumnType::Datetime | ColumnType::Json), Value::Date(_))
        | (Some(ColumnType::Text | ColumnType::Date | ColumnType::Json), Value::Datetime(_))
        | (Some(ColumnType::Text | ColumnType::Date | ColumnType::Datetime), Value::Json(_)) => {
            return Err(wrong(typed_name(v)));
        }
        (
            Some(
                kind @ (ColumnType::Text
                | ColumnType::Date
                | ColumnType::Datetime
                | ColumnType::Json),
            ),
            Value::Text(s) | Value::Date(s) | Value::Datetime(s) | Value::Json(s),
        ) => {
            if s.len() > MAX_TEXT {
                return Err(StorageError::InvalidValue(format!(
                    "column `{column}`: text longer than {MAX_TEXT} bytes"
                )));
            }
            storable(column, s)?;
            let s = match kind {
                ColumnType::Date => normalise_date(s).ok_or_else(|| {
                    StorageError::InvalidValue(format!(
                        "column `{column}`: `{s}` is not a date YYYY-MM-DD"
                    ))
                })?,
                ColumnType::Datetime => normalise_datetime(s).ok_or_else(|| {
                    StorageError::InvalidValue(format!(
                        "column `{column}`: `{s}` is not an RFC 3339 date-time"
                    ))
                })?,
                ColumnType::Json => {
                    serde_json::from_str::<serde_json::Value>(s).map_err(|e| {
                        StorageError::InvalidValue(format!("column `{column}`: not JSON: {e}"))
                    })?;
                    s.clone()
                }
                _ => s.clone(),
            };
            sq::Value::String(Some(s))
        }
        (_, Value::Float(_)) => return Err(wrong("a float")),
        (_, Value::Integer(_)) => return Err(wrong("an integer")),
        (_, Value::Text(_)) => return Err(wrong("text")),
        (_, Value::Boolean(_)) => return Err(wrong("a boolean")),
        (_, Value::Bytes(_)) => return Err(wrong("bytes")),
        (_, Value::Date(_) | Value::Datetime(_) | Value::Json(_)) => {
            return Err(wrong(typed_name(v)));
        }
    })
}

fn typed_name(v: &Value) -> &'static str {
    match v {
        Value::Date(_) => "a date",
        Value::Datetime(_) => "a date-time",
        Value::Json(_) => "JSON",
        _ => "this value",
    }
}

fn normalise_date(s: &str) -> Option<String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .map(|d| d.format("%Y-%m-%d").to_string())
}

/// Date-times are stored in UTC with second precision so that text order
/// is time order.
fn normalise_datetime(s: &str) -> Option<String> {
    let dt = chrono::DateTime::parse_from_rfc3339(s).ok()?;
    Some(
        dt.with_timezone(&chrono::Utc)
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string(),
    )
}

fn like_pattern(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('%');
    for ch in text.to_lowercase().chars() {
        if matches!(ch, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(ch);
    }
    out.push('%');
    out
}

fn contains_expr(column: &str, text: &str) -> SimpleExpr {
    Expr::expr(Func::lower(Expr::col(Alias::new(column))))
        .like(LikeExpr::new(like_pattern(text)).escape('\\'))
}

fn text_column(table: &Table, column: &str) -> Res<()> {
    match column_type(table, column)? {
        Some(ColumnType::Text | ColumnType::Json | ColumnType::Date | ColumnType::Datetime) => {
            Ok(())
        }
        _ => Err(StorageError::InvalidOperation(format!(
            "`{column}` is not a text column: it cannot be searched"
        ))),
    }
}

fn condition(table: &Table, c: &Condition) -> Res<SimpleExpr> {
    let col = |name: &str| Expr::col(Alias::new(name));
    Ok(match c {
        Condition::Eq(cell) => col(&cell.column).eq(bind(table, &cell.column, &cell.value)?),
        Condition::Ne(cell) => col(&cell.column).ne(bind(table, &cell.column, &cell.value)?),
        Condition::Lt(cell) => col(&cell.column).lt(bind(table, &cell.column, &cell.value)?),
        Condition::Le(cell) => col(&cell.column).lte(bind(table, &cell.column, &cell.value)?),
        Condition::Gt(cell) => col(&cell.column).gt(bind(table, &cell.column, &cell.value)?),
        Condition::Ge(cell) => col(&cell.column).gte(bind(table, &cell.column, &cell.value)?),
        Condition::Contains(cell) => {
            text_column(table, &cell.column)?;
            match &cell.value {
                Value::Text(t) => {
                    storable(&cell.column, t)?;
                    contains_expr(&cell.column, t)
                }
                _ => {
                    return Err(StorageError::InvalidValue(
                        "`contains` needs a text value".into(),
                    ));
                }
            }
        }
        Condition::OneOf(cells) | Condition::NoneOf(cells) => {
            let values = cells
                .values
                .iter()
                .map(|v| bind(table, &cells.column, v))
                .collect::<Res<Vec<_>>>()?;
            let none = matches!(c, Condition::NoneOf(_));
            match (values.is_empty(), none) {
                // `IN ()` is not SQL: an empty list matches nothing (or everything).
                (true, false) => Expr::cust("1 = 0"),
                (true, true) => Expr::cust("1 = 1"),
                (false, false) => col(&cells.column).is_in(values),
                (false, true) => col(&cells.column).is_not_in(values),
            }
        }
        Condition::IsNull(name) => {
            column_type(table, name)?;
            col(name).is_null()
        }
        Condition::NotNull(name) => {
            column_type(table, name)?;
            col(name).is_not_null()
        }
        Condition::Matches(search) => {
            if search.columns.is_empty() {
                return Err(StorageError::InvalidOperation(
                    "`matches` needs at least one column".into(),
                ));
            }
            for c in &search.columns {
                text_column(table, c)?;
            }
            storable(&search.columns[0], &search.text)?;
            let mut all = sq::Condition::all();
            for word in search.text.split_whitespace().take(16) {
                let mut any = sq::Condition::any();
                for c in &search.columns {
                    any = any.add(contains_expr(c, word));
                }
                all = all.add(any);
            }
            Expr::expr(SimpleExpr::from(all))
        }
    })
}

fn measure_expr(table: &Table, m: &ops::Measure, backend: DbBackend) -> Res<(SimpleExpr, Kind)> {
    use ops::Function as F;
    let col = match (&m.column, m.function) {
        (None, F::Count) => None,
        (None, _) => {
            return Err(StorageError::InvalidOperation(format!(
                "measure `{}` needs a column",
                m.name
            )));
        }
        (Some(c), _) => Some((c.clone(), column_type(table, c)?)),
    };
    let double = if backend == DbBackend::Postgres {
        "DOUBLE PRECISION"
    } else {
        "REAL"
    };
    let numeric =
        |t: Option<ColumnType>| matches!(t, None | Some(ColumnType::Integer | ColumnType::Float));
    Ok(match (m.function, col) {
        (F::Count, None) => (Expr::cust("COUNT(*)"), Kind::Integer),
        (F::Count, Some((c, _))) => (Func::count(Expr::col(Alias::new(c))).into(), Kind::Integer),
        (F::CountDistinct, Some((c, _))) => (
            Func::count_distinct(Expr::col(Alias::new(c))).into(),
            Kind::Integer,
        ),
        (F::Sum, Some((c, t))) if numeric(t) => {
            let is_float = t == Some(ColumnType::Float);
            let ty = if is_float { double } else { "BIGINT" };
            (
                Func::cast_as(
                    Func::coalesce([
                        Expr::from(Func::sum(Expr::col(Alias::new(c)))),
                        Expr::val(0),
                    ]),
                    Alias::new(ty),
                )
                .into(),
                if is_float { Kind::Float } else { Kind::Integer },
            )
        }
        (F::Avg, Some((c, t))) if numeric(t) => (
            Func::cast_as(Func::avg(Expr::col(Alias::new(c))), Alias::new(double)).into(),
            Kind::Float,
        ),
        (F::Min | F::Max, Some((c, t))) => {
            let e = Expr::col(Alias::new(c));
            let f = if m.function == F::Min {
                Func::min(e)
            } else {
                Func::max(e)
            };
            (f.into(), t.map_or(Kind::Integer, Kind::from))
        }
        (_, Some((c, _))) => {
            return Err(StorageError::InvalidOperation(format!(
                "`{c}` is not numeric: it cannot be summed or averaged"
            )));
        }
        (_, None) => unreachable!("checked above"),
    })
}

fn validate_op(manifest: &Manifest, op: &ops::Operation) -> Res<()> {
    use ops::Operation as O;
    match op {
        O::Insert(i) => check_insert(manifest, i),
        O::Upsert(u) => check_upsert(manifest, u),
        O::Update(u) => check_update(manifest, u),
        O::Delete(d) => check_delete(manifest, d),
        O::Expect(e) => check_expect(manifest, e),
        O::Publish(p) => check_publish(p),
        O::Audit(a) => check_audit(a),
    }
}

/// An insert: known columns, each once, `id` left to the host, links to
/// columns not also given.
fn check_insert(manifest: &Manifest, i: &ops::RowInsert) -> Res<()> {
    let t = table(manifest, &i.table)?;
    for (k, c) in i.row.iter().enumerate() {
        if c.column == "id" {
            return Err(StorageError::InvalidOperation(
                "`id` is assigned by the host".into(),
            ));
        }
        if i.row[..k].iter().any(|o| o.column == c.column) {
            return Err(StorageError::InvalidOperation(format!(
                "column `{}` is given twice",
                c.column
            )));
        }
        bind(t, &c.column, &c.value)?;
    }
    check_written(t, &i.row)?;
    for l in &i.links {
        column_type(t, &l.column)?;
        if i.row.iter().any(|c| c.column == l.column) {
            return Err(StorageError::InvalidOperation(format!(
                "column `{}` is both given a value and linked to an earlier operation",
                l.column
            )));
        }
    }
    Ok(())
}

/// An upsert: as an insert, on a declared unique key.
fn check_upsert(manifest: &Manifest, u: &ops::RowUpsert) -> Res<()> {
    let t = table(manifest, &u.table)?;
    for c in &u.row {
        bind(t, &c.column, &c.value)?;
    }
    check_written(t, &u.row)?;
    for l in &u.links {
        column_type(t, &l.column)?;
        if u.row.iter().any(|c| c.column == l.column) {
            return Err(StorageError::InvalidOperation(format!(
                "column `{}` is both given a value and linked to an earlier operation",
                l.column
            )));
        }
    }
    let mut key = u.key.clone();
    key.sort();
    let declared = t.unique.iter().any(|cols| {
        let mut cols = cols.clone();
        cols.sort();
        cols == key
    });
    if !declared {
        return Err(StorageError::InvalidOperation(format!(
            "upsert key ({}) is not a unique constraint declared on table `{}`",
            u.key.join(", "),
            t.name
        )));
    }
    Ok(())
}

/// An update: at least one column, never `id`, valid conditions.
fn check_update(manifest: &Manifest, u: &ops::RowUpdate) -> Res<()> {
    let t = table(manifest, &u.table)?;
    if u.set.is_empty() {
        return Err(StorageError::InvalidOperation(
            "an update sets at least one column".into(),
        ));
    }
    for c in &u.set {
        if c.column == "id" {
            return Err(StorageError::InvalidOperation(
                "`id` cannot be changed".into(),
            ));
        }
        bind(t, &c.column, &c.value)?;
    }
    check_written(t, &u.set)?;
    for c in &u.filter {
        condition(t, c)?;
    }
    Ok(())
}

/// A delete: valid conditions.
fn check_delete(manifest: &Manifest, d: &ops::RowDelete) -> Res<()> {
    let t = table(manifest, &d.table)?;
    for c in &d.filter {
        condition(t, c)?;
    }
    Ok(())
}

/// An expectation: valid conditions and measure.
fn check_expect(manifest: &Manifest, e: &ops::Expectation) -> Res<()> {
    let t = table(manifest, &e.table)?;
    for c in &e.filter {
        condition(t, c)?;
    }
    measure_expr(t, &e.measure, DbBackend::Sqlite)?;
    Ok(())
}

/// A publication: a valid event name and a JSON payload.
fn check_publish(p: &ops::Publication) -> Res<()> {
    if !crate::package::manifest::is_identifier(&p.name.replace('-', "_"), 64) {
        return Err(StorageError::InvalidOperation(format!(
            "event name `{}` is not valid",
            p.name
        )));
    }
    serde_json::from_str::<serde_json::Value>(&p.payload)
        .map_err(|e| StorageError::InvalidValue(format!("event payload is not JSON: {e}")))?;
    Ok(())
}

/// An audit entry: storable text and JSON details.
fn check_audit(a: &ops::AuditEntry) -> Res<()> {
    storable("action", &a.action)?;
    storable("subject", &a.subject)?;
    serde_json::from_str::<serde_json::Value>(&a.details)
        .map_err(|e| StorageError::InvalidValue(format!("audit details are not JSON: {e}")))?;
    Ok(())
}

fn linked_id(outcomes: &[Outcome], link: &ops::Link) -> Res<i64> {
    match outcomes.get(link.operation as usize) {
        Some(Outcome::Inserted(id)) => Ok(*id),
        _ => Err(StorageError::InvalidOperation(format!(
            "link on `{}` refers to operation {}, which is not an earlier insert",
            link.column, link.operation
        ))),
    }
}

/// Say which operation of a transaction a refusal is about.
fn at_operation(i: usize, e: StorageError) -> StorageError {
    match e {
        StorageError::InvalidOperation(m) => {
            StorageError::InvalidOperation(format!("operation {i}: {m}"))
        }
        other => other,
    }
}

/// A transaction on the SQLite writer's connection. `BEGIN IMMEDIATE`
/// takes the write lock at once (the process's writers already queue on
/// `write_lock`; this keeps another process, the CLI, from deadlocking it).
fn sqlite_transaction(
    conn: &mut rusqlite::Connection,
    scope: Scope<'_>,
    ops: Vec<ops::Operation>,
) -> Res<Vec<Outcome>> {
    let txn = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(|e| db_error(e.into()))?;
    // Dropping `txn` without a commit rolls it back.
    let outcomes = apply(&mut exec::SqliteExec(&txn), scope, ops)?;
    txn.commit().map_err(|e| db_error(e.into()))?;
    Ok(outcomes)
}

/// A transaction through sea-orm (PostgreSQL), from a blocking thread.
fn sea_transaction(
    db: &DatabaseConnection,
    scope: Scope<'_>,
    ops: Vec<ops::Operation>,
) -> Res<Vec<Outcome>> {
    let rt = tokio::runtime::Handle::current();
    let txn = rt.block_on(db.begin()).map_err(|e| db_error(e.into()))?;
    let done = apply(
        &mut exec::SeaExec {
            txn: &txn,
            rt: rt.clone(),
        },
        scope,
        ops,
    );
    match done {
        Ok(outcomes) => {
            rt.block_on(txn.commit()).map_err(|e| db_error(e.into()))?;
            Ok(outcomes)
        }
        Err(e) => {
            let _ = rt.block_on(txn.rollback());
            Err(e)
        }
    }
}

/// The operations of a checked transaction, in a transaction begun on
/// `exec`; the caller commits, or rolls back on an error.
fn apply(exec: &mut dyn Exec, scope: Scope<'_>, ops: Vec<ops::Operation>) -> Res<Vec<Outcome>> {
    if exec.backend() == DbBackend::Postgres {
        // Expectations lock their (site, table) until the commit, so that
        // the check and the writes after it are serialised with every
        // other guarded transaction on the table (SQLite has one writer).
        let mut locked: Vec<&str> = ops
            .iter()
            .filter_map(|op| match op {
                ops::Operation::Expect(e) => Some(e.table.as_str()),
                _ => None,
            })
            .collect();
        locked.sort_unstable();
        locked.dedup();
        for t in locked {
            let key = format!("{}:{}:{}", scope.site_id, scope.manifest.name, t);
            exec.rows(
                sea_orm::Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))::text",
                    [key.into()],
                ),
                &[Kind::Text],
            )
            .map_err(db_error)?;
        }
    }
    let mut outcomes = Vec::with_capacity(ops.len());
    let mut ops = ops.into_iter().enumerate().peekable();
    while let Some((i, op)) = ops.next() {
        let done = match op {
            // Inserts that follow one another into the same table go as
            // one statement: fewer statements while the write lock is held
            // (an answer to a consultation is 8 rows of `answers`).
            ops::Operation::Insert(first) => {
                // A row binds at most the table's columns and `site_id`.
                let width = scope
                    .manifest
                    .table(&first.table)
                    .map_or(1, |t| t.columns.len() + 1);
                let most = MAX_ROWS_PER_INSERT.min(MAX_BINDS / width);
                let mut batch = vec![first];
                while let Some((_, ops::Operation::Insert(next))) = ops.peek() {
                    if next.table != batch[0].table
                        || batch.len() >= most
                        || next.links.iter().any(|l| l.operation as usize >= i)
                    {
                        break;
                    }
                    if let Some((_, ops::Operation::Insert(next))) = ops.next() {
                        batch.push(next);
                    }
                }
                insert_rows(exec, scope, batch, &outcomes)
                    .map(|ids| ids.into_iter().map(Outcome::Inserted).collect())
            }
            op => run_op(exec, scope, op, &outcomes).map(|o| vec![o]),
        };
        match done {
            Ok(o) => outcomes.extend(o),
            Err(e) => return Err(at_operation(i, e)),
        }
    }
    Ok(outcomes)
}

/// Most rows one INSERT statement takes.
const MAX_ROWS_PER_INSERT: usize = 200;
/// Most bound values in one statement (SQLite allows 32,766).
const MAX_BINDS: usize = 30_000;

/// Insert rows into one table in one statement; their ids, in the order of
/// the rows. A column one row leaves out gets its declared default (as a
/// single insert would), so rows need not name the same columns.
fn insert_rows(
    exec: &mut dyn Exec,
    scope: Scope<'_>,
    rows: Vec<ops::RowInsert>,
    done: &[Outcome],
) -> Res<Vec<i64>> {
    let manifest = scope.manifest;
    let t = table(manifest, &rows[0].table)?;
    let mut columns: Vec<String> = Vec::new();
    let mut given: Vec<Vec<(usize, sq::Value)>> = Vec::with_capacity(rows.len());
    for row in &rows {
        let mut values = Vec::with_capacity(row.row.len() + row.links.len());
        for (column, value) in row_values(t, &row.row, &row.links, done)? {
            let at = match columns.iter().position(|c| c == column) {
                Some(at) => at,
                None => {
                    columns.push(column.to_owned());
                    columns.len() - 1
                }
            };
            if values.iter().any(|(c, _)| *c == at) {
                return Err(StorageError::InvalidOperation(format!(
                    "column `{column}` is given twice"
                )));
            }
            values.push((at, value));
        }
        given.push(values);
    }
    let mut stmt = Query::insert();
    stmt.into_table(Alias::new(schema::physical_name(&manifest.name, &t.name)));
    stmt.columns(std::iter::once(Alias::new("site_id")).chain(columns.iter().map(Alias::new)));
    for mut values in given {
        let mut row = Vec::with_capacity(columns.len() + 1);
        row.push(SimpleExpr::from(scope.site_id));
        for (at, column) in columns.iter().enumerate() {
            let value = match values.iter().position(|(c, _)| *c == at) {
                Some(k) => values.swap_remove(k).1,
                None => default_of(t, column),
            };
            row.push(value.into());
        }
        stmt.values(row)
            .map_err(|e| StorageError::InvalidOperation(e.to_string()))?;
    }
    stmt.returning_col(Alias::new("id"));
    let found = exec
        .rows(exec.backend().build(&stmt), &[Kind::Integer])
        .map_err(|e| write_error(manifest, t, e))?;
    let mut ids = found
        .iter()
        .map(|r| match r.first() {
            Some(Value::Integer(id)) => Ok(*id),
            _ => Err(StorageError::Unavailable("an insert returned no id".into())),
        })
        .collect::<Res<Vec<i64>>>()?;
    if ids.len() != rows.len() {
        return Err(StorageError::Unavailable(format!(
            "{} rows inserted, {} ids returned",
            rows.len(),
            ids.len()
        )));
    }
    // RETURNING promises no order; ids are handed out in the order the
    // VALUES rows are inserted, on SQLite (rowid) and PostgreSQL (serial).
    ids.sort_unstable();
    Ok(ids)
}

/// The values a row gives, its cells then its links to earlier inserts.
fn row_values<'r>(
    table: &Table,
    cells: &'r [ops::Cell],
    links: &'r [ops::Link],
    done: &[Outcome],
) -> Res<Vec<(&'r str, sq::Value)>> {
    let cells = cells
        .iter()
        .map(|c| Ok((c.column.as_str(), bind(table, &c.column, &c.value)?)));
    let links = links
        .iter()
        .map(|l| Ok((l.column.as_str(), sq::Value::from(linked_id(done, l)?))));
    cells.chain(links).collect()
}

/// What a column a row leaves out holds: its declared default, or NULL.
fn default_of(table: &Table, column: &str) -> sq::Value {
    match table.column(column) {
        Some(c) => c
            .default
            .as_ref()
            .map_or_else(|| null_of(Some(c.kind)), schema::default_value),
        None => null_of(None),
    }
}

fn run_op(
    exec: &mut dyn Exec,
    scope: Scope<'_>,
    op: ops::Operation,
    done: &[Outcome],
) -> Res<Outcome> {
    use ops::Operation as O;
    match op {
        O::Insert(i) => {
            insert_rows(exec, scope, vec![i], done).map(|ids| Outcome::Inserted(ids[0]))
        }
        O::Upsert(u) => upsert_row(exec, scope, u, done),
        O::Update(u) => update_rows(exec, scope, u),
        O::Delete(d) => delete_rows(exec, scope, d),
        O::Expect(e) => check_expectation(exec, scope, e),
        O::Publish(p) => publish_event(exec, scope, p),
        O::Audit(a) => write_audit(exec, scope, a),
    }
}

/// Insert a row, or update the one with the same key.
fn upsert_row(
    exec: &mut dyn Exec,
    scope: Scope<'_>,
    u: ops::RowUpsert,
    done: &[Outcome],
) -> Res<Outcome> {
    let manifest = scope.manifest;
    let t = table(manifest, &u.table)?;
    let mut stmt = Query::insert();
    stmt.into_table(Alias::new(schema::physical_name(&manifest.name, &t.name)));
    let (mut cols, mut vals) = (
        vec![Alias::new("site_id")],
        vec![SimpleExpr::from(scope.site_id)],
    );
    let mut update = Vec::new();
    for (column, value) in row_values(t, &u.row, &u.links, done)? {
        cols.push(Alias::new(column));
        vals.push(value.into());
        if !u.key.iter().any(|k| k == column) {
            update.push(Alias::new(column));
        }
    }
    stmt.columns(cols);
    stmt.values(vals)
        .map_err(|e| StorageError::InvalidOperation(e.to_string()))?;
    let mut conflict_cols = vec![Alias::new("site_id")];
    conflict_cols.extend(u.key.iter().map(Alias::new));
    let mut on = OnConflict::columns(conflict_cols);
    if update.is_empty() {
        // Nothing to change: touch the key so RETURNING still gives the id.
        on.update_column(Alias::new("site_id"));
    } else {
        on.update_columns(update);
    }
    stmt.on_conflict(on);
    stmt.returning_col(Alias::new("id"));
    let rows = exec
        .rows(exec.backend().build(&stmt), &[Kind::Integer])
        .map_err(|e| write_error(manifest, t, e))?;
    let Some(Value::Integer(id)) = rows.into_iter().next().and_then(|r| r.into_iter().next())
    else {
        return Err(StorageError::Unavailable("upsert returned no id".into()));
    };
    Ok(Outcome::Inserted(id))
}

/// Change the rows of the site that match.
fn update_rows(exec: &mut dyn Exec, scope: Scope<'_>, u: ops::RowUpdate) -> Res<Outcome> {
    let manifest = scope.manifest;
    let t = table(manifest, &u.table)?;
    let mut stmt = Query::update();
    stmt.table(Alias::new(schema::physical_name(&manifest.name, &t.name)));
    for c in &u.set {
        stmt.value(Alias::new(&c.column), bind(t, &c.column, &c.value)?);
    }
    stmt.and_where(site(scope.site_id));
    for c in &u.filter {
        stmt.and_where(condition(t, c)?);
    }
    let changed = exec
        .run(exec.backend().build(&stmt))
        .map_err(|e| write_error(manifest, t, e))?;
    Ok(Outcome::Affected(changed))
}

/// Remove the rows of the site that match.
fn delete_rows(exec: &mut dyn Exec, scope: Scope<'_>, d: ops::RowDelete) -> Res<Outcome> {
    let manifest = scope.manifest;
    let t = table(manifest, &d.table)?;
    let mut stmt = Query::delete();
    stmt.from_table(Alias::new(schema::physical_name(&manifest.name, &t.name)));
    stmt.and_where(site(scope.site_id));
    for c in &d.filter {
        stmt.and_where(condition(t, c)?);
    }
    let changed = exec
        .run(exec.backend().build(&stmt))
        .map_err(|e| write_error(manifest, t, e))?;
    Ok(Outcome::Affected(changed))
}

/// Measure the matching rows and refuse the transaction outside the bounds.
fn check_expectation(exec: &mut dyn Exec, scope: Scope<'_>, e: ops::Expectation) -> Res<Outcome> {
    let manifest = scope.manifest;
    let t = table(manifest, &e.table)?;
    let backend = exec.backend();
    let (expr, _) = measure_expr(t, &e.measure, backend)?;
    let mut stmt = Query::select();
    stmt.from(Alias::new(schema::physical_name(&manifest.name, &t.name)));
    stmt.expr(Func::cast_as(
        expr,
        Alias::new(if backend == DbBackend::Postgres {
            "DOUBLE PRECISION"
        } else {
            "REAL"
        }),
    ));
    stmt.and_where(site(scope.site_id));
    for c in &e.filter {
        stmt.and_where(condition(t, c)?);
    }
    let rows = exec
        .rows(backend.build(&stmt), &[Kind::Float])
        .map_err(db_error)?;
    let value = match rows.first().and_then(|r| r.first()) {
        Some(Value::Float(v)) => *v,
        _ => 0.0,
    };
    if e.min.is_some_and(|min| value < min) || e.max.is_some_and(|max| value > max) {
        return Err(StorageError::Conflict(e.message.clone()));
    }
    Ok(Outcome::Checked(value))
}

/// Store an event in the outbox, in the same transaction.
fn publish_event(exec: &mut dyn Exec, scope: Scope<'_>, p: ops::Publication) -> Res<Outcome> {
    let manifest = scope.manifest;
    let event = crate::db::rows::outbox_event(
        scope.site_id,
        &format!("{}.{}", manifest.name, p.name),
        &p.payload,
    );
    let backend = exec.backend();
    exec.run(crate::db::entities::outbox_event::Entity::insert(event).build(backend))
        .map_err(db_error)?;
    Ok(Outcome::Done)
}

/// Write an audit entry in the same transaction.
fn write_audit(exec: &mut dyn Exec, scope: Scope<'_>, a: ops::AuditEntry) -> Res<Outcome> {
    let manifest = scope.manifest;
    let details: serde_json::Value = serde_json::from_str(&a.details).unwrap_or(json!(null));
    let entry = crate::db::rows::audit_entry(
        scope.site_id,
        scope.actor,
        Some(&manifest.name),
        &a.action,
        &a.subject,
        details,
    );
    let backend = exec.backend();
    exec.run(crate::db::entities::audit_entry::Entity::insert(entry).build(backend))
        .map_err(db_error)?;
    Ok(Outcome::Done)
}

fn db_error(e: SqlError) -> StorageError {
    tracing::error!(error = ?e, "plugin storage failed");
    StorageError::Unavailable("the database failed; the details are in the server log".into())
}

/// Unique violations become a conflict naming the constraint's columns.
fn write_error(manifest: &Manifest, table: &Table, e: SqlError) -> StorageError {
    match e {
        SqlError::Unique(msg) => {
            let cols = table
                .unique
                .iter()
                .find(|cols| {
                    msg.contains(&schema::unique_index_name(
                        &manifest.name,
                        &table.name,
                        cols,
                    )) || cols.iter().all(|c| msg.contains(&format!(".{c}")))
                })
                .map(|cols| cols.join(", "))
                .unwrap_or_else(|| "a unique constraint".into());
            StorageError::Conflict(cols)
        }
        SqlError::Other(ref text) => {
            if text.contains("NOT NULL") || text.contains("not-null") {
                StorageError::MissingValue(
                    table
                        .columns
                        .iter()
                        .find(|c| c.required && text.contains(&c.name))
                        .map_or_else(|| "a required column".to_string(), |c| c.name.clone()),
                )
            } else {
                db_error(e)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_pattern_escapes_wildcards() {
        assert_eq!(like_pattern("50%_a\\"), "%50\\%\\_a\\\\%");
        assert_eq!(like_pattern("Été"), "%été%");
    }

    #[test]
    fn datetimes_are_stored_in_utc() {
        assert_eq!(
            normalise_datetime("2026-11-28T16:30:00+01:00").unwrap(),
            "2026-11-28T15:30:00Z"
        );
        assert!(normalise_datetime("2026-11-28 16:30").is_none());
        assert!(normalise_date("2026-02-30").is_none());
    }

    mod fuzz {
        use proptest::prelude::*;

        use super::super::{condition, measure_expr, ops, validate_op};
        use crate::package::manifest::Manifest;
        use sea_orm::DbBackend;

        /// A plugin with one table of every column type, an index and a
        /// unique constraint: what the operations below aim at.
        fn manifest() -> Manifest {
            Manifest::parse(
                r#"
name = "fuzzed"
version = "1.0.0"
api = "^1.0"
title = { fr = "F", en = "F" }
default-path = "f"

[[tables]]
name = "things"
columns = [
  { name = "label", type = "text", required = true },
  { name = "n", type = "integer" },
  { name = "x", type = "float" },
  { name = "on", type = "boolean", required = true, default = false },
  { name = "day", type = "date" },
  { name = "at", type = "datetime" },
  { name = "data", type = "json" },
  { name = "blob", type = "bytes" },
]
indexes = [["label"]]
unique = [["label", "n"]]
"#,
            )
            .expect("the fuzzed manifest parses")
        }

        /// Names: declared ones, `id`, and anything else.
        fn name() -> impl Strategy<Value = String> {
            prop_oneof![
                4 => prop::sample::select(vec![
                    "label", "n", "x", "on", "day", "at", "data", "blob", "id", "things",
                ])
                .prop_map(str::to_string),
                1 => "[\\s\\S]{0,12}",
            ]
        }

        fn text() -> impl Strategy<Value = String> {
            prop_oneof![
                "[\\s\\S]{0,40}",
                Just("\0".to_string()),
                Just("2026-02-30".to_string()),
                Just("2026-11-28T16:30:00+01:00".to_string()),
                Just("{\"a\": [1, 2]}".to_string()),
                (0usize..5_000).prop_map(|n| "é".repeat(n)),
            ]
        }

        fn value() -> impl Strategy<Value = ops::Value> {
            prop_oneof![
                Just(ops::Value::Null),
                any::<bool>().prop_map(ops::Value::Boolean),
                any::<i64>().prop_map(ops::Value::Integer),
                any::<f64>().prop_map(ops::Value::Float),
                text().prop_map(ops::Value::Text),
                prop::collection::vec(any::<u8>(), 0..64).prop_map(ops::Value::Bytes),
            ]
        }

        fn cell() -> impl Strategy<Value = ops::Cell> {
            (name(), value()).prop_map(|(column, value)| ops::Cell { column, value })
        }

        fn cond() -> impl Strategy<Value = ops::Condition> {
            prop_oneof![
                cell().prop_map(ops::Condition::Eq),
                cell().prop_map(ops::Condition::Ne),
                cell().prop_map(ops::Condition::Lt),
                cell().prop_map(ops::Condition::Ge),
                cell().prop_map(ops::Condition::Contains),
                (name(), prop::collection::vec(value(), 0..6)).prop_map(|(column, values)| {
                    ops::Condition::OneOf(ops::Cells { column, values })
                }),
                (name(), prop::collection::vec(value(), 0..6)).prop_map(|(column, values)| {
                    ops::Condition::NoneOf(ops::Cells { column, values })
                }),
                name().prop_map(ops::Condition::IsNull),
                name().prop_map(ops::Condition::NotNull),
                (prop::collection::vec(name(), 0..4), text()).prop_map(|(columns, text)| {
                    ops::Condition::Matches(ops::Search { columns, text })
                }),
            ]
        }

        fn measure() -> impl Strategy<Value = ops::Measure> {
            (
                prop::sample::select(vec![
                    ops::Function::Count,
                    ops::Function::Sum,
                    ops::Function::Min,
                    ops::Function::Max,
                    ops::Function::Avg,
                    ops::Function::CountDistinct,
                ]),
                prop::option::of(name()),
                name(),
            )
                .prop_map(|(function, column, name)| ops::Measure {
                    function,
                    column,
                    name,
                })
        }

        fn links() -> impl Strategy<Value = Vec<ops::Link>> {
            prop::collection::vec(
                (name(), any::<u32>())
                    .prop_map(|(column, operation)| ops::Link { column, operation }),
                0..3,
            )
        }

        fn operation() -> impl Strategy<Value = ops::Operation> {
            let cells = || prop::collection::vec(cell(), 0..6);
            let conds = || prop::collection::vec(cond(), 0..4);
            prop_oneof![
                (name(), cells(), links()).prop_map(|(table, row, links)| {
                    ops::Operation::Insert(ops::RowInsert { table, row, links })
                }),
                (name(), conds(), cells()).prop_map(|(table, filter, set)| {
                    ops::Operation::Update(ops::RowUpdate { table, filter, set })
                }),
                (name(), conds()).prop_map(|(table, filter)| {
                    ops::Operation::Delete(ops::RowDelete { table, filter })
                }),
                (
                    name(),
                    cells(),
                    prop::collection::vec(name(), 0..3),
                    links()
                )
                    .prop_map(|(table, row, key, links)| {
                        ops::Operation::Upsert(ops::RowUpsert {
                            table,
                            row,
                            key,
                            links,
                        })
                    }),
                (name(), conds(), measure(), text()).prop_map(
                    |(table, filter, measure, message)| {
                        ops::Operation::Expect(ops::Expectation {
                            table,
                            filter,
                            measure,
                            min: None,
                            max: Some(1.0),
                            message,
                        })
                    }
                ),
                (text(), text()).prop_map(|(name, payload)| {
                    ops::Operation::Publish(ops::Publication { name, payload })
                }),
                (text(), text(), text()).prop_map(|(action, subject, details)| {
                    ops::Operation::Audit(ops::AuditEntry {
                        action,
                        subject,
                        details,
                    })
                }),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2_000))]

            /// Whatever a plugin asks, the validator answers (an error
            /// names what is wrong) and never panics; what it accepts, the
            /// builders of conditions and measures accept too.
            #[test]
            fn any_operation_is_accepted_or_refused_without_panic(op in operation()) {
                let m = manifest();
                if let Err(e) = validate_op(&m, &op) {
                    let why = format!("{e:?}");
                    prop_assert!(why.len() > 10, "an error that says nothing: {}", why);
                }
            }

            /// The same for the conditions and measures of queries.
            #[test]
            fn any_query_part_is_accepted_or_refused_without_panic(c in cond(), m in measure()) {
                let manifest = manifest();
                let t = &manifest.tables[0];
                let _ = condition(t, &c);
                for backend in [DbBackend::Sqlite, DbBackend::Postgres] {
                    let _ = measure_expr(t, &m, backend);
                }
            }
        }
    }
}
