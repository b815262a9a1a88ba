//! Setting up the roster through its rendered forms: places, teams and
//! their managers, agents and their contracts, staffing needs; and who may
//! see and change them (an administrator, a team's manager, an élu).

use anyhow::{Context as _, Result, ensure};
use estive_core::db::entities::audit_entry;
use estive_testing::{Client, Form, Page, TestHost};
use sea_orm::EntityTrait;

use super::{BASE, builder, excerpt, expect, id_of, shown, staffed};

/// The one form of the page at `path` that sends to `action`.
async fn form(client: &Client, path: &str, action: &str) -> Result<Form> {
    shown(client, path).await?.form(action)
}

/// The lines of a page's error summary, as read.
fn summary(page: &Page) -> Vec<String> {
    page.error_summary()
        .into_iter()
        .map(|(_, text)| text)
        .collect()
}

/// Fails unless the page reads `text`.
fn reads(page: &Page, text: &str) -> Result<()> {
    ensure!(
        page.shows(text),
        "`{text}` is not on {} (status {}):\n{}",
        page.path,
        page.status,
        excerpt(&page.text)
    );
    Ok(())
}

/// The page's HTML with the slashes autoescaping writes in attributes
/// turned back into slashes.
fn html(page: &Page) -> String {
    page.text.replace("&#x2f;", "/")
}

/// The ids of the page's links that start with `prefix` and end with an id.
fn linked_ids(page: &Page, prefix: &str) -> Vec<i64> {
    html(page)
        .split(&format!("href=\"{prefix}"))
        .skip(1)
        .filter_map(|rest| rest.split('"').next()?.parse().ok())
        .collect()
}

/// The page's breadcrumb, as HTML.
fn breadcrumb(page: &Page) -> String {
    let text = html(page);
    let start = text.find("class=\"breadcrumb\"").unwrap_or(text.len());
    let rest = &text[start..];
    rest[..rest.find("</nav>").unwrap_or(rest.len())].to_owned()
}

/// The audit entries of an action, subjects only.
async fn audited(host: &TestHost, action: &str) -> Result<Vec<String>> {
    Ok(audit_entry::Entity::find()
        .all(&host.state.platform.db)
        .await?
        .into_iter()
        .filter(|e| e.action == action)
        .map(|e| e.subject)
        .collect())
}

/// Adds a team through the list's form; its page.
async fn add_team(admin: &Client, name: &str) -> Result<Page> {
    let teams = format!("{BASE}/equipes");
    let mut add = form(admin, &teams, &teams).await?;
    add.set("name", name)?
        .set("description", "Surveillance des bassins")?;
    let page = add.submit(admin).await?;
    expect(&page, 200)?;
    Ok(page)
}

