//! Set-up that canteen managers change themselves: the daily deadline
//! (overriding the site's default setting) and the caterer.
//!
//! The host's plugin settings are edited by the site's administrator only;
//! the issue wants the canteen's managers (elected officials) to set the
//! deadline and the caterer, so these live in the plugin's `options` table
//! and win over the site settings.

use std::collections::BTreeMap;

use estive_sdk::prelude::*;
use serde_json::Value;

use crate::access::MANAGE;
use crate::model;
use crate::rules::{DeadlineDay, Rules, Settings, parse_time};
use crate::{crumbs, form_errors, tr};

const TEXTS: [(&str, usize); 3] = [
    ("caterer_name", 100),
    ("caterer_contact", 200),
    ("caterer_notes", 500),
];

/// GET and POST: the deadline and the caterer.
pub fn page(req: &Request) -> Result<Response, Error> {
    let user = req.require_permission(MANAGE)?;
    let stored = model::options()?;
    let mut values: BTreeMap<String, Value> =
        stored.iter().map(|(k, v)| (k.clone(), json!(v))).collect();
    let mut errors = None;
    if req.is_post() {
        let mut f = req.validator();
        let day_codes: Vec<&str> = DeadlineDay::ALL.iter().map(|d| d.code()).collect();
        let day = f.choice("deadline_day", &day_codes).optional();
        let time = f.text("deadline_time").max_len(5).optional();
        if let Some(t) = &time {
            f.check(
                parse_time(t).is_some(),
                "deadline_time",
                "deadline-time-invalid",
            );
        }
        let texts: Vec<(&str, Option<String>)> = TEXTS
            .iter()
            .map(|(name, max)| (*name, f.text(name).max_len(*max).optional()))
            .collect();
        match f.finish() {
            Ok(()) => {
                let mut entries: Vec<(&str, Option<String>)> = vec![
                    ("deadline_day", day),
                    (
                        "deadline_time",
                        time.and_then(|t| parse_time(&t))
                            .map(|(h, m)| format!("{h:02}:{m:02}")),
                    ),
                ];
                entries.extend(texts);
                let mut tx = db::transaction();
                for (key, value) in &entries {
                    match value {
                        Some(v) => {
                            tx.upsert("options", &json!({ "key": key, "value": v }), &["key"]);
                        }
                        None => {
                            tx.delete(db::delete("options").filter(eq("key", *key)));
                        }
                    }
                }
                let changed: BTreeMap<&str, &Option<String>> =
                    entries.iter().map(|(k, v)| (*k, v)).collect();
                tx.audit(
                    "canteen.options.saved",
                    "options",
                    &json!({ "values": changed, "by": user.name }),
                );
                tx.commit()?;
                return Ok(redirect(req.url("/gestion/reglages"))
                    .notice("options-saved")
                    .into());
            }
            Err(e) => {
                values = req
                    .form_values()
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), json!(v)))
                    .collect();
                errors = Some(e);
            }
        }
    }
    let settings: Settings = config::settings().unwrap_or_default();
    let site_default = Rules::from(&settings, &BTreeMap::new());
    let effective = Rules::from(&settings, &stored);
    let (field_errors, summary) = errors
        .as_ref()
        .map(|e| form_errors(e, "canteen-options-"))
        .unwrap_or_default();
    let title = i18n::t("options-title");
    let title = if summary.is_empty() {
        title
    } else {
        format!(
            "{} – {title}",
            tr(
                "errors-title-prefix",
                &[("count", summary.len().to_string())]
            )
        )
    };
    Ok(view("options.html")
        .title(title)
        .status(if summary.is_empty() { 200 } else { 422 })
        .set(
            "breadcrumb",
            crumbs(req, &[(i18n::t("setup-title"), req.url("/gestion"))]),
        )
        .set("values", values)
        .set("errors", field_errors)
        .set("summary", summary)
        .set(
            "site_default",
            json!({ "day": site_default.deadline_day.code(), "time": site_default.deadline_time_text() }),
        )
        .set(
            "effective",
            json!({ "day": effective.deadline_day.code(), "time": effective.deadline_time_text() }),
        )
        .set(
            "days",
            DeadlineDay::ALL.iter().map(|d| d.code()).collect::<Vec<_>>(),
        )
        .into())
}
