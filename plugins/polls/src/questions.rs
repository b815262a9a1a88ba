//! Editing the questions of a poll. Questions are frozen once the first
//! answer arrives: every change runs in a transaction that checks there is
//! still no answer and bumps the poll's revision, which the answer
//! transaction checks in turn — so answers are always read against the
//! questions they are stored under.

use estive_sdk::form::{Form, Validator};
use estive_sdk::prelude::*;

use crate::model::{self, Kind, MAX_OPTIONS, MAX_QUESTIONS, Poll, QuestionRow, Status, options};

/// The options of a question, one per line: trimmed, blank lines dropped,
/// each once.
pub fn option_lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if !line.is_empty() && !out.iter().any(|o| o == line) {
            out.push(line.to_owned());
        }
    }
    out
}

/// Reads an options textarea: 2 to [`MAX_OPTIONS`] lines of at most 200
/// characters.
pub fn read_option_lines(f: &mut Validator, name: &str) -> Vec<String> {
    let text = f.text(name).max_len(10_000).value();
    let lines = option_lines(&text);
    if lines.len() < 2 {
        f.error(name, "question-options-too-few");
    } else if lines.len() > MAX_OPTIONS {
        f.error(name, "question-options-too-many");
    } else if lines.iter().any(|l| l.chars().count() > 200) {
        f.error(name, "question-option-too-long");
    }
    lines
}

/// A question as read from its form.
#[derive(Debug, PartialEq)]
pub struct QuestionForm {
    pub kind: Kind,
    pub title: String,
    pub help: Option<String>,
    pub required: bool,
    pub min_choices: Option<i64>,
    pub max_choices: Option<i64>,
    pub scale_max: Option<i64>,
    pub scale_low: Option<String>,
    pub scale_high: Option<String>,
    pub allow_other: bool,
    pub options: Vec<String>,
}

/// Reads and checks the question form.
///
/// # Errors
///
/// Every field error at once.
pub fn read_form(form: &[(String, String)]) -> Result<QuestionForm, Error> {
    let mut f = Validator::new(form);
    let kind = Kind::parse(&f.choice("kind", &Kind::ALL).value());
    let title = f.text("title").required().max_len(300).value();
    let help = f.text("help").max_len(1000).optional();
    let required = f.checkbox("required").value();
    let allow_other =
        f.checkbox("allow_other").value() && matches!(kind, Kind::Single | Kind::Multiple);
    let mut options = Vec::new();
    let (mut min_choices, mut max_choices) = (None, None);
    if kind.has_options() {
        options = read_option_lines(&mut f, "options");
        let available = (options.len() + usize::from(allow_other)) as i64;
        if matches!(kind, Kind::Multiple | Kind::Ranking) {
            min_choices = f
                .int("min_choices")
                .range(1, MAX_OPTIONS as i64 + 1)
                .optional();
            max_choices = f
                .int("max_choices")
                .range(1, MAX_OPTIONS as i64 + 1)
                .optional();
            if let (Some(min), Some(max)) = (min_choices, max_choices)
                && min > max
            {
                f.error("max_choices", "question-max-below-min");
            }
            if !f.has_errors() && min_choices.is_some_and(|m| m > available) {
                f.error("min_choices", "question-min-above-options");
            }
        }
    }
    let (mut scale_max, mut scale_low, mut scale_high) = (None, None, None);
    if kind == Kind::Scale {
        scale_max = Some(
            f.choice("scale_max", &["5", "10"])
                .or("5".into())
                .parse()
                .unwrap_or(5),
        );
        scale_low = f.text("scale_low").max_len(60).optional();
        scale_high = f.text("scale_high").max_len(60).optional();
    }
    f.finish()?;
    Ok(QuestionForm {
        kind,
        title,
        help,
        required,
        min_choices,
        max_choices,
        scale_max,
        scale_low,
        scale_high,
        allow_other,
        options,
    })
}

/// The checks every question change makes inside its transaction: the
/// poll is still at the revision the page showed and has no answer yet.
fn guard(tx: &mut db::Transaction, poll: &Poll) {
    tx.expect(
        "polls",
        [eq("id", poll.id()), eq("revision", poll.revision)],
        db::Measure::count_rows(),
        Some(1.0),
        None,
        "question-poll-changed",
    );
    tx.expect_none(
        "answer_sets",
        [eq("poll_id", poll.id())],
        "questions-frozen",
    );
    tx.update(
        db::update("polls")
            .filter(eq("id", poll.id()))
            .set("revision", poll.revision + 1)
            .set("results_stamp", model::fresh_stamp()),
    );
}

fn editable_poll(req: &Request) -> Result<Poll, Error> {
    req.require_permission("polls.manage")?;
    let poll = model::load_poll(req.param_id("id")?)?;
    if poll.status() == Status::Closed {
        return Err(Error::conflict("poll-closed-no-edit"));
    }
    if model::respondents(poll.id())? > 0 {
        return Err(Error::conflict("questions-frozen"));
    }
    Ok(poll)
}

