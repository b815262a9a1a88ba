//! The import of the DILA feed, keeping the last good one.
//!
//! An import writes its publications under its own `import_id`; the pages
//! read only the rows of `state.current_import`. When every file has been
//! read, the import is checked (no file in error, every publication the
//! navigation names is there); only then does `current_import` switch to
//! it, in one transaction, and the rows of older imports go. An import
//! that fails for any reason (source not granted or unreachable, corrupt
//! zip, malformed XML, missing publication, file too large) leaves the
//! current import served, and its report says why.
//!
//! A full feed does not fit in one call: the import reads files until its
//! time budget or the `batch_files` setting is spent, writes them with its
//! progress (the position in its sources) in one transaction, and the
//! `continue` schedule carries on a minute later. A lease in `state`
//! keeps two calls from working on it at once; a file that stops every
//! call (the call dies while reading it) fails the import after three
//! tries instead of stopping the plugin every minute.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::{Duration, Instant};

use estive_sdk::db::Value as DbValue;
use estive_sdk::http::{HttpError, HttpRequest};
use estive_sdk::prelude::*;
use serde::Deserialize;

use crate::feed::{self, FileKind, Problem};
use crate::source::{self, Archive, CHUNK, GRANTED, Spec};
use crate::store::{self, EPOCH, Import, MAIN, PublicationRow, State};

/// How long one call may read files: a request, then a scheduled call
/// (the host gives background calls at least 30 s).
pub const REQUEST_BUDGET: Duration = Duration::from_secs(8);
/// See [`REQUEST_BUDGET`].
pub const BACKGROUND_BUDGET: Duration = Duration::from_secs(20);

/// How long a call holds the lease; a call that dies leaves it to expire.
const LEASE_MILLIS: i64 = 3 * 60 * 1000;

/// Calls that may start at the same position before the import is failed.
const MAX_TRIES: i64 = 3;

/// Most reports kept.
const KEPT_REPORTS: u32 = 60;

/// A transaction is written when it holds this many rows or bytes.
const FLUSH_ROWS: usize = 200;
const FLUSH_BYTES: usize = 6 << 20;

/// The host's limit for one text value (a publication's body).
const MAX_COLUMN: usize = 1 << 20;

/// The plugin's settings.
#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    pub source: String,
    #[serde(default)]
    pub entries: Vec<String>,
    #[serde(default)]
    pub urls: Vec<String>,
    pub max_file_kib: u64,
    pub batch_files: u64,
}

impl Settings {
    fn max_bytes(&self) -> u64 {
        self.max_file_kib.saturating_mul(1024)
    }
}

/// What asked for the import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// The daily schedule: start an import (or carry on the running one).
    Daily,
    /// Someone pressed the button: same, recorded with their name.
    Manual,
    /// The minute schedule: carry on the running import; start one only
    /// if the site never had any.
    Continue,
}

/// What a call did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Another call holds the lease.
    Busy,
    /// Nothing to carry on.
    Idle,
    /// The import goes on in a later call.
    Paused(i64),
    /// The import ended (done, failed or unchanged).
    Finished(i64),
}

/// Runs the import for a trigger within a time budget.
///
/// # Errors
///
/// Storage failures (the import itself never fails with an error: its
/// problems go to its report).
pub fn run(trigger: Trigger, user: Option<&User>, budget: Duration) -> Result<Outcome, Error> {
    let deadline = Instant::now() + budget;
    // The minute schedule reads before it writes: most minutes there is
    // nothing to carry on, and taking the lease is a write.
    if trigger == Trigger::Continue
        && store::state()?.running_import.is_none()
        && db::count("imports").get()? > 0
    {
        return Ok(Outcome::Idle);
    }
    if !take_lease()? {
        return Ok(Outcome::Busy);
    }
    let result = run_leased(trigger, user, deadline);
    let released = release_lease();
    let outcome = result?;
    released?;
    Ok(outcome)
}

