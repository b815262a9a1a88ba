//! The Estive host: plugin runtime, per-site storage, web, identity, sites
//! and the `estive` command line.

pub mod author;
pub mod cli;
pub mod db;
pub mod events;
pub mod i18n;
pub mod identity;
pub mod keyed;
pub mod mail;
pub mod metrics;
pub mod package;
pub mod platform;
pub mod runtime;
pub mod server;
pub mod sites;
pub mod storage;
pub mod web;
