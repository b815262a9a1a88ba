//! End-to-end: the built booking plugin in a real Estive host (SQLite, and
//! PostgreSQL for the concurrency tests), driven through its pages by real
//! HTTP clients with cookies and CSRF tokens. Every test checks what the
//! pages show, the files they give, or the status of the answers.
//! `forms` submits every form of the plugin as it is rendered; `browser`
//! approves a request in a real Chromium.
//!
//! The clock plugins see is Saturday 28 November 2026, 09:00 in Paris.

use anyhow::{Context as _, Result, ensure};
use estive_testing::{Builder, Client, Database, PASSWORD, Page, TestHost};

mod browser;
mod forms;

const NOW: &str = "2026-11-28T09:00:00+01:00";

fn builder() -> Builder {
    TestHost::builder()
        .plugin(env!("CARGO_MANIFEST_DIR"))
        .now(NOW)
        .user("chorale", "Chorale du Louron", &["citizen", "association"])
}

/// The text of a page, with the reason when the status is not the one
/// expected.
fn expect(page: &Page, status: u16) -> Result<String> {
    ensure!(
        page.status == status,
        "expected {status}, got {} at {}:\n{}",
        page.status,
        page.path,
        excerpt(&page.text)
    );
    Ok(unescape(&page.text))
}

/// The page's text with the entities autoescaping writes turned back
/// into characters, and no-break spaces made plain, so that checks read
/// like the French they look for.
fn unescape(html: &str) -> String {
    html.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&#x2f;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .replace(['\u{a0}', '\u{202f}'], " ")
}

/// The main content of a page, for failure messages.
fn excerpt(html: &str) -> String {
    let start = html.find("<main").unwrap_or(0);
    let end = html.find("</main>").unwrap_or(html.len());
    html[start..end].chars().take(6000).collect()
}

/// Where a 303 sends the browser.
fn location(page: &Page) -> Result<String> {
    Ok(page
        .headers
        .get("location")
        .and_then(|v| v.to_str().ok())
        .context("no redirect")?
        .to_owned())
}

/// The id at the end of a redirect to `…/<id>`.
fn id_in(page: &Page) -> Result<String> {
    let loc = location(page)?;
    Ok(loc
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_owned())
}

/// The id of a resource or place from the management page's links.
fn id_on_page(html: &str, kind: &str, name: &str) -> Result<String> {
    let marker = format!("\">{name}</a>");
    let end = html
        .find(&marker)
        .with_context(|| format!("no link to {name}"))?;
    let start = html[..end]
        .rfind(&format!("/gestion/{kind}/"))
        .context("no management link")?
        + format!("/gestion/{kind}/").len();
    Ok(html[start..end].to_owned())
}

struct Room<'a> {
    name: &'a str,
    kind: &'a str,
    stock: &'a str,
    hours: &'a str,
    approval: bool,
    bookers: &'a [&'a str],
    notice: &'a str,
    horizon: &'a str,
    quota: &'a str,
    public: bool,
    place: &'a str,
}

impl Default for Room<'_> {
    fn default() -> Self {
        Room {
            name: "Salle des fêtes",
            kind: "room",
            stock: "",
            hours: "08:00-23:00",
            approval: true,
            bookers: &["staff", "elected", "association", "citizen"],
            notice: "24",
            horizon: "180",
            quota: "0",
            public: true,
            place: "",
        }
    }
}

/// The agent (a manager) creates a resource; returns its id.
async fn create(agent: &Client, room: Room<'_>) -> Result<String> {
    let mut fields: Vec<(&str, &str)> = vec![
        ("kind", room.kind),
        ("name", room.name),
        ("description", "Cuisine équipée, scène."),
        ("capacity", if room.kind == "room" { "150" } else { "" }),
        ("stock", room.stock),
        ("step_minutes", "30"),
        ("closed_on_holidays", "1"),
        ("min_notice_hours", room.notice),
        ("horizon_days", room.horizon),
        ("max_hours", "0"),
        ("quota", room.quota),
        ("active", "1"),
        ("place_id", room.place),
    ];
    for day in [
        "hours_1", "hours_2", "hours_3", "hours_4", "hours_5", "hours_6", "hours_7",
    ] {
        fields.push((day, room.hours));
    }
    for b in room.bookers {
        fields.push(("bookers", b));
    }
    if room.approval {
        fields.push(("needs_approval", "1"));
    }
    if room.public {
        fields.push(("public", "1"));
    }
    agent
        .get("/extranet/reservations/gestion/ressources/nouvelle")
        .await?;
    let page = agent
        .post_form_no_follow(
            "/extranet/reservations/gestion/ressources/nouvelle",
            &fields,
        )
        .await?;
    expect(&page, 303)?;
    let list = agent.get("/extranet/reservations/gestion").await?;
    id_on_page(&expect(&list, 200)?, "ressources", room.name)
}

/// Sends the booking form as it is on the page, with these fields.
async fn book(
    client: &Client,
    area: &str,
    resource: &str,
    fields: &[(&str, &str)],
) -> Result<Page> {
    let prefix = if area == "extranet" { "/extranet" } else { "" };
    let path = format!("{prefix}/reservations/ressources/{resource}/reserver");
    client.get(&path).await?;
    let mut all: Vec<(&str, &str)> = vec![("step", "check")];
    if !fields.iter().any(|(k, _)| *k == "purpose") {
        all.push(("purpose", "Répétition"));
    }
    all.extend_from_slice(fields);
    client.post_form_no_follow(&path, &all).await
}

async fn setup() -> Result<(TestHost, Client, String)> {
    let host = builder().start().await?;
    let agent = host.login("agent").await?;
    let hall = create(&agent, Room::default()).await?;
    Ok((host, agent, hall))
}

#[tokio::test]
async fn a_manager_sets_up_a_room_that_the_portal_lists_with_its_calendar() -> Result<()> {
    let (host, _agent, hall) = setup().await?;
    let visitor = host.client();
    let home = visitor.get("/reservations/").await?;
    let text = expect(&home, 200)?;
    ensure!(text.contains("Salle des fêtes"), "{}", excerpt(&text));
    let page = visitor
        .get(&format!(
            "/reservations/ressources/{hall}?vue=semaine&date=2026-12-01"
        ))
        .await?;
    let text = expect(&page, 200)?;
    ensure!(text.contains("150 personnes"), "{}", excerpt(&text));
    ensure!(text.contains("08:00-23:00"));
    ensure!(text.contains("calendar calendar-week"));
    ensure!(text.contains("du lundi 30 novembre 2026 au dimanche 6 décembre 2026"));
    // Anonymous visitors are asked to sign in rather than offered the form.
    ensure!(text.contains("Se connecter pour réserver"));
    Ok(())
}

const HALL_SLOT: [(&str, &str); 2] = [("start", "2026-12-01T18:00"), ("end", "2026-12-01T20:00")];

/// The resource id and the equipment: 200 folding chairs, no approval,
/// no opening hours, no notice.
async fn chairs(agent: &Client) -> Result<String> {
    create(
        agent,
        Room {
            name: "Chaises pliantes",
            kind: "equipment",
            stock: "200",
            hours: "",
            approval: false,
            notice: "0",
            ..Room::default()
        },
    )
    .await
}

