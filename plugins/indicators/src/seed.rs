//! The programme a site starts with: the five goals of the national
//! Agenda 21 framework as axes, which the managers may rename, reorder or
//! remove.

use estive_sdk::prelude::*;

/// The five goals, in French (the language of a French intercommunality's
/// programme; they are content, edited like any other).
pub const DEFAULT_AXES: [(&str, &str); 5] = [
    (
        "Lutte contre le changement climatique",
        "Réduire les émissions de gaz à effet de serre du territoire et s'adapter aux effets du changement climatique.",
    ),
    (
        "Préservation de la biodiversité, des milieux et des ressources",
        "Protéger les espaces naturels, l'eau, les sols et les espèces, et en faire un usage sobre.",
    ),
    (
        "Cohésion sociale et solidarité entre territoires et entre générations",
        "Rendre les services accessibles à tous, soutenir les plus fragiles et relier les villages entre eux.",
    ),
    (
        "Épanouissement de tous les êtres humains",
        "Favoriser l'éducation, la culture, la santé, le sport et la participation de chacun à la vie locale.",
    ),
    (
        "Production et consommation responsables",
        "Encourager les circuits courts, réduire les déchets et développer une économie locale durable.",
    ),
];

const SEEDED: &str = "seeded";

/// Creates the default axes once per site, the first time the plugin is
/// used there. Safe when two first requests race: the second finds the
/// marker and changes nothing.
///
/// # Errors
///
/// When storage fails.
pub fn ensure() -> Result<(), Error> {
    let seeded = db::count("meta").filter(eq("key", SEEDED)).get()?;
    if seeded > 0 {
        return Ok(());
    }
    let mut tx = db::transaction();
    tx.expect_none("meta", [eq("key", SEEDED)], "already-seeded");
    tx.insert("meta", &json!({ "key": SEEDED, "value": "1" }));
    for (position, (title, description)) in DEFAULT_AXES.iter().enumerate() {
        tx.insert(
            "axes",
            &json!({
                "title": title,
                "description": description,
                "position": position as i64 + 1,
                "weight": 1.0,
            }),
        );
    }
    match tx.commit() {
        Ok(_) | Err(Error::Conflict(_)) => Ok(()),
        Err(e) => Err(e),
    }
}
