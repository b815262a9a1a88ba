//! The France Travail import: runs, their batches, and the extranet page
//! that shows them and starts one by hand.
//!
//! A run (`import_runs`) searches France Travail's offers for the site's
//! communes (five INSEE codes per search, as the API takes), with the
//! settings' distance, contract types and keywords, page after page of
//! 150 (`range=0-149`, `150-299`…), and writes each page in one
//! transaction: new offers inserted, known ones updated, every one marked
//! with the run's id (`seen_run`) and kept on line 30 more days. Once
//! every page is read, the published imported offers the run did not see
//! are withdrawn and anonymised, as France Travail's licence asks: their
//! description, employer, contact details and application address go; the
//! title, commune, contract, season and dates stay for the figures.
//!
//! A call of the plugin lasts at most 20 s, so a run goes by batches of
//! about 8 s: the scheduled task (every minute) carries on the running
//! one, or starts one when the last finished more than `ft_every_hours`
//! ago; « Importer maintenant » starts one and runs its first batch in the
//! request, so that a small import is done at once.
//!
//! A rate limit (429), an outage (5xx) or a timeout is tried again later,
//! after 1, 2, 4, 8… minutes (at most 30, and never sooner than the
//! server's `Retry-After`); the fifth failure in a row fails the run. A
//! failed run withdraws nothing: the offers of the last good run stay on
//! line, and the page says so. An offer the API gives without `id` or
//! `intitule` is left out and listed with the run's problems; the run
//! still succeeds.
//!
//! Each batch's writes carry the run's progress and expect the run as the
//! batch read it (`pages`, `retries`, `status`), so two batches of the
//! same run (the schedule and the button at once, or two nodes) cannot
//! both write a page: the second is refused and stops.

use estive_sdk::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::francetravail::{self, Credentials, Failure, Problem, Query, Reason, Token};
use crate::model::{
    FRANCE_TRAVAIL, ImportRun, PUBLISHED, RUN_DONE, RUN_FAILED, RUN_REQUESTED, RUN_RUNNING,
    WITHDRAWN,
};
use crate::store::{self, Settings};
use crate::{permissions, tables};

/// A batch starts no request after this many milliseconds (a call of the
/// plugin has 20 s, and a request may take 9).
const BATCH_MS: i64 = 8_000;
/// A batch reads at most this many pages (22,500 offers).
const BATCH_PAGES: usize = 150;
/// Failures in a row after which a run fails.
const MAX_ATTEMPTS: i64 = 5;
/// The first wait after a failure, doubled at each one.
const FIRST_WAIT_S: i64 = 60;
/// The longest wait between two attempts of our own choosing.
const LONGEST_WAIT_S: i64 = 30 * 60;
/// The longest `Retry-After` honoured (a longer one is read as this).
const LONGEST_RETRY_AFTER_S: i64 = 6 * 3600;
/// Problems kept per run (all are counted in `skipped`).
const MAX_PROBLEMS: usize = 200;
/// Offers withdrawn per transaction (each is one operation; the host
/// takes 1,000).
const WITHDRAW_CHUNK: u32 = 400;
/// Runs listed on the page.
const RUNS_LISTED: u32 = 20;
/// The contact keys of `details`, removed from a withdrawn offer.
const CONTACT_KEYS: [&str; 3] = ["urlPostulation", "contactNom", "contactCoordonnees"];

/// Who started a run.
pub const TRIGGER_SCHEDULE: &str = "schedule";
/// See [`TRIGGER_SCHEDULE`].
pub const TRIGGER_MANUAL: &str = "manual";

// The run's state between batches -------------------------------------------------

/// Where a run is, kept in `import_runs.state` between batches.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// The searches of the run (communes by five).
    pub queries: Vec<Query>,
    /// The search being read.
    pub query: usize,
    /// The next range's first position in that search.
    pub start: usize,
    /// Each search's total, once known.
    pub totals: Vec<Option<usize>>,
    /// Every page is read: offers not seen are being withdrawn.
    pub withdrawing: bool,
    /// A search had more offers than the API lets one read (3,150): the
    /// run withdraws nothing, since it could not see everything.
    pub truncated: bool,
    /// The token, while it is valid (never shown).
    pub token: Option<Token>,
    /// Why the run failed or waits, in the catalogue's words.
    pub failure: Option<Reason>,
}

