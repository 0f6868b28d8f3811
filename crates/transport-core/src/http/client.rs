//! [`HttpClient`]: reqwest with a base URL, auth, retries and rate limits.

use super::endpoint::{Body, EndpointAuth, Multipart, ProgressFn};
use super::retry::RetryCall;
use super::{Auth, Endpoint, RawResponse, RetryPolicy};
use crate::error::{Error, RateLimitScope, Result};
use crate::rate_limit::RateLimiter;
use bytes::Bytes;
use http::header::{CONTENT_TYPE, HeaderName, HeaderValue};
use http::{HeaderMap, Method};
use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};
use url::Url;

/// Reads an API's base URL as [`HttpClient::builder`] does: absolute, `http` or `https`, with a
/// trailing `/` added when missing (so endpoint paths join below it).
///
/// ```
/// let url = transport_core::http::parse_base_url("https://example.com/api/v1").unwrap();
/// assert_eq!(url.as_str(), "https://example.com/api/v1/");
/// assert!(transport_core::http::parse_base_url("ftp://example.com/").is_err());
/// ```
///
/// # Errors
///
/// [`Error::InvalidInput`] when `base_url` is not an absolute http(s) URL.
pub fn parse_base_url(base_url: &str) -> Result<Url> {
    let mut base =
        Url::parse(base_url).map_err(|e| Error::invalid_input("base URL", e.to_string()))?;
    if !matches!(base.scheme(), "http" | "https") {
        return Err(Error::invalid_input(
            "base URL",
            "scheme must be http or https",
        ));
    }
    if !base.path().ends_with('/') {
        let path = format!("{}/", base.path());
        base.set_path(&path);
    }
    Ok(base)
}

/// Applies an HTTP client's error conventions to an endpoint's parse error: a status error
/// gets the server's message (found by `extract`, e.g. [`default_error_message`]), and a
/// status in `rate_limit_statuses` becomes [`Error::RateLimited`] with its `Retry-After`.
///
/// [`HttpClient`] applies them to every call; a transport that carries HTTP responses another
/// way (Signal's WebSocket) applies them too, so a call fails the same way over both.
pub fn apply_error_conventions(
    error: Error,
    rate_limit_statuses: &[u16],
    extract: &dyn Fn(&[u8]) -> Option<String>,
) -> Error {
    match error {
        Error::Status(mut status) => {
            if status.message.is_none() {
                status.message = extract(&status.body);
            }
            if rate_limit_statuses.contains(&status.status) {
                Error::RateLimited {
                    scope: RateLimitScope::Server,
                    retry_after: status.retry_after,
                    message: status.message.or_else(|| {
                        Some(format!(
                            "{} {}: HTTP {}",
                            status.method, status.path, status.status
                        ))
                    }),
                }
            } else {
                Error::Status(status)
            }
        }
        other => other,
    }
}

/// The wall clock used to interpret HTTP-date `Retry-After` headers.
pub type WallClock = fn() -> SystemTime;

/// Extracts the server's error message from an error response body.
pub type ErrorMessageFn = Arc<dyn Fn(&[u8]) -> Option<String> + Send + Sync>;

/// The default error-message extractor: the first string among the JSON keys `message`,
/// `error_description`, `error`, `detail`, `title` and `reason`, or `error.message`.
pub fn default_error_message(body: &[u8]) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    let object = value.as_object()?;
    for key in [
        "message",
        "error_description",
        "error",
        "detail",
        "title",
        "reason",
    ] {
        match object.get(key) {
            Some(serde_json::Value::String(s)) if !s.is_empty() => return Some(s.clone()),
            Some(serde_json::Value::Object(inner)) => {
                if let Some(serde_json::Value::String(s)) = inner.get("message") {
                    return Some(s.clone());
                }
            }
            _ => {}
        }
    }
    None
}

