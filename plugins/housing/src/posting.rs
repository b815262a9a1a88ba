//! Posting homes: an approved landlord describes a home (with a preview of
//! its Markdown), saves it as a draft or submits it for review, edits it,
//! and moves it along its life: submit, withdraw, mark let, extend its
//! period, reopen a refused or withdrawn one as a draft.
//!
//! What is refused beside its field: a period that ends before it starts
//! or starts in the past, a rent of zero or absurd (above the site's
//! `rent_max`, or above [`MAX_RENT_PER_M2`] a square metre), a deposit
//! with a bail mobilité (forbidden by law), a home that is not decent
//! (décret n° 2002-120: 9 m² under 2.20 m, or 20 m³).
//!
//! Every write expects the home's `version` as the landlord read it: of
//! two people editing a home at once, the second gets the form again (409)
//! with what they typed and what is stored now, and nothing is lost.
//! Editing a published home sends it back to review when the site's
//! `review_edits` says so (the form warns before saving).
//!
//! A home's `details.history` keeps its history (created, submitted,
//! published, refused…, each with when, who and the reason), which the
//! landlord's and the moderation pages show.

use estive_kit::input::decimal;
use estive_sdk::form::{Choice, Form, options};
use estive_sdk::prelude::*;
use serde_json::Value;

use crate::access::Access;
use crate::model::{
    self, DRAFT, EXPIRED, Home, KINDS, LEASES, LET, Landlord, PUBLISHED, REFUSED, SEASONS,
    SUBMITTED, WITHDRAWN,
};
use crate::store::{self, Settings};
use crate::{display, tables};

/// The longest title.
pub const MAX_TITLE: usize = 120;
/// The longest description (Markdown).
pub const MAX_DESCRIPTION: usize = 10_000;
/// The longest area (a neighbourhood, a hamlet).
const MAX_AREA: usize = 120;
/// The longest exact address.
const MAX_ADDRESS: usize = 200;
/// A rent above this many euros a square metre a month is absurd (the
/// dearest resorts let around 30 €/m²).
pub const MAX_RENT_PER_M2: f64 = 60.0;
/// The largest surface accepted, in m².
const MAX_SURFACE: f64 = 1000.0;
/// The longest trip given, in minutes.
const MAX_MINUTES: i64 = 240;
/// How far ahead a period may end, in months.
const MONTHS_AHEAD: i32 = 18;
/// The conflict message of a write over another one.
pub const CONFLICT: &str = "posting-conflict";
/// Statuses whose home its landlord edits in the form.
const EDITABLE: [&str; 4] = [DRAFT, SUBMITTED, REFUSED, PUBLISHED];

// Reading the form ----------------------------------------------------------

/// A home as the landlord typed it, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Fields {
    pub title: String,
    pub description: String,
    pub commune: String,
    pub insee: Option<String>,
    pub area: Option<String>,
    pub address: Option<String>,
    pub kind: String,
    pub beds: i64,
    pub shared: bool,
    pub furnished: bool,
    pub surface: f64,
    pub ceiling: Option<f64>,
    pub volume: Option<f64>,
    pub rent: f64,
    pub charges: f64,
    pub deposit: f64,
    pub lease: String,
    pub visale: bool,
    pub minutes: [Option<i64>; 4],
    pub seasons: Vec<String>,
    pub available_from: Date,
    pub available_to: Date,
    pub min_stay_weeks: i64,
    pub pets: bool,
    pub smoking: bool,
}

/// An amount or measure typed as people write it (« 1 250,50 », « 2.3 »),
/// with its error when it is not a number or out of `min..=max` (`min`
/// excluded when `above`).
fn figure(
    f: &mut Validator<'_>,
    name: &str,
    text: Option<String>,
    (min, max): (f64, f64),
    above: bool,
) -> Option<f64> {
    let text = text?;
    match decimal(&text) {
        None => {
            f.error(name, "posting-not-a-number");
            None
        }
        Some(n) if n < min || (above && n <= min) => {
            f.error(name, format!("posting-{name}-too-low"));
            None
        }
        Some(n) if n > max => {
            f.error(name, format!("posting-{name}-too-high"));
            None
        }
        Some(n) => Some(n),
    }
}

