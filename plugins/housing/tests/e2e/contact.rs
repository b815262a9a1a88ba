//! Writing to a landlord through the rendered form, the relayed mails
//! without either side's address, the replies both ways, the landlord
//! accepting (the address shown to the seeker only then), declining, the
//! seeker closing, a stranger kept out, spam and script, the day's limit
//! of new conversations, and one conversation per person and home when a
//! message is sent twice at once (SQLite and PostgreSQL).

use std::path::PathBuf;

use anyhow::{Context as _, Result, ensure};
use estive_testing::{Client, Database, Form, Page, TestHost};

use super::{BASE, builder, decoded, excerpt, expect, id_of, loaded, shown, unescaped};

/// « Studio communal », the mairie's, Vielle-Aure.
const STUDIO: i64 = 1;
/// « Chambre chez l'habitant », Paul's.
const CHAMBRE: i64 = 2;
/// « Maison pour trois saisonniers », waiting for review.
const MAISON: i64 = 3;
/// The studio's exact address and the mairie's phone (fixture).
const ADDRESS: &str = "3 place de la Mairie";
/// See [`ADDRESS`].
const PHONE: &str = "05 62 39 00 00";

const MESSAGE: &str = "Bonjour, je suis perchman à Saint-Lary pour la saison et je cherche un studio près des télécabines.";

fn contact_path(home: i64) -> String {
    format!("{BASE}/annonces/{home}/contact")
}

/// Fills the contact form as a person would and sends it.
async fn contact(client: &Client, home: i64, message: &str) -> Result<Page> {
    let page = shown(client, &contact_path(home)).await?;
    let mut form = page.form(&contact_path(home))?;
    form.set("message", message)?
        .set("people", "1")?
        .check("consent", "on")?;
    form.submit(client).await
}

/// The last mail, decoded.
fn last_mail(host: &TestHost) -> Result<String> {
    host.mails()
        .last()
        .map(|m| decoded(m))
        .context("no mail sent")
}

/// The form of a conversation page that sends `action`.
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

/// Whether a page shows the studio's address or the mairie's phone.
fn reveals(page: &Page) -> bool {
    page.shows(ADDRESS) || page.shows(PHONE) || page.contains(ADDRESS)
}

