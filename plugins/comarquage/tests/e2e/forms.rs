//! Every form of the co-branding plugin, as rendered: each test loads the
//! page, reads the form from its HTML (fields, options, hidden values),
//! fills it only from what the page offers and submits it as a browser
//! would, then checks what the portal shows afterwards.
//!
//! The 9 forms of `templates/` and the test of each:
//!
//! | template | form | test |
//! |---|---|---|
//! | _run_form.html | start or carry on an import | `run_form_imports_the_feed_from_the_extranet` |
//! | _search_form.html | search (portal home and search page) | `search_forms_find_a_sheet_and_filter_by_audience` |
//! | additions.html | find a sheet to add to (GET) | `addition_forms_add_text_to_a_sheet_and_delete_it` |
//! | addition_form.html | an addition | `addition_forms_add_text_to_a_sheet_and_delete_it` |
//! | addition_form.html | delete an addition | `addition_forms_add_text_to_a_sheet_and_delete_it` |
//! | local_form.html | a local sheet, new and edit | `local_sheet_forms_create_edit_and_delete_a_sheet` |
//! | local_form.html | delete a local sheet | `local_sheet_forms_create_edit_and_delete_a_sheet` |
//! | office_form.html | an office, new and edit | `office_forms_create_edit_and_delete_an_office` |
//! | office_form.html | delete an office | `office_forms_create_edit_and_delete_an_office` |

use anyhow::{Context as _, Result, ensure};
use estive_testing::Page;

use super::{builder, decoded, get_ok, host_with, import, sample_dir};

const X: &str = "/extranet/demarches";

/// The lines of the error summary of a form shown again, in their order,
/// as (the id they link to, their text), from a [`decoded`] page.
fn summary(page: &Page) -> Result<Vec<(String, String)>> {
    let lines = page.error_summary();
    anyhow::ensure!(!lines.is_empty(), "no error summary on {}", page.path);
    Ok(lines)
}

/// The id in the first link `href="<prefix><id>">…<text>`.
fn linked_id(page: &Page, prefix: &str, text: &str) -> Result<String> {
    page.text
        .split(&format!("href=\"{prefix}"))
        .skip(1)
        .find_map(|rest| {
            let (id, after) = rest.split_once('"')?;
            let label = after.get(..after.find("</a>")?)?;
            label.contains(text).then(|| id.to_owned())
        })
        .with_context(|| format!("no link {prefix}… named {text} on {}", page.path))
}

#[tokio::test]
async fn run_form_imports_the_feed_from_the_extranet() -> Result<()> {
    let dir = sample_dir("form-run")?;
    let host = host_with(dir.path(), builder()).await?;
    let agent = host.login("agent").await?;
    let anon = host.client();
    ensure!(
        anon.get("/demarches/particuliers/F90101").await?.status == 404,
        "nothing is served before the first import"
    );
    let imports = format!("{X}/imports");
    let run = format!("{X}/imports/lancer");
    let mut page = get_ok(&agent, &imports).await?;
    // A long import pauses between requests and offers to carry on: press
    // the button until the sheets are served, as a person would.
    for _ in 0..20 {
        let form = page.form(&run)?;
        page = decoded(form.submit(&agent).await?);
        ensure!(page.status == 200, "{}\n{}", page.status, page.text);
        if anon.get("/demarches/particuliers/F90101").await?.status == 200 {
            break;
        }
        if page.form(&run).is_err() {
            page = get_ok(&agent, &imports).await?;
        }
    }
    let sheet = get_ok(&anon, "/demarches/particuliers/F90101").await?;
    ensure!(
        sheet.contains("Déclarer la montée d'un troupeau en estive"),
        "the imported sheet is served"
    );
    Ok(())
}

