//! The host's own tables: sites, accounts, plugins, events, audit.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn id() -> ColumnDef {
    big_integer(Alias::new("id"))
        .auto_increment()
        .primary_key()
        .take()
}

fn table(name: &str) -> TableCreateStatement {
    Table::create()
        .table(Alias::new(name))
        .if_not_exists()
        .to_owned()
}

fn index(name: &str, table: &str, cols: &[&str], unique: bool) -> IndexCreateStatement {
    let mut idx = Index::create();
    idx.if_not_exists().name(name).table(Alias::new(table));
    for c in cols {
        idx.col(Alias::new(*c));
    }
    if unique {
        idx.unique();
    }
    idx.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let c = |n: &str| Alias::new(n);
        m.create_table(
            table("server_state")
                .col(string(c("key")).primary_key())
                .col(text(c("value")))
                .to_owned(),
        )
        .await?;
        m.create_table(
            table("sites")
                .col(id())
                .col(string(c("slug")).unique_key())
                .col(text(c("name")))
                .col(text(c("domains")))
                .col(text(c("config")))
                .col(text(c("templates")))
                .col(timestamp_with_time_zone(c("created_at")))
                .col(timestamp_with_time_zone(c("updated_at")))
                .to_owned(),
        )
        .await?;
        m.create_table(
            table("users")
                .col(id())
                .col(big_integer(c("site_id")))
                .col(string(c("username")))
                .col(string_null(c("email")))
                .col(text(c("display_name")))
                .col(text(c("password_hash")))
                .col(boolean(c("active")))
                .col(boolean(c("server_admin")))
                .col(timestamp_with_time_zone(c("created_at")))
                .col(timestamp_with_time_zone_null(c("last_login_at")))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "uq_users_site_username",
            "users",
            &["site_id", "username"],
            true,
        ))
        .await?;
        m.create_index(index(
            "ix_users_site_email",
            "users",
            &["site_id", "email"],
            false,
        ))
        .await?;
        m.create_table(
            table("user_roles")
                .col(big_integer(c("user_id")))
                .col(string(c("role")))
                .primary_key(Index::create().col(c("user_id")).col(c("role")))
                .to_owned(),
        )
        .await?;
        m.create_table(
            table("groups")
                .col(id())
                .col(big_integer(c("site_id")))
                .col(string(c("slug")))
                .col(text(c("name")))
                .col(text(c("description")))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "uq_groups_site_slug",
            "groups",
            &["site_id", "slug"],
            true,
        ))
        .await?;
        m.create_table(
            table("group_members")
                .col(big_integer(c("group_id")))
                .col(big_integer(c("user_id")))
                .primary_key(Index::create().col(c("group_id")).col(c("user_id")))
                .to_owned(),
        )
        .await?;
        m.create_table(
            table("role_permissions")
                .col(big_integer(c("site_id")))
                .col(string(c("plugin")))
                .col(string(c("permission")))
                .col(string(c("role")))
                .primary_key(
                    Index::create()
                        .col(c("site_id"))
                        .col(c("permission"))
                        .col(c("role")),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            table("sessions")
                .col(string(c("id")).primary_key())
                .col(big_integer(c("site_id")))
                .col(big_integer(c("user_id")))
                .col(timestamp_with_time_zone(c("created_at")))
                .col(timestamp_with_time_zone(c("expires_at")))
                .col(timestamp_with_time_zone(c("last_seen_at")))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_sessions_user", "sessions", &["user_id"], false))
            .await?;
        m.create_table(
            table("plugin_packages")
                .col(id())
                .col(string(c("name")))
                .col(string(c("version")))
                .col(string(c("api_version")))
                .col(text(c("manifest")))
                .col(binary(c("wasm")))
                .col(binary(c("files")))
                .col(string(c("digest")))
                .col(timestamp_with_time_zone(c("installed_at")))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "uq_plugin_packages_name_version",
            "plugin_packages",
            &["name", "version"],
            true,
        ))
        .await?;
        m.create_table(
            table("plugin_schemas")
                .col(string(c("plugin")).primary_key())
                .col(string(c("version")))
                .col(text(c("manifest")))
                .to_owned(),
        )
        .await?;
        m.create_table(
            table("site_plugins")
                .col(big_integer(c("site_id")))
                .col(string(c("plugin")))
                .col(string(c("version")))
                .col(boolean(c("enabled")))
                .col(text(c("paths")))
                .col(text(c("settings")))
                .col(text(c("grants")))
                .col(text(c("limits")))
                .col(timestamp_with_time_zone(c("updated_at")))
                .primary_key(Index::create().col(c("site_id")).col(c("plugin")))
                .to_owned(),
        )
        .await?;
        m.create_table(
            table("audit_log")
                .col(id())
                .col(big_integer(c("site_id")))
                .col(timestamp_with_time_zone(c("at")))
                .col(big_integer_null(c("user_id")))
                .col(text(c("actor")))
                .col(string_null(c("plugin")))
                .col(string(c("action")))
                .col(text(c("subject")))
                .col(text(c("details")))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_audit_site_at",
            "audit_log",
            &["site_id", "at"],
            false,
        ))
        .await?;
        m.create_table(
            table("outbox")
                .col(id())
                .col(big_integer(c("site_id")))
                .col(string(c("topic")))
                .col(text(c("payload")))
                .col(timestamp_with_time_zone(c("published_at")))
                .col(boolean(c("dispatched")))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_outbox_dispatched",
            "outbox",
            &["dispatched", "id"],
            false,
        ))
        .await?;
        m.create_table(
            table("event_deliveries")
                .col(id())
                .col(big_integer(c("event_id")))
                .col(big_integer(c("site_id")))
                .col(string(c("plugin")))
                .col(integer(c("attempts")))
                .col(timestamp_with_time_zone(c("next_attempt_at")))
                .col(timestamp_with_time_zone_null(c("lease_until")))
                .col(timestamp_with_time_zone_null(c("done_at")))
                .col(text(c("last_error")))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_deliveries_pending",
            "event_deliveries",
            &["done_at", "next_attempt_at"],
            false,
        ))
        .await?;
        m.create_table(
            table("schedule_runs")
                .col(big_integer(c("site_id")))
                .col(string(c("plugin")))
                .col(string(c("task")))
                .col(timestamp_with_time_zone(c("next_run_at")))
                .col(string_null(c("lease_owner")))
                .col(timestamp_with_time_zone_null(c("lease_until")))
                .col(timestamp_with_time_zone_null(c("last_run_at")))
                .col(text(c("last_status")))
                .primary_key(
                    Index::create()
                        .col(c("site_id"))
                        .col(c("plugin"))
                        .col(c("task")),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            table("login_attempts")
                .col(id())
                .col(big_integer(c("site_id")))
                .col(string(c("key")))
                .col(timestamp_with_time_zone(c("at")))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_login_attempts_key",
            "login_attempts",
            &["site_id", "key", "at"],
            false,
        ))
        .await?;
        m.create_table(
            table("tokens")
                .col(string(c("id")).primary_key())
                .col(string(c("kind")))
                .col(big_integer(c("site_id")))
                .col(big_integer_null(c("user_id")))
                .col(text(c("data")))
                .col(timestamp_with_time_zone(c("expires_at")))
                .col(timestamp_with_time_zone_null(c("used_at")))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "the first migration cannot be undone: restore a backup instead".into(),
        ))
    }
}
