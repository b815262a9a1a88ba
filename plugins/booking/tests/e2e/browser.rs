//! In a real headless Chromium (Debian's `chromium` and `chromium-driver`):
//! a member of staff signs in, opens a citizen's request from the list of
//! requests to approve, and approves it with a note through the booking
//! page's decision form; the citizen then reads the decision.

use anyhow::{Context as _, Result, ensure};
use estive_testing::Browser;

use super::{HALL_SLOT, book, excerpt, expect, id_in, setup};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_approve_a_request_in_the_browser() -> Result<()> {
    let (host, _agent, hall) = setup().await?;
    let citizen = host.login("citoyen").await?;
    let id = id_in(&book(&citizen, "portal", &hall, &HALL_SLOT).await?)?;

    let url = host.url.clone();
    let b = Browser::start().await;
    b.sign_in(&url, "agent").await;
    b.goto(&format!("{url}/extranet/reservations/approbations"))
        .await;
    b.wait_for("Une demande attend une décision.").await;
    b.click(&format!(
        "a[href='/extranet/reservations/reservations/{id}']"
    ))
    .await;
    b.wait_for("En attente").await;
    let here = b.url().await;
    ensure!(
        here.ends_with(&format!("/extranet/reservations/reservations/{id}")),
        "{here}"
    );
    b.click("#booking-decision").await;
    b.fill("#booking-reason", "Clés à l'accueil de la mairie")
        .await;
    b.click(&format!(
        "form[action='/extranet/reservations/reservations/{id}/decision'] button[type='submit']"
    ))
    .await;
    let page = b.wait_for("Réservation approuvée.").await;
    ensure!(page.contains("Confirmée"), "{}", excerpt(&page));
    // The decision form is gone: nothing is left to decide.
    ensure!(
        !b.has(&format!(
            "form[action='/extranet/reservations/reservations/{id}/decision']"
        ))
        .await
    );

    let mine = expect(
        &citizen
            .get(&format!("/reservations/mes-reservations/{id}"))
            .await?,
        200,
    )?;
    let decided = mine
        .find("Confirmée")
        .context("the citizen sees the booking confirmed")?;
    ensure!(decided > 0 && mine.contains("Clés à l'accueil de la mairie"));
    Ok(())
}
