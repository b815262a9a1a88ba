//! Events between plugins (a database outbox) and scheduled plugin tasks.

pub mod dispatch;
pub mod outbox;
pub mod retention;
pub mod schedule;

use std::sync::Arc;
use std::time::Duration;

use crate::platform::Platform;

/// Start the event dispatcher and the scheduler of this node.
pub fn spawn(platform: Arc<Platform>) {
    let s = platform.clone();
    tokio::spawn(async move {
        let notify = s.runtime.services.outbox.clone();
        loop {
            // Woken by a publish on this node; the timer catches other nodes'.
            let _ = tokio::time::timeout(Duration::from_secs(2), notify.notified()).await;
            if let Err(e) = dispatch::drain(&s).await {
                tracing::warn!(error = %e, "event dispatch failed");
            }
        }
    });
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(30));
        loop {
            tick.tick().await;
            if let Err(e) = schedule::tick(&platform).await {
                tracing::warn!(error = %e, "scheduler failed");
            }
        }
    });
}