/// An HTTP client for one API: a base URL, default headers and credentials, a retry policy and
/// an optional rate limiter, over one shared reqwest connection pool.
///
/// Cheap to clone (an `Arc` inside); clones share the pool and the limiter. `Debug` never
/// shows credentials.
///
/// ```no_run
/// # async fn run() -> transport_core::Result<()> {
/// use transport_core::http::{Auth, HttpClient, RetryPolicy};
///
/// let client = HttpClient::builder("https://api.example.com/v1/")?
///     .user_agent("my-crate/1.0")
///     .auth(Auth::api_key("X-Api-Key", "…")?)
///     .retry(RetryPolicy::default())
///     .build()?;
/// # let _ = client; Ok(()) }
/// ```
#[derive(Clone)]
pub struct HttpClient {
    inner: Arc<Inner>,
}

struct Inner {
    client: reqwest::Client,
    base: Url,
    auth: Auth,
    retry: RetryPolicy,
    limiter: Option<RateLimiter>,
    rate_limit_statuses: Vec<u16>,
    error_message: ErrorMessageFn,
    timeout: Option<Duration>,
    clock: WallClock,
}

impl fmt::Debug for HttpClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpClient")
            .field("base", &self.inner.base.as_str())
            .field("auth", &self.inner.auth)
            .field("retry", &self.inner.retry)
            .field("limiter", &self.inner.limiter)
            .finish_non_exhaustive()
    }
}

/// Builds an [`HttpClient`].
#[must_use]
pub struct HttpClientBuilder {
    base: Url,
    user_agent: String,
    headers: HeaderMap,
    auth: Auth,
    retry: RetryPolicy,
    limiter: Option<RateLimiter>,
    rate_limit_statuses: Vec<u16>,
    error_message: ErrorMessageFn,
    connect_timeout: Option<Duration>,
    timeout: Option<Duration>,
    pool_idle_timeout: Option<Duration>,
    proxy: Option<String>,
    no_proxy: bool,
    extra_roots: Vec<Vec<u8>>,
    accept_invalid_certs: bool,
    clock: WallClock,
}

impl fmt::Debug for HttpClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpClientBuilder")
            .field("base", &self.base.as_str())
            .field("auth", &self.auth)
            .finish_non_exhaustive()
    }
}

