//! Every form of the canteen, as rendered: each test loads the page, reads
//! the form from its HTML (fields, options, hidden values), fills it only
//! from what the page offers and submits it as a browser would, then
//! checks what changed. A form whose select offers nothing, a hidden value
//! a template forgot or a field renamed on one side fails here.
//!
//! The 14 forms of `templates/` and the test of each:
//!
//! | template | form | test |
//! |---|---|---|
//! | school.html | a school, new and edit | `school_form_creates_and_edits_a_school` |
//! | school.html | add a group | `group_forms_add_a_group_and_edit_it` |
//! | class.html | edit a group | `group_forms_add_a_group_and_edit_it` |
//! | meals.html | add a meal type | `meal_type_forms_add_a_type_and_edit_it` |
//! | meal.html | edit a meal type | `meal_type_forms_add_a_type_and_edit_it` |
//! | calendar.html | add a holiday period | `holiday_forms_add_and_delete_a_period_that_stops_counts` |
//! | calendar.html | delete a holiday period | `holiday_forms_add_and_delete_a_period_that_stops_counts` |
//! | calendar.html | add an exceptional day | `exception_forms_add_and_delete_a_day_with_service` |
//! | calendar.html | delete an exceptional day | `exception_forms_add_and_delete_a_day_with_service` |
//! | menus.html | the week's menus | `menus_form_records_a_vegetarian_day` |
//! | options.html | deadline and caterer | `options_form_moves_the_deadline_to_the_day_before` |
//! | count.html | the day's counts | `count_form_saves_the_days_counts` (and in Chromium: `staff_count_the_day_in_a_real_browser`) |
//! | count.html | lock the day | `lock_and_unlock_forms_close_and_reopen_the_day` |
//! | unlock.html | reopen the day | `lock_and_unlock_forms_close_and_reopen_the_day` |

use anyhow::{Context as _, Result};
use estive_testing::{Browser, Form, Page};

use super::{BASE, MONDAY, ok, saved_row, start};

/// The id in the first link `href="<prefix><id>">…<text>`, e.g. a group's
/// edit link by the group's name.
fn linked_id(page: &Page, prefix: &str, text: &str) -> Result<i64> {
    // minijinja writes `/` as `&#x2f;` in what it prints (`base_path`).
    page.text
        .replace("&#x2f;", "/")
        .split(&format!("href=\"{prefix}"))
        .skip(1)
        .find_map(|rest| {
            let (id, after) = rest.split_once('"')?;
            let label = after.get(..after.find("</a>")?)?;
            label.contains(text).then(|| id.parse().ok()).flatten()
        })
        .with_context(|| format!("no link {prefix}… named {text} on {}", page.path))
}

