//! The `log` interface: plugin lines in the host's log.

use crate::runtime::state::{LOG_LINES_PER_CALL, PluginState};

/// Longest line kept; the rest is cut.
const MAX_LINE: usize = 4096;

/// Severity of a plugin's log line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Trace,
    Debug,
    Info,
    Warn,
    Error,
}

impl PluginState {
    /// Write a line tagged with the plugin and site, within the call's
    /// budget of lines.
    pub fn write_log(&mut self, level: Level, message: String) -> wasmtime::Result<()> {
        if self.log_lines >= LOG_LINES_PER_CALL {
            self.log_dropped += 1;
            return Ok(());
        }
        self.log_lines += 1;
        let call = self.call()?;
        let mut message = message;
        if message.len() > MAX_LINE {
            let mut cut = MAX_LINE;
            while !message.is_char_boundary(cut) {
                cut -= 1;
            }
            message.truncate(cut);
            message.push('…');
        }
        let (plugin, site) = (call.manifest.name.as_str(), call.site.slug.as_str());
        match level {
            Level::Trace => tracing::trace!(target: "plugin", plugin, site, "{message}"),
            Level::Debug => tracing::debug!(target: "plugin", plugin, site, "{message}"),
            Level::Info => tracing::info!(target: "plugin", plugin, site, "{message}"),
            Level::Warn => tracing::warn!(target: "plugin", plugin, site, "{message}"),
            Level::Error => tracing::error!(target: "plugin", plugin, site, "{message}"),
        }
        Ok(())
    }
}
