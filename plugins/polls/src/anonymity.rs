//! Keys that keep "one answer per account" without storing the account.
//!
//! For an anonymous poll that needs an account, the answer set holds
//! `h:` and a keyed SHA-256 of (poll, account) instead of the account id.
//! The key is a random secret kept in the plugin's `secrets` table, so an
//! export of answers cannot be matched to accounts by hashing every
//! account id; the person can still find (and change) their own answer.

use std::hash::{BuildHasher, Hasher, RandomState};

use estive_sdk::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

const SECRET_NAME: &str = "anonymity";

#[derive(Serialize, Deserialize)]
struct Secret {
    name: String,
    value: String,
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// The respondent key of an account for an anonymous poll.
pub fn account_key(secret: &str, poll_id: i64, user_id: &str) -> String {
    let mut h = Sha256::new();
    h.update(b"estive-polls-respondent\0");
    h.update(secret.as_bytes());
    h.update(b"\0");
    h.update(poll_id.to_string().as_bytes());
    h.update(b"\0");
    h.update(user_id.as_bytes());
    format!("h:{}", &hex(&h.finalize())[..40])
}

/// 256 unpredictable bits: the standard library's randomly keyed hashers
/// (seeded from the host's WASI random source), mixed with what the call
/// knows that an outsider does not.
fn fresh_secret(extra: &str) -> String {
    let mut h = Sha256::new();
    for i in 0..8u64 {
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u64(i);
        h.update(hasher.finish().to_le_bytes());
    }
    h.update(extra.as_bytes());
    hex(&h.finalize())
}

/// The site's anonymity secret, made on first use.
///
/// # Errors
///
/// A storage failure.
pub fn secret(extra: &str) -> Result<String, Error> {
    let found: Option<Secret> = db::select("secrets")
        .filter(eq("name", SECRET_NAME))
        .first()?;
    if let Some(s) = found {
        return Ok(s.value);
    }
    let value = fresh_secret(&format!("{extra}{}", clock::now().unix_millis));
    match db::insert(
        "secrets",
        &Secret {
            name: SECRET_NAME.into(),
            value: value.clone(),
        },
    ) {
        Ok(_) => Ok(value),
        // Another call made it first: use theirs.
        Err(Error::Conflict(_)) => {
            let s: Secret = db::select("secrets")
                .filter(eq("name", SECRET_NAME))
                .one()?;
            Ok(s.value)
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_key_depends_on_secret_poll_and_account() {
        let k = account_key("s", 1, "42");
        assert!(k.starts_with("h:"));
        assert_eq!(k.len(), 42);
        assert_eq!(k, account_key("s", 1, "42"));
        assert_ne!(k, account_key("t", 1, "42"));
        assert_ne!(k, account_key("s", 2, "42"));
        assert_ne!(k, account_key("s", 1, "43"));
        assert!(!k.contains("42"));
    }

    #[test]
    fn fresh_secrets_differ() {
        assert_ne!(fresh_secret(""), fresh_secret(""));
        assert_eq!(fresh_secret("x").len(), 64);
    }
}
