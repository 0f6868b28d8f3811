//! The initiator and responder state machines against each other, through the sans-IO
//! [`RelayServer`], in memory: handshakes, trust, failures, and injected nonce, cookie and CSN
//! violations.

use super::server::{ClientId, RelayServer, ServerOutput};
use super::*;
use crate::qr::AuthToken;
use bytes::Bytes;
use std::collections::VecDeque;
use std::time::Duration;
use tokio::time::Instant;

/// One client of the network.
struct Node {
    id: ClientId,
    sig: Signaling,
    events: Vec<Event>,
    /// How the connection ended: the code we closed with, or the server closed us with.
    closed: Option<CloseCode>,
    error: Option<SignalingError>,
}

enum Hop {
    ToServer(ClientId, Bytes),
    ToClient(ClientId, Bytes),
}

type Tamper = Box<dyn FnMut(ClientId, &mut Vec<u8>) -> bool>;

/// Clients and a server, with frames in flight and an optional tamperer that may modify or
/// swallow (return false) frames on their way to a client.
struct Net {
    server: RelayServer,
    nodes: Vec<Node>,
    queue: VecDeque<Hop>,
    now: Instant,
    tamper: Option<Tamper>,
    log: Vec<(ClientId, Bytes)>,
}

impl Net {
    fn new() -> Self {
        Self {
            server: RelayServer::new(KeyPair::generate()),
            nodes: Vec::new(),
            queue: VecDeque::new(),
            now: Instant::now(),
            tamper: None,
            log: Vec::new(),
        }
    }

    fn server_key(&self) -> [u8; 32] {
        *self.server.public_key()
    }

    /// Connects a client to the initiator's path; returns its index.
    fn join(&mut self, sig: Signaling, initiator_key: &[u8; 32]) -> usize {
        let (id, outputs) = self.server.connect(&Signaling::path(initiator_key));
        self.nodes.push(Node {
            id,
            sig,
            events: Vec::new(),
            closed: None,
            error: None,
        });
        self.server_outputs(outputs);
        self.run();
        self.nodes.len() - 1
    }

    fn node(&mut self, id: ClientId) -> Option<&mut Node> {
        self.nodes.iter_mut().find(|n| n.id == id)
    }

    fn server_outputs(&mut self, outputs: Vec<ServerOutput>) {
        for output in outputs {
            match output {
                ServerOutput::Send { client, frame } => {
                    self.queue.push_back(Hop::ToClient(client, frame));
                }
                ServerOutput::Close {
                    client,
                    code,
                    announce,
                } => {
                    if let Some(node) = self.node(client)
                        && node.closed.is_none()
                    {
                        node.closed = Some(code);
                        node.sig.connection_lost();
                    }
                    let more = self.server.disconnected(client, announce);
                    self.server_outputs(more);
                }
            }
        }
    }

    fn actions(&mut self, index: usize, actions: Vec<Action>) {
        let id = self.nodes[index].id;
        for action in actions {
            match action {
                // The link to the server is in order and immediate: a frame sent before a
                // close arrives before the close.
                Action::Send(frame) => {
                    let outputs = self.server.receive(id, &frame);
                    self.server_outputs(outputs);
                }
                Action::Event(event) => self.nodes[index].events.push(event),
                Action::Close { code, error } => {
                    let node = &mut self.nodes[index];
                    if node.closed.is_none() {
                        node.closed = Some(code);
                        node.error = error;
                    }
                    let more = self.server.disconnected(id, true);
                    self.server_outputs(more);
                }
            }
        }
    }

    /// Delivers everything in flight.
    fn run(&mut self) {
        while let Some(hop) = self.queue.pop_front() {
            match hop {
                Hop::ToServer(id, frame) => {
                    if self.node(id).is_some_and(|n| n.closed.is_some()) {
                        continue;
                    }
                    let outputs = self.server.receive(id, &frame);
                    self.server_outputs(outputs);
                }
                Hop::ToClient(id, frame) => {
                    let Some(index) = self.nodes.iter().position(|n| n.id == id) else {
                        continue;
                    };
                    if self.nodes[index].closed.is_some() {
                        continue;
                    }
                    let mut bytes = frame.to_vec();
                    if let Some(tamper) = self.tamper.as_mut()
                        && !tamper(id, &mut bytes)
                    {
                        continue;
                    }
                    self.log.push((id, Bytes::from(bytes.clone())));
                    let now = self.now;
                    let actions = self.nodes[index].sig.handle_frame(&bytes, now);
                    self.actions(index, actions);
                }
            }
        }
    }

    fn advance(&mut self, by: Duration) {
        self.now += by;
        for index in 0..self.nodes.len() {
            if self.nodes[index].closed.is_some() {
                continue;
            }
            let now = self.now;
            let actions = self.nodes[index].sig.handle_timeout(now);
            self.actions(index, actions);
        }
        self.run();
    }

    fn send_data(&mut self, index: usize, payload: &[u8]) {
        let frame = self.nodes[index].sig.send_data(payload).unwrap();
        let id = self.nodes[index].id;
        self.queue.push_back(Hop::ToServer(id, frame));
        self.run();
    }

    fn events(&self, index: usize) -> &[Event] {
        &self.nodes[index].events
    }

