//! Writing: new topics, replies, and the first reply to an attached
//! discussion.
//!
//! Every refusal keeps what was typed: the form is shown again with the
//! text and a message (422 for a wrong field, 409 for a locked or closed
//! topic, 403 for an account hidden by the moderators). A form carries an
//! idempotency token (`form_token`): the same form sent twice (a double
//! click) is stored once — the unique constraint on (author, token) holds
//! even when both arrive together — and the second sending lands on the
//! first post. Posts of citizens who have fewer approved posts than the
//! `trusted_after` setting wait for a moderator.

use estive_sdk::Area;
use estive_sdk::form::Form;
use estive_sdk::prelude::*;

use crate::access;
use crate::attached;
use crate::markdown;
use crate::members;
use crate::model::{self, Category, Post, Settings, Topic};
use crate::notify::{self, About};
use crate::pages::{self, ReplyForm};

/// What a post form sent: its text, its position on a public debate and
/// its idempotency token, read with `form`, which gathers what is wrong.
struct Input {
    body: String,
    alignment: Option<String>,
    token: String,
}

fn read_input(
    form: &mut Validator<'_>,
    category: &Category,
    settings: &Settings,
    with_alignment: bool,
) -> Input {
    let body = form.text("body").value();
    let chars = body.chars().count();
    let max = usize::try_from(settings.max_post_chars).unwrap_or(10_000);
    if body.is_empty() {
        form.error("body", "forums-body-required");
    } else if chars > max {
        form.report(
            FieldError::new("body", "forums-body-too-long")
                .arg("max", max)
                .arg("count", chars),
        );
    }
    let alignment = (with_alignment && !category.is_private()).then(|| {
        form.choice("alignment", &model::ALIGNMENTS)
            .or("neutral".to_owned())
    });
    let token = form.text("form_token").value();
    Input {
        body,
        alignment,
        token,
    }
}

/// A form shown again: what was sent, the field errors of `invalid`, and
/// a fresh token when the one sent was unusable.
fn shown_again(req: &Request, form: Form, token: &str, invalid: Option<&Error>) -> Form {
    let mut form = form.sent(req);
    if !model::valid_token(token) {
        form = form.values(json!({ "form_token": model::form_token() }));
    }
    match invalid {
        Some(invalid) => form.errors(invalid),
        None => form,
    }
}

/// The reply form shown again, with a refusal or the field errors.
fn reply_again(
    req: &Request,
    input: &Input,
    invalid: Option<&Error>,
    refusal: Option<&'static str>,
) -> ReplyForm {
    ReplyForm {
        form: shown_again(req, pages::reply_form(), &input.token, invalid),
        refusal,
    }
}

/// A post already stored from the same form.
fn already_posted(author_id: &str, token: &str) -> Result<Option<Post>, Error> {
    db::select("posts")
        .filter(eq("author_id", author_id))
        .filter(eq("form_token", token))
        .first()
}

fn post_url(
    ctx: &Context,
    category: &Category,
    topic_id: i64,
    post_id: i64,
) -> Result<String, Error> {
    // The page of the topic the post is on.
    let before = db::count("posts")
        .filter(eq("topic_id", topic_id))
        .filter(one_of("status", ["published", "hidden"]))
        .filter(lt("id", post_id))
        .get()?;
    let page = before / u64::from(model::POSTS_PER_PAGE) + 1;
    let query = if page > 1 {
        format!("?page={page}")
    } else {
        String::new()
    };
    Ok(access::url_for(
        ctx,
        category,
        &format!("/t/{topic_id}{query}#post-{post_id}"),
    ))
}

/// Whether this user's post waits for a moderator.
fn premoderated(user: &User, settings: &Settings) -> Result<bool, Error> {
    if settings.trusted_after <= 0 || access::exempt_from_premoderation(user) {
        return Ok(false);
    }
    let approved = db::count("posts")
        .filter(eq("author_id", user.id.as_str()))
        .filter(eq("status", "published"))
        .get()?;
    Ok(approved < u64::try_from(settings.trusted_after).unwrap_or(0))
}

