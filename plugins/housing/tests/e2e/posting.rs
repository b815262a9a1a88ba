//! Landlords, posting homes, moderation and the homes' life, through the
//! rendered forms: asking for a landlord account (refused with a reason,
//! then approved), describing a home with its preview and every bad input
//! refused beside its field (a period that ends before it starts, a rent
//! of zero or absurd, a room that is not decent, a deposit with a bail
//! mobilité), staff publishing and refusing with the decency panel, a
//! published home edited by two people at once (SQLite and PostgreSQL),
//! forged ids, suspension, the hourly expiry and the purge.

use std::path::Path;

use anyhow::{Context as _, Result, ensure};
use estive_core::db::entities::audit_entry;
use estive_testing::{Client, Database, Form, Page, TestHost};
use sea_orm::EntityTrait;

use super::{BASE, STAFF, builder, decoded, excerpt, expect, id_of, loaded, shown, unescaped};

/// The new home form's address.
fn new_path() -> String {
    format!("{BASE}/espace-bailleur/logements/nouveau")
}

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

/// The entries of the site's audit log so far: action and details.
async fn audited(host: &TestHost) -> Result<Vec<(String, String)>> {
    Ok(audit_entry::Entity::find()
        .all(&host.state.platform.db)
        .await?
        .into_iter()
        .map(|e| (e.action, e.details.to_string()))
        .collect())
}

