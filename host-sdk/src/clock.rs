//! The time, as the site sees it.

use crate::dates::{Date, DateTime};
use crate::host;

/// A moment: `unix_millis` (milliseconds since 1970-01-01T00:00:00Z),
/// `utc` (RFC 3339, e.g. `2026-11-28T15:30:00Z`), `local` (RFC 3339 in the
/// site's time zone, e.g. `2026-11-28T16:30:00+01:00`) and `today` (the
/// site's local date, `YYYY-MM-DD`).
pub use crate::bindings::estive::plugin::clock::Instant;

/// The current time.
///
/// ```no_run
/// use estive_sdk::clock;
///
/// let now = clock::now();
/// let today = now.date();
/// let deadline_passed = now.local_datetime() > "2026-12-01T12:00".parse().unwrap();
/// ```
pub fn now() -> Instant {
    host::now()
}

impl Instant {
    /// The site's local date.
    pub fn date(&self) -> Date {
        Date::parse(&self.today).unwrap_or_else(|| self.utc_datetime().date())
    }

    /// The site's local date and time, to compare with a
    /// `datetime-local` form field.
    pub fn local_datetime(&self) -> DateTime {
        self.local
            .get(..19)
            .and_then(DateTime::parse)
            .unwrap_or_else(|| self.utc_datetime())
    }

    /// The date and time in UTC.
    pub fn utc_datetime(&self) -> DateTime {
        DateTime::from_unix_millis(self.unix_millis)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instant_gives_local_date_and_time() {
        let now = Instant {
            unix_millis: 1_795_879_800_000,
            utc: "2026-11-28T15:30:00Z".into(),
            local: "2026-11-28T16:30:00+01:00".into(),
            today: "2026-11-28".into(),
        };
        assert_eq!(now.date().to_string(), "2026-11-28");
        assert_eq!(now.local_datetime().to_string(), "2026-11-28T16:30");
        assert_eq!(now.utc_datetime().to_string(), "2026-11-28T15:30");
    }
}