    fn handshake(&self, index: usize) -> Option<(u8, [u8; 32], ConnectionIdBytes)> {
        self.events(index).iter().rev().find_map(|e| match e {
            Event::PeerHandshakeDone {
                address,
                permanent_key,
                connection_id,
                ..
            } => Some((*address, *permanent_key, *connection_id.as_bytes())),
            _ => None,
        })
    }

    fn data(&self, index: usize) -> Vec<Vec<u8>> {
        self.events(index)
            .iter()
            .filter_map(|e| match e {
                Event::Data(Payload::Bytes(b)) => Some(b.to_vec()),
                _ => None,
            })
            .collect()
    }
}

type ConnectionIdBytes = [u8; 16];

struct Pair {
    net: Net,
    initiator: usize,
    responder: usize,
    initiator_key: KeyPair,
    responder_key: KeyPair,
}

fn initiator_config(key: &KeyPair, token: &AuthToken, server: [u8; 32]) -> InitiatorConfig {
    let mut config = InitiatorConfig::with_token(key.clone(), token.clone());
    config.server_public_key = Some(server);
    config
}

fn responder_config(
    key: &KeyPair,
    initiator: &KeyPair,
    token: Option<AuthToken>,
    server: [u8; 32],
) -> ResponderConfig {
    let mut config = ResponderConfig::new(key.clone(), *initiator.public_key(), token);
    config.server_public_key = Some(server);
    config
}

/// Initiator first, then a responder with the right token.
fn paired() -> Pair {
    let mut net = Net::new();
    let server = net.server_key();
    let initiator_key = KeyPair::generate();
    let responder_key = KeyPair::generate();
    let token = AuthToken::generate();
    let sig = Signaling::initiator(initiator_config(&initiator_key, &token, server)).unwrap();
    let initiator = net.join(sig, initiator_key.public_key());
    let sig = Signaling::responder(responder_config(
        &responder_key,
        &initiator_key,
        Some(token),
        server,
    ))
    .unwrap();
    let responder = net.join(sig, initiator_key.public_key());
    Pair {
        net,
        initiator,
        responder,
        initiator_key,
        responder_key,
    }
}

#[test]
fn full_handshake_with_a_token_and_data_both_ways() {
    let Pair {
        mut net,
        initiator,
        responder,
        initiator_key,
        responder_key,
    } = paired();
    assert!(matches!(
        net.events(initiator)[0],
        Event::ServerHandshakeDone {
            address: 0x01,
            server_key_verified: true,
            ref peers,
        } if peers.is_empty()
    ));
    assert!(matches!(
        net.events(responder)[0],
        Event::ServerHandshakeDone {
            address: 0x02,
            server_key_verified: true,
            ref peers,
        } if peers == &[0x01]
    ));
    let (address, key, id_i) = net.handshake(initiator).expect("initiator done");
    assert_eq!((address, key), (0x02, *responder_key.public_key()));
    let (address, key, id_r) = net.handshake(responder).expect("responder done");
    assert_eq!((address, key), (0x01, *initiator_key.public_key()));
    assert_eq!(id_i, id_r, "both derive the same connection ID");
    assert_eq!(net.nodes[initiator].sig.phase(), Phase::Task);
    assert_eq!(net.nodes[responder].sig.phase(), Phase::Task);

    net.send_data(initiator, b"to the app");
    net.send_data(responder, b"to the client");
    net.send_data(responder, b"again");
    assert_eq!(net.data(responder), [b"to the app".to_vec()]);
    assert_eq!(
        net.data(initiator),
        [b"to the client".to_vec(), b"again".to_vec()]
    );
    assert!(net.nodes.iter().all(|n| n.closed.is_none()));
}

#[test]
fn responder_first_then_the_initiator_arrives() {
    let mut net = Net::new();
    let server = net.server_key();
    let initiator_key = KeyPair::generate();
    let token = AuthToken::generate();
    let sig = Signaling::responder(responder_config(
        &KeyPair::generate(),
        &initiator_key,
        Some(token.clone()),
        server,
    ))
    .unwrap();
    let responder = net.join(sig, initiator_key.public_key());
    assert_eq!(net.nodes[responder].sig.phase(), Phase::PeerHandshake);
    let sig = Signaling::initiator(initiator_config(&initiator_key, &token, server)).unwrap();
    let initiator = net.join(sig, initiator_key.public_key());
    assert!(net.events(responder).contains(&Event::NewInitiator));
    assert!(net.handshake(initiator).is_some());
    assert!(net.handshake(responder).is_some());
}

#[test]
fn a_responder_message_relayed_before_server_auth_is_kept_until_then() {
    // saltyrtc-server may relay the responder's `key` ahead of the initiator's `server-auth`.
    let mut net = Net::new();
    let server = net.server_key();
    let initiator_key = KeyPair::generate();
    let responder_key = KeyPair::generate();
    let responder = net.join(
        Signaling::responder(responder_config(
            &responder_key,
            &initiator_key,
            None,
            server,
        ))
        .unwrap(),
        initiator_key.public_key(),
    );
    let held = std::rc::Rc::new(std::cell::RefCell::new(None::<Bytes>));
    let holder = held.clone();
    let initiator_id = ClientId(1);
    let mut once = true;
    net.tamper = Some(Box::new(move |id, bytes| {
        // Hold the server-auth (from 0x00 to 0x01) back once.
        if once && id == initiator_id && bytes[16] == 0 && bytes[17] == 1 {
            once = false;
            *holder.borrow_mut() = Some(Bytes::from(bytes.clone()));
            return false;
        }
        true
    }));
    let mut config =
        InitiatorConfig::with_trusted_responder(initiator_key.clone(), *responder_key.public_key());
    config.server_public_key = Some(server);
    let initiator = net.join(
        Signaling::initiator(config).unwrap(),
        initiator_key.public_key(),
    );
    assert_eq!(net.nodes[initiator].id, initiator_id);
    assert!(
        net.handshake(initiator).is_none(),
        "the key arrived first and waits"
    );
    let server_auth = held.borrow_mut().take().expect("held");
    net.queue
        .push_back(Hop::ToClient(initiator_id, server_auth));
    net.run();
    assert!(net.handshake(initiator).is_some());
    assert!(net.handshake(responder).is_some());
}

