//! People looking for a home: the list and each of its filters and
//! orders, keywords ranked, a home's page for the public, once closed and
//! before publication (without its address ever), its photos, saved
//! searches and their daily mail, and the portal's widget.
//!
//! Besides the fixture's homes (1 « Studio communal », 380 € + 40 €,
//! 2 « Chambre chez l'habitant », 300 €, 3 « Maison pour trois
//! saisonniers » submitted), these tests load: 4 « Appartement au pied
//! des pistes » (Saint-Lary-Soulan, unfurnished, 520 € + 60 €, winter and
//! all year, 2 min from the lifts, pets), 5 « Colocation des saisonniers »
//! (Arreau, summer, 250 € + 30 €, shared, no distance given, naming a
//! studio in its description only), 6 « Studio déjà loué » (let), 7
//! « Brouillon de la mairie » (a draft) and 8 « Gîte rénové » (Vielle-Aure,
//! 410 € without charges, 4 beds, published in three hours, for the
//! mails). The site's today is Monday 7 December 2026: the studio is free
//! from 17 December 2026 to 16 April 2027 (8 weeks at least), the room
//! from 12 December 2026 to 25 June 2027 (4 weeks).

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context as _, Result, ensure};
use estive_testing::{Builder, Client, Database, Page, TestHost};
use serde_json::{Value, json};

use super::{BASE, builder, decoded, excerpt, expect, shown, unescaped};

/// The homes of these tests, after the fixture's three.
fn more_homes() -> Vec<Value> {
    vec![
        json!({"_key": "appartement", "landlord_id": "@paul", "landlord_name": "Paul",
            "landlord_kind": "private", "title": "Appartement au pied des pistes",
            "description": "Deux pièces avec balcon.", "commune": "Saint-Lary-Soulan",
            "insee": "65388", "area": "Pla d'Adet",
            "address": "7 résidence du Pla d'Adet, 65170 Saint-Lary-Soulan", "kind": "flat",
            "beds": 3, "shared": false, "furnished": false, "surface": 38, "ceiling": 2.5,
            "rent": 520, "charges": 60, "deposit": 520, "lease": "furnished", "visale": true,
            "minutes_lifts": 2, "seasons": ["winter", "year"], "available_from": "@today-10",
            "available_to": "@today+365", "min_stay_weeks": 4, "pets": true, "smoking": false,
            "status": "published", "published_at": "@now-5d", "created_by": "6",
            "created_at": "@now-6d", "updated_at": "@now-5d"}),
        json!({"_key": "colocation", "landlord_id": "@mairie",
            "landlord_name": "Mairie de Vielle-Aure", "landlord_kind": "commune",
            "title": "Colocation des saisonniers",
            "description": "Trois chambres et un studio indépendant, cuisine commune.",
            "commune": "Arreau", "insee": "65017", "area": "Centre",
            "address": "1 rue du Moulin, 65240 Arreau", "kind": "shared", "beds": 1,
            "shared": true, "furnished": true, "surface": 12, "ceiling": 2.4, "rent": 250,
            "charges": 30, "deposit": 250, "lease": "mobility", "visale": false,
            "seasons": ["summer"], "available_from": "@today+150", "available_to": "@today+280",
            "min_stay_weeks": 2, "pets": false, "smoking": false, "status": "published",
            "published_at": "@now-2h", "created_by": "5", "created_at": "@now-1d",
            "updated_at": "@now-2h"}),
        json!({"_key": "loue", "landlord_id": "@mairie", "landlord_name": "Mairie de Vielle-Aure",
            "landlord_kind": "commune", "title": "Studio déjà loué",
            "description": "Studio loué pour la saison.", "commune": "Vielle-Aure",
            "insee": "65462", "area": "Le Bourg", "address": "5 place de la Mairie, 65170 Vielle-Aure",
            "kind": "studio", "beds": 1, "shared": false, "furnished": true, "surface": 18,
            "rent": 350, "charges": 30, "deposit": 0, "lease": "mobility", "visale": true,
            "minutes_lifts": 6, "seasons": ["winter"], "available_from": "@today+10",
            "available_to": "@today+130", "min_stay_weeks": 4, "pets": false,
            "smoking": false, "status": "let", "published_at": "@now-20d",
            "closed_at": "@now-2d", "created_by": "5", "created_at": "@now-21d",
            "updated_at": "@now-2d"}),
        json!({"_key": "brouillon", "landlord_id": "@mairie",
            "landlord_name": "Mairie de Vielle-Aure", "landlord_kind": "commune",
            "title": "Brouillon de la mairie", "description": "À compléter.",
            "commune": "Vielle-Aure", "insee": "65462", "address": "Mairie, 65170 Vielle-Aure",
            "kind": "studio", "beds": 1, "surface": 20, "rent": 300, "charges": 0,
            "lease": "mobility", "seasons": ["winter"], "available_from": "@today+10",
            "available_to": "@today+100", "status": "draft", "created_by": "5",
            "created_at": "@now-1d", "updated_at": "@now-1d"}),
        json!({"_key": "gite", "landlord_id": "@mairie", "landlord_name": "Mairie de Vielle-Aure",
            "landlord_kind": "commune", "title": "Gîte rénové",
            "description": "Gîte communal pour une équipe de saisonniers.",
            "commune": "Vielle-Aure", "insee": "65462", "area": "La Cité",
            "address": "2 chemin de la Cité, 65170 Vielle-Aure", "kind": "house", "beds": 4,
            "shared": false, "furnished": true, "surface": 60, "ceiling": 2.3, "rent": 410,
            "charges": 0, "deposit": 0, "lease": "mobility", "visale": false,
            "minutes_lifts": 8, "seasons": ["winter"], "available_from": "@today+20",
            "available_to": "@today+120", "min_stay_weeks": 4, "pets": false,
            "smoking": false, "status": "published", "published_at": "@now+3h",
            "created_by": "5", "created_at": "@now-1d", "updated_at": "@now-1d"}),
    ]
}

