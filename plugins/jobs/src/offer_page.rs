//! An offer's public page: the offer as every page shows it
//! (`_offer_body.html`), how to apply, and its schema.org `JobPosting`
//! for search engines.
//!
//! A published offer is shown to anyone. A filled or expired one is still
//! shown, marked closed and without a way to apply, for those who kept
//! its address. Any other status (a draft, one waiting for review,
//! refused, withdrawn) is not found for the public, but its employer and
//! staff see it, with a banner saying it is a preview and why.

use estive_sdk::prelude::*;
use serde_json::Value;

use crate::access::Access;
use crate::model::{FRANCE_TRAVAIL, Offer, PUBLISHED};
use crate::{display, search, store};

/// France Travail's public page of an offer, when the import gave no
/// address of the original.
const FRANCE_TRAVAIL_OFFER: &str = "https://candidat.francetravail.fr/offres/recherche/detail/";

/// The offer's page.
///
/// # Errors
/// `not-found` for an offer the person may not see; storage failures.
pub fn show(req: &Request) -> Result<Response, Error> {
    let ctx = req.context();
    let id = req.param_id("id")?;
    let offer = store::offer(id)?;
    let preview = if offer.public() || offer.closed() {
        None
    } else {
        let access = Access::of(req)?;
        if access.owns(&offer) {
            Some("owner")
        } else if access.moderates {
            Some("staff")
        } else {
            return Err(Error::not_found("offer-not-found"));
        }
    };

    let shown = display::offer(ctx, &offer);
    let json_ld = if offer.public() {
        Some(script_json(&job_posting(ctx, &offer)))
    } else {
        None
    };
    let list = search::list_path(ctx, "");
    Ok(view("offer.html")
        .title(offer.title.clone())
        .crumb(i18n::t("jobs-title"), list.clone())
        .set("offer", shown)
        .set("apply", apply(ctx, &offer))
        .set("preview", preview)
        .set(
            "edit_url",
            (preview == Some("owner")).then(|| req.url(&format!("/espace-employeur/offres/{id}"))),
        )
        .set(
            "review_url",
            (preview == Some("staff"))
                .then(|| ctx.url_in("extranet", &format!("/offres/{id}")))
                .flatten(),
        )
        .set("json_ld", json_ld)
        .set("list_url", list)
        .set("css", search::stylesheet())
        .into())
}

/// How to apply to the offer, for the template: `kind` (`site`, `mail`,
/// `link`, `francetravail`, or none when it takes no application) and the
/// address to follow.
fn apply(ctx: &Context, offer: &Offer) -> Value {
    if offer.status != PUBLISHED {
        return json!({ "kind": null });
    }
    if offer.imported() {
        let url = offer
            .source_url
            .clone()
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
            .or_else(|| {
                offer
                    .external_id
                    .as_ref()
                    .map(|id| format!("{FRANCE_TRAVAIL_OFFER}{}", estive_sdk::url::encode(id)))
            });
        // The application address France Travail gives (`urlPostulation`),
        // when it is a web address.
        let address = offer
            .details
            .get("urlPostulation")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
        return json!({ "kind": "francetravail", "url": url, "address": address });
    }
    match offer.apply_mode.as_str() {
        "link" => {
            let url = offer
                .apply_url
                .clone()
                .filter(|u| u.starts_with("https://"));
            json!({ "kind": "link", "url": url })
        }
        mode => {
            let url = ctx.url(&format!("/offres/{}/postuler", offer.id));
            json!({
                "kind": if mode == "mail" { "mail" } else { "site" },
                "url": url,
                "signed_in": ctx.user().is_some(),
            })
        }
    }
}

/// schema.org's `employmentType` of a contract.
fn employment_type(contract: &str) -> &'static str {
    match contract {
        "seasonal" | "cdd" | "interim" => "TEMPORARY",
        "cdi" => "FULL_TIME",
        "internship" => "INTERN",
        _ => "OTHER",
    }
}

