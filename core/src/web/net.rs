//! The network edge of a node: who the client is (forwarded headers are
//! believed only from trusted proxies), who may read `/metrics`, whether
//! the node is a development server, and the connection limits `serve`
//! applies.
//!
//! Every reader of the client's address goes through [`client_ip`]: the
//! per-address limits of plugins (through the address pseudonym), the
//! sign-in throttle and `/metrics`.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

use anyhow::{Context as _, Result};
use axum::extract::ConnectInfo;
use axum::http::{Extensions, HeaderMap};
use ipnet::IpNet;

/// Settings of the network edge, from the environment (see the README).
#[derive(Debug, Clone)]
pub struct NetSettings {
    /// `ESTIVE_TRUSTED_PROXIES`: the proxies whose `Forwarded` and
    /// `X-Forwarded-For` headers are believed (addresses or CIDR ranges).
    /// None by default: the peer of the connection is the client.
    pub trusted_proxies: Vec<IpNet>,
    /// `ESTIVE_METRICS_ALLOW`: client addresses that may read `/metrics`
    /// (default: loopback).
    pub metrics_allow: Vec<IpNet>,
    /// `ESTIVE_METRICS_ADDR`: serve `/metrics` on its own listener there
    /// (and no longer on the site's).
    pub metrics_addr: Option<SocketAddr>,
    /// `ESTIVE_DEV=1`: a development server (`cargo xtask demo` sets it):
    /// `<slug>.localhost` and IP literals reach the sites even with
    /// `ESTIVE_UNKNOWN_HOST=404`.
    pub dev: bool,
    /// `ESTIVE_HEADER_TIMEOUT` (seconds): the longest a connection may take
    /// to send a request's headers, or stay idle between requests.
    pub header_timeout: Duration,
    /// `ESTIVE_BODY_TIMEOUT` (seconds): the longest a request's body may
    /// take to arrive once its headers are in.
    pub body_timeout: Duration,
    /// `ESTIVE_MAX_CONNECTIONS`: open connections served at once; `None`
    /// derives it from the open-files limit at start.
    pub max_connections: Option<usize>,
    /// `ESTIVE_MAX_CONNECTIONS_PER_ADDRESS`: open connections of one client
    /// address (an IPv6 /64 counts as one address; trusted proxies are not
    /// limited).
    pub max_connections_per_address: usize,
}

impl Default for NetSettings {
    fn default() -> Self {
        NetSettings {
            trusted_proxies: Vec::new(),
            metrics_allow: loopback(),
            metrics_addr: None,
            dev: false,
            header_timeout: Duration::from_secs(15),
            body_timeout: Duration::from_secs(60),
            max_connections: None,
            max_connections_per_address: 256,
        }
    }
}

fn loopback() -> Vec<IpNet> {
    vec![
        IpNet::new(IpAddr::V4(Ipv4Addr::new(127, 0, 0, 0)), 8).expect("valid prefix"),
        IpNet::from(IpAddr::V6(Ipv6Addr::LOCALHOST)),
    ]
}

/// Addresses or ranges, comma-separated: `10.0.0.1, 192.168.0.0/16, ::1`.
///
/// # Errors
/// An entry that is neither, named.
pub fn parse_nets(list: &str) -> Result<Vec<IpNet>> {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<IpNet>()
                .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
                .map(|n| n.trunc())
                .map_err(|_| anyhow::anyhow!("`{s}` is not an IP address or CIDR range"))
        })
        .collect()
}

