//! Shifts: checked against the rules before they are written, written in
//! transactions that cannot interleave with another manager's.
//!
//! Every write goes through [`insert`], [`update`], [`reassign`] or
//! [`remove`]. Each expects what it changes to be as it was read (a
//! shift's `version`) and the agent to have no overlapping shift at the
//! moment it commits: two managers saving at once get one success and one
//! conflict, never a half-saved week. A change to a week already
//! published is marked (`changed`) and told to the agents concerned by
//! e-mail after the commit.

use std::collections::BTreeSet;

use estive_sdk::dates::{Date, DateTime};
use estive_sdk::db::Condition;
use estive_sdk::prelude::*;

use crate::model::{CANCELLED, OPEN, PLANNED, PUBLISHED, Shift, Week};
use crate::rules::{self, Check, Finding, Severity, Work};
use crate::store::{self, Settings};
use crate::{notify, tables, walltime};

/// A shift to write.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub team_id: i64,
    /// None: an open shift.
    pub agent_id: Option<i64>,
    pub place_id: i64,
    /// Local wall times.
    pub start: DateTime,
    pub end: DateTime,
    pub break_minutes: i64,
    pub task: Option<String>,
    /// The skill it asks for.
    pub skill: Option<String>,
    pub template_id: Option<i64>,
}

impl Draft {
    /// The draft of a stored shift (None if its times cannot be read).
    pub fn of(shift: &Shift) -> Option<Draft> {
        Some(Draft {
            team_id: shift.team_id,
            agent_id: shift.agent_id,
            place_id: shift.place_id,
            start: walltime::parse(&shift.starts_at)?,
            end: walltime::parse(&shift.ends_at)?,
            break_minutes: shift.break_minutes,
            task: shift.task.clone(),
            skill: shift.skill.clone(),
            template_id: shift.template_id,
        })
    }

    /// As the rules see it.
    pub fn work(&self, id: Option<i64>) -> Work {
        Work {
            id,
            start: self.start,
            end: self.end,
            break_minutes: self.break_minutes,
            team_id: self.team_id,
            place_id: self.place_id,
            skill: self.skill.clone(),
        }
    }

    /// The Monday of the week it starts in.
    pub fn monday(&self) -> Date {
        self.start.date().monday()
    }

    fn starts_at(&self) -> String {
        self.start.to_string()
    }

    fn ends_at(&self) -> String {
        self.end.to_string()
    }
}

/// Every finding for these drafts of one agent as if they were saved
/// (each against the others and the stored shifts), the stored shifts with
/// ids in `replacing` left out.
///
/// # Errors
/// Storage failures.
pub fn check(agent_id: i64, drafts: &[Draft], replacing: &[i64]) -> Result<Vec<Finding>, Error> {
    if drafts.is_empty() {
        return Ok(Vec::new());
    }
    let changed: Vec<Work> = drafts.iter().map(|d| d.work(None)).collect();
    let (from, to) = rules::window(&changed);
    let contracts = store::contracts_of(agent_id)?;
    let mut works: Vec<Work> = store::shifts_of(agent_id, from, to)?
        .iter()
        .filter(|s| !replacing.contains(&s.id))
        .filter_map(rules::work_of)
        .collect();
    works.extend(changed.iter().cloned());
    works.sort_by_key(|w| w.start);
    let settings = Settings::load()?;
    let holidays = settings.school_holidays();
    let timezone = store::timezone();
    Ok(rules::check(&Check {
        contracts: &contracts,
        shifts: &works,
        changed: &changed,
        school_holidays: &holidays,
        timezone: &timezone,
    }))
}

/// Whether any finding refuses the change.
pub fn refused(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Refuse)
}

/// Whether any finding is a legal limit a manager must confirm.
pub fn warned(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Warn)
}

/// Findings as the view shows them: `{rule, severity, day, message}`.
pub fn findings_view(findings: &[Finding]) -> Vec<serde_json::Value> {
    findings
        .iter()
        .map(|f| {
            json!({
                "rule": f.rule,
                "severity": f.severity,
                "day": f.day.to_string(),
                "shift": f.shift,
                "message": f.message(),
            })
        })
        .collect()
}

/// The conditions of an agent's live shifts overlapping `start..end`.
fn overlapping(agent_id: i64, start: &str, end: &str) -> Vec<Condition> {
    vec![
        eq(tables::shifts::AGENT_ID, agent_id),
        ne(tables::shifts::STATUS, CANCELLED),
        lt(tables::shifts::STARTS_AT, end.to_owned()),
        gt(tables::shifts::ENDS_AT, start.to_owned()),
    ]
}

/// The published weeks among `(team, monday)` pairs.
fn published(pairs: &BTreeSet<(i64, String)>) -> Result<BTreeSet<(i64, String)>, Error> {
    if pairs.is_empty() {
        return Ok(BTreeSet::new());
    }
    let mondays: BTreeSet<&str> = pairs.iter().map(|(_, m)| m.as_str()).collect();
    let weeks: Vec<Week> = db::select(tables::WEEKS)
        .filter(one_of(tables::weeks::MONDAY, mondays))
        .filter(eq(tables::weeks::STATUS, PUBLISHED))
        .fetch()?;
    Ok(weeks
        .into_iter()
        .map(|w| (w.team_id, w.monday))
        .filter(|p| pairs.contains(p))
        .collect())
}

