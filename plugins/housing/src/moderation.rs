//! Moderation: staff read submitted homes as the public will see them
//! (with their photos), plus what only staff see (the exact address, the
//! landlord's phone) and a decency panel (décret n° 2002-120); they
//! publish or refuse them (a reason, mailed to the landlord with a link to
//! edit the home), and withdraw a published one with a reason. Every
//! decision expects the home as it was read (its `version`), goes to the
//! audit log and to the home's history.
//!
//! `published_at` is set at a home's first publication only: a home
//! published again after an edit or an extension keeps its first date, so
//! that editing does not lift it to the top of the list nor mail saved
//! searches about it a second time; `updated_at` says it changed.

use estive_sdk::form::{Form, options};
use estive_sdk::prelude::*;
use serde_json::Value;

use crate::landlords::{message, notify, portal_link};
use crate::model::{
    self, APPROVED, DECENT_CEILING, DECENT_SURFACE, DECENT_VOLUME, EXPIRED, Home, Landlord,
    PHOTO_COLUMNS, PUBLISHED, Photo, REFUSED, REQUESTED, SUBMITTED, WITHDRAWN,
};
use crate::posting::{self, CONFLICT, expect_version, history_entry, with_history};
use crate::store::{self, Settings};
use crate::{display, permissions, tables};

/// The longest reason of a decision.
const MAX_REASON: usize = 2000;
/// The most rows of each list of the queue.
const QUEUE_SIZE: u32 = 200;
/// The homes and requests the extranet widget lists.
const WIDGET_SIZE: u32 = 5;

/// The oldest submitted homes first.
fn submitted(limit: u32) -> Result<Vec<Home>, Error> {
    db::select(tables::HOMES)
        .filter(eq(tables::homes::STATUS, SUBMITTED))
        .order_asc(tables::homes::UPDATED_AT)
        .limit(limit)
        .fetch()
}

/// The oldest requests for a landlord account first.
fn pending_landlords(limit: u32) -> Result<Vec<Landlord>, Error> {
    db::select(tables::LANDLORDS)
        .filter(eq(tables::landlords::STATUS, REQUESTED))
        .order_asc(tables::landlords::REQUESTED_AT)
        .limit(limit)
        .fetch()
}

fn count_homes(status: &str) -> Result<u64, Error> {
    db::count(tables::HOMES)
        .filter(eq(tables::homes::STATUS, status))
        .get()
}

fn count_requests() -> Result<u64, Error> {
    db::count(tables::LANDLORDS)
        .filter(eq(tables::landlords::STATUS, REQUESTED))
        .get()
}

/// A home in a list of the queue.
fn row(home: &Home, locale: &str) -> Value {
    json!({
        "id": home.id,
        "title": home.title,
        "landlord_name": home.landlord_name,
        "commune": home.commune,
        "kind_text": i18n::t(&format!("kind-{}", home.kind)),
        "rent": display::euros(home.rent, locale),
        "decent": model::decent(home.surface, home.ceiling, home.volume),
        "updated_at": home.updated_at,
    })
}

/// A landlord's request in a list of the queue.
fn request_row(landlord: &Landlord) -> Value {
    json!({
        "id": landlord.id,
        "name": landlord.name,
        "user_name": landlord.user_name,
        "kind_text": i18n::t(&format!("landlord-kind-{}", landlord.kind)),
        "requested_at": landlord.requested_at,
    })
}

/// `/` (extranet): the queue, submitted homes oldest first and pending
/// landlords' requests, with the board's counts and the way to the
/// figures.
///
/// # Errors
/// Storage failures.
pub fn queue(req: &Request) -> Result<Response, Error> {
    let locale = req.locale();
    let homes: Vec<Value> = submitted(QUEUE_SIZE)?
        .iter()
        .map(|h| row(h, locale))
        .collect();
    let requests: Vec<Value> = pending_landlords(QUEUE_SIZE)?
        .iter()
        .map(request_row)
        .collect();
    let counts = json!({
        "submitted": count_homes(SUBMITTED)?,
        "requests": count_requests()?,
        "published": count_homes(PUBLISHED)?,
        "expired": count_homes(EXPIRED)?,
        "landlords": db::count(tables::LANDLORDS).filter(eq(tables::landlords::STATUS, APPROVED)).get()?,
    });
    Ok(view("moderation_queue.html")
        .title(i18n::t("moderation-title"))
        .with(json!({
            "homes": homes,
            "requests": requests,
            "counts": counts,
            "figures": req.has_permission(permissions::HOUSING_FIGURES),
        }))
        .into())
}

