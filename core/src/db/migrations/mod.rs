//! Migrations of the host's tables, applied in order at start.

use sea_orm_migration::prelude::*;

mod m20261128_000001_core;
mod m20261202_000001_identity;
mod m20261207_000001_retention;
mod m20261207_000002_second_factor;
mod m20261207_000003_signature;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261128_000001_core::Migration),
            Box::new(m20261202_000001_identity::Migration),
            Box::new(m20261207_000001_retention::Migration),
            Box::new(m20261207_000002_second_factor::Migration),
            Box::new(m20261207_000003_signature::Migration),
        ]
    }
}
