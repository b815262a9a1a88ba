//! The client of France Travail's "Offres d'emploi v2" API: an OAuth2
//! token by client credentials, a page of the offer search, and the
//! mapping of an offer onto the columns of `offers`.
//!
//! France Travail's answers are read tolerantly, as its offers come from
//! many partners: an offer without `id` or `intitule` is left out and
//! reported as a [`Problem`], any other field may be missing or of another
//! type; the body is decoded by the charset its `Content-Type` names
//! (UTF-8, or ISO-8859-1 / Windows-1252, decoded here). An HTML page or
//! JSON that does not parse is a clear [`Failure`], never an empty result:
//! the import then keeps the offers it had.

use estive_sdk::dates::DateTime;
use estive_sdk::http::{HttpError, HttpRequest, HttpResponse};
use estive_sdk::prelude::*;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::model::{self, FRANCE_TRAVAIL, PUBLISHED};
use crate::store::Commune;

/// The scopes the token is asked for.
pub const SCOPE: &str = "api_offresdemploiv2 o2dsoffre";
/// The most offers a search page returns.
pub const PAGE: usize = 150;
/// The highest first position of a search range the API accepts.
pub const MAX_START: usize = 3000;
/// The most communes one search takes.
pub const MAX_COMMUNES: usize = 5;
/// How long one request may take (the import's batches stop starting
/// requests after about 8 s, and a call of the plugin has 20 s).
pub const TIMEOUT_MS: u32 = 9_000;
/// An imported offer stays this many days without being seen again
/// before it expires on its own (every run pushes it back; a run that no
/// longer sees it withdraws it at once).
pub const KEEP_DAYS: i64 = 30;

/// Bounds on what is stored of an offer.
const MAX_TITLE: usize = 300;
const MAX_DESCRIPTION: usize = 50_000;
const MAX_TEXT: usize = 1_000;
const MAX_URL: usize = 2_000;
const MAX_ITEMS: usize = 30;
const MAX_ITEM: usize = 200;
const MAX_ID: usize = 40;

// Failures --------------------------------------------------------------------

/// Why something went wrong, as a message of the catalogue and its
/// arguments, so that each page shows it in its own language.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct Reason {
    /// A key of the catalogue (`ft-error-…`).
    pub key: String,
    /// Its arguments.
    pub args: Map<String, Value>,
}

impl Reason {
    /// A reason with its arguments.
    pub fn new(key: &str, args: &[(&str, String)]) -> Reason {
        Reason {
            key: key.to_string(),
            args: args
                .iter()
                .map(|(k, v)| ((*k).to_string(), Value::String(v.clone())))
                .collect(),
        }
    }

    /// The message in the language of the call.
    pub fn text(&self) -> String {
        let args: Vec<(&str, &str)> = self
            .args
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str().unwrap_or_default()))
            .collect();
        i18n::t_args(&self.key, &args)
    }
}

/// Why a request to France Travail gave nothing usable.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// Worth trying again later: a rate limit (429), an outage (5xx), a
    /// timeout or a network failure. `retry_after` is what the server
    /// asked for, in seconds.
    Later {
        /// What happened.
        reason: Reason,
        /// `Retry-After`, in seconds, when the server gave one.
        retry_after: Option<u64>,
    },
    /// The token was refused (it expired): ask for another one.
    TokenRefused,
    /// Trying again will not help until someone acts: wrong credentials,
    /// an HTML page, unreadable JSON, a request refused, a host not
    /// granted.
    Fatal(Reason),
}

impl Failure {
    /// The reason, for the run's record.
    pub fn reason(&self) -> Reason {
        match self {
            Failure::Later { reason, .. } | Failure::Fatal(reason) => reason.clone(),
            Failure::TokenRefused => Reason::new("ft-error-token-refused", &[]),
        }
    }
}

fn http_failure(url: &str, e: HttpError) -> Failure {
    match e {
        HttpError::Timeout => Failure::Later {
            reason: Reason::new("ft-error-timeout", &[]),
            retry_after: None,
        },
        HttpError::Failed(detail) => Failure::Later {
            reason: Reason::new("ft-error-network", &[("detail", clip(&detail, 300))]),
            retry_after: None,
        },
        HttpError::NotGranted(host) => {
            Failure::Fatal(Reason::new("ft-error-not-granted", &[("host", host)]))
        }
        HttpError::InvalidUrl(detail) => Failure::Fatal(Reason::new(
            "ft-error-url",
            &[("url", clip(url, 300)), ("detail", clip(&detail, 300))],
        )),
        HttpError::TooLarge(limit) => Failure::Fatal(Reason::new(
            "ft-error-too-large",
            &[("limit", limit.to_string())],
        )),
    }
}

