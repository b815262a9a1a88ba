//! Results: counts per option, Borda count and first preferences for
//! rankings, score distributions, free texts, participation over time, and
//! the charts that show them.
//!
//! Counting is two aggregates over `answers` whatever the number of
//! answers; the public results are moreover counted once per change and
//! kept in `results_cache` (see [`public`]), so that a view costs the poll
//! row and one cache row however many people answered.

use estive_kit::chart::{BarChart, Chart, LineChart};
use estive_sdk::dates::month_name;
use estive_sdk::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::{self, APPROVED, Kind, Phase, Poll, Question};

/// One group of the counting aggregate.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct CountRow {
    pub question_id: i64,
    pub option_id: Option<i64>,
    pub rank: Option<i64>,
    pub score: Option<i64>,
    pub n: i64,
}

/// How many answer sets answered each question.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct ReachRow {
    pub question_id: i64,
    pub sets: i64,
}

/// One option's result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OptionResult {
    pub id: i64,
    pub label: String,
    /// Times chosen (ranked at all, for a ranking).
    pub count: i64,
    /// Share of the people who answered the question, in percent.
    pub percent: f64,
    /// Borda points (rankings only): rank r of n options gives n − r + 1.
    pub borda: Option<i64>,
    /// Times ranked first (rankings only).
    pub first: Option<i64>,
    /// Share of first places, in percent (rankings only).
    pub first_percent: Option<f64>,
}

/// One score of a scale and how often it was given.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoreResult {
    pub score: i64,
    pub count: i64,
    pub percent: f64,
}

/// A free-text answer shown with the results.
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
pub struct TextItem {
    pub id: i64,
    pub question_id: i64,
    pub option_id: Option<i64>,
    pub body: String,
    pub moderation: Option<String>,
}

/// One question's results.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionResult {
    pub id: i64,
    pub title: String,
    pub kind: Kind,
    /// People who answered this question.
    pub answered: i64,
    pub options: Vec<OptionResult>,
    /// "Other" answers (single and multiple choice).
    pub other_count: i64,
    pub other_percent: f64,
    pub scores: Vec<ScoreResult>,
    pub average: Option<f64>,
    pub scale_max: i64,
    /// Free texts shown (approved ones on public pages).
    pub texts: Vec<TextItem>,
    /// Every free text received, shown or not.
    pub text_count: i64,
    /// Drawn for each page ([`draw`]), never cached.
    #[serde(default, skip_deserializing)]
    pub chart: Option<Chart>,
    #[serde(default, skip_deserializing)]
    pub chart_first: Option<Chart>,
}

/// A day of participation.
#[derive(Clone, Debug, Deserialize, PartialEq, Serialize)]
pub struct Day {
    pub day: String,
    pub count: i64,
    #[serde(default)]
    pub total: i64,
}

/// Every result of a poll.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Results {
    pub respondents: i64,
    pub questions: Vec<QuestionResult>,
    pub participation: Vec<Day>,
    #[serde(default, skip_deserializing)]
    pub participation_chart: Option<Chart>,
}

fn percent(part: i64, whole: i64) -> f64 {
    if whole <= 0 {
        0.0
    } else {
        (part as f64 * 1000.0 / whole as f64).round() / 10.0
    }
}

