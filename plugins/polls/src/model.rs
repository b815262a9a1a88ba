//! The nouns of a consultation and how they are stored: polls, questions,
//! options, answer sets (one per person) and answers (one per choice, rank,
//! score or text).

use estive_sdk::prelude::*;
use serde::{Deserialize, Serialize};

/// Longest answer to a short free-text question, in characters.
pub const SHORT_TEXT_MAX: usize = 200;
/// Longest answer to a long free-text question, in characters.
pub const LONG_TEXT_MAX: usize = 4000;
/// Longest "other" answer, in characters.
pub const OTHER_TEXT_MAX: usize = 200;
/// Most questions in one poll, and options in one question.
pub const MAX_QUESTIONS: usize = 50;
/// Most options in one question.
pub const MAX_OPTIONS: usize = 30;

/// The options of a select or a group of radio buttons, for the host's
/// form macros: each value with its label, the catalogue's `<prefix><value>`.
pub fn options(values: &[&str], prefix: &str) -> Vec<estive_sdk::form::Choice> {
    estive_sdk::form::options(values.iter().map(|v| (v, i18n::t(&format!("{prefix}{v}")))))
}

/// Where a poll is in its life. `Published` polls are open between their
/// opening and closing times.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Draft,
    Published,
    Closed,
}

impl Status {
    pub fn parse(text: &str) -> Status {
        match text {
            "published" => Status::Published,
            "closed" => Status::Closed,
            _ => Status::Draft,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Published => "published",
            Status::Closed => "closed",
        }
    }
}

/// What a visitor sees of a poll at a given time: its status combined with
/// the clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Draft,
    Upcoming,
    Open,
    Closed,
}

impl Phase {
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Draft => "draft",
            Phase::Upcoming => "upcoming",
            Phase::Open => "open",
            Phase::Closed => "closed",
        }
    }
}

/// Who may answer a poll.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// Anyone, once per browser.
    Anyone,
    /// Anyone signed in, once per account.
    Accounts,
    /// Members of one working group, once per account.
    Group,
}

impl Audience {
    pub const ALL: [&'static str; 3] = ["anyone", "accounts", "group"];

    pub fn parse(text: &str) -> Audience {
        match text {
            "accounts" => Audience::Accounts,
            "group" => Audience::Group,
            _ => Audience::Anyone,
        }
    }

    pub fn needs_account(self) -> bool {
        !matches!(self, Audience::Anyone)
    }
}

/// When results are public.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visibility {
    /// As answers arrive.
    Live,
    /// Once the poll is closed.
    AfterClose,
    /// Never: holders of `polls.results` only.
    Staff,
}

impl Visibility {
    pub const ALL: [&'static str; 3] = ["live", "after_close", "staff"];

    pub fn parse(text: &str) -> Visibility {
        match text {
            "live" => Visibility::Live,
            "staff" => Visibility::Staff,
            _ => Visibility::AfterClose,
        }
    }
}

/// A row of `polls`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Poll {
    pub id: Option<i64>,
    pub title: String,
    pub description: Option<String>,
    #[serde(with = "estive_sdk::json_column")]
    pub themes: Vec<String>,
    pub status: String,
    pub opens_at: String,
    pub closes_at: String,
    pub audience: String,
    pub group_slug: Option<String>,
    pub anonymous: bool,
    pub allow_change: bool,
    pub results: String,
    pub revision: i64,
    pub created_by: Option<String>,
    pub created_at: Option<String>,
    pub published_at: Option<String>,
    pub closed_at: Option<String>,
    #[serde(default)]
    pub announced: bool,
    /// Moved by every change that can move the results; see
    /// [`touch_results`].
    #[serde(default)]
    pub results_stamp: Option<String>,
}

impl Poll {
    pub fn id(&self) -> i64 {
        self.id.unwrap_or_default()
    }

    pub fn status(&self) -> Status {
        Status::parse(&self.status)
    }

    pub fn audience(&self) -> Audience {
        Audience::parse(&self.audience)
    }

    pub fn visibility(&self) -> Visibility {
        Visibility::parse(&self.results)
    }

    /// The phase at local time `now` (`YYYY-MM-DDTHH:MM`): a published poll
    /// is closed from its closing time on, even before the schedule marks
    /// it closed.
    pub fn phase(&self, now: &str) -> Phase {
        match self.status() {
            Status::Draft => Phase::Draft,
            Status::Closed => Phase::Closed,
            Status::Published if now >= self.closes_at.as_str() => Phase::Closed,
            Status::Published if now < self.opens_at.as_str() => Phase::Upcoming,
            Status::Published => Phase::Open,
        }
    }

