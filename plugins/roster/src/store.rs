//! Reading the plugin's rows, the site's settings and the clock; what the
//! pages share.

use estive_kit::holidays::Calendar;
use estive_kit::periods::{Period, parse_periods};
use estive_sdk::dates::{Date, DateTime};
use estive_sdk::prelude::*;
use serde::Deserialize;

use crate::model::{
    Absence, Agent, Allowance, CANCELLED, Contract, FeedToken, Place, Shift, Swap, Team,
};
use crate::tables;

/// The site's settings of the plugin.
#[derive(Clone, Debug, Deserialize)]
pub struct Settings {
    /// `national` or `alsace_moselle`.
    pub holiday_calendar: String,
    /// School holidays, one period per line.
    pub school_holidays: Vec<String>,
    /// Whether agents are mailed the changes of a published week.
    pub mail_changes: bool,
}

impl Settings {
    /// The site's settings.
    ///
    /// # Errors
    /// When the host cannot give them.
    pub fn load() -> Result<Settings, Error> {
        config::settings()
    }

    /// The public holidays observed.
    pub fn calendar(&self) -> Calendar {
        if self.holiday_calendar == "alsace_moselle" {
            Calendar::AlsaceMoselle
        } else {
            Calendar::National
        }
    }

    /// The school holidays that could be read (bad lines are left out).
    pub fn school_holidays(&self) -> Vec<Period> {
        parse_periods(self.school_holidays.iter().map(String::as_str)).0
    }
}

thread_local! {
    static TIMEZONE: std::cell::RefCell<String> = std::cell::RefCell::new("Europe/Paris".to_owned());
}

/// Remember the site's time zone for this call (every call has a fresh
/// instance: lib.rs sets it first thing).
pub fn set_timezone(zone: &str) {
    TIMEZONE.with(|tz| zone.clone_into(&mut tz.borrow_mut()));
}

/// The site's IANA time zone, for real durations across clock changes.
pub fn timezone() -> String {
    TIMEZONE.with(|tz| tz.borrow().clone())
}

/// The site's local time now, to the minute.
pub fn now_local() -> DateTime {
    let now = clock::now().local_datetime();
    DateTime::new(now.date(), now.hour(), now.minute(), 0).unwrap_or(now)
}

/// The site's local date.
pub fn today() -> Date {
    clock::now().date()
}

/// The current moment in UTC, RFC 3339, for `datetime` columns.
pub fn now_utc() -> String {
    clock::now().utc
}

/// An agent by id.
///
/// # Errors
/// Not found when there is none.
pub fn agent(id: i64) -> Result<Agent, Error> {
    db::select(tables::AGENTS)
        .filter(eq(tables::agents::ID, id))
        .first()?
        .ok_or_else(|| Error::not_found("roster-agent-not-found"))
}

/// Every agent, active first, by name.
///
/// # Errors
/// Storage failures.
pub fn agents() -> Result<Vec<Agent>, Error> {
    let mut all: Vec<Agent> = db::select(tables::AGENTS)
        .order_asc(tables::agents::NAME)
        .fetch()?;
    all.sort_by_key(|a| !a.active);
    Ok(all)
}

/// An agent's contracts, oldest first.
///
/// # Errors
/// Storage failures.
pub fn contracts_of(agent_id: i64) -> Result<Vec<Contract>, Error> {
    db::select(tables::CONTRACTS)
        .filter(eq(tables::contracts::AGENT_ID, agent_id))
        .order_asc(tables::contracts::STARTS_ON)
        .fetch()
}

/// Every contract, oldest first.
///
/// # Errors
/// Storage failures.
pub fn all_contracts() -> Result<Vec<Contract>, Error> {
    db::select(tables::CONTRACTS)
        .order_asc(tables::contracts::STARTS_ON)
        .fetch()
}

/// The contract in force on a local date `YYYY-MM-DD`, if any.
pub fn contract_on<'a>(contracts: &'a [Contract], day: &str) -> Option<&'a Contract> {
    contracts.iter().rev().find(|c| c.covers(day))
}

/// Every place, by name.
///
/// # Errors
/// Storage failures.
pub fn places() -> Result<Vec<Place>, Error> {
    db::select(tables::PLACES)
        .order_asc(tables::places::NAME)
        .fetch()
}

/// Every team, by name.
///
/// # Errors
/// Storage failures.
pub fn teams() -> Result<Vec<Team>, Error> {
    db::select(tables::TEAMS)
        .order_asc(tables::teams::NAME)
        .fetch()
}

/// A place by id.
///
/// # Errors
/// Not found when there is none.
pub fn place(id: i64) -> Result<Place, Error> {
    db::select(tables::PLACES)
        .filter(eq(tables::places::ID, id))
        .first()?
        .ok_or_else(|| Error::not_found("roster-place-not-found"))
}

/// A team by id.
///
/// # Errors
/// Not found when there is none.
pub fn team(id: i64) -> Result<Team, Error> {
    db::select(tables::TEAMS)
        .filter(eq(tables::teams::ID, id))
        .first()?
        .ok_or_else(|| Error::not_found("roster-team-not-found"))
}

/// A shift by id.
///
/// # Errors
/// Not found when there is none.
pub fn shift(id: i64) -> Result<Shift, Error> {
    db::select(tables::SHIFTS)
        .filter(eq(tables::shifts::ID, id))
        .first()?
        .ok_or_else(|| Error::not_found("roster-shift-not-found"))
}

