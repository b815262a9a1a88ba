//! In a real headless Chromium (Debian's `chromium` and `chromium-driver`):
//! an élu signs in, drafts a poll and adds a question through the
//! extranet's forms, then publishes a quick poll, which citizens find on
//! the portal.

use anyhow::{Context as _, Result};
use estive_testing::Browser;

use super::forms::value;
use super::host;

/// The WebDriver key code of Enter.
const ENTER: char = '\u{E007}';

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_elected_official_creates_and_publishes_polls_in_the_browser() -> Result<()> {
    let host = host().await?;
    let url = host.url.clone();
    let b = Browser::start().await;
    b.sign_in(&url, "elu").await;

    // A draft through the full form (its times come filled in).
    b.goto(&format!("{url}/extranet/consultations/new")).await;
    b.fill("#polls-description", "Trois terrains sont possibles.")
        .await;
    // Enter in the title sends the form, as a person typing would; the
    // submit buttons sit below the fold, where a click may land mid-scroll.
    b.fill(
        "#polls-title",
        &format!("Jardins partagés : où les ouvrir ?{ENTER}"),
    )
    .await;
    b.wait_for("Brouillon créé").await;
    let detail = b.url().await;
    let id = detail
        .rsplit('/')
        .next()
        .context("a poll address")?
        .to_owned();
    let row = |c: &str| format!("SELECT CAST({c} AS TEXT) FROM p_polls__polls WHERE id = {id}");
    assert_eq!(
        value(&host, &row("title")).await?,
        "Jardins partagés : où les ouvrir ?"
    );
    assert_eq!(
        value(&host, &row("description")).await?,
        "Trois terrains sont possibles."
    );
    assert_eq!(value(&host, &row("status")).await?, "draft");

    // A question, its kind picked in the list as a person would.
    b.goto(&format!("{url}/extranet/consultations/{id}/questions/new"))
        .await;
    b.select("#polls-kind", "Choix unique").await;
    b.fill(
        "#polls-options",
        "Derrière l'école\nBords de l'Aure\nPré communal",
    )
    .await;
    b.fill("#polls-title", &format!("Quel terrain ?{ENTER}"))
        .await;
    let page = b.wait_for("Question ajoutée").await;
    assert!(page.contains("Bords de l"), "the options show");
    let options = value(
        &host,
        &format!("SELECT CAST(COUNT(*) AS TEXT) FROM p_polls__options WHERE poll_id = {id}"),
    )
    .await?;
    assert_eq!(options, "3");

    // A quick poll is published at once and shows on the portal.
    b.goto(&format!("{url}/extranet/consultations/quick")).await;
    b.fill("#polls-options", "Samedi\nDimanche").await;
    b.fill(
        "#polls-title",
        &format!("Marché de Noël : samedi ou dimanche ?{ENTER}"),
    )
    .await;
    b.wait_for("Consultation publiée").await;
    let quick = b.url().await;
    let quick = quick.rsplit('/').next().context("a poll address")?;
    assert_eq!(
        value(
            &host,
            &format!("SELECT status FROM p_polls__polls WHERE id = {quick}")
        )
        .await?,
        "published"
    );
    b.sign_out().await;
    b.goto(&format!("{url}/consultations/")).await;
    b.click(&format!("a[href='/consultations/{quick}']")).await;
    let page = b.wait_for("Marché de Noël : samedi ou dimanche ?").await;
    assert!(page.contains("Dimanche"), "citizens can answer it");
    Ok(())
}
