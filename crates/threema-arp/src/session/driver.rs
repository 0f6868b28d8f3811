//! The session driver: one task that owns the WebSocket, the SaltyRTC [`Signaling`] machine
//! and the ARP [`ArpConnection`], reconnects with backoff and resumes the ARP session.
//!
//! A second task per connection writes frames, so that reading never waits for a large
//! write (both directions can carry megabytes at once through a relay that forwards one
//! message at a time).

use super::config::{ServerConfig, SessionConfig};
use super::event::{SessionEvent, SessionState, Update};
use super::progress::ProgressState;
use crate::api::{
    ArpMessage, DisconnectReason, Frame, RequestConnectionAck, UpdateConnectionDisconnect,
};
use crate::chunking::ChunkHeader;
use crate::connection::{AckFuture, ArpConnection, NewSessionReason, Output};
use crate::error::{Error, Result};
use crate::qr::AuthToken;
use crate::saltyrtc::{
    Action, CloseCode, Event, InitiatorConfig, KEY_LENGTH, KeyPair, Payload, ResponderConfig,
    Signaling, SignalingError,
};
use bytes::Bytes;
use std::collections::{BTreeMap, VecDeque};
use std::fmt;
use std::sync::{Arc, Weak};
use std::time::Duration;
use tokio::sync::{mpsc, oneshot, watch};
use tokio::task::JoinHandle;
use tokio::time::Instant;
use transport_core::ws::{NotificationSender, WsFrame, WsReader, WsWriter};

/// Which side of SaltyRTC the session plays, with its keys and trust.
#[derive(Clone)]
pub(crate) enum PeerRole {
    /// The ARP client.
    Initiator {
        permanent: KeyPair,
        token: Option<AuthToken>,
        trusted: Option<[u8; KEY_LENGTH]>,
    },
    /// The app (fake apps in tests).
    #[cfg_attr(not(feature = "testkit"), allow(dead_code))]
    Responder {
        permanent: KeyPair,
        initiator: [u8; KEY_LENGTH],
        token: Option<AuthToken>,
    },
}

impl fmt::Debug for PeerRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Initiator { permanent, .. } => f
                .debug_struct("Initiator")
                .field("permanent", permanent)
                .finish_non_exhaustive(),
            Self::Responder { permanent, .. } => f
                .debug_struct("Responder")
                .field("permanent", permanent)
                .finish_non_exhaustive(),
        }
    }
}

impl PeerRole {
    fn path_key(&self) -> [u8; KEY_LENGTH] {
        match self {
            Self::Initiator { permanent, .. } => *permanent.public_key(),
            Self::Responder { initiator, .. } => *initiator,
        }
    }

    fn signaling(&self, server: &ServerConfig, ping_interval: u32) -> Result<Signaling> {
        let signaling = match self.clone() {
            Self::Initiator {
                permanent,
                token,
                trusted,
            } => {
                let mut config = match (trusted, token) {
                    (Some(trusted), _) => {
                        InitiatorConfig::with_trusted_responder(permanent, trusted)
                    }
                    (None, Some(token)) => InitiatorConfig::with_token(permanent, token),
                    (None, None) => {
                        return Err(Error::invalid(
                            "session",
                            "an initiator needs an auth token or a trusted key",
                        ));
                    }
                };
                config.server_public_key = server.public_key;
                config.ping_interval = ping_interval;
                Signaling::initiator(config)
            }
            Self::Responder {
                permanent,
                initiator,
                token,
            } => {
                let mut config = ResponderConfig::new(permanent, initiator, token);
                config.server_public_key = server.public_key;
                config.ping_interval = ping_interval;
                Signaling::responder(config)
            }
        };
        signaling.map_err(Error::from)
    }

    /// After a successful handshake: trust the other side; the token is spent.
    fn trust(&mut self, peer: [u8; KEY_LENGTH]) {
        match self {
            Self::Initiator { token, trusted, .. } => {
                *trusted = Some(peer);
                *token = None;
            }
            Self::Responder { token, .. } => *token = None,
        }
    }

    fn trusted_peer(&self) -> Option<[u8; KEY_LENGTH]> {
        match self {
            Self::Initiator { trusted, .. } => *trusted,
            Self::Responder {
                token: None,
                initiator,
                ..
            } => Some(*initiator),
            Self::Responder { .. } => None,
        }
    }
}

