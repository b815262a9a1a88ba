//! Moderation: staff read submitted offers as the public will see them,
//! publish or refuse them (a reason, mailed to the employer with a link
//! to edit the offer), and withdraw a published one (local or imported)
//! with a reason. Every decision expects the offer as it was read (its
//! `version`), goes to the audit log and to the offer's history.
//!
//! `published_at` is set at an offer's first publication only: an offer
//! published again after an edit or an extension keeps its first date, so
//! that editing does not lift an offer to the top of the list nor mail
//! saved searches about it a second time; `updated_at` (the sitemap's
//! `lastmod`) says it changed.

use estive_sdk::form::{Form, options};
use estive_sdk::prelude::*;
use serde_json::Value;

use crate::employers::{message, notify, portal_link};
use crate::model::{
    APPROVED, EXPIRED, Employer, FRANCE_TRAVAIL, LOCAL, Offer, PUBLISHED, REFUSED, REQUESTED,
    SUBMITTED, WITHDRAWN,
};
use crate::posting::{self, CONFLICT, expect_version, history_entry, with_history};
use crate::{display, permissions, store, tables};

/// The longest reason of a decision.
const MAX_REASON: usize = 2000;
/// The most rows of each list of the queue.
const QUEUE_SIZE: u32 = 200;
/// The offers and requests the extranet widget lists.
const WIDGET_SIZE: u32 = 5;

/// The oldest submitted offers first.
fn submitted(limit: u32) -> Result<Vec<Offer>, Error> {
    db::select(tables::OFFERS)
        .filter(eq(tables::offers::STATUS, SUBMITTED))
        .order_asc(tables::offers::UPDATED_AT)
        .limit(limit)
        .fetch()
}

/// The oldest requests for an employer account first.
fn pending_employers(limit: u32) -> Result<Vec<Employer>, Error> {
    db::select(tables::EMPLOYERS)
        .filter(eq(tables::employers::STATUS, REQUESTED))
        .order_asc(tables::employers::REQUESTED_AT)
        .limit(limit)
        .fetch()
}

fn count_offers(status: &str, source: Option<&str>) -> Result<u64, Error> {
    let mut count = db::count(tables::OFFERS).filter(eq(tables::offers::STATUS, status));
    if let Some(source) = source {
        count = count.filter(eq(tables::offers::SOURCE, source));
    }
    count.get()
}

/// An offer in a list of the queue.
fn row(offer: &Offer, locale: &str) -> Value {
    json!({
        "id": offer.id,
        "title": offer.title,
        "employer_name": offer.employer_name,
        "commune": offer.commune,
        "contract": display::contract_text(offer),
        "since": display::long_day(Some(&offer.updated_at), locale),
        "updated_at": offer.updated_at,
    })
}

/// An employer's request in a list of the queue.
fn request_row(employer: &Employer, locale: &str) -> Value {
    json!({
        "id": employer.id,
        "name": employer.name,
        "user_name": employer.user_name,
        "commune": employer.commune,
        "since": display::long_day(Some(&employer.requested_at), locale),
    })
}

/// `/` (extranet): the queue, submitted offers oldest first and pending
/// employers' requests, with the board's counts and the ways to the
/// import and the figures.
///
/// # Errors
/// Storage failures.
pub fn queue(req: &Request) -> Result<Response, Error> {
    let locale = req.locale();
    let offers: Vec<Value> = submitted(QUEUE_SIZE)?
        .iter()
        .map(|o| row(o, locale))
        .collect();
    let requests: Vec<Value> = pending_employers(QUEUE_SIZE)?
        .iter()
        .map(|e| request_row(e, locale))
        .collect();
    let counts = json!({
        "submitted": count_offers(SUBMITTED, None)?,
        "requests": db::count(tables::EMPLOYERS).filter(eq(tables::employers::STATUS, REQUESTED)).get()?,
        "published_local": count_offers(PUBLISHED, Some(LOCAL))?,
        "published_imported": count_offers(PUBLISHED, Some(FRANCE_TRAVAIL))?,
        "expired": count_offers(EXPIRED, None)?,
    });
    Ok(view("moderation_queue.html")
        .title(i18n::t("moderation-title"))
        .with(json!({
            "offers": offers,
            "requests": requests,
            "counts": counts,
            "figures": req.has_permission(permissions::JOBS_FIGURES),
        }))
        .into())
}

/// What staff may decide on an offer in its status.
fn decisions_for(offer: &Offer) -> &'static [&'static str] {
    match offer.status.as_str() {
        SUBMITTED => &["publish", "refuse"],
        PUBLISHED => &["withdraw"],
        _ => &[],
    }
}

fn review_page(req: &Request, offer: &Offer, form: Form) -> Result<Response, Error> {
    let employer = match offer.employer_id {
        Some(id) => db::select(tables::EMPLOYERS)
            .filter(eq(tables::employers::ID, id))
            .first::<Employer>()?,
        None => None,
    };
    let locale = req.locale();
    let decisions = options(
        decisions_for(offer)
            .iter()
            .map(|d| (*d, i18n::t(&format!("moderation-decision-{d}")))),
    );
    let ctx = req.context();
    Ok(view("moderation_offer.html")
        .title(offer.title.clone())
        .crumb(i18n::t("moderation-title"), req.url("/"))
        .with(json!({
            "offer": display::offer(ctx, offer),
            "employer": employer,
            "history": posting::history_view(offer, locale),
            "created_on": display::long_day(Some(&offer.created_at), locale),
            "updated_on": display::long_day(Some(&offer.updated_at), locale),
            "closed_on": display::long_day(offer.closed_at.as_deref(), locale),
            "decisions": decisions,
            "public_url": ctx.url_in("portal", &format!("/offres/{}", offer.id)),
        }))
        .form(
            form.label("decision", "moderation-decision")
                .label("reason", "moderation-reason"),
        )
        .into())
}

