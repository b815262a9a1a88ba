//! Counters and latency histograms, rendered as Prometheus text at
//! `/metrics`. Process-wide: each node reports its own.
//!
//! The hot paths (every request, every plugin call) only touch atomics of
//! handles registered once: no allocation, no global lock per call.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 12] = [
    0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.25, 1.0, 5.0,
];

/// A latency histogram of atomics.
#[derive(Default)]
pub struct Histogram {
    counts: [AtomicU64; BUCKETS.len()],
    count: AtomicU64,
    sum_ns: AtomicU64,
}

impl Histogram {
    pub fn observe(&self, d: Duration) {
        let s = d.as_secs_f64();
        if let Some(i) = BUCKETS.iter().position(|b| s <= *b) {
            self.counts[i].fetch_add(1, Relaxed);
        }
        self.count.fetch_add(1, Relaxed);
        self.sum_ns.fetch_add(d.as_nanos() as u64, Relaxed);
    }

    fn render(&self, out: &mut String, name: &str, labels: &str) {
        let sep = if labels.is_empty() { "" } else { "," };
        let mut cumulative = 0;
        for (i, b) in BUCKETS.iter().enumerate() {
            cumulative += self.counts[i].load(Relaxed);
            let _ = writeln!(out, "{name}_bucket{{{labels}{sep}le=\"{b}\"}} {cumulative}");
        }
        let count = self.count.load(Relaxed);
        let _ = writeln!(out, "{name}_bucket{{{labels}{sep}le=\"+Inf\"}} {count}");
        let braces = if labels.is_empty() {
            String::new()
        } else {
            format!("{{{labels}}}")
        };
        let _ = writeln!(
            out,
            "{name}_sum{braces} {}",
            self.sum_ns.load(Relaxed) as f64 / 1e9
        );
        let _ = writeln!(out, "{name}_count{braces} {count}");
    }
}

/// Exports of the plugin world, as metric labels.
pub const EXPORTS: [&str; 6] = [
    "handle",
    "on-event",
    "on-schedule",
    "widget",
    "export-user-data",
    "erase-user-data",
];
/// Outcomes of a plugin call: success, then the fault kinds.
pub const OUTCOMES: [&str; 6] = ["ok", "trap", "timeout", "memory", "suspended", "busy"];

/// The counters of one plugin (all its versions).
#[derive(Default)]
pub struct PluginMetrics {
    calls: [[AtomicU64; OUTCOMES.len()]; EXPORTS.len()],
    pub latency: Histogram,
}

impl PluginMetrics {
    /// Count a call of `export` that ended with `outcome`.
    pub fn call(&self, export: &str, outcome: &str, took: Duration) {
        let e = EXPORTS.iter().position(|x| *x == export).unwrap_or(0);
        let o = OUTCOMES.iter().position(|x| *x == outcome).unwrap_or(1);
        self.calls[e][o].fetch_add(1, Relaxed);
        self.latency.observe(took);
    }

    /// Calls of one export with one outcome.
    pub fn calls(&self, export: &str, outcome: &str) -> u64 {
        match (
            EXPORTS.iter().position(|x| *x == export),
            OUTCOMES.iter().position(|x| *x == outcome),
        ) {
            (Some(e), Some(o)) => self.calls[e][o].load(Relaxed),
            _ => 0,
        }
    }

    /// Faults of one kind, over every export.
    pub fn faults(&self, kind: &str) -> u64 {
        EXPORTS.iter().map(|e| self.calls(e, kind)).sum()
    }
}

static PLUGINS: LazyLock<Mutex<BTreeMap<String, Arc<PluginMetrics>>>> =
    LazyLock::new(Default::default);

/// The counters of a plugin, created on first use.
pub fn plugin(name: &str) -> Arc<PluginMetrics> {
    PLUGINS
        .lock()
        .expect("metrics lock")
        .entry(name.to_string())
        .or_default()
        .clone()
}

const AREAS: [&str; 4] = ["portal", "extranet", "admin", "static"];

#[derive(Default)]
struct Http {
    statuses: Mutex<BTreeMap<(usize, u16), u64>>,
    latency: [Histogram; AREAS.len()],
}

static HTTP: LazyLock<Http> = LazyLock::new(Http::default);

/// Count a served HTTP request.
pub fn http_request(area: &str, status: u16, took: Duration) {
    let a = AREAS.iter().position(|x| *x == area).unwrap_or(0);
    *HTTP
        .statuses
        .lock()
        .expect("metrics lock")
        .entry((a, status))
        .or_default() += 1;
    HTTP.latency[a].observe(took);
}

