//! Telling people what happened: catalogue messages with owned arguments,
//! and mails that never undo the change they report.

use estive_sdk::prelude::*;

/// A catalogue message with its arguments (owned texts, as they are built).
pub fn message(key: &str, args: &[(&str, String)]) -> String {
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    i18n::t_args(key, &args)
}

/// Mails an account; a message that cannot be sent (no address, the
/// host's limit reached) is logged (the host tags the line with the plugin
/// and the site) and never undoes the change it reports.
pub fn notify(user_id: &str, subject: &str, body: &str) {
    if let Err(e) = mail::send(user_id, subject, body) {
        log::warn(&format!("mail to account {user_id} not sent: {e}"));
    }
}
