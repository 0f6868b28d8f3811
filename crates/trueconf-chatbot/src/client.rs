//! [`Client`]: a connection to a TrueConf server as a bot, and its [`ClientBuilder`].

use crate::api::Method;
use crate::api::chats::{
    AddChatParticipant, CreateChannel, CreateGroupChat, CreateP2pChat, GetChatById, GetChats,
    RemoveChatParticipant,
};
use crate::api::files::FileInfo;
use crate::api::files::GetFileInfo;
use crate::api::http::GetServerInfo;
use crate::api::messages::{
    ChatHistory, EditMessage, EditedMessage, ForwardMessage, GetChatHistory, GetMessageById,
    RemoveMessage, SendMessage,
};
use crate::api::session::{GetUserDisplayName, UserDisplayName};
use crate::codec::{self, PreparedRequest, ResponseFrame};
use crate::credentials::{OAuthApplication, PasswordGrant, TokenProvider};
use crate::error::{Error, Result};
use crate::model::{
    Chat, ChatId, CreatedChat, Envelope, FileId, MessageId, SentMessage, ServerInfo, TextContent,
    UserId,
};
use crate::protocol::{HandshakeFailure, Session, SessionOptions, TrueConf};
use crate::update::{AckMode, Delivery, Updates};
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};
use transport_core::Secret;
use transport_core::http::{HttpClient, HttpClientBuilder, HttpOptions};
use transport_core::tls::TlsConfig;
use transport_core::ws::{
    BatchResults, ConnectionState, Events, OverflowPolicy, ReconnectPolicy, WsClient, WsConfig,
    WsConnectOptions, WsFrame,
};

/// The Bridge's plain-HTTP port (WebSocket and HTTP without TLS).
pub const BRIDGE_PORT: u16 = 4309;
/// The HTTPS port of TrueConf Web, which proxies the Bridge.
pub const HTTPS_PORT: u16 = 443;
/// The default request timeout (the official client's).
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// The default interval of the application keepalive (`getUserDisplayName` of the bot).
pub const DEFAULT_APP_KEEPALIVE: Duration = Duration::from_secs(15);

/// Plain (`http`/`ws`, the Bridge on port 4309) or TLS (`https`/`wss`, port 443).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Scheme {
    /// `https://` and `wss://`. The default.
    #[default]
    Https,
    /// `http://` and `ws://` (the Bridge itself does not accept TLS).
    Http,
}

impl Scheme {
    fn http(self) -> &'static str {
        match self {
            Self::Https => "https",
            Self::Http => "http",
        }
    }

    fn ws(self) -> &'static str {
        match self {
            Self::Https => "wss",
            Self::Http => "ws",
        }
    }

    /// The default port: 443 for HTTPS, 4309 (the Bridge) for HTTP.
    pub fn default_port(self) -> u16 {
        match self {
            Self::Https => HTTPS_PORT,
            Self::Http => BRIDGE_PORT,
        }
    }
}

type WsHook = Box<dyn FnOnce(WsConfig) -> WsConfig + Send>;