/// A 429 or 5xx, to try again later; `None` for another status.
fn transient(answer: &HttpResponse) -> Option<Failure> {
    let retry_after = answer
        .header("retry-after")
        .and_then(|v| v.trim().parse::<u64>().ok());
    match answer.status {
        429 => Some(Failure::Later {
            reason: Reason::new("ft-error-rate-limited", &[]),
            retry_after,
        }),
        500..=599 => Some(Failure::Later {
            reason: Reason::new("ft-error-server", &[("status", answer.status.to_string())]),
            retry_after,
        }),
        _ => None,
    }
}

// Decoding --------------------------------------------------------------------

/// The body as text, by the charset of its `Content-Type`: ISO-8859-1 and
/// Windows-1252 are decoded here; UTF-8 otherwise, and a body that is not
/// valid UTF-8 and names no charset is read as Windows-1252 (what such
/// servers usually send).
pub fn decode_body(content_type: Option<&str>, body: &[u8]) -> String {
    let charset = content_type
        .and_then(|ct| {
            ct.split(';')
                .filter_map(|p| p.trim().split_once('='))
                .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
                .map(|(_, v)| v.trim().trim_matches('"').to_ascii_lowercase())
        })
        .unwrap_or_default();
    match charset.as_str() {
        "iso-8859-1" | "iso8859-1" | "latin1" | "latin-1" | "l1" | "iso-8859-15" | "latin9" => {
            body.iter().map(|b| char::from(*b)).collect()
        }
        "windows-1252" | "cp1252" | "x-cp1252" => windows_1252(body),
        _ => match std::str::from_utf8(body) {
            Ok(text) => text.trim_start_matches('\u{feff}').to_string(),
            Err(_) if charset.is_empty() => windows_1252(body),
            Err(_) => String::from_utf8_lossy(body).into_owned(),
        },
    }
}

/// Windows-1252: Latin-1 but for 0x80–0x9F, which hold typographic
/// characters (’ “ ” … € œ).
fn windows_1252(body: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    body.iter()
        .map(|b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            b => char::from(*b),
        })
        .collect()
}

/// Whether an answer is an HTML page (by its type, or by its first
/// character when the type lies).
fn is_html(content_type: Option<&str>, text: &str) -> bool {
    let ct = content_type.unwrap_or_default().to_ascii_lowercase();
    ct.contains("text/html") || text.trim_start().starts_with('<')
}

/// A few words of an HTML page to show: its title, or its text.
fn html_excerpt(html: &str) -> String {
    let lower = html.to_lowercase();
    let title = lower
        .find("<title>")
        .map(|at| at + "<title>".len())
        .and_then(|at| {
            lower[at..]
                .find("</title>")
                .map(|end| html.get(at..at + end))
        })
        .flatten()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let text = match title {
        Some(t) => t.to_string(),
        None => {
            let mut out = String::new();
            let mut in_tag = false;
            for c in html.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => {
                        in_tag = false;
                        out.push(' ');
                    }
                    c if !in_tag => out.push(c),
                    _ => {}
                }
            }
            out.split_whitespace().collect::<Vec<_>>().join(" ")
        }
    };
    clip(&text, 120)
}

/// The JSON of a 2xx answer, or why there is none.
fn json_of(answer: &HttpResponse) -> Result<Value, Failure> {
    let content_type = answer.header("content-type");
    let text = decode_body(content_type, &answer.body);
    if is_html(content_type, &text) {
        return Err(Failure::Fatal(Reason::new(
            "ft-error-html",
            &[("excerpt", html_excerpt(&text))],
        )));
    }
    serde_json::from_str(&text).map_err(|e| {
        Failure::Fatal(Reason::new(
            "ft-error-json",
            &[("detail", clip(&e.to_string(), 200))],
        ))
    })
}

// The token -------------------------------------------------------------------

/// An access token and when it stops being valid.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct Token {
    /// The bearer token.
    pub access_token: String,
    /// Milliseconds since 1970 after which it is not used any more (a
    /// minute before France Travail's expiry).
    pub expires_at_ms: i64,
}

impl Token {
    /// Whether it may still be used at `now_ms`.
    pub fn valid_at(&self, now_ms: i64) -> bool {
        now_ms < self.expires_at_ms
    }
}

/// Where and who to ask for a token.
#[derive(Clone, Debug)]
pub struct Credentials<'a> {
    /// The token endpoint, realm included.
    pub token_url: &'a str,
    /// The application's client id.
    pub client_id: &'a str,
    /// The application's secret.
    pub client_secret: &'a str,
}

