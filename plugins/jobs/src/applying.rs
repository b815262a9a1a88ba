//! Applying on the site with a CV, and the employer reading applications.
//!
//! A job seeker applies to a published local offer whose `apply_mode` is
//! `site` or `mail`: a message, a PDF CV (optional, checked by its first
//! bytes and the `cv_max_kib` setting) and their consent to what is kept.
//! One application per person and offer. The employer's account is mailed:
//! for `site`, a notice with the link to the application in the employer
//! space; for `mail`, the whole message relayed, with the link to the CV.
//! Neither side ever sees the other's e-mail address: the employer answers
//! on the site, and the answer is mailed to the applicant's account.
//!
//! The CV's bytes (`cv`, a `bytes` column) are read only to download them
//! ([`cv`]); every other query names [`APPLICATION_COLUMNS`]. [`purge`]
//! (hourly) deletes CVs `cv_days` days after the application and
//! applications `applications_months` months after.

use std::collections::HashMap;

use base64::Engine as _;
use estive_sdk::dates::DateTime;
use estive_sdk::db::Value;
use estive_sdk::form::Form;
use estive_sdk::prelude::*;
use serde::Deserialize;

use crate::access::Access;
use crate::display;
use crate::model::{
    ANSWERED, APPLICATION_COLUMNS, Application, EXPIRED, FILLED, LOCAL, Offer, PUBLISHED, READ,
    SENT,
};
use crate::store::{self, Settings};
use crate::tables;
use crate::tables::applications as col;

/// The shortest and longest application message.
const MESSAGE_MIN: usize = 20;
/// See [`MESSAGE_MIN`].
pub const MESSAGE_MAX: usize = 5000;
/// The longest answer of an employer.
const ANSWER_MAX: usize = 5000;
/// The longest file name kept for a CV.
const CV_NAME_MAX: usize = 120;
/// Rows changed by one purge step (the host bounds a call's operations).
const PURGE_BATCH: u32 = 1000;
/// Where a PDF's header may start (readers accept junk before it).
const PDF_HEADER_WITHIN: usize = 1024;

// Paths ----------------------------------------------------------------------

/// The employer's page of an application, on the portal.
pub fn application_path(req_or_ctx: &Context, id: i64) -> String {
    req_or_ctx
        .url_in("portal", &format!("/espace-employeur/candidatures/{id}"))
        .unwrap_or_else(|| format!("/emplois/espace-employeur/candidatures/{id}"))
}

/// The applicant's list of applications, on the portal, at one of them.
pub fn mine_path(ctx: &Context, id: Option<i64>) -> String {
    let anchor = id
        .map(|id| format!("#candidature-{id}"))
        .unwrap_or_default();
    ctx.url_in("portal", "/mes-candidatures")
        .map(|p| format!("{p}{anchor}"))
        .unwrap_or_else(|| format!("/emplois/mes-candidatures{anchor}"))
}

// Reading ----------------------------------------------------------------------

/// An application by id, without its CV's bytes.
///
/// # Errors
/// `not-found` when there is none; storage failures.
pub fn application(id: i64) -> Result<Application, Error> {
    db::select(tables::APPLICATIONS)
        .columns(&APPLICATION_COLUMNS)
        .filter(eq(col::ID, id))
        .first()?
        .ok_or_else(|| Error::not_found("application-not-found"))
}

/// The application a person sent to an offer, if any.
///
/// # Errors
/// Storage failures.
pub fn application_of(offer_id: i64, user_id: &str) -> Result<Option<Application>, Error> {
    db::select(tables::APPLICATIONS)
        .columns(&APPLICATION_COLUMNS)
        .filter(eq(col::OFFER_ID, offer_id))
        .filter(eq(col::USER_ID, user_id))
        .first()
}

