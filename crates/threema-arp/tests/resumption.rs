//! The connection layer end to end, without sockets: a client and an app `ArpConnection`
//! wired together by a simulated transport that can lose chunks in flight.

// Test helpers may panic: a failed expectation is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use bytes::Bytes;
use std::collections::VecDeque;
use std::time::Duration;
use threema_arp::api::CreateTextMessage;
use threema_arp::api::{
    ArpMessage, ContactCreated, CreateContact, Frame, ResponseConfirmAction, ResponseProfile,
    TextMessageCreated, UpdateConfirm, UpdateConnectionAck, UpdateConnectionInfo, UpdateTyping,
};
use threema_arp::codec::{Ack, EncodeOptions};
use threema_arp::connection::{
    AckError, ArpConnection, ChunkCache, ConnectionConfig, ConnectionId, NewSessionReason, Output,
    ProtocolError, Resumption, ResumptionAction, ResumptionEvent, Role,
};
use threema_arp::model::{Connection, Contact, ReceiverRef};

/// One side: its connection, what it received, what else happened, and its chunks in flight.
struct Peer {
    conn: ArpConnection,
    inbox: Vec<Frame>,
    events: Vec<Output>,
    in_flight: VecDeque<Bytes>,
}

impl Peer {
    fn new(role: Role, chunk_size: usize) -> Self {
        let mut config = ConnectionConfig::new(role);
        config.chunk_size = chunk_size;
        Self::with_config(config)
    }

    fn with_config(config: ConnectionConfig) -> Self {
        Self {
            conn: ArpConnection::new(config).expect("valid config"),
            inbox: Vec::new(),
            events: Vec::new(),
            in_flight: VecDeque::new(),
        }
    }

    fn absorb(&mut self, outputs: Vec<Output>) {
        for output in outputs {
            match output {
                Output::Transmit(chunk) => self.in_flight.push_back(chunk),
                Output::Message(frame) => self.inbox.push(frame),
                other => self.events.push(other),
            }
        }
    }

    fn send(&mut self, frame: Frame) {
        let outputs = self.conn.send(&frame).expect("sendable");
        self.absorb(outputs);
    }

    fn failures(&self) -> Vec<&ProtocolError> {
        self.events
            .iter()
            .filter_map(|event| match event {
                Output::Failed(error) => Some(error),
                _ => None,
            })
            .collect()
    }
}

/// Moves up to `limit` chunks from `from`'s flight to `to`; returns how many moved.
fn deliver(from: &mut Peer, to: &mut Peer, limit: usize) -> usize {
    let mut moved = 0;
    while moved < limit {
        let Some(chunk) = from.in_flight.pop_front() else {
            break;
        };
        let outputs = to.conn.receive_chunk(&chunk);
        to.absorb(outputs);
        moved += 1;
    }
    moved
}

/// Delivers everything in both directions until nothing is in flight.
fn pump(a: &mut Peer, b: &mut Peer) {
    while deliver(a, b, usize::MAX) + deliver(b, a, usize::MAX) > 0 {}
}

fn connect(client: &mut Peer, app: &mut Peer, id: u8) {
    let connection_id = ConnectionId::new([id; 16]);
    let outputs = client.conn.connected(connection_id);
    client.absorb(outputs);
    let outputs = app.conn.connected(connection_id);
    app.absorb(outputs);
    pump(client, app);
    assert!(client.conn.is_established() && app.conn.is_established());
}

/// The transport dropped: what was in flight is lost.
fn drop_connection(client: &mut Peer, app: &mut Peer) {
    client.in_flight.clear();
    app.in_flight.clear();
    let outputs = client.conn.disconnected();
    client.absorb(outputs);
    let outputs = app.conn.disconnected();
    app.absorb(outputs);
}

fn text(n: usize, len: usize) -> Frame {
    let body = format!("{n:04}:{}", "x".repeat(len));
    Frame::new(CreateTextMessage::new(
        ReceiverRef::contact("ECHOECHO"),
        body,
    ))
    .with_id(format!("m{n:05}"))
}

fn texts(inbox: &[Frame]) -> Vec<String> {
    inbox
        .iter()
        .filter_map(|frame| match &frame.message {
            ArpMessage::CreateTextMessage(message) => Some(message.data.text.clone()),
            _ => None,
        })
        .collect()
}

