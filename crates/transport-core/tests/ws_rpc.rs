//! Request/response correlation of the WebSocket engine against `FakeWsServer`.

mod ws_support;

use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;
use serde_json::{Value, json};
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};
use transport_core::Error;
use transport_core::testkit::FakeWsServer;
use transport_core::ws::{
    ConnectionEvent, Inbound, NotificationItem, Outgoing, Protocol, WsClient, WsConfig, WsFrame,
};
use ws_support::{Rpc, call, config, connect_rpc, echo_forever};

#[tokio::test(start_paused = true)]
async fn out_of_order_responses_reach_their_callers() {
    // The server collects 50 requests, then answers them in reverse order.
    let server = FakeWsServer::start(|mut conn| async move {
        let mut requests = Vec::new();
        while requests.len() < 50 {
            let Some(request) = conn.recv_json().await else {
                return;
            };
            requests.push(request);
        }
        for request in requests.iter().rev() {
            let reply = json!({"id": request["id"], "result": request["params"]["n"]});
            conn.send_json(&reply).await.unwrap();
        }
        echo_forever(&mut conn).await;
    })
    .await
    .unwrap();
    let client = connect_rpc(&server).await;
    let calls: FuturesUnordered<_> = (0..50u64)
        .map(|n| {
            let client = client.clone();
            async move { (n, client.request(call("get", json!({ "n": n }))).await) }
        })
        .collect();
    let results: Vec<(u64, Result<Value, Error>)> = calls.collect().await;
    assert_eq!(results.len(), 50);
    for (n, result) in results {
        let reply = result.unwrap();
        assert_eq!(reply["result"], json!(n), "caller {n} got {reply}");
    }
    assert_eq!(client.pending_len(), 0);
}

#[tokio::test(start_paused = true)]
async fn a_request_without_answer_times_out_and_its_late_answer_is_discarded() {
    let (late_sent_tx, late_sent_rx) = oneshot::channel::<()>();
    let late_sent_tx = std::sync::Mutex::new(Some(late_sent_tx));
    let server = FakeWsServer::start(move |mut conn| {
        let late_sent = late_sent_tx.lock().unwrap().take();
        async move {
            let slow = conn.recv_json().await.unwrap();
            assert_eq!(slow["method"], "slow");
            // Answer long after the client's 1 s timeout.
            tokio::time::sleep(Duration::from_secs(5)).await;
            conn.send_json(&json!({"id": slow["id"], "result": "too late"}))
                .await
                .unwrap();
            if let Some(tx) = late_sent {
                let _ = tx.send(());
            }
            echo_forever(&mut conn).await;
        }
    })
    .await
    .unwrap();
    let client = connect_rpc(&server).await;
    let mut events = client.events();

    let started = tokio::time::Instant::now();
    let err = client
        .request_with_timeout(call("slow", Value::Null), Duration::from_secs(1))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Timeout { after, .. } if after == Duration::from_secs(1)),
        "{err}"
    );
    assert_eq!(started.elapsed(), Duration::from_secs(1));
    assert_eq!(client.pending_len(), 0);

    late_sent_rx.await.unwrap();
    // The late reply is reported and dropped; the next request gets its own answer.
    let reply = client.request(call("next", json!(2))).await.unwrap();
    assert_eq!(reply["result"]["echo"], "next");
    let late = loop {
        match events.recv().await.unwrap() {
            ConnectionEvent::LateResponse { key } => break key,
            ConnectionEvent::UnsolicitedResponse { keys } => panic!("unsolicited {keys}"),
            _ => {}
        }
    };
    assert_eq!(late, "1");
    assert!(client.state().is_ready());
}

