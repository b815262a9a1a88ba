//! Attached discussions as the plugins that show their latest replies see
//! them: `forums.replied` and `forums.reply-hidden`, read from the host's
//! event outbox in the order they were published, follow every change of a
//! reply's visibility made through the pages' own forms (moderation queue,
//! topic page, report form, category form, account erasure).

use anyhow::{Context as _, Result, ensure};
use estive_core::db::entities::outbox_event;
use estive_testing::{Form, Page};
use sea_orm::{EntityTrait, QueryOrder};
use serde_json::{Value, json};

use super::{EXTRANET, Forum, GROUP, PORTAL, bare, builder, post_ids, reply, unescaped};

/// The attached-discussion events so far, oldest first: the event's name
/// without `forums.`, and its payload.
async fn timeline(f: &Forum) -> Result<Vec<(String, Value)>> {
    Ok(outbox_event::Entity::find()
        .order_by_asc(outbox_event::Column::Id)
        .all(&f.host.state.platform.db)
        .await?
        .into_iter()
        .filter_map(|e| {
            let name = e.topic.strip_prefix("forums.")?;
            (name == "replied" || name == "reply-hidden").then(|| {
                (
                    name.to_owned(),
                    serde_json::from_str(&e.payload).unwrap_or_default(),
                )
            })
        })
        .collect())
}

/// The events after the first `seen`, as (name, post id).
async fn since(f: &Forum, seen: usize) -> Result<Vec<(String, i64)>> {
    Ok(timeline(f)
        .await?
        .into_iter()
        .skip(seen)
        .map(|(n, p)| (n, p["post_id"].as_i64().unwrap_or_default()))
        .collect())
}

fn ev(name: &str, post: i64) -> (String, i64) {
    (name.to_owned(), post)
}

/// The moderation tools of a topic page (not its "move" form).
fn topic_tools(page: &Page, topic_id: &str) -> Result<Form> {
    let action = format!("{EXTRANET}/t/{topic_id}/moderer");
    page.forms()
        .into_iter()
        .find(|f| f.action == action && !f.names().contains(&"category_id".to_owned()))
        .with_context(|| format!("no moderation tools on {}", page.path))
}