fn run_leased(trigger: Trigger, user: Option<&User>, deadline: Instant) -> Result<Outcome, Error> {
    let settings: Settings = config::settings()?;
    let state = store::state()?;
    let running = match state.running_import {
        Some(id) => db::select("imports")
            .filter(eq("id", id))
            .filter(eq("status", "running"))
            .first::<Import>()?,
        None => None,
    };
    let mut imp = match (running, trigger) {
        (Some(imp), _) => imp,
        // The first import of a site starts within a minute of the
        // plugin being enabled, not at the next 04:30.
        (None, Trigger::Continue) if db::count("imports").get()? == 0 => {
            match start(&settings, &state, Trigger::Daily, None)? {
                Started::Running(imp) => *imp,
                Started::Ended(id) => return Ok(Outcome::Finished(id)),
            }
        }
        (None, Trigger::Continue) => {
            if state.running_import.is_some() {
                db::update("state")
                    .filter(eq("key", MAIN))
                    .set("running_import", None::<i64>)
                    .run()?;
            }
            return Ok(Outcome::Idle);
        }
        (None, _) => match start(&settings, &state, trigger, user)? {
            Started::Running(imp) => *imp,
            Started::Ended(id) => return Ok(Outcome::Finished(id)),
        },
    };
    if !not_stuck(&mut imp)? {
        return Ok(Outcome::Finished(imp.id()));
    }
    step(&mut imp, &settings, deadline)
}

enum Started {
    Running(Box<Import>),
    Ended(i64),
}

fn take_lease() -> Result<bool, Error> {
    store::state()?;
    let now = clock::now();
    let mut tx = db::transaction();
    tx.expect(
        "state",
        [
            eq("key", MAIN),
            lt("lock_until", store::rfc3339(now.unix_millis)),
        ],
        db::Measure::count_rows(),
        Some(1.0),
        None,
        "import-busy",
    );
    tx.update(
        db::update("state")
            .filter(eq("key", MAIN))
            .set("lock_until", store::rfc3339(now.unix_millis + LEASE_MILLIS)),
    );
    match tx.commit() {
        Ok(_) => Ok(true),
        Err(Error::Conflict(_)) => Ok(false),
        Err(e) => Err(e),
    }
}

fn release_lease() -> Result<(), Error> {
    db::update("state")
        .filter(eq("key", MAIN))
        .set("lock_until", EPOCH)
        .run()?;
    Ok(())
}

/// Creates the import's row and opens its sources; a source that cannot
/// be used ends the import at once, failed (or unchanged, for a feed not
/// modified since the current import).
fn start(
    settings: &Settings,
    state: &State,
    trigger: Trigger,
    user: Option<&User>,
) -> Result<Started, Error> {
    let mut imp = Import {
        status: "running".into(),
        trigger: if trigger == Trigger::Manual {
            "manual"
        } else {
            "schedule"
        }
        .into(),
        started_at: store::now_utc(),
        started_by: user.map(|u| u.name.clone()),
        started_by_id: user.map(|u| u.id.clone()),
        source_kind: if settings.source == "url" {
            "url"
        } else {
            "directory"
        }
        .into(),
        ..Import::default()
    };
    let id = db::insert("imports", &imp)?;
    imp.id = Some(id);
    db::update("state")
        .filter(eq("key", MAIN))
        .set("running_import", id)
        .run()?;
    events::audit(
        "comarquage.import-started",
        &format!("import:{id}"),
        &json!({ "trigger": imp.trigger }),
    )?;

    let opened = if imp.source_kind == "url" {
        fetch_sources(&mut imp, settings, state)?
    } else {
        directory_sources(&mut imp, settings)
    };
    match opened {
        Opened::Ready => {
            save(&imp)?;
            Ok(Started::Running(Box::new(imp)))
        }
        Opened::Unchanged => {
            imp.status = "unchanged".into();
            imp.outcome = Some("import-outcome-unchanged".into());
            end(&mut imp)?;
            Ok(Started::Ended(id))
        }
        Opened::Failed(file, problem) => {
            imp.error(&file, problem);
            fail(&mut imp, "import-outcome-source")?;
            Ok(Started::Ended(id))
        }
    }
}

enum Opened {
    Ready,
    Unchanged,
    Failed(String, Problem),
}