/// A token by client credentials.
///
/// # Errors
/// [`Failure::Fatal`] when the credentials are refused (naming them) or
/// the answer is unreadable; [`Failure::Later`] on a rate limit, an
/// outage or a network failure.
pub fn token(credentials: &Credentials<'_>, now_ms: i64) -> Result<Token, Failure> {
    let answer = HttpRequest::post(credentials.token_url)
        .header("accept", "application/json")
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", credentials.client_id),
            ("client_secret", credentials.client_secret),
            ("scope", SCOPE),
        ])
        .timeout_ms(TIMEOUT_MS)
        .send()
        .map_err(|e| http_failure(credentials.token_url, e))?;
    if let Some(later) = transient(&answer) {
        return Err(later);
    }
    if matches!(answer.status, 400 | 401 | 403) {
        let body = decode_body(answer.header("content-type"), &answer.body);
        let error = serde_json::from_str::<Value>(&body)
            .ok()
            .and_then(|v| v["error"].as_str().map(str::to_string))
            .unwrap_or_default();
        if answer.status != 400 || error == "invalid_client" || error == "unauthorized_client" {
            return Err(Failure::Fatal(Reason::new(
                "ft-error-credentials",
                &[("status", answer.status.to_string())],
            )));
        }
        return Err(Failure::Fatal(Reason::new(
            "ft-error-token-refused-request",
            &[
                ("status", answer.status.to_string()),
                (
                    "detail",
                    clip(if error.is_empty() { &body } else { &error }, 200),
                ),
            ],
        )));
    }
    if !answer.is_success() {
        return Err(Failure::Fatal(Reason::new(
            "ft-error-token-status",
            &[("status", answer.status.to_string())],
        )));
    }
    let json = json_of(&answer)?;
    let access_token = json["access_token"]
        .as_str()
        .filter(|t| !t.trim().is_empty() && t.len() < 4096)
        .ok_or_else(|| Failure::Fatal(Reason::new("ft-error-token-unreadable", &[])))?;
    let expires_in = json["expires_in"]
        .as_i64()
        .unwrap_or(1499)
        .clamp(60, 86_400);
    Ok(Token {
        access_token: access_token.to_string(),
        expires_at_ms: now_ms + (expires_in - 60) * 1000,
    })
}

// The search ------------------------------------------------------------------

/// What one search asks for.
#[derive(Clone, Debug, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct Query {
    /// INSEE codes, at most [`MAX_COMMUNES`].
    pub communes: Vec<String>,
    /// Kilometres around each commune.
    pub distance: i64,
    /// `typeContrat` codes (`SAI`, `CDD`…), none for all.
    pub contracts: Vec<String>,
    /// `motsCles`, none for all.
    pub keywords: Vec<String>,
}

/// The URL of a search page starting at `start`.
pub fn search_url(api_url: &str, query: &Query, start: usize) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if !query.communes.is_empty() {
        pairs.push(("commune", query.communes.join(",")));
        pairs.push(("distance", query.distance.clamp(0, 200).to_string()));
    }
    if !query.contracts.is_empty() {
        pairs.push(("typeContrat", query.contracts.join(",")));
    }
    if !query.keywords.is_empty() {
        pairs.push(("motsCles", query.keywords.join(",")));
    }
    pairs.push(("range", format!("{start}-{}", start + PAGE - 1)));
    format!(
        "{}/offres/search?{}",
        api_url.trim_end_matches('/'),
        estive_sdk::url::query_string(&pairs)
    )
}

/// An offer left out of an answer, and why.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct Problem {
    /// Its position in the search (0 is the first offer of the run's
    /// search).
    pub position: usize,
    /// Its id, when it had a readable one.
    pub id: Option<String>,
    /// `ft-problem-…`, a key of the catalogue.
    pub reason: String,
}

/// One page of a search.
#[derive(Clone, Debug, Default)]
pub struct SearchPage {
    /// The offers read, as the raw JSON objects, with their position.
    pub offers: Vec<(usize, Value)>,
    /// How many offers the search finds in all (from `Content-Range`, or
    /// what this answer held when it held them all).
    pub total: usize,
}

/// `offres p-d/total` → total.
fn total_of(content_range: Option<&str>) -> Option<usize> {
    content_range?.rsplit_once('/')?.1.trim().parse().ok()
}

/// The page of the search starting at `start`.
///
/// # Errors
/// [`Failure::TokenRefused`] on 401; [`Failure::Later`] on 429, 5xx, a
/// timeout; [`Failure::Fatal`] on an HTML page, unreadable JSON or another
/// status.
pub fn search(
    api_url: &str,
    token: &Token,
    query: &Query,
    start: usize,
) -> Result<SearchPage, Failure> {
    let url = search_url(api_url, query, start);
    let answer = HttpRequest::get(&url)
        .header("authorization", &format!("Bearer {}", token.access_token))
        .header("accept", "application/json")
        .timeout_ms(TIMEOUT_MS)
        .send()
        .map_err(|e| http_failure(&url, e))?;
    if let Some(later) = transient(&answer) {
        return Err(later);
    }
    match answer.status {
        204 => return Ok(SearchPage::default()),
        200 | 206 => {}
        401 | 403 => return Err(Failure::TokenRefused),
        status => {
            let text = decode_body(answer.header("content-type"), &answer.body);
            let detail = if is_html(answer.header("content-type"), &text) {
                html_excerpt(&text)
            } else {
                serde_json::from_str::<Value>(&text)
                    .ok()
                    .and_then(|v| v["message"].as_str().map(str::to_string))
                    .unwrap_or_else(|| clip(&text, 200))
            };
            return Err(Failure::Fatal(Reason::new(
                "ft-error-refused",
                &[
                    ("status", status.to_string()),
                    ("detail", clip(&detail, 200)),
                ],
            )));
        }
    }
    let json = json_of(&answer)?;
    let results = match &json {
        Value::Object(map) => match map.get("resultats") {
            Some(Value::Array(list)) => list.clone(),
            None | Some(Value::Null) => Vec::new(),
            Some(_) => {
                return Err(Failure::Fatal(Reason::new(
                    "ft-error-json",
                    &[("detail", "« resultats » n'est pas une liste".to_string())],
                )));
            }
        },
        _ => {
            return Err(Failure::Fatal(Reason::new(
                "ft-error-json",
                &[("detail", "la réponse n'est pas un objet".to_string())],
            )));
        }
    };
    let total = total_of(answer.header("content-range")).unwrap_or(start + results.len());
    Ok(SearchPage {
        offers: results
            .into_iter()
            .enumerate()
            .map(|(i, v)| (start + i, v))
            .collect(),
        total,
    })
}

