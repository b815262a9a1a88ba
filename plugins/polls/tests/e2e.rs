//! End-to-end: the built plugin in a real Estive host over a temporary
//! SQLite, driven through its pages by real HTTP clients (cookies, CSRF).
//! Every test checks the data the pages show or the files they give.

use std::collections::BTreeMap;

use anyhow::{Context as _, Result, ensure};
use estive_testing::{Builder, Client, Database, Page, TestHost};

// Each module opens with what it checks.
#[path = "e2e/browser.rs"]
mod browser;
#[path = "e2e/debate.rs"]
mod debate;
#[path = "e2e/forms.rs"]
mod forms;
#[path = "e2e/pages.rs"]
mod pages;

/// The clock plugins see: inside the test polls' opening hours.
const NOW: &str = "2026-11-10T09:00:00+01:00";
const OPENS: &str = "2026-11-01T08:00";
const CLOSES: &str = "2026-11-30T18:00";

fn builder() -> Builder {
    TestHost::builder()
        .plugin(env!("CARGO_MANIFEST_DIR"))
        .now(NOW)
        .group("voirie", "Voirie", &["citoyen"])
}

async fn host() -> Result<TestHost> {
    builder().start().await
}

/// The poll id at the end of a redirect to `/…/consultations/<id>`.
fn id_of(page: &Page) -> Result<String> {
    let loc = page
        .headers
        .get("location")
        .and_then(|v| v.to_str().ok())
        .context("no redirect")?;
    Ok(loc.rsplit('/').next().unwrap_or_default().to_owned())
}

struct PollSpec<'a> {
    title: &'a str,
    audience: &'a str,
    anonymous: bool,
    allow_change: bool,
    results: &'a str,
}

impl Default for PollSpec<'_> {
    fn default() -> Self {
        PollSpec {
            title: "Horaires de la piscine",
            audience: "anyone",
            anonymous: true,
            allow_change: false,
            results: "live",
        }
    }
}

/// Creates a draft with one question of each kind; returns its id.
async fn create_poll(elu: &Client, spec: PollSpec<'_>) -> Result<String> {
    let mut fields = vec![
        ("title", spec.title),
        ("description", "Donnez votre avis."),
        ("opens_at", OPENS),
        ("closes_at", CLOSES),
        ("audience", spec.audience),
        ("results", spec.results),
        ("themes", "Épanouissement de tous"),
    ];
    if spec.anonymous {
        fields.push(("anonymous", "on"));
    }
    if spec.allow_change {
        fields.push(("allow_change", "on"));
    }
    if spec.audience == "group" {
        fields.push(("group_slug", "voirie"));
    }
    let page = elu
        .post_form_no_follow("/extranet/consultations/new", &fields)
        .await?;
    ensure!(page.status == 303, "poll not created: {}", page.status);
    let id = id_of(&page)?;
    let questions: [&[(&str, &str)]; 5] = [
        &[
            ("kind", "single"),
            ("title", "Quel créneau ?"),
            ("options", "Matin\nMidi\nSoir"),
            ("required", "on"),
            ("allow_other", "on"),
        ],
        &[
            ("kind", "multiple"),
            ("title", "Quels services ?"),
            ("options", "Piscine\nMédiathèque\nGymnase\nMarché"),
            ("min_choices", "1"),
            ("max_choices", "2"),
        ],
        &[
            ("kind", "ranking"),
            ("title", "Classez les projets"),
            ("options", "Halle\nParc\nPiste cyclable"),
        ],
        &[
            ("kind", "scale"),
            ("title", "Satisfaction"),
            ("scale_max", "10"),
        ],
        &[("kind", "short_text"), ("title", "Une idée ?")],
    ];
    for q in questions {
        let page = elu
            .post_form_no_follow(&format!("/extranet/consultations/{id}/questions/new"), q)
            .await?;
        ensure!(page.status == 303, "question not added: {}", page.status);
    }
    Ok(id)
}

async fn publish(elu: &Client, id: &str) -> Result<()> {
    let page = elu
        .post_form_no_follow(&format!("/extranet/consultations/{id}/publish"), &[])
        .await?;
    ensure!(page.status == 303, "not published: {}", page.status);
    Ok(())
}

/// The controls of the answer form: field name → option values, in order.
struct Form {
    choices: BTreeMap<String, Vec<String>>,
    ranks: Vec<String>,
    texts: Vec<String>,
}

impl Form {
    fn read(html: &str) -> Form {
        let mut choices: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut ranks = Vec::new();
        let mut texts = Vec::new();
        for piece in html.split("name=\"").skip(1) {
            let name = piece.split('"').next().unwrap_or_default().to_owned();
            if name.contains("-r") {
                ranks.push(name);
            } else if name.starts_with('q') && !name.ends_with("-other") {
                if let Some(v) = piece.split("value=\"").nth(1) {
                    let before_tag_end = piece.split('>').next().unwrap_or_default();
                    if before_tag_end.contains("value=\"")
                        && !before_tag_end.contains("type=\"text\"")
                    {
                        choices
                            .entry(name)
                            .or_default()
                            .push(v.split('"').next().unwrap_or_default().to_owned());
                        continue;
                    }
                }
                texts.push(name);
            }
        }
        Form {
            choices,
            ranks,
            texts,
        }
    }

    /// The question fields by kind, in question order: single, multiple,
    /// scale.
    fn field(&self, n: usize) -> (&str, &[String]) {
        let (k, v) = self.choices.iter().nth(n).expect("a choice question");
        (k.as_str(), v.as_slice())
    }

