//! Finding offers: the list page with its filters, the search behind the
//! feeds and the saved searches, and the portal's widget.
//!
//! The filters travel in the query string (a GET form), so that a search
//! is a link one can keep, share, subscribe to ([`crate::feeds`]) or save
//! ([`crate::alerts`], which stores [`Filters`] as JSON). Without
//! keywords the newest offers come first; with keywords, the storage's
//! ranked search (the table's `search` columns, the title weighing most)
//! orders them by relevance, then by date.
//!
//! The storage has no `OR`, and an offer without dates matches any wanted
//! period: the date filters therefore split a search into disjoint
//! branches ([`Filters::conditions`]), each a plain conjunction, whose
//! rows are merged here.

use std::cmp::Ordering;

use estive_sdk::db::Condition;
use estive_sdk::form::{Form, options};
use estive_sdk::page::Pager;
use estive_sdk::prelude::*;
use estive_sdk::url::query_string;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::model::{CONTRACTS, FRANCE_TRAVAIL, LOCAL, PUBLISHED, SEASONS};
use crate::store::{Commune, Settings};
use crate::{display, tables};

/// Offers on a page of results.
pub const PAGE_SIZE: u32 = 20;

/// The most matches of a keyword search that are ranked and paged: past
/// them, a person refines the search rather than reading on.
pub const MAX_RANKED: u32 = 500;

/// The longest keywords kept.
const MAX_KEYWORDS: usize = 200;

/// Offers in the portal's widget.
const WIDGET_OFFERS: u32 = 5;

/// The columns an offer's card shows (the list, the widget, the mails).
pub const CARD_COLUMNS: [&str; 12] = [
    "id",
    "source",
    "title",
    "employer_name",
    "commune",
    "contract",
    "contract_label",
    "season",
    "starts_on",
    "ends_on",
    "housing",
    "published_at",
];

