//! Saved searches, mailed daily.
//!
//! A person saves the filters of the list page ([`Filters`], kept as JSON
//! without their order) under a name, at most [`MAX_ALERTS`] of them.
//! Every morning from 07:00 the scheduled task ([`send`]) looks, for each
//! saved search not yet checked that day, for homes published since the
//! last digest (the first time: since it was saved; a home's
//! `published_at` is set at its first publication, so an edited home is
//! not mailed again), and mails one message per person grouping their
//! searches. A search with nothing new is marked checked all the same,
//! without a mail; a mail the host refuses (an account gone, without an
//! address) is logged and not tried again: the next digest carries on
//! from there.

use estive_kit::saved_searches;
use estive_sdk::db::Measure;
use estive_sdk::form::Form;
use estive_sdk::prelude::*;
use serde::Serialize;
use serde_json::Value;

use crate::model::Alert;
use crate::search::{self, Filters, Found};
use crate::store::{self, Commune, Settings};
use crate::{display, home_page, tables};

/// The most searches a person saves.
pub const MAX_ALERTS: u64 = 20;

/// The longest name of a saved search.
const MAX_NAME: usize = 100;

/// People mailed by one run of the task (the host sends at most 50
/// messages a call); the next run, 15 minutes later, carries on.
const PEOPLE_PER_RUN: u32 = 50;

/// Homes listed per saved search in a digest; the rest is a link away.
const HOMES_PER_ALERT: u32 = 10;

/// Digests leave from this local hour on.
const SEND_FROM_HOUR: u32 = 7;

/// A saved search being written.
#[derive(Serialize)]
struct NewAlert<'a> {
    user_id: &'a str,
    name: &'a str,
    query: Value,
    created_at: String,
}

/// The filters a saved search keeps; a value that no longer reads (an
/// older shape) gives no filter rather than failing the digest.
fn filters_of(alert: &Alert) -> Filters {
    // A `json` column may come back as its text.
    let filters: Filters = match &alert.query {
        Value::String(text) => serde_json::from_str(text).unwrap_or_default(),
        other => serde_json::from_value(other.clone()).unwrap_or_default(),
    };
    filters.unsorted()
}

/// The person's saved searches, oldest first.
fn alerts_of(user_id: &str) -> Result<Vec<Alert>, Error> {
    db::select(tables::ALERTS)
        .filter(eq(tables::alerts::USER_ID, user_id))
        .order_asc(tables::alerts::CREATED_AT)
        .order_asc(tables::alerts::ID)
        .limit(200)
        .fetch()
}

/// The name offered for a search: its filters in words.
fn default_name(filters: &Filters, locale: &str) -> String {
    let words = filters.describe(locale);
    let name = if words.is_empty() {
        i18n::t("alerts-all-homes")
    } else {
        words.join(", ")
    };
    if name.chars().count() > MAX_NAME {
        let cut: String = name.chars().take(MAX_NAME - 1).collect();
        format!("{}…", cut.trim_end())
    } else {
        name
    }
}

/// The portal path of the saved searches page.
fn alerts_path(ctx: &Context) -> String {
    ctx.url_in("portal", "/alertes")
        .unwrap_or_else(|| "/logements/alertes".to_string())
}

/// The saved searches page, and saving one (POST).
///
/// # Errors
/// Storage failures.
pub fn page(req: &Request) -> Result<Response, Error> {
    let communes = Settings::load()?.communes();
    if req.is_post() {
        return save(req, &communes);
    }
    let (filters, _) = Filters::from_query(req.query_pairs(), &communes);
    show(req, &filters.unsorted(), None)
}

