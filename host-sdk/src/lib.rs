//! Write Estive plugins in Rust.
//!
//! An Estive plugin is a WebAssembly component that the Estive host loads,
//! sandboxes and calls. The host owns the web: it matches the routes declared
//! in the plugin's manifest (`plugin.toml`), checks each route's area and
//! permission before any plugin code runs, renders the plugin's templates
//! inside the site's layout and stores the plugin's rows in the tables the
//! manifest declares. This crate turns the raw `estive:plugin@1.1.0` WIT
//! world into a small web-app API:
//!
//! - a [`Plugin`] trait with one required function, [`Plugin::handle`], and
//!   documented defaults for the rest, registered with [`register_plugin!`];
//! - a [`Request`] with the route, parameters, form fields, user and site,
//!   and a [`form::Validator`] that gathers every field error at once;
//! - responses: [`view`] (a template and its context), [`redirect`],
//!   [`download`], and an [`Error`] the host shows with the right status;
//! - typed storage over serde in [`db`], with transactions that publish
//!   events and write the audit log only when they commit;
//! - thin wrappers over the other host services: [`events`], [`http`],
//!   [`config`], [`log`], [`clock`], [`i18n`];
//! - helpers plugins share: [`csv`] export, [`dates`] on `YYYY-MM-DD`
//!   strings, [`slug`], [`page`] (pagination) and [`url`] encoding.
//!
//! Helpers only some plugins use — SVG charts and trends, iCalendar feeds,
//! French public holidays, CSV reading — are in the separate crate
//! `estive-kit`, built on this one.
//!
//! # A complete small plugin
//!
//! A plugin crate is a `cdylib` built with
//! `cargo build --target wasm32-wasip2 --profile plugin`. Its `src/lib.rs`
//! reads like a small web app: a routing table, then one handler per route.
//!
//! ```no_run
//! use estive_sdk::prelude::*;
//! use serde::{Deserialize, Serialize};
//!
//! /// A row of the `polls` table declared in `plugin.toml`.
//! #[derive(Serialize, Deserialize)]
//! struct Poll {
//!     /// `None` until the row is inserted: the host assigns it.
//!     id: Option<i64>,
//!     question: String,
//!     status: String,
//!     closes_on: Date,
//! }
//!
//! struct Polls;
//!
//! impl Plugin for Polls {
//!     fn handle(req: Request) -> Result<Response, Error> {
//!         // Route names are the ones declared in the manifest.
//!         match req.route() {
//!             "list" => list(&req),
//!             "show" => show(&req),
//!             "create" => create(&req),
//!             _ => Err(Error::not_found(messages::NOT_FOUND)),
//!         }
//!     }
//! }
//!
//! fn list(_req: &Request) -> Result<Response, Error> {
//!     let polls = db::select("polls")
//!         .filter(eq("status", "open"))
//!         .order_desc("closes_on")
//!         .limit(20)
//!         .fetch::<Poll>()?;
//!     Ok(view("polls.html")
//!         .title(i18n::t("polls-title"))
//!         .with(json!({ "polls": polls }))
//!         .into())
//! }
//!
//! fn show(req: &Request) -> Result<Response, Error> {
//!     let id = req.param_id("id")?;
//!     // `one` turns a missing row into a 404.
//!     let poll: Poll = db::select("polls").filter(eq("id", id)).one()?;
//!     Ok(view("poll.html").title(&poll.question).set("poll", &poll).into())
//! }
//!
//! fn create(req: &Request) -> Result<Response, Error> {
//!     req.require_permission("polls.manage")?;
//!     let mut form = req.validator();
//!     let question = form.text("question").required().max_len(200).value();
//!     let closes_on = form.date("closes_on").value();
//!     // Every field error at once, shown by the host with a 422.
//!     form.finish()?;
//!
//!     let poll = Poll { id: None, question, status: "open".into(), closes_on };
//!     let id = db::insert("polls", &poll)?;
//!     Ok(redirect(req.url(&format!("/{id}"))).notice("poll-created").into())
//! }
//!
//! register_plugin!(Polls);
//! ```
//!
//! # Messages
//!
//! Messages given to [`Error`] constructors and [`FieldError`]s are keys of
//! the plugin's catalogues (`locales/fr.ftl`, `locales/en.ftl`): the host
//! translates the keys it finds and shows any other text as it is. The keys
//! the SDK itself produces are listed in [`messages`].
//!
//! # Native builds
//!
//! The crate also compiles for the machine building it, so that `cargo
//! clippy`, `cargo doc` and unit tests of pure code work as usual. Calling a
//! host service (storage, events, …) outside the WebAssembly host panics.
//!
//! # Testing a plugin
//!
//! The SDK depends only on what a plugin needs. To run the built plugin in a
//! real Estive host from `cargo test`, add the host's test harness, the crate
//! `estive-testing` of the Estive repository, as a dev-dependency of the
//! plugin crate and use it directly (`estive_testing::TestHost`).

