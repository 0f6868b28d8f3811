//! [`SignalClient`]: sends the typed operations of [`api`](crate::api) to a Signal server, over
//! REST or the authenticated WebSocket.

use crate::api::Operation;
use crate::auth::Credentials;
use crate::error::{Error, Result};
use crate::ws::{self, AckMode, IncomingMessages, SignalProtocol, codec};
use std::fmt;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::OnceCell;
use transport_core::RateLimiter;
use transport_core::http::{
    Attempt, Auth, Endpoint, EndpointAuth, HeaderMap, HttpClient, HttpClientBuilder, HttpOptions,
    RawResponse, RetryCall, RetryDecision, RetryPolicy, apply_error_conventions,
    default_classifier, default_error_message, parse_base_url,
};
use transport_core::tls::TlsConfig;
use transport_core::ws::{ConnectionState, Events, WsClient, WsConfig, WsConnectOptions};
use url::Url;

/// The production chat server.
pub const DEFAULT_BASE_URL: &str = "https://chat.signal.org";
/// The staging chat server.
pub const STAGING_BASE_URL: &str = "https://chat.staging.signal.org";
/// The default `User-Agent`: `signal-server-api/<version>`.
pub const DEFAULT_USER_AGENT: &str = concat!("signal-server-api/", env!("CARGO_PKG_VERSION"));

/// Statuses that mean "rate limited": 429, and 413 from older servers.
const RATE_LIMIT_STATUSES: &[u16] = &[413, 429];

/// A client for the Signal chat server.
///
/// Every operation of the OpenAPI document is a type in [`api`](crate::api); build one and
/// [`send`](Self::send) it. The client adds the account credentials where the operation uses
/// them (and leaves them off where it must not), maps rate limits (429, and 413 from older
/// servers) to [`Error::RateLimited`] with the server's `Retry-After`, retries idempotent calls
/// that were rate-limited or hit a transient failure, and decodes the documented error bodies
/// (409, 410, 411, 423, 428) into their own [`Error`] variants.
///
/// Two transports, one API:
///
/// - **REST** ([`SignalClientBuilder::build`]): one HTTPS request per call.
/// - **WebSocket** ([`SignalClientBuilder::connect`]): the calls travel as protobuf frames
///   over `/v1/websocket/`, the way the official apps talk to the server. With credentials,
///   the authenticated socket carries the calls that use them and delivers incoming messages
///   ([`incoming`](Self::incoming)); calls that must not carry the account's identity
///   (verification, registration, sealed-sender sends, …) go over an unauthenticated socket
///   opened on first use. Both keep themselves alive (`GET /v1/keepalive` every 30 s and
///   WebSocket pings) and reconnect by themselves.
///
/// The same call behaves the same over either: same response types, same errors, same retries.
///
/// Cheap to clone; clones share the connections and the rate limiter. `Debug` never shows the
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
    base_url: Url,
}

/// How requests travel.
enum Transport {
    Http(HttpClient),
    WebSocket(Box<Sockets>),
}

/// Which transport a [`SignalClient`] uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportKind {
    /// HTTPS requests ([`SignalClientBuilder::build`]).
    Rest,
    /// Protobuf frames over the chat WebSocket ([`SignalClientBuilder::connect`]).
    WebSocket,
}

type Socket = Arc<WsClient<SignalProtocol>>;

/// The WebSocket transport: an authenticated socket (with credentials) and an unauthenticated
/// one.
struct Sockets {
    retry: RetryPolicy,
    limiter: Option<RateLimiter>,
    ack_mode: AckMode,
    fatal_close_codes: Vec<u16>,
    /// Present when the client has credentials.
    authenticated: Option<Socket>,
    /// Connected at once without credentials, on first use otherwise.
    unauthenticated: OnceCell<Socket>,
    /// How the unauthenticated socket connects (no credentials on the upgrade).
    unauthenticated_config: WsConfig,
}

/// `GET /path`, formatted only when shown.
struct What<'a>(&'a str, &'a str);

impl fmt::Display for What<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.0, self.1)
    }
}

impl Sockets {
    fn protocol(&self) -> SignalProtocol {
        SignalProtocol::new()
            .with_ack_mode(self.ack_mode)
            .with_fatal_close_codes(&self.fatal_close_codes)
    }

