//! Every form of the plugin as it is rendered: each test loads the page,
//! reads the form from its HTML, fills it only from what the page offers
//! (the options it shows, the hidden values it carries) and submits it as
//! a browser would, then checks the stored data. A select rendered
//! without a real option fails the submission.
//!
//! The templates hold twenty forms, each covered here:
//! - `action_form.html` (new and edit action) — `the_action_form_offers_…`;
//! - `indicator_form.html` (new and edit indicator) — `saving_an_indicator_unchanged_…`;
//! - `indicator_manage.html` (delete indicator) — `a_value_is_typed_for_one_commune_…`;
//! - `measurement_form.html` (new and edit value) and `_values_table.html`
//!   (delete value) — `a_value_is_typed_for_one_commune_…`;
//! - `events.html`: add a mapping, delete a mapping, replay an event —
//!   `an_event_mapping_is_added_…`;
//! - `axis_form.html` (new and edit axis) and `manage.html` (delete axis) —
//!   `axes_are_created_edited_and_deleted_…`;
//! - `action_manage.html` (add a milestone, delete the action) and
//!   `milestone_form.html` (edit and delete a milestone) —
//!   `milestones_and_an_action_without_indicators_…`;
//! - `import.html` (upload or paste) and `import_preview.html` (fix and
//!   preview again, confirm) — `a_csv_is_previewed_fixed_and_confirmed_…`;
//! - `action.html` (a citizen's opinion) and `opinions.html` (moderate a
//!   pending opinion, reverse a decision) — `a_citizens_opinion_is_sent_…`.

use anyhow::{Context as _, Result, ensure};
use estive_testing::{Client, Page};

use super::{
    EXTRANET, create_action, create_indicator, enter_value, first_axis, host, ok, progress_bar,
    publish, shown, shows, value,
};

/// Text of one column of one row of a plugin table.
async fn cell(
    host: &estive_testing::TestHost,
    table: &str,
    id: &str,
    column: &str,
) -> Result<Option<String>> {
    value(
        host,
        &format!("SELECT CAST({column} AS TEXT) FROM p_indicators__{table} WHERE id = {id}"),
    )
    .await
}

/// A number column of one row of a plugin table.
async fn number(
    host: &estive_testing::TestHost,
    table: &str,
    id: &str,
    column: &str,
) -> Result<Option<f64>> {
    cell(host, table, id, column)
        .await?
        .map(|v| Ok(v.parse::<f64>()?))
        .transpose()
}

/// How many rows a plugin table holds, with an optional condition.
async fn count(host: &estive_testing::TestHost, table: &str, filter: &str) -> Result<i64> {
    let sql = format!(
        "SELECT CAST(COUNT(*) AS TEXT) FROM p_indicators__{table}{}",
        if filter.is_empty() {
            String::new()
        } else {
            format!(" WHERE {filter}")
        }
    );
    Ok(value(host, &sql).await?.unwrap_or_default().parse()?)
}