#[tokio::test]
async fn an_administrator_sets_up_a_place_a_team_an_agent_and_contracts() -> Result<()> {
    let host = staffed(builder()).await?;
    let admin = host.login("admin").await?;

    // A place, then the same name again in other letters.
    let places = format!("{BASE}/lieux");
    let mut add = form(&admin, &places, &places).await?;
    add.set("name", "Piscine intercommunale")?
        .set("address", "Route du lac, Arreau")?;
    let page = add.submit(&admin).await?;
    expect(&page, 200)?;
    reads(&page, "Lieu « Piscine intercommunale » ajouté.")?;
    reads(&page, "Route du lac, Arreau")?;
    let mut again = page.form(&places)?;
    again.set("name", "piscine INTERCOMMUNALE")?;
    let refused = again.submit(&admin).await?;
    expect(&refused, 422)?;
    ensure!(
        summary(&refused) == ["Nom : Un lieu porte déjà ce nom."],
        "{:?}",
        summary(&refused)
    );
    ensure!(refused.form(&places)?.value("name").as_deref() == Some("piscine INTERCOMMUNALE"));

    // A team: its page follows, to name its managers.
    let team = add_team(&admin, "Piscine").await?;
    reads(
        &team,
        "Équipe « Piscine » ajoutée ; nommez maintenant ses responsables.",
    )?;
    ensure!(team.heading() == "Piscine", "{}", team.heading());

    // An agent without an account, though one is offered (the
    // administrator's, known once they opened the list).
    shown(&admin, &format!("{BASE}/agents")).await?;
    let new_agent = format!("{BASE}/agents/nouveau");
    let mut agent_form = form(&admin, &new_agent, &new_agent).await?;
    ensure!(
        agent_form.value("user_id").as_deref() == Some("")
            && agent_form
                .options("user_id")
                .iter()
                .any(|(_, l)| l == "Alice Admin"),
        "no account by default, among {:?}",
        agent_form.options("user_id")
    );
    agent_form.set("name", "Nina Nageuse")?;
    let page = agent_form.submit(&admin).await?;
    expect(&page, 200)?;
    let agent = id_of(&page)?;
    reads(
        &page,
        "Agent « Nina Nageuse » ajouté ; ajoutez maintenant son contrat.",
    )?;
    reads(&page, "sans compte")?;
    reads(&page, "Aucun contrat")?;
    ensure!(page.title().contains("Nina Nageuse"), "{}", page.title());
    let crumbs = breadcrumb(&page);
    ensure!(
        crumbs.contains(&format!("<a href=\"{BASE}\">Planning</a>"))
            && crumbs.contains(&format!("<a href=\"{BASE}/agents\">Agents</a>"))
            && crumbs.contains("Nina Nageuse"),
        "breadcrumb Planning › Agents › Nina Nageuse: {crumbs}"
    );

    // Her contract for the winter: hours with a decimal comma, skills
    // with a repeat.
    let new_contract = format!("{BASE}/agents/{agent}/contrats/nouveau");
    let mut contract = form(&admin, &new_contract, &new_contract).await?;
    contract
        .set("starts_on", "2026-12-14")?
        .set("ends_on", "2027-03-31")?
        .set("weekly_hours", "28,5")?
        .choose("regime", "Droit privé")?
        .choose("teams", "Piscine")?
        .choose("places", "Piscine intercommunale")?
        .set("skills", " BNSSA, secourisme ,bnssa")?
        .set("title", "Maître-nageuse")?;
    let page = contract.submit(&admin).await?;
    expect(&page, 200)?;
    ensure!(
        id_of(&page)? == agent,
        "back on the agent's page: {}",
        page.path
    );
    reads(&page, "Contrat de Nina Nageuse enregistré.")?;
    for text in [
        "du 14 décembre 2026 au 31 mars 2027",
        "28 h 30",
        "Droit privé (Code du travail)",
        "BNSSA, secourisme",
        "Maître-nageuse",
        "À venir",
    ] {
        reads(&page, text)?;
    }
    let contracts = linked_ids(&page, &format!("{BASE}/contrats/"));
    ensure!(contracts.len() == 1, "one contract to edit: {contracts:?}");
    let contract_id = contracts[0];

    // Edited: the form shows what was saved, in hours.
    let edit = format!("{BASE}/contrats/{contract_id}");
    let mut change = form(&admin, &edit, &edit).await?;
    ensure!(change.value("weekly_hours").as_deref() == Some("28 h 30"));
    ensure!(change.value("skills").as_deref() == Some("BNSSA, secourisme"));
    ensure!(change.value("leave_days").as_deref() == Some("25"));
    change
        .set("weekly_hours", "17 h 30")?
        .set("ends_on", "2027-04-30")?;
    let page = change.submit(&admin).await?;
    expect(&page, 200)?;
    reads(&page, "17 h 30")?;
    reads(&page, "du 14 décembre 2026 au 30 avril 2027")?;
    ensure!(!page.shows("28 h 30"));

    // A second contract over the first is refused, naming its dates;
    // what was typed stays.
    let mut second = form(&admin, &new_contract, &new_contract).await?;
    ensure!(
        second.value("starts_on").as_deref() == Some("2027-05-01"),
        "a renewal starts the day after: {:?}",
        second.value("starts_on")
    );
    second
        .set("starts_on", "2027-04-01")?
        .set("ends_on", "2027-09-30")?
        .set("weekly_hours", "35 h")?
        .set("title", "Cheffe de bassin")?;
    let refused = second.submit(&admin).await?;
    expect(&refused, 422)?;
    ensure!(
        summary(&refused)
            == [
                "Premier jour : Ce contrat chevauche celui du 14 décembre 2026 au 30 avril 2027 : un agent n'a qu'un contrat à la fois."
            ],
        "{:?}",
        summary(&refused)
    );
    ensure!(refused.title().starts_with("Erreur"), "{}", refused.title());
    let kept = refused.form(&new_contract)?;
    ensure!(kept.value("starts_on").as_deref() == Some("2027-04-01"));
    ensure!(kept.value("weekly_hours").as_deref() == Some("35 h"));
    ensure!(kept.value("title").as_deref() == Some("Cheffe de bassin"));
    ensure!(kept.values("teams").len() == 1, "the team stays ticked");

    // An end before the start, and hours past the legal week, at once.
    let mut wrong = kept.clone();
    wrong
        .set("starts_on", "2027-06-01")?
        .set("ends_on", "2027-05-01")?
        .set("weekly_hours", "50")?;
    let refused = wrong.submit(&admin).await?;
    expect(&refused, 422)?;
    ensure!(
        summary(&refused)
            == [
                "Dernier jour : Le dernier jour ne peut pas précéder le premier.",
                "Heures par semaine : Entre 1 et 48 heures par semaine.",
            ],
        "{:?}",
        summary(&refused)
    );
    let kept = refused.form(&new_contract)?;
    ensure!(kept.value("ends_on").as_deref() == Some("2027-05-01"));
    ensure!(kept.value("weekly_hours").as_deref() == Some("50"));

    // Set right, the summer contract follows the winter one.
    let mut right = kept.clone();
    right
        .set("starts_on", "2027-05-01")?
        .set("ends_on", "2027-09-30")?
        .set("weekly_hours", "35")?;
    let page = right.submit(&admin).await?;
    expect(&page, 200)?;
    reads(&page, "du 1er mai 2027 au 30 septembre 2027")?;
    reads(&page, "Cheffe de bassin")?;

    ensure!(
        audited(&host, "roster.contract.created").await?
            == [format!("agent:{agent}"), format!("agent:{agent}")]
    );
    ensure!(audited(&host, "roster.contract.updated").await? == [format!("agent:{agent}")]);
    ensure!(audited(&host, "roster.agent.created").await? == [format!("agent:{agent}")]);

    // The list: her next contract, no account.
    let list = shown(&admin, &format!("{BASE}/agents")).await?;
    reads(&list, "Nina Nageuse")?;
    reads(&list, "Prochain contrat à partir du 14 décembre 2026")?;
    reads(&list, "Colette Cuisinière")?;
    Ok(())
}

