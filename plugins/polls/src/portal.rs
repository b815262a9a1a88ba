//! The public side: the list of consultations, answering one, and its
//! results (pages and open data).

use estive_sdk::form::Form;
use estive_sdk::prelude::*;
use serde_json::Value;

use crate::answers::{self, Barrier};
use crate::model::{self, Phase, Poll, Question, Status};
use crate::results::{self, Labels, Span, Texts};
use crate::{anonymity, debate, exports, settings};

/// What every poll card and page needs to know about a poll.
pub fn summary(poll: &Poll, now: &str) -> Value {
    let phase = poll.phase(now);
    json!({
        "id": poll.id(),
        "title": poll.title,
        "description": poll.description,
        "excerpt": poll.description.as_deref().map(excerpt),
        "themes": poll.themes,
        "status": poll.status,
        "phase": phase.as_str(),
        "opens_at": poll.opens_at,
        "closes_at": poll.closes_at,
        // When answers really stopped (none while open), and whether that
        // was before the planned `closes_at`: pages show the real date.
        "closed_at": poll.ended_at(now),
        "closed_early": poll.closed_early(),
        "audience": poll.audience,
        "group_slug": poll.group_slug,
        "anonymous": poll.is_anonymous(),
        "allow_change": poll.allow_change,
        "results": poll.results,
        "results_public": poll.results_public(now),
    })
}

/// The start of a text, cut at a word, for cards.
pub fn excerpt(text: &str) -> String {
    const MAX: usize = 180;
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= MAX {
        return text;
    }
    let cut: String = text.chars().take(MAX).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

/// `GET /`: open, upcoming and closed consultations.
pub fn list(_req: &Request) -> Result<Response, Error> {
    let now = model::now_local();
    let polls: Vec<Poll> = db::select("polls")
        .filter(one_of("status", ["published", "closed"]))
        .order_desc("closes_at")
        .limit(500)
        .fetch()?;
    let mut open = Vec::new();
    let mut upcoming = Vec::new();
    let mut closed = Vec::new();
    for p in &polls {
        let s = summary(p, &now);
        match p.phase(&now) {
            Phase::Open => open.push(s),
            Phase::Upcoming => upcoming.push(s),
            Phase::Closed => closed.push(s),
            Phase::Draft => {}
        }
    }
    // Soonest closing first for open ones; closed ones by when they really
    // closed, latest first (a poll closed early moves down).
    open.reverse();
    upcoming.reverse();
    closed.sort_by(|a, b| b["closed_at"].as_str().cmp(&a["closed_at"].as_str()));
    Ok(view("list.html")
        .title(i18n::t("polls-title"))
        .set("open", open)
        .set("upcoming", upcoming)
        .set("closed", closed)
        .into())
}

/// A poll as the public may see it: drafts only to those who manage them.
fn visible_poll(req: &Request) -> Result<Poll, Error> {
    let poll = model::load_poll(req.param_id("id")?)?;
    if poll.status() == Status::Draft && !req.has_permission("polls.manage") {
        return Err(Error::not_found(messages::NOT_FOUND));
    }
    Ok(poll)
}

fn barrier_key(b: &Barrier) -> &'static str {
    match b {
        Barrier::SignIn => "answer-sign-in",
        Barrier::NotInGroup => "answer-not-in-group",
        Barrier::NoBrowser => "answer-cookies-needed",
    }
}

fn secret_for(poll: &Poll, req: &Request) -> Result<String, Error> {
    if poll.audience().needs_account() && poll.is_anonymous() {
        anonymity::secret(&req.client().visitor)
    } else {
        Ok(String::new())
    }
}

