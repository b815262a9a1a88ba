//! Employers, posting offers, moderation and the offers' life, through the
//! rendered forms: asking for an employer account (refused with a reason,
//! then approved), writing an offer with its preview and every bad input
//! refused beside its field, staff publishing and refusing, a published
//! offer edited by two people at once (SQLite and PostgreSQL), forged ids,
//! the hourly expiry and "still open?" reminders.

use anyhow::{Context as _, Result, ensure};
use estive_core::db::entities::audit_entry;
use estive_testing::{Client, Database, Form, Page, TestHost};
use sea_orm::EntityTrait;

use super::{BASE, STAFF, builder, decoded, excerpt, expect, loaded, shown, unescaped};

/// The mails sent so far, as people read them (no-break spaces as
/// spaces).
fn mails(host: &TestHost) -> Vec<String> {
    host.mails()
        .iter()
        .map(|m| decoded(m).replace(['\u{a0}', '\u{202f}'], " "))
        .collect()
}

/// The mails sent to an account of the test host.
fn mails_to(host: &TestHost, username: &str) -> Vec<String> {
    let to = format!("{username}@example.org");
    mails(host)
        .into_iter()
        .filter(|m| m.contains(&to))
        .collect()
}

/// The actions of the site's audit log so far.
async fn audited(host: &TestHost) -> Result<Vec<String>> {
    Ok(audit_entry::Entity::find()
        .all(&host.state.platform.db)
        .await?
        .into_iter()
        .map(|e| e.action)
        .collect())
}

