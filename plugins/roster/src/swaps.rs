//! Swaps of shifts between two agents of a team: an agent offers one of
//! their future shifts against a colleague's; the colleague accepts or
//! declines; a manager of the team then approves or refuses. Approval
//! checks the rules on the result for both agents (refusals block,
//! warnings need the manager's reason, kept in the audit log), and the two
//! shifts change agents in one transaction that expects both as they were
//! when the swap was proposed (their `version`).
//!
//! States: `proposed` → `accepted` → `approved` or `refused`; `declined`
//! by the colleague; `withdrawn` by the requester before the decision.

use estive_sdk::form::{Form, options};
use estive_sdk::prelude::*;

use crate::access::Access;
use crate::model::{
    ACCEPTED, APPROVED, Agent, DECLINED, Manager, PLANNED, PROPOSED, Place, REFUSED, Shift, Swap,
    Team, WITHDRAWN,
};
use crate::rules::{Finding, Severity};
use crate::shifts::{self, Draft};
use crate::store;
use crate::{notify, tables};

/// The states in which a swap still holds its two shifts.
const OPEN_STATES: [&str; 2] = [PROPOSED, ACCEPTED];

/// The colleague's answers and the requester's withdrawal, all sent to
/// the same address.
const ANSWERS: [&str; 3] = ["accept", "decline", "withdraw"];

/// A manager's two decisions.
const DECISIONS: [&str; 2] = ["approve", "refuse"];

/// The longest note or reason kept.
const MAX_TEXT: usize = 1000;

/// At most this many shifts offered in a list (a season of a team).
const MAX_OFFERED: u32 = 400;

// Reading -------------------------------------------------------------------

/// A swap by id.
fn swap(id: i64) -> Result<Swap, Error> {
    db::select(tables::SWAPS)
        .filter(eq(tables::swaps::ID, id))
        .first()?
        .ok_or_else(|| Error::not_found("swap-not-found"))
}

/// A shift that may have been removed since the swap was proposed.
fn shift_if_any(id: i64) -> Result<Option<Shift>, Error> {
    db::select(tables::SHIFTS)
        .filter(eq(tables::shifts::ID, id))
        .first()
}

/// The ids of the shifts held by swaps not yet settled.
fn held_shifts() -> Result<Vec<i64>, Error> {
    let open: Vec<Swap> = db::select(tables::SWAPS)
        .filter(one_of(tables::swaps::STATUS, OPEN_STATES))
        .fetch()?;
    Ok(open
        .iter()
        .flat_map(|s| [s.shift_id, s.other_shift_id])
        .collect())
}

/// The shifts of published weeks: agents know only those (a draft week
/// may still change entirely).
fn published_only(shifts: Vec<Shift>) -> Result<Vec<Shift>, Error> {
    let mondays: Vec<Date> = shifts
        .iter()
        .filter_map(|s| Date::parse(&s.monday))
        .collect();
    let (Some(first), Some(last)) = (mondays.iter().min(), mondays.iter().max()) else {
        return Ok(shifts);
    };
    let published = store::published_weeks(*first, *last)?;
    Ok(shifts
        .into_iter()
        .filter(|s| published.contains(&(s.team_id, s.monday.clone())))
        .collect())
}

/// An agent's planned shifts of published weeks starting after now, that
/// no open swap holds.
fn offerable_of(agent_id: i64, held: &[i64]) -> Result<Vec<Shift>, Error> {
    let shifts: Vec<Shift> = db::select(tables::SHIFTS)
        .filter(eq(tables::shifts::AGENT_ID, agent_id))
        .filter(eq(tables::shifts::STATUS, PLANNED))
        .filter(gt(
            tables::shifts::STARTS_AT,
            store::now_local().to_string(),
        ))
        .order_asc(tables::shifts::STARTS_AT)
        .limit(MAX_OFFERED)
        .fetch()?;
    Ok(published_only(shifts)?
        .into_iter()
        .filter(|s| !held.contains(&s.id))
        .collect())
}

