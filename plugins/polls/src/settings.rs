//! The site's settings for consultations (see `[[settings]]` in
//! `plugin.toml`).

use estive_sdk::prelude::*;

/// Anonymous answers accepted per network address and per hour (0: none).
pub fn address_limit() -> i64 {
    config::get("address_limit_per_hour")
        .and_then(|v| v.as_i64())
        .unwrap_or(100)
        .max(0)
}

/// When results of a new poll are public, unless its author says otherwise.
pub fn results_default() -> String {
    config::get("results_default")
        .and_then(|v| v.as_str().map(str::to_owned))
        .filter(|v| crate::model::Visibility::ALL.contains(&v.as_str()))
        .unwrap_or_else(|| "after_close".to_owned())
}

/// The themes offered as tags: the site's list, then those announced by
/// `indicators`.
///
/// # Errors
///
/// A storage failure.
pub fn themes() -> Result<Vec<String>, Error> {
    let mut out: Vec<String> = config::get("themes")
        .and_then(|v| serde_json::from_value::<Vec<String>>(v).ok())
        .unwrap_or_default();
    #[derive(serde::Deserialize)]
    struct Shared {
        name: String,
    }
    let shared: Vec<Shared> = db::select("shared_themes")
        .columns(&["name"])
        .order_asc("name")
        .limit(200)
        .fetch()?;
    for s in shared {
        if !out.iter().any(|t| t.eq_ignore_ascii_case(&s.name)) {
            out.push(s.name);
        }
    }
    Ok(out)
}

/// Names of themes in an `indicators.themes` payload: `{"themes": [...]}`
/// whose items are texts or objects with a `title` or `name`.
pub fn theme_names(payload: &serde_json::Value) -> Vec<String> {
    payload
        .get("themes")
        .and_then(|t| t.as_array())
        .map(|items| {
            items
                .iter()
                .filter_map(|item| {
                    item.as_str()
                        .or_else(|| item.get("title").and_then(|t| t.as_str()))
                        .or_else(|| item.get("name").and_then(|t| t.as_str()))
                })
                .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|t| !t.is_empty() && t.chars().count() <= 80)
                .take(100)
                .collect()
        })
        .unwrap_or_default()
}

/// Keeps the themes `indicators` announced, replacing the earlier list.
///
/// # Errors
///
/// A payload that is not JSON, or a storage failure.
pub fn store_shared_themes(event: &Event) -> Result<(), Error> {
    let payload: serde_json::Value = event.payload_as()?;
    let names = theme_names(&payload);
    let mut tx = db::transaction();
    tx.delete(db::delete("shared_themes").filter(eq("source", "indicators")));
    for name in &names {
        tx.upsert(
            "shared_themes",
            &json!({ "name": name, "source": "indicators" }),
            &["name"],
        );
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_names_accept_texts_and_titled_objects() {
        let payload = json!({ "themes": ["Climat", { "title": "Biodiversité" }, { "name": " Eau  " }, 3, ""] });
        assert_eq!(theme_names(&payload), ["Climat", "Biodiversité", "Eau"]);
        assert!(theme_names(&json!({ "other": 1 })).is_empty());
    }
}
