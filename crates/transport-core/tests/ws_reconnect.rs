//! Disconnects, reconnects, fatal closes and shutdown of the WebSocket engine.

mod ws_support;

use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;
use serde_json::{Value, json};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::Instant;
use transport_core::Error;
use transport_core::testkit::{FakeMessage, FakeWsServer, UpgradeDecision};
use transport_core::ws::{
    CloseReason, ConnectionEvent, ConnectionState, NotificationItem, ReconnectPolicy,
    WhenDisconnected, WsClient, WsFrame,
};
use transport_core::{Backoff, Jitter};
use ws_support::{Rpc, accept_auth, call, config, connect_rpc, echo_forever};

#[tokio::test(start_paused = true)]
async fn server_drop_with_100_in_flight_fails_all_at_once_then_reconnects() {
    let (tokens_tx, mut tokens_rx) = mpsc::unbounded_channel::<(usize, String)>();
    let server = FakeWsServer::start(move |mut conn| {
        let tokens = tokens_tx.clone();
        async move {
            let token = accept_auth(&mut conn).await.unwrap();
            tokens.send((conn.index(), token)).unwrap();
            if conn.index() == 0 {
                // Read all 100 requests, answer none, and drop the TCP connection.
                for _ in 0..100 {
                    conn.recv_json().await.unwrap();
                }
                conn.abort();
                return;
            }
            echo_forever(&mut conn).await;
        }
    })
    .await
    .unwrap();
    let protocol = Rpc::with_auth("secret-token");
    let cfg = config(server.url()).with_request_timeout(Duration::from_secs(60));
    let client = WsClient::connect(cfg, protocol.clone()).await.unwrap();
    assert_eq!(
        tokens_rx.recv().await.unwrap(),
        (0, "secret-token".to_owned())
    );
    assert_eq!(protocol.handshakes(), 1);
    let mut events = client.events();

    let started = Instant::now();
    let calls: FuturesUnordered<_> = (0..100)
        .map(|n| {
            let client = client.clone();
            async move {
                let result = client.request(call("work", json!(n))).await;
                (result, started.elapsed())
            }
        })
        .collect();
    let results: Vec<_> = calls.collect().await;
    assert_eq!(results.len(), 100);
    for (result, elapsed) in &results {
        match result {
            Err(Error::ConnectionLost { reason }) => {
                assert_eq!(
                    reason,
                    "the server ended the connection without a close frame"
                );
            }
            other => panic!("expected ConnectionLost, got {other:?}"),
        }
        // Far below the 60 s request timeout: nobody waited for a timer.
        assert!(
            *elapsed < Duration::from_secs(1),
            "failed after {elapsed:?}"
        );
    }
    assert_eq!(client.pending_len(), 0);

    // The client reconnects by itself and authenticates again.
    assert_eq!(
        tokens_rx.recv().await.unwrap(),
        (1, "secret-token".to_owned())
    );
    let reply = client
        .request(call("after", json!("reconnect")))
        .await
        .unwrap();
    assert_eq!(reply["result"]["params"], "reconnect");
    assert_eq!(protocol.handshakes(), 2);
    assert_eq!(protocol.disconnects.load(Ordering::SeqCst), 1);
    assert_eq!(server.connections(), 2);

    // The events tell the story.
    let mut seen = Vec::new();
    while seen.len() < 5 {
        match events.recv().await.unwrap() {
            ConnectionEvent::Disconnected {
                failed_requests, ..
            } => seen.push(format!("disconnected {failed_requests}")),
            ConnectionEvent::StateChanged(state) => seen.push(state.to_string()),
            _ => {}
        }
    }
    assert_eq!(
        seen,
        [
            "disconnected 100",
            "backing off 100ms before attempt 1",
            "connecting (attempt 1)",
            "handshaking (attempt 1)",
            "ready",
        ]
    );
}

