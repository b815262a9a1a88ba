//! In a real headless Chromium (Debian's `chromium` and `chromium-driver`):
//! the hotel's owner posts an offer from her employer space and submits
//! it; an agent of the intercommunality publishes it from the moderation
//! queue; an anonymous visitor finds it with the search form and reads it.

use anyhow::{Context as _, Result, ensure};
use estive_testing::Browser;

use super::{BASE, STAFF, builder, excerpt, loaded};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_offer_is_posted_moderated_and_found_in_the_browser() -> Result<()> {
    let host = loaded(builder()).await?;
    let url = host.url.clone();
    let b = Browser::start().await;

    // The employer writes the offer and sends it for review.
    b.sign_in(&url, "hotel").await;
    b.goto(&format!("{url}{BASE}/espace-employeur")).await;
    b.wait_for("Hôtel du Pic").await;
    b.click(&format!(
        "a[href='{BASE}/espace-employeur/offres/nouvelle']"
    ))
    .await;
    b.wait_for("Nouvelle offre").await;
    b.fill("#jobs-offer-title", "Barman ou barmaid (H/F)").await;
    b.fill(
        "#jobs-offer-description",
        "Service au bar de l'hôtel, **cocktails** et boissons chaudes après le ski.",
    )
    .await;
    b.select("#jobs-offer-contract", "Saisonnier").await;
    b.select("#jobs-offer-commune", "Vielle-Aure").await;
    b.fill("#jobs-offer-hours", "35 h par semaine").await;
    b.click("#jobs-offer-housing").await;
    b.click("button[name='intent'][value='submit']").await;
    let page = b
        .wait_for("L'offre est soumise à la relecture de l'intercommunalité.")
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
        .with_context(|| format!("no offer id in {edit}"))?;
    b.sign_out().await;

    // An agent publishes it from the queue.
    b.sign_in(&url, "agent").await;
    b.goto(&format!("{url}{STAFF}/")).await;
    b.wait_for("Barman ou barmaid (H/F)").await;
    b.click(&format!("a[href='{STAFF}/offres/{id}']")).await;
    b.wait_for("Service au bar de l'hôtel").await;
    b.click("input[name='decision'][value='publish']").await;
    b.click(&format!(
        "form[action='{STAFF}/offres/{id}'] button[type='submit']"
    ))
    .await;
    b.wait_for("L'offre est publiée").await;
    b.sign_out().await;

    // A visitor finds it by a word of its title and reads it.
    b.goto(&format!("{url}{BASE}/")).await;
    b.wait_for("Perchman").await;
    b.fill("#jobs-search-q", "barman").await;
    b.click(&format!("form[action='{BASE}/'] button[type='submit']"))
        .await;
    // The offer is on the unfiltered list too: wait for the search's own
    // page before reading it.
    b.wait_for_url("q=barman").await;
    let results = b.wait_for("Barman ou barmaid (H/F)").await;
    ensure!(!results.contains("Perchman"), "{}", excerpt(&results));
    b.click(&format!("a[href='{BASE}/offres/{id}']")).await;
    let offer = b.wait_for("Service au bar de l'hôtel").await;
    ensure!(
        offer.contains("Vielle-Aure") && offer.contains("Logement fourni"),
        "{}",
        excerpt(&offer)
    );
    Ok(())
}
