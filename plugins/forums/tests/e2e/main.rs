//! End-to-end: the forums plugin built for wasm32-wasip2, installed in a
//! real Estive host over a temporary SQLite database, driven through its
//! pages by citizens, élus, staff and administrators with real browsers
//! (cookies, CSRF tokens). Each test checks what the pages show, and the
//! audit log or the event outbox where the issue asks for them.
//!
//! The site's clock is Tuesday 24 November 2026, 09:00 in Paris. The
//! working group `commission-environnement` has `elu` and `agent`; `admin`
//! and `citoyen` are not in it. Pre-moderation is off unless a test turns
//! it on.

mod attached;
mod browser;
mod forms;

use anyhow::{Context as _, Result, ensure};
use estive_core::db::entities::{audit_entry, outbox_event};
use estive_testing::{Builder, Client, Page, TestHost};
use sea_orm::EntityTrait;

const NOW: &str = "2026-11-24T09:00:00+01:00";
const PORTAL: &str = "/debats";
const EXTRANET: &str = "/extranet/debats";
const GROUP: &str = "commission-environnement";

fn builder() -> Builder {
    TestHost::builder()
        .plugin(env!("CARGO_MANIFEST_DIR"))
        .now(NOW)
        .group(GROUP, "Commission environnement", &["elu", "agent"])
        .setting("forums", "trusted_after", 0)
}

/// A host with a public category `mobilite` and a private one `commission`
/// (for the working group), and a browser for each demo account.
struct Forum {
    host: TestHost,
    admin: Client,
    elu: Client,
    agent: Client,
    citoyen: Client,
}

impl Forum {
    async fn start(b: Builder) -> Result<Forum> {
        let host = b.start().await?;
        let admin = host.login("admin").await?;
        let elu = host.login("elu").await?;
        let agent = host.login("agent").await?;
        let citoyen = host.login("citoyen").await?;
        let f = Forum {
            host,
            admin,
            elu,
            agent,
            citoyen,
        };
        f.category(&f.elu, "Mobilité douce", "mobilite", None)
            .await?;
        f.category(
            &f.elu,
            "Commission environnement",
            "commission",
            Some(GROUP),
        )
        .await?;
        Ok(f)
    }

    async fn category(
        &self,
        c: &Client,
        title: &str,
        slug: &str,
        group: Option<&str>,
    ) -> Result<()> {
        let mut form = vec![("title", title), ("slug", slug), ("position", "1")];
        match group {
            Some(g) => form.extend([("visibility", "private"), ("group_slug", g)]),
            None => form.push(("visibility", "public")),
        }
        let page = c
            .post_form_no_follow(&format!("{EXTRANET}/categories/nouvelle"), &form)
            .await?;
        ensure!(
            page.status == 303,
            "category not created: {} {}",
            page.status,
            page.text
        );
        Ok(())
    }

    async fn audit(&self, action: &str) -> Result<Vec<audit_entry::Model>> {
        Ok(audit_entry::Entity::find()
            .all(&self.host.state.platform.db)
            .await?
            .into_iter()
            .filter(|e| e.plugin.as_deref() == Some("forums") && e.action == action)
            .collect())
    }

    async fn events(&self, topic: &str) -> Result<Vec<serde_json::Value>> {
        Ok(outbox_event::Entity::find()
            .all(&self.host.state.platform.db)
            .await?
            .into_iter()
            .filter(|e| e.topic == topic)
            .map(|e| serde_json::from_str(&e.payload).unwrap_or_default())
            .collect())
    }
}

