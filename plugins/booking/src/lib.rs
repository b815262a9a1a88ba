//! Booking of municipal rooms and equipment.
//!
//! Managers (`booking.manage`) set up places, rooms (capacity, opening
//! hours) and equipment (a stock), each with who may book it, whether a
//! request needs approval, how far ahead and how long one may book, and a
//! quota per person. People who may book (`booking.book`) pick a slot on a
//! week or month calendar, or a recurrence whose dates are listed with
//! their clashes before saving; approvers (`booking.approve`) approve or
//! refuse with a reason; managers record the hand-over and return of keys
//! and equipment.
//!
//! No slot is ever booked twice: each booking is written by a storage
//! transaction that first expects the slot to be free (see
//! [`availability`]); the host serialises such transactions per site and
//! table, on SQLite and PostgreSQL alike.
//!
//! Every resource that is public has an iCal feed; every person has a
//! private one behind a secret link. A request to approve, a decision and
//! a cancellation are kept as notices in the `notices` table (shown on the
//! extranet and on "my bookings") and also sent by e-mail to the accounts
//! concerned, after the action commits (see [`mails`]): a failed e-mail is
//! logged and never undoes the action. Only accounts are mailed: the
//! free-text contact address of a booking never is.

use estive_sdk::Area;
use estive_sdk::prelude::*;

pub mod availability;
pub mod book;
pub mod calendar;
pub mod detail;
pub mod feeds;
pub mod fmt;
pub mod hours;
pub mod mails;
pub mod manage;
pub mod mine;
pub mod model;
pub mod pages;
pub mod recurrence;
pub mod rules;
pub mod store;
pub mod web;
pub mod widgets;

use model::{ACTIVE, Booking, CANCELLED, FeedToken, Notice, Series};

struct BookingPlugin;

impl Plugin for BookingPlugin {
    fn handle(req: Request) -> Result<Response, Error> {
        let area = req.area();
        if area == Area::Extranet
            && let Some(user) = req.user()
        {
            // The list only decides who is mailed: a failure here must
            // not fail the page.
            if let Err(e) = mails::remember_approver(user) {
                log::warn(&format!("booking: approvers list not updated: {e:?}"));
            }
        }
        match req.route() {
            "home" => pages::home(&req),
            "resource" | "x-resource" => pages::resource(&req, area),
            "place" | "x-place" => pages::place(&req, area),
            "book" | "x-book" => book::handle(&req, area),
            "resource-feed" => feeds::resource(&req),
            "person-feed" => feeds::person(&req),
            "mine" => mine::mine(&req),
            "my-booking" | "x-booking" => detail::show(&req, area),
            "my-cancel" | "x-cancel" => detail::cancel(&req, area),
            "feed-link" => mine::feed_link(&req),
            "notices-read" | "x-notices-read" => mine::mark_read(&req, area),
            "dashboard" => pages::dashboard(&req),
            "decide" => detail::decide(&req),
            "handover" => detail::handover(&req),
            "approvals" => pages::approvals(&req),
            "handovers" => pages::handovers(&req),
            "notices" => mine::notices(&req),
            "manage" => manage::list(&req),
            "resource-new" | "resource-edit" => manage::resource(&req),
            "place-new" | "place-edit" => manage::place(&req),
            _ => Err(Error::not_found(messages::NOT_FOUND)),
        }
    }

    fn widget(ctx: &Context, name: &str) -> Result<Option<View>, Error> {
        match name {
            "pending-approvals" => widgets::pending(ctx),
            "today-rooms" => widgets::today(ctx, Area::Extranet),
            "today" => widgets::today(ctx, Area::Portal),
            _ => Ok(None),
        }
    }

    fn export_user_data(_ctx: &Context, user_id: &str) -> Result<serde_json::Value, String> {
        let bookings: Vec<Booking> = db::select("bookings")
            .filter(eq("user_id", user_id))
            .order_asc("starts_at")
            .fetch()?;
        let series: Vec<Series> = db::select("series")
            .filter(eq("user_id", user_id))
            .fetch()?;
        let notices: Vec<Notice> = db::select("notices")
            .filter(eq("recipient", user_id))
            .fetch()?;
        let feed: Option<FeedToken> = db::select("feed_tokens")
            .filter(eq("user_id", user_id))
            .first()?;
        let approver = db::count("approvers")
            .filter(eq("user_id", user_id))
            .get()?
            > 0;
        Ok(json!({
            "bookings": bookings,
            "mailed_new_requests": approver,
            "series": series,
            "notices": notices,
            "private_feed_created_at": feed.map(|f| f.created_at),
        }))
    }

    /// Future bookings are cancelled (the rooms become free); past ones
    /// stay in the history of the rooms without the person's name or
    /// contact; notices and the private feed go.
    fn erase_user_data(_ctx: &Context, user_id: &str) -> Result<(), String> {
        let now = store::now_local().to_string();
        let mut tx = db::transaction();
        tx.update(
            db::update("bookings")
                .filter(eq("user_id", user_id))
                .filter(one_of("status", ACTIVE))
                .filter(gt("starts_at", now.as_str()))
                .set("status", CANCELLED)
                .set("reason", "account-deleted"),
        );
        tx.update(
            db::update("bookings")
                .filter(eq("user_id", user_id))
                .set("user_id", "erased")
                .set("user_name", "—")
                .set("contact_name", None::<String>)
                .set("contact_phone", None::<String>)
                .set("contact_email", None::<String>),
        );
        tx.update(
            db::update("series")
                .filter(eq("user_id", user_id))
                .set("user_id", "erased"),
        );
        tx.delete(db::delete("notices").filter(eq("recipient", user_id)));
        tx.delete(db::delete("feed_tokens").filter(eq("user_id", user_id)));
        tx.delete(db::delete("approvers").filter(eq("user_id", user_id)));
        tx.commit()?;
        Ok(())
    }
}

register_plugin!(BookingPlugin);
