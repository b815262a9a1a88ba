//! The rows of the plugin's tables, and the words their text columns hold.

use serde::{Deserialize, Serialize};

/// Where an offer comes from.
pub const LOCAL: &str = "local";
/// See [`LOCAL`]: imported from France Travail's "Offres d'emploi v2".
pub const FRANCE_TRAVAIL: &str = "francetravail";

/// Offer statuses. A local offer goes draft → submitted → published (or
/// refused, back to the employer with a reason) → filled or expired; its
/// employer may withdraw it at any time. An imported offer is published,
/// then withdrawn when France Travail no longer lists it (kept anonymised).
pub const DRAFT: &str = "draft";
/// See [`DRAFT`].
pub const SUBMITTED: &str = "submitted";
/// See [`DRAFT`].
pub const PUBLISHED: &str = "published";
/// See [`DRAFT`].
pub const REFUSED: &str = "refused";
/// See [`DRAFT`].
pub const FILLED: &str = "filled";
/// See [`DRAFT`].
pub const EXPIRED: &str = "expired";
/// See [`DRAFT`].
pub const WITHDRAWN: &str = "withdrawn";

/// Every offer status, in the order of the lifecycle.
pub const OFFER_STATUSES: [&str; 7] = [
    DRAFT, SUBMITTED, PUBLISHED, REFUSED, FILLED, EXPIRED, WITHDRAWN,
];

/// Kinds of contract, as the forms offer them and the filters search them.
/// France Travail's codes map onto them ([`contract_of_code`]).
pub const CONTRACTS: [&str; 7] = [
    "seasonal",
    "cdd",
    "cdi",
    "apprenticeship",
    "interim",
    "internship",
    "other",
];

/// The kind of contract of a France Travail `typeContrat` code (`SAI`,
/// `CDD`, `CDI`, `MIS`…); `natureContrat` tells apprenticeships apart.
pub fn contract_of_code(code: &str, nature: Option<&str>) -> &'static str {
    let nature = nature.unwrap_or_default().to_lowercase();
    if nature.contains("apprentissage") {
        return "apprenticeship";
    }
    match code.trim().to_ascii_uppercase().as_str() {
        "SAI" => "seasonal",
        "CDD" => "cdd",
        "CDI" => "cdi",
        "MIS" => "interim",
        "DIN" | "CCE" | "FRA" | "LIB" | "REP" | "TTI" | "DDI" | "DDT" => "other",
        _ => "other",
    }
}

/// Seasons an offer is for: winter (December to April), summer (June to
/// September), the whole year, or none said.
pub const SEASONS: [&str; 3] = ["winter", "summer", "year"];

/// How one applies to a local offer: on the site (the employer reads the
/// application in their space and is told by e-mail), by an e-mail the
/// site relays (the application's text goes to the employer's address,
/// which nobody sees), or on the employer's own site (a link).
pub const APPLY_MODES: [&str; 3] = ["site", "mail", "link"];

/// Employer statuses: asked for, approved, refused, suspended (offers
/// hidden, nothing new posted).
pub const REQUESTED: &str = "requested";
/// See [`REQUESTED`].
pub const APPROVED: &str = "approved";
/// See [`REQUESTED`] (also an offer's).
pub const SUSPENDED: &str = "suspended";

/// Application statuses: sent, read by the employer, answered.
pub const SENT: &str = "sent";
/// See [`SENT`].
pub const READ: &str = "read";
/// See [`SENT`].
pub const ANSWERED: &str = "answered";

/// Import run statuses.
pub const RUN_REQUESTED: &str = "requested";
/// See [`RUN_REQUESTED`].
pub const RUN_RUNNING: &str = "running";
/// See [`RUN_REQUESTED`].
pub const RUN_DONE: &str = "done";
/// See [`RUN_REQUESTED`].
pub const RUN_FAILED: &str = "failed";

/// An organisation that posts offers, linked to the account that asked.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Employer {
    pub id: i64,
    pub user_id: String,
    pub user_name: String,
    pub name: String,
    pub siret: Option<String>,
    pub commune: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub description: Option<String>,
    pub status: String,
    pub reason: Option<String>,
    pub requested_at: String,
    pub decided_by: Option<String>,
    pub decided_at: Option<String>,
}