#[tokio::test]
async fn a_reply_is_announced_only_while_visible_and_withdrawn_whenever_hidden() -> Result<()> {
    let b = builder()
        .setting("forums", "trusted_after", 1)
        .setting("forums", "auto_hide_reports", 1)
        .user("paul", "Paul Passant", &["citizen"]);
    let f = Forum::start(b).await?;

    // A new citizen's first reply waits for a moderator: not announced.
    let subject = f
        .citoyen
        .get(&format!(
            "{PORTAL}/sujet/polls:42?titre=Horaires%20de%20la%20piscine"
        ))
        .await?;
    let mut form = subject.form_with("body")?;
    form.set("body", "Ouvrir le **dimanche** matin.")?;
    let page = form.submit(&f.citoyen).await?;
    assert!(page.contains("sera publiée dès qu"), "{}", page.text);
    let topic = bare(&page.path);
    let topic_id = topic.rsplit('/').next().unwrap_or_default().to_owned();
    let first: i64 = post_ids(&page)
        .last()
        .context("the pending reply")?
        .parse()?;
    assert_eq!(timeline(&f).await?, [], "a pending reply is not announced");

    // Approved from the queue: announced, with what a page needs.
    let queue = f.agent.get(&format!("{EXTRANET}/moderation")).await?;
    queue
        .form(&format!("{EXTRANET}/p/{first}/moderer"))?
        .submit_with(&f.agent, "action", "approve")
        .await?;
    let events = timeline(&f).await?;
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].0, "replied");
    let p = &events[0].1;
    assert_eq!(p["subject_key"], "polls:42");
    assert_eq!(p["topic_id"].to_string(), topic_id);
    assert_eq!(p["post_id"], first);
    assert_eq!(p["excerpt"], "Ouvrir le dimanche matin.");
    assert_eq!(p["author_name"], "Claire Citoyenne");
    // When it was written (the test clock runs on from 09:00 in Paris).
    let at = p["at"].as_str().unwrap_or_default();
    assert!(
        at.starts_with("2026-11-24T08:0") && at.ends_with('Z'),
        "{at}"
    );
    assert_eq!(p["url"], format!("{PORTAL}/t/{topic_id}#post-{first}"));

    // An élu's reply goes out at once.
    let page = reply(&f.elu, &topic, "Nous étudions la question.", None).await?;
    let second: i64 = post_ids(&page).last().context("the élu's reply")?.parse()?;
    assert_eq!(since(&f, 1).await?, [ev("replied", second)]);

    // Hidden by a moderator from the topic page, then restored.
    let page = f.agent.get(&topic).await?;
    page.form(&format!("{EXTRANET}/p/{second}/moderer"))?
        .submit_with(&f.agent, "action", "hide")
        .await?;
    let events = timeline(&f).await?;
    assert_eq!(
        events[2],
        (
            "reply-hidden".to_owned(),
            json!({ "subject_key": "polls:42", "topic_id": p["topic_id"], "post_id": second })
        )
    );
    let page = f.agent.get(&topic).await?;
    page.form(&format!("{EXTRANET}/p/{second}/moderer"))?
        .submit_with(&f.agent, "action", "restore")
        .await?;
    assert_eq!(since(&f, 3).await?, [ev("replied", second)]);

    // Hidden by a report (one is enough on this site), restored from the queue.
    let mut report = f
        .elu
        .get(&format!("{PORTAL}/p/{first}/signaler"))
        .await?
        .form(&format!("{PORTAL}/p/{first}/signaler"))?;
    report.choose_any("reason")?;
    let thanks = report.submit(&f.elu).await?;
    assert!(
        thanks.contains("signalement est transmis"),
        "{}",
        thanks.text
    );
    assert_eq!(since(&f, 4).await?, [ev("reply-hidden", first)]);
    // The queue lists it twice (reported, and hidden): either form restores.
    let queue = f.agent.get(&format!("{EXTRANET}/moderation")).await?;
    let action = format!("{EXTRANET}/p/{first}/moderer");
    let restore: Vec<Form> = queue
        .forms()
        .into_iter()
        .filter(|f| f.action == action)
        .collect();
    assert_eq!(restore.len(), 2, "{}", queue.text);
    restore[0]
        .submit_with(&f.agent, "action", "restore")
        .await?;
    assert_eq!(since(&f, 5).await?, [ev("replied", first)]);

    // A reply refused while it waited was never announced: nothing to withdraw.
    let paul = f.host.login("paul").await?;
    let page = reply(&paul, &topic, "Publicité pour mon garage.", None).await?;
    let refused = post_ids(&page).last().context("Paul's reply")?.clone();
    let queue = f.agent.get(&format!("{EXTRANET}/moderation")).await?;
    queue
        .form(&format!("{EXTRANET}/p/{refused}/moderer"))?
        .submit_with(&f.agent, "action", "reject")
        .await?;
    assert_eq!(since(&f, 6).await?, []);

    // The whole topic hidden, then visible again: every visible reply.
    let page = f.agent.get(&topic).await?;
    topic_tools(&page, &topic_id)?
        .submit_with(&f.agent, "action", "hide")
        .await?;
    let mut hidden = since(&f, 6).await?;
    hidden.sort();
    assert_eq!(
        hidden,
        [ev("reply-hidden", first), ev("reply-hidden", second)]
    );
    let page = f.agent.get(&topic).await?;
    topic_tools(&page, &topic_id)?
        .submit_with(&f.agent, "action", "unhide")
        .await?;
    let mut shown = since(&f, 8).await?;
    shown.sort();
    assert_eq!(shown, [ev("replied", first), ev("replied", second)]);

    // Locking or pinning changes nothing others show.
    let page = f.agent.get(&topic).await?;
    topic_tools(&page, &topic_id)?
        .submit_with(&f.agent, "action", "lock")
        .await?;
    assert_eq!(since(&f, 10).await?, []);

    // Hidden with its author.
    let page = f.agent.get(&topic).await?;
    page.form(&format!("{EXTRANET}/p/{second}/moderer"))?
        .submit_with(&f.agent, "action", "hide-author")
        .await?;
    assert_eq!(since(&f, 10).await?, [ev("reply-hidden", second)]);

    // Moved into the working group's private forum: its text must not
    // leave the group; moved back to the public discussions: announced.
    let page = f.agent.get(&topic).await?;
    let mut moving = page.form_with("category_id")?;
    moving.choose("category_id", "Commission environnement")?;
    let moved = moving.submit(&f.agent).await?;
    assert!(moved.contains("Sujet déplacé."), "{}", moved.text);
    assert_eq!(since(&f, 11).await?, [ev("reply-hidden", first)]);
    let page = f.agent.get(&format!("{EXTRANET}/t/{topic_id}")).await?;
    let mut moving = page.form_with("category_id")?;
    moving.choose("category_id", "Discussions liées")?;
    moving.submit(&f.agent).await?;
    assert_eq!(since(&f, 12).await?, [ev("replied", first)]);
    Ok(())
}