impl NetSettings {
    /// Read the environment.
    ///
    /// # Errors
    /// A malformed variable, named.
    pub fn from_env() -> Result<NetSettings> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let seconds = |name: &str, default: Duration| -> Result<Duration> {
            match var(name) {
                Some(v) => Ok(Duration::from_secs_f64(
                    v.trim()
                        .parse::<f64>()
                        .ok()
                        .filter(|s| *s > 0.0 && s.is_finite())
                        .with_context(|| format!("{name} `{v}` is not a number of seconds"))?,
                )),
                None => Ok(default),
            }
        };
        let count = |name: &str| -> Result<Option<usize>> {
            var(name)
                .map(|v| {
                    v.trim()
                        .parse::<usize>()
                        .ok()
                        .filter(|n| *n > 0)
                        .with_context(|| format!("{name} `{v}` is not a positive whole number"))
                })
                .transpose()
        };
        let d = NetSettings::default();
        Ok(NetSettings {
            trusted_proxies: match var("ESTIVE_TRUSTED_PROXIES") {
                Some(v) => parse_nets(&v).context("ESTIVE_TRUSTED_PROXIES")?,
                None => d.trusted_proxies,
            },
            metrics_allow: match var("ESTIVE_METRICS_ALLOW") {
                Some(v) => parse_nets(&v).context("ESTIVE_METRICS_ALLOW")?,
                None => d.metrics_allow,
            },
            metrics_addr: var("ESTIVE_METRICS_ADDR")
                .map(|v| {
                    v.trim()
                        .parse()
                        .with_context(|| format!("ESTIVE_METRICS_ADDR `{v}` is not ip:port"))
                })
                .transpose()?,
            dev: var("ESTIVE_DEV").is_some_and(|v| v.trim() == "1"),
            header_timeout: seconds("ESTIVE_HEADER_TIMEOUT", d.header_timeout)?,
            body_timeout: seconds("ESTIVE_BODY_TIMEOUT", d.body_timeout)?,
            max_connections: count("ESTIVE_MAX_CONNECTIONS")?,
            max_connections_per_address: count("ESTIVE_MAX_CONNECTIONS_PER_ADDRESS")?
                .unwrap_or(d.max_connections_per_address),
        })
    }

    pub fn is_trusted_proxy(&self, ip: IpAddr) -> bool {
        contains(&self.trusted_proxies, ip)
    }

    /// Whether this request may read `/metrics` on the sites' listener.
    ///
    /// Refused when metrics have their own listener; when the client is not
    /// in `ESTIVE_METRICS_ALLOW`; and when the request carries forwarding
    /// headers from a proxy that is not trusted: behind a proxy on the same
    /// machine that nobody declared, every visitor would otherwise come
    /// from loopback.
    pub fn may_read_metrics(&self, extensions: &Extensions, headers: &HeaderMap) -> bool {
        if self.metrics_addr.is_some() {
            return false;
        }
        let Some(peer) = peer(extensions) else {
            return false;
        };
        if !self.is_trusted_proxy(peer) && is_forwarded(headers) {
            return false;
        }
        client_ip(self, extensions, headers).is_some_and(|ip| contains(&self.metrics_allow, ip))
    }
}

fn contains(nets: &[IpNet], ip: IpAddr) -> bool {
    let ip = canonical(ip);
    nets.iter().any(|n| n.contains(&ip))
}

/// IPv4 addresses mapped into IPv6 (a dual-stack listener) as IPv4.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// The address of the connection's peer, as `serve` recorded it.
pub fn peer(extensions: &Extensions) -> Option<IpAddr> {
    extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| canonical(c.0.ip()))
}

fn is_forwarded(headers: &HeaderMap) -> bool {
    headers.contains_key("x-forwarded-for") || headers.contains_key("forwarded")
}

