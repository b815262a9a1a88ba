//! Every form of the plugin as it is rendered: each test loads the page,
//! reads the form from its HTML, fills it only from what the page offers
//! (the options it shows, the hidden values it carries) and submits it as
//! a browser would, then checks the stored data.
//!
//! The plugin's templates hold ten forms: the answer form (`show.html`);
//! the poll form (`poll_form.html`, new and edit); the question form
//! (`question_form.html`, new and edit); the quick poll (`quick.html`);
//! publish, close, delete, move up, move down and delete a question
//! (`detail.html`); moderation (`moderation.html`).

use anyhow::{Context as _, Result, ensure};
use estive_testing::{Client, Form, Kind, Page, TestHost};

use super::{PollSpec, create_poll, host, publish};

/// The first column of every row of a query on the test host's database,
/// as text (cast numbers in the query).
pub async fn column(host: &TestHost, sql: &str) -> Result<Vec<Option<String>>> {
    use sea_orm::{ConnectionTrait, Statement};
    let db = &host.state.platform.db;
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?;
    rows.iter()
        .map(|r| Ok(r.try_get_by_index::<Option<String>>(0)?))
        .collect()
}

/// The one value a query gives.
pub async fn value(host: &TestHost, sql: &str) -> Result<String> {
    let mut all = column(host, sql).await?;
    ensure!(all.len() == 1, "`{sql}` gave {} rows", all.len());
    all.remove(0).with_context(|| format!("`{sql}` gave NULL"))
}

/// The poll id at the end of the page's path (`…/consultations/<id>`).
pub fn id_in(page: &Page) -> Result<String> {
    let id = page.path.rsplit('/').next().unwrap_or_default();
    ensure!(
        !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()),
        "not a poll page: {} (status {})",
        page.path,
        page.status
    );
    Ok(id.to_owned())
}

/// A page that must be shown.
pub async fn shown(client: &Client, path: &str) -> Result<Page> {
    let page = client.get(path).await?;
    ensure!(page.status == 200, "{path}: status {}", page.status);
    Ok(page)
}

/// Fills every question of an answer form from what it offers: the first
/// choice of each radio group, the first box of each set, ranks 1, 2, 3…
/// down the ranking lists, and a sentence in each free text.
pub fn answer_everything(form: &mut Form) -> Result<()> {
    let fields: Vec<(String, Kind)> = form
        .fields()
        .iter()
        .map(|f| (f.name.clone(), f.kind.clone()))
        .collect();
    let mut rank = std::collections::BTreeMap::<String, usize>::new();
    let mut done = std::collections::BTreeSet::new();
    for (name, kind) in fields {
        if !name.starts_with('q') || name.ends_with("-other") || !done.insert(name.clone()) {
            continue;
        }
        match kind {
            Kind::Radio => {
                form.choose_any(&name)?;
            }
            Kind::Checkbox => {
                let first = form.options(&name).first().cloned().context("a box")?;
                form.check(&name, &first.0)?;
            }
            Kind::Select { .. } => {
                // `q3-r7`: one list per option of ranking question 3.
                let question = name.split("-r").next().unwrap_or_default().to_owned();
                let next = rank.entry(question).or_insert(0);
                *next += 1;
                form.set(&name, &next.to_string())?;
            }
            Kind::Text | Kind::TextArea => {
                form.set(&name, "Des horaires le samedi.")?;
            }
            other => anyhow::bail!("unexpected {other:?} `{name}` in the answer form"),
        }
    }
    Ok(())
}

#[tokio::test]
async fn the_new_poll_form_makes_a_draft_of_what_it_offers() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let page = shown(&elu, "/extranet/consultations/new").await?;
    let mut form = page.form("/extranet/consultations/new")?;
    let opens = form.value("opens_at").context("an opening time")?;
    let closes = form.value("closes_at").context("a closing time")?;
    let themes = form.options("themes");
    ensure!(
        themes.len() >= 5,
        "the site's themes are offered: {themes:?}"
    );
    let (theme, _) = themes[1].clone();
    form.set("title", "Horaires de la médiathèque")?
        .set("description", "Vos souhaits pour l'hiver.")?
        .check("themes", &theme)?
        .set("new_themes", "Lecture publique")?
        .choose("audience", "Personnes connectées")?
        .choose("results", "en direct")?;
    let done = form.submit(&elu).await?;
    assert_eq!(done.status, 200);
    assert!(done.contains("Brouillon créé"), "the notice says so");
    let id = id_in(&done)?;
    let row = |c: &str| format!("SELECT CAST({c} AS TEXT) FROM p_polls__polls WHERE id = {id}");
    assert_eq!(
        value(&host, &row("title")).await?,
        "Horaires de la médiathèque"
    );
    assert_eq!(value(&host, &row("status")).await?, "draft");
    assert_eq!(value(&host, &row("audience")).await?, "accounts");
    assert_eq!(value(&host, &row("results")).await?, "live");
    assert_eq!(value(&host, &row("opens_at")).await?, opens);
    assert_eq!(value(&host, &row("closes_at")).await?, closes);
    let stored: Vec<String> = serde_json::from_str(&value(&host, &row("themes")).await?)?;
    assert_eq!(stored, [theme.as_str(), "Lecture publique"]);
    Ok(())
}