#[tokio::test(start_paused = true)]
async fn a_fatal_close_code_stops_reconnection_and_is_reported() {
    let server = FakeWsServer::start(|mut conn| async move {
        accept_auth(&mut conn).await.unwrap();
        let _request = conn.recv_json().await.unwrap();
        conn.close(4001, "token revoked").await;
    })
    .await
    .unwrap();
    let protocol = Rpc {
        fatal_codes: vec![4001],
        ..Rpc::with_auth("t")
    };
    let client = WsClient::connect(config(server.url()), protocol)
        .await
        .unwrap();
    let mut events = client.events();
    let err = client
        .request(call("doomed", Value::Null))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::ConnectionLost { reason } if reason.contains("code 4001: token revoked")),
        "{err}"
    );
    let state = client.wait_for_state(ConnectionState::is_closed).await;
    assert_eq!(
        state,
        ConnectionState::Closed {
            reason: CloseReason::FatalClose {
                code: 4001,
                reason: "token revoked".into()
            }
        }
    );
    let mut fatal = None;
    while let Some(event) = events.recv().await {
        if let ConnectionEvent::FatalClose { code, reason } = &event {
            fatal = Some((*code, reason.clone()));
        }
        if matches!(event, ConnectionEvent::StateChanged(ref s) if s.is_closed()) {
            break;
        }
    }
    assert_eq!(fatal, Some((4001, "token revoked".to_owned())));
    // Closed is terminal: no second connection, and requests say why.
    assert_eq!(server.connections(), 1);
    let err = client
        .request(call("later", Value::Null))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Closed { code: 4001, .. }), "{err}");
    let err = client.try_send_frame(WsFrame::text("ack")).unwrap_err();
    assert!(matches!(err, Error::Closed { code: 4001, .. }), "{err}");
}

#[tokio::test(start_paused = true)]
async fn frames_queued_without_waiting_never_wait_for_a_later_connection() {
    let (seen_tx, mut seen_rx) = mpsc::unbounded_channel::<(usize, String)>();
    let server = FakeWsServer::start(move |mut conn| {
        let seen = seen_tx.clone();
        async move {
            while let Some(text) = conn.recv_text().await {
                seen.send((conn.index(), text.clone())).unwrap();
                if text == "drop me" {
                    conn.abort();
                    return;
                }
            }
        }
    })
    .await
    .unwrap();
    let client = connect_rpc(&server).await;
    let mut events = client.events();
    client.try_send_frame(WsFrame::text("drop me")).unwrap();
    assert_eq!(seen_rx.recv().await.unwrap(), (0, "drop me".to_owned()));
    loop {
        if let Some(ConnectionEvent::StateChanged(ConnectionState::BackingOff { .. })) =
            events.recv().await
        {
            break;
        }
    }
    // Not connected: refused at once rather than sent on the next connection.
    let err = client
        .try_send_frame(WsFrame::text("stale ack"))
        .unwrap_err();
    assert!(matches!(err, Error::NotConnected { .. }), "{err}");
    client.wait_for_state(ConnectionState::is_ready).await;
    client.try_send_frame(WsFrame::text("fresh")).unwrap();
    assert_eq!(seen_rx.recv().await.unwrap(), (1, "fresh".to_owned()));
    client.shutdown().await;
    let err = client.try_send_frame(WsFrame::text("late")).unwrap_err();
    assert!(matches!(err, Error::Shutdown), "{err}");
}

#[tokio::test(start_paused = true)]
async fn a_normal_close_reconnects_after_the_backoff_delay() {
    let server = FakeWsServer::start(|mut conn| async move {
        if conn.index() == 0 {
            conn.close(1001, "going away").await;
            return;
        }
        echo_forever(&mut conn).await;
    })
    .await
    .unwrap();
    let client = connect_rpc(&server).await;
    let state = client
        .wait_for_state(|s| matches!(s, ConnectionState::BackingOff { .. }))
        .await;
    assert_eq!(
        state,
        ConnectionState::BackingOff {
            attempt: 1,
            delay: Duration::from_millis(100)
        }
    );
    // Requests issued meanwhile wait for the new connection (WhenDisconnected::Wait).
    let reply = client
        .request(call("while-down", Value::Null))
        .await
        .unwrap();
    assert_eq!(reply["result"]["echo"], "while-down");
    assert_eq!(server.connections(), 2);
}