#[test]
fn a_wrong_token_drops_the_responder_with_3005_and_a_good_one_pairs_after_the_pause() {
    let mut net = Net::new();
    let server = net.server_key();
    let initiator_key = KeyPair::generate();
    let token = AuthToken::generate();
    let sig = Signaling::initiator(initiator_config(&initiator_key, &token, server)).unwrap();
    let initiator = net.join(sig, initiator_key.public_key());

    let wrong = Signaling::responder(responder_config(
        &KeyPair::generate(),
        &initiator_key,
        Some(AuthToken::generate()),
        server,
    ))
    .unwrap();
    let bad = net.join(wrong, initiator_key.public_key());
    assert_eq!(
        net.nodes[bad].closed,
        Some(CloseCode::InitiatorCouldNotDecrypt)
    );
    let dropped = net.events(initiator).iter().find_map(|e| match e {
        Event::ResponderDropped {
            address,
            reason,
            error,
        } => Some((*address, *reason, error.clone())),
        _ => None,
    });
    let (address, reason, error) = dropped.expect("dropped");
    assert_eq!(
        (address, reason),
        (0x02, CloseCode::InitiatorCouldNotDecrypt)
    );
    assert!(matches!(error, Some(SignalingError::Decrypt { .. })));
    assert_eq!(net.nodes[initiator].sig.phase(), Phase::PeerHandshake);

    // The next attempt waits for the one-second pause.
    let good = Signaling::responder(responder_config(
        &KeyPair::generate(),
        &initiator_key,
        Some(token),
        server,
    ))
    .unwrap();
    let good = net.join(good, initiator_key.public_key());
    assert!(net.handshake(good).is_none(), "held back during the pause");
    assert_eq!(
        net.nodes[initiator].sig.poll_timeout(),
        Some(net.now + HANDSHAKE_COOLDOWN)
    );
    net.advance(HANDSHAKE_COOLDOWN);
    assert!(net.handshake(initiator).is_some());
    assert!(net.handshake(good).is_some());
}

#[test]
fn a_trusted_responder_reconnects_without_a_token() {
    let mut pair = paired();
    let (_, responder_key, first_id) = pair.net.handshake(pair.initiator).unwrap();
    // The responder goes away; the server says so.
    let id = pair.net.nodes[pair.responder].id;
    pair.net.nodes[pair.responder].closed = Some(CloseCode::GoingAway);
    let outputs = pair.net.server.disconnected(id, true);
    pair.net.server_outputs(outputs);
    pair.net.run();
    assert!(
        pair.net
            .events(pair.initiator)
            .contains(&Event::Disconnected {
                address: 0x02,
                was_peer: true
            })
    );
    assert_eq!(
        pair.net.nodes[pair.initiator].sig.phase(),
        Phase::PeerHandshake
    );

    // It comes back without a token: the initiator trusts its key now.
    let server = pair.net.server_key();
    let sig = Signaling::responder(responder_config(
        &pair.responder_key,
        &pair.initiator_key,
        None,
        server,
    ))
    .unwrap();
    let again = pair.net.join(sig, pair.initiator_key.public_key());
    let (_, key, second_id) = pair.net.handshake(pair.initiator).unwrap();
    assert_eq!(key, responder_key);
    assert_ne!(second_id, first_id, "new session keys, new connection ID");
    assert_eq!(pair.net.handshake(again).unwrap().2, second_id);
    // No token message travelled: the responder's first message was its key.
    let tokens = pair.net.nodes[pair.initiator]
        .events
        .iter()
        .filter(|e| matches!(e, Event::ResponderDropped { .. }))
        .count();
    assert_eq!(tokens, 0);
}

#[test]
fn a_new_initiator_trusting_the_responder_and_the_responder_without_token() {
    let mut net = Net::new();
    let server = net.server_key();
    let initiator_key = KeyPair::generate();
    let responder_key = KeyPair::generate();
    let mut config =
        InitiatorConfig::with_trusted_responder(initiator_key.clone(), *responder_key.public_key());
    config.server_public_key = Some(server);
    let initiator = net.join(
        Signaling::initiator(config).unwrap(),
        initiator_key.public_key(),
    );
    let responder = net.join(
        Signaling::responder(responder_config(
            &responder_key,
            &initiator_key,
            None,
            server,
        ))
        .unwrap(),
        initiator_key.public_key(),
    );
    assert!(net.handshake(initiator).is_some());
    assert!(net.handshake(responder).is_some());
}