#[tokio::test]
async fn a_citizen_requests_a_slot_and_an_elected_official_approves_it_with_notices_both_ways()
-> Result<()> {
    let (host, _agent, hall) = setup().await?;
    let citizen = host.login("citoyen").await?;
    let sent = book(&citizen, "portal", &hall, &HALL_SLOT).await?;
    expect(&sent, 303)?;
    let id = id_in(&sent)?;
    ensure!(location(&sent)? == format!("/reservations/mes-reservations/{id}"));
    let mine = expect(&citizen.get("/reservations/mes-reservations").await?, 200)?;
    ensure!(
        mine.contains("mardi 1er décembre 2026, 18:00 – 20:00"),
        "{}",
        excerpt(&mine)
    );
    ensure!(mine.contains("En attente"));
    ensure!(mine.contains("est enregistrée et attend une réponse"));

    let elu = host.login("elu").await?;
    let notices = expect(&elu.get("/extranet/reservations/avis").await?, 200)?;
    ensure!(
        notices.contains("demande Salle des fêtes"),
        "{}",
        excerpt(&notices)
    );
    let queue = expect(&elu.get("/extranet/reservations/approbations").await?, 200)?;
    ensure!(
        queue.contains("Une demande attend une décision."),
        "{}",
        excerpt(&queue)
    );
    let dashboard = expect(&elu.get("/extranet/").await?, 200)?;
    ensure!(
        dashboard.contains("Réservations à approuver"),
        "{}",
        excerpt(&dashboard)
    );
    ensure!(dashboard.contains("Une demande attend une décision."));

    let decided = elu
        .post_form_no_follow(
            &format!("/extranet/reservations/reservations/{id}/decision"),
            &[
                ("decision", "approve"),
                ("reason", "Clés à l'accueil de la mairie"),
            ],
        )
        .await?;
    expect(&decided, 303)?;
    let mine = expect(&citizen.get("/reservations/mes-reservations").await?, 200)?;
    ensure!(mine.contains("Confirmée"), "{}", excerpt(&mine));
    ensure!(mine.contains("a approuvé votre réservation de Salle des fêtes"));
    ensure!(mine.contains("Clés à l'accueil de la mairie"));
    // The request no longer waits for approvers.
    let notices = expect(&elu.get("/extranet/reservations/avis").await?, 200)?;
    ensure!(
        !notices.contains("demande Salle des fêtes"),
        "{}",
        excerpt(&notices)
    );
    let queue = expect(&elu.get("/extranet/reservations/approbations").await?, 200)?;
    ensure!(queue.contains("Aucune demande en attente"));
    Ok(())
}

#[tokio::test]
async fn a_refusal_needs_a_reason_which_the_requester_then_reads() -> Result<()> {
    let (host, _agent, hall) = setup().await?;
    let citizen = host.login("citoyen").await?;
    let id = id_in(&book(&citizen, "portal", &hall, &HALL_SLOT).await?)?;
    let elu = host.login("elu").await?;
    elu.get(&format!("/extranet/reservations/reservations/{id}"))
        .await?;
    let path = format!("/extranet/reservations/reservations/{id}/decision");
    let bare = elu
        .post_form_no_follow(&path, &[("decision", "refuse")])
        .await?;
    let text = expect(&bare, 422)?;
    ensure!(
        text.contains("Indiquez le motif du refus."),
        "{}",
        excerpt(&text)
    );
    let refused = elu
        .post_form_no_follow(
            &path,
            &[("decision", "refuse"), ("reason", "Salle en travaux")],
        )
        .await?;
    expect(&refused, 303)?;
    let page = expect(
        &citizen
            .get(&format!("/reservations/mes-reservations/{id}"))
            .await?,
        200,
    )?;
    ensure!(
        page.contains("Refusée") && page.contains("Salle en travaux"),
        "{}",
        excerpt(&page)
    );
    // Refused, the slot is free again.
    let chorale = host.login("chorale").await?;
    expect(&book(&chorale, "portal", &hall, &HALL_SLOT).await?, 303)?;
    Ok(())
}

#[tokio::test]
async fn an_end_before_the_start_is_refused_with_a_clear_message() -> Result<()> {
    let (host, _agent, hall) = setup().await?;
    let citizen = host.login("citoyen").await?;
    let page = book(
        &citizen,
        "portal",
        &hall,
        &[("start", "2026-12-01T20:00"), ("end", "2026-12-01T18:00")],
    )
    .await?;
    let text = expect(&page, 422)?;
    ensure!(
        text.contains("La fin doit être après le début."),
        "{}",
        excerpt(&text)
    );
    ensure!(text.contains("error-summary") && text.contains("href=\"#booking-end\""));
    // The form keeps what was typed.
    ensure!(text.contains("value=\"2026-12-01T20:00\""));
    // Every error is reported at once, the fields' and the slot's.
    let both = book(
        &citizen,
        "portal",
        &hall,
        &[
            ("purpose", ""),
            ("start", "2026-12-01T20:00"),
            ("end", "2026-12-01T18:00"),
        ],
    )
    .await?;
    let text = expect(&both, 422)?;
    // The count of errors starts the document's title, not the heading.
    ensure!(
        both.title().starts_with("Erreur : 2 champs à corriger – "),
        "{}",
        both.title()
    );
    ensure!(!both.heading().contains("Erreur"), "{}", both.heading());
    ensure!(
        text.contains("Ce champ est obligatoire.")
            && text.contains("La fin doit être après le début.")
    );
    Ok(())
}

#[tokio::test]
async fn a_slot_outside_opening_hours_is_refused() -> Result<()> {
    let (host, _agent, hall) = setup().await?;
    let citizen = host.login("citoyen").await?;
    let page = book(
        &citizen,
        "portal",
        &hall,
        &[("start", "2026-12-01T22:00"), ("end", "2026-12-01T23:30")],
    )
    .await?;
    let text = expect(&page, 422)?;
    ensure!(
        text.contains("Ce créneau sort des horaires d'ouverture"),
        "{}",
        excerpt(&text)
    );
    Ok(())
}

#[tokio::test]
async fn a_slot_outside_the_booking_window_is_refused() -> Result<()> {
    let (host, _agent, hall) = setup().await?;
    let citizen = host.login("citoyen").await?;
    let soon = book(
        &citizen,
        "portal",
        &hall,
        &[("start", "2026-11-28T18:00"), ("end", "2026-11-28T20:00")],
    )
    .await?;
    let text = expect(&soon, 422)?;
    ensure!(
        text.contains("Réservez au moins 24 heures à l'avance."),
        "{}",
        excerpt(&text)
    );
    let far = book(
        &citizen,
        "portal",
        &hall,
        &[("start", "2027-07-01T18:00"), ("end", "2027-07-01T20:00")],
    )
    .await?;
    let text = expect(&far, 422)?;
    ensure!(
        text.contains("plus de 180 jours à l'avance"),
        "{}",
        excerpt(&text)
    );
    let past = book(
        &citizen,
        "portal",
        &hall,
        &[("start", "2026-11-27T18:00"), ("end", "2026-11-27T20:00")],
    )
    .await?;
    ensure!(expect(&past, 422)?.contains("Ce créneau est déjà passé"));
    Ok(())
}

