//! For the team: preliminary results with every free text, exports of the
//! answers, and moderation of free texts before any is shown publicly.

use estive_sdk::prelude::*;
use serde::de::DeserializeOwned;

use crate::exports;
use crate::model::{self, APPROVED, Answer, AnswerSet, PENDING, REJECTED};
use crate::portal::{drawn_results, summary};
use crate::results::Texts;

/// `GET /{id}/results` (extranet, `polls.results`): results at any time.
pub fn results(req: &Request) -> Result<Response, Error> {
    let poll = model::load_poll(req.param_id("id")?)?;
    let now = model::now_local();
    let questions = model::load_questions(poll.id())?;
    let results = drawn_results(&poll, &questions, Texts::All, req.locale())?;
    Ok(view("staff_results.html")
        .title(i18n::t_args("results-title", &[("title", &poll.title)]))
        .crumb(i18n::t("manage-title"), req.url("/"))
        .crumb(poll.title.clone(), req.url(&format!("/{}", poll.id())))
        .set("poll", summary(&poll, &now))
        .set("results", results)
        .set("public", false)
        .set("can_moderate", req.has_permission("polls.moderate"))
        .into())
}

/// Every row of a poll in a table, past the host's 10,000 rows a query.
fn all_rows<T: DeserializeOwned>(
    table: &str,
    poll_id: i64,
    id_of: fn(&T) -> i64,
) -> Result<Vec<T>, Error> {
    const PAGE: u32 = 10_000;
    let mut out: Vec<T> = Vec::new();
    let mut after = 0i64;
    loop {
        let page: Vec<T> = db::select(table)
            .filter(eq("poll_id", poll_id))
            .filter(gt("id", after))
            .order_asc("id")
            .limit(PAGE)
            .fetch()?;
        let full = page.len() == PAGE as usize;
        if let Some(last) = page.last() {
            after = id_of(last);
        }
        out.extend(page);
        if !full {
            return Ok(out);
        }
    }
}

/// `GET /{id}/export.csv` (`polls.results`): one row per answer set.
pub fn export_csv(req: &Request) -> Result<Response, Error> {
    let poll = model::load_poll(req.param_id("id")?)?;
    let questions = model::load_questions(poll.id())?;
    let sets: Vec<AnswerSet> = all_rows("answer_sets", poll.id(), |s: &AnswerSet| {
        s.id.unwrap_or_default()
    })?;
    let answers: Vec<Answer> =
        all_rows("answers", poll.id(), |a: &Answer| a.id.unwrap_or_default())?;
    events::audit(
        "poll.exported",
        &format!("poll:{}", poll.id()),
        &json!({ "format": "csv" }),
    )?;
    Ok(exports::answers_csv(&poll, &questions, &sets, &answers)
        .into_download(&format!("consultation-{}-reponses.csv", poll.id()))
        .into())
}

/// `GET /{id}/export.json` (`polls.results`): the results with every free
/// text and its moderation state.
pub fn export_json(req: &Request) -> Result<Response, Error> {
    let poll = model::load_poll(req.param_id("id")?)?;
    let questions = model::load_questions(poll.id())?;
    let results = crate::results::load(poll.id(), &questions, Texts::All)?;
    let body = exports::results_json(&poll, &results, req.site(), req.mount("portal"));
    Ok(download(
        "application/json",
        format!("consultation-{}-resultats.json", poll.id()),
        serde_json::to_vec_pretty(&body)?,
    )
    .into())
}

/// `GET|POST /{id}/moderation` (`polls.moderate`): free texts by state;
/// ticked ones approved or rejected at once.
pub fn moderation(req: &Request) -> Result<Response, Error> {
    let poll = model::load_poll(req.param_id("id")?)?;
    if req.is_post() {
        let decision = match req.form("decision") {
            Some(APPROVED) => APPROVED,
            Some(REJECTED) => REJECTED,
            Some(PENDING) => PENDING,
            _ => return Err(Error::invalid("decision", "field-not-a-choice")),
        };
        let ids: Vec<i64> = req
            .form_all("ids")
            .iter()
            .filter_map(|v| v.parse().ok())
            .collect();
        if ids.is_empty() {
            return Err(Error::invalid("ids", "moderation-nothing-ticked"));
        }
        let mut tx = db::transaction();
        tx.update(
            db::update("answers")
                .filter(eq("poll_id", poll.id()))
                .filter(not_null("body"))
                .filter(one_of("id", ids.iter().copied()))
                .set("moderation", decision),
        );
        // Approved texts show on the public results.
        tx.update(model::touch_results(poll.id()));
        tx.audit(
            "answers.moderated",
            &format!("poll:{}", poll.id()),
            &json!({ "decision": decision, "answers": ids }),
        );
        tx.commit()?;
        let state = req.form("state").unwrap_or(PENDING);
        return Ok(redirect(req.url(&format!(
            "/{}/moderation?state={}",
            poll.id(),
            estive_sdk::url::encode(state)
        )))
        .notice("moderation-saved")
        .into());
    }
    let state = match req.query("state") {
        Some(APPROVED) => APPROVED,
        Some(REJECTED) => REJECTED,
        _ => PENDING,
    };
    let questions = model::load_questions(poll.id())?;
    let page = Page::from_request(req, 50);
    let filter = || {
        [
            eq("poll_id", poll.id()),
            not_null("body"),
            eq("moderation", state),
        ]
    };
    let total = db::count("answers").filters(filter()).get()?;
    let items: Vec<Answer> = db::select("answers")
        .filters(filter())
        .order_asc("id")
        .page(page)
        .fetch()?;
    let items: Vec<serde_json::Value> = items
        .iter()
        .map(|a| {
            let question = questions.iter().find(|q| q.id == a.question_id);
            json!({
                "id": a.id,
                "body": a.body,
                "question": question.map(|q| q.title.as_str()),
                "is_other": a.option_id.is_none() && question.is_some_and(|q| !q.kind.is_text()),
            })
        })
        .collect();
    let counts = [PENDING, APPROVED, REJECTED]
        .iter()
        .map(|s| {
            let n = db::count("answers")
                .filters([
                    eq("poll_id", poll.id()),
                    not_null("body"),
                    eq("moderation", *s),
                ])
                .get()?;
            Ok(json!({ "state": s, "count": n, "current": *s == state }))
        })
        .collect::<Result<Vec<_>, Error>>()?;
    Ok(view("moderation.html")
        .title(i18n::t_args("moderation-title", &[("title", &poll.title)]))
        .crumb(i18n::t("manage-title"), req.url("/"))
        .crumb(poll.title.clone(), req.url(&format!("/{}", poll.id())))
        .set("poll", summary(&poll, &model::now_local()))
        .set("state", state)
        .set("states", counts)
        .set("items", items)
        .set("pager", page.pager(total, req))
        .into())
}
