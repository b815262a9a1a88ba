//! The staff: agents, the accounts they are linked to, and their
//! contracts.
//!
//! An agent may have no account (a seasonal worker who never signs in):
//! their schedule is then printed or sent by other means. A contract says
//! when the agent works for the community (one at a time), how many hours
//! a week, under which working-time regime, in which teams and places,
//! with which skills. Every shift must fall within a contract, so a
//! contract cannot be shortened past shifts already planned.
//!
//! `roster.manage` keeps all of it; managers with `roster.plan` see the
//! agents of the teams and places they plan.

use estive_sdk::dates::{Date, month_name};
use estive_sdk::form::{Form, options};
use estive_sdk::prelude::*;
use serde::Serialize;

use crate::access::Access;
use crate::counters::{self, Counters};
use crate::model::{Account, Agent, CANCELLED, Contract, Place, REGIMES, Shift, Team};
use crate::{store, tables};

/// The longest name of an agent.
const NAME_MAX: usize = 120;
/// The most a contract may give in a week: the legal weekly maximum.
const MAX_WEEKLY_MINUTES: i64 = 48 * 60;
/// Skills of one contract, and the length of each.
const MAX_SKILLS: usize = 20;
const SKILL_MAX: usize = 60;

/// A message of the catalogue with its arguments.
pub fn tr(key: &str, args: &[(&str, &str)]) -> String {
    i18n::t_args(key, args)
}

/// The view with the breadcrumb's first step: the roster's week.
pub fn planning_crumb(req: &Request, view: View) -> View {
    view.crumb(i18n::t("setup-roster"), req.url("/"))
}

/// A key that sorts names as a French reader expects: « École » among
/// the E, whatever the case.
pub fn collate(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' => key.push('a'),
            'ç' => key.push('c'),
            'é' | 'è' | 'ê' | 'ë' => key.push('e'),
            'í' | 'ì' | 'î' | 'ï' => key.push('i'),
            'ñ' => key.push('n'),
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => key.push('o'),
            'ú' | 'ù' | 'û' | 'ü' => key.push('u'),
            'ÿ' => key.push('y'),
            'æ' => key.push_str("ae"),
            'œ' => key.push_str("oe"),
            c => key.push(c),
        }
    }
    key
}

/// Every place, by name as read.
///
/// # Errors
/// Storage failures.
pub fn places_by_name() -> Result<Vec<Place>, Error> {
    let mut places = store::places()?;
    places.sort_by_cached_key(|p| collate(&p.name));
    Ok(places)
}

/// Every team, by name as read.
///
/// # Errors
/// Storage failures.
pub fn teams_by_name() -> Result<Vec<Team>, Error> {
    let mut teams = store::teams()?;
    teams.sort_by_cached_key(|t| collate(&t.name));
    Ok(teams)
}

/// Every agent, active first, by name as read.
///
/// # Errors
/// Storage failures.
pub fn agents_by_name() -> Result<Vec<Agent>, Error> {
    let mut agents = store::agents()?;
    agents.sort_by_cached_key(|a| (!a.active, collate(&a.name)));
    Ok(agents)
}

/// The accounts the forms may offer, as (user id, name) by name: those
/// that opened the roster (`accounts`) and those of agents.
///
/// # Errors
/// Storage failures.
pub fn known_accounts() -> Result<Vec<(String, String)>, Error> {
    let seen: Vec<Account> = db::select(tables::ACCOUNTS)
        .order_asc(tables::accounts::NAME)
        .fetch()?;
    let mut known: Vec<(String, String)> = seen.into_iter().map(|a| (a.user_id, a.name)).collect();
    for agent in store::agents()? {
        if let Some(user_id) = agent.user_id
            && !known.iter().any(|(id, _)| *id == user_id)
        {
            known.push((user_id, agent.name));
        }
    }
    known.sort_by_cached_key(|(_, name)| collate(name));
    Ok(known)
}

/// Every skill some contract names, sorted, for the forms' suggestions.
///
/// # Errors
/// Storage failures.
pub fn known_skills() -> Result<Vec<String>, Error> {
    let mut skills: Vec<String> = Vec::new();
    for c in store::all_contracts()? {
        for s in c.skills {
            if !skills.iter().any(|k| k.to_lowercase() == s.to_lowercase()) {
                skills.push(s);
            }
        }
    }
    skills.sort_by_cached_key(|s| collate(s));
    Ok(skills)
}

/// Whether the person may see an agent: `roster.manage`, or a contract
/// of the agent (any period) in a team or at a place they plan.
fn in_scope(access: &Access, agent_id: i64, contracts: &[Contract]) -> bool {
    access.all
        || contracts.iter().any(|c| {
            c.agent_id == agent_id
                && (c.teams.iter().any(|t| access.teams.contains(t))
                    || c.places.iter().any(|p| access.places.contains(p)))
        })
}

