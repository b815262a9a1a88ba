//! Where the statements of a plugin's transaction run.
//!
//! A transaction is one synchronous piece of code over [`Exec`], run away
//! from the tokio workers so that a slow statement never holds up pages:
//!
//! - on SQLite, whole on the [`Writer`] thread, over its own connection
//!   (rusqlite, on the same bundled SQLite as sqlx). Nothing hops between
//!   threads from `BEGIN` to `COMMIT`, so SQLite's single write lock is held
//!   only as long as the statements take. Through sqlx every statement went
//!   to its connection's thread and back, and under load the lock was held
//!   across many scheduler wake-ups while every other writer queued;
//! - on PostgreSQL, on a blocking thread that drives sea-orm's transaction.

use std::path::Path;
use std::sync::Arc;

use anyhow::{Context as _, Result};
use rusqlite::types::{Value as Cell, ValueRef};
use sea_orm::sea_query as sq;
use sea_orm::{ConnectionTrait, DatabaseTransaction, DbBackend, DbErr, QueryResult, Statement};

use super::{Kind, Value};

/// How a statement failed.
#[derive(Debug)]
pub(super) enum SqlError {
    /// A unique constraint refused the row; the database's message.
    Unique(String),
    /// Anything else, as the database said it.
    Other(String),
}

impl From<DbErr> for SqlError {
    fn from(e: DbErr) -> SqlError {
        match e.sql_err() {
            Some(sea_orm::SqlErr::UniqueConstraintViolation(msg)) => SqlError::Unique(msg),
            _ => SqlError::Other(e.to_string()),
        }
    }
}

impl From<rusqlite::Error> for SqlError {
    fn from(e: rusqlite::Error) -> SqlError {
        use rusqlite::ffi;
        match &e {
            rusqlite::Error::SqliteFailure(f, msg)
                if f.extended_code == ffi::SQLITE_CONSTRAINT_UNIQUE
                    || f.extended_code == ffi::SQLITE_CONSTRAINT_PRIMARYKEY =>
            {
                SqlError::Unique(msg.clone().unwrap_or_else(|| e.to_string()))
            }
            _ => SqlError::Other(e.to_string()),
        }
    }
}

/// Runs the statements of one transaction, already begun.
pub(super) trait Exec {
    fn backend(&self) -> DbBackend;
    /// The rows a statement returns, each cell read as its kind.
    fn rows(&mut self, stmt: Statement, kinds: &[Kind]) -> Result<Vec<Vec<Value>>, SqlError>;
    /// Run a statement; the number of rows it changed.
    fn run(&mut self, stmt: Statement) -> Result<u64, SqlError>;
}

/// SQLite, on the writer's connection.
pub(super) struct SqliteExec<'c>(pub &'c rusqlite::Connection);

impl SqliteExec<'_> {
    fn prepare(&self, stmt: &Statement) -> Result<rusqlite::CachedStatement<'_>, SqlError> {
        let mut prepared = self.0.prepare_cached(&stmt.sql)?;
        if let Some(values) = &stmt.values {
            for (i, v) in values.0.iter().enumerate() {
                prepared.raw_bind_parameter(i + 1, cell_of(v)?)?;
            }
        }
        Ok(prepared)
    }
}

impl Exec for SqliteExec<'_> {
    fn backend(&self) -> DbBackend {
        DbBackend::Sqlite
    }

    fn rows(&mut self, stmt: Statement, kinds: &[Kind]) -> Result<Vec<Vec<Value>>, SqlError> {
        let mut prepared = self.prepare(&stmt)?;
        let mut rows = prepared.raw_query();
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            out.push(
                kinds
                    .iter()
                    .enumerate()
                    .map(|(i, kind)| read_cell(row.get_ref(i)?, *kind))
                    .collect::<Result<_, SqlError>>()?,
            );
        }
        Ok(out)
    }

    fn run(&mut self, stmt: Statement) -> Result<u64, SqlError> {
        let mut prepared = self.prepare(&stmt)?;
        Ok(prepared.raw_execute()? as u64)
    }
}

/// A bound value as SQLite takes it, the way sqlx binds it (so that rows
/// written here read the same through sea-orm).
fn cell_of(v: &sq::Value) -> Result<Cell, SqlError> {
    use sq::Value as V;
    let int = |i: Option<i64>| i.map_or(Cell::Null, Cell::Integer);
    Ok(match v {
        V::Bool(b) => int(b.map(i64::from)),
        V::TinyInt(i) => int(i.map(i64::from)),
        V::SmallInt(i) => int(i.map(i64::from)),
        V::Int(i) => int(i.map(i64::from)),
        V::BigInt(i) => int(*i),
        V::TinyUnsigned(i) => int(i.map(i64::from)),
        V::SmallUnsigned(i) => int(i.map(i64::from)),
        V::Unsigned(i) => int(i.map(i64::from)),
        V::Float(f) => f.map_or(Cell::Null, |f| Cell::Real(f64::from(f))),
        V::Double(f) => f.map_or(Cell::Null, Cell::Real),
        V::String(s) => s.clone().map_or(Cell::Null, Cell::Text),
        V::Bytes(b) => b.clone().map_or(Cell::Null, Cell::Blob),
        V::Json(j) => j.as_ref().map_or(Cell::Null, |j| Cell::Text(j.to_string())),
        V::ChronoDateTimeUtc(t) => t.map_or(Cell::Null, |t| {
            Cell::Text(t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false))
        }),
        other => {
            return Err(SqlError::Other(format!(
                "a value of this kind cannot be bound on SQLite: {other:?}"
            )));
        }
    })
}

