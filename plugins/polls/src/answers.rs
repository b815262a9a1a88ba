//! Reading a filled-in poll form and storing it: one answer set per person,
//! written with all its answers in a single transaction.
//!
//! Form fields, for question `7`: `q7` (the option id, `other`, a score or a
//! text; repeated for a multiple choice), `q7-other` (the text of the
//! "other" answer) and, for a ranking, `q7-r<option id>` (the rank given to
//! that option, or empty).

use std::collections::BTreeMap;

use estive_sdk::prelude::*;

use crate::anonymity;
use crate::model::{self, Answer, AnswerSet, Kind, PENDING, Poll, Question};

/// What a person answered to one question.
#[derive(Clone, Debug, PartialEq)]
pub enum Given {
    /// A single choice: an option, or the "other" text.
    Single {
        option: Option<i64>,
        other: Option<String>,
    },
    /// Several choices, and maybe an "other" text.
    Multiple {
        options: Vec<i64>,
        other: Option<String>,
    },
    /// Options in the order of preference, first preferred first.
    Ranking(Vec<i64>),
    /// A score on the scale.
    Scale(i64),
    /// A free text.
    Text(String),
}

fn field(q: &Question) -> String {
    format!("q{}", q.id)
}

/// Why an answer to one question was refused: a catalogue key about the
/// question's field (`q7`), with the numbers the message needs added by
/// the caller.
fn error(q: &Question, key: &str) -> FieldError {
    FieldError::new(field(q), key)
}

