//! The `Plugin` trait and `register_plugin!`.

use crate::{Context, Error, Event, Request, Response, View};

/// What a plugin does when the host calls it.
///
/// Implement it on a unit struct and register it with
/// [`register_plugin!`](crate::register_plugin). Only [`Plugin::handle`] is
/// required; every other function has a default that suits a plugin which
/// does not declare the matching manifest entry (subscriptions, schedules,
/// widgets) or holds no personal data.
///
/// The functions take no `self`: a plugin keeps no state between calls
/// (each call may run in a fresh instance); its state lives in its tables.
///
/// ```no_run
/// use estive_sdk::prelude::*;
///
/// struct Agenda;
///
/// impl Plugin for Agenda {
///     fn handle(req: Request) -> Result<Response, Error> {
///         match req.route() {
///             "home" => Ok(view("home.html").into()),
///             _ => Err(Error::not_found(messages::NOT_FOUND)),
///         }
///     }
///
///     fn on_schedule(_ctx: &Context, task: &str) -> Result<(), String> {
///         match task {
///             "purge" => {
///                 let today = clock::now().today;
///                 db::delete("events").filter(lt("ends_on", today)).run()?;
///                 Ok(())
///             }
///             other => Err(format!("unknown task `{other}`")),
///         }
///     }
/// }
///
/// register_plugin!(Agenda);
/// ```
pub trait Plugin {
    /// Serves a request routed to one of the manifest's routes.
    ///
    /// The host has already checked the route's area and permission. Match
    /// on [`Request::route`] and call one handler per route.
    ///
    /// # Errors
    ///
    /// An [`Error`] makes the host show an error page with its status.
    fn handle(req: Request) -> Result<Response, Error>;

    /// Receives an event this plugin subscribed to in its manifest.
    ///
    /// Events arrive at least once: use [`Event::id`] to avoid handling one
    /// twice when that matters. The default ignores every event.
    ///
    /// # Errors
    ///
    /// The host logs the error and offers the event again later.
    fn on_event(ctx: &Context, event: Event) -> Result<(), String> {
        let _ = (ctx, event);
        Ok(())
    }

    /// Runs a task declared in the manifest's `schedules`.
    ///
    /// # Errors
    ///
    /// The host logs the error. The default fails for every task, naming
    /// it, since a declared schedule without code is a mistake.
    fn on_schedule(ctx: &Context, task: &str) -> Result<(), String> {
        let _ = ctx;
        Err(format!("unknown scheduled task `{task}`"))
    }

    /// Renders a dashboard widget declared in the manifest; `Ok(None)` when
    /// there is nothing to show now (the default).
    ///
    /// # Errors
    ///
    /// The host leaves the widget out and logs an internal error.
    fn widget(ctx: &Context, name: &str) -> Result<Option<View>, Error> {
        let _ = (ctx, name);
        Ok(None)
    }

    /// Everything this plugin holds about a user on the site, as a JSON
    /// object, for the user's RGPD data download. The default, an empty
    /// object, is right only for a plugin that stores nothing about users.
    ///
    /// # Errors
    ///
    /// The host reports the download as failed.
    fn export_user_data(ctx: &Context, user_id: &str) -> Result<serde_json::Value, String> {
        let _ = (ctx, user_id);
        Ok(serde_json::Value::Object(serde_json::Map::new()))
    }

    /// Erases or anonymises everything this plugin holds about a user on
    /// the site, when the account is deleted. The default does nothing,
    /// which is right only for a plugin that stores nothing about users.
    ///
    /// # Errors
    ///
    /// The host logs the error and tries again later.
    fn erase_user_data(ctx: &Context, user_id: &str) -> Result<(), String> {
        let _ = (ctx, user_id);
        Ok(())
    }
}

/// Declares the modules of names from `plugin.toml` that the build script
/// wrote with `estive_sdk::build::names()` (feature
/// `build`): `routes`, `tables`, `settings`, `permissions`, `schedules`,
/// `widgets`, each a constant per name, so that a misspelt name does not
/// compile.
#[macro_export]
macro_rules! manifest_names {
    () => {
        include!(concat!(env!("OUT_DIR"), "/estive_names.rs"));
    };
}