/// The poll page, with the answer form: empty, or filled with the answer
/// the person gave when they may change it, or as sent with its errors
/// (`invalid`).
fn poll_page(
    req: &Request,
    poll: &Poll,
    questions: &[Question],
    invalid: Option<&Error>,
) -> Result<View, Error> {
    let now = model::now_local();
    let phase = poll.phase(&now);
    let secret = secret_for(poll, req)?;
    let who = answers::respondent(poll, req, &secret);
    let existing = match &who {
        Ok(r) => answers::existing(poll.id(), &r.key)?,
        Err(_) => None,
    };
    // Each question names its field in the error summary.
    let mut form = questions.iter().fold(Form::new("polls"), |form, q| {
        form.label(&format!("q{}", q.id), &q.title)
    });
    match (invalid, &existing) {
        (Some(e), _) => form = form.sent(req).errors(e),
        (None, Some(set)) if poll.allow_change => {
            let stored: Vec<model::Answer> = db::select("answers")
                .filter(eq("answer_set_id", set.id.unwrap_or_default()))
                .fetch()?;
            // As a browser sends them: one value as text, several as a list.
            let values: serde_json::Map<String, Value> = answers::values_of(questions, &stored)
                .into_iter()
                .map(|(name, mut all)| {
                    let value = if all.len() == 1 {
                        Value::String(all.remove(0))
                    } else {
                        json!(all)
                    };
                    (name, value)
                })
                .collect();
            form = form.values(values);
        }
        (None, _) => {}
    }
    let answered = existing.is_some();
    let can_answer = phase == Phase::Open && who.is_ok() && (!answered || poll.allow_change);
    let login_url = format!(
        "/login?next={}",
        estive_sdk::url::encode(&req.url(&format!("/{}", poll.id())))
    );
    Ok(view("show.html")
        .title(poll.title.clone())
        .crumb(i18n::t("polls-title"), req.url("/"))
        .set("poll", summary(poll, &now))
        .set("questions", questions)
        .set("can_answer", can_answer)
        .set(
            "preview",
            phase == Phase::Draft && req.has_permission("polls.manage"),
        )
        .set("answered", answered)
        .set(
            "answered_at",
            existing.as_ref().map(|s| s.submitted_at.clone()),
        )
        .set("barrier", who.as_ref().err().map(barrier_key))
        .set("login_url", login_url)
        .set("is_manager", req.has_permission("polls.manage"))
        // Shown only where forums is enabled: the template asks the host
        // for the discussion's address (`plugin_url`).
        .set("debate_path", debate::subject_path(poll.id(), &poll.title))
        .set("debate_replies", debate::latest(poll.id())?)
        .set("max_short", model::SHORT_TEXT_MAX)
        .set("max_long", model::LONG_TEXT_MAX)
        .set("max_other", model::OTHER_TEXT_MAX)
        .form(form))
}

/// `GET /{id}`: the poll, its questions and the form to answer.
pub fn show(req: &Request) -> Result<Response, Error> {
    let poll = visible_poll(req)?;
    let questions = model::load_questions(poll.id())?;
    Ok(poll_page(req, &poll, &questions, None)?.into())
}

/// `POST /{id}`: store an answer set (or replace one, when the poll allows
/// changes), all answers in one transaction.
pub fn answer(req: &Request) -> Result<Response, Error> {
    let poll = visible_poll(req).map_err(|e| match e {
        // A draft does not exist for the public: say it takes no answers.
        Error::NotFound(_) => Error::not_found(answers::NOT_OPEN),
        other => other,
    })?;
    let now = model::now_local();
    match poll.phase(&now) {
        Phase::Open => {}
        Phase::Closed => return Err(Error::conflict("answer-poll-closed")),
        Phase::Upcoming => return Err(Error::conflict("answer-poll-upcoming")),
        Phase::Draft => return Err(Error::conflict(answers::NOT_OPEN)),
    }
    let secret = secret_for(&poll, req)?;
    let who = answers::respondent(&poll, req, &secret).map_err(|b| match b {
        Barrier::SignIn => Error::forbidden("answer-sign-in"),
        other => Error::forbidden(barrier_key(&other)),
    })?;
    // Without changes allowed, the unique key alone refuses a second
    // answer: one read fewer on the busiest path.
    let existing = if poll.allow_change {
        answers::existing(poll.id(), &who.key)?
    } else {
        None
    };
    let questions = model::load_questions(poll.id())?;
    let given = match answers::read(&questions, req.form_pairs()) {
        Ok(given) => given,
        Err(errors) => {
            let invalid = Error::Invalid(errors);
            return Ok(poll_page(req, &poll, &questions, Some(&invalid))?.into());
        }
    };
    if given.is_empty() {
        return Err(Error::invalid("answers", "answer-empty"));
    }
    let rows = answers::rows(poll.id(), &given);
    let notice = match existing {
        Some(set) => {
            answers::store_change(&poll, &set, &rows)?;
            "answer-changed"
        }
        None => {
            let limit = if poll.audience().needs_account() {
                None
            } else {
                let per_hour = settings::address_limit();
                (per_hour > 0).then(|| (req.client().address.clone(), per_hour))
            };
            answers::store_new(&poll, &who, &rows, limit)?;
            "answer-recorded"
        }
    };
    Ok(redirect(req.url(&format!("/{}", poll.id())))
        .notice(notice)
        .into())
}