/// Write drafts in one transaction (a conflict if an overlapping shift of
/// the same agent was written meanwhile); marks published weeks changed
/// and tells the agents after the commit; the override reason goes to the
/// audit log. Returns the new ids.
///
/// # Errors
/// A conflict, storage failures.
pub fn insert(
    drafts: Vec<Draft>,
    override_reason: Option<&str>,
    actor: &User,
) -> Result<Vec<i64>, Error> {
    let weeks: BTreeSet<(i64, String)> = drafts
        .iter()
        .map(|d| (d.team_id, d.monday().to_string()))
        .collect();
    let published = published(&weeks)?;
    let now = store::now_utc();
    let mut tx = db::transaction();
    let mut steps = Vec::new();
    for d in &drafts {
        let (start, end) = (d.starts_at(), d.ends_at());
        if let Some(agent) = d.agent_id {
            tx.expect_none(
                tables::SHIFTS,
                overlapping(agent, &start, &end),
                "roster-conflict-overlap",
            );
        }
        let changed = published.contains(&(d.team_id, d.monday().to_string()));
        steps.push(tx.insert(
            tables::SHIFTS,
            &json!({
                "team_id": d.team_id,
                "agent_id": d.agent_id,
                "place_id": d.place_id,
                "monday": d.monday().to_string(),
                "starts_at": start,
                "ends_at": end,
                "break_minutes": d.break_minutes,
                "task": d.task,
                "skill": d.skill,
                "status": if d.agent_id.is_some() { PLANNED } else { OPEN },
                "changed": changed,
                "override_reason": override_reason,
                "template_id": d.template_id,
                "version": 1,
                "updated_by": actor.name,
                "updated_at": now,
            }),
        ));
    }
    if let Some(reason) = override_reason {
        tx.audit(
            "roster.rules.overridden",
            "roster:shifts",
            &json!({ "reason": reason, "shifts": drafts.len() }),
        );
    }
    let outcomes = tx.commit()?;
    let ids: Vec<i64> = steps.iter().filter_map(|s| s.id(&outcomes)).collect();
    let told: Vec<&Draft> = drafts
        .iter()
        .filter(|d| published.contains(&(d.team_id, d.monday().to_string())))
        .collect();
    tell_agents(
        told.iter().filter_map(|d| d.agent_id),
        "roster-mail-changed-added",
    );
    Ok(ids)
}

/// Change a stored shift to a draft, expected at the version it was read.
///
/// # Errors
/// A conflict (changed meanwhile, or an overlap written meanwhile),
/// storage failures.
pub fn update(
    shift: &Shift,
    draft: &Draft,
    override_reason: Option<&str>,
    actor: &User,
) -> Result<(), Error> {
    let pairs: BTreeSet<(i64, String)> = [
        (shift.team_id, shift.monday.clone()),
        (draft.team_id, draft.monday().to_string()),
    ]
    .into_iter()
    .collect();
    let published = published(&pairs)?;
    let changed = shift.changed || !published.is_empty();
    let (start, end) = (draft.starts_at(), draft.ends_at());
    let mut tx = db::transaction();
    expect_version(&mut tx, shift);
    if let Some(agent) = draft.agent_id {
        let mut conditions = overlapping(agent, &start, &end);
        conditions.push(ne(tables::shifts::ID, shift.id));
        tx.expect_none(tables::SHIFTS, conditions, "roster-conflict-overlap");
    }
    tx.update(
        db::update(tables::SHIFTS)
            .filter(eq(tables::shifts::ID, shift.id))
            .set(tables::shifts::TEAM_ID, draft.team_id)
            .set(tables::shifts::AGENT_ID, draft.agent_id)
            .set(tables::shifts::PLACE_ID, draft.place_id)
            .set(tables::shifts::MONDAY, draft.monday().to_string())
            .set(tables::shifts::STARTS_AT, start)
            .set(tables::shifts::ENDS_AT, end)
            .set(tables::shifts::BREAK_MINUTES, draft.break_minutes)
            .set(tables::shifts::TASK, draft.task.clone())
            .set(tables::shifts::SKILL, draft.skill.clone())
            .set(
                tables::shifts::STATUS,
                if draft.agent_id.is_some() {
                    PLANNED
                } else {
                    OPEN
                },
            )
            .set(tables::shifts::CHANGED, changed)
            .set(
                tables::shifts::OVERRIDE_REASON,
                override_reason.map(str::to_owned),
            )
            .set(tables::shifts::VERSION, shift.version + 1)
            .set(tables::shifts::UPDATED_BY, actor.name.clone())
            .set(tables::shifts::UPDATED_AT, store::now_utc()),
    );
    if let Some(reason) = override_reason {
        tx.audit(
            "roster.rules.overridden",
            &format!("shift:{}", shift.id),
            &json!({ "reason": reason }),
        );
    }
    tx.commit()?;
    if !published.is_empty() {
        tell_agents(
            shift.agent_id.into_iter().chain(draft.agent_id),
            "roster-mail-changed",
        );
    }
    Ok(())
}

