//! End-to-end tests: a real host serving real plugins over HTTP, on a real
//! SQLite file and on PostgreSQL.

mod accounts;
mod browser;
mod admin;
mod fixtures;
mod matrix;
mod runtime;
mod packages;
mod storage;
mod web;
