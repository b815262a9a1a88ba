//! Calendar feeds (RFC 5545): one per public resource, showing what its
//! calendar shows to everyone, and one per person behind a secret link,
//! with their own bookings in full.

use estive_kit::ical::{Calendar, Event, Status, Time};
use estive_sdk::Area;
use estive_sdk::dates::DateTime;
use estive_sdk::prelude::*;

use crate::hours;
use crate::model::{APPROVED, Booking, CANCELLED, FeedToken, PENDING, Place, Resource};
use crate::store::{self, Settings, now_local};
use crate::web::{self, tr};

/// Feeds hold bookings this many days ahead at most.
const DAYS_AHEAD: i64 = 400;

fn host_of(base_url: &str) -> &str {
    estive_kit::ical::uid_host(base_url)
}

fn time(req: &Request, at: DateTime) -> Time {
    Time::site(&req.site().timezone, at)
}

fn status(booking: &Booking) -> (Status, u32) {
    match booking.status.as_str() {
        PENDING => (Status::Tentative, 0),
        APPROVED => (Status::Confirmed, 1),
        CANCELLED => (Status::Cancelled, 2),
        _ => (Status::Cancelled, 1),
    }
}

fn event(req: &Request, booking: &Booking, summary: String, url: Option<String>) -> Event {
    let (status, sequence) = status(booking);
    let stamp = clock::now().utc_datetime();
    let mut event = Event::new(
        format!("booking-{}@{}", booking.id(), host_of(&req.site().base_url)),
        stamp,
        time(req, booking.starts_at),
    )
    .end(time(req, booking.ends_at))
    .summary(summary)
    .status(status)
    .sequence(sequence);
    if let Some(url) = url {
        event = event.url(url);
    }
    event
}

fn location(resource: &Resource, places: &[Place]) -> String {
    let place = places
        .iter()
        .find(|p| p.id.is_some() && p.id == resource.place_id);
    match place {
        Some(p) => match &p.address {
            Some(address) => format!("{}, {} ({address})", resource.name, p.name),
            None => format!("{}, {}", resource.name, p.name),
        },
        None => resource.name.clone(),
    }
}

/// The feed of a public resource: its active bookings, with the purpose
/// only where the booker allowed it.
///
/// # Errors
///
/// Not found for an unknown, withdrawn or non-public resource.
pub fn resource(req: &Request) -> Result<Response, Error> {
    let resource = store::resource(req.param_id("id")?)?;
    if !resource.public || !resource.active {
        return Err(Error::not_found(messages::NOT_FOUND));
    }
    let settings = Settings::load()?;
    let today = now_local().date();
    let from = hours::at(today.add_days(-settings.feed_past_days.max(0)), 0);
    let to = hours::at(today.add_days(DAYS_AHEAD), 0);
    let bookings = store::active_between(&[resource.id()], from, to)?;
    let where_ = location(&resource, &store::places()?);
    let page = req
        .context()
        .url_in("portal", &format!("/ressources/{}", resource.id()))
        .map(|p| req.absolute(&p));
    let mut calendar = Calendar::new("-//Estive//booking//FR")
        .name(format!("{} – {}", resource.name, req.site().name))
        .refresh_every_minutes(60);
    for b in &bookings {
        let mut summary = web::label(b, Area::Portal, None);
        if !resource.is_room() {
            summary = format!("{summary} ({})", b.quantity);
        }
        calendar.push(event(req, b, summary, page.clone()).location(where_.clone()));
    }
    Ok(calendar
        .into_download(format!("reservations-{}.ics", resource.id()))
        .into())
}

/// A person's private feed: their bookings (cancelled and refused ones
/// too, so that calendar applications drop them), found by the secret in
/// the address.
///
/// # Errors
///
/// Not found for an unknown secret.
pub fn person(req: &Request) -> Result<Response, Error> {
    let token = req.param("token").unwrap_or_default();
    if token.len() != 32 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Error::not_found(messages::NOT_FOUND));
    }
    let owner: FeedToken = db::select("feed_tokens").filter(eq("token", token)).one()?;
    let settings = Settings::load()?;
    let from = hours::at(
        now_local().date().add_days(-settings.feed_past_days.max(0)),
        0,
    );
    let bookings: Vec<Booking> = db::select("bookings")
        .filter(eq("user_id", owner.user_id.as_str()))
        .filter(gt("ends_at", from.to_string()))
        .order_asc("starts_at")
        .limit(2000)
        .fetch()?;
    let resources = store::resources(false)?;
    let places = store::places()?;
    let mut calendar = Calendar::new("-//Estive//booking//FR")
        .name(tr("feed-mine-name", &[("site", req.site().name.clone())]))
        .refresh_every_minutes(60);
    for b in &bookings {
        let Some(resource) = resources.iter().find(|r| r.id() == b.resource_id) else {
            continue;
        };
        let url = req
            .context()
            .url_in("portal", &format!("/mes-reservations/{}", b.id()))
            .map(|p| req.absolute(&p));
        let mut summary = format!("{} – {}", resource.name, b.purpose);
        if !resource.is_room() {
            summary = format!("{summary} ({})", b.quantity);
        }
        let mut description = tr(&format!("status-{}", b.status), &[]);
        if let Some(reason) = &b.reason {
            description = format!("{description}\n{reason}");
        }
        calendar.push(
            event(req, b, summary, url)
                .location(location(resource, &places))
                .description(description),
        );
    }
    Ok(calendar.into_download("mes-reservations.ics").into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_to_ical_with_rising_sequences() {
        let b = |status: &str| Booking {
            status: status.into(),
            ..Booking::default()
        };
        assert_eq!(status(&b(PENDING)), (Status::Tentative, 0));
        assert_eq!(status(&b(APPROVED)), (Status::Confirmed, 1));
        assert_eq!(status(&b(CANCELLED)), (Status::Cancelled, 2));
        assert_eq!(status(&b("refused")).0, Status::Cancelled);
    }
}
