//! Pipelined batches (`WsClient::request_all`) against `FakeWsServer`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod ws_support;

use futures_util::StreamExt;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::time::Duration;
use tokio::sync::mpsc;
use transport_core::Error;
use transport_core::testkit::FakeWsServer;
use transport_core::ws::{WsClient, WsFrame};
use ws_support::{Rpc, call, config, echo_forever};

/// Collects a batch's results by index, checking each index comes exactly once.
async fn collect(
    mut results: transport_core::ws::BatchResults<Value>,
) -> BTreeMap<usize, Result<Value, Error>> {
    let mut by_index = BTreeMap::new();
    while let Some((index, result)) = results.next().await {
        assert!(
            by_index.insert(index, result).is_none(),
            "index {index} came twice"
        );
    }
    by_index
}

#[tokio::test(start_paused = true)]
async fn a_batch_is_pipelined_and_every_request_gets_its_own_reply() {
    const N: usize = 5_000;
    let (all_read_tx, mut all_read_rx) = mpsc::channel::<usize>(1);
    let server = FakeWsServer::start(move |mut conn| {
        let all_read = all_read_tx.clone();
        async move {
            let mut requests = Vec::with_capacity(N);
            while requests.len() < N {
                requests.push(conn.recv_json().await.unwrap());
            }
            all_read.send(requests.len()).await.unwrap();
            // Answer in a scrambled order, echoing the params.
            requests.sort_by_key(|r| (r["id"].as_u64().unwrap() * 7919) % 10_007);
            let frames: Vec<WsFrame> = requests
                .iter()
                .map(|r| WsFrame::text(json!({"id": r["id"], "result": r["params"]}).to_string()))
                .collect();
            conn.send_all(frames).await.unwrap();
            echo_forever(&mut conn).await;
        }
    })
    .await
    .unwrap();
    // A small outgoing queue: the batch must wait for room, chunk after chunk.
    let cfg = config(server.url())
        .with_request_timeout(Duration::from_secs(600))
        .with_send_queue(64);
    let client = WsClient::connect(cfg, Rpc::new()).await.unwrap();
    let results = client.request_all((0..N).map(|i| call("n", json!(i))));
    let collector = tokio::spawn(collect(results));
    assert_eq!(
        all_read_rx.recv().await,
        Some(N),
        "every request was on the wire at once"
    );
    assert_eq!(client.pending_len(), N);
    let by_index = collector.await.unwrap();
    assert_eq!(by_index.len(), N);
    for (index, result) in by_index {
        assert_eq!(
            result.unwrap()["result"],
            json!(index),
            "request {index} got its own reply"
        );
    }
    assert_eq!(client.pending_len(), 0);
}

#[tokio::test(start_paused = true)]
async fn each_request_of_a_batch_times_out_on_its_own() {
    let server = FakeWsServer::start(|mut conn| async move {
        while let Some(request) = conn.recv_json().await {
            // Request 3 is never answered.
            if request["params"] != json!(3) {
                let reply = json!({"id": request["id"], "result": request["params"]});
                conn.send_json(&reply).await.unwrap();
            }
        }
    })
    .await
    .unwrap();
    let cfg = config(server.url()).with_request_timeout(Duration::from_secs(5));
    let client = WsClient::connect(cfg, Rpc::new()).await.unwrap();
    let started = tokio::time::Instant::now();
    let by_index = collect(client.request_all((0..8).map(|i| call("n", json!(i))))).await;
    assert_eq!(by_index.len(), 8);
    for (index, result) in &by_index {
        match (index, result) {
            (3, Err(Error::Timeout { after, .. })) => assert_eq!(*after, Duration::from_secs(5)),
            (3, other) => panic!("request 3 should time out, got {other:?}"),
            (i, Ok(reply)) => assert_eq!(reply["result"], json!(i)),
            (i, Err(e)) => panic!("request {i} failed: {e}"),
        }
    }
    assert!(started.elapsed() >= Duration::from_secs(5));
    assert_eq!(client.pending_len(), 0);
}

