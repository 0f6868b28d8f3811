//! The raw connection layer: [`connect`] opens one WebSocket and gives a [`WsConnection`]
//! that sends and receives [`WsFrame`]s, with no correlation, keepalive or reconnect.
//!
//! Protocols with their own session logic (SaltyRTC's handshake and resumption) drive it
//! directly; [`WsClient`](crate::ws::WsClient) builds on it.

use crate::error::{Error, Result, StatusError};
use crate::secret::Secret;
use crate::tls::TlsConfig;
use crate::ws::frame::WsFrame;
use bytes::Bytes;
use futures_util::{SinkExt, StreamExt};
use http::{HeaderMap, HeaderName, HeaderValue};
use std::fmt;
use std::time::Duration;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::{CloseFrame, WebSocketConfig};
use tokio_tungstenite::tungstenite::{self, Message};
use tokio_tungstenite::{Connector, MaybeTlsStream, WebSocketStream};
use url::Url;

pub(crate) type Stream = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// The value of an extra upgrade-request header.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum WsHeaderValue {
    /// A value that may be logged.
    Plain(String),
    /// A credential (token, API key): sent on the wire, never shown in `Debug` or errors.
    Secret(Secret),
}

impl WsHeaderValue {
    fn expose(&self) -> &str {
        match self {
            Self::Plain(value) => value,
            Self::Secret(secret) => secret.expose(),
        }
    }

    fn is_secret(&self) -> bool {
        matches!(self, Self::Secret(_))
    }
}

impl fmt::Debug for WsHeaderValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Plain(value) => write!(f, "{value:?}"),
            Self::Secret(_) => f.write_str("[redacted]"),
        }
    }
}

/// Where and how to open a WebSocket: URL, extra headers, subprotocols, limits, buffer sizes
/// and TLS.
///
/// Buffer defaults are modest (8 KiB read, 8 KiB write target) so that many idle clients stay
/// cheap; tungstenite's own defaults (128 KiB each) would cost over 128 MiB for 1,000 idle
/// connections. Raise them for bulk transfers.
///
/// ```
/// use transport_core::Secret;
/// use transport_core::ws::WsConnectOptions;
///
/// let options = WsConnectOptions::new("wss://chat.example.com/websocket/chat_bot/")
///     .with_header("User-Agent", "my-bot/1.0")
///     .with_secret_header("Authorization", Secret::new("Bearer abc"))
///     .with_subprotocol("json.v1");
/// assert!(!format!("{options:?}").contains("abc"));
/// ```
#[derive(Clone)]
#[non_exhaustive]
pub struct WsConnectOptions {
    /// The `ws://` or `wss://` URL.
    pub url: String,
    /// Extra headers on the upgrade request, in order.
    pub headers: Vec<(String, WsHeaderValue)>,
    /// Subprotocols to offer (`Sec-WebSocket-Protocol`), in order of preference. When any is
    /// offered, the server must select one of them or the connection fails.
    pub subprotocols: Vec<String>,
    /// Time limit for TCP connect, TLS and the upgrade together. Default 10 s.
    pub connect_timeout: Duration,
    /// Largest incoming frame payload accepted. Default 16 MiB.
    pub max_frame_size: Option<usize>,
    /// Largest incoming message accepted. Default 64 MiB.
    pub max_message_size: Option<usize>,
    /// Initial read buffer capacity per connection. Default 8 KiB.
    pub read_buffer_size: usize,
    /// Bytes buffered before frames are written to the socket (a flush always writes).
    /// Default 8 KiB.
    pub write_buffer_size: usize,
    /// The most bytes the write buffer may hold when the socket does not accept data.
    /// Default 16 MiB.
    pub max_write_buffer_size: usize,
    /// Disable Nagle's algorithm (`TCP_NODELAY`). Default true: RPC frames are small.
    pub nodelay: bool,
    /// TLS settings for `wss://`.
    pub tls: TlsConfig,
}

