//! Importing measurements from a CSV file: a preview that lists every
//! problem by line, then a confirmation that saves every row or none.
//!
//! The file has a header line naming its columns, in French or English:
//! `indicateur` (an indicator's code), `date` (`AAAA-MM-JJ` or
//! `JJ/MM/AAAA`), `valeur` (a decimal comma is fine), and optionally
//! `commune` (INSEE code or name of a member commune), `source` and
//! `commentaire`. Separators `;`, `,` or tab are recognised.

use std::collections::HashMap;

use estive_kit::csv_read::{self, CsvError};
use estive_sdk::csv::CsvWriter;
use estive_sdk::dates::Date;
use estive_sdk::form::Form;
use estive_sdk::prelude::*;
use serde_json::Value;

use crate::communes::{self, Commune};
use crate::measurements::{ADDED, added_payload};
use crate::model::{Indicator, Measurement, ORIGIN_IMPORT, now_utc, today};
use crate::numbers::{parse_date, parse_decimal, with_unit};
use crate::{history, programme};

/// Rows one import may hold: each row is written and published in one
/// transaction, which the host caps at 1,000 steps.
pub const MAX_ROWS: usize = 400;

/// The columns of the file, with the names accepted for each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Indicator,
    Date,
    Value,
    Commune,
    Source,
    Comment,
}

const COLUMNS: [(Column, &[&str]); 6] = [
    (Column::Indicator, &["indicateur", "indicator", "code"]),
    (Column::Date, &["date", "date de mesure", "measured on"]),
    (Column::Value, &["valeur", "value"]),
    (Column::Commune, &["commune", "code insee", "insee"]),
    (Column::Source, &["source"]),
    (Column::Comment, &["commentaire", "comment"]),
];

/// The column names a file should have, for messages.
pub const EXPECTED: &str = "indicateur, date, valeur, commune, source, commentaire";

/// Something wrong with the file or a row. Each has a catalogue key and
/// its arguments, so that the page says it in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    Empty,
    UnclosedQuote {
        line: usize,
    },
    UnknownColumn {
        name: String,
    },
    DuplicateColumn {
        name: String,
    },
    MissingColumn {
        name: &'static str,
    },
    NoRows,
    TooManyRows {
        rows: usize,
    },
    ExtraFields {
        found: usize,
        expected: usize,
    },
    MissingIndicator,
    UnknownIndicator {
        code: String,
    },
    MissingDate,
    BadDate {
        text: String,
    },
    FutureDate {
        date: Date,
    },
    MissingValue,
    BadNumber {
        text: String,
    },
    UnknownCommune {
        text: String,
    },
    TooLong {
        column: &'static str,
        max: usize,
    },
    Repeated {
        line: usize,
    },
    Exists {
        value: f64,
    },
    /// Values were entered since the preview: nothing was saved.
    Changed,
}

