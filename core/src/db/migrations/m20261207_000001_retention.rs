//! Indexes the daily retention task reads by: it deletes expired sessions
//! and tokens by their expiry and old deliveries by when they were done,
//! and would otherwise scan each whole table once a day.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn index(name: &str, table: &str, col: &str) -> IndexCreateStatement {
    Index::create()
        .if_not_exists()
        .name(name)
        .table(Alias::new(table))
        .col(Alias::new(col))
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(index("ix_sessions_expires", "sessions", "expires_at"))
            .await?;
        m.create_index(index("ix_tokens_expires", "tokens", "expires_at"))
            .await?;
        m.create_index(index("ix_deliveries_event", "event_deliveries", "event_id"))
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (name, table) in [
            ("ix_sessions_expires", "sessions"),
            ("ix_tokens_expires", "tokens"),
            ("ix_deliveries_event", "event_deliveries"),
        ] {
            m.drop_index(Index::drop().name(name).table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
