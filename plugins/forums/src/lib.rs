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
//! replies through the `forums.replied` event.

use estive_sdk::prelude::*;

mod access;
mod categories;
pub mod markdown;
mod members;
mod model;
mod moderation;
mod notify;
mod pages;
mod posting;
mod privacy;
mod widgets;

struct Forums;

impl Plugin for Forums {
    fn handle(req: Request) -> Result<Response, Error> {
        match req.route() {
            // Both areas: the handlers check the category's area and group.
            "home" => pages::home(&req),
            "groups" => pages::groups(&req),
            "search" | "x-search" => pages::search(&req),
            "category" | "x-category" => pages::category(&req),
            "new-topic" | "x-new-topic" => posting::new_topic(&req),
            "follow-category" | "x-follow-category" => notify::follow_category(&req),
            "topic" | "x-topic" => pages::topic(&req),
            "reply" | "x-reply" => posting::reply(&req),
            "follow-topic" | "x-follow-topic" => notify::follow_topic(&req),
            "report" | "x-report" => moderation::report(&req),
            "subject" => pages::subject(&req),
            "subject-reply" => posting::subject_reply(&req),
            "notices" | "x-notices" => notify::page(&req),
            "notices-read" | "x-notices-read" => notify::mark_read(&req),
            "preferences" | "x-preferences" => notify::preferences(&req),
            // Extranet only.
            "conclude" => moderation::conclude(&req),
            "moderation" => moderation::queue(&req),
            "moderate-post" => moderation::moderate_post(&req),
            "moderate-topic" => moderation::moderate_topic(&req),
            "moderate-member" => moderation::moderate_member(&req),
            "categories" => categories::list(&req),
            "category-new" => categories::new(&req),
            "category-edit" => categories::edit(&req),
            _ => Err(Error::not_found(messages::NOT_FOUND)),
        }
    }

    fn on_schedule(_ctx: &Context, task: &str) -> Result<(), String> {
        match task {
            "digests" => {
                let written = notify::run_digests()?;
                if written > 0 {
                    log::info!("{written} digest(s) composed");
                }
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

    fn erase_user_data(_ctx: &Context, user_id: &str) -> Result<(), String> {
        Ok(privacy::erase(user_id)?)
    }
}

register_plugin!(Forums);
