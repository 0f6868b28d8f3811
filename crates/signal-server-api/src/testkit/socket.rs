//! [`FakeChatSocket`]: the chat WebSocket of [`MockSignalServer`](super::MockSignalServer).
//!
//! Request frames are turned back into HTTP requests (the upgrade request's headers merged
//! with the frame's, as the real server does) and sent to the mock's wiremock server, so every
//! REST expectation answers over the WebSocket too; the answer goes back as a response frame.
//! `GET /v1/keepalive` is answered by the socket itself (always 200, as the real server does).
//!
//! The socket also plays the server's side of message delivery: pushed messages are stored
//! until acknowledged, sent on the current authenticated connection, and sent again (followed
//! by "queue empty") on every new authenticated connection, like the real server. Faults can be
//! injected per request frame ([`WsFault`]).

use crate::ws::codec::{INCOMING_MESSAGE_PATH, QUEUE_EMPTY_PATH, header_line};
use crate::ws::{
    FrameType, TIMESTAMP_HEADER, WebSocketMessage, WebSocketRequestMessage,
    WebSocketResponseMessage,
};
use bytes::Bytes;
use prost::Message as _;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use tokio::sync::{mpsc, watch};
use transport_core::http::{
    Body, HeaderMap, HttpClient, Method, RawRequest, RawResponse, RetryPolicy,
};
use transport_core::testkit::{
    FakeConnection, FakeMessage, FakeWsServer, UpgradeDecision, UpgradeRequest,
};
use transport_core::ws::WsFrame;

/// `PUT /api/v1/queue/empty`.
const QUEUE_EMPTY: (&str, &str) = ("PUT", QUEUE_EMPTY_PATH);

/// The fake server's delivery timestamps: this base plus the message number (deterministic).
pub const FAKE_TIMESTAMP_BASE_MS: u64 = 1_700_000_000_000;

/// What the socket does with one request frame, decided by the closure given to
/// [`FakeChatSocket::inject_faults`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum WsFault {
    /// Answer normally.
    #[default]
    Answer,
    /// Never answer this request (the connection goes on).
    NoAnswer,
    /// Drop the TCP connection at once, without a close frame and without answering.
    Drop,
    /// Close the connection with this code instead of answering.
    Close(u16),
    /// Answer, then close the connection with this code (the real server answers a keepalive
    /// and closes with 1000 to make the client reconnect).
    AnswerThenClose(u16),
    /// Send the answer cut in half (not a valid protobuf message) instead of the answer.
    Truncated,
    /// Send a frame that is not a `WebSocketMessage` first, then the answer.
    GarbageFirst,
    /// Send a text frame first, then the answer.
    TextFirst,
    /// Hold the answer back and send it after the answer to the next request (out of order).
    OutOfOrder,
    /// Stop reading and writing altogether, leaving the socket open: no answers, no pongs.
    Silent,
}

/// A request frame the socket received, as the fault closure sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FrameInfo {
    /// The connection (0 for the first accepted one).
    pub connection: usize,
    /// The request's number among all request frames the socket received (from 0).
    pub number: usize,
    /// The verb.
    pub verb: String,
    /// The path, query included.
    pub path: String,
}

/// What a server request was about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PushKind {
    /// Message number `n` ([`FakeChatSocket::push_message`]).
    Message(u64),
    /// `PUT /api/v1/queue/empty`.
    QueueEmpty,
    /// Another request ([`FakeChatSocket::push_request`]).
    Other,
}

/// A response frame the client sent to one of the socket's server requests.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PushResponse {
    /// The connection the response came on.
    pub connection: usize,
    /// The response's id.
    pub id: u64,
    /// The status the client answered with.
    pub status: Option<u32>,
    /// What the answered request was about; `None` for an id the socket never sent.
    pub kind: Option<PushKind>,
    /// False when the id was sent on another connection (a stale answer the real server
    /// ignores).
    pub same_connection: bool,
}