/// The users mentioned in a body (never the author).
fn mentioned(body: &str, author_id: &str) -> Result<Vec<String>, Error> {
    let handles = markdown::mentioned_handles(body);
    Ok(members::by_handles(&handles)?
        .into_values()
        .map(|m| m.user_id)
        .filter(|id| id != author_id)
        .collect())
}

/// Why a reply to this topic is refused, with the status to show it with.
fn refusal(topic: &Topic, hidden_member: bool) -> Option<(&'static str, u16)> {
    if hidden_member {
        Some(("forums-you-are-hidden", 403))
    } else if topic.closed {
        Some(("forums-topic-closed", 409))
    } else if topic.locked {
        Some(("forums-topic-locked", 409))
    } else if topic.hidden || topic.status != "open" {
        Some(("forums-topic-not-open", 409))
    } else {
        None
    }
}

/// `reply`, `x-reply`: a reply to a topic, on the topic's own address.
///
/// # Errors
///
/// [`Error::NotFound`]; [`Error::Forbidden`] in a private category of a
/// group the user is not in. Refused replies are shown again, not errors.
pub fn reply(req: &Request) -> Result<Response, Error> {
    let user = req.require_user()?;
    let topic = model::topic(req.param_id("id")?)?;
    let category = model::category(topic.category_id)?;
    access::require_read(req, &category)?;
    if req.area() != access::area_of(&category) || !access::can_see_topic(Some(user), &topic) {
        return Err(Error::not_found(messages::NOT_FOUND));
    }
    store_reply(req, user, &topic, &category, |form, status| {
        pages::topic_page(req, &topic, &category, form, status)
    })
}

/// Checks and stores a reply; `again` shows the form again when refused.
fn store_reply(
    req: &Request,
    user: &User,
    topic: &Topic,
    category: &Category,
    again: impl Fn(ReplyForm, u16) -> Result<Response, Error>,
) -> Result<Response, Error> {
    let settings = model::settings()?;
    let member = members::touch(user)?;
    let mut form = req.validator();
    let input = read_input(&mut form, category, &settings, true);
    let checked = form.finish();
    if let Some((message, status)) = refusal(topic, member.hidden) {
        return again(reply_again(req, &input, None, Some(message)), status);
    }
    if let Err(invalid) = checked {
        return again(reply_again(req, &input, Some(&invalid), None), 422);
    }
    if !model::valid_token(&input.token) {
        return again(
            reply_again(req, &input, None, Some("forums-form-stale")),
            422,
        );
    }
    if let Some(p) = already_posted(&user.id, &input.token)? {
        return Ok(
            redirect(post_url(req.context(), category, p.topic_id, p.id())?)
                .notice("forums-already-posted")
                .into(),
        );
    }
    let status = if premoderated(user, &settings)? {
        "pending"
    } else {
        "published"
    };
    let now = model::now();
    let post = Post {
        id: None,
        topic_id: topic.id(),
        category_id: category.id(),
        title: topic.title.clone(),
        author_id: user.id.clone(),
        author_name: user.name.clone(),
        body: input.body.clone(),
        alignment: input.alignment.clone(),
        status: status.to_owned(),
        hidden_reason: None,
        opening: false,
        form_token: input.token.clone(),
        created_at: now.clone(),
        moderated_at: None,
    };
    let mentioned = mentioned(&post.body, &user.id)?;
    let mut tx = db::transaction();
    let step = tx.insert("posts", &post);
    for m in &mentioned {
        tx.insert_linked(
            "mentions",
            &json!({ "topic_id": topic.id(), "user_id": m, "created_at": now }),
            &[("post_id", step)],
        );
    }
    tx.upsert(
        "follows",
        &notify::follow_row(&user.id, "topic", topic.id()),
        &["user_id", "target", "target_id"],
    );
    if status == "published" {
        tx.update(
            db::update("topics")
                .filter(eq("id", topic.id()))
                .set("last_post_at", now.as_str()),
        );
        let excerpt = markdown::excerpt(&post.body, 200);
        notify::fan_out(
            &mut tx,
            &About {
                topic,
                category,
                topic_step: None,
                post_id: None,
                post_step: Some(step),
                actor_id: &user.id,
                actor_name: &user.name,
                excerpt: &excerpt,
            },
            "reply",
            &notify::followers("topic", topic.id())?,
            &mentioned,
        )?;
    }
    let outcomes = match tx.commit() {
        Ok(o) => o,
        // The same form, sent twice at once: the other one was stored.
        Err(Error::Conflict(_)) => {
            if let Some(p) = already_posted(&user.id, &input.token)? {
                return Ok(
                    redirect(post_url(req.context(), category, p.topic_id, p.id())?)
                        .notice("forums-already-posted")
                        .into(),
                );
            }
            return Err(Error::conflict("forums-try-again"));
        }
        Err(e) => return Err(e),
    };
    let post_id = step.id(&outcomes).unwrap_or_default();
    // A pending reply is announced when a moderator approves it.
    if status == "published"
        && attached::shown_outside(topic, category)
        && let Some(payload) = attached::replied_payload(req.context(), topic, &post, post_id)
    {
        events::publish(attached::REPLIED, &payload)?;
    }
    let notice = if status == "pending" {
        "forums-reply-pending"
    } else {
        "forums-reply-posted"
    };
    Ok(
        redirect(post_url(req.context(), category, topic.id(), post_id)?)
            .notice(notice)
            .into(),
    )
}

