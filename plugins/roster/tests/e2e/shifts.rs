//! Shifts through their rendered forms: planning, publishing, what agents
//! read, the rules refusing and warning, two managers at once, the clock
//! changes, open shifts, the private feed and the payroll export.

use anyhow::{Context as _, Result, ensure};
use estive_core::db::entities::audit_entry;
use estive_testing::{Client, Database, Form, Page, TestHost};
use sea_orm::EntityTrait;

use super::{BASE, MONDAY, builder, decoded, excerpt, expect, shown, staffed};

/// The shift form of `/creneaux/nouveau?…`, as rendered.
async fn new_form(client: &Client, query: &str) -> Result<Form> {
    shown(client, &format!("{BASE}/creneaux/nouveau?{query}"))
        .await?
        .form(&format!("{BASE}/creneaux/nouveau"))
}

/// Fill the times of a shift form and send it.
async fn send_shift(
    client: &Client,
    mut form: Form,
    place: &str,
    start: &str,
    end: &str,
    brk: &str,
    task: &str,
) -> Result<Page> {
    form.choose("place", place)?
        .set("start", start)?
        .set("end", end)?
        .set("break_minutes", brk)?
        .set("task", task)?;
    form.submit(client).await
}

/// A shift for Colette (agent 1, team Cantine) on a day, as the planner
/// types it; the page it leads to.
async fn plan_colette(
    planner: &Client,
    day: &str,
    start: &str,
    end: &str,
    brk: &str,
) -> Result<Page> {
    let form = new_form(planner, &format!("team=1&agent=1&day={day}")).await?;
    send_shift(
        planner,
        form,
        "Cantine",
        start,
        end,
        brk,
        "Préparation des repas",
    )
    .await
}

async fn publish(client: &Client, monday: &str, team: &str) -> Result<Page> {
    let page = shown(client, &format!("{BASE}/semaine/{monday}?equipe={team}")).await?;
    let form = page.form(&format!("{BASE}/semaine/{monday}/publier"))?;
    let page = form.submit(client).await?;
    expect(&page, 200)?;
    Ok(page)
}

async fn audit(host: &TestHost, action: &str) -> Result<Vec<audit_entry::Model>> {
    Ok(audit_entry::Entity::find()
        .all(&host.state.platform.db)
        .await?
        .into_iter()
        .filter(|e| e.action == action)
        .collect())
}