#[tokio::test]
async fn the_action_form_offers_the_axes_and_statuses_and_saves_unchanged_as_it_was() -> Result<()>
{
    let host = host().await?;
    let elu = host.login("elu").await?;
    let new = shown(&elu, &format!("{EXTRANET}/actions/nouvelle")).await?;
    let form = new.form_with("axis_id")?;
    let axes = form.options("axis_id");
    ensure!(
        axes.iter().filter(|(v, _)| !v.is_empty()).count() == 5,
        "the five seeded axes are offered: {axes:?}"
    );
    ensure!(
        axes.iter()
            .any(|(_, l)| l == "Production et consommation responsables")
    );
    let statuses: Vec<String> = form.options("status").into_iter().map(|(v, _)| v).collect();
    ensure!(
        statuses == ["planned", "in_progress", "done", "abandoned"],
        "{statuses:?}"
    );
    ensure!(form.value("status").as_deref() == Some("planned"));
    // Typing helpers reach the browser as attributes, not escaped text.
    ensure!(
        new.text
            .contains(r#"inputmode="decimal" autocomplete="off""#)
    );
    ensure!(new.text.contains(r#"inputmode="numeric""#));
    ensure!(!new.text.contains("&quot;"), "no escaped attribute quotes");

    let axis = first_axis(&elu).await?;
    let action = create_action(&elu, &axis, "Composter les biodéchets").await?;
    let columns = [
        "axis_id",
        "title",
        "description",
        "pilot",
        "communes",
        "status",
        "starts_on",
        "ends_on",
        "budget_planned",
        "progress_mode",
        "progress",
        "weight",
        "position",
    ];
    let mut before = Vec::new();
    for c in columns {
        before.push(cell(&host, "actions", &action, c).await?);
    }
    ensure!(before[0].as_deref() == Some(axis.as_str()), "{before:?}");
    ensure!(before[5].as_deref() == Some("in_progress"));
    ensure!(number(&host, "actions", &action, "budget_planned").await? == Some(12_500.5));

    let edit = shown(&elu, &format!("{EXTRANET}/actions/{action}/modifier")).await?;
    let form = edit.form_with("axis_id")?;
    ensure!(form.value("axis_id").as_deref() == Some(axis.as_str()));
    ensure!(form.values("communes") == ["65123", "65059"]);
    let saved = form.submit(&elu).await?;
    ok(&saved, "action saved unchanged")?;
    for (c, was) in columns.iter().zip(&before) {
        let now = cell(&host, "actions", &action, c).await?;
        ensure!(&now == was, "{c} changed from {was:?} to {now:?}");
    }

    // Moved to another axis from the list the form offers.
    let mut form = shown(&elu, &format!("{EXTRANET}/actions/{action}/modifier"))
        .await?
        .form_with("axis_id")?;
    form.choose("axis_id", "Production et consommation")?;
    let other = form.value("axis_id").context("an axis chosen")?;
    ensure!(other != axis);
    ok(&form.submit(&elu).await?, "moved")?;
    ensure!(cell(&host, "actions", &action, "axis_id").await? == Some(other));
    Ok(())
}

/// The percentage a public page's progress bar shows.
async fn published(visitor: &Client, path: &str, bar: &str) -> Result<Option<i64>> {
    progress_bar(&shown(visitor, path).await?, bar)
}

#[tokio::test]
async fn saving_an_indicator_unchanged_keeps_it_in_its_action_and_the_published_progress_where_it_was()
-> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let axis = first_axis(&elu).await?;
    let action = create_action(&elu, &axis, "Composter les biodéchets").await?;
    let indicator = create_indicator(&elu, &action, "DECHETS", false).await?;
    ok(
        &enter_value(&elu, &indicator, "2025-12-31", "262", "").await?,
        "value",
    )?;
    let visitor = host.client();
    let action_page = format!("/agenda21/actions/{action}");
    let axis_page = format!("/agenda21/axes/{axis}");
    let before = (
        published(&visitor, &action_page, "action").await?,
        published(&visitor, &axis_page, "axis").await?,
        published(&visitor, "/agenda21/", "programme").await?,
    );
    // 300 kg → 200 kg, at 262 kg: 38 %.
    ensure!(before.0 == Some(38), "{before:?}");

    let edit = shown(
        &elu,
        &format!("{EXTRANET}/indicateurs/{indicator}/modifier"),
    )
    .await?;
    let form = edit.form_with("action_id")?;
    ensure!(
        form.value("action_id").as_deref() == Some(action.as_str()),
        "the indicator's action is chosen"
    );
    let offered = form.options("action_id");
    ensure!(
        offered
            .iter()
            .any(|(v, l)| v == &action && l == "Composter les biodéchets"),
        "{offered:?}"
    );
    ensure!(
        offered.iter().any(|(v, _)| v == "none"),
        "a context indicator is an explicit choice"
    );
    let frequencies: Vec<String> = form
        .options("frequency")
        .into_iter()
        .map(|(v, _)| v)
        .collect();
    ensure!(frequencies.len() >= 3 && frequencies.contains(&"yearly".to_owned()));
    ensure!(form.value("frequency").as_deref() == Some("yearly"));
    let saved = form.submit(&elu).await?;
    ok(&saved, "indicator saved unchanged")?;
    ensure!(cell(&host, "indicators", &indicator, "action_id").await? == Some(action.clone()));
    let after = (
        published(&visitor, &action_page, "action").await?,
        published(&visitor, &axis_page, "axis").await?,
        published(&visitor, "/agenda21/", "programme").await?,
    );
    ensure!(after == before, "progress moved: {before:?} → {after:?}");

    // A request without a chosen action is refused, not an unlink.
    let mut emptied = edit.form_with("action_id")?;
    emptied.set("action_id", "")?;
    ensure!(
        emptied.check_complete().is_err(),
        "the browser's form stops at the required select"
    );
    let mut fields: Vec<(String, String)> = Vec::new();
    // The client adds its own CSRF token.
    for name in emptied.names().into_iter().filter(|n| n != "csrf_token") {
        if let Some(v) = emptied.value(&name) {
            fields.push((name, v));
        }
    }
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let refused = elu
        .post_form(
            &format!("{EXTRANET}/indicateurs/{indicator}/modifier"),
            &refs,
        )
        .await?;
    ensure!(refused.status == 422, "status {}", refused.status);
    ensure!(shows(&refused, "Ce champ est obligatoire"));
    ensure!(cell(&host, "indicators", &indicator, "action_id").await? == Some(action.clone()));

    // A context indicator is chosen as such from the list.
    let mut form = shown(
        &elu,
        &format!("{EXTRANET}/indicateurs/{indicator}/modifier"),
    )
    .await?
    .form_with("action_id")?;
    form.choose("action_id", "indicateur de contexte")?;
    ok(&form.submit(&elu).await?, "unlinked on purpose")?;
    ensure!(
        cell(&host, "indicators", &indicator, "action_id")
            .await?
            .is_none()
    );
    Ok(())
}

#[tokio::test]
async fn a_value_is_typed_for_one_commune_corrected_then_deleted_through_the_rendered_forms()
-> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let agent = host.login("agent").await?;
    let axis = first_axis(&elu).await?;
    let action = create_action(&elu, &axis, "Réduire les déchets").await?;
    let indicator = create_indicator(&elu, &action, "OMR", false).await?;

    let page = shown(
        &agent,
        &format!("{EXTRANET}/indicateurs/{indicator}/mesures"),
    )
    .await?;
    ensure!(
        page.text.contains(r#"max="2026-06-15""#),
        "no date after today"
    );
    let mut form = page.form_with("measured_on")?;
    ensure!(
        form.value("commune").as_deref() == Some(""),
        "the whole territory by default"
    );
    form.set("measured_on", "2025-12-31")?
        .set("value", "241,5")?
        .choose("commune", "Bourisp")?;
    let saved = form.submit(&agent).await?;
    ok(&saved, "value for Bourisp")?;
    let filter = format!("indicator_id = {indicator}");
    ensure!(count(&host, "measurements", &filter).await? == 1);
    let id = value(
        &host,
        &format!("SELECT CAST(id AS TEXT) FROM p_indicators__measurements WHERE {filter}"),
    )
    .await?
    .context("a measurement")?;
    ensure!(
        cell(&host, "measurements", &id, "commune")
            .await?
            .as_deref()
            == Some("65059")
    );
    ensure!(number(&host, "measurements", &id, "value").await? == Some(241.5));

    // Corrected through the edit form, which shows what was typed.
    let mut form = shown(&agent, &format!("{EXTRANET}/mesures/{id}/modifier"))
        .await?
        .form_with("measured_on")?;
    ensure!(form.value("commune").as_deref() == Some("65059"));
    ensure!(form.value("value").as_deref() == Some("241,5"));
    form.set("value", "238")?;
    ok(&form.submit(&agent).await?, "corrected")?;
    ensure!(number(&host, "measurements", &id, "value").await? == Some(238.0));
    ensure!(
        cell(&host, "measurements", &id, "commune")
            .await?
            .as_deref()
            == Some("65059")
    );

    // Deleted from the indicator's table of values.
    let manage = shown(&agent, &format!("{EXTRANET}/indicateurs/{indicator}")).await?;
    let delete = manage.form(&format!("{EXTRANET}/mesures/{id}/supprimer"))?;
    ok(&delete.submit(&agent).await?, "value deleted")?;
    ensure!(count(&host, "measurements", &filter).await? == 0);

    // And the indicator itself, from its page.
    ok(
        &enter_value(&agent, &indicator, "2025-12-31", "250", "").await?,
        "another value",
    )?;
    let manage = shown(&elu, &format!("{EXTRANET}/indicateurs/{indicator}")).await?;
    let delete = manage.form(&format!("{EXTRANET}/indicateurs/{indicator}/supprimer"))?;
    ok(&delete.submit(&elu).await?, "indicator deleted")?;
    ensure!(count(&host, "indicators", &format!("id = {indicator}")).await? == 0);
    ensure!(count(&host, "measurements", &filter).await? == 0);
    Ok(())
}

#[tokio::test]
async fn an_event_mapping_is_added_from_the_offered_topics_and_indicators_replayed_and_removed()
-> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let axis = first_axis(&elu).await?;
    let action = create_action(&elu, &axis, "Manger mieux à la cantine").await?;
    let indicator = create_indicator(&elu, &action, "REPAS", false).await?;
    publish(
        &host,
        "canteen.day-locked",
        r#"{"school":"École des Granges","date":"2026-06-11","totals":{"standard":84,"vegetarian":20},"total":104}"#,
    )
    .await?;

    let page = shown(&elu, &format!("{EXTRANET}/evenements")).await?;
    ensure!(page.text.contains(r#"list="indicators-field-suggestions""#));
    let mut form = page.form(&format!("{EXTRANET}/evenements/correspondances"))?;
    let topics: Vec<String> = form.options("topic").into_iter().map(|(v, _)| v).collect();
    ensure!(
        topics
            == [
                "",
                "polls.closed",
                "canteen.day-locked",
                "jobs.season-figures",
                "housing.season-figures"
            ],
        "{topics:?}"
    );
    ensure!(
        form.options("indicator_id")
            .iter()
            .any(|(v, l)| v == &indicator && l.contains("(REPAS)"))
    );
    form.set("topic", "canteen.day-locked")?
        .set("field", "totals.vegetarian")?
        .choose("indicator_id", "REPAS")?
        .set("period", "month")?
        .set("combine", "sum")?
        .uncheck("replay", "on")?;
    ok(&form.submit(&elu).await?, "mapping added")?;
    ensure!(count(&host, "mappings", "topic = 'canteen.day-locked'").await? == 1);
    ensure!(
        count(&host, "measurements", "").await? == 0,
        "not replayed: the box was unticked"
    );

    // The event kept as ignored is applied with its replay button.
    let page = shown(&elu, &format!("{EXTRANET}/evenements")).await?;
    let replay = page
        .forms()
        .into_iter()
        .find(|f| f.action.contains("/evenements/recus/"))
        .context("a replay form")?;
    ok(&replay.submit(&elu).await?, "replayed")?;
    let stored = value(
        &host,
        &format!("SELECT CAST(id AS TEXT) FROM p_indicators__measurements WHERE indicator_id = {indicator}"),
    )
    .await?
    .context("a value from the event")?;
    ensure!(number(&host, "measurements", &stored, "value").await? == Some(20.0));
    ensure!(
        cell(&host, "measurements", &stored, "measured_on")
            .await?
            .as_deref()
            == Some("2026-06-01"),
        "filed at the start of the month"
    );

    // Removed with its delete button.
    let page = shown(&elu, &format!("{EXTRANET}/evenements")).await?;
    let mapping = value(&host, "SELECT CAST(id AS TEXT) FROM p_indicators__mappings")
        .await?
        .context("a mapping")?;
    let delete = page.form(&format!(
        "{EXTRANET}/evenements/correspondances/{mapping}/supprimer"
    ))?;
    ok(&delete.submit(&elu).await?, "mapping deleted")?;
    ensure!(count(&host, "mappings", "").await? == 0);
    Ok(())
}

#[tokio::test]
async fn axes_are_created_edited_and_deleted_through_their_rendered_forms() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let mut form = shown(&elu, &format!("{EXTRANET}/axes/nouveau"))
        .await?
        .form_with("title")?;
    form.set("title", "Mobilités douces")?
        .set("description", "Marcher et pédaler d'un village à l'autre.")?
        .set("position", "6")?
        .set("weight", "1,5")?;
    ok(&form.submit(&elu).await?, "axis created")?;
    let id = value(
        &host,
        "SELECT CAST(id AS TEXT) FROM p_indicators__axes WHERE title = 'Mobilités douces'",
    )
    .await?
    .context("the new axis")?;
    ensure!(number(&host, "axes", &id, "weight").await? == Some(1.5));

    let mut form = shown(&elu, &format!("{EXTRANET}/axes/{id}/modifier"))
        .await?
        .form_with("title")?;
    ensure!(form.value("weight").as_deref() == Some("1,5"));
    form.set("title", "Mobilités actives")?;
    ok(&form.submit(&elu).await?, "axis renamed")?;
    ensure!(cell(&host, "axes", &id, "title").await?.as_deref() == Some("Mobilités actives"));
    ensure!(cell(&host, "axes", &id, "position").await?.as_deref() == Some("6"));

    let manage = shown(&elu, &format!("{EXTRANET}/")).await?;
    let delete = manage.form(&format!("{EXTRANET}/axes/{id}/supprimer"))?;
    ok(&delete.submit(&elu).await?, "axis deleted")?;
    ensure!(count(&host, "axes", "").await? == 5);
    Ok(())
}

#[tokio::test]
async fn milestones_and_an_action_without_indicators_are_managed_through_their_rendered_forms()
-> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let axis = first_axis(&elu).await?;
    let action = create_action(&elu, &axis, "Rénover l'école").await?;
    let page = shown(&elu, &format!("{EXTRANET}/actions/{action}")).await?;
    let mut form = page.form(&format!("{EXTRANET}/actions/{action}/jalons"))?;
    form.set("milestone_title", "Choix de l'architecte")?
        .set("due_on", "2026-03-01")?;
    let added = form.submit(&elu).await?;
    ok(&added, "milestone added")?;
    ensure!(shows(&added, "En retard"));
    let milestone = value(
        &host,
        &format!(
            "SELECT CAST(id AS TEXT) FROM p_indicators__milestones WHERE action_id = {action}"
        ),
    )
    .await?
    .context("the milestone")?;

    let edit = shown(&elu, &format!("{EXTRANET}/jalons/{milestone}/modifier")).await?;
    let mut form = edit.form_with("milestone_title")?;
    ensure!(form.value("due_on").as_deref() == Some("2026-03-01"));
    form.set("done_on", "2026-03-10")?;
    ok(&form.submit(&elu).await?, "milestone done")?;
    ensure!(
        cell(&host, "milestones", &milestone, "done_on")
            .await?
            .as_deref()
            == Some("2026-03-10")
    );
    ensure!(
        cell(&host, "milestones", &milestone, "title")
            .await?
            .as_deref()
            == Some("Choix de l'architecte")
    );

    let edit = shown(&elu, &format!("{EXTRANET}/jalons/{milestone}/modifier")).await?;
    let delete = edit.form(&format!("{EXTRANET}/jalons/{milestone}/supprimer"))?;
    ok(&delete.submit(&elu).await?, "milestone deleted")?;
    ensure!(count(&host, "milestones", "").await? == 0);

    let page = shown(&elu, &format!("{EXTRANET}/actions/{action}")).await?;
    let delete = page.form(&format!("{EXTRANET}/actions/{action}/supprimer"))?;
    ok(&delete.submit(&elu).await?, "action deleted")?;
    ensure!(count(&host, "actions", "").await? == 0);
    Ok(())
}

#[tokio::test]
async fn a_csv_is_previewed_fixed_and_confirmed_through_the_rendered_import_forms() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let agent = host.login("agent").await?;
    let axis = first_axis(&elu).await?;
    let action = create_action(&elu, &axis, "Composter").await?;
    let indicator = create_indicator(&elu, &action, "DECHETS", false).await?;

    let page = shown(&agent, &format!("{EXTRANET}/import")).await?;
    let mut form = page.form_with("text")?;
    ensure!(form.multipart, "the upload form sends files");
    ensure!(form.value("step").as_deref() == Some("preview"));
    form.set(
        "text",
        "Indicateur;Date;Valeur;Commune\nDECHETS;31/12/2024;deux cents;\nDECHETS;2023-12-31;275,25;Arreau\n",
    )?;
    let problems = form.submit(&agent).await?;
    ensure!(problems.status == 422, "status {}", problems.status);
    ensure!(shows(&problems, "deux cents"));

    let mut fix = problems.form_with("text")?;
    ensure!(fix.value("step").as_deref() == Some("preview"));
    ensure!(
        fix.value("text").is_some_and(|t| t.contains("deux cents")),
        "the file comes back to be fixed"
    );
    fix.set(
        "text",
        "Indicateur;Date;Valeur;Commune\nDECHETS;31/12/2024;200;\nDECHETS;2023-12-31;275,25;Arreau\n",
    )?;
    let preview = fix.submit(&agent).await?;
    ok(&preview, "preview")?;
    ensure!(shows(&preview, "2 valeurs prêtes à être enregistrées"));
    ensure!(
        count(&host, "measurements", "").await? == 0,
        "nothing saved yet"
    );

    let confirm = preview.form_with("text")?;
    ensure!(confirm.value("step").as_deref() == Some("confirm"));
    let saved = confirm.submit(&agent).await?;
    ok(&saved, "imported")?;
    ensure!(shows(&saved, "2 valeurs ont été importées"));
    let ids = super::column(
        &host,
        &format!(
            "SELECT CAST(id AS TEXT) FROM p_indicators__measurements WHERE indicator_id = {indicator} ORDER BY measured_on"
        ),
    )
    .await?;
    let mut rows = Vec::new();
    for id in ids.into_iter().flatten() {
        rows.push((
            cell(&host, "measurements", &id, "measured_on").await?,
            cell(&host, "measurements", &id, "commune").await?,
            number(&host, "measurements", &id, "value").await?,
        ));
    }
    let row = |on: &str, commune: &str, value: f64| {
        (Some(on.to_owned()), Some(commune.to_owned()), Some(value))
    };
    ensure!(
        rows == [
            row("2023-12-31", "65123", 275.25),
            row("2024-12-31", "", 200.0)
        ],
        "{rows:?}"
    );
    Ok(())
}

