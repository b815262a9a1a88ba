//! The week of a team, by agent or by place, with its gaps; publishing it;
//! copying it; the month.

use std::collections::{BTreeMap, BTreeSet};

use estive_kit::holidays;
use estive_sdk::dates::{Date, Weekday};
use estive_sdk::form::{Form, options};
use estive_sdk::prelude::*;

use crate::access::Access;
use crate::model::{
    Absence, Agent, CANCELLED, Contract, Need, OPEN, PUBLISHED, Place, Shift, Team, Week,
};
use crate::rules::{self, Check, Finding, Severity, Work};
use crate::shifts::{self, Draft};
use crate::store::{self, Settings};
use crate::{notify, tables, walltime};

/// The stylesheet of the grid (screen, phone and A4 landscape print).
pub fn stylesheet() -> String {
    format!("/static/p/roster/{}/roster.css", env!("CARGO_PKG_VERSION"))
}

/// One day of the week as the grid heads it.
#[derive(serde::Serialize)]
struct Day {
    date: String,
    weekday: u32,
    holiday: Option<&'static str>,
    school_holiday: Option<String>,
}

/// A shift as a cell shows it (what the template reads only: the grid is
/// the roster's most read page, and its context crosses into the host).
#[derive(Clone, serde::Serialize)]
struct Cell {
    id: i64,
    /// The local date it starts on.
    #[serde(skip)]
    date: String,
    start: String,
    end: String,
    /// Ends the next day.
    #[serde(skip_serializing_if = "is_false")]
    overnight: bool,
    #[serde(skip)]
    minutes: i64,
    place: String,
    #[serde(skip)]
    place_id: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    agent: Option<String>,
    #[serde(skip)]
    agent_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    task: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    skill: Option<String>,
    status: &'static str,
    #[serde(skip_serializing_if = "is_false")]
    changed: bool,
    #[serde(skip_serializing_if = "is_false")]
    absent: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    override_reason: Option<String>,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(b: &bool) -> bool {
    !*b
}

/// A need not met on a day.
#[derive(Clone, serde::Serialize)]
pub struct Gap {
    pub date: String,
    pub weekday: u32,
    pub place: String,
    pub place_id: i64,
    pub start: String,
    pub end: String,
    pub minimum: i64,
    pub present: i64,
    pub skill: Option<String>,
    pub label: Option<String>,
}

/// The teams a person sees, the one asked for first.
fn visible_teams(access: &Access) -> Result<Vec<Team>, Error> {
    Ok(store::teams()?
        .into_iter()
        .filter(|t| t.active && access.sees_team(t.id))
        .collect())
}

/// Whether a week of a team is published.
pub fn week_row(team_id: i64, monday: Date) -> Result<Option<Week>, Error> {
    db::select(tables::WEEKS)
        .filter(eq(tables::weeks::TEAM_ID, team_id))
        .filter(eq(tables::weeks::MONDAY, monday.to_string()))
        .first()
}

fn days_of(monday: Date, settings: &Settings) -> Vec<Day> {
    let school = settings.school_holidays();
    (0..7)
        .map(|i| {
            let date = monday.add_days(i);
            Day {
                date: date.to_string(),
                weekday: date.weekday().number_from_monday(),
                holiday: holidays::holiday_in(date, settings.calendar()).map(|h| h.name("fr")),
                school_holiday: school
                    .iter()
                    .find(|p| p.contains(date))
                    .map(|p| p.label.clone()),
            }
        })
        .collect()
}

fn cell(
    shift: &Shift,
    places: &BTreeMap<i64, String>,
    agents: &BTreeMap<i64, String>,
    absences: &[Absence],
) -> Cell {
    let day = shift.starts_at.get(..10).unwrap_or_default();
    let minutes = match (
        walltime::parse(&shift.starts_at),
        walltime::parse(&shift.ends_at),
    ) {
        (Some(s), Some(e)) => walltime::minutes(s, e, &store::timezone()) - shift.break_minutes,
        _ => 0,
    };
    Cell {
        id: shift.id,
        date: day.to_owned(),
        start: shift.starts_at.get(11..16).unwrap_or_default().to_owned(),
        end: shift.ends_at.get(11..16).unwrap_or_default().to_owned(),
        overnight: shift.ends_at.get(..10) != shift.starts_at.get(..10),
        minutes,
        place: places.get(&shift.place_id).cloned().unwrap_or_default(),
        place_id: shift.place_id,
        agent: shift.agent_id.and_then(|a| agents.get(&a).cloned()),
        agent_id: shift.agent_id,
        task: shift.task.clone(),
        skill: shift.skill.clone(),
        status: match shift.status.as_str() {
            OPEN => OPEN,
            CANCELLED => CANCELLED,
            _ => "planned",
        },
        changed: shift.changed,
        absent: shift
            .agent_id
            .is_some_and(|a| store::absent(absences, a, day)),
        override_reason: shift.override_reason.clone(),
    }
}

/// The needs of places not met on the days of `shifts`' week: a need
/// counts the shifts at its place that cover its whole slot, held by an
/// agent who is not absent (and has the skill when it asks one).
pub fn gaps(
    monday: Date,
    places: &[Place],
    shifts: &[Shift],
    absences: &[Absence],
    contracts: &[Contract],
    settings: &Settings,
) -> Result<Vec<Gap>, Error> {
    let place_ids: Vec<i64> = places.iter().map(|p| p.id).collect();
    if place_ids.is_empty() {
        return Ok(Vec::new());
    }
    let needs: Vec<Need> = db::select(tables::NEEDS)
        .filter(one_of(tables::needs::PLACE_ID, place_ids))
        .order_asc(tables::needs::START)
        .fetch()?;
    let school = settings.school_holidays();
    let names: BTreeMap<i64, &str> = places.iter().map(|p| (p.id, p.name.as_str())).collect();
    let mut out = Vec::new();
    for i in 0..7 {
        let date = monday.add_days(i);
        let day = date.to_string();
        if holidays::holiday_in(date, settings.calendar()).is_some() {
            continue;
        }
        let in_holidays = school.iter().any(|p| p.contains(date));
        for need in needs
            .iter()
            .filter(|n| n.weekday == i64::from(date.weekday().number_from_monday()))
        {
            let applies = match need.period.as_str() {
                "school" => !in_holidays,
                "holidays" => in_holidays,
                _ => true,
            };
            if !applies {
                continue;
            }
            let (from, to) = (
                format!("{day}T{}", need.start),
                format!("{day}T{}", need.end),
            );
            let present = shifts
                .iter()
                .filter(|s| {
                    s.place_id == need.place_id && s.status != CANCELLED && s.status != OPEN
                })
                .filter(|s| s.starts_at <= from && s.ends_at >= to)
                .filter(|s| {
                    s.agent_id
                        .is_some_and(|a| !store::absent(absences, a, &day))
                })
                .filter(|s| match &need.skill {
                    None => true,
                    Some(skill) => s.agent_id.is_some_and(|a| {
                        // As store::contract_on over the agent's contracts.
                        contracts
                            .iter()
                            .rev()
                            .find(|c| c.agent_id == a && c.covers(&day))
                            .is_some_and(|c| {
                                c.skills
                                    .iter()
                                    .any(|k| k.trim().eq_ignore_ascii_case(skill.trim()))
                            })
                    }),
                })
                .count() as i64;
            if present < need.minimum {
                out.push(Gap {
                    date: day.clone(),
                    weekday: date.weekday().number_from_monday(),
                    place: names
                        .get(&need.place_id)
                        .copied()
                        .unwrap_or_default()
                        .to_owned(),
                    place_id: need.place_id,
                    start: need.start.clone(),
                    end: need.end.clone(),
                    minimum: need.minimum,
                    present,
                    skill: need.skill.clone(),
                    label: need.label.clone(),
                });
            }
        }
    }
    Ok(out)
}

/// The findings of each agent's week, from the shifts of the week and the
/// one around it (the daily, weekly and rest rules; the 12-week and
/// annual ones are checked on every edit).
fn week_findings(
    agents: &[i64],
    monday: Date,
    contracts: &[Contract],
    settings: &Settings,
) -> Result<BTreeMap<i64, Vec<Finding>>, Error> {
    let mut out = BTreeMap::new();
    if agents.is_empty() {
        return Ok(out);
    }
    // Only the columns the rules read: the page is read often.
    let around: Vec<Around> = db::select(tables::SHIFTS)
        .columns(&[
            tables::shifts::ID,
            tables::shifts::AGENT_ID,
            tables::shifts::TEAM_ID,
            tables::shifts::PLACE_ID,
            tables::shifts::STARTS_AT,
            tables::shifts::ENDS_AT,
            tables::shifts::BREAK_MINUTES,
            tables::shifts::SKILL,
        ])
        .filter(one_of(tables::shifts::AGENT_ID, agents.to_vec()))
        // The rest rules look a little past the week's ends: the rest
        // running in from the weekend before, out to the one after.
        .filter(ge(
            tables::shifts::STARTS_AT,
            monday.add_days(-3).to_string(),
        ))
        .filter(lt(
            tables::shifts::STARTS_AT,
            monday.add_days(10).to_string(),
        ))
        .filter(ne(tables::shifts::STATUS, CANCELLED))
        .order_asc(tables::shifts::STARTS_AT)
        .fetch()?;
    let school = settings.school_holidays();
    // The 12-week average and the year need more than three weeks of
    // shifts: every edit checks them; here they would be half-counted, so
    // they are left out of the rule sets rather than computed and dropped.
    let sets: Vec<rules::RuleSet> = rules::rule_sets()
        .iter()
        .map(|r| rules::RuleSet {
            average_max_minutes: None,
            annual_minutes: None,
            ..r.clone()
        })
        .collect();
    let tz = store::timezone();
    let (from, to) = (monday.to_string(), monday.add_days(7).to_string());
    let mut by_agent: BTreeMap<i64, (Vec<Work>, Vec<Work>)> = BTreeMap::new();
    for s in &around {
        let (Some(agent), Some(start), Some(end)) = (
            s.agent_id,
            walltime::parse(&s.starts_at),
            walltime::parse(&s.ends_at),
        ) else {
            continue;
        };
        let work = Work {
            id: Some(s.id),
            start,
            end,
            break_minutes: s.break_minutes,
            team_id: s.team_id,
            place_id: s.place_id,
            skill: s.skill.clone(),
        };
        let (works, changed) = by_agent.entry(agent).or_default();
        if s.starts_at >= from && s.starts_at < to {
            changed.push(work.clone());
        }
        works.push(work);
    }
    for &agent in agents {
        let Some((works, changed)) = by_agent.get(&agent) else {
            continue;
        };
        if changed.is_empty() {
            continue;
        }
        let mine: Vec<Contract> = contracts
            .iter()
            .filter(|c| c.agent_id == agent)
            .cloned()
            .collect();
        let findings: Vec<Finding> = rules::check_with(
            &Check {
                contracts: &mine,
                shifts: works,
                changed,
                school_holidays: &school,
                timezone: &tz,
            },
            &sets,
        )
        .into_iter()
        .filter(|f| f.severity != Severity::Note)
        .collect();
        if !findings.is_empty() {
            out.insert(agent, findings);
        }
    }
    Ok(out)
}

/// A shift as the grid's rule check reads it.
#[derive(serde::Deserialize)]
struct Around {
    id: i64,
    agent_id: Option<i64>,
    team_id: i64,
    place_id: i64,
    starts_at: String,
    ends_at: String,
    break_minutes: i64,
    skill: Option<String>,
}

/// `GET /` and `/semaine/{monday}`: a team's week, by agent (`?vue=agents`,
/// the default) or by place (`?vue=lieux`); `?equipe=<id>` picks the team.
///
/// # Errors
/// Not found (a date that is not a Monday), forbidden; storage failures.
pub fn week(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let monday = if req.param("monday").is_some() {
        store::monday_param(req)?
    } else {
        store::today().monday()
    };
    let teams = visible_teams(&access)?;
    if teams.is_empty() {
        if access.is_manager() {
            return Ok(view("week_empty.html")
                .title(i18n::t("week-title-short"))
                .with(json!({ "manager": true, "all": access.all }))
                .into());
        }
        return Err(Error::forbidden("roster-not-an-agent"));
    }
    let team = req
        .query("equipe")
        .and_then(|t| t.parse::<i64>().ok())
        .and_then(|id| teams.iter().find(|t| t.id == id))
        .unwrap_or(&teams[0])
        .clone();
    let by_place = req.query("vue") == Some("lieux");
    let settings = Settings::load()?;
    let week = week_row(team.id, monday)?;
    let published = week.as_ref().is_some_and(|w| w.status == PUBLISHED);
    let plans = access.plans_team(team.id) || !access.places.is_empty();
    let base = json!({
        "monday": monday.to_string(),
        "previous": monday.add_days(-7).to_string(),
        "next": monday.add_days(7).to_string(),
        "sunday": monday.add_days(6).to_string(),
        "iso_week": monday.iso_week().week,
        "month": &monday.to_string()[..7],
        "teams": teams,
        "team": team,
        "by_place": by_place,
        "published": published,
        "week_row": week,
        "plans": plans,
        "plans_team": access.plans_team(team.id),
        "plans_all": access.all,
        "css": stylesheet(),
    });
    let title = i18n::t_args(
        "week-title",
        &[("team", &team.name), ("date", &monday.long(req.locale()))],
    );
    if !plans && !published {
        return Ok(view("week.html")
            .title(title)
            .crumb(i18n::t("roster-title"), req.url("/"))
            .with(base)
            .with(json!({ "unpublished": true, "days": days_of(monday, &settings) }))
            .into());
    }
    let mut shifts: Vec<Shift> = db::select(tables::SHIFTS)
        .filter(eq(tables::shifts::MONDAY, monday.to_string()))
        .filter(eq(tables::shifts::TEAM_ID, team.id))
        .order_asc(tables::shifts::STARTS_AT)
        .fetch()?;
    if !access.plans_team(team.id)
        && !access.places.is_empty()
        && !access.member_of.contains(&team.id)
    {
        // A place's manager sees the shifts at their places only.
        shifts.retain(|s| access.places.contains(&s.place_id));
    }
    let all_places = store::places()?;
    let place_names: BTreeMap<i64, String> =
        all_places.iter().map(|p| (p.id, p.name.clone())).collect();
    let contracts = store::all_contracts()?;
    let (from, to) = (monday.to_string(), monday.add_days(6).to_string());
    let in_week = |c: &&Contract| {
        c.starts_on.as_str() <= to.as_str()
            && c.ends_on.as_deref().is_none_or(|e| e >= from.as_str())
    };
    let mut agent_ids: BTreeSet<i64> = contracts
        .iter()
        .filter(in_week)
        .filter(|c| c.teams.contains(&team.id))
        .map(|c| c.agent_id)
        .collect();
    agent_ids.extend(shifts.iter().filter_map(|s| s.agent_id));
    let agents: Vec<Agent> = if agent_ids.is_empty() {
        Vec::new()
    } else {
        db::select(tables::AGENTS)
            .filter(one_of(tables::agents::ID, agent_ids.iter().copied()))
            .order_asc(tables::agents::NAME)
            .fetch()?
    };
    let agent_names: BTreeMap<i64, String> =
        agents.iter().map(|a| (a.id, a.name.clone())).collect();
    let absences = store::approved_absences(None, monday, monday.add_days(6))?;
    let cells: Vec<Cell> = shifts
        .iter()
        .map(|s| cell(s, &place_names, &agent_names, &absences))
        .collect();
    let days = days_of(monday, &settings);

    // By agent: a row per agent, a list of cells per day (only the view
    // shown is built: the page is the most read one of the roster).
    let rows: Vec<AgentRow> = if by_place {
        Vec::new()
    } else {
        agents
            .iter()
            .map(|a| {
                let mine: Vec<&Cell> = cells.iter().filter(|c| c.agent_id == Some(a.id)).collect();
                let contract = contracts
                    .iter()
                    .rev()
                    .find(|c| c.agent_id == a.id && c.covers(&from));
                let minutes = mine
                    .iter()
                    .filter(|c| c.status != CANCELLED)
                    .map(|c| c.minutes)
                    .sum();
                AgentRow {
                    agent: AgentRef {
                        id: a.id,
                        name: &a.name,
                    },
                    title: contract.and_then(|c| c.title.as_deref()),
                    days: days
                        .iter()
                        .map(|d| DayCells {
                            date: &d.date,
                            cells: mine.iter().copied().filter(|c| c.date == d.date).collect(),
                            absence: absences
                                .iter()
                                .find(|x| {
                                    x.agent_id == a.id
                                        && x.starts_on <= d.date
                                        && d.date <= x.ends_on
                                })
                                .map(|x| x.kind.as_str()),
                            gaps: Vec::new(),
                        })
                        .collect(),
                    hours: rules::hours(minutes),
                    contract_hours: contract.map(|c| rules::hours(c.weekly_minutes)),
                    own: Some(a.id) == access.agent_id(),
                }
            })
            .collect()
    };
    let open: Vec<DayCells> = days
        .iter()
        .map(|d| DayCells {
            date: &d.date,
            cells: cells
                .iter()
                .filter(|c| c.status == OPEN && c.date == d.date)
                .collect(),
            absence: None,
            gaps: Vec::new(),
        })
        .collect();
    let has_open = cells.iter().any(|c| c.status == OPEN);

    // Gaps count every team's shifts at the places the team works at.
    let team_places: Vec<Place> = all_places
        .iter()
        .filter(|p| {
            cells.iter().any(|c| c.place_id == p.id)
                || contracts
                    .iter()
                    .any(|c| c.teams.contains(&team.id) && c.places.contains(&p.id))
                || access.places.contains(&p.id)
        })
        .cloned()
        .collect();
    let gaps = if plans && !team_places.is_empty() {
        // The team's own shifts are read already; the other teams' at
        // the same places count too (read only when another team's
        // contracts name one of these places, or a shift of theirs is
        // there: most teams keep to their places).
        let shared = contracts.iter().any(|c| {
            !c.teams.contains(&team.id)
                && c.places
                    .iter()
                    .any(|p| team_places.iter().any(|t| t.id == *p))
        });
        let mut at_places: Vec<Shift> = if !shared {
            Vec::new()
        } else {
            db::select(tables::SHIFTS)
                .filter(eq(tables::shifts::MONDAY, monday.to_string()))
                .filter(ne(tables::shifts::TEAM_ID, team.id))
                .filter(one_of(
                    tables::shifts::PLACE_ID,
                    team_places.iter().map(|p| p.id),
                ))
                .fetch()?
        };
        at_places.extend(shifts.iter().cloned());
        gaps(
            monday,
            &team_places,
            &at_places,
            &absences,
            &contracts,
            &settings,
        )?
    } else {
        Vec::new()
    };
    // By place: a row per place with shifts or gaps this week.
    let place_rows: Vec<PlaceRow> = if by_place {
        team_places
            .iter()
            .filter(|p| {
                cells.iter().any(|c| c.place_id == p.id) || gaps.iter().any(|g| g.place_id == p.id)
            })
            .map(|p| PlaceRow {
                place: p,
                days: days
                    .iter()
                    .map(|d| DayCells {
                        date: &d.date,
                        cells: cells
                            .iter()
                            .filter(|c| c.place_id == p.id && c.date == d.date)
                            .collect(),
                        absence: None,
                        gaps: gaps
                            .iter()
                            .filter(|g| g.place_id == p.id && g.date == d.date)
                            .collect(),
                    })
                    .collect(),
            })
            .collect()
    } else {
        Vec::new()
    };

    let findings = if plans {
        let ids: Vec<i64> = agents.iter().map(|a| a.id).collect();
        week_findings(&ids, monday, &contracts, &settings)?
    } else {
        BTreeMap::new()
    };
    let findings_view: Vec<serde_json::Value> = findings
        .iter()
        .flat_map(|(agent, list)| {
            let name = agent_names.get(agent).cloned().unwrap_or_default();
            shifts::findings_view(list).into_iter().map(move |mut v| {
                v["agent"] = json!(name);
                v
            })
        })
        .collect();
    let changed = cells.iter().filter(|c| c.changed).count();
    Ok(view("week.html")
        .title(title)
        .crumb(i18n::t("roster-title"), req.url("/"))
        .with(base)
        .with(WeekView {
            days: &days,
            rows,
            open,
            has_open,
            place_rows,
            gaps: &gaps,
            findings: findings_view,
            changed,
            empty: cells.is_empty(),
        })
        .into())
}

/// What the week grid shows, as the template reads it.
#[derive(serde::Serialize)]
struct WeekView<'a> {
    days: &'a [Day],
    rows: Vec<AgentRow<'a>>,
    open: Vec<DayCells<'a>>,
    has_open: bool,
    place_rows: Vec<PlaceRow<'a>>,
    gaps: &'a [Gap],
    findings: Vec<serde_json::Value>,
    changed: usize,
    empty: bool,
}

