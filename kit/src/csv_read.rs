//! Reading CSV files that people upload or paste (RFC 4180, as
//! spreadsheets write it).
//!
//! French spreadsheets separate fields with `;` (the comma is the decimal
//! separator there) and start the file with a byte order mark; others use
//! `,` or a tab. [`read`] guesses the separator from the header line,
//! drops the byte order mark, accepts CRLF or LF line ends and quoted
//! fields holding separators, quotes or line breaks, and skips blank
//! lines. Each record keeps the line it started on, so that an import can
//! say “line 12: …”.
//!
//! ```
//! use estive_kit::csv_read;
//!
//! let text = "\u{feff}indicateur;date;valeur\r\nDECHETS;2025-12-31;\"1 234,5\"\r\n";
//! let table = csv_read::read(text).unwrap();
//! assert_eq!(table.headers, ["indicateur", "date", "valeur"]);
//! assert_eq!(table.records[0].line, 2);
//! assert_eq!(table.records[0].get(2), "1 234,5");
//! ```
//!
//! Reading a whole file as text is what the host gives a plugin for an
//! uploaded file (`<input type="file">` in a `multipart/form-data` form).

use std::fmt;

/// A CSV file read into a header row and records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvTable {
    /// The separator found (or given).
    pub separator: char,
    /// The fields of the first non-blank line, trimmed.
    pub headers: Vec<String>,
    /// The following non-blank records, in order.
    pub records: Vec<CsvRecord>,
}

/// One record (row) of a CSV file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvRecord {
    /// The line of the file the record starts on, from 1.
    pub line: usize,
    /// The fields, as written (quotes removed, spaces kept).
    pub fields: Vec<String>,
}

impl CsvRecord {
    /// The field at a position, trimmed; empty when the record is shorter.
    pub fn get(&self, index: usize) -> &str {
        self.fields.get(index).map_or("", |f| f.trim())
    }
}

impl CsvTable {
    /// The position of the first header equal to one of `names`, compared
    /// without case, accents or surrounding spaces (`Valeur`, `valeur `
    /// and `VALEUR` all match `valeur`).
    ///
    /// ```
    /// let table = estive_kit::csv_read::read("Date;Commentaire\n").unwrap();
    /// assert_eq!(table.column(&["comment", "commentaire"]), Some(1));
    /// assert_eq!(table.column(&["valeur"]), None);
    /// ```
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        self.headers.iter().position(|h| {
            let h = fold(h);
            names.iter().any(|n| fold(n) == h)
        })
    }
}

/// Why a text could not be read as CSV.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvError {
    /// There is no line with any text.
    Empty,
    /// A quoted field opened on this line is never closed.
    UnclosedQuote {
        /// The line the field starts on, from 1.
        line: usize,
    },
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CsvError::Empty => f.write_str("the file is empty"),
            CsvError::UnclosedQuote { line } => {
                write!(f, "line {line}: a quoted field is never closed")
            }
        }
    }
}

impl std::error::Error for CsvError {}

/// Reads a CSV text, guessing the separator from the header line: the one
/// of `;`, `,` and tab that occurs most often outside quotes (`;` wins a
/// tie, then `,`).
///
/// # Errors
///
/// [`CsvError::Empty`] when there is no header line;
/// [`CsvError::UnclosedQuote`] when a quoted field never ends.
pub fn read(text: &str) -> Result<CsvTable, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    read_with(text, guess_separator(text))
}

/// Reads a CSV text with a known separator.
///
/// ```
/// let table = estive_kit::csv_read::read_with("a|b\n1|\"x|y\"\n", '|').unwrap();
/// assert_eq!(table.records[0].fields, ["1", "x|y"]);
/// ```
///
/// # Errors
///
/// As [`read`].
pub fn read_with(text: &str, separator: char) -> Result<CsvTable, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = parse(text, separator)?.into_iter();
    let header = records.next().ok_or(CsvError::Empty)?;
    Ok(CsvTable {
        separator,
        headers: header.fields.iter().map(|h| h.trim().to_owned()).collect(),
        records: records.collect(),
    })
}

