//! Week templates through their rendered forms: a two-week cycle with
//! term-time and holiday lines, previewed and applied to two agents
//! across the Christmas school holidays and two public holidays; a line
//! that lasts nothing; applying twice over the same days; applying across
//! the end of a contract.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, ensure};
use estive_testing::{Builder, Client, Form, Page};

use super::{BASE, MONDAY, builder, excerpt, expect, shown, staffed};

/// The Christmas school holidays of the test site.
const CHRISTMAS: &str = "2026-12-19..2027-01-03 Vacances de Noël";

/// The host with the Christmas school holidays set.
fn with_christmas() -> Builder {
    builder().setting("roster", "school_holidays", vec![CHRISTMAS])
}

/// Creates a template of team Cantine with the list's form; the path of
/// its page.
async fn create_template(planner: &Client, name: &str, weeks: &str) -> Result<String> {
    let list = shown(planner, &format!("{BASE}/modeles")).await?;
    let mut form = list.form(&format!("{BASE}/modeles"))?;
    form.set("name", name)?
        .choose("team_id", "Cantine")?
        .set("cycle_weeks", weeks)?
        .set("note", "Semaines A et B de la cantine.")?;
    let page = form.submit(planner).await?;
    expect(&page, 200)?;
    ensure!(
        page.shows(&format!("Le modèle « {name} » est créé")),
        "{}",
        excerpt(&page.text)
    );
    Ok(page.path.clone())
}

/// A line as typed in the template's form.
struct Line {
    /// The week of the cycle, 1-based (the field is there for cycles of
    /// two weeks or more).
    week: Option<&'static str>,
    /// 1 = Monday.
    weekday: &'static str,
    start: &'static str,
    end: &'static str,
    pause: &'static str,
    task: &'static str,
    /// `always`, `school` or `holidays`.
    period: &'static str,
}

/// The template page's line form, filled with a line.
async fn line_form(planner: &Client, path: &str, line: &Line) -> Result<Form> {
    let page = shown(planner, path).await?;
    let mut form = page.form_with("weekday")?;
    if let Some(week) = line.week {
        form.set("week", week)?;
    }
    form.set("weekday", line.weekday)?
        .set("start", line.start)?
        .set("end", line.end)?
        .set("break_minutes", line.pause)?
        .choose("place_id", "Cantine de l")?
        .set("task", line.task)?
        .set("period", line.period)?;
    Ok(form)
}

/// Adds a line, which must be accepted.
async fn add_line(planner: &Client, path: &str, line: Line) -> Result<Page> {
    let page = line_form(planner, path, &line)
        .await?
        .submit(planner)
        .await?;
    expect(&page, 200)?;
    ensure!(
        page.shows("La ligne est ajoutée au modèle."),
        "{}",
        excerpt(&page.text)
    );
    Ok(page)
}

/// The apply form of a template, filled and sent: the preview.
async fn preview(
    planner: &Client,
    path: &str,
    agents: &[&str],
    from: &str,
    to: &str,
) -> Result<Page> {
    let action = format!("{path}/appliquer");
    let mut form = shown(planner, &action).await?.form(&action)?;
    for agent in agents {
        form.choose("agents", agent)?;
    }
    form.set("first_monday", from)?.set("last_day", to)?;
    let page = form.submit(planner).await?;
    expect(&page, 200)?;
    Ok(page)
}

/// The preview's form that writes the shifts.
fn apply_form(preview: &Page) -> Result<Form> {
    preview
        .forms()
        .into_iter()
        .find(|f| f.value("step").as_deref() == Some("apply"))
        .with_context(|| format!("no apply form: {}", excerpt(&preview.text)))
}

/// A week of team Cantine as the planner sees it.
async fn week(planner: &Client, monday: &str) -> Result<Page> {
    shown(planner, &format!("{BASE}/semaine/{monday}?equipe=1")).await
}

/// How many shifts of these hours the week shows.
fn shifts_at(page: &Page, hours: &str) -> usize {
    page.text.matches(&format!(">{hours}")).count()
}

