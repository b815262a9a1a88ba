//! Employer accounts: an account asks to post offers for an organisation
//! of the valley, staff approve or refuse it (with a reason, mailed), and
//! may later suspend it (its offers leave the portal) or reinstate it.
//!
//! The host cannot give an account a role, so an approved employer is a
//! row of `employers` with status `approved` ([`crate::access`]). An
//! account that holds `jobs.post` (the `employer` role given by the
//! administrator) is trusted: describing its organisation approves it at
//! once. Contact details (phone, SIRET) are shown to staff only.

use estive_kit::input::SiretError;
pub use estive_kit::input::{https_url, luhn_ok, phone_ok};
use estive_sdk::form::{Choice, Form, options};
use estive_sdk::prelude::*;
use serde::Deserialize;

use crate::access::Access;
use crate::model::{
    APPROVED, DRAFT, EXPIRED, Employer, FILLED, OFFER_STATUSES, Offer, PUBLISHED, REFUSED,
    REQUESTED, SUBMITTED, SUSPENDED, WITHDRAWN,
};
use crate::store::{self, Settings};
use crate::{display, permissions, tables};

/// The longest organisation name.
const MAX_NAME: usize = 120;
/// The longest description of an organisation.
const MAX_DESCRIPTION: usize = 2000;
/// The longest reason of a decision.
const MAX_REASON: usize = 1000;
/// The value of the commune list that asks for another commune's name.
const OTHER_COMMUNE: &str = "autre";
/// Employer statuses, in the order the staff's list shows them.
const EMPLOYER_STATUSES: [&str; 4] = [REQUESTED, APPROVED, REFUSED, SUSPENDED];

// Messages ------------------------------------------------------------------

pub use estive_kit::notice::{message, notify};

/// The absolute address of a portal path of the plugin, for a mail.
pub fn portal_link(ctx: &Context, path: &str) -> String {
    let local = ctx
        .url_in("portal", path)
        .unwrap_or_else(|| format!("/emplois{}", if path == "/" { "" } else { path }));
    ctx.absolute(&local)
}

// Reading the organisation's form ---------------------------------------------

/// The details of an organisation as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct Details {
    pub name: String,
    pub siret: Option<String>,
    pub commune: Option<String>,
    pub phone: String,
    pub website: Option<String>,
    pub description: Option<String>,
}

/// The communes offered, and « another commune ».
fn commune_options(settings: &Settings) -> Vec<Choice> {
    let mut list = options(
        settings
            .communes()
            .into_iter()
            .map(|c| (c.name.clone(), c.name)),
    );
    list.push(Choice {
        value: OTHER_COMMUNE.to_owned(),
        label: i18n::t("employers-commune-other"),
    });
    list
}

/// Read the organisation's form, with field errors. A SIRET already
/// stored is kept as it is when it is sent unchanged (one entered before
/// the key was checked), so that it never blocks editing the rest.
fn read_details(
    req: &Request,
    settings: &Settings,
    stored_siret: Option<&str>,
) -> Result<Details, Error> {
    let names: Vec<String> = settings.communes().into_iter().map(|c| c.name).collect();
    let mut allowed = names.clone();
    allowed.push(OTHER_COMMUNE.to_owned());
    let mut f = req.validator();
    let name = f.text("name").required().max_len(MAX_NAME).value();
    let siret_text = f.text("siret").max_len(30).optional();
    let commune = f.choice("commune", &allowed).optional();
    let other = f.text("commune_other").max_len(80).optional();
    let phone = f.text("phone").required().max_len(30).value();
    let website = f.text("website").max_len(300).optional();
    let description = f.text("description").max_len(MAX_DESCRIPTION).optional();
    let digits_of = |t: &str| -> String { t.chars().filter(char::is_ascii_digit).collect() };
    let unchanged = match (siret_text.as_deref(), stored_siret) {
        (Some(typed), Some(stored)) => digits_of(typed) == digits_of(stored),
        _ => false,
    };
    let siret = match siret_text.as_deref().map(siret) {
        None => None,
        Some(Ok(s)) => Some(s),
        Some(Err(_)) if unchanged => stored_siret.map(str::to_owned),
        Some(Err(key)) => {
            f.error("siret", key);
            None
        }
    };
    if !phone.is_empty() && !phone_ok(&phone) {
        f.error("phone", "employers-phone-invalid");
    }
    if let Some(w) = &website
        && !https_url(w)
    {
        f.error("website", "employers-website-https");
    }
    let commune = match commune.as_deref() {
        Some(OTHER_COMMUNE) => {
            if other.is_none() {
                f.error("commune_other", "employers-commune-other-required");
            }
            other
        }
        Some(c) => Some(c.to_owned()),
        None => None,
    };
    f.finish()?;
    Ok(Details {
        name,
        siret,
        commune,
        phone,
        website,
        description,
    })
}

