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

struct State {
    relay: RelayServer,
    links: Links,
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
                if let Some(sender) = state.links.senders.get(&client) {
                    let _ = sender.send(LinkCommand::Send(frame));
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
                    let outputs = lock(&state).relay.receive(id, frame.as_bytes());
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
