//! End-to-end: the built plugin in a real Estive host over a temporary
//! SQLite, driven through its pages by real HTTP clients (cookies, CSRF),
//! as the élu, the agent and the citizen of the test site would. Every
//! test checks the data the pages show or the files they give.

use anyhow::{Context as _, Result, ensure};
use estive_testing::{Builder, Client, Page, TestHost};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

mod acceptance;
mod browser;
mod debate;
mod forms;

/// The clock plugins see.
const NOW: &str = "2026-06-15T10:00:00+02:00";

fn builder() -> Builder {
    TestHost::builder()
        .plugin(env!("CARGO_MANIFEST_DIR"))
        .now(NOW)
        .setting(
            "indicators",
            "communes",
            vec!["65123 – Arreau", "65059 – Bourisp", "65192 – Ilhet"],
        )
}

async fn host() -> Result<TestHost> {
    builder().start().await
}

const EXTRANET: &str = "/extranet/agenda21";

/// The id at the end of the path a form redirected to.
fn id_in(page: &Page) -> Result<String> {
    let last = page
        .path
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("");
    let id = last.split(['#', '?']).next().unwrap_or("");
    ensure!(
        !id.is_empty() && id.chars().all(|c| c.is_ascii_digit()),
        "no id in {}",
        page.path
    );
    Ok(id.to_owned())
}

fn ok(page: &Page, what: &str) -> Result<()> {
    ensure!(
        page.status == 200,
        "{what}: status {} at {}\n{}",
        page.status,
        page.path,
        excerpt(&page.text)
    );
    Ok(())
}

/// Whether the page shows a text, as typed or as HTML escapes it.
fn shows(page: &Page, text: &str) -> bool {
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;");
    page.text.contains(text)
        || ["&#x27;", "&#39;"]
            .iter()
            .any(|apostrophe| page.text.contains(&escaped.replace('\'', apostrophe)))
}

/// The page's main content, to read failures.
fn excerpt(html: &str) -> String {
    let start = html.find("<main").unwrap_or(0);
    html[start..].chars().take(4000).collect()
}