/// Configures and connects a [`Client`].
///
/// ```no_run
/// # async fn run() -> trueconf_chatbot::Result<()> {
/// use std::time::Duration;
/// use trueconf_chatbot::{Client, Scheme};
///
/// let client = Client::builder("video.example.com")
///     .credentials("echo-bot", "s3cret")            // password grant; renewed on error 203
///     .request_timeout(Duration::from_secs(15))
///     .connect()
///     .await?;
///
/// // The Bridge directly, without TLS:
/// let local = Client::builder("10.0.0.5")
///     .scheme(Scheme::Http)                        // port 4309 unless set
///     .token("eyJhbGciOi…")
///     .connect()
///     .await?;
/// # let _ = (client, local); Ok(()) }
/// ```
#[must_use]
pub struct ClientBuilder {
    host: String,
    port: Option<u16>,
    scheme: Scheme,
    path: String,
    subprotocol: bool,
    token: Option<Secret>,
    provider: Option<Arc<dyn TokenProvider>>,
    ack_mode: AckMode,
    receive_unread: bool,
    system_envelopes: bool,
    request_timeout: Duration,
    ping: (Option<Duration>, Option<Duration>),
    app_keepalive: Option<Duration>,
    reconnect: ReconnectPolicy,
    retry_initial_connect: bool,
    notifications: (usize, OverflowPolicy),
    root_certificates: Vec<Vec<u8>>,
    accept_invalid_certs: bool,
    user_agent: String,
    http: HttpOptions,
    ws: Vec<WsHook>,
    now: fn() -> SystemTime,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("scheme", &self.scheme)
            .field("path", &self.path)
            .field("token", &self.token)
            .field("has_provider", &self.provider.is_some())
            .field("ack_mode", &self.ack_mode)
            .field("request_timeout", &self.request_timeout)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    fn new(host: impl Into<String>) -> Self {
        Self {
            host: host.into(),
            port: None,
            scheme: Scheme::Https,
            path: codec::DEFAULT_PATH.to_owned(),
            subprotocol: true,
            token: None,
            provider: None,
            ack_mode: AckMode::Immediate,
            receive_unread: false,
            system_envelopes: false,
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
            ping: (Some(Duration::from_secs(20)), Some(Duration::from_secs(60))),
            app_keepalive: Some(DEFAULT_APP_KEEPALIVE),
            reconnect: ReconnectPolicy::default(),
            retry_initial_connect: false,
            notifications: (1024, OverflowPolicy::DropOldest),
            root_certificates: Vec::new(),
            accept_invalid_certs: false,
            user_agent: concat!("trueconf-chatbot/", env!("CARGO_PKG_VERSION")).to_owned(),
            http: HttpOptions::default(),
            ws: Vec::new(),
            now: SystemTime::now,
        }
    }

    /// `https`/`wss` (default) or `http`/`ws`.
    pub fn scheme(mut self, scheme: Scheme) -> Self {
        self.scheme = scheme;
        self
    }

    /// The port (default: 443 for HTTPS, 4309 for HTTP).
    pub fn port(mut self, port: u16) -> Self {
        self.port = Some(port);
        self
    }

    /// The WebSocket path (default `/websocket/chat_bot/`; the official Python client uses
    /// `/websocket/chat_bot`).
    pub fn path(mut self, path: impl Into<String>) -> Self {
        self.path = path.into();
        self
    }

    /// Offer the `json.v1` subprotocol (default true; the server assumes it when absent).
    pub fn subprotocol(mut self, offer: bool) -> Self {
        self.subprotocol = offer;
        self
    }

    /// A bot token (JWT). Without a provider it is used as long as the server accepts it.
    pub fn token(mut self, token: impl Into<Secret>) -> Self {
        self.token = Some(token.into());
        self
    }

    /// Get tokens with the password grant for the bot account `username` (before connecting,
    /// and again when the server says the token expired).
    pub fn credentials(self, username: impl Into<String>, password: impl Into<Secret>) -> Self {
        self.token_provider(PasswordGrant::new(username, password))
    }

    /// Get tokens with the OAuth application flow (servers with password login disabled).
    pub fn oauth(
        self,
        client_id: impl Into<String>,
        username: impl Into<String>,
        password: impl Into<Secret>,
    ) -> Self {
        self.token_provider(OAuthApplication::new(client_id, username, password))
    }

    /// Get tokens from `provider`.
    pub fn token_provider(mut self, provider: impl TokenProvider) -> Self {
        self.provider = Some(Arc::new(provider));
        self
    }

    /// When notifications are acknowledged (default [`AckMode::Immediate`]).
    pub fn ack_mode(mut self, mode: AckMode) -> Self {
        self.ack_mode = mode;
        self
    }

    /// Ask `auth` for the unread backlog (`receiveUnread`, default false).
    pub fn receive_unread(mut self, receive: bool) -> Self {
        self.receive_unread = receive;
        self
    }

    /// Ask `auth` for system envelopes (`receiveSystemMessageEnvelopes`, default false).
    pub fn system_envelopes(mut self, receive: bool) -> Self {
        self.system_envelopes = receive;
        self
    }

    /// The default time limit of a request (default 10 s).
    pub fn request_timeout(mut self, timeout: Duration) -> Self {
        self.request_timeout = timeout;
        self
    }

    /// WebSocket pings: the interval, and how long without any incoming frame counts as a
    /// dead connection (default 20 s and 60 s; `None` disables either).
    pub fn keepalive(mut self, ping: Option<Duration>, idle_timeout: Option<Duration>) -> Self {
        self.ping = (ping, idle_timeout);
        self
    }

