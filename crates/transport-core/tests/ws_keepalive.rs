//! Pings, idle timeouts and the application keepalive of the WebSocket engine.

mod ws_support;

use futures_util::StreamExt;
use serde_json::{Value, json};
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};
use transport_core::testkit::{FakeMessage, FakeWsServer};
use transport_core::ws::{
    ConnectionEvent, ConnectionState, NotificationItem, OverflowPolicy, WsClient,
};
use ws_support::{Rpc, call, config, echo_forever};

/// The server's ping timeout in these tests (TrueConf drops clients after a few missed 5 s
/// pings).
const SERVER_PING_TIMEOUT: Duration = Duration::from_secs(10);

#[tokio::test(start_paused = true)]
async fn server_pings_are_answered_while_the_application_never_reads_notifications() {
    let (done_tx, done_rx) = oneshot::channel::<(usize, usize)>();
    let done_tx = std::sync::Mutex::new(Some(done_tx));
    let server = FakeWsServer::start(move |mut conn| {
        let done = done_tx.lock().unwrap().take();
        async move {
            // Flood the client with 100 notifications (buffer: 8), then ping every 5 s for a
            // minute; every pong must come back within the server's ping timeout.
            for nid in 1..=100 {
                conn.send_json(&json!({"event": "message", "nid": nid}))
                    .await
                    .unwrap();
            }
            let mut acks = 0;
            let mut pongs = 0;
            for round in 0u8..12 {
                tokio::time::sleep(Duration::from_secs(5)).await;
                conn.ping(vec![round]).await.unwrap();
                let skipped = tokio::time::timeout(SERVER_PING_TIMEOUT, conn.wait_pong(&[round]))
                    .await
                    .expect("pong within the server's ping timeout")
                    .expect("connection alive");
                acks += skipped.len();
                pongs += 1;
            }
            if let Some(done) = done {
                done.send((pongs, acks)).unwrap();
            }
            while conn.recv().await.is_some() {}
        }
    })
    .await
    .unwrap();
    let protocol = Rpc {
        ack: true,
        ..Rpc::new()
    };
    let cfg = config(server.url()).with_notification_buffer(8, OverflowPolicy::DropOldest);
    let client = WsClient::connect(cfg, protocol).await.unwrap();
    // The application takes the stream but does not read it until the server is done.
    let mut notifications = client.notifications().unwrap();
    let started = tokio::time::Instant::now();
    let (pongs, acks) = done_rx.await.unwrap();
    assert!(
        started.elapsed() >= Duration::from_secs(60),
        "the consumer stalled for a minute"
    );
    assert_eq!(pongs, 12);
    assert_eq!(acks, 100, "every notification was acked by the engine");
    assert!(client.state().is_ready());
    assert_eq!(client.notifications_lost(), 92);
    // The loss is visible in the stream, followed by the 8 newest notifications.
    assert_eq!(
        notifications.next().await,
        Some(NotificationItem::Lagged { missed: 92 })
    );
    for nid in 93..=100 {
        match notifications.next().await.unwrap() {
            NotificationItem::Notification(value) => assert_eq!(value["nid"], nid),
            other => panic!("{other:?}"),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_handler_blocking_its_thread_does_not_stop_pongs() {
    // The handler blocks its worker thread (a synchronous wait: the mistake TrueConf users
    // made) until the server has seen 20 pongs; the pongs must come regardless. The server
    // runs in its own runtime on its own thread, like a real server in another process.
    let (pongs_tx, pongs_rx) = std::sync::mpsc::channel::<usize>();
    let (blocked_tx, blocked_rx) = oneshot::channel::<()>();
    let (url_tx, url_rx) = std::sync::mpsc::channel::<String>();
    let server_thread = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let (finished_tx, finished_rx) = oneshot::channel::<()>();
            let finished_tx = std::sync::Mutex::new(Some(finished_tx));
            let blocked_rx = std::sync::Mutex::new(Some(blocked_rx));
            let server = FakeWsServer::start(move |mut conn| {
                let pongs_tx = pongs_tx.clone();
                let blocked = blocked_rx.lock().unwrap().take();
                let finished = finished_tx.lock().unwrap().take();
                async move {
                    conn.send_json(&json!({"event": "block", "nid": 1}))
                        .await
                        .unwrap();
                    if let Some(blocked) = blocked {
                        blocked.await.unwrap();
                    }
                    let mut pongs = 0;
                    for round in 0u8..20 {
                        conn.ping(vec![round]).await.unwrap();
                        // A safety bound so a regression fails instead of hanging; pongs
                        // take microseconds.
                        let pong =
                            tokio::time::timeout(Duration::from_secs(30), conn.wait_pong(&[round]))
                                .await;
                        if matches!(pong, Ok(Some(_))) {
                            pongs += 1;
                        } else {
                            break;
                        }
                    }
                    pongs_tx.send(pongs).unwrap();
                    while conn.recv().await.is_some() {}
                    if let Some(finished) = finished {
                        let _ = finished.send(());
                    }
                }
            })
            .await
            .unwrap();
            url_tx.send(server.url()).unwrap();
            let _ = finished_rx.await;
        });
    });
    let url = url_rx.recv().unwrap();
    let client = WsClient::connect(config(url), Rpc::new()).await.unwrap();
    let mut notifications = client.notifications().unwrap();
    let handler = tokio::spawn(async move {
        let item = notifications.next().await;
        blocked_tx.send(()).unwrap();
        // Blocks this worker thread until the server reports.
        let pongs = pongs_rx.recv().unwrap();
        (item, pongs)
    });
    let (item, pongs) = handler.await.unwrap();
    assert!(matches!(item, Some(NotificationItem::Notification(ref v)) if v["nid"] == 1));
    assert_eq!(pongs, 20);
    assert!(client.state().is_ready());
    client.shutdown().await;
    server_thread.join().unwrap();
}

