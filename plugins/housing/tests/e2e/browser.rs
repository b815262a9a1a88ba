//! In a real headless Chromium (Debian's `chromium` and `chromium-driver`):
//! the mairie posts a studio from its landlord space and submits it; an
//! agent of the intercommunality publishes it from the moderation queue; a
//! seasonal worker finds it with the search form, reads it and writes to
//! the landlord, whose mail carries the message but no address.

use anyhow::{Context as _, Result, ensure};
use estive_testing::Browser;

use super::{BASE, STAFF, builder, decoded, excerpt, loaded};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_home_is_posted_moderated_found_and_its_landlord_contacted_in_the_browser() -> Result<()>
{
    let host = loaded(builder()).await?;
    let url = host.url.clone();
    let b = Browser::start().await;

    // The landlord describes the home and sends it for review.
    b.sign_in(&url, "mairie").await;
    b.goto(&format!("{url}{BASE}/espace-bailleur")).await;
    b.wait_for("Mairie de Vielle-Aure").await;
    b.click(&format!(
        "a[href='{BASE}/espace-bailleur/logements/nouveau']"
    ))
    .await;
    b.wait_for("Nouveau logement").await;
    b.fill("#housing-home-title", "Studio neuf face à la télécabine")
        .await;
    b.fill(
        "#housing-home-description",
        "Studio **rénové** avec kitchenette, local à skis au rez-de-chaussée.",
    )
    .await;
    b.select("#housing-home-kind", "Studio").await;
    b.select("#housing-home-commune", "Vielle-Aure").await;
    b.fill("#housing-home-area", "Le Bourg").await;
    b.fill("#housing-home-address", "1 place de la Télécabine")
        .await;
    b.fill("#housing-home-surface", "18").await;
    b.fill("#housing-home-ceiling", "2,4").await;
    b.fill("#housing-home-rent", "350").await;
    b.fill("#housing-home-charges", "30").await;
    b.select("#housing-home-lease", "Bail mobilité").await;
    b.fill("#housing-home-minutes_lifts", "4").await;
    // A date control takes its digits as a person types them (the
    // headless browser's locale writes month/day/year).
    b.fill("#housing-home-available_from", "12192026").await;
    b.fill("#housing-home-available_to", "04122027").await;
    b.click("button[name='intent'][value='submit']").await;
    let page = b
        .wait_for("Le logement est soumis à la relecture de l'intercommunalité.")
        .await;
    ensure!(
        page.contains("En attente de relecture"),
        "{}",
        excerpt(&page)
    );
    let edit = b.url().await;
    let id: i64 = edit
        .rsplit('/')
        .next()
        .and_then(|s| s.parse().ok())
        .with_context(|| format!("no home id in {edit}"))?;
    b.sign_out().await;

    // An agent publishes it from the queue.
    b.sign_in(&url, "agent").await;
    b.goto(&format!("{url}{STAFF}/")).await;
    b.wait_for("Studio neuf face à la télécabine").await;
    b.click(&format!("a[href='{STAFF}/logements/{id}']")).await;
    b.wait_for("1 place de la Télécabine").await;
    b.click("input[name='decision'][value='publish']").await;
    b.click(&format!(
        "form[action='{STAFF}/logements/{id}'] button[type='submit']"
    ))
    .await;
    b.wait_for("Le logement est publié").await;
    b.sign_out().await;

    // A worker finds it by a word, reads it (no address) and writes.
    b.sign_in(&url, "seeker").await;
    b.goto(&format!("{url}{BASE}/")).await;
    b.wait_for("Studio communal").await;
    b.fill("#housing-search-q", "télécabine neuf").await;
    b.click(&format!("form[action='{BASE}/'] button[type='submit']"))
        .await;
    // The home is on the unfiltered list too: wait for the search's own
    // page before reading it.
    b.wait_for_url("q=").await;
    let results = b.wait_for("Studio neuf face à la télécabine").await;
    ensure!(
        !results.contains("Chambre chez l'habitant avec vue"),
        "{}",
        excerpt(&results)
    );
    b.click(&format!("a[href='{BASE}/annonces/{id}']")).await;
    let listing = b.wait_for("local à skis").await;
    ensure!(
        listing.contains("Vielle-Aure") && !listing.contains("1 place de la Télécabine"),
        "{}",
        excerpt(&listing)
    );
    b.click(&format!("a[href='{BASE}/annonces/{id}/contact']"))
        .await;
    b.fill(
        "#housing-contact-message",
        "Bonjour, je suis perchman à la télécabine cet hiver : le studio est-il libre dès le 19 décembre ?",
    )
    .await;
    b.click("#housing-contact-consent").await;
    b.click(&format!(
        "form[action='{BASE}/annonces/{id}/contact'] button[type='submit']"
    ))
    .await;
    b.wait_for("Votre message est envoyé au bailleur.").await;
    let mail = decoded(host.mails().last().context("the landlord's mail")?);
    ensure!(
        mail.contains("perchman à la télécabine") && !mail.contains("seeker@"),
        "{mail}"
    );
    Ok(())
}