// Mapping ---------------------------------------------------------------------

/// An imported offer, as its columns of `offers` are written at each run
/// (the columns a person or the lifecycle sets are not touched).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Imported {
    pub source: String,
    pub external_id: String,
    pub employer_name: Option<String>,
    pub title: String,
    pub description: String,
    pub commune: Option<String>,
    pub insee: Option<String>,
    pub contract: String,
    pub contract_label: Option<String>,
    pub season: Option<String>,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub hours: Option<String>,
    pub pay: Option<String>,
    pub pay_min: Option<f64>,
    pub pay_max: Option<f64>,
    pub pay_unit: Option<String>,
    pub housing: bool,
    /// JSON text of a list of texts.
    pub skills: String,
    /// JSON text of a list of texts.
    pub languages: String,
    pub search_text: Option<String>,
    pub positions: i64,
    pub apply_mode: String,
    pub apply_url: Option<String>,
    pub status: String,
    pub expires_on: String,
    /// When the offer reached this board (set by the import when it first
    /// stores it, and never written again: saved searches mail offers
    /// published since their last mail). France Travail's own
    /// `dateCreation` is kept in `details`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_at: Option<String>,
    pub closed_at: Option<String>,
    pub source_updated_at: Option<String>,
    pub source_url: Option<String>,
    /// JSON text of the rest of the offer (experience, qualification,
    /// sector, contact… the keys `display.rs` reads).
    pub details: String,
}

