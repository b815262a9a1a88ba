//! The optional second factor of an account (TOTP, RFC 6238) and its
//! recovery codes.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let c = |n: &str| Alias::new(n);
        m.create_table(
            Table::create()
                .table(c("second_factors"))
                .if_not_exists()
                .col(big_integer(c("user_id")).primary_key())
                .col(text(c("secret")))
                .col(timestamp_with_time_zone(c("created_at")))
                .col(timestamp_with_time_zone_null(c("confirmed_at")))
                // The last 30-second step a code was accepted for: a code
                // is good once (RFC 6238 §5.2).
                .col(big_integer(c("last_step")).default(0))
                // SHA-256 of the unused recovery codes, a JSON array.
                .col(text(c("recovery")))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Alias::new("second_factors")).to_owned())
            .await
    }
}
