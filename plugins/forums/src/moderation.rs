//! Moderation: reports, automatic hiding, the queue, actions on posts,
//! topics and members, and the conclusion of a debate.
//!
//! Every moderation action writes the site's audit log in the same
//! transaction as the change (`audit` step), so the log and the data agree.
//! A moderator acts only in the categories they may read: private
//! categories stay private to their group's members, moderators included.

use std::collections::BTreeMap;

use estive_sdk::Area;
use estive_sdk::form::Form;
use estive_sdk::prelude::*;
use serde::Deserialize;
use serde_json::Value;

use crate::access;
use crate::attached;
use crate::markdown;
use crate::members;
use crate::model::{self, Category, Post, Report, Topic};
use crate::notify::{self, About};
use crate::pages;

/// Posts waiting for a decision (pending or reported) in these categories.
///
/// # Errors
///
/// A storage failure.
pub fn queue_size(category_ids: &[i64]) -> Result<u64, Error> {
    if category_ids.is_empty() {
        return Ok(0);
    }
    let pending = db::count("posts")
        .filter(eq("status", "pending"))
        .filter(one_of("category_id", category_ids.iter().copied()))
        .get()?;
    Ok(pending + reported_posts(category_ids)?.len() as u64)
}

/// Open reports grouped by post, in the given categories.
fn reported_posts(category_ids: &[i64]) -> Result<Vec<(Post, Vec<Report>)>, Error> {
    let reports: Vec<Report> = db::select("reports")
        .filter(eq("status", "open"))
        .order_asc("id")
        .limit(2000)
        .fetch()?;
    let mut by_post: BTreeMap<i64, Vec<Report>> = BTreeMap::new();
    for r in reports {
        by_post.entry(r.post_id).or_default().push(r);
    }
    if by_post.is_empty() {
        return Ok(Vec::new());
    }
    let posts: Vec<Post> = db::select("posts")
        .filter(one_of("id", by_post.keys().copied()))
        .filter(one_of("category_id", category_ids.iter().copied()))
        .fetch()?;
    Ok(posts
        .into_iter()
        .map(|p| {
            let reports = by_post.remove(&p.id()).unwrap_or_default();
            (p, reports)
        })
        .collect())
}

fn post_item(
    ctx: &Context,
    p: &Post,
    categories: &BTreeMap<i64, &Category>,
    reports: &[Report],
) -> Value {
    let mut reasons: BTreeMap<&str, usize> = BTreeMap::new();
    for r in reports {
        *reasons.entry(r.reason.as_str()).or_default() += 1;
    }
    let url = categories
        .get(&p.category_id)
        .map(|c| access::url_for(ctx, c, &format!("/t/{}#post-{}", p.topic_id, p.id())));
    json!({
        "id": p.id(),
        "title": p.title,
        "author_id": p.author_id,
        "author_name": p.author_name,
        "created_at": p.created_at,
        "status": p.status,
        "hidden_reason": p.hidden_reason,
        "opening": p.opening,
        "html": markdown::render(&p.body, &|_| None),
        "url": url,
        "reports": reports.len(),
        "reasons": reasons.into_iter().map(|(reason, n)| json!({ "reason": reason, "count": n })).collect::<Vec<_>>(),
        "notes": reports.iter().filter_map(|r| r.note.clone()).collect::<Vec<_>>(),
    })
}

