//! [`SignalProtocol`]: the Signal chat socket as a transport-core [`Protocol`], so the
//! [`WsClient`](transport_core::ws::WsClient) engine correlates requests, keeps the socket
//! alive, reconnects and delivers the server's own requests.
//!
//! - **Requests** are [`WebSocketRequestMessage`]s built by [`codec::encode_request`]; the
//!   engine's sequence number becomes the request id, so ids are unique for the client's whole
//!   life, across reconnects.
//! - **Responses** are matched by that id.
//! - **Server requests** (`PUT /api/v1/message`, `PUT /api/v1/queue/empty`, anything else)
//!   become [`ServerPush`] notifications. They are acknowledged with a `200` response frame
//!   either by the engine at once ([`AckMode::Immediate`]) or later by the application
//!   ([`AckMode::OnDelivery`], the default, and [`AckMode::Manual`]), since the server deletes
//!   a message once it is acknowledged.
//! - **Keepalive**: `GET /v1/keepalive` on the engine's application-keepalive interval (30 s by
//!   default, well inside the server's 90 s idle timeout).
//! - **Close codes**: 4401 (connection invalidated: credentials changed or device removed) and
//!   4409 (connected elsewhere) stop the client by default; everything else, including 1000
//!   after a keepalive (the server's "reconnect" signal), reconnects.
//! - **Credentials** go on the upgrade request (Basic `Authorization`); there is no handshake
//!   frame.

use super::codec::{self, Inbound as Classified, ServerRequest};
use super::frame::{WebSocketMessage, WebSocketRequestMessage, WebSocketResponseMessage};
use crate::api::keep_alive::GetKeepAlive;
use std::sync::atomic::{AtomicU64, Ordering};
use transport_core::Error;
use transport_core::ws::{Inbound, Outgoing, Protocol, WsFrame};

/// Close code 4401: the connection is no longer valid (the account's credentials changed or the
/// device was removed); reconnecting with the same credentials cannot succeed.
pub const CLOSE_CONNECTION_INVALIDATED: u16 = 4401;
/// Close code 4409: another connection for the same account and device took over.
pub const CLOSE_CONNECTED_ELSEWHERE: u16 = 4409;
/// The close codes that stop the client by default.
pub const DEFAULT_FATAL_CLOSE_CODES: &[u16] =
    &[CLOSE_CONNECTION_INVALIDATED, CLOSE_CONNECTED_ELSEWHERE];

/// When the client acknowledges a server request (an incoming message, "queue empty", …).
///
/// The server deletes a message once it is acknowledged, and delivers unacknowledged messages
/// again on the next connection; the mode decides what "received" means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum AckMode {
    /// The engine acknowledges as the frame arrives, before any application code runs. A
    /// message the application never sees (dropped because it fell behind, reported as
    /// [`Incoming::Lost`](super::Incoming::Lost)) is gone for good.
    Immediate,
    /// The acknowledgement is sent when the stream hands the message to the application. A
    /// message dropped because the application fell behind is not acknowledged, so the server
    /// delivers it again on the next connection. The default.
    #[default]
    OnDelivery,
    /// Messages are acknowledged only when the application calls
    /// [`IncomingEnvelope::ack`](super::IncomingEnvelope::ack) (after storing them, say);
    /// "queue empty" is acknowledged on delivery.
    Manual,
}

/// A request the server sent on the socket, as the engine hands it over.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ServerPush {
    /// The request.
    pub request: ServerRequest,
    /// The number of the connection it arrived on (see [`SignalProtocol::connection`]); an
    /// acknowledgement is only valid on that connection.
    pub connection: u64,
    /// True when the engine already acknowledged it ([`AckMode::Immediate`]).
    pub acked: bool,
}

/// The Signal chat socket for transport-core's WebSocket engine.
///
/// [`SignalClient`](crate::SignalClient) uses it for its WebSocket transport; it is public for
/// users who drive a [`WsClient`](transport_core::ws::WsClient) themselves.
#[derive(Debug)]
pub struct SignalProtocol {
    ack_mode: AckMode,
    fatal_close_codes: Vec<u16>,
    /// Incremented when a connection ends.
    connection: AtomicU64,
}

impl Default for SignalProtocol {
    fn default() -> Self {
        Self::new()
    }
}

