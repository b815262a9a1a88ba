//! Accepting and serving connections with bounds a slow or hostile client
//! cannot lift: how long the headers may take (and a connection may idle),
//! how long a body may take, how long a response may wait for a client
//! that does not read it, how many connections are open at once and how
//! many of them one address holds.
//!
//! `axum::serve` offers none of these knobs, so this is its accept loop
//! written out over hyper's HTTP/1 connection builder (see
//! `docs/architecture.md`, "Connections").

use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::{Arc, Mutex, OnceLock};
use std::task::{Context, Poll, ready};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::ConnectInfo;
use http_body::{Frame, SizeHint};
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncReadExt as _, AsyncWrite, AsyncWriteExt as _, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::time::{Instant, Sleep};
use tower::ServiceExt as _;

use super::net::{NetSettings, address_key};

/// File descriptors kept for everything that is not a client connection
/// (the database and its WAL, reader and writer connections, the compiled
/// plugin cache, mail, outbound HTTP).
const RESERVED_FILES: u64 = 256;
/// The most connections served at once when `ESTIVE_MAX_CONNECTIONS` is
/// not set, whatever the open-files limit (each costs buffers and a task).
const MAX_CONNECTIONS_DEFAULT: u64 = 16_384;
/// Connections being told "503" at once; past that they are just closed.
const REFUSALS_AT_ONCE: usize = 64;
/// How long a refused connection is given to send its request and take
/// its 503.
const REFUSAL_WRITE: Duration = Duration::from_secs(2);
/// How long open connections may finish their requests after shutdown.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// The limits one accept loop applies.
#[derive(Debug, Clone)]
pub struct Limits {
    pub header_timeout: Duration,
    pub body_timeout: Duration,
    /// A response that the client does not read for this long is dropped.
    pub write_stall: Duration,
    pub max_connections: usize,
    pub max_per_address: usize,
}

impl Limits {
    /// The limits of `settings`, the connection cap derived from the
    /// open-files limit when not set.
    pub fn of(settings: &NetSettings) -> Limits {
        let files = raise_open_files_limit();
        Limits {
            header_timeout: settings.header_timeout,
            body_timeout: settings.body_timeout,
            write_stall: settings.body_timeout,
            max_connections: settings.max_connections.unwrap_or_else(|| {
                files
                    .saturating_sub(RESERVED_FILES)
                    .clamp(64, MAX_CONNECTIONS_DEFAULT) as usize
            }),
            max_per_address: settings.max_connections_per_address,
        }
    }
}

/// Raise the soft open-files limit to the hard limit (once per process) and
/// return the limit in effect. A server holds one file per connection; the
/// usual soft limit of 1,024 is what stalled connections exhausted.
pub fn raise_open_files_limit() -> u64 {
    static LIMIT: OnceLock<u64> = OnceLock::new();
    *LIMIT.get_or_init(|| {
        #[cfg(unix)]
        {
            use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
            let now = getrlimit(Resource::Nofile);
            let raised = Rlimit {
                current: now.maximum,
                maximum: now.maximum,
            };
            let limit = match setrlimit(Resource::Nofile, raised) {
                Ok(()) => now.maximum,
                Err(e) => {
                    tracing::warn!(error = %e, "cannot raise the open-files limit");
                    now.current
                }
            };
            let limit = limit.unwrap_or(u64::MAX);
            tracing::info!(open_files = limit, "open-files limit");
            limit
        }
        #[cfg(not(unix))]
        {
            MAX_CONNECTIONS_DEFAULT + RESERVED_FILES
        }
    })
}