impl Problem {
    /// The catalogue key and arguments of the message.
    pub fn message(&self, locale: &str) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            Problem::Empty => ("import-error-empty", vec![]),
            Problem::UnclosedQuote { line } => {
                ("import-error-quote", vec![("line", line.to_string())])
            }
            Problem::UnknownColumn { name } => (
                "import-error-unknown-column",
                vec![("name", name.clone()), ("expected", EXPECTED.to_owned())],
            ),
            Problem::DuplicateColumn { name } => (
                "import-error-duplicate-column",
                vec![("name", name.clone())],
            ),
            Problem::MissingColumn { name } => (
                "import-error-missing-column",
                vec![("name", (*name).to_owned())],
            ),
            Problem::NoRows => ("import-error-no-rows", vec![]),
            Problem::TooManyRows { rows } => (
                "import-error-too-many-rows",
                vec![("rows", rows.to_string()), ("max", MAX_ROWS.to_string())],
            ),
            Problem::ExtraFields { found, expected } => (
                "import-error-extra-fields",
                vec![
                    ("found", found.to_string()),
                    ("expected", expected.to_string()),
                ],
            ),
            Problem::MissingIndicator => ("import-error-missing-indicator", vec![]),
            Problem::UnknownIndicator { code } => (
                "import-error-unknown-indicator",
                vec![("code", code.clone())],
            ),
            Problem::MissingDate => ("import-error-missing-date", vec![]),
            Problem::BadDate { text } => ("import-error-bad-date", vec![("text", text.clone())]),
            Problem::FutureDate { date } => {
                ("import-error-future-date", vec![("date", date.to_string())])
            }
            Problem::MissingValue => ("import-error-missing-value", vec![]),
            Problem::BadNumber { text } => {
                ("import-error-bad-number", vec![("text", text.clone())])
            }
            Problem::UnknownCommune { text } => {
                ("import-error-unknown-commune", vec![("text", text.clone())])
            }
            Problem::TooLong { column, max } => (
                "import-error-too-long",
                vec![("column", (*column).to_owned()), ("max", max.to_string())],
            ),
            Problem::Repeated { line } => {
                ("import-error-repeated", vec![("line", line.to_string())])
            }
            Problem::Exists { value } => (
                "import-error-exists",
                vec![("value", crate::numbers::plain(*value, locale))],
            ),
            Problem::Changed => ("import-error-changed", vec![]),
        }
    }
}

/// One row of the file, read and checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub line: usize,
    /// Position of the indicator in the list given to [`check`].
    pub indicator: Option<usize>,
    pub indicator_text: String,
    pub date: Option<Date>,
    pub date_text: String,
    pub value: Option<f64>,
    pub value_text: String,
    /// INSEE code, empty for the whole territory.
    pub commune: String,
    pub source: String,
    pub comment: String,
    pub problems: Vec<Problem>,
    /// The id and value of the measurement this row replaces.
    pub replaces: Option<(i64, f64)>,
}

/// What checking a file found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Problems with the file as a whole.
    pub problems: Vec<Problem>,
    pub rows: Vec<Row>,
}

impl Report {
    /// Whether the file can be saved as it is.
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty() && self.rows.iter().all(|r| r.problems.is_empty())
    }

    /// The number of problems, file and rows together.
    pub fn problem_count(&self) -> usize {
        self.problems.len() + self.rows.iter().map(|r| r.problems.len()).sum::<usize>()
    }
}

