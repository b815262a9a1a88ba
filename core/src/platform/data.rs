//! Site data as a whole: demo data, export, backup.

use chrono::Datelike as _;
use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context as _, Result, bail};
use sea_orm::{ConnectionTrait, DbBackend};
use serde_json::{Value as Json, json};

use super::Platform;
use crate::package::manifest::{ColumnType, Manifest, Table};
use crate::storage::ops;
use crate::storage::{Actor, Scope};

/// `±N` followed by a unit `m`, `h` or `d` (`-2h`, `+3d`), or nothing: the
/// shift of an `@now` or `@local` value.
fn demo_delta(s: &str, rest: &str) -> Result<chrono::TimeDelta> {
    if rest.is_empty() {
        return Ok(chrono::TimeDelta::zero());
    }
    let bad = || anyhow::anyhow!("`{s}` is not @now±N(m|h|d) or @local±N(m|h|d)");
    let (num, unit) = rest.split_at(rest.len() - 1);
    if !num.starts_with(['+', '-']) {
        return Err(bad());
    }
    let n: i64 = num.parse().map_err(|_| bad())?;
    Ok(match unit {
        "m" => chrono::TimeDelta::minutes(n),
        "h" => chrono::TimeDelta::hours(n),
        "d" => chrono::TimeDelta::days(n),
        _ => return Err(bad()),
    })
}

