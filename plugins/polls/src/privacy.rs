//! RGPD: what the plugin holds about a person, and erasing it.
//!
//! Answers to polls that are not anonymous are linked to the account
//! (`u:<id>`); they are exported, and erased by unlinking them (the answers
//! stay counted, the name goes). Answers to anonymous polls are never
//! linked to an account in a page or a file, so they are not exported; on
//! erasure their keyed link is cut too, so that even the person can no
//! longer find them.

use estive_sdk::prelude::*;
use serde_json::Value;

use crate::anonymity;
use crate::model::{self, Answer, AnswerSet, Poll};

/// Everything held about a user.
///
/// # Errors
///
/// A storage failure.
pub fn export(_ctx: &Context, user_id: &str) -> Result<Value, Error> {
    let sets: Vec<AnswerSet> = db::select("answer_sets")
        .filter(eq("respondent", format!("u:{user_id}")))
        .limit(10_000)
        .fetch()?;
    let mut answers_out = Vec::new();
    for set in &sets {
        let poll = model::load_poll(set.poll_id)?;
        let questions = model::load_questions(set.poll_id)?;
        let rows: Vec<Answer> = db::select("answers")
            .filter(eq("answer_set_id", set.id.unwrap_or_default()))
            .fetch()?;
        let matrix = crate::exports::answer_matrix(
            &poll,
            &questions,
            std::slice::from_ref(set),
            &rows,
            "other",
        );
        let cells = matrix.into_iter().next().unwrap_or_default();
        // Cells: number, day, time, name, then one per question.
        let by_question: Vec<Value> = questions
            .iter()
            .zip(cells.iter().skip(4))
            .map(|(q, a)| json!({ "question": q.title, "answer": a }))
            .collect();
        answers_out.push(json!({
            "poll": poll.title,
            "submitted_at": set.submitted_at,
            "updated_at": set.updated_at,
            "answers": by_question,
        }));
    }
    let created: Vec<Poll> = db::select("polls")
        .filter(eq("created_by", user_id))
        .limit(10_000)
        .fetch()?;
    Ok(json!({
        "answers": answers_out,
        "polls_created": created.iter().map(|p| json!({ "title": p.title, "created_at": p.created_at })).collect::<Vec<_>>(),
        "note": "Answers to anonymous consultations are not linked to accounts and are not included.",
    }))
}

/// Unlinks every answer set of a user from the account, and forgets who
/// created polls.
///
/// # Errors
///
/// A storage failure.
pub fn erase(ctx: &Context, user_id: &str) -> Result<(), Error> {
    let mut keys: Vec<(i64, String)> = Vec::new();
    let linked: Vec<AnswerSet> = db::select("answer_sets")
        .filter(eq("respondent", format!("u:{user_id}")))
        .limit(10_000)
        .fetch()?;
    keys.extend(linked.into_iter().map(|s| (s.poll_id, s.respondent)));
    let anonymous: Vec<Poll> = db::select("polls")
        .filter(eq("anonymous", true))
        .filter(ne("audience", "anyone"))
        .limit(10_000)
        .fetch()?;
    if !anonymous.is_empty() {
        let secret = anonymity::secret(&ctx.site().slug)?;
        for p in &anonymous {
            keys.push((p.id(), anonymity::account_key(&secret, p.id(), user_id)));
        }
    }
    let mut tx = db::transaction();
    let mut touched: Vec<i64> = Vec::new();
    for (poll_id, key) in &keys {
        let Some(set) = crate::answers::existing(*poll_id, key)? else {
            continue;
        };
        let id = set.id.unwrap_or_default();
        tx.update(
            db::update("answer_sets")
                .filter(eq("id", id))
                .set("respondent", format!("x:{id}"))
                .set("respondent_name", None::<String>),
        );
        if !touched.contains(poll_id) {
            touched.push(*poll_id);
        }
    }
    // The counts do not change (the answers stay), but whatever the
    // results show of these answer sets must not outlive the erasure.
    if !touched.is_empty() {
        tx.update(
            db::update("polls")
                .filter(one_of("id", touched.iter().copied()))
                .set("results_stamp", model::fresh_stamp()),
        );
    }
    tx.update(
        db::update("polls")
            .filter(eq("created_by", user_id))
            .set("created_by", None::<String>),
    );
    tx.commit()?;
    Ok(())
}
