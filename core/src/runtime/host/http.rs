//! Outbound HTTP for plugins, only to the hosts granted to them on the
//! call's site. Every hop of a redirect is checked again (redirects are
//! followed here, not by the client), ports are 80 and 443 unless the
//! manifest names one, and a host whose addresses are loopback, private,
//! link-local, ULA, CGNAT or otherwise not public is refused unless the
//! server administrator allows it (`ESTIVE_HTTP_ALLOW_PRIVATE`). The
//! address check is done by the client's own resolver, so the address
//! connected to is the address checked (no DNS rebinding in between).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

use crate::runtime::state::{CallInfo, PluginState};

/// A plugin's outbound request.
#[derive(Debug, Clone, PartialEq)]
pub struct HttpRequest {
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<Vec<u8>>,
    pub timeout_ms: Option<u32>,
}

/// The answer to a plugin's request.
#[derive(Debug, Clone, PartialEq)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// Why a plugin's request failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HttpError {
    NotGranted(String),
    InvalidUrl(String),
    Timeout,
    TooLarge(u64),
    Failed(String),
}

/// Largest response body a plugin may receive.
const MAX_BODY: u64 = 64 << 20;
/// Longest a request may take, redirects and body included, whatever the
/// plugin asks.
const MAX_TIMEOUT: Duration = Duration::from_secs(30);
/// Redirects followed before giving up.
const MAX_REDIRECTS: usize = 5;
/// The server administrator's list of hosts that may resolve to
/// non-public addresses (comma-separated names or IP addresses).
pub const ALLOW_PRIVATE_VAR: &str = "ESTIVE_HTTP_ALLOW_PRIVATE";

/// The client plugins' requests go through, and the hosts the server
/// administrator allows to be private.
#[derive(Clone)]
pub struct Outbound {
    client: reqwest::Client,
    allow_private: Arc<RwLock<Vec<String>>>,
}

impl Outbound {
    /// A client allowing the hosts of `ESTIVE_HTTP_ALLOW_PRIVATE`.
    ///
    /// # Errors
    /// The TLS back-end cannot be set up.
    pub fn from_env() -> anyhow::Result<Outbound> {
        let allow = std::env::var(ALLOW_PRIVATE_VAR).unwrap_or_default();
        Outbound::new(allow.split(',').map(str::trim).filter(|h| !h.is_empty()))
    }

    /// A client allowing these hosts to be private.
    ///
    /// # Errors
    /// The TLS back-end cannot be set up.
    pub fn new<'a>(allow_private: impl IntoIterator<Item = &'a str>) -> anyhow::Result<Outbound> {
        let allow_private = Arc::new(RwLock::new(
            allow_private
                .into_iter()
                .map(normalise_host)
                .collect::<Vec<_>>(),
        ));
        let client = reqwest::Client::builder()
            .user_agent(concat!("Estive/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(Duration::from_secs(10))
            // Followed by hand, each hop checked again.
            .redirect(reqwest::redirect::Policy::none())
            // A proxy would resolve and connect where the check cannot see.
            .no_proxy()
            .dns_resolver(Arc::new(PublicOnly {
                allow_private: allow_private.clone(),
            }))
            .build()?;
        Ok(Outbound {
            client,
            allow_private,
        })
    }

    /// Allow one more host to be private (test hosts serving on 127.0.0.1).
    pub fn allow_private(&self, host: &str) {
        self.allow_private
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(normalise_host(host));
    }

    fn private_allowed(&self, host: &str) -> bool {
        allowed(&self.allow_private, host)
    }
}

fn normalise_host(h: &str) -> String {
    h.trim_start_matches('[')
        .trim_end_matches(']')
        .to_ascii_lowercase()
}

fn allowed(list: &RwLock<Vec<String>>, host: &str) -> bool {
    let host = normalise_host(host);
    list.read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .contains(&host)
}

/// A resolver that keeps only public addresses, unless the host is allowed
/// to be private.
struct PublicOnly {
    allow_private: Arc<RwLock<Vec<String>>>,
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// A host that resolved only to addresses plugins may not reach.
#[derive(Debug)]
struct NotPublic(String);

impl std::fmt::Display for NotPublic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "`{}` resolves to a private or local address, which plugins may not reach",
            self.0
        )
    }
}

impl std::error::Error for NotPublic {}

