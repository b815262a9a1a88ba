//! `estive plugin check`: what can be found wrong in a plugin without
//! running it, each finding with its file, line and column.
//!
//! - Templates are compiled with minijinja under the host's syntax (the
//!   default one: `core/src/web/render.rs` sets no custom syntax), so that an
//!   unclosed `{% if %}` is found here rather than as a 500 at render time;
//!   an `include`, `import`, `from` or `extends` of a template the plugin
//!   does not have is an error (the host resolves them inside the plugin's
//!   own templates only, see `set_path_join_callback` in render.rs).
//! - Catalogues (`locales/*.ftl`) are parsed with the host's Fluent parser;
//!   a message defined twice is an error, one present in one language and
//!   not in the other a warning.
//! - With the crate's sources (`src/**/*.rs`): a string literal naming a
//!   template (`"poll.html"`) that does not exist is an error; a template
//!   never named by the sources nor reached through another template's
//!   includes is a warning.
//! - A key given to the host's translation function, `t("key")`, that
//!   neither the plugin's catalogues nor the host's have is a warning.
//!
//! This module reads only the package: the host's own files (its templates
//! and catalogues, embedded in the binary) are handed in by the caller.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use anyhow::{Context as _, Result};

use super::Manifest;

/// How bad a finding is: errors fail `estive plugin check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One thing found wrong, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// Path relative to the plugin folder (`templates/poll.html`).
    pub file: String,
    /// 1-based; a finding about a whole file points at 1:1.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{severity}: {}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// The result of checking a plugin.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Sorted by file, line and column.
    pub findings: Vec<Finding>,
    /// Whether `plugin.toml` was read and is valid (false when absent).
    pub manifest_valid: bool,
    pub templates: usize,
    pub catalogues: usize,
    /// Rust files read from `src/` (0: the template lints against the code
    /// were not made).
    pub sources: usize,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// `plugin.toml valid; 14 templates, 2 catalogues checked: 1 error, 3
    /// warnings`.
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| {
            if n == 1 {
                format!("{n} {word}")
            } else {
                format!("{n} {word}s")
            }
        };
        let sources = if self.sources > 0 {
            format!(", {} from src/", plural(self.sources, "Rust file"))
        } else {
            String::new()
        };
        format!(
            "plugin.toml {}; {}, {}{sources} checked: {}, {}",
            if self.manifest_valid {
                "valid"
            } else {
                "invalid"
            },
            plural(self.templates, "template"),
            plural(self.catalogues, "catalogue"),
            plural(self.errors(), "error"),
            plural(self.warnings(), "warning"),
        )
    }
}

/// The host's own files, as embedded in the binary
/// (`crate::web::render::FILES`): `templates/…` and `locales/….ftl`.
pub type HostFiles<'a> = &'a [(&'a str, &'a [u8])];

/// Check a plugin folder: `plugin.toml`, `templates/**`, `locales/*.ftl`
/// and, when present, the crate's `src/**/*.rs`.
///
/// # Errors
/// The folder or one of its files cannot be read.
pub fn check_dir(dir: &Path, host: HostFiles<'_>) -> Result<Report> {
    let manifest = match std::fs::read_to_string(dir.join("plugin.toml")) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(e).with_context(|| format!("{}: cannot read plugin.toml", dir.display()));
        }
    };
    let mut files = BTreeMap::new();
    for sub in ["templates", "locales"] {
        super::collect_dir(&dir.join(sub), sub, &mut files)?;
    }
    let mut sources = BTreeMap::new();
    let mut rs = BTreeMap::new();
    super::collect_dir(&dir.join("src"), "src", &mut rs)?;
    for (path, bytes) in rs {
        if path.ends_with(".rs") {
            sources.insert(path, String::from_utf8_lossy(&bytes).into_owned());
        }
    }
    Ok(check_files(manifest.as_deref(), &files, &sources, host))
}

/// Check a package's parts: the manifest (None: absent), its files by path
/// (`templates/…`, `locales/….ftl`; others are ignored) and the crate's
/// Rust sources by path (`src/lib.rs`; empty for a built package).
pub fn check_files(
    manifest: Option<&str>,
    files: &BTreeMap<String, Vec<u8>>,
    sources: &BTreeMap<String, String>,
    host: HostFiles<'_>,
) -> Report {
    let mut out = Vec::new();
    let manifest_valid = match manifest {
        None => {
            out.push(whole_file(
                Severity::Error,
                "plugin.toml",
                "there is no plugin.toml in this folder".into(),
            ));
            false
        }
        Some(text) => check_manifest(text, &mut out),
    };
    let host = Host::new(host);

    // Templates, by name relative to `templates/`.
    let mut templates: BTreeMap<String, &str> = BTreeMap::new();
    for (path, bytes) in files {
        if let Some(name) = path.strip_prefix("templates/") {
            match std::str::from_utf8(bytes) {
                Ok(text) => {
                    templates.insert(name.to_string(), text);
                }
                Err(e) => out.push(at_offset(
                    Severity::Error,
                    path,
                    "",
                    0,
                    format!(
                        "not UTF-8 (invalid byte at offset {}): the package is refused",
                        e.valid_up_to()
                    ),
                )),
            }
        }
    }
    let names: BTreeSet<&str> = templates.keys().map(String::as_str).collect();
    let mut scans = BTreeMap::new();
    for (name, text) in &templates {
        let path = format!("templates/{name}");
        let scan = scan_template(text);
        compile_template(&path, name, text, &scan, &mut out);
        check_includes(&path, text, &scan, &names, &host, &mut out);
        scans.insert(name.as_str(), scan);
    }

    // Catalogues.
    let mut catalogues = BTreeMap::new();
    let mut catalogue_count = 0;
    for (path, bytes) in files {
        let Some(file) = path.strip_prefix("locales/") else {
            continue;
        };
        let Some(lang) = file.strip_suffix(".ftl") else {
            continue;
        };
        catalogue_count += 1;
        let Ok(text) = std::str::from_utf8(bytes) else {
            out.push(whole_file(
                Severity::Error,
                path,
                "not UTF-8: the package is refused".into(),
            ));
            continue;
        };
        let catalogue = parse_catalogue(path, text, &mut out);
        if lang == "fr" || lang == "en" {
            catalogues.insert(lang, catalogue);
        } else {
            out.push(whole_file(
                Severity::Warning,
                path,
                format!(
                    "the host reads only locales/fr.ftl and locales/en.ftl of a plugin: `{lang}` messages are never shown"
                ),
            ));
        }
    }
    compare_catalogues(&catalogues, &mut out);

    // Keys the templates ask the host's `t` function for.
    for (name, scan) in &scans {
        let path = format!("templates/{name}");
        for (key, offset) in &scan.keys {
            let in_plugin = catalogues.values().any(|c| c.has(key));
            let in_host = host.catalogues.iter().any(|c| c.has(key));
            if !in_plugin && !in_host {
                let text = templates[*name];
                out.push(at_offset(
                    Severity::Warning,
                    &path,
                    text,
                    *offset,
                    format!(
                        "translation key `{key}` is in neither locales/fr.ftl nor locales/en.ftl (nor the host's catalogue): the page shows `{key}` itself"
                    ),
                ));
            }
        }
    }

    // The templates against the code.
    if !sources.is_empty() {
        check_sources(sources, &templates, &scans, &mut out);
    }

    out.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.severity).cmp(&(&b.file, b.line, b.column, b.severity))
    });
    out.dedup();
    Report {
        findings: out,
        manifest_valid,
        templates: templates.len(),
        catalogues: catalogue_count,
        sources: sources.len(),
    }
}

