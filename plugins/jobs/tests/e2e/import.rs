//! The France Travail import against the stand-in server (real HTTP on
//! 127.0.0.1): paging through 206 answers, the offers on the portal with
//! their source, the withdrawal and anonymisation of offers gone, rate
//! limits and outages waited out or failing the run while the last good
//! offers stay, HTML and Latin-1 answers, malformed offers, wrong
//! credentials, and the extranet page that shows all of it.
//!
//! The plugin's manifest is rewritten to name the stand-in's host among
//! its HTTP hosts (as a site would grant France Travail's), and the
//! settings point the token and API addresses at it.

use std::path::Path;

use anyhow::{Context as _, Result, ensure};
use estive_core::db::entities::audit_entry;
use estive_core::package::Package;
use estive_francetravail_standin::{self as standin, Behaviour, StandIn};
use estive_testing::{Builder, Client, Database, Page, TestHost, build_package};
use sea_orm::{ConnectionTrait, EntityTrait, Statement};
use serde_json::Value;

use super::{BASE, COMMUNES, NOW, STAFF, excerpt, expect, shown, unescaped};

/// The import page of the extranet.
fn page_path() -> String {
    format!("{STAFF}/import")
}

/// The site's communes as (INSEE, name), for the stand-in's offers.
fn valley() -> Vec<(&'static str, &'static str)> {
    COMMUNES
        .iter()
        .filter_map(|line| line.split_once(' '))
        .collect()
}

/// The jobs plugin, its manifest naming the stand-in's host too.
fn package(standin: &StandIn) -> Result<Package> {
    let p = build_package(Path::new(env!("CARGO_MANIFEST_DIR")))?;
    let declared = r#"hosts = ["entreprise.francetravail.fr", "api.francetravail.io"]"#;
    ensure!(
        p.manifest_text.contains(declared),
        "plugin.toml no longer declares France Travail's hosts as expected"
    );
    let manifest = p.manifest_text.replace(
        declared,
        &format!(
            r#"hosts = ["entreprise.francetravail.fr", "api.francetravail.io", "{}"]"#,
            standin.host()
        ),
    );
    Package::from_parts(manifest, p.wasm, p.files)
}

/// The test host of `main.rs`, with the plugin from [`package`], granted
/// the stand-in, and the import set up against it.
fn builder_for(standin: &StandIn, secret: &str, database: Database) -> Result<Builder> {
    Ok(TestHost::builder()
        .package(package(standin)?)
        .database(database)
        .now(NOW)
        .setting(
            "jobs",
            "communes",
            toml::Value::Array(COMMUNES.iter().map(|c| toml::Value::from(*c)).collect()),
        )
        .setting("jobs", "ft_enabled", true)
        .setting("jobs", "ft_client_id", standin::CLIENT_ID)
        .setting("jobs", "ft_client_secret", secret)
        .setting("jobs", "ft_token_url", standin.token_url())
        .setting("jobs", "ft_api_url", standin.api_url())
        .setting("jobs", "ft_contracts", "SAI,CDD,CDI,MIS")
        .grant_http("jobs", &[&standin.host()])
        .allow_private_http("127.0.0.1")
        .user("hotel", "Hélène Hôtelière", &["citizen"])
        .user("lifts", "Rémi Remontées", &["employer"])
        .user("seeker", "Sam Saisonnier", &["citizen"]))
}

/// A host and a stand-in serving `offers`.
async fn start(offers: Vec<Value>, database: Database) -> Result<(TestHost, StandIn)> {
    let standin = StandIn::start(offers)?;
    let host = builder_for(&standin, standin::CLIENT_SECRET, database)?
        .start()
        .await?;
    Ok((host, standin))
}