    async fn unauthenticated(&self) -> transport_core::Result<&Socket> {
        self.unauthenticated
            .get_or_try_init(|| async {
                tracing::debug!("opening the unauthenticated Signal WebSocket");
                WsClient::connect(self.unauthenticated_config.clone(), self.protocol())
                    .await
                    .map(Arc::new)
            })
            .await
    }

    /// The socket for a call: the authenticated one for calls that use the account's
    /// credentials (when there are any), the unauthenticated one otherwise.
    async fn socket(&self, account: bool) -> transport_core::Result<&Socket> {
        match (&self.authenticated, account) {
            (Some(socket), true) => Ok(socket),
            _ => self.unauthenticated().await,
        }
    }

    /// The socket that receives the server's pushes: the authenticated one, or the
    /// unauthenticated one of a client without credentials.
    fn primary(&self) -> Option<&Socket> {
        self.authenticated
            .as_ref()
            .or_else(|| self.unauthenticated.get())
    }

    fn all(&self) -> impl Iterator<Item = &Socket> {
        self.authenticated.iter().chain(self.unauthenticated.get())
    }

    /// Sends `endpoint` as a request frame (with the client's retries) and returns the raw
    /// response, whatever its status.
    async fn send_raw<E: Endpoint>(&self, endpoint: &E) -> transport_core::Result<RawResponse> {
        // Validation and framing happen once, before any I/O.
        let request = codec::encode_request(endpoint, 0)?.request.ok_or_else(|| {
            transport_core::Error::Protocol("the codec built a frame without a request".into())
        })?;
        let method = E::METHOD;
        let method = method.as_str();
        let path = endpoint.path();
        let path: &str = &path;
        let account = matches!(endpoint.auth(), EndpointAuth::Client);
        let what = What(method, path);
        let call = RetryCall::new(&what, endpoint.idempotent())
            .with_limiter(self.limiter.as_ref())
            .with_rate_limit_statuses(RATE_LIMIT_STATUSES);
        self.retry
            .run(call, || {
                let request = request.clone();
                async move {
                    let socket = self.socket(account).await?;
                    let response = socket.request(request).await?;
                    codec::to_raw_response(&response, method, path)
                }
            })
            .await
    }
}

impl fmt::Debug for SignalClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let transport = match &self.inner.transport {
            Transport::Http(http) => format!("REST {}", http.base_url()),
            Transport::WebSocket(ws) => match ws.primary() {
                Some(socket) => format!(
                    "WebSocket {} ({})",
                    socket.config().connect.redacted_url(),
                    socket.state()
                ),
                None => "WebSocket (not connected)".to_owned(),
            },
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
    /// timeouts, connection errors, decode errors, invalid input caught before sending). Over
    /// the WebSocket also: a connection lost while the call was pending
    /// ([`ConnectionLost`](transport_core::Error::ConnectionLost), retried for idempotent
    /// operations), and a socket the server closed for good
    /// ([`Closed`](transport_core::Error::Closed) with code 4401 or 4409).
    pub async fn send<E: Operation>(&self, operation: &E) -> Result<E::Response> {
        match &self.inner.transport {
            Transport::Http(http) => http
                .send(operation)
                .await
                .map_err(|e| Error::from_transport(&E::INFO, e)),
            Transport::WebSocket(ws) => {
                let raw = ws
                    .send_raw(operation)
                    .await
                    .map_err(|e| Error::from_transport(&E::INFO, e))?;
                operation.parse(raw).map_err(|e| {
                    let e = apply_error_conventions(e, RATE_LIMIT_STATUSES, &default_error_message);
                    Error::from_transport(&E::INFO, e)
                })
            }
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
            Transport::WebSocket(ws) => ws.send_raw(operation).await.map_err(Error::Transport),
        }
    }

    /// The account credentials, if the client has any.
    pub fn credentials(&self) -> Option<&Credentials> {
        self.inner.credentials.as_ref()
    }

    /// The server's base URL.
    pub fn base_url(&self) -> &Url {
        &self.inner.base_url
    }

    /// Which transport the client uses.
    pub fn transport(&self) -> TransportKind {
        match &self.inner.transport {
            Transport::Http(_) => TransportKind::Rest,
            Transport::WebSocket(_) => TransportKind::WebSocket,
        }
    }