/// The form's values of a stored organisation.
fn values_of(employer: &Employer, settings: &Settings) -> serde_json::Value {
    let known = employer
        .commune
        .as_deref()
        .is_some_and(|c| settings.communes().iter().any(|k| k.name == c));
    json!({
        "name": employer.name,
        "siret": employer.siret,
        "commune": match (&employer.commune, known) {
            (Some(c), true) => c.clone(),
            (Some(_), false) => OTHER_COMMUNE.to_owned(),
            (None, _) => String::new(),
        },
        "commune_other": if known { None } else { employer.commune.clone() },
        "phone": employer.phone,
        "website": employer.website,
        "description": employer.description,
    })
}

fn labelled(form: Form) -> Form {
    form.label("name", "employers-name")
        .label("siret", "employers-siret")
        .label("commune", "employers-commune")
        .label("commune_other", "employers-commune-other-name")
        .label("phone", "employers-phone")
        .label("website", "employers-website")
        .label("description", "employers-description")
}

// Portal: asking for an account ---------------------------------------------------

fn request_page(req: &Request, access: &Access, form: Form) -> Result<Response, Error> {
    let settings = Settings::load()?;
    let employer = access.employer.as_ref();
    let editable = employer.is_none_or(|e| e.status == REQUESTED || e.status == REFUSED);
    Ok(view("employer_request.html")
        .title(i18n::t("employers-request-title"))
        .crumb(i18n::t("jobs-title"), req.url("/"))
        .with(json!({
            "employer": employer,
            "editable": editable,
            "trusted": req.has_permission(permissions::JOBS_POST),
            "communes": commune_options(&settings),
        }))
        .form(labelled(form))
        .into())
}

/// `GET/POST /employeurs/inscription`: ask for an employer account, see
/// where the request stands, ask again after a refusal.
///
/// # Errors
/// A conflict when the account is already approved or suspended; storage
/// failures.
pub fn request(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let user = req.require_user()?;
    let settings = Settings::load()?;
    if !req.is_post() {
        let form = match &access.employer {
            Some(e) => Form::new("jobs-employer").values(values_of(e, &settings)),
            None => Form::new("jobs-employer"),
        };
        return request_page(req, &access, form);
    }
    if let Some(e) = &access.employer
        && (e.status == APPROVED || e.status == SUSPENDED)
    {
        return Err(Error::conflict("employers-already-decided"));
    }
    let stored = access.employer.as_ref().and_then(|e| e.siret.as_deref());
    let details = match read_details(req, &settings, stored) {
        Ok(d) => d,
        Err(invalid @ Error::Invalid(_)) => {
            let form = Form::new("jobs-employer").sent(req).errors(&invalid);
            return request_page(req, &access, form);
        }
        Err(e) => return Err(e),
    };
    // An account with the `employer` role is one the site already knows.
    let trusted = req.has_permission(permissions::JOBS_POST);
    let status = if trusted { APPROVED } else { REQUESTED };
    let now = store::now_utc();
    // A request corrected while it waits keeps its place in the queue.
    let requested_at = match &access.employer {
        Some(e) if e.status == REQUESTED => e.requested_at.clone(),
        _ => now.clone(),
    };
    let row = json!({
        "user_id": user.id,
        "user_name": user.name,
        "name": details.name,
        "siret": details.siret,
        "commune": details.commune,
        "phone": details.phone,
        "website": details.website,
        "description": details.description,
        "status": status,
        "reason": null,
        "requested_at": requested_at,
        "decided_by": null,
        "decided_at": if trusted { Some(now.clone()) } else { None },
    });
    let mut tx = db::transaction();
    if let Some(e) = &access.employer {
        // Unchanged since it was read: not decided meanwhile.
        tx.expect(
            tables::EMPLOYERS,
            [
                eq(tables::employers::ID, e.id),
                eq(tables::employers::STATUS, e.status.as_str()),
            ],
            db::Measure::count_rows(),
            Some(1.0),
            None,
            "employers-already-decided",
        );
    }
    tx.upsert(tables::EMPLOYERS, &row, &[tables::employers::USER_ID]);
    tx.audit(
        if trusted {
            "jobs.employer.described"
        } else {
            "jobs.employer.requested"
        },
        &format!("user:{}", user.id),
        &json!({ "name": details.name, "again": access.employer.is_some() }),
    );
    tx.commit()?;
    if trusted {
        return Ok(redirect(req.url("/espace-employeur"))
            .notice("employers-described-notice")
            .into());
    }
    Ok(redirect(req.url("/employeurs/inscription"))
        .notice("employers-requested-notice")
        .into())
}

