//! French public holidays (*jours fériés*), computed for any year.
//!
//! Eleven days are public holidays everywhere in France (Code du travail,
//! article L3133-1): eight on fixed dates and three that follow Easter
//! (Easter Monday, Ascension Thursday, Whit Monday). Alsace and Moselle
//! add Good Friday and St Stephen's Day (26 December). Easter is computed
//! with the Gregorian computus, so nothing is fetched and any year from
//! 1583 to 9999 works.
//!
//! Overseas departments also observe the abolition of slavery on a date of
//! their own; that calendar is not covered here.
//!
//! ```
//! use estive_sdk::dates::Date;
//! use estive_kit::holidays::{self, Holiday};
//!
//! let day = Date::parse("2026-05-14").unwrap();
//! assert_eq!(holidays::holiday(day), Some(Holiday::Ascension));
//! assert_eq!(Holiday::Ascension.name("fr"), "Ascension");
//! assert!(!holidays::is_public_holiday(Date::parse("2026-05-15").unwrap()));
//! ```

use estive_sdk::dates::Date;

/// A French public holiday.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Holiday {
    /// Jour de l'an, 1 January.
    NewYear,
    /// Vendredi saint, the Friday before Easter (Alsace-Moselle only).
    GoodFriday,
    /// Lundi de Pâques, the day after Easter Sunday.
    EasterMonday,
    /// Fête du Travail, 1 May.
    LabourDay,
    /// Victoire 1945, 8 May.
    VictoryInEurope,
    /// Ascension, 39 days after Easter Sunday (a Thursday).
    Ascension,
    /// Lundi de Pentecôte, 50 days after Easter Sunday.
    WhitMonday,
    /// Fête nationale, 14 July.
    NationalDay,
    /// Assomption, 15 August.
    Assumption,
    /// Toussaint, 1 November.
    AllSaints,
    /// Armistice 1918, 11 November.
    Armistice,
    /// Noël, 25 December.
    Christmas,
    /// Saint-Étienne, 26 December (Alsace-Moselle only).
    StStephen,
}

impl Holiday {
    /// The holiday's usual name in `fr` or `en` (any other locale).
    ///
    /// ```
    /// use estive_kit::holidays::Holiday;
    ///
    /// assert_eq!(Holiday::WhitMonday.name("fr"), "Lundi de Pentecôte");
    /// assert_eq!(Holiday::WhitMonday.name("en"), "Whit Monday");
    /// ```
    pub fn name(self, locale: &str) -> &'static str {
        let (fr, en) = match self {
            Holiday::NewYear => ("Jour de l'an", "New Year's Day"),
            Holiday::GoodFriday => ("Vendredi saint", "Good Friday"),
            Holiday::EasterMonday => ("Lundi de Pâques", "Easter Monday"),
            Holiday::LabourDay => ("Fête du Travail", "Labour Day"),
            Holiday::VictoryInEurope => ("Victoire 1945", "Victory in Europe Day"),
            Holiday::Ascension => ("Ascension", "Ascension Day"),
            Holiday::WhitMonday => ("Lundi de Pentecôte", "Whit Monday"),
            Holiday::NationalDay => ("Fête nationale", "Bastille Day"),
            Holiday::Assumption => ("Assomption", "Assumption Day"),
            Holiday::AllSaints => ("Toussaint", "All Saints' Day"),
            Holiday::Armistice => ("Armistice 1918", "Armistice Day"),
            Holiday::Christmas => ("Noël", "Christmas Day"),
            Holiday::StStephen => ("Saint-Étienne", "St Stephen's Day"),
        };
        if locale == "fr" { fr } else { en }
    }

    /// Whether the holiday is kept only in Alsace and Moselle.
    pub fn is_local(self) -> bool {
        matches!(self, Holiday::GoodFriday | Holiday::StStephen)
    }
}

/// Which calendar of public holidays applies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Calendar {
    /// The eleven national holidays.
    #[default]
    National,
    /// The national holidays plus Good Friday and St Stephen's Day
    /// (Bas-Rhin, Haut-Rhin, Moselle).
    AlsaceMoselle,
}

/// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm,
/// also known as Meeus/Jones/Butcher); `None` before 1583, when the
/// Gregorian calendar did not exist yet, or after 9999.
///
/// ```
/// use estive_kit::holidays::easter_sunday;
///
/// assert_eq!(easter_sunday(2026).unwrap().to_string(), "2026-04-05");
/// assert_eq!(easter_sunday(2027).unwrap().to_string(), "2027-03-28");
/// ```
pub fn easter_sunday(year: i32) -> Option<Date> {
    if !(1583..=9999).contains(&year) {
        return None;
    }
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as u32, day as u32)
}

/// The national public holidays of a year, in date order; empty for a year
/// without a Gregorian Easter (see [`easter_sunday`]).
///
/// ```
/// use estive_kit::holidays::public_holidays;
///
/// let days = public_holidays(2026);
/// assert_eq!(days.len(), 11);
/// assert_eq!(days[0].0.to_string(), "2026-01-01");
/// ```
pub fn public_holidays(year: i32) -> Vec<(Date, Holiday)> {
    public_holidays_in(year, Calendar::National)
}

