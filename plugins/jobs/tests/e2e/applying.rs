//! Applying with a CV through the rendered form, the employer reading,
//! downloading and answering, the refusals beside the field, the purge of
//! CVs and applications, the account's download and erasure, and the
//! season's figures (page, CSV, event).

use std::path::PathBuf;

use anyhow::{Context as _, Result, ensure};
use estive_core::db::entities::outbox_event;
use estive_testing::{Client, Database, PASSWORD, Page, TestHost};
use sea_orm::{ConnectionTrait, EntityTrait, Statement};

use super::{BASE, STAFF, builder, decoded, excerpt, expect, loaded, shown, unescaped};

/// « Perchman », the lifts' offer, applications on the site.
const PERCHMAN: i64 = 1;
/// « Serveur », the hotel's offer, applications relayed by e-mail.
const SERVEUR: i64 = 2;
/// « Plongeur », waiting for review.
const PLONGEUR: i64 = 3;
/// The figures' fixture adds: « Moniteur de ski » (filled), « Vendeur »
/// (expired), « Cuisinier » (imported), « Guide » (last summer).
const MONITEUR: i64 = 4;
/// See [`MONITEUR`].
const VENDEUR: i64 = 5;
/// See [`MONITEUR`].
const CUISINIER: i64 = 6;

const MESSAGE: &str =
    "Bonjour, j'ai fait deux saisons aux remontées de Piau-Engaly et je parle anglais.";

/// A small PDF: its header, a binary comment line (UTF-8 here, so that
/// the page's text can be compared), and NUL bytes, which make the host
/// give it as base64 like any binary file.
fn pdf(size: usize) -> Vec<u8> {
    let mut bytes = "%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        .as_bytes()
        .to_vec();
    let mut n: u8 = 0;
    while bytes.len() < size.saturating_sub(6) {
        bytes.push(if n.is_multiple_of(7) {
            0
        } else {
            b'a' + n % 26
        });
        n = n.wrapping_add(1);
    }
    bytes.extend_from_slice(b"%%EOF\n");
    bytes
}

fn apply_path(offer: i64) -> String {
    format!("{BASE}/offres/{offer}/postuler")
}

/// Fills the apply form as a person would and sends it.
async fn apply(
    client: &Client,
    offer: i64,
    message: &str,
    cv: Option<(&str, &str, Vec<u8>)>,
) -> Result<Page> {
    let page = shown(client, &apply_path(offer)).await?;
    let mut form = page.form(&apply_path(offer))?;
    form.set("message", message)?;
    form.check("consent", "on")?;
    if let Some((name, content_type, bytes)) = cv {
        form.attach("cv", name, content_type, bytes)?;
    }
    form.submit(client).await
}

/// The employer's path of an application, from the last mail's link.
fn mailed_application(host: &TestHost) -> Result<String> {
    let link = host.last_mailed_link().context("no link mailed")?;
    ensure!(
        link.starts_with(&format!("{BASE}/espace-employeur/candidatures/")),
        "mailed link {link}"
    );
    Ok(link.trim_end_matches("/cv").to_string())
}

/// The last mail, decoded.
fn last_mail(host: &TestHost) -> Result<String> {
    host.mails()
        .last()
        .map(|m| decoded(m))
        .context("no mail sent")
}

