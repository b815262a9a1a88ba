//! The communes of a site, as a setting lists them one per line:
//! « 65388 Saint-Lary-Soulan », « 65031 – Arreau » (INSEE code then name)
//! or a name alone.
//!
//! ```
//! use estive_kit::communes::Commune;
//!
//! let c = Commune::parse("65031 – Arreau").unwrap();
//! assert_eq!((c.insee.as_str(), c.name.as_str()), ("65031", "Arreau"));
//! assert_eq!(Commune::parse("Ilhet").unwrap().insee, "");
//! assert!(Commune::parse("  ").is_none());
//! ```

use serde::Serialize;

/// A commune of the site.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Commune {
    /// INSEE code (`65388`; Corsica's `2A004`), or empty.
    pub insee: String,
    /// Its name as people write it.
    pub name: String,
}

impl Commune {
    /// A line of the `communes` setting: « 65388 Saint-Lary-Soulan » (or
    /// « 65388 – Saint-Lary-Soulan »).
    pub fn parse(line: &str) -> Option<Commune> {
        let line = line.trim();
        if line.is_empty() {
            return None;
        }
        let (first, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let is_code = first.len() == 5
            && first
                .chars()
                .all(|c| c.is_ascii_digit() || c == 'A' || c == 'B');
        // « 65031 – Arreau » and « 65031 - Arreau » too, as indicators
        // writes them.
        let name = rest.trim().trim_start_matches(['–', '—', '-', ':']).trim();
        if is_code && !name.is_empty() {
            Some(Commune {
                insee: first.to_string(),
                name: name.to_string(),
            })
        } else {
            Some(Commune {
                insee: String::new(),
                name: line.to_string(),
            })
        }
    }
}

/// Every commune of a setting's lines, in order (blank lines left out).
pub fn parse_all<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<Commune> {
    lines.into_iter().filter_map(Commune::parse).collect()
}