/// Counts the results of each question from the two aggregates.
pub fn tally(
    questions: &[Question],
    counts: &[CountRow],
    reach: &[ReachRow],
) -> Vec<QuestionResult> {
    questions
        .iter()
        .map(|q| {
            let rows: Vec<&CountRow> = counts.iter().filter(|c| c.question_id == q.id).collect();
            let answered = reach
                .iter()
                .find(|r| r.question_id == q.id)
                .map_or(0, |r| r.sets);
            let n_options = q.options.len() as i64;
            let mut options: Vec<OptionResult> = q
                .options
                .iter()
                .map(|o| {
                    let mine = rows.iter().filter(|c| c.option_id == Some(o.id));
                    let count: i64 = mine.clone().map(|c| c.n).sum();
                    let (borda, first) = if q.kind == Kind::Ranking {
                        let borda = mine
                            .clone()
                            .map(|c| c.n * (n_options - c.rank.unwrap_or(n_options + 1) + 1).max(0))
                            .sum();
                        let first = mine.filter(|c| c.rank == Some(1)).map(|c| c.n).sum();
                        (Some(borda), Some(first))
                    } else {
                        (None, None)
                    };
                    OptionResult {
                        id: o.id,
                        label: o.label.clone(),
                        count,
                        percent: percent(count, answered),
                        borda,
                        first,
                        first_percent: first.map(|f| percent(f, answered)),
                    }
                })
                .collect();
            if q.kind == Kind::Ranking {
                // A ranking's result is itself a ranking: by Borda points,
                // then by first places.
                options.sort_by(|a, b| b.borda.cmp(&a.borda).then(b.first.cmp(&a.first)));
            }
            let free: i64 = rows
                .iter()
                .filter(|c| c.option_id.is_none() && c.score.is_none())
                .map(|c| c.n)
                .sum();
            let (scores, average) = if q.kind == Kind::Scale {
                let scored: Vec<&&CountRow> = rows.iter().filter(|c| c.score.is_some()).collect();
                let total: i64 = scored.iter().map(|c| c.n).sum();
                let sum: i64 = scored.iter().map(|c| c.n * c.score.unwrap_or(0)).sum();
                let scores = (1..=q.scale_max)
                    .map(|s| {
                        let count = scored
                            .iter()
                            .filter(|c| c.score == Some(s))
                            .map(|c| c.n)
                            .sum();
                        ScoreResult {
                            score: s,
                            count,
                            percent: percent(count, total),
                        }
                    })
                    .collect();
                let average =
                    (total > 0).then(|| (sum as f64 * 100.0 / total as f64).round() / 100.0);
                (scores, average)
            } else {
                (Vec::new(), None)
            };
            let other_count = if q.kind.is_text() { 0 } else { free };
            QuestionResult {
                id: q.id,
                title: q.title.clone(),
                kind: q.kind,
                answered,
                options,
                other_count,
                other_percent: percent(other_count, answered),
                scores,
                average,
                scale_max: q.scale_max,
                texts: Vec::new(),
                text_count: free,
                chart: None,
                chart_first: None,
            }
        })
        .collect()
}

/// Days with their answers and the running total.
pub fn cumulate(mut days: Vec<Day>) -> Vec<Day> {
    days.sort_by(|a, b| a.day.cmp(&b.day));
    let mut total = 0;
    for d in &mut days {
        total += d.count;
        d.total = total;
    }
    days
}

/// Longest span, in days, drawn day by day; participation over a longer
/// one is drawn over the days with answers only.
const TIMELINE_MAX_DAYS: i64 = 400;

/// The days a poll's participation is drawn over: from its opening day to
/// the day answers stopped, or today while it is open. `None` where there
/// is no such bound (a poll not open yet).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl Span {
    /// The span of `poll` at local time `now`.
    pub fn of(poll: &Poll, now: &str) -> Span {
        let day = |t: &str| t.get(..10).and_then(Date::parse);
        let to = match poll.ended_at(now) {
            Some(end) => day(&end),
            None if poll.phase(now) == Phase::Open => day(now),
            None => None,
        };
        Span {
            from: day(&poll.opens_at),
            to,
        }
    }
}

/// Every day of `span`, widened to the days with answers, each with its
/// answers and the running total: a day without answers is a day of the
/// chart too. The days with answers alone when one of them is not a date
/// or the span is longer than [`TIMELINE_MAX_DAYS`].
pub fn timeline(days: &[Day], span: Span) -> Vec<Day> {
    let answered: Vec<Date> = days.iter().filter_map(|d| Date::parse(&d.day)).collect();
    let (Some(first), Some(last)) = (answered.iter().min(), answered.iter().max()) else {
        return cumulate(days.to_vec());
    };
    let start = span.from.map_or(*first, |from| from.min(*first));
    let end = span.to.map_or(*last, |to| to.max(*last));
    if answered.len() != days.len() || end.days_since(start) > TIMELINE_MAX_DAYS {
        return cumulate(days.to_vec());
    }
    let mut out = Vec::new();
    let mut total = 0;
    let mut day = start;
    while day <= end {
        let key = day.to_string();
        let count: i64 = days.iter().filter(|d| d.day == key).map(|d| d.count).sum();
        total += count;
        out.push(Day {
            day: key,
            count,
            total,
        });
        day = day.add_days(1);
    }
    out
}

/// What the participation chart says in words, for screen readers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trend {
    pub total: i64,
    /// First and last day drawn, written out in the page's language.
    pub from: String,
    pub to: String,
    /// The day with the most answers, and how many.
    pub busiest: String,
    pub busiest_count: i64,
}

