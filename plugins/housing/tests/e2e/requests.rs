//! Housing requests through the rendered form: posting, editing, closing
//! and saying one was met, the refusals beside their fields, the limit of
//! open requests, requests kept to their author, and landlords seeing the
//! requests that fit their homes and proposing one, which starts a
//! conversation the requester sees.

use anyhow::{Context as _, Result, ensure};
use estive_testing::{Client, Form, Page};

use super::{BASE, builder, decoded, excerpt, expect, id_of, loaded, shown};

/// Sam's open request of the fixture.
const SAMS: i64 = 1;

fn requests_path() -> String {
    format!("{BASE}/demandes")
}

/// The new request form, filled with a good request.
async fn good_form(client: &Client) -> Result<(Page, Form)> {
    let page = shown(client, &requests_path()).await?;
    let mut form = page.form(&requests_path())?;
    form.set("starts_on", "2026-12-27")?
        .set("ends_on", "2027-04-15")?
        .choose("season", "hiver")?
        .set("budget", "480,50")?
        .set("beds", "1")?
        .check("communes", "Arreau")?
        .check("furnished", "on")?
        .set("note", "Serveur, je <b>cherche</b> https://exemple.fr")?;
    Ok((page, form))
}

/// The form of a page that sends `action`.
fn action_form(page: &Page, action: &str) -> Result<Form> {
    page.forms()
        .into_iter()
        .find(|f| f.value("action").as_deref() == Some(action))
        .with_context(|| {
            format!(
                "no form `{action}` on {}:\n{}",
                page.path,
                excerpt(&page.text)
            )
        })
}

#[tokio::test]
async fn a_request_is_posted_edited_and_met() -> Result<()> {
    let host = loaded(builder()).await?;
    let seeker = host.login("seeker").await?;
    let (_, form) = good_form(&seeker).await?;
    let posted = form.submit(&seeker).await?;
    expect(&posted, 200)?;
    ensure!(
        posted.shows("Votre demande est publiée"),
        "{}",
        excerpt(&posted.text)
    );
    ensure!(
        posted.shows("480,50 € par mois au plus") && posted.shows("27 décembre 2026"),
        "{}",
        excerpt(&posted.text)
    );
    // The note is text: escaped, no link.
    ensure!(
        posted.contains("&lt;b&gt;cherche&lt;&#x2f;b&gt;") || posted.contains("&lt;b&gt;cherche")
    );
    ensure!(!posted.contains("href=\"https://exemple.fr"));

    let link = format!("{BASE}/demandes/2");
    let edit = shown(&seeker, &link).await?;
    let mut form = action_form(&edit, "save")?;
    ensure!(
        form.value("budget").as_deref() == Some("480,5"),
        "{:?}",
        form.value("budget")
    );
    ensure!(
        form.values("communes") == ["Arreau"],
        "{:?}",
        form.values("communes")
    );
    form.set("budget", "520")?.set("beds", "2")?;
    let saved = form.submit(&seeker).await?;
    expect(&saved, 200)?;
    ensure!(saved.shows("Votre demande est enregistrée"));
    ensure!(id_of(&saved)? == 2);
    let list = shown(&seeker, &requests_path()).await?;
    ensure!(
        list.shows("520 € par mois au plus"),
        "{}",
        excerpt(&list.text)
    );

    let met = action_form(&saved, "met")?.submit(&seeker).await?;
    expect(&met, 200)?;
    ensure!(met.shows("logement trouvé") && met.shows("Logement trouvé"));
    let edit = shown(&seeker, &link).await?;
    ensure!(action_form(&edit, "save").is_err(), "no edit once met");

    let closed = action_form(
        &shown(&seeker, &format!("{BASE}/demandes/{SAMS}")).await?,
        "close",
    )?
    .submit(&seeker)
    .await?;
    expect(&closed, 200)?;
    ensure!(closed.shows("Votre demande est close"));

    // Another person's request is not found.
    let stranger = host.login("newowner").await?;
    expect(
        &stranger.get(&format!("{BASE}/demandes/{SAMS}")).await?,
        404,
    )?;
    expect(
        &stranger
            .post_form(&format!("{BASE}/demandes/{SAMS}"), &[("action", "met")])
            .await?,
        404,
    )?;
    let theirs = shown(&stranger, &requests_path()).await?;
    ensure!(!theirs.shows("Perchman pour la saison"));
    Ok(())
}