/// `new-topic`, `x-new-topic`: the form, and the new topic with its
/// opening post.
///
/// # Errors
///
/// [`Error::NotFound`]; [`Error::Forbidden`] in a private category of a
/// group the user is not in.
pub fn new_topic(req: &Request) -> Result<Response, Error> {
    let user = req.require_user()?;
    let category = model::category_by_slug(req.param("slug").unwrap_or_default())?;
    access::require_read(req, &category)?;
    if req.area() != access::area_of(&category) {
        if req.is_post() {
            return Err(Error::not_found(messages::NOT_FOUND));
        }
        return Ok(
            access::elsewhere(req, &category, &format!("/c/{}/nouveau", category.slug))
                .unwrap_or_else(|| redirect(req.url("/")).into()),
        );
    }
    let settings = model::settings()?;
    let member = members::touch(user)?;
    if !req.is_post() {
        let form = new_topic_form().values(json!({ "form_token": model::form_token() }));
        return topic_form(req, &category, form, None, 200);
    }
    let mut form = req.validator();
    let title = form
        .text("title")
        .required()
        .max_len(model::TITLE_MAX)
        .value();
    let input = read_input(&mut form, &category, &settings, false);
    let checked = form.finish();
    if member.hidden {
        let form = shown_again(req, new_topic_form(), &input.token, None);
        return topic_form(req, &category, form, Some("forums-you-are-hidden"), 403);
    }
    if let Err(invalid) = checked {
        let form = shown_again(req, new_topic_form(), &input.token, Some(&invalid));
        return topic_form(req, &category, form, None, 422);
    }
    if !model::valid_token(&input.token) {
        let form = shown_again(req, new_topic_form(), &input.token, None);
        return topic_form(req, &category, form, Some("forums-form-stale"), 422);
    }
    if let Some(p) = already_posted(&user.id, &input.token)? {
        return Ok(redirect(access::url_for(
            req.context(),
            &category,
            &format!("/t/{}", p.topic_id),
        ))
        .notice("forums-already-posted")
        .into());
    }
    let pending = premoderated(user, &settings)?;
    let now = model::now();
    let topic = Topic {
        id: None,
        category_id: category.id(),
        title: title.clone(),
        subject_key: None,
        author_id: user.id.clone(),
        author_name: user.name.clone(),
        status: if pending { "pending" } else { "open" }.to_owned(),
        hidden: false,
        locked: false,
        pinned: false,
        closed: false,
        conclusion: None,
        concluded_by: None,
        concluded_at: None,
        created_at: now.clone(),
        last_post_at: now.clone(),
    };
    let post = Post {
        id: None,
        topic_id: 0,
        category_id: category.id(),
        title,
        author_id: user.id.clone(),
        author_name: user.name.clone(),
        body: input.body.clone(),
        alignment: None,
        status: if pending { "pending" } else { "published" }.to_owned(),
        hidden_reason: None,
        opening: true,
        form_token: input.token.clone(),
        created_at: now.clone(),
        moderated_at: None,
    };
    let mentioned = mentioned(&post.body, &user.id)?;
    let mut tx = db::transaction();
    let topic_step = tx.insert("topics", &topic);
    // Columns set from an earlier step must not also be in the row.
    let mut post_row = serde_json::to_value(&post)?;
    if let Some(row) = post_row.as_object_mut() {
        row.remove("topic_id");
    }
    let post_step = tx.insert_linked("posts", &post_row, &[("topic_id", topic_step)]);
    for m in &mentioned {
        tx.insert_linked(
            "mentions",
            &json!({ "user_id": m, "created_at": now }),
            &[("post_id", post_step), ("topic_id", topic_step)],
        );
    }
    tx.upsert_linked(
        "follows",
        &json!({ "user_id": user.id, "target": "topic", "created_at": now }),
        &["user_id", "target", "target_id"],
        &[("target_id", topic_step)],
    );
    if !pending {
        let excerpt = markdown::excerpt(&post.body, 200);
        notify::fan_out(
            &mut tx,
            &About {
                topic: &topic,
                category: &category,
                topic_step: Some(topic_step),
                post_id: None,
                post_step: Some(post_step),
                actor_id: &user.id,
                actor_name: &user.name,
                excerpt: &excerpt,
            },
            "new_topic",
            &notify::followers("category", category.id())?,
            &mentioned,
        )?;
    }
    let outcomes = match tx.commit() {
        Ok(o) => o,
        Err(Error::Conflict(_)) => {
            if let Some(p) = already_posted(&user.id, &input.token)? {
                return Ok(redirect(access::url_for(
                    req.context(),
                    &category,
                    &format!("/t/{}", p.topic_id),
                ))
                .notice("forums-already-posted")
                .into());
            }
            return Err(Error::conflict("forums-try-again"));
        }
        Err(e) => return Err(e),
    };
    let topic_id = topic_step.id(&outcomes).unwrap_or_default();
    Ok(redirect(access::url_for(
        req.context(),
        &category,
        &format!("/t/{topic_id}"),
    ))
    .notice(if pending {
        "forums-topic-pending"
    } else {
        "forums-topic-created"
    })
    .into())
}

