//! In a real headless Chromium (Debian's `chromium` and `chromium-driver`):
//! a member of staff signs in, writes a local sheet from the extranet's
//! form, picking its audience and folder from the lists the page offers,
//! publishes it, and a citizen then finds it in that folder of the portal.

use anyhow::{Result, ensure};
use estive_testing::Browser;

use super::{builder, get_ok, host_with, import, sample_dir};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_publish_a_local_sheet_in_the_browser() -> Result<()> {
    let dir = sample_dir("browser-local")?;
    let host = host_with(dir.path(), builder()).await?;
    import(&host).await?;

    let url = host.url.clone();
    let b = Browser::start().await;
    b.sign_in(&url, "agent").await;
    b.goto(&format!("{url}/extranet/demarches/fiches-locales/nouvelle"))
        .await;
    b.fill("#comarquage-title", "Clés de la cabane pastorale du Pla")
        .await;
    b.select("#comarquage-audience", "Particuliers").await;
    b.select("#comarquage-parent_id", "N90011").await;
    b.fill(
        "#comarquage-body",
        "Les clés se retirent à la Maison de l'intercommunalité.",
    )
    .await;
    if !b.has("#comarquage-published:checked").await {
        b.click("#comarquage-published").await;
    }
    b.click("form[action='/extranet/demarches/fiches-locales/nouvelle'] button[type='submit']")
        .await;
    let page = b.wait_for("Clés de la cabane pastorale du Pla").await;
    ensure!(
        b.url()
            .await
            .ends_with("/extranet/demarches/fiches-locales"),
        "the form was refused: {page}"
    );
    ensure!(
        !page.contains("aria-invalid=\"true\""),
        "the form was refused: {page}"
    );

    let citizen = host.client();
    let folder = get_ok(&citizen, "/demarches/particuliers/N90011").await?;
    ensure!(
        folder.text.contains("Clés de la cabane pastorale du Pla"),
        "the sheet is published in its folder"
    );
    Ok(())
}
