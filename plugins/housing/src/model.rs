//! The rows of the plugin's tables, and the words their text columns hold.

use serde::{Deserialize, Serialize};

/// Home statuses. A home goes draft → submitted → published (or refused,
/// back to the landlord with a reason) → let or expired (the day after
/// its period ends); its landlord may withdraw it at any time.
pub const DRAFT: &str = "draft";
/// See [`DRAFT`].
pub const SUBMITTED: &str = "submitted";
/// See [`DRAFT`].
pub const PUBLISHED: &str = "published";
/// See [`DRAFT`].
pub const REFUSED: &str = "refused";
/// See [`DRAFT`]: the landlord found a tenant.
pub const LET: &str = "let";
/// See [`DRAFT`].
pub const EXPIRED: &str = "expired";
/// See [`DRAFT`].
pub const WITHDRAWN: &str = "withdrawn";

/// Kinds of home.
pub const KINDS: [&str; 5] = ["studio", "flat", "room", "shared", "house"];

/// Who lets: a private owner, a commune, a social landlord, an employer
/// housing its staff, another body.
pub const LANDLORD_KINDS: [&str; 5] = ["private", "commune", "social", "employer", "other"];

/// Leases: bail mobilité (1 to 10 months, furnished, no deposit), a
/// furnished lease, a sublet, housing provided by the employer, other.
pub const LEASES: [&str; 5] = ["mobility", "furnished", "sublet", "employer", "other"];

/// Seasons a home is offered for.
pub const SEASONS: [&str; 3] = ["winter", "summer", "year"];

/// Decency (décret n° 2002-120, art. 4): a main room of at least 9 m² with
/// a ceiling of at least 2.20 m, or a volume of at least 20 m³.
pub const DECENT_SURFACE: f64 = 9.0;
/// See [`DECENT_SURFACE`].
pub const DECENT_CEILING: f64 = 2.2;
/// See [`DECENT_SURFACE`].
pub const DECENT_VOLUME: f64 = 20.0;

/// Whether a home meets the decency minimum: 9 m² under 2.20 m, or 20 m³.
/// A home whose ceiling and volume are unknown is judged on its surface
/// alone (staff check the rest when they review it).
pub fn decent(surface: f64, ceiling: Option<f64>, volume: Option<f64>) -> bool {
    let by_surface = surface >= DECENT_SURFACE && ceiling.is_none_or(|c| c >= DECENT_CEILING);
    let by_volume = volume.is_some_and(|v| v >= DECENT_VOLUME)
        || ceiling.is_some_and(|c| surface * c >= DECENT_VOLUME);
    by_surface || by_volume
}

/// Landlord statuses.
pub const REQUESTED: &str = "requested";
/// See [`REQUESTED`].
pub const APPROVED: &str = "approved";
/// See [`REQUESTED`].
pub const SUSPENDED: &str = "suspended";

/// Conversation statuses: open, accepted by the landlord (who then shares
/// the home's address), declined, closed.
pub const OPEN: &str = "open";
/// See [`OPEN`].
pub const ACCEPTED: &str = "accepted";
/// See [`OPEN`].
pub const DECLINED: &str = "declined";
/// See [`OPEN`] (also a request's).
pub const CLOSED: &str = "closed";
/// A request that found a home.
pub const MET: &str = "met";

/// Sides of a conversation.
pub const SEEKER: &str = "seeker";
/// See [`SEEKER`].
pub const LANDLORD: &str = "landlord";

/// Someone who lets homes, linked to the account that asked.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Landlord {
    pub id: i64,
    pub user_id: String,
    pub user_name: String,
    pub kind: String,
    pub name: String,
    pub phone: Option<String>,
    pub description: Option<String>,
    pub status: String,
    pub reason: Option<String>,
    pub requested_at: String,
    pub decided_by: Option<String>,
    pub decided_at: Option<String>,
}

