//! Landlord accounts: an account asks to let homes (a private owner, a
//! commune, a social landlord, an employer housing its staff, another
//! body), staff approve or refuse it (with a reason, mailed), and may later
//! suspend it (its published and submitted homes are withdrawn) or
//! reinstate it.
//!
//! The host cannot give an account a role, so an approved landlord is a
//! row of `landlords` with status `approved` ([`crate::access`]). An
//! account that holds `housing.post` (the `landlord` role given by the
//! administrator) is trusted: describing itself approves it at once. The
//! phone is shown to staff only; the name is the one shown with listings.

use estive_kit::input::phone_ok;
use estive_sdk::form::{Form, options};
use estive_sdk::prelude::*;
use serde::Deserialize;
use serde_json::Value;

use crate::access::Access;
use crate::model::{
    APPROVED, DRAFT, EXPIRED, Home, LANDLORD_KINDS, LET, Landlord, OPEN, PUBLISHED, REFUSED,
    REQUESTED, SUBMITTED, SUSPENDED, WITHDRAWN,
};
use crate::posting::{history_entry, with_history};
use crate::store::{self, Settings};
use crate::{display, permissions, tables};

/// The longest name shown with listings.
const MAX_NAME: usize = 120;
/// The longest description of a landlord.
const MAX_DESCRIPTION: usize = 2000;
/// The longest reason of a decision.
const MAX_REASON: usize = 1000;
/// Landlord statuses, in the order the staff's list shows them.
const LANDLORD_STATUSES: [&str; 4] = [REQUESTED, APPROVED, REFUSED, SUSPENDED];
/// The most homes withdrawn with a suspension (one transaction holds at
/// most 1,000 operations).
const SUSPEND_BATCH: u32 = 900;

// Messages and mail ------------------------------------------------------------

pub use estive_kit::notice::{message, notify};

/// The absolute address of a portal path of the plugin, for a mail.
pub fn portal_link(ctx: &Context, path: &str) -> String {
    let local = ctx
        .url_in("portal", path)
        .unwrap_or_else(|| format!("/logements{}", if path == "/" { "" } else { path }));
    ctx.absolute(&local)
}

// Reading the landlord's form ----------------------------------------------------

/// A landlord's details as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct Details {
    pub kind: String,
    pub name: String,
    pub phone: String,
    pub description: Option<String>,
}

/// Read the landlord's form, with field errors.
fn read_details(req: &Request) -> Result<Details, Error> {
    let mut f = req.validator();
    let kind = f.choice("kind", &LANDLORD_KINDS).value();
    let name = f.text("name").required().max_len(MAX_NAME).value();
    let phone = f.text("phone").required().max_len(30).value();
    let description = f.text("description").max_len(MAX_DESCRIPTION).optional();
    if !phone.is_empty() && !phone_ok(&phone) {
        f.error("phone", "landlords-phone-invalid");
    }
    f.finish()?;
    Ok(Details {
        kind,
        name,
        phone,
        description,
    })
}

/// The form's values of a stored landlord.
fn values_of(landlord: &Landlord) -> Value {
    json!({
        "kind": landlord.kind,
        "name": landlord.name,
        "phone": landlord.phone,
        "description": landlord.description,
    })
}

fn labelled(form: Form) -> Form {
    form.label("kind", "landlords-kind")
        .label("name", "landlords-name")
        .label("phone", "landlords-phone")
        .label("description", "landlords-description")
}

/// The kinds of landlord, for the form.
fn kind_options() -> Vec<estive_sdk::form::Choice> {
    options(LANDLORD_KINDS.map(|k| (k, i18n::t(&format!("landlord-kind-{k}")))))
}

// Portal: asking for an account ------------------------------------------------------

fn request_page(req: &Request, access: &Access, form: Form) -> Result<Response, Error> {
    let settings = Settings::load()?;
    let landlord = access.landlord.as_ref();
    let editable = landlord.is_none_or(|l| l.status == REQUESTED || l.status == REFUSED);
    Ok(view("landlord_request.html")
        .title(i18n::t("landlords-request-title"))
        .crumb(i18n::t("housing-title"), req.url("/"))
        .with(json!({
            "landlord": landlord,
            "editable": editable,
            "trusted": req.has_permission(permissions::HOUSING_POST),
            "kinds": kind_options(),
            "purge_months": settings.purge_months,
        }))
        .form(labelled(form))
        .into())
}