async fn apply_read_answer(db: Database) -> Result<()> {
    let host = loaded(builder().database(db)).await?;
    let seeker = host.login("seeker").await?;
    let cv = pdf(40_000);
    let sent = apply(
        &seeker,
        PERCHMAN,
        MESSAGE,
        Some(("Mon CV.pdf", "application/pdf", cv.clone())),
    )
    .await?;
    expect(&sent, 200)?;
    ensure!(
        sent.path.starts_with(&format!("{BASE}/mes-candidatures")),
        "sent to {}",
        sent.path
    );
    ensure!(sent.shows("est envoyée"), "{}", excerpt(&sent.text));
    ensure!(sent.shows("Mon CV.pdf"), "{}", excerpt(&sent.text));

    // The lifts' account is told, without the applicant's address.
    let mail = last_mail(&host)?;
    ensure!(mail.contains("lifts@example.org"), "{mail}");
    ensure!(mail.contains("Sam Saisonnier a postulé"), "{mail}");
    ensure!(!mail.contains("seeker@example.org"), "{mail}");
    let path = mailed_application(&host)?;

    let lifts = host.login("lifts").await?;
    let list = shown(
        &lifts,
        &format!("{BASE}/espace-employeur/offres/{PERCHMAN}/candidatures"),
    )
    .await?;
    ensure!(
        list.shows("Sam Saisonnier") && list.shows("Envoyée"),
        "{}",
        excerpt(&list.text)
    );
    let read = shown(&lifts, &path).await?;
    ensure!(read.shows(MESSAGE), "{}", excerpt(&read.text));
    ensure!(read.shows("Lue par l'employeur"), "{}", excerpt(&read.text));
    ensure!(!read.contains("seeker@example.org"), "no address shown");

    // The CV comes back byte for byte, as a PDF to save.
    let file = lifts.get(&format!("{path}/cv")).await?;
    expect(&file, 200)?;
    ensure!(
        file.text.as_bytes() == cv.as_slice(),
        "the CV's bytes differ"
    );
    let header = |name: &str| {
        file.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    ensure!(header("content-type").starts_with("application/pdf"));
    ensure!(
        header("content-disposition").contains("attachment")
            && header("content-disposition").contains("Mon%20CV.pdf"),
        "{}",
        header("content-disposition")
    );

    let mine = shown(&seeker, &format!("{BASE}/mes-candidatures")).await?;
    ensure!(mine.shows("Lue par l'employeur"), "{}", excerpt(&mine.text));

    // An empty answer is refused beside its field.
    let empty = read.form(&path)?.submit(&lifts).await?;
    expect(&empty, 422)?;
    ensure!(
        empty.error_summary().first().map(|(id, _)| id.as_str()) == Some("jobs-answer-answer"),
        "{:?}",
        empty.error_summary()
    );

    // The answer is relayed to the applicant's account.
    let mut form = read.form(&path)?;
    form.set(
        "answer",
        "Merci ! Passez nous voir lundi à 9 h au pied des pistes.",
    )?;
    let answered = form.submit(&lifts).await?;
    expect(&answered, 200)?;
    ensure!(
        answered.shows("Votre réponse est envoyée"),
        "{}",
        excerpt(&answered.text)
    );
    let mail = last_mail(&host)?;
    ensure!(mail.contains("seeker@example.org"), "{mail}");
    ensure!(mail.contains("Passez nous voir lundi"), "{mail}");
    ensure!(!mail.contains("lifts@example.org"), "{mail}");
    let mine = shown(&seeker, &format!("{BASE}/mes-candidatures")).await?;
    ensure!(
        mine.shows("Réponse reçue") && mine.shows("Passez nous voir lundi"),
        "{}",
        excerpt(&mine.text)
    );
    Ok(())
}

#[tokio::test]
async fn an_application_with_a_pdf_reaches_the_employer_who_downloads_and_answers_it() -> Result<()>
{
    apply_read_answer(Database::Sqlite).await
}

#[tokio::test]
async fn the_cv_bytes_round_trip_on_postgresql() -> Result<()> {
    apply_read_answer(Database::postgres()).await
}

#[tokio::test]
async fn a_relayed_application_mails_the_whole_message_and_the_cv_link() -> Result<()> {
    let host = loaded(builder()).await?;
    let seeker = host.login("seeker").await?;
    expect(
        &apply(
            &seeker,
            SERVEUR,
            MESSAGE,
            Some(("cv.pdf", "application/pdf", pdf(3000))),
        )
        .await?,
        200,
    )?;
    let mail = last_mail(&host)?;
    ensure!(mail.contains("hotel@example.org"), "{mail}");
    ensure!(mail.contains(MESSAGE), "the message is relayed: {mail}");
    ensure!(mail.contains("/cv"), "the CV's link: {mail}");
    ensure!(!mail.contains("seeker@example.org"), "{mail}");
    let hotel = host.login("hotel").await?;
    let path = mailed_application(&host)?;
    let file = hotel.get(&format!("{path}/cv")).await?;
    expect(&file, 200)?;
    Ok(())
}

#[tokio::test]
async fn a_text_file_named_pdf_and_a_pdf_over_the_limit_are_refused_beside_the_field() -> Result<()>
{
    let host = loaded(builder().setting("jobs", "cv_max_kib", 16_i64)).await?;
    let seeker = host.login("seeker").await?;

    let page = apply(
        &seeker,
        PERCHMAN,
        MESSAGE,
        Some(("cv.pdf", "application/pdf", b"Sam Saisonnier, CV".to_vec())),
    )
    .await?;
    expect(&page, 422)?;
    let summary = page.error_summary();
    ensure!(
        summary.len() == 1
            && summary[0].0 == "jobs-apply-cv"
            && summary[0].1.contains("n'est pas un PDF"),
        "{summary:?}"
    );
    ensure!(page.shows(MESSAGE), "the message typed is kept");
    ensure!(
        page.contains("aria-invalid=\"true\""),
        "the field is marked"
    );

    let page = apply(
        &seeker,
        PERCHMAN,
        MESSAGE,
        Some(("cv.pdf", "application/pdf", pdf(20 * 1024))),
    )
    .await?;
    expect(&page, 422)?;
    let summary = page.error_summary();
    ensure!(
        summary.len() == 1 && summary[0].1.contains("16 Kio au plus (il en fait 20)"),
        "{summary:?}"
    );
    ensure!(page.shows(MESSAGE), "the message typed is kept");
    ensure!(page.shows("16 Kio au plus"), "the hint says the limit");

    // A message too short and no consent: both said, the good CV lost is said.
    let form_page = shown(&seeker, &apply_path(PERCHMAN)).await?;
    let mut form = form_page.form(&apply_path(PERCHMAN))?;
    form.set("message", "Bonjour")?;
    form.attach("cv", "cv.pdf", "application/pdf", pdf(2000))?;
    let page = form.submit(&seeker).await?;
    expect(&page, 422)?;
    let fields: Vec<String> = page.error_summary().into_iter().map(|(id, _)| id).collect();
    ensure!(
        fields == ["jobs-apply-message", "jobs-apply-consent"],
        "{fields:?}"
    );
    ensure!(
        page.shows("joignez-le à nouveau"),
        "{}",
        excerpt(&page.text)
    );

    let mine = shown(&seeker, &format!("{BASE}/mes-candidatures")).await?;
    ensure!(mine.shows("pas encore postulé"), "nothing was stored");
    ensure!(host.mails().is_empty(), "nobody was mailed");
    Ok(())
}

#[tokio::test]
async fn applying_twice_says_so_with_a_link_to_the_first() -> Result<()> {
    let host = loaded(builder()).await?;
    let seeker = host.login("seeker").await?;
    expect(&apply(&seeker, PERCHMAN, MESSAGE, None).await?, 200)?;
    let again = shown(&seeker, &apply_path(PERCHMAN)).await?;
    ensure!(
        again.shows("Vous avez déjà postulé"),
        "{}",
        excerpt(&again.text)
    );
    ensure!(
        unescaped(&again.text).contains(&format!("{BASE}/mes-candidatures#candidature-")),
        "{}",
        excerpt(&again.text)
    );
    ensure!(
        again
            .forms()
            .iter()
            .all(|f| f.action != apply_path(PERCHMAN))
    );
    // A second form sent anyway (another tab) is refused the same way.
    let twice = seeker
        .post_multipart(
            &apply_path(PERCHMAN),
            &[("message", MESSAGE), ("consent", "on")],
            &[],
        )
        .await?;
    ensure!(
        twice.shows("Vous avez déjà postulé"),
        "{}",
        excerpt(&twice.text)
    );
    ensure!(host.mails().len() == 1, "one mail: {}", host.mails().len());
    Ok(())
}

#[tokio::test]
async fn offers_not_open_here_take_no_application() -> Result<()> {
    let host = builder().start().await?;
    let dir = figures_fixture("closed")?;
    host.load_rows(&dir).await?;
    let _ = std::fs::remove_dir_all(&dir);
    let seeker = host.login("seeker").await?;
    expect(&seeker.get(&apply_path(PLONGEUR)).await?, 404)?;
    expect(&seeker.get(&apply_path(999)).await?, 404)?;
    let filled = seeker.get(&apply_path(MONITEUR)).await?;
    expect(&filled, 409)?;
    ensure!(
        filled.shows("Cette offre est pourvue"),
        "{}",
        excerpt(&filled.text)
    );
    let expired = seeker.get(&apply_path(VENDEUR)).await?;
    expect(&expired, 409)?;
    ensure!(
        expired.shows("Cette offre a expiré"),
        "{}",
        excerpt(&expired.text)
    );
    let imported = shown(&seeker, &apply_path(CUISINIER)).await?;
    ensure!(
        imported.shows("Cette offre vient de France Travail"),
        "{}",
        excerpt(&imported.text)
    );
    ensure!(
        imported
            .forms()
            .iter()
            .all(|f| f.action != apply_path(CUISINIER))
    );
    // The lifts cannot apply to their own offer.
    let lifts = host.login("lifts").await?;
    let own = lifts.get(&apply_path(PERCHMAN)).await?;
    expect(&own, 409)?;
    ensure!(
        own.shows("votre propre organisation"),
        "{}",
        excerpt(&own.text)
    );
    Ok(())
}

#[tokio::test]
async fn another_employer_cannot_read_or_download_an_application() -> Result<()> {
    let host = loaded(builder()).await?;
    let seeker = host.login("seeker").await?;
    expect(
        &apply(
            &seeker,
            PERCHMAN,
            MESSAGE,
            Some(("cv.pdf", "application/pdf", pdf(2000))),
        )
        .await?,
        200,
    )?;
    let path = mailed_application(&host)?;
    for who in ["hotel", "newboss", "seeker", "agent"] {
        let client = host.login(who).await?;
        expect(&client.get(&path).await?, 404)?;
        expect(&client.get(&format!("{path}/cv")).await?, 404)?;
        let list = client
            .get(&format!(
                "{BASE}/espace-employeur/offres/{PERCHMAN}/candidatures"
            ))
            .await?;
        ensure!(
            list.status == 404 || list.status == 403,
            "{who}: {}",
            list.status
        );
    }
    Ok(())
}

#[tokio::test]
async fn the_cv_is_deleted_after_cv_days_and_the_application_after_its_months() -> Result<()> {
    let host = loaded(builder()).await?;
    let seeker = host.login("seeker").await?;
    expect(
        &apply(
            &seeker,
            PERCHMAN,
            MESSAGE,
            Some(("cv.pdf", "application/pdf", pdf(2000))),
        )
        .await?,
        200,
    )?;
    let path = mailed_application(&host)?;

    // 89 days on, the CV is still there.
    host.set_now("2027-03-06T08:00:00+01:00");
    host.run_schedule("jobs", "housekeeping").await?;
    let lifts = host.login("lifts").await?;
    expect(&lifts.get(&format!("{path}/cv")).await?, 200)?;

    // 91 days on, it is gone, and the download says since when.
    host.set_now("2027-03-08T08:00:00+01:00");
    host.run_schedule("jobs", "housekeeping").await?;
    let lifts = host.login("lifts").await?;
    let gone = lifts.get(&format!("{path}/cv")).await?;
    expect(&gone, 404)?;
    ensure!(
        gone.shows("Le CV a été supprimé le lundi 8 mars 2027") && gone.shows("90 jours"),
        "{}",
        excerpt(&gone.text)
    );
    let page = shown(&lifts, &path).await?;
    ensure!(page.shows(MESSAGE), "the application stays");
    ensure!(
        page.shows("supprimé le lundi 8 mars 2027"),
        "{}",
        excerpt(&page.text)
    );
    let seeker = host.login("seeker").await?;
    let mine = shown(&seeker, &format!("{BASE}/mes-candidatures")).await?;
    ensure!(
        mine.shows("supprimé le lundi 8 mars 2027"),
        "{}",
        excerpt(&mine.text)
    );

    // Twelve months on, the application itself is deleted.
    host.set_now("2027-12-08T08:00:00+01:00");
    host.run_schedule("jobs", "housekeeping").await?;
    let lifts = host.login("lifts").await?;
    expect(&lifts.get(&path).await?, 404)?;
    let seeker = host.login("seeker").await?;
    let mine = shown(&seeker, &format!("{BASE}/mes-candidatures")).await?;
    ensure!(mine.shows("pas encore postulé"), "{}", excerpt(&mine.text));
    Ok(())
}

#[tokio::test]
async fn withdrawing_an_application_deletes_it_with_its_cv() -> Result<()> {
    let host = loaded(builder()).await?;
    let seeker = host.login("seeker").await?;
    expect(
        &apply(
            &seeker,
            PERCHMAN,
            MESSAGE,
            Some(("cv.pdf", "application/pdf", pdf(2000))),
        )
        .await?,
        200,
    )?;
    let path = mailed_application(&host)?;
    let mine = shown(&seeker, &format!("{BASE}/mes-candidatures")).await?;
    let done = mine
        .form(&format!("{BASE}/mes-candidatures"))?
        .submit(&seeker)
        .await?;
    expect(&done, 200)?;
    ensure!(
        done.shows("Votre candidature est retirée"),
        "{}",
        excerpt(&done.text)
    );
    ensure!(done.shows("pas encore postulé"), "{}", excerpt(&done.text));
    let lifts = host.login("lifts").await?;
    expect(&lifts.get(&path).await?, 404)?;
    // Someone else cannot withdraw it for them.
    expect(&apply(&seeker, PERCHMAN, MESSAGE, None).await?, 200)?;
    let other = host.login("newboss").await?;
    let id = mailed_application(&host)?
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_string();
    let refused = other
        .post_form(
            &format!("{BASE}/mes-candidatures"),
            &[("application_id", &id)],
        )
        .await?;
    expect(&refused, 404)?;
    expect(&lifts.get(&mailed_application(&host)?).await?, 200)?;
    Ok(())
}

#[tokio::test]
async fn an_applicant_downloads_their_applications_and_erasing_the_account_deletes_them()
-> Result<()> {
    let host = loaded(builder()).await?;
    let seeker = host.login("seeker").await?;
    expect(
        &apply(
            &seeker,
            PERCHMAN,
            MESSAGE,
            Some(("cv.pdf", "application/pdf", pdf(2000))),
        )
        .await?,
        200,
    )?;
    let path = mailed_application(&host)?;
    let data = seeker.get("/compte/donnees.json").await?;
    expect(&data, 200)?;
    let json: serde_json::Value = serde_json::from_str(&data.text)?;
    let text = json.to_string();
    ensure!(text.contains("remontées de Piau-Engaly"), "{text}");
    // base64 of "%PDF-1.4": the CV itself is there.
    ensure!(text.contains("JVBERi0xLjQ"), "{text}");
    ensure!(text.contains("Perchman ou perchwoman"), "{text}");

    let gone = seeker
        .post_form("/compte/supprimer", &[("password", PASSWORD)])
        .await?;
    ensure!(gone.status < 400, "account deleted: {}", gone.status);
    let lifts = host.login("lifts").await?;
    expect(&lifts.get(&path).await?, 404)?;
    Ok(())
}

/// A column of the hotel's employer row, read from the database.
async fn hotel_column(host: &TestHost, column: &str) -> Result<Option<String>> {
    let db = &host.state.platform.db;
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            format!("SELECT {column} FROM p_jobs__employers WHERE name = 'Hôtel du Pic'"),
        ))
        .await?
        .context("the hotel's row")?;
    Ok(row.try_get_by_index::<Option<String>>(0)?)
}