#[tokio::test]
async fn a_category_made_private_or_an_erased_author_is_told_to_other_plugins() -> Result<()> {
    let f = Forum::start(builder()).await?;
    let subject = f
        .citoyen
        .get(&format!("{PORTAL}/sujet/indicators:action-3"))
        .await?;
    let mut form = subject.form_with("body")?;
    form.set("body", "Le compost partagé marche bien au hameau.")?;
    form.choose("alignment", "Pour")?;
    let page = form.submit(&f.citoyen).await?;
    assert!(page.contains("Votre réponse est publiée"), "{}", page.text);
    let post: i64 = post_ids(&page).last().context("the reply")?.parse()?;
    assert_eq!(since(&f, 0).await?, [ev("replied", post)]);

    // The category of attached discussions made private to a group.
    let list = f.elu.get(&format!("{EXTRANET}/categories")).await?;
    let id = unescaped(&list)
        .split("\">Discussions liées")
        .next()
        .and_then(|s| s.rsplit("/categories/").next())
        .context("the attached discussions' category")?
        .to_owned();
    ensure!(id.chars().all(|c| c.is_ascii_digit()), "{id}");
    let edit = f.elu.get(&format!("{EXTRANET}/categories/{id}")).await?;
    let mut form = edit.form(&format!("{EXTRANET}/categories/{id}"))?;
    assert_eq!(form.value("title").as_deref(), Some("Discussions liées"));
    form.set("visibility", "private")?;
    assert!(edit.contains(GROUP), "the page suggests the élu's group");
    form.set("group_slug", GROUP)?;
    let saved = form.submit(&f.elu).await?;
    assert!(saved.contains("Catégorie enregistrée."), "{}", saved.text);
    assert_eq!(since(&f, 1).await?, [ev("reply-hidden", post)]);
    let edit = f.elu.get(&format!("{EXTRANET}/categories/{id}")).await?;
    let mut form = edit.form(&format!("{EXTRANET}/categories/{id}"))?;
    assert_eq!(form.value("group_slug").as_deref(), Some(GROUP));
    form.set("visibility", "public")?;
    form.submit(&f.elu).await?;
    assert_eq!(since(&f, 2).await?, [ev("replied", post)]);

    // The author erases their account: the name leaves the copies too.
    let gone = f
        .citoyen
        .post_form(
            "/compte/supprimer",
            &[("password", estive_testing::PASSWORD)],
        )
        .await?;
    assert_eq!(gone.status, 200, "{}", gone.text);
    let events = timeline(&f).await?;
    assert_eq!(events.len(), 5, "{events:?}");
    assert_eq!(events[3].0, "reply-hidden");
    assert_eq!(events[3].1["post_id"], post);
    assert_eq!(events[4].0, "replied");
    assert_eq!(events[4].1["post_id"], post);
    assert_eq!(events[4].1["author_name"], "");
    assert_eq!(
        events[4].1["excerpt"],
        "Le compost partagé marche bien au hameau."
    );
    Ok(())
}