fn directory_sources(imp: &mut Import, settings: &Settings) -> Opened {
    let root = Path::new(GRANTED);
    let specs = match source::discover(root, &settings.entries) {
        Ok(s) => s,
        Err(p) => return Opened::Failed(GRANTED.into(), p),
    };
    for spec in &specs {
        match source::open_local(root, spec) {
            Ok(mut archive) => imp.files_total += archive.feed_files() as i64,
            Err(p) => return Opened::Failed(spec.label().to_owned(), p),
        }
    }
    imp.sources = specs;
    Opened::Ready
}

/// The headers of a request for a zip: `If-Modified-Since` with the
/// `Last-Modified` of the current import's copy, when there is one.
pub fn conditional_headers(last_modified: Option<&str>) -> Vec<(String, String)> {
    last_modified
        .filter(|v| !v.trim().is_empty())
        .map(|v| vec![("if-modified-since".to_owned(), v.trim().to_owned())])
        .unwrap_or_default()
}

/// What a failed fetch means for the report.
pub fn fetch_problem(e: &HttpError) -> Problem {
    match e {
        HttpError::NotGranted(msg) => Problem::new("import-error-not-granted", msg.clone()),
        HttpError::InvalidUrl(msg) => Problem::new("import-error-bad-url", msg.clone()),
        HttpError::Timeout => Problem::new("import-error-unreachable", "timeout"),
        HttpError::TooLarge(n) => Problem::new("import-error-too-large", format!("> {n}")),
        HttpError::Failed(msg) => Problem::new("import-error-unreachable", msg.clone()),
    }
}

/// A fetched zip and its `Last-Modified`.
type Fetched = (Vec<u8>, Option<String>);

/// Fetches a zip; `None` when not modified since `last_modified`.
fn fetch(url: &str, last_modified: Option<&str>) -> Result<Option<Fetched>, Problem> {
    let mut req = HttpRequest::get(url).timeout_ms(30_000);
    for (k, v) in conditional_headers(last_modified) {
        req = req.header(&k, &v);
    }
    let answer = req.send().map_err(|e| fetch_problem(&e))?;
    if answer.status == 304 {
        return Ok(None);
    }
    if !answer.is_success() {
        return Err(Problem::new(
            "import-error-http-status",
            answer.status.to_string(),
        ));
    }
    let modified = answer.header("last-modified").map(str::to_owned);
    Ok(Some((answer.body, modified)))
}

/// Fetches every URL (conditionally when the current import has them all)
/// and stores each zip in pieces for the calls to come.
fn fetch_sources(imp: &mut Import, settings: &Settings, state: &State) -> Result<Opened, Error> {
    let urls: Vec<&String> = settings
        .urls
        .iter()
        .filter(|u| !u.trim().is_empty())
        .collect();
    if urls.is_empty() {
        return Ok(Opened::Failed(
            String::new(),
            Problem::new("import-error-no-source", "urls"),
        ));
    }
    let known = state.last_modified.clone().unwrap_or_default();
    // Conditional only if the current import holds every one of them:
    // a new import replaces all, so all must be read again.
    let conditional =
        state.current_import.is_some() && urls.iter().all(|u| known.contains_key(u.as_str()));
    let mut zips = Vec::new();
    let mut unchanged = 0;
    for url in &urls {
        let since = if conditional {
            known.get(url.as_str()).map(String::as_str)
        } else {
            None
        };
        match fetch(url, since) {
            Ok(Some(zip)) => zips.push(Some(zip)),
            Ok(None) => {
                unchanged += 1;
                zips.push(None);
            }
            Err(p) => return Ok(Opened::Failed((*url).clone(), p)),
        }
    }
    if unchanged == urls.len() {
        return Ok(Opened::Unchanged);
    }
    for (i, url) in urls.iter().enumerate() {
        let (bytes, modified) = match zips[i].take() {
            Some(zip) => zip,
            None => match fetch(url, None) {
                Ok(Some(zip)) => zip,
                Ok(None) => {
                    return Ok(Opened::Failed(
                        (*url).clone(),
                        Problem::new("import-error-http-status", "304"),
                    ));
                }
                Err(p) => return Ok(Opened::Failed((*url).clone(), p)),
            },
        };
        let entries = match source::open_zip_bytes(bytes.clone()) {
            Ok(mut archive) => archive.feed_files(),
            Err(p) => return Ok(Opened::Failed((*url).clone(), p)),
        };
        imp.files_total += entries as i64;
        let chunks = stage(imp.id(), i as u32, &bytes)?;
        if let Some(m) = modified {
            imp.last_modified.insert((*url).clone(), m);
        }
        imp.sources.push(Spec::Url {
            url: (*url).clone(),
            index: i as u32,
            chunks,
        });
    }
    Ok(Opened::Ready)
}

