//! The extranet side of polls: the list with participation, creating and
//! editing a poll (or a quick one-question poll), publishing, closing and
//! deleting.

use estive_sdk::form::{Form, Validator};
use estive_sdk::prelude::*;
use serde_json::Value;

use crate::model::{self, Audience, Kind, Poll, Status, Visibility, options};
use crate::portal::summary;
use crate::{closing, settings};

fn permissions(req: &Request) -> Value {
    json!({
        "manage": req.has_permission("polls.manage"),
        "results": req.has_permission("polls.results"),
        "moderate": req.has_permission("polls.moderate"),
    })
}

/// `GET /` (extranet): every poll with its status and participation.
pub fn list(req: &Request) -> Result<Response, Error> {
    let now = model::now_local();
    let polls: Vec<Poll> = db::select("polls").order_desc("id").limit(1000).fetch()?;
    #[derive(serde::Deserialize)]
    struct Count {
        poll_id: i64,
        n: i64,
    }
    let counts: Vec<Count> = db::aggregate("answer_sets")
        .group_by("poll_id")
        .count("n")
        .fetch()?;
    let pending: Vec<Count> = db::aggregate("answers")
        .filter(eq("moderation", model::PENDING))
        .group_by("poll_id")
        .count("n")
        .fetch()?;
    let rows: Vec<Value> = polls
        .iter()
        .map(|p| {
            let mut s = summary(p, &now);
            s["respondents"] = json!(
                counts
                    .iter()
                    .find(|c| c.poll_id == p.id())
                    .map_or(0, |c| c.n)
            );
            s["pending"] = json!(
                pending
                    .iter()
                    .find(|c| c.poll_id == p.id())
                    .map_or(0, |c| c.n)
            );
            s
        })
        .collect();
    Ok(view("manage.html")
        .title(i18n::t("manage-title"))
        .set("polls", rows)
        .set("can", permissions(req))
        .into())
}

/// The fields of the poll form, read and checked.
struct PollForm {
    title: String,
    description: Option<String>,
    themes: Vec<String>,
    opens_at: String,
    closes_at: String,
    audience: String,
    group_slug: Option<String>,
    anonymous: bool,
    allow_change: bool,
    results: String,
}

/// Themes ticked among those offered, plus new ones typed, separated by
/// commas or semicolons; each once, in order.
pub fn read_themes(ticked: &[&str], typed: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let typed = typed.split([',', ';']);
    for t in ticked.iter().copied().chain(typed) {
        let t: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty()
            && t.chars().count() <= 80
            && !out.iter().any(|o| o.eq_ignore_ascii_case(&t))
        {
            out.push(t);
        }
    }
    out.truncate(12);
    out
}

fn read_poll_form(req: &Request, frozen: Option<&Poll>) -> Result<PollForm, Error> {
    let mut f: Validator = req.validator();
    let title = f.text("title").required().max_len(200).value();
    let description = f.text("description").max_len(5000).optional();
    let opens = f.datetime("opens_at").value();
    let closes = f.datetime("closes_at").value();
    let mut audience = f.choice("audience", &Audience::ALL).or("anyone".into());
    let mut group_slug = f.text("group_slug").max_len(64).optional();
    let mut anonymous = f.checkbox("anonymous").value();
    let allow_change = f.checkbox("allow_change").value();
    let results = f
        .choice("results", &Visibility::ALL)
        .or(settings::results_default());
    if !f.has_error("closes_at") && !f.has_error("opens_at") && closes <= opens {
        f.error("closes_at", "poll-closes-before-opening");
    }
    if let Some(poll) = frozen {
        // Who may answer and how answers are keyed cannot change once
        // answers are stored under those rules.
        audience = poll.audience.clone();
        group_slug = poll.group_slug.clone();
        anonymous = poll.anonymous;
    } else if audience == "group" && group_slug.is_none() {
        f.error("group_slug", "poll-group-required");
    }
    if audience != "group" {
        group_slug = None;
    }
    let themes = read_themes(
        &req.form_all("themes"),
        req.form("new_themes").unwrap_or(""),
    );
    f.finish()?;
    Ok(PollForm {
        title,
        description,
        themes,
        opens_at: opens.to_string()[..16].to_owned(),
        closes_at: closes.to_string()[..16].to_owned(),
        audience,
        group_slug,
        anonymous,
        allow_change,
        results,
    })
}