/// Turn a JSON value from a demo file into a column value, so that demo
/// data stays current:
/// - `@today`, `@today+3`, `@today-2`: dates `YYYY-MM-DD` relative to the
///   site's local date;
/// - `@monday`, `@monday+2`, `@monday-7T08:00`: the same from the Monday of
///   the current week (a roster's week stays Monday to Sunday);
/// - `@today+3T18:30`: that local date at that wall time,
///   `YYYY-MM-DDTHH:MM` (what plugins keep for opening hours and bookings);
/// - `@local`, `@local-2h`, `@local+3d`: the site's local date-time now,
///   shifted, `YYYY-MM-DDTHH:MM`;
/// - `@now`, `@now+2h`, `@now-3d`: RFC 3339 UTC date-times.
fn demo_value(
    column: Option<ColumnType>,
    v: &Json,
    now: chrono::DateTime<chrono::Utc>,
    tz: chrono_tz::Tz,
) -> Result<ops::Value> {
    Ok(match v {
        Json::Null => ops::Value::Null,
        Json::Bool(b) => ops::Value::Boolean(*b),
        Json::Number(n) => match column {
            Some(ColumnType::Float) => ops::Value::Float(n.as_f64().unwrap_or(0.0)),
            _ => ops::Value::Integer(n.as_i64().context("an integer is expected")?),
        },
        Json::String(s) if s.starts_with("@today") || s.starts_with("@monday") => {
            let (word, rest) = s.split_at(if s.starts_with("@today") { 6 } else { 7 });
            let bad = || anyhow::anyhow!("`{s}` is not {word}±N or {word}±NTHH:MM");
            let (days, time) = match rest.split_once('T') {
                Some((days, time)) => (days, Some(time)),
                None => (rest, None),
            };
            let days: i64 = if days.is_empty() {
                0
            } else if days.starts_with(['+', '-']) {
                days.parse().map_err(|_| bad())?
            } else {
                return Err(bad());
            };
            let today = now.with_timezone(&tz).date_naive();
            let start = if word == "@monday" {
                today - chrono::TimeDelta::days(i64::from(today.weekday().num_days_from_monday()))
            } else {
                today
            };
            let date = start + chrono::TimeDelta::days(days);
            match time {
                None => ops::Value::Text(date.format("%Y-%m-%d").to_string()),
                Some(time) => {
                    let time =
                        chrono::NaiveTime::parse_from_str(time, "%H:%M").map_err(|_| bad())?;
                    ops::Value::Text(date.and_time(time).format("%Y-%m-%dT%H:%M").to_string())
                }
            }
        }
        Json::String(s) if s.starts_with("@local") => {
            let at = now + demo_delta(s, &s[6..])?;
            ops::Value::Text(at.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string())
        }
        Json::String(s) if s.starts_with("@now") => {
            let at = now + demo_delta(s, &s[4..])?;
            ops::Value::Text(at.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        }
        Json::String(s) => ops::Value::Text(s.clone()),
        other => ops::Value::Text(other.to_string()),
    })
}

fn row_ops(
    manifest: &Manifest,
    table: &Table,
    rows: &[Json],
    keys: &mut HashMap<String, u32>,
    ops: &mut Vec<ops::Operation>,
    now: chrono::DateTime<chrono::Utc>,
    tz: chrono_tz::Tz,
) -> Result<()> {
    for row in rows {
        let obj = row.as_object().context("each row is a JSON object")?;
        let mut cells = Vec::new();
        let mut links = Vec::new();
        for (k, v) in obj {
            if k == "_key" {
                continue;
            }
            let col = table.column(k).with_context(|| {
                format!(
                    "{}: table `{}` has no column `{k}`",
                    manifest.name, table.name
                )
            })?;
            if let Some(r) = v
                .as_str()
                .and_then(|s| s.strip_prefix('@'))
                .filter(|r| keys.contains_key(*r))
            {
                links.push(ops::Link {
                    column: k.clone(),
                    operation: keys[r],
                });
                continue;
            }
            cells.push(ops::Cell {
                column: k.clone(),
                value: demo_value(Some(col.kind), v, now, tz)
                    .with_context(|| format!("{}: {}.{k}", manifest.name, table.name))?,
            });
        }
        if let Some(key) = obj.get("_key").and_then(Json::as_str) {
            keys.insert(key.to_string(), ops.len() as u32);
        }
        ops.push(ops::Operation::Insert(ops::RowInsert {
            table: table.name.clone(),
            row: cells,
            links,
        }));
    }
    Ok(())
}

/// The scheduled tasks a demo file asks to run once its rows are loaded
/// (`"run": ["continue"]`), so that the demo shows what a task builds
/// (comarquage's first import) without waiting for its schedule.
///
/// # Errors
/// A malformed file or a `run` that is not a list of task names.
pub fn demo_tasks(dir: &Path, plugin: &str) -> Result<Vec<String>> {
    let path = dir.join(format!("{plugin}.json"));
    let data: Json = serde_json::from_str(&std::fs::read_to_string(&path)?)
        .with_context(|| format!("{} is not JSON", path.display()))?;
    match &data["run"] {
        Json::Null => Ok(Vec::new()),
        Json::Array(tasks) => tasks
            .iter()
            .map(|t| {
                t.as_str().map(str::to_string).with_context(|| {
                    format!("{}: `run` lists task names as strings", path.display())
                })
            })
            .collect(),
        _ => bail!("{}: `run` is a list of task names", path.display()),
    }
}

impl Platform {
    /// Load `demo/<plugin>.json` files into a site's plugin tables when those
    /// tables are still empty. A file is `{"tables": [{"table": "polls",
    /// "rows": [{"_key": "p1", "title": "…"}, …]}, …]}`; a value `"@p1"` in
    /// a later row is the id of the row keyed `p1`.
    ///
    /// # Errors
    /// A malformed file, or a row the storage refuses (named).
    pub async fn load_demo(&self, slug: &str, dir: &Path) -> Result<Vec<(String, usize)>> {
        let mut loaded = Vec::new();
        if !dir.is_dir() {
            return Ok(loaded);
        }
        let snapshot = self.snapshot();
        let site = snapshot
            .site(slug)
            .with_context(|| format!("there is no site `{slug}`"))?;
        let storage = &self.runtime.services.storage;
        let now = self.runtime.services.now();
        let mut files: Vec<_> = std::fs::read_dir(dir)?
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        // Plugins in dependency order does not matter: data is per plugin.
        for path in files {
            let Some(name) = path
                .file_stem()
                .and_then(|s| s.to_str())
                .map(str::to_string)
            else {
                continue;
            };
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let Some(plugin) = site.plugin(&name) else {
                continue;
            };
            let manifest = plugin.loaded.manifest.clone();
            let actor = Actor {
                user_id: None,
                name: Some("demo".into()),
            };
            let scope = Scope {
                site_id: site.id,
                manifest: &manifest,
                actor: &actor,
            };
            let mut empty = true;
            for t in &manifest.tables {
                let rows = storage
                    .query(
                        scope,
                        ops::RowQuery {
                            table: t.name.clone(),
                            columns: vec!["id".into()],
                            filter: vec![],
                            order: vec![],
                            limit: Some(1),
                            offset: None,
                        },
                    )
                    .await
                    .map_err(|e| anyhow::anyhow!("{name}: {e:?}"))?;
                if !rows.rows.is_empty() {
                    empty = false;
                }
            }
            if !empty {
                continue;
            }
            let data: Json = serde_json::from_str(&std::fs::read_to_string(&path)?)
                .with_context(|| format!("{} is not JSON", path.display()))?;
            let mut ops = Vec::new();
            let mut keys = HashMap::new();
            for t in data["tables"]
                .as_array()
                .with_context(|| format!("{}: no `tables` list", path.display()))?
            {
                let table_name = t["table"]
                    .as_str()
                    .context("each entry names its `table`")?;
                let table = manifest
                    .table(table_name)
                    .with_context(|| format!("{name} has no table `{table_name}`"))?;
                let rows = t["rows"].as_array().context("each entry has `rows`")?;
                row_ops(
                    &manifest,
                    table,
                    rows,
                    &mut keys,
                    &mut ops,
                    now,
                    site.info.timezone,
                )?;
            }
            let count = ops.len();
            for chunk_start in (0..count).step_by(crate::storage::MAX_OPERATIONS) {
                // Links only point backwards, within one file: keep them in
                // one transaction when the file is small (the usual case).
                let chunk: Vec<_> = ops
                    [chunk_start..(chunk_start + crate::storage::MAX_OPERATIONS).min(count)]
                    .to_vec();
                storage
                    .transaction(scope, chunk)
                    .await
                    .map_err(|e| anyhow::anyhow!("{}: {e:?}", path.display()))?;
            }
            loaded.push((name, count));
        }
        Ok(loaded)
    }

    /// Everything a site holds, as JSON: configuration, accounts (without
    /// password hashes), groups, the audit log and every enabled plugin's
    /// rows.
    ///
    /// # Errors
    /// The database fails.
    pub async fn export_site(&self, slug: &str) -> Result<Json> {
        let snapshot = self.snapshot();
        let site = snapshot
            .site(slug)
            .with_context(|| format!("there is no site `{slug}`"))?;
        let users = crate::identity::users::list(&self.db, site.id).await?;
        let mut plugins = serde_json::Map::new();
        let storage = &self.runtime.services.storage;
        let actor = Actor::default();
        for p in &site.plugins {
            let manifest = &p.loaded.manifest;
            let scope = Scope {
                site_id: site.id,
                manifest,
                actor: &actor,
            };
            let mut tables = serde_json::Map::new();
            for t in &manifest.tables {
                let mut all = Vec::new();
                let mut offset = 0;
                loop {
                    let page = storage
                        .query(
                            scope,
                            ops::RowQuery {
                                table: t.name.clone(),
                                columns: vec![],
                                filter: vec![],
                                order: vec![],
                                limit: Some(crate::storage::MAX_ROWS),
                                offset: Some(offset),
                            },
                        )
                        .await
                        .map_err(|e| anyhow::anyhow!("{}.{}: {e:?}", p.name, t.name))?;
                    let n = page.rows.len() as u32;
                    for row in page.rows {
                        let obj: serde_json::Map<String, Json> = page
                            .columns
                            .iter()
                            .cloned()
                            .zip(row.into_iter().map(value_json))
                            .collect();
                        all.push(Json::Object(obj));
                    }
                    if n < crate::storage::MAX_ROWS {
                        break;
                    }
                    offset += n;
                }
                tables.insert(t.name.clone(), Json::Array(all));
            }
            plugins.insert(
                p.name.clone(),
                json!({ "version": p.loaded.version().to_string(), "tables": tables }),
            );
        }
        Ok(json!({
            "exported_at": chrono::Utc::now().to_rfc3339(),
            "site": site.config,
            "users": users,
            "plugins": plugins,
        }))
    }

    /// Copy the database to a file.
    ///
    /// # Errors
    /// On PostgreSQL (use `pg_dump`), or the copy fails.
    pub async fn backup(&self, out: &Path) -> Result<()> {
        match self.db.get_database_backend() {
            DbBackend::Sqlite => {
                let path = out
                    .to_str()
                    .context("the backup path is not UTF-8")?
                    .replace('\'', "''");
                self.db
                    .execute_unprepared(&format!("VACUUM INTO '{path}'"))
                    .await
                    .with_context(|| format!("cannot write {}", out.display()))?;
                Ok(())
            }
            _ => bail!(
                "on PostgreSQL, back up with the database's own tool, which takes a consistent snapshot: pg_dump --format=custom --file={} <database>",
                out.display()
            ),
        }
    }
}

/// A column value as JSON.
pub fn value_json(v: ops::Value) -> Json {
    match v {
        ops::Value::Null => Json::Null,
        ops::Value::Boolean(b) => Json::Bool(b),
        ops::Value::Integer(i) => Json::from(i),
        ops::Value::Float(f) => serde_json::Number::from_f64(f).map_or(Json::Null, Json::Number),
        ops::Value::Text(s)
        | ops::Value::Date(s)
        | ops::Value::Datetime(s)
        | ops::Value::Json(s) => Json::String(s),
        ops::Value::Bytes(b) => Json::String(base64::Engine::encode(
            &base64::engine::general_purpose::STANDARD,
            b,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_demo_dates_follow_today() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-28T10:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        let paris = chrono_tz::Europe::Paris;
        assert_eq!(
            demo_value(Some(ColumnType::Date), &json!("@today+3"), now, paris).unwrap(),
            ops::Value::Text("2026-12-01".into())
        );
        assert_eq!(
            demo_value(Some(ColumnType::Datetime), &json!("@now-2h"), now, paris).unwrap(),
            ops::Value::Text("2026-11-28T08:00:00Z".into())
        );
        assert!(demo_value(Some(ColumnType::Datetime), &json!("@now+2y"), now, paris).is_err());
    }

    #[test]
    fn local_demo_date_times_are_the_sites_wall_time() {
        // 23:30 UTC is already the next day in Paris (UTC+1 in winter).
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-28T23:30:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        let paris = chrono_tz::Europe::Paris;
        let text = |v: &str| demo_value(Some(ColumnType::Text), &json!(v), now, paris);
        assert_eq!(
            text("@today").unwrap(),
            ops::Value::Text("2026-11-29".into())
        );
        assert_eq!(
            text("@today+3T18:30").unwrap(),
            ops::Value::Text("2026-12-02T18:30".into())
        );
        assert_eq!(
            text("@today-1T08:00").unwrap(),
            ops::Value::Text("2026-11-28T08:00".into())
        );
        assert_eq!(
            text("@todayT09:15").unwrap(),
            ops::Value::Text("2026-11-29T09:15".into())
        );
        // Sunday 29 November 2026 in Paris: its week began on the 23rd.
        assert_eq!(
            text("@monday").unwrap(),
            ops::Value::Text("2026-11-23".into())
        );
        assert_eq!(
            text("@monday+7T07:30").unwrap(),
            ops::Value::Text("2026-11-30T07:30".into())
        );
        assert!(text("@monday3").is_err());
        assert_eq!(
            text("@local").unwrap(),
            ops::Value::Text("2026-11-29T00:30".into())
        );
        assert_eq!(
            text("@local-2h").unwrap(),
            ops::Value::Text("2026-11-28T22:30".into())
        );
        assert_eq!(
            text("@local+3d").unwrap(),
            ops::Value::Text("2026-12-02T00:30".into())
        );
        // Summer time: UTC+2.
        let summer = chrono::DateTime::parse_from_rfc3339("2026-07-01T10:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        assert_eq!(
            demo_value(Some(ColumnType::Text), &json!("@local"), summer, paris).unwrap(),
            ops::Value::Text("2026-07-01T12:00".into())
        );
        for bad in [
            "@today+3T25:00",
            "@today3",
            "@today+xT10:00",
            "@local+2y",
            "@local2h",
        ] {
            assert!(text(bad).is_err(), "{bad} should be refused");
        }
    }
}
