//! The figures of the convention's diagnosis (CCH L301-4-1): per season
//! and by commune, the homes offered, their beds and rents, the homes let,
//! and the housing requests posted and met. Staff and élus read them on
//! the extranet ([`page`]), download them ([`csv`]), and the `indicators`
//! plugin receives them every night ([`publish`]).
//!
//! # Seasons
//!
//! The winter season `winter-2026` runs from 1 December 2026 to 30 April
//! 2027, the summer season `summer-2027` from 1 June to 30 September 2027
//! (the months seasonal workers are hired for). The season "of" a day is
//! the one under way, else the next one: from October to April the winter,
//! from May to September the summer — the board fills up before a season
//! starts.
//!
//! - **homes offered**: homes that were on the portal (published at some
//!   point, whatever their status now: published, let, expired, withdrawn)
//!   and available on at least one day of the season (`available_from` ≤
//!   its last day and `available_to` ≥ its first day); a home available in
//!   winter and summer counts in both;
//! - **beds**: the beds of those homes;
//! - **rents**: rent plus charges, a month, of those homes: the median (half
//!   the homes cost less) and the average;
//! - **homes let**: those whose landlord said they found a tenant (status
//!   `let`);
//! - **requests posted**: housing requests whose period meets the season by
//!   at least one day; **met**: those whose author said they found a home
//!   (status `met`); the **share met** is met ÷ posted (none while there is
//!   no request); **beds asked**: the beds those requests ask for.
//!
//! By commune, a home counts in its commune; a request in each commune it
//! wishes (a request for two communes counts in both rows, once in the
//! total), or in the row « any commune » when it names none. Requests are
//! deleted `purge_months` months after their period: figures of an old
//! season lose them, which is why the event keeps each night's figures.
//!
//! # The event
//!
//! Every night at 02:45 ([`publish`]) the figures of the season of the day
//! are published as `housing.season-figures`, which the `indicators`
//! plugin maps by the dotted path of a numeric field (`homes`,
//! `share_met`, `by_commune.Vielle-Aure.beds`…):
//!
//! ```json
//! {
//!   "season": "winter-2026",        // the season's key
//!   "season_start": "2026-12-01",   // its first and last days
//!   "season_end": "2027-04-30",
//!   "date": "2026-12-08",           // the day of the figures
//!   "homes": 12,                    // homes offered
//!   "beds": 21,                     // their beds
//!   "median_rent": 420.0,           // € a month, rent + charges (null: no home)
//!   "average_rent": 455.5,          // idem
//!   "homes_let": 3,                 // homes let
//!   "requests": 9,                  // requests posted
//!   "requests_met": 4,              // of which met
//!   "share_met": 44.4,              // % met (null: no request)
//!   "beds_asked": 11,               // beds the requests ask for
//!   "by_commune": {                 // the same by commune ("" for requests
//!     "Vielle-Aure": {              //  naming no commune)
//!       "homes": 5, "beds": 8, "median_rent": 400.0, "average_rent": 410.0,
//!       "homes_let": 1, "requests": 4, "requests_met": 2, "share_met": 50.0,
//!       "beds_asked": 5
//!     }
//!   }
//! }
//! ```

use std::collections::BTreeMap;

use estive_sdk::csv::CsvWriter;
use estive_sdk::form::options;
use estive_sdk::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::{LET, MET};
use crate::store::{self, Settings};
use crate::tables;

/// How many seasons the selector offers at most.
const MAX_SEASONS: usize = 20;
/// Rows read at once for the rents.
const BATCH: u32 = 5000;

/// A season: winter (December to April) or summer (June to September).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Season {
    /// The year it starts in.
    pub year: i32,
    pub winter: bool,
}

impl Season {
    /// The season under way on a day, else the next one.
    pub fn of(day: Date) -> Season {
        match day.month() {
            1..=4 => Season {
                year: day.year() - 1,
                winter: true,
            },
            5..=9 => Season {
                year: day.year(),
                winter: false,
            },
            _ => Season {
                year: day.year(),
                winter: true,
            },
        }
    }

