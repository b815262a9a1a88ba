//! Every form of the plugin as it is rendered: each test loads the page,
//! reads the form from its HTML, fills it only from what the page offers
//! (the options it shows, the hidden values it carries) and submits it as
//! a browser would, then checks what the pages show afterwards.
//!
//! The templates hold eleven forms, each covered here:
//! - `book.html`, the booking form (portal and extranet): the term of
//!   Tuesdays under a quota, and the extranet's in
//!   `the_preview_sends_back_to_the_form_with_what_was_typed`;
//! - `preview.html`, confirm the dates, and back to the form: the same
//!   two tests;
//! - `resource_form.html` and `place_form.html` (new and edit):
//!   `managers_create_and_edit_places_and_resources_as_rendered`;
//! - `approvals.html`, approve from the list, and `booking.html`'s
//!   decision form: `approvers_decide_from_the_list_and_from_the_booking_page`;
//! - `booking.html`'s hand-over form (hand over, then return):
//!   `keys_are_handed_over_and_returned_with_the_rendered_form`;
//! - `booking.html`'s cancel form (portal and extranet):
//!   `bookings_are_cancelled_with_the_rendered_form_on_both_sides`;
//! - `mine.html`'s private feed link and `_notices.html`'s "mark read"
//!   (portal and extranet): `the_feed_link_and_marking_notices_read_use_the_rendered_forms`.

use anyhow::{Context as _, Result, ensure};
use estive_testing::{Client, Form, Page};

use super::{Room, builder, create, excerpt, expect, setup, unescape};

#[test]
fn the_templates_hold_the_eleven_forms_this_module_covers() -> Result<()> {
    let forms = estive_testing::template_forms(env!("CARGO_MANIFEST_DIR").as_ref())?;
    let total: usize = forms.values().sum();
    ensure!(
        total == 11,
        "{total} forms in the templates ({forms:?}): a new one comes with its rendered-form test here"
    );
    Ok(())
}

/// A page that must be shown.
async fn shown(client: &Client, path: &str) -> Result<Page> {
    let page = client.get(path).await?;
    expect(&page, 200)?;
    Ok(page)
}

/// The one form of `path` that sends to `action`.
async fn form(client: &Client, path: &str, action: &str) -> Result<Form> {
    shown(client, path).await?.form(action)
}

/// The page a submitted form led to, which must be shown.
fn landed(page: &Page) -> Result<String> {
    expect(page, 200)
}

/// The id at the end of the page's path (`…/<id>`).
fn id_of(page: &Page) -> Result<String> {
    let id = page.path.rsplit('/').next().unwrap_or_default();
    ensure!(
        !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()),
        "not a booking page: {} (status {})",
        page.path,
        page.status
    );
    Ok(id.to_owned())
}

/// Fills the booking form of a resource as rendered, for one evening.
async fn request(client: &Client, area: &str, resource: &str, day: &str) -> Result<Page> {
    let prefix = if area == "extranet" { "/extranet" } else { "" };
    let path = format!("{prefix}/reservations/ressources/{resource}/reserver");
    let mut form = form(client, &path, &path).await?;
    form.set("start", &format!("{day}T18:00"))?
        .set("end", &format!("{day}T20:00"))?
        .set("purpose", "Assemblée générale")?;
    form.submit(client).await
}

/// The form of the preview that confirms the dates (the other one goes
/// back to the booking form).
fn confirm_form(preview: &Page) -> Result<Form> {
    preview
        .forms()
        .into_iter()
        .find(|f| f.value("step").as_deref() == Some("confirm"))
        .with_context(|| format!("no confirm form: {}", excerpt(&preview.text)))
}

