//! [`SignalClient`]: sends the typed operations of [`api`](crate::api) to a Signal server.

use crate::api::Operation;
use crate::auth::Credentials;
use crate::error::{Error, Result};
use std::fmt;
use std::sync::Arc;
use std::time::Duration;
use transport_core::RateLimiter;
use transport_core::http::{
    Attempt, Auth, HttpClient, HttpClientBuilder, RawResponse, RetryDecision, RetryPolicy,
    default_classifier,
};

/// The production chat server.
pub const DEFAULT_BASE_URL: &str = "https://chat.signal.org";
/// The staging chat server.
pub const STAGING_BASE_URL: &str = "https://chat.staging.signal.org";
/// The default `User-Agent`: `signal-server-api/<version>`.
pub const DEFAULT_USER_AGENT: &str = concat!("signal-server-api/", env!("CARGO_PKG_VERSION"));

/// A client for the Signal chat server.
///
/// Every operation of the OpenAPI document is a type in [`api`](crate::api); build one and
/// [`send`](Self::send) it. The client adds the account credentials where the operation uses
/// them (and leaves them off where it must not), maps rate limits (429, and 413 from older
/// servers) to [`Error::RateLimited`] with the server's `Retry-After`, retries idempotent calls
/// that were rate-limited or hit a transient failure, and decodes the documented error bodies
/// (409, 410, 411, 423, 428) into their own [`Error`] variants.
///
/// Cheap to clone; clones share the connection pool and rate limiter. `Debug` never shows the
/// password.
///
/// ```no_run
/// # async fn run() -> signal_server_api::Result<()> {
/// use signal_server_api::SignalClient;
/// use signal_server_api::api::verification::CreateSession;
///
/// let client = SignalClient::builder().build()?;
/// let session = client.send(&CreateSession::new("+14155550100")).await?;
/// println!("session {} needs {:?}", session.id, session.requested_information);
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct SignalClient {
    inner: Arc<Inner>,
}

struct Inner {
    transport: Transport,
    credentials: Option<Credentials>,
}

/// How requests travel. REST today; the authenticated WebSocket joins as another variant
/// without changing [`SignalClient::send`].
enum Transport {
    Http(HttpClient),
}

impl fmt::Debug for SignalClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let transport = match &self.inner.transport {
            Transport::Http(http) => http.base_url().as_str().to_owned(),
        };
        f.debug_struct("SignalClient")
            .field("transport", &transport)
            .field("credentials", &self.inner.credentials)
            .finish()
    }
}

impl SignalClient {
    /// A builder for the production server, without credentials.
    pub fn builder() -> SignalClientBuilder {
        SignalClientBuilder::new()
    }

    /// Sends `operation` and returns its typed response.
    ///
    /// # Errors
    ///
    /// [`Error::RateLimited`] for 429/413 (after retries, for idempotent operations), the typed
    /// error variants for the statuses the operation documents, and
    /// [`Error::Transport`] for everything else (other statuses with the server's message,
    /// timeouts, connection errors, decode errors, invalid input caught before sending).
    pub async fn send<E: Operation>(&self, operation: &E) -> Result<E::Response> {
        match &self.inner.transport {
            Transport::Http(http) => http
                .send(operation)
                .await
                .map_err(|e| Error::from_transport(&E::INFO, e)),
        }
    }

    /// Sends `operation` and returns the raw response, whatever its status, without parsing
    /// it: the escape hatch for answers the typed parser does not cover.
    ///
    /// # Errors
    ///
    /// Transport errors only (timeouts, connection errors, invalid input), never a status.
    pub async fn send_raw<E: Operation>(&self, operation: &E) -> Result<RawResponse> {
        match &self.inner.transport {
            Transport::Http(http) => http.send_raw(operation).await.map_err(Error::Transport),
        }
    }

    /// The account credentials, if the client has any.
    pub fn credentials(&self) -> Option<&Credentials> {
        self.inner.credentials.as_ref()
    }

    /// The server's base URL.
    pub fn base_url(&self) -> &url::Url {
        match &self.inner.transport {
            Transport::Http(http) => http.base_url(),
        }
    }
}

/// The retry classification: transport-core's default (connection errors, timeouts, 429, 502,
/// 503, 504), plus 413 when the server says when to retry (older servers' rate limit).
pub fn retry_classifier(attempt: &Attempt<'_>) -> RetryDecision {
    match attempt {
        Attempt::Response(r) if r.status.as_u16() == 413 && r.retry_after().is_some() => {
            RetryDecision::Retry
        }
        other => default_classifier(other),
    }
}

/// A function that adjusts the underlying [`HttpClientBuilder`].
type HttpCustomizer = Box<dyn FnOnce(HttpClientBuilder) -> HttpClientBuilder + Send>;

/// Builds a [`SignalClient`].
#[must_use]
pub struct SignalClientBuilder {
    base_url: String,
    credentials: Option<Credentials>,
    user_agent: String,
    retry: RetryPolicy,
    rate_limiter: Option<RateLimiter>,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    pool_idle_timeout: Option<Duration>,
    customize: Vec<HttpCustomizer>,
}

impl fmt::Debug for SignalClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignalClientBuilder")
            .field("base_url", &self.base_url)
            .field("credentials", &self.credentials)
            .field("user_agent", &self.user_agent)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

