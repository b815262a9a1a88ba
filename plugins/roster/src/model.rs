//! The rows of the plugin's tables, and the words their text columns hold.

use serde::{Deserialize, Serialize};

/// Working-time regimes; each names a rule set of `rules/regimes.toml`.
pub const REGIMES: [&str; 3] = ["fpt", "private", "idcc454"];

/// Shift statuses: planned (an agent holds it), open (anyone qualified of
/// the team may take it), cancelled (removed from a published week: kept
/// so that the change shows, and left out of every count).
pub const PLANNED: &str = "planned";
/// See [`PLANNED`].
pub const OPEN: &str = "open";
/// See [`PLANNED`].
pub const CANCELLED: &str = "cancelled";

/// Week statuses.
pub const DRAFT: &str = "draft";
/// See [`DRAFT`].
pub const PUBLISHED: &str = "published";

/// When a template line or a staffing need applies.
pub const PERIODS: [&str; 3] = ["always", "school", "holidays"];

/// Kinds of absence: annual leave, sickness, training, compensatory time.
pub const ABSENCE_KINDS: [&str; 4] = ["leave", "sick", "training", "comp"];

/// Absence statuses.
pub const REQUESTED: &str = "requested";
/// See [`REQUESTED`].
pub const APPROVED: &str = "approved";
/// See [`REQUESTED`].
pub const REFUSED: &str = "refused";
/// See [`REQUESTED`] (also a swap's).
pub const WITHDRAWN: &str = "withdrawn";

/// Swap statuses: proposed by an agent, accepted by the other, then
/// approved or refused by a manager (or declined by the other agent).
pub const PROPOSED: &str = "proposed";
/// See [`PROPOSED`].
pub const ACCEPTED: &str = "accepted";
/// See [`PROPOSED`].
pub const DECLINED: &str = "declined";

/// A place where agents work: a school, a canteen, the tourist office.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Place {
    pub id: i64,
    pub name: String,
    pub address: Option<String>,
    pub active: bool,
}

/// A team, whose week is planned and published as one.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Team {
    pub id: i64,
    pub name: String,
    pub description: Option<String>,
    pub active: bool,
}

/// A person who plans a team or a place.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Manager {
    pub id: i64,
    pub user_id: String,
    pub user_name: String,
    pub team_id: Option<i64>,
    pub place_id: Option<i64>,
}

/// Someone on the roster.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Agent {
    pub id: i64,
    pub name: String,
    /// The account, when the agent has one on the site.
    pub user_id: Option<String>,
    pub active: bool,
    pub created_at: String,
}

/// A contract: the agent works under it from `starts_on` to `ends_on`
/// (included; open-ended when none).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Contract {
    pub id: i64,
    pub agent_id: i64,
    pub starts_on: String,
    pub ends_on: Option<String>,
    /// Hours a week, in minutes (35 h = 2,100).
    pub weekly_minutes: i64,
    /// One of [`REGIMES`].
    pub regime: String,
    #[serde(with = "estive_sdk::json_column")]
    pub teams: Vec<i64>,
    #[serde(with = "estive_sdk::json_column")]
    pub skills: Vec<String>,
    #[serde(with = "estive_sdk::json_column")]
    pub places: Vec<i64>,
    /// Days of annual leave a full year gives.
    pub leave_days: i64,
    /// The job, e.g. "Agent de restauration".
    pub title: Option<String>,
}

impl Contract {
    /// Whether the contract holds a local date `YYYY-MM-DD`.
    pub fn covers(&self, day: &str) -> bool {
        self.starts_on.as_str() <= day && self.ends_on.as_deref().is_none_or(|end| day <= end)
    }
}

/// A shift. Times are local wall times `YYYY-MM-DDTHH:MM`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Shift {
    pub id: i64,
    pub team_id: i64,
    pub agent_id: Option<i64>,
    pub place_id: i64,
    /// The Monday of the week the shift starts in, `YYYY-MM-DD`.
    pub monday: String,
    pub starts_at: String,
    pub ends_at: String,
    pub break_minutes: i64,
    pub task: Option<String>,
    /// The skill an open shift asks for.
    pub skill: Option<String>,
    pub status: String,
    /// Changed after its week was published.
    pub changed: bool,
    /// Why a manager kept it despite a legal limit.
    pub override_reason: Option<String>,
    pub template_id: Option<i64>,
    /// Raised by every write, so that two managers editing the same shift
    /// do not overwrite each other.
    pub version: i64,
    pub updated_by: Option<String>,
    pub updated_at: String,
}

/// The publication state of a team's week.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Week {
    pub id: i64,
    pub team_id: i64,
    pub monday: String,
    pub status: String,
    pub published_at: Option<String>,
    pub published_by: Option<String>,
}

/// A week template over a cycle of `cycle_weeks` weeks.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Template {
    pub id: i64,
    pub name: String,
    pub team_id: i64,
    pub cycle_weeks: i64,
    pub note: Option<String>,
}

/// One line of a template.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct TemplateLine {
    pub id: i64,
    pub template_id: i64,
    /// 0-based week of the cycle.
    pub week_index: i64,
    /// 1 = Monday … 7 = Sunday.
    pub weekday: i64,
    /// `HH:MM`.
    pub start: String,
    /// `HH:MM`; before `start` when the shift crosses midnight.
    pub end: String,
    pub break_minutes: i64,
    pub place_id: i64,
    pub task: Option<String>,
    /// One of [`PERIODS`].
    pub period: String,
}

/// A minimum staffing for a place and a slot.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Need {
    pub id: i64,
    pub place_id: i64,
    /// 1 = Monday … 7 = Sunday.
    pub weekday: i64,
    pub start: String,
    pub end: String,
    pub minimum: i64,
    pub skill: Option<String>,
    /// One of [`PERIODS`].
    pub period: String,
    pub label: Option<String>,
}

/// An absence, asked for by the agent (or entered by a manager).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Absence {
    pub id: i64,
    pub agent_id: i64,
    /// One of [`ABSENCE_KINDS`].
    pub kind: String,
    pub starts_on: String,
    pub ends_on: String,
    /// Working days it takes from the balance.
    pub days: f64,
    pub status: String,
    pub note: Option<String>,
    /// The manager's reason on a refusal.
    pub reason: Option<String>,
    pub requested_by: String,
    pub decided_by: Option<String>,
    pub decided_at: Option<String>,
    pub created_at: String,
}

/// Days granted for a kind of absence in a year.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Allowance {
    pub id: i64,
    pub agent_id: i64,
    pub year: i64,
    pub kind: String,
    pub days: f64,
}

/// A swap of two shifts between two agents.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Swap {
    pub id: i64,
    pub shift_id: i64,
    pub other_shift_id: i64,
    /// The shifts' versions when the swap was proposed.
    pub shift_version: i64,
    /// See [`Swap::shift_version`].
    pub other_shift_version: i64,
    pub agent_id: i64,
    pub other_agent_id: i64,
    pub status: String,
    pub note: Option<String>,
    pub reason: Option<String>,
    pub decided_by: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// The secret of an agent's calendar feed.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FeedToken {
    pub id: i64,
    pub agent_id: i64,
    pub token: String,
    pub created_at: String,
}

/// An account that opened the roster once.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Account {
    pub id: i64,
    pub user_id: String,
    pub name: String,
    pub seen_at: String,
}