/// Stores a fetched zip in pieces; returns how many.
fn stage(import_id: i64, index: u32, bytes: &[u8]) -> Result<u32, Error> {
    let mut n = 0;
    for (seq, piece) in bytes.chunks(CHUNK).enumerate() {
        let row = json!({ "import_id": import_id, "source_index": index, "seq": seq });
        let id = db::insert("staged_chunks", &row)?;
        db::update("staged_chunks")
            .filter(eq("id", id))
            .set("data", DbValue::Bytes(piece.to_vec()))
            .run()?;
        n += 1;
    }
    Ok(n)
}

fn unstage(import_id: i64, index: u32) -> Result<Vec<u8>, Error> {
    let rows = db::select("staged_chunks")
        .columns(&["data"])
        .filter(eq("import_id", import_id))
        .filter(eq("source_index", index))
        .order_asc("seq")
        .rows()?;
    let mut bytes = Vec::new();
    for row in rows.rows {
        if let Some(DbValue::Bytes(b)) = row.into_iter().next() {
            bytes.extend_from_slice(&b);
        }
    }
    Ok(bytes)
}

fn open(imp: &Import, spec: &Spec) -> Result<Result<Archive, Problem>, Error> {
    Ok(match spec {
        Spec::Url { index, .. } => source::open_zip_bytes(unstage(imp.id(), *index)?),
        _ => source::open_local(Path::new(GRANTED), spec),
    })
}

/// Counts the calls that start at the same position; fails the import
/// when a file keeps stopping them. Returns whether to go on.
fn not_stuck(imp: &mut Import) -> Result<bool, Error> {
    let at = format!("{}:{}", imp.cursor_source, imp.cursor_entry);
    if imp.stuck_at.as_deref() == Some(at.as_str()) {
        imp.stuck_tries += 1;
    } else {
        imp.stuck_at = Some(at);
        imp.stuck_tries = 1;
    }
    if imp.stuck_tries > MAX_TRIES {
        let file = imp
            .sources
            .get(imp.cursor_source as usize)
            .map(|s| format!("{} #{}", s.label(), imp.cursor_entry + 1))
            .unwrap_or_default();
        imp.error(&file, Problem::new("import-error-stuck", ""));
        fail(imp, "import-outcome-errors")?;
        return Ok(false);
    }
    // Written before the work, so that a call that dies is counted.
    db::update("imports")
        .filter(eq("id", imp.id()))
        .set("stuck_at", imp.stuck_at.clone())
        .set("stuck_tries", imp.stuck_tries)
        .run()?;
    Ok(true)
}

/// Rows read but not yet written.
#[derive(Default)]
struct Pending {
    rows: Vec<PublicationRow>,
    trees: Vec<(String, Vec<feed::TreeItem>)>,
    bytes: usize,
    /// Publication ids of this import already written or pending.
    seen: BTreeSet<String>,
}

/// Reads files from the cursor on, until the budget is spent or the
/// sources end (then checks and switches).
fn step(imp: &mut Import, settings: &Settings, deadline: Instant) -> Result<Outcome, Error> {
    imp.batch += 1;
    let max = settings.max_bytes();
    let mut read_this_call: u64 = 0;
    let mut pending = Pending::default();
    while (imp.cursor_source as usize) < imp.sources.len() {
        let spec = imp.sources[imp.cursor_source as usize].clone();
        let mut archive = match open(imp, &spec)? {
            Ok(a) => a,
            Err(p) => {
                imp.error(spec.label(), p);
                imp.cursor_source += 1;
                imp.cursor_entry = 0;
                continue;
            }
        };
        let fallback = source::audience_of(&spec);
        while (imp.cursor_entry as usize) < archive.len() {
            // At least one file per call, so that a slow start (a large
            // staged zip to reassemble) still moves the import on.
            let out_of_time = read_this_call > 0 && Instant::now() >= deadline;
            if out_of_time || read_this_call >= settings.batch_files.max(1) {
                flush(imp, &mut pending)?;
                return Ok(Outcome::Paused(imp.id()));
            }
            let index = imp.cursor_entry as usize;
            imp.cursor_entry += 1;
            let Some(entry) = archive.entry(index, max) else {
                continue;
            };
            read_this_call += 1;
            read_entry(imp, &mut pending, entry, fallback)?;
            if pending.rows.len() >= FLUSH_ROWS || pending.bytes >= FLUSH_BYTES {
                flush(imp, &mut pending)?;
            }
        }
        imp.cursor_source += 1;
        imp.cursor_entry = 0;
    }
    flush(imp, &mut pending)?;
    finish(imp)?;
    Ok(Outcome::Finished(imp.id()))
}