fn new_sessions(peer: &Peer) -> Vec<NewSessionReason> {
    peer.events
        .iter()
        .filter_map(|event| match event {
            Output::NewSession { reason } => Some(*reason),
            _ => None,
        })
        .collect()
}

/// The spec's example (concept `sequenceNumber`): cached chunks 5, 6, 7 of the previous
/// connection and a last outgoing sequence number of 11 (the `connectionInfo` chunks) on the
/// new connection become 12, 13, 14.
#[test]
fn spec_renumbering_example() {
    let mut machine = Resumption::default();
    machine.handle(ResumptionEvent::Connected {
        connection_id: ConnectionId::new([1; 16]),
    });
    machine.handle(ResumptionEvent::ChunkSent {
        chunk: Bytes::from_static(b"info"),
        retransmit: false,
    });
    machine.handle(ResumptionEvent::PeerConnectionInfo {
        id: vec![1; 16],
        resume: None,
    });
    for n in 2..=7u8 {
        machine.handle(ResumptionEvent::ChunkSent {
            chunk: Bytes::from(vec![n]),
            retransmit: true,
        });
    }
    machine.handle(ResumptionEvent::AckReceived { sequence_number: 4 });
    machine.handle(ResumptionEvent::Disconnected);

    machine.handle(ResumptionEvent::Connected {
        connection_id: ConnectionId::new([2; 16]),
    });
    for _ in 0..11 {
        machine.handle(ResumptionEvent::ChunkSent {
            chunk: Bytes::from_static(b"info"),
            retransmit: false,
        });
    }
    let actions = machine.handle(ResumptionEvent::PeerConnectionInfo {
        id: vec![2; 16],
        resume: Some(Connection::new([1; 16], 4)),
    });
    assert_eq!(actions[0], ResumptionAction::Resumed { resent: 3 });
    assert_eq!(
        actions[1],
        ResumptionAction::Send(vec![
            Bytes::from(vec![5]),
            Bytes::from(vec![6]),
            Bytes::from(vec![7])
        ])
    );
    let cache: &ChunkCache = machine.cache().expect("connected");
    let cached: Vec<(u32, Option<u8>)> = cache
        .entries()
        .map(|(sn, chunk)| (sn, chunk.map(|c| c[0])))
        .collect();
    assert_eq!(
        cached[11..],
        [(12, Some(5)), (13, Some(6)), (14, Some(7))],
        "the first 11 entries are the connectionInfo placeholders"
    );
}

/// The same at the message level: the client's `connectionInfo` takes exactly 11 chunks
/// (by choice of the chunk size) and the resent chunks follow them.
#[test]
fn resent_chunks_follow_the_connection_info_chunks() {
    let info = Frame::new(UpdateConnectionInfo::new(
        [2; 16],
        Some(Connection::new([1; 16], 0)),
    ));
    let size = info.encode_with(&EncodeOptions::modern()).unwrap().len();
    let payload = size.div_ceil(11);
    assert_eq!(size.div_ceil(payload), 11);
    let mut client = Peer::new(Role::Client, payload + 9);
    let mut app = Peer::new(Role::App, payload + 9);
    connect(&mut client, &mut app, 1);
    client.send(text(1, 20));
    let unsent = client.in_flight.len();
    drop_connection(&mut client, &mut app);
    let outputs = client.conn.connected(ConnectionId::new([2; 16]));
    client.absorb(outputs);
    assert_eq!(
        client.in_flight.len(),
        11,
        "only the connectionInfo goes out before the peer's"
    );
    let outputs = app.conn.connected(ConnectionId::new([2; 16]));
    app.absorb(outputs);
    pump(&mut client, &mut app);
    let cache = client.conn.resumption().cache().expect("connected");
    let numbers: Vec<u32> = cache
        .entries()
        .filter(|(_, chunk)| chunk.is_some())
        .map(|(sn, _)| sn)
        .collect();
    assert_eq!(numbers, (12..12 + unsent as u32).collect::<Vec<_>>());
    assert_eq!(texts(&app.inbox), [format!("0001:{}", "x".repeat(20))]);
}

