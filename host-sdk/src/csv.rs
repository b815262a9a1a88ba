//! Writing CSV files (RFC 4180) for download.
//!
//! ```
//! use estive_sdk::csv::CsvWriter;
//!
//! let mut csv = CsvWriter::new();
//! csv.row(["Option", "Votes"]).row(["Piscine; été", "12"]);
//! assert_eq!(csv.into_string(), "Option,Votes\r\nPiscine; été,12\r\n");
//! ```
//!
//! For people who open the file in a spreadsheet, [`CsvWriter::excel`]
//! writes what French Excel expects; see there.

use std::borrow::Cow;

use crate::{Download, download};

/// Builds a CSV file row by row.
#[derive(Clone, Debug)]
pub struct CsvWriter {
    separator: char,
    bom: bool,
    protect_formulas: bool,
    out: String,
}

impl Default for CsvWriter {
    fn default() -> Self {
        CsvWriter::new()
    }
}

impl CsvWriter {
    /// A plain RFC 4180 writer: comma separator, CRLF line ends, no byte
    /// order mark.
    pub fn new() -> CsvWriter {
        CsvWriter {
            separator: ',',
            bom: false,
            protect_formulas: false,
            out: String::new(),
        }
    }

    /// A writer for spreadsheets set up for French: `;` separator (the
    /// comma is the decimal separator there), a UTF-8 byte order mark (or
    /// Excel reads the file as Windows-1252), and formula protection (see
    /// [`CsvWriter::protect_formulas`]).
    ///
    /// ```
    /// use estive_sdk::csv::CsvWriter;
    ///
    /// let mut csv = CsvWriter::excel();
    /// csv.row(["Nom", "Note"]).row(["=1+1", "-3"]);
    /// let text = csv.into_string();
    /// assert_eq!(text, "\u{feff}Nom;Note\r\n'=1+1;-3\r\n");
    /// ```
    pub fn excel() -> CsvWriter {
        CsvWriter::new()
            .separator(';')
            .bom(true)
            .protect_formulas(true)
    }

    /// Sets the field separator (`,` by default; `;` or `\t` are common).
    ///
    /// A separator that is `"`, CR or LF cannot be read back; it is
    /// ignored.
    #[must_use]
    pub fn separator(mut self, separator: char) -> CsvWriter {
        if !matches!(separator, '"' | '\r' | '\n') {
            self.separator = separator;
        }
        self
    }

    /// Whether to start the file with a UTF-8 byte order mark.
    #[must_use]
    pub fn bom(mut self, bom: bool) -> CsvWriter {
        self.bom = bom;
        self
    }

    /// Whether to defuse fields that a spreadsheet would run as a formula
    /// (starting with `=`, `+`, `-`, `@`, a tab or CR), by prefixing them
    /// with `'`. Numbers such as `-3` or `+33` are left alone. Turn it on
    /// whenever the file holds text typed by visitors and will be opened
    /// in a spreadsheet (“CSV injection”).
    #[must_use]
    pub fn protect_formulas(mut self, protect: bool) -> CsvWriter {
        self.protect_formulas = protect;
        self
    }

    /// Appends a row.
    pub fn row<I, S>(&mut self, fields: I) -> &mut CsvWriter
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for (i, field) in fields.into_iter().enumerate() {
            if i > 0 {
                self.out.push(self.separator);
            }
            let field = field.as_ref();
            if self.protect_formulas && is_formula(field) {
                self.out
                    .push_str(&quote_field(&format!("'{field}"), self.separator));
            } else {
                self.out.push_str(&quote_field(field, self.separator));
            }
        }
        self.out.push_str("\r\n");
        self
    }

    /// The file as text.
    pub fn into_string(self) -> String {
        if self.bom {
            format!("\u{feff}{}", self.out)
        } else {
            self.out
        }
    }

    /// The file as bytes.
    pub fn into_bytes(self) -> Vec<u8> {
        self.into_string().into_bytes()
    }

    /// The file as a download, `text/csv; charset=utf-8`.
    ///
    /// ```
    /// use estive_sdk::csv::CsvWriter;
    ///
    /// let mut csv = CsvWriter::excel();
    /// csv.row(["a", "b"]);
    /// let file = csv.into_download("resultats.csv");
    /// assert_eq!(file.content_type, "text/csv; charset=utf-8");
    /// ```
    pub fn into_download(self, filename: &str) -> Download {
        download("text/csv; charset=utf-8", filename, self.into_bytes())
    }
}

/// Whether a spreadsheet would read the field as a formula.
fn is_formula(field: &str) -> bool {
    let starts_like_formula = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let is_number = field.parse::<f64>().is_ok() || field.replace(',', ".").parse::<f64>().is_ok();
    starts_like_formula && !is_number
}

/// Quotes a field when needed (RFC 4180): a field holding the separator, a
/// double quote, CR or LF, or starting or ending with a space, is put in
/// double quotes, and its double quotes are doubled.
///
/// ```
/// use estive_sdk::csv::quote_field;
///
/// assert_eq!(quote_field("plain", ','), "plain");
/// assert_eq!(quote_field("say \"hi\"", ','), "\"say \"\"hi\"\"\"");
/// assert_eq!(quote_field("a,b", ';'), "a,b");
/// ```
pub fn quote_field(field: &str, separator: char) -> Cow<'_, str> {
    let needs_quotes = field.contains([separator, '"', '\r', '\n'])
        || field.starts_with(' ')
        || field.ends_with(' ');
    if needs_quotes {
        Cow::Owned(format!("\"{}\"", field.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_field_with_quote_is_doubled() {
        assert_eq!(
            quote_field(r#"Le "grand" bain"#, ','),
            r#""Le ""grand"" bain""#
        );
    }

    #[test]
    fn csv_field_with_separator_or_newline_is_quoted() {
        assert_eq!(quote_field("a;b", ';'), "\"a;b\"");
        assert_eq!(quote_field("a,b", ','), "\"a,b\"");
        assert_eq!(quote_field("ligne 1\nligne 2", ','), "\"ligne 1\nligne 2\"");
        assert_eq!(quote_field("a\r", ','), "\"a\r\"");
        assert_eq!(quote_field(" padded", ','), "\" padded\"");
        assert_eq!(quote_field("", ','), "");
    }

    #[test]
    fn rows_end_with_crlf_and_empty_fields_stay_empty() {
        let mut csv = CsvWriter::new();
        csv.row(["a", "", "c"]).row(Vec::<String>::new());
        assert_eq!(csv.into_string(), "a,,c\r\n\r\n");
    }

    #[test]
    fn excel_writer_starts_with_a_bom() {
        let mut csv = CsvWriter::excel();
        csv.row(["é"]);
        assert_eq!(csv.into_bytes(), b"\xEF\xBB\xBF\xC3\xA9\r\n");
    }

    #[test]
    fn formula_like_fields_are_defused_but_numbers_kept() {
        let mut csv = CsvWriter::new().protect_formulas(true);
        csv.row(["=1+1", "+33 6", "-2,5", "@SUM(A1)", "-", "ok"]);
        assert_eq!(
            csv.into_string(),
            "'=1+1,'+33 6,\"-2,5\",'@SUM(A1),'-,ok\r\n"
        );
    }

    #[test]
    fn unusable_separator_is_ignored() {
        let mut csv = CsvWriter::new().separator('"');
        csv.row(["a", "b"]);
        assert_eq!(csv.into_string(), "a,b\r\n");
    }
}