#[tokio::test]
async fn the_edit_form_saves_a_change_and_keeps_everything_else() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let id = create_poll(&elu, PollSpec::default()).await?;
    let row = |c: &str| format!("SELECT CAST({c} AS TEXT) FROM p_polls__polls WHERE id = {id}");
    let mut before = Vec::new();
    for c in [
        "themes",
        "opens_at",
        "closes_at",
        "audience",
        "anonymous",
        "results",
    ] {
        before.push(value(&host, &row(c)).await?);
    }

    let page = shown(&elu, &format!("/extranet/consultations/{id}/edit")).await?;
    let mut form = page.form(&format!("/extranet/consultations/{id}/edit"))?;
    assert_eq!(
        form.value("title").as_deref(),
        Some("Horaires de la piscine")
    );
    form.set("title", "Horaires d'été de la piscine")?;
    let done = form.submit(&elu).await?;
    assert!(done.contains("Consultation enregistrée"), "{}", done.path);

    assert_eq!(
        value(&host, &row("title")).await?,
        "Horaires d'été de la piscine"
    );
    let mut after = Vec::new();
    for c in [
        "themes",
        "opens_at",
        "closes_at",
        "audience",
        "anonymous",
        "results",
    ] {
        after.push(value(&host, &row(c)).await?);
    }
    assert_eq!(after, before, "saving as rendered changes nothing else");
    Ok(())
}

#[tokio::test]
async fn the_question_forms_add_a_question_and_edit_it() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let page = shown(&elu, "/extranet/consultations/new").await?;
    let mut form = page.form("/extranet/consultations/new")?;
    form.set("title", "Marché du dimanche")?;
    let id = id_in(&form.submit(&elu).await?)?;

    let path = format!("/extranet/consultations/{id}/questions/new");
    let page = shown(&elu, &path).await?;
    let mut form = page.form(&path)?;
    let kinds: Vec<String> = form.options("kind").into_iter().map(|(v, _)| v).collect();
    assert_eq!(
        kinds,
        [
            "single",
            "multiple",
            "ranking",
            "scale",
            "short_text",
            "long_text"
        ]
    );
    form.choose("kind", "Choix multiple")?
        .set("title", "Quels stands ?")?
        .set("options", "Fromages\nLégumes\nPain")?
        .set("max_choices", "2")?;
    let done = form.submit(&elu).await?;
    assert!(done.contains("Question ajoutée"), "{}", done.path);
    let qid = value(
        &host,
        &format!("SELECT CAST(id AS TEXT) FROM p_polls__questions WHERE poll_id = {id}"),
    )
    .await?;
    let q = |c: &str| format!("SELECT CAST({c} AS TEXT) FROM p_polls__questions WHERE id = {qid}");
    assert_eq!(value(&host, &q("kind")).await?, "multiple");
    assert_eq!(value(&host, &q("max_choices")).await?, "2");
    let options = column(
        &host,
        &format!("SELECT label FROM p_polls__options WHERE question_id = {qid} ORDER BY position"),
    )
    .await?;
    assert_eq!(
        options,
        [
            Some("Fromages".into()),
            Some("Légumes".into()),
            Some("Pain".into())
        ]
    );

    let path = format!("/extranet/consultations/{id}/questions/{qid}");
    let page = shown(&elu, &path).await?;
    let mut form = page.form(&path)?;
    assert_eq!(form.value("kind").as_deref(), Some("multiple"));
    form.set("title", "Quels stands voulez-vous ?")?;
    let done = form.submit(&elu).await?;
    assert!(done.contains("Question enregistrée"), "{}", done.path);
    assert_eq!(
        value(&host, &q("title")).await?,
        "Quels stands voulez-vous ?"
    );
    assert_eq!(value(&host, &q("kind")).await?, "multiple");
    assert_eq!(value(&host, &q("max_choices")).await?, "2");
    let kept = column(
        &host,
        &format!("SELECT label FROM p_polls__options WHERE question_id = {qid} ORDER BY position"),
    )
    .await?;
    assert_eq!(kept, options, "the options come back as they were");
    Ok(())
}

