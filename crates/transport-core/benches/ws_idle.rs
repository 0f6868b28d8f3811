//! Memory of idle connected WebSocket clients: the process's resident set before connecting,
//! and after 1,000 `WsClient`s (default configuration: WS pings, reconnect supervisor, reader,
//! writer and expiry tasks) are connected and idle. The server runs in a child process (this
//! binary with `--server`), so its memory is not counted.
//!
//! Run with `cargo xtask bench ws_idle`. Prints one `@bench` line for `cargo xtask bench`.

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    clippy::unwrap_used,
    clippy::expect_used,
    missing_docs
)]

use futures_util::{SinkExt, StreamExt};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Duration;
use tokio::net::TcpListener;
use transport_core::Error;
use transport_core::ws::{Inbound, Outgoing, Protocol, WsClient, WsConfig, WsFrame};

const CLIENTS: usize = 1_000;
const GOAL_KIB: f64 = 64.0;

/// A protocol with nothing to say: the clients stay idle.
struct Quiet;

impl Protocol for Quiet {
    type Request = ();
    type Response = ();
    type Notification = ();
    type Key = u64;

    fn encode(&self, (): (), seq: u64) -> Result<Outgoing<Self>, Error> {
        Ok(Outgoing::new(seq, WsFrame::text("{}")))
    }

    fn decode(&self, _frame: WsFrame) -> Inbound<Self> {
        Inbound::Ignore
    }
}

/// Resident set size of this process in KiB.
fn rss_kib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse::<f64>().ok())
        .unwrap()
}

/// The child: accept WebSocket connections and keep them open (answering pings) until stdin
/// closes.
fn server() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        println!("{}", listener.local_addr().unwrap());
        std::io::stdout().flush().unwrap();
        tokio::spawn(async move {
            while let Ok((tcp, _)) = listener.accept().await {
                tokio::spawn(async move {
                    let Ok(ws) = tokio_tungstenite::accept_async(tcp).await else {
                        return;
                    };
                    let (mut sink, mut stream) = ws.split();
                    while let Some(Ok(message)) = stream.next().await {
                        if message.is_close() {
                            break;
                        }
                    }
                    let _ = sink.close().await;
                });
            }
        });
        // Run until the parent closes our stdin.
        tokio::task::spawn_blocking(|| {
            let mut line = String::new();
            let _ = std::io::stdin().read_line(&mut line);
        })
        .await
        .unwrap();
    });
}

fn main() {
    if std::env::args().any(|a| a == "--server") {
        server();
        return;
    }
    let mut child = Command::new(std::env::current_exe().unwrap())
        .arg("--server")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut addr = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut addr)
        .unwrap();
    let url = format!("ws://{}/", addr.trim());

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let (before, after) = runtime.block_on(async {
        // One client first, so one-time costs (runtime, TLS and tracing statics) are in the
        // baseline rather than spread over the clients.
        let warm = WsClient::connect(WsConfig::new(url.clone()), Quiet)
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(200)).await;
        let before = rss_kib();
        let mut clients = Vec::with_capacity(CLIENTS);
        for _ in 0..CLIENTS {
            clients.push(
                WsClient::connect(WsConfig::new(url.clone()), Quiet)
                    .await
                    .unwrap(),
            );
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        let after = rss_kib();
        assert!(clients.iter().all(|c| c.state().is_ready()));
        for client in &clients {
            client.shutdown().await;
        }
        warm.shutdown().await;
        (before, after)
    });
    drop(child.stdin.take());
    let _ = child.wait();
    let per_client = (after - before) / CLIENTS as f64;
    eprintln!(
        "RSS: {:.1} MiB before, {:.1} MiB with {CLIENTS} idle clients",
        before / 1024.0,
        after / 1024.0
    );
    println!(
        "@bench\tRSS per idle connected WebSocket client ({CLIENTS} WsClients, default config)\t{per_client:.1} KiB\t{:.1} MiB before connecting\t—\t≤ {GOAL_KIB:.0} KiB each\t{}",
        before / 1024.0,
        if per_client <= GOAL_KIB { "yes" } else { "no" }
    );
}
