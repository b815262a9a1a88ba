//! End-to-end: the canteen plugin built for wasm32-wasip2, installed in a
//! real Estive host over a temporary SQLite database, driven through its
//! pages as staff, elected officials and administrators would.
//!
//! The site's clock starts on Monday 30 November 2026 at 08:00 (Paris),
//! before the default 09:30 deadline. Two schools: "École des Granges"
//! (working group `cantine-granges`: `agent` and `agent2`) and "École du
//! Bourg" (group `cantine-bourg`: `agent3`).

use anyhow::{Context as _, Result};
use estive_core::db::entities::{audit_entry, outbox_event};
use estive_testing::{Client, Page, TestHost};
use sea_orm::EntityTrait;

#[path = "e2e/forms.rs"]
mod forms;

const BASE: &str = "/extranet/cantine";
const MONDAY: &str = "2026-11-30";

struct Canteen {
    host: TestHost,
    admin: Client,
    granges: i64,
    bourg: i64,
    /// Group ids of the Granges school: Maternelle, CP-CE1.
    groups: Vec<i64>,
}

fn last_id(page: &Page) -> Result<i64> {
    page.path
        .rsplit('/')
        .next()
        .and_then(|s| s.parse().ok())
        .with_context(|| format!("no id at the end of {}", page.path))
}

/// The group ids of a count page's form, in their order.
fn group_ids(page: &Page) -> Vec<i64> {
    let mut ids = Vec::new();
    for part in page.text.split("name=\"n_").skip(1) {
        if let Some(id) = part.split('_').next().and_then(|s| s.parse().ok())
            && !ids.contains(&id)
        {
            ids.push(id);
        }
    }
    ids
}

fn ok(page: &Page, what: &str) -> Result<()> {
    anyhow::ensure!(
        page.status == 200,
        "{what}: status {} at {}\n{}",
        page.status,
        page.path,
        page.text
    );
    Ok(())
}

async fn start() -> Result<Canteen> {
    let host = TestHost::builder()
        .plugin(env!("CARGO_MANIFEST_DIR"))
        .user("agent2", "Bérénice Agent", &["staff"])
        .user("agent3", "Cyril Agent", &["staff"])
        .group(
            "cantine-granges",
            "Cantine des Granges",
            &["agent", "agent2"],
        )
        .group("cantine-bourg", "Cantine du Bourg", &["agent3"])
        .now("2026-11-30T08:00:00+01:00")
        .start()
        .await?;
    let admin = host.login("admin").await?;
    let page = admin
        .post_form(
            &format!("{BASE}/gestion/ecoles/nouvelle"),
            &[
                ("name", "École des Granges"),
                ("group_slug", "cantine-granges"),
                ("capacity", "120"),
                ("weekdays", "1"),
                ("weekdays", "2"),
                ("weekdays", "4"),
                ("weekdays", "5"),
            ],
        )
        .await?;
    ok(&page, "create Granges")?;
    let granges = last_id(&page)?;
    for (name, pupils) in [("Maternelle", "25"), ("CP-CE1", "")] {
        let page = admin
            .post_form(
                &format!("{BASE}/gestion/ecoles/{granges}/classes"),
                &[("name", name), ("pupils", pupils), ("position", "")],
            )
            .await?;
        ok(&page, "add a group")?;
    }
    let page = admin
        .post_form(
            &format!("{BASE}/gestion/ecoles/nouvelle"),
            &[
                ("name", "École du Bourg"),
                ("group_slug", "cantine-bourg"),
                ("capacity", "80"),
                ("weekdays", "1"),
                ("weekdays", "2"),
                ("weekdays", "4"),
                ("weekdays", "5"),
            ],
        )
        .await?;
    ok(&page, "create Bourg")?;
    let bourg = last_id(&page)?;
    let page = admin
        .post_form(
            &format!("{BASE}/gestion/ecoles/{bourg}/classes"),
            &[("name", "Classe unique"), ("pupils", ""), ("position", "")],
        )
        .await?;
    ok(&page, "add Bourg's group")?;
    let count = admin.get(&format!("{BASE}/comptage/{granges}")).await?;
    ok(&count, "count page")?;
    let groups = group_ids(&count);
    anyhow::ensure!(groups.len() == 2, "two groups expected: {groups:?}");
    Ok(Canteen {
        host,
        admin,
        granges,
        bourg,
        groups,
    })
}

impl Canteen {
    fn count_url(&self, school: i64) -> String {
        format!("{BASE}/comptage/{school}")
    }

    /// Posts the Granges grid: (group index, meal code, number).
    async fn save(
        &self,
        client: &Client,
        date: &str,
        revision: &str,
        cells: &[(usize, &str, &str)],
    ) -> Result<Page> {
        let names: Vec<String> = cells
            .iter()
            .map(|(g, meal, _)| format!("n_{}_{meal}", self.groups[*g]))
            .collect();
        let mut form: Vec<(&str, &str)> = vec![("date", date), ("revision", revision)];
        for (name, (_, _, n)) in names.iter().zip(cells) {
            form.push((name.as_str(), n));
        }
        client.post_form(&self.count_url(self.granges), &form).await
    }

