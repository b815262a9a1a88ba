//! Following, notices and digests.
//!
//! People follow a category (told of new topics) or a topic (told of
//! replies); writing a topic or a reply follows it. A mention tells the
//! person mentioned. Each person chooses how often: `immediate` (a notice
//! at once), `daily` or `weekly` (notices wait, `queued`, until the
//! `digests` task sums them up in one notice), or `none`. Nobody is told of
//! their own posts. Notices are listed on the notices page and in a widget,
//! and e-mailed: an immediate notice at once (after the post is stored), a
//! digest when the `digests` task composes it. Each e-mailed notice is
//! `mail = pending` until sent (then `sent`, or `failed` when the host
//! refuses it, logged), so a call sends at most the host's cap and the
//! `mail` schedule sends the rest, never twice.
//!
//! Who may read a private category can change after a notice is written:
//! the notices page checks access again when it shows them.

use std::collections::{BTreeMap, BTreeSet};

use estive_sdk::db::{Step, Transaction};
use estive_sdk::form::Form;
use estive_sdk::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::access;
use crate::model::{self, Category, Topic};

/// Most notices written for one post.
const MAX_RECIPIENTS: usize = 400;

/// A notice row.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Notice {
    pub id: Option<i64>,
    pub user_id: String,
    /// `reply`, `new_topic`, `mention`, `concluded`, `approved` or `digest`.
    pub kind: String,
    pub topic_id: Option<i64>,
    pub post_id: Option<i64>,
    pub category_id: Option<i64>,
    pub title: Option<String>,
    pub excerpt: Option<String>,
    pub actor_id: Option<String>,
    pub actor_name: Option<String>,
    /// `daily` or `weekly` for a digest.
    pub period: Option<String>,
    /// For a digest: the topics it sums up.
    #[serde(with = "estive_sdk::json_column")]
    pub items: Option<Vec<DigestItem>>,
    pub status: String,
    pub created_at: String,
    pub read_at: Option<String>,
}

/// One topic in a digest.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DigestItem {
    pub topic_id: i64,
    pub category_id: i64,
    pub title: String,
    /// Notices summed up for this topic.
    pub count: i64,
    /// Of which mentions of the person.
    pub mentions: i64,
}

/// Someone to tell, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub user_id: String,
    pub kind: &'static str,
    /// `shown` or `queued`.
    pub status: &'static str,
}

/// What [`plan`] needs to know.
pub struct Audience<'a> {
    /// Who acted (never told).
    pub actor_id: &'a str,
    /// The kind of notice for followers (`reply`, `new_topic`, `concluded`).
    pub kind: &'static str,
    /// Followers of the topic or category.
    pub followers: &'a [String],
    /// People mentioned in the post.
    pub mentioned: &'a [String],
    /// The working group of a private category: only its members (as last
    /// seen) are told.
    pub group: Option<&'a str>,
    /// Groups of each person, as last seen.
    pub groups: &'a BTreeMap<String, Vec<String>>,
    /// Chosen frequency of each person who chose one.
    pub frequencies: &'a BTreeMap<String, String>,
    /// Frequency of the others.
    pub default_frequency: &'a str,
}

/// Who is told of a post, and whether at once or in a digest: followers
/// and mentioned people, each once (a mention wins), never the actor,
/// only members of the group for a private category, nobody who chose
/// `none`.
pub fn plan(a: &Audience<'_>) -> Vec<Planned> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    let everyone = a
        .mentioned
        .iter()
        .map(|u| (u, "mention"))
        .chain(a.followers.iter().map(|u| (u, a.kind)));
    for (user_id, kind) in everyone {
        if user_id == a.actor_id || !seen.insert(user_id.clone()) {
            continue;
        }
        if let Some(group) = a.group
            && !a
                .groups
                .get(user_id)
                .is_some_and(|g| g.iter().any(|s| s == group))
        {
            continue;
        }
        let frequency = a
            .frequencies
            .get(user_id)
            .map_or(a.default_frequency, String::as_str);
        let status = match frequency {
            "none" => continue,
            "daily" | "weekly" => "queued",
            _ => "shown",
        };
        out.push(Planned {
            user_id: user_id.clone(),
            kind,
            status,
        });
        if out.len() >= MAX_RECIPIENTS {
            break;
        }
    }
    out
}

