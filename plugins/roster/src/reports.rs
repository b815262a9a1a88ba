//! For managers: the hour counters of their agents against their
//! contracts, and the CSV export of worked hours for payroll.

use std::collections::{BTreeMap, BTreeSet};

use estive_sdk::csv::CsvWriter;
use estive_sdk::dates::Date;
use estive_sdk::prelude::*;

use crate::access::Access;
use crate::model::{Agent, CANCELLED, Contract, Shift};
use crate::rules::{self, Work};
use crate::store;
use crate::{counters, tables, walltime};

/// The agents a manager plans: those whose contracts name a team they
/// plan, or who have shifts at a place they plan.
fn planned_agents(access: &Access) -> Result<(Vec<Agent>, Vec<Contract>), Error> {
    let contracts = store::all_contracts()?;
    let mut ids: BTreeSet<i64> = contracts
        .iter()
        .filter(|c| access.all || c.teams.iter().any(|t| access.plans_team(*t)))
        .map(|c| c.agent_id)
        .collect();
    if !access.places.is_empty() {
        let at_places: Vec<Shift> = db::select(tables::SHIFTS)
            .filter(one_of(tables::shifts::PLACE_ID, access.places.clone()))
            .filter(ge(
                tables::shifts::STARTS_AT,
                store::today().add_days(-92).to_string(),
            ))
            .fetch()?;
        ids.extend(at_places.iter().filter_map(|s| s.agent_id));
    }
    let agents = store::agents()?
        .into_iter()
        .filter(|a| ids.contains(&a.id))
        .collect();
    Ok((agents, contracts))
}

/// `GET /compteurs?semaine=YYYY-MM-DD`: every planned agent's hours this
/// week, over 12 weeks and this year, against their contract.
///
/// # Errors
/// Forbidden without a team; storage failures.
pub fn counters(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    access.require_manager()?;
    let monday = req
        .query("semaine")
        .and_then(Date::parse)
        .map_or_else(|| store::today().monday(), Date::monday);
    let (agents, _) = planned_agents(&access)?;
    let tz = store::timezone();
    let mut rows = Vec::new();
    for a in agents.iter().filter(|a| a.active) {
        let c = counters::load(a.id, monday, &tz)?;
        let over_week = c.contract_week > 0 && c.week > c.contract_week;
        let has_target = c.year_target > 0;
        let behind_year = has_target && c.year < c.year_to_date_target;
        rows.push(json!({
            "agent": a,
            "week": rules::hours(c.week),
            "contract_week": rules::hours(c.contract_week),
            "average": rules::hours(c.average),
            "year": rules::hours(c.year),
            "year_target": rules::hours(c.year_target),
            "year_to_date_target": rules::hours(c.year_to_date_target),
            "balance": signed_hours(c.year - c.year_to_date_target),
            "night_week": rules::hours(c.night_week),
            "over_week": over_week,
            "has_target": has_target,
            "behind_year": behind_year,
        }));
    }
    Ok(view("counters.html")
        .title(i18n::t("counters-title"))
        .crumb(i18n::t("roster-title"), req.url("/"))
        .with(json!({
            "rows": rows,
            "monday": monday.to_string(),
            "previous": monday.add_days(-7).to_string(),
            "next": monday.add_days(7).to_string(),
            "year": monday.add_days(6).year(),
            "export_from": monday.first_of_month().to_string(),
            "export_to": monday.first_of_month().last_of_month().to_string(),
        }))
        .into())
}

/// "+12 h 30" or "−3 h".
fn signed_hours(minutes: i64) -> String {
    if minutes < 0 {
        format!("−{}", rules::hours(-minutes))
    } else {
        format!("+{}", rules::hours(minutes))
    }
}