    /// A complete, valid answer.
    fn good(&self) -> Vec<(String, String)> {
        let (single, s) = self.field(0);
        let (multi, m) = self.field(1);
        let (scale, _) = self.field(2);
        let mut out = vec![
            (single.to_owned(), s[0].clone()),
            (multi.to_owned(), m[0].clone()),
            (multi.to_owned(), m[1].clone()),
            (scale.to_owned(), "7".to_owned()),
            (self.texts[0].clone(), "Plus de bancs à l'ombre".to_owned()),
        ];
        for (i, r) in self.ranks.iter().enumerate() {
            out.push((r.clone(), (i + 1).to_string()));
        }
        out
    }
}

fn pairs(v: &[(String, String)]) -> Vec<(&str, &str)> {
    v.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect()
}

async fn form(client: &Client, id: &str) -> Result<Form> {
    let page = client.get(&format!("/consultations/{id}")).await?;
    ensure!(page.status == 200, "poll page: {}", page.status);
    Ok(Form::read(&page.text))
}

/// The number of participants the extranet shows for a poll.
async fn participants(elu: &Client, id: &str) -> Result<u64> {
    let page = elu.get(&format!("/extranet/consultations/{id}")).await?;
    let at = page
        .text
        .find("<dt>Participants</dt><dd>")
        .context("no participants figure")?
        + "<dt>Participants</dt><dd>".len();
    let figure: String = page.text[at..]
        .chars()
        .take_while(|c| *c != '<')
        .filter(char::is_ascii_digit)
        .collect();
    Ok(figure.parse()?)
}

async fn answer(client: &Client, id: &str, fields: &[(String, String)]) -> Result<Page> {
    client
        .post_form_no_follow(&format!("/consultations/{id}"), &pairs(fields))
        .await
}

#[tokio::test]
async fn an_elected_official_creates_a_poll_a_citizen_answers_and_the_results_show() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let id = create_poll(&elu, PollSpec::default()).await?;
    publish(&elu, &id).await?;

    let list = host.client().get("/consultations/").await?;
    assert!(
        list.contains("Horaires de la piscine"),
        "the portal lists the open poll"
    );

    let citizen = host.login("citoyen").await?;
    let f = form(&citizen, &id).await?;
    let sent = answer(&citizen, &id, &f.good()).await?;
    assert_eq!(sent.status, 303);
    let after = citizen.get(&format!("/consultations/{id}")).await?;
    assert!(
        after.contains("Vous avez répondu"),
        "the page says the answer is in"
    );

    let results = host
        .client()
        .get(&format!("/consultations/{id}/resultats"))
        .await?;
    assert_eq!(results.status, 200);
    assert!(results.contains("<svg"), "charts are drawn");
    assert!(results.contains("<caption"), "numbers come in tables");
    assert!(
        results.contains("Matin</th><td class=\"num\">1</td>"),
        "the chosen option counts one"
    );
    assert!(results.contains("Midi</th><td class=\"num\">0</td>"));
    assert!(results.contains("7,0 sur 10"), "the average score shows");
    assert_eq!(participants(&elu, &id).await?, 1);
    Ok(())
}

#[tokio::test]
async fn the_sitemap_lists_published_and_closed_polls_but_not_drafts() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let draft = create_poll(&elu, PollSpec::default()).await?;
    let open = create_poll(&elu, PollSpec::default()).await?;
    publish(&elu, &open).await?;
    let closed = create_poll(&elu, PollSpec::default()).await?;
    publish(&elu, &closed).await?;
    let done = elu
        .post_form_no_follow(&format!("/extranet/consultations/{closed}/close"), &[])
        .await?;
    assert_eq!(done.status, 303);

    let sitemap = host.client().get("/sitemap.xml").await?;
    assert_eq!(sitemap.status, 200);
    let loc = |id: &str| format!("/consultations/{id}</loc>");
    assert!(
        sitemap.contains("/consultations/</loc>"),
        "{}",
        sitemap.text
    );
    assert!(sitemap.contains(&loc(&open)), "{}", sitemap.text);
    assert!(sitemap.contains(&loc(&closed)), "{}", sitemap.text);
    assert!(
        !sitemap.contains(&loc(&draft)),
        "a draft is not public: {}",
        sitemap.text
    );
    // Each listed page is one anyone can open.
    for id in [&open, &closed] {
        assert_eq!(
            host.client()
                .get(&format!("/consultations/{id}"))
                .await?
                .status,
            200
        );
    }
    Ok(())
}

#[tokio::test]
async fn answers_to_a_draft_or_closed_poll_are_refused_and_counts_stay() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let id = create_poll(&elu, PollSpec::default()).await?;
    // The manager's preview gives the form's fields.
    let f = form(&elu, &id).await?;
    let visitor = host.client();
    let draft = answer(&visitor, &id, &f.good()).await?;
    assert_eq!(draft.status, 404);
    assert!(draft.contains("pas ouverte aux réponses"), "{}", draft.text);

    publish(&elu, &id).await?;
    assert_eq!(answer(&visitor, &id, &f.good()).await?.status, 303);
    let closed = elu
        .post_form_no_follow(&format!("/extranet/consultations/{id}/close"), &[])
        .await?;
    assert_eq!(closed.status, 303);
    let late = answer(&host.client(), &id, &f.good()).await?;
    assert_eq!(late.status, 409);
    assert!(late.contains("Cette consultation est close"));
    assert_eq!(participants(&elu, &id).await?, 1);
    Ok(())
}