/// The people following a topic or a category.
///
/// # Errors
///
/// A storage failure.
pub fn followers(target: &str, target_id: i64) -> Result<Vec<String>, Error> {
    #[derive(Deserialize)]
    struct F {
        user_id: String,
    }
    let rows: Vec<F> = db::select("follows")
        .columns(&["user_id"])
        .filter(eq("target", target))
        .filter(eq("target_id", target_id))
        .limit(5000)
        .fetch()?;
    Ok(rows.into_iter().map(|f| f.user_id).collect())
}

/// Whether a user follows a topic or a category.
///
/// # Errors
///
/// A storage failure.
pub fn follows(user_id: &str, target: &str, target_id: i64) -> Result<bool, Error> {
    Ok(db::count("follows")
        .filter(eq("user_id", user_id))
        .filter(eq("target", target))
        .filter(eq("target_id", target_id))
        .get()?
        > 0)
}

/// A follow row to upsert (in a transaction, with `target_id` possibly
/// linked to a topic inserted earlier).
pub fn follow_row(user_id: &str, target: &str, target_id: i64) -> Value {
    json!({ "user_id": user_id, "target": target, "target_id": target_id, "created_at": model::now() })
}

/// Frequencies chosen by these people.
///
/// # Errors
///
/// A storage failure.
pub fn frequencies(user_ids: &[String]) -> Result<BTreeMap<String, String>, Error> {
    #[derive(Deserialize)]
    struct P {
        user_id: String,
        frequency: String,
    }
    if user_ids.is_empty() {
        return Ok(BTreeMap::new());
    }
    let rows: Vec<P> = db::select("preferences")
        .filter(one_of("user_id", user_ids.iter().map(String::as_str)))
        .limit(10_000)
        .fetch()?;
    Ok(rows.into_iter().map(|p| (p.user_id, p.frequency)).collect())
}

/// What a post is about, for the notices it causes.
pub struct About<'a> {
    pub topic: &'a Topic,
    pub category: &'a Category,
    /// The topic's id when it exists, or the transaction step inserting it.
    pub topic_step: Option<Step>,
    /// The post's id when it exists, or the transaction step inserting it.
    pub post_id: Option<i64>,
    pub post_step: Option<Step>,
    pub actor_id: &'a str,
    pub actor_name: &'a str,
    pub excerpt: &'a str,
}

/// Plans the notices of a post and adds their inserts to a transaction.
///
/// # Errors
///
/// A storage failure while reading followers, groups or preferences.
pub fn fan_out(
    tx: &mut Transaction,
    about: &About<'_>,
    kind: &'static str,
    followers: &[String],
    mentioned: &[String],
) -> Result<usize, Error> {
    let people: Vec<String> = followers
        .iter()
        .chain(mentioned)
        .filter(|u| *u != about.actor_id)
        .cloned()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if people.is_empty() {
        return Ok(0);
    }
    let groups: BTreeMap<String, Vec<String>> = crate::members::by_ids(&people)?
        .into_iter()
        .map(|(id, m)| (id, m.groups))
        .collect();
    let frequencies = frequencies(&people)?;
    let settings = model::settings()?;
    let planned = plan(&Audience {
        actor_id: about.actor_id,
        kind,
        followers,
        mentioned,
        group: about
            .category
            .is_private()
            .then(|| about.category.group_slug.as_deref().unwrap_or("\u{0}")),
        groups: &groups,
        frequencies: &frequencies,
        default_frequency: &settings.default_frequency,
    });
    let now = model::now();
    for p in &planned {
        let row = json!({
            "user_id": p.user_id,
            "kind": p.kind,
            "topic_id": about.topic.id,
            "post_id": about.post_id,
            "category_id": about.category.id(),
            "title": about.topic.title,
            "excerpt": about.excerpt,
            "actor_id": about.actor_id,
            "actor_name": about.actor_name,
            "status": p.status,
            "created_at": now,
            // Queued notices go out in their digest.
            "mail": (p.status == "shown").then_some("pending"),
        });
        let mut links: Vec<(&str, Step)> = Vec::new();
        if let Some(step) = about.topic_step {
            links.push(("topic_id", step));
        }
        if let Some(step) = about.post_step {
            links.push(("post_id", step));
        }
        tx.insert_linked("notices", &row, &links);
    }
    Ok(planned.len())
}

