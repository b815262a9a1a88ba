//! Placeholder: the polls plugin is being written.
use estive_sdk::prelude::*;

struct Polls;

impl Plugin for Polls {
    fn handle(_req: Request) -> Result<Response, Error> {
        Err(Error::not_found("not yet"))
    }
}

register_plugin!(Polls);