    /// The application keepalive (`getUserDisplayName` of the bot; reconnect if it times
    /// out). Default every 15 s; `None` disables it.
    pub fn app_keepalive(mut self, interval: Option<Duration>) -> Self {
        self.app_keepalive = interval;
        self
    }

    /// How the client reconnects (default: forever, 500 ms doubling to 30 s with jitter).
    pub fn reconnect(mut self, policy: ReconnectPolicy) -> Self {
        self.reconnect = policy;
        self
    }

    /// Retry the first connection per the reconnect policy instead of failing at once.
    pub fn retry_initial_connect(mut self, retry: bool) -> Self {
        self.retry_initial_connect = retry;
        self
    }

    /// Notifications buffered for the application, and what gives when it falls behind
    /// (default 1,024, drop the oldest; losses are reported as
    /// [`Update::Lost`](crate::Update::Lost)).
    pub fn notification_buffer(mut self, size: usize, overflow: OverflowPolicy) -> Self {
        self.notifications = (size, overflow);
        self
    }

    /// Trust a private CA (PEM) for HTTPS and WSS.
    pub fn root_certificate_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.root_certificates.push(pem.into());
        self
    }

    /// **Dangerous**: accept any server certificate, for HTTPS and WSS (test servers only).
    pub fn danger_accept_invalid_certs(mut self, accept: bool) -> Self {
        self.accept_invalid_certs = accept;
        self
    }

    /// The `User-Agent` of HTTP requests and the WebSocket upgrade.
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// Any other HTTP option (timeouts, proxy, retries): applied to the
    /// [`HttpClientBuilder`] last. For tests on paused time:
    /// `.http(HttpClientBuilder::without_timeouts)`.
    pub fn http(
        mut self,
        change: impl FnOnce(HttpClientBuilder) -> HttpClientBuilder + Send + 'static,
    ) -> Self {
        self.http.push(change);
        self
    }

    /// Any other WebSocket option (buffer sizes, handshake timeout, send queue): applied to
    /// the [`WsConfig`] last.
    pub fn ws(mut self, change: impl FnOnce(WsConfig) -> WsConfig + Send + 'static) -> Self {
        self.ws.push(Box::new(change));
        self
    }

    /// The wall clock the local token check uses (default [`SystemTime::now`]).
    pub fn wall_clock(mut self, now: fn() -> SystemTime) -> Self {
        self.now = now;
        self
    }

    fn authority(&self) -> Result<String> {
        let host = self.host.trim();
        let valid = !host.is_empty()
            && !host.contains(['/', '?', '#', '@', ' '])
            && !host.starts_with("http");
        if !valid {
            return Err(transport_core::Error::invalid_input(
                "host",
                format!("`{host}` is not a host name or address (no scheme, path or port)"),
            )
            .into());
        }
        let port = self.port.unwrap_or_else(|| self.scheme.default_port());
        if port == 0 {
            return Err(transport_core::Error::invalid_input("port", "must not be 0").into());
        }
        // IPv6 literals need brackets in URLs.
        let host = if host.contains(':') && !host.starts_with('[') {
            format!("[{host}]")
        } else {
            host.to_owned()
        };
        Ok(format!("{host}:{port}"))
    }

    fn tls(&self) -> Result<TlsConfig> {
        let mut tls = TlsConfig::new().danger_accept_invalid_certs(self.accept_invalid_certs);
        for pem in &self.root_certificates {
            tls = tls.with_root_certificates_pem(pem)?;
        }
        Ok(tls)
    }

    /// Builds the client without connecting (checks every setting).
    fn prepare(self) -> Result<(WsConfig, Arc<Session>)> {
        let authority = self.authority()?;
        if !self.path.starts_with('/') {
            return Err(transport_core::Error::invalid_input(
                "path",
                format!("`{}` must start with `/`", self.path),
            )
            .into());
        }
        // The engine checks its whole configuration too, but only when it connects, which is
        // after the token request: check what this builder sets up front.
        let invalid = |field: &str, reason: &str| -> Result<()> {
            Err(transport_core::Error::invalid_input(field, reason).into())
        };
        if self.request_timeout.is_zero() {
            invalid("request_timeout", "must be positive")?;
        }
        if let (Some(ping), Some(idle)) = self.ping
            && idle <= ping
        {
            invalid("idle_timeout", "must be longer than the ping interval")?;
        }
        if self.notifications.0 == 0 {
            invalid("notification_buffer", "must be at least 1")?;
        }
        if self.token.is_none() && self.provider.is_none() {
            return Err(transport_core::Error::invalid_input(
                "credentials",
                "give a token, credentials, an OAuth application or a token provider",
            )
            .into());
        }
        let tls = self.tls()?;
        let base = format!("{}://{authority}/", self.scheme.http());
        let mut http = HttpClient::builder(&base)?.user_agent(self.user_agent.clone());
        for pem in &self.root_certificates {
            http = http.add_root_certificate_pem(pem.clone());
        }
        http = http.danger_accept_invalid_certs(self.accept_invalid_certs);
        let http = self.http.apply(http).build()?;

        let url = format!("{}://{authority}{}", self.scheme.ws(), self.path);
        let mut connect = WsConnectOptions::new(url)
            .with_tls(tls)
            .with_header("User-Agent", self.user_agent.clone());
        if self.subprotocol {
            connect = connect.with_subprotocol(codec::SUBPROTOCOL);
        }
        let mut config = WsConfig::from_options(connect)
            .with_request_timeout(self.request_timeout)
            .with_ping(self.ping.0, self.ping.1)
            .with_app_keepalive(self.app_keepalive)
            .with_reconnect(self.reconnect)
            .with_retry_initial_connect(self.retry_initial_connect)
            .with_notification_buffer(self.notifications.0, self.notifications.1);
        for change in self.ws {
            config = change(config);
        }
        let session = Arc::new(Session::new(SessionOptions {
            http,
            token: self.token,
            provider: self.provider,
            receive_unread: self.receive_unread,
            system_envelopes: self.system_envelopes,
            ack_mode: self.ack_mode,
            now: self.now,
        }));
        Ok((config, session))
    }

    /// Connects, authenticates and returns once the client is ready.
    ///
    /// # Errors
    ///
    /// Before any I/O: [`Error::Transport`] (`InvalidInput`) for a bad setting, or
    /// [`Error::Token`] when the given token fails the local check and there is no provider.
    /// Then: [`Error::Api`] naming `auth` when the server refuses the token (201, 202, 204;
    /// 203 when no provider can renew it), HTTP errors of the token endpoints
    /// ([`Error::http_error_body`]), or the connection error.
    pub async fn connect(self) -> Result<Client> {
        let (config, session) = self.prepare()?;
        session.prepare_token().await?;
        // A token the server calls expired while it still looks valid locally (clock skew,
        // revoked): one more try with a fresh one when a provider can get it.
        let mut renewed = false;
        loop {
            let protocol = TrueConf {
                session: Arc::clone(&session),
            };
            match WsClient::connect(config.clone(), protocol).await {
                Ok(ws) => {
                    let _ = session.take_failure();
                    return Ok(Client {
                        inner: Arc::new(Inner { ws, session }),
                    });
                }
                Err(error) => {
                    let failure = session.take_failure();
                    let expired = matches!(&failure, Some(HandshakeFailure::Auth(e))
                        if e.code == crate::model::ErrorCode::CredentialsExpired);
                    if expired && session.has_provider() && !renewed {
                        renewed = true;
                        continue;
                    }
                    return Err(typed_connect_error(error, failure));
                }
            }
        }
    }
}

