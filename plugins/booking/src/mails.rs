//! E-mails that go with notices: the notice stays in the `notices` table
//! (the extranet's copy) and its recipients also get it by e-mail, with
//! the absolute link to the booking.
//!
//! Mails are sent after the transaction that wrote the notice commits, and
//! a failure is only logged: the booking action has already happened.
//! The host mails accounts only, never the free-text contact address of a
//! booking.
//!
//! The plugin API does not list the holders of a permission, so the
//! plugin keeps its own list of approvers (the `approvers` table): people
//! holding `booking.approve` are added when they open the plugin's
//! extranet pages, and removed there when they no longer hold it.

use estive_sdk::prelude::*;

use crate::fmt;
use crate::model::{APPROVERS, Notice};
use crate::web::{APPROVE, tr};

/// An approver known to the plugin.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Approver {
    /// Assigned by the host.
    pub id: Option<i64>,
    /// The account.
    pub user_id: String,
    /// When it was added (RFC 3339, UTC).
    pub seen_at: String,
}

/// Keeps the `approvers` list in step with the viewer of an extranet page.
///
/// # Errors
///
/// When storage fails.
pub fn remember_approver(user: &User) -> Result<(), Error> {
    let known = db::count("approvers")
        .filter(eq("user_id", user.id.as_str()))
        .get()?
        > 0;
    let approver = user.has_permission(APPROVE);
    if approver && !known {
        let row = Approver {
            id: None,
            user_id: user.id.clone(),
            seen_at: crate::store::now_utc(),
        };
        db::upsert("approvers", &row, &["user_id"])?;
    } else if !approver && known {
        db::delete("approvers")
            .filter(eq("user_id", user.id.as_str()))
            .run()?;
    }
    Ok(())
}

/// Who gets the e-mail of a notice: its account, or the known approvers
/// but the one who acted. Erased accounts get nothing.
fn recipients(notice: &Notice, actor_id: &str) -> Result<Vec<String>, Error> {
    if notice.recipient != APPROVERS {
        if notice.recipient == "erased" || notice.recipient == actor_id {
            return Ok(Vec::new());
        }
        return Ok(vec![notice.recipient.clone()]);
    }
    let approvers: Vec<Approver> = db::select("approvers")
        .filter(ne("user_id", actor_id))
        .order_asc("id")
        .limit(1000)
        .fetch()?;
    Ok(approvers.into_iter().map(|a| a.user_id).collect())
}

/// The subject and body of the e-mail of a notice.
pub fn compose(req: &Request, notice: &Notice) -> (String, String) {
    let locale = req.locale();
    let date = fmt::datetime(notice.starts_at, locale);
    let args = [
        ("resource", notice.resource_name.clone()),
        ("date", date),
        ("dates", notice.occurrences.to_string()),
        ("actor", notice.actor.clone()),
    ];
    let subject = tr(&format!("mail-subject-{}", notice.kind), &args)
        .replace(['\r', '\n'], " ")
        .chars()
        .take(200)
        .collect::<String>();
    let mut body = tr(&format!("kept-{}", notice.kind), &args);
    if let Some(reason) = &notice.reason {
        body.push_str("\n\n");
        body.push_str(&tr("notice-reason", &[("reason", tr(reason, &[]))]));
    }
    if let Some(link) = link(req, notice) {
        body.push_str("\n\n");
        body.push_str(&tr("mail-open", &[]));
        body.push('\n');
        body.push_str(&link);
    }
    body.push_str("\n\n-- \n");
    body.push_str(&tr("mail-footer", &[]));
    body.push('\n');
    (subject, body)
}

/// The absolute address of the booking for the notice's recipient: the
/// extranet page for approvers, "my bookings" for the booker.
fn link(req: &Request, notice: &Notice) -> Option<String> {
    let id = notice.booking_id?;
    let (area, path) = if notice.recipient == APPROVERS {
        ("extranet", format!("/reservations/{id}"))
    } else {
        ("portal", format!("/mes-reservations/{id}"))
    };
    let path = req.context().url_in(area, &path)?;
    Some(req.absolute(&path))
}

/// Sends the e-mails of notices just committed: one message per person
/// and notice, at most [`mail::PER_CALL`] in all (the others are logged).
/// Failures are logged, never returned.
pub fn deliver(req: &Request, notices: &[Notice]) {
    let actor_id = req.user().map(|u| u.id.clone()).unwrap_or_default();
    let mut sent = 0usize;
    let cap = mail::PER_CALL as usize;
    for notice in notices {
        let people = match recipients(notice, &actor_id) {
            Ok(p) => p,
            Err(e) => {
                log::warn(&format!("booking: no e-mail for a notice: {e:?}"));
                continue;
            }
        };
        if people.is_empty() {
            continue;
        }
        let (subject, body) = compose(req, notice);
        for (i, person) in people.iter().enumerate() {
            if sent >= cap {
                log::warn(&format!(
                    "booking: {} e-mail(s) of a `{}` notice not sent (at most {cap} per call)",
                    people.len() - i,
                    notice.kind
                ));
                break;
            }
            sent += 1;
            if let Err(e) = mail::send(person, &subject, &body) {
                log::warn(&format!(
                    "booking: e-mail of a `{}` notice to {person} failed: {e}",
                    notice.kind
                ));
            }
        }
    }
}

/// Sends the e-mails of the notices of a booking just made.
pub fn deliver_for_booking(req: &Request, booking_id: i64) {
    match db::select("notices")
        .filter(eq("booking_id", booking_id))
        .order_asc("id")
        .limit(10)
        .fetch::<Notice>()
    {
        Ok(notices) => deliver(req, &notices),
        Err(e) => log::warn(&format!("booking: notices of {booking_id} unread: {e:?}")),
    }
}