#[tokio::test]
async fn forged_contract_forms_are_refused_beside_their_fields() -> Result<()> {
    let host = staffed(builder()).await?;
    let admin = host.login("admin").await?;
    // Bernard (agent 4) has an open-ended contract since 2024.
    let path = format!("{BASE}/agents/4/contrats/nouveau");
    shown(&admin, &path).await?;
    let page = admin
        .post_form(
            &path,
            &[
                ("starts_on", "2027-01-01"),
                ("weekly_hours", "trente"),
                ("regime", "fpt"),
                ("teams", "99"),
                ("places", "3"),
                ("leave_days", "25"),
            ],
        )
        .await?;
    expect(&page, 422)?;
    ensure!(
        summary(&page)
            == [
                "Premier jour : Ce contrat chevauche celui qui court depuis le 1er avril 2024 : fixez d'abord son dernier jour.",
                "Heures par semaine : Écrivez un nombre d'heures, par exemple « 35 », « 28,5 » ou « 17 h 30 ».",
                "Équipes : Choisissez une des options proposées.",
            ],
        "{:?}",
        summary(&page)
    );
    let page = admin
        .post_form(
            &path,
            &[
                ("starts_on", "2023-01-01"),
                ("ends_on", "2023-12-31"),
                ("weekly_hours", "35"),
                ("regime", "martian"),
                ("teams", "3"),
                ("places", "42"),
            ],
        )
        .await?;
    expect(&page, 422)?;
    ensure!(
        summary(&page)
            == [
                "Régime : Choisissez une des options proposées.",
                "Lieux de travail : Choisissez une des options proposées.",
            ],
        "{:?}",
        summary(&page)
    );
    Ok(())
}

