//! Setting up the roster: the places agents work at, the teams whose weeks
//! are planned and published as one (with the people named to plan them),
//! and the minimum staffing each place needs on each day.
//!
//! Places and teams are kept by `roster.manage`. A place or a team that
//! something refers to (a shift, a template, a need, a contract) is never
//! deleted, only deactivated: the history keeps its name, and the forms
//! stop offering it. Needs are kept by every manager for the places they
//! plan.

use estive_sdk::form::{Form, options};
use estive_sdk::prelude::*;
use serde::Serialize;

use crate::access::Access;
use crate::model::{Contract, Manager, Need, PERIODS, Place, Team};
use crate::staff::{self, tr};
use crate::{store, tables};

/// The longest name of a place or a team.
const NAME_MAX: usize = 120;

// Places --------------------------------------------------------------------

/// How much refers to a place or a team: what keeps it from being deleted.
#[derive(Clone, Copy, Debug, Default, Serialize)]
struct Uses {
    shifts: u64,
    templates: u64,
    needs: u64,
    contracts: u64,
    weeks: u64,
}

impl Uses {
    fn any(self) -> bool {
        self.shifts + self.templates + self.needs + self.contracts + self.weeks > 0
    }
}

/// What refers to a place.
fn place_uses(id: i64, contracts: &[Contract]) -> Result<Uses, Error> {
    Ok(Uses {
        shifts: db::count(tables::SHIFTS)
            .filter(eq(tables::shifts::PLACE_ID, id))
            .get()?,
        templates: db::count(tables::TEMPLATE_LINES)
            .filter(eq(tables::template_lines::PLACE_ID, id))
            .get()?,
        needs: db::count(tables::NEEDS)
            .filter(eq(tables::needs::PLACE_ID, id))
            .get()?,
        contracts: contracts.iter().filter(|c| c.places.contains(&id)).count() as u64,
        weeks: 0,
    })
}

/// What refers to a team.
fn team_uses(id: i64, contracts: &[Contract]) -> Result<Uses, Error> {
    Ok(Uses {
        shifts: db::count(tables::SHIFTS)
            .filter(eq(tables::shifts::TEAM_ID, id))
            .get()?,
        templates: db::count(tables::TEMPLATES)
            .filter(eq(tables::templates::TEAM_ID, id))
            .get()?,
        needs: 0,
        contracts: contracts.iter().filter(|c| c.teams.contains(&id)).count() as u64,
        weeks: db::count(tables::WEEKS)
            .filter(eq(tables::weeks::TEAM_ID, id))
            .get()?,
    })
}

/// Whether another row of `existing` has this name, whatever its case:
/// two places called « École » and « école » would be told apart by no
/// one.
fn name_taken<'a>(
    mut existing: impl Iterator<Item = (i64, &'a str)>,
    name: &str,
    except: Option<i64>,
) -> bool {
    let wanted = name.to_lowercase();
    existing.any(|(id, other)| Some(id) != except && other.to_lowercase() == wanted)
}

/// Agents whose contract in force today names the place or team, by id.
fn current_counts(contracts: &[Contract], of: impl Fn(&Contract) -> &[i64]) -> Vec<(i64, usize)> {
    let today = store::today().to_string();
    let mut counts: Vec<(i64, usize)> = Vec::new();
    for c in contracts.iter().filter(|c| c.covers(&today)) {
        for id in of(c) {
            match counts.iter_mut().find(|(k, _)| k == id) {
                Some((_, n)) => *n += 1,
                None => counts.push((*id, 1)),
            }
        }
    }
    counts
}

/// The list of places, with the form to add one (what was sent and its
/// errors when it is shown again).
fn places_page(req: &Request, invalid: Option<&Error>) -> Result<View, Error> {
    let places = staff::places_by_name()?;
    let contracts = store::all_contracts()?;
    let counts = current_counts(&contracts, |c| &c.places);
    let rows: Vec<serde_json::Value> = places
        .iter()
        .map(|p| {
            let agents = counts
                .iter()
                .find(|(id, _)| *id == p.id)
                .map_or(0, |(_, n)| *n);
            json!({ "place": p, "agents": agents })
        })
        .collect();
    let mut form = Form::new("place")
        .label("name", "place-name")
        .label("address", "place-address");
    if let Some(invalid) = invalid {
        form = form.sent(req).errors(invalid);
    }
    Ok(staff::planning_crumb(req, view("places.html"))
        .title(i18n::t("place-list-title"))
        .set("rows", rows)
        .set("can_manage", true)
        .form(form))
}

