//! Message catalogues (Fluent), French and English: the host's own and one
//! per plugin package.

use std::borrow::Cow;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The languages of every page, French first.
pub const LANGS: [&str; 2] = ["fr", "en"];

/// The language for a request: `fr` unless `en` is asked for.
pub fn normalise(lang: &str) -> &'static str {
    if lang.eq_ignore_ascii_case("en") || lang.to_ascii_lowercase().starts_with("en-") {
        "en"
    } else {
        "fr"
    }
}

/// The host's messages that every plugin may use without copying them
/// (`locales/*-kit.ftl`): the SDK validator's errors, the form page's
/// summary and title, the words of the form macros. A plugin's own
/// catalogue is looked up first.
pub fn kit() -> &'static Catalogues {
    static KIT: std::sync::LazyLock<Catalogues> = std::sync::LazyLock::new(|| {
        Catalogues::new(
            &[include_str!("../locales/fr-kit.ftl")],
            &[include_str!("../locales/en-kit.ftl")],
        )
    });
    &KIT
}

/// One catalogue per language; English falls back to French message by
/// message.
pub struct Catalogues {
    fr: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

fn bundle(lang: &str, sources: &[&str]) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier =
        lang.parse().expect("fr and en are valid language ids");
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // Bidi isolation marks would end up inside HTML attributes and CSV.
    b.set_use_isolating(false);
    for src in sources {
        let res = match FluentResource::try_new((*src).to_string()) {
            Ok(r) => r,
            Err((r, errors)) => {
                tracing::warn!(
                    lang,
                    errors = errors.len(),
                    "catalogue has syntax errors; the valid messages are kept"
                );
                r
            }
        };
        // A later source overrides messages of an earlier one.
        b.add_resource_overriding(res);
    }
    b
}

impl Catalogues {
    /// Build from French and English sources (later sources override).
    pub fn new(fr: &[&str], en: &[&str]) -> Catalogues {
        Catalogues {
            fr: bundle("fr", fr),
            en: bundle("en", en),
        }
    }

    pub fn empty() -> Catalogues {
        Catalogues::new(&[], &[])
    }

    /// Whether the catalogue has `key` in French (the reference language).
    pub fn has(&self, key: &str) -> bool {
        self.fr.has_message(key)
    }

    /// Translate `key` with `args`; None when no catalogue has it.
    pub fn get(&self, lang: &str, key: &str, args: &[(&str, String)]) -> Option<String> {
        let primary = if normalise(lang) == "en" {
            &self.en
        } else {
            &self.fr
        };
        [primary, &self.fr]
            .into_iter()
            .find_map(|b| format(b, key, args))
    }

    /// Translate `key`, or return the key itself.
    pub fn t(&self, lang: &str, key: &str) -> String {
        self.get(lang, key, &[]).unwrap_or_else(|| key.to_string())
    }

    /// Translate with arguments, or return the key itself.
    pub fn t_args(&self, lang: &str, key: &str, args: &[(&str, String)]) -> String {
        self.get(lang, key, args).unwrap_or_else(|| key.to_string())
    }
}

fn format(b: &FluentBundle<FluentResource>, key: &str, args: &[(&str, String)]) -> Option<String> {
    let (id, attr) = match key.split_once('.') {
        Some((id, attr)) => (id, Some(attr)),
        None => (key, None),
    };
    let msg = b.get_message(id)?;
    let pattern = match attr {
        Some(a) => msg.get_attribute(a)?.value(),
        None => msg.value()?,
    };
    let mut fargs = FluentArgs::new();
    for (k, v) in args {
        // Whole numbers become numbers so that plural selectors work; other
        // values stay text, as formatted by the caller (Fluent would print
        // "2.5" even in French).
        match v.parse::<i64>() {
            Ok(n) => fargs.set(*k, FluentValue::from(n)),
            Err(_) => fargs.set(*k, FluentValue::String(Cow::Owned(v.clone()))),
        }
    }
    let mut errors = Vec::new();
    let out = b.format_pattern(pattern, Some(&fargs), &mut errors);
    Some(out.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kit_messages_name_their_limits_only_when_given() {
        let kit = kit();
        assert_eq!(kit.t("fr", "field-too-long"), "Ce texte est trop long.");
        let args = [
            ("max", "80".to_string()),
            ("length", "93".to_string()),
            ("bounds", "max".to_string()),
        ];
        assert_eq!(
            kit.t_args("fr", "field-too-long", &args),
            "Ce texte est trop long\u{a0}: 80 caractères au plus (il en compte 93)."
        );
        let both = [
            ("min", "1".to_string()),
            ("max", "12".to_string()),
            ("bounds", "both".to_string()),
        ];
        assert_eq!(
            kit.t_args("en", "field-out-of-range", &both),
            "Enter a number between 1 and 12."
        );
        assert_eq!(
            kit.t_args("fr", "estive-title-errors", &[("count", "2".into())]),
            "Erreur\u{a0}: 2 champs à corriger"
        );
    }

    #[test]
    fn english_falls_back_to_french_per_message() {
        let c = Catalogues::new(&["hello = Bonjour\nbye = Au revoir"], &["hello = Hello"]);
        assert_eq!(c.t("en", "hello"), "Hello");
        assert_eq!(c.t("en", "bye"), "Au revoir");
        assert_eq!(c.t("fr", "missing"), "missing");
    }

    #[test]
    fn plurals_select_on_numbers() {
        let c = Catalogues::new(
            &["votes = { $n ->\n    [one] { $n } vote\n   *[other] { $n } votes\n}"],
            &[],
        );
        assert_eq!(c.t_args("fr", "votes", &[("n", "1".into())]), "1 vote");
        assert_eq!(c.t_args("fr", "votes", &[("n", "3".into())]), "3 votes");
        let d = Catalogues::new(&["share = { $p } %"], &[]);
        assert_eq!(d.t_args("fr", "share", &[("p", "2,5".into())]), "2,5 %");
    }
}
