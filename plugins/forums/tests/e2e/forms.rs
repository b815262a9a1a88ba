//! Every form of the plugin, read from the page that renders it, filled
//! only from what that page offers (its options, its hidden values) and
//! sent as a browser would; each test then checks that the data changed.
//!
//! The templates hold 15 forms (`grep -c '<form' templates/*.html`):
//!
//! | template | form | test |
//! |---|---|---|
//! | `_search_form.html` | search (GET) | `a_citizen_uses_the_portal_forms_as_rendered` |
//! | `new_topic.html` | new topic | `a_citizen_uses_the_portal_forms_as_rendered` |
//! | `category.html` | follow a category | `a_citizen_uses_the_portal_forms_as_rendered` |
//! | `_reply_form.html` | reply (topic page) | `a_citizen_uses_the_portal_forms_as_rendered` |
//! | `_reply_form.html` | reply (attached discussion page) | `attached::*` (both tests) |
//! | `topic.html` | follow a topic | `a_citizen_uses_the_portal_forms_as_rendered` |
//! | `report.html` | report a post | `a_citizen_uses_the_portal_forms_as_rendered` |
//! | `preferences.html` | notice frequency | `a_citizen_uses_the_portal_forms_as_rendered` |
//! | `notices.html` | mark notices read | `a_citizen_uses_the_portal_forms_as_rendered` |
//! | `_queue_post.html` | moderate a post (queue) | `staff_moderate_with_the_forms_as_rendered` |
//! | `topic.html` | moderate a post (topic page) | `staff_moderate_with_the_forms_as_rendered` |
//! | `topic.html` | topic tools (pin, lock, hide…) | `staff_moderate_with_the_forms_as_rendered` |
//! | `topic.html` | move a topic | `staff_moderate_with_the_forms_as_rendered` |
//! | `moderation.html` | let a suspended member post again | `staff_moderate_with_the_forms_as_rendered` |
//! | `category_form.html` | new and edited category | `elus_manage_categories_and_conclude_with_the_forms_as_rendered` |
//! | `conclude.html` | conclude a debate | `elus_manage_categories_and_conclude_with_the_forms_as_rendered` |
//!
//! The extranet reply form of a working group is also sent by Chromium in
//! `browser.rs`.

use anyhow::{Context as _, Result, ensure};

use super::{
    EXTRANET, Forum, GROUP, PORTAL, bare, builder, open_topic, post_ids, summary, unescaped,
};