/// `/lieux`: the places, and adding one.
///
/// # Errors
/// Storage failures.
pub fn places(req: &Request) -> Result<Response, Error> {
    if !req.is_post() {
        return Ok(places_page(req, None)?.into());
    }
    let existing = store::places()?;
    let mut f = req.validator();
    let name = f.text("name").required().max_len(NAME_MAX).value();
    let address = f.text("address").max_len(300).optional();
    if !f.has_error("name")
        && name_taken(
            existing.iter().map(|p| (p.id, p.name.as_str())),
            &name,
            None,
        )
    {
        f.error("name", "place-name-taken");
    }
    if let Err(invalid) = f.finish() {
        return Ok(places_page(req, Some(&invalid))?.into());
    }
    let row = json!({ "name": name, "address": address, "active": true });
    let id = match db::insert(tables::PLACES, &row) {
        Ok(id) => id,
        Err(Error::Conflict(_)) => {
            let taken = Error::invalid("name", "place-name-taken");
            return Ok(places_page(req, Some(&taken))?.into());
        }
        Err(e) => return Err(e),
    };
    events::audit(
        "roster.place.created",
        &format!("place:{id}"),
        &json!({ "name": name }),
    )?;
    Ok(redirect(req.url("/lieux"))
        .notice(tr("place-added", &[("name", &name)]))
        .into())
}

/// A place's form: its values, or what was sent with its errors.
fn place_page(req: &Request, place: &Place, invalid: Option<&Error>) -> Result<View, Error> {
    let contracts = store::all_contracts()?;
    let uses = place_uses(place.id, &contracts)?;
    let mut form = Form::new("place")
        .label("name", "place-name")
        .label("address", "place-address")
        .label("active", "place-active");
    form = match invalid {
        Some(invalid) => form.sent(req).errors(invalid),
        None => form.values(place),
    };
    Ok(staff::planning_crumb(req, view("place_form.html"))
        .crumb(i18n::t("place-list-title"), req.url("/lieux"))
        .title(&place.name)
        .set("place", place)
        .set("uses", uses)
        .set("in_use", uses.any())
        .form(form))
}

/// `/lieux/{id}`: a place's name, address and state; deleting it (or
/// deactivating it, when something refers to it).
///
/// # Errors
/// Not found for an unknown place; storage failures.
pub fn place_edit(req: &Request) -> Result<Response, Error> {
    let place = store::place(req.param_id("id")?)?;
    if !req.is_post() {
        return Ok(place_page(req, &place, None)?.into());
    }
    if req.form("action") == Some("delete") {
        return remove_place(req, &place);
    }
    let existing = store::places()?;
    let mut f = req.validator();
    let name = f.text("name").required().max_len(NAME_MAX).value();
    let address = f.text("address").max_len(300).optional();
    let active = f.checkbox("active").value();
    if !f.has_error("name")
        && name_taken(
            existing.iter().map(|p| (p.id, p.name.as_str())),
            &name,
            Some(place.id),
        )
    {
        f.error("name", "place-name-taken");
    }
    if let Err(invalid) = f.finish() {
        return Ok(place_page(req, &place, Some(&invalid))?.into());
    }
    let saved = db::update(tables::PLACES)
        .filter(eq(tables::places::ID, place.id))
        .set(tables::places::NAME, name.as_str())
        .set(tables::places::ADDRESS, address.clone())
        .set(tables::places::ACTIVE, active)
        .run();
    match saved {
        Ok(_) => {}
        Err(Error::Conflict(_)) => {
            let taken = Error::invalid("name", "place-name-taken");
            return Ok(place_page(req, &place, Some(&taken))?.into());
        }
        Err(e) => return Err(e),
    }
    events::audit(
        "roster.place.updated",
        &format!("place:{}", place.id),
        &json!({ "name": name, "address": address, "active": active, "was": place }),
    )?;
    Ok(redirect(req.url("/lieux"))
        .notice(tr("place-saved", &[("name", &name)]))
        .into())
}