// Hours, skills and dates as people write them ------------------------------

/// Weekly hours as typed, in minutes: « 35 », « 28,5 », « 17 h 30 »,
/// « 17h30 », « 35 h »; `None` when it is none of these.
pub fn parse_hours(text: &str) -> Option<i64> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let compact = compact.strip_suffix("min").unwrap_or(&compact);
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if let Some((h, m)) = compact.split_once(['h', ':']) {
        if !digits(h) || !(m.is_empty() || digits(m)) {
            return None;
        }
        let minutes: i64 = if m.is_empty() { 0 } else { m.parse().ok()? };
        return (minutes < 60).then_some(h.parse::<i64>().ok()? * 60 + minutes);
    }
    let (whole, fraction) = compact.split_once([',', '.']).unwrap_or((compact, ""));
    if !digits(whole) || !(fraction.is_empty() || digits(fraction)) {
        return None;
    }
    let hours: f64 = format!(
        "{whole}.{}",
        if fraction.is_empty() { "0" } else { fraction }
    )
    .parse()
    .ok()?;
    // At most a few thousand: the product fits and rounds exactly.
    #[allow(clippy::cast_possible_truncation)]
    Some((hours * 60.0).round() as i64)
}

/// Minutes as read: « 35 h », « 28 h 30 », « 1\u{202f}607 h » (a narrow
/// space between thousands).
pub fn hours_text(minutes: i64) -> String {
    let digits = (minutes / 60).to_string();
    let mut hours = String::new();
    for (n, c) in digits.chars().enumerate() {
        if n > 0 && (digits.len() - n).is_multiple_of(3) {
            hours.push('\u{202f}');
        }
        hours.push(c);
    }
    match minutes % 60 {
        0 => format!("{hours} h"),
        m => format!("{hours} h {m:02}"),
    }
}

/// Minutes as the form shows them again: « 35 », « 28 h 30 ».
fn hours_value(minutes: i64) -> String {
    match minutes % 60 {
        0 => (minutes / 60).to_string(),
        _ => hours_text(minutes),
    }
}

/// Skills typed as one text, comma-separated: trimmed, repeats (whatever
/// their case) dropped; the message key of what is wrong otherwise.
pub fn parse_skills(text: &str) -> Result<Vec<String>, &'static str> {
    let mut skills: Vec<String> = Vec::new();
    for part in text.split([',', ';']) {
        let skill = part.split_whitespace().collect::<Vec<_>>().join(" ");
        if skill.is_empty() {
            continue;
        }
        if skill.chars().count() > SKILL_MAX {
            return Err("contract-skill-too-long");
        }
        if !skills
            .iter()
            .any(|s| s.to_lowercase() == skill.to_lowercase())
        {
            skills.push(skill);
        }
    }
    if skills.len() > MAX_SKILLS {
        return Err("contract-too-many-skills");
    }
    Ok(skills)
}

/// A date `YYYY-MM-DD` as written in a sentence: « 1er septembre 2020 »,
/// « 1 September 2020 ».
fn day_text(day: &str, locale: &str) -> String {
    let Some(date) = Date::parse(day) else {
        return day.to_owned();
    };
    let number = if locale == "fr" && date.day() == 1 {
        "1er".to_owned()
    } else {
        date.day().to_string()
    };
    format!(
        "{number} {} {}",
        month_name(date.month(), locale),
        date.year()
    )
}

// Agents -------------------------------------------------------------------

/// A contract as the pages show it.
#[derive(Clone, Debug, Serialize)]
struct ContractView {
    id: i64,
    starts_on: String,
    ends_on: Option<String>,
    hours: String,
    regime: String,
    teams: Vec<String>,
    places: Vec<String>,
    skills: Vec<String>,
    leave_days: i64,
    title: Option<String>,
    /// `current`, `future` or `past`.
    state: &'static str,
}

/// Names of teams and places, to show contracts.
struct Names {
    teams: Vec<(i64, String)>,
    places: Vec<(i64, String)>,
}

impl Names {
    fn load() -> Result<Names, Error> {
        Ok(Names {
            teams: store::teams()?
                .into_iter()
                .map(|t| (t.id, t.name))
                .collect(),
            places: store::places()?
                .into_iter()
                .map(|p| (p.id, p.name))
                .collect(),
        })
    }

    fn of(list: &[(i64, String)], ids: &[i64]) -> Vec<String> {
        ids.iter()
            .filter_map(|id| list.iter().find(|(k, _)| k == id).map(|(_, n)| n.clone()))
            .collect()
    }

