//! Reading the plugin's rows, the site's settings and the clock; what the
//! pages share.

use estive_sdk::prelude::*;
use serde::Deserialize;

pub use estive_kit::communes::Commune;

use crate::model::{Home, Landlord};
use crate::tables;

/// The site's settings of the plugin (see plugin.toml for each).
#[derive(Clone, Debug, Deserialize)]
pub struct Settings {
    pub communes: Vec<String>,
    pub places: Vec<String>,
    pub review_edits: bool,
    pub purge_months: i64,
    pub max_photos: i64,
    pub rent_max: i64,
}

impl Settings {
    /// The site's settings.
    ///
    /// # Errors
    /// When the host cannot give them.
    pub fn load() -> Result<Settings, Error> {
        config::settings()
    }

    /// The site's communes, in the settings' order.
    pub fn communes(&self) -> Vec<Commune> {
        estive_kit::communes::parse_all(self.communes.iter().map(String::as_str))
    }

    /// The names of the three landmark workplaces (the lifts, the resort,
    /// the valley's town), defaults filled in.
    pub fn places(&self) -> [String; 3] {
        let defaults = ["Remontées mécaniques", "Station", "Ville de la vallée"];
        let mut out = defaults.map(str::to_string);
        for (slot, name) in out.iter_mut().zip(&self.places) {
            if !name.trim().is_empty() {
                name.trim().clone_into(slot);
            }
        }
        out
    }

    /// At most this many photos a home (1 to 20).
    pub fn max_photos(&self) -> usize {
        usize::try_from(self.max_photos.clamp(1, 20)).unwrap_or(8)
    }
}

/// The site's local date.
pub fn today() -> Date {
    clock::now().date()
}

/// The current moment in UTC, RFC 3339, for `datetime` columns.
pub fn now_utc() -> String {
    clock::now().utc
}

/// A home by id, whatever its status.
///
/// # Errors
/// `not-found` when there is none; storage failures.
pub fn home(id: i64) -> Result<Home, Error> {
    db::select(tables::HOMES)
        .filter(eq("id", id))
        .first()?
        .ok_or_else(|| Error::not_found("home-not-found"))
}

/// A landlord by id.
///
/// # Errors
/// `not-found` when there is none; storage failures.
pub fn landlord(id: i64) -> Result<Landlord, Error> {
    db::select(tables::LANDLORDS)
        .filter(eq("id", id))
        .first()?
        .ok_or_else(|| Error::not_found("landlord-not-found"))
}

/// The landlord record of an account, if it asked to be one.
///
/// # Errors
/// Storage failures.
pub fn landlord_of(user_id: &str) -> Result<Option<Landlord>, Error> {
    db::select(tables::LANDLORDS)
        .filter(eq(tables::landlords::USER_ID, user_id))
        .first()
}