#[tokio::test]
async fn a_two_week_cycle_is_applied_across_the_christmas_holidays() -> Result<()> {
    let host = staffed(with_christmas()).await?;
    let planner = host.login("planner").await?;
    let path = create_template(&planner, "Cantine A/B", "2").await?;

    let meals = "Préparation des repas";
    for (week, weekday) in [("1", "1"), ("1", "5"), ("2", "2")] {
        add_line(
            &planner,
            &path,
            Line {
                week: Some(week),
                weekday,
                start: "07:30",
                end: "14:00",
                pause: "20",
                task: meals,
                period: "school",
            },
        )
        .await?;
    }
    for (week, weekday, task) in [
        ("1", "1", "Inventaire"),
        ("2", "1", "Inventaire"),
        ("1", "5", "Grand ménage"),
        ("2", "5", "Grand ménage"),
    ] {
        add_line(
            &planner,
            &path,
            Line {
                week: Some(week),
                weekday,
                start: "09:00",
                end: "12:00",
                pause: "0",
                task,
                period: "holidays",
            },
        )
        .await?;
    }

    // The lines by week of the cycle, and the hours they give.
    let page = shown(&planner, &path).await?;
    ensure!(
        page.shows("Semaine 1") && page.shows("Semaine 2"),
        "{}",
        excerpt(&page.text)
    );
    ensure!(
        page.shows("07:30–14:00")
            && page.shows("Cantine de l'école du Pic")
            && page.shows(meals)
            && page.shows("pause de 20 min"),
        "{}",
        excerpt(&page.text)
    );
    // Term time: (2 × 6 h 10) + 6 h 10 over two weeks; holidays: 6 h a week.
    ensure!(
        page.shows("9 h 15 en période scolaire, 6 h pendant les vacances"),
        "{}",
        excerpt(&page.text)
    );

    // Colette (agent 1) and Arnaud (agent 2) from 7 December to 3 January:
    // Mondays and Fridays of week 1 and the Tuesday of week 2 in term
    // time, then the holiday lines, but nothing on Christmas Day (a Friday
    // of week 1) nor on New Year's Day (a Friday of week 2).
    let action = format!("{path}/appliquer");
    let form = shown(&planner, &action).await?.form(&action)?;
    let offered: Vec<String> = form.options("agents").into_iter().map(|(_, l)| l).collect();
    ensure!(
        offered.iter().any(|l| l.contains("Colette"))
            && offered.iter().any(|l| l.contains("Arnaud"))
            && !offered
                .iter()
                .any(|l| l.contains("Louis") || l.contains("Bernard")),
        "only the agents of team Cantine are offered: {offered:?}"
    );
    let page = preview(
        &planner,
        &path,
        &["Colette", "Arnaud"],
        MONDAY,
        "2027-01-03",
    )
    .await?;
    ensure!(
        page.shows("10 créneaux à créer pour 2 agents, aucun refusé, aucun avertissement."),
        "{}",
        excerpt(&page.text)
    );
    ensure!(
        page.shows("vendredi 25 décembre 2026 (Noël)")
            && page.shows("vendredi 1 janvier 2027 (Jour de l'an)"),
        "{}",
        excerpt(&page.text)
    );
    ensure!(
        page.shows("5 créneaux à créer, 24 h 30 de travail."),
        "3 × 6 h 10 + 2 × 3 h for each: {}",
        excerpt(&page.text)
    );
    ensure!(
        page.shows("mardi 15 décembre 2026") && page.shows("lundi 28 décembre 2026"),
        "{}",
        excerpt(&page.text)
    );
    ensure!(
        !page.shows("vendredi 18 décembre 2026") && !page.shows("mardi 22 décembre 2026"),
        "no line on a Friday of week 2 in term time, nor on a Tuesday in the holidays: {}",
        excerpt(&page.text)
    );

    let done = apply_form(&page)?.submit(&planner).await?;
    expect(&done, 200)?;
    ensure!(
        done.path.ends_with(&format!("/semaine/{MONDAY}")),
        "back to the first week: {}",
        done.path
    );
    ensure!(
        done.shows("10 créneaux créés pour 2 agents."),
        "{}",
        excerpt(&done.text)
    );

    // Week 1 in term time: Monday and Friday for both.
    let first = week(&planner, MONDAY).await?;
    ensure!(
        first.shows("Colette Cuisinière") && first.shows("Arnaud Agent") && first.shows(meals),
        "{}",
        excerpt(&first.text)
    );
    ensure!(
        shifts_at(&first, "07:30–14:00") == 4,
        "{}",
        excerpt(&first.text)
    );
    // Week 2 in term time: the Tuesday only.
    let second = week(&planner, "2026-12-14").await?;
    ensure!(
        shifts_at(&second, "07:30–14:00") == 2,
        "{}",
        excerpt(&second.text)
    );
    ensure!(
        shifts_at(&second, "09:00–12:00") == 0,
        "{}",
        excerpt(&second.text)
    );
    // The holidays: the Monday's stock-take, no cleaning on the public
    // holidays.
    for monday in ["2026-12-21", "2026-12-28"] {
        let holidays = week(&planner, monday).await?;
        ensure!(
            shifts_at(&holidays, "09:00–12:00") == 2 && holidays.shows("Inventaire"),
            "{monday}: {}",
            excerpt(&holidays.text)
        );
        ensure!(
            shifts_at(&holidays, "07:30–14:00") == 0 && !holidays.shows("Grand ménage"),
            "{monday}: {}",
            excerpt(&holidays.text)
        );
    }
    Ok(())
}

