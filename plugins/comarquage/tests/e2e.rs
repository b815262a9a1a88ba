//! End-to-end: the built plugin in a real Estive host over a temporary
//! SQLite, with the sample feed of `testdata/` in a directory granted to
//! it, driven through its pages by real HTTP clients (cookies, CSRF).
//! Every test checks what the pages show; the bad-input tests check that
//! the previous import is still served after each refused one.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use anyhow::{Context as _, Result, ensure};
use estive_testing::{Builder, Client, Page, TestHost};

#[path = "e2e/browser.rs"]
mod browser;
#[path = "e2e/forms.rs"]
mod forms;

const NOW: &str = "2026-11-10T09:00:00+01:00";

fn testdata() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata")
}

/// A fresh folder for one test, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Result<TempDir> {
        static N: AtomicU32 = AtomicU32::new(0);
        let dir = std::env::temp_dir().join(format!(
            "comarquage-e2e-{name}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        Ok(TempDir(dir))
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A folder with the sample zips, as the DILA ships them.
fn sample_dir(name: &str) -> Result<TempDir> {
    let dir = TempDir::new(name)?;
    for zip in ["vosdroits-part.zip", "vosdroits-asso.zip"] {
        std::fs::copy(testdata().join(zip), dir.path().join(zip))?;
    }
    Ok(dir)
}

/// A folder with the sample feed unpacked (`part/`, `asso/`).
fn unpacked_dir(name: &str) -> Result<TempDir> {
    let dir = TempDir::new(name)?;
    for audience in ["part", "asso"] {
        let to = dir.path().join(audience);
        std::fs::create_dir_all(&to)?;
        for e in std::fs::read_dir(testdata().join("src").join(audience))? {
            let e = e?;
            std::fs::copy(e.path(), to.join(e.file_name()))?;
        }
    }
    Ok(dir)
}

fn builder() -> Builder {
    TestHost::builder()
        .plugin(env!("CARGO_MANIFEST_DIR"))
        .now(NOW)
}

/// Grant `dir` as the server administrator does: folder grants live in
/// `<data>/granted/<site>/`, so the folder is moved there, and a link left
/// at its old place lets the test go on writing into it.
async fn grant(host: &TestHost, dir: Option<&Path>) -> Result<()> {
    let sub = match dir {
        Some(d) => {
            let root = host.state.platform.granted_root("test");
            std::fs::create_dir_all(&root)?;
            let name = d.file_name().context("the folder's name")?;
            let to = root.join(name);
            if !d.is_symlink() {
                std::fs::rename(d, &to)?;
                std::os::unix::fs::symlink(&to, d)?;
            }
            Some(name.to_string_lossy().into_owned())
        }
        None => None,
    };
    host.state
        .platform
        .grant_folder("test", "comarquage", sub.as_deref())
        .await?;
    Ok(())
}

async fn host_with(dir: &Path, b: Builder) -> Result<TestHost> {
    let host = b.start().await?;
    grant(&host, Some(dir)).await?;
    Ok(host)
}

async fn import(host: &TestHost) -> Result<()> {
    host.run_schedule("comarquage", "import").await
}

/// The page with the entities minijinja's escaping writes for `/` and `'`
/// turned back into characters, so that tests read like the markup.
fn decoded(page: Page) -> Page {
    let text = page.text.replace("&#x2f;", "/").replace("&#x27;", "'");
    Page { text, ..page }
}

async fn get_ok(c: &Client, path: &str) -> Result<Page> {
    let page = decoded(c.get(path).await?);
    ensure!(
        page.status == 200,
        "GET {path}: status {}\n{}",
        page.status,
        page.text
    );
    Ok(page)
}

async fn post_ok(c: &Client, path: &str, form: &[(&str, &str)]) -> Result<Page> {
    Ok(decoded(c.post_form(path, form).await?))
}

/// The report of the newest import, as `agent` (staff: comarquage.manage)
/// sees it.
async fn last_report(host: &TestHost) -> Result<Page> {
    let agent = host.login("agent").await?;
    let list = get_ok(&agent, "/extranet/demarches/imports").await?;
    let prefix = "/extranet/demarches/imports/";
    let at = list
        .text
        .match_indices(prefix)
        .map(|(i, _)| i + prefix.len())
        .find(|i| list.text[*i..].starts_with(|c: char| c.is_ascii_digit()))
        .context("no import listed")?;
    let end = at + list.text[at..].find('"').context("link")?;
    get_ok(&agent, &format!("{prefix}{}", &list.text[at..end])).await
}

/// Imports the sample feed and checks a sheet is served.
async fn good_import(host: &TestHost) -> Result<()> {
    import(host).await?;
    let page = get_ok(&host.client(), "/demarches/particuliers/F90101").await?;
    ensure!(
        page.contains("Déclarer la montée d'un troupeau en estive")
            || page.contains("Déclarer la montée d'un troupeau en estive")
    );
    Ok(())
}

/// The previous import is still the one served.
async fn still_served(host: &TestHost) -> Result<()> {
    let anon = host.client();
    let page = get_ok(&anon, "/demarches/particuliers/F90103").await?;
    ensure!(
        page.contains("Demander une part d"),
        "the previous sheets are gone"
    );
    let search = get_ok(&anon, "/demarches/recherche?q=affouage").await?;
    ensure!(
        search.contains("/demarches/particuliers/F90103"),
        "the search lost the previous sheets"
    );
    Ok(())
}

#[tokio::test]
async fn the_sample_feed_is_imported_and_served_by_audience_theme_folder_and_sheet() -> Result<()> {
    let dir = sample_dir("served")?;
    let host = host_with(dir.path(), builder()).await?;
    import(&host).await?;
    let anon = host.client();

    let home = get_ok(&anon, "/demarches").await?;
    ensure!(
        home.contains(">Particuliers</a>") && home.contains(">Associations</a>"),
        "audiences on the home page"
    );
    ensure!(
        home.contains("href=\"/demarches/particuliers/N90001\">Vie en montagne</a>"),
        "themes on the home page"
    );
    ensure!(
        !home.contains(">Professionnels</a>"),
        "an audience without sheets is left out"
    );

    let audience = get_ok(&anon, "/demarches/particuliers").await?;
    ensure!(
        audience.contains("href=\"/demarches/particuliers/N90011\">Estives et transhumance</a>")
    );

    let theme = get_ok(&anon, "/demarches/particuliers/N90001").await?;
    ensure!(
        theme.contains("<h2 id=\"comarquage-section-1\">Estives</h2>"),
        "sections of a theme"
    );
    ensure!(theme.contains("href=\"/demarches/particuliers/N90012\">Bois de chauffage</a>"));

    let folder = get_ok(&anon, "/demarches/particuliers/N90011").await?;
    ensure!(folder.contains("Avant la montée en estive"));
    ensure!(
        folder.contains("href=\"/demarches/particuliers/F90102\""),
        "sheets of a folder"
    );

    let asso = get_ok(&anon, "/demarches/associations/F90601").await?;
    ensure!(
        asso.contains("href=\"/demarches/particuliers/F90201\""),
        "a link to another audience's sheet goes to its page"
    );

    // A sheet asked under the wrong audience is sent to its own.
    let moved = anon.get("/demarches/associations/F90101").await?;
    ensure!(
        moved.path == "/demarches/particuliers/F90101" && moved.status == 200,
        "went to {}",
        moved.path
    );
    ensure!(anon.get("/demarches/particuliers/F12345").await?.status == 404);
    ensure!(anon.get("/demarches/elus").await?.status == 404);

    // The widgets: a search box on the portal, the import's status on the
    // extranet dashboard of those who manage it.
    let portal = get_ok(&anon, "/").await?;
    ensure!(
        portal.contains("action=\"/demarches/recherche\""),
        "portal search widget"
    );
    let agent = host.login("agent").await?;
    let dashboard = get_ok(&agent, "/extranet/").await?;
    ensure!(
        dashboard.contains("Fiches importées le 10 novembre 2026"),
        "extranet status widget"
    );
    Ok(())
}

#[tokio::test]
async fn a_sheet_renders_every_element_with_breadcrumb_tabs_links_and_source_line() -> Result<()> {
    let dir = sample_dir("elements")?;
    let host = host_with(dir.path(), builder()).await?;
    import(&host).await?;
    let page = get_ok(&host.client(), "/demarches/particuliers/F90101").await?;
    let t = &page.text;
    let has = |needle: &str| t.contains(needle);

    // Breadcrumb from FilDAriane: home, audience, theme, folder.
    let crumbs = t.find("class=\"breadcrumb\"").context("breadcrumb")?;
    let crumbs = &t[crumbs..t[crumbs..].find("</nav>").context("end")? + crumbs];
    for link in [
        "/demarches\"",
        "/demarches/particuliers\"",
        "/demarches/particuliers/N90001\"",
        "/demarches/particuliers/N90011\"",
    ] {
        ensure!(crumbs.contains(link), "breadcrumb lacks {link}");
    }
    // Avertissement, Introduction, Chapitre / SousChapitre headings.
    ensure!(has("Nouvelle date limite de déclaration"), "Avertissement");
    ensure!(
        has("<h2>Qui doit déclarer\u{202f}?</h2>") || has("<h2>Qui doit déclarer ?</h2>"),
        "Chapitre as h2"
    );
    ensure!(has("<h3>Les étapes</h3>"), "SousChapitre as h3");
    // ListeSituations as radio tabs, the first one checked.
    ensure!(has("class=\"tabs\""), "tabs");
    ensure!(
        has("type=\"radio\" name=\"comarquage-situations"),
        "radio tabs"
    );
    ensure!(
        has("checked>\n  <label class=\"tab-label\" for=\"comarquage-situations"),
        "first tab checked, label after it"
    );
    ensure!(
        has(">Vous êtes un groupement pastoral</label>"),
        "Situation label"
    );
    // A chapter inside a situation is a heading one level down.
    ensure!(has("<h3>Pièces à fournir</h3>"));
    // BlocCas, Liste (bullets and numbers), Tableau with header row and column.
    ensure!(has(">50 bêtes ou plus</label>"), "BlocCas as tabs");
    ensure!(
        has("<li>Remplissez le formulaire de déclaration.</li>") && has("<ol>"),
        "numbered Liste"
    );
    ensure!(
        has("<li>Votre numéro de cheptel</li>") && has("<ul>"),
        "bulleted Liste"
    );
    ensure!(
        has(">Redevance de pacage par tête et par saison</caption>"),
        "Tableau caption"
    );
    ensure!(
        has("<th scope=\"col\">Espèce</th>") && has("<th scope=\"row\">Bovins</th>"),
        "Tableau headers"
    );
    // ANoter, ASavoir, Attention.
    ensure!(
        has("alert alert-info comarquage-anoter")
            && has("alert alert-info comarquage-asavoir")
            && has("alert alert-warning comarquage-attention")
    );
    // Inline elements.
    ensure!(
        has("<strong>détenteur du troupeau</strong>"),
        "MiseEnEvidence"
    );
    ensure!(
        has("<strong class=\"comarquage-valeur\">3 mois</strong>"),
        "Valeur"
    );
    ensure!(
        has("<em>estives</em>") || has("href=\"/demarches/particuliers/R90303\""),
        "Expression or LienIntra"
    );
    ensure!(
        has("<a href=\"/demarches/particuliers/F90102\">droit de pacage</a>"),
        "LienInterne to this site"
    );
    ensure!(
        has("<a href=\"https://www.legifrance.gouv.fr\" rel=\"external\">Légifrance"),
        "LienExterne"
    );
    ensure!(
        has("<a href=\"/demarches/particuliers/R90303\" class=\"comarquage-glossaire\">estive</a>"),
        "LienIntra to the glossary"
    );
    // An unknown element keeps its text and says its name.
    ensure!(
        has("data-element=\"Exposant\">er</span>"),
        "Exposant kept as text"
    );
    // Closing blocks.
    ensure!(has("Services en ligne et formulaires"));
    ensure!(
        has(
            "href=\"https://formulaires.example/cerfa-99001\" rel=\"external\">Déclaration de montée en estive"
        ),
        "ServiceEnLigne link"
    );
    ensure!(has("Cerfa n° 99001*01"), "Cerfa number");
    ensure!(
        has("href=\"https://formulaires.example/notice-99001\""),
        "NoticeLiee"
    );
    ensure!(has("Où s'adresser") || has("Où s'adresser"), "OuSAdresser");
    ensure!(
        has(
            "href=\"https://estives.example/contact\" rel=\"external\">Service d'information sur les estives"
        ) || has("https://estives.example/contact"),
        "RessourceWeb"
    );
    ensure!(
        has("href=\"https://estives.example/guide\""),
        "PourEnSavoirPlus keeps its own address when its resource is not imported"
    );
    ensure!(
        has("Règlement intercommunal des estives") && has("Articles 3 à 12"),
        "Reference"
    );
    ensure!(
        has("href=\"/demarches/particuliers/F90104\">Peut-on revendre son bois d"),
        "QuestionReponse"
    );
    ensure!(
        has("href=\"/demarches/particuliers/N90012\">Bois de chauffage</a>"),
        "VoirAussi"
    );
    ensure!(
        has("href=\"/demarches/particuliers/R90304\">Montant de la redevance de pacage</a>"),
        "Montant"
    );
    // DossierPere: the other sheets of the folder.
    ensure!(
        has("<span aria-current=\"page\">Déclarer la montée"),
        "current sheet in its folder"
    );
    // The DILA's source line.
    ensure!(
        has(
            "Vérifié le 15 octobre 2026 - Direction de l'information légale et administrative (Premier ministre)"
        ) || has(
            "Vérifié le 15 octobre 2026 - Direction de l'information légale et administrative (Premier ministre)"
        ),
        "source line"
    );
    ensure!(
        has("href=\"https://www.service-public.fr/particuliers/vosdroits/F90101\""),
        "link to service-public.fr"
    );
    // No script anywhere in the plugin's markup, no inline style.
    let main = &t[t.find("<main").context("main")?..];
    ensure!(
        !main.contains("<script") && !main.contains("style=\""),
        "no script or inline style in the content"
    );
    Ok(())
}

#[tokio::test]
async fn the_report_counts_publications_by_kind_and_unknown_elements_by_name() -> Result<()> {
    let dir = sample_dir("report")?;
    let host = host_with(dir.path(), builder()).await?;
    import(&host).await?;
    let report = last_report(&host).await?;
    let t = &report.text;
    ensure!(t.contains("Réussi"), "status");
    // 6 + 2 sheets, 5 + 2 nodes, 4 resources.
    for (label, n) in [("Fiches", 8), ("Thèmes et dossiers", 7), ("Ressources", 4)] {
        ensure!(
            t.contains(&format!(
                "<dt>{label}</dt><dd class=\"stat-value\">{n}</dd>"
            )),
            "{label}: {n}"
        );
    }
    ensure!(
        t.contains("<code>Exposant</code></th><td class=\"num\">3</td>"),
        "unknown Exposant counted 3 times"
    );
    ensure!(
        t.contains("R90399"),
        "a link to a publication not in the feed is a warning"
    );
    ensure!(
        t.contains("<code>mairie</code>"),
        "pivots the sheets ask for"
    );
    Ok(())
}

#[tokio::test]
async fn offices_entered_in_the_extranet_fill_where_to_go_for_their_kind() -> Result<()> {
    let dir = sample_dir("offices")?;
    let host = host_with(dir.path(), builder()).await?;
    import(&host).await?;
    let agent = host.login("agent").await?;
    get_ok(&agent, "/extranet/demarches/guichets/nouveau").await?;
    // A form with errors is shown again with them.
    let bad = post_ok(
        &agent,
        "/extranet/demarches/guichets/nouveau",
        &[
            ("name", ""),
            ("pivot", "mairie"),
            ("url", "javascript:alert(1)"),
        ],
    )
    .await?;
    ensure!(
        bad.status == 422 && bad.contains("error-summary"),
        "errors shown: {}",
        bad.status
    );
    let saved = post_ok(
        &agent,
        "/extranet/demarches/guichets/nouveau",
        &[
            ("name", "Mairie d'Arreau-les-Véziaux"),
            ("pivot", "mairie"),
            (
                "address",
                "1 place de la Fontaine\n65240 Arreau-les-Véziaux",
            ),
            ("hours", "Lundi au vendredi : 9 h – 12 h"),
            ("phone", "05 62 00 00 01"),
            ("email", "mairie@arreau.example"),
        ],
    )
    .await?;
    ensure!(
        saved.status == 200 && saved.contains("Mairie d'Arreau-les-Véziaux"),
        "office listed"
    );
    let sheet = get_ok(&host.client(), "/demarches/particuliers/F90101").await?;
    ensure!(
        sheet.contains("<h4 class=\"card-title\">Mairie d'Arreau-les-Véziaux</h4>"),
        "office in Où s'adresser"
    );
    ensure!(
        sheet.contains("1 place de la Fontaine<br>65240 Arreau-les-Véziaux"),
        "address lines"
    );
    ensure!(sheet.contains("href=\"tel:0562000001\""), "phone link");
    ensure!(
        sheet.contains("href=\"mailto:mairie@arreau.example\""),
        "e-mail link"
    );
    // The DDT has no office here: the directory is offered instead.
    ensure!(
        sheet.contains("https://lannuaire.service-public.fr/"),
        "fallback to the directory"
    );
    // The offices page says which kinds still lack an office.
    let offices = get_ok(&agent, "/extranet/demarches/guichets").await?;
    ensure!(
        offices.contains("<code>ddt</code>") && offices.contains("aucun guichet"),
        "missing kinds listed"
    );
    // A citizen may not enter offices.
    let citizen = host.login("citoyen").await?;
    ensure!(citizen.get("/extranet/demarches/guichets").await?.status == 403);
    Ok(())
}

#[tokio::test]
async fn local_sheets_and_additions_written_by_staff_show_beside_the_national_ones() -> Result<()> {
    let dir = sample_dir("local")?;
    let host = host_with(dir.path(), builder()).await?;
    import(&host).await?;
    let agent = host.login("agent").await?;
    get_ok(&agent, "/extranet/demarches/fiches-locales/nouvelle").await?;
    let unknown_folder = post_ok(
        &agent,
        "/extranet/demarches/fiches-locales/nouvelle",
        &[
            ("title", "Clés de la cabane"),
            ("audience", "particuliers"),
            ("parent_id", "N99999"),
            ("body", "Texte"),
        ],
    )
    .await?;
    ensure!(
        unknown_folder.status == 422,
        "a folder not in the feed is refused"
    );
    let saved = post_ok(&agent,
            "/extranet/demarches/fiches-locales/nouvelle",
            &[
                ("title", "Retirer les clés de la cabane pastorale"),
                ("audience", "particuliers"),
                ("parent_id", "N90011"),
                ("description", "Les clés des cabanes d'estive se retirent à la maison de l'intercommunalité."),
                ("body", "Les clés sont remises au berger contre signature.\n\n- Pièce d'identité\n- Déclaration de montée"),
                ("links", "Horaires de la maison de l'intercommunalité | https://veziaux.example/horaires"),
                ("published", "1"),
            ],
        )
        .await?;
    ensure!(saved.status == 200, "saved: {}", saved.status);
    let anon = host.client();
    let folder = get_ok(&anon, "/demarches/particuliers/N90011").await?;
    let at = folder
        .text
        .find("Retirer les clés de la cabane pastorale")
        .context("local sheet in its folder")?;
    let href_start = folder.text[..at].rfind("href=\"").context("link")? + 6;
    let href = &folder.text
        [href_start..href_start + folder.text[href_start..].find('"').context("end")?];
    let local = get_ok(&anon, href).await?;
    ensure!(
        local.contains("<li>Pièce d'identité</li>"),
        "list from the text"
    );
    ensure!(
        local.contains("href=\"https://veziaux.example/horaires\""),
        "links"
    );
    ensure!(
        local.contains("Fiche rédigée par Communauté de communes de Test"),
        "local source line"
    );
    let search = get_ok(&anon, "/demarches/recherche?q=cabane+pastorale").await?;
    ensure!(search.contains(href), "the search finds the local sheet");

    // A local addition above a national sheet.
    get_ok(&agent, "/extranet/demarches/complements/F90101").await?;
    let added = post_ok(
        &agent,
        "/extranet/demarches/complements/F90101",
        &[
            ("position", "top"),
            (
                "body",
                "Dans nos villages, la déclaration se dépose aussi à l'office de tourisme.",
            ),
            ("links", ""),
        ],
    )
    .await?;
    ensure!(
        added.status == 200 && added.path == "/demarches/particuliers/F90101",
        "back on the sheet: {}",
        added.path
    );
    let sheet = get_ok(&anon, "/demarches/particuliers/F90101").await?;
    let addition = sheet
        .text
        .find("à l'office de tourisme")
        .context("addition shown")?;
    let intro = sheet
        .text
        .find("Vous conduisez des bêtes")
        .context("introduction")?;
    ensure!(
        addition < intro,
        "a top addition comes before the sheet's text"
    );
    // The addition stays through a new import.
    import(&host).await?;
    let sheet = get_ok(&anon, "/demarches/particuliers/F90101").await?;
    ensure!(
        sheet.contains("à l'office de tourisme"),
        "addition kept across imports"
    );
    Ok(())
}

#[tokio::test]
async fn the_search_finds_words_in_titles_and_bodies_and_filters_by_audience() -> Result<()> {
    let dir = sample_dir("search")?;
    let host = host_with(dir.path(), builder()).await?;
    import(&host).await?;
    let anon = host.client();
    let title = get_ok(&anon, "/demarches/recherche?q=affouage").await?;
    ensure!(
        title.contains("/demarches/particuliers/F90103")
            && title.contains("/demarches/particuliers/F90104")
    );
    // Words only in a body (a table cell and a situation).
    let body = get_ok(&anon, "/demarches/recherche?q=caprins").await?;
    ensure!(
        body.contains("/demarches/particuliers/F90101"),
        "word of a table found"
    );
    let asso = get_ok(
        &anon,
        "/demarches/recherche?q=assemblée&public=associations",
    )
    .await?;
    ensure!(asso.contains("/demarches/associations/F90602"));
    let none = get_ok(
        &anon,
        "/demarches/recherche?q=assemblée&public=particuliers",
    )
    .await?;
    ensure!(
        !none.contains("/demarches/associations/F90602"),
        "audience filter"
    );
    let nothing = get_ok(&anon, "/demarches/recherche?q=zzzzqqq").await?;
    ensure!(nothing.contains("Aucun résultat"));
    Ok(())
}

#[tokio::test]
async fn unpacked_folders_are_a_source_too() -> Result<()> {
    let dir = unpacked_dir("folders")?;
    let host = host_with(dir.path(), builder()).await?;
    import(&host).await?;
    still_served(&host).await?;
    get_ok(&host.client(), "/demarches/associations/F90602").await?;
    Ok(())
}

#[tokio::test]
async fn a_corrupt_zip_is_refused_and_the_previous_import_still_served() -> Result<()> {
    let dir = sample_dir("corrupt")?;
    let host = host_with(dir.path(), builder()).await?;
    good_import(&host).await?;
    let zip = dir.path().join("vosdroits-part.zip");
    let bytes = std::fs::read(&zip)?;
    std::fs::write(&zip, &bytes[..bytes.len() / 3])?;
    import(&host).await?;
    let report = last_report(&host).await?;
    ensure!(report.contains("Échoué"), "failed");
    ensure!(
        report.contains("vosdroits-part.zip") && report.contains("zip illisible ou endommagé"),
        "the report names the zip"
    );
    ensure!(report.contains("Les fiches précédentes restent en ligne"));
    still_served(&host).await
}

#[tokio::test]
async fn a_sheet_with_malformed_xml_is_refused_with_its_line_and_the_previous_import_still_served()
-> Result<()> {
    let dir = unpacked_dir("malformed")?;
    let host = host_with(dir.path(), builder()).await?;
    good_import(&host).await?;
    let sheet = dir.path().join("part/F90103.xml");
    let text =
        std::fs::read_to_string(&sheet)?.replace("</Chapitre>\n    <Chapitre>", "\n    <Chapitre>");
    std::fs::write(&sheet, text)?;
    import(&host).await?;
    let report = last_report(&host).await?;
    ensure!(report.contains("Échoué"));
    ensure!(
        report.contains("<code>F90103.xml</code>") && report.contains("XML mal formé (ligne"),
        "the report names the file and line"
    );
    still_served(&host).await?;
    // The sheet as it was before is still the one shown.
    let page = get_ok(&host.client(), "/demarches/particuliers/F90103").await?;
    ensure!(page.contains("Calendrier de l'affouage"));
    Ok(())
}

#[tokio::test]
async fn a_missing_referenced_sheet_is_refused_and_the_previous_import_still_served() -> Result<()>
{
    let dir = unpacked_dir("missing")?;
    let host = host_with(dir.path(), builder()).await?;
    good_import(&host).await?;
    std::fs::remove_file(dir.path().join("part/F90102.xml"))?;
    import(&host).await?;
    let report = last_report(&host).await?;
    ensure!(report.contains("Échoué"));
    ensure!(
        report.contains("cite une publication absente du flux") && report.contains("(F90102)"),
        "the report names the missing sheet"
    );
    ensure!(
        report.contains("<code>N90011</code>")
            || report.contains("<code>arborescence.xml (particuliers)</code>"),
        "and who names it"
    );
    still_served(&host).await?;
    get_ok(&host.client(), "/demarches/particuliers/F90102").await?;
    Ok(())
}

#[tokio::test]
async fn a_huge_file_is_refused_unread_and_the_previous_import_still_served() -> Result<()> {
    let dir = unpacked_dir("huge")?;
    let host = host_with(
        dir.path(),
        builder().setting("comarquage", "max_file_kib", 64),
    )
    .await?;
    good_import(&host).await?;
    let mut huge = std::fs::read_to_string(dir.path().join("part/F90104.xml"))?;
    huge = huge.replace(
        "</Publication>",
        &format!("<!-- {} --></Publication>", "x".repeat(3 << 20)),
    );
    std::fs::write(dir.path().join("part/F90104.xml"), huge)?;
    import(&host).await?;
    let report = last_report(&host).await?;
    ensure!(report.contains("Échoué"));
    ensure!(
        report.contains("<code>F90104.xml</code>") && report.contains("fichier trop gros"),
        "the report names the file"
    );
    still_served(&host).await
}

#[tokio::test]
async fn a_directory_not_granted_gives_a_clear_report_and_the_previous_import_still_served()
-> Result<()> {
    let dir = sample_dir("ungranted")?;
    let host = host_with(dir.path(), builder()).await?;
    good_import(&host).await?;
    grant(&host, None).await?;
    import(&host).await?;
    let report = last_report(&host).await?;
    ensure!(report.contains("Échoué"));
    ensure!(
        report.contains("aucun dossier accordé au module"),
        "the report says the folder is not granted"
    );
    still_served(&host).await
}

#[tokio::test]
async fn a_host_not_granted_gives_a_clear_report_and_the_previous_import_still_served() -> Result<()>
{
    let dir = sample_dir("nohost")?;
    let host = host_with(dir.path(), builder()).await?;
    good_import(&host).await?;
    host.edit_site(|c| {
        if let Some(p) = c.plugins.get_mut("comarquage") {
            p.settings.insert("source".into(), "url".into());
        }
    })
    .await?;
    // The manual button, as the extranet offers it.
    let agent = host.login("agent").await?;
    get_ok(&agent, "/extranet/demarches/imports").await?;
    let page = post_ok(&agent, "/extranet/demarches/imports/lancer", &[]).await?;
    ensure!(page.status == 200, "report shown: {}", page.status);
    ensure!(
        page.contains("L'import a échoué") || page.contains("L'import a échoué"),
        "notice"
    );
    ensure!(
        page.contains("l'accès à cet hôte n'est pas accordé au module"),
        "clear report"
    );
    ensure!(
        page.contains("lecomarquage.service-public.fr"),
        "names the host"
    );
    still_served(&host).await
}

#[tokio::test]
async fn a_long_import_goes_on_in_batches_with_its_progress_in_the_extranet() -> Result<()> {
    let dir = sample_dir("batches")?;
    let host = host_with(
        dir.path(),
        builder().setting("comarquage", "batch_files", 5),
    )
    .await?;
    let agent = host.login("agent").await?;
    get_ok(&agent, "/extranet/demarches/imports").await?;
    let page = post_ok(&agent, "/extranet/demarches/imports/lancer", &[]).await?;
    ensure!(
        page.contains("Import commencé"),
        "paused after the first batch"
    );
    ensure!(
        page.contains("Étape 1") && page.contains("5 fichiers lus sur 22"),
        "progress shown"
    );
    ensure!(page.contains("<progress"), "a progress bar");
    // Nothing is served before the import is complete.
    ensure!(
        host.client()
            .get("/demarches/particuliers/F90101")
            .await?
            .status
            == 404
    );
    let mut steps = 1;
    loop {
        host.run_schedule("comarquage", "continue").await?;
        steps += 1;
        if host
            .client()
            .get("/demarches/particuliers/F90101")
            .await?
            .status
            == 200
        {
            break;
        }
        ensure!(steps < 20, "the import never ended");
    }
    ensure!(
        steps == 5,
        "22 files in batches of 5 take 5 steps, not {steps}"
    );
    let report = last_report(&host).await?;
    ensure!(
        report.contains("Réussi") && report.contains("en 5 étapes"),
        "report of the batches"
    );
    // With nothing running, the minute schedule does nothing.
    host.run_schedule("comarquage", "continue").await?;
    let list = get_ok(&agent, "/extranet/demarches/imports").await?;
    let listed = list
        .text
        .match_indices("/extranet/demarches/imports/")
        .filter(|(i, m)| list.text[i + m.len()..].starts_with(|c: char| c.is_ascii_digit()))
        .count();
    ensure!(
        listed == 1,
        "no new import started, but {listed} are listed"
    );
    Ok(())
}

#[tokio::test]
async fn the_pages_speak_english_too() -> Result<()> {
    let dir = sample_dir("english")?;
    let host = host_with(dir.path(), builder()).await?;
    import(&host).await?;
    let anon = host.client();
    anon.get("/langue/en").await?;
    let home = get_ok(&anon, "/demarches").await?;
    ensure!(home.contains("Administrative procedures") && home.contains(">Individuals</a>"));
    let sheet = get_ok(&anon, "/demarches/particuliers/F90101").await?;
    ensure!(sheet.contains("Checked on 15 October 2026 - Directorate of Legal and Administrative Information (Prime Minister)"));
    ensure!(sheet.contains("Online services and forms") && sheet.contains("Your situation"));
    let agent = host.login("agent").await?;
    agent.get("/langue/en").await?;
    let report = last_report(&host).await?;
    ensure!(
        report.contains("Succeeded") || report.contains("Réussi"),
        "report"
    );
    let x = get_ok(&agent, "/extranet/demarches").await?;
    ensure!(
        x.contains("Feed imports") && x.contains("Local offices"),
        "extranet in English"
    );
    Ok(())
}

#[tokio::test]
async fn extranet_pages_are_for_those_who_hold_the_permissions() -> Result<()> {
    let dir = sample_dir("perms")?;
    let host = host_with(dir.path(), builder()).await?;
    let citizen = host.login("citoyen").await?;
    for path in [
        "/extranet/demarches/imports",
        "/extranet/demarches/fiches-locales",
        "/extranet/demarches/complements",
    ] {
        let status = citizen.get(path).await?.status;
        ensure!(status == 403, "{path}: {status}");
    }
    // An elected official sees the extranet home, without the tools.
    let elu = host.login("elu").await?;
    let home = get_ok(&elu, "/extranet/demarches").await?;
    ensure!(
        !home.contains("/extranet/demarches/imports\""),
        "no import tool for élus"
    );
    ensure!(elu.get("/extranet/demarches/imports").await?.status == 403);
    let admin = host.login("admin").await?;
    get_ok(&admin, "/extranet/demarches/imports").await?;
    get_ok(&admin, "/extranet/demarches/fiches-locales").await?;
    Ok(())
}

#[tokio::test]
async fn the_first_import_starts_on_its_own_within_a_minute() -> Result<()> {
    let dir = sample_dir("first")?;
    let host = host_with(dir.path(), builder()).await?;
    ensure!(
        host.client()
            .get("/demarches/particuliers/F90101")
            .await?
            .status
            == 404
    );
    host.run_schedule("comarquage", "continue").await?;
    get_ok(&host.client(), "/demarches/particuliers/F90101").await?;
    Ok(())
}

#[tokio::test]
async fn the_demo_data_loads_and_fills_the_sample_feed() -> Result<()> {
    let dir = sample_dir("demo")?;
    let host = host_with(dir.path(), builder()).await?;
    let demo = TempDir::new("demo-json")?;
    let file =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../sites/veziaux-aure/demo/comarquage.json");
    std::fs::copy(&file, demo.path().join("comarquage.json"))?;
    let loaded = host.state.platform.load_demo("test", demo.path()).await?;
    ensure!(
        loaded.iter().any(|(p, n)| p == "comarquage" && *n == 5),
        "demo rows: {loaded:?}"
    );
    import(&host).await?;
    let anon = host.client();
    let sheet = get_ok(&anon, "/demarches/particuliers/F90101").await?;
    ensure!(
        sheet.contains("Mairie de Sarrat-d'Aure"),
        "demo offices in Où s'adresser"
    );
    ensure!(
        sheet.contains("déposée à la Maison de l'intercommunalité"),
        "demo addition"
    );
    let folder = get_ok(&anon, "/demarches/particuliers/N90011").await?;
    ensure!(
        folder.contains("Retirer les clés d'une cabane pastorale"),
        "demo local sheet in its folder"
    );
    Ok(())
}

/// Runs SQL on the host's database (to stand for what a test cannot
/// cause: a call that died, another node holding the lease).
async fn sql(host: &TestHost, statement: &str) -> Result<()> {
    use sea_orm::ConnectionTrait;
    host.state.platform.db.execute_unprepared(statement).await?;
    Ok(())
}

#[tokio::test]
async fn two_calls_never_import_at_once() -> Result<()> {
    let dir = sample_dir("lease")?;
    let host = host_with(dir.path(), builder()).await?;
    good_import(&host).await?;
    // Another call holds the lease (it ends in 2099).
    sql(
        &host,
        "UPDATE p_comarquage__state SET lock_until = '2099-01-01T00:00:00Z'",
    )
    .await?;
    let agent = host.login("agent").await?;
    get_ok(&agent, "/extranet/demarches/imports").await?;
    let page = post_ok(&agent, "/extranet/demarches/imports/lancer", &[]).await?;
    ensure!(
        page.contains("Un import est déjà en train de travailler"),
        "busy notice"
    );
    let listed = page
        .text
        .match_indices("/extranet/demarches/imports/")
        .filter(|(i, m)| page.text[i + m.len()..].starts_with(|c: char| c.is_ascii_digit()))
        .count();
    ensure!(listed == 1, "no second import started ({listed} listed)");
    still_served(&host).await
}

#[tokio::test]
async fn a_file_that_stops_every_call_fails_the_import_instead_of_the_plugin() -> Result<()> {
    let dir = sample_dir("stuck")?;
    let host = host_with(
        dir.path(),
        builder().setting("comarquage", "batch_files", 5),
    )
    .await?;
    // A first import, in steps.
    for _ in 0..5 {
        host.run_schedule("comarquage", "continue").await?;
    }
    still_served(&host).await?;
    // A second one starts, then its calls die three times at the same
    // file (as a call stopped at its deadline would leave it).
    let agent = host.login("agent").await?;
    get_ok(&agent, "/extranet/demarches/imports").await?;
    post_ok(&agent, "/extranet/demarches/imports/lancer", &[]).await?;
    sql(
        &host,
        "UPDATE p_comarquage__imports SET stuck_at = cursor_source || ':' || cursor_entry, stuck_tries = 3 WHERE status = 'running'",
    )
    .await?;
    host.run_schedule("comarquage", "continue").await?;
    let report = last_report(&host).await?;
    ensure!(report.contains("Échoué"), "failed");
    ensure!(
        report.contains("ce fichier interrompt l'import à chaque essai"),
        "the report names the stuck file"
    );
    still_served(&host).await
}

#[tokio::test]
async fn a_staff_member_s_data_download_lists_what_they_wrote_and_started() -> Result<()> {
    let dir = sample_dir("rgpd")?;
    let host = host_with(dir.path(), builder()).await?;
    good_import(&host).await?;
    let agent = host.login("agent").await?;
    get_ok(&agent, "/extranet/demarches/imports").await?;
    post_ok(&agent, "/extranet/demarches/imports/lancer", &[]).await?;
    get_ok(&agent, "/extranet/demarches/complements/F90102").await?;
    post_ok(
        &agent,
        "/extranet/demarches/complements/F90102",
        &[
            ("position", "bottom"),
            ("body", "Permanence le mardi."),
            ("links", ""),
        ],
    )
    .await?;
    let data = agent.get("/compte/donnees.json").await?;
    ensure!(data.status == 200, "download: {}", data.status);
    let json: serde_json::Value = serde_json::from_str(&data.text)?;
    let mine = json.to_string();
    ensure!(
        mine.contains("\"sheet\":\"F90102\""),
        "addition listed: {mine}"
    );
    ensure!(
        mine.contains("\"imports_started\":[{\"import\":"),
        "imports listed: {mine}"
    );
    Ok(())
}
