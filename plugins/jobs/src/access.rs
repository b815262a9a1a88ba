//! Who may post, moderate and read what.
//!
//! The host cannot let a plugin give an account a role, so an employer
//! approved by staff is a row of `employers` with status `approved`; an
//! account the administrator gave the `employer` role (`jobs.post`) posts
//! without asking, once it has described its organisation. Staff
//! (`jobs.moderate`) see every offer and application count but never an
//! application's content: only the employer it was sent to reads it.

use estive_sdk::prelude::*;

use crate::model::{APPROVED, Employer, Offer};
use crate::{permissions, store};

/// What the person of a request may do as an employer.
#[derive(Clone, Debug, Default)]
pub struct Access {
    /// Their organisation, when they described one (asked or approved).
    pub employer: Option<Employer>,
    /// May post and manage offers now: approved, or holds `jobs.post`
    /// with an organisation described.
    pub posts: bool,
    /// Holds `jobs.moderate`.
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
        let employer = store::employer_of(&user.id)?;
        let trusted = req.has_permission(permissions::JOBS_POST);
        let posts = employer.as_ref().is_some_and(|e| {
            e.status == APPROVED || (trusted && e.status != crate::model::SUSPENDED)
        });
        Ok(Access {
            employer,
            posts,
            moderates: req.has_permission(permissions::JOBS_MODERATE),
        })
    }

    /// The employer, when they may post.
    ///
    /// # Errors
    /// `forbidden` otherwise.
    pub fn poster(&self) -> Result<&Employer, Error> {
        match &self.employer {
            Some(e) if self.posts => Ok(e),
            _ => Err(Error::forbidden("employer-not-approved")),
        }
    }

    /// Whether the offer is theirs to edit.
    pub fn owns(&self, offer: &Offer) -> bool {
        self.posts
            && offer.employer_id.is_some()
            && offer.employer_id == self.employer.as_ref().map(|e| e.id)
    }

    /// The offer when it is theirs.
    ///
    /// # Errors
    /// `not-found` when it is not (the same answer as a missing one, so
    /// that ids of other employers' drafts tell nothing).
    pub fn own_offer(&self, id: i64) -> Result<Offer, Error> {
        let offer = store::offer(id)?;
        if self.owns(&offer) {
            Ok(offer)
        } else {
            Err(Error::not_found("offer-not-found"))
        }
    }
}
