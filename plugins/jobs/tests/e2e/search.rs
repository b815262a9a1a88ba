//! Job seekers: the list and its filters (keywords ranked), an offer's
//! page for the public, once closed and before publication, its
//! schema.org JSON-LD, the RSS and Atom feeds, saved searches and their
//! daily mail, and the portal's widget.
//!
//! Besides the fixture's offers (1 Perchman, 2 Serveur, 3 Plongeur
//! submitted), these tests load: 4 « Moniteur de ski <&> "alpin" »
//! (imported from France Travail, no dates), 5 « Cuisinier </script> »
//! (CDI all year in Arreau, housing, pay 2,100–2,400 €), 6 « Vendeur de
//! forfaits » (filled), 7 « Agent d'accueil des remontées » (the newest,
//! naming the perchman in its description only), and 8 « Caissier »
//! published in three hours (for the mails).

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context as _, Result, ensure};
use estive_testing::{Builder, Client, Database, Page, TestHost};
use serde_json::{Value, json};

use super::{BASE, builder, decoded, excerpt, expect, shown, unescaped};

/// The offers of these tests, after the fixture's three.
fn more_offers() -> Vec<Value> {
    vec![
        json!({"_key": "moniteur", "source": "francetravail", "external_id": "190ABCD",
            "employer_name": "École de ski", "title": "Moniteur de ski <&> \"alpin\"",
            "description": "Enseignement du ski alpin aux enfants.\nBrevet d'État exigé.",
            "commune": "Saint-Lary-Soulan", "insee": "65388", "contract": "seasonal",
            "contract_label": "Contrat saisonnier", "season": "winter", "housing": false,
            "apply_mode": "link", "status": "published", "expires_on": "@today+60",
            "published_at": "@now-2d", "source_updated_at": "@now-1d",
            "source_url": "https://candidat.francetravail.fr/offres/recherche/detail/190ABCD",
            "details": {"codePostal": "65170", "urlPostulation": "javascript:alert(1)"},
            "created_at": "@now-2d", "updated_at": "@now-1d"}),
        json!({"_key": "cuisinier", "source": "local", "employer_id": "@hotel",
            "employer_name": "Hôtel du Pic", "title": "Cuisinier </script>",
            "description": "Cuisine traditionnelle, **produits locaux**.", "commune": "Arreau",
            "insee": "65017", "contract": "cdi", "season": "year", "starts_on": "@today+30",
            "ends_on": "@today+400", "pay": "2 100 à 2 400 € brut par mois", "pay_min": 2100,
            "pay_max": 2400, "pay_unit": "MONTH", "housing": true, "apply_mode": "site",
            "status": "published", "expires_on": "@today+45", "published_at": "@now-5d",
            "created_by": "5", "created_at": "@now-6d", "updated_at": "@now-5d"}),
        json!({"_key": "vendeur", "source": "local", "employer_id": "@lifts",
            "employer_name": "Régie des remontées mécaniques", "title": "Vendeur de forfaits",
            "description": "Vente des forfaits en caisse.", "commune": "Vielle-Aure",
            "insee": "65462", "contract": "seasonal", "season": "winter", "housing": false,
            "apply_mode": "site", "status": "filled", "expires_on": "@today+10",
            "published_at": "@now-20d", "closed_at": "@now-2d", "created_by": "6",
            "created_at": "@now-21d", "updated_at": "@now-2d"}),
        json!({"_key": "accueil", "source": "local", "employer_id": "@lifts",
            "employer_name": "Régie des remontées mécaniques",
            "title": "Agent d'accueil des remontées",
            "description": "Renseigner les skieurs ; remplacer le perchman pendant ses pauses.",
            "commune": "Vielle-Aure", "insee": "65462", "contract": "seasonal",
            "season": "winter", "starts_on": "@today+10", "ends_on": "@today+120",
            "housing": false, "apply_mode": "site", "status": "published",
            "expires_on": "@today+30", "published_at": "@now-1h", "created_by": "6",
            "created_at": "@now-2h", "updated_at": "@now-1h"}),
        json!({"_key": "caissier", "source": "local", "employer_id": "@lifts",
            "employer_name": "Régie des remontées mécaniques", "title": "Caissier ou caissière",
            "description": "Caisse des remontées mécaniques.", "commune": "Vielle-Aure",
            "insee": "65462", "contract": "seasonal", "season": "winter", "housing": true,
            "apply_mode": "site", "status": "published", "expires_on": "@today+30",
            "published_at": "@now+3h", "created_by": "6", "created_at": "@now-1d",
            "updated_at": "@now-1d"}),
    ]
}