/// The id of the first opinion in the moderation queue.
async fn opinion_id(host: &estive_testing::TestHost) -> Result<String> {
    value(host, "SELECT CAST(id AS TEXT) FROM p_indicators__opinions")
        .await?
        .context("an opinion")
}

#[tokio::test]
async fn a_citizens_opinion_is_sent_and_moderated_through_the_rendered_forms() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let axis = first_axis(&elu).await?;
    let action = create_action(&elu, &axis, "Pistes cyclables").await?;

    let citizen: Client = host.login("citoyen").await?;
    let page = shown(&citizen, &format!("/agenda21/actions/{action}")).await?;
    let mut form = page.form(&format!("/agenda21/actions/{action}/avis"))?;
    let ratings: Vec<String> = form.options("rating").into_iter().map(|(v, _)| v).collect();
    ensure!(ratings == ["5", "4", "3", "2", "1"], "{ratings:?}");
    form.set("rating", "4")?
        .set("comment", "Enfin une piste jusqu'à l'école !")?;
    let sent = form.submit(&citizen).await?;
    ok(&sent, "opinion sent")?;
    let id = opinion_id(&host).await?;
    ensure!(cell(&host, "opinions", &id, "status").await?.as_deref() == Some("pending"));
    ensure!(cell(&host, "opinions", &id, "rating").await?.as_deref() == Some("4"));

    let agent = host.login("agent").await?;
    let queue = shown(&agent, &format!("{EXTRANET}/avis")).await?;
    let mut form = queue.form(&format!("{EXTRANET}/avis/{id}"))?;
    let buttons: Vec<String> = form.buttons().iter().map(|b| b.value.clone()).collect();
    ensure!(buttons == ["approved", "rejected"], "{buttons:?}");
    form.set("reason", "Nom d'une personne cité")?;
    ok(
        &form.submit_with(&agent, "decision", "rejected").await?,
        "rejected",
    )?;
    ensure!(cell(&host, "opinions", &id, "status").await?.as_deref() == Some("rejected"));
    ensure!(
        cell(&host, "opinions", &id, "reason").await?.as_deref() == Some("Nom d'une personne cité")
    );

    // The decision is reversed from the table of decided opinions.
    let queue = shown(&agent, &format!("{EXTRANET}/avis")).await?;
    let form = queue.form(&format!("{EXTRANET}/avis/{id}"))?;
    ensure!(form.value("reason").as_deref() == Some("Nom d'une personne cité"));
    ok(
        &form.submit_with(&agent, "decision", "approved").await?,
        "approved",
    )?;
    ensure!(cell(&host, "opinions", &id, "status").await?.as_deref() == Some("approved"));
    let public = shown(&host.client(), &format!("/agenda21/actions/{action}")).await?;
    ensure!(shows(&public, "Enfin une piste"), "published");
    Ok(())
}

