//! What the site's staff write: local sheets (beside the national ones,
//! optionally inside a national folder) and local additions to a national
//! sheet (text and links above or below it, kept across imports).

use estive_sdk::form::Form;
use estive_sdk::prelude::*;
use serde_json::Value;

use crate::feed::{self, AUDIENCES};
use crate::render;
use crate::store::{self, Addition, LocalSheet, PublicationSummary, SUMMARY};

/// A form of this module, each field named by its label in the error
/// summary.
fn labelled(labels: &[(&str, &str)]) -> Form {
    labels
        .iter()
        .fold(Form::new("comarquage"), |form, (field, label)| {
            form.label(field, label)
        })
}

fn sheet_labels() -> Form {
    labelled(&[
        ("title", "local-title"),
        ("audience", "local-audience"),
        ("parent_id", "local-parent"),
        ("description", "local-description"),
        ("body", "local-body"),
        ("links", "local-links"),
        ("published", "local-publish"),
    ])
}

fn addition_labels() -> Form {
    labelled(&[
        ("position", "addition-position"),
        ("body", "addition-body"),
        ("links", "local-links"),
    ])
}

/// A publication of the current import, if there is one with that ID.
fn national(id: &str) -> Result<Option<PublicationSummary>, Error> {
    let Some(import) = store::current_import()? else {
        return Ok(None);
    };
    if !feed::is_publication_id(id) {
        return Ok(None);
    }
    db::select("publications")
        .columns(&SUMMARY)
        .filter(eq("import_id", import))
        .filter(eq("pub_id", id))
        .first()
}

fn portal_link(req: &Request, path: &str) -> Option<String> {
    req.mount("portal").map(|m| format!("{m}{path}"))
}

// Local sheets -----------------------------------------------------------

/// `/extranet/demarches/fiches-locales`.
pub fn list(req: &Request) -> Result<Response, Error> {
    let sheets: Vec<LocalSheet> = db::select("local_sheets")
        .order_asc("audience")
        .order_asc("title")
        .fetch()?;
    let sheets: Vec<Value> = sheets
        .iter()
        .map(|s| {
            let mut v = serde_json::to_value(s).unwrap_or_default();
            v["audience_title"] = json!(i18n::t(&format!("audience-{}", s.audience)));
            v["href"] = json!(portal_link(
                req,
                &format!("/{}/L{}", s.audience, s.id.unwrap_or_default())
            ));
            v
        })
        .collect();
    Ok(view("locals.html")
        .title(i18n::t("locals-title"))
        .crumb(i18n::t("x-home-title"), req.url("/"))
        .with(json!({ "sheets": sheets }))
        .into())
}

fn folders() -> Result<Vec<Value>, Error> {
    let Some(import) = store::current_import()? else {
        return Ok(Vec::new());
    };
    let nodes: Vec<PublicationSummary> = db::select("publications")
        .columns(&SUMMARY)
        .filter(eq("import_id", import))
        .filter(eq("kind", "N"))
        .order_asc("audience")
        .order_asc("title")
        .fetch()?;
    Ok(nodes
        .into_iter()
        .map(|n| json!({ "value": n.pub_id, "label": format!("{} ({})", n.title, n.pub_id) }))
        .collect())
}

fn sheet_form(req: &Request, existing: Option<i64>, form: Form) -> Result<Response, Error> {
    let audiences: Vec<Value> = AUDIENCES
        .iter()
        .map(|a| json!({ "value": a, "label": i18n::t(&format!("audience-{a}")) }))
        .collect();
    let title = if existing.is_some() {
        "local-edit-title"
    } else {
        "local-new-title"
    };
    Ok(view("local_form.html")
        .title(i18n::t(title))
        .crumb(i18n::t("x-home-title"), req.url("/"))
        .crumb(i18n::t("locals-title"), req.url("/fiches-locales"))
        .with(json!({
            "existing": existing,
            "audiences": audiences,
            "folders": folders()?,
        }))
        .form(form)
        .into())
}

