//! Creating and upgrading the tables a plugin declares.
//!
//! Every plugin table is one physical table shared by all sites,
//! `p_<plugin>__<table>`, with the host's `id` and `site_id` columns first.
//! Declared indexes and unique constraints always lead with `site_id`, so
//! that uniqueness is per site and every scoped lookup is indexed.
//! Upgrades are additive: new tables, new columns (nullable or with a
//! default), new indexes. Anything else is refused with the reason.
//!
//! A table that declares `search` also gets a full-text index over those
//! columns, kept up to date by the database itself (so every write, by a
//! plugin or by the host, is indexed): on SQLite an FTS5 table over the
//! table's own rows with triggers, on PostgreSQL a generated `tsvector`
//! column with a GIN index. Declaring `search`, or changing its columns,
//! builds the index again from the rows; dropping it drops the index.

use anyhow::{Context as _, Result, bail};
use sea_orm::sea_query::{self as sq, Alias, ColumnDef, Index, Table as SqTable};
use sea_orm::{ConnectionTrait, DbBackend};
use sha2::{Digest, Sha256};

use crate::package::manifest::{Column, ColumnType, Manifest, Table};

/// Physical name of a plugin table.
pub fn physical_name(plugin: &str, table: &str) -> String {
    format!("p_{plugin}__{table}")
}

fn index_name(prefix: &str, plugin: &str, table: &str, cols: &[String]) -> String {
    let name = format!("{prefix}_{plugin}__{table}__{}", cols.join("_"));
    if name.len() <= 60 {
        return name;
    }
    // PostgreSQL truncates identifiers at 63 bytes; keep names unique.
    let digest = hex::encode(&Sha256::digest(name.as_bytes())[..6]);
    format!("{}_{digest}", &name[..47])
}

/// The FTS5 table that indexes a table's search columns, on SQLite. Its
/// name holds `__` after the table's, which no declared name can.
pub fn fts_name(plugin: &str, table: &str) -> String {
    format!("{}__fts", physical_name(plugin, table))
}

/// The generated `tsvector` column of a table's search columns, on
/// PostgreSQL. Declared column names never hold `__`, so it cannot clash
/// with one.
pub const SEARCH_VECTOR: &str = "search__tsv";

/// The text-search configuration of the `tsvector` and of the queries:
/// the platform's sites are French.
pub const SEARCH_CONFIG: &str = "french";

/// An identifier quoted for SQL (our names are checked identifiers; the
/// quotes are doubled all the same).
pub(super) fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Name of the unique index behind a declared unique constraint.
pub fn unique_index_name(plugin: &str, table: &str, cols: &[String]) -> String {
    index_name("uq", plugin, table, cols)
}

fn column_def(c: &Column) -> ColumnDef {
    let mut def = ColumnDef::new(Alias::new(&c.name));
    match c.kind {
        ColumnType::Integer => def.big_integer(),
        ColumnType::Float => def.double(),
        ColumnType::Boolean => def.boolean(),
        ColumnType::Bytes => def.binary(),
        ColumnType::Text | ColumnType::Date | ColumnType::Datetime | ColumnType::Json => def.text(),
    };
    if c.required {
        def.not_null();
    } else {
        def.null();
    }
    if let Some(d) = &c.default {
        def.default(default_value(d));
    }
    def
}

/// A column's declared default as a value.
pub fn default_value(d: &toml::Value) -> sq::Value {
    match d {
        toml::Value::Integer(i) => (*i).into(),
        toml::Value::Float(f) => (*f).into(),
        toml::Value::Boolean(b) => (*b).into(),
        toml::Value::String(s) => s.clone().into(),
        other => other.to_string().into(),
    }
}

fn create_table(plugin: &str, t: &Table) -> sq::TableCreateStatement {
    let mut stmt = SqTable::create();
    stmt.table(Alias::new(physical_name(plugin, &t.name)))
        .if_not_exists()
        .col(
            ColumnDef::new(Alias::new("id"))
                .big_integer()
                .not_null()
                .auto_increment()
                .primary_key(),
        )
        .col(
            ColumnDef::new(Alias::new("site_id"))
                .big_integer()
                .not_null(),
        );
    for c in &t.columns {
        stmt.col(column_def(c));
    }
    stmt.to_owned()
}

