//! Files: answers as CSV (one row per answer set, a column per question)
//! and results as CSV and JSON, for staff and, once public, as open data.

use estive_sdk::Site;
use estive_sdk::csv::CsvWriter;
use estive_sdk::prelude::*;
use serde_json::Value;

use crate::model::{Answer, AnswerSet, Kind, Poll, Question};
use crate::results::{QuestionResult, Results};

/// The results as JSON: the payload of the `polls.closed` event and of the
/// open-data file.
pub fn results_json(poll: &Poll, results: &Results, site: &Site, portal: Option<&str>) -> Value {
    let url = portal.map(|base| {
        format!(
            "{}{}/{}",
            site.base_url.trim_end_matches('/'),
            base.trim_end_matches('/'),
            poll.id()
        )
    });
    json!({
        "poll_id": poll.id(),
        "title": poll.title,
        "themes": poll.themes,
        "url": url,
        "opens_at": poll.opens_at,
        "closes_at": poll.closes_at,
        "closed_at": poll.closed_at,
        // Closed by a manager before `closes_at`: `closed_at` is then when
        // answers really stopped.
        "closed_early": poll.closed_early(),
        "anonymous": poll.is_anonymous(),
        "respondents": results.respondents,
        "participation": results.participation.iter().map(|d| json!({ "day": d.day, "count": d.count, "total": d.total })).collect::<Vec<_>>(),
        "questions": results.questions.iter().map(question_json).collect::<Vec<_>>(),
    })
}

fn question_json(q: &QuestionResult) -> Value {
    let mut out = json!({
        "id": q.id,
        "title": q.title,
        "kind": q.kind,
        "answered": q.answered,
    });
    if matches!(q.kind, Kind::Single | Kind::Multiple | Kind::Ranking) {
        out["options"] = q
            .options
            .iter()
            .map(|o| {
                let mut v =
                    json!({ "id": o.id, "label": o.label, "count": o.count, "percent": o.percent });
                if q.kind == Kind::Ranking {
                    v["borda"] = json!(o.borda);
                    v["first"] = json!(o.first);
                    v["first_percent"] = json!(o.first_percent);
                }
                v
            })
            .collect();
    }
    if matches!(q.kind, Kind::Single | Kind::Multiple) {
        out["other"] = json!(q.other_count);
    }
    if q.kind == Kind::Scale {
        out["scale_max"] = json!(q.scale_max);
        out["average"] = json!(q.average);
        out["scores"] = q
            .scores
            .iter()
            .map(|s| json!({ "score": s.score, "count": s.count, "percent": s.percent }))
            .collect();
    }
    if q.kind.is_text() || !q.texts.is_empty() {
        out["text_count"] = json!(q.text_count);
        out["texts"] = q
            .texts
            .iter()
            .map(|t| json!({ "id": t.id, "text": t.body, "moderation": t.moderation }))
            .collect();
    }
    out
}

/// Words of the results CSV.
pub struct ResultHeadings {
    pub columns: [String; 7],
    pub other: String,
    pub average: String,
    pub respondents: String,
}

impl ResultHeadings {
    fn translated() -> ResultHeadings {
        let t = i18n::t;
        ResultHeadings {
            columns: [
                t("csv-question"),
                t("csv-kind"),
                t("csv-option"),
                t("csv-count"),
                t("csv-percent"),
                t("csv-borda"),
                t("csv-first"),
            ],
            other: t("answer-other"),
            average: t("csv-average"),
            respondents: t("csv-respondents"),
        }
    }
}

/// The results CSV rows: one per option, "other", score and average.
pub fn results_rows(results: &Results, h: &ResultHeadings) -> Vec<Vec<String>> {
    let mut rows = vec![h.columns.to_vec()];
    rows.push(vec![
        h.respondents.clone(),
        String::new(),
        String::new(),
        results.respondents.to_string(),
        String::new(),
        String::new(),
        String::new(),
    ]);
    let num = |f: f64| f.to_string();
    for q in &results.questions {
        let kind = q.kind.as_str().to_owned();
        let line =
            |option: String, count: String, percent: String, borda: String, first: String| {
                vec![
                    q.title.clone(),
                    kind.clone(),
                    option,
                    count,
                    percent,
                    borda,
                    first,
                ]
            };
        match q.kind {
            Kind::Single | Kind::Multiple | Kind::Ranking => {
                for o in &q.options {
                    rows.push(line(
                        o.label.clone(),
                        o.count.to_string(),
                        num(o.percent),
                        o.borda.map(|b| b.to_string()).unwrap_or_default(),
                        o.first.map(|b| b.to_string()).unwrap_or_default(),
                    ));
                }
                if q.kind != Kind::Ranking && q.other_count > 0 {
                    rows.push(line(
                        h.other.clone(),
                        q.other_count.to_string(),
                        num(q.other_percent),
                        String::new(),
                        String::new(),
                    ));
                }
            }
            Kind::Scale => {
                for s in &q.scores {
                    rows.push(line(
                        s.score.to_string(),
                        s.count.to_string(),
                        num(s.percent),
                        String::new(),
                        String::new(),
                    ));
                }
                rows.push(line(
                    h.average.clone(),
                    q.average.map(num).unwrap_or_default(),
                    String::new(),
                    String::new(),
                    String::new(),
                ));
            }
            Kind::ShortText | Kind::LongText => {
                rows.push(line(
                    String::new(),
                    q.text_count.to_string(),
                    String::new(),
                    String::new(),
                    String::new(),
                ));
            }
        }
    }
    rows
}

