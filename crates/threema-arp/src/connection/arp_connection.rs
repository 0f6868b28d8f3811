//! [`ArpConnection`]: the message-level sans-IO connection: frames in and out, chunks on
//! the wire, `connectionInfo`/`connectionAck` handled, acknowledgement futures resolved.

use super::resumption::{NewSessionReason, Resumption, ResumptionAction, ResumptionEvent};
use super::{AckFuture, AckTracker, ConnectionId, ProtocolError};
use crate::api::{
    ArpMessage, Direction, Frame, RequestConnectionAck, UpdateConnectionAck, UpdateConnectionInfo,
};
use crate::chunking::{Chunker, DEFAULT_CHUNK_SIZE, Unchunker, UnchunkerConfig};
use crate::codec::{EncodeOptions, Envelope};
use crate::error::{Error, Result};
use bytes::Bytes;
use std::time::Duration;
use tokio::time::Instant;

/// Which side of ARP this connection speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The client (Threema Web's side, the SaltyRTC initiator): receives app → client
    /// messages.
    Client,
    /// The app (the phone, the SaltyRTC responder; used by fake apps in tests): receives
    /// client → app messages.
    App,
}

impl Role {
    /// The direction of the messages this side receives.
    pub fn incoming(self) -> Direction {
        match self {
            Self::Client => Direction::FromApp,
            Self::App => Direction::ToApp,
        }
    }
}

/// Settings of an [`ArpConnection`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ConnectionConfig {
    /// Which side this is.
    pub role: Role,
    /// The chunk size, header included (64 KiB over the relayed-data task).
    pub chunk_size: usize,
    /// Memory limits of the unchunker.
    pub unchunker: UnchunkerConfig,
    /// How long after a received chunk an unrequested `update/connectionAck` is sent (spec:
    /// 10 s).
    pub ack_interval: Duration,
    /// Cache size above which a `request/connectionAck` is sent (Threema Web: 2 MiB).
    pub ack_request_threshold: usize,
    /// How frames are encoded (legacy `temporaryId` and `ack` fields).
    pub encode: EncodeOptions,
}

impl ConnectionConfig {
    /// The defaults for `role`.
    pub fn new(role: Role) -> Self {
        Self {
            role,
            chunk_size: DEFAULT_CHUNK_SIZE,
            unchunker: UnchunkerConfig::default(),
            ack_interval: Duration::from_secs(10),
            ack_request_threshold: super::DEFAULT_ACK_REQUEST_THRESHOLD,
            encode: EncodeOptions::default(),
        }
    }
}

/// What the driver must do or learn; returned by every [`ArpConnection`] method.
#[derive(Debug)]
#[non_exhaustive]
// Outputs are consumed right away; see `ArpMessage`.
#[allow(clippy::large_enum_variant)]
pub enum Output {
    /// Send this chunk to the peer now (as one SaltyRTC `data` message).
    Transmit(Bytes),
    /// A message from the peer (acknowledgements that a pending future took are not
    /// repeated here).
    Message(Frame),
    /// The previous connection was resumed; `resent` cached chunks are being retransmitted.
    Resumed {
        /// The number of retransmitted chunks.
        resent: usize,
    },
    /// The connection is a new session: send the initial requests (`request/clientInfo`,
    /// `request/profile`, `request/receivers`, `request/conversations`) again.
    NewSession {
        /// Why nothing was resumed.
        reason: NewSessionReason,
    },
    /// The previous connection's cache was discarded.
    CacheCleared {
        /// The number of retransmittable chunks discarded.
        discarded: usize,
        /// The acknowledgement futures failed with
        /// [`AckError::SessionReset`](super::AckError::SessionReset) as a result.
        acks_failed: usize,
    },
    /// A message from the peer could not be decoded; the session goes on.
    InvalidMessage(Error),
    /// The session is broken; close it with SaltyRTC close code 3001 and call
    /// [`ArpConnection::closed`].
    Failed(ProtocolError),
}

