//! An agent's own schedule, their hour counters, and the private calendar
//! feed of their published shifts.

use std::collections::{BTreeMap, BTreeSet};

use estive_kit::ical::{Calendar, Event, Status, Time};
use estive_sdk::prelude::*;

use crate::access::Access;
use crate::model::{CANCELLED, FeedToken, OPEN, PUBLISHED, Shift, Week};
use crate::store;
use crate::{counters, rules, tables, walltime};

/// How many weeks ahead "my schedule" and the feed reach.
const WEEKS_AHEAD: i64 = 8;
/// How many weeks back the feed keeps.
const WEEKS_BACK: i64 = 4;

/// The published shifts of an agent from `from` to before `to`: those of
/// weeks their team published (cancelled ones included, marked).
fn published_shifts(
    agent_id: i64,
    from: estive_sdk::dates::Date,
    to: estive_sdk::dates::Date,
) -> Result<Vec<Shift>, Error> {
    let shifts: Vec<Shift> = db::select(tables::SHIFTS)
        .filter(eq(tables::shifts::AGENT_ID, agent_id))
        .filter(ge(tables::shifts::STARTS_AT, from.to_string()))
        .filter(lt(tables::shifts::STARTS_AT, to.to_string()))
        .order_asc(tables::shifts::STARTS_AT)
        .limit(2000)
        .fetch()?;
    let mondays: BTreeSet<&str> = shifts.iter().map(|s| s.monday.as_str()).collect();
    if mondays.is_empty() {
        return Ok(shifts);
    }
    let published: BTreeSet<(i64, String)> = db::select(tables::WEEKS)
        .filter(one_of(tables::weeks::MONDAY, mondays))
        .filter(eq(tables::weeks::STATUS, PUBLISHED))
        .fetch::<Week>()?
        .into_iter()
        .map(|w| (w.team_id, w.monday))
        .collect();
    Ok(shifts
        .into_iter()
        .filter(|s| published.contains(&(s.team_id, s.monday.clone())))
        .collect())
}

/// `GET /mon-planning`: the agent's published shifts of the coming weeks,
/// their counters, the open shifts of their teams and their feed link.
///
/// # Errors
/// Forbidden for someone not on the roster; storage failures.
pub fn mine(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let Some(agent) = access.agent.clone() else {
        if access.is_manager() {
            return Ok(redirect(req.url("/")).into());
        }
        return Err(Error::forbidden("roster-not-an-agent"));
    };
    let today = store::today();
    let monday = today.monday();
    let shifts = published_shifts(agent.id, today, monday.add_days(7 * WEEKS_AHEAD))?;
    let places: BTreeMap<i64, String> = store::places()?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let teams: BTreeMap<i64, String> = store::teams()?
        .into_iter()
        .map(|t| (t.id, t.name))
        .collect();
    let tz = store::timezone();
    let absences =
        store::approved_absences(Some(agent.id), today, monday.add_days(7 * WEEKS_AHEAD))?;
    let mut weeks: Vec<serde_json::Value> = Vec::new();
    let mut current: Option<(String, Vec<serde_json::Value>)> = None;
    for s in &shifts {
        let minutes = match (walltime::parse(&s.starts_at), walltime::parse(&s.ends_at)) {
            (Some(a), Some(b)) => walltime::minutes(a, b, &tz) - s.break_minutes,
            _ => 0,
        };
        let line = json!({
            "shift": s,
            "day": &s.starts_at[..10],
            "start": &s.starts_at[11..16],
            "end": &s.ends_at[11..16],
            "hours": rules::hours(minutes),
            "place": places.get(&s.place_id),
            "team": teams.get(&s.team_id),
            "cancelled": s.status == CANCELLED,
            "absent": store::absent(&absences, agent.id, &s.starts_at[..10]),
        });
        match &mut current {
            Some((m, lines)) if *m == s.monday => lines.push(line),
            _ => {
                if let Some((m, lines)) = current.take() {
                    weeks.push(json!({ "monday": m, "lines": lines }));
                }
                current = Some((s.monday.clone(), vec![line]));
            }
        }
    }
    if let Some((m, lines)) = current {
        weeks.push(json!({ "monday": m, "lines": lines }));
    }
    let counters = counters::load(agent.id, monday, &tz)?;
    // Open shifts of their teams, in published weeks, still to come.
    let open: Vec<Shift> = if access.member_of.is_empty() {
        Vec::new()
    } else {
        let candidates: Vec<Shift> = db::select(tables::SHIFTS)
            .filter(eq(tables::shifts::STATUS, OPEN))
            .filter(one_of(tables::shifts::TEAM_ID, access.member_of.clone()))
            .filter(ge(
                tables::shifts::STARTS_AT,
                store::now_local().to_string(),
            ))
            .order_asc(tables::shifts::STARTS_AT)
            .limit(50)
            .fetch()?;
        let mondays: BTreeSet<&str> = candidates.iter().map(|s| s.monday.as_str()).collect();
        let published: BTreeSet<(i64, String)> = if mondays.is_empty() {
            BTreeSet::new()
        } else {
            db::select(tables::WEEKS)
                .filter(one_of(tables::weeks::MONDAY, mondays))
                .filter(eq(tables::weeks::STATUS, PUBLISHED))
                .fetch::<Week>()?
                .into_iter()
                .map(|w| (w.team_id, w.monday))
                .collect()
        };
        candidates
            .into_iter()
            .filter(|s| published.contains(&(s.team_id, s.monday.clone())))
            .collect()
    };
    let open_view: Vec<serde_json::Value> = open
        .iter()
        .map(|s| {
            json!({
                "shift": s,
                "day": &s.starts_at[..10],
                "start": &s.starts_at[11..16],
                "end": &s.ends_at[11..16],
                "place": places.get(&s.place_id),
                "team": teams.get(&s.team_id),
            })
        })
        .collect();
    let token: Option<FeedToken> = db::select(tables::FEED_TOKENS)
        .filter(eq(tables::feed_tokens::AGENT_ID, agent.id))
        .first()?;
    let feed_url = token.as_ref().and_then(|t| feed_url(req, &t.token));
    Ok(view("mine.html")
        .title(i18n::t("mine-title"))
        .crumb(i18n::t("roster-title"), req.url("/"))
        .with(json!({
            "agent": agent,
            "weeks": weeks,
            "counters": counters,
            "counter_hours": {
                "week": rules::hours(counters.week),
                "contract_week": rules::hours(counters.contract_week),
                "average": rules::hours(counters.average),
                "year": rules::hours(counters.year),
                "year_target": rules::hours(counters.year_target),
                "year_to_date_target": rules::hours(counters.year_to_date_target),
                "night_week": rules::hours(counters.night_week),
            },
            "open": open_view,
            "feed_url": feed_url,
            "monday": monday.to_string(),
            "manager": access.is_manager(),
            "all": access.all,
        }))
        .into())
}

