//! The acceptance scenario of issue 24, through the pages as rendered: an
//! élu creates Agenda 21 actions and an indicator from the extranet, a
//! value is typed for one commune, the canteen's `canteen.day-locked` is
//! mapped to the indicator, a locked day is delivered, and the public
//! progress of the action, its axis and the programme moves as the
//! formula says. The expected figures are computed here from what the
//! test typed and what the forms show (weights), not copied from a page.

use anyhow::{Context as _, Result, ensure};
use estive_testing::Client;
use serde_json::json;

use super::{EXTRANET, host, id_in, ok, progress_bar, shown, value};

/// A number as the forms show it (`1,5`).
fn number(text: &str) -> Result<f64> {
    Ok(text.replace(',', ".").parse()?)
}

/// The weighted mean of the known shares, as the programme rolls up.
fn weighted(items: &[(Option<f64>, f64)]) -> Option<f64> {
    let known: Vec<(f64, f64)> = items
        .iter()
        .filter_map(|(v, w)| v.map(|v| (v, *w)))
        .collect();
    let weights: f64 = known.iter().map(|(_, w)| w).sum();
    (weights > 0.0).then(|| known.iter().map(|(v, w)| v * w).sum::<f64>() / weights)
}

/// A share as the public pages write it: a whole percentage.
fn percent(share: Option<f64>) -> Option<i64> {
    share.map(|s| (s.clamp(0.0, 1.0) * 100.0).round() as i64)
}

struct NewAction<'a> {
    axis: &'a str,
    title: &'a str,
    derived: bool,
    progress: &'a str,
    weight: &'a str,
}

/// Creates an action in progress through the form as rendered, choosing
/// its axis by the label the list shows; returns its id and its axis id.
async fn new_action(elu: &Client, spec: NewAction<'_>) -> Result<(String, String)> {
    let page = shown(elu, &format!("{EXTRANET}/actions/nouvelle")).await?;
    let mut form = page.form_with("axis_id")?;
    form.choose("axis_id", spec.axis)?
        .set("title", spec.title)?
        .choose("status", "En cours")?
        .set(
            "progress_mode",
            if spec.derived { "derived" } else { "manual" },
        )?
        .set("progress", spec.progress)?
        .set("weight", spec.weight)?;
    let axis = form.value("axis_id").context("an axis chosen")?;
    let page = form.submit(elu).await?;
    ok(&page, spec.title)?;
    Ok((id_in(&page)?, axis))
}

/// The weight an axis's edit form shows.
async fn axis_weight(elu: &Client, axis: &str) -> Result<f64> {
    let form = shown(elu, &format!("{EXTRANET}/axes/{axis}/modifier"))
        .await?
        .form_with("weight")?;
    number(&form.value("weight").context("a weight")?)
}

/// The progress the public pages show: action, axis, programme.
async fn public_progress(
    visitor: &Client,
    action: &str,
    axis: &str,
) -> Result<(Option<i64>, Option<i64>, Option<i64>)> {
    let action = progress_bar(
        &shown(visitor, &format!("/agenda21/actions/{action}")).await?,
        "action",
    )?;
    let axis = progress_bar(
        &shown(visitor, &format!("/agenda21/axes/{axis}")).await?,
        "axis",
    )?;
    let programme = progress_bar(&shown(visitor, "/agenda21/").await?, "programme")?;
    Ok((action, axis, programme))
}

