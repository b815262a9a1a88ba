//! `forums`: public debates and working-group forums.

use estive_sdk::prelude::*;

struct Forums;

impl Plugin for Forums {
    fn handle(req: Request) -> Result<Response, Error> {
        let mut out = String::new();
        pulldown_cmark::html::push_html(&mut out, pulldown_cmark::Parser::new(req.route()));
        Err(Error::not_found(out))
    }
}

register_plugin!(Forums);