    /// Its key: `winter-2026`, `summer-2027`.
    pub fn key(self) -> String {
        format!(
            "{}-{}",
            if self.winter { "winter" } else { "summer" },
            self.year
        )
    }

    /// A key read back.
    pub fn parse(key: &str) -> Option<Season> {
        let (kind, year) = key.trim().split_once('-')?;
        let year: i32 = year.parse().ok().filter(|y| (1990..=2200).contains(y))?;
        match kind {
            "winter" => Some(Season { year, winter: true }),
            "summer" => Some(Season {
                year,
                winter: false,
            }),
            _ => None,
        }
    }

    /// Its first day.
    pub fn first(self) -> Date {
        let month = if self.winter { 12 } else { 6 };
        Date::new(self.year, month, 1).unwrap_or(Date::MIN)
    }

    /// Its last day.
    pub fn last(self) -> Date {
        if self.winter {
            Date::new(self.year + 1, 4, 30).unwrap_or(Date::MAX)
        } else {
            Date::new(self.year, 9, 30).unwrap_or(Date::MAX)
        }
    }

    /// The season before.
    pub fn previous(self) -> Season {
        if self.winter {
            Season {
                year: self.year,
                winter: false,
            }
        } else {
            Season {
                year: self.year - 1,
                winter: true,
            }
        }
    }

    /// Its name for people: « Hiver 2026-2027 », « Été 2027 ».
    pub fn label(self) -> String {
        if self.winter {
            i18n::t_args(
                "figures-season-winter",
                &[
                    ("from", &self.year.to_string()),
                    ("to", &(self.year + 1).to_string()),
                ],
            )
        } else {
            i18n::t_args("figures-season-summer", &[("year", &self.year.to_string())])
        }
    }
}

/// A percentage with one decimal, `None` when there is nothing to divide.
pub fn share(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 * 1000.0 / whole as f64).round() / 10.0)
}

/// The median of amounts (the mean of the two middle ones for an even
/// count), rounded to the cent; `None` for none.
pub fn median(amounts: &[f64]) -> Option<f64> {
    if amounts.is_empty() {
        return None;
    }
    let mut sorted = amounts.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    let m = if sorted.len().is_multiple_of(2) {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    } else {
        sorted[mid]
    };
    Some(cents(m))
}

/// The average of amounts, rounded to the cent; `None` for none.
pub fn average(amounts: &[f64]) -> Option<f64> {
    (!amounts.is_empty()).then(|| cents(amounts.iter().sum::<f64>() / amounts.len() as f64))
}

fn cents(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The figures of a commune, or of all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Line {
    pub homes: i64,
    pub beds: i64,
    pub homes_let: i64,
    /// Rent plus charges of each home offered.
    pub rents: Vec<f64>,
    pub requests: i64,
    pub requests_met: i64,
    pub beds_asked: i64,
}

impl Line {
    /// The share of requests met, in percent.
    pub fn share_met(&self) -> Option<f64> {
        share(self.requests_met, self.requests)
    }

    /// The figures as the event gives them.
    pub fn payload(&self) -> serde_json::Value {
        json!({
            "homes": self.homes,
            "beds": self.beds,
            "median_rent": median(&self.rents),
            "average_rent": average(&self.rents),
            "homes_let": self.homes_let,
            "requests": self.requests,
            "requests_met": self.requests_met,
            "share_met": self.share_met(),
            "beds_asked": self.beds_asked,
        })
    }
}

/// A season's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    pub season: Season,
    /// By commune: the site's communes first in the settings' order, then
    /// others by name, then "" (requests naming no commune).
    pub by_commune: Vec<(String, Line)>,
    pub total: Line,
}

/// One group of the homes' aggregate.
#[derive(Deserialize)]
struct HomeGroup {
    commune: String,
    status: String,
    n: i64,
    beds: Option<f64>,
}