/// The new topic form's fields, each named by its label in the error
/// summary.
fn new_topic_form() -> Form {
    Form::new("forums")
        .label("title", "forums-field-title")
        .label("body", "forums-field-body")
}

fn topic_form(
    req: &Request,
    category: &Category,
    form: Form,
    refusal: Option<&str>,
    status: u16,
) -> Result<Response, Error> {
    Ok(view("new_topic.html")
        .title(i18n::t_args(
            "forums-new-topic-in",
            &[("category", &category.title)],
        ))
        .crumb(pages::home_title(req), req.url("/"))
        .crumb(&category.title, req.url(&format!("/c/{}", category.slug)))
        .set("category", json!({ "slug": category.slug, "title": category.title, "private": category.is_private() }))
        .set("refusal", refusal)
        .set("max_chars", model::settings()?.max_post_chars)
        .status(status)
        .form(form)
        .into())
}

/// The category of attached discussions, created (public) on first use.
fn attached_category(settings: &Settings) -> Result<Category, Error> {
    let slug = if model::valid_slug(&settings.attached_category) {
        settings.attached_category.clone()
    } else {
        "discussions".to_owned()
    };
    if let Some(c) = db::select("categories")
        .filter(eq("slug", slug.as_str()))
        .first()?
    {
        return Ok(c);
    }
    let category = Category {
        id: None,
        slug: slug.clone(),
        title: i18n::t("forums-attached-category-title"),
        description: Some(i18n::t("forums-attached-category-description")),
        visibility: "public".to_owned(),
        group_slug: None,
        position: 100,
        created_at: Some(model::now()),
    };
    match db::insert("categories", &category) {
        Ok(_) | Err(Error::Conflict(_)) => model::category_by_slug(&slug),
        Err(e) => Err(e),
    }
}

