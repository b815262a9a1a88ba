//! E-mail from plugins to the accounts of their call's site. The plugin
//! names an account; the host finds its address, so plugins never handle
//! e-mail addresses.

use crate::db::entities::user;
use crate::runtime::bindings::mail;
use crate::runtime::state::PluginState;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

/// Most messages one call may send.
pub const MAILS_PER_CALL: u32 = 50;
/// Longest subject and body accepted.
const MAX_SUBJECT: usize = 200;
const MAX_BODY: usize = 64 << 10;

impl mail::Host for PluginState {
    async fn send(
        &mut self,
        user_id: String,
        subject: String,
        body: String,
    ) -> wasmtime::Result<Result<(), String>> {
        let started = std::time::Instant::now();
        let out = self.send_mail(&user_id, &subject, &body).await;
        self.host_wait += started.elapsed();
        Ok(out)
    }
}

impl PluginState {
    async fn send_mail(&mut self, user_id: &str, subject: &str, body: &str) -> Result<(), String> {
        let call = self.call().map_err(|e| e.to_string())?;
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