#[test]
fn a_late_disconnected_about_a_replaced_initiator_does_not_stop_the_new_handshake() {
    // saltyrtc-server sends `disconnected` for a replaced initiator when its connection has
    // finished closing, which can be after the `new-initiator` of its successor.
    let mut pair = paired();
    let server = pair.net.server_key();
    let responder_id = pair.net.nodes[pair.responder].id;
    let mut held = Vec::new();
    let mut holding = true;
    let shared = std::rc::Rc::new(std::cell::RefCell::new(Vec::<Bytes>::new()));
    let sink = shared.clone();
    pair.net.tamper = Some(Box::new(move |id, bytes| {
        // Hold back the new initiator's first message to the responder (its `key`).
        if holding && id == responder_id && bytes[16] == 0x01 {
            holding = false;
            sink.borrow_mut().push(Bytes::from(bytes.clone()));
            return false;
        }
        true
    }));
    let mut config = InitiatorConfig::with_trusted_responder(
        pair.initiator_key.clone(),
        *pair.responder_key.public_key(),
    );
    config.server_public_key = Some(server);
    let second = pair.net.join(
        Signaling::initiator(config).unwrap(),
        pair.initiator_key.public_key(),
    );
    held.extend(shared.borrow_mut().drain(..));
    assert_eq!(held.len(), 1, "the new initiator's key was held");
    assert!(
        pair.net
            .events(pair.responder)
            .contains(&Event::NewInitiator)
    );
    // Now the late news about the old initiator, then the held key.
    let outputs = pair.net.server.announce_disconnected(responder_id, 0x01);
    pair.net.server_outputs(outputs);
    pair.net.run();
    assert!(
        pair.net
            .events(pair.responder)
            .iter()
            .any(|e| matches!(e, Event::Warning(w) if w.contains("replaced")))
    );
    pair.net
        .queue
        .push_back(Hop::ToClient(responder_id, held.remove(0)));
    pair.net.run();
    let (_, key, id) = pair.net.handshake(second).expect("the new pair is up");
    assert_eq!(key, *pair.responder_key.public_key());
    assert_eq!(
        pair.net
            .events(pair.responder)
            .iter()
            .filter(|e| matches!(e, Event::PeerHandshakeDone { .. }))
            .count(),
        2
    );
    assert_eq!(pair.net.handshake(pair.responder).unwrap().2, id);

    // A second `disconnected` is real news: the initiator is gone.
    let outputs = pair.net.server.announce_disconnected(responder_id, 0x01);
    pair.net.server_outputs(outputs);
    pair.net.run();
    assert!(
        pair.net
            .events(pair.responder)
            .contains(&Event::Disconnected {
                address: 0x01,
                was_peer: true
            })
    );
}

#[test]
fn a_late_disconnected_about_an_earlier_responder_does_not_stop_the_new_handshake() {
    // saltyrtc-server frees a responder's address before it announces the departure: the
    // news can arrive after a new responder took the address.
    let mut net = Net::new();
    let server = net.server_key();
    let initiator_key = KeyPair::generate();
    let responder_key = KeyPair::generate();
    let mut config =
        InitiatorConfig::with_trusted_responder(initiator_key.clone(), *responder_key.public_key());
    config.server_public_key = Some(server);
    let initiator = net.join(
        Signaling::initiator(config).unwrap(),
        initiator_key.public_key(),
    );
    let initiator_id = net.nodes[initiator].id;
    let shared = std::rc::Rc::new(std::cell::RefCell::new(Vec::<Bytes>::new()));
    let sink = shared.clone();
    let mut holding = true;
    net.tamper = Some(Box::new(move |id, bytes| {
        // Hold back the responder's first message to the initiator (its `key`).
        if holding && id == initiator_id && bytes[16] == 0x02 {
            holding = false;
            sink.borrow_mut().push(Bytes::from(bytes.clone()));
            return false;
        }
        true
    }));
    let responder = net.join(
        Signaling::responder(responder_config(
            &responder_key,
            &initiator_key,
            None,
            server,
        ))
        .unwrap(),
        initiator_key.public_key(),
    );
    let held = shared.borrow_mut().pop().expect("the key was held");
    assert!(
        net.events(initiator)
            .contains(&Event::NewResponder { address: 0x02 })
    );
    let outputs = net.server.announce_disconnected(initiator_id, 0x02);
    net.server_outputs(outputs);
    net.run();
    assert!(net.events(initiator).contains(&Event::Disconnected {
        address: 0x02,
        was_peer: false
    }));
    net.queue.push_back(Hop::ToClient(initiator_id, held));
    net.run();
    let (address, key, id) = net
        .handshake(initiator)
        .unwrap_or_else(|| panic!("{:?} / {:?}", net.events(initiator), net.events(responder)));
    assert_eq!((address, key), (0x02, *responder_key.public_key()));
    assert_eq!(net.handshake(responder).unwrap().2, id);
}

