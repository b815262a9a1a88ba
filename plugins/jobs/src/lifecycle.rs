//! The offers' clock, run hourly: a published local offer whose expiry
//! date has passed becomes `expired` (its page stays, marked); a few days
//! before (`reminder_days`), its employer is asked once whether it is still
//! open, with the ways to extend it or mark it filled.
//!
//! Imported offers are left alone: France Travail's listing decides their
//! life ([`crate::import`]). Mails are bounded per call (one per employer,
//! listing their offers); what is left waits for the next run.

use std::collections::BTreeMap;

use estive_sdk::prelude::*;

use crate::employers::{message, notify, portal_link};
use crate::model::{EXPIRED, LOCAL, Offer, PUBLISHED};
use crate::posting::{history_entry, with_history};
use crate::store::{self, Settings};
use crate::{display, tables};

/// The most offers expired in one transaction (a host transaction holds
/// at most 1,000 operations).
const EXPIRE_BATCH: u32 = 400;
/// The most reminders (employers mailed) in one call, below the host's 50.
const MAILS_PER_CALL: usize = 45;
/// The most offers considered for reminders in one call.
const REMINDER_ROWS: u32 = 1000;

/// Expire what has passed, then send the reminders due.
///
/// # Errors
/// Storage failures.
pub fn housekeeping(ctx: &Context) -> Result<(), Error> {
    expire()?;
    remind(ctx)
}

/// Published local offers whose expiry date is before today become
/// expired. Each is expected at the version read, so that an employer's
/// extension saved meanwhile wins.
///
/// # Errors
/// Storage failures.
pub fn expire() -> Result<usize, Error> {
    let today = store::today().to_string();
    let now = store::now_utc();
    let due: Vec<Offer> = db::select(tables::OFFERS)
        .filter(eq(tables::offers::STATUS, PUBLISHED))
        .filter(eq(tables::offers::SOURCE, LOCAL))
        .filter(lt(tables::offers::EXPIRES_ON, today))
        .order_asc(tables::offers::EXPIRES_ON)
        .limit(EXPIRE_BATCH)
        .fetch()?;
    if due.is_empty() {
        return Ok(0);
    }
    let mut tx = db::transaction();
    for offer in &due {
        let details = with_history(&offer.details, history_entry("expired", "", None));
        // Filtered on the version read rather than expected: an offer
        // changed meanwhile is simply left for the next run.
        tx.update(
            db::update(tables::OFFERS)
                .filter(eq(tables::offers::ID, offer.id))
                .filter(eq(tables::offers::VERSION, offer.version))
                .set(tables::offers::STATUS, EXPIRED)
                .set(tables::offers::CLOSED_AT, now.clone())
                .set_json(tables::offers::DETAILS, &details)
                .set(tables::offers::VERSION, offer.version + 1),
        );
    }
    tx.audit(
        "jobs.offers.expired",
        "jobs:offers",
        &json!({ "offers": due.iter().map(|o| o.id).collect::<Vec<_>>() }),
    );
    tx.commit()?;
    Ok(due.len())
}

/// Mail each employer whose published offers expire within
/// `reminder_days` and were not asked yet, once per offer.
///
/// # Errors
/// Storage failures.
pub fn remind(ctx: &Context) -> Result<(), Error> {
    let settings = Settings::load()?;
    if settings.reminder_days <= 0 {
        return Ok(());
    }
    let today = store::today();
    let until = today.add_days(settings.reminder_days.min(365)).to_string();
    let due: Vec<Offer> = db::select(tables::OFFERS)
        .filter(eq(tables::offers::STATUS, PUBLISHED))
        .filter(eq(tables::offers::SOURCE, LOCAL))
        .filter(eq(tables::offers::REMINDER_SENT, false))
        .filter(ge(tables::offers::EXPIRES_ON, today.to_string()))
        .filter(le(tables::offers::EXPIRES_ON, until))
        .order_asc(tables::offers::EXPIRES_ON)
        .limit(REMINDER_ROWS)
        .fetch()?;
    let mut by_employer: BTreeMap<i64, Vec<&Offer>> = BTreeMap::new();
    for offer in &due {
        if let Some(id) = offer.employer_id {
            by_employer.entry(id).or_default().push(offer);
        }
    }
    let locale = ctx.locale();
    for (employer_id, offers) in by_employer.into_iter().take(MAILS_PER_CALL) {
        // Marked first: a mail that fails is logged, never sent twice.
        let ids: Vec<i64> = offers.iter().map(|o| o.id).collect();
        db::update(tables::OFFERS)
            .filter(one_of(tables::offers::ID, ids))
            .set(tables::offers::REMINDER_SENT, true)
            .run()?;
        let Ok(employer) = store::employer(employer_id) else {
            continue;
        };
        let lines: Vec<String> = offers
            .iter()
            .map(|o| {
                message(
                    "lifecycle-mail-line",
                    &[
                        ("title", o.title.clone()),
                        ("date", display::long_date(Some(&o.expires_on), locale)),
                        (
                            "link",
                            portal_link(ctx, &format!("/espace-employeur/offres/{}", o.id)),
                        ),
                    ],
                )
            })
            .collect();
        let args = [
            ("name", employer.name.clone()),
            ("count", offers.len().to_string()),
            ("offers", lines.join("\n\n")),
            ("home", portal_link(ctx, "/espace-employeur")),
        ];
        notify(
            &employer.user_id,
            &message("lifecycle-mail-subject", &args),
            &message("lifecycle-mail-body", &args),
        );
    }
    Ok(())
}
