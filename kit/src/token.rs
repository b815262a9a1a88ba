//! Secrets for addresses that stand for a sign-in (a private calendar
//! feed), which calendar applications cannot do.
//!
//! ```no_run
//! let token = estive_kit::token::random();
//! assert_eq!(token.len(), 32);
//! assert_ne!(token, estive_kit::token::random());
//! ```

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};

use estive_sdk::clock;

/// 128 random bits as 32 hexadecimal digits.
///
/// The standard library seeds each `RandomState` from the system's random
/// source (WASI `random` in the component), and SipHash keyed with that
/// secret gives unpredictable output; two of them give 128 bits, without
/// adding a random-number crate to the component.
pub fn random() -> String {
    token_from(clock::now().unix_millis)
}

fn token_from(millis: i64) -> String {
    let mut token = String::with_capacity(32);
    for part in 0..2u8 {
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u8(part);
        hasher.write_i64(millis);
        token.push_str(&format!("{:016x}", hasher.finish()));
    }
    token
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_tokens_are_long_hexadecimal_and_differ_even_at_the_same_moment() {
        let a = token_from(1);
        let b = token_from(1);
        assert_eq!(a.len(), 32);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }
}
