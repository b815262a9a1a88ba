//! Events between the plugins of a site, and the site's audit log.
//!
//! To publish an event together with a data change, use
//! [`Transaction::publish`](crate::db::Transaction::publish) instead: it is
//! published only if the change commits.

use serde::Serialize;

use crate::{Error, host};

/// Publishes the event `<this plugin>.<name>` now. Plugins of the same site
/// that subscribe to it in their manifest receive it through
/// [`Plugin::on_event`](crate::Plugin::on_event), at least once, after
/// this call returns.
///
/// ```no_run
/// # use estive_sdk::prelude::*;
/// # fn run() -> Result<(), Error> {
/// events::publish("closed", &json!({ "poll_id": 42 }))?;
/// # Ok(()) }
/// ```
///
/// # Errors
///
/// [`Error::Internal`] when the payload cannot be serialised or the host
/// refuses the event.
pub fn publish<T: Serialize + ?Sized>(name: &str, payload: &T) -> Result<(), Error> {
    let payload = serde_json::to_string(payload)?;
    host::publish(name, &payload).map_err(|e| Error::internal(format!("publishing `{name}`: {e}")))
}

/// Records an action in the site's audit log: what was done (`action`,
/// e.g. `poll.published`), to what (`subject`, e.g. `poll:42`), and
/// details. The host records who and when.
///
/// ```no_run
/// # use estive_sdk::prelude::*;
/// # fn run() -> Result<(), Error> {
/// events::audit("poll.published", "poll:42", &json!({ "options": 3 }))?;
/// # Ok(()) }
/// ```
///
/// # Errors
///
/// [`Error::Internal`] when the details cannot be serialised.
pub fn audit<T: Serialize + ?Sized>(action: &str, subject: &str, details: &T) -> Result<(), Error> {
    let details = serde_json::to_string(details)?;
    host::audit(action, subject, &details);
    Ok(())
}