/// How many applications each offer of an employer received, and how many
/// of them the employer has not opened yet: offer id → (all, unread). For
/// the employer's home page.
///
/// # Errors
/// Storage failures.
pub fn counts_by_offer(employer_id: i64) -> Result<HashMap<i64, (i64, i64)>, Error> {
    #[derive(Deserialize)]
    struct Group {
        offer_id: i64,
        status: String,
        n: i64,
    }
    let groups: Vec<Group> = db::aggregate(tables::APPLICATIONS)
        .filter(eq(col::EMPLOYER_ID, employer_id))
        .group_by(col::OFFER_ID)
        .group_by(col::STATUS)
        .count("n")
        .fetch()?;
    let mut counts: HashMap<i64, (i64, i64)> = HashMap::new();
    for g in groups {
        let entry = counts.entry(g.offer_id).or_default();
        entry.0 += g.n;
        if g.status == SENT {
            entry.1 += g.n;
        }
    }
    Ok(counts)
}

/// The text of an application's status, for the pages.
fn status_text(status: &str) -> String {
    i18n::t(&format!("application-status-{status}"))
}

/// An application for the templates: its columns and what a person reads.
fn shown(ctx: &Context, app: &Application) -> serde_json::Value {
    let locale = ctx.locale();
    let mut v = serde_json::to_value(app).unwrap_or_else(|_| json!({}));
    if let serde_json::Value::Object(map) = &mut v {
        map.insert("status_text".into(), json!(status_text(&app.status)));
        map.insert(
            "sent_on_text".into(),
            json!(display::long_day(Some(&app.created_at), locale)),
        );
        map.insert(
            "answered_on_text".into(),
            json!(display::long_day(app.answered_at.as_deref(), locale)),
        );
        map.insert(
            "cv_deleted_on_text".into(),
            json!(display::long_day(app.cv_deleted_at.as_deref(), locale)),
        );
        map.insert(
            "has_cv".into(),
            json!(app.cv_size.is_some() && app.cv_deleted_at.is_none()),
        );
        map.insert(
            "cv_kib".into(),
            json!(app.cv_size.map(|s| (s + 1023) / 1024).unwrap_or_default()),
        );
        map.insert("url".into(), json!(application_path(ctx, app.id)));
        // Escaped by `plain_html`, paragraphs and line breaks kept.
        map.insert(
            "message_html".into(),
            json!(display::plain_html(&app.message)),
        );
        map.insert(
            "answer_html".into(),
            json!(app.answer.as_deref().map(display::plain_html)),
        );
    }
    v
}

// The CV ---------------------------------------------------------------------

/// A CV received with the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cv {
    /// The file's name, made safe to show and to send back.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Why a CV is refused: the message key, with its arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CvProblem {
    /// Not readable as sent (bad base64).
    Unreadable,
    /// An empty file.
    Empty,
    /// Over the limit: (size in KiB, limit in KiB).
    TooLarge(usize, usize),
    /// Its bytes are not a PDF's.
    NotPdf,
}

impl CvProblem {
    /// The field error shown beside the file field.
    pub fn field_error(&self) -> FieldError {
        match self {
            CvProblem::Unreadable => FieldError::new("cv", "apply-cv-unreadable"),
            CvProblem::Empty => FieldError::new("cv", "apply-cv-empty"),
            CvProblem::TooLarge(size, max) => FieldError::new("cv", "apply-cv-too-large")
                .arg("size", size)
                .arg("max", max),
            CvProblem::NotPdf => FieldError::new("cv", "apply-cv-not-pdf"),
        }
    }
}

/// Whether bytes are a PDF: its header `%PDF-` at the start (or within the
/// first KiB, which readers accept), whatever the file's name or the type
/// the browser said.
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(PDF_HEADER_WITHIN)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// A file name safe to show and to send in a download: the last part of a
/// path, without control characters or quotes, at most 120 characters,
/// ending in `.pdf`.
pub fn safe_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let mut clean: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | ':' | '*' | '?' | '|'))
        .collect::<String>()
        .trim()
        .trim_start_matches('.')
        .to_string();
    if clean.is_empty() {
        clean = "cv".into();
    }
    if !clean.to_lowercase().ends_with(".pdf") {
        clean.push_str(".pdf");
    }
    let count = clean.chars().count();
    if count > CV_NAME_MAX {
        let keep: String = clean.chars().take(CV_NAME_MAX - 4).collect();
        clean = format!("{}.pdf", keep.trim_end_matches(".pdf"));
    }
    clean
}