/// An agent's line of the grid.
#[derive(serde::Serialize)]
struct AgentRow<'a> {
    agent: AgentRef<'a>,
    /// The job of the contract in force on Monday.
    title: Option<&'a str>,
    days: Vec<DayCells<'a>>,
    hours: String,
    contract_hours: Option<String>,
    own: bool,
}

/// An agent as the grid names them.
#[derive(serde::Serialize)]
struct AgentRef<'a> {
    id: i64,
    name: &'a str,
}

/// A place's line of the grid.
#[derive(serde::Serialize)]
struct PlaceRow<'a> {
    place: &'a Place,
    days: Vec<DayCells<'a>>,
}

/// One cell of the grid: a day's shifts, an absence, the gaps.
#[derive(serde::Serialize)]
struct DayCells<'a> {
    date: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    cells: Vec<&'a Cell>,
    #[serde(skip_serializing_if = "Option::is_none")]
    absence: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    gaps: Vec<&'a Gap>,
}

/// `POST /semaine/{monday}/publier` (field `team`): agents see the week
/// from now on, and those with shifts in it are told.
///
/// # Errors
/// Forbidden, not found; storage failures.
pub fn publish(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let user = req.require_user()?;
    let monday = store::monday_param(req)?;
    let team_id: i64 = req
        .form("team")
        .and_then(|t| t.parse().ok())
        .ok_or_else(|| Error::not_found("roster-team-not-found"))?;
    let team = store::team(team_id)?;
    if !access.plans_team(team.id) {
        return Err(Error::forbidden("roster-not-your-team"));
    }
    let mut tx = db::transaction();
    tx.upsert(
        tables::WEEKS,
        &json!({
            "team_id": team.id,
            "monday": monday.to_string(),
            "status": PUBLISHED,
            "published_at": store::now_utc(),
            "published_by": user.name,
        }),
        &[tables::weeks::TEAM_ID, tables::weeks::MONDAY],
    );
    tx.audit(
        "roster.week.published",
        &format!("team:{}", team.id),
        &json!({ "monday": monday.to_string() }),
    );
    tx.commit()?;
    let agent_ids: BTreeSet<i64> = db::select(tables::SHIFTS)
        .filter(eq(tables::shifts::MONDAY, monday.to_string()))
        .filter(eq(tables::shifts::TEAM_ID, team.id))
        .filter(ne(tables::shifts::STATUS, CANCELLED))
        .fetch::<Shift>()?
        .into_iter()
        .filter_map(|s| s.agent_id)
        .collect();
    let subject = i18n::t_args(
        "week-mail-published-subject",
        &[("date", &monday.long("fr"))],
    );
    let link = notify::link(req, &format!("/semaine/{monday}?equipe={}", team.id));
    let body = i18n::t_args(
        "week-mail-published-body",
        &[
            ("team", &team.name),
            ("date", &monday.long("fr")),
            ("link", &link),
        ],
    );
    for id in agent_ids {
        if let Ok(agent) = store::agent(id) {
            notify::agent(&agent, &subject, &body);
        }
    }
    Ok(
        redirect(req.url(&format!("/semaine/{monday}?equipe={}", team.id)))
            .notice("week-published")
            .into(),
    )
}