#[tokio::test]
async fn a_second_answer_from_the_same_browser_or_account_is_refused() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let open = create_poll(&elu, PollSpec::default()).await?;
    publish(&elu, &open).await?;
    let accounts = create_poll(
        &elu,
        PollSpec {
            title: "Voirie",
            audience: "accounts",
            anonymous: true,
            ..PollSpec::default()
        },
    )
    .await?;
    publish(&elu, &accounts).await?;

    let browser = host.client();
    let f = form(&browser, &open).await?;
    assert_eq!(answer(&browser, &open, &f.good()).await?.status, 303);
    let again = answer(&browser, &open, &f.good()).await?;
    assert_eq!(again.status, 409);
    assert!(again.contains("Vous avez déjà répondu"));
    assert_eq!(participants(&elu, &open).await?, 1);

    let citizen = host.login("citoyen").await?;
    let f = form(&citizen, &accounts).await?;
    assert_eq!(answer(&citizen, &accounts, &f.good()).await?.status, 303);
    assert_eq!(answer(&citizen, &accounts, &f.good()).await?.status, 409);
    // Signing in again (a new browser) does not make a new person.
    let same = host.login("citoyen").await?;
    assert_eq!(answer(&same, &accounts, &f.good()).await?.status, 409);
    assert_eq!(participants(&elu, &accounts).await?, 1);
    Ok(())
}

/// What is wrong, the fields sent, and a part of the message expected.
type BadCase<'a> = (&'a str, Vec<(&'a str, &'a str)>, &'a str);

#[tokio::test]
async fn bad_answers_are_refused_with_a_clear_message_and_counts_stay() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let id = create_poll(&elu, PollSpec::default()).await?;
    publish(&elu, &id).await?;
    let other = create_poll(
        &elu,
        PollSpec {
            title: "Autre",
            ..PollSpec::default()
        },
    )
    .await?;
    publish(&elu, &other).await?;
    let visitor = host.client();
    let f = form(&visitor, &id).await?;
    let g = form(&visitor, &other).await?;
    let (single, s) = f.field(0);
    let (multi, m) = f.field(1);
    let (_, foreign) = g.field(0);
    let long = "é".repeat(201);
    let cases: Vec<BadCase> = vec![
        (
            "an option of another poll",
            vec![(single, foreign[0].as_str())],
            "Choisissez parmi les réponses proposées",
        ),
        (
            "too many choices",
            vec![
                (single, s[0].as_str()),
                (multi, m[0].as_str()),
                (multi, m[1].as_str()),
                (multi, m[2].as_str()),
            ],
            "Cochez au plus 2 réponses",
        ),
        (
            "too few choices (a required question left blank)",
            vec![(multi, m[0].as_str())],
            "Répondez à cette question",
        ),
        (
            "an over-long text",
            vec![
                (single, s[0].as_str()),
                (f.texts[0].as_str(), long.as_str()),
            ],
            "trop long",
        ),
        (
            "an 'other' answer without its text",
            vec![(single, "other")],
            "Précisez votre autre réponse",
        ),
        (
            "a ranking with a gap",
            vec![
                (single, s[0].as_str()),
                (f.ranks[0].as_str(), "1"),
                (f.ranks[1].as_str(), "3"),
            ],
            "sans sauter de rang",
        ),
    ];
    for (what, fields, message) in cases {
        let page = visitor
            .post_form_no_follow(&format!("/consultations/{id}"), &fields)
            .await?;
        assert_eq!(page.status, 422, "{what}");
        assert!(page.contains("error-summary"), "{what}: an error summary");
        assert!(page.contains(message), "{what}: `{message}` in the page");
    }
    assert_eq!(participants(&elu, &id).await?, 0);
    Ok(())
}

#[tokio::test]
async fn a_tampered_browser_token_is_refused_and_counts_stay() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let id = create_poll(&elu, PollSpec::default()).await?;
    publish(&elu, &id).await?;
    let browser = host.client();
    let f = form(&browser, &id).await?;
    let cookie = browser.cookie("estive_visitor").context("visitor cookie")?;
    let (id_part, sig) = cookie.rsplit_once('.').context("signed cookie")?;
    let forged_sig: String = sig
        .chars()
        .map(|c| if c == 'a' { 'b' } else { 'a' })
        .collect();
    let forged = format!("{id_part}.{forged_sig}");
    let mut fields = f.good();
    fields.push((
        "csrf_token".into(),
        browser.csrf_token().unwrap_or_default(),
    ));
    let resp = reqwest::Client::new()
        .post(format!("{}/consultations/{id}", host.url))
        .header("cookie", format!("estive_visitor={forged}"))
        .form(&fields)
        .send()
        .await?;
    assert_eq!(resp.status().as_u16(), 403);
    assert_eq!(participants(&elu, &id).await?, 0);
    // The genuine browser still answers.
    assert_eq!(answer(&browser, &id, &f.good()).await?.status, 303);
    assert_eq!(participants(&elu, &id).await?, 1);
    Ok(())
}