impl Resolve for PublicOnly {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().to_string();
        let private_ok = allowed(&self.allow_private, &host);
        Box::pin(async move {
            let found: Vec<SocketAddr> = match tokio::net::lookup_host((host.as_str(), 0)).await {
                Ok(addrs) => addrs.filter(|a| private_ok || is_public(a.ip())).collect(),
                Err(e) => return Err(Box::new(e) as BoxError),
            };
            if found.is_empty() {
                return Err(Box::new(NotPublic(host)) as BoxError);
            }
            Ok(Box::new(found.into_iter()) as Addrs)
        })
    }
}

/// Whether an address is one on the public Internet: not loopback,
/// private, link-local, shared (CGNAT), unspecified, multicast, broadcast,
/// reserved or documentation, including IPv6 forms that carry such an IPv4
/// address (mapped, compatible, NAT64, 6to4).
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(a == 0                                   // "this network", unspecified
        || a == 10                             // private
        || a == 127                            // loopback
        || (a == 100 && (64..128).contains(&b)) // shared address space (CGNAT)
        || (a == 169 && b == 254)              // link-local
        || (a == 172 && (16..32).contains(&b)) // private
        || (a == 192 && b == 0 && c == 0)      // IETF protocol assignments
        || (a == 192 && b == 0 && c == 2)      // documentation
        || (a == 192 && b == 88 && c == 99)    // 6to4 relay
        || (a == 192 && b == 168)              // private
        || (a == 198 && (18..20).contains(&b)) // benchmarking
        || (a == 198 && b == 51 && c == 100)   // documentation
        || (a == 203 && b == 0 && c == 113)    // documentation
        || a >= 224) // multicast, reserved, broadcast
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    if let Some(v4) = ip.to_ipv4_mapped() {
        return is_public_v4(v4);
    }
    // IPv4-compatible (deprecated, `::a.b.c.d`), `::` and `::1` included.
    if s[..6] == [0; 6] {
        return false;
    }
    // NAT64 (64:ff9b::/96 and the local-use 64:ff9b:1::/48).
    if s[0] == 0x64 && s[1] == 0xff9b {
        if s[2..6] == [0; 4] {
            return is_public_v4(Ipv4Addr::new(
                (s[6] >> 8) as u8,
                s[6] as u8,
                (s[7] >> 8) as u8,
                s[7] as u8,
            ));
        }
        return false;
    }
    // 6to4 carries an IPv4 address in its second and third segments.
    if s[0] == 0x2002 {
        return is_public_v4(Ipv4Addr::new(
            (s[1] >> 8) as u8,
            s[1] as u8,
            (s[2] >> 8) as u8,
            s[2] as u8,
        ));
    }
    !((s[0] & 0xfe00) == 0xfc00          // unique local (ULA)
        || (s[0] & 0xffc0) == 0xfe80     // link-local
        || (s[0] & 0xffc0) == 0xfec0     // site-local (deprecated)
        || (s[0] & 0xff00) == 0xff00     // multicast
        || (s[0] == 0x2001 && s[1] == 0x0db8) // documentation
        || (s[0] == 0x2001 && s[1] == 0)  // Teredo
        || (s[0] == 0x0100 && s[1..4] == [0; 3])) // discard-only
}

/// What one hop asks for.
struct Hop {
    method: reqwest::Method,
    url: reqwest::Url,
    headers: Vec<(String, String)>,
    body: Option<Vec<u8>>,
}

impl PluginState {
    /// Send a plugin's request and wait for the whole answer.
    pub async fn fetch(
        &mut self,
        req: HttpRequest,
    ) -> wasmtime::Result<Result<HttpResponse, HttpError>> {
        let url = match parse_url(&req.url) {
            Ok(u) => u,
            Err(e) => return Ok(Err(e)),
        };
        let method = match reqwest::Method::from_bytes(req.method.to_ascii_uppercase().as_bytes()) {
            Ok(m) if ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"].contains(&m.as_str()) => m,
            _ => {
                return Ok(Err(HttpError::InvalidUrl(format!(
                    "method `{}` is not allowed",
                    req.method
                ))));
            }
        };
        let timeout = req.timeout_ms.map_or(MAX_TIMEOUT, |ms| {
            Duration::from_millis(u64::from(ms)).min(MAX_TIMEOUT)
        });
        let hop = Hop {
            method,
            url,
            headers: req.headers,
            body: req.body,
        };
        // Owned: the state itself is not `Sync`, so no reference to it may
        // live across an await.
        let call = self.call()?.clone();
        let outbound = self.services.http.clone();
        // One deadline for every hop and the body: a chain of slow
        // redirects cannot add up past it.
        match tokio::time::timeout(timeout, follow(&call, &outbound, hop, timeout)).await {
            Ok(out) => Ok(out),
            Err(_) => Ok(Err(HttpError::Timeout)),
        }
    }
}

