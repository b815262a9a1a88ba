//! A booking's page and what can be done to it: approve or refuse with a
//! reason, cancel, hand over and take back keys or equipment.

use estive_sdk::Area;
use estive_sdk::db::Condition;
use estive_sdk::form::Form;
use estive_sdk::prelude::*;

use crate::book::owner_may_cancel;
use crate::fmt;
use crate::model::{ACTIVE, APPROVED, APPROVERS, Booking, CANCELLED, Notice, PENDING, REFUSED};
use crate::store::{self, now_local, now_utc};
use crate::web::{self, APPROVE, MANAGE, tr};

/// Longest reason or note.
const NOTE_MAX: usize = 500;

/// The booking of the URL, which the viewer must be allowed to see.
fn load(req: &Request) -> Result<Booking, Error> {
    let booking = store::booking(req.param_id("id")?)?;
    let user = req.require_user()?;
    if !web::may_see_booking(user, &booking) {
        // Someone else's booking: as if it did not exist.
        return Err(Error::not_found(messages::NOT_FOUND));
    }
    Ok(booking)
}

/// The booking's page.
///
/// # Errors
///
/// Not found for an unknown booking or one the viewer may not see.
pub fn show(req: &Request, area: Area) -> Result<Response, Error> {
    let booking = load(req)?;
    if area == Area::Portal && req.user().is_some_and(|u| u.id != booking.user_id) {
        return Err(Error::not_found(messages::NOT_FOUND));
    }
    Ok(page(req, area, &booking, None)?.into())
}

/// The booking's page, with the form that was sent shown again with its
/// errors (status 422) when `invalid` is given.
fn page(
    req: &Request,
    area: Area,
    booking: &Booking,
    invalid: Option<&Error>,
) -> Result<View, Error> {
    let user = req.require_user()?;
    let locale = req.locale();
    let resource = store::resource(booking.resource_id)?;
    let place = match resource.place_id {
        Some(id) => store::place(id).ok(),
        None => None,
    };
    let series: Vec<serde_json::Value> = match booking.series_id {
        Some(sid) => db::select("bookings")
            .filter(eq("series_id", sid))
            .order_asc("starts_at")
            .limit(400)
            .fetch::<Booking>()?
            .into_iter()
            .map(|b| {
                json!({
                    "id": b.id(),
                    "slot": fmt::slot(b.starts_at, b.ends_at, locale),
                    "status": b.status,
                    "current": b.id == booking.id,
                    "url": web::booking_url(req, area, &b),
                })
            })
            .collect(),
        None => Vec::new(),
    };
    let pending_in_series = series.iter().filter(|s| s["status"] == PENDING).count();
    let owner = user.id == booking.user_id;
    let manager = user.has_permission(MANAGE);
    let extranet = area != Area::Portal;
    let can = json!({
        "decide": extranet && user.has_permission(APPROVE) && booking.status == PENDING,
        "cancel": (owner && owner_may_cancel(booking)) || (manager && booking.is_active()),
        "handover": extranet && manager && booking.status == APPROVED && booking.handed_over_at.is_none(),
        "return": extranet && manager && booking.handed_over_at.is_some() && booking.returned_at.is_none(),
        "see_contact": owner || extranet,
    });
    let title = tr("booking-title", &[("name", resource.name.clone())]);
    let (back, back_url) = match area {
        Area::Portal => (tr("mine-title", &[]), req.url("/mes-reservations")),
        Area::Extranet | Area::Admin => (
            resource.name.clone(),
            req.url(&format!("/ressources/{}", resource.id())),
        ),
    };
    let note_label = if booking.handed_over_at.is_none() {
        "field-handover-note"
    } else {
        "field-return-note"
    };
    let mut form = Form::new("booking")
        .label("decision", "field-decision")
        .label("reason", "field-reason")
        .label("note", note_label)
        .label("cancel_reason", "field-cancel-reason");
    form = match invalid {
        Some(invalid) => form.sent(req).errors(invalid),
        None => form.values(json!({ "decision": "approve" })),
    };
    let decisions = ["approve", "refuse"]
        .map(|d| json!({ "value": d, "label": i18n::t(&format!("decision-{d}")) }));
    Ok(view("booking.html")
        .title(title)
        .crumb(back, back_url)
        .with(json!({
            "booking": booking,
            "resource": resource.view(),
            "place": place,
            "slot": fmt::slot(booking.starts_at, booking.ends_at, locale),
            "series": series,
            "pending_in_series": pending_in_series,
            "can": can,
            "decisions": decisions,
        }))
        .form(form))
}