/// Tuesdays of the winter–spring term of the académie de Toulouse (zone
/// C), with the winter holidays skipped: an association's weekly slot.
#[tokio::test]
async fn a_weekly_association_booking_for_a_school_term_fits_a_quota_of_two() -> Result<()> {
    let host = builder()
        .setting(
            "booking",
            "school_holidays",
            vec!["2027-02-20..2027-03-07 Vacances d'hiver"],
        )
        .start()
        .await?;
    let agent = host.login("agent").await?;
    let room = create(
        &agent,
        Room {
            name: "Salle de réunion",
            quota: "2",
            ..Room::default()
        },
    )
    .await?;
    let chorale = host.login("chorale").await?;
    let about = landed(&shown(&chorale, &format!("/reservations/ressources/{room}")).await?)?;
    ensure!(
        about.contains(
            "2 réservations à venir à la fois (une répétition compte pour une seule réservation)"
        ),
        "{}",
        excerpt(&about)
    );

    let path = format!("/reservations/ressources/{room}/reserver");
    let page = shown(&chorale, &path).await?;
    ensure!(
        unescape(&page.text).contains(
            "une répétition (chaque semaine, par exemple) compte pour une seule réservation"
        ),
        "{}",
        excerpt(&page.text)
    );
    let mut term = page.form(&path)?;
    term.set("start", "2027-01-05T18:00")?
        .set("end", "2027-01-05T20:00")?
        .set("purpose", "Répétition de la chorale")?
        .set("organisation", "Chorale du Louron")?
        .set("attendees", "25")?
        .choose("repeat", "Toutes les N semaines")?
        .set("interval", "1")?
        .check("weekdays", "2")?
        .set("until", "2027-04-13")?
        .check("skip_school", "on")?;
    let preview = term.submit(&chorale).await?;
    let text = expect(&preview, 200)?;
    ensure!(
        text.contains("La répétition donne 15 dates, dont 13 libres."),
        "{}",
        excerpt(&text)
    );
    ensure!(text.matches("Sautée").count() == 2, "{}", excerpt(&text));
    let done = confirm_form(&preview)?
        .submit_with(&chorale, "mode", "all")
        .await?;
    let text = landed(&done)?;
    ensure!(
        text.contains("13 dates demandées") && text.contains("Les 13 dates de la série"),
        "{}",
        excerpt(&text)
    );
    ensure!(text.contains("mardi 13 avril 2027, 18:00 – 20:00"));
    ensure!(!text.contains("mardi 23 février 2027"));

    // The series is one booking of two: one evening more fits, a second
    // one does not.
    let evening = request(&chorale, "portal", &room, "2026-12-10").await?;
    let text = landed(&evening)?;
    ensure!(
        text.contains("Votre demande est enregistrée"),
        "{}",
        excerpt(&text)
    );
    let over = request(&chorale, "portal", &room, "2026-12-17").await?;
    let text = expect(&over, 422)?;
    ensure!(
        text.contains(
            "Vous avez atteint la limite de 2 réservations à venir pour cette ressource."
        ),
        "{}",
        excerpt(&text)
    );
    // Cancelling the whole series gives its place in the quota back.
    let id = id_of(&done)?;
    let mine = format!("/reservations/mes-reservations/{id}");
    let mut cancel = form(&chorale, &mine, &format!("{mine}/annuler")).await?;
    cancel.check("following", "on")?;
    landed(&cancel.submit(&chorale).await?)?;
    let again = request(&chorale, "portal", &room, "2026-12-17").await?;
    landed(&again)?;
    Ok(())
}

#[tokio::test]
async fn the_preview_sends_back_to_the_form_with_what_was_typed() -> Result<()> {
    let (_host, agent, hall) = setup().await?;
    let path = format!("/extranet/reservations/ressources/{hall}/reserver");
    let mut monthly = form(&agent, &path, &path).await?;
    monthly
        .set("start", "2026-12-03T14:00")?
        .set("end", "2026-12-03T17:00")?
        .set("purpose", "Club des aînés")?
        .choose("repeat", "le même jour de la semaine")?
        .set("until", "2027-02-28")?;
    let preview = monthly.submit(&agent).await?;
    let text = expect(&preview, 200)?;
    ensure!(
        text.contains("La répétition donne 3 dates"),
        "{}",
        excerpt(&text)
    );
    // Back to the form: what was typed is there again, and the form can
    // be sent as it is.
    let back = preview
        .forms()
        .into_iter()
        .find(|f| f.value("step").as_deref() == Some("edit"))
        .context("no form back to the booking form")?
        .submit(&agent)
        .await?;
    expect(&back, 200)?;
    let mut again = back.form(&path)?;
    ensure!(again.value("purpose").as_deref() == Some("Club des aînés"));
    ensure!(again.value("until").as_deref() == Some("2027-02-28"));
    ensure!(again.value("repeat").as_deref() == Some("monthly_weekday"));
    // Once only, this time.
    again.choose("repeat", "Pas de répétition")?;
    let done = again.submit(&agent).await?;
    let text = landed(&done)?;
    // Staff hold booking.approve: confirmed at once.
    ensure!(
        text.contains("Votre réservation est confirmée.") && text.contains("Confirmée"),
        "{}",
        excerpt(&text)
    );
    ensure!(text.contains("jeudi 3 décembre 2026, 14:00 – 17:00"));
    Ok(())
}

