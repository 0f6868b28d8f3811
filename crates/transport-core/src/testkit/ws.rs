//! [`FakeWsServer`]: a WebSocket server on `127.0.0.1:0` whose every connection is handled by
//! an async script.

use crate::error::{Error, Result};
use crate::ws::WsFrame;
use bytes::Bytes;
use futures_util::{SinkExt, StreamExt};
use http::HeaderMap;
use std::fmt;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::AbortHandle;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::handshake::server::{ErrorResponse, Request, Response};
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;

/// What the client sent in its upgrade request.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct UpgradeRequest {
    /// The request path (`/websocket/chat_bot/`).
    pub path: String,
    /// The query string without `?`, if any.
    pub query: Option<String>,
    /// All request headers.
    pub headers: HeaderMap,
    /// The subprotocols the client offered, in order.
    pub subprotocols: Vec<String>,
}

impl UpgradeRequest {
    /// A header's value as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// How the server answers an upgrade request.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum UpgradeDecision {
    /// Accept, selecting `subprotocol` (which should be one the client offered).
    Accept {
        /// The selected subprotocol, if any.
        subprotocol: Option<String>,
    },
    /// Refuse with an HTTP status and body; the script is not run.
    Refuse {
        /// The HTTP status (401, 403, 503…).
        status: u16,
        /// The response body.
        body: String,
    },
}

impl UpgradeDecision {
    /// Accept, selecting the first subprotocol the client offered (if any).
    pub fn accept_first(request: &UpgradeRequest) -> Self {
        Self::Accept {
            subprotocol: request.subprotocols.first().cloned(),
        }
    }

    /// Refuse with `status` and an empty body.
    pub fn refuse(status: u16) -> Self {
        Self::Refuse {
            status,
            body: String::new(),
        }
    }
}

type Decide = Arc<dyn Fn(&UpgradeRequest) -> UpgradeDecision + Send + Sync>;

/// One message the fake server received, control frames included.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FakeMessage {
    /// A text or binary frame.
    Frame(WsFrame),
    /// A ping (the server answers it by itself).
    Ping(Bytes),
    /// A pong (the answer to [`FakeConnection::ping`]).
    Pong(Bytes),
    /// A close frame.
    Close {
        /// The close code, if any.
        code: Option<u16>,
        /// The close reason.
        reason: String,
    },
}

/// A WebSocket server on `127.0.0.1` for tests, driven by an async script per connection.
///
/// Scripts receive a [`FakeConnection`] and do whatever the test needs: answer requests (in
/// any order, after any delay), push notifications, ping, close with a code, or drop the
/// connection abruptly. Upgrades can be refused with an HTTP status, and every upgrade request
/// is recorded for inspection.
///
/// ```
/// use transport_core::testkit::FakeWsServer;
/// use transport_core::ws::{WsConnectOptions, WsFrame, connect};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), transport_core::Error> {
/// // Echo every frame back, upper-cased.
/// let server = FakeWsServer::start(|mut conn| async move {
///     while let Some(frame) = conn.recv().await {
///         let text = frame.as_text().unwrap_or_default().to_uppercase();
///         if conn.send(WsFrame::text(text)).await.is_err() {
///             break;
///         }
///     }
/// })
/// .await
/// .expect("bind");
///
/// let mut conn = connect(&WsConnectOptions::new(server.url())).await?;
/// conn.send(WsFrame::text("hi")).await?;
/// assert_eq!(conn.recv().await?.as_text(), Some("HI"));
/// assert_eq!(server.connections(), 1);
/// # Ok(())
/// # }
/// ```
pub struct FakeWsServer {
    addr: SocketAddr,
    connections: Arc<AtomicUsize>,
    upgrades: Arc<Mutex<Vec<UpgradeRequest>>>,
    tasks: Arc<Mutex<Vec<AbortHandle>>>,
}

impl fmt::Debug for FakeWsServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeWsServer")
            .field("addr", &self.addr)
            .field("connections", &self.connections())
            .finish_non_exhaustive()
    }
}

impl Drop for FakeWsServer {
    fn drop(&mut self) {
        for task in lock(&self.tasks).drain(..) {
            task.abort();
        }
    }
}

