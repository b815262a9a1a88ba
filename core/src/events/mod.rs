//! Events between plugins (a database outbox) and scheduled plugin tasks.

pub mod outbox;

/// Start the event dispatcher and the scheduler of this node.
pub fn spawn(_state: crate::web::AppState) {}
