//! The [`Protocol`] trait: how one messenger protocol plugs into the engine.

use crate::error::{Error, Result};
use crate::ws::connect::WsConnection;
use crate::ws::frame::WsFrame;
pub use crate::ws::pending::Match;
use http::HeaderMap;
use std::fmt::{self, Debug};
use std::future::Future;
use std::hash::Hash;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::time::Instant;

/// A check that a response belongs to a particular request (an "echo" check: the response
/// repeats a field of the request). Runs inside the engine's reader: it must be cheap and must
/// not block.
pub type Matcher<P> = Box<dyn Fn(&<P as Protocol>::Response) -> Match + Send + Sync>;

/// A request encoded for the wire, with what the engine needs to correlate its reply.
#[non_exhaustive]
pub struct Outgoing<P: Protocol + ?Sized> {
    /// The correlation key the reply will carry (a request id, or the expected reply type).
    pub key: P::Key,
    /// The frame to send.
    pub frame: WsFrame,
    /// Narrows which response under `key` belongs to this request (see [`Matcher`]). `None`
    /// accepts the first response under `key`.
    pub matcher: Option<Matcher<P>>,
    /// False for one-way messages that get no reply (acks, typing indicators); the engine then
    /// registers nothing.
    pub expects_reply: bool,
}

impl<P: Protocol + ?Sized> Outgoing<P> {
    /// A request whose reply arrives under `key`.
    pub fn new(key: P::Key, frame: WsFrame) -> Self {
        Self {
            key,
            frame,
            matcher: None,
            expects_reply: true,
        }
    }

    /// A one-way message: no reply is expected (the key is not used).
    pub fn one_way(key: P::Key, frame: WsFrame) -> Self {
        Self {
            key,
            frame,
            matcher: None,
            expects_reply: false,
        }
    }

    /// Sets a yes/no matcher: only a response it accepts completes this request.
    #[must_use]
    pub fn with_matcher(
        mut self,
        matcher: impl Fn(&P::Response) -> bool + Send + Sync + 'static,
    ) -> Self {
        self.matcher = Some(Box::new(move |r: &P::Response| Match::from(matcher(r))));
        self
    }

    /// Sets a three-way matcher: [`Match::Yes`] when the response echoes this request,
    /// [`Match::No`] when it belongs to another, [`Match::Plausible`] when it carries nothing to
    /// check (then it is accepted in order, but never as the reply after a timeout on the key).
    #[must_use]
    pub fn with_match(
        mut self,
        matcher: impl Fn(&P::Response) -> Match + Send + Sync + 'static,
    ) -> Self {
        self.matcher = Some(Box::new(matcher));
        self
    }
}

impl<P: Protocol + ?Sized> Debug for Outgoing<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Outgoing")
            .field("key", &self.key)
            .field("frame", &self.frame)
            .field("matcher", &self.matcher.as_ref().map(|_| "Fn"))
            .field("expects_reply", &self.expects_reply)
            .finish()
    }
}

/// The candidate correlation keys of a response, most specific first. Usually one, kept
/// inline (no allocation per response); several when a reply may answer requests filed under
/// different keys. Dereferences to a slice.
#[derive(Clone)]
pub struct Keys<K>(KeysRepr<K>);

#[derive(Clone)]
enum KeysRepr<K> {
    One(K),
    Many(Vec<K>),
}

impl<K> Keys<K> {
    /// A single key.
    pub fn one(key: K) -> Self {
        Self(KeysRepr::One(key))
    }

    /// The keys as a slice.
    pub fn as_slice(&self) -> &[K] {
        match &self.0 {
            KeysRepr::One(key) => std::slice::from_ref(key),
            KeysRepr::Many(keys) => keys,
        }
    }
}

impl<K> std::ops::Deref for Keys<K> {
    type Target = [K];

    fn deref(&self) -> &[K] {
        self.as_slice()
    }
}

