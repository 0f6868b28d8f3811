//! The ARP connection layer (spec concepts *Connection ID*, *Sequence Number*, *Chunk
//! Cache*, *Chunk Cache Blacklist*, *Session Resumption*, *Message Acknowledgement*), sans
//! IO.
//!
//! Two layers:
//!
//! - [`Resumption`]: the chunk-level state machine (sequence numbers, chunk cache,
//!   blacklist placeholders, the resume-or-reconnect decision), fed with
//!   [`ResumptionEvent`]s and answering with [`ResumptionAction`]s;
//! - [`ArpConnection`]: the message level on top (chunking, the `connectionInfo` and
//!   `connectionAck` messages, acknowledgement futures), which a transport drives with
//!   chunks and frames and which answers with [`Output`]s.
//!
//! All of this applies to the relayed-data task (the iOS app). The Android app (WebRTC
//! task) has no resumption; it sends a fake connection ID, which leads to a
//! [`NewSessionReason::PeerCannotResume`].

mod acks;
mod arp_connection;
mod blacklist;
mod chunk_cache;
mod connection_id;
mod error;
mod resumption;
mod sequence_number;

pub use acks::{AckError, AckFuture, AckResult, AckTracker};
pub use arp_connection::{ArpConnection, ConnectionConfig, Output, Role};
pub use blacklist::{BLACKLIST, is_blacklisted};
pub use chunk_cache::{ChunkCache, Pruned};
pub use connection_id::{ANDROID_FAKE_CONNECTION_ID, CONNECTION_ID_NONCE, ConnectionId};
pub use error::ProtocolError;
pub use resumption::{
    DEFAULT_ACK_REQUEST_THRESHOLD, NewSessionReason, Resumption, ResumptionAction, ResumptionEvent,
};
pub use sequence_number::SequenceNumber;
