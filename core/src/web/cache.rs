//! The page cache for visitors who are not signed in.
//!
//! A plugin may mark a portal GET route with `cache-seconds = N` in its
//! manifest. It promises that, for a visitor who is not signed in, the
//! answer depends only on the address (path and query), the language, the
//! site's configuration and the plugin's own stored data on that site, and
//! that it may be shown up to N seconds old. The host then keeps the
//! finished response (the page in its layout, or the download) and serves it
//! again without calling the plugin.
//!
//! An entry stops being served when:
//! - the plugin writes to its tables on that site through this node (every
//!   transaction moves the storage's write clock of that site and plugin,
//!   see [`crate::storage::WriteClock`]);
//! - the configuration revision moves (settings, themes, plugin versions);
//! - the clock plugins see is shifted (tests and demos set "now");
//! - its N seconds have passed, which bounds how late a page notices the
//!   time passing (a poll closing) and writes made by other nodes.
//!
//! Only whole, personal-free responses are kept: status 200, no cookie set
//! by the answer, and no trace of the visitor's CSRF token in the body (a
//! page with a form is personal and is never shared).
//!
//! The Content-Security-Policy nonce is per response: an entry remembers
//! where the nonce of the response it was made from stands in its body, and
//! each hit is served with the nonce of its own response there.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// Most entries kept at once.
const MAX_ENTRIES: usize = 4_096;
/// Most bytes of bodies kept at once.
const MAX_BYTES: usize = 64 << 20;
/// Largest body kept.
const MAX_BODY: usize = 1 << 20;
/// The response headers an entry keeps (the rest are per request).
const KEPT_HEADERS: [header::HeaderName; 5] = [
    header::CONTENT_TYPE,
    header::CACHE_CONTROL,
    header::CONTENT_DISPOSITION,
    header::X_CONTENT_TYPE_OPTIONS,
    // A download's sandbox policy (pages get theirs, with the nonce of
    // each response, from the security layer after the cache).
    header::CONTENT_SECURITY_POLICY,
];

/// What identifies a cached answer.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    pub site_id: i64,
    pub plugin: String,
    pub lang: &'static str,
    /// Path and query, as requested.
    pub target: String,
}

/// The conditions an entry was made under; it is served only while they
/// all still hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// The configuration revision.
    pub revision: i64,
    /// The write clock of the site and plugin, read before the plugin ran.
    pub writes: u64,
    /// The shift of the clock plugins see (tests and demos move it): a
    /// page made at another "now" is not served.
    pub clock_offset_ms: i64,
}

struct Entry {
    stamp: Stamp,
    expires: Instant,
    headers: Vec<(header::HeaderName, HeaderValue)>,
    body: Bytes,
    /// Offsets of the CSP nonce in `body`, and its length.
    nonce_at: Vec<usize>,
    nonce_len: usize,
}

impl Entry {
    /// The body with `nonce` in place of the one it was made with.
    fn body_for(&self, nonce: &str) -> Bytes {
        if self.nonce_at.is_empty() || nonce.len() != self.nonce_len {
            return self.body.clone();
        }
        let mut out = Vec::with_capacity(self.body.len());
        let mut from = 0;
        for at in &self.nonce_at {
            out.extend_from_slice(&self.body[from..*at]);
            out.extend_from_slice(nonce.as_bytes());
            from = at + self.nonce_len;
        }
        out.extend_from_slice(&self.body[from..]);
        Bytes::from(out)
    }
}

#[derive(Default)]
struct Entries {
    map: HashMap<Key, Entry>,
    bytes: usize,
}

impl Entries {
    fn remove(&mut self, key: &Key) {
        if let Some(e) = self.map.remove(key) {
            self.bytes -= e.body.len();
        }
    }

    /// Make room for `extra` bytes and one entry: drop what can no longer
    /// be served, then the entries closest to expiry.
    fn make_room(&mut self, extra: usize, now: Instant) {
        if self.map.len() < MAX_ENTRIES && self.bytes + extra <= MAX_BYTES {
            return;
        }
        let before = self.map.len();
        self.map.retain(|_, e| e.expires > now);
        self.bytes = self.map.values().map(|e| e.body.len()).sum();
        if self.map.len() < before && self.map.len() < MAX_ENTRIES * 3 / 4 {
            return;
        }
        let mut by_expiry: Vec<(Instant, Key)> = self
            .map
            .iter()
            .map(|(k, e)| (e.expires, k.clone()))
            .collect();
        by_expiry.sort_by_key(|(at, _)| *at);
        for (_, k) in by_expiry.into_iter().take(MAX_ENTRIES / 4) {
            self.remove(&k);
        }
        while self.bytes + extra > MAX_BYTES {
            let Some(k) = self
                .map
                .iter()
                .min_by_key(|(_, e)| e.expires)
                .map(|(k, _)| k.clone())
            else {
                break;
            };
            self.remove(&k);
        }
    }
}

