//! [`Resumption`]: sequence numbers, the chunk cache and session resumption as a state
//! machine fed with chunk-level events (spec concepts `sequenceNumber`, `chunkCache`,
//! `sessionResumption`).

use super::connection_id::ANDROID_FAKE_CONNECTION_ID;
use super::{ChunkCache, ConnectionId, ProtocolError, SequenceNumber};
use crate::model::Connection;
use bytes::Bytes;
use std::collections::VecDeque;

/// What happened; fed to [`Resumption::handle`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResumptionEvent {
    /// A new transport connection is up (the SaltyRTC task is established) and the
    /// transport derived its connection ID. Answered with
    /// [`ResumptionAction::SendConnectionInfo`].
    Connected {
        /// The connection ID of the new connection.
        connection_id: ConnectionId,
    },
    /// A chunk of an outgoing message. `retransmit` is false for chunks of blacklisted
    /// messages. Before the handshake completes (and while disconnected) retransmittable
    /// chunks are held and sent after the handshake, and other chunks other than those of
    /// `update/connectionInfo` should not be produced (they are dropped while disconnected).
    ChunkSent {
        /// The chunk, header included.
        chunk: Bytes,
        /// False for chunks of blacklisted messages.
        retransmit: bool,
    },
    /// A chunk arrived (counted before it is unchunked).
    ChunkReceived,
    /// The peer's `update/connectionAck`.
    AckReceived {
        /// The peer's incoming sequence number.
        sequence_number: u32,
    },
    /// The peer's `update/connectionInfo`.
    PeerConnectionInfo {
        /// The peer's current connection ID.
        id: Vec<u8>,
        /// The connection the peer wants to resume.
        resume: Option<Connection>,
    },
    /// The transport connection dropped without a close; the session may be resumed.
    Disconnected,
    /// The session ended (`update/connectionDisconnect`, SaltyRTC close, or the user
    /// stopped it); nothing can be resumed.
    Closed,
}

/// What to do; returned by [`Resumption::handle`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResumptionAction {
    /// Send `update/connectionInfo` with these values (its chunks come back as
    /// [`ResumptionEvent::ChunkSent`] without `retransmit`).
    SendConnectionInfo {
        /// The current connection ID.
        id: ConnectionId,
        /// The previous connection to resume, if any.
        resume: Option<Connection>,
    },
    /// Put these chunks on the wire now, in order.
    Send(Vec<Bytes>),
    /// The previous connection was resumed; `resent` cached chunks are being retransmitted
    /// (they are in the [`ResumptionAction::Send`] that follows).
    Resumed {
        /// The number of retransmitted chunks.
        resent: usize,
    },
    /// The cached chunks of the previous connection were discarded.
    CacheCleared {
        /// The number of retransmittable chunks discarded.
        discarded: usize,
    },
    /// The connection is a new session (full reconnect): the client must send its initial
    /// requests again.
    NewSession {
        /// Why the previous connection was not resumed.
        reason: NewSessionReason,
    },
    /// The cache grew past the threshold: send a `request/connectionAck`.
    RequestAck,
    /// The session is broken; close it (SaltyRTC close code 3001). Every later event except
    /// [`ResumptionEvent::Closed`] reports [`ProtocolError::SessionFailed`].
    ProtocolError(ProtocolError),
}

/// Why a connection started a new session instead of resuming one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NewSessionReason {
    /// The first connection of the session.
    FirstConnection,
    /// There was no previous connection whose handshake had completed.
    NoPreviousConnection,
    /// The peer did not ask to resume.
    PeerDidNotResume,
    /// The peer asked to resume a different connection.
    DifferentConnection,
    /// The peer does not implement resumption (the Android app's fake connection ID).
    PeerCannotResume,
}

/// The phase of the current connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Our `connectionInfo` is out; waiting for the peer's.
    AwaitingPeerInfo,
    /// Both `connectionInfo` messages were exchanged.
    Established,
}

#[derive(Debug)]
struct Current {
    id: ConnectionId,
    phase: Phase,
    cache: ChunkCache,
    incoming: SequenceNumber,
}

#[derive(Debug)]
struct Previous {
    id: ConnectionId,
    incoming: u32,
    cache: ChunkCache,
}