/// Messages in both directions, the transport dropping mid-message (partly delivered,
/// partly acknowledged), a resumption: everything arrives exactly once, in order.
#[test]
fn a_cache_transfer_after_a_drop_loses_and_duplicates_nothing() {
    let mut client = Peer::new(Role::Client, 64);
    let mut app = Peer::new(Role::App, 64);
    connect(&mut client, &mut app, 1);
    assert_eq!(new_sessions(&client), [NewSessionReason::FirstConnection]);

    let mut sent = Vec::new();
    for n in 0..20 {
        let frame = text(n, n * 13);
        if let ArpMessage::CreateTextMessage(message) = &frame.message {
            sent.push(message.data.text.clone());
        }
        client.send(frame);
    }
    let replies: Vec<Frame> = (0..10)
        .map(|n| {
            Frame::new(TextMessageCreated::new(
                ReceiverRef::contact("ECHOECHO"),
                format!("{n}"),
            ))
            .with_ack(Ack::success(format!("x{n}")))
        })
        .collect();
    for reply in &replies {
        app.send(reply.clone());
    }
    // Part of the traffic gets through, with an acknowledgement of some of it.
    let total = client.in_flight.len();
    deliver(&mut client, &mut app, total / 3);
    let outputs = app
        .conn
        .handle_timeout(tokio::time::Instant::now() + Duration::from_secs(11));
    app.absorb(outputs);
    deliver(&mut app, &mut client, 7);
    deliver(&mut client, &mut app, total / 4);
    let received_before = texts(&app.inbox).len();
    assert!(
        received_before > 0 && received_before < 20,
        "{received_before}"
    );

    drop_connection(&mut client, &mut app);
    // Messages sent while disconnected are held, not lost.
    client.send(text(20, 5));
    sent.push(format!("0020:{}", "x".repeat(5)));
    connect(&mut client, &mut app, 2);

    assert!(client.failures().is_empty() && app.failures().is_empty());
    assert!(
        client
            .events
            .iter()
            .any(|e| matches!(e, Output::Resumed { resent } if *resent > 0))
    );
    assert!(
        app.events
            .iter()
            .any(|e| matches!(e, Output::Resumed { .. }))
    );
    assert_eq!(new_sessions(&client), [NewSessionReason::FirstConnection]);
    assert_eq!(texts(&app.inbox), sent, "every text exactly once, in order");
    assert_eq!(client.inbox, replies, "every reply exactly once, in order");
}

#[test]
fn an_ack_from_the_future_is_a_protocol_error_not_a_panic() {
    let mut client = Peer::new(Role::Client, 1024);
    let mut app = Peer::new(Role::App, 1024);
    connect(&mut client, &mut app, 1);
    app.send(Frame::new(UpdateConnectionAck::new(1000)));
    pump(&mut client, &mut app);
    assert_eq!(
        client.failures(),
        [&ProtocolError::AckFromTheFuture {
            acknowledged: 1000,
            sent: 1
        }]
    );
    // The session is failed: sending is refused, chunks are reported, nothing panics.
    assert!(client.conn.send(&text(1, 1)).is_err());
    let outputs = client.conn.receive_chunk(b"garbage");
    assert!(matches!(
        outputs[..],
        [Output::Failed(ProtocolError::SessionFailed)]
    ));
    let outputs = client.conn.closed();
    client.absorb(outputs);
    assert!(
        client.conn.send(&text(1, 1)).is_ok(),
        "a closed session starts afresh"
    );
}

#[test]
fn a_resume_from_the_future_is_a_protocol_error() {
    let mut client = Peer::new(Role::Client, 1024);
    let mut app = Peer::new(Role::App, 1024);
    connect(&mut client, &mut app, 1);
    drop_connection(&mut client, &mut app);
    let outputs = client.conn.connected(ConnectionId::new([2; 16]));
    client.absorb(outputs);
    // A forged peer connectionInfo claiming 99 received chunks.
    let forged = Frame::new(UpdateConnectionInfo::new(
        [2; 16],
        Some(Connection::new([1; 16], 99)),
    ));
    let bytes = forged.encode().unwrap();
    for chunk in threema_arp::chunking::Chunker::new(1024)
        .unwrap()
        .chunks(0, &bytes)
    {
        let outputs = client.conn.receive_chunk(&chunk);
        client.absorb(outputs);
    }
    assert_eq!(
        client.failures(),
        [&ProtocolError::AckFromTheFuture {
            acknowledged: 99,
            sent: 1
        }]
    );
}

