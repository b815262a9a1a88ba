//! Absences: an agent asks for annual leave, sick leave, training or
//! compensatory time off; a manager of the agent's teams approves or
//! refuses it. Approved days count against the agent's allowance of that
//! kind for the calendar year, and the agent's shifts in the period show as
//! gaps on the week (see `store::absent`).
//!
//! `days` is the number of working days the absence takes (Monday to
//! Friday, public holidays of the site's calendar left out), fixed when it
//! is saved. An absence across New Year counts in each year for the days
//! that fall in it.

use estive_kit::holidays::{self, Calendar};
use estive_sdk::form::{Form, options};
use estive_sdk::prelude::*;
use serde::Serialize;

use crate::access::Access;
use crate::model::{
    ABSENCE_KINDS, APPROVED, Absence, Account, Agent, Allowance, Contract, Manager, REFUSED,
    REQUESTED, WITHDRAWN,
};
use crate::store::{self, Settings};
use crate::{notify, tables};

/// The kinds counted against an allowance: sick leave has none.
pub const COUNTED: [&str; 3] = ["leave", "training", "comp"];

/// Annual leave, the one kind with an allowance by default.
const LEAVE: &str = "leave";

/// Sick leave, which may be declared after the fact.
const SICK: &str = "sick";

/// One request covers at most a year; longer ones are entered year by year.
const MAX_MONTHS: i32 = 12;

/// The longest note or reason kept.
const MAX_TEXT: usize = 1000;

/// The two decisions a manager takes.
const DECISIONS: [&str; 2] = ["approve", "refuse"];

// Counting -----------------------------------------------------------------

/// The working days of `from..=to`: Monday to Friday, the public holidays
/// of `calendar` left out. Zero when `to` is before `from`.
pub fn working_days(from: Date, to: Date, calendar: Calendar) -> f64 {
    let mut count = 0_u32;
    let mut day = from;
    while day <= to {
        if !day.weekday().is_weekend() && holidays::holiday_in(day, calendar).is_none() {
            count += 1;
        }
        day = day.add_days(1);
    }
    f64::from(count)
}

/// The first and last day of a year.
fn year_bounds(year: i32) -> (Date, Date) {
    let first = Date::new(year, 1, 1).unwrap_or(Date::MIN);
    let last = Date::new(year, 12, 31).unwrap_or(Date::MAX);
    (first, last)
}

/// The dates of an absence (a stored row always has valid ones).
fn period(absence: &Absence) -> (Date, Date) {
    let start = Date::parse(&absence.starts_on).unwrap_or_default();
    let end = Date::parse(&absence.ends_on).unwrap_or(start);
    (start, end)
}

/// The working days of an absence that fall in `year`: its stored `days`
/// when it lies within the year, else the part of the year counted again.
pub fn days_in_year(absence: &Absence, year: i32, calendar: Calendar) -> f64 {
    let (start, end) = period(absence);
    if start.year() == year && end.year() == year {
        return absence.days;
    }
    let (first, last) = year_bounds(year);
    working_days(start.max(first), end.min(last), calendar)
}

/// The annual leave a year gives when no allowance is set: each contract's
/// `leave_days` pro rata of its days in the year, rounded up to the half
/// day (an agent never loses part of a day to the arithmetic).
pub fn default_leave(contracts: &[Contract], year: i32) -> f64 {
    let (first, last) = year_bounds(year);
    let length = (last.days_since(first) + 1) as f64;
    let mut total = 0.0;
    for c in contracts {
        let Some(start) = Date::parse(&c.starts_on) else {
            continue;
        };
        let end = c
            .ends_on
            .as_deref()
            .and_then(Date::parse)
            .unwrap_or(Date::MAX);
        let (from, to) = (start.max(first), end.min(last));
        if from <= to {
            total += c.leave_days as f64 * (to.days_since(from) + 1) as f64 / length;
        }
    }
    // The small margin keeps 12.5000000001 from becoming 13.
    ((total * 2.0 - 1e-9).ceil() / 2.0).max(0.0)
}

/// A number of days as people write it: `4`, `2,5` in French.
fn days_text(days: f64, locale: &str) -> String {
    if days.fract() == 0.0 {
        format!("{days:.0}")
    } else if locale == "en" {
        format!("{days:.1}")
    } else {
        format!("{days:.1}").replace('.', ",")
    }
}

/// Where an agent stands for a kind of absence in a year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Balance {
    pub kind: String,
    pub year: i32,
    /// Days granted.
    pub allowance: f64,
    /// Whether a manager set the allowance (else the default applies).
    pub set: bool,
    /// Approved days.
    pub taken: f64,
    /// Requested days waiting for a decision.
    pub pending: f64,
    /// `allowance - taken`: negative when overdrawn.
    pub left: f64,
}

/// A year in which approving an absence would take more than is left.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Overdraft {
    pub year: i32,
    pub left: f64,
    pub wanted: f64,
}

/// What balances are computed from, for some agents over some years.
struct Ledger {
    calendar: Calendar,
    contracts: Vec<Contract>,
    allowances: Vec<Allowance>,
    /// Requested and approved absences touching the years.
    absences: Vec<Absence>,
}