#[tokio::test]
async fn a_manager_is_named_among_accounts_and_sees_only_their_teams_agents() -> Result<()> {
    let host = staffed(builder()).await?;
    let admin = host.login("admin").await?;
    let planner = host.login("planner").await?;

    // The planner manages the Cantine (team 1): Colette and Arnaud work
    // there; Louis (lifts) and Bernard (tourist office) do not. Opening
    // the roster also makes the planner's account known.
    let list = shown(&planner, &format!("{BASE}/agents")).await?;
    reads(&list, "Colette Cuisinière")?;
    reads(&list, "Arnaud Agent")?;
    ensure!(
        !list.shows("Louis Perchman") && !list.shows("Bernard Sans-Compte"),
        "{}",
        excerpt(&list.text)
    );
    ensure!(
        !html(&list).contains("/agents/nouveau"),
        "no link to add an agent"
    );
    expect(&planner.get(&format!("{BASE}/agents/nouveau")).await?, 403)?;
    expect(&planner.get(&format!("{BASE}/agents/4")).await?, 403)?;
    let colette = shown(&planner, &format!("{BASE}/agents/1")).await?;
    reads(&colette, "Cuisinière")?;
    // Her counters for this week: nothing planned yet, 35 h due.
    reads(&colette, "Compteurs")?;
    reads(&colette, "pour 35 h au contrat")?;
    ensure!(
        !html(&colette).contains("/contrats/"),
        "no contract link for a planner"
    );

    // Named manager of the tourist office among known accounts.
    let team = format!("{BASE}/equipes/3");
    let managers = format!("{team}/responsables");
    let page = shown(&admin, &team).await?;
    reads(
        &page,
        "Seules les personnes qui ont déjà ouvert le planning une fois apparaissent ici.",
    )?;
    let mut name = page.form_with("user_id")?;
    ensure!(name.action == managers, "{}", name.action);
    // Sent without a choice (the browser would stop it): the error is
    // beside the select.
    let refused = admin.post_form(&managers, &[("user_id", "")]).await?;
    expect(&refused, 422)?;
    ensure!(
        summary(&refused) == ["Personne à nommer : Ce champ est obligatoire."],
        "{:?}",
        summary(&refused)
    );
    name.choose("user_id", "Paule Planificatrice")?;
    let page = name.submit(&admin).await?;
    expect(&page, 200)?;
    reads(
        &page,
        "Paule Planificatrice est responsable de l'équipe Office de tourisme.",
    )?;
    ensure!(
        !page
            .form_with("user_id")?
            .options("user_id")
            .iter()
            .any(|(_, l)| l.contains("Paule")),
        "a manager is not offered twice"
    );
    ensure!(audited(&host, "roster.manager.added").await? == ["team:3"]);
    let list = shown(&planner, &format!("{BASE}/agents")).await?;
    reads(&list, "Bernard Sans-Compte")?;
    ensure!(!list.shows("Louis Perchman"));
    shown(&planner, &format!("{BASE}/agents/4")).await?;
    let teams = shown(&admin, &format!("{BASE}/equipes")).await?;
    reads(&teams, "Paule Planificatrice")?;

    // Removed: Bernard is out of sight again.
    let page = shown(&admin, &team).await?;
    let remove = page
        .forms()
        .into_iter()
        .find(|f| f.action == managers && f.value("remove").is_some())
        .context("no form to remove the manager")?;
    let page = remove.submit(&admin).await?;
    expect(&page, 200)?;
    reads(
        &page,
        "Paule Planificatrice n'est plus responsable de l'équipe Office de tourisme.",
    )?;
    let list = shown(&planner, &format!("{BASE}/agents")).await?;
    ensure!(!list.shows("Bernard Sans-Compte"));
    expect(&planner.get(&format!("{BASE}/agents/4")).await?, 403)?;

    // Élus see nothing of the staff.
    let elu = host.login("elu").await?;
    expect(&elu.get(&format!("{BASE}/agents")).await?, 403)?;
    expect(&elu.get(&format!("{BASE}/besoins")).await?, 403)?;
    Ok(())
}