/// The CV of a form's file field `cv`: `None` when no file was chosen. The
/// host gives a binary file as `cv.base64`, a text one as `cv` itself.
///
/// # Errors
/// What is wrong with the file.
pub fn read_cv(
    filename: Option<&str>,
    text: Option<&str>,
    base64: Option<&str>,
    max_bytes: usize,
) -> Result<Option<Cv>, CvProblem> {
    let filename = filename.unwrap_or_default().trim();
    let bytes = match base64.filter(|b| !b.is_empty()) {
        Some(encoded) => base64::engine::general_purpose::STANDARD
            .decode(encoded.trim())
            .map_err(|_| CvProblem::Unreadable)?,
        None => text.unwrap_or_default().as_bytes().to_vec(),
    };
    if filename.is_empty() && bytes.is_empty() {
        return Ok(None);
    }
    if bytes.is_empty() {
        return Err(CvProblem::Empty);
    }
    if bytes.len() > max_bytes {
        return Err(CvProblem::TooLarge(
            bytes.len().div_ceil(1024),
            max_bytes / 1024,
        ));
    }
    if !is_pdf(&bytes) {
        return Err(CvProblem::NotPdf);
    }
    Ok(Some(Cv {
        name: safe_name(filename),
        bytes,
    }))
}

// Applying -------------------------------------------------------------------

/// How an offer takes applications.
enum Door {
    /// On this site (`site` or `mail`).
    Here,
    /// Elsewhere: the address to apply at, if the offer gives one.
    Elsewhere(Option<String>),
}

/// Where one applies to an offer that may be applied to at all.
///
/// # Errors
/// `not-found` for an offer not on the portal; `conflict` for a filled or
/// expired one.
fn door(offer: &Offer) -> Result<Door, Error> {
    match offer.status.as_str() {
        PUBLISHED => {}
        FILLED => return Err(Error::conflict("apply-closed-filled")),
        EXPIRED => return Err(Error::conflict("apply-closed-expired")),
        _ => return Err(Error::not_found("offer-not-found")),
    }
    if offer.source != LOCAL {
        let link = offer
            .details
            .get("urlPostulation")
            .and_then(serde_json::Value::as_str)
            .map(str::to_string)
            .or_else(|| offer.source_url.clone());
        return Ok(Door::Elsewhere(link));
    }
    match offer.apply_mode.as_str() {
        "site" | "mail" => Ok(Door::Here),
        _ => Ok(Door::Elsewhere(offer.apply_url.clone())),
    }
}

/// The words of the privacy text under the form, with the settings' times.
fn privacy_args(settings: &Settings) -> Vec<(String, String)> {
    vec![
        ("days".into(), settings.cv_days.to_string()),
        ("months".into(), settings.applications_months.to_string()),
    ]
}