/// The page, with the form to save `filters` (again with its errors when
/// `invalid`).
fn show(req: &Request, filters: &Filters, invalid: Option<&Error>) -> Result<Response, Error> {
    let ctx = req.context();
    let user = req.require_user()?;
    let locale = ctx.locale();
    let saved: Vec<Value> = alerts_of(&user.id)?
        .iter()
        .map(|a| {
            let f = filters_of(a);
            json!({
                "id": a.id,
                "name": a.name,
                "described": f.describe(locale),
                "run_url": search::list_path(ctx, &f.to_query()),
                "delete_url": req.url(&format!("/alertes/{}/supprimer", a.id)),
                "created_on_text": home_page::local_day(&a.created_at, locale),
                "last_sent_text": a
                    .last_sent_on
                    .as_deref()
                    .map(|d| display::long_date(d, locale)),
            })
        })
        .collect();
    let full = saved.len() as u64 >= MAX_ALERTS;
    let mut form = Form::new("housing-alert")
        .label("name", "alerts-name")
        .values(json!({ "name": default_name(filters, locale) }));
    if let Some(invalid) = invalid {
        form = form.sent(req).errors(invalid);
    }
    let hidden: Vec<Value> = filters
        .pairs()
        .into_iter()
        .map(|(name, value)| json!({ "name": name, "value": value }))
        .collect();
    Ok(view("alerts.html")
        .title(i18n::t("alerts-title"))
        .crumb(i18n::t("housing-title"), search::list_path(ctx, ""))
        .set("alerts", saved)
        .set("max", MAX_ALERTS)
        .set("full", full)
        .set("described", filters.describe(locale))
        .set("hidden", hidden)
        .set("search_url", search::list_path(ctx, &filters.to_query()))
        .set("css", search::stylesheet())
        .form(form)
        .into())
}

/// Saves the filters the form carries under the name given.
fn save(req: &Request, communes: &[Commune]) -> Result<Response, Error> {
    let user = req.require_user()?;
    // The filters travel as hidden fields: one that does not read any
    // more (a commune removed from the settings since) is left out.
    let (filters, _) = Filters::from_query(req.form_pairs(), communes);
    let filters = filters.unsorted();
    let mut f = req.validator();
    let name = f.text("name").required().max_len(MAX_NAME).value();
    let existing = alerts_of(&user.id)?;
    if existing.len() as u64 >= MAX_ALERTS {
        f.report(FieldError::new("name", "alerts-too-many").arg("max", MAX_ALERTS));
    } else if let Some(same) = existing.iter().find(|a| filters_of(a) == filters) {
        f.report(FieldError::new("name", "alerts-duplicate").arg("name", &same.name));
    }
    if let Err(invalid) = f.finish() {
        return show(req, &filters, Some(&invalid));
    }
    let row = NewAlert {
        user_id: &user.id,
        name: &name,
        query: serde_json::to_value(&filters)?,
        created_at: store::now_utc(),
    };
    let mut tx = db::transaction();
    // Two tabs saving at once still keep the bound.
    tx.expect(
        tables::ALERTS,
        [eq(tables::alerts::USER_ID, user.id.as_str())],
        Measure::count_rows(),
        None,
        Some((MAX_ALERTS - 1) as f64),
        "alerts-too-many-now",
    );
    tx.insert(tables::ALERTS, &row);
    tx.commit()?;
    Ok(redirect(req.url("/alertes")).notice("alerts-saved").into())
}

/// Deletes one of the person's saved searches.
///
/// # Errors
/// `not-found` for a search that is not theirs; storage failures.
pub fn delete(req: &Request) -> Result<Response, Error> {
    let user = req.require_user()?;
    let id = req.param_id("id")?;
    let deleted = db::delete(tables::ALERTS)
        .filter(eq(tables::alerts::ID, id))
        .filter(eq(tables::alerts::USER_ID, user.id.as_str()))
        .run()?;
    if deleted == 0 {
        return Err(Error::not_found("alerts-not-found"));
    }
    Ok(redirect(req.url("/alertes"))
        .notice("alerts-deleted")
        .into())
}

/// What one saved search found for a digest.
struct Matches {
    alert: Alert,
    filters: Filters,
    homes: Vec<Found>,
    total: u64,
}