/// One group of the requests' aggregate: the JSON list of communes.
#[derive(Deserialize)]
struct RequestGroup {
    communes: String,
    status: String,
    n: i64,
    beds: Option<f64>,
}

/// A home's commune and what it costs.
#[derive(Deserialize)]
struct Rent {
    commune: String,
    rent: f64,
    charges: f64,
}

/// The figures of a season: the counts by the database (one grouped
/// aggregate for the homes, one for the requests), the rents read for the
/// medians (their three columns only).
///
/// # Errors
/// Storage failures.
pub fn figures(season: Season, settings: &Settings) -> Result<Figures, Error> {
    use tables::homes as h;
    use tables::requests as r;
    let (first, last) = (season.first(), season.last());
    let offered = || {
        [
            not_null(h::PUBLISHED_AT),
            le(h::AVAILABLE_FROM, last),
            ge(h::AVAILABLE_TO, first),
        ]
    };
    let mut lines: BTreeMap<String, Line> = BTreeMap::new();
    let homes: Vec<HomeGroup> = db::aggregate(tables::HOMES)
        .filters(offered())
        .group_by(h::COMMUNE)
        .group_by(h::STATUS)
        .count("n")
        .sum(h::BEDS, "beds")
        .fetch()?;
    let mut total = Line::default();
    for g in &homes {
        let beds = g.beds.unwrap_or(0.0).round() as i64;
        let let_ = if g.status == LET { g.n } else { 0 };
        for line in [lines.entry(g.commune.clone()).or_default(), &mut total] {
            line.homes += g.n;
            line.beds += beds;
            line.homes_let += let_;
        }
    }
    let mut offset = 0;
    loop {
        let batch: Vec<Rent> = db::select(tables::HOMES)
            .columns(&[h::COMMUNE, h::RENT, h::CHARGES])
            .filters(offered())
            .order_asc(h::ID)
            .limit(BATCH)
            .offset(offset)
            .fetch()?;
        for rent in &batch {
            let monthly = rent.rent + rent.charges;
            lines
                .entry(rent.commune.clone())
                .or_default()
                .rents
                .push(monthly);
            total.rents.push(monthly);
        }
        if batch.len() < BATCH as usize {
            break;
        }
        offset += BATCH;
    }
    let requests: Vec<RequestGroup> = db::aggregate(tables::REQUESTS)
        .filter(le(r::STARTS_ON, last))
        .filter(ge(r::ENDS_ON, first))
        .group_by(r::COMMUNES)
        .group_by(r::STATUS)
        .count("n")
        .sum(r::BEDS, "beds")
        .fetch()?;
    for g in &requests {
        let beds = g.beds.unwrap_or(0.0).round() as i64;
        let met = if g.status == MET { g.n } else { 0 };
        let mut wished: Vec<String> = serde_json::from_str::<Vec<String>>(&g.communes)
            .unwrap_or_default()
            .into_iter()
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect();
        wished.sort();
        wished.dedup();
        if wished.is_empty() {
            wished.push(String::new());
        }
        for commune in wished {
            let line = lines.entry(commune).or_default();
            line.requests += g.n;
            line.requests_met += met;
            line.beds_asked += beds;
        }
        total.requests += g.n;
        total.requests_met += met;
        total.beds_asked += beds;
    }
    // The site's communes always show, in their order, even without a
    // home: a commune with none is a finding of the diagnosis.
    let mut by_commune = Vec::new();
    for c in settings.communes() {
        let line = lines.remove(&c.name).unwrap_or_default();
        by_commune.push((c.name, line));
    }
    let anywhere = lines.remove("");
    by_commune.extend(lines);
    if let Some(line) = anywhere {
        by_commune.push((String::new(), line));
    }
    Ok(Figures {
        season,
        by_commune,
        total,
    })
}