/// A date written out as the host's `|date` writes it: "1er novembre
/// 2026", "3 novembre 2026", "3 November 2026".
fn long_date(date: Date, locale: &str) -> String {
    let day = if date.day() == 1 && locale != "en" {
        "1er".to_owned()
    } else {
        date.day().to_string()
    };
    format!("{day} {} {}", month_name(date.month(), locale), date.year())
}

/// A date as a short axis label: "03/11", "Nov 3".
fn short_date(date: Date, locale: &str) -> String {
    if locale == "fr" {
        format!("{:02}/{:02}", date.day(), date.month())
    } else {
        let month: String = month_name(date.month(), locale).chars().take(3).collect();
        format!("{month} {}", date.day())
    }
}

/// The participation chart: the running total and the answers of each
/// day, over every day of the timeline, with a description in words.
pub fn participation_chart(days: &[Day], labels: &Labels) -> Option<Chart> {
    let dates: Vec<Date> = days.iter().filter_map(|d| Date::parse(&d.day)).collect();
    let busiest = days
        .iter()
        .zip(&dates)
        .max_by(|(a, da), (b, db)| a.count.cmp(&b.count).then(db.cmp(da)))?;
    let trend = Trend {
        total: days.last().map_or(0, |d| d.total),
        from: long_date(*dates.first()?, &labels.locale),
        to: long_date(*dates.last()?, &labels.locale),
        busiest: long_date(*busiest.1, &labels.locale),
        busiest_count: busiest.0.count,
    };
    let chart = LineChart::new(labels.participation.clone())
        .id("polls-chart-participation")
        .description((labels.describe_participation)(&trend))
        .label_heading(labels.day.clone())
        .locale(&labels.locale)
        .labels(dates.iter().map(|d| short_date(*d, &labels.locale)))
        .series(labels.total.clone(), days.iter().map(|d| d.total as f64))
        .series(labels.answers.clone(), days.iter().map(|d| d.count as f64))
        .render();
    Some(chart)
}

/// Which free texts to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Texts {
    /// Approved ones only (public pages).
    Approved,
    /// Every one, with its moderation state (staff pages).
    All,
    /// None (the closing event, the open-data files).
    None,
}

/// Most free texts shown per page of results.
const TEXTS_SHOWN: u32 = 500;

/// Reads and counts every result of a poll.
///
/// # Errors
///
/// A storage failure.
pub fn load(poll_id: i64, questions: &[Question], texts: Texts) -> Result<Results, Error> {
    let counts: Vec<CountRow> = db::aggregate("answers")
        .filter(eq("poll_id", poll_id))
        .group_by("question_id")
        .group_by("option_id")
        .group_by("rank")
        .group_by("score")
        .count("n")
        .fetch()?;
    let reach: Vec<ReachRow> = db::aggregate("answers")
        .filter(eq("poll_id", poll_id))
        .group_by("question_id")
        .count_distinct("answer_set_id", "sets")
        .fetch()?;
    let days: Vec<Day> = db::aggregate("answer_sets")
        .filter(eq("poll_id", poll_id))
        .group_by("day")
        .count("count")
        .order_asc("day")
        .fetch()?;
    let participation = cumulate(days);
    let respondents = participation.last().map_or(0, |d| d.total);
    let mut questions_out = tally(questions, &counts, &reach);
    if texts != Texts::None && questions_out.iter().any(|q| q.text_count > 0) {
        let mut select = db::select("answers")
            .columns(&["id", "question_id", "option_id", "body", "moderation"])
            .filter(eq("poll_id", poll_id))
            .filter(not_null("body"))
            .order_desc("id")
            .limit(TEXTS_SHOWN);
        if texts == Texts::Approved {
            select = select.filter(eq("moderation", APPROVED));
        }
        let items: Vec<TextItem> = select.fetch()?;
        for q in &mut questions_out {
            q.texts = items
                .iter()
                .filter(|t| t.question_id == q.id)
                .cloned()
                .collect();
        }
    }
    Ok(Results {
        respondents,
        questions: questions_out,
        participation,
        participation_chart: None,
    })
}

/// The shape of the cached results: raised when [`Results`] changes, so
/// that rows written by an older version are counted again.
const CACHE_FORMAT: u32 = 1;