/// Mails the day's digests: see the [module documentation](self).
///
/// # Errors
/// Storage failures (the searches not yet marked are taken up again at
/// the next run).
pub fn send(ctx: &Context) -> Result<(), Error> {
    let now = clock::now();
    if now.local_datetime().hour() < SEND_FROM_HOUR {
        return Ok(());
    }
    let today = now.date();
    let places = Settings::load()?.places();
    for (user_id, alerts) in saved_searches::due(tables::ALERTS, today, PEOPLE_PER_RUN)? {
        let mut found: Vec<Matches> = Vec::new();
        let mut tx = db::transaction();
        for alert in alerts {
            let filters = filters_of(&alert);
            let since = alert
                .seen_until
                .clone()
                .unwrap_or_else(|| alert.created_at.clone());
            let (homes, total) = search::newest(
                &filters,
                &[gt(tables::homes::PUBLISHED_AT, since.as_str())],
                HOMES_PER_ALERT,
            )?;
            // The newest home mailed; the older ones left out of the mail
            // are a link away, and never mailed later.
            let seen_until = homes
                .iter()
                .filter_map(|h| h.published_at.clone())
                .max()
                .unwrap_or(since);
            saved_searches::mark(&mut tx, tables::ALERTS, alert.id, today, &seen_until);
            if !homes.is_empty() {
                found.push(Matches {
                    alert,
                    filters,
                    homes,
                    total,
                });
            }
        }
        if !found.is_empty() {
            let (subject, body) = digest(ctx, &found, &places[0]);
            if let Err(e) = mail::send(&user_id, &subject, &body) {
                // An account gone or without an address: the search is
                // marked all the same, so that it is not tried forever.
                log::warn(&format!(
                    "saved searches of account {user_id}: digest not sent: {e}"
                ));
            }
        }
        tx.commit()?;
    }
    Ok(())
}

/// One home of a digest, in plain text: its title, its facts, its page.
fn home_lines(ctx: &Context, home: &Found, lifts: &str) -> String {
    let locale = ctx.locale();
    let mut facts: Vec<String> = vec![i18n::t(&format!("kind-{}", home.kind))];
    match home.area.as_deref().filter(|a| !a.trim().is_empty()) {
        Some(area) => facts.push(format!("{}, {area}", home.commune)),
        None => facts.push(home.commune.clone()),
    }
    facts.push(i18n::t_args(
        "alerts-mail-monthly",
        &[("amount", &display::euros(home.monthly(), locale))],
    ));
    facts.push(i18n::t_args(
        "alerts-mail-beds",
        &[("beds", &home.beds.to_string())],
    ));
    if let Some(minutes) = home.minutes_lifts {
        facts.push(i18n::t_args(
            "home-distance-value",
            &[("place", lifts), ("minutes", &minutes.to_string())],
        ));
    }
    let period = i18n::t_args(
        "home-period-value",
        &[
            ("from", &display::long_date(&home.available_from, locale)),
            ("to", &display::long_date(&home.available_to, locale)),
        ],
    );
    format!(
        "\n- {}\n  {}\n  {}\n  {}\n",
        home.title,
        facts.join(" · "),
        period,
        ctx.absolute(&display::public_path(ctx, home.id))
    )
}

/// The subject and plain text of a person's digest.
fn digest(ctx: &Context, found: &[Matches], lifts: &str) -> (String, String) {
    // A home several searches found counts once.
    let mut ids: Vec<i64> = found
        .iter()
        .flat_map(|f| f.homes.iter().map(|h| h.id))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let unlisted: u64 = found
        .iter()
        .map(|f| f.total.saturating_sub(f.homes.len() as u64))
        .sum();
    let count = ids.len() as u64 + unlisted;
    let count_text = count.to_string();
    let subject = i18n::t_args("alerts-mail-subject", &[("count", &count_text)]);
    let mut body = i18n::t_args("alerts-mail-intro", &[("site", &ctx.site().name)]);
    body.push_str("\n\n");
    for f in found {
        let total = f.total.to_string();
        body.push_str(&i18n::t_args(
            "alerts-mail-search",
            &[("name", &f.alert.name), ("count", &total)],
        ));
        body.push('\n');
        for home in &f.homes {
            body.push_str(&home_lines(ctx, home, lifts));
        }
        if f.total > f.homes.len() as u64 {
            let more = (f.total - f.homes.len() as u64).to_string();
            body.push_str(&format!(
                "\n{}\n{}\n",
                i18n::t_args("alerts-mail-more", &[("count", &more)]),
                ctx.absolute(&search::list_path(ctx, &f.filters.to_query()))
            ));
        }
        body.push('\n');
    }
    body.push_str(&i18n::t_args(
        "alerts-mail-stop",
        &[("url", &ctx.absolute(&alerts_path(ctx)))],
    ));
    body.push('\n');
    (subject, body)
}
