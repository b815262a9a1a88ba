//! Messages from the plugin's catalogues (`locales/fr.ftl`,
//! `locales/en.ftl`), in the language of the call.
//!
//! Views need not translate: the host renders templates with the
//! catalogues. Translate in code for texts built there (a notice, an email,
//! a CSV heading).

use crate::host;

/// The message `key` in the call's language; the key itself when the
/// catalogue has no such message.
///
/// ```no_run
/// let heading = estive_sdk::i18n::t("results-heading");
/// ```
pub fn t(key: &str) -> String {
    host::translate(key, &[])
}

/// The message `key` with Fluent `{ $name }` placeables filled in.
///
/// ```no_run
/// let n = 3;
/// let text = estive_sdk::i18n::t_args("votes-count", &[("n", &n.to_string())]);
/// ```
pub fn t_args(key: &str, args: &[(&str, &str)]) -> String {
    let args: Vec<(String, String)> = args
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    host::translate(key, &args)
}