/// A text field, trimmed, `None` when missing, empty or not a text.
fn text(v: &Value) -> Option<String> {
    v.as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// At most `max` characters, without control characters but line breaks.
fn clip(s: &str, max: usize) -> String {
    s.replace("\r\n", "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .take(max)
        .collect()
}

fn clipped(v: &Value, max: usize) -> Option<String> {
    text(v)
        .map(|s| clip(&s, max))
        .filter(|s| !s.trim().is_empty())
}

/// An `http(s)` URL, or none.
fn web_url(v: &Value) -> Option<String> {
    text(v).filter(|u| {
        let lower = u.to_ascii_lowercase();
        (lower.starts_with("https://") || lower.starts_with("http://"))
            && u.len() <= MAX_URL
            && !u
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '"')
    })
}

/// A date-time of the API (`2026-11-20T14:32:05.000Z`, with or without
/// fraction, `Z` or an offset, or a bare date) as RFC 3339 UTC
/// `YYYY-MM-DDTHH:MM:SSZ`.
pub fn normalise_datetime(value: &str) -> Option<String> {
    let value = value.trim();
    let (at, rest) = if value.len() == 10 {
        (DateTime::parse(&format!("{value}T00:00:00"))?, "")
    } else {
        (DateTime::parse(value.get(..19)?)?, value.get(19..)?)
    };
    let rest = match rest.strip_prefix('.') {
        Some(fraction) => fraction.trim_start_matches(|c: char| c.is_ascii_digit()),
        None => rest,
    };
    let offset_minutes: i64 = match rest {
        "" | "Z" | "z" => 0,
        offset => {
            let sign = match offset.as_bytes().first() {
                Some(b'+') => 1,
                Some(b'-') => -1,
                _ => return None,
            };
            let digits: String = offset[1..].chars().filter(char::is_ascii_digit).collect();
            if digits.len() != 4 {
                return None;
            }
            let hours: i64 = digits[..2].parse().ok()?;
            let minutes: i64 = digits[2..].parse().ok()?;
            sign * (hours * 60 + minutes)
        }
    };
    let seconds = at.date().unix_days() * 86_400
        + i64::from(at.hour()) * 3_600
        + i64::from(at.minute()) * 60
        + i64::from(at.second())
        - offset_minutes * 60;
    let utc = DateTime::from_unix_millis(seconds * 1000);
    Some(format!(
        "{}T{:02}:{:02}:{:02}Z",
        utc.date(),
        utc.hour(),
        utc.minute(),
        utc.second()
    ))
}

/// The name part of `lieuTravail.libelle` (« 65 - SAINT LARY SOULAN »),
/// title-cased (« Saint Lary Soulan »).
pub fn commune_name(libelle: &str) -> Option<String> {
    let name = match libelle.split_once(" - ") {
        Some((_, name)) => name,
        None => libelle,
    };
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    const SMALL: [&str; 9] = ["de", "du", "des", "la", "le", "les", "sur", "en", "et"];
    let mut out = String::new();
    let mut word = String::new();
    let mut first = true;
    let flush = |word: &mut String, out: &mut String, first: &mut bool| {
        if word.is_empty() {
            return;
        }
        let lower = word.to_lowercase();
        if !*first && SMALL.contains(&lower.as_str()) {
            out.push_str(&lower);
        } else {
            let mut chars = lower.chars();
            if let Some(c) = chars.next() {
                out.extend(c.to_uppercase());
                out.push_str(chars.as_str());
            }
        }
        *first = false;
        word.clear();
    };
    for c in name.chars() {
        if c == ' ' || c == '-' || c == '\'' {
            flush(&mut word, &mut out, &mut first);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out, &mut first);
    Some(clip(&out, MAX_ITEM))
}

/// Pay read from `salaire.libelle`: « Mensuel de 1850.00 Euros sur 12
/// mois », « Horaire de 11.88 Euros », « Annuel de 24000.00 Euros à
/// 28000.00 Euros » → (min, max, unit).
pub fn parse_pay(libelle: &str) -> (Option<f64>, Option<f64>, Option<String>) {
    let lower = libelle.trim().to_lowercase();
    let unit = if lower.starts_with("mensuel") {
        "MONTH"
    } else if lower.starts_with("horaire") {
        "HOUR"
    } else if lower.starts_with("annuel") {
        "YEAR"
    } else {
        return (None, None, None);
    };
    let words: Vec<&str> = lower.split_whitespace().collect();
    let amounts: Vec<f64> = words
        .windows(2)
        .filter(|w| w[1].starts_with("euro"))
        .filter_map(|w| w[0].replace(',', ".").parse::<f64>().ok())
        .filter(|n| n.is_finite() && *n > 0.0 && *n < 10_000_000.0)
        .collect();
    match amounts.as_slice() {
        [] => (None, None, None),
        [min] => (Some(*min), None, Some(unit.to_string())),
        [min, max, ..] => (Some(*min), Some(*max), Some(unit.to_string())),
    }
}

/// Whether the words say the job is housed: « logé », « logée », « nourri
/// logé », « logement fourni / possible / assuré / offert / sur place »,
/// but not « non logé » or « pas de logement ».
pub fn mentions_housing(text: &str) -> bool {
    let lower = text.to_lowercase();
    for refused in [
        "non logé",
        "pas de logement",
        "sans logement",
        "logement non fourni",
    ] {
        if lower.contains(refused) {
            return false;
        }
    }
    let chars: Vec<char> = lower.chars().collect();
    let word_at = |i: usize, word: &str| {
        let w: Vec<char> = word.chars().collect();
        chars.get(i..i + w.len()) == Some(w.as_slice())
            && (i == 0 || !chars[i - 1].is_alphanumeric())
    };
    for i in 0..chars.len() {
        if word_at(i, "logé") {
            let next = chars.get(i + 4).copied();
            if next.is_none_or(|c| !c.is_alphanumeric() || c == 'e' || c == 's') {
                return true;
            }
        }
    }
    [
        "logement fourni",
        "logement possible",
        "logement assuré",
        "logement offert",
        "logement sur place",
        "logement proposé",
        "logement mis à disposition",
        "hébergement fourni",
        "hébergement possible",
    ]
    .iter()
    .any(|p| lower.contains(p))
}

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// The dates of « du 12 décembre 2026 au 5 avril 2027 » in a text, best
/// effort.
pub fn season_dates(text: &str) -> Option<(Date, Date)> {
    let lower = text.to_lowercase();
    let date_at = |words: &[&str]| -> Option<Date> {
        let day: u32 = words.first()?.trim_end_matches("er").parse().ok()?;
        let name = *words.get(1)?;
        let month = MONTHS.iter().position(|m| *m == name)?;
        let year: i32 = words
            .get(2)?
            .trim_end_matches(|c: char| !c.is_ascii_digit())
            .parse()
            .ok()?;
        Date::new(year, u32::try_from(month).ok()? + 1, day)
    };
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        if *w != "du" {
            continue;
        }
        let Some(from) = date_at(words.get(i + 1..).unwrap_or_default()) else {
            continue;
        };
        if words.get(i + 4) != Some(&"au") {
            continue;
        }
        if let Some(to) = date_at(words.get(i + 5..).unwrap_or_default())
            && to >= from
        {
            return Some((from, to));
        }
    }
    None
}

/// Winter from November to April, summer from May to October.
fn season_of_month(month: u32) -> &'static str {
    if (5..=10).contains(&month) {
        "summer"
    } else {
        "winter"
    }
}

