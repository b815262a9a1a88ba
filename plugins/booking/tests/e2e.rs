//! End-to-end: the built booking plugin in a real Estive host (SQLite, and
//! PostgreSQL for the concurrency test), driven through its pages by real
//! HTTP clients with cookies and CSRF tokens. Every test checks what the
//! pages show, the files they give, or the status of the answers.
//!
//! The clock plugins see is Saturday 28 November 2026, 09:00 in Paris.

use anyhow::{Context as _, Result, ensure};
use estive_sdk::testing::{Builder, Client, Database, Page, TestHost};

const NOW: &str = "2026-11-28T09:00:00+01:00";

fn builder() -> Builder {
    TestHost::builder()
        .plugin(env!("CARGO_MANIFEST_DIR"))
        .now(NOW)
        .user("chorale", "Chorale du Louron", &["citizen", "association"])
}

/// The text of a page, with the reason when the status is not the one
/// expected.
fn expect(page: &Page, status: u16) -> Result<&str> {
    ensure!(
        page.status == status,
        "expected {status}, got {} at {}:\n{}",
        page.status,
        page.path,
        excerpt(&page.text)
    );
    Ok(&page.text)
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
    id_on_page(expect(&list, 200)?, "ressources", room.name)
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
    let mut all: Vec<(&str, &str)> = vec![("purpose", "Répétition"), ("step", "check")];
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
    ensure!(text.contains("Salle des fêtes"), "{}", excerpt(text));
    let page = visitor
        .get(&format!(
            "/reservations/ressources/{hall}?vue=semaine&date=2026-12-01"
        ))
        .await?;
    let text = expect(&page, 200)?;
    ensure!(text.contains("150 personnes"), "{}", excerpt(text));
    ensure!(text.contains("08:00-23:00"));
    ensure!(text.contains("calendar calendar-week"));
    ensure!(text.contains("du lundi 30 novembre 2026 au dimanche 6 décembre 2026"));
    // Anonymous visitors are asked to sign in rather than offered the form.
    ensure!(text.contains("Se connecter pour réserver"));
    Ok(())
}