/// The filters of the list page, as its query string gives them and as a
/// saved search keeps them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filters {
    /// Keywords, searched by the storage's ranked search.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub q: String,
    /// The commune's name (one of the site's communes).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub commune: String,
    /// The commune's INSEE code, when the site's setting gives one: offers
    /// are then matched by code (imported ones name communes their own
    /// way).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub insee: String,
    /// Kinds of contract ([`CONTRACTS`]); none: all.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contracts: Vec<String>,
    /// One of [`SEASONS`], or empty for all.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub season: String,
    /// Available from this date (`YYYY-MM-DD`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Available until this date (`YYYY-MM-DD`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Only offers with housing provided.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub housing: bool,
    /// [`LOCAL`], [`FRANCE_TRAVAIL`], or empty for both.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source: String,
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
    match Date::parse(raw) {
        Some(date) => Some(date),
        None => {
            errors.push(FieldError::new(key, "search-date-invalid"));
            None
        }
    }
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

        for (_, value) in query.iter().filter(|(k, _)| k == "contract") {
            let value = value.trim();
            if value.is_empty() || filters.contracts.iter().any(|c| c == value) {
                continue;
            }
            if CONTRACTS.contains(&value) {
                filters.contracts.push(value.to_string());
            } else if !errors.iter().any(|e| e.field == "contract") {
                errors.push(FieldError::new("contract", "field-not-a-choice"));
            }
        }
        // In the order of the form, whatever the order of the query.
        filters
            .contracts
            .sort_by_key(|c| CONTRACTS.iter().position(|k| k == c));

        if let Some(season) = first(query, "season") {
            if SEASONS.contains(&season) {
                filters.season = season.to_string();
            } else {
                errors.push(FieldError::new("season", "field-not-a-choice"));
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

        filters.housing =
            first(query, "housing").is_some_and(|v| !matches!(v, "0" | "false" | "off" | "no"));

        if let Some(source) = first(query, "source") {
            if source == LOCAL || source == FRANCE_TRAVAIL {
                filters.source = source.to_string();
            } else {
                errors.push(FieldError::new("source", "field-not-a-choice"));
            }
        }
        (filters, errors)
    }

    /// Whether nothing narrows the search.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// Whether keywords are given (the ranked search is used).
    pub fn has_keywords(&self) -> bool {
        self.q.chars().any(char::is_alphanumeric)
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
        push(
            "commune",
            if self.insee.is_empty() {
                &self.commune
            } else {
                &self.insee
            },
        );
        for c in &self.contracts {
            push("contract", c);
        }
        push("season", &self.season);
        push("from", self.from.as_deref().unwrap_or_default());
        push("to", self.to.as_deref().unwrap_or_default());
        if self.housing {
            push("housing", "on");
        }
        push("source", &self.source);
        pairs
    }

    /// The query string of [`Filters::pairs`], without `?`; empty when
    /// nothing narrows the search.
    pub fn to_query(&self) -> String {
        query_string(&self.pairs())
    }

    /// The storage conditions of the search, as alternatives: an offer
    /// matches when it meets every condition of one of them. They are
    /// disjoint (an offer meets at most one), so counts add up. There is
    /// one alternative unless dates are wanted: an offer without a start
    /// date, or without an end date, matches any period, and the storage
    /// has no `OR`.
    pub fn conditions(&self) -> Vec<Vec<Condition>> {
        use tables::offers as o;
        let mut base = vec![eq(o::STATUS, PUBLISHED)];
        if !self.insee.is_empty() {
            base.push(eq(o::INSEE, self.insee.as_str()));
        } else if !self.commune.is_empty() {
            base.push(eq(o::COMMUNE, self.commune.as_str()));
        }
        if !self.contracts.is_empty() {
            base.push(one_of(
                o::CONTRACT,
                self.contracts.iter().map(String::as_str),
            ));
        }
        if !self.season.is_empty() {
            base.push(eq(o::SEASON, self.season.as_str()));
        }
        if self.housing {
            base.push(eq(o::HOUSING, true));
        }
        if !self.source.is_empty() {
            base.push(eq(o::SOURCE, self.source.as_str()));
        }
        // The offer's period [starts_on, ends_on] meets the wanted one
        // [from, to]: it starts before the wanted end (or says no start)
        // and ends after the wanted start (or says no end).
        let starts: Vec<Condition> = match &self.to {
            Some(to) => vec![le(o::STARTS_ON, to.as_str()), is_null(o::STARTS_ON)],
            None => Vec::new(),
        };
        let ends: Vec<Condition> = match &self.from {
            Some(from) => vec![ge(o::ENDS_ON, from.as_str()), is_null(o::ENDS_ON)],
            None => Vec::new(),
        };
        let mut branches = vec![base];
        for alternatives in [starts, ends] {
            if alternatives.is_empty() {
                continue;
            }
            branches = branches
                .into_iter()
                .flat_map(|branch| {
                    alternatives.iter().map(move |c| {
                        let mut b = branch.clone();
                        b.push(c.clone());
                        b
                    })
                })
                .collect();
        }
        branches
    }

    /// The filters written out, one phrase each, for a person (the saved
    /// searches, the feeds' titles).
    pub fn describe(&self, locale: &str) -> Vec<String> {
        let mut out = Vec::new();
        if !self.q.is_empty() {
            out.push(i18n::t_args("search-describe-keywords", &[("q", &self.q)]));
        }
        if !self.commune.is_empty() {
            out.push(self.commune.clone());
        }
        if !self.contracts.is_empty() {
            let words: Vec<String> = self
                .contracts
                .iter()
                .map(|c| i18n::t(&format!("contract-{c}")))
                .collect();
            out.push(words.join(" / "));
        }
        if !self.season.is_empty() {
            out.push(display::season_text(Some(&self.season)));
        }
        let long = |d: &Option<String>| display::long_date(d.as_deref(), locale);
        match (&self.from, &self.to) {
            (Some(_), Some(_)) => out.push(i18n::t_args(
                "search-describe-from-to",
                &[("from", &long(&self.from)), ("to", &long(&self.to))],
            )),
            (Some(_), None) => out.push(i18n::t_args(
                "search-describe-from",
                &[("from", &long(&self.from))],
            )),
            (None, Some(_)) => {
                out.push(i18n::t_args(
                    "search-describe-to",
                    &[("to", &long(&self.to))],
                ));
            }
            (None, None) => {}
        }
        if self.housing {
            out.push(i18n::t("search-describe-housing"));
        }
        if !self.source.is_empty() {
            out.push(i18n::t(&format!("search-describe-source-{}", self.source)));
        }
        out
    }
}