#[tokio::test]
async fn a_citizen_uses_the_portal_forms_as_rendered() -> Result<()> {
    let f = Forum::start(builder()).await?;

    // New topic: the form carries its own idempotency token.
    let page = f
        .citoyen
        .get(&format!("{PORTAL}/c/mobilite/nouveau"))
        .await?;
    let form = page.form(&format!("{PORTAL}/c/mobilite/nouveau"))?;
    assert!(
        form.value("form_token").is_some_and(|t| t.len() > 16),
        "a token"
    );
    // Sent empty, it comes back with both errors, in the form's order and
    // naming their fields; their count starts the document's title, not
    // the heading.
    let page = form.submit(&f.citoyen).await?;
    assert_eq!(page.status, 422, "{}", page.text);
    assert!(
        page.title().starts_with("Erreur : 2 champs à corriger – "),
        "{}",
        page.title()
    );
    assert!(
        page.heading().starts_with("Nouveau sujet dans"),
        "{}",
        page.heading()
    );
    assert_eq!(
        summary(&page),
        [
            (
                "forums-title".to_owned(),
                "Titre : Ce champ est obligatoire.".to_owned()
            ),
            (
                "forums-body".to_owned(),
                "Message : Écrivez votre message.".to_owned()
            ),
        ]
    );
    let mut form = page.form(&format!("{PORTAL}/c/mobilite/nouveau"))?;
    form.set("title", "Un abri vélo à la gare")?
        .set("body", "Couvert, si possible.")?;
    let page = form.submit(&f.citoyen).await?;
    assert!(
        page.contains("Votre sujet est ouvert.") && page.contains("Un abri vélo à la gare"),
        "{}",
        page.text
    );
    let topic = bare(&page.path);
    ensure!(topic.starts_with(&format!("{PORTAL}/t/")), "{topic}");

    // Follow a category: the form says which way it goes.
    let page = f.elu.get(&format!("{PORTAL}/c/mobilite")).await?;
    let form = page.form(&format!("{PORTAL}/c/mobilite/suivre"))?;
    assert_eq!(form.value("action").as_deref(), Some("follow"));
    let page = form.submit(&f.elu).await?;
    assert!(
        page.contains("Vous suivez cette catégorie"),
        "{}",
        page.text
    );
    let form = page.form(&format!("{PORTAL}/c/mobilite/suivre"))?;
    assert_eq!(form.value("action").as_deref(), Some("unfollow"));

    // Reply with a position chosen among those offered.
    let page = f.elu.get(&topic).await?;
    let mut form = page.form_with("body")?;
    assert_eq!(form.value("alignment").as_deref(), Some("neutral"));
    assert_eq!(form.options("alignment").len(), 3);
    form.set("body", "Bonne idée, chiffrons-la.")?
        .choose("alignment", "Pour")?;
    let page = form.submit(&f.elu).await?;
    assert!(page.contains("Votre réponse est publiée."), "{}", page.text);
    assert!(
        page.contains("<dt>Pour</dt><dd class=\"stat-value\">1</dd>"),
        "{}",
        page.text
    );
    let reply_id = post_ids(&page).last().context("the reply")?.clone();

    // The citizen was told, then stops following the topic.
    let page = f.citoyen.get(&topic).await?;
    let form = page.form(&format!("{topic}/suivre"))?;
    assert_eq!(form.value("action").as_deref(), Some("unfollow"));
    let page = form.submit(&f.citoyen).await?;
    assert!(
        page.contains("Vous ne suivez plus ce fil."),
        "{}",
        page.text
    );
    assert_eq!(
        page.form(&format!("{topic}/suivre"))?
            .value("action")
            .as_deref(),
        Some("follow")
    );

    // Report, with a reason among those offered and a note.
    let page = f
        .citoyen
        .get(&format!("{PORTAL}/p/{reply_id}/signaler"))
        .await?;
    let mut form = page.form(&format!("{PORTAL}/p/{reply_id}/signaler"))?;
    assert_eq!(form.options("reason").len(), 3);
    form.choose("reason", "Hors sujet")?
        .set("note", "Rien à voir avec la gare.")?;
    let page = form.submit(&f.citoyen).await?;
    assert!(page.contains("signalement est transmis"), "{}", page.text);
    let queue = f.agent.get(&format!("{EXTRANET}/moderation")).await?;
    assert!(
        queue.contains("Hors sujet (1)") && queue.contains("Rien à voir avec la gare."),
        "{}",
        queue.text
    );

    // Notice frequency: the site's default until one chooses.
    let page = f.citoyen.get(&format!("{PORTAL}/preferences")).await?;
    assert!(page.contains("pas encore fait de choix") && page.contains("par courriel"));
    assert!(!page.contains("pas encore disponible"), "{}", page.text);
    let mut form = page.form(&format!("{PORTAL}/preferences"))?;
    assert_eq!(form.value("frequency").as_deref(), Some("immediate"));
    form.choose("frequency", "Un résumé par jour")?;
    let page = form.submit(&f.citoyen).await?;
    assert!(
        page.contains("Votre choix est enregistré."),
        "{}",
        page.text
    );
    assert!(!page.contains("pas encore fait de choix"));
    assert_eq!(
        page.form(&format!("{PORTAL}/preferences"))?
            .value("frequency")
            .as_deref(),
        Some("daily")
    );

    // Mark notices read: the reply's notice was shown at once.
    let page = f.citoyen.get(&format!("{PORTAL}/avis")).await?;
    assert!(page.contains("non lu"), "{}", page.text);
    let page = page
        .form(&format!("{PORTAL}/avis/lus"))?
        .submit(&f.citoyen)
        .await?;
    assert!(page.contains("marqués comme lus") && !page.contains(">non lu<"));
    assert!(
        page.forms()
            .iter()
            .all(|f| f.action != format!("{PORTAL}/avis/lus")),
        "nothing left to mark"
    );

    // Search, from the home page's form (GET).
    let home = f.host.client().get(&format!("{PORTAL}/")).await?;
    let mut form = home.form(&format!("{PORTAL}/recherche"))?;
    assert_eq!(form.method, "get");
    form.set("q", "couvert")?;
    let found = form.submit(&f.host.client()).await?;
    assert!(
        found.contains("1 résultat pour") && found.contains("Un abri vélo à la gare"),
        "{}",
        found.text
    );
    Ok(())
}