/// « Importer maintenant », pressed by the administrator; the page the
/// button leads back to.
async fn import_now(staff: &Client) -> Result<Page> {
    let page = shown(staff, &page_path()).await?;
    let form = page
        .form(&page_path())
        .with_context(|| format!("no « Importer maintenant »:\n{}", excerpt(&page.text)))?;
    let back = form.submit(staff).await?;
    expect(&back, 200)?;
    Ok(back)
}

/// The last run: status, pages, fetched, created, updated, withdrawn,
/// skipped, retries.
#[derive(Debug, PartialEq)]
struct RunRow {
    status: String,
    pages: i64,
    fetched: i64,
    created: i64,
    updated: i64,
    withdrawn: i64,
    skipped: i64,
    retries: i64,
}

async fn last_run(host: &TestHost) -> Result<RunRow> {
    let db = &host.state.platform.db;
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT status, CAST(pages AS BIGINT), CAST(fetched AS BIGINT), CAST(created AS BIGINT), \
             CAST(updated AS BIGINT), CAST(withdrawn AS BIGINT), CAST(skipped AS BIGINT), \
             CAST(retries AS BIGINT) FROM p_jobs__import_runs ORDER BY id DESC LIMIT 1",
        ))
        .await?
        .context("no import run")?;
    Ok(RunRow {
        status: row.try_get_by_index(0)?,
        pages: row.try_get_by_index(1)?,
        fetched: row.try_get_by_index(2)?,
        created: row.try_get_by_index(3)?,
        updated: row.try_get_by_index(4)?,
        withdrawn: row.try_get_by_index(5)?,
        skipped: row.try_get_by_index(6)?,
        retries: row.try_get_by_index(7)?,
    })
}

async fn count(host: &TestHost, condition: &str) -> Result<i64> {
    let db = &host.state.platform.db;
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            format!("SELECT CAST(COUNT(*) AS BIGINT) FROM p_jobs__offers WHERE {condition}"),
        ))
        .await?
        .context("a count")?;
    Ok(row.try_get_by_index(0)?)
}

/// Published offers from France Travail.
async fn online(host: &TestHost) -> Result<i64> {
    count(host, "source = 'francetravail' AND status = 'published'").await
}

/// An imported offer's row: id, status, title, description, employer,
/// apply_url, details (JSON text).
#[derive(Debug)]
struct OfferRow {
    id: i64,
    status: String,
    title: String,
    description: String,
    employer_name: Option<String>,
    apply_url: Option<String>,
    details: Value,
}

async fn offer_row(host: &TestHost, external_id: &str) -> Result<OfferRow> {
    let db = &host.state.platform.db;
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            format!(
                "SELECT CAST(id AS BIGINT), status, title, description, employer_name, apply_url, \
                 CAST(details AS TEXT) FROM p_jobs__offers \
                 WHERE source = 'francetravail' AND external_id = '{external_id}'"
            ),
        ))
        .await?
        .with_context(|| format!("no offer {external_id}"))?;
    let details: String = row.try_get_by_index(6)?;
    Ok(OfferRow {
        id: row.try_get_by_index(0)?,
        status: row.try_get_by_index(1)?,
        title: row.try_get_by_index(2)?,
        description: row.try_get_by_index(3)?,
        employer_name: row.try_get_by_index(4)?,
        apply_url: row.try_get_by_index(5)?,
        details: serde_json::from_str(&details)?,
    })
}

fn id_of(offer: &Value) -> String {
    offer["id"].as_str().unwrap_or_default().to_string()
}

/// NOW (Monday 7 December 2026, 08:00 in Paris) moved by some minutes,
/// within December.
fn later(minutes: i64) -> String {
    let at = 8 * 60 + minutes;
    let (day, of_day) = (7 + at / 1440, at % 1440);
    assert!((1..=31).contains(&day), "{minutes} minutes leave December");
    format!(
        "2026-12-{day:02}T{:02}:{:02}:00+01:00",
        of_day / 60,
        of_day % 60
    )
}

