//! The pages that show resources and bookings: the portal's list, the
//! calendars of a resource and of a place, the extranet's dashboard, the
//! requests to approve and the keys to hand over.

use std::collections::BTreeMap;

use estive_sdk::Area;
use estive_sdk::dates::{Date, DateTime};
use estive_sdk::prelude::*;

use crate::calendar::{self, Grid, Item};
use crate::fmt;
use crate::hours;
use crate::model::{ACTIVE, APPROVED, APPROVERS, Booking, PENDING, Place, Resource};
use crate::rules;
use crate::store::{self, Settings, now_local};
use crate::web::{self, APPROVE, MANAGE, tr};

/// Resources a visitor may see in an area.
fn visible(req: &Request, area: Area) -> Result<Vec<Resource>, Error> {
    Ok(store::resources(true)?
        .into_iter()
        .filter(|r| area != Area::Portal || web::visible_on_portal(req.user(), r))
        .collect())
}

/// Resources grouped by place (places by name, resources without a place
/// last), for lists.
fn by_place(resources: &[Resource], places: &[Place]) -> Vec<serde_json::Value> {
    let mut groups: Vec<serde_json::Value> = places
        .iter()
        .filter_map(|p| {
            let of_place: Vec<&Resource> =
                resources.iter().filter(|r| r.place_id == p.id).collect();
            (!of_place.is_empty())
                .then(|| json!({ "place": p, "resources": crate::model::views(of_place) }))
        })
        .collect();
    let known: Vec<Option<i64>> = places.iter().map(|p| p.id).collect();
    let homeless: Vec<&Resource> = resources
        .iter()
        .filter(|r| !known.contains(&r.place_id))
        .collect();
    if !homeless.is_empty() {
        groups.push(json!({ "place": null, "resources": crate::model::views(homeless) }));
    }
    groups
}

/// The portal's list of rooms and equipment.
///
/// # Errors
///
/// When storage fails.
pub fn home(req: &Request) -> Result<Response, Error> {
    let resources = visible(req, Area::Portal)?;
    let places = store::places()?;
    let bookable: Vec<i64> = resources
        .iter()
        .filter(|r| web::may_book(req.user(), r))
        .map(Resource::id)
        .collect();
    Ok(view("home.html")
        .title(tr("home-title", &[]))
        .with(json!({
            "groups": by_place(&resources, &places),
            "bookable": bookable,
            "can_book": req.has_permission(web::BOOK),
        }))
        .into())
}

/// `vue=semaine|mois` and `date=YYYY-MM-DD` of a calendar page.
fn period(req: &Request, default_week: bool) -> (bool, Date) {
    let week = match req.query("vue") {
        Some("semaine") => true,
        Some("mois") => false,
        _ => default_week,
    };
    let date = req
        .query("date")
        .and_then(Date::parse)
        .unwrap_or_else(|| now_local().date());
    (week, date)
}

/// The first and last moments a grid shows.
fn span(week: bool, date: Date) -> (DateTime, DateTime) {
    if week {
        let monday = date.monday();
        (hours::at(monday, 0), hours::at(monday.add_days(7), 0))
    } else {
        let first = date.first_of_month().monday();
        let last = date.last_of_month().add_days(8);
        (hours::at(first, 0), hours::at(last, 0))
    }
}

/// A calendar grid as template data.
fn grid_data(week: bool, date: Date, items: &[Item], grid: &Grid) -> serde_json::Value {
    if week {
        json!({ "week": calendar::week(date, items, grid) })
    } else {
        json!({ "month": calendar::month(date, items, grid) })
    }
}