#[tokio::test]
async fn an_agent_is_linked_to_an_account_that_opened_the_roster() -> Result<()> {
    let host = staffed(builder()).await?;
    let admin = host.login("admin").await?;
    // The planner is no agent yet: opening the roster makes the account known.
    let planner = host.login("planner").await?;
    shown(&planner, &format!("{BASE}/agents")).await?;

    let new_agent = format!("{BASE}/agents/nouveau");
    let mut add = form(&admin, &new_agent, &new_agent).await?;
    let offered: Vec<String> = add.options("user_id").into_iter().map(|(_, l)| l).collect();
    ensure!(
        offered.iter().any(|l| l == "Paule Planificatrice"),
        "{offered:?}"
    );
    // Accounts already linked to an agent are not offered.
    ensure!(
        !offered.iter().any(|l| l.contains("Colette")),
        "{offered:?}"
    );
    add.set("name", "")?
        .choose("user_id", "Paule Planificatrice")?;
    let refused = add.submit(&admin).await?;
    expect(&refused, 422)?;
    ensure!(
        summary(&refused) == ["Nom : Ce champ est obligatoire."],
        "{:?}",
        summary(&refused)
    );
    let mut again = refused.form(&new_agent)?;
    ensure!(
        again.value("user_id").as_deref() == Some("5"),
        "the account chosen stays"
    );
    again.set("name", "Paule Planificatrice")?;
    let page = again.submit(&admin).await?;
    expect(&page, 200)?;
    let agent = id_of(&page)?;
    reads(&page, "Paule Planificatrice")?;
    ensure!(!page.shows("sans compte"));

    // Deactivated: listed apart.
    let edit = format!("{BASE}/agents/{agent}/modifier");
    let mut change = form(&admin, &edit, &edit).await?;
    ensure!(change.value("active").as_deref() == Some("on"));
    change.uncheck("active", "on")?;
    let page = change.submit(&admin).await?;
    expect(&page, 200)?;
    reads(&page, "Inactif")?;
    let list = shown(&admin, &format!("{BASE}/agents")).await?;
    let inactive = list
        .text
        .find("Agents inactifs")
        .context("no inactive list")?;
    let position = list
        .text
        .find("Paule Planificatrice")
        .context("not listed")?;
    ensure!(position > inactive, "listed among inactive agents");
    Ok(())
}

#[tokio::test]
async fn places_and_teams_in_use_are_deactivated_and_unused_ones_deleted() -> Result<()> {
    let host = staffed(builder()).await?;
    let admin = host.login("admin").await?;

    // The tourist office is named by Bernard's contract.
    let office = format!("{BASE}/lieux/3");
    let page = shown(&admin, &office).await?;
    reads(&page, "un contrat")?;
    let deactivate = page
        .forms()
        .into_iter()
        .find(|f| f.value("action").as_deref() == Some("delete"))
        .context("no button to deactivate")?;
    let page = deactivate.submit(&admin).await?;
    expect(&page, 200)?;
    reads(
        &page,
        "Le lieu « Office de tourisme » est utilisé : il est désactivé plutôt que supprimé.",
    )?;
    reads(&page, "Inactif")?;
    // New contracts no longer offer it; the one naming it still does.
    let new_contract = form(
        &admin,
        &format!("{BASE}/agents/1/contrats/nouveau"),
        &format!("{BASE}/agents/1/contrats/nouveau"),
    )
    .await?;
    ensure!(!new_contract.options("places").iter().any(|(v, _)| v == "3"));

    // Edited back to active, with a new name.
    let mut edit = shown(&admin, &office).await?.form_with("name")?;
    ensure!(edit.value("active").is_none(), "unticked");
    edit.set("name", "Office de tourisme du Louron")?
        .check("active", "on")?;
    let page = edit.submit(&admin).await?;
    expect(&page, 200)?;
    reads(&page, "Lieu « Office de tourisme du Louron » enregistré.")?;
    // A name already taken is refused.
    let mut clash = shown(&admin, &office).await?.form_with("name")?;
    clash.set("name", "école du pic")?;
    let refused = clash.submit(&admin).await?;
    expect(&refused, 422)?;
    ensure!(
        summary(&refused) == ["Nom : Un lieu porte déjà ce nom."],
        "{:?}",
        summary(&refused)
    );

    // A new place nothing refers to is deleted.
    let places = format!("{BASE}/lieux");
    let mut add = form(&admin, &places, &places).await?;
    add.set("name", "Gymnase")?;
    let page = add.submit(&admin).await?;
    let id = *linked_ids(&page, &format!("{BASE}/lieux/"))
        .iter()
        .max()
        .context("no place link")?;
    let page = shown(&admin, &format!("{BASE}/lieux/{id}")).await?;
    reads(&page, "Rien ne fait référence à ce lieu")?;
    let delete = page
        .forms()
        .into_iter()
        .find(|f| f.value("action").as_deref() == Some("delete"))
        .context("no button to delete")?;
    let page = delete.submit(&admin).await?;
    reads(&page, "Lieu « Gymnase » supprimé.")?;
    expect(&admin.get(&format!("{BASE}/lieux/{id}")).await?, 404)?;

    // Same for teams: the Cantine is in use, a new team is not.
    let page = shown(&admin, &format!("{BASE}/equipes/1")).await?;
    reads(&page, "Cette équipe ne peut pas être supprimée")?;
    let page = add_team(&admin, "Éphémère").await?;
    let team = id_of(&page)?;
    let delete = page
        .forms()
        .into_iter()
        .find(|f| f.value("action").as_deref() == Some("delete"))
        .context("no button to delete the team")?;
    let page = delete.submit(&admin).await?;
    reads(&page, "Équipe « Éphémère » supprimée.")?;
    expect(&admin.get(&format!("{BASE}/equipes/{team}")).await?, 404)?;
    ensure!(audited(&host, "roster.place.deactivated").await? == ["place:3"]);
    Ok(())
}

