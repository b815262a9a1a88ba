//! In a real headless Chromium (Debian's `chromium` and `chromium-driver`):
//! the canteen's manager adds a shift to Colette's week from the grid's
//! "+" button, fills the form, publishes the week; Colette then signs in
//! and reads her shift in her schedule.

use anyhow::{Result, ensure};
use estive_testing::Browser;

use super::{BASE, MONDAY, builder, excerpt, staffed};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_manager_edits_a_week_and_an_agent_reads_it_in_the_browser() -> Result<()> {
    let host = staffed(builder()).await?;
    let url = host.url.clone();
    let b = Browser::start().await;
    b.sign_in(&url, "planner").await;
    b.goto(&format!("{url}{BASE}/semaine/{MONDAY}")).await;
    b.wait_for("Cantine – semaine du lundi 7 décembre 2026")
        .await;
    // The "+" of Colette's Tuesday.
    b.click(&format!(
        "a[href='{BASE}/creneaux/nouveau?team=1&day=2026-12-08&agent=1']"
    ))
    .await;
    b.wait_for("Nouveau créneau").await;
    b.select("#shift-place", "Cantine de l'école du Pic").await;
    // A time control takes its digits as a person types them (the
    // headless browser's clock has AM/PM: "A" picks the morning).
    b.fill("#shift-start", "0730A").await;
    b.fill("#shift-end", "1500").await;
    b.fill("#shift-break_minutes", "30").await;
    b.fill("#shift-task", "Préparation des repas").await;
    b.click(&format!(
        "form[action='{BASE}/creneaux/nouveau'] button[type='submit']"
    ))
    .await;
    let page = b.wait_for("Le créneau est enregistré.").await;
    ensure!(page.contains("07:30–15:00"), "{}", excerpt(&page));
    b.click(&format!(
        "form[action='{BASE}/semaine/{MONDAY}/publier'] button[type='submit']"
    ))
    .await;
    b.wait_for("La semaine est publiée").await;
    b.sign_out().await;

    b.sign_in(&url, "cook").await;
    b.goto(&format!("{url}{BASE}/mon-planning")).await;
    let mine = b.wait_for("Mes prochains créneaux").await;
    ensure!(
        mine.contains("07:30–15:00") && mine.contains("Cantine de l'école du Pic"),
        "{}",
        excerpt(&mine)
    );
    Ok(())
}