/// `moderation` (extranet): posts waiting for approval, reported posts,
/// hidden posts and hidden members.
///
/// # Errors
///
/// A storage failure.
pub fn queue(req: &Request) -> Result<Response, Error> {
    let user = req.require_permission("forums.moderate")?;
    members::touch(user)?;
    let categories = model::categories()?;
    let ids = access::readable_ids(Some(user), &categories, Area::Extranet);
    let by_id: BTreeMap<i64, &Category> = categories.iter().map(|c| (c.id(), c)).collect();
    let ctx = req.context();
    let (pending, hidden) = if ids.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        let pending: Vec<Post> = db::select("posts")
            .filter(eq("status", "pending"))
            .filter(one_of("category_id", ids.iter().copied()))
            .order_asc("created_at")
            .limit(100)
            .fetch()?;
        let hidden: Vec<Post> = db::select("posts")
            .filter(eq("status", "hidden"))
            .filter(one_of("category_id", ids.iter().copied()))
            .order_desc("moderated_at")
            .limit(30)
            .fetch()?;
        (pending, hidden)
    };
    let reported = reported_posts(&ids)?;
    let hidden_members: Vec<model::Member> = db::select("members")
        .filter(eq("hidden", true))
        .order_asc("name")
        .limit(200)
        .fetch()?;
    Ok(view("moderation.html")
        .title(i18n::t("forums-moderation-title"))
        .crumb(pages::home_title(req), req.url("/"))
        .set("pending", pending.iter().map(|p| post_item(ctx, p, &by_id, &[])).collect::<Vec<_>>())
        .set(
            "reported",
            reported
                .iter()
                .filter(|(p, _)| p.status != "rejected")
                .map(|(p, r)| post_item(ctx, p, &by_id, r))
                .collect::<Vec<_>>(),
        )
        .set("hidden", hidden.iter().map(|p| post_item(ctx, p, &by_id, &[])).collect::<Vec<_>>())
        .set(
            "hidden_members",
            hidden_members
                .iter()
                .map(|m| json!({ "user_id": m.user_id, "name": m.name, "handle": m.handle, "hidden_at": m.hidden_at }))
                .collect::<Vec<_>>(),
        )
        .set("settings", json!({ "auto_hide_reports": model::settings()?.auto_hide_reports, "trusted_after": model::settings()?.trusted_after }))
        .into())
}

/// Where to go after an action: the `next` field when it is a path on this
/// site, the queue otherwise.
fn back(req: &Request) -> String {
    match req.form("next") {
        Some(n)
            if n.starts_with('/') && !n.starts_with("//") && !n.contains(['\\', '\r', '\n']) =>
        {
            n.to_owned()
        }
        _ => req.url("/moderation"),
    }
}

/// Loads a post, its topic and category for a moderator, refusing those of
/// private categories the moderator cannot read.
fn moderated_post(req: &Request) -> Result<(Post, Topic, Category), Error> {
    let post = model::post(req.param_id("id")?)?;
    let topic = model::topic(post.topic_id)?;
    let category = model::category(topic.category_id)?;
    access::require_read(req, &category)?;
    Ok((post, topic, category))
}

/// Notices and the event of a post that becomes visible after approval.
fn announce_approved(
    tx: &mut db::Transaction,
    req: &Request,
    post: &Post,
    topic: &Topic,
    category: &Category,
) -> Result<(), Error> {
    let excerpt = markdown::excerpt(&post.body, 200);
    #[derive(Deserialize)]
    struct M {
        user_id: String,
    }
    let mentioned: Vec<String> = db::select("mentions")
        .filter(eq("post_id", post.id()))
        .fetch::<M>()?
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    let (kind, followers) = if post.opening {
        ("new_topic", notify::followers("category", category.id())?)
    } else {
        ("reply", notify::followers("topic", topic.id())?)
    };
    notify::fan_out(
        tx,
        &About {
            topic,
            category,
            topic_step: None,
            post_id: Some(post.id()),
            post_step: None,
            actor_id: &post.author_id,
            actor_name: &post.author_name,
            excerpt: &excerpt,
        },
        kind,
        &followers,
        &mentioned,
    )?;
    tx.insert(
        "notices",
        &notify::single(&post.author_id, "approved", topic, post.id(), &excerpt),
    );
    if attached::shown_outside(topic, category) {
        attached::announce(tx, req.context(), topic, post, true);
    }
    Ok(())
}

