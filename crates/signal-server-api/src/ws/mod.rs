//! The Signal WebSocket (`/v1/websocket/`): protobuf frames and a sans-IO codec.
//!
//! The authenticated socket carries the same operations as REST, each request in a
//! [`WebSocketMessage`] frame with a request id; the server answers with a response frame
//! carrying that id, and sends its own requests (incoming messages, "queue empty") that the
//! client acknowledges with a `200` response frame. [`codec`] builds and reads those frames
//! without doing any I/O: [`codec::encode_request`] turns any endpoint into a request frame,
//! [`codec::to_raw_response`] turns a response frame into the same
//! [`RawResponse`](transport_core::http::RawResponse) the HTTP client produces, so every
//! endpoint's parser works over both transports.
//!
//! [`SignalProtocol`] plugs the codec into transport-core's WebSocket engine (request ids,
//! keepalive, reconnects, fatal close codes); [`SignalClient`](crate::SignalClient) uses it
//! for its WebSocket transport ([`SignalClientBuilder::connect`](crate::SignalClientBuilder::connect)),
//! and [`IncomingMessages`] hands out what the server pushes, acknowledging it per
//! [`AckMode`].
//!
//! Keepalive: the server closes a chat socket that is idle for [`SERVER_IDLE_TIMEOUT`]
//! (60 s for provisioning sockets); the client sends `GET /v1/keepalive`
//! ([`GetKeepAlive`](crate::api::keep_alive::GetKeepAlive)) every [`KEEPALIVE_INTERVAL`].

pub mod codec;
mod frame;
mod incoming;
mod protocol;

pub use frame::{FrameType, WebSocketMessage, WebSocketRequestMessage, WebSocketResponseMessage};
pub use incoming::{
    Incoming, IncomingEnvelope, IncomingMessages, OtherServerRequest, TIMESTAMP_HEADER,
};
pub use protocol::{
    AckMode, CLOSE_CONNECTED_ELSEWHERE, CLOSE_CONNECTION_INVALIDATED, DEFAULT_FATAL_CLOSE_CODES,
    ServerPush, SignalProtocol,
};

use std::time::Duration;

/// The chat socket's path.
pub const CHAT_PATH: &str = "/v1/websocket/";
/// The provisioning socket's path (device linking).
pub const PROVISIONING_PATH: &str = "/v1/websocket/provisioning/";
/// The server closes a chat socket idle for this long.
pub const SERVER_IDLE_TIMEOUT: Duration = Duration::from_secs(90);
/// The server closes a provisioning socket idle for this long.
pub const PROVISIONING_IDLE_TIMEOUT: Duration = Duration::from_secs(60);
/// How often to send `GET /v1/keepalive` (the official apps use 30 s).
pub const KEEPALIVE_INTERVAL: Duration = Duration::from_secs(30);