fn read_entry(
    imp: &mut Import,
    pending: &mut Pending,
    entry: source::Entry,
    fallback: Option<&str>,
) -> Result<(), Error> {
    let kind = feed::file_kind(&entry.name);
    if kind == FileKind::NotXml {
        return Ok(());
    }
    imp.files_done += 1;
    let bytes = match entry.bytes {
        Ok(b) => b,
        Err(p) => {
            imp.error(&entry.name, p);
            return Ok(());
        }
    };
    let text = match feed::decode(&bytes) {
        Ok(t) => t,
        Err(p) => {
            imp.error(&entry.name, p);
            return Ok(());
        }
    };
    match kind {
        FileKind::Other => {
            imp.count("other", 1);
            Ok(())
        }
        FileKind::Tree => {
            match feed::parse_tree(&text) {
                Ok(tree) => {
                    let audience = tree
                        .audience
                        .clone()
                        .or_else(|| fallback.map(str::to_owned))
                        .unwrap_or_else(|| "particuliers".into());
                    imp.count("trees", 1);
                    pending.bytes += text.len();
                    pending.trees.push((audience, tree.items));
                }
                Err(p) => imp.error(&entry.name, p),
            }
            Ok(())
        }
        FileKind::Publication(file_id) => {
            let p = match feed::parse_publication(&text) {
                Ok(p) => p,
                Err(problem) => {
                    imp.error(&entry.name, problem);
                    return Ok(());
                }
            };
            if p.id != file_id {
                imp.warning(
                    &entry.name,
                    Problem::new("import-warning-id-mismatch", p.id.clone()),
                );
            }
            let body = p.body.to_string();
            if body.len() > MAX_COLUMN {
                imp.error(
                    &entry.name,
                    Problem::new(
                        "import-error-too-large",
                        format!("{} > {MAX_COLUMN}", body.len()),
                    ),
                );
                return Ok(());
            }
            if pending.seen.contains(&p.id) || already_imported(imp.id(), &p.id)? {
                imp.count("duplicates", 1);
                return Ok(());
            }
            for (name, n) in &p.unknown {
                *imp.unknown.entry(name.clone()).or_default() += n;
            }
            for pivot in &p.pivots {
                *imp.pivots.entry(pivot.clone()).or_default() += 1;
            }
            imp.count(&p.kind, 1);
            let audience = choose_audience(&p.audiences, fallback);
            pending.bytes += body.len() + p.text.len();
            pending.seen.insert(p.id.clone());
            pending.rows.push(PublicationRow {
                id: None,
                import_id: imp.id(),
                pub_id: p.id,
                kind: p.kind,
                pub_type: Some(p.pub_type).filter(|t| !t.is_empty()),
                audience,
                title: if p.title.is_empty() { file_id } else { p.title },
                description: Some(p.description).filter(|d| !d.is_empty()),
                verified_on: p.verified_on,
                sp_url: Some(p.sp_url).filter(|u| !u.is_empty()),
                breadcrumb: p.breadcrumb,
                body: p.body,
                body_text: Some(p.text),
                hard_refs: p.hard_refs.into_iter().collect(),
                soft_refs: p.soft_refs.into_iter().collect(),
            });
            Ok(())
        }
        FileKind::NotXml => Ok(()),
    }
}