/// `GET/POST /semaine/{monday}/copier`: copy a team's week onto another
/// week, each shift moved by whole weeks, the rules checked per agent.
///
/// # Errors
/// Forbidden, not found; storage failures.
pub fn copy(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    access.require_manager()?;
    let user = req.require_user()?;
    let monday = store::monday_param(req)?;
    let teams: Vec<Team> = store::teams()?
        .into_iter()
        .filter(|t| t.active && access.plans_team(t.id))
        .collect();
    let page =
        |form: Form, findings: Vec<serde_json::Value>, warned: bool| -> Result<Response, Error> {
            Ok(view("copy_week.html")
                .title(i18n::t_args(
                    "copy-title",
                    &[("date", &monday.long(req.locale()))],
                ))
                .crumb(i18n::t("roster-title"), req.url("/"))
                .crumb(
                    i18n::t("week-title-short"),
                    req.url(&format!("/semaine/{monday}")),
                )
                .with(json!({
                    "monday": monday.to_string(),
                    "teams": options(teams.iter().map(|t| (t.id.to_string(), t.name.clone()))),
                    "findings": findings,
                    "warned": warned,
                }))
                .form(
                    form.label("team", "copy-team")
                        .label("target", "copy-target")
                        .label("override_reason", "shift-override-reason"),
                )
                .into())
        };
    if !req.is_post() {
        let defaults = json!({
            "team": req.query("equipe").unwrap_or_default(),
            "target": monday.add_days(7).to_string(),
        });
        return page(Form::new("copy").values(defaults), Vec::new(), false);
    }
    let mut f = req.validator();
    let ids: Vec<String> = teams.iter().map(|t| t.id.to_string()).collect();
    let team = f.choice("team", &ids).value();
    let target = f.date("target").value();
    let reason = f.text("override_reason").max_len(1000).optional();
    if !f.has_error("target") && (target.weekday() != Weekday::Monday || target == monday) {
        f.error("target", "copy-target-not-monday");
    }
    if let Err(invalid) = f.finish() {
        return page(
            Form::new("copy").sent(req).errors(&invalid),
            Vec::new(),
            false,
        );
    }
    let team_id: i64 = team.parse().unwrap_or_default();
    let shift_days = target.days_since(monday);
    let source: Vec<Shift> = db::select(tables::SHIFTS)
        .filter(eq(tables::shifts::MONDAY, monday.to_string()))
        .filter(eq(tables::shifts::TEAM_ID, team_id))
        .filter(ne(tables::shifts::STATUS, CANCELLED))
        .order_asc(tables::shifts::STARTS_AT)
        .fetch()?;
    let mut per_agent: BTreeMap<Option<i64>, Vec<Draft>> = BTreeMap::new();
    for s in &source {
        if let Some(mut d) = Draft::of(s) {
            d.start = estive_sdk::dates::DateTime::new(
                d.start.date().add_days(shift_days),
                d.start.hour(),
                d.start.minute(),
                0,
            )
            .unwrap_or(d.start);
            d.end = estive_sdk::dates::DateTime::new(
                d.end.date().add_days(shift_days),
                d.end.hour(),
                d.end.minute(),
                0,
            )
            .unwrap_or(d.end);
            d.template_id = None;
            per_agent.entry(s.agent_id).or_default().push(d);
        }
    }
    let mut findings = Vec::new();
    let mut to_write: Vec<Draft> = Vec::new();
    let mut skipped = 0;
    for (agent, drafts) in &per_agent {
        match agent {
            None => to_write.extend(drafts.iter().cloned()),
            Some(agent) => {
                let found = shifts::check(*agent, drafts, &[])?;
                for d in drafts {
                    let day = d.start.date();
                    if found
                        .iter()
                        .any(|x| x.severity == Severity::Refuse && x.day == day)
                    {
                        skipped += 1;
                    } else {
                        to_write.push(d.clone());
                    }
                }
                let name = store::agent(*agent).map(|a| a.name).unwrap_or_default();
                findings.extend(shifts::findings_view(&found).into_iter().map(|mut v| {
                    v["agent"] = json!(name);
                    v
                }));
            }
        }
    }
    let warned = findings.iter().any(|v| v["severity"] == "warn");
    if warned && reason.is_none() {
        let invalid = Error::invalid("override_reason", "shift-override-needed");
        return page(Form::new("copy").sent(req).errors(&invalid), findings, true);
    }
    let count = to_write.len();
    if count > 0 {
        shifts::insert(to_write, reason.filter(|_| warned).as_deref(), user)?;
    }
    Ok(
        redirect(req.url(&format!("/semaine/{target}?equipe={team_id}")))
            .notice(i18n::t_args(
                "copy-done",
                &[("n", &count.to_string()), ("skipped", &skipped.to_string())],
            ))
            .into(),
    )
}