/// `GET/POST /bailleurs/inscription`: ask for a landlord account, see
/// where the request stands, ask again after a refusal. An account with
/// the `landlord` role is approved at once.
///
/// # Errors
/// A conflict when the account is already approved or suspended, or was
/// decided meanwhile; storage failures.
pub fn request(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let user = req.require_user()?;
    if !req.is_post() {
        let form = match &access.landlord {
            Some(l) => Form::new("housing-landlord").values(values_of(l)),
            None => Form::new("housing-landlord").values(json!({ "kind": "private" })),
        };
        return request_page(req, &access, form);
    }
    if let Some(l) = &access.landlord
        && (l.status == APPROVED || l.status == SUSPENDED)
    {
        return Err(Error::conflict("landlords-already-decided"));
    }
    let details = match read_details(req) {
        Ok(d) => d,
        Err(invalid @ Error::Invalid(_)) => {
            let form = Form::new("housing-landlord").sent(req).errors(&invalid);
            return request_page(req, &access, form);
        }
        Err(e) => return Err(e),
    };
    let trusted = req.has_permission(permissions::HOUSING_POST);
    let status = if trusted { APPROVED } else { REQUESTED };
    let now = store::now_utc();
    // A request corrected while it waits keeps its place in the queue.
    let requested_at = match &access.landlord {
        Some(l) if l.status == REQUESTED => l.requested_at.clone(),
        _ => now.clone(),
    };
    let row = json!({
        "user_id": user.id,
        "user_name": user.name,
        "kind": details.kind,
        "name": details.name,
        "phone": details.phone,
        "description": details.description,
        "status": status,
        "reason": null,
        "requested_at": requested_at,
        "decided_by": null,
        "decided_at": if trusted { Some(now.clone()) } else { None },
    });
    let mut tx = db::transaction();
    if let Some(l) = &access.landlord {
        // Unchanged since it was read: not decided meanwhile.
        tx.expect(
            tables::LANDLORDS,
            [
                eq(tables::landlords::ID, l.id),
                eq(tables::landlords::STATUS, l.status.as_str()),
            ],
            db::Measure::count_rows(),
            Some(1.0),
            None,
            "landlords-already-decided",
        );
    }
    tx.upsert(tables::LANDLORDS, &row, &[tables::landlords::USER_ID]);
    tx.audit(
        if trusted {
            "housing.landlord.described"
        } else {
            "housing.landlord.requested"
        },
        &format!("user:{}", user.id),
        &json!({ "name": details.name, "kind": details.kind, "again": access.landlord.is_some() }),
    );
    tx.commit()?;
    if trusted {
        return Ok(redirect(req.url("/espace-bailleur"))
            .notice("landlords-described-notice")
            .into());
    }
    Ok(redirect(req.url("/bailleurs/inscription"))
        .notice("landlords-requested-notice")
        .into())
}

// Portal: the landlord's space ---------------------------------------------------------

#[derive(Deserialize)]
struct Tally {
    home_id: i64,
    count: i64,
}

/// A count per home of the landlord's conversations matching `extra`.
fn conversation_counts(landlord_id: i64, extra: db::Condition) -> Result<Vec<Tally>, Error> {
    db::aggregate(tables::CONVERSATIONS)
        .filter(eq(tables::conversations::LANDLORD_ID, landlord_id))
        .filter(extra)
        .group_by(tables::conversations::HOME_ID)
        .count("count")
        .fetch()
}

fn count_of(tallies: &[Tally], home_id: i64) -> i64 {
    tallies
        .iter()
        .find(|t| t.home_id == home_id)
        .map_or(0, |t| t.count)
}

/// The order in which the landlord's space groups homes: what needs
/// attention first.
const HOME_ORDER: [&str; 7] = [
    PUBLISHED, SUBMITTED, REFUSED, DRAFT, EXPIRED, LET, WITHDRAWN,
];

