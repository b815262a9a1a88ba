//! In a real headless Chromium (Debian's `chromium` and `chromium-driver`):
//! an élue signs in, opens a topic in her working group's private forum
//! and replies to it through the extranet's forms; a member of the group
//! reads both, a citizen outside it cannot.

use anyhow::Result;
use estive_testing::Browser;

use super::{EXTRANET, Forum, builder, post_count};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_elected_official_posts_in_her_working_group_in_the_browser() -> Result<()> {
    let f = Forum::start(builder()).await?;
    let url = f.host.url.clone();
    let b = Browser::start().await;
    b.sign_in(&url, "elu").await;

    b.goto(&format!("{url}{EXTRANET}/c/commission")).await;
    b.click(&format!("a[href='{EXTRANET}/c/commission/nouveau']"))
        .await;
    b.wait_for("forums-title").await;
    b.fill("#forums-title", "Haies bocagères : le plan de plantation")
        .await;
    b.fill("#forums-body", "Qui connaît **les essences locales** ?")
        .await;
    b.click(&format!(
        "form[action='{EXTRANET}/c/commission/nouveau'] button[type='submit']"
    ))
    .await;
    let page = b.wait_for("Votre sujet est ouvert.").await;
    assert!(
        page.contains("<strong>les essences locales</strong>"),
        "{page}"
    );
    let topic = b.url().await;
    assert!(topic.contains(&format!("{EXTRANET}/t/")), "{topic}");

    b.fill(
        "#forums-body",
        "Le conservatoire d'espaces naturels peut nous aider.",
    )
    .await;
    b.click("#forums-reply form button[type='submit']").await;
    b.wait_for("Votre réponse est publiée.").await;

    let path = topic
        .strip_prefix(&url)
        .unwrap_or(&topic)
        .split('#')
        .next()
        .unwrap_or_default()
        .to_owned();
    let member = f.agent.get(&path).await?;
    assert_eq!(post_count(&member), 2, "{}", member.text);
    assert!(member.contains("Le conservatoire d"), "{}", member.text);
    assert_eq!(f.citoyen.get(&path).await?.status, 403);
    Ok(())
}