/// The absolute address of an agent's private feed.
fn feed_url(req: &Request, token: &str) -> Option<String> {
    req.context()
        .url_in("portal", &format!("/agenda/{token}/planning.ics"))
        .map(|p| req.absolute(&p))
}

/// `POST /mon-planning/agenda`: `action=create` makes (or replaces: the
/// old address stops working) the agent's private feed address,
/// `action=revoke` removes it.
///
/// # Errors
/// Forbidden for someone not on the roster; storage failures.
pub fn feed_link(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let agent = access
        .agent
        .ok_or_else(|| Error::forbidden("roster-not-an-agent"))?;
    let notice = if req.form("action") == Some("revoke") {
        db::delete(tables::FEED_TOKENS)
            .filter(eq(tables::feed_tokens::AGENT_ID, agent.id))
            .run()?;
        events::audit(
            "roster.feed.revoked",
            &format!("agent:{}", agent.id),
            &json!({}),
        )?;
        "mine-feed-revoked"
    } else {
        db::upsert(
            tables::FEED_TOKENS,
            &json!({
                "agent_id": agent.id,
                "token": estive_kit::token::random(),
                "created_at": store::now_utc(),
            }),
            &[tables::feed_tokens::AGENT_ID],
        )?;
        events::audit(
            "roster.feed.created",
            &format!("agent:{}", agent.id),
            &json!({}),
        )?;
        "mine-feed-created"
    };
    Ok(
        redirect(format!("{}#roster-feed", req.url("/mon-planning")))
            .notice(notice)
            .into(),
    )
}

/// `GET /agenda/{token}/planning.ics`: the published shifts of the agent
/// whose secret the address holds; a revoked or unknown secret is a 404.
///
/// # Errors
/// Not found; storage failures.
pub fn feed(req: &Request) -> Result<Response, Error> {
    let token = req.param("token").unwrap_or_default();
    if token.len() != 32 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Error::not_found(messages::NOT_FOUND));
    }
    let owner: FeedToken = db::select(tables::FEED_TOKENS)
        .filter(eq(tables::feed_tokens::TOKEN, token))
        .first()?
        .ok_or_else(|| Error::not_found(messages::NOT_FOUND))?;
    let agent = store::agent(owner.agent_id)?;
    let monday = store::today().monday();
    let shifts = published_shifts(
        agent.id,
        monday.add_days(-7 * WEEKS_BACK),
        monday.add_days(7 * WEEKS_AHEAD),
    )?;
    let places: BTreeMap<i64, (String, Option<String>)> = store::places()?
        .into_iter()
        .map(|p| (p.id, (p.name, p.address)))
        .collect();
    let host = estive_kit::ical::uid_host(&req.site().base_url).to_owned();
    let zone = req.site().timezone.clone();
    let stamp = clock::now().utc_datetime();
    let mut calendar = Calendar::new("-//Estive//roster//FR")
        .name(i18n::t_args("feed-name", &[("site", &req.site().name)]))
        .refresh_every_minutes(60);
    for s in &shifts {
        let (Some(start), Some(end)) = (walltime::parse(&s.starts_at), walltime::parse(&s.ends_at))
        else {
            continue;
        };
        let (place, address) = places.get(&s.place_id).cloned().unwrap_or_default();
        let summary = match &s.task {
            Some(task) => format!("{place} – {task}"),
            None => place.clone(),
        };
        let (status, sequence) = if s.status == CANCELLED {
            (Status::Cancelled, s.version.max(1) as u32)
        } else {
            (Status::Confirmed, s.version.max(1) as u32 - 1)
        };
        let mut event = Event::new(
            format!("roster-shift-{}@{host}", s.id),
            stamp,
            Time::site(&zone, start),
        )
        .end(Time::site(&zone, end))
        .summary(summary)
        .status(status)
        .sequence(sequence)
        .location(match address {
            Some(a) => format!("{place}, {a}"),
            None => place,
        });
        if s.break_minutes > 0 {
            event = event.description(i18n::t_args(
                "feed-break",
                &[("n", &s.break_minutes.to_string())],
            ));
        }
        calendar.push(event);
    }
    Ok(calendar.into_download("planning.ics").into())
}
