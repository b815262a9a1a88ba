//! Password hashing (argon2id with the crate's recommended parameters).

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

/// Password hashes computed at once, server-wide. Each takes ~19 MiB and
/// tens of milliseconds of a core: without a cap, a burst of sign-ins
/// would starve every other request of CPU and memory.
fn hashing() -> &'static tokio::sync::Semaphore {
    static HASHING: std::sync::LazyLock<tokio::sync::Semaphore> = std::sync::LazyLock::new(|| {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        tokio::sync::Semaphore::new(cores.max(2))
    });
    &HASHING
}

/// How long a request waits for a free hashing slot before it is told to
/// try again in a moment (the wait is bounded, never an endless queue).
pub const HASH_WAIT: std::time::Duration = std::time::Duration::from_secs(3);

/// Every hashing slot stayed taken for [`HASH_WAIT`].
#[derive(Debug, thiserror::Error)]
#[error("the server is busy checking passwords; try again in a moment")]
pub struct Busy;

/// Run a hashing job on the blocking pool once a slot is free.
async fn with_slot<T: Send + 'static>(job: impl FnOnce() -> T + Send + 'static) -> Result<T, Busy> {
    let permit = tokio::time::timeout(HASH_WAIT, hashing().acquire())
        .await
        .map_err(|_| Busy)?
        .map_err(|_| Busy)?;
    let out = tokio::task::spawn_blocking(job).await.map_err(|_| Busy);
    drop(permit);
    out
}

/// [`verify`] off the async workers, within the server-wide cap.
///
/// # Errors
/// [`Busy`] when no slot freed up in time.
pub async fn verify_limited(password: String, stored: String) -> Result<bool, Busy> {
    with_slot(move || verify(&password, &stored)).await
}

/// [`hash`] off the async workers, within the server-wide cap.
///
/// # Errors
/// [`Busy`], or hashing failed.
pub async fn hash_limited(password: String) -> anyhow::Result<String> {
    with_slot(move || hash(&password)).await?
}

/// Shortest accepted password.
pub const MIN_LENGTH: usize = 10;

/// Hash a password for storage.
///
/// # Errors
/// Never in practice (argon2 with default parameters).
pub fn hash(password: &str) -> anyhow::Result<String> {
    let bytes: [u8; 16] = rand::random();
    let salt =
        SaltString::encode_b64(&bytes).map_err(|e| anyhow::anyhow!("cannot make a salt: {e}"))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))
}

/// Check a password against a stored hash.
pub fn verify(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// A hash that matches nothing, verified against when the account does not
/// exist so that timing does not tell which usernames exist.
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(|| hash("estive-no-such-account").unwrap_or_default());
    &DUMMY
}

/// Why a new password is refused (a message key), if it is.
pub fn weakness(password: &str, username: &str) -> Option<&'static str> {
    if password.chars().count() < MIN_LENGTH {
        Some("password-too-short")
    } else if password.eq_ignore_ascii_case(username) {
        Some("password-is-username")
    } else if password.len() > 1024 {
        Some("field-too-long")
    } else {
        None
    }
}

/// A random password for generated accounts.
pub fn generate() -> String {
    use rand::Rng;
    const CHARS: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    (0..16)
        .map(|_| CHARS[rng.random_range(0..CHARS.len())] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_only_its_password() {
        let h = hash("correct horse battery").unwrap();
        assert!(verify("correct horse battery", &h));
        assert!(!verify("wrong horse battery", &h));
        assert!(!verify("anything", "not a hash"));
    }

    #[test]
    fn short_password_is_weak() {
        assert_eq!(weakness("short", "bob"), Some("password-too-short"));
        assert_eq!(
            weakness("MarieDupont", "mariedupont"),
            Some("password-is-username")
        );
        assert_eq!(weakness("a long enough one", "bob"), None);
    }
}