    /// When answers really stopped, once they have at `now`: the planned
    /// closing time, or the moment a manager closed the poll when that came
    /// first. The schedule marks a poll closed a few minutes after its
    /// closing time, but answers stopped at the closing time itself.
    pub fn ended_at(&self, now: &str) -> Option<String> {
        match (self.status(), self.closed_at.as_deref()) {
            (Status::Closed, Some(closed)) if closed < self.closes_at.as_str() => {
                Some(closed.to_owned())
            }
            (Status::Closed, _) => Some(self.closes_at.clone()),
            (Status::Published, _) if now >= self.closes_at.as_str() => {
                Some(self.closes_at.clone())
            }
            _ => None,
        }
    }

    /// Whether a manager closed the poll before its planned closing time.
    pub fn closed_early(&self) -> bool {
        self.status() == Status::Closed
            && self
                .closed_at
                .as_deref()
                .is_some_and(|closed| closed < self.closes_at.as_str())
    }

    /// Whether anyone may read the results at `now`.
    pub fn results_public(&self, now: &str) -> bool {
        match (self.visibility(), self.phase(now)) {
            (Visibility::Staff, _) | (_, Phase::Draft) => false,
            (Visibility::Live, _) => true,
            (Visibility::AfterClose, phase) => phase == Phase::Closed,
        }
    }

    /// Whether answers are stored without any link to an account.
    pub fn is_anonymous(&self) -> bool {
        self.anonymous || !self.audience().needs_account()
    }
}

/// The kinds of question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Single,
    Multiple,
    Ranking,
    Scale,
    ShortText,
    LongText,
}

impl Kind {
    pub const ALL: [&'static str; 6] = [
        "single",
        "multiple",
        "ranking",
        "scale",
        "short_text",
        "long_text",
    ];

    pub fn parse(text: &str) -> Kind {
        match text {
            "multiple" => Kind::Multiple,
            "ranking" => Kind::Ranking,
            "scale" => Kind::Scale,
            "short_text" => Kind::ShortText,
            "long_text" => Kind::LongText,
            _ => Kind::Single,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Single => "single",
            Kind::Multiple => "multiple",
            Kind::Ranking => "ranking",
            Kind::Scale => "scale",
            Kind::ShortText => "short_text",
            Kind::LongText => "long_text",
        }
    }

    pub fn has_options(self) -> bool {
        matches!(self, Kind::Single | Kind::Multiple | Kind::Ranking)
    }

    pub fn is_text(self) -> bool {
        matches!(self, Kind::ShortText | Kind::LongText)
    }
}

/// A row of `questions`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionRow {
    pub id: Option<i64>,
    pub poll_id: i64,
    pub position: i64,
    pub kind: String,
    pub title: String,
    pub help: Option<String>,
    pub required: bool,
    pub min_choices: Option<i64>,
    pub max_choices: Option<i64>,
    pub scale_max: Option<i64>,
    pub scale_low: Option<String>,
    pub scale_high: Option<String>,
    pub allow_other: bool,
}

/// A row of `options`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OptionRow {
    pub id: Option<i64>,
    pub poll_id: i64,
    pub question_id: i64,
    pub position: i64,
    pub label: String,
}

/// One option of a question, as pages and the answer reader use it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Choice {
    pub id: i64,
    pub label: String,
}

/// A question with its options, ready for pages and for reading answers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Question {
    pub id: i64,
    pub position: i64,
    pub kind: Kind,
    pub title: String,
    pub help: Option<String>,
    pub required: bool,
    pub min_choices: Option<i64>,
    pub max_choices: Option<i64>,
    pub scale_max: i64,
    pub scale_low: Option<String>,
    pub scale_high: Option<String>,
    pub allow_other: bool,
    pub options: Vec<Choice>,
}

impl Question {
    pub fn from_row(row: QuestionRow, options: Vec<Choice>) -> Question {
        let kind = Kind::parse(&row.kind);
        Question {
            id: row.id.unwrap_or_default(),
            position: row.position,
            kind,
            title: row.title,
            help: row.help,
            required: row.required,
            min_choices: row.min_choices,
            max_choices: row.max_choices,
            scale_max: row.scale_max.unwrap_or(5).clamp(2, 10),
            scale_low: row.scale_low,
            scale_high: row.scale_high,
            allow_other: row.allow_other && matches!(kind, Kind::Single | Kind::Multiple),
            options,
        }
    }