/// An offer as a search finds it: the columns of a card (and, for the
/// feeds, its description), with its rank in a keyword search.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct Found {
    pub id: i64,
    pub source: String,
    pub title: String,
    pub employer_name: Option<String>,
    pub commune: Option<String>,
    pub contract: String,
    pub contract_label: Option<String>,
    pub season: Option<String>,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub housing: bool,
    pub published_at: Option<String>,
    /// Read by the feeds only.
    pub description: Option<String>,
    /// Read by the feeds only.
    pub source_updated_at: Option<String>,
    /// Higher for a better match; 0 without keywords.
    pub rank: f64,
}

impl Found {
    /// Whether it came from France Travail.
    pub fn imported(&self) -> bool {
        self.source == FRANCE_TRAVAIL
    }

    /// The words of its contract: the source's own for an imported offer.
    pub fn contract_text(&self) -> String {
        match &self.contract_label {
            Some(label) if self.imported() && !label.trim().is_empty() => label.clone(),
            _ => i18n::t(&format!("contract-{}", self.contract)),
        }
    }

    /// The offer for `_offer_card.html`, the site's offset from UTC
    /// given (`offset_ms`, [`site_offset_ms`]). Codes are translated by
    /// the template: the list is the board's most read page.
    pub fn card(&self, ctx: &Context, offset_ms: i64) -> Value {
        let locale = ctx.locale();
        let published_on = self
            .published_at
            .as_deref()
            .and_then(|at| DateTime::parse(at.get(..19).unwrap_or(at)))
            .map(|at| DateTime::from_unix_millis(display::millis(at) + offset_ms).date())
            .map(|d| d.long(locale))
            .unwrap_or_default();
        let label = self
            .contract_label
            .as_ref()
            .filter(|l| self.imported() && !l.trim().is_empty());
        json!({
            "id": self.id,
            "url": display::public_path(ctx, self.id),
            "title": self.title,
            "employer_name": self.employer_name,
            "commune": self.commune,
            "contract": self.contract,
            "contract_label": label,
            "season": self.season.as_deref().filter(|s| !s.is_empty()),
            "starts_on_text": display::long_date(self.starts_on.as_deref(), locale),
            "ends_on_text": display::long_date(self.ends_on.as_deref(), locale),
            "housing": self.housing,
            "imported": self.imported(),
            "published_on_text": published_on,
        })
    }
}