#![warn(missing_docs)]

/// The raw bindings generated from the WIT world.
///
/// The world is read from the crate's own copy of the API, `wit/v1.1.0`, so
/// that the published crate builds on its own; the repository's
/// `wit/v1.1.0/plugin.wit` is the source of truth, and a test checks the copy
/// is identical to it.
///
/// Plugins should not need these: the rest of the crate wraps them. They are
/// public because [`register_plugin!`] expands, in the plugin's crate, to
/// code that refers to them.
#[doc(hidden)]
#[allow(missing_docs)]
pub mod bindings {
    wit_bindgen::generate!({
        path: "wit/v1.1.0",
        world: "estive:plugin/plugin@1.1.0",
        pub_export_macro: true,
        default_bindings_module: "estive_sdk::bindings",
        additional_derives: [PartialEq],
    });
}

mod context;
mod form_view;
mod host;
mod plugin;
mod request;
mod response;

#[cfg(feature = "build")]
pub mod build;
pub mod clock;
pub mod config;
pub mod csv;
pub mod dates;
pub mod db;
pub mod events;
pub mod form;
pub mod http;
pub mod i18n;
pub mod json_column;
pub mod log;
pub mod mail;
pub mod messages;
pub mod page;
pub mod prelude;
pub mod slug;
pub mod url;

pub use context::{Client, Context, Event, Site, User};
pub use plugin::Plugin;
pub use request::{Area, Method, Request};
pub use response::{
    Crumb, Download, Error, FieldError, Redirect, Response, View, download, redirect, view,
};

/// The version of the `estive:plugin` WIT API this SDK implements.
///
/// [`register_plugin!`] stamps it into the component as a custom section
/// named `estive:api-version`, so that the host can tell which API a plugin
/// was built against before instantiating it.
///
/// ```
/// assert_eq!(estive_sdk::API_VERSION, "1.1.0");
/// ```
pub const API_VERSION: &str = "1.1.0";

/// The README's example plugin, compiled with the doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// Support code for the expansion of [`register_plugin!`]; not an API.
#[doc(hidden)]
pub mod __private {
    pub use crate::plugin::adapter::*;

    /// [`API_VERSION`](crate::API_VERSION) as a byte array, the only shape a
    /// custom section's `static` can take.
    pub const API_VERSION_BYTES: [u8; crate::API_VERSION.len()] = {
        let text = crate::API_VERSION.as_bytes();
        let mut bytes = [0u8; crate::API_VERSION.len()];
        let mut i = 0;
        while i < text.len() {
            bytes[i] = text[i];
            i += 1;
        }
        bytes
    };
}

#[cfg(test)]
mod tests {
    #[test]
    fn api_version_bytes_spell_the_api_version() {
        assert_eq!(
            &super::__private::API_VERSION_BYTES,
            super::API_VERSION.as_bytes()
        );
    }

    /// The crate builds against its own copy of the WIT (so that it can be
    /// published); the repository's `wit/` folder is the source of truth.
    /// Built from crates.io, `..` is not the repository: nothing to compare.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_crate_wit_is_the_repository_wit() {
        use std::path::Path;

        let relative = format!("wit/v{}/plugin.wit", super::API_VERSION);
        let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        let source = crate_dir.join("..").join(&relative);
        let Ok(expected) = std::fs::read(&source) else {
            return;
        };
        let copy = crate_dir.join(&relative);
        let actual =
            std::fs::read(&copy).unwrap_or_else(|e| panic!("reading {}: {e}", copy.display()));
        assert!(
            actual == expected,
            "{} differs from {}: copy the repository's file into the crate",
            copy.display(),
            source.display()
        );
    }
}