#[test]
fn handshake_violations_fail_the_session() {
    // A message before connectionInfo.
    let mut client = Peer::new(Role::Client, 1024);
    let outputs = client.conn.connected(ConnectionId::new([1; 16]));
    client.absorb(outputs);
    let mut app = Peer::new(Role::App, 1024);
    let bytes = Frame::new(UpdateConfirm::new()).encode().unwrap();
    let chunk: Vec<Bytes> = threema_arp::chunking::Chunker::new(1024)
        .unwrap()
        .chunks(0, &bytes)
        .collect();
    let outputs = client.conn.receive_chunk(&chunk[0]);
    client.absorb(outputs);
    assert!(
        matches!(client.failures()[..], [ProtocolError::ExpectedConnectionInfo { name }] if name == "update/confirm")
    );

    // Mismatching connection IDs.
    let mut client = Peer::new(Role::Client, 1024);
    let outputs = client.conn.connected(ConnectionId::new([1; 16]));
    client.absorb(outputs);
    let outputs = app.conn.connected(ConnectionId::new([9; 16]));
    app.absorb(outputs);
    pump(&mut client, &mut app);
    assert_eq!(client.failures(), [&ProtocolError::ConnectionIdMismatch]);
    assert_eq!(app.failures(), [&ProtocolError::ConnectionIdMismatch]);
}

#[tokio::test]
async fn a_full_reconnect_fails_lost_acks_and_keeps_held_messages() {
    let mut client = Peer::new(Role::Client, 1024);
    let mut app = Peer::new(Role::App, 1024);
    connect(&mut client, &mut app, 1);
    let (lost, outputs) = client
        .conn
        .request(Frame::new(CreateContact::new("ABCDEFGH")))
        .unwrap();
    client.absorb(outputs);
    drop_connection(&mut client, &mut app);
    let (held, outputs) = client
        .conn
        .request(Frame::new(CreateContact::new("ECHOECHO")))
        .unwrap();
    client.absorb(outputs);
    assert!(client.in_flight.is_empty(), "held while disconnected");
    // The app lost its state: a new session without resume.
    let mut app = Peer::new(Role::App, 1024);
    connect(&mut client, &mut app, 2);
    assert!(client.events.iter().any(|e| matches!(
        e,
        Output::CacheCleared {
            discarded: 1,
            acks_failed: 1
        }
    )));
    assert_eq!(
        new_sessions(&client).last(),
        Some(&NewSessionReason::PeerDidNotResume)
    );
    assert!(matches!(lost.await, Err(AckError::SessionReset { .. })));
    // The held request went out on the new session and can be answered.
    let request = app.inbox.pop().expect("the held request arrived");
    assert!(
        matches!(&request.message, ArpMessage::CreateContact(c) if c.data.identity == "ECHOECHO")
    );
    let reply = Frame::new(ContactCreated::new(Contact::new(
        "ECHOECHO", "Echo", [1u8; 32],
    )))
    .with_ack(Ack::success(request.id.clone().expect("an id")));
    app.send(reply.clone());
    pump(&mut client, &mut app);
    assert_eq!(held.await.unwrap(), reply);
    assert!(
        client.inbox.is_empty(),
        "an acknowledged reply goes to its future only"
    );
}

