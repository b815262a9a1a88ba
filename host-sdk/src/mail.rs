//! E-mail to the accounts of the site.
//!
//! A plugin names an account by the id it sees in [`crate::User::id`]; the
//! host looks up the address, prefixes the subject with the site's name and
//! sends a plain-text message (SMTP in production; in development and in
//! tests, a file per message in the data folder, which `TestHost::mails` of
//! the test harness `estive-testing` reads). Plugins never see e-mail
//! addresses.
//!
//! Mail is a capability: the manifest declares it with the reason shown to
//! the site's administrator, who grants it when enabling the plugin (test
//! hosts grant it unless told otherwise). Without the grant every call
//! fails. A site may receive at most 1,000 messages an hour from one
//! plugin.
//!
//! ```toml
//! [capabilities.mail]
//! reason = { fr = "Prévenir les demandeurs de la suite donnée", en = "Tell applicants what was decided" }
//! ```
//!
//! ```no_run
//! use estive_sdk::mail;
//!
//! # fn notify(user_id: &str) -> Result<(), String> {
//! mail::send(
//!     user_id,
//!     "Votre réservation est confirmée",
//!     "La salle des fêtes vous attend samedi à 14 h.",
//! )?;
//! # Ok(())
//! # }
//! ```

use crate::host;

/// Most messages one call may send: a task with more to send (a digest)
/// sends this many and leaves the rest for its next run.
pub const PER_CALL: u32 = 50;

/// Send `body` (plain text) with `subject` (one line) to the account
/// `user_id` of the call's site.
///
/// # Errors
/// A message in English for the log: the site did not grant the mail
/// capability, the account is not an active one of this site, has no
/// e-mail address, the subject or body is malformed, the
/// call already sent [`PER_CALL`] messages, the hour's quota is spent, or
/// the transport failed. The
/// caller decides whether that matters (a notice kept in the extranet is
/// usually enough).
pub fn send(user_id: &str, subject: &str, body: &str) -> Result<(), String> {
    host::send_mail(user_id, subject, body)
}
