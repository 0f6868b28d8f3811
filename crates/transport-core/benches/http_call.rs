//! Per-call latency of `HttpClient::send` with a typed `Endpoint`, against bare reqwest doing the
//! same work (GET, read the body, decode the same JSON into the same struct), on the same local
//! HTTP/1.1 keep-alive server, in the same run.
//!
//! Run with `cargo xtask bench http` (or `cargo bench -p transport-core --bench http_call`).
//! `--quick` uses fewer calls. Prints one `@bench` line for `cargo xtask bench`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout
)]

use std::borrow::Cow;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use transport_core::http::{Endpoint, HttpClient, Method, RawResponse, RetryPolicy};

const BODY: &str = r#"{"id":"ECHOECHO","nickname":"Echo","firstName":"Ada","lastName":"Lovelace","version":"android - 5.2","category":"staff,it"}"#;

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct User {
    id: String,
    nickname: String,
    #[serde(rename = "firstName")]
    first_name: String,
    #[serde(rename = "lastName")]
    last_name: String,
    version: String,
    category: String,
}

struct GetUser;

impl Endpoint for GetUser {
    type Response = User;
    const METHOD: Method = Method::GET;
    fn path(&self) -> Cow<'_, str> {
        "/users/ECHOECHO".into()
    }
    fn parse(&self, response: RawResponse) -> transport_core::Result<User> {
        response.json()
    }
}

/// A minimal HTTP/1.1 keep-alive server answering every request with `BODY`, on its own thread.
fn start_server() -> String {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            let response = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{BODY}",
                BODY.len()
            );
            loop {
                let (mut socket, _) = listener.accept().await.unwrap();
                socket.set_nodelay(true).unwrap();
                let response = response.clone();
                tokio::spawn(async move {
                    let mut buf = Vec::with_capacity(4096);
                    let mut chunk = [0u8; 4096];
                    loop {
                        // Requests are bodiless GETs: one ends at the blank line.
                        while let Some(end) = find(&buf, b"\r\n\r\n") {
                            buf.drain(..end + 4);
                            if socket.write_all(response.as_bytes()).await.is_err() {
                                return;
                            }
                        }
                        match socket.read(&mut chunk).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => buf.extend_from_slice(&chunk[..n]),
                        }
                    }
                });
            }
        });
    });
    format!("http://{}", rx.recv().unwrap())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

async fn bare(client: &reqwest::Client, url: &str, calls: usize) -> Duration {
    let started = Instant::now();
    for _ in 0..calls {
        let response = client.get(url).send().await.unwrap();
        assert!(response.status().is_success());
        let body = response.bytes().await.unwrap();
        let user: User = serde_json::from_slice(&body).unwrap();
        assert_eq!(user.id, "ECHOECHO");
    }
    started.elapsed()
}

async fn ours(client: &HttpClient, calls: usize) -> Duration {
    let started = Instant::now();
    for _ in 0..calls {
        let user = client.send(&GetUser).await.unwrap();
        assert_eq!(user.id, "ECHOECHO");
    }
    started.elapsed()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    // Many short paired rounds, alternating which side goes first; the figure is the median of
    // the per-round ratios, which cancels drift on a busy machine.
    let (rounds, calls) = if quick { (31, 200) } else { (101, 400) };
    let base = start_server();
    let url = format!("{base}/users/ECHOECHO");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let bare_client = reqwest::Client::builder().no_proxy().build().unwrap();
        let our_client = HttpClient::builder(&base)
            .unwrap()
            .no_proxy()
            .retry(RetryPolicy::default())
            .build()
            .unwrap();
        // Warm both connection pools.
        bare(&bare_client, &url, 100).await;
        ours(&our_client, 100).await;
        let (mut b, mut o, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
        for round in 0..rounds {
            let (tb, to) = if round % 2 == 0 {
                let tb = bare(&bare_client, &url, calls).await;
                (tb, ours(&our_client, calls).await)
            } else {
                let to = ours(&our_client, calls).await;
                (bare(&bare_client, &url, calls).await, to)
            };
            b.push(tb.as_secs_f64() / calls as f64);
            o.push(to.as_secs_f64() / calls as f64);
            ratios.push(to.as_secs_f64() / tb.as_secs_f64());
        }
        let ratio = median(ratios);
        let (b, o) = (median(b), median(o));
        println!(
            "@bench\tHTTP per-call latency (HttpClient + Endpoint vs bare reqwest, GET + JSON decode)\t{:.1} µs\t{:.1} µs\t{ratio:.3}\t≤ 1.05\t{}",
            o * 1e6,
            b * 1e6,
            if ratio <= 1.05 { "yes" } else { "no" }
        );
    });
}