/// The poll form: the poll's values (or a new one's defaults), or what
/// was sent with its errors. Fields that are frozen are disabled, so not
/// sent: they show the poll's values.
fn form_page(
    req: &Request,
    poll: Option<&Poll>,
    invalid: Option<&Error>,
    frozen: bool,
) -> Result<View, Error> {
    let mut form = Form::new("polls")
        .label("title", "field-title")
        .label("description", "field-description")
        .label("opens_at", "field-opens-at")
        .label("closes_at", "field-closes-at")
        .label("audience", "field-audience")
        .label("group_slug", "field-group")
        .label("results", "field-results");
    let chosen: Vec<String> = match (invalid, poll) {
        (Some(e), _) => {
            if let (true, Some(p)) = (frozen, poll) {
                form = form.values(json!({
                    "audience": p.audience,
                    "group_slug": p.group_slug,
                    "anonymous": p.anonymous,
                }));
            }
            form = form.sent(req).errors(e);
            req.form_all("themes")
                .iter()
                .map(|t| (*t).to_owned())
                .collect()
        }
        (None, Some(p)) => {
            form = form.values(values_of_poll(p));
            p.themes.clone()
        }
        (None, None) => {
            let now = clock::now().local_datetime();
            form = form.values(json!({
                "opens_at": now.to_string()[..16].to_owned(),
                "closes_at": format!("{}T18:00", now.date().add_days(30)),
                "audience": "anyone",
                "anonymous": true,
                "results": settings::results_default(),
            }));
            Vec::new()
        }
    };
    // The site's themes, then those of the poll it does not offer.
    let mut themes = settings::themes()?;
    for t in chosen {
        if !themes.contains(&t) {
            themes.push(t);
        }
    }
    let themes: Vec<Value> = themes
        .iter()
        .map(|t| json!({ "value": t, "label": t }))
        .collect();
    let title = match poll {
        Some(p) => i18n::t_args("poll-edit-title", &[("title", &p.title)]),
        None => i18n::t("poll-new-title"),
    };
    let mut page = view("poll_form.html")
        .title(title)
        .crumb(i18n::t("manage-title"), req.url("/"));
    if let Some(p) = poll {
        page = page.crumb(p.title.clone(), req.url(&format!("/{}", p.id())));
    }
    Ok(page
        .set("poll", poll.map(|p| summary(p, &model::now_local())))
        .set("theme_options", themes)
        .set("audience_options", options(&Audience::ALL, "audience-"))
        .set(
            "results_options",
            options(&Visibility::ALL, "results-visibility-"),
        )
        .set("frozen", frozen)
        .form(form))
}

fn values_of_poll(p: &Poll) -> Value {
    json!({
        "title": p.title,
        "description": p.description,
        "themes": p.themes,
        "opens_at": p.opens_at,
        "closes_at": p.closes_at,
        "audience": p.audience,
        "group_slug": p.group_slug,
        "anonymous": p.anonymous,
        "allow_change": p.allow_change,
        "results": p.results,
    })
}

