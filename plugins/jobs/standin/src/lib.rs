//! A local stand-in for France Travail's token endpoint and "Offres
//! d'emploi v2" API, serving real HTTP on `127.0.0.1`, for the jobs
//! plugin's tests, the bench and the demo.
//!
//! It speaks the documented API:
//!
//! - `POST /connexion/oauth2/access_token?realm=%2Fpartenaire` with the
//!   form `grant_type=client_credentials&client_id=…&client_secret=…&scope=…`
//!   answers `{"access_token", "token_type": "Bearer", "expires_in": 1499,
//!   "scope"}`, or 401 `{"error": "invalid_client"}` for a wrong id or
//!   secret;
//! - `GET /partenaire/offresdemploi/v2/offres/search` with a Bearer token
//!   (401 otherwise) and `commune` (INSEE codes separated by commas, at
//!   most 5), `distance`, `typeContrat`, `motsCles`, `range=p-d` (at most
//!   150 offers, `p` ≤ 3,000): 200 with every result when they fit, 206
//!   with `Content-Range: offres p-d/total` and `Accept-Range: offres 150`
//!   when partial, 204 when nothing matches, 400 for a bad range;
//! - `GET /partenaire/offresdemploi/v2/offres/{id}`: 200, or 204 when the
//!   offer is gone.
//!
//! Offers match by their commune (`lieuTravail.commune`): the stand-in has
//! no map, so `distance` is checked but widens nothing.
//!
//! ```no_run
//! use estive_francetravail_standin::{Behaviour, StandIn, generate};
//!
//! # fn run() -> anyhow::Result<()> {
//! let standin = StandIn::start(generate(400, &[("65388", "Saint-Lary-Soulan")]))?;
//! // Settings of the plugin: ft_token_url, ft_api_url, ft_client_id, ft_client_secret.
//! let (token_url, api_url) = (standin.token_url(), standin.api_url());
//! standin.set(Behaviour::TooManyRequests { times: 2, retry_after: 60 });
//! // … run the import …
//! assert!(standin.requests().search >= 3);
//! # let _ = (token_url, api_url);
//! # Ok(()) }
//! ```

use std::collections::{BTreeSet, HashMap};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use anyhow::{Context as _, Result};
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};

/// The client id the stand-in accepts unless told otherwise
/// ([`StandIn::set_credentials`]).
pub const CLIENT_ID: &str = "PAR_estive_standin";
/// The client secret the stand-in accepts unless told otherwise.
pub const CLIENT_SECRET: &str = "secret-de-la-vallee";
/// The scope the plugin asks for.
pub const SCOPE: &str = "api_offresdemploiv2 o2dsoffre";
/// The path of the token endpoint, with its realm.
pub const TOKEN_PATH: &str = "/connexion/oauth2/access_token?realm=%2Fpartenaire";
/// The base path of the offers API.
pub const API_PATH: &str = "/partenaire/offresdemploi/v2";
/// The most offers a page holds.
pub const PAGE: usize = 150;
/// The highest first position of a range.
pub const MAX_START: usize = 3000;
/// The most communes one search takes.
pub const MAX_COMMUNES: usize = 5;

/// A way the stand-in misbehaves, set while it runs with
/// [`StandIn::set`]. Each call changes only the behaviour named; the
/// others stay as they were ([`StandIn::reset`] clears them all).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Behaviour {
    /// Answer the next `times` API requests (search and offer) with 429
    /// and `Retry-After: <retry_after>` (seconds).
    TooManyRequests {
        /// How many requests are refused.
        times: u32,
        /// The seconds `Retry-After` asks to wait.
        retry_after: u32,
    },
    /// Answer the next `times` API requests with 500.
    ServerError {
        /// How many requests fail.
        times: u32,
    },
    /// Answer API requests with an HTML page (`text/html`) and status 200,
    /// as a gateway in maintenance does.
    Html(bool),
    /// Answer API requests in ISO-8859-1 (`charset=ISO-8859-1`, Latin-1
    /// bytes; a character outside Latin-1 becomes `?`).
    Latin1(bool),
    /// Wait this long before answering API requests (zero: no wait).
    Delay(Duration),
}

/// How many requests each endpoint received, refused ones included.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Requests {
    /// Token requests.
    pub token: usize,
    /// Search requests (one per page asked).
    pub search: usize,
    /// Requests for one offer.
    pub offer: usize,
}

/// One request the stand-in received: method, path with its query, and
/// the status it answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Logged {
    /// `GET` or `POST`.
    pub method: String,
    /// The path and query, as received.
    pub target: String,
    /// The status answered.
    pub status: u16,
}

#[derive(Debug)]
struct Shared {
    offers: Vec<Value>,
    client_id: String,
    client_secret: String,
    tokens: BTreeSet<String>,
    issued: u64,
    too_many: u32,
    retry_after: u32,
    errors: u32,
    html: bool,
    latin1: bool,
    delay: Duration,
    requests: Requests,
    log: Vec<Logged>,
}

type Store = Arc<Mutex<Shared>>;

fn lock(store: &Store) -> MutexGuard<'_, Shared> {
    store.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The stand-in server, running until dropped.
