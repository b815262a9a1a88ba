//! What people type in forms, read the way they write it: French
//! decimals, lists one per line or separated by commas, phone numbers,
//! SIRET numbers (checked with their key), web addresses.
//!
//! ```
//! use estive_kit::input::{decimal, items, siret};
//!
//! assert_eq!(decimal("1 850,50 €"), Some(1850.5));
//! assert_eq!(items("Anglais, espagnol\nanglais"), ["Anglais", "espagnol"]);
//! assert!(siret("732 829 320 00074").is_ok());
//! ```

/// A number as people write it in French or English: « 1 850,50 »,
/// « 1850.5 », « 12 ».
pub fn decimal(text: &str) -> Option<f64> {
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '€'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.is_empty()
        || !cleaned.chars().all(|c| c.is_ascii_digit() || c == '.')
        || cleaned.matches('.').count() > 1
    {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// A list typed one item per line or separated by commas or semicolons:
/// trimmed, blanks and repeats (whatever the case) left out.
pub fn items(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in text.split(['\n', ',', ';']).map(str::trim) {
        if !item.is_empty() && !out.iter().any(|o| o.to_lowercase() == item.to_lowercase()) {
            out.push(item.to_owned());
        }
    }
    out
}

/// Whether 14 digits pass the Luhn check of a SIRET.
pub fn luhn_ok(digits: &str) -> bool {
    let mut sum = 0;
    for (i, c) in digits.chars().rev().enumerate() {
        let Some(mut d) = c.to_digit(10) else {
            return false;
        };
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

/// What is wrong with a SIRET.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SiretError {
    /// Not 14 digits.
    Format,
    /// 14 digits whose Luhn key does not check.
    Key,
}

/// A SIRET as typed (spaces and dots allowed) → its 14 digits.
///
/// # Errors
/// [`SiretError`] says what is wrong.
pub fn siret(text: &str) -> Result<String, SiretError> {
    let digits: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    if digits.len() != 14 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(SiretError::Format);
    }
    if !luhn_ok(&digits) {
        return Err(SiretError::Key);
    }
    Ok(digits)
}

/// Whether a phone number has the digits of one (8 to 15, with spaces,
/// dots, dashes, brackets and a leading `+`).
pub fn phone_ok(text: &str) -> bool {
    let allowed = text.chars().enumerate().all(|(i, c)| {
        c.is_ascii_digit()
            || matches!(c, ' ' | '.' | '-' | '(' | ')' | '\u{a0}')
            || (c == '+' && i == 0)
    });
    let digits = text.chars().filter(char::is_ascii_digit).count();
    allowed && (8..=15).contains(&digits)
}

/// Whether a text is an `https://` address of a named host, without
/// spaces or characters that have no place in one.
pub fn https_url(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("https://") else {
        return false;
    };
    if text
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '\\'))
    {
        return false;
    }
    let host = rest
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default()
        .rsplit('@')
        .next()
        .unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default();
    host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_as_people_write_them() {
        assert_eq!(decimal("12"), Some(12.0));
        assert_eq!(decimal("1\u{202f}850,50"), Some(1850.5));
        assert_eq!(decimal("11.88"), Some(11.88));
        assert_eq!(decimal("1,2,3"), None);
        assert_eq!(decimal("douze"), None);
        assert_eq!(decimal(""), None);
        assert_eq!(decimal("-3"), None);
    }

    #[test]
    fn lists_keep_the_first_spelling_once() {
        assert_eq!(items(" a ;b\n\nA, c "), ["a", "b", "c"]);
        assert!(items(" , ;").is_empty());
    }

    #[test]
    fn sirets_are_checked_with_their_key() {
        assert_eq!(siret("73282932000074"), Ok("73282932000074".to_string()));
        assert_eq!(siret("732 829 320 00075"), Err(SiretError::Key));
        assert_eq!(siret("7328293200007"), Err(SiretError::Format));
        assert_eq!(siret("7328293200007A"), Err(SiretError::Format));
    }

    #[test]
    fn phones_and_addresses() {
        assert!(phone_ok("05 62 98 00 11"));
        assert!(phone_ok("+33 5 62 98 00 11"));
        assert!(!phone_ok("05 62"));
        assert!(!phone_ok("05 62 98 00 11 ext"));
        assert!(https_url("https://www.example.org/emplois?x=1"));
        assert!(!https_url("http://www.example.org/"));
        assert!(!https_url("javascript:alert(1)"));
        assert!(!https_url("https://exa mple.org/"));
        assert!(!https_url("https://localhost/"));
        assert!(!https_url("https://www.example.org/<script>"));
    }
}
