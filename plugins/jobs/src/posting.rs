//! Posting offers: an approved employer writes an offer (with a preview of
//! its Markdown), saves it as a draft or submits it for review, edits it,
//! and moves it along its life: submit, withdraw, mark filled, extend,
//! reopen a refused or withdrawn one as a draft.
//!
//! Every write expects the offer's `version` as the employer read it: of
//! two people editing an offer at once, the second gets the form again
//! (409) with what they typed and what is stored now, and nothing is
//! lost. Editing a published offer sends it back to review when the
//! site's `review_edits` says so (the form warns before saving), and it
//! leaves the portal until staff publish it again.
//!
//! A local offer's `details` keep its history (`details.history`: created,
//! submitted, published, refused…, each with when, who and the reason),
//! which the moderation page shows.

pub use estive_kit::input::{decimal, items};
use estive_sdk::form::{Choice, Form, options};
use estive_sdk::prelude::*;
use serde_json::Value;

use crate::access::Access;
use crate::employers::https_url;
use crate::model::{
    APPLY_MODES, CONTRACTS, DRAFT, EXPIRED, FILLED, LOCAL, Offer, PUBLISHED, REFUSED, SEASONS,
    SUBMITTED, WITHDRAWN,
};
use crate::store::{self, Settings};
use crate::{display, tables};

/// The longest title.
pub const MAX_TITLE: usize = 120;
/// The longest description (Markdown).
pub const MAX_DESCRIPTION: usize = 20_000;
/// The most skills, and the most languages, of an offer.
pub const MAX_ITEMS: usize = 20;
/// The longest skill or language.
const MAX_ITEM: usize = 80;
/// The pay units (schema.org's `unitText`).
pub const PAY_UNITS: [&str; 3] = ["HOUR", "MONTH", "YEAR"];
/// The highest pay figure accepted.
const MAX_PAY: f64 = 1_000_000.0;
/// The expiry offered by default, in days from today.
const DEFAULT_DAYS: i64 = 30;
/// The conflict message of a write over another one.
pub const CONFLICT: &str = "posting-conflict";
/// Statuses whose offer its employer edits in the form.
const EDITABLE: [&str; 4] = [DRAFT, SUBMITTED, REFUSED, PUBLISHED];

// Reading the form ----------------------------------------------------------

/// An offer as the employer typed it, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Fields {
    pub title: String,
    pub description: String,
    pub commune: String,
    pub insee: Option<String>,
    pub address: Option<String>,
    pub contract: String,
    pub season: Option<String>,
    pub starts_on: Option<Date>,
    pub ends_on: Option<Date>,
    pub hours: Option<String>,
    pub pay: Option<String>,
    pub pay_min: Option<f64>,
    pub pay_max: Option<f64>,
    pub pay_unit: Option<String>,
    pub housing: bool,
    pub skills: Vec<String>,
    pub languages: Vec<String>,
    pub positions: i64,
    pub apply_mode: String,
    pub apply_url: Option<String>,
    pub expires_on: Date,
}

/// The words searched besides the title and description: skills,
/// languages, the contract's and season's words, the housing.
pub fn search_text(fields: &Fields) -> String {
    let mut words: Vec<String> = Vec::new();
    words.extend(fields.skills.iter().cloned());
    words.extend(fields.languages.iter().cloned());
    words.push(i18n::t(&format!("contract-{}", fields.contract)));
    if let Some(season) = &fields.season {
        words.push(display::season_text(Some(season)));
    }
    if fields.housing {
        words.push(i18n::t("offer-housing-yes"));
    }
    words.join(" ")
}

/// A pay figure of the form, with its error when it is not one.
fn pay_figure(f: &mut Validator<'_>, name: &str, text: Option<String>) -> Option<f64> {
    match decimal(text.as_deref()?) {
        Some(n) if n <= MAX_PAY => Some(n),
        Some(_) => {
            f.error(name, "posting-pay-too-high");
            None
        }
        None => {
            f.error(name, "posting-pay-not-a-number");
            None
        }
    }
}