/// The subprotocols a WebSocket upgrade request offers (`Sec-WebSocket-Protocol`, every
/// header line, comma-separated, trimmed), in order. For fake servers that accept upgrades
/// themselves.
pub fn offered_subprotocols(headers: &HeaderMap) -> Vec<String> {
    headers
        .get_all(http::header::SEC_WEBSOCKET_PROTOCOL)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Options of a [`FakeWsServer`] before it starts.
#[must_use]
pub struct FakeWsServerBuilder {
    decide: Decide,
}

impl fmt::Debug for FakeWsServerBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeWsServerBuilder")
            .finish_non_exhaustive()
    }
}

impl Default for FakeWsServerBuilder {
    fn default() -> Self {
        Self {
            decide: Arc::new(UpgradeDecision::accept_first),
        }
    }
}

impl FakeWsServerBuilder {
    /// Decides every upgrade with `decide` (accept with a subprotocol, or refuse).
    pub fn on_upgrade(
        mut self,
        decide: impl Fn(&UpgradeRequest) -> UpgradeDecision + Send + Sync + 'static,
    ) -> Self {
        self.decide = Arc::new(decide);
        self
    }

    /// Decides every upgrade with `decide`, which also gets the upgrade's number (0 for the
    /// first request the server sees, refused or not): a server that goes into maintenance
    /// after the first connection, or comes back after two refusals.
    ///
    /// ```
    /// use transport_core::testkit::{FakeWsServer, UpgradeDecision};
    ///
    /// let builder = FakeWsServer::builder().on_numbered_upgrade(|n, request| match n {
    ///     0 => UpgradeDecision::accept_first(request),
    ///     _ => UpgradeDecision::refuse(503),
    /// });
    /// # drop(builder);
    /// ```
    pub fn on_numbered_upgrade(
        self,
        decide: impl Fn(usize, &UpgradeRequest) -> UpgradeDecision + Send + Sync + 'static,
    ) -> Self {
        let seen = AtomicUsize::new(0);
        self.on_upgrade(move |request| decide(seen.fetch_add(1, Ordering::SeqCst), request))
    }

    /// Refuses every upgrade with `status`.
    pub fn refuse_with(self, status: u16) -> Self {
        self.on_upgrade(move |_| UpgradeDecision::refuse(status))
    }

    /// Accepts every upgrade selecting `subprotocol` (or none).
    pub fn select_subprotocol(self, subprotocol: Option<&str>) -> Self {
        let subprotocol = subprotocol.map(str::to_owned);
        self.on_upgrade(move |_| UpgradeDecision::Accept {
            subprotocol: subprotocol.clone(),
        })
    }

    /// Binds `127.0.0.1:0` and starts accepting; `script` runs once per accepted connection,
    /// on its own task. When a script returns, its connection is dropped (without a close
    /// frame unless the script called [`FakeConnection::close`]).
    ///
    /// # Errors
    ///
    /// The bind error.
    pub async fn start<S, F>(self, script: S) -> std::io::Result<FakeWsServer>
    where
        S: Fn(FakeConnection) -> F + Send + Sync + 'static,
        F: Future<Output = ()> + Send + 'static,
    {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let server = FakeWsServer {
            addr,
            connections: Arc::new(AtomicUsize::new(0)),
            upgrades: Arc::new(Mutex::new(Vec::new())),
            tasks: Arc::new(Mutex::new(Vec::new())),
        };
        let script = Arc::new(script);
        let decide = self.decide;
        let connections = Arc::clone(&server.connections);
        let upgrades = Arc::clone(&server.upgrades);
        let tasks = Arc::clone(&server.tasks);
        let accept = tokio::spawn({
            let tasks = Arc::clone(&tasks);
            async move {
                while let Ok((tcp, _)) = listener.accept().await {
                    let _ = tcp.set_nodelay(true);
                    let script = Arc::clone(&script);
                    let decide = Arc::clone(&decide);
                    let connections = Arc::clone(&connections);
                    let upgrades = Arc::clone(&upgrades);
                    let task = tokio::spawn(async move {
                        if let Some(conn) = upgrade(tcp, &decide, &connections, &upgrades).await {
                            script(conn).await;
                        }
                    });
                    let mut tasks = lock(&tasks);
                    tasks.retain(|t| !t.is_finished());
                    tasks.push(task.abort_handle());
                }
            }
        });
        lock(&tasks).push(accept.abort_handle());
        Ok(server)
    }
}

