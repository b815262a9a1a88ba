//! Who may post, moderate and read what.
//!
//! The host cannot let a plugin give an account a role, so a landlord
//! approved by staff is a row of `landlords` with status `approved`; an
//! account the administrator gave the `landlord` role (`housing.post`)
//! posts without asking, once it has described itself. Staff
//! (`housing.moderate`) see every home and how many conversations it has,
//! never their messages: only the two people of a conversation read it.

use estive_sdk::prelude::*;

use crate::model::{APPROVED, Home, Landlord};
use crate::{permissions, store};

/// What the person of a request may do as a landlord.
#[derive(Clone, Debug, Default)]
pub struct Access {
    /// Their landlord record, when they described themselves (asked or approved).
    pub landlord: Option<Landlord>,
    /// May post and manage homes now: approved, or holds `housing.post`
    /// with an organisation described.
    pub posts: bool,
    /// Holds `housing.moderate`.
    pub moderates: bool,
}

impl Access {
    /// The access of the request's user (an anonymous one has none).
    ///
    /// # Errors
    /// Storage failures.
    pub fn of(req: &Request) -> Result<Access, Error> {
        let Some(user) = req.user() else {
            return Ok(Access::default());
        };
        let landlord = store::landlord_of(&user.id)?;
        let trusted = req.has_permission(permissions::HOUSING_POST);
        let posts = landlord.as_ref().is_some_and(|e| {
            e.status == APPROVED || (trusted && e.status != crate::model::SUSPENDED)
        });
        Ok(Access {
            landlord,
            posts,
            moderates: req.has_permission(permissions::HOUSING_MODERATE),
        })
    }

    /// The landlord, when they may post.
    ///
    /// # Errors
    /// `forbidden` otherwise.
    pub fn poster(&self) -> Result<&Landlord, Error> {
        match &self.landlord {
            Some(e) if self.posts => Ok(e),
            _ => Err(Error::forbidden("landlord-not-approved")),
        }
    }

    /// Whether the home is theirs to edit.
    pub fn owns(&self, home: &Home) -> bool {
        self.posts && Some(home.landlord_id) == self.landlord.as_ref().map(|l| l.id)
    }

    /// The home when it is theirs.
    ///
    /// # Errors
    /// `not-found` when it is not (the same answer as a missing one, so
    /// that ids of other landlords' drafts tell nothing).
    pub fn own_home(&self, id: i64) -> Result<Home, Error> {
        let home = store::home(id)?;
        if self.owns(&home) {
            Ok(home)
        } else {
            Err(Error::not_found("home-not-found"))
        }
    }
}
