//! Closing polls and announcing their results with the `polls.closed`
//! event.
//!
//! Two steps: closing (the status changes, so the answer transaction's
//! guard refuses any later answer), then counting and announcing (the
//! results in the event are final). The schedule finishes any poll closed
//! but not yet announced, so an interrupted close is still announced.

use estive_sdk::prelude::*;

use crate::exports;
use crate::model::{self, Poll};
use crate::results::{self, Texts};

/// Closes a published poll now. Returns whether this call closed it
/// (false when it was closed already).
///
/// # Errors
///
/// A storage failure.
pub fn close(poll: &Poll, by: &str) -> Result<bool, Error> {
    let now = model::now_local();
    let mut tx = db::transaction();
    tx.expect(
        "polls",
        [eq("id", poll.id()), eq("status", "published")],
        db::Measure::count_rows(),
        Some(1.0),
        None,
        "poll-not-published",
    );
    tx.update(
        db::update("polls")
            .filter(eq("id", poll.id()))
            .set("status", "closed")
            .set("closed_at", now.as_str()),
    );
    tx.update(model::touch_results(poll.id()));
    tx.audit(
        "poll.closed",
        &format!("poll:{}", poll.id()),
        &json!({ "by": by, "title": poll.title }),
    );
    match tx.commit() {
        Ok(_) => Ok(true),
        Err(Error::Conflict(_)) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Counts the final results of a closed poll and publishes `polls.closed`
/// with them, once.
///
/// # Errors
///
/// A storage failure.
pub fn announce(poll_id: i64, site: &estive_sdk::Site, portal: Option<&str>) -> Result<(), Error> {
    let poll = model::load_poll(poll_id)?;
    if poll.status() != model::Status::Closed || poll.announced {
        return Ok(());
    }
    let questions = model::load_questions(poll_id)?;
    let results = results::load(poll_id, &questions, Texts::None)?;
    let payload = exports::results_json(&poll, &results, site, portal);
    let mut tx = db::transaction();
    tx.expect(
        "polls",
        [eq("id", poll_id), eq("announced", false)],
        db::Measure::count_rows(),
        Some(1.0),
        None,
        "poll-announced",
    );
    tx.update(
        db::update("polls")
            .filter(eq("id", poll_id))
            .set("announced", true),
    );
    tx.publish("closed", &payload);
    match tx.commit() {
        Ok(_) | Err(Error::Conflict(_)) => Ok(()),
        Err(e) => Err(e),
    }
}

/// The `close-expired` task: closes every published poll whose closing
/// time has passed, and announces every closed poll not yet announced.
///
/// # Errors
///
/// A storage failure (the polls handled before it stay handled).
pub fn close_expired(ctx: &Context) -> Result<usize, Error> {
    let now = model::now_local();
    let expired: Vec<Poll> = db::select("polls")
        .filter(eq("status", "published"))
        .filter(le("closes_at", now.as_str()))
        .limit(500)
        .fetch()?;
    let mut closed = 0;
    for poll in &expired {
        if close(poll, "schedule")? {
            closed += 1;
        }
    }
    let pending: Vec<Poll> = db::select("polls")
        .filter(eq("status", "closed"))
        .filter(eq("announced", false))
        .limit(500)
        .fetch()?;
    for poll in &pending {
        announce(poll.id(), ctx.site(), ctx.mount("portal"))?;
    }
    Ok(closed)
}

/// The `purge-hits` task: forgets the addresses of answers older than a
/// day (the rate limit looks back one hour).
///
/// # Errors
///
/// A storage failure.
pub fn purge_hits() -> Result<u64, Error> {
    let now = clock::now();
    let day_ago =
        estive_sdk::dates::DateTime::from_unix_millis(now.unix_millis - 86_400_000).to_string();
    db::delete("address_hits").filter(lt("at", day_ago)).run()
}