/// A notice to one person about one thing (approval of their post).
pub fn single(user_id: &str, kind: &str, topic: &Topic, post_id: i64, excerpt: &str) -> Value {
    json!({
        "user_id": user_id,
        "kind": kind,
        "topic_id": topic.id,
        "post_id": post_id,
        "category_id": topic.category_id,
        "title": topic.title,
        "excerpt": excerpt,
        "status": "shown",
        "created_at": model::now(),
    })
}

/// The frequency a person chose, or the site's default.
///
/// # Errors
///
/// A storage failure.
pub fn frequency_of(user_id: &str) -> Result<(String, bool), Error> {
    let chosen = frequencies(&[user_id.to_owned()])?.remove(user_id);
    Ok(match chosen {
        Some(f) => (f, true),
        None => (model::settings()?.default_frequency, false),
    })
}

/// A notice as a page shows it.
#[derive(Debug, Serialize)]
pub struct Shown {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub excerpt: Option<String>,
    pub actor_name: Option<String>,
    pub url: Option<String>,
    pub created_at: String,
    pub unread: bool,
    pub period: Option<String>,
    pub items: Vec<Value>,
}

/// The notices a user may still read, newest first: topics of categories
/// they can no longer read are left out (and digest lines about them).
///
/// # Errors
///
/// A storage failure.
pub fn visible(ctx: &Context, user: &User, limit: u32, offset: u32) -> Result<Vec<Shown>, Error> {
    let notices: Vec<Notice> = db::select("notices")
        .filter(eq("user_id", user.id.as_str()))
        .filter(eq("status", "shown"))
        .order_desc("created_at")
        .order_desc("id")
        .limit(limit)
        .offset(offset)
        .fetch()?;
    let categories: BTreeMap<i64, Category> = model::categories()?
        .into_iter()
        .map(|c| (c.id(), c))
        .collect();
    let readable = |id: Option<i64>| {
        id.and_then(|id| categories.get(&id))
            .filter(|c| access::can_read(Some(user), c))
    };
    let mut out = Vec::new();
    for n in notices {
        let url_of = |c: &Category, topic_id: Option<i64>, post_id: Option<i64>| {
            topic_id.map(|t| {
                let anchor = post_id.map(|p| format!("#post-{p}")).unwrap_or_default();
                access::url_for(ctx, c, &format!("/t/{t}{anchor}"))
            })
        };
        let (url, items) = if n.kind == "digest" {
            let items: Vec<Value> = n
                .items
                .clone()
                .unwrap_or_default()
                .into_iter()
                .filter_map(|it| {
                    let c = readable(Some(it.category_id))?;
                    Some(json!({
                        "title": it.title,
                        "count": it.count,
                        "mentions": it.mentions,
                        "url": url_of(c, Some(it.topic_id), None),
                    }))
                })
                .collect();
            if items.is_empty() {
                continue;
            }
            (None, items)
        } else {
            let Some(c) = readable(n.category_id) else {
                continue;
            };
            (url_of(c, n.topic_id, n.post_id), Vec::new())
        };
        out.push(Shown {
            id: n.id.unwrap_or_default(),
            kind: n.kind,
            title: n.title.unwrap_or_default(),
            excerpt: n.excerpt,
            actor_name: n.actor_name,
            url,
            created_at: n.created_at,
            unread: n.read_at.is_none(),
            period: n.period,
            items,
        });
    }
    Ok(out)
}