fn whole_file(severity: Severity, file: &str, message: String) -> Finding {
    Finding {
        severity,
        file: file.to_string(),
        line: 1,
        column: 1,
        message,
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

fn at_offset(
    severity: Severity,
    file: &str,
    text: &str,
    offset: usize,
    message: String,
) -> Finding {
    let (line, column) = line_col(text, offset);
    Finding {
        severity,
        file: file.to_string(),
        line,
        column,
        message,
    }
}

// ---------------------------------------------------------------- manifest

fn check_manifest(text: &str, out: &mut Vec<Finding>) -> bool {
    let Err(e) = Manifest::parse(text) else {
        return true;
    };
    // A TOML or schema error has a place; a rule of `validate` has not.
    match toml::from_str::<Manifest>(text) {
        Err(de) => {
            let offset = de.span().map_or(0, |s| s.start);
            out.push(at_offset(
                Severity::Error,
                "plugin.toml",
                text,
                offset,
                de.message().trim_end().to_string(),
            ));
        }
        Ok(_) => {
            let message = format!("{e:#}");
            let message = message.strip_prefix("plugin.toml: ").unwrap_or(&message);
            out.push(whole_file(
                Severity::Error,
                "plugin.toml",
                message.to_string(),
            ));
        }
    }
    false
}

// --------------------------------------------------------------- templates

/// A `{{ … }}` or `{% … %}` of a template.
#[derive(Debug)]
struct Tag<'s> {
    block: bool,
    /// Offset of the opening `{`.
    start: usize,
    /// What is between the delimiters, whitespace control signs removed.
    body: &'s str,
    body_start: usize,
}

/// A block tag's keyword (`if`) and offset.
type OpenBlock = (String, usize);

/// What a template names, found by reading its tags.
#[derive(Debug, Default)]
struct TemplateScan {
    /// `{% include/import/from/extends %}` with the names it may load.
    loads: Vec<Load>,
    /// Other string literals ending in `.html` (a name given to an include
    /// through a variable): counted as uses, not checked.
    mentions: Vec<String>,
    /// Keys given as a literal to `t(…)`, with the literal's offset.
    keys: Vec<(String, usize)>,
    /// Block tags that open a block (`if`, `for`…) and stay unclosed, the
    /// innermost last: (keyword, offset of the tag).
    unclosed: Vec<OpenBlock>,
    /// The first end tag that does not close the innermost open block:
    /// (its keyword without `end`, its offset, the open block if any).
    misplaced_end: Option<(String, usize, Option<OpenBlock>)>,
}

#[derive(Debug)]
struct Load {
    keyword: String,
    target: LoadTarget,
    ignore_missing: bool,
    /// Offset of the name (or of the tag when dynamic).
    offset: usize,
}

#[derive(Debug)]
enum LoadTarget {
    /// One name, or a list of which the first that exists is loaded.
    Names(Vec<String>),
    /// Built from literals and values (`"el/" ~ kind ~ ".html"`): a pattern
    /// with `*` for each value.
    Pattern(String),
    /// A value alone: nothing can be said.
    Unknown,
}

fn tags(src: &str) -> Vec<Tag<'_>> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(found) = src[i..].find('{') {
        let start = i + found;
        let Some(&next) = bytes.get(start + 1) else {
            break;
        };
        match next {
            b'#' => {
                i = src[start + 2..]
                    .find("#}")
                    .map_or(src.len(), |e| start + 2 + e + 2);
            }
            b'{' | b'%' => {
                let block = next == b'%';
                let close = if block { b'%' } else { b'}' };
                let mut body_start = start + 2;
                if matches!(bytes.get(body_start), Some(b'-' | b'+')) {
                    body_start += 1;
                }
                // The closing delimiter outside strings and brackets.
                let mut j = body_start;
                let mut depth = 0usize;
                let mut end = None;
                while j < bytes.len() {
                    match bytes[j] {
                        q @ (b'"' | b'\'') => {
                            j += 1;
                            while j < bytes.len() && bytes[j] != q {
                                if bytes[j] == b'\\' {
                                    j += 1;
                                }
                                j += 1;
                            }
                        }
                        b'(' | b'[' | b'{' => depth += 1,
                        b')' | b']' => depth = depth.saturating_sub(1),
                        c if depth == 0 && c == close && bytes.get(j + 1) == Some(&b'}') => {
                            end = Some(j);
                            break;
                        }
                        b'}' => depth = depth.saturating_sub(1),
                        _ => {}
                    }
                    j += 1;
                }
                let Some(end) = end else {
                    // Unterminated: minijinja reports it.
                    break;
                };
                let mut body_end = end;
                if body_end > body_start && matches!(bytes[body_end - 1], b'-' | b'+') {
                    body_end -= 1;
                }
                let body = &src[body_start..body_end];
                i = end + 2;
                if block && first_word(body) == Some("raw") {
                    // Everything up to `{% endraw %}` is text.
                    i = find_endraw(src, i).unwrap_or(src.len());
                }
                out.push(Tag {
                    block,
                    start,
                    body,
                    body_start,
                });
            }
            _ => i = start + 1,
        }
    }
    out
}

