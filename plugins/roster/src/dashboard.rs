//! The extranet dashboard's boxes: an agent's shifts today, and the gaps
//! of this week for those who plan.

use std::collections::BTreeMap;

use estive_sdk::prelude::*;

use crate::model::{CANCELLED, Manager, PUBLISHED, Place, Shift, Week};
use crate::store::{self, Settings};
use crate::{tables, weeks};

/// "My schedule today": the signed-in agent's published shifts of today.
///
/// # Errors
/// Storage failures.
pub fn today(ctx: &Context) -> Result<Option<View>, Error> {
    let Some(user) = ctx.user() else {
        return Ok(None);
    };
    let agent: Option<crate::model::Agent> = db::select(tables::AGENTS)
        .filter(eq(tables::agents::USER_ID, user.id.as_str()))
        .first()?;
    let Some(agent) = agent else {
        return Ok(None);
    };
    let today = store::today();
    let shifts: Vec<Shift> = db::select(tables::SHIFTS)
        .filter(eq(tables::shifts::AGENT_ID, agent.id))
        .filter(ge(tables::shifts::STARTS_AT, today.to_string()))
        .filter(lt(tables::shifts::STARTS_AT, today.add_days(1).to_string()))
        .filter(ne(tables::shifts::STATUS, CANCELLED))
        .order_asc(tables::shifts::STARTS_AT)
        .fetch()?;
    let published: Vec<Week> = db::select(tables::WEEKS)
        .filter(eq(tables::weeks::MONDAY, today.monday().to_string()))
        .filter(eq(tables::weeks::STATUS, PUBLISHED))
        .fetch()?;
    let places: BTreeMap<i64, String> = store::places()?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let lines: Vec<serde_json::Value> = shifts
        .iter()
        .filter(|s| published.iter().any(|w| w.team_id == s.team_id))
        .map(|s| {
            json!({
                "id": s.id,
                "start": &s.starts_at[11..16],
                "end": &s.ends_at[11..16],
                "place": places.get(&s.place_id),
                "task": s.task,
            })
        })
        .collect();
    Ok(Some(
        view("widget_today.html").with(json!({ "lines": lines })),
    ))
}

/// "Gaps this week": the needs not met at the places of the teams the
/// person plans (nothing when there is none).
///
/// # Errors
/// Storage failures.
pub fn gaps(ctx: &Context) -> Result<Option<View>, Error> {
    let Some(user) = ctx.user() else {
        return Ok(None);
    };
    let all = user.has_permission(crate::permissions::ROSTER_MANAGE);
    let managed: Vec<Manager> = db::select(tables::MANAGERS)
        .filter(eq(tables::managers::USER_ID, user.id.as_str()))
        .fetch()?;
    let teams: Vec<i64> = managed.iter().filter_map(|m| m.team_id).collect();
    let own_places: Vec<i64> = managed.iter().filter_map(|m| m.place_id).collect();
    let contracts = store::all_contracts()?;
    let places: Vec<Place> = store::places()?
        .into_iter()
        .filter(|p| p.active)
        .filter(|p| {
            all || own_places.contains(&p.id)
                || contracts
                    .iter()
                    .any(|c| c.places.contains(&p.id) && c.teams.iter().any(|t| teams.contains(t)))
        })
        .collect();
    if places.is_empty() {
        return Ok(None);
    }
    let monday = store::today().monday();
    let shifts: Vec<Shift> = db::select(tables::SHIFTS)
        .filter(eq(tables::shifts::MONDAY, monday.to_string()))
        .filter(one_of(
            tables::shifts::PLACE_ID,
            places.iter().map(|p| p.id),
        ))
        .fetch()?;
    let absences = store::approved_absences(None, monday, monday.add_days(6))?;
    let settings = Settings::load()?;
    let today = store::today().to_string();
    let gaps: Vec<weeks::Gap> =
        weeks::gaps(monday, &places, &shifts, &absences, &contracts, &settings)?
            .into_iter()
            .filter(|g| g.date >= today)
            .collect();
    if gaps.is_empty() {
        return Ok(None);
    }
    Ok(Some(view("widget_gaps.html").with(
        json!({ "gaps": gaps, "monday": monday.to_string() }),
    )))
}