/// `moderate-post` (extranet): `approve`, `reject`, `hide`, `restore`,
/// `dismiss` (the reports) or `hide-author` (the post, and its author may
/// no longer post).
///
/// # Errors
///
/// [`Error::NotFound`]; [`Error::Forbidden`] in a private category of a
/// group the moderator is not in; [`Error::Conflict`] for an action that
/// does not fit the post's state.
pub fn moderate_post(req: &Request) -> Result<Response, Error> {
    let user = req.require_permission("forums.moderate")?;
    let (mut post, topic, category) = moderated_post(req)?;
    let action = req.form("action").unwrap_or_default();
    let now = model::now();
    let post_id = post.id();
    let subject = format!("post:{post_id}");
    let details = json!({ "topic_id": topic.id(), "author_id": post.author_id, "by": user.name });
    let close_reports = || {
        db::update("reports")
            .filter(eq("post_id", post_id))
            .filter(eq("status", "open"))
            .set("status", "closed")
    };
    let set_status = |status: &str, reason: Option<&str>| {
        db::update("posts")
            .filter(eq("id", post_id))
            .set("status", status)
            .set("hidden_reason", reason)
            .set("moderated_at", now.as_str())
    };
    // Whether other plugins were told of the post's replies (a pending or
    // rejected post never was).
    let shown = attached::shown_outside(&topic, &category);
    let mut tx = db::transaction();
    let notice = match action {
        "approve" if post.status == "pending" => {
            tx.update(set_status("published", None));
            if post.opening && topic.status == "pending" {
                tx.update(
                    db::update("topics")
                        .filter(eq("id", topic.id()))
                        .set("status", "open")
                        .set("last_post_at", now.as_str()),
                );
            } else {
                tx.update(
                    db::update("topics")
                        .filter(eq("id", topic.id()))
                        .set("last_post_at", now.as_str()),
                );
            }
            post.status = "published".into();
            let mut open_topic = topic.clone();
            open_topic.status = "open".into();
            announce_approved(&mut tx, req, &post, &open_topic, &category)?;
            tx.audit("post.approved", &subject, &details);
            "forums-post-approved"
        }
        "reject" if post.status == "pending" => {
            tx.update(set_status("rejected", None));
            if post.opening && topic.status == "pending" {
                tx.update(
                    db::update("topics")
                        .filter(eq("id", topic.id()))
                        .set("status", "rejected"),
                );
            }
            tx.audit("post.rejected", &subject, &details);
            "forums-post-rejected"
        }
        "hide" if post.status == "published" => {
            tx.update(set_status("hidden", Some("moderator")));
            tx.update(close_reports());
            if shown {
                attached::announce(&mut tx, req.context(), &topic, &post, false);
            }
            tx.audit("post.hidden", &subject, &details);
            "forums-post-hidden"
        }
        "restore" if post.status == "hidden" => {
            tx.update(set_status("published", None));
            tx.update(close_reports());
            if shown {
                attached::announce(&mut tx, req.context(), &topic, &post, true);
            }
            tx.audit("post.restored", &subject, &details);
            "forums-post-restored"
        }
        "dismiss" => {
            tx.update(close_reports());
            tx.audit("reports.dismissed", &subject, &details);
            "forums-reports-dismissed"
        }
        "hide-author" => {
            if post.author_id == user.id {
                return Err(Error::conflict("forums-cannot-hide-self"));
            }
            if post.status == "published" || post.status == "pending" {
                let status = if post.status == "pending" {
                    "rejected"
                } else {
                    "hidden"
                };
                tx.update(set_status(status, Some("moderator")));
                // A pending post was never announced.
                if post.status == "published" && shown {
                    attached::announce(&mut tx, req.context(), &topic, &post, false);
                }
            }
            tx.update(close_reports());
            tx.update(
                db::update("members")
                    .filter(eq("user_id", post.author_id.as_str()))
                    .set("hidden", true)
                    .set("hidden_at", now.as_str()),
            );
            tx.audit("post.hidden", &subject, &details);
            tx.audit(
                "member.hidden",
                &format!("user:{}", post.author_id),
                &json!({ "name": post.author_name, "by": user.name }),
            );
            "forums-member-hidden"
        }
        _ => return Err(Error::conflict("forums-action-not-possible")),
    };
    tx.commit()?;
    Ok(redirect(back(req)).notice(notice).into())
}

