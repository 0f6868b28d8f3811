//! [`ProtocolError`]: violations of the ARP connection protocol.

use crate::chunking::ChunkError;

/// A violation of the ARP connection protocol: by the peer (sequence numbers, connection
/// IDs, the `connectionInfo` handshake, malformed chunks) or by the driver of the sans-IO
/// core (events in an impossible order). The session must be failed; SaltyRTC close code
/// 3001.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProtocolError {
    /// The peer acknowledged more chunks than were sent (threema-web #917).
    #[error(
        "remote travelled through time and acknowledged {acknowledged} chunks, \
         but only {sent} were sent"
    )]
    AckFromTheFuture {
        /// The acknowledged sequence number.
        acknowledged: u32,
        /// The outgoing sequence number.
        sent: u32,
    },
    /// The peer acknowledged fewer chunks than it had already acknowledged.
    #[error(
        "remote travelled back in time and acknowledged {acknowledged} chunks, \
         fewer than the {already} it had already acknowledged"
    )]
    AckFromThePast {
        /// The acknowledged sequence number.
        acknowledged: u32,
        /// What had been acknowledged before.
        already: u32,
    },
    /// A sequence number would wrap.
    #[error("the {which} sequence number overflowed")]
    SequenceNumberOverflow {
        /// `"incoming"` or `"outgoing"`.
        which: &'static str,
    },
    /// The peer's connection ID differs from the one derived locally.
    #[error("derived connection IDs do not match")]
    ConnectionIdMismatch,
    /// A message arrived before the peer's `update/connectionInfo`.
    #[error("expected update/connectionInfo first, received {name}")]
    ExpectedConnectionInfo {
        /// The message that arrived.
        name: String,
    },
    /// A message arrived that is not allowed now.
    #[error("unexpected {name}: {reason}")]
    Unexpected {
        /// The message or event.
        name: String,
        /// Why it is not allowed.
        reason: &'static str,
    },
    /// A connection-layer message could not be decoded.
    #[error("undecodable {what}: {message}")]
    Undecodable {
        /// What was being decoded.
        what: String,
        /// The decoder's message.
        message: String,
    },
    /// A chunk from the peer is malformed.
    #[error("invalid chunk: {0}")]
    Chunk(#[from] ChunkError),
    /// An event arrived that needs a transport connection, but there is none.
    #[error("{0} without a connection")]
    NotConnected(&'static str),
    /// The session failed earlier; only closing it is possible.
    #[error("the session failed earlier")]
    SessionFailed,
}