/// The audience of a publication: the source's when the publication
/// lists it, else the first it lists, else the source's.
pub fn choose_audience(listed: &[String], source: Option<&str>) -> String {
    if let Some(s) = source
        && listed.iter().any(|a| a == s)
    {
        return s.to_owned();
    }
    listed
        .first()
        .cloned()
        .or_else(|| source.map(str::to_owned))
        .unwrap_or_else(|| feed::AUDIENCES[0].to_owned())
}

fn already_imported(import_id: i64, pub_id: &str) -> Result<bool, Error> {
    Ok(db::count("publications")
        .filter(eq("import_id", import_id))
        .filter(eq("pub_id", pub_id))
        .get()?
        > 0)
}

/// Writes the pending rows with the import's progress, in one transaction.
fn flush(imp: &mut Import, pending: &mut Pending) -> Result<(), Error> {
    let mut tx = db::transaction();
    for row in pending.rows.drain(..) {
        tx.insert("publications", &row);
    }
    for (audience, items) in pending.trees.drain(..) {
        let exists = db::count("trees")
            .filter(eq("import_id", imp.id()))
            .filter(eq("audience", audience.as_str()))
            .get()?
            > 0;
        if exists {
            imp.warning(&audience, Problem::new("import-warning-second-tree", ""));
            continue;
        }
        tx.insert(
            "trees",
            &json!({ "import_id": imp.id(), "audience": audience, "items": serde_json::to_string(&items)? }),
        );
    }
    pending.bytes = 0;
    tx.update(progress(imp));
    tx.commit()?;
    Ok(())
}

/// The update that writes the import's progress and report.
fn progress(imp: &Import) -> db::Update {
    db::update("imports")
        .filter(eq("id", imp.id()))
        .set_fields(imp)
}

fn save(imp: &Import) -> Result<(), Error> {
    progress(imp).run()?;
    Ok(())
}

/// Checks a complete import and, if it is valid, makes it the current one.
fn finish(imp: &mut Import) -> Result<(), Error> {
    if imp.errors_total > 0 {
        return fail(imp, "import-outcome-errors");
    }
    let mut ids = BTreeSet::new();
    let mut hard: Vec<(String, Vec<String>)> = Vec::new();
    let mut soft: Vec<(String, Vec<String>)> = Vec::new();
    #[derive(Deserialize)]
    struct Refs {
        pub_id: String,
        #[serde(with = "store::json_or_default", default)]
        hard_refs: Vec<String>,
        #[serde(with = "store::json_or_default", default)]
        soft_refs: Vec<String>,
    }
    let mut offset = 0;
    loop {
        let page: Vec<Refs> = db::select("publications")
            .columns(&["pub_id", "hard_refs", "soft_refs"])
            .filter(eq("import_id", imp.id()))
            .order_asc("id")
            .limit(5000)
            .offset(offset)
            .fetch()?;
        let n = page.len() as u32;
        for r in page {
            ids.insert(r.pub_id.clone());
            hard.push((r.pub_id.clone(), r.hard_refs));
            soft.push((r.pub_id, r.soft_refs));
        }
        if n < 5000 {
            break;
        }
        offset += n;
    }
    if ids.is_empty() {
        imp.error("", Problem::new("import-error-empty", ""));
        return fail(imp, "import-outcome-errors");
    }
    let trees: Vec<store::TreeRow> = db::select("trees")
        .filter(eq("import_id", imp.id()))
        .fetch()?;
    for t in &trees {
        let tree = feed::Tree {
            audience: None,
            items: t.items.clone(),
        };
        hard.push((
            format!("arborescence.xml ({})", t.audience),
            tree.refs().into_iter().collect(),
        ));
    }
    for (from, refs) in &hard {
        for missing in refs.iter().filter(|r| !ids.contains(*r)) {
            imp.error(
                from,
                Problem::new("import-error-missing-ref", missing.clone()),
            );
        }
    }
    if imp.errors_total > 0 {
        return fail(imp, "import-outcome-missing");
    }
    for (from, refs) in &soft {
        for missing in refs.iter().filter(|r| !ids.contains(*r)) {
            imp.warning(
                from,
                Problem::new("import-warning-missing-link", missing.clone()),
            );
        }
    }
    switch(imp)
}