/// The apply page: the form, or why one cannot apply here.
///
/// # Errors
/// `not-found`, `conflict` as [`door`]; storage failures.
pub fn apply(req: &Request) -> Result<Response, Error> {
    let user = req.require_user()?;
    let offer = store::offer(req.param_id("id")?)?;
    let ctx = req.context();
    match door(&offer)? {
        Door::Here => {}
        Door::Elsewhere(link) => {
            return Ok(view("apply_elsewhere.html")
                .title(i18n::t_args("apply-title", &[("title", &offer.title)]))
                .crumb(i18n::t("jobs-title"), req.url("/"))
                .crumb(offer.title.clone(), display::public_path(ctx, offer.id))
                .set("offer", display::offer(ctx, &offer))
                .set("link", link)
                .into());
        }
    }
    if let Some(existing) = application_of(offer.id, &user.id)? {
        return Ok(already(req, &offer, &existing, 200));
    }
    if store::employer_of(&user.id)?.is_some_and(|e| Some(e.id) == offer.employer_id) {
        return Err(Error::conflict("apply-own-offer"));
    }
    let settings = Settings::load()?;
    if !req.is_post() {
        return Ok(apply_page(
            req,
            &offer,
            &settings,
            Form::new("jobs-apply"),
            false,
        ));
    }

    let mut f = req.validator();
    let message = f
        .text("message")
        .required()
        .min_len(MESSAGE_MIN)
        .max_len(MESSAGE_MAX)
        .value();
    f.checkbox("consent").required().value();
    let cv = match read_cv(
        req.form("cv.filename"),
        req.form("cv"),
        req.form("cv.base64"),
        settings.cv_max_bytes(),
    ) {
        Ok(cv) => cv,
        Err(problem) => {
            f.report(problem.field_error());
            None
        }
    };
    let cv_sent = req
        .form("cv.filename")
        .is_some_and(|n| !n.trim().is_empty());
    if let Err(invalid) = f.finish() {
        let form = Form::new("jobs-apply")
            .values(json!({
                "message": req.form("message").unwrap_or_default(),
                "consent": req.form("consent").unwrap_or_default(),
            }))
            .errors(&invalid);
        // A browser cannot be given the file back: say so when it was good.
        let lost_cv = cv_sent && !invalid.field_errors().iter().any(|e| e.field == "cv");
        return Ok(apply_page(req, &offer, &settings, form, lost_cv));
    }

    let employer_id = offer
        .employer_id
        .ok_or_else(|| Error::not_found("offer-not-found"))?;
    let now = store::now_utc();
    let mut tx = db::transaction();
    tx.expect_none(
        tables::APPLICATIONS,
        [
            eq(col::OFFER_ID, offer.id),
            eq(col::USER_ID, user.id.as_str()),
        ],
        "apply-already",
    );
    let step = tx.insert(
        tables::APPLICATIONS,
        &json!({
            "offer_id": offer.id,
            "employer_id": employer_id,
            "user_id": user.id,
            "user_name": user.name,
            "message": message,
            "cv_name": cv.as_ref().map(|c| c.name.clone()),
            "cv_size": cv.as_ref().map(|c| c.bytes.len()),
            "status": SENT,
            "created_at": now,
        }),
    );
    if let Some(cv) = &cv {
        tx.update(
            db::update(tables::APPLICATIONS)
                .filter(eq(col::OFFER_ID, offer.id))
                .filter(eq(col::USER_ID, user.id.as_str()))
                .set(col::CV, Value::Bytes(cv.bytes.clone())),
        );
    }
    let outcomes = match tx.commit() {
        Ok(outcomes) => outcomes,
        Err(Error::Conflict(_)) => {
            // Sent twice at once: the first one won.
            if let Some(existing) = application_of(offer.id, &user.id)? {
                return Ok(already(req, &offer, &existing, 409));
            }
            return Err(Error::conflict("apply-already"));
        }
        Err(e) => return Err(e),
    };
    let id = step
        .id(&outcomes)
        .ok_or_else(|| Error::internal("the application was not stored"))?;
    notify_employer(
        ctx,
        &offer,
        employer_id,
        id,
        &user.name,
        &message,
        cv.as_ref(),
    );
    Ok(redirect(mine_path(ctx, Some(id)))
        .notice(i18n::t_args("apply-sent", &[("title", &offer.title)]))
        .into())
}

/// The form page, with `form` as sent (or fresh).
fn apply_page(
    req: &Request,
    offer: &Offer,
    settings: &Settings,
    form: Form,
    lost_cv: bool,
) -> Response {
    let ctx = req.context();
    let args = privacy_args(settings);
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let form = form
        .label("message", "apply-message")
        .label("cv", "apply-cv")
        .label("consent", "apply-consent-label");
    view("apply.html")
        .title(i18n::t_args("apply-title", &[("title", &offer.title)]))
        .crumb(i18n::t("jobs-title"), req.url("/"))
        .crumb(offer.title.clone(), display::public_path(ctx, offer.id))
        .set("offer", display::offer(ctx, offer))
        .set("cv_max_kib", settings.cv_max_bytes() / 1024)
        .set("message_max", MESSAGE_MAX)
        .set("privacy", i18n::t_args("privacy-applicant", &args))
        .set("lost_cv", lost_cv)
        .form(form)
        .into()
}

