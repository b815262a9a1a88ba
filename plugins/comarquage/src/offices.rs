//! The site's own offices, which fill the "Où s'adresser" blocks of the
//! sheets that name their kind (`PivotLocal`: `mairie`, …).

use std::collections::BTreeMap;

use estive_sdk::form::Form;
use estive_sdk::prelude::*;
use serde_json::Value;

use crate::render;
use crate::store::{self, Import, Office};

/// Kinds of office the DILA feed names most often, offered in the form.
pub const KNOWN_PIVOTS: [&str; 12] = [
    "mairie",
    "communaute_communes",
    "prefecture",
    "sous_pref",
    "ddt",
    "france_services",
    "caf",
    "cpam",
    "france_travail",
    "gendarmerie",
    "tribunal_judiciaire",
    "sip",
];

/// The kinds the current import's sheets ask for, with how many sheets.
fn asked_pivots() -> Result<BTreeMap<String, u64>, Error> {
    let Some(id) = store::current_import()? else {
        return Ok(BTreeMap::new());
    };
    let imp: Option<Import> = db::select("imports").filter(eq("id", id)).first()?;
    Ok(imp.map(|i| i.pivots).unwrap_or_default())
}

/// `/extranet/demarches/guichets` — the offices, and the kinds the sheets
/// ask for that have none yet.
pub fn list(req: &Request) -> Result<Response, Error> {
    let offices: Vec<Office> = db::select("offices")
        .order_asc("pivot")
        .order_asc("name")
        .fetch()?;
    let asked = asked_pivots()?;
    let kinds: Vec<Value> = asked
        .iter()
        .map(|(pivot, sheets)| {
            let n = offices
                .iter()
                .filter(|o| o.pivot.eq_ignore_ascii_case(pivot))
                .count();
            json!({ "pivot": pivot, "sheets": sheets, "offices": n })
        })
        .collect();
    let offices: Vec<Value> = offices.iter().map(render::office_view).collect();
    Ok(view("offices.html")
        .title(i18n::t("offices-title"))
        .crumb(i18n::t("x-home-title"), req.url("/"))
        .with(json!({ "offices": offices, "kinds": kinds }))
        .into())
}

/// The office form, each field named by its label in the error summary.
fn office_form() -> Form {
    [
        ("name", "office-name"),
        ("pivot", "office-pivot"),
        ("address", "office-address"),
        ("hours", "office-hours"),
        ("phone", "office-phone"),
        ("email", "office-email"),
        ("url", "office-url"),
        ("note", "office-note"),
    ]
    .into_iter()
    .fold(Form::new("comarquage"), |form, (field, label)| {
        form.label(field, label)
    })
}

fn form_view(req: &Request, existing: Option<i64>, form: Form) -> Result<Response, Error> {
    let mut pivots: Vec<String> = KNOWN_PIVOTS.iter().map(|p| (*p).to_owned()).collect();
    for p in asked_pivots()?.into_keys() {
        if !pivots.contains(&p) {
            pivots.push(p);
        }
    }
    let title = if existing.is_some() {
        "office-edit-title"
    } else {
        "office-new-title"
    };
    Ok(view("office_form.html")
        .title(i18n::t(title))
        .crumb(i18n::t("x-home-title"), req.url("/"))
        .crumb(i18n::t("offices-title"), req.url("/guichets"))
        .with(json!({ "existing": existing, "pivots": pivots }))
        .form(form)
        .into())
}

/// `/extranet/demarches/guichets/nouveau` and `/guichets/{id}` — the form.
pub fn edit(req: &Request) -> Result<Response, Error> {
    let user = req.require_permission("comarquage.manage")?;
    let existing = match req.param("id") {
        Some(_) => {
            let id = req.param_id("id")?;
            Some(db::select("offices").filter(eq("id", id)).one::<Office>()?)
        }
        None => None,
    };
    let id = existing.as_ref().and_then(|o| o.id);
    if !req.is_post() {
        let form = office_form().values(existing.unwrap_or_default());
        return form_view(req, id, form);
    }
    let mut form = req.validator();
    let office = Office {
        id: None,
        name: form.text("name").required().max_len(200).value(),
        pivot: form
            .text("pivot")
            .required()
            .max_len(60)
            .value()
            .to_lowercase(),
        address: form.text("address").max_len(1000).optional(),
        hours: form.text("hours").max_len(2000).optional(),
        phone: form.text("phone").max_len(40).optional(),
        email: form.email("email").max_len(200).optional(),
        url: form.text("url").max_len(500).optional(),
        note: form.text("note").max_len(1000).optional(),
    };
    if let Some(u) = &office.url
        && crate::feed::safe_url(Some(u)).is_none()
    {
        form.error("url", "field-invalid-url");
    }
    if !office
        .pivot
        .chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    {
        form.error("pivot", "field-invalid-pivot");
    }
    if let Err(invalid) = form.finish() {
        return form_view(req, id, office_form().sent(req).errors(&invalid));
    }
    let subject = match id {
        Some(id) => {
            db::update("offices")
                .filter(eq("id", id))
                .set_fields(&office)
                .run()?;
            id
        }
        None => db::insert("offices", &office)?,
    };
    events::audit(
        "comarquage.office-saved",
        &format!("office:{subject}"),
        &json!({ "name": office.name, "pivot": office.pivot, "by": user.name }),
    )?;
    Ok(redirect(req.url("/guichets")).notice("office-saved").into())
}

/// `POST /extranet/demarches/guichets/{id}/supprimer`.
pub fn delete(req: &Request) -> Result<Response, Error> {
    req.require_permission("comarquage.manage")?;
    let id = req.param_id("id")?;
    let office: Office = db::select("offices").filter(eq("id", id)).one()?;
    let mut tx = db::transaction();
    tx.delete(db::delete("offices").filter(eq("id", id)));
    tx.audit(
        "comarquage.office-deleted",
        &format!("office:{id}"),
        &json!({ "name": office.name }),
    );
    tx.commit()?;
    Ok(redirect(req.url("/guichets"))
        .notice("office-deleted")
        .into())
}