impl WsConnectOptions {
    /// Options for `url` with the defaults.
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            headers: Vec::new(),
            subprotocols: Vec::new(),
            connect_timeout: Duration::from_secs(10),
            max_frame_size: Some(16 << 20),
            max_message_size: Some(64 << 20),
            read_buffer_size: 8 << 10,
            write_buffer_size: 8 << 10,
            max_write_buffer_size: 16 << 20,
            nodelay: true,
            tls: TlsConfig::new(),
        }
    }

    /// Adds a header that may be logged.
    #[must_use]
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers
            .push((name.into(), WsHeaderValue::Plain(value.into())));
        self
    }

    /// Adds a header holding a credential; its value never appears in `Debug` or errors.
    #[must_use]
    pub fn with_secret_header(mut self, name: impl Into<String>, value: Secret) -> Self {
        self.headers
            .push((name.into(), WsHeaderValue::Secret(value)));
        self
    }

    /// Offers a subprotocol.
    #[must_use]
    pub fn with_subprotocol(mut self, subprotocol: impl Into<String>) -> Self {
        self.subprotocols.push(subprotocol.into());
        self
    }

    /// Sets the connect timeout.
    #[must_use]
    pub fn with_connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Sets the read buffer capacity and the write buffer target.
    #[must_use]
    pub fn with_buffer_sizes(mut self, read: usize, write: usize) -> Self {
        self.read_buffer_size = read;
        self.write_buffer_size = write;
        self
    }

    /// Sets the largest incoming frame and message.
    #[must_use]
    pub fn with_max_sizes(mut self, frame: Option<usize>, message: Option<usize>) -> Self {
        self.max_frame_size = frame;
        self.max_message_size = message;
        self
    }

    /// Sets the TLS configuration.
    #[must_use]
    pub fn with_tls(mut self, tls: TlsConfig) -> Self {
        self.tls = tls;
        self
    }

    /// The URL without user info, query or fragment: safe to show in errors and logs.
    pub fn redacted_url(&self) -> String {
        redact_url(&self.url)
    }

    fn ws_config(&self) -> WebSocketConfig {
        WebSocketConfig::default()
            .read_buffer_size(self.read_buffer_size)
            .write_buffer_size(self.write_buffer_size)
            .max_write_buffer_size(
                self.max_write_buffer_size
                    .max(self.write_buffer_size.saturating_add(1)),
            )
            .max_frame_size(self.max_frame_size)
            .max_message_size(self.max_message_size)
    }

    /// Checks everything that can be checked without I/O and builds the upgrade request.
    pub(crate) fn prepare(&self) -> Result<Prepared> {
        let url = Url::parse(&self.url)
            .map_err(|e| Error::invalid_input("WebSocket URL", format!("{e}")))?;
        let tls = match url.scheme() {
            "ws" => false,
            "wss" => true,
            other => {
                return Err(Error::invalid_input(
                    "WebSocket URL",
                    format!("scheme must be ws or wss, not `{other}`"),
                ));
            }
        };
        let host = match url.host() {
            Some(url::Host::Domain(domain)) => domain.to_owned(),
            Some(url::Host::Ipv4(ip)) => ip.to_string(),
            Some(url::Host::Ipv6(ip)) => ip.to_string(),
            None => return Err(Error::invalid_input("WebSocket URL", "no host")),
        };
        let port = url
            .port_or_known_default()
            .unwrap_or(if tls { 443 } else { 80 });
        if self.read_buffer_size == 0 {
            return Err(Error::invalid_input("read_buffer_size", "must be positive"));
        }
        if self.connect_timeout.is_zero() {
            return Err(Error::invalid_input("connect_timeout", "must be positive"));
        }
        let mut request = url
            .as_str()
            .into_client_request()
            .map_err(|e| Error::invalid_input("WebSocket URL", e.to_string()))?;
        let headers = request.headers_mut();
        for (name, value) in &self.headers {
            let header = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
                Error::invalid_input("WebSocket header name", format!("`{name}` is not valid"))
            })?;
            let mut header_value = HeaderValue::from_str(value.expose()).map_err(|_| {
                Error::invalid_input(
                    format!("WebSocket header `{name}`"),
                    "value contains characters not allowed in a header",
                )
            })?;
            header_value.set_sensitive(value.is_secret());
            headers.append(header, header_value);
        }
        if !self.subprotocols.is_empty() {
            for protocol in &self.subprotocols {
                let valid = !protocol.is_empty()
                    && protocol
                        .bytes()
                        .all(|b| b.is_ascii_graphic() && !b"()<>@,;:\\\"/[]?={}".contains(&b));
                if !valid {
                    return Err(Error::invalid_input(
                        "WebSocket subprotocol",
                        format!("`{protocol}` is not a valid token"),
                    ));
                }
            }
            let joined = self.subprotocols.join(", ");
            let value = HeaderValue::from_str(&joined).map_err(|_| {
                Error::invalid_input("WebSocket subprotocol", "not a valid header value")
            })?;
            headers.insert(http::header::SEC_WEBSOCKET_PROTOCOL, value);
        }
        let connector = if tls {
            Connector::Rustls(self.tls.rustls_client_config()?)
        } else {
            Connector::Plain
        };
        Ok(Prepared {
            request,
            host,
            port,
            connector,
            target: redact_url(&self.url),
            path: url.path().to_owned(),
        })
    }
}