/// The lines of a page's error summary, in their order, as read.
fn summary(page: &Page) -> Vec<String> {
    page.error_summary()
        .into_iter()
        .map(|(_, text)| text)
        .collect()
}

#[tokio::test]
async fn a_booking_form_shown_again_lists_its_errors_in_the_form_order() -> Result<()> {
    let (host, _agent, hall) = setup().await?;
    let citizen = host.login("citoyen").await?;
    let path = format!("/reservations/ressources/{hall}/reserver");
    let mut booking = form(&citizen, &path, &path).await?;
    booking
        .set("start", "2026-12-01T20:00")?
        .set("end", "2026-12-01T18:00")?
        .set("purpose", "")?;
    let page = booking.submit(&citizen).await?;
    let text = expect(&page, 422)?;
    // The count of errors starts the document's title, never the heading.
    let title = page.title();
    ensure!(
        title.starts_with("Erreur : 2 champs à corriger – Réserver : Salle des fêtes"),
        "{title}"
    );
    ensure!(
        page.heading() == "Réserver : Salle des fêtes",
        "{}",
        page.heading()
    );
    // The summary follows the form (the end comes before the purpose),
    // each line naming its field and linking to its control.
    ensure!(
        summary(&page)
            == [
                "Fin : La fin doit être après le début.",
                "Objet : Ce champ est obligatoire."
            ],
        "{:?}\n{}",
        summary(&page),
        excerpt(&text)
    );
    ensure!(text.contains("href=\"#booking-end\"") && text.contains("id=\"booking-end\""));
    ensure!(text.contains("href=\"#booking-purpose\"") && text.contains("id=\"booking-purpose\""));
    // What was typed is kept, and the form can be corrected and sent.
    let mut again = page.form(&path)?;
    ensure!(again.value("start").as_deref() == Some("2026-12-01T20:00"));
    again
        .set("end", "2026-12-01T22:00")?
        .set("purpose", "Assemblée générale")?;
    landed(&again.submit(&citizen).await?)?;
    Ok(())
}

#[tokio::test]
async fn managers_create_and_edit_places_and_resources_as_rendered() -> Result<()> {
    let host = builder().start().await?;
    let agent = host.login("agent").await?;
    let new_place = "/extranet/reservations/gestion/lieux/nouveau";
    let mut place = form(&agent, new_place, new_place).await?;
    place
        .set("name", "Maison des associations")?
        .set("address", "2 place de la Mairie, 65510 Loudenvielle")?
        .set("description", "Clés à l'accueil de la mairie.")?;
    let saved = place.submit(&agent).await?;
    let text = landed(&saved)?;
    ensure!(
        text.contains("« Maison des associations » est enregistré."),
        "{}",
        excerpt(&text)
    );
    let place_id = super::id_on_page(&text, "lieux", "Maison des associations")?;
    let edit_place = format!("/extranet/reservations/gestion/lieux/{place_id}");
    let mut place = form(&agent, &edit_place, &edit_place).await?;
    ensure!(place.value("name").as_deref() == Some("Maison des associations"));
    place.set("address", "4 place de la Mairie, 65510 Loudenvielle")?;
    landed(&place.submit(&agent).await?)?;
    let shown_place = landed(&shown(&agent, &format!("/reservations/lieux/{place_id}")).await?)?;
    ensure!(
        shown_place.contains("4 place de la Mairie"),
        "{}",
        excerpt(&shown_place)
    );

    let new_resource = "/extranet/reservations/gestion/ressources/nouvelle";
    let mut resource = form(&agent, new_resource, new_resource).await?;
    resource
        .choose("kind", "Salle")?
        .set("name", "Salle du conseil")?
        .choose("place_id", "Maison des associations")?
        .set("capacity", "40")?
        .set("hours_2", "18:00-22:00")?
        .choose("step_minutes", "30")?
        .check("bookers", "association")?
        .set("quota", "2")?;
    let saved = resource.submit(&agent).await?;
    let text = landed(&saved)?;
    ensure!(
        text.contains("« Salle du conseil » est enregistrée."),
        "{}",
        excerpt(&text)
    );
    let id = super::id_on_page(&text, "ressources", "Salle du conseil")?;
    let about = landed(&shown(&agent, &format!("/reservations/ressources/{id}")).await?)?;
    ensure!(
        about.contains("40 personnes")
            && about.contains("Maison des associations")
            && about.contains("18:00-22:00")
            && about.contains("2 réservations à venir à la fois"),
        "{}",
        excerpt(&about)
    );

    let edit = format!("/extranet/reservations/gestion/ressources/{id}");
    let mut resource = form(&agent, &edit, &edit).await?;
    ensure!(resource.value("capacity").as_deref() == Some("40"));
    resource
        .set("capacity", "60")?
        .set("quota", "0")?
        .choose("place_id", "Sans lieu")?;
    landed(&resource.submit(&agent).await?)?;
    let about = landed(&shown(&agent, &format!("/reservations/ressources/{id}")).await?)?;
    ensure!(
        about.contains("60 personnes")
            && !about.contains("réservations à venir à la fois")
            && !about.contains("Maison des associations"),
        "{}",
        excerpt(&about)
    );
    Ok(())
}