/// The question form, with `form`'s values or errors.
fn form_page(req: &Request, poll: &Poll, question: Option<i64>, form: Form) -> View {
    let title = if question.is_some() {
        i18n::t("question-edit-title")
    } else {
        i18n::t("question-new-title")
    };
    view("question_form.html")
        .title(title)
        .crumb(i18n::t("manage-title"), req.url("/"))
        .crumb(poll.title.clone(), req.url(&format!("/{}", poll.id())))
        .set("poll_id", poll.id())
        .set("question_id", question)
        .set("kind_options", options(&Kind::ALL, "kind-"))
        .form(
            form.label("kind", "field-kind")
                .label("title", "field-question")
                .label("help", "field-help")
                .label("options", "field-options")
                .label("min_choices", "field-min-choices")
                .label("max_choices", "field-max-choices")
                .label("scale_max", "field-scale-max")
                .label("scale_low", "field-scale-low")
                .label("scale_high", "field-scale-high"),
        )
}

fn question_row(poll_id: i64, position: i64, q: &QuestionForm) -> QuestionRow {
    QuestionRow {
        id: None,
        poll_id,
        position,
        kind: q.kind.as_str().into(),
        title: q.title.clone(),
        help: q.help.clone(),
        required: q.required,
        min_choices: q.min_choices,
        max_choices: q.max_choices,
        scale_max: q.scale_max,
        scale_low: q.scale_low.clone(),
        scale_high: q.scale_high.clone(),
        allow_other: q.allow_other,
    }
}

/// `GET|POST /{id}/questions/new`.
pub fn new(req: &Request) -> Result<Response, Error> {
    let poll = editable_poll(req)?;
    if !req.is_post() {
        let values = json!({ "kind": req.query("kind").unwrap_or("single"), "required": true, "scale_max": "5" });
        return Ok(form_page(req, &poll, None, Form::new("polls").values(values)).into());
    }
    let q = match read_form(req.form_pairs()) {
        Ok(q) => q,
        Err(e @ Error::Invalid(_)) => {
            let form = Form::new("polls").sent(req).errors(&e);
            return Ok(form_page(req, &poll, None, form).into());
        }
        Err(e) => return Err(e),
    };
    let existing = model::load_questions(poll.id())?;
    if existing.len() >= MAX_QUESTIONS {
        return Err(Error::conflict("question-too-many"));
    }
    let position = existing.iter().map(|q| q.position).max().unwrap_or(0) + 1;
    let mut tx = db::transaction();
    guard(&mut tx, &poll);
    let step = tx.insert("questions", &question_row(poll.id(), position, &q));
    for (i, label) in q.options.iter().enumerate() {
        tx.insert_linked(
            "options",
            &json!({ "poll_id": poll.id(), "position": i as i64 + 1, "label": label }),
            &[("question_id", step)],
        );
    }
    tx.commit()?;
    Ok(redirect(req.url(&format!("/{}", poll.id())))
        .notice("question-added")
        .into())
}

fn question_of(poll: &Poll, req: &Request) -> Result<model::Question, Error> {
    let qid = req.param_id("qid")?;
    model::load_questions(poll.id())?
        .into_iter()
        .find(|q| q.id == qid)
        .ok_or_else(|| Error::not_found(messages::NOT_FOUND))
}

/// `GET|POST /{id}/questions/{qid}`.
pub fn edit(req: &Request) -> Result<Response, Error> {
    let poll = editable_poll(req)?;
    let question = question_of(&poll, req)?;
    if !req.is_post() {
        let values = json!({
            "kind": question.kind.as_str(),
            "title": question.title,
            "help": question.help,
            "required": question.required,
            "allow_other": question.allow_other,
            "min_choices": question.min_choices,
            "max_choices": question.max_choices,
            "scale_max": question.scale_max.to_string(),
            "scale_low": question.scale_low,
            "scale_high": question.scale_high,
            "options": question.options.iter().map(|o| o.label.as_str()).collect::<Vec<_>>().join("\n"),
        });
        let form = Form::new("polls").values(values);
        return Ok(form_page(req, &poll, Some(question.id), form).into());
    }
    let q = match read_form(req.form_pairs()) {
        Ok(q) => q,
        Err(e @ Error::Invalid(_)) => {
            let form = Form::new("polls").sent(req).errors(&e);
            return Ok(form_page(req, &poll, Some(question.id), form).into());
        }
        Err(e) => return Err(e),
    };
    let mut tx = db::transaction();
    guard(&mut tx, &poll);
    tx.update(
        db::update("questions")
            .filter(eq("id", question.id))
            .filter(eq("poll_id", poll.id()))
            .set_fields(&question_row(poll.id(), question.position, &q)),
    );
    tx.delete(db::delete("options").filter(eq("question_id", question.id)));
    for (i, label) in q.options.iter().enumerate() {
        tx.insert(
            "options",
            &json!({ "poll_id": poll.id(), "question_id": question.id, "position": i as i64 + 1, "label": label }),
        );
    }
    tx.commit()?;
    Ok(redirect(req.url(&format!("/{}", poll.id())))
        .notice("question-saved")
        .into())
}