/// Read the home form. `stored` is the home being edited: its start date
/// may stay in the past when it is not changed.
fn read(req: &Request, settings: &Settings, stored: Option<&Home>) -> Result<Fields, Error> {
    let today = store::today();
    let latest = today.add_months(MONTHS_AHEAD);
    let communes = settings.communes();
    let names: Vec<&str> = communes.iter().map(|c| c.name.as_str()).collect();
    let rent_max = settings.rent_max.max(1) as f64;
    let mut f = req.validator();
    let title = f.text("title").required().max_len(MAX_TITLE).value();
    let description = f
        .text("description")
        .required()
        .max_len(MAX_DESCRIPTION)
        .value();
    let commune = f.choice("commune", &names).value();
    let area = f.text("area").max_len(MAX_AREA).optional();
    let address = f.text("address").max_len(MAX_ADDRESS).optional();
    let kind = f.choice("kind", &KINDS).value();
    let beds = f.int("beds").range(1, 20).value();
    let shared = f.checkbox("shared").value();
    let furnished = f.checkbox("furnished").value();
    let surface_text = f.text("surface").max_len(20).optional();
    let ceiling_text = f.text("ceiling").max_len(20).optional();
    let volume_text = f.text("volume").max_len(20).optional();
    let rent_text = f.text("rent").max_len(20).optional();
    let charges_text = f.text("charges").max_len(20).optional();
    let deposit_text = f.text("deposit").max_len(20).optional();
    let lease = f.choice("lease", &LEASES).value();
    let visale = f.checkbox("visale").value();
    let minutes = [
        "minutes_lifts",
        "minutes_resort",
        "minutes_town",
        "minutes_transport",
    ]
    .map(|name| f.int(name).range(0, MAX_MINUTES).optional());
    let seasons = f.choices("seasons", &SEASONS).value();
    let available_from = f.date("available_from").max(latest).value();
    let available_to = f.date("available_to").max(latest).value();
    let min_stay_weeks = f.int("min_stay_weeks").range(1, 52).or(1);
    let pets = f.checkbox("pets").value();
    let smoking = f.checkbox("smoking").value();

    let surface = if surface_text.is_none() {
        f.error("surface", messages::FIELD_REQUIRED);
        None
    } else {
        figure(&mut f, "surface", surface_text, (0.0, MAX_SURFACE), true)
    };
    let ceiling = figure(&mut f, "ceiling", ceiling_text, (1.0, 10.0), false);
    let volume = figure(&mut f, "volume", volume_text, (1.0, 10_000.0), false);
    // A rent of zero or absurd is refused beside the field.
    let rent = if rent_text.is_none() {
        f.error("rent", messages::FIELD_REQUIRED);
        None
    } else {
        match rent_text.as_deref().map(decimal) {
            Some(None) => {
                f.error("rent", "posting-not-a-number");
                None
            }
            Some(Some(n)) if n <= 0.0 => {
                f.error("rent", "posting-rent-zero");
                None
            }
            Some(Some(n)) if n > rent_max => {
                f.report(
                    FieldError::new("rent", "posting-rent-too-high")
                        .arg("max", display::euros(rent_max, req.locale())),
                );
                None
            }
            Some(n) => n,
            None => None,
        }
    };
    let charges = figure(&mut f, "charges", charges_text, (0.0, rent_max), false).unwrap_or(0.0);
    let deposit = figure(
        &mut f,
        "deposit",
        deposit_text,
        (0.0, rent_max * 3.0),
        false,
    )
    .unwrap_or(0.0);

    // Decency (décret n° 2002-120, art. 4), on the room let for a room or
    // a shared home.
    if let Some(surface) = surface
        && !f.has_error("ceiling")
        && !f.has_error("volume")
        && !model::decent(surface, ceiling, volume)
    {
        f.error("surface", "posting-not-decent");
    }
    if let (Some(rent), Some(surface)) = (rent, surface)
        && rent / surface > MAX_RENT_PER_M2
    {
        f.report(
            FieldError::new("rent", "posting-rent-per-m2")
                .arg("max", MAX_RENT_PER_M2.to_string())
                .arg("per", display::decimal(rent / surface, req.locale())),
        );
    }
    // A bail mobilité forbids a deposit, and is furnished.
    if lease == "mobility" {
        if deposit > 0.0 {
            f.error("deposit", "posting-deposit-mobility");
        }
        if !furnished {
            f.error("furnished", "posting-mobility-furnished");
        }
    }
    // A furnished lease's deposit is at most two months of rent.
    if lease == "furnished"
        && let Some(rent) = rent
        && deposit > 2.0 * rent + 0.005
    {
        f.error("deposit", "posting-deposit-furnished");
    }

    let stored_from = stored.and_then(|h| Date::parse(&h.available_from));
    if !f.has_error("available_from")
        && available_from < today
        && stored_from != Some(available_from)
    {
        f.error("available_from", "posting-from-past");
    }
    if !f.has_error("available_from") && !f.has_error("available_to") {
        if available_to < available_from {
            f.error("available_to", "posting-to-before-from");
        } else if available_to < today {
            f.error("available_to", "posting-to-past");
        } else {
            let days = available_to.days_since(available_from) + 1;
            if min_stay_weeks * 7 > days {
                f.report(
                    FieldError::new("min_stay_weeks", "posting-min-stay-too-long")
                        .arg("weeks", (days / 7).to_string()),
                );
            }
        }
    }
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
        area,
        address,
        kind,
        beds,
        shared,
        furnished,
        surface: surface.unwrap_or_default(),
        ceiling,
        volume,
        rent: rent.unwrap_or_default(),
        charges,
        deposit,
        lease,
        visale,
        minutes,
        seasons,
        available_from,
        available_to,
        min_stay_weeks,
        pets,
        smoking,
    })
}

