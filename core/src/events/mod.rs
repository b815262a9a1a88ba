//! Events between plugins (a database outbox) and scheduled plugin tasks.

pub mod outbox;
