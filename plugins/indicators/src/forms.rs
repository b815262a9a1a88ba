//! What the plugin's forms share: dates typed the French way (and the
//! SDK's options of a choice, re-exported).

use estive_sdk::dates::Date;
use estive_sdk::prelude::*;

use crate::numbers::parse_date;

pub use estive_sdk::form::options;

/// An optional date field, typed `AAAA-MM-JJ` (what date inputs send) or
/// `JJ/MM/AAAA` (what people type where a browser shows a plain text
/// box). A malformed date is recorded as an error.
pub fn date(form: &mut Validator<'_>, req: &Request, name: &str) -> Option<Date> {
    let raw = req.form(name).unwrap_or("").trim();
    if raw.is_empty() {
        return None;
    }
    let parsed = parse_date(raw);
    if parsed.is_none() {
        form.error(name, messages::FIELD_INVALID_DATE);
    }
    parsed
}

/// A date field that must be given; see [`date`].
pub fn required_date(form: &mut Validator<'_>, req: &Request, name: &str) -> Date {
    match date(form, req, name) {
        Some(d) => d,
        None => {
            if req.form(name).unwrap_or("").trim().is_empty() {
                form.error(name, messages::FIELD_REQUIRED);
            }
            Date::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use estive_sdk::{Context, Site};

    fn req() -> Request {
        let site = Site {
            slug: "test".into(),
            name: "Test".into(),
            base_url: "https://test.example".into(),
            timezone: "Europe/Paris".into(),
        };
        Request::new(Context::new(site, "fr"), "x")
    }

    #[test]
    fn dates_are_read_in_iso_or_french_form_and_bad_ones_are_reported() {
        let req = req()
            .with_form("a", "2026-03-01")
            .with_form("b", "01/03/2026")
            .with_form("c", "31/02/2026")
            .with_form("d", "");
        let mut form = req.validator();
        assert_eq!(
            date(&mut form, &req, "a").unwrap().to_string(),
            "2026-03-01"
        );
        assert_eq!(
            date(&mut form, &req, "b").unwrap().to_string(),
            "2026-03-01"
        );
        assert_eq!(date(&mut form, &req, "c"), None);
        assert_eq!(date(&mut form, &req, "d"), None);
        required_date(&mut form, &req, "d");
        let errors: Vec<(String, String)> = form
            .errors()
            .iter()
            .map(|e| (e.field.clone(), e.message.clone()))
            .collect();
        assert_eq!(
            errors,
            [
                ("c".to_owned(), messages::FIELD_INVALID_DATE.to_owned()),
                ("d".to_owned(), messages::FIELD_REQUIRED.to_owned()),
            ]
        );
    }
}