/// The ARP connection layer below messages: it counts chunks in both directions, caches
/// outgoing chunks until the peer acknowledges them, and on a new connection decides
/// between resuming the previous one (pruning, transferring and renumbering its cache) and
/// a full reconnect, exactly as the spec and Threema Web do. No I/O, no time: events in,
/// actions out, and no panic on any input.
#[derive(Debug)]
pub struct Resumption {
    current: Option<Current>,
    previous: Option<Previous>,
    /// Retransmittable chunks produced before the handshake completed.
    held: VecDeque<Bytes>,
    /// Whether any connection of this session completed its handshake.
    established_before: bool,
    /// Whether a `request/connectionAck` is outstanding.
    ack_requested: bool,
    /// Cache size that triggers [`ResumptionAction::RequestAck`].
    ack_threshold: usize,
    failed: bool,
}

impl Default for Resumption {
    fn default() -> Self {
        Self::new(DEFAULT_ACK_REQUEST_THRESHOLD)
    }
}

/// The cache size above which a `request/connectionAck` is sent (Threema Web: 2 MiB).
pub const DEFAULT_ACK_REQUEST_THRESHOLD: usize = 2 * 1024 * 1024;

impl Resumption {
    /// A fresh session; `ack_threshold` is the cache size (bytes) above which a
    /// `request/connectionAck` is requested.
    pub fn new(ack_threshold: usize) -> Self {
        Self {
            current: None,
            previous: None,
            held: VecDeque::new(),
            established_before: false,
            ack_requested: false,
            ack_threshold,
            failed: false,
        }
    }

    /// True while the current connection has completed its `connectionInfo` exchange.
    pub fn is_established(&self) -> bool {
        self.current
            .as_ref()
            .is_some_and(|current| current.phase == Phase::Established)
    }

    /// True while a transport connection exists (handshake complete or not).
    pub fn is_connected(&self) -> bool {
        self.current.is_some()
    }

    /// True after a protocol error (until [`ResumptionEvent::Closed`]).
    pub fn has_failed(&self) -> bool {
        self.failed
    }

    /// The incoming sequence number of the current connection.
    pub fn incoming_sequence_number(&self) -> Option<u32> {
        self.current.as_ref().map(|current| current.incoming.get())
    }

    /// The outgoing sequence number of the current connection.
    pub fn outgoing_sequence_number(&self) -> Option<u32> {
        self.current
            .as_ref()
            .map(|current| current.cache.sequence_number())
    }

    /// The cache of the current connection.
    pub fn cache(&self) -> Option<&ChunkCache> {
        self.current.as_ref().map(|current| &current.cache)
    }

    /// The ID of the previous connection that can still be resumed.
    pub fn previous_connection(&self) -> Option<ConnectionId> {
        self.previous.as_ref().map(|previous| previous.id)
    }

    /// The number of chunks held until the handshake completes.
    pub fn held_chunks(&self) -> usize {
        self.held.len()
    }

    /// Fails the session for an error found outside this state machine (a malformed chunk,
    /// an undecodable or unexpected message).
    pub fn fail(&mut self, error: ProtocolError) -> Vec<ResumptionAction> {
        self.failed = true;
        vec![ResumptionAction::ProtocolError(error)]
    }

    /// Feeds an event; returns what to do, in order.
    pub fn handle(&mut self, event: ResumptionEvent) -> Vec<ResumptionAction> {
        if self.failed && event != ResumptionEvent::Closed {
            return vec![ResumptionAction::ProtocolError(
                ProtocolError::SessionFailed,
            )];
        }
        let mut actions = Vec::new();
        if let Err(error) = self.dispatch(event, &mut actions) {
            self.failed = true;
            actions.push(ResumptionAction::ProtocolError(error));
        }
        actions
    }