    /// The stream of what the server pushes (incoming messages, "queue empty") on the
    /// authenticated socket; it can be taken once. `None` over REST, without credentials, or
    /// when it was taken already.
    ///
    /// Items are acknowledged per the builder's [`AckMode`] (by default as the stream hands
    /// them out). Take the stream soon after connecting: pushes that arrive before are
    /// buffered (up to the WebSocket config's `notification_buffer`), then dropped, never
    /// acknowledged and reported as [`Incoming::Lost`](crate::ws::Incoming::Lost).
    pub fn incoming(&self) -> Option<IncomingMessages> {
        let Transport::WebSocket(ws) = &self.inner.transport else {
            return None;
        };
        let socket = ws.authenticated.as_ref()?;
        let notifications = socket.notifications()?;
        Some(IncomingMessages::new(notifications, socket))
    }

    /// Connection events (state changes, disconnects, late or unknown frames) of the
    /// authenticated socket (or of the unauthenticated one of a client without credentials),
    /// from now on. `None` over REST.
    pub fn connection_events(&self) -> Option<Events> {
        match &self.inner.transport {
            Transport::WebSocket(ws) => ws.primary().map(|socket| socket.events()),
            Transport::Http(_) => None,
        }
    }

    /// The state of the authenticated socket (or of the unauthenticated one of a client
    /// without credentials). `None` over REST.
    pub fn connection_state(&self) -> Option<ConnectionState> {
        match &self.inner.transport {
            Transport::WebSocket(ws) => ws.primary().map(|socket| socket.state()),
            Transport::Http(_) => None,
        }
    }

    /// Drops the WebSocket connections and opens new ones (pending calls fail with
    /// `ConnectionLost` and idempotent ones are retried); the server then delivers every
    /// message that was not acknowledged. Does nothing over REST.
    pub fn reconnect(&self) {
        if let Transport::WebSocket(ws) = &self.inner.transport {
            for socket in ws.all() {
                socket.reconnect();
            }
        }
    }

    /// Closes the WebSocket connections for good (pending calls fail with `Shutdown`, the
    /// incoming stream ends). Does nothing over REST.
    pub async fn shutdown(&self) {
        if let Transport::WebSocket(ws) = &self.inner.transport {
            for socket in ws.all() {
                socket.shutdown().await;
            }
        }
    }
}

/// The retry classification: transport-core's default (connection errors, timeouts, 429, 502,
/// 503, 504), plus 413 when the server says when to retry (older servers' rate limit), plus a
/// WebSocket connection lost while the call was pending or not ready (only idempotent calls are
/// repeated after the server may have seen them).
pub fn retry_classifier(attempt: &Attempt<'_>) -> RetryDecision {
    match attempt {
        Attempt::Response(r) if r.status.as_u16() == 413 && r.retry_after().is_some() => {
            RetryDecision::Retry
        }
        Attempt::Error(
            transport_core::Error::ConnectionLost { .. }
            | transport_core::Error::NotConnected { .. },
        ) => RetryDecision::Retry,
        other => default_classifier(other),
    }
}

/// A function that adjusts the WebSocket configuration.
type WsCustomizer = Box<dyn FnOnce(WsConfig) -> WsConfig + Send>;

/// Builds a [`SignalClient`]: [`build`](Self::build) for REST,
/// [`connect`](Self::connect) for the WebSocket.
#[must_use]
pub struct SignalClientBuilder {
    base_url: String,
    websocket_url: Option<String>,
    credentials: Option<Credentials>,
    user_agent: String,
    retry: RetryPolicy,
    rate_limiter: Option<RateLimiter>,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    pool_idle_timeout: Option<Duration>,
    root_certificates: Vec<Vec<u8>>,
    customize: HttpOptions,
    ack_mode: AckMode,
    fatal_close_codes: Vec<u16>,
    customize_ws: Vec<WsCustomizer>,
}

