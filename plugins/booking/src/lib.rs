//! Booking of municipal rooms and equipment (being written).
use estive_sdk::prelude::*;

pub mod availability;
pub mod calendar;
pub mod fmt;
pub mod hours;
pub mod model;
pub mod recurrence;
pub mod rules;

struct Booking;

impl Plugin for Booking {
    fn handle(_req: Request) -> Result<Response, Error> {
        Err(Error::not_found(messages::NOT_FOUND))
    }
}

register_plugin!(Booking);