#[test]
fn a_late_disconnected_about_an_initiator_gone_before_we_joined_does_not_stop_the_handshake() {
    // The old initiator left the path before this responder joined (so server-auth said no
    // initiator), but saltyrtc-server announced its departure only after the new initiator's
    // `new-initiator`: the news is stale and the handshake in progress must go on.
    let mut net = Net::new();
    let server = net.server_key();
    let initiator_key = KeyPair::generate();
    let responder_key = KeyPair::generate();
    let responder = net.join(
        Signaling::responder(responder_config(
            &responder_key,
            &initiator_key,
            None,
            server,
        ))
        .unwrap(),
        initiator_key.public_key(),
    );
    let responder_id = net.nodes[responder].id;
    let shared = std::rc::Rc::new(std::cell::RefCell::new(Vec::<Bytes>::new()));
    let sink = shared.clone();
    let mut holding = true;
    net.tamper = Some(Box::new(move |id, bytes| {
        // Hold back the initiator's first message to the responder (its `key`).
        if holding && id == responder_id && bytes[16] == 0x01 {
            holding = false;
            sink.borrow_mut().push(Bytes::from(bytes.clone()));
            return false;
        }
        true
    }));
    let mut config =
        InitiatorConfig::with_trusted_responder(initiator_key.clone(), *responder_key.public_key());
    config.server_public_key = Some(server);
    let initiator = net.join(
        Signaling::initiator(config).unwrap(),
        initiator_key.public_key(),
    );
    let held = shared.borrow_mut().pop().expect("the key was held");
    assert!(net.events(responder).contains(&Event::NewInitiator));
    let outputs = net.server.announce_disconnected(responder_id, 0x01);
    net.server_outputs(outputs);
    net.run();
    assert!(net.events(responder).contains(&Event::Disconnected {
        address: 0x01,
        was_peer: false
    }));
    net.queue.push_back(Hop::ToClient(responder_id, held));
    net.run();
    let (address, key, id) = net
        .handshake(responder)
        .unwrap_or_else(|| panic!("{:?} / {:?}", net.events(responder), net.events(initiator)));
    assert_eq!((address, key), (0x01, *initiator_key.public_key()));
    assert_eq!(net.handshake(initiator).unwrap().2, id);
}

#[test]
fn a_token_where_a_key_is_expected_is_3005() {
    let mut net = Net::new();
    let server = net.server_key();
    let initiator_key = KeyPair::generate();
    let responder_key = KeyPair::generate();
    let mut config =
        InitiatorConfig::with_trusted_responder(initiator_key.clone(), *responder_key.public_key());
    config.server_public_key = Some(server);
    let initiator = net.join(
        Signaling::initiator(config).unwrap(),
        initiator_key.public_key(),
    );
    let responder = net.join(
        Signaling::responder(responder_config(
            &responder_key,
            &initiator_key,
            Some(AuthToken::generate()),
            server,
        ))
        .unwrap(),
        initiator_key.public_key(),
    );
    assert_eq!(
        net.nodes[responder].closed,
        Some(CloseCode::InitiatorCouldNotDecrypt)
    );
    assert!(net.handshake(initiator).is_none());
}

#[test]
fn an_unknown_server_key_is_refused_by_the_server() {
    let mut net = Net::new();
    let initiator_key = KeyPair::generate();
    let token = AuthToken::generate();
    let other = *KeyPair::generate().public_key();
    let sig = Signaling::initiator(initiator_config(&initiator_key, &token, other)).unwrap();
    let initiator = net.join(sig, initiator_key.public_key());
    assert_eq!(net.nodes[initiator].closed, Some(CloseCode::InvalidKey));
}

#[test]
fn no_shared_task_closes_with_3006() {
    let mut net = Net::new();
    let server = net.server_key();
    let initiator_key = KeyPair::generate();
    let token = AuthToken::generate();
    let initiator = net.join(
        Signaling::initiator(initiator_config(&initiator_key, &token, server)).unwrap(),
        initiator_key.public_key(),
    );
    let mut config = responder_config(&KeyPair::generate(), &initiator_key, Some(token), server);
    config.tasks = vec!["v1.webrtc.tasks.saltyrtc.org".into()];
    let responder = net.join(
        Signaling::responder(config).unwrap(),
        initiator_key.public_key(),
    );
    assert_eq!(net.nodes[initiator].closed, Some(CloseCode::GoingAway));
    assert!(matches!(
        net.nodes[initiator].error,
        Some(SignalingError::NoSharedTask { ref offered }) if offered == &["v1.webrtc.tasks.saltyrtc.org"]
    ));
    assert!(net.events(responder).contains(&Event::PeerClosed {
        reason: CloseCode::NoSharedTask
    }));
    assert_eq!(net.nodes[responder].closed, Some(CloseCode::NormalClosure));
}

#[test]
fn close_reaches_the_peer_and_application_messages_surface() {
    let mut pair = paired();
    let frame = pair.net.nodes[pair.responder]
        .sig
        .send_application(rmpv::Value::from("hello"))
        .unwrap();
    let id = pair.net.nodes[pair.responder].id;
    pair.net.queue.push_back(Hop::ToServer(id, frame));
    pair.net.run();
    assert!(
        pair.net
            .events(pair.initiator)
            .contains(&Event::Application(rmpv::Value::from("hello")))
    );
    let actions = pair.net.nodes[pair.initiator]
        .sig
        .close(CloseCode::GoingAway);
    pair.net.actions(pair.initiator, actions);
    pair.net.run();
    assert_eq!(
        pair.net.nodes[pair.initiator].closed,
        Some(CloseCode::GoingAway)
    );
    assert!(
        pair.net
            .events(pair.responder)
            .contains(&Event::PeerClosed {
                reason: CloseCode::GoingAway
            })
    );
    assert_eq!(pair.net.nodes[pair.responder].sig.phase(), Phase::Closed);
    assert!(pair.net.nodes[pair.initiator].sig.send_data(b"x").is_err());
}