impl<K> From<Vec<K>> for Keys<K> {
    fn from(mut keys: Vec<K>) -> Self {
        if keys.len() == 1
            && let Some(key) = keys.pop()
        {
            return Self::one(key);
        }
        Self(KeysRepr::Many(keys))
    }
}

impl<K, const N: usize> From<[K; N]> for Keys<K> {
    fn from(keys: [K; N]) -> Self {
        Vec::from(keys).into()
    }
}

impl<K> FromIterator<K> for Keys<K> {
    fn from_iter<I: IntoIterator<Item = K>>(iter: I) -> Self {
        iter.into_iter().collect::<Vec<K>>().into()
    }
}

impl<'a, K> IntoIterator for &'a Keys<K> {
    type Item = &'a K;
    type IntoIter = std::slice::Iter<'a, K>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl<K: Debug> Debug for Keys<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

impl<K: PartialEq> PartialEq for Keys<K> {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<K: Eq> Eq for Keys<K> {}

impl<K: PartialEq> PartialEq<[K]> for Keys<K> {
    fn eq(&self, other: &[K]) -> bool {
        self.as_slice() == other
    }
}

impl<K: PartialEq, const N: usize> PartialEq<[K; N]> for Keys<K> {
    fn eq(&self, other: &[K; N]) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<K: PartialEq> PartialEq<Vec<K>> for Keys<K> {
    fn eq(&self, other: &Vec<K>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

/// What an incoming frame is, as the protocol classifies it.
#[non_exhaustive]
pub enum Inbound<P: Protocol + ?Sized> {
    /// A reply to one of our requests. The engine tries `keys` in order; under each key it
    /// completes the oldest pending request whose matcher accepts the response.
    Response {
        /// Candidate correlation keys, most specific first.
        keys: Keys<P::Key>,
        /// The decoded response.
        response: P::Response,
    },
    /// Something the server pushed (a message, an event, a server-initiated request).
    Notification {
        /// The decoded notification, delivered through
        /// [`WsClient::notifications`](crate::ws::WsClient::notifications).
        notification: P::Notification,
        /// A frame the engine sends back at once, before any user code runs (an ack, the
        /// response to a server-initiated request). `None` to ack later through
        /// [`WsClient::send_frame`](crate::ws::WsClient::send_frame).
        reply: Option<WsFrame>,
    },
    /// A frame the protocol cannot make sense of. Reported as a
    /// [`ConnectionEvent::UnknownFrame`](crate::ws::ConnectionEvent::UnknownFrame); the
    /// connection goes on.
    Unknown {
        /// Why it was not understood (no secrets, please).
        reason: String,
        /// The frame itself.
        frame: WsFrame,
    },
    /// A frame to drop silently (a protocol-level pong, a heartbeat).
    Ignore,
}

impl<P: Protocol + ?Sized> Inbound<P> {
    /// A response under one key.
    pub fn response(key: P::Key, response: P::Response) -> Self {
        Self::Response {
            keys: Keys::one(key),
            response,
        }
    }

    /// A notification without an immediate reply.
    pub fn notification(notification: P::Notification) -> Self {
        Self::Notification {
            notification,
            reply: None,
        }
    }

    /// A notification the engine acknowledges at once with `reply`.
    pub fn notification_with_reply(notification: P::Notification, reply: WsFrame) -> Self {
        Self::Notification {
            notification,
            reply: Some(reply),
        }
    }

    /// An unknown frame.
    pub fn unknown(reason: impl Into<String>, frame: WsFrame) -> Self {
        Self::Unknown {
            reason: reason.into(),
            frame,
        }
    }
}

/// One messenger protocol's rules for the WebSocket engine: encoding requests, classifying
/// incoming frames, the handshake after every (re)connect, keepalive and fatal close codes.
///
/// Correlation keys serve two styles:
///
/// - **request ids** (TrueConf, Signal): `Key = u64` (or the protocol's id type); `encode` uses
///   the engine's `seq` as the id and `decode` returns the id found in the reply;
/// - **reply types without ids** (the e2e messenger): `Key` names the expected reply (for
///   example `Status("RequestTyping")` or `Typed("ResponseGetMessages")`); requests with the
///   same key are answered in order, and a [`Matcher`] checks fields the reply echoes.
///
/// When a request times out its key is *tainted*: the next response under that key that no
/// request with a matcher claims is taken for the late reply of the expired request and
/// dropped (reported as [`ConnectionEvent::LateResponse`](crate::ws::ConnectionEvent)), so a
/// late reply never completes the wrong request.
///
/// ```
/// use transport_core::ws::{Inbound, Outgoing, Protocol, WsFrame};
/// use transport_core::Error;
///
/// /// `{"id":N,"echo":…}` requests, answered by `{"id":N,"echo":…}`.
/// struct Echo;
///
/// impl Protocol for Echo {
///     type Request = String;
///     type Response = serde_json::Value;
///     type Notification = serde_json::Value;
///     type Key = u64;
///
///     fn encode(&self, request: String, seq: u64) -> Result<Outgoing<Self>, Error> {
///         let text = serde_json::json!({ "id": seq, "echo": request }).to_string();
///         Ok(Outgoing::new(seq, WsFrame::text(text)))
///     }
///
///     fn decode(&self, frame: WsFrame) -> Inbound<Self> {
///         let Some(value) = frame.as_text().and_then(|t| serde_json::from_str::<serde_json::Value>(t).ok()) else {
///             return Inbound::unknown("not JSON", frame);
///         };
///         match value.get("id").and_then(serde_json::Value::as_u64) {
///             Some(id) => Inbound::response(id, value),
///             None => Inbound::notification(value),
///         }
///     }
/// }
/// ```
pub trait Protocol: Send + Sync + 'static {
    /// What callers pass to [`WsClient::request`](crate::ws::WsClient::request).
    type Request: Send;
    /// A decoded reply.
    type Response: Send + 'static;
    /// A decoded server push.
    type Notification: Send + 'static;
    /// The correlation key.
    type Key: Eq + Hash + Clone + Debug + Send + Sync + 'static;

    /// Encodes `request`. `seq` is unique for this client and increases across reconnects (it
    /// never restarts); protocols with request ids use it as the id.
    ///
    /// # Errors
    ///
    /// An error (usually [`Error::InvalidInput`]) is returned to the caller before any I/O.
    fn encode(&self, request: Self::Request, seq: u64) -> Result<Outgoing<Self>, Error>;

    /// Classifies one incoming data frame. Runs inside the reader task: no blocking, no waiting.
    fn decode(&self, frame: WsFrame) -> Inbound<Self>;

    /// Runs after every (re)connect, before any user request is sent: authentication, a version
    /// exchange. The default does nothing.
    ///
    /// # Errors
    ///
    /// A failure ends the connection attempt; [`Protocol::is_fatal_handshake_error`] decides
    /// whether the client tries again.
    fn handshake(
        &self,
        io: &mut HandshakeIo<'_>,
    ) -> impl Future<Output = Result<(), Error>> + Send {
        let _ = io;
        async { Ok(()) }
    }

    /// Whether a failed connection attempt (connect or handshake) must stop reconnecting.
    ///
    /// The default treats errors that are not transient as fatal: [`Error::Handshake`]
    /// (rejected credentials), an upgrade refused with 401/403/404, invalid input, protocol
    /// violations. Timeouts, connection failures and 5xx/429 refusals are retried. A close
    /// during the handshake is judged by [`Protocol::is_fatal_close`] instead.
    fn is_fatal_handshake_error(&self, error: &Error) -> bool {
        !error.is_transient()
    }

    /// An application-level keepalive request, sent every
    /// [`WsConfig::app_keepalive_interval`](crate::ws::WsConfig::app_keepalive_interval).
    /// If it fails to get an answer in time, the client reconnects. The default is none.
    fn keepalive(&self) -> Option<Self::Request> {
        None
    }

    /// Whether a close code from the server means "do not reconnect" (bad credentials, banned,
    /// another session took over). The default is never.
    fn is_fatal_close(&self, code: u16) -> bool {
        let _ = code;
        false
    }

    /// Called after a connection ended and its pending requests were failed, before the client
    /// reconnects. Use it to reset per-connection protocol state.
    fn on_disconnect(&self) {}
}

/// The I/O a [`Protocol::handshake`] may do on a fresh connection.
///
/// Everything is bounded by the handshake timeout
/// ([`WsConfig::handshake_timeout`](crate::ws::WsConfig::handshake_timeout)): `recv` returns
/// [`Error::Timeout`] once it has passed. Frames that arrive during the handshake but belong
/// to normal traffic (an early notification) are handed on with [`HandshakeIo::defer`]; the
/// engine decodes them, in order, before anything read later.
pub struct HandshakeIo<'a> {
    conn: &'a mut WsConnection,
    seq: &'a AtomicU64,
    deadline: Instant,
    timeout: Duration,
    deferred: Vec<WsFrame>,
}

impl Debug for HandshakeIo<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HandshakeIo")
            .field("conn", &self.conn)
            .field("deferred", &self.deferred.len())
            .finish_non_exhaustive()
    }
}

impl<'a> HandshakeIo<'a> {
    pub(crate) fn new(conn: &'a mut WsConnection, seq: &'a AtomicU64, timeout: Duration) -> Self {
        Self {
            conn,
            seq,
            deadline: Instant::now() + timeout,
            timeout,
            deferred: Vec::new(),
        }
    }