impl fmt::Debug for WsConnectOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WsConnectOptions")
            .field("url", &self.redacted_url())
            .field("headers", &self.headers)
            .field("subprotocols", &self.subprotocols)
            .field("connect_timeout", &self.connect_timeout)
            .field("max_frame_size", &self.max_frame_size)
            .field("max_message_size", &self.max_message_size)
            .field("read_buffer_size", &self.read_buffer_size)
            .field("write_buffer_size", &self.write_buffer_size)
            .field("max_write_buffer_size", &self.max_write_buffer_size)
            .field("nodelay", &self.nodelay)
            .field("tls", &self.tls)
            .finish()
    }
}

/// Scheme, host, port and path of `url`; never user info, query or fragment.
pub(crate) fn redact_url(url: &str) -> String {
    match Url::parse(url) {
        Ok(url) => {
            let host = url.host_str().unwrap_or("");
            match url.port() {
                Some(port) => format!("{}://{host}:{port}{}", url.scheme(), url.path()),
                None => format!("{}://{host}{}", url.scheme(), url.path()),
            }
        }
        Err(_) => "<invalid URL>".to_owned(),
    }
}

pub(crate) struct Prepared {
    request: tungstenite::handshake::client::Request,
    host: String,
    port: u16,
    connector: Connector,
    target: String,
    path: String,
}

/// Opens a WebSocket as `options` say.
///
/// # Errors
///
/// - [`Error::InvalidInput`] for a bad URL, header, subprotocol or TLS setting (before any I/O);
/// - [`Error::Timeout`] when connecting takes longer than `connect_timeout`;
/// - [`Error::Status`] when the server refuses the upgrade with an HTTP status (401, 403, 503…);
/// - [`Error::Connect`] for DNS, TCP and TLS failures;
/// - [`Error::Protocol`] when the server's upgrade answer breaks the WebSocket rules (for
///   example it selects no subprotocol although some were offered).
pub async fn connect(options: &WsConnectOptions) -> Result<WsConnection> {
    let prepared = options.prepare()?;
    let target = prepared.target.clone();
    let timeout = options.connect_timeout;
    match tokio::time::timeout(timeout, open(options, prepared)).await {
        Ok(result) => result,
        Err(_) => Err(Error::Timeout {
            what: format!("connect to {target}"),
            after: timeout,
        }),
    }
}

async fn open(options: &WsConnectOptions, prepared: Prepared) -> Result<WsConnection> {
    let Prepared {
        request,
        host,
        port,
        connector,
        target,
        path,
    } = prepared;
    let tcp = TcpStream::connect((host.as_str(), port))
        .await
        .map_err(|e| Error::Connect {
            target: target.clone(),
            message: e.to_string(),
            source: Some(Box::new(e)),
        })?;
    if options.nodelay {
        tcp.set_nodelay(true).map_err(|e| Error::Connect {
            target: target.clone(),
            message: e.to_string(),
            source: Some(Box::new(e)),
        })?;
    }
    let (stream, response) = tokio_tungstenite::client_async_tls_with_config(
        request,
        tcp,
        Some(options.ws_config()),
        Some(connector),
    )
    .await
    .map_err(|e| upgrade_error(e, &target, &path))?;
    let subprotocol = response
        .headers()
        .get(http::header::SEC_WEBSOCKET_PROTOCOL)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    Ok(WsConnection {
        stream,
        subprotocol,
        response_headers: response.headers().clone(),
        target,
    })
}

fn upgrade_error(error: tungstenite::Error, target: &str, path: &str) -> Error {
    match error {
        tungstenite::Error::Http(response) => {
            let status = response.status().as_u16();
            let body = response.body().clone().map(Bytes::from).unwrap_or_default();
            let mut status_error = StatusError::new(status, "GET", path, body);
            status_error.message = Some(format!("WebSocket upgrade to {target} refused"));
            Error::Status(Box::new(status_error))
        }
        tungstenite::Error::Protocol(e) => {
            Error::Protocol(format!("WebSocket upgrade to {target}: {e}"))
        }
        tungstenite::Error::Url(e) => Error::invalid_input("WebSocket URL", e.to_string()),
        other => Error::Connect {
            target: target.to_owned(),
            message: other.to_string(),
            source: Some(Box::new(other)),
        },
    }
}