/// The payload of `housing.season-figures` (see the module's
/// documentation).
pub fn payload(f: &Figures, date: Date) -> serde_json::Value {
    let by_commune: serde_json::Map<String, serde_json::Value> = f
        .by_commune
        .iter()
        .map(|(c, line)| (c.clone(), line.payload()))
        .collect();
    let mut out = json!({
        "season": f.season.key(),
        "season_start": f.season.first().to_string(),
        "season_end": f.season.last().to_string(),
        "date": date.to_string(),
    });
    if let (Some(map), serde_json::Value::Object(total)) = (out.as_object_mut(), f.total.payload())
    {
        map.extend(total);
        map.insert("by_commune".into(), serde_json::Value::Object(by_commune));
    }
    out
}

/// The seasons offered: from the one of the oldest home offered to the
/// current one, and the next, newest first.
fn seasons() -> Result<Vec<Season>, Error> {
    #[derive(Deserialize)]
    struct Oldest {
        first: Option<String>,
    }
    let today = store::today();
    let current = Season::of(today);
    let oldest = db::aggregate(tables::HOMES)
        .filter(not_null(tables::homes::PUBLISHED_AT))
        .min(tables::homes::AVAILABLE_FROM, "first")
        .first::<Oldest>()?
        .and_then(|o| o.first)
        .and_then(|d| Date::parse(d.get(..10).unwrap_or_default()))
        .map(Season::of)
        .unwrap_or(current)
        .min(current);
    let next = Season::of(current.last().add_days(1));
    let mut out = vec![next, current];
    let mut s = current;
    while s > oldest && out.len() < MAX_SEASONS {
        s = s.previous();
        out.push(s);
    }
    Ok(out)
}

/// The season asked for (`?saison=`), else the one of today.
fn chosen(req: &Request) -> Season {
    req.query("saison")
        .and_then(Season::parse)
        .unwrap_or_else(|| Season::of(store::today()))
}

/// A percentage for a page or a file: « 33,3 » in French, or « – ».
fn percent_text(value: Option<f64>, locale: &str) -> String {
    match value {
        Some(v) if locale == "fr" => format!("{v:.1}").replace('.', ","),
        Some(v) => format!("{v:.1}"),
        None => "–".into(),
    }
}

/// An amount for the page (« 420 € »), or « – ».
fn rent_text(value: Option<f64>, locale: &str) -> String {
    value.map_or_else(|| "–".into(), |v| crate::display::euros(v, locale))
}

/// An amount for a spreadsheet: « 420,00 » in French, empty for none.
fn rent_cell(value: Option<f64>, locale: &str) -> String {
    match value {
        Some(v) if locale == "fr" => format!("{v:.2}").replace('.', ","),
        Some(v) => format!("{v:.2}"),
        None => String::new(),
    }
}

/// The name of a commune's row.
fn commune_label(name: &str) -> String {
    if name.is_empty() {
        i18n::t("figures-any-commune")
    } else {
        name.to_string()
    }
}

/// A line for the template.
fn line_view(label: String, line: &Line, locale: &str) -> serde_json::Value {
    json!({
        "label": label,
        "homes": line.homes,
        "beds": line.beds,
        "median_rent": rent_text(median(&line.rents), locale),
        "average_rent": rent_text(average(&line.rents), locale),
        "homes_let": line.homes_let,
        "requests": line.requests,
        "requests_met": line.requests_met,
        "share_met": percent_text(line.share_met(), locale),
        "beds_asked": line.beds_asked,
    })
}

/// The figures page, with a season selector.
///
/// # Errors
/// Storage failures.
pub fn page(req: &Request) -> Result<Response, Error> {
    let settings = Settings::load()?;
    let season = chosen(req);
    let f = figures(season, &settings)?;
    let locale = req.locale();
    let mut choices = seasons()?;
    if !choices.contains(&season) {
        choices.push(season);
        choices.sort_unstable_by(|a, b| b.cmp(a));
    }
    let lines: Vec<serde_json::Value> = f
        .by_commune
        .iter()
        .map(|(c, line)| line_view(commune_label(c), line, locale))
        .collect();
    Ok(view("figures.html")
        .title(i18n::t("figures-title"))
        .set("season", season.key())
        .set("season_label", season.label())
        .set("season_from", season.first().to_string())
        .set("season_to", season.last().to_string())
        .set(
            "seasons",
            options(choices.iter().map(|s| (s.key(), s.label()))),
        )
        .set("lines", lines)
        .set(
            "total",
            line_view(i18n::t("figures-total"), &f.total, locale),
        )
        .set(
            "csv_url",
            req.url(&format!("/chiffres.csv?saison={}", season.key())),
        )
        .into())
}