/// Unread notices of a user.
///
/// # Errors
///
/// A storage failure.
pub fn unread_count(user_id: &str) -> Result<u64, Error> {
    db::count("notices")
        .filter(eq("user_id", user_id))
        .filter(eq("status", "shown"))
        .filter(is_null("read_at"))
        .get()
}

/// `notices`, `x-notices`: the user's notices, newest first, with the
/// frequency they chose.
///
/// # Errors
///
/// A storage failure.
pub fn page(req: &Request) -> Result<Response, Error> {
    let user = req.require_user()?;
    crate::members::touch(user)?;
    let page = Page::from_request(req, 30);
    let total = db::count("notices")
        .filter(eq("user_id", user.id.as_str()))
        .filter(eq("status", "shown"))
        .get()?;
    let notices = visible(req.context(), user, page.limit(), page.offset())?;
    let (frequency, _) = frequency_of(&user.id)?;
    let queued = db::count("notices")
        .filter(eq("user_id", user.id.as_str()))
        .filter(eq("status", "queued"))
        .get()?;
    Ok(view("notices.html")
        .title(i18n::t("forums-notices-title"))
        .crumb(crate::pages::home_title(req), req.url("/"))
        .set("notices", notices)
        .set("unread", unread_count(&user.id)?)
        .set("queued", queued)
        .set("frequency", frequency)
        .set("pager", page.pager(total, req))
        .into())
}

/// `notices-read`, `x-notices-read`: marks every notice of the user read.
///
/// # Errors
///
/// A storage failure.
pub fn mark_read(req: &Request) -> Result<Response, Error> {
    let user = req.require_user()?;
    db::update("notices")
        .filter(eq("user_id", user.id.as_str()))
        .filter(is_null("read_at"))
        .set("read_at", model::now())
        .run()?;
    Ok(redirect(req.url("/avis"))
        .notice("forums-notices-marked")
        .into())
}

/// `preferences`, `x-preferences`: how often the user wants notices.
///
/// # Errors
///
/// A storage failure; [`Error::Invalid`] for an unknown frequency.
pub fn preferences(req: &Request) -> Result<Response, Error> {
    let user = req.require_user()?;
    crate::members::touch(user)?;
    let mut form = Form::new("forums").label("frequency", "forums-field-frequency");
    if req.is_post() {
        let mut f = req.validator();
        let frequency = f.choice("frequency", &model::FREQUENCIES).value();
        match f.finish() {
            // What was sent is none of the choices: the current one stays
            // ticked, with the error.
            Err(e) => form = form.errors(&e),
            Ok(()) => {
                db::upsert(
                    "preferences",
                    &json!({ "user_id": user.id, "frequency": frequency, "updated_at": model::now() }),
                    &["user_id"],
                )?;
                return Ok(redirect(req.url("/preferences"))
                    .notice("forums-preferences-saved")
                    .into());
            }
        }
    }
    let (frequency, chosen) = frequency_of(&user.id)?;
    Ok(view("preferences.html")
        .title(i18n::t("forums-preferences-title"))
        .crumb(crate::pages::home_title(req), req.url("/"))
        .set("chosen", chosen)
        .form(form.values(json!({ "frequency": frequency })))
        .into())
}

/// Follows or stops following a topic or a category.
///
/// # Errors
///
/// A storage failure.
pub fn set_follow(user_id: &str, target: &str, target_id: i64, on: bool) -> Result<(), Error> {
    if on {
        db::upsert(
            "follows",
            &follow_row(user_id, target, target_id),
            &["user_id", "target", "target_id"],
        )?;
    } else {
        db::delete("follows")
            .filter(eq("user_id", user_id))
            .filter(eq("target", target))
            .filter(eq("target_id", target_id))
            .run()?;
    }
    Ok(())
}