/// The columns the landlord's form writes, with the landlord's name and
/// kind as they are now.
fn columns(fields: &Fields, landlord: &Landlord) -> Value {
    json!({
        "landlord_name": landlord.name,
        "landlord_kind": landlord.kind,
        "title": fields.title,
        "description": fields.description,
        "commune": fields.commune,
        "insee": fields.insee,
        "area": fields.area,
        "address": fields.address,
        "kind": fields.kind,
        "beds": fields.beds,
        "shared": fields.shared,
        "furnished": fields.furnished,
        "surface": fields.surface,
        "ceiling": fields.ceiling,
        "volume": fields.volume,
        "rent": fields.rent,
        "charges": fields.charges,
        "deposit": fields.deposit,
        "lease": fields.lease,
        "visale": fields.visale,
        "minutes_lifts": fields.minutes[0],
        "minutes_resort": fields.minutes[1],
        "minutes_town": fields.minutes[2],
        "minutes_transport": fields.minutes[3],
        "seasons": fields.seasons,
        "available_from": fields.available_from.to_string(),
        "available_to": fields.available_to.to_string(),
        "min_stay_weeks": fields.min_stay_weeks,
        "pets": fields.pets,
        "smoking": fields.smoking,
    })
}

/// A number for the form, with a decimal comma in French.
fn shown_number(n: Option<f64>, locale: &str) -> String {
    n.map(|n| display::decimal(n, locale)).unwrap_or_default()
}