/// The form of the detail page sending to `action` whose hidden
/// `direction` is `direction`.
fn move_form(page: &Page, action: &str, direction: &str) -> Result<Form> {
    page.forms()
        .into_iter()
        .find(|f| f.action == action && f.value("direction").as_deref() == Some(direction))
        .with_context(|| format!("no {direction} form sending to {action}"))
}

#[tokio::test]
async fn the_move_and_delete_question_forms_reorder_and_remove() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let id = create_poll(&elu, PollSpec::default()).await?;
    let titles_sql =
        format!("SELECT title FROM p_polls__questions WHERE poll_id = {id} ORDER BY position, id");
    let titles = || column(&host, &titles_sql);
    let ids = column(
        &host,
        &format!(
            "SELECT CAST(id AS TEXT) FROM p_polls__questions WHERE poll_id = {id} ORDER BY position, id"
        ),
    )
    .await?;
    let first = ids[0].clone().context("a question")?;
    let second = ids[1].clone().context("a question")?;
    let detail = format!("/extranet/consultations/{id}");

    let page = shown(&elu, &detail).await?;
    let action = format!("{detail}/questions/{first}/move");
    assert!(
        move_form(&page, &action, "up").is_err(),
        "the first question has no up button"
    );
    move_form(&page, &action, "down")?.submit(&elu).await?;
    let order = titles().await?;
    assert_eq!(order[0].as_deref(), Some("Quels services ?"));
    assert_eq!(order[1].as_deref(), Some("Quel créneau ?"));

    let page = shown(&elu, &detail).await?;
    move_form(&page, &action, "up")?.submit(&elu).await?;
    assert_eq!(titles().await?[0].as_deref(), Some("Quel créneau ?"));

    let page = shown(&elu, &detail).await?;
    let done = page
        .form(&format!("{detail}/questions/{second}/delete"))?
        .submit(&elu)
        .await?;
    assert!(done.contains("Question supprimée"), "{}", done.path);
    let left = titles().await?;
    assert_eq!(left.len(), 4);
    assert!(!left.contains(&Some("Quels services ?".into())));
    Ok(())
}

#[tokio::test]
async fn the_publish_close_and_delete_forms_do_what_they_say() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let id = create_poll(&elu, PollSpec::default()).await?;
    let detail = format!("/extranet/consultations/{id}");
    let row = |c: &str| format!("SELECT CAST({c} AS TEXT) FROM p_polls__polls WHERE id = {id}");

    let page = shown(&elu, &detail).await?;
    assert!(
        page.form(&format!("{detail}/close")).is_err(),
        "a draft cannot be closed"
    );
    let done = page
        .form(&format!("{detail}/publish"))?
        .submit(&elu)
        .await?;
    assert!(done.contains("Consultation publiée"), "{}", done.path);
    assert_eq!(value(&host, &row("status")).await?, "published");

    let page = shown(&elu, &detail).await?;
    let done = page.form(&format!("{detail}/close"))?.submit(&elu).await?;
    assert!(done.contains("Consultation close"), "{}", done.path);
    assert_eq!(value(&host, &row("status")).await?, "closed");
    assert_eq!(
        value(&host, &row("closed_at")).await?,
        "2026-11-10T09:00",
        "closed at the host's time"
    );

    // Another draft nobody answered can be deleted from its page.
    let other = create_poll(
        &elu,
        PollSpec {
            title: "Brouillon à jeter",
            ..PollSpec::default()
        },
    )
    .await?;
    let page = shown(&elu, &format!("/extranet/consultations/{other}")).await?;
    let done = page
        .form(&format!("/extranet/consultations/{other}/delete"))?
        .submit(&elu)
        .await?;
    assert!(done.contains("Consultation supprimée"), "{}", done.path);
    assert_eq!(
        value(
            &host,
            &format!("SELECT CAST(COUNT(*) AS TEXT) FROM p_polls__polls WHERE id = {other}")
        )
        .await?,
        "0"
    );
    assert_eq!(
        value(
            &host,
            &format!(
                "SELECT CAST(COUNT(*) AS TEXT) FROM p_polls__questions WHERE poll_id = {other}"
            )
        )
        .await?,
        "0"
    );
    Ok(())
}

