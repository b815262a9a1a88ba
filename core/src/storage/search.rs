//! Ranked full-text search over the text columns a table declares in
//! `search`, through the index `schema` keeps (FTS5 on SQLite, a generated
//! `tsvector` on PostgreSQL).
//!
//! What a person types is never handed to the database as query syntax: it
//! is cut into words (letters and digits), and each word is quoted into the
//! back end's query language, so `"`, `*`, `NEAR(`, `OR`, `-`, `:` or `'`
//! are separators like any other punctuation. Every word is required; the
//! last one may be the start of a word, as it is while someone types.

use sea_orm::DbBackend;
use sea_orm::sea_query::{self as sq, Alias, Expr, ExprTrait, Query};

use super::ops::{Cell, Rows, StorageError, TextSearch};
use super::{Kind, MAX_ROWS, Res, Scope, Storage, column_kind, condition, schema, site};
use crate::package::manifest::{SEARCH_RANK, Table};

/// Most words of a search that are looked for; the rest are ignored (every
/// word is required, so the first ones already narrow the rows down).
pub const MAX_WORDS: usize = 32;
/// A longer word is cut there and looked for as the start of a word.
const MAX_WORD_CHARS: usize = 64;

/// Most bytes of text the search columns of one row hold between them, each
/// column its share (128 KiB each for two, 32 KiB each for eight).
/// PostgreSQL's `tsvector` holds at most 1 MiB, and text made to be hard to
/// index (distinct one-character words) takes about three times its size
/// there: past this the write would fail with a database fault on
/// PostgreSQL and pass on SQLite, so it is refused on both.
pub const MAX_SEARCHED_TEXT: usize = 256 << 10;

/// How much more the first search column weighs in SQLite's `bm25()`: as in
/// PostgreSQL's `ts_rank`, whose default weights are 1.0 for `A` (the first
/// column) and 0.4 for `B` (the others).
const FIRST_COLUMN_WEIGHT: f64 = 2.5;

/// Refuse text in a search column past its share of [`MAX_SEARCHED_TEXT`].
pub(super) fn check_written(table: &Table, cells: &[Cell]) -> Res<()> {
    if table.search.is_empty() {
        return Ok(());
    }
    let limit = MAX_SEARCHED_TEXT / table.search.len();
    for c in cells {
        if let Some(s) = c.value.as_text()
            && s.len() > limit
            && table.search.contains(&c.column)
        {
            return Err(StorageError::InvalidValue(format!(
                "column `{}` is searched: its text is at most {limit} bytes, not {}",
                c.column,
                s.len()
            )));
        }
    }
    Ok(())
}

/// A word to look for.
#[derive(Debug, PartialEq)]
struct Word {
    text: String,
    /// Rows match words that start with it.
    prefix: bool,
}

/// What separates words is anything but letters, digits and the marks that
/// combine with them (an accent typed as a separate character).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c,
            '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}')
}

/// The words of a person's text, at most [`MAX_WORDS`]; the last one is a
/// prefix.
fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = text
        .split(|c: char| !is_word_char(c))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(MAX_WORDS)
        .map(|w| {
            let cut = w.char_indices().nth(MAX_WORD_CHARS).map(|(at, _)| at);
            Word {
                text: w[..cut.unwrap_or(w.len())].to_owned(),
                prefix: cut.is_some(),
            }
        })
        .collect();
    if let Some(last) = out.last_mut() {
        last.prefix = true;
    }
    out
}