/// Read the offer form. `stored` is the offer being edited: its start date
/// may stay in the past when it is not changed.
fn read(req: &Request, settings: &Settings, stored: Option<&Offer>) -> Result<Fields, Error> {
    let today = store::today();
    let communes = settings.communes();
    let names: Vec<&str> = communes.iter().map(|c| c.name.as_str()).collect();
    let mut f = req.validator();
    let title = f.text("title").required().max_len(MAX_TITLE).value();
    let description = f
        .text("description")
        .required()
        .max_len(MAX_DESCRIPTION)
        .value();
    let commune = f.choice("commune", &names).value();
    let address = f.text("address").max_len(200).optional();
    let contract = f.choice("contract", &CONTRACTS).value();
    let season = f.choice("season", &SEASONS).optional();
    let starts_on = f.date("starts_on").optional();
    let ends_on = f.date("ends_on").optional();
    let hours = f.text("hours").max_len(200).optional();
    let pay = f.text("pay").max_len(200).optional();
    let pay_min_text = f.text("pay_min").max_len(20).optional();
    let pay_max_text = f.text("pay_max").max_len(20).optional();
    let pay_unit = f.choice("pay_unit", &PAY_UNITS).optional();
    let housing = f.checkbox("housing").value();
    let skills_text = f.text("skills").max_len(4000).optional();
    let languages_text = f.text("languages").max_len(2000).optional();
    let positions = f.int("positions").range(1, 100).or(1);
    let apply_mode = f.choice("apply_mode", &APPLY_MODES).value();
    let apply_url = f.text("apply_url").max_len(500).optional();
    let max_days = settings.max_offer_days.clamp(1, 3650);
    let expires_on = f
        .date("expires_on")
        .min(today)
        .max(today.add_days(max_days))
        .value();

    let stored_start = stored
        .and_then(|o| o.starts_on.as_deref())
        .and_then(Date::parse);
    if let Some(start) = starts_on
        && start < today
        && stored_start != Some(start)
    {
        f.error("starts_on", "posting-start-past");
    }
    if let (Some(start), Some(end)) = (starts_on, ends_on)
        && end < start
    {
        f.error("ends_on", "posting-end-before-start");
    }
    let pay_min = pay_figure(&mut f, "pay_min", pay_min_text);
    let pay_max = pay_figure(&mut f, "pay_max", pay_max_text);
    if let (Some(low), Some(high)) = (pay_min, pay_max)
        && high < low
    {
        f.error("pay_max", "posting-pay-max-below-min");
    }
    if (pay_min.is_some() || pay_max.is_some()) && pay_unit.is_none() {
        f.error("pay_unit", "posting-pay-unit-required");
    }
    let skills = skills_text.as_deref().map(items).unwrap_or_default();
    let languages = languages_text.as_deref().map(items).unwrap_or_default();
    for (name, list) in [("skills", &skills), ("languages", &languages)] {
        if list.len() > MAX_ITEMS {
            f.report(
                FieldError::new(name, "posting-too-many-items")
                    .arg("max", MAX_ITEMS)
                    .arg("count", list.len()),
            );
        } else if list.iter().any(|i| i.chars().count() > MAX_ITEM) {
            f.report(FieldError::new(name, "posting-item-too-long").arg("max", MAX_ITEM));
        }
    }
    let apply_url = if apply_mode == "link" {
        match apply_url {
            None => {
                f.error("apply_url", "posting-apply-url-required");
                None
            }
            Some(url) if !https_url(&url) => {
                f.error("apply_url", "posting-apply-url-https");
                None
            }
            url => url,
        }
    } else {
        None
    };
    f.finish()?;
    let insee = communes
        .iter()
        .find(|c| c.name == commune)
        .map(|c| c.insee.clone())
        .filter(|c| !c.is_empty());
    Ok(Fields {
        title,
        description,
        commune,
        insee,
        address,
        contract,
        season,
        starts_on,
        ends_on,
        hours,
        pay,
        pay_min,
        pay_max,
        pay_unit,
        housing,
        skills,
        languages,
        positions,
        apply_mode,
        apply_url,
        expires_on,
    })
}