#[test]
fn send_error_when_the_peer_is_gone_before_the_server_says_so() {
    let mut pair = paired();
    let responder_id = pair.net.nodes[pair.responder].id;
    // The server loses the responder silently.
    let _ = pair.net.server.disconnected(responder_id, false);
    pair.net.nodes[pair.responder].closed = Some(CloseCode::GoingAway);
    pair.net.send_data(pair.initiator, b"lost");
    let send_error = pair
        .net
        .events(pair.initiator)
        .iter()
        .find_map(|e| match e {
            Event::SendError {
                destination,
                was_peer,
                ..
            } => Some((*destination, *was_peer)),
            _ => None,
        });
    assert_eq!(send_error, Some((0x02, true)));
    assert_eq!(
        pair.net.nodes[pair.initiator].sig.phase(),
        Phase::PeerHandshake
    );
}

#[test]
fn a_late_send_error_about_an_earlier_client_is_ignored() {
    let mut pair = paired();
    pair.net.send_data(pair.initiator, b"delivered");
    let initiator_id = pair.net.nodes[pair.initiator].id;
    // A send-error naming 0x01 → 0x02 with a CSN this initiator never used for it.
    let mut id = [0x01, 0x02, 0, 0, 0, 0, 0, 0];
    let sent = Nonce::parse(
        &pair
            .net
            .log
            .iter()
            .rev()
            .find(|(to, _)| *to != initiator_id)
            .unwrap()
            .1,
    )
    .unwrap()
    .csn;
    id[2..].copy_from_slice(&(sent + 1000).to_be_bytes()[2..]);
    let outputs = pair.net.server.send_error(initiator_id, id);
    pair.net.server_outputs(outputs);
    pair.net.run();
    assert_eq!(pair.net.nodes[pair.initiator].sig.phase(), Phase::Task);
    assert!(
        pair.net
            .events(pair.initiator)
            .iter()
            .any(|e| matches!(e, Event::Warning(w) if w.contains("earlier client")))
    );
    // The same report about a message it did send ends the peer.
    id[2..].copy_from_slice(&sent.to_be_bytes()[2..]);
    let outputs = pair.net.server.send_error(initiator_id, id);
    pair.net.server_outputs(outputs);
    pair.net.run();
    assert_eq!(
        pair.net.nodes[pair.initiator].sig.phase(),
        Phase::PeerHandshake
    );
    assert!(pair.net.events(pair.initiator).iter().any(|e| matches!(
        e,
        Event::SendError {
            destination: 0x02,
            was_peer: true,
            ..
        }
    )));
}

#[test]
fn silent_responders_are_dropped_after_a_minute() {
    let mut net = Net::new();
    let server = net.server_key();
    let initiator_key = KeyPair::generate();
    let initiator = net.join(
        Signaling::initiator(initiator_config(
            &initiator_key,
            &AuthToken::generate(),
            server,
        ))
        .unwrap(),
        initiator_key.public_key(),
    );
    // A client that authenticates towards the server as a responder and then says nothing
    // (no initiator_connected handshake happens because its messages are swallowed).
    let initiator_id = net.nodes[initiator].id;
    net.tamper = Some(Box::new(move |id, bytes| {
        !(id == initiator_id && bytes[16] >= 2)
    }));
    let silent = net.join(
        Signaling::responder(responder_config(
            &KeyPair::generate(),
            &initiator_key,
            Some(AuthToken::generate()),
            server,
        ))
        .unwrap(),
        initiator_key.public_key(),
    );
    net.tamper = None;
    // The initiator saw it join but nothing from it.
    assert!(
        net.events(initiator)
            .contains(&Event::NewResponder { address: 0x02 })
    );
    let _ = silent;
    let deadline = net.nodes[initiator].sig.poll_timeout().expect("timer");
    assert!(deadline > net.now);
    net.advance(INACTIVE_RESPONDER_TIMEOUT);
    assert!(net.events(initiator).iter().any(|e| matches!(
        e,
        Event::ResponderDropped {
            address: 0x02,
            reason: CloseCode::DroppedByInitiator,
            error: None
        }
    )));
}

// ----- Injected violations -----

/// Pairs with a tamperer armed for frames to `target` once the handshake is done.
fn paired_then_tamper(
    target_is_initiator: bool,
    tamper: impl FnMut(&mut Vec<u8>) -> bool + 'static,
) -> Pair {
    let mut pair = paired();
    let target = if target_is_initiator {
        pair.net.nodes[pair.initiator].id
    } else {
        pair.net.nodes[pair.responder].id
    };
    let mut tamper = tamper;
    pair.net.tamper = Some(Box::new(
        move |id, bytes| {
            if id == target { tamper(bytes) } else { true }
        },
    ));
    pair
}

fn assert_peer_protocol_error(pair: &Pair, index: usize, contains: &str) {
    let node = &pair.net.nodes[index];
    assert_eq!(
        node.closed,
        Some(CloseCode::NormalClosure),
        "{:?}",
        node.error
    );
    let error = node.error.as_ref().expect("an error");
    assert_eq!(error.close_code(), CloseCode::ProtocolError);
    assert!(error.to_string().contains(contains), "{error}");
}

