//! Failed sign-ins and rate-limited requests, to slow down guessing without
//! giving anyone a way to lock another person out.
//!
//! Addresses are never stored: a key holds the HMAC of the address with the
//! server secret ([`address_id`]), enough to count what one address did and
//! useless to anyone who reads the table without the secret.
//!
//! The sign-in rule (see docs/architecture.md, "Sign-in throttling"):
//! - per account *and* address: 5 failures free, then each further attempt
//!   waits 2^n seconds after the last failure (2 s, 4 s, … capped at 15 min);
//! - per address, whatever the account: 20 failures free, then the same
//!   doubling (stops one address spraying many accounts);
//! - per account, from every address: only when the failures come from at
//!   least [`SPREAD_ADDRESSES`] addresses (a distributed attack) and number at
//!   least [`SPREAD_FREE`], each attempt waits 2^n seconds capped at one
//!   minute; a browser that already signed in to the account (it holds the
//!   device cookie) skips this one.
//!
//! An attacker's failures from one address thus only slow that address: the
//! real person, from another address, is not delayed at all.

use anyhow::Result;
use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::sea_query::LikeExpr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QuerySelect,
};

use crate::db::entities::login_attempt;

/// How long failures count.
pub const WINDOW: TimeDelta = TimeDelta::hours(24);
/// Failures of one account from one address before delays start.
pub const PAIR_FREE: u64 = 5;
/// Failures from one address (any account) before delays start.
pub const ADDRESS_FREE: u64 = 20;
/// Longest wait imposed on one address.
pub const CAP: TimeDelta = TimeDelta::minutes(15);
/// Distinct addresses failing on one account before the account-wide delay.
pub const SPREAD_ADDRESSES: usize = 10;
/// Failures of one account (all addresses) before the account-wide delay.
pub const SPREAD_FREE: u64 = 50;
/// Longest account-wide wait: short, because it also falls on the real
/// person when they sign in from a new browser.
pub const SPREAD_CAP: TimeDelta = TimeDelta::minutes(1);

/// The pseudonymous id of a client address: HMAC with the server secret,
/// so the table never holds an address and ids cannot be reversed by
/// trying every IPv4 address without the secret.
pub fn address_id(secret: &[u8], address: &str) -> String {
    let mut id = crate::keyed::sign(secret, &["client-address", address]);
    id.truncate(22);
    id
}

/// The wait after `failures` failures of which `free` cost nothing:
/// 2 s after the first one past the free ones, doubling, capped.
pub fn backoff(failures: u64, free: u64, cap: TimeDelta) -> TimeDelta {
    if failures < free {
        return TimeDelta::zero();
    }
    let n = (failures - free + 1).min(30);
    TimeDelta::seconds(1i64 << n).min(cap)
}

fn pair_key(username: &str, address: &str) -> String {
    format!("pair:{username}|{address}")
}

fn address_key(address: &str) -> String {
    format!("addr:{address}")
}

/// Times of the failures of a key since `since`.
async fn times<C: ConnectionTrait>(
    db: &C,
    site_id: i64,
    key: &str,
    since: DateTime<Utc>,
) -> Result<Vec<DateTime<Utc>>> {
    Ok(login_attempt::Entity::find()
        .select_only()
        .column(login_attempt::Column::At)
        .filter(login_attempt::Column::SiteId.eq(site_id))
        .filter(login_attempt::Column::Key.eq(key))
        .filter(login_attempt::Column::At.gte(since))
        .into_tuple::<DateTime<Utc>>()
        .all(db)
        .await?)
}

fn wait_after(times: &[DateTime<Utc>], free: u64, cap: TimeDelta, now: DateTime<Utc>) -> TimeDelta {
    let Some(last) = times.iter().max() else {
        return TimeDelta::zero();
    };
    let until = *last + backoff(times.len() as u64, free, cap);
    (until - now).max(TimeDelta::zero())
}

