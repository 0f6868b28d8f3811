//! The client against the fake app through the real `saltyrtc-server` (PyPI
//! `saltyrtc.server` 5.0.1, installed by `cargo xtask setup`; plain `ws://` on 127.0.0.1 with
//! the server's documented safety switch, its permanent key pinned by both sides).
//!
//! Each test starts its own server on a free port and kills it at the end.

#![cfg(feature = "testkit")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{
    Traffic, app_config, assert_every_reconnect_resumed, client_config, pair, pair_with, pattern,
    run_traffic_with_faults, wait_until_down, wait_until_up, within,
};
use threema_arp::connection::NewSessionReason;
use threema_arp::model::{MessageRef, ReceiverRef};
use threema_arp::qr::AuthToken;
use threema_arp::saltyrtc::CloseCode;
use threema_arp::session::{Progress, ServerConfig, SessionEvent, SessionState, Update};
use threema_arp::testkit::{FakeApp, SaltyRtcServer, TcpProxy};
use threema_arp::{ArpClient, TrustedSession, Updates};
use tokio::sync::watch;
use transport_core::ws::NotificationItem;

async fn server() -> SaltyRtcServer {
    match SaltyRtcServer::start().await {
        Ok(server) => server,
        Err(error) => panic!("{error}"),
    }
}

