//! Test helpers (feature `testkit`): everything needed to run an [`ArpClient`](crate::ArpClient)
//! end to end without a phone.
//!
//! - [`FakeApp`]: a fake Threema app (the SaltyRTC responder) answering ARP requests from
//!   in-memory [`AppData`] and pushing updates, with fault injection ([`Fault`]: broken,
//!   missing and out-of-order replies, raw frames and chunks, a stalled peer);
//! - [`LocalRelay`]: an in-process SaltyRTC server (the sans-IO
//!   [`RelayServer`](crate::saltyrtc::server::RelayServer) on a local WebSocket), with fault
//!   injection (cut every connection);
//! - [`SaltyRtcServer`]: starts the real `saltyrtc-server` (PyPI `saltyrtc.server`, installed
//!   by `cargo xtask setup`) on a free port and stops it on drop;
//! - [`TcpProxy`]: a TCP proxy that can cut its connections mid-transfer.

mod data;
mod fake_app;
mod proxy;
mod relay;
mod server;

pub use data::{AppData, ConversationKey, StoredBlob};
pub use fake_app::{FakeApp, FakeAppConfig, Fault};
pub use proxy::TcpProxy;
pub use relay::{LocalRelay, Tampered};
pub use server::SaltyRtcServer;
