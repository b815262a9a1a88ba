use std::time::Duration;

use crate::runtime::bindings::http::{self, HttpError, HttpRequest, HttpResponse};
use crate::runtime::state::PluginState;

/// Largest response body a plugin may receive.
const MAX_BODY: u64 = 64 << 20;
/// Longest a request may take, whatever the plugin asks.
const MAX_TIMEOUT: Duration = Duration::from_secs(30);

impl http::Host for PluginState {
    async fn fetch(
        &mut self,
        req: HttpRequest,
    ) -> wasmtime::Result<Result<HttpResponse, HttpError>> {
        // The wait is the host's, not the plugin's (see `own_time`).
        let started = std::time::Instant::now();
        let out = self.fetch_now(req).await;
        self.host_wait += started.elapsed();
        out
    }
}

impl PluginState {
    async fn fetch_now(
        &mut self,
        req: HttpRequest,
    ) -> wasmtime::Result<Result<HttpResponse, HttpError>> {
        let call = self.call()?;
        let url = match reqwest::Url::parse(&req.url) {
            Ok(u) if matches!(u.scheme(), "http" | "https") => u,
            Ok(u) => {
                return Ok(Err(HttpError::InvalidUrl(format!(
                    "scheme `{}` is not http(s)",
                    u.scheme()
                ))));
            }
            Err(e) => return Ok(Err(HttpError::InvalidUrl(e.to_string()))),
        };
        let host = url.host_str().unwrap_or_default().to_string();
        if let Err(msg) = call.grants.check_http(&host) {
            tracing::warn!(plugin = %call.manifest.name, site = %call.site.slug, host, "outbound HTTP refused: not granted");
            return Ok(Err(HttpError::NotGranted(msg)));
        }
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
        let mut builder = self.services.http.request(method, url).timeout(timeout);
        for (k, v) in &req.headers {
            builder = builder.header(k, v);
        }
        if let Some(body) = req.body {
            builder = builder.body(body);
        }
        let mut resp = match builder.send().await {
            Ok(r) => r,
            Err(e) if e.is_timeout() => return Ok(Err(HttpError::Timeout)),
            Err(e) => return Ok(Err(HttpError::Failed(e.to_string()))),
        };
        if resp.content_length().is_some_and(|n| n > MAX_BODY) {
            return Ok(Err(HttpError::TooLarge(MAX_BODY)));
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
                        return Ok(Err(HttpError::TooLarge(MAX_BODY)));
                    }
                    body.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(e) if e.is_timeout() => return Ok(Err(HttpError::Timeout)),
                Err(e) => return Ok(Err(HttpError::Failed(e.to_string()))),
            }
        }
        Ok(Ok(HttpResponse {
            status,
            headers,
            body,
        }))
    }
}
