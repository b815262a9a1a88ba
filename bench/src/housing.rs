//! Issue 21 (`housing`): the housing board's search over 2,000 published
//! homes on SQLite (goal ≥ 1,000 req/s).
//!
//! The homes are loaded as rows (the demo files' format) and searched by
//! anonymous visitors over real HTTP, the way the list page is used: the
//! newest homes, a worker's filters (period, commune, budget, beds), words.
//! Every address is made unique so that the host's kept answers
//! (`cache-seconds`) never count; the same search kept is printed beside.

use anyhow::{Result, ensure};
use estive_testing::Builder;
use serde_json::json;

/// A Monday before the winter season.
const NOW: &str = "2026-12-07T08:00:00+01:00";
const HOMES: usize = 2_000;
const CLIENTS: usize = 16;
const COMMUNES: [(&str, &str); 5] = [
    ("65388", "Saint-Lary-Soulan"),
    ("65462", "Vielle-Aure"),
    ("65017", "Arreau"),
    ("65059", "Bourisp"),
    ("65192", "Estensan"),
];
const KINDS: [&str; 5] = ["studio", "flat", "room", "shared", "house"];

/// What the housing benchmark measured.
pub(crate) struct Figures {
    newest: f64,
    filtered: f64,
    keywords: f64,
    cached: f64,
}

impl Figures {
    pub fn print(&self) {
        println!(
            "\nhousing: {HOMES} published homes, SQLite, anonymous visitors, {CLIENTS} clients; every address unique (no kept answer) unless said"
        );
        println!(
            "  the newest homes (list page):                               {:8.0} req/s   (goal ≥ 1000)",
            self.newest
        );
        println!(
            "  a worker's filters (period, commune, budget, beds):         {:8.0} req/s   (goal ≥ 1000)",
            self.filtered
        );
        println!(
            "  words, ranked by relevance then date (« studio télécabine »): {:8.0} req/s   (goal ≥ 1000)",
            self.keywords
        );
        println!(
            "  the same filtered search again, kept by the host (cache-seconds = 60): {:8.0} req/s",
            self.cached
        );
    }
}

fn rows(dir: &std::path::Path) -> Result<()> {
    let mut homes = Vec::with_capacity(HOMES);
    for i in 0..HOMES {
        let (insee, commune) = COMMUNES[i % COMMUNES.len()];
        let kind = KINDS[i % KINDS.len()];
        let surface = 12 + (i % 50);
        homes.push(json!({
            "landlord_id": 1 + i % 40,
            "landlord_name": format!("Bailleur {}", i % 40),
            "landlord_kind": if i % 4 == 0 { "commune" } else { "private" },
            "title": format!("{} de {surface} m² n° {i}", if kind == "studio" { "Studio près de la télécabine" } else { "Logement meublé" }),
            "description": format!("Logement pour saisonnier à {commune}, proche des pistes et des commerces. Annonce {i}."),
            "commune": commune, "insee": insee, "area": format!("Quartier {}", i % 7),
            "address": format!("{i} rue des Saisonniers"),
            "kind": kind, "beds": 1 + i % 3, "shared": i % 5 == 3, "furnished": i % 6 != 0,
            "surface": surface, "ceiling": 2.4,
            "rent": 250 + (i % 30) * 20, "charges": 30, "deposit": 0,
            "lease": "mobility", "visale": i % 2 == 0,
            "minutes_lifts": 2 + i % 40, "minutes_resort": 5 + i % 30, "minutes_town": 1 + i % 25,
            "seasons": if i % 3 == 0 { json!(["winter", "summer"]) } else { json!(["winter"]) },
            "available_from": "2026-12-01", "available_to": "2027-04-30",
            "min_stay_weeks": 4, "pets": i % 4 == 1, "smoking": false,
            "status": "published",
            "published_at": crate::minutes_after_november_first(i),
            "created_at": "2026-11-01T00:00:00Z", "updated_at": "2026-11-01T00:00:00Z",
        }));
    }
    let doc = json!({ "tables": [{ "table": "homes", "rows": homes }] });
    std::fs::write(dir.join("housing.json"), serde_json::to_vec(&doc)?)?;
    Ok(())
}

pub(crate) async fn measure(quick: bool) -> Result<Figures> {
    let root = crate::root();
    let host = Builder::default()
        .plugin(root.join("plugins/housing"))
        .pooling(true)
        .now(NOW)
        .setting(
            "housing",
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
    let dir = crate::rows_dir("housing")?;
    rows(&dir)?;
    host.load_rows(&dir).await?;
    let client = host.client();
    let seconds = if quick { 3.0 } else { 10.0 };
    let newest = "/logements/";
    let filtered =
        "/logements/?from=2026-12-19&to=2027-04-12&commune=Vielle-Aure&budget=500&beds=1";
    let keywords = "/logements/?q=studio+t%C3%A9l%C3%A9cabine";
    for (path, expected) in [
        (newest, "n° 1999"),
        (filtered, "Vielle-Aure"),
        (keywords, "Studio près de la télécabine"),
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
    let cached = crate::rate(&client, filtered, CLIENTS, seconds).await?;
    Ok(Figures {
        newest: rates[0],
        filtered: rates[1],
        keywords: rates[2],
        cached,
    })
}
