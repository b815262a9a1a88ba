//! Housing requests: a seasonal worker (or an employer for its staff)
//! says when, where and for how much they look for a home; landlords see
//! the open requests that fit their published homes and may propose one.
//!
//! Requests are never public: their author reads and edits them
//! ([`page`], [`edit`]); a landlord who may post sees those that fit at
//! least one of their homes ([`matching`]) with the author's first name
//! only, never a full name or an address, and proposes a home through a
//! conversation ([`crate::contact`]). A person keeps at most
//! [`OPEN_MAX`] open requests; a request is purged `purge_months` after
//! it ends (`purge_on`).

use estive_kit::input::decimal;
use estive_sdk::form::{Form, options};
use estive_sdk::prelude::*;
use serde_json::Value as Json;

use crate::access::Access;
use crate::contact::{self, first_name, plain_html};
use crate::display;
use crate::model::{CLOSED, Home, HousingRequest, MET, OPEN, PUBLISHED, SEASONS};
use crate::store::{self, Settings};
use crate::tables;
use crate::tables::requests as col;

/// Open requests a person may keep at once.
pub const OPEN_MAX: u64 = 5;
/// The budget a month, in euros.
pub const BUDGET_MIN: f64 = 50.0;
/// See [`BUDGET_MIN`].
pub const BUDGET_MAX: f64 = 3000.0;
/// Beds asked for.
const BEDS_MAX: i64 = 20;
/// The longest note.
pub const NOTE_MAX: usize = 1000;
/// The longest organisation name.
const ORGANISATION_MAX: usize = 120;
/// How far ahead a request may start, in months.
const AHEAD_MONTHS: i32 = 18;
/// How long a request may last, in months.
const LENGTH_MONTHS: i32 = 12;
/// Requests read at once for the landlords' page.
const MATCH_SCAN: u32 = 5000;

// Reading --------------------------------------------------------------------------

/// A request by id, when it is the person's.
///
/// # Errors
/// `not-found` otherwise (the same answer as a missing one).
fn own(id: i64, user_id: &str) -> Result<HousingRequest, Error> {
    db::select(tables::REQUESTS)
        .filter(eq(col::ID, id))
        .filter(eq(col::USER_ID, user_id))
        .first()?
        .ok_or_else(|| Error::not_found("requests-not-found"))
}

/// The portal path of a request's page.
fn request_path(ctx: &Context, id: i64) -> String {
    ctx.url_in("portal", &format!("/demandes/{id}"))
        .unwrap_or_else(|| format!("/logements/demandes/{id}"))
}

/// A request for the templates: its columns and what a person reads.
fn shown(ctx: &Context, r: &HousingRequest) -> Json {
    let locale = ctx.locale();
    json!({
        "id": r.id,
        "url": request_path(ctx, r.id),
        "status": r.status,
        "status_text": i18n::t(&format!("requests-status-{}", r.status)),
        "open": r.status == OPEN,
        "from_text": display::long_date(&r.starts_on, locale),
        "to_text": display::long_date(&r.ends_on, locale),
        "season_text": r.season.as_deref().filter(|s| !s.is_empty()).map(|s| i18n::t(&format!("season-{s}"))),
        "budget_text": display::euros(r.budget, locale),
        "beds": r.beds,
        "communes": r.communes,
        "furnished": r.furnished,
        "for_staff": r.for_staff,
        "organisation": r.organisation,
        "note_html": r.note.as_deref().map(plain_html),
        "first_name": first_name(&r.user_name),
        "purge_text": display::long_date(&r.purge_on, locale),
    })
}

/// The form's values of a stored request.
fn values_of(r: &HousingRequest, locale: &str) -> Json {
    let budget = display::decimal(r.budget, locale);
    json!({
        "starts_on": r.starts_on,
        "ends_on": r.ends_on,
        "season": r.season.clone().unwrap_or_default(),
        "budget": budget,
        "beds": r.beds.to_string(),
        "communes": r.communes,
        "furnished": if r.furnished { "on" } else { "" },
        "note": r.note.clone().unwrap_or_default(),
        "for_staff": if r.for_staff { "on" } else { "" },
        "organisation": r.organisation.clone().unwrap_or_default(),
    })
}

// The form ----------------------------------------------------------------------------

/// A request as typed, once checked.
struct Fields {
    starts_on: Date,
    ends_on: Date,
    season: Option<String>,
    budget: f64,
    beds: i64,
    communes: Vec<String>,
    furnished: bool,
    note: Option<String>,
    for_staff: bool,
    organisation: Option<String>,
}