/// Why a connection was refused: the server's cap, or one address's.
const REFUSALS: [&str; 2] = ["server", "address"];

static REFUSED: [AtomicU64; REFUSALS.len()] = [const { AtomicU64::new(0) }; REFUSALS.len()];

/// Count a connection refused over a cap (`server` or `address`).
pub fn connection_refused(cap: &str) {
    let i = REFUSALS.iter().position(|x| *x == cap).unwrap_or(0);
    REFUSED[i].fetch_add(1, Relaxed);
}

fn escape(v: &str) -> String {
    v.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// Everything in the Prometheus text format.
pub fn render() -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# HELP estive_http_requests_total HTTP requests served, by area and status.\n# TYPE estive_http_requests_total counter"
    );
    for ((a, status), n) in HTTP.statuses.lock().expect("metrics lock").iter() {
        let _ = writeln!(
            out,
            "estive_http_requests_total{{area=\"{}\",status=\"{status}\"}} {n}",
            AREAS[*a]
        );
    }
    let _ = writeln!(
        out,
        "# HELP estive_http_request_seconds Time to serve an HTTP request, by area.\n# TYPE estive_http_request_seconds histogram"
    );
    for (i, area) in AREAS.iter().enumerate() {
        HTTP.latency[i].render(
            &mut out,
            "estive_http_request_seconds",
            &format!("area=\"{area}\""),
        );
    }
    let _ = writeln!(
        out,
        "# HELP estive_connections_refused_total Connections refused over the server's cap or one address's.\n# TYPE estive_connections_refused_total counter"
    );
    for (i, cap) in REFUSALS.iter().enumerate() {
        let _ = writeln!(
            out,
            "estive_connections_refused_total{{cap=\"{cap}\"}} {}",
            REFUSED[i].load(Relaxed)
        );
    }
    let plugins: Vec<(String, Arc<PluginMetrics>)> = PLUGINS
        .lock()
        .expect("metrics lock")
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let _ = writeln!(
        out,
        "# HELP estive_plugin_calls_total Plugin calls, by plugin, export and outcome.\n# TYPE estive_plugin_calls_total counter"
    );
    for (name, m) in &plugins {
        for e in EXPORTS {
            for o in OUTCOMES {
                let n = m.calls(e, o);
                if n > 0 {
                    let _ = writeln!(
                        out,
                        "estive_plugin_calls_total{{plugin=\"{}\",export=\"{e}\",outcome=\"{o}\"}} {n}",
                        escape(name)
                    );
                }
            }
        }
    }
    let _ = writeln!(
        out,
        "# HELP estive_plugin_call_seconds Duration of plugin calls, by plugin.\n# TYPE estive_plugin_call_seconds histogram"
    );
    for (name, m) in &plugins {
        m.latency.render(
            &mut out,
            "estive_plugin_call_seconds",
            &format!("plugin=\"{}\"", escape(name)),
        );
    }
    let _ = writeln!(
        out,
        "# HELP estive_plugin_faults_total Plugin faults (trap, timeout, memory, suspended, busy).\n# TYPE estive_plugin_faults_total counter"
    );
    for (name, m) in &plugins {
        for kind in &OUTCOMES[1..] {
            let n = m.faults(kind);
            if n > 0 {
                let _ = writeln!(
                    out,
                    "estive_plugin_faults_total{{plugin=\"{}\",kind=\"{kind}\"}} {n}",
                    escape(name)
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plugin_calls_and_faults_render_as_prometheus_text() {
        let m = plugin("metrics-test");
        m.call("handle", "ok", Duration::from_micros(30));
        m.call("handle", "memory", Duration::from_millis(2));
        m.call("widget", "memory", Duration::from_millis(2));
        let text = render();
        assert!(text.contains("estive_plugin_calls_total{plugin=\"metrics-test\",export=\"handle\",outcome=\"ok\"} 1"), "{text}");
        assert!(
            text.contains("estive_plugin_faults_total{plugin=\"metrics-test\",kind=\"memory\"} 2"),
            "{text}"
        );
        assert!(
            text.contains(
                "estive_plugin_call_seconds_bucket{plugin=\"metrics-test\",le=\"0.00005\"} 1"
            ),
            "{text}"
        );
        assert!(
            text.contains("estive_plugin_call_seconds_count{plugin=\"metrics-test\"} 3"),
            "{text}"
        );
    }
}