#[tokio::test]
async fn bad_requests_are_refused_beside_their_fields_and_nothing_is_lost() -> Result<()> {
    let host = loaded(builder()).await?;
    let seeker = host.login("seeker").await?;

    let (_, mut form) = good_form(&seeker).await?;
    form.set("starts_on", "2027-02-01")?
        .set("ends_on", "2027-01-15")?
        .set("budget", "0")?
        .check("for_staff", "on")?;
    let refused = form.submit(&seeker).await?;
    expect(&refused, 422)?;
    let summary = refused.error_summary();
    let ids: Vec<&str> = summary.iter().map(|(id, _)| id.as_str()).collect();
    ensure!(
        ids == [
            "housing-request-ends_on",
            "housing-request-budget",
            "housing-request-organisation"
        ],
        "{summary:?}"
    );
    ensure!(refused.shows("La date de fin doit être après la date de début"));
    ensure!(refused.shows("Le budget doit être compris entre 50 et 3000"));
    let kept = refused.form(&requests_path())?;
    ensure!(kept.value("ends_on").as_deref() == Some("2027-01-15"));
    ensure!(kept.values("communes") == ["Arreau"]);

    let (_, mut form) = good_form(&seeker).await?;
    form.set("budget", "99 999")?;
    let refused = form.submit(&seeker).await?;
    expect(&refused, 422)?;
    ensure!(
        refused.error_summary().first().map(|(id, _)| id.as_str())
            == Some("housing-request-budget"),
        "{:?}",
        refused.error_summary()
    );
    ensure!(refused.form(&requests_path())?.value("budget").as_deref() == Some("99 999"));

    let (_, mut form) = good_form(&seeker).await?;
    form.set("budget", "beaucoup")?
        .set("starts_on", "2026-12-01")?
        .set("beds", "0")?;
    let refused = form.submit(&seeker).await?;
    expect(&refused, 422)?;
    let ids: Vec<String> = refused
        .error_summary()
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    ensure!(
        ids == [
            "housing-request-starts_on",
            "housing-request-budget",
            "housing-request-beds"
        ],
        "{ids:?}"
    );
    ensure!(refused.shows("Indiquez un montant en euros"));

    // Too far ahead.
    let (_, mut form) = good_form(&seeker).await?;
    form.set("starts_on", "2028-12-01")?
        .set("ends_on", "2029-01-01")?;
    expect(&form.submit(&seeker).await?, 422)?;

    // Nothing was stored: only the fixture's request.
    let list = shown(&seeker, &requests_path()).await?;
    ensure!(!super::unescaped(&list.text).contains("/demandes/2\""));
    Ok(())
}

#[tokio::test]
async fn the_sixth_open_request_is_refused() -> Result<()> {
    let host = loaded(builder()).await?;
    let seeker = host.login("seeker").await?;
    // The fixture's and four more.
    for _ in 0..4 {
        let (_, form) = good_form(&seeker).await?;
        expect(&form.submit(&seeker).await?, 200)?;
    }
    let page = shown(&seeker, &requests_path()).await?;
    ensure!(page.shows("5 demandes ouvertes"), "{}", excerpt(&page.text));
    ensure!(page.form(&requests_path()).is_err(), "no form at the limit");
    // Sent anyway (an older tab): refused, what was typed kept.
    let refused = seeker
        .post_form(
            &requests_path(),
            &[
                ("starts_on", "2026-12-27"),
                ("ends_on", "2027-04-15"),
                ("budget", "480"),
                ("beds", "1"),
                ("note", "Sixième demande"),
            ],
        )
        .await?;
    expect(&refused, 409)?;
    ensure!(
        refused.shows("Trop de demandes ouvertes") && refused.contains("Sixième demande"),
        "{}",
        excerpt(&refused.text)
    );
    // Once one is met, a new one goes.
    let met = action_form(
        &shown(&seeker, &format!("{BASE}/demandes/{SAMS}")).await?,
        "met",
    )?
    .submit(&seeker)
    .await?;
    expect(&met, 200)?;
    let (_, form) = good_form(&seeker).await?;
    expect(&form.submit(&seeker).await?, 200)?;
    Ok(())
}