/// Send `hop`, following redirects by hand, each checked like the first
/// request.
async fn follow(
    call: &CallInfo,
    outbound: &Outbound,
    mut hop: Hop,
    timeout: Duration,
) -> Result<HttpResponse, HttpError> {
    let started = std::time::Instant::now();
    for redirects in 0..=MAX_REDIRECTS {
        if let Err(msg) = check_hop(call, outbound, &hop.url, redirects) {
            tracing::warn!(
                plugin = %call.manifest.name, site = %call.site.slug,
                url = %hop.url, redirects, reason = %msg,
                "outbound HTTP refused"
            );
            return Err(HttpError::NotGranted(msg));
        }
        let mut builder = outbound
            .client
            .request(hop.method.clone(), hop.url.clone())
            .timeout(timeout.saturating_sub(started.elapsed()));
        for (k, v) in &hop.headers {
            builder = builder.header(k, v);
        }
        if let Some(body) = &hop.body {
            builder = builder.body(body.clone());
        }
        let resp = match builder.send().await {
            Ok(r) => r,
            Err(e) => return Err(send_error(&e, call, &hop.url)),
        };
        let location = resp
            .status()
            .is_redirection()
            .then(|| resp.headers().get(reqwest::header::LOCATION))
            .flatten()
            .and_then(|l| l.to_str().ok())
            .map(str::to_string);
        let Some(location) = location else {
            return read_body(resp).await;
        };
        if redirects == MAX_REDIRECTS {
            break;
        }
        let next = hop
            .url
            .join(&location)
            .map_err(|e| HttpError::InvalidUrl(format!("redirect to `{location}`: {e}")))?;
        let next = parse_url(next.as_str())?;
        let status = resp.status().as_u16();
        // As browsers do: 303 becomes GET, and so does a POST on 301/302;
        // 307 and 308 keep the method and body.
        if (status == 303 && hop.method != reqwest::Method::HEAD)
            || (matches!(status, 301 | 302) && hop.method == reqwest::Method::POST)
        {
            hop.method = reqwest::Method::GET;
            hop.body = None;
            hop.headers.retain(|(k, _)| {
                !k.eq_ignore_ascii_case("content-type") && !k.eq_ignore_ascii_case("content-length")
            });
        }
        // Credentials meant for one host are not handed to another.
        if next.host_str() != hop.url.host_str()
            || next.port_or_known_default() != hop.url.port_or_known_default()
        {
            hop.headers.retain(|(k, _)| {
                !["authorization", "cookie", "proxy-authorization"]
                    .iter()
                    .any(|s| k.eq_ignore_ascii_case(s))
            });
        }
        hop.url = next;
    }
    Err(HttpError::Failed(format!(
        "more than {MAX_REDIRECTS} redirects"
    )))
}

/// The grant and address checks of one hop (`redirects` before it).
fn check_hop(
    call: &CallInfo,
    outbound: &Outbound,
    url: &reqwest::Url,
    redirects: usize,
) -> Result<(), String> {
    // The URL parser has already put addresses in their usual form
    // (`0x7f.1` is `127.0.0.1`), IPv6 ones in brackets.
    let host = match url.host_str() {
        Some(h) if !h.is_empty() => normalise_host(h),
        _ => return Err("the URL has no host".into()),
    };
    let port = url.port_or_known_default().unwrap_or(0);
    let prefix = if redirects > 0 {
        format!("redirect to `{url}` refused: ")
    } else {
        String::new()
    };
    call.grants
        .check_http(&host, port)
        .map_err(|m| format!("{prefix}{m}"))?;
    // Names are checked by the resolver as the client connects; an
    // address in the URL never reaches a resolver.
    if let Ok(ip) = host.parse::<IpAddr>()
        && !is_public(ip)
        && !outbound.private_allowed(&host)
    {
        return Err(format!(
            "{prefix}`{host}` is a private or local address, which plugins may not reach"
        ));
    }
    Ok(())
}