/// Why a connection ended when the peer closed TCP without a close frame.
pub(crate) const ENDED_WITHOUT_CLOSE: &str =
    "the server ended the connection without a close frame";

/// A ping frame with `payload`, refused over the 125 bytes a control frame may carry.
pub(crate) fn ping_message(payload: Bytes) -> Result<Message> {
    if payload.len() > 125 {
        return Err(Error::invalid_input(
            "ping payload",
            "at most 125 bytes are allowed",
        ));
    }
    Ok(Message::Ping(payload))
}

/// What one item read from the message stream means to a `recv`: a data frame, the end of the
/// connection (a close frame, a read error, or the stream ending without a close frame), or
/// `None` for a control frame to skip (pings are answered by tungstenite, pongs ignored).
pub(crate) fn read_item(
    item: Option<std::result::Result<Message, tungstenite::Error>>,
) -> Option<Result<WsFrame>> {
    match item {
        Some(Ok(Message::Close(frame))) => {
            let (code, reason) = close_parts(frame.as_ref());
            Some(Err(Error::Closed { code, reason }))
        }
        Some(Ok(message)) => WsFrame::from_message(message).map(Ok),
        Some(Err(e)) => Some(Err(io_error(e))),
        None => Some(Err(Error::ConnectionLost {
            reason: ENDED_WITHOUT_CLOSE.to_owned(),
        })),
    }
}

/// Maps an error of an open connection.
pub(crate) fn io_error(error: tungstenite::Error) -> Error {
    match error {
        tungstenite::Error::ConnectionClosed | tungstenite::Error::AlreadyClosed => {
            Error::ConnectionLost {
                reason: "the connection is closed".to_owned(),
            }
        }
        tungstenite::Error::Io(e) => Error::ConnectionLost {
            reason: e.to_string(),
        },
        tungstenite::Error::Protocol(
            tungstenite::error::ProtocolError::ResetWithoutClosingHandshake,
        ) => Error::ConnectionLost {
            reason: ENDED_WITHOUT_CLOSE.to_owned(),
        },
        tungstenite::Error::Protocol(e) => Error::ConnectionLost {
            reason: format!("WebSocket protocol error: {e}"),
        },
        tungstenite::Error::Capacity(e) => Error::Protocol(format!("frame too large: {e}")),
        other => Error::WebSocket(other.to_string()),
    }
}

/// The code and reason of a close frame (1005 "no status" when the peer sent none).
pub(crate) fn close_parts(frame: Option<&CloseFrame>) -> (u16, String) {
    frame.map_or((1005, String::new()), |f| {
        (u16::from(f.code), f.reason.as_str().to_owned())
    })
}

/// One open WebSocket connection: send and receive [`WsFrame`]s.
///
/// Pings from the server are answered automatically while [`WsConnection::recv`] is being
/// called. Not cloneable; use a [`WsClient`](crate::ws::WsClient) for concurrent requests.
pub struct WsConnection {
    stream: Stream,
    subprotocol: Option<String>,
    response_headers: HeaderMap,
    target: String,
}

impl fmt::Debug for WsConnection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WsConnection")
            .field("target", &self.target)
            .field("subprotocol", &self.subprotocol)
            .finish_non_exhaustive()
    }
}

impl WsConnection {
    /// The subprotocol the server selected, if any.
    pub fn subprotocol(&self) -> Option<&str> {
        self.subprotocol.as_deref()
    }

    /// The headers of the server's upgrade response.
    pub fn response_headers(&self) -> &HeaderMap {
        &self.response_headers
    }

    /// Where this connection goes (the URL without user info or query).
    pub fn target(&self) -> &str {
        &self.target
    }

    /// Sends one frame and flushes it.
    ///
    /// # Errors
    ///
    /// [`Error::ConnectionLost`] when the connection is gone.
    pub async fn send(&mut self, frame: WsFrame) -> Result<()> {
        self.stream
            .send(frame.into_message())
            .await
            .map_err(io_error)
    }

    /// Sends a WebSocket ping with `payload` (at most 125 bytes).
    ///
    /// # Errors
    ///
    /// [`Error::ConnectionLost`] when the connection is gone; [`Error::InvalidInput`] for a
    /// payload over 125 bytes.
    pub async fn ping(&mut self, payload: impl Into<Bytes>) -> Result<()> {
        let ping = ping_message(payload.into())?;
        self.stream.send(ping).await.map_err(io_error)
    }