#[tokio::test(start_paused = true)]
async fn requests_that_cannot_be_encoded_fail_alone() {
    let server = FakeWsServer::start(|mut conn| async move { echo_forever(&mut conn).await })
        .await
        .unwrap();
    let client = WsClient::connect(config(server.url()), Rpc::new())
        .await
        .unwrap();
    let requests = vec![
        call("a", json!(0)),
        call("", json!(1)),       // the protocol refuses to encode it
        call("notify", json!(2)), // a one-way message: no reply to wait for
        call("b", json!(3)),
    ];
    let by_index = collect(client.request_all(requests)).await;
    assert_eq!(by_index.len(), 4);
    assert_eq!(by_index[&0].as_ref().unwrap()["result"]["params"], json!(0));
    assert!(
        matches!(by_index[&1], Err(Error::InvalidInput { .. })),
        "{:?}",
        by_index[&1]
    );
    assert!(
        matches!(by_index[&2], Err(Error::InvalidInput { .. })),
        "{:?}",
        by_index[&2]
    );
    assert_eq!(by_index[&3].as_ref().unwrap()["result"]["params"], json!(3));
}

#[tokio::test(start_paused = true)]
async fn a_dropped_connection_fails_every_request_in_flight_exactly_once() {
    const N: usize = 1_000;
    let server = FakeWsServer::start(|mut conn| async move {
        if conn.index() == 0 {
            // First connection: answer 100 requests, then drop the socket.
            for _ in 0..100 {
                let request = conn.recv_json().await.unwrap();
                conn.send_json(&json!({"id": request["id"], "result": request["params"]}))
                    .await
                    .unwrap();
            }
            conn.abort();
        } else {
            echo_forever(&mut conn).await;
        }
    })
    .await
    .unwrap();
    let cfg = config(server.url()).with_request_timeout(Duration::from_secs(60));
    let client = WsClient::connect(cfg, Rpc::new()).await.unwrap();
    let by_index = collect(client.request_all((0..N).map(|i| call("n", json!(i))))).await;
    assert_eq!(by_index.len(), N, "every request got exactly one result");
    let (mut ok, mut lost) = (0, 0);
    for (index, result) in &by_index {
        match result {
            Ok(reply) => {
                assert_eq!(reply["result"], json!(index));
                ok += 1;
            }
            Err(Error::ConnectionLost { .. }) => lost += 1,
            Err(other) => panic!("request {index}: unexpected {other}"),
        }
    }
    assert_eq!(ok, 100, "the first connection's answers arrived");
    assert_eq!(
        lost,
        N - 100,
        "the requests in flight on the dropped socket failed"
    );
    assert_eq!(client.pending_len(), 0);
    // The client reconnected and the next batch goes through.
    let again = collect(client.request_all((0..10).map(|i| call("n", json!(i))))).await;
    assert!(again.values().all(Result::is_ok), "{again:?}");
    assert_eq!(server.connections(), 2);
}

#[tokio::test(start_paused = true)]
async fn a_batch_started_while_reconnecting_waits_for_the_connection() {
    let server = FakeWsServer::start(|mut conn| async move {
        if conn.index() == 0 {
            conn.abort();
        } else {
            echo_forever(&mut conn).await;
        }
    })
    .await
    .unwrap();
    let client = WsClient::connect(config(server.url()), Rpc::new())
        .await
        .unwrap();
    client.wait_for_state(|s| !s.is_ready()).await;
    let by_index = collect(client.request_all((0..300).map(|i| call("n", json!(i))))).await;
    assert_eq!(by_index.len(), 300);
    for (index, result) in by_index {
        assert_eq!(result.unwrap()["result"]["params"], json!(index));
    }
    assert_eq!(server.connections(), 2);
}

#[tokio::test(start_paused = true)]
async fn dropping_the_stream_stops_submitting() {
    // The server never reads: once the socket buffers are full the writer blocks, the small
    // outgoing queue fills, and the batch waits for room.
    let server = FakeWsServer::start(|conn| async move {
        tokio::time::sleep(Duration::from_secs(86_400)).await;
        drop(conn);
    })
    .await
    .unwrap();
    let cfg = config(server.url())
        .with_request_timeout(Duration::from_secs(3600))
        .with_send_queue(16);
    let client = WsClient::connect(cfg, Rpc::new()).await.unwrap();
    let big = "x".repeat(16 * 1024);
    let results = client.request_all((0..10_000).map(move |i| call("n", json!([i, big]))));
    // Let the submitter run until it waits for room.
    let mut registered = 0;
    for _ in 0..200 {
        tokio::time::sleep(Duration::from_millis(5)).await;
        let now = client.pending_len();
        if now == registered && now > 0 {
            break;
        }
        registered = now;
    }
    assert!(registered > 0, "the first requests were submitted");
    assert!(
        registered < 10_000,
        "back-pressure stopped the batch ({registered} registered)"
    );
    drop(results);
    tokio::time::sleep(Duration::from_secs(60)).await;
    // Nothing more was submitted; what was submitted stays registered until answered or
    // expired, so correlation stays aligned.
    assert_eq!(client.pending_len(), registered);
}