#[tokio::test]
async fn staff_moderate_with_the_forms_as_rendered() -> Result<()> {
    let b =
        builder()
            .setting("forums", "trusted_after", 1)
            .user("paul", "Paul Passant", &["citizen"]);
    let f = Forum::start(b).await?;
    f.category(&f.elu, "Énergie", "energie", None).await?;
    let topic = open_topic(
        &f.elu,
        PORTAL,
        "mobilite",
        "Parking du collège",
        "Trop petit ?",
    )
    .await?;
    let id = topic.rsplit('/').next().unwrap_or_default().to_owned();
    let paul = f.host.login("paul").await?;
    let page = paul.get(&topic).await?;
    let mut form = page.form_with("body")?;
    form.set("body", "Agrandissons-le sur le pré.")?;
    let page = form.submit(&paul).await?;
    let post = post_ids(&page).last().context("Paul's reply")?.clone();

    // The queue: approve.
    let queue = f.agent.get(&format!("{EXTRANET}/moderation")).await?;
    let page = queue
        .form(&format!("{EXTRANET}/p/{post}/moderer"))?
        .submit_with(&f.agent, "action", "approve")
        .await?;
    assert!(
        page.contains("Message approuvé et publié."),
        "{}",
        page.text
    );
    assert!(
        f.host
            .client()
            .get(&topic)
            .await?
            .contains("Agrandissons-le")
    );

    // The topic page: hide the post.
    let page = f.agent.get(&topic).await?;
    let form = page.form(&format!("{EXTRANET}/p/{post}/moderer"))?;
    assert_eq!(
        form.value("next").map(|n| bare(&n)),
        Some(topic.clone()),
        "back to the topic"
    );
    let page = form.submit_with(&f.agent, "action", "hide").await?;
    assert!(page.contains("Message masqué."), "{}", page.text);
    let public = f.host.client().get(&topic).await?;
    assert!(
        !public.contains("Agrandissons-le") && public.contains("masqué par la modération"),
        "{}",
        public.text
    );

    // The topic tools: pin.
    let page = f.agent.get(&topic).await?;
    let tools = page
        .forms()
        .into_iter()
        .find(|f| {
            f.action == format!("{EXTRANET}/t/{id}/moderer")
                && !f.names().contains(&"category_id".to_owned())
        })
        .context("topic tools")?;
    let page = tools.submit_with(&f.agent, "action", "pin").await?;
    assert!(page.contains("Sujet épinglé."), "{}", page.text);
    let list = f.host.client().get(&format!("{PORTAL}/c/mobilite")).await?;
    assert!(list.contains("Épinglé"), "{}", list.text);

    // Move, to a category the select offers.
    let page = f.agent.get(&topic).await?;
    let mut form = page.form_with("category_id")?;
    let offered: Vec<String> = form
        .options("category_id")
        .into_iter()
        .map(|(_, label)| label)
        .collect();
    assert!(
        offered.iter().any(|l| l.contains("Énergie"))
            && !offered.iter().any(|l| l.contains("Mobilité douce")),
        "{offered:?}"
    );
    form.choose("category_id", "Énergie")?;
    let page = form.submit(&f.agent).await?;
    assert!(page.contains("Sujet déplacé."), "{}", page.text);
    let energy = f.host.client().get(&format!("{PORTAL}/c/energie")).await?;
    assert!(energy.contains("Parking du collège"), "{}", energy.text);

    // From the queue's hidden posts: suspend the author; then let them post
    // again from the list of suspended members.
    let queue = f.agent.get(&format!("{EXTRANET}/moderation")).await?;
    let page = queue
        .form(&format!("{EXTRANET}/p/{post}/moderer"))?
        .submit_with(&f.agent, "action", "hide-author")
        .await?;
    assert!(
        page.contains("Le compte ne peut plus publier")
            && page.contains("Paul Passant (@paul-passant)"),
        "{}",
        page.text
    );
    let refused = paul.get(&format!("{PORTAL}/t/{id}")).await?;
    assert!(refused.form_with("body").is_err(), "{}", refused.text);
    let member = page
        .forms()
        .into_iter()
        .find(|f| f.action.contains("/membres/"))
        .context("the suspended member's form")?;
    let page = member.submit_with(&f.agent, "action", "unhide").await?;
    assert!(
        page.contains("Le compte peut de nouveau publier.")
            && page.contains("Aucun compte suspendu."),
        "{}",
        page.text
    );
    let again = paul.get(&format!("{PORTAL}/t/{id}")).await?;
    assert!(again.form_with("body").is_ok(), "{}", again.text);
    Ok(())
}

