//! `polls`: online consultations — polls and surveys created in the
//! extranet, answered on the portal (one answer per person, with or without
//! an account), results with charts, moderation of free texts, exports, and
//! the `polls.closed` event carrying the final results.

use estive_sdk::prelude::*;

mod anonymity;
mod answers;
mod closing;
mod debate;
mod exports;
mod manage;
mod model;
mod portal;
mod privacy;
mod questions;
mod results;
mod settings;
mod staff;
mod widgets;

struct Polls;

impl Plugin for Polls {
    fn handle(req: Request) -> Result<Response, Error> {
        match req.route() {
            // Portal.
            "list" => portal::list(&req),
            "show" => portal::show(&req),
            "answer" => portal::answer(&req),
            "results" => portal::results(&req),
            "open-csv" => portal::open_csv(&req),
            "open-json" => portal::open_json(&req),
            // Extranet.
            "manage" => manage::list(&req),
            "new" => manage::new(&req),
            "quick" => manage::quick(&req),
            "detail" => manage::detail(&req),
            "edit" => manage::edit(&req),
            "publish" => manage::publish(&req),
            "close" => manage::close(&req),
            "delete" => manage::delete(&req),
            "question-new" => questions::new(&req),
            "question-edit" => questions::edit(&req),
            "question-delete" => questions::delete(&req),
            "question-move" => questions::move_question(&req),
            "staff-results" => staff::results(&req),
            "export-csv" => staff::export_csv(&req),
            "export-json" => staff::export_json(&req),
            "moderation" => staff::moderation(&req),
            _ => Err(Error::not_found(messages::NOT_FOUND)),
        }
    }

    fn on_schedule(ctx: &Context, task: &str) -> Result<(), String> {
        match task {
            "close-expired" => {
                let closed = closing::close_expired(ctx)?;
                if closed > 0 {
                    log::info!("{closed} consultation(s) closed");
                }
                Ok(())
            }
            "purge-hits" => {
                closing::purge_hits()?;
                Ok(())
            }
            other => Err(format!("unknown scheduled task `{other}`")),
        }
    }

    fn on_event(_ctx: &Context, event: Event) -> Result<(), String> {
        if event.is("indicators.themes") {
            settings::store_shared_themes(&event)?;
        } else if event.is("forums.replied") {
            debate::on_replied(&event)?;
        } else if event.is("forums.reply-hidden") {
            debate::on_hidden(&event)?;
        }
        Ok(())
    }

    fn widget(ctx: &Context, name: &str) -> Result<Option<View>, Error> {
        match name {
            "open-polls" => widgets::open_polls(ctx),
            "participation" => widgets::participation(ctx),
            _ => Ok(None),
        }
    }

    fn export_user_data(ctx: &Context, user_id: &str) -> Result<serde_json::Value, String> {
        Ok(privacy::export(ctx, user_id)?)
    }

    fn erase_user_data(ctx: &Context, user_id: &str) -> Result<(), String> {
        Ok(privacy::erase(ctx, user_id)?)
    }
}