#[tokio::test]
async fn two_hundred_concurrent_clients_are_all_counted_once() -> Result<()> {
    concurrent_clients(Database::Sqlite).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_concurrent_clients_are_all_counted_once_on_postgresql() -> Result<()> {
    concurrent_clients(Database::postgres()).await
}

async fn concurrent_clients(database: Database) -> Result<()> {
    let host = builder()
        .database(database)
        .setting("polls", "address_limit_per_hour", 0)
        .start()
        .await?;
    let elu = host.login("elu").await?;
    let id = create_poll(&elu, PollSpec::default()).await?;
    publish(&elu, &id).await?;
    let mut browsers = Vec::new();
    for _ in 0..200 {
        let b = host.client();
        b.get(&format!("/consultations/{id}")).await?;
        browsers.push(b);
    }
    let f = form(&browsers[0], &id).await?;
    let good = f.good();
    // Each browser sends its answer twice, all at once.
    let mut tasks = Vec::new();
    for b in browsers {
        let (good, id) = (good.clone(), id.clone());
        tasks.push(tokio::spawn(async move {
            let mut statuses = Vec::new();
            for _ in 0..2 {
                // A browser whose request the host turns away as busy
                // (503) sends it again, as a person would.
                let mut status = 503;
                for attempt in 0..30 {
                    status = answer(&b, &id, &good).await?.status;
                    if status != 503 {
                        break;
                    }
                    let pause = 100 + 50 * attempt.min(8);
                    tokio::time::sleep(std::time::Duration::from_millis(pause)).await;
                }
                statuses.push(status);
            }
            anyhow::Ok(statuses)
        }));
    }
    let mut accepted = 0;
    let mut seen: BTreeMap<u16, u32> = BTreeMap::new();
    for t in tasks {
        let statuses = t.await??;
        let n = statuses.iter().filter(|s| **s == 303).count() as u32;
        assert!(n <= 1, "a browser was accepted twice");
        accepted += n;
        for s in statuses {
            *seen.entry(s).or_default() += 1;
        }
    }
    eprintln!("statuses: {seen:?}");
    // Read from the database itself: a burst like this one can get the
    // plugin suspended by the host for a while (see the report), and the
    // figures must be checked whatever the pages answer meanwhile.
    let stored = sql_count(
        &host,
        &format!("SELECT COUNT(*) FROM p_polls__answer_sets WHERE poll_id = {id}"),
    )
    .await?;
    // An answer may be stored while its request still fails past the
    // host's deadline (the person then sees "already answered" on retry);
    // none accepted may be missing, none may be counted twice.
    let failed: u32 = seen.range(500..).map(|(_, n)| n).sum();
    assert!(
        stored >= u64::from(accepted),
        "every accepted answer is counted"
    );
    assert!(
        stored <= u64::from(accepted + failed),
        "nothing counted that was refused"
    );
    assert!(stored > 0 && stored <= 200);
    let twice = sql_count(
        &host,
        &format!(
            "SELECT COUNT(*) FROM (SELECT respondent FROM p_polls__answer_sets \
             WHERE poll_id = {id} GROUP BY respondent HAVING COUNT(*) > 1) AS t"
        ),
    )
    .await?;
    assert_eq!(twice, 0, "no browser is counted twice");
    // Each answer set holds its 8 answers (1 + 2 choices, a score, a text
    // and 3 ranks).
    let answers = sql_count(
        &host,
        &format!("SELECT COUNT(*) FROM p_polls__answers WHERE poll_id = {id}"),
    )
    .await?;
    assert_eq!(answers, stored * 8, "answer sets are stored whole");
    Ok(())
}

#[tokio::test]
async fn anonymous_answers_are_limited_per_address_and_hour() -> Result<()> {
    let host = builder()
        .setting("polls", "address_limit_per_hour", 2)
        .start()
        .await?;
    let elu = host.login("elu").await?;
    let id = create_poll(&elu, PollSpec::default()).await?;
    publish(&elu, &id).await?;
    let mut statuses = Vec::new();
    let mut last = None;
    for _ in 0..3 {
        let b = host.client();
        let f = form(&b, &id).await?;
        let page = answer(&b, &id, &f.good()).await?;
        statuses.push(page.status);
        last = Some(page);
    }
    assert_eq!(statuses, [303, 303, 409]);
    assert!(last.is_some_and(|p| p.contains("Trop de réponses")));
    assert_eq!(participants(&elu, &id).await?, 2);
    Ok(())
}

#[tokio::test]
async fn an_account_poll_lets_people_change_their_answer_until_closing() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let id = create_poll(
        &elu,
        PollSpec {
            audience: "accounts",
            anonymous: false,
            allow_change: true,
            ..PollSpec::default()
        },
    )
    .await?;
    publish(&elu, &id).await?;
    let anonymous = host.client();
    let citizen = host.login("citoyen").await?;
    let f = form(&citizen, &id).await?;
    assert!(
        host.client()
            .get(&format!("/consultations/{id}"))
            .await?
            .contains("Se connecter pour répondre"),
        "anonymous visitors are asked to sign in"
    );
    assert_eq!(answer(&anonymous, &id, &f.good()).await?.status, 403);

    let (single, s) = f.field(0);
    let mut first = f.good();
    assert_eq!(answer(&citizen, &id, &first).await?.status, 303);
    let page = citizen.get(&format!("/consultations/{id}")).await?;
    assert!(page.contains("Modifier ma réponse"));
    assert!(
        page.contains(&format!("value=\"{}\" checked", s[0])),
        "the form shows the stored answer"
    );
    first.retain(|(k, _)| k != single);
    first.push((single.to_owned(), s[2].clone()));
    assert_eq!(answer(&citizen, &id, &first).await?.status, 303);

    let csv = elu
        .get(&format!("/extranet/consultations/{id}/export.csv"))
        .await?;
    let rows: Vec<&str> = csv.text.lines().collect();
    assert_eq!(rows.len(), 2, "one row per answer set: {}", csv.text);
    assert!(
        rows[1].contains("Claire Citoyenne")
            && rows[1].contains("Soir")
            && !rows[1].contains("Matin"),
        "the row holds the name and the changed answer: {}",
        rows[1]
    );
    assert_eq!(participants(&elu, &id).await?, 1);
    Ok(())
}

