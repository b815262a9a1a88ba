//! The week beyond single shifts: copying it, the gaps of minimum
//! staffing (on the grid and the dashboard), the view by place, the month,
//! and the stylesheet that prints it.

use anyhow::{Context as _, Result, ensure};
use estive_testing::{Client, Page};

use super::{BASE, MONDAY, builder, excerpt, expect, shown, staffed};

/// A shift for an agent of team Cantine through the rendered form.
async fn plan(client: &Client, agent: &str, day: &str, start: &str, end: &str) -> Result<Page> {
    let page = shown(
        client,
        &format!("{BASE}/creneaux/nouveau?team=1&agent={agent}&day={day}"),
    )
    .await?;
    let mut form = page.form(&format!("{BASE}/creneaux/nouveau"))?;
    form.choose("place", "Cantine")?
        .set("start", start)?
        .set("end", end)?
        .set("break_minutes", "30")?;
    let page = form.submit(client).await?;
    expect(&page, 200)?;
    Ok(page)
}

#[tokio::test]
async fn a_week_is_copied_onto_another_and_never_twice() -> Result<()> {
    let host = staffed(builder()).await?;
    let planner = host.login("planner").await?;
    plan(&planner, "1", "2026-12-08", "07:30", "12:00").await?;
    plan(&planner, "2", "2026-12-10", "10:30", "14:30").await?;

    let copy = shown(
        &planner,
        &format!("{BASE}/semaine/{MONDAY}/copier?equipe=1"),
    )
    .await?;
    let form = copy.form(&format!("{BASE}/semaine/{MONDAY}/copier"))?;
    ensure!(
        form.value("target").as_deref() == Some("2026-12-14"),
        "the next Monday is offered"
    );
    let page = form.submit(&planner).await?;
    expect(&page, 200)?;
    ensure!(
        page.shows("2 créneaux copiés ; 0 refusés par les règles."),
        "{}",
        excerpt(&page.text)
    );
    ensure!(
        page.shows("semaine du lundi 14 décembre 2026"),
        "{}",
        excerpt(&page.text)
    );
    ensure!(
        page.shows("07:30–12:00") && page.shows("10:30–14:30"),
        "{}",
        excerpt(&page.text)
    );

    // Again: every shift would overlap its copy, so none is written.
    let copy = shown(
        &planner,
        &format!("{BASE}/semaine/{MONDAY}/copier?equipe=1"),
    )
    .await?;
    let page = copy
        .form(&format!("{BASE}/semaine/{MONDAY}/copier"))?
        .submit(&planner)
        .await?;
    expect(&page, 200)?;
    ensure!(
        page.shows("0 créneaux copiés ; 2 refusés"),
        "{}",
        excerpt(&page.text)
    );
    ensure!(
        page.text.matches("07:30–12:00").count() == 1,
        "{}",
        excerpt(&page.text)
    );

    // A day that is not a Monday is refused beside its field.
    let copy = shown(
        &planner,
        &format!("{BASE}/semaine/{MONDAY}/copier?equipe=1"),
    )
    .await?;
    let mut form = copy.form(&format!("{BASE}/semaine/{MONDAY}/copier"))?;
    form.set("target", "2026-12-16")?;
    let page = form.submit(&planner).await?;
    expect(&page, 422)?;
    ensure!(
        page.error_summary()
            .iter()
            .any(|(t, _)| t.ends_with("-target")),
        "{:?}",
        page.error_summary()
    );
    Ok(())
}