/// The future planned shifts of the team's published weeks held by
/// colleagues (not by `me`), that no open swap holds.
fn colleagues_shifts(team_id: i64, me: i64, held: &[i64]) -> Result<Vec<Shift>, Error> {
    let shifts: Vec<Shift> = db::select(tables::SHIFTS)
        .filter(eq(tables::shifts::TEAM_ID, team_id))
        .filter(eq(tables::shifts::STATUS, PLANNED))
        .filter(ne(tables::shifts::AGENT_ID, me))
        .filter(gt(
            tables::shifts::STARTS_AT,
            store::now_local().to_string(),
        ))
        .order_asc(tables::shifts::STARTS_AT)
        .limit(MAX_OFFERED)
        .fetch()?;
    Ok(published_only(shifts)?
        .into_iter()
        .filter(|s| s.agent_id.is_some() && !held.contains(&s.id))
        .collect())
}

/// The names shifts are shown with.
struct Names {
    agents: Vec<Agent>,
    places: Vec<Place>,
    teams: Vec<Team>,
}

impl Names {
    fn load() -> Result<Names, Error> {
        Ok(Names {
            agents: store::agents()?,
            places: store::places()?,
            teams: store::teams()?,
        })
    }

    fn agent(&self, id: Option<i64>) -> String {
        id.and_then(|id| self.agents.iter().find(|a| a.id == id))
            .map_or_else(|| i18n::t("swap-nobody"), |a| a.name.clone())
    }

    fn place(&self, id: i64) -> String {
        self.places
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.name.clone())
            .unwrap_or_default()
    }

    fn team(&self, id: i64) -> String {
        self.teams
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.name.clone())
            .unwrap_or_default()
    }

    /// A shift as the pages show it.
    fn shift(&self, s: &Shift) -> serde_json::Value {
        json!({
            "id": s.id,
            "agent": self.agent(s.agent_id),
            "day": s.starts_at.get(..10),
            "start": s.starts_at.get(11..16),
            "end": s.ends_at.get(11..16),
            "place": self.place(s.place_id),
            "team": self.team(s.team_id),
            "task": s.task,
            "status": s.status,
        })
    }

    /// A shift in one line: "lundi 14 décembre 2026, 07:00–14:00, Cantine".
    fn line(&self, s: &Shift, locale: &str) -> String {
        let day = s
            .starts_at
            .get(..10)
            .and_then(Date::parse)
            .map_or_else(|| s.starts_at.clone(), |d| d.long(locale));
        format!(
            "{day}, {}–{}, {}",
            s.starts_at.get(11..16).unwrap_or_default(),
            s.ends_at.get(11..16).unwrap_or_default(),
            self.place(s.place_id)
        )
    }
}

// Who may do what -----------------------------------------------------------

/// What the person of the request is to a swap.
struct Roles {
    requester: bool,
    other: bool,
    /// Plans the team of one of the shifts (sees it).
    sees: bool,
    /// Plans the teams of both shifts and is neither agent (decides it).
    decides: bool,
}

fn roles(access: &Access, swap: &Swap, shifts: &[&Shift]) -> Roles {
    let requester = access.agent_id() == Some(swap.agent_id);
    let other = access.agent_id() == Some(swap.other_agent_id);
    let sees = shifts.iter().any(|s| access.plans_team(s.team_id));
    let decides = !requester
        && !other
        && !shifts.is_empty()
        && shifts.iter().all(|s| access.plans_team(s.team_id));
    Roles {
        requester,
        other,
        sees,
        decides,
    }
}

/// Whether either shift changed (or went) since the swap was proposed.
fn stale(swap: &Swap, shift: Option<&Shift>, other: Option<&Shift>) -> bool {
    let same = |s: Option<&Shift>, version: i64, agent: i64| {
        s.is_some_and(|s| s.version == version && s.agent_id == Some(agent) && s.status == PLANNED)
    };
    !(same(shift, swap.shift_version, swap.agent_id)
        && same(other, swap.other_shift_version, swap.other_agent_id))
}

// The rules on the result ---------------------------------------------------

/// What approving would give: the rules' findings for each agent on the
/// shift they would take, and the days an agent is away on leave.
struct Outcome {
    /// (agent, findings), the requester first.
    findings: Vec<(i64, Vec<Finding>)>,
    /// (agent, day) where an approved absence covers the shift they take.
    absent: Vec<(i64, String)>,
}

impl Outcome {
    fn refused(&self) -> bool {
        !self.absent.is_empty() || self.findings.iter().any(|(_, f)| shifts::refused(f))
    }