/// `GET|POST /new`: a new poll, saved as a draft.
pub fn new(req: &Request) -> Result<Response, Error> {
    let user = req.require_permission("polls.manage")?;
    if !req.is_post() {
        return Ok(form_page(req, None, None, false)?.into());
    }
    let form = match read_poll_form(req, None) {
        Ok(f) => f,
        Err(e @ Error::Invalid(_)) => return Ok(form_page(req, None, Some(&e), false)?.into()),
        Err(e) => return Err(e),
    };
    let now = model::now_local();
    let poll = Poll {
        id: None,
        title: form.title,
        description: form.description,
        themes: form.themes,
        status: Status::Draft.as_str().into(),
        opens_at: form.opens_at,
        closes_at: form.closes_at,
        audience: form.audience,
        group_slug: form.group_slug,
        anonymous: form.anonymous,
        allow_change: form.allow_change,
        results: form.results,
        revision: 0,
        created_by: Some(user.id.clone()),
        created_at: Some(now),
        published_at: None,
        closed_at: None,
        announced: false,
        results_stamp: Some(model::fresh_stamp()),
    };
    let mut tx = db::transaction();
    let step = tx.insert("polls", &poll);
    tx.audit("poll.created", "poll", &json!({ "title": poll.title }));
    let outcomes = tx.commit()?;
    let id = step.id(&outcomes).unwrap_or_default();
    Ok(redirect(req.url(&format!("/{id}")))
        .notice("poll-created")
        .into())
}

/// `GET|POST /{id}/edit`.
pub fn edit(req: &Request) -> Result<Response, Error> {
    req.require_permission("polls.manage")?;
    let poll = model::load_poll(req.param_id("id")?)?;
    if poll.status() == Status::Closed {
        return Err(Error::conflict("poll-closed-no-edit"));
    }
    let frozen = model::respondents(poll.id())? > 0;
    if !req.is_post() {
        return Ok(form_page(req, Some(&poll), None, frozen)?.into());
    }
    let form = match read_poll_form(req, frozen.then_some(&poll)) {
        Ok(f) => f,
        Err(e @ Error::Invalid(_)) => {
            return Ok(form_page(req, Some(&poll), Some(&e), frozen)?.into());
        }
        Err(e) => return Err(e),
    };
    let mut tx = db::transaction();
    tx.update(
        db::update("polls")
            .filter(eq("id", poll.id()))
            .set("title", form.title.as_str())
            .set("description", form.description)
            .set_json("themes", &form.themes)
            .set("opens_at", form.opens_at)
            .set("closes_at", form.closes_at)
            .set("audience", form.audience)
            .set("group_slug", form.group_slug)
            .set("anonymous", form.anonymous)
            .set("allow_change", form.allow_change)
            .set("results", form.results),
    );
    tx.update(model::touch_results(poll.id()));
    tx.audit(
        "poll.edited",
        &format!("poll:{}", poll.id()),
        &json!({ "title": form.title }),
    );
    tx.commit()?;
    Ok(redirect(req.url(&format!("/{}", poll.id())))
        .notice("poll-saved")
        .into())
}

/// What stops a poll from being published: question-level problems.
pub fn publish_problems(questions: &[model::Question]) -> Vec<&'static str> {
    let mut problems = Vec::new();
    if questions.is_empty() {
        problems.push("publish-no-question");
    }
    if questions
        .iter()
        .any(|q| q.kind.has_options() && q.options.len() < 2)
    {
        problems.push("publish-too-few-options");
    }
    problems
}

/// `GET /{id}` (extranet): the poll's page for its team.
pub fn detail(req: &Request) -> Result<Response, Error> {
    let poll = model::load_poll(req.param_id("id")?)?;
    let now = model::now_local();
    let questions = model::load_questions(poll.id())?;
    let respondents = model::respondents(poll.id())?;
    let first: Option<model::AnswerSet> = db::select("answer_sets")
        .filter(eq("poll_id", poll.id()))
        .order_asc("id")
        .first()?;
    let pending = db::count("answers")
        .filter(eq("poll_id", poll.id()))
        .filter(eq("moderation", model::PENDING))
        .get()?;
    let problems = publish_problems(&questions);
    let public_url = req.context().url_in("portal", &format!("/{}", poll.id()));
    Ok(view("detail.html")
        .title(poll.title.clone())
        .crumb(i18n::t("manage-title"), req.url("/"))
        .set("poll", summary(&poll, &now))
        .set("questions", &questions)
        .set("respondents", respondents)
        .set("first_answer_at", first.map(|s| s.submitted_at))
        .set("frozen", respondents > 0)
        .set("pending", pending)
        .set("problems", problems)
        .set("public_url", public_url)
        .set("can", permissions(req))
        .set("kinds", Kind::ALL)
        .into())
}