/// `moderate-topic` (extranet): `lock`, `unlock`, `pin`, `unpin`, `hide`,
/// `unhide`, `reopen` (a concluded debate) or `move` (to `category_id`).
///
/// # Errors
///
/// [`Error::NotFound`]; [`Error::Forbidden`] in (or towards) a private
/// category of a group the moderator is not in; [`Error::Invalid`] for a
/// move without a target.
pub fn moderate_topic(req: &Request) -> Result<Response, Error> {
    let user = req.require_permission("forums.moderate")?;
    let topic = model::topic(req.param_id("id")?)?;
    let category = model::category(topic.category_id)?;
    access::require_read(req, &category)?;
    let action = req.form("action").unwrap_or_default();
    let subject = format!("topic:{}", topic.id());
    let update = || db::update("topics").filter(eq("id", topic.id()));
    let mut tx = db::transaction();
    let (change, audit, notice) = match action {
        "lock" => (
            update().set("locked", true),
            "topic.locked",
            "forums-topic-locked-done",
        ),
        "unlock" => (
            update().set("locked", false),
            "topic.unlocked",
            "forums-topic-unlocked-done",
        ),
        "pin" => (
            update().set("pinned", true),
            "topic.pinned",
            "forums-topic-pinned-done",
        ),
        "unpin" => (
            update().set("pinned", false),
            "topic.unpinned",
            "forums-topic-unpinned-done",
        ),
        "hide" => (
            update().set("hidden", true),
            "topic.hidden",
            "forums-topic-hidden-done",
        ),
        "unhide" => (
            update().set("hidden", false),
            "topic.unhidden",
            "forums-topic-unhidden-done",
        ),
        "reopen" if topic.closed => (
            update().set("closed", false),
            "topic.reopened",
            "forums-topic-reopened-done",
        ),
        "move" => {
            let target_id = req
                .form("category_id")
                .and_then(|v| v.parse::<i64>().ok())
                .ok_or_else(|| Error::invalid("category_id", messages::FIELD_REQUIRED))?;
            let target = model::category(target_id)?;
            access::require_read(req, &target)?;
            // Into a private category, the replies leave the portal.
            attached::topic_changed(
                &mut tx,
                req.context(),
                (&topic, &category),
                (&topic, &target),
            )?;
            tx.update(
                db::update("posts")
                    .filter(eq("topic_id", topic.id()))
                    .set("category_id", target.id()),
            );
            tx.update(
                db::update("notices")
                    .filter(eq("topic_id", topic.id()))
                    .set("category_id", target.id()),
            );
            tx.audit(
                "topic.moved",
                &subject,
                &json!({ "from": category.slug, "to": target.slug, "by": user.name }),
            );
            tx.update(update().set("category_id", target.id()));
            tx.commit()?;
            let url = access::url_for(req.context(), &target, &format!("/t/{}", topic.id()));
            return Ok(redirect(url).notice("forums-topic-moved-done").into());
        }
        _ => return Err(Error::conflict("forums-action-not-possible")),
    };
    let mut after = topic.clone();
    match action {
        "hide" => after.hidden = true,
        "unhide" => after.hidden = false,
        _ => {}
    }
    attached::topic_changed(
        &mut tx,
        req.context(),
        (&topic, &category),
        (&after, &category),
    )?;
    tx.update(change);
    tx.audit(
        audit,
        &subject,
        &json!({ "title": topic.title, "by": user.name }),
    );
    tx.commit()?;
    let next = if action == "hide" {
        access::url_for(req.context(), &category, &format!("/c/{}", category.slug))
    } else {
        back(req)
    };
    Ok(redirect(next).notice(notice).into())
}