/// The texts of `list[].libelle`, bounded.
fn labels(list: &Value) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in list.as_array().into_iter().flatten().take(MAX_ITEMS * 2) {
        if let Some(label) = clipped(&item["libelle"], MAX_ITEM)
            && !out.contains(&label)
        {
            out.push(label);
        }
        if out.len() == MAX_ITEMS {
            break;
        }
    }
    out
}

/// The rest of an offer that the offer page shows (keys read by
/// `display.rs`).
fn details(offer: &Value) -> Value {
    let mut map = Map::new();
    let mut put = |key: &str, value: Option<String>| {
        if let Some(v) = value {
            map.insert(key.to_string(), Value::String(v));
        }
    };
    put(
        "experienceLibelle",
        clipped(&offer["experienceLibelle"], MAX_ITEM),
    );
    put(
        "qualificationLibelle",
        clipped(&offer["qualificationLibelle"], MAX_ITEM),
    );
    put(
        "secteurActiviteLibelle",
        clipped(&offer["secteurActiviteLibelle"], MAX_ITEM),
    );
    put(
        "appellationlibelle",
        clipped(&offer["appellationlibelle"], MAX_ITEM),
    );
    put("romeLibelle", clipped(&offer["romeLibelle"], MAX_ITEM));
    put(
        "dureeTravailLibelleConverti",
        clipped(&offer["dureeTravailLibelleConverti"], MAX_ITEM),
    );
    put(
        "salaireCommentaire",
        clipped(&offer["salaire"]["commentaire"], MAX_TEXT),
    );
    put(
        "urlPostulation",
        web_url(&offer["contact"]["urlPostulation"]).filter(|u| u.starts_with("https://")),
    );
    put("contactNom", clipped(&offer["contact"]["nom"], MAX_ITEM));
    let coordinates: Vec<String> = ["coordonnees1", "coordonnees2", "coordonnees3"]
        .iter()
        .filter_map(|k| clipped(&offer["contact"][*k], MAX_ITEM))
        .collect();
    put(
        "contactCoordonnees",
        Some(coordinates.join(", ")).filter(|c| !c.is_empty()),
    );
    put(
        "complementExercice",
        clipped(&offer["complementExercice"], MAX_TEXT),
    );
    Value::Object(map)
}

/// The id of an offer when it is a usable one: letters and digits.
fn offer_id(v: &Value) -> Result<String, &'static str> {
    match v {
        Value::Null => Err("ft-problem-no-id"),
        Value::String(s) => {
            let s = s.trim();
            if s.is_empty() {
                Err("ft-problem-no-id")
            } else if s.len() > MAX_ID || !s.chars().all(|c| c.is_ascii_alphanumeric()) {
                Err("ft-problem-bad-id")
            } else {
                Ok(s.to_string())
            }
        }
        _ => Err("ft-problem-bad-id"),
    }
}