/// `/extranet/demarches/fiches-locales/nouvelle` and `/{id}` — the form.
pub fn edit(req: &Request) -> Result<Response, Error> {
    let user = req.require_permission("comarquage.edit")?;
    let existing: Option<LocalSheet> = match req.param("id") {
        Some(_) => Some(
            db::select("local_sheets")
                .filter(eq("id", req.param_id("id")?))
                .one()?,
        ),
        None => None,
    };
    let id = existing.as_ref().and_then(|s| s.id);
    if !req.is_post() {
        let form = match existing {
            Some(s) => sheet_labels().values(s),
            None => sheet_labels().values(json!({ "audience": AUDIENCES[0], "published": true })),
        };
        return sheet_form(req, id, form);
    }
    let mut form = req.validator();
    let audience = form.choice("audience", &AUDIENCES).value();
    let title = form.text("title").required().max_len(200).value();
    let description = form.text("description").max_len(500).optional();
    let parent_id = form.text("parent_id").max_len(20).optional();
    let body = form.text("body").required().max_len(50_000).value();
    let links = form.text("links").max_len(5000).optional();
    let published = form.checkbox("published").value();
    if let Some(p) = &parent_id
        && national(p)?.is_none_or(|n| n.kind != "N")
    {
        form.error("parent_id", "field-unknown-folder");
    }
    let (_, bad) = render::local_links(links.as_deref().unwrap_or_default());
    if !bad.is_empty() {
        form.error("links", "field-invalid-links");
    }
    if let Err(invalid) = form.finish() {
        return sheet_form(req, id, sheet_labels().sent(req).errors(&invalid));
    }
    let sheet = LocalSheet {
        id: None,
        audience,
        title,
        description,
        parent_id,
        body: Some(body),
        links,
        published,
        updated_at: Some(store::now_utc()),
        author_id: Some(user.id.clone()),
        author_name: Some(user.name.clone()),
    };
    let saved = match id {
        Some(id) => {
            db::update("local_sheets")
                .filter(eq("id", id))
                .set_fields(&sheet)
                .run()?;
            id
        }
        None => db::insert("local_sheets", &sheet)?,
    };
    events::audit(
        "comarquage.local-saved",
        &format!("local:{saved}"),
        &json!({ "title": sheet.title }),
    )?;
    Ok(redirect(req.url("/fiches-locales"))
        .notice("local-saved")
        .into())
}

/// `POST /extranet/demarches/fiches-locales/{id}/supprimer`.
pub fn delete(req: &Request) -> Result<Response, Error> {
    req.require_permission("comarquage.edit")?;
    let id = req.param_id("id")?;
    let sheet: LocalSheet = db::select("local_sheets").filter(eq("id", id)).one()?;
    let mut tx = db::transaction();
    tx.delete(db::delete("local_sheets").filter(eq("id", id)));
    tx.audit(
        "comarquage.local-deleted",
        &format!("local:{id}"),
        &json!({ "title": sheet.title }),
    );
    tx.commit()?;
    Ok(redirect(req.url("/fiches-locales"))
        .notice("local-deleted")
        .into())
}

// Additions --------------------------------------------------------------

/// `/extranet/demarches/complements` — every addition, with whether its
/// sheet is still in the feed; and a field to add one to a sheet by ID.
pub fn additions(req: &Request) -> Result<Response, Error> {
    if let Some(id) = req.query("fiche").map(str::trim).filter(|i| !i.is_empty()) {
        return Ok(redirect(req.url(&format!("/complements/{id}"))).into());
    }
    let list: Vec<Addition> = db::select("additions").order_asc("pub_id").fetch()?;
    let mut rows = Vec::new();
    for a in &list {
        let sheet = national(&a.pub_id)?;
        rows.push(json!({
            "pub_id": a.pub_id,
            "position": a.position,
            "updated_at": a.updated_at,
            "author_name": a.author_name,
            "title": sheet.as_ref().map(|s| s.title.clone()),
            "href": sheet.as_ref().and_then(|s| portal_link(req, &format!("/{}/{}", s.audience, s.pub_id))),
        }));
    }
    Ok(view("additions.html")
        .title(i18n::t("additions-title"))
        .crumb(i18n::t("x-home-title"), req.url("/"))
        .with(json!({ "additions": rows }))
        .into())
}

