//! Finding a home: the list page with its filters, the search behind the
//! saved searches, and the portal's widget.
//!
//! The filters travel in the query string (a GET form), so that a search
//! is a link one can keep, share or save ([`crate::alerts`], which stores
//! [`Filters`] as JSON). Only published homes are found. Without keywords
//! the newest homes come first; with keywords, the storage's ranked
//! search (the table's `search` columns, the title weighing most) orders
//! them by relevance, then by date. A person may also sort by the monthly
//! total (rent and charges) or by the minutes to the lifts.
//!
//! The storage compares a column with a value, never two columns, and has
//! no `OR`. The plain search (no budget, one alternative, newest first) is
//! a single paged query and a count. A budget (rent *and* charges under
//! it), a season (a home offered all year fits every season: two
//! alternatives) or another order need the plugin: it reads the few
//! columns that sort and filter ([`KEY_COLUMNS`]) of every matching home,
//! keeps and orders them, and then reads the cards of the page only.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use estive_sdk::dates::month_name;
use estive_sdk::db::Condition;
use estive_sdk::form::{Form, options};
use estive_sdk::page::Pager;
use estive_sdk::prelude::*;
use estive_sdk::url::query_string;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::model::{KINDS, PUBLISHED, SEASONS};
use crate::store::{Commune, Settings};
use crate::{display, tables};

/// Homes on a page of results.
pub const PAGE_SIZE: u32 = 20;

/// The most matches of a keyword search that are ranked and paged: past
/// them, a person refines the search rather than reading on.
pub const MAX_RANKED: u32 = 500;

/// The most homes a search orders itself (the host's bound on one
/// query): far more than a valley ever offers at once.
const MAX_KEYS: u32 = 10_000;

/// The longest keywords kept.
const MAX_KEYWORDS: usize = 200;

/// The highest budget, beds and minutes a filter takes.
const MAX_BUDGET: f64 = 100_000.0;
/// See [`MAX_BUDGET`].
const MAX_BEDS: i64 = 30;
/// See [`MAX_BUDGET`].
const MAX_MINUTES: i64 = 600;

/// Homes in the portal's widget.
const WIDGET_HOMES: u32 = 5;

/// The orders of the list: by relevance (with keywords; otherwise the
/// newest first), the newest first, the cheapest first (rent and
/// charges), the nearest to the lifts first.
pub const SORTS: [&str; 4] = ["relevance", "newest", "cheapest", "lifts"];

/// The columns a home's card shows (the list, the widget, the mails).
pub const CARD_COLUMNS: [&str; 19] = [
    "id",
    "title",
    "kind",
    "commune",
    "area",
    "beds",
    "shared",
    "furnished",
    "surface",
    "rent",
    "charges",
    "visale",
    "pets",
    "minutes_lifts",
    "available_from",
    "available_to",
    "photos",
    "cover_photo",
    "published_at",
];

/// The columns a search filters and orders by in the plugin.
pub const KEY_COLUMNS: [&str; 5] = ["id", "rent", "charges", "minutes_lifts", "published_at"];

/// The filters of the list page, as its query string gives them and as a
/// saved search keeps them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filters {
    /// Keywords, searched by the storage's ranked search.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub q: String,
    /// The wanted period's first day (`YYYY-MM-DD`): the home is
    /// available from it or before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The wanted period's last day (`YYYY-MM-DD`): the home is available
    /// until it or after.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// The commune's name (one of the site's communes).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub commune: String,
    /// The commune's INSEE code, when the site's setting gives one (what
    /// the query string carries).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub insee: String,
    /// The most a month, rent and charges, in euros.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget: Option<f64>,
    /// At least this many beds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub beds: Option<i64>,
    /// Kinds of home ([`KINDS`]); none: all.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<String>,
    /// Furnished homes only.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub furnished: bool,
    /// Homes not shared with other occupants only.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unshared: bool,
    /// Homes that accept pets only.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub pets: bool,
    /// At most this many minutes to the lifts (homes that do not say are
    /// left out).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lifts: Option<i64>,
    /// One of [`SEASONS`], or empty for all. A home offered all year fits
    /// the winter and the summer.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub season: String,
    /// One of [`SORTS`], or empty for the default (relevance with
    /// keywords, the newest first otherwise). Not kept by saved searches.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub sort: String,
}

/// The first non-blank value of a query key, trimmed.
fn first<'a>(query: &'a [(String, String)], key: &str) -> Option<&'a str> {
    query
        .iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.trim())
        .find(|v| !v.is_empty())
}

