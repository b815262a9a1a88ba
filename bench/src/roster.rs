//! Issue 19 (`roster`): the week grid of a 40-agent site with a year of
//! shifts (about 20,000) on SQLite, and what a week edit costs with its
//! rule check (goals: ≥ 500 grid pages/s on 2 cores, the check under
//! 20 ms).
//!
//! The staff and the year of shifts are loaded as rows (the demo files'
//! format); the grid is read by a signed-in manager over real HTTP; the
//! edit is the shift form posted back with a new end, its rule check
//! included, as a manager saves it.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, ensure};
use estive_testing::Builder;
use serde_json::json;

/// A Monday in the middle of the year of shifts.
const NOW: &str = "2026-06-15T08:00:00+02:00";
const MONDAY: &str = "2026-06-15";
const AGENTS: usize = 40;
/// The site's teams: four of ten agents (a canteen, the schools, the
/// technical services, the tourist office), each with its own place.
const TEAMS: usize = 4;
const CLIENTS: usize = 16;
/// Each agent's day: 7 hours in two shifts, 35 hours a week.
const SHIFTS: [(&str, &str); 2] = [("08:00", "12:00"), ("13:30", "16:30")];

/// The 45 weeks worked of 52 from 5 January 2026: seven weeks of leave
/// keep the year under 1,607 hours, as a real roster's year is.
fn worked_weeks() -> impl Iterator<Item = i64> {
    (0..52).filter(|w| ![6, 15, 29, 30, 31, 42, 51].contains(w))
}

/// What the roster benchmark measured.
pub(crate) struct Figures {
    shifts: usize,
    grid_rps: f64,
    edit50: Duration,
    edit99: Duration,
    check50: Duration,
    check_shifts: usize,
}

impl Figures {
    pub fn print(&self) {
        println!(
            "\nroster: {AGENTS} agents in {TEAMS} teams, {} shifts over a year, SQLite",
            self.shifts
        );
        println!(
            "  a team's week grid (10 agents, 100 shifts; signed-in manager, {CLIENTS} clients): {:8.0} pages/s   (goal ≥ 500)",
            self.grid_rps
        );
        println!(
            "  rule check of a week edit, in the plugin (the agent's {} shifts of the window): median {:.2} ms   (goal < 20 ms)",
            self.check_shifts,
            self.check50.as_secs_f64() * 1e3
        );
        println!(
            "  saving a shift through its form (check, transaction, redirect): median {:.1} ms   p99 {:.1} ms",
            self.edit50.as_secs_f64() * 1e3,
            self.edit99.as_secs_f64() * 1e3
        );
    }
}

/// Two shifts a weekday for every agent over the weeks worked of a year.
fn rows(dir: &Path) -> Result<usize> {
    let mut agents = Vec::new();
    let mut contracts = Vec::new();
    for i in 0..AGENTS {
        agents.push(json!({ "_key": format!("a{i}"), "name": format!("Agent {i:02}"), "created_at": "2026-01-01T00:00:00Z" }));
        contracts.push(json!({
            "agent_id": format!("@a{i}"), "starts_on": "2020-01-01", "weekly_minutes": 2100,
            "regime": "fpt", "teams": format!("[{}]", i % TEAMS + 1), "skills": "[]",
            "places": format!("[{}]", i % TEAMS + 1), "title": "Agent technique"
        }));
    }
    let mut shifts = Vec::new();
    let first = estive_core_date(2026, 1, 5);
    for week in worked_weeks() {
        for day in 0..5 {
            let date = first + chrono_days(week * 7 + day);
            let monday = first + chrono_days(week * 7);
            for i in 0..AGENTS {
                for (start, end) in SHIFTS {
                    shifts.push(json!({
                        // Literal ids (a fresh database numbers the
                        // agents 1 to 40): the loader links only within
                        // one batch of rows.
                        "team_id": i % TEAMS + 1, "agent_id": i + 1, "place_id": i % TEAMS + 1,
                        "monday": monday.to_string(),
                        "starts_at": format!("{date}T{start}"), "ends_at": format!("{date}T{end}"),
                        "break_minutes": 0, "status": "planned", "version": 1,
                        "updated_at": "2026-01-01T00:00:00Z",
                    }));
                }
            }
        }
    }
    let count = shifts.len();
    let doc = json!({ "tables": [
        { "table": "places", "rows": [
            { "name": "Cantine" }, { "name": "Écoles" }, { "name": "Ateliers municipaux" }, { "name": "Office de tourisme" }
        ] },
        { "table": "teams", "rows": [
            { "name": "Restauration" }, { "name": "Écoles" }, { "name": "Services techniques" }, { "name": "Tourisme" }
        ] },
        { "table": "agents", "rows": agents },
        { "table": "contracts", "rows": contracts },
        { "table": "shifts", "rows": shifts },
        { "table": "weeks", "rows": (1..=TEAMS).map(|t| json!({ "team_id": t, "monday": MONDAY, "status": "published" })).collect::<Vec<_>>() },
    ]});
    std::fs::write(dir.join("roster.json"), serde_json::to_vec(&doc)?)?;
    Ok(count)
}