/// The id of the first axis (the seeded “Lutte contre le changement
/// climatique”), read from the public home.
async fn first_axis(client: &Client) -> Result<String> {
    let home = client.get("/agenda21/").await?;
    ok(&home, "home")?;
    let at = home
        .text
        .find("agenda21/axes/")
        .with_context(|| format!("no axis link in {}", excerpt(&home.text)))?
        + "agenda21/axes/".len();
    Ok(home.text[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect())
}

/// Creates an action in progress whose progress comes from its
/// indicators, through the action form as rendered; returns its id.
async fn create_action(elu: &Client, axis: &str, title: &str) -> Result<String> {
    let page = shown(elu, &format!("{EXTRANET}/actions/nouvelle")).await?;
    let mut form = page.form_with("axis_id")?;
    form.set("axis_id", axis)?
        .set("title", title)?
        .set(
            "description",
            "Des composteurs partagés dans chaque village.",
        )?
        .set("pilot", "Service environnement")?
        .check("communes", "65123")?
        .check("communes", "65059")?
        .set("status", "in_progress")?
        .set("starts_on", "2025-01-01")?
        .set("ends_on", "2027-12-31")?
        .set("budget_planned", "12 500,50")?
        .set("progress_mode", "derived")?
        .set("progress", "10")?
        .set("weight", "1")?;
    let page = form.submit(elu).await?;
    ok(&page, "new action")?;
    ensure!(shows(&page, title), "action page shows its title");
    id_in(&page)
}

/// Creates an indicator of household waste per inhabitant (going down
/// from 300 kg to 200 kg) through the indicator form as rendered; returns
/// its id.
async fn create_indicator(
    elu: &Client,
    action: &str,
    code: &str,
    confidential: bool,
) -> Result<String> {
    let page = shown(elu, &format!("{EXTRANET}/indicateurs/nouveau")).await?;
    let mut form = page.form_with("action_id")?;
    form.set("title", "Déchets ménagers par habitant")?
        .set("code", code)?
        .set("action_id", action)?
        .set("unit", "kg")?
        .set("direction", "down")?
        .set("baseline_value", "300")?
        .set("baseline_on", "2020-12-31")?
        .set("target_value", "200")?
        .set("target_on", "2030-12-31")?
        .set("frequency", "yearly")?
        .set("source", "Syndicat de collecte")?
        .set("weight", "1")?;
    if confidential {
        form.check("confidential", "on")?;
    }
    let page = form.submit(elu).await?;
    ok(&page, "new indicator")?;
    id_in(&page)
}

/// Enters a value through the measurement form as rendered (`commune`
/// empty for the whole territory).
async fn enter_value(
    agent: &Client,
    indicator: &str,
    on: &str,
    value: &str,
    commune: &str,
) -> Result<Page> {
    let page = shown(
        agent,
        &format!("{EXTRANET}/indicateurs/{indicator}/mesures"),
    )
    .await?;
    let mut form = page.form_with("measured_on")?;
    form.set("measured_on", on)?
        .set("value", value)?
        .set("commune", commune)?
        .set("source", "Pesées")?;
    form.submit(agent).await
}

/// Publishes an event of another plugin on the test site and delivers it.
async fn publish(host: &TestHost, topic: &str, payload: &str) -> Result<()> {
    host.publish(topic, &serde_json::from_str(payload)?).await?;
    Ok(())
}

/// A page that must be shown.
async fn shown(client: &Client, path: &str) -> Result<Page> {
    let page = client.get(path).await?;
    ok(&page, path)?;
    Ok(page)
}

/// The first column of every row of a query on the test host's database,
/// as text (cast numbers in the query).
async fn column(host: &TestHost, sql: &str) -> Result<Vec<Option<String>>> {
    use sea_orm::{ConnectionTrait, Statement};
    let db = &host.state.platform.db;
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?;
    rows.iter()
        .map(|r| Ok(r.try_get_by_index::<Option<String>>(0)?))
        .collect()
}

/// The one value a query gives (`None` for NULL).
async fn value(host: &TestHost, sql: &str) -> Result<Option<String>> {
    let mut all = column(host, sql).await?;
    ensure!(all.len() == 1, "`{sql}` gave {} rows", all.len());
    Ok(all.remove(0))
}

/// The percentage a progress bar of a page shows (`id` as given to the
/// `progress` macro: `action`, `axis`, `programme`…), `None` when it says
/// progress is not known yet.
fn progress_bar(page: &Page, id: &str) -> Result<Option<i64>> {
    let marker = format!("id=\"indicators-progress-{id}\"");
    let at = page
        .text
        .find(&marker)
        .with_context(|| format!("no progress bar `{id}` on {}", page.path))?;
    let tag = &page.text[at..at + page.text[at..].find('>').unwrap_or(0)];
    let Some(v) = tag.find("value=\"") else {
        return Ok(None);
    };
    let digits: String = tag[v + 7..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    Ok(Some(digits.parse()?))
}

/// The payloads of the `indicators.measurement-added` events published so
/// far.
async fn published_measurements(host: &TestHost) -> Result<Vec<serde_json::Value>> {
    use estive_core::db::entities::outbox_event;
    let rows = outbox_event::Entity::find()
        .filter(outbox_event::Column::Topic.eq("indicators.measurement-added"))
        .all(&host.state.platform.db)
        .await?;
    rows.iter()
        .map(|r| Ok(serde_json::from_str(&r.payload)?))
        .collect()
}

#[tokio::test]
async fn the_public_dashboard_starts_with_the_five_goals_in_french_and_english() -> Result<()> {
    let host = host().await?;
    let visitor = host.client();
    let home = visitor.get("/agenda21/").await?;
    ok(&home, "home")?;
    for goal in [
        "Lutte contre le changement climatique",
        "Préservation de la biodiversité, des milieux et des ressources",
        "Cohésion sociale et solidarité entre territoires et entre générations",
        "Épanouissement de tous les êtres humains",
        "Production et consommation responsables",
    ] {
        ensure!(shows(&home, goal), "the goal {goal} is an axis");
    }
    ensure!(shows(&home, "Les axes du programme"));
    ensure!(shows(&home, "pas encore mesurable"), "no progress yet");
    let english = visitor.get("/langue/en?next=/agenda21/").await?;
    ok(&english, "English home")?;
    ensure!(shows(&english, "The programme's axes"));
    ensure!(shows(&english, "not measurable yet"));
    // Seeding happens once: a second visit still shows five axes.
    let again = visitor.get("/agenda21/").await?;
    ensure!(
        again.text.matches("agenda21/axes/").count() == 5,
        "five axes, once each"
    );
    Ok(())
}

#[tokio::test]
async fn a_value_moves_the_indicator_the_action_the_axis_and_the_programme() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let agent = host.login("agent").await?;
    let axis = first_axis(&elu).await?;
    let action = create_action(&elu, &axis, "Composter les biodéchets").await?;
    let indicator = create_indicator(&elu, &action, "DECHETS", false).await?;

    // 300 kg → 200 kg: 250 kg is half-way.
    let saved = enter_value(&agent, &indicator, "2025-12-31", "250", "").await?;
    ok(&saved, "value entered")?;
    ensure!(shows(&saved, "La valeur a été enregistrée"), "notice shown");
    ensure!(shows(&saved, "250\u{a0}kg"), "value listed with its unit");
    ensure!(shows(&saved, "Arnaud Agent"), "author shown to staff");

    let public = host.client();
    let page = public
        .get(&format!("/agenda21/indicateurs/{indicator}"))
        .await?;
    ok(&page, "public indicator")?;
    ensure!(shows(&page, "250\u{a0}kg"), "latest value");
    ensure!(shows(&page, "200\u{a0}kg"), "target");
    ensure!(shows(&page, r#"value="50""#), "progress bar at 50");
    ensure!(shows(&page, "50\u{202f}%"), "progress written out");
    ensure!(shows(&page, "<svg"), "a chart");
    ensure!(shows(&page, "chart-target"), "a target line");
    ensure!(shows(&page, "31 décembre 2025"), "data table with the date");
    ensure!(
        !shows(&page, "Arnaud Agent"),
        "no author on the public page"
    );

    let action_page = public.get(&format!("/agenda21/actions/{action}")).await?;
    ok(&action_page, "public action")?;
    ensure!(shows(&action_page, "Service environnement"));
    ensure!(shows(&action_page, "Arreau, Bourisp"), "communes by name");
    ensure!(
        shows(&action_page, "12\u{202f}500,50\u{a0}€"),
        "budget in French"
    );
    ensure!(shows(
        &action_page,
        r#"id="indicators-progress-action" max="100" value="50""#
    ));

    let home = public.get("/agenda21/").await?;
    ensure!(
        shows(
            &home,
            r#"id="indicators-progress-programme" max="100" value="50""#
        ),
        "only the measured axis counts: the programme is at 50 %"
    );
    ensure!(
        shows(&home, "Évolution de l'avancement"),
        "history recorded"
    );
    ensure!(shows(&home, "chart-series-1"), "history chart drawn");

    let added = published_measurements(&host).await?;
    ensure!(added.len() == 1, "one event published: {added:?}");
    ensure!(added[0]["indicator_code"] == "DECHETS" && added[0]["value"] == 250.0);
    ensure!(added[0]["measured_on"] == "2025-12-31" && added[0]["origin"] == "manual");
    Ok(())
}

#[tokio::test]
async fn a_target_equal_to_the_baseline_is_refused_with_a_clear_message() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let page = elu
        .post_form(
            &format!("{EXTRANET}/indicateurs/nouveau"),
            &[
                ("title", "Part de bio"),
                ("direction", "up"),
                ("baseline_value", "20"),
                ("target_value", "20,0"),
                ("frequency", "yearly"),
            ],
        )
        .await?;
    ensure!(page.status == 422, "refused: {}", page.status);
    ensure!(shows(&page, "La cible est égale à la valeur de référence"));
    ensure!(shows(&page, "error-summary"), "an error summary");
    ensure!(
        shows(&page, r##"href="#indicators-target_value""##),
        "linked to the field"
    );
    ensure!(
        shows(&page, r#"value="Part de bio""#),
        "what was typed is kept"
    );

    let wrong_way = elu
        .post_form(
            &format!("{EXTRANET}/indicateurs/nouveau"),
            &[
                ("title", "Part de bio"),
                ("direction", "up"),
                ("baseline_value", "20"),
                ("baseline_on", "2027-01-01"),
                ("target_value", "10"),
            ],
        )
        .await?;
    ensure!(wrong_way.status == 422);
    ensure!(shows(
        &wrong_way,
        "la cible doit être au-dessus de la valeur de référence"
    ));
    ensure!(shows(&wrong_way, "Cette date est dans le futur"));

    let list = elu.get(&format!("{EXTRANET}/indicateurs")).await?;
    ensure!(
        shows(&list, "Aucun indicateur pour l&#39;instant")
            || shows(&list, "Aucun indicateur pour l'instant"),
        "nothing was created"
    );
    Ok(())
}

#[tokio::test]
async fn a_value_dated_in_the_future_or_entered_twice_is_refused_and_nothing_is_saved() -> Result<()>
{
    let host = host().await?;
    let elu = host.login("elu").await?;
    let axis = first_axis(&elu).await?;
    let action = create_action(&elu, &axis, "Réduire les déchets").await?;
    let indicator = create_indicator(&elu, &action, "OMR", false).await?;
    let future = enter_value(&elu, &indicator, "2026-06-16", "250", "").await?;
    ensure!(future.status == 422);
    ensure!(shows(&future, "Cette date est dans le futur"));
    let bad = enter_value(&elu, &indicator, "2026-06-01", "deux cents", "").await?;
    ensure!(bad.status == 422 && shows(&bad, "Saisissez un nombre"));
    let comma = enter_value(&elu, &indicator, "2026-06-01", "262,5", "").await?;
    ok(&comma, "comma decimal")?;
    ensure!(shows(&comma, "262,5\u{a0}kg"));
    let twice = enter_value(&elu, &indicator, "2026-06-01", "261", "").await?;
    ensure!(twice.status == 422 && shows(&twice, "Une valeur est déjà enregistrée à cette date"));
    let page = elu
        .get(&format!("{EXTRANET}/indicateurs/{indicator}"))
        .await?;
    ensure!(page.text.matches("mesures/").count() >= 1);
    ensure!(
        !shows(&page, "261\u{a0}kg") && !shows(&page, ">250\u{a0}kg"),
        "only the good value"
    );
    Ok(())
}

#[tokio::test]
async fn a_csv_import_with_french_decimals_is_previewed_then_saved_all_at_once() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let axis = first_axis(&elu).await?;
    let action = create_action(&elu, &axis, "Composter").await?;
    let indicator = create_indicator(&elu, &action, "DECHETS", false).await?;
    let csv = "Indicateur;Date;Valeur;Commune;Commentaire\n\
               DECHETS;31/12/2023;\"1 234,5\";;Tonnage total\n\
               dechets;2024-12-31;275,25;;\n\
               DECHETS;2024-12-31;180;Arreau;\n";
    let preview = elu
        .post_form(
            &format!("{EXTRANET}/import"),
            &[("step", "preview"), ("text", csv)],
        )
        .await?;
    ok(&preview, "preview")?;
    ensure!(shows(&preview, "3 valeurs prêtes à être enregistrées"));
    ensure!(
        shows(&preview, "1\u{202f}234,5\u{a0}kg"),
        "comma decimal with grouping read"
    );
    ensure!(shows(&preview, "Arreau"));
    let before = host
        .client()
        .get(&format!("/agenda21/indicateurs/{indicator}"))
        .await?;
    ensure!(!shows(&before, "275,25"), "nothing saved by the preview");

    let saved = elu
        .post_form(
            &format!("{EXTRANET}/import"),
            &[("step", "confirm"), ("text", csv)],
        )
        .await?;
    ok(&saved, "confirm")?;
    ensure!(shows(&saved, "3 valeurs ont été importées"));
    let page = elu
        .get(&format!("{EXTRANET}/indicateurs/{indicator}"))
        .await?;
    ensure!(shows(&page, "275,25\u{a0}kg") && shows(&page, "1\u{202f}234,5\u{a0}kg"));
    ensure!(
        shows(&page, "Comparaison entre communes"),
        "the commune value is compared"
    );

    // The same file again: every row clashes, nothing changes…
    let again = elu
        .post_form(
            &format!("{EXTRANET}/import"),
            &[("step", "confirm"), ("text", csv)],
        )
        .await?;
    ensure!(again.status == 422 && shows(&again, "est déjà enregistrée à cette date"));
    // …unless replacing is asked for.
    let replaced = elu
        .post_form(
            &format!("{EXTRANET}/import"),
            &[("step", "preview"), ("replace", "on"), ("text", csv)],
        )
        .await?;
    ok(&replaced, "replace preview")?;
    ensure!(shows(&replaced, "3 valeurs existantes seront remplacées"));
    let added = published_measurements(&host).await?;
    ensure!(added.len() == 3 && added.iter().all(|p| p["origin"] == "import"));
    Ok(())
}

#[tokio::test]
async fn a_csv_with_a_wrong_column_a_bad_number_or_an_unknown_indicator_saves_nothing() -> Result<()>
{
    let host = host().await?;
    let elu = host.login("elu").await?;
    let axis = first_axis(&elu).await?;
    let action = create_action(&elu, &axis, "Composter").await?;
    let indicator = create_indicator(&elu, &action, "DECHETS", false).await?;
    let import = |text: &'static str| {
        let elu = elu.clone();
        async move {
            elu.post_form(
                &format!("{EXTRANET}/import"),
                &[("step", "confirm"), ("text", text)],
            )
            .await
        }
    };
    let wrong_column = import("indicateur;date;valeur;unité\nDECHETS;2024-12-31;250;kg\n").await?;
    ensure!(wrong_column.status == 422);
    ensure!(
        shows(&wrong_column, "Colonne inconnue"),
        "{}",
        excerpt(&wrong_column.text)
    );
    ensure!(shows(&wrong_column, "unité"));

    let mixed = import(
        "indicateur;date;valeur\n\
         DECHETS;2024-12-31;250\n\
         DECHETS;2023-12-31;2 5O\n\
         PISCINE;2023-12-31;3\n\
         DECHETS;31/12/2027;3\n",
    )
    .await?;
    ensure!(mixed.status == 422);
    ensure!(shows(&mixed, "n'est pas un nombre"));
    ensure!(
        shows(&mixed, "Aucun indicateur n&#39;a le code")
            || shows(&mixed, "Aucun indicateur n'a le code")
    );
    ensure!(shows(&mixed, "PISCINE"));
    ensure!(shows(&mixed, "est dans le futur"));
    ensure!(shows(&mixed, "Rien n'a été enregistré"));
    ensure!(
        shows(&mixed, "<textarea id=\"indicators-text\""),
        "the text is offered for correction"
    );

    let page = elu
        .get(&format!("{EXTRANET}/indicateurs/{indicator}"))
        .await?;
    ensure!(
        !shows(&page, "250\u{a0}kg"),
        "the good row was not saved either"
    );
    ensure!(published_measurements(&host).await?.is_empty());

    // In English, the same problem reads in English.
    elu.get("/langue/en?next=/extranet/agenda21/import").await?;
    let english = import("indicateur;date;valeur;unité\nDECHETS;2024-12-31;250;kg\n").await?;
    ensure!(
        shows(&english, "Unknown column"),
        "{}",
        excerpt(&english.text)
    );
    Ok(())
}

#[tokio::test]
async fn events_feed_mapped_indicators_and_an_unmapped_event_is_kept_not_lost() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let admin = host.login("admin").await?;
    let axis = first_axis(&elu).await?;
    let action = create_action(&elu, &axis, "Manger mieux à la cantine").await?;
    let meals = {
        let page = elu
            .post_form(
                &format!("{EXTRANET}/indicateurs/nouveau"),
                &[
                    ("title", "Repas servis dans les cantines"),
                    ("code", "REPAS"),
                    ("action_id", action.as_str()),
                    ("unit", "repas"),
                    ("direction", "up"),
                    ("frequency", "monthly"),
                ],
            )
            .await?;
        ok(&page, "meals indicator")?;
        id_in(&page)?
    };
    let canteen = |school: &str, day: &str, total: u32| {
        format!(
            r#"{{"school":"{school}","date":"{day}","totals":{{"standard":{},"vegetarian":{}}},"total":{total}}}"#,
            total - 20,
            20
        )
    };
    // Nobody maps it yet: ignored, but kept.
    publish(
        &host,
        "canteen.day-locked",
        &canteen("École des Granges", "2026-06-11", 104),
    )
    .await?;
    let events = admin.get(&format!("{EXTRANET}/evenements")).await?;
    ok(&events, "events page")?;
    ensure!(shows(&events, "Non exploité"), "{}", excerpt(&events.text));
    ensure!(shows(&events, "Aucune correspondance pour cet événement"));
    ensure!(shows(&events, "École des Granges"), "payload kept");
    ensure!(
        shows(&events, "totals.vegetarian"),
        "fields seen are suggested"
    );

    // Map `total` by month, summed, and apply it to what was kept.
    let mapped = admin
        .post_form(
            &format!("{EXTRANET}/evenements/correspondances"),
            &[
                ("topic", "canteen.day-locked"),
                ("field", "total"),
                ("indicator_id", meals.as_str()),
                ("period", "month"),
                ("combine", "sum"),
                ("replay", "on"),
            ],
        )
        .await?;
    ok(&mapped, "mapping")?;
    ensure!(
        shows(&mapped, "appliquée à 1 événement déjà reçu"),
        "{}",
        excerpt(&mapped.text)
    );
    ensure!(shows(&mapped, "Exploité"));

    // Another school the next day adds to the month's value.
    publish(
        &host,
        "canteen.day-locked",
        &canteen("École du Bourg", "2026-06-12", 40),
    )
    .await?;
    let page = elu.get(&format!("{EXTRANET}/indicateurs/{meals}")).await?;
    ensure!(
        shows(&page, "144\u{a0}repas"),
        "104 + 40 meals in June: {}",
        excerpt(&page.text)
    );
    ensure!(
        shows(&page, "1er juin 2026"),
        "filed at the start of the month"
    );
    ensure!(shows(&page, "Événement automatique"));

    // A poll's participants, mapped to a field that is missing: ignored
    // with a reason, nothing written.
    admin
        .post_form(
            &format!("{EXTRANET}/evenements/correspondances"),
            &[
                ("topic", "polls.closed"),
                ("field", "votes"),
                ("indicator_id", meals.as_str()),
                ("period", "day"),
                ("combine", "replace"),
            ],
        )
        .await?;
    publish(
        &host,
        "polls.closed",
        r#"{"poll_id":3,"title":"Horaires de la piscine","closed_at":"2026-06-14T18:00:00Z","participants":212,"questions":[]}"#,
    )
    .await?;
    let events = admin.get(&format!("{EXTRANET}/evenements")).await?;
    ensure!(
        shows(&events, "Le champ « votes » est absent")
            || shows(&events, "Le champ «\u{202f}votes\u{202f}» est absent")
    );
    let added = published_measurements(&host).await?;
    ensure!(
        added.len() == 2 && added.iter().all(|p| p["origin"] == "event"),
        "{added:?}"
    );
    ensure!(added[1]["value"] == 144.0);

    // The dashboard tells the manager one event is still unused.
    let dashboard = admin.get(&format!("{EXTRANET}/")).await?;
    ensure!(shows(&dashboard, "Événements non exploités"));
    Ok(())
}

#[tokio::test]
async fn citizens_opinions_are_published_only_after_moderation() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let axis = first_axis(&elu).await?;
    let action = create_action(&elu, &axis, "Pistes cyclables").await?;
    let anonymous = host
        .client()
        .get(&format!("/agenda21/actions/{action}"))
        .await?;
    ensure!(shows(&anonymous, "Connectez-vous pour donner votre avis"));

    let citizen = host.login("citoyen").await?;
    let bad = citizen
        .post_form(
            &format!("/agenda21/actions/{action}/avis"),
            &[("rating", "9")],
        )
        .await?;
    ensure!(bad.status == 422 && shows(&bad, "Choisissez une des options proposées"));
    let sent = citizen
        .post_form(
            &format!("/agenda21/actions/{action}/avis"),
            &[
                ("rating", "4"),
                ("comment", "Enfin une piste jusqu'à l'école !"),
            ],
        )
        .await?;
    ok(&sent, "opinion sent")?;
    ensure!(shows(&sent, "Votre avis sera publié après relecture"));
    ensure!(shows(&sent, "attend d'être relu"));
    let public = host
        .client()
        .get(&format!("/agenda21/actions/{action}"))
        .await?;
    ensure!(
        !shows(&public, "Enfin une piste"),
        "not published before moderation"
    );

    let agent = host.login("agent").await?;
    let queue = agent.get(&format!("{EXTRANET}/avis")).await?;
    ok(&queue, "moderation queue")?;
    ensure!(shows(&queue, "Enfin une piste") && shows(&queue, "Pistes cyclables"));
    let opinion_id = {
        let at = queue
            .text
            .find("agenda21/avis/")
            .context("a moderation form")?
            + "agenda21/avis/".len();
        queue.text[at..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
    };
    let done = agent
        .post_form(
            &format!("{EXTRANET}/avis/{opinion_id}"),
            &[("decision", "approved")],
        )
        .await?;
    ok(&done, "approved")?;
    let public = host
        .client()
        .get(&format!("/agenda21/actions/{action}"))
        .await?;
    ensure!(shows(&public, "Enfin une piste"), "published");
    ensure!(
        shows(&public, "Note moyenne\u{a0}: 4 sur 5"),
        "{}",
        excerpt(&public.text)
    );

    // Only moderators reach the queue.
    let elu_queue = elu.get(&format!("{EXTRANET}/avis")).await?;
    ensure!(elu_queue.status == 403);
    Ok(())
}

#[tokio::test]
async fn the_latest_value_of_a_confidential_indicator_stays_out_of_public_pages_and_open_data()
-> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let axis = first_axis(&elu).await?;
    let action = create_action(&elu, &axis, "Réduire les déchets").await?;
    let indicator = create_indicator(&elu, &action, "SECRET", true).await?;
    ok(
        &enter_value(&elu, &indicator, "2024-12-31", "280", "").await?,
        "old value",
    )?;
    ok(
        &enter_value(&elu, &indicator, "2025-12-31", "240", "").await?,
        "new value",
    )?;

    let public = host.client();
    let page = public
        .get(&format!("/agenda21/indicateurs/{indicator}"))
        .await?;
    ok(&page, "public indicator")?;
    ensure!(shows(&page, "280\u{a0}kg"), "the previous value is public");
    ensure!(!shows(&page, "240\u{a0}kg"), "the latest is not");
    let csv = public.get("/agenda21/donnees/mesures.csv").await?;
    ok(&csv, "public CSV")?;
    ensure!(
        csv.text
            .starts_with("indicateur_id,indicateur_code,date,commune,valeur")
    );
    ensure!(shows(&csv, "SECRET,2024-12-31,,280,"), "{}", csv.text);
    ensure!(!shows(&csv, "2025-12-31"));
    let json = public.get("/agenda21/donnees/indicateurs.json").await?;
    let indicators: serde_json::Value = serde_json::from_str(&json.text)?;
    ensure!(indicators[0]["derniere_valeur"] == 280.0, "{indicators}");

    let staff = elu.get("/extranet/agenda21/donnees/mesures.csv").await?;
    ensure!(
        shows(&staff, "SECRET,2025-12-31,,240,"),
        "staff get everything"
    );
    let actions = public.get("/agenda21/donnees/actions.csv").await?;
    ensure!(shows(&actions, "Réduire les déchets") && shows(&actions, "65123 65059"));
    ensure!(public.get("/agenda21/donnees/secrets.csv").await?.status == 404);
    Ok(())
}