/// The form's values of a stored home.
fn values_of(home: &Home, locale: &str) -> Value {
    json!({
        "title": home.title,
        "description": home.description,
        "commune": home.commune,
        "area": home.area,
        "address": home.address,
        "kind": home.kind,
        "beds": home.beds.to_string(),
        "shared": home.shared,
        "furnished": home.furnished,
        "surface": shown_number(Some(home.surface), locale),
        "ceiling": shown_number(home.ceiling, locale),
        "volume": shown_number(home.volume, locale),
        "rent": shown_number(Some(home.rent), locale),
        "charges": shown_number(Some(home.charges), locale),
        "deposit": shown_number(Some(home.deposit), locale),
        "lease": home.lease,
        "visale": home.visale,
        "minutes_lifts": home.minutes_lifts.map(|m| m.to_string()),
        "minutes_resort": home.minutes_resort.map(|m| m.to_string()),
        "minutes_town": home.minutes_town.map(|m| m.to_string()),
        "minutes_transport": home.minutes_transport.map(|m| m.to_string()),
        "seasons": home.seasons,
        "available_from": home.available_from,
        "available_to": home.available_to,
        "min_stay_weeks": home.min_stay_weeks.to_string(),
        "pets": home.pets,
        "smoking": home.smoking,
        "version": home.version.to_string(),
    })
}

fn labelled(form: Form, places: &[String; 3]) -> Form {
    form.label("title", "posting-title")
        .label("description", "posting-description")
        .label("commune", "posting-commune")
        .label("area", "posting-area")
        .label("address", "posting-address")
        .label("kind", "posting-kind")
        .label("beds", "posting-beds")
        .label("shared", "posting-shared")
        .label("furnished", "posting-furnished")
        .label("surface", "posting-surface")
        .label("ceiling", "posting-ceiling")
        .label("volume", "posting-volume")
        .label("rent", "posting-rent")
        .label("charges", "posting-charges")
        .label("deposit", "posting-deposit")
        .label("lease", "posting-lease")
        .label("visale", "posting-visale")
        .label_text(
            "minutes_lifts",
            i18n::t_args("posting-minutes-to", &[("place", &places[0])]),
        )
        .label_text(
            "minutes_resort",
            i18n::t_args("posting-minutes-to", &[("place", &places[1])]),
        )
        .label_text(
            "minutes_town",
            i18n::t_args("posting-minutes-to", &[("place", &places[2])]),
        )
        .label("minutes_transport", "posting-minutes-transport")
        .label("seasons", "posting-seasons")
        .label("available_from", "posting-from")
        .label("available_to", "posting-to")
        .label("min_stay_weeks", "posting-min-stay")
        .label("pets", "posting-pets")
        .label("smoking", "posting-smoking")
}

// History ----------------------------------------------------------------------

pub use estive_kit::history::{appended as with_history, entry as history_entry};

/// A home's history for a page: each entry with its words.
pub fn history_view(home: &Home) -> Vec<Value> {
    home.details
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
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The expectation that a home is still at the version read.
pub fn expect_version(tx: &mut db::Transaction, home: &Home) {
    tx.expect(
        tables::HOMES,
        [
            eq(tables::homes::ID, home.id),
            eq(tables::homes::VERSION, home.version),
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
    home: Option<&'a Home>,
    preview: Option<String>,
    /// The stored home when another save came first.
    conflict: Option<&'a Home>,
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
        "kinds": options(KINDS.map(|k| (k, i18n::t(&format!("kind-{k}"))))),
        "leases": options(LEASES.map(|l| (l, i18n::t(&format!("lease-{l}"))))),
        "seasons": options(SEASONS.map(|s| (s, i18n::t(&format!("season-{s}"))))),
    })
}

/// The life actions a home in that status offers its landlord.
pub fn actions_for(status: &str) -> Vec<&'static str> {
    match status {
        DRAFT => vec!["submit", "withdraw"],
        REFUSED => vec!["reopen", "submit", "withdraw"],
        SUBMITTED => vec!["withdraw"],
        PUBLISHED => vec!["extend", "let", "withdraw"],
        EXPIRED => vec!["extend", "let"],
        WITHDRAWN => vec!["reopen"],
        _ => vec![],
    }
}

/// A home for the landlord's own pages: what the public sees, and the
/// exact address.
fn own_view(ctx: &Context, home: &Home, settings: &Settings) -> Value {
    let mut v = display::home(ctx, home, settings);
    v["address"] = json!(home.address);
    v
}