/// `POST /{id}/publish`: a draft goes public (it opens at its opening
/// time).
pub fn publish(req: &Request) -> Result<Response, Error> {
    req.require_permission("polls.manage")?;
    let poll = model::load_poll(req.param_id("id")?)?;
    if poll.status() != Status::Draft {
        return Err(Error::conflict("poll-not-draft"));
    }
    let now = model::now_local();
    if poll.closes_at.as_str() <= now.as_str() {
        return Err(Error::conflict("publish-closing-passed"));
    }
    let questions = model::load_questions(poll.id())?;
    if let Some(problem) = publish_problems(&questions).first() {
        return Err(Error::conflict(*problem));
    }
    let mut tx = db::transaction();
    tx.expect(
        "polls",
        [eq("id", poll.id()), eq("status", "draft")],
        db::Measure::count_rows(),
        Some(1.0),
        None,
        "poll-not-draft",
    );
    tx.update(
        db::update("polls")
            .filter(eq("id", poll.id()))
            .set("status", "published")
            .set("published_at", now.as_str()),
    );
    tx.update(model::touch_results(poll.id()));
    tx.audit(
        "poll.published",
        &format!("poll:{}", poll.id()),
        &json!({ "title": poll.title }),
    );
    tx.commit()?;
    Ok(redirect(req.url(&format!("/{}", poll.id())))
        .notice("poll-published")
        .into())
}

/// `POST /{id}/close`: closes a published poll now and announces its
/// results.
pub fn close(req: &Request) -> Result<Response, Error> {
    let user = req.require_permission("polls.manage")?;
    let poll = model::load_poll(req.param_id("id")?)?;
    if poll.status() != Status::Published {
        return Err(Error::conflict("poll-not-published"));
    }
    closing::close(&poll, &user.id)?;
    closing::announce(poll.id(), req.site(), req.mount("portal"))?;
    Ok(redirect(req.url(&format!("/{}", poll.id())))
        .notice("poll-closed")
        .into())
}

/// `POST /{id}/delete`: removes a poll that nobody answered.
pub fn delete(req: &Request) -> Result<Response, Error> {
    req.require_permission("polls.manage")?;
    let poll = model::load_poll(req.param_id("id")?)?;
    let mut tx = db::transaction();
    tx.expect_none(
        "answer_sets",
        [eq("poll_id", poll.id())],
        "poll-has-answers",
    );
    tx.delete(db::delete("options").filter(eq("poll_id", poll.id())));
    tx.delete(db::delete("questions").filter(eq("poll_id", poll.id())));
    tx.delete(db::delete("polls").filter(eq("id", poll.id())));
    tx.delete(db::delete("results_cache").filter(eq("poll_id", poll.id())));
    tx.delete(db::delete("debate_replies").filter(eq("poll_id", poll.id())));
    tx.audit(
        "poll.deleted",
        &format!("poll:{}", poll.id()),
        &json!({ "title": poll.title }),
    );
    tx.commit()?;
    Ok(redirect(req.url("/")).notice("poll-deleted").into())
}

