//! Co-branding of service-public.fr: the DILA's "vos droits et démarches"
//! sheets inside the site, in its colours.
//!
//! - **Import** ([`import`]): the feed is read from a source the site's
//!   administrator granted — zips or XML folders in a read-only directory,
//!   or zips fetched (with `If-Modified-Since`) from
//!   lecomarquage.service-public.fr — every day at 04:30 and on demand.
//!   An import is written beside the current one and replaces it only
//!   when it is complete and valid; otherwise its report says why and the
//!   previous sheets stay online. Large feeds are read in batches across
//!   several calls, with their progress shown in the extranet.
//! - **Reading** ([`feed`]): one handler per XML element turns each
//!   publication into a JSON tree; the portal renders each element with
//!   its own template (`templates/el/<element>.html`). Unknown elements
//!   keep their text and are counted in the report.
//! - **Pages** ([`pages`]): home per audience, theme → folder → sheet with
//!   the feed's breadcrumb, situations as tabs without script, online
//!   services and forms, the DILA's source line, and a full-text search.
//! - **Localisation** ([`offices`], [`local`]): the site's offices fill
//!   "Où s'adresser" by kind (`PivotLocal`); staff write local sheets and
//!   local additions to national sheets.

use estive_sdk::prelude::*;

pub mod extranet;
pub mod feed;
pub mod import;
pub mod local;
pub mod offices;
pub mod pages;
pub mod render;
pub mod source;
pub mod store;

use import::Trigger;
use store::{Addition, Import, LocalSheet};

struct Comarquage;

impl Plugin for Comarquage {
    fn handle(req: Request) -> Result<Response, Error> {
        match req.route() {
            "home" => pages::home(&req),
            "search" => pages::search(&req),
            "audience" => pages::audience(&req),
            "publication" => pages::publication(&req),
            "x-home" => extranet::home(&req),
            "imports" => extranet::list(&req),
            "import-run" => extranet::run(&req),
            "import-show" => extranet::show(&req),
            "offices" => offices::list(&req),
            "office-new" | "office-edit" => offices::edit(&req),
            "office-delete" => offices::delete(&req),
            "locals" => local::list(&req),
            "local-new" | "local-edit" => local::edit(&req),
            "local-delete" => local::delete(&req),
            "additions" => local::additions(&req),
            "addition-edit" => local::edit_addition(&req),
            "addition-delete" => local::delete_addition(&req),
            _ => Err(Error::not_found(messages::NOT_FOUND)),
        }
    }

    fn on_schedule(_ctx: &Context, task: &str) -> Result<(), String> {
        let trigger = match task {
            "import" => Trigger::Daily,
            "continue" => Trigger::Continue,
            other => return Err(format!("unknown scheduled task `{other}`")),
        };
        import::run(trigger, None, import::BACKGROUND_BUDGET)?;
        Ok(())
    }

    fn widget(ctx: &Context, name: &str) -> Result<Option<View>, Error> {
        match name {
            "search" => Ok(Some(view("widget_search.html").with(json!({
                "base": ctx.mount("portal").unwrap_or_default(),
            })))),
            "import-status" => extranet::widget(ctx),
            _ => Ok(None),
        }
    }

    fn export_user_data(_ctx: &Context, user_id: &str) -> Result<serde_json::Value, String> {
        let sheets: Vec<LocalSheet> = db::select("local_sheets")
            .filter(eq("author_id", user_id))
            .fetch()?;
        let additions: Vec<Addition> = db::select("additions")
            .filter(eq("author_id", user_id))
            .fetch()?;
        let imports: Vec<Import> = db::select("imports")
            .filter(eq("started_by_id", user_id))
            .fetch()?;
        Ok(json!({
            "local_sheets_last_edited": sheets.iter().map(|s| json!({ "title": s.title, "updated_at": s.updated_at })).collect::<Vec<_>>(),
            "additions_last_edited": additions.iter().map(|a| json!({ "sheet": a.pub_id, "updated_at": a.updated_at })).collect::<Vec<_>>(),
            "imports_started": imports.iter().map(|i| json!({ "import": i.id, "started_at": i.started_at })).collect::<Vec<_>>(),
        }))
    }

    /// The texts stay (they are the site's); the name of who last edited
    /// them or started an import goes.
    fn erase_user_data(_ctx: &Context, user_id: &str) -> Result<(), String> {
        let mut tx = db::transaction();
        for table in ["local_sheets", "additions"] {
            tx.update(
                db::update(table)
                    .filter(eq("author_id", user_id))
                    .set("author_id", None::<String>)
                    .set("author_name", None::<String>),
            );
        }
        tx.update(
            db::update("imports")
                .filter(eq("started_by_id", user_id))
                .set("started_by_id", None::<String>)
                .set("started_by", None::<String>),
        );
        tx.commit()?;
        Ok(())
    }
}

register_plugin!(Comarquage);
