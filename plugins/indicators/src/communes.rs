//! The member communes, from the site setting `communes`: one per line,
//! “INSEE code – name”.

use serde::Serialize;

/// A member commune.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Commune {
    /// The INSEE code, e.g. `65123` (`2A004` in Corsica).
    pub code: String,
    pub name: String,
}

/// Whether a text is an INSEE commune code: five characters, digits, or
/// `2A`/`2B` followed by three digits.
pub fn is_insee_code(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() != 5 {
        return false;
    }
    let corsica = bytes[0] == b'2' && matches!(bytes[1], b'A' | b'B' | b'a' | b'b');
    let head_ok = corsica || bytes[..2].iter().all(u8::is_ascii_digit);
    head_ok && bytes[2..].iter().all(u8::is_ascii_digit)
}

/// Reads one line: the code, then a dash (`-`, `–` or `—`), a colon, a
/// semicolon or spaces, then the name. Lines that do not start with a
/// code are skipped.
fn parse_line(line: &str) -> Option<Commune> {
    let line = line.trim();
    let code: String = line.chars().take(5).collect();
    if !is_insee_code(&code) {
        return None;
    }
    let rest = line[code.len()..].trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':' | ';' | ',')
    });
    let name = rest.trim();
    Some(Commune {
        code: code.to_ascii_uppercase(),
        name: if name.is_empty() {
            code.to_ascii_uppercase()
        } else {
            name.to_owned()
        },
    })
}

/// The communes of the setting's lines, each code once, in order.
pub fn parse(lines: &[String]) -> Vec<Commune> {
    let mut out: Vec<Commune> = Vec::new();
    for commune in lines.iter().filter_map(|l| parse_line(l)) {
        if !out.iter().any(|c| c.code == commune.code) {
            out.push(commune);
        }
    }
    out
}

/// The site's member communes.
pub fn all() -> Vec<Commune> {
    let lines: Vec<String> = estive_sdk::config::get("communes")
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default();
    parse(&lines)
}

/// The commune a text names: its code, or its name without regard to
/// case or accents.
pub fn find<'a>(communes: &'a [Commune], text: &str) -> Option<&'a Commune> {
    let text = text.trim();
    communes
        .iter()
        .find(|c| c.code.eq_ignore_ascii_case(text))
        .or_else(|| {
            let wanted = estive_sdk::slug::slugify(text);
            communes
                .iter()
                .find(|c| estive_sdk::slug::slugify(&c.name) == wanted)
        })
}

/// The name of a commune code, or the code itself when it is no longer a
/// member.
pub fn name_of(communes: &[Commune], code: &str) -> String {
    communes
        .iter()
        .find(|c| c.code == code)
        .map_or_else(|| code.to_owned(), |c| c.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(list: &[&str]) -> Vec<String> {
        list.iter().map(|l| (*l).to_owned()).collect()
    }

    #[test]
    fn setting_lines_give_code_and_name_whatever_the_separator() {
        let communes = parse(&lines(&[
            "65123 – Arreau",
            "65059 - Bourisp",
            "65192;Ilhet",
            "2a004 : Ajaccio",
            "  ",
            "Sans code",
            "65123 – Arreau (doublon)",
            "65300",
        ]));
        let names: Vec<(&str, &str)> = communes
            .iter()
            .map(|c| (c.code.as_str(), c.name.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("65123", "Arreau"),
                ("65059", "Bourisp"),
                ("65192", "Ilhet"),
                ("2A004", "Ajaccio"),
                ("65300", "65300"),
            ]
        );
    }

    #[test]
    fn insee_codes_are_five_characters_with_corsican_letters() {
        assert!(is_insee_code("65123"));
        assert!(is_insee_code("2B033"));
        assert!(!is_insee_code("6512"));
        assert!(!is_insee_code("2C033"));
        assert!(!is_insee_code("65 12"));
    }

    #[test]
    fn a_commune_is_found_by_code_or_by_name_without_accents() {
        let communes = parse(&lines(&["65123 – Arreau", "65059 – Saint-Lary-Soulan"]));
        assert_eq!(find(&communes, "65059").unwrap().name, "Saint-Lary-Soulan");
        assert_eq!(find(&communes, "saint lary soulan").unwrap().code, "65059");
        assert_eq!(find(&communes, "ARREAU").unwrap().code, "65123");
        assert!(find(&communes, "Lourdes").is_none());
        assert_eq!(name_of(&communes, "99999"), "99999");
    }
}
