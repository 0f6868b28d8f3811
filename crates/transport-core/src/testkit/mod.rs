//! Test helpers (feature `testkit`): a scriptable fake WebSocket server that protocol crates
//! build their protocol-aware fake servers on, and that users can run in their own tests.

mod ws;

pub use ws::{
    FakeConnection, FakeMessage, FakeWsServer, FakeWsServerBuilder, UpgradeDecision, UpgradeRequest,
};