/// `GET/POST /offres/{id}` (extranet): an offer as the public will see it,
/// its employer (with the contact details staff alone see) and history;
/// publish, refuse or withdraw it.
///
/// # Errors
/// Not found; a conflict when the offer changed meanwhile; storage
/// failures.
pub fn review(req: &Request) -> Result<Response, Error> {
    let offer = store::offer(req.param_id("id")?)?;
    let form = Form::new("jobs-review").values(json!({ "version": offer.version.to_string() }));
    if !req.is_post() {
        return review_page(req, &offer, form);
    }
    let user = req.require_user()?;
    let today = store::today();
    let mut f = req.validator();
    let decision = f.choice("decision", decisions_for(&offer)).value();
    let reason = f.text("reason").max_len(MAX_REASON).optional();
    if matches!(decision.as_str(), "refuse" | "withdraw") && reason.is_none() {
        f.error("reason", "moderation-reason-required");
    }
    if decision == "publish" && Date::parse(&offer.expires_on).is_none_or(|d| d < today) {
        f.error("decision", "moderation-expired");
    }
    if let Err(invalid) = f.finish() {
        let form = form.sent(req).errors(&invalid);
        return review_page(req, &offer, form);
    }
    if let Some(read) = req.form("version").and_then(|v| v.parse::<i64>().ok())
        && read != offer.version
    {
        return Err(Error::conflict("moderation-changed"));
    }
    let now = store::now_utc();
    let (status, what) = match decision.as_str() {
        "publish" => (PUBLISHED, "published"),
        "refuse" => (REFUSED, "refused"),
        _ => (WITHDRAWN, "withdrawn_by_staff"),
    };
    let details = if offer.imported() {
        offer.details.clone()
    } else {
        with_history(
            &offer.details,
            history_entry(what, &user.name, reason.as_deref()),
        )
    };
    let mut update = db::update(tables::OFFERS)
        .filter(eq(tables::offers::ID, offer.id))
        .set(tables::offers::STATUS, status)
        .set(tables::offers::REFUSAL_REASON, reason.clone())
        .set_json(tables::offers::DETAILS, &details)
        .set(tables::offers::UPDATED_AT, now.clone())
        .set(tables::offers::VERSION, offer.version + 1);
    match status {
        PUBLISHED => {
            // The first publication's date stays (see the module's doc).
            update = update
                .set(
                    tables::offers::PUBLISHED_AT,
                    offer.published_at.clone().unwrap_or_else(|| now.clone()),
                )
                .set(tables::offers::CLOSED_AT, None::<String>);
        }
        WITHDRAWN => update = update.set(tables::offers::CLOSED_AT, now.clone()),
        _ => {}
    }
    let mut tx = db::transaction();
    expect_version(&mut tx, &offer);
    tx.update(update);
    tx.audit(
        &format!("jobs.offer.{what}"),
        &format!("offer:{}", offer.id),
        &json!({
            "title": offer.title,
            "source": offer.source,
            "employer": offer.employer_id,
            "reason": reason,
        }),
    );
    match tx.commit() {
        Ok(_) => {}
        Err(Error::Conflict(msg)) if msg == CONFLICT => {
            return Err(Error::conflict("moderation-changed"));
        }
        Err(e) => return Err(e),
    }
    tell_employer(req, &offer, &decision, reason.as_deref())?;
    Ok(redirect(req.url("/"))
        .notice(format!("moderation-{decision}-notice"))
        .into())
}

/// Mail the employer of a local offer what staff decided.
fn tell_employer(
    req: &Request,
    offer: &Offer,
    decision: &str,
    reason: Option<&str>,
) -> Result<(), Error> {
    let Some(employer_id) = offer.employer_id else {
        return Ok(());
    };
    let Ok(employer) = store::employer(employer_id) else {
        return Ok(());
    };
    if employer.status != APPROVED && decision == "publish" {
        log::warn(&format!(
            "jobs: offer {} published for employer {} whose status is {}",
            offer.id, employer.id, employer.status
        ));
    }
    let ctx = req.context();
    let args = [
        ("title", offer.title.clone()),
        ("reason", reason.unwrap_or_default().to_owned()),
        ("public", portal_link(ctx, &format!("/offres/{}", offer.id))),
        (
            "edit",
            portal_link(ctx, &format!("/espace-employeur/offres/{}", offer.id)),
        ),
    ];
    notify(
        &employer.user_id,
        &message(&format!("moderation-mail-{decision}-subject"), &args),
        &message(&format!("moderation-mail-{decision}-body"), &args),
    );
    Ok(())
}

/// The extranet's "offers to review": how many offers and requests wait,
/// the oldest of each; nothing when nothing waits.
///
/// # Errors
/// Storage failures.
pub fn widget_to_review(ctx: &Context) -> Result<Option<View>, Error> {
    let offers_count = count_offers(SUBMITTED, None)?;
    let requests_count = db::count(tables::EMPLOYERS)
        .filter(eq(tables::employers::STATUS, REQUESTED))
        .get()?;
    if offers_count == 0 && requests_count == 0 {
        return Ok(None);
    }
    let locale = ctx.locale();
    let offers: Vec<Value> = submitted(WIDGET_SIZE)?
        .iter()
        .map(|o| row(o, locale))
        .collect();
    let requests: Vec<Value> = pending_employers(WIDGET_SIZE)?
        .iter()
        .map(|e| request_row(e, locale))
        .collect();
    Ok(Some(view("widget_to_review.html").with(json!({
        "offers": offers,
        "requests": requests,
        "offers_count": offers_count,
        "requests_count": requests_count,
    }))))
}