fn typed_connect_error(error: transport_core::Error, failure: Option<HandshakeFailure>) -> Error {
    match failure {
        Some(HandshakeFailure::Auth(api)) => api.into_error("auth"),
        Some(HandshakeFailure::Token(token)) => Error::Token(token),
        Some(HandshakeFailure::NoToken) | None => Error::Transport(error),
    }
}

/// The answers of [`Client::call_all`]: `(index of the request, its result)` in the order
/// the answers arrive, ending after the last one. Also a [`Stream`](futures_util::Stream).
pub struct CallResults<M: Method> {
    inner: BatchResults<ResponseFrame>,
    method: std::marker::PhantomData<fn() -> M>,
}

impl<M: Method> fmt::Debug for CallResults<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CallResults")
            .field("method", &M::NAME)
            .finish_non_exhaustive()
    }
}

fn decode_result<M: Method>(
    (index, result): (usize, transport_core::Result<ResponseFrame>),
) -> (usize, Result<M::Response>) {
    (
        index,
        result
            .map_err(Error::from)
            .and_then(|response| response.decode::<M>()),
    )
}

impl<M: Method> CallResults<M> {
    /// The next result, or `None` after the last.
    pub async fn recv(&mut self) -> Option<(usize, Result<M::Response>)> {
        self.inner.recv().await.map(decode_result::<M>)
    }
}