/// A `json` column's value: the host gives JSON text, which a
/// `serde_json::Value` field holds as a string.
fn json_column(value: &Value) -> Value {
    match value {
        Value::String(text) => serde_json::from_str(text).unwrap_or(Value::Null),
        other => other.clone(),
    }
}

impl State {
    fn of(run: &ImportRun) -> State {
        serde_json::from_value(json_column(&run.state)).unwrap_or_default()
    }

    fn known_total(&self) -> usize {
        self.totals.iter().flatten().sum()
    }
}

/// The run row, with its state decoded.
#[derive(Clone, Debug)]
struct Run {
    row: ImportRun,
    state: State,
    problems: Vec<Problem>,
}

impl Run {
    fn of(row: ImportRun) -> Run {
        let state = State::of(&row);
        let problems = serde_json::from_value(json_column(&row.problems)).unwrap_or_default();
        Run {
            row,
            state,
            problems,
        }
    }

    /// The update of the run row with its counters and state, expecting
    /// it as it was read (see the module's doc).
    fn save(&self, tx: &mut db::Transaction, read: &ImportRun) {
        use tables::import_runs as c;
        tx.expect(
            tables::IMPORT_RUNS,
            [
                eq(c::ID, read.id),
                eq(c::PAGES, read.pages),
                eq(c::RETRIES, read.retries),
                eq(c::STATUS, read.status.as_str()),
            ],
            db::Measure::count_rows(),
            Some(1.0),
            Some(1.0),
            "import-busy",
        );
        let r = &self.row;
        tx.update(
            db::update(tables::IMPORT_RUNS)
                .filter(eq(c::ID, r.id))
                .set(c::STATUS, r.status.as_str())
                .set(c::FINISHED_AT, r.finished_at.clone())
                .set(c::PAGES, r.pages)
                .set(c::TOTAL, r.total)
                .set(c::FETCHED, r.fetched)
                .set(c::CREATED, r.created)
                .set(c::UPDATED, r.updated)
                .set(c::WITHDRAWN, r.withdrawn)
                .set(c::SKIPPED, r.skipped)
                .set(c::RETRIES, r.retries)
                .set(c::RETRY_AT, r.retry_at.clone())
                .set(c::MESSAGE, r.message.clone())
                .set_json(c::PROBLEMS, &self.problems)
                .set_json(c::STATE, &self.state),
        );
    }

    /// Writes the run alone; `false` when another batch moved it first.
    fn commit_alone(&self, read: &ImportRun) -> Result<bool, Error> {
        let mut tx = db::transaction();
        self.save(&mut tx, read);
        commit(tx)
    }
}

/// Commits; `false` when the run's expectation failed (another batch
/// wrote first).
fn commit(tx: db::Transaction) -> Result<bool, Error> {
    match tx.commit() {
        Ok(_) => Ok(true),
        Err(Error::Conflict(message)) if message == "import-busy" => Ok(false),
        Err(e) => Err(e),
    }
}

// Settings --------------------------------------------------------------------

/// What the settings ask the import to do, and what is missing for it.
#[derive(Clone, Debug, Serialize)]
pub struct Plan {
    /// `ft_enabled`.
    pub enabled: bool,
    /// The communes searched (those of the settings with an INSEE code).
    pub communes: Vec<store::Commune>,
    /// The communes of the settings without an INSEE code (not searched).
    pub unsearched: Vec<String>,
    /// Kilometres around each commune.
    pub distance: i64,
    /// `typeContrat` codes, none for all.
    pub contracts: Vec<String>,
    /// `motsCles`, none for all.
    pub keywords: Vec<String>,
    /// Hours between two scheduled runs.
    pub every_hours: i64,
    /// Both the client id and the secret are set (neither is shown).
    pub credentials: bool,
    /// The host of the token address.
    pub token_host: String,
    /// The host of the API address.
    pub api_host: String,
    /// Keys of the catalogue of what is missing to run.
    pub missing: Vec<&'static str>,
}

fn host_of(url: &str) -> String {
    url.split_once("://")
        .map(|(_, rest)| rest)
        .unwrap_or(url)
        .split(['/', '?'])
        .next()
        .unwrap_or_default()
        .to_string()
}

