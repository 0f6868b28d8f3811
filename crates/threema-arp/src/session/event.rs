//! What a session tells its user: [`Update`]s (messages from the peer and [`SessionEvent`]s)
//! and the [`SessionState`].

use crate::api::Frame;
use crate::connection::{ConnectionId, NewSessionReason};
use crate::saltyrtc::CloseCode;
use std::time::Duration;

/// The state of a session.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SessionState {
    /// Opening the WebSocket and authenticating towards the server.
    Connecting {
        /// The attempt (1 for the first connection, counting up while reconnects fail).
        attempt: u32,
    },
    /// Authenticated towards the server; waiting for the other side to show up.
    WaitingForPeer,
    /// The SaltyRTC handshake with the other side is done; ARP's `connectionInfo` exchange
    /// is running.
    Handshaking,
    /// The session is up: messages flow.
    Established {
        /// The connection ID of the current connection.
        connection_id: ConnectionId,
    },
    /// The connection was lost; reconnecting after `delay`.
    Reconnecting {
        /// The next attempt.
        attempt: u32,
        /// The delay before it.
        delay: Duration,
    },
    /// The session ended for good.
    Closed {
        /// Why.
        reason: String,
    },
}

impl SessionState {
    /// True while messages flow.
    pub fn is_established(&self) -> bool {
        matches!(self, Self::Established { .. })
    }

    /// True once the session ended.
    pub fn is_closed(&self) -> bool {
        matches!(self, Self::Closed { .. })
    }
}

/// Something that happened to the session's connection.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SessionEvent {
    /// Authenticated towards the SaltyRTC server.
    ServerConnected {
        /// Whether the server proved it holds the pinned permanent key.
        server_key_verified: bool,
    },
    /// The other side completed the SaltyRTC handshake.
    PeerConnected {
        /// The other side's permanent public key (the trusted key for reconnects).
        peer_public_key: [u8; 32],
        /// The new connection ID.
        connection_id: ConnectionId,
    },
    /// The previous connection was resumed: nothing was lost; `resent` chunks the other
    /// side had not received were sent again.
    Resumed {
        /// The number of chunks sent again.
        resent: usize,
    },
    /// A new ARP session began: the first connection, or a full reconnect because the
    /// previous connection could not be resumed. After a full reconnect, messages that were
    /// on the way may be lost (`discarded_chunks`), pending calls failed with
    /// [`AckError::SessionReset`](crate::connection::AckError::SessionReset)
    /// (`failed_requests`), and the subscriptions are renewed (their responses arrive as
    /// updates).
    NewSession {
        /// Why nothing was resumed.
        reason: NewSessionReason,
        /// Unacknowledged chunks of the previous connection that were discarded.
        discarded_chunks: usize,
        /// Calls that failed because their messages were discarded.
        failed_requests: usize,
    },
    /// The connection (to the server or to the other side) was lost.
    Disconnected {
        /// Why.
        reason: String,
    },
    /// A responder was dropped by us (the initiator): it could not authenticate (3005: wrong
    /// token or untrusted key), misbehaved (3001) or another one took its place (3004).
    ResponderDropped {
        /// Its address.
        address: u8,
        /// The close code it got.
        reason: CloseCode,
        /// What was wrong, if anything.
        error: Option<String>,
    },
    /// The ARP session failed with a protocol error and starts over as a new session.
    Reset {
        /// The error.
        reason: String,
    },
    /// A message from the other side could not be decoded; the session goes on.
    InvalidMessage {
        /// The decode error.
        error: String,
    },
    /// The session ended for good.
    Closed {
        /// Why.
        reason: String,
    },
}

/// One item of a session's update stream.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Update {
    /// A message from the other side that is not the reply to a call: `update/messages`,
    /// `update/conversation`, `update/receiver`, `update/typing`, `update/batteryStatus`,
    /// renewed subscriptions after a full reconnect, …
    Message(Box<Frame>),
    /// The connection changed.
    Session(SessionEvent),
}