#[tokio::test]
async fn a_message_is_relayed_both_ways_and_accepting_gives_the_address_only_then() -> Result<()> {
    let host = loaded(builder()).await?;
    let seeker = host.login("seeker").await?;

    let form_page = shown(&seeker, &contact_path(STUDIO)).await?;
    ensure!(!reveals(&form_page), "{}", excerpt(&form_page.text));
    let mut form = form_page.form(&contact_path(STUDIO))?;
    form.set("message", MESSAGE)?
        .set("from", "2026-12-20")?
        .set("to", "2027-04-10")?
        .set("people", "1")?
        .check("consent", "on")?;
    let sent = form.submit(&seeker).await?;
    expect(&sent, 200)?;
    ensure!(
        sent.path.starts_with(&format!("{BASE}/messages/")),
        "sent to {}",
        sent.path
    );
    ensure!(
        sent.shows("Votre message est envoyé au bailleur"),
        "{}",
        excerpt(&sent.text)
    );
    ensure!(sent.shows(MESSAGE) && sent.shows("20 décembre 2026"));
    let id = id_of(&sent)?;

    // The mairie's account gets the text and Sam's first name, with a
    // link to answer on the site, and no address of either side.
    let mail = last_mail(&host)?;
    ensure!(mail.contains("mairie@example.org"), "{mail}");
    ensure!(mail.contains("Sam vous écrit"), "{mail}");
    ensure!(mail.contains("perchman à Saint-Lary"), "{mail}");
    ensure!(!mail.contains("Saisonnier"), "only the first name: {mail}");
    ensure!(!mail.contains("seeker@example.org"), "{mail}");
    ensure!(
        host.last_mailed_link().as_deref() == Some(&format!("{BASE}/messages/{id}")),
        "{:?}",
        host.last_mailed_link()
    );

    // Before acceptance, the address is on no page the seeker sees.
    for path in [
        format!("{BASE}/messages/{id}"),
        format!("{BASE}/messages"),
        contact_path(STUDIO),
        format!("{BASE}/demandes"),
    ] {
        let page = shown(&seeker, &path).await?;
        ensure!(!reveals(&page), "{path} shows the address");
    }

    // The mairie reads it (its unread mark goes), answers.
    let mairie = host.login("mairie").await?;
    let list = shown(&mairie, &format!("{BASE}/messages")).await?;
    ensure!(
        list.shows("Studio communal") && list.shows("Nouveau"),
        "{}",
        excerpt(&list.text)
    );
    let read = shown(&mairie, &format!("{BASE}/messages/{id}")).await?;
    ensure!(read.shows(MESSAGE), "{}", excerpt(&read.text));
    ensure!(!read.shows("Saisonnier") && !read.contains("seeker@example.org"));
    let list = shown(&mairie, &format!("{BASE}/messages")).await?;
    ensure!(!list.shows("Nouveau"), "read: {}", excerpt(&list.text));

    let mut reply = action_form(&read, "reply")?;
    reply.set(
        "body",
        "Bonjour Sam, le studio est libre à ces dates. Quand pouvez-vous le visiter ?",
    )?;
    let replied = reply.submit(&mairie).await?;
    expect(&replied, 200)?;
    ensure!(replied.shows("Votre message est envoyé."));
    let mail = last_mail(&host)?;
    ensure!(mail.contains("seeker@example.org"), "{mail}");
    ensure!(mail.contains("Quand pouvez-vous le visiter"), "{mail}");
    ensure!(!mail.contains("mairie@example.org"), "{mail}");

    // The seeker sees it unread, answers back.
    let list = shown(&seeker, &format!("{BASE}/messages")).await?;
    ensure!(list.shows("Nouveau"), "{}", excerpt(&list.text));
    let thread = shown(&seeker, &format!("{BASE}/messages/{id}")).await?;
    ensure!(thread.shows("Quand pouvez-vous le visiter"));
    ensure!(
        thread.text.find("perchman à Saint-Lary") < thread.text.find("Quand pouvez-vous"),
        "oldest first"
    );
    let mut back = action_form(&thread, "reply")?;
    back.set("body", "Samedi matin me conviendrait très bien.")?;
    expect(&back.submit(&seeker).await?, 200)?;
    let mail = last_mail(&host)?;
    ensure!(
        mail.contains("mairie@example.org") && mail.contains("Samedi matin"),
        "{mail}"
    );
    ensure!(!mail.contains("seeker@example.org"), "{mail}");
    ensure!(!reveals(
        &shown(&seeker, &format!("{BASE}/messages/{id}")).await?
    ));

    // The seeker cannot accept for the landlord.
    let forged = seeker
        .post_form(&format!("{BASE}/messages/{id}"), &[("action", "accept")])
        .await?;
    expect(&forged, 404)?;

    // Accepting gives the address and the phone, here and by mail.
    let read = shown(&mairie, &format!("{BASE}/messages/{id}")).await?;
    let accepted = action_form(&read, "accept")?.submit(&mairie).await?;
    expect(&accepted, 200)?;
    ensure!(accepted.shows("Vous avez accepté la demande"));
    let mail = last_mail(&host)?;
    ensure!(
        mail.contains("seeker@example.org") && mail.contains(ADDRESS) && mail.contains(PHONE),
        "{mail}"
    );
    let thread = shown(&seeker, &format!("{BASE}/messages/{id}")).await?;
    ensure!(
        thread.shows(ADDRESS) && thread.shows(PHONE) && thread.shows("Acceptée"),
        "{}",
        excerpt(&thread.text)
    );
    // Still nowhere else.
    ensure!(!reveals(
        &shown(&seeker, &format!("{BASE}/messages")).await?
    ));
    Ok(())
}