#[tokio::test]
async fn search_forms_find_a_sheet_and_filter_by_audience() -> Result<()> {
    let dir = sample_dir("form-search")?;
    let host = host_with(dir.path(), builder()).await?;
    import(&host).await?;
    let anon = host.client();
    let home = get_ok(&anon, "/demarches/").await?;
    let mut form = home.form("/demarches/recherche")?;
    ensure!(form.method == "get");
    form.set("q", "affouage")?;
    let found = decoded(form.submit(&anon).await?);
    ensure!(found.status == 200, "{}", found.status);
    ensure!(
        found.contains("/demarches/particuliers/F90103"),
        "the home page's search finds the sheet: {}",
        found.text
    );
    // The results page's own form keeps the words and offers audiences.
    let mut form = found.form("/demarches/recherche")?;
    ensure!(form.value("q").as_deref() == Some("affouage"));
    let audiences = form.options("public");
    ensure!(
        audiences.iter().any(|(v, _)| v == "associations"),
        "audiences offered: {audiences:?}"
    );
    form.set("public", "associations")?;
    let filtered = decoded(form.submit(&anon).await?);
    ensure!(
        !filtered.contains("/demarches/particuliers/F90103"),
        "a sheet for individuals is not among the associations' results"
    );
    form.set("public", "particuliers")?;
    let filtered = decoded(form.submit(&anon).await?);
    ensure!(filtered.contains("/demarches/particuliers/F90103"));
    Ok(())
}

#[tokio::test]
async fn addition_forms_add_text_to_a_sheet_and_delete_it() -> Result<()> {
    let dir = sample_dir("form-additions")?;
    let host = host_with(dir.path(), builder()).await?;
    import(&host).await?;
    let agent = host.login("agent").await?;
    let anon = host.client();
    let list = get_ok(&agent, &format!("{X}/complements")).await?;
    let mut find = list.form(&format!("{X}/complements"))?;
    ensure!(find.method == "get");
    find.set("fiche", "F90101")?;
    let page = decoded(find.submit(&agent).await?);
    ensure!(
        page.status == 200 && page.path == format!("{X}/complements/F90101"),
        "{} {}",
        page.status,
        page.path
    );
    let mut form = page.form(&format!("{X}/complements/F90101"))?;
    ensure!(
        form.options("position").len() == 2,
        "{:?}",
        form.options("position")
    );
    form.set("position", "top")?.set(
        "body",
        "Dans nos villages, la déclaration se dépose aussi en mairie.",
    )?;
    let sheet = decoded(form.submit(&agent).await?);
    ensure!(
        sheet.status == 200 && sheet.contains("se dépose aussi en mairie"),
        "{}",
        sheet.text
    );
    ensure!(
        get_ok(&anon, "/demarches/particuliers/F90101")
            .await?
            .contains("se dépose aussi en mairie")
    );

    let page = get_ok(&agent, &format!("{X}/complements/F90101")).await?;
    let form = page.form(&format!("{X}/complements/F90101"))?;
    ensure!(form.value("position").as_deref() == Some("top"));
    let delete = page.form(&format!("{X}/complements/F90101/supprimer"))?;
    let page = decoded(delete.submit(&agent).await?);
    ensure!(page.status == 200, "{}", page.status);
    ensure!(
        !get_ok(&anon, "/demarches/particuliers/F90101")
            .await?
            .contains("se dépose aussi en mairie"),
        "the addition is gone"
    );
    Ok(())
}

#[tokio::test]
async fn local_sheet_forms_create_edit_and_delete_a_sheet() -> Result<()> {
    let dir = sample_dir("form-local")?;
    let host = host_with(dir.path(), builder()).await?;
    import(&host).await?;
    let agent = host.login("agent").await?;
    let anon = host.client();
    let new = format!("{X}/fiches-locales/nouvelle");
    let page = get_ok(&agent, &new).await?;
    let mut form = page.form(&new)?;
    form.set("title", "Retirer les clés de la cabane pastorale")?
        .set("audience", "particuliers")?
        // The folder must be one the page offers: the feed's folders.
        .set("parent_id", "N90011")?
        .set("body", "Les clés sont remises au berger contre signature.")?
        .check("published", "on")?;
    let list = decoded(form.submit(&agent).await?);
    ensure!(list.status == 200, "{}\n{}", list.status, list.text);
    let folder = get_ok(&anon, "/demarches/particuliers/N90011").await?;
    ensure!(
        folder.contains("Retirer les clés de la cabane pastorale"),
        "published in its folder"
    );

    let id = linked_id(
        &list,
        &format!("{X}/fiches-locales/"),
        "Retirer les clés de la cabane pastorale",
    )?;
    let path = format!("{X}/fiches-locales/{id}");
    let page = get_ok(&agent, &path).await?;
    let mut form = page.form(&path)?;
    ensure!(form.value("parent_id").as_deref() == Some("N90011"));
    ensure!(form.value("published").as_deref() == Some("on"));
    form.set("title", "Clés des cabanes pastorales")?;
    let list = decoded(form.submit(&agent).await?);
    ensure!(list.status == 200 && list.contains("Clés des cabanes pastorales"));
    let folder = get_ok(&anon, "/demarches/particuliers/N90011").await?;
    ensure!(folder.contains("Clés des cabanes pastorales"));

    let page = get_ok(&agent, &path).await?;
    let delete = page.form(&format!("{path}/supprimer"))?;
    let list = decoded(delete.submit(&agent).await?);
    ensure!(list.status == 200, "{}", list.status);
    let folder = get_ok(&anon, "/demarches/particuliers/N90011").await?;
    ensure!(
        !folder.contains("Clés des cabanes pastorales"),
        "deleted from its folder"
    );
    Ok(())
}

