//! Issue 4 (`polls`): answers accepted per second on SQLite with none lost,
//! and the public results page's throughput (goals: ≥ 1,000 answers/s,
//! ≥ 5,000 result pages/s on 2 cores).
//!
//! Everything goes through real HTTP to the running host: polls are created
//! and published through the extranet forms (as `plugins/polls/tests/e2e.rs`
//! does), each answer comes from a new browser (no cookies: it GETs the poll
//! page for its visitor cookie and CSRF token, then POSTs the form), and the
//! stored answer sets are then counted in the database and compared with the
//! answers the host acknowledged.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, bail, ensure};
use estive_core::storage::ops as st;
use estive_testing::{Builder, Client, TestHost};

/// The clock plugins see: inside the polls' opening hours.
const NOW: &str = "2026-11-10T09:00:00+01:00";
const OPENS: &str = "2026-11-01T08:00";
const CLOSES: &str = "2026-11-30T18:00";
/// Clients at once, for answers and for pages.
const CLIENTS: usize = 16;
/// Answer sets of the poll whose results page is measured.
const RESULT_SETS: usize = 300;
/// Rows of `answers` per answer set with [`Form::good`]: 1 + 2 choices, 3
/// ranks, a score and a text.
const ROWS_PER_SET: u64 = 8;

/// What the polls benchmark measured.
pub(crate) struct Figures {
    seconds: f64,
    accepted: u64,
    elapsed: f64,
    p50: Duration,
    p99: Duration,
    get50: Duration,
    post50: Duration,
    statuses: BTreeMap<String, u64>,
    stored: u64,
    answer_rows: u64,
    result_sets: u64,
    results_rps: f64,
    poll_rps: f64,
    big_results_rps: f64,
}

impl Figures {
    pub fn print(&self) {
        println!(
            "\npolls: answers on SQLite (anonymous poll of 5 questions, {ROWS_PER_SET} answer rows per set), \
             {CLIENTS} clients for {:.0} s; address_limit_per_hour = 0 (no rate limit), results live",
            self.seconds
        );
        println!(
            "  answers accepted: {:8.0} answers/s   (goal ≥ 1000; {} in {:.1} s, each a new browser: GET the poll page + POST the form)",
            self.accepted as f64 / self.elapsed,
            self.accepted,
            self.elapsed
        );
        println!(
            "  one answer (GET + POST): median {:6.1} ms   p99 {:6.1} ms   (median GET {:.1} ms, POST {:.1} ms)",
            self.p50.as_secs_f64() * 1e3,
            self.p99.as_secs_f64() * 1e3,
            self.get50.as_secs_f64() * 1e3,
            self.post50.as_secs_f64() * 1e3
        );
        let statuses: Vec<String> = self
            .statuses
            .iter()
            .map(|(s, n)| format!("{s} × {n}"))
            .collect();
        println!("  answer responses: {}", statuses.join(", "));
        println!(
            "  stored answer sets: {} for {} acknowledged: none lost ({} answer rows, {ROWS_PER_SET} per set)",
            self.stored, self.accepted, self.answer_rows
        );
        println!(
            "polls: public pages of a poll with {} answer sets, {CLIENTS} keep-alive clients",
            self.result_sets
        );
        println!(
            "  results page: {:8.0} req/s   (goal ≥ 5000)",
            self.results_rps
        );
        println!(
            "  poll page:    {:8.0} req/s   (for reference; a new visitor each time)",
            self.poll_rps
        );
        println!(
            "  results page of the poll answered above ({} sets): {:8.0} req/s   (for reference: the same page with many more answers; results are cached per poll)",
            self.stored, self.big_results_rps
        );
    }
}

/// The poll id at the end of a redirect to `/…/consultations/<id>`.
fn id_of(headers: &reqwest::header::HeaderMap) -> Result<String> {
    let loc = headers
        .get("location")
        .and_then(|v| v.to_str().ok())
        .context("no redirect")?;
    Ok(loc.rsplit('/').next().unwrap_or_default().to_owned())
}