async fn upgrade(
    tcp: TcpStream,
    decide: &Decide,
    connections: &AtomicUsize,
    upgrades: &Mutex<Vec<UpgradeRequest>>,
) -> Option<FakeConnection> {
    let mut seen: Option<UpgradeRequest> = None;
    // The `Err` type is fixed by tungstenite's callback signature.
    #[allow(clippy::result_large_err)]
    let callback = |request: &Request, mut response: Response| {
        let subprotocols = offered_subprotocols(request.headers());
        let info = UpgradeRequest {
            path: request.uri().path().to_owned(),
            query: request.uri().query().map(str::to_owned),
            headers: request.headers().clone(),
            subprotocols,
        };
        let decision = decide(&info);
        lock(upgrades).push(info.clone());
        seen = Some(info);
        match decision {
            UpgradeDecision::Accept { subprotocol } => {
                if let Some(value) = subprotocol.and_then(|p| http::HeaderValue::from_str(&p).ok())
                {
                    response
                        .headers_mut()
                        .insert(http::header::SEC_WEBSOCKET_PROTOCOL, value);
                }
                Ok(response)
            }
            UpgradeDecision::Refuse { status, body } => {
                let mut refusal = ErrorResponse::new(Some(body));
                *refusal.status_mut() =
                    http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::FORBIDDEN);
                Err(refusal)
            }
        }
    };
    let ws = tokio_tungstenite::accept_hdr_async(tcp, callback)
        .await
        .ok()?;
    let request = seen?;
    let index = connections.fetch_add(1, Ordering::SeqCst);
    Some(FakeConnection { ws, index, request })
}

impl FakeWsServer {
    /// A server with default options (accept every upgrade, selecting the first offered
    /// subprotocol) running `script` per connection. See [`FakeWsServerBuilder::start`].
    ///
    /// # Errors
    ///
    /// The bind error.
    pub async fn start<S, F>(script: S) -> std::io::Result<Self>
    where
        S: Fn(FakeConnection) -> F + Send + Sync + 'static,
        F: Future<Output = ()> + Send + 'static,
    {
        Self::builder().start(script).await
    }

    /// Options: refuse upgrades, choose subprotocols.
    pub fn builder() -> FakeWsServerBuilder {
        FakeWsServerBuilder::default()
    }

    /// `ws://127.0.0.1:PORT/`.
    pub fn url(&self) -> String {
        format!("ws://{}/", self.addr)
    }

    /// `ws://127.0.0.1:PORT` followed by `path` (which should start with `/`).
    pub fn url_with_path(&self, path: &str) -> String {
        format!("ws://{}{path}", self.addr)
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// WebSocket connections accepted so far (refused upgrades not counted).
    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }

    /// Every upgrade request received so far, accepted or refused, in order.
    pub fn upgrade_requests(&self) -> Vec<UpgradeRequest> {
        lock(&self.upgrades).clone()
    }
}

/// The server side of one accepted connection, handed to the script.
pub struct FakeConnection {
    ws: WebSocketStream<TcpStream>,
    index: usize,
    request: UpgradeRequest,
}

impl fmt::Debug for FakeConnection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeConnection")
            .field("index", &self.index)
            .field("path", &self.request.path)
            .finish_non_exhaustive()
    }
}

fn send_error(error: tokio_tungstenite::tungstenite::Error) -> Error {
    Error::ConnectionLost {
        reason: format!("fake server send: {error}"),
    }
}

impl FakeConnection {
    /// 0 for the first accepted connection, 1 for the next, … (a reconnect gets a new index).
    pub fn index(&self) -> usize {
        self.index
    }

    /// The client's upgrade request.
    pub fn upgrade_request(&self) -> &UpgradeRequest {
        &self.request
    }