#[tokio::test(start_paused = true)]
async fn each_request_expires_at_its_own_deadline_whatever_the_order() {
    // The server answers only `keep`, and only when told to.
    let (release_tx, release_rx) = oneshot::channel::<()>();
    let release_rx = std::sync::Mutex::new(Some(release_rx));
    let server = FakeWsServer::start(move |mut conn| {
        let release = release_rx.lock().unwrap().take();
        async move {
            let mut keep = None;
            for _ in 0..3 {
                let request = conn.recv_json().await.unwrap();
                if request["method"] == "keep" {
                    keep = Some(request["id"].clone());
                }
            }
            if let Some(release) = release {
                release.await.unwrap();
            }
            conn.send_json(&json!({"id": keep.unwrap(), "result": "kept"}))
                .await
                .unwrap();
            echo_forever(&mut conn).await;
        }
    })
    .await
    .unwrap();
    let client = connect_rpc(&server).await;
    let started = tokio::time::Instant::now();
    let timed = |method: &'static str, secs: u64| {
        let client = client.clone();
        async move {
            let result = client
                .request_with_timeout(call(method, Value::Null), Duration::from_secs(secs))
                .await;
            (result, started.elapsed())
        }
    };
    // A long deadline first, then a shorter one (the shared timer must move forward), then one
    // in between.
    let long = tokio::spawn(timed("long", 30));
    tokio::task::yield_now().await;
    let short = tokio::spawn(timed("short", 2));
    tokio::task::yield_now().await;
    let keep = tokio::spawn(timed("keep", 60));

    let (result, at) = short.await.unwrap();
    assert!(matches!(result, Err(Error::Timeout { .. })), "{result:?}");
    assert_eq!(at, Duration::from_secs(2));
    assert_eq!(client.pending_len(), 2);

    let (result, at) = long.await.unwrap();
    assert!(matches!(result, Err(Error::Timeout { .. })), "{result:?}");
    assert_eq!(at, Duration::from_secs(30));
    assert_eq!(client.pending_len(), 1);

    release_tx.send(()).unwrap();
    let (result, at) = keep.await.unwrap();
    assert_eq!(result.unwrap()["result"], "kept");
    assert_eq!(at, Duration::from_secs(30));
    assert_eq!(client.pending_len(), 0);
}

#[tokio::test(start_paused = true)]
async fn ten_thousand_requests_in_flight_are_all_answered() {
    const N: usize = 10_000;
    let (all_read_tx, mut all_read_rx) = mpsc::channel::<()>(1);
    let (answer_tx, answer_rx) = mpsc::channel::<()>(1);
    let answer_rx = std::sync::Arc::new(tokio::sync::Mutex::new(answer_rx));
    let server = FakeWsServer::start(move |mut conn| {
        let all_read = all_read_tx.clone();
        let answer = std::sync::Arc::clone(&answer_rx);
        async move {
            let mut ids = Vec::with_capacity(N);
            while ids.len() < N {
                let Some(request) = conn.recv_json().await else {
                    return;
                };
                ids.push(request["id"].as_u64().unwrap());
            }
            all_read.send(()).await.unwrap();
            answer.lock().await.recv().await.unwrap();
            // Answer in a scrambled order, in bulk.
            ids.sort_by_key(|id| (id * 7919) % 10_007);
            let frames: Vec<WsFrame> = ids
                .iter()
                .map(|id| WsFrame::text(json!({"id": id, "result": id}).to_string()))
                .collect();
            conn.send_all(frames).await.unwrap();
            echo_forever(&mut conn).await;
        }
    })
    .await
    .unwrap();
    let cfg = config(server.url()).with_request_timeout(Duration::from_secs(600));
    let client = WsClient::connect(cfg, Rpc::new()).await.unwrap();
    let mut events = client.events();
    let calls: FuturesUnordered<_> = (0..N)
        .map(|n| {
            let client = client.clone();
            async move { (n, client.request(call("n", json!(n))).await) }
        })
        .collect();
    let driver = tokio::spawn(async move { calls.collect::<Vec<_>>().await });
    all_read_rx.recv().await.unwrap();
    // Every request is registered and on the wire at once.
    assert_eq!(client.pending_len(), N);
    answer_tx.send(()).await.unwrap();
    let results = driver.await.unwrap();
    assert_eq!(results.len(), N);
    for (_, result) in &results {
        let reply = result.as_ref().unwrap();
        assert_eq!(reply["result"], reply["id"]);
    }
    // Nothing is left behind: the store is empty and no response went astray.
    assert_eq!(client.pending_len(), 0);
    client.shutdown().await;
    while let Some(event) = events.recv().await {
        assert!(
            !matches!(
                event,
                ConnectionEvent::UnsolicitedResponse { .. } | ConnectionEvent::LateResponse { .. }
            ),
            "{event:?}"
        );
        if matches!(event, ConnectionEvent::StateChanged(ref s) if s.is_closed()) {
            break;
        }
    }
}