/// A published poll with one question of each kind (as in e2e.rs), open now
/// to anyone, anonymous, results live; returns its id.
async fn create_poll(elu: &Client, title: &str) -> Result<String> {
    let fields = [
        ("title", title),
        ("description", "Donnez votre avis."),
        ("opens_at", OPENS),
        ("closes_at", CLOSES),
        ("audience", "anyone"),
        ("results", "live"),
        ("themes", "Épanouissement de tous"),
        ("anonymous", "on"),
    ];
    let page = elu
        .post_form_no_follow("/extranet/consultations/new", &fields)
        .await?;
    ensure!(page.status == 303, "poll not created: {}", page.status);
    let id = id_of(&page.headers)?;
    let questions: [&[(&str, &str)]; 5] = [
        &[
            ("kind", "single"),
            ("title", "Quel créneau ?"),
            ("options", "Matin\nMidi\nSoir"),
            ("required", "on"),
            ("allow_other", "on"),
        ],
        &[
            ("kind", "multiple"),
            ("title", "Quels services ?"),
            ("options", "Piscine\nMédiathèque\nGymnase\nMarché"),
            ("min_choices", "1"),
            ("max_choices", "2"),
        ],
        &[
            ("kind", "ranking"),
            ("title", "Classez les projets"),
            ("options", "Halle\nParc\nPiste cyclable"),
        ],
        &[
            ("kind", "scale"),
            ("title", "Satisfaction"),
            ("scale_max", "10"),
        ],
        &[("kind", "short_text"), ("title", "Une idée ?")],
    ];
    for q in questions {
        let page = elu
            .post_form_no_follow(&format!("/extranet/consultations/{id}/questions/new"), q)
            .await?;
        ensure!(page.status == 303, "question not added: {}", page.status);
    }
    let page = elu
        .post_form_no_follow(&format!("/extranet/consultations/{id}/publish"), &[])
        .await?;
    ensure!(page.status == 303, "not published: {}", page.status);
    Ok(id)
}

/// The controls of the answer form: field name → option values, in order.
struct Form {
    choices: BTreeMap<String, Vec<String>>,
    ranks: Vec<String>,
    texts: Vec<String>,
}

impl Form {
    /// Reads the answer form of poll `id` out of its page.
    fn read(html: &str, id: &str) -> Result<Form> {
        let start = html
            .find(&format!("consultations/{id}\" novalidate"))
            .context("the poll page has no answer form")?;
        let form = &html[start..];
        let form = &form[..form.find("</form>").unwrap_or(form.len())];
        let mut choices: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut ranks = Vec::new();
        let mut texts = Vec::new();
        for piece in form.split("name=\"").skip(1) {
            let name = piece.split('"').next().unwrap_or_default().to_owned();
            if !name.starts_with('q') || name.ends_with("-other") {
                continue;
            }
            if name.contains("-r") {
                ranks.push(name);
                continue;
            }
            let tag = piece.split('>').next().unwrap_or_default();
            match tag.split("value=\"").nth(1) {
                Some(v) if !tag.contains("type=\"text\"") => choices
                    .entry(name)
                    .or_default()
                    .push(v.split('"').next().unwrap_or_default().to_owned()),
                _ => texts.push(name),
            }
        }
        ensure!(
            choices.len() == 3 && ranks.len() == 3 && !texts.is_empty(),
            "unexpected answer form: {:?} {ranks:?} {texts:?}",
            choices.keys()
        );
        Ok(Form {
            choices,
            ranks,
            texts,
        })
    }