impl fmt::Debug for SignalClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignalClientBuilder")
            .field("base_url", &self.base_url)
            .field("websocket_url", &self.websocket_url)
            .field("credentials", &self.credentials)
            .field("user_agent", &self.user_agent)
            .field("retry", &self.retry)
            .field("ack_mode", &self.ack_mode)
            .field("fatal_close_codes", &self.fatal_close_codes)
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
    /// default retry policy with [`retry_classifier`], 30 s per attempt, 10 s to connect;
    /// for the WebSocket: [`AckMode::OnDelivery`], close codes 4401 and 4409 fatal, and
    /// transport-core's [`WsConfig`] defaults (30 s per request, keepalive every 30 s, pings
    /// every 20 s, reconnect with backoff forever).
    pub fn new() -> Self {
        Self {
            base_url: DEFAULT_BASE_URL.to_owned(),
            websocket_url: None,
            credentials: None,
            user_agent: DEFAULT_USER_AGENT.to_owned(),
            retry: RetryPolicy::default().with_classifier(retry_classifier),
            rate_limiter: None,
            timeout: Some(Duration::from_secs(30)),
            connect_timeout: Some(Duration::from_secs(10)),
            pool_idle_timeout: Some(Duration::from_secs(90)),
            root_certificates: Vec::new(),
            customize: HttpOptions::default(),
            ack_mode: AckMode::default(),
            fatal_close_codes: ws::DEFAULT_FATAL_CLOSE_CODES.to_vec(),
            customize_ws: Vec::new(),
        }
    }

    /// The server (default [`DEFAULT_BASE_URL`]; [`STAGING_BASE_URL`] for staging, or a test
    /// server).
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = base_url.into();
        self
    }

    /// The chat WebSocket's URL (default: the base URL with `ws`/`wss` and
    /// [`CHAT_PATH`](ws::CHAT_PATH), e.g. `wss://chat.signal.org/v1/websocket/`).
    pub fn websocket_url(mut self, url: impl Into<String>) -> Self {
        self.websocket_url = Some(url.into());
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

    /// The retry policy, for both transports. Only idempotent operations are retried after a
    /// response, a timeout or a lost connection (see
    /// [`Endpoint::idempotent`]); keep
    /// [`retry_classifier`] in custom policies to retry 413 with `Retry-After` and lost
    /// WebSocket connections.
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

    /// Time limit for one REST attempt (default 30 s; `None` for none). The WebSocket's is
    /// [`WsConfig::request_timeout`], set through
    /// [`customize_websocket`](Self::customize_websocket).
    pub fn timeout(mut self, timeout: Option<Duration>) -> Self {
        self.timeout = timeout;
        self
    }

    /// Time limit for connecting over REST (default 10 s; `None` for none).
    pub fn connect_timeout(mut self, timeout: Option<Duration>) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How long idle REST connections are kept (default 90 s; `None` keeps them).
    pub fn pool_idle_timeout(mut self, timeout: Option<Duration>) -> Self {
        self.pool_idle_timeout = timeout;
        self
    }

    /// Trusts an extra root certificate (PEM), for both transports. The production and
    /// staging servers present certificates issued by Signal's own CA: add it here to reach
    /// them.
    pub fn add_root_certificate_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.root_certificates.push(pem.into());
        self
    }

    /// Adjusts the underlying [`HttpClientBuilder`] (proxy, extra headers, wall clock, …),
    /// after this builder's own settings.
    pub fn customize_http(
        mut self,
        customize: impl FnOnce(HttpClientBuilder) -> HttpClientBuilder + Send + 'static,
    ) -> Self {
        self.customize.push(customize);
        self
    }

    /// When the WebSocket acknowledges what the server pushes (default
    /// [`AckMode::OnDelivery`]: as the [`incoming`](SignalClient::incoming) stream hands it
    /// out).
    pub fn ack_mode(mut self, ack_mode: AckMode) -> Self {
        self.ack_mode = ack_mode;
        self
    }

    /// The close codes after which the WebSocket does not reconnect (default
    /// [`DEFAULT_FATAL_CLOSE_CODES`](ws::DEFAULT_FATAL_CLOSE_CODES): 4401 connection
    /// invalidated, 4409 connected elsewhere).
    pub fn fatal_close_codes(mut self, codes: &[u16]) -> Self {
        self.fatal_close_codes = codes.to_vec();
        self
    }

    /// Adjusts the WebSocket configuration (request timeout, keepalive and ping intervals,
    /// reconnect policy, notification buffer, connect options, …), after this builder's own
    /// settings.
    pub fn customize_websocket(
        mut self,
        customize: impl FnOnce(WsConfig) -> WsConfig + Send + 'static,
    ) -> Self {
        self.customize_ws.push(Box::new(customize));
        self
    }

    /// The REST client.
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
            .rate_limit_statuses(RATE_LIMIT_STATUSES)
            .timeout(self.timeout)
            .connect_timeout(self.connect_timeout)
            .pool_idle_timeout(self.pool_idle_timeout);
        for pem in self.root_certificates {
            http = http.add_root_certificate_pem(pem);
        }
        if let Some(limiter) = self.rate_limiter {
            http = http.rate_limiter(limiter);
        }
        let http = self.customize.apply(http).build()?;
        Ok(SignalClient {
            inner: Arc::new(Inner {
                base_url: http.base_url().clone(),
                transport: Transport::Http(http),
                credentials: self.credentials,
            }),
        })
    }

    /// The WebSocket client: connects now (the authenticated socket with credentials, the
    /// unauthenticated one without) and returns once the socket is ready, so wrong
    /// credentials or a wrong URL surface here.
    ///
    /// # Errors
    ///
    /// [`Error::Transport`] with [`InvalidInput`](transport_core::Error::InvalidInput) for a
    /// bad URL, certificate or configuration (including keepalive and pings both slower than
    /// the server's 90 s idle timeout) before any I/O; otherwise the error of the first
    /// connection attempt: [`Connect`](transport_core::Error::Connect) when the server cannot
    /// be reached, a [`Status`](transport_core::Error::Status) error when it refuses the
    /// upgrade (401 for wrong credentials, 499 for an expired client).
    pub async fn connect(self) -> Result<SignalClient> {
        let base_url = parse_base_url(&self.base_url)?;
        let url = match self.websocket_url {
            Some(url) => url,
            None => chat_url(&base_url)?,
        };
        let mut tls = TlsConfig::new();
        for pem in &self.root_certificates {
            tls = tls.with_root_certificates_pem(pem)?;
        }
        let options = WsConnectOptions::new(url)
            .with_header("User-Agent", self.user_agent)
            .with_tls(tls);
        let mut config =
            WsConfig::from_options(options).with_app_keepalive(Some(ws::KEEPALIVE_INTERVAL));
        for customize in self.customize_ws {
            config = customize(config);
        }
        check_keepalive(&config)?;
        let sockets = Sockets {
            retry: self.retry,
            limiter: self.rate_limiter,
            ack_mode: self.ack_mode,
            fatal_close_codes: self.fatal_close_codes,
            authenticated: None,
            unauthenticated: OnceCell::new(),
            unauthenticated_config: config.clone(),
        };
        tracing::debug!(
            url = %config.connect.redacted_url(),
            ack_mode = ?sockets.ack_mode,
            fatal_close_codes = ?sockets.fatal_close_codes,
            authenticated = self.credentials.is_some(),
            "connecting the Signal WebSocket"
        );
        let mut sockets = Box::new(sockets);
        match &self.credentials {
            Some(credentials) => {
                let mut authenticated = config;
                authenticated.connect = authenticated
                    .connect
                    .clone()
                    .with_secret_header("Authorization", basic_header(credentials)?);
                let socket = WsClient::connect(authenticated, sockets.protocol()).await?;
                sockets.authenticated = Some(Arc::new(socket));
            }
            None => {
                sockets.unauthenticated().await?;
            }
        }
        Ok(SignalClient {
            inner: Arc::new(Inner {
                transport: Transport::WebSocket(sockets),
                credentials: self.credentials,
                base_url,
            }),
        })
    }
}