    /// Longest accepted free text for this question.
    pub fn max_length(&self) -> usize {
        match self.kind {
            Kind::LongText => LONG_TEXT_MAX,
            Kind::ShortText => SHORT_TEXT_MAX,
            _ => OTHER_TEXT_MAX,
        }
    }

    /// The fewest and most choices (or ranked options) accepted when the
    /// question is answered. The "other" answer counts as a choice.
    pub fn choice_bounds(&self) -> (usize, usize) {
        let available = self.options.len() + usize::from(self.allow_other);
        let min = self.min_choices.map_or(1, |n| n.max(1) as usize);
        let max = self
            .max_choices
            .map_or(available, |n| (n.max(1) as usize).min(available.max(1)));
        (min.min(max), max)
    }
}

/// A row of `answer_sets`: one person's answers to one poll.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerSet {
    pub id: Option<i64>,
    pub poll_id: i64,
    pub respondent: String,
    pub respondent_name: Option<String>,
    pub day: String,
    pub submitted_at: String,
    pub updated_at: Option<String>,
}

/// A row of `answers`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub id: Option<i64>,
    pub poll_id: i64,
    /// `None` until stored: a new answer set's transaction links it.
    pub answer_set_id: Option<i64>,
    pub question_id: i64,
    pub option_id: Option<i64>,
    pub rank: Option<i64>,
    pub score: Option<i64>,
    pub body: Option<String>,
    pub moderation: Option<String>,
}

/// Moderation states of a free-text answer.
pub const PENDING: &str = "pending";
pub const APPROVED: &str = "approved";
pub const REJECTED: &str = "rejected";

/// A new results stamp: 128 random bits (the standard library's randomly
/// keyed hashers, seeded from the host's WASI random source) and the time.
/// Never reused, so a stamp once replaced never comes back and a results
/// cache row counted under it can never look fresh again.
pub fn fresh_stamp() -> String {
    use std::hash::{BuildHasher, Hasher, RandomState};
    let now = clock::now().unix_millis;
    let mut bits = [0u64; 2];
    for (i, b) in bits.iter_mut().enumerate() {
        let mut h = RandomState::new().build_hasher();
        h.write_u64(i as u64);
        h.write_i64(now);
        *b = h.finish();
    }
    format!("{now:x}.{:016x}{:016x}", bits[0], bits[1])
}

/// The update step every change that can move a poll's results adds to
/// its transaction: a fresh results stamp on the poll row, so that the
/// cached results stop being fresh exactly when the change commits.
pub fn touch_results(poll_id: i64) -> db::Update {
    db::update("polls")
        .filter(eq("id", poll_id))
        .set("results_stamp", fresh_stamp())
}

/// A poll by id.
///
/// # Errors
///
/// Not found when it does not exist on this site.
pub fn load_poll(id: i64) -> Result<Poll, Error> {
    db::select("polls").filter(eq("id", id)).one()
}

/// The questions of a poll in order, each with its options in order.
///
/// # Errors
///
/// A storage failure.
pub fn load_questions(poll_id: i64) -> Result<Vec<Question>, Error> {
    let rows: Vec<QuestionRow> = db::select("questions")
        .filter(eq("poll_id", poll_id))
        .order_asc("position")
        .order_asc("id")
        .fetch()?;
    let options: Vec<OptionRow> = db::select("options")
        .filter(eq("poll_id", poll_id))
        .order_asc("position")
        .order_asc("id")
        .fetch()?;
    Ok(assemble(rows, options))
}

/// Puts each option under its question.
pub fn assemble(rows: Vec<QuestionRow>, options: Vec<OptionRow>) -> Vec<Question> {
    rows.into_iter()
        .map(|row| {
            let id = row.id.unwrap_or_default();
            let choices = options
                .iter()
                .filter(|o| o.question_id == id)
                .map(|o| Choice {
                    id: o.id.unwrap_or_default(),
                    label: o.label.clone(),
                })
                .collect();
            Question::from_row(row, choices)
        })
        .collect()
}

