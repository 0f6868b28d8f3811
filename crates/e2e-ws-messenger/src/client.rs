//! [`Client`]: typed requests, the session (ping, registration, authentication after every
//! reconnect) and the event stream, on transport-core's WebSocket engine.

use crate::api::requests::{
    RequestAuthenticationByApplication, RequestConfirmRegistration, RequestPing,
    RequestRegisterApplication, ResponsePong,
};
use crate::api::{Request, Response, WireMessage, WireRequest};
use crate::correlation::{QueueKey, key_for, reply_echoes};
use crate::crypto::CryptoProvider;
use crate::detect::{DEFAULT_PROBE_TIMEOUT, detect_framing};
use crate::error::Error;
use crate::events::EventStream;
use crate::framing::{Framing, FramingProbe};
use crate::protocol::{Credentials, DEFAULT_CLIENT_VERSION, MessengerProtocol};
use serde_json::json;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::time::Instant;
use transport_core::Secret;
use transport_core::ws::{ConnectionState, Events, WsClient, WsConfig};

/// How many requests may wait for a reply in one correlation queue at a time (requests in
/// different queues always run concurrently).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Concurrency {
    /// One request in flight per [`QueueKey`]; the others wait in the client. Correct even if
    /// the server reorders replies of one type or answers some requests not at all. The
    /// default.
    #[default]
    SerialPerQueue,
    /// Any number in flight per queue, matched in order with echo checks: more throughput,
    /// but it relies on the server answering requests of one reply type in order.
    Pipelined,
}

/// How the framing is chosen.
enum FramingChoice {
    Fixed(Arc<dyn Framing>),
    Detect(FramingProbe),
}

