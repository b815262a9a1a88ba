//! Creating and upgrading the tables a plugin declares.
//!
//! Every plugin table is one physical table shared by all sites,
//! `p_<plugin>__<table>`, with the host's `id` and `site_id` columns first.
//! Declared indexes and unique constraints always lead with `site_id`, so
//! that uniqueness is per site and every scoped lookup is indexed.
//! Upgrades are additive: new tables, new columns (nullable or with a
//! default), new indexes. Anything else is refused with the reason.

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