/// The value of the hidden `form_token` field of a page.
fn token(page: &Page) -> Result<String> {
    let at = page
        .text
        .find("name=\"form_token\" value=\"")
        .context("no form_token on the page")?
        + "name=\"form_token\" value=\"".len();
    Ok(page.text[at..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_owned())
}

/// The path of a page without its query and fragment.
fn bare(path: &str) -> String {
    path.split(['?', '#']).next().unwrap_or_default().to_owned()
}

/// Opens a topic; returns the topic's path.
async fn open_topic(c: &Client, base: &str, slug: &str, title: &str, body: &str) -> Result<String> {
    let form = c.get(&format!("{base}/c/{slug}/nouveau")).await?;
    ensure!(form.status == 200, "no new topic form: {}", form.status);
    let token = token(&form)?;
    let page = c
        .post_form(
            &format!("{base}/c/{slug}/nouveau"),
            &[("title", title), ("body", body), ("form_token", &token)],
        )
        .await?;
    ensure!(
        page.status == 200,
        "topic not opened: {} {}",
        page.status,
        page.text
    );
    ensure!(page.path.contains("/t/"), "not on the topic: {}", page.path);
    Ok(bare(&page.path))
}

/// Replies to a topic with a fresh form; returns the page after.
async fn reply(c: &Client, topic: &str, body: &str, alignment: Option<&str>) -> Result<Page> {
    let page = c.get(topic).await?;
    let token = token(&page)?;
    let mut form = vec![("body", body), ("form_token", token.as_str())];
    if let Some(a) = alignment {
        form.push(("alignment", a));
    }
    c.post_form(topic, &form).await
}

/// A page's text with the slashes that autoescaping writes `&#x2f;`
/// turned back, to find paths in links and form actions.
fn unescaped(page: &Page) -> String {
    page.text.replace("&#x2f;", "/")
}

/// The lines of a form's error summary in their order, as (the id each
/// links to, its text).
fn summary(page: &Page) -> Vec<(String, String)> {
    page.error_summary()
}

/// How many posts a topic page shows.
fn post_count(page: &Page) -> usize {
    page.text
        .matches("<article class=\"card section\" id=\"post-")
        .count()
}

/// The ids of the posts a page shows, in order.
fn post_ids(page: &Page) -> Vec<String> {
    page.text
        .split("id=\"post-")
        .skip(1)
        .map(|s| s.split('"').next().unwrap_or_default().to_owned())
        .filter(|s| s.chars().all(|c| c.is_ascii_digit()))
        .collect()
}

#[tokio::test]
async fn a_citizen_opens_a_debate_and_an_elu_replies_with_a_position() -> Result<()> {
    let f = Forum::start(builder()).await?;
    let home = f.host.client().get(&format!("{PORTAL}/")).await?;
    assert!(home.contains("Mobilité douce"), "public category listed");
    assert!(
        !home.contains("Commission environnement"),
        "private category not on the portal"
    );

    let topic = open_topic(
        &f.citoyen,
        PORTAL,
        "mobilite",
        "Une piste cyclable vers le collège",
        "Les enfants pourraient aller au collège **à vélo**.",
    )
    .await?;
    let page = reply(
        &f.elu,
        &topic,
        "Le coût est trop élevé cette année.",
        Some("against"),
    )
    .await?;
    assert!(page.contains("Votre réponse est publiée"), "{}", page.text);

    let anonymous = f.host.client().get(&topic).await?;
    assert_eq!(anonymous.status, 200);
    assert_eq!(post_count(&anonymous), 2);
    assert!(
        anonymous.contains("<strong>à vélo</strong>"),
        "Markdown rendered"
    );
    assert!(anonymous.contains("Claire Citoyenne"));
    assert!(anonymous.contains("Le coût est trop élevé cette année."));
    // One position against, none for.
    let stats = anonymous
        .text
        .split("class=\"stats\"")
        .nth(1)
        .context("positions shown")?;
    assert!(
        stats.contains("<dt>Contre</dt><dd class=\"stat-value\">1</dd>"),
        "{stats}"
    );
    assert!(
        stats.contains("<dt>Pour</dt><dd class=\"stat-value\">0</dd>"),
        "{stats}"
    );
    assert!(anonymous.contains("Connectez-vous pour répondre"));

    let category = f.host.client().get(&format!("{PORTAL}/c/mobilite")).await?;
    assert!(category.contains("Une piste cyclable vers le collège"));
    Ok(())
}

#[tokio::test]
async fn script_in_markdown_is_shown_as_text_and_never_runs() -> Result<()> {
    let f = Forum::start(builder()).await?;
    let body = "Voyez <script>alert(\"piraté\")</script> et <img src=x onerror=alert(1)>\n\n[ce lien](javascript:alert(1)) ou [celui-ci](https://example.org/a).";
    let topic = open_topic(&f.citoyen, PORTAL, "mobilite", "Test de sécurité", body).await?;
    let page = f.host.client().get(&topic).await?;
    assert!(
        !page.contains("<script>alert"),
        "no script tag from the post"
    );
    assert!(!page.contains("<img src=x"), "no raw image tag");
    assert!(!page.contains("href=\"javascript:"), "no javascript: link");
    assert!(
        page.contains("&lt;script&gt;alert(\"piraté\")&lt;/script&gt;"),
        "the script is shown as text: {}",
        page.text
    );
    assert!(page.contains("ce lien"), "the unsafe link's text is kept");
    assert!(
        page.contains(
            "<a href=\"https://example.org/a\" rel=\"nofollow ugc noopener\">celui-ci</a>"
        )
    );
    // The title is escaped by the host's autoescaping too.
    let topic = open_topic(&f.citoyen, PORTAL, "mobilite", "<b>gras</b>", "texte").await?;
    let page = f.host.client().get(&topic).await?;
    assert!(
        !page.contains("<b>gras") && page.contains("&lt;b&gt;gras&lt;"),
        "{}",
        page.text
    );
    Ok(())
}

#[tokio::test]
async fn an_oversized_post_is_refused_with_its_text_kept() -> Result<()> {
    let f = Forum::start(builder().setting("forums", "max_post_chars", 200)).await?;
    let topic = open_topic(
        &f.citoyen,
        PORTAL,
        "mobilite",
        "Horaires du bus",
        "Le bus passe trop tôt.",
    )
    .await?;
    let long = format!("Début du long message. {}Fin.", "blabla ".repeat(60));
    let page = reply(&f.elu, &topic, &long, None).await?;
    assert_eq!(page.status, 422);
    assert!(
        page.contains("raccourcissez-le à 200 caractères au plus"),
        "{}",
        page.text
    );
    assert!(page.contains(&long), "the text is kept in the form");
    assert!(page.contains("error-summary"));
    let again = f.host.client().get(&topic).await?;
    assert_eq!(post_count(&again), 1, "nothing stored");
    assert!(!again.contains("Début du long message"));
    // A new topic that is too long is refused the same way, title kept.
    let form = f.elu.get(&format!("{PORTAL}/c/mobilite/nouveau")).await?;
    let page = f
        .elu
        .post_form(
            &format!("{PORTAL}/c/mobilite/nouveau"),
            &[
                ("title", "Un titre gardé"),
                ("body", &long),
                ("form_token", &token(&form)?),
            ],
        )
        .await?;
    assert_eq!(page.status, 422);
    assert!(page.contains("value=\"Un titre gardé\"") && page.contains(&long));
    // An empty reply is refused too.
    let page = reply(&f.elu, &topic, "   ", None).await?;
    assert_eq!(page.status, 422);
    assert!(page.contains("Écrivez votre message."));
    Ok(())
}

#[tokio::test]
async fn a_reply_in_a_locked_topic_is_refused_and_the_text_is_kept() -> Result<()> {
    let f = Forum::start(builder()).await?;
    let topic = open_topic(
        &f.citoyen,
        PORTAL,
        "mobilite",
        "Parking de la gare",
        "Trop petit.",
    )
    .await?;
    let id = topic.rsplit('/').next().unwrap_or_default().to_owned();
    // The citizen has the form open while a moderator locks the topic.
    let open_form = f.citoyen.get(&topic).await?;
    let token = token(&open_form)?;
    let locked = f
        .agent
        .post_form(
            &format!("{EXTRANET}/t/{id}/moderer"),
            &[("action", "lock"), ("next", &topic)],
        )
        .await?;
    assert!(locked.contains("Sujet verrouillé."), "{}", locked.text);
    let page = f
        .citoyen
        .post_form(
            &topic,
            &[
                ("body", "Mon avis tardif sur le parking."),
                ("form_token", &token),
            ],
        )
        .await?;
    assert_eq!(page.status, 409);
    assert!(page.contains("Ce sujet est verrouillé par la modération"));
    assert!(page.contains("Votre message n’a pas été publié"));
    assert!(
        page.contains("readonly") && page.contains("Mon avis tardif sur le parking."),
        "text kept"
    );
    assert_eq!(post_count(&f.host.client().get(&topic).await?), 1);
    assert_eq!(f.audit("topic.locked").await?.len(), 1);
    Ok(())
}

#[tokio::test]
async fn posting_in_a_group_one_is_not_in_is_refused() -> Result<()> {
    let f = Forum::start(builder()).await?;
    let topic = open_topic(
        &f.elu,
        EXTRANET,
        "commission",
        "Budget de la renaturation",
        "Chiffrage confidentiel du chantier de la Neste.",
    )
    .await?;
    let id = topic.rsplit('/').next().unwrap_or_default().to_owned();
    assert!(topic.starts_with(EXTRANET));
    // The other member reads and replies.
    let page = reply(&f.agent, &topic, "Je complète le chiffrage.", None).await?;
    assert!(page.contains("Votre réponse est publiée"));

    // The admin is not in the group: no reading, no posting, whatever the link.
    let read = f.admin.get(&topic).await?;
    assert_eq!(read.status, 403);
    assert!(
        read.contains("réservé aux membres de son groupe de travail"),
        "{}",
        read.text
    );
    assert!(!read.contains("Chiffrage confidentiel"));
    let posted = f
        .admin
        .post_form(
            &topic,
            &[
                ("body", "Intrusion"),
                ("form_token", "0123456789abcdef-0123456789abcdef"),
            ],
        )
        .await?;
    assert_eq!(posted.status, 403);
    let new_topic = f
        .admin
        .post_form(
            &format!("{EXTRANET}/c/commission/nouveau"),
            &[
                ("title", "Intrus"),
                ("body", "x"),
                ("form_token", "0123456789abcdef-0123456789abcdef"),
            ],
        )
        .await?;
    assert_eq!(new_topic.status, 403);
    assert_eq!(
        f.admin
            .get(&format!("{EXTRANET}/c/commission"))
            .await?
            .status,
        403
    );
    let report = f.admin.get(&format!("{EXTRANET}/p/1/signaler")).await?;
    assert_eq!(report.status, 403);
    // On the portal, the same topic is refused to anyone outside the group.
    let citizen = f.citoyen.get(&format!("{PORTAL}/t/{id}")).await?;
    assert_eq!(citizen.status, 403);
    assert!(!citizen.contains("Chiffrage confidentiel"));
    let citizen_post = f
        .citoyen
        .post_form(
            &format!("{PORTAL}/t/{id}"),
            &[
                ("body", "Intrusion"),
                ("form_token", "0123456789abcdef-0123456789abcdef"),
            ],
        )
        .await?;
    assert_eq!(citizen_post.status, 403);
    // Nor does it show in lists or search of people outside the group.
    let groups = f.admin.get(&format!("{EXTRANET}/")).await?;
    assert!(!groups.contains("Budget de la renaturation"));
    let search = f
        .admin
        .get(&format!("{EXTRANET}/recherche?q=chiffrage"))
        .await?;
    assert!(search.contains("Aucun résultat"), "{}", search.text);
    // Members still see exactly the two posts.
    let member = f.elu.get(&topic).await?;
    assert_eq!(post_count(&member), 2);
    assert!(!member.contains("Intrusion"));
    let search = f
        .elu
        .get(&format!("{EXTRANET}/recherche?q=chiffrage"))
        .await?;
    assert!(search.contains("Budget de la renaturation"));
    Ok(())
}

#[tokio::test]
async fn a_hidden_user_cannot_reply_and_keeps_the_text() -> Result<()> {
    let f = Forum::start(builder()).await?;
    let topic = open_topic(
        &f.citoyen,
        PORTAL,
        "mobilite",
        "Achetez mes montres",
        "Promotion !",
    )
    .await?;
    let post = post_ids(&f.agent.get(&topic).await?)
        .first()
        .cloned()
        .context("a post")?;
    // The citizen has a reply form open on another topic when the
    // moderator hides the account.
    let other = open_topic(
        &f.elu,
        PORTAL,
        "mobilite",
        "Covoiturage",
        "Qui est partant ?",
    )
    .await?;
    let form = f.citoyen.get(&other).await?;
    let open_token = token(&form)?;
    let done = f
        .agent
        .post_form(
            &format!("{EXTRANET}/p/{post}/moderer"),
            &[("action", "hide-author"), ("next", &topic)],
        )
        .await?;
    assert!(
        done.contains("Le compte ne peut plus publier"),
        "{}",
        done.text
    );
    let page = f
        .citoyen
        .post_form(
            &other,
            &[
                ("body", "Encore une promotion sur mes montres"),
                ("form_token", &open_token),
            ],
        )
        .await?;
    assert_eq!(page.status, 403);
    assert!(page.contains("La modération a suspendu la publication depuis votre compte"));
    assert!(
        page.contains("Encore une promotion sur mes montres"),
        "text kept"
    );
    // The topic page no longer offers the form, and says why.
    let now = f.citoyen.get(&other).await?;
    assert!(!now.contains("name=\"form_token\"") && now.contains("La modération a suspendu"));
    // A form field naming another author changes nothing.
    let forged = f
        .citoyen
        .post_form(
            &other,
            &[
                ("body", "Je parle au nom de l’élue"),
                ("form_token", &open_token),
                ("author_id", "2"),
                ("author_name", "Élodie Élue"),
            ],
        )
        .await?;
    assert_eq!(forged.status, 403);
    let seen = f.host.client().get(&other).await?;
    assert_eq!(post_count(&seen), 1);
    assert!(!seen.contains("Je parle au nom"));
    // The hidden post is replaced for everyone but moderators.
    let first = f.host.client().get(&topic).await?;
    assert!(first.contains("masqué par la modération") && !first.contains("Promotion"));
    assert_eq!(f.audit("member.hidden").await?.len(), 1);
    // Allowed again, the citizen can post.
    let queue = f.agent.get(&format!("{EXTRANET}/moderation")).await?;
    assert!(queue.contains("Claire Citoyenne"));
    let citizen_id = unescaped(&queue)
        .split(&format!("{EXTRANET}/membres/"))
        .nth(1)
        .and_then(|s| s.split('/').next())
        .context("unhide form")?
        .to_owned();
    f.agent
        .post_form(
            &format!("{EXTRANET}/membres/{citizen_id}/moderer"),
            &[("action", "unhide")],
        )
        .await?;
    let page = reply(&f.citoyen, &other, "Moi, le mardi.", None).await?;
    assert!(page.contains("Votre réponse est publiée"), "{}", page.text);
    assert_eq!(f.audit("member.unhidden").await?.len(), 1);
    Ok(())
}

#[tokio::test]
async fn the_same_post_twice_by_a_double_click_is_stored_once() -> Result<()> {
    let f = Forum::start(builder()).await?;
    let topic = open_topic(
        &f.citoyen,
        PORTAL,
        "mobilite",
        "Navette du marché",
        "Une navette le samedi ?",
    )
    .await?;
    let form = f.elu.get(&topic).await?;
    let first_token = token(&form)?;
    let fields = [
        ("body", "Oui, dès le printemps."),
        ("form_token", first_token.as_str()),
    ];
    let first = f.elu.post_form(&topic, &fields).await?;
    assert!(first.contains("Votre réponse est publiée"));
    let second = f.elu.post_form(&topic, &fields).await?;
    assert_eq!(second.status, 200);
    assert!(
        second.contains("il n’a été enregistré qu’une fois"),
        "{}",
        second.text
    );
    let page = f.host.client().get(&topic).await?;
    assert_eq!(page.text.matches("Oui, dès le printemps.").count(), 1);
    assert_eq!(post_count(&page), 2);

    // Two clicks arriving together: still one post.
    let form = f.agent.get(&topic).await?;
    let second_token = token(&form)?;
    let fields = [
        ("body", "Le samedi matin seulement."),
        ("form_token", second_token.as_str()),
    ];
    let (a, b) = tokio::join!(
        f.agent.post_form_no_follow(&topic, &fields),
        f.agent.post_form_no_follow(&topic, &fields)
    );
    assert_eq!((a?.status, b?.status), (303, 303));
    let page = f.host.client().get(&topic).await?;
    assert_eq!(page.text.matches("Le samedi matin seulement.").count(), 1);
    assert_eq!(post_count(&page), 3);

    // Opening a topic twice from the same form opens one topic.
    let form = f
        .citoyen
        .get(&format!("{PORTAL}/c/mobilite/nouveau"))
        .await?;
    let third_token = token(&form)?;
    let fields = [
        ("title", "Bornes de recharge"),
        ("body", "Où les installer ?"),
        ("form_token", third_token.as_str()),
    ];
    let one = f
        .citoyen
        .post_form(&format!("{PORTAL}/c/mobilite/nouveau"), &fields)
        .await?;
    let two = f
        .citoyen
        .post_form(&format!("{PORTAL}/c/mobilite/nouveau"), &fields)
        .await?;
    assert_eq!(bare(&one.path), bare(&two.path));
    let list = f.host.client().get(&format!("{PORTAL}/c/mobilite")).await?;
    assert_eq!(list.text.matches("Bornes de recharge").count(), 1);
    Ok(())
}

#[tokio::test]
async fn first_posts_of_new_citizens_wait_for_a_moderator() -> Result<()> {
    let b =
        builder()
            .setting("forums", "trusted_after", 1)
            .user("paul", "Paul Passant", &["citizen"]);
    let f = Forum::start(b).await?;
    let topic = open_topic(&f.elu, PORTAL, "mobilite", "Le plan vélo", "Vos idées ?").await?;
    let page = reply(
        &f.citoyen,
        &topic,
        "Des arceaux devant la mairie.",
        Some("for"),
    )
    .await?;
    assert!(
        page.contains("sera publiée dès qu’un modérateur"),
        "{}",
        page.text
    );
    assert!(
        page.contains("Des arceaux devant la mairie.") && page.contains("En attente de modération"),
        "the author sees it waiting"
    );
    let others = f.host.client().get(&topic).await?;
    assert!(!others.contains("Des arceaux"), "others do not see it yet");

    let queue = f.agent.get(&format!("{EXTRANET}/moderation")).await?;
    assert!(
        queue.contains("Des arceaux devant la mairie."),
        "in the queue"
    );
    let post = unescaped(&queue)
        .split(&format!("{EXTRANET}/p/"))
        .nth(1)
        .and_then(|s| s.split('/').next())
        .context("a post to approve")?
        .to_owned();
    let done = f
        .agent
        .post_form(
            &format!("{EXTRANET}/p/{post}/moderer"),
            &[("action", "approve")],
        )
        .await?;
    assert!(done.contains("Message approuvé et publié."));
    let others = f.host.client().get(&topic).await?;
    assert!(others.contains("Des arceaux devant la mairie."));
    assert_eq!(f.audit("post.approved").await?.len(), 1);
    let notices = f.citoyen.get(&format!("{PORTAL}/avis")).await?;
    assert!(
        notices.contains("Votre message dans «\u{202f}Le plan vélo\u{202f}» a été approuvé"),
        "{}",
        notices.text
    );
    assert!(notices.contains("Votre message dans"));

    // Trusted now: the next post goes straight out.
    let page = reply(&f.citoyen, &topic, "Et un atelier de réparation.", None).await?;
    assert!(page.contains("Votre réponse est publiée"));
    assert!(
        f.host
            .client()
            .get(&topic)
            .await?
            .contains("Et un atelier de réparation.")
    );
    // Élus are never pre-moderated; a refused opening post leaves no topic.
    let page = reply(&f.elu, &topic, "Merci pour vos idées.", None).await?;
    assert!(page.contains("Votre réponse est publiée"));
    let paul = f.host.login("paul").await?;
    let form = paul.get(&format!("{PORTAL}/c/mobilite/nouveau")).await?;
    let page = paul
        .post_form(
            &format!("{PORTAL}/c/mobilite/nouveau"),
            &[
                ("title", "Sujet douteux"),
                ("body", "Texte douteux"),
                ("form_token", &token(&form)?),
            ],
        )
        .await?;
    assert!(
        page.contains("Votre sujet sera visible dès qu"),
        "{}",
        page.text
    );
    let post = post_ids(&f.agent.get(&bare(&page.path)).await?)
        .first()
        .cloned()
        .context("pending post")?;
    f.agent
        .post_form(
            &format!("{EXTRANET}/p/{post}/moderer"),
            &[("action", "reject")],
        )
        .await?;
    let list = f.host.client().get(&format!("{PORTAL}/c/mobilite")).await?;
    assert!(!list.contains("Sujet douteux"));
    assert_eq!(f.audit("post.rejected").await?.len(), 1);
    Ok(())
}

#[tokio::test]
async fn enough_reports_hide_a_post_and_the_audit_log_records_it() -> Result<()> {
    let b = builder().setting("forums", "auto_hide_reports", 2).user(
        "paul",
        "Paul Passant",
        &["citizen"],
    );
    let f = Forum::start(b).await?;
    let paul = f.host.login("paul").await?;
    let topic = open_topic(
        &f.elu,
        PORTAL,
        "mobilite",
        "Le marché de Noël",
        "Qui vient ?",
    )
    .await?;
    let page = reply(&paul, &topic, "Achetez des montres pas chères ici", None).await?;
    assert!(page.contains("Votre réponse est publiée"));
    let post = post_ids(&page).last().cloned().context("the reply")?;

    // Bad report: no reason.
    let bad = f
        .citoyen
        .post_form(&format!("{PORTAL}/p/{post}/signaler"), &[("note", "pub")])
        .await?;
    assert_eq!(bad.status, 422);
    assert!(
        bad.contains("Choisissez") || bad.contains("obligatoire"),
        "{}",
        bad.text
    );
    // One's own post cannot be reported.
    let own = paul
        .post_form(
            &format!("{PORTAL}/p/{post}/signaler"),
            &[("reason", "spam")],
        )
        .await?;
    assert_eq!(own.status, 409);

    let one = f
        .citoyen
        .post_form(
            &format!("{PORTAL}/p/{post}/signaler"),
            &[("reason", "spam"), ("note", "Publicité")],
        )
        .await?;
    assert!(one.contains("signalement est transmis"), "{}", one.text);
    let twice = f
        .citoyen
        .post_form(
            &format!("{PORTAL}/p/{post}/signaler"),
            &[("reason", "spam")],
        )
        .await?;
    assert!(twice.contains("déjà signalé"));
    assert!(
        f.host
            .client()
            .get(&topic)
            .await?
            .contains("montres pas chères"),
        "one report is not enough"
    );
    f.elu
        .post_form(
            &format!("{PORTAL}/p/{post}/signaler"),
            &[("reason", "offensive")],
        )
        .await?;
    let page = f.host.client().get(&topic).await?;
    assert!(
        !page.contains("montres pas chères"),
        "hidden after two reports"
    );
    assert!(page.contains("masqué après plusieurs signalements"));
    let audit = f.audit("post.auto_hidden").await?;
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].subject, format!("post:{post}"));
    // The admin reads it in the site's audit log.
    let log = f.admin.get("/admin/audit?plugin=forums").await?;
    assert!(log.contains("post.auto_hidden"), "{}", log.text);
    // The moderator sees it in the queue, with both reasons, and restores it.
    let queue = f.agent.get(&format!("{EXTRANET}/moderation")).await?;
    assert!(
        queue.contains("2 signalements") && queue.contains("Publicité"),
        "{}",
        queue.text
    );
    f.agent
        .post_form(
            &format!("{EXTRANET}/p/{post}/moderer"),
            &[("action", "restore")],
        )
        .await?;
    assert!(
        f.host
            .client()
            .get(&topic)
            .await?
            .contains("montres pas chères")
    );
    assert_eq!(f.audit("post.restored").await?.len(), 1);
    Ok(())
}