#[tokio::test]
async fn the_landlord_declines_the_seeker_closes_and_a_stranger_sees_nothing() -> Result<()> {
    let host = loaded(builder()).await?;
    let seeker = host.login("seeker").await?;
    let sent = contact(&seeker, CHAMBRE, MESSAGE).await?;
    expect(&sent, 200)?;
    let chambre = id_of(&sent)?;

    // A third person gets the same answer as for a missing conversation.
    let stranger = host.login("newowner").await?;
    expect(
        &stranger.get(&format!("{BASE}/messages/{chambre}")).await?,
        404,
    )?;
    expect(
        &stranger
            .post_form(
                &format!("{BASE}/messages/{chambre}"),
                &[
                    ("action", "reply"),
                    ("body", "Je m'invite dans la conversation."),
                ],
            )
            .await?,
        404,
    )?;
    // Another landlord neither.
    let mairie = host.login("mairie").await?;
    expect(
        &mairie.get(&format!("{BASE}/messages/{chambre}")).await?,
        404,
    )?;

    let paul = host.login("paul").await?;
    let read = shown(&paul, &format!("{BASE}/messages/{chambre}")).await?;
    ensure!(
        unescaped(&read.text).contains("/espace-bailleur/logements/2/etat"),
        "the let form"
    );
    let mut decline = action_form(&read, "decline")?;
    decline.set(
        "note",
        "Désolé, la chambre vient d'être promise à quelqu'un.",
    )?;
    let declined = decline.submit(&paul).await?;
    expect(&declined, 200)?;
    ensure!(declined.shows("Vous avez décliné la demande"));
    let mail = last_mail(&host)?;
    ensure!(
        mail.contains("seeker@example.org") && mail.contains("vient d'être promise"),
        "{mail}"
    );
    let thread = shown(&seeker, &format!("{BASE}/messages/{chambre}")).await?;
    ensure!(thread.shows("Déclinée") && thread.shows("vient d'être promise"));
    ensure!(
        action_form(&thread, "reply").is_err(),
        "no reply once declined"
    );
    ensure!(!thread.shows("12 chemin de Soulan") && !thread.shows("06 12 34 56 78"));
    // Writing again about it is refused.
    let again = seeker.get(&contact_path(CHAMBRE)).await?;
    expect(&again, 409)?;

    // The seeker closes a conversation; the landlord is told.
    let sent = contact(&seeker, STUDIO, MESSAGE).await?;
    let studio = id_of(&sent)?;
    let closed = action_form(&sent, "close")?.submit(&seeker).await?;
    expect(&closed, 200)?;
    ensure!(closed.shows("La conversation est close") && closed.shows("Close"));
    let mail = last_mail(&host)?;
    ensure!(
        mail.contains("mairie@example.org") && mail.contains("Sam a clos"),
        "{mail}"
    );
    let read = shown(&mairie, &format!("{BASE}/messages/{studio}")).await?;
    ensure!(
        action_form(&read, "accept").is_err(),
        "nothing to accept once closed"
    );

    // Writing again reopens the same conversation, and says so.
    let again = contact(
        &seeker,
        STUDIO,
        "Finalement, le studio m'intéresse toujours beaucoup.",
    )
    .await?;
    expect(&again, 200)?;
    ensure!(id_of(&again)? == studio, "{}", again.path);
    ensure!(again.shows("ajouté à la même conversation") && again.shows("En cours"));
    Ok(())
}