struct Stored {
    number: u64,
    envelope: Bytes,
    acked: bool,
    sent: u32,
}

/// What the test sends down the current authenticated connection.
enum Out {
    Frame(WsFrame),
    Drop,
}

struct Live {
    connection: usize,
    tx: mpsc::UnboundedSender<Out>,
}

type Decide = Box<dyn FnMut(&FrameInfo) -> WsFault + Send>;

#[derive(Default)]
struct Inner {
    decide: Option<Decide>,
    refuse: Option<u16>,
    messages: Vec<Stored>,
    live: Option<Live>,
    /// Server request id → (connection, kind).
    sent: BTreeMap<u64, (usize, PushKind)>,
    next_id: u64,
    responses: Vec<PushResponse>,
    requests: usize,
    keepalives: usize,
    odd_frames: usize,
}

struct State {
    inner: Mutex<Inner>,
    changed: watch::Sender<u64>,
    forwarder: Forwarder,
}

impl State {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn bump(&self) {
        self.changed.send_modify(|n| *n += 1);
    }
}

/// Forwards requests to the wiremock server from a thread of its own.
///
/// The connection task waits for the answer inside `spawn_blocking`, which keeps a paused
/// tokio clock from jumping ahead while wiremock (on its own thread) works.
struct Forwarder {
    jobs: mpsc::UnboundedSender<Job>,
}

struct Job {
    request: RawRequest,
    reply: std::sync::mpsc::SyncSender<transport_core::Result<RawResponse>>,
}

impl Forwarder {
    fn start(base_url: String) -> Self {
        let (jobs, mut rx) = mpsc::unbounded_channel::<Job>();
        let thread = std::thread::Builder::new()
            .name("signal-fake-socket".to_owned())
            .spawn(move || {
                let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                else {
                    return;
                };
                runtime.block_on(async move {
                    let client = HttpClient::builder(&base_url).and_then(|b| {
                        b.without_timeouts()
                            .no_proxy()
                            .retry(RetryPolicy::none())
                            .build()
                    });
                    while let Some(job) = rx.recv().await {
                        let result = match &client {
                            Ok(client) => client.execute(&job.request).await,
                            Err(e) => Err(transport_core::Error::invalid_input(
                                "mock server URL",
                                e.to_string(),
                            )),
                        };
                        let _ = job.reply.send(result);
                    }
                });
            });
        if let Err(error) = thread {
            tracing::error!(%error, "cannot start the fake chat socket's forwarder");
        }
        Self { jobs }
    }

    async fn forward(&self, request: RawRequest) -> transport_core::Result<RawResponse> {
        let (reply, answer) = std::sync::mpsc::sync_channel(1);
        let gone = || transport_core::Error::ConnectionLost {
            reason: "the fake chat socket's forwarder is gone".to_owned(),
        };
        self.jobs.send(Job { request, reply }).map_err(|_| gone())?;
        match tokio::task::spawn_blocking(move || answer.recv()).await {
            Ok(Ok(result)) => result,
            _ => Err(gone()),
        }
    }
}

/// The chat WebSocket of a [`MockSignalServer`](super::MockSignalServer): answers request
/// frames from the mock's expectations, pushes messages and checks their acknowledgements,
/// and injects faults. Get it with [`MockSignalServer::websocket`](super::MockSignalServer::websocket).
pub struct FakeChatSocket {
    server: FakeWsServer,
    state: Arc<State>,
}

impl fmt::Debug for FakeChatSocket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeChatSocket")
            .field("url", &self.url())
            .field("connections", &self.server.connections())
            .finish_non_exhaustive()
    }
}

/// Headers of the upgrade request that are not forwarded with each request.
const CONNECTION_HEADERS: &[&str] = &[
    "host",
    "connection",
    "upgrade",
    "sec-websocket-key",
    "sec-websocket-version",
    "sec-websocket-extensions",
    "sec-websocket-protocol",
    "content-length",
    "transfer-encoding",
];