/// The columns an employer's form writes.
fn columns(fields: &Fields) -> Value {
    json!({
        "title": fields.title,
        "description": fields.description,
        "commune": fields.commune,
        "insee": fields.insee,
        "address": fields.address,
        "contract": fields.contract,
        "season": fields.season,
        "starts_on": fields.starts_on.map(|d| d.to_string()),
        "ends_on": fields.ends_on.map(|d| d.to_string()),
        "hours": fields.hours,
        "pay": fields.pay,
        "pay_min": fields.pay_min,
        "pay_max": fields.pay_max,
        "pay_unit": fields.pay_unit,
        "housing": fields.housing,
        "skills": fields.skills,
        "languages": fields.languages,
        "search_text": search_text(fields),
        "positions": fields.positions,
        "apply_mode": fields.apply_mode,
        "apply_url": fields.apply_url,
        "expires_on": fields.expires_on.to_string(),
    })
}

/// A number for the form, with a decimal comma in French.
fn shown_number(n: Option<f64>, locale: &str) -> String {
    match n {
        None => String::new(),
        Some(n) if n.fract() == 0.0 => format!("{n:.0}"),
        Some(n) => {
            let text = format!("{n:.2}");
            if locale == "fr" {
                text.replace('.', ",")
            } else {
                text
            }
        }
    }
}

/// The form's values of a stored offer.
fn values_of(offer: &Offer, locale: &str) -> Value {
    json!({
        "title": offer.title,
        "description": offer.description,
        "commune": offer.commune,
        "address": offer.address,
        "contract": offer.contract,
        "season": offer.season,
        "starts_on": offer.starts_on,
        "ends_on": offer.ends_on,
        "hours": offer.hours,
        "pay": offer.pay,
        "pay_min": shown_number(offer.pay_min, locale),
        "pay_max": shown_number(offer.pay_max, locale),
        "pay_unit": offer.pay_unit,
        "housing": offer.housing,
        "skills": offer.skills.join("\n"),
        "languages": offer.languages.join("\n"),
        "positions": offer.positions.to_string(),
        "apply_mode": offer.apply_mode,
        "apply_url": offer.apply_url,
        "expires_on": offer.expires_on,
        "version": offer.version.to_string(),
    })
}

fn labelled(form: Form) -> Form {
    form.label("title", "posting-title")
        .label("description", "posting-description")
        .label("commune", "posting-commune")
        .label("address", "posting-address")
        .label("contract", "posting-contract")
        .label("season", "posting-season")
        .label("starts_on", "posting-starts-on")
        .label("ends_on", "posting-ends-on")
        .label("hours", "posting-hours")
        .label("pay", "posting-pay")
        .label("pay_min", "posting-pay-min")
        .label("pay_max", "posting-pay-max")
        .label("pay_unit", "posting-pay-unit")
        .label("housing", "posting-housing")
        .label("skills", "posting-skills")
        .label("languages", "posting-languages")
        .label("positions", "posting-positions")
        .label("apply_mode", "posting-apply-mode")
        .label("apply_url", "posting-apply-url")
        .label("expires_on", "posting-expires-on")
}

// History ----------------------------------------------------------------------

pub use estive_kit::history::{appended as with_history, entry as history_entry};

