//! Accounts, sessions, roles and the audit log.

pub mod attempts;
pub mod audit;
pub mod passwords;
pub mod second_factor;
pub mod sessions;
pub mod tokens;
pub mod users;