    fn show(&self, c: &Contract, today: &str) -> ContractView {
        let state = if c.covers(today) {
            "current"
        } else if c.starts_on.as_str() > today {
            "future"
        } else {
            "past"
        };
        ContractView {
            id: c.id,
            starts_on: c.starts_on.clone(),
            ends_on: c.ends_on.clone(),
            hours: hours_text(c.weekly_minutes),
            regime: c.regime.clone(),
            teams: Names::of(&self.teams, &c.teams),
            places: Names::of(&self.places, &c.places),
            skills: c.skills.clone(),
            leave_days: c.leave_days,
            title: c.title.clone(),
            state,
        }
    }
}

/// An agent's hour counters for this week, as read.
#[derive(Serialize)]
struct CountersView {
    monday: String,
    year: i32,
    week: String,
    contract_week: String,
    average: String,
    average_weeks: i64,
    year_to_date: String,
    year_to_date_target: String,
    /// Planned to date less due to date, signed: « +3 h 30 », « −2 h ».
    balance: String,
    year_target: String,
    has_target: bool,
    night_week: String,
}

impl CountersView {
    fn of(c: &Counters, monday: Date) -> CountersView {
        let balance = c.year_to_date - c.year_to_date_target;
        CountersView {
            monday: monday.to_string(),
            year: monday.year(),
            week: hours_text(c.week),
            contract_week: hours_text(c.contract_week),
            average: hours_text(c.average),
            average_weeks: c.average_weeks,
            year_to_date: hours_text(c.year_to_date),
            year_to_date_target: hours_text(c.year_to_date_target),
            balance: match balance {
                0 => hours_text(0),
                b if b > 0 => format!("+{}", hours_text(b)),
                b => format!("\u{2212}{}", hours_text(-b)),
            },
            year_target: hours_text(c.year_target),
            has_target: c.year_target > 0,
            night_week: hours_text(c.night_week),
        }
    }
}

/// An agent in the list.
#[derive(Serialize)]
struct AgentRow {
    id: i64,
    name: String,
    /// The account's name, when the roster knows it.
    account: Option<String>,
    linked: bool,
    /// The contract in force today.
    contract: Option<ContractView>,
    /// The first day of the next contract, when none is in force.
    next: Option<String>,
}

/// The name of an agent's account, when the roster has seen it.
fn account_name(agent: &Agent, accounts: &[(String, String)]) -> Option<String> {
    let user_id = agent.user_id.as_deref()?;
    accounts
        .iter()
        .find(|(id, _)| id == user_id)
        .map(|(_, name)| name.clone())
}

/// `/agents`: the agents one may see, active first, each with the contract
/// in force today.
///
/// # Errors
/// Forbidden to a person who plans nothing; storage failures.
pub fn agents(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    access.require_manager()?;
    let contracts = store::all_contracts()?;
    let names = Names::load()?;
    let seen: Vec<Account> = db::select(tables::ACCOUNTS).fetch()?;
    let seen: Vec<(String, String)> = seen.into_iter().map(|a| (a.user_id, a.name)).collect();
    let today = store::today().to_string();
    let (mut active, mut inactive) = (Vec::new(), Vec::new());
    for agent in agents_by_name()? {
        if !in_scope(&access, agent.id, &contracts) {
            continue;
        }
        let own: Vec<Contract> = contracts
            .iter()
            .filter(|c| c.agent_id == agent.id)
            .cloned()
            .collect();
        let current = store::contract_on(&own, &today).map(|c| names.show(c, &today));
        let next = if current.is_none() {
            own.iter()
                .find(|c| c.starts_on.as_str() > today.as_str())
                .map(|c| c.starts_on.clone())
        } else {
            None
        };
        let row = AgentRow {
            id: agent.id,
            account: account_name(&agent, &seen),
            linked: agent.user_id.is_some(),
            name: agent.name,
            contract: current,
            next,
        };
        if agent.active {
            active.push(row);
        } else {
            inactive.push(row);
        }
    }
    Ok(planning_crumb(req, view("agents.html"))
        .title(i18n::t("agent-list-title"))
        .set("active", active)
        .set("inactive", inactive)
        .set("can_manage", access.all)
        .into())
}