fn codes(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for code in text
        .split([',', ';', ' ', '\n'])
        .map(|c| c.trim().to_ascii_uppercase())
        .filter(|c| !c.is_empty() && c.len() <= 5 && c.chars().all(|ch| ch.is_ascii_alphanumeric()))
    {
        if !out.contains(&code) {
            out.push(code);
        }
    }
    out
}

fn keywords(text: &str) -> Vec<String> {
    text.split(',')
        .map(|w| w.trim().chars().take(60).collect::<String>())
        .filter(|w| w.chars().count() >= 2)
        .take(10)
        .collect()
}

impl Plan {
    /// The plan of the site's settings.
    pub fn of(settings: &Settings) -> Plan {
        let all = settings.communes();
        let (communes, unsearched): (Vec<store::Commune>, Vec<store::Commune>) =
            all.into_iter().partition(|c| !c.insee.is_empty());
        let credentials = !settings.ft_client_id.trim().is_empty()
            && !settings.ft_client_secret.trim().is_empty();
        let mut missing = Vec::new();
        if !credentials {
            missing.push("import-missing-credentials");
        }
        if communes.is_empty() {
            missing.push("import-missing-communes");
        }
        if settings.ft_token_url.trim().is_empty() || settings.ft_api_url.trim().is_empty() {
            missing.push("import-missing-urls");
        }
        Plan {
            enabled: settings.ft_enabled,
            communes,
            unsearched: unsearched.into_iter().map(|c| c.name).collect(),
            distance: settings.ft_distance_km.clamp(0, 200),
            contracts: codes(&settings.ft_contracts),
            keywords: keywords(&settings.ft_keywords),
            every_hours: settings.ft_every_hours.max(1),
            credentials,
            token_host: host_of(&settings.ft_token_url),
            api_host: host_of(&settings.ft_api_url),
            missing,
        }
    }

    /// Whether a run can go.
    pub fn ready(&self) -> bool {
        self.missing.is_empty()
    }

    /// The searches of a run: the communes by five.
    pub fn queries(&self) -> Vec<Query> {
        self.communes
            .chunks(francetravail::MAX_COMMUNES)
            .map(|group| Query {
                communes: group.iter().map(|c| c.insee.clone()).collect(),
                distance: self.distance,
                contracts: self.contracts.clone(),
                keywords: self.keywords.clone(),
            })
            .collect()
    }
}

// Time ------------------------------------------------------------------------

fn now_ms() -> i64 {
    clock::now().unix_millis
}

/// Milliseconds since 1970 of a `datetime` value.
fn millis_of(utc: &str) -> Option<i64> {
    let norm = francetravail::normalise_datetime(utc)?;
    let at = DateTime::parse(norm.get(..19)?)?;
    Some(
        (at.date().unix_days() * 86_400
            + i64::from(at.hour()) * 3_600
            + i64::from(at.minute()) * 60
            + i64::from(at.second()))
            * 1000,
    )
}

