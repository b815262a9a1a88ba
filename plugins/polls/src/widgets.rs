//! Dashboard widgets: open consultations on the portal, participation in
//! the extranet.

use estive_sdk::prelude::*;

use crate::model::{self, Phase, Poll};
use crate::portal::summary;

fn open_polls_now() -> Result<(String, Vec<Poll>), Error> {
    let now = model::now_local();
    let polls: Vec<Poll> = db::select("polls")
        .filter(eq("status", "published"))
        .filter(gt("closes_at", now.as_str()))
        .filter(le("opens_at", now.as_str()))
        .order_asc("closes_at")
        .limit(20)
        .fetch()?;
    Ok((now, polls))
}

/// `open-polls` (portal): the consultations open now, soonest closing
/// first; nothing when none is open.
///
/// # Errors
///
/// A storage failure.
pub fn open_polls(ctx: &Context) -> Result<Option<View>, Error> {
    let (now, polls) = open_polls_now()?;
    if polls.is_empty() {
        return Ok(None);
    }
    let items: Vec<_> = polls
        .iter()
        .filter(|p| p.phase(&now) == Phase::Open)
        .take(5)
        .map(|p| summary(p, &now))
        .collect();
    Ok(Some(
        view("widget_open.html")
            .set("polls", items)
            .set("base", ctx.url("/")),
    ))
}

/// `participation` (extranet): answers so far to each open consultation.
///
/// # Errors
///
/// A storage failure.
pub fn participation(ctx: &Context) -> Result<Option<View>, Error> {
    let (now, polls) = open_polls_now()?;
    let mut items = Vec::new();
    for p in polls.iter().take(8) {
        let mut s = summary(p, &now);
        s["respondents"] = json!(model::respondents(p.id())?);
        s["today"] = json!(
            db::count("answer_sets")
                .filter(eq("poll_id", p.id()))
                .filter(eq("day", clock::now().today))
                .get()?
        );
        items.push(s);
    }
    Ok(Some(
        view("widget_participation.html")
            .set("polls", items)
            .set("base", ctx.url("/")),
    ))
}
