//! `polls`: online consultations — polls and surveys created in the
//! extranet, answered on the portal (one answer per person, with or without
//! an account), results with charts, moderation of free texts, exports, and
//! the `polls.closed` event carrying the final results.

use estive_sdk::prelude::*;

mod anonymity;
mod answers;
mod closing;
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