#[tokio::test]
async fn homes_that_cannot_be_contacted_say_why() -> Result<()> {
    let host = loaded(builder()).await?;
    let seeker = host.login("seeker").await?;
    // Waiting for review: not on the portal.
    expect(&seeker.get(&contact_path(MAISON)).await?, 404)?;
    expect(&seeker.get(&contact_path(99)).await?, 404)?;
    // One's own home.
    let mairie = host.login("mairie").await?;
    let own = mairie.get(&contact_path(STUDIO)).await?;
    expect(&own, 409)?;
    ensure!(own.shows("votre propre logement"), "{}", excerpt(&own.text));
    // Anonymous visitors sign in first.
    let anonymous = host.client().get(&contact_path(STUDIO)).await?;
    ensure!(anonymous.path.starts_with("/login"), "{}", anonymous.path);
    Ok(())
}

#[tokio::test]
async fn links_and_scripts_are_shown_as_text_and_a_mostly_links_message_is_refused() -> Result<()> {
    let host = loaded(builder()).await?;
    let seeker = host.login("seeker").await?;

    let spam = "Super offre https://a.example http://b.example www.c.example https://d.example";
    let page = shown(&seeker, &contact_path(STUDIO)).await?;
    let mut form = page.form(&contact_path(STUDIO))?;
    form.set("message", spam)?
        .set("people", "1")?
        .check("consent", "on")?;
    let refused = form.submit(&seeker).await?;
    expect(&refused, 422)?;
    let summary = refused.error_summary();
    ensure!(
        summary.first().map(|(id, _)| id.as_str()) == Some("housing-contact-message"),
        "{summary:?}"
    );
    ensure!(refused.shows("trop de liens"), "{}", excerpt(&refused.text));
    // Nothing lost.
    ensure!(
        refused
            .form(&contact_path(STUDIO))?
            .value("message")
            .as_deref()
            == Some(spam),
        "the message was lost"
    );
    ensure!(host.mails().is_empty(), "nothing relayed");

    // Too short, no consent, a period outside the home's: each beside
    // its field.
    let mut form = page.form(&contact_path(STUDIO))?;
    form.set("message", "Bonjour")?
        .set("from", "2026-12-01")?
        .set("people", "0")?;
    let refused = form.submit(&seeker).await?;
    expect(&refused, 422)?;
    let ids: Vec<String> = refused
        .error_summary()
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    ensure!(
        ids == [
            "housing-contact-message",
            "housing-contact-from",
            "housing-contact-people",
            "housing-contact-consent"
        ],
        "{ids:?}"
    );

    let script = "Bonjour <script>alert('x')</script> voyez <a href=\"https://evil.example\">ici</a> et **gras** https://evil.example/page";
    let sent = contact(&seeker, STUDIO, script).await?;
    expect(&sent, 200)?;
    ensure!(!sent.text.contains("<script>alert"), "script run");
    ensure!(sent.contains("&lt;script&gt;"), "{}", excerpt(&sent.text));
    ensure!(
        !sent.text.contains("<a href=\"https://evil")
            && !sent.text.contains("href=\"https:&#x2f;&#x2f;evil"),
        "a link was made"
    );
    ensure!(!sent.contains("<strong>gras"), "no Markdown");
    ensure!(sent.shows("**gras**"));
    // Mailed as typed, in plain text.
    let mail = last_mail(&host)?;
    ensure!(mail.contains("<script>alert('x')</script>"), "{mail}");
    let mairie = host.login("mairie").await?;
    let read = shown(&mairie, &format!("{BASE}/messages/{}", id_of(&sent)?)).await?;
    ensure!(!read.text.contains("<script>alert") && read.contains("&lt;script&gt;"));
    Ok(())
}