#[tokio::test]
async fn four_hundred_offers_come_in_three_pages_and_show_with_their_source() -> Result<()> {
    let offers = standin::generate(400, &valley());
    let (host, standin) = start(offers.clone(), Database::Sqlite).await?;
    let staff = host.login("admin").await?;

    let back = import_now(&staff).await?;
    ensure!(
        back.shows("L'import est terminé."),
        "{}",
        excerpt(&back.text)
    );
    let requests = standin.requests();
    ensure!(requests.search == 3 && requests.token == 1, "{requests:?}");
    let ranges: Vec<String> = standin
        .log()
        .iter()
        .filter(|l| l.target.contains("/offres/search"))
        .map(|l| format!("{} {}", l.status, l.target))
        .collect();
    for (i, range) in ["range=0-149", "range=150-299", "range=300-449"]
        .iter()
        .enumerate()
    {
        ensure!(
            ranges[i].starts_with("206 ") && ranges[i].contains(range),
            "{ranges:?}"
        );
        ensure!(
            ranges[i].contains("commune=65388,65462,65017") && ranges[i].contains("distance=10"),
            "{ranges:?}"
        );
    }
    let run = last_run(&host).await?;
    ensure!(
        run == RunRow {
            status: "done".into(),
            pages: 3,
            fetched: 400,
            created: 400,
            updated: 0,
            withdrawn: 0,
            skipped: 0,
            retries: 0,
        },
        "{run:?}"
    );
    ensure!(online(&host).await? == 400);
    let audited: Vec<audit_entry::Model> = audit_entry::Entity::find()
        .all(&host.state.platform.db)
        .await?
        .into_iter()
        .filter(|e| e.plugin.as_deref() == Some("jobs") && e.action == "import.started")
        .collect();
    ensure!(
        audited.len() == 1 && audited[0].details.contains("manual"),
        "{audited:?}"
    );
    ensure!(
        back.shows("400 offres France Travail publiées"),
        "{}",
        excerpt(&back.text)
    );
    ensure!(back.shows("Terminé"), "{}", excerpt(&back.text));

    // The offer on the portal, whole, with its source, update and link.
    let first = &offers[0];
    let row = offer_row(&host, &id_of(first)).await?;
    let page = shown(&host.client(), &format!("{BASE}/offres/{}", row.id)).await?;
    let html = unescaped(&page.text);
    let title = first["intitule"].as_str().unwrap_or_default();
    ensure!(page.shows(title), "{}", excerpt(&page.text));
    let first_line = first["description"]
        .as_str()
        .and_then(|d| d.lines().nth(1))
        .unwrap_or_default();
    ensure!(page.shows(first_line), "{}", excerpt(&page.text));
    ensure!(
        page.shows("Offre publiée par France Travail, mise à jour le"),
        "{}",
        excerpt(&page.text)
    );
    let origin = first["origineOffre"]["urlOrigine"]
        .as_str()
        .unwrap_or_default();
    ensure!(
        html.contains(&format!("href=\"{origin}\"")),
        "{}",
        excerpt(&html)
    );

    // A second run at once changes nothing and asks for the pages again.
    standin.clear_log();
    host.set_now(&later(7 * 60));
    host.run_schedule("jobs", "import").await?;
    let run = last_run(&host).await?;
    ensure!(
        run.status == "done" && run.created == 0 && run.updated == 0 && run.withdrawn == 0,
        "{run:?}"
    );
    ensure!(standin.requests().search == 3);
    let audited = audit_entry::Entity::find()
        .all(&host.state.platform.db)
        .await?
        .into_iter()
        .filter(|e| e.action == "import.started")
        .count();
    ensure!(
        audited == 1,
        "a scheduled run was audited as started by hand"
    );
    Ok(())
}