/// The results as CSV (UTF-8, comma, a point for decimals: open data).
pub fn results_csv(_poll: &Poll, results: &Results) -> CsvWriter {
    let mut csv = CsvWriter::new().protect_formulas(true);
    for row in results_rows(results, &ResultHeadings::translated()) {
        csv.row(row);
    }
    csv
}

/// One row per answer set and a column per question: the answer set's
/// number, its day (and time and name, unless the poll is anonymous), then
/// each answer written out.
pub fn answer_matrix(
    poll: &Poll,
    questions: &[Question],
    sets: &[AnswerSet],
    answers: &[Answer],
    other: &str,
) -> Vec<Vec<String>> {
    let anonymous = poll.is_anonymous();
    let label = |q: &Question, id: i64| {
        q.options
            .iter()
            .find(|o| o.id == id)
            .map_or_else(|| format!("#{id}"), |o| o.label.clone())
    };
    sets.iter()
        .enumerate()
        .map(|(i, set)| {
            let set_id = set.id.unwrap_or_default();
            let mine: Vec<&Answer> = answers
                .iter()
                .filter(|a| a.answer_set_id == Some(set_id))
                .collect();
            let mut row = vec![(i + 1).to_string(), set.day.clone()];
            if !anonymous {
                row.push(set.submitted_at.clone());
                row.push(set.respondent_name.clone().unwrap_or_default());
            }
            for q in questions {
                let mut of_q: Vec<&&Answer> =
                    mine.iter().filter(|a| a.question_id == q.id).collect();
                let cell = match q.kind {
                    Kind::Single | Kind::Multiple => of_q
                        .iter()
                        .map(|a| match (a.option_id, &a.body) {
                            (Some(id), _) => label(q, id),
                            (None, Some(text)) => format!("{other} : {text}"),
                            (None, None) => String::new(),
                        })
                        .collect::<Vec<_>>()
                        .join(" ; "),
                    Kind::Ranking => {
                        of_q.sort_by_key(|a| a.rank);
                        of_q.iter()
                            .filter_map(|a| {
                                Some(format!("{}. {}", a.rank?, label(q, a.option_id?)))
                            })
                            .collect::<Vec<_>>()
                            .join(" ; ")
                    }
                    Kind::Scale => of_q
                        .first()
                        .and_then(|a| a.score)
                        .map(|s| s.to_string())
                        .unwrap_or_default(),
                    Kind::ShortText | Kind::LongText => of_q
                        .first()
                        .and_then(|a| a.body.clone())
                        .unwrap_or_default(),
                };
                row.push(cell);
            }
            row
        })
        .collect()
}