/// A fixture with `n` published homes of the mairie.
fn many_homes(n: usize) -> Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("housing-contact-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let homes: Vec<serde_json::Value> = (1..=n)
        .map(|i| {
            serde_json::json!({
                "landlord_id": "@mairie", "landlord_name": "Mairie de Vielle-Aure",
                "landlord_kind": "commune", "title": format!("Studio n° {i}"),
                "description": "Studio.", "commune": "Vielle-Aure", "insee": "65462",
                "address": format!("{i} rue du Test"), "kind": "studio", "beds": 1,
                "surface": 20, "rent": 350, "charges": 30, "lease": "mobility",
                "seasons": ["winter"], "available_from": "@today+10",
                "available_to": "@today+130", "status": "published",
                "published_at": "@now-3d", "created_at": "@now-5d", "updated_at": "@now-3d"
            })
        })
        .collect();
    let fixture = serde_json::json!({ "tables": [
        { "table": "landlords", "rows": [
            { "_key": "mairie", "user_id": "5", "user_name": "Marc Maire", "kind": "commune",
              "name": "Mairie de Vielle-Aure", "status": "approved", "requested_at": "@now-60d" }
        ]},
        { "table": "homes", "rows": homes }
    ]});
    std::fs::write(dir.join("housing.json"), serde_json::to_string(&fixture)?)?;
    Ok(dir)
}

#[tokio::test]
async fn the_eleventh_new_conversation_of_the_day_is_refused() -> Result<()> {
    let host = builder().start().await?;
    let dir = many_homes(11)?;
    host.load_rows(&dir).await?;
    let seeker = host.login("seeker").await?;
    for home in 1..=10 {
        let sent = contact(&seeker, home, MESSAGE).await?;
        expect(&sent, 200)?;
    }
    let refused = contact(&seeker, 11, MESSAGE).await?;
    expect(&refused, 429)?;
    ensure!(
        refused.shows("Trop de nouveaux messages aujourd'hui"),
        "{}",
        excerpt(&refused.text)
    );
    ensure!(
        refused.form(&contact_path(11))?.value("message").as_deref() == Some(MESSAGE),
        "the message was lost"
    );
    ensure!(host.mails().len() == 10, "{} mails", host.mails().len());
    // A message in a conversation already started is no new one.
    let again = contact(&seeker, 3, MESSAGE).await?;
    expect(&again, 200)?;
    // The next day, it goes.
    host.set_now("2026-12-08T09:00:00+01:00");
    expect(&contact(&seeker, 11, MESSAGE).await?, 200)?;
    let _ = std::fs::remove_dir_all(dir);
    Ok(())
}

/// The same person sends the form twice at the same moment: one
/// conversation, both messages in it.
async fn twice_at_once(database: Database) -> Result<()> {
    let host = loaded(builder().database(database)).await?;
    let mut clients = Vec::new();
    let mut forms = Vec::new();
    for i in 0..6 {
        let client = host.login("seeker").await?;
        let page = shown(&client, &contact_path(STUDIO)).await?;
        let mut form = page.form(&contact_path(STUDIO))?;
        form.set("message", &format!("{MESSAGE} (envoi {i})"))?
            .set("people", "1")?
            .check("consent", "on")?;
        clients.push(client);
        forms.push(form);
    }
    let mut requests = tokio::task::JoinSet::new();
    for (client, form) in clients.iter().cloned().zip(forms) {
        requests.spawn(async move { form.submit(&client).await });
    }
    let mut ids = Vec::new();
    while let Some(done) = requests.join_next().await {
        let page = done??;
        expect(&page, 200)?;
        ids.push(id_of(&page)?);
    }
    ids.dedup();
    ensure!(ids.len() == 1, "several conversations: {ids:?}");
    let thread = shown(&clients[0], &format!("{BASE}/messages/{}", ids[0])).await?;
    for i in 0..6 {
        ensure!(thread.shows(&format!("(envoi {i})")), "message {i} lost");
    }
    let list = shown(&clients[0], &format!("{BASE}/messages")).await?;
    ensure!(
        list.text.matches("Studio communal").count() == 1,
        "{}",
        excerpt(&list.text)
    );
    Ok(())
}

#[tokio::test]
async fn a_message_sent_twice_at_once_keeps_one_conversation_on_sqlite() -> Result<()> {
    twice_at_once(Database::Sqlite).await
}

#[tokio::test]
async fn a_message_sent_twice_at_once_keeps_one_conversation_on_postgresql() -> Result<()> {
    twice_at_once(Database::postgres()).await
}
