//! Helpers some Estive plugins share, on top of [`estive_sdk`].
//!
//! The SDK, `estive-sdk`, is the plugin contract: the bindings to the
//! `estive:plugin` WIT world and what every plugin needs (requests,
//! responses, storage, forms, dates, pagination, CSV export). This crate
//! holds the helpers only some plugins use, so that a plugin takes them
//! only when it needs them:
//!
//! - [`chart`]: accessible SVG bar and line charts, each with the same
//!   values as a table;
//! - [`trend`]: values measured over time against a target and a baseline,
//!   as a line chart on a real time axis;
//! - [`ical`]: calendar feeds in iCalendar format (RFC 5545);
//! - [`history`]: a row's history of decisions in its `json` details;
//! - [`holidays`]: French public holidays, nationally and in
//!   Alsace-Moselle, for any year;
//! - [`communes`]: a site's communes as its settings list them (INSEE code
//!   and name);
//! - [`csv_read`]: reading CSV files (delimiter detection, quoted fields);
//! - [`notice`]: catalogue messages with owned arguments, and mails that
//!   never undo what they report;
//! - [`periods`]: labelled periods of days (school holidays, closures)
//!   read one per line;
//! - [`saved_searches`]: which saved searches a daily digest mails next;
//! - [`token`]: random secrets for private addresses;
//! - [`input`]: what people type, read as they write it (French decimals,
//!   lists, phone numbers, SIRET numbers with their key, web addresses);
//! - `markdown` (feature `markdown`): Markdown to HTML safe to print, with
//!   raw HTML shown as text, safe links only and optional `@mentions`.
//!
//! These modules were part of `estive-sdk` 0.1 and 0.2 (as
//! `estive_sdk::chart`, …) and left it in 0.3: a plugin moving to the kit
//! adds `estive-kit` to its dependencies and changes `estive_sdk::chart`
//! into `estive_kit::chart`, and so on; their API is unchanged.
//!
//! Like the SDK, the crate compiles for the machine building it as well as
//! for `wasm32-wasip2`, so that its unit tests and doctests run with
//! `cargo test`.

#![warn(missing_docs)]

pub mod chart;
pub mod communes;
pub mod csv_read;
pub mod history;
pub mod holidays;
pub mod ical;
pub mod input;
#[cfg(feature = "markdown")]
pub mod markdown;
pub mod notice;
pub mod periods;
pub mod saved_searches;
pub mod token;
pub mod trend;

/// The README's example, compiled with the doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
