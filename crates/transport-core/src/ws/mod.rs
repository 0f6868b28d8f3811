//! The WebSocket RPC engine.
//!
//! Two layers:
//!
//! - the **raw connection** ([`connect`], [`WsConnection`]): one WebSocket with custom headers
//!   (secret values redacted), subprotocols, limits, buffer sizes and TLS; text and binary
//!   [`WsFrame`]s. For protocols that run their own session logic (SaltyRTC);
//! - the **client** ([`WsClient`]) for a [`Protocol`]: request/response correlation by id or by
//!   expected reply type, a handshake after every (re)connect, a notification stream with a
//!   visible overflow policy, WebSocket pings and an idle timeout, an application keepalive, and
//!   a reconnect supervisor whose state is observable ([`WsClient::events`]).
//!
//! ```no_run
//! # use transport_core::ws::{Inbound, Outgoing, Protocol, WsClient, WsConfig, WsFrame};
//! # use transport_core::Error;
//! # struct Echo;
//! # impl Protocol for Echo {
//! #     type Request = String;
//! #     type Response = String;
//! #     type Notification = String;
//! #     type Key = u64;
//! #     fn encode(&self, r: String, seq: u64) -> Result<Outgoing<Self>, Error> {
//! #         Ok(Outgoing::new(seq, WsFrame::text(format!("{seq}:{r}"))))
//! #     }
//! #     fn decode(&self, frame: WsFrame) -> Inbound<Self> {
//! #         let text = frame.as_text().unwrap_or_default().to_owned();
//! #         match text.split_once(':').and_then(|(id, rest)| Some((id.parse().ok()?, rest.to_owned()))) {
//! #             Some((id, rest)) => Inbound::response(id, rest),
//! #             None => Inbound::notification(text),
//! #         }
//! #     }
//! # }
//! # async fn run() -> Result<(), Error> {
//! use futures_util::StreamExt;
//!
//! let client = WsClient::connect(WsConfig::new("wss://example.com/rpc"), Echo).await?;
//! let mut notifications = client.notifications().expect("taken once");
//! let reply = client.request("hello".to_owned()).await?;
//! println!("{reply}");
//! while let Some(item) = notifications.next().await {
//!     println!("{item:?}");
//! }
//! client.shutdown().await;
//! # Ok(())
//! # }
//! ```

mod batch;
mod client;
mod config;
mod connect;
mod engine;
mod event;
mod frame;
mod inbox;
mod pending;
mod protocol;
mod split;
mod state;

pub use client::{BatchResults, WsClient};
pub use config::{OverflowPolicy, ReconnectPolicy, WhenDisconnected, WsConfig};
pub use connect::{WsConnectOptions, WsConnection, WsHeaderValue, connect};
pub use event::{ConnectionEvent, Events};
pub use frame::{WsFrame, WsText};
pub use inbox::{NotificationItem, NotificationSender, Notifications, notification_channel};
pub use protocol::{HandshakeIo, Inbound, Keys, Match, Matcher, Outgoing, Protocol};
pub use split::{WsReader, WsWriter};
pub use state::{CloseReason, ConnectionState};