/// Reads and checks the request form. `earliest` is the first start
/// allowed (today, or the stored start of a request being edited).
///
/// # Errors
/// `invalid` with every field error.
fn read(req: &Request, settings: &Settings, earliest: Date) -> Result<Fields, Error> {
    let today = store::today();
    let latest_start = today.add_months(AHEAD_MONTHS);
    let names: Vec<String> = settings.communes().into_iter().map(|c| c.name).collect();
    let mut f = req.validator();
    let starts_on = f
        .date("starts_on")
        .min(earliest.min(today))
        .max(latest_start)
        .value();
    let ends_on = f.date("ends_on").value();
    if !f.has_error("starts_on") && !f.has_error("ends_on") {
        if ends_on <= starts_on {
            f.error("ends_on", "requests-end-before-start");
        } else if ends_on > starts_on.add_months(LENGTH_MONTHS) {
            f.report(FieldError::new("ends_on", "requests-too-long").arg("months", LENGTH_MONTHS));
        }
    }
    let season = f.choice("season", &SEASONS).optional();
    let budget_text = f.text("budget").required().max_len(20).value();
    let mut budget = 0.0;
    if !f.has_error("budget") {
        match decimal(&budget_text) {
            None => f.error("budget", "requests-budget-not-a-number"),
            Some(b) if !(BUDGET_MIN..=BUDGET_MAX).contains(&b) => f.report(
                FieldError::new("budget", "requests-budget-range")
                    .arg("min", BUDGET_MIN)
                    .arg("max", BUDGET_MAX),
            ),
            Some(b) => budget = (b * 100.0).round() / 100.0,
        }
    }
    let beds = f.int("beds").range(1, BEDS_MAX).value();
    let communes = f.choices("communes", &names).value();
    let furnished = f.checkbox("furnished").value();
    let note = f.text("note").max_len(NOTE_MAX).optional();
    let for_staff = f.checkbox("for_staff").value();
    let organisation = f.text("organisation").max_len(ORGANISATION_MAX).optional();
    if for_staff && organisation.is_none() && !f.has_error("organisation") {
        f.error("organisation", "requests-organisation-required");
    }
    f.finish()?;
    Ok(Fields {
        starts_on,
        ends_on,
        season,
        budget,
        beds,
        communes,
        furnished,
        note,
        for_staff,
        organisation: if for_staff { organisation } else { None },
    })
}

/// The day a request may be purged: its end plus the settings' months.
fn purge_on(ends_on: Date, settings: &Settings) -> String {
    let months = i32::try_from(settings.purge_months.clamp(1, 120)).unwrap_or(3);
    ends_on.add_months(months).to_string()
}

/// The columns a form writes.
fn row(fields: &Fields, settings: &Settings) -> Json {
    json!({
        "starts_on": fields.starts_on.to_string(),
        "ends_on": fields.ends_on.to_string(),
        "season": fields.season,
        "budget": fields.budget,
        "beds": fields.beds,
        "communes": serde_json::to_string(&fields.communes).unwrap_or_else(|_| "[]".into()),
        "furnished": fields.furnished,
        "note": fields.note,
        "for_staff": fields.for_staff,
        "organisation": fields.organisation,
        "purge_on": purge_on(fields.ends_on, settings),
        "updated_at": store::now_utc(),
    })
}

/// The form, labelled.
fn labelled(form: Form) -> Form {
    form.label("starts_on", "requests-from")
        .label("ends_on", "requests-to")
        .label("season", "requests-season")
        .label("budget", "requests-budget")
        .label("beds", "requests-beds")
        .label("communes", "requests-communes")
        .label("furnished", "requests-furnished")
        .label("note", "requests-note")
        .label("for_staff", "requests-for-staff")
        .label("organisation", "requests-organisation")
}

/// What every request form needs: the choices and limits.
fn form_context(view: View, settings: &Settings) -> View {
    let communes = options(
        settings
            .communes()
            .into_iter()
            .map(|c| (c.name.clone(), c.name)),
    );
    let seasons = options(
        SEASONS
            .iter()
            .map(|s| (*s, i18n::t(&format!("season-{s}")))),
    );
    let today = store::today();
    view.set("commune_options", communes)
        .set("season_options", seasons)
        .set("note_max", NOTE_MAX)
        .set("today", today.to_string())
        .set("latest_start", today.add_months(AHEAD_MONTHS).to_string())
        .set("purge_months", settings.purge_months)
        .set("open_max", OPEN_MAX)
}