/// `count` plain offers of the summer, for the pager.
fn summer_offers(count: usize) -> Vec<Value> {
    (1..=count)
        .map(|n| {
            json!({"source": "local", "employer_id": "@hotel", "employer_name": "Hôtel du Pic",
                "title": format!("Saisonnier polyvalent n°{n}"), "description": "Polyvalence.",
                "commune": "Arreau", "insee": "65017", "contract": "cdd", "season": "summer",
                "housing": false, "apply_mode": "site", "status": "published",
                "expires_on": "@today+90", "published_at": format!("@now-{}d", 30 + n),
                "created_at": "@now-60d", "updated_at": "@now-30d"})
        })
        .collect()
}

/// A started host with the fixture and `extra` offers loaded.
async fn with_offers(builder: Builder, extra: Vec<Value>) -> Result<TestHost> {
    static RUN: AtomicUsize = AtomicUsize::new(0);
    let host = builder.start().await?;
    let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixture/jobs.json");
    let mut data: Value = serde_json::from_str(&std::fs::read_to_string(fixture)?)?;
    let offers = data["tables"]
        .as_array_mut()
        .and_then(|tables| tables.iter_mut().find(|t| t["table"] == "offers"))
        .and_then(|t| t["rows"].as_array_mut())
        .context("the fixture's offers")?;
    offers.extend(extra);
    let dir = std::env::temp_dir().join(format!(
        "jobs-search-{}-{}",
        std::process::id(),
        RUN.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join("jobs.json"), serde_json::to_string(&data)?)?;
    host.load_rows(&dir).await?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(host)
}

/// Text of the HTML with its character references decoded.
fn decode(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x2f;", "/")
        .replace("&amp;", "&")
}

/// The titles of the offers a list page shows, in order.
fn titles(page: &Page) -> Vec<String> {
    let text = decode(&page.text);
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

/// Whether exactly these offers are listed (by the start of their title).
fn lists(page: &Page, wanted: &[&str]) -> Result<()> {
    let found = titles(page);
    ensure!(
        found.len() == wanted.len()
            && wanted
                .iter()
                .all(|w| found.iter().any(|t| t.starts_with(w))),
        "expected {wanted:?}, listed {found:?} at {}",
        page.path
    );
    Ok(())
}

#[tokio::test]
async fn filters_narrow_the_list_to_published_offers() -> Result<()> {
    let host = with_offers(builder(), more_offers()).await?;
    let client = host.client();

    let all = shown(&client, &format!("{BASE}/")).await?;
    // Newest first; neither the offer under review nor the filled one.
    ensure!(
        titles(&all)
            == [
                "Caissier ou caissière",
                "Agent d'accueil des remontées",
                "Serveur ou serveuse en salle",
                "Moniteur de ski <&> \"alpin\"",
                "Perchman ou perchwoman (H/F)",
                "Cuisinier </script>",
            ],
        "{:?}",
        titles(&all)
    );
    ensure!(all.shows("6 offres"), "{}", excerpt(&all.text));
    ensure!(all.shows("France Travail"), "the imported offer is badged");
    ensure!(
        all.shows("Publiée le vendredi 4 décembre 2026"),
        "{}",
        excerpt(&all.text)
    );

    // Through the form: a commune by its name in the list, a contract.
    let mut form = all.form(&format!("{BASE}/"))?;
    form.choose("commune", "Arreau")?;
    form.check("contract", "cdi")?;
    let page = form.submit(&client).await?;
    expect(&page, 200)?;
    lists(&page, &["Cuisinier"])?;
    ensure!(page.shows("1 offre"), "{}", excerpt(&page.text));
    ensure!(
        page.form(&format!("{BASE}/"))?.value("commune").as_deref() == Some("65017"),
        "the chosen commune is kept"
    );

    lists(
        &list(&client, "contract=seasonal&commune=Saint-Lary-Soulan").await?,
        &["Serveur", "Moniteur"],
    )?;
    lists(
        &list(
            &client,
            "contract=seasonal&contract=cdi&season=winter&housing=on",
        )
        .await?,
        &["Caissier", "Perchman"],
    )?;
    lists(&list(&client, "season=year").await?, &["Cuisinier"])?;
    lists(&list(&client, "source=francetravail").await?, &["Moniteur"])?;
    lists(
        &list(&client, "source=local&commune=65462").await?,
        &["Caissier", "Agent", "Perchman"],
    )?;

    // Dates: an offer without dates matches any period.
    lists(
        &list(&client, "from=2027-06-01").await?,
        &["Caissier", "Moniteur", "Cuisinier"],
    )?;
    lists(
        &list(&client, "to=2026-12-12").await?,
        &["Caissier", "Moniteur"],
    )?;
    lists(
        &list(&client, "from=2026-12-20&to=2026-12-31&contract=seasonal").await?,
        &["Caissier", "Agent", "Serveur", "Moniteur", "Perchman"],
    )?;

    // Nothing found: a way out.
    let none = list(&client, "q=astronaute").await?;
    ensure!(titles(&none).is_empty());
    ensure!(
        none.shows("Aucune offre ne correspond") && none.shows("Effacer les filtres"),
        "{}",
        excerpt(&none.text)
    );
    Ok(())
}

#[tokio::test]
async fn keywords_rank_an_offer_with_the_word_in_its_title_first() -> Result<()> {
    let host = with_offers(builder(), more_offers()).await?;
    let client = host.client();
    let page = list(&client, "q=perchman").await?;
    // The agent's offer is newer but names the perchman in its
    // description only.
    ensure!(
        titles(&page)
            == [
                "Perchman ou perchwoman (H/F)",
                "Agent d'accueil des remontées"
            ],
        "{:?}",
        titles(&page)
    );
    ensure!(page.shows("2 offres") && page.shows("par pertinence"));
    // Keywords and filters together; accents ignored on SQLite.
    lists(
        &list(&client, "q=securite&housing=on").await?,
        &["Perchman"],
    )?;
    // Query syntax is only words.
    lists(&list(&client, "q=%22ski%22+OR+*").await?, &[])?;
    lists(&list(&client, "q=ski+alpin").await?, &["Moniteur"])?;
    Ok(())
}

#[tokio::test]
async fn a_wrong_date_is_shown_beside_its_field_and_the_rest_still_runs() -> Result<()> {
    let host = with_offers(builder(), more_offers()).await?;
    let client = host.client();
    let page = client
        .get(&format!(
            "{BASE}/?from=31%2F12%2F2026&contract=cdi&to=2026-01-01"
        ))
        .await?;
    expect(&page, 422)?;
    let summary = page.error_summary();
    ensure!(
        summary.len() == 1 && summary[0].0 == "jobs-search-from",
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
    ensure!(form.values("contract") == ["cdi"]);
    lists(&page, &[])?;
    let page = client
        .get(&format!("{BASE}/?from=31%2F12%2F2026&contract=cdi"))
        .await?;
    expect(&page, 422)?;
    lists(&page, &["Cuisinier"])?;

    // An end before the start.
    let page = client
        .get(&format!(
            "{BASE}/?from=2027-01-10&to=2027-01-01&source=local"
        ))
        .await?;
    expect(&page, 422)?;
    ensure!(page.error_summary()[0].0 == "jobs-search-to");
    ensure!(!titles(&page).is_empty());
    Ok(())
}

#[tokio::test]
async fn results_are_paged_with_the_filters_kept() -> Result<()> {
    let host = with_offers(builder(), summer_offers(25)).await?;
    let client = host.client();
    let first = list(&client, "season=summer").await?;
    ensure!(first.shows("25 offres"), "{}", excerpt(&first.text));
    let shown_first = titles(&first);
    ensure!(shown_first.len() == 20, "{shown_first:?}");
    ensure!(shown_first[0] == "Saisonnier polyvalent n°1");
    let text = unescaped(&first.text);
    ensure!(
        text.contains("href=\"?season=summer&page=2\" rel=\"next\""),
        "{}",
        excerpt(&first.text)
    );
    let second = list(&client, "season=summer&page=2").await?;
    let shown_second = titles(&second);
    ensure!(shown_second.len() == 5, "{shown_second:?}");
    ensure!(shown_second[4] == "Saisonnier polyvalent n°25");
    ensure!(
        unescaped(&second.text).contains("aria-current=\"page\""),
        "the current page is marked"
    );

    let beyond = list(&client, "season=summer&page=9").await?;
    ensure!(
        titles(&beyond).is_empty() && beyond.shows("la recherche compte 2 pages"),
        "{}",
        excerpt(&beyond.text)
    );

    // Paged across the alternatives of a date search too.
    let dated = list(&client, "season=summer&from=2027-01-01&page=2").await?;
    ensure!(titles(&dated).len() == 5 && dated.shows("25 offres"));
    Ok(())
}

/// The JSON-LD block of a page.
fn json_ld(page: &Page) -> Result<(String, Value)> {
    let start = page
        .text
        .find("<script type=\"application/ld+json\">")
        .context("no JSON-LD")?
        + "<script type=\"application/ld+json\">".len();
    let end = start
        + page.text[start..]
            .find("</script>")
            .context("unclosed script")?;
    let raw = page.text[start..end].to_string();
    let value = serde_json::from_str(&raw).with_context(|| format!("not JSON: {raw}"))?;
    Ok((raw, value))
}

#[tokio::test]
async fn an_offer_page_shows_how_to_apply_and_its_job_posting() -> Result<()> {
    let host = with_offers(builder(), more_offers()).await?;
    let client = host.client();

    let page = shown(&client, &format!("{BASE}/offres/1")).await?;
    let text = unescaped(&page.text);
    ensure!(page.heading() == "Perchman ou perchwoman (H/F)");
    ensure!(text.contains(&format!("href=\"{BASE}/offres/1/postuler\"")));
    ensure!(page.shows("Il faut vous connecter pour postuler."));
    let (_, ld) = json_ld(&page)?;
    ensure!(ld["@type"] == "JobPosting" && ld["title"] == "Perchman ou perchwoman (H/F)");
    ensure!(
        ld["description"]
            .as_str()
            .is_some_and(|d| d.contains("<strong>sécurité</strong>"))
    );
    ensure!(
        ld["datePosted"]
            .as_str()
            .is_some_and(|d| d.starts_with("2026-12-04"))
    );
    ensure!(
        ld["validThrough"] == "2027-01-06T23:59:59+01:00",
        "{}",
        ld["validThrough"]
    );
    ensure!(ld["hiringOrganization"]["name"] == "Régie des remontées mécaniques");
    ensure!(ld["hiringOrganization"].get("telephone").is_none());
    ensure!(ld["jobLocation"]["address"]["addressLocality"] == "Vielle-Aure");
    ensure!(ld["jobLocation"]["address"]["addressCountry"] == "FR");
    ensure!(ld["employmentType"] == "TEMPORARY");
    ensure!(ld["baseSalary"]["currency"] == "EUR");
    ensure!(ld["baseSalary"]["value"]["minValue"] == 1850.0);
    ensure!(ld["baseSalary"]["value"]["unitText"] == "MONTH");
    ensure!(ld["identifier"]["value"] == "1");

    // A title that tries to close the script: escaped inside JSON, read
    // back whole.
    let page = shown(&client, &format!("{BASE}/offres/5")).await?;
    let (raw, ld) = json_ld(&page)?;
    ensure!(!raw.contains('<') && !raw.contains('>'), "{raw}");
    ensure!(ld["title"] == "Cuisinier </script>");
    ensure!(ld["employmentType"] == "FULL_TIME");
    ensure!(ld["baseSalary"]["value"]["maxValue"] == 2400.0);
    let main = excerpt(&page.text);
    ensure!(
        main.matches("</script>").count() == 1,
        "one script element: {main}"
    );

    // Imported: France Travail's identifier, the original's link, no
    // address that is not a web one.
    let page = shown(&client, &format!("{BASE}/offres/4")).await?;
    let (_, ld) = json_ld(&page)?;
    ensure!(ld["identifier"]["name"] == "France Travail");
    ensure!(ld["identifier"]["value"] == "190ABCD");
    ensure!(ld["jobLocation"]["address"]["postalCode"] == "65170");
    let text = unescaped(&page.text);
    ensure!(
        text.contains("href=\"https://candidat.francetravail.fr/offres/recherche/detail/190ABCD\"")
    );
    ensure!(!text.contains("javascript:"), "{}", excerpt(&page.text));
    ensure!(!text.contains("/offres/4/postuler"));
    Ok(())
}

#[tokio::test]
async fn closed_offers_stay_readable_and_drafts_are_previews() -> Result<()> {
    let host = with_offers(builder(), more_offers()).await?;
    let anonymous = host.client();

    // Filled: shown, marked closed, no application, no JSON-LD.
    let page = shown(&anonymous, &format!("{BASE}/offres/6")).await?;
    ensure!(
        page.shows("Cette offre a été pourvue"),
        "{}",
        excerpt(&page.text)
    );
    ensure!(!unescaped(&page.text).contains("/offres/6/postuler"));
    ensure!(!page.contains("application/ld+json"));

    // Waiting for review: not found for the public and other accounts.
    expect(&anonymous.get(&format!("{BASE}/offres/3")).await?, 404)?;
    let seeker = host.login("seeker").await?;
    expect(&seeker.get(&format!("{BASE}/offres/3")).await?, 404)?;
    let other_employer = host.login("lifts").await?;
    expect(&other_employer.get(&format!("{BASE}/offres/3")).await?, 404)?;
    expect(&anonymous.get(&format!("{BASE}/offres/999")).await?, 404)?;

    // Its employer and staff see a preview, without a way to apply.
    let hotel = host.login("hotel").await?;
    let page = shown(&hotel, &format!("{BASE}/offres/3")).await?;
    ensure!(
        page.shows("Aperçu") && page.shows("En attente de relecture"),
        "{}",
        excerpt(&page.text)
    );
    ensure!(page.shows("parce qu'elle est la vôtre"));
    ensure!(!page.contains("application/ld+json"));
    ensure!(!unescaped(&page.text).contains("/offres/3/postuler"));
    let staff = host.login("agent").await?;
    let page = shown(&staff, &format!("{BASE}/offres/3")).await?;
    ensure!(
        page.shows("en tant que modérateur"),
        "{}",
        excerpt(&page.text)
    );
    Ok(())
}

#[tokio::test]
async fn feeds_are_well_formed_and_follow_the_filters() -> Result<()> {
    let host = with_offers(builder(), more_offers()).await?;
    let client = host.client();

    let rss = client.get(&format!("{BASE}/flux.rss")).await?;
    expect(&rss, 200)?;
    let kind = rss
        .headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    ensure!(kind.starts_with("application/rss+xml"), "{kind}");
    let doc = roxmltree::Document::parse(&rss.text).context("RSS is XML")?;
    let items: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("item"))
        .collect();
    ensure!(items.len() == 6, "{}", rss.text);
    let child = |n: &roxmltree::Node, name: &str| {
        n.children()
            .find(|c| c.has_tag_name(name))
            .and_then(|c| c.text())
            .unwrap_or_default()
            .to_string()
    };
    let moniteur = items
        .iter()
        .find(|i| child(i, "title") == "Moniteur de ski <&> \"alpin\"")
        .context("the imported offer, its title whole")?;
    ensure!(child(moniteur, "link") == "http://test.localhost/emplois/offres/4");
    ensure!(child(moniteur, "guid") == "http://test.localhost/emplois/offres/4");
    ensure!(
        // The test clock runs from 08:00: seconds may have passed.
        child(moniteur, "pubDate").starts_with("Sat, 05 Dec 2026 07:0")
            && child(moniteur, "pubDate").ends_with(" +0000"),
        "{}",
        child(moniteur, "pubDate")
    );
    ensure!(child(moniteur, "description").contains("Enseignement du ski alpin"));
    let perchman = items
        .iter()
        .find(|i| child(i, "title").starts_with("Perchman"))
        .context("a local offer")?;
    // Markdown as plain text.
    ensure!(child(perchman, "description").contains("sécurité des embarquements"));
    ensure!(!child(perchman, "description").contains("**"));

    let atom = client
        .get(&format!("{BASE}/flux.atom?source=francetravail"))
        .await?;
    expect(&atom, 200)?;
    let kind = atom
        .headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    ensure!(kind.starts_with("application/atom+xml"), "{kind}");
    let doc = roxmltree::Document::parse(&atom.text).context("Atom is XML")?;
    let entries: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    ensure!(entries.len() == 1, "{}", atom.text);
    ensure!(child(&entries[0], "title") == "Moniteur de ski <&> \"alpin\"");
    ensure!(child(&entries[0], "id") == "http://test.localhost/emplois/offres/4");
    ensure!(child(&entries[0], "published").starts_with("2026-12-05T07:0"));
    ensure!(child(&entries[0], "updated").starts_with("2026-12-06T07:0"));
    ensure!(
        doc.root_element()
            .children()
            .find(|c| c.has_tag_name("title"))
            .and_then(|c| c.text())
            .is_some_and(|t| t.contains("France Travail")),
        "the feed's title names its filters"
    );

    // The list page links to both, with its filters.
    let page = list(&client, "contract=cdi").await?;
    let text = unescaped(&page.text);
    ensure!(text.contains(&format!("href=\"{BASE}/flux.rss?contract=cdi\"")));
    ensure!(text.contains(&format!("href=\"{BASE}/flux.atom?contract=cdi\"")));
    Ok(())
}

/// The link of the list page to save its search.
fn save_link(page: &Page) -> Result<String> {
    let text = unescaped(&page.text);
    let at = text
        .find("Recevoir ces offres par courriel")
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
    let host = with_offers(builder(), more_offers()).await?;
    let seeker = host.login("seeker").await?;

    let page = list(&seeker, "contract=seasonal&commune=65388&housing=on").await?;
    let link = save_link(&page)?;
    ensure!(
        link == format!("{BASE}/alertes?commune=65388&contract=seasonal&housing=on"),
        "{link}"
    );
    let page = shown(&seeker, &link).await?;
    ensure!(page.shows("Saint-Lary-Soulan") && page.shows("logement fourni"));
    let mut form = page.form(&format!("{BASE}/alertes"))?;
    ensure!(
        form.value("name").as_deref() == Some("Saint-Lary-Soulan, Saisonnier, logement fourni"),
        "{:?}",
        form.value("name")
    );
    form.set("name", "")?;
    let page = form.submit(&seeker).await?;
    expect(&page, 422)?;
    ensure!(page.error_summary()[0].0 == "jobs-alert-name");
    let mut form = page.form(&format!("{BASE}/alertes"))?;
    form.set("name", "Logé à Saint-Lary")?;
    let page = form.submit(&seeker).await?;
    expect(&page, 200)?;
    ensure!(
        page.shows("Votre recherche est enregistrée"),
        "{}",
        excerpt(&page.text)
    );
    ensure!(page.shows("Logé à Saint-Lary") && page.shows("Vos recherches (1 sur 20)"));
    let run = unescaped(&page.text);
    ensure!(run.contains(&format!(
        "href=\"{BASE}/?commune=65388&contract=seasonal&housing=on\""
    )));

    // The same search again is refused, saying under which name.
    let page = save_search(
        &seeker,
        "housing=on&contract=seasonal&commune=Saint-Lary-Soulan",
    )
    .await?;
    expect(&page, 422)?;
    ensure!(
        page.shows("déjà enregistrée sous le nom « Logé à Saint-Lary »"),
        "{}",
        excerpt(&page.text)
    );

    // Anonymous visitors are asked to sign in.
    let anonymous = host.client();
    let page = anonymous
        .get(&format!("{BASE}/alertes?contract=cdi"))
        .await?;
    ensure!(page.path.starts_with("/login"), "{}", page.path);

    // Somebody else cannot delete it; its owner can.
    let other = host.login("newboss").await?;
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
    let host = with_offers(builder(), Vec::new()).await?;
    let seeker = host.login("seeker").await?;
    for n in 0..20 {
        let page = save_search(&seeker, &format!("q=métier{n}")).await?;
        expect(&page, 200)?;
    }
    let page = list(&seeker, "q=encore").await?;
    let page = shown(&seeker, &save_link(&page)?).await?;
    ensure!(page.shows("le maximum"), "{}", excerpt(&page.text));
    ensure!(page.forms().iter().all(|f| !f.action.ends_with("/alertes")));
    let page = seeker
        .post_form(
            &format!("{BASE}/alertes"),
            &[("name", "Encore"), ("q", "encore")],
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
async fn new_offers_are_mailed_once_a_day() -> Result<()> {
    let host = with_offers(builder(), more_offers()).await?;
    let seeker = host.login("seeker").await?;
    // Saved at 08:00; « Caissier » is published at 11:00.
    expect(&save_search(&seeker, "contract=seasonal").await?, 200)?;
    expect(
        &save_search(&seeker, "commune=65462&housing=on").await?,
        200,
    )?;
    expect(&save_search(&seeker, "source=francetravail").await?, 200)?;
    let mails = host.mails().len();

    // Not before seven in the morning.
    host.set_now("2026-12-08T06:30:00+01:00");
    host.run_schedule("jobs", "alerts").await?;
    ensure!(host.mails().len() == mails, "nothing before 07:00");

    host.set_now("2026-12-08T07:15:00+01:00");
    host.run_schedule("jobs", "alerts").await?;
    let sent = host.mails();
    ensure!(
        sent.len() == mails + 1,
        "one mail for the person's searches"
    );
    let mail = decoded(sent.last().context("a mail")?).replace(['\u{a0}', '\u{202f}'], " ");
    ensure!(mail.contains("Caissier ou caissière"), "{mail}");
    ensure!(
        mail.replace("\r\n ", " ")
            .replace("\n ", " ")
            .contains("1 nouvelle offre d'emploi pour vos recherches"),
        "an offer two searches found counts once: {mail}"
    );
    ensure!(
        mail.contains("http://test.localhost/emplois/offres/8"),
        "{mail}"
    );
    ensure!(mail.contains("« Saisonnier »"), "{mail}");
    ensure!(mail.contains("« Vielle-Aure, logement fourni »"), "{mail}");
    ensure!(
        !mail.contains("France Travail"),
        "a search with nothing new is not in the mail: {mail}"
    );
    for older in ["Perchman", "Serveur", "Agent d'accueil", "Moniteur"] {
        ensure!(
            !mail.contains(older),
            "{older} was published before: {mail}"
        );
    }
    ensure!(
        mail.contains("http://test.localhost/emplois/alertes"),
        "how to stop: {mail}"
    );

    // Once a day.
    host.set_now("2026-12-08T07:30:00+01:00");
    host.run_schedule("jobs", "alerts").await?;
    ensure!(host.mails().len() == mails + 1, "not twice the same day");

    // The next day, nothing new: no mail, but checked.
    host.set_now("2026-12-09T09:00:00+01:00");
    host.run_schedule("jobs", "alerts").await?;
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
async fn the_portal_shows_the_latest_seasonal_offers() -> Result<()> {
    let host = with_offers(builder(), more_offers()).await?;
    let home = shown(&host.client(), "/").await?;
    ensure!(
        home.shows("Dernières offres saisonnières"),
        "{}",
        excerpt(&home.text)
    );
    let text = unescaped(&home.text);
    for seasonal in [
        "Caissier",
        "Agent d'accueil",
        "Serveur",
        "Moniteur",
        "Perchman",
    ] {
        ensure!(text.contains(seasonal), "{seasonal} in the widget");
    }
    ensure!(
        !text.contains("Cuisinier"),
        "a CDI all year is not seasonal"
    );
    Ok(())
}

#[tokio::test]
async fn keywords_are_stemmed_on_postgresql() -> Result<()> {
    let host = with_offers(builder().database(Database::postgres()), more_offers()).await?;
    let client = host.client();
    // « serveurs » finds « Serveur » there (PostgreSQL's French stemming),
    // and the title still ranks first.
    lists(&list(&client, "q=serveurs").await?, &["Serveur"])?;
    let page = list(&client, "q=perchman").await?;
    ensure!(
        titles(&page)
            == [
                "Perchman ou perchwoman (H/F)",
                "Agent d'accueil des remontées"
            ],
        "{:?}",
        titles(&page)
    );
    lists(
        &list(&client, "q=ski&from=2027-06-01&source=francetravail").await?,
        &["Moniteur"],
    )?;
    Ok(())
}

#[tokio::test]
async fn a_refused_mail_is_logged_and_not_tried_again() -> Result<()> {
    let host = with_offers(builder().no_mail("jobs"), more_offers()).await?;
    let seeker = host.login("seeker").await?;
    expect(&save_search(&seeker, "contract=seasonal").await?, 200)?;
    host.set_now("2026-12-08T07:15:00+01:00");
    host.run_schedule("jobs", "alerts").await?;
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
async fn fifty_people_are_mailed_per_run_and_the_next_run_carries_on() -> Result<()> {
    let mut builder = builder();
    for n in 0..52 {
        builder = builder.user(&format!("fan{n}"), &format!("Fan {n}"), &["citizen"]);
    }
    let host = with_offers(builder, more_offers()).await?;
    for n in 0..52 {
        let fan = host.login(&format!("fan{n}")).await?;
        let page = fan
            .post_form(
                &format!("{BASE}/alertes"),
                &[("name", "Saisonnier"), ("contract", "seasonal")],
            )
            .await?;
        expect(&page, 200)?;
    }
    host.set_now("2026-12-08T07:15:00+01:00");
    host.run_schedule("jobs", "alerts").await?;
    ensure!(host.mails().len() == 50, "{} mails", host.mails().len());
    host.set_now("2026-12-08T07:30:00+01:00");
    host.run_schedule("jobs", "alerts").await?;
    ensure!(host.mails().len() == 52, "{} mails", host.mails().len());
    host.run_schedule("jobs", "alerts").await?;
    ensure!(host.mails().len() == 52, "nobody twice");
    Ok(())
}