#[tokio::test]
async fn values_per_commune_are_compared_best_first() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let axis = first_axis(&elu).await?;
    let action = create_action(&elu, &axis, "Réduire les déchets").await?;
    let indicator = create_indicator(&elu, &action, "DECHETS", false).await?;
    for (commune, value) in [("65123", "310"), ("65059", "190"), ("65192", "250")] {
        ok(
            &enter_value(&elu, &indicator, "2025-12-31", value, commune).await?,
            "commune value",
        )?;
    }
    let page = host
        .client()
        .get(&format!("/agenda21/indicateurs/{indicator}"))
        .await?;
    ok(&page, "indicator")?;
    ensure!(shows(&page, "Comparaison entre communes"));
    // Waste should go down: the lowest comes first.
    let at = |name: &str| page.text.find(&format!("<th scope=\"row\">{name}</th>"));
    let (bourisp, ilhet, arreau) = (at("Bourisp"), at("Ilhet"), at("Arreau"));
    ensure!(
        bourisp.is_some() && bourisp < ilhet && ilhet < arreau,
        "best first"
    );
    Ok(())
}

#[tokio::test]
async fn each_role_reaches_only_what_it_may_do() -> Result<()> {
    let host = host().await?;
    let citizen = host.login("citoyen").await?;
    ensure!(citizen.get(&format!("{EXTRANET}/")).await?.status == 403);
    let agent = host.login("agent").await?;
    ok(
        &agent.get(&format!("{EXTRANET}/")).await?,
        "staff see the programme",
    )?;
    ensure!(agent.get(&format!("{EXTRANET}/axes/nouveau")).await?.status == 403);
    ensure!(agent.get(&format!("{EXTRANET}/evenements")).await?.status == 403);
    ok(
        &agent.get(&format!("{EXTRANET}/import")).await?,
        "staff import",
    )?;
    let elu = host.login("elu").await?;
    ok(
        &elu.get(&format!("{EXTRANET}/axes/nouveau")).await?,
        "élus manage",
    )?;
    Ok(())
}