/// An offer of the API as the columns it is stored in, or the key of the
/// reason it is left out (`ft-problem-…`): not an object, no `id` (or one
/// that is not a text of letters and digits), no `intitule` (or one that
/// is not a text). `communes` names a commune by the site's spelling when
/// its INSEE code is one of the site's.
///
/// # Errors
/// The reason, as above.
pub fn map_offer(offer: &Value, communes: &[Commune], today: Date) -> Result<Imported, String> {
    if !offer.is_object() {
        return Err("ft-problem-not-object".into());
    }
    let id = offer_id(&offer["id"]).map_err(str::to_string)?;
    let title = match &offer["intitule"] {
        Value::String(s) if !s.trim().is_empty() => clip(s.trim(), MAX_TITLE),
        Value::Null => return Err("ft-problem-no-title".into()),
        Value::String(_) => return Err("ft-problem-no-title".into()),
        _ => return Err("ft-problem-bad-title".into()),
    };
    let description = text(&offer["description"])
        .map(|d| clip(&d, MAX_DESCRIPTION))
        .unwrap_or_default();
    let place = &offer["lieuTravail"];
    let insee =
        clipped(&place["commune"], 10).filter(|c| c.chars().all(|ch| ch.is_ascii_alphanumeric()));
    let commune = insee
        .as_deref()
        .and_then(|code| communes.iter().find(|c| c.insee == code))
        .map(|c| c.name.clone())
        .or_else(|| text(&place["libelle"]).and_then(|l| commune_name(&l)));
    let code = text(&offer["typeContrat"]).unwrap_or_default();
    let nature = text(&offer["natureContrat"]);
    let contract = model::contract_of_code(&code, nature.as_deref()).to_string();
    let contract_label = clipped(&offer["typeContratLibelle"], MAX_ITEM);
    let created = text(&offer["dateCreation"]).and_then(|d| normalise_datetime(&d));
    let updated = text(&offer["dateActualisation"])
        .and_then(|d| normalise_datetime(&d))
        .or_else(|| created.clone());
    let pay = clipped(&offer["salaire"]["libelle"], MAX_ITEM);
    let (pay_min, pay_max, pay_unit) = pay.as_deref().map(parse_pay).unwrap_or_default();
    let housing_text = format!(
        "{} {} {} {}",
        description,
        text(&offer["salaire"]["commentaire"]).unwrap_or_default(),
        text(&offer["complementExercice"]).unwrap_or_default(),
        text(&offer["conditionExercice"]).unwrap_or_default(),
    );
    let dates = season_dates(&description);
    let season = match contract.as_str() {
        "seasonal" => dates
            .map(|(from, _)| from.month())
            .or_else(|| {
                created
                    .as_deref()
                    .and_then(|c| Date::parse(c.get(..10)?))
                    .map(Date::month)
            })
            .map(|m| season_of_month(m).to_string()),
        "cdi" => Some("year".to_string()),
        _ => None,
    };
    let skills = labels(&offer["competences"]);
    let languages = labels(&offer["langues"]);
    let mut words: Vec<String> = skills.iter().chain(&languages).cloned().collect();
    for key in [
        "appellationlibelle",
        "romeLibelle",
        "secteurActiviteLibelle",
    ] {
        if let Some(w) = clipped(&offer[key], MAX_ITEM) {
            words.push(w);
        }
    }
    let source_url = web_url(&offer["origineOffre"]["urlOrigine"]).or_else(|| {
        Some(format!(
            "https://candidat.francetravail.fr/offres/recherche/detail/{id}"
        ))
    });
    let positions = offer["nombrePostes"]
        .as_i64()
        .or_else(|| offer["nombrePostes"].as_str()?.trim().parse().ok())
        .unwrap_or(1)
        .clamp(1, 999);
    Ok(Imported {
        source: FRANCE_TRAVAIL.to_string(),
        external_id: id,
        employer_name: clipped(&offer["entreprise"]["nom"], MAX_ITEM),
        title,
        description,
        commune,
        insee,
        contract,
        contract_label,
        season,
        starts_on: dates.map(|(from, _)| from.to_string()),
        ends_on: dates.map(|(_, to)| to.to_string()),
        hours: clipped(&offer["dureeTravailLibelle"], MAX_ITEM),
        pay,
        pay_min,
        pay_max,
        pay_unit,
        housing: mentions_housing(&housing_text),
        skills: Value::from(skills).to_string(),
        languages: Value::from(languages).to_string(),
        search_text: Some(clip(&words.join(" "), MAX_TEXT)).filter(|s| !s.is_empty()),
        positions,
        apply_mode: "link".to_string(),
        apply_url: source_url.clone(),
        status: PUBLISHED.to_string(),
        expires_on: today.add_days(KEEP_DAYS).to_string(),
        published_at: None,
        closed_at: None,
        source_updated_at: updated,
        source_url,
        details: {
            let mut d = details(offer);
            if let (Some(map), Some(created)) = (d.as_object_mut(), created) {
                map.insert("dateCreation".into(), Value::String(created));
            }
            d.to_string()
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2026, 12, 7).unwrap_or_default()
    }

    fn sample() -> Value {
        json!({
            "id": "201KXPW",
            "intitule": "Serveur / Serveuse (H/F)",
            "description": "Service en salle.\nSaison du 12 décembre 2026 au 5 avril 2027.\nPoste logé et nourri.",
            "dateCreation": "2026-11-20T14:32:05.000Z",
            "dateActualisation": "2026-11-22T09:00:00+01:00",
            "lieuTravail": {"libelle": "65 - SAINT LARY SOULAN", "commune": "65388"},
            "entreprise": {"nom": "Hôtel du Pic"},
            "typeContrat": "SAI",
            "typeContratLibelle": "Contrat travail saisonnier - 4 Mois",
            "natureContrat": "Contrat travail",
            "salaire": {"libelle": "Mensuel de 1850.00 Euros sur 12 mois", "commentaire": "Selon profil"},
            "dureeTravailLibelle": "35H Horaires normaux",
            "competences": [{"libelle": "Service en salle"}, {"libelle": 3}],
            "langues": [{"libelle": "Anglais"}],
            "nombrePostes": 2,
            "contact": {"nom": "M. Dupont", "coordonnees1": "Route du Pla", "urlPostulation": "https://jobs.example.fr/1"},
            "origineOffre": {"origine": "1", "urlOrigine": "https://candidat.francetravail.fr/offres/recherche/detail/201KXPW"},
        })
    }

    #[test]
    fn a_whole_offer_maps_onto_its_columns() {
        let o = map_offer(&sample(), &[], today()).expect("mapped");
        assert_eq!(o.external_id, "201KXPW");
        assert_eq!(o.commune.as_deref(), Some("Saint Lary Soulan"));
        assert_eq!(o.contract, "seasonal");
        assert_eq!(o.season.as_deref(), Some("winter"));
        assert_eq!(o.starts_on.as_deref(), Some("2026-12-12"));
        assert_eq!(o.ends_on.as_deref(), Some("2027-04-05"));
        assert_eq!(
            (o.pay_min, o.pay_unit.as_deref()),
            (Some(1850.0), Some("MONTH"))
        );
        assert!(o.housing);
        assert_eq!(o.skills, r#"["Service en salle"]"#);
        assert_eq!(o.positions, 2);
        assert_eq!(o.published_at, None);
        let details: Value = serde_json::from_str(&o.details).unwrap_or_default();
        assert_eq!(details["dateCreation"], "2026-11-20T14:32:05Z");
        assert_eq!(o.source_updated_at.as_deref(), Some("2026-11-22T08:00:00Z"));
        assert_eq!(o.expires_on, "2027-01-06");
        assert!(o.details.contains("urlPostulation"));
    }

    #[test]
    fn an_offer_without_id_or_title_is_refused_with_its_reason() {
        let mut o = sample();
        o["id"] = Value::Null;
        assert_eq!(map_offer(&o, &[], today()).unwrap_err(), "ft-problem-no-id");
        let mut o = sample();
        o["id"] = json!(2_090_002);
        assert_eq!(
            map_offer(&o, &[], today()).unwrap_err(),
            "ft-problem-bad-id"
        );
        let mut o = sample();
        o["intitule"] = json!(["a"]);
        assert_eq!(
            map_offer(&o, &[], today()).unwrap_err(),
            "ft-problem-bad-title"
        );
        let mut o = sample();
        o.as_object_mut().map(|m| m.remove("intitule"));
        assert_eq!(
            map_offer(&o, &[], today()).unwrap_err(),
            "ft-problem-no-title"
        );
    }

    #[test]
    fn missing_fields_are_fine() {
        let o = map_offer(&json!({"id": "1", "intitule": "Cuisinier"}), &[], today()).expect("ok");
        assert_eq!(o.contract, "other");
        assert!(o.commune.is_none() && o.pay.is_none() && !o.housing);
        assert_eq!(
            o.source_url.as_deref(),
            Some("https://candidat.francetravail.fr/offres/recherche/detail/1")
        );
    }

    #[test]
    fn latin1_and_windows_1252_bodies_are_decoded() {
        let body = [b'c', b'a', b'f', 0xE9, 0x92];
        assert_eq!(
            decode_body(Some("application/json;charset=ISO-8859-1"), &body),
            "café\u{92}"
        );
        assert_eq!(
            decode_body(Some("application/json; charset=windows-1252"), &body),
            "café’"
        );
        assert_eq!(decode_body(Some("application/json"), &body), "café’");
        assert_eq!(decode_body(None, "été".as_bytes()), "été");
    }

    #[test]
    fn pay_and_housing_are_read_from_the_words() {
        assert_eq!(
            parse_pay("Horaire de 11.88 Euros sur 151.67 heures"),
            (Some(11.88), None, Some("HOUR".into()))
        );
        assert_eq!(
            parse_pay("Annuel de 24000.00 Euros à 28000.00 Euros sur 12 mois"),
            (Some(24000.0), Some(28000.0), Some("YEAR".into()))
        );
        assert_eq!(parse_pay("Selon profil"), (None, None, None));
        assert!(mentions_housing("Poste nourri logé"));
        assert!(mentions_housing("Logement possible sur place."));
        assert!(!mentions_housing("Poste non logé."));
        assert!(!mentions_housing("Hébergeur de sites"));
        assert!(!mentions_housing("Délogé"));
    }

    #[test]
    fn dates_are_normalised_to_utc() {
        assert_eq!(
            normalise_datetime("2026-11-20T14:32:05.000Z").as_deref(),
            Some("2026-11-20T14:32:05Z")
        );
        assert_eq!(
            normalise_datetime("2026-01-01T00:30:00+01:00").as_deref(),
            Some("2025-12-31T23:30:00Z")
        );
        assert_eq!(
            normalise_datetime("2026-11-20").as_deref(),
            Some("2026-11-20T00:00:00Z")
        );
        assert_eq!(normalise_datetime("hier"), None);
    }

    #[test]
    fn commune_names_are_title_cased() {
        assert_eq!(
            commune_name("65 - SAINT LARY SOULAN").as_deref(),
            Some("Saint Lary Soulan")
        );
        assert_eq!(
            commune_name("74 - LES HOUCHES").as_deref(),
            Some("Les Houches")
        );
        assert_eq!(
            commune_name("05 - SERRE-CHEVALIER").as_deref(),
            Some("Serre-Chevalier")
        );
    }

    #[test]
    fn the_search_url_pages_and_encodes() {
        let q = Query {
            communes: vec!["65388".into(), "65462".into()],
            distance: 10,
            contracts: vec!["SAI".into()],
            keywords: vec!["ski".into()],
        };
        assert_eq!(
            search_url("http://x/api/", &q, 150),
            "http://x/api/offres/search?commune=65388%2C65462&distance=10&typeContrat=SAI&motsCles=ski&range=150-299"
        );
        assert_eq!(total_of(Some("offres 0-149/400")), Some(400));
    }
}