#[tokio::test]
async fn the_quick_form_publishes_a_one_question_poll() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let page = shown(&elu, "/extranet/consultations/quick").await?;
    let mut form = page.form("/extranet/consultations/quick")?;
    let closes = form.value("closes_at").context("a closing time offered")?;
    form.set("title", "Fête du village : quel mois ?")?
        .set("options", "Juin\nJuillet\nAoût")?
        .choose("kind", "Choix unique")?
        .choose("results", "après la clôture")?;
    let done = form.submit(&elu).await?;
    assert!(done.contains("Consultation publiée"), "{}", done.path);
    let id = id_in(&done)?;
    let row = |c: &str| format!("SELECT CAST({c} AS TEXT) FROM p_polls__polls WHERE id = {id}");
    assert_eq!(value(&host, &row("status")).await?, "published");
    assert_eq!(value(&host, &row("results")).await?, "after_close");
    assert_eq!(value(&host, &row("closes_at")).await?, closes);
    let labels = column(
        &host,
        &format!("SELECT label FROM p_polls__options WHERE poll_id = {id} ORDER BY position"),
    )
    .await?;
    assert_eq!(
        labels,
        [
            Some("Juin".into()),
            Some("Juillet".into()),
            Some("Août".into())
        ]
    );
    Ok(())
}

#[tokio::test]
async fn the_answer_form_records_what_a_visitor_picks_among_what_it_shows() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let id = create_poll(&elu, PollSpec::default()).await?;
    publish(&elu, &id).await?;

    let visitor = host.client();
    let page = shown(&visitor, &format!("/consultations/{id}")).await?;
    let mut form = page.form(&format!("/consultations/{id}"))?;
    answer_everything(&mut form)?;
    let picked = form.value("q1").context("a choice")?;
    let done = form.submit(&visitor).await?;
    assert!(
        done.contains("votre réponse est enregistrée"),
        "{}",
        done.path
    );

    assert_eq!(
        value(
            &host,
            &format!(
                "SELECT CAST(COUNT(*) AS TEXT) FROM p_polls__answer_sets WHERE poll_id = {id}"
            )
        )
        .await?,
        "1"
    );
    let q1 = value(
        &host,
        &format!(
            "SELECT CAST(id AS TEXT) FROM p_polls__questions WHERE poll_id = {id} AND position = 1"
        ),
    )
    .await?;
    assert_eq!(
        value(
            &host,
            &format!(
                "SELECT CAST(option_id AS TEXT) FROM p_polls__answers WHERE question_id = {q1}"
            )
        )
        .await?,
        picked,
        "the option ticked in the page is the one stored"
    );
    assert_eq!(
        value(&host, &format!(
            "SELECT CAST(COUNT(*) AS TEXT) FROM p_polls__answers WHERE poll_id = {id} AND rank IS NOT NULL"
        ))
        .await?,
        "3",
        "every option of the ranking got its rank"
    );
    assert_eq!(
        value(
            &host,
            &format!("SELECT body FROM p_polls__answers WHERE poll_id = {id} AND body IS NOT NULL")
        )
        .await?,
        "Des horaires le samedi."
    );
    let again = shown(&visitor, &format!("/consultations/{id}")).await?;
    assert!(
        again.form(&format!("/consultations/{id}")).is_err(),
        "no second answer from the same browser"
    );
    Ok(())
}

#[tokio::test]
async fn the_moderation_form_approves_the_texts_ticked() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let id = create_poll(&elu, PollSpec::default()).await?;
    publish(&elu, &id).await?;
    for _ in 0..2 {
        let visitor = host.client();
        let page = shown(&visitor, &format!("/consultations/{id}")).await?;
        let mut form = page.form(&format!("/consultations/{id}"))?;
        answer_everything(&mut form)?;
        form.submit(&visitor).await?;
    }

    let agent = host.login("agent").await?;
    let path = format!("/extranet/consultations/{id}/moderation");
    let page = shown(&agent, &path).await?;
    let mut form = page.form(&path)?;
    assert_eq!(form.value("state").as_deref(), Some("pending"));
    let offered = form.options("ids");
    assert_eq!(offered.len(), 2, "both texts wait: {offered:?}");
    form.check("ids", &offered[0].0)?;
    let done = form.submit_with(&agent, "decision", "approved").await?;
    assert!(done.contains("Décision enregistrée"), "{}", done.path);
    let state =
        |answer: &str| format!("SELECT moderation FROM p_polls__answers WHERE id = {answer}");
    assert_eq!(value(&host, &state(&offered[0].0)).await?, "approved");
    assert_eq!(value(&host, &state(&offered[1].0)).await?, "pending");
    Ok(())
}