/// A resource's page: what it is, its rules and its calendar.
///
/// # Errors
///
/// Not found for an unknown resource, or one the portal does not show.
pub fn resource(req: &Request, area: Area) -> Result<Response, Error> {
    let resource = store::resource(req.param_id("id")?)?;
    if area == Area::Portal && !web::visible_on_portal(req.user(), &resource) {
        return Err(Error::not_found(messages::NOT_FOUND));
    }
    let settings = Settings::load()?;
    let closed = settings.closed();
    let manager = req.has_permission(MANAGE);
    let limits = settings.limits(&closed, manager);
    let locale = req.locale().to_owned();
    let (week, date) = period(req, resource.is_room());
    let (from, to) = span(week, date);
    let bookings = store::active_between(&[resource.id()], from, to)?;
    let viewer = req.user();
    let items: Vec<Item> = bookings
        .iter()
        .map(|b| Item {
            booking: b,
            label: web::label(b, area, viewer),
            url: web::booking_url(req, area, b),
        })
        .collect();
    let may_book = web::may_book(viewer, &resource);
    let book_base = req.url(&format!("/ressources/{}/reserver", resource.id()));
    let book_url = |at: DateTime| format!("{book_base}?start={at}");
    let closure = |day: Date| rules::closure(Some(&resource), day, &limits, &locale);
    let grid = Grid {
        today: limits.now.date(),
        now: limits.now,
        locale: &locale,
        hours: resource.opening_hours.as_ref(),
        closure: &closure,
        book: may_book.then_some(&book_url as &dyn Fn(DateTime) -> String),
        stock: (!resource.is_room()).then_some(resource.stock),
    };
    let place = match resource.place_id {
        Some(id) => store::place(id).ok(),
        None => None,
    };
    let hours: Vec<serde_json::Value> = resource
        .opening_hours
        .as_ref()
        .map(|h| {
            (1..=7)
                .map(|d| json!({ "weekday": d, "text": h.text(d) }))
                .collect()
        })
        .unwrap_or_default();
    let feed_url = (resource.public)
        .then(|| {
            req.context().url_in(
                "portal",
                &format!("/ressources/{}/agenda.ics", resource.id()),
            )
        })
        .flatten()
        .map(|path| req.absolute(&path));
    let here = req.url(&format!("/ressources/{}", resource.id()));
    let mut page = view("resource.html").title(&resource.name);
    if let Some(p) = &place {
        page = page.crumb(&p.name, req.url(&format!("/lieux/{}", p.id.unwrap_or(0))));
    }
    Ok(page
        .with(grid_data(week, date, &items, &grid))
        .with(json!({
            "caption": resource.name,
            "resource": resource.view(),
            "place": place,
            "hours": hours,
            "may_book": may_book,
            "book_url": book_base,
            "feed_url": feed_url,
            "here": here,
            "view": if week { "semaine" } else { "mois" },
            "date": date.to_string(),
            "today": limits.now.date().to_string(),
            "is_manager": manager,
        }))
        .into())
}

/// A place's page: its resources and one calendar of all their bookings.
///
/// # Errors
///
/// Not found for an unknown place.
pub fn place(req: &Request, area: Area) -> Result<Response, Error> {
    let place = store::place(req.param_id("id")?)?;
    let resources: Vec<Resource> = visible(req, area)?
        .into_iter()
        .filter(|r| r.place_id == place.id)
        .collect();
    let settings = Settings::load()?;
    let closed = settings.closed();
    let limits = settings.limits(&closed, false);
    let locale = req.locale().to_owned();
    let (week, date) = period(req, true);
    let (from, to) = span(week, date);
    let ids: Vec<i64> = resources.iter().map(Resource::id).collect();
    let bookings = store::active_between(&ids, from, to)?;
    let names: BTreeMap<i64, &str> = resources
        .iter()
        .map(|r| (r.id(), r.name.as_str()))
        .collect();
    let items: Vec<Item> = bookings
        .iter()
        .map(|b| Item {
            booking: b,
            label: tr(
                "labelled",
                &[
                    (
                        "label",
                        names
                            .get(&b.resource_id)
                            .copied()
                            .unwrap_or_default()
                            .to_owned(),
                    ),
                    ("value", web::label(b, area, req.user())),
                ],
            ),
            url: web::booking_url(req, area, b),
        })
        .collect();
    let closure = |day: Date| rules::closure(None, day, &limits, &locale);
    let grid = Grid {
        today: limits.now.date(),
        now: limits.now,
        locale: &locale,
        hours: None,
        closure: &closure,
        book: None,
        stock: None,
    };
    let here = req.url(&format!("/lieux/{}", place.id.unwrap_or(0)));
    Ok(view("place.html")
        .title(&place.name)
        .with(grid_data(week, date, &items, &grid))
        .with(json!({
            "caption": place.name,
            "place": place,
            "resources": crate::model::views(&resources),
            "here": here,
            "view": if week { "semaine" } else { "mois" },
            "date": date.to_string(),
            "today": limits.now.date().to_string(),
        }))
        .into())
}

/// Rows of a table of bookings: the slot written out, the resource's
/// name, what the viewer may see and a link.
pub fn rows(
    req: &Request,
    area: Area,
    bookings: &[Booking],
    resources: &[Resource],
) -> Vec<serde_json::Value> {
    let locale = req.locale();
    let now = now_local();
    bookings
        .iter()
        .map(|b| {
            let resource = resources.iter().find(|r| r.id() == b.resource_id);
            json!({
                "id": b.id(),
                "slot": fmt::slot(b.starts_at, b.ends_at, locale),
                "times": fmt::times_on(b.starts_at, b.ends_at, now.date()),
                "resource": resource.map(|r| r.name.as_str()),
                "resource_id": b.resource_id,
                "is_room": resource.is_none_or(Resource::is_room),
                "label": web::label(b, area, req.user()),
                "purpose": b.purpose,
                "who": b.organisation.clone().unwrap_or_else(|| b.user_name.clone()),
                "quantity": b.quantity,
                "status": b.status,
                "series": b.series_id.is_some(),
                "url": web::booking_url(req, area, b),
                "overdue": b.handed_over_at.is_some() && b.returned_at.is_none() && b.ends_at < now,
            })
        })
        .collect()
}