/// RFC 3339 UTC of milliseconds since 1970.
fn utc_of(ms: i64) -> String {
    let at = DateTime::from_unix_millis(ms);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        at.date(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

// Runs ------------------------------------------------------------------------

/// The run under way (requested or running), if any.
fn active() -> Result<Option<ImportRun>, Error> {
    db::select(tables::IMPORT_RUNS)
        .filter(one_of(
            tables::import_runs::STATUS,
            [RUN_REQUESTED, RUN_RUNNING],
        ))
        .order_desc(tables::import_runs::ID)
        .first()
}

/// The last run that ended, well or not.
fn last_finished() -> Result<Option<ImportRun>, Error> {
    db::select(tables::IMPORT_RUNS)
        .filter(one_of(tables::import_runs::STATUS, [RUN_DONE, RUN_FAILED]))
        .order_desc(tables::import_runs::ID)
        .first()
}

/// A new run, unless one is under way (then `None`).
fn open_run(trigger: &str, by: Option<&User>) -> Result<Option<ImportRun>, Error> {
    use tables::import_runs as c;
    let now = store::now_utc();
    let mut tx = db::transaction();
    tx.expect_none(
        tables::IMPORT_RUNS,
        [one_of(c::STATUS, [RUN_REQUESTED, RUN_RUNNING])],
        "import-busy",
    );
    let step = tx.insert(
        tables::IMPORT_RUNS,
        &json!({
            "trigger": trigger,
            "requested_by": by.map(|u| u.name.clone()),
            "status": RUN_REQUESTED,
            "started_at": now,
        }),
    );
    if let Some(user) = by {
        tx.audit(
            "import.started",
            "import-runs",
            &json!({ "trigger": trigger, "by": user.name }),
        );
    }
    let outcomes = match tx.commit() {
        Ok(o) => o,
        Err(Error::Conflict(_)) => return Ok(None),
        Err(e) => return Err(e),
    };
    let Some(id) = step.id(&outcomes) else {
        return Ok(None);
    };
    db::select(tables::IMPORT_RUNS)
        .filter(eq(c::ID, id))
        .first()
}

/// `schedules::IMPORT`, every minute: carries on the run under way (when
/// its wait is over), or starts one when the last ended more than
/// `ft_every_hours` ago, if the import is on and set up.
///
/// # Errors
/// Storage failures (France Travail's are the run's, not the task's).
pub fn tick(_ctx: &Context) -> Result<(), Error> {
    let settings = Settings::load()?;
    let plan = Plan::of(&settings);
    let run = match active()? {
        Some(run) => run,
        None => {
            if !plan.enabled || !plan.ready() {
                return Ok(());
            }
            if let Some(last) = last_finished()? {
                let ended = last
                    .finished_at
                    .as_deref()
                    .or(Some(last.started_at.as_str()))
                    .and_then(millis_of)
                    .unwrap_or(0);
                if now_ms() - ended < plan.every_hours * 3_600_000 {
                    return Ok(());
                }
            }
            match open_run(TRIGGER_SCHEDULE, None)? {
                Some(run) => run,
                None => return Ok(()),
            }
        }
    };
    batch(run, &settings, &plan)?;
    Ok(())
}

/// How a batch left its run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// More pages to read at the next batch.
    Continues,
    /// Waiting after a failure (`retry_at`).
    Waits,
    /// Done.
    Done,
    /// Failed.
    Failed,
    /// Another batch of the same run wrote first; this one stopped.
    Busy,
}

/// One batch of a run: at most [`BATCH_MS`] and [`BATCH_PAGES`].
///
/// # Errors
/// Storage failures.
fn batch(mut read: ImportRun, settings: &Settings, plan: &Plan) -> Result<Outcome, Error> {
    let started = now_ms();
    if let Some(at) = read.retry_at.as_deref().and_then(millis_of)
        && at > started
    {
        return Ok(Outcome::Waits);
    }
    let mut run = Run::of(read.clone());
    if plan.ready() && run.row.trigger == TRIGGER_SCHEDULE && !plan.enabled {
        return fail(&mut run, &read, Reason::new("import-error-disabled", &[]));
    }
    if !plan.ready() {
        let reason = Reason::new(
            "import-error-not-ready",
            &[(
                "missing",
                plan.missing
                    .iter()
                    .map(|k| i18n::t(k))
                    .collect::<Vec<_>>()
                    .join(" "),
            )],
        );
        return fail(&mut run, &read, reason);
    }
    // A running run whose state was lost starts its searches again (an
    // empty plan would withdraw every offer).
    if run.row.status == RUN_REQUESTED || run.state.queries.is_empty() {
        run.row.status = RUN_RUNNING.to_string();
        run.state = State {
            queries: plan.queries(),
            ..State::default()
        };
        run.state.totals = vec![None; run.state.queries.len()];
    }
    let credentials = Credentials {
        token_url: settings.ft_token_url.trim(),
        client_id: settings.ft_client_id.trim(),
        client_secret: settings.ft_client_secret.trim(),
    };
    let today = store::today();
    let mut refreshed = false;
    let mut pages = 0;
    loop {
        if run.state.withdrawing || run.state.query >= run.state.queries.len() {
            return finish(run, read, started);
        }
        if now_ms() - started > BATCH_MS || pages >= BATCH_PAGES {
            // Save the new status and token when no page was written yet.
            if pages == 0 && !run.commit_alone(&read)? {
                return Ok(Outcome::Busy);
            }
            return Ok(Outcome::Continues);
        }
        let token = match run.state.token.clone().filter(|t| t.valid_at(now_ms())) {
            Some(t) => t,
            None => match francetravail::token(&credentials, now_ms()) {
                Ok(t) => {
                    refreshed = true;
                    run.state.token = Some(t.clone());
                    t
                }
                Err(failure) => return failed_attempt(&mut run, &read, failure),
            },
        };
        let query = run.state.queries[run.state.query].clone();
        let start = run.state.start;
        let page = match francetravail::search(settings.ft_api_url.trim(), &token, &query, start) {
            Ok(page) => page,
            Err(Failure::TokenRefused) if !refreshed => {
                run.state.token = None;
                refreshed = true;
                continue;
            }
            Err(failure) => return failed_attempt(&mut run, &read, failure),
        };
        pages += 1;
        let Some(next) = write_page(&mut run, &read, start, page, today, plan)? else {
            return Ok(Outcome::Busy);
        };
        read = next;
    }
}

/// An existing imported offer, as a page's writes need it.
#[derive(Debug, Deserialize)]
struct Known {
    id: i64,
    external_id: String,
    status: String,
    /// Set when staff withdrew the offer (with their reason).
    refusal_reason: Option<String>,
    source_updated_at: Option<String>,
    seen_run: Option<i64>,
    version: i64,
}

/// Writes one page's offers with the run's progress; the run as written,
/// or `None` when another batch wrote first.
fn write_page(
    run: &mut Run,
    read: &ImportRun,
    start: usize,
    page: francetravail::SearchPage,
    today: Date,
    plan: &Plan,
) -> Result<Option<ImportRun>, Error> {
    use tables::offers as o;
    let run_id = run.row.id;
    let now = store::now_utc();
    let mut mapped = Vec::new();
    for (position, offer) in &page.offers {
        match francetravail::map_offer(offer, &plan.communes, today) {
            Ok(m) => mapped.push(m),
            Err(reason) => {
                run.row.skipped += 1;
                if run.problems.len() < MAX_PROBLEMS {
                    run.problems.push(Problem {
                        position: position + 1,
                        id: offer["id"]
                            .as_str()
                            .map(|s| s.trim().chars().take(40).collect::<String>())
                            .filter(|s| !s.is_empty())
                            .or_else(|| offer["id"].as_i64().map(|n| n.to_string())),
                        reason,
                    });
                }
            }
        }
    }
    let ids: Vec<String> = mapped.iter().map(|m| m.external_id.clone()).collect();
    let known: Vec<Known> = if ids.is_empty() {
        Vec::new()
    } else {
        db::select(tables::OFFERS)
            .columns(&[
                o::ID,
                o::EXTERNAL_ID,
                o::STATUS,
                o::REFUSAL_REASON,
                o::SOURCE_UPDATED_AT,
                o::SEEN_RUN,
                o::VERSION,
            ])
            .filter(eq(o::SOURCE, FRANCE_TRAVAIL))
            .filter(one_of(o::EXTERNAL_ID, ids))
            .fetch()?
    };
    let mut tx = db::transaction();
    let mut seen_here: Vec<String> = Vec::new();
    for offer in &mapped {
        if seen_here.contains(&offer.external_id) {
            continue;
        }
        seen_here.push(offer.external_id.clone());
        match known.iter().find(|k| k.external_id == offer.external_id) {
            // Found by an earlier search of the same run (neighbouring
            // communes): already written.
            Some(k) if k.seen_run == Some(run_id) => {}
            // Withdrawn by staff (with a reason): France Travail still
            // lists it, but it stays off this board.
            Some(k) if k.status == WITHDRAWN && k.refusal_reason.is_some() => {
                tx.update(
                    db::update(tables::OFFERS)
                        .filter(eq(o::ID, k.id))
                        .set(o::SEEN_RUN, run_id),
                );
            }
            Some(k)
                if k.status == PUBLISHED
                    && k.source_updated_at.as_deref().and_then(millis_of)
                        == offer.source_updated_at.as_deref().and_then(millis_of) =>
            {
                tx.update(
                    db::update(tables::OFFERS)
                        .filter(eq(o::ID, k.id))
                        .set(o::SEEN_RUN, run_id)
                        .set(o::EXPIRES_ON, offer.expires_on.as_str()),
                );
            }
            Some(k) => {
                run.row.updated += 1;
                tx.update(
                    db::update(tables::OFFERS)
                        .filter(eq(o::ID, k.id))
                        .set_fields(offer)
                        .set(o::SEEN_RUN, run_id)
                        .set(o::UPDATED_AT, now.as_str())
                        .set(o::VERSION, k.version + 1),
                );
            }
            None => {
                run.row.created += 1;
                let mut row = serde_json::to_value(offer)?;
                row["seen_run"] = json!(run_id);
                row["published_at"] = json!(now);
                row["created_at"] = json!(now);
                row["updated_at"] = json!(now);
                tx.insert(tables::OFFERS, &row);
            }
        }
    }
    run.row.pages += 1;
    run.row.fetched += i64::try_from(page.offers.len()).unwrap_or(0);
    run.row.retries = 0;
    run.row.retry_at = None;
    run.row.message = None;
    run.state.failure = None;
    let q = run.state.query;
    if page.offers.is_empty() {
        run.state.totals[q] = Some(run.state.totals[q].unwrap_or(0));
    } else {
        run.state.totals[q] = Some(page.total);
    }
    let next = start + francetravail::PAGE;
    let search_done = page.offers.is_empty() || next >= page.total;
    if search_done {
        run.state.query += 1;
        run.state.start = 0;
    } else if next > francetravail::MAX_START {
        run.state.truncated = true;
        if run.problems.len() < MAX_PROBLEMS {
            run.problems.push(Problem {
                position: next + 1,
                id: None,
                reason: "ft-problem-too-many".to_string(),
            });
        }
        run.state.query += 1;
        run.state.start = 0;
    } else {
        run.state.start = next;
    }
    run.row.total = Some(i64::try_from(run.state.known_total()).unwrap_or(i64::MAX));
    run.save(&mut tx, read);
    if !commit(tx)? {
        return Ok(None);
    }
    Ok(Some(saved(run)))
}

/// The run row as just written, to expect it at the next write.
fn saved(run: &mut Run) -> ImportRun {
    run.row.problems = serde_json::to_value(&run.problems).unwrap_or_else(|_| json!([]));
    run.row.state = serde_json::to_value(&run.state).unwrap_or_else(|_| json!({}));
    run.row.clone()
}

/// A failed attempt: a later try, or the end of the run.
fn failed_attempt(run: &mut Run, read: &ImportRun, failure: Failure) -> Result<Outcome, Error> {
    match failure {
        Failure::Later {
            reason,
            retry_after,
        } => {
            let attempts = run.row.retries + 1;
            if attempts >= MAX_ATTEMPTS {
                let reason = Reason::new(
                    "import-error-gave-up",
                    &[
                        ("attempts", attempts.to_string()),
                        ("reason", reason.text()),
                    ],
                );
                run.row.retries = attempts;
                return fail(run, read, reason);
            }
            let backoff = (FIRST_WAIT_S << (attempts - 1).clamp(0, 20)).min(LONGEST_WAIT_S);
            let asked = retry_after
                .map(|s| {
                    i64::try_from(s)
                        .unwrap_or(i64::MAX)
                        .min(LONGEST_RETRY_AFTER_S)
                })
                .unwrap_or(0);
            let wait = backoff.max(asked);
            run.row.retries = attempts;
            run.row.retry_at = Some(utc_of(now_ms() + wait * 1000));
            run.row.status = RUN_RUNNING.to_string();
            run.row.message = Some(reason.text());
            run.state.failure = Some(reason);
            Ok(if run.commit_alone(read)? {
                Outcome::Waits
            } else {
                Outcome::Busy
            })
        }
        Failure::TokenRefused => fail(run, read, Reason::new("ft-error-token-refused", &[])),
        Failure::Fatal(reason) => fail(run, read, reason),
    }
}

/// Ends a run as failed: nothing is withdrawn.
fn fail(run: &mut Run, read: &ImportRun, reason: Reason) -> Result<Outcome, Error> {
    run.row.status = RUN_FAILED.to_string();
    run.row.finished_at = Some(store::now_utc());
    run.row.retry_at = None;
    run.row.message = Some(reason.text());
    run.state.failure = Some(reason);
    run.state.token = None;
    log::warn(&format!(
        "France Travail import {} failed: {}",
        run.row.id,
        run.row.message.as_deref().unwrap_or_default()
    ));
    Ok(if run.commit_alone(read)? {
        Outcome::Failed
    } else {
        Outcome::Busy
    })
}

/// A published imported offer the run did not see.
#[derive(Debug, Deserialize)]
struct Stale {
    id: i64,
    #[serde(with = "estive_sdk::json_column")]
    details: Value,
    version: i64,
}

/// Every page is read: withdraw and anonymise what the run did not see
/// (by chunks, as long as the batch has time), then end the run.
fn finish(mut run: Run, mut read: ImportRun, started: i64) -> Result<Outcome, Error> {
    use tables::offers as o;
    let run_id = run.row.id;
    if !run.state.truncated {
        run.state.withdrawing = true;
        loop {
            if now_ms() - started > BATCH_MS + 4_000 {
                return Ok(if run.commit_alone(&read)? {
                    Outcome::Continues
                } else {
                    Outcome::Busy
                });
            }
            let mut stale: Vec<Stale> = db::select(tables::OFFERS)
                .columns(&[o::ID, o::DETAILS, o::VERSION])
                .filter(eq(o::SOURCE, FRANCE_TRAVAIL))
                .filter(eq(o::STATUS, PUBLISHED))
                .filter(ne(o::SEEN_RUN, run_id))
                .limit(WITHDRAW_CHUNK)
                .fetch()?;
            if stale.len() < WITHDRAW_CHUNK as usize {
                let never: Vec<Stale> = db::select(tables::OFFERS)
                    .columns(&[o::ID, o::DETAILS, o::VERSION])
                    .filter(eq(o::SOURCE, FRANCE_TRAVAIL))
                    .filter(eq(o::STATUS, PUBLISHED))
                    .filter(is_null(o::SEEN_RUN))
                    .limit(WITHDRAW_CHUNK - u32::try_from(stale.len()).unwrap_or(0))
                    .fetch()?;
                stale.extend(never);
            }
            if stale.is_empty() {
                break;
            }
            let now = store::now_utc();
            let mut tx = db::transaction();
            for s in &stale {
                let mut details = s.details.clone();
                if let Value::Object(map) = &mut details {
                    for key in CONTACT_KEYS {
                        map.remove(key);
                    }
                }
                tx.update(
                    db::update(tables::OFFERS)
                        .filter(eq(o::ID, s.id))
                        .filter(eq(o::STATUS, PUBLISHED))
                        .set(o::STATUS, WITHDRAWN)
                        .set(o::DESCRIPTION, "")
                        .set(o::EMPLOYER_NAME, None::<String>)
                        .set(o::APPLY_URL, None::<String>)
                        .set_json(o::DETAILS, &details)
                        .set(o::CLOSED_AT, now.as_str())
                        .set(o::UPDATED_AT, now.as_str())
                        .set(o::VERSION, s.version + 1),
                );
            }
            run.row.withdrawn += i64::try_from(stale.len()).unwrap_or(0);
            run.save(&mut tx, &read);
            if !commit(tx)? {
                return Ok(Outcome::Busy);
            }
            read = saved(&mut run);
        }
    }
    run.row.status = RUN_DONE.to_string();
    run.row.finished_at = Some(store::now_utc());
    run.state.token = None;
    run.state.withdrawing = false;
    Ok(if run.commit_alone(&read)? {
        Outcome::Done
    } else {
        Outcome::Busy
    })
}

// The page --------------------------------------------------------------------

/// A run as the page shows it (never its token).
fn run_view(run: &ImportRun) -> Value {
    let state = State::of(run);
    let problems: Vec<Problem> =
        serde_json::from_value(json_column(&run.problems)).unwrap_or_default();
    let total = run.total.unwrap_or(0).max(run.fetched);
    let percent = if total > 0 {
        (run.fetched * 100 / total).min(100)
    } else {
        0
    };
    let pages_total = state
        .totals
        .iter()
        .map(|t| t.map_or(1, |n| n.div_ceil(francetravail::PAGE).max(1)))
        .sum::<usize>();
    json!({
        "id": run.id,
        "trigger": run.trigger,
        "requested_by": run.requested_by,
        "status": run.status,
        "started_at": run.started_at,
        "finished_at": run.finished_at,
        "pages": run.pages,
        "pages_total": pages_total.max(usize::try_from(run.pages).unwrap_or(0)),
        "total": total,
        "fetched": run.fetched,
        "percent": percent,
        "created": run.created,
        "updated": run.updated,
        "withdrawn": run.withdrawn,
        "skipped": run.skipped,
        "retries": run.retries,
        "retry_at": run.retry_at,
        "truncated": state.truncated,
        "withdrawing": state.withdrawing,
        "message": state.failure.as_ref().map(Reason::text).or_else(|| run.message.clone()),
        "problems": problems.iter().map(|p| json!({
            "position": p.position,
            "id": p.id,
            "reason": i18n::t(&p.reason),
        })).collect::<Vec<_>>(),
    })
}

/// `/extranet/emplois/import` (GET, POST): the settings, the run under
/// way, the last runs; POST starts a run and reads its first batch.
///
/// # Errors
/// Forbidden without `jobs.moderate`; storage failures.
pub fn page(req: &Request) -> Result<Response, Error> {
    let user = req.require_permission(permissions::JOBS_MODERATE)?.clone();
    let settings = Settings::load()?;
    let plan = Plan::of(&settings);
    if req.is_post() {
        if !plan.ready() {
            return show(req, &plan, Some("import-not-ready"), 422);
        }
        let Some(run) = open_run(TRIGGER_MANUAL, Some(&user))? else {
            return Ok(redirect(req.url("/import"))
                .notice(i18n::t("import-notice-busy"))
                .into());
        };
        let notice = match batch(run, &settings, &plan)? {
            Outcome::Done => "import-notice-done",
            Outcome::Failed => "import-notice-failed",
            Outcome::Waits => "import-notice-waits",
            Outcome::Continues | Outcome::Busy => "import-notice-continues",
        };
        return Ok(redirect(req.url("/import")).notice(i18n::t(notice)).into());
    }
    show(req, &plan, None, 200)
}

fn show(req: &Request, plan: &Plan, error: Option<&str>, status: u16) -> Result<Response, Error> {
    let runs: Vec<ImportRun> = db::select(tables::IMPORT_RUNS)
        .order_desc(tables::import_runs::ID)
        .limit(RUNS_LISTED)
        .fetch()?;
    let current = runs
        .iter()
        .find(|r| r.status == RUN_REQUESTED || r.status == RUN_RUNNING)
        .map(run_view);
    let last = runs
        .iter()
        .find(|r| r.status == RUN_DONE || r.status == RUN_FAILED);
    let online = db::count(tables::OFFERS)
        .filter(eq(tables::offers::SOURCE, FRANCE_TRAVAIL))
        .filter(eq(tables::offers::STATUS, PUBLISHED))
        .get()?;
    let failed = last.filter(|r| r.status == RUN_FAILED).map(|r| {
        let view = run_view(r);
        i18n::t_args(
            "import-failed-banner",
            &[
                ("reason", view["message"].as_str().unwrap_or_default()),
                ("count", &online.to_string()),
            ],
        )
    });
    let missing: Vec<String> = plan.missing.iter().map(|k| i18n::t(k)).collect();
    let mut page = view("import.html")
        .title(i18n::t("import-title"))
        .crumb(i18n::t("jobs-title"), req.url("/"))
        .with(json!({
            "plan": plan,
            "missing": missing,
            "current": current,
            "runs": runs.iter().map(run_view).collect::<Vec<_>>(),
            "failed_banner": failed,
            "online": online,
            "error": error.map(i18n::t),
        }));
    if status != 200 {
        page = page.status(status);
    }
    Ok(page.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contract_codes_and_keywords_are_read_from_the_settings() {
        assert_eq!(codes("sai, CDD;;mis  x-y"), vec!["SAI", "CDD", "MIS"]);
        assert_eq!(keywords("ski, a ,  serveur"), vec!["ski", "serveur"]);
        assert_eq!(
            host_of("https://api.francetravail.io/partenaire/x"),
            "api.francetravail.io"
        );
    }

    #[test]
    fn times_round_trip() {
        let ms = millis_of("2026-12-07T07:00:00Z").unwrap_or_default();
        assert_eq!(utc_of(ms), "2026-12-07T07:00:00Z");
        assert_eq!(millis_of("2026-12-07T08:00:00+01:00"), Some(ms));
    }
}