fn estive_core_date(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

fn chrono_days(n: i64) -> chrono::TimeDelta {
    chrono::TimeDelta::days(n)
}

/// Signed-in pages per second: `clients` copies of one session.
pub(crate) async fn measure(quick: bool) -> Result<Figures> {
    let root = crate::root();
    let host = Builder::default()
        .plugin(root.join("plugins/roster"))
        .pooling(true)
        .now(NOW)
        .start()
        .await?;
    let dir = tempfile_dir()?;
    let shifts = rows(&dir)?;
    host.load_rows(&dir).await?;
    let admin = host.login("admin").await?;
    let grid = format!("/extranet/planning/semaine/{MONDAY}?equipe=1");
    let page = admin.get(&grid).await?;
    ensure!(
        page.status == 200 && page.text.contains("Agent 36") && !page.text.contains("Agent 37"),
        "the grid of team 1 (agents 0, 4, … 36): {}",
        page.status
    );

    let seconds = if quick { 3.0 } else { 10.0 };
    let grid_rps = crate::rate(&admin, &grid, CLIENTS, seconds).await?;

    // A week edit: the shift form of Agent 00's Wednesday morning, posted
    // back with another end each time.
    let id = {
        let html = page.text.replace("&#x2f;", "/");
        html.split("/extranet/planning/creneaux/")
            .skip(1)
            .map(|rest| {
                rest.chars()
                    .take_while(char::is_ascii_digit)
                    .collect::<String>()
            })
            .find(|id| !id.is_empty())
            .context("a shift link")?
    };
    let path = format!("/extranet/planning/creneaux/{id}");
    let rounds = if quick { 20 } else { 60 };
    let mut times = Vec::with_capacity(rounds);
    for n in 0..rounds {
        let mut form = admin.get(&path).await?.form(&path)?;
        form.set("end", if n % 2 == 0 { "11:30" } else { "12:00" })?;
        let t = Instant::now();
        let page = form.submit_no_follow(&admin).await?;
        times.push(t.elapsed());
        ensure!(
            page.status == 303,
            "the edit was refused: {} {}",
            page.status,
            page.text.chars().take(2000).collect::<String>()
        );
    }
    times.sort();

    // The check alone, natively: the same rules over the same agent's year.
    let (check50, check_shifts) = native_check();
    Ok(Figures {
        shifts,
        grid_rps,
        edit50: crate::percentile(&times, 0.5),
        edit99: crate::percentile(&times, 0.99),
        check50,
        check_shifts,
    })
}

/// The rule check of one week edit over an agent's year of shifts, in the
/// plugin's own code compiled natively (the component runs the same code
/// in wasmtime, a little slower).
fn native_check() -> (Duration, usize) {
    use estive_plugin_roster::model::Contract;
    use estive_plugin_roster::model::Shift;
    use estive_plugin_roster::rules::{Check, Work, check, work_of};
    let contract = Contract {
        id: 1,
        agent_id: 1,
        starts_on: "2020-01-01".into(),
        ends_on: None,
        weekly_minutes: 2100,
        regime: "fpt".into(),
        teams: vec![1],
        skills: vec![],
        places: vec![1],
        leave_days: 25,
        title: None,
    };
    let first = estive_core_date(2026, 1, 5);
    let mut works: Vec<Work> = Vec::new();
    for week in worked_weeks() {
        for day in 0..5 {
            let date = first + chrono_days(week * 7 + day);
            for (start, end) in SHIFTS {
                let s = Shift {
                    id: works.len() as i64 + 1,
                    team_id: 1,
                    agent_id: Some(1),
                    place_id: 1,
                    monday: String::new(),
                    starts_at: format!("{date}T{start}"),
                    ends_at: format!("{date}T{end}"),
                    break_minutes: 0,
                    task: None,
                    skill: None,
                    status: "planned".into(),
                    changed: false,
                    override_reason: None,
                    template_id: None,
                    version: 1,
                    updated_by: None,
                    updated_at: String::new(),
                };
                works.extend(work_of(&s));
            }
        }
    }
    // The edited week: the ten shifts of the week of 15 June (week 23).
    let changed: Vec<Work> = works
        .iter()
        .filter(|w| {
            w.start.to_string().as_str() >= MONDAY && w.start.to_string().as_str() < "2026-06-20"
        })
        .cloned()
        .collect();
    let contracts = [contract];
    let mut times = Vec::new();
    for _ in 0..50 {
        let t = Instant::now();
        let found = check(&Check {
            contracts: &contracts,
            shifts: &works,
            changed: &changed,
            school_holidays: &[],
            timezone: "Europe/Paris",
        });
        times.push(t.elapsed());
        std::hint::black_box(found);
    }
    times.sort();
    (crate::percentile(&times, 0.5), works.len())
}

fn tempfile_dir() -> Result<std::path::PathBuf> {
    crate::rows_dir("roster")
}