fn create_indexes(plugin: &str, t: &Table) -> Vec<sq::IndexCreateStatement> {
    let table = physical_name(plugin, &t.name);
    let mut out = vec![
        Index::create()
            .if_not_exists()
            .name(index_name("ix", plugin, &t.name, &["site".into()]))
            .table(Alias::new(&table))
            .col(Alias::new("site_id"))
            .to_owned(),
    ];
    for (unique, lists) in [(false, &t.indexes), (true, &t.unique)] {
        for cols in lists {
            let mut idx = Index::create();
            idx.if_not_exists()
                .name(index_name(
                    if unique { "uq" } else { "ix" },
                    plugin,
                    &t.name,
                    cols,
                ))
                .table(Alias::new(&table))
                .col(Alias::new("site_id"));
            for c in cols {
                idx.col(Alias::new(c));
            }
            if unique {
                idx.unique();
            }
            out.push(idx.to_owned());
        }
    }
    out
}

/// The statements that remove a table's full-text index, if it has one.
fn drop_search(backend: DbBackend, plugin: &str, t: &Table) -> Vec<String> {
    let table = quoted(&physical_name(plugin, &t.name));
    match backend {
        DbBackend::Postgres => vec![format!(
            "ALTER TABLE {table} DROP COLUMN IF EXISTS {}",
            quoted(SEARCH_VECTOR)
        )],
        _ => {
            let fts = fts_name(plugin, &t.name);
            let mut out: Vec<String> = ["ai", "ad", "au"]
                .iter()
                .map(|when| {
                    format!(
                        "DROP TRIGGER IF EXISTS {}",
                        quoted(&format!("{fts}_{when}"))
                    )
                })
                .collect();
            out.push(format!("DROP TABLE IF EXISTS {}", quoted(&fts)));
            out
        }
    }
}

/// The statements that build a table's full-text index over its `search`
/// columns and index the rows already there; nothing when it declares none.
fn create_search(backend: DbBackend, plugin: &str, t: &Table) -> Vec<String> {
    if t.search.is_empty() {
        return Vec::new();
    }
    let name = physical_name(plugin, &t.name);
    let table = quoted(&name);
    match backend {
        DbBackend::Postgres => {
            // The first column weighs A (what `ts_rank` counts most), the
            // others B.
            let vector = t
                .search
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    format!(
                        "setweight(to_tsvector('{SEARCH_CONFIG}', coalesce({}, '')), '{}')",
                        quoted(c),
                        if i == 0 { 'A' } else { 'B' }
                    )
                })
                .collect::<Vec<_>>()
                .join(" || ");
            vec![
                format!(
                    "ALTER TABLE {table} ADD COLUMN {} tsvector GENERATED ALWAYS AS ({vector}) STORED",
                    quoted(SEARCH_VECTOR)
                ),
                format!(
                    "CREATE INDEX IF NOT EXISTS {} ON {table} USING GIN ({})",
                    quoted(&index_name("fts", plugin, &t.name, &["tsv".into()])),
                    quoted(SEARCH_VECTOR)
                ),
            ]
        }
        _ => {
            // An external-content FTS5 table: it keeps the index only and
            // reads the text from the table itself; the triggers are the
            // pattern SQLite documents for it (the `'delete'` command must
            // be given the values that were indexed, hence `old.`).
            //
            // `IF NOT EXISTS` although what was there is dropped first:
            // SQLite checks a plain CREATE against the schema its
            // connection last read, so a connection of the pool that has
            // not read it since another one dropped the index fails with
            // "already exists"; with `IF NOT EXISTS` the statement checks
            // that the schema is current, reads it again and creates.
            let fts = quoted(&fts_name(plugin, &t.name));
            let cols = t
                .search
                .iter()
                .map(|c| quoted(c))
                .collect::<Vec<_>>()
                .join(", ");
            let of = |row: &str| {
                t.search
                    .iter()
                    .map(|c| format!("{row}.{}", quoted(c)))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let add = format!(
                "INSERT INTO {fts}(rowid, {cols}) VALUES (new.\"id\", {});",
                of("new")
            );
            let remove = format!(
                "INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.\"id\", {});",
                of("old")
            );
            // Only a change of a searched column touches the index.
            let changed = t
                .search
                .iter()
                .map(|c| format!("old.{0} IS NOT new.{0}", quoted(c)))
                .collect::<Vec<_>>()
                .join(" OR ");
            let trigger = |when: &str| quoted(&format!("{}_{when}", fts_name(plugin, &t.name)));
            vec![
                format!(
                    "CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({cols}, content='{name}', content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
                ),
                format!(
                    "CREATE TRIGGER IF NOT EXISTS {} AFTER INSERT ON {table} BEGIN {add} END",
                    trigger("ai")
                ),
                format!(
                    "CREATE TRIGGER IF NOT EXISTS {} AFTER DELETE ON {table} BEGIN {remove} END",
                    trigger("ad")
                ),
                format!(
                    "CREATE TRIGGER IF NOT EXISTS {} AFTER UPDATE OF {cols} ON {table} WHEN {changed} BEGIN {remove} {add} END",
                    trigger("au")
                ),
                format!("INSERT INTO {fts}({fts}) VALUES ('rebuild')"),
            ]
        }
    }
}

