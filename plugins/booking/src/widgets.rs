//! Dashboard widgets: requests waiting for approval, and today in our
//! rooms (on the extranet with who booked, on the portal as the public
//! calendars show it).

use estive_sdk::Area;
use estive_sdk::prelude::*;

use crate::fmt;
use crate::model::{Booking, PENDING, Resource};
use crate::pages;
use crate::store::{self, now_local};
use crate::web::label;

/// How many requests the widget lists.
const LISTED: u32 = 5;

fn name_of(resources: &[Resource], id: i64) -> String {
    resources
        .iter()
        .find(|r| r.id() == id)
        .map(|r| r.name.clone())
        .unwrap_or_default()
}

/// The requests waiting for approval, earliest first.
///
/// # Errors
///
/// When storage fails.
pub fn pending(ctx: &Context) -> Result<Option<View>, Error> {
    let total = db::count("bookings").filter(eq("status", PENDING)).get()?;
    let first: Vec<Booking> = db::select("bookings")
        .filter(eq("status", PENDING))
        .order_asc("starts_at")
        .limit(LISTED)
        .fetch()?;
    let resources = store::resources(false)?;
    let rows: Vec<serde_json::Value> = first
        .iter()
        .map(|b| {
            json!({
                "slot": fmt::slot(b.starts_at, b.ends_at, ctx.locale()),
                "resource": name_of(&resources, b.resource_id),
                "who": b.organisation.clone().unwrap_or_else(|| b.user_name.clone()),
                "url": ctx.url(&format!("/reservations/{}", b.id())),
            })
        })
        .collect();
    Ok(Some(view("widget_pending.html").with(json!({
        "total": total,
        "rows": rows,
    }))))
}

/// Today's bookings: every resource on the extranet, the public ones on
/// the portal.
///
/// # Errors
///
/// When storage fails.
pub fn today(ctx: &Context, area: Area) -> Result<Option<View>, Error> {
    let resources: Vec<Resource> = store::resources(true)?
        .into_iter()
        .filter(|r| area != Area::Portal || r.public)
        .collect();
    let ids: Vec<i64> = resources.iter().map(Resource::id).collect();
    let bookings = pages::today(&ids)?;
    let day = now_local().date();
    let rows: Vec<serde_json::Value> = bookings
        .iter()
        .map(|b| {
            json!({
                "times": fmt::times_on(b.starts_at, b.ends_at, day),
                "resource": name_of(&resources, b.resource_id),
                "resource_url": ctx.url(&format!("/ressources/{}", b.resource_id)),
                "label": label(b, area, ctx.user()),
                "status": b.status,
            })
        })
        .collect();
    Ok(Some(view("widget_today.html").with(json!({
        "rows": rows,
        "day": fmt::long_date(day, ctx.locale()),
    }))))
}
