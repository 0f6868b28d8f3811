//! The raw connection layer (`ws::connect`, `WsConnection`) and the `FakeWsServer` testkit:
//! headers, subprotocols, text and binary frames, pings, closes and refused upgrades.
//!
//! Real sockets without paused time: nothing here waits on a timer, and paused time would let
//! the connect timeout fire while the runtime idles on socket I/O.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use bytes::Bytes;
use std::time::Duration;
use tokio::sync::mpsc;
use transport_core::testkit::{FakeMessage, FakeWsServer, UpgradeDecision};
use transport_core::ws::{WsConnectOptions, WsFrame, connect};
use transport_core::{Error, Secret};

#[tokio::test]
async fn headers_subprotocols_and_both_frame_kinds_reach_the_server() {
    let server = FakeWsServer::builder()
        // Pick the client's second choice, to see that the selection is the server's.
        .on_upgrade(|request| UpgradeDecision::Accept {
            subprotocol: request.subprotocols.get(1).cloned(),
        })
        .start(|mut conn| async move {
            while let Some(frame) = conn.recv().await {
                if frame.as_text() == Some("close-me") {
                    conn.close(4001, "bye").await;
                    return;
                }
                conn.send(frame).await.unwrap();
            }
        })
        .await
        .unwrap();
    let options = WsConnectOptions::new(server.url_with_path("/rpc?room=7"))
        .with_header("X-Client", "tests/1.0")
        .with_secret_header("Authorization", Secret::new("Bearer s3cret-token"))
        .with_subprotocol("rpc.v1")
        .with_subprotocol("rpc.v2");
    let mut conn = connect(&options).await.unwrap();
    assert_eq!(conn.subprotocol(), Some("rpc.v2"));
    assert_eq!(
        conn.response_headers()
            .get("sec-websocket-protocol")
            .and_then(|v| v.to_str().ok()),
        Some("rpc.v2")
    );

    conn.send(WsFrame::text("héllo")).await.unwrap();
    assert_eq!(conn.recv().await.unwrap(), WsFrame::text("héllo"));
    let payload = Bytes::from_static(&[0, 1, 254, 255]);
    conn.send(WsFrame::binary(payload.clone())).await.unwrap();
    assert_eq!(conn.recv().await.unwrap(), WsFrame::Binary(payload));

    let upgrade = &server.upgrade_requests()[0];
    assert_eq!(upgrade.path, "/rpc");
    assert_eq!(upgrade.query.as_deref(), Some("room=7"));
    assert_eq!(upgrade.subprotocols, ["rpc.v1", "rpc.v2"]);
    assert_eq!(upgrade.header("x-client"), Some("tests/1.0"));
    // The secret is sent on the wire…
    assert_eq!(upgrade.header("authorization"), Some("Bearer s3cret-token"));
    // …but shown nowhere on our side.
    assert!(!format!("{options:?}").contains("s3cret"));
    assert!(!format!("{conn:?}").contains("s3cret"));
    assert!(!format!("{conn:?}").contains("room=7"));

    conn.send(WsFrame::text("close-me")).await.unwrap();
    match conn.recv().await {
        Err(Error::Closed { code, reason }) => {
            assert_eq!(code, 4001);
            assert_eq!(reason, "bye");
        }
        other => panic!("expected the server's close, got {other:?}"),
    }
    assert_eq!(server.connections(), 1);
}

#[tokio::test]
async fn a_refused_upgrade_is_a_status_error_and_no_connection() {
    let server = FakeWsServer::builder()
        .refuse_with(503)
        .start(|_conn| async move { panic!("a refused upgrade runs no script") })
        .await
        .unwrap();
    let err = connect(&WsConnectOptions::new(server.url()))
        .await
        .unwrap_err();
    match &err {
        Error::Status(status) => {
            assert_eq!(status.status, 503);
            assert_eq!(status.path, "/");
        }
        other => panic!("expected a status error, got {other:?}"),
    }
    assert!(err.is_transient(), "503 is worth retrying: {err}");
    assert_eq!(server.connections(), 0);
    assert_eq!(server.upgrade_requests().len(), 1);
}

#[tokio::test]
async fn a_subprotocol_the_server_does_not_select_fails_the_connect() {
    let server = FakeWsServer::builder()
        .select_subprotocol(None)
        .start(|mut conn| async move { while conn.recv().await.is_some() {} })
        .await
        .unwrap();
    let options = WsConnectOptions::new(server.url()).with_subprotocol("rpc.v1");
    let err = connect(&options).await.unwrap_err();
    assert!(matches!(err, Error::Protocol(_)), "{err:?}");
    assert!(err.to_string().contains(&server.url()[..15]), "{err}");
}

#[tokio::test]
async fn pings_both_ways_and_a_client_close_with_code_and_reason() {
    let (seen_tx, mut seen_rx) = mpsc::unbounded_channel();
    let server = FakeWsServer::start(move |mut conn| {
        let seen = seen_tx.clone();
        async move {
            // Our ping is answered by the client while it waits in `recv`.
            conn.ping(Bytes::from_static(b"srv")).await.unwrap();
            let before_pong = conn.wait_pong(b"srv").await.unwrap();
            assert!(before_pong.is_empty());
            conn.send(WsFrame::text("pong seen")).await.unwrap();
            while let Some(message) = conn.next_message().await {
                let done = matches!(message, FakeMessage::Close { .. });
                seen.send(message).unwrap();
                if done {
                    break;
                }
            }
        }
    })
    .await
    .unwrap();
    let mut conn = connect(&WsConnectOptions::new(server.url())).await.unwrap();
    assert_eq!(conn.recv().await.unwrap(), WsFrame::text("pong seen"));

    conn.ping(Bytes::from_static(b"cli")).await.unwrap();
    let err = conn.ping(vec![0u8; 126]).await.unwrap_err();
    assert!(matches!(err, Error::InvalidInput { .. }), "{err:?}");
    conn.close(4000, "done", Duration::from_secs(5))
        .await
        .unwrap();

    assert_eq!(
        seen_rx.recv().await,
        Some(FakeMessage::Ping(Bytes::from_static(b"cli")))
    );
    assert_eq!(
        seen_rx.recv().await,
        Some(FakeMessage::Close {
            code: Some(4000),
            reason: "done".to_owned()
        })
    );
}

#[tokio::test]
async fn an_abrupt_drop_is_connection_lost_not_a_close() {
    let server = FakeWsServer::start(|mut conn| async move {
        let _ = conn.recv().await;
        conn.abort();
    })
    .await
    .unwrap();
    let mut conn = connect(&WsConnectOptions::new(server.url())).await.unwrap();
    conn.send(WsFrame::text("bye")).await.unwrap();
    let err = conn.recv().await.unwrap_err();
    assert!(matches!(err, Error::ConnectionLost { .. }), "{err:?}");
}

#[tokio::test]
async fn oversized_frames_are_refused_with_a_protocol_error() {
    let server = FakeWsServer::start(|mut conn| async move {
        conn.send(WsFrame::binary(vec![7u8; 4096])).await.unwrap();
        while conn.recv().await.is_some() {}
    })
    .await
    .unwrap();
    let options = WsConnectOptions::new(server.url()).with_max_sizes(Some(1024), Some(1024));
    let mut conn = connect(&options).await.unwrap();
    let err = conn.recv().await.unwrap_err();
    assert!(matches!(err, Error::Protocol(_)), "{err:?}");
    assert!(err.to_string().contains("too large"), "{err}");
}