fn find_endraw(src: &str, from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(found) = src[i..].find("{%") {
        let start = i + found + 2;
        let rest = src[start..].trim_start_matches(['-', '+']).trim_start();
        if let Some(after) = rest.strip_prefix("endraw") {
            let close = after.find("%}")?;
            let after_start = src.len() - after.len();
            return Some(after_start + close + 2);
        }
        i = start;
    }
    None
}

fn first_word(body: &str) -> Option<&str> {
    let body = body.trim_start();
    let end = body
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(body.len());
    (end > 0).then(|| &body[..end])
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Str(String),
    Punct(char),
    /// Numbers and operators of more than one character: not looked at.
    Other,
}

/// The tokens of a tag body, each with its offset in the template.
fn tokens(body: &str, base: usize) -> Vec<(Tok, usize)> {
    let mut out = Vec::new();
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphabetic() || c == '_' {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() || d == '_' {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            out.push((Tok::Ident(body[i..end].to_string()), base + i));
        } else if c == '"' || c == '\'' {
            let mut s = String::new();
            while let Some((_, d)) = chars.next() {
                match d {
                    '\\' => match chars.next() {
                        Some((_, 'n')) => s.push('\n'),
                        Some((_, 't')) => s.push('\t'),
                        Some((_, e)) => s.push(e),
                        None => {}
                    },
                    d if d == c => break,
                    d => s.push(d),
                }
            }
            out.push((Tok::Str(s), base + i));
        } else if c.is_ascii_digit() {
            while chars
                .peek()
                .is_some_and(|&(_, d)| d.is_ascii_alphanumeric() || d == '.' || d == '_')
            {
                chars.next();
            }
            out.push((Tok::Other, base + i));
        } else {
            out.push((Tok::Punct(c), base + i));
        }
    }
    out
}

const OPENERS: [&str; 9] = [
    "if",
    "for",
    "macro",
    "call",
    "filter",
    "with",
    "block",
    "autoescape",
    "set",
];

fn scan_template(src: &str) -> TemplateScan {
    let mut scan = TemplateScan::default();
    let mut stack: Vec<(String, usize)> = Vec::new();
    for tag in tags(src) {
        let toks = tokens(tag.body, tag.body_start);
        let keyword = match toks.first() {
            Some((Tok::Ident(k), _)) if tag.block => Some(k.as_str()),
            _ => None,
        };
        if let Some(k) = keyword {
            if let Some(closed) = k.strip_prefix("end") {
                if stack.last().is_some_and(|(open, _)| open == closed) {
                    stack.pop();
                } else if scan.misplaced_end.is_none() {
                    scan.misplaced_end =
                        Some((closed.to_string(), tag.start, stack.last().cloned()));
                }
            } else if OPENERS.contains(&k)
                // `{% set x = … %}` is a statement, `{% set x %}…{% endset %}`
                // a block.
                && !(k == "set" && toks.iter().any(|(t, _)| *t == Tok::Punct('=')))
            {
                stack.push((k.to_string(), tag.start));
            }
        }
        let mut skip_literals = BTreeSet::new();
        if let Some(k @ ("include" | "import" | "from" | "extends")) = keyword {
            let (load, used) = parse_load(k, &toks[1..], tag.start);
            skip_literals.extend(used);
            scan.loads.push(load);
        }
        for (n, (tok, offset)) in toks.iter().enumerate() {
            match tok {
                // `t("key" …)`, not `x.t(…)`, and not a key built with `~`.
                Tok::Ident(name) if name == "t" => {
                    let after_dot = n > 0 && toks[n - 1].0 == Tok::Punct('.');
                    if let (false, Some((Tok::Punct('('), _)), Some((Tok::Str(key), at))) =
                        (after_dot, toks.get(n + 1), toks.get(n + 2))
                        && matches!(toks.get(n + 3), Some((Tok::Punct(')' | ','), _)) | None)
                    {
                        scan.keys.push((key.clone(), *at));
                    }
                }
                Tok::Str(s) if s.ends_with(".html") && !skip_literals.contains(offset) => {
                    scan.mentions.push(s.clone());
                }
                _ => {}
            }
        }
    }
    scan.unclosed = stack;
    scan
}