#[tokio::test]
async fn acks_resolve_from_legacy_android_replies() {
    let mut client = Peer::new(Role::Client, 1024);
    // An app that writes acknowledgements the Android way: only in `args`.
    let mut config = ConnectionConfig::new(Role::App);
    config.chunk_size = 1024;
    config.encode = EncodeOptions::android();
    let mut app = Peer::with_config(config);
    connect(&mut client, &mut app, 1);

    let (profile, outputs) = client
        .conn
        .request(Frame::new(threema_arp::api::RequestProfile::new()))
        .unwrap();
    client.absorb(outputs);
    let (group, outputs) = client
        .conn
        .request(Frame::new(threema_arp::api::DeleteGroup::new(
            "17",
            threema_arp::api::DeleteType::Delete,
        )))
        .unwrap();
    client.absorb(outputs);
    pump(&mut client, &mut app);
    let ids: Vec<String> = app
        .inbox
        .iter()
        .map(|f| f.id.clone().expect("id"))
        .collect();
    assert_eq!(ids, [profile.id(), group.id()]);

    app.send(
        Frame::new(ResponseProfile::new("ECHOECHO", [3u8; 32])).with_ack(Ack::success(&ids[0])),
    );
    // The legacy confirmation, with the result only in its args.
    app.send(Frame::new(ResponseConfirmAction::new(
        &ids[1],
        false,
        Some("notAllowed".into()),
    )));
    pump(&mut client, &mut app);

    let reply = profile.await.unwrap();
    assert!(
        matches!(reply.message, ArpMessage::ResponseProfile(p) if p.data.identity == "ECHOECHO")
    );
    assert_eq!(
        group.await.unwrap_err(),
        AckError::Rejected {
            message: "delete/group".into(),
            code: Some("notAllowed".into())
        }
    );
    assert_eq!(client.conn.pending_acks(), 0);
}

#[tokio::test(start_paused = true)]
async fn connection_acks_are_sent_after_ten_seconds_and_on_request() {
    let mut client = Peer::new(Role::Client, 64);
    let mut app = Peer::new(Role::App, 64);
    connect(&mut client, &mut app, 1);
    // connect() delivered chunks both ways, so both timers are armed.
    let deadline = app
        .conn
        .poll_timeout()
        .expect("armed by the received chunks");
    assert!(
        app.conn
            .handle_timeout(deadline - Duration::from_millis(1))
            .is_empty()
    );
    tokio::time::advance(Duration::from_secs(10)).await;
    let outputs = app.conn.handle_timeout(tokio::time::Instant::now());
    app.absorb(outputs);
    assert_eq!(app.conn.poll_timeout(), None);
    let incoming = app
        .conn
        .resumption()
        .incoming_sequence_number()
        .expect("connected");
    let client_cache_before = client.conn.resumption().cache().map(ChunkCache::len);
    assert!(client_cache_before > Some(0));
    deliver(&mut app, &mut client, usize::MAX);
    assert_eq!(
        client.conn.resumption().cache().map(ChunkCache::len),
        Some(0),
        "pruned to {incoming}"
    );

    // request/connectionAck is answered right away.
    client.send(text(1, 100));
    let outputs = client
        .conn
        .send(&Frame::new(threema_arp::api::RequestConnectionAck::new()))
        .unwrap();
    client.absorb(outputs);
    pump(&mut client, &mut app);
    assert_eq!(
        client.conn.resumption().cache().map(ChunkCache::len),
        Some(0)
    );
    assert!(client.failures().is_empty() && app.failures().is_empty());
}

#[test]
fn a_large_cache_requests_an_ack_and_gets_pruned() {
    let mut config = ConnectionConfig::new(Role::Client);
    config.ack_request_threshold = 1000;
    let mut client = Peer::with_config(config);
    let mut app = Peer::new(Role::App, 64 * 1024);
    connect(&mut client, &mut app, 1);
    client.send(text(1, 2000));
    pump(&mut client, &mut app);
    assert_eq!(texts(&app.inbox).len(), 1);
    assert_eq!(
        client.conn.resumption().cache().map(ChunkCache::byte_len),
        Some(0)
    );
}

#[test]
fn blacklisted_messages_are_dropped_while_disconnected_and_never_resent() {
    let mut client = Peer::new(Role::Client, 1024);
    let mut app = Peer::new(Role::App, 1024);
    connect(&mut client, &mut app, 1);
    client.send(Frame::new(UpdateTyping::new("ECHOECHO", true)));
    pump(&mut client, &mut app);
    client.send(text(1, 1));
    drop_connection(&mut client, &mut app);
    client.send(Frame::new(UpdateTyping::new("ECHOECHO", false)));
    connect(&mut client, &mut app, 2);
    assert!(
        client
            .events
            .iter()
            .any(|e| matches!(e, Output::Resumed { .. }))
    );
    assert_eq!(texts(&app.inbox).len(), 1);
    let typing = app
        .inbox
        .iter()
        .filter(|f| matches!(f.message, ArpMessage::UpdateTyping(_)))
        .count();
    assert_eq!(typing, 1, "only the typing message sent while connected");
}
