//! Absences and swaps through their rendered forms: an agent asks for an
//! absence and a manager of the team decides it (working days, balances,
//! mail, two managers at once, who may see what); two agents of a team
//! swap shifts with the manager's approval, the rules checked and the
//! shifts changing agents on the week.

use std::path::Path;

use anyhow::{Context as _, Result, ensure};
use estive_core::db::entities::audit_entry;
use estive_testing::{Client, Form, Page, TestHost};
use sea_orm::EntityTrait;

use super::{BASE, builder, excerpt, expect, id_of, shown, staffed};

/// The absence form as rendered, filled and sent.
async fn ask(client: &Client, kind: &str, from: &str, to: &str, note: &str) -> Result<Page> {
    let path = format!("{BASE}/absences/nouvelle");
    let mut form = shown(client, &path).await?.form(&path)?;
    form.choose("kind", kind)?
        .set("starts_on", from)?
        .set("ends_on", to)?
        .set("note", note)?;
    form.submit(client).await
}

/// Colette's request for Christmas week (21–25 December 2026, Friday a
/// public holiday), which must be saved: its id.
async fn christmas(cook: &Client) -> Result<i64> {
    let page = ask(
        cook,
        "Congé annuel",
        "2026-12-21",
        "2026-12-25",
        "Noël en famille",
    )
    .await?;
    expect(&page, 200)?;
    ensure!(
        page.path.starts_with(&format!("{BASE}/absences/")),
        "{}",
        page.path
    );
    id_of(&page)
}

/// The one form of a page that sends to `action` with `decision` = value.
fn decision_form(page: &Page, action: &str, decision: &str) -> Result<Form> {
    page.forms()
        .into_iter()
        .find(|f| f.action == action && f.value("decision").as_deref() == Some(decision))
        .with_context(|| format!("no {decision} form to {action}: {}", excerpt(&page.text)))
}

/// The e-mails sent so far, quoted-printable undone.
fn mails(host: &TestHost) -> Vec<String> {
    host.mails().iter().map(|m| decode_qp(m)).collect()
}

fn decode_qp(text: &str) -> String {
    estive_testing::decode_mail(text)
        .replace("\r\n", "\n")
        .replace(['\u{a0}', '\u{202f}'], " ")
}

/// The mails to an account (by user name) that contain `text`.
fn mailed(host: &TestHost, to: &str, text: &str) -> Vec<String> {
    mails(host)
        .into_iter()
        .filter(|m| m.contains(&format!("To: {to}@example.org")) && m.contains(text))
        .collect()
}