/// The site's offset from UTC now, in milliseconds.
pub fn site_offset_ms() -> i64 {
    let now = clock::now();
    display::millis(now.local_datetime()) - display::millis(now.utc_datetime())
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

/// Best match first, then newest.
fn by_relevance(a: &Found, b: &Found) -> Ordering {
    rounded(b.rank)
        .cmp(&rounded(a.rank))
        .then_with(|| by_date(a, b))
}

/// One page of what a search found.
#[derive(Debug, Default)]
pub struct Results {
    /// The offers of the page, in order.
    pub offers: Vec<Found>,
    /// How many offers match (at most [`MAX_RANKED`] with keywords).
    pub total: u64,
    /// A keyword search found more than [`MAX_RANKED`]: the rest is left
    /// out.
    pub capped: bool,
}

/// The branches of a search: its alternatives, each with `extra`.
fn branches(filters: &Filters, extra: &[Condition]) -> Vec<Vec<Condition>> {
    filters
        .conditions()
        .into_iter()
        .map(|mut b| {
            b.extend(extra.iter().cloned());
            b
        })
        .collect()
}

/// The best matches of a keyword search (at most [`MAX_RANKED`]), best
/// first then newest, and whether more were found.
fn ranked(
    filters: &Filters,
    extra: &[Condition],
    columns: &[&str],
) -> Result<(Vec<Found>, bool), Error> {
    let mut all: Vec<Found> = Vec::new();
    for branch in branches(filters, extra) {
        let search = db::search(tables::OFFERS, &filters.q)
            .columns(columns)
            .limit(MAX_RANKED + 1);
        let rows: Vec<Found> = branch
            .into_iter()
            .fold(search, db::Search::filter)
            .fetch()?;
        all.extend(rows);
    }
    all.sort_by(by_relevance);
    let capped = all.len() > MAX_RANKED as usize;
    all.truncate(MAX_RANKED as usize);
    Ok((all, capped))
}

/// The newest offers without keywords, rows `skip..skip + take` of the
/// whole list, and how many match.
fn by_date_page(
    filters: &Filters,
    extra: &[Condition],
    columns: &[&str],
    skip: u32,
    take: u32,
) -> Result<(Vec<Found>, u64), Error> {
    let branches = branches(filters, extra);
    let select = |branch: &[Condition]| {
        db::select(tables::OFFERS)
            .columns(columns)
            .filters(branch.iter().cloned())
            .order_desc(tables::offers::PUBLISHED_AT)
            .order_desc(tables::offers::ID)
    };
    if let [branch] = branches.as_slice() {
        let offers: Vec<Found> = select(branch).offset(skip).limit(take).fetch()?;
        // A short first page is the whole list: no need to count it.
        let total = if skip == 0 && offers.len() < take as usize {
            offers.len() as u64
        } else {
            db::count(tables::OFFERS)
                .filters(branch.iter().cloned())
                .get()?
        };
        return Ok((offers, total));
    }
    // Several branches: the first `skip + take` of each, merged.
    let mut all: Vec<Found> = Vec::new();
    let mut total = 0;
    for branch in &branches {
        let rows: Vec<Found> = select(branch).limit(skip.saturating_add(take)).fetch()?;
        all.extend(rows);
        total += db::count(tables::OFFERS)
            .filters(branch.iter().cloned())
            .get()?;
    }
    all.sort_by(by_date);
    let offers = all
        .into_iter()
        .skip(skip as usize)
        .take(take as usize)
        .collect();
    Ok((offers, total))
}

/// The offers matching `filters` and `extra` conditions, of page `page`:
/// ranked when there are keywords, newest first otherwise. Only `columns`
/// are read.
///
/// # Errors
/// Storage failures.
pub fn find(
    filters: &Filters,
    extra: &[Condition],
    columns: &[&str],
    page: Page,
) -> Result<Results, Error> {
    if filters.has_keywords() {
        // The order needs only each match's id, date and rank; the cards
        // are read for the page's offers alone.
        let (all, capped) = ranked(
            filters,
            extra,
            &[tables::offers::ID, tables::offers::PUBLISHED_AT],
        )?;
        let total = all.len() as u64;
        let shown: Vec<Found> = all
            .into_iter()
            .skip(page.offset() as usize)
            .take(page.limit() as usize)
            .collect();
        let offers = if shown.is_empty() {
            Vec::new()
        } else {
            let mut cards: Vec<Found> = db::select(tables::OFFERS)
                .columns(columns)
                .filter(one_of(tables::offers::ID, shown.iter().map(|f| f.id)))
                .fetch()?;
            let position = |id: i64| shown.iter().position(|f| f.id == id);
            cards.sort_by_key(|c| position(c.id));
            for card in &mut cards {
                if let Some(i) = position(card.id) {
                    card.rank = shown[i].rank;
                }
            }
            cards
        };
        return Ok(Results {
            offers,
            total,
            capped,
        });
    }
    let (offers, total) = by_date_page(filters, extra, columns, page.offset(), page.limit())?;
    Ok(Results {
        offers,
        total,
        capped: false,
    })
}

/// The `limit` newest offers matching `filters` and `extra` conditions
/// (with keywords: the newest among the best matches), and how many match
/// in all. For the feeds and the saved searches' mails.
///
/// # Errors
/// Storage failures.
pub fn newest(
    filters: &Filters,
    extra: &[Condition],
    columns: &[&str],
    limit: u32,
) -> Result<(Vec<Found>, u64), Error> {
    if filters.has_keywords() {
        let (mut all, _) = ranked(filters, extra, columns)?;
        let total = all.len() as u64;
        all.sort_by(by_date);
        all.truncate(limit as usize);
        return Ok((all, total));
    }
    by_date_page(filters, extra, columns, 0, limit)
}

/// The plugin's stylesheet (the list's layout, the offer page).
pub fn stylesheet() -> String {
    format!("/static/p/jobs/{}/jobs.css", env!("CARGO_PKG_VERSION"))
}

/// The portal path of the list, with a query string when given.
pub fn list_path(ctx: &Context, query: &str) -> String {
    let base = ctx
        .url_in("portal", "/")
        .unwrap_or_else(|| "/emplois".to_string());
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
fn choices(communes: &[Commune]) -> Value {
    let commune_options = options(communes.iter().map(|c| {
        let value = if c.insee.is_empty() {
            c.name.clone()
        } else {
            c.insee.clone()
        };
        (value, c.name.clone())
    }));
    let contracts = options(
        CONTRACTS
            .iter()
            .map(|c| (*c, i18n::t(&format!("contract-{c}")))),
    );
    let seasons = options(
        SEASONS
            .iter()
            .map(|s| (*s, i18n::t(&format!("season-{s}")))),
    );
    let sources = options([
        ("", i18n::t("search-source-all")),
        (LOCAL, i18n::t("search-source-local")),
        (FRANCE_TRAVAIL, i18n::t("search-source-francetravail")),
    ]);
    json!({
        "communes": commune_options,
        "contracts": contracts,
        "seasons": seasons,
        "sources": sources,
    })
}

/// The list page: the filters, the offers found, the pager, the links to
/// save the search and to follow it.
///
/// # Errors
/// Storage failures.
pub fn list(req: &Request) -> Result<Response, Error> {
    let ctx = req.context();
    let settings = Settings::load()?;
    let communes = settings.communes();
    let (filters, errors) = Filters::from_query(req.query_pairs(), &communes);
    let page = Page::new(Page::from_request(req, PAGE_SIZE).number, PAGE_SIZE);
    let results = find(&filters, &[], &CARD_COLUMNS, page)?;
    // The pager's links carry the filters as read (a wrong one left out).
    let pager: Pager = page.pager_for_query(results.total, &filters.pairs());
    let offset = site_offset_ms();
    let cards: Vec<Value> = results.offers.iter().map(|f| f.card(ctx, offset)).collect();

    let mut form = Form::new("jobs-search")
        .label("q", "search-keywords")
        .label("commune", "search-commune")
        .label("contract", "search-contract")
        .label("season", "search-season")
        .label("from", "search-from")
        .label("to", "search-to")
        .label("source", "search-source")
        // "All sources" is ticked unless the query says otherwise.
        .values(json!({ "source": "" }))
        .values(form_values(req.query_pairs()));
    if !errors.is_empty() {
        form = form.errors(&Error::Invalid(errors));
    }
    let query = filters.to_query();
    let with_query = |path: &str| {
        if query.is_empty() {
            req.url(path)
        } else {
            req.url(&format!("{path}?{query}"))
        }
    };
    Ok(view("list.html")
        .title(i18n::t("jobs-title"))
        .set("choices", choices(&communes))
        .set("offers", cards)
        .set("total", results.total)
        .set("capped", results.capped)
        .set("pager", pager)
        .set("filtered", !filters.is_empty())
        .set("keywords", filters.has_keywords())
        .set("described", filters.describe(ctx.locale()))
        .set("alerts_url", with_query("/alertes"))
        .set("rss_url", with_query("/flux.rss"))
        .set("atom_url", with_query("/flux.atom"))
        .set("css", stylesheet())
        .form(form)
        .into())
}

/// The title of a feed of these filters (« Emplois saisonniers : Arreau,
/// Saisonnier »).
pub fn feed_title(filters: &Filters, locale: &str) -> String {
    let words = filters.describe(locale);
    if words.is_empty() {
        i18n::t("jobs-title")
    } else {
        i18n::t_args("search-feed-title", &[("filters", &words.join(", "))])
    }
}

/// The portal widget: the five newest seasonal offers (a seasonal
/// contract, or a winter or summer season), nothing when there are none.
///
/// # Errors
/// Storage failures.
pub fn widget_latest(ctx: &Context) -> Result<Option<View>, Error> {
    use tables::offers as o;
    let newest = |condition: Condition| -> Result<Vec<Found>, Error> {
        db::select(tables::OFFERS)
            .columns(&CARD_COLUMNS)
            .filter(eq(o::STATUS, PUBLISHED))
            .filter(condition)
            .order_desc(o::PUBLISHED_AT)
            .order_desc(o::ID)
            .limit(WIDGET_OFFERS)
            .fetch()
    };
    let mut offers = newest(eq(o::CONTRACT, "seasonal"))?;
    for other in newest(one_of(o::SEASON, ["winter", "summer"]))? {
        if !offers.iter().any(|f| f.id == other.id) {
            offers.push(other);
        }
    }
    if offers.is_empty() {
        return Ok(None);
    }
    offers.sort_by(by_date);
    offers.truncate(WIDGET_OFFERS as usize);
    let offset = site_offset_ms();
    let cards: Vec<Value> = offers.iter().map(|f| f.card(ctx, offset)).collect();
    Ok(Some(view("widget_latest.html").set("offers", cards)))
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
                ("q", "  perchman   pistes "),
                ("commune", "saint-lary-soulan"),
                ("contract", "cdd"),
                ("contract", "seasonal"),
                ("contract", "cdd"),
                ("season", "winter"),
                ("from", "2026-12-20"),
                ("to", "2027-03-01"),
                ("housing", "on"),
                ("source", "local"),
                ("page", "2"),
            ]),
            &communes(),
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(filters.q, "perchman pistes");
        assert_eq!(
            (filters.commune.as_str(), filters.insee.as_str()),
            ("Saint-Lary-Soulan", "65388")
        );
        assert_eq!(filters.contracts, ["seasonal", "cdd"]);
        assert!(filters.housing);
        assert_eq!(
            filters.to_query(),
            "q=perchman%20pistes&commune=65388&contract=seasonal&contract=cdd&season=winter\
             &from=2026-12-20&to=2027-03-01&housing=on&source=local"
        );
        let (again, errors) = Filters::from_query(&filters.pairs(), &communes());
        assert!(errors.is_empty());
        assert_eq!(again, filters);
        // Two dates: four disjoint alternatives.
        assert_eq!(filters.conditions().len(), 4);
    }

    #[test]
    fn wrong_filters_are_reported_and_left_out() {
        let (filters, errors) = Filters::from_query(
            &pairs(&[
                ("commune", "Paris"),
                ("contract", "forever"),
                ("contract", "cdi"),
                ("season", "autumn"),
                ("from", "31/12/2026"),
                ("source", "elsewhere"),
            ]),
            &communes(),
        );
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["commune", "contract", "season", "from", "source"]);
        assert_eq!(errors[3].message, "search-date-invalid");
        assert_eq!(filters.contracts, ["cdi"]);
        assert_eq!(filters.from, None);
        assert_eq!(filters.conditions().len(), 1);
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
        assert_eq!(filters.conditions().len(), 2);
    }

    #[test]
    fn a_commune_without_code_is_matched_by_name() {
        let (filters, _) = Filters::from_query(&pairs(&[("commune", "AILLEURS")]), &communes());
        assert_eq!(filters.commune, "Ailleurs");
        assert_eq!(filters.to_query(), "commune=Ailleurs");
    }

    #[test]
    fn saved_filters_read_back_from_json() {
        let filters = Filters {
            q: "ski".into(),
            housing: true,
            ..Filters::default()
        };
        let json = serde_json::to_value(&filters).unwrap();
        assert_eq!(json, serde_json::json!({"q": "ski", "housing": true}));
        let back: Filters = serde_json::from_value(json).unwrap();
        assert_eq!(back, filters);
        let empty: Filters = serde_json::from_str("{}").unwrap();
        assert!(empty.is_empty());
    }

    #[test]
    fn ranks_tie_at_two_decimals_and_the_date_decides() {
        let found = |id, rank, at: &str| Found {
            id,
            rank,
            published_at: Some(at.into()),
            ..Found::default()
        };
        let mut rows = [
            found(1, 1.501, "2026-12-01T08:00:00Z"),
            found(2, 1.499, "2026-12-05T08:00:00Z"),
            found(3, 2.0, "2026-11-01T08:00:00Z"),
        ];
        rows.sort_by(by_relevance);
        let ids: Vec<i64> = rows.iter().map(|f| f.id).collect();
        assert_eq!(ids, [3, 2, 1]);
    }
}
