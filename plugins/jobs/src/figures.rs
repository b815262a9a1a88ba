//! The board's figures for the Agenda 21: per season, the offers published
//! by contract and by source, the share of local offers filled, the share
//! with housing, and the applications received.
//!
//! # Seasons
//!
//! A season is a window of publication dates, so that every offer counts
//! in exactly one: the winter season `winter-2026` runs from 1 November
//! 2026 to 30 April 2027 (what is posted for the ski season), the summer
//! season `summer-2027` from 1 May to 31 October 2027. An offer counts in
//! the season in which it was first published (`published_at`, in UTC),
//! whatever its status now; the applications in the season in which they
//! were sent. An offer's own `season` field (what the job is for) does not
//! move it: a summer job posted in March counts in the winter's figures.
//!
//! - published: offers first published in the season, local and imported;
//! - filled share: among the local offers of the season that left the
//!   board (filled, expired or withdrawn), the percentage filled; none
//!   (null) while none has left;
//! - housing share: among the offers published, the percentage with
//!   housing provided.
//!
//! # The event
//!
//! Every night at 02:30 ([`publish`]) the current season's figures are
//! published as `jobs.season-figures`, which the `indicators` plugin maps
//! by the dotted path of a numeric field (`published`, `share_filled`,
//! `by_contract.seasonal`…):
//!
//! ```json
//! {
//!   "season": "winter-2026",          // the season's key
//!   "season_start": "2026-11-01",     // its first and last days
//!   "season_end": "2027-04-30",
//!   "date": "2026-12-08",             // the day of the figures
//!   "published": 42,                  // offers published in the season
//!   "published_local": 12,            //   of which by the valley's employers
//!   "published_imported": 30,         //   of which from France Travail
//!   "filled": 3,                      // local offers filled
//!   "closed_local": 5,                // local offers that left the board
//!   "share_filled": 60.0,             // % filled of those (null when 0 left)
//!   "with_housing": 14,               // offers with housing provided
//!   "share_housing": 33.3,            // % of published (null when none)
//!   "by_contract": { "seasonal": 20, "cdd": 12, "cdi": 6, "apprenticeship": 0,
//!                    "interim": 4, "internship": 0, "other": 0 },
//!   "applications": 57                // applications sent on the site
//! }
//! ```

use std::collections::BTreeMap;

use estive_sdk::csv::CsvWriter;
use estive_sdk::dates::Date;
use estive_sdk::form::options;
use estive_sdk::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::{CONTRACTS, EXPIRED, FILLED, FRANCE_TRAVAIL, LOCAL, WITHDRAWN};
use crate::tables;

/// The oldest season offered in the selector.
const MAX_SEASONS: usize = 20;

/// A season: winter (November to April) or summer (May to October).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Season {
    /// The year it starts in.
    pub year: i32,
    pub winter: bool,
}