#[tokio::test]
async fn anonymous_polls_keep_accounts_out_of_pages_and_exports() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let id = create_poll(
        &elu,
        PollSpec {
            audience: "group",
            anonymous: true,
            ..PollSpec::default()
        },
    )
    .await?;
    publish(&elu, &id).await?;
    let citizen = host.login("citoyen").await?;
    let f = form(&citizen, &id).await?;
    let agent = host.login("agent").await?;
    let refused = answer(&agent, &id, &f.good()).await?;
    assert_eq!(refused.status, 403, "not in the working group");
    assert_eq!(answer(&citizen, &id, &f.good()).await?.status, 303);
    let csv = elu
        .get(&format!("/extranet/consultations/{id}/export.csv"))
        .await?;
    assert!(csv.contains("Plus de bancs"));
    assert!(
        !csv.contains("Claire") && !csv.contains("Participant"),
        "{}",
        csv.text
    );
    let json = elu
        .get(&format!("/extranet/consultations/{id}/export.json"))
        .await?;
    assert!(json.contains("Plus de bancs"));
    assert!(!json.contains("Claire") && !json.contains("\"u:"));
    Ok(())
}

#[tokio::test]
async fn questions_freeze_with_the_first_answer_and_the_page_says_why() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let id = create_poll(&elu, PollSpec::default()).await?;
    publish(&elu, &id).await?;
    let add = elu
        .get(&format!("/extranet/consultations/{id}/questions/new"))
        .await?;
    assert_eq!(add.status, 200, "still editable before any answer");
    let b = host.client();
    let f = form(&b, &id).await?;
    assert_eq!(answer(&b, &id, &f.good()).await?.status, 303);
    let add = elu
        .get(&format!("/extranet/consultations/{id}/questions/new"))
        .await?;
    assert_eq!(add.status, 409);
    let detail = elu.get(&format!("/extranet/consultations/{id}")).await?;
    assert!(detail.contains("Questions figées"));
    assert!(detail.contains("La première réponse est arrivée le"));
    Ok(())
}

#[tokio::test]
async fn free_texts_show_publicly_only_once_approved() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let id = create_poll(&elu, PollSpec::default()).await?;
    publish(&elu, &id).await?;
    let b = host.client();
    let f = form(&b, &id).await?;
    assert_eq!(answer(&b, &id, &f.good()).await?.status, 303);
    let public = format!("/consultations/{id}/resultats");
    assert!(!host.client().get(&public).await?.contains("Plus de bancs"));
    let agent = host.login("agent").await?;
    let staff = agent
        .get(&format!("/extranet/consultations/{id}/results"))
        .await?;
    assert!(
        staff.contains("Plus de bancs"),
        "staff see texts before moderation"
    );
    let queue = agent
        .get(&format!("/extranet/consultations/{id}/moderation"))
        .await?;
    let at = queue
        .text
        .find("name=\"ids\" value=\"")
        .context("a text to moderate")?
        + 18;
    let answer_id: String = queue.text[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let done = agent
        .post_form_no_follow(
            &format!("/extranet/consultations/{id}/moderation"),
            &[
                ("ids", &answer_id),
                ("decision", "approved"),
                ("state", "pending"),
            ],
        )
        .await?;
    assert_eq!(done.status, 303);
    assert!(host.client().get(&public).await?.contains("Plus de bancs"));
    // Élus manage but do not moderate.
    let elu_queue = elu
        .get(&format!("/extranet/consultations/{id}/moderation"))
        .await?;
    assert_eq!(elu_queue.status, 403);
    Ok(())
}

#[tokio::test]
async fn results_after_closing_stay_hidden_until_the_schedule_closes_the_poll() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let id = create_poll(
        &elu,
        PollSpec {
            results: "after_close",
            ..PollSpec::default()
        },
    )
    .await?;
    publish(&elu, &id).await?;
    let b = host.client();
    let f = form(&b, &id).await?;
    assert_eq!(answer(&b, &id, &f.good()).await?.status, 303);
    let public = format!("/consultations/{id}/resultats");
    let before = host.client().get(&public).await?;
    assert!(before.contains("publiés après la clôture") && !before.contains("<svg"));
    assert_eq!(
        host.client().get(&format!("{public}.csv")).await?.status,
        404
    );
    // Staff see preliminary results.
    let staff = elu
        .get(&format!("/extranet/consultations/{id}/results"))
        .await?;
    assert!(staff.contains("<svg"));

    host.set_now("2026-11-30T18:05:00+01:00");
    host.run_schedule("polls", "close-expired").await?;
    host.deliver_events().await?;
    let after = host.client().get(&public).await?;
    assert!(after.contains("<svg") && after.contains("Terminée"));
    let csv = host.client().get(&format!("{public}.csv")).await?;
    assert_eq!(csv.status, 200);
    assert!(
        csv.contains("Quel créneau ?,single,Matin,1,100"),
        "{}",
        csv.text
    );
    let json = host.client().get(&format!("{public}.json")).await?;
    let v: serde_json::Value = serde_json::from_str(&json.text)?;
    assert_eq!(v["respondents"], 1);
    assert_eq!(v["questions"][0]["options"][0]["count"], 1);

    let closed = closed_events(&host).await?;
    assert_eq!(closed.len(), 1, "one polls.closed event");
    assert_eq!(closed[0]["poll_id"].to_string(), id);
    assert_eq!(closed[0]["respondents"], 1);
    assert_eq!(closed[0]["questions"][2]["kind"], "ranking");
    let url = closed[0]["url"].as_str().unwrap_or_default();
    assert!(url.ends_with(&format!("/consultations/{id}")), "{url}");
    // Running the schedule again announces nothing twice.
    host.run_schedule("polls", "close-expired").await?;
    assert_eq!(closed_events(&host).await?.len(), 1);
    Ok(())
}

