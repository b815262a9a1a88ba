//! Reading the plugin's rows, the site's settings and the clock; what the
//! pages share.

use estive_sdk::prelude::*;
use serde::Deserialize;

use crate::model::{Employer, Offer};
use crate::tables;

/// The site's settings of the plugin (see plugin.toml for each).
#[derive(Clone, Debug, Deserialize)]
pub struct Settings {
    pub review_edits: bool,
    pub reminder_days: i64,
    pub max_offer_days: i64,
    pub cv_days: i64,
    pub applications_months: i64,
    pub cv_max_kib: i64,
    pub communes: Vec<String>,
    pub ft_enabled: bool,
    pub ft_client_id: String,
    pub ft_client_secret: String,
    pub ft_distance_km: i64,
    pub ft_contracts: String,
    pub ft_keywords: String,
    pub ft_every_hours: i64,
    pub ft_token_url: String,
    pub ft_api_url: String,
}

/// The largest CV the host lets through a form (its limit on a whole form
/// is 2 MiB, and the file travels as base64 inside it).
pub const CV_MAX_KIB: i64 = 1400;

impl Settings {
    /// The site's settings.
    ///
    /// # Errors
    /// When the host cannot give them.
    pub fn load() -> Result<Settings, Error> {
        config::settings()
    }

    /// The site's communes, as (INSEE code, name), in the settings' order.
    /// A line without a 5-character code first is a name alone (code
    /// empty); blank lines are left out.
    pub fn communes(&self) -> Vec<Commune> {
        self.communes
            .iter()
            .filter_map(|line| Commune::parse(line))
            .collect()
    }

    /// The largest CV accepted, in bytes.
    pub fn cv_max_bytes(&self) -> usize {
        let kib = self.cv_max_kib.clamp(16, CV_MAX_KIB);
        usize::try_from(kib).unwrap_or(1024) * 1024
    }
}

pub use estive_kit::communes::Commune;

/// The site's local date.
pub fn today() -> Date {
    clock::now().date()
}

/// The current moment in UTC, RFC 3339, for `datetime` columns.
pub fn now_utc() -> String {
    clock::now().utc
}

/// An offer by id, whatever its status.
///
/// # Errors
/// `not-found` when there is none; storage failures.
pub fn offer(id: i64) -> Result<Offer, Error> {
    db::select(tables::OFFERS)
        .filter(eq("id", id))
        .first()?
        .ok_or_else(|| Error::not_found("offer-not-found"))
}

/// An employer by id.
///
/// # Errors
/// `not-found` when there is none; storage failures.
pub fn employer(id: i64) -> Result<Employer, Error> {
    db::select(tables::EMPLOYERS)
        .filter(eq("id", id))
        .first()?
        .ok_or_else(|| Error::not_found("employer-not-found"))
}

/// The employer record of an account, if it asked to be one.
///
/// # Errors
/// Storage failures.
pub fn employer_of(user_id: &str) -> Result<Option<Employer>, Error> {
    db::select(tables::EMPLOYERS)
        .filter(eq(tables::employers::USER_ID, user_id))
        .first()
}

/// The text of a form field, trimmed, `None` when empty.
pub fn field<'a>(req: &'a Request, name: &str) -> Option<&'a str> {
    req.form(name).map(str::trim).filter(|v| !v.is_empty())
}