/// Deletes a place nothing refers to; deactivates it otherwise.
fn remove_place(req: &Request, place: &Place) -> Result<Response, Error> {
    let contracts = store::all_contracts()?;
    if place_uses(place.id, &contracts)?.any() {
        db::update(tables::PLACES)
            .filter(eq(tables::places::ID, place.id))
            .set(tables::places::ACTIVE, false)
            .run()?;
        events::audit(
            "roster.place.deactivated",
            &format!("place:{}", place.id),
            &json!({ "name": place.name }),
        )?;
        return Ok(redirect(req.url("/lieux"))
            .notice(tr("place-deactivated", &[("name", &place.name)]))
            .into());
    }
    let mut tx = db::transaction();
    tx.delete(db::delete(tables::MANAGERS).filter(eq(tables::managers::PLACE_ID, place.id)));
    tx.delete(db::delete(tables::PLACES).filter(eq(tables::places::ID, place.id)));
    tx.audit(
        "roster.place.deleted",
        &format!("place:{}", place.id),
        &json!({ "name": place.name }),
    );
    tx.commit()?;
    Ok(redirect(req.url("/lieux"))
        .notice(tr("place-deleted", &[("name", &place.name)]))
        .into())
}

// Teams ---------------------------------------------------------------------

/// The list of teams, with the form to add one.
fn teams_page(req: &Request, invalid: Option<&Error>) -> Result<View, Error> {
    let teams = staff::teams_by_name()?;
    let contracts = store::all_contracts()?;
    let managers: Vec<Manager> = db::select(tables::MANAGERS)
        .filter(not_null(tables::managers::TEAM_ID))
        .order_asc(tables::managers::USER_NAME)
        .fetch()?;
    let counts = current_counts(&contracts, |c| &c.teams);
    let rows: Vec<serde_json::Value> = teams
        .iter()
        .map(|t| {
            let names: Vec<&str> = managers
                .iter()
                .filter(|m| m.team_id == Some(t.id))
                .map(|m| m.user_name.as_str())
                .collect();
            let agents = counts
                .iter()
                .find(|(id, _)| *id == t.id)
                .map_or(0, |(_, n)| *n);
            json!({ "team": t, "managers": names, "agents": agents })
        })
        .collect();
    let mut form = Form::new("team")
        .label("name", "team-name")
        .label("description", "team-description");
    if let Some(invalid) = invalid {
        form = form.sent(req).errors(invalid);
    }
    Ok(staff::planning_crumb(req, view("teams.html"))
        .title(i18n::t("team-list-title"))
        .set("rows", rows)
        .set("can_manage", true)
        .form(form))
}

/// `/equipes`: the teams, and adding one.
///
/// # Errors
/// Storage failures.
pub fn teams(req: &Request) -> Result<Response, Error> {
    if !req.is_post() {
        return Ok(teams_page(req, None)?.into());
    }
    let existing = store::teams()?;
    let mut f = req.validator();
    let name = f.text("name").required().max_len(NAME_MAX).value();
    let description = f.text("description").max_len(1000).optional();
    if !f.has_error("name")
        && name_taken(
            existing.iter().map(|t| (t.id, t.name.as_str())),
            &name,
            None,
        )
    {
        f.error("name", "team-name-taken");
    }
    if let Err(invalid) = f.finish() {
        return Ok(teams_page(req, Some(&invalid))?.into());
    }
    let row = json!({ "name": name, "description": description, "active": true });
    let id = match db::insert(tables::TEAMS, &row) {
        Ok(id) => id,
        Err(Error::Conflict(_)) => {
            let taken = Error::invalid("name", "team-name-taken");
            return Ok(teams_page(req, Some(&taken))?.into());
        }
        Err(e) => return Err(e),
    };
    events::audit(
        "roster.team.created",
        &format!("team:{id}"),
        &json!({ "name": name }),
    )?;
    Ok(redirect(req.url(&format!("/equipes/{id}")))
        .notice(tr("team-added", &[("name", &name)]))
        .into())
}

