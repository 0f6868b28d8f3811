//! [`Signaling`]: the SaltyRTC client (initiator or responder) as a sans-IO state machine.
//!
//! Frames in ([`Signaling::handle_frame`]), [`Action`]s out: frames to send, [`Event`]s for
//! the application, and when to close the WebSocket with which code. Time is passed in
//! (path cleaning, the one-second pause between handshake attempts) and read nowhere else.

use super::close_code::CloseCode;
use super::crypto::{Sealer, box_bytes, open, seal, seal_data, unbox_bytes};
use super::error::SignalingError;
use super::keys::{KEY_LENGTH, KeyPair};
use super::message::{Message, Payload};
use super::nonce::{Channel, NONCE_LENGTH, Nonce};
use super::{INITIATOR_ADDRESS, RELAYED_DATA_TASK, SERVER_ADDRESS, SUBPROTOCOL};
use crate::connection::ConnectionId;
use crate::qr::AuthToken;
use bytes::Bytes;
use crypto_box::SalsaBox;
use rmpv::Value;
use std::collections::{BTreeMap, VecDeque};
use std::fmt;
use std::time::Duration;
use tokio::time::Instant;

/// How long a responder may stay connected without sending anything before the initiator
/// drops it (`Protocol.md`, *Path Cleaning*).
pub const INACTIVE_RESPONDER_TIMEOUT: Duration = Duration::from_secs(60);
/// The pause after a failed client-to-client handshake before the next one is processed
/// (`Protocol.md`, *Client Handshake*: at least one second).
pub const HANDSHAKE_COOLDOWN: Duration = Duration::from_secs(1);
/// The number of connected responders at which the path counts as congested.
pub const PATH_CONGESTED: usize = 253;

/// Settings of an initiator (the client side of ARP, Threema Web's role).
#[derive(Clone)]
#[non_exhaustive]
pub struct InitiatorConfig {
    /// Our permanent key pair; its public key is the signalling path.
    pub permanent_key: KeyPair,
    /// The server's permanent public key. When set, the server must prove it holds it
    /// (`signed_keys`), and `client-auth` asks for it (`your_key`).
    pub server_public_key: Option<[u8; KEY_LENGTH]>,
    /// The single-use auth token given to the responder out of band (the QR code). Needed
    /// unless [`InitiatorConfig::trusted_responder`] is set.
    pub auth_token: Option<AuthToken>,
    /// The permanent public key of a responder we trust from an earlier session; then no
    /// `token` message is expected.
    pub trusted_responder: Option<[u8; KEY_LENGTH]>,
    /// The tasks we support, in order of preference.
    pub tasks: Vec<String>,
    /// The WebSocket ping interval asked of the server, in seconds (0: none).
    pub ping_interval: u32,
}

impl InitiatorConfig {
    /// An initiator that pairs with a new responder through `auth_token`.
    pub fn with_token(permanent_key: KeyPair, auth_token: AuthToken) -> Self {
        Self {
            permanent_key,
            server_public_key: None,
            auth_token: Some(auth_token),
            trusted_responder: None,
            tasks: vec![RELAYED_DATA_TASK.to_owned()],
            ping_interval: 0,
        }
    }

    /// An initiator that reconnects to a responder it already trusts.
    pub fn with_trusted_responder(
        permanent_key: KeyPair,
        responder_public_key: [u8; KEY_LENGTH],
    ) -> Self {
        Self {
            trusted_responder: Some(responder_public_key),
            auth_token: None,
            ..Self::with_token(permanent_key, AuthToken::new([0; 32]))
        }
    }
}

impl fmt::Debug for InitiatorConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InitiatorConfig")
            .field("permanent_key", &self.permanent_key)
            .field("server_public_key", &self.server_public_key.map(Hexed))
            .field("auth_token", &self.auth_token)
            .field("trusted_responder", &self.trusted_responder.map(Hexed))
            .field("tasks", &self.tasks)
            .field("ping_interval", &self.ping_interval)
            .finish()
    }
}

/// Settings of a responder (the app side of ARP; used by the fake app of the testkit).
#[derive(Clone)]
#[non_exhaustive]
pub struct ResponderConfig {
    /// Our permanent key pair.
    pub permanent_key: KeyPair,
    /// The initiator's permanent public key (the signalling path).
    pub initiator_public_key: [u8; KEY_LENGTH],
    /// The server's permanent public key, if pinned.
    pub server_public_key: Option<[u8; KEY_LENGTH]>,
    /// The auth token from the initiator (QR code); `None` if the initiator trusts us
    /// already. After the first successful handshake it is no longer used.
    pub auth_token: Option<AuthToken>,
    /// The tasks we offer, in order of preference.
    pub tasks: Vec<String>,
    /// The WebSocket ping interval asked of the server, in seconds (0: none).
    pub ping_interval: u32,
}

impl ResponderConfig {
    /// A responder for the initiator `initiator_public_key`, pairing with `auth_token` (or
    /// trusted already when `None`).
    pub fn new(
        permanent_key: KeyPair,
        initiator_public_key: [u8; KEY_LENGTH],
        auth_token: Option<AuthToken>,
    ) -> Self {
        Self {
            permanent_key,
            initiator_public_key,
            server_public_key: None,
            auth_token,
            tasks: vec![RELAYED_DATA_TASK.to_owned()],
            ping_interval: 0,
        }
    }
}

impl fmt::Debug for ResponderConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponderConfig")
            .field("permanent_key", &self.permanent_key)
            .field("initiator_public_key", &Hexed(self.initiator_public_key))
            .field("server_public_key", &self.server_public_key.map(Hexed))
            .field("auth_token", &self.auth_token)
            .field("tasks", &self.tasks)
            .field("ping_interval", &self.ping_interval)
            .finish()
    }
}

struct Hexed([u8; KEY_LENGTH]);

impl fmt::Debug for Hexed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", super::keys::Hex(&self.0))
    }
}

/// What the driver must do; returned by every [`Signaling`] method, in order.
#[derive(Debug)]
#[non_exhaustive]
pub enum Action {
    /// Send this binary frame on the WebSocket.
    Send(Bytes),
    /// Tell the application.
    Event(Event),
    /// Close the WebSocket with `code`; the state machine is done (a new connection needs a
    /// new [`Signaling`]). `error` says why, unless this is a normal close.
    Close {
        /// The close code for the WebSocket close frame.
        code: CloseCode,
        /// The error that caused the close.
        error: Option<SignalingError>,
    },
}

