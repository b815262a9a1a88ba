//! The one place where the SDK calls the host's imports.
//!
//! Every other module goes through these functions rather than through
//! `bindings` directly, so that a test double of the host can later be
//! swapped in here (behind a feature) without touching the rest of the SDK.

use crate::bindings::estive::plugin::{clock, config, events, http, i18n, log, mail, storage};

pub(crate) fn query(q: &storage::RowQuery) -> Result<storage::Rows, storage::StorageError> {
    storage::query(q)
}

pub(crate) fn aggregate(a: &storage::RowAggregate) -> Result<storage::Rows, storage::StorageError> {
    storage::aggregate(a)
}

pub(crate) fn search(q: &storage::RankedSearch) -> Result<storage::Rows, storage::StorageError> {
    storage::search(q)
}

pub(crate) fn insert(op: &storage::RowInsert) -> Result<i64, storage::StorageError> {
    storage::insert(op)
}

pub(crate) fn update(op: &storage::RowUpdate) -> Result<u64, storage::StorageError> {
    storage::update(op)
}

pub(crate) fn delete(op: &storage::RowDelete) -> Result<u64, storage::StorageError> {
    storage::delete(op)
}

pub(crate) fn upsert(op: &storage::RowUpsert) -> Result<i64, storage::StorageError> {
    storage::upsert(op)
}

pub(crate) fn transaction(
    ops: &[storage::Operation],
) -> Result<Vec<storage::Outcome>, storage::StorageError> {
    storage::transaction(ops)
}

pub(crate) fn publish(name: &str, payload: &str) -> Result<(), String> {
    events::publish(name, payload)
}

pub(crate) fn audit(action: &str, subject: &str, details: &str) {
    events::audit(action, subject, details)
}

pub(crate) fn fetch(req: &http::HttpRequest) -> Result<http::HttpResponse, http::HttpError> {
    http::fetch(req)
}

pub(crate) fn settings() -> String {
    config::settings()
}

pub(crate) fn write_log(level: log::Level, message: &str) {
    log::write(level, message)
}

pub(crate) fn send_mail(user_id: &str, subject: &str, body: &str) -> Result<(), String> {
    mail::send(user_id, subject, body)
}

pub(crate) fn now() -> clock::Instant {
    clock::now()
}

pub(crate) fn translate(key: &str, args: &[(String, String)]) -> String {
    i18n::translate(key, args)
}
