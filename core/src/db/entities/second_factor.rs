//! `second_factors` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "second_factors")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i64,
    /// The shared secret, base32 (what authenticator apps read).
    pub secret: String,
    pub created_at: DateTimeUtc,
    /// Set once the owner typed a first good code: only then is the second
    /// factor asked at sign-in.
    pub confirmed_at: Option<DateTimeUtc>,
    pub last_step: i64,
    /// JSON array of the SHA-256 (hex) of the unused recovery codes.
    pub recovery: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