impl FakeChatSocket {
    /// Starts the socket; requests are forwarded to the wiremock server at `http_base`.
    pub(super) async fn start(http_base: String) -> std::io::Result<Self> {
        let (changed, _) = watch::channel(0);
        let state = Arc::new(State {
            inner: Mutex::new(Inner {
                next_id: 1,
                ..Inner::default()
            }),
            changed,
            forwarder: Forwarder::start(http_base),
        });
        let decide_state = Arc::clone(&state);
        let script_state = Arc::clone(&state);
        let server = FakeWsServer::builder()
            .on_upgrade(move |request: &UpgradeRequest| {
                if request.path != crate::ws::CHAT_PATH {
                    return UpgradeDecision::refuse(404);
                }
                match decide_state.lock().refuse {
                    Some(status) => UpgradeDecision::refuse(status),
                    None => UpgradeDecision::Accept { subprotocol: None },
                }
            })
            .start(move |conn| serve(conn, Arc::clone(&script_state)))
            .await?;
        Ok(Self { server, state })
    }

    /// `ws://127.0.0.1:PORT/v1/websocket/`.
    pub fn url(&self) -> String {
        self.server.url_with_path(crate::ws::CHAT_PATH)
    }

    /// Connections accepted so far.
    pub fn connections(&self) -> usize {
        self.server.connections()
    }

    /// Every upgrade request so far (headers included, credentials too), in order.
    pub fn upgrade_requests(&self) -> Vec<UpgradeRequest> {
        self.server.upgrade_requests()
    }

    /// Refuses upgrades with `status` from now on (`None` accepts them again).
    pub fn refuse_upgrades(&self, status: Option<u16>) {
        self.state.lock().refuse = status;
    }

    /// Decides what happens to each request frame from now on (see [`WsFault`]).
    pub fn inject_faults(&self, decide: impl FnMut(&FrameInfo) -> WsFault + Send + 'static) {
        self.state.lock().decide = Some(Box::new(decide));
    }

    /// Answers every request normally again.
    pub fn clear_faults(&self) {
        self.state.lock().decide = None;
    }

    /// Stores a message and sends it (`PUT /api/v1/message`) on the current authenticated
    /// connection, if any; it is sent again on every new authenticated connection until the
    /// client acknowledges it with `200`. Returns the message's number (from 1).
    pub fn push_message(&self, envelope: impl Into<Bytes>) -> u64 {
        let mut inner = self.state.lock();
        let number = inner.messages.len() as u64 + 1;
        inner.messages.push(Stored {
            number,
            envelope: envelope.into(),
            acked: false,
            sent: 0,
        });
        if let Some(connection) = inner.live.as_ref().map(|live| live.connection) {
            let frame = message_frame(&mut inner, connection, number);
            send_live(&mut inner, Out::Frame(frame));
        }
        number
    }

    /// Sends `PUT /api/v1/queue/empty` on the current authenticated connection (if any).
    pub fn push_queue_empty(&self) {
        self.push_live(PushKind::QueueEmpty, QUEUE_EMPTY, None);
    }

    /// Sends another server request on the current authenticated connection (if any).
    pub fn push_request(&self, verb: &str, path: &str, body: Option<Bytes>) {
        self.push_live(PushKind::Other, (verb, path), body);
    }

    fn push_live(&self, kind: PushKind, target: (&str, &str), body: Option<Bytes>) {
        let mut inner = self.state.lock();
        if let Some(connection) = inner.live.as_ref().map(|live| live.connection) {
            let frame = request_frame(&mut inner, connection, kind, target, body);
            send_live(&mut inner, Out::Frame(frame));
        }
    }

    /// Drops the current authenticated connection (without a close frame) after the frames
    /// pushed so far: a network cut at this point of the stream.
    pub fn drop_connection(&self) {
        let mut inner = self.state.lock();
        send_live(&mut inner, Out::Drop);
    }