/// Builds a [`Client`]. The framing is required: either [`ClientBuilder::framing`] or the
/// opt-in [`ClientBuilder::detect_framing`].
#[must_use]
pub struct ClientBuilder {
    config: WsConfig,
    framing: Option<FramingChoice>,
    probe_timeout: Duration,
    client_version: String,
    credentials: Option<Credentials>,
    concurrency: Concurrency,
    crypto: Option<Arc<dyn CryptoProvider>>,
    fatal_close_codes: Vec<u16>,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("url", &self.config.connect.redacted_url())
            .field("client_version", &self.client_version)
            .field("credentials", &self.credentials)
            .field("concurrency", &self.concurrency)
            .field("crypto", &self.crypto.is_some())
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// A builder for the server at `url` (`wss://…`), with transport-core's defaults: requests
    /// time out after 30 s, WebSocket pings every 20 s, reconnect after 60 s of silence,
    /// `RequestPing` keepalive every 30 s, reconnect with exponential backoff forever.
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            config: WsConfig::new(url),
            framing: None,
            probe_timeout: DEFAULT_PROBE_TIMEOUT,
            client_version: DEFAULT_CLIENT_VERSION.to_owned(),
            credentials: None,
            concurrency: Concurrency::default(),
            crypto: None,
            fatal_close_codes: Vec::new(),
        }
    }

    /// The framing (how the wire name travels with the body; see [`crate::framing`]). No
    /// trace of the real server shows it: `TypeAndBody::default()` is only a placeholder (see
    /// `docs/decisions.md`).
    pub fn framing(mut self, framing: impl Framing + 'static) -> Self {
        self.framing = Some(FramingChoice::Fixed(Arc::new(framing)));
        self
    }

    /// The framing, shared.
    pub fn framing_arc(mut self, framing: Arc<dyn Framing>) -> Self {
        self.framing = Some(FramingChoice::Fixed(framing));
        self
    }

    /// Opt-in: find the framing at connect by sending `RequestPing` in each of `probe`'s
    /// candidates until one is answered with a `ResponsePong` (see
    /// [`detect_framing`](crate::detect::detect_framing)). It sends frames in framings the
    /// server does not speak; prefer an explicit [`framing`](Self::framing) once known.
    pub fn detect_framing(mut self, probe: FramingProbe) -> Self {
        self.framing = Some(FramingChoice::Detect(probe));
        self
    }

    /// How long detection waits for each probe's answer (default 5 s).
    pub fn probe_timeout(mut self, timeout: Duration) -> Self {
        self.probe_timeout = timeout;
        self
    }

    /// The `clientVersion` sent in `RequestPing` (default `7.14`, the seed's).
    pub fn client_version(mut self, version: impl Into<String>) -> Self {
        self.client_version = version.into();
        self
    }

    /// Credentials of a registered application: the client authenticates with them after
    /// every (re)connect. Without them it only pings, until [`Client::authenticate`] or
    /// [`Client::confirm_registration`].
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(credentials);
        self
    }

    /// One request in flight per queue (the default) or pipelined.
    pub fn concurrency(mut self, concurrency: Concurrency) -> Self {
        self.concurrency = concurrency;
        self
    }

    /// The end-to-end crypto of this user, for [`crate::e2e::Chat`]. Optional: the protocol
    /// client itself never needs keys.
    pub fn crypto(mut self, crypto: impl CryptoProvider + 'static) -> Self {
        self.crypto = Some(Arc::new(crypto));
        self
    }

    /// The end-to-end crypto, shared.
    pub fn crypto_arc(mut self, crypto: Arc<dyn CryptoProvider>) -> Self {
        self.crypto = Some(crypto);
        self
    }

    /// The default request timeout (30 s).
    pub fn request_timeout(mut self, timeout: Duration) -> Self {
        self.config.request_timeout = timeout;
        self
    }

    /// The `RequestPing` keepalive interval (default 30 s; `None` sends none).
    pub fn keepalive(mut self, interval: Option<Duration>) -> Self {
        self.config.app_keepalive_interval = interval;
        self
    }

    /// Close codes after which the client stops instead of reconnecting (none is known for
    /// this server; default none).
    pub fn fatal_close_codes(mut self, codes: impl IntoIterator<Item = u16>) -> Self {
        self.fatal_close_codes = codes.into_iter().collect();
        self
    }

    /// Adjusts the engine's configuration (timeouts, pings, reconnect policy, buffers, headers,
    /// TLS) in one place.
    ///
    /// ```
    /// use e2e_ws_messenger::ClientBuilder;
    /// use std::time::Duration;
    ///
    /// let builder = ClientBuilder::new("wss://messenger.example.com/ws")
    ///     .ws(|config| config.with_ping(Some(Duration::from_secs(15)), Some(Duration::from_secs(40))));
    /// # drop(builder);
    /// ```
    pub fn ws(mut self, adjust: impl FnOnce(WsConfig) -> WsConfig) -> Self {
        self.config = adjust(self.config);
        self
    }

    /// Connects: detects the framing if asked to, connects, pings and authenticates (when
    /// credentials are set); returns once the client is ready.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] before any I/O when no framing is set, when the framing only
    /// decodes, or for an invalid configuration; [`FramingError::NotDetected`](crate::FramingError::NotDetected)
    /// when detection found nothing; otherwise the first connection attempt's error (a refused
    /// authentication is [`transport_core::Error::Handshake`]).
    pub async fn connect(self) -> Result<Client, Error> {
        let framing: Arc<dyn Framing> = match self.framing {
            None => {
                return Err(Error::invalid_input(
                    "framing",
                    "required: set ClientBuilder::framing (or opt into detect_framing); the \
                     protocol's framing is not documented, see docs/decisions.md",
                ));
            }
            Some(FramingChoice::Fixed(framing)) => {
                framing
                    .encode(RequestPing::WIRE_NAME, &json!({}))
                    .map_err(|e| Error::invalid_input("framing", e.to_string()))?;
                framing
            }
            Some(FramingChoice::Detect(probe)) => {
                if self.probe_timeout.is_zero() {
                    return Err(Error::invalid_input("probe_timeout", "must be positive"));
                }
                let ping =
                    RequestPing::new(self.client_version.clone(), crate::model::Timestamp::now());
                let detected =
                    detect_framing(&self.config.connect, probe, &ping, self.probe_timeout).await?;
                Arc::from(detected.framing)
            }
        };
        let protocol = MessengerProtocol::new(Arc::clone(&framing))
            .with_client_version(self.client_version)
            .with_credentials(self.credentials)
            .with_fatal_close_codes(self.fatal_close_codes);
        let ws = WsClient::connect(self.config, protocol).await?;
        let events = ws.events();
        Ok(Client {
            inner: Arc::new(Inner {
                ws,
                framing,
                concurrency: self.concurrency,
                queues: Mutex::new(BTreeMap::new()),
                timeouts: Mutex::new(BTreeMap::new()),
                resyncs: Mutex::new(0),
                registration: Mutex::new(None),
                events: Mutex::new(Some(events)),
                crypto: self.crypto,
            }),
        })
    }
}