#[tokio::test]
async fn approvers_decide_from_the_list_and_from_the_booking_page() -> Result<()> {
    let (host, _agent, hall) = setup().await?;
    let citizen = host.login("citoyen").await?;
    let first = id_of(&request(&citizen, "portal", &hall, "2026-12-01").await?)?;
    let second = id_of(&request(&citizen, "portal", &hall, "2026-12-02").await?)?;
    let elu = host.login("elu").await?;

    // Approve from the list, without opening the request.
    let list = "/extranet/reservations/approbations";
    let approve = form(
        &elu,
        list,
        &format!("/extranet/reservations/reservations/{first}/decision"),
    )
    .await?;
    ensure!(approve.value("decision").as_deref() == Some("approve"));
    landed(&approve.submit(&elu).await?)?;
    let page = landed(&shown(&citizen, &format!("/reservations/mes-reservations/{first}")).await?)?;
    ensure!(page.contains("Confirmée"), "{}", excerpt(&page));

    // Refuse from the booking page, with the reason it asks for.
    let booking = format!("/extranet/reservations/reservations/{second}");
    let mut decide = form(&elu, &booking, &format!("{booking}/decision")).await?;
    decide
        .choose("decision", "Refuser")?
        .set("reason", "Salle réservée au conseil ce soir-là")?;
    landed(&decide.submit(&elu).await?)?;
    let page = landed(
        &shown(
            &citizen,
            &format!("/reservations/mes-reservations/{second}"),
        )
        .await?,
    )?;
    ensure!(
        page.contains("Refusée") && page.contains("Salle réservée au conseil ce soir-là"),
        "{}",
        excerpt(&page)
    );
    let queue = landed(&shown(&elu, list).await?)?;
    ensure!(
        queue.contains("Aucune demande en attente"),
        "{}",
        excerpt(&queue)
    );
    Ok(())
}

#[tokio::test]
async fn keys_are_handed_over_and_returned_with_the_rendered_form() -> Result<()> {
    let (host, agent, hall) = setup().await?;
    let citizen = host.login("citoyen").await?;
    let id = id_of(&request(&citizen, "portal", &hall, "2026-12-01").await?)?;
    let booking = format!("/extranet/reservations/reservations/{id}");
    landed(
        &form(&agent, &booking, &format!("{booking}/decision"))
            .await?
            .submit(&agent)
            .await?,
    )?;

    let remise = format!("{booking}/remise");
    let mut hand = form(&agent, &booking, &remise).await?;
    ensure!(hand.value("action").as_deref() == Some("handover"));
    hand.set("note", "Clé n° 3")?;
    landed(&hand.submit(&agent).await?)?;
    let mut back = form(&agent, &booking, &remise).await?;
    ensure!(back.value("action").as_deref() == Some("return"));
    back.set("note", "Rendue, salle propre")?;
    let text = landed(&back.submit(&agent).await?)?;
    ensure!(
        text.contains("Retour enregistré.")
            && text.contains("Clé n° 3")
            && text.contains("Rendue, salle propre"),
        "{}",
        excerpt(&text)
    );
    // Nothing is left to hand over or to return.
    ensure!(shown(&agent, &booking).await?.form(&remise).is_err());
    Ok(())
}