#[tokio::test]
async fn an_erased_employer_keeps_its_name_but_loses_its_person_and_its_offers_online() -> Result<()>
{
    let host = loaded(builder()).await?;
    let seeker = host.login("seeker").await?;
    expect(
        &apply(
            &seeker,
            SERVEUR,
            MESSAGE,
            Some(("cv.pdf", "application/pdf", pdf(2000))),
        )
        .await?,
        200,
    )?;
    let hotel = host.login("hotel").await?;
    let data = hotel.get("/compte/donnees.json").await?;
    expect(&data, 200)?;
    ensure!(
        data.text.contains("41234567800017") && data.text.contains("Serveur ou serveuse"),
        "the organisation and its offers: {}",
        data.text
    );
    let gone = hotel
        .post_form("/compte/supprimer", &[("password", PASSWORD)])
        .await?;
    ensure!(gone.status < 400, "account deleted: {}", gone.status);

    ensure!(hotel_column(&host, "user_name").await?.as_deref() == Some("Compte supprimé"));
    ensure!(
        hotel_column(&host, "user_id")
            .await?
            .is_some_and(|u| u.starts_with("erased-"))
    );
    ensure!(hotel_column(&host, "siret").await?.is_none());
    ensure!(hotel_column(&host, "phone").await?.is_none());
    ensure!(hotel_column(&host, "status").await?.as_deref() == Some("suspended"));
    // Its published offer is withdrawn: nobody applies any more.
    let newboss = host.login("newboss").await?;
    expect(&newboss.get(&apply_path(SERVEUR)).await?, 404)?;
    // The applicant keeps their application, without the CV nobody reads.
    let mine = shown(&seeker, &format!("{BASE}/mes-candidatures")).await?;
    ensure!(mine.shows("Serveur ou serveuse"), "{}", excerpt(&mine.text));
    ensure!(mine.shows("supprimé le"), "{}", excerpt(&mine.text));
    Ok(())
}