/// Consecutive timeouts of one queue, on one connection.
#[derive(Debug, Clone, Copy)]
struct Timeouts {
    count: u32,
    handshake: u64,
}

struct Inner {
    ws: WsClient<MessengerProtocol>,
    framing: Arc<dyn Framing>,
    concurrency: Concurrency,
    queues: Mutex<BTreeMap<QueueKey, Arc<Semaphore>>>,
    timeouts: Mutex<BTreeMap<QueueKey, Timeouts>>,
    resyncs: Mutex<u64>,
    registration: Mutex<Option<Credentials>>,
    events: Mutex<Option<Events>>,
    crypto: Option<Arc<dyn CryptoProvider>>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A client of the messenger's WebSocket API.
///
/// - **Typed requests**: [`Client::request`] takes any request type and returns its typed
///   reply; a `ResponseStatusMessage` whose status is not `ok` becomes [`Error::Server`].
///   Input is [validated](crate::api::WireMessage::validate) before any I/O.
/// - **Correlation** without request ids (notes §12): requests wait in a queue per expected
///   reply; by default one request per queue is in flight ([`Concurrency`]). A timed-out
///   request's late reply is dropped by the engine; when a second timeout in a row hits a
///   queue whose replies cannot confirm their request ([`reply_echoes`]), the client
///   reconnects to resynchronise (see `docs/decisions.md`).
/// - **Session**: `RequestPing` at connect and as keepalive, registration
///   ([`register_application`](Self::register_application) →
///   [`confirm_registration`](Self::confirm_registration)), authentication by application after
///   every reconnect.
/// - **Events**: notifications, losses, reconnects and unknown frames as one typed stream
///   ([`Client::events`]).
///
/// Cheap to clone; every clone drives the same connection.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("framing", &self.inner.framing.describe())
            .field("state", &self.state())
            .field("concurrency", &self.inner.concurrency)
            .field("credentials", &self.credentials())
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A builder for the server at `url`.
    pub fn builder(url: impl Into<String>) -> ClientBuilder {
        ClientBuilder::new(url)
    }

    /// Sends `request` and returns its typed reply, within the default request timeout.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] before any I/O for invalid input; [`Error::Server`] when the
    /// server answered with a status other than `ok`; [`Error::UnexpectedReply`]; a decode
    /// error (wire name and JSON path) when the reply did not fit its type;
    /// [`Error::Transport`] with a timeout, a lost connection or a closed client.
    pub async fn request<R: WireRequest>(&self, request: R) -> Result<R::Reply, Error> {
        let timeout = self.inner.ws.config().request_timeout;
        self.request_with_timeout(request, timeout).await
    }

    /// Like [`request`](Self::request) with its own time limit (which also covers waiting for
    /// the request ahead in its queue and for the connection).
    ///
    /// # Errors
    ///
    /// As [`request`](Self::request).
    pub async fn request_with_timeout<R: WireRequest>(
        &self,
        request: R,
        timeout: Duration,
    ) -> Result<R::Reply, Error> {
        request.validate()?;
        let response = self.exchange(request.into(), timeout).await?;
        R::Reply::try_from(response).map_err(|other| Error::UnexpectedReply {
            request_type: R::WIRE_NAME.to_owned(),
            reply: other.wire_name().to_owned(),
        })
    }

    /// Sends any request, a [`Request::Unknown`] included, and returns the reply untyped.
    ///
    /// # Errors
    ///
    /// As [`request`](Self::request).
    pub async fn request_any(&self, request: Request) -> Result<Response, Error> {
        request.validate()?;
        let timeout = self.inner.ws.config().request_timeout;
        self.exchange(request, timeout).await
    }