/// `follow-topic`, `x-follow-topic`.
///
/// # Errors
///
/// [`Error::NotFound`], [`Error::Forbidden`] for a private topic of a
/// group the user is not in.
pub fn follow_topic(req: &Request) -> Result<Response, Error> {
    let user = req.require_user()?;
    let topic = model::topic(req.param_id("id")?)?;
    let category = model::category(topic.category_id)?;
    access::require_read(req, &category)?;
    if !access::can_see_topic(Some(user), &topic) || req.area() != access::area_of(&category) {
        return Err(Error::not_found(messages::NOT_FOUND));
    }
    let on = req.form("action") != Some("unfollow");
    set_follow(&user.id, "topic", topic.id(), on)?;
    Ok(redirect(req.url(&format!("/t/{}", topic.id())))
        .notice(if on {
            "forums-followed"
        } else {
            "forums-unfollowed"
        })
        .into())
}

/// `follow-category`, `x-follow-category`.
///
/// # Errors
///
/// [`Error::NotFound`], [`Error::Forbidden`] for a private category of a
/// group the user is not in.
pub fn follow_category(req: &Request) -> Result<Response, Error> {
    let user = req.require_user()?;
    let category = model::category_by_slug(req.param("slug").unwrap_or_default())?;
    access::require_read(req, &category)?;
    if req.area() != access::area_of(&category) {
        return Err(Error::not_found(messages::NOT_FOUND));
    }
    let on = req.form("action") != Some("unfollow");
    set_follow(&user.id, "category", category.id(), on)?;
    Ok(redirect(req.url(&format!("/c/{}", category.slug)))
        .notice(if on {
            "forums-followed-category"
        } else {
            "forums-unfollowed"
        })
        .into())
}

/// Whether a digest of this period is due today: daily every day, weekly
/// on Mondays.
pub fn due(frequency: &str, today: estive_sdk::dates::Date) -> bool {
    match frequency {
        "daily" => true,
        "weekly" => today.weekday().number_from_monday() == 1,
        // Someone who switched back to immediate notices gets what was
        // waiting at the next run.
        "immediate" => true,
        _ => false,
    }
}

/// Sums queued notices up by topic, most active first.
pub fn digest_items(queued: &[Notice]) -> Vec<DigestItem> {
    let mut by_topic: BTreeMap<i64, DigestItem> = BTreeMap::new();
    for n in queued {
        let Some(topic_id) = n.topic_id else { continue };
        let item = by_topic.entry(topic_id).or_insert_with(|| DigestItem {
            topic_id,
            category_id: n.category_id.unwrap_or_default(),
            title: n.title.clone().unwrap_or_default(),
            count: 0,
            mentions: 0,
        });
        item.count += 1;
        if n.kind == "mention" {
            item.mentions += 1;
        }
    }
    let mut items: Vec<DigestItem> = by_topic.into_values().collect();
    items.sort_by(|a, b| b.count.cmp(&a.count).then(a.topic_id.cmp(&b.topic_id)));
    items
}

/// The `digests` task: for each person whose digest is due, one `digest`
/// notice summing up their queued notices, which become `digested` in the
/// same transaction (so a second run the same day finds nothing to do).
/// Queued notices of people who now want none are dropped. Read notices
/// older than 180 days are purged.
///
/// # Errors
///
/// A storage failure.
pub fn run_digests() -> Result<usize, Error> {
    #[derive(Deserialize)]
    struct Waiting {
        user_id: String,
    }
    let today = clock::now().date();
    let waiting: Vec<Waiting> = db::aggregate("notices")
        .filter(eq("status", "queued"))
        .group_by("user_id")
        .count("n")
        .limit(10_000)
        .fetch()?;
    let users: Vec<String> = waiting.into_iter().map(|w| w.user_id).collect();
    let chosen = frequencies(&users)?;
    let default = model::settings()?.default_frequency;
    let mut written = 0;
    for user_id in &users {
        let frequency = chosen.get(user_id).map_or(default.as_str(), String::as_str);
        if frequency == "none" {
            db::delete("notices")
                .filter(eq("user_id", user_id.as_str()))
                .filter(eq("status", "queued"))
                .run()?;
            continue;
        }
        if !due(frequency, today) {
            continue;
        }
        let queued: Vec<Notice> = db::select("notices")
            .filter(eq("user_id", user_id.as_str()))
            .filter(eq("status", "queued"))
            .order_asc("id")
            .limit(2000)
            .fetch()?;
        let Some(last) = queued.last().and_then(|n| n.id) else {
            continue;
        };
        let period = if frequency == "weekly" {
            "weekly"
        } else {
            "daily"
        };
        let items = digest_items(&queued);
        let mut tx = db::transaction();
        tx.insert(
            "notices",
            &json!({
                "user_id": user_id,
                "kind": "digest",
                "period": period,
                "title": "",
                "items": serde_json::to_string(&items)?,
                "status": "shown",
                "created_at": model::now(),
                "mail": "pending",
            }),
        );
        tx.update(
            db::update("notices")
                .filter(eq("user_id", user_id.as_str()))
                .filter(eq("status", "queued"))
                .filter(le("id", last))
                .set("status", "digested"),
        );
        tx.commit()?;
        written += 1;
    }
    let cutoff = model::days_ago(180);
    db::delete("notices")
        .filter(not_null("read_at"))
        .filter(lt("created_at", cutoff.as_str()))
        .run()?;
    db::delete("notices")
        .filter(eq("status", "digested"))
        .filter(lt("created_at", cutoff.as_str()))
        .run()?;
    Ok(written)
}