/// The second run of the withdrawal test, on either database.
async fn offers_gone_are_withdrawn_and_anonymised(database: Database) -> Result<()> {
    let offers = standin::generate(40, &valley());
    let (host, standin) = start(offers.clone(), database).await?;
    host.run_schedule("jobs", "import").await?;
    ensure!(online(&host).await? == 40, "{:?}", last_run(&host).await?);

    // Within `ft_every_hours`, the schedule starts nothing.
    host.set_now(&later(60));
    host.run_schedule("jobs", "import").await?;
    ensure!(standin.requests().search == 1, "{:?}", standin.requests());

    let gone: Vec<String> = offers[..5].iter().map(id_of).collect();
    let gone_refs: Vec<&str> = gone.iter().map(String::as_str).collect();
    ensure!(standin.remove_offers(&gone_refs) == 5);
    let changed = id_of(&offers[10]);
    standin.edit_offer(&changed, |o| {
        o["intitule"] = "Chef de rang (H/F)".into();
        o["dateActualisation"] = "2026-12-06T10:00:00.000Z".into();
    });
    host.set_now(&later(7 * 60));
    host.run_schedule("jobs", "import").await?;
    let run = last_run(&host).await?;
    ensure!(
        run.status == "done" && run.withdrawn == 5 && run.updated == 1 && run.created == 0,
        "{run:?}"
    );
    ensure!(online(&host).await? == 35);

    let withdrawn = offer_row(&host, &gone[0]).await?;
    let before = &offers[0];
    ensure!(withdrawn.status == "withdrawn", "{withdrawn:?}");
    ensure!(withdrawn.title == before["intitule"].as_str().unwrap_or_default());
    ensure!(withdrawn.description.is_empty(), "{withdrawn:?}");
    ensure!(withdrawn.employer_name.is_none() && withdrawn.apply_url.is_none());
    for key in ["contactNom", "contactCoordonnees", "urlPostulation"] {
        ensure!(
            withdrawn.details.get(key).is_none(),
            "{key} kept: {withdrawn:?}"
        );
    }
    ensure!(
        withdrawn.details.get("romeLibelle").is_some(),
        "{withdrawn:?}"
    );
    let anonymous = shown(&host.client(), BASE).await?;
    ensure!(!anonymous.contains(&format!("/offres/{}\"", withdrawn.id)));
    let gone_page = host
        .client()
        .get(&format!("{BASE}/offres/{}", withdrawn.id))
        .await?;
    ensure!(
        gone_page.status == 404,
        "withdrawn offer shown: {}",
        gone_page.status
    );

    let updated = offer_row(&host, &changed).await?;
    ensure!(updated.title == "Chef de rang (H/F)" && updated.status == "published");

    // An offer that comes back is published again, whole.
    standin.push_offer(before.clone());
    host.set_now(&later(14 * 60));
    host.run_schedule("jobs", "import").await?;
    let back = offer_row(&host, &gone[0]).await?;
    ensure!(
        back.status == "published" && !back.description.is_empty(),
        "{back:?}"
    );
    Ok(())
}

#[tokio::test]
async fn offers_gone_at_the_next_run_are_withdrawn_and_anonymised() -> Result<()> {
    offers_gone_are_withdrawn_and_anonymised(Database::Sqlite).await
}

#[tokio::test]
async fn offers_gone_at_the_next_run_are_withdrawn_and_anonymised_on_postgres() -> Result<()> {
    offers_gone_are_withdrawn_and_anonymised(Database::postgres()).await
}