/// A call into the driver.
pub(crate) enum Command {
    /// Send a frame without an acknowledgement request.
    Send {
        frame: Frame,
        done: oneshot::Sender<Result<()>>,
    },
    /// Send a frame that asks for an acknowledgement.
    Request {
        frame: Frame,
        outgoing: Option<Arc<ProgressState>>,
        incoming: Option<Arc<ProgressState>>,
        reply: oneshot::Sender<Result<AckFuture>>,
    },
    /// The caller stopped waiting for this acknowledgement.
    Cancel { id: String },
    /// The requests that renew subscriptions after a full reconnect.
    Resubscribe { frames: Vec<Frame> },
    /// End the session (sends `update/connectionDisconnect` and a SaltyRTC `close`).
    Close {
        reason: DisconnectReason,
        done: oneshot::Sender<()>,
    },
    /// Drop the WebSocket abruptly (no close frame), as a network failure would; the session
    /// reconnects and resumes. For fault injection in tests.
    #[cfg_attr(not(feature = "testkit"), allow(dead_code))]
    DropConnection,
    /// Send these bytes as one ARP message (chunked and cached as usual) without encoding or
    /// validating them: a malformed or unknown frame. For fault injection in tests.
    #[cfg_attr(not(feature = "testkit"), allow(dead_code))]
    SendRawMessage { bytes: Vec<u8> },
    /// Send this payload as one SaltyRTC `data` message, bypassing the chunker and the chunk
    /// cache (a malformed chunk). For fault injection in tests.
    #[cfg_attr(not(feature = "testkit"), allow(dead_code))]
    SendRawChunk { chunk: Vec<u8> },
    /// Stop transmitting ARP chunks on the current peer connection (they are still counted
    /// and cached, as if lost in transit) until the next peer handshake: a peer that stopped
    /// answering while its WebSocket stays open. For fault injection in tests.
    #[cfg_attr(not(feature = "testkit"), allow(dead_code))]
    Stall,
    /// The trusted key of the other side, once known.
    TrustedPeer {
        reply: oneshot::Sender<Option<[u8; KEY_LENGTH]>>,
    },
}

/// The handle of a running driver.
#[derive(Debug)]
pub(crate) struct DriverHandle {
    pub(crate) commands: mpsc::UnboundedSender<Command>,
    pub(crate) state: watch::Receiver<SessionState>,
    pub(crate) task: JoinHandle<()>,
}

/// Starts a session driver.
pub(crate) fn spawn(
    role: PeerRole,
    server: ServerConfig,
    config: SessionConfig,
    sink: NotificationSender<Update>,
) -> Result<DriverHandle> {
    config.validate()?;
    // Fail on bad keys/tokens before any I/O.
    role.signaling(&server, config.ping_interval)?;
    server.connect_options(&role.path_key());
    let arp = ArpConnection::new(config.connection.clone())?;
    let (commands, receiver) = mpsc::unbounded_channel();
    let (state_tx, state) = watch::channel(SessionState::Connecting { attempt: 1 });
    let driver = Driver {
        role,
        server,
        config,
        arp,
        sink: Arc::new(sink),
        commands: receiver,
        state: state_tx,
        resubscribe: Vec::new(),
        outgoing: BTreeMap::new(),
        incoming: BTreeMap::new(),
        awaiting_incoming: VecDeque::new(),
        cleared: (0, 0),
        renew: false,
        reset: false,
        closing: None,
    };
    let task = tokio::spawn(driver.run());
    Ok(DriverHandle {
        commands,
        state,
        task,
    })
}

/// How a connection ended.
#[derive(Debug)]
enum End {
    /// Lost: reconnect and resume.
    Lost(String),
    /// The ARP session failed: reconnect as a new session.
    Reset(String),
    /// Ended normally (by us or the other side): stop.
    Closed(String),
    /// Cannot go on (configuration, another client took our place): stop.
    Fatal(String),
}

/// A frame for the writer task.
enum Outgoing {
    Frame {
        bytes: Bytes,
        progress: Option<(Arc<ProgressState>, u32, u64)>,
    },
    Close(CloseCode),
}