/// The results a page may show, charts drawn.
pub fn drawn_results(
    poll: &Poll,
    questions: &[Question],
    texts: Texts,
    locale: &str,
) -> Result<results::Results, Error> {
    let mut r = results::load(poll.id(), questions, texts)?;
    let span = Span::of(poll, &model::now_local());
    results::draw(&mut r, &Labels::translated(locale), span);
    Ok(r)
}

/// `GET /{id}/resultats`: public results, when the poll's setting allows.
/// They come from the results cache (fresh by construction, see
/// [`results::public`]); only the charts are drawn for each view.
pub fn results(req: &Request) -> Result<Response, Error> {
    let poll = visible_poll(req)?;
    let now = model::now_local();
    let public = poll.results_public(&now);
    let results = if public {
        let mut r = results::public(&poll)?;
        results::draw(
            &mut r,
            &Labels::translated(req.locale()),
            Span::of(&poll, &now),
        );
        Some(r)
    } else {
        None
    };
    let staff_url = req
        .has_permission("polls.results")
        .then(|| {
            req.context()
                .url_in("extranet", &format!("/{}/results", poll.id()))
        })
        .flatten();
    Ok(view("results.html")
        .title(i18n::t_args("results-title", &[("title", &poll.title)]))
        .crumb(i18n::t("polls-title"), req.url("/"))
        .crumb(poll.title.clone(), req.url(&format!("/{}", poll.id())))
        .set("poll", summary(&poll, &now))
        .set("results", results)
        .set("staff_url", staff_url)
        .set("public", true)
        .into())
}

/// A poll whose results are public, with those results (from the cache).
fn open_data_poll(req: &Request) -> Result<(Poll, results::Results), Error> {
    let poll = visible_poll(req)?;
    if !poll.results_public(&model::now_local()) {
        return Err(Error::not_found("results-not-public"));
    }
    let r = results::public(&poll)?;
    Ok((poll, r))
}

/// `GET /{id}/resultats.csv`: public results as open data (the CSV has no
/// free texts, so the public results serve as they are).
pub fn open_csv(req: &Request) -> Result<Response, Error> {
    let (poll, r) = open_data_poll(req)?;
    Ok(exports::results_csv(&poll, &r)
        .into_download(&format!("consultation-{}-resultats.csv", poll.id()))
        .into())
}

/// `GET /{id}/resultats.json`: public results as open data, with the
/// approved free texts.
pub fn open_json(req: &Request) -> Result<Response, Error> {
    let (poll, r) = open_data_poll(req)?;
    let body = exports::results_json(&poll, &r, req.site(), req.mount("portal"));
    Ok(download(
        "application/json",
        format!("consultation-{}-resultats.json", poll.id()),
        serde_json::to_vec_pretty(&body)?,
    )
    .into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_cuts_long_text_at_a_word_and_keeps_short_text() {
        assert_eq!(excerpt("Une  piscine\nneuve"), "Une piscine neuve");
        let long = "mot ".repeat(100);
        let e = excerpt(&long);
        assert!(e.ends_with("mot…"));
        assert!(e.chars().count() <= 181);
    }
}