/// The error summary of a page shown again: each line's link target and
/// text, in the page's order.
pub fn summary(page: &Page) -> Vec<(String, String)> {
    page.error_summary()
}

#[tokio::test]
async fn the_quick_form_shown_again_sums_up_its_errors_in_form_order_naming_each_field()
-> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let page = shown(&elu, "/extranet/consultations/quick").await?;
    let mut form = page.form("/extranet/consultations/quick")?;
    // Read in another order than the form's: the closing time before the
    // options.
    form.set("title", "")?
        .set("options", "Une seule réponse")?
        .set("closes_at", "demain")?;
    let again = form.submit(&elu).await?;
    assert_eq!(again.status, 422);
    assert_eq!(
        summary(&again),
        [
            (
                "polls-title".to_owned(),
                "Question posée : Ce champ est obligatoire.".to_owned()
            ),
            (
                "polls-options".to_owned(),
                "Réponses possibles : Donnez au moins deux réponses possibles, une par ligne."
                    .to_owned()
            ),
            (
                "polls-closes_at".to_owned(),
                "Clôture : Saisissez une date et une heure valides.".to_owned()
            ),
        ]
    );
    assert!(
        again.title().starts_with("Erreur : 3 champs à corriger"),
        "{}",
        again.title()
    );
    assert_eq!(again.heading(), "Sondage rapide", "no count in the <h1>");
    // What was typed comes back, and the form sends again as it is.
    let form = again.form("/extranet/consultations/quick")?;
    assert_eq!(form.value("options").as_deref(), Some("Une seule réponse"));
    assert_eq!(form.value("closes_at").as_deref(), Some("demain"));
    assert!(again.contains(r#"id="polls-closes_at""#));
    Ok(())
}

#[tokio::test]
async fn the_answer_form_shown_again_names_each_question_in_its_summary() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let id = create_poll(&elu, PollSpec::default()).await?;
    publish(&elu, &id).await?;
    let visitor = host.client();
    let page = shown(&visitor, &format!("/consultations/{id}")).await?;
    let mut form = page.form(&format!("/consultations/{id}"))?;
    // The first (required) question left blank; three boxes ticked where
    // two at most are allowed.
    let q2 = form
        .fields()
        .iter()
        .find(|f| f.kind == Kind::Checkbox)
        .map(|f| f.name.clone())
        .context("a multiple choice")?;
    for (v, _) in form.options(&q2).into_iter().take(3) {
        form.check(&q2, &v)?;
    }
    let again = form.submit(&visitor).await?;
    assert_eq!(again.status, 422);
    let lines = summary(&again);
    let q1 = form
        .fields()
        .iter()
        .find(|f| f.kind == Kind::Radio)
        .map(|f| f.name.clone())
        .context("a single choice")?;
    assert_eq!(
        lines,
        [
            (
                format!("polls-{q1}"),
                "Quel créneau ? : Répondez à cette question.".to_owned()
            ),
            (
                format!("polls-{q2}"),
                "Quels services ? : Cochez au plus 2 réponses.".to_owned()
            ),
        ]
    );
    // Each link reaches the first control of its question.
    for (target, _) in &lines {
        assert!(again.contains(&format!("id=\"{target}\"")), "{target}");
    }
    assert!(
        again.title().starts_with("Erreur : 2 champs à corriger"),
        "{}",
        again.title()
    );
    assert_eq!(again.heading(), "Horaires de la piscine");
    let form = again.form(&format!("/consultations/{id}"))?;
    assert_eq!(form.values(&q2).len(), 3, "the ticked boxes stay ticked");
    assert_eq!(participants_of(&host, &id).await?, "0");
    Ok(())
}

async fn participants_of(host: &TestHost, id: &str) -> Result<String> {
    value(
        host,
        &format!("SELECT CAST(COUNT(*) AS TEXT) FROM p_polls__answer_sets WHERE poll_id = {id}"),
    )
    .await
}
