//! End-to-end: the jobs plugin built for wasm32-wasip2, in a real Estive
//! host over a temporary SQLite database (PostgreSQL where named), driven
//! through its pages as employers, job seekers and staff would.
//!
//! The site's clock is Monday 7 December 2026, 08:00 in Paris. The test's
//! accounts (after the four every test host has: 1 `admin`, 2 `elu`,
//! 3 `agent`, 4 `citoyen`) are 5 `hotel` (Hélène, citizen, approved
//! employer « Hôtel du Pic »), 6 `lifts` (Rémi, `employer` role, approved
//! « Régie des remontées mécaniques »), 7 `seeker` (Sam, citizen, looks for
//! a job) and 8 `newboss` (Nina, citizen, not an employer yet). The offers
//! of `tests/fixture/jobs.json`: 1 « Perchman » (published, lifts, site
//! applications, housing), 2 « Serveur » (published, hotel, relayed
//! e-mail), 3 « Plongeur » (submitted, waiting for review).

use std::path::Path;

use anyhow::{Result, ensure};
use estive_testing::{Builder, TestHost};
pub use estive_testing::{excerpt, expect, id_of, shown, unescaped};

mod applying;
mod browser;
mod import;
mod posting;
mod search;
mod standin;

/// Monday 7 December 2026, 08:00 in Paris.
pub const NOW: &str = "2026-12-07T08:00:00+01:00";
/// Where the plugin is mounted on the portal.
pub const BASE: &str = "/emplois";
/// Where the plugin is mounted on the extranet.
pub const STAFF: &str = "/extranet/emplois";
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
            "jobs",
            "communes",
            toml::Value::Array(COMMUNES.iter().map(|c| toml::Value::from(*c)).collect()),
        )
        .user("hotel", "Hélène Hôtelière", &["citizen"])
        .user("lifts", "Rémi Remontées", &["employer"])
        .user("seeker", "Sam Saisonnier", &["citizen"])
        .user("newboss", "Nina Nouvelle", &["citizen"])
}

/// A started host with the fixture's employers and offers loaded.
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
