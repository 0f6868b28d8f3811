//! Pipelined WebSocket RPC throughput: `WsClient` against a raw tokio-tungstenite client, both
//! driving the same local echo server.
//!
//! The server (its own thread and runtime) echoes every text frame (`{"id":N,…}`), batching its
//! writes. The baseline is a raw tokio-tungstenite client split into a writer half that sends N
//! requests back to back and a reader half that decodes the id of every response (the minimum a
//! correlating client must do). Ours is a `WsClient` with a minimal JSON-id `Protocol` and N
//! concurrent `request` futures. Both run on a current-thread runtime, alternate over several
//! rounds, and the median rate of each is reported.
//!
//! Two harness choices, both about the *driver* of the N futures, not the engine:
//!
//! - the N request futures are polled inside `tokio::task::unconstrained`. With tokio's
//!   cooperative budget, a `FuturesUnordered` of thousands of futures degrades badly: once the
//!   budget is spent, every future it polls returns `Pending` and defers its wake-up, and
//!   `FuturesUnordered` goes on polling all of them (measured: 4–10× slower, whatever sits
//!   behind the futures);
//! - the outgoing queue holds all N frames (`WsConfig::send_queue`), as the raw client's writer
//!   has no bound either. With the default (1,024) the other requests wait for a slot, which
//!   is the correct back-pressure but measures the waiting path.
//!
//! Prints one line on stdout: `@bench<TAB>figure<TAB>ours<TAB>baseline<TAB>ratio<TAB>goal<TAB>met`.
//! On stderr, per round: wall time and the CPU time the client thread used (Linux schedstat),
//! which stays meaningful on a loaded machine. `--quick` runs a smaller workload.

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::unwrap_used,
    clippy::expect_used,
    missing_docs
)]

use futures_util::stream::FuturesUnordered;
use futures_util::{FutureExt, SinkExt, StreamExt};
use serde::Deserialize;
use std::net::SocketAddr;
use std::time::{Duration, Instant};
use tokio::net::TcpListener;
use tokio_tungstenite::tungstenite::Message;
use transport_core::Error;
use transport_core::ws::{Inbound, Outgoing, Protocol, WsClient, WsConfig, WsFrame};

#[derive(Deserialize)]
struct Id {
    id: u64,
}

fn request_text(id: u64) -> String {
    format!(r#"{{"id":{id},"method":"echo","params":{{"n":{id}}}}}"#)
}

/// The minimal JSON-id protocol.
struct JsonId;

impl Protocol for JsonId {
    type Request = ();
    type Response = u64;
    type Notification = ();
    type Key = u64;

    fn encode(&self, (): (), seq: u64) -> Result<Outgoing<Self>, Error> {
        Ok(Outgoing::new(seq, WsFrame::text(request_text(seq))))
    }

    fn decode(&self, frame: WsFrame) -> Inbound<Self> {
        // The same decode as the raw client's: from the already validated text.
        match frame.as_text().map(serde_json::from_str::<Id>) {
            Some(Ok(Id { id })) => Inbound::response(id, id),
            _ => Inbound::unknown("not an RPC response", frame),
        }
    }
}

/// Starts the echo server on its own thread and runtime; returns its address.
fn start_server() -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            while let Ok((tcp, _)) = listener.accept().await {
                tcp.set_nodelay(true).unwrap();
                tokio::spawn(async move {
                    let Ok(mut ws) = tokio_tungstenite::accept_async(tcp).await else {
                        return;
                    };
                    // Echo, feeding everything that is already readable before one flush.
                    while let Some(Ok(message)) = ws.next().await {
                        if !message.is_text() {
                            continue;
                        }
                        if ws.feed(message).await.is_err() {
                            return;
                        }
                        while let Some(Some(Ok(message))) = ws.next().now_or_never() {
                            if message.is_text() && ws.feed(message).await.is_err() {
                                return;
                            }
                        }
                        if ws.flush().await.is_err() {
                            return;
                        }
                    }
                });
            }
        });
    });
    rx.recv().unwrap()
}

/// Raw tokio-tungstenite: writer half pipelines `n` requests, reader half decodes `n` ids.
async fn raw_round(addr: SocketAddr, n: u64) -> Duration {
    let (ws, _) = tokio_tungstenite::connect_async(format!("ws://{addr}/"))
        .await
        .unwrap();
    ws.get_ref().get_ref().set_nodelay(true).unwrap();
    let (mut sink, mut stream) = ws.split();
    let started = Instant::now();
    let writer = tokio::spawn(async move {
        for id in 1..=n {
            sink.feed(Message::text(request_text(id))).await.unwrap();
        }
        sink.flush().await.unwrap();
        sink
    });
    let mut sum = 0u64;
    let mut received = 0u64;
    while received < n {
        if let Message::Text(text) = stream.next().await.unwrap().unwrap() {
            let Id { id } = serde_json::from_str(text.as_str()).unwrap();
            sum += id;
            received += 1;
        }
    }
    let elapsed = started.elapsed();
    assert_eq!(sum, n * (n + 1) / 2, "every response arrived once");
    let sink = writer.await.unwrap();
    let mut ws = sink.reunite(stream).unwrap();
    ws.close(None).await.ok();
    elapsed
}

