//! E-mail to agents and managers, after the change it reports has
//! committed: a message that cannot be sent is logged and never undoes
//! the change. Only agents with an account can be mailed (the host finds
//! the address; the plugin never sees one).

use estive_sdk::prelude::*;

use crate::model::Agent;

/// Mail an agent, if they have an account; failures are logged.
pub fn agent(agent: &Agent, subject: &str, body: &str) {
    if let Some(user_id) = &agent.user_id {
        account(user_id, subject, body);
    }
}

/// Mail an account; failures are logged.
pub fn account(user_id: &str, subject: &str, body: &str) {
    if let Err(e) = mail::send(user_id, subject, body) {
        log::warn(&format!("roster: mail to account {user_id} not sent: {e}"));
    }
}

/// The absolute address of a path of the plugin on the extranet, for a
/// message's link.
pub fn link(req: &Request, path: &str) -> String {
    let ctx = req.context();
    ctx.absolute(
        &ctx.url_in("extranet", path)
            .unwrap_or_else(|| req.url(path)),
    )
}
