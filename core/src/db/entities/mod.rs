//! sea-orm entities of the host's tables (see `migrations/`).

pub mod audit_entry;
pub mod event_delivery;
pub mod group;
pub mod group_member;
pub mod login_attempt;
pub mod outbox_event;
pub mod plugin_package;
pub mod plugin_schema;
pub mod role_permission;
pub mod schedule_run;
pub mod second_factor;
pub mod server_state;
pub mod session;
pub mod site;
pub mod site_plugin;
pub mod token;
pub mod user;
pub mod user_role;