/// Read what an `include`, `import`, `from` or `extends` loads; also return
/// the offsets of the literals read, not to count them again as mentions.
fn parse_load(keyword: &str, toks: &[(Tok, usize)], tag_start: usize) -> (Load, Vec<usize>) {
    // The expression ends at the first keyword of the statement.
    let stop = ["as", "import", "ignore", "with", "without"];
    let mut depth = 0usize;
    let mut end = toks.len();
    for (i, (tok, _)) in toks.iter().enumerate() {
        match tok {
            Tok::Punct('(' | '[' | '{') => depth += 1,
            Tok::Punct(')' | ']' | '}') => depth = depth.saturating_sub(1),
            Tok::Ident(w) if depth == 0 && stop.contains(&w.as_str()) => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    let expr = &toks[..end];
    let ignore_missing = toks[end..]
        .windows(2)
        .any(|w| w[0].0 == Tok::Ident("ignore".into()) && w[1].0 == Tok::Ident("missing".into()));
    let offset = expr.first().map_or(tag_start, |(_, o)| *o);
    let literals: Vec<usize> = expr
        .iter()
        .filter(|(t, _)| matches!(t, Tok::Str(_)))
        .map(|(_, o)| *o)
        .collect();
    let target = match expr {
        [(Tok::Str(s), _)] => LoadTarget::Names(vec![s.clone()]),
        [(Tok::Punct('['), _), inner @ .., (Tok::Punct(']'), _)]
            if !inner.is_empty()
                && inner
                    .iter()
                    .all(|(t, _)| matches!(t, Tok::Str(_) | Tok::Punct(','))) =>
        {
            LoadTarget::Names(
                inner
                    .iter()
                    .filter_map(|(t, _)| match t {
                        Tok::Str(s) => Some(s.clone()),
                        _ => None,
                    })
                    .collect(),
            )
        }
        _ if expr.iter().any(|(t, _)| *t == Tok::Punct('~')) => {
            // Literal parts kept, each other part one `*`.
            let mut pattern = String::new();
            let mut depth = 0usize;
            let mut part_is_value = false;
            for (tok, _) in expr {
                match tok {
                    Tok::Punct('~') if depth == 0 => {
                        if part_is_value {
                            pattern.push('*');
                        }
                        part_is_value = false;
                    }
                    Tok::Str(s) if depth == 0 => pattern.push_str(s),
                    Tok::Punct('(' | '[' | '{') => {
                        depth += 1;
                        part_is_value = true;
                    }
                    Tok::Punct(')' | ']' | '}') => depth = depth.saturating_sub(1),
                    _ => part_is_value = true,
                }
            }
            if part_is_value {
                pattern.push('*');
            }
            LoadTarget::Pattern(pattern)
        }
        _ => LoadTarget::Unknown,
    };
    (
        Load {
            keyword: keyword.to_string(),
            target,
            ignore_missing,
            offset,
        },
        literals,
    )
}

/// The environment templates are compiled in: the host's syntax. The host
/// (`web::render::Renderer::new`) keeps minijinja's default syntax, adds
/// the `t` and `plugin_url` functions and the `date`, `datetime` and
/// `number` filters: functions and filters are looked up when a template
/// renders, so they play no part in compiling it.
fn compile_env() -> minijinja::Environment<'static> {
    minijinja::Environment::new()
}

fn compile_template(
    path: &str,
    name: &str,
    text: &str,
    scan: &TemplateScan,
    out: &mut Vec<Finding>,
) {
    let env = compile_env();
    let Err(e) = env.template_from_named_str(name, text) else {
        return;
    };
    let detail = e
        .detail()
        .map_or_else(|| e.kind().to_string(), str::to_string);
    // At the end of the input the parser was still inside a block: point
    // at the block's opening tag, not at the end of the file.
    if detail.contains("unexpected end of input")
        && let Some((keyword, offset)) = scan.unclosed.last()
    {
        out.push(at_offset(
            Severity::Error,
            path,
            text,
            *offset,
            format!(
                "unclosed block '{keyword}': the template ends before its `{{% end{keyword} %}}`"
            ),
        ));
        return;
    }
    // An end tag the parser did not expect: say which block is open.
    if let Some((closed, end_at, open)) = &scan.misplaced_end
        && detail.contains(&format!("end{closed}"))
    {
        let (line, column) = line_col(text, *end_at);
        out.push(match open {
            Some((keyword, offset)) => at_offset(
                Severity::Error,
                path,
                text,
                *offset,
                format!(
                    "unclosed block '{keyword}': `{{% end{closed} %}}` on line {line}, column {column} comes before its `{{% end{keyword} %}}`"
                ),
            ),
            None => at_offset(
                Severity::Error,
                path,
                text,
                *end_at,
                format!("`{{% end{closed} %}}` closes no open block"),
            ),
        });
        return;
    }
    let finding = match (e.range(), e.line()) {
        (Some(range), _) => at_offset(Severity::Error, path, text, range.start, detail),
        (None, Some(line)) => Finding {
            severity: Severity::Error,
            file: path.to_string(),
            line,
            column: 1,
            message: detail,
        },
        (None, None) => whole_file(Severity::Error, path, detail),
    };
    out.push(finding);
}

fn check_includes(
    path: &str,
    text: &str,
    scan: &TemplateScan,
    names: &BTreeSet<&str>,
    host: &Host,
    out: &mut Vec<Finding>,
) {
    for load in &scan.loads {
        let LoadTarget::Names(candidates) = &load.target else {
            continue;
        };
        if load.ignore_missing || candidates.iter().any(|c| names.contains(c.as_str())) {
            continue;
        }
        // The host's macros for plugins (`estive/forms.html`).
        if candidates
            .iter()
            .any(|c| c.starts_with("estive/") && host.templates.contains(c))
        {
            continue;
        }
        if let [one] = candidates.as_slice()
            && one.starts_with("estive/")
        {
            let offered: Vec<&String> = host
                .templates
                .iter()
                .filter(|t| t.starts_with("estive/"))
                .collect();
            let offered = offered
                .iter()
                .map(|t| format!("`{t}`"))
                .collect::<Vec<_>>()
                .join(", ");
            out.push(at_offset(
                Severity::Error,
                path,
                text,
                load.offset,
                format!(
                    "{} of `{one}`: the host has no such template (it offers {offered})",
                    load.keyword
                ),
            ));
            continue;
        }
        let which = match candidates.as_slice() {
            [one] => format!("`{one}`"),
            many => format!(
                "any of {}",
                many.iter()
                    .map(|m| format!("`{m}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let mut message = format!(
            "{} of {which}: this plugin has no such template under templates/",
            load.keyword
        );
        if let Some(h) = candidates.iter().find(|c| host.templates.contains(*c)) {
            message.push_str(&format!(
                " (`{h}` is a host template, which a plugin's templates cannot load: their includes resolve inside the plugin)"
            ));
        }
        out.push(at_offset(Severity::Error, path, text, load.offset, message));
    }
}

/// Whether `name` matches `pattern`, where `*` stands for any text.
fn glob(pattern: &str, name: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == name;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !name.starts_with(first) || name.len() < first.len() + last.len() || !name.ends_with(last) {
        return false;
    }
    let mut rest = &name[first.len()..name.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(i) => rest = &rest[i + part.len()..],
            None => return false,
        }
    }
    true
}

// -------------------------------------------------------------- catalogues

/// The keys of one catalogue: messages and terms (`-brand`), and attributes
/// as `message.attribute`, each with the line it is defined on.
#[derive(Debug, Default)]
struct Catalogue {
    path: String,
    keys: BTreeMap<String, usize>,
}

impl Catalogue {
    fn has(&self, key: &str) -> bool {
        self.keys.contains_key(key)
    }
}

/// `id =` at the start of a line: a message (or `-id =`, a term).
fn entry_id(line: &str) -> Option<&str> {
    let rest = line.strip_prefix('-').unwrap_or(line);
    let first = rest.chars().next()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(rest.len());
    rest[end..]
        .trim_start_matches([' ', '\t'])
        .starts_with('=')
        .then(|| &line[..line.len() - rest.len() + end])
}

/// An indented `.attr =` line: an attribute of the entry above.
fn attribute_id(line: &str) -> Option<&str> {
    if !line.starts_with([' ', '\t']) {
        return None;
    }
    let rest = line.trim_start().strip_prefix('.')?;
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(rest.len());
    (end > 0 && rest[end..].trim_start_matches([' ', '\t']).starts_with('=')).then(|| &rest[..end])
}

/// Parse a catalogue with the host's parser, reporting syntax errors and
/// duplicate keys, and list its keys.
fn parse_catalogue(path: &str, text: &str, out: &mut Vec<Finding>) -> Catalogue {
    // Byte ranges of the entries the parser dropped.
    let mut junk = Vec::new();
    let (resource, errors) = match fluent_bundle::FluentResource::try_new(text.to_string()) {
        Ok(r) => (r, Vec::new()),
        Err((r, errors)) => (r, errors),
    };
    for e in errors {
        let slice = e.slice.clone().unwrap_or_else(|| e.pos.clone());
        let dropped = text
            .get(slice.clone())
            .and_then(|s| s.lines().find_map(leading_id))
            .map_or_else(
                || " and the text around it is ignored".to_string(),
                |id| format!("; the host drops the entry `{id}`"),
            );
        let (first, _) = line_col(text, slice.start);
        let (last, _) = line_col(text, slice.end.saturating_sub(1).max(slice.start));
        let lines = if last > first {
            format!(" (lines {first}-{last})")
        } else {
            String::new()
        };
        out.push(at_offset(
            Severity::Error,
            path,
            text,
            e.pos.start,
            format!(
                "syntax error: {}{dropped}{lines}",
                lowercase_first(&e.to_string())
            ),
        ));
        junk.push(slice);
    }
    let mut catalogue = Catalogue {
        path: path.to_string(),
        keys: BTreeMap::new(),
    };
    let mut offset = 0;
    let mut current: Option<String> = None;
    for (n, line) in text.split('\n').enumerate() {
        let line_no = n + 1;
        let at = offset;
        offset += line.len() + 1;
        if junk.iter().any(|r| r.contains(&at)) {
            current = None;
            continue;
        }
        if let Some(id) = entry_id(line) {
            if let Some(first) = catalogue.keys.get(id) {
                out.push(Finding {
                    severity: Severity::Error,
                    file: path.to_string(),
                    line: line_no,
                    column: 1,
                    message: format!(
                        "duplicate key `{id}` (first defined on line {first}): the host keeps only this last definition"
                    ),
                });
            }
            catalogue.keys.insert(id.to_string(), line_no);
            current = Some(id.to_string());
        } else if let Some(attr) = attribute_id(line) {
            if let Some(id) = &current {
                catalogue.keys.insert(format!("{id}.{attr}"), line_no);
            }
        } else if line.starts_with('#') {
            current = None;
        }
    }
    // What the parser kept decides (a line-based reading could be wrong
    // inside a multi-line placeable).
    let id: unic_langid::LanguageIdentifier = "fr".parse().expect("a valid language id");
    let mut bundle = fluent_bundle::FluentBundle::new(vec![id]);
    bundle.add_resource_overriding(resource);
    catalogue.keys.retain(|key, _| {
        if key.starts_with('-') {
            return true;
        }
        match key.split_once('.') {
            Some((id, attr)) => bundle
                .get_message(id)
                .is_some_and(|m| m.get_attribute(attr).is_some()),
            None => bundle.has_message(key),
        }
    });
    catalogue
}

/// The identifier a dropped entry starts with (`key` of `key value`).
fn leading_id(line: &str) -> Option<&str> {
    let rest = line.strip_prefix('-').unwrap_or(line);
    if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(rest.len());
    Some(&line[..line.len() - rest.len() + end])
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Keys of one language missing from the other.
fn compare_catalogues(catalogues: &BTreeMap<&str, Catalogue>, out: &mut Vec<Finding>) {
    match (catalogues.get("fr"), catalogues.get("en")) {
        (Some(fr), Some(en)) => {
            for (has, lacks, effect) in [
                (fr, en, "English pages show the French text"),
                (
                    en,
                    fr,
                    "French pages show the key itself unless the host has it",
                ),
            ] {
                for (key, line) in &has.keys {
                    if !lacks.has(key) {
                        out.push(Finding {
                            severity: Severity::Warning,
                            file: has.path.clone(),
                            line: *line,
                            column: 1,
                            message: format!(
                                "key `{key}` is missing from {}: {effect}",
                                lacks.path
                            ),
                        });
                    }
                }
            }
        }
        (Some(only), None) | (None, Some(only)) if !only.keys.is_empty() => {
            let missing = if only.path.ends_with("fr.ftl") {
                "locales/en.ftl"
            } else {
                "locales/fr.ftl"
            };
            out.push(whole_file(
                Severity::Warning,
                &only.path,
                format!(
                    "there is no {missing}: each of the {} keys of this catalogue is missing from it",
                    only.keys.len()
                ),
            ));
        }
        _ => {}
    }
}

// -------------------------------------------------------------------- host

/// What the host gives every plugin: its template names (for the hint on a
/// missing include) and its catalogues (`t` falls back to them).
struct Host {
    templates: BTreeSet<String>,
    catalogues: Vec<Catalogue>,
}

impl Host {
    fn new(files: HostFiles<'_>) -> Host {
        let mut templates = BTreeSet::new();
        let mut catalogues = Vec::new();
        for (path, bytes) in files {
            if let Some(name) = path.strip_prefix("templates/") {
                templates.insert(name.to_string());
            } else if path.starts_with("locales/")
                && path.ends_with(".ftl")
                && let Ok(text) = std::str::from_utf8(bytes)
            {
                // The host's own catalogue is not ours to report on.
                catalogues.push(parse_catalogue(path, text, &mut Vec::new()));
            }
        }
        Host {
            templates,
            catalogues,
        }
    }
}

// ----------------------------------------------------------------- sources

/// String literals of Rust source outside comments, with their offsets.
fn rust_strings(src: &str) -> Vec<(String, usize)> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = src[i..].find('\n').map_or(b.len(), |e| i + e);
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let mut depth = 1;
                i += 2;
                while i < b.len() && depth > 0 {
                    if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                        depth += 1;
                        i += 2;
                    } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                        depth -= 1;
                        i += 2;
                    } else {
                        i += 1;
                    }
                }
            }
            b'"' => {
                let start = i;
                i += 1;
                let mut s = Vec::new();
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    if i < b.len() {
                        s.push(b[i]);
                    }
                    i += 1;
                }
                i += 1;
                out.push((String::from_utf8_lossy(&s).into_owned(), start));
            }
            b'\'' => {
                // A char literal (`'a'`, `'\''`, `'é'`) or a lifetime.
                if b.get(i + 1) == Some(&b'\\') {
                    i += 3;
                    while i < b.len() && b[i] != b'\'' {
                        i += 1;
                    }
                    i += 1;
                } else {
                    let c_len = src[i + 1..].chars().next().map_or(1, char::len_utf8);
                    if b.get(i + 1 + c_len) == Some(&b'\'') {
                        i += 2 + c_len;
                    } else {
                        i += 1;
                    }
                }
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                    i += 1;
                }
                let ident = &src[start..i];
                let raw = matches!(ident, "r" | "br" | "cr");
                if raw && matches!(b.get(i), Some(b'"' | b'#')) {
                    let hashes = src[i..].bytes().take_while(|&c| c == b'#').count();
                    if b.get(i + hashes) == Some(&b'"') {
                        let body = i + hashes + 1;
                        let close = format!("\"{}", "#".repeat(hashes));
                        let end = src[body..].find(&close).map_or(b.len(), |e| body + e);
                        if ident == "r" {
                            out.push((src[body..end].to_string(), start));
                        }
                        i = (end + close.len()).min(b.len());
                    }
                } else if matches!(ident, "b" | "c") && b.get(i) == Some(&b'"') {
                    // A byte or C string: skipped like a plain one.
                    i += 1;
                    while i < b.len() && b[i] != b'"' {
                        if b[i] == b'\\' {
                            i += 1;
                        }
                        i += 1;
                    }
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    out
}

