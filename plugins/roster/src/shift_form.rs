//! The shift pages: add and edit a shift (with the rules' findings shown
//! as the manager types), remove it, see it, and take an open one.

use estive_sdk::dates::{Date, DateTime};
use estive_sdk::form::{Choice, Form, options};
use estive_sdk::prelude::*;

use crate::access::Access;
use crate::model::{Agent, Contract, OPEN, PUBLISHED, Place, Shift, Team, Week};
use crate::rules::Severity;
use crate::shifts::{self, Draft};
use crate::store;
use crate::tables;

/// What a refusal of the rules is shown beside.
fn field_of(rule: &str) -> &'static str {
    match rule {
        "end-before-start" | "too-long" => "end",
        "overlap" => "start",
        "outside-contract" => "day",
        _ => "agent",
    }
}

/// `HH:MM` (or `H:MM`, `HHhMM`) to hours and minutes.
pub fn parse_hm(text: &str) -> Option<(u32, u32)> {
    let text = text.trim();
    let (h, m) = text.split_once([':', 'h', 'H'])?;
    let h: u32 = h.trim().parse().ok()?;
    let m: u32 = if m.trim().is_empty() {
        0
    } else {
        m.trim().parse().ok()?
    };
    (h < 24 && m < 60 && m.to_string().len() <= 2).then_some((h, m))
}

/// A day and `HH:MM` to a wall time.
pub fn at(day: Date, (h, m): (u32, u32)) -> Option<DateTime> {
    DateTime::new(day, h, m, 0)
}

/// The choices the form offers to a manager.
struct Choices {
    teams: Vec<Team>,
    agents: Vec<(Agent, Vec<Contract>)>,
    places: Vec<Place>,
}

impl Choices {
    fn load(access: &Access) -> Result<Choices, Error> {
        let teams: Vec<Team> = store::teams()?
            .into_iter()
            .filter(|t| t.active && (access.plans_team(t.id) || !access.places.is_empty()))
            .collect();
        let contracts = store::all_contracts()?;
        let team_ids: Vec<i64> = teams.iter().map(|t| t.id).collect();
        let agents = store::agents()?
            .into_iter()
            .filter(|a| a.active)
            .map(|a| {
                let mine: Vec<Contract> = contracts
                    .iter()
                    .filter(|c| c.agent_id == a.id)
                    .cloned()
                    .collect();
                (a, mine)
            })
            .filter(|(_, cs)| {
                cs.iter()
                    .any(|c| c.teams.iter().any(|t| team_ids.contains(t)))
            })
            .collect();
        let places = store::places()?
            .into_iter()
            .filter(|p| p.active)
            .filter(|p| access.all || !access.teams.is_empty() || access.places.contains(&p.id))
            .collect();
        Ok(Choices {
            teams,
            agents,
            places,
        })
    }

    fn context(&self) -> serde_json::Value {
        let teams: Vec<Choice> = options(
            self.teams
                .iter()
                .map(|t| (t.id.to_string(), t.name.clone())),
        );
        let mut agents: Vec<Choice> = vec![];
        agents.extend(options(
            self.agents
                .iter()
                .map(|(a, _)| (a.id.to_string(), a.name.clone())),
        ));
        let places: Vec<Choice> = options(
            self.places
                .iter()
                .map(|p| (p.id.to_string(), p.name.clone())),
        );
        json!({ "teams": teams, "agents": agents, "places": places })
    }
}

/// The values of a shift for the form.
fn values_of(shift: &Shift) -> serde_json::Value {
    let day = shift.starts_at.get(..10).unwrap_or_default();
    json!({
        "team": shift.team_id.to_string(),
        "agent": shift.agent_id.map(|a| a.to_string()).unwrap_or_default(),
        "place": shift.place_id.to_string(),
        "day": day,
        "start": shift.starts_at.get(11..16).unwrap_or_default(),
        "end": shift.ends_at.get(11..16).unwrap_or_default(),
        "break_minutes": shift.break_minutes.to_string(),
        "task": shift.task.clone().unwrap_or_default(),
        "skill": shift.skill.clone().unwrap_or_default(),
        "version": shift.version.to_string(),
    })
}

fn labelled(form: Form) -> Form {
    form.label("team", "shift-team")
        .label("agent", "shift-agent")
        .label("place", "shift-place")
        .label("day", "shift-day")
        .label("start", "shift-start")
        .label("end", "shift-end")
        .label("break_minutes", "shift-break")
        .label("task", "shift-task")
        .label("skill", "shift-skill")
        .label("override_reason", "shift-override-reason")
}