// The person's requests ------------------------------------------------------------------

/// The person's requests and the form to post one (POST).
///
/// # Errors
/// Storage failures.
pub fn page(req: &Request) -> Result<Response, Error> {
    let user = req.require_user()?;
    let settings = Settings::load()?;
    let open = open_count(&user.id)?;
    if !req.is_post() {
        let form = Form::new("housing-request").values(json!({ "beds": "1" }));
        return Ok(list_page(req, &settings, form, open, 200)?.into());
    }
    if open >= OPEN_MAX {
        let form = Form::new("housing-request").sent(req);
        return Ok(list_page(req, &settings, form, open, 409)?
            .set("limit_reached", true)
            .into());
    }
    let fields = match read(req, &settings, store::today()) {
        Ok(fields) => fields,
        Err(invalid) => {
            let form = Form::new("housing-request").sent(req).errors(&invalid);
            return Ok(list_page(req, &settings, form, open, 422)?.into());
        }
    };
    let mut record = row(&fields, &settings);
    let now = store::now_utc();
    record["user_id"] = json!(user.id);
    record["user_name"] = json!(user.name);
    record["status"] = json!(OPEN);
    record["created_at"] = json!(now);
    let mut tx = db::transaction();
    tx.expect(
        tables::REQUESTS,
        [eq(col::USER_ID, user.id.as_str()), eq(col::STATUS, OPEN)],
        db::Measure::count_rows(),
        None,
        Some((OPEN_MAX - 1) as f64),
        "requests-too-many",
    );
    tx.insert(tables::REQUESTS, &record);
    match tx.commit() {
        Ok(_) => {}
        Err(Error::Conflict(_)) => {
            let form = Form::new("housing-request").sent(req);
            return Ok(list_page(req, &settings, form, OPEN_MAX, 409)?
                .set("limit_reached", true)
                .into());
        }
        Err(e) => return Err(e),
    }
    Ok(redirect(req.url("/demandes"))
        .notice("requests-posted")
        .into())
}

/// How many open requests a person has.
fn open_count(user_id: &str) -> Result<u64, Error> {
    db::count(tables::REQUESTS)
        .filter(eq(col::USER_ID, user_id))
        .filter(eq(col::STATUS, OPEN))
        .get()
}

fn list_page(
    req: &Request,
    settings: &Settings,
    form: Form,
    open: u64,
    status: u16,
) -> Result<View, Error> {
    let user = req.require_user()?;
    let ctx = req.context();
    let mine: Vec<HousingRequest> = db::select(tables::REQUESTS)
        .filter(eq(col::USER_ID, user.id.as_str()))
        .order_desc(col::CREATED_AT)
        .limit(1000)
        .fetch()?;
    let rows: Vec<Json> = mine.iter().map(|r| shown(ctx, r)).collect();
    let view = view("requests.html")
        .title(i18n::t("requests-title"))
        .crumb(i18n::t("housing-title"), req.url("/"))
        .set("requests", rows)
        .set("open", open)
        .set("limit_reached", false)
        .set("action", req.url("/demandes"))
        .form(labelled(form))
        .status(status);
    Ok(form_context(view, settings))
}

/// One of the person's requests: edit it (POST `action=save`), close it
/// (`close`) or say it was met (`met`).
///
/// # Errors
/// `not-found` for another person's request; `conflict` when editing one
/// no longer open; storage failures.
pub fn edit(req: &Request) -> Result<Response, Error> {
    let user = req.require_user()?;
    let request = own(req.param_id("id")?, &user.id)?;
    let settings = Settings::load()?;
    let ctx = req.context();
    if !req.is_post() {
        let form = Form::new("housing-request").values(values_of(&request, ctx.locale()));
        return Ok(edit_page(req, &settings, &request, form, 200).into());
    }
    let action = req.form("action").unwrap_or("save").trim();
    let status = match action {
        "close" => Some(CLOSED),
        "met" => Some(MET),
        _ => None,
    };
    if let Some(status) = status {
        let changed = db::update(tables::REQUESTS)
            .filter(eq(col::ID, request.id))
            .filter(eq(col::USER_ID, user.id.as_str()))
            .filter(eq(col::STATUS, OPEN))
            .set(col::STATUS, status)
            .set(col::UPDATED_AT, store::now_utc().as_str())
            .run()?;
        if changed == 0 {
            return Err(Error::conflict("requests-not-open"));
        }
        return Ok(redirect(req.url("/demandes"))
            .notice(if status == MET {
                "requests-met"
            } else {
                "requests-closed"
            })
            .into());
    }
    if request.status != OPEN {
        return Err(Error::conflict("requests-not-open"));
    }
    let earliest = Date::parse(&request.starts_on).unwrap_or_else(store::today);
    let fields = match read(req, &settings, earliest) {
        Ok(fields) => fields,
        Err(invalid) => {
            let form = Form::new("housing-request").sent(req).errors(&invalid);
            return Ok(edit_page(req, &settings, &request, form, 422).into());
        }
    };
    db::update(tables::REQUESTS)
        .filter(eq(col::ID, request.id))
        .filter(eq(col::USER_ID, user.id.as_str()))
        .set_fields(&row(&fields, &settings))
        .run()?;
    Ok(redirect(request_path(ctx, request.id))
        .notice("requests-saved")
        .into())
}