// Figures ----------------------------------------------------------------------

/// The fixture with more offers: a filled one, an expired one and an
/// imported one this winter, and an expired one last summer.
fn figures_fixture(name: &str) -> Result<PathBuf> {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixture/jobs.json");
    let mut data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(fixture)?)?;
    let offer = |title: &str,
                 source: &str,
                 contract: &str,
                 status: &str,
                 housing: bool,
                 published: &str| {
        let mut row = serde_json::json!({
            "source": source, "title": title, "description": "…", "commune": "Saint-Lary-Soulan",
            "contract": contract, "season": "winter", "housing": housing, "apply_mode": "site",
            "status": status, "expires_on": "@today+30", "published_at": published,
            "created_at": published, "updated_at": published,
        });
        if source == "local" {
            row["employer_id"] = serde_json::json!("@hotel");
            row["employer_name"] = serde_json::json!("Hôtel du Pic");
        } else {
            row["external_id"] = serde_json::json!(format!("FT-{title}"));
        }
        row
    };
    let extra = [
        offer(
            "Moniteur de ski",
            "local",
            "cdd",
            "filled",
            true,
            "@now-20d",
        ),
        offer("Vendeur", "local", "seasonal", "expired", false, "@now-30d"),
        offer(
            "Cuisinier",
            "francetravail",
            "seasonal",
            "published",
            false,
            "@now-2d",
        ),
        offer("Guide", "local", "seasonal", "expired", true, "@now-150d"),
    ];
    let offers = data["tables"]
        .as_array_mut()
        .and_then(|t| t.iter_mut().find(|t| t["table"] == "offers"))
        .and_then(|t| t["rows"].as_array_mut())
        .context("the fixture's offers")?;
    offers.extend(extra);
    let dir = std::env::temp_dir().join(format!("jobs-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join("jobs.json"), serde_json::to_string(&data)?)?;
    Ok(dir)
}

#[tokio::test]
async fn the_seasons_figures_are_shown_downloaded_and_published_for_the_indicators() -> Result<()> {
    let host = builder().start().await?;
    let dir = figures_fixture("figures")?;
    host.load_rows(&dir).await?;
    let _ = std::fs::remove_dir_all(&dir);
    let seeker = host.login("seeker").await?;
    expect(&apply(&seeker, PERCHMAN, MESSAGE, None).await?, 200)?;

    // Winter 2026-2027: 5 offers published (4 local, 1 imported), 1 filled
    // of 2 local offers ended, 2 with housing, 1 application.
    let elu = host.login("elu").await?;
    let page = shown(&elu, &format!("{STAFF}/chiffres")).await?;
    ensure!(page.shows("Hiver 2026-2027"), "{}", excerpt(&page.text));
    ensure!(
        unescaped(&page.text).contains(&format!("href=\"{STAFF}/chiffres\"")),
        "élus find the figures in the navigation"
    );
    for figure in [
        "<td class=\"num\">5</td>",
        "<td class=\"num\">50,0</td>",
        "<td class=\"num\">40,0</td>",
    ] {
        ensure!(page.contains(figure), "{figure}: {}", excerpt(&page.text));
    }
    ensure!(
        page.shows("offres locales terminées : 2, dont pourvues : 1"),
        "{}",
        excerpt(&page.text)
    );
    // The summer before: the guide alone.
    let summer = shown(&elu, &format!("{STAFF}/chiffres?saison=summer-2026")).await?;
    ensure!(summer.shows("Été 2026"), "{}", excerpt(&summer.text));
    ensure!(
        summer.contains("<td class=\"num\">1</td>"),
        "{}",
        excerpt(&summer.text)
    );
    ensure!(
        page.form(&format!("{STAFF}/chiffres"))?
            .options("saison")
            .iter()
            .any(|(value, _)| value == "summer-2026"),
        "the selector offers last summer"
    );

    let csv = elu
        .get(&format!("{STAFF}/chiffres.csv?saison=winter-2026"))
        .await?;
    expect(&csv, 200)?;
    for line in [
        "Hiver 2026-2027;Offres publiées;5",
        "Hiver 2026-2027;Employeurs de la vallée;4",
        "Hiver 2026-2027;France Travail;1",
        "Hiver 2026-2027;Part pourvue (%);50,0",
        "Hiver 2026-2027;Part avec logement (%);40,0",
        "Hiver 2026-2027;Candidatures reçues;1",
        "Hiver 2026-2027;Offres publiées\u{a0}: Saisonnier;4",
    ] {
        ensure!(csv.text.contains(line), "{line}:\n{}", csv.text);
    }

    // A citizen sees none of it.
    let denied = seeker.get(&format!("{STAFF}/chiffres")).await?;
    ensure!(
        !denied.shows("Hiver 2026-2027"),
        "{}",
        excerpt(&denied.text)
    );

    host.run_schedule("jobs", "figures").await?;
    let events: Vec<serde_json::Value> = outbox_event::Entity::find()
        .all(&host.state.platform.db)
        .await?
        .into_iter()
        .filter(|e| e.topic == "jobs.season-figures")
        .map(|e| serde_json::from_str(&e.payload).unwrap_or_default())
        .collect();
    ensure!(events.len() == 1, "{events:?}");
    let e = &events[0];
    ensure!(
        e["season"] == "winter-2026" && e["date"] == "2026-12-07",
        "{e}"
    );
    ensure!(
        e["published"] == 5
            && e["published_local"] == 4
            && e["published_imported"] == 1
            && e["filled"] == 1
            && e["share_filled"] == 50.0
            && e["with_housing"] == 2
            && e["share_housing"] == 40.0
            && e["by_contract"]["seasonal"] == 4
            && e["by_contract"]["cdd"] == 1
            && e["applications"] == 1,
        "{e}"
    );
    Ok(())
}