impl<M: Method> futures_util::Stream for CallResults<M> {
    type Item = (usize, Result<M::Response>);

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        std::pin::Pin::new(&mut self.inner)
            .poll_next(cx)
            .map(|item| item.map(decode_result::<M>))
    }
}

struct Inner {
    ws: WsClient<TrueConf>,
    session: Arc<Session>,
}

/// A bot's connection to a TrueConf server: typed requests, the update stream, files.
///
/// Cheap to clone (an `Arc` inside); clones share the connection. The client reconnects and
/// authenticates again by itself after every lost connection; requests pending at that moment
/// fail at once with a connection error (none waits for its timeout), requests made while
/// reconnecting wait for the connection within their timeout. When the last clone is dropped
/// the client shuts down in the background.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> trueconf_chatbot::Result<()> {
/// use trueconf_chatbot::testkit::FakeTrueConfServer;
///
/// let server = FakeTrueConfServer::start().await?;
/// server.add_user("alice", "Alice");
/// let client = server.bot_client().connect().await?;
///
/// let chat = client.create_p2p_chat(server.user_id("alice")).await?;
/// client.send_text(chat.chat_id.clone(), "Hello, Alice!").await?;
/// assert_eq!(server.messages(&chat.chat_id)[0].text(), Some("Hello, Alice!"));
/// # client.shutdown().await;
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("ws", &self.inner.ws)
            .field("session", &self.inner.session)
            .finish()
    }
}

impl Client {
    /// A builder for the server at `host` (a name or address, without scheme or port).
    pub fn builder(host: impl Into<String>) -> ClientBuilder {
        ClientBuilder::new(host)
    }

    /// Sends `request` and waits for its answer, within the request timeout.
    ///
    /// The request is validated first ([`Method::validate`]); nothing is sent when it is
    /// invalid.
    ///
    /// # Errors
    ///
    /// [`Error::Validation`] (before any I/O), [`Error::Api`] when the server answers with an
    /// error code, [`Error::Transport`] for timeouts, lost connections, and answers that do
    /// not decode (with the JSON path).
    pub async fn call<M: Method>(&self, request: M) -> Result<M::Response> {
        let prepared = PreparedRequest::new(&request)?;
        let response = self.inner.ws.request(prepared).await?;
        response.decode::<M>()
    }

    /// Sends many requests of one kind at once, pipelined on the connection, and yields
    /// `(index, result)` pairs in the order the answers arrive.
    ///
    /// Every request is validated and serialized first; if one is invalid, nothing is sent and
    /// its error is returned. The requests are then handed to the connection in chunks, without
    /// a future or reply channel per request, so large batches stay cheap in memory and CPU.
    /// Each result is what [`Client::call`] would have returned for that request, each within
    /// the request timeout of being queued. Dropping the stream stops submitting the rest.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> trueconf_chatbot::Result<()> {
    /// use trueconf_chatbot::api::messages::SendMessage;
    /// use trueconf_chatbot::model::TextContent;
    /// use trueconf_chatbot::testkit::FakeTrueConfServer;
    ///
    /// let server = FakeTrueConfServer::start().await?;
    /// let alice = server.add_user("alice", "Alice");
    /// let chat = alice.create_p2p_chat_with_bot()?;
    /// let client = server.bot_client().connect().await?;
    ///
    /// let messages = (0..100).map(|i| SendMessage::new(chat.clone(), TextContent::plain(format!("#{i}"))));
    /// let mut results = client.call_all(messages)?;
    /// let mut sent = 0;
    /// while let Some((_index, result)) = results.recv().await {
    ///     result?;
    ///     sent += 1;
    /// }
    /// assert_eq!(sent, 100);
    /// assert_eq!(server.messages(&chat).len(), 100);
    /// # client.shutdown().await;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Validation`] for the first invalid request (nothing is sent); each result as
    /// in [`Client::call`].
    pub fn call_all<M: Method>(
        &self,
        requests: impl IntoIterator<Item = M>,
    ) -> Result<CallResults<M>> {
        let prepared = requests
            .into_iter()
            .map(|request| PreparedRequest::new(&request))
            .collect::<Result<Vec<_>>>()?;
        Ok(CallResults {
            inner: self.inner.ws.request_all(prepared),
            method: std::marker::PhantomData,
        })
    }