#[tokio::test]
async fn a_quantity_over_the_stock_is_refused() -> Result<()> {
    let (host, agent, _hall) = setup().await?;
    let chairs = chairs(&agent).await?;
    let citizen = host.login("citoyen").await?;
    let page = book(
        &citizen,
        "portal",
        &chairs,
        &[
            ("start", "2026-12-05T10:00"),
            ("end", "2026-12-07T10:00"),
            ("quantity", "250"),
        ],
    )
    .await?;
    let text = expect(&page, 422)?;
    ensure!(
        text.contains("La quantité dépasse le stock : 200 au plus."),
        "{}",
        excerpt(&text)
    );
    Ok(())
}

#[tokio::test]
async fn a_recurrence_without_end_is_refused() -> Result<()> {
    let (host, _agent, hall) = setup().await?;
    let chorale = host.login("chorale").await?;
    let mut fields = HALL_SLOT.to_vec();
    fields.extend([("repeat", "weekly"), ("interval", "1")]);
    let text = expect(&book(&chorale, "portal", &hall, &fields).await?, 422)?;
    ensure!(
        text.contains("Indiquez la dernière date de la répétition."),
        "{}",
        excerpt(&text)
    );
    Ok(())
}

#[tokio::test]
async fn a_recurrence_over_a_year_is_refused() -> Result<()> {
    let (host, _agent, hall) = setup().await?;
    let chorale = host.login("chorale").await?;
    let mut fields = HALL_SLOT.to_vec();
    fields.extend([
        ("repeat", "weekly"),
        ("interval", "1"),
        ("until", "2027-12-31"),
    ]);
    let text = expect(&book(&chorale, "portal", &hall, &fields).await?, 422)?;
    ensure!(
        text.contains("Une répétition dure au plus un an"),
        "{}",
        excerpt(&text)
    );
    Ok(())
}

#[tokio::test]
async fn a_quota_exceeded_is_refused() -> Result<()> {
    let host = builder().start().await?;
    let agent = host.login("agent").await?;
    let room = create(
        &agent,
        Room {
            name: "Salle de réunion",
            quota: "1",
            ..Room::default()
        },
    )
    .await?;
    let citizen = host.login("citoyen").await?;
    expect(&book(&citizen, "portal", &room, &HALL_SLOT).await?, 303)?;
    let second = book(
        &citizen,
        "portal",
        &room,
        &[("start", "2026-12-02T18:00"), ("end", "2026-12-02T20:00")],
    )
    .await?;
    let text = expect(&second, 422)?;
    ensure!(
        text.contains("c'est la limite par personne"),
        "{}",
        excerpt(&text)
    );
    // Someone else is not held by the citizen's quota.
    let chorale = host.login("chorale").await?;
    expect(
        &book(
            &chorale,
            "portal",
            &room,
            &[("start", "2026-12-02T18:00"), ("end", "2026-12-02T20:00")],
        )
        .await?,
        303,
    )?;
    Ok(())
}

#[tokio::test]
async fn an_overlapping_request_is_refused_and_a_touching_one_accepted() -> Result<()> {
    let (host, _agent, hall) = setup().await?;
    let citizen = host.login("citoyen").await?;
    expect(&book(&citizen, "portal", &hall, &HALL_SLOT).await?, 303)?;
    let chorale = host.login("chorale").await?;
    let clash = book(
        &chorale,
        "portal",
        &hall,
        &[("start", "2026-12-01T19:00"), ("end", "2026-12-01T21:00")],
    )
    .await?;
    let text = expect(&clash, 409)?;
    ensure!(
        text.contains("Ce créneau vient d'être réservé"),
        "{}",
        excerpt(&text)
    );
    let after = book(
        &chorale,
        "portal",
        &hall,
        &[("start", "2026-12-01T20:00"), ("end", "2026-12-01T22:00")],
    )
    .await?;
    expect(&after, 303)?;
    // The extranet calendar shows both, with who booked.
    let elu = host.login("elu").await?;
    let week = expect(
        &elu.get(&format!(
            "/extranet/reservations/ressources/{hall}?vue=semaine&date=2026-12-01"
        ))
        .await?,
        200,
    )?;
    ensure!(
        week.contains("18:00 – 20:00") && week.contains("20:00 – 22:00"),
        "{}",
        excerpt(&week)
    );
    ensure!(week.contains("Chorale du Louron"));
    Ok(())
}

#[tokio::test]
async fn equipment_loans_share_the_stock_at_their_busiest_moment() -> Result<()> {
    let (host, agent, _hall) = setup().await?;
    let chairs = chairs(&agent).await?;
    let citizen = host.login("citoyen").await?;
    let chorale = host.login("chorale").await?;
    let first = book(
        &citizen,
        "portal",
        &chairs,
        &[
            ("start", "2026-12-05T10:00"),
            ("end", "2026-12-07T10:00"),
            ("quantity", "120"),
        ],
    )
    .await?;
    expect(&first, 303)?;
    let too_many = book(
        &chorale,
        "portal",
        &chairs,
        &[
            ("start", "2026-12-06T10:00"),
            ("end", "2026-12-06T18:00"),
            ("quantity", "100"),
        ],
    )
    .await?;
    let text = expect(&too_many, 409)?;
    ensure!(
        text.contains("Il ne reste que 80 unités disponibles"),
        "{}",
        excerpt(&text)
    );
    let rest = book(
        &chorale,
        "portal",
        &chairs,
        &[
            ("start", "2026-12-06T10:00"),
            ("end", "2026-12-06T18:00"),
            ("quantity", "80"),
        ],
    )
    .await?;
    expect(&rest, 303)?;
    // Booked at once (no approval), and the month shows none left that day.
    let page = expect(&chorale.get(&location(&rest)?).await?, 200)?;
    ensure!(page.contains("Confirmée"), "{}", excerpt(&page));
    let month = expect(
        &chorale
            .get(&format!(
                "/reservations/ressources/{chairs}?vue=mois&date=2026-12-01"
            ))
            .await?,
        200,
    )?;
    ensure!(month.contains("aucune disponible"), "{}", excerpt(&month));
    ensure!(month.contains("80 disponibles"));
    Ok(())
}