#[tokio::test]
async fn office_forms_create_edit_and_delete_an_office() -> Result<()> {
    let dir = sample_dir("form-offices")?;
    let host = host_with(dir.path(), builder()).await?;
    import(&host).await?;
    let agent = host.login("agent").await?;
    let anon = host.client();
    let new = format!("{X}/guichets/nouveau");
    let page = get_ok(&agent, &new).await?;
    ensure!(
        page.contains("<option value=\"mairie\">"),
        "the feed's kinds are suggested"
    );
    // Sent without a name and with an address that is no web address: the
    // form comes back with what was typed, the errors in the form's order
    // naming their fields, and their count in the document's title only.
    let mut form = page.form(&new)?;
    form.set("pivot", "mairie")?
        .set("url", "javascript:alert(1)")?;
    let bad = decoded(form.submit(&agent).await?);
    ensure!(bad.status == 422, "{}\n{}", bad.status, bad.text);
    ensure!(
        bad.title().starts_with("Erreur : 2 champs à corriger"),
        "title: {}",
        bad.title()
    );
    ensure!(
        bad.heading() == "Ajouter un guichet",
        "h1: {}",
        bad.heading()
    );
    let lines = summary(&bad)?;
    ensure!(
        lines.len() == 2
            && lines[0].0 == "comarquage-name"
            && lines[0].1.starts_with("Nom")
            && lines[0].1.contains("obligatoire")
            && lines[1].0 == "comarquage-url"
            && lines[1].1.starts_with("Site internet")
            && lines[1].1.contains("https://"),
        "summary: {lines:?}"
    );
    ensure!(
        bad.contains("id=\"comarquage-name\"") && bad.contains("aria-invalid=\"true\""),
        "the field is marked"
    );
    let mut form = bad.form(&new)?;
    ensure!(form.value("pivot").as_deref() == Some("mairie"), "kept");
    ensure!(form.value("url").as_deref() == Some("javascript:alert(1)"));
    form.set("name", "Mairie d'Arreau-les-Véziaux")?
        .set("url", "")?
        .set(
            "address",
            "1 place de la Fontaine\n65240 Arreau-les-Véziaux",
        )?
        .set("phone", "05 62 00 00 01")?;
    let list = decoded(form.submit(&agent).await?);
    ensure!(list.status == 200, "{}\n{}", list.status, list.text);
    let sheet = get_ok(&anon, "/demarches/particuliers/F90101").await?;
    ensure!(sheet.contains("Mairie d'Arreau-les-Véziaux"));
    ensure!(sheet.contains("href=\"tel:0562000001\""));

    let id = linked_id(&list, &format!("{X}/guichets/"), "Mairie d'Arreau")?;
    let path = format!("{X}/guichets/{id}");
    let page = get_ok(&agent, &path).await?;
    let mut form = page.form(&path)?;
    ensure!(form.value("pivot").as_deref() == Some("mairie"));
    form.set("phone", "05 62 00 00 09")?;
    let list = decoded(form.submit(&agent).await?);
    ensure!(list.status == 200, "{}", list.status);
    let sheet = get_ok(&anon, "/demarches/particuliers/F90101").await?;
    ensure!(sheet.contains("href=\"tel:0562000009\""), "the new number");

    let page = get_ok(&agent, &path).await?;
    let delete = page.form(&format!("{path}/supprimer"))?;
    let list = decoded(delete.submit(&agent).await?);
    ensure!(list.status == 200, "{}", list.status);
    let sheet = get_ok(&anon, "/demarches/particuliers/F90101").await?;
    ensure!(
        !sheet.contains("Mairie d'Arreau-les-Véziaux"),
        "the office is gone from the sheet"
    );
    Ok(())
}
