//! Run a plugin in a real Estive host from an ordinary `cargo test`
//! (feature `testing`, native targets only).
//!
//! The harness builds the plugin crate for `wasm32-wasip2`, installs it in a
//! host over a temporary SQLite file (or a fresh PostgreSQL database), creates
//! the site `test` with the accounts `admin`, `elu` (elected), `agent` (staff)
//! and `citoyen` (citizen), all with the password [`PASSWORD`], and serves it
//! on a random local port. [`Client`] is a browser: it keeps cookies, follows
//! redirects and sends the page's CSRF token with forms.
//!
//! ```no_run
//! use estive_sdk::testing::TestHost;
//!
//! #[tokio::test]
//! async fn a_citizen_sees_the_list() -> anyhow::Result<()> {
//!     let host = TestHost::start(env!("CARGO_MANIFEST_DIR")).await?;
//!     let citizen = host.login("citoyen").await?;
//!     let page = citizen.get("/consultations/").await?;
//!     assert_eq!(page.status, 200);
//!     Ok(())
//! }
//! ```
//!
//! Use [`TestHost::builder`] for settings, groups, more accounts, a fixed
//! clock or PostgreSQL ([`Database::postgres`]).

pub use estive_testing::{
    Browser, Builder, Button, Choice, Client, Database, Field, Form, Kind, PASSWORD, Page, SITE,
    TestHost, build_package, template_forms,
};