/// The people the manager form offers for a team: accounts that opened
/// the roster and agents' accounts, but those already named for it.
fn manager_candidates(managers: &[Manager]) -> Result<Vec<(String, String)>, Error> {
    Ok(staff::known_accounts()?
        .into_iter()
        .filter(|(user_id, _)| !managers.iter().any(|m| &m.user_id == user_id))
        .collect())
}

/// A team's managers, by name.
fn managers_of(team_id: i64) -> Result<Vec<Manager>, Error> {
    db::select(tables::MANAGERS)
        .filter(eq(tables::managers::TEAM_ID, team_id))
        .order_asc(tables::managers::USER_NAME)
        .fetch()
}

/// A team's page: its form, its managers and the form to add one; the
/// errors of either form when it is shown again.
fn team_page(
    req: &Request,
    team: &Team,
    invalid: Option<&Error>,
    manager_invalid: Option<&Error>,
) -> Result<View, Error> {
    let contracts = store::all_contracts()?;
    let uses = team_uses(team.id, &contracts)?;
    let managers = managers_of(team.id)?;
    let candidates = manager_candidates(&managers)?;
    let mut form = Form::new("team")
        .label("name", "team-name")
        .label("description", "team-description")
        .label("active", "team-active");
    form = match invalid {
        Some(invalid) => form.sent(req).errors(invalid),
        None => form.values(team),
    };
    let mut manager_form = Form::new("manager").label("user_id", "team-manager-account");
    if let Some(invalid) = manager_invalid {
        manager_form = manager_form.sent(req).errors(invalid);
    }
    let today = store::today().to_string();
    let agents: Vec<serde_json::Value> = {
        let all = staff::agents_by_name()?;
        let mut list: Vec<serde_json::Value> = Vec::new();
        for a in all.iter().filter(|a| a.active) {
            let current = contracts
                .iter()
                .any(|c| c.agent_id == a.id && c.covers(&today) && c.teams.contains(&team.id));
            if current {
                list.push(json!({ "id": a.id, "name": a.name }));
            }
        }
        list
    };
    Ok(staff::planning_crumb(req, view("team_form.html"))
        .crumb(i18n::t("team-list-title"), req.url("/equipes"))
        .title(&team.name)
        .set("team", team)
        .set("uses", uses)
        .set("in_use", uses.any())
        .set("managers", &managers)
        .set("agents", agents)
        .set("candidates", options(candidates))
        .form(form)
        .form_as("manager_form", manager_form))
}

/// `/equipes/{id}`: a team's name, description and state, its managers;
/// deleting it (or deactivating it, when something refers to it).
///
/// # Errors
/// Not found for an unknown team; storage failures.
pub fn team_edit(req: &Request) -> Result<Response, Error> {
    let team = store::team(req.param_id("id")?)?;
    if !req.is_post() {
        return Ok(team_page(req, &team, None, None)?.into());
    }
    if req.form("action") == Some("delete") {
        return remove_team(req, &team);
    }
    let existing = store::teams()?;
    let mut f = req.validator();
    let name = f.text("name").required().max_len(NAME_MAX).value();
    let description = f.text("description").max_len(1000).optional();
    let active = f.checkbox("active").value();
    if !f.has_error("name")
        && name_taken(
            existing.iter().map(|t| (t.id, t.name.as_str())),
            &name,
            Some(team.id),
        )
    {
        f.error("name", "team-name-taken");
    }
    if let Err(invalid) = f.finish() {
        return Ok(team_page(req, &team, Some(&invalid), None)?.into());
    }
    let saved = db::update(tables::TEAMS)
        .filter(eq(tables::teams::ID, team.id))
        .set(tables::teams::NAME, name.as_str())
        .set(tables::teams::DESCRIPTION, description.clone())
        .set(tables::teams::ACTIVE, active)
        .run();
    match saved {
        Ok(_) => {}
        Err(Error::Conflict(_)) => {
            let taken = Error::invalid("name", "team-name-taken");
            return Ok(team_page(req, &team, Some(&taken), None)?.into());
        }
        Err(e) => return Err(e),
    }
    events::audit(
        "roster.team.updated",
        &format!("team:{}", team.id),
        &json!({ "name": name, "description": description, "active": active, "was": team }),
    )?;
    Ok(redirect(req.url("/equipes"))
        .notice(tr("team-saved", &[("name", &name)]))
        .into())
}