impl Ledger {
    /// The rows of `agents` for the years `first..=last`.
    fn load(agents: &[i64], first: i32, last: i32, calendar: Calendar) -> Result<Ledger, Error> {
        if agents.is_empty() {
            return Ok(Ledger {
                calendar,
                contracts: Vec::new(),
                allowances: Vec::new(),
                absences: Vec::new(),
            });
        }
        let contracts = store::all_contracts()?
            .into_iter()
            .filter(|c| agents.contains(&c.agent_id))
            .collect();
        let allowances = db::select(tables::ALLOWANCES)
            .filter(one_of(tables::allowances::AGENT_ID, agents.to_vec()))
            .filter(ge(tables::allowances::YEAR, i64::from(first)))
            .filter(le(tables::allowances::YEAR, i64::from(last)))
            .fetch()?;
        let absences = db::select(tables::ABSENCES)
            .filter(one_of(tables::absences::AGENT_ID, agents.to_vec()))
            .filter(one_of(tables::absences::STATUS, [REQUESTED, APPROVED]))
            .filter(le(
                tables::absences::STARTS_ON,
                year_bounds(last).1.to_string(),
            ))
            .filter(ge(
                tables::absences::ENDS_ON,
                year_bounds(first).0.to_string(),
            ))
            .fetch()?;
        Ok(Ledger {
            calendar,
            contracts,
            allowances,
            absences,
        })
    }

    /// The balance of an agent for a kind counted against an allowance.
    fn balance(&self, agent_id: i64, kind: &str, year: i32) -> Balance {
        let set = self
            .allowances
            .iter()
            .find(|a| a.agent_id == agent_id && a.year == i64::from(year) && a.kind == kind);
        let allowance = match set {
            Some(a) => a.days,
            None if kind == LEAVE => {
                let theirs: Vec<Contract> = self
                    .contracts
                    .iter()
                    .filter(|c| c.agent_id == agent_id)
                    .cloned()
                    .collect();
                default_leave(&theirs, year)
            }
            None => 0.0,
        };
        let (first, last) = year_bounds(year);
        let (mut taken, mut pending) = (0.0, 0.0);
        for a in self.absences.iter().filter(|a| {
            a.agent_id == agent_id
                && a.kind == kind
                && a.starts_on.as_str() <= last.to_string().as_str()
                && a.ends_on.as_str() >= first.to_string().as_str()
        }) {
            let days = days_in_year(a, year, self.calendar);
            if a.status == APPROVED {
                taken += days;
            } else {
                pending += days;
            }
        }
        Balance {
            kind: kind.to_owned(),
            year,
            allowance,
            set: set.is_some(),
            taken,
            pending,
            left: allowance - taken,
        }
    }

    /// The balances of an agent for every counted kind of a year.
    fn balances(&self, agent_id: i64, year: i32) -> Vec<Balance> {
        COUNTED
            .iter()
            .map(|kind| self.balance(agent_id, kind, year))
            .collect()
    }

    /// The years in which approving a requested absence would take more
    /// days than are left.
    fn overdrafts(&self, absence: &Absence) -> Vec<Overdraft> {
        if !COUNTED.contains(&absence.kind.as_str()) {
            return Vec::new();
        }
        let (start, end) = period(absence);
        (start.year()..=end.year())
            .filter_map(|year| {
                let left = self.balance(absence.agent_id, &absence.kind, year).left;
                let wanted = days_in_year(absence, year, self.calendar);
                (wanted > left + 1e-9).then_some(Overdraft { year, left, wanted })
            })
            .collect()
    }
}

// Who may do what -----------------------------------------------------------

/// The teams of an agent's contracts that overlap `from..=to`, or of all
/// the agent's contracts when none does.
fn teams_over(contracts: &[Contract], agent_id: i64, from: &str, to: &str) -> Vec<i64> {
    let theirs: Vec<&Contract> = contracts
        .iter()
        .filter(|c| c.agent_id == agent_id)
        .collect();
    let overlapping: Vec<&Contract> = theirs
        .iter()
        .copied()
        .filter(|c| c.starts_on.as_str() <= to && c.ends_on.as_deref().is_none_or(|e| e >= from))
        .collect();
    let chosen = if overlapping.is_empty() {
        theirs
    } else {
        overlapping
    };
    let mut teams: Vec<i64> = chosen.iter().flat_map(|c| c.teams.clone()).collect();
    teams.sort_unstable();
    teams.dedup();
    teams
}

/// Whether they plan one of the teams the agent works in during the
/// absence.
fn plans_agent(access: &Access, contracts: &[Contract], absence: &Absence) -> bool {
    access.all
        || teams_over(
            contracts,
            absence.agent_id,
            &absence.starts_on,
            &absence.ends_on,
        )
        .into_iter()
        .any(|t| access.plans_team(t))
}

/// Whether they may approve or refuse it: a manager of the agent's teams,
/// never for their own absence.
fn may_decide(access: &Access, contracts: &[Contract], absence: &Absence) -> bool {
    access.agent_id() != Some(absence.agent_id) && plans_agent(access, contracts, absence)
}

/// Whether it may still be withdrawn: a request, or an approved absence
/// that has not started.
fn withdrawable(absence: &Absence, today: Date) -> bool {
    absence.status == REQUESTED
        || (absence.status == APPROVED && absence.starts_on.as_str() > today.to_string().as_str())
}

/// The agents whose absences they may enter: every active agent with a
/// contract in a team they plan, themselves left out, by name.
fn planned_agents(access: &Access, contracts: &[Contract]) -> Result<Vec<Agent>, Error> {
    if !access.is_manager() {
        return Ok(Vec::new());
    }
    Ok(store::agents()?
        .into_iter()
        .filter(|a| a.active && Some(a.id) != access.agent_id())
        .filter(|a| {
            contracts.iter().any(|c| {
                c.agent_id == a.id && (access.all || c.teams.iter().any(|t| access.plans_team(*t)))
            })
        })
        .collect())
}

/// The agents whose balances they see in a year: a contract in a team they
/// plan overlapping that year.
fn planned_in_year(
    access: &Access,
    contracts: &[Contract],
    agents: &[Agent],
    year: i32,
) -> Vec<Agent> {
    let (first, last) = year_bounds(year);
    let (first, last) = (first.to_string(), last.to_string());
    agents
        .iter()
        .filter(|a| {
            contracts.iter().any(|c| {
                c.agent_id == a.id
                    && c.starts_on <= last
                    && c.ends_on.as_deref().is_none_or(|e| e >= first.as_str())
                    && (access.all || c.teams.iter().any(|t| access.plans_team(*t)))
            })
        })
        .cloned()
        .collect()
}

