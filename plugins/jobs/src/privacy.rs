//! A person's data (RGPD): what the account's download holds, and what
//! erasing the account removes.
//!
//! What the plugin keeps, and for how long, is said to applicants under
//! the application form and on their list of applications (the message
//! `privacy-applicant`), and to employers when they ask for an account
//! (`privacy-employer`):
//!
//! - an application (message, CV, the employer's answer) is kept
//!   `applications_months` months, its CV `cv_days` days
//!   ([`crate::applying::purge`]); the applicant may withdraw it at any
//!   time, which deletes it;
//! - saved searches are kept until their owner deletes them;
//! - an employer's organisation and offers are public business
//!   information: when the account is erased the organisation keeps its
//!   name and its offers stay in the figures, but the link to the person,
//!   their phone and SIRET are removed, the record is suspended and its
//!   published offers withdrawn.

use base64::Engine as _;
use estive_sdk::db::Value;
use estive_sdk::prelude::*;
use serde::Deserialize;

use crate::model::{
    APPLICATION_COLUMNS, Alert, Application, Offer, PUBLISHED, SUSPENDED, WITHDRAWN,
};
use crate::{store, tables};

/// Most rows of a kind the download holds (a person has a few dozen).
const EXPORT_LIMIT: u32 = 5000;

/// The name an erased employer's record keeps for its account.
pub const ERASED_NAME: &str = "Compte supprimé";

/// The person's applications (with their CVs in base64), saved searches
/// and, for an employer, their organisation and its offers.
///
/// # Errors
/// Storage failures.
pub fn export(user_id: &str) -> Result<serde_json::Value, Error> {
    let applications: Vec<Application> = db::select(tables::APPLICATIONS)
        .columns(&APPLICATION_COLUMNS)
        .filter(eq(tables::applications::USER_ID, user_id))
        .order_asc(tables::applications::CREATED_AT)
        .limit(EXPORT_LIMIT)
        .fetch()?;
    let mut listed = Vec::with_capacity(applications.len());
    for app in &applications {
        let mut v = serde_json::to_value(app)?;
        let cv = if app.cv_size.is_some() && app.cv_deleted_at.is_none() {
            cv_bytes(app.id)?
        } else {
            None
        };
        v["offer_title"] = json!(offer_title(app.offer_id)?);
        v["cv_base64"] = json!(cv.map(|b| base64::engine::general_purpose::STANDARD.encode(b)));
        listed.push(v);
    }
    let alerts: Vec<Alert> = db::select(tables::ALERTS)
        .filter(eq(tables::alerts::USER_ID, user_id))
        .order_asc(tables::alerts::CREATED_AT)
        .limit(EXPORT_LIMIT)
        .fetch()?;
    let employer = store::employer_of(user_id)?;
    let offers: Vec<Offer> = match &employer {
        Some(e) => db::select(tables::OFFERS)
            .filter(eq(tables::offers::EMPLOYER_ID, e.id))
            .order_asc(tables::offers::CREATED_AT)
            .limit(EXPORT_LIMIT)
            .fetch()?,
        None => Vec::new(),
    };
    Ok(json!({
        "about": "Emplois saisonniers: applications (each CV, while the site keeps it, as `cv_base64`: the PDF file's bytes in base64), saved searches (`alerts`), and for an employer their organisation (`employer`) and its offers (`offers`).",
        "applications": listed,
        "alerts": alerts,
        "employer": employer,
        "offers": offers,
    }))
}

/// The title of an offer, if it is still there.
fn offer_title(id: i64) -> Result<Option<String>, Error> {
    #[derive(Deserialize)]
    struct Title {
        title: String,
    }
    Ok(db::select(tables::OFFERS)
        .columns(&[tables::offers::TITLE])
        .filter(eq(tables::offers::ID, id))
        .first::<Title>()?
        .map(|t| t.title))
}

/// The bytes of an application's CV, if it still has one.
fn cv_bytes(id: i64) -> Result<Option<Vec<u8>>, Error> {
    let rows = db::select(tables::APPLICATIONS)
        .columns(&[tables::applications::CV])
        .filter(eq(tables::applications::ID, id))
        .rows()?;
    Ok(rows
        .rows
        .into_iter()
        .next()
        .and_then(|row| row.into_iter().next())
        .and_then(|value| match value {
            Value::Bytes(bytes) => Some(bytes),
            _ => None,
        }))
}

/// Erases the person's applications and saved searches; an employer's
/// record is cut from the person (see the module's documentation), the
/// CVs sent to it deleted, its published offers withdrawn.
///
/// # Errors
/// Storage failures (nothing is changed then: one transaction).
pub fn erase(user_id: &str) -> Result<(), Error> {
    let now = store::now_utc();
    let mut tx = db::transaction();
    tx.delete(db::delete(tables::APPLICATIONS).filter(eq(tables::applications::USER_ID, user_id)));
    tx.delete(db::delete(tables::ALERTS).filter(eq(tables::alerts::USER_ID, user_id)));
    tx.update(
        db::update(tables::OFFERS)
            .filter(eq(tables::offers::CREATED_BY, user_id))
            .set(tables::offers::CREATED_BY, Value::Null),
    );
    if let Some(employer) = store::employer_of(user_id)? {
        tx.update(
            db::update(tables::EMPLOYERS)
                .filter(eq(tables::employers::ID, employer.id))
                .set(
                    tables::employers::USER_ID,
                    format!("erased-{}", employer.id),
                )
                .set(tables::employers::USER_NAME, ERASED_NAME)
                .set(tables::employers::PHONE, Value::Null)
                .set(tables::employers::SIRET, Value::Null)
                .set(tables::employers::STATUS, SUSPENDED),
        );
        tx.update(
            db::update(tables::OFFERS)
                .filter(eq(tables::offers::EMPLOYER_ID, employer.id))
                .filter(eq(tables::offers::STATUS, PUBLISHED))
                .set(tables::offers::STATUS, WITHDRAWN)
                .set(tables::offers::CLOSED_AT, now.as_str())
                .set(tables::offers::UPDATED_AT, now.as_str()),
        );
        // Nobody is left to read the CVs sent to the organisation.
        tx.update(
            db::update(tables::APPLICATIONS)
                .filter(eq(tables::applications::EMPLOYER_ID, employer.id))
                .filter(not_null(tables::applications::CV))
                .set(tables::applications::CV, Value::Null)
                .set(tables::applications::CV_DELETED_AT, now.as_str()),
        );
    }
    tx.commit()?;
    Ok(())
}