#[tokio::test]
async fn a_line_that_ends_when_it_starts_is_refused_and_a_night_line_is_kept() -> Result<()> {
    let host = staffed(builder()).await?;
    let planner = host.login("planner").await?;
    let path = create_template(&planner, "Veille", "1").await?;
    let page = shown(&planner, &path).await?;
    ensure!(
        page.shows("Une fin avant le début passe minuit"),
        "the end's hint says how to cross midnight: {}",
        excerpt(&page.text)
    );

    let nothing = Line {
        week: None,
        weekday: "3",
        start: "08:00",
        end: "08:00",
        pause: "0",
        task: "Livraison",
        period: "always",
    };
    let refused = line_form(&planner, &path, &nothing)
        .await?
        .submit(&planner)
        .await?;
    expect(&refused, 422)?;
    ensure!(refused.title().starts_with("Erreur"), "{}", refused.title());
    let summary = refused.error_summary();
    ensure!(
        summary.len() == 1
            && summary[0].0 == "roster-line-end"
            && summary[0].1.contains("La fin doit différer du début"),
        "{summary:?}"
    );
    // What was typed is kept.
    let again = refused.form_with("weekday")?;
    ensure!(
        again.value("start").as_deref() == Some("08:00")
            && again.value("task").as_deref() == Some("Livraison")
            && again.value("weekday").as_deref() == Some("3"),
        "{:?}",
        again.fields()
    );

    // A break as long as the line is refused too.
    let long_break = Line {
        end: "09:00",
        pause: "60",
        ..nothing
    };
    let refused = line_form(&planner, &path, &long_break)
        .await?
        .submit(&planner)
        .await?;
    expect(&refused, 422)?;
    ensure!(
        refused.error_summary().first().is_some_and(|(id, text)| {
            id == "roster-line-break_minutes" && text.contains("plus courte que le créneau")
        }),
        "{:?}",
        refused.error_summary()
    );

    // From 22:00 to 06:00 ends the next day.
    let page = add_line(
        &planner,
        &path,
        Line {
            end: "06:00",
            start: "22:00",
            pause: "30",
            ..long_break
        },
    )
    .await?;
    ensure!(
        page.shows("22:00–06:00 (fin le lendemain)"),
        "{}",
        excerpt(&page.text)
    );
    // A line overlapping it on the next morning is refused.
    let overlap = line_form(
        &planner,
        &path,
        &Line {
            weekday: "4",
            start: "05:00",
            end: "09:00",
            pause: "0",
            ..long_break
        },
    )
    .await?
    .submit(&planner)
    .await?;
    expect(&overlap, 422)?;
    ensure!(
        overlap.error_summary().first().is_some_and(|(_, text)| {
            text.contains("chevauche la ligne Semaine 1 · mercredi · 22:00–06:00")
        }),
        "{:?}",
        overlap.error_summary()
    );
    Ok(())
}

