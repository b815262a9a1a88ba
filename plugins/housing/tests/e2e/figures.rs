//! The convention's figures (page, CSV, the nightly event) over the
//! fixture with a few more homes and requests, and a person's data: the
//! account's download and its erasure, for a seeker and for a landlord.

use std::path::PathBuf;

use anyhow::{Context as _, Result, ensure};
use estive_core::db::entities::outbox_event;
use estive_testing::{PASSWORD, TestHost};
use sea_orm::{ConnectionTrait, EntityTrait, Statement};

use super::{BASE, STAFF, builder, excerpt, expect, shown, unescaped};

/// « Chambre chez l'habitant », published, Paul's.
const CHAMBRE: i64 = 2;
/// « Maison pour trois saisonniers », waiting for review, Paul's.
const MAISON: i64 = 3;

/// The message Sam sent about the room (in the extended fixture).
const SAM_WROTE: &str = "Bonjour, la chambre est-elle libre dès le 15 décembre ?";

/// The fixture with, besides its homes and Sam's request: a home let this
/// winter in Arreau (500 € + 50 €, 3 beds), a home of last winter in
/// Vielle-Aure, a met request naming no commune (2 beds), Sam's
/// conversation about the room with one message, and Sam's saved search.
fn extended(name: &str) -> Result<PathBuf> {
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixture/housing.json");
    let mut data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(fixture)?)?;
    let tables = data["tables"]
        .as_array_mut()
        .context("the fixture's tables")?;
    let home = |title: &str,
                commune: &str,
                status: &str,
                rent: f64,
                charges: f64,
                beds: i64,
                from: &str,
                to: &str,
                published: &str| {
        serde_json::json!({
            "landlord_id": "@mairie", "landlord_name": "Mairie de Vielle-Aure", "landlord_kind": "commune",
            "title": title, "description": "…", "commune": commune, "kind": "flat", "beds": beds,
            "surface": 30, "rent": rent, "charges": charges, "lease": "furnished",
            "available_from": from, "available_to": to, "status": status,
            "published_at": published, "created_at": published, "updated_at": published,
        })
    };
    let extra_homes = [
        home(
            "Appartement loué",
            "Arreau",
            "let",
            500.0,
            50.0,
            3,
            "@today-5",
            "@today+100",
            "@now-20d",
        ),
        home(
            "Studio de l'hiver dernier",
            "Vielle-Aure",
            "expired",
            350.0,
            0.0,
            1,
            "2025-12-15",
            "2026-03-31",
            "2025-11-20T10:00:00Z",
        ),
    ];
    for t in tables.iter_mut() {
        match t["table"].as_str() {
            Some("homes") => t["rows"]
                .as_array_mut()
                .context("homes")?
                .extend(extra_homes.clone()),
            Some("requests") => {
                t["rows"]
                    .as_array_mut()
                    .context("requests")?
                    .push(serde_json::json!({
                        "user_id": "8", "user_name": "Nina Nouvelle", "starts_on": "@today+20",
                        "ends_on": "@today+100", "budget": 600, "beds": 2, "communes": [],
                        "status": "met", "created_at": "@now-10d", "updated_at": "@now-2d",
                        "purge_on": "@today+190",
                    }))
            }
            _ => {}
        }
    }
    tables.push(serde_json::json!({"table": "conversations", "rows": [{
        "_key": "conv", "home_id": "@chambre", "landlord_id": "@paul", "seeker_user_id": "7",
        "seeker_name": "Sam Saisonnier", "status": "open", "created_at": "@now-1d",
        "last_at": "@now-1d", "purge_on": "@today+290",
    }]}));
    tables.push(serde_json::json!({"table": "messages", "rows": [{
        "conversation_id": "@conv", "side": "seeker", "body": SAM_WROTE, "created_at": "@now-1d",
    }]}));
    tables.push(serde_json::json!({"table": "alerts", "rows": [{
        "user_id": "7", "name": "Studios à Saint-Lary", "query": {"commune": "Saint-Lary-Soulan"},
        "created_at": "@now-3d",
    }]}));
    let dir = std::env::temp_dir().join(format!("housing-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join("housing.json"), serde_json::to_string(&data)?)?;
    Ok(dir)
}

async fn started(name: &str) -> Result<TestHost> {
    let host = builder().start().await?;
    let dir = extended(name)?;
    host.load_rows(&dir).await?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(host)
}

/// How many rows of a table of the plugin meet a condition.
async fn count(host: &TestHost, table: &str, condition: &str) -> Result<i64> {
    let db = &host.state.platform.db;
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            format!("SELECT COUNT(*) FROM p_housing__{table} WHERE {condition}"),
        ))
        .await?
        .context("a count")?;
    Ok(row.try_get_by_index::<i64>(0)?)
}

/// A text column of one row.
async fn column(host: &TestHost, table: &str, column: &str, id: i64) -> Result<Option<String>> {
    let db = &host.state.platform.db;
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            format!("SELECT {column} FROM p_housing__{table} WHERE id = {id}"),
        ))
        .await?
        .context("the row")?;
    Ok(row.try_get_by_index::<Option<String>>(0)?)
}

