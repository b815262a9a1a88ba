//! The discussion attached to a poll in `forums`: replies announced by
//! `forums.replied` show on the poll page (the latest few, with author,
//! date and excerpt) beside a link to join the debate, a reply hidden
//! since (`forums.reply-hidden`) goes away, and where forums is not
//! enabled the page has neither the section nor the link.

use anyhow::Result;
use estive_testing::TestHost;
use serde_json::json;

use super::forms::{shown, value};
use super::{PollSpec, builder, create_poll, host, publish};

/// A `forums.replied` payload as forums publishes it.
fn replied(poll: &str, post: i64, author: &str, excerpt: &str, at: &str) -> serde_json::Value {
    json!({
        "subject_key": format!("polls:{poll}"),
        "topic_id": 7,
        "post_id": post,
        "excerpt": excerpt,
        "author_name": author,
        "at": at,
        "url": format!("/debats/t/7#post-{post}"),
    })
}

/// The poll page's HTML with the escapes minijinja writes in attributes
/// and text undone, to read links and apostrophes as a browser does.
async fn poll_page(host: &TestHost, id: &str) -> Result<String> {
    let page = shown(&host.client(), &format!("/consultations/{id}")).await?;
    Ok(page
        .text
        .replace("&#x2f;", "/")
        .replace("&#x27;", "'")
        .replace("&amp;", "&"))
}

async fn published_poll(host: &TestHost) -> Result<String> {
    let elu = host.login("elu").await?;
    let id = create_poll(&elu, PollSpec::default()).await?;
    publish(&elu, &id).await?;
    Ok(id)
}

#[tokio::test]
async fn the_poll_page_shows_the_latest_replies_and_a_link_to_join_the_debate() -> Result<()> {
    let host = builder()
        .plugin(concat!(env!("CARGO_MANIFEST_DIR"), "/../forums"))
        .start()
        .await?;
    let id = published_poll(&host).await?;
    let page = poll_page(&host, &id).await?;
    assert!(page.contains("Personne n'a encore réagi"), "no reply yet");
    assert!(
        page.contains(&format!(
            "href=\"/debats/sujet/polls:{id}?titre=Horaires%20de%20la%20piscine\""
        )),
        "the link opens the poll's discussion with its title: {page}"
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
        let text = format!("Avis de {author} sur les horaires");
        host.publish(
            "forums.replied",
            &replied(
                &id,
                post,
                author,
                &text,
                &format!("2026-11-{day}T08:30:00Z"),
            ),
        )
        .await?;
    }
    // Replies to other content are not this poll's.
    host.publish(
        "forums.replied",
        &json!({ "subject_key": "indicators:3", "topic_id": 8, "post_id": 30,
                 "excerpt": "Sur l'action", "author_name": "Xavier",
                 "at": "2026-11-09T08:00:00Z", "url": "/debats/t/8" }),
    )
    .await?;
    host.deliver_events().await?;

    let page = poll_page(&host, &id).await?;
    assert!(page.contains("<strong>Fanny</strong>"), "the newest reply");
    assert!(page.contains("Avis de Fanny sur les horaires"));
    assert!(
        page.contains("8 novembre 2026 à 09:30"),
        "its date, in the site's time"
    );
    assert!(page.contains("href=\"/debats/t/7#post-16\""));
    assert!(page.contains("<strong>Bruno</strong>"), "the fifth newest");
    assert!(
        !page.contains("<strong>Anne</strong>"),
        "five replies at most: the oldest is left out"
    );
    assert!(!page.contains("Xavier"));
    let fanny = page.find("<strong>Fanny</strong>").unwrap_or(usize::MAX);
    let emile = page.find("<strong>Émile</strong>").unwrap_or(0);
    assert!(fanny < emile, "newest first");

    host.publish(
        "forums.reply-hidden",
        &json!({ "subject_key": format!("polls:{id}"), "topic_id": 7, "post_id": 16 }),
    )
    .await?;
    host.deliver_events().await?;
    let page = poll_page(&host, &id).await?;
    assert!(!page.contains("Fanny"), "a hidden reply goes away");
    assert!(
        page.contains("<strong>Anne</strong>"),
        "the next oldest takes its place"
    );
    Ok(())
}

#[tokio::test]
async fn without_forums_the_poll_page_has_no_debate_section_or_link() -> Result<()> {
    let host = host().await?;
    let id = published_poll(&host).await?;
    host.publish(
        "forums.replied",
        &replied(
            &id,
            11,
            "Anne",
            "Avis sur le parking",
            "2026-11-03T08:30:00Z",
        ),
    )
    .await?;
    host.deliver_events().await?;
    assert_eq!(
        value(
            &host,
            &format!(
                "SELECT CAST(COUNT(*) AS TEXT) FROM p_polls__debate_replies WHERE poll_id = {id}"
            )
        )
        .await?,
        "1",
        "the reply is kept for when forums is enabled"
    );
    let page = poll_page(&host, &id).await?;
    assert!(!page.contains("polls-debate-title"), "no section");
    assert!(!page.contains("/sujet/polls:"), "no link");
    assert!(!page.contains("Avis sur le parking"));
    Ok(())
}

#[tokio::test]
async fn replies_to_a_deleted_poll_are_not_kept_and_go_with_it() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let id = create_poll(&elu, PollSpec::default()).await?;
    host.publish(
        "forums.replied",
        &replied(
            &id,
            11,
            "Anne",
            "Avis sur le parking",
            "2026-11-03T08:30:00Z",
        ),
    )
    .await?;
    host.publish(
        "forums.replied",
        &replied("999", 12, "Bruno", "Avis de Bruno", "2026-11-03T08:30:00Z"),
    )
    .await?;
    let count = "SELECT CAST(COUNT(*) AS TEXT) FROM p_polls__debate_replies";
    assert_eq!(
        value(&host, count).await?,
        "1",
        "none for a poll that is not"
    );
    shown(&elu, &format!("/extranet/consultations/{id}"))
        .await?
        .form(&format!("/extranet/consultations/{id}/delete"))?
        .submit(&elu)
        .await?;
    assert_eq!(value(&host, count).await?, "0", "deleted with its poll");
    Ok(())
}
