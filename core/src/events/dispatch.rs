//! Delivering events: the outbox is fanned out into one delivery per
//! subscribed plugin of the site, and deliveries are claimed with a lease so
//! that several nodes sharing a database never run the same one at once.
//! Delivery is at least once: a failed `on-event` is retried with backoff.

use std::sync::Arc;

use anyhow::Result;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

use crate::db::entities::{event_delivery, outbox_event};
use crate::platform::Platform;
use crate::platform::{Site, background_context};
use crate::runtime::api;
use crate::runtime::{Call, Reply};

/// Attempts before a delivery is given up (and logged).
const MAX_ATTEMPTS: i32 = 10;
const LEASE: chrono::TimeDelta = chrono::TimeDelta::seconds(120);

/// Fan out undispatched events. Returns how many were fanned out.
///
/// # Errors
/// The database fails.
pub async fn fan_out(platform: &Platform) -> Result<usize> {
    let db = &platform.db;
    let storage = &platform.runtime.services.storage;
    let pending = outbox_event::Entity::find()
        .filter(outbox_event::Column::Dispatched.eq(false))
        .order_by_asc(outbox_event::Column::Id)
        .limit(200)
        .all(db)
        .await?;
    let snapshot = platform.snapshot();
    let mut n = 0;
    for ev in pending {
        storage
            .transact(async |txn| -> Result<()> {
                // Only the node whose update takes effect fans this event out.
                let claimed = outbox_event::Entity::update_many()
                    .col_expr(outbox_event::Column::Dispatched, Expr::value(true))
                    .filter(outbox_event::Column::Id.eq(ev.id))
                    .filter(outbox_event::Column::Dispatched.eq(false))
                    .exec(txn)
                    .await?;
                if claimed.rows_affected == 1 {
                    if let Some(site) = snapshot.sites.iter().find(|s| s.id == ev.site_id) {
                        for p in site
                            .plugins
                            .iter()
                            .filter(|p| p.loaded.manifest.subscribe.contains(&ev.topic))
                        {
                            event_delivery::ActiveModel {
                                event_id: Set(ev.id),
                                site_id: Set(ev.site_id),
                                plugin: Set(p.name.clone()),
                                attempts: Set(0),
                                next_attempt_at: Set(chrono::Utc::now()),
                                lease_until: Set(None),
                                done_at: Set(None),
                                last_error: Set(String::new()),
                                ..Default::default()
                            }
                            .insert(txn)
                            .await?;
                        }
                    }
                    n += 1;
                }
                Ok(())
            })
            .await?;
    }
    Ok(n)
}