    /// Sends a frame.
    ///
    /// # Errors
    ///
    /// [`Error::ConnectionLost`] when the connection is gone.
    pub async fn send(&mut self, frame: WsFrame) -> Result<()> {
        self.conn.send(frame).await
    }

    /// Receives the next data frame.
    ///
    /// # Errors
    ///
    /// [`Error::Timeout`] after the handshake timeout; [`Error::Closed`] when the server closed
    /// the connection; [`Error::ConnectionLost`] when it dropped it.
    pub async fn recv(&mut self) -> Result<WsFrame> {
        match tokio::time::timeout_at(self.deadline, self.conn.recv()).await {
            Ok(result) => result,
            Err(_) => Err(Error::Timeout {
                what: "WebSocket handshake".to_owned(),
                after: self.timeout,
            }),
        }
    }

    /// The next sequence number, from the same counter as requests (use it as a request id).
    pub fn next_seq(&mut self) -> u64 {
        self.seq.fetch_add(1, Ordering::Relaxed)
    }

    /// Hands a frame that is not part of the handshake to normal processing once the handshake
    /// has succeeded.
    pub fn defer(&mut self, frame: WsFrame) {
        self.deferred.push(frame);
    }

    /// The subprotocol the server selected.
    pub fn subprotocol(&self) -> Option<&str> {
        self.conn.subprotocol()
    }

    /// The server's upgrade response headers.
    pub fn response_headers(&self) -> &HeaderMap {
        self.conn.response_headers()
    }

    pub(crate) fn into_deferred(self) -> Vec<WsFrame> {
        self.deferred
    }
}

#[cfg(test)]
mod tests {
    use super::Keys;

    #[test]
    fn keys_compare_as_slices_whatever_their_storage() {
        let one = Keys::one(4u64);
        assert_eq!(one, [4]);
        assert_eq!(one, vec![4]);
        assert_eq!(one, Keys::from(vec![4]));
        assert_eq!(format!("{one:?}"), "[4]");
        let many: Keys<&str> = ["status", "typed"].into();
        assert_eq!(many.len(), 2);
        assert_eq!(many.first(), Some(&"status"));
        assert_eq!(
            many.iter().rev().copied().collect::<Vec<_>>(),
            ["typed", "status"]
        );
        assert_ne!(many, Keys::one("status"));
        let collected: Keys<u8> = (1..=3).collect();
        assert_eq!(collected, [1, 2, 3]);
    }
}
