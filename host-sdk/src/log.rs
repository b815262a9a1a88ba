//! Log lines, tagged by the host with the plugin, the site and the
//! request.
//!
//! The host keeps at most 100 lines of 4 KiB per call. Never log personal
//! data (names, addresses, free text typed by users).
//!
//! Each level is a function taking a text and a macro taking a format
//! string:
//!
//! ```no_run
//! use estive_sdk::log;
//!
//! log::info("reminders sent");
//! let (sent, failed) = (12, 1);
//! log::warn!("{failed} of {} reminders failed", sent + failed);
//! ```

use crate::bindings::estive::plugin::log::Level;
use crate::host;

/// Writes a line at the `trace` level (fine detail).
pub fn trace(message: &str) {
    host::write_log(Level::Trace, message);
}

/// Writes a line at the `debug` level (diagnostic detail).
pub fn debug(message: &str) {
    host::write_log(Level::Debug, message);
}

/// Writes a line at the `info` level (something normal worth noting).
pub fn info(message: &str) {
    host::write_log(Level::Info, message);
}

/// Writes a line at the `warn` level (something odd).
pub fn warn(message: &str) {
    host::write_log(Level::Warn, message);
}

/// Writes a line at the `error` level (something failed).
pub fn error(message: &str) {
    host::write_log(Level::Error, message);
}

#[doc(hidden)]
#[macro_export]
macro_rules! __estive_log_trace {
    ($($arg:tt)*) => { $crate::log::trace(&::std::format!($($arg)*)) };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __estive_log_debug {
    ($($arg:tt)*) => { $crate::log::debug(&::std::format!($($arg)*)) };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __estive_log_info {
    ($($arg:tt)*) => { $crate::log::info(&::std::format!($($arg)*)) };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __estive_log_warn {
    ($($arg:tt)*) => { $crate::log::warn(&::std::format!($($arg)*)) };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __estive_log_error {
    ($($arg:tt)*) => { $crate::log::error(&::std::format!($($arg)*)) };
}

/// Writes a formatted line at the `trace` level: `log::trace!("{x}")`.
#[doc(inline)]
pub use crate::__estive_log_trace as trace;

/// Writes a formatted line at the `debug` level: `log::debug!("{x}")`.
#[doc(inline)]
pub use crate::__estive_log_debug as debug;

/// Writes a formatted line at the `info` level: `log::info!("{x}")`.
#[doc(inline)]
pub use crate::__estive_log_info as info;

/// Writes a formatted line at the `warn` level: `log::warn!("{x}")`.
#[doc(inline)]
pub use crate::__estive_log_warn as warn;

/// Writes a formatted line at the `error` level: `log::error!("{x}")`.
#[doc(inline)]
pub use crate::__estive_log_error as error;