/// A row of `results_cache`.
#[derive(Debug, Deserialize, Serialize)]
struct CacheRow {
    poll_id: i64,
    fingerprint: String,
    results: String,
    computed_at: String,
}

/// What the cached results of `poll` must have been counted under to be
/// fresh: every change that can move the results writes a new, never
/// reused stamp on the poll row in its own transaction
/// ([`model::touch_results`]), and question edits raise the revision.
///
/// Why that is enough: a cache row is written by a view that read the poll
/// row (fingerprint F) *before* counting, so it holds every change
/// committed before that read. A change committed later moves the stamp
/// away from F for good, so the row can only be served to views that read
/// the poll before that change committed.
pub fn fingerprint(poll: &Poll) -> String {
    format!(
        "{CACHE_FORMAT}:{}:{}",
        poll.revision,
        poll.results_stamp.as_deref().unwrap_or("-")
    )
}

/// The public results of a poll (approved free texts only), from the cache
/// when it is fresh, otherwise counted and stored for the next views.
/// Charts are not drawn.
///
/// # Errors
///
/// A storage failure while counting.
pub fn public(poll: &Poll) -> Result<Results, Error> {
    let key = fingerprint(poll);
    let cached: Option<CacheRow> = db::select("results_cache")
        .filter(eq("poll_id", poll.id()))
        .first()?;
    if let Some(row) = cached.filter(|row| row.fingerprint == key) {
        match serde_json::from_str::<Results>(&row.results) {
            Ok(results) => return Ok(results),
            Err(e) => log::warn!("poll {}: unreadable results cache: {e}", poll.id()),
        }
    }
    let questions = model::load_questions(poll.id())?;
    let results = load(poll.id(), &questions, Texts::Approved)?;
    store(poll.id(), &key, &results);
    Ok(results)
}

/// Keeps counted results for the next views. A failure only costs the next
/// view a count, so it is logged and not returned.
fn store(poll_id: i64, key: &str, results: &Results) {
    let text = match serde_json::to_string(results) {
        Ok(text) => text,
        Err(e) => {
            log::warn!("poll {poll_id}: results not cached: {e}");
            return;
        }
    };
    let row = CacheRow {
        poll_id,
        fingerprint: key.to_owned(),
        results: text,
        computed_at: clock::now().utc,
    };
    if let Err(e) = db::upsert("results_cache", &row, &["poll_id"]) {
        log::warn!("poll {poll_id}: results not cached: {e}");
    }
}

/// Words the charts need, in the page's language.
pub struct Labels {
    pub locale: String,
    pub option: String,
    pub answers: String,
    pub other: String,
    pub borda: String,
    pub first: String,
    pub score: String,
    pub day: String,
    pub total: String,
    pub participation: String,
    /// The participation chart in words (its `<desc>`).
    pub describe_participation: fn(&Trend) -> String,
}

impl Labels {
    /// The labels from the plugin's catalogue.
    pub fn translated(locale: &str) -> Labels {
        Labels {
            locale: locale.to_owned(),
            option: i18n::t("results-col-option"),
            answers: i18n::t("results-col-answers"),
            other: i18n::t("answer-other"),
            borda: i18n::t("results-col-borda"),
            first: i18n::t("results-col-first"),
            score: i18n::t("results-col-score"),
            day: i18n::t("results-col-day"),
            total: i18n::t("results-col-total"),
            participation: i18n::t("results-participation-chart"),
            describe_participation: |trend| {
                i18n::t_args(
                    "results-participation-description",
                    &[
                        ("total", &trend.total.to_string()),
                        ("from", &trend.from),
                        ("to", &trend.to),
                        ("busiest", &trend.busiest),
                        ("count", &trend.busiest_count.to_string()),
                    ],
                )
            },
        }
    }
}