fn edit_page(
    req: &Request,
    settings: &Settings,
    request: &HousingRequest,
    form: Form,
    status: u16,
) -> View {
    let ctx = req.context();
    let view = view("requests_edit.html")
        .title(i18n::t("requests-edit-title"))
        .crumb(i18n::t("housing-title"), req.url("/"))
        .crumb(i18n::t("requests-title"), req.url("/demandes"))
        .set("request", shown(ctx, request))
        .set("action", request_path(ctx, request.id))
        .form(labelled(form))
        .status(status);
    form_context(view, settings)
}

// The landlords' side ------------------------------------------------------------------------

/// The open requests that fit at least one of the landlord's published
/// homes, each with the homes it fits and a way to propose one.
///
/// # Errors
/// `forbidden` for someone who may not post homes; storage failures.
pub fn matching(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let landlord = access.poster()?.clone();
    let ctx = req.context();
    let locale = ctx.locale();
    let homes: Vec<Home> = db::select(tables::HOMES)
        .filter(eq(tables::homes::LANDLORD_ID, landlord.id))
        .filter(eq(tables::homes::STATUS, PUBLISHED))
        .order_asc(tables::homes::AVAILABLE_FROM)
        .limit(1000)
        .fetch()?;
    let today = store::today().to_string();
    // Only requests some home could fit: within the homes' periods, with
    // a budget at least the cheapest home's; `contact::fits` decides.
    let earliest = homes.iter().map(|h| h.available_from.as_str()).min();
    let latest = homes.iter().map(|h| h.available_to.as_str()).max();
    let cheapest = homes
        .iter()
        .map(Home::monthly)
        .fold(f64::INFINITY, f64::min);
    let requests: Vec<HousingRequest> = match (earliest, latest) {
        (Some(earliest), Some(latest)) => db::select(tables::REQUESTS)
            .filter(eq(col::STATUS, OPEN))
            .filter(ge(col::ENDS_ON, today.as_str()))
            .filter(ge(col::STARTS_ON, earliest))
            .filter(le(col::ENDS_ON, latest))
            .filter(ge(col::BUDGET, cheapest - 0.005))
            .filter(ne(col::USER_ID, landlord.user_id.as_str()))
            .order_asc(col::STARTS_ON)
            .limit(MATCH_SCAN)
            .fetch()?,
        _ => Vec::new(),
    };
    let rows: Vec<Json> = requests
        .iter()
        .filter_map(|r| {
            let fitting: Vec<Json> = homes
                .iter()
                .filter(|h| contact::fits(h, r))
                .map(|h| {
                    json!({
                        "id": h.id,
                        "title": h.title,
                        "commune": h.commune,
                        "monthly_text": display::euros(h.monthly(), locale),
                        "beds": h.beds,
                        "url": display::public_path(ctx, h.id),
                        "propose_url": format!("{}?demande={}", contact::contact_path(ctx, h.id), r.id),
                    })
                })
                .collect();
            if fitting.is_empty() {
                return None;
            }
            let mut v = shown(ctx, r);
            v["homes"] = json!(fitting);
            Some(v)
        })
        .collect();
    Ok(view("matching.html")
        .title(i18n::t("matching-title"))
        .crumb(i18n::t("matching-space"), req.url("/espace-bailleur"))
        .set("requests", rows)
        .set("homes_count", homes.len())
        .into())
}