/// `/espace-bailleur`: the landlord's homes by status, with their open and
/// unread conversations and their photos; or where their request stands.
///
/// # Errors
/// Storage failures.
pub fn home(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let mut groups = Vec::new();
    let mut unread_total = 0;
    if let (true, Some(landlord)) = (access.posts, &access.landlord) {
        let homes: Vec<Home> = db::select(tables::HOMES)
            .filter(eq(tables::homes::LANDLORD_ID, landlord.id))
            .order_desc(tables::homes::UPDATED_AT)
            .limit(2000)
            .fetch()?;
        let open = conversation_counts(landlord.id, eq(tables::conversations::STATUS, OPEN))?;
        let unread = conversation_counts(
            landlord.id,
            eq(tables::conversations::LANDLORD_UNREAD, true),
        )?;
        unread_total = unread.iter().map(|t| t.count).sum::<i64>();
        let locale = req.locale();
        for status in HOME_ORDER {
            let rows: Vec<Value> = homes
                .iter()
                .filter(|h| h.status == status)
                .map(|h| {
                    let from = display::long_date(&h.available_from, locale);
                    let to = display::long_date(&h.available_to, locale);
                    json!({
                        "id": h.id,
                        "title": h.title,
                        "commune": h.commune,
                        "kind_text": i18n::t(&format!("kind-{}", h.kind)),
                        "period": i18n::t_args("home-period-value", &[("from", &from), ("to", &to)]),
                        "rent": display::euros(h.rent, locale),
                        "photos": h.photos,
                        "open": count_of(&open, h.id),
                        "unread": count_of(&unread, h.id),
                        "refusal_reason": h.refusal_reason,
                    })
                })
                .collect();
            if !rows.is_empty() {
                groups.push(json!({ "status": status, "homes": rows }));
            }
        }
    }
    Ok(view("landlord_home.html")
        .title(i18n::t("landlords-home-title"))
        .crumb(i18n::t("housing-title"), req.url("/"))
        .with(json!({
            "landlord": access.landlord,
            "posts": access.posts,
            "trusted": req.has_permission(permissions::HOUSING_POST),
            "groups": groups,
            "unread": unread_total,
            "conversations_url": req.url("/messages"),
            "matching_url": req.url("/espace-bailleur/demandes"),
        }))
        .into())
}

fn profile_page(req: &Request, landlord: &Landlord, form: Form) -> Result<Response, Error> {
    Ok(view("landlord_profile.html")
        .title(i18n::t("landlords-profile-title"))
        .crumb(i18n::t("housing-title"), req.url("/"))
        .crumb(i18n::t("landlords-home-title"), req.url("/espace-bailleur"))
        .with(json!({
            "landlord": landlord,
            "kinds": kind_options(),
            "purge_months": Settings::load()?.purge_months,
        }))
        .form(labelled(form))
        .into())
}

/// `GET/POST /espace-bailleur/profil`: the landlord's details (the status
/// is staff's). A new name or kind is carried to the homes.
///
/// # Errors
/// Storage failures.
pub fn profile(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let Some(landlord) = access.landlord.clone() else {
        return Ok(redirect(req.url("/bailleurs/inscription")).into());
    };
    if !req.is_post() {
        let form = Form::new("housing-landlord").values(values_of(&landlord));
        return profile_page(req, &landlord, form);
    }
    let details = match read_details(req) {
        Ok(d) => d,
        Err(invalid @ Error::Invalid(_)) => {
            let form = Form::new("housing-landlord").sent(req).errors(&invalid);
            return profile_page(req, &landlord, form);
        }
        Err(e) => return Err(e),
    };
    let mut tx = db::transaction();
    tx.update(
        db::update(tables::LANDLORDS)
            .filter(eq(tables::landlords::ID, landlord.id))
            .set(tables::landlords::KIND, details.kind.clone())
            .set(tables::landlords::NAME, details.name.clone())
            .set(tables::landlords::PHONE, details.phone.clone())
            .set(tables::landlords::DESCRIPTION, details.description.clone()),
    );
    if details.name != landlord.name || details.kind != landlord.kind {
        tx.update(
            db::update(tables::HOMES)
                .filter(eq(tables::homes::LANDLORD_ID, landlord.id))
                .set(tables::homes::LANDLORD_NAME, details.name.clone())
                .set(tables::homes::LANDLORD_KIND, details.kind.clone()),
        );
    }
    tx.audit(
        "housing.landlord.profile",
        &format!("landlord:{}", landlord.id),
        &json!({ "name": details.name, "kind": details.kind }),
    );
    tx.commit()?;
    let back = if access.posts {
        "/espace-bailleur"
    } else {
        "/bailleurs/inscription"
    };
    Ok(redirect(req.url(back))
        .notice("landlords-profile-saved")
        .into())
}