/// What the form page shows besides the form.
struct Shown<'a> {
    shift: Option<&'a Shift>,
    findings: Vec<serde_json::Value>,
    warned: bool,
}

fn form_page(req: &Request, access: &Access, form: Form, shown: Shown) -> Result<Response, Error> {
    let choices = Choices::load(access)?;
    let monday = shown
        .shift
        .map(|s| s.monday.clone())
        .or_else(|| {
            req.form("day")
                .or_else(|| req.query("day"))
                .and_then(Date::parse)
                .map(|d| d.monday().to_string())
        })
        .unwrap_or_else(|| store::today().monday().to_string());
    let title = if shown.shift.is_some() {
        i18n::t("shift-edit-title")
    } else {
        i18n::t("shift-new-title")
    };
    Ok(view("shift_form.html")
        .title(title)
        .crumb(i18n::t("roster-title"), req.url("/"))
        .crumb(
            i18n::t("week-title-short"),
            req.url(&format!("/semaine/{monday}")),
        )
        .with(json!({
            "shift": shown.shift,
            "choices": choices.context(),
            "findings": shown.findings,
            "warned": shown.warned,
            "monday": monday,
        }))
        .form(labelled(form))
        .into())
}

/// Read the form into a draft, with field errors for what cannot be read.
fn read(req: &Request, access: &Access) -> Result<(Draft, Option<String>), Error> {
    let choices = Choices::load(access)?;
    let mut f = req.validator();
    let team_ids: Vec<String> = choices.teams.iter().map(|t| t.id.to_string()).collect();
    let team = f.choice("team", &team_ids).value();
    let agent_ids: Vec<String> = choices
        .agents
        .iter()
        .map(|(a, _)| a.id.to_string())
        .collect();
    let agent = f.choice("agent", &agent_ids).optional();
    let place_ids: Vec<String> = choices.places.iter().map(|p| p.id.to_string()).collect();
    let place = f.choice("place", &place_ids).value();
    let day = f.date("day").value();
    let start_text = f.text("start").required().max_len(5).value();
    let end_text = f.text("end").required().max_len(5).value();
    let start = parse_hm(&start_text);
    let end = parse_hm(&end_text);
    if !start_text.is_empty() && start.is_none() {
        f.error("start", "shift-time-invalid");
    }
    if !end_text.is_empty() && end.is_none() {
        f.error("end", "shift-time-invalid");
    }
    let break_minutes = f.int("break_minutes").range(0, 240).or(0);
    let task = f.text("task").max_len(200).optional();
    let skill = f.text("skill").max_len(80).optional();
    let reason = f.text("override_reason").max_len(1000).optional();
    let team_id: i64 = team.parse().unwrap_or_default();
    let place_id: i64 = place.parse().unwrap_or_default();
    if team_id > 0 && place_id > 0 && !access.plans(team_id, place_id) {
        f.error("place", "roster-not-your-team");
    }
    if start.is_some() && start == end {
        f.error("end", "shift-end-equals-start");
    }
    f.finish()?;
    let (Some(start), Some(end)) = (start, end) else {
        return Err(Error::internal("times were checked"));
    };
    let starts = at(day, start).ok_or_else(|| Error::invalid("start", "shift-time-invalid"))?;
    // An end at or before the start crosses midnight: the next day.
    let end_day = if end <= start { day.add_days(1) } else { day };
    let ends = at(end_day, end).ok_or_else(|| Error::invalid("end", "shift-time-invalid"))?;
    Ok((
        Draft {
            team_id,
            agent_id: agent.and_then(|a| a.parse().ok()),
            place_id,
            start: starts,
            end: ends,
            break_minutes,
            task,
            skill,
            template_id: None,
        },
        reason,
    ))
}

/// Check a draft; `Ok(None)` when it may be saved (with the reason to
/// keep warnings), `Ok(Some(page))` to show the form again.
fn checked(
    req: &Request,
    access: &Access,
    draft: &Draft,
    reason: Option<&str>,
    shift: Option<&Shift>,
) -> Result<Option<Response>, Error> {
    let Some(agent_id) = draft.agent_id else {
        return Ok(None);
    };
    let replacing: Vec<i64> = shift.map(|s| s.id).into_iter().collect();
    let findings = shifts::check(agent_id, std::slice::from_ref(draft), &replacing)?;
    let refused = shifts::refused(&findings);
    let warned = shifts::warned(&findings);
    if !refused && (!warned || reason.is_some()) {
        return Ok(None);
    }
    let mut f = req.validator();
    for finding in findings.iter().filter(|x| x.severity == Severity::Refuse) {
        f.error(field_of(finding.rule), finding.message());
    }
    if !refused && warned {
        f.error("override_reason", "shift-override-needed");
    }
    let invalid = f
        .finish()
        .err()
        .unwrap_or_else(|| Error::invalid("start", "shift-refused"));
    let form = Form::new("shift").sent(req).errors(&invalid);
    let form = match shift {
        Some(s) => form.values(json!({ "version": s.version.to_string() })),
        None => form,
    };
    form_page(
        req,
        access,
        form,
        Shown {
            shift,
            findings: shifts::findings_view(&findings),
            warned: warned && !refused,
        },
    )
    .map(Some)
}