/// Deletes a team nothing refers to (with its managers); deactivates it
/// otherwise.
fn remove_team(req: &Request, team: &Team) -> Result<Response, Error> {
    let contracts = store::all_contracts()?;
    if team_uses(team.id, &contracts)?.any() {
        db::update(tables::TEAMS)
            .filter(eq(tables::teams::ID, team.id))
            .set(tables::teams::ACTIVE, false)
            .run()?;
        events::audit(
            "roster.team.deactivated",
            &format!("team:{}", team.id),
            &json!({ "name": team.name }),
        )?;
        return Ok(redirect(req.url("/equipes"))
            .notice(tr("team-deactivated", &[("name", &team.name)]))
            .into());
    }
    let mut tx = db::transaction();
    tx.delete(db::delete(tables::MANAGERS).filter(eq(tables::managers::TEAM_ID, team.id)));
    tx.delete(db::delete(tables::TEAMS).filter(eq(tables::teams::ID, team.id)));
    tx.audit(
        "roster.team.deleted",
        &format!("team:{}", team.id),
        &json!({ "name": team.name }),
    );
    tx.commit()?;
    Ok(redirect(req.url("/equipes"))
        .notice(tr("team-deleted", &[("name", &team.name)]))
        .into())
}

/// `/equipes/{id}/responsables`: names a manager of the team (`user_id`),
/// or removes one (`remove`, the id of the manager row).
///
/// # Errors
/// Not found for an unknown team or manager row; storage failures.
pub fn team_managers(req: &Request) -> Result<Response, Error> {
    let team = store::team(req.param_id("id")?)?;
    let back = req.url(&format!("/equipes/{}", team.id));
    if let Some(remove) = req.form("remove") {
        let id: i64 = remove
            .parse()
            .map_err(|_| Error::not_found(messages::NOT_FOUND))?;
        let manager: Manager = db::select(tables::MANAGERS)
            .filter(eq(tables::managers::ID, id))
            .filter(eq(tables::managers::TEAM_ID, team.id))
            .first()?
            .ok_or_else(|| Error::not_found(messages::NOT_FOUND))?;
        let mut tx = db::transaction();
        tx.delete(db::delete(tables::MANAGERS).filter(eq(tables::managers::ID, manager.id)));
        tx.audit(
            "roster.manager.removed",
            &format!("team:{}", team.id),
            &json!({ "user_id": manager.user_id, "name": manager.user_name }),
        );
        tx.commit()?;
        return Ok(redirect(back)
            .notice(tr(
                "team-manager-removed",
                &[("name", &manager.user_name), ("team", &team.name)],
            ))
            .into());
    }
    let managers = managers_of(team.id)?;
    let candidates = manager_candidates(&managers)?;
    let ids: Vec<&str> = candidates.iter().map(|(id, _)| id.as_str()).collect();
    let mut f = req.validator();
    let user_id = f.choice("user_id", &ids).value();
    if let Err(invalid) = f.finish() {
        return Ok(team_page(req, &team, None, Some(&invalid))?.into());
    }
    let name = candidates
        .iter()
        .find(|(id, _)| *id == user_id)
        .map(|(_, name)| name.clone())
        .unwrap_or_default();
    let mut tx = db::transaction();
    // Two people adding the same manager at once: the row is written once.
    tx.expect_none(
        tables::MANAGERS,
        [
            eq(tables::managers::USER_ID, user_id.as_str()),
            eq(tables::managers::TEAM_ID, team.id),
        ],
        "team-manager-already",
    );
    tx.insert(
        tables::MANAGERS,
        &json!({ "user_id": user_id, "user_name": name, "team_id": team.id }),
    );
    tx.audit(
        "roster.manager.added",
        &format!("team:{}", team.id),
        &json!({ "user_id": user_id, "name": name }),
    );
    match tx.commit() {
        Ok(_) => {}
        Err(Error::Conflict(_)) => {
            let already = Error::invalid("user_id", "team-manager-already");
            return Ok(team_page(req, &team, None, Some(&already))?.into());
        }
        Err(e) => return Err(e),
    }
    Ok(redirect(back)
        .notice(tr(
            "team-manager-added",
            &[("name", &name), ("team", &team.name)],
        ))
        .into())
}

