//! The Agenda 21 of an intercommunality: axes, actions and indicators with
//! baselines, targets and measured series; progress rolled up from the
//! indicators to the whole programme; a public dashboard with charts,
//! commune comparisons and citizens' opinions; CSV import, open data, and
//! measurements fed by other plugins' events.
//!
//! The routing table is below; each noun has its module.

use estive_sdk::prelude::*;

mod actions;
mod axes;
mod communes;
mod discussions;
mod feeds;
mod forms;
mod history;
mod import;
mod indicators;
mod measurements;
mod model;
mod numbers;
mod opendata;
mod opinions;
mod portal;
mod privacy;
mod programme;
mod progress;
mod seed;
mod widgets;

struct Agenda21;

impl Plugin for Agenda21 {
    fn handle(req: Request) -> Result<Response, Error> {
        seed::ensure()?;
        match req.route() {
            // Portal
            "home" => portal::home(&req),
            "axis" => portal::axis(&req),
            "action" => portal::action(&req),
            "opinion" => opinions::give(&req),
            "indicators" => portal::indicators(&req),
            "indicator" => portal::indicator(&req),
            "open-data" => opendata::page(&req),
            "download" => opendata::download(&req, true),
            // Extranet
            "manage" => axes::manage(&req),
            "axis-new" => axes::edit(&req, None),
            "axis-edit" => axes::edit(&req, Some(req.param_id("id")?)),
            "axis-delete" => axes::delete(&req),
            "action-new" => actions::edit(&req, None),
            "action-show" => actions::show(&req),
            "action-edit" => actions::edit(&req, Some(req.param_id("id")?)),
            "action-delete" => actions::delete(&req),
            "milestone-new" => actions::milestone_new(&req),
            "milestone-edit" => actions::milestone_edit(&req),
            "milestone-delete" => actions::milestone_delete(&req),
            "indicator-list" => indicators::list(&req),
            "indicator-new" => indicators::edit(&req, None),
            "indicator-show" => indicators::show(&req),
            "indicator-edit" => indicators::edit(&req, Some(req.param_id("id")?)),
            "indicator-delete" => indicators::delete(&req),
            "measurement-new" => measurements::new(&req),
            "measurement-edit" => measurements::edit(&req),
            "measurement-delete" => measurements::delete(&req),
            "import" => import::page(&req),
            "import-template" => import::template(&req),
            "events" => feeds::page(&req),
            "mapping-new" => feeds::mapping_new(&req),
            "mapping-delete" => feeds::mapping_delete(&req),
            "event-replay" => feeds::replay(&req),
            "opinions" => opinions::moderation(&req),
            "opinion-moderate" => opinions::moderate(&req),
            "staff-download" => opendata::download(&req, false),
            _ => Err(Error::not_found(messages::NOT_FOUND)),
        }
    }

    fn on_event(_ctx: &Context, event: Event) -> Result<(), String> {
        match event.topic.as_str() {
            discussions::REPLIED | discussions::REPLY_HIDDEN => {
                let payload = serde_json::from_str(&event.payload).unwrap_or_default();
                let id = i64::try_from(event.id).unwrap_or(i64::MAX);
                discussions::receive(&event.topic, &payload, id).map_err(String::from)
            }
            _ => feeds::receive(&event).map_err(String::from),
        }
    }

    fn widget(ctx: &Context, name: &str) -> Result<Option<View>, Error> {
        seed::ensure()?;
        widgets::render(ctx, name)
    }

    fn export_user_data(_ctx: &Context, user_id: &str) -> Result<serde_json::Value, String> {
        privacy::export(user_id).map_err(String::from)
    }

    fn erase_user_data(_ctx: &Context, user_id: &str) -> Result<(), String> {
        privacy::erase(user_id).map_err(String::from)
    }
}

register_plugin!(Agenda21);
