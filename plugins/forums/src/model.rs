//! Rows of the plugin's tables, the settings, and small shared helpers.

use estive_sdk::prelude::*;
use serde::{Deserialize, Serialize};

/// Posts shown on one page of a topic.
pub const POSTS_PER_PAGE: u32 = 30;
/// Topics shown on one page of a category.
pub const TOPICS_PER_PAGE: u32 = 20;
/// Longest topic title, in characters.
pub const TITLE_MAX: usize = 150;

/// The site's settings for the plugin (defaults in the manifest).
#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    /// Reports that hide a post until a moderator decides (0: never).
    pub auto_hide_reports: i64,
    /// Approved posts before a citizen posts without pre-moderation (0:
    /// no pre-moderation).
    pub trusted_after: i64,
    /// Longest post, in characters.
    pub max_post_chars: i64,
    /// Notice frequency of people who chose none.
    pub default_frequency: String,
    /// Slug of the category of attached discussions.
    pub attached_category: String,
}

/// The settings, with the manifest's defaults filled in by the host.
///
/// # Errors
///
/// The settings do not fit (the manifest and the type disagree).
pub fn settings() -> Result<Settings, Error> {
    config::settings()
}

/// The current time, RFC 3339 in UTC (`2026-11-28T15:30:00Z`).
pub fn now() -> String {
    clock::now().utc
}

/// A moment `days` before now, RFC 3339 in UTC, to compare with stored
/// date-times.
pub fn days_ago(days: i64) -> String {
    let t =
        estive_sdk::dates::DateTime::from_unix_millis(clock::now().unix_millis - days * 86_400_000);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        t.date(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// A category: public (portal) or private to a working group (extranet).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Category {
    pub id: Option<i64>,
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    pub visibility: String,
    pub group_slug: Option<String>,
    pub position: i64,
    pub created_at: Option<String>,
}

impl Category {
    pub fn id(&self) -> i64 {
        self.id.unwrap_or_default()
    }

    pub fn is_private(&self) -> bool {
        self.visibility == "private"
    }
}

/// A topic (a debate, or a discussion attached to another plugin's content).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Topic {
    pub id: Option<i64>,
    pub category_id: i64,
    pub title: String,
    pub subject_key: Option<String>,
    pub author_id: String,
    pub author_name: String,
    /// `open`, `pending` (its opening post waits for a moderator) or
    /// `rejected`.
    pub status: String,
    pub hidden: bool,
    pub locked: bool,
    pub pinned: bool,
    pub closed: bool,
    pub conclusion: Option<String>,
    pub concluded_by: Option<String>,
    pub concluded_at: Option<String>,
    pub created_at: String,
    pub last_post_at: String,
}

impl Topic {
    pub fn id(&self) -> i64 {
        self.id.unwrap_or_default()
    }
}

/// A post: the opening message of a topic or a reply.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Post {
    pub id: Option<i64>,
    pub topic_id: i64,
    pub category_id: i64,
    pub title: String,
    pub author_id: String,
    pub author_name: String,
    pub body: String,
    /// `for`, `against` or `neutral` on public debates.
    pub alignment: Option<String>,
    /// `published`, `pending`, `hidden` or `rejected`.
    pub status: String,
    /// `reports` or `moderator` when hidden.
    pub hidden_reason: Option<String>,
    pub opening: bool,
    pub form_token: String,
    pub created_at: String,
    pub moderated_at: Option<String>,
}

impl Post {
    pub fn id(&self) -> i64 {
        self.id.unwrap_or_default()
    }
}

/// Someone who took part, as the host last described them.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Member {
    pub id: Option<i64>,
    pub user_id: String,
    pub name: String,
    pub handle: String,
    #[serde(with = "estive_sdk::json_column")]
    pub groups: Vec<String>,
    pub hidden: bool,
    pub hidden_at: Option<String>,
    pub updated_at: Option<String>,
}

/// A report of a post.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Report {
    pub id: Option<i64>,
    pub post_id: i64,
    pub topic_id: i64,
    pub reporter_id: String,
    pub reason: String,
    pub note: Option<String>,
    pub status: String,
    pub created_at: String,
}

/// Reasons a post may be reported for.
pub const REPORT_REASONS: [&str; 3] = ["spam", "offensive", "off_topic"];
/// Positions a reply may take on a public debate.
pub const ALIGNMENTS: [&str; 3] = ["for", "against", "neutral"];
/// How often a person wants notices.
pub const FREQUENCIES: [&str; 4] = ["immediate", "daily", "weekly", "none"];