/// `count` plain homes of Arreau with five beds, for the pager: the
/// first is the newest and the cheapest.
fn many_homes(count: usize) -> Vec<Value> {
    (1..=count)
        .map(|n| {
            json!({"landlord_id": "@paul", "landlord_name": "Paul", "landlord_kind": "private",
                "title": format!("Maison n°{n}"), "description": "Maison.", "commune": "Arreau",
                "insee": "65017", "kind": "house", "beds": 5, "surface": 80,
                "rent": 500 + n, "charges": 0, "lease": "furnished", "seasons": ["winter"],
                "available_from": "@today", "available_to": "@today+100", "status": "published",
                "published_at": format!("@now-{}d", 30 + n), "created_at": "@now-60d",
                "updated_at": "@now-30d"})
        })
        .collect()
}

/// A started host with the fixture and `extra` homes loaded.
async fn with_homes(builder: Builder, extra: Vec<Value>) -> Result<TestHost> {
    static RUN: AtomicUsize = AtomicUsize::new(0);
    let host = builder.start().await?;
    let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixture/housing.json");
    let mut data: Value = serde_json::from_str(&std::fs::read_to_string(fixture)?)?;
    let homes = data["tables"]
        .as_array_mut()
        .and_then(|tables| tables.iter_mut().find(|t| t["table"] == "homes"))
        .and_then(|t| t["rows"].as_array_mut())
        .context("the fixture's homes")?;
    homes.extend(extra);
    let dir = std::env::temp_dir().join(format!(
        "housing-search-{}-{}",
        std::process::id(),
        RUN.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join("housing.json"), serde_json::to_string(&data)?)?;
    host.load_rows(&dir).await?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(host)
}

/// The titles of the homes a list page shows, in order.
fn titles(page: &Page) -> Vec<String> {
    let text = unescaped(&page.text)
        .replace("&lt;", "<")
        .replace("&gt;", ">");
    let mut out = Vec::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("class=\"card-link\"") {
        rest = &rest[at..];
        let start = rest.find('>').map_or(0, |i| i + 1);
        let end = rest.find("</a>").unwrap_or(rest.len());
        out.push(rest[start..end].trim().to_string());
        rest = &rest[end..];
    }
    out
}

/// The list page for a query string.
async fn list(client: &Client, query: &str) -> Result<Page> {
    shown(client, &format!("{BASE}/?{query}")).await
}

/// Whether exactly these homes are listed, in this order (by the start
/// of their title).
fn lists(page: &Page, wanted: &[&str]) -> Result<()> {
    let found = titles(page);
    ensure!(
        found.len() == wanted.len() && wanted.iter().zip(&found).all(|(w, t)| t.starts_with(w)),
        "expected {wanted:?}, listed {found:?} at {}",
        page.path
    );
    Ok(())
}

/// Whether the list at `query` shows exactly these homes, in order.
async fn finds(client: &Client, query: &str, wanted: &[&str]) -> Result<()> {
    lists(&list(client, query).await?, wanted)
}

#[tokio::test]
async fn each_filter_narrows_the_list_to_published_homes() -> Result<()> {
    let host = with_homes(builder(), more_homes()).await?;
    let client = host.client();

    let all = shown(&client, &format!("{BASE}/")).await?;
    // Newest first; neither the home under review, the draft nor the let one.
    lists(
        &all,
        &[
            "Gîte",
            "Colocation",
            "Chambre",
            "Studio communal",
            "Appartement",
        ],
    )?;
    ensure!(all.shows("5 logements"), "{}", excerpt(&all.text));
    ensure!(
        all.shows("420 € par mois") && all.shows("charges comprises"),
        "the monthly total: {}",
        excerpt(&all.text)
    );
    ensure!(all.shows("Studio · Vielle-Aure, Le Bourg"));
    ensure!(all.shows("du 17 décembre 2026 au 16 avril 2027"));
    ensure!(all.shows("Remontées mécaniques : 5 min"));
    ensure!(all.shows("Visale acceptée") && all.shows("Animaux acceptés"));

    // Through the form: a commune by its name in the list, a kind.
    let mut form = all.form(&format!("{BASE}/"))?;
    form.choose("commune", "Saint-Lary-Soulan")?;
    form.check("kind", "flat")?;
    let page = form.submit(&client).await?;
    expect(&page, 200)?;
    lists(&page, &["Appartement"])?;
    ensure!(page.shows("1 logement"), "{}", excerpt(&page.text));
    ensure!(
        page.form(&format!("{BASE}/"))?.value("commune").as_deref() == Some("65388"),
        "the chosen commune is kept"
    );

    // The period wanted: the home is free all of it, and its minimum
    // stay fits in it.
    finds(
        &client,
        "from=2026-12-20&to=2027-03-31",
        &["Chambre", "Studio communal", "Appartement"],
    )
    .await?;
    finds(
        &client,
        "from=2026-12-20&to=2027-01-31",
        &["Chambre", "Appartement"],
    )
    .await?;
    // One date: free that day.
    finds(
        &client,
        "from=2027-05-15",
        &["Colocation", "Chambre", "Appartement"],
    )
    .await?;

    // A budget counts the charges: the studio's rent is 380 €, 420 € with them.
    finds(&client, "budget=415", &["Gîte", "Colocation", "Chambre"]).await?;
    finds(
        &client,
        "budget=420",
        &["Gîte", "Colocation", "Chambre", "Studio communal"],
    )
    .await?;
    finds(&client, "beds=3", &["Gîte", "Appartement"]).await?;
    finds(
        &client,
        "kind=studio&kind=flat",
        &["Studio communal", "Appartement"],
    )
    .await?;
    finds(
        &client,
        "furnished=on",
        &["Gîte", "Colocation", "Chambre", "Studio communal"],
    )
    .await?;
    finds(
        &client,
        "unshared=on",
        &["Gîte", "Studio communal", "Appartement"],
    )
    .await?;
    finds(&client, "pets=on", &["Chambre", "Appartement"]).await?;
    // A home that does not give its distance is left out.
    finds(&client, "lifts=5", &["Studio communal", "Appartement"]).await?;
    finds(
        &client,
        "lifts=10",
        &["Gîte", "Studio communal", "Appartement"],
    )
    .await?;
    finds(&client, "commune=65462", &["Gîte", "Studio communal"]).await?;
    // A home of all year fits each season, and is listed once.
    let winter = list(&client, "season=winter").await?;
    lists(
        &winter,
        &["Gîte", "Chambre", "Studio communal", "Appartement"],
    )?;
    ensure!(winter.shows("4 logements"), "{}", excerpt(&winter.text));
    finds(
        &client,
        "season=summer",
        &["Colocation", "Chambre", "Appartement"],
    )
    .await?;
    finds(&client, "season=year", &["Appartement"]).await?;
    finds(
        &client,
        "season=winter&budget=500&furnished=on&beds=2",
        &["Gîte", "Studio communal"],
    )
    .await?;

    // Nothing found: a way out.
    let none = list(&client, "budget=100").await?;
    ensure!(titles(&none).is_empty());
    ensure!(
        none.shows("Aucun logement ne correspond") && none.shows("Effacer les filtres"),
        "{}",
        excerpt(&none.text)
    );
    Ok(())
}

#[tokio::test]
async fn homes_sort_by_price_with_charges_and_by_distance() -> Result<()> {
    let host = with_homes(builder(), more_homes()).await?;
    let client = host.client();
    let page = list(&client, "sort=cheapest").await?;
    // The gîte (410 €) before the studio (380 € + 40 €).
    lists(
        &page,
        &[
            "Colocation",
            "Chambre",
            "Gîte",
            "Studio communal",
            "Appartement",
        ],
    )?;
    ensure!(page.shows("du moins cher au plus cher"));
    ensure!(
        page.form(&format!("{BASE}/"))?.value("sort").as_deref() == Some("cheapest"),
        "the order chosen is kept"
    );
    // Those that do not give the distance come last.
    finds(
        &client,
        "sort=lifts",
        &[
            "Appartement",
            "Studio communal",
            "Gîte",
            "Chambre",
            "Colocation",
        ],
    )
    .await?;
    finds(
        &client,
        "sort=newest&season=winter",
        &["Gîte", "Chambre", "Studio communal", "Appartement"],
    )
    .await?;
    finds(
        &client,
        "sort=cheapest&season=winter&pets=on",
        &["Chambre", "Appartement"],
    )
    .await?;
    Ok(())
}

#[tokio::test]
async fn keywords_rank_a_home_with_the_word_in_its_title_first() -> Result<()> {
    let host = with_homes(builder(), more_homes()).await?;
    let client = host.client();
    let page = list(&client, "q=studio").await?;
    // The shared flat is newer but names a studio in its description
    // only; the let studio is not listed.
    lists(&page, &["Studio communal", "Colocation"])?;
    ensure!(page.shows("2 logements") && page.shows("par pertinence"));
    // Keywords and filters together, the budget with its charges.
    finds(&client, "q=studio&budget=300", &["Colocation"]).await?;
    finds(
        &client,
        "q=studio&sort=cheapest",
        &["Colocation", "Studio communal"],
    )
    .await?;
    // The area is searched; accents ignored.
    finds(&client, "q=adet", &["Appartement"]).await?;
    finds(&client, "q=gite", &["Gîte"]).await?;
    // Query syntax is only words.
    finds(&client, "q=%22studio%22+OR+*", &[]).await?;
    Ok(())
}

#[tokio::test]
async fn a_wrong_date_is_shown_beside_its_field_and_the_rest_still_runs() -> Result<()> {
    let host = with_homes(builder(), more_homes()).await?;
    let client = host.client();
    let page = client
        .get(&format!(
            "{BASE}/?from=31%2F12%2F2026&kind=room&to=2027-01-15"
        ))
        .await?;
    expect(&page, 422)?;
    let summary = page.error_summary();
    ensure!(
        summary.len() == 1 && summary[0].0 == "housing-search-from",
        "{summary:?}"
    );
    ensure!(
        summary[0].1.contains("AAAA-MM-JJ"),
        "the error says how to write it: {summary:?}"
    );
    ensure!(page.title().starts_with("Erreur"), "{}", page.title());
    // What was typed is kept, and the other filters still apply.
    let form = page.form(&format!("{BASE}/"))?;
    ensure!(form.value("from").as_deref() == Some("31/12/2026"));
    ensure!(form.values("kind") == ["room"]);
    lists(&page, &["Chambre"])?;

    // An end before the start: the start alone is used.
    let page = client
        .get(&format!("{BASE}/?from=2027-01-10&to=2027-01-01"))
        .await?;
    expect(&page, 422)?;
    ensure!(page.error_summary()[0].0 == "housing-search-to");
    lists(
        &page,
        &["Gîte", "Chambre", "Studio communal", "Appartement"],
    )?;

    // Other wrong values, each beside its field.
    let page = client
        .get(&format!(
            "{BASE}/?budget=beaucoup&beds=0&lifts=-2&commune=Paris"
        ))
        .await?;
    expect(&page, 422)?;
    let fields: Vec<String> = page.error_summary().into_iter().map(|(id, _)| id).collect();
    ensure!(
        fields
            == [
                "housing-search-commune",
                "housing-search-budget",
                "housing-search-beds",
                "housing-search-lifts"
            ],
        "{fields:?}"
    );
    ensure!(titles(&page).len() == 5);
    Ok(())
}

#[tokio::test]
async fn results_are_paged_with_the_filters_kept() -> Result<()> {
    let host = with_homes(builder(), many_homes(25)).await?;
    let client = host.client();
    let first = list(&client, "beds=5").await?;
    ensure!(first.shows("25 logements"), "{}", excerpt(&first.text));
    let shown_first = titles(&first);
    ensure!(shown_first.len() == 20, "{shown_first:?}");
    ensure!(shown_first[0] == "Maison n°1");
    ensure!(
        unescaped(&first.text).contains("href=\"?beds=5&page=2\" rel=\"next\""),
        "{}",
        excerpt(&first.text)
    );
    let second = list(&client, "beds=5&page=2").await?;
    let shown_second = titles(&second);
    ensure!(shown_second.len() == 5, "{shown_second:?}");
    ensure!(shown_second[4] == "Maison n°25");
    ensure!(
        unescaped(&second.text).contains("aria-current=\"page\""),
        "the current page is marked"
    );
    let beyond = list(&client, "beds=5&page=9").await?;
    ensure!(
        titles(&beyond).is_empty() && beyond.shows("la recherche compte 2 pages"),
        "{}",
        excerpt(&beyond.text)
    );
    // Paged when the plugin orders too: by price, and over the two
    // alternatives of a season.
    let dearest = list(&client, "beds=5&sort=cheapest&page=2").await?;
    ensure!(dearest.shows("25 logements"));
    ensure!(
        titles(&dearest)
            == [
                "Maison n°21",
                "Maison n°22",
                "Maison n°23",
                "Maison n°24",
                "Maison n°25"
            ]
    );
    let winter = list(&client, "beds=5&season=winter&page=2").await?;
    ensure!(titles(&winter).len() == 5 && winter.shows("25 logements"));
    ensure!(
        unescaped(&winter.text).contains("href=\"?beds=5&season=winter&page=1\" rel=\"prev\""),
        "{}",
        excerpt(&winter.text)
    );
    Ok(())
}

/// Whether the page shows none of the fixture's exact addresses.
fn no_address(page: &Page) -> Result<()> {
    let text = unescaped(&page.text);
    for address in [
        "3 place de la Mairie",
        "12 chemin de Soulan",
        "5 rue de la Gare",
        "7 résidence du Pla",
        "2 chemin de la Cité",
        "65170",
        "65240",
    ] {
        ensure!(
            !text.contains(address),
            "« {address} » shown at {}",
            page.path
        );
    }
    Ok(())
}

#[tokio::test]
async fn a_home_page_shows_the_home_and_how_to_write_but_never_its_address() -> Result<()> {
    let host = with_homes(builder(), more_homes()).await?;
    let anonymous = host.client();

    let page = shown(&anonymous, &format!("{BASE}/annonces/1")).await?;
    ensure!(page.heading() == "Studio communal près des télécabines");
    ensure!(page.shows("Le Bourg") && page.shows("Bail mobilité"));
    ensure!(page.shows("Remontées mécaniques : 5 min"));
    let text = unescaped(&page.text);
    ensure!(text.contains(&format!("href=\"{BASE}/annonces/1/contact\"")));
    ensure!(page.shows("Il faut vous connecter pour écrire au bailleur."));
    // Breadcrumbs: the list, then the commune's homes.
    ensure!(text.contains(&format!("href=\"{BASE}/\"")));
    ensure!(text.contains(&format!("href=\"{BASE}/?commune=65462\"")));
    no_address(&page)?;
    for id in [2, 4, 5, 8] {
        no_address(&shown(&anonymous, &format!("{BASE}/annonces/{id}")).await?)?;
    }

    // Signed in: no hint; its landlord sees no button to write to themself.
    let seeker = host.login("seeker").await?;
    let page = shown(&seeker, &format!("{BASE}/annonces/1")).await?;
    ensure!(unescaped(&page.text).contains(&format!("href=\"{BASE}/annonces/1/contact\"")));
    ensure!(!page.shows("Il faut vous connecter"));
    let mairie = host.login("mairie").await?;
    let page = shown(&mairie, &format!("{BASE}/annonces/1")).await?;
    ensure!(!unescaped(&page.text).contains("/annonces/1/contact"));
    ensure!(
        page.shows("C'est votre logement."),
        "{}",
        excerpt(&page.text)
    );
    no_address(&page)?;
    Ok(())
}

#[tokio::test]
async fn closed_homes_stay_readable_and_drafts_are_previews() -> Result<()> {
    let host = with_homes(builder(), more_homes()).await?;
    let anonymous = host.client();

    // Let: shown, marked closed, no way to write.
    let page = shown(&anonymous, &format!("{BASE}/annonces/6")).await?;
    ensure!(
        page.shows("Ce logement est loué"),
        "{}",
        excerpt(&page.text)
    );
    ensure!(!unescaped(&page.text).contains("/annonces/6/contact"));
    no_address(&page)?;

    // Waiting for review, or a draft: not found for the public and
    // other accounts.
    for id in [3, 7] {
        expect(&anonymous.get(&format!("{BASE}/annonces/{id}")).await?, 404)?;
    }
    let seeker = host.login("seeker").await?;
    expect(&seeker.get(&format!("{BASE}/annonces/3")).await?, 404)?;
    let mairie = host.login("mairie").await?;
    expect(&mairie.get(&format!("{BASE}/annonces/3")).await?, 404)?;
    expect(&anonymous.get(&format!("{BASE}/annonces/999")).await?, 404)?;

    // Its landlord and staff see a preview, without a way to write.
    let paul = host.login("paul").await?;
    let page = shown(&paul, &format!("{BASE}/annonces/3")).await?;
    ensure!(
        page.shows("Aperçu") && page.shows("En attente de relecture"),
        "{}",
        excerpt(&page.text)
    );
    ensure!(page.shows("parce qu'il est le vôtre"));
    ensure!(
        unescaped(&page.text).contains(&format!("href=\"{BASE}/espace-bailleur/logements/3\""))
    );
    ensure!(!unescaped(&page.text).contains("/annonces/3/contact"));
    no_address(&page)?;
    let page = shown(&mairie, &format!("{BASE}/annonces/7")).await?;
    ensure!(page.shows("Brouillon"), "{}", excerpt(&page.text));
    let staff = host.login("agent").await?;
    let page = shown(&staff, &format!("{BASE}/annonces/3")).await?;
    ensure!(
        page.shows("en tant que modérateur"),
        "{}",
        excerpt(&page.text)
    );
    ensure!(unescaped(&page.text).contains("/extranet/logements/logements/3"));
    no_address(&page)?;
    Ok(())
}

#[tokio::test]
async fn photos_show_as_a_gallery_with_their_descriptions() -> Result<()> {
    let host = with_homes(builder(), more_homes()).await?;
    {
        use sea_orm::ConnectionTrait;
        let db = &host.state.platform.db;
        db.execute_unprepared(
            "INSERT INTO p_housing__photos (site_id, home_id, position, data, width, height, size, alt, created_at) \
             SELECT site_id, id, 0, X'FFD8FFD9', 1600, 1200, 4, 'Le séjour et sa kitchenette', '2026-12-04T08:00:00Z' \
             FROM p_housing__homes WHERE id = 1 \
             UNION ALL SELECT site_id, id, 1, X'FFD8FFD9', 900, 1600, 4, '', '2026-12-04T08:00:00Z' \
             FROM p_housing__homes WHERE id = 1",
        )
        .await?;
        db.execute_unprepared(
            "UPDATE p_housing__homes SET photos = 2, cover_photo = 1 WHERE id = 1",
        )
        .await?;
    }
    let client = host.client();
    let page = shown(&client, &format!("{BASE}/annonces/1")).await?;
    let text = unescaped(&page.text);
    ensure!(text.contains("<figure"), "{}", excerpt(&page.text));
    ensure!(
        text.contains(&format!(
            "<img src=\"{BASE}/annonces/1/photos/1\" alt=\"Le séjour et sa kitchenette\" width=\"960\" height=\"720\""
        )),
        "{}",
        excerpt(&page.text)
    );
    // A photo without a description is still named.
    ensure!(
        text.contains(&format!(
            "<img src=\"{BASE}/annonces/1/photos/2\" alt=\"Studio communal près des télécabines, photo 2 sur 2\" width=\"180\" height=\"320\""
        )),
        "{}",
        excerpt(&page.text)
    );
    // The card's photo is decoration, its size given.
    let list = shown(&client, &format!("{BASE}/")).await?;
    ensure!(
        unescaped(&list.text).contains(&format!(
            "src=\"{BASE}/annonces/1/photos/1\" alt=\"\" width=\"320\" height=\"240\""
        )),
        "{}",
        excerpt(&list.text)
    );
    // A home without photos has no gallery.
    let page = shown(&client, &format!("{BASE}/annonces/2")).await?;
    ensure!(!page.contains("<figure"));
    Ok(())
}

#[tokio::test]
async fn the_list_links_to_the_persons_own_pages() -> Result<()> {
    let host = with_homes(builder(), Vec::new()).await?;
    let page = shown(&host.client(), &format!("{BASE}/")).await?;
    ensure!(page.shows("Votre espace"));
    let text = unescaped(&page.text);
    for path in ["/messages", "/demandes", "/alertes", "/espace-bailleur"] {
        ensure!(
            text.contains(&format!("href=\"{BASE}{path}\"")),
            "no link to {path}"
        );
    }
    Ok(())
}

/// The link of the list page to save its search.
fn save_link(page: &Page) -> Result<String> {
    let text = unescaped(&page.text);
    let at = text
        .find("Recevoir ces logements par courriel")
        .context("no link to save the search")?;
    let start = text[..at].rfind("href=\"").context("no href")? + "href=\"".len();
    let end = start + text[start..].find('"').context("unclosed href")?;
    Ok(text[start..end].to_string())
}

/// Saves the search of the list page at `query` under its default name,
/// as the person would from the list page.
async fn save_search(client: &Client, query: &str) -> Result<Page> {
    let page = list(client, query).await?;
    let link = save_link(&page)?;
    let page = shown(client, &link).await?;
    page.form(&format!("{BASE}/alertes"))?.submit(client).await
}

#[tokio::test]
async fn a_search_is_saved_from_the_list_page_and_deleted() -> Result<()> {
    let host = with_homes(builder(), more_homes()).await?;
    let seeker = host.login("seeker").await?;

    let page = list(
        &seeker,
        "commune=65462&furnished=on&budget=450&sort=cheapest",
    )
    .await?;
    let link = save_link(&page)?;
    // The order is not part of a saved search.
    ensure!(
        link == format!("{BASE}/alertes?commune=65462&budget=450&furnished=on"),
        "{link}"
    );
    let page = shown(&seeker, &link).await?;
    ensure!(page.shows("Vielle-Aure") && page.shows("450 € par mois au plus"));
    let mut form = page.form(&format!("{BASE}/alertes"))?;
    ensure!(
        form.value("name").as_deref() == Some("Vielle-Aure, 450\u{a0}€ par mois au plus, meublé"),
        "{:?}",
        form.value("name")
    );
    form.set("name", "")?;
    let page = form.submit(&seeker).await?;
    expect(&page, 422)?;
    ensure!(page.error_summary()[0].0 == "housing-alert-name");
    let mut form = page.form(&format!("{BASE}/alertes"))?;
    form.set("name", "Meublé à Vielle-Aure")?;
    let page = form.submit(&seeker).await?;
    expect(&page, 200)?;
    ensure!(
        page.shows("Votre recherche est enregistrée"),
        "{}",
        excerpt(&page.text)
    );
    ensure!(page.shows("Meublé à Vielle-Aure") && page.shows("Vos recherches (1 sur 20)"));
    ensure!(unescaped(&page.text).contains(&format!(
        "href=\"{BASE}/?commune=65462&budget=450&furnished=on\""
    )));

    // The same search again is refused, saying under which name.
    let page = save_search(&seeker, "furnished=on&budget=450,00&commune=Vielle-Aure").await?;
    expect(&page, 422)?;
    ensure!(
        page.shows("déjà enregistrée sous le nom « Meublé à Vielle-Aure »"),
        "{}",
        excerpt(&page.text)
    );

    // Anonymous visitors are asked to sign in.
    let page = host.client().get(&format!("{BASE}/alertes?beds=2")).await?;
    ensure!(page.path.starts_with("/login"), "{}", page.path);

    // Somebody else cannot delete it; its owner can.
    let other = host.login("newowner").await?;
    let before = shown(&other, &format!("{BASE}/alertes")).await?;
    ensure!(before.shows("Aucune recherche enregistrée"));
    let page = other
        .post_form(&format!("{BASE}/alertes/1/supprimer"), &[])
        .await?;
    expect(&page, 404)?;
    let page = shown(&seeker, &format!("{BASE}/alertes")).await?;
    let page = page
        .form(&format!("{BASE}/alertes/1/supprimer"))?
        .submit(&seeker)
        .await?;
    expect(&page, 200)?;
    ensure!(page.shows("La recherche est supprimée") && page.shows("Aucune recherche enregistrée"));
    Ok(())
}

#[tokio::test]
async fn no_more_than_twenty_searches_are_saved() -> Result<()> {
    let host = with_homes(builder(), Vec::new()).await?;
    let seeker = host.login("seeker").await?;
    for n in 1..=20 {
        let page = seeker
            .post_form(
                &format!("{BASE}/alertes"),
                &[
                    ("name", &format!("Budget {n}")),
                    ("budget", &format!("{}", 300 + n)),
                ],
            )
            .await?;
        expect(&page, 200)?;
    }
    let page = list(&seeker, "beds=2").await?;
    let page = shown(&seeker, &save_link(&page)?).await?;
    ensure!(page.shows("le maximum"), "{}", excerpt(&page.text));
    ensure!(page.forms().iter().all(|f| !f.action.ends_with("/alertes")));
    let page = seeker
        .post_form(
            &format!("{BASE}/alertes"),
            &[("name", "Encore"), ("beds", "2")],
        )
        .await?;
    expect(&page, 422)?;
    ensure!(
        page.shows("20 recherches enregistrées"),
        "{}",
        excerpt(&page.text)
    );
    Ok(())
}

#[tokio::test]
async fn new_homes_are_mailed_once_a_day() -> Result<()> {
    let host = with_homes(builder(), more_homes()).await?;
    let seeker = host.login("seeker").await?;
    // Saved at 08:00; the gîte is published at 11:00.
    expect(
        &save_search(&seeker, "commune=65462&furnished=on").await?,
        200,
    )?;
    expect(&save_search(&seeker, "beds=4").await?, 200)?;
    expect(&save_search(&seeker, "pets=on").await?, 200)?;
    let mails = host.mails().len();

    // Not before seven in the morning.
    host.set_now("2026-12-08T06:30:00+01:00");
    host.run_schedule("housing", "alerts").await?;
    ensure!(host.mails().len() == mails, "nothing before 07:00");

    host.set_now("2026-12-08T07:15:00+01:00");
    host.run_schedule("housing", "alerts").await?;
    let sent = host.mails();
    ensure!(
        sent.len() == mails + 1,
        "one mail for the person's searches"
    );
    let mail = decoded(sent.last().context("a mail")?).replace(['\u{a0}', '\u{202f}'], " ");
    let flat = mail.replace("\r\n ", " ").replace("\n ", " ");
    ensure!(mail.contains("Gîte rénové"), "{mail}");
    ensure!(
        flat.contains("1 nouveau logement pour vos recherches"),
        "a home two searches found counts once: {mail}"
    );
    ensure!(
        mail.contains("http://test.localhost/logements/annonces/8"),
        "{mail}"
    );
    ensure!(flat.contains("410 € par mois"), "{mail}");
    ensure!(flat.contains("« Vielle-Aure, meublé »"), "{mail}");
    ensure!(
        !flat.contains("animaux acceptés »"),
        "a search with nothing new is not in the mail: {mail}"
    );
    for older in ["Studio communal", "Chambre", "Appartement", "Colocation"] {
        ensure!(
            !mail.contains(older),
            "{older} was published before: {mail}"
        );
    }
    ensure!(
        !mail.contains("2 chemin de la Cité"),
        "no address in the mail: {mail}"
    );
    ensure!(
        mail.contains("http://test.localhost/logements/alertes"),
        "how to stop: {mail}"
    );

    // Once a day.
    host.set_now("2026-12-08T07:30:00+01:00");
    host.run_schedule("housing", "alerts").await?;
    ensure!(host.mails().len() == mails + 1, "not twice the same day");

    // The next day, nothing new: no mail, but checked.
    host.set_now("2026-12-09T09:00:00+01:00");
    host.run_schedule("housing", "alerts").await?;
    ensure!(host.mails().len() == mails + 1, "nothing new, no mail");
    let page = shown(&seeker, &format!("{BASE}/alertes")).await?;
    ensure!(
        page.shows("dernière vérification le mercredi 9 décembre 2026"),
        "{}",
        excerpt(&page.text)
    );
    Ok(())
}

#[tokio::test]
async fn a_refused_mail_is_logged_and_not_tried_again() -> Result<()> {
    let host = with_homes(builder().no_mail("housing"), more_homes()).await?;
    let seeker = host.login("seeker").await?;
    expect(&save_search(&seeker, "beds=4").await?, 200)?;
    host.set_now("2026-12-08T07:15:00+01:00");
    host.run_schedule("housing", "alerts").await?;
    ensure!(host.mails().is_empty());
    let page = shown(&seeker, &format!("{BASE}/alertes")).await?;
    ensure!(
        page.shows("dernière vérification le mardi 8 décembre 2026"),
        "marked all the same: {}",
        excerpt(&page.text)
    );
    Ok(())
}

#[tokio::test]
async fn the_portal_shows_the_latest_homes() -> Result<()> {
    let host = with_homes(builder(), more_homes()).await?;
    let home = shown(&host.client(), "/").await?;
    ensure!(
        home.shows("Logements disponibles"),
        "{}",
        excerpt(&home.text)
    );
    let text = unescaped(&home.text);
    for title in [
        "Gîte rénové",
        "Colocation",
        "Chambre",
        "Studio communal",
        "Appartement",
    ] {
        ensure!(text.contains(title), "{title} in the widget");
    }
    ensure!(!text.contains("Brouillon") && !text.contains("Studio déjà loué"));

    // No home online: no widget.
    let empty = builder().start().await?;
    let home = shown(&empty.client(), "/").await?;
    ensure!(
        !home.shows("Logements disponibles"),
        "{}",
        excerpt(&home.text)
    );
    Ok(())
}

#[tokio::test]
async fn keywords_are_stemmed_on_postgresql() -> Result<()> {
    let host = with_homes(builder().database(Database::postgres()), more_homes()).await?;
    let client = host.client();
    // « chambres » finds « Chambre » there (PostgreSQL's French
    // stemming), and the title still ranks first: the shared flat is
    // newer but names its rooms in its description only.
    finds(&client, "q=chambres", &["Chambre", "Colocation"]).await?;
    finds(&client, "q=chambres&season=winter", &["Chambre"]).await?;
    finds(&client, "q=gîtes", &["Gîte"]).await?;
    // The season's two alternatives and the budget with charges.
    finds(
        &client,
        "season=winter&budget=420&sort=cheapest",
        &["Chambre", "Gîte", "Studio communal"],
    )
    .await?;
    finds(
        &client,
        "from=2026-12-20&to=2027-03-31",
        &["Chambre", "Studio communal", "Appartement"],
    )
    .await?;
    Ok(())
}