/// Whether the audit log has an entry of that action.
async fn has_audit(host: &TestHost, action: &str) -> Result<bool> {
    Ok(audited(host).await?.iter().any(|(a, _)| a == action))
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
/// (the life actions of a home share their address).
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

/// The new home form filled with a decent studio let for the winter.
async fn filled_home(client: &Client, title: &str) -> Result<Form> {
    let page = shown(client, &new_path()).await?;
    let mut form = page.form(&new_path())?;
    form.set("title", title)?
        .set(
            "description",
            "Studio **lumineux**, kitchenette équipée.\n\n- Local à skis\n- Wifi",
        )?
        .choose("commune", "Saint-Lary-Soulan")?
        .set("area", "Quartier du Mousquère")?
        .set("address", "8 rue des Thermes, 65170 Saint-Lary-Soulan")?
        .set("kind", "studio")?
        .set("beds", "1")?
        .check("furnished", "on")?
        .set("surface", "18,5")?
        .set("ceiling", "2,40")?
        .set("rent", "420")?
        .set("charges", "35")?
        .set("lease", "furnished")?
        .set("deposit", "420")?
        .check("visale", "on")?
        .set("minutes_lifts", "7")?
        .set("minutes_resort", "7")?
        .set("minutes_town", "25")?
        .set("minutes_transport", "3")?
        .check("seasons", "winter")?
        .set("available_from", "2026-12-17")?
        .set("available_to", "2027-04-10")?
        .set("min_stay_weeks", "8")?;
    Ok(form)
}

#[tokio::test]
async fn a_refused_landlord_request_tells_the_reason_then_an_approval_lets_them_post() -> Result<()>
{
    let host = loaded(builder()).await?;
    let nina = host.login("newowner").await?;
    // Not a landlord yet: the space says how to become one, posting is
    // forbidden.
    let space = shown(&nina, &format!("{BASE}/espace-bailleur")).await?;
    ensure!(
        space.shows("Vous n'avez pas de compte bailleur"),
        "{}",
        excerpt(&space.text)
    );
    expect(&nina.get(&new_path()).await?, 403)?;
    let forged = nina
        .post_form(&new_path(), &[("title", "Faux"), ("intent", "submit")])
        .await?;
    expect(&forged, 403)?;

    let action = format!("{BASE}/bailleurs/inscription");
    let page = shown(&nina, &action).await?;
    ensure!(
        page.shows("votre prénom ou vos initiales (par exemple « Paul » ou « M. D. »)"),
        "the hint says which name to give: {}",
        excerpt(&page.text)
    );
    ensure!(
        !page.contains("privacy-landlord") && !page.contains("landlords-"),
        "every message is translated: {}",
        excerpt(&page.text)
    );
    let mut form = page.form(&action)?;
    form.set("kind", "private")?
        .set("name", "Nina")?
        .set("phone", "le soir")?
        .set("description", "Une chambre dans ma maison d'Arreau.")?;
    let wrong = form.submit(&nina).await?;
    expect(&wrong, 422)?;
    ensure!(
        errors(&wrong)
            .contains("housing-landlord-phone: Téléphone : Écrivez un numéro de téléphone"),
        "{}",
        errors(&wrong)
    );
    ensure!(
        wrong.form(&action)?.value("description").as_deref()
            == Some("Une chambre dans ma maison d'Arreau."),
        "what was typed is kept"
    );
    let mut form = wrong.form(&action)?;
    form.set("phone", "06 11 22 33 44")?;
    let sent = form.submit(&nina).await?;
    expect(&sent, 200)?;
    ensure!(
        sent.shows("Votre demande est envoyée") && sent.shows("Demande en attente"),
        "{}",
        excerpt(&sent.text)
    );

    // Staff see it on their dashboard, in the queue and the list.
    let agent = host.login("agent").await?;
    let dashboard = shown(&agent, "/extranet/").await?;
    ensure!(
        dashboard.shows("Une demande de compte bailleur") && dashboard.shows("Nina"),
        "{}",
        excerpt(&dashboard.text)
    );
    let queue = shown(&agent, &format!("{STAFF}/")).await?;
    let id = linked_id(&queue, &format!("{STAFF}/bailleurs/"))?;
    let list = shown(&agent, &format!("{STAFF}/bailleurs?statut=requested")).await?;
    ensure!(
        list.shows("Nina") && !list.shows("Mairie de Vielle-Aure"),
        "{}",
        excerpt(&list.text)
    );
    let decide = format!("{STAFF}/bailleurs/{id}");
    let review = shown(&agent, &decide).await?;
    ensure!(
        review.shows("06 11 22 33 44") && review.shows("Particulier"),
        "staff see the phone: {}",
        excerpt(&review.text)
    );
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
    form.set("reason", "Merci de préciser la commune du logement.")?;
    expect(&form.submit(&agent).await?, 200)?;
    let told = mails_to(&host, "newowner");
    ensure!(
        told.iter().any(|m| m.contains("« Nina »")
            && m.contains("Merci de préciser la commune du logement.")
            && m.contains("/logements/bailleurs/inscription")),
        "{told:#?}"
    );
    // A second agent deciding on the status they saw before is refused.
    let stale = agent
        .post_form(&decide, &[("seen", "requested"), ("decision", "approve")])
        .await?;
    expect(&stale, 409)?;

    // She sees the reason, corrects and asks again.
    let page = shown(&nina, &action).await?;
    ensure!(
        page.shows("Demande refusée") && page.shows("Merci de préciser la commune du logement."),
        "{}",
        excerpt(&page.text)
    );
    let mut form = page.form(&action)?;
    form.set(
        "description",
        "Une chambre dans ma maison d'Arreau, quartier de la gare.",
    )?;
    let again = form.submit(&nina).await?;
    ensure!(
        again.shows("Demande en attente"),
        "{}",
        excerpt(&again.text)
    );

    let review = shown(&agent, &decide).await?;
    let mut form = review.form(&decide)?;
    form.set("decision", "approve")?;
    expect(&form.submit(&agent).await?, 200)?;
    ensure!(
        mails_to(&host, "newowner")
            .iter()
            .any(|m| m.contains("validé") && m.contains("/logements/espace-bailleur")),
        "the approval is mailed"
    );
    shown(&nina, &new_path()).await?;
    let space = shown(&nina, &format!("{BASE}/espace-bailleur")).await?;
    ensure!(
        space.shows("Vous publiez en tant que « Nina »")
            && unescaped(&space.text).contains(&format!("{BASE}/espace-bailleur/demandes"))
            && unescaped(&space.text).contains(&format!("{BASE}/messages")),
        "{}",
        excerpt(&space.text)
    );
    for action in [
        "housing.landlord.requested",
        "housing.landlord.refuse",
        "housing.landlord.approve",
    ] {
        ensure!(has_audit(&host, action).await?, "{action} audited");
    }
    // The public never sees her phone.
    let public = nina.get(&format!("{BASE}/")).await?;
    ensure!(!public.shows("06 11 22 33 44"), "no phone on the portal");
    Ok(())
}

#[tokio::test]
async fn a_home_with_bad_input_is_refused_field_by_field_then_published_by_staff() -> Result<()> {
    let host = loaded(builder()).await?;
    let paul = host.login("paul").await?;
    let new = new_path();

    // The form names the site's landmark places.
    let page = shown(&paul, &new).await?;
    ensure!(
        page.shows("Minutes jusqu'à : Remontées mécaniques")
            && page.shows("décret n° 2002-120")
            && page.shows("elle n'est donnée qu'à une personne que vous acceptez"),
        "{}",
        excerpt(&page.text)
    );

    // The preview shows Markdown, and a script as text.
    let mut form = filled_home(&paul, "Studio du Mousquère").await?;
    form.set(
        "description",
        "**Calme** et clair.\n\n<script>alert('x')</script>",
    )?;
    let preview = form.submit_with(&paul, "intent", "preview").await?;
    expect(&preview, 200)?;
    ensure!(
        preview.contains("<strong>Calme</strong>")
            && !preview.contains("<script>alert")
            && preview.shows("<script>alert('x')</script>"),
        "{}",
        excerpt(&preview.text)
    );
    ensure!(
        preview.form(&new)?.value("title").as_deref() == Some("Studio du Mousquère"),
        "the preview keeps the form"
    );

    // Every bad input at once, each told beside its field: a period that
    // ends before it starts, a rent of zero, a 6 m² room under 2.10 m, a
    // deposit with a bail mobilité.
    let mut form = filled_home(&paul, "Studio du Mousquère").await?;
    form.set("available_from", "2027-01-10")?
        .set("available_to", "2027-01-05")?
        .set("rent", "0")?
        .set("surface", "6")?
        .set("ceiling", "2,10")?
        .set("lease", "mobility")?
        .set("deposit", "300")?;
    let wrong = form.submit_with(&paul, "intent", "submit").await?;
    expect(&wrong, 422)?;
    let listed = errors(&wrong);
    for expected in [
        "housing-home-available_to: Disponible jusqu'au : La fin de la période est avant son début.",
        "housing-home-rent: Loyer mensuel hors charges (€) : Un loyer de 0 € n'est pas accepté",
        "housing-home-surface: Surface (m²) : Ce logement n'est pas décent",
        "décret n° 2002-120",
        "housing-home-deposit: Dépôt de garantie (€) : Un bail mobilité interdit tout dépôt de garantie (loi n° 89-462",
    ] {
        ensure!(
            listed.contains(expected),
            "{expected} missing from:\n{listed}"
        );
    }
    let kept = wrong.form(&new)?;
    ensure!(
        kept.value("address").as_deref() == Some("8 rue des Thermes, 65170 Saint-Lary-Soulan")
            && kept.value("surface").as_deref() == Some("6")
            && kept.values("seasons") == ["winter"],
        "what was typed is kept"
    );

    // An absurd rent, a start in the past, a period beyond 18 months.
    let mut form = kept.clone();
    form.set("available_from", "2026-12-01")?
        .set("available_to", "2028-09-01")?
        .set("rent", "50 000")?
        .set("surface", "18,5")?
        .set("ceiling", "2,40")?
        .set("lease", "furnished")?;
    let absurd = form.submit_with(&paul, "intent", "submit").await?;
    expect(&absurd, 422)?;
    let listed = errors(&absurd);
    for expected in [
        "housing-home-rent: Loyer mensuel hors charges (€) : Ce loyer est absurde pour un logement saisonnier : au plus 3 000 € par mois.",
        "housing-home-available_from: Disponible à partir du : La date de début est passée",
        "housing-home-available_to: Disponible jusqu'au : ",
    ] {
        ensure!(
            listed.contains(expected),
            "{expected} missing from:\n{listed}"
        );
    }
    // A rent a square metre beyond reason.
    let mut form = absurd.form(&new)?;
    form.set("available_from", "2026-12-17")?
        .set("available_to", "2027-04-10")?
        .set("rent", "1 500")?
        .set("deposit", "0")?;
    let per_m2 = form.submit_with(&paul, "intent", "submit").await?;
    expect(&per_m2, 422)?;
    ensure!(
        errors(&per_m2).contains("housing-home-rent: Loyer mensuel hors charges (€) : Ce loyer est absurde : 81,08 € par m²"),
        "{}",
        errors(&per_m2)
    );

    // An 8.5 m² attic under 2.50 m is decent by its volume (21.25 m³).
    let mut form = per_m2.form(&new)?;
    form.set("title", "Chambre mansardée")?
        .set("kind", "room")?
        .set("surface", "8,5")?
        .set("ceiling", "2,5")?
        .set("rent", "350")?
        .set(
            "description",
            "Sous les toits.\n\n<script>alert('x')</script>",
        )?;
    let sent = form.submit_with(&paul, "intent", "submit").await?;
    expect(&sent, 200)?;
    ensure!(
        sent.shows("Le logement est soumis à la relecture"),
        "{}",
        excerpt(&sent.text)
    );
    let id = id_of(&sent)?;
    // A photo, through the photos page the landlord's form links to.
    let photos = format!("{BASE}/espace-bailleur/logements/{id}/photos");
    ensure!(
        unescaped(&sent.text).contains(&photos),
        "{}",
        excerpt(&sent.text)
    );
    let mut form = shown(&paul, &photos).await?.form_with("photo")?;
    form.attach(
        "photo",
        "chambre.jpg",
        "image/jpeg",
        super::photos::jpeg(320, 240),
    )?
    .set("alt", "La chambre sous les toits")?;
    form.submit(&paul).await?;

    // Staff read it as the public will, with what only they see.
    let agent = host.login("agent").await?;
    let queue = shown(&agent, &format!("{STAFF}/")).await?;
    ensure!(
        queue.shows("Chambre mansardée") && queue.shows("Maison pour trois saisonniers"),
        "{}",
        excerpt(&queue.text)
    );
    let path = format!("{STAFF}/logements/{id}");
    let review = shown(&agent, &path).await?;
    ensure!(
        review.shows("8 rue des Thermes, 65170 Saint-Lary-Soulan")
            && review.shows("06 12 34 56 78")
            && review.shows("21,25 m³")
            && review.shows("Le logement respecte le minimum de décence.")
            && review.shows("<script>alert('x')</script>")
            && !review.contains("<script>alert"),
        "{}",
        excerpt(&review.text)
    );
    let html = unescaped(&review.text);
    let img = html
        .split("<img ")
        .skip(1)
        .find(|i| i.contains("/annonces/"))
        .context("the photo is shown to staff")?;
    ensure!(
        img.contains(&format!("src=\"{BASE}/annonces/{id}/photos/"))
            && img.contains("alt=\"La chambre sous les toits\""),
        "{img}"
    );
    let mut form = review.form(&path)?;
    form.set("decision", "publish")?;
    expect(&form.submit(&agent).await?, 200)?;
    ensure!(
        mails_to(&host, "paul")
            .iter()
            .any(|m| m.contains("Chambre mansardée")
                && m.contains(&format!("/logements/annonces/{id}"))),
        "the landlord is told"
    );
    let mine = shown(&paul, &format!("{BASE}/espace-bailleur")).await?;
    ensure!(
        mine.shows("En ligne (2)") && mine.shows("Chambre mansardée"),
        "{}",
        excerpt(&mine.text)
    );

    // The fixture's waiting house is refused with a reason, mailed with a
    // link to edit it.
    let path = format!("{STAFF}/logements/3");
    let review = shown(&agent, &path).await?;
    let mut form = review.form(&path)?;
    form.set("decision", "refuse")?
        .set("reason", "Précisez la surface de chaque chambre.")?;
    expect(&form.submit(&agent).await?, 200)?;
    ensure!(
        mails_to(&host, "paul")
            .iter()
            .any(|m| m.contains("Maison pour trois saisonniers")
                && m.contains("Précisez la surface de chaque chambre.")
                && m.contains("/logements/espace-bailleur/logements/3")),
        "{:#?}",
        mails_to(&host, "paul")
    );
    let edit = shown(&paul, &format!("{BASE}/espace-bailleur/logements/3")).await?;
    ensure!(
        edit.shows("Logement refusé par l'intercommunalité")
            && edit.shows("Précisez la surface de chaque chambre."),
        "{}",
        excerpt(&edit.text)
    );
    for action in [
        "housing.home.submitted",
        "housing.home.published",
        "housing.home.refused",
    ] {
        ensure!(has_audit(&host, action).await?, "{action} audited");
    }
    // He reopens it as a draft; its history keeps the decision.
    let state = format!("{BASE}/espace-bailleur/logements/3/etat");
    let reopened = action_form(&edit, &state, "reopen")?.submit(&paul).await?;
    expect(&reopened, 200)?;
    ensure!(
        reopened.shows("Le logement est de nouveau un brouillon.")
            && reopened.shows("Refusé (Arnaud Agent) – Précisez la surface de chaque chambre.")
            && reopened.shows("Rouvert comme brouillon"),
        "{}",
        excerpt(&reopened.text)
    );
    Ok(())
}

#[tokio::test]
async fn another_landlords_home_is_not_found_and_a_suspended_one_cannot_post() -> Result<()> {
    let host = loaded(builder()).await?;
    let marc = host.login("mairie").await?;
    // Home 2 is Paul's.
    let path = format!("{BASE}/espace-bailleur/logements/2");
    expect(&marc.get(&path).await?, 404)?;
    let forged = marc
        .post_form(
            &path,
            &[("title", "Volé"), ("intent", "save"), ("version", "1")],
        )
        .await?;
    expect(&forged, 404)?;
    let forged = marc
        .post_form(&format!("{path}/etat"), &[("action", "withdraw")])
        .await?;
    expect(&forged, 404)?;
    // Someone who is no landlord may not post at all.
    let seeker = host.login("seeker").await?;
    expect(
        &seeker
            .get(&format!("{BASE}/espace-bailleur/logements/1"))
            .await?,
        403,
    )?;

    // Staff suspend Paul: his published and waiting homes are withdrawn.
    let agent = host.login("agent").await?;
    let decide = format!("{STAFF}/bailleurs/2");
    let review = shown(&agent, &decide).await?;
    ensure!(
        review.shows("Chambre chez l'habitant avec vue")
            && review.shows("Maison pour trois saisonniers"),
        "{}",
        excerpt(&review.text)
    );
    let mut form = review.form(&decide)?;
    form.set("decision", "suspend")?
        .set("reason", "Plaintes répétées de locataires.")?;
    expect(&form.submit(&agent).await?, 200)?;
    for id in [2, 3] {
        let home = shown(&agent, &format!("{STAFF}/logements/{id}")).await?;
        ensure!(home.shows("Retiré"), "{}", excerpt(&home.text));
    }
    let paul = host.login("paul").await?;
    expect(&paul.get(&new_path()).await?, 403)?;
    let space = shown(&paul, &format!("{BASE}/espace-bailleur")).await?;
    ensure!(
        space.shows("Compte bailleur suspendu") && space.shows("Plaintes répétées de locataires."),
        "{}",
        excerpt(&space.text)
    );
    ensure!(
        mails_to(&host, "paul")
            .iter()
            .any(|m| m.contains("suspendu") && m.contains("Plaintes répétées")),
        "the suspension is mailed"
    );
    ensure!(
        has_audit(&host, "housing.landlord.suspend").await?,
        "suspension audited"
    );

    // Reinstated, he posts again; his homes stay withdrawn until reopened.
    let review = shown(&agent, &decide).await?;
    let mut form = review.form(&decide)?;
    form.set("decision", "reinstate")?;
    expect(&form.submit(&agent).await?, 200)?;
    shown(&paul, &new_path()).await?;
    let space = shown(&paul, &format!("{BASE}/espace-bailleur")).await?;
    ensure!(space.shows("Retirés (2)"), "{}", excerpt(&space.text));
    Ok(())
}

/// Two people edit the published « Studio communal » at once: the first
/// save wins, the second gets the form again (409) with what they typed
/// and what is stored, and may save over it knowingly.
async fn two_editors(database: Database) -> Result<()> {
    let host = loaded(builder().database(database)).await?;
    let first = host.login("mairie").await?;
    let second = host.login("mairie").await?;
    let path = format!("{BASE}/espace-bailleur/logements/1");
    let page_a = shown(&first, &path).await?;
    ensure!(
        page_a.shows("Le logement repassera en relecture"),
        "the warning comes before saving: {}",
        excerpt(&page_a.text)
    );
    let page_b = shown(&second, &path).await?;
    let mut form_a = page_a.form(&path)?;
    form_a.set("title", "Studio communal rénové")?;
    let mut form_b = page_b.form(&path)?;
    form_b
        .set("title", "Studio communal au pied des pistes")?
        .set("area", "Le Bourg, près de l'église")?;

    let saved = form_a.submit_with(&first, "intent", "save").await?;
    expect(&saved, 200)?;
    ensure!(
        saved.shows("le logement attend une nouvelle relecture"),
        "{}",
        excerpt(&saved.text)
    );
    let clash = form_b.submit_with(&second, "intent", "save").await?;
    expect(&clash, 409)?;
    ensure!(
        clash.shows("Quelqu'un a enregistré ce logement") && clash.shows("Studio communal rénové"),
        "the stored home is shown: {}",
        excerpt(&clash.text)
    );
    let kept = clash.form(&path)?;
    ensure!(
        kept.value("title").as_deref() == Some("Studio communal au pied des pistes")
            && kept.value("area").as_deref() == Some("Le Bourg, près de l'église"),
        "what the second typed is kept"
    );
    // Saving again, knowingly, replaces it.
    let again = kept.submit_with(&second, "intent", "submit").await?;
    expect(&again, 200)?;
    let stored = shown(&second, &path).await?.form(&path)?;
    ensure!(
        stored.value("title").as_deref() == Some("Studio communal au pied des pistes"),
        "{:?}",
        stored.value("title")
    );

    // Five saves at the same moment from the same version: one wins.
    let mut clients = Vec::new();
    for _ in 0..5 {
        clients.push(host.login("mairie").await?);
    }
    let mut forms = Vec::new();
    for (i, client) in clients.iter().enumerate() {
        let mut form = shown(client, &path).await?.form(&path)?;
        form.set("title", &format!("Studio communal, version {i}"))?;
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
async fn homes_expire_after_their_period_and_are_extended_or_marked_let() -> Result<()> {
    let host = loaded(builder()).await?;
    // The « Studio communal » is offered until today + 130 days: the day
    // after, it is expired, still listed to its landlord.
    host.set_now("2027-04-16T08:00:00+02:00");
    host.run_schedule("housing", "housekeeping").await?;
    let marc = host.login("mairie").await?;
    let space = shown(&marc, &format!("{BASE}/espace-bailleur")).await?;
    ensure!(
        !space.shows("Expirés ("),
        "not yet: {}",
        excerpt(&space.text)
    );
    host.set_now("2027-04-17T08:00:00+02:00");
    host.run_schedule("housing", "housekeeping").await?;
    let space = shown(&marc, &format!("{BASE}/espace-bailleur")).await?;
    ensure!(
        space.shows("Expirés (1)") && space.shows("Studio communal près des télécabines"),
        "{}",
        excerpt(&space.text)
    );
    let path = format!("{BASE}/espace-bailleur/logements/1");
    let page = shown(&marc, &path).await?;
    ensure!(
        page.shows("La période du logement est passée") && page.shows("Expiré"),
        "{}",
        excerpt(&page.text)
    );

    // Extending beyond 18 months is refused beside the date.
    let state = format!("{path}/etat");
    let mut form = action_form(&page, &state, "extend")?;
    form.set("available_to", "2029-01-31")?;
    let late = form.submit(&marc).await?;
    expect(&late, 422)?;
    ensure!(
        errors(&late).contains("housing-extend-available_to"),
        "{}",
        errors(&late)
    );
    let mut form = action_form(&late, &state, "extend")?;
    form.set("available_to", "2027-09-30")?;
    let extended = form.submit(&marc).await?;
    expect(&extended, 200)?;
    // Back to review, as an edit would be (the site reviews edits).
    ensure!(
        extended.shows("La période du logement est prolongée")
            && extended.shows("En attente de relecture"),
        "{}",
        excerpt(&extended.text)
    );

    // Paul marks his room let: it stays, marked.
    let paul = host.login("paul").await?;
    let page = shown(&paul, &format!("{BASE}/espace-bailleur/logements/2")).await?;
    let let_form = action_form(
        &page,
        &format!("{BASE}/espace-bailleur/logements/2/etat"),
        "let",
    )?;
    let done = let_form.submit(&paul).await?;
    expect(&done, 200)?;
    ensure!(
        done.shows("Le logement est marqué comme loué.") && done.shows("Loué"),
        "{}",
        excerpt(&done.text)
    );
    // Marking it twice is not an action of a let home.
    let twice = paul
        .post_form(
            &format!("{BASE}/espace-bailleur/logements/2/etat"),
            &[("action", "let")],
        )
        .await?;
    expect(&twice, 409)?;
    Ok(())
}

#[tokio::test]
async fn the_purge_deletes_conversations_their_messages_and_requests_past_their_date() -> Result<()>
{
    let host = builder().start().await?;
    let dir = std::env::temp_dir().join(format!("housing-purge-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    std::fs::write(
        dir.join("housing.json"),
        r#"{"tables": [
  {"table": "landlords", "rows": [
   {"_key": "paul", "user_id": "6", "user_name": "Paul Propriétaire", "kind": "private", "name": "Paul", "status": "approved", "requested_at": "@now-300d"}
  ]},
  {"table": "homes", "rows": [
   {"_key": "room", "landlord_id": "@paul", "landlord_name": "Paul", "landlord_kind": "private", "title": "Chambre d'hiver dernier", "commune": "Arreau", "kind": "room", "beds": 1, "surface": 12, "rent": 300, "lease": "furnished", "available_from": "@today-250", "available_to": "@today-120", "status": "expired", "created_at": "@now-260d", "updated_at": "@now-120d"},
   {"_key": "flat", "landlord_id": "@paul", "landlord_name": "Paul", "landlord_kind": "private", "title": "Appartement de cet hiver", "commune": "Arreau", "kind": "flat", "beds": 2, "surface": 30, "rent": 500, "lease": "furnished", "available_from": "@today+5", "available_to": "@today+120", "status": "published", "published_at": "@now-2d", "created_at": "@now-3d", "updated_at": "@now-2d"}
  ]},
  {"table": "conversations", "rows": [
   {"_key": "old1", "home_id": "@room", "landlord_id": "@paul", "seeker_user_id": "7", "seeker_name": "Sam Saisonnier", "status": "closed", "landlord_unread": false, "created_at": "@now-240d", "last_at": "@now-230d", "purge_on": "@today-30"},
   {"_key": "old2", "home_id": "@room", "landlord_id": "@paul", "seeker_user_id": "8", "seeker_name": "Nina Nouvelle", "status": "open", "landlord_unread": false, "created_at": "@now-240d", "last_at": "@now-230d", "purge_on": "@today-1"},
   {"_key": "live", "home_id": "@flat", "landlord_id": "@paul", "seeker_user_id": "7", "seeker_name": "Sam Saisonnier", "status": "open", "created_at": "@now-1d", "last_at": "@now-1d", "purge_on": "@today+210"}
  ]},
  {"table": "messages", "rows": [
   {"conversation_id": "@old1", "side": "seeker", "body": "Bonjour, est-ce libre ?", "created_at": "@now-240d"},
   {"conversation_id": "@old1", "side": "landlord", "body": "Oui.", "created_at": "@now-239d"},
   {"conversation_id": "@old2", "side": "seeker", "body": "Bonjour !", "created_at": "@now-240d"},
   {"conversation_id": "@live", "side": "seeker", "body": "Bonjour, pour l'hiver ?", "created_at": "@now-1d"}
  ]},
  {"table": "requests", "rows": [
   {"user_id": "7", "user_name": "Sam Saisonnier", "starts_on": "@today-250", "ends_on": "@today-120", "budget": 400, "beds": 1, "status": "closed", "created_at": "@now-260d", "updated_at": "@now-120d", "purge_on": "@today-30"},
   {"user_id": "7", "user_name": "Sam Saisonnier", "starts_on": "@today+10", "ends_on": "@today+120", "budget": 450, "beds": 1, "status": "open", "created_at": "@now-4d", "updated_at": "@now-4d", "purge_on": "@today+210"}
  ]}
 ]}"#,
    )?;
    let loaded = host.load_rows(Path::new(&dir)).await;
    std::fs::remove_dir_all(&dir)?;
    loaded?;

    host.run_schedule("housing", "housekeeping").await?;
    let entries = audited(&host).await?;
    let purged: Vec<&String> = entries
        .iter()
        .filter(|(a, _)| a == "housing.conversations.purged")
        .map(|(_, d)| d)
        .collect();
    ensure!(
        purged.len() == 1
            && purged[0].contains("\"conversations\":2")
            && purged[0].contains("\"messages\":3"),
        "{entries:?}"
    );
    ensure!(
        entries
            .iter()
            .any(|(a, d)| a == "housing.requests.purged" && d.contains("\"requests\":1")),
        "{entries:?}"
    );
    // Nothing is left to purge; the live conversation stays.
    host.run_schedule("housing", "housekeeping").await?;
    let again = audited(&host).await?;
    ensure!(
        again.iter().filter(|(a, _)| a.ends_with(".purged")).count() == 2,
        "{again:?}"
    );
    let paul = host.login("paul").await?;
    let space = shown(&paul, &format!("{BASE}/espace-bailleur")).await?;
    ensure!(
        space.shows("Appartement de cet hiver") && space.shows("Expirés (1)"),
        "{}",
        excerpt(&space.text)
    );
    // The live home has its one open, unread conversation.
    let html = unescaped(&space.text);
    let row = html
        .split("<tr>")
        .find(|r| r.contains("Appartement de cet hiver"))
        .context("the live home's row")?;
    ensure!(
        row.contains(&format!("{BASE}/messages\">1<")),
        "one open conversation: {row}"
    );
    Ok(())
}

#[tokio::test]
async fn a_known_landlord_posts_at_once_and_edits_stay_online_when_the_site_says_so() -> Result<()>
{
    let host = loaded(
        builder()
            .user("gite", "Gérard Gîte", &["landlord"])
            .setting("housing", "review_edits", false),
    )
    .await?;
    // An account with the landlord role introduces itself and is approved
    // at once.
    let gerard = host.login("gite").await?;
    let action = format!("{BASE}/bailleurs/inscription");
    let page = shown(&gerard, &action).await?;
    let mut form = page.form(&action)?;
    form.set("kind", "employer")?
        .set("name", "Hôtel des Thermes")?
        .set("phone", "05 62 40 00 00")?;
    let described = form.submit(&gerard).await?;
    expect(&described, 200)?;
    ensure!(
        described.shows("Votre présentation est enregistrée"),
        "{}",
        excerpt(&described.text)
    );
    let form = filled_home(&gerard, "Studio pour le personnel").await?;
    let sent = form.submit_with(&gerard, "intent", "draft").await?;
    ensure!(
        sent.shows("Le brouillon est enregistré."),
        "{}",
        excerpt(&sent.text)
    );

    // The site does not review edits: the published « Studio communal »
    // stays online, without a warning before saving.
    let marc = host.login("mairie").await?;
    let path = format!("{BASE}/espace-bailleur/logements/1");
    let page = shown(&marc, &path).await?;
    ensure!(
        !page.shows("Le logement repassera en relecture"),
        "no warning"
    );
    let mut form = page.form(&path)?;
    form.set("charges", "45")?;
    let saved = form.submit_with(&marc, "intent", "save").await?;
    expect(&saved, 200)?;
    ensure!(
        saved.shows("Les modifications sont en ligne.") && saved.shows("En ligne"),
        "{}",
        excerpt(&saved.text)
    );

    // A new name is carried to the homes; a phone that is not one is
    // refused beside its field.
    let profile = format!("{BASE}/espace-bailleur/profil");
    let mut form = shown(&marc, &profile).await?.form(&profile)?;
    form.set("name", "Commune de Vielle-Aure")?
        .set("phone", "le matin")?;
    let wrong = form.submit(&marc).await?;
    expect(&wrong, 422)?;
    ensure!(
        errors(&wrong)
            .contains("housing-landlord-phone: Téléphone : Écrivez un numéro de téléphone"),
        "{}",
        errors(&wrong)
    );
    let mut form = wrong.form(&profile)?;
    form.set("phone", "05 62 39 00 01")?;
    let saved = form.submit(&marc).await?;
    ensure!(
        saved.shows("Votre profil de bailleur est enregistré."),
        "{}",
        excerpt(&saved.text)
    );
    let agent = host.login("agent").await?;
    let review = shown(&agent, &format!("{STAFF}/logements/1")).await?;
    ensure!(
        review.shows("Commune de Vielle-Aure") && review.shows("05 62 39 00 01"),
        "{}",
        excerpt(&review.text)
    );
    Ok(())
}
