//! Reading: the portal's home, the extranet's working groups, categories,
//! topics, search and attached discussions.

use std::collections::{BTreeMap, BTreeSet};

use estive_sdk::Area;
use estive_sdk::form::Form;
use estive_sdk::prelude::*;
use serde_json::Value;

use crate::access;
use crate::markdown;
use crate::members;
use crate::model::{self, Category, Post, Topic};
use crate::notify;

/// The title of the plugin's home on the request's area, the first step
/// of every page's breadcrumb (at `req.url("/")`).
pub fn home_title(req: &Request) -> String {
    if req.area() == Area::Extranet {
        i18n::t("forums-groups-title")
    } else {
        i18n::t("forums-title")
    }
}

/// A category as lists show it.
fn category_item(req: &Request, c: &Category, topics: u64) -> Value {
    json!({
        "slug": c.slug,
        "title": c.title,
        "description": c.description,
        "private": c.is_private(),
        "group": c.group_slug,
        "topics": topics,
        "url": access::url_for(req.context(), c, &format!("/c/{}", c.slug)),
    })
}

/// Visible topics of a category, counted.
fn topic_count(category_id: i64) -> Result<u64, Error> {
    db::count("topics")
        .filter(eq("category_id", category_id))
        .filter(eq("status", "open"))
        .filter(eq("hidden", false))
        .get()
}

/// Topics as lists show them, with their reply counts.
pub fn topic_items(
    ctx: &Context,
    topics: &[Topic],
    categories: &[Category],
) -> Result<Vec<Value>, Error> {
    let ids: Vec<i64> = topics.iter().map(Topic::id).collect();
    let counts = model::post_counts(&ids)?;
    let by_id: BTreeMap<i64, &Category> = categories.iter().map(|c| (c.id(), c)).collect();
    Ok(topics
        .iter()
        .filter_map(|t| {
            let c = by_id.get(&t.category_id)?;
            let posts = counts.get(&t.id()).copied().unwrap_or(0);
            Some(json!({
                "id": t.id(),
                "title": t.title,
                "author_name": t.author_name,
                "category": c.title,
                "category_url": access::url_for(ctx, c, &format!("/c/{}", c.slug)),
                "url": access::url_for(ctx, c, &format!("/t/{}", t.id())),
                "replies": (posts - 1).max(0),
                "posts": posts,
                "pinned": t.pinned,
                "locked": t.locked,
                "closed": t.closed,
                "hidden": t.hidden,
                "status": t.status,
                "last_post_at": t.last_post_at,
                "created_at": t.created_at,
            }))
        })
        .collect())
}

/// The latest open topics of some categories.
pub fn latest(category_ids: &[i64], limit: u32) -> Result<Vec<Topic>, Error> {
    if category_ids.is_empty() {
        return Ok(Vec::new());
    }
    db::select("topics")
        .filter(one_of("category_id", category_ids.iter().copied()))
        .filter(eq("status", "open"))
        .filter(eq("hidden", false))
        .order_desc("last_post_at")
        .limit(limit)
        .fetch()
}

/// Links to the pages of a signed-in user, shared by the home pages.
fn user_links(req: &Request) -> Result<Value, Error> {
    let Some(user) = req.user() else {
        return Ok(Value::Null);
    };
    members::touch(user)?;
    Ok(json!({
        "unread": notify::unread_count(&user.id)?,
        "moderator": user.has_permission("forums.moderate"),
        "manager": user.has_permission("forums.manage"),
    }))
}

/// `home` (portal): public categories, the latest debates and search.
///
/// # Errors
///
/// A storage failure.
pub fn home(req: &Request) -> Result<Response, Error> {
    let categories = model::categories()?;
    let public: Vec<&Category> = categories.iter().filter(|c| !c.is_private()).collect();
    let mut items = Vec::new();
    for c in &public {
        items.push(category_item(req, c, topic_count(c.id())?));
    }
    let ids: Vec<i64> = public.iter().map(|c| c.id()).collect();
    let latest = topic_items(req.context(), &latest(&ids, 8)?, &categories)?;
    Ok(view("home.html")
        .title(i18n::t("forums-title"))
        .set("categories", items)
        .set("latest", latest)
        .set("me", user_links(req)?)
        .into())
}

