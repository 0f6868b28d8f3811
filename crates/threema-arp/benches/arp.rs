//! ARP figures for `cargo xtask bench` (issue 11), each against a baseline in the same run:
//!
//! - chunk + reassemble of a 64 MiB blob (the connection layer's `Chunker` at the default
//!   64 KiB chunk size, then `Unchunker`) against a `memcpy` of the same 64 MiB; the ratio is
//!   memcpy time / ours (a throughput ratio, goal ≥ 0.25);
//! - typed decode of a `response/messages` of 1,000 messages (`Frame::decode`) against a
//!   generic msgpack decode of the same bytes into `rmpv::Value`; ratio ours / rmpv (goal ≤ 1.0);
//! - with the `testkit` feature: the end-to-end rate of a blob download (`ArpClient::blob`
//!   from the fake app) through the real `saltyrtc-server` (installed by `cargo xtask setup`),
//!   against the same download through the in-process Rust relay (`LocalRelay`); goal
//!   "report".
//!
//! Run with `cargo bench -p threema-arp --bench arp --features testkit` (add `-- --quick` for
//! smaller sizes). Prints `@bench` lines.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    clippy::cast_precision_loss
)]

use std::hint::black_box;
use std::time::Instant;
use threema_arp::api::ResponseMessages;
use threema_arp::chunking::{Chunker, DEFAULT_CHUNK_SIZE, Unchunker, UnchunkerConfig};
use threema_arp::model::{Message, MessageType, ReceiverRef};
use threema_arp::{Direction, Frame};

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn time(f: impl FnOnce()) -> f64 {
    let start = Instant::now();
    f();
    start.elapsed().as_secs_f64()
}

fn chunk_and_reassemble(quick: bool) {
    let size = if quick { 16 << 20 } else { 64 << 20 };
    let data: Vec<u8> = (0..size).map(|i| (i % 251) as u8).collect();
    let chunker = Chunker::new(DEFAULT_CHUNK_SIZE).unwrap();
    let runs = if quick { 3 } else { 7 };
    let (mut ours, mut baseline) = (Vec::new(), Vec::new());
    for run in 0..runs {
        ours.push(time(|| {
            let mut unchunker = Unchunker::new(UnchunkerConfig::default());
            let mut whole = None;
            for chunk in chunker.chunks(run, &data) {
                if let Some(message) = unchunker.push(&chunk).unwrap() {
                    whole = Some(message);
                }
            }
            let whole = whole.expect("reassembled");
            assert_eq!(whole.len(), data.len());
            black_box(whole);
        }));
        baseline.push(time(|| {
            let mut copy = vec![0u8; data.len()];
            copy.copy_from_slice(black_box(&data));
            black_box(copy);
        }));
    }
    let (o, b) = (median(ours), median(baseline));
    let ratio = b / o;
    let mib = (size >> 20) as f64;
    println!(
        "@bench\tARP chunk + reassemble {} MiB (64 KiB chunks) vs memcpy\t{:.0} MiB/s\t{:.0} MiB/s\t{ratio:.3}\t≥ 0.25\t{}",
        size >> 20,
        mib / o,
        mib / b,
        if ratio >= 0.25 { "yes" } else { "no" }
    );
}

fn messages_page(count: usize) -> Vec<u8> {
    let messages = (0..count)
        .map(|i| {
            let mut message = Message::new(MessageType::Text, i.to_string(), i as u64);
            message.body = Some(format!("message number {i}, with some text to carry"));
            message.partner_id = Some("ECHOECHO".into());
            message.date = Some(1_700_000_000 + i as i64);
            message.is_outbox = i % 3 == 0;
            message.unread = Some(i % 7 == 0);
            message
        })
        .collect();
    let response = ResponseMessages::new(ReceiverRef::contact("ECHOECHO"), true, messages);
    Frame::new(response).encode().unwrap()
}