#[tokio::test]
async fn the_seasons_figures_are_shown_by_commune_downloaded_and_published() -> Result<()> {
    let host = started("figures").await?;
    let elu = host.login("elu").await?;
    let page = shown(&elu, &format!("{STAFF}/chiffres")).await?;
    ensure!(page.shows("Hiver 2026-2027"), "{}", excerpt(&page.text));
    ensure!(
        page.shows("du 1er décembre 2026 au 30 avril 2027"),
        "{}",
        excerpt(&page.text)
    );
    ensure!(
        unescaped(&page.text).contains(&format!("href=\"{STAFF}/chiffres\"")),
        "élus find the figures in the navigation"
    );
    ensure!(page.contains("<caption"), "the table has a caption");
    ensure!(page.contains("<th scope=\"row\">Arreau</th>"));
    // Three homes offered this winter (the submitted one and last winter's
    // do not count), 6 beds, rents of 300, 420 and 550 €.
    let foot = &page.text[page.text.find("<tfoot>").context("a total line")?..];
    for cell in [
        "<td class=\"num\">3</td>",
        "<td class=\"num\">6</td>",
        "<td class=\"num\">420\u{a0}€</td>",
        "<td class=\"num\">423,33\u{a0}€</td>",
        "<td class=\"num\">50,0</td>",
    ] {
        ensure!(foot.contains(cell), "{cell}: {}", excerpt(&page.text));
    }
    ensure!(
        page.shows("Sans commune précisée"),
        "the request naming no commune has its row"
    );
    // Last winter: the studio alone.
    let last = shown(&elu, &format!("{STAFF}/chiffres?saison=winter-2025")).await?;
    ensure!(last.shows("Hiver 2025-2026"), "{}", excerpt(&last.text));
    ensure!(
        last.contains("<td class=\"num\">350\u{a0}€</td>"),
        "{}",
        excerpt(&last.text)
    );
    ensure!(
        page.form(&format!("{STAFF}/chiffres"))?
            .options("saison")
            .iter()
            .any(|(value, _)| value == "winter-2025"),
        "the selector offers last winter"
    );

    let csv = elu
        .get(&format!("{STAFF}/chiffres.csv?saison=winter-2026"))
        .await?;
    expect(&csv, 200)?;
    for line in [
        "Saison;Commune;Logements proposés;Couchages;Loyer médian (€ par mois)",
        "Hiver 2026-2027;Saint-Lary-Soulan;1;1;300,00;300,00;0;1;0;0,0;1",
        "Hiver 2026-2027;Vielle-Aure;1;2;420,00;420,00;0;1;0;0,0;1",
        "Hiver 2026-2027;Arreau;1;3;550,00;550,00;1;0;0;;0",
        "Hiver 2026-2027;Sans commune précisée;0;0;;;0;1;1;100,0;2",
        "Hiver 2026-2027;Ensemble du territoire;3;6;420,00;423,33;1;2;1;50,0;3",
    ] {
        ensure!(csv.text.contains(line), "{line}:\n{}", csv.text);
    }

    // A citizen sees none of it.
    let seeker = host.login("seeker").await?;
    let denied = seeker.get(&format!("{STAFF}/chiffres")).await?;
    ensure!(
        !denied.shows("Hiver 2026-2027"),
        "{}",
        excerpt(&denied.text)
    );
    let denied = seeker.get(&format!("{STAFF}/chiffres.csv")).await?;
    ensure!(!denied.text.contains("Ensemble du territoire"));

    host.run_schedule("housing", "figures").await?;
    let events: Vec<serde_json::Value> = outbox_event::Entity::find()
        .all(&host.state.platform.db)
        .await?
        .into_iter()
        .filter(|e| e.topic == "housing.season-figures")
        .map(|e| serde_json::from_str(&e.payload).unwrap_or_default())
        .collect();
    ensure!(events.len() == 1, "{events:?}");
    let e = &events[0];
    ensure!(
        e["season"] == "winter-2026"
            && e["date"] == "2026-12-07"
            && e["season_start"] == "2026-12-01"
            && e["season_end"] == "2027-04-30",
        "{e}"
    );
    ensure!(
        e["homes"] == 3
            && e["beds"] == 6
            && e["median_rent"] == 420.0
            && e["average_rent"] == 423.33
            && e["homes_let"] == 1
            && e["requests"] == 2
            && e["requests_met"] == 1
            && e["share_met"] == 50.0
            && e["beds_asked"] == 3,
        "{e}"
    );
    ensure!(
        e["by_commune"]["Arreau"]["homes_let"] == 1
            && e["by_commune"]["Vielle-Aure"]["median_rent"] == 420.0
            && e["by_commune"]["Arreau"]["share_met"].is_null()
            && e["by_commune"][""]["requests_met"] == 1,
        "{e}"
    );
    Ok(())
}

