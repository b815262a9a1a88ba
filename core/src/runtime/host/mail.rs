//! E-mail from plugins to the accounts of their call's site. The plugin
//! names an account; the host finds its address, so plugins never handle
//! e-mail addresses. Mail is a capability: the manifest declares
//! `[capabilities.mail]` and the site's administrator grants it; a plugin
//! without it is refused, and a granted one is held to a number of
//! messages per call and per hour on each site.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::db::entities::user;
use crate::runtime::state::PluginState;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

/// Most messages one call may send.
pub const MAILS_PER_CALL: u32 = 50;
/// Most messages one plugin may send on one site in an hour (on one node).
/// The shipped plugins send one per person concerned by an event, at most
/// [`MAILS_PER_CALL`] a run: a site of a few villages stays far below.
pub const MAILS_PER_HOUR: u32 = 1_000;
const HOUR: Duration = Duration::from_secs(3600);
/// Longest subject and body accepted.
const MAX_SUBJECT: usize = 200;
const MAX_BODY: usize = 64 << 10;

/// Messages sent per site and plugin in the current hour.
#[derive(Default)]
pub struct Budget {
    windows: Mutex<HashMap<(i64, String), (Instant, u32)>>,
}

impl Budget {
    /// Count one message of `plugin` on site `site_id`, if the hour has room.
    fn take(&self, site_id: i64, plugin: &str) -> bool {
        let mut windows = self
            .windows
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let now = Instant::now();
        let entry = windows
            .entry((site_id, plugin.to_string()))
            .or_insert((now, 0));
        if now.duration_since(entry.0) >= HOUR {
            *entry = (now, 0);
        }
        if entry.1 >= MAILS_PER_HOUR {
            return false;
        }
        entry.1 += 1;
        true
    }
}

impl PluginState {
    /// Mail the account `user_id` of the call's site.
    pub async fn send_mail(
        &mut self,
        user_id: &str,
        subject: &str,
        body: &str,
    ) -> Result<(), String> {
        let call = self.call().map_err(|e| e.to_string())?;
        if let Err(msg) = call.grants.check_mail() {
            tracing::warn!(plugin = %call.manifest.name, site = %call.site.slug, "e-mail refused: not granted");
            return Err(msg);
        }
        if self.mails_sent >= MAILS_PER_CALL {
            return Err(format!(
                "at most {MAILS_PER_CALL} messages per call; send the rest in another run"
            ));
        }
        let subject = subject.trim();
        if subject.is_empty()
            || subject.chars().count() > MAX_SUBJECT
            || subject.contains(['\r', '\n'])
        {
            return Err(format!(
                "the subject must be one line of 1 to {MAX_SUBJECT} characters"
            ));
        }
        if body.len() > MAX_BODY {
            return Err(format!("the body is over {} KiB", MAX_BODY >> 10));
        }
        let id: i64 = user_id
            .parse()
            .map_err(|_| format!("`{user_id}` is not an account id"))?;
        let account = user::Entity::find_by_id(id)
            .filter(user::Column::SiteId.eq(call.site.id))
            .one(&self.services.storage.db)
            .await
            .map_err(|e| {
                tracing::error!(error = %e, "mail: cannot read the account");
                "the database failed; the details are in the server log".to_string()
            })?
            .filter(|u| u.active)
            .ok_or_else(|| format!("there is no active account {user_id} on this site"))?;
        let address = account
            .email
            .filter(|e| !e.is_empty())
            .ok_or_else(|| format!("account {user_id} has no e-mail address"))?;
        let subject = format!("[{}] {subject}", call.site.name);
        if !self
            .services
            .mail_budget
            .take(call.site.id, &call.manifest.name)
        {
            tracing::warn!(plugin = %call.manifest.name, site = %call.site.slug, "e-mail refused: hourly cap reached");
            return Err(format!(
                "at most {MAILS_PER_HOUR} messages an hour on this site; send the rest later"
            ));
        }
        self.mails_sent += 1;
        let plugin = self.plugin.clone();
        self.services
            .mail
            .send(&address, &subject, body)
            .await
            .map_err(|e| {
                tracing::warn!(plugin, error = %format!("{e:#}"), "plugin e-mail not sent");
                "the message could not be sent; the details are in the server log".to_string()
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hourly_budget_is_per_site_and_plugin() {
        let budget = Budget::default();
        for _ in 0..MAILS_PER_HOUR {
            assert!(budget.take(1, "forums"));
        }
        assert!(!budget.take(1, "forums"), "past the hourly cap");
        assert!(budget.take(1, "booking"), "another plugin has its own");
        assert!(budget.take(2, "forums"), "another site has its own");
    }
}