#[tokio::test]
async fn moderators_pin_move_hide_and_reopen_topics_and_every_action_is_audited() -> Result<()> {
    let f = Forum::start(builder()).await?;
    f.category(&f.elu, "Énergie", "energie", None).await?;
    let topic = open_topic(
        &f.citoyen,
        PORTAL,
        "mobilite",
        "Panneaux solaires",
        "Sur l'école ?",
    )
    .await?;
    let other = open_topic(
        &f.citoyen,
        PORTAL,
        "mobilite",
        "Autre sujet",
        "Plus récent.",
    )
    .await?;
    let id = topic.rsplit('/').next().unwrap_or_default().to_owned();
    let act = |fields: Vec<(&'static str, String)>| {
        let agent = f.agent.clone();
        let id = id.clone();
        async move {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            agent
                .post_form(&format!("{EXTRANET}/t/{id}/moderer"), &fields)
                .await
        }
    };
    act(vec![("action", "pin".into())]).await?;
    let list = f.host.client().get(&format!("{PORTAL}/c/mobilite")).await?;
    let (a, b) = (
        list.text.find("Panneaux solaires"),
        list.text.find("Autre sujet"),
    );
    assert!(a < b, "pinned first");
    assert!(list.contains("Épinglé"));
    let _ = other;
    // Move to the energy category: the topic and its search results follow.
    let energy_id = {
        let page = f.agent.get(&topic).await?;
        let select = page
            .text
            .split("name=\"category_id\"")
            .nth(1)
            .context("move select")?;
        let at = select.find("Énergie").context("energy offered")?;
        let before = &select[..at];
        before
            .rsplit("value=\"")
            .next()
            .and_then(|s| s.split('"').next())
            .context("id")?
            .to_owned()
    };
    act(vec![("action", "move".into()), ("category_id", energy_id)]).await?;
    let energy = f.host.client().get(&format!("{PORTAL}/c/energie")).await?;
    assert!(energy.contains("Panneaux solaires"));
    // Hidden: gone for everyone but moderators.
    act(vec![("action", "hide".into())]).await?;
    assert_eq!(f.citoyen.get(&topic).await?.status, 404);
    assert_eq!(f.agent.get(&topic).await?.status, 200);
    act(vec![("action", "unhide".into())]).await?;
    assert_eq!(f.citoyen.get(&topic).await?.status, 200);
    // A moderator cannot move a topic into a group they are not in.
    let admin_move = f
        .admin
        .post_form(
            &format!("{EXTRANET}/t/{id}/moderer"),
            &[("action", "move"), ("category_id", "2")],
        )
        .await?;
    assert_eq!(admin_move.status, 403);
    for action in [
        "topic.pinned",
        "topic.moved",
        "topic.hidden",
        "topic.unhidden",
    ] {
        assert_eq!(f.audit(action).await?.len(), 1, "{action} audited");
    }
    Ok(())
}

