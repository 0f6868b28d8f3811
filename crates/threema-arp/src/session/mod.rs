//! The session: a thin driver that runs the sans-IO [`saltyrtc`](crate::saltyrtc) and
//! [`connection`](crate::connection) state machines over a WebSocket
//! ([`transport_core::ws::connect`]), reconnects with backoff, and resumes the ARP session
//! through the connection layer (chunk cache transfer) or starts a new one when resumption is
//! impossible, and says which.
//!
//! [`ArpClient`](crate::ArpClient) is the user-facing side; the testkit's fake app runs the
//! same driver as the responder.

mod config;
pub(crate) mod driver;
mod event;
mod progress;

pub use config::{ServerConfig, SessionConfig};
pub use event::{SessionEvent, SessionState, Update};
pub(crate) use progress::ProgressState;
pub use progress::{Progress, Transfer};
