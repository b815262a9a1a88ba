//! The seasonal job board of a mountain intercommunality.
//!
//! Employers of the valley ask for an employer account ([`employers`]),
//! which staff approve, then post offers ([`posting`]): draft → submitted
//! → published after moderation ([`moderation`]) → filled or expired
//! ([`lifecycle`]). France Travail's offers for the site's communes are
//! imported every few hours or on demand ([`import`], over the client of
//! [`francetravail`]), shown whole with their source and withdrawn when
//! they disappear. Job seekers search ([`search`]), read an offer with its
//! schema.org `JobPosting` ([`offer_page`]), follow feeds ([`feeds`]) and
//! saved searches mailed daily ([`alerts`]), and apply with a CV
//! ([`applying`]), which the site keeps only as long as its settings say.
//! Staff and élus get the season's figures ([`figures`]), published as an
//! event for the Agenda 21 indicators.

use estive_sdk::prelude::*;

pub mod access;
pub mod alerts;
pub mod applying;
pub mod display;
pub mod employers;
pub mod feeds;
pub mod figures;
pub mod francetravail;
pub mod import;
pub mod lifecycle;
pub mod model;
pub mod moderation;
pub mod offer_page;
pub mod posting;
pub mod privacy;
pub mod search;
pub mod store;

// `routes::LIST`, `tables::OFFERS`…: the names of plugin.toml, checked
// when this compiles (build.rs).
estive_sdk::manifest_names!();

struct Jobs;

impl Plugin for Jobs {
    fn handle(req: Request) -> Result<Response, Error> {
        match req.route() {
            routes::LIST => search::list(&req),
            routes::OFFER => offer_page::show(&req),
            routes::APPLY => applying::apply(&req),
            routes::FEED_RSS => feeds::rss(&req),
            routes::FEED_ATOM => feeds::atom(&req),
            routes::ALERTS => alerts::page(&req),
            routes::ALERT_DELETE => alerts::delete(&req),
            routes::MY_APPLICATIONS => applying::mine(&req),
            routes::EMPLOYER_REQUEST => employers::request(&req),
            routes::EMPLOYER_HOME => employers::home(&req),
            routes::EMPLOYER_PROFILE => employers::profile(&req),
            routes::OFFER_NEW => posting::new(&req),
            routes::OFFER_EDIT => posting::edit(&req),
            routes::OFFER_STATE => posting::state(&req),
            routes::APPLICATIONS => applying::list(&req),
            routes::APPLICATION => applying::show(&req),
            routes::APPLICATION_CV => applying::cv(&req),
            routes::REVIEW => moderation::queue(&req),
            routes::REVIEW_OFFER => moderation::review(&req),
            routes::EMPLOYERS => employers::list(&req),
            routes::EMPLOYER => employers::decide(&req),
            routes::IMPORT => import::page(&req),
            routes::FIGURES => figures::page(&req),
            routes::FIGURES_CSV => figures::csv(&req),
            _ => Err(Error::not_found(messages::NOT_FOUND)),
        }
    }

    fn on_schedule(ctx: &Context, task: &str) -> Result<(), String> {
        let done = match task {
            schedules::IMPORT => import::tick(ctx),
            // The purge of CVs runs even when the expiry pass failed: the
            // retention promised to applicants does not wait for it.
            schedules::HOUSEKEEPING => {
                let expired = lifecycle::housekeeping(ctx);
                applying::purge(ctx).and(expired)
            }
            schedules::ALERTS => alerts::send(ctx),
            schedules::FIGURES => figures::publish(ctx),
            _ => return Err(format!("unknown task {task}")),
        };
        done.map_err(|e| format!("{e:?}"))
    }

    fn widget(ctx: &Context, name: &str) -> Result<Option<View>, Error> {
        match name {
            widgets::LATEST => search::widget_latest(ctx),
            widgets::TO_REVIEW => moderation::widget_to_review(ctx),
            _ => Ok(None),
        }
    }

    fn export_user_data(_ctx: &Context, user_id: &str) -> Result<serde_json::Value, String> {
        privacy::export(user_id).map_err(|e| format!("{e:?}"))
    }

    fn erase_user_data(_ctx: &Context, user_id: &str) -> Result<(), String> {
        privacy::erase(user_id).map_err(|e| format!("{e:?}"))
    }
}

register_plugin!(Jobs);