/// Compare the applied definition of a table with the new one.
///
/// # Errors
/// A change that is not additive, explained.
fn check_additive(old: &Table, new: &Table, major_bump: bool) -> Result<Vec<Column>> {
    let mut added = Vec::new();
    for c in &new.columns {
        match old.column(&c.name) {
            None => {
                if c.required && c.default.is_none() {
                    bail!(
                        "table `{}`: new column `{}` is required but has no default, so existing rows would have no value; give it a default or make it optional",
                        new.name,
                        c.name
                    );
                }
                added.push(c.clone());
            }
            Some(o) if o.kind != c.kind => bail!(
                "table `{}`: column `{}` changes type from {} to {}; a type change needs a migration, which this host does not run: add a new column instead",
                new.name,
                c.name,
                o.kind.as_str(),
                c.kind.as_str()
            ),
            Some(o) if !o.required && c.required => bail!(
                "table `{}`: column `{}` becomes required; existing rows may be empty",
                new.name,
                c.name
            ),
            Some(_) => {}
        }
    }
    if !major_bump && let Some(gone) = old.columns.iter().find(|c| new.column(&c.name).is_none()) {
        bail!(
            "table `{}`: column `{}` disappears; removing a column is a breaking change that needs a new major version (its data is kept)",
            new.name,
            gone.name
        );
    }
    Ok(added)
}

/// Create or upgrade a plugin's tables inside `conn` (a transaction, so an
/// error leaves nothing half-done). `old` is the manifest whose tables are
/// currently applied, if any.
///
/// # Errors
/// A non-additive change, or the database refusing a statement (e.g. a new
/// unique constraint that existing rows break).
pub async fn apply<C: ConnectionTrait>(
    conn: &C,
    new: &Manifest,
    old: Option<&Manifest>,
) -> Result<()> {
    let backend = conn.get_database_backend();
    let major_bump = old.is_none_or(|o| o.version.major != new.version.major);
    for t in &new.tables {
        let old_table = old.and_then(|o| o.table(&t.name));
        match old_table {
            None => {
                exec(conn, backend.build(&create_table(&new.name, t)))
                    .await
                    .with_context(|| format!("creating table `{}`", t.name))?;
            }
            Some(o) => {
                for c in check_additive(o, t, major_bump)? {
                    let stmt = SqTable::alter()
                        .table(Alias::new(physical_name(&new.name, &t.name)))
                        .add_column(column_def(&c))
                        .to_owned();
                    exec(conn, backend.build(&stmt)).await.with_context(|| {
                        format!("adding column `{}` to table `{}`", c.name, t.name)
                    })?;
                }
            }
        }
        for idx in create_indexes(&new.name, t) {
            exec(conn, backend.build(&idx))
                .await
                .with_context(|| format!("creating an index on table `{}` (existing rows may break a new unique constraint)", t.name))?;
        }
        // A new searched table, or one whose search columns change, has
        // its full-text index built again (what was there before, if
        // anything, removed first).
        let search_changes = match old_table {
            None => !t.search.is_empty(),
            Some(o) => o.search != t.search,
        };
        if search_changes {
            let stmts = drop_search(backend, &new.name, t)
                .into_iter()
                .chain(create_search(backend, &new.name, t));
            for sql in stmts {
                exec(conn, sea_orm::Statement::from_string(backend, sql))
                    .await
                    .with_context(|| format!("building the search index of table `{}`", t.name))?;
            }
        }
    }
    if let Some(old) = old
        && !major_bump
        && let Some(gone) = old.tables.iter().find(|t| new.table(&t.name).is_none())
    {
        bail!(
            "table `{}` disappears; removing a table is a breaking change that needs a new major version (its data is kept)",
            gone.name
        );
    }
    Ok(())
}

async fn exec<C: ConnectionTrait>(conn: &C, stmt: sea_orm::Statement) -> Result<()> {
    conn.execute_raw(stmt).await?;
    Ok(())
}