    fn dispatch(
        &mut self,
        event: ResumptionEvent,
        actions: &mut Vec<ResumptionAction>,
    ) -> Result<(), ProtocolError> {
        match event {
            ResumptionEvent::Connected { connection_id } => {
                self.connection_lost();
                self.current = Some(Current {
                    id: connection_id,
                    phase: Phase::AwaitingPeerInfo,
                    cache: ChunkCache::new(),
                    incoming: SequenceNumber::new(),
                });
                actions.push(ResumptionAction::SendConnectionInfo {
                    id: connection_id,
                    resume: self.previous.as_ref().map(|previous| {
                        Connection::new(*previous.id.as_bytes(), previous.incoming)
                    }),
                });
                Ok(())
            }
            ResumptionEvent::ChunkSent { chunk, retransmit } => {
                self.chunk_sent(chunk, retransmit, actions)
            }
            ResumptionEvent::ChunkReceived => {
                let current = self
                    .current
                    .as_mut()
                    .ok_or(ProtocolError::NotConnected("chunk received"))?;
                current.incoming.increment("incoming")?;
                Ok(())
            }
            ResumptionEvent::AckReceived { sequence_number } => {
                let current = self
                    .current
                    .as_mut()
                    .ok_or(ProtocolError::NotConnected("update/connectionAck received"))?;
                if current.phase != Phase::Established {
                    return Err(ProtocolError::ExpectedConnectionInfo {
                        name: "update/connectionAck".into(),
                    });
                }
                current.cache.prune(sequence_number)?;
                self.ack_requested = false;
                Ok(())
            }
            ResumptionEvent::PeerConnectionInfo { id, resume } => {
                self.peer_connection_info(&id, resume, actions)
            }
            ResumptionEvent::Disconnected => {
                self.connection_lost();
                Ok(())
            }
            ResumptionEvent::Closed => {
                let discarded = self
                    .previous
                    .take()
                    .map_or(0, |previous| previous.cache.retransmittable())
                    + self
                        .current
                        .take()
                        .map_or(0, |current| current.cache.retransmittable())
                    + self.held.len();
                *self = Self::new(self.ack_threshold);
                if discarded > 0 {
                    actions.push(ResumptionAction::CacheCleared { discarded });
                }
                Ok(())
            }
        }
    }

    /// The transport connection is gone: keep it for resumption if its handshake completed;
    /// otherwise the previous connection stays resumable.
    fn connection_lost(&mut self) {
        self.ack_requested = false;
        if let Some(current) = self
            .current
            .take()
            .filter(|c| c.phase == Phase::Established)
        {
            self.previous = Some(Previous {
                id: current.id,
                incoming: current.incoming.get(),
                cache: current.cache,
            });
        }
    }

    fn chunk_sent(
        &mut self,
        chunk: Bytes,
        retransmit: bool,
        actions: &mut Vec<ResumptionAction>,
    ) -> Result<(), ProtocolError> {
        let Some(current) = self.current.as_mut() else {
            if retransmit {
                self.held.push_back(chunk);
            }
            return Ok(());
        };
        match (current.phase, retransmit) {
            (Phase::AwaitingPeerInfo, true) => self.held.push_back(chunk),
            (_, retransmit) => {
                current.cache.append(retransmit.then(|| chunk.clone()))?;
                actions.push(ResumptionAction::Send(vec![chunk]));
                self.maybe_request_ack(actions);
            }
        }
        Ok(())
    }

    fn maybe_request_ack(&mut self, actions: &mut Vec<ResumptionAction>) {
        let Some(current) = &self.current else { return };
        if !self.ack_requested
            && current.phase == Phase::Established
            && current.cache.byte_len() > self.ack_threshold
        {
            self.ack_requested = true;
            actions.push(ResumptionAction::RequestAck);
        }
    }

    fn peer_connection_info(
        &mut self,
        id: &[u8],
        resume: Option<Connection>,
        actions: &mut Vec<ResumptionAction>,
    ) -> Result<(), ProtocolError> {
        let current = self.current.as_mut().ok_or(ProtocolError::NotConnected(
            "update/connectionInfo received",
        ))?;
        if current.phase == Phase::Established {
            return Err(ProtocolError::Unexpected {
                name: "update/connectionInfo".into(),
                reason: "the handshake of this connection is already complete",
            });
        }
        let peer_cannot_resume = id == ANDROID_FAKE_CONNECTION_ID;
        if !peer_cannot_resume && id != current.id.as_bytes() {
            return Err(ProtocolError::ConnectionIdMismatch);
        }
        current.phase = Phase::Established;

        let previous = self.previous.take();
        let outcome = match (previous, resume) {
            (Some(previous), Some(resume))
                if !peer_cannot_resume && resume.id.as_bytes() == previous.id.as_bytes() =>
            {
                Ok((previous, resume.sequence_number))
            }
            (previous, resume) => {
                let reason = match (&previous, resume) {
                    _ if peer_cannot_resume => NewSessionReason::PeerCannotResume,
                    (None, _) if !self.established_before => NewSessionReason::FirstConnection,
                    (None, _) => NewSessionReason::NoPreviousConnection,
                    (Some(_), None) => NewSessionReason::PeerDidNotResume,
                    (Some(_), Some(_)) => NewSessionReason::DifferentConnection,
                };
                Err((previous, reason))
            }
        };
        self.established_before = true;
        match outcome {
            Ok((mut previous, their_incoming)) => {
                previous.cache.prune(their_incoming)?;
                let resent = current.cache.transfer(previous.cache)?;
                actions.push(ResumptionAction::Resumed {
                    resent: resent.len(),
                });
                if !resent.is_empty() {
                    actions.push(ResumptionAction::Send(resent));
                }
            }
            Err((previous, reason)) => {
                if let Some(previous) = previous {
                    actions.push(ResumptionAction::CacheCleared {
                        discarded: previous.cache.retransmittable(),
                    });
                }
                actions.push(ResumptionAction::NewSession { reason });
            }
        }
        self.flush_held(actions)
    }