impl HttpClientBuilder {
    /// Sets the `User-Agent` (protocol crates use `<crate>/<version>`).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// Adds a header sent with every request.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] when the name or value cannot be a header.
    pub fn header(mut self, name: &str, value: &str) -> Result<Self> {
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|e| Error::invalid_input("header name", e.to_string()))?;
        let value = HeaderValue::from_str(value)
            .map_err(|e| Error::invalid_input("header value", e.to_string()))?;
        self.headers.insert(name, value);
        Ok(self)
    }

    /// Sets the credentials sent with every request (unless an endpoint says otherwise).
    pub fn auth(mut self, auth: Auth) -> Self {
        self.auth = auth;
        self
    }

    /// Sets the retry policy (default: [`RetryPolicy::default`]).
    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Uses a rate limiter (shared with every clone of it). Every attempt, retries included,
    /// acquires it; a rate-limit response with `Retry-After` puts it in cooldown.
    pub fn rate_limiter(mut self, limiter: RateLimiter) -> Self {
        self.limiter = Some(limiter);
        self
    }

    /// Statuses that mean "rate limited" (default: 429). Responses with these statuses that the
    /// endpoint does not handle become [`Error::RateLimited`].
    pub fn rate_limit_statuses(mut self, statuses: &[u16]) -> Self {
        self.rate_limit_statuses = statuses.to_vec();
        self
    }

    /// How to find the server's message in an error body (default: [`default_error_message`]).
    pub fn error_message(
        mut self,
        extract: impl Fn(&[u8]) -> Option<String> + Send + Sync + 'static,
    ) -> Self {
        self.error_message = Arc::new(extract);
        self
    }

    /// Time limit for establishing a connection (default 10 s).
    pub fn connect_timeout(mut self, timeout: Option<Duration>) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Time limit for one whole attempt, body included (default 30 s).
    pub fn timeout(mut self, timeout: Option<Duration>) -> Self {
        self.timeout = timeout;
        self
    }

    /// How long an idle pooled connection is kept (default 90 s; `None` keeps it).
    pub fn pool_idle_timeout(mut self, timeout: Option<Duration>) -> Self {
        self.pool_idle_timeout = timeout;
        self
    }

    /// No request, connect or pool-idle timers at all. For tests on paused tokio time with a
    /// real local server: paused time jumps to the next timer while waiting for socket I/O,
    /// so such timers would fire spuriously.
    pub fn without_timeouts(self) -> Self {
        self.timeout(None)
            .connect_timeout(None)
            .pool_idle_timeout(None)
    }

    /// Sends every request through this proxy (`http://…`, `https://…`, `socks5://…`).
    pub fn proxy(mut self, url: impl Into<String>) -> Self {
        self.proxy = Some(url.into());
        self
    }

    /// Ignores proxy settings from the environment.
    pub fn no_proxy(mut self) -> Self {
        self.no_proxy = true;
        self
    }

    /// Trusts an extra root certificate (PEM), e.g. a private CA.
    pub fn add_root_certificate_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.extra_roots.push(pem.into());
        self
    }

    /// Accepts any server certificate. Only for local test servers.
    pub fn danger_accept_invalid_certs(mut self, accept: bool) -> Self {
        self.accept_invalid_certs = accept;
        self
    }

    /// Sets the wall clock used to turn an HTTP-date `Retry-After` into a delay (default
    /// [`SystemTime::now`]); a fixed clock makes such delays exact in tests.
    pub fn wall_clock(mut self, clock: WallClock) -> Self {
        self.clock = clock;
        self
    }

    /// The client.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for an unusable proxy or certificate, [`Error::Connect`] when
    /// the TLS backend cannot be initialised.
    pub fn build(self) -> Result<HttpClient> {
        let mut builder = reqwest::Client::builder()
            .user_agent(self.user_agent)
            .default_headers(self.headers)
            .pool_idle_timeout(self.pool_idle_timeout)
            .danger_accept_invalid_certs(self.accept_invalid_certs);
        if let Some(t) = self.connect_timeout {
            builder = builder.connect_timeout(t);
        }
        if let Some(t) = self.timeout {
            builder = builder.timeout(t);
        }
        if self.no_proxy {
            builder = builder.no_proxy();
        }
        if let Some(proxy) = &self.proxy {
            let proxy = reqwest::Proxy::all(proxy)
                .map_err(|e| Error::invalid_input("proxy", e.without_url().to_string()))?;
            builder = builder.proxy(proxy);
        }
        for pem in &self.extra_roots {
            let cert = reqwest::Certificate::from_pem(pem)
                .map_err(|e| Error::invalid_input("root certificate", e.to_string()))?;
            builder = builder.add_root_certificate(cert);
        }
        let client = builder.build().map_err(|e| Error::Connect {
            target: self.base.origin().ascii_serialization(),
            message: format!("cannot build the HTTP client: {}", chain(&e)),
            source: Some(Box::new(e)),
        })?;
        Ok(HttpClient {
            inner: Arc::new(Inner {
                client,
                base: self.base,
                auth: self.auth,
                retry: self.retry,
                limiter: self.limiter,
                rate_limit_statuses: self.rate_limit_statuses,
                error_message: self.error_message,
                timeout: self.timeout,
                clock: self.clock,
            }),
        })
    }
}