#[tokio::test]
async fn followers_get_notices_and_nobody_is_told_of_their_own_post() -> Result<()> {
    let f = Forum::start(builder()).await?;
    let follow = f
        .elu
        .post_form(
            &format!("{PORTAL}/c/mobilite/suivre"),
            &[("action", "follow")],
        )
        .await?;
    assert!(follow.contains("Vous suivez cette catégorie"));
    let topic = open_topic(
        &f.citoyen,
        PORTAL,
        "mobilite",
        "Trottoirs du bourg",
        "Trop étroits.",
    )
    .await?;
    let elu = f.elu.get(&format!("{PORTAL}/avis")).await?;
    assert!(
        elu.contains("Claire Citoyenne a ouvert le sujet «\u{202f}Trottoirs du bourg\u{202f}»"),
        "{}",
        elu.text
    );
    let citizen = f.citoyen.get(&format!("{PORTAL}/avis")).await?;
    assert!(
        citizen.contains("Aucun avis"),
        "not told of one's own topic"
    );

    reply(&f.elu, &topic, "Nous les élargirons.", None).await?;
    let citizen = f.citoyen.get(&format!("{PORTAL}/avis")).await?;
    assert!(
        citizen.contains("Élodie Élue a répondu dans «\u{202f}Trottoirs du bourg\u{202f}»"),
        "the author follows their topic"
    );
    let elu = f.elu.get(&format!("{PORTAL}/avis")).await?;
    assert!(
        !elu.contains("Élodie Élue a répondu"),
        "not told of one's own reply"
    );
    // The extranet dashboard shows the notices widget.
    let dashboard = f.elu.get("/extranet").await?;
    assert!(
        dashboard.contains("Avis des débats") && dashboard.contains("Trottoirs du bourg"),
        "{}",
        dashboard.text
    );
    // Marking read.
    let read = f
        .citoyen
        .post_form(&format!("{PORTAL}/avis/lus"), &[])
        .await?;
    assert!(read.contains("marqués comme lus") && !read.contains(">non lu<"));
    // Unfollowing stops the notices.
    f.citoyen
        .post_form(&format!("{topic}/suivre"), &[("action", "unfollow")])
        .await?;
    reply(&f.elu, &topic, "Les travaux commencent lundi.", None).await?;
    let citizen = f.citoyen.get(&format!("{PORTAL}/avis")).await?;
    assert_eq!(citizen.text.matches("a répondu dans").count(), 1);
    Ok(())
}

