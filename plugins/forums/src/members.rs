//! The directory of people who took part in the forums.
//!
//! The host gives a plugin the current user only (id, name, roles,
//! groups): it has no way to look up another account, nor a username. To
//! resolve `@mentions` and to know who may be told about a private
//! category, the plugin keeps each visitor's name and groups as last seen,
//! and gives each a stable handle made from the name (`@marie-dupont`).

use std::collections::BTreeMap;

use estive_sdk::prelude::*;
use estive_sdk::slug::slugify;

use crate::model::{self, Member};

/// The handle a name gives before clashes are resolved: its slug, cut to
/// 30 characters, or `membre` when the name has no letters.
pub fn base_handle(name: &str) -> String {
    let slug = slugify(name);
    let mut cut: String = slug.chars().take(30).collect();
    while cut.ends_with('-') {
        cut.pop();
    }
    if cut.len() < 2 {
        "membre".to_owned()
    } else {
        cut
    }
}

/// The first of `base`, `base-2`, `base-3`… that nobody holds.
pub fn free_handle(base: &str, taken: &[String]) -> String {
    if !taken.iter().any(|t| t == base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|h| !taken.iter().any(|t| t == h))
        .unwrap_or_else(|| base.to_owned())
}

/// A user's directory entry, if any.
///
/// # Errors
///
/// A storage failure.
pub fn find(user_id: &str) -> Result<Option<Member>, Error> {
    db::select("members").filter(eq("user_id", user_id)).first()
}

/// Records the signed-in user as last seen (name and groups), creating the
/// entry with a free handle on the first visit; writes only when something
/// changed.
///
/// # Errors
///
/// A storage failure.
pub fn touch(user: &User) -> Result<Member, Error> {
    let mut groups = user.groups.clone();
    groups.sort();
    if let Some(mut m) = find(&user.id)? {
        if m.name != user.name || m.groups != groups {
            db::update("members")
                .filter(eq("user_id", user.id.as_str()))
                .set("name", user.name.as_str())
                .set_json("groups", &groups)
                .set("updated_at", model::now())
                .run()?;
            m.name.clone_from(&user.name);
            m.groups = groups;
        }
        return Ok(m);
    }
    let base = base_handle(&user.name);
    let taken: Vec<String> = db::select("members")
        .columns(&["handle"])
        .filter(contains("handle", &base))
        .limit(1000)
        .rows()
        .map(|rows| {
            db::rows_to_maps(rows)
                .into_iter()
                .filter_map(|m| m.get("handle").and_then(|h| h.as_str()).map(str::to_owned))
                .collect()
        })?;
    let mut member = Member {
        id: None,
        user_id: user.id.clone(),
        name: user.name.clone(),
        handle: free_handle(&base, &taken),
        groups,
        hidden: false,
        hidden_at: None,
        updated_at: Some(model::now()),
    };
    match db::insert("members", &member) {
        Ok(id) => member.id = Some(id),
        Err(Error::Conflict(_)) => {
            // Another request took the handle, or created this very entry.
            if let Some(m) = find(&user.id)? {
                return Ok(m);
            }
            member.handle = format!("{base}-{}", slugify(&user.id));
            member.id = Some(db::insert("members", &member)?);
        }
        Err(e) => return Err(e),
    }
    Ok(member)
}

/// The members holding these handles, by handle.
///
/// # Errors
///
/// A storage failure.
pub fn by_handles(handles: &[String]) -> Result<BTreeMap<String, Member>, Error> {
    if handles.is_empty() {
        return Ok(BTreeMap::new());
    }
    let found: Vec<Member> = db::select("members")
        .filter(one_of("handle", handles.iter().map(String::as_str)))
        .limit(500)
        .fetch()?;
    Ok(found.into_iter().map(|m| (m.handle.clone(), m)).collect())
}

/// The members with these user ids, by user id.
///
/// # Errors
///
/// A storage failure.
pub fn by_ids(ids: &[String]) -> Result<BTreeMap<String, Member>, Error> {
    if ids.is_empty() {
        return Ok(BTreeMap::new());
    }
    let found: Vec<Member> = db::select("members")
        .filter(one_of("user_id", ids.iter().map(String::as_str)))
        .limit(10_000)
        .fetch()?;
    Ok(found.into_iter().map(|m| (m.user_id.clone(), m)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_are_slugs_of_names() {
        assert_eq!(base_handle("Élodie Élue"), "elodie-elue");
        assert_eq!(base_handle("Ω"), "membre");
        assert_eq!(
            base_handle("Jean-Christophe de la Fontaine-Dupont du Lac"),
            "jean-christophe-de-la-fontaine"
        );
    }

    #[test]
    fn clashing_handles_get_a_number() {
        let taken = vec!["marie".to_owned(), "marie-2".to_owned()];
        assert_eq!(free_handle("marie", &taken), "marie-3");
        assert_eq!(free_handle("paul", &taken), "paul");
    }
}