fn parse_url(s: &str) -> Result<reqwest::Url, HttpError> {
    match reqwest::Url::parse(s) {
        Ok(u) if matches!(u.scheme(), "http" | "https") => {
            if !u.username().is_empty() || u.password().is_some() {
                return Err(HttpError::InvalidUrl(
                    "user information in the URL is not allowed".into(),
                ));
            }
            Ok(u)
        }
        Ok(u) => Err(HttpError::InvalidUrl(format!(
            "scheme `{}` is not http(s)",
            u.scheme()
        ))),
        Err(e) => Err(HttpError::InvalidUrl(e.to_string())),
    }
}

/// What a failed send means for the plugin: an address refused by the
/// resolver is a refusal, named as such.
fn send_error(e: &reqwest::Error, call: &CallInfo, url: &reqwest::Url) -> HttpError {
    if e.is_timeout() {
        return HttpError::Timeout;
    }
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = source {
        if let Some(np) = s.downcast_ref::<NotPublic>() {
            tracing::warn!(
                plugin = %call.manifest.name, site = %call.site.slug, %url,
                "outbound HTTP refused: the host is not public"
            );
            return HttpError::NotGranted(np.to_string());
        }
        source = s.source();
    }
    HttpError::Failed(e.to_string())
}

async fn read_body(mut resp: reqwest::Response) -> Result<HttpResponse, HttpError> {
    if resp.content_length().is_some_and(|n| n > MAX_BODY) {
        return Err(HttpError::TooLarge(MAX_BODY));
    }
    let status = resp.status().as_u16();
    let headers = resp
        .headers()
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_string(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let mut body = Vec::new();
    loop {
        match resp.chunk().await {
            Ok(Some(chunk)) => {
                if body.len() as u64 + chunk.len() as u64 > MAX_BODY {
                    return Err(HttpError::TooLarge(MAX_BODY));
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => break,
            Err(e) if e.is_timeout() => return Err(HttpError::Timeout),
            Err(e) => return Err(HttpError::Failed(e.to_string())),
        }
    }
    Ok(HttpResponse {
        status,
        headers,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn public(s: &str) -> bool {
        is_public(s.parse().unwrap())
    }

    #[test]
    fn local_and_private_addresses_are_not_public() {
        for a in [
            "127.0.0.1",
            "127.1.2.3",
            "0.0.0.0",
            "10.0.0.1",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "100.127.255.255",
            "224.0.0.1",
            "255.255.255.255",
            "240.0.0.1",
            "::",
            "::1",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "ff02::1",
            "::ffff:127.0.0.1",
            "::ffff:10.1.2.3",
            "::127.0.0.1",
            "64:ff9b::7f00:1",
            "2002:7f00:1::1",
            "2002:c0a8:101::1",
            "2001:db8::1",
        ] {
            assert!(!public(a), "{a} counted as public");
        }
    }

    #[test]
    fn internet_addresses_are_public() {
        for a in [
            "1.1.1.1",
            "93.184.216.34",
            "172.32.0.1",
            "100.128.0.1",
            "192.169.0.1",
            "2a01:cb00::1",
            "::ffff:93.184.216.34",
            "64:ff9b::5db8:d822",
            "2002:5db8:d822::1",
        ] {
            assert!(public(a), "{a} counted as private");
        }
    }

    #[tokio::test]
    async fn the_resolver_drops_loopback_unless_the_host_is_allowed() {
        let refused = PublicOnly {
            allow_private: Arc::new(RwLock::new(Vec::new())),
        };
        let name: Name = "localhost".parse().unwrap();
        let e = match refused.resolve(name).await {
            Ok(addrs) => panic!("resolved to {:?}", addrs.collect::<Vec<_>>()),
            Err(e) => e,
        };
        assert!(e.to_string().contains("private or local"), "{e}");
        let allowed = PublicOnly {
            allow_private: Arc::new(RwLock::new(vec!["localhost".into()])),
        };
        let addrs: Vec<SocketAddr> = allowed
            .resolve("localhost".parse().unwrap())
            .await
            .unwrap()
            .collect();
        assert!(addrs.iter().all(|a| a.ip().is_loopback()) && !addrs.is_empty());
    }
}