/// Draws a chart per question, and the participation over `span`.
pub fn draw(results: &mut Results, labels: &Labels, span: Span) {
    for q in &mut results.questions {
        let id = format!("polls-chart-{}", q.id);
        match q.kind {
            Kind::Single | Kind::Multiple => {
                let mut bars: Vec<(String, f64)> = q
                    .options
                    .iter()
                    .map(|o| (o.label.clone(), o.count as f64))
                    .collect();
                if q.other_count > 0 {
                    bars.push((labels.other.clone(), q.other_count as f64));
                }
                q.chart = Some(
                    BarChart::new(q.title.clone())
                        .id(id)
                        .headings(labels.option.clone(), labels.answers.clone())
                        .locale(&labels.locale)
                        .bars(bars)
                        .render(),
                );
            }
            Kind::Ranking => {
                q.chart = Some(
                    BarChart::new(format!("{} — {}", q.title, labels.borda))
                        .id(id.clone())
                        .headings(labels.option.clone(), labels.borda.clone())
                        .locale(&labels.locale)
                        .bars(
                            q.options
                                .iter()
                                .map(|o| (o.label.clone(), o.borda.unwrap_or(0) as f64)),
                        )
                        .render(),
                );
                q.chart_first = Some(
                    BarChart::new(format!("{} — {}", q.title, labels.first))
                        .id(format!("{id}-first"))
                        .headings(labels.option.clone(), labels.first.clone())
                        .locale(&labels.locale)
                        .bars(
                            q.options
                                .iter()
                                .map(|o| (o.label.clone(), o.first.unwrap_or(0) as f64)),
                        )
                        .render(),
                );
            }
            Kind::Scale => {
                q.chart = Some(
                    BarChart::new(q.title.clone())
                        .id(id)
                        .headings(labels.score.clone(), labels.answers.clone())
                        .locale(&labels.locale)
                        .vertical()
                        .bars(
                            q.scores
                                .iter()
                                .map(|s| (s.score.to_string(), s.count as f64)),
                        )
                        .render(),
                );
            }
            Kind::ShortText | Kind::LongText => {}
        }
    }
    // Drawn from the first day with answers on: even one day of answers
    // is a point in time, and the days around it are days without any.
    results.participation_chart =
        participation_chart(&timeline(&results.participation, span), labels);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Choice;

    fn q(id: i64, kind: Kind, options: &[i64]) -> Question {
        Question {
            id,
            position: 0,
            kind,
            title: format!("Q{id}"),
            help: None,
            required: true,
            min_choices: None,
            max_choices: None,
            scale_max: 5,
            scale_low: None,
            scale_high: None,
            allow_other: true,
            options: options
                .iter()
                .map(|o| Choice {
                    id: *o,
                    label: format!("O{o}"),
                })
                .collect(),
        }
    }

    fn row(
        question_id: i64,
        option_id: Option<i64>,
        rank: Option<i64>,
        score: Option<i64>,
        n: i64,
    ) -> CountRow {
        CountRow {
            question_id,
            option_id,
            rank,
            score,
            n,
        }
    }

    #[test]
    fn single_choice_counts_options_and_other_answers_with_percentages() {
        let qs = [q(1, Kind::Single, &[10, 11])];
        let counts = [
            row(1, Some(10), None, None, 3),
            row(1, Some(11), None, None, 1),
            row(1, None, None, None, 4),
        ];
        let r = tally(
            &qs,
            &counts,
            &[ReachRow {
                question_id: 1,
                sets: 8,
            }],
        );
        assert_eq!(r[0].options[0].count, 3);
        assert_eq!(r[0].options[0].percent, 37.5);
        assert_eq!(r[0].other_count, 4);
        assert_eq!(r[0].other_percent, 50.0);
    }

    #[test]
    fn ranking_is_ordered_by_borda_count_with_first_preferences_beside() {
        // Three options; ballots: A>B>C ×2, C>B>A ×1, B ranked first ×2
        // with nothing else ranked.
        let (a, b, c) = (10, 11, 12);
        let qs = [q(1, Kind::Ranking, &[a, b, c])];
        let counts = [
            row(1, Some(a), Some(1), None, 2),
            row(1, Some(b), Some(2), None, 3),
            row(1, Some(c), Some(3), None, 2),
            row(1, Some(c), Some(1), None, 1),
            row(1, Some(a), Some(3), None, 1),
            row(1, Some(b), Some(1), None, 2),
        ];
        let r = tally(
            &qs,
            &counts,
            &[ReachRow {
                question_id: 1,
                sets: 5,
            }],
        );
        let got: Vec<(i64, Option<i64>, Option<i64>)> = r[0]
            .options
            .iter()
            .map(|o| (o.id, o.borda, o.first))
            .collect();
        // B: 3×2 + 2×3 = 12; A: 2×3 + 1×1 = 7; C: 2×1 + 1×3 = 5.
        assert_eq!(
            got,
            [
                (b, Some(12), Some(2)),
                (a, Some(7), Some(2)),
                (c, Some(5), Some(1))
            ]
        );
        assert_eq!(r[0].options[0].first_percent, Some(40.0));
    }

    #[test]
    fn scale_gives_a_distribution_over_every_score_and_the_average() {
        let qs = [q(1, Kind::Scale, &[])];
        let counts = [
            row(1, None, None, Some(5), 2),
            row(1, None, None, Some(2), 1),
        ];
        let r = tally(
            &qs,
            &counts,
            &[ReachRow {
                question_id: 1,
                sets: 3,
            }],
        );
        assert_eq!(r[0].scores.len(), 5);
        assert_eq!(r[0].scores[4].count, 2);
        assert_eq!(r[0].scores[0].count, 0);
        assert_eq!(r[0].average, Some(4.0));
        assert_eq!(r[0].other_count, 0);
    }

    #[test]
    fn no_answer_gives_zeroes_not_a_division_by_zero() {
        let qs = [q(1, Kind::Single, &[10]), q(2, Kind::Scale, &[])];
        let r = tally(&qs, &[], &[]);
        assert_eq!(r[0].options[0].percent, 0.0);
        assert_eq!(r[1].average, None);
    }

    #[test]
    fn participation_days_carry_a_running_total_in_date_order() {
        let days = cumulate(vec![
            Day {
                day: "2026-11-03".into(),
                count: 4,
                total: 0,
            },
            Day {
                day: "2026-11-01".into(),
                count: 2,
                total: 0,
            },
        ]);
        assert_eq!(days[0].day, "2026-11-01");
        assert_eq!((days[0].total, days[1].total), (2, 6));
    }

    #[test]
    fn cached_results_read_back_the_same_without_their_charts() {
        let qs = [
            q(1, Kind::Ranking, &[10, 11]),
            q(2, Kind::Single, &[20, 21]),
            q(3, Kind::Scale, &[]),
            q(4, Kind::ShortText, &[]),
        ];
        let counts = [
            row(1, Some(10), Some(1), None, 1),
            row(2, Some(20), None, None, 2),
            row(2, None, None, None, 1),
            row(3, None, None, Some(4), 3),
            row(4, None, None, None, 2),
        ];
        let reach = [
            ReachRow {
                question_id: 2,
                sets: 3,
            },
            ReachRow {
                question_id: 3,
                sets: 3,
            },
        ];
        let mut results = Results {
            respondents: 3,
            questions: tally(&qs, &counts, &reach),
            participation: cumulate(vec![Day {
                day: "2026-11-03".into(),
                count: 3,
                total: 0,
            }]),
            participation_chart: None,
        };
        results.questions[3].texts = vec![TextItem {
            id: 7,
            question_id: 4,
            option_id: None,
            body: "Des bancs « à l'ombre »\n".into(),
            moderation: Some(APPROVED.into()),
        }];
        let text = serde_json::to_string(&results).unwrap();
        let back: Results = serde_json::from_str(&text).unwrap();
        assert_eq!(back, results);
        // Charts drawn before storing are not read back: pages draw their own.
        let mut drawn = results.clone();
        drawn.questions[1].chart = Some(BarChart::new("x").bars([("a".to_owned(), 1.0)]).render());
        let back: Results = serde_json::from_str(&serde_json::to_string(&drawn).unwrap()).unwrap();
        assert_eq!(back, results);
    }

    #[test]
    fn the_fingerprint_moves_with_the_stamp_and_the_revision() {
        let mut poll: Poll = serde_json::from_value(serde_json::json!({
            "id": 3, "title": "T", "description": null, "themes": "[]",
            "status": "published", "opens_at": "2026-11-01T08:00",
            "closes_at": "2026-11-30T18:00", "audience": "anyone",
            "group_slug": null, "anonymous": true, "allow_change": false,
            "results": "live", "revision": 2, "created_by": null,
            "created_at": null, "published_at": null, "closed_at": null,
        }))
        .unwrap();
        let before = fingerprint(&poll);
        poll.results_stamp = Some("a".into());
        let stamped = fingerprint(&poll);
        assert_ne!(before, stamped);
        poll.revision += 1;
        assert_ne!(fingerprint(&poll), stamped);
    }

    fn labels() -> Labels {
        Labels {
            locale: "fr".into(),
            option: "Option".into(),
            answers: "Réponses".into(),
            other: "Autre".into(),
            borda: "Points".into(),
            first: "Premier choix".into(),
            score: "Note".into(),
            day: "Jour".into(),
            total: "Total".into(),
            participation: "Participation".into(),
            describe_participation: |t| {
                format!(
                    "{} réponses du {} au {}, surtout le {} ({})",
                    t.total, t.from, t.to, t.busiest, t.busiest_count
                )
            },
        }
    }

    fn day(day: &str, count: i64) -> Day {
        Day {
            day: day.into(),
            count,
            total: 0,
        }
    }

    fn span(from: &str, to: &str) -> Span {
        Span {
            from: Date::parse(from),
            to: Date::parse(to),
        }
    }

    #[test]
    fn the_timeline_runs_from_opening_to_closing_with_days_without_answers() {
        let days = cumulate(vec![day("2026-11-03", 4), day("2026-11-05", 2)]);
        let line = timeline(&days, span("2026-11-01", "2026-11-06"));
        let got: Vec<(&str, i64, i64)> = line
            .iter()
            .map(|d| (d.day.as_str(), d.count, d.total))
            .collect();
        assert_eq!(
            got,
            [
                ("2026-11-01", 0, 0),
                ("2026-11-02", 0, 0),
                ("2026-11-03", 4, 4),
                ("2026-11-04", 0, 4),
                ("2026-11-05", 2, 6),
                ("2026-11-06", 0, 6),
            ]
        );
    }

    #[test]
    fn the_timeline_widens_to_answers_outside_the_span_and_gives_up_on_years() {
        let days = cumulate(vec![day("2026-10-30", 1), day("2026-11-02", 1)]);
        let line = timeline(&days, span("2026-11-01", "2026-11-01"));
        assert_eq!(line.first().map(|d| d.day.as_str()), Some("2026-10-30"));
        assert_eq!(
            line.last().map(|d| (d.day.as_str(), d.total)),
            Some(("2026-11-02", 2))
        );
        let long = timeline(&days, span("2020-01-01", "2026-11-02"));
        assert_eq!(long, days);
        assert_eq!(timeline(&days, Span::default()).len(), 4);
    }

    #[test]
    fn one_day_of_answers_still_draws_participation_with_its_words() {
        let mut results = Results {
            respondents: 3,
            questions: vec![],
            participation: cumulate(vec![day("2026-11-10", 3)]),
            participation_chart: None,
        };
        draw(&mut results, &labels(), span("2026-11-08", "2026-11-10"));
        let chart = results.participation_chart.expect("a participation chart");
        assert!(chart.svg.contains("id=\"polls-chart-participation\""));
        assert!(chart.svg.contains("role=\"img\""));
        assert!(chart.svg.contains("<title"));
        assert!(chart.svg.contains(
            "3 réponses du 8 novembre 2026 au 10 novembre 2026, surtout le 10 novembre 2026 (3)"
        ));
        let rows: Vec<(&str, &[String])> = chart
            .table
            .rows
            .iter()
            .map(|r| (r.label.as_str(), r.values.as_slice()))
            .collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].0, "08/11");
        assert_eq!(rows[2].1, ["3", "3"]);
        assert_eq!(chart.table.headings, ["Jour", "Total", "Réponses"]);
    }

    #[test]
    fn no_answer_draws_no_participation_chart() {
        let mut results = Results {
            respondents: 0,
            questions: vec![],
            participation: vec![],
            participation_chart: None,
        };
        draw(&mut results, &labels(), span("2026-11-08", "2026-11-10"));
        assert!(results.participation_chart.is_none());
    }

    #[test]
    fn charts_come_with_their_table_of_the_same_numbers() {
        let qs = [q(1, Kind::Ranking, &[10, 11]), q(2, Kind::Single, &[20])];
        let counts = [
            row(1, Some(10), Some(1), None, 1),
            row(2, Some(20), None, None, 2),
        ];
        let mut results = Results {
            respondents: 2,
            questions: tally(&qs, &counts, &[]),
            participation: vec![],
            participation_chart: None,
        };
        draw(&mut results, &labels(), Span::default());
        let ranking = &results.questions[0];
        let chart = ranking.chart.as_ref().unwrap();
        assert!(chart.svg.contains("polls-chart-1"));
        assert_eq!(chart.table.rows[0].values, ["2"]);
        assert!(ranking.chart_first.is_some());
        assert_eq!(
            results.questions[1].chart.as_ref().unwrap().table.rows[0].values,
            ["2"]
        );
    }
}
