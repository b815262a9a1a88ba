//! An offer as the pages show it: the words of its codes in the page's
//! language, its dates written out, its description as safe HTML. Every
//! page that shows an offer (the public page, the employer's preview, the
//! moderation page, the lists) goes through [`offer`] and the template
//! `_offer_body.html`, so that an offer reads the same everywhere.

use estive_kit::markdown;
use estive_sdk::dates::DateTime;
use estive_sdk::prelude::*;
use serde_json::Value;

use crate::model::Offer;

/// The local date of a UTC `datetime` value, with the site's current
/// offset (enough for a date shown to a person).
pub fn local_date(utc: &str) -> Option<Date> {
    // Stored as `YYYY-MM-DDTHH:MM:SSZ`: the date and time without the zone.
    let at = DateTime::parse(utc.get(..19).unwrap_or(utc))?;
    let now = clock::now();
    let offset_ms = millis(now.local_datetime()) - millis(now.utc_datetime());
    Some(DateTime::from_unix_millis(millis(at) + offset_ms).date())
}

/// Milliseconds since 1970 of a date and time read as UTC.
pub fn millis(at: DateTime) -> i64 {
    let seconds = at.date().unix_days() * 86_400
        + i64::from(at.hour()) * 3_600
        + i64::from(at.minute()) * 60
        + i64::from(at.second());
    seconds * 1_000
}

/// A date column written out (« 12 décembre 2026 »), or empty.
pub fn long_date(date: Option<&str>, locale: &str) -> String {
    date.and_then(Date::parse)
        .map(|d| d.long(locale))
        .unwrap_or_default()
}

/// A `datetime` column's local day written out, or empty.
pub fn long_day(utc: Option<&str>, locale: &str) -> String {
    utc.and_then(local_date)
        .map(|d| d.long(locale))
        .unwrap_or_default()
}

/// Plain text (an imported offer's description) as HTML paragraphs, every
/// character escaped; single line breaks are kept.
pub fn plain_html(text: &str) -> String {
    let mut out = String::new();
    for para in text
        .replace("\r\n", "\n")
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        out.push_str("<p>");
        let lines: Vec<String> = para.lines().map(escape).collect();
        out.push_str(&lines.join("<br>\n"));
        out.push_str("</p>\n");
    }
    out
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The description as safe HTML: Markdown for a local offer, plain text
/// for an imported one.
pub fn description_html(offer: &Offer) -> String {
    if offer.imported() {
        plain_html(&offer.description)
    } else {
        markdown::render(&offer.description, &|_| None)
    }
}

/// The words of a contract code (`seasonal` → « Saisonnier »), or the
/// source's own words for an imported offer.
pub fn contract_text(offer: &Offer) -> String {
    match &offer.contract_label {
        Some(label) if offer.imported() && !label.trim().is_empty() => label.clone(),
        _ => i18n::t(&format!("contract-{}", offer.contract)),
    }
}

/// The words of a season code, or empty.
pub fn season_text(season: Option<&str>) -> String {
    season
        .filter(|s| !s.is_empty())
        .map(|s| i18n::t(&format!("season-{s}")))
        .unwrap_or_default()
}

/// The portal path of an offer's public page.
pub fn public_path(ctx: &Context, id: i64) -> String {
    ctx.url_in("portal", &format!("/offres/{id}"))
        .unwrap_or_else(|| format!("/emplois/offres/{id}"))
}

/// An offer for the templates (`_offer_body.html`, the lists): its columns
/// plus what a person reads.
pub fn offer(ctx: &Context, offer: &Offer) -> Value {
    let locale = ctx.locale();
    let mut v = serde_json::to_value(offer).unwrap_or_else(|_| json!({}));
    let details = &offer.details;
    let text = |key: &str| {
        details
            .get(key)
            .and_then(Value::as_str)
            .filter(|s| !s.trim().is_empty())
            .map(str::to_string)
    };
    if let Value::Object(map) = &mut v {
        let extra = json!({
            // Structured, not the JSON text the columns are written as.
            "skills": offer.skills,
            "languages": offer.languages,
            "details": offer.details,
            "url": public_path(ctx, offer.id),
            "description_html": description_html(offer),
            "contract_text": contract_text(offer),
            "season_text": season_text(offer.season.as_deref()),
            "status_text": i18n::t(&format!("status-{}", offer.status)),
            "starts_on_text": long_date(offer.starts_on.as_deref(), locale),
            "ends_on_text": long_date(offer.ends_on.as_deref(), locale),
            "expires_on_text": long_date(Some(&offer.expires_on), locale),
            "published_on_text": long_day(offer.published_at.as_deref(), locale),
            "source_updated_text": long_day(offer.source_updated_at.as_deref(), locale),
            "imported": offer.imported(),
            "closed": offer.closed(),
            "experience": text("experienceLibelle"),
            "qualification": text("qualificationLibelle"),
            "sector": text("secteurActiviteLibelle"),
            "trade": text("appellationlibelle").or_else(|| text("romeLibelle")),
            "working_time": text("dureeTravailLibelleConverti"),
            "pay_comment": text("salaireCommentaire"),
            "apply_address": text("urlPostulation"),
            "contact_name": text("contactNom"),
            "contact_details": text("contactCoordonnees"),
        });
        if let Value::Object(extra) = extra {
            map.extend(extra);
        }
    }
    v
}