/// The one form of a page whose action ends with `suffix` and whose
/// action holds `part` (delete buttons of a table, one per row).
fn form_ending(page: &Page, part: &str, suffix: &str) -> Result<Form> {
    let found: Vec<Form> = page
        .forms()
        .into_iter()
        .filter(|f| f.action.contains(part) && f.action.ends_with(suffix))
        .collect();
    anyhow::ensure!(
        found.len() == 1,
        "{} forms to …{part}…{suffix} on {}",
        found.len(),
        page.path
    );
    Ok(found.into_iter().next().expect("one form"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn school_form_creates_and_edits_a_school() -> Result<()> {
    let c = start().await?;
    let page = c
        .admin
        .get(&format!("{BASE}/gestion/ecoles/nouvelle"))
        .await?;
    ok(&page, "new school")?;
    let mut form = page.form(&format!("{BASE}/gestion/ecoles/nouvelle"))?;
    let days: Vec<String> = form
        .options("weekdays")
        .into_iter()
        .map(|(v, _)| v)
        .collect();
    assert_eq!(days, ["1", "2", "3", "4", "5", "6"], "Monday to Saturday");
    form.set("name", "École de la Montagne")?
        .set("group_slug", "cantine-montagne")?
        .set("capacity", "45")?;
    for day in ["1", "2", "4", "5"] {
        form.check("weekdays", day)?;
    }
    for day in ["3", "6"] {
        form.uncheck("weekdays", day)?;
    }
    let page = form.submit(&c.admin).await?;
    ok(&page, "school created")?;
    let edit = page.form(&page.path)?;
    assert_eq!(edit.value("name").as_deref(), Some("École de la Montagne"));
    assert_eq!(edit.value("capacity").as_deref(), Some("45"));
    assert_eq!(edit.values("weekdays"), ["1", "2", "4", "5"]);

    let mut edit = edit;
    edit.set("capacity", "60")?.check("weekdays", "3")?;
    let page = edit.submit(&c.admin).await?;
    ok(&page, "school edited")?;
    let again = c.admin.get(&page.path).await?.form(&page.path)?;
    assert_eq!(again.value("capacity").as_deref(), Some("60"));
    assert_eq!(again.values("weekdays"), ["1", "2", "3", "4", "5"]);
    Ok(())
}

/// The lines of a page's error summary, in their order, as read.
fn summary(page: &Page) -> Vec<String> {
    page.error_summary()
        .into_iter()
        .map(|(_, text)| text)
        .collect()
}

/// A refused form is shown again with what was typed, its summary in the
/// order of the form naming each field, and the count of errors first in
/// the document's title (never in the heading): the school form, the group
/// form beside it on the school's page, and the count grid.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_forms_list_their_errors_in_the_form_order() -> Result<()> {
    let c = start().await?;
    let new_school = format!("{BASE}/gestion/ecoles/nouvelle");
    let mut form = c.admin.get(&new_school).await?.form(&new_school)?;
    form.set("name", "")?.set("capacity", "beaucoup")?;
    for day in ["1", "2", "4", "5"] {
        form.uncheck("weekdays", day)?;
    }
    let page = form.submit(&c.admin).await?;
    assert_eq!(page.status, 422, "{}", page.text);
    assert!(
        page.title()
            .starts_with("Erreur : 3 champs à corriger – Nouvelle école"),
        "{}",
        page.title()
    );
    assert_eq!(page.heading(), "Nouvelle école");
    assert_eq!(
        summary(&page),
        [
            "Nom de l'école : Ce champ est obligatoire.",
            "Capacité (repas par jour) : Saisissez un nombre entier.",
            "Jours de service : Ce champ est obligatoire.",
        ]
    );
    assert!(page.contains("href=\"#canteen-school-capacity\""));
    assert!(page.contains("id=\"canteen-school-capacity\""));
    let again = page.form(&new_school)?;
    assert_eq!(again.value("capacity").as_deref(), Some("beaucoup"));

    // The group form of a school's page: its errors, and the school's
    // form beside it keeps the school's values.
    let school_path = format!("{BASE}/gestion/ecoles/{}", c.granges);
    let mut form = c
        .admin
        .get(&school_path)
        .await?
        .form(&format!("{school_path}/classes"))?;
    form.set("name", "")?.set("pupils", "0")?;
    let page = form.submit(&c.admin).await?;
    assert_eq!(page.status, 422, "{}", page.text);
    assert!(
        page.title()
            .starts_with("Erreur : 2 champs à corriger – École des Granges"),
        "{}",
        page.title()
    );
    assert_eq!(page.heading(), "École des Granges");
    assert_eq!(
        summary(&page),
        [
            "Nom du groupe : Ce champ est obligatoire.",
            "Élèves : Saisissez un nombre entre 1 et 500.",
        ]
    );
    assert!(page.contains("id=\"canteen-class-pupils\""));
    let school = page.form(&school_path)?;
    assert_eq!(school.value("name").as_deref(), Some("École des Granges"));
    assert_eq!(
        page.form(&format!("{school_path}/classes"))?
            .value("pupils")
            .as_deref(),
        Some("0")
    );

    // The count grid names each number by its group and meal type.
    let agent = c.host.login("agent").await?;
    let path = c.count_url(c.granges);
    let mut form = agent.get(&path).await?.form(&path)?;
    let (m, cp) = (c.groups[0], c.groups[1]);
    form.set(&format!("n_{cp}_standard"), "-1")?
        .set(&format!("n_{m}_vegetarian"), "trois")?;
    let page = form.submit(&agent).await?;
    assert_eq!(page.status, 422, "{}", page.text);
    assert!(
        page.title().starts_with("Erreur : 2 champs à corriger – "),
        "{}",
        page.title()
    );
    assert!(!page.heading().contains("Erreur"), "{}", page.heading());
    assert_eq!(
        summary(&page),
        [
            "Maternelle – Végétarien : Saisissez un nombre entier, sans lettre ni virgule.",
            "CP-CE1 – Standard : Saisissez un nombre positif ou nul.",
        ]
    );
    assert!(page.contains(&format!("href=\"#canteen-n_{m}_vegetarian\"")));
    assert!(page.contains(&format!("id=\"canteen-n_{m}_vegetarian\"")));
    assert_eq!(
        page.form(&path)?
            .value(&format!("n_{m}_vegetarian"))
            .as_deref(),
        Some("trois")
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn group_forms_add_a_group_and_edit_it() -> Result<()> {
    let c = start().await?;
    let school_path = format!("{BASE}/gestion/ecoles/{}", c.granges);
    let page = c.admin.get(&school_path).await?;
    ok(&page, "school page")?;
    let mut form = page.form(&format!("{school_path}/classes"))?;
    form.set("name", "CM1-CM2")?.set("pupils", "27")?;
    let page = form.submit(&c.admin).await?;
    ok(&page, "group added")?;
    let id = linked_id(&page, &format!("{BASE}/gestion/classes/"), "CM1-CM2")?;

    let class_path = format!("{BASE}/gestion/classes/{id}");
    let page = c.admin.get(&class_path).await?;
    ok(&page, "group page")?;
    let mut form = page.form(&class_path)?;
    assert_eq!(form.value("pupils").as_deref(), Some("27"));
    form.set("pupils", "29")?.uncheck("active", "on")?;
    let page = form.submit(&c.admin).await?;
    ok(&page, "group edited")?;
    let form = c.admin.get(&class_path).await?.form(&class_path)?;
    assert_eq!(form.value("pupils").as_deref(), Some("29"));
    assert_eq!(form.value("active"), None, "the group is inactive");
    // An inactive group is no longer counted.
    let count = c.admin.get(&c.count_url(c.granges)).await?;
    assert!(
        !count.contains(&format!("name=\"n_{id}_")),
        "{}",
        count.text
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn meal_type_forms_add_a_type_and_edit_it() -> Result<()> {
    let c = start().await?;
    let meals = format!("{BASE}/gestion/repas");
    let page = c.admin.get(&meals).await?;
    ok(&page, "meal types")?;
    let mut form = page.form(&meals)?;
    form.set("code", "sans_viande")?
        .set("name_fr", "Sans viande")?
        .set("name_en", "Meat-free")?
        .check("vegetarian", "on")?;
    let page = form.submit(&c.admin).await?;
    ok(&page, "meal type added")?;
    let id = linked_id(&page, &format!("{meals}/"), "Sans viande")?;
    let count = c.admin.get(&c.count_url(c.granges)).await?;
    assert!(count.contains(&format!("name=\"n_{}_sans_viande\"", c.groups[0])));

    let path = format!("{meals}/{id}");
    let page = c.admin.get(&path).await?;
    ok(&page, "meal type page")?;
    let mut form = page.form(&path)?;
    assert_eq!(form.value("vegetarian").as_deref(), Some("on"));
    form.set("name_fr", "Menu sans viande")?
        .uncheck("active", "on")?;
    let page = form.submit(&c.admin).await?;
    ok(&page, "meal type edited")?;
    assert!(page.contains("Menu sans viande"), "{}", page.text);
    let count = c.admin.get(&c.count_url(c.granges)).await?;
    assert!(!count.contains("_sans_viande\""), "inactive: no more boxes");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn holiday_forms_add_and_delete_a_period_that_stops_counts() -> Result<()> {
    let c = start().await?;
    let calendar = format!("{BASE}/gestion/calendrier");
    let page = c.admin.get(&calendar).await?;
    ok(&page, "calendar")?;
    let mut form = page.form(&format!("{calendar}/vacances"))?;
    let zones: Vec<String> = form.options("zones").into_iter().map(|(v, _)| v).collect();
    assert_eq!(zones, ["A", "B", "C"]);
    form.set("name", "Vacances de Noël")?
        .set("ends_after", "2026-12-19")?
        .set("resumes_on", "2027-01-04")?;
    for zone in zones {
        form.check("zones", &zone)?;
    }
    let page = form.submit(&c.admin).await?;
    ok(&page, "period added")?;
    assert!(page.contains("Vacances de Noël"), "{}", page.text);
    let day = c
        .admin
        .get(&format!("{}?date=2026-12-22", c.count_url(c.granges)))
        .await?;
    assert!(day.contains("Vacances scolaires"), "{}", day.text);
    assert!(!day.contains("name=\"n_"));

    let delete = form_ending(&page, "/vacances/", "/supprimer")?;
    let page = delete.submit(&c.admin).await?;
    ok(&page, "period deleted")?;
    assert!(
        page.contains("Période de vacances supprimée"),
        "{}",
        page.text
    );
    let day = c
        .admin
        .get(&format!("{}?date=2026-12-22", c.count_url(c.granges)))
        .await?;
    assert!(!day.contains("Vacances scolaires"), "{}", day.text);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exception_forms_add_and_delete_a_day_with_service() -> Result<()> {
    let c = start().await?;
    let calendar = format!("{BASE}/gestion/calendrier");
    let page = c.admin.get(&calendar).await?;
    let mut form = page.form(&format!("{calendar}/exceptions"))?;
    // Wednesday 2 December: no service in a four-day week, until added.
    form.set("date", "2026-12-02")?
        .choose("school", "École des Granges")?
        .set("kind", "extra")?
        .set("reason", "Mercredi travaillé")?;
    let page = form.submit(&c.admin).await?;
    ok(&page, "exception added")?;
    assert!(page.contains("Mercredi travaillé"), "{}", page.text);
    let wednesday = format!("{}?date=2026-12-02", c.count_url(c.granges));
    let day = c.admin.get(&wednesday).await?;
    assert!(
        day.contains("name=\"n_"),
        "the Granges serve that Wednesday"
    );
    let bourg = c
        .admin
        .get(&format!("{}?date=2026-12-02", c.count_url(c.bourg)))
        .await?;
    assert!(!bourg.contains("name=\"n_"), "the Bourg school does not");

    let delete = form_ending(&page, "/exceptions/", "/supprimer")?;
    let page = delete.submit(&c.admin).await?;
    ok(&page, "exception deleted")?;
    let day = c.admin.get(&wednesday).await?;
    assert!(!day.contains("name=\"n_"), "no service again");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn menus_form_records_a_vegetarian_day() -> Result<()> {
    let c = start().await?;
    let menus = format!("{BASE}/gestion/menus");
    let page = c.admin.get(&menus).await?;
    ok(&page, "menus")?;
    assert!(!page.contains("Au moins un menu végétarien"), "nothing yet");
    let mut form = page.form(&menus)?;
    assert_eq!(form.value("week").as_deref(), Some(MONDAY), "hidden week");
    form.check("veg_2026-12-01", "on")?
        .set("desc_2026-12-01", "Gratin de lentilles")?;
    let page = form.submit(&c.admin).await?;
    ok(&page, "menus saved")?;
    let form = page.form(&menus)?;
    assert_eq!(form.value("veg_2026-12-01").as_deref(), Some("on"));
    assert_eq!(
        form.value("desc_2026-12-01").as_deref(),
        Some("Gratin de lentilles")
    );
    assert!(
        page.contains("Au moins un menu végétarien"),
        "{}",
        page.text
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn options_form_moves_the_deadline_to_the_day_before() -> Result<()> {
    let c = start().await?;
    let options = format!("{BASE}/gestion/reglages");
    let page = c.admin.get(&options).await?;
    ok(&page, "options")?;
    let mut form = page.form(&options)?;
    form.choose("deadline_day", "la veille")?
        .set("deadline_time", "17:00")?
        .set("caterer_name", "Cuisine centrale d'Aure")?;
    let page = form.submit(&c.admin).await?;
    ok(&page, "options saved")?;
    let form = page.form(&options)?;
    assert_eq!(form.value("deadline_day").as_deref(), Some("day_before"));
    assert_eq!(form.value("deadline_time").as_deref(), Some("17:00"));
    // Tuesday's counts now close on Monday at 17:00.
    let agent = c.host.login("agent").await?;
    let page = agent
        .get(&format!("{}?date=2026-12-01", c.count_url(c.granges)))
        .await?;
    assert!(
        page.contains("jusqu&#x27;au lundi 30 novembre 2026 à 17:00")
            || page.contains("jusqu'au lundi 30 novembre 2026 à 17:00"),
        "{}",
        page.text
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn count_form_saves_the_days_counts() -> Result<()> {
    let c = start().await?;
    let agent = c.host.login("agent").await?;
    let path = c.count_url(c.granges);
    let page = agent.get(&path).await?;
    ok(&page, "count page")?;
    let mut form = page.form(&path)?;
    assert_eq!(form.value("date").as_deref(), Some(MONDAY));
    assert_eq!(form.value("revision").as_deref(), Some("0"));
    let (m, cp) = (c.groups[0], c.groups[1]);
    form.set(&format!("n_{m}_standard"), "21")?
        .set(&format!("n_{m}_vegetarian"), "3")?
        .set(&format!("n_{cp}_standard"), "17")?
        .set(&format!("n_{cp}_adult"), "2")?;
    let page = form.submit(&agent).await?;
    ok(&page, "counts saved")?;
    assert!(page.contains("Comptages enregistrés"), "{}", page.text);
    let row = saved_row(&page, "Maternelle").context("row")?;
    assert!(row.contains(">21<") && row.contains(">24<"), "{row}");
    let total = saved_row(&page, "Total").context("total")?;
    assert!(total.contains(">43<"), "{total}");
    assert_eq!(page.form(&path)?.value("revision").as_deref(), Some("1"));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lock_and_unlock_forms_close_and_reopen_the_day() -> Result<()> {
    let c = start().await?;
    let path = c.count_url(c.granges);
    let page = c.admin.get(&path).await?;
    let lock = page.form(&format!("{path}/verrouiller"))?;
    assert_eq!(lock.value("date").as_deref(), Some(MONDAY));
    let page = lock.submit(&c.admin).await?;
    ok(&page, "locked")?;
    assert!(page.contains("Verrouillée"), "{}", page.text);
    assert!(!page.contains("name=\"n_"), "no count form on a locked day");

    let unlock_path = format!("{path}/deverrouiller");
    let page = c.admin.get(&format!("{unlock_path}?date={MONDAY}")).await?;
    ok(&page, "unlock page")?;
    let mut form = page.form(&unlock_path)?;
    assert_eq!(form.value("date").as_deref(), Some(MONDAY));
    form.set("reason", "Sortie scolaire annulée, repas à recompter")?;
    let page = form.submit(&c.admin).await?;
    ok(&page, "reopened")?;
    assert!(page.contains("Rouverte"), "{}", page.text);
    assert!(page.contains("Sortie scolaire annulée"));
    assert!(page.contains("name=\"n_"), "the count form is back");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_count_the_day_in_a_real_browser() -> Result<()> {
    let c = start().await?;
    let browser = Browser::start().await;
    browser.sign_in(&c.host.url, "agent").await;
    browser
        .goto(&format!("{}{}", c.host.url, c.count_url(c.granges)))
        .await;
    browser.wait_for("canteen-n_").await;
    let (m, cp) = (c.groups[0], c.groups[1]);
    browser
        .fill(&format!("#canteen-n_{m}_standard"), "19")
        .await;
    browser.fill(&format!("#canteen-n_{m}_pai"), "1").await;
    browser
        .fill(&format!("#canteen-n_{cp}_vegetarian"), "6")
        .await;
    browser
        .click(&format!(
            "form[action='{}'] button[type='submit']",
            c.count_url(c.granges)
        ))
        .await;
    let html = browser.wait_for("Comptages enregistrés").await;
    let page = Page {
        status: 200,
        path: c.count_url(c.granges),
        text: html,
        headers: Default::default(),
    };
    let row = saved_row(&page, "Maternelle").context("Maternelle row")?;
    assert!(row.contains(">19<") && row.contains(">20<"), "{row}");
    let total = saved_row(&page, "Total").context("total row")?;
    assert!(total.contains(">26<"), "{total}");
    Ok(())
}
