//! The names of plugin.toml as constants (`routes::WEEK`, `tables::SHIFTS`…),
//! so that a misspelt one does not compile; and the working-time rule sets
//! of `rules/regimes.toml` turned into JSON, so that the component reads
//! them without carrying a TOML parser (the file stays the one place their
//! numbers are written).

use std::path::Path;

fn main() {
    if let Err(e) = estive_sdk::build::names() {
        panic!("{e}");
    }
    let source = Path::new("rules/regimes.toml");
    println!("cargo:rerun-if-changed={}", source.display());
    let text =
        std::fs::read_to_string(source).unwrap_or_else(|e| panic!("{}: {e}", source.display()));
    let tables: toml::Table = text
        .parse()
        .unwrap_or_else(|e| panic!("{}: {e}", source.display()));
    // In the file's order (a TOML table comes out sorted by name): the
    // rules page lists the regimes as the file does.
    let mut keys: Vec<&String> = tables.keys().collect();
    let position = |key: &str| {
        text.lines()
            .position(|line| line.trim() == format!("[{key}]"))
            .unwrap_or(usize::MAX)
    };
    keys.sort_by_cached_key(|k| position(k));
    let pairs: Vec<(&String, &toml::Value)> = keys.into_iter().map(|k| (k, &tables[k])).collect();
    let json = serde_json::to_string(&pairs).expect("TOML values are JSON values");
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    std::fs::write(Path::new(&out).join("regimes.json"), json).expect("cannot write regimes.json");
}