#[tokio::test]
async fn a_mention_tells_the_member_and_links_to_what_they_published() -> Result<()> {
    let f = Forum::start(builder()).await?;
    // The élue has visited the forums, so her handle is known.
    let me = f.elu.get(&format!("{PORTAL}/preferences")).await?;
    assert_eq!(me.status, 200);
    let topic = open_topic(
        &f.citoyen,
        PORTAL,
        "mobilite",
        "Éclairage public",
        "Qu'en pense @elodie-elue ? Et @personne ?",
    )
    .await?;
    let page = f.host.client().get(&topic).await?;
    assert!(
        page.contains(&format!(
            "<a class=\"forums-mention\" href=\"{PORTAL}/membres/elodie-elue\">@elodie-elue</a>"
        )),
        "{}",
        page.text
    );
    assert!(!page.contains(&format!("href=\"{PORTAL}/membres/personne")));
    assert!(page.contains("@personne"), "an unknown handle stays text");
    let notices = f.elu.get(&format!("{PORTAL}/avis")).await?;
    assert!(
        notices
            .contains("Claire Citoyenne vous a mentionné dans «\u{202f}Éclairage public\u{202f}»"),
        "{}",
        notices.text
    );
    // A mention in a private group does not reach someone outside it.
    let _ = f.admin.get(&format!("{EXTRANET}/")).await?;
    open_topic(
        &f.elu,
        EXTRANET,
        "commission",
        "Note interne",
        "À voir avec @alice-admin et @arnaud-agent.",
    )
    .await?;
    let admin = f.admin.get(&format!("{EXTRANET}/avis")).await?;
    assert!(!admin.contains("Note interne"), "{}", admin.text);
    reply(&f.elu, &topic, "J'en parle en commission.", None).await?;

    // The author's handle links to the same page as a mention would.
    let page = f.host.client().get(&topic).await?;
    assert!(
        unescaped(&page).contains(&format!("href=\"{PORTAL}/membres/claire-citoyenne\"")),
        "{}",
        page.text
    );
    let claire = f
        .host
        .client()
        .get(&format!("{PORTAL}/membres/claire-citoyenne"))
        .await?;
    assert!(
        claire.contains("Messages de Claire Citoyenne")
            && claire.contains("Éclairage public")
            && claire.contains("pense @elodie-elue"),
        "{}",
        claire.text
    );
    // On the portal, the élue's page shows her public reply, never her
    // working group's topic, even to herself.
    for c in [&f.host.client(), &f.elu] {
        let elodie = c.get(&format!("{PORTAL}/membres/elodie-elue")).await?;
        assert!(elodie.contains("1 message"), "{}", elodie.text);
        assert!(elodie.contains("en parle en commission"), "{}", elodie.text);
        assert!(!elodie.contains("Note interne"), "{}", elodie.text);
    }
    // In the extranet, group members see it; others do not.
    let to_agent = f
        .agent
        .get(&format!("{EXTRANET}/membres/elodie-elue"))
        .await?;
    assert!(
        to_agent.contains("2 messages") && to_agent.contains("Note interne"),
        "{}",
        to_agent.text
    );
    let to_admin = f
        .admin
        .get(&format!("{EXTRANET}/membres/elodie-elue"))
        .await?;
    assert!(
        to_admin.contains("1 message") && !to_admin.contains("Note interne"),
        "{}",
        to_admin.text
    );
    // A hidden topic leaves the page; an unknown handle is not found.
    let id = topic.rsplit('/').next().unwrap_or_default().to_owned();
    f.agent
        .post_form(&format!("{EXTRANET}/t/{id}/moderer"), &[("action", "hide")])
        .await?;
    let claire = f
        .host
        .client()
        .get(&format!("{PORTAL}/membres/claire-citoyenne"))
        .await?;
    assert!(
        !claire.contains("Éclairage public") && claire.contains("Aucun message publié"),
        "{}",
        claire.text
    );
    let nobody = f
        .host
        .client()
        .get(&format!("{PORTAL}/membres/personne"))
        .await?;
    assert_eq!(nobody.status, 404);
    Ok(())
}

