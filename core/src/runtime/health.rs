//! Faults of plugin calls, and suspension of a plugin that keeps faulting.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Message of the trap raised when a call passes its deadline.
pub const DEADLINE_MESSAGE: &str = "estive: call deadline exceeded";

/// Faults within [`WINDOW`] that suspend a plugin.
const FAULTS_TO_SUSPEND: usize = 5;
const WINDOW: Duration = Duration::from_secs(60);
/// First suspension; doubles each time up to [`MAX_SUSPENSION`].
const SUSPENSION: Duration = Duration::from_secs(30);
const MAX_SUSPENSION: Duration = Duration::from_secs(600);

/// Why a call failed on the host's side (not a typed error of the plugin).
#[derive(Debug, Clone, thiserror::Error)]
pub enum Fault {
    #[error("the plugin trapped: {0}")]
    Trap(String),
    #[error("the plugin ran past its deadline")]
    Timeout,
    #[error("the plugin exceeded its memory limit")]
    Memory,
    #[error("the plugin is suspended after repeated faults")]
    Suspended {
        until: chrono::DateTime<chrono::Utc>,
    },
    #[error("the plugin has too many calls in progress")]
    Busy,
}

impl Fault {
    /// Label in metrics.
    pub fn kind(&self) -> &'static str {
        match self {
            Fault::Trap(_) => "trap",
            Fault::Timeout => "timeout",
            Fault::Memory => "memory",
            Fault::Suspended { .. } => "suspended",
            Fault::Busy => "busy",
        }
    }

    pub fn classify(e: &wasmtime::Error, memory_hit: bool) -> Fault {
        let text = format!("{e:#}");
        if text.contains(DEADLINE_MESSAGE)
            || matches!(
                e.downcast_ref::<wasmtime::Trap>(),
                Some(wasmtime::Trap::Interrupt)
            )
        {
            Fault::Timeout
        } else if memory_hit || text.contains("memory limit") {
            Fault::Memory
        } else {
            Fault::Trap(text.lines().next().unwrap_or("trap").to_string())
        }
    }
}

impl Inner {
    fn push_latency(&mut self, d: Duration) {
        if self.latencies_us.len() >= 1000 {
            self.latencies_us.pop_front();
        }
        self.latencies_us.push_back(d.as_micros() as u64);
    }
}

#[derive(Default)]
struct Inner {
    recent_faults: VecDeque<Instant>,
    suspended_until: Option<(Instant, chrono::DateTime<chrono::Utc>)>,
    suspensions: u32,
    calls: u64,
    faults: u64,
    latencies_us: VecDeque<u64>,
}

/// Health of one plugin version on this node.
#[derive(Default)]
pub struct Health {
    inner: Mutex<Inner>,
}

/// A summary for the admin pages.
#[derive(Debug, Clone, serde::Serialize)]
pub struct HealthReport {
    pub calls: u64,
    pub faults: u64,
    pub suspended_until: Option<String>,
    pub p50_us: Option<u64>,
    pub p99_us: Option<u64>,
}

impl Health {
    pub fn suspended_until(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        let mut inner = self.inner.lock().expect("health lock");
        match inner.suspended_until {
            Some((until, wall)) if Instant::now() < until => Some(wall),
            Some(_) => {
                inner.suspended_until = None;
                inner.recent_faults.clear();
                None
            }
            None => None,
        }
    }

    /// Count a fault; returns the end of a suspension if this one starts it.
    pub fn record_fault(&self, took: Duration) -> Option<chrono::DateTime<chrono::Utc>> {
        let mut inner = self.inner.lock().expect("health lock");
        inner.push_latency(took);
        let now = Instant::now();
        inner.calls += 1;
        inner.faults += 1;
        inner.recent_faults.push_back(now);
        while inner
            .recent_faults
            .front()
            .is_some_and(|t| now.duration_since(*t) > WINDOW)
        {
            inner.recent_faults.pop_front();
        }
        if inner.recent_faults.len() >= FAULTS_TO_SUSPEND && inner.suspended_until.is_none() {
            let length = SUSPENSION
                .saturating_mul(1 << inner.suspensions.min(5))
                .min(MAX_SUSPENSION);
            inner.suspensions += 1;
            let wall = chrono::Utc::now() + chrono::TimeDelta::from_std(length).unwrap_or_default();
            inner.suspended_until = Some((now + length, wall));
            inner.recent_faults.clear();
            return Some(wall);
        }
        None
    }

    /// Count a successful call and its duration (one lock per call).
    pub fn record_success(&self, took: Duration) {
        let mut inner = self.inner.lock().expect("health lock");
        inner.calls += 1;
        inner.push_latency(took);
        // A healthy stretch forgives earlier suspensions.
        if inner.recent_faults.is_empty() {
            inner.suspensions = 0;
        }
    }

    /// Lift a suspension now (an administrator's decision).
    pub fn resume(&self) {
        let mut inner = self.inner.lock().expect("health lock");
        inner.suspended_until = None;
        inner.recent_faults.clear();
    }

    pub fn report(&self) -> HealthReport {
        let suspended = self.suspended_until();
        let inner = self.inner.lock().expect("health lock");
        let mut lat: Vec<u64> = inner.latencies_us.iter().copied().collect();
        lat.sort_unstable();
        let pct =
            |p: f64| (!lat.is_empty()).then(|| lat[((lat.len() - 1) as f64 * p).round() as usize]);
        HealthReport {
            calls: inner.calls,
            faults: inner.faults,
            suspended_until: suspended.map(|t| t.to_rfc3339()),
            p50_us: pct(0.5),
            p99_us: pct(0.99),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_faults_in_a_minute_suspend_the_plugin() {
        let h = Health::default();
        for _ in 0..4 {
            assert!(h.record_fault(Duration::ZERO).is_none());
        }
        assert!(h.suspended_until().is_none());
        assert!(h.record_fault(Duration::ZERO).is_some());
        assert!(h.suspended_until().is_some());
        h.resume();
        assert!(h.suspended_until().is_none());
    }
}