/// `GET /mois/{YYYY-MM}`: a team's month, an agent per row, a day per
/// column, the hours of each day.
///
/// # Errors
/// Not found (a bad month), forbidden; storage failures.
pub fn month(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let first = req
        .param("month")
        .and_then(|m| Date::parse(&format!("{m}-01")))
        .ok_or_else(|| Error::not_found(messages::NOT_FOUND))?;
    let last = first.last_of_month();
    let teams = visible_teams(&access)?;
    if teams.is_empty() {
        return Err(Error::forbidden("roster-not-an-agent"));
    }
    let team = req
        .query("equipe")
        .and_then(|t| t.parse::<i64>().ok())
        .and_then(|id| teams.iter().find(|t| t.id == id))
        .unwrap_or(&teams[0])
        .clone();
    let plans = access.plans_team(team.id);
    let settings = Settings::load()?;
    // Weeks touching the month that the person may see.
    let mut mondays = Vec::new();
    let mut m = first.monday();
    while m <= last {
        mondays.push(m.to_string());
        m = m.add_days(7);
    }
    let visible_mondays: Vec<String> = if plans {
        mondays.clone()
    } else {
        db::select(tables::WEEKS)
            .filter(eq(tables::weeks::TEAM_ID, team.id))
            .filter(eq(tables::weeks::STATUS, PUBLISHED))
            .filter(one_of(tables::weeks::MONDAY, mondays.clone()))
            .fetch::<Week>()?
            .into_iter()
            .map(|w| w.monday)
            .collect()
    };
    let shifts: Vec<Shift> = if visible_mondays.is_empty() {
        Vec::new()
    } else {
        db::select(tables::SHIFTS)
            .filter(eq(tables::shifts::TEAM_ID, team.id))
            .filter(one_of(tables::shifts::MONDAY, visible_mondays.clone()))
            .filter(ne(tables::shifts::STATUS, CANCELLED))
            .order_asc(tables::shifts::STARTS_AT)
            .fetch()?
    };
    let (from, to) = (first.to_string(), last.to_string());
    let shifts: Vec<Shift> = shifts
        .into_iter()
        .filter(|s| s.starts_at.as_str() >= from.as_str() && &s.starts_at[..10] <= to.as_str())
        .collect();
    let agent_ids: BTreeSet<i64> = shifts.iter().filter_map(|s| s.agent_id).collect();
    let agents: Vec<Agent> = if agent_ids.is_empty() {
        Vec::new()
    } else {
        db::select(tables::AGENTS)
            .filter(one_of(tables::agents::ID, agent_ids.iter().copied()))
            .order_asc(tables::agents::NAME)
            .fetch()?
    };
    let days: Vec<serde_json::Value> = (0..=last.days_since(first))
        .map(|i| {
            let d = first.add_days(i);
            json!({
                "date": d.to_string(),
                "day": d.day(),
                "weekday": d.weekday().number_from_monday(),
                "holiday": holidays::holiday_in(d, settings.calendar()).map(|h| h.name("fr")),
                "visible": visible_mondays.contains(&d.monday().to_string()),
            })
        })
        .collect();
    let tz = store::timezone();
    let rows: Vec<serde_json::Value> = agents
        .iter()
        .map(|a| {
            let mut total = 0;
            let cells: Vec<serde_json::Value> = (0..=last.days_since(first))
                .map(|i| {
                    let d = first.add_days(i).to_string();
                    let minutes: i64 = shifts
                        .iter()
                        .filter(|s| s.agent_id == Some(a.id) && s.starts_at.starts_with(&d))
                        .filter_map(|s| Some(walltime::minutes(walltime::parse(&s.starts_at)?, walltime::parse(&s.ends_at)?, &tz) - s.break_minutes))
                        .sum();
                    total += minutes;
                    json!({ "date": d, "minutes": minutes, "hours": if minutes > 0 { rules::hours(minutes) } else { String::new() } })
                })
                .collect();
            json!({ "agent": a, "cells": cells, "total": rules::hours(total) })
        })
        .collect();
    let previous = first.add_days(-1).first_of_month();
    let next = last.add_days(1);
    Ok(view("month.html")
        .title(i18n::t_args(
            "month-title",
            &[
                ("team", &team.name),
                (
                    "month",
                    &format!(
                        "{} {}",
                        estive_sdk::dates::month_name(first.month(), req.locale()),
                        first.year()
                    ),
                ),
            ],
        ))
        .crumb(i18n::t("roster-title"), req.url("/"))
        .with(json!({
            "team": team,
            "teams": teams,
            "days": days,
            "rows": rows,
            "previous": &previous.to_string()[..7],
            "next": &next.to_string()[..7],
            "monday": first.monday().to_string(),
            "css": stylesheet(),
            "plans": plans,
        }))
        .into())
}