// Needs ---------------------------------------------------------------------

/// The places whose needs the person keeps: every place for
/// `roster.manage`; otherwise the places they are named for, and those
/// where the agents of their teams work (as their contracts say).
pub fn planned_places(access: &Access) -> Result<Vec<Place>, Error> {
    let places = staff::places_by_name()?;
    if access.all {
        return Ok(places);
    }
    let contracts = store::all_contracts()?;
    let mut ids: Vec<i64> = access.places.clone();
    for c in contracts
        .iter()
        .filter(|c| c.teams.iter().any(|t| access.teams.contains(t)))
    {
        ids.extend(&c.places);
    }
    Ok(places.into_iter().filter(|p| ids.contains(&p.id)).collect())
}

/// A wall time `HH:MM` as typed (`8:30` and `8h30` too), written `08:30`.
pub fn parse_time(text: &str) -> Option<String> {
    let text = text.trim();
    let (h, m) = text.split_once([':', 'h', 'H'])?;
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || !(m.is_empty() || digits(m)) {
        return None;
    }
    let hours: u32 = h.parse().ok()?;
    let minutes: u32 = if m.is_empty() { 0 } else { m.parse().ok()? };
    (hours < 24 && minutes < 60).then(|| format!("{hours:02}:{minutes:02}"))
}

/// A need as the list shows it.
#[derive(Serialize)]
struct NeedRow<'a> {
    need: &'a Need,
    place: &'a str,
}

/// The needs of the places one plans, grouped by place (by name) then by
/// day and start, with the form to add some.
fn needs_page(req: &Request, access: &Access, invalid: Option<&Error>) -> Result<View, Error> {
    let places = planned_places(access)?;
    let ids: Vec<i64> = places.iter().map(|p| p.id).collect();
    let mut needs: Vec<Need> = db::select(tables::NEEDS)
        .filter(one_of(tables::needs::PLACE_ID, ids.clone()))
        .fetch()?;
    needs.sort_by(|a, b| {
        let rank = |n: &Need| ids.iter().position(|id| *id == n.place_id);
        (rank(a), a.weekday, &a.start, &a.end).cmp(&(rank(b), b.weekday, &b.start, &b.end))
    });
    let groups: Vec<serde_json::Value> = places
        .iter()
        .filter_map(|p| {
            let rows: Vec<NeedRow<'_>> = needs
                .iter()
                .filter(|n| n.place_id == p.id)
                .map(|need| NeedRow {
                    need,
                    place: &p.name,
                })
                .collect();
            (!rows.is_empty()).then(|| json!({ "place": p, "needs": rows }))
        })
        .collect();
    let offered: Vec<&Place> = places.iter().filter(|p| p.active).collect();
    let mut form = Form::new("need")
        .label("place_id", "need-place")
        .label("weekday", "need-weekdays")
        .label("start", "need-start")
        .label("end", "need-end")
        .label("minimum", "need-minimum")
        .label("skill", "need-skill")
        .label("period", "need-period")
        .label("label", "need-label")
        .values(json!({ "minimum": 1, "period": PERIODS[0] }));
    if let Some(invalid) = invalid {
        form = form.sent(req).errors(invalid);
    }
    let weekdays = options((1..=7).map(|d| (d, i18n::t(&format!("weekday-{d}")))));
    let periods = options(PERIODS.iter().map(|p| (p, i18n::t(&format!("period-{p}")))));
    Ok(staff::planning_crumb(req, view("needs.html"))
        .title(i18n::t("need-list-title"))
        .set("groups", groups)
        .set(
            "places",
            options(offered.iter().map(|p| (p.id, p.name.clone()))),
        )
        .set("weekdays", weekdays)
        .set("periods", periods)
        .set("skills", staff::known_skills()?)
        .set("can_manage", access.all)
        .form(form))
}