/// `GET /export.csv?du=YYYY-MM-DD&au=YYYY-MM-DD`: one line per shift
/// worked (published or not) of the agents the manager plans, with the
/// worked and night hours, for payroll (French Excel's CSV).
///
/// # Errors
/// Forbidden without a team; a bad period is a 404-free error page.
pub fn export(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    access.require_manager()?;
    let today = store::today();
    let from = req
        .query("du")
        .map_or(Some(today.first_of_month()), Date::parse);
    let to = req
        .query("au")
        .map_or(Some(today.last_of_month()), Date::parse);
    let (Some(from), Some(to)) = (from, to) else {
        return Err(Error::invalid("du", "export-bad-period"));
    };
    if to < from || to.days_since(from) > 366 {
        return Err(Error::invalid("au", "export-bad-period"));
    }
    let (agents, contracts) = planned_agents(&access)?;
    let names: BTreeMap<i64, &Agent> = agents.iter().map(|a| (a.id, a)).collect();
    let places: BTreeMap<i64, String> = store::places()?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let teams: BTreeMap<i64, String> = store::teams()?
        .into_iter()
        .map(|t| (t.id, t.name))
        .collect();
    let shifts: Vec<Shift> = if names.is_empty() {
        Vec::new()
    } else {
        db::select(tables::SHIFTS)
            .filter(one_of(tables::shifts::AGENT_ID, names.keys().copied()))
            .filter(ge(tables::shifts::STARTS_AT, from.to_string()))
            .filter(lt(tables::shifts::STARTS_AT, to.add_days(1).to_string()))
            .filter(ne(tables::shifts::STATUS, CANCELLED))
            .order_asc(tables::shifts::STARTS_AT)
            .fetch()?
    };
    let tz = store::timezone();
    let mut csv = CsvWriter::excel();
    csv.row([
        i18n::t("export-agent"),
        i18n::t("export-date"),
        i18n::t("export-start"),
        i18n::t("export-end"),
        i18n::t("export-break"),
        i18n::t("export-worked"),
        i18n::t("export-night"),
        i18n::t("export-team"),
        i18n::t("export-place"),
        i18n::t("export-task"),
        i18n::t("export-regime"),
    ]);
    for s in &shifts {
        let Some(agent) = s.agent_id.and_then(|a| names.get(&a)) else {
            continue;
        };
        let Some(work) = rules::work_of(s) else {
            continue;
        };
        // As store::contract_on over the agent's contracts, without a
        // copy of them for each line.
        let day = &s.starts_at[..10];
        let contract = contracts
            .iter()
            .rev()
            .find(|c| c.agent_id == agent.id && c.covers(day));
        let night = contract
            .and_then(|c| rules::rule_set(&c.regime))
            .map_or(0, |r| night_of(&work, r));
        let worked = walltime::minutes(work.start, work.end, &tz) - s.break_minutes;
        csv.row([
            agent.name.clone(),
            s.starts_at[..10].to_owned(),
            s.starts_at[11..16].to_owned(),
            s.ends_at[11..16].to_owned(),
            s.break_minutes.to_string(),
            decimal_hours(worked),
            decimal_hours(night),
            teams.get(&s.team_id).cloned().unwrap_or_default(),
            places.get(&s.place_id).cloned().unwrap_or_default(),
            s.task.clone().unwrap_or_default(),
            contract.map(|c| c.regime.clone()).unwrap_or_default(),
        ]);
    }
    Ok(csv
        .into_download(&format!("planning-{from}-{to}.csv"))
        .into())
}

/// Night minutes of a shift under a rule set.
fn night_of(work: &Work, rules: &rules::RuleSet) -> i64 {
    match (&rules.night_start, &rules.night_end) {
        (Some(start), Some(end)) => {
            walltime::night_minutes(work.start, work.end, start, end, &store::timezone())
        }
        _ => 0,
    }
}

/// Minutes as decimal hours with a comma, as payroll spreadsheets read
/// them in French: 450 → "7,5".
fn decimal_hours(minutes: i64) -> String {
    let hours = minutes as f64 / 60.0;
    let text = format!("{hours:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_written_for_french_spreadsheets() {
        assert_eq!(decimal_hours(450), "7,5");
        assert_eq!(decimal_hours(480), "8");
        assert_eq!(decimal_hours(20), "0,33");
        assert_eq!(signed_hours(-180), "−3 h");
        assert_eq!(signed_hours(750), "+12 h 30");
    }
}