// Portal: the employer's space --------------------------------------------------

#[derive(Deserialize)]
struct Tally {
    offer_id: i64,
    count: i64,
}

/// The count of applications of each offer of an employer.
fn application_counts(employer_id: i64) -> Result<Vec<Tally>, Error> {
    db::aggregate(tables::APPLICATIONS)
        .filter(eq(tables::applications::EMPLOYER_ID, employer_id))
        .group_by(tables::applications::OFFER_ID)
        .count("count")
        .fetch()
}

/// The order in which the employer's space groups offers: what needs
/// attention first.
const HOME_ORDER: [&str; 7] = [
    PUBLISHED, SUBMITTED, REFUSED, DRAFT, EXPIRED, FILLED, WITHDRAWN,
];

/// `/espace-employeur`: the employer's offers by status, with their
/// applications; or where their request stands.
///
/// # Errors
/// Storage failures.
pub fn home(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let mut groups = Vec::new();
    if let (true, Some(employer)) = (access.posts, &access.employer) {
        let offers: Vec<Offer> = db::select(tables::OFFERS)
            .filter(eq(tables::offers::EMPLOYER_ID, employer.id))
            .order_desc(tables::offers::UPDATED_AT)
            .limit(2000)
            .fetch()?;
        let tallies = application_counts(employer.id)?;
        let locale = req.locale();
        for status in HOME_ORDER {
            let rows: Vec<serde_json::Value> = offers
                .iter()
                .filter(|o| o.status == status)
                .map(|o| {
                    let count = tallies
                        .iter()
                        .find(|t| t.offer_id == o.id)
                        .map_or(0, |t| t.count);
                    json!({
                        "id": o.id,
                        "title": o.title,
                        "commune": o.commune,
                        "contract": display::contract_text(o),
                        "expires_on": display::long_date(Some(&o.expires_on), locale),
                        "applications": count,
                        "refusal_reason": o.refusal_reason,
                        "apply_mode": o.apply_mode,
                    })
                })
                .collect();
            if !rows.is_empty() {
                groups.push(json!({ "status": status, "offers": rows }));
            }
        }
    }
    debug_assert!(HOME_ORDER.iter().all(|s| OFFER_STATUSES.contains(s)));
    Ok(view("employer_home.html")
        .title(i18n::t("employers-home-title"))
        .crumb(i18n::t("jobs-title"), req.url("/"))
        .with(json!({
            "employer": access.employer,
            "posts": access.posts,
            "trusted": req.has_permission(permissions::JOBS_POST),
            "groups": groups,
        }))
        .into())
}

fn profile_page(req: &Request, employer: &Employer, form: Form) -> Result<Response, Error> {
    let settings = Settings::load()?;
    Ok(view("employer_profile.html")
        .title(i18n::t("employers-profile-title"))
        .crumb(i18n::t("jobs-title"), req.url("/"))
        .crumb(
            i18n::t("employers-home-title"),
            req.url("/espace-employeur"),
        )
        .with(json!({
            "employer": employer,
            "communes": commune_options(&settings),
        }))
        .form(labelled(form))
        .into())
}

/// `GET/POST /espace-employeur/profil`: the organisation's details (its
/// status is staff's). A new name is carried to its offers.
///
/// # Errors
/// Storage failures.
pub fn profile(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let Some(employer) = access.employer.clone() else {
        return Ok(redirect(req.url("/employeurs/inscription")).into());
    };
    let settings = Settings::load()?;
    if !req.is_post() {
        let form = Form::new("jobs-employer").values(values_of(&employer, &settings));
        return profile_page(req, &employer, form);
    }
    let details = match read_details(req, &settings, employer.siret.as_deref()) {
        Ok(d) => d,
        Err(invalid @ Error::Invalid(_)) => {
            let form = Form::new("jobs-employer").sent(req).errors(&invalid);
            return profile_page(req, &employer, form);
        }
        Err(e) => return Err(e),
    };
    let mut tx = db::transaction();
    tx.update(
        db::update(tables::EMPLOYERS)
            .filter(eq(tables::employers::ID, employer.id))
            .set(tables::employers::NAME, details.name.clone())
            .set(tables::employers::SIRET, details.siret.clone())
            .set(tables::employers::COMMUNE, details.commune.clone())
            .set(tables::employers::PHONE, details.phone.clone())
            .set(tables::employers::WEBSITE, details.website.clone())
            .set(tables::employers::DESCRIPTION, details.description.clone()),
    );
    if details.name != employer.name {
        tx.update(
            db::update(tables::OFFERS)
                .filter(eq(tables::offers::EMPLOYER_ID, employer.id))
                .set(tables::offers::EMPLOYER_NAME, details.name.clone()),
        );
    }
    tx.audit(
        "jobs.employer.profile",
        &format!("employer:{}", employer.id),
        &json!({ "name": details.name }),
    );
    tx.commit()?;
    let back = if access.posts {
        "/espace-employeur"
    } else {
        "/employeurs/inscription"
    };
    Ok(redirect(req.url(back))
        .notice("employers-profile-saved")
        .into())
}