/// A job offer, local or imported.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Offer {
    pub id: i64,
    pub source: String,
    pub external_id: Option<String>,
    pub employer_id: Option<i64>,
    pub employer_name: Option<String>,
    pub title: String,
    /// Markdown for a local offer, plain text for an imported one.
    pub description: String,
    pub commune: Option<String>,
    pub insee: Option<String>,
    pub address: Option<String>,
    /// One of [`CONTRACTS`].
    pub contract: String,
    /// The words of the source (France Travail's `typeContratLibelle`).
    pub contract_label: Option<String>,
    /// One of [`SEASONS`], or none.
    pub season: Option<String>,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    /// Working time as written (« 35 h hebdo, 5 jours sur 7 »).
    pub hours: Option<String>,
    /// Pay as written (« 1 900 € brut par mois »).
    pub pay: Option<String>,
    pub pay_min: Option<f64>,
    pub pay_max: Option<f64>,
    /// `HOUR`, `MONTH` or `YEAR` (schema.org's unitText).
    pub pay_unit: Option<String>,
    pub housing: bool,
    #[serde(with = "estive_sdk::json_column")]
    pub skills: Vec<String>,
    #[serde(with = "estive_sdk::json_column")]
    pub languages: Vec<String>,
    pub search_text: Option<String>,
    pub positions: i64,
    /// One of [`APPLY_MODES`].
    pub apply_mode: String,
    pub apply_url: Option<String>,
    pub status: String,
    pub refusal_reason: Option<String>,
    pub expires_on: String,
    pub reminder_sent: bool,
    pub published_at: Option<String>,
    pub closed_at: Option<String>,
    /// France Travail's `dateActualisation`.
    pub source_updated_at: Option<String>,
    /// The original offer (France Travail's `origineOffre.urlOrigine`).
    pub source_url: Option<String>,
    /// The rest of an imported offer (experience, qualification, sector,
    /// the contact's application address…), as France Travail gave it.
    #[serde(with = "estive_sdk::json_column")]
    pub details: serde_json::Value,
    pub created_by: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// The import run that last saw an imported offer.
    pub seen_run: Option<i64>,
    pub version: i64,
}

impl Offer {
    /// Whether it came from France Travail.
    pub fn imported(&self) -> bool {
        self.source == FRANCE_TRAVAIL
    }

    /// Whether anyone may see it on the portal.
    pub fn public(&self) -> bool {
        self.status == PUBLISHED
    }

    /// Whether it was public once and is now closed (shown marked, not
    /// listed).
    pub fn closed(&self) -> bool {
        matches!(self.status.as_str(), FILLED | EXPIRED)
    }
}

/// An application on the site.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Application {
    pub id: i64,
    pub offer_id: i64,
    pub employer_id: i64,
    pub user_id: String,
    pub user_name: String,
    pub message: String,
    pub cv_name: Option<String>,
    pub cv_size: Option<i64>,
    pub cv_deleted_at: Option<String>,
    pub status: String,
    pub answer: Option<String>,
    pub answered_at: Option<String>,
    pub created_at: String,
}

/// The columns of an application without its CV's bytes (read only to
/// download it).
pub const APPLICATION_COLUMNS: [&str; 13] = [
    "id",
    "offer_id",
    "employer_id",
    "user_id",
    "user_name",
    "message",
    "cv_name",
    "cv_size",
    "cv_deleted_at",
    "status",
    "answer",
    "answered_at",
    "created_at",
];

/// A saved search (the kit's: the digest's choice of what is due is
/// shared with the other boards).
pub use estive_kit::saved_searches::SavedSearch as Alert;

/// A France Travail import run.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ImportRun {
    pub id: i64,
    pub trigger: String,
    pub requested_by: Option<String>,
    pub status: String,
    pub started_at: String,
    pub finished_at: Option<String>,
    pub pages: i64,
    pub total: Option<i64>,
    pub fetched: i64,
    pub created: i64,
    pub updated: i64,
    pub withdrawn: i64,
    pub skipped: i64,
    pub retries: i64,
    pub retry_at: Option<String>,
    pub problems: serde_json::Value,
    pub message: Option<String>,
    pub state: serde_json::Value,
}