    /// Sends `request` without waiting for its reply (`RequestTyping`, `MessageDelivered`,
    /// `RequestMessagesReaded`). The reply is still awaited in the background and discarded,
    /// so correlation stays aligned; a failure is only logged.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] before any I/O for invalid input.
    pub fn send_and_forget<R: WireRequest>(&self, request: R) -> Result<(), Error> {
        request.validate()?;
        let client = self.clone();
        let timeout = self.inner.ws.config().request_timeout;
        tokio::spawn(async move {
            if let Err(error) = client.exchange(request.into(), timeout).await {
                tracing::debug!(wire_name = R::WIRE_NAME, %error, "fire-and-forget request failed");
            }
        });
        Ok(())
    }

    /// Sends a `RequestPing` stamped now; the reply carries the server's version.
    ///
    /// # Errors
    ///
    /// As [`request`](Self::request).
    pub async fn ping(&self) -> Result<ResponsePong, Error> {
        let ping = self.inner.ws.protocol().ping();
        self.request(ping).await
    }

    /// Registers an application (device) for a phone number: the server sends an SMS code, to
    /// be passed to [`confirm_registration`](Self::confirm_registration).
    ///
    /// # Errors
    ///
    /// As [`request`](Self::request) (an invalid phone number or a `userId` that is not its
    /// hash is an input error, before any I/O).
    pub async fn register_application(
        &self,
        request: RequestRegisterApplication,
    ) -> Result<(), Error> {
        let pending = Credentials::new(request.user_id.clone(), request.uuid.clone());
        self.request(request).await?;
        *lock(&self.inner.registration) = Some(pending);
        Ok(())
    }

    /// Confirms the pending registration with the SMS code, then authenticates: from now on
    /// the client authenticates after every reconnect. Returns the credentials to store for
    /// later sessions ([`ClientBuilder::credentials`]).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] when no registration is pending or the code is empty; otherwise
    /// as [`request`](Self::request).
    pub async fn confirm_registration(&self, sms_code: Secret) -> Result<Credentials, Error> {
        let Some(pending) = lock(&self.inner.registration).clone() else {
            return Err(Error::invalid_input(
                "registration",
                "no registration is pending: call register_application first",
            ));
        };
        self.request(RequestConfirmRegistration::new(
            sms_code,
            pending.user_id.clone(),
            pending.application_id.clone(),
        ))
        .await?;
        *lock(&self.inner.registration) = None;
        self.authenticate(pending.clone()).await?;
        Ok(pending)
    }

    /// Authenticates this connection with `credentials` and keeps them for every reconnect.
    ///
    /// # Errors
    ///
    /// As [`request`](Self::request); a refusal is [`Error::Server`] and the credentials are
    /// not kept.
    pub async fn authenticate(&self, credentials: Credentials) -> Result<(), Error> {
        self.request(RequestAuthenticationByApplication::new(
            credentials.user_id.clone(),
            credentials.application_id.clone(),
        ))
        .await?;
        let protocol = self.inner.ws.protocol();
        protocol.set_credentials(Some(credentials));
        protocol.mark_authenticated();
        Ok(())
    }

    /// The credentials the client authenticates with, if any.
    pub fn credentials(&self) -> Option<Credentials> {
        self.inner.ws.protocol().credentials()
    }

    /// True while the current connection is authenticated.
    pub fn is_authenticated(&self) -> bool {
        self.inner.ws.protocol().is_authenticated()
    }

    /// The server version from the latest `ResponsePong`.
    pub fn server_version(&self) -> Option<String> {
        self.inner.ws.protocol().server_version()
    }

    /// The stream of [`Event`](crate::events::Event)s: typed notifications, losses,
    /// reconnects, unknown frames. It can be taken once; later calls return `None`.
    pub fn events(&self) -> Option<EventStream> {
        let events = lock(&self.inner.events).take()?;
        let notifications = self.inner.ws.notifications()?;
        Some(EventStream::new(
            events,
            notifications,
            Arc::clone(&self.inner.framing),
        ))
    }

    /// The framing in use (useful after detection).
    pub fn framing(&self) -> &Arc<dyn Framing> {
        &self.inner.framing
    }