    /// [`Client::call`] with its own time limit.
    ///
    /// # Errors
    ///
    /// As [`Client::call`].
    pub async fn call_with_timeout<M: Method>(
        &self,
        request: M,
        timeout: Duration,
    ) -> Result<M::Response> {
        let prepared = PreparedRequest::new(&request)?;
        let response = self
            .inner
            .ws
            .request_with_timeout(prepared, timeout)
            .await?;
        response.decode::<M>()
    }

    /// The stream of server notifications. It can be taken once (the
    /// [`Dispatcher`](crate::bot::Dispatcher) takes it); later calls return `None`.
    pub fn updates(&self) -> Option<Updates> {
        self.inner.ws.notifications().map(Updates::new)
    }

    /// Acknowledges a delivery ([`AckMode::AfterHandler`]). Returns false when there is
    /// nothing to do: it was acknowledged on arrival, or its connection has ended (the
    /// notification ids of that connection mean nothing on the next one).
    ///
    /// # Errors
    ///
    /// [`Error::Transport`] when the acknowledgement cannot be queued (not connected in time,
    /// shut down).
    pub async fn ack(&self, delivery: &Delivery) -> Result<bool> {
        if !delivery.needs_ack() || delivery.connection != self.inner.session.connection() {
            return Ok(false);
        }
        self.inner
            .ws
            .send_frame(WsFrame::text(codec::encode_ack(delivery.id)))
            .await?;
        Ok(true)
    }

    /// The bot's own id as the server named it in `auth` (with its `/resource`), once
    /// authenticated.
    pub fn me(&self) -> Option<UserId> {
        self.inner.session.me()
    }

    /// True when `user` is the bot itself (resources ignored).
    pub fn is_me(&self, user: &str) -> bool {
        let bare = user.split_once('/').map_or(user, |(bare, _)| bare);
        self.me()
            .is_some_and(|me| me.without_resource().eq_ignore_ascii_case(bare))
    }

    /// How often the client has authenticated (1 after connecting, +1 per reconnect).
    pub fn authentications(&self) -> u64 {
        self.inner.session.auths()
    }

    /// The connection state.
    pub fn state(&self) -> ConnectionState {
        self.inner.ws.state()
    }

    /// Connection events from now on (state changes, disconnects, late or unknown frames,
    /// lost notifications).
    pub fn events(&self) -> Events {
        self.inner.ws.events()
    }

    /// Waits until the connection state satisfies `condition`.
    pub async fn wait_for_state(
        &self,
        condition: impl FnMut(&ConnectionState) -> bool,
    ) -> ConnectionState {
        self.inner.ws.wait_for_state(condition).await
    }

    /// Requests waiting for an answer.
    pub fn pending_requests(&self) -> usize {
        self.inner.ws.pending_len()
    }

    /// Notifications dropped so far because the application fell behind.
    pub fn notifications_lost(&self) -> u64 {
        self.inner.ws.notifications_lost()
    }

    /// Drops the connection and reconnects (pending requests fail).
    pub fn reconnect(&self) {
        self.inner.ws.reconnect();
    }

    /// Closes the connection for good; the update stream ends. Returns once closed.
    pub async fn shutdown(&self) {
        self.inner.ws.shutdown().await;
    }

    /// The HTTP client for this server (tokens, files).
    pub fn http(&self) -> &HttpClient {
        &self.inner.session.http
    }

    pub(crate) fn session(&self) -> &Arc<Session> {
        &self.inner.session
    }

    pub(crate) fn request_timeout(&self) -> Duration {
        self.inner.ws.config().request_timeout
    }