/// The client's address: the connection's peer, unless the peer is a
/// trusted proxy; then the right-most address of the forwarding chain that
/// is not a trusted proxy (the left part of the chain is whatever the
/// client chose to send). `None` when the request did not come through
/// `serve` (a test's `oneshot`).
pub fn client_ip(
    settings: &NetSettings,
    extensions: &Extensions,
    headers: &HeaderMap,
) -> Option<IpAddr> {
    let peer = peer(extensions)?;
    if !settings.is_trusted_proxy(peer) {
        return Some(peer);
    }
    let chain = forwarded_chain(headers);
    let mut last_trusted = peer;
    for hop in chain.iter().rev() {
        match hop {
            Some(ip) if settings.is_trusted_proxy(*ip) => last_trusted = *ip,
            Some(ip) => return Some(*ip),
            // A hop a trusted proxy could not name (`unknown`, a Unix
            // socket, an obfuscated id): the proxy itself is the best
            // address there is.
            None => return Some(last_trusted),
        }
    }
    Some(last_trusted)
}

/// The forwarding chain, client first: `Forwarded: for=…` when present
/// (RFC 7239), else `X-Forwarded-For`. Every header line counts, in order.
fn forwarded_chain(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let lines = |name: &str| {
        headers
            .get_all(name)
            .iter()
            .map(|v| v.to_str().unwrap_or("unknown").to_string())
            .collect::<Vec<_>>()
    };
    let forwarded = lines("forwarded");
    if !forwarded.is_empty() {
        return forwarded
            .iter()
            .flat_map(|l| l.split(','))
            .map(|element| {
                element
                    .split(';')
                    .filter_map(|pair| pair.trim().split_once('='))
                    .find(|(k, _)| k.trim().eq_ignore_ascii_case("for"))
                    .and_then(|(_, v)| parse_node(v))
            })
            .collect();
    }
    lines("x-forwarded-for")
        .iter()
        .flat_map(|l| l.split(','))
        .map(parse_node)
        .collect()
}

/// `192.0.2.1`, `192.0.2.1:80`, `"[2001:db8::1]:4711"`, `2001:db8::1`.
fn parse_node(node: &str) -> Option<IpAddr> {
    let node = node.trim().trim_matches('"');
    if let Ok(ip) = node.parse::<IpAddr>() {
        return Some(canonical(ip));
    }
    if let Ok(sa) = node.parse::<SocketAddr>() {
        return Some(canonical(sa.ip()));
    }
    node.strip_prefix('[')
        .and_then(|r| r.split_once(']'))
        .and_then(|(ip, _)| ip.parse::<IpAddr>().ok())
        .map(canonical)
}

