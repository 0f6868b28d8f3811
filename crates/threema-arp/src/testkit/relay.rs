//! [`LocalRelay`]: an in-process SaltyRTC server on `127.0.0.1` (plain `ws://`), built on the
//! sans-IO [`RelayServer`] and transport-core's [`FakeWsServer`].

use crate::saltyrtc::server::{ClientId, RelayServer, ServerOutput};
use crate::saltyrtc::{KEY_LENGTH, KeyPair};
use crate::session::ServerConfig;
use bytes::Bytes;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use tokio::sync::mpsc;
use transport_core::testkit::{FakeConnection, FakeWsServer};
use transport_core::ws::WsFrame;

enum LinkCommand {
    Send(Bytes),
    Close(u16),
    Abort,
}

#[derive(Default)]
struct Links {
    senders: BTreeMap<ClientId, mpsc::UnboundedSender<LinkCommand>>,
    /// Clients the server closed, with whether their leaving is announced.
    closing: BTreeMap<ClientId, bool>,
}

/// What happens to a relayed client-to-client frame on its way to the initiator or a
/// responder (see [`LocalRelay::tamper`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Tampered {
    /// Deliver it (possibly modified).
    Deliver,
    /// Swallow it: the receiver never sees it.
    Drop,
    /// Deliver it twice (a replay).
    Duplicate,
}

/// A hook over relayed frames: `(to_initiator, frame)`.
type Tamper = Box<dyn FnMut(bool, &mut Vec<u8>) -> Tampered + Send>;

struct State {
    relay: RelayServer,
    links: Links,
    tamper: Option<Tamper>,
    initiators: std::collections::BTreeSet<ClientId>,
}

/// A SaltyRTC server in the test process: authenticates clients, relays their messages and
/// announces arrivals and departures as the protocol text asks (see
/// [`RelayServer`]), over real WebSocket connections on `127.0.0.1`. Faster to start than the
/// real server and able to cut every connection at once ([`LocalRelay::cut_all`]). Stops when
/// dropped.
pub struct LocalRelay {
    server: FakeWsServer,
    state: Arc<Mutex<State>>,
    public_key: [u8; KEY_LENGTH],
}

impl fmt::Debug for LocalRelay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LocalRelay")
            .field("addr", &self.server.addr())
            .finish_non_exhaustive()
    }
}

impl LocalRelay {
    /// Starts a relay with a fresh permanent key on a free port.
    ///
    /// # Errors
    ///
    /// The bind error.
    pub async fn start() -> std::io::Result<Self> {
        let permanent = KeyPair::generate();
        let public_key = *permanent.public_key();
        let state = Arc::new(Mutex::new(State {
            relay: RelayServer::new(permanent),
            links: Links::default(),
            tamper: None,
            initiators: std::collections::BTreeSet::new(),
        }));
        let shared = Arc::clone(&state);
        let server = FakeWsServer::start(move |conn| serve(Arc::clone(&shared), conn)).await?;
        Ok(Self {
            server,
            state,
            public_key,
        })
    }

    /// How clients reach this relay (plain `ws://`, the key pinned).
    pub fn server_config(&self) -> ServerConfig {
        ServerConfig::new("127.0.0.1", self.server.addr().port())
            .insecure()
            .with_public_key(self.public_key)
    }

    /// The relay's permanent public key.
    pub fn public_key(&self) -> [u8; KEY_LENGTH] {
        self.public_key
    }

    /// The number of WebSocket connections accepted so far.
    pub fn connections(&self) -> usize {
        self.server.connections()
    }

    /// The number of client-to-client messages relayed so far.
    pub fn relayed(&self) -> u64 {
        lock(&self.state).relay.relayed()
    }

    /// Puts `hook` on every relayed client-to-client frame (not on server messages): it may
    /// modify the bytes, swallow the frame or replay it. `to_initiator` tells the direction.
    /// For injecting violations (a changed cookie, a repeated or skipped sequence number) and
    /// for a peer that stops answering. Replaces any earlier hook.
    pub fn tamper(&self, hook: impl FnMut(bool, &mut Vec<u8>) -> Tampered + Send + 'static) {
        lock(&self.state).tamper = Some(Box::new(hook));
    }

    /// Removes the hook.
    pub fn stop_tampering(&self) {
        lock(&self.state).tamper = None;
    }

    /// Drops every open connection abruptly (no close frame), as a network failure would.
    pub fn cut_all(&self) {
        let state = lock(&self.state);
        for sender in state.links.senders.values() {
            let _ = sender.send(LinkCommand::Abort);
        }
    }
}

fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    state.lock().unwrap_or_else(PoisonError::into_inner)
}

fn dispatch(state: &Mutex<State>, outputs: Vec<ServerOutput>) {
    let mut state = lock(state);
    for output in outputs {
        match output {
            ServerOutput::Send { client, frame } => {
                let relayed = frame.len() > 17 && frame[16] != 0;
                let to_initiator = state.initiators.contains(&client);
                let mut frames = vec![frame];
                if relayed && let Some(tamper) = state.tamper.as_mut() {
                    let mut bytes = frames[0].to_vec();
                    frames = match tamper(to_initiator, &mut bytes) {
                        Tampered::Deliver => vec![Bytes::from(bytes)],
                        Tampered::Drop => Vec::new(),
                        Tampered::Duplicate => {
                            let bytes = Bytes::from(bytes);
                            vec![bytes.clone(), bytes]
                        }
                    };
                }
                if let Some(sender) = state.links.senders.get(&client) {
                    for frame in frames {
                        let _ = sender.send(LinkCommand::Send(frame));
                    }
                }
            }
            ServerOutput::Close {
                client,
                code,
                announce,
            } => {
                state.links.closing.insert(client, announce);
                if let Some(sender) = state.links.senders.get(&client) {
                    let _ = sender.send(LinkCommand::Close(code.code()));
                }
            }
        }
    }
}

enum Ending {
    Gone,
    Close(u16),
    Abort,
}

async fn serve(state: Arc<Mutex<State>>, mut conn: FakeConnection) {
    let path = conn.upgrade_request().path.clone();
    let (sender, mut commands) = mpsc::unbounded_channel();
    let (id, outputs) = {
        let mut guard = lock(&state);
        let (id, outputs) = guard.relay.connect(&path);
        guard.links.senders.insert(id, sender);
        (id, outputs)
    };
    dispatch(&state, outputs);
    let ending = loop {
        tokio::select! {
            frame = conn.recv() => match frame {
                Some(frame) => {
                    let outputs = {
                        let mut guard = lock(&state);
                        let outputs = guard.relay.receive(id, frame.as_bytes());
                        if guard.relay.is_initiator(id) {
                            guard.initiators.insert(id);
                        }
                        outputs
                    };
                    dispatch(&state, outputs);
                }
                None => break Ending::Gone,
            },
            command = commands.recv() => match command {
                Some(LinkCommand::Send(bytes)) => {
                    if conn.send(WsFrame::binary(bytes)).await.is_err() {
                        break Ending::Gone;
                    }
                }
                Some(LinkCommand::Close(code)) => break Ending::Close(code),
                Some(LinkCommand::Abort) | None => break Ending::Abort,
            },
        }
    };
    let announce = {
        let mut guard = lock(&state);
        guard.links.senders.remove(&id);
        guard.initiators.remove(&id);
        guard.links.closing.remove(&id).unwrap_or(true)
    };
    let outputs = lock(&state).relay.disconnected(id, announce);
    dispatch(&state, outputs);
    match ending {
        Ending::Close(code) => conn.close(code, "").await,
        Ending::Abort => conn.abort(),
        Ending::Gone => {}
    }
}