/// One WebSocket connection.
struct Link {
    out: mpsc::UnboundedSender<Outgoing>,
    signaling: Signaling,
    /// The server handshake, or the ARP handshake after the peer handshake, must finish by
    /// then.
    handshake_deadline: Option<Instant>,
    /// When the last chunk arrived from the peer.
    last_chunk: Instant,
    /// A `request/connectionAck` probe is out; the connection is dead if nothing arrives by
    /// then.
    probe_deadline: Option<Instant>,
    connection_id: Option<crate::connection::ConnectionId>,
    /// ARP chunks are not transmitted until the next peer handshake (fault injection).
    stalled: bool,
}

impl Link {
    fn send(&self, bytes: Bytes, progress: Option<(Arc<ProgressState>, u32, u64)>) {
        let _ = self.out.send(Outgoing::Frame { bytes, progress });
    }

    fn close(&self, code: CloseCode) {
        let _ = self.out.send(Outgoing::Close(code));
    }
}

struct Driver {
    role: PeerRole,
    server: ServerConfig,
    config: SessionConfig,
    arp: ArpConnection,
    sink: Arc<NotificationSender<Update>>,
    commands: mpsc::UnboundedReceiver<Command>,
    state: watch::Sender<SessionState>,
    resubscribe: Vec<Frame>,
    /// Progress of outgoing messages by chunker message id.
    outgoing: BTreeMap<u32, Weak<ProgressState>>,
    /// Progress of incoming messages by chunker message id.
    incoming: BTreeMap<u32, Weak<ProgressState>>,
    /// Downloads whose message has not started to arrive.
    awaiting_incoming: VecDeque<Weak<ProgressState>>,
    /// Chunks discarded and requests failed by the last cache clear.
    cleared: (usize, usize),
    /// A full reconnect happened: renew the subscriptions once the current outputs are out
    /// (chunks must go on the wire in the order the connection layer cached them).
    renew: bool,
    /// The ARP session failed and was restarted: the next new session renews the
    /// subscriptions although the connection layer counts it as a first connection.
    reset: bool,
    /// Set when the user closes: acknowledged once the driver ends.
    closing: Option<oneshot::Sender<()>>,
}

impl Driver {
    async fn run(mut self) {
        let mut attempt = 1u32;
        let reason = loop {
            self.set_state(SessionState::Connecting { attempt });
            let options = self.server.connect_options(&self.role.path_key());
            let connect = transport_core::ws::connect(&options);
            tokio::pin!(connect);
            let connected = loop {
                tokio::select! {
                    result = &mut connect => break Some(result),
                    command = self.commands.recv() => match command {
                        Some(command) => {
                            if self.command_offline(command) {
                                break None;
                            }
                        }
                        None => break None,
                    },
                }
            };
            let end = match connected {
                None => End::Closed("closed by the user".into()),
                Some(Ok(conn)) => {
                    if conn.subprotocol() != Some(crate::saltyrtc::SUBPROTOCOL) {
                        End::Fatal("the server did not select the SaltyRTC subprotocol".into())
                    } else {
                        self.run_connection(conn, &mut attempt).await
                    }
                }
                Some(Err(error)) if error.is_transient() => End::Lost(error.to_string()),
                Some(Err(error)) => End::Fatal(error.to_string()),
            };
            match end {
                End::Closed(reason) | End::Fatal(reason) => break reason,
                End::Reset(reason) => {
                    tracing::warn!(%reason, "ARP session reset");
                    let outputs = self.arp.closed();
                    self.offline_outputs(outputs);
                    self.reset = true;
                    self.emit(SessionEvent::Reset { reason });
                }
                End::Lost(reason) => {
                    tracing::info!(side = self.side(), %reason, "SaltyRTC connection lost");
                    let outputs = self.arp.disconnected();
                    self.offline_outputs(outputs);
                    self.emit(SessionEvent::Disconnected { reason });
                }
            }
            if self
                .config
                .max_reconnect_attempts
                .is_some_and(|max| attempt > max)
            {
                break format!("gave up after {} failed attempts", attempt - 1);
            }
            let delay = self.config.reconnect.delay(attempt);
            attempt += 1;
            self.set_state(SessionState::Reconnecting { attempt, delay });
            if !self.serve_offline(delay).await {
                break "closed by the user".into();
            }
        };
        self.finish(reason);
    }

