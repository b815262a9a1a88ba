//! What the pages say about a poll's life: a poll closed early shows the
//! day it really closed (and that it was early) wherever its dates show,
//! and participation over time comes as a chart beside its table.

use anyhow::{Context as _, Result};

use super::forms::{answer_everything, shown, value};
use super::{PollSpec, create_poll, host, publish};

/// The French phrase of a poll closed early at the test clock's time,
/// ahead of its planned closing.
const CLOSED_EARLY: &str = "Close avant la date prévue, le 10 novembre 2026 à 09:00 (clôture prévue le 30 novembre 2026 à 18:00)";

#[tokio::test]
async fn a_poll_closed_early_shows_its_real_closing_everywhere() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let id = create_poll(&elu, PollSpec::default()).await?;
    publish(&elu, &id).await?;
    let detail = format!("/extranet/consultations/{id}");
    shown(&elu, &detail)
        .await?
        .form(&format!("{detail}/close"))?
        .submit(&elu)
        .await?;

    let visitor = host.client();
    let list = shown(&visitor, "/consultations/").await?;
    assert!(list.contains(CLOSED_EARLY), "the list: {}", list.text);
    assert!(
        !list.contains("Close le 30 novembre"),
        "the planned date is not given as the closing"
    );
    let page = shown(&visitor, &format!("/consultations/{id}")).await?;
    assert!(page.contains(CLOSED_EARLY), "the poll page");
    let results = shown(&visitor, &format!("/consultations/{id}/resultats")).await?;
    assert!(results.contains(CLOSED_EARLY), "the results page");

    let manage = shown(&elu, "/extranet/consultations/").await?;
    assert!(
        manage.contains("10 novembre 2026 à 09:00"),
        "the extranet list gives the real closing"
    );
    assert!(manage.contains("close avant la date prévue du 30 novembre 2026 à 18:00"));
    let team = shown(&elu, &detail).await?;
    assert!(team.contains("Clôture effective"), "the poll's sheet");
    assert!(team.contains("Close avant la date prévue</span>"));
    let staff = shown(&elu, &format!("{detail}/results")).await?;
    assert!(staff.contains(CLOSED_EARLY), "the team's results");

    let data = visitor
        .get(&format!("/consultations/{id}/resultats.json"))
        .await?;
    let json: serde_json::Value = serde_json::from_str(&data.text)?;
    assert_eq!(json["closed_at"], "2026-11-10T09:00");
    assert_eq!(json["closes_at"], "2026-11-30T18:00");
    assert_eq!(json["closed_early"], true);
    Ok(())
}

#[tokio::test]
async fn a_poll_closed_by_the_schedule_shows_its_planned_closing_only() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let id = create_poll(&elu, PollSpec::default()).await?;
    publish(&elu, &id).await?;
    host.set_now("2026-11-30T18:07:00+01:00");
    host.run_schedule("polls", "close-expired").await?;
    let status = value(
        &host,
        &format!("SELECT status FROM p_polls__polls WHERE id = {id}"),
    )
    .await?;
    assert_eq!(status, "closed");
    let page = shown(&host.client(), &format!("/consultations/{id}")).await?;
    assert!(
        page.contains("Close le 30 novembre 2026 à 18:00"),
        "answers stopped at the planned time, not when the schedule ran"
    );
    assert!(!page.contains("avant la date prévue"));
    Ok(())
}

#[tokio::test]
async fn participation_over_time_is_a_chart_with_its_words_beside_the_table() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let id = create_poll(&elu, PollSpec::default()).await?;
    publish(&elu, &id).await?;
    // Two answers on 10 November, one on the 12th.
    for (now, n) in [
        ("2026-11-10T09:00:00+01:00", 2),
        ("2026-11-12T09:00:00+01:00", 1),
    ] {
        host.set_now(now);
        for _ in 0..n {
            let visitor = host.client();
            let page = shown(&visitor, &format!("/consultations/{id}")).await?;
            let mut form = page.form(&format!("/consultations/{id}"))?;
            answer_everything(&mut form)?;
            form.submit(&visitor).await?;
        }
    }
    let page = shown(&host.client(), &format!("/consultations/{id}/resultats")).await?;
    let at = page
        .text
        .find("id=\"polls-chart-participation\"")
        .context("a participation chart")?;
    let svg = &page.text[page.text[..at].rfind("<svg").context("an svg")?..];
    let svg = &svg[..svg.find("</svg>").context("a whole svg")?];
    assert!(svg.contains("role=\"img\""));
    assert!(svg.contains("<title"), "a title");
    assert!(
        svg.contains(
            "3 réponses du 1er novembre 2026 au 12 novembre 2026 ; le jour le plus suivi, \
             le 10 novembre 2026, en a reçu 2."
        ),
        "a description in words from the opening day: {svg}"
    );
    // The table beside it keeps the days with answers.
    assert!(page.contains("Réponses reçues chaque jour"));
    assert!(page.contains("<td class=\"num\">2</td><td class=\"num\">2</td>"));
    assert!(page.contains("<td class=\"num\">1</td><td class=\"num\">3</td>"));
    Ok(())
}

#[tokio::test]
async fn one_day_of_answers_is_drawn_too_on_the_team_results() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let id = create_poll(
        &elu,
        PollSpec {
            results: "staff",
            ..PollSpec::default()
        },
    )
    .await?;
    publish(&elu, &id).await?;
    let visitor = host.client();
    let page = shown(&visitor, &format!("/consultations/{id}")).await?;
    let mut form = page.form(&format!("/consultations/{id}"))?;
    answer_everything(&mut form)?;
    form.submit(&visitor).await?;
    let staff = shown(&elu, &format!("/extranet/consultations/{id}/results")).await?;
    assert!(
        staff.contains("id=\"polls-chart-participation\""),
        "a single day of answers still has its chart"
    );
    assert!(staff.contains("Une réponse du 1er novembre 2026 au 10 novembre 2026"));
    Ok(())
}