/// Reads and checks a file against the indicators and communes of the
/// site. Does not look at stored values: see [`mark_existing`].
pub fn check(text: &str, indicators: &[Indicator], communes: &[Commune], today: Date) -> Report {
    let mut report = Report::default();
    let table = match csv_read::read(text) {
        Ok(table) => table,
        Err(CsvError::Empty) => {
            report.problems.push(Problem::Empty);
            return report;
        }
        Err(CsvError::UnclosedQuote { line }) => {
            report.problems.push(Problem::UnclosedQuote { line });
            return report;
        }
    };
    // Map each header to a column; every header must be known.
    let mut positions: HashMap<usize, Column> = HashMap::new();
    for (i, header) in table.headers.iter().enumerate() {
        if header.is_empty() && table.records.iter().all(|r| r.get(i).is_empty()) {
            // A trailing separator on every line: an empty column.
            continue;
        }
        let single = csv_read::CsvTable {
            separator: table.separator,
            headers: vec![header.replace('_', " ")],
            records: Vec::new(),
        };
        match COLUMNS
            .iter()
            .find(|(_, names)| single.column(names).is_some())
        {
            Some((column, _)) if positions.values().any(|c| c == column) => {
                report.problems.push(Problem::DuplicateColumn {
                    name: header.clone(),
                });
            }
            Some((column, _)) => {
                positions.insert(i, *column);
            }
            None => report.problems.push(Problem::UnknownColumn {
                name: header.clone(),
            }),
        }
    }
    for (column, name) in [
        (Column::Indicator, "indicateur"),
        (Column::Date, "date"),
        (Column::Value, "valeur"),
    ] {
        if !positions.values().any(|c| *c == column) {
            report.problems.push(Problem::MissingColumn { name });
        }
    }
    if table.records.is_empty() {
        report.problems.push(Problem::NoRows);
    }
    if table.records.len() > MAX_ROWS {
        report.problems.push(Problem::TooManyRows {
            rows: table.records.len(),
        });
    }
    if !report.problems.is_empty() {
        return report;
    }
    let field = |record: &csv_read::CsvRecord, wanted: Column| -> String {
        positions
            .iter()
            .find(|(_, c)| **c == wanted)
            .map_or(String::new(), |(i, _)| record.get(*i).to_owned())
    };
    let mut seen: HashMap<(usize, Date, String), usize> = HashMap::new();
    for record in &table.records {
        let mut row = Row {
            line: record.line,
            indicator: None,
            indicator_text: field(record, Column::Indicator),
            date: None,
            date_text: field(record, Column::Date),
            value: None,
            value_text: field(record, Column::Value),
            commune: String::new(),
            source: field(record, Column::Source),
            comment: field(record, Column::Comment),
            problems: Vec::new(),
            replaces: None,
        };
        let extra = record
            .fields
            .iter()
            .skip(table.headers.len())
            .any(|f| !f.trim().is_empty());
        if extra {
            row.problems.push(Problem::ExtraFields {
                found: record.fields.len(),
                expected: table.headers.len(),
            });
        }
        if row.indicator_text.is_empty() {
            row.problems.push(Problem::MissingIndicator);
        } else {
            row.indicator = indicators
                .iter()
                .position(|i| i.code.eq_ignore_ascii_case(&row.indicator_text));
            if row.indicator.is_none() {
                row.problems.push(Problem::UnknownIndicator {
                    code: row.indicator_text.clone(),
                });
            }
        }
        if row.date_text.is_empty() {
            row.problems.push(Problem::MissingDate);
        } else {
            match parse_date(&row.date_text) {
                None => row.problems.push(Problem::BadDate {
                    text: row.date_text.clone(),
                }),
                Some(date) if date > today => row.problems.push(Problem::FutureDate { date }),
                Some(date) => row.date = Some(date),
            }
        }
        if row.value_text.is_empty() {
            row.problems.push(Problem::MissingValue);
        } else {
            row.value = parse_decimal(&row.value_text);
            if row.value.is_none() {
                row.problems.push(Problem::BadNumber {
                    text: row.value_text.clone(),
                });
            }
        }
        let commune_text = field(record, Column::Commune);
        if !commune_text.is_empty() {
            match communes::find(communes, &commune_text) {
                Some(c) => row.commune = c.code.clone(),
                None => row
                    .problems
                    .push(Problem::UnknownCommune { text: commune_text }),
            }
        }
        if row.source.chars().count() > 300 {
            row.problems.push(Problem::TooLong {
                column: "source",
                max: 300,
            });
        }
        if row.comment.chars().count() > 2000 {
            row.problems.push(Problem::TooLong {
                column: "commentaire",
                max: 2000,
            });
        }
        if let (Some(indicator), Some(date)) = (row.indicator, row.date) {
            let key = (indicator, date, row.commune.clone());
            match seen.get(&key) {
                Some(line) => row.problems.push(Problem::Repeated { line: *line }),
                None => {
                    seen.insert(key, row.line);
                }
            }
        }
        report.rows.push(row);
    }
    report
}

/// A value already stored: its id, indicator, date, commune and value.
pub type Stored = (i64, i64, Date, String, f64);

/// Marks the rows that would overwrite a stored value: replaced when
/// `replace` is ticked, a problem otherwise.
pub fn mark_existing(
    report: &mut Report,
    indicators: &[Indicator],
    stored: &[Stored],
    replace: bool,
) {
    for row in &mut report.rows {
        let (Some(i), Some(date)) = (row.indicator, row.date) else {
            continue;
        };
        let id = indicators[i].id();
        let found = stored
            .iter()
            .find(|(_, ind, on, commune, _)| *ind == id && *on == date && *commune == row.commune);
        if let Some((mid, _, _, _, value)) = found {
            if replace {
                row.replaces = Some((*mid, *value));
            } else {
                row.problems.push(Problem::Exists { value: *value });
            }
        }
    }
}