fn form_page(req: &Request, form: Form, shown: Shown) -> Result<Response, Error> {
    let settings = Settings::load()?;
    let today = store::today();
    let latest = today.add_months(MONTHS_AHEAD);
    let home = shown.home;
    let editable = home.is_none_or(|h| EDITABLE.contains(&h.status.as_str()));
    let title = match home {
        Some(h) => h.title.clone(),
        None => i18n::t("posting-new-title"),
    };
    let ctx = req.context();
    let places = settings.places();
    let extend_default = home
        .and_then(|h| Date::parse(&h.available_to))
        .map_or(today, |d| d.max(today))
        .add_months(1)
        .min(latest);
    let extend_form = shown.extend_form.unwrap_or_else(|| {
        Form::new("housing-extend").values(json!({ "available_to": extend_default.to_string() }))
    });
    let mut page = view("home_form.html")
        .title(title)
        .crumb(i18n::t("housing-title"), req.url("/"))
        .crumb(i18n::t("landlords-home-title"), req.url("/espace-bailleur"))
        .with(json!({
            "home": home.map(|h| own_view(ctx, h, &settings)),
            "editable": editable,
            "review_warning": home.is_some_and(|h| h.status == PUBLISHED) && settings.review_edits,
            "preview": shown.preview,
            "conflict": shown.conflict.map(|h| own_view(ctx, h, &settings)),
            "choices": choices(&settings),
            "places": places,
            "rent_max": settings.rent_max,
            "actions": home.map(|h| actions_for(&h.status)).unwrap_or_default(),
            "history": home.map(history_view).unwrap_or_default(),
            "today": today.to_string(),
            "latest": latest.to_string(),
        }))
        .form(labelled(form, &places));
    page = page.form_as(
        "extend_form",
        extend_form.label("available_to", "posting-extend-date"),
    );
    if shown.conflict.is_some() {
        page = page.status(409);
    }
    Ok(page.into())
}

/// The description as the public will read it, for the preview.
fn preview_of(req: &Request) -> String {
    let home = Home {
        description: req.form("description").unwrap_or_default().to_owned(),
        ..Home::default()
    };
    display::description_html(&home)
}

/// What the landlord asked by the button they pressed.
fn intent(req: &Request) -> &str {
    req.form("intent").unwrap_or("draft")
}

// Handlers -----------------------------------------------------------------------