    /// The end-to-end crypto given to the builder, if any.
    pub fn crypto(&self) -> Option<&Arc<dyn CryptoProvider>> {
        self.inner.crypto.as_ref()
    }

    /// The connection state.
    pub fn state(&self) -> ConnectionState {
        self.inner.ws.state()
    }

    /// Waits until the state satisfies `condition` (for example `Ready` after a reconnect).
    pub async fn wait_for_state(
        &self,
        condition: impl FnMut(&ConnectionState) -> bool,
    ) -> ConnectionState {
        self.inner.ws.wait_for_state(condition).await
    }

    /// How many times the client reconnected to resynchronise a queue after repeated timeouts.
    pub fn resyncs(&self) -> u64 {
        *lock(&self.inner.resyncs)
    }

    /// Drops the connection and reconnects (pending requests fail with a lost connection).
    pub fn reconnect(&self) {
        self.inner.ws.reconnect();
    }

    /// The engine underneath, for what this client does not wrap (raw frames, engine events).
    pub fn ws(&self) -> &WsClient<MessengerProtocol> {
        &self.inner.ws
    }

    /// Shuts down: pending requests fail, the connection is closed, the event stream ends.
    pub async fn shutdown(&self) {
        self.inner.ws.shutdown().await;
    }

    /// Sends `request` in its queue and returns the reply, with the status checked.
    async fn exchange(&self, request: Request, timeout: Duration) -> Result<Response, Error> {
        let deadline = Instant::now() + timeout;
        let key = key_for(&request);
        let echoes = reply_echoes(&request);
        let name = request.wire_name().to_owned();
        let _turn = match self.inner.concurrency {
            Concurrency::SerialPerQueue => {
                let queue = Arc::clone(
                    lock(&self.inner.queues)
                        .entry(key.clone())
                        .or_insert_with(|| Arc::new(Semaphore::new(1))),
                );
                match tokio::time::timeout_at(deadline, queue.acquire_owned()).await {
                    Ok(Ok(turn)) => Some(turn),
                    // The semaphore is never closed.
                    Ok(Err(_)) => None,
                    Err(_) => {
                        return Err(transport_core::Error::Timeout {
                            what: format!("{name} (waiting for the request ahead in {key:?})"),
                            after: timeout,
                        }
                        .into());
                    }
                }
            }
            Concurrency::Pipelined => None,
        };
        let remaining = deadline.saturating_duration_since(Instant::now());
        if remaining.is_zero() {
            return Err(transport_core::Error::Timeout {
                what: format!("{name} (waiting for the request ahead in {key:?})"),
                after: timeout,
            }
            .into());
        }
        match self.inner.ws.request_with_timeout(request, remaining).await {
            Ok(reply) => {
                lock(&self.inner.timeouts).remove(&key);
                let response = reply?;
                match response {
                    Response::StatusMessage(status) if !status.is_ok() => Err(Error::Server {
                        request_type: status.request_type,
                        status: status.status,
                        description: status.description,
                    }),
                    other => Ok(other),
                }
            }
            Err(error) => {
                if error.is_timeout() {
                    self.timed_out(&key, echoes);
                }
                Err(error.into())
            }
        }
    }

    /// Counts a timeout in `key`'s queue; the second in a row on one connection, for a request
    /// whose reply cannot confirm it, means the queue can no longer tell replies apart:
    /// reconnect.
    fn timed_out(&self, key: &QueueKey, echoes: bool) {
        let handshake = self.inner.ws.protocol().handshakes();
        let count = {
            let mut timeouts = lock(&self.inner.timeouts);
            let entry = timeouts.entry(key.clone()).or_insert(Timeouts {
                count: 0,
                handshake,
            });
            if entry.handshake != handshake {
                *entry = Timeouts {
                    count: 0,
                    handshake,
                };
            }
            entry.count += 1;
            entry.count
        };
        if count >= 2 && !echoes {
            tracing::warn!(
                queue = ?key,
                "second timeout in a row on a queue whose replies carry no echo: reconnecting to resynchronise"
            );
            lock(&self.inner.timeouts).clear();
            *lock(&self.inner.resyncs) += 1;
            self.inner.ws.reconnect();
        }
    }
}