/// Makes a type implementing [`Plugin`] the plugin of this component.
///
/// Call it once, in the `src/lib.rs` of a `cdylib` crate. It exports the
/// WIT world's functions, converting between the raw WIT types and this
/// crate's, and stamps [`API_VERSION`](crate::API_VERSION) into the
/// component as a custom section named `estive:api-version`, which the host
/// reads to pick the API the plugin was built against.
///
/// ```no_run
/// use estive_sdk::prelude::*;
///
/// struct Hello;
///
/// impl Plugin for Hello {
///     fn handle(_req: Request) -> Result<Response, Error> {
///         Ok(view("hello.html").into())
///     }
/// }
///
/// register_plugin!(Hello);
/// ```
#[macro_export]
macro_rules! register_plugin {
    ($plugin:ty) => {
        const _: () = {
            struct EstiveExports;

            impl $crate::__private::Guest for EstiveExports {
                fn handle(
                    req: $crate::__private::WitRequest,
                ) -> ::core::result::Result<
                    $crate::__private::WitResponse,
                    $crate::__private::WitError,
                > {
                    $crate::__private::handle::<$plugin>(req)
                }

                fn on_event(
                    ctx: $crate::__private::WitContext,
                    ev: $crate::__private::WitEvent,
                ) -> ::core::result::Result<(), ::std::string::String> {
                    $crate::__private::on_event::<$plugin>(ctx, ev)
                }

                fn on_schedule(
                    ctx: $crate::__private::WitContext,
                    task: ::std::string::String,
                ) -> ::core::result::Result<(), ::std::string::String> {
                    $crate::__private::on_schedule::<$plugin>(ctx, task)
                }

                fn widget(
                    ctx: $crate::__private::WitContext,
                    name: ::std::string::String,
                ) -> ::core::result::Result<
                    ::core::option::Option<$crate::__private::WitView>,
                    $crate::__private::WitError,
                > {
                    $crate::__private::widget::<$plugin>(ctx, name)
                }

                fn export_user_data(
                    ctx: $crate::__private::WitContext,
                    user_id: ::std::string::String,
                ) -> ::core::result::Result<::std::string::String, ::std::string::String> {
                    $crate::__private::export_user_data::<$plugin>(ctx, user_id)
                }

                fn erase_user_data(
                    ctx: $crate::__private::WitContext,
                    user_id: ::std::string::String,
                ) -> ::core::result::Result<(), ::std::string::String> {
                    $crate::__private::erase_user_data::<$plugin>(ctx, user_id)
                }
            }

    $crate::bindings::export!(EstiveExports with_types_in $crate::bindings);

            // The host reads this custom section before instantiating the
            // component. It is emitted here, in the plugin's crate, because
            // only the final link keeps a `#[used]` static of a dependency.
            #[cfg(target_arch = "wasm32")]
            #[used]
            #[unsafe(link_section = "estive:api-version")]
            static ESTIVE_API_VERSION: [u8; $crate::API_VERSION.len()] =
                $crate::__private::API_VERSION_BYTES;
        };
    };
}

/// The conversions between the WIT exports and the [`Plugin`] functions,
/// called from the expansion of `register_plugin!`.
pub mod adapter {
    use super::Plugin;
    use crate::bindings::estive::plugin::types as wit;
    use crate::{Context, Event, Request};

    pub use crate::bindings::Guest;
    pub use wit::{
        Context as WitContext, Error as WitError, Event as WitEvent, Request as WitRequest,
        Response as WitResponse, View as WitView,
    };

    /// Serves a request.
    pub fn handle<P: Plugin>(req: WitRequest) -> Result<WitResponse, WitError> {
        P::handle(Request::from(req))
            .and_then(|response| response.into_wit())
            .map_err(WitError::from)
    }

    /// Delivers an event.
    pub fn on_event<P: Plugin>(ctx: WitContext, ev: WitEvent) -> Result<(), String> {
        P::on_event(&Context::from(ctx), Event::from(ev))
    }

    /// Runs a scheduled task.
    pub fn on_schedule<P: Plugin>(ctx: WitContext, task: String) -> Result<(), String> {
        P::on_schedule(&Context::from(ctx), &task)
    }

    /// Renders a widget.
    pub fn widget<P: Plugin>(ctx: WitContext, name: String) -> Result<Option<WitView>, WitError> {
        P::widget(&Context::from(ctx), &name)
            .and_then(|view| view.map(|v| v.into_wit()).transpose())
            .map_err(WitError::from)
    }

    /// Exports a user's data as a JSON object.
    pub fn export_user_data<P: Plugin>(ctx: WitContext, user_id: String) -> Result<String, String> {
        match P::export_user_data(&Context::from(ctx), &user_id)? {
            data @ serde_json::Value::Object(_) => Ok(data.to_string()),
            other => Err(format!(
                "export_user_data must return a JSON object, not {other}"
            )),
        }
    }

    /// Erases a user's data.
    pub fn erase_user_data<P: Plugin>(ctx: WitContext, user_id: String) -> Result<(), String> {
        P::erase_user_data(&Context::from(ctx), &user_id)
    }
}