/// The text of a problem in the reader's language.
fn say(problem: &Problem, locale: &str) -> String {
    let (key, args) = problem.message(locale);
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    i18n::t_args(key, &args)
}

/// The stored values the rows may clash with.
fn stored_for(report: &Report, indicators: &[Indicator]) -> Result<Vec<Stored>, Error> {
    let ids: Vec<i64> = report
        .rows
        .iter()
        .filter_map(|r| r.indicator.map(|i| indicators[i].id()))
        .collect();
    let mut dates: Vec<String> = report
        .rows
        .iter()
        .filter_map(|r| r.date.map(|d| d.to_string()))
        .collect();
    dates.sort();
    dates.dedup();
    if ids.is_empty() || dates.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<Measurement> = db::select("measurements")
        .filter(one_of("indicator_id", ids))
        .filter(one_of("measured_on", dates))
        .limit(10_000)
        .fetch()?;
    Ok(rows
        .into_iter()
        .map(|m| (m.id(), m.indicator_id, m.measured_on, m.commune, m.value))
        .collect())
}

/// The import form; `invalid`, its errors when it is shown again.
fn form_view(req: &Request, indicators: &[Indicator], invalid: Option<&Error>) -> View {
    let codes: Vec<Value> = indicators
        .iter()
        .map(|i| json!({ "code": i.code, "title": i.title, "unit": i.unit }))
        .collect();
    let mut form = Form::new("indicators")
        .label("file", "import-file")
        .label("text", "import-text");
    if let Some(e) = invalid {
        form = form.sent(req).errors(e);
    }
    view("import.html")
        .title(i18n::t("import-title"))
        .crumb(i18n::t("manage-title"), req.url("/"))
        .set("indicators", codes)
        .set("communes", communes::all())
        .set("max_rows", MAX_ROWS)
        .form(form)
}

/// The preview of a checked file, for templates.
fn preview_rows(
    report: &Report,
    indicators: &[Indicator],
    communes: &[Commune],
    locale: &str,
) -> Vec<Value> {
    report
        .rows
        .iter()
        .map(|r| {
            let indicator = r.indicator.map(|i| &indicators[i]);
            json!({
                "line": r.line,
                "code": indicator.map_or(r.indicator_text.as_str(), |i| i.code.as_str()),
                "title": indicator.map(|i| i.title.as_str()),
                "date": r.date,
                "date_text": r.date_text,
                "commune": if r.commune.is_empty() { None } else { Some(communes::name_of(communes, &r.commune)) },
                "value": match (r.value, indicator) {
                    (Some(v), Some(i)) => with_unit(v, &i.unit, locale),
                    (Some(v), None) => with_unit(v, "", locale),
                    (None, _) => r.value_text.clone(),
                },
                "replaces": r.replaces.map(|(_, v)| match indicator {
                    Some(i) => with_unit(v, &i.unit, locale),
                    None => with_unit(v, "", locale),
                }),
                "problems": r.problems.iter().map(|p| say(p, locale)).collect::<Vec<_>>(),
            })
        })
        .collect()
}