/// Serve `app` on `listener` until `shutdown` resolves, within `limits`.
/// Trusted proxies are not held to the per-address cap: every visitor
/// behind them shares their address.
///
/// # Errors
/// None today (accept errors are logged and retried); kept for the caller's
/// `?`.
pub async fn serve(
    app: Router,
    listener: TcpListener,
    limits: Limits,
    trusted: Arc<NetSettings>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(true);
    let open = Arc::new(Semaphore::new(limits.max_connections));
    let refusals = Arc::new(Semaphore::new(REFUSALS_AT_ONCE));
    let per_address = Arc::new(AddressCounts::default());
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    accept_failed(&e).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(permit) = open.clone().try_acquire_owned() else {
            crate::metrics::connection_refused("server");
            refuse(stream, &refusals);
            continue;
        };
        let address = (!trusted.is_trusted_proxy(peer.ip()))
            .then(|| per_address.enter(peer.ip(), limits.max_per_address));
        let address = match address {
            Some(None) => {
                crate::metrics::connection_refused("address");
                refuse(stream, &refusals);
                continue;
            }
            Some(Some(slot)) => Some(slot),
            None => None,
        };
        let _ = stream.set_nodelay(true);
        let io = TokioIo::new(StallGuard::new(stream, limits.write_stall));
        let service = per_connection(app.clone(), peer, limits.body_timeout);
        let conn = graceful.watch(http.serve_connection(io, service));
        tokio::spawn(async move {
            let _ = conn.await;
            drop(address);
            drop(permit);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(SHUTDOWN_GRACE) => {}
    }
    Ok(())
}

/// The service of one connection: the app, with the peer's address for
/// [`super::net::client_ip`] and a deadline on the request body.
fn per_connection(
    app: Router,
    peer: SocketAddr,
    body_timeout: Duration,
) -> impl hyper::service::Service<
    hyper::Request<Incoming>,
    Response = axum::response::Response,
    Error = Infallible,
    Future = impl Future<Output = Result<axum::response::Response, Infallible>> + Send,
> + Clone {
    hyper::service::service_fn(move |mut req: hyper::Request<Incoming>| {
        req.extensions_mut().insert(ConnectInfo(peer));
        let deadline = Instant::now() + body_timeout;
        let req = req.map(|body| Body::new(DeadlineBody::new(body, deadline)));
        app.clone().oneshot(req)
    })
}

/// Errors of `accept` that concern one connection, not the listener.
fn is_connection_error(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    )
}

async fn accept_failed(e: &io::Error) {
    if is_connection_error(e) {
        return;
    }
    // Out of files or memory: wait for connections to close rather than
    // spin on the listener.
    tracing::warn!(error = %e, "cannot accept a connection");
    tokio::time::sleep(Duration::from_millis(50)).await;
}

/// Tell a connection over a cap that the server is busy, briefly, then
/// close it; past [`REFUSALS_AT_ONCE`] close it at once.
fn refuse(mut stream: TcpStream, refusals: &Arc<Semaphore>) {
    let Ok(permit) = refusals.clone().try_acquire_owned() else {
        return;
    };
    tokio::spawn(async move {
        const BODY: &str = "Serveur occupé, réessayez dans un instant.\nServer busy, please try again in a moment.\n";
        let answer = format!(
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n\
             Retry-After: 5\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{BODY}",
            BODY.len()
        );
        let _ = tokio::time::timeout(REFUSAL_WRITE, async {
            // Answer once the request's head is in (an HTTP client takes
            // an answer that comes before its request for a broken
            // server), and read what else came before closing: closing a
            // socket with unread data resets it, and the answer with it.
            let mut head = Vec::new();
            let mut buf = [0u8; 2048];
            while head.len() < 16 << 10 && memchr::memmem::find(&head, b"\r\n\r\n").is_none() {
                match stream.read(&mut buf).await {
                    Ok(0) | Err(_) => return,
                    Ok(n) => head.extend_from_slice(&buf[..n]),
                }
            }
            let _ = stream.write_all(answer.as_bytes()).await;
            let _ = stream.shutdown().await;
            while let Ok(n) = stream.read(&mut buf).await {
                if n == 0 {
                    break;
                }
            }
        })
        .await;
        drop(permit);
    });
}

/// Open connections per client address.
#[derive(Default)]
struct AddressCounts(Mutex<HashMap<IpAddr, usize>>);

/// One connection of an address; leaving gives its place back.
struct AddressSlot {
    counts: Arc<AddressCounts>,
    key: IpAddr,
}

impl AddressCounts {
    fn enter(self: &Arc<Self>, ip: IpAddr, max: usize) -> Option<AddressSlot> {
        let key = address_key(ip);
        let mut counts = self.0.lock().expect("address counts lock");
        let n = counts.entry(key).or_insert(0);
        if *n >= max {
            return None;
        }
        *n += 1;
        Some(AddressSlot {
            counts: self.clone(),
            key,
        })
    }
}