/// `moderate-member` (extranet): `hide` (the member may no longer post)
/// or `unhide`, by user id.
///
/// # Errors
///
/// [`Error::NotFound`] for someone who never took part.
pub fn moderate_member(req: &Request) -> Result<Response, Error> {
    let user = req.require_permission("forums.moderate")?;
    let id = req.param("id").unwrap_or_default();
    let member = members::find(id)?.ok_or_else(|| Error::not_found(messages::NOT_FOUND))?;
    let hide = match req.form("action") {
        Some("hide") => true,
        Some("unhide") => false,
        _ => return Err(Error::conflict("forums-action-not-possible")),
    };
    if hide && member.user_id == user.id {
        return Err(Error::conflict("forums-cannot-hide-self"));
    }
    let mut tx = db::transaction();
    tx.update(
        db::update("members")
            .filter(eq("user_id", member.user_id.as_str()))
            .set("hidden", hide)
            .set("hidden_at", if hide { Some(model::now()) } else { None }),
    );
    tx.audit(
        if hide {
            "member.hidden"
        } else {
            "member.unhidden"
        },
        &format!("user:{}", member.user_id),
        &json!({ "name": member.name, "by": user.name }),
    );
    tx.commit()?;
    Ok(redirect(back(req))
        .notice(if hide {
            "forums-member-hidden"
        } else {
            "forums-member-unhidden"
        })
        .into())
}

/// `report`, `x-report`: the report form, and the report. After as many
/// open reports as the `auto_hide_reports` setting, the post is hidden
/// until a moderator decides (and the audit log says so).
///
/// # Errors
///
/// [`Error::NotFound`]; [`Error::Forbidden`] in a private category of a
/// group the user is not in; [`Error::Conflict`] for one's own post.
pub fn report(req: &Request) -> Result<Response, Error> {
    let user = req.require_user()?;
    let (post, topic, category) = moderated_post(req)?;
    if req.area() != access::area_of(&category)
        || !access::can_see_topic(Some(user), &topic)
        || post.status != "published"
    {
        return Err(Error::not_found(messages::NOT_FOUND));
    }
    if post.author_id == user.id {
        return Err(Error::conflict("forums-report-own"));
    }
    let topic_url = access::url_for(
        req.context(),
        &category,
        &format!("/t/{}#post-{}", topic.id(), post.id()),
    );
    let fields = Form::new("forums")
        .label("reason", "forums-field-reason")
        .label("note", "forums-field-note");
    let show = |form: Form| -> Result<Response, Error> {
        Ok(view("report.html")
            .title(i18n::t("forums-report-title"))
            .crumb(pages::home_title(req), req.url("/"))
            .crumb(&topic.title, &topic_url)
            .set("post", json!({ "id": post.id(), "author_name": post.author_name, "excerpt": markdown::excerpt(&post.body, 300) }))
            .set("topic_url", &topic_url)
            .form(form)
            .into())
    };
    if !req.is_post() {
        return show(fields);
    }
    let mut form = req.validator();
    let reason = form.choice("reason", &model::REPORT_REASONS).value();
    let note = form.text("note").max_len(500).optional();
    if let Err(e) = form.finish() {
        return show(fields.sent(req).errors(&e));
    }
    let row = Report {
        id: None,
        post_id: post.id(),
        topic_id: topic.id(),
        reporter_id: user.id.clone(),
        reason,
        note,
        status: "open".into(),
        created_at: model::now(),
    };
    match db::insert("reports", &row) {
        Ok(_) => {}
        Err(Error::Conflict(_)) => {
            return Ok(redirect(topic_url).notice("forums-already-reported").into());
        }
        Err(e) => return Err(e),
    }
    let settings = model::settings()?;
    if settings.auto_hide_reports > 0 {
        let open = db::count("reports")
            .filter(eq("post_id", post.id()))
            .filter(eq("status", "open"))
            .get()?;
        if open >= u64::try_from(settings.auto_hide_reports).unwrap_or(u64::MAX) {
            let mut tx = db::transaction();
            let hidden = tx.update(
                db::update("posts")
                    .filter(eq("id", post.id()))
                    .filter(eq("status", "published"))
                    .set("status", "hidden")
                    .set("hidden_reason", "reports")
                    .set("moderated_at", model::now()),
            );
            if attached::shown_outside(&topic, &category) {
                attached::announce(&mut tx, req.context(), &topic, &post, false);
            }
            tx.audit(
                "post.auto_hidden",
                &format!("post:{}", post.id()),
                &json!({ "reports": open, "threshold": settings.auto_hide_reports, "topic_id": topic.id() }),
            );
            let outcomes = tx.commit()?;
            if hidden.affected(&outcomes) == Some(1) {
                log::info!("post {} hidden after {open} reports", post.id());
            }
        }
    }
    Ok(redirect(topic_url).notice("forums-report-thanks").into())
}