#[tokio::test(start_paused = true)]
async fn fail_fast_requests_do_not_wait_for_the_reconnect() {
    let server = FakeWsServer::start(|mut conn| async move {
        if conn.index() == 0 {
            conn.close(1001, "").await;
            return;
        }
        echo_forever(&mut conn).await;
    })
    .await
    .unwrap();
    let cfg = config(server.url()).with_when_disconnected(WhenDisconnected::FailFast);
    let client = WsClient::connect(cfg, Rpc::new()).await.unwrap();
    client
        .wait_for_state(|s| matches!(s, ConnectionState::BackingOff { .. }))
        .await;
    let err = client.request(call("now", Value::Null)).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "not connected: backing off 100ms before attempt 1"
    );
    client.wait_for_state(ConnectionState::is_ready).await;
    assert!(client.request(call("later", Value::Null)).await.is_ok());
}

#[tokio::test(start_paused = true)]
async fn waiting_for_ready_is_bounded_by_the_request_timeout() {
    // The first connection is closed; every later upgrade is refused with 503.
    let server = FakeWsServer::builder()
        .on_numbered_upgrade(|n, request| match n {
            0 => UpgradeDecision::accept_first(request),
            _ => UpgradeDecision::Refuse {
                status: 503,
                body: "maintenance".into(),
            },
        })
        .start(|conn| async move { conn.close(1001, "").await })
        .await
        .unwrap();
    let cfg = config(server.url());
    let client = WsClient::connect(cfg, Rpc::new()).await.unwrap();
    let started = Instant::now();
    let err = client
        .request_with_timeout(call("x", Value::Null), Duration::from_secs(3))
        .await
        .unwrap_err();
    assert!(err.is_timeout(), "{err}");
    assert!(
        err.to_string().contains("waiting for the connection"),
        "{err}"
    );
    assert_eq!(started.elapsed(), Duration::from_secs(3));
}

#[tokio::test(start_paused = true)]
async fn max_attempts_gives_up_and_reports_each_failure() {
    let server = FakeWsServer::builder()
        .on_numbered_upgrade(|n, request| match n {
            0 => UpgradeDecision::accept_first(request),
            _ => UpgradeDecision::refuse(503),
        })
        .start(|mut conn| async move {
            // Close once the client has subscribed to events and says so.
            conn.recv().await;
            conn.close(1001, "").await;
        })
        .await
        .unwrap();
    let policy = ReconnectPolicy::new(
        Backoff::new(Duration::from_millis(100), Duration::from_secs(1)).with_jitter(Jitter::None),
    )
    .with_max_attempts(Some(3));
    let cfg = config(server.url()).with_reconnect(policy);
    let client = WsClient::connect(cfg, Rpc::new()).await.unwrap();
    let mut events = client.events();
    client.send_frame(WsFrame::text("go")).await.unwrap();
    let mut delays = Vec::new();
    let mut failures = Vec::new();
    let closed = loop {
        match events.recv().await.unwrap() {
            ConnectionEvent::StateChanged(ConnectionState::BackingOff { attempt, delay }) => {
                delays.push((attempt, delay.as_millis()));
            }
            ConnectionEvent::AttemptFailed {
                attempt,
                error,
                fatal,
            } => failures.push((attempt, error, fatal)),
            ConnectionEvent::StateChanged(ConnectionState::Closed { reason }) => break reason,
            _ => {}
        }
    };
    assert_eq!(delays, [(1, 100), (2, 200), (3, 400)]);
    assert_eq!(failures.len(), 3);
    for (n, (attempt, error, fatal)) in failures.iter().enumerate() {
        assert_eq!(*attempt as usize, n + 1);
        assert!(error.contains("HTTP 503"), "{error}");
        assert!(!fatal);
    }
    assert!(
        matches!(&closed, CloseReason::GaveUp { attempts: 3, last_error } if last_error.contains("503")),
        "{closed:?}"
    );
    let err = client.request(call("x", Value::Null)).await.unwrap_err();
    assert!(matches!(err, Error::ConnectionLost { .. }), "{err}");
    assert_eq!(server.upgrade_requests().len(), 4);
}