/// `GET/POST /espace-bailleur/logements/nouveau`: a new home, saved as a
/// draft or submitted for review; "Aperçu" shows the description as it
/// will read.
///
/// # Errors
/// Forbidden to an account that may not post; storage failures.
pub fn new(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let landlord = access.poster()?.clone();
    let user = req.require_user()?;
    let settings = Settings::load()?;
    if !req.is_post() {
        let defaults = json!({
            "kind": "studio",
            "beds": "1",
            "furnished": true,
            "lease": "furnished",
            "min_stay_weeks": "1",
        });
        return form_page(
            req,
            Form::new("housing-home").values(defaults),
            Shown::default(),
        );
    }
    if intent(req) == "preview" {
        let preview = Some(preview_of(req));
        return form_page(
            req,
            Form::new("housing-home").sent(req),
            Shown {
                preview,
                ..Shown::default()
            },
        );
    }
    let fields = match read(req, &settings, None) {
        Ok(x) => x,
        Err(invalid @ Error::Invalid(_)) => {
            let form = Form::new("housing-home").sent(req).errors(&invalid);
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
    let mut row = columns(&fields, &landlord);
    if let Value::Object(map) = &mut row
        && let Value::Object(more) = json!({
            "landlord_id": landlord.id,
            "status": status,
            "details": history,
            "photos": 0,
            "created_by": user.id,
            "created_at": now,
            "updated_at": now,
            "version": 1,
        })
    {
        map.extend(more);
    }
    let mut tx = db::transaction();
    let step = tx.insert(tables::HOMES, &row);
    tx.audit(
        if status == SUBMITTED {
            "housing.home.submitted"
        } else {
            "housing.home.drafted"
        },
        &format!("landlord:{}", landlord.id),
        &json!({ "title": fields.title }),
    );
    let outcomes = tx.commit()?;
    let id = step
        .id(&outcomes)
        .ok_or_else(|| Error::internal("the new home has no id"))?;
    Ok(
        redirect(req.url(&format!("/espace-bailleur/logements/{id}")))
            .notice(if status == SUBMITTED {
                "posting-submitted-notice"
            } else {
                "posting-draft-notice"
            })
            .into(),
    )
}

/// `GET/POST /espace-bailleur/logements/{id}`: the landlord's home, its
/// form while it can be edited, its life actions and history. Another
/// landlord's home is not found.
///
/// # Errors
/// Forbidden to an account that may not post; not found; a conflict when
/// the home is no longer editable; storage failures.
pub fn edit(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let landlord = access.poster()?.clone();
    let home = access.own_home(req.param_id("id")?)?;
    let user = req.require_user()?;
    let settings = Settings::load()?;
    let with_home = |preview: Option<String>| Shown {
        home: Some(&home),
        preview,
        ..Shown::default()
    };
    if !req.is_post() {
        let form = Form::new("housing-home").values(values_of(&home, req.locale()));
        return form_page(req, form, with_home(None));
    }
    if !EDITABLE.contains(&home.status.as_str()) {
        return Err(Error::conflict("posting-not-editable"));
    }
    if intent(req) == "preview" {
        return form_page(
            req,
            Form::new("housing-home").sent(req),
            with_home(Some(preview_of(req))),
        );
    }
    let fields = match read(req, &settings, Some(&home)) {
        Ok(x) => x,
        Err(invalid @ Error::Invalid(_)) => {
            let form = Form::new("housing-home").sent(req).errors(&invalid);
            return form_page(req, form, with_home(None));
        }
        Err(e) => return Err(e),
    };
    // The version the landlord read: a save over someone else's is a
    // conflict, never a silent overwrite.
    let read_version: i64 = req
        .form("version")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    if read_version != home.version {
        return conflict_page(req, &home);
    }
    let status = match (home.status.as_str(), intent(req)) {
        (PUBLISHED, _) if settings.review_edits => SUBMITTED,
        (PUBLISHED, _) => PUBLISHED,
        (_, "submit") => SUBMITTED,
        _ => DRAFT,
    };
    let mut details = home.details.clone();
    if home.status == PUBLISHED {
        details = with_history(&details, history_entry("edited", &user.name, None));
    }
    if status == SUBMITTED && home.status != SUBMITTED {
        details = with_history(&details, history_entry("submitted", &user.name, None));
    }
    let mut tx = db::transaction();
    expect_version(&mut tx, &home);
    let mut update = db::update(tables::HOMES)
        .filter(eq(tables::homes::ID, home.id))
        .set_fields(&columns(&fields, &landlord))
        .set(tables::homes::STATUS, status)
        .set_json(tables::homes::DETAILS, &details)
        .set(tables::homes::UPDATED_AT, store::now_utc())
        .set(tables::homes::VERSION, home.version + 1);
    if status == SUBMITTED {
        update = update.set(tables::homes::REFUSAL_REASON, None::<String>);
    }
    tx.update(update);
    tx.audit(
        "housing.home.edited",
        &format!("home:{}", home.id),
        &json!({ "title": fields.title, "from": home.status, "to": status }),
    );
    match tx.commit() {
        Ok(_) => {}
        Err(Error::Conflict(msg)) if msg == CONFLICT => return conflict_page(req, &home),
        Err(e) => return Err(e),
    }
    let notice = match (home.status.as_str(), status) {
        (PUBLISHED, SUBMITTED) => "posting-back-to-review-notice",
        (_, SUBMITTED) => "posting-submitted-notice",
        (_, PUBLISHED) => "posting-saved-notice",
        _ => "posting-draft-notice",
    };
    Ok(
        redirect(req.url(&format!("/espace-bailleur/logements/{}", home.id)))
            .notice(notice)
            .into(),
    )
}

/// The form again after someone else saved the home first: what this
/// person typed, what is stored now, the new version to save over it.
fn conflict_page(req: &Request, home: &Home) -> Result<Response, Error> {
    let fresh = store::home(home.id)?;
    let form = Form::new("housing-home")
        .sent(req)
        .values(json!({ "version": fresh.version.to_string() }));
    form_page(
        req,
        form,
        Shown {
            home: Some(&fresh),
            conflict: Some(&fresh),
            ..Shown::default()
        },
    )
}

/// `POST /espace-bailleur/logements/{id}/etat` (`action`): submit,
/// withdraw, mark let, extend (a new `available_to`), reopen a refused or
/// withdrawn home as a draft.
///
/// # Errors
/// Forbidden; not found; a conflict when the action does not fit the
/// home's status or the home changed meanwhile; storage failures.
pub fn state(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    access.poster()?;
    let home = access.own_home(req.param_id("id")?)?;
    let user = req.require_user()?;
    let settings = Settings::load()?;
    let action = req.form("action").unwrap_or_default();
    if !actions_for(&home.status).contains(&action) {
        return Err(Error::conflict("posting-action-not-allowed"));
    }
    if let Some(read) = req.form("version").and_then(|v| v.parse::<i64>().ok())
        && read != home.version
    {
        return Err(Error::conflict(CONFLICT));
    }
    let today = store::today();
    let now = store::now_utc();
    let mut update = db::update(tables::HOMES)
        .filter(eq(tables::homes::ID, home.id))
        .set(tables::homes::UPDATED_AT, now.clone())
        .set(tables::homes::VERSION, home.version + 1);
    let (status, what) = match action {
        "submit" => {
            if Date::parse(&home.available_to).is_none_or(|d| d < today) {
                return Err(Error::conflict("posting-period-passed"));
            }
            update = update.set(tables::homes::REFUSAL_REASON, None::<String>);
            (SUBMITTED, "submitted")
        }
        "withdraw" => {
            update = update.set(tables::homes::CLOSED_AT, now.clone());
            (WITHDRAWN, "withdrawn")
        }
        "let" => {
            update = update.set(tables::homes::CLOSED_AT, now.clone());
            (LET, "let")
        }
        "reopen" => {
            update = update.set(tables::homes::CLOSED_AT, None::<String>);
            (DRAFT, "reopened")
        }
        _ => {
            let from = Date::parse(&home.available_from).unwrap_or(today);
            let mut f = req.validator();
            let date = f
                .date("available_to")
                .min(from.max(today))
                .max(today.add_months(MONTHS_AHEAD))
                .value();
            if let Err(invalid) = f.finish() {
                let form = Form::new("housing-home").values(values_of(&home, req.locale()));
                let extend = Form::new("housing-extend").sent(req).errors(&invalid);
                return form_page(
                    req,
                    form,
                    Shown {
                        home: Some(&home),
                        extend_form: Some(extend),
                        ..Shown::default()
                    },
                );
            }
            update = update
                .set(tables::homes::AVAILABLE_TO, date.to_string())
                .set(tables::homes::CLOSED_AT, None::<String>);
            // An expired home comes back as it would after an edit.
            let status = if home.status == EXPIRED && settings.review_edits {
                SUBMITTED
            } else {
                PUBLISHED
            };
            (status, "extended")
        }
    };
    let details = with_history(&home.details, history_entry(what, &user.name, None));
    update = update
        .set(tables::homes::STATUS, status)
        .set_json(tables::homes::DETAILS, &details);
    let mut tx = db::transaction();
    expect_version(&mut tx, &home);
    tx.update(update);
    tx.audit(
        &format!("housing.home.{what}"),
        &format!("home:{}", home.id),
        &json!({ "title": home.title, "from": home.status, "to": status }),
    );
    tx.commit()?;
    Ok(
        redirect(req.url(&format!("/espace-bailleur/logements/{}", home.id)))
            .notice(format!("posting-{what}-notice"))
            .into(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(actions_for(PUBLISHED).contains(&"let"));
        assert!(actions_for(LET).is_empty());
        assert_eq!(actions_for(WITHDRAWN), ["reopen"]);
    }
}