    /// The numbers of the messages the client acknowledged (on the connection they were sent
    /// on), in message order.
    pub fn acked_messages(&self) -> Vec<u64> {
        let inner = self.state.lock();
        inner
            .messages
            .iter()
            .filter(|m| m.acked)
            .map(|m| m.number)
            .collect()
    }

    /// The numbers of the messages still stored (not acknowledged).
    pub fn pending_messages(&self) -> Vec<u64> {
        let inner = self.state.lock();
        inner
            .messages
            .iter()
            .filter(|m| !m.acked)
            .map(|m| m.number)
            .collect()
    }

    /// How often message `number` was sent (0 if it is unknown).
    pub fn deliveries(&self, number: u64) -> u32 {
        let inner = self.state.lock();
        inner
            .messages
            .iter()
            .find(|m| m.number == number)
            .map_or(0, |m| m.sent)
    }

    /// Every response the client sent to a server request, in order.
    pub fn push_responses(&self) -> Vec<PushResponse> {
        self.state.lock().responses.clone()
    }

    /// Request frames received so far (keepalives included).
    pub fn requests(&self) -> usize {
        self.state.lock().requests
    }

    /// `GET /v1/keepalive` requests received so far.
    pub fn keepalives(&self) -> usize {
        self.state.lock().keepalives
    }

    /// Frames from the client that were neither a request nor a response.
    pub fn odd_frames(&self) -> usize {
        self.state.lock().odd_frames
    }

    /// Waits until at least `n` messages are acknowledged.
    pub async fn wait_for_acked(&self, n: usize) {
        self.wait_until(|socket| socket.acked_messages().len() >= n)
            .await;
    }

    /// Waits until `condition` holds; it is checked after every change the socket records
    /// (a request, an acknowledgement, a connection coming or going).
    pub async fn wait_until(&self, mut condition: impl FnMut(&Self) -> bool) {
        let mut changes = self.state.changed.subscribe();
        loop {
            changes.borrow_and_update();
            if condition(self) {
                return;
            }
            if changes.changed().await.is_err() {
                return;
            }
        }
    }
}

fn next_id(inner: &mut Inner) -> u64 {
    let id = inner.next_id;
    inner.next_id += 1;
    id
}

/// A server request frame with a fresh id, remembered as sent on `connection`.
fn request_frame(
    inner: &mut Inner,
    connection: usize,
    kind: PushKind,
    (verb, path): (&str, &str),
    body: Option<Bytes>,
) -> WsFrame {
    let id = next_id(inner);
    inner.sent.insert(id, (connection, kind));
    let mut request = WebSocketRequestMessage::new(verb, path, id);
    request.body = body;
    // Messages carry a timestamp naming the message (deterministic), other requests the id.
    let stamp = match kind {
        PushKind::Message(number) => number,
        _ => id,
    };
    request.headers.push(format!(
        "{TIMESTAMP_HEADER}:{}",
        FAKE_TIMESTAMP_BASE_MS + stamp
    ));
    WsFrame::binary(WebSocketMessage::request(request).encode_to_vec())
}

/// The frame delivering stored message `number` (counted as one more delivery).
fn message_frame(inner: &mut Inner, connection: usize, number: u64) -> WsFrame {
    let index = usize::try_from(number.saturating_sub(1)).unwrap_or(usize::MAX);
    let envelope = inner.messages.get_mut(index).map(|stored| {
        stored.sent += 1;
        stored.envelope.clone()
    });
    request_frame(
        inner,
        connection,
        PushKind::Message(number),
        ("PUT", INCOMING_MESSAGE_PATH),
        envelope,
    )
}

fn send_live(inner: &mut Inner, out: Out) {
    if let Some(live) = &inner.live
        && live.tx.send(out).is_err()
    {
        inner.live = None;
    }
}