    /// Handles commands while disconnected for `delay`; false if the session was closed.
    async fn serve_offline(&mut self, delay: Duration) -> bool {
        let sleep = tokio::time::sleep(delay);
        tokio::pin!(sleep);
        loop {
            tokio::select! {
                () = &mut sleep => return true,
                command = self.commands.recv() => match command {
                    Some(command) => {
                        if self.command_offline(command) {
                            return false;
                        }
                    }
                    None => return false,
                },
            }
        }
    }

    fn is_responder(&self) -> bool {
        matches!(self.role, PeerRole::Responder { .. })
    }

    fn side(&self) -> &'static str {
        match self.role {
            PeerRole::Initiator { .. } => "client",
            PeerRole::Responder { .. } => "app",
        }
    }

    fn finish(&mut self, reason: String) {
        let outputs = self.arp.closed();
        self.offline_outputs(outputs);
        tracing::info!(%reason, "ARP session closed");
        self.emit(SessionEvent::Closed {
            reason: reason.clone(),
        });
        self.set_state(SessionState::Closed { reason });
        self.sink.close();
        self.commands.close();
        while let Ok(command) = self.commands.try_recv() {
            // Calls made while closing fail: dropping their reply channels says so.
            if let Command::Close { done, .. } = command {
                let _ = done.send(());
            }
        }
        if let Some(done) = self.closing.take() {
            let _ = done.send(());
        }
    }

    fn set_state(&self, state: SessionState) {
        self.state.send_replace(state);
    }

    fn emit(&self, event: SessionEvent) {
        self.sink.push(Update::Session(event));
    }

    /// A command while there is no connection. True if the session must end.
    fn command_offline(&mut self, command: Command) -> bool {
        match command {
            Command::Close { done, .. } => {
                self.closing = Some(done);
                true
            }
            Command::DropConnection | Command::SendRawChunk { .. } | Command::Stall => false,
            other => {
                // Messages are held by the connection layer until the next handshake.
                let outputs = self.command(other);
                self.offline_outputs(outputs);
                false
            }
        }
    }

    /// Carries out a command on the ARP layer; returns the outputs to handle.
    fn command(&mut self, command: Command) -> Vec<Output> {
        match command {
            Command::Send { frame, done } => match self.arp.send(&frame) {
                Ok(outputs) => {
                    let _ = done.send(Ok(()));
                    outputs
                }
                Err(error) => {
                    let _ = done.send(Err(error));
                    Vec::new()
                }
            },
            Command::Request {
                frame,
                outgoing,
                incoming,
                reply,
            } => match self.arp.request(frame) {
                Ok((future, outputs)) => {
                    if let (Some(progress), Some((id, len))) =
                        (outgoing, self.arp.last_sent_message())
                    {
                        progress.set_total(len as u64);
                        self.outgoing.insert(id, Arc::downgrade(&progress));
                    }
                    if let Some(progress) = incoming {
                        self.awaiting_incoming.push_back(Arc::downgrade(&progress));
                    }
                    let _ = reply.send(Ok(future));
                    outputs
                }
                Err(error) => {
                    let _ = reply.send(Err(error));
                    Vec::new()
                }
            },
            Command::Cancel { id } => {
                self.arp.cancel_request(&id);
                Vec::new()
            }
            Command::Resubscribe { frames } => {
                self.resubscribe = frames;
                Vec::new()
            }
            Command::TrustedPeer { reply } => {
                let _ = reply.send(self.role.trusted_peer());
                Vec::new()
            }
            Command::Close { done, .. } => {
                self.closing = Some(done);
                Vec::new()
            }
            Command::SendRawMessage { bytes } => self.arp.send_raw(&bytes).unwrap_or_default(),
            Command::DropConnection | Command::SendRawChunk { .. } | Command::Stall => Vec::new(),
        }
    }

    /// Outputs while there is no connection (nothing can be transmitted).
    fn offline_outputs(&mut self, outputs: Vec<Output>) {
        for output in outputs {
            if let Some(end) = self.output(None, output) {
                tracing::debug!(?end, "ignored while disconnected");
            }
        }
    }

    async fn run_connection(
        &mut self,
        conn: transport_core::ws::WsConnection,
        attempt: &mut u32,
    ) -> End {
        let signaling = match self.role.signaling(&self.server, self.config.ping_interval) {
            Ok(signaling) => signaling,
            Err(error) => return End::Fatal(error.to_string()),
        };
        let (writer, mut reader) = conn.split();
        let (out, out_rx) = mpsc::unbounded_channel();
        let (failed_tx, mut failed) = oneshot::channel();
        let writer = tokio::spawn(write_loop(writer, out_rx, failed_tx));
        let now = Instant::now();
        let mut link = Link {
            out,
            signaling,
            handshake_deadline: Some(now + self.config.handshake_timeout),
            last_chunk: now,
            probe_deadline: None,
            connection_id: None,
            stalled: false,
        };
        let end = loop {
            let deadline = self.next_deadline(&link);
            tokio::select! {
                biased;
                reason = &mut failed => {
                    break End::Lost(reason.unwrap_or_else(|_| "the writer stopped".into()));
                }
                frame = recv(&mut reader) => match frame {
                    Ok(WsFrame::Binary(bytes)) => {
                        let actions = link.signaling.handle_frame(&bytes, Instant::now());
                        if let Some(end) = self.actions(&mut link, actions, attempt) {
                            break end;
                        }
                    }
                    Ok(_) => {
                        link.close(CloseCode::ProtocolError);
                        break End::Lost("the server sent a text frame".into());
                    }
                    Err(end) => break end,
                },
                command = self.commands.recv() => {
                    let Some(command) = command else {
                        break self.close_link(&mut link, DisconnectReason::Stop);
                    };
                    match command {
                        Command::Close { reason, done } => {
                            self.closing = Some(done);
                            break self.close_link(&mut link, reason);
                        }
                        Command::DropConnection => {
                            writer.abort();
                            break End::Lost("the connection was dropped on request".into());
                        }
                        Command::Stall => link.stalled = true,
                        Command::SendRawChunk { chunk } => {
                            match link.signaling.send_data(&chunk) {
                                Ok(frame) => link.send(frame, None),
                                Err(error) => break End::Lost(error.to_string()),
                            }
                        }
                        other => {
                            let outputs = self.command(other);
                            if let Some(end) = self.outputs(&mut link, outputs) {
                                break end;
                            }
                        }
                    }
                },
                () = tokio::time::sleep_until(deadline) => {
                    if let Some(end) = self.timeouts(&mut link) {
                        break end;
                    }
                }
            }
        };
        link.signaling.connection_lost();
        drop(link);
        // The writer sends what is queued (a close frame) and ends; never wait long for it.
        let _ = tokio::time::timeout(Duration::from_secs(2), writer).await;
        end
    }

    fn close_link(&mut self, link: &mut Link, reason: DisconnectReason) -> End {
        if self.arp.is_established() {
            let frame = Frame::new(UpdateConnectionDisconnect::new(reason));
            if let Ok(outputs) = self.arp.send(&frame) {
                let _ = self.outputs(link, outputs);
            }
        }
        for action in link.signaling.close(CloseCode::GoingAway) {
            match action {
                Action::Send(frame) => link.send(frame, None),
                Action::Close { code, .. } => link.close(code),
                Action::Event(_) => {}
            }
        }
        End::Closed("closed by the user".into())
    }

    fn next_deadline(&self, link: &Link) -> Instant {
        let far = Instant::now() + Duration::from_secs(3600);
        let keepalive = if self.arp.is_established() {
            Some(
                link.probe_deadline
                    .unwrap_or(link.last_chunk + self.config.keepalive_interval),
            )
        } else {
            None
        };
        [
            link.handshake_deadline,
            link.signaling.poll_timeout(),
            self.arp.poll_timeout(),
            keepalive,
        ]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(far)
    }

    fn timeouts(&mut self, link: &mut Link) -> Option<End> {
        let now = Instant::now();
        if link.handshake_deadline.is_some_and(|d| d <= now) {
            link.close(CloseCode::GoingAway);
            return Some(End::Lost("the handshake timed out".into()));
        }
        if link.signaling.poll_timeout().is_some_and(|d| d <= now) {
            let actions = link.signaling.handle_timeout(now);
            let mut attempt = 0;
            if let Some(end) = self.actions(link, actions, &mut attempt) {
                return Some(end);
            }
        }
        if self.arp.poll_timeout().is_some_and(|d| d <= now) {
            let outputs = self.arp.handle_timeout(now);
            if let Some(end) = self.outputs(link, outputs) {
                return Some(end);
            }
            self.arp
                .collect_garbage(self.config.incomplete_message_timeout);
        }
        if self.arp.is_established() {
            match link.probe_deadline {
                Some(deadline) if deadline <= now => {
                    link.close(CloseCode::GoingAway);
                    return Some(End::Lost(format!(
                        "no answer from the other side within {:?}",
                        self.config.keepalive_timeout
                    )));
                }
                None if link.last_chunk + self.config.keepalive_interval <= now => {
                    link.probe_deadline = Some(now + self.config.keepalive_timeout);
                    if let Ok(outputs) = self.arp.send(&Frame::new(RequestConnectionAck::new())) {
                        return self.outputs(link, outputs);
                    }
                }
                _ => {}
            }
        }
        None
    }

    fn actions(&mut self, link: &mut Link, actions: Vec<Action>, attempt: &mut u32) -> Option<End> {
        for action in actions {
            match action {
                Action::Send(frame) => link.send(frame, None),
                Action::Event(event) => {
                    if let Some(end) = self.signaling_event(link, event, attempt) {
                        return Some(end);
                    }
                }
                Action::Close { code, error } => {
                    link.close(code);
                    return Some(match error {
                        None => End::Closed("closed".into()),
                        Some(SignalingError::PeerClosed { reason }) => {
                            End::Closed(format!("the other side closed the connection ({reason})"))
                        }
                        Some(error) => End::Lost(error.to_string()),
                    });
                }
            }
        }
        None
    }

    fn signaling_event(&mut self, link: &mut Link, event: Event, attempt: &mut u32) -> Option<End> {
        if !matches!(event, Event::Data(_)) {
            tracing::debug!(side = self.side(), ?event, "SaltyRTC event");
        }
        match event {
            Event::ServerHandshakeDone {
                server_key_verified,
                ref peers,
                ..
            } => {
                // A responder starts its peer handshake at once when the initiator is there;
                // it must end in time (see `Event::NewInitiator`).
                link.handshake_deadline = (self.is_responder() && !peers.is_empty())
                    .then(|| Instant::now() + self.config.handshake_timeout);
                self.set_state(SessionState::WaitingForPeer);
                self.emit(SessionEvent::ServerConnected {
                    server_key_verified,
                });
                None
            }
            Event::PeerHandshakeDone {
                permanent_key,
                connection_id,
                ..
            } => {
                self.role.trust(permanent_key);
                link.connection_id = Some(connection_id);
                link.stalled = false;
                link.handshake_deadline = Some(Instant::now() + self.config.handshake_timeout);
                link.last_chunk = Instant::now();
                link.probe_deadline = None;
                self.set_state(SessionState::Handshaking);
                self.emit(SessionEvent::PeerConnected {
                    peer_public_key: permanent_key,
                    connection_id,
                });
                *attempt = 1;
                let outputs = self.arp.connected(connection_id);
                self.outputs(link, outputs)
            }
            Event::Disconnected { was_peer: true, .. }
            | Event::SendError { was_peer: true, .. } => {
                link.handshake_deadline = None;
                link.probe_deadline = None;
                link.connection_id = None;
                let outputs = self.arp.disconnected();
                self.offline_outputs(outputs);
                self.emit(SessionEvent::Disconnected {
                    reason: "the other side left the server".into(),
                });
                self.set_state(SessionState::WaitingForPeer);
                None
            }
            Event::NewInitiator => {
                // The responder's handshake with the new initiator must end in time: a server
                // that stopped relaying our messages (saltyrtc-server 5.0.1 on Python 3.8+
                // does after an initiator left mid-relay) is only recovered by reconnecting.
                link.handshake_deadline = Some(Instant::now() + self.config.handshake_timeout);
                if self.arp.resumption().is_connected() {
                    let outputs = self.arp.disconnected();
                    self.offline_outputs(outputs);
                    self.emit(SessionEvent::Disconnected {
                        reason: "a new initiator replaced the previous one".into(),
                    });
                }
                None
            }
            Event::ResponderDropped {
                address,
                reason,
                error,
            } => {
                self.emit(SessionEvent::ResponderDropped {
                    address,
                    reason,
                    error: error.map(|e| e.to_string()),
                });
                None
            }
            Event::Data(Payload::Bytes(chunk)) => {
                link.last_chunk = Instant::now();
                link.probe_deadline = None;
                self.count_incoming(&chunk);
                let outputs = self.arp.receive_chunk(&chunk);
                self.outputs(link, outputs)
            }
            Event::Data(Payload::Other(_)) => {
                self.emit(SessionEvent::InvalidMessage {
                    error: "a data message whose payload is not bytes".into(),
                });
                None
            }
            Event::Application(_) => {
                tracing::debug!("ignored an application message (ARP does not use them)");
                None
            }
            Event::Warning(warning) => {
                tracing::debug!(%warning, "SaltyRTC");
                None
            }
            Event::Disconnected { .. } if self.is_responder() => {
                // The initiator left during the handshake: wait for the next one.
                link.handshake_deadline = None;
                None
            }
            Event::NewResponder { .. }
            | Event::Disconnected { .. }
            | Event::SendError { .. }
            | Event::PeerClosed { .. } => None,
        }
    }

    fn outputs(&mut self, link: &mut Link, outputs: Vec<Output>) -> Option<End> {
        for output in outputs {
            if let Some(end) = self.output(Some(link), output) {
                return Some(end);
            }
        }
        if std::mem::take(&mut self.renew) {
            let outputs = self.renew_subscriptions();
            return self.outputs(link, outputs);
        }
        None
    }

    fn output(&mut self, link: Option<&mut Link>, output: Output) -> Option<End> {
        if !matches!(output, Output::Transmit(_) | Output::Message(_)) {
            tracing::debug!(side = self.side(), ?output, "ARP connection");
        }
        match output {
            Output::Transmit(chunk) => {
                let link = link?;
                if link.stalled {
                    return None;
                }
                let progress = self.outgoing_progress(&chunk);
                match link.signaling.send_data(&chunk) {
                    Ok(frame) => link.send(frame, progress),
                    Err(error) => return Some(End::Lost(error.to_string())),
                }
                None
            }
            Output::Message(frame) => {
                if let ArpMessage::UpdateConnectionDisconnect(disconnect) = &frame.message {
                    let reason = format!(
                        "the other side ended the session ({})",
                        disconnect.data.reason.as_str()
                    );
                    if let Some(link) = link {
                        for action in link.signaling.close(CloseCode::GoingAway) {
                            match action {
                                Action::Send(frame) => link.send(frame, None),
                                Action::Close { code, .. } => link.close(code),
                                Action::Event(_) => {}
                            }
                        }
                    }
                    return Some(End::Closed(reason));
                }
                self.sink.push(Update::Message(Box::new(frame)));
                None
            }
            Output::Resumed { resent } => {
                // The event first: whoever sees the state change finds it in the stream.
                self.emit(SessionEvent::Resumed { resent });
                self.established(link);
                None
            }
            Output::NewSession { reason } => {
                let (discarded_chunks, failed_requests) = std::mem::take(&mut self.cleared);
                self.emit(SessionEvent::NewSession {
                    reason,
                    discarded_chunks,
                    failed_requests,
                });
                self.established(link);
                let after_reset = std::mem::take(&mut self.reset);
                if reason != NewSessionReason::FirstConnection || after_reset {
                    self.renew = true;
                }
                None
            }
            Output::CacheCleared {
                discarded,
                acks_failed,
            } => {
                self.cleared = (discarded, acks_failed);
                self.outgoing.clear();
                None
            }
            Output::InvalidMessage(error) => {
                self.emit(SessionEvent::InvalidMessage {
                    error: error.to_string(),
                });
                None
            }
            Output::Failed(error) => {
                if let Some(link) = link {
                    for action in link.signaling.close(CloseCode::ProtocolError) {
                        match action {
                            Action::Send(frame) => link.send(frame, None),
                            Action::Close { code, .. } => link.close(code),
                            Action::Event(_) => {}
                        }
                    }
                }
                Some(End::Reset(error.to_string()))
            }
        }
    }

    fn established(&mut self, link: Option<&mut Link>) {
        if let Some(link) = link {
            link.handshake_deadline = None;
            if let Some(connection_id) = link.connection_id {
                self.set_state(SessionState::Established { connection_id });
            }
        }
    }

    /// Sends the subscribing requests again after a full reconnect; their replies become
    /// updates. Returns the outputs to carry out.
    fn renew_subscriptions(&mut self) -> Vec<Output> {
        let mut all = Vec::new();
        for frame in self.resubscribe.clone() {
            let Ok((future, outputs)) = self.arp.request(frame) else {
                continue;
            };
            all.extend(outputs);
            let sink = Arc::clone(&self.sink);
            tokio::spawn(async move {
                if let Ok(frame) = future.await {
                    sink.push(Update::Message(Box::new(frame)));
                }
            });
        }
        all
    }

    fn outgoing_progress(&mut self, chunk: &[u8]) -> Option<(Arc<ProgressState>, u32, u64)> {
        if self.outgoing.is_empty() {
            return None;
        }
        let (header, payload) = ChunkHeader::parse(chunk).ok()?;
        let weak = self.outgoing.get(&header.message_id)?;
        match weak.upgrade() {
            Some(progress) => Some((progress, header.serial, payload.len() as u64)),
            None => {
                self.outgoing.remove(&header.message_id);
                None
            }
        }
    }

    fn count_incoming(&mut self, chunk: &[u8]) {
        if self.incoming.is_empty() && self.awaiting_incoming.is_empty() {
            return;
        }
        let Ok((header, payload)) = ChunkHeader::parse(chunk) else {
            return;
        };
        let single = header.end_of_message && header.serial == 0;
        let progress = match self.incoming.get(&header.message_id).map(Weak::upgrade) {
            Some(Some(progress)) => Some(progress),
            Some(None) => {
                self.incoming.remove(&header.message_id);
                None
            }
            None if !single => loop {
                // The first multi-chunk message after a download request is its answer.
                match self.awaiting_incoming.pop_front() {
                    Some(weak) => {
                        if let Some(progress) = weak.upgrade() {
                            self.incoming.insert(header.message_id, weak);
                            break Some(progress);
                        }
                    }
                    None => break None,
                }
            },
            None => None,
        };
        if let Some(progress) = progress {
            progress.add(header.serial, payload.len() as u64);
        }
    }
}

