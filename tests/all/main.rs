//! End-to-end tests: a real host serving real plugins over HTTP, on a real
//! SQLite file and on PostgreSQL.

mod accounts;
mod admin;
mod api_1_1;
mod author;
mod browser;
mod capabilities;
mod check;
mod csp_crawl;
mod data;
mod edge;
mod fixtures;
mod frozen;
mod identity;
mod matrix;
mod outputs;
mod packages;
mod runtime;
mod search;
mod storage;
mod web;