// Extranet: staff's list and decisions ---------------------------------------------

/// `/employeurs` (extranet): every organisation, pending requests first,
/// filtered by status (`?statut=`).
///
/// # Errors
/// Storage failures.
pub fn list(req: &Request) -> Result<Response, Error> {
    let filter = req
        .query("statut")
        .filter(|s| EMPLOYER_STATUSES.contains(s));
    let mut select = db::select(tables::EMPLOYERS)
        .order_asc(tables::employers::REQUESTED_AT)
        .limit(1000);
    if let Some(status) = filter {
        select = select.filter(eq(tables::employers::STATUS, status));
    }
    let mut employers: Vec<Employer> = select.fetch()?;
    // Waiting requests first (oldest first), then the others by name.
    employers.sort_by(|a, b| {
        let waiting = |e: &Employer| e.status != REQUESTED;
        waiting(a).cmp(&waiting(b)).then_with(|| {
            if a.status == REQUESTED {
                a.requested_at.cmp(&b.requested_at)
            } else {
                a.name.to_lowercase().cmp(&b.name.to_lowercase())
            }
        })
    });
    let statuses =
        options(EMPLOYER_STATUSES.map(|s| (s, i18n::t(&format!("employers-status-{s}")))));
    let form = Form::new("jobs-employers-filter").values(json!({ "statut": filter }));
    Ok(view("employer_list.html")
        .title(i18n::t("employers-list-title"))
        .crumb(i18n::t("moderation-title"), req.url("/"))
        .with(json!({
            "employers": employers,
            "statuses": statuses,
            "filtered": filter.is_some(),
        }))
        .form(form)
        .into())
}

/// What staff may decide on an organisation in its status.
fn decisions_for(status: &str) -> &'static [&'static str] {
    match status {
        REQUESTED => &["approve", "refuse"],
        REFUSED => &["approve"],
        APPROVED => &["suspend"],
        SUSPENDED => &["reinstate"],
        _ => &[],
    }
}

fn employer_page(req: &Request, employer: &Employer, form: Form) -> Result<Response, Error> {
    let offers: Vec<Offer> = db::select(tables::OFFERS)
        .filter(eq(tables::offers::EMPLOYER_ID, employer.id))
        .order_desc(tables::offers::UPDATED_AT)
        .limit(500)
        .fetch()?;
    let tallies = application_counts(employer.id)?;
    let locale = req.locale();
    let offers: Vec<serde_json::Value> = offers
        .iter()
        .map(|o| {
            json!({
                "id": o.id,
                "title": o.title,
                "status": o.status,
                "expires_on": display::long_date(Some(&o.expires_on), locale),
                "applications": tallies.iter().find(|t| t.offer_id == o.id).map_or(0, |t| t.count),
            })
        })
        .collect();
    let decisions = options(
        decisions_for(&employer.status)
            .iter()
            .map(|d| (*d, i18n::t(&format!("employers-decision-{d}")))),
    );
    Ok(view("employer_review.html")
        .title(employer.name.clone())
        .crumb(i18n::t("moderation-title"), req.url("/"))
        .crumb(i18n::t("employers-list-title"), req.url("/employeurs"))
        .with(json!({
            "employer": employer,
            "offers": offers,
            "decisions": decisions,
            "requested_at": display::long_day(Some(&employer.requested_at), locale),
            "decided_at": display::long_day(employer.decided_at.as_deref(), locale),
        }))
        .form(
            form.label("decision", "employers-decision")
                .label("reason", "employers-reason"),
        )
        .into())
}

