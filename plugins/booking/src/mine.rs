//! A person's own things: their bookings, the notices kept for them (what
//! e-mails would have said) and the private link of their calendar feed.

use estive_sdk::Area;
use estive_sdk::prelude::*;

use crate::fmt;
use crate::model::{ACTIVE, APPROVERS, Booking, FeedToken, Notice};
use crate::pages;
use crate::store::{self, now_local, now_utc};
use crate::web::{APPROVE, tr};

pub use estive_kit::token::random as random_token;

/// The absolute address of a person's private feed.
fn feed_url(req: &Request, token: &str) -> Option<String> {
    req.context()
        .url_in("portal", &format!("/agenda/{token}/reservations.ics"))
        .map(|path| req.absolute(&path))
}

/// Notices as template data, newest first.
fn notice_rows(req: &Request, notices: &[Notice]) -> Vec<serde_json::Value> {
    let locale = req.locale();
    notices
        .iter()
        .map(|n| {
            json!({
                "id": n.id,
                "kind": n.kind,
                "for_approvers": n.recipient == APPROVERS,
                "resource": n.resource_name,
                "date": fmt::datetime(n.starts_at, locale),
                "dates": n.occurrences,
                "reason": n.reason,
                "actor": n.actor,
                "at": n.created_at,
                "read": n.read,
                "booking_id": n.booking_id,
            })
        })
        .collect()
}

/// The viewer's notices (newest first, at most `limit`), with the open
/// requests for approvers when they are one.
fn notices_of(user: &User, limit: u32) -> Result<Vec<Notice>, Error> {
    let mut notices: Vec<Notice> = db::select("notices")
        .filter(eq("recipient", user.id.as_str()))
        .order_desc("created_at")
        .order_desc("id")
        .limit(limit)
        .fetch()?;
    if user.has_permission(APPROVE) {
        notices.extend(
            db::select("notices")
                .filter(eq("recipient", APPROVERS))
                .filter(eq("resolved", false))
                .order_desc("created_at")
                .limit(limit)
                .fetch::<Notice>()?,
        );
        notices.sort_by(|a, b| (&b.created_at, b.id).cmp(&(&a.created_at, a.id)));
    }
    Ok(notices)
}

/// "My bookings" on the portal: notices, upcoming and past bookings, and
/// the private feed.
///
/// # Errors
///
/// When storage fails.
pub fn mine(req: &Request) -> Result<Response, Error> {
    let user = req.require_user()?;
    let now = now_local().to_string();
    let upcoming: Vec<Booking> = db::select("bookings")
        .filter(eq("user_id", user.id.as_str()))
        .filter(one_of("status", ACTIVE))
        .filter(gt("ends_at", now.as_str()))
        .order_asc("starts_at")
        .limit(500)
        .fetch()?;
    let past: Vec<Booking> = db::select("bookings")
        .filter(eq("user_id", user.id.as_str()))
        .filter(none_of("id", upcoming.iter().map(Booking::id)))
        .order_desc("starts_at")
        .limit(50)
        .fetch()?;
    let resources = store::resources(false)?;
    let token: Option<FeedToken> = db::select("feed_tokens")
        .filter(eq("user_id", user.id.as_str()))
        .first()?;
    let notices: Vec<Notice> = db::select("notices")
        .filter(eq("recipient", user.id.as_str()))
        .order_desc("created_at")
        .order_desc("id")
        .limit(20)
        .fetch()?;
    let unread = notices.iter().filter(|n| !n.read).count();
    Ok(view("mine.html")
        .title(tr("mine-title", &[]))
        .with(json!({
            "upcoming": pages::rows(req, Area::Portal, &upcoming, &resources),
            "past": pages::rows(req, Area::Portal, &past, &resources),
            "notices": notice_rows(req, &notices),
            "unread": unread,
            "feed_url": token.as_ref().and_then(|t| feed_url(req, &t.token)),
            "extranet_notices": req.context().url_in("extranet", "/avis"),
        }))
        .into())
}

/// The extranet's notices: the viewer's, and open requests for approvers.
///
/// # Errors
///
/// When storage fails.
pub fn notices(req: &Request) -> Result<Response, Error> {
    let user = req.require_user()?;
    let notices = notices_of(user, 100)?;
    let unread = notices
        .iter()
        .filter(|n| !n.read && n.recipient != APPROVERS)
        .count();
    Ok(view("notices.html")
        .title(tr("notices-title", &[]))
        .with(json!({
            "notices": notice_rows(req, &notices),
            "unread": unread,
            "is_approver": user.has_permission(APPROVE),
        }))
        .into())
}

/// Marks the viewer's notices as read.
///
/// # Errors
///
/// When storage fails.
pub fn mark_read(req: &Request, area: Area) -> Result<Response, Error> {
    let user = req.require_user()?;
    db::update("notices")
        .filter(eq("recipient", user.id.as_str()))
        .filter(eq("read", false))
        .set("read", true)
        .run()?;
    let back = match area {
        Area::Portal => req.url("/mes-reservations"),
        Area::Extranet | Area::Admin => req.url("/avis"),
    };
    Ok(redirect(back).notice(tr("notice-read", &[])).into())
}

/// Creates the viewer's private feed link, or replaces it (the old link
/// stops working).
///
/// # Errors
///
/// When storage fails.
pub fn feed_link(req: &Request) -> Result<Response, Error> {
    let user = req.require_user()?;
    let row = FeedToken {
        id: None,
        user_id: user.id.clone(),
        token: random_token(),
        created_at: now_utc(),
    };
    db::upsert("feed_tokens", &row, &["user_id"])?;
    events::audit(
        "booking.feed-link",
        &format!("user:{}", user.id),
        &json!({}),
    )?;
    Ok(
        redirect(format!("{}#booking-feed", req.url("/mes-reservations")))
            .notice(tr("notice-feed-link", &[]))
            .into(),
    )
}
