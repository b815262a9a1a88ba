//! `forums`: public debates on the portal and working-group forums in the
//! extranet.
//!
//! Categories are public (portal) or private to a working group
//! (extranet, members only, checked in every handler from the groups the
//! host gives). Topics and replies are Markdown, rendered safely inside the
//! plugin ([`markdown`]), with quotes, `@mentions` and, on public debates,
//! a for / against / neutral position; an élu may close a debate with a
//! conclusion. Moderation: reports with automatic hiding, pre-moderation of
//! new citizens' first posts, a queue, hide / lock / pin / move, all in the
//! audit log. People follow categories and topics and get notices at once
//! or in daily or weekly digests. Other plugins attach a discussion to
//! their content by a subject key (`/sujet/polls:42`) and learn of its
//! replies through the `forums.replied` and `forums.reply-hidden` events
//! (see the `attached` module).

use estive_sdk::prelude::*;

mod access;
mod attached;
mod categories;
pub use estive_kit::markdown;
mod members;
mod model;
mod moderation;
mod notify;
mod pages;
mod posting;
mod privacy;
mod widgets;

struct Forums;

/// The page of a route.
fn route(req: &Request) -> Result<Response, Error> {
    match req.route() {
        // Both areas: the handlers check the category's area and group.
        "home" => pages::home(req),
        "groups" => pages::groups(req),
        "search" | "x-search" => pages::search(req),
        "category" | "x-category" => pages::category(req),
        "new-topic" | "x-new-topic" => posting::new_topic(req),
        "follow-category" | "x-follow-category" => notify::follow_category(req),
        "topic" | "x-topic" => pages::topic(req),
        "reply" | "x-reply" => posting::reply(req),
        "follow-topic" | "x-follow-topic" => notify::follow_topic(req),
        "report" | "x-report" => moderation::report(req),
        "member" | "x-member" => pages::member(req),
        "subject" => pages::subject(req),
        "subject-reply" => posting::subject_reply(req),
        "notices" | "x-notices" => notify::page(req),
        "notices-read" | "x-notices-read" => notify::mark_read(req),
        "preferences" | "x-preferences" => notify::preferences(req),
        // Extranet only.
        "conclude" => moderation::conclude(req),
        "moderation" => moderation::queue(req),
        "moderate-post" => moderation::moderate_post(req),
        "moderate-topic" => moderation::moderate_topic(req),
        "moderate-member" => moderation::moderate_member(req),
        "categories" => categories::list(req),
        "category-new" => categories::new(req),
        "category-edit" => categories::edit(req),
        _ => Err(Error::not_found(messages::NOT_FOUND)),
    }
}

impl Plugin for Forums {
    fn handle(req: Request) -> Result<Response, Error> {
        let out = route(&req);
        // A post is stored before its e-mails go: a mail failure is only
        // logged, and what this call could not send waits for the `mail`
        // schedule.
        if out.is_ok() && req.is_post() && notify::MAILING_ROUTES.contains(&req.route()) {
            notify::mail_pending(req.context());
        }
        out
    }

    fn on_schedule(ctx: &Context, task: &str) -> Result<(), String> {
        match task {
            "digests" => {
                let written = notify::run_digests()?;
                if written > 0 {
                    log::info!("{written} digest(s) composed");
                }
                notify::mail_pending(ctx);
                Ok(())
            }
            "mail" => {
                notify::mail_pending(ctx);
                Ok(())
            }
            other => Err(format!("unknown scheduled task `{other}`")),
        }
    }

    fn widget(ctx: &Context, name: &str) -> Result<Option<View>, Error> {
        match name {
            "latest-debates" => widgets::latest_debates(ctx),
            "my-groups" => widgets::my_groups(ctx),
            "notices" => widgets::notices(ctx),
            _ => Ok(None),
        }
    }

    fn export_user_data(_ctx: &Context, user_id: &str) -> Result<serde_json::Value, String> {
        Ok(privacy::export(user_id)?)
    }

    fn erase_user_data(ctx: &Context, user_id: &str) -> Result<(), String> {
        Ok(privacy::erase(ctx, user_id)?)
    }
}

register_plugin!(Forums);

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

    /// Every `forums-…` key in a text that follows one of `openings` (a
    /// key that ends with `-` is a prefix a template completes).
    fn used_keys(text: &str, openings: &[&str]) -> Vec<String> {
        text.match_indices("forums-")
            .filter(|(at, _)| openings.iter().any(|o| text[..*at].ends_with(o)))
            .map(|(at, _)| {
                text[at..]
                    .chars()
                    .take_while(|c| {
                        c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-' || *c == '_'
                    })
                    .collect()
            })
            .collect()
    }

    /// The keys a template builds from a prefix, with every value they take.
    fn expand(key: &str) -> Vec<String> {
        let values: &[&str] = match key {
            "forums-alignment-" => &crate::model::ALIGNMENTS,
            "forums-reason-" => &crate::model::REPORT_REASONS,
            "forums-frequency-" => &[
                "immediate",
                "daily",
                "weekly",
                "none",
                "immediate-hint",
                "daily-hint",
                "weekly-hint",
                "none-hint",
            ],
            "forums-hidden-" => &["reports", "moderator"],
            "forums-notice-" => &["reply", "new_topic", "mention", "concluded", "approved"],
            "forums-period-" => &["daily", "weekly"],
            "forums-mail-subject-" => &[
                "reply",
                "new_topic",
                "mention",
                "concluded",
                "daily",
                "weekly",
            ],
            "forums-status-" => &["published", "pending", "hidden", "rejected"],
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

    #[test]
    fn every_message_the_templates_and_code_use_is_in_the_catalogue() {
        let fr = keys(include_str!("../locales/fr.ftl"));
        let mut used = BTreeSet::new();
        for (_, text) in files("templates", "html") {
            for k in used_keys(&text, &["t(\"", "t('"]) {
                used.extend(expand(&k));
            }
        }
        for (_, text) in files("src", "rs") {
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            // Any text literal naming a key, but not HTML written by code.
            for k in used_keys(code, &[" \"", "(\"", "[\""]) {
                used.extend(expand(&k));
            }
        }
        let missing: Vec<&String> = used.iter().filter(|k| !fr.contains(*k)).collect();
        assert!(missing.is_empty(), "missing from fr.ftl: {missing:?}");
        assert!(used.len() > 150, "the scan found only {} keys", used.len());
    }

    #[test]
    fn french_catalogue_uses_french_spacing_before_double_punctuation() {
        for line in include_str!("../locales/fr.ftl").lines() {
            let value = line.split_once(" = ").map_or(line, |(_, v)| v);
            for bad in [" :", " ;", " !", " ?", "« ", " »"] {
                assert!(!value.contains(bad), "ordinary space in `{line}`");
            }
        }
    }
}
