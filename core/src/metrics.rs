//! Counters and latency histograms, rendered as Prometheus text at
//! `/metrics`. Process-wide: each node reports its own.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::{LazyLock, Mutex};
use std::time::Duration;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 12] = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.25, 1.0, 5.0];

#[derive(Default, Clone)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

impl Histogram {
    fn observe(&mut self, d: Duration) {
        let s = d.as_secs_f64();
        for (i, b) in BUCKETS.iter().enumerate() {
            if s <= *b {
                self.counts[i] += 1;
            }
        }
        self.count += 1;
        self.sum += s;
    }
}

type Labels = Vec<(&'static str, String)>;

#[derive(Default)]
struct Registry {
    counters: BTreeMap<(&'static str, Labels), u64>,
    histograms: BTreeMap<(&'static str, Labels), Histogram>,
}

static REGISTRY: LazyLock<Mutex<Registry>> = LazyLock::new(Default::default);

const HELP: [(&str, &str, &str); 5] = [
    ("estive_http_requests_total", "counter", "HTTP requests served, by area and status."),
    ("estive_http_request_seconds", "histogram", "Time to serve an HTTP request, by area."),
    ("estive_plugin_calls_total", "counter", "Plugin calls, by plugin, export and outcome."),
    ("estive_plugin_call_seconds", "histogram", "Duration of plugin calls, by plugin."),
    ("estive_plugin_faults_total", "counter", "Plugin faults (trap, timeout, memory, suspended, busy)."),
];

fn inc(name: &'static str, labels: Labels) {
    *REGISTRY.lock().expect("metrics lock").counters.entry((name, labels)).or_default() += 1;
}

fn observe(name: &'static str, labels: Labels, d: Duration) {
    REGISTRY
        .lock()
        .expect("metrics lock")
        .histograms
        .entry((name, labels))
        .or_default()
        .observe(d);
}

/// Count a served HTTP request.
pub fn http_request(area: &str, status: u16, took: Duration) {
    inc("estive_http_requests_total", vec![("area", area.to_string()), ("status", status.to_string())]);
    observe("estive_http_request_seconds", vec![("area", area.to_string())], took);
}

/// Count a plugin call.
pub fn plugin_call(plugin: &str, export: &str, outcome: &str, took: Duration) {
    inc(
        "estive_plugin_calls_total",
        vec![("plugin", plugin.to_string()), ("export", export.to_string()), ("outcome", outcome.to_string())],
    );
    observe("estive_plugin_call_seconds", vec![("plugin", plugin.to_string())], took);
}

/// Count a plugin fault.
pub fn plugin_fault(plugin: &str, kind: &str) {
    inc("estive_plugin_faults_total", vec![("plugin", plugin.to_string()), ("kind", kind.to_string())]);
}

/// A counter's value (for tests and the admin pages).
pub fn counter(name: &str, labels: &[(&str, &str)]) -> u64 {
    let reg = REGISTRY.lock().expect("metrics lock");
    reg.counters
        .iter()
        .filter(|((n, l), _)| *n == name && labels.iter().all(|(k, v)| l.iter().any(|(lk, lv)| lk == k && lv == v)))
        .map(|(_, v)| *v)
        .sum()
}

fn label_text(labels: &Labels, extra: Option<(&str, String)>) -> String {
    let mut parts: Vec<String> = labels
        .iter()
        .map(|(k, v)| format!("{k}=\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")))
        .collect();
    if let Some((k, v)) = extra {
        parts.push(format!("{k}=\"{v}\""));
    }
    if parts.is_empty() { String::new() } else { format!("{{{}}}", parts.join(",")) }
}

/// Everything in the Prometheus text format.
pub fn render() -> String {
    let reg = REGISTRY.lock().expect("metrics lock");
    let mut out = String::new();
    for (name, kind, help) in HELP {
        let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
        for ((n, labels), v) in &reg.counters {
            if *n == name {
                let _ = writeln!(out, "{name}{} {v}", label_text(labels, None));
            }
        }
        for ((n, labels), h) in &reg.histograms {
            if *n != name {
                continue;
            }
            for (i, b) in BUCKETS.iter().enumerate() {
                let _ = writeln!(out, "{name}_bucket{} {}", label_text(labels, Some(("le", b.to_string()))), h.counts[i]);
            }
            let _ = writeln!(out, "{name}_bucket{} {}", label_text(labels, Some(("le", "+Inf".into()))), h.count);
            let _ = writeln!(out, "{name}_sum{} {}", label_text(labels, None), h.sum);
            let _ = writeln!(out, "{name}_count{} {}", label_text(labels, None), h.count);
        }
    }
    out
}