/// The id of the first shift link of a page.
fn first_shift(page: &Page) -> Result<String> {
    let html = page.text.replace("&#x2f;", "/");
    let marker = format!("{BASE}/creneaux/");
    html.match_indices(&marker)
        .map(|(at, _)| {
            html[at + marker.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
        })
        .find(|id| !id.is_empty())
        .context("no shift link")
}

#[tokio::test]
async fn a_manager_plans_and_publishes_and_the_agent_reads_the_week() -> Result<()> {
    let host = staffed(builder()).await?;
    let planner = host.login("planner").await?;
    let week = shown(&planner, &format!("{BASE}/")).await?;
    ensure!(
        week.shows("Cantine – semaine du lundi 7 décembre 2026"),
        "{}",
        excerpt(&week.text)
    );
    ensure!(week.shows("Brouillon"), "a new week is a draft");

    let page = plan_colette(&planner, "2026-12-08", "07:30", "15:00", "30").await?;
    expect(&page, 200)?;
    ensure!(
        page.shows("Le créneau est enregistré."),
        "{}",
        excerpt(&page.text)
    );
    ensure!(
        page.shows("07:30–15:00") && page.shows("Colette Cuisinière"),
        "{}",
        excerpt(&page.text)
    );
    ensure!(
        page.shows("7 h"),
        "7 h 30 less a 30-minute break: {}",
        excerpt(&page.text)
    );

    // Colette does not see a draft.
    let cook = host.login("cook").await?;
    let hers = shown(&cook, &format!("{BASE}/semaine/{MONDAY}")).await?;
    ensure!(
        hers.shows("pas encore publiée") && !hers.shows("07:30–15:00"),
        "{}",
        excerpt(&hers.text)
    );
    // Nor does an élu see anything of it.
    let elu = host.login("elu").await?;
    expect(&elu.get(&format!("{BASE}/semaine/{MONDAY}")).await?, 403)?;

    let page = publish(&planner, MONDAY, "1").await?;
    ensure!(
        page.shows("La semaine est publiée"),
        "{}",
        excerpt(&page.text)
    );
    let mails = host.mails();
    ensure!(
        mails
            .iter()
            .map(|m| decoded(m))
            .any(|m| m.contains("Le planning de l'équipe Cantine")
                && m.contains("To: cook@example.org")),
        "Colette is told: {mails:?}"
    );
    let hers = shown(&cook, &format!("{BASE}/semaine/{MONDAY}")).await?;
    ensure!(
        hers.shows("07:30–15:00") && hers.shows("Publiée"),
        "{}",
        excerpt(&hers.text)
    );
    let mine = shown(&cook, &format!("{BASE}/mon-planning")).await?;
    ensure!(
        mine.shows("07:30–15:00") && mine.shows("Cantine de l'école du Pic"),
        "{}",
        excerpt(&mine.text)
    );

    // A change after publication is marked and told.
    let id = first_shift(&page)?;
    let edit = shown(&planner, &format!("{BASE}/creneaux/{id}")).await?;
    let mut form = edit.form(&format!("{BASE}/creneaux/{id}"))?;
    form.set("end", "14:00")?;
    let page = form.submit(&planner).await?;
    expect(&page, 200)?;
    ensure!(
        page.shows("07:30–14:00") && page.shows("modifié"),
        "{}",
        excerpt(&page.text)
    );
    ensure!(
        host.mails()
            .iter()
            .map(|m| decoded(m))
            .any(|m| m.contains("To: cook@example.org")
                && m.contains("une semaine déjà publiée a été modifié")),
        "the change is mailed"
    );
    Ok(())
}

#[tokio::test]
async fn the_rules_refuse_what_cannot_be_and_warn_of_legal_limits() -> Result<()> {
    let host = staffed(builder()).await?;
    let planner = host.login("planner").await?;
    plan_colette(&planner, "2026-12-08", "07:30", "12:00", "0").await?;

    // An overlapping shift is refused, beside the start, with what was typed kept.
    let page = plan_colette(&planner, "2026-12-08", "11:00", "14:00", "0").await?;
    expect(&page, 422)?;
    let summary = page.error_summary();
    ensure!(
        summary
            .iter()
            .any(|(target, text)| target.ends_with("-start") && text.contains("Début")),
        "{summary:?}"
    );
    ensure!(page.title().starts_with("Erreur"), "{}", page.title());
    let kept = page.form(&format!("{BASE}/creneaux/nouveau"))?;
    ensure!(
        kept.value("start").as_deref() == Some("11:00"),
        "the typed start is kept"
    );

    // Eleven hours in a day: a warning a manager keeps only with a reason.
    let page = plan_colette(&planner, "2026-12-10", "07:00", "18:30", "30").await?;
    expect(&page, 422)?;
    ensure!(page.shows("Avertissement"), "{}", excerpt(&page.text));
    let mut form = page.form(&format!("{BASE}/creneaux/nouveau"))?;
    ensure!(
        form.names().iter().any(|n| n == "override_reason"),
        "the reason field appears"
    );
    form.set("override_reason", "Remplacement de Marc, absent")?;
    let page = form.submit(&planner).await?;
    expect(&page, 200)?;
    ensure!(page.shows("07:00–18:30"), "{}", excerpt(&page.text));
    let entries = audit(&host, "roster.rules.overridden").await?;
    ensure!(
        entries
            .iter()
            .any(|e| e.details.contains("Remplacement de Marc")),
        "the reason is in the audit log: {entries:?}"
    );

    // A time that is not one, and an end equal to the start.
    let form = new_form(&planner, "team=1&agent=1&day=2026-12-11").await?;
    let page = send_shift(&planner, form, "Cantine", "25:00", "12:00", "0", "").await?;
    expect(&page, 422)?;
    ensure!(
        page.shows("Saisissez une heure comme 07:30."),
        "{}",
        excerpt(&page.text)
    );
    let form = new_form(&planner, "team=1&agent=1&day=2026-12-11").await?;
    let page = send_shift(&planner, form, "Cantine", "09:00", "09:00", "0", "").await?;
    expect(&page, 422)?;

    // The planner plans team Cantine only: Louis (team 4) is not offered,
    // and a forged agent is refused.
    let form = new_form(&planner, "team=1&day=2026-12-11").await?;
    ensure!(
        !form
            .options("agent")
            .iter()
            .any(|(_, l)| l.contains("Louis")),
        "{:?}",
        form.options("agent")
    );
    let token = planner.csrf_token().context("csrf")?;
    let page = planner
        .post_form(
            &format!("{BASE}/creneaux/nouveau"),
            &[
                ("csrf_token", &token),
                ("team", "1"),
                ("agent", "999"),
                ("place", "1"),
                ("day", "2026-12-11"),
                ("start", "08:00"),
                ("end", "12:00"),
            ],
        )
        .await?;
    expect(&page, 422)?;

    // Outside a contract and outside the agent's team, as the admin.
    let admin = host.login("admin").await?;
    let form = new_form(&admin, "team=4&agent=3&day=2027-06-01").await?;
    let page = send_shift(&admin, form, "Télésiège", "08:00", "16:00", "30", "").await?;
    expect(&page, 422)?;
    ensure!(page.shows("contrat"), "{}", excerpt(&page.text));
    let form = new_form(&admin, "team=1&agent=4&day=2026-12-09").await?;
    let page = send_shift(&admin, form, "Cantine", "08:00", "12:00", "0", "").await?;
    expect(&page, 422)?;
    Ok(())
}

#[tokio::test]
async fn the_second_of_two_managers_saving_the_same_shift_gets_a_conflict() -> Result<()> {
    let host = staffed(builder()).await?;
    let planner = host.login("planner").await?;
    let admin = host.login("admin").await?;
    let page = plan_colette(&planner, "2026-12-09", "08:00", "12:00", "0").await?;
    let id = first_shift(&page)?;
    let path = format!("{BASE}/creneaux/{id}");
    let mut theirs = shown(&planner, &path).await?.form(&path)?;
    let mut mine = shown(&admin, &path).await?.form(&path)?;
    theirs.set("end", "13:00")?;
    mine.set("end", "11:00")?;
    expect(&theirs.submit(&planner).await?, 200)?;
    let page = mine.submit(&admin).await?;
    expect(&page, 409)?;
    ensure!(
        page.shows("Quelqu'un d'autre vient de modifier ce créneau"),
        "{}",
        excerpt(&page.text)
    );
    let week = shown(&planner, &format!("{BASE}/semaine/{MONDAY}")).await?;
    ensure!(
        week.shows("08:00–13:00") && !week.shows("08:00–11:00"),
        "{}",
        excerpt(&week.text)
    );
    Ok(())
}

#[tokio::test]
async fn night_shifts_keep_their_hours_and_last_what_the_clocks_say() -> Result<()> {
    let host = staffed(builder()).await?;
    let admin = host.login("admin").await?;
    // The night clocks go forward (27–28 March 2027): 22:00–06:00 is 7 h.
    let form = new_form(&admin, "team=4&agent=3&day=2027-03-27").await?;
    let page = send_shift(&admin, form, "Télésiège", "22:00", "06:00", "30", "Damage").await?;
    expect(&page, 200)?;
    ensure!(
        page.shows("22:00–06:00") && page.shows("+1"),
        "{}",
        excerpt(&page.text)
    );
    ensure!(
        page.shows("6 h 30"),
        "7 real hours less the break: {}",
        excerpt(&page.text)
    );
    // The night they go back (30–31 October 2027): 9 h. It runs into
    // Sunday, which the weekly rest should hold: kept with a reason.
    let form = new_form(&admin, "team=1&agent=1&day=2027-10-30").await?;
    let page = send_shift(&admin, form, "Cantine", "22:00", "06:00", "30", "Nettoyage").await?;
    expect(&page, 422)?;
    ensure!(page.shows("dimanche"), "{}", excerpt(&page.text));
    let mut form = page.form(&format!("{BASE}/creneaux/nouveau"))?;
    form.set("override_reason", "Désinfection avant la rentrée")?;
    let page = form.submit(&admin).await?;
    expect(&page, 200)?;
    ensure!(
        page.shows("8 h 30"),
        "9 real hours less the break: {}",
        excerpt(&page.text)
    );
    Ok(())
}

#[tokio::test]
async fn open_shifts_go_to_qualified_agents_of_the_team() -> Result<()> {
    let host = staffed(builder()).await?;
    let planner = host.login("planner").await?;
    let mut form = new_form(&planner, "team=1&day=2026-12-09").await?;
    form.set("agent", "")?.set("skill", "HACCP")?;
    let page = send_shift(&planner, form, "Cantine", "11:00", "14:00", "0", "Renfort").await?;
    expect(&page, 200)?;
    ensure!(page.shows("Créneaux ouverts"), "{}", excerpt(&page.text));
    let id = first_shift(&page)?;
    publish(&planner, MONDAY, "1").await?;

    // Arnaud is of the team but lacks HACCP: no button, and a forged post fails.
    let arnaud = host.login("agent").await?;
    let mine = shown(&arnaud, &format!("{BASE}/mon-planning")).await?;
    ensure!(
        mine.shows("Créneaux ouverts à prendre"),
        "{}",
        excerpt(&mine.text)
    );
    let shift = shown(&arnaud, &format!("{BASE}/creneaux/{id}")).await?;
    ensure!(
        !shift.shows("Prendre ce créneau"),
        "{}",
        excerpt(&shift.text)
    );
    let token = arnaud.csrf_token().context("csrf")?;
    let page = arnaud
        .post_form(
            &format!("{BASE}/creneaux/{id}/prendre"),
            &[("csrf_token", &token)],
        )
        .await?;
    expect(&page, 403)?;

    // Colette has it: she takes it through the button.
    let cook = host.login("cook").await?;
    let shift = shown(&cook, &format!("{BASE}/creneaux/{id}")).await?;
    let page = shift
        .form(&format!("{BASE}/creneaux/{id}/prendre"))?
        .submit(&cook)
        .await?;
    expect(&page, 200)?;
    ensure!(
        page.shows("Le créneau est à vous"),
        "{}",
        excerpt(&page.text)
    );
    ensure!(page.shows("11:00–14:00"), "{}", excerpt(&page.text));
    // Taken once only.
    let again = arnaud
        .post_form(
            &format!("{BASE}/creneaux/{id}/prendre"),
            &[("csrf_token", &token)],
        )
        .await?;
    expect(&again, 409)?;
    Ok(())
}

#[tokio::test]
async fn the_private_feed_shows_published_shifts_until_it_is_revoked() -> Result<()> {
    let host = staffed(builder()).await?;
    let planner = host.login("planner").await?;
    plan_colette(&planner, "2026-12-08", "07:30", "15:00", "30").await?;
    plan_colette(&planner, "2026-12-15", "07:30", "15:00", "30").await?;
    publish(&planner, MONDAY, "1").await?;

    let cook = host.login("cook").await?;
    let mine = shown(&cook, &format!("{BASE}/mon-planning")).await?;
    let create = mine
        .forms()
        .into_iter()
        .find(|f| f.value("action").as_deref() == Some("create"))
        .context("the create form")?;
    let page = create.submit(&cook).await?;
    ensure!(
        page.shows("L'adresse de votre agenda est prête."),
        "{}",
        excerpt(&page.text)
    );
    let html = page.text.replace("&#x2f;", "/").replace("&#x3a;", ":");
    let url = html
        .split("value=\"")
        .skip(1)
        .filter_map(|v| v.split('"').next())
        .find(|v| v.contains("/agenda/"))
        .context("the feed address")?
        .to_owned();
    let path = url.split_once("://").map_or(url.as_str(), |(_, r)| r);
    let path = &path[path.find('/').context("a path")?..];
    let anonymous = host.client();
    let feed = anonymous.get(path).await?;
    expect(&feed, 200)?;
    ensure!(feed.text.contains("BEGIN:VCALENDAR"), "{}", feed.text);
    ensure!(
        feed.text
            .contains("DTSTART;TZID=Europe/Paris:20261208T073000"),
        "{}",
        feed.text
    );
    ensure!(
        !feed.text.contains("20261215"),
        "a draft week stays out: {}",
        feed.text
    );

    let mine = shown(&cook, &format!("{BASE}/mon-planning")).await?;
    let revoke = mine
        .forms()
        .into_iter()
        .find(|f| f.value("action").as_deref() == Some("revoke"))
        .context("the revoke form")?;
    revoke.submit(&cook).await?;
    expect(&anonymous.get(path).await?, 404)?;
    expect(
        &anonymous
            .get("/planning/agenda/0123456789abcdef0123456789abcdef/planning.ics")
            .await?,
        404,
    )?;
    Ok(())
}

#[tokio::test]
async fn the_payroll_export_lists_worked_hours() -> Result<()> {
    let host = staffed(builder()).await?;
    let planner = host.login("planner").await?;
    plan_colette(&planner, "2026-12-08", "07:30", "15:00", "30").await?;
    let counters = shown(&planner, &format!("{BASE}/compteurs")).await?;
    ensure!(
        counters.shows("Colette Cuisinière") && counters.shows("35 h"),
        "{}",
        excerpt(&counters.text)
    );
    ensure!(
        !counters.shows("Louis Perchman"),
        "not the planner's team: {}",
        excerpt(&counters.text)
    );
    let csv = planner
        .get(&format!("{BASE}/export.csv?du=2026-12-01&au=2026-12-31"))
        .await?;
    expect(&csv, 200)?;
    ensure!(
        csv.text
            .contains("Colette Cuisinière;2026-12-08;07:30;15:00;30;7"),
        "{}",
        csv.text
    );
    let bad = planner
        .get(&format!("{BASE}/export.csv?du=2026-12-31&au=2026-12-01"))
        .await?;
    expect(&bad, 422)?;
    Ok(())
}

/// Managers saving overlapping shifts for one agent at the same moment:
/// exactly one is written.
async fn overlapping_at_once(database: Database) -> Result<()> {
    let host = staffed(builder().database(database)).await?;
    let mut clients = Vec::new();
    for who in ["planner", "admin"].iter().cycle().take(10) {
        clients.push(host.login(who).await?);
    }
    let mut forms = Vec::new();
    for (i, client) in clients.iter().enumerate() {
        let mut form = new_form(client, "team=1&agent=1&day=2026-12-09").await?;
        form.choose("place", "Cantine")?
            .set("start", &format!("08:{:02}", i))?
            .set("end", "12:00")?;
        forms.push(form);
    }
    let mut requests = tokio::task::JoinSet::new();
    for (client, form) in clients.iter().cloned().zip(forms) {
        requests.spawn(async move { form.submit(&client).await });
    }
    let mut sent = Vec::new();
    while let Some(done) = requests.join_next().await {
        sent.push(done??);
    }
    let saved = sent
        .iter()
        .filter(|p| p.status == 200 && p.shows("Le créneau est enregistré."))
        .count();
    let refused = sent
        .iter()
        .filter(|p| p.status == 409 || p.status == 422)
        .count();
    ensure!(
        saved == 1 && refused == 9,
        "saved {saved}, refused {refused}"
    );
    let week = shown(&clients[0], &format!("{BASE}/semaine/{MONDAY}")).await?;
    ensure!(
        week.text.matches("–12:00").count() == 1,
        "{}",
        excerpt(&week.text)
    );
    Ok(())
}

#[tokio::test]
async fn overlapping_shifts_saved_at_once_keep_one_on_sqlite() -> Result<()> {
    overlapping_at_once(Database::Sqlite).await
}

#[tokio::test]
async fn overlapping_shifts_saved_at_once_keep_one_on_postgresql() -> Result<()> {
    overlapping_at_once(Database::postgres()).await
}

#[tokio::test]
async fn an_agent_downloads_their_schedule_and_erasing_the_account_leaves_no_name() -> Result<()> {
    let host = staffed(builder()).await?;
    let planner = host.login("planner").await?;
    plan_colette(&planner, "2026-12-07", "09:00", "15:00", "30").await?;
    publish(&planner, MONDAY, "1").await?;
    let cook = host.login("cook").await?;
    let data = cook.get("/compte/donnees.json").await?;
    expect(&data, 200)?;
    ensure!(
        data.text.contains("2026-12-07T09:00") && data.text.contains("Cuisinière"),
        "{}",
        data.text
    );
    // Today's box on her dashboard.
    let dashboard = shown(&cook, "/extranet/").await?;
    ensure!(
        dashboard.shows("Mon planning aujourd'hui") && dashboard.shows("09:00–15:00"),
        "{}",
        excerpt(&dashboard.text)
    );
    cook.get("/compte/supprimer").await?;
    let gone = cook
        .post_form_no_follow(
            "/compte/supprimer",
            &[("password", estive_testing::PASSWORD)],
        )
        .await?;
    expect(&gone, 303)?;
    // The shift stays in the team's week (the hours were worked), without
    // her name.
    let week = shown(&planner, &format!("{BASE}/semaine/{MONDAY}")).await?;
    ensure!(
        week.shows("09:00–15:00") && !week.shows("Colette"),
        "{}",
        excerpt(&week.text)
    );
    Ok(())
}

#[tokio::test]
async fn a_planner_cannot_reach_another_team_by_forging_requests() -> Result<()> {
    let host = staffed(builder()).await?;
    let admin = host.login("admin").await?;
    let form = new_form(&admin, "team=4&agent=3&day=2026-12-08").await?;
    let page = send_shift(
        &admin,
        form,
        "Télésiège",
        "08:00",
        "12:00",
        "0",
        "Embarquement",
    )
    .await?;
    expect(&page, 200)?;
    let id = first_shift(&page)?;

    let planner = host.login("planner").await?;
    let token = planner.csrf_token().context("csrf")?;
    // Louis's shift: not shown, not editable, not removable.
    expect(&planner.get(&format!("{BASE}/creneaux/{id}")).await?, 404)?;
    let forged = [
        ("csrf_token", token.as_str()),
        ("team", "4"),
        ("agent", "3"),
        ("place", "4"),
        ("day", "2026-12-08"),
        ("start", "08:00"),
        ("end", "13:00"),
        ("version", "1"),
    ];
    expect(
        &planner
            .post_form(&format!("{BASE}/creneaux/{id}"), &forged)
            .await?,
        403,
    )?;
    expect(
        &planner
            .post_form(
                &format!("{BASE}/creneaux/{id}/supprimer"),
                &[("csrf_token", &token), ("version", "1")],
            )
            .await?,
        403,
    )?;
    // Nor publish or copy its week.
    expect(
        &planner
            .post_form(
                &format!("{BASE}/semaine/{MONDAY}/publier"),
                &[("csrf_token", &token), ("team", "4")],
            )
            .await?,
        403,
    )?;
    let copy = planner
        .post_form(
            &format!("{BASE}/semaine/{MONDAY}/copier"),
            &[
                ("csrf_token", &token),
                ("team", "4"),
                ("target", "2026-12-14"),
            ],
        )
        .await?;
    expect(&copy, 422)?;
    // A new shift in team 4 is refused beside the team.
    let mut into = forged.to_vec();
    into.retain(|(k, _)| *k != "version");
    let page = planner
        .post_form(&format!("{BASE}/creneaux/nouveau"), &into)
        .await?;
    expect(&page, 422)?;
    let week = shown(&admin, &format!("{BASE}/semaine/{MONDAY}?equipe=4")).await?;
    ensure!(
        week.shows("08:00–12:00") && !week.shows("08:00–13:00"),
        "{}",
        excerpt(&week.text)
    );
    // A Monday that is not one, a week of another century, an unknown shift.
    expect(
        &planner.get(&format!("{BASE}/semaine/2026-12-09")).await?,
        404,
    )?;
    expect(&planner.get(&format!("{BASE}/semaine/lundi")).await?, 404)?;
    expect(&planner.get(&format!("{BASE}/creneaux/999999")).await?, 404)?;
    Ok(())
}