/// The name of an account the plugin knows (an agent, a manager, an
/// account that opened the roster).
fn person(user_id: &str) -> Result<String, Error> {
    let agent: Option<Agent> = db::select(tables::AGENTS)
        .filter(eq(tables::agents::USER_ID, user_id))
        .first()?;
    if let Some(a) = agent {
        return Ok(a.name);
    }
    let manager: Option<Manager> = db::select(tables::MANAGERS)
        .filter(eq(tables::managers::USER_ID, user_id))
        .first()?;
    if let Some(m) = manager {
        return Ok(m.user_name);
    }
    let account: Option<Account> = db::select(tables::ACCOUNTS)
        .filter(eq(tables::accounts::USER_ID, user_id))
        .first()?;
    Ok(account.map_or_else(|| i18n::t("absence-someone"), |a| a.name))
}

/// An absence by id.
fn absence(id: i64) -> Result<Absence, Error> {
    db::select(tables::ABSENCES)
        .filter(eq(tables::absences::ID, id))
        .first()?
        .ok_or_else(|| Error::not_found("absence-not-found"))
}

/// The name of an agent among those loaded.
fn name_of(agents: &[Agent], id: i64) -> String {
    agents
        .iter()
        .find(|a| a.id == id)
        .map_or_else(|| format!("#{id}"), |a| a.name.clone())
}

// Mail ----------------------------------------------------------------------

/// The words of an absence for a message: agent, kind, dates, days, link.
fn mail_args(req: &Request, absence: &Absence, agent: &str) -> Vec<(&'static str, String)> {
    let (start, end) = period(absence);
    vec![
        ("agent", agent.to_owned()),
        ("kind", i18n::t(&format!("kind-{}", absence.kind))),
        ("from", start.long(req.locale())),
        ("to", end.long(req.locale())),
        ("days", days_text(absence.days, req.locale())),
        (
            "link",
            notify::link(req, &format!("/absences/{}", absence.id)),
        ),
        ("reason", absence.reason.clone().unwrap_or_default()),
    ]
}

