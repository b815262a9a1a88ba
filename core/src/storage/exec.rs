//! Where plugin statements run.
//!
//! On SQLite, a plugin query runs first on the caller's own thread, over
//! one of a few connections kept for that ([`InlineReads`]), within a small
//! time budget: most queries take tens of microseconds, less than handing
//! them to another thread and waking the caller again. A query that runs
//! past the budget (or fails) is stopped and run again on one of a few
//! reader threads, each with its own connection, so a long query never
//! holds a tokio worker for more than the budget. Transactions as described
//! below.
//!
//! A transaction is one synchronous piece of code over [`Exec`], run away
//! from the tokio workers so that a slow statement never holds up pages:
//!
//! - on SQLite, whole on the writer thread ([`Role::Writer`]), over its own connection
//!   (rusqlite, on the same bundled SQLite as sqlx). Nothing hops between
//!   threads from `BEGIN` to `COMMIT`, so SQLite's single write lock is held
//!   only as long as the statements take. Through sqlx every statement went
//!   to its connection's thread and back, and under load the lock was held
//!   across many scheduler wake-ups while every other writer queued;
//! - on PostgreSQL, on a blocking thread that drives sea-orm's transaction.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

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

/// SQLite, on the connection of one of our threads.
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
        // LIMIT and OFFSET.
        V::BigUnsigned(i) => int(i.map(|i| i64::try_from(i).unwrap_or(i64::MAX))),
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
        (k, ValueRef::Text(t)) if k.is_text() => k.text_value(text(t)?),
        (k, ValueRef::Integer(i)) if k.is_text() => k.text_value(i.to_string()),
        (k, ValueRef::Real(f)) if k.is_text() => k.text_value(f.to_string()),
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
                Kind::Text | Kind::Date | Kind::Datetime | Kind::Json => row
                    .try_get_by_index::<Option<String>>(i)
                    .map(|v| v.map(|s| kind.text_value(s))),
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

/// What a set of [`Connections`] is for.
#[derive(Clone, Copy)]
pub(super) enum Role {
    /// One thread: plugin transactions, one after another.
    Writer,
    /// This many threads, each with a connection that may only read
    /// (`PRAGMA query_only`), taking plugin queries from one queue.
    Readers(usize),
}

/// Threads that each own a connection to the SQLite file and run the jobs
/// of one queue. The threads end when the last handle is dropped.
pub(super) struct Connections {
    jobs: std::sync::mpsc::Sender<Job>,
}

impl Connections {
    /// Open the database file once per thread and start the threads.
    pub(super) fn start(file: &Path, role: Role) -> Result<Arc<Connections>> {
        let (name, threads) = match role {
            Role::Writer => ("estive-sqlite-writer", 1),
            Role::Readers(n) => ("estive-sqlite-reader", n.max(1)),
        };
        let (jobs, queue) = std::sync::mpsc::channel::<Job>();
        let queue = Arc::new(std::sync::Mutex::new(queue));
        for _ in 0..threads {
            let conn = open(file, role)?;
            let queue = queue.clone();
            std::thread::Builder::new()
                .name(name.into())
                .spawn(move || {
                    let mut conn = conn;
                    loop {
                        // Only the thread waiting for the next job holds
                        // the queue; it lets go before running it.
                        let job = match queue.lock() {
                            Ok(q) => q.recv(),
                            Err(poisoned) => poisoned.into_inner().recv(),
                        };
                        let Ok(job) = job else { break };
                        // A panic fails that one job (a transaction rolls
                        // back as it unwinds), not the ones after it.
                        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            job(&mut conn);
                        }));
                    }
                })
                .with_context(|| format!("cannot start the thread {name}"))?;
        }
        Ok(Arc::new(Connections { jobs }))
    }

    /// Run `job` on one of the threads and wait for its result; None when
    /// the threads have stopped.
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

/// Reads run on the caller's thread, each within a time budget.
pub(super) struct InlineReads {
    file: PathBuf,
    idle: std::sync::Mutex<Vec<InlineConnection>>,
    /// Connections open (idle or in use), at most `max`.
    open: AtomicUsize,
    max: usize,
    /// The budget, in nanoseconds.
    budget: AtomicU64,
    answered: AtomicU64,
    handed_off: AtomicU64,
}

/// A reader connection whose progress handler stops the statement once
/// `deadline` (nanoseconds after `base`) has passed.
struct InlineConnection {
    conn: rusqlite::Connection,
    base: Instant,
    deadline: Arc<AtomicU64>,
}