#[tokio::test]
async fn a_rate_limit_is_waited_out_then_the_import_succeeds() -> Result<()> {
    let (host, standin) = start(standin::generate(30, &valley()), Database::Sqlite).await?;
    standin.set(Behaviour::TooManyRequests {
        times: 2,
        retry_after: 120,
    });
    let staff = host.login("admin").await?;
    let back = import_now(&staff).await?;
    ensure!(
        back.shows("France Travail ne répond pas pour l'instant"),
        "{}",
        excerpt(&back.text)
    );
    ensure!(
        back.shows("Tentative 1 sur 5 échouée"),
        "{}",
        excerpt(&back.text)
    );
    ensure!(back.shows("France Travail limite le nombre de requêtes (erreur 429)."));
    ensure!(back.contains("Actualiser"));
    let run = last_run(&host).await?;
    ensure!(run.status == "running" && run.retries == 1, "{run:?}");

    // Retry-After (2 min) is honoured over the first wait (1 min).
    host.set_now(&later(1));
    host.run_schedule("jobs", "import").await?;
    ensure!(standin.requests().search == 1, "{:?}", standin.requests());

    host.set_now(&later(3));
    host.run_schedule("jobs", "import").await?;
    let run = last_run(&host).await?;
    ensure!(run.status == "running" && run.retries == 2, "{run:?}");
    ensure!(standin.requests().search == 2);

    host.set_now(&later(6));
    host.run_schedule("jobs", "import").await?;
    let run = last_run(&host).await?;
    ensure!(
        run.status == "done" && run.retries == 0 && run.created == 30,
        "{run:?}"
    );
    ensure!(standin.requests().search == 3);
    ensure!(online(&host).await? == 30);
    Ok(())
}

#[tokio::test]
async fn five_outages_fail_the_run_and_the_previous_offers_stay() -> Result<()> {
    let (host, standin) = start(standin::generate(20, &valley()), Database::Sqlite).await?;
    let staff = host.login("admin").await?;
    import_now(&staff).await?;
    ensure!(online(&host).await? == 20);

    standin.set(Behaviour::ServerError { times: 5 });
    standin.set_offers(Vec::new());
    let mut minutes = 7 * 60;
    host.set_now(&later(minutes));
    host.run_schedule("jobs", "import").await?;
    for attempt in 2..=5 {
        let run = last_run(&host).await?;
        ensure!(
            run.status == "running" && run.retries == attempt - 1,
            "{attempt}: {run:?}"
        );
        minutes += 31;
        host.set_now(&later(minutes));
        host.run_schedule("jobs", "import").await?;
    }
    let run = last_run(&host).await?;
    ensure!(
        run.status == "failed" && run.retries == 5 && run.withdrawn == 0,
        "{run:?}"
    );
    ensure!(standin.requests().search == 1 + 5);
    ensure!(online(&host).await? == 20, "a failed run withdrew offers");

    // The session of the morning has expired.
    let staff = host.login("admin").await?;
    let page = shown(&staff, &page_path()).await?;
    ensure!(
        page.shows(
            "Le dernier import a échoué (Abandon après 5 tentatives : France Travail est \
             momentanément indisponible (erreur 500).) : les 20 offres de l'import précédent \
             restent en ligne."
        ),
        "{}",
        excerpt(&page.text)
    );
    ensure!(page.shows("Échoué") && page.shows("Terminé"));

    // The next scheduled run is due `ft_every_hours` after the failure.
    standin.reset();
    host.set_now(&later(minutes + 60));
    host.run_schedule("jobs", "import").await?;
    ensure!(last_run(&host).await?.status == "failed");
    host.set_now(&later(minutes + 7 * 60));
    host.run_schedule("jobs", "import").await?;
    let run = last_run(&host).await?;
    ensure!(run.status == "done" && run.withdrawn == 20, "{run:?}");
    Ok(())
}

#[tokio::test]
async fn an_html_page_instead_of_data_fails_the_run_clearly() -> Result<()> {
    let (host, standin) = start(standin::generate(10, &valley()), Database::Sqlite).await?;
    let staff = host.login("admin").await?;
    import_now(&staff).await?;
    standin.set(Behaviour::Html(true));
    standin.set_offers(Vec::new());
    let back = import_now(&staff).await?;
    ensure!(back.shows("L'import a échoué"), "{}", excerpt(&back.text));
    ensure!(
        back.shows(
            "France Travail a répondu par une page HTML au lieu de données : « Service en maintenance »."
        ),
        "{}",
        excerpt(&back.text)
    );
    ensure!(back.shows("les 10 offres de l'import précédent restent en ligne"));
    let run = last_run(&host).await?;
    ensure!(run.status == "failed" && run.retries == 0, "{run:?}");
    ensure!(online(&host).await? == 10);
    Ok(())
}