/// The error summary of a page shown again: each line's link target and
/// text, in the page's order.
fn summary(page: &Page) -> Vec<(String, String)> {
    page.error_summary()
}

fn line(target: &str, text: &str) -> (String, String) {
    (format!("indicators-{target}"), text.to_owned())
}

#[tokio::test]
async fn forms_shown_again_sum_up_their_errors_in_form_order_with_the_count_in_the_title_only()
-> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let page = shown(&elu, &format!("{EXTRANET}/indicateurs/nouveau")).await?;
    let mut form = page.form_with("action_id")?;
    // No title, and a baseline dated in the future without its value: the
    // value is found missing after the date is checked, and still comes
    // first, as in the form.
    form.set("title", "")?
        .choose("action_id", "indicateur de contexte")?
        .set("baseline_on", "2027-01-01")?;
    let again = form.submit(&elu).await?;
    ensure!(again.status == 422, "status {}", again.status);
    let lines = summary(&again);
    ensure!(
        lines
            == [
                line("title", "Titre : Ce champ est obligatoire."),
                line(
                    "baseline_value",
                    "Valeur de référence : Donnez la valeur de référence mesurée à cette date."
                ),
                line(
                    "baseline_on",
                    "Date de la valeur de référence : Cette date est dans le futur : une valeur ne peut pas être mesurée à l'avance."
                ),
            ],
        "{lines:#?}"
    );
    for (target, _) in &lines {
        ensure!(again.text.contains(&format!("id=\"{target}\"")), "{target}");
    }
    ensure!(
        again.title().starts_with("Erreur : 3 champs à corriger"),
        "{}",
        again.title()
    );
    ensure!(
        again.heading() == "Nouvel indicateur",
        "{}",
        again.heading()
    );
    let kept = again.form_with("action_id")?;
    ensure!(kept.value("baseline_on").as_deref() == Some("2027-01-01"));
    ensure!(count(&host, "indicators", "").await? == 0);

    // On an action's page, the milestone form shown again: the page keeps
    // its own heading.
    let axis = first_axis(&elu).await?;
    let action = create_action(&elu, &axis, "Rénover l'école").await?;
    let page = shown(&elu, &format!("{EXTRANET}/actions/{action}")).await?;
    let mut form = page.form(&format!("{EXTRANET}/actions/{action}/jalons"))?;
    form.set("done_on", "2026-07-01")?;
    let again = form.submit(&elu).await?;
    ensure!(again.status == 422, "status {}", again.status);
    let lines = summary(&again);
    ensure!(
        lines
            == [
                line("milestone_title", "Titre : Ce champ est obligatoire."),
                line(
                    "done_on",
                    "Atteint le : Un jalon ne peut pas être atteint à une date future."
                ),
            ],
        "{lines:#?}"
    );
    ensure!(
        again.title().starts_with("Erreur : 2 champs à corriger"),
        "{}",
        again.title()
    );
    ensure!(again.heading() == "Rénover l'école", "{}", again.heading());
    ensure!(count(&host, "milestones", "").await? == 0);
    Ok(())
}

#[test]
fn the_templates_hold_the_twenty_forms_this_module_covers() -> Result<()> {
    let forms = estive_testing::template_forms(env!("CARGO_MANIFEST_DIR").as_ref())?;
    let total: usize = forms.values().sum();
    ensure!(
        total == 20,
        "{total} forms in the templates ({forms:?}): a new one comes with its rendered-form test here"
    );
    Ok(())
}