/// What the connection loop does after a frame.
enum Next {
    /// Go on.
    Go,
    /// Drop the connection without a close frame.
    Stop,
    /// Close with a code.
    Close(u16),
    /// Stop reading and writing.
    Silent,
}

async fn serve(mut conn: FakeConnection, state: Arc<State>) {
    let connection = conn.index();
    let upgrade = conn.upgrade_request().headers.clone();
    let authenticated = upgrade.contains_key("authorization");
    let (tx, mut rx) = mpsc::unbounded_channel::<Out>();
    if authenticated {
        // Like the real server: the stored messages, then "queue empty".
        let mut inner = state.lock();
        let pending: Vec<u64> = inner
            .messages
            .iter()
            .filter(|m| !m.acked)
            .map(|m| m.number)
            .collect();
        for number in pending {
            let frame = message_frame(&mut inner, connection, number);
            let _ = tx.send(Out::Frame(frame));
        }
        let frame = request_frame(
            &mut inner,
            connection,
            PushKind::QueueEmpty,
            QUEUE_EMPTY,
            None,
        );
        let _ = tx.send(Out::Frame(frame));
        inner.live = Some(Live {
            connection,
            tx: tx.clone(),
        });
    }
    state.bump();
    let mut held: Vec<WsFrame> = Vec::new();
    loop {
        let next = tokio::select! {
            biased;
            out = rx.recv() => match out {
                Some(Out::Frame(frame)) => if conn.send(frame).await.is_ok() { Next::Go } else { Next::Stop },
                Some(Out::Drop) => Next::Stop,
                None => Next::Go,
            },
            message = conn.next_message() => match message {
                Some(FakeMessage::Frame(WsFrame::Binary(bytes))) => {
                    handle(&mut conn, &state, &upgrade, &mut held, connection, &bytes).await
                }
                Some(FakeMessage::Frame(_)) => {
                    state.lock().odd_frames += 1;
                    state.bump();
                    Next::Go
                }
                Some(FakeMessage::Close { .. }) | None => Next::Stop,
                Some(_) => Next::Go,
            },
        };
        match next {
            Next::Go => {}
            Next::Stop => break,
            Next::Close(code) => {
                detach(&state, connection);
                conn.close(code, "").await;
                return;
            }
            Next::Silent => {
                detach(&state, connection);
                // Keep the socket open without reading or writing until the server is dropped.
                std::future::pending::<()>().await;
            }
        }
    }
    detach(&state, connection);
}

fn detach(state: &State, connection: usize) {
    {
        let mut inner = state.lock();
        if inner
            .live
            .as_ref()
            .is_some_and(|live| live.connection == connection)
        {
            inner.live = None;
        }
    }
    state.bump();
}

async fn handle(
    conn: &mut FakeConnection,
    state: &State,
    upgrade: &HeaderMap,
    held: &mut Vec<WsFrame>,
    connection: usize,
    bytes: &[u8],
) -> Next {
    let Ok(message) = WebSocketMessage::decode(bytes) else {
        state.lock().odd_frames += 1;
        state.bump();
        return Next::Go;
    };
    match (message.kind(), message.request, message.response) {
        (FrameType::Request, Some(request), _) => {
            respond(conn, state, upgrade, held, connection, request).await
        }
        (FrameType::Response, _, Some(response)) => {
            record_response(state, connection, &response);
            Next::Go
        }
        _ => {
            state.lock().odd_frames += 1;
            state.bump();
            Next::Go
        }
    }
}

fn record_response(state: &State, connection: usize, response: &WebSocketResponseMessage) {
    {
        let mut inner = state.lock();
        let id = response.id.unwrap_or_default();
        let sent = inner.sent.get(&id).copied();
        let same_connection = sent.is_some_and(|(c, _)| c == connection);
        if let (Some((_, PushKind::Message(number))), true, Some(200)) =
            (sent, same_connection, response.status)
        {
            let index = usize::try_from(number.saturating_sub(1)).unwrap_or(usize::MAX);
            if let Some(stored) = inner.messages.get_mut(index) {
                stored.acked = true;
            }
        }
        inner.responses.push(PushResponse {
            connection,
            id,
            status: response.status,
            kind: sent.map(|(_, kind)| kind),
            same_connection,
        });
    }
    state.bump();
}