#[tokio::test(start_paused = true)]
async fn the_client_pings_on_its_interval() {
    let (pings_tx, mut pings_rx) = mpsc::unbounded_channel::<tokio::time::Instant>();
    let server = FakeWsServer::start(move |mut conn| {
        let pings = pings_tx.clone();
        async move {
            while let Some(message) = conn.next_message().await {
                if let FakeMessage::Ping(_) = message {
                    pings.send(tokio::time::Instant::now()).unwrap();
                }
            }
        }
    })
    .await
    .unwrap();
    let cfg = config(server.url())
        .with_ping(Some(Duration::from_secs(20)), Some(Duration::from_secs(45)));
    let start = tokio::time::Instant::now();
    let client = WsClient::connect(cfg, Rpc::new()).await.unwrap();
    let mut at = Vec::new();
    for _ in 0..3 {
        at.push(
            pings_rx
                .recv()
                .await
                .unwrap()
                .duration_since(start)
                .as_secs(),
        );
    }
    assert_eq!(at, [20, 40, 60]);
    // Pongs count as traffic: the idle timeout never fired.
    assert!(client.state().is_ready());
    assert_eq!(server.connections(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_silent_server_triggers_the_idle_timeout_and_a_reconnect() {
    let server = FakeWsServer::start(|mut conn| async move {
        if conn.index() == 0 {
            // Never read: pings go unanswered, nothing arrives at the client. Keep the socket
            // open until the client gives up on it.
            std::future::pending::<()>().await;
        }
        echo_forever(&mut conn).await;
    })
    .await
    .unwrap();
    let cfg = config(server.url())
        .with_ping(Some(Duration::from_secs(10)), Some(Duration::from_secs(25)));
    let client = WsClient::connect(cfg, Rpc::new()).await.unwrap();
    let mut events = client.events();
    let started = tokio::time::Instant::now();
    let reason = loop {
        if let ConnectionEvent::Disconnected { reason, .. } = events.recv().await.unwrap() {
            break reason;
        }
    };
    assert_eq!(reason, "nothing received for 25s");
    assert_eq!(started.elapsed(), Duration::from_secs(25));
    client.wait_for_state(ConnectionState::is_ready).await;
    let reply = client.request(call("back", Value::Null)).await.unwrap();
    assert_eq!(reply["result"]["echo"], "back");
    assert_eq!(server.connections(), 2);
}

#[tokio::test(start_paused = true)]
async fn an_unanswered_application_keepalive_reconnects() {
    let (keepalives_tx, mut keepalives_rx) = mpsc::unbounded_channel::<(usize, Value)>();
    let server = FakeWsServer::start(move |mut conn| {
        let keepalives = keepalives_tx.clone();
        async move {
            while let Some(request) = conn.recv_json().await {
                if request["method"] == "ping" {
                    keepalives.send((conn.index(), request.clone())).unwrap();
                    if conn.index() == 0 {
                        // The first connection is a zombie: it never answers.
                        continue;
                    }
                }
                let reply = json!({"id": request["id"], "result": "pong"});
                conn.send_json(&reply).await.unwrap();
            }
        }
    })
    .await
    .unwrap();
    let protocol = Rpc {
        keepalive: true,
        ..Rpc::new()
    };
    let cfg = config(server.url())
        .with_app_keepalive(Some(Duration::from_secs(15)))
        .with_request_timeout(Duration::from_secs(5));
    let client = WsClient::connect(cfg, protocol).await.unwrap();
    let mut events = client.events();
    let started = tokio::time::Instant::now();
    let (index, first) = keepalives_rx.recv().await.unwrap();
    assert_eq!((index, first["method"].clone()), (0, json!("ping")));
    assert_eq!(started.elapsed(), Duration::from_secs(15));
    let failed = loop {
        if let ConnectionEvent::KeepaliveFailed { error, interval } = events.recv().await.unwrap() {
            break (error, interval);
        }
    };
    assert!(failed.0.contains("timed out after 5s"), "{}", failed.0);
    assert_eq!(failed.1, Duration::from_secs(15));
    // On the new connection the keepalive is answered and the client stays up.
    let (index, _) = keepalives_rx.recv().await.unwrap();
    assert_eq!(index, 1);
    let (index, _) = keepalives_rx.recv().await.unwrap();
    assert_eq!(index, 1);
    assert!(client.state().is_ready());
    assert_eq!(server.connections(), 2);
}
