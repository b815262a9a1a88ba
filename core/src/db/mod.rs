//! The database: connection (SQLite file by default, PostgreSQL by URL),
//! migrations, and small shared records such as the server secret.

pub mod entities;
pub mod migrations;
pub mod rows;

use std::path::Path;
use std::time::Duration;

use anyhow::{Context as _, Result};
use sea_orm::{
    ActiveValue::Set, ConnectOptions, ConnectionTrait, Database, DatabaseConnection, EntityTrait,
};
use sea_orm_migration::MigratorTrait;

use entities::server_state;

/// The URL of the default database: `estive.sqlite` in the data folder.
pub fn default_url(data_dir: &Path) -> String {
    format!(
        "sqlite://{}?mode=rwc",
        data_dir.join("estive.sqlite").display()
    )
}

/// Connect and bring the schema up to date.
///
/// # Errors
/// The database cannot be reached or a migration fails.
pub async fn connect(url: &str) -> Result<DatabaseConnection> {
    let mut opts = ConnectOptions::new(url.to_string());
    opts.sqlx_logging(false)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10));
    if url.starts_with("sqlite:") {
        opts.max_connections(8).min_connections(1);
        opts.map_sqlx_sqlite_opts(|o| {
            // WAL lets readers go on while one writer writes; NORMAL sync is
            // durable across a process crash (the WAL is written before the
            // commit returns), fsync happens at checkpoints.
            o.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true)
                .create_if_missing(true)
        });
    } else {
        opts.max_connections(16).min_connections(1);
    }
    let db = Database::connect(opts)
        .await
        .with_context(|| format!("cannot connect to the database {}", redact(url)))?;
    migrations::Migrator::up(&db, None)
        .await
        .context("cannot apply the database migrations")?;
    Ok(db)
}

/// The URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let creds = &url[scheme + 3..at];
            let user = creds.split(':').next().unwrap_or("");
            format!("{}://{user}:***@{}", &url[..scheme], &url[at + 1..])
        }
        _ => url.to_string(),
    }
}

/// A value of the `server_state` table.
pub async fn state_get<C: ConnectionTrait>(db: &C, key: &str) -> Result<Option<String>> {
    Ok(server_state::Entity::find_by_id(key.to_string())
        .one(db)
        .await?
        .map(|m| m.value))
}

/// Set a value of the `server_state` table.
pub async fn state_set<C: ConnectionTrait>(db: &C, key: &str, value: &str) -> Result<()> {
    let model = server_state::ActiveModel {
        key: Set(key.to_string()),
        value: Set(value.to_string()),
    };
    server_state::Entity::insert(model)
        .on_conflict(
            sea_orm::sea_query::OnConflict::column(server_state::Column::Key)
                .update_column(server_state::Column::Value)
                .to_owned(),
        )
        .exec(db)
        .await?;
    Ok(())
}

/// The server's secret key (signing cookies and tokens), created on first
/// use and shared by every node through the database.
///
/// # Errors
/// The database fails.
pub async fn server_secret(db: &DatabaseConnection) -> Result<Vec<u8>> {
    if let Some(hex_key) = state_get(db, "secret").await? {
        return Ok(hex::decode(hex_key)?);
    }
    let key: [u8; 32] = rand::random();
    // Another node may have raced us: insert if absent, then read back.
    let model = server_state::ActiveModel {
        key: Set("secret".into()),
        value: Set(hex::encode(key)),
    };
    let _ = server_state::Entity::insert(model)
        .on_conflict(
            sea_orm::sea_query::OnConflict::column(server_state::Column::Key)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await;
    Ok(hex::decode(
        state_get(db, "secret")
            .await?
            .context("the server secret vanished")?,
    )?)
}

/// Bump the configuration revision so that every node reloads sites and
/// plugins.
pub async fn bump_revision<C: ConnectionTrait>(db: &C) -> Result<i64> {
    let next = revision(db).await? + 1;
    state_set(db, "revision", &next.to_string()).await?;
    Ok(next)
}

/// The configuration revision.
pub async fn revision<C: ConnectionTrait>(db: &C) -> Result<i64> {
    Ok(state_get(db, "revision")
        .await?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use sea_orm::{ConnectionTrait, Statement};

    /// The bundled SQLite must be built with `SQLITE_ENABLE_QPSG` (see
    /// `.cargo/config.toml`): without it, every statement with a bound
    /// LIMIT is parsed again on each run, which cost about a fifth of the
    /// CPU of answering a consultation.
    #[tokio::test]
    async fn sqlite_is_built_with_a_stable_query_planner() {
        let db = sea_orm::Database::connect("sqlite::memory:").await.unwrap();
        let rows = db
            .query_all_raw(Statement::from_string(
                sea_orm::DbBackend::Sqlite,
                "PRAGMA compile_options",
            ))
            .await
            .unwrap();
        let options: Vec<String> = rows
            .iter()
            .map(|r| r.try_get_by_index::<String>(0).unwrap())
            .collect();
        assert!(
            options.iter().any(|o| o == "ENABLE_QPSG"),
            "SQLite was built without ENABLE_QPSG: {options:?}"
        );
    }

    #[test]
    fn redact_hides_the_password() {
        assert_eq!(
            super::redact("postgres://u:secret@h/db"),
            "postgres://u:***@h/db"
        );
        assert_eq!(super::redact("sqlite://x.db"), "sqlite://x.db");
    }
}