/// The id in the first link of a page to `prefix<id>`.
fn linked_id(page: &Page, prefix: &str) -> Result<i64> {
    let html = unescaped(&page.text);
    html.match_indices(prefix)
        .map(|(at, _)| {
            html[at + prefix.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
        })
        .find(|id| !id.is_empty())
        .and_then(|id| id.parse().ok())
        .with_context(|| format!("no link to {prefix}…: {}", excerpt(&page.text)))
}

/// The form of a page that sends `action` with the hidden `action` value
/// (the life actions of an offer share their address).
fn action_form(page: &Page, path: &str, action: &str) -> Result<Form> {
    page.forms()
        .into_iter()
        .find(|f| f.action == path && f.value("action").as_deref() == Some(action))
        .with_context(|| format!("no form {action} to {path}: {}", excerpt(&page.text)))
}

/// The error summary's lines, as `field: text`.
fn errors(page: &Page) -> String {
    page.error_summary()
        .iter()
        .map(|(id, text)| format!("{id}: {text}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Fill the organisation's form.
fn describe(form: &mut Form, name: &str, siret: &str, website: &str) -> Result<()> {
    form.set("name", name)?
        .set("siret", siret)?
        .choose("commune", "Arreau")?
        .set("phone", "05 62 98 00 11")?
        .set("website", website)?
        .set(
            "description",
            "Chalet-refuge et restaurant d'altitude au-dessus d'Arreau.",
        )?;
    Ok(())
}

/// The new offer form filled with a valid offer starting in ten days.
async fn filled_offer(client: &Client, title: &str) -> Result<Form> {
    let page = shown(client, &format!("{BASE}/espace-employeur/offres/nouvelle")).await?;
    let mut form = page.form(&format!("{BASE}/espace-employeur/offres/nouvelle"))?;
    form.set("title", title)?
        .set(
            "description",
            "Mise en place, service et **accueil** des skieurs.\n\n- Nourri\n- Logé",
        )?
        .choose("commune", "Saint-Lary-Soulan")?
        .set("contract", "seasonal")?
        .set("season", "winter")?
        .set("starts_on", "2026-12-17")?
        .set("ends_on", "2027-04-10")?
        .set("hours", "39 h par semaine")?
        .set("pay", "1 850 € brut par mois")?
        .set("pay_min", "1 850,50")?
        .set("pay_unit", "MONTH")?
        .check("housing", "on")?
        .set("skills", "Service en salle, accueil\nCaisse")?
        .set("languages", "Anglais, Espagnol")?
        .set("positions", "2")?
        .set("apply_mode", "site")?
        .set("expires_on", "2027-01-06")?;
    Ok(form)
}

#[tokio::test]
async fn a_refused_employer_request_tells_the_reason_then_an_approval_lets_them_post() -> Result<()>
{
    let host = loaded(builder()).await?;
    let nina = host.login("newboss").await?;
    // Not an employer yet: the space says how to become one, posting is
    // forbidden.
    let home = shown(&nina, &format!("{BASE}/espace-employeur")).await?;
    ensure!(
        home.shows("Vous n'avez pas de compte employeur"),
        "{}",
        excerpt(&home.text)
    );
    expect(
        &nina
            .get(&format!("{BASE}/espace-employeur/offres/nouvelle"))
            .await?,
        403,
    )?;
    let forged = nina
        .post_form(
            &format!("{BASE}/espace-employeur/offres/nouvelle"),
            &[("title", "Faux"), ("intent", "submit")],
        )
        .await?;
    expect(&forged, 403)?;

    let page = shown(&nina, &format!("{BASE}/employeurs/inscription")).await?;
    let action = format!("{BASE}/employeurs/inscription");
    let mut form = page.form(&action)?;
    describe(
        &mut form,
        "Refuge du Lac",
        "732 829 320 00075",
        "http://refuge.example.fr",
    )?;
    let wrong = form.submit(&nina).await?;
    expect(&wrong, 422)?;
    let listed = errors(&wrong);
    ensure!(
        listed.contains("jobs-employer-siret: SIRET : Ce SIRET n'est pas valide")
            && listed.contains("jobs-employer-website: Site web : Écrivez une adresse complète commençant par https://"),
        "{listed}"
    );
    ensure!(
        wrong.form(&action)?.value("name").as_deref() == Some("Refuge du Lac"),
        "what was typed is kept"
    );
    let mut form = wrong.form(&action)?;
    form.set("siret", "732 829 320 00074")?
        .set("website", "https://refuge.example.fr")?;
    let sent = form.submit(&nina).await?;
    expect(&sent, 200)?;
    ensure!(
        sent.shows("Votre demande est envoyée") && sent.shows("Demande en attente"),
        "{}",
        excerpt(&sent.text)
    );

    // Staff see it on their dashboard and in the queue.
    let agent = host.login("agent").await?;
    let dashboard = shown(&agent, "/extranet/").await?;
    ensure!(
        dashboard.shows("Une demande de compte employeur") && dashboard.shows("Refuge du Lac"),
        "{}",
        excerpt(&dashboard.text)
    );
    let queue = shown(&agent, &format!("{STAFF}/")).await?;
    let id = linked_id(&queue, &format!("{STAFF}/employeurs/"))?;
    let review = shown(&agent, &format!("{STAFF}/employeurs/{id}")).await?;
    ensure!(
        review.shows("73282932000074") && review.shows("05 62 98 00 11"),
        "staff see the SIRET and phone: {}",
        excerpt(&review.text)
    );
    let decide = format!("{STAFF}/employeurs/{id}");
    let mut form = review.form(&decide)?;
    form.set("decision", "refuse")?;
    let no_reason = form.submit(&agent).await?;
    expect(&no_reason, 422)?;
    ensure!(
        errors(&no_reason).contains("Écrivez le motif"),
        "{}",
        errors(&no_reason)
    );
    let mut form = no_reason.form(&decide)?;
    form.set(
        "reason",
        "Merci de joindre le SIRET de l'établissement d'Arreau.",
    )?;
    expect(&form.submit(&agent).await?, 200)?;
    let told = mails_to(&host, "newboss");
    ensure!(
        told.iter().any(|m| m.contains("Refuge du Lac")
            && m.contains("Merci de joindre le SIRET de l'établissement d'Arreau.")),
        "{told:#?}"
    );

    // She sees the reason, corrects and asks again.
    let page = shown(&nina, &format!("{BASE}/employeurs/inscription")).await?;
    ensure!(
        page.shows("Demande refusée")
            && page.shows("Merci de joindre le SIRET de l'établissement d'Arreau."),
        "{}",
        excerpt(&page.text)
    );
    let mut form = page.form(&action)?;
    form.set("description", "Refuge gardé, SIRET joint.")?;
    let again = form.submit(&nina).await?;
    ensure!(
        again.shows("Demande en attente"),
        "{}",
        excerpt(&again.text)
    );

    let review = shown(&agent, &format!("{STAFF}/employeurs/{id}")).await?;
    let mut form = review.form(&decide)?;
    form.set("decision", "approve")?;
    expect(&form.submit(&agent).await?, 200)?;
    ensure!(
        mails_to(&host, "newboss")
            .iter()
            .any(|m| m.contains("validé") && m.contains("/emplois/espace-employeur")),
        "the approval is mailed"
    );
    shown(&nina, &format!("{BASE}/espace-employeur/offres/nouvelle")).await?;
    let home = shown(&nina, &format!("{BASE}/espace-employeur")).await?;
    ensure!(
        home.shows("Vous publiez pour « Refuge du Lac »"),
        "{}",
        excerpt(&home.text)
    );
    let actions = audited(&host).await?;
    for action in [
        "jobs.employer.requested",
        "jobs.employer.refuse",
        "jobs.employer.approve",
    ] {
        ensure!(
            actions.iter().any(|a| a == action),
            "{action} in {actions:?}"
        );
    }
    // The public never sees her phone.
    let public = nina.get(&format!("{BASE}/")).await?;
    ensure!(!public.shows("05 62 98 00 11"), "no phone on the portal");
    Ok(())
}

#[tokio::test]
async fn an_offer_with_bad_input_is_refused_field_by_field_then_published_by_staff() -> Result<()> {
    let host = loaded(builder()).await?;
    let helene = host.login("hotel").await?;
    let new = format!("{BASE}/espace-employeur/offres/nouvelle");

    // The preview shows Markdown, and a script as text.
    let mut form = filled_offer(&helene, "Commis de cuisine").await?;
    form.set(
        "description",
        "**Brigade** de 4.\n\n<script>alert('x')</script>",
    )?;
    let preview = form.submit_with(&helene, "intent", "preview").await?;
    expect(&preview, 200)?;
    ensure!(
        preview.contains("<strong>Brigade</strong>")
            && !preview.contains("<script>alert")
            && preview.shows("<script>alert('x')</script>"),
        "{}",
        excerpt(&preview.text)
    );
    ensure!(
        preview.form(&new)?.value("title").as_deref() == Some("Commis de cuisine"),
        "the preview keeps the form"
    );

    // Every bad input at once, each told beside its field.
    let mut form = filled_offer(&helene, "Commis de cuisine").await?;
    form.set("expires_on", "")?
        .set("starts_on", "2026-12-01")?
        .set("ends_on", "2026-11-30")?
        .set("pay_max", "1 000")?
        .set("apply_mode", "link")?
        .set("apply_url", "javascript:alert(1)")?;
    let wrong = form.submit_with(&helene, "intent", "submit").await?;
    expect(&wrong, 422)?;
    let listed = errors(&wrong);
    for expected in [
        "jobs-offer-starts_on: Début : La date de début est passée",
        "jobs-offer-ends_on: Fin : La date de fin est avant la date de début.",
        "jobs-offer-pay_max: Salaire maximum : Le salaire maximum est inférieur au salaire minimum.",
        "jobs-offer-apply_url: Adresse de candidature : Écrivez une adresse complète commençant par https://",
        "jobs-offer-expires_on: Date d'expiration : ",
    ] {
        ensure!(
            listed.contains(expected),
            "{expected} missing from:\n{listed}"
        );
    }
    let kept = wrong.form(&new)?;
    ensure!(
        kept.value("skills").as_deref() == Some("Service en salle, accueil\nCaisse")
            && kept.value("apply_url").as_deref() == Some("javascript:alert(1)"),
        "what was typed is kept"
    );

    // An expiry beyond the longest publication, or in the past.
    let mut form = kept.clone();
    form.set("starts_on", "2026-12-17")?
        .set("ends_on", "2027-04-10")?
        .set("pay_max", "")?
        .set("apply_mode", "site")?
        .set("apply_url", "")?
        .set("expires_on", "2027-07-01")?;
    let late = form.submit_with(&helene, "intent", "submit").await?;
    expect(&late, 422)?;
    ensure!(
        errors(&late).contains("jobs-offer-expires_on"),
        "{}",
        errors(&late)
    );
    let mut form = late.form(&new)?;
    form.set("expires_on", "2026-12-06")?;
    let past = form.submit_with(&helene, "intent", "submit").await?;
    expect(&past, 422)?;
    ensure!(
        errors(&past).contains("jobs-offer-expires_on"),
        "{}",
        errors(&past)
    );

    let mut form = past.form(&new)?;
    form.set("expires_on", "2027-01-06")?;
    let sent = form.submit_with(&helene, "intent", "submit").await?;
    expect(&sent, 200)?;
    ensure!(
        sent.shows("L'offre est soumise à la relecture"),
        "{}",
        excerpt(&sent.text)
    );
    let id = super::id_of(&sent)?;

    // Staff read it as the public will, with the employer's contact.
    let agent = host.login("agent").await?;
    let queue = shown(&agent, &format!("{STAFF}/")).await?;
    ensure!(
        queue.shows("Commis de cuisine") && queue.shows("Plongeur ou plongeuse"),
        "{}",
        excerpt(&queue.text)
    );
    let review = shown(&agent, &format!("{STAFF}/offres/{id}")).await?;
    ensure!(
        review.shows("05 62 00 00 01")
            && review.shows("Service en salle, accueil, Caisse")
            && review.shows("Logement fourni"),
        "{}",
        excerpt(&review.text)
    );
    let mut form = review.form(&format!("{STAFF}/offres/{id}"))?;
    form.set("decision", "publish")?;
    let done = form.submit(&agent).await?;
    expect(&done, 200)?;
    ensure!(
        mails_to(&host, "hotel").iter().any(
            |m| m.contains("Commis de cuisine") && m.contains(&format!("/emplois/offres/{id}"))
        ),
        "the employer is told"
    );
    let mine = shown(&helene, &format!("{BASE}/espace-employeur")).await?;
    ensure!(
        mine.shows("En ligne (2)") && mine.shows("Commis de cuisine"),
        "{}",
        excerpt(&mine.text)
    );

    // The fixture's waiting offer is refused with a reason, mailed with a
    // link to edit it.
    let review = shown(&agent, &format!("{STAFF}/offres/3")).await?;
    let mut form = review.form(&format!("{STAFF}/offres/3"))?;
    form.set("decision", "refuse")?
        .set("reason", "Précisez les horaires de la plonge.")?;
    expect(&form.submit(&agent).await?, 200)?;
    ensure!(
        mails_to(&host, "hotel")
            .iter()
            .any(|m| m.contains("Plongeur ou plongeuse")
                && m.contains("Précisez les horaires de la plonge.")
                && m.contains("/emplois/espace-employeur/offres/3")),
        "{:#?}",
        mails_to(&host, "hotel")
    );
    let edit = shown(&helene, &format!("{BASE}/espace-employeur/offres/3")).await?;
    ensure!(
        edit.shows("Offre refusée") && edit.shows("Précisez les horaires de la plonge."),
        "{}",
        excerpt(&edit.text)
    );
    let actions = audited(&host).await?;
    for action in [
        "jobs.offer.submitted",
        "jobs.offer.published",
        "jobs.offer.refused",
    ] {
        ensure!(
            actions.iter().any(|a| a == action),
            "{action} in {actions:?}"
        );
    }
    // She reopens it as a draft; its history keeps the decision.
    let state = format!("{BASE}/espace-employeur/offres/3/etat");
    let reopened = action_form(&edit, &state, "reopen")?
        .submit(&helene)
        .await?;
    expect(&reopened, 200)?;
    ensure!(
        reopened.shows("L'offre est de nouveau un brouillon.")
            && reopened.shows("Refusée (Arnaud Agent)")
            && reopened.shows("Rouverte comme brouillon"),
        "{}",
        excerpt(&reopened.text)
    );
    Ok(())
}

#[tokio::test]
async fn another_employers_offer_is_not_found_and_a_suspended_one_cannot_post() -> Result<()> {
    let host = loaded(builder()).await?;
    let remi = host.login("lifts").await?;
    // Offer 2 is the hotel's.
    expect(
        &remi
            .get(&format!("{BASE}/espace-employeur/offres/2"))
            .await?,
        404,
    )?;
    let forged = remi
        .post_form(
            &format!("{BASE}/espace-employeur/offres/2"),
            &[("title", "Volé"), ("intent", "save"), ("version", "1")],
        )
        .await?;
    expect(&forged, 404)?;
    let forged = remi
        .post_form(
            &format!("{BASE}/espace-employeur/offres/2/etat"),
            &[("action", "withdraw")],
        )
        .await?;
    expect(&forged, 404)?;
    // Someone who is no employer may not post at all.
    let seeker = host.login("seeker").await?;
    expect(
        &seeker
            .get(&format!("{BASE}/espace-employeur/offres/1"))
            .await?,
        403,
    )?;

    // Staff suspend the lifts: their offer leaves the portal.
    let agent = host.login("agent").await?;
    let review = shown(&agent, &format!("{STAFF}/employeurs/2")).await?;
    let mut form = review.form(&format!("{STAFF}/employeurs/2"))?;
    form.set("decision", "suspend")?
        .set("reason", "Contrat de délégation de service public résilié.")?;
    expect(&form.submit(&agent).await?, 200)?;
    let offer = shown(&agent, &format!("{STAFF}/offres/1")).await?;
    ensure!(offer.shows("Retirée"), "{}", excerpt(&offer.text));
    expect(
        &remi
            .get(&format!("{BASE}/espace-employeur/offres/nouvelle"))
            .await?,
        403,
    )?;
    let home = shown(&remi, &format!("{BASE}/espace-employeur")).await?;
    ensure!(
        home.shows("Compte employeur suspendu")
            && home.shows("Contrat de délégation de service public résilié."),
        "{}",
        excerpt(&home.text)
    );
    ensure!(
        mails_to(&host, "lifts")
            .iter()
            .any(|m| m.contains("suspendu") && m.contains("résilié")),
        "the suspension is mailed"
    );
    Ok(())
}

/// Two people edit the published « Serveur » at once: the first save
/// wins, the second gets the form again (409) with what they typed and
/// what is stored, and may save over it knowingly.
async fn two_editors(database: Database) -> Result<()> {
    let host = loaded(builder().database(database)).await?;
    let first = host.login("hotel").await?;
    let second = host.login("hotel").await?;
    let path = format!("{BASE}/espace-employeur/offres/2");
    let page_a = shown(&first, &path).await?;
    ensure!(
        page_a.shows("L'offre repassera en relecture"),
        "the warning comes before saving: {}",
        excerpt(&page_a.text)
    );
    let page_b = shown(&second, &path).await?;
    let mut form_a = page_a.form(&path)?;
    form_a.set("title", "Serveur ou serveuse (midi)")?;
    let mut form_b = page_b.form(&path)?;
    form_b
        .set("title", "Serveur ou serveuse (soir)")?
        .set("hours", "20 h par semaine, le soir")?;

    let saved = form_a.submit_with(&first, "intent", "save").await?;
    expect(&saved, 200)?;
    ensure!(
        saved.shows("l'offre attend une nouvelle relecture"),
        "{}",
        excerpt(&saved.text)
    );
    let clash = form_b.submit_with(&second, "intent", "save").await?;
    expect(&clash, 409)?;
    ensure!(
        clash.shows("Quelqu'un a enregistré cette offre")
            && clash.shows("Serveur ou serveuse (midi)"),
        "the stored offer is shown: {}",
        excerpt(&clash.text)
    );
    let kept = clash.form(&path)?;
    ensure!(
        kept.value("title").as_deref() == Some("Serveur ou serveuse (soir)")
            && kept.value("hours").as_deref() == Some("20 h par semaine, le soir"),
        "what the second typed is kept"
    );
    // Saving again, knowingly, replaces it.
    let again = kept.submit_with(&second, "intent", "draft").await?;
    expect(&again, 200)?;
    let stored = shown(&second, &path).await?.form(&path)?;
    ensure!(
        stored.value("title").as_deref() == Some("Serveur ou serveuse (soir)"),
        "{:?}",
        stored.value("title")
    );

    // Five saves at the same moment from the same version: one wins.
    let mut clients = Vec::new();
    for _ in 0..5 {
        clients.push(host.login("hotel").await?);
    }
    let mut forms = Vec::new();
    for (i, client) in clients.iter().enumerate() {
        let mut form = shown(client, &path).await?.form(&path)?;
        form.set("title", &format!("Serveur, version {i}"))?;
        forms.push(form);
    }
    let mut requests = tokio::task::JoinSet::new();
    for (client, form) in clients.iter().cloned().zip(forms) {
        requests.spawn(async move { form.submit_with(&client, "intent", "submit").await });
    }
    let mut statuses = Vec::new();
    while let Some(done) = requests.join_next().await {
        statuses.push(done??.status);
    }
    statuses.sort_unstable();
    ensure!(statuses == [200, 409, 409, 409, 409], "{statuses:?}");
    Ok(())
}

#[tokio::test]
async fn two_editors_at_once_keep_both_texts_on_sqlite() -> Result<()> {
    two_editors(Database::Sqlite).await
}

#[tokio::test]
async fn two_editors_at_once_keep_both_texts_on_postgresql() -> Result<()> {
    two_editors(Database::postgres()).await
}

#[tokio::test]
async fn offers_are_asked_about_before_expiry_then_expire_and_can_be_extended() -> Result<()> {
    let host = loaded(builder()).await?;
    // « Serveur » expires on 27 December: five days before, its employer
    // is asked once.
    host.set_now("2026-12-23T08:00:00+01:00");
    host.run_schedule("jobs", "housekeeping").await?;
    let asked = mails_to(&host, "hotel");
    ensure!(
        asked.len() == 1
            && asked[0].contains("arrivent bientôt à expiration")
            && asked[0].contains("Serveur ou serveuse en salle")
            && asked[0].contains("/emplois/espace-employeur/offres/2"),
        "{asked:#?}"
    );
    ensure!(
        mails_to(&host, "lifts").is_empty(),
        "the lifts' offer is not due"
    );
    host.run_schedule("jobs", "housekeeping").await?;
    ensure!(mails_to(&host, "hotel").len() == 1, "asked once only");

    // The day after its expiry it is expired, still listed to its employer.
    host.set_now("2026-12-28T08:00:00+01:00");
    host.run_schedule("jobs", "housekeeping").await?;
    let helene = host.login("hotel").await?;
    let home = shown(&helene, &format!("{BASE}/espace-employeur")).await?;
    ensure!(
        home.shows("Expirées (1)") && home.shows("Serveur ou serveuse en salle"),
        "{}",
        excerpt(&home.text)
    );
    let path = format!("{BASE}/espace-employeur/offres/2");
    let page = shown(&helene, &path).await?;
    ensure!(page.shows("L'offre a expiré"), "{}", excerpt(&page.text));

    // Extending beyond the longest publication is refused beside the date.
    let state = format!("{path}/etat");
    let mut form = action_form(&page, &state, "extend")?;
    form.set("expires_on", "2027-12-31")?;
    let late = form.submit(&helene).await?;
    expect(&late, 422)?;
    ensure!(
        errors(&late).contains("jobs-extend-expires_on"),
        "{}",
        errors(&late)
    );
    let mut form = action_form(&late, &state, "extend")?;
    form.set("expires_on", "2027-01-31")?;
    let extended = form.submit(&helene).await?;
    expect(&extended, 200)?;
    // Back to review, as an edit would be (the site reviews edits).
    ensure!(
        extended.shows("La date d'expiration est prolongée")
            && extended.shows("En attente de relecture"),
        "{}",
        excerpt(&extended.text)
    );

    // The lifts mark their offer filled: it stays, marked.
    let remi = host.login("lifts").await?;
    let page = shown(&remi, &format!("{BASE}/espace-employeur/offres/1")).await?;
    let filled = action_form(
        &page,
        &format!("{BASE}/espace-employeur/offres/1/etat"),
        "fill",
    )?
    .submit(&remi)
    .await?;
    expect(&filled, 200)?;
    ensure!(
        filled.shows("L'offre est marquée comme pourvue") && filled.shows("Pourvue"),
        "{}",
        excerpt(&filled.text)
    );
    // Filling twice is not an action of a filled offer.
    let twice = remi
        .post_form(
            &format!("{BASE}/espace-employeur/offres/1/etat"),
            &[("action", "fill")],
        )
        .await?;
    expect(&twice, 409)?;
    Ok(())
}

#[tokio::test]
async fn a_known_employer_posts_at_once_and_edits_stay_online_when_the_site_says_so() -> Result<()>
{
    let host = loaded(
        builder()
            .user("guide", "Gaël Guide", &["employer"])
            .setting("jobs", "review_edits", false),
    )
    .await?;
    // An account with the employer role describes its organisation and
    // is approved at once.
    let gael = host.login("guide").await?;
    let page = shown(&gael, &format!("{BASE}/employeurs/inscription")).await?;
    let mut form = page.form(&format!("{BASE}/employeurs/inscription"))?;
    describe(&mut form, "Bureau des guides", "", "")?;
    let described = form.submit(&gael).await?;
    expect(&described, 200)?;
    ensure!(
        described.shows("Votre structure est enregistrée"),
        "{}",
        excerpt(&described.text)
    );
    let form = filled_offer(&gael, "Guide de randonnée raquettes").await?;
    let sent = form.submit_with(&gael, "intent", "draft").await?;
    ensure!(
        sent.shows("Le brouillon est enregistré."),
        "{}",
        excerpt(&sent.text)
    );

    // The site does not review edits: the published « Serveur » stays
    // online, without a warning before saving.
    let helene = host.login("hotel").await?;
    let path = format!("{BASE}/espace-employeur/offres/2");
    let page = shown(&helene, &path).await?;
    ensure!(!page.shows("L'offre repassera en relecture"), "no warning");
    let mut form = page.form(&path)?;
    form.set("pay", "SMIC + pourboires + prime de fin de saison")?;
    let saved = form.submit_with(&helene, "intent", "save").await?;
    expect(&saved, 200)?;
    ensure!(
        saved.shows("Les modifications sont en ligne.") && saved.shows("En ligne"),
        "{}",
        excerpt(&saved.text)
    );

    // A new name of the organisation is carried to its offers; a phone
    // that is not one is refused beside its field.
    let profile = format!("{BASE}/espace-employeur/profil");
    let mut form = shown(&helene, &profile).await?.form(&profile)?;
    form.set("name", "Hôtel-restaurant du Pic")?
        .set("phone", "le matin")?;
    let wrong = form.submit(&helene).await?;
    expect(&wrong, 422)?;
    ensure!(
        errors(&wrong).contains("jobs-employer-phone: Téléphone : Écrivez un numéro de téléphone"),
        "{}",
        errors(&wrong)
    );
    let mut form = wrong.form(&profile)?;
    form.set("phone", "05 62 00 00 02")?;
    let saved = form.submit(&helene).await?;
    ensure!(
        saved.shows("Le profil de votre structure est enregistré."),
        "{}",
        excerpt(&saved.text)
    );
    let agent = host.login("agent").await?;
    let review = shown(&agent, &format!("{STAFF}/offres/3")).await?;
    ensure!(
        review.shows("Hôtel-restaurant du Pic") && review.shows("05 62 00 00 02"),
        "{}",
        excerpt(&review.text)
    );
    Ok(())
}