/// A home offered for a period.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Home {
    pub id: i64,
    pub landlord_id: i64,
    /// The name shown with the listing (an organisation, or a private
    /// owner's first name).
    pub landlord_name: String,
    pub landlord_kind: String,
    pub title: String,
    /// Markdown.
    pub description: String,
    pub commune: String,
    pub insee: Option<String>,
    /// A neighbourhood or hamlet: public.
    pub area: Option<String>,
    /// The exact address: only for a person the landlord accepted.
    pub address: Option<String>,
    /// One of [`KINDS`].
    pub kind: String,
    pub beds: i64,
    pub shared: bool,
    pub furnished: bool,
    /// m².
    pub surface: f64,
    /// m, under the ceiling.
    pub ceiling: Option<f64>,
    /// m³.
    pub volume: Option<f64>,
    /// € a month, without charges.
    pub rent: f64,
    /// € a month.
    pub charges: f64,
    /// €.
    pub deposit: f64,
    /// One of [`LEASES`].
    pub lease: String,
    pub visale: bool,
    pub minutes_lifts: Option<i64>,
    pub minutes_resort: Option<i64>,
    pub minutes_town: Option<i64>,
    pub minutes_transport: Option<i64>,
    #[serde(with = "estive_sdk::json_column")]
    pub seasons: Vec<String>,
    pub available_from: String,
    pub available_to: String,
    pub min_stay_weeks: i64,
    pub pets: bool,
    pub smoking: bool,
    /// How many photos it has.
    pub photos: i64,
    /// The photo shown first in lists.
    pub cover_photo: Option<i64>,
    pub status: String,
    pub refusal_reason: Option<String>,
    /// History of decisions and the like (`{"history": [...]}`).
    #[serde(with = "estive_sdk::json_column")]
    pub details: serde_json::Value,
    pub published_at: Option<String>,
    pub closed_at: Option<String>,
    pub created_by: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

impl Home {
    /// Whether anyone may see it on the portal.
    pub fn public(&self) -> bool {
        self.status == PUBLISHED
    }

    /// Whether it was public once and is now closed (shown marked).
    pub fn closed(&self) -> bool {
        matches!(self.status.as_str(), LET | EXPIRED)
    }

    /// Rent and charges, a month.
    pub fn monthly(&self) -> f64 {
        self.rent + self.charges
    }
}

/// The columns of a photo without its bytes.
pub const PHOTO_COLUMNS: [&str; 7] = [
    "id", "home_id", "position", "width", "height", "size", "alt",
];

/// A photo, without its bytes.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Photo {
    pub id: i64,
    pub home_id: i64,
    pub position: i64,
    pub width: i64,
    pub height: i64,
    pub size: i64,
    pub alt: String,
}

/// A conversation about a home.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Conversation {
    pub id: i64,
    pub home_id: i64,
    pub landlord_id: i64,
    pub seeker_user_id: String,
    pub seeker_name: String,
    pub status: String,
    pub seeker_unread: bool,
    pub landlord_unread: bool,
    pub created_at: String,
    pub last_at: String,
    pub purge_on: String,
}

/// A message of a conversation.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Message {
    pub id: i64,
    pub conversation_id: i64,
    pub side: String,
    pub body: String,
    pub created_at: String,
}

/// A housing request.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct HousingRequest {
    pub id: i64,
    pub user_id: String,
    pub user_name: String,
    pub for_staff: bool,
    pub organisation: Option<String>,
    pub starts_on: String,
    pub ends_on: String,
    pub season: Option<String>,
    pub budget: f64,
    pub beds: i64,
    #[serde(with = "estive_sdk::json_column")]
    pub communes: Vec<String>,
    pub furnished: bool,
    pub note: Option<String>,
    pub status: String,
    pub created_at: String,
    pub updated_at: String,
    pub purge_on: String,
}

/// A saved search (the kit's: the digest's choice of what is due is
/// shared with the other boards).
pub use estive_kit::saved_searches::SavedSearch as Alert;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decency_is_nine_square_metres_under_two_twenty_or_twenty_cubic_metres() {
        assert!(decent(9.0, Some(2.2), None));
        assert!(decent(12.0, None, None));
        assert!(!decent(8.5, Some(2.3), None));
        assert!(decent(8.5, Some(2.5), Some(21.25)));
        assert!(decent(8.5, Some(2.4), None));
        assert!(!decent(9.5, Some(2.0), None));
        assert!(!decent(7.0, None, None));
    }
}