/// `wss://host/…/v1/websocket/` for `https://host/…/`.
fn chat_url(base: &Url) -> transport_core::Result<String> {
    let scheme = if base.scheme() == "https" {
        "wss"
    } else {
        "ws"
    };
    let mut url = base.clone();
    url.set_scheme(scheme).map_err(|()| {
        transport_core::Error::invalid_input("base URL", "cannot derive the WebSocket URL")
    })?;
    url.set_query(None);
    url.join(ws::CHAT_PATH.trim_start_matches('/'))
        .map(String::from)
        .map_err(|e| transport_core::Error::invalid_input("base URL", e.to_string()))
}

/// The upgrade request's `Authorization: Basic …` value, as a secret.
fn basic_header(credentials: &Credentials) -> transport_core::Result<transport_core::Secret> {
    let mut headers = HeaderMap::new();
    credentials.to_auth().apply(&mut headers)?;
    headers
        .get("authorization")
        .and_then(|value| value.to_str().ok())
        .map(transport_core::Secret::new)
        .ok_or_else(|| transport_core::Error::invalid_input("credentials", "not visible ASCII"))
}

/// The server closes a chat socket idle for 90 s: the application keepalive or the WebSocket
/// pings must run more often.
fn check_keepalive(config: &WsConfig) -> transport_core::Result<()> {
    let limit = ws::SERVER_IDLE_TIMEOUT;
    let fastest = [config.app_keepalive_interval, config.ping_interval]
        .into_iter()
        .flatten()
        .min();
    match fastest {
        Some(interval) if interval < limit => Ok(()),
        _ => Err(transport_core::Error::invalid_input(
            "keepalive",
            format!(
                "the keepalive ({:?}) or the WebSocket pings ({:?}) must run more often than the \
                 server's {limit:?} idle timeout",
                config.app_keepalive_interval, config.ping_interval
            ),
        )),
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
    fn lost_websocket_connections_are_retried() {
        for error in [
            transport_core::Error::ConnectionLost {
                reason: "dropped".into(),
            },
            transport_core::Error::NotConnected {
                state: "connecting".into(),
            },
        ] {
            assert_eq!(
                retry_classifier(&Attempt::Error(&error)),
                RetryDecision::Retry,
                "{error}"
            );
        }
        let closed = transport_core::Error::Closed {
            code: 4409,
            reason: String::new(),
        };
        assert_eq!(
            retry_classifier(&Attempt::Error(&closed)),
            RetryDecision::Stop
        );
    }

    #[test]
    fn the_websocket_url_follows_the_base_url() {
        let url = |base: &str| chat_url(&parse_base_url(base).unwrap()).unwrap();
        assert_eq!(url(DEFAULT_BASE_URL), "wss://chat.signal.org/v1/websocket/");
        assert_eq!(
            url("http://127.0.0.1:8080/base?x=1"),
            "ws://127.0.0.1:8080/base/v1/websocket/"
        );
        assert!(parse_base_url("ftp://example.com/").is_err());
        assert!(parse_base_url("not a url").is_err());
    }

    #[tokio::test]
    async fn websocket_settings_are_checked_before_any_io() {
        // Port 1 refuses connections: reaching it would be a Connect error, not invalid input.
        let builder = || SignalClient::builder().websocket_url("ws://127.0.0.1:1/v1/websocket/");
        let err = builder()
            .customize_websocket(|c| {
                c.with_app_keepalive(None).with_ping(
                    Some(Duration::from_secs(90)),
                    Some(Duration::from_secs(120)),
                )
            })
            .connect()
            .await
            .unwrap_err();
        assert!(err.to_string().starts_with("invalid keepalive"), "{err}");
        let err = builder()
            .customize_websocket(|c| {
                c.with_app_keepalive(Some(Duration::from_secs(95)))
                    .with_ping(None, None)
            })
            .connect()
            .await
            .unwrap_err();
        assert!(err.to_string().starts_with("invalid keepalive"), "{err}");
        // Pings alone are enough when they beat the idle timeout.
        let err = builder()
            .customize_websocket(|c| c.with_app_keepalive(None))
            .connect()
            .await
            .unwrap_err();
        assert!(
            matches!(
                err.as_transport(),
                Some(transport_core::Error::Connect { .. })
            ),
            "{err}"
        );
        let err = SignalClient::builder()
            .websocket_url("ftp://127.0.0.1:1/")
            .connect()
            .await
            .unwrap_err();
        assert!(err.to_string().contains("scheme"), "{err}");
        let err = SignalClient::builder()
            .base_url("not a url")
            .connect()
            .await
            .unwrap_err();
        assert!(err.to_string().starts_with("invalid base URL"), "{err}");
        let err = builder()
            .add_root_certificate_pem("not a certificate")
            .connect()
            .await
            .unwrap_err();
        assert!(err.to_string().contains("TLS root certificate"), "{err}");
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