/// How long a sign-in to `username` from `address` (an [`address_id`], or
/// empty when unknown) must still wait; zero when it may go ahead now.
///
/// # Errors
/// The database fails.
pub async fn sign_in_wait<C: ConnectionTrait>(
    db: &C,
    site_id: i64,
    username: &str,
    address: &str,
    known_device: bool,
    now: DateTime<Utc>,
) -> Result<TimeDelta> {
    let since = now - WINDOW;
    let pair = times(db, site_id, &pair_key(username, address), since).await?;
    let mut wait = wait_after(&pair, PAIR_FREE, CAP, now);
    if !address.is_empty() {
        let by_address = times(db, site_id, &address_key(address), since).await?;
        wait = wait.max(wait_after(&by_address, ADDRESS_FREE, CAP, now));
    }
    if !known_device {
        let prefix = format!("pair:{}|", like_escape(username));
        let rows: Vec<(String, DateTime<Utc>)> = login_attempt::Entity::find()
            .select_only()
            .column(login_attempt::Column::Key)
            .column(login_attempt::Column::At)
            .filter(login_attempt::Column::SiteId.eq(site_id))
            .filter(
                login_attempt::Column::Key.like(LikeExpr::new(format!("{prefix}%")).escape('\\')),
            )
            .filter(login_attempt::Column::At.gte(since))
            .into_tuple()
            .all(db)
            .await?;
        let addresses: std::collections::HashSet<&str> =
            rows.iter().map(|(k, _)| k.as_str()).collect();
        if addresses.len() >= SPREAD_ADDRESSES {
            let at: Vec<DateTime<Utc>> = rows.iter().map(|(_, t)| *t).collect();
            wait = wait.max(wait_after(&at, SPREAD_FREE, SPREAD_CAP, now));
        }
    }
    Ok(wait)
}

fn like_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// Record a failed sign-in to `username` from `address`.
///
/// # Errors
/// The database fails.
pub async fn record_sign_in_failure<C: ConnectionTrait>(
    db: &C,
    site_id: i64,
    username: &str,
    address: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    record(db, site_id, &pair_key(username, address), now).await?;
    if !address.is_empty() {
        record(db, site_id, &address_key(address), now).await?;
    }
    Ok(())
}

/// Forget the failures of `username` from `address` (it just signed in).
/// The address's own count stays: an attacker holding one account must not
/// be able to wipe what it did to the others.
///
/// # Errors
/// The database fails.
pub async fn clear_sign_in<C: ConnectionTrait>(
    db: &C,
    site_id: i64,
    username: &str,
    address: &str,
) -> Result<()> {
    login_attempt::Entity::delete_many()
        .filter(login_attempt::Column::SiteId.eq(site_id))
        .filter(login_attempt::Column::Key.eq(pair_key(username, address)))
        .exec(db)
        .await?;
    Ok(())
}

/// Requests of a kind (`"signup"`, `"reset"`…) by a key since a time.
///
/// # Errors
/// The database fails.
pub async fn count<C: ConnectionTrait>(
    db: &C,
    site_id: i64,
    key: &str,
    since: DateTime<Utc>,
) -> Result<u64> {
    Ok(times(db, site_id, key, since).await?.len() as u64)
}

/// Record one event for a key, and drop what is older than [`WINDOW`] so
/// the table stays small.
///
/// # Errors
/// The database fails.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    site_id: i64,
    key: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    login_attempt::ActiveModel {
        site_id: Set(site_id),
        key: Set(key.chars().take(200).collect()),
        at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    login_attempt::Entity::delete_many()
        .filter(login_attempt::Column::SiteId.eq(site_id))
        .filter(login_attempt::Column::At.lt(now - WINDOW))
        .exec(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_start_after_the_free_failures_and_double_up_to_the_cap() {
        assert_eq!(backoff(4, 5, CAP), TimeDelta::zero());
        assert_eq!(backoff(5, 5, CAP), TimeDelta::seconds(2));
        assert_eq!(backoff(6, 5, CAP), TimeDelta::seconds(4));
        assert_eq!(backoff(14, 5, CAP), TimeDelta::seconds(1024).min(CAP));
        assert_eq!(backoff(1000, 5, CAP), CAP);
    }

    #[test]
    fn address_ids_depend_on_the_secret_and_hide_the_address() {
        let a = address_id(b"one secret", "192.0.2.1");
        assert_ne!(a, address_id(b"another secret", "192.0.2.1"));
        assert_ne!(a, address_id(b"one secret", "192.0.2.2"));
        assert!(!a.contains("192"));
    }

    #[test]
    fn underscores_in_usernames_match_only_themselves() {
        assert_eq!(like_escape("a_b%c"), "a\\_b\\%c");
    }
}
