//! Managing categories (`forums.manage`): public ones for the portal's
//! debates (one per Agenda 21 axis, say), private ones for a working group.
//!
//! The host offers no list of the site's working groups, so a private
//! category names its group by slug; the form suggests the manager's own
//! groups.

use std::collections::BTreeMap;

use estive_sdk::prelude::*;
use estive_sdk::slug::slugify;
use serde_json::Value;

use crate::model::{self, Category};
use crate::pages;

/// `categories` (extranet): every category, public and private.
///
/// # Errors
///
/// A storage failure.
pub fn list(req: &Request) -> Result<Response, Error> {
    req.require_permission("forums.manage")?;
    let items: Vec<Value> = model::categories()?
        .iter()
        .map(|c| {
            json!({
                "id": c.id(),
                "slug": c.slug,
                "title": c.title,
                "private": c.is_private(),
                "group": c.group_slug,
                "position": c.position,
            })
        })
        .collect();
    Ok(view("categories.html")
        .title(i18n::t("forums-categories-title"))
        .set("categories", items)
        .set("breadcrumb", pages::crumbs(req))
        .into())
}

/// What the category form sent, checked: every error at once.
fn read(req: &Request, editing: Option<&Category>) -> Result<Category, BTreeMap<String, String>> {
    let mut form = req.validator();
    let title = form.text("title").required().max_len(100).value();
    let slug_given = form.text("slug").max_len(64).optional();
    let description = form.text("description").max_len(500).optional();
    let visibility = form
        .choice("visibility", &["public", "private"])
        .or("public".into());
    let group = form.text("group_slug").max_len(64).optional();
    let position = form.int("position").range(0, 999).or(0);
    let mut errors: BTreeMap<String, String> = form
        .errors()
        .iter()
        .map(|e| (e.field.clone(), e.message.clone()))
        .collect();
    let slug = slug_given.unwrap_or_else(|| slugify(&title));
    if !errors.contains_key("slug") && !errors.contains_key("title") && !model::valid_slug(&slug) {
        errors.insert("slug".into(), "forums-slug-invalid".into());
    }
    if visibility == "private" {
        match &group {
            None => {
                errors.insert("group_slug".into(), "forums-group-required".into());
            }
            Some(g) if !model::valid_slug(g) => {
                errors.insert("group_slug".into(), "forums-slug-invalid".into());
            }
            Some(_) => {}
        }
    }
    if !errors.contains_key("slug")
        && let Ok(Some(other)) = db::select("categories")
            .filter(eq("slug", slug.as_str()))
            .first::<Category>()
        && Some(other.id()) != editing.map(Category::id)
    {
        errors.insert("slug".into(), "forums-slug-taken".into());
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Category {
        id: editing.and_then(|c| c.id),
        slug,
        title,
        description,
        group_slug: if visibility == "private" { group } else { None },
        visibility,
        position,
        created_at: editing.map_or_else(|| Some(model::now()), |c| c.created_at.clone()),
    })
}

fn form_view(
    req: &Request,
    editing: Option<&Category>,
    values: Value,
    errors: &BTreeMap<String, String>,
    status: u16,
) -> Result<Response, Error> {
    let error_list: Vec<Value> = errors
        .iter()
        .map(|(f, m)| json!({ "field": f, "message": m }))
        .collect();
    let title = if editing.is_some() {
        i18n::t("forums-category-edit-title")
    } else {
        i18n::t("forums-category-new-title")
    };
    let mut crumbs = pages::crumbs(req);
    crumbs.push(
        json!({ "title": i18n::t("forums-categories-title"), "url": req.url("/categories") }),
    );
    Ok(view("category_form.html")
        .title(title)
        .set("editing", editing.map(Category::id))
        .set("values", values)
        .set("errors", errors)
        .set("error_list", error_list)
        .set(
            "my_groups",
            req.user().map(|u| u.groups.clone()).unwrap_or_default(),
        )
        .set("breadcrumb", crumbs)
        .status(status)
        .into())
}

fn save(req: &Request, editing: Option<&Category>) -> Result<Response, Error> {
    let user = req.require_permission("forums.manage")?;
    let category = match read(req, editing) {
        Ok(c) => c,
        Err(errors) => return form_view(req, editing, json!(req.form_values()), &errors, 422),
    };
    let mut tx = db::transaction();
    let action = match editing {
        Some(old) => {
            tx.update(
                db::update("categories")
                    .filter(eq("id", old.id()))
                    .set_fields(&category),
            );
            crate::attached::category_changed(&mut tx, req.context(), old, &category)?;
            "category.updated"
        }
        None => {
            tx.insert("categories", &category);
            "category.created"
        }
    };
    tx.audit(
        action,
        &format!("category:{}", category.slug),
        &json!({ "title": category.title, "visibility": category.visibility, "group": category.group_slug, "by": user.name }),
    );
    match tx.commit() {
        Ok(_) => {}
        Err(Error::Conflict(_)) => {
            let errors = BTreeMap::from([("slug".to_owned(), "forums-slug-taken".to_owned())]);
            return form_view(req, editing, json!(req.form_values()), &errors, 422);
        }
        Err(e) => return Err(e),
    }
    Ok(redirect(req.url("/categories"))
        .notice("forums-category-saved")
        .into())
}

/// `category-new` (extranet): the form, and the new category.
///
/// # Errors
///
/// A storage failure.
pub fn new(req: &Request) -> Result<Response, Error> {
    if req.is_post() {
        return save(req, None);
    }
    form_view(
        req,
        None,
        json!({ "visibility": "public", "position": 0 }),
        &BTreeMap::new(),
        200,
    )
}

/// `category-edit` (extranet): the form, and the changes.
///
/// # Errors
///
/// [`Error::NotFound`]; a storage failure.
pub fn edit(req: &Request) -> Result<Response, Error> {
    let category = model::category(req.param_id("id")?)?;
    if req.is_post() {
        return save(req, Some(&category));
    }
    let values = json!({
        "title": category.title,
        "slug": category.slug,
        "description": category.description,
        "visibility": category.visibility,
        "group_slug": category.group_slug,
        "position": category.position,
    });
    form_view(req, Some(&category), values, &BTreeMap::new(), 200)
}
