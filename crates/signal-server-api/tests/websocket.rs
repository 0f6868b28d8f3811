//! The WebSocket transport against the testkit: the same calls as over REST (one expectation
//! serves both), the socket each auth mode uses, typed errors and rate limits (paused time),
//! incoming messages and their acknowledgements, keepalive, reconnects and fatal closes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{
    ACI, Flow, aci, check_auth_modes, credentials, identity, mount_auth_modes, run_auth_modes,
    send_message,
};

use signal_server_api::api::account::WhoAmI;
use signal_server_api::api::profile::GetProfile;
use signal_server_api::testkit::{FAKE_TIMESTAMP_BASE_MS, MockSignalServer, PushKind, WsFault};
use signal_server_api::transport_core;
use signal_server_api::transport_core::ws::{ConnectionEvent, ConnectionState, OverflowPolicy};
use signal_server_api::ws::{AckMode, Incoming, IncomingEnvelope};
use signal_server_api::{Credentials, Error, SignalClient, TransportKind};
use std::collections::BTreeSet;
use std::time::Duration;
use tokio::time::Instant;

/// A REST or WebSocket client of `server`.
async fn client(server: &MockSignalServer, ws: bool, creds: Option<Credentials>) -> SignalClient {
    let builder = if ws {
        server.ws_client_builder()
    } else {
        server.client_builder()
    };
    let builder = match creds {
        Some(creds) => builder.credentials(creds),
        None => builder,
    };
    if ws {
        builder.connect().await.unwrap()
    } else {
        builder.build().unwrap()
    }
}

