//! The names most plugins use, to import at once:
//! `use estive_sdk::prelude::*;`.
//!
//! It brings the [`Plugin`] trait and [`register_plugin!`], the request
//! and response types and builders, the storage conditions ([`eq`],
//! [`lt`]…), the [`Date`] type, [`Page`], `serde_json`'s `json!`, and the
//! modules `db`, `events`, `http`, `config`, `log`, `clock`, `i18n` and
//! `messages`.

pub use crate::dates::{Date, DateTime};
pub use crate::db::{
    self, contains, eq, ge, gt, is_null, le, lt, matches, ne, none_of, not_null, one_of,
};
pub use crate::form::Validator;
pub use crate::page::Page;
pub use crate::{
    Context, Download, Error, Event, FieldError, Plugin, Redirect, Request, Response, User, View,
    clock, config, download, events, http, i18n, log, mail, messages, redirect, register_plugin,
    view,
};
pub use serde_json::json;
