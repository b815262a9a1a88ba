//! Keyed hashes with the server secret: signed cookie values, CSRF
//! tokens, pseudonyms of visitors and addresses. Below every layer that
//! needs one (identity and web alike).

use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// HMAC-SHA256 of `parts` (each followed by a unit separator, so
/// `["ab", "c"]` and `["a", "bc"]` differ) with the server secret,
/// URL-safe base64.
pub fn sign(secret: &[u8], parts: &[&str]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes any key length");
    for p in parts {
        mac.update(p.as_bytes());
        mac.update(b"\x1f");
    }
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_separated_and_the_secret_matters() {
        assert_ne!(sign(b"k", &["ab", "c"]), sign(b"k", &["a", "bc"]));
        assert_ne!(sign(b"k", &["a"]), sign(b"other", &["a"]));
        assert_eq!(sign(b"k", &["a"]), sign(b"k", &["a"]));
    }
}