/// Whether a literal names a template: `poll.html`, `el/_box.html`, or a
/// format string like `{}.html` (a pattern).
fn template_name(literal: &str) -> Option<String> {
    let stem = literal.strip_suffix(".html")?;
    if stem.is_empty() {
        return None;
    }
    let mut pattern = String::new();
    let mut chars = stem.chars();
    while let Some(c) = chars.next() {
        match c {
            '{' => {
                // `{}` or `{name}` of a format string.
                for d in chars.by_ref() {
                    if d == '}' {
                        break;
                    }
                }
                pattern.push('*');
            }
            c if c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '/' | '.') => pattern.push(c),
            _ => return None,
        }
    }
    if pattern.starts_with('/') || pattern.contains("//") || pattern.contains("..") {
        return None;
    }
    pattern.push_str(".html");
    Some(pattern)
}

fn check_sources(
    sources: &BTreeMap<String, String>,
    templates: &BTreeMap<String, &str>,
    scans: &BTreeMap<&str, TemplateScan>,
    out: &mut Vec<Finding>,
) {
    // Names, and patterns with `*` for each `{…}` of a format string.
    let mut named: Vec<String> = Vec::new();
    for (path, src) in sources {
        for (literal, offset) in rust_strings(src) {
            // A template of another kind (`feed.xml`) is counted as named
            // when a literal is exactly its name.
            if templates.contains_key(&literal) {
                named.push(literal);
                continue;
            }
            let Some(name) = template_name(&literal) else {
                continue;
            };
            if !name.contains('*') && !templates.contains_key(&name) {
                out.push(at_offset(
                    Severity::Error,
                    path,
                    src,
                    offset,
                    format!(
                        "template `{name}` is named here but there is no templates/{name}: rendering it fails"
                    ),
                ));
            }
            named.push(name);
        }
    }

    // Templates reached from the code, through includes and mentions.
    fn mark<'t>(
        pattern: &str,
        templates: &'t BTreeMap<String, &str>,
        used: &mut BTreeSet<&'t str>,
        queue: &mut Vec<&'t str>,
    ) {
        for name in templates.keys() {
            if glob(pattern, name) && used.insert(name.as_str()) {
                queue.push(name.as_str());
            }
        }
    }
    let mut used: BTreeSet<&str> = BTreeSet::new();
    let mut queue: Vec<&str> = Vec::new();
    for name in &named {
        mark(name, templates, &mut used, &mut queue);
    }
    while let Some(name) = queue.pop() {
        let Some(scan) = scans.get(name) else {
            continue;
        };
        for target in loaded_patterns(scan) {
            mark(&target, templates, &mut used, &mut queue);
        }
    }
    for name in templates.keys() {
        if used.contains(name.as_str()) {
            continue;
        }
        let by: Vec<&str> = scans
            .iter()
            .filter(|(other, scan)| {
                **other != name.as_str() && loaded_patterns(scan).iter().any(|p| glob(p, name))
            })
            .map(|(other, _)| *other)
            .collect();
        let message = if by.is_empty() {
            "template never used: no string in src/ names it and no template includes it"
                .to_string()
        } else {
            format!(
                "template never used: only loaded by {}, which nothing in src/ leads to",
                by.join(", ")
            )
        };
        out.push(whole_file(
            Severity::Warning,
            &format!("templates/{name}"),
            message,
        ));
    }
}