    /// Sends the chunks held during the handshake, after any retransmitted ones.
    fn flush_held(&mut self, actions: &mut Vec<ResumptionAction>) -> Result<(), ProtocolError> {
        let Some(current) = self.current.as_mut() else {
            return Ok(());
        };
        if self.held.is_empty() {
            return Ok(());
        }
        let mut sent = Vec::with_capacity(self.held.len());
        while let Some(chunk) = self.held.pop_front() {
            current.cache.append(Some(chunk.clone()))?;
            sent.push(chunk);
        }
        actions.push(ResumptionAction::Send(sent));
        self.maybe_request_ack(actions);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(byte: u8) -> ConnectionId {
        ConnectionId::new([byte; 16])
    }

    fn chunk(byte: u8) -> Bytes {
        Bytes::from(vec![byte])
    }

    fn sent(actions: &[ResumptionAction]) -> Vec<u8> {
        actions
            .iter()
            .filter_map(|action| match action {
                ResumptionAction::Send(chunks) => Some(chunks.iter().map(|c| c[0])),
                _ => None,
            })
            .flatten()
            .collect()
    }

    /// Connects, exchanges connectionInfo (one chunk each way) and returns the peer-info
    /// actions.
    fn connect(
        machine: &mut Resumption,
        connection: ConnectionId,
        resume: Option<Connection>,
    ) -> Vec<ResumptionAction> {
        let actions = machine.handle(ResumptionEvent::Connected {
            connection_id: connection,
        });
        assert!(matches!(
            actions[..],
            [ResumptionAction::SendConnectionInfo { .. }]
        ));
        let actions = machine.handle(ResumptionEvent::ChunkSent {
            chunk: chunk(0),
            retransmit: false,
        });
        assert_eq!(sent(&actions), [0]);
        assert!(machine.handle(ResumptionEvent::ChunkReceived).is_empty());
        machine.handle(ResumptionEvent::PeerConnectionInfo {
            id: connection.as_bytes().to_vec(),
            resume,
        })
    }

    #[test]
    fn first_connection_is_a_new_session_and_holds_early_chunks() {
        let mut machine = Resumption::default();
        assert!(
            machine
                .handle(ResumptionEvent::ChunkSent {
                    chunk: chunk(7),
                    retransmit: true
                })
                .is_empty()
        );
        assert!(
            machine
                .handle(ResumptionEvent::ChunkSent {
                    chunk: chunk(8),
                    retransmit: false
                })
                .is_empty()
        );
        assert_eq!(machine.held_chunks(), 1);
        let actions = connect(&mut machine, id(1), None);
        assert_eq!(
            actions[0],
            ResumptionAction::NewSession {
                reason: NewSessionReason::FirstConnection
            }
        );
        assert_eq!(sent(&actions), [7]);
        assert_eq!(machine.outgoing_sequence_number(), Some(2));
        assert!(machine.is_established());
    }

    #[test]
    fn resume_prunes_transfers_and_forgets_the_previous_connection() {
        let mut machine = Resumption::default();
        connect(&mut machine, id(1), None);
        for byte in 1..=3 {
            machine.handle(ResumptionEvent::ChunkSent {
                chunk: chunk(byte),
                retransmit: true,
            });
        }
        for _ in 0..4 {
            machine.handle(ResumptionEvent::ChunkReceived);
        }
        machine.handle(ResumptionEvent::Disconnected);
        assert_eq!(machine.previous_connection(), Some(id(1)));
        // The peer had received the connectionInfo chunk and chunk 1 (2 chunks).
        let actions = machine.handle(ResumptionEvent::Connected {
            connection_id: id(2),
        });
        assert_eq!(
            actions,
            [ResumptionAction::SendConnectionInfo {
                id: id(2),
                resume: Some(Connection::new([1; 16], 5)),
            }]
        );
        machine.handle(ResumptionEvent::ChunkSent {
            chunk: chunk(0),
            retransmit: false,
        });
        let actions = machine.handle(ResumptionEvent::PeerConnectionInfo {
            id: vec![2; 16],
            resume: Some(Connection::new([1; 16], 2)),
        });
        assert_eq!(actions[0], ResumptionAction::Resumed { resent: 2 });
        assert_eq!(sent(&actions), [2, 3]);
        assert_eq!(machine.previous_connection(), None);
        assert_eq!(machine.outgoing_sequence_number(), Some(3));
    }

    #[test]
    fn a_failed_new_connection_keeps_the_previous_one_resumable() {
        let mut machine = Resumption::default();
        connect(&mut machine, id(1), None);
        machine.handle(ResumptionEvent::ChunkSent {
            chunk: chunk(1),
            retransmit: true,
        });
        machine.handle(ResumptionEvent::Disconnected);
        machine.handle(ResumptionEvent::Connected {
            connection_id: id(2),
        });
        machine.handle(ResumptionEvent::Disconnected);
        assert_eq!(machine.previous_connection(), Some(id(1)));
        let actions = machine.handle(ResumptionEvent::Connected {
            connection_id: id(3),
        });
        assert!(matches!(
            &actions[0],
            ResumptionAction::SendConnectionInfo { resume: Some(resume), .. } if resume.id.as_bytes() == [1; 16]
        ));
    }

    #[test]
    fn mismatches_and_missing_resume_fall_back_to_a_full_reconnect() {
        for (resume, reason) in [
            (None, NewSessionReason::PeerDidNotResume),
            (
                Some(Connection::new([9; 16], 0)),
                NewSessionReason::DifferentConnection,
            ),
        ] {
            let mut machine = Resumption::default();
            connect(&mut machine, id(1), None);
            machine.handle(ResumptionEvent::ChunkSent {
                chunk: chunk(1),
                retransmit: true,
            });
            machine.handle(ResumptionEvent::Disconnected);
            let actions = connect(&mut machine, id(2), resume);
            assert_eq!(
                actions,
                [
                    ResumptionAction::CacheCleared { discarded: 1 },
                    ResumptionAction::NewSession { reason }
                ]
            );
        }
    }

    #[test]
    fn the_android_fake_id_means_no_resumption() {
        let mut machine = Resumption::default();
        machine.handle(ResumptionEvent::Connected {
            connection_id: id(1),
        });
        let actions = machine.handle(ResumptionEvent::PeerConnectionInfo {
            id: ANDROID_FAKE_CONNECTION_ID.to_vec(),
            resume: None,
        });
        assert_eq!(
            actions,
            [ResumptionAction::NewSession {
                reason: NewSessionReason::PeerCannotResume
            }]
        );
    }

    #[test]
    fn protocol_errors_fail_the_session_until_closed() {
        let mut machine = Resumption::default();
        machine.handle(ResumptionEvent::Connected {
            connection_id: id(1),
        });
        let actions = machine.handle(ResumptionEvent::PeerConnectionInfo {
            id: vec![2; 16],
            resume: None,
        });
        assert_eq!(
            actions,
            [ResumptionAction::ProtocolError(
                ProtocolError::ConnectionIdMismatch
            )]
        );
        assert!(machine.has_failed());
        assert_eq!(
            machine.handle(ResumptionEvent::ChunkReceived),
            [ResumptionAction::ProtocolError(
                ProtocolError::SessionFailed
            )]
        );
        assert!(machine.handle(ResumptionEvent::Closed).is_empty());
        assert!(!machine.has_failed());
        assert_eq!(
            Resumption::default().handle(ResumptionEvent::ChunkReceived),
            [ResumptionAction::ProtocolError(
                ProtocolError::NotConnected("chunk received")
            )]
        );
    }

    #[test]
    fn a_large_cache_requests_one_ack() {
        let mut machine = Resumption::new(2);
        connect(&mut machine, id(1), None);
        let big = Bytes::from_static(b"abc");
        let actions = machine.handle(ResumptionEvent::ChunkSent {
            chunk: big.clone(),
            retransmit: true,
        });
        assert_eq!(actions.last(), Some(&ResumptionAction::RequestAck));
        let actions = machine.handle(ResumptionEvent::ChunkSent {
            chunk: big,
            retransmit: true,
        });
        assert!(!actions.contains(&ResumptionAction::RequestAck));
        machine.handle(ResumptionEvent::AckReceived { sequence_number: 3 });
        assert_eq!(machine.cache().map(ChunkCache::byte_len), Some(0));
    }
}