/// Changes to an [`HttpClientBuilder`] collected by a protocol crate's own builder and applied
/// when it builds its [`HttpClient`], so users reach every HTTP option (timeouts, proxy, TLS
/// roots, …) without each crate forwarding each setter.
///
/// ```
/// use std::time::Duration;
/// use transport_core::http::{HttpClient, HttpOptions};
///
/// let mut options = HttpOptions::default();
/// options.push(|b| b.timeout(Some(Duration::from_secs(5))).no_proxy());
/// let client = options.apply(HttpClient::builder("https://example.com/").unwrap()).build().unwrap();
/// # let _ = client;
/// ```
#[derive(Default)]
pub struct HttpOptions(Vec<Box<dyn FnOnce(HttpClientBuilder) -> HttpClientBuilder + Send>>);

impl HttpOptions {
    /// Adds a change; changes apply in the order they were added.
    pub fn push(
        &mut self,
        change: impl FnOnce(HttpClientBuilder) -> HttpClientBuilder + Send + 'static,
    ) {
        self.0.push(Box::new(change));
    }

    /// Applies every change to `builder`.
    pub fn apply(self, builder: HttpClientBuilder) -> HttpClientBuilder {
        self.0.into_iter().fold(builder, |b, change| change(b))
    }
}

impl fmt::Debug for HttpOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HttpOptions({} changes)", self.0.len())
    }
}

/// The error and its sources as one line (reqwest's own message alone is often just
/// "error sending request").
fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(s) = source {
        let next = s.to_string();
        if !text.contains(&next) {
            text.push_str(": ");
            text.push_str(&next);
        }
        source = s.source();
    }
    text
}

/// A request with no endpoint type, for the raw escape hatch ([`HttpClient::execute`]).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct RawRequest {
    /// The method.
    pub method: Method,
    /// The path relative to the base URL.
    pub path: String,
    /// Query pairs.
    pub query: Vec<(String, String)>,
    /// Extra headers.
    pub headers: HeaderMap,
    /// The body.
    pub body: Body,
    /// Whether the request may be retried after a response or timeout.
    pub idempotent: bool,
}

impl RawRequest {
    /// A request with no query, headers or body.
    pub fn new(method: Method, path: impl Into<String>) -> Self {
        let idempotent = !matches!(method, Method::POST | Method::PATCH);
        Self {
            method,
            path: path.into(),
            query: Vec::new(),
            headers: HeaderMap::new(),
            body: Body::Empty,
            idempotent,
        }
    }

    /// Sets the body.
    #[must_use]
    pub fn with_body(mut self, body: Body) -> Self {
        self.body = body;
        self
    }
}

/// What the retry loop asks for on every attempt: headers and a fresh body.
trait Parts: Send + Sync {
    fn headers(&self) -> Result<HeaderMap>;
    fn body(&self) -> Result<Body>;
}

struct EndpointParts<'a, E>(&'a E);

impl<E: Endpoint> Parts for EndpointParts<'_, E> {
    fn headers(&self) -> Result<HeaderMap> {
        self.0.headers()
    }
    fn body(&self) -> Result<Body> {
        self.0.body()
    }
}

impl Parts for RawRequest {
    fn headers(&self) -> Result<HeaderMap> {
        Ok(self.headers.clone())
    }
    fn body(&self) -> Result<Body> {
        Ok(self.body.clone())
    }
}

/// `GET /path`, formatted only when it is shown (logs, errors).
#[derive(Clone, Copy)]
struct What<'a>(&'a Method, &'a str);

impl fmt::Display for What<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.0, self.1)
    }
}

/// Per-request view shared by the typed and the raw path.
struct Call<'a> {
    method: Method,
    path: Cow<'a, str>,
    query: Vec<(Cow<'static, str>, String)>,
    idempotent: bool,
    auth: EndpointAuth,
}