/// An agent's shifts (planned, not cancelled) starting from `from` to
/// before `to` (local dates), in time order.
///
/// # Errors
/// Storage failures.
pub fn shifts_of(agent_id: i64, from: Date, to: Date) -> Result<Vec<Shift>, Error> {
    db::select(tables::SHIFTS)
        .filter(eq(tables::shifts::AGENT_ID, agent_id))
        .filter(ge(tables::shifts::STARTS_AT, from.to_string()))
        .filter(lt(tables::shifts::STARTS_AT, to.to_string()))
        .filter(ne(tables::shifts::STATUS, CANCELLED))
        .order_asc(tables::shifts::STARTS_AT)
        .fetch()
}

/// The published weeks, as (team, Monday) pairs, of the weeks that start
/// from the Monday of `from` to `to`.
///
/// # Errors
/// Storage failures.
pub fn published_weeks(
    from: Date,
    to: Date,
) -> Result<std::collections::BTreeSet<(i64, String)>, Error> {
    let weeks: Vec<crate::model::Week> = db::select(tables::WEEKS)
        .filter(eq(tables::weeks::STATUS, crate::model::PUBLISHED))
        .filter(ge(tables::weeks::MONDAY, from.monday().to_string()))
        .filter(le(tables::weeks::MONDAY, to.to_string()))
        .fetch()?;
    Ok(weeks.into_iter().map(|w| (w.team_id, w.monday)).collect())
}

/// An agent's absences that are approved and touch `from..=to`.
///
/// # Errors
/// Storage failures.
pub fn approved_absences(
    agent_id: Option<i64>,
    from: Date,
    to: Date,
) -> Result<Vec<Absence>, Error> {
    let mut q = db::select(tables::ABSENCES)
        .filter(eq(tables::absences::STATUS, crate::model::APPROVED))
        .filter(le(tables::absences::STARTS_ON, to.to_string()))
        .filter(ge(tables::absences::ENDS_ON, from.to_string()));
    if let Some(agent) = agent_id {
        q = q.filter(eq(tables::absences::AGENT_ID, agent));
    }
    q.fetch()
}

/// Whether an approved absence covers the local date of a shift's start.
pub fn absent(absences: &[Absence], agent_id: i64, day: &str) -> bool {
    absences
        .iter()
        .any(|a| a.agent_id == agent_id && a.starts_on.as_str() <= day && day <= a.ends_on.as_str())
}

/// Parse a `{monday}` path parameter: a date that must be a Monday.
///
/// # Errors
/// Not found for anything else.
pub fn monday_param(req: &Request) -> Result<Date, Error> {
    req.param("monday")
        .and_then(Date::parse)
        .filter(|d| d.monday() == *d)
        .ok_or_else(|| Error::not_found(messages::NOT_FOUND))
}

/// What the plugin keeps about an account, for the person's export.
///
/// # Errors
/// Storage failures.
pub fn export_user(user_id: &str) -> Result<serde_json::Value, Error> {
    let agent: Option<Agent> = db::select(tables::AGENTS)
        .filter(eq(tables::agents::USER_ID, user_id))
        .first()?;
    let Some(agent) = agent else {
        return Ok(json!({ "agent": null }));
    };
    let contracts = contracts_of(agent.id)?;
    let shifts: Vec<Shift> = db::select(tables::SHIFTS)
        .filter(eq(tables::shifts::AGENT_ID, agent.id))
        .order_asc(tables::shifts::STARTS_AT)
        .fetch()?;
    let absences: Vec<Absence> = db::select(tables::ABSENCES)
        .filter(eq(tables::absences::AGENT_ID, agent.id))
        .fetch()?;
    let allowances: Vec<Allowance> = db::select(tables::ALLOWANCES)
        .filter(eq(tables::allowances::AGENT_ID, agent.id))
        .fetch()?;
    let swaps: Vec<Swap> = db::select(tables::SWAPS)
        .filter(eq(tables::swaps::AGENT_ID, agent.id))
        .fetch()?;
    let feed: Option<FeedToken> = db::select(tables::FEED_TOKENS)
        .filter(eq(tables::feed_tokens::AGENT_ID, agent.id))
        .first()?;
    Ok(json!({
        "agent": agent,
        "contracts": contracts,
        "shifts": shifts,
        "absences": absences,
        "allowances": allowances,
        "swaps_asked": swaps,
        "private_feed_created_at": feed.map(|f| f.created_at),
    }))
}

/// An erased account leaves the roster's history without a name: the
/// agent stays (past shifts count in the team's hours, payroll may need
/// them) as "Agent supprimé", unlinked from the account; the private feed
/// goes; manager rows go.
///
/// # Errors
/// Storage failures.
pub fn erase_user(user_id: &str) -> Result<(), Error> {
    let agent: Option<Agent> = db::select(tables::AGENTS)
        .filter(eq(tables::agents::USER_ID, user_id))
        .first()?;
    let mut tx = db::transaction();
    if let Some(agent) = agent {
        tx.update(
            db::update(tables::AGENTS)
                .filter(eq(tables::agents::ID, agent.id))
                .set(tables::agents::NAME, format!("— #{}", agent.id))
                .set(tables::agents::USER_ID, None::<String>)
                .set(tables::agents::ACTIVE, false),
        );
        tx.delete(
            db::delete(tables::FEED_TOKENS).filter(eq(tables::feed_tokens::AGENT_ID, agent.id)),
        );
    }
    tx.delete(db::delete(tables::MANAGERS).filter(eq(tables::managers::USER_ID, user_id)));
    tx.commit()?;
    Ok(())
}
