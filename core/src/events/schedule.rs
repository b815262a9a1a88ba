//! Scheduled plugin tasks. Each (site, plugin, task) has a row with its
//! next run; a node runs a due task only after winning its lease, so with
//! several nodes one of them runs it.

use anyhow::{Context as _, Result};
use chrono::TimeZone;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ActiveValue::Set, ColumnTrait, Condition, EntityTrait, QueryFilter};

use crate::db::entities::schedule_run;
use crate::package::manifest::Schedule;
use crate::platform::Platform;
use crate::platform::background_context;
use crate::runtime::{Call, Reply};

/// When a task runs next after `now`.
pub fn next_run(
    schedule: &Schedule,
    tz: chrono_tz::Tz,
    now: chrono::DateTime<chrono::Utc>,
) -> chrono::DateTime<chrono::Utc> {
    if let Some(period) = schedule.period_secs() {
        return now + chrono::TimeDelta::seconds(period as i64);
    }
    let (h, m) = schedule.daily_at().unwrap_or((3, 0));
    let local_now = now.with_timezone(&tz);
    let mut day = local_now.date_naive();
    for _ in 0..3 {
        let candidate = day
            .and_hms_opt(h, m, 0)
            .and_then(|t| tz.from_local_datetime(&t).earliest());
        if let Some(c) = candidate
            && c > local_now
        {
            return c.with_timezone(&chrono::Utc);
        }
        day = day.succ_opt().unwrap_or(day);
    }
    now + chrono::TimeDelta::days(1)
}

fn node_id() -> String {
    static ID: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        format!(
            "{}-{}",
            std::process::id(),
            crate::identity::sessions::new_token()
        )
    });
    ID.clone()
}

/// A row of `schedule_runs`: (site, plugin, task).
type Key = (i64, String, String);