/// The page saying the person already applied, with a link to it.
fn already(req: &Request, offer: &Offer, existing: &Application, status: u16) -> Response {
    let ctx = req.context();
    view("apply_already.html")
        .title(i18n::t_args("apply-title", &[("title", &offer.title)]))
        .crumb(i18n::t("jobs-title"), req.url("/"))
        .crumb(offer.title.clone(), display::public_path(ctx, offer.id))
        .set("offer", display::offer(ctx, offer))
        .set("application", shown(ctx, existing))
        .set("mine_url", mine_path(ctx, Some(existing.id)))
        .status(status)
        .into()
}

/// One line, for a mail's subject.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Tells the employer's account about a new application. A failed mail is
/// logged, not an error: the application is in the employer's space.
fn notify_employer(
    ctx: &Context,
    offer: &Offer,
    employer_id: i64,
    id: i64,
    applicant: &str,
    message: &str,
    cv: Option<&Cv>,
) {
    let employer = match store::employer(employer_id) {
        Ok(e) => e,
        Err(e) => {
            log::warn!("application {id}: employer {employer_id} not found: {e}");
            return;
        }
    };
    if employer.user_id.starts_with("erased-") {
        return;
    }
    let link = ctx.absolute(&application_path(ctx, id));
    let title = one_line(&offer.title);
    let subject = i18n::t_args("apply-mail-employer-subject", &[("title", &title)]);
    let body = if offer.apply_mode == "mail" {
        let cv_line = match cv {
            Some(cv) => i18n::t_args(
                "apply-mail-employer-cv",
                &[("name", &cv.name), ("link", &format!("{link}/cv"))],
            ),
            None => i18n::t("apply-mail-employer-no-cv"),
        };
        // The whole application, as the employer would have received it
        // by e-mail, without the applicant's address.
        format!(
            "{}\n\n{}\n\n{}\n{}",
            i18n::t_args(
                "apply-mail-employer-relayed",
                &[("name", applicant), ("title", &title)],
            ),
            message,
            cv_line,
            i18n::t_args("apply-mail-employer-answer", &[("link", &link)]),
        )
    } else {
        i18n::t_args(
            "apply-mail-employer-notice",
            &[("name", applicant), ("title", &title), ("link", &link)],
        )
    };
    if let Err(e) = mail::send(&employer.user_id, &subject, &body) {
        log::warn!("application {id}: the employer was not mailed: {e}");
    }
}

// The applicant's list -----------------------------------------------------------

/// The applicant's applications, and withdrawing one (POST
/// `application_id`): it is deleted with its CV.
///
/// # Errors
/// `not-found` for another person's application; storage failures.
pub fn mine(req: &Request) -> Result<Response, Error> {
    let user = req.require_user()?;
    let ctx = req.context();
    if req.is_post() {
        let id: i64 = req
            .form("application_id")
            .and_then(|v| v.trim().parse().ok())
            .ok_or_else(|| Error::not_found("application-not-found"))?;
        let app = application(id)?;
        if app.user_id != user.id {
            return Err(Error::not_found("application-not-found"));
        }
        db::delete(tables::APPLICATIONS)
            .filter(eq(col::ID, id))
            .filter(eq(col::USER_ID, user.id.as_str()))
            .run()?;
        return Ok(redirect(mine_path(ctx, None))
            .notice("application-withdrawn")
            .into());
    }
    let apps: Vec<Application> = db::select(tables::APPLICATIONS)
        .columns(&APPLICATION_COLUMNS)
        .filter(eq(col::USER_ID, user.id.as_str()))
        .order_desc(col::CREATED_AT)
        .limit(1000)
        .fetch()?;
    let offers = offers_by_id(apps.iter().map(|a| a.offer_id))?;
    let settings = Settings::load()?;
    let rows: Vec<serde_json::Value> = apps
        .iter()
        .map(|a| {
            let mut v = shown(ctx, a);
            let offer = offers.get(&a.offer_id);
            v["offer_title"] = json!(offer.map(|o| o.title.clone()));
            v["offer_url"] = json!(
                offer
                    .filter(|o| o.public() || o.closed())
                    .map(|o| display::public_path(ctx, o.id))
            );
            v["offer_status_text"] = json!(offer.map(|o| i18n::t(&format!("status-{}", o.status))));
            v["employer_name"] = json!(offer.and_then(|o| o.employer_name.clone()));
            v
        })
        .collect();
    let args = privacy_args(&settings);
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    Ok(view("my_applications.html")
        .title(i18n::t("my-applications-title"))
        .crumb(i18n::t("jobs-title"), req.url("/"))
        .set("applications", rows)
        .set("privacy", i18n::t_args("privacy-applicant", &args))
        .into())
}