#[tokio::test]
async fn a_weekly_recurrence_lists_its_clash_and_books_only_the_free_dates_when_confirmed()
-> Result<()> {
    let (host, _agent, hall) = setup().await?;
    let citizen = host.login("citoyen").await?;
    expect(
        &book(
            &citizen,
            "portal",
            &hall,
            &[("start", "2026-12-08T18:00"), ("end", "2026-12-08T20:00")],
        )
        .await?,
        303,
    )?;
    let chorale = host.login("chorale").await?;
    let mut fields = HALL_SLOT.to_vec();
    fields.extend([
        ("repeat", "weekly"),
        ("interval", "1"),
        ("weekdays", "2"),
        ("until", "2026-12-29"),
    ]);
    let preview = expect(&book(&chorale, "portal", &hall, &fields).await?, 200)?;
    ensure!(
        preview.contains("La répétition donne 5 dates, dont 4 libres."),
        "{}",
        excerpt(&preview)
    );
    ensure!(preview.contains("mardi 8 décembre 2026, 18:00 – 20:00"));
    ensure!(preview.contains("déjà réservée"));
    ensure!(preview.contains("Réserver seulement les 4 dates libres"));
    // Nothing is saved by the preview.
    let mine = expect(&chorale.get("/reservations/mes-reservations").await?, 200)?;
    ensure!(
        mine.contains("Aucune réservation à venir"),
        "{}",
        excerpt(&mine)
    );

    let path = format!("/reservations/ressources/{hall}/reserver");
    let mut confirm = fields.clone();
    confirm.retain(|(k, _)| *k != "step");
    confirm.extend([
        ("purpose", "Répétition"),
        ("step", "confirm"),
        ("mode", "all"),
    ]);
    let all = chorale.post_form_no_follow(&path, &confirm).await?;
    let text = expect(&all, 409)?;
    ensure!(text.contains("rien n'a été réservé"), "{}", excerpt(&text));
    confirm.retain(|(k, _)| *k != "mode");
    confirm.push(("mode", "free"));
    let free = chorale.post_form_no_follow(&path, &confirm).await?;
    expect(&free, 303)?;
    let page = expect(&chorale.get(&location(&free)?).await?, 200)?;
    ensure!(
        page.contains("Les 4 dates de la série"),
        "{}",
        excerpt(&page)
    );
    ensure!(!page.contains("mardi 8 décembre 2026, 18:00 – 20:00"));
    ensure!(page.contains("mardi 29 décembre 2026, 18:00 – 20:00"));
    // Approvers hear of the series once.
    let elu = host.login("elu").await?;
    let notices = expect(&elu.get("/extranet/reservations/avis").await?, 200)?;
    ensure!(notices.contains("(4 dates)"), "{}", excerpt(&notices));
    Ok(())
}

#[tokio::test]
async fn a_whole_series_is_booked_at_once_when_every_date_is_free() -> Result<()> {
    let (_host, agent, hall) = setup().await?;
    let mut fields = HALL_SLOT.to_vec();
    fields.extend([
        ("repeat", "monthly_weekday"),
        ("interval", "1"),
        ("until", "2027-03-31"),
    ]);
    let preview = expect(&book(&agent, "extranet", &hall, &fields).await?, 200)?;
    // The 1st Tuesday: 1 December, 5 January, 2 February, 2 March.
    ensure!(
        preview.contains("mardi 2 mars 2027, 18:00 – 20:00"),
        "{}",
        excerpt(&preview)
    );
    let path = format!("/extranet/reservations/ressources/{hall}/reserver");
    let mut confirm = fields.clone();
    confirm.extend([
        ("purpose", "Conseil communautaire"),
        ("step", "confirm"),
        ("mode", "all"),
    ]);
    let done = agent.post_form_no_follow(&path, &confirm).await?;
    expect(&done, 303)?;
    let page = expect(&agent.get(&location(&done)?).await?, 200)?;
    ensure!(
        page.contains("Les 4 dates de la série"),
        "{}",
        excerpt(&page)
    );
    // Staff hold booking.approve: their own bookings need no approval.
    ensure!(page.contains("Confirmée"));
    Ok(())
}

#[tokio::test]
async fn public_holidays_close_the_room_and_school_holidays_are_skipped_on_request() -> Result<()> {
    let host = builder()
        .setting(
            "booking",
            "school_holidays",
            vec!["2026-12-19..2027-01-03 Vacances de Noël"],
        )
        .start()
        .await?;
    let agent = host.login("agent").await?;
    let hall = create(&agent, Room::default()).await?;
    let chorale = host.login("chorale").await?;
    let christmas = book(
        &chorale,
        "portal",
        &hall,
        &[("start", "2026-12-25T18:00"), ("end", "2026-12-25T20:00")],
    )
    .await?;
    let text = expect(&christmas, 422)?;
    ensure!(text.contains("jour férié : Noël"), "{}", excerpt(&text));

    // Fridays from 18 December to 8 January: Christmas and New Year's Day
    // are closed.
    let fridays = [
        ("start", "2026-12-18T18:00"),
        ("end", "2026-12-18T20:00"),
        ("repeat", "weekly"),
        ("interval", "1"),
        ("until", "2027-01-08"),
    ];
    let preview = expect(&book(&chorale, "portal", &hall, &fridays).await?, 200)?;
    ensure!(
        preview.contains("jour férié : Noël"),
        "{}",
        excerpt(&preview)
    );
    ensure!(preview.contains("jour férié : Jour de l'an"));
    ensure!(preview.contains("La répétition donne 4 dates, dont 2 libres."));

    // Tuesdays with school holidays skipped.
    let tuesdays = [
        ("start", "2026-12-15T18:00"),
        ("end", "2026-12-15T20:00"),
        ("repeat", "weekly"),
        ("interval", "1"),
        ("until", "2027-01-12"),
        ("skip_school", "1"),
    ];
    let preview = expect(&book(&chorale, "portal", &hall, &tuesdays).await?, 200)?;
    ensure!(
        preview.matches("Sautée").count() == 2,
        "{}",
        excerpt(&preview)
    );
    ensure!(preview.contains("Réserver les 3 dates"));
    Ok(())
}

/// Every line of an iCalendar file ends with CRLF and holds at most 75
/// octets.
fn check_ical(body: &str) -> Result<()> {
    ensure!(
        body.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
        "{body}"
    );
    ensure!(body.ends_with("END:VCALENDAR\r\n"));
    ensure!(!body.replace("\r\n", "").contains('\n'), "bare line feed");
    for line in body.split("\r\n") {
        ensure!(line.len() <= 75, "line of {} octets: {line}", line.len());
    }
    Ok(())
}