fn decode(quick: bool) {
    let bytes = messages_page(1_000);
    let rounds = if quick { 20 } else { 200 };
    let samples = if quick { 5 } else { 11 };
    let (mut ours, mut baseline) = (Vec::new(), Vec::new());
    for _ in 0..samples {
        ours.push(
            time(|| {
                for _ in 0..rounds {
                    let frame = Frame::decode(black_box(&bytes), Direction::FromApp).unwrap();
                    black_box(frame);
                }
            }) / f64::from(rounds),
        );
        baseline.push(
            time(|| {
                for _ in 0..rounds {
                    let value = rmpv::decode::read_value(&mut black_box(bytes.as_slice())).unwrap();
                    black_box(value);
                }
            }) / f64::from(rounds),
        );
    }
    let (o, b) = (median(ours), median(baseline));
    let ratio = o / b;
    println!(
        "@bench\tARP typed decode of response/messages × 1,000 ({} KiB) vs rmpv::Value\t{:.0} µs\t{:.0} µs\t{ratio:.3}\t≤ 1.0\t{}",
        bytes.len() >> 10,
        o * 1e6,
        b * 1e6,
        if ratio <= 1.0 { "yes" } else { "no" }
    );
}

#[cfg(feature = "testkit")]
mod end_to_end {
    use super::*;
    use std::time::Duration;
    use threema_arp::model::MessageRef;
    use threema_arp::session::ServerConfig;
    use threema_arp::testkit::{FakeApp, FakeAppConfig, LocalRelay, SaltyRtcServer};
    use threema_arp::{ArpClient, ArpConfig};

    /// Seconds to download a `size` blob from the fake app through `server` (median of `runs`,
    /// one pairing).
    async fn download(server: ServerConfig, size: usize, runs: usize) -> f64 {
        let pairing = ArpClient::pair(ArpConfig::new(server.clone())).unwrap();
        let app = FakeApp::pair(FakeAppConfig::new(server), pairing.qr()).unwrap();
        let client = tokio::time::timeout(Duration::from_secs(60), pairing.connect())
            .await
            .expect("paired in time")
            .unwrap();
        let echo = ReceiverRef::contact("ECHOECHO");
        let bytes: Vec<u8> = (0..size).map(|i| (i % 253) as u8).collect();
        let message = app.data().store_file(
            &echo,
            Some("ECHOECHO"),
            "bench.bin",
            "application/octet-stream",
            bytes,
        );
        let mut times = Vec::new();
        for _ in 0..runs {
            let start = Instant::now();
            let blob = client
                .blob(MessageRef::new(echo.clone(), message.id.clone()))
                .unwrap()
                .await
                .unwrap();
            times.push(start.elapsed().as_secs_f64());
            assert_eq!(blob.blob.as_bytes().len(), size);
        }
        client.close().await.unwrap();
        median(times)
    }

    pub(super) fn run(quick: bool) {
        let size: usize = if quick { 4 << 20 } else { 20 << 20 };
        let runs = if quick { 1 } else { 3 };
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let server = SaltyRtcServer::start().await.unwrap_or_else(|e| panic!("{e}"));
            let real = download(server.server_config(), size, runs).await;
            drop(server);
            let relay = LocalRelay::start().await.unwrap();
            let local = download(relay.server_config(), size, runs).await;
            let mib = (size >> 20) as f64;
            let (ours, baseline) = (mib / real, mib / local);
            println!(
                "@bench\tARP end-to-end blob download {} MiB through saltyrtc-server vs the in-process Rust relay\t{ours:.1} MiB/s\t{baseline:.1} MiB/s\t{:.3}\treport\tyes",
                size >> 20,
                ours / baseline
            );
        });
    }
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    chunk_and_reassemble(quick);
    decode(quick);
    #[cfg(feature = "testkit")]
    end_to_end::run(quick);
    #[cfg(not(feature = "testkit"))]
    println!(
        "threema-arp/arp: the end-to-end rate needs the real server launcher: run with --features testkit"
    );
}