/// A message of the catalogue with those words.
fn message(key: &str, args: &[(&'static str, String)]) -> String {
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    i18n::t_args(key, &args)
}

/// Mail the managers of the agent's teams, the person acting left out.
fn mail_managers(
    req: &Request,
    absence: &Absence,
    contracts: &[Contract],
    agent: &str,
    which: &str,
) -> Result<(), Error> {
    let teams = teams_over(
        contracts,
        absence.agent_id,
        &absence.starts_on,
        &absence.ends_on,
    );
    if teams.is_empty() {
        return Ok(());
    }
    let rows: Vec<Manager> = db::select(tables::MANAGERS)
        .filter(one_of(tables::managers::TEAM_ID, teams))
        .fetch()?;
    let mut sent: Vec<&str> = Vec::new();
    let me = req.user().map(|u| u.id.as_str());
    let args = mail_args(req, absence, agent);
    for m in &rows {
        if Some(m.user_id.as_str()) == me || sent.contains(&m.user_id.as_str()) {
            continue;
        }
        sent.push(&m.user_id);
        notify::account(
            &m.user_id,
            &message(&format!("absence-mail-{which}-subject"), &args),
            &message(&format!("absence-mail-{which}-body"), &args),
        );
    }
    Ok(())
}

/// Mail the agent about their absence.
fn mail_agent(req: &Request, absence: &Absence, agent: &Agent, which: &str) {
    let args = mail_args(req, absence, &agent.name);
    notify::agent(
        agent,
        &message(&format!("absence-mail-{which}-subject"), &args),
        &message(&format!("absence-mail-{which}-body"), &args),
    );
}

// Pages ---------------------------------------------------------------------

/// The kinds, as the form offers them.
fn kind_options() -> Vec<estive_sdk::form::Choice> {
    options(ABSENCE_KINDS.map(|k| (k, i18n::t(&format!("kind-{k}")))))
}

/// A requested absence as a manager's list shows it.
fn waiting_row(a: &Absence, agents: &[Agent], ledger: &Ledger) -> serde_json::Value {
    let (start, _) = period(a);
    let balance = COUNTED
        .contains(&a.kind.as_str())
        .then(|| ledger.balance(a.agent_id, &a.kind, start.year()));
    json!({
        "absence": a,
        "agent": name_of(agents, a.agent_id),
        "balance": balance,
        "overdrawn": !ledger.overdrafts(a).is_empty(),
    })
}

/// The years an agent's balances are shown for: this year, and the next
/// when an absence is asked for in it.
fn balance_years(mine: &[Absence], today: Date) -> Vec<i32> {
    let year = today.year();
    let next = mine
        .iter()
        .any(|a| (a.status == REQUESTED || a.status == APPROVED) && period(a).1.year() > year);
    if next {
        vec![year, year + 1]
    } else {
        vec![year]
    }
}

/// `/absences`: one's own absences and balances, and for managers the
/// requests waiting for their decision.
///
/// # Errors
/// Forbidden for someone neither on the roster nor a manager; storage
/// failures.
pub fn list(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    if access.agent.is_none() && !access.is_manager() {
        return Err(Error::forbidden("roster-not-an-agent"));
    }
    let calendar = Settings::load()?.calendar();
    let today = store::today();
    let agents = store::agents()?;

    let mut mine: Vec<Absence> = Vec::new();
    let mut own_balances: Vec<serde_json::Value> = Vec::new();
    if let Some(me) = access.agent_id() {
        mine = db::select(tables::ABSENCES)
            .filter(eq(tables::absences::AGENT_ID, me))
            .order_desc(tables::absences::STARTS_ON)
            .fetch()?;
        let years = balance_years(&mine, today);
        let ledger = Ledger::load(&[me], years[0], years[years.len() - 1], calendar)?;
        own_balances = years
            .iter()
            .map(|y| json!({ "year": y, "balances": ledger.balances(me, *y) }))
            .collect();
    }
    let mine: Vec<serde_json::Value> = mine
        .iter()
        .map(|a| json!({ "absence": a, "withdrawable": withdrawable(a, today) }))
        .collect();

    let mut waiting: Vec<serde_json::Value> = Vec::new();
    if access.is_manager() {
        let contracts = store::all_contracts()?;
        let requests: Vec<Absence> = db::select(tables::ABSENCES)
            .filter(eq(tables::absences::STATUS, REQUESTED))
            .order_asc(tables::absences::STARTS_ON)
            .fetch()?;
        let requests: Vec<Absence> = requests
            .into_iter()
            .filter(|a| may_decide(&access, &contracts, a))
            .collect();
        let mut ids: Vec<i64> = requests.iter().map(|a| a.agent_id).collect();
        ids.sort_unstable();
        ids.dedup();
        let first = requests
            .iter()
            .map(|a| period(a).0.year())
            .min()
            .unwrap_or(today.year());
        let last = requests
            .iter()
            .map(|a| period(a).1.year())
            .max()
            .unwrap_or(today.year());
        let ledger = Ledger::load(&ids, first, last, calendar)?;
        waiting = requests
            .iter()
            .map(|a| waiting_row(a, &agents, &ledger))
            .collect();
    }

    Ok(view("absences.html")
        .title(i18n::t("absence-list-title"))
        .crumb(i18n::t("roster-title"), req.url("/"))
        .with(json!({
            "agent": access.agent,
            "mine": mine,
            "balances": own_balances,
            "waiting": waiting,
            "manager": access.is_manager(),
        }))
        .into())
}

/// The form to ask for (or enter) an absence, with what was sent and its
/// errors when given.
fn form_page(
    req: &Request,
    access: &Access,
    others: &[Agent],
    invalid: Option<&Error>,
) -> Result<View, Error> {
    let mut form = Form::new("roster-absence")
        .label("agent_id", "absence-agent")
        .label("kind", "absence-kind")
        .label("starts_on", "absence-starts-on")
        .label("ends_on", "absence-ends-on")
        .label("note", "absence-note");
    let chosen = req
        .query("agent")
        .and_then(|a| a.parse::<i64>().ok())
        .filter(|id| others.iter().any(|a| a.id == *id))
        .or(access.agent_id());
    form = form.values(json!({ "kind": LEAVE, "agent_id": chosen }));
    if let Some(invalid) = invalid {
        form = form.sent(req).errors(invalid);
    }
    let mut choices: Vec<(i64, String)> = Vec::new();
    if !others.is_empty() {
        if let Some(me) = &access.agent {
            choices.push((
                me.id,
                i18n::t_args("absence-agent-self", &[("name", &me.name)]),
            ));
        }
        choices.extend(others.iter().map(|a| (a.id, a.name.clone())));
    }
    let mut balances = Vec::new();
    if let Some(me) = access.agent_id() {
        let year = store::today().year();
        let ledger = Ledger::load(&[me], year, year, Settings::load()?.calendar())?;
        balances = ledger.balances(me, year);
    }
    let title = if others.is_empty() {
        "absence-new-title"
    } else {
        "absence-enter-title"
    };
    Ok(view("absence_form.html")
        .title(i18n::t(title))
        .crumb(i18n::t("roster-title"), req.url("/"))
        .crumb(i18n::t("absence-list-title"), req.url("/absences"))
        .with(json!({
            "agents": options(choices),
            "kinds": kind_options(),
            "balances": balances,
            "year": store::today().year(),
        }))
        .form(form))
}

/// The checks of a period against the agent's contracts and absences.
struct Asked<'a> {
    agent_id: i64,
    kind: &'a str,
    starts: Date,
    ends: Date,
    /// Asked by the agent themselves (not entered by a manager).
    own: bool,
}

/// Report what is wrong with the period asked for.
fn check_period(
    f: &mut Validator<'_>,
    asked: &Asked<'_>,
    contracts: &[Contract],
    locale: &str,
) -> Result<(), Error> {
    let Asked {
        agent_id,
        kind,
        starts,
        ends,
        own,
    } = *asked;
    if ends < starts {
        f.error("ends_on", "absence-ends-before-start");
        return Ok(());
    }
    let longest = starts.add_months(MAX_MONTHS).add_days(-1);
    if ends > longest {
        f.report(FieldError::new("ends_on", "absence-too-long").arg("max", longest.long(locale)));
        return Ok(());
    }
    if own && kind != SICK && starts < store::today() {
        f.error("starts_on", "absence-in-the-past");
    }
    let theirs: Vec<&Contract> = contracts
        .iter()
        .filter(|c| c.agent_id == agent_id)
        .collect();
    let mut day = starts;
    while day <= ends {
        let text = day.to_string();
        if !theirs.iter().any(|c| c.covers(&text)) {
            let field = if day == starts {
                "starts_on"
            } else {
                "ends_on"
            };
            f.report(
                FieldError::new(field, "absence-outside-contract").arg("day", day.long(locale)),
            );
            return Ok(());
        }
        day = day.add_days(1);
    }
    let clash: Option<Absence> = db::select(tables::ABSENCES)
        .filter(eq(tables::absences::AGENT_ID, agent_id))
        .filter(one_of(tables::absences::STATUS, [REQUESTED, APPROVED]))
        .filter(le(tables::absences::STARTS_ON, ends.to_string()))
        .filter(ge(tables::absences::ENDS_ON, starts.to_string()))
        .order_asc(tables::absences::STARTS_ON)
        .first()?;
    if let Some(other) = clash {
        let (from, to) = period(&other);
        f.report(
            FieldError::new("starts_on", "absence-overlaps")
                .arg("from", from.long(locale))
                .arg("to", to.long(locale))
                .arg(
                    "status",
                    i18n::t(&format!("absence-status-{}", other.status)),
                ),
        );
    }
    Ok(())
}

/// `/absences/nouvelle`: an agent asks for an absence; a manager may enter
/// one for an agent of their teams, approved at once.
///
/// # Errors
/// Forbidden for someone neither on the roster nor a manager of anyone;
/// storage failures.
pub fn new(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let contracts = store::all_contracts()?;
    let others = planned_agents(&access, &contracts)?;
    if access.agent.is_none() && others.is_empty() {
        return Err(Error::forbidden("roster-not-an-agent"));
    }
    if !req.is_post() {
        return Ok(form_page(req, &access, &others, None)?.into());
    }
    let user = req.require_user()?;
    let mut f = req.validator();
    let agent_id = if others.is_empty() {
        access.agent_id()
    } else {
        let mut allowed: Vec<String> = others.iter().map(|a| a.id.to_string()).collect();
        allowed.extend(access.agent_id().map(|id| id.to_string()));
        f.choice("agent_id", &allowed).value().parse::<i64>().ok()
    };
    let kind = f.choice("kind", &ABSENCE_KINDS).value();
    let starts = f.date("starts_on").value();
    let ends = f.date("ends_on").value();
    let note = f.text("note").max_len(MAX_TEXT).optional();
    let own = agent_id.is_some() && agent_id == access.agent_id();
    if let Some(agent_id) = agent_id
        && !f.has_error("kind")
        && !f.has_error("starts_on")
        && !f.has_error("ends_on")
    {
        let asked = Asked {
            agent_id,
            kind: &kind,
            starts,
            ends,
            own,
        };
        check_period(&mut f, &asked, &contracts, req.locale())?;
    }
    if let Err(invalid) = f.finish() {
        return Ok(form_page(req, &access, &others, Some(&invalid))?.into());
    }
    let Some(agent_id) = agent_id else {
        return Err(Error::forbidden("roster-not-an-agent"));
    };
    let agent = store::agent(agent_id)?;
    let calendar = Settings::load()?.calendar();
    let status = if own { REQUESTED } else { APPROVED };
    let now = store::now_utc();
    let mut row = Absence {
        id: 0,
        agent_id,
        kind,
        starts_on: starts.to_string(),
        ends_on: ends.to_string(),
        days: working_days(starts, ends, calendar),
        status: status.to_owned(),
        note,
        reason: None,
        requested_by: user.id.clone(),
        decided_by: (!own).then(|| user.id.clone()),
        decided_at: (!own).then(|| now.clone()),
        created_at: now,
    };
    let mut tx = db::transaction();
    // Two requests sent at once for the same days: the second one finds
    // the first.
    tx.expect_none(
        tables::ABSENCES,
        [
            eq(tables::absences::AGENT_ID, agent_id),
            one_of(tables::absences::STATUS, [REQUESTED, APPROVED]),
            le(tables::absences::STARTS_ON, row.ends_on.clone()),
            ge(tables::absences::ENDS_ON, row.starts_on.clone()),
        ],
        "absence-overlap-conflict",
    );
    let insert = tx.insert(
        tables::ABSENCES,
        &json!({
            "agent_id": row.agent_id,
            "kind": row.kind,
            "starts_on": row.starts_on,
            "ends_on": row.ends_on,
            "days": row.days,
            "status": row.status,
            "note": row.note,
            "requested_by": row.requested_by,
            "decided_by": row.decided_by,
            "decided_at": row.decided_at,
            "created_at": row.created_at,
        }),
    );
    if !own {
        tx.audit(
            "roster.absence.approved",
            &format!("agent:{agent_id}"),
            &json!({
                "entered_by_manager": true,
                "kind": row.kind,
                "starts_on": row.starts_on,
                "ends_on": row.ends_on,
                "days": row.days,
            }),
        );
    }
    let outcomes = match tx.commit() {
        Ok(outcomes) => outcomes,
        Err(Error::Conflict(_)) => {
            let clash = Error::invalid("starts_on", "absence-overlap-conflict");
            return Ok(form_page(req, &access, &others, Some(&clash))?
                .status(409)
                .into());
        }
        Err(e) => return Err(e),
    };
    row.id = insert
        .id(&outcomes)
        .ok_or_else(|| Error::internal("the absence was not inserted"))?;
    if own {
        mail_managers(req, &row, &contracts, &agent.name, "request")?;
    } else {
        mail_agent(req, &row, &agent, "entered");
    }
    let notice = if own {
        "absence-requested-notice"
    } else {
        "absence-entered-notice"
    };
    Ok(redirect(req.url(&format!("/absences/{}", row.id)))
        .notice(notice)
        .into())
}

/// The page of an absence, with the decision form (and its errors when
/// given) for a manager who may decide it.
fn show_page(
    req: &Request,
    access: &Access,
    absence: &Absence,
    invalid: Option<&Error>,
) -> Result<View, Error> {
    let contracts = store::contracts_of(absence.agent_id)?;
    let own = access.agent_id() == Some(absence.agent_id);
    if !own && !plans_agent(access, &contracts, absence) {
        return Err(Error::forbidden("absence-not-yours"));
    }
    let agent = store::agent(absence.agent_id)?;
    let calendar = Settings::load()?.calendar();
    let today = store::today();
    let (start, end) = period(absence);

    let places = store::places()?;
    let teams = store::teams()?;
    let mut shifts = store::shifts_of(absence.agent_id, start, end.add_days(1))?;
    if !plans_agent(access, &contracts, absence) {
        // The agent knows only the shifts of published weeks.
        let published = store::published_weeks(start, end)?;
        shifts.retain(|s| published.contains(&(s.team_id, s.monday.clone())));
    }
    let shifts: Vec<serde_json::Value> = shifts
        .iter()
        .map(|s| {
            json!({
                "id": s.id,
                "day": s.starts_at.get(..10),
                "start": s.starts_at.get(11..16),
                "end": s.ends_at.get(11..16),
                "place": places.iter().find(|p| p.id == s.place_id).map(|p| &p.name),
                "team": teams.iter().find(|t| t.id == s.team_id).map(|t| &t.name),
            })
        })
        .collect();

    let ledger = Ledger::load(&[absence.agent_id], start.year(), end.year(), calendar)?;
    let balances: Vec<Balance> = if COUNTED.contains(&absence.kind.as_str()) {
        (start.year()..=end.year())
            .map(|y| ledger.balance(absence.agent_id, &absence.kind, y))
            .collect()
    } else {
        Vec::new()
    };
    let decide = absence.status == REQUESTED && may_decide(access, &contracts, absence);
    let overdrafts = if decide {
        ledger.overdrafts(absence)
    } else {
        Vec::new()
    };
    let entered_by_me = req.user().is_some_and(|u| u.id == absence.requested_by);
    let withdraw = withdrawable(absence, today)
        && (own || (entered_by_me && plans_agent(access, &contracts, absence)));

    let mut form = Form::new("roster-decision")
        .label("decision", "absence-decision")
        .label("reason", "absence-reason")
        .label("confirm_over", "absence-confirm-over-label");
    if let Some(invalid) = invalid {
        form = form.sent(req).errors(invalid);
    }
    let decisions = options(DECISIONS.map(|d| (d, i18n::t(&format!("absence-decision-{d}")))));
    let overdrafts: Vec<serde_json::Value> = overdrafts
        .iter()
        .map(|o| {
            json!({
                "year": o.year,
                "left": days_text(o.left, req.locale()),
                "wanted": days_text(o.wanted, req.locale()),
            })
        })
        .collect();
    Ok(view("absence.html")
        .title(i18n::t_args(
            "absence-title",
            &[
                ("kind", &i18n::t(&format!("kind-{}", absence.kind))),
                ("agent", &agent.name),
            ],
        ))
        .crumb(i18n::t("roster-title"), req.url("/"))
        .crumb(i18n::t("absence-list-title"), req.url("/absences"))
        .with(json!({
            "absence": absence,
            "agent": agent,
            "own": own,
            "requested_by": person(&absence.requested_by)?,
            "decided_by": absence.decided_by.as_deref().map(person).transpose()?,
            "entered": absence.decided_by.is_some() && absence.decided_by.as_deref() == Some(absence.requested_by.as_str()),
            "shifts": shifts,
            "balances": balances,
            "decide": decide,
            "decisions": decisions,
            "overdrafts": overdrafts,
            "withdraw": withdraw,
            "can_see_agent": access.plans,
        }))
        .form(form))
}

/// `/absences/{id}`: the absence, its shifts, and what one may do with it.
///
/// # Errors
/// Not found; forbidden to anyone but the agent and the managers of their
/// teams; storage failures.
pub fn show(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let absence = absence(req.param_id("id")?)?;
    Ok(show_page(req, &access, &absence, None)?.into())
}

/// `/absences/{id}/decision`: a manager approves or refuses a request.
/// The write expects the request to be still waiting, so that of two
/// managers deciding at once the second is told, and nothing is half
/// saved.
///
/// # Errors
/// Not found; forbidden to anyone but a manager of the agent's teams;
/// conflict when it was decided meanwhile; storage failures.
pub fn decide(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let user = req.require_user()?;
    let absence = absence(req.param_id("id")?)?;
    let contracts = store::contracts_of(absence.agent_id)?;
    if !may_decide(&access, &contracts, &absence) {
        return Err(Error::forbidden("absence-not-your-decision"));
    }
    if absence.status != REQUESTED {
        return Err(Error::conflict("absence-already-decided"));
    }
    let (start, end) = period(&absence);
    let calendar = Settings::load()?.calendar();
    let ledger = Ledger::load(&[absence.agent_id], start.year(), end.year(), calendar)?;
    let overdrafts = ledger.overdrafts(&absence);

    let mut f = req.validator();
    let decision = f.choice("decision", &DECISIONS).value();
    let reason = f.text("reason").max_len(MAX_TEXT).optional();
    let confirmed = f.checkbox("confirm_over").value();
    if decision == "refuse" && reason.is_none() {
        f.error("reason", "absence-reason-required");
    }
    if decision == "approve" && !overdrafts.is_empty() && !confirmed {
        f.error("confirm_over", "absence-confirm-over");
    }
    if let Err(invalid) = f.finish() {
        return Ok(show_page(req, &access, &absence, Some(&invalid))?.into());
    }
    let status = if decision == "approve" {
        APPROVED
    } else {
        REFUSED
    };
    let mut tx = db::transaction();
    tx.expect(
        tables::ABSENCES,
        [
            eq(tables::absences::ID, absence.id),
            eq(tables::absences::STATUS, REQUESTED),
        ],
        db::Measure::count_rows(),
        Some(1.0),
        None,
        "absence-already-decided",
    );
    tx.update(
        db::update(tables::ABSENCES)
            .filter(eq(tables::absences::ID, absence.id))
            .set(tables::absences::STATUS, status)
            .set(tables::absences::REASON, reason.clone())
            .set(tables::absences::DECIDED_BY, user.id.as_str())
            .set(tables::absences::DECIDED_AT, store::now_utc()),
    );
    tx.audit(
        &format!("roster.absence.{status}"),
        &format!("agent:{}", absence.agent_id),
        &json!({
            "absence": absence.id,
            "kind": absence.kind,
            "starts_on": absence.starts_on,
            "ends_on": absence.ends_on,
            "days": absence.days,
            "reason": reason,
            "beyond_balance": overdrafts,
        }),
    );
    tx.commit()?;
    let decided = Absence {
        status: status.to_owned(),
        reason,
        ..absence
    };
    let agent = store::agent(decided.agent_id)?;
    mail_agent(req, &decided, &agent, status);
    Ok(redirect(req.url(&format!("/absences/{}", decided.id)))
        .notice(format!("absence-{status}-notice"))
        .into())
}

/// `/absences/{id}/annuler`: the agent withdraws a request, or an
/// approved absence that has not started (so does the manager who entered
/// it). The managers are told when an approved absence is withdrawn: the
/// agent is back on the roster.
///
/// # Errors
/// Not found; forbidden to others; conflict when it can no longer be
/// withdrawn; storage failures.
pub fn cancel(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let user = req.require_user()?;
    let absence = absence(req.param_id("id")?)?;
    let contracts = store::contracts_of(absence.agent_id)?;
    let own = access.agent_id() == Some(absence.agent_id);
    let entered = absence.requested_by == user.id && plans_agent(&access, &contracts, &absence);
    if !own && !entered {
        return Err(Error::forbidden("absence-not-yours"));
    }
    if !withdrawable(&absence, store::today()) {
        return Err(Error::conflict("absence-not-withdrawable"));
    }
    let mut tx = db::transaction();
    tx.expect(
        tables::ABSENCES,
        [
            eq(tables::absences::ID, absence.id),
            eq(tables::absences::STATUS, absence.status.as_str()),
        ],
        db::Measure::count_rows(),
        Some(1.0),
        None,
        "absence-changed-meanwhile",
    );
    tx.update(
        db::update(tables::ABSENCES)
            .filter(eq(tables::absences::ID, absence.id))
            .set(tables::absences::STATUS, WITHDRAWN),
    );
    tx.audit(
        "roster.absence.withdrawn",
        &format!("agent:{}", absence.agent_id),
        &json!({
            "absence": absence.id,
            "was": absence.status,
            "kind": absence.kind,
            "starts_on": absence.starts_on,
            "ends_on": absence.ends_on,
        }),
    );
    tx.commit()?;
    if absence.status == APPROVED {
        let agent = store::agent(absence.agent_id)?;
        mail_managers(req, &absence, &contracts, &agent.name, "withdrawn")?;
    }
    Ok(redirect(req.url(&format!("/absences/{}", absence.id)))
        .notice("absence-withdrawn-notice")
        .into())
}

/// The balances page, with the allowance form (and its errors when given).
fn balances_page(
    req: &Request,
    access: &Access,
    year: i32,
    invalid: Option<&Error>,
) -> Result<View, Error> {
    let contracts = store::all_contracts()?;
    let agents = store::agents()?;
    let shown = planned_in_year(access, &contracts, &agents, year);
    let ids: Vec<i64> = shown.iter().map(|a| a.id).collect();
    let ledger = Ledger::load(&ids, year, year, Settings::load()?.calendar())?;
    let rows: Vec<serde_json::Value> = shown
        .iter()
        .map(|a| json!({ "agent": a, "balances": ledger.balances(a.id, year) }))
        .collect();
    let choosable = planned_agents(access, &contracts)?;
    let mut form = Form::new("roster-allowance")
        .label("agent_id", "balance-agent")
        .label("kind", "balance-kind")
        .label("year", "balance-year")
        .label("days", "balance-days")
        .values(json!({ "year": year, "kind": LEAVE }));
    if let Some(invalid) = invalid {
        form = form.sent(req).errors(invalid);
    }
    Ok(view("balances.html")
        .title(i18n::t_args(
            "balance-title",
            &[("year", &year.to_string())],
        ))
        .crumb(i18n::t("roster-title"), req.url("/"))
        .crumb(i18n::t("absence-list-title"), req.url("/absences"))
        .with(json!({
            "year": year,
            "previous": year - 1,
            "next": year + 1,
            "rows": rows,
            "agents": options(choosable.iter().map(|a| (a.id, a.name.clone()))),
            "kinds": options(COUNTED.map(|k| (k, i18n::t(&format!("kind-{k}"))))),
        }))
        .form(form))
}

/// `/soldes`: the balances of the agents one plans, and the form to set an
/// agent's allowance of a kind for a year.
///
/// # Errors
/// Forbidden to someone who plans nothing; storage failures.
pub fn balances(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    access.require_manager()?;
    let this_year = store::today().year();
    let year = req
        .query("annee")
        .and_then(|y| y.parse::<i32>().ok())
        .filter(|y| (this_year - 20..=this_year + 5).contains(y))
        .unwrap_or(this_year);
    if !req.is_post() {
        return Ok(balances_page(req, &access, year, None)?.into());
    }
    let contracts = store::all_contracts()?;
    let choosable = planned_agents(&access, &contracts)?;
    let allowed: Vec<String> = choosable.iter().map(|a| a.id.to_string()).collect();
    let mut f = req.validator();
    let agent_id = f.choice("agent_id", &allowed).value();
    let kind = f.choice("kind", &COUNTED).value();
    let for_year = f
        .int("year")
        .range(i64::from(this_year - 20), i64::from(this_year + 5))
        .value();
    let days = f.float("days").range(0.0, 366.0).value();
    if !f.has_error("days") && (days * 2.0).fract() != 0.0 {
        f.error("days", "balance-half-days");
    }
    if let Err(invalid) = f.finish() {
        return Ok(balances_page(req, &access, year, Some(&invalid))?.into());
    }
    let agent_id: i64 = agent_id
        .parse()
        .map_err(|_| Error::not_found(messages::NOT_FOUND))?;
    let agent = store::agent(agent_id)?;
    let mut tx = db::transaction();
    tx.upsert(
        tables::ALLOWANCES,
        &json!({ "agent_id": agent_id, "year": for_year, "kind": kind, "days": days }),
        &[
            tables::allowances::AGENT_ID,
            tables::allowances::YEAR,
            tables::allowances::KIND,
        ],
    );
    tx.audit(
        "roster.allowance.set",
        &format!("agent:{agent_id}"),
        &json!({ "year": for_year, "kind": kind, "days": days }),
    );
    tx.commit()?;
    let notice = i18n::t_args(
        "balance-saved-notice",
        &[
            ("agent", &agent.name),
            ("kind", &i18n::t(&format!("kind-{kind}"))),
            ("year", &for_year.to_string()),
            ("days", &days_text(days, req.locale())),
        ],
    );
    Ok(redirect(req.url(&format!("/soldes?annee={for_year}")))
        .notice(notice)
        .into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn contract(starts_on: &str, ends_on: Option<&str>, leave_days: i64) -> Contract {
        Contract {
            id: 1,
            agent_id: 1,
            starts_on: starts_on.into(),
            ends_on: ends_on.map(Into::into),
            weekly_minutes: 2100,
            regime: "fpt".into(),
            teams: vec![1],
            skills: Vec::new(),
            places: Vec::new(),
            leave_days,
            title: None,
        }
    }

    fn leave(starts_on: &str, ends_on: &str, days: f64) -> Absence {
        Absence {
            id: 1,
            agent_id: 1,
            kind: LEAVE.into(),
            starts_on: starts_on.into(),
            ends_on: ends_on.into(),
            days,
            status: APPROVED.into(),
            note: None,
            reason: None,
            requested_by: "6".into(),
            decided_by: None,
            decided_at: None,
            created_at: "2026-12-01T08:00:00Z".into(),
        }
    }

    #[test]
    fn christmas_week_of_2026_takes_four_working_days() {
        let days = working_days(date("2026-12-21"), date("2026-12-25"), Calendar::National);
        assert_eq!(days, 4.0);
    }

    #[test]
    fn st_stephens_day_is_off_only_in_alsace_moselle() {
        let from = date("2025-12-22");
        let to = date("2025-12-26");
        assert_eq!(working_days(from, to, Calendar::National), 4.0);
        assert_eq!(working_days(from, to, Calendar::AlsaceMoselle), 3.0);
    }

    #[test]
    fn a_weekend_takes_no_working_day_and_a_reversed_period_none() {
        assert_eq!(
            working_days(date("2026-12-12"), date("2026-12-13"), Calendar::National),
            0.0
        );
        assert_eq!(
            working_days(date("2026-12-13"), date("2026-12-12"), Calendar::National),
            0.0
        );
    }

    #[test]
    fn an_absence_across_new_year_counts_in_each_year_for_its_own_days() {
        // 28 December 2026 to 8 January 2027: 4 days in 2026 (28–31), 5 in
        // 2027 (1 January is a holiday; 4–8 January).
        let a = leave("2026-12-28", "2027-01-08", 9.0);
        assert_eq!(days_in_year(&a, 2026, Calendar::National), 4.0);
        assert_eq!(days_in_year(&a, 2027, Calendar::National), 5.0);
        assert_eq!(days_in_year(&a, 2028, Calendar::National), 0.0);
    }

    #[test]
    fn an_absence_within_a_year_keeps_the_days_counted_when_saved() {
        let a = leave("2026-12-21", "2026-12-25", 4.0);
        assert_eq!(days_in_year(&a, 2026, Calendar::National), 4.0);
    }

    #[test]
    fn default_leave_is_the_contracts_days_pro_rata_rounded_up_to_the_half_day() {
        assert_eq!(
            default_leave(&[contract("2020-09-01", None, 25)], 2026),
            25.0
        );
        // 1 July to 31 December 2026: 184 days of 365, 12.6 days → 13.
        assert_eq!(
            default_leave(&[contract("2026-07-01", None, 25)], 2026),
            13.0
        );
        // 23 November 2026 to 6 April 2027: 39 days in 2026 → 2.67 → 3.
        let season = contract("2026-11-23", Some("2027-04-06"), 25);
        assert_eq!(default_leave(std::slice::from_ref(&season), 2026), 3.0);
        assert_eq!(default_leave(&[season], 2028), 0.0);
        // Two contracts in the year add up: 25 × 181/365 + 30 × 184/365 =
        // 12.4 + 15.1 = 27.5 and a little → 28.
        let both = [
            contract("2026-01-01", Some("2026-06-30"), 25),
            contract("2026-07-01", None, 30),
        ];
        assert_eq!(default_leave(&both, 2026), 28.0);
    }

    #[test]
    fn only_a_request_or_an_approved_absence_not_started_can_be_withdrawn() {
        let today = date("2026-12-07");
        let mut a = leave("2026-12-21", "2026-12-25", 4.0);
        assert!(withdrawable(&a, today));
        a.starts_on = "2026-12-07".into();
        assert!(!withdrawable(&a, today));
        a.status = REQUESTED.into();
        assert!(withdrawable(&a, today));
        a.status = REFUSED.into();
        assert!(!withdrawable(&a, today));
    }

    #[test]
    fn days_are_written_with_a_decimal_comma_in_french() {
        assert_eq!(days_text(4.0, "fr"), "4");
        assert_eq!(days_text(2.5, "fr"), "2,5");
        assert_eq!(days_text(2.5, "en"), "2.5");
    }
}