#[tokio::test]
async fn an_elu_builds_an_action_whose_public_progress_follows_the_canteen_as_the_formula_says()
-> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let agent = host.login("agent").await?;
    let visitor = host.client();

    // The actions: the canteen's, derived from its indicator (weight 2);
    // beside it in its axis one at 40 % entered by hand; and one at 20 %
    // in another axis.
    let (canteen_weight, compost_share, climate_share) = (2.0, 0.40, 0.20);
    let (canteen, axis) = new_action(
        &elu,
        NewAction {
            axis: "Production et consommation responsables",
            title: "Cantine bio et locale",
            derived: true,
            progress: "",
            weight: "2",
        },
    )
    .await?;
    let (_, same_axis) = new_action(
        &elu,
        NewAction {
            axis: "Production et consommation responsables",
            title: "Composteurs partagés",
            derived: false,
            progress: "40",
            weight: "1",
        },
    )
    .await?;
    ensure!(same_axis == axis);
    let (_, climate) = new_action(
        &elu,
        NewAction {
            axis: "Lutte contre le changement climatique",
            title: "Isoler les écoles",
            derived: false,
            progress: "20",
            weight: "1",
        },
    )
    .await?;
    ensure!(climate != axis);

    // The indicator: meals served, from 0 toward 400 a month.
    let (baseline, target) = (0.0, 400.0);
    let page = shown(&elu, &format!("{EXTRANET}/indicateurs/nouveau")).await?;
    let mut form = page.form_with("action_id")?;
    form.set("title", "Repas servis dans les cantines")?
        .set("code", "REPAS")?
        .choose("action_id", "Cantine bio et locale")?
        .set("unit", "repas")?
        .set("direction", "up")?
        .set("baseline_value", "0")?
        .set("baseline_on", "2026-01-01")?
        .set("target_value", "400")?
        .set("target_on", "2026-12-31")?
        .choose("frequency", "Mensuelle")?;
    let created = form.submit(&elu).await?;
    ok(&created, "indicator")?;
    let indicator = id_in(&created)?;
    ensure!(
        value(
            &host,
            &format!("SELECT CAST(action_id AS TEXT) FROM p_indicators__indicators WHERE id = {indicator}")
        )
        .await?
            == Some(canteen.clone()),
        "the indicator belongs to the action chosen"
    );

    let weights = (
        axis_weight(&elu, &axis).await?,
        axis_weight(&elu, &climate).await?,
    );
    let expected = |meals: Option<f64>| {
        let indicator = meals.map(|m| ((m - baseline) / (target - baseline)).clamp(0.0, 1.0));
        // Derived, with no known indicator, falls back to the percentage
        // entered: none, so 0.
        let canteen_share = weighted(&[(indicator, 1.0)]).or(Some(0.0));
        let axis_share = weighted(&[(canteen_share, canteen_weight), (Some(compost_share), 1.0)]);
        let programme = weighted(&[(axis_share, weights.0), (Some(climate_share), weights.1)]);
        (
            percent(canteen_share),
            percent(axis_share),
            percent(programme),
        )
    };
    let start = public_progress(&visitor, &canteen, &axis).await?;
    ensure!(start == expected(None), "{start:?} vs {:?}", expected(None));

    // A value typed for one commune is compared, not rolled up.
    let page = shown(
        &agent,
        &format!("{EXTRANET}/indicateurs/{indicator}/mesures"),
    )
    .await?;
    let mut form = page.form_with("measured_on")?;
    form.set("measured_on", "2026-06-10")?
        .set("value", "60")?
        .choose("commune", "Arreau")?;
    ok(&form.submit(&agent).await?, "value for Arreau")?;
    let public = shown(&visitor, &format!("/agenda21/indicateurs/{indicator}")).await?;
    ensure!(public.text.contains("Arreau"), "compared by commune");
    let typed = public_progress(&visitor, &canteen, &axis).await?;
    ensure!(typed == start, "a commune's value moves nothing: {typed:?}");

    // The canteen's locked days feed the indicator, summed by month.
    let page = shown(&elu, &format!("{EXTRANET}/evenements")).await?;
    let mut form = page.form(&format!("{EXTRANET}/evenements/correspondances"))?;
    form.choose("topic", "canteen.day-locked")?
        .set("field", "total")?
        .choose("indicator_id", "REPAS")?
        .set("period", "month")?
        .set("combine", "sum")?;
    ok(&form.submit(&elu).await?, "mapping")?;
    let locked = [
        ("École des Granges", "2026-06-11", 104.0),
        ("École du Bourg", "2026-06-12", 40.0),
    ];
    for (school, day, total) in locked {
        host.publish(
            "canteen.day-locked",
            &json!({ "school": school, "date": day,
                     "totals": { "standard": total - 20.0, "vegetarian": 20 }, "total": total }),
        )
        .await?;
    }
    let june: f64 = locked.iter().map(|(_, _, t)| t).sum();
    let stored = value(
        &host,
        &format!(
            "SELECT CAST(value AS TEXT) FROM p_indicators__measurements WHERE indicator_id = {indicator} AND commune = '' AND measured_on = '2026-06-01'"
        ),
    )
    .await?
    .context("June's value")?;
    ensure!(number(&stored)? == june, "{stored} meals in June");

    let moved = public_progress(&visitor, &canteen, &axis).await?;
    let want = expected(Some(june));
    ensure!(moved == want, "public progress {moved:?}, formula {want:?}");
    ensure!(moved != start, "the event moved it");
    Ok(())
}