/// Today's active bookings of some resources.
pub fn today(ids: &[i64]) -> Result<Vec<Booking>, Error> {
    let today = now_local().date();
    store::active_between(ids, hours::at(today, 0), hours::at(today.add_days(1), 0))
}

/// Unread notices for the viewer (and, for approvers, unresolved requests).
pub fn unread_notices(user: &User) -> Result<u64, Error> {
    let mine = db::count("notices")
        .filter(eq("recipient", user.id.as_str()))
        .filter(eq("read", false))
        .get()?;
    let approvers = if user.has_permission(APPROVE) {
        db::count("notices")
            .filter(eq("recipient", APPROVERS))
            .filter(eq("resolved", false))
            .get()?
    } else {
        0
    };
    Ok(mine + approvers)
}

/// The extranet's home: today, what waits, and every resource.
///
/// # Errors
///
/// When storage fails.
pub fn dashboard(req: &Request) -> Result<Response, Error> {
    let user = req.require_user()?;
    let resources = store::resources(false)?;
    let active: Vec<Resource> = resources.iter().filter(|r| r.active).cloned().collect();
    let ids: Vec<i64> = resources.iter().map(Resource::id).collect();
    let today = today(&ids)?;
    let pending = if user.has_permission(APPROVE) {
        Some(db::count("bookings").filter(eq("status", PENDING)).get()?)
    } else {
        None
    };
    let due = if user.has_permission(MANAGE) {
        Some(handover_lists()?.0.len())
    } else {
        None
    };
    Ok(view("dashboard.html")
        .title(tr("dashboard-title", &[]))
        .with(json!({
            "today": rows(req, Area::Extranet, &today, &resources),
            "today_label": fmt::long_date(now_local().date(), req.locale()),
            "pending": pending,
            "due": due,
            "unread": unread_notices(user)?,
            "groups": by_place(&active, &store::places()?),
            "is_manager": user.has_permission(MANAGE),
            "is_approver": user.has_permission(APPROVE),
            "mine_url": req.context().url_in("portal", "/mes-reservations"),
        }))
        .into())
}

/// Requests waiting for a decision, earliest first.
///
/// # Errors
///
/// When storage fails.
pub fn approvals(req: &Request) -> Result<Response, Error> {
    let pending: Vec<Booking> = db::select("bookings")
        .filter(eq("status", PENDING))
        .order_asc("starts_at")
        .limit(500)
        .fetch()?;
    let resources = store::resources(false)?;
    Ok(view("approvals.html")
        .title(tr("approvals-title", &[]))
        .with(json!({ "rows": rows(req, Area::Extranet, &pending, &resources) }))
        .into())
}

/// Approved bookings whose keys or equipment are to hand over (starting
/// within a week, not handed over yet) and those out (handed over, not
/// back).
fn handover_lists() -> Result<(Vec<Booking>, Vec<Booking>), Error> {
    let now = now_local();
    let week_ahead = hours::at(now.date().add_days(8), 0);
    let to_hand: Vec<Booking> = db::select("bookings")
        .filter(eq("status", APPROVED))
        .filter(is_null("handed_over_at"))
        .filter(lt("starts_at", week_ahead.to_string()))
        .filter(gt("ends_at", now.to_string()))
        .order_asc("starts_at")
        .limit(500)
        .fetch()?;
    let out: Vec<Booking> = db::select("bookings")
        .filter(one_of("status", ACTIVE))
        .filter(not_null("handed_over_at"))
        .filter(is_null("returned_at"))
        .order_asc("ends_at")
        .limit(500)
        .fetch()?;
    Ok((to_hand, out))
}

/// Keys and equipment to hand over and to take back.
///
/// # Errors
///
/// When storage fails.
pub fn handovers(req: &Request) -> Result<Response, Error> {
    let (to_hand, out) = handover_lists()?;
    let resources = store::resources(false)?;
    Ok(view("handovers.html")
        .title(tr("handovers-title", &[]))
        .with(json!({
            "to_hand": rows(req, Area::Extranet, &to_hand, &resources),
            "out": rows(req, Area::Extranet, &out, &resources),
        }))
        .into())
}