/// What the mock saw of one request, for comparing the two transports.
fn seen(request: &wiremock::Request) -> String {
    let header = |name: &str| {
        request
            .headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    let body: Option<serde_json::Value> = serde_json::from_slice(&request.body).ok();
    format!(
        "{} {} query={:?} authorization={:?} access-key={:?} agent={:?} content-type={:?} body={:?}",
        request.method,
        request.url.path(),
        request.url.query(),
        header("authorization"),
        header("unidentified-access-key"),
        header("user-agent").map(|a| a.starts_with("signal-server-api/")),
        header("content-type"),
        body,
    )
}

#[tokio::test]
async fn the_same_calls_succeed_over_rest_and_over_the_websocket() {
    let server = MockSignalServer::start().await;
    // One set of expectations, each answering exactly one call per transport.
    let flow = Flow::new();
    flow.mount(&server, 2).await;
    let mut rounds = Vec::new();
    for ws in [false, true] {
        let before = server.received_requests().await.len();
        let anonymous = client(&server, ws, None).await;
        let kind = if ws {
            TransportKind::WebSocket
        } else {
            TransportKind::Rest
        };
        assert_eq!(anonymous.transport(), kind);
        let server_ref = &server;
        flow.run(&anonymous, move |credentials| async move {
            client(server_ref, ws, Some(credentials)).await
        })
        .await;
        let requests = server.received_requests().await;
        rounds.push(requests[before..].iter().map(seen).collect::<Vec<_>>());
    }
    // The mock saw exactly the same requests, headers and bodies, over both transports.
    assert_eq!(rounds[0].len(), 6);
    assert_eq!(rounds[0], rounds[1]);
    assert!(rounds[1][3].starts_with("POST /v1/registration"));
    assert!(rounds[1][3].contains("authorization=Some(\"Basic "));
    assert!(rounds[1][0].contains("authorization=None"));
    // Over the WebSocket: the anonymous client's socket, then the account's, which carried
    // its credentials on the upgrade request.
    let upgrades = server.websocket().upgrade_requests();
    assert_eq!(upgrades.len(), 2);
    assert_eq!(upgrades[0].header("authorization"), None);
    assert!(
        upgrades[1]
            .header("authorization")
            .unwrap()
            .starts_with("Basic ")
    );
    assert!(
        upgrades[1]
            .header("user-agent")
            .unwrap()
            .starts_with("signal-server-api/")
    );
}

#[tokio::test]
async fn each_call_takes_the_socket_its_auth_mode_allows() {
    let server = MockSignalServer::start().await;
    let client = client(&server, true, Some(Credentials::new(aci(), "pw"))).await;
    mount_auth_modes(&server).await;
    server.expect_who_am_i().respond(&identity()).mount().await;
    // Only the authenticated socket so far.
    assert_eq!(server.websocket().connections(), 1);

    run_auth_modes(&client).await;
    client.send(&WhoAmI::new()).await.unwrap();

    // The unauthenticated socket was opened on first use, without credentials.
    let upgrades = server.websocket().upgrade_requests();
    assert_eq!(upgrades.len(), 2);
    assert!(upgrades[0].header("authorization").is_some());
    assert_eq!(upgrades[1].header("authorization"), None);
    let requests = server.received_requests().await;
    check_auth_modes(&requests);
    // The account's call went over the authenticated socket.
    assert!(requests[4].headers.contains_key("authorization"));
    assert_eq!(requests[4].url.path(), "/v1/accounts/whoami");
}

#[tokio::test]
async fn errors_read_the_same_over_both_transports() {
    let server = MockSignalServer::start().await;
    server
        .expect_send_message()
        .respond_json(
            409,
            &serde_json::json!({"missingDevices": [2, 3], "extraDevices": []}),
        )
        .mount()
        .await;
    common::mount_who_am_i_unauthorized(&server).await;
    let send = send_message(aci(), None);
    let mut shown = Vec::new();
    for ws in [false, true] {
        let client = client(&server, ws, Some(Credentials::new(aci(), "pw"))).await;
        match client.send(&send).await.unwrap_err() {
            Error::MismatchedDevices { what, body } => {
                assert_eq!(what, format!("PUT /v1/messages/{ACI}"));
                assert_eq!(body.missing_devices.len(), 2);
            }
            other => panic!("{other:?}"),
        }
        let err = client.send(&WhoAmI::new()).await.unwrap_err();
        assert_eq!(err.status(), Some(401));
        shown.push(err.to_string());
        // Nothing expected: the catch-all names the request over both transports.
        let err = client
            .send(&GetProfile::new(aci(), "nope"))
            .await
            .unwrap_err();
        assert_eq!(err.status(), Some(599));
        shown.push(err.to_string());
    }
    assert_eq!(
        shown[0],
        "GET /v1/accounts/whoami: HTTP 401 Unauthorized: Credentials are required"
    );
    assert!(
        shown[1].contains("no mock for GET /v1/profile/"),
        "{}",
        shown[1]
    );
    assert_eq!(shown[0..2], shown[2..4]);
}

#[tokio::test(start_paused = true)]
async fn rate_limits_over_the_websocket_are_honoured_for_idempotent_calls() {
    let server = MockSignalServer::start().await;
    let client = client(&server, true, None).await;
    common::rate_limits_are_honoured(&server, &client).await;
}

#[tokio::test(start_paused = true)]
async fn rate_limits_over_the_websocket_are_surfaced_with_their_delay() {
    let server = MockSignalServer::start().await;
    let client = client(&server, true, None).await;
    common::rate_limits_are_surfaced(&server, &client).await;
}

fn envelope(item: Option<Incoming>) -> IncomingEnvelope {
    match item {
        Some(Incoming::Message(message)) => message,
        other => panic!("expected a message, got {other:?}"),
    }
}

/// A call whose answer comes after every frame the server sent before it: once it returns,
/// the client has read those frames.
async fn barrier(server: &MockSignalServer, client: &SignalClient) {
    if server.received_requests().await.is_empty() {
        server.expect_who_am_i().respond(&identity()).mount().await;
    }
    client.send(&WhoAmI::new()).await.unwrap();
}

#[tokio::test]
async fn incoming_messages_are_acknowledged_once_delivered_never_before() {
    let server = MockSignalServer::start().await;
    let socket = server.websocket();
    // Stored while the device was offline.
    assert_eq!(socket.push_message(&b"stored"[..]), 1);
    let client = client(&server, true, Some(credentials())).await;
    barrier(&server, &client).await;
    // The client has read the message and "queue empty", and acknowledged nothing yet.
    assert_eq!(socket.push_responses(), vec![]);
    assert_eq!(socket.pending_messages(), vec![1]);

    let mut incoming = client.incoming().unwrap();
    assert!(client.incoming().is_none(), "taken once");
    let first = envelope(incoming.recv().await);
    assert_eq!(&first.envelope[..], b"stored");
    assert_eq!(first.server_timestamp, Some(FAKE_TIMESTAMP_BASE_MS + 1));
    assert!(first.is_acked());
    assert!(matches!(incoming.recv().await, Some(Incoming::QueueEmpty)));
    socket.wait_for_acked(1).await;
    assert_eq!(socket.acked_messages(), vec![1]);

    // Live: pushed while connected.
    assert_eq!(socket.push_message(&b"live"[..]), 2);
    let second = envelope(incoming.recv().await);
    assert_eq!(&second.envelope[..], b"live");
    socket.wait_for_acked(2).await;
    // Acking again does nothing more.
    second.ack().await.unwrap();
    barrier(&server, &client).await;
    let responses = socket.push_responses();
    assert_eq!(responses.len(), 3, "{responses:?}");
    assert!(
        responses
            .iter()
            .all(|r| r.status == Some(200) && r.same_connection)
    );
    assert_eq!(
        responses.iter().map(|r| r.kind).collect::<Vec<_>>(),
        vec![
            Some(PushKind::Message(1)),
            Some(PushKind::QueueEmpty),
            Some(PushKind::Message(2))
        ]
    );
    assert_eq!((socket.deliveries(1), socket.deliveries(2)), (1, 1));
}

#[tokio::test]
async fn immediate_mode_acknowledges_before_the_application_reads() {
    let server = MockSignalServer::start().await;
    let socket = server.websocket();
    socket.push_message(&b"m"[..]);
    let client = server
        .ws_client_builder()
        .credentials(credentials())
        .ack_mode(AckMode::Immediate)
        .connect()
        .await
        .unwrap();
    socket.wait_for_acked(1).await;
    assert_eq!(socket.acked_messages(), vec![1]);
    // The stream still hands the message out, marked as acknowledged.
    let message = envelope(client.incoming().unwrap().recv().await);
    assert!(message.is_acked());
}

#[tokio::test]
async fn manual_acks_are_only_valid_on_their_connection() {
    let server = MockSignalServer::start().await;
    let socket = server.websocket();
    let client = server
        .ws_client_builder()
        .credentials(credentials())
        .ack_mode(AckMode::Manual)
        .connect()
        .await
        .unwrap();
    let mut incoming = client.incoming().unwrap();
    assert!(matches!(incoming.recv().await, Some(Incoming::QueueEmpty)));
    socket.push_message(&b"one"[..]);
    socket.push_message(&b"two"[..]);
    let one = envelope(incoming.recv().await);
    let two = envelope(incoming.recv().await);
    assert!(!one.is_acked());
    barrier(&server, &client).await;
    // Delivered, but not acknowledged until the application says so.
    assert_eq!(socket.acked_messages(), Vec::<u64>::new());
    one.ack().await.unwrap();
    socket.wait_for_acked(1).await;
    assert_eq!(socket.acked_messages(), vec![1]);

    // The connection goes away before `two` is acknowledged: the server delivers it again
    // and the old copy can no longer be acknowledged.
    client.reconnect();
    let again = envelope(incoming.recv().await);
    assert_eq!(&again.envelope[..], b"two");
    assert_ne!(again.request_id, two.request_id);
    let err = two.ack().await.unwrap_err();
    assert!(err.to_string().contains("earlier connection"), "{err}");
    assert!(!two.is_acked());
    again.ack().await.unwrap();
    socket.wait_for_acked(2).await;
    assert_eq!(socket.deliveries(2), 2);
    assert_eq!(socket.deliveries(1), 1);
}

#[tokio::test]
async fn a_flood_beyond_the_buffer_is_reported_and_delivered_again_never_missing() {
    let server = MockSignalServer::start().await;
    let socket = server.websocket();
    let client = server
        .ws_client_builder()
        .credentials(credentials())
        .customize_websocket(|c| c.with_notification_buffer(8, OverflowPolicy::DropOldest))
        .connect()
        .await
        .unwrap();
    let mut incoming = client.incoming().unwrap();
    assert!(matches!(incoming.recv().await, Some(Incoming::QueueEmpty)));
    for n in 1..=100u32 {
        socket.push_message(n.to_be_bytes().to_vec());
    }
    // The client read all 100 while the application read nothing: none was acknowledged.
    barrier(&server, &client).await;
    assert_eq!(socket.acked_messages(), Vec::<u64>::new());

    let number = |m: &IncomingEnvelope| u32::from_be_bytes(m.envelope[..].try_into().unwrap());
    let mut delivered = BTreeSet::new();
    assert!(matches!(
        incoming.recv().await,
        Some(Incoming::Lost { missed: 92 })
    ));
    for expected in 93..=100 {
        let message = envelope(incoming.recv().await);
        assert_eq!(number(&message), expected);
        delivered.insert(number(&message));
    }
    socket.wait_for_acked(8).await;
    let acked: BTreeSet<u32> = socket
        .acked_messages()
        .into_iter()
        .map(|n| u32::try_from(n).unwrap())
        .collect();
    // Never acknowledged before delivery.
    assert_eq!(acked, delivered);

    // The lost ones were not acknowledged: a new connection brings them back. The redelivery
    // overflows the small buffer again, so the application reconnects after every round that
    // reported a loss, until nothing is missing.
    let mut rounds = 0;
    let mut lost = true;
    while lost {
        rounds += 1;
        assert!(rounds <= 30, "no progress after {rounds} reconnects");
        // Every delivered message is acknowledged before the connection goes.
        socket
            .wait_until(|s| s.acked_messages().len() == delivered.len())
            .await;
        client.reconnect();
        lost = false;
        loop {
            match incoming.recv().await {
                Some(Incoming::Message(message)) => {
                    assert!(delivered.insert(number(&message)), "delivered twice");
                }
                Some(Incoming::Lost { .. }) => lost = true,
                Some(Incoming::QueueEmpty) => break,
                other => panic!("{other:?}"),
            }
        }
    }
    assert!(rounds > 1, "the redelivery overflowed the buffer too");
    socket.wait_for_acked(100).await;
    assert_eq!(delivered, (1..=100).collect::<BTreeSet<_>>());
    assert_eq!(socket.pending_messages(), Vec::<u64>::new());
    assert!(socket.push_responses().iter().all(|r| r.same_connection));
}

#[tokio::test]
async fn unknown_server_requests_are_surfaced_and_answered() {
    let server = MockSignalServer::start().await;
    let socket = server.websocket();
    let client = client(&server, true, Some(credentials())).await;
    let mut incoming = client.incoming().unwrap();
    assert!(matches!(incoming.recv().await, Some(Incoming::QueueEmpty)));
    socket.push_request("PUT", "/api/v2/something/new", Some(b"raw".to_vec().into()));
    match incoming.recv().await {
        Some(Incoming::Other(request)) => {
            assert_eq!(
                (request.verb.as_str(), request.path.as_str()),
                ("PUT", "/api/v2/something/new")
            );
            assert_eq!(request.body.as_deref(), Some(&b"raw"[..]));
        }
        other => panic!("{other:?}"),
    }
    socket.wait_until(|s| s.push_responses().len() == 2).await;
    let last = socket.push_responses().pop().unwrap();
    assert_eq!((last.kind, last.status), (Some(PushKind::Other), Some(200)));
}

#[tokio::test(start_paused = true)]
async fn keepalive_every_30_seconds_keeps_the_socket() {
    let server = MockSignalServer::start().await;
    let socket = server.websocket();
    let client = client(&server, true, Some(credentials())).await;
    let started = Instant::now();
    socket.wait_until(|s| s.keepalives() == 3).await;
    assert_eq!(started.elapsed(), Duration::from_secs(90));
    assert_eq!(socket.connections(), 1);
    assert_eq!(client.connection_state(), Some(ConnectionState::Ready));
    // The keepalives never reached the expectations.
    assert!(server.received_requests().await.is_empty());
}

#[tokio::test]
async fn a_keepalive_then_close_1000_reconnects_with_the_same_credentials() {
    let server = MockSignalServer::start().await;
    let socket = server.websocket();
    socket.inject_faults(|frame| {
        if frame.connection == 0 && frame.path == "/v1/keepalive" {
            WsFault::AnswerThenClose(1000)
        } else {
            WsFault::Answer
        }
    });
    let client = server
        .ws_client_builder()
        .credentials(credentials())
        .customize_websocket(|c| c.with_app_keepalive(Some(Duration::from_millis(50))))
        .connect()
        .await
        .unwrap();
    let mut events = client.connection_events().unwrap();
    socket.wait_until(|s| s.connections() == 2).await;
    // Reconnected, not closed for good.
    loop {
        if let Some(ConnectionEvent::StateChanged(ConnectionState::Ready)) = events.recv().await {
            break;
        }
    }
    let upgrades = socket.upgrade_requests();
    assert_eq!(upgrades.len(), 2);
    assert_eq!(
        upgrades[0].header("authorization"),
        upgrades[1].header("authorization")
    );
    barrier(&server, &client).await;
}

#[tokio::test]
async fn connected_elsewhere_4409_stops_the_client() {
    let server = MockSignalServer::start().await;
    let socket = server.websocket();
    socket.inject_faults(|frame| {
        if frame.path == "/v1/accounts/whoami" {
            WsFault::Close(4409)
        } else {
            WsFault::Answer
        }
    });
    let client = client(&server, true, Some(credentials())).await;
    let err = client.send(&WhoAmI::new()).await.unwrap_err();
    match err.as_transport() {
        Some(transport_core::Error::Closed { code, .. }) => {
            assert_eq!(*code, 4409);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        client.connection_state(),
        Some(ConnectionState::Closed { .. })
    ));
    assert_eq!(socket.connections(), 1);
}

#[tokio::test]
async fn wrong_credentials_fail_the_connect() {
    let server = MockSignalServer::start().await;
    server.websocket().refuse_upgrades(Some(401));
    let err = server
        .ws_client_builder()
        .credentials(credentials())
        .connect()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(401));
    assert_eq!(server.websocket().connections(), 0);
}