impl HttpClient {
    /// Starts a builder for the API at `base_url` (endpoint paths are joined to it; a missing
    /// trailing `/` is added, so `https://host/api/v1` and `https://host/api/v1/` are the same).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] when `base_url` is not an absolute http(s) URL.
    pub fn builder(base_url: &str) -> Result<HttpClientBuilder> {
        let base = parse_base_url(base_url)?;
        Ok(HttpClientBuilder {
            base,
            user_agent: concat!("transport-core/", env!("CARGO_PKG_VERSION")).to_owned(),
            headers: HeaderMap::new(),
            auth: Auth::None,
            retry: RetryPolicy::default(),
            limiter: None,
            rate_limit_statuses: vec![429],
            error_message: Arc::new(default_error_message),
            connect_timeout: Some(Duration::from_secs(10)),
            timeout: Some(Duration::from_secs(30)),
            pool_idle_timeout: Some(Duration::from_secs(90)),
            proxy: None,
            no_proxy: false,
            extra_roots: Vec::new(),
            accept_invalid_certs: false,
            clock: SystemTime::now,
        })
    }

    /// The base URL.
    pub fn base_url(&self) -> &Url {
        &self.inner.base
    }

    /// The rate limiter, if any.
    pub fn rate_limiter(&self) -> Option<&RateLimiter> {
        self.inner.limiter.as_ref()
    }

    /// Sends `endpoint` (retrying as the policy allows) and parses its response.
    ///
    /// # Errors
    ///
    /// Whatever the last attempt produced: [`Error::Status`] (with the server's message),
    /// [`Error::RateLimited`] for rate-limit statuses, [`Error::Timeout`],
    /// [`Error::Connect`], [`Error::Decode`], or [`Error::InvalidInput`] from building the
    /// request.
    pub async fn send<E: Endpoint>(&self, endpoint: &E) -> Result<E::Response> {
        let call = Call {
            method: E::METHOD,
            path: endpoint.path(),
            query: endpoint.query(),
            idempotent: endpoint.idempotent(),
            auth: endpoint.auth(),
        };
        let raw = self.run(&call, &EndpointParts(endpoint)).await?;
        endpoint.parse(raw).map_err(|e| self.finish_error(e))
    }

    /// Sends `endpoint` (with retries) and returns the raw response, whatever its status,
    /// without parsing it: the escape hatch for responses the typed parser does not cover.
    ///
    /// # Errors
    ///
    /// Transport errors only ([`Error::Timeout`], [`Error::Connect`], …), never a status.
    pub async fn send_raw<E: Endpoint>(&self, endpoint: &E) -> Result<RawResponse> {
        let call = Call {
            method: E::METHOD,
            path: endpoint.path(),
            query: endpoint.query(),
            idempotent: endpoint.idempotent(),
            auth: endpoint.auth(),
        };
        self.run(&call, &EndpointParts(endpoint)).await
    }

    /// Sends a [`RawRequest`] (with retries) and returns the raw response: for calls the crate
    /// has no endpoint type for.
    ///
    /// # Errors
    ///
    /// Transport errors only, never a status.
    pub async fn execute(&self, request: &RawRequest) -> Result<RawResponse> {
        let call = Call {
            method: request.method.clone(),
            path: Cow::Borrowed(&request.path),
            query: request
                .query
                .iter()
                .map(|(k, v)| (Cow::Owned(k.clone()), v.clone()))
                .collect(),
            idempotent: request.idempotent,
            auth: EndpointAuth::Client,
        };
        self.run(&call, request).await
    }

    /// Applies the client's error conventions to a parse error: the server's message, and
    /// rate-limit statuses as [`Error::RateLimited`].
    fn finish_error(&self, error: Error) -> Error {
        apply_error_conventions(
            error,
            &self.inner.rate_limit_statuses,
            &*self.inner.error_message,
        )
    }

    async fn run(&self, call: &Call<'_>, parts: &dyn Parts) -> Result<RawResponse> {
        let inner = &*self.inner;
        let what = What(&call.method, &call.path);
        let url = self.url(&call.path)?;
        let retry = RetryCall::new(&what, call.idempotent)
            .with_limiter(inner.limiter.as_ref())
            .with_rate_limit_statuses(&inner.rate_limit_statuses);
        inner
            .retry
            .run(retry, || self.attempt(call, parts, &url, what))
            .await
    }