#[tokio::test]
async fn managers_edit_axes_and_milestones_and_late_ones_show_on_the_dashboard() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let axis = first_axis(&elu).await?;
    let renamed = elu
        .post_form(
            &format!("{EXTRANET}/axes/{axis}/modifier"),
            &[
                ("title", "Climat et énergie"),
                ("position", "1"),
                ("weight", "2,5"),
            ],
        )
        .await?;
    ok(&renamed, "axis saved")?;
    ensure!(shows(&renamed, "Climat et énergie") && shows(&renamed, "Poids 2,5"));
    let empty_title = elu
        .post_form(
            &format!("{EXTRANET}/axes/{axis}/modifier"),
            &[("title", ""), ("weight", "-1")],
        )
        .await?;
    ensure!(
        empty_title.status == 422 && shows(&empty_title, "Le poids doit être un nombre positif")
    );

    let action = create_action(&elu, &axis, "Rénover l'école").await?;
    let added = elu
        .post_form(
            &format!("{EXTRANET}/actions/{action}/jalons"),
            &[
                ("milestone_title", "Choix de l'architecte"),
                ("due_on", "01/03/2026"),
            ],
        )
        .await?;
    ok(&added, "milestone added")?;
    ensure!(shows(&added, "Choix de l") && shows(&added, "En retard"));
    let blocked = elu
        .post_form(&format!("{EXTRANET}/axes/{axis}/supprimer"), &[])
        .await?;
    ensure!(blocked.status == 409 && shows(&blocked, "Cet axe a encore des actions"));

    let dashboard = elu.get("/extranet/").await?;
    ok(&dashboard, "extranet dashboard")?;
    ensure!(
        shows(&dashboard, "1 jalon en retard"),
        "{}",
        excerpt(&dashboard.text)
    );
    let portal = host.client().get("/").await?;
    ensure!(
        shows(&portal, "Climat et énergie"),
        "portal widget lists the axes"
    );
    Ok(())
}