/// `groups` (extranet): the private categories of the user's working
/// groups, then the public ones, and the tools the user may use.
///
/// # Errors
///
/// A storage failure.
pub fn groups(req: &Request) -> Result<Response, Error> {
    let user = req.require_user()?;
    let categories = model::categories()?;
    let mut mine = Vec::new();
    let mut public = Vec::new();
    for c in &categories {
        if !c.is_private() {
            public.push(category_item(req, c, topic_count(c.id())?));
        } else if access::can_read(Some(user), c) {
            mine.push(category_item(req, c, topic_count(c.id())?));
        }
    }
    let ids = access::readable_ids(Some(user), &categories, Area::Extranet);
    let private_ids: Vec<i64> = categories
        .iter()
        .filter(|c| c.is_private() && ids.contains(&c.id()))
        .map(Category::id)
        .collect();
    let latest = topic_items(req.context(), &latest(&private_ids, 8)?, &categories)?;
    let pending = if user.has_permission("forums.moderate") {
        crate::moderation::queue_size(&ids)?
    } else {
        0
    };
    Ok(view("groups.html")
        .title(i18n::t("forums-groups-title"))
        .set("mine", mine)
        .set("public", public)
        .set("latest", latest)
        .set("groups", &user.groups)
        .set("pending", pending)
        .set("me", user_links(req)?)
        .into())
}

/// `category`, `x-category`: a category's topics, pinned first, then by
/// latest activity.
///
/// # Errors
///
/// [`Error::NotFound`]; [`Error::Forbidden`] for a private category of a
/// group the user is not in.
pub fn category(req: &Request) -> Result<Response, Error> {
    let category = model::category_by_slug(req.param("slug").unwrap_or_default())?;
    access::require_read(req, &category)?;
    if let Some(elsewhere) = access::elsewhere(req, &category, &format!("/c/{}", category.slug)) {
        return Ok(elsewhere);
    }
    let user = req.user();
    if let Some(u) = user {
        members::touch(u)?;
    }
    let page = Page::from_request(req, model::TOPICS_PER_PAGE);
    let visible = [
        eq("category_id", category.id()),
        eq("status", "open"),
        eq("hidden", false),
    ];
    let total = db::count("topics").filters(visible.clone()).get()?;
    let topics: Vec<Topic> = db::select("topics")
        .filters(visible)
        .order_desc("pinned")
        .order_desc("last_post_at")
        .page(page)
        .fetch()?;
    let mut items = topic_items(req.context(), &topics, std::slice::from_ref(&category))?;
    // The user's own topics waiting for a moderator, so they are not lost.
    if let Some(u) = user {
        let waiting: Vec<Topic> = db::select("topics")
            .filter(eq("category_id", category.id()))
            .filter(eq("author_id", u.id.as_str()))
            .filter(eq("status", "pending"))
            .limit(20)
            .fetch()?;
        items.extend(topic_items(
            req.context(),
            &waiting,
            std::slice::from_ref(&category),
        )?);
    }
    let following = match user {
        Some(u) => notify::follows(&u.id, "category", category.id())?,
        None => false,
    };
    Ok(view("category.html")
        .title(&category.title)
        .crumb(home_title(req), req.url("/"))
        .set("category", category_item(req, &category, total))
        .set("topics", items)
        .set("pager", page.pager(total, req))
        .set("following", following)
        .set("can_post", req.has_permission("forums.post"))
        .into())
}

/// The reply form's fields, each named by its label in the error summary;
/// a debate's position is neutral until one is chosen.
pub fn reply_form() -> Form {
    Form::new("forums")
        .label("body", "forums-field-reply")
        .label("alignment", "forums-field-alignment")
        .values(json!({ "alignment": "neutral" }))
}

/// The reply form as the topic page shows it: empty, or as sent with what
/// was wrong.
#[derive(Debug, Clone)]
pub struct ReplyForm {
    /// Its values (`body`, `alignment`, `form_token`) and field errors.
    pub form: Form,
    /// A message about the whole reply (locked topic, hidden account…).
    pub refusal: Option<&'static str>,
}

impl ReplyForm {
    /// An empty reply form with a fresh idempotency token; `body` is a
    /// quote to answer, or empty.
    pub fn new(body: &str) -> ReplyForm {
        ReplyForm {
            form: reply_form().values(json!({ "body": body, "form_token": model::form_token() })),
            refusal: None,
        }
    }
}

