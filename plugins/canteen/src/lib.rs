//! School canteens: canteen staff count the day's meals per school, group
//! and meal type before a deadline; the kitchen gets an order sheet, the
//! finance office a monthly billing export, elected officials EGalim
//! figures. When a day is locked, the event `canteen.day-locked` carries
//! its totals (for `indicators`).
//!
//! Routes are declared in `plugin.toml`; this file is the routing table
//! and the few helpers every page shares.

use estive_sdk::prelude::*;

mod access;
mod calendar;
mod counting;
mod counts;
mod home;
mod meals;
mod model;
mod options;
mod reports;
mod rgpd;
mod rules;
mod schools;

use rules::{Facts, Rules, Settings};

struct Canteen;

impl Plugin for Canteen {
    fn handle(req: Request) -> Result<Response, Error> {
        let post = req.is_post();
        match (req.route(), post) {
            ("home", _) => home::page(&req),
            ("count", false) => counts::show(&req),
            ("count", true) => counts::save(&req),
            ("history", _) => counts::history(&req),
            ("lock", _) => counts::lock(&req),
            ("unlock", false) => counts::unlock_form(&req),
            ("unlock", true) => counts::unlock(&req),
            ("setup", _) => schools::setup(&req),
            ("school-new", _) | ("school-edit", _) => schools::school_form(&req),
            ("class-new", _) => schools::class_new(&req),
            ("class-edit", _) => schools::class_form(&req),
            ("meal-types", _) => meals::list(&req),
            ("meal-type-edit", _) => meals::edit(&req),
            ("calendar", _) => calendar::page(&req),
            ("holiday-new", _) => calendar::holiday_new(&req),
            ("holiday-delete", _) => calendar::holiday_delete(&req),
            ("exception-new", _) => calendar::exception_new(&req),
            ("exception-delete", _) => calendar::exception_delete(&req),
            ("options", _) => options::page(&req),
            ("menus", _) => calendar::menus(&req),
            ("reports", _) => reports::totals(&req),
            ("order", _) => reports::order(&req),
            ("month", _) => reports::month(&req),
            ("billing-csv", _) => reports::billing_csv(&req),
            _ => Err(Error::not_found(messages::NOT_FOUND)),
        }
    }

    fn on_schedule(_ctx: &Context, task: &str) -> Result<(), String> {
        match task {
            "lock-days" => counts::lock_due_days()
                .map(|locked| {
                    if locked > 0 {
                        log::info(&format!("locked {locked} canteen day(s) at their deadline"));
                    }
                })
                .map_err(|e| e.to_string()),
            other => Err(format!("unknown scheduled task `{other}`")),
        }
    }

    fn widget(ctx: &Context, name: &str) -> Result<Option<View>, Error> {
        match name {
            "today" => home::widget(ctx),
            _ => Ok(None),
        }
    }

    fn export_user_data(_ctx: &Context, user_id: &str) -> Result<serde_json::Value, String> {
        rgpd::export(user_id).map_err(|e| e.to_string())
    }

    fn erase_user_data(_ctx: &Context, user_id: &str) -> Result<(), String> {
        rgpd::erase(user_id).map_err(|e| e.to_string())
    }
}

register_plugin!(Canteen);

/// The site's rules: its settings, then the managers' options.
pub(crate) fn site_rules() -> Result<Rules, Error> {
    let settings: Settings = config::settings().unwrap_or_default();
    Ok(Rules::from(&settings, &model::options()?))
}

/// The calendar facts for dates between `from` and `to`.
pub(crate) fn facts(rules: &Rules, from: Date, to: Date) -> Result<Facts, Error> {
    Ok(Facts {
        zone: rules.zone.clone(),
        calendar: rules.calendar,
        periods: model::holiday_periods()?,
        exceptions: model::exceptions_between(from, to)?,
    })
}

/// A message of the catalogue with its arguments.
pub(crate) fn tr(key: &str, args: &[(&str, String)]) -> String {
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    i18n::t_args(key, &args)
}

/// A date from the query string, if it is one.
pub(crate) fn query_date(req: &Request, name: &str) -> Option<Date> {
    req.query(name).and_then(Date::parse)
}

/// Whether a working-group slug looks like one: lowercase letters, digits,
/// `-` and `_`.
pub(crate) fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_slugs_are_lowercase_words_with_dashes() {
        assert!(is_slug("cantine-granges"));
        assert!(is_slug("agents_2"));
        assert!(!is_slug("Cantine Granges"));
        assert!(!is_slug(""));
        assert!(!is_slug("école"));
    }
}
