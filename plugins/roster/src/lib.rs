//! The weekly work schedule of an intercommunality's staff.
//!
//! Managers (`roster.manage` for everything, `roster.plan` for the teams
//! and places they are named for) keep agents and their contracts, plan
//! shifts by hand, from week templates over N-week cycles or by copying a
//! week, and publish each team's week when it is ready. Every edit is
//! checked against the working-time rules of the agent's regime (the
//! numbers live in `rules/regimes.toml`, see [`rules`]): overlapping
//! shifts, shifts outside a contract and missing skills are refused; legal
//! limits are warnings a manager may keep with a reason, which goes to the
//! audit log.
//!
//! Agents (`roster.view`) see their own schedule and their teams'
//! published weeks, ask for absences and swaps, take open shifts they are
//! qualified for, and may follow their schedule in a calendar application
//! through a secret, revocable iCal address. Élus see nothing personal.
//!
//! Shift times are local wall times (`YYYY-MM-DDTHH:MM`): a shift keeps
//! its hours across a change of clocks, and its duration is counted in
//! real minutes ([`walltime`]).

use estive_sdk::prelude::*;

pub mod absences;
pub mod access;
pub mod counters;
pub mod dashboard;
pub mod mine;
pub mod model;
pub mod notify;
pub mod reports;
pub mod rules;
pub mod setup;
pub mod shift_form;
pub mod shifts;
pub mod staff;
pub mod store;
pub mod swaps;
pub mod templates;
pub mod walltime;
pub mod weeks;

// `routes::WEEK`, `tables::SHIFTS`…: the names of plugin.toml, checked when
// this compiles (build.rs).
estive_sdk::manifest_names!();

struct Roster;

impl Plugin for Roster {
    fn handle(req: Request) -> Result<Response, Error> {
        store::set_timezone(&req.site().timezone);
        match req.route() {
            routes::WEEK | routes::WEEK_OF => weeks::week(&req),
            routes::PUBLISH => weeks::publish(&req),
            routes::COPY_WEEK => weeks::copy(&req),
            routes::MONTH => weeks::month(&req),
            routes::SHIFT_NEW => shift_form::new(&req),
            routes::SHIFT => shift_form::edit(&req),
            routes::SHIFT_DELETE => shift_form::delete(&req),
            routes::SHIFT_TAKE => shift_form::take(&req),
            routes::MINE => mine::mine(&req),
            routes::FEED_LINK => mine::feed_link(&req),
            routes::FEED => mine::feed(&req),
            routes::COUNTERS => reports::counters(&req),
            routes::EXPORT => reports::export(&req),
            routes::RULES => rules::page(&req),
            routes::AGENTS => staff::agents(&req),
            routes::AGENT_NEW => staff::agent_new(&req),
            routes::AGENT => staff::agent(&req),
            routes::AGENT_EDIT => staff::agent_edit(&req),
            routes::CONTRACT_NEW => staff::contract_new(&req),
            routes::CONTRACT_EDIT => staff::contract_edit(&req),
            routes::PLACES => setup::places(&req),
            routes::PLACE_EDIT => setup::place_edit(&req),
            routes::TEAMS => setup::teams(&req),
            routes::TEAM_EDIT => setup::team_edit(&req),
            routes::TEAM_MANAGERS => setup::team_managers(&req),
            routes::NEEDS => setup::needs(&req),
            routes::NEED_DELETE => setup::need_delete(&req),
            routes::TEMPLATES => templates::list(&req),
            routes::TEMPLATE => templates::show(&req),
            routes::TEMPLATE_LINE_DELETE => templates::line_delete(&req),
            routes::TEMPLATE_APPLY => templates::apply(&req),
            routes::ABSENCES => absences::list(&req),
            routes::ABSENCE_NEW => absences::new(&req),
            routes::ABSENCE => absences::show(&req),
            routes::ABSENCE_DECIDE => absences::decide(&req),
            routes::ABSENCE_CANCEL => absences::cancel(&req),
            routes::BALANCES => absences::balances(&req),
            routes::SWAPS => swaps::list(&req),
            routes::SWAP_NEW => swaps::new(&req),
            routes::SWAP => swaps::show(&req),
            routes::SWAP_ANSWER => swaps::answer(&req),
            routes::SWAP_DECIDE => swaps::decide(&req),
            _ => Err(Error::not_found(messages::NOT_FOUND)),
        }
    }

    fn widget(ctx: &Context, name: &str) -> Result<Option<View>, Error> {
        store::set_timezone(&ctx.site().timezone);
        match name {
            widgets::TODAY => dashboard::today(ctx),
            widgets::GAPS => dashboard::gaps(ctx),
            _ => Ok(None),
        }
    }

    fn export_user_data(_ctx: &Context, user_id: &str) -> Result<serde_json::Value, String> {
        store::export_user(user_id).map_err(|e| format!("{e:?}"))
    }

    fn erase_user_data(_ctx: &Context, user_id: &str) -> Result<(), String> {
        store::erase_user(user_id).map_err(|e| format!("{e:?}"))
    }
}

register_plugin!(Roster);