/// A template of one week: Monday and Thursday 07:30–14:00; its path.
async fn mondays_and_thursdays(planner: &Client) -> Result<String> {
    let path = create_template(planner, "Lundi et jeudi", "1").await?;
    for weekday in ["1", "4"] {
        add_line(
            planner,
            &path,
            Line {
                week: None,
                weekday,
                start: "07:30",
                end: "14:00",
                pause: "20",
                task: "Service",
                period: "always",
            },
        )
        .await?;
    }
    Ok(path)
}

#[tokio::test]
async fn applying_twice_over_the_same_days_refuses_every_overlapping_shift() -> Result<()> {
    let host = staffed(builder()).await?;
    let planner = host.login("planner").await?;
    let path = mondays_and_thursdays(&planner).await?;

    let page = preview(&planner, &path, &["Colette"], MONDAY, "2026-12-20").await?;
    ensure!(
        page.shows("4 créneaux à créer pour 1 agent, aucun refusé, aucun avertissement."),
        "{}",
        excerpt(&page.text)
    );
    let done = apply_form(&page)?.submit(&planner).await?;
    ensure!(
        done.shows("4 créneaux créés pour 1 agent."),
        "{}",
        excerpt(&done.text)
    );

    let page = preview(&planner, &path, &["Colette"], MONDAY, "2026-12-20").await?;
    ensure!(
        page.shows("Aucun créneau à créer pour 1 agent, 4 refusés, aucun avertissement."),
        "{}",
        excerpt(&page.text)
    );
    ensure!(
        page.shows("4 créneaux refusés par les règles")
            && page.shows("Rien à créer : tous les créneaux sont refusés ou sautés."),
        "{}",
        excerpt(&page.text)
    );
    ensure!(
        apply_form(&page).is_err(),
        "nothing to create, nothing to apply"
    );

    // Sent anyway (an old page), nothing is written twice.
    let mut forced = page.form(&format!("{path}/appliquer"))?;
    forced.set("step", "apply")?;
    let done = forced.submit(&planner).await?;
    expect(&done, 200)?;
    ensure!(done.shows("Aucun créneau créé."), "{}", excerpt(&done.text));
    for monday in [MONDAY, "2026-12-14"] {
        let page = week(&planner, monday).await?;
        ensure!(
            shifts_at(&page, "07:30–14:00") == 2,
            "{monday}: {}",
            excerpt(&page.text)
        );
    }
    Ok(())
}

/// The fixture, with Arnaud's contract in team Cantine ending on Sunday
/// 20 December and a contract in team Écoles only from 28 December.
fn contract_ending_fixture() -> Result<PathBuf> {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixture/roster.json");
    let mut fixture: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(source)?)?;
    let tables = fixture["tables"]
        .as_array_mut()
        .context("the fixture's tables")?;
    let contracts = tables
        .iter_mut()
        .find(|t| t["table"] == "contracts")
        .and_then(|t| t["rows"].as_array_mut())
        .context("the fixture's contracts")?;
    let arnaud = contracts
        .iter_mut()
        .find(|c| c["agent_id"] == "@arnaud")
        .context("Arnaud's contract")?;
    arnaud["ends_on"] = "2026-12-20".into();
    let mut schools = arnaud.clone();
    schools["starts_on"] = "2026-12-28".into();
    schools["ends_on"] = serde_json::Value::Null;
    schools["teams"] = "[2]".into();
    schools["places"] = "[2]".into();
    contracts.push(schools);
    let dir = std::env::temp_dir().join(format!(
        "roster-templates-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)?
            .as_nanos()
    ));
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join("roster.json"), serde_json::to_string(&fixture)?)?;
    Ok(dir)
}