/// The backend-specific SQL of a plugin's tables, for `estive plugin show`.
pub fn ddl(backend: DbBackend, manifest: &Manifest) -> Vec<String> {
    let mut out = Vec::new();
    for t in &manifest.tables {
        out.push(backend.build(&create_table(&manifest.name, t)).to_string());
        for idx in create_indexes(&manifest.name, t) {
            out.push(backend.build(&idx).to_string());
        }
        out.extend(create_search(backend, &manifest.name, t));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(cols: &str) -> Table {
        let text = format!("name = \"t\"\ncolumns = [{cols}]\n");
        toml::from_str(&text).unwrap()
    }

    #[test]
    fn new_optional_column_is_additive() {
        let old = table(r#"{ name = "a", type = "text" }"#);
        let new = table(r#"{ name = "a", type = "text" }, { name = "b", type = "integer" }"#);
        let added = check_additive(&old, &new, false).unwrap();
        assert_eq!(added.len(), 1);
        assert_eq!(added[0].name, "b");
    }

    #[test]
    fn new_required_column_without_default_is_refused() {
        let old = table(r#"{ name = "a", type = "text" }"#);
        let new = table(
            r#"{ name = "a", type = "text" }, { name = "b", type = "integer", required = true }"#,
        );
        let e = check_additive(&old, &new, false).unwrap_err().to_string();
        assert!(e.contains("`b` is required but has no default"), "{e}");
    }

    #[test]
    fn type_change_is_refused() {
        let old = table(r#"{ name = "a", type = "text" }"#);
        let new = table(r#"{ name = "a", type = "integer" }"#);
        let e = check_additive(&old, &new, true).unwrap_err().to_string();
        assert!(e.contains("changes type from text to integer"), "{e}");
    }

    #[test]
    fn removed_column_needs_a_major_version() {
        let old = table(r#"{ name = "a", type = "text" }, { name = "b", type = "text" }"#);
        let new = table(r#"{ name = "a", type = "text" }"#);
        assert!(check_additive(&old, &new, false).is_err());
        assert!(check_additive(&old, &new, true).is_ok());
    }

    fn searched(search: &str) -> Manifest {
        Manifest::parse(&format!(
            r#"
name = "news"
version = "1.0.0"
api = "^1.0"
title = {{ fr = "Actualités" }}
default-path = "actualites"

[[tables]]
name = "articles"
columns = [
  {{ name = "title", type = "text", required = true }},
  {{ name = "body", type = "text" }},
  {{ name = "votes", type = "integer" }},
]
{search}
"#
        ))
        .unwrap()
    }

    #[test]
    fn search_columns_get_a_full_text_index_on_each_back_end() {
        let m = searched(r#"search = ["title", "body"]"#);
        let sqlite = ddl(DbBackend::Sqlite, &m).join(";\n");
        for expected in [
            r#"CREATE VIRTUAL TABLE IF NOT EXISTS "p_news__articles__fts" USING fts5("title", "body", content='p_news__articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2')"#,
            r#"AFTER INSERT ON "p_news__articles""#,
            r#"AFTER DELETE ON "p_news__articles" BEGIN INSERT INTO "p_news__articles__fts"("p_news__articles__fts", rowid, "title", "body") VALUES ('delete', old."id", old."title", old."body"); END"#,
            r#"AFTER UPDATE OF "title", "body" ON "p_news__articles" WHEN old."title" IS NOT new."title" OR old."body" IS NOT new."body""#,
            r#"INSERT INTO "p_news__articles__fts"("p_news__articles__fts") VALUES ('rebuild')"#,
        ] {
            assert!(sqlite.contains(expected), "{expected}\nnot in\n{sqlite}");
        }
        let pg = ddl(DbBackend::Postgres, &m).join(";\n");
        for expected in [
            r#"ADD COLUMN "search__tsv" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('french', coalesce("title", '')), 'A') || setweight(to_tsvector('french', coalesce("body", '')), 'B')) STORED"#,
            r#"CREATE INDEX IF NOT EXISTS "fts_news__articles__tsv" ON "p_news__articles" USING GIN ("search__tsv")"#,
        ] {
            assert!(pg.contains(expected), "{expected}\nnot in\n{pg}");
        }
        let plain = searched("");
        for backend in [DbBackend::Sqlite, DbBackend::Postgres] {
            let all = ddl(backend, &plain).join(";\n");
            assert!(!all.contains("fts") && !all.contains("tsv"), "{all}");
        }
    }

    /// Apply `new` over `old` on a real SQLite database: what goes away on
    /// `conn`, what is created on `then` (another connection of the same
    /// file, as the pool may hand out between statements).
    fn apply_sqlite(
        conn: &rusqlite::Connection,
        then: &rusqlite::Connection,
        new: &Manifest,
        old: Option<&Manifest>,
    ) {
        let t = &new.tables[0];
        let old_table = old.and_then(|o| o.table(&t.name));
        if old_table.is_none() {
            let table = DbBackend::Sqlite.build(&create_table(&new.name, t));
            conn.execute(&table.to_string(), []).unwrap();
        }
        if old_table.map_or(!t.search.is_empty(), |o| o.search != t.search) {
            for s in drop_search(DbBackend::Sqlite, &new.name, t) {
                conn.execute(&s, []).unwrap();
            }
            for s in create_search(DbBackend::Sqlite, &new.name, t) {
                then.execute(&s, []).unwrap();
            }
        }
    }

    fn hits(conn: &rusqlite::Connection, q: &str) -> Vec<i64> {
        let mut stmt = conn
            .prepare(r#"SELECT rowid FROM "p_news__articles__fts" WHERE "p_news__articles__fts" MATCH ?1 ORDER BY rowid"#)
            .unwrap();
        stmt.query_map([q], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    /// FTS5 checks its index against the table's rows.
    fn index_is_in_step(conn: &rusqlite::Connection) {
        conn.execute(
            r#"INSERT INTO "p_news__articles__fts"("p_news__articles__fts") VALUES ('integrity-check')"#,
            [],
        )
        .unwrap();
    }

    #[test]
    fn the_sqlite_index_follows_every_write_and_every_upgrade() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("estive.db");
        let conn = rusqlite::Connection::open(&file).unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        let other = rusqlite::Connection::open(&file).unwrap();
        let reader = rusqlite::Connection::open(&file).unwrap();
        let plain = searched("");
        apply_sqlite(&conn, &conn, &plain, None);
        conn.execute_batch(
            r#"INSERT INTO "p_news__articles"(site_id, title, body) VALUES (1, 'La fête du village', 'Sous la halle');
               INSERT INTO "p_news__articles"(site_id, title, body) VALUES (1, 'Conseil', 'La halle rénovée');"#,
        )
        .unwrap();
        // Declaring search indexes the rows already there.
        let v2 = searched(r#"search = ["title"]"#);
        apply_sqlite(&conn, &other, &v2, Some(&plain));
        assert_eq!(hits(&reader, "fete"), [1]);
        assert!(
            hits(&reader, "halle").is_empty(),
            "body is not searched yet"
        );
        // A column more builds the index again, over both (dropped on one
        // connection, built on another, as a pool may).
        let v3 = searched(r#"search = ["title", "body"]"#);
        apply_sqlite(&conn, &other, &v3, Some(&v2));
        assert_eq!(hits(&conn, "halle"), [1, 2]);
        index_is_in_step(&conn);
        conn.execute_batch(
            r#"INSERT INTO "p_news__articles"(site_id, title) VALUES (1, 'Marché de Noël');
               UPDATE "p_news__articles" SET body = 'Place de la mairie' WHERE id = 1;
               UPDATE "p_news__articles" SET votes = 3 WHERE id = 2;
               DELETE FROM "p_news__articles" WHERE id = 2;"#,
        )
        .unwrap();
        assert_eq!(hits(&conn, "marche"), [3]);
        assert!(hits(&conn, "halle").is_empty());
        assert_eq!(hits(&conn, "mairie"), [1]);
        index_is_in_step(&conn);
        // Dropping search drops the index and its triggers; writes go on.
        apply_sqlite(&conn, &conn, &plain, Some(&v3));
        let left: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name LIKE '%fts%'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(left, 0);
        conn.execute(r#"DELETE FROM "p_news__articles" WHERE id = 1"#, [])
            .unwrap();
    }

    #[test]
    fn long_index_names_stay_under_the_postgres_limit() {
        let cols: Vec<String> = (0..8)
            .map(|i| format!("a_rather_long_column_name_{i}"))
            .collect();
        let name = index_name("uq", "comarquage", "publications", &cols);
        assert!(name.len() <= 63, "{name}");
        assert_ne!(
            name,
            index_name("uq", "comarquage", "publications", &cols[..7])
        );
    }
}