/// Routes whose POST may write notices to e-mail.
pub const MAILING_ROUTES: [&str; 8] = [
    "new-topic",
    "x-new-topic",
    "reply",
    "x-reply",
    "subject-reply",
    "conclude",
    "moderate-post",
    "moderate-topic",
];

/// Longest topic title in a subject (the host takes 200 characters with
/// the site's name in front).
const SUBJECT_TITLE_CHARS: usize = 120;

/// An e-mail to write.
#[derive(Debug, PartialEq)]
pub struct Mail {
    pub subject: String,
    pub body: String,
}

/// A title on one line, cut to `max` characters.
fn one_line(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        return line;
    }
    let mut cut: String = line.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// The e-mail of a notice (plain text: the excerpt is already stripped of
/// Markdown and HTML), or `None` for one not to e-mail.
///
/// `groups` are the recipient's working groups as last seen: access is
/// checked again at sending, as on the notices page, so that someone who
/// left a private category's group is not e-mailed about it (a digest
/// leaves those topics out, and is not sent when none is left).
pub fn compose(
    ctx: &Context,
    n: &Notice,
    categories: &BTreeMap<i64, Category>,
    groups: &[String],
) -> Option<Mail> {
    let category = |id: i64| categories.get(&id);
    let withheld = |id: Option<i64>| {
        id.and_then(category)
            .is_some_and(|c| !access::in_groups_may_read(groups, c))
    };
    let url_of = |category_id: i64, topic_id: i64, post_id: Option<i64>| {
        let c = category(category_id)?;
        let anchor = post_id.map(|p| format!("#post-{p}")).unwrap_or_default();
        Some(ctx.absolute(&access::url_for(ctx, c, &format!("/t/{topic_id}{anchor}"))))
    };
    let preferences = ctx.absolute(
        &ctx.url_in("portal", "/preferences")
            .unwrap_or_else(|| ctx.url("/preferences")),
    );
    let footer = i18n::t_args("forums-mail-footer", &[("url", &preferences)]);
    if n.kind == "digest" {
        let period = if n.period.as_deref() == Some("weekly") {
            "weekly"
        } else {
            "daily"
        };
        let items: Vec<&DigestItem> = n
            .items
            .as_deref()
            .unwrap_or_default()
            .iter()
            .filter(|it| !withheld(Some(it.category_id)))
            .collect();
        if items.is_empty() {
            return None;
        }
        let mut body = format!("{}\n", i18n::t("forums-mail-digest-intro"));
        for it in items {
            let count = it.count.to_string();
            let mut line = format!(
                "\n- {} — {}",
                one_line(&it.title, 200),
                i18n::t_args("forums-digest-count", &[("count", &count)])
            );
            if it.mentions > 0 {
                let m = it.mentions.to_string();
                line.push(' ');
                line.push_str(&i18n::t_args("forums-digest-mentions", &[("count", &m)]));
            }
            if let Some(url) = url_of(it.category_id, it.topic_id, None) {
                line.push_str(&format!("\n  {url}"));
            }
            body.push_str(&line);
        }
        body.push_str(&format!("\n\n-- \n{footer}\n"));
        return Some(Mail {
            subject: i18n::t(&format!("forums-mail-subject-{period}")),
            body,
        });
    }
    if !["reply", "new_topic", "mention", "concluded"].contains(&n.kind.as_str())
        || withheld(n.category_id)
    {
        return None;
    }
    let title = one_line(n.title.as_deref().unwrap_or_default(), SUBJECT_TITLE_CHARS);
    let full_title = one_line(n.title.as_deref().unwrap_or_default(), 500);
    let actor = n
        .actor_name
        .clone()
        .filter(|a| !a.is_empty())
        .unwrap_or_else(|| "—".to_owned());
    let mut body = i18n::t_args(
        &format!("forums-notice-{}", n.kind),
        &[("actor", &actor), ("title", &full_title)],
    );
    if let Some(excerpt) = n.excerpt.as_deref().filter(|e| !e.trim().is_empty()) {
        body.push_str(&format!("\n\n{}", excerpt.trim()));
    }
    if let (Some(c), Some(t)) = (n.category_id, n.topic_id)
        && let Some(url) = url_of(c, t, n.post_id)
    {
        body.push_str(&format!(
            "\n\n{}",
            i18n::t_args("forums-mail-read", &[("url", &url)])
        ));
    }
    body.push_str(&format!("\n\n-- \n{footer}\n"));
    Some(Mail {
        subject: i18n::t_args(
            &format!("forums-mail-subject-{}", n.kind),
            &[("title", &title)],
        ),
        body,
    })
}