// Extranet: staff's list and decisions -------------------------------------------------

/// `/bailleurs` (extranet): every landlord, pending requests first (oldest
/// first), then the others by name; filtered by status (`?statut=`).
///
/// # Errors
/// Storage failures.
pub fn list(req: &Request) -> Result<Response, Error> {
    let filter = req
        .query("statut")
        .filter(|s| LANDLORD_STATUSES.contains(s));
    let mut select = db::select(tables::LANDLORDS)
        .order_asc(tables::landlords::REQUESTED_AT)
        .limit(2000);
    if let Some(status) = filter {
        select = select.filter(eq(tables::landlords::STATUS, status));
    }
    let mut landlords: Vec<Landlord> = select.fetch()?;
    landlords.sort_by(|a, b| {
        let decided = |l: &Landlord| l.status != REQUESTED;
        decided(a).cmp(&decided(b)).then_with(|| {
            if a.status == REQUESTED {
                a.requested_at.cmp(&b.requested_at)
            } else {
                a.name.to_lowercase().cmp(&b.name.to_lowercase())
            }
        })
    });
    let rows: Vec<Value> = landlords
        .iter()
        .map(|l| {
            json!({
                "id": l.id,
                "name": l.name,
                "user_name": l.user_name,
                "kind_text": i18n::t(&format!("landlord-kind-{}", l.kind)),
                "status": l.status,
                "requested_at": l.requested_at,
            })
        })
        .collect();
    let statuses =
        options(LANDLORD_STATUSES.map(|s| (s, i18n::t(&format!("landlords-status-{s}")))));
    let form = Form::new("housing-landlords-filter").values(json!({ "statut": filter }));
    Ok(view("landlord_list.html")
        .title(i18n::t("landlords-list-title"))
        .crumb(i18n::t("moderation-title"), req.url("/"))
        .with(json!({ "landlords": rows, "statuses": statuses }))
        .form(form)
        .into())
}

/// What staff may decide on a landlord in its status.
fn decisions_for(status: &str) -> &'static [&'static str] {
    match status {
        REQUESTED => &["approve", "refuse"],
        REFUSED => &["approve"],
        APPROVED => &["suspend"],
        SUSPENDED => &["reinstate"],
        _ => &[],
    }
}

fn landlord_page(req: &Request, landlord: &Landlord, form: Form) -> Result<Response, Error> {
    let homes: Vec<Home> = db::select(tables::HOMES)
        .filter(eq(tables::homes::LANDLORD_ID, landlord.id))
        .order_desc(tables::homes::UPDATED_AT)
        .limit(500)
        .fetch()?;
    let open = conversation_counts(landlord.id, eq(tables::conversations::STATUS, OPEN))?;
    let locale = req.locale();
    let homes: Vec<Value> = homes
        .iter()
        .map(|h| {
            json!({
                "id": h.id,
                "title": h.title,
                "commune": h.commune,
                "status": h.status,
                "to": display::long_date(&h.available_to, locale),
                "open": count_of(&open, h.id),
            })
        })
        .collect();
    let decisions = options(
        decisions_for(&landlord.status)
            .iter()
            .map(|d| (*d, i18n::t(&format!("landlords-decision-{d}")))),
    );
    Ok(view("landlord_review.html")
        .title(landlord.name.clone())
        .crumb(i18n::t("moderation-title"), req.url("/"))
        .crumb(i18n::t("landlords-list-title"), req.url("/bailleurs"))
        .with(json!({
            "landlord": landlord,
            "kind_text": i18n::t(&format!("landlord-kind-{}", landlord.kind)),
            "homes": homes,
            "decisions": decisions,
        }))
        .form(
            form.label("decision", "landlords-decision")
                .label("reason", "landlords-reason"),
        )
        .into())
}