/// Create the row of a task if it has none yet, due at `next`.
async fn ensure(platform: &Platform, key: &Key, next: chrono::DateTime<chrono::Utc>) -> Result<()> {
    let storage = &platform.runtime.services.storage;
    storage
        .serialized(async |db| -> Result<_> {
            schedule_run::Entity::insert(schedule_run::ActiveModel {
                site_id: Set(key.0),
                plugin: Set(key.1.clone()),
                task: Set(key.2.clone()),
                next_run_at: Set(next),
                lease_owner: Set(None),
                lease_until: Set(None),
                last_run_at: Set(None),
                last_status: Set(String::new()),
            })
            .on_conflict(
                OnConflict::columns([
                    schedule_run::Column::SiteId,
                    schedule_run::Column::Plugin,
                    schedule_run::Column::Task,
                ])
                .do_nothing()
                .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
            Ok(())
        })
        .await
}

/// Take the lease of a task due at `now`; true when this node won it.
async fn claim(
    platform: &Platform,
    key: &Key,
    now: chrono::DateTime<chrono::Utc>,
    lease: std::time::Duration,
) -> Result<bool> {
    let storage = &platform.runtime.services.storage;
    storage
        .serialized(async |db| -> Result<_> {
            Ok(schedule_run::Entity::update_many()
                .col_expr(
                    schedule_run::Column::LeaseOwner,
                    Expr::value(Some(node_id())),
                )
                .col_expr(
                    schedule_run::Column::LeaseUntil,
                    Expr::value(Some(
                        chrono::Utc::now() + chrono::TimeDelta::from_std(lease)?,
                    )),
                )
                .filter(schedule_run::Column::SiteId.eq(key.0))
                .filter(schedule_run::Column::Plugin.eq(&key.1))
                .filter(schedule_run::Column::Task.eq(&key.2))
                .filter(schedule_run::Column::NextRunAt.lte(now))
                .filter(
                    Condition::any()
                        .add(schedule_run::Column::LeaseUntil.is_null())
                        .add(schedule_run::Column::LeaseUntil.lt(chrono::Utc::now())),
                )
                .exec(db)
                .await?
                .rows_affected
                == 1)
        })
        .await
}

/// Release the lease of a task that ran, with its status and next run.
async fn finish(
    platform: &Platform,
    key: &Key,
    status: String,
    next: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let storage = &platform.runtime.services.storage;
    storage
        .serialized(async |db| -> Result<_> {
            schedule_run::Entity::update_many()
                .col_expr(
                    schedule_run::Column::LeaseOwner,
                    Expr::value(Option::<String>::None),
                )
                .col_expr(
                    schedule_run::Column::LeaseUntil,
                    Expr::value(Option::<chrono::DateTime<chrono::Utc>>::None),
                )
                .col_expr(
                    schedule_run::Column::LastRunAt,
                    Expr::value(Some(chrono::Utc::now())),
                )
                .col_expr(schedule_run::Column::NextRunAt, Expr::value(next))
                .col_expr(schedule_run::Column::LastStatus, Expr::value(status))
                .filter(schedule_run::Column::SiteId.eq(key.0))
                .filter(schedule_run::Column::Plugin.eq(&key.1))
                .filter(schedule_run::Column::Task.eq(&key.2))
                .exec(db)
                .await?;
            Ok(())
        })
        .await
}

/// The host's own daily tasks, leased like plugins' ones under a plugin
/// name no plugin can have (`@host`) and site 0. Returns how many ran.
async fn host_tasks(platform: &Platform) -> Result<usize> {
    let now = platform.runtime.services.now();
    let daily = Schedule {
        name: super::retention::TASK.into(),
        every: None,
        at: Some(super::retention::AT.into()),
    };
    let tz = chrono_tz::Europe::Paris;
    let key: Key = (0, HOST.into(), daily.name.clone());
    // A node's first tick on a new database runs it at once.
    ensure(platform, &key, now).await?;
    if !claim(platform, &key, now, std::time::Duration::from_secs(600)).await? {
        return Ok(0);
    }
    let status = match super::retention::run(platform).await {
        Ok(purged) => {
            tracing::info!(?purged, "retention: expired data purged");
            "ok".to_string()
        }
        Err(e) => {
            tracing::warn!(error = %format!("{e:#}"), "retention task failed");
            format!("{e:#}")
        }
    };
    finish(platform, &key, status, next_run(&daily, tz, now)).await?;
    Ok(1)
}

/// The plugin name under which the host's own tasks are leased.
pub const HOST: &str = "@host";

/// Create missing rows and run the due tasks this node wins (the host's
/// daily tasks, then the plugins'). Returns how many ran.
///
/// # Errors
/// The database fails.
pub async fn tick(platform: &Platform) -> Result<usize> {
    let now = platform.runtime.services.now();
    let snapshot = platform.snapshot();
    let mut ran = host_tasks(platform).await?;
    for site in &snapshot.sites {
        for plugin in &site.plugins {
            for sched in &plugin.loaded.manifest.schedules {
                let key = (site.id, plugin.name.clone(), sched.name.clone());
                ensure(platform, &key, next_run(sched, site.info.timezone, now)).await?;
                let lease = plugin.deadline.max(std::time::Duration::from_secs(30)) * 2;
                if !claim(platform, &key, now, lease).await? {
                    continue;
                }
                let status = run_task(platform, site, plugin, &sched.name).await;
                ran += 1;
                let next = next_run(sched, site.info.timezone, platform.runtime.services.now());
                finish(platform, &key, status, next).await?;
            }
        }
    }
    Ok(ran)
}

/// Run one task now. Returns `ok` or the error.
pub async fn run_task(
    platform: &Platform,
    site: &crate::platform::Site,
    plugin: &crate::platform::SitePlugin,
    task: &str,
) -> String {
    let (ctx, info) = background_context(site, plugin);
    let status = match platform
        .runtime
        .call(&plugin.loaded, info, Call::Schedule(ctx, task.to_string()))
        .await
    {
        Ok(Reply::Unit(Ok(()))) => "ok".to_string(),
        Ok(Reply::Unit(Err(e))) => e,
        Ok(_) => "unexpected reply".into(),
        Err(f) => f.to_string(),
    };
    if status != "ok" {
        tracing::warn!(site = %site.config.slug, plugin = %plugin.name, task, status, "scheduled task failed");
    }
    status
}

/// Run a task by name on a site, whatever its schedule (tests, CLI).
///
/// # Errors
/// Unknown site, plugin or task; the task's own error.
pub async fn run_now(platform: &Platform, slug: &str, plugin: &str, task: &str) -> Result<()> {
    let snapshot = platform.snapshot();
    let site = snapshot
        .site(slug)
        .with_context(|| format!("there is no site `{slug}`"))?;
    let p = site
        .plugin(plugin)
        .with_context(|| format!("plugin `{plugin}` is not enabled on `{slug}`"))?;
    if !p.loaded.manifest.schedules.iter().any(|s| s.name == task) {
        anyhow::bail!("plugin `{plugin}` declares no schedule `{task}`");
    }
    match run_task(platform, site, p, task).await.as_str() {
        "ok" => Ok(()),
        e => anyhow::bail!("{plugin}/{task}: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sched(every: Option<&str>, at: Option<&str>) -> Schedule {
        Schedule {
            name: "t".into(),
            every: every.map(Into::into),
            at: at.map(Into::into),
        }
    }

    #[test]
    fn daily_task_runs_next_at_local_time() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-28T10:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        // 03:30 in Paris (UTC+1 in winter) is 02:30 UTC, tomorrow.
        let next = next_run(&sched(None, Some("03:30")), chrono_tz::Europe::Paris, now);
        assert_eq!(next.to_rfc3339(), "2026-11-29T02:30:00+00:00");
        let later = next_run(&sched(None, Some("12:00")), chrono_tz::Europe::Paris, now);
        assert_eq!(later.to_rfc3339(), "2026-11-28T11:00:00+00:00");
    }

    #[test]
    fn periodic_task_runs_after_its_period() {
        let now = chrono::Utc::now();
        assert_eq!(
            next_run(&sched(Some("15m"), None), chrono_tz::Europe::Paris, now),
            now + chrono::TimeDelta::minutes(15)
        );
    }
}
