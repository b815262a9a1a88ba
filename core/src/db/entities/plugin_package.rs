//! `plugin_packages` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "plugin_packages")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub name: String,
    pub version: String,
    pub api_version: String,
    pub manifest: String,
    pub wasm: Vec<u8>,
    pub files: Vec<u8>,
    pub digest: String,
    pub installed_at: DateTimeUtc,
    /// `signature.toml` of a signed package.
    pub signature: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