#[tokio::test]
async fn closing_by_hand_publishes_the_results_event() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let id = create_poll(&elu, PollSpec::default()).await?;
    publish(&elu, &id).await?;
    let b = host.client();
    let f = form(&b, &id).await?;
    assert_eq!(answer(&b, &id, &f.good()).await?.status, 303);
    elu.post_form_no_follow(&format!("/extranet/consultations/{id}/close"), &[])
        .await?;
    let closed = closed_events(&host).await?;
    assert_eq!(closed.len(), 1);
    let ranking = &closed[0]["questions"][2];
    assert_eq!(ranking["options"][0]["label"], "Halle");
    assert_eq!(ranking["options"][0]["borda"], 3);
    assert_eq!(ranking["options"][0]["first"], 1);
    assert_eq!(closed[0]["questions"][3]["average"], 7.0);
    Ok(())
}

#[tokio::test]
async fn a_quick_poll_is_published_at_once_and_pages_speak_english_too() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let page = elu
        .post_form_no_follow(
            "/extranet/consultations/quick",
            &[
                ("title", "Fête du village : quel mois ?"),
                ("options", "Juin\nJuillet"),
                ("kind", "single"),
                ("closes_at", "2026-11-20T18:00"),
                ("results", "live"),
            ],
        )
        .await?;
    assert_eq!(page.status, 303);
    let id = id_of(&page)?;
    let english = host.client();
    english.get("/langue/en?next=/").await?;
    let poll = english.get(&format!("/consultations/{id}")).await?;
    assert!(poll.contains("Send my answer"), "English form");
    let f = Form::read(&poll.text);
    let (q, opts) = f.field(0);
    let sent = english
        .post_form_no_follow(&format!("/consultations/{id}"), &[(q, opts[1].as_str())])
        .await?;
    assert_eq!(sent.status, 303);
    let results = english
        .get(&format!("/consultations/{id}/resultats"))
        .await?;
    assert!(results.contains("Share of participants"));
    assert!(results.contains("Juillet</th><td class=\"num\">1</td>"));
    let home = host.client().get("/").await?;
    assert!(
        home.contains("Fête du village"),
        "the portal widget lists it"
    );
    let dashboard = elu.get("/extranet/").await?;
    assert!(dashboard.contains("Participation aux consultations ouvertes"));
    Ok(())
}

#[tokio::test]
async fn a_person_downloads_and_erases_their_answers_which_stay_counted() -> Result<()> {
    let host = host().await?;
    let elu = host.login("elu").await?;
    let named = create_poll(
        &elu,
        PollSpec {
            title: "Consultation nominative",
            audience: "accounts",
            anonymous: false,
            ..PollSpec::default()
        },
    )
    .await?;
    publish(&elu, &named).await?;
    let secret = create_poll(
        &elu,
        PollSpec {
            title: "Consultation anonyme",
            audience: "accounts",
            anonymous: true,
            ..PollSpec::default()
        },
    )
    .await?;
    publish(&elu, &secret).await?;
    let citizen = host.login("citoyen").await?;
    for id in [&named, &secret] {
        let f = form(&citizen, id).await?;
        assert_eq!(answer(&citizen, id, &f.good()).await?.status, 303);
    }

    let data = citizen.get("/compte/donnees.json").await?;
    assert_eq!(data.status, 200);
    let v: serde_json::Value = serde_json::from_str(&data.text)?;
    let mine = &v["plugins"]["polls"]["answers"];
    assert_eq!(mine.as_array().map(Vec::len), Some(1), "{mine}");
    assert_eq!(mine[0]["poll"], "Consultation nominative");
    assert!(
        !data.contains("Consultation anonyme"),
        "anonymous answers are not linked"
    );

    citizen.get("/compte/supprimer").await?;
    let gone = citizen
        .post_form_no_follow(
            "/compte/supprimer",
            &[("password", estive_testing::PASSWORD)],
        )
        .await?;
    assert!(gone.status < 400, "account deleted: {}", gone.status);
    let csv = elu
        .get(&format!("/extranet/consultations/{named}/export.csv"))
        .await?;
    assert!(!csv.contains("Claire Citoyenne"), "{}", csv.text);
    assert!(csv.contains("Plus de bancs"), "the answer itself stays");
    assert_eq!(participants(&elu, &named).await?, 1);
    assert_eq!(participants(&elu, &secret).await?, 1);
    Ok(())
}

/// A count read straight from the test host's database.
async fn sql_count(host: &TestHost, sql: &str) -> Result<u64> {
    use sea_orm::{ConnectionTrait, Statement};
    let db = &host.state.platform.db;
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?
        .context("no row")?;
    let n: i64 = row.try_get_by_index(0)?;
    Ok(n as u64)
}