/// `/besoins`: the minimum staffing of the places one plans, and adding
/// some (one row per day ticked).
///
/// # Errors
/// Forbidden to a person who plans nothing; storage failures.
pub fn needs(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    access.require_manager()?;
    if !req.is_post() {
        return Ok(needs_page(req, &access, None)?.into());
    }
    let places = planned_places(&access)?;
    let place_ids: Vec<String> = places
        .iter()
        .filter(|p| p.active)
        .map(|p| p.id.to_string())
        .collect();
    let days: Vec<String> = (1..=7).map(|d: i64| d.to_string()).collect();
    let mut f = req.validator();
    let place = f.choice("place_id", &place_ids).value();
    let weekdays = f.choices("weekday", &days).required().value();
    let start_text = f.text("start").required().value();
    let start = parse_time(&start_text);
    if !f.has_error("start") && start.is_none() {
        f.error("start", "need-time-invalid");
    }
    let end_text = f.text("end").required().value();
    let end = parse_time(&end_text);
    if !f.has_error("end") && end.is_none() {
        f.error("end", "need-time-invalid");
    }
    if let (Some(start), Some(end)) = (&start, &end)
        && end <= start
    {
        f.error("end", "need-end-before-start");
    }
    let minimum = f.int("minimum").range(1, 50).value();
    let skill = f.text("skill").max_len(60).optional();
    let period = f.choice("period", &PERIODS).or(PERIODS[0].to_owned());
    let label = f.text("label").max_len(120).optional();
    if let Err(invalid) = f.finish() {
        return Ok(needs_page(req, &access, Some(&invalid))?.into());
    }
    let place_id: i64 = place.parse().unwrap_or_default();
    let (start, end) = (start.unwrap_or_default(), end.unwrap_or_default());
    let mut tx = db::transaction();
    for day in &weekdays {
        tx.insert(
            tables::NEEDS,
            &json!({
                "place_id": place_id,
                "weekday": day.parse::<i64>().unwrap_or(1),
                "start": start,
                "end": end,
                "minimum": minimum,
                "skill": skill,
                "period": period,
                "label": label,
            }),
        );
    }
    tx.audit(
        "roster.need.created",
        &format!("place:{place_id}"),
        &json!({
            "weekdays": weekdays, "start": start, "end": end,
            "minimum": minimum, "skill": skill, "period": period,
        }),
    );
    tx.commit()?;
    let count = weekdays.len().to_string();
    Ok(redirect(req.url("/besoins"))
        .notice(tr("need-added", &[("count", &count)]))
        .into())
}

/// `/besoins/{id}/supprimer`: removes a need of a place one plans.
///
/// # Errors
/// Not found for an unknown need; forbidden for a place one does not
/// plan; storage failures.
pub fn need_delete(req: &Request) -> Result<Response, Error> {
    let need: Need = db::select(tables::NEEDS)
        .filter(eq(tables::needs::ID, req.param_id("id")?))
        .first()?
        .ok_or_else(|| Error::not_found("need-not-found"))?;
    let access = Access::of(req)?;
    if !planned_places(&access)?
        .iter()
        .any(|p| p.id == need.place_id)
    {
        return Err(Error::forbidden("roster-not-your-team"));
    }
    let mut tx = db::transaction();
    tx.delete(db::delete(tables::NEEDS).filter(eq(tables::needs::ID, need.id)));
    tx.audit(
        "roster.need.deleted",
        &format!("place:{}", need.place_id),
        &need,
    );
    tx.commit()?;
    Ok(redirect(req.url("/besoins")).notice("need-deleted").into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_as_people_type_them() {
        assert_eq!(parse_time("08:30").as_deref(), Some("08:30"));
        assert_eq!(parse_time("8:30").as_deref(), Some("08:30"));
        assert_eq!(parse_time("8h30").as_deref(), Some("08:30"));
        assert_eq!(parse_time("14h").as_deref(), Some("14:00"));
        assert_eq!(parse_time("24:00"), None);
        assert_eq!(parse_time("12:60"), None);
        assert_eq!(parse_time("midi"), None);
        assert_eq!(parse_time("1230"), None);
    }

    #[test]
    fn a_name_is_taken_whatever_its_case_but_not_by_itself() {
        let rows = [(1, "École du Pic"), (2, "Cantine")];
        assert!(name_taken(rows.iter().copied(), "école du pic", None));
        assert!(!name_taken(rows.iter().copied(), "école du pic", Some(1)));
        assert!(!name_taken(rows.iter().copied(), "Piscine", None));
    }
}