    /// The next message of any kind; `None` when the connection ended. Pings are answered
    /// automatically (on the next read or write).
    pub async fn next_message(&mut self) -> Option<FakeMessage> {
        match self.ws.next().await? {
            Ok(message @ (Message::Text(_) | Message::Binary(_))) => {
                WsFrame::from_message(message).map(FakeMessage::Frame)
            }
            Ok(Message::Ping(payload)) => Some(FakeMessage::Ping(payload)),
            Ok(Message::Pong(payload)) => Some(FakeMessage::Pong(payload)),
            Ok(Message::Close(frame)) => Some(FakeMessage::Close {
                code: frame.as_ref().map(|f| u16::from(f.code)),
                reason: frame
                    .as_ref()
                    .map(|f| f.reason.as_str().to_owned())
                    .unwrap_or_default(),
            }),
            Ok(Message::Frame(_)) | Err(_) => None,
        }
    }

    /// The next data frame, skipping pings and pongs; `None` when the client closed or the
    /// connection ended.
    pub async fn recv(&mut self) -> Option<WsFrame> {
        loop {
            match self.next_message().await? {
                FakeMessage::Frame(frame) => return Some(frame),
                FakeMessage::Close { .. } => return None,
                _ => {}
            }
        }
    }

    /// The next data frame as text (binary frames converted lossily).
    pub async fn recv_text(&mut self) -> Option<String> {
        let frame = self.recv().await?;
        Some(match frame {
            WsFrame::Text(text) => text.into(),
            other => String::from_utf8_lossy(other.as_bytes()).into_owned(),
        })
    }

    /// The next data frame parsed as JSON; `None` when the connection ended or the frame is not
    /// JSON.
    pub async fn recv_json(&mut self) -> Option<serde_json::Value> {
        let frame = self.recv().await?;
        serde_json::from_slice(frame.as_bytes()).ok()
    }

    /// Sends a frame and flushes.
    ///
    /// # Errors
    ///
    /// [`Error::ConnectionLost`] when the client is gone.
    pub async fn send(&mut self, frame: impl Into<WsFrame>) -> Result<()> {
        self.ws
            .send(frame.into().into_message())
            .await
            .map_err(send_error)
    }

    /// Sends a JSON value as a text frame.
    ///
    /// # Errors
    ///
    /// [`Error::ConnectionLost`] when the client is gone.
    pub async fn send_json(&mut self, value: &serde_json::Value) -> Result<()> {
        self.send(WsFrame::text(value.to_string())).await
    }

    /// Sends many frames with one flush at the end (fast bulk answers).
    ///
    /// # Errors
    ///
    /// [`Error::ConnectionLost`] when the client is gone.
    pub async fn send_all(&mut self, frames: impl IntoIterator<Item = WsFrame>) -> Result<()> {
        for frame in frames {
            self.ws
                .feed(frame.into_message())
                .await
                .map_err(send_error)?;
        }
        self.ws.flush().await.map_err(send_error)
    }

    /// Sends a ping; its pong comes back as [`FakeMessage::Pong`] from
    /// [`FakeConnection::next_message`].
    ///
    /// # Errors
    ///
    /// [`Error::ConnectionLost`] when the client is gone.
    pub async fn ping(&mut self, payload: impl Into<Bytes>) -> Result<()> {
        self.ws
            .send(Message::Ping(payload.into()))
            .await
            .map_err(send_error)
    }

    /// Waits for the pong to a ping with `payload`, skipping (and returning) the data frames
    /// that arrive first. `None` if the connection ended before the pong.
    pub async fn wait_pong(&mut self, payload: &[u8]) -> Option<Vec<WsFrame>> {
        let mut skipped = Vec::new();
        loop {
            match self.next_message().await? {
                FakeMessage::Pong(p) if p.as_ref() == payload => return Some(skipped),
                FakeMessage::Frame(frame) => skipped.push(frame),
                FakeMessage::Close { .. } => return None,
                _ => {}
            }
        }
    }

    /// Closes with `code` and `reason` and waits for the client's close reply (or the end of
    /// the connection).
    pub async fn close(mut self, code: u16, reason: &str) {
        let frame = CloseFrame {
            code: CloseCode::from(code),
            reason: reason.into(),
        };
        if self.ws.send(Message::Close(Some(frame))).await.is_ok() {
            while let Some(Ok(_)) = self.ws.next().await {}
        }
    }

    /// Drops the TCP connection at once, without a close frame (a crash, a network cut).
    pub fn abort(self) {
        drop(self);
    }
}