/// The page of a member on the request's area, where mentions and
/// authors' handles link.
pub fn member_url(req: &Request, handle: &str) -> String {
    req.url(&format!("/membres/{handle}"))
}

/// A post as the topic page shows it.
fn post_item(
    req: &Request,
    p: &Post,
    moderator: bool,
    known: &BTreeSet<String>,
    handles: &BTreeMap<String, String>,
) -> Value {
    let mine = req.user().is_some_and(|u| u.id == p.author_id);
    let readable = p.status == "published" || moderator || mine;
    let html = if readable {
        markdown::render(&p.body, &|h| known.contains(h).then(|| member_url(req, h)))
    } else {
        String::new()
    };
    let handle = handles.get(&p.author_id);
    json!({
        "id": p.id(),
        "author_name": p.author_name,
        "author_handle": handle,
        "author_url": handle.map(|h| member_url(req, h)),
        "deleted_author": p.author_id == "deleted",
        "created_at": p.created_at,
        "html": html,
        "readable": readable,
        "alignment": p.alignment,
        "status": p.status,
        "hidden_reason": p.hidden_reason,
        "opening": p.opening,
        "mine": mine,
    })
}

/// `topic`, `x-topic`: a topic, its posts, and the reply form.
///
/// # Errors
///
/// [`Error::NotFound`] (also for hidden topics, to non-moderators);
/// [`Error::Forbidden`] for a private topic of a group the user is not in.
pub fn topic(req: &Request) -> Result<Response, Error> {
    let topic = model::topic(req.param_id("id")?)?;
    let category = model::category(topic.category_id)?;
    access::require_read(req, &category)?;
    if !access::can_see_topic(req.user(), &topic) {
        return Err(Error::not_found(messages::NOT_FOUND));
    }
    let query: String = req
        .query_pairs()
        .iter()
        .filter(|(k, _)| k == "page" || k == "citer")
        .map(|(k, v)| format!("{k}={}", estive_sdk::url::encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let path = format!(
        "/t/{}{}",
        topic.id(),
        if query.is_empty() {
            String::new()
        } else {
            format!("?{query}")
        }
    );
    if let Some(elsewhere) = access::elsewhere(req, &category, &path) {
        return Ok(elsewhere);
    }
    let mut body = String::new();
    if let Some(quoted) = req
        .query("citer")
        .and_then(|v| v.parse::<i64>().ok())
        .map(model::post)
        .transpose()
        .ok()
        .flatten()
        .filter(|p| p.topic_id == topic.id() && p.status == "published")
    {
        let intro = i18n::t_args("forums-quote-intro", &[("name", &quoted.author_name)]);
        body = markdown::quote(&intro, &quoted.body);
    }
    topic_page(req, &topic, &category, ReplyForm::new(&body), 200)
}

/// Renders a topic page, with the reply form as given (status 200, or
/// 403/409/422 when a reply was refused, its text kept; 422 when the form
/// has field errors).
///
/// # Errors
///
/// A storage failure.
pub fn topic_page(
    req: &Request,
    topic: &Topic,
    category: &Category,
    form: ReplyForm,
    status: u16,
) -> Result<Response, Error> {
    let user = req.user();
    let member = user.map(members::touch).transpose()?;
    let moderator = req.has_permission("forums.moderate");
    let page = Page::from_request(req, model::POSTS_PER_PAGE);
    let shown_statuses: &[&str] = if moderator {
        &["published", "hidden", "pending"]
    } else {
        &["published", "hidden"]
    };
    let filter = [
        eq("topic_id", topic.id()),
        one_of("status", shown_statuses.iter().copied()),
    ];
    let total = db::count("posts").filters(filter.clone()).get()?;
    let mut posts: Vec<Post> = db::select("posts")
        .filters(filter)
        .order_asc("created_at")
        .order_asc("id")
        .page(page)
        .fetch()?;
    // The user's own posts waiting for (or refused by) a moderator.
    let own_waiting: Vec<Post> = match user {
        Some(u) if !moderator => db::select("posts")
            .filter(eq("topic_id", topic.id()))
            .filter(eq("author_id", u.id.as_str()))
            .filter(one_of("status", ["pending", "rejected"]))
            .order_asc("id")
            .limit(20)
            .fetch()?,
        _ => Vec::new(),
    };
    posts.extend(own_waiting);
    // Mentions: which handles in these posts are members'.
    let mut handles_used: Vec<String> = Vec::new();
    for p in &posts {
        handles_used.extend(markdown::mentioned_handles(&p.body));
    }
    if let Some(c) = &topic.conclusion {
        handles_used.extend(markdown::mentioned_handles(c));
    }
    let known: BTreeSet<String> = members::by_handles(&handles_used)?.into_keys().collect();
    let authors: Vec<String> = posts
        .iter()
        .map(|p| p.author_id.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let author_handles: BTreeMap<String, String> = members::by_ids(&authors)?
        .into_iter()
        .map(|(id, m)| (id, m.handle))
        .collect();
    let items: Vec<Value> = posts
        .iter()
        .map(|p| post_item(req, p, moderator, &known, &author_handles))
        .collect();

    let public = !category.is_private();
    let mut alignments = json!(null);
    if public {
        #[derive(serde::Deserialize)]
        struct A {
            alignment: Option<String>,
            n: i64,
        }
        let counts: Vec<A> = db::aggregate("posts")
            .filter(eq("topic_id", topic.id()))
            .filter(eq("status", "published"))
            .filter(eq("opening", false))
            .group_by("alignment")
            .count("n")
            .fetch()?;
        let get = |k: &str| {
            counts
                .iter()
                .find(|a| a.alignment.as_deref() == Some(k))
                .map_or(0, |a| a.n)
        };
        let (pro, con, neutral) = (get("for"), get("against"), get("neutral"));
        if pro + con + neutral > 0 {
            alignments = json!({ "for": pro, "against": con, "neutral": neutral });
        }
    }

    // Why the reply form is not offered, if it is not.
    let barrier = if user.is_none() {
        Some("forums-sign-in-to-reply")
    } else if !req.has_permission("forums.post") {
        Some("forums-no-post-permission")
    } else if member.as_ref().is_some_and(|m| m.hidden) {
        Some("forums-you-are-hidden")
    } else if topic.closed {
        Some("forums-topic-closed")
    } else if topic.locked {
        Some("forums-topic-locked")
    } else if topic.hidden || topic.status != "open" {
        Some("forums-topic-not-open")
    } else {
        None
    };
    let following = match user {
        Some(u) => notify::follows(&u.id, "topic", topic.id())?,
        None => false,
    };
    let categories = if moderator {
        model::categories()?
    } else {
        Vec::new()
    };
    let move_targets: Vec<Value> = categories
        .iter()
        .filter(|c| c.id() != category.id() && access::can_read(user, c))
        .map(|c| json!({ "id": c.id(), "title": c.title, "private": c.is_private() }))
        .collect();
    let conclusion_html = topic
        .conclusion
        .as_deref()
        .map(|c| markdown::render(c, &|h| known.contains(h).then(|| member_url(req, h))));
    let login = format!(
        "/login?next={}",
        estive_sdk::url::encode(&req.url(&format!("/t/{}", topic.id())))
    );
    Ok(view("topic.html")
        .title(&topic.title)
        .crumb(home_title(req), req.url("/"))
        .crumb(&category.title, req.url(&format!("/c/{}", category.slug)))
        .set(
            "topic",
            json!({
                "id": topic.id(),
                "title": topic.title,
                "author_name": topic.author_name,
                "created_at": topic.created_at,
                "locked": topic.locked,
                "pinned": topic.pinned,
                "hidden": topic.hidden,
                "closed": topic.closed,
                "status": topic.status,
                "subject_key": topic.subject_key,
                "conclusion_html": conclusion_html,
                "concluded_by": topic.concluded_by,
                "concluded_at": topic.concluded_at,
            }),
        )
        .set("category", json!({ "slug": category.slug, "title": category.title, "private": category.is_private() }))
        .set("posts", items)
        .set("pager", page.pager(total, req))
        .set("alignments", alignments)
        .set("public", public)
        .set("barrier", barrier)
        .set("following", following)
        .set("moderator", moderator)
        .set("can_conclude", req.has_permission("forums.conclude") && !topic.closed)
        .set("move_targets", move_targets)
        .set("signed_in", user.is_some())
        .set("can_follow", req.has_permission("forums.post"))
        .set("login_url", login)
        .set("me", user.map(|u| u.id.clone()))
        .set("my_handle", member.as_ref().map(|m| m.handle.clone()))
        .set("refusal", form.refusal)
        .set("return_to", req.url(&format!("/t/{}", topic.id())))
        .set("max_chars", model::settings()?.max_post_chars)
        .status(status)
        .form(form.form)
        .into())
}

/// `search`, `x-search`: words in titles and posts of the categories the
/// user may read on this area.
///
/// # Errors
///
/// A storage failure.
pub fn search(req: &Request) -> Result<Response, Error> {
    let q: String = req
        .query("q")
        .unwrap_or_default()
        .trim()
        .chars()
        .take(200)
        .collect();
    let categories = model::categories()?;
    let readable = access::readable_ids(req.user(), &categories, req.area());
    let mut results = Vec::new();
    let mut total = 0;
    let page = Page::from_request(req, 20);
    let too_short = !q.is_empty() && q.chars().count() < 2;
    if q.chars().count() >= 2 && !readable.is_empty() {
        let filter = [
            matches(&["title", "body"], &q),
            eq("status", "published"),
            one_of("category_id", readable.iter().copied()),
        ];
        total = db::count("posts").filters(filter.clone()).get()?;
        let posts: Vec<Post> = db::select("posts")
            .filters(filter)
            .order_desc("created_at")
            .page(page)
            .fetch()?;
        let topic_ids: Vec<i64> = posts.iter().map(|p| p.topic_id).collect();
        let topics: BTreeMap<i64, Topic> = db::select("topics")
            .filter(one_of("id", topic_ids))
            .fetch::<Topic>()?
            .into_iter()
            .map(|t| (t.id(), t))
            .collect();
        let by_id: BTreeMap<i64, &Category> = categories.iter().map(|c| (c.id(), c)).collect();
        for p in &posts {
            let (Some(t), Some(c)) = (topics.get(&p.topic_id), by_id.get(&p.category_id)) else {
                continue;
            };
            if t.hidden || t.status != "open" {
                continue;
            }
            results.push(json!({
                "title": t.title,
                "category": c.title,
                "author_name": p.author_name,
                "created_at": p.created_at,
                "excerpt": markdown::excerpt(&p.body, 240),
                "url": access::url_for(req.context(), c, &format!("/t/{}#post-{}", t.id(), p.id())),
            }));
        }
    }
    Ok(view("search.html")
        .title(i18n::t("forums-search-title"))
        .crumb(home_title(req), req.url("/"))
        .set("q", q)
        .set("too_short", too_short)
        .set("results", results)
        .set("total", total)
        .set("pager", page.pager(total, req))
        .into())
}

/// Posts shown on one page of a member's posts.
const MEMBER_POSTS_PER_PAGE: u32 = 20;

/// `member`, `x-member`: what a member (by the handle mentions use) has
/// published, newest first, in the categories the reader may read on this
/// area. Nothing else about the person is shown: not their groups, nor
/// posts waiting for a moderator, hidden, refused, or in hidden topics.
///
/// # Errors
///
/// [`Error::NotFound`] for a handle nobody holds; a storage failure.
pub fn member(req: &Request) -> Result<Response, Error> {
    let handle = req.param("handle").unwrap_or_default().to_owned();
    let member = members::by_handles(std::slice::from_ref(&handle))?
        .remove(&handle)
        .ok_or_else(|| Error::not_found(messages::NOT_FOUND))?;
    if let Some(u) = req.user() {
        members::touch(u)?;
    }
    let categories = model::categories()?;
    let readable = access::readable_ids(req.user(), &categories, req.area());
    let page = Page::from_request(req, MEMBER_POSTS_PER_PAGE);
    let mut items = Vec::new();
    let mut total = 0;
    if !readable.is_empty() {
        // Topics whose posts nobody but moderators and authors sees.
        let mut unseen: BTreeSet<i64> = BTreeSet::new();
        for condition in [eq("hidden", true), ne("status", "open")] {
            let ids: Vec<Topic> = db::select("topics")
                .filter(one_of("category_id", readable.iter().copied()))
                .filter(condition)
                .limit(10_000)
                .fetch()?;
            unseen.extend(ids.iter().map(Topic::id));
        }
        let filter = [
            eq("author_id", member.user_id.as_str()),
            eq("status", "published"),
            one_of("category_id", readable.iter().copied()),
            none_of("topic_id", unseen.iter().copied()),
        ];
        total = db::count("posts").filters(filter.clone()).get()?;
        let posts: Vec<Post> = db::select("posts")
            .filters(filter)
            .order_desc("created_at")
            .order_desc("id")
            .page(page)
            .fetch()?;
        let by_id: BTreeMap<i64, &Category> = categories.iter().map(|c| (c.id(), c)).collect();
        for p in &posts {
            let Some(c) = by_id.get(&p.category_id) else {
                continue;
            };
            items.push(json!({
                "title": p.title,
                "category": c.title,
                "category_url": access::url_for(req.context(), c, &format!("/c/{}", c.slug)),
                "created_at": p.created_at,
                "opening": p.opening,
                "excerpt": markdown::excerpt(&p.body, 240),
                "url": access::url_for(req.context(), c, &format!("/t/{}#post-{}", p.topic_id, p.id())),
            }));
        }
    }
    Ok(view("member.html")
        .title(i18n::t_args(
            "forums-member-title",
            &[("name", &member.name)],
        ))
        .crumb(home_title(req), req.url("/"))
        .set(
            "member",
            json!({ "name": member.name, "handle": member.handle }),
        )
        .set("posts", items)
        .set("total", total)
        .set("pager", page.pager(total, req))
        .set("extranet", req.area() == Area::Extranet)
        .into())
}

/// `subject` (portal): the discussion attached to another plugin's content
/// (`polls:42`): its topic if it has one, or a page inviting the first
/// reply, which creates it.
///
/// # Errors
///
/// [`Error::NotFound`] for a malformed key.
pub fn subject(req: &Request) -> Result<Response, Error> {
    let key = req.param("key").unwrap_or_default();
    if !model::valid_subject_key(key) {
        return Err(Error::not_found(messages::NOT_FOUND));
    }
    if let Some(topic) = db::select("topics")
        .filter(eq("subject_key", key))
        .first::<Topic>()?
    {
        let category = model::category(topic.category_id)?;
        return Ok(redirect(access::url_for(
            req.context(),
            &category,
            &format!("/t/{}", topic.id()),
        ))
        .into());
    }
    subject_page(req, key, &subject_title(req, key), ReplyForm::new(""), 200)
}

/// The title of an attached discussion: the one the linking plugin gave
/// (`?titre=`), or one made from the key.
pub fn subject_title(req: &Request, key: &str) -> String {
    let given = req
        .query("titre")
        .or_else(|| req.form("titre"))
        .unwrap_or_default();
    let clean: String = given
        .chars()
        .filter(|c| !c.is_control())
        .take(model::TITLE_MAX)
        .collect::<String>()
        .trim()
        .to_owned();
    if clean.is_empty() {
        i18n::t_args("forums-subject-default-title", &[("key", key)])
    } else {
        clean
    }
}

/// Renders the page of an attached discussion that has no topic yet.
///
/// # Errors
///
/// A storage failure.
pub fn subject_page(
    req: &Request,
    key: &str,
    title: &str,
    form: ReplyForm,
    status: u16,
) -> Result<Response, Error> {
    let member = req.user().map(members::touch).transpose()?;
    let barrier = if req.user().is_none() {
        Some("forums-sign-in-to-reply")
    } else if !req.has_permission("forums.post") {
        Some("forums-no-post-permission")
    } else if member.as_ref().is_some_and(|m| m.hidden) {
        Some("forums-you-are-hidden")
    } else {
        None
    };
    let path = format!("/sujet/{key}?titre={}", estive_sdk::url::encode(title));
    Ok(view("subject.html")
        .title(title)
        .crumb(home_title(req), req.url("/"))
        .set("key", key)
        .set("subject_title", title)
        .set("barrier", barrier)
        .set(
            "login_url",
            format!("/login?next={}", estive_sdk::url::encode(&req.url(&path))),
        )
        .set("refusal", form.refusal)
        .set("max_chars", model::settings()?.max_post_chars)
        .status(status)
        .form(form.form)
        .into())
}