/// The number of answer sets of a poll.
///
/// # Errors
///
/// A storage failure.
pub fn respondents(poll_id: i64) -> Result<u64, Error> {
    db::count("answer_sets")
        .filter(eq("poll_id", poll_id))
        .get()
}

/// The local time now, `YYYY-MM-DDTHH:MM`.
pub fn now_local() -> String {
    clock::now().local_datetime().to_string()[..16].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn poll(status: &str, results: &str) -> Poll {
        Poll {
            id: Some(1),
            title: "Piscine".into(),
            description: None,
            themes: vec![],
            status: status.into(),
            opens_at: "2026-11-01T08:00".into(),
            closes_at: "2026-11-30T18:00".into(),
            audience: "anyone".into(),
            group_slug: None,
            anonymous: false,
            allow_change: false,
            results: results.into(),
            revision: 0,
            created_by: None,
            created_at: None,
            published_at: None,
            closed_at: None,
            announced: false,
            results_stamp: None,
        }
    }

    #[test]
    fn published_poll_is_upcoming_then_open_then_closed_by_the_clock() {
        let p = poll("published", "after_close");
        assert_eq!(p.phase("2026-10-31T23:59"), Phase::Upcoming);
        assert_eq!(p.phase("2026-11-01T08:00"), Phase::Open);
        assert_eq!(p.phase("2026-11-30T17:59"), Phase::Open);
        assert_eq!(p.phase("2026-11-30T18:00"), Phase::Closed);
        assert_eq!(
            poll("draft", "live").phase("2026-11-10T10:00"),
            Phase::Draft
        );
    }

    #[test]
    fn a_poll_closed_by_hand_ended_when_it_was_closed_and_says_it_was_early() {
        let mut p = poll("closed", "after_close");
        p.closed_at = Some("2026-11-12T10:30".into());
        assert_eq!(
            p.ended_at("2026-12-01T00:00").as_deref(),
            Some("2026-11-12T10:30")
        );
        assert!(p.closed_early());
    }

    #[test]
    fn a_poll_closed_by_the_schedule_ended_at_its_planned_time() {
        let mut p = poll("closed", "after_close");
        p.closed_at = Some("2026-11-30T18:05".into());
        assert_eq!(
            p.ended_at("2026-12-01T00:00").as_deref(),
            Some("2026-11-30T18:00")
        );
        assert!(!p.closed_early());
        let open = poll("published", "live");
        assert_eq!(open.ended_at("2026-11-30T17:59"), None);
        assert_eq!(
            open.ended_at("2026-11-30T18:00").as_deref(),
            Some("2026-11-30T18:00")
        );
        assert_eq!(poll("draft", "live").ended_at("2026-12-01T00:00"), None);
    }

    #[test]
    fn results_are_public_only_as_the_poll_setting_says() {
        let during = "2026-11-10T10:00";
        let after = "2026-12-01T10:00";
        assert!(poll("published", "live").results_public(during));
        assert!(!poll("published", "after_close").results_public(during));
        assert!(poll("published", "after_close").results_public(after));
        assert!(poll("closed", "after_close").results_public(during));
        assert!(!poll("closed", "staff").results_public(after));
        assert!(!poll("draft", "live").results_public(during));
    }

    #[test]
    fn a_poll_open_to_anyone_is_always_anonymous() {
        let mut p = poll("published", "live");
        assert!(p.is_anonymous());
        p.audience = "accounts".into();
        assert!(!p.is_anonymous());
        p.anonymous = true;
        assert!(p.is_anonymous());
    }

    #[test]
    fn choice_bounds_default_to_one_and_all_and_stay_consistent() {
        let q = |min, max, n: usize, other| Question {
            id: 1,
            position: 0,
            kind: Kind::Multiple,
            title: "Q".into(),
            help: None,
            required: true,
            min_choices: min,
            max_choices: max,
            scale_max: 5,
            scale_low: None,
            scale_high: None,
            allow_other: other,
            options: (0..n)
                .map(|i| Choice {
                    id: i as i64,
                    label: format!("o{i}"),
                })
                .collect(),
        };
        assert_eq!(q(None, None, 4, false).choice_bounds(), (1, 4));
        assert_eq!(q(None, None, 4, true).choice_bounds(), (1, 5));
        assert_eq!(q(Some(2), Some(3), 4, false).choice_bounds(), (2, 3));
        assert_eq!(q(Some(9), Some(20), 4, false).choice_bounds(), (4, 4));
    }
}