/// A category by its slug.
///
/// # Errors
///
/// [`Error::NotFound`] when there is none.
pub fn category_by_slug(slug: &str) -> Result<Category, Error> {
    db::select("categories").filter(eq("slug", slug)).one()
}

/// A category by its id.
///
/// # Errors
///
/// [`Error::NotFound`] when there is none.
pub fn category(id: i64) -> Result<Category, Error> {
    db::select("categories").filter(eq("id", id)).one()
}

/// Every category, in the managers' order.
///
/// # Errors
///
/// A storage failure.
pub fn categories() -> Result<Vec<Category>, Error> {
    db::select("categories")
        .order_asc("position")
        .order_asc("title")
        .limit(1000)
        .fetch()
}

/// A topic by its id.
///
/// # Errors
///
/// [`Error::NotFound`] when there is none.
pub fn topic(id: i64) -> Result<Topic, Error> {
    db::select("topics").filter(eq("id", id)).one()
}

/// A post by its id.
///
/// # Errors
///
/// [`Error::NotFound`] when there is none.
pub fn post(id: i64) -> Result<Post, Error> {
    db::select("posts").filter(eq("id", id)).one()
}

/// Published replies per topic, for lists of topics.
///
/// # Errors
///
/// A storage failure.
pub fn post_counts(topic_ids: &[i64]) -> Result<std::collections::BTreeMap<i64, i64>, Error> {
    #[derive(Deserialize)]
    struct Count {
        topic_id: i64,
        n: i64,
    }
    if topic_ids.is_empty() {
        return Ok(Default::default());
    }
    let counts: Vec<Count> = db::aggregate("posts")
        .filter(one_of("topic_id", topic_ids.iter().copied()))
        .filter(eq("status", "published"))
        .group_by("topic_id")
        .count("n")
        .fetch()?;
    Ok(counts.into_iter().map(|c| (c.topic_id, c.n)).collect())
}

/// A fresh idempotency token for a form: two submissions carrying the same
/// token are one post. Random enough that two forms never share one.
pub fn form_token() -> String {
    use std::hash::{BuildHasher, Hasher};
    let now = clock::now().unix_millis;
    let mut a = std::collections::hash_map::RandomState::new().build_hasher();
    a.write_i64(now);
    let mut b = std::collections::hash_map::RandomState::new().build_hasher();
    b.write_u64(a.finish());
    format!("{now:x}-{:016x}{:016x}", a.finish(), b.finish())
}

/// Whether a submitted token has the shape [`form_token`] gives.
pub fn valid_token(token: &str) -> bool {
    (16..=80).contains(&token.len()) && token.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
}

/// Whether a text is a working-group or category slug: lowercase letters,
/// digits and single inner hyphens, at most 64 characters.
pub fn valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 64
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Whether a text is a subject key of another plugin's content:
/// `<plugin>:<id>`, the plugin a manifest name, the id up to 64 letters,
/// digits, `-` or `_`.
pub fn valid_subject_key(key: &str) -> bool {
    let Some((plugin, id)) = key.split_once(':') else {
        return false;
    };
    let plugin_ok = plugin.len() <= 24
        && plugin.starts_with(|c: char| c.is_ascii_lowercase())
        && plugin
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    let id_ok = (1..=64).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    plugin_ok && id_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subject_keys_name_a_plugin_and_an_id() {
        assert!(valid_subject_key("polls:42"));
        assert!(valid_subject_key("indicators:action-3_b"));
        assert!(!valid_subject_key("polls"));
        assert!(!valid_subject_key("Polls:42"));
        assert!(!valid_subject_key("polls:"));
        assert!(!valid_subject_key("polls:4/2"));
        assert!(!valid_subject_key("polls:<script>"));
        assert!(!valid_subject_key(&format!("polls:{}", "x".repeat(65))));
    }

    #[test]
    fn slugs_are_lowercase_words_joined_by_single_hyphens() {
        assert!(valid_slug("commission-environnement"));
        assert!(!valid_slug("Commission"));
        assert!(!valid_slug("a--b"));
        assert!(!valid_slug("-a"));
        assert!(!valid_slug(""));
    }

    #[test]
    fn tokens_are_checked_for_shape() {
        assert!(valid_token("19c5a6f3b20-0123456789abcdef0123456789abcdef"));
        assert!(!valid_token("short"));
        assert!(!valid_token("19c5a6f3b20-0123456789abcdef<script>"));
    }
}