impl Season {
    /// The season a day falls in.
    pub fn of(day: Date) -> Season {
        match day.month() {
            5..=10 => Season {
                year: day.year(),
                winter: false,
            },
            11 | 12 => Season {
                year: day.year(),
                winter: true,
            },
            _ => Season {
                year: day.year() - 1,
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
    pub fn start(self) -> Date {
        let month = if self.winter { 11 } else { 5 };
        Date::new(self.year, month, 1).unwrap_or(Date::MIN)
    }

    /// The first day after it.
    pub fn end(self) -> Date {
        if self.winter {
            Date::new(self.year + 1, 5, 1).unwrap_or(Date::MAX)
        } else {
            Date::new(self.year, 11, 1).unwrap_or(Date::MAX)
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

/// The figures of one contract, or of all.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Line {
    pub published: i64,
    pub local: i64,
    pub imported: i64,
    pub filled: i64,
    pub closed_local: i64,
    pub with_housing: i64,
}

impl Line {
    fn add(&mut self, other: &Line) {
        self.published += other.published;
        self.local += other.local;
        self.imported += other.imported;
        self.filled += other.filled;
        self.closed_local += other.closed_local;
        self.with_housing += other.with_housing;
    }

    /// The share of local offers filled among those that left the board.
    pub fn share_filled(&self) -> Option<f64> {
        share(self.filled, self.closed_local)
    }

    /// The share of offers with housing.
    pub fn share_housing(&self) -> Option<f64> {
        share(self.with_housing, self.published)
    }
}

/// A season's figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figures {
    pub season: Season,
    /// By contract, in the order of [`CONTRACTS`].
    pub by_contract: Vec<(String, Line)>,
    pub total: Line,
    pub applications: i64,
}

/// One group of the offers' aggregate.
#[derive(Deserialize)]
struct Group {
    source: String,
    contract: String,
    status: String,
    housing: serde_json::Value,
    n: i64,
}

/// Whether a boolean column's value (a boolean, or 0/1) is true.
fn truthy(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::Bool(b) => *b,
        serde_json::Value::Number(n) => n.as_i64().unwrap_or(0) != 0,
        _ => false,
    }
}

/// The figures of a season, counted by the database (one grouped
/// aggregate for the offers, one count for the applications).
///
/// # Errors
/// Storage failures.
pub fn figures(season: Season) -> Result<Figures, Error> {
    let from = format!("{}T00:00:00Z", season.start());
    let until = format!("{}T00:00:00Z", season.end());
    let groups: Vec<Group> = db::aggregate(tables::OFFERS)
        .filter(ge(tables::offers::PUBLISHED_AT, from.as_str()))
        .filter(lt(tables::offers::PUBLISHED_AT, until.as_str()))
        .group_by(tables::offers::SOURCE)
        .group_by(tables::offers::CONTRACT)
        .group_by(tables::offers::STATUS)
        .group_by(tables::offers::HOUSING)
        .count("n")
        .fetch()?;
    let mut lines: BTreeMap<String, Line> = BTreeMap::new();
    for g in &groups {
        let contract = if CONTRACTS.contains(&g.contract.as_str()) {
            g.contract.clone()
        } else {
            "other".to_string()
        };
        let line = lines.entry(contract).or_default();
        line.published += g.n;
        if g.source == LOCAL {
            line.local += g.n;
            if matches!(g.status.as_str(), FILLED | EXPIRED | WITHDRAWN) {
                line.closed_local += g.n;
            }
            if g.status == FILLED {
                line.filled += g.n;
            }
        } else if g.source == FRANCE_TRAVAIL {
            line.imported += g.n;
        } else {
            line.local += g.n;
        }
        if truthy(&g.housing) {
            line.with_housing += g.n;
        }
    }
    let by_contract: Vec<(String, Line)> = CONTRACTS
        .iter()
        .map(|c| ((*c).to_string(), lines.remove(*c).unwrap_or_default()))
        .collect();
    let mut total = Line::default();
    for (_, line) in &by_contract {
        total.add(line);
    }
    let applications = db::count(tables::APPLICATIONS)
        .filter(ge(tables::applications::CREATED_AT, from.as_str()))
        .filter(lt(tables::applications::CREATED_AT, until.as_str()))
        .get()?;
    Ok(Figures {
        season,
        by_contract,
        total,
        applications: i64::try_from(applications).unwrap_or(i64::MAX),
    })
}

/// The payload of `jobs.season-figures` (see the module's documentation).
pub fn payload(f: &Figures, date: Date) -> serde_json::Value {
    let by_contract: serde_json::Map<String, serde_json::Value> = f
        .by_contract
        .iter()
        .map(|(c, line)| (c.clone(), json!(line.published)))
        .collect();
    json!({
        "season": f.season.key(),
        "season_start": f.season.start().to_string(),
        "season_end": f.season.end().add_days(-1).to_string(),
        "date": date.to_string(),
        "published": f.total.published,
        "published_local": f.total.local,
        "published_imported": f.total.imported,
        "filled": f.total.filled,
        "closed_local": f.total.closed_local,
        "share_filled": f.total.share_filled(),
        "with_housing": f.total.with_housing,
        "share_housing": f.total.share_housing(),
        "by_contract": by_contract,
        "applications": f.applications,
    })
}

/// The seasons offered: from the one of the oldest publication to the
/// current one, newest first.
fn seasons() -> Result<Vec<Season>, Error> {
    #[derive(Deserialize)]
    struct First {
        first: Option<String>,
    }
    let current = Season::of(crate::store::today());
    let first = db::aggregate(tables::OFFERS)
        .filter(not_null(tables::offers::PUBLISHED_AT))
        .min(tables::offers::PUBLISHED_AT, "first")
        .first::<First>()?
        .and_then(|f| f.first)
        .and_then(|t| t.get(..10).and_then(Date::parse))
        .map(Season::of)
        .unwrap_or(current);
    let mut out = vec![current];
    let mut s = current;
    while s > first && out.len() < MAX_SEASONS {
        s = s.previous();
        out.push(s);
    }
    Ok(out)
}

/// The season asked for (`?saison=`), else the current one.
fn chosen(req: &Request) -> Season {
    req.query("saison")
        .and_then(Season::parse)
        .unwrap_or_else(|| Season::of(crate::store::today()))
}

/// A percentage for a page or a file: « 33,3 » in French, or « – ».
fn percent_text(value: Option<f64>, locale: &str) -> String {
    match value {
        Some(v) if locale == "fr" => format!("{v:.1}").replace('.', ","),
        Some(v) => format!("{v:.1}"),
        None => "–".into(),
    }
}

/// A line for the templates.
fn line_view(label: String, line: &Line, locale: &str) -> serde_json::Value {
    json!({
        "label": label,
        "published": line.published,
        "local": line.local,
        "imported": line.imported,
        "filled": line.filled,
        "closed_local": line.closed_local,
        "share_filled": percent_text(line.share_filled(), locale),
        "with_housing": line.with_housing,
        "share_housing": percent_text(line.share_housing(), locale),
    })
}

/// The figures page, with a season selector.
///
/// # Errors
/// Storage failures.
pub fn page(req: &Request) -> Result<Response, Error> {
    let season = chosen(req);
    let f = figures(season)?;
    let locale = req.locale();
    let mut choices = seasons()?;
    if !choices.contains(&season) {
        choices.push(season);
        choices.sort_unstable_by(|a, b| b.cmp(a));
    }
    let lines: Vec<serde_json::Value> = f
        .by_contract
        .iter()
        .map(|(c, line)| line_view(i18n::t(&format!("contract-{c}")), line, locale))
        .collect();
    let selector = options(choices.iter().map(|s| (s.key(), s.label())));
    Ok(view("figures.html")
        .title(i18n::t("figures-title"))
        .set("season", season.key())
        .set("season_label", season.label())
        .set("season_from", season.start().to_string())
        .set("season_to", season.end().add_days(-1).to_string())
        .set("seasons", selector)
        .set("lines", lines)
        .set(
            "total",
            line_view(i18n::t("figures-total"), &f.total, locale),
        )
        .set("applications", f.applications)
        .set(
            "csv_url",
            req.url(&format!("/chiffres.csv?saison={}", season.key())),
        )
        .into())
}

/// The same figures as a CSV file for a spreadsheet: one figure a line.
///
/// # Errors
/// Storage failures.
pub fn csv(req: &Request) -> Result<Response, Error> {
    let season = chosen(req);
    let f = figures(season)?;
    let locale = req.locale();
    let label = season.label();
    let mut out = CsvWriter::excel();
    out.row([
        i18n::t("figures-csv-season"),
        i18n::t("figures-csv-figure"),
        i18n::t("figures-csv-value"),
    ]);
    let t = &f.total;
    let rows: Vec<(String, String)> = vec![
        (i18n::t("figures-published"), t.published.to_string()),
        (i18n::t("figures-local"), t.local.to_string()),
        (i18n::t("figures-imported"), t.imported.to_string()),
        (i18n::t("figures-filled"), t.filled.to_string()),
        (i18n::t("figures-closed-local"), t.closed_local.to_string()),
        (
            i18n::t("figures-share-filled"),
            percent_text(t.share_filled(), locale),
        ),
        (i18n::t("figures-with-housing"), t.with_housing.to_string()),
        (
            i18n::t("figures-share-housing"),
            percent_text(t.share_housing(), locale),
        ),
        (i18n::t("figures-applications"), f.applications.to_string()),
    ];
    for (name, value) in rows {
        out.row([label.clone(), name, value]);
    }
    for (c, line) in &f.by_contract {
        out.row([
            label.clone(),
            i18n::t_args(
                "figures-csv-published-contract",
                &[("contract", &i18n::t(&format!("contract-{c}")))],
            ),
            line.published.to_string(),
        ]);
    }
    Ok(out
        .into_download(&format!("offres-{}.csv", season.key()))
        .into())
}

/// Publishes the current season's figures as `jobs.season-figures`.
///
/// # Errors
/// Storage failures, or the host refusing the event.
pub fn publish(_ctx: &Context) -> Result<(), Error> {
    let today = crate::store::today();
    let f = figures(Season::of(today))?;
    events::publish("season-figures", &payload(&f, today))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn winter_runs_from_november_to_april() {
        let w = Season::of(day("2026-12-07"));
        assert_eq!(w.key(), "winter-2026");
        assert_eq!(Season::of(day("2027-04-30")), w);
        assert_eq!(Season::of(day("2026-11-01")), w);
        assert_eq!(w.start(), day("2026-11-01"));
        assert_eq!(w.end(), day("2027-05-01"));
        assert_eq!(Season::of(day("2027-05-01")).key(), "summer-2027");
        assert_eq!(Season::of(day("2026-10-31")).key(), "summer-2026");
    }

    #[test]
    fn seasons_follow_each_other_and_read_back() {
        let w = Season::parse("winter-2026").unwrap();
        assert_eq!(w.previous().key(), "summer-2026");
        assert_eq!(w.previous().previous().key(), "winter-2025");
        assert!(w.previous() < w);
        assert_eq!(Season::parse("spring-2026"), None);
        assert_eq!(Season::parse("winter-abc"), None);
    }

    #[test]
    fn shares_are_rounded_to_a_tenth_and_none_without_a_whole() {
        assert_eq!(share(1, 3), Some(33.3));
        assert_eq!(share(2, 3), Some(66.7));
        assert_eq!(share(0, 0), None);
    }
}
