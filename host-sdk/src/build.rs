//! The names of `plugin.toml` as constants, so that a misspelt route,
//! table, column, setting, permission, schedule or widget fails to compile
//! instead of failing a request.
//!
//! With the `build` feature, in the plugin's build script:
//!
//! ```toml
//! [build-dependencies]
//! estive-sdk = { version = "0.3", features = ["build"] }
//! ```
//!
//! ```text
//! // build.rs
//! fn main() {
//!     estive_sdk::build::names().expect("plugin.toml");
//! }
//! ```
//!
//! and once in the plugin's `lib.rs`, `estive_sdk::manifest_names!();`,
//! which declares the modules `routes`, `tables` (a constant per table, and
//! a module per table with its columns), `settings`, `permissions`,
//! `schedules` and `widgets`:
//!
//! ```text
//! match req.route() {
//!     routes::LIST => list(&req),
//!     routes::SHOW => show(&req),
//!     _ => Err(Error::not_found(messages::NOT_FOUND)),
//! }
//! db::select(tables::ENTRIES).order_desc(tables::entries::CREATED_AT)
//! ```

use std::fmt::Write as _;
use std::path::Path;

/// Read `plugin.toml` beside the crate's `Cargo.toml` and write its names
/// to `$OUT_DIR/estive_names.rs`; the build reruns when it changes.
///
/// # Errors
/// The manifest cannot be read or parsed, or two names give the same
/// constant.
pub fn names() -> Result<(), String> {
    let dir =
        std::env::var("CARGO_MANIFEST_DIR").map_err(|e| format!("CARGO_MANIFEST_DIR: {e}"))?;
    let out = std::env::var("OUT_DIR").map_err(|e| format!("OUT_DIR: {e}"))?;
    let manifest = Path::new(&dir).join("plugin.toml");
    println!("cargo:rerun-if-changed={}", manifest.display());
    let text = std::fs::read_to_string(&manifest)
        .map_err(|e| format!("cannot read {}: {e}", manifest.display()))?;
    let code = generate(&text)?;
    std::fs::write(Path::new(&out).join("estive_names.rs"), code)
        .map_err(|e| format!("cannot write the names: {e}"))
}

/// The Rust source of the names of a manifest.
///
/// # Errors
/// Not TOML, or two names of one kind give the same constant.
pub fn generate(manifest: &str) -> Result<String, String> {
    let doc: toml::Table = manifest.parse().map_err(|e| format!("plugin.toml: {e}"))?;
    let names_of = |key: &str| -> Vec<String> {
        doc.get(key)
            .and_then(|v| v.as_array())
            .map(|items| {
                items
                    .iter()
                    .filter_map(|i| i.get("name")?.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut code = String::from("// Generated from plugin.toml by estive_sdk::build::names().\n");
    for (module, key, what) in [
        ("routes", "routes", "Route names"),
        ("settings", "settings", "Setting names"),
        ("permissions", "permissions", "Permission names"),
        ("schedules", "schedules", "Scheduled task names"),
        ("widgets", "widgets", "Widget names"),
    ] {
        consts(&mut code, module, what, &names_of(key), "")?;
    }
    let tables: Vec<&toml::Value> = doc
        .get("tables")
        .and_then(|v| v.as_array())
        .map(|t| t.iter().collect())
        .unwrap_or_default();
    let table_names: Vec<String> = tables
        .iter()
        .filter_map(|t| t.get("name")?.as_str().map(str::to_owned))
        .collect();
    let mut inner = String::new();
    for t in &tables {
        let Some(name) = t.get("name").and_then(|n| n.as_str()) else {
            continue;
        };
        let mut columns = vec!["id".to_owned()];
        columns.extend(
            t.get("columns")
                .and_then(|c| c.as_array())
                .into_iter()
                .flatten()
                .filter_map(|c| c.get("name")?.as_str().map(str::to_owned)),
        );
        consts(
            &mut inner,
            &ident(name),
            &format!("Columns of `{name}`"),
            &columns,
            "    ",
        )?;
    }
    consts_with(
        &mut code,
        "tables",
        "Table names, and a module of columns per table",
        &table_names,
        &inner,
    )?;
    Ok(code)
}

/// `close-expired`, `polls.manage` → `CLOSE_EXPIRED`, `POLLS_MANAGE`.
fn constant(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    if out.chars().next().is_none_or(|c| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    out
}

/// A module name for a table (`type` → `r#type`).
fn ident(name: &str) -> String {
    const KEYWORDS: &[&str] = &[
        "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn",
        "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
        "return", "self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use",
        "where", "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final",
        "macro", "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
    ];
    let base: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if KEYWORDS.contains(&base.as_str()) {
        format!("r#{base}")
    } else {
        base
    }
}

fn consts(
    out: &mut String,
    module: &str,
    what: &str,
    names: &[String],
    indent: &str,
) -> Result<(), String> {
    consts_in(out, module, what, names, indent, "")
}

fn consts_with(
    out: &mut String,
    module: &str,
    what: &str,
    names: &[String],
    inner: &str,
) -> Result<(), String> {
    consts_in(out, module, what, names, "", inner)
}

fn consts_in(
    out: &mut String,
    module: &str,
    what: &str,
    names: &[String],
    indent: &str,
    inner: &str,
) -> Result<(), String> {
    let mut seen: Vec<(String, &str)> = Vec::new();
    let _ = writeln!(out, "{indent}/// {what} of plugin.toml.");
    let _ = writeln!(out, "{indent}#[allow(dead_code)]");
    let _ = writeln!(out, "{indent}pub mod {module} {{");
    for name in names {
        let c = constant(name);
        if let Some((_, other)) = seen.iter().find(|(s, _)| *s == c) {
            return Err(format!(
                "plugin.toml: `{other}` and `{name}` both give the constant {module}::{c}"
            ));
        }
        let _ = writeln!(out, "{indent}    /// `{name}`");
        let _ = writeln!(out, "{indent}    pub const {c}: &str = {name:?};");
        seen.push((c, name));
    }
    for line in inner.lines() {
        let _ = writeln!(out, "{indent}    {line}");
    }
    let _ = writeln!(out, "{indent}}}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_constants_and_clashes_are_refused() {
        let code = generate(
            r#"
name = "polls"
[[routes]]
name = "close-expired"
path = "/x"
[[tables]]
name = "type"
columns = [{ name = "closes_at", type = "datetime" }]
[[permissions]]
name = "polls.manage"
"#,
        )
        .unwrap();
        assert!(
            code.contains("pub const CLOSE_EXPIRED: &str = \"close-expired\";"),
            "{code}"
        );
        assert!(code.contains("pub const TYPE: &str = \"type\";"), "{code}");
        assert!(code.contains("pub mod r#type {"), "{code}");
        assert!(
            code.contains("pub const CLOSES_AT: &str = \"closes_at\";"),
            "{code}"
        );
        assert!(code.contains("pub const ID: &str = \"id\";"), "{code}");
        assert!(
            code.contains("pub const POLLS_MANAGE: &str = \"polls.manage\";"),
            "{code}"
        );
        let e = generate("[[routes]]\nname = \"a-b\"\n[[routes]]\nname = \"a.b\"\n").unwrap_err();
        assert!(e.contains("`a-b` and `a.b`"), "{e}");
        assert!(generate("not toml [").is_err());
    }
}
