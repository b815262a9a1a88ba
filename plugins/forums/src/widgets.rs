//! Dashboard widgets: the latest public debates (portal), the user's
//! working groups and their notices (extranet).

use estive_sdk::Area;
use estive_sdk::prelude::*;

use crate::access;
use crate::model;
use crate::notify;
use crate::pages;

/// `latest-debates` (portal): the five most recently active public topics.
///
/// # Errors
///
/// A storage failure.
pub fn latest_debates(ctx: &Context) -> Result<Option<View>, Error> {
    let categories = model::categories()?;
    let ids = access::readable_ids(None, &categories, Area::Portal);
    let topics = pages::latest(&ids, 5)?;
    if topics.is_empty() {
        return Ok(None);
    }
    Ok(Some(view("widget_latest.html").set(
        "topics",
        pages::topic_items(ctx, &topics, &categories)?,
    )))
}

/// `my-groups` (extranet): the private categories of the user's groups,
/// each with its latest topic.
///
/// # Errors
///
/// A storage failure.
pub fn my_groups(ctx: &Context) -> Result<Option<View>, Error> {
    let Some(user) = ctx.user() else {
        return Ok(None);
    };
    let categories = model::categories()?;
    let mut items = Vec::new();
    for c in categories
        .iter()
        .filter(|c| c.is_private() && access::can_read(Some(user), c))
    {
        let latest = pages::latest(&[c.id()], 1)?;
        let latest = pages::topic_items(ctx, &latest, std::slice::from_ref(c))?;
        items.push(json!({
            "title": c.title,
            "url": access::url_for(ctx, c, &format!("/c/{}", c.slug)),
            "latest": latest.into_iter().next(),
        }));
    }
    if items.is_empty() {
        return Ok(None);
    }
    Ok(Some(view("widget_groups.html").set("groups", items)))
}

/// `notices` (extranet): the user's unread count and latest notices.
///
/// # Errors
///
/// A storage failure.
pub fn notices(ctx: &Context) -> Result<Option<View>, Error> {
    let Some(user) = ctx.user() else {
        return Ok(None);
    };
    let list = notify::visible(ctx, user, 5, 0)?;
    if list.is_empty() {
        return Ok(None);
    }
    Ok(Some(
        view("widget_notices.html")
            .set("notices", list)
            .set("unread", notify::unread_count(&user.id)?),
    ))
}