/// The same figures as a CSV file for a spreadsheet: a line a commune and
/// a line for the whole site.
///
/// # Errors
/// Storage failures.
pub fn csv(req: &Request) -> Result<Response, Error> {
    let settings = Settings::load()?;
    let season = chosen(req);
    let f = figures(season, &settings)?;
    let locale = req.locale();
    let label = season.label();
    let mut out = CsvWriter::excel();
    out.row([
        i18n::t("figures-csv-season"),
        i18n::t("figures-commune"),
        i18n::t("figures-homes"),
        i18n::t("figures-beds"),
        i18n::t("figures-csv-median-rent"),
        i18n::t("figures-csv-average-rent"),
        i18n::t("figures-homes-let"),
        i18n::t("figures-requests"),
        i18n::t("figures-requests-met"),
        i18n::t("figures-csv-share-met"),
        i18n::t("figures-beds-asked"),
    ]);
    let rows = f
        .by_commune
        .iter()
        .map(|(c, line)| (commune_label(c), line))
        .chain(std::iter::once((i18n::t("figures-total"), &f.total)));
    for (name, line) in rows {
        out.row([
            label.clone(),
            name,
            line.homes.to_string(),
            line.beds.to_string(),
            rent_cell(median(&line.rents), locale),
            rent_cell(average(&line.rents), locale),
            line.homes_let.to_string(),
            line.requests.to_string(),
            line.requests_met.to_string(),
            line.share_met()
                .map(|v| percent_text(Some(v), locale))
                .unwrap_or_default(),
            line.beds_asked.to_string(),
        ]);
    }
    Ok(out
        .into_download(&format!("logements-{}.csv", season.key()))
        .into())
}

/// Publishes the figures of the season of the day as
/// `housing.season-figures`.
///
/// # Errors
/// Storage failures, or the host refusing the event.
pub fn publish(_ctx: &Context) -> Result<(), Error> {
    let settings = Settings::load()?;
    let today = store::today();
    let f = figures(Season::of(today), &settings)?;
    events::publish("season-figures", &payload(&f, today))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn winter_runs_from_december_to_april_and_summer_from_june_to_september() {
        let w = Season::of(day("2026-12-07"));
        assert_eq!(w.key(), "winter-2026");
        assert_eq!(w.first(), day("2026-12-01"));
        assert_eq!(w.last(), day("2027-04-30"));
        assert_eq!(Season::of(day("2027-04-30")), w);
        // Between seasons, the coming one.
        assert_eq!(Season::of(day("2026-10-15")), w);
        let s = Season::of(day("2027-05-10"));
        assert_eq!(s.key(), "summer-2027");
        assert_eq!(
            (s.first(), s.last()),
            (day("2027-06-01"), day("2027-09-30"))
        );
        assert_eq!(w.previous().key(), "summer-2026");
        assert_eq!(Season::parse("summer-2026"), Some(w.previous()));
        assert_eq!(Season::parse("spring-2026"), None);
    }

    #[test]
    fn medians_take_the_middle_and_shares_a_tenth() {
        assert_eq!(median(&[300.0, 420.0, 990.0]), Some(420.0));
        assert_eq!(median(&[300.0, 420.0]), Some(360.0));
        assert_eq!(median(&[]), None);
        assert_eq!(average(&[300.0, 420.0, 990.0]), Some(570.0));
        assert_eq!(share(1, 3), Some(33.3));
        assert_eq!(share(0, 0), None);
    }
}