#[tokio::test]
async fn daily_digests_sum_queued_notices_up_once() -> Result<()> {
    let f = Forum::start(builder()).await?;
    let saved = f
        .elu
        .post_form(&format!("{PORTAL}/preferences"), &[("frequency", "daily")])
        .await?;
    assert!(saved.contains("Votre choix est enregistré."));
    let bad = f
        .elu
        .post_form(&format!("{PORTAL}/preferences"), &[("frequency", "hourly")])
        .await?;
    assert_eq!(bad.status, 422);
    let topic = open_topic(&f.elu, PORTAL, "mobilite", "Aire de covoiturage", "Où ?").await?;
    reply(&f.citoyen, &topic, "Près du rond-point.", None).await?;
    reply(&f.citoyen, &topic, "Ou derrière la salle des fêtes.", None).await?;
    let before = f.elu.get(&format!("{PORTAL}/avis")).await?;
    assert!(
        !before.contains("a répondu dans"),
        "nothing shown before the digest"
    );
    assert!(
        before.contains("2 avis attendent votre prochain résumé"),
        "{}",
        before.text
    );

    f.host.set_now("2026-11-25T07:00:00+01:00");
    f.host.run_schedule("forums", "digests").await?;
    f.host.run_schedule("forums", "digests").await?;
    // The next morning the élue signs in again (eight idle hours end a
    // member's session).
    let elu = f.host.login("elu").await?;
    let after = elu.get(&format!("{PORTAL}/avis")).await?;
    assert_eq!(
        after.text.matches("Résumé du jour").count(),
        1,
        "{}",
        after.text
    );
    assert!(
        after.contains("Aire de covoiturage</a> · 2 nouveaux messages"),
        "{}",
        after.text
    );
    assert!(!after.contains("attendent votre prochain résumé"));
    Ok(())
}

#[tokio::test]
async fn weekly_digests_wait_for_monday() -> Result<()> {
    let f = Forum::start(builder()).await?;
    f.elu
        .post_form(&format!("{PORTAL}/preferences"), &[("frequency", "weekly")])
        .await?;
    let topic = open_topic(
        &f.elu,
        PORTAL,
        "mobilite",
        "Transport à la demande",
        "Avis ?",
    )
    .await?;
    reply(&f.citoyen, &topic, "Indispensable pour les aînés.", None).await?;
    f.host.set_now("2026-11-27T07:00:00+01:00");
    f.host.run_schedule("forums", "digests").await?;
    // Days later, the élue signs in again (eight idle hours end a
    // member's session).
    let friday = f
        .host
        .login("elu")
        .await?
        .get(&format!("{PORTAL}/avis"))
        .await?;
    assert!(!friday.contains("Résumé de la semaine"));
    f.host.set_now("2026-11-30T07:00:00+01:00");
    f.host.run_schedule("forums", "digests").await?;
    let monday = f
        .host
        .login("elu")
        .await?
        .get(&format!("{PORTAL}/avis"))
        .await?;
    assert!(
        monday.contains("Résumé de la semaine") && monday.contains("1 nouveau message"),
        "{}",
        monday.text
    );
    Ok(())
}

#[tokio::test]
async fn an_attached_discussion_opens_on_first_reply_and_tells_other_plugins() -> Result<()> {
    let f = Forum::start(builder()).await?;
    let path = format!("{PORTAL}/sujet/polls:42?titre=Horaires%20de%20la%20piscine");
    let empty = f.citoyen.get(&path).await?;
    assert_eq!(empty.status, 200);
    assert!(empty.contains("Aucune réponse pour l’instant"));
    assert!(empty.contains("Horaires de la piscine"));
    assert_eq!(
        f.host
            .client()
            .get(&format!("{PORTAL}/sujet/polls"))
            .await?
            .status,
        404
    );
    assert_eq!(
        f.host
            .client()
            .get(&format!("{PORTAL}/sujet/polls:4%2F2"))
            .await?
            .status,
        404
    );
    let page = f
        .citoyen
        .post_form(
            &format!("{PORTAL}/sujet/polls:42"),
            &[
                ("body", "Ouvrir le dimanche matin."),
                ("alignment", "for"),
                ("form_token", &token(&empty)?),
                ("titre", "Horaires de la piscine"),
            ],
        )
        .await?;
    assert!(page.contains("Votre réponse est publiée"), "{}", page.text);
    let topic = bare(&page.path);
    // The link now leads to the topic, in the attached discussions category.
    let again = f
        .host
        .client()
        .get(&format!("{PORTAL}/sujet/polls:42"))
        .await?;
    assert_eq!(bare(&again.path), topic);
    assert!(again.contains("Ouvrir le dimanche matin.") && again.contains("Discussions liées"));
    reply(&f.elu, &topic, "Nous étudions la question.", None).await?;
    let events = f.events("forums.replied").await?;
    assert_eq!(events.len(), 2, "{events:?}");
    assert_eq!(events[0]["subject_key"], "polls:42");
    assert_eq!(events[1]["author_name"], "Élodie Élue");
    assert_eq!(events[1]["excerpt"], "Nous étudions la question.");
    assert!(events[1]["topic_id"].is_i64() && events[1]["at"].is_string());
    // An ordinary topic publishes nothing.
    let plain = open_topic(&f.elu, PORTAL, "mobilite", "Sans lien", "x").await?;
    reply(&f.citoyen, &plain, "y", None).await?;
    assert_eq!(f.events("forums.replied").await?.len(), 2);
    Ok(())
}