/// `GET/POST /creneaux/nouveau`: a new shift (`?day=&agent=&team=&place=`
/// fill the form from the week grid).
///
/// # Errors
/// Forbidden without a team to plan; storage failures.
pub fn new(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    access.require_manager()?;
    let user = req.require_user()?;
    if !req.is_post() {
        let mut defaults = json!({ "break_minutes": "0" });
        for name in ["day", "agent", "team", "place", "start", "end"] {
            if let Some(v) = req.query(name) {
                defaults[name] = json!(v);
            }
        }
        return form_page(
            req,
            &access,
            Form::new("shift").values(defaults),
            Shown {
                shift: None,
                findings: vec![],
                warned: false,
            },
        );
    }
    let (draft, reason) = match read(req, &access) {
        Ok(x) => x,
        Err(invalid @ Error::Invalid(..)) => {
            let form = Form::new("shift").sent(req).errors(&invalid);
            return form_page(
                req,
                &access,
                form,
                Shown {
                    shift: None,
                    findings: vec![],
                    warned: false,
                },
            );
        }
        Err(e) => return Err(e),
    };
    if let Some(page) = checked(req, &access, &draft, reason.as_deref(), None)? {
        return Ok(page);
    }
    let (monday, team) = (draft.monday(), draft.team_id);
    shifts::insert(vec![draft], reason.as_deref(), user)?;
    Ok(
        redirect(req.url(&format!("/semaine/{monday}?equipe={team}")))
            .notice("shift-saved")
            .into(),
    )
}

/// `GET/POST /creneaux/{id}`: managers edit it; an agent sees it (their
/// own, or their team's once published) with what they may do.
///
/// # Errors
/// Not found, forbidden, a conflict; storage failures.
pub fn edit(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let shift = store::shift(req.param_id("id")?)?;
    if !access.plans_shift(&shift) {
        if req.is_post() {
            return Err(Error::forbidden("roster-not-your-team"));
        }
        return detail(req, &access, &shift);
    }
    let user = req.require_user()?;
    if !req.is_post() {
        let form = Form::new("shift").values(values_of(&shift));
        return form_page(
            req,
            &access,
            form,
            Shown {
                shift: Some(&shift),
                findings: vec![],
                warned: false,
            },
        );
    }
    let (draft, reason) = match read(req, &access) {
        Ok(x) => x,
        Err(invalid @ Error::Invalid(..)) => {
            let form = Form::new("shift").sent(req).errors(&invalid);
            return form_page(
                req,
                &access,
                form,
                Shown {
                    shift: Some(&shift),
                    findings: vec![],
                    warned: false,
                },
            );
        }
        Err(e) => return Err(e),
    };
    // The version the manager read: a save over someone else's change is
    // a conflict, not a silent overwrite.
    let read_version: i64 = req
        .form("version")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    if read_version != shift.version {
        return conflict_page(req, &access, &shift);
    }
    if let Some(page) = checked(req, &access, &draft, reason.as_deref(), Some(&shift))? {
        return Ok(page);
    }
    match shifts::update(&shift, &draft, reason.as_deref(), user) {
        Ok(()) => {}
        Err(Error::Conflict(msg)) if msg == "roster-conflict-changed" => {
            let fresh = store::shift(shift.id)?;
            return conflict_page(req, &access, &fresh);
        }
        Err(e) => return Err(e),
    }
    Ok(redirect(req.url(&format!(
        "/semaine/{}?equipe={}",
        draft.monday(),
        draft.team_id
    )))
    .notice("shift-saved")
    .into())
}

/// The form again after another manager saved the shift first: what is
/// stored now, what this manager typed, nothing overwritten.
fn conflict_page(req: &Request, access: &Access, shift: &Shift) -> Result<Response, Error> {
    let fresh = store::shift(shift.id)?;
    let invalid = Error::invalid("start", "shift-conflict-changed");
    let form = Form::new("shift")
        .sent(req)
        .errors(&invalid)
        .values(json!({ "version": fresh.version.to_string() }));
    let page = form_page(
        req,
        access,
        form,
        Shown {
            shift: Some(&fresh),
            findings: vec![],
            warned: false,
        },
    )?;
    Ok(with_status(page, 409))
}