/// An offer's history for a page: each entry with its words and day.
pub fn history_view(offer: &Offer, locale: &str) -> Vec<Value> {
    offer
        .details
        .get("history")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .map(|e| {
                    let text = |k: &str| e.get(k).and_then(Value::as_str).unwrap_or_default();
                    json!({
                        "what": i18n::t(&format!("posting-history-{}", text("what"))),
                        "by": text("by"),
                        "reason": text("reason"),
                        "at": text("at"),
                        "day": display::long_day(Some(text("at")), locale),
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The expectation that an offer is still at the version read.
pub fn expect_version(tx: &mut db::Transaction, offer: &Offer) {
    tx.expect(
        tables::OFFERS,
        [
            eq(tables::offers::ID, offer.id),
            eq(tables::offers::VERSION, offer.version),
        ],
        db::Measure::count_rows(),
        Some(1.0),
        Some(1.0),
        CONFLICT,
    );
}

// The form page ------------------------------------------------------------------

/// What the form page shows besides the form.
#[derive(Default)]
struct Shown<'a> {
    offer: Option<&'a Offer>,
    preview: Option<String>,
    /// The stored offer when another save came first.
    conflict: Option<&'a Offer>,
    extend_form: Option<Form>,
}

fn choices(settings: &Settings) -> Value {
    let communes: Vec<Choice> = options(
        settings
            .communes()
            .into_iter()
            .map(|c| (c.name.clone(), c.name)),
    );
    json!({
        "communes": communes,
        "contracts": options(CONTRACTS.map(|c| (c, i18n::t(&format!("contract-{c}"))))),
        "seasons": options(SEASONS.map(|s| (s, i18n::t(&format!("season-{s}"))))),
        "units": options(PAY_UNITS.map(|u| (u, i18n::t(&format!("posting-unit-{u}"))))),
        "apply_modes": options(APPLY_MODES.map(|m| (m, i18n::t(&format!("apply-mode-{m}"))))),
    })
}

/// The life actions an offer in that status offers its employer.
pub fn actions_for(status: &str) -> Vec<&'static str> {
    match status {
        DRAFT => vec!["submit", "withdraw"],
        REFUSED => vec!["reopen", "submit", "withdraw"],
        SUBMITTED => vec!["withdraw"],
        PUBLISHED => vec!["extend", "fill", "withdraw"],
        EXPIRED => vec!["extend", "fill", "withdraw"],
        WITHDRAWN => vec!["reopen"],
        _ => vec![],
    }
}

fn form_page(req: &Request, form: Form, shown: Shown) -> Result<Response, Error> {
    let settings = Settings::load()?;
    let today = store::today();
    let max_days = settings.max_offer_days.clamp(1, 3650);
    let offer = shown.offer;
    let editable = offer.is_none_or(|o| EDITABLE.contains(&o.status.as_str()));
    let title = match offer {
        Some(o) => o.title.clone(),
        None => i18n::t("posting-new-title"),
    };
    let locale = req.locale();
    let ctx = req.context();
    let extend_default = offer
        .and_then(|o| Date::parse(&o.expires_on))
        .map_or(today, |d| d.max(today))
        .add_days(DEFAULT_DAYS)
        .min(today.add_days(max_days));
    let extend_form = shown.extend_form.unwrap_or_else(|| {
        Form::new("jobs-extend").values(json!({ "expires_on": extend_default.to_string() }))
    });
    let mut page = view("offer_form.html")
        .title(title)
        .crumb(i18n::t("jobs-title"), req.url("/"))
        .crumb(
            i18n::t("employers-home-title"),
            req.url("/espace-employeur"),
        )
        .with(json!({
            "offer": offer.map(|o| display::offer(ctx, o)),
            "editable": editable,
            "review_warning": offer.is_some_and(|o| o.status == PUBLISHED) && settings.review_edits,
            "preview": shown.preview,
            "conflict": shown.conflict.map(|o| display::offer(ctx, o)),
            "choices": choices(&settings),
            "actions": offer.map(|o| actions_for(&o.status)).unwrap_or_default(),
            "history": offer.map(|o| history_view(o, locale)).unwrap_or_default(),
            "today": today.to_string(),
            "max_expiry": today.add_days(max_days).to_string(),
            "max_days": max_days,
        }))
        .form(labelled(form));
    page = page.form_as(
        "extend_form",
        extend_form.label("expires_on", "posting-extend-date"),
    );
    if shown.conflict.is_some() {
        page = page.status(409);
    }
    Ok(page.into())
}

/// The description as the public will read it, for the preview.
fn preview_of(req: &Request) -> String {
    let offer = Offer {
        source: LOCAL.to_owned(),
        description: req.form("description").unwrap_or_default().to_owned(),
        ..Offer::default()
    };
    display::description_html(&offer)
}

/// What the employer asked by the button they pressed.
fn intent(req: &Request) -> &str {
    req.form("intent").unwrap_or("draft")
}

// Handlers -----------------------------------------------------------------------

/// `GET/POST /espace-employeur/offres/nouvelle`: a new offer, saved as a
/// draft or submitted for review; "Aperçu" shows the description as it
/// will read.
///
/// # Errors
/// Forbidden to an account that may not post; storage failures.
pub fn new(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let employer = access.poster()?.clone();
    let user = req.require_user()?;
    let settings = Settings::load()?;
    if !req.is_post() {
        let today = store::today();
        let days = DEFAULT_DAYS.min(settings.max_offer_days.max(1));
        let defaults = json!({
            "contract": "seasonal",
            "positions": "1",
            "apply_mode": "site",
            "expires_on": today.add_days(days).to_string(),
        });
        return form_page(
            req,
            Form::new("jobs-offer").values(defaults),
            Shown::default(),
        );
    }
    if intent(req) == "preview" {
        let preview = Some(preview_of(req));
        return form_page(
            req,
            Form::new("jobs-offer").sent(req),
            Shown {
                preview,
                ..Shown::default()
            },
        );
    }
    let fields = match read(req, &settings, None) {
        Ok(x) => x,
        Err(invalid @ Error::Invalid(_)) => {
            let form = Form::new("jobs-offer").sent(req).errors(&invalid);
            return form_page(req, form, Shown::default());
        }
        Err(e) => return Err(e),
    };
    let status = if intent(req) == "submit" {
        SUBMITTED
    } else {
        DRAFT
    };
    let now = store::now_utc();
    let mut history = with_history(&json!({}), history_entry("created", &user.name, None));
    if status == SUBMITTED {
        history = with_history(&history, history_entry("submitted", &user.name, None));
    }
    let mut row = columns(&fields);
    if let Value::Object(map) = &mut row
        && let Value::Object(more) = json!({
            "source": LOCAL,
            "employer_id": employer.id,
            "employer_name": employer.name,
            "status": status,
            "details": history,
            "created_by": user.id,
            "created_at": now,
            "updated_at": now,
            "version": 1,
            "reminder_sent": false,
        })
    {
        map.extend(more);
    }
    let mut tx = db::transaction();
    let step = tx.insert(tables::OFFERS, &row);
    tx.audit(
        &format!(
            "jobs.offer.{}",
            if status == SUBMITTED {
                "submitted"
            } else {
                "drafted"
            }
        ),
        &format!("employer:{}", employer.id),
        &json!({ "title": fields.title }),
    );
    let outcomes = tx.commit()?;
    let id = step
        .id(&outcomes)
        .ok_or_else(|| Error::internal("the new offer has no id"))?;
    Ok(redirect(req.url(&format!("/espace-employeur/offres/{id}")))
        .notice(if status == SUBMITTED {
            "posting-submitted-notice"
        } else {
            "posting-draft-notice"
        })
        .into())
}

/// `GET/POST /espace-employeur/offres/{id}`: the employer's offer, its
/// form while it can be edited, its life actions and history. Another
/// employer's offer is not found.
///
/// # Errors
/// Not found; a conflict when the offer is no longer editable; storage
/// failures.
pub fn edit(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    access.poster()?;
    let offer = access.own_offer(req.param_id("id")?)?;
    let user = req.require_user()?;
    let settings = Settings::load()?;
    if !req.is_post() {
        let form = Form::new("jobs-offer").values(values_of(&offer, req.locale()));
        return form_page(
            req,
            form,
            Shown {
                offer: Some(&offer),
                ..Shown::default()
            },
        );
    }
    if !EDITABLE.contains(&offer.status.as_str()) {
        return Err(Error::conflict("posting-not-editable"));
    }
    if intent(req) == "preview" {
        let preview = Some(preview_of(req));
        return form_page(
            req,
            Form::new("jobs-offer").sent(req),
            Shown {
                offer: Some(&offer),
                preview,
                ..Shown::default()
            },
        );
    }
    let fields = match read(req, &settings, Some(&offer)) {
        Ok(x) => x,
        Err(invalid @ Error::Invalid(_)) => {
            let form = Form::new("jobs-offer").sent(req).errors(&invalid);
            return form_page(
                req,
                form,
                Shown {
                    offer: Some(&offer),
                    ..Shown::default()
                },
            );
        }
        Err(e) => return Err(e),
    };
    // The version the employer read: a save over someone else's is a
    // conflict, never a silent overwrite.
    let read_version: i64 = req
        .form("version")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    if read_version != offer.version {
        return conflict_page(req, &offer);
    }
    let status = match (offer.status.as_str(), intent(req)) {
        (PUBLISHED, _) if settings.review_edits => SUBMITTED,
        (PUBLISHED, _) => PUBLISHED,
        (_, "submit") => SUBMITTED,
        _ => DRAFT,
    };
    let mut details = offer.details.clone();
    if offer.status == PUBLISHED {
        details = with_history(&details, history_entry("edited", &user.name, None));
    }
    if status == SUBMITTED && offer.status != SUBMITTED {
        details = with_history(&details, history_entry("submitted", &user.name, None));
    }
    let expiry_changed = fields.expires_on.to_string() != offer.expires_on;
    let mut tx = db::transaction();
    expect_version(&mut tx, &offer);
    let mut update = db::update(tables::OFFERS)
        .filter(eq(tables::offers::ID, offer.id))
        .set_fields(&columns(&fields))
        .set(tables::offers::STATUS, status)
        .set_json(tables::offers::DETAILS, &details)
        .set(tables::offers::UPDATED_AT, store::now_utc())
        .set(tables::offers::VERSION, offer.version + 1);
    if expiry_changed {
        update = update.set(tables::offers::REMINDER_SENT, false);
    }
    if status == SUBMITTED {
        update = update.set(tables::offers::REFUSAL_REASON, None::<String>);
    }
    tx.update(update);
    tx.audit(
        "jobs.offer.edited",
        &format!("offer:{}", offer.id),
        &json!({ "title": fields.title, "from": offer.status, "to": status }),
    );
    match tx.commit() {
        Ok(_) => {}
        Err(Error::Conflict(msg)) if msg == CONFLICT => return conflict_page(req, &offer),
        Err(e) => return Err(e),
    }
    let notice = match (offer.status.as_str(), status) {
        (PUBLISHED, SUBMITTED) => "posting-back-to-review-notice",
        (_, SUBMITTED) => "posting-submitted-notice",
        (_, PUBLISHED) => "posting-saved-notice",
        _ => "posting-draft-notice",
    };
    Ok(
        redirect(req.url(&format!("/espace-employeur/offres/{}", offer.id)))
            .notice(notice)
            .into(),
    )
}

/// The form again after someone else saved the offer first: what this
/// person typed, what is stored now, the new version to save over it.
fn conflict_page(req: &Request, offer: &Offer) -> Result<Response, Error> {
    let fresh = store::offer(offer.id)?;
    let form = Form::new("jobs-offer")
        .sent(req)
        .values(json!({ "version": fresh.version.to_string() }));
    form_page(
        req,
        form,
        Shown {
            offer: Some(&fresh),
            conflict: Some(&fresh),
            ..Shown::default()
        },
    )
}

/// `POST /espace-employeur/offres/{id}/etat` (`action`): submit, withdraw,
/// mark filled, extend (a new expiry date), reopen as a draft.
///
/// # Errors
/// Not found; a conflict when the action does not fit the offer's status
/// or the offer changed meanwhile; storage failures.
pub fn state(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    access.poster()?;
    let offer = access.own_offer(req.param_id("id")?)?;
    let user = req.require_user()?;
    let settings = Settings::load()?;
    let action = req.form("action").unwrap_or_default();
    if !actions_for(&offer.status).contains(&action) {
        return Err(Error::conflict("posting-action-not-allowed"));
    }
    if let Some(read) = req.form("version").and_then(|v| v.parse::<i64>().ok())
        && read != offer.version
    {
        return Err(Error::conflict(CONFLICT));
    }
    let today = store::today();
    let now = store::now_utc();
    let mut update = db::update(tables::OFFERS)
        .filter(eq(tables::offers::ID, offer.id))
        .set(tables::offers::UPDATED_AT, now.clone())
        .set(tables::offers::VERSION, offer.version + 1);
    let (status, what) = match action {
        "submit" => {
            if Date::parse(&offer.expires_on).is_none_or(|d| d < today) {
                return Err(Error::conflict("posting-expiry-passed"));
            }
            update = update.set(tables::offers::REFUSAL_REASON, None::<String>);
            (SUBMITTED, "submitted")
        }
        "withdraw" => {
            update = update.set(tables::offers::CLOSED_AT, now.clone());
            (WITHDRAWN, "withdrawn")
        }
        "fill" => {
            update = update.set(tables::offers::CLOSED_AT, now.clone());
            (FILLED, "filled")
        }
        "reopen" => {
            update = update.set(tables::offers::CLOSED_AT, None::<String>);
            (DRAFT, "reopened")
        }
        _ => {
            let max_days = settings.max_offer_days.clamp(1, 3650);
            let mut f = req.validator();
            let date = f
                .date("expires_on")
                .min(today)
                .max(today.add_days(max_days))
                .value();
            if let Err(invalid) = f.finish() {
                let form = Form::new("jobs-offer").values(values_of(&offer, req.locale()));
                let extend = Form::new("jobs-extend").sent(req).errors(&invalid);
                return form_page(
                    req,
                    form,
                    Shown {
                        offer: Some(&offer),
                        extend_form: Some(extend),
                        ..Shown::default()
                    },
                );
            }
            update = update
                .set(tables::offers::EXPIRES_ON, date.to_string())
                .set(tables::offers::REMINDER_SENT, false)
                .set(tables::offers::CLOSED_AT, None::<String>);
            // An expired offer comes back as it would after an edit.
            let status = if offer.status == EXPIRED && settings.review_edits {
                SUBMITTED
            } else {
                PUBLISHED
            };
            (status, "extended")
        }
    };
    let details = with_history(&offer.details, history_entry(what, &user.name, None));
    update = update
        .set(tables::offers::STATUS, status)
        .set_json(tables::offers::DETAILS, &details);
    let mut tx = db::transaction();
    expect_version(&mut tx, &offer);
    tx.update(update);
    tx.audit(
        &format!("jobs.offer.{what}"),
        &format!("offer:{}", offer.id),
        &json!({ "title": offer.title, "from": offer.status, "to": status }),
    );
    tx.commit()?;
    Ok(
        redirect(req.url(&format!("/espace-employeur/offres/{}", offer.id)))
            .notice(format!("posting-{what}-notice"))
            .into(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pay_is_read_with_french_or_english_decimals() {
        assert_eq!(decimal("1 850,50"), Some(1850.5));
        assert_eq!(decimal("1\u{202f}850,50\u{a0}€"), Some(1850.5));
        assert_eq!(decimal("11.88"), Some(11.88));
        assert_eq!(decimal("12"), Some(12.0));
        assert_eq!(decimal("-3"), None);
        assert_eq!(decimal("1,2,3"), None);
        assert_eq!(decimal("beaucoup"), None);
        assert_eq!(decimal("inf"), None);
    }

    #[test]
    fn lists_are_cut_at_lines_commas_and_semicolons_without_repeats() {
        assert_eq!(
            items("Anglais, espagnol\nanglais\n\n ; Italien "),
            ["Anglais", "espagnol", "Italien"]
        );
        assert!(items(" , \n").is_empty());
    }

    #[test]
    fn history_keeps_the_latest_entries() {
        let mut details = json!({ "other": 1 });
        for i in 0..(estive_kit::history::MAX + 5) {
            details = with_history(&details, json!({ "what": i }));
        }
        let history = details["history"].as_array().unwrap();
        assert_eq!(history.len(), estive_kit::history::MAX);
        assert_eq!(history[0]["what"], 5);
        assert_eq!(details["other"], 1);
    }

    #[test]
    fn each_status_offers_its_own_actions() {
        assert_eq!(actions_for(DRAFT), ["submit", "withdraw"]);
        assert!(actions_for(PUBLISHED).contains(&"fill"));
        assert!(actions_for(FILLED).is_empty());
        assert_eq!(actions_for(WITHDRAWN), ["reopen"]);
    }
}