#[tokio::test(start_paused = true)]
async fn one_way_messages_raw_frames_and_encode_errors() {
    let (seen_tx, mut seen_rx) = mpsc::unbounded_channel::<Value>();
    let server = FakeWsServer::start(move |mut conn| {
        let seen = seen_tx.clone();
        async move {
            while let Some(frame) = conn.recv().await {
                let value: Value = serde_json::from_slice(frame.as_bytes()).unwrap();
                seen.send(value.clone()).unwrap();
                if let Some(id) = value.get("id").filter(|_| value["method"] != "notify") {
                    conn.send_json(&json!({"id": id, "result": "ok"}))
                        .await
                        .unwrap();
                }
            }
        }
    })
    .await
    .unwrap();
    let client = connect_rpc(&server).await;

    // One-way: returns once queued, registers nothing.
    client.send(call("notify", json!("hello"))).await.unwrap();
    assert_eq!(seen_rx.recv().await.unwrap()["params"], "hello");
    assert_eq!(client.pending_len(), 0);
    // A request sent with send(): the reply is awaited and discarded.
    client.send(call("store", json!(1))).await.unwrap();
    assert_eq!(seen_rx.recv().await.unwrap()["method"], "store");
    // A raw frame.
    client
        .send_frame(WsFrame::text(r#"{"ack":9}"#))
        .await
        .unwrap();
    assert_eq!(seen_rx.recv().await.unwrap(), json!({"ack": 9}));
    // Without waiting, in order with what was queued before.
    client
        .try_send_frame(WsFrame::text(r#"{"ack":10}"#))
        .unwrap();
    client
        .send_frame(WsFrame::text(r#"{"ack":11}"#))
        .await
        .unwrap();
    assert_eq!(seen_rx.recv().await.unwrap(), json!({"ack": 10}));
    assert_eq!(seen_rx.recv().await.unwrap(), json!({"ack": 11}));
    // One-way messages cannot be awaited as requests.
    let err = client.request(call("notify", json!(0))).await.unwrap_err();
    assert!(matches!(err, Error::InvalidInput { .. }), "{err}");
    // Encoding errors come back before any I/O.
    let err = client.request(call("", json!(0))).await.unwrap_err();
    assert_eq!(err.to_string(), "invalid method: must not be empty");
    assert!(seen_rx.try_recv().is_err());
}

#[tokio::test(start_paused = true)]
async fn notifications_are_streamed_acked_and_unknown_frames_reported() {
    let (acks_tx, mut acks_rx) = mpsc::unbounded_channel::<Value>();
    let server = FakeWsServer::start(move |mut conn| {
        let acks = acks_tx.clone();
        async move {
            // Wait until the client has subscribed to events.
            assert_eq!(conn.recv_json().await.unwrap(), json!({"start": true}));
            for nid in 1..=3 {
                conn.send_json(&json!({"event": "message", "nid": nid}))
                    .await
                    .unwrap();
            }
            conn.send(WsFrame::text("garbage")).await.unwrap();
            conn.send_json(&json!({"heartbeat": true})).await.unwrap();
            conn.send(WsFrame::binary(vec![0u8, 1, 2])).await.unwrap();
            while let Some(value) = conn.recv_json().await {
                acks.send(value).unwrap();
            }
        }
    })
    .await
    .unwrap();
    let protocol = Rpc {
        ack: true,
        ..Rpc::new()
    };
    let client = WsClient::connect(config(server.url()), protocol)
        .await
        .unwrap();
    let mut events = client.events();
    let mut notifications = client.notifications().unwrap();
    assert!(client.notifications().is_none(), "the stream is taken once");
    client
        .send_frame(WsFrame::text(r#"{"start":true}"#))
        .await
        .unwrap();
    for nid in 1..=3 {
        match notifications.next().await.unwrap() {
            NotificationItem::Notification(value) => assert_eq!(value["nid"], nid),
            other => panic!("{other:?}"),
        }
        // Each notification was acked by the engine itself.
        assert_eq!(acks_rx.recv().await.unwrap(), json!({ "ack": nid }));
    }
    let mut unknown = Vec::new();
    while unknown.len() < 2 {
        if let ConnectionEvent::UnknownFrame { reason, frame } = events.recv().await.unwrap() {
            unknown.push((reason, frame));
        }
    }
    assert_eq!(unknown[0].0, "not JSON");
    assert_eq!(unknown[0].1.as_text(), Some("garbage"));
    assert_eq!(unknown[1].1.as_bytes(), &[0u8, 1, 2][..]);
    client.shutdown().await;
    assert_eq!(
        notifications.next().await,
        None,
        "the stream ends after shutdown"
    );
}

/// A protocol without request ids: replies are matched by their type, in order, with an
/// echo check (the e2e messenger's scheme).
struct Typed;

impl Protocol for Typed {
    /// (request type, expected reply type, echoed uuid)
    type Request = (&'static str, &'static str, Option<&'static str>);
    type Response = Value;
    type Notification = Value;
    type Key = String;

    fn encode(
        &self,
        (kind, reply, uuid): Self::Request,
        _seq: u64,
    ) -> Result<Outgoing<Self>, Error> {
        let frame = WsFrame::text(json!({"type": kind, "uuid": uuid}).to_string());
        let outgoing = Outgoing::new(reply.to_owned(), frame);
        Ok(match uuid {
            Some(uuid) => outgoing.with_matcher(move |r: &Value| r["uuid"] == uuid),
            None => outgoing,
        })
    }

    fn decode(&self, frame: WsFrame) -> Inbound<Self> {
        let value: Value = serde_json::from_slice(frame.as_bytes()).unwrap_or(Value::Null);
        match value["type"].as_str() {
            Some(kind) => Inbound::response(kind.to_owned(), value),
            None => Inbound::unknown("untyped", frame),
        }
    }
}

#[tokio::test(start_paused = true)]
async fn replies_without_ids_are_matched_by_type_order_and_echo() {
    let server = FakeWsServer::start(|mut conn| async move {
        let mut got = Vec::new();
        while got.len() < 4 {
            got.push(conn.recv_json().await.unwrap());
        }
        // Answer the two echo-checked requests in swapped order, then the two plain ones.
        conn.send_json(&json!({"type": "ResponseAddedMessage", "uuid": "B"}))
            .await
            .unwrap();
        conn.send_json(&json!({"type": "ResponseAddedMessage", "uuid": "A"}))
            .await
            .unwrap();
        conn.send_json(&json!({"type": "ResponsePong", "n": 1}))
            .await
            .unwrap();
        conn.send_json(&json!({"type": "ResponsePong", "n": 2}))
            .await
            .unwrap();
        while conn.recv().await.is_some() {}
    })
    .await
    .unwrap();
    let client = WsClient::connect(config(server.url()), Typed)
        .await
        .unwrap();
    let (a, b, p1, p2) = tokio::join!(
        client.request(("RequestAddMessage", "ResponseAddedMessage", Some("A"))),
        client.request(("RequestAddMessage", "ResponseAddedMessage", Some("B"))),
        client.request(("RequestPing", "ResponsePong", None)),
        client.request(("RequestPing", "ResponsePong", None)),
    );
    assert_eq!(a.unwrap()["uuid"], "A");
    assert_eq!(b.unwrap()["uuid"], "B");
    // Same reply type, no echo: first in, first out.
    assert_eq!(p1.unwrap()["n"], 1);
    assert_eq!(p2.unwrap()["n"], 2);
}

#[tokio::test(start_paused = true)]
async fn without_ids_a_late_reply_does_not_complete_the_next_request() {
    let server = FakeWsServer::start(|mut conn| async move {
        let first = conn.recv_json().await.unwrap();
        assert_eq!(first["type"], "RequestPing");
        // The first ping is answered only after the second arrived (and the first expired).
        let second = conn.recv_json().await.unwrap();
        assert_eq!(second["type"], "RequestPing");
        conn.send_json(&json!({"type": "ResponsePong", "n": "late"}))
            .await
            .unwrap();
        conn.send_json(&json!({"type": "ResponsePong", "n": "second"}))
            .await
            .unwrap();
        while conn.recv().await.is_some() {}
    })
    .await
    .unwrap();
    let client = WsClient::connect(config(server.url()), Typed)
        .await
        .unwrap();
    let mut events = client.events();
    let err = client
        .request_with_timeout(
            ("RequestPing", "ResponsePong", None),
            Duration::from_secs(1),
        )
        .await
        .unwrap_err();
    assert!(err.is_timeout(), "{err}");
    let second = client
        .request(("RequestPing", "ResponsePong", None))
        .await
        .unwrap();
    assert_eq!(second["n"], "second");
    loop {
        if let ConnectionEvent::LateResponse { key } = events.recv().await.unwrap() {
            assert_eq!(key, "\"ResponsePong\"");
            break;
        }
    }
}

#[tokio::test(start_paused = true)]
async fn dropping_a_request_future_removes_it_and_taints_its_key() {
    let (got_tx, mut got_rx) = mpsc::unbounded_channel::<u64>();
    let (reply_tx, reply_rx) = oneshot::channel::<()>();
    let reply_rx = std::sync::Mutex::new(Some(reply_rx));
    let server = FakeWsServer::start(move |mut conn| {
        let got = got_tx.clone();
        let go = reply_rx.lock().unwrap().take();
        async move {
            let request = conn.recv_json().await.unwrap();
            let id = request["id"].as_u64().unwrap();
            got.send(id).unwrap();
            if let Some(go) = go {
                go.await.unwrap();
            }
            conn.send_json(&json!({"id": id, "result": "orphan"}))
                .await
                .unwrap();
            echo_forever(&mut conn).await;
        }
    })
    .await
    .unwrap();
    let client = connect_rpc(&server).await;
    let mut events = client.events();
    let abandoned = tokio::spawn({
        let client = client.clone();
        async move { client.request(call("abandoned", Value::Null)).await }
    });
    let id = got_rx.recv().await.unwrap();
    assert_eq!(client.pending_len(), 1);
    abandoned.abort();
    assert!(abandoned.await.unwrap_err().is_cancelled());
    assert_eq!(client.pending_len(), 0);
    reply_tx.send(()).unwrap();
    loop {
        if let ConnectionEvent::LateResponse { key } = events.recv().await.unwrap() {
            assert_eq!(key, id.to_string());
            break;
        }
    }
}

#[tokio::test(start_paused = true)]
async fn invalid_configuration_is_rejected_before_connecting() {
    let err = WsClient::connect(WsConfig::new("http://127.0.0.1:1/"), Rpc::new())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { .. }), "{err}");
}