#[tokio::test]
async fn an_elu_concludes_a_debate_and_replies_are_closed() -> Result<()> {
    let f = Forum::start(builder()).await?;
    let topic = open_topic(
        &f.citoyen,
        PORTAL,
        "mobilite",
        "Zone 30 au centre",
        "Pour la sécurité.",
    )
    .await?;
    let id = topic.rsplit('/').next().unwrap_or_default().to_owned();
    // A citizen cannot conclude (the host refuses the extranet to citizens).
    let refused = f
        .citoyen
        .get(&format!("{EXTRANET}/t/{id}/conclure"))
        .await?;
    assert_eq!(refused.status, 403);
    let agent = f.agent.get(&format!("{EXTRANET}/t/{id}/conclure")).await?;
    assert_eq!(agent.status, 403, "staff do not conclude");
    let empty = f
        .elu
        .post_form(
            &format!("{EXTRANET}/t/{id}/conclure"),
            &[("conclusion", " ")],
        )
        .await?;
    assert_eq!(empty.status, 422);
    let done = f
        .elu
        .post_form(
            &format!("{EXTRANET}/t/{id}/conclure"),
            &[(
                "conclusion",
                "La zone 30 sera **testée six mois** dès janvier.",
            )],
        )
        .await?;
    assert!(done.contains("Le débat est clos"), "{}", done.text);
    assert!(
        done.contains("<strong>testée six mois</strong>")
            && done.contains("Conclusion rédigée par Élodie Élue")
    );
    let page = reply(&f.citoyen, &topic, "Trop tard ?", None);
    let page = page.await;
    // The form is gone; a reply sent anyway is refused with the text kept.
    assert!(page.is_err() || page?.status == 409);
    let late = f
        .citoyen
        .post_form(
            &topic,
            &[
                ("body", "Trop tard ?"),
                ("form_token", "0123456789abcdef-0123456789abcdef"),
            ],
        )
        .await?;
    assert_eq!(late.status, 409);
    assert!(late.contains("clos par une conclusion") && late.contains("Trop tard ?"));
    assert_eq!(f.audit("topic.concluded").await?.len(), 1);
    let notices = f.citoyen.get(&format!("{PORTAL}/avis")).await?;
    assert!(notices.contains("a conclu le débat «\u{202f}Zone 30 au centre\u{202f}»"));
    Ok(())
}

#[tokio::test]
async fn search_finds_words_across_titles_and_posts_that_one_may_read() -> Result<()> {
    let f = Forum::start(builder()).await?;
    let topic = open_topic(
        &f.citoyen,
        PORTAL,
        "mobilite",
        "Piscine intercommunale",
        "Les horaires d'été sont trop courts.",
    )
    .await?;
    open_topic(
        &f.elu,
        EXTRANET,
        "commission",
        "Piscine et budget",
        "Horaires d'été chiffrés.",
    )
    .await?;
    let found = f
        .host
        .client()
        .get(&format!("{PORTAL}/recherche?q=piscine%20%C3%A9t%C3%A9"))
        .await?;
    assert!(found.contains("1 résultat pour"), "{}", found.text);
    assert!(
        found.contains("Piscine intercommunale")
            && unescaped(&found).contains(&format!("{topic}#post-")),
        "{}",
        found.text
    );
    assert!(!found.contains("Piscine et budget"));
    let member = f
        .elu
        .get(&format!("{EXTRANET}/recherche?q=piscine%20%C3%A9t%C3%A9"))
        .await?;
    assert!(member.contains("2 résultats pour") && member.contains("Piscine et budget"));
    let short = f
        .host
        .client()
        .get(&format!("{PORTAL}/recherche?q=a"))
        .await?;
    assert!(short.contains("au moins deux caractères"));
    let none = f
        .host
        .client()
        .get(&format!("{PORTAL}/recherche?q=patinoire"))
        .await?;
    assert!(none.contains("Aucun message ne correspond"));
    Ok(())
}

#[tokio::test]
async fn widgets_show_the_latest_debates_and_my_groups() -> Result<()> {
    let f = Forum::start(builder()).await?;
    open_topic(
        &f.citoyen,
        PORTAL,
        "mobilite",
        "Marché bio le jeudi",
        "Bonne idée ?",
    )
    .await?;
    open_topic(
        &f.elu,
        EXTRANET,
        "commission",
        "Compost collectif",
        "Ordre du jour.",
    )
    .await?;
    let home = f.host.client().get("/").await?;
    assert!(
        home.contains("Derniers débats") && home.contains("Marché bio le jeudi"),
        "{}",
        home.text
    );
    assert!(!home.contains("Compost collectif"));
    let elu = f.elu.get("/extranet").await?;
    assert!(
        elu.contains("Mes groupes de travail") && elu.contains("Compost collectif"),
        "{}",
        elu.text
    );
    let admin = f.admin.get("/extranet").await?;
    assert!(!admin.contains("Compost collectif"), "not in the group");
    Ok(())
}

#[tokio::test]
async fn categories_are_managed_by_elus_with_clear_errors() -> Result<()> {
    let f = Forum::start(builder()).await?;
    let list = f.elu.get(&format!("{EXTRANET}/categories")).await?;
    assert!(
        list.contains("Mobilité douce")
            && list.contains("Réservé au groupe «\u{202f}commission-environnement\u{202f}»"),
        "{}",
        list.text
    );
    assert_eq!(
        f.agent.get(&format!("{EXTRANET}/categories")).await?.status,
        403
    );
    let page = f
        .elu
        .post_form(
            &format!("{EXTRANET}/categories/nouvelle"),
            &[
                ("title", "Doublon"),
                ("slug", "mobilite"),
                ("visibility", "private"),
            ],
        )
        .await?;
    assert_eq!(page.status, 422);
    assert!(page.contains("Une autre catégorie a déjà cette adresse."));
    assert!(page.contains("Indiquez le groupe de travail d’une catégorie privée."));
    assert!(page.contains("value=\"Doublon\""));
    assert_eq!(f.audit("category.created").await?.len(), 2);
    Ok(())
}