    /// Receives the next data frame. Pings are answered and pongs skipped on the way.
    ///
    /// # Errors
    ///
    /// - [`Error::Closed`] when the server sent a close frame (code 1005 if it gave none); the
    ///   close is acknowledged before this returns;
    /// - [`Error::ConnectionLost`] when the connection ended without a close frame;
    /// - [`Error::Protocol`] for a frame over the configured limits.
    pub async fn recv(&mut self) -> Result<WsFrame> {
        loop {
            match read_item(self.stream.next().await) {
                Some(Err(closed @ Error::Closed { .. })) => {
                    // Reading on lets tungstenite flush its close reply; the stream then ends.
                    while let Some(Ok(_)) = self.stream.next().await {}
                    return Err(closed);
                }
                Some(result) => return result,
                None => {}
            }
        }
    }

    /// Starts the closing handshake with `code` and `reason` and waits (at most `timeout`) for
    /// the server to finish it.
    ///
    /// # Errors
    ///
    /// [`Error::ConnectionLost`] when the connection was already gone.
    pub async fn close(&mut self, code: u16, reason: &str, timeout: Duration) -> Result<()> {
        let frame = CloseFrame {
            code: CloseCode::from(code),
            reason: reason.into(),
        };
        self.stream
            .send(Message::Close(Some(frame)))
            .await
            .map_err(io_error)?;
        let drain = async { while let Some(Ok(_)) = self.stream.next().await {} };
        // A server that never answers the close is not an error of ours.
        let _ = tokio::time::timeout(timeout, drain).await;
        Ok(())
    }

    pub(crate) fn into_stream(self) -> Stream {
        self.stream
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacted_url_drops_credentials_and_query() {
        assert_eq!(
            redact_url("wss://user:pw@example.com:8443/ws/chat?token=abc#x"),
            "wss://example.com:8443/ws/chat"
        );
        assert_eq!(redact_url("ws://127.0.0.1/"), "ws://127.0.0.1/");
        assert_eq!(redact_url("not a url"), "<invalid URL>");
    }

    #[test]
    fn prepare_rejects_bad_input_before_io() {
        let err = WsConnectOptions::new("http://example.com/")
            .prepare()
            .err()
            .unwrap();
        assert!(
            err.to_string().contains("scheme must be ws or wss"),
            "{err}"
        );

        let err = WsConnectOptions::new("ws://example.com/")
            .with_header("bad header", "x")
            .prepare()
            .err()
            .unwrap();
        assert!(err.to_string().contains("`bad header`"), "{err}");

        let err = WsConnectOptions::new("ws://example.com/")
            .with_secret_header("Authorization", Secret::new("line\nbreak-secret"))
            .prepare()
            .err()
            .unwrap();
        let shown = err.to_string();
        assert!(shown.contains("Authorization"), "{shown}");
        assert!(!shown.contains("break-secret"), "{shown}");

        let err = WsConnectOptions::new("ws://example.com/")
            .with_subprotocol("json v1")
            .prepare()
            .err()
            .unwrap();
        assert!(err.to_string().contains("json v1"), "{err}");
    }

    #[test]
    fn prepare_builds_the_upgrade_request() {
        let prepared = WsConnectOptions::new("ws://[::1]:9000/chat?x=1")
            .with_header("X-Client", "test")
            .with_secret_header("Authorization", Secret::new("Bearer t0k3n"))
            .with_subprotocol("json.v1")
            .with_subprotocol("v2")
            .prepare()
            .unwrap();
        assert_eq!(prepared.host, "::1");
        assert_eq!(prepared.port, 9000);
        assert_eq!(prepared.path, "/chat");
        assert_eq!(prepared.target, "ws://[::1]:9000/chat");
        let headers = prepared.request.headers();
        assert_eq!(headers["x-client"], "test");
        assert!(headers["authorization"].is_sensitive());
        assert_eq!(headers["sec-websocket-protocol"], "json.v1, v2");
    }

    #[test]
    fn debug_redacts_secret_headers_and_url_query() {
        let options = WsConnectOptions::new("wss://example.com/ws?token=querysecret")
            .with_secret_header("Authorization", Secret::new("Bearer headersecret"));
        let shown = format!("{options:?}");
        assert!(!shown.contains("querysecret"), "{shown}");
        assert!(!shown.contains("headersecret"), "{shown}");
        assert!(shown.contains("[redacted]"), "{shown}");
    }
}