/// SQLite calls the progress handler every this many virtual-machine
/// steps: a few tens of microseconds of work.
const PROGRESS_STEPS: i32 = 1000;

impl InlineReads {
    /// Reads of `file`, at most `max` at once, each stopped after `budget`.
    pub(super) fn new(file: &Path, max: usize, budget: Duration) -> InlineReads {
        InlineReads {
            file: file.to_path_buf(),
            idle: std::sync::Mutex::default(),
            open: AtomicUsize::new(0),
            max,
            budget: AtomicU64::new(nanos(budget)),
            answered: AtomicU64::new(0),
            handed_off: AtomicU64::new(0),
        }
    }

    pub(super) fn set_budget(&self, budget: Duration) {
        self.budget.store(nanos(budget), Ordering::Relaxed);
    }

    /// Reads answered here, and reads handed to the reader threads.
    pub(super) fn counts(&self) -> (u64, u64) {
        (
            self.answered.load(Ordering::Relaxed),
            self.handed_off.load(Ordering::Relaxed),
        )
    }

    /// Run `job` here, within the budget. None when it could not: every
    /// connection is in use, or the job failed or ran out of time (it is
    /// then for the reader threads, whose answer stands: a read has no
    /// effect, so running it again is safe).
    pub(super) fn try_run<T>(
        &self,
        job: impl FnOnce(&mut rusqlite::Connection) -> Result<T, SqlError>,
    ) -> Option<T> {
        let Some(mut c) = self.take() else {
            self.handed_off.fetch_add(1, Ordering::Relaxed);
            return None;
        };
        let budget = self.budget.load(Ordering::Relaxed);
        c.deadline.store(
            nanos(c.base.elapsed()).saturating_add(budget),
            Ordering::Relaxed,
        );
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job(&mut c.conn)));
        c.deadline.store(u64::MAX, Ordering::Relaxed);
        match result {
            Ok(Ok(v)) => {
                self.idle.lock().unwrap_or_else(|p| p.into_inner()).push(c);
                self.answered.fetch_add(1, Ordering::Relaxed);
                Some(v)
            }
            Ok(Err(_)) => {
                self.idle.lock().unwrap_or_else(|p| p.into_inner()).push(c);
                self.handed_off.fetch_add(1, Ordering::Relaxed);
                None
            }
            // A panic leaves the connection in an unknown state: close it
            // (a later read opens another) and let a reader thread fail
            // the job as it fails any that panics.
            Err(_) => {
                drop(c);
                self.open.fetch_sub(1, Ordering::AcqRel);
                self.handed_off.fetch_add(1, Ordering::Relaxed);
                None
            }
        }
    }

    /// An idle connection, or a new one while fewer than `max` are open.
    fn take(&self) -> Option<InlineConnection> {
        if let Some(c) = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop() {
            return Some(c);
        }
        if self.open.fetch_add(1, Ordering::AcqRel) >= self.max {
            self.open.fetch_sub(1, Ordering::AcqRel);
            return None;
        }
        match self.connect() {
            Ok(c) => Some(c),
            Err(e) => {
                self.open.fetch_sub(1, Ordering::AcqRel);
                tracing::warn!(error = %e, "cannot open a connection for reads; using the reader threads");
                None
            }
        }
    }

    fn connect(&self) -> Result<InlineConnection> {
        let conn = open(&self.file, Role::Readers(1))?;
        // Never wait for a lock on a tokio worker: the reader threads will.
        conn.busy_timeout(Duration::ZERO)?;
        let base = Instant::now();
        let deadline = Arc::new(AtomicU64::new(u64::MAX));
        let d = deadline.clone();
        conn.progress_handler(
            PROGRESS_STEPS,
            Some(move || nanos(base.elapsed()) > d.load(Ordering::Relaxed)),
        )?;
        Ok(InlineConnection {
            conn,
            base,
            deadline,
        })
    }
}

fn nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

/// A connection set up as the sqlx ones are (`db::connect`): WAL, NORMAL
/// sync (durable across a process crash), a generous busy wait, foreign
/// keys; readers may not write.
fn open(file: &Path, role: Role) -> Result<rusqlite::Connection> {
    let conn = rusqlite::Connection::open_with_flags(
        file,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .with_context(|| format!("cannot open {} for plugin storage", file.display()))?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    if let Role::Readers(_) = role {
        conn.pragma_update(None, "query_only", "ON")?;
    }
    conn.set_prepared_statement_cache_capacity(256);
    Ok(conn)
}
