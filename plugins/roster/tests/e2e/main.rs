//! End-to-end: the roster plugin built for wasm32-wasip2, in a real Estive
//! host over a temporary SQLite database (PostgreSQL where named), driven
//! through its pages as managers and agents would.
//!
//! The site's clock is Monday 7 December 2026, 08:00 in Paris. The staff
//! come from `tests/fixture/roster.json` (places 1–4: the canteen, the
//! school, the tourist office, the chairlift; teams 1–4: Cantine, Écoles,
//! Office de tourisme, Remontées mécaniques; agents 1–4: Colette (account
//! `cook`), Arnaud (account `agent`), Louis (account `lift`, seasonal,
//! IDCC 454) and Bernard (no account)); `planner` manages team Cantine.

use std::path::Path;

use anyhow::{Result, ensure};
use estive_testing::{Builder, TestHost};
pub use estive_testing::{excerpt, expect, id_of, shown};

mod absences;
mod browser;
mod rules;
mod setup;
mod shifts;
mod templates;
mod weeks;

/// Monday 7 December 2026, 08:00 in Paris.
pub const NOW: &str = "2026-12-07T08:00:00+01:00";
/// The Monday of [`NOW`]'s week.
pub const MONDAY: &str = "2026-12-07";
/// Where the plugin is mounted on the extranet.
pub const BASE: &str = "/extranet/planning";

/// The host with the plugin and the test's accounts (ids 5, 6, 7 after
/// the four every test host has).
pub fn builder() -> Builder {
    TestHost::builder()
        .plugin(env!("CARGO_MANIFEST_DIR"))
        .now(NOW)
        .user("planner", "Paule Planificatrice", &["planner"])
        .user("cook", "Colette Cuisinière", &["staff"])
        .user("lift", "Louis Perchman", &["seasonal"])
}

/// A started host with the fixture's staff loaded.
pub async fn staffed(builder: Builder) -> Result<TestHost> {
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