/// `GET|POST /quick`: a one-question poll, published at once.
pub fn quick(req: &Request) -> Result<Response, Error> {
    let user = req.require_permission("polls.manage")?;
    let page = |form: Form| -> View {
        view("quick.html")
            .title(i18n::t("quick-title"))
            .crumb(i18n::t("manage-title"), req.url("/"))
            .set("kind_options", options(&["single", "multiple"], "kind-"))
            .set(
                "results_options",
                options(&Visibility::ALL, "results-visibility-"),
            )
            .form(
                form.label("title", "quick-question")
                    .label("options", "field-options")
                    .label("kind", "field-kind")
                    .label("closes_at", "field-closes-at")
                    .label("results", "field-results"),
            )
    };
    if !req.is_post() {
        let now = clock::now().local_datetime();
        let values = json!({
            "kind": "single",
            "closes_at": format!("{}T18:00", now.date().add_days(7)),
            "results": "live",
        });
        return Ok(page(Form::new("polls").values(values)).into());
    }
    let mut f = req.validator();
    let title = f.text("title").required().max_len(200).value();
    let kind = f
        .choice("kind", &["single", "multiple"])
        .or("single".into());
    let closes = f.datetime("closes_at").value();
    let results = f.choice("results", &Visibility::ALL).or("live".into());
    let options = crate::questions::read_option_lines(&mut f, "options");
    let now = model::now_local();
    if !f.has_error("closes_at") && closes.to_string()[..16] <= *now.as_str() {
        f.error("closes_at", "poll-closes-in-the-past");
    }
    if let Err(e) = f.finish() {
        return Ok(page(Form::new("polls").sent(req).errors(&e)).into());
    }
    let mut tx = db::transaction();
    let poll = tx.insert(
        "polls",
        &Poll {
            id: None,
            title: title.clone(),
            description: None,
            themes: vec![],
            status: Status::Published.as_str().into(),
            opens_at: now.clone(),
            closes_at: closes.to_string()[..16].to_owned(),
            audience: "anyone".into(),
            group_slug: None,
            anonymous: true,
            allow_change: false,
            results,
            revision: 0,
            created_by: Some(user.id.clone()),
            created_at: Some(now.clone()),
            published_at: Some(now),
            closed_at: None,
            announced: false,
            results_stamp: Some(model::fresh_stamp()),
        },
    );
    let question = tx.insert_linked(
        "questions",
        &json!({ "position": 1, "kind": kind, "title": title, "required": true, "allow_other": false }),
        &[("poll_id", poll)],
    );
    for (i, label) in options.iter().enumerate() {
        tx.insert_linked(
            "options",
            &json!({ "position": i as i64 + 1, "label": label }),
            &[("poll_id", poll), ("question_id", question)],
        );
    }
    tx.audit(
        "poll.published",
        "poll",
        &json!({ "title": title, "quick": true }),
    );
    let outcomes = tx.commit()?;
    let id = poll.id(&outcomes).unwrap_or_default();
    Ok(redirect(req.url(&format!("/{id}")))
        .notice("poll-published")
        .into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn themes_are_ticked_then_typed_each_once_and_tidied() {
        let themes = read_themes(
            &["Biodiversité", "Mobilité"],
            "  mobilité ; Énergie,  ,Eau   potable",
        );
        assert_eq!(
            themes,
            ["Biodiversité", "Mobilité", "Énergie", "Eau potable"]
        );
        let long = "x".repeat(81);
        assert!(read_themes(&[&long], "").is_empty());
    }

    #[test]
    fn a_poll_without_questions_or_with_a_lone_option_cannot_be_published() {
        assert_eq!(publish_problems(&[]), ["publish-no-question"]);
        let q = model::Question {
            id: 1,
            position: 1,
            kind: Kind::Single,
            title: "Q".into(),
            help: None,
            required: true,
            min_choices: None,
            max_choices: None,
            scale_max: 5,
            scale_low: None,
            scale_high: None,
            allow_other: false,
            options: vec![model::Choice {
                id: 1,
                label: "Seule".into(),
            }],
        };
        assert_eq!(
            publish_problems(std::slice::from_ref(&q)),
            ["publish-too-few-options"]
        );
        let text = model::Question {
            kind: Kind::LongText,
            options: vec![],
            ..q
        };
        assert!(publish_problems(&[text]).is_empty());
    }
}