fn with_status(resp: Response, status: u16) -> Response {
    match resp {
        Response::View(v) => Response::View(v.status(status)),
        other => other,
    }
}

/// An agent's view of a shift.
fn detail(req: &Request, access: &Access, shift: &Shift) -> Result<Response, Error> {
    let own = shift.agent_id.is_some() && shift.agent_id == access.agent_id();
    let week: Option<Week> = db::select(tables::WEEKS)
        .filter(eq(tables::weeks::TEAM_ID, shift.team_id))
        .filter(eq(tables::weeks::MONDAY, shift.monday.as_str()))
        .first()?;
    let published = week.is_some_and(|w| w.status == PUBLISHED);
    if !published || !(own || access.member_of.contains(&shift.team_id)) {
        return Err(Error::not_found("roster-shift-not-found"));
    }
    let may_take = shift.status == OPEN && take_refusal(access, shift)?.is_none();
    let agent = shift.agent_id.map(store::agent).transpose()?;
    Ok(view("shift.html")
        .title(i18n::t("shift-detail-title"))
        .crumb(i18n::t("roster-title"), req.url("/"))
        .with(json!({
            "shift": shift,
            "agent": agent,
            "place": store::place(shift.place_id).ok(),
            "team": store::team(shift.team_id).ok(),
            "own": own,
            "may_take": may_take,
        }))
        .into())
}

/// Why the person may not take an open shift, or None.
fn take_refusal(access: &Access, shift: &Shift) -> Result<Option<String>, Error> {
    let Some(agent_id) = access.agent_id() else {
        return Ok(Some(i18n::t("roster-not-an-agent")));
    };
    if !access.member_of.contains(&shift.team_id) {
        return Ok(Some(i18n::t("shift-take-not-team")));
    }
    let Some(mut draft) = Draft::of(shift) else {
        return Ok(Some(i18n::t("shift-take-refused")));
    };
    draft.agent_id = Some(agent_id);
    let findings = shifts::check(agent_id, &[draft], &[shift.id])?;
    Ok(findings
        .iter()
        .find(|f| f.severity != Severity::Note)
        .map(crate::rules::Finding::message))
}

/// `POST /creneaux/{id}/prendre`: an agent takes an open shift they are
/// qualified for; a rule it would break sends them to their manager.
///
/// # Errors
/// Not found, forbidden, a conflict (taken meanwhile).
pub fn take(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let user = req.require_user()?;
    let shift = store::shift(req.param_id("id")?)?;
    if shift.status != OPEN {
        return Err(Error::conflict("shift-take-gone"));
    }
    if let Some(why) = take_refusal(&access, &shift)? {
        return Err(Error::forbidden(why));
    }
    let agent_id = access.agent_id();
    match shifts::reassign(&[(shift.clone(), agent_id)], None, user) {
        Ok(()) => {}
        Err(Error::Conflict(_)) => return Err(Error::conflict("shift-take-gone")),
        Err(e) => return Err(e),
    }
    Ok(redirect(req.url("/mon-planning"))
        .notice("shift-taken")
        .into())
}

/// `POST /creneaux/{id}/supprimer`.
///
/// # Errors
/// Not found, forbidden, a conflict.
pub fn delete(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let user = req.require_user()?;
    let shift = store::shift(req.param_id("id")?)?;
    access.require_plans(shift.team_id, shift.place_id)?;
    let read_version: i64 = req
        .form("version")
        .and_then(|v| v.parse().ok())
        .unwrap_or(shift.version);
    if read_version != shift.version {
        return Err(Error::conflict("shift-conflict-changed"));
    }
    shifts::remove(&shift, user)?;
    Ok(redirect(req.url(&format!(
        "/semaine/{}?equipe={}",
        shift.monday, shift.team_id
    )))
    .notice("shift-removed")
    .into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_as_people_type_them() {
        assert_eq!(parse_hm("07:30"), Some((7, 30)));
        assert_eq!(parse_hm("7h30"), Some((7, 30)));
        assert_eq!(parse_hm("14h"), Some((14, 0)));
        assert_eq!(parse_hm(" 9:05 "), Some((9, 5)));
        assert_eq!(parse_hm("24:00"), None);
        assert_eq!(parse_hm("12:60"), None);
        assert_eq!(parse_hm("12"), None);
        assert_eq!(parse_hm("ab:cd"), None);
    }
}