/// What staff may decide on a home in its status.
fn decisions_for(home: &Home) -> &'static [&'static str] {
    match home.status.as_str() {
        SUBMITTED => &["publish", "refuse"],
        PUBLISHED => &["withdraw"],
        _ => &[],
    }
}

/// The decency panel: the home's measures, the rule, whether it is met.
fn decency(home: &Home, locale: &str) -> Value {
    let computed = home.ceiling.map(|c| c * home.surface);
    json!({
        "surface": display::decimal(home.surface, locale),
        "ceiling": home.ceiling.map(|c| display::decimal(c, locale)),
        "volume": home.volume.map(|v| display::decimal(v, locale)),
        "computed": computed.map(|v| display::decimal(v, locale)),
        "by_surface": home.surface >= DECENT_SURFACE && home.ceiling.is_none_or(|c| c >= DECENT_CEILING),
        "by_volume": home.volume.is_some_and(|v| v >= DECENT_VOLUME) || computed.is_some_and(|v| v >= DECENT_VOLUME),
        "decent": model::decent(home.surface, home.ceiling, home.volume),
        "unknown_height": home.ceiling.is_none() && home.volume.is_none(),
    })
}

fn review_page(req: &Request, home: &Home, form: Form) -> Result<Response, Error> {
    let landlord = db::select(tables::LANDLORDS)
        .filter(eq(tables::landlords::ID, home.landlord_id))
        .first::<Landlord>()?;
    let photos: Vec<Photo> = db::select(tables::PHOTOS)
        .columns(&PHOTO_COLUMNS)
        .filter(eq(tables::photos::HOME_ID, home.id))
        .order_asc(tables::photos::POSITION)
        .limit(50)
        .fetch()?;
    let ctx = req.context();
    let locale = req.locale();
    let settings = Settings::load()?;
    let photos: Vec<Value> = photos
        .iter()
        .map(|p| {
            json!({
                "src": display::photo_path(ctx, home.id, p.id),
                "alt": p.alt,
                "width": p.width,
                "height": p.height,
            })
        })
        .collect();
    let decisions = options(
        decisions_for(home)
            .iter()
            .map(|d| (*d, i18n::t(&format!("moderation-decision-{d}")))),
    );
    Ok(view("moderation_home.html")
        .title(home.title.clone())
        .crumb(i18n::t("moderation-title"), req.url("/"))
        .with(json!({
            "home": display::home(ctx, home, &settings),
            "address": home.address,
            "landlord": landlord,
            "photos": photos,
            "decency": decency(home, locale),
            "history": posting::history_view(home),
            "decisions": decisions,
            "public_url": display::public_path(ctx, home.id),
        }))
        .form(
            form.label("decision", "moderation-decision")
                .label("reason", "moderation-reason"),
        )
        .into())
}