    async fn outbox(&self) -> Result<Vec<serde_json::Value>> {
        Ok(outbox_event::Entity::find()
            .all(&self.host.state.platform.db)
            .await?
            .into_iter()
            .filter(|e| e.topic == "canteen.day-locked")
            .map(|e| serde_json::from_str(&e.payload).unwrap_or_default())
            .collect())
    }

    async fn audit(&self, action: &str) -> Result<Vec<audit_entry::Model>> {
        Ok(audit_entry::Entity::find()
            .all(&self.host.state.platform.db)
            .await?
            .into_iter()
            .filter(|e| e.action == action)
            .collect())
    }
}

/// The text of the table cell after a row header, e.g. the Maternelle
/// standard count in the saved table.
fn saved_row(page: &Page, row: &str) -> Option<String> {
    let caption = page.text.find("canteen-saved-caption")?;
    let rest = &page.text[caption..];
    let at = rest.find(&format!("<th scope=\"row\">{row}</th>"))?;
    let line = &rest[at..];
    let end = line.find("</tr>")?;
    Some(line[..end].to_string())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_counts_todays_meals_and_sees_the_saved_totals() -> Result<()> {
    let c = start().await?;
    let agent = c.host.login("agent").await?;
    let page = agent.get(&c.count_url(c.granges)).await?;
    ok(&page, "agent's count page")?;
    assert!(page.contains("lundi 30 novembre 2026"), "{}", page.text);
    assert!(page.contains("jusqu&#x27;à 09:30") || page.contains("jusqu'à 09:30"));
    let page = c
        .save(
            &agent,
            MONDAY,
            "0",
            &[
                (0, "standard", "20"),
                (0, "vegetarian", "3"),
                (0, "pai", "1"),
                (1, "standard", "18"),
                (1, "adult", "2"),
            ],
        )
        .await?;
    ok(&page, "after saving")?;
    assert!(page.contains("Comptages enregistrés"), "{}", page.text);
    let row = saved_row(&page, "Maternelle").context("Maternelle row")?;
    assert!(
        row.contains(">20<") && row.contains(">3<") && row.contains(">24<"),
        "{row}"
    );
    let total = saved_row(&page, "Total").context("total row")?;
    assert!(total.contains(">44<"), "{total}");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn negative_count_is_refused_with_a_clear_message_and_nothing_is_saved() -> Result<()> {
    let c = start().await?;
    let agent = c.host.login("agent").await?;
    c.save(&agent, MONDAY, "0", &[(0, "standard", "20")])
        .await?;
    let page = c
        .save(&agent, MONDAY, "1", &[(0, "standard", "-3")])
        .await?;
    assert_eq!(page.status, 422);
    assert!(page.contains("Saisissez un nombre positif ou nul"));
    assert!(page.contains("error-summary"));
    assert!(page.contains("value=\"-3\""), "what was typed is kept");
    let page = agent.get(&c.count_url(c.granges)).await?;
    let row = saved_row(&page, "Maternelle").context("Maternelle row")?;
    assert!(row.contains(">20<"), "the last valid count is kept: {row}");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn absurd_count_over_the_school_capacity_is_refused() -> Result<()> {
    let c = start().await?;
    let agent = c.host.login("agent").await?;
    let page = c
        .save(&agent, MONDAY, "0", &[(1, "standard", "1200")])
        .await?;
    assert_eq!(page.status, 422);
    assert!(
        page.contains("1200 dépasse la capacité de l"),
        "{}",
        page.text
    );
    assert!(page.contains("120 repas"));
    // More children's meals than the group's 25 pupils.
    let page = c
        .save(
            &agent,
            MONDAY,
            "0",
            &[(0, "standard", "20"), (0, "no_pork", "8")],
        )
        .await?;
    assert_eq!(page.status, 422);
    assert!(
        page.contains("28 repas d&#x27;enfants pour 25 élèves")
            || page.contains("28 repas d'enfants pour 25 élèves"),
        "{}",
        page.text
    );
    let page = agent.get(&c.count_url(c.granges)).await?;
    assert!(!page.contains("canteen-saved-caption"), "nothing was saved");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn count_after_the_deadline_is_refused_and_the_last_valid_count_is_kept() -> Result<()> {
    let c = start().await?;
    let agent = c.host.login("agent").await?;
    c.save(&agent, MONDAY, "0", &[(0, "standard", "20")])
        .await?;
    c.host.set_now("2026-11-30T09:45:00+01:00");
    let page = c
        .save(&agent, MONDAY, "1", &[(0, "standard", "26")])
        .await?;
    assert_eq!(page.status, 409);
    assert!(
        page.contains("L&#x27;heure limite de saisie est passée")
            || page.contains("L'heure limite de saisie est passée"),
        "{}",
        page.text
    );
    assert!(page.contains("Vos nombres, non enregistrés"));
    let row = saved_row(&page, "Maternelle").context("saved row")?;
    assert!(row.contains(">20<"), "{row}");
    let history = agent
        .get(&format!(
            "{BASE}/comptage/{}/historique?date={MONDAY}",
            c.granges
        ))
        .await?;
    ok(&history, "history")?;
    assert_eq!(history.text.matches("enregistrement n°").count(), 1);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn count_for_a_day_without_service_is_refused() -> Result<()> {
    let c = start().await?;
    let agent = c.host.login("agent").await?;
    // Wednesday: no service in a four-day week.
    let page = c
        .save(&agent, "2026-12-02", "0", &[(0, "standard", "20")])
        .await?;
    assert_eq!(page.status, 409);
    assert!(
        page.contains("Il n&#x27;y a pas de service") || page.contains("Il n'y a pas de service")
    );
    // Ascension Thursday 2027, computed from Easter.
    let page = agent
        .get(&format!("{}?date=2027-05-06", c.count_url(c.granges)))
        .await?;
    ok(&page, "Ascension")?;
    assert!(page.contains("Jour férié") && page.contains("Ascension"));
    assert!(!page.contains("name=\"n_"), "no form on a public holiday");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_cannot_count_another_school_than_their_own() -> Result<()> {
    let c = start().await?;
    let agent = c.host.login("agent").await?;
    let page = agent.get(&c.count_url(c.bourg)).await?;
    assert_eq!(page.status, 403);
    let page = agent
        .post_form(
            &c.count_url(c.bourg),
            &[("date", MONDAY), ("revision", "0")],
        )
        .await?;
    assert_eq!(page.status, 403);
    // Their own school's colleague of the other school can.
    let agent3 = c.host.login("agent3").await?;
    ok(&agent3.get(&c.count_url(c.bourg)).await?, "agent3 on Bourg")?;
    assert_eq!(agent3.get(&c.count_url(c.granges)).await?.status, 403);
    // The home page links only their school to its count screen (staff
    // also read reports, so they see every school's status).
    let home = agent.get(&format!("{BASE}/")).await?;
    ok(&home, "home")?;
    assert!(home.contains(&format!("comptage/{}?", c.granges)));
    assert!(!home.contains(&format!("comptage/{}?", c.bourg)));
    Ok(())
}

/// The value of the input named `name` in a page's HTML.
fn input_value(page: &Page, name: &str) -> Option<String> {
    let at = page.text.find(&format!("name=\"{name}\""))?;
    let rest = &page.text[at..];
    let end = rest.find('>')?;
    let tag = &rest[..end];
    let v = tag.split("value=\"").nth(1)?;
    Some(v[..v.find('"')?].to_string())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stale_save_is_refused_with_the_other_save_shown_and_the_typed_numbers_kept() -> Result<()>
{
    let c = start().await?;
    let agent = c.host.login("agent").await?;
    let agent2 = c.host.login("agent2").await?;
    // Both open the screen before either saves (revision 0).
    let page = agent.get(&c.count_url(c.granges)).await?;
    assert_eq!(input_value(&page, "revision").as_deref(), Some("0"));
    agent2.get(&c.count_url(c.granges)).await?;
    let first = c
        .save(&agent, MONDAY, "0", &[(0, "standard", "20")])
        .await?;
    ok(&first, "first save")?;
    let second = c
        .save(
            &agent2,
            MONDAY,
            "0",
            &[(0, "standard", "22"), (1, "vegetarian", "4")],
        )
        .await?;
    assert_eq!(second.status, 409, "{}", second.text);
    assert!(
        second.contains("Arnaud Agent a enregistré cette journée pendant votre saisie"),
        "{}",
        second.text
    );
    // What this agent typed is still in the form, beside what the other
    // saved, and the form now carries the new revision.
    let (m, cp) = (c.groups[0], c.groups[1]);
    assert_eq!(
        input_value(&second, &format!("n_{m}_standard")).as_deref(),
        Some("22")
    );
    assert_eq!(
        input_value(&second, &format!("n_{cp}_vegetarian")).as_deref(),
        Some("4")
    );
    assert_eq!(input_value(&second, "revision").as_deref(), Some("1"));
    assert!(
        second.contains("Enregistré par Arnaud Agent\u{a0}: 20"),
        "{}",
        second.text
    );
    let row = saved_row(&second, "Maternelle").context("row")?;
    assert!(row.contains(">20<"), "the first save stands: {row}");

    // Sent again knowingly, from the page that told them: saved.
    let again = c
        .save(
            &agent2,
            MONDAY,
            "1",
            &[(0, "standard", "22"), (1, "vegetarian", "4")],
        )
        .await?;
    ok(&again, "resubmitted")?;
    assert!(again.contains("Comptages enregistrés"), "{}", again.text);
    let row = saved_row(&again, "Maternelle").context("row")?;
    assert!(row.contains(">22<"), "{row}");

    // Truly at once, from the same revision: one commits whole, the other
    // is told, and nothing is lost.
    let (a, b) = tokio::join!(
        c.save(
            &agent,
            MONDAY,
            "2",
            &[(0, "standard", "10"), (1, "standard", "10")]
        ),
        c.save(
            &agent2,
            MONDAY,
            "2",
            &[(0, "standard", "15"), (1, "standard", "15")]
        ),
    );
    let (a, b) = (a?, b?);
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(statuses, [200, 409], "{}\n{}", a.text, b.text);
    let (refused, kept) = if a.status == 409 {
        (&a, "10")
    } else {
        (&b, "15")
    };
    assert_eq!(
        input_value(refused, &format!("n_{m}_standard")).as_deref(),
        Some(kept),
        "the refused agent's numbers are kept"
    );
    let page = agent.get(&c.count_url(c.granges)).await?;
    let m_row = saved_row(&page, "Maternelle").context("row")?;
    let cp_row = saved_row(&page, "CP-CE1").context("row")?;
    let winner = if kept == "10" { "15" } else { "10" };
    assert!(
        m_row.contains(&format!(">{winner}<")) && cp_row.contains(&format!(">{winner}<")),
        "the committed save is whole: {m_row} / {cp_row}"
    );
    let history = agent
        .get(&format!(
            "{BASE}/comptage/{}/historique?date={MONDAY}",
            c.granges
        ))
        .await?;
    for revision in 1..=3 {
        assert!(
            history.contains(&format!("enregistrement n° {revision})")),
            "revision {revision} in the history"
        );
    }
    assert!(!history.contains("enregistrement n° 4)"));
    assert!(history.contains("Bérénice Agent") && history.contains("Arnaud Agent"));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn same_numbers_sent_twice_are_saved_once_without_a_warning() -> Result<()> {
    let c = start().await?;
    let agent = c.host.login("agent").await?;
    let cells = [(0, "standard", "20"), (1, "adult", "2")];
    ok(&c.save(&agent, MONDAY, "0", &cells).await?, "first")?;
    // A double click: the same form, the same revision.
    let page = c.save(&agent, MONDAY, "0", &cells).await?;
    ok(&page, "the same form again")?;
    assert!(page.contains("Comptages enregistrés"), "{}", page.text);
    assert_eq!(input_value(&page, "revision").as_deref(), Some("1"));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn past_day_never_counted_is_closed_and_does_not_promise_a_lock() -> Result<()> {
    let c = start().await?;
    // Three weeks later, Monday 30 November was never counted nor locked:
    // the schedule no longer looks that far back. The agent signs in then.
    c.host.set_now("2026-12-21T08:00:00+01:00");
    let agent = c.host.login("agent").await?;
    let page = agent
        .get(&format!("{}?date={MONDAY}", c.count_url(c.granges)))
        .await?;
    ok(&page, "an old day")?;
    assert!(page.contains("Saisie close"), "{}", page.text);
    assert!(!page.contains("sera verrouillée sous peu"), "{}", page.text);
    assert!(
        page.contains("Aucun repas n&#x27;a été enregistré")
            || page.contains("Aucun repas n'a été enregistré")
    );
    assert!(!page.contains("name=\"n_"), "no form on a closed day");
    // Yesterday's day, within the schedule's reach, still says so.
    c.host.set_now("2026-11-30T10:00:00+01:00");
    let page = agent.get(&c.count_url(c.granges)).await?;
    assert!(page.contains("sera verrouillée sous peu"), "{}", page.text);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deadline_schedule_locks_the_day_and_publishes_its_totals() -> Result<()> {
    let c = start().await?;
    let agent = c.host.login("agent").await?;
    c.save(
        &agent,
        MONDAY,
        "0",
        &[
            (0, "standard", "20"),
            (0, "pai", "1"),
            (1, "vegetarian", "5"),
        ],
    )
    .await?;
    c.host.run_schedule("canteen", "lock-days").await?;
    assert!(c.outbox().await?.is_empty(), "nothing locked before 09:30");
    c.host.set_now("2026-11-30T09:45:00+01:00");
    c.host.run_schedule("canteen", "lock-days").await?;
    let events = c.outbox().await?;
    let granges: Vec<&serde_json::Value> = events
        .iter()
        .filter(|e| e["school_id"] == c.granges)
        .collect();
    assert_eq!(granges.len(), 1, "{events:?}");
    let e = granges[0];
    assert_eq!(e["school"], "École des Granges");
    assert_eq!(e["date"], MONDAY);
    assert_eq!(e["totals"]["standard"], 20);
    assert_eq!(e["totals"]["pai"], 1);
    assert_eq!(e["totals"]["vegetarian"], 5);
    assert_eq!(e["total"], 26);
    // Bourg did not count: it is locked with nothing.
    assert!(
        events
            .iter()
            .any(|e| e["school_id"] == c.bourg && e["total"] == 0)
    );
    // Running again publishes nothing more.
    c.host.run_schedule("canteen", "lock-days").await?;
    assert_eq!(c.outbox().await?.len(), events.len());
    let page = agent.get(&c.count_url(c.granges)).await?;
    assert!(page.contains("Verrouillée"));
    assert!(!page.contains("name=\"n_"), "no form on a locked day");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn manager_reopens_a_locked_day_with_a_reason_kept_in_history_and_audit() -> Result<()> {
    let c = start().await?;
    let agent = c.host.login("agent").await?;
    c.save(&agent, MONDAY, "0", &[(0, "standard", "20")])
        .await?;
    let lock = c
        .admin
        .post_form(
            &format!("{BASE}/comptage/{}/verrouiller", c.granges),
            &[("date", MONDAY)],
        )
        .await?;
    ok(&lock, "manager locks")?;
    assert!(lock.contains("Journée verrouillée"));
    let unlock_url = format!("{BASE}/comptage/{}/deverrouiller", c.granges);
    let refused = c
        .admin
        .post_form(&unlock_url, &[("date", MONDAY), ("reason", "")])
        .await?;
    assert_eq!(refused.status, 422);
    assert!(refused.contains("Indiquez le motif"));
    let page = c
        .admin
        .post_form(
            &unlock_url,
            &[
                ("date", MONDAY),
                ("reason", "Sortie scolaire des CP annulée"),
            ],
        )
        .await?;
    ok(&page, "reopened")?;
    assert!(page.contains("Rouverte"));
    // After the deadline, staff may correct a reopened day.
    c.host.set_now("2026-11-30T11:00:00+01:00");
    // Three hours later the manager's session (an administrator: one idle
    // hour) has ended: they sign in again.
    let admin = c.host.login("admin").await?;
    let page = c
        .save(&agent, MONDAY, "1", &[(0, "standard", "24")])
        .await?;
    ok(&page, "correction after reopening")?;
    // The schedule leaves a reopened day alone; the manager locks it again.
    c.host.run_schedule("canteen", "lock-days").await?;
    let before = c.outbox().await?;
    assert_eq!(
        before
            .iter()
            .filter(|e| e["school_id"] == c.granges)
            .count(),
        1
    );
    admin
        .post_form(
            &format!("{BASE}/comptage/{}/verrouiller", c.granges),
            &[("date", MONDAY)],
        )
        .await?;
    let after = c.outbox().await?;
    let granges: Vec<&serde_json::Value> = after
        .iter()
        .filter(|e| e["school_id"] == c.granges)
        .collect();
    assert_eq!(granges.len(), 2);
    assert_eq!(granges[1]["total"], 24);
    let history = admin
        .get(&format!(
            "{BASE}/comptage/{}/historique?date={MONDAY}",
            c.granges
        ))
        .await?;
    assert!(history.contains("Sortie scolaire des CP annulée"));
    let audit = c.audit("canteen.day.unlocked").await?;
    assert_eq!(audit.len(), 1);
    assert!(audit[0].details.contains("Sortie scolaire"));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_cannot_lock_or_unlock_a_day() -> Result<()> {
    let c = start().await?;
    let agent = c.host.login("agent").await?;
    let page = agent
        .post_form(
            &format!("{BASE}/comptage/{}/verrouiller", c.granges),
            &[("date", MONDAY)],
        )
        .await?;
    assert_eq!(page.status, 403);
    assert!(c.outbox().await?.is_empty());
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn order_sheet_month_report_and_billing_export_show_the_counts() -> Result<()> {
    let c = start().await?;
    let agent = c.host.login("agent").await?;
    c.save(
        &agent,
        MONDAY,
        "0",
        &[
            (0, "standard", "20"),
            (0, "vegetarian", "4"),
            (1, "standard", "16"),
        ],
    )
    .await?;
    let elu = c.host.login("elu").await?;
    let order = elu
        .get(&format!("{BASE}/rapports/commande?date={MONDAY}"))
        .await?;
    ok(&order, "order sheet")?;
    assert!(order.contains("Bon de commande du lundi 30 novembre 2026"));
    assert!(order.contains("Bon provisoire"), "not locked yet");
    assert!(order.contains("page-break") && order.contains("data-print"));
    assert!(order.contains(">40<"), "the day's total");

    let month = elu
        .get(&format!("{BASE}/rapports/mois?month=2026-11"))
        .await?;
    ok(&month, "month")?;
    assert!(month.contains("<svg") && month.contains("Données du graphique"));
    assert!(month.contains("lun. 30"));
    // 4 vegetarian meals out of 40: 10 %.
    assert!(month.contains("10\u{202f}%"), "vegetarian share");
    assert!(
        month.contains("Manquant"),
        "no vegetarian menu recorded yet"
    );

    let week = elu
        .get(&format!("{BASE}/rapports?period=week&date={MONDAY}"))
        .await?;
    ok(&week, "week totals")?;
    assert!(week.contains("École des Granges") && week.contains(">40<"));

    let csv = elu
        .get(&format!("{BASE}/rapports/facturation.csv?month=2026-11"))
        .await?;
    ok(&csv, "csv")?;
    assert!(csv.text.starts_with('\u{feff}'));
    assert!(csv.contains("Mois;École;Groupe;Type de repas;Code;Repas"));
    assert!(csv.contains("2026-11;École des Granges;Maternelle;Standard;standard;20"));
    assert!(csv.contains("2026-11;École des Granges;Maternelle;Végétarien;vegetarian;4"));
    assert!(csv.contains("2026-11;École des Granges;CP-CE1;Standard;standard;16"));
    assert_eq!(c.audit("canteen.billing.exported").await?.len(), 1);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn viewing_allergy_plan_counts_is_audited() -> Result<()> {
    let c = start().await?;
    let agent = c.host.login("agent").await?;
    let before = c.audit("canteen.pai.viewed").await?.len();
    c.save(&agent, MONDAY, "0", &[(0, "pai", "2")]).await?;
    c.admin
        .get(&format!("{BASE}/rapports/commande?date={MONDAY}"))
        .await?;
    let after = c.audit("canteen.pai.viewed").await?;
    assert!(after.len() > before);
    assert!(after.iter().any(|a| a.details.contains("order")));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn manager_enters_school_holidays_and_exceptional_days_that_change_service() -> Result<()> {
    let c = start().await?;
    let elu = c.host.login("elu").await?;
    let page = elu
        .post_form(
            &format!("{BASE}/gestion/calendrier/vacances"),
            &[
                ("name", "Vacances de Noël"),
                ("zones", "A"),
                ("zones", "B"),
                ("zones", "C"),
                ("ends_after", "2026-12-19"),
                ("resumes_on", "2027-01-04"),
            ],
        )
        .await?;
    ok(&page, "holiday added")?;
    assert!(page.contains("Vacances de Noël"));
    let refused = elu
        .post_form(
            &format!("{BASE}/gestion/calendrier/vacances"),
            &[
                ("name", "À l'envers"),
                ("zones", "C"),
                ("ends_after", "2027-02-20"),
                ("resumes_on", "2027-02-10"),
            ],
        )
        .await?;
    assert_eq!(refused.status, 422);
    assert!(refused.contains("La reprise doit venir"));
    let page = elu
        .post_form(
            &format!("{BASE}/gestion/calendrier/exceptions"),
            &[
                ("date", "2026-12-03"),
                ("school", &c.granges.to_string()),
                ("kind", "closed"),
                ("reason", "Grève"),
            ],
        )
        .await?;
    ok(&page, "exception added")?;
    let agent = c.host.login("agent").await?;
    let page = agent
        .get(&format!("{}?date=2026-12-21", c.count_url(c.granges)))
        .await?;
    assert!(page.contains("Vacances scolaires") && page.contains("Vacances de Noël"));
    let page = agent
        .get(&format!("{}?date=2026-12-03", c.count_url(c.granges)))
        .await?;
    assert!(page.contains("Service supprimé") && page.contains("Grève"));
    let refused = c
        .save(&agent, "2026-12-03", "0", &[(0, "standard", "20")])
        .await?;
    assert_eq!(refused.status, 409);
    // Bourg still has service that day.
    let agent3 = c.host.login("agent3").await?;
    let page = agent3
        .get(&format!("{}?date=2026-12-03", c.count_url(c.bourg)))
        .await?;
    assert!(page.contains("name=\"n_"));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn manager_changes_the_deadline_to_the_day_before() -> Result<()> {
    let c = start().await?;
    let page = c
        .admin
        .post_form(
            &format!("{BASE}/gestion/reglages"),
            &[
                ("deadline_day", "day_before"),
                ("deadline_time", "17:00"),
                ("caterer_name", "Cuisine centrale du Val"),
                ("caterer_contact", "05 62 00 00 00"),
                ("caterer_notes", ""),
            ],
        )
        .await?;
    ok(&page, "options")?;
    assert!(page.contains("la veille à 17:00"));
    let agent = c.host.login("agent").await?;
    // Monday 08:00: Monday closed on Sunday at 17:00.
    let refused = c
        .save(&agent, MONDAY, "0", &[(0, "standard", "20")])
        .await?;
    assert_eq!(refused.status, 409);
    // Tuesday is still open until Monday 17:00.
    let page = c
        .save(&agent, "2026-12-01", "0", &[(0, "standard", "20")])
        .await?;
    ok(&page, "Tuesday")?;
    let order = c
        .admin
        .get(&format!("{BASE}/rapports/commande?date=2026-12-01"))
        .await?;
    assert!(order.contains("Cuisine centrale du Val"));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn widget_shows_counted_and_missing_schools() -> Result<()> {
    let c = start().await?;
    let agent = c.host.login("agent").await?;
    c.save(&agent, MONDAY, "0", &[(0, "standard", "20")])
        .await?;
    let dashboard = c.admin.get("/extranet/").await?;
    ok(&dashboard, "dashboard")?;
    assert!(dashboard.contains("Comptages de repas du jour"));
    assert!(
        dashboard.contains("1 école comptée, 1 à compter"),
        "{}",
        dashboard.text
    );
    let mine = agent.get("/extranet/").await?;
    assert!(mine.contains("École des Granges"));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_are_in_english_too() -> Result<()> {
    let c = start().await?;
    let agent = c.host.login("agent").await?;
    let page = agent
        .get(&format!("{}?lang=en", c.count_url(c.granges)))
        .await?;
    ok(&page, "English count page")?;
    assert!(page.contains("Save the counts") && page.contains("Monday 30 November 2026"));
    assert!(page.contains("Vegetarian"));
    let setup = c.admin.get(&format!("{BASE}/gestion?lang=en")).await?;
    assert!(setup.contains("Canteen set-up") && setup.contains("Add a school"));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn citizens_and_elected_officials_without_count_permission_cannot_count() -> Result<()> {
    let c = start().await?;
    let citizen = c.host.login("citoyen").await?;
    let page = citizen.get(&format!("{BASE}/")).await?;
    assert_ne!(page.status, 200);
    let elu = c.host.login("elu").await?;
    assert_eq!(elu.get(&c.count_url(c.granges)).await?.status, 403);
    // The elected official reads the reports and the set-up.
    ok(&elu.get(&format!("{BASE}/rapports")).await?, "reports")?;
    ok(&elu.get(&format!("{BASE}/gestion")).await?, "set-up")?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn count_screen_is_prefilled_from_the_same_weekday_last_week() -> Result<()> {
    let c = start().await?;
    let agent = c.host.login("agent").await?;
    // The Granges school counts on Monday 23 November.
    c.host.set_now("2026-11-23T08:00:00+01:00");
    ok(
        &c.save(
            &agent,
            "2026-11-23",
            "0",
            &[(0, "standard", "21"), (1, "vegetarian", "6")],
        )
        .await?,
        "last week's count",
    )?;
    c.host.set_now("2026-11-30T08:00:00+01:00");
    let page = agent.get(&c.count_url(c.granges)).await?;
    ok(&page, "this week's screen")?;
    assert!(page.contains("préremplies avec les nombres du lundi 23 novembre 2026"));
    let standard = format!("name=\"n_{}_standard\"", c.groups[0]);
    let at = page
        .text
        .find(&standard)
        .context("Maternelle standard box")?;
    assert!(page.text[at..at + 120].contains("value=\"21\""));
    // A suggestion is not a count: the school is still to count.
    let home = agent.get(&format!("{BASE}/")).await?;
    assert!(home.contains("À faire"));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn manager_adds_a_meal_type_and_deactivates_another_for_the_count_screen() -> Result<()> {
    let c = start().await?;
    let page = c
        .admin
        .post_form(
            &format!("{BASE}/gestion/repas"),
            &[
                ("code", "sans_viande"),
                ("name_fr", "Sans viande"),
                ("name_en", "No meat"),
                ("vegetarian", "on"),
                ("position", ""),
            ],
        )
        .await?;
    ok(&page, "meal type added")?;
    assert!(page.contains("Sans viande"));
    let taken = c
        .admin
        .post_form(
            &format!("{BASE}/gestion/repas"),
            &[
                ("code", "sans_viande"),
                ("name_fr", "Doublon"),
                ("name_en", "Twin"),
            ],
        )
        .await?;
    assert_eq!(taken.status, 422);
    assert!(taken.contains("Ce code est déjà utilisé"));
    // Deactivate "Sans porc": find its edit link.
    let at = page.text.find(">Sans porc<").context("no pork row")?;
    let link_start = page.text[..at]
        .rfind("/gestion/repas/")
        .context("edit link")?;
    let id: String = page.text[link_start + "/gestion/repas/".len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let page = c
        .admin
        .post_form(
            &format!("{BASE}/gestion/repas/{id}"),
            &[
                ("name_fr", "Sans porc"),
                ("name_en", "No pork"),
                ("position", "3"),
            ],
        )
        .await?;
    ok(&page, "no pork deactivated")?;
    let agent = c.host.login("agent").await?;
    let count = agent.get(&c.count_url(c.granges)).await?;
    assert!(count.contains(&format!("name=\"n_{}_sans_viande\"", c.groups[0])));
    assert!(!count.contains(&format!("name=\"n_{}_no_pork\"", c.groups[0])));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn weekly_vegetarian_menu_check_is_met_once_a_vegetarian_menu_is_recorded() -> Result<()> {
    let c = start().await?;
    let page = c
        .admin
        .post_form(
            &format!("{BASE}/gestion/menus"),
            &[
                ("week", MONDAY),
                ("veg_2026-12-03", "on"),
                ("desc_2026-12-03", "Lasagnes aux légumes"),
            ],
        )
        .await?;
    ok(&page, "menus")?;
    assert!(page.contains("Au moins un menu végétarien cette semaine"));
    assert!(page.contains("Lasagnes aux légumes"));
    // Later in December, week 50 is over without a vegetarian menu; week
    // 52 is still to come.
    c.host.set_now("2026-12-16T10:00:00+01:00");
    let admin = c.host.login("admin").await?;
    let month = admin
        .get(&format!("{BASE}/rapports/mois?month=2026-12"))
        .await?;
    ok(&month, "December")?;
    let at = month.text.find("Semaine 49").context("week 49 row")?;
    let row = &month.text[at..at + month.text[at..].find("</tr>").unwrap_or(0)];
    assert!(row.contains("Respecté"), "{row}");
    let at = month.text.find("Semaine 50").context("week 50 row")?;
    let row = &month.text[at..at + month.text[at..].find("</tr>").unwrap_or(0)];
    assert!(row.contains("Manquant"), "{row}");
    let at = month.text.find("Semaine 52").context("week 52 row")?;
    let row = &month.text[at..at + month.text[at..].find("</tr>").unwrap_or(0)];
    assert!(row.contains("À venir"), "{row}");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_data_download_lists_their_changes_and_erasure_removes_their_name() -> Result<()> {
    let c = start().await?;
    let agent2 = c.host.login("agent2").await?;
    c.save(&agent2, MONDAY, "0", &[(0, "standard", "19")])
        .await?;
    let data = agent2.get("/compte/donnees.json").await?;
    ok(&data, "data download")?;
    let json: serde_json::Value = serde_json::from_str(&data.text)?;
    let changes = &json["plugins"]["canteen"]["changes"];
    assert_eq!(changes[0]["new_count"], 19, "{json}");
    assert_eq!(changes[0]["user_name"], "Bérénice Agent");

    agent2.get("/compte/supprimer").await?;
    let gone = agent2
        .post_form_no_follow(
            "/compte/supprimer",
            &[("password", estive_testing::PASSWORD)],
        )
        .await?;
    assert_eq!(gone.status, 303, "{}", gone.text);
    let history = c
        .admin
        .get(&format!(
            "{BASE}/comptage/{}/historique?date={MONDAY}",
            c.granges
        ))
        .await?;
    ok(&history, "history after erasure")?;
    assert!(!history.contains("Bérénice"));
    assert!(history.contains(">19<"), "the number stays");
    Ok(())
}

/// The demo site's folder, `sites/veziaux-aure`.
fn demo_site_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../sites/veziaux-aure")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_school_holidays_of_zone_c_are_days_without_counts() -> Result<()> {
    // The demo site as `cargo xtask demo` makes it: its canteen settings
    // and its sample data, on Tuesday 3 November 2026 after the deadline,
    // the day after the Toussaint holidays.
    let site = estive_core::sites::config::SiteConfig::read(&demo_site_dir())?;
    let settings = site.plugins["canteen"].settings.clone();
    assert_eq!(
        settings.get("zone").and_then(|z| z.as_str()),
        Some("C"),
        "académie de Toulouse"
    );
    let mut builder = TestHost::builder()
        .plugin(env!("CARGO_MANIFEST_DIR"))
        .now("2026-11-03T10:00:00+01:00");
    for (name, value) in settings {
        builder = builder.setting("canteen", &name, value);
    }
    let host = builder.start().await?;
    let loaded = host
        .state
        .platform
        .load_demo(estive_testing::SITE, &demo_site_dir().join("demo"))
        .await?;
    assert!(loaded.iter().any(|(p, rows)| p == "canteen" && *rows > 0));
    let admin = host.login("admin").await?;
    let home = admin.get(&format!("{BASE}/gestion")).await?;
    ok(&home, "set-up")?;
    let pic = home
        .text
        .split("/gestion/ecoles/")
        .skip(1)
        .filter_map(|s| s.split('"').next()?.parse::<i64>().ok())
        .next()
        .context("a school of the demo")?;

    // Every holiday of zone C in both school years: no service, no form.
    for (date, period) in [
        ("2025-10-21", "Toussaint 2025"),
        ("2026-03-02", "hiver 2026"),
        ("2026-04-28", "printemps 2026"),
        ("2026-10-20", "Toussaint 2026"),
        ("2026-12-22", "Noël 2026"),
        ("2027-02-16", "hiver 2027"),
        ("2027-04-13", "printemps 2027"),
        ("2027-07-06", "été 2027"),
    ] {
        let page = admin
            .get(&format!("{BASE}/comptage/{pic}?date={date}"))
            .await?;
        ok(&page, date)?;
        assert!(
            page.contains("Vacances scolaires") && page.contains(period),
            "{date} is in the {period} holidays:\n{}",
            page.text
        );
        assert!(!page.contains("name=\"n_"), "no count form on {date}");
    }
    // The first day back is a service day.
    let page = admin
        .get(&format!("{BASE}/comptage/{pic}?date=2027-02-22"))
        .await?;
    assert!(!page.contains("Vacances scolaires"), "{}", page.text);

    // A count for a holiday is refused.
    let page = admin
        .post_form(
            &format!("{BASE}/comptage/{pic}"),
            &[("date", "2026-10-29"), ("revision", "0")],
        )
        .await?;
    assert_eq!(page.status, 409);

    // The deadline schedule looks back a week: it locks the two school
    // days since the holidays, not the Toussaint days before them.
    host.run_schedule("canteen", "lock-days").await?;
    let mut dates: Vec<String> = outbox_event::Entity::find()
        .all(&host.state.platform.db)
        .await?
        .into_iter()
        .filter(|e| e.topic == "canteen.day-locked")
        .filter_map(|e| {
            let payload: serde_json::Value = serde_json::from_str(&e.payload).ok()?;
            Some(payload["date"].as_str()?.to_owned())
        })
        .collect();
    dates.sort();
    dates.dedup();
    assert_eq!(dates, ["2026-11-02", "2026-11-03"]);
    Ok(())
}