fn notice(
    booking: &Booking,
    recipient: &str,
    kind: &str,
    count: usize,
    reason: Option<&str>,
    actor: &str,
) -> Result<Notice, Error> {
    let resource = store::resource(booking.resource_id)?;
    Ok(Notice {
        id: None,
        recipient: recipient.to_owned(),
        kind: kind.to_owned(),
        booking_id: booking.id,
        series_id: booking.series_id,
        resource_name: resource.name,
        starts_at: booking.starts_at,
        occurrences: count as i64,
        reason: reason.map(str::to_owned),
        actor: actor.to_owned(),
        created_at: now_utc(),
        read: false,
        resolved: false,
    })
}

/// Approve or refuse a pending booking (or every pending date of its
/// series), with a reason; a refusal must give one.
///
/// # Errors
///
/// Not found, forbidden without `booking.approve`, conflict when it was
/// decided meanwhile.
pub fn decide(req: &Request) -> Result<Response, Error> {
    let booking = load(req)?;
    let user = req.require_permission(APPROVE)?;
    let mut form = req.validator();
    let decision = form.choice("decision", &["approve", "refuse"]).value();
    let reason = form.text("reason").max_len(NOTE_MAX).optional();
    let whole_series = form.checkbox("whole_series").value();
    if decision == "refuse" && reason.is_none() {
        form.error("reason", "refusal-needs-reason");
    }
    if let Err(invalid) = form.finish() {
        return Ok(page(req, req.area(), &booking, Some(&invalid))?.into());
    }
    if booking.status != PENDING {
        return Err(Error::conflict("already-decided"));
    }
    let status = if decision == "approve" {
        APPROVED
    } else {
        REFUSED
    };
    let scope: Vec<Condition> = match (whole_series, booking.series_id) {
        (true, Some(sid)) => vec![
            eq("series_id", sid),
            eq("status", PENDING),
            gt("starts_at", now_local().to_string()),
        ],
        _ => vec![eq("id", booking.id())],
    };
    let count = db::count("bookings").filters(scope.clone()).get()?.max(1) as usize;
    let now = now_utc();
    let mut tx = db::transaction();
    // Decided by someone else meanwhile: nothing changes.
    tx.expect(
        "bookings",
        [eq("id", booking.id()), eq("status", PENDING)],
        db::Measure::count_rows(),
        Some(1.0),
        None,
        "already-decided",
    );
    tx.update(
        db::update("bookings")
            .filters(scope)
            .set("status", status)
            .set("reason", reason.clone())
            .set("decided_by", user.name.as_str())
            .set("decided_at", now.as_str()),
    );
    let kind = if status == APPROVED {
        "approved"
    } else {
        "refused"
    };
    let decision_notice = notice(
        &booking,
        &booking.user_id,
        kind,
        count,
        reason.as_deref(),
        &user.name,
    )?;
    tx.insert("notices", &decision_notice);
    let resolved = match (whole_series, booking.series_id) {
        (true, Some(sid)) => db::update("notices")
            .filter(eq("recipient", APPROVERS))
            .filter(eq("series_id", sid))
            .set("resolved", true),
        _ => db::update("notices")
            .filter(eq("recipient", APPROVERS))
            .filter(eq("booking_id", booking.id()))
            .set("resolved", true),
    };
    tx.update(resolved);
    let payload = json!({
        "booking_id": booking.id(),
        "series_id": booking.series_id,
        "dates": count,
        "status": status,
        "user_id": booking.user_id,
    });
    tx.publish(kind, &payload);
    tx.audit(
        &format!("booking.{kind}"),
        &format!("booking:{}", booking.id()),
        &payload,
    );
    tx.commit()?;
    crate::mails::deliver(req, &[decision_notice]);
    // A series whose last pending date was just decided needs no approver.
    if let Some(sid) = booking.series_id
        && db::count("bookings")
            .filter(eq("series_id", sid))
            .filter(eq("status", PENDING))
            .get()?
            == 0
    {
        db::update("notices")
            .filter(eq("recipient", APPROVERS))
            .filter(eq("series_id", sid))
            .set("resolved", true)
            .run()?;
    }
    let key = if status == APPROVED {
        "notice-approved"
    } else {
        "notice-refused"
    };
    Ok(
        redirect(req.url(&format!("/reservations/{}", booking.id())))
            .notice(tr(key, &[("n", count.to_string())]))
            .into(),
    )
}