/// Something the application should know.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Event {
    /// The server handshake is complete.
    ServerHandshakeDone {
        /// Our address on the path (0x01 for the initiator).
        address: u8,
        /// Whether the server proved it holds the pinned permanent key.
        server_key_verified: bool,
        /// The responders on the path (initiator) or `[0x01]` if the initiator is there
        /// (responder).
        peers: Vec<u8>,
    },
    /// A responder joined the path (initiator).
    NewResponder {
        /// Its address.
        address: u8,
    },
    /// A new initiator joined the path; the handshake starts again (responder).
    NewInitiator,
    /// We dropped a responder (initiator): it failed to authenticate, was inactive, or
    /// another responder completed the handshake.
    ResponderDropped {
        /// Its address.
        address: u8,
        /// The close code its connection gets.
        reason: CloseCode,
        /// Why, if it misbehaved.
        error: Option<SignalingError>,
    },
    /// The client-to-client handshake is complete: the task takes over.
    PeerHandshakeDone {
        /// The other client's address.
        address: u8,
        /// The other client's permanent public key (trust it for the next connection).
        permanent_key: [u8; KEY_LENGTH],
        /// The negotiated task.
        task: String,
        /// The ARP connection ID derived from the session keys.
        connection_id: ConnectionId,
    },
    /// The other client (or a responder in its handshake) left the path.
    Disconnected {
        /// Its address.
        address: u8,
        /// True if it had completed the handshake.
        was_peer: bool,
    },
    /// The server could not relay one of our messages; the other client is gone.
    SendError {
        /// The destination of the lost message.
        destination: u8,
        /// Its combined sequence number.
        csn: u64,
        /// True if the destination had completed the handshake.
        was_peer: bool,
    },
    /// A `data` payload from the other client.
    Data(Payload),
    /// An `application` message from the other client.
    Application(Value),
    /// The other client ended the connection with a `close` message.
    PeerClosed {
        /// Its close code.
        reason: CloseCode,
    },
    /// Something was discarded or could not be checked (no error).
    Warning(String),
}

/// The phase of a [`Signaling`] machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Phase {
    /// Waiting for `server-hello`.
    ServerHello,
    /// `client-auth` sent, waiting for `server-auth`.
    ServerAuth,
    /// Authenticated towards the server; no task yet.
    PeerHandshake,
    /// The task runs with an authenticated peer.
    Task,
    /// Closed; a new connection needs a new machine.
    Closed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ServerState {
    AwaitingHello,
    AwaitingAuth,
    Done,
}

struct Server {
    channel: Channel,
    state: ServerState,
    session_key: Option<[u8; KEY_LENGTH]>,
    salsa: Option<SalsaBox>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
/// The message a client in its handshake must send next.
enum CandidateState {
    Token,
    Key,
    Auth,
}

/// A client in the client-to-client handshake.
struct Candidate {
    address: u8,
    channel: Channel,
    state: CandidateState,
    permanent_key: Option<[u8; KEY_LENGTH]>,
    permanent_box: Option<SalsaBox>,
    session: KeyPair,
    peer_session_key: Option<[u8; KEY_LENGTH]>,
    session_box: Option<SalsaBox>,
    since: Instant,
    active: bool,
}

impl Candidate {
    fn new(address: u8, now: Instant) -> Self {
        Self {
            address,
            channel: Channel::new(),
            state: CandidateState::Token,
            permanent_key: None,
            permanent_box: None,
            session: KeyPair::generate(),
            peer_session_key: None,
            session_box: None,
            since: now,
            active: false,
        }
    }

    fn trust(&mut self, own: &KeyPair, permanent_key: [u8; KEY_LENGTH]) {
        self.permanent_key = Some(permanent_key);
        self.permanent_box = Some(own.salsa_box(&permanent_key));
        self.state = CandidateState::Key;
    }
}

/// The authenticated other client.
struct Peer {
    address: u8,
    channel: Channel,
    permanent_key: [u8; KEY_LENGTH],
    session_box: SalsaBox,
    connection_id: ConnectionId,
}

enum RoleState {
    Initiator {
        token: Option<AuthToken>,
        trusted: Option<[u8; KEY_LENGTH]>,
        candidates: BTreeMap<u8, Candidate>,
        cooldown_until: Option<Instant>,
        deferred: VecDeque<Bytes>,
    },
    Responder {
        initiator_key: [u8; KEY_LENGTH],
        token: Option<AuthToken>,
        candidate: Option<Box<Candidate>>,
        /// An initiator is on the path as far as we know (server-auth or `new-initiator`,
        /// and no `disconnected` since).
        initiator_present: bool,
        /// `disconnected` messages owed for initiators that a new one replaced: the server
        /// sends one when a replaced initiator's connection has finished closing, which can
        /// be after the `new-initiator` of its successor; those concern the earlier
        /// initiator, not the current one.
        stale_disconnects: u32,
    },
}

/// How a failure is handled (`Protocol.md`, *Errors* and *Client-to-Client Messages*).
enum Failure {
    /// Close the connection to the server.
    Connection(SignalingError),
    /// A client in its handshake misbehaved: the initiator drops it with `code`, a responder
    /// closes its connection with `code`.
    Candidate {
        address: u8,
        code: CloseCode,
        error: SignalingError,
    },
    /// The authenticated peer misbehaved: send it `close` 3001, close normally.
    Peer(SignalingError),
}

impl From<SignalingError> for Failure {
    fn from(error: SignalingError) -> Self {
        Self::Connection(error)
    }
}

/// A SaltyRTC client (initiator or responder) as a sans-IO state machine for one WebSocket
/// connection.
///
/// The driver connects to `wss://host:port/<hex of the initiator's permanent key>` with the
/// subprotocol [`SUBPROTOCOL`], passes every binary frame to
/// [`handle_frame`](Self::handle_frame), calls [`handle_timeout`](Self::handle_timeout) at
/// [`poll_timeout`](Self::poll_timeout), and carries out the returned [`Action`]s in order.
/// Once the task runs it sends payloads with [`send_data`](Self::send_data).
///
/// Every nonce is checked as the protocol text requires (address sanity, cookie unchanged and
/// different from ours, the combined sequence number exactly one higher, overflow 0 on the
/// first message) and violations end in the prescribed way: the connection closed with 3001,
/// a responder dropped, or the peer sent `close`. No input makes it panic.
pub struct Signaling {
    role: RoleState,
    permanent: KeyPair,
    server_public_key: Option<[u8; KEY_LENGTH]>,
    tasks: Vec<String>,
    ping_interval: u32,
    server: Server,
    address: Option<u8>,
    peer: Option<Peer>,
    closed: bool,
    /// Client-to-client frames that arrived after the server assigned our address but before
    /// `server-auth` (saltyrtc-server can relay a responder's `key` ahead of the initiator's
    /// `server-auth`); processed once the server handshake is done.
    early: Vec<Bytes>,
}

/// How many early frames are kept (a responder's handshake is at most two messages).
const EARLY_FRAMES: usize = 16;

impl fmt::Debug for Signaling {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Signaling")
            .field("initiator", &self.is_initiator())
            .field("phase", &self.phase())
            .field("address", &self.address)
            .finish_non_exhaustive()
    }
}

impl Signaling {
    /// An initiator. Fails if it has neither an auth token nor a trusted responder, or no
    /// task.
    pub fn initiator(config: InitiatorConfig) -> Result<Self, SignalingError> {
        if config.auth_token.is_none() && config.trusted_responder.is_none() {
            return Err(SignalingError::InvalidState(
                "an initiator needs an auth token or a trusted responder key",
            ));
        }
        Self::check_tasks(&config.tasks)?;
        Ok(Self::new(
            RoleState::Initiator {
                token: config.auth_token,
                trusted: config.trusted_responder,
                candidates: BTreeMap::new(),
                cooldown_until: None,
                deferred: VecDeque::new(),
            },
            config.permanent_key,
            config.server_public_key,
            config.tasks,
            config.ping_interval,
        ))
    }

