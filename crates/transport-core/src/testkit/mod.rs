//! Test helpers for protocol crates and their users (feature `testkit`).
//!
//! - [`FakeWsServer`]: a scriptable WebSocket server on 127.0.0.1 that protocol crates build
//!   their protocol-aware fake servers on, and that users can run in their own tests;
//! - [`http`]: wiremock helpers shared by the HTTP protocols' fake servers;
//! - [`LogCapture`] and [`SecretScan`]: the pieces of every crate's secret-hygiene test.

pub mod http;
mod secrets;
mod ws;

pub use secrets::{LogCapture, SecretScan};

pub use ws::{
    FakeConnection, FakeMessage, FakeWsServer, FakeWsServerBuilder, UpgradeDecision,
    UpgradeRequest, offered_subprotocols,
};