#[tokio::test]
async fn a_malformed_offer_is_left_out_and_listed() -> Result<()> {
    let mut offers = standin::generate(12, &valley());
    let bad = standin::malformed();
    offers.insert(3, bad[0].clone());
    offers.insert(7, bad[1].clone());
    offers.push(bad[2].clone());
    offers.push(serde_json::json!("pas une offre"));
    let (host, _standin) = start(offers, Database::Sqlite).await?;
    let staff = host.login("admin").await?;
    let back = import_now(&staff).await?;
    let run = last_run(&host).await?;
    ensure!(
        run.status == "done" && run.created == 12 && run.skipped == 4 && run.fetched == 16,
        "{run:?}"
    );
    ensure!(online(&host).await? == 12);
    ensure!(back.shows("4 offres écartées"), "{}", excerpt(&back.text));
    for line in [
        "Offre n° 4 (id —) : offre sans identifiant (id)",
        "Offre n° 8 (id 209ZZZ1) : offre sans intitulé",
        "Offre n° 15 (id 2090002) : identifiant illisible (id attendu en lettres et chiffres)",
        "Offre n° 16 (id —) : ce n'est pas une offre (objet JSON attendu)",
    ] {
        ensure!(back.shows(line), "{line}:\n{}", excerpt(&back.text));
    }
    Ok(())
}

#[tokio::test]
async fn an_answer_in_latin1_is_decoded_with_its_accents() -> Result<()> {
    let offers = standin::generate(15, &valley());
    let (host, standin) = start(offers.clone(), Database::Sqlite).await?;
    standin.set(Behaviour::Latin1(true));
    host.run_schedule("jobs", "import").await?;
    ensure!(
        standin
            .log()
            .iter()
            .any(|l| l.target.contains("/offres/search") && l.status == 200)
    );
    let run = last_run(&host).await?;
    ensure!(run.status == "done" && run.created == 15, "{run:?}");
    let mut accents = 0;
    for offer in &offers {
        let row = offer_row(&host, &id_of(offer)).await?;
        ensure!(row.title == offer["intitule"].as_str().unwrap_or_default());
        ensure!(row.description == offer["description"].as_str().unwrap_or_default());
        accents += usize::from(row.description.contains('é'));
    }
    ensure!(accents > 10, "the offers hardly had accents: {accents}");
    Ok(())
}

#[tokio::test]
async fn a_wrong_secret_fails_naming_the_credentials_and_shows_no_secret() -> Result<()> {
    const SECRET: &str = "pas-le-bon-secret-4812";
    let standin = StandIn::start(standin::generate(5, &valley()))?;
    let host = builder_for(&standin, SECRET, Database::Sqlite)?
        .start()
        .await?;
    let staff = host.login("admin").await?;
    let back = import_now(&staff).await?;
    ensure!(
        back.shows(
            "France Travail a refusé l'identifiant client ou la clé secrète (erreur 401) : \
             vérifiez-les dans les réglages du module."
        ),
        "{}",
        excerpt(&back.text)
    );
    ensure!(back.shows("Renseignés"));
    ensure!(!back.contains(SECRET), "the page shows the secret");
    ensure!(!back.contains("standin-"), "the page shows a token");
    let run = last_run(&host).await?;
    ensure!(run.status == "failed" && run.retries == 0, "{run:?}");
    ensure!(standin.requests().search == 0 && standin.requests().token == 1);
    Ok(())
}

