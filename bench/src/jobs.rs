//! Issue 20 (`jobs`): the job board's search over 5,000 published offers
//! on SQLite (goal ≥ 1,000 req/s), and an import of 1,000 offers from the
//! stand-in France Travail server (goal under 10 s).
//!
//! The offers are loaded as rows (the demo files' format) and searched by
//! anonymous visitors over real HTTP, the way the list page is used: the
//! newest offers, filters, keywords. The import runs the plugin's
//! scheduled task against the stand-in over real HTTP on 127.0.0.1, as the
//! extranet's « Importer maintenant » and the scheduler do, until the run
//! says it is done.

use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, ensure};
use estive_core::package::Package;
use estive_francetravail_standin::{CLIENT_ID, CLIENT_SECRET, StandIn, generate};
use estive_testing::{Builder, TestHost, build_package};
use sea_orm::{ConnectionTrait, Statement};
use serde_json::json;

/// A Monday of the winter season.
const NOW: &str = "2026-12-07T08:00:00+01:00";
const OFFERS: usize = 5_000;
const IMPORTED: usize = 1_000;
const CLIENTS: usize = 16;
const COMMUNES: [(&str, &str); 5] = [
    ("65388", "Saint-Lary-Soulan"),
    ("65462", "Vielle-Aure"),
    ("65017", "Arreau"),
    ("65059", "Bourisp"),
    ("65192", "Estensan"),
];
const TRADES: [&str; 12] = [
    "Perchman",
    "Pisteur-secouriste",
    "Moniteur de ski",
    "Serveur en salle",
    "Commis de cuisine",
    "Réceptionniste",
    "Vendeur-loueur de skis",
    "Plongeur",
    "Agent d'entretien",
    "Conducteur de dameuse",
    "Hôte de caisse",
    "Animateur club enfants",
];
const CONTRACTS: [&str; 4] = ["seasonal", "cdd", "cdi", "interim"];

/// What the jobs benchmark measured.
pub(crate) struct Figures {
    search: Rates,
    import: Duration,
    import_batches: usize,
    imported: u64,
}

impl Figures {
    pub fn print(&self) {
        println!(
            "\njobs: {OFFERS} published offers, SQLite, anonymous visitors, {CLIENTS} clients; every address unique (no kept answer) unless said"
        );
        println!(
            "  the newest offers (list page, 20 a page):               {:8.0} req/s   (goal ≥ 1000)",
            self.search.newest
        );
        println!(
            "  filters (commune, seasonal, housing provided):           {:8.0} req/s   (goal ≥ 1000)",
            self.search.filtered
        );
        println!(
            "  keywords, ranked by relevance then date (« serveur »):   {:8.0} req/s   (goal ≥ 1000)",
            self.search.keywords
        );
        println!(
            "  the same keyword search again, kept by the host (cache-seconds = 60): {:8.0} req/s",
            self.search.cached
        );
        println!(
            "  France Travail import of {IMPORTED} offers from the stand-in (7 pages of 150, {} scheduler calls): {:.2} s, {} offers stored   (goal < 10 s)",
            self.import_batches,
            self.import.as_secs_f64(),
            self.imported
        );
    }
}

/// 5,000 published offers of the valley, local and imported.
fn rows(dir: &std::path::Path) -> Result<()> {
    let mut offers = Vec::with_capacity(OFFERS);
    for i in 0..OFFERS {
        let (insee, commune) = COMMUNES[i % COMMUNES.len()];
        let trade = TRADES[i % TRADES.len()];
        let imported = i % 3 == 0;
        let mut offer = json!({
            "source": if imported { "francetravail" } else { "local" },
            "employer_name": format!("Employeur {}", i % 97),
            "title": format!("{trade} (H/F) n° {i}"),
            "description": format!("{trade} pour la saison d'hiver à {commune}. Accueil de la clientèle, travail en équipe, week-ends travaillés. Offre {i}."),
            "commune": commune, "insee": insee,
            "contract": CONTRACTS[i % CONTRACTS.len()],
            "season": if i % 4 == 3 { "summer" } else { "winter" },
            "starts_on": "2026-12-19", "ends_on": "2027-04-12",
            "hours": "35 h par semaine", "pay": "1 850 € brut par mois",
            "housing": i % 2 == 0,
            "search_text": format!("{trade} accueil saison"),
            "apply_mode": if imported { "link" } else { "site" },
            "status": "published",
            "expires_on": "2027-01-31",
            "published_at": crate::minutes_after_november_first(i),
            "created_at": "2026-11-01T00:00:00Z", "updated_at": "2026-11-01T00:00:00Z",
        });
        if imported {
            offer["external_id"] = json!(format!("B{i:06}"));
            offer["source_url"] = json!(format!(
                "https://candidat.francetravail.fr/offres/recherche/detail/B{i:06}"
            ));
            offer["apply_url"] = offer["source_url"].clone();
        }
        offers.push(offer);
    }
    let doc = json!({ "tables": [{ "table": "offers", "rows": offers }] });
    std::fs::write(dir.join("jobs.json"), serde_json::to_vec(&doc)?)?;
    Ok(())
}