/// `/agents/{id}`: an agent, their account and their contracts.
///
/// # Errors
/// Not found for an unknown agent; forbidden for an agent out of one's
/// teams; storage failures.
pub fn agent(req: &Request) -> Result<Response, Error> {
    let agent = store::agent(req.param_id("id")?)?;
    let access = Access::of(req)?;
    let contracts = store::contracts_of(agent.id)?;
    if !in_scope(&access, agent.id, &contracts) {
        return Err(Error::forbidden("roster-not-your-team"));
    }
    let names = Names::load()?;
    let today = store::today().to_string();
    let shown: Vec<ContractView> = contracts
        .iter()
        .rev()
        .map(|c| names.show(c, &today))
        .collect();
    let account = account_name(&agent, &known_accounts()?);
    let monday = store::today().monday();
    let counters = if contracts.is_empty() {
        None
    } else {
        let c = counters::load(agent.id, monday, &req.site().timezone)?;
        Some(CountersView::of(&c, monday))
    };
    let page = planning_crumb(req, view("agent.html"))
        .crumb(i18n::t("agent-list-title"), req.url("/agents"))
        .title(&agent.name)
        .set("agent", &agent)
        .set("account", account)
        .set("contracts", shown)
        .set("counters", counters)
        .set("can_manage", access.all);
    Ok(page.into())
}

/// The accounts an agent may be linked to: seen ones no other agent has,
/// and the agent's own.
fn free_accounts(agent: Option<&Agent>) -> Result<Vec<(String, String)>, Error> {
    let seen: Vec<Account> = db::select(tables::ACCOUNTS)
        .order_asc(tables::accounts::NAME)
        .fetch()?;
    let agents = store::agents()?;
    let mut free: Vec<(String, String)> = seen
        .into_iter()
        .filter(|a| {
            !agents.iter().any(|g| {
                g.user_id.as_deref() == Some(&a.user_id) && Some(g.id) != agent.map(|x| x.id)
            })
        })
        .map(|a| (a.user_id, a.name))
        .collect();
    if let Some(own) = agent
        && let Some(user_id) = &own.user_id
        && !free.iter().any(|(id, _)| id == user_id)
    {
        free.push((user_id.clone(), own.name.clone()));
    }
    free.sort_by_cached_key(|(_, name)| collate(name));
    Ok(free)
}

/// The agent form, new or existing: its values, or what was sent with its
/// errors.
fn agent_page(
    req: &Request,
    agent: Option<&Agent>,
    invalid: Option<&Error>,
) -> Result<View, Error> {
    let accounts = free_accounts(agent)?;
    let mut form = Form::new("agent")
        .label("name", "agent-name")
        .label("user_id", "agent-account")
        .label("active", "agent-active");
    form = match (invalid, agent) {
        (Some(invalid), _) => form.sent(req).errors(invalid),
        (None, Some(a)) => {
            form.values(json!({ "name": a.name, "user_id": a.user_id, "active": a.active }))
        }
        (None, None) => form,
    };
    let mut page = planning_crumb(req, view("agent_form.html"))
        .crumb(i18n::t("agent-list-title"), req.url("/agents"));
    page = match agent {
        Some(a) => page
            .crumb(&a.name, req.url(&format!("/agents/{}", a.id)))
            .title(tr("agent-edit-title", &[("name", &a.name)])),
        None => page.title(i18n::t("agent-new-title")),
    };
    Ok(page
        .set("agent", agent)
        .set("accounts", options(accounts))
        .form(form))
}

/// What the agent form sent, checked.
struct AgentInput {
    name: String,
    user_id: Option<String>,
    active: bool,
}

fn read_agent(req: &Request, agent: Option<&Agent>) -> Result<Result<AgentInput, Error>, Error> {
    let accounts = free_accounts(agent)?;
    let ids: Vec<&str> = accounts.iter().map(|(id, _)| id.as_str()).collect();
    let mut f = req.validator();
    let name = f.text("name").required().max_len(NAME_MAX).value();
    let user_id = f.choice("user_id", &ids).optional();
    // A new agent is active; the box is on the edit form only.
    let active = agent.is_none() || f.checkbox("active").value();
    Ok(f.finish().map(|()| AgentInput {
        name,
        user_id,
        active,
    }))
}

/// `/agents/nouveau`: adds an agent, with or without an account.
///
/// # Errors
/// Storage failures.
pub fn agent_new(req: &Request) -> Result<Response, Error> {
    if !req.is_post() {
        return Ok(agent_page(req, None, None)?.into());
    }
    let input = match read_agent(req, None)? {
        Ok(input) => input,
        Err(invalid) => return Ok(agent_page(req, None, Some(&invalid))?.into()),
    };
    let row = json!({
        "name": input.name,
        "user_id": input.user_id,
        "active": true,
        "created_at": store::now_utc(),
    });
    let id = match db::insert(tables::AGENTS, &row) {
        Ok(id) => id,
        Err(Error::Conflict(_)) => {
            let taken = Error::invalid("user_id", "agent-account-taken");
            return Ok(agent_page(req, None, Some(&taken))?.into());
        }
        Err(e) => return Err(e),
    };
    events::audit(
        "roster.agent.created",
        &format!("agent:{id}"),
        &json!({ "name": input.name, "user_id": input.user_id }),
    )?;
    Ok(redirect(req.url(&format!("/agents/{id}")))
        .notice(tr("agent-created", &[("name", &input.name)]))
        .into())
}