/// The site's offset from UTC now, as `+01:00`.
fn site_offset() -> String {
    let now = clock::now();
    let minutes =
        (display::millis(now.local_datetime()) - display::millis(now.utc_datetime())) / 60_000;
    let sign = if minutes < 0 { '-' } else { '+' };
    let minutes = minutes.abs();
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// A text of an imported offer's details, looked for at the top and
/// under `lieuTravail`.
fn detail(offer: &Offer, key: &str) -> Option<String> {
    let d = &offer.details;
    d.get(key)
        .or_else(|| d.get("lieuTravail").and_then(|l| l.get(key)))
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The offer's schema.org `JobPosting`: what search engines read. Never
/// any contact detail of the employer.
pub fn job_posting(ctx: &Context, offer: &Offer) -> Value {
    let site = ctx.site();
    let url = ctx.absolute(&display::public_path(ctx, offer.id));
    let mut posting = json!({
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": offer.title,
        "description": display::description_html(offer),
        "url": url,
        "employmentType": employment_type(&offer.contract),
        "hiringOrganization": {
            "@type": "Organization",
            "name": offer
                .employer_name
                .clone()
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| i18n::t("offer-page-employer-unknown")),
        },
        "validThrough": format!("{}T23:59:59{}", offer.expires_on, site_offset()),
        "identifier": {
            "@type": "PropertyValue",
            "name": if offer.imported() { "France Travail".to_string() } else { site.name.clone() },
            "value": if offer.imported() {
                offer.external_id.clone().unwrap_or_else(|| offer.id.to_string())
            } else {
                offer.id.to_string()
            },
        },
    });
    let Value::Object(map) = &mut posting else {
        return posting;
    };
    // An imported offer was posted when France Travail created it, not
    // when it reached this board.
    let posted = offer
        .details
        .get("dateCreation")
        .and_then(Value::as_str)
        .map(str::to_string)
        .or_else(|| offer.published_at.clone());
    if let Some(at) = posted {
        map.insert("datePosted".into(), json!(at));
    }
    let mut address = serde_json::Map::new();
    address.insert("@type".into(), json!("PostalAddress"));
    if let Some(street) = offer.address.as_ref().filter(|a| !a.trim().is_empty()) {
        address.insert("streetAddress".into(), json!(street));
    }
    if let Some(commune) = offer.commune.as_ref().filter(|c| !c.trim().is_empty()) {
        address.insert("addressLocality".into(), json!(commune));
    }
    if let Some(code) = detail(offer, "codePostal") {
        address.insert("postalCode".into(), json!(code));
    }
    address.insert("addressCountry".into(), json!("FR"));
    map.insert(
        "jobLocation".into(),
        json!({ "@type": "Place", "address": Value::Object(address) }),
    );
    if let Some(min) = offer.pay_min.filter(|v| v.is_finite() && *v > 0.0) {
        let mut value = serde_json::Map::new();
        value.insert("@type".into(), json!("QuantitativeValue"));
        value.insert("minValue".into(), json!(min));
        match offer.pay_max.filter(|v| v.is_finite() && *v >= min) {
            Some(max) => value.insert("maxValue".into(), json!(max)),
            None => value.insert("value".into(), json!(min)),
        };
        value.insert(
            "unitText".into(),
            json!(offer.pay_unit.clone().unwrap_or_else(|| "MONTH".into())),
        );
        map.insert(
            "baseSalary".into(),
            json!({ "@type": "MonetaryAmount", "currency": "EUR", "value": Value::Object(value) }),
        );
    }
    if offer.source != FRANCE_TRAVAIL && offer.apply_mode == "site" {
        map.insert("directApply".into(), json!(true));
    }
    if !offer.skills.is_empty() {
        map.insert("skills".into(), json!(offer.skills.join(", ")));
    }
    posting
}

/// JSON that may stand inside a `<script>` element: `<`, `>` and `&`
/// are written as `\u003c`, `\u003e`, `\u0026` (the same string to a
/// JSON reader), so that no text of the offer can close the element.
pub fn script_json(value: &Value) -> String {
    let text = value.to_string();
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_closes_no_element_and_reads_back_the_same() {
        let value = json!({ "title": "Chef </script><script>alert(1)</script> & co" });
        let text = script_json(&value);
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn contracts_have_a_schema_org_type() {
        assert_eq!(employment_type("seasonal"), "TEMPORARY");
        assert_eq!(employment_type("cdi"), "FULL_TIME");
        assert_eq!(employment_type("internship"), "INTERN");
        assert_eq!(employment_type("apprenticeship"), "OTHER");
    }
}
