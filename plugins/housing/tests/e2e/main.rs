//! End-to-end: the housing plugin built for wasm32-wasip2, in a real Estive
//! host over a temporary SQLite database (PostgreSQL where named), driven
//! through its pages as landlords, people looking for a home and staff would.
//!
//! The site's clock is Monday 7 December 2026, 08:00 in Paris. The test's
//! accounts (after the four every test host has: 1 `admin`, 2 `elu`,
//! 3 `agent`, 4 `citoyen`) are 5 `mairie` (Marc, citizen, approved
//! landlord « Mairie de Vielle-Aure », kind commune), 6 `paul` (Paul,
//! `landlord` role, approved private landlord « Paul »), 7 `seeker` (Sam,
//! citizen, a seasonal worker looking for a home) and 8 `newowner` (Nina,
//! citizen, not a landlord yet). The homes of `tests/fixture/housing.json`:
//! 1 « Studio communal » (published, mairie, Vielle-Aure, 380 € + 40 €),
//! 2 « Chambre chez l'habitant » (published, paul, Saint-Lary-Soulan,
//! 300 €, shared), 3 « Maison pour trois saisonniers » (submitted, paul,
//! Arreau); and Sam's open request (450 €, 1 bed, Vielle-Aure or
//! Saint-Lary-Soulan).

use std::path::Path;

use anyhow::{Result, ensure};
use estive_testing::{Builder, TestHost};
pub use estive_testing::{excerpt, expect, id_of, shown, unescaped};

mod browser;
mod contact;
mod figures;
mod photos;
mod posting;
mod requests;
mod search;

/// Monday 7 December 2026, 08:00 in Paris.
pub const NOW: &str = "2026-12-07T08:00:00+01:00";
/// Where the plugin is mounted on the portal.
pub const BASE: &str = "/logements";
/// Where the plugin is mounted on the extranet.
pub const STAFF: &str = "/extranet/logements";
/// The site's communes, as the setting lists them.
pub const COMMUNES: [&str; 3] = [
    "65388 Saint-Lary-Soulan",
    "65462 Vielle-Aure",
    "65017 Arreau",
];

/// The host with the plugin, the site's communes and the test's accounts.
pub fn builder() -> Builder {
    TestHost::builder()
        .plugin(env!("CARGO_MANIFEST_DIR"))
        .now(NOW)
        .setting(
            "housing",
            "communes",
            toml::Value::Array(COMMUNES.iter().map(|c| toml::Value::from(*c)).collect()),
        )
        .user("mairie", "Marc Maire", &["citizen"])
        .user("paul", "Paul Propriétaire", &["landlord"])
        .user("seeker", "Sam Saisonnier", &["citizen"])
        .user("newowner", "Nina Nouvelle", &["citizen"])
}

/// A started host with the fixture's landlords, homes and request loaded.
pub async fn loaded(builder: Builder) -> Result<TestHost> {
    let host = builder.start().await?;
    let loaded = host
        .load_rows(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixture"))
        .await?;
    ensure!(!loaded.is_empty(), "the fixture loaded nothing");
    Ok(host)
}

/// A mail as a person reads it.
pub fn decoded(mail: &str) -> String {
    estive_testing::decode_mail(mail)
}
