//! Vacant homes for the seasonal workers of a mountain intercommunality.
//!
//! Since the loi Montagne of 2016 (CCH L301-4-1) every commune touristique
//! signs with the State a convention on housing its seasonal workers; a
//! housing board run by the intercommunality is one of its means.
//! Landlords (private owners, communes, social landlords, employers
//! housing their staff) ask for a landlord account ([`landlords`]), which
//! staff approve, then post homes ([`posting`], [`photos`]): draft →
//! submitted → published after moderation, decency checked
//! ([`moderation`]) → let or expired at the end of their period
//! ([`lifecycle`]). People looking for a home search ([`search`]), read a
//! listing ([`home_page`]), save searches mailed daily ([`alerts`]) and
//! write to the landlord through the site, which relays every message
//! without showing either side's address until the landlord accepts
//! ([`contact`]). Workers and employers post requests that landlords see
//! when they fit their homes ([`requests`]). Staff and élus get the
//! figures of the convention's diagnosis ([`figures`]).

use estive_sdk::prelude::*;

pub mod access;
pub mod alerts;
pub mod contact;
pub mod display;
pub mod figures;
pub mod home_page;
pub mod landlords;
pub mod lifecycle;
pub mod model;
pub mod moderation;
pub mod photos;
pub mod posting;
pub mod privacy;
pub mod requests;
pub mod search;
pub mod store;

// `routes::LIST`, `tables::HOMES`…: the names of plugin.toml, checked when
// this compiles (build.rs).
estive_sdk::manifest_names!();

struct Housing;

impl Plugin for Housing {
    fn handle(req: Request) -> Result<Response, Error> {
        match req.route() {
            routes::LIST => search::list(&req),
            routes::HOME => home_page::show(&req),
            routes::PHOTO => photos::serve(&req),
            routes::CONTACT => contact::start(&req),
            routes::CONVERSATIONS => contact::list(&req),
            routes::CONVERSATION => contact::show(&req),
            routes::REQUESTS => requests::page(&req),
            routes::REQUEST_EDIT => requests::edit(&req),
            routes::ALERTS => alerts::page(&req),
            routes::ALERT_DELETE => alerts::delete(&req),
            routes::LANDLORD_REQUEST => landlords::request(&req),
            routes::LANDLORD_HOME => landlords::home(&req),
            routes::LANDLORD_PROFILE => landlords::profile(&req),
            routes::HOME_NEW => posting::new(&req),
            routes::HOME_EDIT => posting::edit(&req),
            routes::HOME_STATE => posting::state(&req),
            routes::HOME_PHOTOS => photos::manage(&req),
            routes::MATCHING => requests::matching(&req),
            routes::REVIEW => moderation::queue(&req),
            routes::REVIEW_HOME => moderation::review(&req),
            routes::LANDLORDS => landlords::list(&req),
            routes::LANDLORD => landlords::decide(&req),
            routes::FIGURES => figures::page(&req),
            routes::FIGURES_CSV => figures::csv(&req),
            _ => Err(Error::not_found(messages::NOT_FOUND)),
        }
    }

    fn on_schedule(ctx: &Context, task: &str) -> Result<(), String> {
        let done = match task {
            // The purge runs even when the expiry pass failed: the
            // retention promised to people does not wait for it.
            schedules::HOUSEKEEPING => {
                let expired = lifecycle::housekeeping(ctx);
                lifecycle::purge(ctx).and(expired)
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

register_plugin!(Housing);