// Personal data -------------------------------------------------------------------

#[tokio::test]
async fn a_seeker_downloads_their_data_and_erasing_the_account_deletes_it() -> Result<()> {
    let host = started("seeker-data").await?;
    let seeker = host.login("seeker").await?;
    let data = seeker.get("/compte/donnees.json").await?;
    expect(&data, 200)?;
    for expected in [SAM_WROTE, "Perchman pour la saison", "Studios à Saint-Lary"] {
        ensure!(data.text.contains(expected), "{expected}: {}", data.text);
    }
    ensure!(
        !data.text.contains("12 chemin de Soulan"),
        "no landlord's address in a seeker's data"
    );

    let gone = seeker
        .post_form("/compte/supprimer", &[("password", PASSWORD)])
        .await?;
    ensure!(gone.status < 400, "account deleted: {}", gone.status);
    ensure!(count(&host, "conversations", "seeker_user_id = '7'").await? == 0);
    ensure!(count(&host, "messages", "1 = 1").await? == 0);
    ensure!(count(&host, "requests", "user_id = '7'").await? == 0);
    ensure!(count(&host, "alerts", "user_id = '7'").await? == 0);
    // Others' rows stay.
    ensure!(count(&host, "requests", "user_id = '8'").await? == 1);
    ensure!(count(&host, "homes", "status = 'published'").await? == 2);
    Ok(())
}

#[tokio::test]
async fn an_erased_landlord_keeps_no_name_phone_address_photo_or_conversation() -> Result<()> {
    let host = started("landlord-data").await?;
    let paul = host.login("paul").await?;
    let page = shown(
        &paul,
        &format!("{BASE}/espace-bailleur/logements/{CHAMBRE}/photos"),
    )
    .await?;
    let mut form = page.form_with("photo")?;
    form.attach(
        "photo",
        "chambre.jpg",
        "image/jpeg",
        super::photos::jpeg(800, 600),
    )?;
    form.set("alt", "La chambre")?;
    expect(&form.submit(&paul).await?, 200)?;
    ensure!(count(&host, "photos", &format!("home_id = {CHAMBRE}")).await? == 1);

    let data = paul.get("/compte/donnees.json").await?;
    expect(&data, 200)?;
    let json: serde_json::Value = serde_json::from_str(&data.text)?;
    let text = json.to_string();
    for expected in [
        "06 12 34 56 78",
        "Chambre chez l'habitant avec vue",
        "12 chemin de Soulan",
        SAM_WROTE,
    ] {
        ensure!(text.contains(expected), "{expected}: {text}");
    }
    let homes = find_key(&json, "homes").context("the homes in the download")?;
    ensure!(
        homes
            .as_array()
            .is_some_and(|h| h.iter().any(|h| h["id"] == CHAMBRE && h["photos"] == 1)),
        "{homes}"
    );
    ensure!(!text.contains("\"data\""), "no photo bytes: {text}");

    let gone = paul
        .post_form("/compte/supprimer", &[("password", PASSWORD)])
        .await?;
    ensure!(gone.status < 400, "account deleted: {}", gone.status);
    ensure!(count(&host, "landlords", "user_id = 'erased-2'").await? == 1);
    ensure!(text_of_landlord(&host, "name").await?.as_deref() == Some("Compte supprimé"));
    ensure!(text_of_landlord(&host, "phone").await?.is_none());
    ensure!(text_of_landlord(&host, "status").await?.as_deref() == Some("suspended"));
    for home in [CHAMBRE, MAISON] {
        ensure!(column(&host, "homes", "status", home).await?.as_deref() == Some("withdrawn"));
        ensure!(column(&host, "homes", "address", home).await?.is_none());
    }
    ensure!(count(&host, "photos", "1 = 1").await? == 0);
    ensure!(count(&host, "homes", &format!("id = {CHAMBRE} AND photos = 0")).await? == 1);
    ensure!(count(&host, "conversations", "1 = 1").await? == 0);
    ensure!(count(&host, "messages", "1 = 1").await? == 0);
    // The room is no longer on the portal.
    let visitor = host.client();
    let page = visitor.get(&format!("{BASE}/annonces/{CHAMBRE}")).await?;
    ensure!(page.status == 404 || !page.shows("Chambre chez l'habitant avec vue"));
    Ok(())
}

/// A text column of Paul's landlord row (id 2).
async fn text_of_landlord(host: &TestHost, column: &str) -> Result<Option<String>> {
    self::column(host, "landlords", column, 2).await
}

/// The first value under `key` anywhere in a JSON document.
fn find_key<'a>(value: &'a serde_json::Value, key: &str) -> Option<&'a serde_json::Value> {
    match value {
        serde_json::Value::Object(map) => map
            .get(key)
            .or_else(|| map.values().find_map(|v| find_key(v, key))),
        serde_json::Value::Array(list) => list.iter().find_map(|v| find_key(v, key)),
        _ => None,
    }
}