/// Give shifts to other agents (or none: an open shift) in one
/// transaction, each expected at its version; marks published weeks
/// changed and tells the agents after the commit.
///
/// # Errors
/// A conflict, storage failures.
pub fn reassign(
    changes: &[(Shift, Option<i64>)],
    override_reason: Option<&str>,
    actor: &User,
) -> Result<(), Error> {
    reassign_with(changes, override_reason, actor, |_| {})
}

/// [`reassign`], with more steps of the caller's in the same transaction
/// (a swap's status, expected unchanged): all of it commits, or none.
///
/// # Errors
/// A conflict, storage failures.
pub fn reassign_with(
    changes: &[(Shift, Option<i64>)],
    override_reason: Option<&str>,
    actor: &User,
    extra: impl FnOnce(&mut db::Transaction),
) -> Result<(), Error> {
    let pairs: BTreeSet<(i64, String)> = changes
        .iter()
        .map(|(s, _)| (s.team_id, s.monday.clone()))
        .collect();
    let published = published(&pairs)?;
    let ids: Vec<i64> = changes.iter().map(|(s, _)| s.id).collect();
    let now = store::now_utc();
    let mut tx = db::transaction();
    for (shift, agent) in changes {
        expect_version(&mut tx, shift);
        if let Some(agent) = agent {
            let mut conditions = overlapping(*agent, &shift.starts_at, &shift.ends_at);
            conditions.push(none_of(tables::shifts::ID, ids.clone()));
            tx.expect_none(tables::SHIFTS, conditions, "roster-conflict-overlap");
        }
        let changed = shift.changed || published.contains(&(shift.team_id, shift.monday.clone()));
        tx.update(
            db::update(tables::SHIFTS)
                .filter(eq(tables::shifts::ID, shift.id))
                .set(tables::shifts::AGENT_ID, *agent)
                .set(
                    tables::shifts::STATUS,
                    if agent.is_some() { PLANNED } else { OPEN },
                )
                .set(tables::shifts::CHANGED, changed)
                .set(tables::shifts::VERSION, shift.version + 1)
                .set(tables::shifts::UPDATED_BY, actor.name.clone())
                .set(tables::shifts::UPDATED_AT, now.clone()),
        );
    }
    if let Some(reason) = override_reason {
        tx.audit(
            "roster.rules.overridden",
            "roster:shifts",
            &json!({ "reason": reason, "shifts": ids }),
        );
    }
    extra(&mut tx);
    tx.commit()?;
    let told = changes
        .iter()
        .filter(|(s, _)| published.contains(&(s.team_id, s.monday.clone())))
        .flat_map(|(s, a)| s.agent_id.into_iter().chain(*a));
    tell_agents(told, "roster-mail-changed");
    Ok(())
}

/// Remove a shift: deleted while its week is a draft, kept as cancelled
/// (and marked) once published, so that the change shows.
///
/// # Errors
/// A conflict, storage failures.
pub fn remove(shift: &Shift, actor: &User) -> Result<(), Error> {
    let pairs = [(shift.team_id, shift.monday.clone())]
        .into_iter()
        .collect();
    let published = !published(&pairs)?.is_empty();
    let mut tx = db::transaction();
    expect_version(&mut tx, shift);
    if published {
        tx.update(
            db::update(tables::SHIFTS)
                .filter(eq(tables::shifts::ID, shift.id))
                .set(tables::shifts::STATUS, CANCELLED)
                .set(tables::shifts::CHANGED, true)
                .set(tables::shifts::VERSION, shift.version + 1)
                .set(tables::shifts::UPDATED_BY, actor.name.clone())
                .set(tables::shifts::UPDATED_AT, store::now_utc()),
        );
    } else {
        tx.delete(db::delete(tables::SHIFTS).filter(eq(tables::shifts::ID, shift.id)));
    }
    tx.commit()?;
    if published {
        tell_agents(shift.agent_id, "roster-mail-changed-removed");
    }
    Ok(())
}

fn expect_version(tx: &mut db::Transaction, shift: &Shift) {
    tx.expect(
        tables::SHIFTS,
        [
            eq(tables::shifts::ID, shift.id),
            eq(tables::shifts::VERSION, shift.version),
        ],
        db::Measure::count_rows(),
        Some(1.0),
        Some(1.0),
        "roster-conflict-changed",
    );
}

/// Mail each agent once that their published schedule changed.
fn tell_agents(agent_ids: impl IntoIterator<Item = i64>, key: &str) {
    let Ok(settings) = Settings::load() else {
        return;
    };
    if !settings.mail_changes {
        return;
    }
    let ids: BTreeSet<i64> = agent_ids.into_iter().collect();
    for id in ids {
        if let Ok(agent) = store::agent(id) {
            notify::agent(
                &agent,
                &i18n::t("roster-mail-changed-subject"),
                &i18n::t(key),
            );
        }
    }
}