register_plugin!(Polls);

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    fn keys(catalogue: &str) -> BTreeSet<String> {
        catalogue
            .lines()
            .filter_map(|l| l.split_once(" = ").map(|(k, _)| k.trim().to_owned()))
            .filter(|k| !k.is_empty() && !k.starts_with('#') && !k.starts_with(' '))
            .collect()
    }

    fn files(dir: &str, ext: &str) -> Vec<(String, String)> {
        let dir = format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"));
        let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == ext))
            .map(|p| {
                (
                    p.display().to_string(),
                    std::fs::read_to_string(&p).unwrap(),
                )
            })
            .collect();
        out.sort();
        out
    }

    /// Texts between `open` and the next quote, in `text`, where `open`
    /// does not continue a longer name (`split("` is not `t("`).
    fn after(text: &str, open: &str, quote: char) -> Vec<String> {
        text.match_indices(open)
            .filter(|(at, _)| {
                !text[..*at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_')
            })
            .filter_map(|(at, _)| text[at + open.len()..].split(quote).next())
            .map(str::to_owned)
            .collect()
    }

    /// Keys a template builds from a prefix, with every value they take.
    fn expand(key: &str) -> Vec<String> {
        let values: &[&str] = match key {
            "phase-" => &["draft", "upcoming", "open", "closed"],
            "audience-" => &["anyone", "accounts", "group"],
            "kind-" => &crate::model::Kind::ALL,
            "moderation-" => &["pending", "approved", "rejected"],
            "results-visibility-" => &crate::model::Visibility::ALL,
            other => return vec![other.to_owned()],
        };
        values.iter().map(|v| format!("{key}{v}")).collect()
    }

    #[test]
    fn both_catalogues_have_the_same_messages() {
        let fr = keys(include_str!("../locales/fr.ftl"));
        let en = keys(include_str!("../locales/en.ftl"));
        assert_eq!(
            fr.symmetric_difference(&en).collect::<Vec<_>>(),
            Vec::<&String>::new()
        );
    }

    /// The messages the host gives every plugin (the validator's, the
    /// form page's, the words of its form macros).
    fn host_keys() -> BTreeSet<String> {
        keys(include_str!("../../../core/locales/fr-kit.ftl"))
    }

    #[test]
    fn no_message_copies_one_the_host_gives() {
        for catalogue in [
            include_str!("../locales/fr.ftl"),
            include_str!("../locales/en.ftl"),
        ] {
            let copies: Vec<String> = keys(catalogue)
                .intersection(&host_keys())
                .cloned()
                .collect();
            assert!(copies.is_empty(), "the host gives {copies:?}");
        }
    }

    #[test]
    fn every_message_the_templates_and_code_use_is_in_the_catalogue() {
        let mut fr = keys(include_str!("../locales/fr.ftl"));
        fr.extend(host_keys());
        let mut used = BTreeSet::new();
        for (_, text) in files("templates", "html") {
            for k in after(&text, "t(\"", '"')
                .into_iter()
                .chain(after(&text, "t('", '\''))
            {
                used.extend(expand(&k));
            }
        }
        for (name, text) in files("src", "rs") {
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for open in [
                "conflict(\"",
                "forbidden(\"",
                "not_found(\"",
                "notice(\"",
                "i18n::t(\"",
                "t_args(\"",
            ] {
                for k in after(code, open, '"') {
                    assert!(!k.is_empty(), "{name}: empty key after {open}");
                    used.insert(k);
                }
            }
            // `Error::invalid(field, key)` and `Form::label(field, key)`:
            // the key is the second text.
            for open in ["invalid(\"", ".label(\""] {
                for call in after(code, open, ')') {
                    if let Some((_, key)) = call.split_once("\", \"") {
                        used.insert(key.trim_end_matches('"').to_owned());
                    }
                }
            }
            // Keys kept in constants and passed around.
            for k in after(code, ": &str = \"", '"') {
                if k.contains('-') && !k.contains([' ', '\\']) {
                    used.insert(k);
                }
            }
        }
        let missing: Vec<&String> = used.iter().filter(|k| !fr.contains(*k)).collect();
        assert!(missing.is_empty(), "missing from fr.ftl: {missing:?}");
    }

    /// `tests/e2e/forms.rs` submits every form as rendered: a form added
    /// to a template needs its test there, and this count moved with it.
    #[test]
    fn the_templates_hold_the_ten_forms_the_rendered_form_tests_cover() {
        let forms: Vec<(String, usize)> = files("templates", "html")
            .into_iter()
            .map(|(name, text)| {
                let file = name.rsplit('/').next().unwrap_or_default().to_owned();
                (file, text.matches("<form").count())
            })
            .filter(|(_, n)| *n > 0)
            .collect();
        let expected = [
            ("detail.html", 6),
            ("moderation.html", 1),
            ("poll_form.html", 1),
            ("question_form.html", 1),
            ("quick.html", 1),
            ("show.html", 1),
        ];
        assert_eq!(
            forms,
            expected.map(|(f, n)| (f.to_owned(), n)),
            "see tests/e2e/forms.rs"
        );
    }

    #[test]
    fn answer_error_keys_are_all_in_the_catalogue() {
        let fr = keys(include_str!("../locales/fr.ftl"));
        let code = include_str!("answers.rs");
        for k in after(code, "error(q, \"", '"') {
            assert!(fr.contains(&k), "{k} missing from fr.ftl");
        }
    }
}