async fn respond(
    conn: &mut FakeConnection,
    state: &State,
    upgrade: &HeaderMap,
    held: &mut Vec<WsFrame>,
    connection: usize,
    request: WebSocketRequestMessage,
) -> Next {
    let verb = request.verb.clone().unwrap_or_default();
    let path = request.path.clone().unwrap_or_default();
    let fault = {
        let mut inner = state.lock();
        let number = inner.requests;
        inner.requests += 1;
        let info = FrameInfo {
            connection,
            number,
            verb: verb.clone(),
            path: path.clone(),
        };
        inner
            .decide
            .as_mut()
            .map_or(WsFault::Answer, |decide| decide(&info))
    };
    state.bump();
    match fault {
        WsFault::NoAnswer => return Next::Go,
        WsFault::Drop => return Next::Stop,
        WsFault::Silent => return Next::Silent,
        WsFault::Close(code) => return Next::Close(code),
        _ => {}
    }
    let id = request.id.unwrap_or_default();
    let response = if verb == "GET" && path == "/v1/keepalive" {
        state.lock().keepalives += 1;
        WebSocketResponseMessage::new(id, 200, "OK")
    } else {
        answer(state, upgrade, request).await
    };
    let mut frame = WebSocketMessage::response(response).encode_to_vec();
    let result = match fault {
        WsFault::Truncated => {
            frame.truncate(frame.len() / 2);
            conn.send(WsFrame::binary(frame)).await
        }
        WsFault::OutOfOrder => {
            held.push(WsFrame::binary(frame));
            Ok(())
        }
        WsFault::GarbageFirst | WsFault::TextFirst => {
            let first = if fault == WsFault::TextFirst {
                WsFrame::text("{\"not\":\"protobuf\"}")
            } else {
                WsFrame::binary(vec![0xff, 0xff, 0xff, 0x0f])
            };
            conn.send_all([first, WsFrame::binary(frame)]).await
        }
        _ => {
            let mut frames = vec![WsFrame::binary(frame)];
            frames.append(held);
            conn.send_all(frames).await
        }
    };
    if result.is_err() {
        return Next::Stop;
    }
    match fault {
        WsFault::AnswerThenClose(code) => Next::Close(code),
        _ => Next::Go,
    }
}

/// Answers a request frame from the wiremock expectations.
async fn answer(
    state: &State,
    upgrade: &HeaderMap,
    request: WebSocketRequestMessage,
) -> WebSocketResponseMessage {
    let id = request.id.unwrap_or_default();
    let raw = match to_http(upgrade, request) {
        Ok(raw) => raw,
        Err(reason) => {
            let mut response = WebSocketResponseMessage::new(id, 400, "Bad Request");
            response.body = Some(Bytes::from(reason));
            return response;
        }
    };
    match state.forwarder.forward(raw).await {
        Ok(http) => from_http(id, &http),
        Err(error) => {
            let mut response = WebSocketResponseMessage::new(id, 502, "Bad Gateway");
            response.body = Some(Bytes::from(error.to_string()));
            response
        }
    }
}