    /// A complete, valid answer ([`ROWS_PER_SET`] rows once stored).
    fn good(&self) -> Vec<(String, String)> {
        let field = |n: usize| self.choices.iter().nth(n).expect("three choice questions");
        let (single, s) = field(0);
        let (multi, m) = field(1);
        let (scale, _) = field(2);
        let mut out = vec![
            (single.clone(), s[0].clone()),
            (multi.clone(), m[0].clone()),
            (multi.clone(), m[1].clone()),
            (scale.clone(), "7".to_owned()),
            (self.texts[0].clone(), "Plus de bancs à l'ombre".to_owned()),
        ];
        for (i, r) in self.ranks.iter().enumerate() {
            out.push((r.clone(), (i + 1).to_string()));
        }
        out
    }
}

fn extract_csrf(html: &str) -> Option<&str> {
    const AT: &str = "name=\"csrf_token\" value=\"";
    let at = html.find(AT)? + AT.len();
    let end = html[at..].find('"')?;
    Some(&html[at..at + end])
}

/// The outcome of one answer.
enum Outcome {
    /// 303 back to the poll page: the host acknowledged the answer.
    Accepted,
    /// Anything else, by status ("error" when the connection failed).
    Other(String),
}

/// One answer from a new browser: GET the poll page without cookies (a
/// visitor cookie and a CSRF token come back), then POST the form. `got`
/// is set to the time the GET took.
async fn answer_once(
    http: &reqwest::Client,
    base: &str,
    id: &str,
    fields: &[(String, String)],
    got: &mut Duration,
) -> Outcome {
    let t = Instant::now();
    let url = format!("{base}/consultations/{id}");
    let Ok(page) = http.get(&url).send().await else {
        return Outcome::Other("GET error".into());
    };
    let status = page.status().as_u16();
    let cookies: Vec<String> = page
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok()?.split(';').next().map(str::to_owned))
        .collect();
    let Ok(html) = page.text().await else {
        return Outcome::Other("GET error".into());
    };
    if status != 200 {
        return Outcome::Other(format!("GET {status}"));
    }
    let Some(token) = extract_csrf(&html) else {
        return Outcome::Other("GET without form".into());
    };
    *got = t.elapsed();
    let mut form: Vec<(&str, &str)> = vec![("csrf_token", token)];
    form.extend(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let sent = http
        .post(&url)
        .header(reqwest::header::COOKIE, cookies.join("; "))
        .form(&form)
        .send()
        .await;
    let Ok(sent) = sent else {
        return Outcome::Other("POST error".into());
    };
    let status = sent.status().as_u16();
    let back_to_poll = sent
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|l| l.ends_with(&format!("/consultations/{id}")));
    // Read the body so the connection is reused.
    let _ = sent.bytes().await;
    match (status, back_to_poll) {
        (303, true) => Outcome::Accepted,
        (303, false) => Outcome::Other("303 elsewhere".into()),
        _ => Outcome::Other(status.to_string()),
    }
}

/// What a run of answers gave.
struct Run {
    accepted: u64,
    elapsed: Duration,
    times: Vec<Duration>,
    gets: Vec<Duration>,
    posts: Vec<Duration>,
    statuses: BTreeMap<String, u64>,
}