/// Makes a valid import the current one, then removes the older rows.
fn switch(imp: &mut Import) -> Result<(), Error> {
    imp.status = "done".into();
    imp.outcome = Some("import-outcome-done".into());
    imp.finished_at = Some(store::now_utc());
    let mut tx = db::transaction();
    tx.update(
        db::update("state")
            .filter(eq("key", MAIN))
            .set("current_import", imp.id())
            .set("running_import", None::<i64>)
            .set_json("last_modified", &imp.last_modified),
    );
    tx.update(progress(imp));
    tx.audit(
        "comarquage.import-switched",
        &format!("import:{}", imp.id()),
        &json!({ "counts": imp.counts }),
    );
    tx.commit()?;
    // After the switch: pages already read the new rows.
    db::delete("publications")
        .filter(ne("import_id", imp.id()))
        .run()?;
    db::delete("trees")
        .filter(ne("import_id", imp.id()))
        .run()?;
    cleanup()
}

/// Ends an import that will not replace the current one; its rows go.
fn fail(imp: &mut Import, outcome: &str) -> Result<(), Error> {
    imp.status = "failed".into();
    imp.outcome = Some(outcome.into());
    end(imp)?;
    events::audit(
        "comarquage.import-failed",
        &format!("import:{}", imp.id()),
        &json!({ "errors": imp.errors_total }),
    )?;
    Ok(())
}

fn end(imp: &mut Import) -> Result<(), Error> {
    imp.finished_at = Some(store::now_utc());
    let mut tx = db::transaction();
    tx.update(progress(imp));
    tx.update(
        db::update("state")
            .filter(eq("key", MAIN))
            .filter(eq("running_import", imp.id()))
            .set("running_import", None::<i64>),
    );
    tx.commit()?;
    db::delete("publications")
        .filter(eq("import_id", imp.id()))
        .run()?;
    db::delete("trees")
        .filter(eq("import_id", imp.id()))
        .run()?;
    cleanup()
}

/// Staged zips of ended imports, and the oldest reports.
fn cleanup() -> Result<(), Error> {
    let running = store::state()?.running_import.unwrap_or(-1);
    db::delete("staged_chunks")
        .filter(ne("import_id", running))
        .run()?;
    let old: Vec<BTreeMap<String, serde_json::Value>> = db::select("imports")
        .columns(&["id"])
        .order_desc("id")
        .offset(KEPT_REPORTS)
        .limit(1000)
        .fetch()?;
    let ids: Vec<i64> = old
        .iter()
        .filter_map(|r| r.get("id").and_then(serde_json::Value::as_i64))
        .collect();
    if !ids.is_empty() {
        db::delete("imports")
            .filter(one_of("id", ids))
            .filter(ne("status", "running"))
            .run()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_conditional_request_carries_the_last_modified_date() {
        assert_eq!(
            conditional_headers(Some("Wed, 25 Nov 2026 03:10:00 GMT")),
            [(
                "if-modified-since".to_owned(),
                "Wed, 25 Nov 2026 03:10:00 GMT".to_owned()
            )]
        );
        assert!(conditional_headers(None).is_empty());
        assert!(conditional_headers(Some(" ")).is_empty());
    }

    #[test]
    fn a_host_not_granted_becomes_a_clear_report_entry() {
        let p = fetch_problem(&HttpError::NotGranted(
            "capability for outbound HTTP to `lecomarquage.service-public.fr` is not granted"
                .into(),
        ));
        assert_eq!(p.code, "import-error-not-granted");
        assert!(p.detail.contains("lecomarquage.service-public.fr"));
        assert_eq!(
            fetch_problem(&HttpError::Timeout).code,
            "import-error-unreachable"
        );
        assert_eq!(
            fetch_problem(&HttpError::TooLarge(64)).code,
            "import-error-too-large"
        );
    }

    #[test]
    fn a_publication_goes_to_the_source_audience_when_it_lists_it() {
        let listed = vec!["particuliers".to_owned(), "associations".to_owned()];
        assert_eq!(
            choose_audience(&listed, Some("associations")),
            "associations"
        );
        assert_eq!(
            choose_audience(&listed, Some("professionnels")),
            "particuliers"
        );
        assert_eq!(
            choose_audience(&[], Some("professionnels")),
            "professionnels"
        );
        assert_eq!(choose_audience(&[], None), "particuliers");
    }
}