/// The payloads of the `polls.closed` events in the outbox.
async fn closed_events(host: &TestHost) -> Result<Vec<serde_json::Value>> {
    use sea_orm::{ConnectionTrait, Statement};
    let db = &host.state.platform.db;
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT payload FROM outbox WHERE topic = 'polls.closed' ORDER BY id",
        ))
        .await?;
    rows.iter()
        .map(|r| {
            let text: String = r.try_get_by_index(0)?;
            Ok(serde_json::from_str(&text)?)
        })
        .collect()
}

/// Runs a statement straight on the test host's database.
async fn sql_execute(host: &TestHost, sql: &str) -> Result<()> {
    use sea_orm::ConnectionTrait;
    host.state.platform.db.execute_unprepared(sql).await?;
    Ok(())
}

/// The public results page of a poll, which must be shown.
async fn public_results(host: &TestHost, id: &str) -> Result<Page> {
    let page = host
        .client()
        .get(&format!("/consultations/{id}/resultats"))
        .await?;
    ensure!(page.status == 200, "results page: {}", page.status);
    Ok(page)
}

/// The whole number written right after the first `marker` in `text`.
fn number_after(text: &str, marker: &str) -> Result<u64> {
    let at = text
        .find(marker)
        .with_context(|| format!("no `{marker}`"))?
        + marker.len();
    Ok(text[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()?)
}

/// The count a results table gives an option.
fn option_count(page: &Page, label: &str) -> Result<u64> {
    number_after(&page.text, &format!("{label}</th><td class=\"num\">"))
}

/// The number of participants the results page shows.
fn respondents(page: &Page) -> Result<u64> {
    number_after(&page.text, "<dd class=\"stat-value\">")
}

/// Marks the cached results of a poll (a question title changed in the
/// cache row only), so that a page showing the mark was served from the
/// cache and a page without it was counted again.
async fn mark_cache(host: &TestHost, id: &str) -> Result<()> {
    sql_execute(
        host,
        &format!(
            "UPDATE p_polls__results_cache SET results = \
             REPLACE(results, 'Quel créneau ?', 'Créneau du cache') WHERE poll_id = {id}"
        ),
    )
    .await
}

#[tokio::test]
async fn cached_results_follow_every_answer_change_and_moderation() -> Result<()> {
    const MARK: &str = "Créneau du cache";
    let host = host().await?;
    let elu = host.login("elu").await?;
    let id = create_poll(
        &elu,
        PollSpec {
            audience: "accounts",
            anonymous: false,
            allow_change: true,
            ..PollSpec::default()
        },
    )
    .await?;
    publish(&elu, &id).await?;
    let cache_rows = format!("SELECT COUNT(*) FROM p_polls__results_cache WHERE poll_id = {id}");

    // A first view counts (nothing yet) and fills the cache; the next view
    // is served from it.
    let page = public_results(&host, &id).await?;
    assert_eq!((respondents(&page)?, option_count(&page, "Matin")?), (0, 0));
    assert_eq!(
        sql_count(&host, &cache_rows).await?,
        1,
        "the cache is filled"
    );
    mark_cache(&host, &id).await?;
    assert!(
        public_results(&host, &id).await?.contains(MARK),
        "an unchanged poll is served from the cache"
    );

    // A new answer: counted at once.
    let citizen = host.login("citoyen").await?;
    let f = form(&citizen, &id).await?;
    let (single, s) = f.field(0);
    assert_eq!(answer(&citizen, &id, &f.good()).await?.status, 303);
    let page = public_results(&host, &id).await?;
    assert!(!page.contains(MARK), "a new answer makes the cache stale");
    assert_eq!((respondents(&page)?, option_count(&page, "Matin")?), (1, 1));
    let json = host
        .client()
        .get(&format!("/consultations/{id}/resultats.json"))
        .await?;
    let v: serde_json::Value = serde_json::from_str(&json.text)?;
    assert_eq!(v["respondents"], 1);
    assert_eq!(v["questions"][0]["options"][0]["count"], 1);

    // A second person.
    mark_cache(&host, &id).await?;
    let agent = host.login("agent").await?;
    assert_eq!(answer(&agent, &id, &f.good()).await?.status, 303);
    let page = public_results(&host, &id).await?;
    assert!(!page.contains(MARK));
    assert_eq!((respondents(&page)?, option_count(&page, "Matin")?), (2, 2));

    // A changed answer: Matin becomes Soir.
    mark_cache(&host, &id).await?;
    let mut changed = f.good();
    changed.retain(|(k, _)| k != single);
    changed.push((single.to_owned(), s[2].clone()));
    assert_eq!(answer(&citizen, &id, &changed).await?.status, 303);
    let page = public_results(&host, &id).await?;
    assert!(
        !page.contains(MARK),
        "a changed answer makes the cache stale"
    );
    assert_eq!(respondents(&page)?, 2);
    assert_eq!(
        (option_count(&page, "Matin")?, option_count(&page, "Soir")?),
        (1, 1)
    );
    let csv = host
        .client()
        .get(&format!("/consultations/{id}/resultats.csv"))
        .await?;
    assert!(
        csv.contains("Quel créneau ?,single,Matin,1,50")
            && csv.contains("Quel créneau ?,single,Soir,1,50"),
        "{}",
        csv.text
    );

    // Moderation: a free text approved shows, rejected again it goes.
    assert!(!page.contains("Plus de bancs"), "texts wait for moderation");
    let queue = agent
        .get(&format!("/extranet/consultations/{id}/moderation"))
        .await?;
    let at = queue
        .text
        .find("name=\"ids\" value=\"")
        .context("a text to moderate")?
        + 18;
    let text_id: String = queue.text[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    for (decision, shown) in [("approved", true), ("rejected", false)] {
        mark_cache(&host, &id).await?;
        let done = agent
            .post_form_no_follow(
                &format!("/extranet/consultations/{id}/moderation"),
                &[
                    ("ids", text_id.as_str()),
                    ("decision", decision),
                    ("state", "pending"),
                ],
            )
            .await?;
        assert_eq!(done.status, 303);
        let page = public_results(&host, &id).await?;
        assert!(!page.contains(MARK), "moderation makes the cache stale");
        assert_eq!(page.contains("Plus de bancs"), shown, "{decision}");
        let json = host
            .client()
            .get(&format!("/consultations/{id}/resultats.json"))
            .await?;
        assert_eq!(
            json.contains("Plus de bancs"),
            shown,
            "open data: {decision}"
        );
    }

    // Closing, then the erasure of an account: the figures stay right.
    mark_cache(&host, &id).await?;
    let closed = elu
        .post_form_no_follow(&format!("/extranet/consultations/{id}/close"), &[])
        .await?;
    assert_eq!(closed.status, 303);
    let page = public_results(&host, &id).await?;
    assert!(!page.contains(MARK), "closing makes the cache stale");
    assert!(page.contains("Terminée"));
    assert_eq!(respondents(&page)?, 2);
    mark_cache(&host, &id).await?;
    citizen.get("/compte/supprimer").await?;
    let gone = citizen
        .post_form_no_follow(
            "/compte/supprimer",
            &[("password", estive_testing::PASSWORD)],
        )
        .await?;
    assert!(gone.status < 400, "account deleted: {}", gone.status);
    let page = public_results(&host, &id).await?;
    assert!(!page.contains(MARK), "an erasure makes the cache stale");
    assert_eq!(respondents(&page)?, 2, "erased answers stay counted");
    assert_eq!(
        (option_count(&page, "Matin")?, option_count(&page, "Soir")?),
        (1, 1)
    );
    assert_eq!(sql_count(&host, &cache_rows).await?, 1, "one row per poll");
    Ok(())
}

/// The host's page-cache counter `result` ("hit" or "miss") from `/metrics`.
async fn page_cache(host: &TestHost, result: &str) -> Result<u64> {
    let metrics = host.client().get("/metrics").await?;
    number_after(
        &metrics.text,
        &format!("estive_page_cache_requests_total{{result=\"{result}\"}} "),
    )
}

#[tokio::test]
async fn public_results_are_kept_for_visitors_until_the_next_write() -> Result<()> {
    const MARK: &str = "Créneau du cache";
    let host = host().await?;
    let elu = host.login("elu").await?;
    let id = create_poll(&elu, PollSpec::default()).await?;
    publish(&elu, &id).await?;

    // The first view counts the results and writes them to the plugin's
    // own cache: a write, so the page made meanwhile is not kept. The
    // second view is kept; the next, from another browser, is served from
    // the page cache without running the plugin, so a change made behind
    // the plugin's back (in its results cache) does not show.
    let hits = page_cache(&host, "hit").await?;
    public_results(&host, &id).await?;
    let first = public_results(&host, &id).await?;
    assert_eq!(page_cache(&host, "hit").await?, hits, "nothing kept yet");
    mark_cache(&host, &id).await?;
    let second = public_results(&host, &id).await?;
    assert_eq!(page_cache(&host, "hit").await?, hits + 1);
    assert!(!second.contains(MARK), "served from the page cache");
    assert_eq!(
        first.text_without_nonces(),
        second.text_without_nonces(),
        "the same page"
    );
    assert_eq!(
        second.headers.get("content-type").map(|v| v.to_str().ok()),
        Some(Some("text/html; charset=utf-8"))
    );

    // Signed-in people always get a fresh page (it may carry their name,
    // their links, their forms).
    let fresh = elu.get(&format!("/consultations/{id}/resultats")).await?;
    assert!(fresh.contains(MARK), "not kept for signed-in people");
    assert_eq!(page_cache(&host, "hit").await?, hits + 1);

    // Another language or address is another page.
    let english = host
        .client()
        .get(&format!("/consultations/{id}/resultats?lang=en"))
        .await?;
    assert!(english.contains(MARK), "the English page is made afresh");

    // An answer is a write of the plugin on this site: the next view is
    // counted again, with the answer in it.
    let visitor = host.client();
    let f = form(&visitor, &id).await?;
    assert_eq!(answer(&visitor, &id, &f.good()).await?.status, 303);
    let after = public_results(&host, &id).await?;
    assert_eq!(respondents(&after)?, 1, "the answer shows at once");
    assert_eq!(page_cache(&host, "hit").await?, hits + 1);
    public_results(&host, &id).await?;
    assert_eq!(
        respondents(&public_results(&host, &id).await?)?,
        1,
        "and is kept again"
    );
    assert_eq!(page_cache(&host, "hit").await?, hits + 2);

    // Open data is kept too, as a download.
    let csv = format!("/consultations/{id}/resultats.csv");
    let a = host.client().get(&csv).await?;
    let b = host.client().get(&csv).await?;
    assert_eq!((a.status, b.text == a.text), (200, true));
    assert_eq!(page_cache(&host, "hit").await?, hits + 3);
    assert!(
        b.headers
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("resultats.csv")),
        "the file keeps its name"
    );

    // A page that never asked to be kept (the poll with its form) is not.
    host.client().get(&format!("/consultations/{id}")).await?;
    host.client().get(&format!("/consultations/{id}")).await?;
    assert_eq!(page_cache(&host, "hit").await?, hits + 3);
    Ok(())
}
