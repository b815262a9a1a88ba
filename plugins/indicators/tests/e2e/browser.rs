//! In a real headless Chromium (Debian's `chromium` and `chromium-driver`):
//! an élu signs in, creates an action and then one of its indicators
//! through the extranet's forms, choosing from the lists the pages offer
//! (the axis, the action, the frequency).

use anyhow::{Context as _, Result};
use estive_testing::Browser;

use super::{host, value};

/// The WebDriver key code of Enter.
const ENTER: char = '\u{E007}';

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_elected_official_creates_an_action_and_its_indicator_in_the_browser() -> Result<()> {
    let host = host().await?;
    let url = host.url.clone();
    let b = Browser::start().await;
    b.sign_in(&url, "elu").await;

    b.goto(&format!("{url}/extranet/agenda21/actions/nouvelle"))
        .await;
    b.select(
        "#indicators-axis_id",
        "Production et consommation responsables",
    )
    .await;
    // Enter in a text field sends the form with its default button, as a
    // person typing would. (Clicking the button at the foot of this long
    // form races the theme's smooth scrolling: see the report.)
    b.fill(
        "#indicators-title",
        &format!("Cantine bio et locale{ENTER}"),
    )
    .await;
    let page = b.wait_for("L'action a été créée").await;
    assert!(page.contains("Cantine bio et locale"));
    let action = b
        .url()
        .await
        .rsplit('/')
        .next()
        .context("an action address")?
        .to_owned();
    let row = |c: &str| {
        format!("SELECT CAST({c} AS TEXT) FROM p_indicators__actions WHERE id = {action}")
    };
    assert_eq!(
        value(&host, &row("title")).await?.as_deref(),
        Some("Cantine bio et locale")
    );
    assert_eq!(
        value(&host, &row("status")).await?.as_deref(),
        Some("planned")
    );
    assert_eq!(
        value(&host, &row("progress_mode")).await?.as_deref(),
        Some("manual")
    );
    let axis = value(
        &host,
        "SELECT CAST(id AS TEXT) FROM p_indicators__axes WHERE title = 'Production et consommation responsables'",
    )
    .await?;
    assert_eq!(value(&host, &row("axis_id")).await?, axis);

    b.goto(&format!("{url}/extranet/agenda21/indicateurs/nouveau"))
        .await;
    b.fill("#indicators-code", "REPAS").await;
    b.select("#indicators-action_id", "Cantine bio et locale")
        .await;
    b.fill("#indicators-baseline_value", "0").await;
    b.fill("#indicators-target_value", "400").await;
    b.select("#indicators-frequency", "Mensuelle").await;
    b.fill(
        "#indicators-title",
        &format!("Repas servis dans les cantines{ENTER}"),
    )
    .await;
    let page = b.wait_for("L'indicateur a été créé").await;
    assert!(page.contains("Repas servis dans les cantines"));
    let indicator = |c: &str| {
        format!("SELECT CAST({c} AS TEXT) FROM p_indicators__indicators WHERE code = 'REPAS'")
    };
    assert_eq!(value(&host, &indicator("action_id")).await?, Some(action));
    assert_eq!(
        value(&host, &indicator("frequency")).await?.as_deref(),
        Some("monthly")
    );
    let target = value(&host, &indicator("target_value")).await?;
    assert_eq!(target.map(|t| t.parse::<f64>()).transpose()?, Some(400.0));
    Ok(())
}