#[tokio::test]
async fn pages_are_in_english_too() -> Result<()> {
    let f = Forum::start(builder()).await?;
    let topic = open_topic(&f.citoyen, PORTAL, "mobilite", "Cycle paths", "Please.").await?;
    f.citoyen.get(&format!("/langue/en?next={PORTAL}/")).await?;
    let home = f.citoyen.get(&format!("{PORTAL}/")).await?;
    assert!(
        home.contains("Latest debates") && home.contains("Categories"),
        "{}",
        home.text
    );
    let page = f.citoyen.get(&topic).await?;
    assert!(page.contains("Post the reply") && page.contains("Your position"));
    let prefs = f.citoyen.get(&format!("{PORTAL}/preferences")).await?;
    assert!(prefs.contains("One digest a day"));
    Ok(())
}

#[tokio::test]
async fn a_person_downloads_and_erases_their_forum_data() -> Result<()> {
    let f = Forum::start(builder()).await?;
    let topic = open_topic(
        &f.citoyen,
        PORTAL,
        "mobilite",
        "Bancs publics",
        "Plus de bancs, s'il vous plaît.",
    )
    .await?;
    f.citoyen
        .post_form(&format!("{PORTAL}/preferences"), &[("frequency", "weekly")])
        .await?;
    let data = f.citoyen.get("/compte/donnees.json").await?;
    assert_eq!(data.status, 200);
    assert!(
        data.contains("Plus de bancs, s'il vous plaît.") && data.contains("weekly"),
        "{}",
        data.text
    );
    let gone = f
        .citoyen
        .post_form(
            "/compte/supprimer",
            &[("password", estive_testing::PASSWORD)],
        )
        .await?;
    assert_eq!(gone.status, 200, "{}", gone.text);
    let page = f.host.client().get(&topic).await?;
    assert!(
        page.contains("Plus de bancs"),
        "the debate keeps its thread"
    );
    assert!(
        !page.contains("Claire Citoyenne") && page.contains("Compte supprimé"),
        "{}",
        page.text
    );
    Ok(())
}

#[tokio::test]
async fn the_demo_site_data_loads_and_shows_a_lively_forum() -> Result<()> {
    let host = builder().start().await?;
    let demo =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../sites/veziaux-aure/demo");
    let loaded = host
        .state
        .platform
        .load_demo(estive_testing::SITE, &demo)
        .await?;
    ensure!(
        loaded.iter().any(|(p, n)| p == "forums" && *n > 20),
        "{loaded:?}"
    );
    let home = host.client().get(&format!("{PORTAL}/")).await?;
    assert!(home.contains("Climat et énergie") && home.contains("Une chaufferie bois"));
    assert!(!home.contains("Commission environnement"));
    let closed = host
        .client()
        .get(&format!("{PORTAL}/c/climat-energie"))
        .await?;
    let path = unescaped(&closed)
        .split("href=\"")
        .find(|s| s.contains("/t/") && closed.text.contains("Éteindre"))
        .map(|s| s.split('"').next().unwrap_or_default().to_owned())
        .context("a topic link")?;
    assert!(path.starts_with(PORTAL), "{path}");
    let agent = host.login("agent").await?;
    let queue = agent.get(&format!("{EXTRANET}/moderation")).await?;
    assert!(
        queue.contains("3 signalements") && queue.contains("Je veux bien être référente"),
        "{}",
        queue.text
    );
    let elu = host.login("elu").await?;
    let group = elu.get(&format!("{EXTRANET}/c/commission")).await?;
    assert!(group.contains("Ordre du jour de la commission"));
    Ok(())
}

/// The e-mails sent to an account, soft line breaks of quoted-printable
/// bodies undone.
fn mails_to(host: &TestHost, username: &str) -> Vec<String> {
    let to = format!("{username}@example.org");
    host.mails()
        .into_iter()
        .filter(|m| m.lines().any(|l| l.starts_with("To:") && l.contains(&to)))
        .map(|m| m.replace("=\r\n", "").replace("=\n", ""))
        .collect()
}

#[tokio::test]
async fn immediate_followers_get_one_mail_per_reply_and_none_for_their_own() -> Result<()> {
    let f = Forum::start(builder()).await?;
    let topic = open_topic(
        &f.elu,
        PORTAL,
        "mobilite",
        "Navette du marche",
        "Quel jour ?",
    )
    .await?;
    assert!(
        mails_to(&f.host, "elu").is_empty(),
        "no mail for one's own topic"
    );
    reply(
        &f.citoyen,
        &topic,
        "Plutot le mardi soir, **vraiment**.",
        None,
    )
    .await?;
    let to_elu = mails_to(&f.host, "elu");
    assert_eq!(to_elu.len(), 1, "{to_elu:?}");
    let mail = &to_elu[0];
    assert!(mail.contains("Plutot le mardi soir, vraiment."), "{mail}");
    assert!(!mail.contains("<strong>") && !mail.contains("**"), "{mail}");
    assert!(mail.contains("http://test.localhost/debats/t/"), "{mail}");
    assert!(
        mails_to(&f.host, "citoyen").is_empty(),
        "the author of the reply is not told"
    );
    // The author's own reply to their topic: nothing more for them.
    reply(&f.elu, &topic, "Va pour mardi.", None).await?;
    assert_eq!(mails_to(&f.host, "elu").len(), 1);
    // The citoyen follows the topic by replying: told of the elu's reply.
    assert_eq!(mails_to(&f.host, "citoyen").len(), 1);
    // The notice is kept in the plugin too.
    let notices = f.elu.get(&format!("{PORTAL}/avis")).await?;
    assert!(notices.contains("Navette du marche"), "{}", notices.text);
    Ok(())
}

#[tokio::test]
async fn daily_followers_get_their_digest_by_mail_once() -> Result<()> {
    let f = Forum::start(builder()).await?;
    f.elu
        .post_form(&format!("{PORTAL}/preferences"), &[("frequency", "daily")])
        .await?;
    let topic = open_topic(&f.elu, PORTAL, "mobilite", "Pistes cyclables", "Ou ?").await?;
    reply(&f.citoyen, &topic, "Le long du canal.", None).await?;
    reply(&f.citoyen, &topic, "Et vers la gare.", None).await?;
    assert!(
        mails_to(&f.host, "elu").is_empty(),
        "no immediate mail for a daily digest"
    );
    f.host.set_now("2026-11-25T07:00:00+01:00");
    f.host.run_schedule("forums", "digests").await?;
    let to_elu = mails_to(&f.host, "elu");
    assert_eq!(to_elu.len(), 1, "{to_elu:?}");
    assert!(to_elu[0].contains("Pistes cyclables"), "{}", to_elu[0]);
    assert!(
        to_elu[0].contains("http://test.localhost/debats/t/"),
        "{}",
        to_elu[0]
    );
    f.host.run_schedule("forums", "digests").await?;
    f.host.run_schedule("forums", "mail").await?;
    assert_eq!(mails_to(&f.host, "elu").len(), 1, "nothing sent twice");
    Ok(())
}
