//! End-to-end tests: a real host serving real plugins over HTTP, on a real
//! SQLite file and on PostgreSQL.

mod accounts;
mod admin;
mod browser;
mod fixtures;
mod matrix;
mod packages;
mod runtime;
mod storage;
mod web;
