//! A home as the pages show it: the words of its codes in the page's
//! language, its dates and amounts written out, its description as safe
//! HTML. Every page that shows a home (the public page, the landlord's
//! preview, the moderation page, the lists) goes through [`home`] and the
//! template `_home_body.html`, so that a home reads the same everywhere.

use estive_kit::markdown;
use estive_sdk::prelude::*;
use serde_json::Value;

use crate::model::Home;
use crate::store::Settings;

/// A date column written out (« 12 décembre 2026 »), or empty.
pub fn long_date(date: &str, locale: &str) -> String {
    Date::parse(date)
        .map(|d| d.long(locale))
        .unwrap_or_default()
}

/// An amount in euros as people read it: « 1 250 € », « 450,50 € ».
pub fn euros(amount: f64, locale: &str) -> String {
    let cents = (amount * 100.0).round() as i64;
    let (units, rest) = (cents / 100, (cents % 100).abs());
    let digits = units.abs().to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(if locale == "fr" { '\u{202f}' } else { ',' });
        }
        grouped.push(c);
    }
    let sign = if cents < 0 { "-" } else { "" };
    let decimals = if rest == 0 {
        String::new()
    } else if locale == "fr" {
        format!(",{rest:02}")
    } else {
        format!(".{rest:02}")
    };
    if locale == "fr" {
        format!("{sign}{grouped}{decimals}\u{a0}€")
    } else {
        format!("{sign}€{grouped}{decimals}")
    }
}

/// A number with the page's decimal separator (« 2,3 »).
pub fn decimal(value: f64, locale: &str) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.').to_string();
    if locale == "fr" {
        text.replace('.', ",")
    } else {
        text
    }
}

/// The description as safe HTML (Markdown, sanitised like the forums').
pub fn description_html(home: &Home) -> String {
    markdown::render(&home.description, &|_| None)
}

/// The portal path of a home's public page.
pub fn public_path(ctx: &Context, id: i64) -> String {
    ctx.url_in("portal", &format!("/annonces/{id}"))
        .unwrap_or_else(|| format!("/logements/annonces/{id}"))
}

/// The portal path of a photo.
pub fn photo_path(ctx: &Context, home_id: i64, photo_id: i64) -> String {
    ctx.url_in("portal", &format!("/annonces/{home_id}/photos/{photo_id}"))
        .unwrap_or_else(|| format!("/logements/annonces/{home_id}/photos/{photo_id}"))
}

/// A home for the templates (`_home_body.html`, the lists): its columns
/// plus what a person reads. The exact address is left out: pages that
/// may show it (the accepted conversation, the landlord's own pages) add
/// it themselves.
pub fn home(ctx: &Context, home: &Home, settings: &Settings) -> Value {
    let locale = ctx.locale();
    let mut v = serde_json::to_value(home).unwrap_or_else(|_| json!({}));
    let places = settings.places();
    let distances: Vec<Value> = [
        (&places[0], home.minutes_lifts),
        (&places[1], home.minutes_resort),
        (&places[2], home.minutes_town),
    ]
    .into_iter()
    .filter_map(|(place, minutes)| minutes.map(|m| json!({ "place": place, "minutes": m })))
    .collect();
    if let Value::Object(map) = &mut v {
        map.remove("address");
        map.insert("seasons".into(), json!(home.seasons));
        map.insert("details".into(), home.details.clone());
        let extra = json!({
            "url": public_path(ctx, home.id),
            "cover_url": home.cover_photo.map(|p| photo_path(ctx, home.id, p)),
            "description_html": description_html(home),
            "kind_text": i18n::t(&format!("kind-{}", home.kind)),
            "lease_text": i18n::t(&format!("lease-{}", home.lease)),
            "landlord_kind_text": i18n::t(&format!("landlord-kind-{}", home.landlord_kind)),
            "seasons_text": home.seasons.iter().map(|s| i18n::t(&format!("season-{s}"))).collect::<Vec<_>>(),
            "status_text": i18n::t(&format!("status-{}", home.status)),
            "from_text": long_date(&home.available_from, locale),
            "to_text": long_date(&home.available_to, locale),
            "rent_text": euros(home.rent, locale),
            "charges_text": euros(home.charges, locale),
            "monthly_text": euros(home.monthly(), locale),
            "deposit_text": euros(home.deposit, locale),
            "surface_text": decimal(home.surface, locale),
            "ceiling_text": home.ceiling.map(|c| decimal(c, locale)),
            "distances": distances,
            "closed": home.closed(),
        });
        if let Value::Object(extra) = extra {
            map.extend(extra);
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn euros_read_as_people_write_them() {
        assert_eq!(euros(1250.0, "fr"), "1\u{202f}250\u{a0}€");
        assert_eq!(euros(450.5, "fr"), "450,50\u{a0}€");
        assert_eq!(euros(1250.0, "en"), "€1,250");
        assert_eq!(euros(0.0, "fr"), "0\u{a0}€");
        assert_eq!(decimal(2.2, "fr"), "2,2");
        assert_eq!(decimal(12.0, "en"), "12");
    }
}
