//! Migrations of the host's tables, applied in order at start.

use sea_orm_migration::prelude::*;

mod m20261128_000001_core;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![Box::new(m20261128_000001_core::Migration)]
    }
}
