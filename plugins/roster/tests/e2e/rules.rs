//! The working-time rules page: any agent reads each regime's rules with
//! the numbers of `rules/regimes.toml`, their legal sources, and what the
//! roster refuses or only warns about.

use anyhow::{Context as _, Result, ensure};
use estive_testing::Page;

use super::{BASE, builder, excerpt, shown, staffed};

/// The section of a regime on the page, as a reader sees it.
fn regime_section(page: &Page, key: &str) -> Result<Page> {
    let start = page
        .text
        .find(&format!("id=\"roster-regime-{key}\""))
        .with_context(|| format!("no section for {key}:\n{}", excerpt(&page.text)))?;
    let rest = &page.text[start..];
    let end = rest.find("</section>").unwrap_or(rest.len());
    Ok(Page {
        text: rest[..end].to_owned(),
        ..page.clone()
    })
}

/// A label of a rule followed by its number, in one section.
fn reads(section: &Page, label: &str, value: &str) -> bool {
    section.shows(&format!("<dt>{label}</dt><dd>{value}</dd>"))
}

#[tokio::test]
async fn an_agent_reads_each_regime_s_numbers_and_sources() -> Result<()> {
    let host = staffed(builder()).await?;
    let cook = host.login("cook").await?;
    let page = shown(&cook, &format!("{BASE}/regles")).await?;
    ensure!(
        page.heading() == "Règles du temps de travail",
        "heading: {}",
        page.heading()
    );
    let home = |url: &str| page.shows(&format!("<a href=\"{url}\">Planning du personnel</a>"));
    ensure!(
        home(BASE) || home(&format!("{BASE}/")),
        "no way back to the roster"
    );

    let fpt = regime_section(&page, "fpt")?;
    ensure!(fpt.shows("Fonction publique territoriale"));
    for (label, value) in [
        ("Durée quotidienne maximale", "10 h"),
        ("Amplitude maximale de la journée", "12 h"),
        ("Durée hebdomadaire maximale", "48 h"),
        (
            "Durée hebdomadaire moyenne maximale sur 12 semaines consécutives",
            "44 h",
        ),
        ("Repos quotidien minimal", "11 h"),
        (
            "Repos hebdomadaire minimal, repos quotidien compris",
            "35 h",
        ),
        (
            "Repos hebdomadaire comprenant en principe le dimanche",
            "Oui",
        ),
        ("Pause minimale au-delà de 6 h de travail", "0 h 20"),
        ("Période de nuit", "22:00–05:00"),
        ("Volume annuel d'un temps complet", "1 607 h"),
    ] {
        ensure!(
            reads(&fpt, label, value),
            "fpt: {label} {value}:\n{}",
            fpt.text
        );
    }
    ensure!(
        fpt.shows("Décret n° 2000-815 du 25 août 2000"),
        "the fpt source"
    );
    ensure!(
        !fpt.shows("d'affilée"),
        "no days-in-a-row rule in the civil service"
    );

    let lift = regime_section(&page, "idcc454")?;
    for (label, value) in [
        ("Repos quotidien minimal", "10 h"),
        (
            "Repos hebdomadaire minimal, repos quotidien compris",
            "36 h",
        ),
        ("Jours de travail d'affilée, au plus", "7 jours"),
        (
            "Jours de travail d'affilée pendant les vacances scolaires, au plus",
            "10 jours",
        ),
        ("Période de nuit", "21:00–06:00"),
    ] {
        ensure!(
            reads(&lift, label, value),
            "idcc454: {label} {value}:\n{}",
            lift.text
        );
    }
    ensure!(
        !lift.shows("Volume annuel"),
        "no annual count for ski-lift staff"
    );

    let private = regime_section(&page, "private")?;
    ensure!(private.shows("Code du travail"));
    ensure!(
        !private.shows("Amplitude"),
        "no amplitude rule in private law"
    );

    // What is refused and what a manager may keep.
    for text in [
        "Deux créneaux du même agent qui se chevauchent",
        "Un jour qu'aucun contrat de l'agent ne couvre",
        "Un responsable peut maintenir le créneau en indiquant un motif",
        "un créneau de 22 h à 6 h dure 7 heures",
    ] {
        ensure!(
            page.shows(text),
            "missing «{text}»:\n{}",
            excerpt(&page.text)
        );
    }
    Ok(())
}