/// `POST /{id}/questions/{qid}/delete`.
pub fn delete(req: &Request) -> Result<Response, Error> {
    let poll = editable_poll(req)?;
    let question = question_of(&poll, req)?;
    let mut tx = db::transaction();
    guard(&mut tx, &poll);
    tx.delete(db::delete("options").filter(eq("question_id", question.id)));
    tx.delete(
        db::delete("questions")
            .filter(eq("id", question.id))
            .filter(eq("poll_id", poll.id())),
    );
    tx.commit()?;
    Ok(redirect(req.url(&format!("/{}", poll.id())))
        .notice("question-deleted")
        .into())
}

/// `POST /{id}/questions/{qid}/move` with `direction` `up` or `down`.
pub fn move_question(req: &Request) -> Result<Response, Error> {
    let poll = editable_poll(req)?;
    let qid = req.param_id("qid")?;
    let up = req.form("direction") == Some("up");
    let questions = model::load_questions(poll.id())?;
    let Some(at) = questions.iter().position(|q| q.id == qid) else {
        return Err(Error::not_found(messages::NOT_FOUND));
    };
    let other = if up { at.checked_sub(1) } else { Some(at + 1) };
    if let Some(other) = other.filter(|o| *o < questions.len()) {
        let mut tx = db::transaction();
        guard(&mut tx, &poll);
        // Positions are renumbered 1..n so that ties left by older edits
        // cannot block a move.
        let mut order: Vec<i64> = questions.iter().map(|q| q.id).collect();
        order.swap(at, other);
        for (i, id) in order.iter().enumerate() {
            tx.update(
                db::update("questions")
                    .filter(eq("id", *id))
                    .set("position", i as i64 + 1),
            );
        }
        tx.commit()?;
    }
    Ok(redirect(req.url(&format!("/{}#polls-question-{qid}", poll.id()))).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn options_are_one_per_line_without_blanks_or_repeats() {
        assert_eq!(
            option_lines("Piscine\r\n\n  Médiathèque \nPiscine\n"),
            ["Piscine", "Médiathèque"]
        );
    }

    #[test]
    fn choice_question_needs_two_options() {
        let e = read_form(&form(&[
            ("kind", "single"),
            ("title", "Où ?"),
            ("options", "Ici"),
        ]))
        .unwrap_err();
        assert_eq!(e.field_messages()["options"], "question-options-too-few");
    }

    #[test]
    fn multiple_choice_bounds_must_be_consistent() {
        let e = read_form(&form(&[
            ("kind", "multiple"),
            ("title", "Quoi ?"),
            ("options", "A\nB\nC"),
            ("min_choices", "3"),
            ("max_choices", "2"),
        ]))
        .unwrap_err();
        assert_eq!(e.field_messages()["max_choices"], "question-max-below-min");
        let e = read_form(&form(&[
            ("kind", "multiple"),
            ("title", "Quoi ?"),
            ("options", "A\nB"),
            ("min_choices", "3"),
        ]))
        .unwrap_err();
        assert_eq!(
            e.field_messages()["min_choices"],
            "question-min-above-options"
        );
    }

    #[test]
    fn scale_question_reads_its_size_and_ignores_options() {
        let q = read_form(&form(&[
            ("kind", "scale"),
            ("title", "Satisfaction"),
            ("scale_max", "10"),
            ("scale_low", "Pas du tout"),
            ("options", "ignored"),
            ("required", "on"),
        ]))
        .unwrap();
        assert_eq!(q.kind, Kind::Scale);
        assert_eq!(q.scale_max, Some(10));
        assert!(q.options.is_empty());
        assert!(q.required);
        assert!(
            read_form(&form(&[
                ("kind", "scale"),
                ("title", "S"),
                ("scale_max", "7")
            ]))
            .is_err()
        );
    }

    #[test]
    fn other_answer_is_only_kept_for_choice_questions() {
        let q = read_form(&form(&[
            ("kind", "ranking"),
            ("title", "Ordre"),
            ("options", "A\nB"),
            ("allow_other", "on"),
        ]))
        .unwrap();
        assert!(!q.allow_other);
        let q = read_form(&form(&[
            ("kind", "single"),
            ("title", "Un"),
            ("options", "A\nB"),
            ("allow_other", "on"),
        ]))
        .unwrap();
        assert!(q.allow_other);
    }
}