#[tokio::test]
async fn applying_across_the_end_of_a_contract_skips_the_days_after_it() -> Result<()> {
    let host = builder().start().await?;
    let dir = contract_ending_fixture()?;
    let loaded = host.load_rows(&dir).await;
    std::fs::remove_dir_all(&dir)?;
    ensure!(!loaded?.is_empty(), "the fixture loaded nothing");
    let planner = host.login("planner").await?;
    let path = mondays_and_thursdays(&planner).await?;

    let action = format!("{path}/appliquer");
    let page = shown(&planner, &action).await?;
    ensure!(
        page.shows("contrat dans l'équipe jusqu'au dimanche 20 décembre 2026"),
        "the end of Arnaud's contract is said beside his name: {}",
        excerpt(&page.text)
    );

    // Mondays and Thursdays from 7 December to 3 January: the first two
    // weeks under the Cantine contract, none in the week without a
    // contract, none under the Écoles one.
    let page = preview(&planner, &path, &["Arnaud"], MONDAY, "2027-01-03").await?;
    ensure!(
        page.shows("4 créneaux à créer pour 1 agent, aucun refusé, aucun avertissement."),
        "{}",
        excerpt(&page.text)
    );
    ensure!(
        page.shows("Sans contrat ce jour-là : lundi 21 décembre 2026, jeudi 24 décembre 2026"),
        "{}",
        excerpt(&page.text)
    );
    ensure!(
        page.shows(
            "Contrat sans l'équipe Cantine : lundi 28 décembre 2026, jeudi 31 décembre 2026"
        ),
        "{}",
        excerpt(&page.text)
    );
    let done = apply_form(&page)?.submit(&planner).await?;
    ensure!(
        done.shows("4 créneaux créés pour 1 agent."),
        "{}",
        excerpt(&done.text)
    );
    let after = week(&planner, "2026-12-21").await?;
    ensure!(
        shifts_at(&after, "07:30–14:00") == 0,
        "{}",
        excerpt(&after.text)
    );
    let before = week(&planner, "2026-12-14").await?;
    ensure!(
        shifts_at(&before, "07:30–14:00") == 2,
        "{}",
        excerpt(&before.text)
    );
    Ok(())
}

#[tokio::test]
async fn a_warning_keeps_the_shifts_only_with_a_reason() -> Result<()> {
    let host = staffed(builder()).await?;
    let planner = host.login("planner").await?;
    let path = create_template(&planner, "Journée longue", "1").await?;
    add_line(
        &planner,
        &path,
        Line {
            week: None,
            weekday: "3",
            start: "07:00",
            end: "18:30",
            pause: "30",
            task: "Repas de Noël",
            period: "always",
        },
    )
    .await?;

    // Eleven hours of work in a day, beyond the ten of her regime.
    let page = preview(&planner, &path, &["Colette"], MONDAY, "2026-12-13").await?;
    ensure!(
        page.shows("1 créneau à créer pour 1 agent, aucun refusé, 1 avertissement."),
        "{}",
        excerpt(&page.text)
    );
    ensure!(
        page.shows("1 avertissement : les créneaux ne seront créés qu'avec un motif.")
            && page.shows("mercredi 9 décembre 2026 ·"),
        "{}",
        excerpt(&page.text)
    );
    let apply = apply_form(&page)?;
    let refused = apply.submit(&planner).await?;
    expect(&refused, 422)?;
    ensure!(
        refused.error_summary().first().is_some_and(|(id, text)| {
            id == "roster-apply-reason" && text.contains("Indiquez le motif")
        }),
        "{:?}",
        refused.error_summary()
    );
    ensure!(refused.title().starts_with("Erreur"), "{}", refused.title());
    let week_before = week(&planner, MONDAY).await?;
    ensure!(
        shifts_at(&week_before, "07:00–18:30") == 0,
        "nothing written without a reason: {}",
        excerpt(&week_before.text)
    );

    let mut apply = apply_form(&refused)?;
    apply.set("reason", "Repas de Noël des écoles, accord de l'agent.")?;
    let done = apply.submit(&planner).await?;
    ensure!(
        done.shows("1 créneau créé pour 1 agent."),
        "{}",
        excerpt(&done.text)
    );
    ensure!(
        shifts_at(&done, "07:00–18:30") == 1 && done.shows("dérogation"),
        "{}",
        excerpt(&done.text)
    );
    Ok(())
}