/// `GET/POST /bailleurs/{id}` (extranet): a landlord's details (with the
/// phone) and homes; approve, refuse (reason required, mailed), suspend
/// (reason; their published and submitted homes are withdrawn),
/// reinstate. Each decision expects the status staff saw, and goes to the
/// audit log.
///
/// # Errors
/// Not found; a conflict when decided meanwhile; storage failures.
pub fn decide(req: &Request) -> Result<Response, Error> {
    let landlord = store::landlord(req.param_id("id")?)?;
    let fresh = || Form::new("housing-decision").values(json!({ "seen": landlord.status }));
    if !req.is_post() {
        return landlord_page(req, &landlord, fresh());
    }
    let user = req.require_user()?;
    // The status staff saw when they decided: a decision taken on another
    // one (another agent decided meanwhile) is refused.
    let seen = req
        .form("seen")
        .unwrap_or(landlord.status.as_str())
        .to_owned();
    if seen != landlord.status {
        return Err(Error::conflict("landlords-changed"));
    }
    let allowed = decisions_for(&landlord.status);
    let mut f = req.validator();
    let decision = f.choice("decision", allowed).value();
    let reason = f.text("reason").max_len(MAX_REASON).optional();
    if matches!(decision.as_str(), "refuse" | "suspend") && reason.is_none() {
        f.error("reason", "landlords-reason-required");
    }
    if let Err(invalid) = f.finish() {
        let form = fresh().sent(req).errors(&invalid);
        return landlord_page(req, &landlord, form);
    }
    let status = match decision.as_str() {
        "approve" | "reinstate" => APPROVED,
        "refuse" => REFUSED,
        _ => SUSPENDED,
    };
    let now = store::now_utc();
    let mut tx = db::transaction();
    tx.expect(
        tables::LANDLORDS,
        [
            eq(tables::landlords::ID, landlord.id),
            eq(tables::landlords::STATUS, seen.as_str()),
        ],
        db::Measure::count_rows(),
        Some(1.0),
        None,
        "landlords-changed",
    );
    tx.update(
        db::update(tables::LANDLORDS)
            .filter(eq(tables::landlords::ID, landlord.id))
            .set(tables::landlords::STATUS, status)
            .set(tables::landlords::REASON, reason.clone())
            .set(tables::landlords::DECIDED_BY, user.name.clone())
            .set(tables::landlords::DECIDED_AT, now.clone()),
    );
    let mut withdrawn = Vec::new();
    if status == SUSPENDED {
        // Their homes leave the portal and the queue; reinstating does not
        // bring them back (the landlord reopens and submits them again).
        let homes: Vec<Home> = db::select(tables::HOMES)
            .filter(eq(tables::homes::LANDLORD_ID, landlord.id))
            .filter(one_of(tables::homes::STATUS, [PUBLISHED, SUBMITTED]))
            .limit(SUSPEND_BATCH)
            .fetch()?;
        for home in &homes {
            let details = with_history(
                &home.details,
                history_entry("withdrawn_by_staff", &user.name, reason.as_deref()),
            );
            tx.update(
                db::update(tables::HOMES)
                    .filter(eq(tables::homes::ID, home.id))
                    .set(tables::homes::STATUS, WITHDRAWN)
                    .set(tables::homes::REFUSAL_REASON, reason.clone())
                    .set(tables::homes::CLOSED_AT, now.clone())
                    .set(tables::homes::UPDATED_AT, now.clone())
                    .set_json(tables::homes::DETAILS, &details)
                    .set(tables::homes::VERSION, home.version + 1),
            );
            withdrawn.push(home.id);
        }
    }
    tx.audit(
        &format!("housing.landlord.{decision}"),
        &format!("landlord:{}", landlord.id),
        &json!({
            "name": landlord.name,
            "account": landlord.user_id,
            "reason": reason,
            "homes_withdrawn": withdrawn,
        }),
    );
    tx.commit()?;
    let ctx = req.context();
    let args = [
        ("name", landlord.name.clone()),
        ("reason", reason.clone().unwrap_or_default()),
        ("home", portal_link(ctx, "/espace-bailleur")),
        ("request", portal_link(ctx, "/bailleurs/inscription")),
    ];
    notify(
        &landlord.user_id,
        &message(&format!("landlords-mail-{decision}-subject"), &args),
        &message(&format!("landlords-mail-{decision}-body"), &args),
    );
    Ok(redirect(req.url(&format!("/bailleurs/{}", landlord.id)))
        .notice(format!("landlords-{decision}-notice"))
        .into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_status_offers_its_own_decisions() {
        assert_eq!(decisions_for(REQUESTED), ["approve", "refuse"]);
        assert_eq!(decisions_for(APPROVED), ["suspend"]);
        assert_eq!(decisions_for(SUSPENDED), ["reinstate"]);
        assert!(decisions_for("other").is_empty());
    }
}
