//! Percent-encoding for links built by hand.
//!
//! ```
//! use estive_sdk::url;
//!
//! let link = format!("?{}", url::query_string(&[("q", "été & piscine"), ("page", "2")]));
//! assert_eq!(link, "?q=%C3%A9t%C3%A9%20%26%20piscine&page=2");
//! ```

/// Percent-encodes a text for a query string value or a path segment:
/// every byte but ASCII letters, digits and `-._~` is encoded.
///
/// ```
/// assert_eq!(estive_sdk::url::encode("a b/c"), "a%20b%2Fc");
/// ```
pub fn encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
    }
    out
}

/// A query string (without the leading `?`) from pairs, in order.
pub fn query_string<K: AsRef<str>, V: AsRef<str>>(pairs: &[(K, V)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k.as_ref()), encode(v.as_ref())))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_characters_are_encoded_and_unreserved_kept() {
        assert_eq!(encode("AZaz09-._~"), "AZaz09-._~");
        assert_eq!(encode("a=b&c?d#e+f%"), "a%3Db%26c%3Fd%23e%2Bf%25");
        assert_eq!(encode("œ"), "%C5%93");
    }

    #[test]
    fn empty_pairs_give_an_empty_query_string() {
        assert_eq!(query_string::<&str, &str>(&[]), "");
    }
}
