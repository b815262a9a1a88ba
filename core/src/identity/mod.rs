//! Accounts, sessions, roles and the audit log.

pub mod audit;