    /// A responder. Fails without a task.
    pub fn responder(config: ResponderConfig) -> Result<Self, SignalingError> {
        Self::check_tasks(&config.tasks)?;
        Ok(Self::new(
            RoleState::Responder {
                initiator_key: config.initiator_public_key,
                token: config.auth_token,
                candidate: None,
                initiator_present: false,
                stale_disconnects: 0,
            },
            config.permanent_key,
            config.server_public_key,
            config.tasks,
            config.ping_interval,
        ))
    }

    fn check_tasks(tasks: &[String]) -> Result<(), SignalingError> {
        if tasks.is_empty() || tasks.iter().any(String::is_empty) {
            return Err(SignalingError::InvalidState(
                "at least one task with a non-empty name is needed",
            ));
        }
        Ok(())
    }

    fn new(
        role: RoleState,
        permanent: KeyPair,
        server_public_key: Option<[u8; KEY_LENGTH]>,
        tasks: Vec<String>,
        ping_interval: u32,
    ) -> Self {
        Self {
            role,
            permanent,
            server_public_key,
            tasks,
            ping_interval,
            server: Server {
                channel: Channel::new(),
                state: ServerState::AwaitingHello,
                session_key: None,
                salsa: None,
            },
            address: None,
            peer: None,
            closed: false,
            early: Vec::new(),
        }
    }

    /// True for an initiator.
    pub fn is_initiator(&self) -> bool {
        matches!(self.role, RoleState::Initiator { .. })
    }

    /// The current phase.
    pub fn phase(&self) -> Phase {
        if self.closed {
            Phase::Closed
        } else if self.peer.is_some() {
            Phase::Task
        } else {
            match self.server.state {
                ServerState::AwaitingHello => Phase::ServerHello,
                ServerState::AwaitingAuth => Phase::ServerAuth,
                ServerState::Done => Phase::PeerHandshake,
            }
        }
    }

    /// Our address on the path, once assigned.
    pub fn address(&self) -> Option<u8> {
        self.address
    }

    /// The authenticated other client's permanent key.
    pub fn peer_permanent_key(&self) -> Option<&[u8; KEY_LENGTH]> {
        self.peer.as_ref().map(|peer| &peer.permanent_key)
    }

    /// The connection ID of the running task.
    pub fn connection_id(&self) -> Option<ConnectionId> {
        self.peer.as_ref().map(|peer| peer.connection_id)
    }

    /// The signalling path of the initiator `initiator_public_key`: 64 lowercase hex
    /// characters.
    pub fn path(initiator_public_key: &[u8; KEY_LENGTH]) -> String {
        super::keys::to_hex(initiator_public_key)
    }

    /// Handles one binary frame from the WebSocket.
    pub fn handle_frame(&mut self, frame: &[u8], now: Instant) -> Vec<Action> {
        let mut actions = Vec::new();
        if self.closed {
            return actions;
        }
        if self.defer(frame, now) {
            return actions;
        }
        self.process_frame(frame, now, &mut actions);
        if self.server.state == ServerState::Done && !self.early.is_empty() {
            for frame in std::mem::take(&mut self.early) {
                if self.closed {
                    break;
                }
                if !self.defer(&frame, now) {
                    self.process_frame(&frame, now, &mut actions);
                }
            }
        }
        actions
    }