#[tokio::test]
async fn without_credentials_the_page_says_what_is_missing_and_nothing_runs() -> Result<()> {
    let standin = StandIn::start(standin::generate(5, &valley()))?;
    let host = builder_for(&standin, "", Database::Sqlite)?.start().await?;
    host.run_schedule("jobs", "import").await?;
    ensure!(standin.requests() == standin::Requests::default());

    let staff = host.login("admin").await?;
    let page = shown(&staff, &page_path()).await?;
    ensure!(page.shows("À renseigner"), "{}", excerpt(&page.text));
    ensure!(
        page.shows(
            "L'identifiant client et la clé secrète de France Travail ne sont pas renseignés."
        )
    );
    ensure!(page.shows("Saint-Lary-Soulan (65388)"));
    ensure!(
        page.form(&page_path()).is_err(),
        "a button that cannot work"
    );
    let refused = staff.post_form(&page_path(), &[]).await?;
    expect(&refused, 422)?;
    ensure!(refused.shows("L'import ne peut pas être lancé"));

    // A citizen may not see the page.
    let seeker = host.login("seeker").await?;
    let denied = seeker.get(&page_path()).await?;
    ensure!(
        denied.status == 403 || denied.status == 404,
        "{}",
        denied.status
    );
    Ok(())
}

#[tokio::test]
async fn a_run_under_way_is_not_started_twice() -> Result<()> {
    let (host, standin) = start(standin::generate(10, &valley()), Database::Sqlite).await?;
    standin.set(Behaviour::ServerError { times: 1 });
    let staff = host.login("admin").await?;
    import_now(&staff).await?;
    ensure!(last_run(&host).await?.status == "running");
    let page = shown(&staff, &page_path()).await?;
    ensure!(page.shows("Import en cours"), "{}", excerpt(&page.text));
    ensure!(page.form(&page_path()).is_err());
    let again = staff.post_form(&page_path(), &[]).await?;
    ensure!(
        again.shows("Un import est déjà en cours"),
        "{}",
        excerpt(&again.text)
    );
    let db = &host.state.platform.db;
    let runs = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT CAST(COUNT(*) AS BIGINT) FROM p_jobs__import_runs",
        ))
        .await?
        .context("count")?
        .try_get_by_index::<i64>(0)?;
    ensure!(runs == 1, "{runs} runs");
    Ok(())
}

#[tokio::test]
async fn a_thousand_offers_are_imported_by_the_button_in_one_request() -> Result<()> {
    let (host, standin) = start(standin::generate(1000, &valley()), Database::Sqlite).await?;
    let staff = host.login("admin").await?;
    let started = std::time::Instant::now();
    let back = import_now(&staff).await?;
    let took = started.elapsed();
    ensure!(
        back.shows("L'import est terminé."),
        "{}",
        excerpt(&back.text)
    );
    let run = last_run(&host).await?;
    ensure!(
        run.status == "done" && run.pages == 7 && run.created == 1000,
        "{run:?}"
    );
    ensure!(standin.requests().search == 7);
    ensure!(took.as_secs() < 10, "1,000 offers took {took:?}");
    Ok(())
}

#[tokio::test]
async fn a_token_refused_between_batches_is_asked_for_again() -> Result<()> {
    let (host, standin) = start(standin::generate(25, &valley()), Database::Sqlite).await?;
    standin.set(Behaviour::TooManyRequests {
        times: 1,
        retry_after: 0,
    });
    host.run_schedule("jobs", "import").await?;
    ensure!(last_run(&host).await?.status == "running");
    // The run keeps its token for the next batch; France Travail forgets it.
    standin.revoke_tokens();
    host.set_now(&later(2));
    host.run_schedule("jobs", "import").await?;
    let run = last_run(&host).await?;
    ensure!(run.status == "done" && run.created == 25, "{run:?}");
    let requests = standin.requests();
    ensure!(requests.token == 2 && requests.search == 3, "{requests:?}");
    let refused = standin
        .log()
        .iter()
        .filter(|l| l.target.contains("/offres/search") && l.status == 401)
        .count();
    ensure!(refused == 1, "{:?}", standin.log());
    Ok(())
}