fn values<'f>(form: &'f [(String, String)], name: &str) -> Vec<&'f str> {
    let mut out: Vec<&str> = Vec::new();
    for (_, v) in form.iter().filter(|(k, _)| k == name) {
        let v = v.trim();
        if !v.is_empty() && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

fn text_of(form: &[(String, String)], name: &str) -> Option<String> {
    form.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// Reads the answer to one question; `Ok(None)` when it was left blank and
/// may be.
fn read_one(q: &Question, form: &[(String, String)]) -> Result<Option<Given>, FieldError> {
    let name = field(q);
    let option_ids: Vec<i64> = q.options.iter().map(|o| o.id).collect();
    let other_text = || text_of(form, &format!("{name}-other"));
    let check_other = |text: Option<String>| -> Result<String, FieldError> {
        let text = text.ok_or_else(|| error(q, "answer-other-missing"))?;
        if text.chars().count() > model::OTHER_TEXT_MAX {
            return Err(error(q, "answer-too-long").arg("max", model::OTHER_TEXT_MAX));
        }
        Ok(text)
    };
    let given = match q.kind {
        Kind::Single => match values(form, &name).first().copied() {
            None => None,
            Some("other") if q.allow_other => Some(Given::Single {
                option: None,
                other: Some(check_other(other_text())?),
            }),
            Some(v) => match v.parse::<i64>() {
                Ok(id) if option_ids.contains(&id) => Some(Given::Single {
                    option: Some(id),
                    other: None,
                }),
                _ => return Err(error(q, "answer-not-a-choice")),
            },
        },
        Kind::Multiple => {
            let chosen = values(form, &name);
            if chosen.is_empty() {
                None
            } else {
                let mut options = Vec::new();
                let mut other = None;
                for v in chosen {
                    match v.parse::<i64>() {
                        Ok(id) if option_ids.contains(&id) => options.push(id),
                        _ if v == "other" && q.allow_other => {
                            other = Some(check_other(other_text())?);
                        }
                        _ => return Err(error(q, "answer-not-a-choice")),
                    }
                }
                let (min, max) = q.choice_bounds();
                let n = options.len() + usize::from(other.is_some());
                if n < min {
                    return Err(error(q, "answer-too-few").arg("min", min));
                }
                if n > max {
                    return Err(error(q, "answer-too-many").arg("max", max));
                }
                Some(Given::Multiple { options, other })
            }
        }
        Kind::Ranking => {
            let n = q.options.len();
            let mut ranked: Vec<(usize, i64)> = Vec::new();
            // A rank sent for an option of another question or poll is a
            // tampered form, not a blank.
            let prefix = format!("{name}-r");
            for (k, v) in form {
                let Some(rest) = k.strip_prefix(&prefix) else {
                    continue;
                };
                let v = v.trim();
                if v.is_empty() {
                    continue;
                }
                let id = rest
                    .parse::<i64>()
                    .ok()
                    .filter(|id| option_ids.contains(id))
                    .ok_or_else(|| error(q, "answer-not-a-choice"))?;
                let rank = v
                    .parse::<usize>()
                    .ok()
                    .filter(|r| (1..=n).contains(r))
                    .ok_or_else(|| error(q, "answer-rank-invalid").arg("min", 1).arg("max", n))?;
                if ranked.iter().any(|(_, o)| *o == id) {
                    return Err(error(q, "answer-not-a-choice"));
                }
                ranked.push((rank, id));
            }
            if ranked.is_empty() {
                None
            } else {
                ranked.sort_unstable();
                for (i, (rank, _)) in ranked.iter().enumerate() {
                    if i > 0 && ranked[i - 1].0 == *rank {
                        return Err(error(q, "answer-rank-duplicate"));
                    }
                    if *rank != i + 1 {
                        return Err(error(q, "answer-rank-gap"));
                    }
                }
                let (min, max) = q.choice_bounds();
                if ranked.len() < min {
                    return Err(error(q, "answer-rank-too-few").arg("min", min));
                }
                if ranked.len() > max {
                    return Err(error(q, "answer-rank-too-many").arg("max", max));
                }
                Some(Given::Ranking(
                    ranked.into_iter().map(|(_, id)| id).collect(),
                ))
            }
        }
        Kind::Scale => match values(form, &name).first() {
            None => None,
            Some(v) => match v.parse::<i64>() {
                Ok(s) if (1..=q.scale_max).contains(&s) => Some(Given::Scale(s)),
                _ => {
                    return Err(error(q, "answer-scale-range")
                        .arg("min", 1)
                        .arg("max", q.scale_max));
                }
            },
        },
        Kind::ShortText | Kind::LongText => match text_of(form, &name) {
            None => None,
            Some(text) => {
                let max = q.max_length();
                if text.chars().count() > max {
                    return Err(error(q, "answer-too-long").arg("max", max));
                }
                Some(Given::Text(text))
            }
        },
    };
    if given.is_none() && q.required {
        return Err(error(q, "answer-required"));
    }
    Ok(given)
}

/// Reads every question's answer from the form; all the errors at once.
///
/// # Errors
///
/// One [`FieldError`] per question answered wrongly, in question order.
pub fn read(
    questions: &[Question],
    form: &[(String, String)],
) -> Result<Vec<(i64, Given)>, Vec<FieldError>> {
    let mut given = Vec::new();
    let mut errors = Vec::new();
    for q in questions {
        match read_one(q, form) {
            Ok(Some(g)) => given.push((q.id, g)),
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(given)
    } else {
        Err(errors)
    }
}

/// The rows of `answers` for what was given (answer set id left empty: the
/// transaction links it).
pub fn rows(poll_id: i64, given: &[(i64, Given)]) -> Vec<Answer> {
    let base = |question_id: i64| Answer {
        poll_id,
        question_id,
        ..Answer::default()
    };
    let other = |question_id: i64, text: &str| Answer {
        body: Some(text.to_owned()),
        moderation: Some(PENDING.to_owned()),
        ..base(question_id)
    };
    let mut out = Vec::new();
    for (qid, g) in given {
        let qid = *qid;
        match g {
            Given::Single {
                option,
                other: text,
            } => {
                if let Some(id) = option {
                    out.push(Answer {
                        option_id: Some(*id),
                        ..base(qid)
                    });
                }
                if let Some(text) = text {
                    out.push(other(qid, text));
                }
            }
            Given::Multiple {
                options,
                other: text,
            } => {
                for id in options {
                    out.push(Answer {
                        option_id: Some(*id),
                        ..base(qid)
                    });
                }
                if let Some(text) = text {
                    out.push(other(qid, text));
                }
            }
            Given::Ranking(order) => {
                for (i, id) in order.iter().enumerate() {
                    out.push(Answer {
                        option_id: Some(*id),
                        rank: Some(i as i64 + 1),
                        ..base(qid)
                    });
                }
            }
            Given::Scale(s) => out.push(Answer {
                score: Some(*s),
                ..base(qid)
            }),
            Given::Text(text) => out.push(other(qid, text)),
        }
    }
    out
}

/// The form values that show stored answers, so that a person changing
/// their answer starts from it.
pub fn values_of(questions: &[Question], answers: &[Answer]) -> BTreeMap<String, Vec<String>> {
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for a in answers {
        let Some(q) = questions.iter().find(|q| q.id == a.question_id) else {
            continue;
        };
        let name = format!("q{}", q.id);
        match q.kind {
            Kind::Single | Kind::Multiple => {
                if let Some(id) = a.option_id {
                    map.entry(name).or_default().push(id.to_string());
                } else if let Some(body) = &a.body {
                    map.entry(name.clone()).or_default().push("other".into());
                    map.entry(format!("{name}-other"))
                        .or_default()
                        .push(body.clone());
                }
            }
            Kind::Ranking => {
                if let (Some(id), Some(rank)) = (a.option_id, a.rank) {
                    map.entry(format!("{name}-r{id}"))
                        .or_default()
                        .push(rank.to_string());
                }
            }
            Kind::Scale => {
                if let Some(s) = a.score {
                    map.entry(name).or_default().push(s.to_string());
                }
            }
            Kind::ShortText | Kind::LongText => {
                if let Some(body) = &a.body {
                    map.entry(name).or_default().push(body.clone());
                }
            }
        }
    }
    map
}

/// Who is answering, as stored in `answer_sets.respondent`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Respondent {
    /// The unique key of the person for this poll.
    pub key: String,
    /// The name shown to staff, for polls that are not anonymous.
    pub name: Option<String>,
}

/// Why a visitor may not answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Barrier {
    /// The poll needs an account.
    SignIn,
    /// The poll is for a working group the person is not in.
    NotInGroup,
    /// No browser identifier (cookies refused).
    NoBrowser,
}

/// The respondent key for this request: the account for polls that need
/// one (a keyed hash of it when the poll is anonymous), else the browser.
///
/// # Errors
///
/// The [`Barrier`] that keeps this visitor from answering.
pub fn respondent(poll: &Poll, req: &Request, secret: &str) -> Result<Respondent, Barrier> {
    if poll.audience().needs_account() {
        let user = req.user().ok_or(Barrier::SignIn)?;
        if poll.audience() == model::Audience::Group {
            let group = poll.group_slug.as_deref().unwrap_or_default();
            if group.is_empty() || !user.in_group(group) {
                return Err(Barrier::NotInGroup);
            }
        }
        if poll.is_anonymous() {
            Ok(Respondent {
                key: anonymity::account_key(secret, poll.id(), &user.id),
                name: None,
            })
        } else {
            Ok(Respondent {
                key: format!("u:{}", user.id),
                name: Some(user.name.clone()),
            })
        }
    } else {
        let visitor = &req.client().visitor;
        if visitor.is_empty() {
            return Err(Barrier::NoBrowser);
        }
        Ok(Respondent {
            key: format!("b:{visitor}"),
            name: None,
        })
    }
}

/// The stored answer set of a respondent, if any.
///
/// # Errors
///
/// A storage failure.
pub fn existing(poll_id: i64, key: &str) -> Result<Option<AnswerSet>, Error> {
    db::select("answer_sets")
        .filter(eq("poll_id", poll_id))
        .filter(eq("respondent", key))
        .first()
}

/// Messages of the conflicts a submission may meet.
pub const NOT_OPEN: &str = "answer-poll-not-open";
pub const ALREADY: &str = "answer-already-given";
pub const TOO_MANY_FROM_ADDRESS: &str = "answer-rate-limited";
pub const CHANGED: &str = "answer-poll-changed";

/// Stores a new answer set with its answers, in one transaction that also
/// checks the poll is still open and unchanged and, for answers without an
/// account, the address's hourly limit.
///
/// # Errors
///
/// [`Error::Conflict`] with [`NOT_OPEN`] or [`CHANGED`] when the poll was
/// closed or its questions edited meanwhile, [`ALREADY`] when this person
/// already answered (the unique key holds under any concurrency),
/// [`TOO_MANY_FROM_ADDRESS`] past the hourly limit.
pub fn store_new(
    poll: &Poll,
    who: &Respondent,
    answers: &[Answer],
    address_limit: Option<(String, i64)>,
) -> Result<(), Error> {
    let now = clock::now();
    let local = model::now_local();
    let mut tx = db::transaction();
    guard_poll(&mut tx, poll, &local);
    tx.update(model::touch_results(poll.id()));
    let set = tx.insert(
        "answer_sets",
        &AnswerSet {
            id: None,
            poll_id: poll.id(),
            respondent: who.key.clone(),
            respondent_name: who.name.clone(),
            day: now.today.clone(),
            submitted_at: local,
            updated_at: None,
        },
    );
    for a in answers {
        tx.insert_linked("answers", a, &[("answer_set_id", set)]);
    }
    if let Some((address, limit)) = address_limit {
        let at = now.utc_datetime().to_string();
        let hour_ago =
            estive_sdk::dates::DateTime::from_unix_millis(now.unix_millis - 3_600_000).to_string();
        tx.insert(
            "address_hits",
            &serde_json::json!({ "poll_id": poll.id(), "address": address, "at": at }),
        );
        tx.expect(
            "address_hits",
            [
                eq("poll_id", poll.id()),
                eq("address", address.as_str()),
                gt("at", hour_ago),
            ],
            db::Measure::count_rows(),
            None,
            Some(limit as f64),
            TOO_MANY_FROM_ADDRESS,
        );
    }
    tx.commit().map(|_| ()).map_err(conflict_meaning)
}

/// Replaces the answers of an existing answer set, in one transaction.
///
/// # Errors
///
/// As [`store_new`].
pub fn store_change(poll: &Poll, set: &AnswerSet, answers: &[Answer]) -> Result<(), Error> {
    let local = model::now_local();
    let set_id = set.id.unwrap_or_default();
    let mut tx = db::transaction();
    guard_poll(&mut tx, poll, &local);
    tx.update(model::touch_results(poll.id()));
    // Takes the answer sets' lock too, so that two changes by the same
    // person cannot interleave.
    tx.expect(
        "answer_sets",
        [eq("id", set_id), eq("respondent", set.respondent.as_str())],
        db::Measure::count_rows(),
        Some(1.0),
        None,
        CHANGED,
    );
    tx.delete(db::delete("answers").filter(eq("answer_set_id", set_id)));
    tx.update(
        db::update("answer_sets")
            .filter(eq("id", set_id))
            .set("updated_at", local.as_str()),
    );
    for a in answers {
        tx.insert(
            "answers",
            &Answer {
                answer_set_id: Some(set_id),
                ..a.clone()
            },
        );
    }
    tx.commit().map(|_| ()).map_err(conflict_meaning)
}

/// The poll must still be published, open at `now` and at the revision the
/// answers were read against.
fn guard_poll(tx: &mut db::Transaction, poll: &Poll, now: &str) {
    tx.expect(
        "polls",
        [
            eq("id", poll.id()),
            eq("status", "published"),
            le("opens_at", now),
            gt("closes_at", now),
            eq("revision", poll.revision),
        ],
        db::Measure::count_rows(),
        Some(1.0),
        None,
        CHANGED,
    );
}

/// A broken unique key on (poll, respondent) means "already answered".
fn conflict_meaning(e: Error) -> Error {
    match e {
        Error::Conflict(m) if m.contains("respondent") => Error::conflict(ALREADY),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Choice;

    fn q(id: i64, kind: Kind, options: &[i64]) -> Question {
        Question {
            id,
            position: id,
            kind,
            title: format!("Question {id}"),
            help: None,
            required: true,
            min_choices: None,
            max_choices: None,
            scale_max: 5,
            scale_low: None,
            scale_high: None,
            allow_other: false,
            options: options
                .iter()
                .map(|o| Choice {
                    id: *o,
                    label: format!("Option {o}"),
                })
                .collect(),
        }
    }

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn keys(result: Result<Vec<(i64, Given)>, Vec<FieldError>>) -> Vec<String> {
        result.unwrap_err().into_iter().map(|e| e.message).collect()
    }

    #[test]
    fn single_choice_takes_an_option_of_its_question() {
        let qs = [q(1, Kind::Single, &[10, 11])];
        let given = read(&qs, &form(&[("q1", "11")])).unwrap();
        assert_eq!(
            given,
            [(
                1,
                Given::Single {
                    option: Some(11),
                    other: None
                }
            )]
        );
    }

    #[test]
    fn option_id_of_another_poll_is_refused() {
        let qs = [q(1, Kind::Single, &[10, 11]), q(2, Kind::Multiple, &[20])];
        assert_eq!(
            keys(read(&qs, &form(&[("q1", "99"), ("q2", "10")]))),
            ["answer-not-a-choice", "answer-not-a-choice"]
        );
    }

    #[test]
    fn required_question_left_blank_is_refused_and_optional_one_is_skipped() {
        let mut optional = q(2, Kind::ShortText, &[]);
        optional.required = false;
        let qs = [q(1, Kind::Single, &[10]), optional];
        assert_eq!(keys(read(&qs, &form(&[("q2", "  ")]))), ["answer-required"]);
        let given = read(&qs, &form(&[("q1", "10")])).unwrap();
        assert_eq!(given.len(), 1);
    }

    #[test]
    fn other_answer_needs_its_text_and_is_only_offered_when_allowed() {
        let mut with_other = q(1, Kind::Single, &[10]);
        with_other.allow_other = true;
        let qs = [with_other.clone()];
        assert_eq!(
            keys(read(&qs, &form(&[("q1", "other")]))),
            ["answer-other-missing"]
        );
        let given = read(&qs, &form(&[("q1", "other"), ("q1-other", "Un marché")])).unwrap();
        assert_eq!(
            given[0].1,
            Given::Single {
                option: None,
                other: Some("Un marché".into())
            }
        );
        let qs = [q(1, Kind::Single, &[10])];
        assert_eq!(
            keys(read(&qs, &form(&[("q1", "other"), ("q1-other", "x")]))),
            ["answer-not-a-choice"]
        );
    }

    #[test]
    fn too_many_or_too_few_choices_are_refused() {
        let mut multi = q(1, Kind::Multiple, &[10, 11, 12, 13]);
        multi.min_choices = Some(2);
        multi.max_choices = Some(3);
        let qs = [multi];
        assert_eq!(keys(read(&qs, &form(&[("q1", "10")]))), ["answer-too-few"]);
        assert_eq!(
            keys(read(
                &qs,
                &form(&[("q1", "10"), ("q1", "11"), ("q1", "12"), ("q1", "13")])
            )),
            ["answer-too-many"]
        );
        let given = read(&qs, &form(&[("q1", "10"), ("q1", "12"), ("q1", "10")])).unwrap();
        assert_eq!(
            given[0].1,
            Given::Multiple {
                options: vec![10, 12],
                other: None
            }
        );
    }

    #[test]
    fn ranking_must_run_from_one_without_gaps_or_repeats() {
        let qs = [q(1, Kind::Ranking, &[10, 11, 12])];
        let given = read(
            &qs,
            &form(&[("q1-r10", "2"), ("q1-r11", "3"), ("q1-r12", "1")]),
        )
        .unwrap();
        assert_eq!(given[0].1, Given::Ranking(vec![12, 10, 11]));
        assert_eq!(
            keys(read(&qs, &form(&[("q1-r10", "1"), ("q1-r11", "1")]))),
            ["answer-rank-duplicate"]
        );
        assert_eq!(
            keys(read(&qs, &form(&[("q1-r10", "1"), ("q1-r11", "3")]))),
            ["answer-rank-gap"]
        );
        assert_eq!(
            keys(read(&qs, &form(&[("q1-r10", "4")]))),
            ["answer-rank-invalid"]
        );
        assert_eq!(
            keys(read(&qs, &form(&[("q1-r99", "1")]))),
            ["answer-not-a-choice"]
        );
    }

    #[test]
    fn scale_score_must_lie_on_the_scale() {
        let mut scale = q(1, Kind::Scale, &[]);
        scale.scale_max = 10;
        let qs = [scale];
        assert_eq!(
            read(&qs, &form(&[("q1", "10")])).unwrap()[0].1,
            Given::Scale(10)
        );
        assert_eq!(
            keys(read(&qs, &form(&[("q1", "11")]))),
            ["answer-scale-range"]
        );
        assert_eq!(
            keys(read(&qs, &form(&[("q1", "0")]))),
            ["answer-scale-range"]
        );
    }

    #[test]
    fn over_long_text_is_refused() {
        let qs = [q(1, Kind::ShortText, &[])];
        let long = "é".repeat(model::SHORT_TEXT_MAX + 1);
        let errors = read(&qs, &form(&[("q1", &long)])).unwrap_err();
        assert_eq!(errors[0].message, "answer-too-long");
        assert_eq!(
            errors[0].args,
            [("max".to_owned(), model::SHORT_TEXT_MAX.to_string())]
        );
        let fits = "é".repeat(model::SHORT_TEXT_MAX);
        assert!(read(&qs, &form(&[("q1", &fits)])).is_ok());
    }

    #[test]
    fn rows_keep_ranks_scores_and_texts_and_put_texts_in_moderation() {
        let given = vec![
            (1, Given::Ranking(vec![12, 10])),
            (2, Given::Scale(4)),
            (3, Given::Text("Plus de bancs".into())),
            (
                4,
                Given::Multiple {
                    options: vec![40],
                    other: Some("Autre idée".into()),
                },
            ),
        ];
        let rows = rows(7, &given);
        assert_eq!(rows.len(), 6);
        assert_eq!((rows[0].option_id, rows[0].rank), (Some(12), Some(1)));
        assert_eq!((rows[1].option_id, rows[1].rank), (Some(10), Some(2)));
        assert_eq!(rows[2].score, Some(4));
        assert_eq!(rows[3].moderation.as_deref(), Some(PENDING));
        assert_eq!(rows[5].body.as_deref(), Some("Autre idée"));
        assert!(rows.iter().all(|r| r.poll_id == 7));
        // Left out of the insert, so the transaction's link sets it.
        assert!(rows.iter().all(|r| r.answer_set_id.is_none()));
    }

    #[test]
    fn stored_answers_become_the_form_values_that_show_them() {
        let mut single = q(1, Kind::Single, &[10, 11]);
        single.allow_other = true;
        let qs = [single, q(2, Kind::Ranking, &[20, 21])];
        let given = vec![
            (
                1,
                Given::Single {
                    option: None,
                    other: Some("Halle".into()),
                },
            ),
            (2, Given::Ranking(vec![21, 20])),
        ];
        let values = values_of(&qs, &rows(1, &given));
        assert_eq!(values["q1"], ["other"]);
        assert_eq!(values["q1-other"], ["Halle"]);
        assert_eq!(values["q2-r21"], ["1"]);
        assert_eq!(values["q2-r20"], ["2"]);
        // Reading those values back gives the same answers.
        let pairs: Vec<(String, String)> = values
            .iter()
            .flat_map(|(k, vs)| vs.iter().map(move |v| (k.clone(), v.clone())))
            .collect();
        assert_eq!(read(&qs, &pairs).unwrap(), given);
    }

    #[test]
    fn a_broken_respondent_key_reads_as_already_answered() {
        assert_eq!(
            conflict_meaning(Error::conflict("poll_id, respondent")),
            Error::conflict(ALREADY)
        );
        assert_eq!(
            conflict_meaning(Error::conflict(CHANGED)),
            Error::conflict(CHANGED)
        );
    }
}