/// A few columns of offers, by id.
fn offers_by_id(ids: impl Iterator<Item = i64>) -> Result<HashMap<i64, Offer>, Error> {
    let mut ids: Vec<i64> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    #[derive(Deserialize)]
    struct Brief {
        id: i64,
        title: String,
        status: String,
        employer_name: Option<String>,
    }
    let briefs: Vec<Brief> = db::select(tables::OFFERS)
        .columns(&["id", "title", "status", "employer_name"])
        .filter(one_of("id", ids))
        .fetch()?;
    Ok(briefs
        .into_iter()
        .map(|b| {
            (
                b.id,
                Offer {
                    id: b.id,
                    title: b.title,
                    status: b.status,
                    employer_name: b.employer_name,
                    ..Offer::default()
                },
            )
        })
        .collect())
}

// The employer's side ----------------------------------------------------------

/// The applications to one of the employer's offers.
///
/// # Errors
/// `not-found` when the offer is not theirs; storage failures.
pub fn list(req: &Request) -> Result<Response, Error> {
    let access = Access::of(req)?;
    let offer = access.own_offer(req.param_id("id")?)?;
    let ctx = req.context();
    let apps: Vec<Application> = db::select(tables::APPLICATIONS)
        .columns(&APPLICATION_COLUMNS)
        .filter(eq(col::OFFER_ID, offer.id))
        .order_desc(col::CREATED_AT)
        .limit(1000)
        .fetch()?;
    let rows: Vec<serde_json::Value> = apps.iter().map(|a| shown(ctx, a)).collect();
    let settings = Settings::load()?;
    Ok(view("applications.html")
        .title(i18n::t_args(
            "applications-title",
            &[("title", &offer.title)],
        ))
        .crumb(
            i18n::t("applications-employer-space"),
            req.url("/espace-employeur"),
        )
        .crumb(
            offer.title.clone(),
            req.url(&format!("/espace-employeur/offres/{}", offer.id)),
        )
        .set("offer", display::offer(ctx, &offer))
        .set("applications", rows)
        .set("cv_days", settings.cv_days)
        .into())
}

/// The application when the request's employer received it.
///
/// # Errors
/// `not-found` otherwise (the same answer as a missing one).
fn received(req: &Request, id: i64) -> Result<Application, Error> {
    let access = Access::of(req)?;
    let app = application(id)?;
    match &access.employer {
        Some(e) if access.posts && e.id == app.employer_id => Ok(app),
        _ => Err(Error::not_found("application-not-found")),
    }
}

/// One application as its employer reads it (opening marks it read), and
/// the answer form (POST `answer`), relayed by mail to the applicant.
///
/// # Errors
/// `not-found` when it was not sent to them; storage failures.
pub fn show(req: &Request) -> Result<Response, Error> {
    let mut app = received(req, req.param_id("id")?)?;
    let ctx = req.context();
    let offer = store::offer(app.offer_id)?;
    if req.is_post() {
        if app.status == ANSWERED {
            return Err(Error::conflict("application-already-answered"));
        }
        let mut f = req.validator();
        let answer = f.text("answer").required().max_len(ANSWER_MAX).value();
        if let Err(invalid) = f.finish() {
            let form = Form::new("jobs-answer")
                .label("answer", "application-answer")
                .sent(req)
                .errors(&invalid);
            return Ok(application_page(req, &app, &offer, form));
        }
        let now = store::now_utc();
        let changed = db::update(tables::APPLICATIONS)
            .filter(eq(col::ID, app.id))
            .filter(ne(col::STATUS, ANSWERED))
            .set(col::ANSWER, answer.as_str())
            .set(col::ANSWERED_AT, now.as_str())
            .set(col::STATUS, ANSWERED)
            .run()?;
        if changed == 0 {
            return Err(Error::conflict("application-already-answered"));
        }
        let title = one_line(&offer.title);
        let employer = offer.employer_name.clone().unwrap_or_default();
        let subject = i18n::t_args("application-mail-answer-subject", &[("title", &title)]);
        let body = format!(
            "{}\n\n{}\n\n{}",
            i18n::t_args(
                "application-mail-answer-intro",
                &[("employer", &employer), ("title", &title)],
            ),
            answer,
            i18n::t_args(
                "application-mail-answer-link",
                &[("link", &ctx.absolute(&mine_path(ctx, Some(app.id))))],
            ),
        );
        if let Err(e) = mail::send(&app.user_id, &subject, &body) {
            log::warn!("application {}: the applicant was not mailed: {e}", app.id);
        }
        return Ok(redirect(application_path(ctx, app.id))
            .notice("application-answer-sent")
            .into());
    }
    if app.status == SENT {
        db::update(tables::APPLICATIONS)
            .filter(eq(col::ID, app.id))
            .filter(eq(col::STATUS, SENT))
            .set(col::STATUS, READ)
            .run()?;
        app.status = READ.into();
    }
    Ok(application_page(
        req,
        &app,
        &offer,
        Form::new("jobs-answer").label("answer", "application-answer"),
    ))
}