/// Sends pending e-mails, oldest first, at most the host's cap for one
/// call; each is marked `sent` (or `failed`, logged) as it goes, so the
/// next call (a post, the `mail` or `digests` schedule) sends the rest and
/// nothing twice. Never fails: the notices stay in the plugin whatever
/// happens to the e-mail.
pub fn mail_pending(ctx: &Context) {
    if let Err(e) = try_mail_pending(ctx) {
        log::warn(&format!("forums: e-mails not sent: {e}"));
    }
}

fn try_mail_pending(ctx: &Context) -> Result<usize, Error> {
    let pending: Vec<Notice> = db::select("notices")
        .filter(eq("mail", "pending"))
        .order_asc("id")
        .limit(estive_sdk::mail::PER_CALL)
        .fetch()?;
    if pending.is_empty() {
        return Ok(0);
    }
    let categories: BTreeMap<i64, Category> = model::categories()?
        .into_iter()
        .map(|c| (c.id(), c))
        .collect();
    let recipients: Vec<String> = pending.iter().map(|n| n.user_id.clone()).collect();
    let members = crate::members::by_ids(&recipients)?;
    let mut sent = 0;
    for n in &pending {
        let Some(id) = n.id else { continue };
        let groups = members
            .get(&n.user_id)
            .map_or(&[][..], |m| m.groups.as_slice());
        let outcome = match compose(ctx, n, &categories, groups) {
            Some(m) => match mail::send(&n.user_id, &m.subject, &m.body) {
                Ok(()) => "sent",
                Err(e) => {
                    log::warn(&format!(
                        "forums: notice {id} not e-mailed to {}: {e}",
                        n.user_id
                    ));
                    "failed"
                }
            },
            None => "failed",
        };
        db::update("notices")
            .filter(eq("id", id))
            .set("mail", outcome)
            .run()?;
        if outcome == "sent" {
            sent += 1;
        }
    }
    Ok(sent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    fn audience<'a>(
        followers: &'a [String],
        mentioned: &'a [String],
        group: Option<&'a str>,
        groups: &'a BTreeMap<String, Vec<String>>,
        frequencies: &'a BTreeMap<String, String>,
    ) -> Audience<'a> {
        Audience {
            actor_id: "1",
            kind: "reply",
            followers,
            mentioned,
            group,
            groups,
            frequencies,
            default_frequency: "immediate",
        }
    }

    #[test]
    fn nobody_is_told_of_their_own_post() {
        let followers = ids(&["1", "2"]);
        let mentioned = ids(&["1"]);
        let (groups, frequencies) = (BTreeMap::new(), BTreeMap::new());
        let planned = plan(&audience(
            &followers,
            &mentioned,
            None,
            &groups,
            &frequencies,
        ));
        assert_eq!(
            planned,
            [Planned {
                user_id: "2".into(),
                kind: "reply",
                status: "shown"
            }]
        );
    }

    #[test]
    fn a_mention_wins_over_following_and_each_person_is_told_once() {
        let followers = ids(&["2", "3", "3"]);
        let mentioned = ids(&["3"]);
        let (groups, frequencies) = (BTreeMap::new(), BTreeMap::new());
        let planned = plan(&audience(
            &followers,
            &mentioned,
            None,
            &groups,
            &frequencies,
        ));
        let kinds: Vec<(&str, &str)> = planned
            .iter()
            .map(|p| (p.user_id.as_str(), p.kind))
            .collect();
        assert_eq!(kinds, [("3", "mention"), ("2", "reply")]);
    }

    #[test]
    fn private_categories_tell_only_group_members() {
        let followers = ids(&["2", "3"]);
        let mentioned = ids(&["4"]);
        let groups: BTreeMap<String, Vec<String>> = [
            ("2".to_owned(), ids(&["voirie"])),
            ("4".to_owned(), ids(&["ecole"])),
        ]
        .into();
        let none = BTreeMap::new();
        let planned = plan(&audience(
            &followers,
            &mentioned,
            Some("voirie"),
            &groups,
            &none,
        ));
        assert_eq!(planned.len(), 1);
        assert_eq!(planned[0].user_id, "2");
    }

    #[test]
    fn digests_queue_and_none_skips() {
        let followers = ids(&["2", "3", "4"]);
        let none = BTreeMap::new();
        let frequencies: BTreeMap<String, String> = [
            ("2".to_owned(), "daily".to_owned()),
            ("3".to_owned(), "none".to_owned()),
            ("4".to_owned(), "weekly".to_owned()),
        ]
        .into();
        let planned = plan(&audience(&followers, &[], None, &none, &frequencies));
        let statuses: Vec<(&str, &str)> = planned
            .iter()
            .map(|p| (p.user_id.as_str(), p.status))
            .collect();
        assert_eq!(statuses, [("2", "queued"), ("4", "queued")]);
    }

    #[test]
    fn weekly_digests_are_due_on_mondays_only() {
        let monday = estive_sdk::dates::Date::parse("2026-11-30").unwrap();
        let tuesday = monday.add_days(1);
        assert!(due("weekly", monday));
        assert!(!due("weekly", tuesday));
        assert!(due("daily", tuesday));
        assert!(!due("none", monday));
    }

    fn notice(topic: i64, kind: &str) -> Notice {
        Notice {
            id: Some(topic),
            user_id: "2".into(),
            kind: kind.into(),
            topic_id: Some(topic),
            post_id: None,
            category_id: Some(1),
            title: Some(format!("Sujet {topic}")),
            excerpt: None,
            actor_id: None,
            actor_name: None,
            period: None,
            items: None,
            status: "queued".into(),
            created_at: "2026-11-28T10:00:00Z".into(),
            read_at: None,
        }
    }

    #[test]
    fn digest_items_count_notices_per_topic_most_active_first() {
        let queued = [
            notice(5, "reply"),
            notice(7, "reply"),
            notice(7, "mention"),
            notice(7, "reply"),
        ];
        let items = digest_items(&queued);
        assert_eq!(items.len(), 2);
        assert_eq!(
            (items[0].topic_id, items[0].count, items[0].mentions),
            (7, 3, 1)
        );
        assert_eq!((items[1].topic_id, items[1].count), (5, 1));
    }
}