    /// `GET /api/v4/server`: the server's version and display name.
    ///
    /// # Errors
    ///
    /// [`Error::Transport`] for HTTP failures.
    pub async fn server_info(&self) -> Result<ServerInfo> {
        Ok(self.http().send(&GetServerInfo::new()).await?)
    }

    /// `sendMessage` with plain text.
    ///
    /// # Errors
    ///
    /// As [`Client::call`]; [`Error::Validation`] for more than 4096 characters.
    pub async fn send_text(
        &self,
        chat_id: impl Into<ChatId>,
        text: impl Into<String>,
    ) -> Result<SentMessage> {
        self.call(SendMessage::new(chat_id.into(), TextContent::plain(text)))
            .await
    }

    /// `sendMessage` with any content (formatted text, buttons).
    ///
    /// # Errors
    ///
    /// As [`Client::call`].
    pub async fn send_message(
        &self,
        chat_id: impl Into<ChatId>,
        content: TextContent,
    ) -> Result<SentMessage> {
        self.call(SendMessage::new(chat_id.into(), content)).await
    }

    /// `sendMessage` as a reply to `message` (in the same chat).
    ///
    /// # Errors
    ///
    /// As [`Client::call`]; a transport `InvalidInput` when `message` carries no chat id.
    pub async fn reply(&self, message: &Envelope, content: TextContent) -> Result<SentMessage> {
        let chat_id = message
            .chat_id
            .clone()
            .or_else(|| message.chat.as_ref().map(|c| c.chat_id.clone()))
            .ok_or_else(|| {
                transport_core::Error::invalid_input("message", "carries no chat id to reply in")
            })?;
        self.call(SendMessage::new(chat_id, content).reply_to(message.message_id.clone()))
            .await
    }

    /// `editMessage`.
    ///
    /// # Errors
    ///
    /// As [`Client::call`].
    pub async fn edit_message(
        &self,
        message_id: impl Into<MessageId>,
        content: TextContent,
    ) -> Result<EditedMessage> {
        self.call(EditMessage::new(message_id.into(), content))
            .await
    }

    /// `removeMessage`.
    ///
    /// # Errors
    ///
    /// As [`Client::call`].
    pub async fn remove_message(
        &self,
        message_id: impl Into<MessageId>,
        for_all: bool,
    ) -> Result<()> {
        self.call(RemoveMessage::new(message_id.into(), for_all))
            .await
            .map(|_| ())
    }

    /// `forwardMessage` to another chat.
    ///
    /// # Errors
    ///
    /// As [`Client::call`].
    pub async fn forward_message(
        &self,
        message_id: impl Into<MessageId>,
        to_chat: impl Into<ChatId>,
    ) -> Result<SentMessage> {
        self.call(ForwardMessage::new(message_id.into(), to_chat.into()))
            .await
    }

    /// `getChatHistory`: the last `count` messages of a chat.
    ///
    /// # Errors
    ///
    /// As [`Client::call`].
    pub async fn chat_history(
        &self,
        chat_id: impl Into<ChatId>,
        count: u32,
    ) -> Result<ChatHistory> {
        self.call(GetChatHistory::new(chat_id.into(), count)).await
    }

    /// `getMessageById`.
    ///
    /// # Errors
    ///
    /// As [`Client::call`].
    pub async fn message(&self, message_id: impl Into<MessageId>) -> Result<Envelope> {
        self.call(GetMessageById::new(message_id.into())).await
    }

    /// `createP2PChat` with `user`.
    ///
    /// # Errors
    ///
    /// As [`Client::call`].
    pub async fn create_p2p_chat(&self, user: impl Into<UserId>) -> Result<CreatedChat> {
        self.call(CreateP2pChat::new(user.into())).await
    }

    /// `createGroupChat`.
    ///
    /// # Errors
    ///
    /// As [`Client::call`]; [`Error::Validation`] for an empty or too long title.
    pub async fn create_group_chat(&self, title: impl Into<String>) -> Result<CreatedChat> {
        self.call(CreateGroupChat::new(title)).await
    }

    /// `createChannel`.
    ///
    /// # Errors
    ///
    /// As [`Client::call`]; [`Error::Validation`] for an empty or too long title.
    pub async fn create_channel(&self, title: impl Into<String>) -> Result<CreatedChat> {
        self.call(CreateChannel::new(title)).await
    }