/// The HTTP request a frame stands for: the upgrade's headers, overridden by the frame's.
fn to_http(upgrade: &HeaderMap, request: WebSocketRequestMessage) -> Result<RawRequest, String> {
    let verb = request.verb.unwrap_or_default();
    let method = Method::from_bytes(verb.as_bytes()).map_err(|_| format!("bad verb `{verb}`"))?;
    let full = request.path.unwrap_or_default();
    let (path, query) = full.split_once('?').unwrap_or((&full, ""));
    if !path.starts_with('/') {
        return Err(format!("bad path `{full}`"));
    }
    let mut raw = RawRequest::new(method, path.trim_start_matches('/'));
    raw.query = url::form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    for (name, value) in upgrade {
        if !CONNECTION_HEADERS.contains(&name.as_str()) {
            raw.headers.insert(name.clone(), value.clone());
        }
    }
    let mut content_type = None;
    for (name, value) in request.headers.iter().filter_map(|line| header_line(line)) {
        if name == "content-type" {
            content_type = value.to_str().ok().map(str::to_owned);
        }
        raw.headers.insert(name, value);
    }
    if let Some(data) = request.body {
        raw.body = Body::Bytes {
            content_type: content_type.unwrap_or_else(|| "application/octet-stream".to_owned()),
            data,
        };
    }
    raw.idempotent = false;
    Ok(raw)
}

/// The response frame for an HTTP answer.
fn from_http(id: u64, http: &RawResponse) -> WebSocketResponseMessage {
    let mut response = WebSocketResponseMessage::new(
        id,
        http.status.as_u16(),
        http.status.canonical_reason().unwrap_or_default(),
    );
    response.headers = http
        .headers
        .iter()
        .filter_map(|(name, value)| Some(format!("{}:{}", name, value.to_str().ok()?)))
        .collect();
    if !http.body.is_empty() {
        response.body = Some(http.body.clone());
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use transport_core::http::HeaderValue;

    #[test]
    fn frames_become_http_requests_with_the_upgrade_headers() {
        let mut upgrade = HeaderMap::new();
        upgrade.insert("host", HeaderValue::from_static("127.0.0.1:1"));
        upgrade.insert("authorization", HeaderValue::from_static("Basic abc"));
        upgrade.insert("user-agent", HeaderValue::from_static("from-upgrade"));
        upgrade.insert("sec-websocket-key", HeaderValue::from_static("k"));
        let mut request = WebSocketRequestMessage::new("PUT", "/v1/messages/x?story=true&ts=5", 3);
        request.headers = vec![
            "user-agent:from-frame".into(),
            "content-type:application/json".into(),
            "garbage".into(),
        ];
        request.body = Some(Bytes::from_static(b"{}"));
        let raw = to_http(&upgrade, request).unwrap();
        assert_eq!(raw.method, Method::PUT);
        assert_eq!(raw.path, "v1/messages/x");
        assert_eq!(
            raw.query,
            vec![
                ("story".to_owned(), "true".to_owned()),
                ("ts".to_owned(), "5".to_owned())
            ]
        );
        assert_eq!(raw.headers["authorization"], "Basic abc");
        assert_eq!(raw.headers["user-agent"], "from-frame");
        assert!(!raw.headers.contains_key("host"));
        assert!(!raw.headers.contains_key("sec-websocket-key"));
        match raw.body {
            Body::Bytes { content_type, data } => {
                assert_eq!(content_type, "application/json");
                assert_eq!(&data[..], b"{}");
            }
            other => panic!("{other:?}"),
        }
        let bad = WebSocketRequestMessage::new("GET", "no-slash", 1);
        assert!(to_http(&upgrade, bad).is_err());
    }

    #[test]
    fn http_answers_become_response_frames() {
        let mut headers = HeaderMap::new();
        headers.insert("retry-after", HeaderValue::from_static("5"));
        let http = RawResponse::new(
            transport_core::http::StatusCode::TOO_MANY_REQUESTS,
            headers,
            Bytes::new(),
            "GET",
            "/v1/x",
        );
        let frame = from_http(9, &http);
        assert_eq!(frame.id, Some(9));
        assert_eq!(frame.status, Some(429));
        assert_eq!(frame.message.as_deref(), Some("Too Many Requests"));
        assert_eq!(frame.headers, vec!["retry-after:5"]);
        assert_eq!(frame.body, None);
    }
}