#[test]
fn a_replayed_frame_is_a_protocol_error_and_the_peer_gets_close_3001() {
    let mut pair = paired_then_tamper(true, |_| true);
    pair.net.send_data(pair.responder, b"one");
    let replay = pair.net.log.last().unwrap().1.clone();
    let id = pair.net.nodes[pair.initiator].id;
    pair.net.queue.push_back(Hop::ToClient(id, replay));
    pair.net.run();
    assert_peer_protocol_error(&pair, pair.initiator, "does not follow");
    assert!(
        pair.net
            .events(pair.responder)
            .contains(&Event::PeerClosed {
                reason: CloseCode::ProtocolError
            })
    );
}

#[test]
fn a_csn_gap_is_a_protocol_error() {
    let mut swallowed = false;
    let mut pair = paired_then_tamper(true, move |_| {
        // Lose exactly one frame.
        let keep = swallowed;
        swallowed = true;
        keep
    });
    pair.net.send_data(pair.responder, b"lost");
    pair.net.send_data(pair.responder, b"after the gap");
    assert_peer_protocol_error(&pair, pair.initiator, "does not follow");
    assert!(pair.net.data(pair.initiator).is_empty());
}

#[test]
fn a_changed_cookie_is_a_protocol_error() {
    let mut pair = paired_then_tamper(false, |bytes| {
        bytes[0] ^= 0xff;
        true
    });
    pair.net.send_data(pair.initiator, b"x");
    assert_peer_protocol_error(&pair, pair.responder, "cookie changed");
}

#[test]
fn a_tampered_ciphertext_is_a_protocol_error() {
    let mut pair = paired_then_tamper(false, |bytes| {
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        true
    });
    pair.net.send_data(pair.initiator, b"x");
    assert_peer_protocol_error(&pair, pair.responder, "cannot decrypt");
}

#[test]
fn a_wrong_destination_closes_the_connection() {
    let mut pair = paired_then_tamper(true, |bytes| {
        bytes[17] = 0x05;
        true
    });
    pair.net.send_data(pair.responder, b"x");
    let node = &pair.net.nodes[pair.initiator];
    assert_eq!(node.closed, Some(CloseCode::ProtocolError));
    assert!(
        node.error
            .as_ref()
            .unwrap()
            .to_string()
            .contains("our address is 0x01")
    );
}

#[test]
fn a_first_message_with_an_overflow_number_drops_the_responder() {
    let mut net = Net::new();
    let server = net.server_key();
    let initiator_key = KeyPair::generate();
    let token = AuthToken::generate();
    let initiator = net.join(
        Signaling::initiator(initiator_config(&initiator_key, &token, server)).unwrap(),
        initiator_key.public_key(),
    );
    let initiator_id = net.nodes[initiator].id;
    net.tamper = Some(Box::new(move |id, bytes| {
        if id == initiator_id && bytes[16] >= 2 {
            bytes[18] = 0;
            bytes[19] = 1;
        }
        true
    }));
    let responder = net.join(
        Signaling::responder(responder_config(
            &KeyPair::generate(),
            &initiator_key,
            Some(token),
            server,
        ))
        .unwrap(),
        initiator_key.public_key(),
    );
    assert_eq!(net.nodes[responder].closed, Some(CloseCode::ProtocolError));
    assert!(net.events(initiator).iter().any(|e| matches!(
        e,
        Event::ResponderDropped {
            reason: CloseCode::ProtocolError,
            error: Some(SignalingError::Protocol { reason }),
            ..
        } if reason.contains("overflow number 1")
    )));
}

#[test]
fn a_bad_server_csn_closes_the_connection_with_3001() {
    let mut pair = paired();
    // A server message (send-error) with a CSN that skips ahead.
    let initiator_id = pair.net.nodes[pair.initiator].id;
    let mut skip = true;
    pair.net.tamper = Some(Box::new(move |id, bytes| {
        if id == initiator_id && bytes[16] == 0 && skip {
            skip = false;
            bytes[23] = bytes[23].wrapping_add(1);
        }
        true
    }));
    let responder_id = pair.net.nodes[pair.responder].id;
    pair.net.nodes[pair.responder].closed = Some(CloseCode::GoingAway);
    let outputs = pair.net.server.disconnected(responder_id, true);
    pair.net.server_outputs(outputs);
    pair.net.run();
    let node = &pair.net.nodes[pair.initiator];
    assert_eq!(node.closed, Some(CloseCode::ProtocolError));
    assert!(
        node.error
            .as_ref()
            .unwrap()
            .to_string()
            .contains("server message")
    );
}

