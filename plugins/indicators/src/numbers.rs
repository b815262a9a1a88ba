//! Numbers and dates as people type them in French or English.

use estive_sdk::dates::Date;

/// Reads a decimal number written the French way (`1 234,5`, with a
/// space, a no-break or narrow no-break space between thousands) or the
/// English way (`1,234.5` or `1234.5`). A lone comma is a decimal comma;
/// with both a comma and a point, the last one is the decimal separator.
///
/// Returns `None` for anything else, including infinities and `NaN`.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let text: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    if text.is_empty() {
        return None;
    }
    let body = text.strip_prefix(['-', '+']).unwrap_or(&text);
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    let commas = text.matches(',').count();
    let points = text.matches('.').count();
    let normalised = match (commas, points) {
        (0, 0 | 1) => text.clone(),
        (1, 0) => text.replace(',', "."),
        // `1.234,5`: points group thousands.
        (1, _) if text.rfind(',') > text.rfind('.') => text.replace('.', "").replace(',', "."),
        // `1,234.5` or `1,234,567.5`: commas group thousands.
        (_, 1) if text.rfind('.') > text.rfind(',') => text.replace(',', ""),
        // `1,234,567` (English grouping without decimals) is ambiguous
        // with a typo; refuse it rather than guess.
        _ => return None,
    };
    normalised.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// Reads a date written `YYYY-MM-DD` (ISO, what date fields send) or
/// `DD/MM/YYYY` (how French spreadsheets show dates).
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    if let Some(date) = Date::parse(text) {
        return Some(date);
    }
    let mut parts = text.split('/');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// A number for a form field or a table, with at most `decimals` decimals
/// and no trailing zeros, a decimal comma in French; no grouping, so that
/// it reads back with [`parse_decimal`].
pub fn plain(value: f64, locale: &str) -> String {
    let fixed = format!("{value:.4}");
    let trimmed = fixed.trim_end_matches('0').trim_end_matches('.');
    let text = if trimmed == "-0" { "0" } else { trimmed };
    if locale == "fr" {
        text.replace('.', ",")
    } else {
        text.to_owned()
    }
}

/// A number for reading: thousands grouped (narrow no-break space in
/// French, comma in English), at most two decimals.
pub fn grouped(value: f64, locale: &str) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = plain(rounded, "en");
    let (sign, text) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let (group, point) = if locale == "fr" {
        ('\u{202f}', ',')
    } else {
        (',', '.')
    };
    let mut out = String::from(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// A value with its unit, e.g. `1 234,5 t` or `12 %`.
pub fn with_unit(value: f64, unit: &str, locale: &str) -> String {
    let number = grouped(value, locale);
    match unit.trim() {
        "" => number,
        "%" if locale == "fr" => format!("{number}\u{202f}%"),
        "%" => format!("{number}%"),
        unit => format!("{number}\u{a0}{unit}"),
    }
}

/// A share (0 to 1) as a whole percentage, for `<progress>` and text.
pub fn percent(share: f64) -> i64 {
    (share.clamp(0.0, 1.0) * 100.0).round() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_decimals_with_comma_and_spaces_are_read() {
        assert_eq!(parse_decimal("12,5"), Some(12.5));
        assert_eq!(parse_decimal("1 234,5"), Some(1234.5));
        assert_eq!(parse_decimal("1\u{202f}234,5"), Some(1234.5));
        assert_eq!(parse_decimal("1\u{a0}234"), Some(1234.0));
        assert_eq!(parse_decimal("1.234,5"), Some(1234.5));
        assert_eq!(parse_decimal("-0,75"), Some(-0.75));
    }

    #[test]
    fn english_decimals_are_read_too() {
        assert_eq!(parse_decimal("12.5"), Some(12.5));
        assert_eq!(parse_decimal("1,234.5"), Some(1234.5));
        assert_eq!(parse_decimal("+3"), Some(3.0));
    }

    #[test]
    fn what_is_not_a_number_is_refused() {
        for bad in [
            "",
            " ",
            "abc",
            "12,5,3",
            "1,234,567",
            "12 kg",
            "1e3",
            "inf",
            "NaN",
            "-",
            "12..5",
        ] {
            assert_eq!(parse_decimal(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn dates_are_read_in_iso_and_french_forms() {
        assert_eq!(parse_date("2025-12-31").unwrap().to_string(), "2025-12-31");
        assert_eq!(
            parse_date(" 31/12/2025 ").unwrap().to_string(),
            "2025-12-31"
        );
        assert_eq!(parse_date("1/2/2026").unwrap().to_string(), "2026-02-01");
        assert_eq!(parse_date("31/02/2025"), None);
        assert_eq!(parse_date("12/2025"), None);
        assert_eq!(parse_date("31/12/25"), None);
    }

    #[test]
    fn numbers_are_written_for_each_language() {
        assert_eq!(plain(1234.5, "fr"), "1234,5");
        assert_eq!(plain(2.0, "en"), "2");
        assert_eq!(plain(-0.0, "fr"), "0");
        assert_eq!(grouped(1234567.891, "fr"), "1\u{202f}234\u{202f}567,89");
        assert_eq!(grouped(-1234.5, "en"), "-1,234.5");
        assert_eq!(with_unit(12.0, "%", "fr"), "12\u{202f}%");
        assert_eq!(with_unit(3.5, "t", "fr"), "3,5\u{a0}t");
        assert_eq!(percent(0.456), 46);
        assert_eq!(percent(1.7), 100);
    }

    #[test]
    fn written_numbers_read_back() {
        for n in [0.0, 1.5, -3.25, 1234.0, 0.0001] {
            assert_eq!(parse_decimal(&plain(n, "fr")), Some(n));
            assert_eq!(parse_decimal(&plain(n, "en")), Some(n));
        }
    }
}