/// `CLIENTS` browsers answer poll `id` until `seconds` have passed or,
/// with `total`, until that many answers were sent; every request in
/// flight is waited for and counted.
async fn answer_run(
    base: &str,
    id: &str,
    fields: Vec<(String, String)>,
    seconds: f64,
    total: Option<usize>,
) -> Result<Run> {
    // Keep-alive connections; cookies are not kept (each answer is a new
    // browser) and redirects are not followed (the 303 is the receipt).
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(CLIENTS)
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let fields = Arc::new(fields);
    let stop = Arc::new(AtomicBool::new(false));
    let left = Arc::new(std::sync::atomic::AtomicUsize::new(
        total.unwrap_or(usize::MAX),
    ));
    let t = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..CLIENTS {
        let (http, base, id, fields, stop, left) = (
            http.clone(),
            base.to_owned(),
            id.to_owned(),
            fields.clone(),
            stop.clone(),
            left.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let mut accepted = 0u64;
            let mut times = Vec::new();
            let mut gets = Vec::new();
            let mut posts = Vec::new();
            let mut statuses: BTreeMap<String, u64> = BTreeMap::new();
            while !stop.load(Ordering::Relaxed)
                && left
                    .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1))
                    .is_ok()
            {
                let t = Instant::now();
                let mut got = Duration::ZERO;
                let outcome = answer_once(&http, &base, &id, &fields, &mut got).await;
                let took = t.elapsed();
                times.push(took);
                match outcome {
                    Outcome::Accepted => {
                        gets.push(got);
                        posts.push(took - got);
                        accepted += 1;
                        *statuses.entry("303".into()).or_default() += 1;
                    }
                    Outcome::Other(s) => *statuses.entry(s).or_default() += 1,
                }
            }
            (accepted, times, gets, posts, statuses)
        }));
    }
    if total.is_none() {
        tokio::time::sleep(Duration::from_secs_f64(seconds)).await;
        stop.store(true, Ordering::Relaxed);
    }
    let mut run = Run {
        accepted: 0,
        elapsed: Duration::ZERO,
        times: Vec::new(),
        gets: Vec::new(),
        posts: Vec::new(),
        statuses: BTreeMap::new(),
    };
    for task in tasks {
        let (accepted, times, gets, posts, statuses) = task.await?;
        run.accepted += accepted;
        run.times.extend(times);
        run.gets.extend(gets);
        run.posts.extend(posts);
        for (s, n) in statuses {
            *run.statuses.entry(s).or_default() += n;
        }
    }
    run.elapsed = t.elapsed();
    run.times.sort();
    run.gets.sort();
    run.posts.sort();
    Ok(run)
}

/// Rows of a polls table for a poll, counted in the database: all rows,
/// and distinct values of `distinct`.
async fn count(host: &TestHost, table: &str, poll: i64, distinct: &str) -> Result<(u64, u64)> {
    let manifest = host.manifest("polls").context("polls is not enabled")?;
    let site_id = host
        .state
        .platform
        .snapshot()
        .site(estive_testing::SITE)
        .context("the test site")?
        .id;
    let actor = estive_core::storage::Actor::default();
    let scope = estive_core::storage::Scope {
        site_id,
        manifest: &manifest,
        actor: &actor,
    };
    let rows = host
        .state
        .platform
        .runtime
        .services
        .storage
        .aggregate(
            scope,
            st::RowAggregate {
                table: table.into(),
                filter: vec![st::Condition::Eq(st::Cell {
                    column: "poll_id".into(),
                    value: st::Value::Integer(poll),
                })],
                group_by: vec![],
                measures: vec![
                    st::Measure {
                        function: st::Function::Count,
                        column: None,
                        name: "n".into(),
                    },
                    st::Measure {
                        function: st::Function::CountDistinct,
                        column: Some(distinct.into()),
                        name: "d".into(),
                    },
                ],
                order: vec![],
                limit: None,
            },
        )
        .await
        .map_err(|e| anyhow::anyhow!("counting {table}: {e:?}"))?;
    let int = |i: usize| match rows.rows.first().and_then(|r| r.get(i)) {
        Some(st::Value::Integer(n)) => Ok(*n as u64),
        other => Err(anyhow::anyhow!("counting {table}: got {other:?}")),
    };
    Ok((int(0)?, int(1)?))
}

