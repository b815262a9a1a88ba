//! Managing categories (`forums.manage`): public ones for the portal's
//! debates (one per Agenda 21 axis, say), private ones for a working group.
//!
//! The host offers no list of the site's working groups, so a private
//! category names its group by slug; the form suggests the manager's own
//! groups.

use estive_sdk::form::Form;
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
        .crumb(pages::home_title(req), req.url("/"))
        .set("categories", items)
        .into())
}

/// The category form's fields, each named by its label in the error
/// summary, with the defaults of a new category.
fn category_form() -> Form {
    Form::new("forums")
        .values(json!({ "visibility": "public", "position": 0 }))
        .label("title", "forums-field-title")
        .label("slug", "forums-field-slug")
        .label("description", "forums-field-description")
        .label("visibility", "forums-field-visibility")
        .label("group_slug", "forums-field-group")
        .label("position", "forums-field-position")
}

/// What the category form sent, checked: every error at once.
fn read(req: &Request, editing: Option<&Category>) -> Result<Category, Error> {
    let mut form = req.validator();
    let title = form.text("title").required().max_len(100).value();
    let slug_given = form.text("slug").max_len(64).optional();
    let description = form.text("description").max_len(500).optional();
    let visibility = form
        .choice("visibility", &["public", "private"])
        .or("public".into());
    let group = form.text("group_slug").max_len(64).optional();
    let position = form.int("position").range(0, 999).or(0);
    let slug = slug_given.unwrap_or_else(|| slugify(&title));
    if !form.has_error("slug") && !form.has_error("title") && !model::valid_slug(&slug) {
        form.error("slug", "forums-slug-invalid");
    }
    if visibility == "private" {
        match &group {
            None => form.error("group_slug", "forums-group-required"),
            Some(g) if !model::valid_slug(g) => form.error("group_slug", "forums-slug-invalid"),
            Some(_) => {}
        }
    }
    if !form.has_error("slug")
        && let Ok(Some(other)) = db::select("categories")
            .filter(eq("slug", slug.as_str()))
            .first::<Category>()
        && Some(other.id()) != editing.map(Category::id)
    {
        form.error("slug", "forums-slug-taken");
    }
    form.finish()?;
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

fn form_view(req: &Request, editing: Option<&Category>, form: Form) -> Result<Response, Error> {
    let title = if editing.is_some() {
        i18n::t("forums-category-edit-title")
    } else {
        i18n::t("forums-category-new-title")
    };
    Ok(view("category_form.html")
        .title(title)
        .crumb(pages::home_title(req), req.url("/"))
        .crumb(i18n::t("forums-categories-title"), req.url("/categories"))
        .set("editing", editing.map(Category::id))
        .set(
            "my_groups",
            req.user().map(|u| u.groups.clone()).unwrap_or_default(),
        )
        .form(form)
        .into())
}

fn save(req: &Request, editing: Option<&Category>) -> Result<Response, Error> {
    let user = req.require_permission("forums.manage")?;
    let category = match read(req, editing) {
        Ok(c) => c,
        Err(invalid) => return form_view(req, editing, category_form().sent(req).errors(&invalid)),
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
            let taken = Error::Invalid(vec![FieldError::new("slug", "forums-slug-taken")]);
            return form_view(req, editing, category_form().sent(req).errors(&taken));
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
    form_view(req, None, category_form())
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
    form_view(req, Some(&category), category_form().values(values))
}