/// Search pages a second.
struct Rates {
    newest: f64,
    filtered: f64,
    keywords: f64,
    /// The keyword search kept by the host (`cache-seconds`).
    cached: f64,
}

async fn search(quick: bool) -> Result<Rates> {
    let root = crate::root();
    let host = Builder::default()
        .plugin(root.join("plugins/jobs"))
        .pooling(true)
        .now(NOW)
        .setting(
            "jobs",
            "communes",
            toml::Value::Array(
                COMMUNES
                    .iter()
                    .map(|(code, name)| toml::Value::from(format!("{code} {name}")))
                    .collect(),
            ),
        )
        .start()
        .await?;
    let dir = crate::rows_dir("jobs")?;
    rows(&dir)?;
    host.load_rows(&dir).await?;
    let client = host.client();
    let seconds = if quick { 3.0 } else { 10.0 };
    let newest = "/emplois/";
    let filtered = "/emplois/?commune=Saint-Lary-Soulan&contract=seasonal&housing=on";
    let keywords = "/emplois/?q=serveur";
    for (path, expected) in [
        (newest, "n° 4999"),
        (filtered, "Saint-Lary-Soulan"),
        (keywords, "Serveur en salle"),
    ] {
        let page = client.get(path).await?;
        ensure!(
            page.status == 200 && page.text.contains(expected),
            "{path}: {} without « {expected} »",
            page.status
        );
    }
    let mut rates = Vec::new();
    for path in [newest, filtered, keywords] {
        rates.push(crate::rate_uncached(&client, path, CLIENTS, seconds).await?);
    }
    let cached = crate::rate(&client, keywords, CLIENTS, seconds).await?;
    Ok(Rates {
        newest: rates[0],
        filtered: rates[1],
        keywords: rates[2],
        cached,
    })
}

/// The plugin asking for the stand-in's host beside France Travail's.
fn jobs_for(standin: &StandIn) -> Result<Package> {
    let p = build_package(&crate::root().join("plugins/jobs"))?;
    let manifest = p.manifest_text.replace(
        r#"hosts = ["entreprise.francetravail.fr", "api.francetravail.io"]"#,
        &format!(
            r#"hosts = ["entreprise.francetravail.fr", "api.francetravail.io", "{}"]"#,
            standin.host()
        ),
    );
    ensure!(
        manifest != p.manifest_text,
        "the manifest's http hosts moved"
    );
    Package::from_parts(manifest, p.wasm, p.files)
}

async fn import() -> Result<(Duration, usize, u64)> {
    let communes: Vec<(&str, &str)> = COMMUNES.to_vec();
    let standin = StandIn::start(generate(IMPORTED, &communes))?;
    let host = Builder::default()
        .package(jobs_for(&standin)?)
        .grant_http("jobs", &[&standin.host()])
        .allow_private_http("127.0.0.1")
        .now(NOW)
        .setting(
            "jobs",
            "communes",
            toml::Value::Array(
                COMMUNES
                    .iter()
                    .map(|(code, name)| toml::Value::from(format!("{code} {name}")))
                    .collect(),
            ),
        )
        .setting("jobs", "ft_enabled", true)
        .setting("jobs", "ft_client_id", CLIENT_ID)
        .setting("jobs", "ft_client_secret", CLIENT_SECRET)
        .setting("jobs", "ft_token_url", standin.token_url())
        .setting("jobs", "ft_api_url", standin.api_url())
        .start()
        .await?;
    let t = Instant::now();
    let mut batches = 0;
    loop {
        host.run_schedule("jobs", "import").await?;
        batches += 1;
        let status: String = scalar(
            &host,
            "SELECT status FROM p_jobs__import_runs ORDER BY id DESC LIMIT 1",
        )
        .await?;
        if status == "done" {
            break;
        }
        ensure!(status != "failed", "the import failed");
        ensure!(batches < 50, "the import does not end (status {status})");
    }
    let elapsed = t.elapsed();
    let stored: i64 = scalar(
        &host,
        "SELECT COUNT(*) FROM p_jobs__offers WHERE status = 'published'",
    )
    .await?;
    ensure!(
        usize::try_from(stored) == Ok(IMPORTED),
        "{stored} offers stored of {IMPORTED}"
    );
    Ok((elapsed, batches, stored as u64))
}

/// The first column of the first row of a query on the host's database.
async fn scalar<T: sea_orm::TryGetable>(host: &TestHost, sql: &str) -> Result<T> {
    let db = &host.state.platform.db;
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?
        .with_context(|| format!("no row for {sql}"))?;
    Ok(row.try_get_by_index::<T>(0)?)
}

pub(crate) async fn measure(quick: bool) -> Result<Figures> {
    let search = search(quick).await?;
    let (import, import_batches, imported) = import().await?;
    Ok(Figures {
        search,
        import,
        import_batches,
        imported,
    })
}
