//! URL-friendly identifiers made from titles.

/// Makes a slug: lower case ASCII letters and digits separated by single
/// hyphens. French and other Latin accents are folded (`é` → `e`, `œ` →
/// `oe`); any other character separates words.
///
/// ```
/// use estive_sdk::slug::slugify;
///
/// assert_eq!(slugify("Fête de l'été 2026 !"), "fete-de-l-ete-2026");
/// assert_eq!(slugify("Œuvres & Cœur"), "oeuvres-coeur");
/// ```
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let folded = fold(c);
        if folded.is_empty() {
            pending_hyphen = true;
            continue;
        }
        if pending_hyphen && !slug.is_empty() {
            slug.push('-');
        }
        pending_hyphen = false;
        slug.push_str(folded);
    }
    slug
}

/// The ASCII spelling of a lower case letter or digit; empty for anything
/// that separates words.
fn fold(c: char) -> &'static str {
    const ASCII: [&str; 36] = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f", "g", "h",
        "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z",
    ];
    match c {
        '0'..='9' => ASCII[c as usize - '0' as usize],
        'a'..='z' => ASCII[c as usize - 'a' as usize + 10],
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ß' => "ss",
        'ś' | 'š' | 'ş' => "s",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_collapse_and_never_lead_or_trail() {
        assert_eq!(slugify("  --Hello,   World!--  "), "hello-world");
        assert_eq!(slugify("***"), "");
        assert_eq!(slugify(""), "");
    }

    #[test]
    fn french_letters_fold_to_ascii() {
        assert_eq!(
            slugify("À l'Hôtel-Dieu, ça déçoit ÇA ŒIL ÿ"),
            "a-l-hotel-dieu-ca-decoit-ca-oeil-y"
        );
    }

    #[test]
    fn letters_without_ascii_spelling_separate_words() {
        assert_eq!(slugify("Αθήνα 2026"), "2026");
    }
}