/// The public holidays of a year in a calendar, in date order.
///
/// ```
/// use estive_kit::holidays::{Calendar, Holiday, public_holidays_in};
///
/// let days = public_holidays_in(2026, Calendar::AlsaceMoselle);
/// assert_eq!(days.len(), 13);
/// assert!(days.iter().any(|(_, h)| *h == Holiday::GoodFriday));
/// ```
pub fn public_holidays_in(year: i32, calendar: Calendar) -> Vec<(Date, Holiday)> {
    let Some(easter) = easter_sunday(year) else {
        return Vec::new();
    };
    let fixed = |month, day, holiday| Date::new(year, month, day).map(|d| (d, holiday));
    let mut days: Vec<(Date, Holiday)> = [
        fixed(1, 1, Holiday::NewYear),
        Some((easter.add_days(1), Holiday::EasterMonday)),
        fixed(5, 1, Holiday::LabourDay),
        fixed(5, 8, Holiday::VictoryInEurope),
        Some((easter.add_days(39), Holiday::Ascension)),
        Some((easter.add_days(50), Holiday::WhitMonday)),
        fixed(7, 14, Holiday::NationalDay),
        fixed(8, 15, Holiday::Assumption),
        fixed(11, 1, Holiday::AllSaints),
        fixed(11, 11, Holiday::Armistice),
        fixed(12, 25, Holiday::Christmas),
    ]
    .into_iter()
    .flatten()
    .collect();
    if calendar == Calendar::AlsaceMoselle {
        days.push((easter.add_days(-2), Holiday::GoodFriday));
        days.extend(fixed(12, 26, Holiday::StStephen));
    }
    // Ascension may fall on 1 or 8 May; both holidays are kept, in date
    // order, the fixed one first.
    days.sort_by_key(|(date, _)| *date);
    days
}

/// The national public holiday falling on a date, if any (the first one,
/// when Ascension and 1 or 8 May coincide).
pub fn holiday(date: Date) -> Option<Holiday> {
    holiday_in(date, Calendar::National)
}

/// The public holiday of a calendar falling on a date, if any.
pub fn holiday_in(date: Date, calendar: Calendar) -> Option<Holiday> {
    public_holidays_in(date.year(), calendar)
        .into_iter()
        .find(|(d, _)| *d == date)
        .map(|(_, h)| h)
}

/// Whether a date is a national public holiday.
///
/// ```
/// use estive_sdk::dates::Date;
/// use estive_kit::holidays::is_public_holiday;
///
/// assert!(is_public_holiday(Date::parse("2026-07-14").unwrap()));
/// assert!(!is_public_holiday(Date::parse("2026-07-15").unwrap()));
/// ```
pub fn is_public_holiday(date: Date) -> bool {
    holiday(date).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn easter_matches_the_published_dates() {
        for (year, easter) in [
            (1583, "1583-04-10"),
            (1818, "1818-03-22"),
            (1943, "1943-04-25"),
            (2000, "2000-04-23"),
            (2019, "2019-04-21"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2028, "2028-04-16"),
            (2038, "2038-04-25"),
        ] {
            assert_eq!(easter_sunday(year), Some(d(easter)), "{year}");
        }
    }

    #[test]
    fn easter_always_falls_on_a_sunday_between_22_march_and_25_april() {
        for year in 1583..=3000 {
            let easter = easter_sunday(year).unwrap();
            assert_eq!(
                easter.weekday(),
                estive_sdk::dates::Weekday::Sunday,
                "{easter}"
            );
            let lo = Date::new(year, 3, 22).unwrap();
            let hi = Date::new(year, 4, 25).unwrap();
            assert!(lo <= easter && easter <= hi, "{easter}");
        }
    }

    #[test]
    fn no_easter_outside_the_gregorian_years() {
        assert_eq!(easter_sunday(1582), None);
        assert!(public_holidays(1200).is_empty());
    }

    #[test]
    fn holidays_of_2026_are_the_official_list() {
        let days: Vec<String> = public_holidays(2026)
            .into_iter()
            .map(|(d, _)| d.to_string())
            .collect();
        assert_eq!(
            days,
            [
                "2026-01-01",
                "2026-04-06",
                "2026-05-01",
                "2026-05-08",
                "2026-05-14",
                "2026-05-25",
                "2026-07-14",
                "2026-08-15",
                "2026-11-01",
                "2026-11-11",
                "2026-12-25",
            ]
        );
    }

    #[test]
    fn ascension_on_labour_day_keeps_both_holidays() {
        // Easter 2008 fell on 23 March, so Ascension on 1 May.
        let days = public_holidays(2008);
        assert_eq!(days.len(), 11);
        let first_may: Vec<Holiday> = days
            .iter()
            .filter(|(date, _)| *date == d("2008-05-01"))
            .map(|(_, h)| *h)
            .collect();
        assert_eq!(first_may, [Holiday::LabourDay, Holiday::Ascension]);
        assert_eq!(holiday(d("2008-05-01")), Some(Holiday::LabourDay));
    }

    #[test]
    fn alsace_moselle_adds_good_friday_and_st_stephen() {
        assert_eq!(holiday(d("2026-04-03")), None);
        assert_eq!(
            holiday_in(d("2026-04-03"), Calendar::AlsaceMoselle),
            Some(Holiday::GoodFriday)
        );
        assert_eq!(
            holiday_in(d("2026-12-26"), Calendar::AlsaceMoselle),
            Some(Holiday::StStephen)
        );
        assert!(Holiday::StStephen.is_local());
        assert!(!Holiday::Christmas.is_local());
    }

    #[test]
    fn every_holiday_has_a_french_and_an_english_name() {
        for (_, h) in public_holidays_in(2026, Calendar::AlsaceMoselle) {
            assert!(!h.name("fr").is_empty());
            assert!(!h.name("en").is_empty());
            assert_ne!(h.name("fr"), h.name("en"), "{h:?}");
        }
    }
}
