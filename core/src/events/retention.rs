//! The host's daily retention task: what has served its purpose is
//! forgotten. Expired sessions, used or expired tokens and sign-in attempts
//! past every limit that counts them are deleted; audit entries older than
//! the site's setting (`[privacy] audit-details-months`, 12 by default)
//! keep who did what and when, and lose their details; delivered events are
//! deleted after [`EVENTS_KEPT`]. The scheduler runs it once a day on one
//! node (under its lease, see `schedule::tick`); times are the host's clock
//! (`ESTIVE_NOW` when set).

use anyhow::Result;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter};

use crate::db::entities::{
    audit_entry, event_delivery, login_attempt, outbox_event, session, token,
};
use crate::platform::Platform;

/// Name of the task in `schedule_runs`.
pub const TASK: &str = "retention";
/// Local time (Europe/Paris) it runs at: a quiet hour.
pub const AT: &str = "04:30";
/// Sign-in attempts are kept this long. The sign-in throttle counts them
/// over 15 minutes; whatever reads them must not look back further than
/// this.
pub const ATTEMPTS_KEPT: chrono::TimeDelta = chrono::TimeDelta::days(1);
/// Delivered events and their deliveries are kept this long (to see what
/// happened when a plugin misbehaves).
pub const EVENTS_KEPT: chrono::TimeDelta = chrono::TimeDelta::days(30);
/// What the details of an old audit entry become.
pub const CLEARED: &str = "null";

/// What one run removed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Purged {
    pub sessions: u64,
    pub tokens: u64,
    pub attempts: u64,
    pub audit_details: u64,
    pub events: u64,
}

/// Purge now. Each statement is its own transaction: a run cut short
/// leaves what it did done, and the next run does the rest.
///
/// # Errors
/// The database fails.
pub async fn run(platform: &Platform) -> Result<Purged> {
    let storage = &platform.runtime.services.storage;
    let now = platform.runtime.services.now();
    let mut purged = Purged::default();

    platform
        .transact(async |txn| -> Result<()> {
            purged.sessions = session::Entity::delete_many()
                .filter(session::Column::ExpiresAt.lt(now))
                .exec(txn)
                .await?
                .rows_affected;
            purged.tokens = token::Entity::delete_many()
                .filter(
                    Condition::any()
                        .add(token::Column::ExpiresAt.lt(now))
                        .add(token::Column::UsedAt.is_not_null()),
                )
                .exec(txn)
                .await?
                .rows_affected;
            purged.attempts = login_attempt::Entity::delete_many()
                .filter(login_attempt::Column::At.lt(now - ATTEMPTS_KEPT))
                .exec(txn)
                .await?
                .rows_affected;
            Ok(())
        })
        .await?;

    for site in &platform.snapshot().sites {
        let months = site.config.privacy.audit_details_months;
        let Some(cutoff) = now.checked_sub_months(chrono::Months::new(months)) else {
            continue;
        };
        let clear = audit_entry::Entity::update_many()
            .col_expr(audit_entry::Column::Details, Expr::value(CLEARED))
            .filter(audit_entry::Column::SiteId.eq(site.id))
            .filter(audit_entry::Column::At.lt(cutoff))
            .filter(audit_entry::Column::Details.ne(CLEARED));
        purged.audit_details += storage
            .serialized(async |db| clear.exec(db).await)
            .await?
            .rows_affected;
    }

    let old = now - EVENTS_KEPT;
    platform
        .transact(async |txn| -> Result<()> {
            event_delivery::Entity::delete_many()
                .filter(event_delivery::Column::DoneAt.lt(old))
                .exec(txn)
                .await?;
            // An event goes once no delivery of it is left (none pending, the done
            // ones purged just above), so a delivery never loses its event.
            purged.events = outbox_event::Entity::delete_many()
                .filter(outbox_event::Column::Dispatched.eq(true))
                .filter(outbox_event::Column::PublishedAt.lt(old))
                .filter(
                    outbox_event::Column::Id.not_in_subquery(
                        Query::select()
                            .column(event_delivery::Column::EventId)
                            .from(event_delivery::Entity)
                            .to_owned(),
                    ),
                )
                .exec(txn)
                .await?
                .rows_affected;
            Ok(())
        })
        .await?;
    Ok(purged)
}
