//! The rows of the plugin's tables and the small vocabularies they use
//! (statuses, directions, frequencies).

use estive_sdk::dates::Date;
use serde::{Deserialize, Serialize};

/// One of the programme's strategic axes (the five goals of the national
/// Agenda 21 framework by default).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Axis {
    pub id: Option<i64>,
    pub title: String,
    pub description: String,
    pub position: i64,
    pub weight: f64,
}

impl Axis {
    pub fn id(&self) -> i64 {
        self.id.unwrap_or_default()
    }
}

/// Where an action stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Planned,
    InProgress,
    Done,
    Abandoned,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Planned,
        Status::InProgress,
        Status::Done,
        Status::Abandoned,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::InProgress => "in_progress",
            Status::Done => "done",
            Status::Abandoned => "abandoned",
        }
    }

    pub fn parse(text: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// The theme's badge class that repeats the status in colour.
    pub fn badge(self) -> &'static str {
        match self {
            Status::Planned => "badge-draft",
            Status::InProgress => "badge-open",
            Status::Done => "badge-approved",
            Status::Abandoned => "badge-closed",
        }
    }
}

/// How an action's progress is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgressMode {
    /// Entered by hand, in percent.
    Manual,
    /// The weighted mean of its indicators' progress.
    Derived,
}

/// A commitment of the programme under an axis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Action {
    pub id: Option<i64>,
    pub axis_id: i64,
    pub title: String,
    pub description: String,
    pub pilot: String,
    pub partners: String,
    /// INSEE codes of the member communes concerned.
    #[serde(with = "estive_sdk::json_column")]
    pub communes: Vec<String>,
    pub status: Status,
    pub starts_on: Option<Date>,
    pub ends_on: Option<Date>,
    pub budget_planned: Option<f64>,
    pub budget_spent: Option<f64>,
    pub progress_mode: ProgressMode,
    /// Percent, when entered by hand.
    pub progress: Option<f64>,
    pub weight: f64,
    pub position: i64,
}

impl Action {
    pub fn id(&self) -> i64 {
        self.id.unwrap_or_default()
    }
}

/// A dated step of an action.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Milestone {
    pub id: Option<i64>,
    pub action_id: i64,
    pub title: String,
    pub due_on: Option<Date>,
    pub done_on: Option<Date>,
}

/// Which way an indicator should move.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }
}

/// How often an indicator is measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    Monthly,
    Quarterly,
    Yearly,
    Irregular,
}

impl Frequency {
    pub const ALL: [Frequency; 4] = [
        Frequency::Monthly,
        Frequency::Quarterly,
        Frequency::Yearly,
        Frequency::Irregular,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Monthly => "monthly",
            Frequency::Quarterly => "quarterly",
            Frequency::Yearly => "yearly",
            Frequency::Irregular => "irregular",
        }
    }

    /// Days after the last value before a new one is due (the period and
    /// a margin for collecting it); none for irregular indicators.
    pub fn due_after_days(self) -> Option<i64> {
        match self {
            Frequency::Monthly => Some(45),
            Frequency::Quarterly => Some(120),
            Frequency::Yearly => Some(400),
            Frequency::Irregular => None,
        }
    }
}

/// A number that shows how the territory is doing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: Option<i64>,
    pub action_id: Option<i64>,
    /// Short identifier used by CSV imports, e.g. `DECHETS-OMR`.
    pub code: String,
    pub title: String,
    pub description: String,
    pub unit: String,
    pub direction: Direction,
    pub baseline_value: Option<f64>,
    pub baseline_on: Option<Date>,
    pub target_value: Option<f64>,
    pub target_on: Option<Date>,
    pub frequency: Frequency,
    pub source: String,
    /// Hides the latest value from the public.
    pub confidential: bool,
    pub weight: f64,
}

impl Indicator {
    pub fn id(&self) -> i64 {
        self.id.unwrap_or_default()
    }
}

/// Where a measurement came from.
pub const ORIGIN_MANUAL: &str = "manual";
pub const ORIGIN_IMPORT: &str = "import";
pub const ORIGIN_EVENT: &str = "event";

/// One measured value of an indicator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measurement {
    pub id: Option<i64>,
    pub indicator_id: i64,
    pub measured_on: Date,
    /// INSEE code, or empty for the whole intercommunality.
    pub commune: String,
    pub value: f64,
    pub source: String,
    pub comment: String,
    pub author_id: Option<String>,
    pub author_name: String,
    pub origin: String,
    pub created_at: Option<String>,
}

impl Measurement {
    pub fn id(&self) -> i64 {
        self.id.unwrap_or_default()
    }
}

/// Moderation states of an opinion.
pub const PENDING: &str = "pending";
pub const APPROVED: &str = "approved";
pub const REJECTED: &str = "rejected";

/// A citizen's rating and comment on an action.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Opinion {
    pub id: Option<i64>,
    pub action_id: i64,
    pub user_id: String,
    pub user_name: String,
    pub rating: i64,
    pub comment: String,
    pub status: String,
    pub created_at: Option<String>,
    pub moderated_at: Option<String>,
    pub moderated_by: Option<String>,
    pub reason: String,
}

/// An event field that feeds an indicator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mapping {
    pub id: Option<i64>,
    pub topic: String,
    /// A dotted path to a number in the payload, e.g. `totals.vegetarian`.
    pub field: String,
    pub indicator_id: i64,
    /// `day`, `month` or `year`: the value is dated at the start of it.
    pub period: String,
    /// `sum` adds to the value already there for that date; `replace`
    /// overwrites it.
    pub combine: String,
}

/// What happened to an event this plugin received.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReceivedEvent {
    pub id: Option<i64>,
    pub event_id: i64,
    pub topic: String,
    #[serde(with = "estive_sdk::json_column")]
    pub payload: serde_json::Value,
    pub published_at: String,
    /// `applied` or `ignored`.
    pub status: String,
    #[serde(with = "estive_sdk::json_column")]
    pub outcomes: Vec<crate::feeds::Outcome>,
    pub received_at: Option<String>,
}

/// The topics this plugin subscribes to, as in the manifest.
pub const TOPICS: [&str; 4] = [
    "polls.closed",
    "canteen.day-locked",
    "jobs.season-figures",
    "housing.season-figures",
];

/// The current moment in UTC, for `datetime` columns.
pub fn now_utc() -> String {
    estive_sdk::clock::now().utc
}

/// The site's current date.
pub fn today() -> Date {
    estive_sdk::clock::now().date()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_round_trips_through_its_stored_text() {
        for status in Status::ALL {
            assert_eq!(Status::parse(status.as_str()), Some(status));
            let json = serde_json::to_value(status).unwrap();
            assert_eq!(json, status.as_str());
        }
        assert_eq!(Status::parse("cancelled"), None);
    }

    #[test]
    fn action_row_reads_communes_from_json_text() {
        let row = serde_json::json!({
            "id": 4, "axis_id": 1, "title": "Composteurs", "description": "",
            "pilot": "Service déchets", "partners": "", "communes": "[\"65123\"]",
            "status": "in_progress", "starts_on": "2025-01-01", "ends_on": null,
            "budget_planned": 12000.0, "budget_spent": null, "progress_mode": "derived",
            "progress": null, "weight": 1.0, "position": 0
        });
        let action: Action = serde_json::from_value(row).unwrap();
        assert_eq!(action.communes, ["65123"]);
        assert_eq!(action.status, Status::InProgress);
        assert_eq!(action.progress_mode, ProgressMode::Derived);
    }
}