    fn warned(&self) -> bool {
        self.findings.iter().any(|(_, f)| shifts::warned(f))
    }

    fn view(&self, names: &Names) -> Vec<serde_json::Value> {
        let mut out: Vec<serde_json::Value> = Vec::new();
        for (agent, findings) in &self.findings {
            for f in shifts::findings_view(findings) {
                out.push(json!({ "agent": names.agent(Some(*agent)), "finding": f }));
            }
        }
        out
    }

    /// The warnings kept in the audit log with the manager's reason.
    fn warnings(&self) -> Vec<serde_json::Value> {
        self.findings
            .iter()
            .flat_map(|(agent, findings)| {
                findings
                    .iter()
                    .filter(|f| f.severity == Severity::Warn)
                    .map(move |f| json!({ "agent": agent, "rule": f.rule, "day": f.day.to_string() }))
            })
            .collect()
    }
}

/// Check the rules for both agents as if the swap were done.
fn outcome(swap: &Swap, shift: &Shift, other: &Shift) -> Result<Outcome, Error> {
    let replacing = [shift.id, other.id];
    let mut findings = Vec::new();
    let mut absent = Vec::new();
    for (agent, taken) in [(swap.agent_id, other), (swap.other_agent_id, shift)] {
        let mut draft = Draft::of(taken)
            .ok_or_else(|| Error::internal(format!("shift {} has unreadable times", taken.id)))?;
        draft.agent_id = Some(agent);
        findings.push((agent, shifts::check(agent, &[draft], &replacing)?));
        let day = taken.starts_at.get(..10).unwrap_or_default().to_owned();
        if let Some(date) = Date::parse(&day) {
            let away = store::approved_absences(Some(agent), date, date)?;
            if store::absent(&away, agent, &day) {
                absent.push((agent, day));
            }
        }
    }
    Ok(Outcome { findings, absent })
}

// Mail ----------------------------------------------------------------------

/// The words of a swap for a message.
fn mail_args(
    req: &Request,
    swap: &Swap,
    shift: &Shift,
    other: &Shift,
    names: &Names,
) -> Vec<(&'static str, String)> {
    vec![
        ("agent", names.agent(Some(swap.agent_id))),
        ("other", names.agent(Some(swap.other_agent_id))),
        ("give", names.line(shift, req.locale())),
        ("take", names.line(other, req.locale())),
        ("reason", swap.reason.clone().unwrap_or_default()),
        ("link", notify::link(req, &format!("/echanges/{}", swap.id))),
    ]
}