/// The cells of the first table row whose heading starts with `head`, as
/// text.
fn row_cells(page: &Page, head: &str) -> Result<Vec<String>> {
    let at = page
        .text
        .find(&format!("<th scope=\"row\">{head}"))
        .with_context(|| format!("no row {head}: {}", excerpt(&page.text)))?;
    let row = &page.text[at..];
    let row = &row[..row.find("</tr>").unwrap_or(row.len())];
    Ok(row
        .split("<td")
        .skip(1)
        .map(|cell| {
            let inner = cell.split_once('>').map_or("", |(_, r)| r);
            let inner = inner.split("</td>").next().unwrap_or_default();
            let mut plain = String::new();
            let mut in_tag = false;
            for c in inner.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => plain.push(c),
                    _ => {}
                }
            }
            plain
                .replace(['\u{a0}', '\u{202f}'], " ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect())
}

/// The audit entries of an action.
async fn audit(host: &TestHost, action: &str) -> Result<Vec<audit_entry::Model>> {
    Ok(audit_entry::Entity::find()
        .all(&host.state.platform.db)
        .await?
        .into_iter()
        .filter(|e| e.action == action)
        .collect())
}

#[tokio::test]
async fn colette_asks_for_christmas_leave_and_the_planner_approves_it_from_the_list() -> Result<()>
{
    let host = staffed(builder()).await?;
    let cook = host.login("cook").await?;
    let page = ask(
        &cook,
        "Congé annuel",
        "2026-12-21",
        "2026-12-25",
        "Noël en famille",
    )
    .await?;
    expect(&page, 200)?;
    let id = id_of(&page)?;
    // Friday 25 December is Christmas Day: four working days.
    ensure!(page.shows("4 jours ouvrés"), "{}", excerpt(&page.text));
    ensure!(page.shows("En attente"), "{}", excerpt(&page.text));
    ensure!(page.shows("Votre demande est envoyée aux responsables de votre équipe."));

    // The manager of team Cantine is told, with the link.
    let asked = mailed(
        &host,
        "planner",
        "Colette Cuisinière demande une absence (Congé annuel)",
    );
    ensure!(asked.len() == 1, "{:#?}", mails(&host));
    ensure!(
        asked[0].contains("du lundi 21 décembre 2026 au vendredi 25 décembre 2026")
            && asked[0].contains(&format!("http://test.localhost{BASE}/absences/{id}")),
        "{}",
        asked[0]
    );

    // Waiting, the balance counts the days apart.
    let mine = shown(&cook, &format!("{BASE}/absences")).await?;
    ensure!(
        row_cells(&mine, "Congé annuel")? == ["25", "0", "4", "25"],
        "{:?}",
        row_cells(&mine, "Congé annuel")?
    );

    let planner = host.login("planner").await?;
    let list = shown(&planner, &format!("{BASE}/absences")).await?;
    ensure!(
        list.shows("Une demande attend votre décision"),
        "{}",
        excerpt(&list.text)
    );
    ensure!(list.shows("Colette Cuisinière"));
    let action = format!("{BASE}/absences/{id}/decision");
    let done = decision_form(&list, &action, "approve")?
        .submit(&planner)
        .await?;
    expect(&done, 200)?;
    ensure!(
        done.path == format!("{BASE}/absences/{id}"),
        "{}",
        done.path
    );
    ensure!(
        done.shows("Approuvée") && done.shows("Absence approuvée"),
        "{}",
        excerpt(&done.text)
    );
    ensure!(
        done.shows("Paule Planificatrice"),
        "{}",
        excerpt(&done.text)
    );
    let list = shown(&planner, &format!("{BASE}/absences")).await?;
    ensure!(
        list.shows("Aucune demande en attente"),
        "{}",
        excerpt(&list.text)
    );

    // Colette is told, and her balance counts four days taken.
    let told = mailed(&host, "cook", "est approuvée");
    ensure!(told.len() == 1, "{:#?}", mails(&host));
    ensure!(
        told[0].contains("Votre absence (Congé annuel) du lundi 21 décembre 2026 au vendredi 25 décembre 2026 est approuvée."),
        "{}",
        told[0]
    );
    let mine = shown(&cook, &format!("{BASE}/absences")).await?;
    ensure!(
        row_cells(&mine, "Congé annuel")? == ["25", "4", "0", "21"],
        "{:?}",
        row_cells(&mine, "Congé annuel")?
    );
    ensure!(mine.shows("Approuvée"));

    let entries = audit(&host, "roster.absence.approved").await?;
    ensure!(
        entries.len() == 1 && entries[0].subject == "agent:1",
        "{entries:?}"
    );

    // On the week, Colette is away.
    let week = shown(&planner, &format!("{BASE}/semaine/2026-12-21?equipe=1")).await?;
    let colette = row_cells(&week, "Colette Cuisinière")?;
    ensure!(
        colette
            .iter()
            .filter(|c| c.contains("Congé annuel"))
            .count()
            == 5,
        "{colette:?}"
    );
    Ok(())
}

#[tokio::test]
async fn a_refusal_needs_a_reason_and_beyond_the_balance_a_confirmation() -> Result<()> {
    let host = staffed(builder()).await?;
    let cook = host.login("cook").await?;
    let page = ask(
        &cook,
        "Formation",
        "2027-01-11",
        "2027-01-12",
        "Formation HACCP à Tarbes",
    )
    .await?;
    expect(&page, 200)?;
    let id = id_of(&page)?;
    ensure!(page.shows("2 jours ouvrés"), "{}", excerpt(&page.text));

    let planner = host.login("planner").await?;
    let path = format!("{BASE}/absences/{id}");
    let action = format!("{path}/decision");
    let detail = shown(&planner, &path).await?;
    // No training allowance is set: approving goes beyond the balance.
    ensure!(
        detail.shows("Dépasse le solde"),
        "{}",
        excerpt(&detail.text)
    );
    ensure!(
        detail.shows("En 2027, il reste 0 jours et cette absence en prend 2."),
        "{}",
        excerpt(&detail.text)
    );

    // Refused from the list without a reason: the detail page says what
    // is missing.
    let list = shown(&planner, &format!("{BASE}/absences")).await?;
    let page = decision_form(&list, &action, "refuse")?
        .submit(&planner)
        .await?;
    expect(&page, 422)?;
    let summary = page.error_summary();
    ensure!(
        summary.len() == 1
            && summary[0].0 == "roster-decision-reason"
            && summary[0]
                .1
                .contains("Donnez le motif du refus : l'agent le lira."),
        "{summary:?}"
    );
    ensure!(page.title().starts_with("Erreur"), "{}", page.title());

    let mut approve = shown(&planner, &path).await?.form(&action)?;
    approve.set("decision", "approve")?;
    let page = approve.submit(&planner).await?;
    expect(&page, 422)?;
    let summary = page.error_summary();
    ensure!(
        summary.len() == 1 && summary[0].0 == "roster-decision-confirm_over",
        "{summary:?}"
    );
    ensure!(shown(&cook, &path).await?.shows("En attente"));

    let mut refuse = page.form(&action)?;
    refuse
        .set("decision", "refuse")?
        .set("reason", "Formation reportée au printemps")?;
    let done = refuse.submit(&planner).await?;
    expect(&done, 200)?;
    ensure!(
        done.shows("Refusée") && done.shows("Formation reportée au printemps"),
        "{}",
        excerpt(&done.text)
    );
    let told = mailed(&host, "cook", "est refusée");
    ensure!(
        told.len() == 1 && told[0].contains("Motif : Formation reportée au printemps"),
        "{:#?}",
        mails(&host)
    );
    // A decided request cannot be decided again.
    let again = planner
        .post_form(&action, &[("decision", "approve"), ("confirm_over", "on")])
        .await?;
    expect(&again, 409)?;
    ensure!(audit(&host, "roster.absence.refused").await?.len() == 1);
    Ok(())
}

#[tokio::test]
async fn overlapping_and_impossible_periods_are_refused_beside_their_fields() -> Result<()> {
    let host = staffed(builder()).await?;
    let cook = host.login("cook").await?;
    christmas(&cook).await?;

    let page = ask(
        &cook,
        "Congé annuel",
        "2026-12-24",
        "2026-12-28",
        "Prolonger",
    )
    .await?;
    expect(&page, 422)?;
    let summary = page.error_summary();
    ensure!(
        summary.len() == 1
            && summary[0].0 == "roster-absence-starts_on"
            && summary[0].1.contains(
                "chevauche une autre absence (En attente) du lundi 21 décembre 2026 au vendredi 25 décembre 2026"
            ),
        "{summary:?}"
    );
    // What was typed is kept.
    let kept = page.form(&format!("{BASE}/absences/nouvelle"))?;
    ensure!(kept.value("note").as_deref() == Some("Prolonger"));
    ensure!(kept.value("ends_on").as_deref() == Some("2026-12-28"));

    let page = ask(&cook, "Congé annuel", "2027-02-10", "2027-02-08", "").await?;
    expect(&page, 422)?;
    ensure!(
        page.error_summary()[0].0 == "roster-absence-ends_on",
        "{:?}",
        page.error_summary()
    );

    let page = ask(&cook, "Congé annuel", "2027-02-01", "2028-02-05", "").await?;
    expect(&page, 422)?;
    ensure!(
        page.shows("au plus tard le lundi 31 janvier 2028"),
        "{:?}",
        page.error_summary()
    );

    let page = ask(&cook, "Congé annuel", "2026-12-01", "2026-12-02", "").await?;
    expect(&page, 422)?;
    ensure!(
        page.shows("Le premier jour est passé"),
        "{:?}",
        page.error_summary()
    );
    // Sick leave is declared afterwards.
    let page = ask(
        &cook,
        "Maladie",
        "2026-12-01",
        "2026-12-02",
        "Arrêt du médecin",
    )
    .await?;
    expect(&page, 200)?;

    // Louis's seasonal contract ends on Tuesday 6 April 2027.
    let lift = host.login("lift").await?;
    let page = ask(&lift, "Congé annuel", "2027-04-05", "2027-04-09", "").await?;
    expect(&page, 422)?;
    ensure!(
        page.shows("Aucun contrat ne couvre le mercredi 7 avril 2027"),
        "{:?}",
        page.error_summary()
    );
    Ok(())
}

#[tokio::test]
async fn only_the_agent_and_the_managers_of_the_team_see_an_absence() -> Result<()> {
    let host = staffed(builder()).await?;
    let cook = host.login("cook").await?;
    let id = christmas(&cook).await?;
    let path = format!("{BASE}/absences/{id}");

    let elu = host.login("elu").await?;
    expect(&elu.get(&format!("{BASE}/absences")).await?, 403)?;
    expect(&elu.get(&path).await?, 403)?;

    // Arnaud is a colleague, not a manager.
    let arnaud = host.login("agent").await?;
    expect(&arnaud.get(&path).await?, 403)?;
    let his = shown(&arnaud, &format!("{BASE}/absences")).await?;
    ensure!(
        !his.shows("Noël en famille") && !his.shows("Colette"),
        "{}",
        excerpt(&his.text)
    );
    expect(
        &arnaud
            .post_form(&format!("{path}/decision"), &[("decision", "approve")])
            .await?,
        403,
    )?;
    expect(
        &arnaud.post_form(&format!("{path}/annuler"), &[]).await?,
        403,
    )?;
    // Louis manages nothing and works elsewhere.
    let lift = host.login("lift").await?;
    expect(&lift.get(&path).await?, 403)?;
    // The person who manages the staff sees it.
    let admin_page = shown(&host.login("admin").await?, &path).await?;
    ensure!(admin_page.shows("Noël en famille"));

    // Colette withdraws her request: it leaves the planner's list.
    let page = shown(&cook, &path).await?;
    let done = page.form(&format!("{path}/annuler"))?.submit(&cook).await?;
    expect(&done, 200)?;
    ensure!(done.shows("Retirée"), "{}", excerpt(&done.text));
    let planner = host.login("planner").await?;
    ensure!(
        shown(&planner, &format!("{BASE}/absences"))
            .await?
            .shows("Aucune demande en attente")
    );
    Ok(())
}

#[tokio::test]
async fn two_managers_deciding_at_once_give_one_decision_and_one_conflict() -> Result<()> {
    let host = staffed(builder()).await?;
    let cook = host.login("cook").await?;
    let id = christmas(&cook).await?;
    let path = format!("{BASE}/absences/{id}");
    let action = format!("{path}/decision");

    let planner = host.login("planner").await?;
    let admin = host.login("admin").await?;
    let mut first = shown(&planner, &path).await?.form(&action)?;
    let mut second = shown(&admin, &path).await?.form(&action)?;
    first.set("decision", "approve")?;
    second
        .set("decision", "refuse")?
        .set("reason", "Trop de monde absent à Noël")?;
    expect(&first.submit(&planner).await?, 200)?;
    let late = second.submit(&admin).await?;
    expect(&late, 409)?;
    ensure!(
        late.shows("vient d'être traitée par quelqu'un d'autre"),
        "{}",
        excerpt(&late.text)
    );

    let page = shown(&cook, &path).await?;
    ensure!(
        page.shows("Approuvée") && !page.shows("Trop de monde"),
        "{}",
        excerpt(&page.text)
    );
    ensure!(audit(&host, "roster.absence.approved").await?.len() == 1);
    ensure!(audit(&host, "roster.absence.refused").await?.is_empty());
    ensure!(mailed(&host, "cook", "est refusée").is_empty());
    Ok(())
}

#[tokio::test]
async fn a_manager_enters_an_absence_approved_at_once_and_sets_allowances() -> Result<()> {
    let host = staffed(builder()).await?;
    let planner = host.login("planner").await?;
    let path = format!("{BASE}/absences/nouvelle");
    let page = shown(&planner, &path).await?;
    ensure!(
        page.shows("approuvée dès son enregistrement"),
        "{}",
        excerpt(&page.text)
    );
    let mut form = page.form(&path)?;
    let offered: Vec<String> = form
        .options("agent_id")
        .into_iter()
        .map(|(_, l)| l)
        .collect();
    ensure!(
        offered.iter().any(|l| l == "Colette Cuisinière")
            && offered.iter().any(|l| l == "Arnaud Agent")
            && !offered.iter().any(|l| l.contains("Louis")),
        "{offered:?}"
    );
    form.choose("agent_id", "Colette Cuisinière")?
        .choose("kind", "Maladie")?
        .set("starts_on", "2026-12-08")?
        .set("ends_on", "2026-12-09")?;
    let done = form.submit(&planner).await?;
    expect(&done, 200)?;
    ensure!(
        done.shows("Approuvée") && done.shows("approuvée à l'enregistrement"),
        "{}",
        excerpt(&done.text)
    );
    ensure!(
        mailed(
            &host,
            "cook",
            "Votre responsable a enregistré pour vous une absence (Maladie)"
        )
        .len()
            == 1,
        "{:#?}",
        mails(&host)
    );

    // The balances of team Cantine; Louis is not in it.
    let balances = shown(&planner, &format!("{BASE}/soldes")).await?;
    ensure!(balances.shows("Colette Cuisinière") && balances.shows("Arnaud Agent"));
    ensure!(
        !balances.shows("Louis Perchman"),
        "{}",
        excerpt(&balances.text)
    );
    let mut set = balances.form(&format!("{BASE}/soldes"))?;
    set.choose("agent_id", "Colette Cuisinière")?
        .choose("kind", "Récupération")?
        .set("days", "1,3")?;
    let wrong = set.submit(&planner).await?;
    expect(&wrong, 422)?;
    ensure!(
        wrong.error_summary()[0].0 == "roster-allowance-days",
        "{:?}",
        wrong.error_summary()
    );
    let mut set = wrong.form(&format!("{BASE}/soldes"))?;
    set.set("days", "2,5")?;
    let saved = set.submit(&planner).await?;
    expect(&saved, 200)?;
    ensure!(
        saved.shows("Droits enregistrés : Colette Cuisinière, Récupération 2026, 2,5 jours."),
        "{}",
        excerpt(&saved.text)
    );
    ensure!(audit(&host, "roster.allowance.set").await?.len() == 1);
    let cook = host.login("cook").await?;
    let mine = shown(&cook, &format!("{BASE}/absences")).await?;
    ensure!(
        row_cells(&mine, "Récupération")? == ["2,5", "0", "0", "2,5"],
        "{:?}",
        row_cells(&mine, "Récupération")?
    );

    // Everyone's balances for the person who manages the staff: Louis's
    // seasonal contract gives 25 days × 39/365, rounded up to 3.
    let admin = host.login("admin").await?;
    let all = shown(&admin, &format!("{BASE}/soldes")).await?;
    let at = all.text.find("Louis Perchman").context("no Louis")?;
    let louis = Page {
        text: all.text[at..].to_owned(),
        ..all.clone()
    };
    ensure!(
        row_cells(&louis, "Congé annuel")?[0] == "3 (par défaut)",
        "{:?}",
        row_cells(&louis, "Congé annuel")?
    );
    Ok(())
}

// Swaps ----------------------------------------------------------------------

/// A host whose staff has four shifts next week, published: at the
/// canteen (team Cantine) Colette on Tuesday 15 December 07:00–14:00 and
/// Wednesday 16 06:00–10:00, Arnaud on Wednesday 16 10:00–17:00; at the
/// school (team Écoles) Arnaud on Thursday 17.
async fn with_shifts() -> Result<TestHost> {
    let host = builder().start().await?;
    let loaded = host
        .load_rows(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixture-swaps"))
        .await?;
    ensure!(!loaded.is_empty(), "the fixture loaded nothing");
    Ok(host)
}

/// Colette proposes her Tuesday shift against Arnaud's Wednesday one,
/// through the two steps of the rendered form: the swap's id.
async fn propose(cook: &Client) -> Result<i64> {
    let path = format!("{BASE}/echanges/nouveau");
    let mut pick = shown(cook, &path).await?.form(&path)?;
    pick.choose("creneau", "mardi 15 décembre 2026, 07:00–14:00")?;
    let step = pick.submit(cook).await?;
    expect(&step, 200)?;
    let mut form = step.form(&path)?;
    let offered: Vec<String> = form
        .options("other_shift_id")
        .into_iter()
        .map(|(_, l)| l)
        .collect();
    // Only shifts of team Cantine, not Arnaud's at the school.
    ensure!(
        offered
            .iter()
            .any(|l| l.contains("Arnaud Agent — mercredi 16 décembre 2026, 10:00–17:00"))
            && !offered.iter().any(|l| l.contains("École du Pic"))
            && !offered.iter().any(|l| l.contains("Colette")),
        "{offered:?}"
    );
    form.choose("other_shift_id", "mercredi 16 décembre 2026")?
        .set("note", "J'ai un rendez-vous médical mardi matin.")?;
    let page = form.submit(cook).await?;
    expect(&page, 200)?;
    ensure!(
        page.shows("Proposé") && page.shows("Votre proposition est envoyée"),
        "{}",
        excerpt(&page.text)
    );
    id_of(&page)
}

#[tokio::test]
async fn colette_and_arnaud_swap_shifts_with_the_planners_approval() -> Result<()> {
    let host = with_shifts().await?;
    let cook = host.login("cook").await?;
    let id = propose(&cook).await?;
    let path = format!("{BASE}/echanges/{id}");
    ensure!(
        mailed(
            &host,
            "agent",
            "Colette Cuisinière vous propose son créneau du mardi 15 décembre 2026, 07:00–14:00"
        )
        .len()
            == 1,
        "{:#?}",
        mails(&host)
    );
    // Proposed, the shift cannot enter a second swap.
    let again = cook
        .get(&format!("{BASE}/echanges/nouveau?creneau=1"))
        .await?;
    expect(&again, 422)?;

    let arnaud = host.login("agent").await?;
    let list = shown(&arnaud, &format!("{BASE}/echanges")).await?;
    ensure!(
        list.shows("Une proposition attend votre réponse"),
        "{}",
        excerpt(&list.text)
    );
    let page = shown(&arnaud, &path).await?;
    let answered = page
        .form(&format!("{path}/reponse"))?
        .submit_with(&arnaud, "answer", "accept")
        .await?;
    expect(&answered, 200)?;
    ensure!(
        answered.shows("Accepté, à valider"),
        "{}",
        excerpt(&answered.text)
    );
    ensure!(
        mailed(&host, "cook", "Arnaud Agent accepte").len() == 1,
        "{:#?}",
        mails(&host)
    );
    ensure!(
        mailed(&host, "planner", "se sont entendus pour échanger").len() == 1,
        "{:#?}",
        mails(&host)
    );

    let planner = host.login("planner").await?;
    let list = shown(&planner, &format!("{BASE}/echanges")).await?;
    ensure!(
        list.shows("Un échange accepté attend votre décision"),
        "{}",
        excerpt(&list.text)
    );
    // With Arnaud's Wednesday, Colette would work 06:00–10:00 and
    // 10:00–17:00 less half an hour: 10 h 30 in the day, beyond the 10 h
    // of the territorial civil service, a warning the manager may keep
    // with a reason.
    let page = shown(&planner, &path).await?;
    ensure!(
        page.shows("Les règles sur le résultat") && page.shows("Avertissement"),
        "{}",
        excerpt(&page.text)
    );
    let mut decide = page.form(&format!("{path}/decision"))?;
    decide.set("decision", "approve")?;
    let page = decide.submit(&planner).await?;
    expect(&page, 422)?;
    ensure!(
        page.error_summary().len() == 1
            && page.error_summary()[0].0 == "roster-swap-decision-reason",
        "{:?}",
        page.error_summary()
    );
    let mut decide = page.form(&format!("{path}/decision"))?;
    decide.set("decision", "approve")?.set(
        "reason",
        "Rendez-vous médical : journée longue acceptée par Colette",
    )?;
    let done = decide.submit(&planner).await?;
    expect(&done, 200)?;
    ensure!(
        done.shows("Validé") && done.shows("Échange validé"),
        "{}",
        excerpt(&done.text)
    );
    ensure!(
        mailed(&host, "cook", "L'échange est validé").len() == 1,
        "{:#?}",
        mails(&host)
    );
    ensure!(
        mailed(&host, "agent", "L'échange est validé").len() == 1,
        "{:#?}",
        mails(&host)
    );
    let approved = audit(&host, "roster.swap.approved").await?;
    ensure!(
        approved.len() == 1
            && approved[0].details.contains("journée longue acceptée")
            && approved[0].details.contains("daily-max"),
        "{approved:?}"
    );

    // The week of 14 December shows the shifts swapped.
    let week = shown(&planner, &format!("{BASE}/semaine/2026-12-14?equipe=1")).await?;
    let colette = row_cells(&week, "Colette Cuisinière")?.join(" | ");
    let arnaud_row = row_cells(&week, "Arnaud Agent")?.join(" | ");
    ensure!(
        colette.contains("06:00–10:00")
            && colette.contains("10:00–17:00")
            && !colette.contains("07:00–14:00"),
        "{colette}"
    );
    ensure!(
        arnaud_row.contains("07:00–14:00") && !arnaud_row.contains("10:00–17:00"),
        "{arnaud_row}"
    );
    // Decided once: a second decision is a conflict.
    let twice = planner
        .post_form(
            &format!("{path}/decision"),
            &[("decision", "refuse"), ("reason", "Non")],
        )
        .await?;
    expect(&twice, 409)?;
    Ok(())
}

#[tokio::test]
async fn a_swap_is_declined_withdrawn_or_refused_when_a_shift_changed_and_the_shifts_stay()
-> Result<()> {
    let host = with_shifts().await?;
    let cook = host.login("cook").await?;
    let arnaud = host.login("agent").await?;

    // Declined: the shifts are free again.
    let id = propose(&cook).await?;
    let path = format!("{BASE}/echanges/{id}");
    let page = shown(&arnaud, &path).await?;
    let declined = page
        .form(&format!("{path}/reponse"))?
        .submit_with(&arnaud, "answer", "decline")
        .await?;
    expect(&declined, 200)?;
    ensure!(declined.shows("Décliné"), "{}", excerpt(&declined.text));
    ensure!(mailed(&host, "cook", "Arnaud Agent décline").len() == 1);

    // Withdrawn by Colette: Arnaud can no longer accept it.
    let id = propose(&cook).await?;
    let path = format!("{BASE}/echanges/{id}");
    let page = shown(&cook, &path).await?;
    let withdrawn = page
        .form(&format!("{path}/reponse"))?
        .submit_with(&cook, "answer", "withdraw")
        .await?;
    expect(&withdrawn, 200)?;
    ensure!(withdrawn.shows("Retiré"), "{}", excerpt(&withdrawn.text));
    expect(
        &arnaud
            .post_form(&format!("{path}/reponse"), &[("answer", "accept")])
            .await?,
        409,
    )?;

    // Who sees a swap: the two agents and the team's managers.
    let id = propose(&cook).await?;
    let path = format!("{BASE}/echanges/{id}");
    expect(&host.login("lift").await?.get(&path).await?, 403)?;
    expect(&host.login("elu").await?.get(&path).await?, 403)?;
    // Colette cannot answer her own proposal.
    expect(
        &cook
            .post_form(&format!("{path}/reponse"), &[("answer", "accept")])
            .await?,
        403,
    )?;
    let page = shown(&arnaud, &path).await?;
    expect(
        &page
            .form(&format!("{path}/reponse"))?
            .submit_with(&arnaud, "answer", "accept")
            .await?,
        200,
    )?;

    // The planner moves Arnaud's Wednesday shift after the agreement: the
    // swap can no longer be approved as it was agreed.
    let planner = host.login("planner").await?;
    let shift = shown(&planner, &format!("{BASE}/creneaux/2")).await?;
    let mut edit = shift.form(&format!("{BASE}/creneaux/2"))?;
    edit.set("end", "16:00")?;
    expect(&edit.submit(&planner).await?, 200)?;
    let page = shown(&planner, &path).await?;
    ensure!(
        page.shows("a changé depuis la proposition"),
        "{}",
        excerpt(&page.text)
    );
    let mut approve = page.form(&format!("{path}/decision"))?;
    approve.set("decision", "approve")?;
    let refused = approve.submit(&planner).await?;
    expect(&refused, 422)?;
    ensure!(
        refused.error_summary()[0].0 == "roster-swap-decision-decision",
        "{:?}",
        refused.error_summary()
    );
    let mut refuse = refused.form(&format!("{path}/decision"))?;
    refuse
        .set("decision", "refuse")?
        .set("reason", "Le créneau de mercredi a changé")?;
    let done = refuse.submit(&planner).await?;
    expect(&done, 200)?;
    ensure!(
        done.shows("Refusé par le responsable"),
        "{}",
        excerpt(&done.text)
    );
    ensure!(
        mailed(&host, "cook", "Motif : Le créneau de mercredi a changé").len() == 1,
        "{:#?}",
        mails(&host)
    );
    // Colette keeps her Tuesday shift.
    let tuesday = shown(&cook, &format!("{BASE}/creneaux/1")).await?;
    ensure!(
        tuesday.shows("Colette Cuisinière"),
        "{}",
        excerpt(&tuesday.text)
    );
    Ok(())
}

#[tokio::test]
async fn a_swap_onto_a_day_of_approved_leave_cannot_be_approved() -> Result<()> {
    let host = with_shifts().await?;
    let cook = host.login("cook").await?;
    let planner = host.login("planner").await?;
    let leave = ask(&cook, "Congé annuel", "2026-12-16", "2026-12-16", "").await?;
    expect(&leave, 200)?;
    let leave_id = id_of(&leave)?;
    // Her Wednesday morning shift falls in it: it becomes a gap.
    ensure!(
        leave.shows("16 décembre 2026, 06:00 – 10:00"),
        "{}",
        excerpt(&leave.text)
    );
    let list = shown(&planner, &format!("{BASE}/absences")).await?;
    let action = format!("{BASE}/absences/{leave_id}/decision");
    expect(
        &decision_form(&list, &action, "approve")?
            .submit(&planner)
            .await?,
        200,
    )?;

    let id = propose(&cook).await?;
    let path = format!("{BASE}/echanges/{id}");
    let arnaud = host.login("agent").await?;
    let page = shown(&arnaud, &path).await?;
    expect(
        &page
            .form(&format!("{path}/reponse"))?
            .submit_with(&arnaud, "answer", "accept")
            .await?,
        200,
    )?;
    let page = shown(&planner, &path).await?;
    ensure!(
        page.shows("absence approuvée ce jour-là") && page.shows("il ne peut qu'être refusé"),
        "{}",
        excerpt(&page.text)
    );
    let mut approve = page.form(&format!("{path}/decision"))?;
    approve
        .set("decision", "approve")?
        .set("reason", "Tant pis")?;
    let refused = approve.submit(&planner).await?;
    expect(&refused, 422)?;
    ensure!(
        refused.error_summary()[0].0 == "roster-swap-decision-decision",
        "{:?}",
        refused.error_summary()
    );
    ensure!(audit(&host, "roster.swap.approved").await?.is_empty());
    let week = shown(&planner, &format!("{BASE}/semaine/2026-12-14?equipe=1")).await?;
    let colette = row_cells(&week, "Colette Cuisinière")?.join(" | ");
    ensure!(
        colette.contains("07:00–14:00") && !colette.contains("10:00–17:00"),
        "{colette}"
    );
    Ok(())
}