/// Cancel a booking (and, if asked, the following dates of its series):
/// its owner before it starts, a manager at any time.
///
/// # Errors
///
/// Not found, forbidden for others, conflict when it is no longer active.
pub fn cancel(req: &Request, area: Area) -> Result<Response, Error> {
    let booking = load(req)?;
    let user = req.require_user()?;
    let owner = user.id == booking.user_id;
    let manager = user.has_permission(MANAGE);
    if area == Area::Portal && !owner {
        return Err(Error::not_found(messages::NOT_FOUND));
    }
    if !(manager && booking.is_active() || owner && owner_may_cancel(&booking)) {
        return Err(Error::forbidden("may-not-cancel"));
    }
    let mut form = req.validator();
    let reason = form.text("cancel_reason").max_len(NOTE_MAX).optional();
    let following = form.checkbox("following").value();
    if let Err(invalid) = form.finish() {
        return Ok(page(req, area, &booking, Some(&invalid))?.into());
    }
    let scope: Vec<Condition> = match (following, booking.series_id) {
        (true, Some(sid)) => vec![
            eq("series_id", sid),
            one_of("status", ACTIVE),
            ge("starts_at", booking.starts_at.to_string()),
        ],
        _ => vec![eq("id", booking.id())],
    };
    let count = db::count("bookings").filters(scope.clone()).get()?.max(1) as usize;
    let now = now_utc();
    let mut tx = db::transaction();
    tx.expect(
        "bookings",
        [eq("id", booking.id()), one_of("status", ACTIVE)],
        db::Measure::count_rows(),
        Some(1.0),
        None,
        "not-active",
    );
    tx.update(
        db::update("bookings")
            .filters(scope)
            .set("status", CANCELLED)
            .set("reason", reason.clone())
            .set("decided_by", user.name.as_str())
            .set("decided_at", now.as_str()),
    );
    // Approvers learn of cancellations; a booker learns when someone
    // else cancelled.
    let recipient = if owner {
        APPROVERS
    } else {
        booking.user_id.as_str()
    };
    let cancel_notice = notice(
        &booking,
        recipient,
        "cancelled",
        count,
        reason.as_deref(),
        &user.name,
    )?;
    tx.insert("notices", &cancel_notice);
    if booking.status == PENDING {
        tx.update(
            db::update("notices")
                .filter(eq("recipient", APPROVERS))
                .filter(eq("booking_id", booking.id()))
                .filter(eq("kind", "requested"))
                .set("resolved", true),
        );
    }
    let payload = json!({
        "booking_id": booking.id(),
        "series_id": booking.series_id,
        "dates": count,
        "user_id": booking.user_id,
        "by_owner": owner,
    });
    tx.publish("cancelled", &payload);
    tx.audit(
        "booking.cancelled",
        &format!("booking:{}", booking.id()),
        &payload,
    );
    tx.commit()?;
    crate::mails::deliver(req, &[cancel_notice]);
    let url = match area {
        Area::Portal => req.url(&format!("/mes-reservations/{}", booking.id())),
        Area::Extranet | Area::Admin => req.url(&format!("/reservations/{}", booking.id())),
    };
    Ok(redirect(url)
        .notice(tr("notice-cancelled", &[("n", count.to_string())]))
        .into())
}

/// Record the hand-over of keys or equipment, or their return.
///
/// # Errors
///
/// Not found, forbidden without `booking.manage`, conflict when already
/// recorded.
pub fn handover(req: &Request) -> Result<Response, Error> {
    let booking = load(req)?;
    let user = req.require_permission(MANAGE)?;
    let mut form = req.validator();
    let action = form.choice("action", &["handover", "return"]).value();
    let note = form.text("note").max_len(NOTE_MAX).optional();
    if let Err(invalid) = form.finish() {
        return Ok(page(req, req.area(), &booking, Some(&invalid))?.into());
    }
    let now = now_utc();
    let mut tx = db::transaction();
    let (expected, update, key) = if action == "handover" {
        (
            vec![
                eq("id", booking.id()),
                eq("status", APPROVED),
                is_null("handed_over_at"),
            ],
            db::update("bookings")
                .filter(eq("id", booking.id()))
                .set("handed_over_at", now.as_str())
                .set("handed_over_by", user.name.as_str())
                .set("handover_note", note.clone()),
            "handed-over",
        )
    } else {
        (
            vec![
                eq("id", booking.id()),
                not_null("handed_over_at"),
                is_null("returned_at"),
            ],
            db::update("bookings")
                .filter(eq("id", booking.id()))
                .set("returned_at", now.as_str())
                .set("returned_by", user.name.as_str())
                .set("return_note", note.clone()),
            "returned",
        )
    };
    tx.expect(
        "bookings",
        expected,
        db::Measure::count_rows(),
        Some(1.0),
        None,
        "handover-already-recorded",
    );
    tx.update(update);
    let payload = json!({ "booking_id": booking.id(), "note": note });
    tx.publish(key, &payload);
    tx.audit(
        &format!("booking.{key}"),
        &format!("booking:{}", booking.id()),
        &payload,
    );
    tx.commit()?;
    Ok(
        redirect(req.url(&format!("/reservations/{}", booking.id())))
            .notice(tr(&format!("notice-{key}"), &[]))
            .into(),
    )
}