fn addition_form(
    req: &Request,
    sheet: &PublicationSummary,
    exists: bool,
    form: Form,
) -> Result<Response, Error> {
    Ok(view("addition_form.html")
        .title(i18n::t_args("addition-title", &[("title", &sheet.title)]))
        .crumb(i18n::t("x-home-title"), req.url("/"))
        .crumb(i18n::t("additions-title"), req.url("/complements"))
        .with(json!({
            "sheet": sheet,
            "exists": exists,
            "href": portal_link(req, &format!("/{}/{}", sheet.audience, sheet.pub_id)),
        }))
        .form(form)
        .into())
}

/// `/extranet/demarches/complements/{id}` — the addition of one national
/// sheet (created on first save).
pub fn edit_addition(req: &Request) -> Result<Response, Error> {
    let user = req.require_permission("comarquage.edit")?;
    let id = req.param("id").unwrap_or_default();
    let sheet = national(id)?.ok_or_else(|| Error::not_found("addition-no-sheet"))?;
    if sheet.kind == "R" {
        return Err(Error::not_found("addition-no-sheet"));
    }
    let existing: Option<Addition> = db::select("additions").filter(eq("pub_id", id)).first()?;
    if !req.is_post() {
        let exists = existing.is_some();
        let form = match existing {
            Some(a) => addition_labels().values(a),
            None => addition_labels().values(json!({ "position": "bottom" })),
        };
        return addition_form(req, &sheet, exists, form);
    }
    let mut form = req.validator();
    let position = form.choice("position", &["top", "bottom"]).value();
    let body = form.text("body").max_len(20_000).optional();
    let links = form.text("links").max_len(5000).optional();
    if body.is_none() && links.is_none() {
        form.error("body", "field-addition-empty");
    }
    let (_, bad) = render::local_links(links.as_deref().unwrap_or_default());
    if !bad.is_empty() {
        form.error("links", "field-invalid-links");
    }
    if let Err(invalid) = form.finish() {
        let form = addition_labels().sent(req).errors(&invalid);
        return addition_form(req, &sheet, existing.is_some(), form);
    }
    let addition = Addition {
        id: None,
        pub_id: sheet.pub_id.clone(),
        position,
        body,
        links,
        updated_at: Some(store::now_utc()),
        author_id: Some(user.id.clone()),
        author_name: Some(user.name.clone()),
    };
    db::upsert("additions", &addition, &["pub_id"])?;
    events::audit(
        "comarquage.addition-saved",
        &format!("publication:{}", sheet.pub_id),
        &json!({}),
    )?;
    let back = portal_link(req, &format!("/{}/{}", sheet.audience, sheet.pub_id))
        .unwrap_or_else(|| req.url("/complements"));
    Ok(redirect(back).notice("addition-saved").into())
}

/// `POST /extranet/demarches/complements/{id}/supprimer`.
pub fn delete_addition(req: &Request) -> Result<Response, Error> {
    req.require_permission("comarquage.edit")?;
    let id = req.param("id").unwrap_or_default().to_owned();
    let mut tx = db::transaction();
    tx.delete(db::delete("additions").filter(eq("pub_id", id.as_str())));
    tx.audit(
        "comarquage.addition-deleted",
        &format!("publication:{id}"),
        &json!({}),
    );
    tx.commit()?;
    Ok(redirect(req.url("/complements"))
        .notice("addition-deleted")
        .into())
}