/// `GET|POST /import`: the form; then the preview (`step=preview`); then
/// saving (`step=confirm`), which checks the file again and saves every
/// row or none.
pub fn page(req: &Request) -> Result<Response, Error> {
    let indicators = programme::indicators()?;
    if !req.is_post() {
        return Ok(form_view(req, &indicators, None).into());
    }
    let file = req.form("file").unwrap_or("");
    let text = if file.trim().is_empty() {
        req.form("text").unwrap_or("")
    } else {
        file
    };
    let filename = req
        .form("file.filename")
        .filter(|_| !file.trim().is_empty());
    let replace = req.validator().checkbox("replace").value();
    if text.trim().is_empty() {
        let e = Error::invalid("file", "import-error-no-file");
        return Ok(form_view(req, &indicators, Some(&e)).into());
    }
    let communes = communes::all();
    let mut report = check(text, &indicators, &communes, today());
    if report.problems.is_empty() {
        let stored = stored_for(&report, &indicators)?;
        mark_existing(&mut report, &indicators, &stored, replace);
    }
    let confirm = req.form("step") == Some("confirm");
    if !report.is_ok() || !confirm {
        return Ok(preview(
            req,
            &indicators,
            &communes,
            &report,
            text,
            filename,
            replace,
        )
        .into());
    }
    match save(req, &indicators, &report) {
        Ok(count) => Ok(redirect(req.url("/indicateurs"))
            .notice(i18n::t_args(
                "notice-imported",
                &[("count", &count.to_string())],
            ))
            .into()),
        // Someone entered one of these values since the preview.
        Err(Error::Conflict(_)) => {
            report.problems.push(Problem::Changed);
            Ok(preview(
                req,
                &indicators,
                &communes,
                &report,
                text,
                filename,
                replace,
            )
            .status(409)
            .into())
        }
        Err(e) => Err(e),
    }
}

fn preview(
    req: &Request,
    indicators: &[Indicator],
    communes: &[Commune],
    report: &Report,
    text: &str,
    filename: Option<&str>,
    replace: bool,
) -> View {
    let ok = report.is_ok();
    let title = if ok {
        i18n::t("import-preview-title")
    } else {
        i18n::t_args(
            "import-problems-title",
            &[("count", &report.problem_count().to_string())],
        )
    };
    let replacing = report.rows.iter().filter(|r| r.replaces.is_some()).count();
    view("import_preview.html")
        .title(title)
        .set("ok", ok)
        .set(
            "file_problems",
            report
                .problems
                .iter()
                .map(|p| say(p, req.locale()))
                .collect::<Vec<_>>(),
        )
        .set(
            "rows",
            preview_rows(report, indicators, communes, req.locale()),
        )
        .set("row_count", report.rows.len())
        .set(
            "bad_rows",
            report
                .rows
                .iter()
                .filter(|r| !r.problems.is_empty())
                .count(),
        )
        .set("problem_count", report.problem_count())
        .set("replacing", replacing)
        .set("text", text)
        .set("filename", filename)
        .set("replace", replace)
        .crumb(i18n::t("manage-title"), req.url("/"))
        .status(if ok { 200 } else { 422 })
}

/// Saves every row in one transaction, publishing each value.
fn save(req: &Request, indicators: &[Indicator], report: &Report) -> Result<usize, Error> {
    let user = req.require_user()?;
    let now = now_utc();
    let mut tx = db::transaction();
    let mut actions: Vec<i64> = Vec::new();
    for row in &report.rows {
        let (Some(i), Some(date), Some(value)) = (row.indicator, row.date, row.value) else {
            return Err(Error::internal("a row without problems lacks a value"));
        };
        let indicator = &indicators[i];
        actions.extend(indicator.action_id);
        let m = Measurement {
            id: None,
            indicator_id: indicator.id(),
            measured_on: date,
            commune: row.commune.clone(),
            value,
            source: if row.source.is_empty() {
                indicator.source.clone()
            } else {
                row.source.clone()
            },
            comment: row.comment.clone(),
            author_id: Some(user.id.clone()),
            author_name: user.name.clone(),
            origin: ORIGIN_IMPORT.to_owned(),
            created_at: Some(now.clone()),
        };
        match row.replaces {
            Some((id, _)) => {
                tx.update(
                    db::update("measurements")
                        .filter(eq("id", id))
                        .set_fields(&m),
                );
                tx.publish(ADDED, &added_payload(indicator, &m, Some(id)));
            }
            None => {
                tx.insert("measurements", &m);
                tx.publish(ADDED, &added_payload(indicator, &m, None));
            }
        }
    }
    tx.audit(
        "measurements.imported",
        "measurements",
        &json!({
            "rows": report.rows.len(),
            "replaced": report.rows.iter().filter(|r| r.replaces.is_some()).count(),
        }),
    );
    tx.commit()?;
    actions.sort_unstable();
    actions.dedup();
    history::record(&actions, &[]);
    Ok(report.rows.len())
}