/// Receives the next frame; a close or failure becomes how the connection ended.
async fn recv(reader: &mut WsReader) -> std::result::Result<WsFrame, End> {
    reader.recv().await.map_err(|error| match error {
        transport_core::Error::Closed { code, reason } => closed_by_server(code, &reason),
        other => End::Lost(other.to_string()),
    })
}

/// What a close code from the server means for the session.
fn closed_by_server(code: u16, reason: &str) -> End {
    let close = CloseCode::from(code);
    let text = if reason.is_empty() {
        format!("the server closed the connection: {close}")
    } else {
        format!("the server closed the connection: {close}: {reason}")
    };
    match close {
        // Another initiator took the path, we were dropped, or our settings are wrong.
        CloseCode::DroppedByInitiator
        | CloseCode::InitiatorCouldNotDecrypt
        | CloseCode::InvalidKey
        | CloseCode::NoSharedTask => End::Fatal(text),
        _ => End::Lost(text),
    }
}

/// Writes frames in order; reports a failure once and ends.
async fn write_loop(
    mut writer: WsWriter,
    mut frames: mpsc::UnboundedReceiver<Outgoing>,
    failed: oneshot::Sender<String>,
) {
    let mut counted = Vec::new();
    while let Some(first) = frames.recv().await {
        let mut next = Some(first);
        let mut batch = 0usize;
        while let Some(item) = next.take() {
            match item {
                Outgoing::Frame { bytes, progress } => {
                    if let Err(error) = writer.feed(WsFrame::Binary(bytes)).await {
                        let _ = failed.send(error.to_string());
                        return;
                    }
                    counted.extend(progress);
                    batch += 1;
                    if batch < 32 {
                        next = frames.try_recv().ok();
                    }
                }
                Outgoing::Close(code) => {
                    let _ = writer.flush().await;
                    let _ = writer.close(code.code(), "").await;
                    return;
                }
            }
        }
        if let Err(error) = writer.flush().await {
            let _ = failed.send(error.to_string());
            return;
        }
        for (progress, serial, bytes) in counted.drain(..) {
            progress.add(serial, bytes);
        }
    }
    let _ = writer.flush().await;
}
