//! The signature a plugin package came with (`signature.toml`), kept to
//! show who signed it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Alias::new("plugin_packages"))
                .add_column(text_null(Alias::new("signature")))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Alias::new("plugin_packages"))
                .drop_column(Alias::new("signature"))
                .to_owned(),
        )
        .await
    }
}