/// Mail a message of the catalogue (`swap-mail-<which>-subject` and
/// `-body`) to the agents named.
fn mail_agents(agent_ids: &[i64], which: &str, args: &[(&'static str, String)]) {
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let subject = i18n::t_args(&format!("swap-mail-{which}-subject"), &args);
    let body = i18n::t_args(&format!("swap-mail-{which}-body"), &args);
    for id in agent_ids {
        if let Ok(agent) = store::agent(*id) {
            notify::agent(&agent, &subject, &body);
        }
    }
}

/// Mail the managers of a team that a swap waits for their decision.
fn mail_managers(team_id: i64, args: &[(&'static str, String)]) -> Result<(), Error> {
    let rows: Vec<Manager> = db::select(tables::MANAGERS)
        .filter(eq(tables::managers::TEAM_ID, team_id))
        .fetch()?;
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let subject = i18n::t_args("swap-mail-to-decide-subject", &args);
    let body = i18n::t_args("swap-mail-to-decide-body", &args);
    let mut sent: Vec<&str> = Vec::new();
    for m in &rows {
        if !sent.contains(&m.user_id.as_str()) {
            sent.push(&m.user_id);
            notify::account(&m.user_id, &subject, &body);
        }
    }
    Ok(())
}

// Pages ---------------------------------------------------------------------

/// A swap in a list: its two agents and shifts.
fn row(s: &Swap, shifts: &[Shift], names: &Names) -> serde_json::Value {
    let find = |id: i64| shifts.iter().find(|x| x.id == id).map(|x| names.shift(x));
    json!({
        "swap": s,
        "requester": names.agent(Some(s.agent_id)),
        "other": names.agent(Some(s.other_agent_id)),
        "give": find(s.shift_id),
        "take": find(s.other_shift_id),
    })
}

/// `/echanges`: my proposals, those waiting for my answer, and for
/// managers those waiting for their approval.
///
/// # Errors
/// Forbidden for someone neither on the roster nor a manager; storage
/// failures.
pub fn list(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    if access.agent.is_none() && !access.is_manager() {
        return Err(Error::forbidden("roster-not-an-agent"));
    }
    let mut swaps: Vec<Swap> = Vec::new();
    if let Some(me) = access.agent_id() {
        let mine: Vec<Swap> = db::select(tables::SWAPS)
            .filter(eq(tables::swaps::AGENT_ID, me))
            .order_desc(tables::swaps::CREATED_AT)
            .limit(100)
            .fetch()?;
        let theirs: Vec<Swap> = db::select(tables::SWAPS)
            .filter(eq(tables::swaps::OTHER_AGENT_ID, me))
            .order_desc(tables::swaps::CREATED_AT)
            .limit(100)
            .fetch()?;
        swaps.extend(mine);
        swaps.extend(theirs);
    }
    let mut to_decide: Vec<Swap> = Vec::new();
    if access.is_manager() {
        to_decide = db::select(tables::SWAPS)
            .filter(eq(tables::swaps::STATUS, ACCEPTED))
            .order_asc(tables::swaps::UPDATED_AT)
            .fetch()?;
    }
    let mut ids: Vec<i64> = swaps
        .iter()
        .chain(&to_decide)
        .flat_map(|s| [s.shift_id, s.other_shift_id])
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let shifts: Vec<Shift> = if ids.is_empty() {
        Vec::new()
    } else {
        db::select(tables::SHIFTS)
            .filter(one_of(tables::shifts::ID, ids))
            .fetch()?
    };
    let to_decide: Vec<&Swap> = to_decide
        .iter()
        .filter(|s| {
            let pair: Vec<&Shift> = shifts
                .iter()
                .filter(|x| x.id == s.shift_id || x.id == s.other_shift_id)
                .collect();
            roles(&access, s, &pair).decides
        })
        .collect();
    let names = Names::load()?;
    let me = access.agent_id();
    let answer: Vec<serde_json::Value> = swaps
        .iter()
        .filter(|s| Some(s.other_agent_id) == me && s.status == PROPOSED)
        .map(|s| row(s, &shifts, &names))
        .collect();
    let proposed: Vec<serde_json::Value> = swaps
        .iter()
        .filter(|s| Some(s.agent_id) == me)
        .map(|s| row(s, &shifts, &names))
        .collect();
    let received: Vec<serde_json::Value> = swaps
        .iter()
        .filter(|s| Some(s.other_agent_id) == me && s.status != PROPOSED)
        .map(|s| row(s, &shifts, &names))
        .collect();
    let decide: Vec<serde_json::Value> =
        to_decide.iter().map(|s| row(s, &shifts, &names)).collect();
    Ok(view("swaps.html")
        .title(i18n::t("swap-list-title"))
        .crumb(i18n::t("roster-title"), req.url("/"))
        .with(json!({
            "agent": access.agent,
            "manager": access.is_manager(),
            "answer": answer,
            "proposed": proposed,
            "received": received,
            "decide": decide,
        }))
        .into())
}

/// The form to propose a swap: first one's own shift (a GET form), then
/// the colleague's shift to take, with what was sent and its errors.
fn form_page(
    req: &Request,
    mine: &[Shift],
    chosen: Option<&Shift>,
    theirs: &[Shift],
    invalid: Option<&Error>,
) -> Result<View, Error> {
    let names = Names::load()?;
    let locale = req.locale();
    let mut form = Form::new("roster-swap")
        .label("creneau", "swap-give")
        .label("other_shift_id", "swap-take")
        .label("note", "swap-note");
    if let Some(s) = chosen {
        form = form.values(json!({ "creneau": s.id, "shift_id": s.id }));
    }
    if let Some(invalid) = invalid {
        form = form.sent(req).errors(invalid);
    }
    let mine_options = options(mine.iter().map(|s| (s.id, names.line(s, locale))));
    let theirs_options = options(theirs.iter().map(|s| {
        (
            s.id,
            format!("{} — {}", names.agent(s.agent_id), names.line(s, locale)),
        )
    }));
    Ok(view("swap_form.html")
        .title(i18n::t("swap-new-title"))
        .crumb(i18n::t("roster-title"), req.url("/"))
        .crumb(i18n::t("swap-list-title"), req.url("/echanges"))
        .with(json!({
            "mine": mine_options,
            "chosen": chosen.map(|s| names.shift(s)),
            "theirs": theirs_options,
        }))
        .form(form))
}

/// `/echanges/nouveau`: an agent proposes to swap one of their future
/// shifts (`?creneau=<id>`, or chosen first) against a colleague's of the
/// same team.
///
/// # Errors
/// Forbidden to someone not on the roster; storage failures.
pub fn new(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let Some(me) = access.agent.clone() else {
        return Err(Error::forbidden("roster-not-an-agent"));
    };
    let held = held_shifts()?;
    let mine = offerable_of(me.id, &held)?;
    let asked = if req.is_post() {
        req.form("shift_id")
    } else {
        req.query("creneau")
    };
    let Some(asked) = asked.filter(|a| !a.trim().is_empty()) else {
        return Ok(form_page(req, &mine, None, &[], None)?.into());
    };
    let chosen = asked
        .trim()
        .parse::<i64>()
        .ok()
        .and_then(|id| mine.iter().find(|s| s.id == id));
    let Some(chosen) = chosen else {
        // Someone else's shift, a past one, or one already in a swap.
        let wrong = Error::invalid("creneau", "swap-give-not-offerable");
        return Ok(form_page(req, &mine, None, &[], Some(&wrong))?.into());
    };
    let theirs = colleagues_shifts(chosen.team_id, me.id, &held)?;
    if !req.is_post() {
        return Ok(form_page(req, &mine, Some(chosen), &theirs, None)?.into());
    }
    let allowed: Vec<String> = theirs.iter().map(|s| s.id.to_string()).collect();
    let mut f = req.validator();
    let taken = f.choice("other_shift_id", &allowed).value();
    let note = f.text("note").max_len(MAX_TEXT).optional();
    if let Err(invalid) = f.finish() {
        return Ok(form_page(req, &mine, Some(chosen), &theirs, Some(&invalid))?.into());
    }
    let Some(other) = theirs.iter().find(|s| s.id.to_string() == taken) else {
        return Err(Error::not_found("roster-shift-not-found"));
    };
    let Some(other_agent) = other.agent_id else {
        return Err(Error::not_found("roster-shift-not-found"));
    };
    let now = store::now_utc();
    let pair = [chosen.id, other.id];
    let mut tx = db::transaction();
    // Neither shift may enter a second open swap, nor have changed since
    // the page was read.
    for column in [tables::swaps::SHIFT_ID, tables::swaps::OTHER_SHIFT_ID] {
        tx.expect_none(
            tables::SWAPS,
            [
                one_of(column, pair),
                one_of(tables::swaps::STATUS, OPEN_STATES),
            ],
            "swap-shift-taken",
        );
    }
    for s in [chosen, other] {
        tx.expect(
            tables::SHIFTS,
            [
                eq(tables::shifts::ID, s.id),
                eq(tables::shifts::VERSION, s.version),
            ],
            db::Measure::count_rows(),
            Some(1.0),
            None,
            "swap-shifts-changed",
        );
    }
    let insert = tx.insert(
        tables::SWAPS,
        &json!({
            "shift_id": chosen.id,
            "other_shift_id": other.id,
            "shift_version": chosen.version,
            "other_shift_version": other.version,
            "agent_id": me.id,
            "other_agent_id": other_agent,
            "status": PROPOSED,
            "note": note,
            "created_at": now,
            "updated_at": now,
        }),
    );
    let outcomes = match tx.commit() {
        Ok(outcomes) => outcomes,
        Err(Error::Conflict(message)) => {
            let clash = Error::invalid("other_shift_id", message);
            return Ok(form_page(req, &mine, Some(chosen), &theirs, Some(&clash))?
                .status(409)
                .into());
        }
        Err(e) => return Err(e),
    };
    let id = insert
        .id(&outcomes)
        .ok_or_else(|| Error::internal("the swap was not inserted"))?;
    let saved = Swap {
        id,
        shift_id: chosen.id,
        other_shift_id: other.id,
        shift_version: chosen.version,
        other_shift_version: other.version,
        agent_id: me.id,
        other_agent_id: other_agent,
        status: PROPOSED.to_owned(),
        note,
        reason: None,
        decided_by: None,
        created_at: now.clone(),
        updated_at: now,
    };
    let names = Names::load()?;
    mail_agents(
        &[other_agent],
        "proposed",
        &mail_args(req, &saved, chosen, other, &names),
    );
    Ok(redirect(req.url(&format!("/echanges/{id}")))
        .notice("swap-proposed-notice")
        .into())
}

/// The page of a swap, with the forms its viewer may use (and the
/// decision form's errors when given).
fn show_page(
    req: &Request,
    access: &Access,
    swap: &Swap,
    invalid: Option<&Error>,
) -> Result<View, Error> {
    let shift = shift_if_any(swap.shift_id)?;
    let other = shift_if_any(swap.other_shift_id)?;
    let present: Vec<&Shift> = shift.iter().chain(other.iter()).collect();
    let who = roles(access, swap, &present);
    if !who.requester && !who.other && !who.sees {
        return Err(Error::forbidden("swap-not-yours"));
    }
    let names = Names::load()?;
    let is_stale =
        OPEN_STATES.contains(&swap.status.as_str()) && stale(swap, shift.as_ref(), other.as_ref());
    let decide = who.decides && swap.status == ACCEPTED;
    let mut findings = Vec::new();
    let mut absent = Vec::new();
    let (mut blocked, mut warned) = (false, false);
    if decide
        && !is_stale
        && let (Some(shift), Some(other)) = (&shift, &other)
    {
        let result = outcome(swap, shift, other)?;
        findings = result.view(&names);
        absent = result
            .absent
            .iter()
            .map(|(agent, day)| json!({ "agent": names.agent(Some(*agent)), "day": day }))
            .collect();
        blocked = result.refused();
        warned = result.warned();
    }
    let mut form = Form::new("roster-swap-decision")
        .label("decision", "swap-decision")
        .label("reason", "swap-reason");
    if let Some(invalid) = invalid {
        form = form.sent(req).errors(invalid);
    }
    let decisions = options(DECISIONS.map(|d| (d, i18n::t(&format!("swap-decision-{d}")))));
    Ok(view("swap.html")
        .title(i18n::t_args(
            "swap-title",
            &[
                ("agent", &names.agent(Some(swap.agent_id))),
                ("other", &names.agent(Some(swap.other_agent_id))),
            ],
        ))
        .crumb(i18n::t("roster-title"), req.url("/"))
        .crumb(i18n::t("swap-list-title"), req.url("/echanges"))
        .with(json!({
            "swap": swap,
            "requester": names.agent(Some(swap.agent_id)),
            "other": names.agent(Some(swap.other_agent_id)),
            "give": shift.as_ref().map(|s| names.shift(s)),
            "take": other.as_ref().map(|s| names.shift(s)),
            "stale": is_stale,
            "answer": who.other && swap.status == PROPOSED && !is_stale,
            "withdraw": who.requester && OPEN_STATES.contains(&swap.status.as_str()),
            "decide": decide,
            "findings": findings,
            "absent": absent,
            "blocked": blocked,
            "warned": warned,
            "decisions": decisions,
            "decided_by": swap.decided_by.as_deref().map(decider_name).transpose()?,
        }))
        .form(form))
}

/// The name of the manager who decided, from the managers' rows or the
/// accounts the roster saw.
fn decider_name(user_id: &str) -> Result<String, Error> {
    let manager: Option<Manager> = db::select(tables::MANAGERS)
        .filter(eq(tables::managers::USER_ID, user_id))
        .first()?;
    if let Some(m) = manager {
        return Ok(m.user_name);
    }
    let account: Option<crate::model::Account> = db::select(tables::ACCOUNTS)
        .filter(eq(tables::accounts::USER_ID, user_id))
        .first()?;
    if let Some(a) = account {
        return Ok(a.name);
    }
    let agent: Option<Agent> = db::select(tables::AGENTS)
        .filter(eq(tables::agents::USER_ID, user_id))
        .first()?;
    Ok(agent.map_or_else(|| i18n::t("swap-someone"), |a| a.name))
}

/// `/echanges/{id}`: the two shifts before and after, and what one may do.
///
/// # Errors
/// Not found; forbidden to anyone but the two agents and the managers of
/// the team; storage failures.
pub fn show(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let swap = swap(req.param_id("id")?)?;
    Ok(show_page(req, &access, &swap, None)?.into())
}

/// Change a swap's status in a transaction that expects it unchanged.
fn set_status(
    swap: &Swap,
    status: &str,
    extra: Option<(&str, serde_json::Value)>,
) -> Result<(), Error> {
    let mut tx = db::transaction();
    tx.expect(
        tables::SWAPS,
        [
            eq(tables::swaps::ID, swap.id),
            eq(tables::swaps::STATUS, swap.status.as_str()),
        ],
        db::Measure::count_rows(),
        Some(1.0),
        None,
        "swap-changed-meanwhile",
    );
    tx.update(
        db::update(tables::SWAPS)
            .filter(eq(tables::swaps::ID, swap.id))
            .set(tables::swaps::STATUS, status)
            .set(tables::swaps::UPDATED_AT, store::now_utc()),
    );
    if let Some((action, details)) = extra {
        tx.audit(action, &format!("swap:{}", swap.id), &details);
    }
    tx.commit()?;
    Ok(())
}

/// `/echanges/{id}/reponse`: the colleague accepts or declines a
/// proposal; the requester withdraws it before the decision.
///
/// # Errors
/// Not found; forbidden to others; conflict when the swap moved on
/// meanwhile; storage failures.
pub fn answer(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let swap = swap(req.param_id("id")?)?;
    let mut f = req.validator();
    let answer = f.choice("answer", &ANSWERS).value();
    f.finish()?;
    let shift = shift_if_any(swap.shift_id)?;
    let other = shift_if_any(swap.other_shift_id)?;
    let names = Names::load()?;
    let status = match answer.as_str() {
        "withdraw" => {
            if access.agent_id() != Some(swap.agent_id) {
                return Err(Error::forbidden("swap-not-yours"));
            }
            if !OPEN_STATES.contains(&swap.status.as_str()) {
                return Err(Error::conflict("swap-not-open"));
            }
            WITHDRAWN
        }
        _ => {
            if access.agent_id() != Some(swap.other_agent_id) {
                return Err(Error::forbidden("swap-not-yours"));
            }
            if swap.status != PROPOSED {
                return Err(Error::conflict("swap-not-open"));
            }
            if answer == "accept" && stale(&swap, shift.as_ref(), other.as_ref()) {
                return Err(Error::conflict("swap-shifts-changed"));
            }
            if answer == "accept" {
                ACCEPTED
            } else {
                DECLINED
            }
        }
    };
    set_status(&swap, status, None)?;
    if let (Some(shift), Some(other)) = (&shift, &other) {
        let args = mail_args(req, &swap, shift, other, &names);
        match status {
            ACCEPTED => {
                mail_agents(&[swap.agent_id], "accepted", &args);
                mail_managers(shift.team_id, &args)?;
            }
            DECLINED => mail_agents(&[swap.agent_id], "declined", &args),
            _ => mail_agents(&[swap.other_agent_id], "withdrawn", &args),
        }
    }
    Ok(redirect(req.url(&format!("/echanges/{}", swap.id)))
        .notice(format!("swap-{status}-notice"))
        .into())
}

/// `/echanges/{id}/decision`: a manager of the team approves (the rules
/// checked for both agents; the two shifts change agents in one
/// transaction expecting both as proposed) or refuses with a reason.
///
/// # Errors
/// Not found; forbidden to anyone but a manager of the team; conflict
/// when the swap or a shift changed meanwhile; storage failures.
pub fn decide(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let user = req.require_user()?;
    let swap = swap(req.param_id("id")?)?;
    let shift = shift_if_any(swap.shift_id)?;
    let other = shift_if_any(swap.other_shift_id)?;
    let present: Vec<&Shift> = shift.iter().chain(other.iter()).collect();
    if !roles(&access, &swap, &present).decides {
        return Err(Error::forbidden("swap-not-your-team"));
    }
    if swap.status != ACCEPTED {
        return Err(Error::conflict("swap-not-waiting"));
    }
    let mut f = req.validator();
    let decision = f.choice("decision", &DECISIONS).value();
    let reason = f.text("reason").max_len(MAX_TEXT).optional();
    if decision == "refuse" && reason.is_none() {
        f.error("reason", "swap-reason-required");
    }
    let mut result = None;
    if decision == "approve" {
        match (&shift, &other) {
            (Some(s), Some(o)) if !stale(&swap, Some(s), Some(o)) => {
                let found = outcome(&swap, s, o)?;
                if found.refused() {
                    f.error("decision", "swap-rules-refuse");
                } else if found.warned() && reason.is_none() {
                    f.error("reason", "swap-reason-for-warnings");
                }
                result = Some(found);
            }
            _ => f.error("decision", "swap-shifts-changed"),
        }
    }
    if let Err(invalid) = f.finish() {
        return Ok(show_page(req, &access, &swap, Some(&invalid))?.into());
    }
    let names = Names::load()?;
    let now = store::now_utc();
    let status = if decision == "approve" {
        APPROVED
    } else {
        REFUSED
    };
    if let (Some(found), Some(s), Some(o)) = (&result, &shift, &other) {
        let override_reason = if found.warned() {
            reason.as_deref()
        } else {
            None
        };
        // The two shifts change agents at once, each expected at the
        // version it had when the swap was proposed, in the same
        // transaction as the swap's own approval, which expects it still
        // accepted: a second manager, or a withdrawal at the same moment,
        // gets a conflict and nothing is half-done.
        let approval = db::update(tables::SWAPS)
            .filter(eq(tables::swaps::ID, swap.id))
            .set(tables::swaps::STATUS, APPROVED)
            .set(tables::swaps::REASON, reason.clone())
            .set(tables::swaps::DECIDED_BY, user.id.as_str())
            .set(tables::swaps::UPDATED_AT, now);
        let details = json!({
            "shifts": [s.id, o.id],
            "agents": [swap.agent_id, swap.other_agent_id],
            "reason": reason,
            "warnings": found.warnings(),
        });
        shifts::reassign_with(
            &[
                (s.clone(), Some(swap.other_agent_id)),
                (o.clone(), Some(swap.agent_id)),
            ],
            override_reason,
            user,
            |tx| {
                tx.expect(
                    tables::SWAPS,
                    [
                        eq(tables::swaps::ID, swap.id),
                        eq(tables::swaps::STATUS, ACCEPTED),
                    ],
                    db::Measure::count_rows(),
                    Some(1.0),
                    Some(1.0),
                    "swap-not-waiting",
                );
                tx.update(approval);
                tx.audit(
                    "roster.swap.approved",
                    &format!("swap:{}", swap.id),
                    &details,
                );
            },
        )?;
    } else {
        let mut tx = db::transaction();
        tx.expect(
            tables::SWAPS,
            [
                eq(tables::swaps::ID, swap.id),
                eq(tables::swaps::STATUS, ACCEPTED),
            ],
            db::Measure::count_rows(),
            Some(1.0),
            None,
            "swap-changed-meanwhile",
        );
        tx.update(
            db::update(tables::SWAPS)
                .filter(eq(tables::swaps::ID, swap.id))
                .set(tables::swaps::STATUS, REFUSED)
                .set(tables::swaps::REASON, reason.clone())
                .set(tables::swaps::DECIDED_BY, user.id.as_str())
                .set(tables::swaps::UPDATED_AT, now),
        );
        tx.audit(
            "roster.swap.refused",
            &format!("swap:{}", swap.id),
            &json!({
                "shifts": [swap.shift_id, swap.other_shift_id],
                "agents": [swap.agent_id, swap.other_agent_id],
                "reason": reason,
            }),
        );
        tx.commit()?;
    }
    if let (Some(s), Some(o)) = (&shift, &other) {
        let decided = Swap {
            reason: reason.clone(),
            ..swap.clone()
        };
        mail_agents(
            &[swap.agent_id, swap.other_agent_id],
            status,
            &mail_args(req, &decided, s, o, &names),
        );
    }
    Ok(redirect(req.url(&format!("/echanges/{}", swap.id)))
        .notice(format!("swap-{status}-notice"))
        .into())
}