/// Names and patterns a template loads or mentions.
fn loaded_patterns(scan: &TemplateScan) -> Vec<String> {
    let mut out: Vec<String> = scan.mentions.clone();
    for load in &scan.loads {
        match &load.target {
            LoadTarget::Names(names) => out.extend(names.iter().cloned()),
            // A pattern of values alone (`*`) says nothing.
            LoadTarget::Pattern(p) if p.chars().any(|c| c != '*') => out.push(p.clone()),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str = r#"
name = "demo"
version = "1.0.0"
api = "^1.0"
title = { fr = "Démo", en = "Demo" }
description = { fr = "Un plugin.", en = "A plugin." }
default-path = "demo"

[[routes]]
name = "home"
path = "/"
area = "portal"
"#;

    const LIB: &str = r#"
use estive_sdk::prelude::*;
fn handle(req: Request) -> Result<Response, Error> {
    Ok(view("home.html").into())
}
"#;

    const FR: &str = "demo-title = Démo\ndemo-more = Plus\n";
    const EN: &str = "demo-title = Demo\ndemo-more = More\n";

    /// A plugin folder with these files added to (or replacing) a valid one.
    fn plugin(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let mut all: BTreeMap<&str, &str> = [
            ("plugin.toml", MANIFEST),
            ("src/lib.rs", LIB),
            ("templates/home.html", "<h1>{{ t(\"demo-title\") }}</h1>\n"),
            ("locales/fr.ftl", FR),
            ("locales/en.ftl", EN),
        ]
        .into_iter()
        .collect();
        all.extend(files.iter().copied());
        for (path, text) in all {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    fn check(files: &[(&str, &str)]) -> Report {
        let dir = plugin(files);
        check_dir(dir.path(), &[]).unwrap()
    }

    fn lines(report: &Report) -> Vec<String> {
        report.findings.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_valid_plugin_has_no_finding() {
        let r = check(&[]);
        assert!(r.findings.is_empty(), "{:#?}", r.findings);
        assert_eq!(
            r.summary(),
            "plugin.toml valid; 1 template, 2 catalogues, 1 Rust file from src/ checked: 0 errors, 0 warnings"
        );
    }

    #[test]
    fn an_unclosed_if_points_at_its_opening_tag() {
        let r = check(&[(
            "templates/home.html",
            "<h1>{{ t(\"demo-title\") }}</h1>\n<ul>\n  {% for x in xs %}{{ x }}{% endfor %}\n    {% if open %}\n<p>open</p>\n",
        )]);
        assert_eq!(
            lines(&r),
            [
                "error: templates/home.html:4:5: unclosed block 'if': the template ends before its `{% endif %}`"
            ]
        );
        assert_eq!(r.errors(), 1);
    }

    #[test]
    fn a_misplaced_end_tag_names_the_open_block() {
        let r = check(&[(
            "templates/home.html",
            "{{ t(\"demo-title\") }}\n{% for x in xs %}\n  {% if x %}{{ x }}{% endfor %}\n",
        )]);
        assert_eq!(
            lines(&r),
            [
                "error: templates/home.html:3:3: unclosed block 'if': `{% endfor %}` on line 3, column 20 comes before its `{% endif %}`"
            ]
        );
        let r = check(&[(
            "templates/home.html",
            "{{ t(\"demo-title\") }}\n<p>\n</p>{% endif %}\n",
        )]);
        assert_eq!(
            lines(&r),
            ["error: templates/home.html:3:5: `{% endif %}` closes no open block"]
        );
    }

    #[test]
    fn an_unknown_filter_is_left_to_render_time() {
        // minijinja looks filters up when rendering: compiling cannot know.
        let r = check(&[(
            "templates/home.html",
            "{{ t(\"demo-title\") | no_such_filter }}",
        )]);
        assert!(r.findings.is_empty(), "{:#?}", r.findings);
    }

    #[test]
    fn including_a_missing_template_is_an_error() {
        let r = check(&[(
            "templates/home.html",
            "{{ t(\"demo-title\") }}\n<div>{% include \"_missing.html\" %}</div>\n{% import \"_form.html\" as f %}\n{% include \"_gone.html\" ignore missing %}\n",
        )]);
        let host: &[(&str, &[u8])] = &[("templates/_form.html", b"")];
        let dir = plugin(&[(
            "templates/home.html",
            "{{ t(\"demo-title\") }}\n<div>{% include \"_missing.html\" %}</div>\n{% import \"_form.html\" as f %}\n",
        )]);
        let with_host = check_dir(dir.path(), host).unwrap();
        assert_eq!(
            lines(&r),
            [
                "error: templates/home.html:2:17: include of `_missing.html`: this plugin has no such template under templates/",
                "error: templates/home.html:3:11: import of `_form.html`: this plugin has no such template under templates/",
            ]
        );
        assert!(
            with_host.findings[1]
                .message
                .contains("`_form.html` is a host template"),
            "{:#?}",
            with_host.findings
        );
    }

    #[test]
    fn includes_resolve_from_the_templates_root() {
        let r = check(&[
            (
                "templates/home.html",
                "{{ t(\"demo-title\") }}{% include \"el/_box.html\" %}{% for n in nodes %}{% include \"el/\" ~ n.kind ~ \".html\" %}{% endfor %}",
            ),
            ("templates/el/_box.html", "{% include \"el/_inner.html\" %}"),
            ("templates/el/_inner.html", "inner"),
            ("templates/el/Paragraph.html", "p"),
            (
                "templates/el/List.html",
                "{% import \"_macros.html\" as m %}",
            ),
            ("templates/_macros.html", "{% macro x() %}{% endmacro %}"),
        ]);
        assert!(r.findings.is_empty(), "{:#?}", r.findings);
    }

    #[test]
    fn fluent_syntax_errors_have_line_and_column() {
        let r = check(&[("locales/en.ftl", "demo-title = Demo\ndemo-more More\n")]);
        let l = lines(&r);
        assert_eq!(
            l[0],
            "error: locales/en.ftl:2:11: syntax error: expected a token starting with \"=\"; the host drops the entry `demo-more`",
            "{l:#?}"
        );
        // Dropped, the key is then missing in English.
        assert_eq!(
            l[1],
            "warning: locales/fr.ftl:2:1: key `demo-more` is missing from locales/en.ftl: English pages show the French text"
        );
        assert_eq!(l.len(), 2, "{l:#?}");
    }

    #[test]
    fn a_key_missing_in_english_is_a_warning() {
        let r = check(&[(
            "locales/fr.ftl",
            "demo-title = Démo\ndemo-more = Plus\n\n# Un commentaire\ndemo-votes = { $n ->\n    [one] un vote\n   *[other] { $n } votes\n}\n    .title = Votes\n",
        )]);
        assert_eq!(
            lines(&r),
            [
                "warning: locales/fr.ftl:5:1: key `demo-votes` is missing from locales/en.ftl: English pages show the French text",
                "warning: locales/fr.ftl:9:1: key `demo-votes.title` is missing from locales/en.ftl: English pages show the French text",
            ]
        );
        assert_eq!(r.errors(), 0);
    }

    #[test]
    fn a_duplicate_key_is_an_error() {
        let r = check(&[(
            "locales/en.ftl",
            "demo-title = Demo\ndemo-more = More\n\ndemo-title = Demo again\n",
        )]);
        assert_eq!(
            lines(&r),
            [
                "error: locales/en.ftl:4:1: duplicate key `demo-title` (first defined on line 1): the host keeps only this last definition"
            ]
        );
    }

    #[test]
    fn a_template_named_in_rust_must_exist() {
        let r = check(&[(
            "src/pages.rs",
            "// view(\"commented.html\") is not code\nfn show() -> View {\n    let _ = 'x';\n    if ok { view(\"shwo.html\") } else { view(&format!(\"{}.html\", kind)) }\n}\n",
        )]);
        assert_eq!(
            lines(&r),
            [
                "error: src/pages.rs:4:18: template `shwo.html` is named here but there is no templates/shwo.html: rendering it fails"
            ]
        );
    }

    #[test]
    fn an_unused_template_is_a_warning() {
        let r = check(&[
            ("templates/old.html", "{% include \"_part.html\" %}"),
            ("templates/_part.html", "part"),
            ("templates/feed.xml", "<feed/>"),
            ("src/feed.rs", "fn feed() { view(\"feed.xml\"); }"),
        ]);
        assert_eq!(
            lines(&r),
            [
                "warning: templates/_part.html:1:1: template never used: only loaded by old.html, which nothing in src/ leads to",
                "warning: templates/old.html:1:1: template never used: no string in src/ names it and no template includes it",
            ]
        );
        // Without sources (a built package) nothing can be said.
        let dir = plugin(&[("templates/old.html", "old")]);
        std::fs::remove_dir_all(dir.path().join("src")).unwrap();
        let r = check_dir(dir.path(), &[]).unwrap();
        assert!(r.findings.is_empty(), "{:#?}", r.findings);
        assert_eq!(r.sources, 0);
    }

    #[test]
    fn a_translation_key_in_no_catalogue_is_a_warning() {
        let host: &[(&str, &[u8])] = &[("locales/fr.ftl", b"save = Enregistrer\n")];
        let dir = plugin(&[(
            "templates/home.html",
            "{{ t(\"demo-title\") }}\n{{ t(\"save\") }} {{ t('demo-missing', n=3) }} {{ t(\"demo-\" ~ kind) }}\n",
        )]);
        let r = check_dir(dir.path(), host).unwrap();
        assert_eq!(
            lines(&r),
            [
                "warning: templates/home.html:2:22: translation key `demo-missing` is in neither locales/fr.ftl nor locales/en.ftl (nor the host's catalogue): the page shows `demo-missing` itself"
            ]
        );
    }

    #[test]
    fn raw_blocks_and_comments_are_text() {
        let r = check(&[(
            "templates/home.html",
            "{{ t(\"demo-title\") }}{# {% include \"nope.html\" %} #}{% raw %}{% if %}{{ t(\"nope\") }}{% endraw %}",
        )]);
        assert!(r.findings.is_empty(), "{:#?}", r.findings);
    }

    #[test]
    fn an_invalid_manifest_is_an_error_with_its_place() {
        let r = check(&[("plugin.toml", "name = \"demo\"\nversion = 1.0\n")]);
        assert!(!r.manifest_valid);
        let f = &r.findings[0];
        assert_eq!(
            (f.file.as_str(), f.severity),
            ("plugin.toml", Severity::Error)
        );
        assert!(f.line >= 1, "{f}");
        assert!(r.summary().starts_with("plugin.toml invalid; "));
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(line_col("é{% if", 2), (1, 2));
        assert_eq!(line_col("a\nbc", 3), (2, 2));
        assert!(glob("el/*.html", "el/Liste.html"));
        assert!(!glob("el/*.html", "_x.html"));
        assert!(glob("*.html", "a.html"));
    }
}