impl Default for SignalClientBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl SignalClientBuilder {
    /// Production server, no credentials, `signal-server-api/<version>` user agent, the
    /// default retry policy with [`retry_classifier`], 30 s per attempt, 10 s to connect.
    pub fn new() -> Self {
        Self {
            base_url: DEFAULT_BASE_URL.to_owned(),
            credentials: None,
            user_agent: DEFAULT_USER_AGENT.to_owned(),
            retry: RetryPolicy::default().with_classifier(retry_classifier),
            rate_limiter: None,
            timeout: Some(Duration::from_secs(30)),
            connect_timeout: Some(Duration::from_secs(10)),
            pool_idle_timeout: Some(Duration::from_secs(90)),
            customize: Vec::new(),
        }
    }

    /// The server (default [`DEFAULT_BASE_URL`]; [`STAGING_BASE_URL`] for staging, or a test
    /// server).
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = base_url.into();
        self
    }

    /// Authenticates as this account and device.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(credentials);
        self
    }

    /// The `User-Agent` (default [`DEFAULT_USER_AGENT`]; the server derives the platform from
    /// it, so apps send their own).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// The retry policy. Only idempotent operations are retried after a response or timeout
    /// (see [`Endpoint::idempotent`](transport_core::http::Endpoint::idempotent)); keep
    /// [`retry_classifier`] in custom policies to retry 413 with `Retry-After`.
    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// A client-side rate limiter, shared by clones (a server `Retry-After` puts it in
    /// cooldown for every caller).
    pub fn rate_limiter(mut self, limiter: RateLimiter) -> Self {
        self.rate_limiter = Some(limiter);
        self
    }

    /// Time limit for one attempt (default 30 s; `None` for none).
    pub fn timeout(mut self, timeout: Option<Duration>) -> Self {
        self.timeout = timeout;
        self
    }

    /// Time limit for connecting (default 10 s; `None` for none).
    pub fn connect_timeout(mut self, timeout: Option<Duration>) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How long idle connections are kept (default 90 s; `None` keeps them).
    pub fn pool_idle_timeout(mut self, timeout: Option<Duration>) -> Self {
        self.pool_idle_timeout = timeout;
        self
    }

    /// Trusts an extra root certificate (PEM). The production and staging servers present
    /// certificates issued by Signal's own CA: add it here to reach them.
    pub fn add_root_certificate_pem(self, pem: impl Into<Vec<u8>>) -> Self {
        let pem = pem.into();
        self.customize_http(move |b| b.add_root_certificate_pem(pem))
    }

    /// Adjusts the underlying [`HttpClientBuilder`] (proxy, extra headers, wall clock, …),
    /// after this builder's own settings.
    pub fn customize_http(
        mut self,
        customize: impl FnOnce(HttpClientBuilder) -> HttpClientBuilder + Send + 'static,
    ) -> Self {
        self.customize.push(Box::new(customize));
        self
    }

    /// The client.
    ///
    /// # Errors
    ///
    /// [`Error::Transport`] with [`transport_core::Error::InvalidInput`] for a bad base URL or
    /// certificate, [`transport_core::Error::Connect`] when TLS cannot be initialised.
    pub fn build(self) -> Result<SignalClient> {
        let auth = self
            .credentials
            .as_ref()
            .map_or(Auth::None, Credentials::to_auth);
        let mut http = HttpClient::builder(&self.base_url)?
            .user_agent(self.user_agent)
            .auth(auth)
            .retry(self.retry)
            .rate_limit_statuses(&[413, 429])
            .timeout(self.timeout)
            .connect_timeout(self.connect_timeout)
            .pool_idle_timeout(self.pool_idle_timeout);
        if let Some(limiter) = self.rate_limiter {
            http = http.rate_limiter(limiter);
        }
        for customize in self.customize {
            http = customize(http);
        }
        Ok(SignalClient {
            inner: Arc::new(Inner {
                transport: Transport::Http(http.build()?),
                credentials: self.credentials,
            }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Aci;
    use bytes::Bytes;
    use transport_core::http::{HeaderMap, StatusCode};

    fn response(status: u16, retry_after: Option<&str>) -> RawResponse {
        let mut headers = HeaderMap::new();
        if let Some(after) = retry_after {
            headers.insert("retry-after", after.parse().unwrap());
        }
        RawResponse::new(
            StatusCode::from_u16(status).unwrap(),
            headers,
            Bytes::new(),
            "GET",
            "/",
        )
    }

    #[test]
    fn retries_413_only_with_retry_after() {
        let with = response(413, Some("3"));
        assert_eq!(
            retry_classifier(&Attempt::Response(&with)),
            RetryDecision::Retry
        );
        let without = response(413, None);
        assert_eq!(
            retry_classifier(&Attempt::Response(&without)),
            RetryDecision::Stop
        );
        let limited = response(429, None);
        assert_eq!(
            retry_classifier(&Attempt::Response(&limited)),
            RetryDecision::Retry
        );
        let challenge = response(428, Some("3"));
        assert_eq!(
            retry_classifier(&Attempt::Response(&challenge)),
            RetryDecision::Stop
        );
    }

    #[test]
    fn builds_and_hides_the_password() {
        let aci: Aci = "9d0652a3-dcc3-4d11-975f-74d61598733f".parse().unwrap();
        let client = SignalClient::builder()
            .credentials(Credentials::new(aci, "pa55word"))
            .build()
            .unwrap();
        assert_eq!(client.base_url().as_str(), "https://chat.signal.org/");
        assert!(client.credentials().is_some());
        let shown = format!("{client:?}");
        assert!(shown.contains("9d0652a3"), "{shown}");
        assert!(!shown.contains("pa55word"), "{shown}");
        assert!(
            SignalClient::builder()
                .base_url("not a url")
                .build()
                .is_err()
        );
        assert_eq!(
            DEFAULT_USER_AGENT,
            concat!("signal-server-api/", env!("CARGO_PKG_VERSION"))
        );
    }
}