fn application_page(req: &Request, app: &Application, offer: &Offer, form: Form) -> Response {
    let ctx = req.context();
    view("application.html")
        .title(i18n::t_args(
            "application-title",
            &[("name", &app.user_name)],
        ))
        .crumb(
            i18n::t("applications-employer-space"),
            req.url("/espace-employeur"),
        )
        .crumb(
            offer.title.clone(),
            req.url(&format!(
                "/espace-employeur/offres/{}/candidatures",
                offer.id
            )),
        )
        .set("application", shown(ctx, app))
        .set("offer", display::offer(ctx, offer))
        .set("answer_max", ANSWER_MAX)
        .form(form)
        .into()
}

/// The CV of an application, for the employer it was sent to.
///
/// # Errors
/// `not-found` when it was not sent to them, when it had no CV, or (saying
/// when) once the CV was deleted; storage failures.
pub fn cv(req: &Request) -> Result<Response, Error> {
    let app = received(req, req.param_id("id")?)?;
    if let Some(deleted) = &app.cv_deleted_at {
        let settings = Settings::load()?;
        return Err(Error::not_found(i18n::t_args(
            "application-cv-deleted",
            &[
                ("date", &display::long_day(Some(deleted), req.locale())),
                ("days", &settings.cv_days.to_string()),
            ],
        )));
    }
    let rows = db::select(tables::APPLICATIONS)
        .columns(&[col::CV])
        .filter(eq(col::ID, app.id))
        .rows()?;
    let bytes = rows
        .rows
        .into_iter()
        .next()
        .and_then(|row| row.into_iter().next())
        .and_then(|value| match value {
            Value::Bytes(bytes) => Some(bytes),
            _ => None,
        })
        .ok_or_else(|| Error::not_found("application-no-cv"))?;
    let name = safe_name(app.cv_name.as_deref().unwrap_or("cv.pdf"));
    Ok(download("application/pdf", name, bytes).into())
}

// Keeping no longer than said ------------------------------------------------------