/// The key one address's connections are counted under: an IPv6 client
/// usually holds a whole /64, so it counts as one.
pub fn address_key(ip: IpAddr) -> IpAddr {
    match canonical(ip) {
        IpAddr::V6(v6) => {
            let s = v6.segments();
            IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
        }
        v4 => v4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ext(peer: &str) -> Extensions {
        let mut e = Extensions::new();
        e.insert(ConnectInfo(SocketAddr::new(peer.parse().unwrap(), 40000)));
        e
    }

    fn settings(trusted: &str) -> NetSettings {
        NetSettings {
            trusted_proxies: parse_nets(trusted).unwrap(),
            ..NetSettings::default()
        }
    }

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_static(v));
        }
        h
    }

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn forwarded_headers_from_an_untrusted_peer_are_ignored() {
        let h = headers(&[
            ("x-forwarded-for", "198.51.100.7"),
            ("forwarded", "for=198.51.100.8"),
        ]);
        assert_eq!(
            client_ip(&settings(""), &ext("203.0.113.5"), &h),
            ip("203.0.113.5")
        );
        assert_eq!(
            client_ip(&settings("10.0.0.0/8"), &ext("203.0.113.5"), &h),
            ip("203.0.113.5")
        );
    }

    #[test]
    fn behind_a_trusted_proxy_the_right_most_untrusted_address_is_the_client() {
        let s = settings("10.0.0.1, 10.0.1.0/24");
        // The client forged the first entry; the proxy appended the real one.
        let h = headers(&[("x-forwarded-for", "1.2.3.4, 203.0.113.9")]);
        assert_eq!(client_ip(&s, &ext("10.0.0.1"), &h), ip("203.0.113.9"));
        // Two trusted proxies in a row.
        let h = headers(&[("x-forwarded-for", "1.2.3.4, 203.0.113.9, 10.0.1.3")]);
        assert_eq!(client_ip(&s, &ext("10.0.0.1"), &h), ip("203.0.113.9"));
        // Several header lines are one list.
        let h = headers(&[
            ("x-forwarded-for", "1.2.3.4"),
            ("x-forwarded-for", "203.0.113.10"),
        ]);
        assert_eq!(client_ip(&s, &ext("10.0.0.1"), &h), ip("203.0.113.10"));
        // No header: the proxy itself.
        assert_eq!(
            client_ip(&s, &ext("10.0.0.1"), &HeaderMap::new()),
            ip("10.0.0.1")
        );
        // Garbage where the proxy should have written an address.
        let h = headers(&[("x-forwarded-for", "203.0.113.9, unknown")]);
        assert_eq!(client_ip(&s, &ext("10.0.0.1"), &h), ip("10.0.0.1"));
    }

    #[test]
    fn the_forwarded_header_is_read_with_ports_quotes_and_ipv6() {
        let s = settings("10.0.0.1");
        let h = headers(&[(
            "forwarded",
            "for=1.2.3.4, for=\"[2001:db8::17]:4711\";proto=https;by=10.0.0.1",
        )]);
        assert_eq!(client_ip(&s, &ext("10.0.0.1"), &h), ip("2001:db8::17"));
        let h = headers(&[("x-forwarded-for", "192.0.2.44:5555")]);
        assert_eq!(client_ip(&s, &ext("10.0.0.1"), &h), ip("192.0.2.44"));
    }

    #[test]
    fn without_a_recorded_peer_there_is_no_client_address() {
        let h = headers(&[("x-forwarded-for", "198.51.100.7")]);
        assert_eq!(
            client_ip(&settings("0.0.0.0/0"), &Extensions::new(), &h),
            None
        );
    }

    #[test]
    fn metrics_are_refused_beyond_the_allowed_addresses_and_behind_an_unknown_proxy() {
        let s = NetSettings::default();
        assert!(s.may_read_metrics(&ext("127.0.0.1"), &HeaderMap::new()));
        assert!(s.may_read_metrics(&ext("::1"), &HeaderMap::new()));
        assert!(!s.may_read_metrics(&ext("192.0.2.1"), &HeaderMap::new()));
        let forwarded = headers(&[("x-forwarded-for", "127.0.0.1")]);
        assert!(!s.may_read_metrics(&ext("127.0.0.1"), &forwarded));
        assert!(!s.may_read_metrics(&Extensions::new(), &HeaderMap::new()));
        let own_listener = NetSettings {
            metrics_addr: Some("127.0.0.1:9100".parse().unwrap()),
            ..NetSettings::default()
        };
        assert!(!own_listener.may_read_metrics(&ext("127.0.0.1"), &HeaderMap::new()));
    }

    #[test]
    fn ranges_and_addresses_parse_and_garbage_is_named() {
        let nets = parse_nets("10.0.0.1, 192.168.0.0/16,::1").unwrap();
        assert_eq!(nets.len(), 3);
        assert!(contains(&nets, "192.168.4.5".parse().unwrap()));
        assert!(contains(&nets, "::ffff:10.0.0.1".parse().unwrap()));
        let e = parse_nets("10.0.0.1, proxy.example").unwrap_err();
        assert!(e.to_string().contains("proxy.example"), "{e}");
    }

    #[test]
    fn an_ipv6_client_counts_as_its_slash_64() {
        assert_eq!(
            address_key("2001:db8:1:2:aaaa::1".parse().unwrap()),
            "2001:db8:1:2::".parse::<IpAddr>().unwrap()
        );
        assert_eq!(
            address_key("::ffff:192.0.2.1".parse().unwrap()),
            "192.0.2.1".parse::<IpAddr>().unwrap()
        );
    }
}