/// `subject-reply` (portal): a reply to the discussion attached to another
/// plugin's content; the first one opens the topic.
///
/// # Errors
///
/// [`Error::NotFound`] for a malformed key.
pub fn subject_reply(req: &Request) -> Result<Response, Error> {
    let user = req.require_user()?;
    let key = req.param("key").unwrap_or_default().to_owned();
    if !model::valid_subject_key(&key) {
        return Err(Error::not_found(messages::NOT_FOUND));
    }
    let existing: Option<Topic> = db::select("topics")
        .filter(eq("subject_key", key.as_str()))
        .first()?;
    let (topic, category) = match existing {
        Some(t) => {
            let c = model::category(t.category_id)?;
            (t, c)
        }
        None => {
            let settings = model::settings()?;
            let category = attached_category(&settings)?;
            let title = pages::subject_title(req, &key);
            // Nothing is created for a reply that would be refused.
            let member = members::touch(user)?;
            let mut form = req.validator();
            let input = read_input(&mut form, &category, &settings, true);
            let checked = form.finish();
            let again = if member.hidden {
                Some((
                    reply_again(req, &input, None, Some("forums-you-are-hidden")),
                    403,
                ))
            } else if let Err(invalid) = checked {
                Some((reply_again(req, &input, Some(&invalid), None), 422))
            } else if !model::valid_token(&input.token) {
                Some((
                    reply_again(req, &input, None, Some("forums-form-stale")),
                    422,
                ))
            } else {
                None
            };
            if let Some((form, status)) = again {
                return pages::subject_page(req, &key, &title, form, status);
            }
            let now = model::now();
            let topic = Topic {
                id: None,
                category_id: category.id(),
                title,
                subject_key: Some(key.clone()),
                author_id: user.id.clone(),
                author_name: user.name.clone(),
                status: "open".to_owned(),
                hidden: false,
                locked: false,
                pinned: false,
                closed: false,
                conclusion: None,
                concluded_by: None,
                concluded_at: None,
                created_at: now.clone(),
                last_post_at: now,
            };
            match db::insert("topics", &topic) {
                // Two first replies at once: the other one opened it.
                Ok(_) | Err(Error::Conflict(_)) => {}
                Err(e) => return Err(e),
            }
            let t: Topic = db::select("topics")
                .filter(eq("subject_key", key.as_str()))
                .one()?;
            (t, category)
        }
    };
    access::require_read(req, &category)?;
    if !access::can_see_topic(Some(user), &topic) {
        return Err(Error::not_found(messages::NOT_FOUND));
    }
    let title = topic.title.clone();
    store_reply(req, user, &topic, &category, |form, status| {
        if access::area_of(&category) == Area::Portal {
            pages::topic_page(req, &topic, &category, form, status)
        } else {
            pages::subject_page(req, &key, &title, form, status)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topic(locked: bool, closed: bool, hidden: bool, status: &str) -> Topic {
        Topic {
            id: Some(1),
            category_id: 1,
            title: "T".into(),
            subject_key: None,
            author_id: "1".into(),
            author_name: "A".into(),
            status: status.into(),
            hidden,
            locked,
            pinned: false,
            closed,
            conclusion: None,
            concluded_by: None,
            concluded_at: None,
            created_at: String::new(),
            last_post_at: String::new(),
        }
    }

    #[test]
    fn replies_are_refused_in_locked_closed_hidden_or_pending_topics() {
        assert_eq!(
            refusal(&topic(true, false, false, "open"), false),
            Some(("forums-topic-locked", 409))
        );
        assert_eq!(
            refusal(&topic(false, true, false, "open"), false),
            Some(("forums-topic-closed", 409))
        );
        assert_eq!(
            refusal(&topic(false, false, true, "open"), false),
            Some(("forums-topic-not-open", 409))
        );
        assert_eq!(
            refusal(&topic(false, false, false, "pending"), false),
            Some(("forums-topic-not-open", 409))
        );
        assert_eq!(refusal(&topic(false, false, false, "open"), false), None);
    }

    #[test]
    fn a_hidden_account_is_refused_first() {
        assert_eq!(
            refusal(&topic(true, true, false, "open"), true),
            Some(("forums-you-are-hidden", 403))
        );
    }
}