#[tokio::test]
async fn managers_keep_the_staffing_needs_of_their_places() -> Result<()> {
    let host = staffed(builder()).await?;
    let planner = host.login("planner").await?;
    let needs = format!("{BASE}/besoins");

    // The planner's team works at the canteen and the school (as its
    // agents' contracts say), not at the chairlift.
    let page = shown(&planner, &needs).await?;
    reads(&page, "Aucun besoin défini")?;
    let mut add = page.form(&needs)?;
    let places: Vec<String> = add
        .options("place_id")
        .into_iter()
        .map(|(_, l)| l)
        .collect();
    ensure!(
        places.iter().any(|l| l == "Cantine de l'école du Pic"),
        "{places:?}"
    );
    ensure!(places.iter().any(|l| l == "École du Pic"), "{places:?}");
    ensure!(
        !places.iter().any(|l| l.contains("Télésiège")),
        "{places:?}"
    );

    // An end before the start: refused, what was typed stays.
    add.choose("place_id", "Cantine")?
        .check("weekday", "1")?
        .check("weekday", "2")?
        .set("start", "13:30")?
        .set("end", "11:30")?
        .set("minimum", "3")?
        .set("skill", "HACCP")?
        .set("label", "Service du midi")?;
    let refused = add.submit(&planner).await?;
    expect(&refused, 422)?;
    ensure!(
        summary(&refused) == ["Fin : La fin doit suivre le début, le même jour."],
        "{:?}",
        summary(&refused)
    );
    let mut again = refused.form(&needs)?;
    ensure!(
        again.values("weekday") == ["1", "2"],
        "{:?}",
        again.values("weekday")
    );
    ensure!(again.value("label").as_deref() == Some("Service du midi"));

    // Right: one need a day, listed by place and day.
    again
        .set("start", "11:30")?
        .set("end", "13:30")?
        .check("weekday", "4")?
        .check("weekday", "5")?
        .choose("period", "Période scolaire")?;
    let page = again.submit(&planner).await?;
    expect(&page, 200)?;
    reads(&page, "4 besoins ajoutés, un par jour.")?;
    for text in [
        "Lundi",
        "Mardi",
        "Jeudi",
        "Vendredi",
        "11:30 – 13:30",
        "Période scolaire",
        "Service du midi",
    ] {
        reads(&page, text)?;
    }
    ensure!(!page.shows("Mercredi"));
    let monday = page.text.find("Lundi").context("Monday")?;
    let friday = page.text.find("Vendredi").context("Friday")?;
    ensure!(monday < friday, "by day");

    // A place out of their care, forged: refused.
    let forged = planner
        .post_form(
            &needs,
            &[
                ("place_id", "4"),
                ("weekday", "6"),
                ("start", "09:00"),
                ("end", "17:00"),
                ("minimum", "2"),
            ],
        )
        .await?;
    expect(&forged, 422)?;
    ensure!(
        summary(&forged) == ["Lieu : Choisissez une des options proposées."],
        "{:?}",
        summary(&forged)
    );

    // Deleted one by one.
    let delete = page
        .forms()
        .into_iter()
        .find(|f| f.action.ends_with("/supprimer"))
        .context("no delete button")?;
    let page = delete.submit(&planner).await?;
    reads(&page, "Besoin supprimé.")?;
    ensure!(!page.shows("Lundi"), "Monday's need went first");
    reads(&page, "Vendredi")?;

    // The administrator sees every place's needs; an agent of no team
    // manager sees none.
    let admin = host.login("admin").await?;
    let all = shown(&admin, &needs).await?;
    reads(&all, "Vendredi")?;
    let all_places = all.form(&needs)?.options("place_id");
    ensure!(all_places.iter().any(|(_, l)| l.contains("Télésiège")));
    let cook = host.login("cook").await?;
    expect(&cook.get(&needs).await?, 403)?;
    Ok(())
}