/// `GET/POST /logements/{id}` (extranet): a home as the public will see
/// it, what staff alone see, its decency and history; publish, refuse or
/// withdraw it.
///
/// # Errors
/// Not found; a conflict when the home changed meanwhile; storage
/// failures.
pub fn review(req: &Request) -> Result<Response, Error> {
    let home = store::home(req.param_id("id")?)?;
    let form = Form::new("housing-review").values(json!({ "version": home.version.to_string() }));
    if !req.is_post() {
        return review_page(req, &home, form);
    }
    let user = req.require_user()?;
    let today = store::today();
    let mut f = req.validator();
    let decision = f.choice("decision", decisions_for(&home)).value();
    let reason = f.text("reason").max_len(MAX_REASON).optional();
    if matches!(decision.as_str(), "refuse" | "withdraw") && reason.is_none() {
        f.error("reason", "moderation-reason-required");
    }
    if decision == "publish" && Date::parse(&home.available_to).is_none_or(|d| d < today) {
        f.error("decision", "moderation-period-passed");
    }
    // A home that is not decent is never published (décret n° 2002-120).
    if decision == "publish" && !model::decent(home.surface, home.ceiling, home.volume) {
        f.error("decision", "moderation-publish-not-decent");
    }
    if let Err(invalid) = f.finish() {
        let form = form.sent(req).errors(&invalid);
        return review_page(req, &home, form);
    }
    if let Some(read) = req.form("version").and_then(|v| v.parse::<i64>().ok())
        && read != home.version
    {
        return Err(Error::conflict("moderation-changed"));
    }
    let now = store::now_utc();
    let (status, what) = match decision.as_str() {
        "publish" => (PUBLISHED, "published"),
        "refuse" => (REFUSED, "refused"),
        _ => (WITHDRAWN, "withdrawn_by_staff"),
    };
    let details = with_history(
        &home.details,
        history_entry(what, &user.name, reason.as_deref()),
    );
    let mut update = db::update(tables::HOMES)
        .filter(eq(tables::homes::ID, home.id))
        .set(tables::homes::STATUS, status)
        .set(tables::homes::REFUSAL_REASON, reason.clone())
        .set_json(tables::homes::DETAILS, &details)
        .set(tables::homes::UPDATED_AT, now.clone())
        .set(tables::homes::VERSION, home.version + 1);
    match status {
        PUBLISHED => {
            // The first publication's date stays (see the module's doc).
            update = update
                .set(
                    tables::homes::PUBLISHED_AT,
                    home.published_at.clone().unwrap_or_else(|| now.clone()),
                )
                .set(tables::homes::CLOSED_AT, None::<String>);
        }
        WITHDRAWN => update = update.set(tables::homes::CLOSED_AT, now.clone()),
        _ => {}
    }
    let mut tx = db::transaction();
    expect_version(&mut tx, &home);
    tx.update(update);
    tx.audit(
        &format!("housing.home.{what}"),
        &format!("home:{}", home.id),
        &json!({
            "title": home.title,
            "landlord": home.landlord_id,
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
    tell_landlord(req, &home, &decision, reason.as_deref());
    Ok(redirect(req.url("/"))
        .notice(format!("moderation-{decision}-notice"))
        .into())
}

/// Mail the landlord what staff decided.
fn tell_landlord(req: &Request, home: &Home, decision: &str, reason: Option<&str>) {
    let Ok(landlord) = store::landlord(home.landlord_id) else {
        return;
    };
    let ctx = req.context();
    let args = [
        ("title", home.title.clone()),
        ("reason", reason.unwrap_or_default().to_owned()),
        (
            "public",
            portal_link(ctx, &format!("/annonces/{}", home.id)),
        ),
        (
            "edit",
            portal_link(ctx, &format!("/espace-bailleur/logements/{}", home.id)),
        ),
    ];
    notify(
        &landlord.user_id,
        &message(&format!("moderation-mail-{decision}-subject"), &args),
        &message(&format!("moderation-mail-{decision}-body"), &args),
    );
}

/// The extranet's "homes to review": how many homes and landlords' requests
/// wait, the oldest of each; nothing when nothing waits.
///
/// # Errors
/// Storage failures.
pub fn widget_to_review(ctx: &Context) -> Result<Option<View>, Error> {
    let homes_count = count_homes(SUBMITTED)?;
    let requests_count = count_requests()?;
    if homes_count == 0 && requests_count == 0 {
        return Ok(None);
    }
    let locale = ctx.locale();
    let homes: Vec<Value> = submitted(WIDGET_SIZE)?
        .iter()
        .map(|h| row(h, locale))
        .collect();
    let requests: Vec<Value> = pending_landlords(WIDGET_SIZE)?
        .iter()
        .map(request_row)
        .collect();
    Ok(Some(view("widget_to_review.html").with(json!({
        "homes": homes,
        "requests": requests,
        "homes_count": homes_count,
        "requests_count": requests_count,
    }))))
}