impl SignalProtocol {
    /// [`AckMode::OnDelivery`], [`DEFAULT_FATAL_CLOSE_CODES`].
    pub fn new() -> Self {
        Self {
            ack_mode: AckMode::default(),
            fatal_close_codes: DEFAULT_FATAL_CLOSE_CODES.to_vec(),
            connection: AtomicU64::new(0),
        }
    }

    /// Sets when server requests are acknowledged.
    #[must_use]
    pub fn with_ack_mode(mut self, ack_mode: AckMode) -> Self {
        self.ack_mode = ack_mode;
        self
    }

    /// Sets the close codes that stop the client instead of reconnecting.
    #[must_use]
    pub fn with_fatal_close_codes(mut self, codes: &[u16]) -> Self {
        self.fatal_close_codes = codes.to_vec();
        self
    }

    /// When server requests are acknowledged.
    pub fn ack_mode(&self) -> AckMode {
        self.ack_mode
    }

    /// The close codes that stop the client.
    pub fn fatal_close_codes(&self) -> &[u16] {
        &self.fatal_close_codes
    }

    /// The number of the current connection: 0 for the first, one more after each
    /// disconnect.
    pub fn connection(&self) -> u64 {
        self.connection.load(Ordering::Acquire)
    }
}

/// The binary frame of a Signal message.
pub(crate) fn binary(message: &WebSocketMessage) -> WsFrame {
    WsFrame::binary(codec::encode(message))
}

/// The response frame answering server request `id` with `status`.
pub(crate) fn response_frame(id: u64, status: u16, message: &str) -> WsFrame {
    binary(&WebSocketMessage::response(WebSocketResponseMessage::new(
        id, status, message,
    )))
}

impl Protocol for SignalProtocol {
    type Request = WebSocketRequestMessage;
    type Response = WebSocketResponseMessage;
    type Notification = ServerPush;
    type Key = u64;

    fn encode(&self, mut request: Self::Request, seq: u64) -> Result<Outgoing<Self>, Error> {
        request.id = Some(seq);
        Ok(Outgoing::new(
            seq,
            binary(&WebSocketMessage::request(request)),
        ))
    }

    fn decode(&self, frame: WsFrame) -> Inbound<Self> {
        if frame.is_text() {
            return Inbound::unknown(
                "text frame (the Signal socket speaks binary protobuf)",
                frame,
            );
        }
        let classified = match codec::classify(frame.as_bytes()) {
            Ok(classified) => classified,
            Err(error) => return Inbound::unknown(error.to_string(), frame),
        };
        match classified {
            Classified::Response { id, response } => Inbound::response(id, response),
            Classified::Request(request) => {
                let connection = self.connection();
                let reply = match self.ack_mode {
                    AckMode::Immediate => request.ack().map(|ack| binary(&ack)),
                    AckMode::OnDelivery | AckMode::Manual => None,
                };
                let push = ServerPush {
                    request,
                    connection,
                    acked: reply.is_some(),
                };
                match reply {
                    Some(reply) => Inbound::notification_with_reply(push, reply),
                    None => Inbound::notification(push),
                }
            }
            Classified::Unknown { kind, .. } => Inbound::unknown(
                format!("WebSocketMessage of type {kind:?} without its part"),
                frame,
            ),
        }
    }

    fn keepalive(&self) -> Option<Self::Request> {
        // Encoding a fixed, valid endpoint cannot fail; `None` would only disable keepalive.
        codec::encode_request(&GetKeepAlive::new(), 0)
            .ok()
            .and_then(|message| message.request)
    }

    fn is_fatal_close(&self, code: u16) -> bool {
        self.fatal_close_codes.contains(&code)
    }

