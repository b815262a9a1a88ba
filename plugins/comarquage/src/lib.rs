//! Co-branding of service-public.fr procedure sheets.

pub mod feed;
pub mod source;

use estive_sdk::prelude::*;

struct Comarquage;

impl Plugin for Comarquage {
    fn handle(_req: Request) -> Result<Response, Error> {
        Err(Error::not_found(messages::NOT_FOUND))
    }
}

register_plugin!(Comarquage);
