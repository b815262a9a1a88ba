//! Identity hardening: no raw client addresses in `login_attempts`.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // Rows keyed by a raw address (`ip:…`) or by the old per-account
        // counter: the new keys hold only keyed hashes of addresses.
        m.get_connection()
            .execute_unprepared(
                "DELETE FROM login_attempts WHERE key LIKE 'ip:%' OR key LIKE 'user:%'",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        // Deleted rows were short-lived counters: nothing to restore.
        Ok(())
    }
}