/// The ARP connection layer as a sans-IO state machine: it turns frames into chunks and
/// chunks into frames, numbers and caches chunks, performs the `connectionInfo` handshake
/// and session resumption on every new transport connection, answers and sends
/// `connectionAck`s, and resolves acknowledgement futures. It never blocks, never does I/O
/// and never panics; time is only read to arm the `connectionAck` timer.
///
/// The driver (the later `ArpClient`, or a fake app) feeds it:
/// [`connected`](Self::connected) when the SaltyRTC task is established,
/// [`receive_chunk`](Self::receive_chunk) for each incoming `data` payload,
/// [`send`](Self::send)/[`request`](Self::request) for outgoing messages,
/// [`handle_timeout`](Self::handle_timeout) at [`poll_timeout`](Self::poll_timeout),
/// [`disconnected`](Self::disconnected) when the transport drops and
/// [`closed`](Self::closed) when the session ends; and it carries out the returned
/// [`Output`]s in order.
#[derive(Debug)]
pub struct ArpConnection {
    config: ConnectionConfig,
    chunker: Chunker,
    next_message_id: u32,
    unchunker: Unchunker,
    state: Resumption,
    acks: AckTracker,
    ack_deadline: Option<Instant>,
    last_sent: Option<(u32, usize)>,
}

impl ArpConnection {
    /// A connection layer for a new session. Fails if the chunk size is too small.
    pub fn new(config: ConnectionConfig) -> Result<Self> {
        Ok(Self {
            chunker: Chunker::new(config.chunk_size)?,
            next_message_id: 0,
            unchunker: Unchunker::new(config.unchunker),
            state: Resumption::new(config.ack_request_threshold),
            acks: AckTracker::new(),
            ack_deadline: None,
            last_sent: None,
            config,
        })
    }

    /// The configuration.
    pub fn config(&self) -> &ConnectionConfig {
        &self.config
    }

    /// The chunk-level state (sequence numbers, cache, previous connection).
    pub fn resumption(&self) -> &Resumption {
        &self.state
    }

    /// True once the current connection completed its `connectionInfo` exchange.
    pub fn is_established(&self) -> bool {
        self.state.is_established()
    }

    /// The number of acknowledgement requests still pending (while it is not zero, a
    /// disconnected client should keep waking the app).
    pub fn pending_acks(&self) -> usize {
        self.acks.len()
    }

    /// A new transport connection is up. Sends `update/connectionInfo` (resuming the
    /// previous connection if there is one).
    pub fn connected(&mut self, connection_id: ConnectionId) -> Vec<Output> {
        self.ack_deadline = None;
        let actions = self
            .state
            .handle(ResumptionEvent::Connected { connection_id });
        self.run(actions)
    }

    /// The transport connection dropped without a close. The session can be resumed on the
    /// next connection; messages sent meanwhile are held.
    pub fn disconnected(&mut self) -> Vec<Output> {
        self.ack_deadline = None;
        let actions = self.state.handle(ResumptionEvent::Disconnected);
        self.run(actions)
    }

    /// The session ended: caches, held messages and pending acknowledgements are dropped
    /// (the futures fail with [`AckError::Closed`](super::AckError::Closed)). The
    /// connection can then start a fresh session.
    pub fn closed(&mut self) -> Vec<Output> {
        self.ack_deadline = None;
        let actions = self.state.handle(ResumptionEvent::Closed);
        self.acks.close();
        self.unchunker.clear();
        self.next_message_id = 0;
        self.run(actions)
    }

    /// Sends a frame. Its chunks are transmitted now if the connection is established, and
    /// otherwise held until the next handshake; chunks of blacklisted messages
    /// (`update/typing`, `update/batteryStatus`, the `connection*` messages) are dropped
    /// while not established.
    ///
    /// Fails before anything is sent if the frame is invalid or the session failed.
    pub fn send(&mut self, frame: &Frame) -> Result<Vec<Output>> {
        if self.state.has_failed() {
            return Err(ProtocolError::SessionFailed.into());
        }
        let bytes = frame.encode_with(&self.config.encode)?;
        let retransmit = !frame.is_blacklisted();
        if !retransmit && !self.state.is_established() {
            return Ok(Vec::new());
        }
        // Chunking may make this layer send a `request/connectionAck` of its own; the
        // message id recorded is this frame's.
        let message_id = self.next_message_id;
        let outputs = self.send_bytes(&bytes, retransmit);
        self.last_sent = Some((message_id, bytes.len()));
        Ok(outputs)
    }

    /// Sends `bytes` as one message, chunked and cached like [`send`](Self::send) but neither
    /// encoded nor validated: lets a fake peer (testkit) send malformed or unknown messages.
    pub(crate) fn send_raw(&mut self, bytes: &[u8]) -> Result<Vec<Output>> {
        if self.state.has_failed() {
            return Err(ProtocolError::SessionFailed.into());
        }
        if !self.state.is_established() {
            return Ok(Vec::new());
        }
        Ok(self.send_bytes(bytes, true))
    }