/// The staff's CSV of every answer set, for a spreadsheet set up for
/// French (semicolons, byte order mark, formulas defused).
pub fn answers_csv(
    poll: &Poll,
    questions: &[Question],
    sets: &[AnswerSet],
    answers: &[Answer],
) -> CsvWriter {
    let mut csv = CsvWriter::excel();
    let mut head = vec![i18n::t("csv-number"), i18n::t("csv-day")];
    if !poll.is_anonymous() {
        head.push(i18n::t("csv-time"));
        head.push(i18n::t("csv-respondent"));
    }
    head.extend(questions.iter().map(|q| q.title.clone()));
    csv.row(head);
    for row in answer_matrix(poll, questions, sets, answers, &i18n::t("answer-other")) {
        csv.row(row);
    }
    csv
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Choice;

    fn poll(anonymous: bool) -> Poll {
        Poll {
            id: Some(3),
            title: "Halle".into(),
            description: None,
            themes: vec!["Cohésion sociale".into()],
            status: "closed".into(),
            opens_at: "2026-11-01T08:00".into(),
            closes_at: "2026-11-30T18:00".into(),
            audience: "accounts".into(),
            group_slug: None,
            anonymous,
            allow_change: false,
            results: "live".into(),
            revision: 0,
            created_by: None,
            created_at: None,
            published_at: None,
            closed_at: None,
            announced: false,
            results_stamp: None,
        }
    }

    fn questions() -> Vec<Question> {
        let q = |id, kind, options: &[(i64, &str)]| Question {
            id,
            position: id,
            kind,
            title: format!("Q{id}"),
            help: None,
            required: false,
            min_choices: None,
            max_choices: None,
            scale_max: 5,
            scale_low: None,
            scale_high: None,
            allow_other: true,
            options: options
                .iter()
                .map(|(id, l)| Choice {
                    id: *id,
                    label: (*l).into(),
                })
                .collect(),
        };
        vec![
            q(1, Kind::Multiple, &[(10, "Marché"), (11, "Concerts")]),
            q(2, Kind::Ranking, &[(20, "Lundi"), (21, "Samedi")]),
            q(3, Kind::Scale, &[]),
            q(4, Kind::LongText, &[]),
        ]
    }

    fn set(id: i64, name: &str) -> AnswerSet {
        AnswerSet {
            id: Some(id),
            poll_id: 3,
            respondent: format!("u:{id}"),
            respondent_name: Some(name.into()),
            day: "2026-11-02".into(),
            submitted_at: "2026-11-02T10:15".into(),
            updated_at: None,
        }
    }

    fn a(
        set: i64,
        q: i64,
        option: Option<i64>,
        rank: Option<i64>,
        score: Option<i64>,
        body: Option<&str>,
    ) -> Answer {
        Answer {
            id: None,
            poll_id: 3,
            answer_set_id: Some(set),
            question_id: q,
            option_id: option,
            rank,
            score,
            body: body.map(str::to_owned),
            moderation: None,
        }
    }

    #[test]
    fn answer_matrix_has_one_row_per_answer_set_and_a_column_per_question() {
        let answers = [
            a(7, 1, Some(11), None, None, None),
            a(7, 1, None, None, None, Some("Bal")),
            a(7, 2, Some(20), Some(2), None, None),
            a(7, 2, Some(21), Some(1), None, None),
            a(7, 3, None, None, Some(4), None),
            a(8, 4, None, None, None, Some("Plus d'ombre")),
        ];
        let rows = answer_matrix(
            &poll(false),
            &questions(),
            &[set(7, "Marie"), set(8, "Paul")],
            &answers,
            "Autre",
        );
        assert_eq!(
            rows[0],
            [
                "1",
                "2026-11-02",
                "2026-11-02T10:15",
                "Marie",
                "Concerts ; Autre : Bal",
                "1. Samedi ; 2. Lundi",
                "4",
                ""
            ]
        );
        assert_eq!(rows[1][7], "Plus d'ombre");
        assert_eq!(rows.len(), 2);
    }

    #[test]
    fn anonymous_poll_exports_neither_names_nor_times() {
        let rows = answer_matrix(&poll(true), &questions(), &[set(7, "Marie")], &[], "Autre");
        assert_eq!(rows[0].len(), 2 + 4);
        assert!(
            !rows[0]
                .iter()
                .any(|c| c.contains("Marie") || c.contains("10:15"))
        );
    }

    #[test]
    fn results_json_carries_counts_and_a_link_to_the_poll() {
        let r = Results {
            respondents: 2,
            questions: crate::results::tally(
                &questions(),
                &[crate::results::CountRow {
                    question_id: 1,
                    option_id: Some(10),
                    rank: None,
                    score: None,
                    n: 2,
                }],
                &[crate::results::ReachRow {
                    question_id: 1,
                    sets: 2,
                }],
            ),
            participation: vec![],
            participation_chart: None,
        };
        let site = Site {
            slug: "s".into(),
            name: "S".into(),
            base_url: "https://cc.example/".into(),
            timezone: "Europe/Paris".into(),
        };
        let v = results_json(&poll(false), &r, &site, Some("/consultations"));
        assert_eq!(v["url"], "https://cc.example/consultations/3");
        assert_eq!(v["questions"][0]["options"][0]["count"], 2);
        assert_eq!(v["questions"][0]["options"][0]["percent"], 100.0);
        assert_eq!(v["themes"][0], "Cohésion sociale");
        let csv = results_rows(
            &r,
            &ResultHeadings {
                columns: ["q", "k", "o", "c", "p", "b", "f"].map(String::from),
                other: "Autre".into(),
                average: "Moyenne".into(),
                respondents: "Participants".into(),
            },
        );
        assert_eq!(csv[1][3], "2");
        assert_eq!(csv[2], ["Q1", "multiple", "Marché", "2", "100", "", ""]);
    }
}