#[tokio::test]
async fn the_resource_feed_is_ical_that_hides_purposes_unless_allowed() -> Result<()> {
    let (host, _agent, hall) = setup().await?;
    let citizen = host.login("citoyen").await?;
    expect(&book(&citizen, "portal", &hall, &HALL_SLOT).await?, 303)?;
    let chorale = host.login("chorale").await?;
    let public = book(
        &chorale,
        "portal",
        &hall,
        &[
            ("start", "2026-12-02T18:00"),
            ("end", "2026-12-02T20:00"),
            ("purpose", "Loto de l'école, 2e édition; entrée libre"),
            ("show_publicly", "1"),
        ],
    )
    .await?;
    expect(&public, 303)?;
    let feed = host
        .client()
        .get(&format!("/reservations/ressources/{hall}/agenda.ics"))
        .await?;
    ensure!(feed.status == 200);
    let content_type = feed
        .headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    ensure!(content_type.starts_with("text/calendar"), "{content_type}");
    check_ical(&feed.text)?;
    let unfolded = feed.text.replace("\r\n ", "");
    ensure!(
        unfolded.contains("DTSTART;TZID=Europe/Paris:20261201T180000"),
        "{unfolded}"
    );
    ensure!(unfolded.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris"));
    ensure!(unfolded.contains("STATUS:TENTATIVE"));
    ensure!(unfolded.contains("SUMMARY:Réservé\r\n"));
    ensure!(
        unfolded
            .contains("SUMMARY:Loto de l'école\\, 2e édition\\; entrée libre — Chorale du Louron")
            || unfolded.contains("SUMMARY:Loto de l'école\\, 2e édition\\; entrée libre\r\n")
    );
    ensure!(!unfolded.contains("Répétition"), "a private purpose leaked");
    ensure!(unfolded.contains("UID:booking-") && unfolded.contains("DTSTAMP:"));
    Ok(())
}

#[tokio::test]
async fn the_private_feed_needs_its_secret_and_renewing_it_retires_the_old_link() -> Result<()> {
    let (host, _agent, hall) = setup().await?;
    let citizen = host.login("citoyen").await?;
    expect(&book(&citizen, "portal", &hall, &HALL_SLOT).await?, 303)?;
    citizen.get("/reservations/mes-reservations").await?;
    let made = citizen
        .post_form("/reservations/mes-reservations/lien-agenda", &[])
        .await?;
    let text = expect(&made, 200)?;
    let token = feed_token(&text)?;
    let anonymous = host.client();
    let feed = anonymous
        .get(&format!("/reservations/agenda/{token}/reservations.ics"))
        .await?;
    ensure!(feed.status == 200, "status {}", feed.status);
    check_ical(&feed.text)?;
    ensure!(
        feed.text
            .replace("\r\n ", "")
            .contains("SUMMARY:Salle des fêtes – Répétition")
    );
    let renewed = citizen
        .post_form("/reservations/mes-reservations/lien-agenda", &[])
        .await?;
    let new_token = feed_token(&expect(&renewed, 200)?)?;
    ensure!(new_token != token);
    let old = anonymous
        .get(&format!("/reservations/agenda/{token}/reservations.ics"))
        .await?;
    ensure!(old.status == 404, "old link still answers {}", old.status);
    let guessed = anonymous
        .get("/reservations/agenda/00000000000000000000000000000000/reservations.ics")
        .await?;
    ensure!(guessed.status == 404);
    Ok(())
}

/// The secret in the private feed's address shown on "my bookings".
fn feed_token(html: &str) -> Result<String> {
    let at =
        html.find("/reservations/agenda/").context("no feed link")? + "/reservations/agenda/".len();
    Ok(html[at..at + 32].to_owned())
}

#[tokio::test]
async fn keys_are_handed_over_then_returned_once() -> Result<()> {
    let (host, agent, hall) = setup().await?;
    let citizen = host.login("citoyen").await?;
    let id = id_in(&book(&citizen, "portal", &hall, &HALL_SLOT).await?)?;
    let base = format!("/extranet/reservations/reservations/{id}");
    agent.get(&base).await?;
    expect(
        &agent
            .post_form_no_follow(&format!("{base}/decision"), &[("decision", "approve")])
            .await?,
        303,
    )?;
    let due = expect(&agent.get("/extranet/reservations/remises").await?, 200)?;
    ensure!(
        due.contains("mardi 1er décembre 2026, 18:00 – 20:00"),
        "{}",
        excerpt(&due)
    );
    let remise = format!("{base}/remise");
    expect(
        &agent
            .post_form_no_follow(&remise, &[("action", "handover"), ("note", "Clé n° 3")])
            .await?,
        303,
    )?;
    let again = agent
        .post_form_no_follow(&remise, &[("action", "handover"), ("note", "Clé n° 4")])
        .await?;
    expect(&again, 409)?;
    let out = expect(&agent.get("/extranet/reservations/remises").await?, 200)?;
    ensure!(out.contains("Clés et matériel sortis") && !out.contains("Rien n'est sorti."));
    expect(
        &agent
            .post_form_no_follow(
                &remise,
                &[("action", "return"), ("note", "Rendue, salle propre")],
            )
            .await?,
        303,
    )?;
    let page = expect(&agent.get(&base).await?, 200)?;
    ensure!(
        page.contains("Clé n° 3") && page.contains("Rendue, salle propre"),
        "{}",
        excerpt(&page)
    );
    let out = expect(&agent.get("/extranet/reservations/remises").await?, 200)?;
    ensure!(out.contains("Rien n'est sorti."));
    Ok(())
}

#[tokio::test]
async fn cancelling_frees_the_slot_and_tells_the_approvers() -> Result<()> {
    let (host, _agent, hall) = setup().await?;
    let citizen = host.login("citoyen").await?;
    let id = id_in(&book(&citizen, "portal", &hall, &HALL_SLOT).await?)?;
    let page = format!("/reservations/mes-reservations/{id}");
    citizen.get(&page).await?;
    let cancelled = citizen
        .post_form_no_follow(
            &format!("{page}/annuler"),
            &[("cancel_reason", "Réunion reportée")],
        )
        .await?;
    expect(&cancelled, 303)?;
    let text = expect(&citizen.get(&page).await?, 200)?;
    ensure!(
        text.contains("Annulée") && text.contains("Réunion reportée"),
        "{}",
        excerpt(&text)
    );
    let elu = host.login("elu").await?;
    let notices = expect(&elu.get("/extranet/reservations/avis").await?, 200)?;
    ensure!(
        notices.contains("a annulé la réservation de Salle des fêtes"),
        "{}",
        excerpt(&notices)
    );
    ensure!(!notices.contains("demande Salle des fêtes"));
    let chorale = host.login("chorale").await?;
    expect(&book(&chorale, "portal", &hall, &HALL_SLOT).await?, 303)?;
    Ok(())
}

#[tokio::test]
async fn someone_elses_booking_is_not_shown_and_a_resource_for_associations_refuses_citizens()
-> Result<()> {
    let (host, agent, hall) = setup().await?;
    let citizen = host.login("citoyen").await?;
    let id = id_in(&book(&citizen, "portal", &hall, &HALL_SLOT).await?)?;
    let chorale = host.login("chorale").await?;
    let other = chorale
        .get(&format!("/reservations/mes-reservations/{id}"))
        .await?;
    ensure!(other.status == 404, "status {}", other.status);
    let room = create(
        &agent,
        Room {
            name: "Salle associative",
            bookers: &["association"],
            ..Room::default()
        },
    )
    .await?;
    let form = citizen
        .get(&format!("/reservations/ressources/{room}/reserver"))
        .await?;
    ensure!(form.status == 403, "status {}", form.status);
    let form = chorale
        .get(&format!("/reservations/ressources/{room}/reserver"))
        .await?;
    expect(&form, 200)?;
    Ok(())
}

#[tokio::test]
async fn today_in_our_rooms_shows_on_the_portal_without_private_details() -> Result<()> {
    let (host, _agent, hall) = setup().await?;
    let citizen = host.login("citoyen").await?;
    expect(&book(&citizen, "portal", &hall, &HALL_SLOT).await?, 303)?;
    host.set_now("2026-12-01T09:00:00+01:00");
    let home = expect(&host.client().get("/").await?, 200)?;
    ensure!(
        home.contains("Aujourd'hui dans nos salles"),
        "{}",
        excerpt(&home)
    );
    ensure!(home.contains("18:00 – 20:00") && home.contains("Réservé"));
    ensure!(!home.contains("Répétition"));
    Ok(())
}

#[tokio::test]
async fn the_pages_speak_english_when_asked() -> Result<()> {
    let (host, _agent, hall) = setup().await?;
    let citizen = host.login("citoyen").await?;
    citizen.get("/langue/en?next=/").await?;
    let home = expect(&citizen.get("/reservations/").await?, 200)?;
    ensure!(
        home.contains("Book a room or equipment"),
        "{}",
        excerpt(&home)
    );
    let form = expect(
        &citizen
            .get(&format!("/reservations/ressources/{hall}/reserver"))
            .await?,
        200,
    )?;
    ensure!(form.contains("Send the request") && form.contains("Every N weeks"));
    Ok(())
}

/// 50 requests for the same slot at the same moment, from five accounts:
/// exactly one is accepted, the others are told the slot is taken.
async fn fifty_requests_for_one_slot(db: Database) -> Result<()> {
    let host = builder()
        .database(db)
        .user(
            "orchestre",
            "Harmonie de la vallée",
            &["citizen", "association"],
        )
        .start()
        .await?;
    let agent = host.login("agent").await?;
    let hall = create(&agent, Room::default()).await?;
    let path = format!("/reservations/ressources/{hall}/reserver");
    let mut clients = Vec::new();
    for name in ["citoyen", "chorale", "orchestre", "elu", "agent"] {
        let c = host.login(name).await?;
        expect(&c.get(&path).await?, 200)?;
        clients.push(c);
    }
    let mut requests = tokio::task::JoinSet::new();
    for n in 0..50 {
        let client = clients[n % clients.len()].clone();
        let path = path.clone();
        requests.spawn(async move {
            client
                .post_form_no_follow(
                    &path,
                    &[
                        ("purpose", "Répétition"),
                        ("start", "2026-12-01T18:00"),
                        ("end", "2026-12-01T20:00"),
                    ],
                )
                .await
                .map(|p| p.status)
        });
    }
    let mut statuses = Vec::new();
    while let Some(done) = requests.join_next().await {
        statuses.push(done??);
    }
    let accepted = statuses.iter().filter(|s| **s == 303).count();
    let refused = statuses.iter().filter(|s| **s == 409).count();
    // On a loaded machine the host may shed a request that waited longer
    // than the plugin's deadline for a free instance (503); that request is
    // not accepted either, and the others must still be refused.
    let shed = statuses.iter().filter(|s| **s == 503).count();
    ensure!(
        accepted == 1 && refused + shed == 49 && refused >= 40,
        "statuses: {statuses:?}"
    );
    // One booking, and only one, holds the slot.
    let week = expect(
        &agent
            .get(&format!(
                "/extranet/reservations/ressources/{hall}?vue=semaine&date=2026-12-01"
            ))
            .await?,
        200,
    )?;
    ensure!(
        week.matches("18:00 – 20:00").count() == 1,
        "{}",
        excerpt(&week)
    );
    Ok(())
}

#[tokio::test]
async fn fifty_concurrent_requests_for_the_same_slot_accept_exactly_one_on_sqlite() -> Result<()> {
    fifty_requests_for_one_slot(Database::Sqlite).await
}

#[tokio::test]
async fn fifty_concurrent_requests_for_the_same_slot_accept_exactly_one_on_postgresql() -> Result<()>
{
    fifty_requests_for_one_slot(Database::postgres()).await
}

#[tokio::test]
async fn concurrent_equipment_requests_never_lend_more_than_the_stock_on_postgresql() -> Result<()>
{
    let host = builder().database(Database::postgres()).start().await?;
    let agent = host.login("agent").await?;
    let chairs = chairs(&agent).await?;
    let path = format!("/reservations/ressources/{chairs}/reserver");
    let mut clients = Vec::new();
    for name in ["citoyen", "chorale", "elu", "agent"] {
        let c = host.login(name).await?;
        expect(&c.get(&path).await?, 200)?;
        clients.push(c);
    }
    // 20 requests of 30 chairs over overlapping days: at most 6 fit.
    let mut requests = tokio::task::JoinSet::new();
    for n in 0..20 {
        let client = clients[n % clients.len()].clone();
        let path = path.clone();
        let (start, end) = if n % 2 == 0 {
            ("2026-12-05T10:00", "2026-12-07T10:00")
        } else {
            ("2026-12-06T10:00", "2026-12-08T10:00")
        };
        requests.spawn(async move {
            client
                .post_form_no_follow(
                    &path,
                    &[
                        ("purpose", "Fête de village"),
                        ("start", start),
                        ("end", end),
                        ("quantity", "30"),
                    ],
                )
                .await
                .map(|p| p.status)
        });
    }
    let mut statuses = Vec::new();
    while let Some(done) = requests.join_next().await {
        statuses.push(done??);
    }
    let accepted = statuses.iter().filter(|s| **s == 303).count();
    ensure!(accepted == 6, "statuses: {statuses:?}");
    ensure!(
        statuses.iter().all(|s| *s == 303 || *s == 409),
        "statuses: {statuses:?}"
    );
    let month = expect(
        &agent
            .get(&format!(
                "/extranet/reservations/ressources/{chairs}?vue=mois&date=2026-12-01"
            ))
            .await?,
        200,
    )?;
    // Six loans of 30 out of 200 overlap on 6 December: 20 are left.
    ensure!(month.contains("20 disponibles"), "{}", excerpt(&month));
    Ok(())
}

/// 50 simultaneous requests of `quantity` of the 200 chairs, each
/// starting half an hour after the one before and all out on 6 December
/// at 00:30: 200 / `quantity` of them fit, exactly. Every request starts
/// inside the slots of those before it, so the bookings each one read
/// beforehand are out of date by the time its transaction runs — the case
/// where the optimistic check used to give up with « Beaucoup de
/// demandes… réessayez » while chairs were left.
async fn fifty_staggered_equipment_requests(db: Database, quantity: usize) -> Result<()> {
    let host = builder()
        .database(db)
        .user(
            "orchestre",
            "Harmonie de la vallée",
            &["citizen", "association"],
        )
        .start()
        .await?;
    let agent = host.login("agent").await?;
    let chairs = chairs(&agent).await?;
    let path = format!("/reservations/ressources/{chairs}/reserver");
    let mut clients = Vec::new();
    for name in ["citoyen", "chorale", "orchestre", "elu", "agent"] {
        let c = host.login(name).await?;
        expect(&c.get(&path).await?, 200)?;
        clients.push(c);
    }
    let mut requests = tokio::task::JoinSet::new();
    for n in 0..50u32 {
        let client = clients[n as usize % clients.len()].clone();
        let path = path.clone();
        let quantity = quantity.to_string();
        let start = format!(
            "2026-12-{:02}T{:02}:{:02}",
            5 + n / 48,
            (n % 48) / 2,
            (n % 2) * 30
        );
        requests.spawn(async move {
            client
                .post_form_no_follow(
                    &path,
                    &[
                        ("purpose", "Fête de village"),
                        ("start", start.as_str()),
                        ("end", "2026-12-08T10:00"),
                        ("quantity", quantity.as_str()),
                    ],
                )
                .await
                .map(|p| (p.status, unescape(&p.text)))
        });
    }
    let mut answers = Vec::new();
    while let Some(done) = requests.join_next().await {
        answers.push(done??);
    }
    let statuses: Vec<u16> = answers.iter().map(|(s, _)| *s).collect();
    let accepted = statuses.iter().filter(|s| **s == 303).count();
    let busy = answers
        .iter()
        .filter(|(_, text)| text.contains("Beaucoup de demandes"))
        .count();
    // A request shed by a loaded host (503) is not accepted either.
    let shed = statuses.iter().filter(|s| **s == 503).count();
    let fit = (200 / quantity).min(50 - shed);
    // Refused while chairs were left: fewer accepted than fit, or a "try
    // again"; lent twice: more.
    ensure!(
        accepted == fit && busy == 0,
        "{accepted} accepted of {fit} that fit, {busy} told to try again: {statuses:?}"
    );
    for (status, text) in &answers {
        // Every refusal says the chairs are out.
        ensure!(
            *status == 303
                || *status == 503
                || *status == 409
                    && (text.contains("Plus aucune unité n'est disponible")
                        || text.contains("Il ne reste que")
                        || text.contains("Il ne reste plus assez de matériel")),
            "{status}: {}",
            excerpt(text)
        );
    }
    // None left at the busiest moment, even for one chair more.
    let one_more = book(
        &clients[0],
        "portal",
        &chairs,
        &[
            ("start", "2026-12-06T06:00"),
            ("end", "2026-12-06T07:00"),
            ("quantity", "1"),
        ],
    )
    .await?;
    let text = expect(&one_more, 409)?;
    ensure!(
        text.contains("Plus aucune unité n'est disponible"),
        "{}",
        excerpt(&text)
    );
    let month = expect(
        &agent
            .get(&format!(
                "/extranet/reservations/ressources/{chairs}?vue=mois&date=2026-12-01"
            ))
            .await?,
        200,
    )?;
    ensure!(month.contains("aucune disponible"), "{}", excerpt(&month));
    Ok(())
}

#[tokio::test]
async fn fifty_staggered_equipment_requests_are_refused_only_when_the_chairs_are_out_on_sqlite()
-> Result<()> {
    fifty_staggered_equipment_requests(Database::Sqlite, 8).await
}

#[tokio::test]
async fn fifty_staggered_equipment_requests_are_refused_only_when_the_chairs_are_out_on_postgresql()
-> Result<()> {
    fifty_staggered_equipment_requests(Database::postgres(), 8).await
}

/// 50 requests of 4 chairs: all fit, so any refusal is one too many.
#[tokio::test]
async fn fifty_staggered_equipment_requests_that_all_fit_are_all_accepted_on_postgresql()
-> Result<()> {
    fifty_staggered_equipment_requests(Database::postgres(), 4).await
}

#[tokio::test]
async fn every_page_answers_in_french_and_in_english() -> Result<()> {
    let host = builder().start().await?;
    let agent = host.login("agent").await?;
    agent
        .get("/extranet/reservations/gestion/lieux/nouveau")
        .await?;
    let made = agent
        .post_form_no_follow(
            "/extranet/reservations/gestion/lieux/nouveau",
            &[
                ("name", "Maison des associations"),
                ("address", "1 place de la Mairie, Arreau"),
                ("description", "Clés à l'accueil."),
            ],
        )
        .await?;
    expect(&made, 303)?;
    let list = expect(&agent.get("/extranet/reservations/gestion").await?, 200)?;
    let place = id_on_page(&list, "lieux", "Maison des associations")?;
    let hall = create(
        &agent,
        Room {
            place: &place,
            ..Room::default()
        },
    )
    .await?;
    let chairs = chairs(&agent).await?;
    let citizen = host.login("citoyen").await?;
    let mut fields = HALL_SLOT.to_vec();
    fields.extend([
        ("repeat", "daily"),
        ("interval", "1"),
        ("until", "2026-12-03"),
    ]);
    let preview = book(&citizen, "portal", &hall, &fields).await?;
    expect(&preview, 200)?;
    let path = format!("/reservations/ressources/{hall}/reserver");
    let mut confirm = fields.clone();
    confirm.extend([
        ("purpose", "Stage de danse"),
        ("step", "confirm"),
        ("mode", "all"),
    ]);
    let series = citizen.post_form_no_follow(&path, &confirm).await?;
    expect(&series, 303)?;
    let id = id_in(&series)?;
    for lang in ["fr", "en"] {
        for client in [&agent, &citizen] {
            client.get(&format!("/langue/{lang}?next=/")).await?;
        }
        let portal = [
            "/reservations/".to_owned(),
            format!("/reservations/ressources/{hall}"),
            format!("/reservations/ressources/{hall}?vue=mois&date=2026-12-01"),
            format!("/reservations/ressources/{chairs}?vue=semaine&date=2026-12-01"),
            format!("/reservations/lieux/{place}"),
            format!("/reservations/lieux/{place}?vue=mois"),
            format!("/reservations/ressources/{hall}/reserver"),
            "/reservations/mes-reservations".to_owned(),
            format!("/reservations/mes-reservations/{id}"),
        ];
        for path in &portal {
            let page = citizen.get(path).await?;
            expect(&page, 200).with_context(|| format!("{lang} {path}"))?;
        }
        let extranet = [
            "/extranet/reservations/".to_owned(),
            format!("/extranet/reservations/ressources/{hall}"),
            format!("/extranet/reservations/lieux/{place}?vue=semaine&date=2026-12-01"),
            format!("/extranet/reservations/ressources/{chairs}/reserver"),
            format!("/extranet/reservations/reservations/{id}"),
            "/extranet/reservations/approbations".to_owned(),
            "/extranet/reservations/remises".to_owned(),
            "/extranet/reservations/avis".to_owned(),
            "/extranet/reservations/gestion".to_owned(),
            "/extranet/reservations/gestion/ressources/nouvelle".to_owned(),
            format!("/extranet/reservations/gestion/ressources/{hall}"),
            "/extranet/reservations/gestion/lieux/nouveau".to_owned(),
            format!("/extranet/reservations/gestion/lieux/{place}"),
        ];
        for path in &extranet {
            let page = agent.get(path).await?;
            expect(&page, 200).with_context(|| format!("{lang} {path}"))?;
        }
    }
    // The place's calendar shows the series with the room's name; the
    // booking shows its three dates (the pages are in English now).
    let place_week = expect(
        &agent
            .get(&format!(
                "/extranet/reservations/lieux/{place}?vue=semaine&date=2026-12-01"
            ))
            .await?,
        200,
    )?;
    ensure!(
        place_week.contains("Salle des fêtes: Stage de danse"),
        "{}",
        excerpt(&place_week)
    );
    let detail = expect(
        &agent
            .get(&format!("/extranet/reservations/reservations/{id}"))
            .await?,
        200,
    )?;
    ensure!(
        detail.contains("The 3 dates of the series"),
        "{}",
        excerpt(&detail)
    );
    ensure!(detail.contains("Apply to the 3 pending dates of the series"));
    Ok(())
}

#[tokio::test]
async fn closed_periods_close_every_resource_and_unreadable_lines_are_shown_to_managers()
-> Result<()> {
    let host = builder()
        .setting(
            "booking",
            "closed_periods",
            vec!["2026-12-14..2026-12-18 Travaux de peinture", "Noël"],
        )
        .start()
        .await?;
    let agent = host.login("agent").await?;
    let hall = create(&agent, Room::default()).await?;
    let manage = expect(&agent.get("/extranet/reservations/gestion").await?, 200)?;
    ensure!(manage.contains("n'ont pas pu être lues") && manage.contains("<code>Noël</code>"));
    let citizen = host.login("citoyen").await?;
    let page = book(
        &citizen,
        "portal",
        &hall,
        &[("start", "2026-12-15T18:00"), ("end", "2026-12-15T20:00")],
    )
    .await?;
    let text = expect(&page, 422)?;
    ensure!(
        text.contains("Fermé pendant cette période (Travaux de peinture)."),
        "{}",
        excerpt(&text)
    );
    let month = expect(
        &citizen
            .get(&format!(
                "/reservations/ressources/{hall}?vue=mois&date=2026-12-01"
            ))
            .await?,
        200,
    )?;
    ensure!(
        month.contains("fermé (Travaux de peinture)"),
        "{}",
        excerpt(&month)
    );
    Ok(())
}

#[tokio::test]
async fn a_person_downloads_their_bookings_and_erasing_the_account_frees_their_slots() -> Result<()>
{
    let (host, _agent, hall) = setup().await?;
    let citizen = host.login("citoyen").await?;
    expect(&book(&citizen, "portal", &hall, &HALL_SLOT).await?, 303)?;
    let data = citizen.get("/compte/donnees.json").await?;
    ensure!(data.status == 200, "status {}", data.status);
    ensure!(
        data.text.contains("Répétition") && data.text.contains("2026-12-01T18:00"),
        "{}",
        data.text
    );
    citizen.get("/compte/supprimer").await?;
    let gone = citizen
        .post_form_no_follow("/compte/supprimer", &[("password", PASSWORD)])
        .await?;
    ensure!(
        gone.status == 303,
        "status {}:\n{}",
        gone.status,
        excerpt(&gone.text)
    );
    // The slot is free again, and the history keeps no name.
    let chorale = host.login("chorale").await?;
    expect(&book(&chorale, "portal", &hall, &HALL_SLOT).await?, 303)?;
    Ok(())
}

/// The e-mails sent so far, with quoted-printable bodies decoded.
fn mails(host: &TestHost) -> Vec<String> {
    host.mails().iter().map(|m| decode_qp(m)).collect()
}

/// Undoes quoted-printable: soft line breaks and `=XX` bytes.
fn decode_qp(text: &str) -> String {
    estive_testing::decode_mail(text)
}

#[tokio::test]
async fn requests_decisions_and_cancellations_are_mailed_and_refused_actions_are_not() -> Result<()>
{
    let (host, agent, hall) = setup().await?;
    // Approvers become known to the plugin when they open its extranet.
    let elu = host.login("elu").await?;
    expect(&elu.get("/extranet/reservations/").await?, 200)?;
    ensure!(host.mails().is_empty(), "{:?}", host.mails());

    let citizen = host.login("citoyen").await?;
    let sent = book(&citizen, "portal", &hall, &HALL_SLOT).await?;
    expect(&sent, 303)?;
    let id = id_in(&sent)?;
    let all = mails(&host);
    ensure!(all.len() == 2, "{all:#?}");
    for who in ["elu", "agent"] {
        let mail = all
            .iter()
            .find(|m| m.contains(&format!("To: {who}@example.org")))
            .with_context(|| format!("no mail to {who}: {all:#?}"))?;
        ensure!(
            mail.contains("Claire Citoyenne demande Salle des fêtes"),
            "{mail}"
        );
        ensure!(
            mail.contains(&format!(
                "http://test.localhost/extranet/reservations/reservations/{id}"
            )),
            "{mail}"
        );
    }
    ensure!(!all.iter().any(|m| m.contains("To: citoyen@example.org")));

    // A clash is refused and mails no one.
    let chorale = host.login("chorale").await?;
    expect(&book(&chorale, "portal", &hall, &HALL_SLOT).await?, 409)?;
    ensure!(host.mails().len() == 2, "{:#?}", mails(&host));

    // The approval goes to the requester, with its reason and link.
    let decided = elu
        .post_form_no_follow(
            &format!("/extranet/reservations/reservations/{id}/decision"),
            &[("decision", "approve"), ("reason", "Clés à l'accueil")],
        )
        .await?;
    expect(&decided, 303)?;
    let all = mails(&host);
    ensure!(all.len() == 3, "{all:#?}");
    let approval = &all[2];
    ensure!(approval.contains("To: citoyen@example.org"), "{approval}");
    ensure!(
        approval.contains("Élodie Élue a approuvé votre réservation de Salle des fêtes"),
        "{approval}"
    );
    ensure!(approval.contains("Clés à l'accueil"), "{approval}");
    ensure!(
        approval.contains(&format!(
            "http://test.localhost/reservations/mes-reservations/{id}"
        )),
        "{approval}"
    );
    // The extranet keeps its copy as before.
    let mine = expect(&citizen.get("/reservations/mes-reservations").await?, 200)?;
    ensure!(mine.contains("a approuvé votre réservation de Salle des fêtes"));

    // A manager cancels: the requester is told.
    let page = format!("/extranet/reservations/reservations/{id}");
    agent.get(&page).await?;
    let cancelled = agent
        .post_form_no_follow(
            &format!("{page}/annuler"),
            &[("cancel_reason", "Salle inondée")],
        )
        .await?;
    expect(&cancelled, 303)?;
    let all = mails(&host);
    ensure!(all.len() == 4, "{all:#?}");
    ensure!(all[3].contains("To: citoyen@example.org"), "{}", all[3]);
    ensure!(
        all[3].contains("Arnaud Agent a annulé la réservation de Salle des fêtes")
            && all[3].contains("Salle inondée"),
        "{}",
        all[3]
    );

    // Cancelling again is refused and mails no one.
    let again = agent
        .post_form_no_follow(&format!("{page}/annuler"), &[])
        .await?;
    ensure!(again.status >= 400, "{}", again.status);
    ensure!(host.mails().len() == 4, "{:#?}", mails(&host));
    Ok(())
}

#[tokio::test]
async fn a_series_is_one_mail_per_person_and_action_not_one_per_date() -> Result<()> {
    let (host, _agent, hall) = setup().await?;
    let citizen = host.login("citoyen").await?;
    let mut fields = HALL_SLOT.to_vec();
    fields.extend([
        ("repeat", "weekly"),
        ("interval", "1"),
        ("until", "2026-12-22"),
    ]);
    let preview = book(&citizen, "portal", &hall, &fields).await?;
    expect(&preview, 200)?;
    ensure!(host.mails().is_empty(), "{:#?}", mails(&host));
    let path = format!("/reservations/ressources/{hall}/reserver");
    let mut confirm = fields.clone();
    confirm.extend([
        ("purpose", "Répétition"),
        ("step", "confirm"),
        ("mode", "all"),
    ]);
    let done = citizen.post_form_no_follow(&path, &confirm).await?;
    expect(&done, 303)?;
    let id = id_in(&done)?;
    // The agent, the only approver known so far, gets one mail for the
    // four dates.
    let all = mails(&host);
    ensure!(all.len() == 1, "{all:#?}");
    ensure!(all[0].contains("To: agent@example.org"), "{}", all[0]);
    ensure!(all[0].contains("(4 dates)"), "{}", all[0]);

    let elu = host.login("elu").await?;
    let decided = elu
        .post_form_no_follow(
            &format!("/extranet/reservations/reservations/{id}/decision"),
            &[
                ("decision", "refuse"),
                ("reason", "Salle prise par le conseil"),
                ("whole_series", "1"),
            ],
        )
        .await?;
    expect(&decided, 303)?;
    let all = mails(&host);
    ensure!(all.len() == 2, "{all:#?}");
    ensure!(all[1].contains("To: citoyen@example.org"), "{}", all[1]);
    ensure!(
        all[1].contains("Élodie Élue a refusé votre demande pour Salle des fêtes")
            && all[1].contains("(4 dates)")
            && all[1].contains("Salle prise par le conseil"),
        "{}",
        all[1]
    );
    Ok(())
}