/// `WsClient`: `n` concurrent requests.
async fn ours_round(addr: SocketAddr, n: u64) -> Duration {
    let config = WsConfig::new(format!("ws://{addr}/"))
        .with_request_timeout(Duration::from_secs(600))
        .with_ping(None, None)
        .with_send_queue(usize::try_from(n).unwrap());
    let client = WsClient::connect(config, JsonId).await.unwrap();
    let started = Instant::now();
    let calls: FuturesUnordered<_> = (0..n).map(|_| client.request(())).collect();
    let ids: Vec<u64> = tokio::task::unconstrained(calls.map(Result::unwrap).collect()).await;
    let elapsed = started.elapsed();
    assert_eq!(ids.len() as u64, n);
    assert_eq!(
        ids.iter().sum::<u64>(),
        n * (n + 1) / 2,
        "every caller got its own id"
    );
    assert_eq!(client.pending_len(), 0);
    client.shutdown().await;
    elapsed
}

/// `WsClient::request_all`: `n` requests as one pipelined batch.
async fn batch_round(addr: SocketAddr, n: u64) -> Duration {
    let config = WsConfig::new(format!("ws://{addr}/"))
        .with_request_timeout(Duration::from_secs(600))
        .with_ping(None, None);
    let client = WsClient::connect(config, JsonId).await.unwrap();
    let started = Instant::now();
    let mut results = client.request_all((0..n).map(|_| ()));
    let (mut sum, mut count) = (0u64, 0u64);
    while let Some((_, result)) = results.next().await {
        sum += result.unwrap();
        count += 1;
    }
    let elapsed = started.elapsed();
    assert_eq!(count, n);
    assert_eq!(sum, n * (n + 1) / 2, "every caller got its own id");
    assert_eq!(client.pending_len(), 0);
    client.shutdown().await;
    elapsed
}

/// CPU time this thread has run so far (Linux), if known.
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// Runs one round; returns (requests per second, client CPU µs per request).
fn measure(
    runtime: &tokio::runtime::Runtime,
    n: u64,
    round: impl Future<Output = Duration>,
) -> (f64, Option<f64>) {
    let cpu_before = thread_cpu();
    let elapsed = runtime.block_on(round);
    let cpu = match (cpu_before, thread_cpu()) {
        (Some(before), Some(after)) => Some((after - before).as_secs_f64() * 1e6 / n as f64),
        _ => None,
    };
    (n as f64 / elapsed.as_secs_f64(), cpu)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let (n, rounds) = if quick {
        (20_000u64, 5)
    } else {
        (100_000u64, 7)
    };
    let n = std::env::var("WS_RPC_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(n);
    let addr = start_server();
    // For profiling one path alone: `WS_RPC_ONLY=raw|batch|each [WS_RPC_N=requests] <bench binary>`.
    let only = std::env::var("WS_RPC_ONLY").ok();
    if let Some(path) = only.as_deref() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let (rate, cpu) = match path {
            "raw" => measure(&runtime, n, raw_round(addr, n)),
            "batch" => measure(&runtime, n, batch_round(addr, n)),
            _ => measure(&runtime, n, ours_round(addr, n)),
        };
        let cpu = cpu.map_or_else(|| "?".to_owned(), |c| format!("{c:.3}"));
        eprintln!("{path}: {rate:.0}/s, client CPU {cpu} µs per request");
        return;
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    // Warm up both paths (connections, allocator, caches).
    runtime.block_on(raw_round(addr, n / 10));
    runtime.block_on(ours_round(addr, n / 10));
    runtime.block_on(batch_round(addr, n / 10));
    let (mut raw, mut ours, mut batch) = (Vec::new(), Vec::new(), Vec::new());
    let (mut raw_cpu, mut ours_cpu, mut batch_cpu) = (Vec::new(), Vec::new(), Vec::new());
    let (mut batch_ratios, mut ours_ratios) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let (raw_rate, cpu) = measure(&runtime, n, raw_round(addr, n));
        raw.push(raw_rate);
        raw_cpu.extend(cpu);
        let (rate, cpu) = measure(&runtime, n, batch_round(addr, n));
        batch.push(rate);
        batch_cpu.extend(cpu);
        batch_ratios.push(rate / raw_rate);
        let (rate, cpu) = measure(&runtime, n, ours_round(addr, n));
        ours.push(rate);
        ours_cpu.extend(cpu);
        ours_ratios.push(rate / raw_rate);
    }
    if !raw_cpu.is_empty() && !ours_cpu.is_empty() {
        eprintln!(
            "client thread CPU per request (median): request_all {:.2} µs, request × N {:.2} µs, raw {:.2} µs",
            median(batch_cpu),
            median(ours_cpu),
            median(raw_cpu)
        );
    }
    let (raw, ours, batch) = (median(raw), median(ours), median(batch));
    // Each round's ratio is taken against the raw run just before it; the median of those
    // ratios cancels drift on a busy machine.
    let (batch_ratio, ours_ratio) = (median(batch_ratios), median(ours_ratios));
    println!(
        "@bench\tWebSocket RPC pipelined requests/s (WsClient::request_all vs raw tokio-tungstenite)\t{batch:.0}/s\t{raw:.0}/s\t{batch_ratio:.2}\t≥ 0.90\t{}",
        if batch_ratio >= 0.90 { "yes" } else { "no" }
    );
    println!(
        "@bench\tWebSocket RPC requests/s, one future per request (N concurrent WsClient::request vs raw)\t{ours:.0}/s\t{raw:.0}/s\t{ours_ratio:.2}\treported\tn/a"
    );
}
