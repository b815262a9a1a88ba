//! Set-up that canteen managers change themselves: the daily deadline
//! (overriding the site's default setting) and the caterer.
//!
//! The host's plugin settings are edited by the site's administrator only;
//! the issue wants the canteen's managers (elected officials) to set the
//! deadline and the caterer, so these live in the plugin's `options` table
//! and win over the site settings.

use std::collections::BTreeMap;

use estive_sdk::form::Form;
use estive_sdk::prelude::*;

use crate::access::MANAGE;
use crate::model;
use crate::rules::{DeadlineDay, Rules, Settings, parse_time};

const TEXTS: [(&str, usize); 3] = [
    ("caterer_name", 100),
    ("caterer_contact", 200),
    ("caterer_notes", 500),
];

/// GET and POST: the deadline and the caterer.
pub fn page(req: &Request) -> Result<Response, Error> {
    let user = req.require_permission(MANAGE)?;
    let stored = model::options()?;
    let mut form = Form::new("canteen-options")
        .label("deadline_day", "deadline-day")
        .label("deadline_time", "deadline-time")
        .label("caterer_name", "caterer-name")
        .label("caterer_contact", "caterer-contact")
        .label("caterer_notes", "caterer-notes");
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
            Err(invalid) => form = form.sent(req).errors(&invalid),
        }
    } else {
        form = form.values(&stored);
    }
    let settings: Settings = config::settings().unwrap_or_default();
    let site_default = Rules::from(&settings, &BTreeMap::new());
    let effective = Rules::from(&settings, &stored);
    let days: Vec<serde_json::Value> = DeadlineDay::ALL
        .iter()
        .map(|d| {
            json!({ "value": d.code(), "label": i18n::t(&format!("deadline-day-{}", d.code())) })
        })
        .collect();
    Ok(view("options.html")
        .title(i18n::t("options-title"))
        .crumb(i18n::t("canteen-title"), req.url("/"))
        .crumb(i18n::t("setup-title"), req.url("/gestion"))
        .set(
            "site_default",
            json!({ "day": site_default.deadline_day.code(), "time": site_default.deadline_time_text() }),
        )
        .set(
            "effective",
            json!({ "day": effective.deadline_day.code(), "time": effective.deadline_time_text() }),
        )
        .set("days", days)
        .form(form)
        .into())
}
