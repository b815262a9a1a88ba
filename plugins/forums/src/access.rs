//! Who may read and write what.
//!
//! The host checks each route's area and permission; this module adds what
//! only the plugin knows: a private category is for the members of its
//! working group (`req.user().groups`, which the host fills), checked in
//! every handler that reads or writes a category, topic, post, notice or
//! search result, never by hiding links alone. Public categories live on
//! the portal, private ones in the extranet.

use estive_sdk::Area;
use estive_sdk::prelude::*;

use crate::model::{Category, Topic};

/// The area a category is read in: the extranet for a private one, the
/// portal otherwise.
pub fn area_of(category: &Category) -> Area {
    if category.is_private() {
        Area::Extranet
    } else {
        Area::Portal
    }
}

/// Whether someone (or an anonymous visitor) may read a category.
pub fn can_read(user: Option<&User>, category: &Category) -> bool {
    if !category.is_private() {
        return true;
    }
    user.is_some_and(|u| in_groups_may_read(&u.groups, category))
}

/// Whether someone in `groups` may read a category: for checks made
/// without a request (e-mails), on the groups as last seen.
pub fn in_groups_may_read(groups: &[String], category: &Category) -> bool {
    !category.is_private()
        || category
            .group_slug
            .as_deref()
            .is_some_and(|g| groups.iter().any(|x| x == g))
}

/// Whether someone may see a topic's page at all (moderators also see
/// hidden topics; authors and moderators see topics waiting for approval).
pub fn can_see_topic(user: Option<&User>, topic: &Topic) -> bool {
    let moderator = user.is_some_and(|u| u.has_permission("forums.moderate"));
    let author = user.is_some_and(|u| u.id == topic.author_id);
    if topic.hidden && !moderator {
        return false;
    }
    match topic.status.as_str() {
        "open" => true,
        "pending" => author || moderator,
        _ => author,
    }
}

/// The ids of the categories someone may read on an area: public ones on
/// the portal; public ones and those of the person's groups in the
/// extranet.
pub fn readable_ids(user: Option<&User>, categories: &[Category], area: Area) -> Vec<i64> {
    categories
        .iter()
        .filter(|c| can_read(user, c))
        .filter(|c| area == Area::Extranet || !c.is_private())
        .map(Category::id)
        .collect()
}

/// Refuses a category the user may not read, with a clear message.
///
/// # Errors
///
/// [`Error::Forbidden`] for a private category of a group the user is not
/// in (or an anonymous visitor).
pub fn require_read(req: &Request, category: &Category) -> Result<(), Error> {
    if can_read(req.user(), category) {
        Ok(())
    } else if req.user().is_none() {
        Err(Error::forbidden(messages::SIGN_IN_REQUIRED))
    } else {
        Err(Error::forbidden("forums-members-only"))
    }
}

/// A path inside the plugin's mount on the area where a category is read.
pub fn url_for(ctx: &Context, category: &Category, path: &str) -> String {
    let area = if category.is_private() {
        "extranet"
    } else {
        "portal"
    };
    ctx.url_in(area, path).unwrap_or_else(|| ctx.url(path))
}

/// For a page asked on the other area than its category's: where to send
/// the browser (the same page on the right area).
pub fn elsewhere(req: &Request, category: &Category, path: &str) -> Option<Response> {
    (req.area() != area_of(category))
        .then(|| redirect(url_for(req.context(), category, path)).into())
}

/// Whether someone is exempt from pre-moderation by role: élus, agents,
/// administrators and moderators.
pub fn exempt_from_premoderation(user: &User) -> bool {
    user.has_permission("forums.moderate")
        || ["elected", "staff", "admin"]
            .iter()
            .any(|r| user.has_role(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(groups: &[&str], permissions: &[&str]) -> User {
        User {
            id: "7".into(),
            name: "Marie".into(),
            roles: vec!["citizen".into()],
            permissions: permissions.iter().map(|p| (*p).to_owned()).collect(),
            groups: groups.iter().map(|g| (*g).to_owned()).collect(),
        }
    }

    fn category(id: i64, group: Option<&str>) -> Category {
        Category {
            id: Some(id),
            slug: format!("c{id}"),
            title: "C".into(),
            description: None,
            visibility: if group.is_some() { "private" } else { "public" }.into(),
            group_slug: group.map(str::to_owned),
            position: 0,
            created_at: None,
        }
    }

    fn topic(status: &str, hidden: bool, author: &str) -> Topic {
        Topic {
            id: Some(1),
            category_id: 1,
            title: "T".into(),
            subject_key: None,
            author_id: author.into(),
            author_name: "A".into(),
            status: status.into(),
            hidden,
            locked: false,
            pinned: false,
            closed: false,
            conclusion: None,
            concluded_by: None,
            concluded_at: None,
            created_at: "2026-11-28T10:00:00Z".into(),
            last_post_at: "2026-11-28T10:00:00Z".into(),
        }
    }

    #[test]
    fn private_category_is_for_its_group_members_only() {
        let private = category(2, Some("voirie"));
        assert!(can_read(Some(&user(&["voirie"], &[])), &private));
        assert!(!can_read(Some(&user(&["ecole"], &[])), &private));
        assert!(!can_read(None, &private));
        assert!(!can_read(
            Some(&user(&[], &["forums.moderate", "forums.manage"])),
            &private
        ));
        assert!(can_read(None, &category(1, None)));
    }

    #[test]
    fn mail_about_a_private_category_needs_its_group_at_sending() {
        let voirie = ["voirie".to_owned()];
        assert!(in_groups_may_read(&[], &category(1, None)));
        assert!(in_groups_may_read(&voirie, &category(2, Some("voirie"))));
        assert!(!in_groups_may_read(
            &["ecole".to_owned()],
            &category(2, Some("voirie"))
        ));
        assert!(!in_groups_may_read(&[], &category(2, Some("voirie"))));
    }

    #[test]
    fn a_private_category_without_group_is_read_by_nobody() {
        let mut broken = category(3, Some("x"));
        broken.group_slug = None;
        assert!(!can_read(Some(&user(&["x"], &[])), &broken));
    }

    #[test]
    fn readable_ids_keep_private_categories_to_the_extranet() {
        let all = [
            category(1, None),
            category(2, Some("voirie")),
            category(3, Some("ecole")),
        ];
        let u = user(&["voirie"], &[]);
        assert_eq!(readable_ids(Some(&u), &all, Area::Portal), [1]);
        assert_eq!(readable_ids(Some(&u), &all, Area::Extranet), [1, 2]);
        assert_eq!(readable_ids(None, &all, Area::Extranet), [1]);
    }

    #[test]
    fn hidden_and_pending_topics_are_seen_by_moderators_and_authors_only() {
        let reader = user(&[], &[]);
        let moderator = user(&[], &["forums.moderate"]);
        assert!(!can_see_topic(Some(&reader), &topic("open", true, "9")));
        assert!(can_see_topic(Some(&moderator), &topic("open", true, "9")));
        assert!(!can_see_topic(Some(&reader), &topic("pending", false, "9")));
        assert!(can_see_topic(Some(&reader), &topic("pending", false, "7")));
        assert!(!can_see_topic(None, &topic("rejected", false, "9")));
        assert!(can_see_topic(None, &topic("open", false, "9")));
    }
}