    fn url(&self, path: &str) -> Result<Url> {
        self.inner
            .base
            .join(path.trim_start_matches('/'))
            .map_err(|e| Error::invalid_input("path", format!("`{path}`: {e}")))
    }

    async fn attempt(
        &self,
        call: &Call<'_>,
        parts: &dyn Parts,
        url: &Url,
        what: What<'_>,
    ) -> Result<RawResponse> {
        let inner = &*self.inner;
        let mut headers = parts.headers()?;
        match &call.auth {
            EndpointAuth::Client => inner.auth.apply(&mut headers)?,
            EndpointAuth::None => {}
            EndpointAuth::Override(auth) => auth.apply(&mut headers)?,
        }
        let mut request = inner.client.request(call.method.clone(), url.clone());
        if !call.query.is_empty() {
            request = request.query(&call.query);
        }
        request = match parts.body()? {
            Body::Empty => request,
            Body::Json(bytes) => {
                headers
                    .entry(CONTENT_TYPE)
                    .or_insert(HeaderValue::from_static("application/json"));
                request.body(bytes)
            }
            Body::Form(bytes) => {
                headers
                    .entry(CONTENT_TYPE)
                    .or_insert(HeaderValue::from_static(
                        "application/x-www-form-urlencoded",
                    ));
                request.body(bytes)
            }
            Body::Bytes { content_type, data } => {
                let value = HeaderValue::from_str(&content_type)
                    .map_err(|e| Error::invalid_input("content type", e.to_string()))?;
                headers.insert(CONTENT_TYPE, value);
                request.body(data)
            }
            Body::Multipart(multipart) => request.multipart(multipart_form(multipart)?),
        };
        request = request.headers(headers);
        tracing::debug!(request = %what, "sending");
        let mut response = request
            .send()
            .await
            .map_err(|e| self.transport_error(e, what, url))?;
        let status = response.status();
        let headers = std::mem::take(response.headers_mut());
        let body = response
            .bytes()
            .await
            .map_err(|e| self.transport_error(e, what, url))?;
        tracing::debug!(request = %what, status = status.as_u16(), bytes = body.len(), "response");
        let mut raw = RawResponse::new(
            status,
            headers,
            body,
            call.method.as_str(),
            call.path.as_ref(),
        );
        raw.received_at = (inner.clock)();
        Ok(raw)
    }

    fn transport_error(&self, error: reqwest::Error, what: What<'_>, url: &Url) -> Error {
        // Never keep the URL in the error: its query may carry credentials.
        let error = error.without_url();
        if error.is_timeout() {
            Error::Timeout {
                what: what.to_string(),
                after: self.inner.timeout.unwrap_or_default(),
            }
        } else if error.is_connect() {
            let mut target = url.clone();
            target.set_query(None);
            let _ = target.set_password(None);
            let _ = target.set_username("");
            Error::Connect {
                target: target.to_string(),
                message: chain(&error),
                source: Some(Box::new(error)),
            }
        } else {
            Error::Request {
                what: what.to_string(),
                message: chain(&error),
                source: Some(Box::new(error)),
            }
        }
    }
}

/// Chunk size used to report upload progress.
const PROGRESS_CHUNK: usize = 64 * 1024;