/// `/agents/{id}/modifier`: an agent's name, account and state.
///
/// # Errors
/// Not found for an unknown agent; storage failures.
pub fn agent_edit(req: &Request) -> Result<Response, Error> {
    let agent = store::agent(req.param_id("id")?)?;
    if !req.is_post() {
        return Ok(agent_page(req, Some(&agent), None)?.into());
    }
    let input = match read_agent(req, Some(&agent))? {
        Ok(input) => input,
        Err(invalid) => return Ok(agent_page(req, Some(&agent), Some(&invalid))?.into()),
    };
    let saved = db::update(tables::AGENTS)
        .filter(eq(tables::agents::ID, agent.id))
        .set(tables::agents::NAME, input.name.as_str())
        .set(tables::agents::USER_ID, input.user_id.clone())
        .set(tables::agents::ACTIVE, input.active)
        .run();
    match saved {
        Ok(_) => {}
        Err(Error::Conflict(_)) => {
            let taken = Error::invalid("user_id", "agent-account-taken");
            return Ok(agent_page(req, Some(&agent), Some(&taken))?.into());
        }
        Err(e) => return Err(e),
    }
    events::audit(
        "roster.agent.updated",
        &format!("agent:{}", agent.id),
        &json!({
            "name": input.name, "user_id": input.user_id, "active": input.active,
            "was": agent,
        }),
    )?;
    Ok(redirect(req.url(&format!("/agents/{}", agent.id)))
        .notice(tr("agent-saved", &[("name", &input.name)]))
        .into())
}

// Contracts ------------------------------------------------------------------

/// A contract as written (without its id).
#[derive(Serialize)]
struct ContractRow {
    agent_id: i64,
    starts_on: String,
    ends_on: Option<String>,
    weekly_minutes: i64,
    regime: String,
    #[serde(with = "estive_sdk::json_column")]
    teams: Vec<i64>,
    #[serde(with = "estive_sdk::json_column")]
    skills: Vec<String>,
    #[serde(with = "estive_sdk::json_column")]
    places: Vec<i64>,
    leave_days: i64,
    title: Option<String>,
}

/// The form's values of a contract.
fn contract_values(c: &Contract) -> serde_json::Value {
    json!({
        "starts_on": c.starts_on,
        "ends_on": c.ends_on,
        "weekly_hours": hours_value(c.weekly_minutes),
        "regime": c.regime,
        "teams": c.teams,
        "skills": c.skills.join(", "),
        "places": c.places,
        "leave_days": c.leave_days,
        "title": c.title,
    })
}

/// The values a new contract starts with: those of the agent's last
/// contract (a renewal keeps most of them), from the day after it ends.
fn new_contract_values(contracts: &[Contract]) -> serde_json::Value {
    match contracts.last() {
        Some(last) => {
            let mut values = contract_values(last);
            values["starts_on"] = json!(
                last.ends_on
                    .as_deref()
                    .and_then(Date::parse)
                    .map(|d| d.add_days(1).to_string())
            );
            values["ends_on"] = serde_json::Value::Null;
            values
        }
        None => json!({ "regime": REGIMES[0], "leave_days": 25 }),
    }
}

/// The ids the contract form offers: the active teams or places, and
/// those the contract already names.
fn offered<'a>(all: &'a [(i64, String, bool)], kept: &[i64]) -> Vec<&'a (i64, String, bool)> {
    all.iter()
        .filter(|(id, _, active)| *active || kept.contains(id))
        .collect()
}

/// Teams or places as (id, name, active).
type Offer = Vec<(i64, String, bool)>;

/// Teams and places as (id, name, active).
fn teams_and_places() -> Result<(Offer, Offer), Error> {
    Ok((
        teams_by_name()?
            .into_iter()
            .map(|t| (t.id, t.name, t.active))
            .collect(),
        places_by_name()?
            .into_iter()
            .map(|p| (p.id, p.name, p.active))
            .collect(),
    ))
}