/// The separator of the first non-blank line.
fn guess_separator(text: &str) -> char {
    let mut counts = [(';', 0usize), (',', 0), ('\t', 0)];
    let mut in_quotes = false;
    let mut seen_text = false;
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' if !in_quotes && seen_text => break,
            c if !in_quotes => {
                if let Some(entry) = counts.iter_mut().find(|(s, _)| *s == c) {
                    entry.1 += 1;
                }
                if !c.is_whitespace() {
                    seen_text = true;
                }
            }
            _ => {}
        }
    }
    // `max_by_key` keeps the last of equal counts: scan in reverse
    // preference so that `;` wins ties.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map_or(';', |(s, _)| *s)
}

/// Splits a text into records, skipping blank ones.
fn parse(text: &str, separator: char) -> Result<Vec<CsvRecord>, CsvError> {
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut record_line = 1;
    let mut quote_line = 0;
    let mut in_quotes = false;
    let mut chars = text.chars().peekable();
    let mut finish_record = |fields: &mut Vec<String>, field: &mut String, record_line: usize| {
        fields.push(std::mem::take(field));
        let blank = fields.iter().all(|f| f.trim().is_empty());
        let taken = std::mem::take(fields);
        if !blank {
            records.push(CsvRecord {
                line: record_line,
                fields: taken,
            });
        }
    };
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                '\r' if chars.peek() == Some(&'\n') => {}
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() => {
                field.clear();
                in_quotes = true;
                quote_line = line;
            }
            c if c == separator => fields.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                finish_record(&mut fields, &mut field, record_line);
                line += 1;
                record_line = line;
            }
            c => field.push(c),
        }
    }
    if in_quotes {
        return Err(CsvError::UnclosedQuote { line: quote_line });
    }
    if !field.is_empty() || !fields.is_empty() {
        finish_record(&mut fields, &mut field, record_line);
    }
    Ok(records)
}

/// Lower case without accents or surrounding spaces, to compare headers.
fn fold(text: &str) -> String {
    text.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ÿ' => 'y',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_spreadsheet_file_with_bom_and_semicolons_is_read() {
        let table = read("\u{feff}Code;Valeur\r\nA;1,5\r\nB;2\r\n").unwrap();
        assert_eq!(table.separator, ';');
        assert_eq!(table.headers, ["Code", "Valeur"]);
        assert_eq!(table.records.len(), 2);
        assert_eq!(table.records[1].fields, ["B", "2"]);
        assert_eq!(table.records[1].line, 3);
    }

    #[test]
    fn comma_and_tab_separators_are_guessed_from_the_header() {
        assert_eq!(read("a,b,c\n1,2,3\n").unwrap().separator, ',');
        assert_eq!(read("a\tb\n1\t2\n").unwrap().separator, '\t');
        // Commas inside quotes do not count.
        let table = read("\"x,y,z\";b\n1;2\n").unwrap();
        assert_eq!(table.separator, ';');
        assert_eq!(table.headers, ["x,y,z", "b"]);
    }

    #[test]
    fn quoted_fields_keep_separators_quotes_and_line_breaks() {
        let table =
            read("a;b\n\"un; deux\";\"il dit \"\"oui\"\"\"\n\"ligne 1\r\nligne 2\";x\nfin;y\n")
                .unwrap();
        assert_eq!(table.records[0].fields, ["un; deux", "il dit \"oui\""]);
        assert_eq!(table.records[1].fields, ["ligne 1\nligne 2", "x"]);
        assert_eq!(table.records[1].line, 3);
        assert_eq!(table.records[2].line, 5);
    }

    #[test]
    fn blank_lines_are_skipped_and_a_missing_last_newline_is_fine() {
        let table = read("a;b\n\n;\n1;2").unwrap();
        assert_eq!(table.records.len(), 1);
        assert_eq!(table.records[0].line, 4);
        assert_eq!(table.records[0].get(1), "2");
        assert_eq!(table.records[0].get(5), "");
    }

    #[test]
    fn unclosed_quote_names_its_line_and_empty_text_is_refused() {
        assert_eq!(
            read("a;b\n1;\"oops\n2;3\n"),
            Err(CsvError::UnclosedQuote { line: 2 })
        );
        assert_eq!(read(""), Err(CsvError::Empty));
        assert_eq!(read("\u{feff}\r\n\r\n"), Err(CsvError::Empty));
    }

    #[test]
    fn columns_are_found_without_case_or_accents() {
        let table = read("Indicateur ; Période ;VALEUR\n").unwrap();
        assert_eq!(table.column(&["valeur"]), Some(2));
        assert_eq!(table.column(&["periode"]), Some(1));
        assert_eq!(table.column(&["indicator", "indicateur"]), Some(0));
    }
}
