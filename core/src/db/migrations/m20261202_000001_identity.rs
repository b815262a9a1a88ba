//! Identity hardening: the second factor (TOTP secrets and recovery codes)
//! and the end of raw client addresses in `login_attempts`.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let c = |n: &str| Alias::new(n);
        // Rows keyed by a raw address (`ip:…`) or by the old per-account
        // counter: the new keys hold only keyed hashes of addresses.
        m.get_connection()
            .execute_unprepared(
                "DELETE FROM login_attempts WHERE key LIKE 'ip:%' OR key LIKE 'user:%'",
            )
            .await?;
        m.create_table(
            Table::create()
                .table(c("totp_secrets"))
                .if_not_exists()
                .col(big_integer(c("user_id")).primary_key())
                .col(string(c("secret")))
                .col(timestamp_with_time_zone_null(c("confirmed_at")))
                .col(big_integer(c("last_step")))
                .col(timestamp_with_time_zone(c("created_at")))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(c("recovery_codes"))
                .if_not_exists()
                .col(big_integer(c("id")).auto_increment().primary_key().take())
                .col(big_integer(c("user_id")))
                .col(string(c("code_hash")))
                .col(timestamp_with_time_zone_null(c("used_at")))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .if_not_exists()
                .name("ix_recovery_codes_user")
                .table(c("recovery_codes"))
                .col(c("user_id"))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Alias::new("recovery_codes")).to_owned())
            .await?;
        m.drop_table(Table::drop().table(Alias::new("totp_secrets")).to_owned())
            .await?;
        Ok(())
    }
}