#[tokio::test]
async fn landlords_see_the_requests_their_homes_fit_and_a_proposal_reaches_the_requester()
-> Result<()> {
    let host = loaded(builder()).await?;
    let matching = format!("{BASE}/espace-bailleur/demandes");

    // The mairie's studio (380 + 40 = 420 € ≤ 450, Vielle-Aure) fits Sam's.
    let mairie = host.login("mairie").await?;
    let page = shown(&mairie, &matching).await?;
    ensure!(
        page.shows("Sam, du jeudi 17 décembre 2026 au mardi 6 avril 2027")
            && page.shows("Perchman pour la saison")
            && page.shows("Studio communal"),
        "{}",
        excerpt(&page.text)
    );
    ensure!(!page.shows("Saisonnier"), "first name only");

    // Paul's room fits; his 990 € house (not published, and over the
    // budget) does not.
    let paul = host.login("paul").await?;
    let page = shown(&paul, &matching).await?;
    ensure!(
        page.shows("Chambre chez l'habitant") && !page.shows("Maison pour trois"),
        "{}",
        excerpt(&page.text)
    );

    // Not for people who do not let homes.
    let seeker = host.login("seeker").await?;
    expect(&seeker.get(&matching).await?, 403)?;
    let nina = host.login("newowner").await?;
    expect(&nina.get(&matching).await?, 403)?;
    // Nor may another landlord propose the mairie's home.
    expect(
        &paul
            .get(&format!("{BASE}/annonces/1/contact?demande={SAMS}"))
            .await?,
        404,
    )?;

    // The mairie proposes its studio.
    let page = shown(&mairie, &matching).await?;
    let propose = format!("{BASE}/annonces/1/contact?demande={SAMS}");
    ensure!(
        super::unescaped(&page.text).contains(&propose),
        "{}",
        excerpt(&page.text)
    );
    let form_page = shown(&mairie, &propose).await?;
    let mut form = form_page.form(&format!("{BASE}/annonces/1/contact"))?;
    ensure!(
        form.value("message")
            .is_some_and(|m| m.contains("Bonjour Sam")),
        "{:?}",
        form.value("message")
    );
    form.set(
        "message",
        "Bonjour Sam, notre studio communal est libre toute la saison, à 420 € charges comprises.",
    )?;
    let sent = form.submit(&mairie).await?;
    expect(&sent, 200)?;
    ensure!(
        sent.shows("Votre proposition est envoyée"),
        "{}",
        excerpt(&sent.text)
    );
    let id = id_of(&sent)?;
    let mail = host.mails().last().map(|m| decoded(m)).context("no mail")?;
    ensure!(
        mail.contains("seeker@example.org") && mail.contains("vous propose son logement"),
        "{mail}"
    );
    ensure!(!mail.contains("mairie@example.org") && !mail.contains("3 place de la Mairie"));

    // Sam sees it among their messages, unread, and may answer.
    let list = shown(&seeker, &format!("{BASE}/messages")).await?;
    ensure!(
        list.shows("Studio communal") && list.shows("Nouveau"),
        "{}",
        excerpt(&list.text)
    );
    let thread = shown(&seeker, &format!("{BASE}/messages/{id}")).await?;
    ensure!(thread.shows("libre toute la saison") && !thread.shows("3 place de la Mairie"));
    ensure!(action_form(&thread, "reply").is_ok() && action_form(&thread, "close").is_ok());
    // Nobody else reads it.
    expect(&nina.get(&format!("{BASE}/messages/{id}")).await?, 404)?;
    Ok(())
}