    /// Sends a frame that asks for an acknowledgement: sets a fresh random `id` (or uses
    /// the frame's own, which must not be pending) and returns the future that resolves
    /// with the confirming frame.
    pub fn request(&mut self, mut frame: Frame) -> Result<(AckFuture, Vec<Output>)> {
        frame.message.validate()?;
        let name = frame.message.name();
        let sent = self.state.is_established();
        let future = match frame.id.as_deref() {
            Some(id) => self.acks.register_with_id(id, &name, sent).ok_or_else(|| {
                Error::invalid("frame id", format!("`{id}` is empty or already pending"))
            })?,
            None => self.acks.register(&name, sent),
        };
        frame.id = Some(future.id().to_owned());
        match self.send(&frame) {
            Ok(outputs) => Ok((future, outputs)),
            Err(error) => {
                self.acks.cancel(future.id());
                Err(error)
            }
        }
    }

    /// Forgets a pending acknowledgement request (its caller gave up waiting); a late reply
    /// is then delivered as a normal message. True if it was pending.
    pub fn cancel_request(&mut self, id: &str) -> bool {
        self.acks.cancel(id)
    }

    /// The chunker message id and encoded length of the last frame chunked by
    /// [`send`](Self::send) or [`request`](Self::request): lets a driver attribute the chunks
    /// it transmits to a message, for progress reports.
    pub fn last_sent_message(&self) -> Option<(u32, usize)> {
        self.last_sent
    }

    /// Handles one incoming chunk (the payload of a SaltyRTC `data` message).
    pub fn receive_chunk(&mut self, chunk: &[u8]) -> Vec<Output> {
        let actions = self.state.handle(ResumptionEvent::ChunkReceived);
        if !actions.is_empty() {
            return self.run(actions);
        }
        if self.ack_deadline.is_none() {
            self.ack_deadline = Some(Instant::now() + self.config.ack_interval);
        }
        match self.unchunker.push(chunk) {
            Ok(Some(message)) => self.receive_message(&message),
            Ok(None) => Vec::new(),
            Err(error) => {
                let actions = self.state.fail(error.into());
                self.run(actions)
            }
        }
    }

    /// When [`handle_timeout`](Self::handle_timeout) must be called next, if at all.
    pub fn poll_timeout(&self) -> Option<Instant> {
        self.ack_deadline
    }

    /// Sends the periodic `update/connectionAck` once its time has come.
    pub fn handle_timeout(&mut self, now: Instant) -> Vec<Output> {
        match self.ack_deadline {
            Some(deadline) if deadline <= now => {
                self.ack_deadline = None;
                self.send_connection_ack()
            }
            _ => Vec::new(),
        }
    }

    /// Drops incomplete incoming messages that received no chunk for `max_age`.
    pub fn collect_garbage(&mut self, max_age: Duration) -> usize {
        self.unchunker.gc(max_age)
    }

    fn send_connection_ack(&mut self) -> Vec<Output> {
        match self.state.incoming_sequence_number() {
            Some(incoming) if self.state.is_established() => {
                self.ack_deadline = None;
                self.send_internal(&Frame::new(UpdateConnectionAck::new(incoming)))
            }
            _ => Vec::new(),
        }
    }

    /// Encodes and sends a frame this layer produces itself.
    fn send_internal(&mut self, frame: &Frame) -> Vec<Output> {
        match frame.encode_with(&EncodeOptions::modern()) {
            Ok(bytes) => self.send_bytes(&bytes, !frame.is_blacklisted()),
            Err(error) => vec![Output::InvalidMessage(error)],
        }
    }

    fn send_bytes(&mut self, bytes: &[u8], retransmit: bool) -> Vec<Output> {
        let message_id = self.next_message_id;
        self.next_message_id = self.next_message_id.wrapping_add(1);
        let mut outputs = Vec::new();
        let chunks: Vec<Bytes> = self.chunker.chunks(message_id, bytes).collect();
        for chunk in chunks {
            let actions = self
                .state
                .handle(ResumptionEvent::ChunkSent { chunk, retransmit });
            outputs.extend(self.run(actions));
        }
        outputs
    }