#[tokio::test]
async fn bookings_are_cancelled_with_the_rendered_form_on_both_sides() -> Result<()> {
    let (host, agent, hall) = setup().await?;
    let citizen = host.login("citoyen").await?;
    let mine = id_of(&request(&citizen, "portal", &hall, "2026-12-01").await?)?;
    let theirs = id_of(&request(&citizen, "portal", &hall, "2026-12-02").await?)?;

    let page = format!("/reservations/mes-reservations/{mine}");
    let mut cancel = form(&citizen, &page, &format!("{page}/annuler")).await?;
    cancel.set("cancel_reason", "Réunion reportée")?;
    let text = landed(&cancel.submit(&citizen).await?)?;
    ensure!(
        text.contains("Annulée") && text.contains("Réunion reportée"),
        "{}",
        excerpt(&text)
    );

    // A manager cancels from the extranet; the requester reads why.
    let page = format!("/extranet/reservations/reservations/{theirs}");
    let mut cancel = form(&agent, &page, &format!("{page}/annuler")).await?;
    cancel.set("cancel_reason", "Salle fermée pour travaux")?;
    landed(&cancel.submit(&agent).await?)?;
    let text = landed(
        &shown(
            &citizen,
            &format!("/reservations/mes-reservations/{theirs}"),
        )
        .await?,
    )?;
    ensure!(
        text.contains("Annulée") && text.contains("Salle fermée pour travaux"),
        "{}",
        excerpt(&text)
    );
    // Both evenings are free again.
    let chorale = host.login("chorale").await?;
    landed(&request(&chorale, "portal", &hall, "2026-12-01").await?)?;
    landed(&request(&chorale, "portal", &hall, "2026-12-02").await?)?;
    Ok(())
}

#[tokio::test]
async fn the_feed_link_and_marking_notices_read_use_the_rendered_forms() -> Result<()> {
    let (host, _agent, hall) = setup().await?;
    let citizen = host.login("citoyen").await?;
    landed(&request(&citizen, "portal", &hall, "2026-12-01").await?)?;

    // The requester's notice ("received"), then read.
    let mine = "/reservations/mes-reservations";
    let page = shown(&citizen, mine).await?;
    ensure!(unescape(&page.text).contains(">Nouveau<"));
    let read = page.form("/reservations/mes-reservations/avis-lus")?;
    let text = landed(&read.submit(&citizen).await?)?;
    ensure!(
        text.contains("Avis marqués comme lus.") && !text.contains(">Nouveau<"),
        "{}",
        excerpt(&text)
    );

    // Then the private feed link, created, then renewed from the page
    // that shows it.
    let link = form(&citizen, mine, "/reservations/mes-reservations/lien-agenda").await?;
    let text = landed(&link.submit(&citizen).await?)?;
    ensure!(
        text.contains("Votre lien d'agenda privé est prêt.") && text.contains("/reservations.ics"),
        "{}",
        excerpt(&text)
    );
    let feed_path = text
        .split('"')
        .find(|s| s.ends_with("/reservations.ics"))
        .context("no feed address")?
        .to_owned();
    let feed_path = feed_path
        .find("/agenda/")
        .map(|at| feed_path[at..].to_owned())
        .context("an agenda address")?;
    let feed = citizen.get(&format!("/reservations{feed_path}")).await?;
    ensure!(
        feed.status == 200 && feed.text.contains("BEGIN:VCALENDAR"),
        "{} {}",
        feed.status,
        feed.path
    );
    let renew = form(&citizen, mine, "/reservations/mes-reservations/lien-agenda").await?;
    let text = landed(&renew.submit(&citizen).await?)?;
    ensure!(
        !text.contains(&feed_path),
        "the renewed link is another: {}",
        excerpt(&text)
    );
    let old = citizen.get(&format!("/reservations{feed_path}")).await?;
    ensure!(
        old.status == 404,
        "the old link still answers {}",
        old.status
    );

    // The same on the extranet, for the elected official's own booking.
    let elu = host.login("elu").await?;
    landed(&request(&elu, "extranet", &hall, "2026-12-03").await?)?;
    let notices = "/extranet/reservations/avis";
    let page = shown(&elu, notices).await?;
    let read = page.form("/extranet/reservations/avis/lus")?;
    let text = landed(&read.submit(&elu).await?)?;
    ensure!(
        text.contains("Avis marqués comme lus."),
        "{}",
        excerpt(&text)
    );
    ensure!(
        shown(&elu, notices)
            .await?
            .form("/extranet/reservations/avis/lus")
            .is_err(),
        "the form stays once every notice is read"
    );
    Ok(())
}