/// The contract form: the contract's values (or a new one's), or what was
/// sent with its errors.
fn contract_page(
    req: &Request,
    agent: &Agent,
    contract: Option<&Contract>,
    invalid: Option<&Error>,
) -> Result<View, Error> {
    let (teams, places) = teams_and_places()?;
    let kept_teams = contract.map(|c| c.teams.clone()).unwrap_or_default();
    let kept_places = contract.map(|c| c.places.clone()).unwrap_or_default();
    let mut form = Form::new("contract")
        .label("starts_on", "contract-starts-on")
        .label("ends_on", "contract-ends-on")
        .label("weekly_hours", "contract-weekly-hours")
        .label("regime", "contract-regime")
        .label("teams", "contract-teams")
        .label("skills", "contract-skills")
        .label("places", "contract-places")
        .label("leave_days", "contract-leave-days")
        .label("title", "contract-title");
    form = match (invalid, contract) {
        (Some(invalid), _) => form.sent(req).errors(invalid),
        (None, Some(c)) => form.values(contract_values(c)),
        (None, None) => form.values(new_contract_values(&store::contracts_of(agent.id)?)),
    };
    let regimes = options(REGIMES.iter().map(|r| (r, i18n::t(&format!("regime-{r}")))));
    let title = match contract {
        Some(_) => tr("contract-edit-title", &[("name", &agent.name)]),
        None => tr("contract-new-title", &[("name", &agent.name)]),
    };
    Ok(planning_crumb(req, view("contract_form.html"))
        .crumb(i18n::t("agent-list-title"), req.url("/agents"))
        .crumb(&agent.name, req.url(&format!("/agents/{}", agent.id)))
        .title(title)
        .set("agent", agent)
        .set("contract", contract)
        .set("regimes", regimes)
        .set(
            "teams",
            options(
                offered(&teams, &kept_teams)
                    .into_iter()
                    .map(|(id, n, _)| (id, n.clone())),
            ),
        )
        .set(
            "places",
            options(
                offered(&places, &kept_places)
                    .into_iter()
                    .map(|(id, n, _)| (id, n.clone())),
            ),
        )
        .set("skills", known_skills()?)
        .form(form))
}

/// The other contract a period would overlap, if any.
fn overlapping<'a>(
    contracts: &'a [Contract],
    except: Option<i64>,
    starts_on: &str,
    ends_on: Option<&str>,
) -> Option<&'a Contract> {
    contracts.iter().filter(|c| Some(c.id) != except).find(|c| {
        ends_on.is_none_or(|end| c.starts_on.as_str() <= end)
            && c.ends_on.as_deref().is_none_or(|end| end >= starts_on)
    })
}

/// The shifts a changed contract would leave outside any contract: those
/// it covered, that its new period does not, and no other contract does.
fn stranded(
    old: &Contract,
    starts_on: &str,
    ends_on: Option<&str>,
    others: &[Contract],
) -> Result<Vec<Shift>, Error> {
    let mut q = db::select(tables::SHIFTS)
        .filter(eq(tables::shifts::AGENT_ID, old.agent_id))
        .filter(ne(tables::shifts::STATUS, CANCELLED))
        .filter(ge(tables::shifts::STARTS_AT, old.starts_on.as_str()));
    if let Some(end) = &old.ends_on {
        q = q.filter(le(tables::shifts::STARTS_AT, format!("{end}T23:59")));
    }
    let shifts: Vec<Shift> = q.order_asc(tables::shifts::STARTS_AT).fetch()?;
    Ok(shifts
        .into_iter()
        .filter(|s| {
            let day = s.starts_at.get(..10).unwrap_or_default();
            let kept = starts_on <= day && ends_on.is_none_or(|end| day <= end);
            !kept && !others.iter().any(|c| c.id != old.id && c.covers(day))
        })
        .collect())
}

/// `/agents/{id}/contrats/nouveau`: a new contract of an agent.
///
/// # Errors
/// Not found for an unknown agent; storage failures.
pub fn contract_new(req: &Request) -> Result<Response, Error> {
    let agent = store::agent(req.param_id("id")?)?;
    if !req.is_post() {
        return Ok(contract_page(req, &agent, None, None)?.into());
    }
    save_contract(req, &agent, None)
}

/// `/contrats/{id}`: a contract, changed.
///
/// # Errors
/// Not found for an unknown contract; storage failures.
pub fn contract_edit(req: &Request) -> Result<Response, Error> {
    let contract: Contract = db::select(tables::CONTRACTS)
        .filter(eq(tables::contracts::ID, req.param_id("id")?))
        .first()?
        .ok_or_else(|| Error::not_found("contract-not-found"))?;
    let agent = store::agent(contract.agent_id)?;
    if !req.is_post() {
        return Ok(contract_page(req, &agent, Some(&contract), None)?.into());
    }
    save_contract(req, &agent, Some(&contract))
}