impl Drop for AddressSlot {
    fn drop(&mut self) {
        let mut counts = self.counts.0.lock().expect("address counts lock");
        if let Some(n) = counts.get_mut(&self.key) {
            *n -= 1;
            if *n == 0 {
                counts.remove(&self.key);
            }
        }
    }
}

/// The request body took longer than `ESTIVE_BODY_TIMEOUT`.
#[derive(Debug, thiserror::Error)]
#[error("the request body did not arrive in time")]
pub struct BodyTimeout;

/// A request body that fails once its deadline has passed; the handler
/// reading it answers with an error and hyper closes the connection, since
/// the body was not read to its end.
struct DeadlineBody {
    inner: Incoming,
    deadline: Instant,
    /// Armed the first time the body is not ready: a body that is already
    /// there (most requests) never touches the timer.
    sleep: Option<Pin<Box<Sleep>>>,
}

impl DeadlineBody {
    fn new(inner: Incoming, deadline: Instant) -> DeadlineBody {
        DeadlineBody {
            inner,
            deadline,
            sleep: None,
        }
    }
}

impl http_body::Body for DeadlineBody {
    type Data = Bytes;
    type Error = axum::BoxError;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::BoxError>>> {
        let this = self.get_mut();
        if let Poll::Ready(frame) = Pin::new(&mut this.inner).poll_frame(cx) {
            return Poll::Ready(frame.map(|f| f.map_err(Into::into)));
        }
        let deadline = this.deadline;
        let sleep = this
            .sleep
            .get_or_insert_with(|| Box::pin(tokio::time::sleep_until(deadline)));
        ready!(sleep.as_mut().poll(cx));
        Poll::Ready(Some(Err(BodyTimeout.into())))
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// A TCP stream whose writes fail once the client has taken nothing for
/// `stall`: a client that asks for pages and never reads them would
/// otherwise hold its connection, and its response, for ever.
struct StallGuard {
    inner: TcpStream,
    stall: Duration,
    /// Running while a write waits for the client.
    waiting: Option<Pin<Box<Sleep>>>,
}

impl StallGuard {
    fn new(inner: TcpStream, stall: Duration) -> StallGuard {
        StallGuard {
            inner,
            stall,
            waiting: None,
        }
    }

    /// Called when a write could not proceed: time the wait.
    fn poll_stall(&mut self, cx: &mut Context<'_>) -> Poll<io::Error> {
        let stall = self.stall;
        let sleep = self
            .waiting
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(stall)));
        ready!(sleep.as_mut().poll(cx));
        Poll::Ready(io::Error::new(
            io::ErrorKind::TimedOut,
            "the client stopped reading",
        ))
    }
}

impl AsyncRead for StallGuard {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_read(cx, buf)
    }
}

impl AsyncWrite for StallGuard {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        match Pin::new(&mut this.inner).poll_write(cx, buf) {
            Poll::Ready(r) => {
                this.waiting = None;
                Poll::Ready(r)
            }
            Poll::Pending => this.poll_stall(cx).map(Err),
        }
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        match Pin::new(&mut this.inner).poll_write_vectored(cx, bufs) {
            Poll::Ready(r) => {
                this.waiting = None;
                Poll::Ready(r)
            }
            Poll::Pending => this.poll_stall(cx).map(Err),
        }
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_address_holds_at_most_its_share_and_gets_it_back() {
        let counts = Arc::new(AddressCounts::default());
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        let a = counts.enter(ip, 2).expect("first");
        let _b = counts.enter(ip, 2).expect("second");
        assert!(counts.enter(ip, 2).is_none(), "third is over the cap");
        assert!(
            counts.enter("192.0.2.2".parse().unwrap(), 2).is_some(),
            "another address is not affected"
        );
        drop(a);
        assert!(counts.enter(ip, 2).is_some(), "a place was given back");
    }

    #[test]
    fn the_open_files_limit_is_raised_to_the_hard_limit() {
        let limit = raise_open_files_limit();
        #[cfg(unix)]
        {
            let now = rustix::process::getrlimit(rustix::process::Resource::Nofile);
            assert_eq!(now.current, now.maximum);
            assert_eq!(Some(limit), now.current.or(Some(u64::MAX)));
        }
        assert!(limit > 0);
    }
}