#[derive(Debug)]
pub struct StandIn {
    addr: SocketAddr,
    store: Store,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl StandIn {
    /// Serves these offers on a free port of 127.0.0.1, from a thread of
    /// its own (so it works from synchronous code and from any runtime).
    ///
    /// # Errors
    /// When no port can be bound or the runtime cannot start.
    pub fn start(offers: Vec<Value>) -> Result<StandIn> {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").context("binding 127.0.0.1")?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let store: Store = Arc::new(Mutex::new(Shared {
            offers,
            client_id: CLIENT_ID.to_string(),
            client_secret: CLIENT_SECRET.to_string(),
            tokens: BTreeSet::new(),
            issued: 0,
            too_many: 0,
            retry_after: 0,
            errors: 0,
            html: false,
            latin1: false,
            delay: Duration::ZERO,
            requests: Requests::default(),
            log: Vec::new(),
        }));
        let app = Router::new()
            .route("/connexion/oauth2/access_token", post(token))
            .route(&format!("{API_PATH}/offres/search"), get(search))
            .route(&format!("{API_PATH}/offres/{{id}}"), get(offer))
            .with_state(store.clone());
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .context("the stand-in's runtime")?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let (ready, is_ready) = std::sync::mpsc::channel::<Result<()>>();
        let thread = std::thread::Builder::new()
            .name("francetravail-standin".into())
            .spawn(move || {
                runtime.block_on(async move {
                    let listener = match tokio::net::TcpListener::from_std(listener) {
                        Ok(l) => l,
                        Err(e) => {
                            let _ = ready.send(Err(e.into()));
                            return;
                        }
                    };
                    let _ = ready.send(Ok(()));
                    let _ = axum::serve(listener, app)
                        .with_graceful_shutdown(async {
                            let _ = stopped.await;
                        })
                        .await;
                });
            })?;
        is_ready.recv().context("the stand-in's thread stopped")??;
        Ok(StandIn {
            addr,
            store,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:<port>`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The token endpoint with its realm (the plugin's `ft_token_url`).
    pub fn token_url(&self) -> String {
        format!("{}{TOKEN_PATH}", self.base_url())
    }

    /// The API's base (the plugin's `ft_api_url`).
    pub fn api_url(&self) -> String {
        format!("{}{API_PATH}", self.base_url())
    }

    /// `127.0.0.1:<port>`, as a host is granted to a plugin.
    pub fn host(&self) -> String {
        self.addr.to_string()
    }

    /// Changes one behaviour; see [`Behaviour`].
    pub fn set(&self, behaviour: Behaviour) {
        let mut s = lock(&self.store);
        match behaviour {
            Behaviour::TooManyRequests { times, retry_after } => {
                s.too_many = times;
                s.retry_after = retry_after;
            }
            Behaviour::ServerError { times } => s.errors = times,
            Behaviour::Html(on) => s.html = on,
            Behaviour::Latin1(on) => s.latin1 = on,
            Behaviour::Delay(delay) => s.delay = delay,
        }
    }

    /// Back to answering well, every behaviour cleared (offers, tokens and
    /// counts kept).
    pub fn reset(&self) {
        let mut s = lock(&self.store);
        s.too_many = 0;
        s.errors = 0;
        s.html = false;
        s.latin1 = false;
        s.delay = Duration::ZERO;
    }

    /// Accept these credentials instead of [`CLIENT_ID`] and
    /// [`CLIENT_SECRET`].
    pub fn set_credentials(&self, client_id: &str, client_secret: &str) {
        let mut s = lock(&self.store);
        s.client_id = client_id.to_string();
        s.client_secret = client_secret.to_string();
    }

    /// Forget every token issued, as when they expire.
    pub fn revoke_tokens(&self) {
        lock(&self.store).tokens.clear();
    }

    /// The offers served, in order.
    pub fn offers(&self) -> Vec<Value> {
        lock(&self.store).offers.clone()
    }

    /// Serve these offers from now on.
    pub fn set_offers(&self, offers: Vec<Value>) {
        lock(&self.store).offers = offers;
    }

    /// Add an offer (a malformed one too: anything JSON).
    pub fn push_offer(&self, offer: Value) {
        lock(&self.store).offers.push(offer);
    }

    /// Remove the offers with these ids, as France Travail does when they
    /// are filled or withdrawn; returns how many were removed.
    pub fn remove_offers(&self, ids: &[&str]) -> usize {
        let mut s = lock(&self.store);
        let before = s.offers.len();
        s.offers
            .retain(|o| !o["id"].as_str().is_some_and(|id| ids.contains(&id)));
        before - s.offers.len()
    }

    /// Change an offer in place (by id); returns whether it was found.
    pub fn edit_offer(&self, id: &str, edit: impl FnOnce(&mut Value)) -> bool {
        let mut s = lock(&self.store);
        match s.offers.iter_mut().find(|o| o["id"] == id) {
            Some(offer) => {
                edit(offer);
                true
            }
            None => false,
        }
    }

    /// How many requests each endpoint received so far.
    pub fn requests(&self) -> Requests {
        lock(&self.store).requests
    }

    /// Every request received so far, oldest first.
    pub fn log(&self) -> Vec<Logged> {
        lock(&self.store).log.clone()
    }

    /// Forget the counts and the log.
    pub fn clear_log(&self) {
        let mut s = lock(&self.store);
        s.requests = Requests::default();
        s.log.clear();
    }
}

impl Drop for StandIn {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

// The endpoints ----------------------------------------------------------------

fn json_answer(status: StatusCode, body: &Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json;charset=UTF-8")],
        body.to_string(),
    )
        .into_response()
}

fn record(store: &Store, method: &str, target: String, status: StatusCode) {
    lock(store).log.push(Logged {
        method: method.to_string(),
        target,
        status: status.as_u16(),
    });
}

fn target_of(path: &str, query: &HashMap<String, String>) -> String {
    if query.is_empty() {
        return path.to_string();
    }
    let mut pairs: Vec<String> = query.iter().map(|(k, v)| format!("{k}={v}")).collect();
    pairs.sort();
    format!("{path}?{}", pairs.join("&"))
}

async fn token(
    State(store): State<Store>,
    Query(query): Query<HashMap<String, String>>,
    body: String,
) -> Response {
    let form: HashMap<String, String> = form_fields(&body);
    let answer = {
        let mut s = lock(&store);
        s.requests.token += 1;
        let field = |name: &str| form.get(name).map(String::as_str).unwrap_or_default();
        if query.get("realm").map(String::as_str) != Some("/partenaire") {
            json_answer(
                StatusCode::BAD_REQUEST,
                &json!({"error": "invalid_request", "error_description": "Invalid realm"}),
            )
        } else if field("grant_type") != "client_credentials" {
            json_answer(
                StatusCode::BAD_REQUEST,
                &json!({"error": "unsupported_grant_type", "error_description": "Grant type is not supported"}),
            )
        } else if field("client_id") != s.client_id || field("client_secret") != s.client_secret {
            json_answer(
                StatusCode::UNAUTHORIZED,
                &json!({"error": "invalid_client", "error_description": "Client authentication failed"}),
            )
        } else if !field("scope")
            .split_whitespace()
            .any(|w| w == "api_offresdemploiv2")
        {
            json_answer(
                StatusCode::BAD_REQUEST,
                &json!({"error": "invalid_scope", "error_description": "Unknown/invalid scope(s)"}),
            )
        } else {
            s.issued += 1;
            let token = format!(
                "standin-{:08x}-{}",
                s.issued.wrapping_mul(2_654_435_761),
                s.issued
            );
            s.tokens.insert(token.clone());
            json_answer(
                StatusCode::OK,
                &json!({
                    "scope": field("scope"),
                    "expires_in": 1499,
                    "token_type": "Bearer",
                    "access_token": token,
                }),
            )
        }
    };
    let status = answer.status();
    record(
        &store,
        "POST",
        target_of("/connexion/oauth2/access_token", &query),
        status,
    );
    answer
}

/// The fields of a URL-encoded form.
fn form_fields(body: &str) -> HashMap<String, String> {
    body.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect()
}

fn decode(text: &str) -> String {
    fn hex(b: u8) -> Option<u8> {
        char::from(b)
            .to_digit(16)
            .and_then(|d| u8::try_from(d).ok())
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push(high * 16 + low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// What every API request goes through first: the token, then the
/// behaviours that refuse it. `None` when it may be answered.
fn gate(store: &Store, headers: &HeaderMap) -> Option<Response> {
    let mut s = lock(store);
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    if !bearer.is_some_and(|t| s.tokens.contains(t)) {
        return Some(json_answer(
            StatusCode::UNAUTHORIZED,
            &json!({"codeHttp": 401, "message": "Jeton d'accès invalide ou expiré"}),
        ));
    }
    if s.too_many > 0 {
        s.too_many -= 1;
        let mut answer = json_answer(
            StatusCode::TOO_MANY_REQUESTS,
            &json!({"codeHttp": 429, "message": "Limite de débit atteinte"}),
        );
        if let Ok(value) = HeaderValue::from_str(&s.retry_after.to_string()) {
            answer.headers_mut().insert(header::RETRY_AFTER, value);
        }
        return Some(answer);
    }
    if s.errors > 0 {
        s.errors -= 1;
        return Some(json_answer(
            StatusCode::INTERNAL_SERVER_ERROR,
            &json!({"codeHttp": 500, "message": "Erreur technique"}),
        ));
    }
    if s.html {
        return Some(
            (
                StatusCode::OK,
                [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                "<!DOCTYPE html>\n<html lang=\"fr\"><head><title>Service en maintenance</title></head>\
                 <body><h1>Service momentanément indisponible</h1>\
                 <p>Le service est en maintenance, merci de réessayer plus tard.</p></body></html>\n",
            )
                .into_response(),
        );
    }
    None
}

/// A 2xx JSON answer, in ISO-8859-1 when asked.
fn data(store: &Store, status: StatusCode, body: &Value) -> Response {
    if !lock(store).latin1 {
        return json_answer(status, body);
    }
    let latin1: Vec<u8> = body
        .to_string()
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect();
    (
        status,
        [(header::CONTENT_TYPE, "application/json;charset=ISO-8859-1")],
        latin1,
    )
        .into_response()
}

async fn wait(store: &Store) {
    let delay = lock(store).delay;
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
}

fn bad_request(message: &str) -> Response {
    json_answer(
        StatusCode::BAD_REQUEST,
        &json!({"codeHttp": 400, "message": message}),
    )
}

/// `range=p-d`, checked as the API does.
fn range_of(range: Option<&String>) -> Result<(usize, usize), &'static str> {
    let Some(range) = range else {
        return Ok((0, PAGE - 1));
    };
    let parsed = range.split_once('-').and_then(|(p, d)| {
        Some((
            p.trim().parse::<usize>().ok()?,
            d.trim().parse::<usize>().ok()?,
        ))
    });
    let Some((p, d)) = parsed else {
        return Err("Le paramètre range est mal formé (attendu : p-d).");
    };
    if p > MAX_START {
        return Err("La position de début doit être inférieure ou égale à 3000.");
    }
    if d < p || d - p >= PAGE {
        return Err("La plage demandée est incorrecte : au plus 150 résultats, et p ≤ d.");
    }
    Ok((p, d))
}

fn list(param: Option<&String>) -> Vec<String> {
    param
        .map(|v| {
            v.split(',')
                .map(|x| x.trim().to_string())
                .filter(|x| !x.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

fn matches(offer: &Value, communes: &[String], contracts: &[String], words: &[String]) -> bool {
    // Something that is not an offer at all comes with every search.
    if !offer.is_object() {
        return true;
    }
    // An offer without a readable commune (a malformed one) matches every
    // search, so that tests see it come.
    let commune_ok = communes.is_empty()
        || offer["lieuTravail"]["commune"]
            .as_str()
            .is_none_or(|c| communes.iter().any(|x| x == c));
    let contract_ok = contracts.is_empty()
        || offer["typeContrat"]
            .as_str()
            .is_some_and(|c| contracts.iter().any(|x| x.eq_ignore_ascii_case(c)));
    let words_ok = words.is_empty() || {
        let text = format!(
            "{} {} {}",
            offer["intitule"].as_str().unwrap_or_default(),
            offer["description"].as_str().unwrap_or_default(),
            offer["romeLibelle"].as_str().unwrap_or_default()
        )
        .to_lowercase();
        words.iter().all(|w| text.contains(&w.to_lowercase()))
    };
    commune_ok && contract_ok && words_ok
}

async fn search(
    State(store): State<Store>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    lock(&store).requests.search += 1;
    wait(&store).await;
    let answer = search_answer(&store, &query, &headers);
    record(
        &store,
        "GET",
        target_of(&format!("{API_PATH}/offres/search"), &query),
        answer.status(),
    );
    answer
}

fn search_answer(store: &Store, query: &HashMap<String, String>, headers: &HeaderMap) -> Response {
    if let Some(refused) = gate(store, headers) {
        return refused;
    }
    let (p, d) = match range_of(query.get("range")) {
        Ok(r) => r,
        Err(why) => return bad_request(why),
    };
    let communes = list(query.get("commune"));
    if communes.len() > MAX_COMMUNES {
        return bad_request("Le nombre de communes est limité à 5.");
    }
    if let Some(distance) = query.get("distance")
        && distance.trim().parse::<u32>().is_err()
    {
        return bad_request("Le paramètre distance doit être un nombre entier.");
    }
    let contracts = list(query.get("typeContrat"));
    let words = list(query.get("motsCles"));
    let found: Vec<Value> = lock(store)
        .offers
        .iter()
        .filter(|o| matches(o, &communes, &contracts, &words))
        .cloned()
        .collect();
    let total = found.len();
    if total == 0 || p >= total {
        return StatusCode::NO_CONTENT.into_response();
    }
    let last = d.min(total - 1);
    let page: Vec<Value> = found[p..=last].to_vec();
    let mut kinds: Vec<(String, usize)> = Vec::new();
    for o in &found {
        let code = o["typeContrat"].as_str().unwrap_or("").to_string();
        match kinds.iter_mut().find(|(c, _)| *c == code) {
            Some((_, n)) => *n += 1,
            None => kinds.push((code, 1)),
        }
    }
    let body = json!({
        "resultats": page,
        "filtresPossibles": [{
            "filtre": "typeContrat",
            "agregation": kinds
                .iter()
                .map(|(c, n)| json!({"valeurPossible": c, "nbResultats": n}))
                .collect::<Vec<_>>(),
        }],
    });
    let status = if p == 0 && last + 1 == total {
        StatusCode::OK
    } else {
        StatusCode::PARTIAL_CONTENT
    };
    let mut answer = data(store, status, &body);
    let h = answer.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&format!("offres {p}-{last}/{total}")) {
        h.insert(header::CONTENT_RANGE, v);
    }
    h.insert("accept-range", HeaderValue::from_static("offres 150"));
    answer
}

async fn offer(State(store): State<Store>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    lock(&store).requests.offer += 1;
    wait(&store).await;
    let answer = match gate(&store, &headers) {
        Some(refused) => refused,
        None => {
            let found = lock(&store).offers.iter().find(|o| o["id"] == *id).cloned();
            match found {
                Some(o) => data(&store, StatusCode::OK, &o),
                None => StatusCode::NO_CONTENT.into_response(),
            }
        }
    };
    record(
        &store,
        "GET",
        format!("{API_PATH}/offres/{id}"),
        answer.status(),
    );
    answer
}

// Offers ---------------------------------------------------------------------

/// A trade of a ski resort, with what an offer for it says. The ROME
/// codes are illustrative.
struct Trade {
    title: &'static str,
    rome: &'static str,
    rome_label: &'static str,
    appellation: &'static str,
    sector: &'static str,
    employers: &'static [&'static str],
    qualification: &'static str,
    duties: &'static [&'static str],
    skills: &'static [&'static str],
    pay: (f64, &'static str),
}

const TRADES: &[Trade] = &[
    Trade {
        title: "Perchman / Perchwoman (H/F)",
        rome: "I1304",
        rome_label: "Installation et maintenance d'équipements industriels et d'exploitation",
        appellation: "Agent / Agente d'exploitation des remontées mécaniques",
        sector: "Téléphériques et remontées mécaniques",
        employers: &["Régie des remontées mécaniques", "SEM du domaine skiable"],
        qualification: "Employé non qualifié",
        duties: &[
            "Accueil et aide à l'embarquement des skieurs au départ des téléskis.",
            "Contrôle des titres de transport et surveillance de la ligne.",
            "Damage manuel des zones de départ et d'arrivée.",
        ],
        skills: &[
            "Accueil du public",
            "Règles de sécurité des remontées mécaniques",
        ],
        pay: (1850.0, "Mensuel"),
    },
    Trade {
        title: "Pisteur secouriste (H/F)",
        rome: "K1705",
        rome_label: "Sécurité civile et secours",
        appellation: "Pisteur secouriste",
        sector: "Téléphériques et remontées mécaniques",
        employers: &["Régie des remontées mécaniques", "SEM du domaine skiable"],
        qualification: "Employé qualifié",
        duties: &[
            "Ouverture et fermeture des pistes, balisage et signalisation.",
            "Secours aux blessés sur le domaine skiable.",
            "Participation au déclenchement préventif des avalanches.",
        ],
        skills: &["Premiers secours", "Brevet national de pisteur secouriste"],
        pay: (2100.0, "Mensuel"),
    },
    Trade {
        title: "Moniteur / Monitrice de ski (H/F)",
        rome: "G1204",
        rome_label: "Éducation en activités sportives",
        appellation: "Moniteur / Monitrice de ski",
        sector: "Enseignement de disciplines sportives et d'activités de loisirs",
        employers: &["École de ski de la vallée", "École de glisse des Pics"],
        qualification: "Technicien",
        duties: &[
            "Cours collectifs enfants et adultes, du débutant à l'étoile d'or.",
            "Cours particuliers de ski alpin et de snowboard.",
        ],
        skills: &["Diplôme d'État de ski alpin", "Pédagogie"],
        pay: (28.5, "Horaire"),
    },
    Trade {
        title: "Serveur / Serveuse en restauration (H/F)",
        rome: "G1803",
        rome_label: "Service en restauration",
        appellation: "Serveur / Serveuse en restauration",
        sector: "Restauration traditionnelle",
        employers: &[
            "Restaurant Le Refuge",
            "Brasserie des Cimes",
            "Hôtel du Pic",
        ],
        qualification: "Employé qualifié",
        duties: &[
            "Mise en place de la salle et de la terrasse.",
            "Accueil des clients, prise de commande et service à l'assiette.",
            "Encaissement et débarrassage.",
        ],
        skills: &["Service en salle", "Encaissement"],
        pay: (11.88, "Horaire"),
    },
    Trade {
        title: "Cuisinier / Cuisinière (H/F)",
        rome: "G1602",
        rome_label: "Personnel de cuisine",
        appellation: "Cuisinier / Cuisinière",
        sector: "Restauration traditionnelle",
        employers: &[
            "Restaurant Le Refuge",
            "Hôtel du Pic",
            "Auberge de la Neste",
        ],
        qualification: "Employé qualifié",
        duties: &[
            "Préparation des entrées, plats et desserts de la carte.",
            "Respect des règles d'hygiène HACCP.",
            "Réception et rangement des marchandises.",
        ],
        skills: &["HACCP", "Cuisine traditionnelle"],
        pay: (2000.0, "Mensuel"),
    },
    Trade {
        title: "Réceptionniste en hôtellerie (H/F)",
        rome: "G1703",
        rome_label: "Réception en hôtellerie",
        appellation: "Réceptionniste en hôtellerie",
        sector: "Hôtels et hébergement similaire",
        employers: &["Hôtel du Pic", "Résidence Les Edelweiss"],
        qualification: "Employé qualifié",
        duties: &[
            "Accueil des clients, arrivées et départs.",
            "Réservations par téléphone et par courriel.",
            "Facturation et encaissement.",
        ],
        skills: &["Logiciel de réservation", "Accueil du public"],
        pay: (1900.0, "Mensuel"),
    },
    Trade {
        title: "Vendeur / Vendeuse en articles de sport (H/F)",
        rome: "D1211",
        rome_label: "Vente en articles de sport et loisirs",
        appellation: "Vendeur / Vendeuse en articles de sport",
        sector: "Commerce de détail d'articles de sport",
        employers: &["Sport 2000 Saint-Lary", "Glisse & Montagne"],
        qualification: "Employé qualifié",
        duties: &[
            "Conseil et vente de matériel de ski et de vêtements techniques.",
            "Mise en rayon et tenue du magasin.",
        ],
        skills: &["Vente", "Conseil client"],
        pay: (1820.0, "Mensuel"),
    },
    Trade {
        title: "Loueur / Loueuse de skis (H/F)",
        rome: "D1211",
        rome_label: "Vente en articles de sport et loisirs",
        appellation: "Loueur / Loueuse de matériel de sports d'hiver",
        sector: "Location et location-bail d'articles de loisirs et de sport",
        employers: &["Skiset Pla d'Adet", "Glisse & Montagne"],
        qualification: "Employé non qualifié",
        duties: &[
            "Réglage des fixations et préparation du matériel de location.",
            "Accueil et conseil des clients au comptoir.",
            "Entretien des skis : fartage, affûtage des carres.",
        ],
        skills: &["Réglage des fixations", "Entretien du matériel de glisse"],
        pay: (1801.8, "Mensuel"),
    },
    Trade {
        title: "Agent / Agente d'entretien (H/F)",
        rome: "K2204",
        rome_label: "Nettoyage de locaux",
        appellation: "Agent / Agente d'entretien de locaux",
        sector: "Hôtels et hébergement similaire",
        employers: &["Résidence Les Edelweiss", "Village vacances du Soulan"],
        qualification: "Employé non qualifié",
        duties: &[
            "Nettoyage des appartements entre deux séjours.",
            "Entretien des parties communes et du linge.",
        ],
        skills: &["Techniques de nettoyage"],
        pay: (11.88, "Horaire"),
    },
    Trade {
        title: "Nivoculteur / Nivocultrice (H/F)",
        rome: "I1304",
        rome_label: "Installation et maintenance d'équipements industriels et d'exploitation",
        appellation: "Nivoculteur / Nivocultrice",
        sector: "Téléphériques et remontées mécaniques",
        employers: &["SEM du domaine skiable"],
        qualification: "Ouvrier qualifié",
        duties: &[
            "Production de neige de culture la nuit, selon la température et l'humidité.",
            "Surveillance et entretien des enneigeurs et de l'usine à neige.",
        ],
        skills: &["Maintenance électrique", "Travail de nuit"],
        pay: (2150.0, "Mensuel"),
    },
    Trade {
        title: "Plongeur / Plongeuse en restauration (H/F)",
        rome: "G1605",
        rome_label: "Plonge en restauration",
        appellation: "Plongeur / Plongeuse en restauration",
        sector: "Restauration traditionnelle",
        employers: &["Brasserie des Cimes", "Auberge de la Neste"],
        qualification: "Employé non qualifié",
        duties: &[
            "Lavage de la vaisselle et des ustensiles de cuisine.",
            "Nettoyage de la cuisine en fin de service.",
        ],
        skills: &["Hygiène en cuisine"],
        pay: (11.88, "Horaire"),
    },
    Trade {
        title: "Conducteur / Conductrice d'engin de damage (H/F)",
        rome: "F1302",
        rome_label: "Conduite d'engins de terrassement et de carrière",
        appellation: "Conducteur / Conductrice d'engin de damage",
        sector: "Téléphériques et remontées mécaniques",
        employers: &["SEM du domaine skiable", "Régie des remontées mécaniques"],
        qualification: "Ouvrier qualifié",
        duties: &[
            "Damage des pistes la nuit et en fin de journée.",
            "Entretien courant de la dameuse et compte rendu de l'état des pistes.",
        ],
        skills: &["Conduite d'engins", "Travail de nuit"],
        pay: (2250.0, "Mensuel"),
    },
];

/// Communes of the Aure valley (INSEE code, name), for the bench and the
/// demo.
pub const VALLEY: &[(&str, &str)] = &[
    ("65388", "Saint-Lary-Soulan"),
    ("65462", "Vielle-Aure"),
    ("65017", "Arreau"),
    ("65059", "Bourisp"),
    ("65192", "Guchan"),
];

/// Postal code and coordinates of the communes the stand-in knows; others
/// get the department's `…000` and a point of the Pyrenees.
fn place_of(insee: &str, index: usize) -> (String, f64, f64) {
    let known: &[(&str, &str, f64, f64)] = &[
        ("65388", "65170", 42.817, 0.322),
        ("65462", "65170", 42.833, 0.337),
        ("65017", "65240", 42.906, 0.357),
        ("65059", "65170", 42.830, 0.339),
        ("65192", "65170", 42.842, 0.340),
    ];
    match known.iter().find(|k| k.0 == insee) {
        Some((_, cp, lat, lon)) => ((*cp).to_string(), *lat, *lon),
        None => {
            let dep = insee.get(..2).unwrap_or("65");
            let step = index as f64 * 0.011;
            (format!("{dep}000"), 42.85 + step, 0.30 + step)
        }
    }
}

/// A simple linear congruential generator: the same offers on every run,
/// without a dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap_or(0)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// True `percent` times out of 100.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// The name of a commune as France Travail writes it in
/// `lieuTravail.libelle`: upper case, no accents, no hyphens.
fn upper_place(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'À' | 'Â' => 'A',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => 'E',
            'î' | 'ï' | 'Î' => 'I',
            'ô' | 'ö' | 'Ô' => 'O',
            'ù' | 'û' | 'ü' | 'Û' => 'U',
            'ç' | 'Ç' => 'C',
            '-' | '\'' => ' ',
            c => c.to_ascii_uppercase(),
        })
        .collect()
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a number of days since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

fn day_text(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

fn french_day(days: i64) -> String {
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
    let (y, m, d) = civil_from_days(days);
    let month = MONTHS[usize::try_from(m - 1).unwrap_or(0)];
    format!("{d} {month} {y}")
}

/// The id France Travail would give the offer at `index`: three digits
/// and four letters or digits, like `201KXPW`, unique for each index.
pub fn offer_id(index: usize) -> String {
    const ALPHABET: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let space = 36usize.pow(4);
    // A multiplier prime to 36⁴ spreads neighbouring indexes apart.
    let mut n = (index % space) * 7_919 % space;
    let mut tail = [b'0'; 4];
    for slot in tail.iter_mut().rev() {
        *slot = ALPHABET[n % 36];
        n /= 36;
    }
    format!(
        "{}{}",
        201 + (index / space) % 799,
        String::from_utf8_lossy(&tail)
    )
}

/// `n` realistic, varied offers of the documented shape, in the given
/// communes (INSEE code, name), always the same for the same arguments:
/// the trades of a ski resort (perchman, pisteur secouriste, ski
/// instructor, waiter, cook, receptionist, shop assistant, ski hire,
/// cleaning, snowmaking, piste grooming…), mostly seasonal (`SAI`), some
/// `CDD`, `CDI` or `MIS`, created in the six weeks before 1 December 2026.
/// About a third say the job is housed (« Poste logé », « Logement
/// possible »); some have no employer name, no pay or no application
/// address, as real offers do.
pub fn generate(n: usize, communes: &[(&str, &str)]) -> Vec<Value> {
    let communes: &[(&str, &str)] = if communes.is_empty() {
        VALLEY
    } else {
        communes
    };
    let mut rng = Lcg(0x5EA5_0A1E_2026);
    // 1 December 2026, 18:00 UTC: the newest offers are from about then.
    let reference = days_from_civil(2026, 12, 1);
    (0..n)
        .map(|i| one_offer(i, communes, reference, &mut rng))
        .collect()
}

fn one_offer(i: usize, communes: &[(&str, &str)], reference: i64, rng: &mut Lcg) -> Value {
    let id = offer_id(i);
    let trade = rng.pick(TRADES);
    let commune_index = rng.below(communes.len());
    let (insee, name) = communes[commune_index];
    let (postal, lat, lon) = place_of(insee, commune_index);
    let jitter = (rng.below(200) as f64 - 100.0) / 10_000.0;
    let (code, label, months) = match rng.below(20) {
        0..=10 => ("SAI", "Contrat travail saisonnier", 3 + rng.below(3)),
        11..=15 => ("CDD", "Contrat à durée déterminée", 4 + rng.below(4)),
        16..=17 => ("CDI", "Contrat à durée indéterminée", 0),
        _ => ("MIS", "Mission intérimaire", 1 + rng.below(3)),
    };
    let contract_label = if months > 0 {
        format!("{label} - {months} Mois")
    } else {
        label.to_string()
    };
    let apprenticeship = code == "CDD" && rng.chance(15);
    let created = reference - i64::try_from(rng.below(45)).unwrap_or(0);
    let updated = (created + i64::try_from(rng.below(6)).unwrap_or(0)).min(reference);
    let time = |rng: &mut Lcg| {
        format!(
            "T{:02}:{:02}:{:02}.000Z",
            7 + rng.below(11),
            rng.below(60),
            rng.below(60)
        )
    };
    let creation = format!("{}{}", day_text(created), time(rng));
    let actualisation = format!("{}{}", day_text(updated), time(rng));
    let employer = *rng.pick(trade.employers);
    let named = rng.chance(85);
    let housed = rng.below(3) == 0;
    let english = rng.chance(35);
    let starts = days_from_civil(2026, 12, 12) + i64::try_from(rng.below(10)).unwrap_or(0);
    let ends = days_from_civil(2027, 4, 5) + i64::try_from(rng.below(14)).unwrap_or(0);
    let mut description: Vec<String> = Vec::new();
    description.push(format!(
        "{} recrute pour la saison d'hiver à {name}.",
        if named {
            employer
        } else {
            "Entreprise de la vallée"
        }
    ));
    description.extend(trade.duties.iter().map(|d| (*d).to_string()));
    if code == "SAI" {
        description.push(format!(
            "Saison du {} au {}.",
            french_day(starts),
            french_day(ends)
        ));
    }
    if housed {
        description.push(
            (*rng.pick(&[
                "Poste logé et nourri.",
                "Logement possible sur place.",
                "Logement fourni en studio partagé.",
            ]))
            .to_string(),
        );
    }
    if english {
        description.push("Anglais apprécié pour l'accueil de la clientèle étrangère.".into());
    }
    description.push("Débutants motivés acceptés, formation assurée.".into());
    let (amount, unit) = trade.pay;
    let amount = amount + (rng.below(5) as f64) * if unit == "Horaire" { 0.5 } else { 50.0 };
    let salary = match unit {
        "Horaire" => format!("Horaire de {amount:.2} Euros sur 151.67 heures"),
        _ => format!("{unit} de {amount:.2} Euros sur 12 mois"),
    };
    let mut salaire = json!({ "libelle": salary });
    if rng.chance(10) {
        salaire = json!({ "commentaire": "Selon profil" });
    } else if housed && rng.chance(50) {
        salaire["commentaire"] = json!("Logé, nourri");
    }
    let full_time = rng.chance(80);
    let url = format!("https://candidat.francetravail.fr/offres/recherche/detail/{id}");
    let mut contact = json!({
        "nom": format!("{employer} - Service du personnel"),
        "coordonnees1": "Route du Pla d'Adet",
        "coordonnees2": format!("{postal} {}", upper_place(name)),
        "courriel": format!("Pour postuler, utiliser le lien suivant : {url}"),
    });
    if rng.chance(40) {
        contact["urlPostulation"] = json!(format!("https://recrutement.example.fr/offres/{id}"));
    }
    let mut offer = json!({
        "id": id,
        "intitule": trade.title,
        "description": description.join("\n"),
        "dateCreation": creation,
        "dateActualisation": actualisation,
        "lieuTravail": {
            "libelle": format!("{} - {}", insee.get(..2).unwrap_or("65"), upper_place(name)),
            "latitude": lat + jitter,
            "longitude": lon - jitter,
            "codePostal": postal,
            "commune": insee,
        },
        "romeCode": trade.rome,
        "romeLibelle": trade.rome_label,
        "appellationlibelle": trade.appellation,
        "entreprise": if named {
            json!({
                "nom": employer,
                "description": format!("{employer}, employeur de la station depuis plus de vingt ans."),
                "entrepriseAdaptee": false,
            })
        } else {
            json!({ "entrepriseAdaptee": false })
        },
        "typeContrat": code,
        "typeContratLibelle": contract_label,
        "natureContrat": if apprenticeship { "Cont. apprentissage" } else { "Contrat travail" },
        "experienceExige": if rng.chance(60) { "D" } else { "E" },
        "experienceLibelle": *rng.pick(&["Débutant accepté", "1 an", "6 mois - sur un poste similaire", "2 ans"]),
        "competences": trade.skills.iter().enumerate().map(|(k, s)| json!({
            "code": format!("{}{k:02}", trade.rome),
            "libelle": s,
            "exigence": if k == 0 { "E" } else { "S" },
        })).collect::<Vec<_>>(),
        "langues": if english { json!([{ "libelle": "Anglais", "exigence": "S" }]) } else { json!([]) },
        "salaire": salaire,
        "dureeTravailLibelle": if full_time { "35H Horaires normaux" } else { "24H Travail en journée" },
        "dureeTravailLibelleConverti": if full_time { "Temps plein" } else { "Temps partiel" },
        "alternance": apprenticeship,
        "contact": contact,
        "nombrePostes": 1 + rng.below(4),
        "accessibleTH": rng.chance(30),
        "qualificationCode": "6",
        "qualificationLibelle": trade.qualification,
        "secteurActivite": "93",
        "secteurActiviteLibelle": trade.sector,
        "origineOffre": { "origine": "1", "urlOrigine": url },
    });
    if code == "SAI" && rng.chance(50) {
        offer["complementExercice"] = json!("Travail le week-end et les jours fériés");
    }
    offer
}

/// Offers that break the documented shape, to mix with good ones: one
/// without `id`, one without `intitule`, one whose `id` is a number and
/// `intitule` a list. They are in Saint-Lary-Soulan (65388), or have no
/// readable commune, which every search matches.
pub fn malformed() -> Vec<Value> {
    vec![
        json!({
            "intitule": "Offre sans identifiant",
            "description": "Elle n'a pas d'id.",
            "typeContrat": "SAI",
            "lieuTravail": { "libelle": "65 - SAINT LARY SOULAN", "commune": "65388" },
        }),
        json!({
            "id": "209ZZZ1",
            "description": "Elle n'a pas d'intitulé.",
            "typeContrat": "CDD",
            "lieuTravail": { "libelle": "65 - SAINT LARY SOULAN", "commune": "65388" },
        }),
        json!({
            "id": 2_090_002,
            "intitule": ["Serveur", "Barman"],
            "typeContrat": "SAI",
            "lieuTravail": "65 - SAINT LARY SOULAN",
        }),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_offers_are_deterministic_unique_and_complete() {
        let a = generate(500, VALLEY);
        let b = generate(500, VALLEY);
        assert_eq!(a, b);
        let ids: BTreeSet<&str> = a.iter().filter_map(|o| o["id"].as_str()).collect();
        assert_eq!(ids.len(), 500);
        for o in &a {
            assert_eq!(o["id"].as_str().map(str::len), Some(7), "{}", o["id"]);
            assert!(o["intitule"].is_string());
            assert!(
                o["description"]
                    .as_str()
                    .is_some_and(|d| d.lines().count() >= 3)
            );
            assert!(
                o["lieuTravail"]["libelle"]
                    .as_str()
                    .is_some_and(|l| l.starts_with("65 - "))
            );
            assert!(
                o["origineOffre"]["urlOrigine"]
                    .as_str()
                    .is_some_and(|u| u.ends_with(o["id"].as_str().unwrap_or("?")))
            );
        }
        let seasonal = a.iter().filter(|o| o["typeContrat"] == "SAI").count();
        assert!(seasonal > 150 && seasonal < 400, "{seasonal}");
    }

    #[test]
    fn dates_round_trip() {
        for days in [
            0,
            19_000,
            days_from_civil(2026, 12, 1),
            days_from_civil(2028, 2, 29),
        ] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(day_text(days_from_civil(2026, 12, 1)), "2026-12-01");
    }

    #[test]
    fn bad_ranges_are_refused() {
        assert!(range_of(Some(&"0-149".to_string())).is_ok());
        assert!(range_of(Some(&"0-150".to_string())).is_err());
        assert!(range_of(Some(&"3001-3100".to_string())).is_err());
        assert!(range_of(Some(&"20-10".to_string())).is_err());
        assert!(range_of(Some(&"a-b".to_string())).is_err());
    }
}