    fn receive_message(&mut self, bytes: &[u8]) -> Vec<Output> {
        let envelope = match Envelope::decode(bytes) {
            Ok(envelope) => envelope,
            Err(error) if self.state.is_established() => {
                return vec![Output::InvalidMessage(error)];
            }
            Err(error) => {
                return self.fail_undecodable("a message before update/connectionInfo", &error);
            }
        };
        let name = envelope.name();
        let incoming = self.config.role.incoming();
        if !self.state.is_established() && name != "update/connectionInfo" {
            let actions = self
                .state
                .fail(ProtocolError::ExpectedConnectionInfo { name });
            return self.run(actions);
        }
        match name.as_str() {
            "update/connectionInfo" => match Frame::from_envelope(envelope, incoming) {
                Ok(Frame {
                    message: ArpMessage::UpdateConnectionInfo(info),
                    ..
                }) => {
                    let actions = self.state.handle(ResumptionEvent::PeerConnectionInfo {
                        id: info.data.id.into_vec(),
                        resume: info.data.resume,
                    });
                    let outputs = self.run(actions);
                    if self.state.is_established() {
                        self.acks.mark_all_sent();
                    }
                    outputs
                }
                Ok(_) => Vec::new(),
                Err(error) => self.fail_undecodable("update/connectionInfo", &error),
            },
            "update/connectionAck" => match Frame::from_envelope(envelope, incoming) {
                Ok(Frame {
                    message: ArpMessage::UpdateConnectionAck(ack),
                    ..
                }) => {
                    let actions = self.state.handle(ResumptionEvent::AckReceived {
                        sequence_number: ack.data.sequence_number,
                    });
                    self.run(actions)
                }
                Ok(_) => Vec::new(),
                Err(error) => self.fail_undecodable("update/connectionAck", &error),
            },
            "request/connectionAck" => self.send_connection_ack(),
            _ => self.deliver(envelope, incoming),
        }
    }

    /// Resolves a pending acknowledgement with the frame, or hands the frame out.
    fn deliver(&mut self, envelope: Envelope, incoming: Direction) -> Vec<Output> {
        let ack = match incoming {
            Direction::FromApp => envelope.ack.clone().or_else(|| envelope.legacy_ack()),
            Direction::ToApp => envelope.ack.clone(),
        };
        let decoded = Frame::from_envelope(envelope, incoming);
        match ack {
            Some(ack) if self.acks.is_pending(&ack.id) => self
                .acks
                .resolve(&ack, decoded.map_err(|error| error.to_string()))
                .map(Output::Message)
                .into_iter()
                .collect(),
            _ => vec![match decoded {
                Ok(frame) => Output::Message(frame),
                Err(error) => Output::InvalidMessage(error),
            }],
        }
    }

    fn fail_undecodable(&mut self, what: &str, error: &Error) -> Vec<Output> {
        let actions = self.state.fail(ProtocolError::Undecodable {
            what: what.to_owned(),
            message: error.to_string(),
        });
        self.run(actions)
    }

    /// Carries out the actions of the chunk-level state machine.
    fn run(&mut self, actions: Vec<ResumptionAction>) -> Vec<Output> {
        let mut outputs = Vec::new();
        for action in actions {
            match action {
                ResumptionAction::SendConnectionInfo { id, resume } => {
                    let info = Frame::new(UpdateConnectionInfo::new(*id.as_bytes(), resume));
                    outputs.extend(self.send_internal(&info));
                }
                ResumptionAction::Send(chunks) => {
                    outputs.extend(chunks.into_iter().map(Output::Transmit));
                }
                ResumptionAction::Resumed { resent } => outputs.push(Output::Resumed { resent }),
                ResumptionAction::CacheCleared { discarded } => {
                    let acks_failed = self.acks.fail_sent();
                    outputs.push(Output::CacheCleared {
                        discarded,
                        acks_failed,
                    });
                }
                ResumptionAction::NewSession { reason } => {
                    // Half-received messages of the old session are worthless now.
                    self.unchunker.clear();
                    outputs.push(Output::NewSession { reason });
                }
                ResumptionAction::RequestAck => {
                    outputs.extend(self.send_internal(&Frame::new(RequestConnectionAck::new())));
                }
                ResumptionAction::ProtocolError(error) => outputs.push(Output::Failed(error)),
            }
        }
        outputs
    }
}