/// `GET/POST /employeurs/{id}` (extranet): an organisation's details and
/// offers; approve, refuse (reason required, mailed), suspend (reason;
/// its offers leave the portal), reinstate. Each decision expects the
/// status it was taken on, and goes to the audit log.
///
/// # Errors
/// Not found; a conflict when decided meanwhile; storage failures.
pub fn decide(req: &Request) -> Result<Response, Error> {
    let employer = store::employer(req.param_id("id")?)?;
    if !req.is_post() {
        return employer_page(req, &employer, Form::new("jobs-decision"));
    }
    let user = req.require_user()?;
    let allowed = decisions_for(&employer.status);
    let mut f = req.validator();
    let decision = f.choice("decision", allowed).value();
    let reason = f.text("reason").max_len(MAX_REASON).optional();
    if matches!(decision.as_str(), "refuse" | "suspend") && reason.is_none() {
        f.error("reason", "employers-reason-required");
    }
    if let Err(invalid) = f.finish() {
        let form = Form::new("jobs-decision").sent(req).errors(&invalid);
        return employer_page(req, &employer, form);
    }
    let status = match decision.as_str() {
        "approve" | "reinstate" => APPROVED,
        "refuse" => REFUSED,
        _ => SUSPENDED,
    };
    let now = store::now_utc();
    let mut tx = db::transaction();
    tx.expect(
        tables::EMPLOYERS,
        [
            eq(tables::employers::ID, employer.id),
            eq(tables::employers::STATUS, employer.status.as_str()),
        ],
        db::Measure::count_rows(),
        Some(1.0),
        None,
        "employers-already-decided",
    );
    tx.update(
        db::update(tables::EMPLOYERS)
            .filter(eq(tables::employers::ID, employer.id))
            .set(tables::employers::STATUS, status)
            .set(tables::employers::REASON, reason.clone())
            .set(tables::employers::DECIDED_BY, user.name.clone())
            .set(tables::employers::DECIDED_AT, now.clone()),
    );
    if status == SUSPENDED {
        // Its offers leave the portal and the queue; reinstating does not
        // bring them back (the employer submits them again).
        tx.update(
            db::update(tables::OFFERS)
                .filter(eq(tables::offers::EMPLOYER_ID, employer.id))
                .filter(one_of(tables::offers::STATUS, [PUBLISHED, SUBMITTED]))
                .set(tables::offers::STATUS, WITHDRAWN)
                .set(tables::offers::CLOSED_AT, now.clone())
                .set(tables::offers::UPDATED_AT, now.clone()),
        );
    }
    tx.audit(
        &format!("jobs.employer.{decision}"),
        &format!("employer:{}", employer.id),
        &json!({ "name": employer.name, "account": employer.user_id, "reason": reason }),
    );
    tx.commit()?;
    let ctx = req.context();
    let args = [
        ("name", employer.name.clone()),
        ("reason", reason.clone().unwrap_or_default()),
        ("home", portal_link(ctx, "/espace-employeur")),
        ("request", portal_link(ctx, "/employeurs/inscription")),
    ];
    notify(
        &employer.user_id,
        &message(&format!("employers-mail-{decision}-subject"), &args),
        &message(&format!("employers-mail-{decision}-body"), &args),
    );
    Ok(redirect(req.url(&format!("/employeurs/{}", employer.id)))
        .notice(format!("employers-{decision}-notice"))
        .into())
}

/// A SIRET as typed → its 14 digits, or the message key saying what is
/// wrong.
pub fn siret(text: &str) -> Result<String, &'static str> {
    estive_kit::input::siret(text).map_err(|e| match e {
        SiretError::Format => "employers-siret-format",
        SiretError::Key => "employers-siret-key",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_siret_passes_the_luhn_key_or_says_what_is_wrong() {
        assert_eq!(siret("732 829 320 00074"), Ok("73282932000074".into()));
        assert_eq!(siret("73282932000075"), Err("employers-siret-key"));
        assert_eq!(siret("7328293200007"), Err("employers-siret-format"));
        assert_eq!(siret("7328293200007A"), Err("employers-siret-format"));
    }

    #[test]
    fn phones_are_read_as_people_write_them() {
        assert!(phone_ok("05 62 00 00 01"));
        assert!(phone_ok("+33 5 62 00 00 01"));
        assert!(phone_ok("05.62.00.00.01"));
        assert!(!phone_ok("0562"));
        assert!(!phone_ok("appelez-moi"));
        assert!(!phone_ok("05 62 + 00 00 01"));
    }

    #[test]
    fn only_https_addresses_of_a_named_host_are_websites() {
        assert!(https_url("https://hotel-du-pic.fr"));
        assert!(https_url("https://www.hotel-du-pic.fr/emplois?x=1"));
        assert!(!https_url("http://hotel-du-pic.fr"));
        assert!(!https_url("javascript:alert(1)"));
        assert!(!https_url("https://"));
        assert!(!https_url("https://localhost"));
        assert!(!https_url("https://a b.fr"));
        assert!(!https_url("https://x.fr/\"><script>"));
    }
}