/// Deliver due events. Returns how many were delivered successfully.
///
/// A delivery is run by the node whose claim takes effect: the claim is one
/// `UPDATE` that only matches a row still undelivered (`done_at` NULL), due,
/// and not leased (or whose lease has run out), so two nodes that read the
/// same due row cannot both claim it, and a node that read it before another
/// finished it cannot claim it again afterwards. The lease only matters
/// when a node dies while delivering: its delivery runs again elsewhere once
/// the lease is over (at least once, never twice while nodes are healthy).
///
/// # Errors
/// The database fails.
pub async fn deliver(platform: &Platform) -> Result<usize> {
    let db = &platform.db;
    let storage = &platform.runtime.services.storage;
    let now = chrono::Utc::now();
    let due = event_delivery::Entity::find()
        .filter(claimable(now))
        .order_by_asc(event_delivery::Column::Id)
        .limit(100)
        .all(db)
        .await?;
    let snapshot = platform.snapshot();
    let mut delivered = 0;
    for d in due {
        let now = chrono::Utc::now();
        let claim = event_delivery::Entity::update_many()
            .col_expr(
                event_delivery::Column::LeaseUntil,
                Expr::value(Some(now + LEASE)),
            )
            .filter(event_delivery::Column::Id.eq(d.id))
            .filter(claimable(now));
        let claimed = storage
            .serialized(async |db| claim.exec(db).await)
            .await?
            .rows_affected
            == 1;
        if !claimed {
            continue;
        }
        let outcome = deliver_one(platform, &snapshot.sites, &d).await;
        let finish = event_delivery::Entity::update_many()
            .col_expr(
                event_delivery::Column::LeaseUntil,
                Expr::value(Option::<chrono::DateTime<chrono::Utc>>::None),
            )
            .filter(event_delivery::Column::Id.eq(d.id))
            .filter(event_delivery::Column::DoneAt.is_null());
        let finish = match outcome {
            Ok(()) => {
                delivered += 1;
                finish.col_expr(
                    event_delivery::Column::DoneAt,
                    Expr::value(Some(chrono::Utc::now())),
                )
            }
            Err(e) => {
                // The claim matched only a row due no later than `now`, which
                // a failed attempt elsewhere would have pushed past it: the
                // count read with the row is the current one.
                let attempts = d.attempts + 1;
                let finish = finish
                    .col_expr(event_delivery::Column::Attempts, Expr::value(attempts))
                    .col_expr(
                        event_delivery::Column::LastError,
                        Expr::value(e.chars().take(2000).collect::<String>()),
                    );
                if attempts >= MAX_ATTEMPTS {
                    tracing::error!(plugin = %d.plugin, event = d.event_id, error = %e, "event delivery given up");
                    finish.col_expr(
                        event_delivery::Column::DoneAt,
                        Expr::value(Some(chrono::Utc::now())),
                    )
                } else {
                    let backoff =
                        chrono::TimeDelta::seconds(2_i64.pow(attempts.min(12) as u32).min(3600));
                    tracing::warn!(plugin = %d.plugin, event = d.event_id, attempts, error = %e, "event delivery failed; will retry");
                    finish.col_expr(
                        event_delivery::Column::NextAttemptAt,
                        Expr::value(chrono::Utc::now() + backoff),
                    )
                }
            }
        };
        storage.serialized(async |db| finish.exec(db).await).await?;
    }
    Ok(delivered)
}

/// Deliveries a node may claim at `now`: not delivered yet, due, and not
/// leased by a node still within its lease.
fn claimable(now: chrono::DateTime<chrono::Utc>) -> Condition {
    Condition::all()
        .add(event_delivery::Column::DoneAt.is_null())
        .add(event_delivery::Column::NextAttemptAt.lte(now))
        .add(
            Condition::any()
                .add(event_delivery::Column::LeaseUntil.is_null())
                .add(event_delivery::Column::LeaseUntil.lt(now)),
        )
}

async fn deliver_one(
    platform: &Platform,
    sites: &[Arc<Site>],
    d: &event_delivery::Model,
) -> Result<(), String> {
    let site = sites
        .iter()
        .find(|s| s.id == d.site_id)
        .ok_or("the site is gone")?;
    let Some(plugin) = site.plugin(&d.plugin) else {
        // Disabled since: nothing to deliver to; not an error worth retrying.
        return Ok(());
    };
    let ev = outbox_event::Entity::find_by_id(d.event_id)
        .one(&platform.db)
        .await
        .map_err(|e| e.to_string())?
        .ok_or("the event is gone")?;
    let (ctx, info) = background_context(site, plugin);
    let event = api::Event {
        id: ev.id as u64,
        topic: ev.topic,
        payload: ev.payload,
        published_at: ev.published_at.to_rfc3339(),
    };
    match platform
        .runtime
        .call(&plugin.loaded, info, Call::Event(ctx, event))
        .await
    {
        Ok(Reply::Unit(Ok(()))) => Ok(()),
        Ok(Reply::Unit(Err(e))) => Err(e),
        Ok(_) => Err("unexpected reply".into()),
        Err(fault) => Err(fault.to_string()),
    }
}

/// Fan out and deliver until nothing is left that is due now (tests, CLI).
///
/// # Errors
/// The database fails.
pub async fn drain(platform: &Platform) -> Result<usize> {
    let mut total = 0;
    for _ in 0..20 {
        let fanned = fan_out(platform).await?;
        let delivered = deliver(platform).await?;
        total += delivered;
        if fanned == 0 && delivered == 0 {
            break;
        }
    }
    Ok(total)
}