/// `conclude` (extranet, `forums.conclude`): an élu closes a debate with a
/// conclusion; followers are told.
///
/// # Errors
///
/// [`Error::NotFound`]; [`Error::Forbidden`] in a private category of a
/// group the user is not in; [`Error::Conflict`] for a debate already
/// concluded.
pub fn conclude(req: &Request) -> Result<Response, Error> {
    let user = req.require_permission("forums.conclude")?;
    let topic = model::topic(req.param_id("id")?)?;
    let category = model::category(topic.category_id)?;
    access::require_read(req, &category)?;
    if !access::can_see_topic(Some(user), &topic) {
        return Err(Error::not_found(messages::NOT_FOUND));
    }
    if topic.closed {
        return Err(Error::conflict("forums-already-concluded"));
    }
    let topic_url = access::url_for(req.context(), &category, &format!("/t/{}", topic.id()));
    let max = usize::try_from(model::settings()?.max_post_chars).unwrap_or(10_000);
    let fields = Form::new("forums").label("conclusion", "forums-field-conclusion");
    let show = |form: Form| -> Result<Response, Error> {
        Ok(view("conclude.html")
            .title(i18n::t_args(
                "forums-conclude-title",
                &[("title", &topic.title)],
            ))
            .crumb(pages::home_title(req), req.url("/"))
            .set("topic", json!({ "id": topic.id(), "title": topic.title }))
            .set("topic_url", &topic_url)
            .form(form)
            .into())
    };
    if !req.is_post() {
        return show(fields);
    }
    let mut form = req.validator();
    let conclusion = form.text("conclusion").required().max_len(max).value();
    if let Err(e) = form.finish() {
        return show(fields.sent(req).errors(&e));
    }
    let now = model::now();
    let mut tx = db::transaction();
    tx.update(
        db::update("topics")
            .filter(eq("id", topic.id()))
            .filter(eq("closed", false))
            .set("closed", true)
            .set("conclusion", conclusion.as_str())
            .set("concluded_by", user.name.as_str())
            .set("concluded_at", now.as_str()),
    );
    let excerpt = markdown::excerpt(&conclusion, 200);
    notify::fan_out(
        &mut tx,
        &About {
            topic: &topic,
            category: &category,
            topic_step: None,
            post_id: None,
            post_step: None,
            actor_id: &user.id,
            actor_name: &user.name,
            excerpt: &excerpt,
        },
        "concluded",
        &notify::followers("topic", topic.id())?,
        &[],
    )?;
    tx.audit(
        "topic.concluded",
        &format!("topic:{}", topic.id()),
        &json!({ "title": topic.title, "by": user.name }),
    );
    if topic.subject_key.is_some() {
        tx.publish(
            "concluded",
            &json!({ "subject_key": topic.subject_key, "topic_id": topic.id(), "conclusion": excerpt, "by": user.name, "at": now }),
        );
    }
    tx.commit()?;
    Ok(redirect(topic_url).notice("forums-concluded").into())
}