/// A moment as stored in `datetime` columns (`YYYY-MM-DDTHH:MM:SSZ`).
pub fn utc_text(at: DateTime) -> String {
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        at.date(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// Deletes the CVs sent more than `cv_days` days ago (the application
/// stays, with `cv_deleted_at`) and the applications sent more than
/// `applications_months` months ago; at most 1,000 of each per call, the
/// rest at the next run.
///
/// # Errors
/// Storage failures.
pub fn purge(_ctx: &Context) -> Result<(), Error> {
    let settings = Settings::load()?;
    let now = clock::now();
    let cv_days = settings.cv_days.max(1);
    let cv_before = utc_text(DateTime::from_unix_millis(
        now.unix_millis - cv_days * 86_400_000,
    ));
    let months = i32::try_from(settings.applications_months.clamp(1, 120)).unwrap_or(12);
    let utc = now.utc_datetime();
    let app_before = format!(
        "{}T{:02}:{:02}:{:02}Z",
        utc.date().add_months(-months),
        utc.hour(),
        utc.minute(),
        utc.second()
    );

    #[derive(Deserialize)]
    struct Id {
        id: i64,
    }
    let old: Vec<Id> = db::select(tables::APPLICATIONS)
        .columns(&[col::ID])
        .filter(lt(col::CREATED_AT, app_before.as_str()))
        .order_asc(col::CREATED_AT)
        .limit(PURGE_BATCH)
        .fetch()?;
    if !old.is_empty() {
        let n = db::delete(tables::APPLICATIONS)
            .filter(one_of(col::ID, old.iter().map(|r| r.id)))
            .run()?;
        log::info!("{n} application(s) older than {months} months deleted");
    }

    let stale: Vec<Id> = db::select(tables::APPLICATIONS)
        .columns(&[col::ID])
        .filter(lt(col::CREATED_AT, cv_before.as_str()))
        .filter(not_null(col::CV))
        .order_asc(col::CREATED_AT)
        .limit(PURGE_BATCH)
        .fetch()?;
    if !stale.is_empty() {
        let n = db::update(tables::APPLICATIONS)
            .filter(one_of(col::ID, stale.iter().map(|r| r.id)))
            .set(col::CV, Value::Null)
            .set(col::CV_DELETED_AT, now.utc.as_str())
            .run()?;
        log::info!("{n} CV(s) older than {cv_days} days deleted");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAX: usize = 16 * 1024;

    #[test]
    fn a_pdf_is_known_by_its_bytes_not_its_name() {
        assert!(is_pdf(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"));
        assert!(is_pdf(b"\n\n%PDF-1.7"));
        assert!(!is_pdf(b"Bonjour, je suis un CV en texte."));
        assert!(!is_pdf(b""));
    }

    #[test]
    fn no_file_chosen_is_no_cv() {
        assert_eq!(read_cv(Some(""), Some(""), None, MAX), Ok(None));
        assert_eq!(read_cv(None, None, None, MAX), Ok(None));
    }

    #[test]
    fn a_text_file_named_pdf_is_refused() {
        let got = read_cv(Some("cv.pdf"), Some("Mon CV"), None, MAX);
        assert_eq!(got, Err(CvProblem::NotPdf));
    }

    #[test]
    fn a_binary_pdf_comes_as_base64_and_is_kept_whole() {
        let bytes = b"%PDF-1.4\n\x00\xff binary".to_vec();
        let encoded = base64::engine::general_purpose::STANDARD.encode(&bytes);
        let got = read_cv(
            Some("C:\\Users\\sam\\Mon CV.pdf"),
            Some(""),
            Some(&encoded),
            MAX,
        );
        assert_eq!(
            got,
            Ok(Some(Cv {
                name: "Mon CV.pdf".into(),
                bytes
            }))
        );
    }

    #[test]
    fn a_cv_over_the_limit_says_both_sizes() {
        let bytes = [b"%PDF-1.4".as_slice(), &vec![b'x'; MAX]].concat();
        let encoded = base64::engine::general_purpose::STANDARD.encode(&bytes);
        let got = read_cv(Some("cv.pdf"), None, Some(&encoded), MAX);
        assert_eq!(got, Err(CvProblem::TooLarge(17, 16)));
        assert_eq!(
            read_cv(Some("cv.pdf"), None, Some("not base64 at all!"), MAX),
            Err(CvProblem::Unreadable)
        );
        assert_eq!(
            read_cv(Some("cv.pdf"), Some(""), None, MAX),
            Err(CvProblem::Empty)
        );
    }

    #[test]
    fn file_names_are_made_safe() {
        assert_eq!(safe_name("../../etc/passwd"), "passwd.pdf");
        assert_eq!(safe_name("cv \"final\".PDF"), "cv final.PDF");
        assert_eq!(safe_name(""), "cv.pdf");
        assert_eq!(safe_name(".pdf"), "pdf.pdf");
        let long = format!("{}.pdf", "a".repeat(300));
        let safe = safe_name(&long);
        assert_eq!(safe.chars().count(), CV_NAME_MAX);
        assert!(safe.ends_with(".pdf"));
    }
}