    /// `getChats`: page `page` (from 1) of `count` chats.
    ///
    /// # Errors
    ///
    /// As [`Client::call`]; [`Error::Validation`] for page 0.
    pub async fn chats(&self, count: u32, page: u32) -> Result<Vec<Chat>> {
        self.call(GetChats::new(count, page)).await
    }

    /// `getChatByID`.
    ///
    /// # Errors
    ///
    /// As [`Client::call`].
    pub async fn chat(&self, chat_id: impl Into<ChatId>) -> Result<Chat> {
        self.call(GetChatById::new(chat_id.into())).await
    }

    /// `addChatParticipant`.
    ///
    /// # Errors
    ///
    /// As [`Client::call`].
    pub async fn add_participant(
        &self,
        chat_id: impl Into<ChatId>,
        user: impl Into<UserId>,
    ) -> Result<()> {
        self.call(AddChatParticipant::new(chat_id.into(), user.into()))
            .await
            .map(|_| ())
    }

    /// `removeChatParticipant`.
    ///
    /// # Errors
    ///
    /// As [`Client::call`].
    pub async fn remove_participant(
        &self,
        chat_id: impl Into<ChatId>,
        user: impl Into<UserId>,
    ) -> Result<()> {
        self.call(RemoveChatParticipant::new(chat_id.into(), user.into()))
            .await
            .map(|_| ())
    }

    /// `getUserDisplayName`.
    ///
    /// # Errors
    ///
    /// As [`Client::call`].
    pub async fn display_name(&self, user: impl Into<UserId>) -> Result<UserDisplayName> {
        self.call(GetUserDisplayName::new(user.into())).await
    }

    /// `getFileInfo`.
    ///
    /// # Errors
    ///
    /// As [`Client::call`].
    pub async fn file_info(&self, file_id: impl Into<FileId>) -> Result<FileInfo> {
        self.call(GetFileInfo::new(file_id.into())).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_checks_settings_before_any_io() {
        let no_credentials = Client::builder("example.com").prepare().unwrap_err();
        assert!(
            no_credentials.to_string().contains("credentials"),
            "{no_credentials}"
        );
        for host in ["", "https://example.com", "example.com/x", "a b"] {
            let err = Client::builder(host).token("t").prepare().unwrap_err();
            assert!(err.to_string().starts_with("invalid host"), "{host}: {err}");
        }
        let err = Client::builder("h")
            .token("t")
            .path("websocket")
            .prepare()
            .unwrap_err();
        assert!(err.to_string().contains("must start with `/`"), "{err}");
        let err = Client::builder("h")
            .token("t")
            .root_certificate_pem("not a pem")
            .prepare()
            .unwrap_err();
        assert!(err.to_string().contains("CERTIFICATE"), "{err}");
    }

    #[test]
    fn urls_ports_and_subprotocol() {
        let (config, _) = Client::builder("video.example.com")
            .token("t")
            .prepare()
            .unwrap();
        assert_eq!(
            config.connect.url,
            "wss://video.example.com:443/websocket/chat_bot/"
        );
        assert_eq!(config.connect.subprotocols, ["json.v1"]);
        assert_eq!(config.request_timeout, DEFAULT_REQUEST_TIMEOUT);
        let (config, session) = Client::builder("10.0.0.5")
            .scheme(Scheme::Http)
            .path("/websocket/chat_bot")
            .subprotocol(false)
            .token("t")
            .prepare()
            .unwrap();
        assert_eq!(config.connect.url, "ws://10.0.0.5:4309/websocket/chat_bot");
        assert!(config.connect.subprotocols.is_empty());
        assert_eq!(session.http.base_url().as_str(), "http://10.0.0.5:4309/");
        let (config, _) = Client::builder("::1")
            .scheme(Scheme::Http)
            .port(8080)
            .token("t")
            .prepare()
            .unwrap();
        assert_eq!(config.connect.url, "ws://[::1]:8080/websocket/chat_bot/");
    }

    #[test]
    fn debug_hides_the_token() {
        let builder = Client::builder("h").token("super.secret.jwt");
        assert!(!format!("{builder:?}").contains("super.secret.jwt"));
    }
}