#[tokio::test]
async fn unmet_minimum_staffing_shows_as_gaps_until_it_is_met() -> Result<()> {
    let host = staffed(builder()).await?;
    let planner = host.login("planner").await?;
    let needs = shown(&planner, &format!("{BASE}/besoins")).await?;
    let mut form = needs.form(&format!("{BASE}/besoins"))?;
    form.choose("place_id", "Cantine")?
        .check("weekday", "2")?
        .set("start", "11:30")?
        .set("end", "13:30")?
        .set("minimum", "2")?
        .set("label", "Service du midi")?;
    let page = form.submit(&planner).await?;
    expect(&page, 200)?;

    let week = shown(&planner, &format!("{BASE}/semaine/{MONDAY}?vue=lieux")).await?;
    ensure!(week.shows("1 poste à pourvoir"), "{}", excerpt(&week.text));
    ensure!(
        week.shows("0 présent(s) sur 2 requis"),
        "{}",
        excerpt(&week.text)
    );
    let dashboard = shown(&planner, "/extranet/").await?;
    ensure!(
        dashboard.shows("Postes à pourvoir cette semaine"),
        "{}",
        excerpt(&dashboard.text)
    );

    plan(&planner, "1", "2026-12-08", "07:30", "15:00").await?;
    let week = shown(&planner, &format!("{BASE}/semaine/{MONDAY}?vue=lieux")).await?;
    ensure!(
        week.shows("1 présent(s) sur 2 requis") && week.shows("Manque 1"),
        "{}",
        excerpt(&week.text)
    );
    // A shift that covers only part of the slot does not count.
    plan(&planner, "2", "2026-12-08", "12:00", "14:00").await?;
    let week = shown(&planner, &format!("{BASE}/semaine/{MONDAY}?vue=lieux")).await?;
    ensure!(
        week.shows("1 présent(s) sur 2 requis"),
        "{}",
        excerpt(&week.text)
    );
    plan(&planner, "2", "2026-12-08", "08:00", "11:45").await?;
    // Arnaud now has 08:00–11:45 and 12:00–14:00: still a hole at 11:45.
    let week = shown(&planner, &format!("{BASE}/semaine/{MONDAY}?vue=lieux")).await?;
    ensure!(week.shows("1 poste à pourvoir"), "{}", excerpt(&week.text));
    let page = shown(&planner, &format!("{BASE}/semaine/{MONDAY}?vue=agents")).await?;
    let id = page
        .text
        .replace("&#x2f;", "/")
        .split(&format!("{BASE}/creneaux/"))
        .skip(1)
        .map(|s| {
            s.chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
        })
        .filter(|s| !s.is_empty())
        .nth(1)
        .context("Arnaud's first shift")?;
    let edit = shown(&planner, &format!("{BASE}/creneaux/{id}")).await?;
    let mut form = edit.form(&format!("{BASE}/creneaux/{id}"))?;
    form.set("end", "14:00")?.set("start", "11:00")?;
    let page = form.submit(&planner).await?;
    // 11:00–14:00 overlaps his 12:00–14:00: refused, nothing changed.
    expect(&page, 422)?;
    Ok(())
}

#[tokio::test]
async fn the_place_view_the_month_and_the_printed_week() -> Result<()> {
    let host = staffed(builder()).await?;
    let planner = host.login("planner").await?;
    plan(&planner, "1", "2026-12-08", "07:30", "15:00").await?;
    plan(&planner, "2", "2026-12-09", "10:30", "14:30").await?;
    let by_place = shown(&planner, &format!("{BASE}/semaine/{MONDAY}?vue=lieux")).await?;
    ensure!(
        by_place.shows("Cantine de l'école du Pic")
            && by_place.shows("Colette Cuisinière")
            && by_place.shows("Arnaud Agent"),
        "{}",
        excerpt(&by_place.text)
    );
    let month = shown(&planner, &format!("{BASE}/mois/2026-12?equipe=1")).await?;
    ensure!(
        month.shows("Cantine – décembre 2026"),
        "{}",
        excerpt(&month.text)
    );
    ensure!(
        month.shows("7 h") && month.shows("3 h 30"),
        "{}",
        excerpt(&month.text)
    );
    expect(&planner.get(&format!("{BASE}/mois/2026-13")).await?, 404)?;
    expect(
        &planner.get(&format!("{BASE}/semaine/2026-12-08")).await?,
        404,
    )?;

    let css = host
        .client()
        .get(&format!(
            "/static/p/roster/{}/roster.css",
            env!("CARGO_PKG_VERSION")
        ))
        .await?;
    expect(&css, 200)?;
    ensure!(
        css.text.contains("size: A4 landscape"),
        "the week prints on one A4 landscape sheet"
    );
    ensure!(
        by_place.text.contains("roster.css"),
        "the grid links its stylesheet"
    );
    Ok(())
}