/// A result cell as its kind, converting as SQLite's own accessors do.
fn read_cell(v: ValueRef<'_>, kind: Kind) -> Result<Value, SqlError> {
    let text = |t: &[u8]| {
        std::str::from_utf8(t)
            .map(str::to_owned)
            .map_err(|e| SqlError::Other(format!("text that is not UTF-8: {e}")))
    };
    Ok(match (kind, v) {
        (_, ValueRef::Null) => Value::Null,
        (Kind::Integer, ValueRef::Integer(i)) => Value::Integer(i),
        (Kind::Integer, ValueRef::Real(f)) => Value::Integer(f as i64),
        (Kind::Float, ValueRef::Real(f)) => Value::Float(f),
        (Kind::Float, ValueRef::Integer(i)) => Value::Float(i as f64),
        (Kind::Boolean, ValueRef::Integer(i)) => Value::Boolean(i != 0),
        (Kind::Text, ValueRef::Text(t)) => Value::Text(text(t)?),
        (Kind::Text, ValueRef::Integer(i)) => Value::Text(i.to_string()),
        (Kind::Text, ValueRef::Real(f)) => Value::Text(f.to_string()),
        (Kind::Bytes, ValueRef::Blob(b) | ValueRef::Text(b)) => Value::Bytes(b.to_vec()),
        (kind, other) => {
            return Err(SqlError::Other(format!(
                "a {:?} cell where {kind:?} was expected",
                other.data_type()
            )));
        }
    })
}

/// PostgreSQL (or any sea-orm connection), driven from a blocking thread.
pub(super) struct SeaExec<'t> {
    pub txn: &'t DatabaseTransaction,
    pub rt: tokio::runtime::Handle,
}

impl Exec for SeaExec<'_> {
    fn backend(&self) -> DbBackend {
        self.txn.get_database_backend()
    }

    fn rows(&mut self, stmt: Statement, kinds: &[Kind]) -> Result<Vec<Vec<Value>>, SqlError> {
        let rows = self.rt.block_on(self.txn.query_all_raw(stmt))?;
        rows.iter().map(|r| read_row(r, kinds)).collect()
    }

    fn run(&mut self, stmt: Statement) -> Result<u64, SqlError> {
        Ok(self
            .rt
            .block_on(self.txn.execute_raw(stmt))?
            .rows_affected())
    }
}

/// A sea-orm row, each cell read as its kind.
pub(super) fn read_row(row: &QueryResult, kinds: &[Kind]) -> Result<Vec<Value>, SqlError> {
    kinds
        .iter()
        .enumerate()
        .map(|(i, kind)| {
            let v = match kind {
                Kind::Integer => row
                    .try_get_by_index::<Option<i64>>(i)
                    .map(|v| v.map(Value::Integer)),
                Kind::Float => row
                    .try_get_by_index::<Option<f64>>(i)
                    .map(|v| v.map(Value::Float)),
                Kind::Text => row
                    .try_get_by_index::<Option<String>>(i)
                    .map(|v| v.map(Value::Text)),
                Kind::Boolean => row
                    .try_get_by_index::<Option<bool>>(i)
                    .map(|v| v.map(Value::Boolean)),
                Kind::Bytes => row
                    .try_get_by_index::<Option<Vec<u8>>>(i)
                    .map(|v| v.map(Value::Bytes)),
            };
            Ok(v?.unwrap_or(Value::Null))
        })
        .collect()
}

type Job = Box<dyn FnOnce(&mut rusqlite::Connection) + Send>;

/// The thread that runs plugin transactions on SQLite, one after another,
/// over its own connection to the database file.
pub(super) struct Writer {
    jobs: std::sync::mpsc::Sender<Job>,
}

impl Writer {
    /// Open the database file and start the thread. The thread ends when
    /// the last handle to the writer is dropped.
    pub(super) fn start(file: &Path) -> Result<Arc<Writer>> {
        let conn = rusqlite::Connection::open_with_flags(
            file,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .with_context(|| format!("cannot open {} for plugin writes", file.display()))?;
        // As the sqlx connections are set up (db::connect): WAL, NORMAL sync
        // (durable across a process crash), a generous busy wait, foreign keys.
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.set_prepared_statement_cache_capacity(256);
        let (jobs, queue) = std::sync::mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("estive-sqlite-writer".into())
            .spawn(move || {
                let mut conn = conn;
                while let Ok(job) = queue.recv() {
                    // A panic fails that one transaction (rolled back as its
                    // `rusqlite::Transaction` unwinds), not the ones after it.
                    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        job(&mut conn);
                    }));
                }
            })
            .context("cannot start the SQLite writer thread")?;
        Ok(Arc::new(Writer { jobs }))
    }

    /// Run `job` on the writer thread and wait for its result.
    pub(super) async fn run<T: Send + 'static>(
        &self,
        job: impl FnOnce(&mut rusqlite::Connection) -> T + Send + 'static,
    ) -> Option<T> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move |conn| {
            let _ = tx.send(job(conn));
        });
        self.jobs.send(job).ok()?;
        rx.await.ok()
    }
}