/// Checks the contract form and writes the contract, or shows the form
/// again with what is wrong.
fn save_contract(
    req: &Request,
    agent: &Agent,
    existing: Option<&Contract>,
) -> Result<Response, Error> {
    let (teams, places) = teams_and_places()?;
    let kept_teams = existing.map(|c| c.teams.clone()).unwrap_or_default();
    let kept_places = existing.map(|c| c.places.clone()).unwrap_or_default();
    let team_ids: Vec<String> = offered(&teams, &kept_teams)
        .iter()
        .map(|(id, _, _)| id.to_string())
        .collect();
    let place_ids: Vec<String> = offered(&places, &kept_places)
        .iter()
        .map(|(id, _, _)| id.to_string())
        .collect();
    let contracts = store::contracts_of(agent.id)?;
    let locale = req.locale().to_owned();

    let mut f = req.validator();
    let starts_on = f.date("starts_on").value().to_string();
    let ends_on = f.date("ends_on").optional().map(|d| d.to_string());
    let hours = f.text("weekly_hours").required().value();
    let mut weekly_minutes = 0;
    if !f.has_error("weekly_hours") {
        match parse_hours(&hours) {
            None => f.error("weekly_hours", "contract-hours-invalid"),
            Some(m) if !(60..=MAX_WEEKLY_MINUTES).contains(&m) => {
                f.error("weekly_hours", "contract-hours-range");
            }
            Some(m) => weekly_minutes = m,
        }
    }
    let regime = f.choice("regime", &REGIMES).value();
    let chosen_teams = f.choices("teams", &team_ids).value();
    if chosen_teams.is_empty() {
        f.error("teams", "contract-team-required");
    }
    let skills_text = f.text("skills").max_len(2000).or(String::new());
    let skills = parse_skills(&skills_text).unwrap_or_else(|key| {
        f.error("skills", key);
        Vec::new()
    });
    let chosen_places = f.choices("places", &place_ids).value();
    let leave_days = f.int("leave_days").range(0, 60).or(25);
    let title = f.text("title").max_len(120).optional();

    let dates_read = !f.has_error("starts_on") && !f.has_error("ends_on");
    if dates_read
        && let Some(end) = &ends_on
        && *end < starts_on
    {
        f.error("ends_on", "contract-end-before-start");
    } else if dates_read {
        if let Some(other) = overlapping(
            &contracts,
            existing.map(|c| c.id),
            &starts_on,
            ends_on.as_deref(),
        ) {
            let from = day_text(&other.starts_on, &locale);
            let error = match &other.ends_on {
                Some(to) => FieldError::new("starts_on", "contract-overlaps")
                    .arg("from", from)
                    .arg("to", day_text(to, &locale)),
                None => FieldError::new("starts_on", "contract-overlaps-open").arg("from", from),
            };
            f.report(error);
        } else if let Some(old) = existing {
            let left = stranded(old, &starts_on, ends_on.as_deref(), &contracts)?;
            if let Some(first) = left.first() {
                let day = first.starts_at.get(..10).unwrap_or_default();
                let field = if day < starts_on.as_str() {
                    "starts_on"
                } else {
                    "ends_on"
                };
                f.report(
                    FieldError::new(field, "contract-shifts-outside")
                        .arg("count", left.len())
                        .arg("day", day_text(day, &locale)),
                );
            }
        }
    }
    if let Err(invalid) = f.finish() {
        return Ok(contract_page(req, agent, existing, Some(&invalid))?.into());
    }

    let row = ContractRow {
        agent_id: agent.id,
        starts_on,
        ends_on,
        weekly_minutes,
        regime,
        teams: chosen_teams.iter().filter_map(|t| t.parse().ok()).collect(),
        skills,
        places: chosen_places
            .iter()
            .filter_map(|p| p.parse().ok())
            .collect(),
        leave_days,
        title,
    };
    let mut tx = db::transaction();
    // Another contract written meanwhile for the same days (two people on
    // the same agent) undoes this one: an agent has one contract at a time.
    for open_ended in [false, true] {
        let mut clash = vec![
            eq(tables::contracts::AGENT_ID, agent.id),
            if open_ended {
                is_null(tables::contracts::ENDS_ON)
            } else {
                ge(tables::contracts::ENDS_ON, row.starts_on.as_str())
            },
        ];
        if let Some(end) = &row.ends_on {
            clash.push(le(tables::contracts::STARTS_ON, end.as_str()));
        }
        if let Some(c) = existing {
            clash.push(ne(tables::contracts::ID, c.id));
        }
        tx.expect_none(tables::CONTRACTS, clash, "contract-overlaps-now");
    }
    let action = match existing {
        Some(c) => {
            tx.update(
                db::update(tables::CONTRACTS)
                    .filter(eq(tables::contracts::ID, c.id))
                    .set_fields(&row),
            );
            "roster.contract.updated"
        }
        None => {
            tx.insert(tables::CONTRACTS, &row);
            "roster.contract.created"
        }
    };
    tx.audit(
        action,
        &format!("agent:{}", agent.id),
        &json!({
            "contract_id": existing.map(|c| c.id),
            "starts_on": row.starts_on,
            "ends_on": row.ends_on,
            "weekly_minutes": row.weekly_minutes,
            "regime": row.regime,
            "teams": row.teams,
            "places": row.places,
            "was": existing,
        }),
    );
    match tx.commit() {
        Ok(_) => {}
        Err(Error::Conflict(_)) => {
            let clash = Error::invalid("starts_on", "contract-overlaps-now");
            return Ok(contract_page(req, agent, existing, Some(&clash))?.into());
        }
        Err(e) => return Err(e),
    }
    Ok(redirect(req.url(&format!("/agents/{}", agent.id)))
        .notice(tr("contract-saved", &[("name", &agent.name)]))
        .into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekly_hours_are_read_as_people_write_them() {
        assert_eq!(parse_hours("35"), Some(2100));
        assert_eq!(parse_hours("35 h"), Some(2100));
        assert_eq!(parse_hours("28,5"), Some(1710));
        assert_eq!(parse_hours("28.5"), Some(1710));
        assert_eq!(parse_hours("17 h 30"), Some(1050));
        assert_eq!(parse_hours("17h30"), Some(1050));
        assert_eq!(parse_hours("17 H 30 min"), Some(1050));
        assert_eq!(parse_hours("17:30"), Some(1050));
        assert_eq!(parse_hours("0,25"), Some(15));
        assert_eq!(parse_hours("17 h 75"), None);
        assert_eq!(parse_hours("-5"), None);
        assert_eq!(parse_hours("trente"), None);
        assert_eq!(parse_hours("1e3"), None);
        assert_eq!(parse_hours(""), None);
    }

    #[test]
    fn minutes_are_written_back_in_hours() {
        assert_eq!(hours_text(2100), "35 h");
        assert_eq!(hours_text(1710), "28 h 30");
        assert_eq!(hours_text(1805), "30 h 05");
        assert_eq!(hours_text(1607 * 60), "1\u{202f}607 h");
        assert_eq!(hours_text(100 * 60), "100 h");
        assert_eq!(hours_value(2100), "35");
        assert_eq!(parse_hours(&hours_value(1050)), Some(1050));
    }

    #[test]
    fn names_sort_as_a_french_reader_expects() {
        let mut names = ["Office", "École", "cantine", "Écoles", "Déchetterie"];
        names.sort_by_cached_key(|n| collate(n));
        assert_eq!(
            names,
            ["cantine", "Déchetterie", "École", "Écoles", "Office"]
        );
    }

    #[test]
    fn skills_are_trimmed_and_counted_once() {
        assert_eq!(
            parse_skills(" HACCP,  permis   C ,haccp,, "),
            Ok(vec!["HACCP".to_owned(), "permis C".to_owned()])
        );
        assert_eq!(parse_skills(""), Ok(Vec::new()));
        assert_eq!(
            parse_skills(&"x".repeat(61)),
            Err("contract-skill-too-long")
        );
    }

    fn contract(id: i64, starts_on: &str, ends_on: Option<&str>) -> Contract {
        Contract {
            id,
            agent_id: 1,
            starts_on: starts_on.into(),
            ends_on: ends_on.map(Into::into),
            weekly_minutes: 2100,
            regime: "fpt".into(),
            teams: vec![1],
            skills: Vec::new(),
            places: Vec::new(),
            leave_days: 25,
            title: None,
        }
    }

    #[test]
    fn a_period_overlaps_another_contract_of_the_agent_but_not_itself() {
        let list = [
            contract(1, "2025-01-01", Some("2025-06-30")),
            contract(2, "2026-01-01", None),
        ];
        assert_eq!(
            overlapping(&list, None, "2025-06-30", Some("2025-08-31")).map(|c| c.id),
            Some(1)
        );
        assert!(overlapping(&list, None, "2025-07-01", Some("2025-12-31")).is_none());
        assert_eq!(
            overlapping(&list, None, "2025-07-01", None).map(|c| c.id),
            Some(2)
        );
        assert_eq!(
            overlapping(&list, None, "2030-01-01", Some("2030-02-01")).map(|c| c.id),
            Some(2)
        );
        assert!(overlapping(&list, Some(1), "2025-01-01", Some("2025-12-31")).is_none());
    }

    #[test]
    fn dates_in_sentences_say_the_first_of_the_month_in_french() {
        assert_eq!(day_text("2020-09-01", "fr"), "1er septembre 2020");
        assert_eq!(day_text("2027-04-30", "fr"), "30 avril 2027");
        assert_eq!(day_text("2020-09-01", "en"), "1 September 2020");
    }
}