#[tokio::test]
async fn elus_manage_categories_and_conclude_with_the_forms_as_rendered() -> Result<()> {
    let f = Forum::start(builder()).await?;

    // A new private category for the élu's own working group.
    let page = f
        .elu
        .get(&format!("{EXTRANET}/categories/nouvelle"))
        .await?;
    let mut form = page.form(&format!("{EXTRANET}/categories/nouvelle"))?;
    assert_eq!(form.value("visibility").as_deref(), Some("public"));
    assert!(page.contains(GROUP), "the page suggests the élu's group");
    // A taken address and a private category without its group: the group
    // is checked first, but the summary follows the form (address, then
    // group), each line naming its field, and the count is in the title.
    form.set("title", "Voirie")?
        .set("slug", "mobilite")?
        .set("visibility", "private")?;
    let page = form.submit(&f.elu).await?;
    assert_eq!(page.status, 422, "{}", page.text);
    assert!(
        page.title()
            .starts_with("Erreur : 2 champs à corriger – Nouvelle catégorie"),
        "{}",
        page.title()
    );
    assert_eq!(page.heading(), "Nouvelle catégorie");
    assert_eq!(
        summary(&page),
        [
            (
                "forums-slug".to_owned(),
                "Adresse : Une autre catégorie a déjà cette adresse.".to_owned()
            ),
            (
                "forums-group_slug".to_owned(),
                "Groupe de travail : Indiquez le groupe de travail d’une catégorie privée."
                    .to_owned()
            ),
        ]
    );
    let mut form = page.form(&format!("{EXTRANET}/categories/nouvelle"))?;
    assert_eq!(form.value("title").as_deref(), Some("Voirie"), "kept");
    assert_eq!(form.value("visibility").as_deref(), Some("private"));
    form.set("slug", "")?.set("group_slug", GROUP)?;
    let page = form.submit(&f.elu).await?;
    assert!(page.contains("Catégorie enregistrée."), "{}", page.text);

    // Edited from the list: the form comes filled with what is stored.
    let id = unescaped(&page)
        .split("\">Voirie</a>")
        .next()
        .and_then(|s| s.rsplit("/categories/").next())
        .context("the new category in the list")?
        .to_owned();
    let page = f.elu.get(&format!("{EXTRANET}/categories/{id}")).await?;
    let mut form = page.form(&format!("{EXTRANET}/categories/{id}"))?;
    assert_eq!(form.value("slug").as_deref(), Some("voirie"));
    assert_eq!(form.value("visibility").as_deref(), Some("private"));
    assert_eq!(form.value("group_slug").as_deref(), Some(GROUP));
    form.set("title", "Voirie et réseaux")?
        .set("position", "5")?;
    let page = form.submit(&f.elu).await?;
    assert!(
        page.contains("Voirie et réseaux") && page.contains("<td class=\"num\">5</td>"),
        "{}",
        page.text
    );
    let groups = f.agent.get(&format!("{EXTRANET}/")).await?;
    assert!(groups.contains("Voirie et réseaux"), "{}", groups.text);

    // Conclude a debate of that group.
    let topic = open_topic(
        &f.elu,
        EXTRANET,
        "voirie",
        "Réfection de la route des crêtes",
        "Trois devis reçus.",
    )
    .await?;
    let id = topic.rsplit('/').next().unwrap_or_default().to_owned();
    let page = f.elu.get(&format!("{EXTRANET}/t/{id}/conclure")).await?;
    let mut form = page.form(&format!("{EXTRANET}/t/{id}/conclure"))?;
    form.set("conclusion", "Le devis **le moins cher** est retenu.")?;
    let page = form.submit(&f.elu).await?;
    assert!(
        page.contains("Le débat est clos")
            && page.contains("<strong>le moins cher</strong>")
            && page.form_with("body").is_err(),
        "{}",
        page.text
    );
    Ok(())
}