/// An FTS5 query that requires every word: `"a" AND "b"*`, each word a
/// quoted string (quotes doubled), so nothing in it is FTS5 syntax.
fn fts5_query(words: &[Word]) -> String {
    words
        .iter()
        .map(|w| {
            format!(
                "\"{}\"{}",
                w.text.replace('"', "\"\""),
                if w.prefix { "*" } else { "" }
            )
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// A `to_tsquery` text that requires every word: `'a' & 'b':*`, each word
/// quoted (quotes and backslashes escaped), so nothing in it is query
/// syntax.
fn tsquery(words: &[Word]) -> String {
    words
        .iter()
        .map(|w| {
            format!(
                "'{}'{}",
                w.text.replace('\\', "\\\\").replace('\'', "''"),
                if w.prefix { ":*" } else { "" }
            )
        })
        .collect::<Vec<_>>()
        .join(" & ")
}

/// The PostgreSQL query of `words`, as an SQL expression of bound texts:
/// the last word, and before it the other words if there are any.
///
/// Words are stemmed by the configuration of the rows (`écoles` finds
/// `école`), but the stem of the start of a word is not the start of its
/// stem (the French stemmer turns `vél` into `vel`, which `vélo` does not
/// start with): the last word is looked for both stemmed and as typed
/// (lowercased by the `simple` configuration), either way as a prefix.
fn pg_query(words: &[Word]) -> (String, Vec<String>) {
    let config = schema::SEARCH_CONFIG;
    let (last, head) = words.split_last().expect("a search has words");
    let last_word = format!("(to_tsquery('{config}', $1) || to_tsquery('simple', $1))");
    let last = tsquery(std::slice::from_ref(last));
    if head.is_empty() {
        (last_word, vec![last])
    } else {
        (
            format!("(to_tsquery('{config}', $2) && {last_word})"),
            vec![last, tsquery(head)],
        )
    }
}

/// The rows of the site whose search columns hold every word of `query`,
/// with the rank of each under [`SEARCH_RANK`] (higher is better), best
/// first and then by id.
fn statement(
    backend: DbBackend,
    plugin: &str,
    t: &Table,
    query: &[Word],
) -> (sq::SelectStatement, Expr) {
    let mut stmt = Query::select();
    stmt.from(Alias::new(schema::physical_name(plugin, &t.name)));
    let rank = match backend {
        DbBackend::Postgres => {
            let vector = schema::quoted(schema::SEARCH_VECTOR);
            let (q, texts) = pg_query(query);
            stmt.and_where(Expr::cust_with_values(
                format!("{vector} @@ {q}"),
                texts.clone(),
            ));
            // `ts_rank` is a `real`; results carry doubles.
            Expr::cust_with_values(
                format!("CAST(ts_rank({vector}, {q}) AS double precision)"),
                texts,
            )
        }
        _ => {
            // The FTS5 table's hits, joined on the row id: in a subquery so
            // that the FTS5 table's columns (named as the table's) do not
            // make the filter's column names ambiguous. The names it adds
            // hold `__`, which no declared column can.
            let fts = schema::quoted(&schema::fts_name(plugin, &t.name));
            let weights = std::iter::once(FIRST_COLUMN_WEIGHT)
                .chain(std::iter::repeat_n(1.0, t.search.len() - 1))
                .map(|w| format!("{w:?}"))
                .collect::<Vec<_>>()
                .join(", ");
            let mut hits = Query::select();
            hits.expr_as(Expr::cust(format!("{fts}.rowid")), Alias::new("fts__id"))
                // `bm25()` is lower for better matches.
                .expr_as(
                    Expr::cust(format!("-bm25({fts}, {weights})")),
                    Alias::new("fts__rank"),
                )
                .from(Alias::new(schema::fts_name(plugin, &t.name)))
                .and_where(Expr::cust_with_values(
                    format!("{fts} MATCH ?"),
                    [fts5_query(query)],
                ))
                // A LIMIT keeps SQLite from flattening the subquery into the
                // join, where it would run the full-text query once per row
                // of the site (5,000 rows: 125 ms instead of 2 ms); kept as
                // is, the hits are found once and joined by id.
                .limit(i64::MAX.unsigned_abs());
            stmt.join_subquery(
                sq::JoinType::InnerJoin,
                hits,
                Alias::new("fts__hits"),
                Expr::col(Alias::new("fts__id")).equals(Alias::new("id")),
            );
            Expr::col(Alias::new("fts__rank"))
        }
    };
    (stmt, rank)
}

impl Storage {
    /// The rows of the current site whose search columns (the table's
    /// `search` in the manifest) hold every word of `text`, best first,
    /// then by id. A row is `columns` (none: `id` and every declared
    /// column, as [`Storage::query`]), then its rank as a float named
    /// `rank`, higher for a better match (on SQLite the opposite of
    /// `bm25()`, on PostgreSQL `ts_rank`; ranks compare within one search,
    /// not between back ends). `filter` narrows the rows as a query's
    /// does; at most [`MAX_ROWS`] rows come back.
    ///
    /// `text` is words, never query syntax: letters and digits, every word
    /// required, the last one also as the start of a longer word, accents
    /// ignored on SQLite (PostgreSQL's `french` configuration stems words
    /// but keeps accents). Only the first 32 words count (`MAX_WORDS`).
    ///
    /// # Errors
    /// `unknown-table` for a table the plugin does not declare;
    /// `invalid-operation` for a table that declares no search columns or
    /// a text without words; `unknown-column` and `invalid-value` for the
    /// columns and filter as [`Storage::query`]; `unavailable` when the
    /// database fails.
    pub async fn search(&self, scope: Scope<'_>, q: TextSearch) -> Res<Rows> {
        let TextSearch {
            table,
            text,
            columns,
            filter,
            limit,
            offset,
        } = q;
        let t = super::table(scope.manifest, &table)?;
        if t.search.is_empty() {
            return Err(StorageError::InvalidOperation(format!(
                "table `{}` declares no search columns",
                t.name
            )));
        }
        let query = words(&text);
        if query.is_empty() {
            return Err(StorageError::InvalidOperation(
                "the search text has no words to look for (letters or digits)".into(),
            ));
        }
        let mut columns = if columns.is_empty() {
            std::iter::once("id".to_string())
                .chain(t.columns.iter().map(|c| c.name.clone()))
                .collect()
        } else {
            columns
        };
        let (mut stmt, rank) = statement(self.backend(), &scope.manifest.name, t, &query);
        let mut kinds = Vec::with_capacity(columns.len() + 1);
        for c in &columns {
            kinds.push(column_kind(t, c)?);
            stmt.column(Alias::new(c));
        }
        stmt.expr_as(rank, Alias::new(SEARCH_RANK));
        kinds.push(Kind::Float);
        columns.push(SEARCH_RANK.to_owned());
        stmt.and_where(site(scope.site_id));
        for cond in &filter {
            stmt.and_where(condition(t, cond)?);
        }
        stmt.order_by(Alias::new(SEARCH_RANK), sq::Order::Desc)
            .order_by(Alias::new("id"), sq::Order::Asc);
        stmt.limit(u64::from(Ord::min(limit.unwrap_or(MAX_ROWS), MAX_ROWS)));
        if let Some(off) = offset {
            stmt.offset(u64::from(off));
        }
        Ok(Rows {
            rows: self.read(&stmt, kinds).await?,
            columns,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::package::manifest::Manifest;

    fn manifest() -> Manifest {
        Manifest::parse(
            r#"
name = "news"
version = "1.0.0"
api = "^1.0"
title = { fr = "Actualités" }
default-path = "actualites"

[[tables]]
name = "articles"
columns = [
  { name = "title", type = "text", required = true },
  { name = "body", type = "text" },
  { name = "published", type = "boolean", required = true, default = false },
]
search = ["title", "body"]
"#,
        )
        .unwrap()
    }

    fn texts(words: &[Word]) -> Vec<(&str, bool)> {
        words.iter().map(|w| (w.text.as_str(), w.prefix)).collect()
    }

    #[test]
    fn text_is_cut_into_words_and_the_last_is_a_prefix() {
        assert_eq!(
            texts(&words("  L'école, de\tmusique!  ")),
            [
                ("L", false),
                ("école", false),
                ("de", false),
                ("musique", true)
            ]
        );
        // An accent typed apart stays with its letter.
        assert_eq!(texts(&words("e\u{301}cole")), [("e\u{301}cole", true)]);
        assert!(words("").is_empty());
        assert!(words(" \"*:-'()\0 \u{301} ").is_empty());
    }

    #[test]
    fn query_syntax_is_only_punctuation_between_words() {
        let w = words(r#"vélo" OR "x NEAR(a b) -c d:* 'e' ^f title:g"#);
        assert_eq!(
            fts5_query(&w),
            r#""vélo" AND "OR" AND "x" AND "NEAR" AND "a" AND "b" AND "c" AND "d" AND "e" AND "f" AND "title" AND "g"*"#
        );
        assert_eq!(
            tsquery(&w),
            "'vélo' & 'OR' & 'x' & 'NEAR' & 'a' & 'b' & 'c' & 'd' & 'e' & 'f' & 'title' & 'g':*"
        );
        // Quotes are doubled even so, should a word ever hold one.
        let odd = [Word {
            text: r#"a"b'c\"#.into(),
            prefix: false,
        }];
        assert_eq!(fts5_query(&odd), r#""a""b'c\""#);
        assert_eq!(tsquery(&odd), r#"'a"b''c\\'"#);
    }

    #[test]
    fn long_texts_give_a_bounded_query() {
        let many = "mot ".repeat(10_000);
        assert_eq!(words(&many).len(), MAX_WORDS);
        let long = "a".repeat(1 << 20);
        assert_eq!(
            texts(&words(&long)),
            [("a".repeat(MAX_WORD_CHARS).as_str(), true)]
        );
        let w = words(&format!("{} fin", "é".repeat(100)));
        assert_eq!(w[0].text.chars().count(), MAX_WORD_CHARS);
        assert!(w[0].prefix, "a cut word is looked for as a prefix");
    }

    #[test]
    fn the_words_are_bound_as_values_never_written_in_the_sql() {
        let m = manifest();
        let t = &m.tables[0];
        let w = words("école vél");
        for backend in [DbBackend::Sqlite, DbBackend::Postgres] {
            let (stmt, _) = statement(backend, &m.name, t, &w);
            let built = backend.build(&stmt);
            assert!(!built.sql.contains("école"), "{}", built.sql);
            let values = built.values.unwrap().0;
            let expected = match backend {
                DbBackend::Postgres => vec![
                    sq::Value::from("'école'".to_string()),
                    sq::Value::from("'vél':*".to_string()),
                    sq::Value::from("'vél':*".to_string()),
                ],
                // The hits' LIMIT (see `statement`) follows the words.
                _ => vec![
                    sq::Value::from(r#""école" AND "vél"*"#.to_string()),
                    sq::Value::from(i64::MAX.unsigned_abs()),
                ],
            };
            assert_eq!(values, expected, "{backend:?}");
        }
        let (stmt, _) = statement(DbBackend::Sqlite, &m.name, t, &w);
        let sql = DbBackend::Sqlite.build(&stmt).sql;
        assert!(
            sql.contains(r#"-bm25("p_news__articles__fts", 2.5, 1.0)"#)
                && sql.contains(r#""p_news__articles__fts" MATCH ?"#),
            "{sql}"
        );
        let (stmt, _) = statement(DbBackend::Postgres, &m.name, t, &w);
        let sql = DbBackend::Postgres.build(&stmt).sql;
        assert!(
            sql.contains(r#""search__tsv" @@ (to_tsquery('french', $1) && (to_tsquery('french', $2) || to_tsquery('simple', $3)))"#),
            "{sql}"
        );
        let (stmt, _) = statement(DbBackend::Postgres, &m.name, t, &words("vél"));
        let built = DbBackend::Postgres.build(&stmt);
        assert!(
            built.sql.contains(
                r#""search__tsv" @@ (to_tsquery('french', $1) || to_tsquery('simple', $2))"#
            ),
            "{}",
            built.sql
        );
    }

    #[test]
    fn searched_text_is_bounded_per_column() {
        let m = manifest();
        let t = &m.tables[0];
        let cell = |c: &str, n: usize| Cell {
            column: c.into(),
            value: super::super::ops::Value::Text("a".repeat(n)),
        };
        let share = MAX_SEARCHED_TEXT / 2;
        assert!(check_written(t, &[cell("title", share), cell("body", share)]).is_ok());
        let e = check_written(t, &[cell("body", share + 1)]).unwrap_err();
        assert!(
            matches!(&e, StorageError::InvalidValue(m) if m.contains("column `body` is searched: its text is at most 131072 bytes")),
            "{e:?}"
        );
    }
}