    fn on_disconnect(&self) {
        self.connection.fetch_add(1, Ordering::AcqRel);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ws::codec::{INCOMING_MESSAGE_PATH, QUEUE_EMPTY_PATH, ServerRequestKind};
    use crate::ws::frame::FrameType;
    use bytes::Bytes;
    use prost::Message as _;

    fn decode_frame(frame: &WsFrame) -> WebSocketMessage {
        WebSocketMessage::decode(frame.as_bytes()).unwrap()
    }

    #[test]
    fn requests_take_the_engine_sequence_as_id() {
        let request = codec::encode_request(&crate::api::account::WhoAmI::new(), 0)
            .unwrap()
            .request
            .unwrap();
        let outgoing = SignalProtocol::new().encode(request, 41).unwrap();
        assert_eq!(outgoing.key, 41);
        assert!(outgoing.expects_reply);
        let frame = decode_frame(&outgoing.frame);
        assert_eq!(frame.kind(), FrameType::Request);
        let request = frame.request.unwrap();
        assert_eq!(request.id, Some(41));
        assert_eq!(request.path.as_deref(), Some("/v1/accounts/whoami"));
    }

    #[test]
    fn responses_are_keyed_by_their_id() {
        let protocol = SignalProtocol::new();
        let frame = response_frame(7, 204, "No Content");
        match protocol.decode(frame) {
            Inbound::Response { keys, response } => {
                assert_eq!(keys, vec![7]);
                assert_eq!(response.status, Some(204));
            }
            _ => panic!("not a response"),
        }
    }

    fn message_frame(id: u64) -> WsFrame {
        let mut request = WebSocketRequestMessage::new("PUT", INCOMING_MESSAGE_PATH, id);
        request.body = Some(Bytes::from_static(b"envelope"));
        binary(&WebSocketMessage::request(request))
    }

    #[test]
    fn server_requests_are_acked_by_the_engine_only_in_immediate_mode() {
        let immediate = SignalProtocol::new().with_ack_mode(AckMode::Immediate);
        match immediate.decode(message_frame(9)) {
            Inbound::Notification {
                notification,
                reply: Some(reply),
            } => {
                assert!(notification.acked);
                assert_eq!(
                    notification.request.kind(),
                    ServerRequestKind::Message(Bytes::from_static(b"envelope"))
                );
                let ack = decode_frame(&reply).response.unwrap();
                assert_eq!((ack.id, ack.status), (Some(9), Some(200)));
            }
            _ => panic!("expected a notification with an ack"),
        }
        for mode in [AckMode::OnDelivery, AckMode::Manual] {
            let protocol = SignalProtocol::new().with_ack_mode(mode);
            match protocol.decode(message_frame(10)) {
                Inbound::Notification {
                    notification,
                    reply: None,
                } => assert!(!notification.acked),
                _ => panic!("{mode:?}: expected a notification without an ack"),
            }
        }
        assert_eq!(SignalProtocol::default().ack_mode(), AckMode::OnDelivery);
    }

    #[test]
    fn pushes_carry_their_connection_number() {
        let protocol = SignalProtocol::new();
        let empty = binary(&WebSocketMessage::request(WebSocketRequestMessage::new(
            "PUT",
            QUEUE_EMPTY_PATH,
            1,
        )));
        let first = match protocol.decode(empty.clone()) {
            Inbound::Notification { notification, .. } => notification,
            _ => panic!("not a notification"),
        };
        assert_eq!(first.connection, 0);
        protocol.on_disconnect();
        assert_eq!(protocol.connection(), 1);
        match protocol.decode(empty) {
            Inbound::Notification { notification, .. } => {
                assert_eq!(notification.connection, 1);
                assert_eq!(notification.request.kind(), ServerRequestKind::QueueEmpty);
            }
            _ => panic!("not a notification"),
        }
    }

    #[test]
    fn odd_frames_are_reported_not_fatal() {
        let protocol = SignalProtocol::new();
        for (frame, reason) in [
            (WsFrame::text("hello"), "text frame"),
            (
                WsFrame::binary(vec![0xff, 0xff, 0xff]),
                "invalid WebSocketMessage",
            ),
            (
                binary(&WebSocketMessage {
                    r#type: Some(2),
                    ..WebSocketMessage::default()
                }),
                "without its part",
            ),
        ] {
            match protocol.decode(frame) {
                Inbound::Unknown { reason: why, .. } => assert!(why.contains(reason), "{why}"),
                _ => panic!("{reason}: not reported as unknown"),
            }
        }
    }

    #[test]
    fn keepalive_and_close_codes() {
        let protocol = SignalProtocol::new();
        let keepalive = protocol.keepalive().unwrap();
        assert_eq!(keepalive.verb.as_deref(), Some("GET"));
        assert_eq!(keepalive.path.as_deref(), Some("/v1/keepalive"));
        assert_eq!(keepalive.body, None);
        assert!(protocol.is_fatal_close(4401));
        assert!(protocol.is_fatal_close(4409));
        // 1000 after a keepalive means "reconnect".
        assert!(!protocol.is_fatal_close(1000));
        assert!(!protocol.is_fatal_close(1011));
        let custom = SignalProtocol::new().with_fatal_close_codes(&[4401]);
        assert!(!custom.is_fatal_close(4409));
        assert_eq!(custom.fatal_close_codes(), &[4401]);
    }
}