/// Answers per second with none lost, then the results page's throughput.
pub(crate) async fn measure(quick: bool) -> Result<Figures> {
    let root = crate::root();
    let host = Builder::default()
        .plugin(root.join("plugins/polls"))
        .pooling(true)
        .now(NOW)
        .setting("polls", "address_limit_per_hour", 0_i64)
        .setting("polls", "results_default", "live")
        .start()
        .await?;
    let elu = host.login("elu").await?;
    let results_poll = create_poll(&elu, "Horaires de la piscine").await?;
    let answers_poll = create_poll(&elu, "Navette des villages").await?;

    // The results poll gets its answers first, the same way: this also warms
    // the host up (instance pools, statement caches) before the timed run.
    let visitor = host.client();
    let page = visitor
        .get(&format!("/consultations/{results_poll}"))
        .await?;
    ensure!(page.status == 200, "poll page: {}", page.status);
    let fill = answer_run(
        &host.url,
        &results_poll,
        Form::read(&page.text, &results_poll)?.good(),
        0.0,
        Some(RESULT_SETS),
    )
    .await?;
    ensure!(
        fill.accepted as usize == RESULT_SETS,
        "filling the results poll: {:?}",
        fill.statuses
    );

    let page = visitor
        .get(&format!("/consultations/{answers_poll}"))
        .await?;
    ensure!(page.status == 200, "poll page: {}", page.status);
    let fields = Form::read(&page.text, &answers_poll)?.good();
    let seconds = if quick { 3.0 } else { 10.0 };
    let run = answer_run(&host.url, &answers_poll, fields, seconds, None).await?;

    // None lost: every acknowledged answer is stored, whole, once.
    let id: i64 = answers_poll.parse()?;
    let (stored, respondents) = count(&host, "answer_sets", id, "respondent").await?;
    let (answer_rows, _) = count(&host, "answers", id, "answer_set_id").await?;
    // A request that failed (5xx, connection) may still have been stored;
    // a refusal (4xx) may not.
    let unsure: u64 = run
        .statuses
        .iter()
        .filter(|(s, _)| s.starts_with('5') || s.contains("error"))
        .map(|(_, n)| n)
        .sum();
    if stored < run.accepted {
        bail!(
            "polls: ANSWERS LOST: {} answers acknowledged (303) but only {stored} answer sets stored ({} missing)",
            run.accepted,
            run.accepted - stored
        );
    }
    if stored > run.accepted + unsure {
        bail!(
            "polls: {stored} answer sets stored for {} acknowledged and {unsure} failed requests: answers counted that were refused",
            run.accepted
        );
    }
    if respondents != stored {
        bail!("polls: {stored} answer sets for {respondents} browsers: a browser counted twice");
    }
    if answer_rows != stored * ROWS_PER_SET {
        bail!(
            "polls: {answer_rows} answer rows for {stored} sets (expected {}): answer sets stored partly",
            stored * ROWS_PER_SET
        );
    }

    // The public results page (and the poll page for reference).
    let results_path = format!("/consultations/{results_poll}/resultats");
    let results = host.client().get(&results_path).await?;
    ensure!(
        results.status == 200 && results.contains("<svg"),
        "the results page shows no charts: {}",
        results.status
    );
    let (result_sets, _) = count(&host, "answer_sets", results_poll.parse()?, "respondent").await?;
    let poll_path = format!("/consultations/{results_poll}");
    let (rounds, each) = if quick { (1, 2.0) } else { (3, 3.0) };
    let (mut results_rps, mut poll_rps) = (0.0, 0.0);
    // Interleaved rounds so that noise hits both alike.
    for _ in 0..rounds {
        results_rps += crate::throughput(&host.url, &results_path, CLIENTS, each).await?;
        poll_rps += crate::throughput(&host.url, &poll_path, CLIENTS, each).await?;
    }
    let big_results_rps = crate::throughput(
        &host.url,
        &format!("/consultations/{answers_poll}/resultats"),
        CLIENTS,
        each,
    )
    .await?;
    Ok(Figures {
        seconds,
        accepted: run.accepted,
        elapsed: run.elapsed.as_secs_f64(),
        p50: crate::percentile(&run.times, 0.5),
        p99: crate::percentile(&run.times, 0.99),
        get50: crate::percentile(&run.gets, 0.5),
        post50: crate::percentile(&run.posts, 0.5),
        statuses: run.statuses,
        stored,
        answer_rows,
        result_sets,
        results_rps: results_rps / f64::from(rounds),
        poll_rps: poll_rps / f64::from(rounds),
        big_results_rps,
    })
}
