//! Who may see and plan what.
//!
//! `roster.manage` plans every team and place. `roster.plan` plans only
//! the teams and places its holder is named manager of (rows of
//! `managers`). Everyone with `roster.view` sees their own shifts, and
//! the published weeks of the teams their contracts name. Élus hold none
//! of these: they see nothing personal.

use estive_sdk::prelude::*;

use crate::model::{Agent, Contract, Manager, Shift};
use crate::{permissions, tables};

/// What the person of a request may do.
#[derive(Clone, Debug, Default)]
pub struct Access {
    /// Holds `roster.manage`.
    pub all: bool,
    /// Teams named for them as manager.
    pub teams: Vec<i64>,
    /// Places named for them as manager.
    pub places: Vec<i64>,
    /// Their own agent record, when they are on the roster.
    pub agent: Option<Agent>,
    /// The teams of their contracts (any period).
    pub member_of: Vec<i64>,
    /// Holds `roster.plan` (manager of something, or of everything).
    pub plans: bool,
}

/// Keep an account that opened the roster, so that the agent and manager
/// forms can offer it.
fn remember(user: &User) -> Result<(), Error> {
    let known = db::count(tables::ACCOUNTS)
        .filter(eq(tables::accounts::USER_ID, user.id.as_str()))
        .get()?;
    if known == 0 {
        db::upsert(
            tables::ACCOUNTS,
            &json!({
                "user_id": user.id,
                "name": user.name,
                "seen_at": crate::store::now_utc(),
            }),
            &[tables::accounts::USER_ID],
        )?;
    }
    Ok(())
}

impl Access {
    /// The access of the request's user (an anonymous one has none).
    ///
    /// # Errors
    /// Storage failures.
    pub fn of(req: &Request) -> Result<Access, Error> {
        let Some(user) = req.user() else {
            return Ok(Access::default());
        };
        let all = req.has_permission(permissions::ROSTER_MANAGE);
        let plans = all || req.has_permission(permissions::ROSTER_PLAN);
        let mut access = Access {
            all,
            plans,
            ..Access::default()
        };
        if plans && !all {
            let rows: Vec<Manager> = db::select(tables::MANAGERS)
                .filter(eq(tables::managers::USER_ID, user.id.as_str()))
                .fetch()?;
            access.teams = rows.iter().filter_map(|m| m.team_id).collect();
            access.places = rows.iter().filter_map(|m| m.place_id).collect();
        }
        access.agent = db::select(tables::AGENTS)
            .filter(eq(tables::agents::USER_ID, user.id.as_str()))
            .first()?;
        if access.agent.is_none() {
            remember(user)?;
        }
        if let Some(agent) = &access.agent {
            let contracts: Vec<Contract> = db::select(tables::CONTRACTS)
                .filter(eq(tables::contracts::AGENT_ID, agent.id))
                .fetch()?;
            let mut teams: Vec<i64> = contracts.iter().flat_map(|c| c.teams.clone()).collect();
            teams.sort_unstable();
            teams.dedup();
            access.member_of = teams;
        }
        Ok(access)
    }

    /// Whether they plan anything at all.
    pub fn is_manager(&self) -> bool {
        self.all || !self.teams.is_empty() || !self.places.is_empty()
    }

    /// Whether they may plan a team's shifts (all of its places).
    pub fn plans_team(&self, team_id: i64) -> bool {
        self.all || self.teams.contains(&team_id)
    }

    /// Whether they may write a shift of that team at that place.
    pub fn plans(&self, team_id: i64, place_id: i64) -> bool {
        self.plans_team(team_id) || self.places.contains(&place_id)
    }

    /// Whether they may change this shift.
    pub fn plans_shift(&self, shift: &Shift) -> bool {
        self.plans(shift.team_id, shift.place_id)
    }

    /// Whether they see a team's week: managers see drafts of what they
    /// plan, members see it once published (checked by the caller).
    pub fn sees_team(&self, team_id: i64) -> bool {
        self.plans_team(team_id) || self.member_of.contains(&team_id) || !self.places.is_empty()
    }

    /// Their own agent id.
    pub fn agent_id(&self) -> Option<i64> {
        self.agent.as_ref().map(|a| a.id)
    }

    /// Refuse when they plan nothing of that team and place.
    ///
    /// # Errors
    /// Forbidden.
    pub fn require_plans(&self, team_id: i64, place_id: i64) -> Result<(), Error> {
        if self.plans(team_id, place_id) {
            Ok(())
        } else {
            Err(Error::forbidden("roster-not-your-team"))
        }
    }

    /// Refuse unless they plan at least one team or place.
    ///
    /// # Errors
    /// Forbidden.
    pub fn require_manager(&self) -> Result<(), Error> {
        if self.is_manager() {
            Ok(())
        } else {
            Err(Error::forbidden("roster-no-team"))
        }
    }
}