/// Every session event buffered so far (non-blocking).
fn drain_events(updates: &mut Updates) -> Vec<SessionEvent> {
    let mut events = Vec::new();
    let waker = std::task::Waker::noop();
    let mut cx = std::task::Context::from_waker(waker);
    while let std::task::Poll::Ready(Some(item)) =
        futures_util::StreamExt::poll_next_unpin(updates, &mut cx)
    {
        if let NotificationItem::Notification(Update::Session(event)) = item {
            events.push(event);
        }
    }
    events
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn full_handshake_verifies_the_server_key_and_pairs() {
    let server = server().await;
    let (client, app) = pair(server.server_config()).await;
    let mut updates = client.updates().unwrap();
    let events = drain_events(&mut updates);
    assert!(
        events.contains(&SessionEvent::ServerConnected {
            server_key_verified: true
        }),
        "{events:?}"
    );
    let peer = events.iter().find_map(|e| match e {
        SessionEvent::PeerConnected {
            peer_public_key, ..
        } => Some(*peer_public_key),
        _ => None,
    });
    assert_eq!(peer, Some(*app.permanent_key().public_key()));
    assert!(events.iter().any(|e| matches!(
        e,
        SessionEvent::NewSession {
            reason: NewSessionReason::FirstConnection,
            ..
        }
    )));
    let established = within(
        "the app's side",
        app.wait_for_state(SessionState::is_established),
    )
    .await
    .unwrap();
    let SessionState::Established { connection_id } = established else {
        panic!()
    };
    assert_eq!(
        client.state(),
        SessionState::Established { connection_id },
        "both sides derive the same connection ID"
    );
    // Typed calls work through the server.
    let receivers = within("receivers", client.receivers()).await.unwrap();
    assert_eq!(receivers.contact.len(), 2);
    let id = within(
        "send",
        client.send_text(ReceiverRef::contact("ECHOECHO"), "via the real server"),
    )
    .await
    .unwrap();
    assert_eq!(app.count("create/textMessage"), 1);
    assert_eq!(
        app.data()
            .message_mut(&ReceiverRef::contact("ECHOECHO"), &id)
            .unwrap()
            .body
            .as_deref(),
        Some("via the real server")
    );
    within("close", client.close()).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_token_is_dropped_with_3005_and_the_right_app_pairs_after() {
    let server = server().await;
    let pairing = ArpClient::pair(client_config(server.server_config())).unwrap();
    let qr = pairing.qr().clone();
    let connecting = tokio::spawn(pairing.connect());

    let impostor = FakeApp::pair_with_token(
        app_config(server.server_config()),
        &qr,
        AuthToken::generate(),
    )
    .unwrap();
    let state = within(
        "the impostor's end",
        impostor.wait_for_state(SessionState::is_closed),
    )
    .await
    .unwrap();
    let SessionState::Closed { reason } = state else {
        panic!()
    };
    assert!(reason.contains("3005"), "{reason}");
    assert!(!connecting.is_finished(), "the client keeps waiting");

    let app = FakeApp::pair(app_config(server.server_config()), &qr).unwrap();
    let client = within("the pairing", connecting).await.unwrap().unwrap();
    let mut updates = client.updates().unwrap();
    let events = drain_events(&mut updates);
    assert!(
        events.iter().any(|e| matches!(
            e,
            SessionEvent::ResponderDropped {
                reason: CloseCode::InitiatorCouldNotDecrypt,
                ..
            }
        )),
        "{events:?}"
    );
    let peer = events.iter().find_map(|e| match e {
        SessionEvent::PeerConnected {
            peer_public_key, ..
        } => Some(*peer_public_key),
        _ => None,
    });
    assert_eq!(peer, Some(*app.permanent_key().public_key()));
    within("close", client.close()).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_trusted_key_reconnects_without_a_token() {
    let server = server().await;
    let (client, app) = pair(server.server_config()).await;
    let trusted = within("the trusted keys", client.trusted_session())
        .await
        .unwrap();
    assert_eq!(trusted.app_public_key, *app.permanent_key().public_key());
    let app_key = app.permanent_key().clone();
    within("close", client.close()).await.unwrap();
    within("the app's end", app.wait_for_state(SessionState::is_closed)).await;

    // Later: stored keys, no QR code, no token on either side.
    let stored = TrustedSession::new(trusted.permanent_key.clone(), trusted.app_public_key);
    let app = FakeApp::trusted(
        app_config(server.server_config()),
        app_key,
        *stored.permanent_key.public_key(),
    )
    .unwrap();
    let client = within(
        "the reconnect",
        ArpClient::reconnect(client_config(server.server_config()), stored),
    )
    .await
    .unwrap();
    let profile = within("profile", client.profile()).await.unwrap();
    assert_eq!(profile.identity, "MEMEMEME");
    assert_eq!(app.count("request/profile"), 1);
    within("close", client.close()).await.unwrap();

    // An app that is not trusted and has no token cannot get in: 3005.
    let stranger = FakeApp::trusted(
        app_config(server.server_config()),
        threema_arp::saltyrtc::KeyPair::generate(),
        *trusted.permanent_key.public_key(),
    )
    .unwrap();
    let waiting = tokio::spawn(ArpClient::reconnect(
        client_config(server.server_config()),
        trusted,
    ));
    let state = within(
        "the stranger's end",
        stranger.wait_for_state(SessionState::is_closed),
    )
    .await
    .unwrap();
    assert!(
        matches!(state, SessionState::Closed { ref reason } if reason.contains("3005")),
        "{state:?}"
    );
    waiting.abort();
}

/// Watches a transfer's progress until it ends; returns every distinct value seen.
fn record(mut progress: watch::Receiver<Progress>) -> tokio::task::JoinHandle<Vec<Progress>> {
    tokio::spawn(async move {
        let mut seen = vec![*progress.borrow_and_update()];
        while progress.changed().await.is_ok() {
            let now = *progress.borrow_and_update();
            seen.push(now);
            if now.total.is_some_and(|t| now.transferred >= t) && now.transferred > 0 {
                break;
            }
        }
        seen
    })
}

/// The progress never went back, ended complete at a total of at least `size` (the message
/// carrying the file is a little larger), and reported often along the way.
fn assert_monotonic(seen: &[Progress], size: u64) {
    assert!(
        seen.windows(2)
            .all(|w| w[0].transferred <= w[1].transferred),
        "progress went backwards: {seen:?}"
    );
    let last = seen.last().unwrap();
    let total = last.total.expect("a total at the end");
    assert_eq!(last.transferred, total);
    assert!(total >= size, "{total} < {size}");
    // The observer sees the latest value when it wakes (a watch channel), so it sees fewer
    // reports than the session makes; some must come before the end.
    let intermediate = seen
        .iter()
        .filter(|p| p.transferred > 0 && p.transferred < size)
        .count();
    assert!(
        intermediate >= 2,
        "only {intermediate} intermediate reports: {seen:?}"
    );
}

const TWENTY_MIB: usize = 20 << 20;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_20_mib_blob_downloads_with_progress() {
    let server = server().await;
    let (client, app) = pair(server.server_config()).await;
    let echo = ReceiverRef::contact("ECHOECHO");
    let bytes = pattern(TWENTY_MIB, 7);
    let message = app.data().store_file(
        &echo,
        Some("ECHOECHO"),
        "video.mp4",
        "video/mp4",
        bytes.clone(),
    );
    let transfer = client
        .blob(MessageRef::new(echo, message.id.clone()))
        .unwrap();
    let seen = record(transfer.progress());
    let blob = within("the blob", transfer).await.unwrap();
    assert_eq!(blob.name, "video.mp4");
    assert_eq!(blob.mime_type, "video/mp4");
    assert!(blob.blob.as_bytes() == bytes.as_slice(), "the bytes differ");
    let seen = within("the progress", seen).await.unwrap();
    assert_monotonic(&seen, TWENTY_MIB as u64);
    within("close", client.close()).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_20_mib_file_uploads_with_progress() {
    let server = server().await;
    let (client, app) = pair(server.server_config()).await;
    let echo = ReceiverRef::contact("ECHOECHO");
    let bytes = pattern(TWENTY_MIB, 3);
    let transfer = client
        .send_file(
            echo.clone(),
            "dump.bin",
            "application/octet-stream",
            bytes.clone(),
        )
        .unwrap();
    let estimate = transfer.progress().borrow().total.unwrap();
    assert!(
        estimate > TWENTY_MIB as u64,
        "the message is larger than the file"
    );
    let seen = record(transfer.progress());
    let id = within("the upload", transfer).await.unwrap();
    let seen = within("the progress", seen).await.unwrap();
    assert_monotonic(&seen, TWENTY_MIB as u64);
    let stored = app
        .data()
        .blobs
        .iter()
        .find(|((_, message), _)| message == &id)
        .map(|(_, blob)| blob.bytes.clone())
        .unwrap();
    assert!(stored == bytes, "the app stored different bytes");
    within("close", client.close()).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_connections_mid_transfer_resume_with_nothing_lost_or_duplicated() {
    let server = server().await;
    let proxy = TcpProxy::start(([127, 0, 0, 1], server.port()).into())
        .await
        .unwrap();
    let through_proxy = ServerConfig::new("127.0.0.1", proxy.port())
        .insecure()
        .with_public_key(server.public_key());
    let (client, app) = pair_with(
        client_config(through_proxy),
        app_config(server.server_config()),
    )
    .await;
    let mut updates = client.updates().unwrap();
    struct Dump<'a>(&'a SaltyRtcServer);
    impl Drop for Dump<'_> {
        fn drop(&mut self) {
            if std::thread::panicking() {
                let _ = std::fs::write("/tmp/server-log.txt", self.0.output().join("\n"));
            }
        }
    }
    let _dump = Dump(&server);
    run_traffic_with_faults(
        &client,
        &app,
        &mut updates,
        Traffic {
            texts: 200,
            pushes: 100,
        },
        async |_round| {
            wait_until_up(&client).await;
            proxy.cut();
            wait_until_down(&client).await;
        },
    )
    .await;
    assert_every_reconnect_resumed(&client, &app).await;
    assert!(
        proxy.accepted() >= 3,
        "two cuts, two reconnects: {}",
        proxy.accepted()
    );
    within("close", client.close()).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_restart_mid_transfer_resumes_with_nothing_lost_or_duplicated() {
    let server = tokio::sync::Mutex::new(server().await);
    let config = server.lock().await.server_config();
    let (client, app) = pair(config).await;
    let mut updates = client.updates().unwrap();
    run_traffic_with_faults(
        &client,
        &app,
        &mut updates,
        Traffic {
            texts: 100,
            pushes: 50,
        },
        async |_round| {
            wait_until_up(&client).await;
            server.lock().await.restart().await.unwrap();
            wait_until_down(&client).await;
        },
    )
    .await;
    assert_every_reconnect_resumed(&client, &app).await;
    within("close", client.close()).await.unwrap();
}