    /// When [`handle_timeout`](Self::handle_timeout) must be called next, if at all.
    pub fn poll_timeout(&self) -> Option<Instant> {
        let RoleState::Initiator {
            candidates,
            cooldown_until,
            deferred,
            ..
        } = &self.role
        else {
            return None;
        };
        if self.closed {
            return None;
        }
        let inactive = candidates
            .values()
            .filter(|c| !c.active)
            .map(|c| c.since + INACTIVE_RESPONDER_TIMEOUT)
            .min();
        let cooldown = cooldown_until.filter(|_| !deferred.is_empty());
        match (inactive, cooldown) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Drops responders that stayed silent too long and processes frames held back by the
    /// pause after a failed handshake.
    pub fn handle_timeout(&mut self, now: Instant) -> Vec<Action> {
        let mut actions = Vec::new();
        if self.closed {
            return actions;
        }
        let (stale, ready) = match &mut self.role {
            RoleState::Initiator {
                candidates,
                cooldown_until,
                deferred,
                ..
            } => {
                let stale: Vec<u8> = candidates
                    .values()
                    .filter(|c| !c.active && c.since + INACTIVE_RESPONDER_TIMEOUT <= now)
                    .map(|c| c.address)
                    .collect();
                let ready = if cooldown_until.is_none_or(|until| until <= now) {
                    *cooldown_until = None;
                    std::mem::take(deferred)
                } else {
                    VecDeque::new()
                };
                (stale, ready)
            }
            RoleState::Responder { .. } => return actions,
        };
        for address in stale {
            self.drop_responder(address, CloseCode::DroppedByInitiator, None, &mut actions);
        }
        for frame in ready {
            if self.closed {
                break;
            }
            if self.defer(&frame, now) {
                continue;
            }
            self.process_frame(&frame, now, &mut actions);
        }
        actions
    }

    /// Sends a `data` message with `payload` to the authenticated peer. Returns the frame.
    pub fn send_data(&mut self, payload: &[u8]) -> Result<Bytes, SignalingError> {
        let address = self.address;
        let peer = self.peer.as_mut().filter(|_| !self.closed).ok_or(
            SignalingError::InvalidState(
                "no task is running: data can only be sent after the client-to-client handshake",
            ),
        )?;
        let nonce = peer
            .channel
            .next_nonce(address.unwrap_or_default(), peer.address)
            .map_err(SignalingError::protocol)?;
        seal_data(&nonce, &peer.session_box, payload)
    }

    /// Sends an `application` message to the authenticated peer. Returns the frame.
    pub fn send_application(&mut self, data: Value) -> Result<Bytes, SignalingError> {
        let address = self.address.unwrap_or_default();
        let peer = self
            .peer
            .as_mut()
            .filter(|_| !self.closed)
            .ok_or(SignalingError::InvalidState("no task is running"))?;
        let nonce = peer
            .channel
            .next_nonce(address, peer.address)
            .map_err(SignalingError::protocol)?;
        seal(
            &nonce,
            Sealer::Box(&peer.session_box),
            &Message::Application { data },
        )
    }

    /// Seals any message for the peer under the session keys (tests inject messages the
    /// state machine would never send).
    #[cfg(test)]
    pub(crate) fn seal_for_peer(&mut self, message: &Message) -> Result<Bytes, SignalingError> {
        let address = self.address.unwrap_or_default();
        let peer = self
            .peer
            .as_mut()
            .ok_or(SignalingError::InvalidState("no task is running"))?;
        let nonce = peer
            .channel
            .next_nonce(address, peer.address)
            .map_err(SignalingError::protocol)?;
        seal(&nonce, Sealer::Box(&peer.session_box), message)
    }

    /// Ends the connection: sends `close` with `reason` to the peer (if the task runs) and
    /// closes the WebSocket with 1001.
    pub fn close(&mut self, reason: CloseCode) -> Vec<Action> {
        let mut actions = Vec::new();
        if self.closed {
            return actions;
        }
        if let Some(frame) = self.close_message(reason) {
            actions.push(Action::Send(frame));
        }
        self.peer = None;
        self.closed = true;
        actions.push(Action::Close {
            code: CloseCode::GoingAway,
            error: None,
        });
        actions
    }

    /// The connection ended from below (the WebSocket closed or broke). Nothing is sent.
    pub fn connection_lost(&mut self) {
        self.closed = true;
        self.peer = None;
    }

    fn close_message(&mut self, reason: CloseCode) -> Option<Bytes> {
        let address = self.address.unwrap_or_default();
        let peer = self.peer.as_mut()?;
        let nonce = peer.channel.next_nonce(address, peer.address).ok()?;
        seal(
            &nonce,
            Sealer::Box(&peer.session_box),
            &Message::Close { reason },
        )
        .ok()
    }

    /// Holds frames of responders in their handshake back during the pause after a failed
    /// handshake (initiator only). True if the frame was held.
    fn defer(&mut self, frame: &[u8], now: Instant) -> bool {
        let peer_address = self.peer.as_ref().map(|peer| peer.address);
        let RoleState::Initiator {
            cooldown_until,
            deferred,
            candidates,
            ..
        } = &mut self.role
        else {
            return false;
        };
        let Some(nonce) = Nonce::parse(frame) else {
            return false;
        };
        let from_candidate = nonce.source >= 2
            && Some(nonce.source) != peer_address
            && candidates.contains_key(&nonce.source);
        let cooling = cooldown_until.is_some_and(|until| now < until);
        if from_candidate && (cooling || !deferred.is_empty()) {
            deferred.push_back(Bytes::copy_from_slice(frame));
            return true;
        }
        false
    }

    fn process_frame(&mut self, frame: &[u8], now: Instant, actions: &mut Vec<Action>) {
        if let Err(failure) = self.process(frame, now, actions) {
            self.fail(failure, now, actions);
        }
    }

    fn process(
        &mut self,
        frame: &[u8],
        now: Instant,
        actions: &mut Vec<Action>,
    ) -> Result<(), Failure> {
        if frame.len() <= NONCE_LENGTH {
            return Err(SignalingError::protocol(format!(
                "a frame of {} bytes is too short",
                frame.len()
            ))
            .into());
        }
        let nonce = Nonce::parse(frame)
            .ok_or_else(|| SignalingError::protocol("a frame without a nonce"))?;
        tracing::trace!(
            source = nonce.source,
            destination = nonce.destination,
            csn = nonce.csn,
            len = frame.len(),
            phase = ?self.phase(),
            "SaltyRTC frame"
        );
        self.check_destination(&nonce)?;
        let initiator = self.is_initiator();
        match nonce.source {
            SERVER_ADDRESS => self.on_server_message(&nonce, frame, now, actions),
            _ if self.server.state != ServerState::Done => {
                if self.early.len() < EARLY_FRAMES {
                    self.early.push(Bytes::copy_from_slice(frame));
                } else {
                    warn(
                        actions,
                        format!(
                            "discarded a message from 0x{:02x} before the server handshake",
                            nonce.source
                        ),
                    );
                }
                Ok(())
            }
            INITIATOR_ADDRESS if !initiator => {
                self.on_initiator_message(&nonce, frame, now, actions)
            }
            source if initiator && source >= 2 => {
                self.on_responder_message(&nonce, frame, now, actions)
            }
            source => {
                warn(
                    actions,
                    format!(
                        "discarded a message from 0x{source:02x}: not a valid sender for our role"
                    ),
                );
                Ok(())
            }
        }
    }

    fn check_destination(&mut self, nonce: &Nonce) -> Result<(), SignalingError> {
        match self.address {
            Some(address) if nonce.destination == address => Ok(()),
            Some(address) => Err(SignalingError::protocol(format!(
                "a message for 0x{:02x}, but our address is 0x{address:02x}",
                nonce.destination
            ))),
            None if nonce.destination == SERVER_ADDRESS => Ok(()),
            None => {
                let valid = if self.is_initiator() {
                    nonce.destination == INITIATOR_ADDRESS
                } else {
                    nonce.destination >= 2
                };
                if !valid {
                    return Err(SignalingError::protocol(format!(
                        "the server assigned address 0x{:02x}, which does not fit our role",
                        nonce.destination
                    )));
                }
                self.address = Some(nonce.destination);
                Ok(())
            }
        }
    }

    // ----- Server messages -----

    fn on_server_message(
        &mut self,
        nonce: &Nonce,
        frame: &[u8],
        now: Instant,
        actions: &mut Vec<Action>,
    ) -> Result<(), Failure> {
        self.server
            .channel
            .check_incoming(nonce)
            .map_err(|e| SignalingError::protocol(format!("server message: {e}")))?;
        match self.server.state {
            ServerState::AwaitingHello => {
                let message = open(frame, Sealer::Plain)?
                    .ok_or_else(|| SignalingError::protocol("server-hello is missing"))?;
                let Message::ServerHello { key } = message else {
                    return Err(unexpected(&message, "server-hello").into());
                };
                if self.server_public_key == Some(key) {
                    return Err(SignalingError::protocol(
                        "the server's session key equals its permanent key",
                    )
                    .into());
                }
                self.server.session_key = Some(key);
                let salsa = self.permanent.salsa_box(&key);
                if !self.is_initiator() {
                    let hello = Message::ClientHello {
                        key: *self.permanent.public_key(),
                    };
                    let nonce = self
                        .server
                        .channel
                        .next_nonce(SERVER_ADDRESS, SERVER_ADDRESS)
                        .map_err(SignalingError::protocol)?;
                    actions.push(Action::Send(seal(&nonce, Sealer::Plain, &hello)?));
                }
                let auth = Message::ClientAuth {
                    your_cookie: nonce.cookie,
                    subprotocols: vec![SUBPROTOCOL.to_owned()],
                    ping_interval: self.ping_interval,
                    your_key: self.server_public_key,
                };
                let out = self
                    .server
                    .channel
                    .next_nonce(SERVER_ADDRESS, SERVER_ADDRESS)
                    .map_err(SignalingError::protocol)?;
                actions.push(Action::Send(seal(&out, Sealer::Box(&salsa), &auth)?));
                self.server.salsa = Some(salsa);
                self.server.state = ServerState::AwaitingAuth;
                Ok(())
            }
            ServerState::AwaitingAuth => {
                let message = self.open_on_server_message(frame, "server-auth")?;
                let Message::ServerAuth {
                    your_cookie,
                    signed_keys,
                    responders,
                    initiator_connected,
                } = message
                else {
                    return Err(unexpected(&message, "server-auth").into());
                };
                if your_cookie != self.server.channel.our_cookie() {
                    return Err(SignalingError::protocol(
                        "server-auth repeats a cookie that is not ours",
                    )
                    .into());
                }
                let address = self.address.ok_or_else(|| {
                    SignalingError::protocol("server-auth did not assign us an address")
                })?;
                let verified = self.verify_signed_keys(nonce, signed_keys, actions)?;
                self.server.state = ServerState::Done;
                let peers = match &mut self.role {
                    RoleState::Initiator { .. } => {
                        let responders = responders.ok_or_else(|| {
                            SignalingError::protocol("server-auth has no `responders` field")
                        })?;
                        for (i, id) in responders.iter().enumerate() {
                            if *id < 2 || responders[..i].contains(id) {
                                return Err(SignalingError::protocol(format!(
                                    "server-auth lists an invalid or repeated responder 0x{id:02x}"
                                ))
                                .into());
                            }
                        }
                        for &id in &responders {
                            self.add_responder(id, now, actions);
                        }
                        responders
                    }
                    RoleState::Responder {
                        initiator_present, ..
                    } => {
                        let connected = initiator_connected.ok_or_else(|| {
                            SignalingError::protocol(
                                "server-auth has no `initiator_connected` field",
                            )
                        })?;
                        *initiator_present = connected;
                        if connected {
                            vec![INITIATOR_ADDRESS]
                        } else {
                            Vec::new()
                        }
                    }
                };
                actions.push(Action::Event(Event::ServerHandshakeDone {
                    address,
                    server_key_verified: verified,
                    peers: peers.clone(),
                }));
                if !self.is_initiator() && !peers.is_empty() {
                    self.start_responder_handshake(now, actions)?;
                }
                Ok(())
            }
            ServerState::Done => {
                let message = self.open_on_server_message(frame, "server message")?;
                self.server_notification(message, now, actions)
            }
        }
    }

    fn open_on_server_message(&self, frame: &[u8], what: &str) -> Result<Message, SignalingError> {
        let salsa = self
            .server
            .salsa
            .as_ref()
            .ok_or(SignalingError::InvalidState("no server session key"))?;
        open(frame, Sealer::Box(salsa))?.ok_or_else(|| SignalingError::Decrypt {
            what: what.to_owned(),
            from: "the server".to_owned(),
        })
    }

    fn verify_signed_keys(
        &self,
        nonce: &Nonce,
        signed_keys: Option<Vec<u8>>,
        actions: &mut Vec<Action>,
    ) -> Result<bool, SignalingError> {
        match (self.server_public_key, signed_keys) {
            (Some(server_key), Some(signed)) => {
                let salsa = self.permanent.salsa_box(&server_key);
                let plain = unbox_bytes(&salsa, &nonce.to_bytes(), &signed).ok_or_else(|| {
                    SignalingError::ServerAuthentication {
                        reason: "signed_keys does not decrypt with the pinned server key".into(),
                    }
                })?;
                let mut expected = self.server.session_key.unwrap_or_default().to_vec();
                expected.extend_from_slice(self.permanent.public_key());
                if plain != expected {
                    return Err(SignalingError::ServerAuthentication {
                        reason: "signed_keys does not contain the server session key and our key"
                            .into(),
                    });
                }
                Ok(true)
            }
            (Some(_), None) => Err(SignalingError::ServerAuthentication {
                reason: "the server sent no signed_keys".into(),
            }),
            (None, Some(_)) => {
                warn(
                    actions,
                    "the server signed its keys, but no server key is pinned to check them".into(),
                );
                Ok(false)
            }
            (None, None) => Ok(false),
        }
    }

    fn server_notification(
        &mut self,
        message: Message,
        now: Instant,
        actions: &mut Vec<Action>,
    ) -> Result<(), Failure> {
        let initiator = self.is_initiator();
        match message {
            Message::NewResponder { id } if initiator => {
                if id < 2 {
                    return Err(SignalingError::protocol(format!(
                        "new-responder with invalid address 0x{id:02x}"
                    ))
                    .into());
                }
                self.forget_deferred(id);
                self.add_responder(id, now, actions);
                actions.push(Action::Event(Event::NewResponder { address: id }));
                Ok(())
            }
            Message::NewInitiator if !initiator => {
                if let RoleState::Responder {
                    initiator_present,
                    stale_disconnects,
                    ..
                } = &mut self.role
                {
                    if *initiator_present {
                        *stale_disconnects = stale_disconnects.saturating_add(1);
                    }
                    *initiator_present = true;
                }
                self.peer = None;
                actions.push(Action::Event(Event::NewInitiator));
                self.start_responder_handshake(now, actions)
            }
            Message::Disconnected { id } => {
                let valid = if initiator {
                    id >= 2
                } else {
                    id == INITIATOR_ADDRESS
                };
                if !valid {
                    return Err(SignalingError::protocol(format!(
                        "disconnected with invalid address 0x{id:02x}"
                    ))
                    .into());
                }
                let is_peer = self.peer.as_ref().is_some_and(|peer| peer.address == id);
                if let RoleState::Responder {
                    initiator_present,
                    stale_disconnects,
                    candidate,
                    ..
                } = &mut self.role
                {
                    if *stale_disconnects > 0 {
                        *stale_disconnects -= 1;
                        warn(
                            actions,
                            "ignored a disconnected message about an initiator that a new one \
                             replaced"
                                .to_owned(),
                        );
                        return Ok(());
                    }
                    *initiator_present = false;
                    if !is_peer && candidate.is_some() {
                        // The departure of an initiator that left the path before we joined
                        // (server-auth said none) can be announced after its successor's
                        // `new-initiator`. As for responders below, a handshake in progress
                        // is kept: if the news was stale it goes on; if not, the initiator
                        // stays silent until the handshake timeout, or a `new-initiator`
                        // starts afresh.
                        actions.push(Action::Event(Event::Disconnected {
                            address: id,
                            was_peer: false,
                        }));
                        return Ok(());
                    }
                }
                if let RoleState::Initiator { candidates, .. } = &mut self.role
                    && !is_peer
                    && let Some(candidate) = candidates.get_mut(&id)
                {
                    // saltyrtc-server frees a responder's address before it announces the
                    // departure, so the news can concern an earlier client at an address a
                    // new responder already took. A handshake in progress is kept: if the
                    // news was stale it goes on, if not the address stays silent and is
                    // dropped as inactive, or a `new-responder` starts afresh.
                    candidate.active = false;
                    candidate.since = now;
                    actions.push(Action::Event(Event::Disconnected {
                        address: id,
                        was_peer: false,
                    }));
                    return Ok(());
                }
                let was_peer = self.forget_client(id);
                actions.push(Action::Event(Event::Disconnected {
                    address: id,
                    was_peer,
                }));
                Ok(())
            }
            Message::SendError { id } => {
                let (source, destination) = (id[0], id[1]);
                if Some(source) != self.address {
                    return Err(SignalingError::protocol(
                        "send-error for a message we did not send",
                    )
                    .into());
                }
                let mut csn = [0u8; 8];
                csn[2..].copy_from_slice(&id[2..]);
                let csn = u64::from_be_bytes(csn);
                // A server may report a failed relay late, after the other client was
                // replaced by a new one at the same address (saltyrtc-server does when the
                // old connection hangs): only a message sent to the current client counts.
                if !self.sent_to(destination, csn) {
                    warn(
                        actions,
                        format!(
                            "ignored a send-error for message {csn} to 0x{destination:02x}, \
                             which went to an earlier client at that address"
                        ),
                    );
                    return Ok(());
                }
                let was_peer = self.forget_client(destination);
                actions.push(Action::Event(Event::SendError {
                    destination,
                    csn,
                    was_peer,
                }));
                Ok(())
            }
            other => Err(unexpected(&other, "a server notification").into()),
        }
    }

    /// True if our message `csn` went to the client now at `address`.
    fn sent_to(&self, address: u8, csn: u64) -> bool {
        if let Some(peer) = self.peer.as_ref().filter(|p| p.address == address) {
            return peer.channel.sent(csn);
        }
        match &self.role {
            RoleState::Initiator { candidates, .. } => candidates
                .get(&address)
                .is_some_and(|c| c.channel.sent(csn)),
            RoleState::Responder { candidate, .. } => candidate
                .as_ref()
                .is_some_and(|c| c.address == address && c.channel.sent(csn)),
        }
    }

    /// Deletes everything about the client at `address`; true if it was the peer.
    fn forget_client(&mut self, address: u8) -> bool {
        self.forget_deferred(address);
        match &mut self.role {
            RoleState::Initiator { candidates, .. } => {
                candidates.remove(&address);
            }
            RoleState::Responder { candidate, .. } => {
                *candidate = None;
            }
        }
        if self
            .peer
            .as_ref()
            .is_some_and(|peer| peer.address == address)
        {
            self.peer = None;
            true
        } else {
            false
        }
    }

    fn forget_deferred(&mut self, address: u8) {
        if let RoleState::Initiator { deferred, .. } = &mut self.role {
            deferred.retain(|frame| Nonce::parse(frame).is_none_or(|n| n.source != address));
        }
    }

    fn add_responder(&mut self, address: u8, now: Instant, actions: &mut Vec<Action>) {
        let own = self.permanent.clone();
        let RoleState::Initiator {
            candidates,
            trusted,
            ..
        } = &mut self.role
        else {
            return;
        };
        let mut candidate = Candidate::new(address, now);
        if let Some(key) = trusted {
            candidate.trust(&own, *key);
        }
        candidates.insert(address, candidate);
        // Path cleaning: on a congested path, drop the oldest responder that never spoke.
        if candidates.len() >= PATH_CONGESTED {
            let oldest = candidates
                .values()
                .filter(|c| !c.active && c.address != address)
                .min_by_key(|c| c.since)
                .map(|c| c.address);
            if let Some(oldest) = oldest {
                self.drop_responder(oldest, CloseCode::DroppedByInitiator, None, actions);
            }
        }
    }

    /// Sends `drop-responder` and deletes the responder's state (initiator).
    fn drop_responder(
        &mut self,
        address: u8,
        reason: CloseCode,
        error: Option<SignalingError>,
        actions: &mut Vec<Action>,
    ) {
        self.forget_client(address);
        let message = Message::DropResponder {
            id: address,
            reason: Some(reason),
        };
        match self.seal_for_server(&message) {
            Ok(frame) => {
                actions.push(Action::Send(frame));
                actions.push(Action::Event(Event::ResponderDropped {
                    address,
                    reason,
                    error,
                }));
            }
            Err(error) => self.close_with(error, actions),
        }
    }

    fn seal_for_server(&mut self, message: &Message) -> Result<Bytes, SignalingError> {
        let address = self.address.unwrap_or_default();
        let nonce = self
            .server
            .channel
            .next_nonce(address, SERVER_ADDRESS)
            .map_err(SignalingError::protocol)?;
        let salsa = self
            .server
            .salsa
            .as_ref()
            .ok_or(SignalingError::InvalidState("no server session key"))?;
        seal(&nonce, Sealer::Box(salsa), message)
    }

    // ----- Client-to-client: initiator side -----

    fn on_responder_message(
        &mut self,
        nonce: &Nonce,
        frame: &[u8],
        now: Instant,
        actions: &mut Vec<Action>,
    ) -> Result<(), Failure> {
        let address = nonce.source;
        if self
            .peer
            .as_ref()
            .is_some_and(|peer| peer.address == address)
        {
            return self.on_peer_message(nonce, frame, actions);
        }
        let own = self.permanent.clone();
        let our_address = self.address.unwrap_or(INITIATOR_ADDRESS);
        let tasks = self.tasks.clone();
        let RoleState::Initiator {
            candidates,
            token,
            trusted,
            ..
        } = &mut self.role
        else {
            return Ok(());
        };
        let Some(candidate) = candidates.get_mut(&address) else {
            warn(
                actions,
                format!("discarded a message from unknown responder 0x{address:02x}"),
            );
            return Ok(());
        };
        let fail = |code: CloseCode, error: SignalingError| Failure::Candidate {
            address,
            code,
            error,
        };
        let from = format!("responder 0x{address:02x}");
        candidate.channel.check_incoming(nonce).map_err(|e| {
            fail(
                CloseCode::ProtocolError,
                SignalingError::protocol(format!("{from}: {e}")),
            )
        })?;
        candidate.active = true;
        match candidate.state {
            CandidateState::Token => {
                let Some(auth_token) = token.as_ref() else {
                    return Err(fail(
                        CloseCode::InitiatorCouldNotDecrypt,
                        SignalingError::Decrypt {
                            what: "token message (the token was used already)".into(),
                            from,
                        },
                    ));
                };
                let message = open(frame, Sealer::Token(auth_token))
                    .map_err(|e| fail(CloseCode::ProtocolError, e))?
                    .ok_or_else(|| {
                        fail(
                            CloseCode::InitiatorCouldNotDecrypt,
                            SignalingError::Decrypt {
                                what: "token message".into(),
                                from: from.clone(),
                            },
                        )
                    })?;
                let Message::Token { key } = message else {
                    return Err(fail(
                        CloseCode::ProtocolError,
                        unexpected(&message, "token"),
                    ));
                };
                // The token is valid for one message only.
                *token = None;
                candidate.trust(&own, key);
                Ok(())
            }
            CandidateState::Key => {
                let permanent_box = candidate.permanent_box.as_ref().ok_or_else(|| {
                    fail(
                        CloseCode::InternalError,
                        SignalingError::InvalidState("no responder key"),
                    )
                })?;
                let message = open(frame, Sealer::Box(permanent_box))
                    .map_err(|e| fail(CloseCode::ProtocolError, e))?
                    .ok_or_else(|| {
                        fail(
                            CloseCode::InitiatorCouldNotDecrypt,
                            SignalingError::Decrypt {
                                what: "key message".into(),
                                from: from.clone(),
                            },
                        )
                    })?;
                let Message::Key { key } = message else {
                    return Err(fail(CloseCode::ProtocolError, unexpected(&message, "key")));
                };
                if Some(key) == candidate.permanent_key {
                    return Err(fail(
                        CloseCode::ProtocolError,
                        SignalingError::protocol(format!(
                            "{from}: its session key equals its permanent key"
                        )),
                    ));
                }
                candidate.peer_session_key = Some(key);
                candidate.session_box = Some(candidate.session.salsa_box(&key));
                let reply = Message::Key {
                    key: *candidate.session.public_key(),
                };
                let out = candidate
                    .channel
                    .next_nonce(our_address, address)
                    .map_err(|e| fail(CloseCode::ProtocolError, SignalingError::protocol(e)))?;
                let frame = seal(&out, Sealer::Box(permanent_box), &reply)
                    .map_err(|e| fail(CloseCode::InternalError, e))?;
                actions.push(Action::Send(frame));
                candidate.state = CandidateState::Auth;
                Ok(())
            }
            CandidateState::Auth => {
                let session_box = candidate.session_box.as_ref().ok_or_else(|| {
                    fail(
                        CloseCode::InternalError,
                        SignalingError::InvalidState("no session key"),
                    )
                })?;
                let message = open(frame, Sealer::Box(session_box))
                    .map_err(|e| fail(CloseCode::ProtocolError, e))?
                    .ok_or_else(|| {
                        fail(
                            CloseCode::ProtocolError,
                            SignalingError::Decrypt {
                                what: "auth message".into(),
                                from: from.clone(),
                            },
                        )
                    })?;
                let Message::Auth {
                    your_cookie,
                    tasks: offered,
                    data,
                    ..
                } = message
                else {
                    return Err(fail(CloseCode::ProtocolError, unexpected(&message, "auth")));
                };
                if your_cookie != candidate.channel.our_cookie() {
                    return Err(fail(
                        CloseCode::ProtocolError,
                        SignalingError::protocol(format!(
                            "{from}: auth repeats a cookie that is not ours"
                        )),
                    ));
                }
                let offered = offered.filter(|t| !t.is_empty()).ok_or_else(|| {
                    fail(
                        CloseCode::ProtocolError,
                        SignalingError::protocol(format!("{from}: auth offers no tasks")),
                    )
                })?;
                let Some(task) = tasks.iter().find(|t| offered.contains(t)).cloned() else {
                    // Authenticated, but nothing in common: close (3006) and leave.
                    let error = SignalingError::NoSharedTask { offered };
                    let close = Message::Close {
                        reason: CloseCode::NoSharedTask,
                    };
                    if let Ok(out) = candidate.channel.next_nonce(our_address, address)
                        && let Ok(frame) = seal(&out, Sealer::Box(session_box), &close)
                    {
                        actions.push(Action::Send(frame));
                    }
                    candidates.remove(&address);
                    self.closed = true;
                    actions.push(Action::Close {
                        code: CloseCode::GoingAway,
                        error: Some(error),
                    });
                    return Ok(());
                };
                if !data.contains_key(&task) {
                    return Err(fail(
                        CloseCode::ProtocolError,
                        SignalingError::protocol(format!("{from}: auth has no data for {task}")),
                    ));
                }
                let their_cookie = candidate.channel.their_cookie().ok_or_else(|| {
                    fail(
                        CloseCode::InternalError,
                        SignalingError::InvalidState("no cookie"),
                    )
                })?;
                let reply = Message::Auth {
                    your_cookie: their_cookie,
                    tasks: None,
                    task: Some(task.clone()),
                    data: BTreeMap::from([(task.clone(), Value::Nil)]),
                };
                let out = candidate
                    .channel
                    .next_nonce(our_address, address)
                    .map_err(|e| fail(CloseCode::ProtocolError, SignalingError::protocol(e)))?;
                let frame = seal(&out, Sealer::Box(session_box), &reply)
                    .map_err(|e| fail(CloseCode::InternalError, e))?;
                actions.push(Action::Send(frame));
                let Some(candidate) = candidates.remove(&address) else {
                    return Ok(());
                };
                let permanent_key = candidate.permanent_key.unwrap_or_default();
                *trusted = Some(permanent_key);
                *token = None;
                let others: Vec<u8> = candidates.keys().copied().collect();
                let previous = self.peer.take().map(|peer| peer.address);
                let peer = promote(candidate, permanent_key)
                    .map_err(|e| fail(CloseCode::InternalError, e))?;
                let connection_id = peer.connection_id;
                self.peer = Some(peer);
                // Only one responder: everybody else leaves the path (3004).
                if let Some(previous) = previous {
                    actions.push(Action::Event(Event::Disconnected {
                        address: previous,
                        was_peer: true,
                    }));
                    self.drop_responder(previous, CloseCode::DroppedByInitiator, None, actions);
                }
                for other in others {
                    self.drop_responder(other, CloseCode::DroppedByInitiator, None, actions);
                }
                actions.push(Action::Event(Event::PeerHandshakeDone {
                    address,
                    permanent_key,
                    task,
                    connection_id,
                }));
                let _ = now;
                Ok(())
            }
        }
    }

    // ----- Client-to-client: responder side -----

    fn start_responder_handshake(
        &mut self,
        now: Instant,
        actions: &mut Vec<Action>,
    ) -> Result<(), Failure> {
        let own = self.permanent.clone();
        let our_address = self.address.unwrap_or_default();
        let RoleState::Responder {
            initiator_key,
            token,
            candidate,
            ..
        } = &mut self.role
        else {
            return Ok(());
        };
        let mut fresh = Candidate::new(INITIATOR_ADDRESS, now);
        fresh.trust(&own, *initiator_key);
        if let Some(token) = token.as_ref() {
            let nonce = fresh
                .channel
                .next_nonce(our_address, INITIATOR_ADDRESS)
                .map_err(SignalingError::protocol)?;
            let message = Message::Token {
                key: *own.public_key(),
            };
            actions.push(Action::Send(seal(&nonce, Sealer::Token(token), &message)?));
        }
        let nonce = fresh
            .channel
            .next_nonce(our_address, INITIATOR_ADDRESS)
            .map_err(SignalingError::protocol)?;
        let message = Message::Key {
            key: *fresh.session.public_key(),
        };
        let permanent_box = fresh
            .permanent_box
            .as_ref()
            .ok_or(SignalingError::InvalidState("no initiator key"))?;
        actions.push(Action::Send(seal(
            &nonce,
            Sealer::Box(permanent_box),
            &message,
        )?));
        *candidate = Some(Box::new(fresh));
        Ok(())
    }

    fn on_initiator_message(
        &mut self,
        nonce: &Nonce,
        frame: &[u8],
        _now: Instant,
        actions: &mut Vec<Action>,
    ) -> Result<(), Failure> {
        if self.peer.is_some() {
            return self.on_peer_message(nonce, frame, actions);
        }
        let our_address = self.address.unwrap_or_default();
        let tasks = self.tasks.clone();
        let RoleState::Responder {
            candidate: slot,
            token,
            initiator_key,
            ..
        } = &mut self.role
        else {
            return Ok(());
        };
        let Some(candidate) = slot.as_mut() else {
            warn(
                actions,
                "discarded a message from the initiator before its handshake started".into(),
            );
            return Ok(());
        };
        let fail = |error: SignalingError| Failure::Candidate {
            address: INITIATOR_ADDRESS,
            code: CloseCode::ProtocolError,
            error,
        };
        candidate
            .channel
            .check_incoming(nonce)
            .map_err(|e| fail(SignalingError::protocol(format!("initiator: {e}"))))?;
        match candidate.state {
            CandidateState::Token | CandidateState::Key => {
                let permanent_box = candidate
                    .permanent_box
                    .as_ref()
                    .ok_or_else(|| fail(SignalingError::InvalidState("no initiator key")))?;
                let message = open(frame, Sealer::Box(permanent_box))
                    .map_err(fail)?
                    .ok_or_else(|| {
                        fail(SignalingError::Decrypt {
                            what: "key message".into(),
                            from: "the initiator".into(),
                        })
                    })?;
                let Message::Key { key } = message else {
                    return Err(fail(unexpected(&message, "key")));
                };
                if key == *initiator_key {
                    return Err(fail(SignalingError::protocol(
                        "the initiator's session key equals its permanent key",
                    )));
                }
                candidate.peer_session_key = Some(key);
                let session_box = candidate.session.salsa_box(&key);
                let their_cookie = candidate
                    .channel
                    .their_cookie()
                    .ok_or_else(|| fail(SignalingError::InvalidState("no cookie")))?;
                let auth = Message::Auth {
                    your_cookie: their_cookie,
                    tasks: Some(tasks.clone()),
                    task: None,
                    data: tasks.iter().map(|t| (t.clone(), Value::Nil)).collect(),
                };
                let out = candidate
                    .channel
                    .next_nonce(our_address, INITIATOR_ADDRESS)
                    .map_err(|e| fail(SignalingError::protocol(e)))?;
                actions.push(Action::Send(
                    seal(&out, Sealer::Box(&session_box), &auth).map_err(fail)?,
                ));
                candidate.session_box = Some(session_box);
                candidate.state = CandidateState::Auth;
                Ok(())
            }
            CandidateState::Auth => {
                let session_box = candidate
                    .session_box
                    .as_ref()
                    .ok_or_else(|| fail(SignalingError::InvalidState("no session key")))?;
                let message = open(frame, Sealer::Box(session_box))
                    .map_err(fail)?
                    .ok_or_else(|| {
                        fail(SignalingError::Decrypt {
                            what: "auth message".into(),
                            from: "the initiator".into(),
                        })
                    })?;
                let (your_cookie, task, data) = match message {
                    Message::Auth {
                        your_cookie,
                        task,
                        data,
                        ..
                    } => (your_cookie, task, data),
                    // The initiator found no shared task (3006) and leaves.
                    Message::Close { reason } => {
                        *slot = None;
                        self.closed = true;
                        actions.push(Action::Event(Event::PeerClosed { reason }));
                        actions.push(Action::Close {
                            code: CloseCode::NormalClosure,
                            error: Some(SignalingError::PeerClosed { reason }),
                        });
                        return Ok(());
                    }
                    other => return Err(fail(unexpected(&other, "auth"))),
                };
                if your_cookie != candidate.channel.our_cookie() {
                    return Err(fail(SignalingError::protocol(
                        "the initiator's auth repeats a cookie that is not ours",
                    )));
                }
                let task = task.filter(|t| tasks.contains(t)).ok_or_else(|| {
                    fail(SignalingError::protocol(
                        "the initiator chose no task, or one we did not offer",
                    ))
                })?;
                if !data.contains_key(&task) {
                    return Err(fail(SignalingError::protocol(format!(
                        "the initiator's auth has no data for {task}"
                    ))));
                }
                let Some(candidate) = slot.take() else {
                    return Ok(());
                };
                let permanent_key = *initiator_key;
                // We are trusted from now on: reconnects skip the token.
                *token = None;
                let peer = promote(*candidate, permanent_key).map_err(fail)?;
                let connection_id = peer.connection_id;
                self.peer = Some(peer);
                actions.push(Action::Event(Event::PeerHandshakeDone {
                    address: INITIATOR_ADDRESS,
                    permanent_key,
                    task,
                    connection_id,
                }));
                Ok(())
            }
        }
    }

    // ----- Task phase -----

    fn on_peer_message(
        &mut self,
        nonce: &Nonce,
        frame: &[u8],
        actions: &mut Vec<Action>,
    ) -> Result<(), Failure> {
        let Some(peer) = self.peer.as_mut() else {
            return Ok(());
        };
        peer.channel
            .check_incoming(nonce)
            .map_err(|e| Failure::Peer(SignalingError::protocol(format!("peer: {e}"))))?;
        let message = open(frame, Sealer::Box(&peer.session_box))
            .map_err(Failure::Peer)?
            .ok_or_else(|| {
                Failure::Peer(SignalingError::Decrypt {
                    what: "task message".into(),
                    from: "the peer".into(),
                })
            })?;
        match message {
            Message::Data { p } => {
                actions.push(Action::Event(Event::Data(p)));
                Ok(())
            }
            Message::Application { data } => {
                actions.push(Action::Event(Event::Application(data)));
                Ok(())
            }
            Message::Close { reason } => {
                // Everything after a close is discarded.
                self.peer = None;
                self.closed = true;
                actions.push(Action::Event(Event::PeerClosed { reason }));
                actions.push(Action::Close {
                    code: CloseCode::NormalClosure,
                    error: Some(SignalingError::PeerClosed { reason }),
                });
                Ok(())
            }
            other => Err(Failure::Peer(unexpected(&other, "data or close"))),
        }
    }

    // ----- Failures -----

    fn fail(&mut self, failure: Failure, now: Instant, actions: &mut Vec<Action>) {
        match failure {
            Failure::Connection(error) => self.close_with(error, actions),
            Failure::Candidate {
                address,
                code,
                error,
            } => {
                if self.is_initiator() {
                    if let RoleState::Initiator { cooldown_until, .. } = &mut self.role {
                        *cooldown_until = Some(now + HANDSHAKE_COOLDOWN);
                    }
                    self.drop_responder(address, code, Some(error), actions);
                } else {
                    self.closed = true;
                    actions.push(Action::Close {
                        code,
                        error: Some(error),
                    });
                }
            }
            Failure::Peer(error) => {
                if let Some(frame) = self.close_message(CloseCode::ProtocolError) {
                    actions.push(Action::Send(frame));
                }
                self.peer = None;
                self.closed = true;
                actions.push(Action::Close {
                    code: CloseCode::NormalClosure,
                    error: Some(error),
                });
            }
        }
    }

    fn close_with(&mut self, error: SignalingError, actions: &mut Vec<Action>) {
        self.closed = true;
        self.peer = None;
        actions.push(Action::Close {
            code: error.close_code(),
            error: Some(error),
        });
    }
}

/// The authenticated peer made of a finished handshake.
fn promote(candidate: Candidate, permanent_key: [u8; KEY_LENGTH]) -> Result<Peer, SignalingError> {
    let peer_session = candidate
        .peer_session_key
        .ok_or(SignalingError::InvalidState("no peer session key"))?;
    let session_box = candidate
        .session_box
        .ok_or(SignalingError::InvalidState("no session box"))?;
    let connection_id = ConnectionId::derive(
        candidate.session.secret_key(),
        &crypto_box::PublicKey::from_bytes(peer_session),
    );
    Ok(Peer {
        address: candidate.address,
        channel: candidate.channel,
        permanent_key,
        session_box,
        connection_id,
    })
}

fn unexpected(message: &Message, expected: &str) -> SignalingError {
    SignalingError::protocol(format!(
        "expected {expected}, received {}",
        message.message_type()
    ))
}

fn warn(actions: &mut Vec<Action>, message: String) {
    tracing::warn!(%message, "SaltyRTC");
    actions.push(Action::Event(Event::Warning(message)));
}

/// Signs keys like a SaltyRTC server does: `box(server session key ‖ client permanent key)`
/// with the server's permanent key and the message's nonce (for test servers).
#[cfg_attr(not(any(test, feature = "testkit")), allow(dead_code))]
pub(crate) fn sign_keys(
    server_permanent: &KeyPair,
    server_session_public: &[u8; KEY_LENGTH],
    client_permanent_public: &[u8; KEY_LENGTH],
    nonce: &Nonce,
) -> Option<Vec<u8>> {
    let mut plain = server_session_public.to_vec();
    plain.extend_from_slice(client_permanent_public);
    box_bytes(
        &server_permanent.salsa_box(client_permanent_public),
        &nonce.to_bytes(),
        &plain,
    )
}