#[tokio::test(start_paused = true)]
async fn rejected_credentials_fail_connect_and_an_upgrade_refusal_shows_the_status() {
    let server = FakeWsServer::start(|mut conn| async move {
        let auth = conn.recv_json().await.unwrap();
        conn.send_json(&json!({"id": auth["id"], "error": "denied"}))
            .await
            .unwrap();
        while conn.recv().await.is_some() {}
    })
    .await
    .unwrap();
    let err = WsClient::connect(config(server.url()), Rpc::with_auth("wrong"))
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), "handshake failed: authentication denied");

    let refusing = FakeWsServer::builder()
        .refuse_with(401)
        .start(|_| async {})
        .await
        .unwrap();
    let err = WsClient::connect(config(refusing.url_with_path("/chat")), Rpc::new())
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(401));
    assert!(
        err.to_string()
            .starts_with("GET /chat: HTTP 401 Unauthorized"),
        "{err}"
    );
    assert_eq!(refusing.connections(), 0);
    assert_eq!(refusing.upgrade_requests().len(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_handshake_rejected_on_reconnect_is_fatal() {
    let server = FakeWsServer::start(|mut conn| async move {
        let auth = conn.recv_json().await.unwrap();
        if conn.index() == 0 {
            conn.send_json(&json!({"id": auth["id"], "result": "ok"}))
                .await
                .unwrap();
            conn.abort();
            return;
        }
        conn.send_json(&json!({"id": auth["id"], "error": "expired"}))
            .await
            .unwrap();
        while conn.recv().await.is_some() {}
    })
    .await
    .unwrap();
    let client = WsClient::connect(config(server.url()), Rpc::with_auth("t"))
        .await
        .unwrap();
    let state = client.wait_for_state(ConnectionState::is_closed).await;
    assert_eq!(
        state,
        ConnectionState::Closed {
            reason: CloseReason::FatalError {
                message: "handshake failed: authentication denied".into()
            }
        }
    );
    let err = client.request(call("x", Value::Null)).await.unwrap_err();
    assert!(matches!(err, Error::Handshake(_)), "{err}");
}

#[tokio::test(start_paused = true)]
async fn retrying_the_initial_connect_waits_for_the_server() {
    let server = FakeWsServer::builder()
        .on_numbered_upgrade(|n, request| match n {
            0 | 1 => UpgradeDecision::refuse(502),
            _ => UpgradeDecision::accept_first(request),
        })
        .start(|mut conn| async move { echo_forever(&mut conn).await })
        .await
        .unwrap();
    // Without retry the first refusal is returned.
    let err = WsClient::connect(config(server.url()), Rpc::new())
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(502));
    // With retry: one more refusal, then success.
    let cfg = config(server.url()).with_retry_initial_connect(true);
    let client = WsClient::connect(cfg, Rpc::new()).await.unwrap();
    assert!(client.state().is_ready());
    assert_eq!(server.upgrade_requests().len(), 3);
}

#[tokio::test(start_paused = true)]
async fn shutdown_closes_with_1000_and_fails_pending_requests() {
    let (closes_tx, mut closes_rx) = mpsc::unbounded_channel::<FakeMessage>();
    let (read_tx, mut read_rx) = mpsc::unbounded_channel::<()>();
    let server = FakeWsServer::start(move |mut conn| {
        let closes = closes_tx.clone();
        let read = read_tx.clone();
        async move {
            conn.recv_json().await.unwrap();
            read.send(()).unwrap();
            while let Some(message) = conn.next_message().await {
                if let FakeMessage::Close { .. } = message {
                    closes.send(message).unwrap();
                }
            }
        }
    })
    .await
    .unwrap();
    let client = connect_rpc(&server).await;
    let mut notifications = client.notifications().unwrap();
    let pending = tokio::spawn({
        let client = client.clone();
        async move { client.request(call("never", Value::Null)).await }
    });
    read_rx.recv().await.unwrap();
    client.shutdown().await;
    let err = pending.await.unwrap().unwrap_err();
    assert!(matches!(err, Error::Shutdown), "{err}");
    assert_eq!(
        closes_rx.recv().await.unwrap(),
        FakeMessage::Close {
            code: Some(1000),
            reason: String::new()
        }
    );
    assert_eq!(
        client.state(),
        ConnectionState::Closed {
            reason: CloseReason::Shutdown
        }
    );
    assert!(matches!(
        client.request(call("after", Value::Null)).await,
        Err(Error::Shutdown)
    ));
    assert_eq!(notifications.next().await, None);
    assert_eq!(server.connections(), 1);
}

#[tokio::test(start_paused = true)]
async fn dropping_the_last_client_shuts_down() {
    let (closes_tx, mut closes_rx) = mpsc::unbounded_channel::<Option<u16>>();
    let server = FakeWsServer::start(move |mut conn| {
        let closes = closes_tx.clone();
        async move {
            while let Some(message) = conn.next_message().await {
                if let FakeMessage::Close { code, .. } = message {
                    closes.send(code).unwrap();
                }
            }
        }
    })
    .await
    .unwrap();
    let client = connect_rpc(&server).await;
    let clone = client.clone();
    drop(client);
    assert!(clone.state().is_ready(), "a clone keeps the client alive");
    drop(clone);
    assert_eq!(closes_rx.recv().await.unwrap(), Some(1000));
}

#[tokio::test(start_paused = true)]
async fn frames_received_during_the_handshake_are_processed_after_it_in_order() {
    let server = FakeWsServer::start(|mut conn| async move {
        let auth = conn.recv_json().await.unwrap();
        // A notification overtakes the auth reply.
        conn.send_json(&json!({"event": "early", "nid": 1}))
            .await
            .unwrap();
        conn.send_json(&json!({"id": auth["id"], "result": "ok"}))
            .await
            .unwrap();
        conn.send_json(&json!({"event": "late", "nid": 2}))
            .await
            .unwrap();
        echo_forever(&mut conn).await;
    })
    .await
    .unwrap();
    let client = WsClient::connect(config(server.url()), Rpc::with_auth("t"))
        .await
        .unwrap();
    let mut notifications = client.notifications().unwrap();
    let mut events = Vec::new();
    for _ in 0..2 {
        match notifications.next().await.unwrap() {
            NotificationItem::Notification(value) => events.push(value["event"].clone()),
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(events, [json!("early"), json!("late")]);
}

#[tokio::test(start_paused = true)]
async fn a_forced_reconnect_fails_pending_requests_and_comes_back() {
    let (read_tx, mut read_rx) = mpsc::unbounded_channel::<usize>();
    let server = FakeWsServer::start(move |mut conn| {
        let read = read_tx.clone();
        async move {
            if conn.index() == 0 {
                conn.recv_json().await.unwrap();
                read.send(conn.index()).unwrap();
                while conn.recv().await.is_some() {}
                return;
            }
            echo_forever(&mut conn).await;
        }
    })
    .await
    .unwrap();
    let client = Arc::new(connect_rpc(&server).await);
    let stuck = tokio::spawn({
        let client = Arc::clone(&client);
        async move { client.request(call("stuck", Value::Null)).await }
    });
    assert_eq!(read_rx.recv().await.unwrap(), 0);
    client.reconnect();
    let err = stuck.await.unwrap().unwrap_err();
    assert_eq!(err.to_string(), "connection lost: reconnect requested");
    assert!(client.request(call("fresh", Value::Null)).await.is_ok());
    assert_eq!(server.connections(), 2);
}