/// A `YYYY-MM-DD` date of the query, or the error beside its field.
fn date_of(query: &[(String, String)], key: &str, errors: &mut Vec<FieldError>) -> Option<Date> {
    let raw = first(query, key)?;
    let found = Date::parse(raw);
    if found.is_none() {
        errors.push(FieldError::new(key, "search-date-invalid"));
    }
    found
}

/// A whole number of the query within `1..=max` (`0..=max` when `zero`),
/// or the error beside its field.
fn count_of(
    query: &[(String, String)],
    key: &str,
    max: i64,
    zero: bool,
    errors: &mut Vec<FieldError>,
) -> Option<i64> {
    let raw = first(query, key)?;
    let min = i64::from(!zero);
    match raw.parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Some(n),
        _ => {
            errors.push(
                FieldError::new(key, format!("search-{key}-invalid"))
                    .arg("min", min)
                    .arg("max", max),
            );
            None
        }
    }
}

/// Whether a checkbox of the query is ticked.
fn ticked(query: &[(String, String)], key: &str) -> bool {
    first(query, key).is_some_and(|v| !matches!(v, "0" | "false" | "off" | "no"))
}

/// An amount for a query string: « 450 », « 450.5 ».
fn amount_text(amount: f64) -> String {
    let text = format!("{amount:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

impl Filters {
    /// The filters of a query string (or of a form carrying the same
    /// names), with what is wrong in it: each wrong filter is left out and
    /// reported beside its field, so that the rest of the search still
    /// runs. `communes` are the site's ([`Settings::communes`]); a commune
    /// is given by its name or its INSEE code.
    pub fn from_query(
        query: &[(String, String)],
        communes: &[Commune],
    ) -> (Filters, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut filters = Filters::default();

        if let Some(q) = first(query, "q") {
            if q.chars().count() > MAX_KEYWORDS {
                errors.push(
                    FieldError::new("q", "search-keywords-too-long").arg("max", MAX_KEYWORDS),
                );
            } else {
                filters.q = q.split_whitespace().collect::<Vec<_>>().join(" ");
            }
        }

        let from = date_of(query, "from", &mut errors);
        let to = date_of(query, "to", &mut errors);
        match (from, to) {
            (Some(from), Some(to)) if to < from => {
                errors.push(FieldError::new("to", "search-dates-order"));
                filters.from = Some(from.to_string());
            }
            _ => {
                filters.from = from.map(|d| d.to_string());
                filters.to = to.map(|d| d.to_string());
            }
        }

        if let Some(wanted) = first(query, "commune") {
            let found = communes.iter().find(|c| {
                (!c.insee.is_empty() && c.insee.eq_ignore_ascii_case(wanted))
                    || c.name.to_lowercase() == wanted.to_lowercase()
            });
            match found {
                Some(c) => {
                    filters.commune = c.name.clone();
                    filters.insee = c.insee.clone();
                }
                None => errors.push(FieldError::new("commune", "search-commune-unknown")),
            }
        }

        if let Some(raw) = first(query, "budget") {
            match estive_kit::input::decimal(raw) {
                Some(b) if b > 0.0 && b <= MAX_BUDGET => filters.budget = Some(b),
                _ => errors.push(FieldError::new("budget", "search-budget-invalid")),
            }
        }
        filters.beds = count_of(query, "beds", MAX_BEDS, false, &mut errors);

        for (_, value) in query.iter().filter(|(k, _)| k == "kind") {
            let value = value.trim();
            if value.is_empty() || filters.kinds.iter().any(|k| k == value) {
                continue;
            }
            if KINDS.contains(&value) {
                filters.kinds.push(value.to_string());
            } else if !errors.iter().any(|e| e.field == "kind") {
                errors.push(FieldError::new("kind", "field-not-a-choice"));
            }
        }
        // In the order of the form, whatever the order of the query.
        filters
            .kinds
            .sort_by_key(|k| KINDS.iter().position(|c| c == k));

        filters.furnished = ticked(query, "furnished");
        filters.unshared = ticked(query, "unshared");
        filters.pets = ticked(query, "pets");
        filters.lifts = count_of(query, "lifts", MAX_MINUTES, true, &mut errors);

        if let Some(season) = first(query, "season") {
            if SEASONS.contains(&season) {
                filters.season = season.to_string();
            } else {
                errors.push(FieldError::new("season", "field-not-a-choice"));
            }
        }
        if let Some(sort) = first(query, "sort") {
            if SORTS.contains(&sort) {
                filters.sort = sort.to_string();
            } else {
                errors.push(FieldError::new("sort", "field-not-a-choice"));
            }
        }
        (filters, errors)
    }

    /// Whether nothing narrows the search (the order aside).
    pub fn is_empty(&self) -> bool {
        Filters {
            sort: String::new(),
            ..self.clone()
        } == Filters::default()
    }

    /// Whether keywords are given (the ranked search is used).
    pub fn has_keywords(&self) -> bool {
        self.q.chars().any(char::is_alphanumeric)
    }

    /// The order the results come in: one of [`SORTS`].
    pub fn order(&self) -> &str {
        match self.sort.as_str() {
            "" | "relevance" if self.has_keywords() => "relevance",
            "" | "relevance" => "newest",
            other => other,
        }
    }

    /// The same filters without their order (what a saved search keeps).
    pub fn unsorted(&self) -> Filters {
        Filters {
            sort: String::new(),
            ..self.clone()
        }
    }

    /// The query string pairs that give these filters back, in the form's
    /// order (the names [`Filters::from_query`] reads).
    pub fn pairs(&self) -> Vec<(String, String)> {
        let mut pairs: Vec<(String, String)> = Vec::new();
        let mut push = |k: &str, v: &str| {
            if !v.is_empty() {
                pairs.push((k.to_string(), v.to_string()));
            }
        };
        push("q", &self.q);
        push("from", self.from.as_deref().unwrap_or_default());
        push("to", self.to.as_deref().unwrap_or_default());
        push(
            "commune",
            if self.insee.is_empty() {
                &self.commune
            } else {
                &self.insee
            },
        );
        push("budget", &self.budget.map(amount_text).unwrap_or_default());
        push(
            "beds",
            &self.beds.map(|b| b.to_string()).unwrap_or_default(),
        );
        for k in &self.kinds {
            push("kind", k);
        }
        for (name, on) in [
            ("furnished", self.furnished),
            ("unshared", self.unshared),
            ("pets", self.pets),
        ] {
            if on {
                push(name, "on");
            }
        }
        push(
            "lifts",
            &self.lifts.map(|m| m.to_string()).unwrap_or_default(),
        );
        push("season", &self.season);
        push("sort", &self.sort);
        pairs
    }

    /// The query string of [`Filters::pairs`], without `?`; empty when
    /// nothing narrows the search.
    pub fn to_query(&self) -> String {
        query_string(&self.pairs())
    }

    /// The storage conditions of the search, as alternatives: a home
    /// matches when it meets every condition of one of them. There is one
    /// alternative unless a winter or summer season is wanted: a home
    /// offered all year fits it too, and the storage has no `OR`. The
    /// alternatives may overlap (a home listed for the winter and all
    /// year): [`find`] counts such a home once. The budget is only
    /// approached here (the rent under it); the charges are added by
    /// [`find`].
    pub fn conditions(&self) -> Vec<Vec<Condition>> {
        use tables::homes as h;
        let mut base = vec![eq(h::STATUS, PUBLISHED)];
        if !self.commune.is_empty() {
            base.push(eq(h::COMMUNE, self.commune.as_str()));
        }
        if let Some(budget) = self.budget {
            base.push(le(h::RENT, budget));
        }
        if let Some(beds) = self.beds {
            base.push(ge(h::BEDS, beds));
        }
        if !self.kinds.is_empty() {
            base.push(one_of(h::KIND, self.kinds.iter().map(String::as_str)));
        }
        if self.furnished {
            base.push(eq(h::FURNISHED, true));
        }
        if self.unshared {
            base.push(eq(h::SHARED, false));
        }
        if self.pets {
            base.push(eq(h::PETS, true));
        }
        if let Some(minutes) = self.lifts {
            base.push(le(h::MINUTES_LIFTS, minutes));
        }
        // The home's period [available_from, available_to] covers the
        // wanted one; one date alone: the home is available that day.
        let from = self.from.as_deref().and_then(Date::parse);
        let to = self.to.as_deref().and_then(Date::parse);
        if let Some(start) = from.or(to) {
            base.push(le(h::AVAILABLE_FROM, start.to_string()));
        }
        if let Some(end) = to.or(from) {
            base.push(ge(h::AVAILABLE_TO, end.to_string()));
        }
        // A stay shorter than the home's minimum does not fit it.
        if let (Some(start), Some(end)) = (from, to) {
            base.push(le(h::MIN_STAY_WEEKS, end.days_since(start).max(0) / 7));
        }
        let quoted = |s: &str| format!("\"{s}\"");
        match self.season.as_str() {
            "" => vec![base],
            "year" => {
                base.push(contains(h::SEASONS, &quoted("year")));
                vec![base]
            }
            season => {
                let mut all_year = base.clone();
                base.push(contains(h::SEASONS, &quoted(season)));
                all_year.push(contains(h::SEASONS, &quoted("year")));
                vec![base, all_year]
            }
        }
    }

    /// The filters written out, one phrase each, for a person (the list's
    /// summary, the saved searches).
    pub fn describe(&self, locale: &str) -> Vec<String> {
        let mut out = Vec::new();
        if !self.q.is_empty() {
            out.push(i18n::t_args("search-describe-keywords", &[("q", &self.q)]));
        }
        let long =
            |d: &Option<String>| display::long_date(d.as_deref().unwrap_or_default(), locale);
        match (&self.from, &self.to) {
            (Some(_), Some(_)) => out.push(i18n::t_args(
                "search-describe-from-to",
                &[("from", &long(&self.from)), ("to", &long(&self.to))],
            )),
            (Some(_), None) => out.push(i18n::t_args(
                "search-describe-on",
                &[("date", &long(&self.from))],
            )),
            (None, Some(_)) => out.push(i18n::t_args(
                "search-describe-on",
                &[("date", &long(&self.to))],
            )),
            (None, None) => {}
        }
        if !self.commune.is_empty() {
            out.push(self.commune.clone());
        }
        if let Some(budget) = self.budget {
            out.push(i18n::t_args(
                "search-describe-budget",
                &[("amount", &display::euros(budget, locale))],
            ));
        }
        if let Some(beds) = self.beds {
            out.push(i18n::t_args(
                "search-describe-beds",
                &[("beds", &beds.to_string())],
            ));
        }
        if !self.kinds.is_empty() {
            let words: Vec<String> = self
                .kinds
                .iter()
                .map(|k| i18n::t(&format!("kind-{k}")))
                .collect();
            out.push(words.join(" / "));
        }
        if self.furnished {
            out.push(i18n::t("search-describe-furnished"));
        }
        if self.unshared {
            out.push(i18n::t("search-describe-unshared"));
        }
        if self.pets {
            out.push(i18n::t("search-describe-pets"));
        }
        if let Some(minutes) = self.lifts {
            out.push(i18n::t_args(
                "search-describe-lifts",
                &[("minutes", &minutes.to_string())],
            ));
        }
        if !self.season.is_empty() {
            out.push(i18n::t(&format!("season-{}", self.season)));
        }
        out
    }
}

/// A home as a search finds it: the columns of a card (or only
/// [`KEY_COLUMNS`], the rest left to their default), with its rank in a
/// keyword search.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct Found {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub commune: String,
    pub area: Option<String>,
    pub beds: i64,
    pub shared: bool,
    pub furnished: bool,
    pub surface: f64,
    pub rent: f64,
    pub charges: f64,
    pub visale: bool,
    pub pets: bool,
    pub minutes_lifts: Option<i64>,
    pub available_from: String,
    pub available_to: String,
    pub photos: i64,
    pub cover_photo: Option<i64>,
    pub published_at: Option<String>,
    /// Higher for a better match; 0 without keywords.
    pub rank: f64,
}

/// A date as a card shows it: « 17 décembre 2026 ».
fn short_date(date: &str, locale: &str) -> String {
    Date::parse(date)
        .map(|d| format!("{} {} {}", d.day(), month_name(d.month(), locale), d.year()))
        .unwrap_or_default()
}

impl Found {
    /// Rent and charges, a month.
    pub fn monthly(&self) -> f64 {
        self.rent + self.charges
    }

    /// The home for `_home_card.html`; `lifts` is the name of the first
    /// landmark ([`Settings::places`]).
    pub fn card(&self, ctx: &Context, lifts: &str) -> Value {
        let locale = ctx.locale();
        json!({
            "id": self.id,
            "url": display::public_path(ctx, self.id),
            "title": self.title,
            "kind_text": i18n::t(&format!("kind-{}", self.kind)),
            "commune": self.commune,
            "area": self.area.as_deref().filter(|a| !a.trim().is_empty()),
            "beds": self.beds,
            "shared": self.shared,
            "furnished": self.furnished,
            "visale": self.visale,
            "pets": self.pets,
            "surface_text": display::decimal(self.surface, locale),
            "monthly_text": display::euros(self.monthly(), locale),
            "charges": self.charges > 0.0,
            "from_text": short_date(&self.available_from, locale),
            "to_text": short_date(&self.available_to, locale),
            "minutes_lifts": self.minutes_lifts,
            "lifts_place": lifts,
            "cover_url": self
                .cover_photo
                .filter(|_| self.photos > 0)
                .map(|p| display::photo_path(ctx, self.id, p)),
        })
    }
}

/// Newest first, then the highest id.
fn by_date(a: &Found, b: &Found) -> Ordering {
    b.published_at
        .cmp(&a.published_at)
        .then_with(|| b.id.cmp(&a.id))
}

/// A rank to two decimals: ranks that close are a tie, which the date
/// settles.
fn rounded(rank: f64) -> i64 {
    (rank * 100.0).round() as i64
}

/// The order of `sort` ([`Filters::order`]).
fn compare(sort: &str, a: &Found, b: &Found) -> Ordering {
    match sort {
        "relevance" => rounded(b.rank)
            .cmp(&rounded(a.rank))
            .then_with(|| by_date(a, b)),
        "cheapest" => a
            .monthly()
            .total_cmp(&b.monthly())
            .then_with(|| by_date(a, b)),
        // Homes that do not say come last.
        "lifts" => match (a.minutes_lifts, b.minutes_lifts) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
        .then_with(|| a.monthly().total_cmp(&b.monthly()))
        .then_with(|| by_date(a, b)),
        _ => by_date(a, b),
    }
}

/// One page of what a search found.
#[derive(Debug, Default)]
pub struct Results {
    /// The homes of the page, in order.
    pub homes: Vec<Found>,
    /// How many homes match.
    pub total: u64,
    /// More matched than a search orders ([`MAX_RANKED`] with keywords):
    /// the rest is left out.
    pub capped: bool,
}

/// Whether a home is within the budget, charges included.
fn within(filters: &Filters, home: &Found) -> bool {
    filters
        .budget
        .is_none_or(|budget| home.monthly() <= budget + 0.005)
}

/// The rows of every alternative, each home once (its best rank kept).
fn merged(rows: impl IntoIterator<Item = Found>) -> Vec<Found> {
    let mut by_id: BTreeMap<i64, Found> = BTreeMap::new();
    for row in rows {
        match by_id.get_mut(&row.id) {
            Some(kept) if kept.rank >= row.rank => {}
            Some(kept) => *kept = row,
            None => {
                by_id.insert(row.id, row);
            }
        }
    }
    by_id.into_values().collect()
}

/// A page of `all`, already ordered.
fn page_of(all: Vec<Found>, page: Page) -> Vec<Found> {
    all.into_iter()
        .skip(page.offset() as usize)
        .take(page.limit() as usize)
        .collect()
}

/// The homes matching `filters` and `extra` conditions, of page `page`,
/// in the order of [`Filters::order`].
///
/// # Errors
/// Storage failures.
pub fn find(filters: &Filters, extra: &[Condition], page: Page) -> Result<Results, Error> {
    let sort = filters.order();
    let branches: Vec<Vec<Condition>> = filters
        .conditions()
        .into_iter()
        .map(|mut b| {
            b.extend(extra.iter().cloned());
            b
        })
        .collect();

    if filters.has_keywords() {
        // The best matches of each alternative (their keys only), ordered
        // here; then the cards of the page.
        // Only what orders and filters them: a keyword may match hundreds.
        let columns: &[&str] = if filters.budget.is_some() || matches!(sort, "cheapest" | "lifts") {
            &KEY_COLUMNS
        } else {
            &["id", "published_at"]
        };
        let mut rows: Vec<Found> = Vec::new();
        let mut capped = false;
        for branch in &branches {
            let search = db::search(tables::HOMES, &filters.q)
                .columns(columns)
                .limit(MAX_RANKED + 1);
            let found: Vec<Found> = branch
                .iter()
                .cloned()
                .fold(search, db::Search::filter)
                .fetch()?;
            capped |= found.len() > MAX_RANKED as usize;
            rows.extend(found);
        }
        let mut keys: Vec<Found> = merged(rows)
            .into_iter()
            .filter(|h| within(filters, h))
            .collect();
        keys.sort_by(|a, b| compare("relevance", a, b));
        capped |= keys.len() > MAX_RANKED as usize;
        keys.truncate(MAX_RANKED as usize);
        if sort != "relevance" {
            keys.sort_by(|a, b| compare(sort, a, b));
        }
        return Ok(Results {
            total: keys.len() as u64,
            homes: cards_of(keys, page)?,
            capped,
        });
    }

    if let [branch] = branches.as_slice()
        && filters.budget.is_none()
        && sort == "newest"
    {
        // The plain search: one paged query, and a count.
        use tables::homes as h;
        let homes: Vec<Found> = db::select(tables::HOMES)
            .columns(&CARD_COLUMNS)
            .filters(branch.iter().cloned())
            .order_desc(h::PUBLISHED_AT)
            .order_desc(h::ID)
            .offset(page.offset())
            .limit(page.limit())
            .fetch()?;
        // A short first page is the whole list: no need to count it.
        let total = if page.offset() == 0 && homes.len() < page.limit() as usize {
            homes.len() as u64
        } else {
            db::count(tables::HOMES)
                .filters(branch.iter().cloned())
                .get()?
        };
        return Ok(Results {
            homes,
            total,
            capped: false,
        });
    }

    // The keys of every match, kept and ordered here; then the cards of
    // the page.
    let mut rows: Vec<Found> = Vec::new();
    let mut capped = false;
    for branch in &branches {
        let found: Vec<Found> = db::select(tables::HOMES)
            .columns(&KEY_COLUMNS)
            .filters(branch.iter().cloned())
            .limit(MAX_KEYS)
            .fetch()?;
        capped |= found.len() >= MAX_KEYS as usize;
        rows.extend(found);
    }
    let mut keys: Vec<Found> = merged(rows)
        .into_iter()
        .filter(|h| within(filters, h))
        .collect();
    keys.sort_by(|a, b| compare(sort, a, b));
    Ok(Results {
        total: keys.len() as u64,
        homes: cards_of(keys, page)?,
        capped,
    })
}

/// The cards of page `page` of homes found by their keys, in their order.
fn cards_of(keys: Vec<Found>, page: Page) -> Result<Vec<Found>, Error> {
    let ids: Vec<i64> = page_of(keys, page).iter().map(|k| k.id).collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut homes: Vec<Found> = db::select(tables::HOMES)
        .columns(&CARD_COLUMNS)
        .filter(one_of(tables::homes::ID, ids.iter().copied()))
        .limit(page.limit())
        .fetch()?;
    homes.sort_by_key(|h| ids.iter().position(|id| *id == h.id));
    Ok(homes)
}

/// The `limit` newest homes matching `filters` and `extra` conditions
/// (with keywords: the newest among the best matches), and how many match
/// in all. For the saved searches' mails.
///
/// # Errors
/// Storage failures.
pub fn newest(
    filters: &Filters,
    extra: &[Condition],
    limit: u32,
) -> Result<(Vec<Found>, u64), Error> {
    let filters = Filters {
        sort: "newest".to_string(),
        ..filters.clone()
    };
    let results = find(&filters, extra, Page::new(1, limit))?;
    Ok((results.homes, results.total))
}

/// The plugin's stylesheet (the list's layout, the cards, the gallery).
pub fn stylesheet() -> String {
    format!(
        "/static/p/housing/{}/housing.css",
        env!("CARGO_PKG_VERSION")
    )
}

/// The portal path of the list, with a query string when given.
pub fn list_path(ctx: &Context, query: &str) -> String {
    let base = ctx
        .url_in("portal", "/")
        .unwrap_or_else(|| "/logements".to_string());
    let base = format!("{}/", base.trim_end_matches('/'));
    if query.is_empty() {
        base
    } else {
        format!("{base}?{query}")
    }
}

/// The filter form's values: what the query string says, as typed (a
/// wrong date is shown again as it was), repeated names as lists.
fn form_values(query: &[(String, String)]) -> Map<String, Value> {
    let mut values = Map::new();
    for (name, value) in query {
        if name == "page" || name == "size" {
            continue;
        }
        match values.get_mut(name) {
            Some(Value::Array(list)) => list.push(Value::String(value.clone())),
            Some(existing) => {
                let previous = existing.take();
                *existing = Value::Array(vec![previous, Value::String(value.clone())]);
            }
            None => {
                values.insert(name.clone(), Value::String(value.clone()));
            }
        }
    }
    values
}

/// The choices of the filter form.
fn choices(communes: &[Commune], lifts: &str) -> Value {
    let commune_options = options(communes.iter().map(|c| {
        let value = if c.insee.is_empty() {
            c.name.clone()
        } else {
            c.insee.clone()
        };
        (value, c.name.clone())
    }));
    let kinds = options(KINDS.iter().map(|k| (*k, i18n::t(&format!("kind-{k}")))));
    let seasons = options(
        SEASONS
            .iter()
            .map(|s| (*s, i18n::t(&format!("season-{s}")))),
    );
    let sorts = options(SORTS.iter().map(|s| {
        let label = if *s == "lifts" {
            i18n::t_args("search-sort-lifts", &[("place", lifts)])
        } else {
            i18n::t(&format!("search-sort-{s}"))
        };
        (*s, label)
    }));
    json!({
        "communes": commune_options,
        "kinds": kinds,
        "seasons": seasons,
        "sorts": sorts,
    })
}

/// The list page: the filters, the homes found, the pager, the link to
/// save the search and the person's own pages.
///
/// # Errors
/// Storage failures.
pub fn list(req: &Request) -> Result<Response, Error> {
    let ctx = req.context();
    let settings = Settings::load()?;
    let communes = settings.communes();
    let places = settings.places();
    let (filters, errors) = Filters::from_query(req.query_pairs(), &communes);
    let page = Page::new(Page::from_request(req, PAGE_SIZE).number, PAGE_SIZE);
    let results = find(&filters, &[], page)?;
    // The pager's links carry the filters as read (a wrong one left out).
    let pager: Pager = page.pager_for_query(results.total, &filters.pairs());
    let cards: Vec<Value> = results
        .homes
        .iter()
        .map(|f| f.card(ctx, &places[0]))
        .collect();

    let mut form = Form::new("housing-search")
        .label("q", "search-keywords")
        .label("from", "search-from")
        .label("to", "search-to")
        .label("commune", "search-commune")
        .label("budget", "search-budget")
        .label("beds", "search-beds")
        .label("kind", "search-kind")
        .label_text(
            "lifts",
            i18n::t_args("search-lifts", &[("place", &places[0])]),
        )
        .label("season", "search-season")
        .label("sort", "search-sort")
        .values(json!({ "sort": filters.order() }))
        .values(form_values(req.query_pairs()));
    if !errors.is_empty() {
        form = form.errors(&Error::Invalid(errors));
    }
    let saved = filters.unsorted().to_query();
    let alerts_url = if saved.is_empty() {
        req.url("/alertes")
    } else {
        req.url(&format!("/alertes?{saved}"))
    };
    Ok(view("list.html")
        .title(i18n::t("housing-title"))
        .set("choices", choices(&communes, &places[0]))
        .set("homes", cards)
        .set("total", results.total)
        .set("capped", results.capped)
        .set("max_ranked", MAX_RANKED)
        .set("pager", pager)
        .set("filtered", !filters.is_empty())
        .set("order", filters.order())
        .set("described", filters.describe(ctx.locale()))
        .set("lifts_place", &places[0])
        .set("alerts_url", alerts_url)
        .set("css", stylesheet())
        .form(form)
        .into())
}

/// The portal widget: the five newest published homes, nothing when
/// there are none.
///
/// # Errors
/// Storage failures.
pub fn widget_latest(ctx: &Context) -> Result<Option<View>, Error> {
    use tables::homes as h;
    let homes: Vec<Found> = db::select(tables::HOMES)
        .columns(&CARD_COLUMNS)
        .filter(eq(h::STATUS, PUBLISHED))
        .order_desc(h::PUBLISHED_AT)
        .order_desc(h::ID)
        .limit(WIDGET_HOMES)
        .fetch()?;
    if homes.is_empty() {
        return Ok(None);
    }
    let places = Settings::load()?.places();
    let cards: Vec<Value> = homes.iter().map(|f| f.card(ctx, &places[0])).collect();
    Ok(Some(
        view("widget_latest.html")
            .set("homes", cards)
            .set("css", stylesheet()),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn communes() -> Vec<Commune> {
        ["65388 Saint-Lary-Soulan", "65017 Arreau", "Ailleurs"]
            .iter()
            .filter_map(|l| Commune::parse(l))
            .collect()
    }

    #[test]
    fn a_query_gives_its_filters_back() {
        let (filters, errors) = Filters::from_query(
            &pairs(&[
                ("q", "  studio   pistes "),
                ("from", "2026-12-20"),
                ("to", "2027-03-01"),
                ("commune", "saint-lary-soulan"),
                ("budget", "450,50"),
                ("beds", "2"),
                ("kind", "room"),
                ("kind", "studio"),
                ("kind", "room"),
                ("furnished", "on"),
                ("unshared", "on"),
                ("pets", "on"),
                ("lifts", "10"),
                ("season", "winter"),
                ("sort", "cheapest"),
                ("page", "2"),
            ]),
            &communes(),
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(filters.q, "studio pistes");
        assert_eq!(
            (filters.commune.as_str(), filters.insee.as_str()),
            ("Saint-Lary-Soulan", "65388")
        );
        assert_eq!(filters.kinds, ["studio", "room"]);
        assert_eq!(filters.budget, Some(450.5));
        assert_eq!(
            filters.to_query(),
            "q=studio%20pistes&from=2026-12-20&to=2027-03-01&commune=65388&budget=450.5\
             &beds=2&kind=studio&kind=room&furnished=on&unshared=on&pets=on&lifts=10\
             &season=winter&sort=cheapest"
        );
        let (again, errors) = Filters::from_query(&filters.pairs(), &communes());
        assert!(errors.is_empty());
        assert_eq!(again, filters);
        // A winter season: the homes of the winter, and those of all year.
        assert_eq!(filters.conditions().len(), 2);
        assert_eq!(filters.order(), "cheapest");
        assert_eq!(filters.unsorted().sort, "");
    }

    #[test]
    fn wrong_filters_are_reported_and_left_out() {
        let (filters, errors) = Filters::from_query(
            &pairs(&[
                ("from", "31/12/2026"),
                ("commune", "Paris"),
                ("budget", "beaucoup"),
                ("beds", "0"),
                ("kind", "castle"),
                ("kind", "house"),
                ("lifts", "-3"),
                ("season", "autumn"),
                ("sort", "random"),
            ]),
            &communes(),
        );
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "from", "commune", "budget", "beds", "kind", "lifts", "season", "sort"
            ]
        );
        assert_eq!(filters.kinds, ["house"]);
        assert_eq!(filters.from, None);
        assert_eq!(filters.budget, None);
        assert_eq!(filters.conditions().len(), 1);
        assert_eq!(filters.order(), "newest");
    }

    #[test]
    fn an_end_before_the_start_is_refused() {
        let (filters, errors) = Filters::from_query(
            &pairs(&[("from", "2027-01-10"), ("to", "2027-01-01")]),
            &communes(),
        );
        assert_eq!(errors[0].field, "to");
        assert_eq!(filters.from.as_deref(), Some("2027-01-10"));
        assert_eq!(filters.to, None);
    }

    #[test]
    fn keywords_sort_by_relevance_unless_told() {
        let (filters, _) = Filters::from_query(&pairs(&[("q", "studio")]), &communes());
        assert_eq!(filters.order(), "relevance");
        let (filters, _) = Filters::from_query(&pairs(&[("sort", "relevance")]), &communes());
        assert_eq!(filters.order(), "newest");
    }

    #[test]
    fn saved_filters_read_back_from_json() {
        let filters = Filters {
            q: "ski".into(),
            budget: Some(500.0),
            furnished: true,
            ..Filters::default()
        };
        let json = serde_json::to_value(&filters).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"q": "ski", "budget": 500.0, "furnished": true})
        );
        let back: Filters = serde_json::from_value(json).unwrap();
        assert_eq!(back, filters);
        let empty: Filters = serde_json::from_str("{}").unwrap();
        assert!(empty.is_empty());
    }

    #[test]
    fn orders_put_unknown_distances_last_and_ties_to_the_newest() {
        let home = |id, rent: f64, lifts: Option<i64>, at: &str| Found {
            id,
            rent,
            minutes_lifts: lifts,
            published_at: Some(at.into()),
            ..Found::default()
        };
        let mut rows = [
            home(1, 500.0, None, "2026-12-01T08:00:00Z"),
            home(2, 300.0, Some(20), "2026-12-02T08:00:00Z"),
            home(3, 400.0, Some(5), "2026-12-03T08:00:00Z"),
        ];
        rows.sort_by(|a, b| compare("lifts", a, b));
        assert_eq!(rows.iter().map(|f| f.id).collect::<Vec<_>>(), [3, 2, 1]);
        rows.sort_by(|a, b| compare("cheapest", a, b));
        assert_eq!(rows.iter().map(|f| f.id).collect::<Vec<_>>(), [2, 3, 1]);
        rows.sort_by(|a, b| compare("newest", a, b));
        assert_eq!(rows.iter().map(|f| f.id).collect::<Vec<_>>(), [3, 2, 1]);
    }
}