fn multipart_form(multipart: Multipart) -> Result<reqwest::multipart::Form> {
    let total: u64 = multipart.parts.iter().map(|p| p.data.len() as u64).sum();
    let sent = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let mut form = reqwest::multipart::Form::new();
    for part in multipart.parts {
        let len = part.data.len() as u64;
        let body = match &multipart.progress {
            Some(progress) => progress_body(part.data, progress.clone(), sent.clone(), total),
            None => reqwest::Body::from(part.data),
        };
        let mut p = reqwest::multipart::Part::stream_with_length(body, len);
        if let Some(name) = part.file_name {
            p = p.file_name(name);
        }
        if let Some(ct) = part.content_type {
            p = p.mime_str(&ct).map_err(|e| {
                Error::invalid_input("part content type", e.without_url().to_string())
            })?;
        }
        form = form.part(part.name, p);
    }
    Ok(form)
}

fn progress_body(
    data: Bytes,
    progress: ProgressFn,
    sent: Arc<std::sync::atomic::AtomicU64>,
    total: u64,
) -> reqwest::Body {
    let chunks: Vec<Bytes> = (0..data.len())
        .step_by(PROGRESS_CHUNK)
        .map(|start| data.slice(start..data.len().min(start + PROGRESS_CHUNK)))
        .collect();
    let stream = futures_util::stream::iter(chunks.into_iter().map(move |chunk| {
        let done = sent.fetch_add(chunk.len() as u64, std::sync::atomic::Ordering::Relaxed)
            + chunk.len() as u64;
        progress(done, Some(total));
        Ok::<Bytes, std::io::Error>(chunk)
    }));
    reqwest::Body::wrap_stream(stream)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_conventions_outside_the_client() {
        let status = |code: u16, body: &'static str| {
            Error::Status(Box::new(
                crate::error::StatusError::new(
                    code,
                    "GET",
                    "/v1/x",
                    Bytes::from_static(body.as_bytes()),
                )
                .with_retry_after(Some(Duration::from_secs(3))),
            ))
        };
        let shown = apply_error_conventions(
            status(401, r#"{"message":"no"}"#),
            &[429],
            &default_error_message,
        );
        assert_eq!(
            shown.to_string(),
            "GET /v1/x: HTTP 401 Unauthorized: no (retry after 3s)"
        );
        match apply_error_conventions(status(413, ""), &[413, 429], &default_error_message) {
            Error::RateLimited {
                scope: RateLimitScope::Server,
                retry_after,
                message,
            } => {
                assert_eq!(retry_after, Some(Duration::from_secs(3)));
                assert_eq!(message.as_deref(), Some("GET /v1/x: HTTP 413"));
            }
            other => panic!("{other:?}"),
        }
        let untouched = apply_error_conventions(
            Error::invalid_input("x", "y"),
            &[429],
            &default_error_message,
        );
        assert_eq!(untouched.to_string(), "invalid x: y");
    }

    #[test]
    fn error_message_extraction() {
        assert_eq!(
            default_error_message(br#"{"error":"no credits"}"#).as_deref(),
            Some("no credits")
        );
        assert_eq!(
            default_error_message(br#"{"message":"bad id"}"#).as_deref(),
            Some("bad id")
        );
        assert_eq!(
            default_error_message(
                br#"{"error":"invalid_grant","error_description":"wrong password"}"#
            )
            .as_deref(),
            Some("wrong password")
        );
        assert_eq!(
            default_error_message(br#"{"error":{"message":"nested"}}"#).as_deref(),
            Some("nested")
        );
        assert_eq!(default_error_message(b"<html>"), None);
        assert_eq!(default_error_message(br#"{"code":5}"#), None);
    }

    #[test]
    fn base_url_gets_a_trailing_slash_and_paths_join() {
        let client = HttpClient::builder("https://work.threema.ch/api/v1")
            .unwrap()
            .build()
            .unwrap();
        assert_eq!(
            client.base_url().as_str(),
            "https://work.threema.ch/api/v1/"
        );
        assert_eq!(
            client.url("/credentials/abc%2F").unwrap().as_str(),
            "https://work.threema.ch/api/v1/credentials/abc%2F"
        );
        assert!(HttpClient::builder("ftp://x").is_err());
        assert!(HttpClient::builder("not a url").is_err());
    }
}
