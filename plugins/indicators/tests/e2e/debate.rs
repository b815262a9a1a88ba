//! The discussion attached to an action in `forums`: replies announced by
//! `forums.replied` show on the action's public page (the latest few, with
//! author, date and excerpt) beside a link to join the debate, a reply
//! hidden since (`forums.reply-hidden`) goes away, and where forums is not
//! enabled the page has neither the section nor the link.

use anyhow::Result;
use estive_testing::TestHost;
use serde_json::json;

use super::{EXTRANET, builder, create_action, first_axis, host, shown, value};

/// A `forums.replied` payload as forums publishes it.
fn replied(action: &str, post: i64, author: &str, excerpt: &str, at: &str) -> serde_json::Value {
    json!({
        "subject_key": format!("indicators:action-{action}"),
        "topic_id": 7,
        "post_id": post,
        "excerpt": excerpt,
        "author_name": author,
        "at": at,
        "url": format!("/debats/t/7#post-{post}"),
    })
}

/// The action's public page with the escapes minijinja writes undone, to
/// read links and apostrophes as a browser does.
async fn action_page(host: &TestHost, id: &str) -> Result<String> {
    let page = shown(&host.client(), &format!("/agenda21/actions/{id}")).await?;
    Ok(page
        .text
        .replace("&#x2f;", "/")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&"))
}

async fn kept(host: &TestHost) -> Result<String> {
    Ok(value(
        host,
        "SELECT CAST(COUNT(*) AS TEXT) FROM p_indicators__discussion_replies",
    )
    .await?
    .unwrap_or_default())
}

#[tokio::test]
async fn the_action_page_shows_the_latest_replies_and_a_link_to_join_the_debate() -> Result<()> {
    let host = builder()
        .plugin(concat!(env!("CARGO_MANIFEST_DIR"), "/../forums"))
        .start()
        .await?;
    let elu = host.login("elu").await?;
    let axis = first_axis(&elu).await?;
    let id = create_action(&elu, &axis, "Cantine bio et locale").await?;
    let page = action_page(&host, &id).await?;
    assert!(
        page.contains("Personne n'a encore pris part au débat"),
        "no reply yet"
    );
    assert!(
        page.contains(&format!(
            "href=\"/debats/sujet/indicators:action-{id}?titre=Cantine%20bio%20et%20locale\""
        )),
        "the link opens the action's discussion with its title: {page}"
    );
    assert!(page.contains("Rejoindre le débat"));

    for (post, author, day) in [
        (11, "Anne", "03"),
        (12, "Bruno", "04"),
        (13, "Chloé", "05"),
        (14, "Denis", "06"),
        (15, "Émile", "07"),
        (16, "Fanny", "08"),
    ] {
        let text = format!("Avis de {author} sur la cantine");
        host.publish(
            "forums.replied",
            &replied(
                &id,
                post,
                author,
                &text,
                &format!("2026-06-{day}T08:30:00Z"),
            ),
        )
        .await?;
    }
    // Replies to other content are not this action's.
    host.publish(
        "forums.replied",
        &json!({ "subject_key": format!("polls:{id}"), "topic_id": 8, "post_id": 30,
                 "excerpt": "Sur la consultation", "author_name": "Xavier",
                 "at": "2026-06-09T08:00:00Z", "url": "/debats/t/8" }),
    )
    .await?;
    // The same reply delivered twice is kept once.
    host.publish(
        "forums.replied",
        &replied(
            &id,
            16,
            "Fanny",
            "Avis de Fanny sur la cantine",
            "2026-06-08T08:30:00Z",
        ),
    )
    .await?;
    assert_eq!(kept(&host).await?, "6");

    let page = action_page(&host, &id).await?;
    assert!(page.contains("Réponse de Fanny"), "the newest reply");
    assert!(page.contains("Avis de Fanny sur la cantine"));
    assert!(
        page.contains("8 juin 2026 à 10:30"),
        "its date, in the site's time: {page}"
    );
    assert!(page.contains("href=\"/debats/t/7#post-16\""));
    assert!(page.contains("Réponse de Bruno"), "the fifth newest");
    assert!(
        !page.contains("Réponse de Anne"),
        "five replies at most: the oldest is left out"
    );
    assert!(!page.contains("Xavier"));
    let fanny = page.find("Réponse de Fanny").unwrap_or(usize::MAX);
    let emile = page.find("Réponse de Émile").unwrap_or(0);
    assert!(fanny < emile, "newest first");

    host.publish(
        "forums.reply-hidden",
        &json!({ "subject_key": format!("indicators:action-{id}"), "topic_id": 7, "post_id": 16 }),
    )
    .await?;
    let page = action_page(&host, &id).await?;
    assert!(!page.contains("Fanny"), "a hidden reply goes away");
    assert!(
        page.contains("Réponse de Anne"),
        "the next oldest takes its place"
    );

    // Events arrive at least once: the announcement of Fanny's reply,
    // delivered again after it was hidden (as after a node died while
    // delivering it), does not bring it back.
    let announced = value(
        &host,
        "SELECT CAST(MAX(id) AS TEXT) FROM outbox WHERE topic = 'forums.replied' AND payload LIKE '%\"post_id\":16,%'",
    )
    .await?
    .unwrap_or_default();
    {
        use sea_orm::ConnectionTrait;
        let db = &host.state.platform.db;
        db.execute_unprepared(&format!(
            "UPDATE event_deliveries SET done_at = NULL, lease_until = NULL WHERE plugin = 'indicators' AND event_id = {announced}"
        ))
        .await?;
    }
    assert_eq!(host.deliver_events().await?, 1, "delivered again");
    let page = action_page(&host, &id).await?;
    assert!(!page.contains("Fanny"), "still hidden after a redelivery");

    // In English too.
    let english = host.client();
    english.get("/langue/en?next=/").await?;
    let page = shown(&english, &format!("/agenda21/actions/{id}")).await?;
    assert!(page.text.contains("Join the debate") && page.text.contains("Reply by Émile"));
    Ok(())
}

#[tokio::test]
async fn without_forums_the_action_page_has_no_debate_section_or_link() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let axis = first_axis(&elu).await?;
    let id = create_action(&elu, &axis, "Cantine bio et locale").await?;
    host.publish(
        "forums.replied",
        &replied(
            &id,
            11,
            "Anne",
            "Avis sur la cantine",
            "2026-06-03T08:30:00Z",
        ),
    )
    .await?;
    assert_eq!(kept(&host).await?, "1", "kept for when forums is enabled");
    let page = action_page(&host, &id).await?;
    assert!(!page.contains("indicators-debate-title"), "no section");
    assert!(!page.contains("/sujet/indicators:"), "no link");
    assert!(!page.contains("Avis sur la cantine"));
    Ok(())
}

#[tokio::test]
async fn replies_to_a_deleted_action_are_not_kept_and_go_with_it() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let axis = first_axis(&elu).await?;
    let id = create_action(&elu, &axis, "Cantine bio et locale").await?;
    host.publish(
        "forums.replied",
        &replied(
            &id,
            11,
            "Anne",
            "Avis sur la cantine",
            "2026-06-03T08:30:00Z",
        ),
    )
    .await?;
    host.publish(
        "forums.replied",
        &replied("999", 12, "Bruno", "Avis de Bruno", "2026-06-03T08:30:00Z"),
    )
    .await?;
    assert_eq!(kept(&host).await?, "1", "none for an action that is not");
    shown(&elu, &format!("{EXTRANET}/actions/{id}"))
        .await?
        .form(&format!("{EXTRANET}/actions/{id}/supprimer"))?
        .submit(&elu)
        .await?;
    assert_eq!(kept(&host).await?, "0", "deleted with its action");
    Ok(())
}