/// Keys of the plugin's catalogue that hold a dash: if one shows as text,
/// a message is missing.
fn catalogue_keys() -> Result<Vec<String>> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/en.ftl"))?;
    Ok(text
        .lines()
        .filter_map(|l| l.split_once(" = ").map(|(k, _)| k.trim().to_owned()))
        .filter(|k| k.contains('-') && !k.starts_with(' '))
        .collect())
}

#[tokio::test]
async fn every_page_renders_in_french_and_in_english_without_a_missing_message() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let admin = host.login("admin").await?;
    let citizen = host.login("citoyen").await?;
    let axis = first_axis(&elu).await?;
    let action = create_action(&elu, &axis, "Composter").await?;
    let indicator = create_indicator(&elu, &action, "DECHETS", true).await?;
    ok(
        &enter_value(&elu, &indicator, "2024-12-31", "280", "65123").await?,
        "value",
    )?;
    ok(
        &enter_value(&elu, &indicator, "2025-12-31", "250", "").await?,
        "value",
    )?;
    elu.post_form(
        &format!("{EXTRANET}/actions/{action}/jalons"),
        &[("milestone_title", "Étude"), ("due_on", "2026-09-01")],
    )
    .await?;
    citizen
        .post_form(
            &format!("/agenda21/actions/{action}/avis"),
            &[("rating", "5"), ("comment", "Bien")],
        )
        .await?;
    publish(&host, "polls.closed", r#"{"poll_id":1,"title":"T","closed_at":"2026-06-01T10:00:00Z","participants":12,"questions":[]}"#).await?;
    let measurement = {
        let page = elu
            .get(&format!("{EXTRANET}/indicateurs/{indicator}"))
            .await?;
        let at = page.text.find("mesures/").context("a value link")? + "mesures/".len();
        page.text[at..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
    };
    let milestone = {
        let page = elu.get(&format!("{EXTRANET}/actions/{action}")).await?;
        let at = page.text.find("jalons/").context("a milestone link")? + "jalons/".len();
        page.text[at..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
    };
    let public = [
        "/agenda21/".to_owned(),
        format!("/agenda21/axes/{axis}"),
        format!("/agenda21/actions/{action}"),
        "/agenda21/indicateurs".to_owned(),
        format!("/agenda21/indicateurs/{indicator}"),
        "/agenda21/donnees".to_owned(),
        "/".to_owned(),
    ];
    let staff = [
        format!("{EXTRANET}/"),
        format!("{EXTRANET}/axes/nouveau"),
        format!("{EXTRANET}/axes/{axis}/modifier"),
        format!("{EXTRANET}/actions/nouvelle"),
        format!("{EXTRANET}/actions/{action}"),
        format!("{EXTRANET}/actions/{action}/modifier"),
        format!("{EXTRANET}/jalons/{milestone}/modifier"),
        format!("{EXTRANET}/indicateurs"),
        format!("{EXTRANET}/indicateurs/nouveau"),
        format!("{EXTRANET}/indicateurs/{indicator}"),
        format!("{EXTRANET}/indicateurs/{indicator}/modifier"),
        format!("{EXTRANET}/indicateurs/{indicator}/mesures"),
        format!("{EXTRANET}/mesures/{measurement}/modifier"),
        format!("{EXTRANET}/import"),
        format!("{EXTRANET}/evenements"),
        format!("{EXTRANET}/avis"),
        "/extranet/".to_owned(),
    ];
    let keys = catalogue_keys()?;
    for lang in ["fr", "en"] {
        admin.get(&format!("/langue/{lang}?next=/")).await?;
        for path in public.iter().chain(&staff) {
            let page = admin.get(path).await?;
            ok(&page, path)?;
            let missing: Vec<&String> = keys
                .iter()
                .filter(|k| {
                    page.text.contains(&format!(">{k}<"))
                        || page.text.contains(&format!(">{k} "))
                        || ["aria-label", "data-confirm", "title", "placeholder"]
                            .iter()
                            .any(|a| page.text.contains(&format!("{a}=\"{k}\"")))
                })
                .collect();
            ensure!(missing.is_empty(), "{path} in {lang} shows {missing:?}");
            ensure!(
                page.text.contains(&format!("lang=\"{lang}\"")),
                "{path} is in {lang}"
            );
        }
        let preview = admin
            .post_form(
                &format!("{EXTRANET}/import"),
                &[
                    ("step", "preview"),
                    (
                        "text",
                        "indicateur;date;valeur\nDECHETS;2023-12-31;1,5\nX;;\n",
                    ),
                ],
            )
            .await?;
        ensure!(preview.status == 422, "preview with problems in {lang}");
        let template = admin.get(&format!("{EXTRANET}/import/modele.csv")).await?;
        ensure!(
            template.text.contains("DECHETS"),
            "the template lists the codes"
        );
    }
    let english = admin
        .get(&format!("/agenda21/indicateurs/{indicator}"))
        .await?;
    ensure!(shows(&english, "Comparison between communes") && shows(&english, "Latest value"));
    ensure!(
        shows(&english, "1 January") || shows(&english, "31 December 2024"),
        "English dates"
    );
    Ok(())
}

#[tokio::test]
async fn a_person_downloads_then_erases_what_the_agenda_holds_about_them() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let axis = first_axis(&elu).await?;
    let action = create_action(&elu, &axis, "Pistes cyclables").await?;
    let indicator = create_indicator(&elu, &action, "VELO", false).await?;
    ok(
        &enter_value(&elu, &indicator, "2025-12-31", "250", "").await?,
        "value",
    )?;
    let citizen = host.login("citoyen").await?;
    citizen
        .post_form(
            &format!("/agenda21/actions/{action}/avis"),
            &[("rating", "2"), ("comment", "Trop lent")],
        )
        .await?;

    let mine = citizen.get("/compte/donnees.json").await?;
    ok(&mine, "citizen's data")?;
    ensure!(shows(&mine, "Trop lent"), "the opinion is in the download");
    let theirs = elu.get("/compte/donnees.json").await?;
    ensure!(
        shows(&theirs, "\"measured_on\": \"2025-12-31\""),
        "values entered are listed"
    );

    let gone = elu
        .post_form(
            "/compte/supprimer",
            &[("password", estive_testing::PASSWORD)],
        )
        .await?;
    ensure!(gone.status < 400, "account deleted: {}", gone.status);
    let agent = host.login("agent").await?;
    let page = agent
        .get(&format!("{EXTRANET}/indicateurs/{indicator}"))
        .await?;
    ok(&page, "indicator after erasure")?;
    ensure!(shows(&page, "250\u{a0}kg"), "the territory's value stays");
    ensure!(!shows(&page, "Élodie Élue"), "its author's name is gone");
    Ok(())
}