/// The cache, one per node.
#[derive(Default)]
pub struct PageCache {
    entries: Mutex<Entries>,
    hits: AtomicU64,
    misses: AtomicU64,
}

impl PageCache {
    /// The kept answer for `key`, when it was made under `stamp` and is
    /// still young enough, with `nonce` as its CSP nonce.
    pub fn get(&self, key: &Key, stamp: Stamp, nonce: &str) -> Option<Response> {
        let now = Instant::now();
        let found = {
            let mut entries = self.entries.lock().expect("page cache lock");
            match entries.map.get(key) {
                Some(e) if e.stamp == stamp && e.expires > now => {
                    Some((e.headers.clone(), e.body_for(nonce)))
                }
                Some(_) => {
                    entries.remove(key);
                    None
                }
                None => None,
            }
        };
        let Some((headers, body)) = found else {
            self.misses.fetch_add(1, Ordering::Relaxed);
            return None;
        };
        self.hits.fetch_add(1, Ordering::Relaxed);
        let mut out = Response::new(Body::from(body));
        out.headers_mut().extend(headers);
        Some(out)
    }

    /// Keep `response` for `key` when it may be shared, and give it back
    /// for this request either way. `nonce` is the CSP nonce it was made
    /// with.
    pub async fn keep(
        &self,
        key: Key,
        stamp: Stamp,
        max_age: Duration,
        csrf: &str,
        nonce: &str,
        response: Response,
    ) -> Response {
        if response.status() != StatusCode::OK
            || response.headers().contains_key(header::SET_COOKIE)
        {
            return response;
        }
        let (parts, body) = response.into_parts();
        let body = match axum::body::to_bytes(body, usize::MAX).await {
            Ok(b) => b,
            Err(e) => {
                tracing::warn!(error = %e, "page cache: could not read a response body");
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
        };
        if body.len() <= MAX_BODY && !personal(&body, csrf) {
            let headers = kept_headers(&parts.headers);
            let nonce_at = if nonce.is_empty() {
                Vec::new()
            } else {
                memchr::memmem::find_iter(&body, nonce.as_bytes()).collect()
            };
            let now = Instant::now();
            let mut entries = self.entries.lock().expect("page cache lock");
            entries.remove(&key);
            entries.make_room(body.len(), now);
            entries.bytes += body.len();
            entries.map.insert(
                key,
                Entry {
                    stamp,
                    expires: now + max_age,
                    headers,
                    body: body.clone(),
                    nonce_at,
                    nonce_len: nonce.len(),
                },
            );
        }
        Response::from_parts(parts, Body::from(body))
    }

    /// Hits and misses so far, for `/metrics`.
    pub fn counts(&self) -> (u64, u64) {
        (
            self.hits.load(Ordering::Relaxed),
            self.misses.load(Ordering::Relaxed),
        )
    }

    /// Entries and bytes held now, for `/metrics`.
    pub fn size(&self) -> (usize, usize) {
        let entries = self.entries.lock().expect("page cache lock");
        (entries.map.len(), entries.bytes)
    }
}

fn kept_headers(headers: &HeaderMap) -> Vec<(header::HeaderName, HeaderValue)> {
    KEPT_HEADERS
        .iter()
        .filter_map(|name| headers.get(name).map(|v| (name.clone(), v.clone())))
        .collect()
}

/// Whether a body carries the visitor's CSRF token (a form meant for them).
fn personal(body: &[u8], csrf: &str) -> bool {
    !csrf.is_empty() && memchr::memmem::find(body, csrf.as_bytes()).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(target: &str) -> Key {
        Key {
            site_id: 1,
            plugin: "polls".into(),
            lang: "fr",
            target: target.into(),
        }
    }

    const STAMP: Stamp = Stamp {
        revision: 3,
        writes: 7,
        clock_offset_ms: 0,
    };

    fn page(body: &str) -> Response {
        let mut r = Response::new(Body::from(body.to_owned()));
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        r
    }

    async fn text(r: Response) -> String {
        let b = axum::body::to_bytes(r.into_body(), usize::MAX)
            .await
            .unwrap();
        String::from_utf8(b.to_vec()).unwrap()
    }

    #[tokio::test]
    async fn a_kept_page_is_served_only_under_the_same_stamp_and_age() {
        let cache = PageCache::default();
        let long = Duration::from_secs(60);
        let r = cache
            .keep(key("/a"), STAMP, long, "tok", "", page("<p>a</p>"))
            .await;
        assert_eq!(text(r).await, "<p>a</p>");
        let hit = cache.get(&key("/a"), STAMP, "").expect("kept");
        assert_eq!(
            hit.headers()[header::CONTENT_TYPE],
            "text/html; charset=utf-8"
        );
        assert_eq!(text(hit).await, "<p>a</p>");
        // Another address, a write, a new revision: not served.
        assert!(cache.get(&key("/a?x=1"), STAMP, "").is_none());
        let written = Stamp { writes: 8, ..STAMP };
        assert!(cache.get(&key("/a"), written, "").is_none());
        // The stale entry was dropped on the way.
        assert!(cache.get(&key("/a"), STAMP, "").is_none());
        cache
            .keep(
                key("/b"),
                STAMP,
                Duration::from_millis(1),
                "tok",
                "",
                page("b"),
            )
            .await;
        std::thread::sleep(Duration::from_millis(5));
        assert!(cache.get(&key("/b"), STAMP, "").is_none(), "expired");
        assert_eq!(cache.counts(), (1, 4));
    }

    #[tokio::test]
    async fn a_hit_carries_the_nonce_of_its_own_response() {
        let cache = PageCache::default();
        let long = Duration::from_secs(60);
        let made = r#"<style nonce="AAAAAAAAAAAAAAAAAAAAAA">x</style><script nonce="AAAAAAAAAAAAAAAAAAAAAA" src="/s.js"></script>"#;
        cache
            .keep(
                key("/n"),
                STAMP,
                long,
                "tok",
                "AAAAAAAAAAAAAAAAAAAAAA",
                page(made),
            )
            .await;
        let hit = cache
            .get(&key("/n"), STAMP, "BBBBBBBBBBBBBBBBBBBBBB")
            .expect("kept");
        let body = text(hit).await;
        assert_eq!(body.matches("BBBBBBBBBBBBBBBBBBBBBB").count(), 2, "{body}");
        assert!(!body.contains("AAAA"), "{body}");
    }

    #[tokio::test]
    async fn personal_or_failed_answers_are_not_kept() {
        let cache = PageCache::default();
        let long = Duration::from_secs(60);
        let form = page(r#"<input name="csrf_token" value="s3cr3t-token">"#);
        let r = cache
            .keep(key("/form"), STAMP, long, "s3cr3t-token", "", form)
            .await;
        assert!(text(r).await.contains("s3cr3t-token"), "still answered");
        assert!(cache.get(&key("/form"), STAMP, "").is_none());

        let mut missing = page("absent");
        *missing.status_mut() = StatusCode::NOT_FOUND;
        cache.keep(key("/404"), STAMP, long, "t", "", missing).await;
        assert!(cache.get(&key("/404"), STAMP, "").is_none());

        let mut cookie = page("with a cookie");
        cookie
            .headers_mut()
            .insert(header::SET_COOKIE, HeaderValue::from_static("a=1"));
        cache.keep(key("/c"), STAMP, long, "t", "", cookie).await;
        assert!(cache.get(&key("/c"), STAMP, "").is_none());
        assert_eq!(cache.size(), (0, 0));
    }

    #[tokio::test]
    async fn the_cache_stays_within_its_bounds() {
        let cache = PageCache::default();
        let long = Duration::from_secs(60);
        for i in 0..MAX_ENTRIES + 10 {
            cache
                .keep(key(&format!("/{i}")), STAMP, long, "t", "", page("x"))
                .await;
        }
        let (n, bytes) = cache.size();
        assert!(n <= MAX_ENTRIES, "{n} entries");
        assert_eq!(bytes, n);
        // The newest is there.
        assert!(
            cache
                .get(&key(&format!("/{}", MAX_ENTRIES + 9)), STAMP, "")
                .is_some()
        );
        let big = "y".repeat(MAX_BODY + 1);
        cache
            .keep(key("/big"), STAMP, long, "t", "", page(&big))
            .await;
        assert!(
            cache.get(&key("/big"), STAMP, "").is_none(),
            "too big to keep"
        );
    }
}
