//! Accounts, sessions, roles and the audit log.

pub mod attempts;
pub mod audit;
pub mod passwords;
pub mod sessions;
pub mod tokens;
pub mod users;
