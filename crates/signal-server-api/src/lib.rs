#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]
//!
//! ## Trying it against the mock server
//!
//! With the `testkit` feature, [`testkit::MockSignalServer`] answers both transports from the
//! same expectations and plays the server's side of message delivery, so this example runs as
//! it is:
//!
//! ```
//! # #[cfg(feature = "testkit")]
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> signal_server_api::Result<()> {
//! use signal_server_api::api::account::WhoAmI;
//! use signal_server_api::model::{AccountIdentityResponse, Aci};
//! use signal_server_api::testkit::MockSignalServer;
//! use signal_server_api::ws::Incoming;
//! use signal_server_api::Credentials;
//!
//! let aci: Aci = "9d0652a3-dcc3-4d11-975f-74d61598733f".parse().expect("an ACI");
//! let server = MockSignalServer::start().await;
//! server
//!     .expect_who_am_i()
//!     .respond(&AccountIdentityResponse::new(aci, "+14155550100"))
//!     .mount()
//!     .await;
//!
//! // Over REST, then over the authenticated WebSocket: the same call, the same answer.
//! let credentials = Credentials::new(aci, "device password");
//! let rest = server.client_builder().credentials(credentials.clone()).build()?;
//! let ws = server.ws_client_builder().credentials(credentials).connect().await?;
//! assert_eq!(rest.send(&WhoAmI::new()).await?.number, "+14155550100");
//! assert_eq!(ws.send(&WhoAmI::new()).await?.number, "+14155550100");
//!
//! // A message pushed by the server, acknowledged as the stream hands it out.
//! let mut incoming = ws.incoming().expect("taken once");
//! server.websocket().push_message(&b"envelope"[..]);
//! loop {
//!     match incoming.recv().await {
//!         Some(Incoming::Message(message)) => {
//!             assert_eq!(&message.envelope[..], b"envelope");
//!             break;
//!         }
//!         Some(Incoming::QueueEmpty) => continue,
//!         other => panic!("{other:?}"),
//!     }
//! }
//! server.websocket().wait_for_acked(1).await;
//! ws.shutdown().await;
//! # Ok(())
//! # }
//! # #[cfg(not(feature = "testkit"))]
//! # fn main() {}
//! ```

pub mod api;
pub mod auth;
pub mod client;
mod error;
pub mod model;
#[cfg(feature = "testkit")]
#[cfg_attr(docsrs, doc(cfg(feature = "testkit")))]
pub mod testkit;
pub mod ws;

pub use api::{ErrorBody, Operation, OperationInfo, all_operations};
pub use auth::{AuthMode, Credentials};
pub use client::{SignalClient, SignalClientBuilder, TransportKind};
pub use error::{Error, Result};

/// The shared transport layer this crate is built on, re-exported so that users can name its
/// types (secrets, retry policies, rate limiters, errors) without a separate dependency.
pub use transport_core;