/// `GET /import/modele.csv`: a file to fill in, with the site's codes.
pub fn template(_req: &Request) -> Result<Response, Error> {
    let indicators = programme::indicators()?;
    let mut csv = CsvWriter::excel();
    csv.row([
        "indicateur",
        "date",
        "valeur",
        "commune",
        "source",
        "commentaire",
    ]);
    let today = today().to_string();
    for indicator in indicators.iter().take(50) {
        csv.row([
            indicator.code.as_str(),
            today.as_str(),
            "",
            "",
            indicator.source.as_str(),
            "",
        ]);
    }
    Ok(csv.into_download("modele-import-agenda21.csv").into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Direction, Frequency};

    fn indicator(id: i64, code: &str) -> Indicator {
        Indicator {
            id: Some(id),
            action_id: None,
            code: code.into(),
            title: format!("Indicateur {code}"),
            description: String::new(),
            unit: "t".into(),
            direction: Direction::Down,
            baseline_value: None,
            baseline_on: None,
            target_value: None,
            target_on: None,
            frequency: Frequency::Yearly,
            source: "SMTD".into(),
            confidential: false,
            weight: 1.0,
        }
    }

    fn known() -> Vec<Indicator> {
        vec![indicator(1, "DECHETS"), indicator(2, "EAU")]
    }

    fn communes() -> Vec<Commune> {
        crate::communes::parse(&["65123 – Arreau".to_owned(), "65059 – Bourisp".to_owned()])
    }

    fn today() -> Date {
        Date::parse("2026-06-30").unwrap()
    }

    fn run(text: &str) -> Report {
        check(text, &known(), &communes(), today())
    }

    #[test]
    fn a_good_french_file_is_read_with_comma_decimals_and_communes() {
        let report = run("\u{feff}Indicateur;Date;Valeur;Commune;Commentaire\r\n\
             DECHETS;31/12/2025;\"1 234,5\";;Année complète\r\n\
             eau;2025-12-31;12,75;Arreau;\r\n\
             EAU;2025-12-31;3;65059;\r\n");
        assert!(report.is_ok(), "{report:?}");
        assert_eq!(report.rows.len(), 3);
        assert_eq!(report.rows[0].value, Some(1234.5));
        assert_eq!(report.rows[0].date.unwrap().to_string(), "2025-12-31");
        assert_eq!(report.rows[0].comment, "Année complète");
        assert_eq!(report.rows[1].indicator, Some(1));
        assert_eq!(report.rows[1].commune, "65123");
        assert_eq!(report.rows[2].commune, "65059");
    }

    #[test]
    fn a_wrong_column_is_refused_before_any_row() {
        let report = run("indicateur;date;valeur;unité\nDECHETS;2025-12-31;1;t\n");
        assert!(!report.is_ok());
        assert_eq!(
            report.problems,
            [Problem::UnknownColumn {
                name: "unité".into()
            }]
        );
        assert!(report.rows.is_empty());
        let report = run("indicateur;valeur\nDECHETS;1\n");
        assert_eq!(report.problems, [Problem::MissingColumn { name: "date" }]);
        let report = run("indicateur;date;valeur;value\n");
        assert!(report.problems.contains(&Problem::DuplicateColumn {
            name: "value".into()
        }));
        assert!(report.problems.contains(&Problem::NoRows));
    }

    #[test]
    fn english_headers_and_a_trailing_separator_are_accepted() {
        let report = run("indicator,measured_on,value,comment,\nEAU,2026-01-31,2.5,ok,\n");
        assert!(report.is_ok(), "{report:?}");
        assert_eq!(report.rows[0].value, Some(2.5));
    }

    #[test]
    fn each_bad_row_says_what_is_wrong_and_on_which_line() {
        let report = run("indicateur;date;valeur;commune\n\
             DECHETS;2025-12-31;douze;\n\
             INCONNU;2025-12-31;1;\n\
             DECHETS;2027-01-01;1;\n\
             DECHETS;32/01/2025;1;\n\
             EAU;2025-12-31;1;Lourdes\n\
             ;;;\n\
             EAU;;;\n\
             DECHETS;2024-12-31;1;\n\
             DECHETS;31/12/2024;2;\n");
        assert!(!report.is_ok());
        let problems: Vec<(usize, Vec<Problem>)> = report
            .rows
            .iter()
            .map(|r| (r.line, r.problems.clone()))
            .collect();
        assert_eq!(
            problems,
            [
                (
                    2,
                    vec![Problem::BadNumber {
                        text: "douze".into()
                    }]
                ),
                (
                    3,
                    vec![Problem::UnknownIndicator {
                        code: "INCONNU".into()
                    }]
                ),
                (
                    4,
                    vec![Problem::FutureDate {
                        date: Date::parse("2027-01-01").unwrap()
                    }]
                ),
                (
                    5,
                    vec![Problem::BadDate {
                        text: "32/01/2025".into()
                    }]
                ),
                (
                    6,
                    vec![Problem::UnknownCommune {
                        text: "Lourdes".into()
                    }]
                ),
                (8, vec![Problem::MissingDate, Problem::MissingValue]),
                (9, vec![]),
                (10, vec![Problem::Repeated { line: 9 }]),
            ]
        );
        assert_eq!(report.problem_count(), 8);
    }

    #[test]
    fn a_broken_or_oversized_file_is_refused_as_a_whole() {
        assert_eq!(run("").problems, [Problem::Empty]);
        assert_eq!(
            run("indicateur;date;valeur\n\"DECHETS;2025-12-31;1\n").problems,
            [Problem::UnclosedQuote { line: 2 }]
        );
        let mut big = String::from("indicateur;date;valeur\n");
        for _ in 0..=MAX_ROWS {
            big.push_str("EAU;2025-01-01;1\n");
        }
        assert_eq!(
            run(&big).problems,
            [Problem::TooManyRows { rows: MAX_ROWS + 1 }]
        );
        let extra = run("indicateur;date;valeur\nEAU;2025-01-01;1;oups\n");
        assert_eq!(
            extra.rows[0].problems,
            [Problem::ExtraFields {
                found: 4,
                expected: 3
            }]
        );
    }

    #[test]
    fn a_stored_value_is_a_problem_unless_replacing_is_asked() {
        let text = "indicateur;date;valeur;commune\nEAU;2025-12-31;4;\nEAU;2025-12-31;5;Arreau\n";
        let stored = [(
            40,
            2,
            Date::parse("2025-12-31").unwrap(),
            String::new(),
            3.5,
        )];
        let mut kept = run(text);
        mark_existing(&mut kept, &known(), &stored, false);
        assert_eq!(kept.rows[0].problems, [Problem::Exists { value: 3.5 }]);
        assert!(kept.rows[1].problems.is_empty());
        let mut replaced = run(text);
        mark_existing(&mut replaced, &known(), &stored, true);
        assert!(replaced.is_ok());
        assert_eq!(replaced.rows[0].replaces, Some((40, 3.5)));
        assert_eq!(replaced.rows[1].replaces, None);
    }

    #[test]
    fn every_problem_has_a_message_key_with_its_arguments() {
        let (key, args) = Problem::UnknownColumn { name: "x".into() }.message("fr");
        assert_eq!(key, "import-error-unknown-column");
        assert_eq!(args[0], ("name", "x".to_owned()));
        assert_eq!(Problem::Exists { value: 2.5 }.message("fr").1[0].1, "2,5");
    }
}