#[test]
fn a_reflected_cookie_is_rejected_by_the_responder() {
    let mut net = Net::new();
    let server = net.server_key();
    let initiator_key = KeyPair::generate();
    let token = AuthToken::generate();
    let initiator = net.join(
        Signaling::initiator(initiator_config(&initiator_key, &token, server)).unwrap(),
        initiator_key.public_key(),
    );
    let initiator_id = net.nodes[initiator].id;
    // Remember the responder's cookie (from its token message) and put it on the initiator's
    // key message.
    let seen = std::rc::Rc::new(std::cell::RefCell::new(None::<[u8; 16]>));
    let seen_in = seen.clone();
    net.tamper = Some(Box::new(move |id, bytes| {
        if id == initiator_id && bytes[16] >= 2 && seen_in.borrow().is_none() {
            let mut cookie = [0; 16];
            cookie.copy_from_slice(&bytes[..16]);
            *seen_in.borrow_mut() = Some(cookie);
        } else if id != initiator_id
            && bytes[16] == 0x01
            && let Some(cookie) = *seen_in.borrow()
        {
            bytes[..16].copy_from_slice(&cookie);
        }
        true
    }));
    let responder = net.join(
        Signaling::responder(responder_config(
            &KeyPair::generate(),
            &initiator_key,
            Some(token),
            server,
        ))
        .unwrap(),
        initiator_key.public_key(),
    );
    assert_eq!(net.nodes[responder].closed, Some(CloseCode::ProtocolError));
    assert!(
        net.nodes[responder]
            .error
            .as_ref()
            .unwrap()
            .to_string()
            .contains("our own cookie")
    );
    assert!(seen.borrow().is_some());
}

#[test]
fn an_unexpected_message_in_the_task_is_a_protocol_error() {
    let mut pair = paired();
    // A well-formed `key` message under the session keys: not allowed once the task runs.
    let responder_id = pair.net.nodes[pair.responder].id;
    let frame = pair.net.nodes[pair.responder]
        .sig
        .seal_for_peer(&Message::Key { key: [1; 32] })
        .unwrap();
    pair.net.queue.push_back(Hop::ToServer(responder_id, frame));
    pair.net.run();
    assert_peer_protocol_error(
        &pair,
        pair.initiator,
        "expected data or close, received key",
    );
    assert!(
        pair.net
            .events(pair.responder)
            .contains(&Event::PeerClosed {
                reason: CloseCode::ProtocolError
            })
    );
}

#[test]
fn configs_are_checked_and_debug_hides_secrets() {
    let key = KeyPair::from_secret_bytes([3; 32]);
    let token = AuthToken::new([4; 32]);
    let mut config = InitiatorConfig::with_token(key.clone(), token.clone());
    config.auth_token = None;
    assert!(Signaling::initiator(config).is_err());
    let mut config = InitiatorConfig::with_token(key.clone(), token.clone());
    config.tasks.clear();
    assert!(Signaling::initiator(config).is_err());
    let config = InitiatorConfig::with_token(key.clone(), token);
    let shown = format!("{config:?}");
    assert!(!shown.contains(&to_hex(&[3; 32])), "{shown}");
    assert!(!shown.contains(&to_hex(&[4; 32])), "{shown}");
    let sig = Signaling::initiator(config).unwrap();
    assert!(format!("{sig:?}").contains("ServerHello"));
    assert_eq!(Signaling::path(&[0xab; 32]).len(), 64);
}

/// A scripted server: answers `client-auth` with a `server-auth` whose `signed_keys` is made
/// by `sign` (or absent).
fn scripted_server_auth(
    sign: impl FnOnce(&KeyPair, &[u8; 32], &[u8; 32], &Nonce) -> Option<Vec<u8>>,
    pinned: [u8; 32],
) -> (Option<CloseCode>, Option<SignalingError>) {
    let client_key = KeyPair::generate();
    let mut config = InitiatorConfig::with_token(client_key.clone(), AuthToken::generate());
    config.server_public_key = Some(pinned);
    let mut sig = Signaling::initiator(config).unwrap();
    let now = Instant::now();
    let session = KeyPair::generate();
    let signer = KeyPair::generate();
    let mut channel = nonce::Channel::new();
    let hello = seal(
        &channel.next_nonce(0, 0).unwrap(),
        Sealer::Plain,
        &Message::ServerHello {
            key: *session.public_key(),
        },
    )
    .unwrap();
    let actions = sig.handle_frame(&hello, now);
    let Some(Action::Send(client_auth)) = actions.into_iter().next() else {
        panic!("client-auth expected");
    };
    let client_cookie = Nonce::parse(&client_auth).unwrap().cookie;
    let nonce = channel.next_nonce(0, 1).unwrap();
    let auth = Message::ServerAuth {
        your_cookie: client_cookie,
        signed_keys: sign(
            &signer,
            session.public_key(),
            client_key.public_key(),
            &nonce,
        ),
        responders: Some(vec![]),
        initiator_connected: None,
    };
    let frame = seal(
        &nonce,
        Sealer::Box(&session.salsa_box(client_key.public_key())),
        &auth,
    )
    .unwrap();
    let mut closed = (None, None);
    for action in sig.handle_frame(&frame, now) {
        if let Action::Close { code, error } = action {
            closed = (Some(code), error);
        }
    }
    closed
}

#[test]
fn signed_keys_from_another_server_key_are_refused() {
    let pinned = *KeyPair::generate().public_key();
    let (code, error) = scripted_server_auth(signaling::sign_keys, pinned);
    assert_eq!(code, Some(CloseCode::ProtocolError));
    assert!(
        matches!(error, Some(SignalingError::ServerAuthentication { ref reason }) if reason.contains("does not decrypt"))
    );
    let (code, error) = scripted_server_auth(|_, _, _, _| None, pinned);
    assert_eq!(code, Some(CloseCode::ProtocolError));
    assert!(
        matches!(error, Some(SignalingError::ServerAuthentication { ref reason }) if reason.contains("no signed_keys"))
    );
}
