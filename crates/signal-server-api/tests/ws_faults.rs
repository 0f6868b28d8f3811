//! Fault injection on the WebSocket transport: the fake chat socket drops the connection at
//! random points, sends truncated and malformed frames, answers out of order, goes silent (no
//! answers, no pongs) and floods the client with messages. Every call ends within its time
//! budget with an answer or a typed error, the client reconnects with the same credentials, and
//! every message is delivered or reported lost (then delivered again), never acknowledged
//! before the stream handed it out.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{aci, credentials, identity, send_message};

use futures_util::FutureExt as _;
use futures_util::future::join_all;
use signal_server_api::api::account::WhoAmI;
use signal_server_api::api::profile::GetProfile;
use signal_server_api::client::retry_classifier;
use signal_server_api::model::VersionedProfileResponse;
use signal_server_api::testkit::{FakeChatSocket, MockSignalServer, WsFault};
use signal_server_api::transport_core::http::RetryPolicy;
use signal_server_api::transport_core::ws::{
    ConnectionState, OverflowPolicy, ReconnectPolicy, WsConfig,
};
use signal_server_api::transport_core::{self, Backoff, Jitter};
use signal_server_api::ws::Incoming;
use signal_server_api::{Error, SignalClient};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::Duration;
use tokio::time::Instant;

const REQUEST_TIMEOUT: Duration = Duration::from_secs(5);
const ATTEMPTS: u32 = 3;
const BACKOFF_CAP: Duration = Duration::from_secs(1);

/// A small deterministic generator (xorshift64*), so every run injects the same faults.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Quick reconnects without jitter; the request timeout and retry budget the bounds use.
fn config(config: WsConfig) -> WsConfig {
    config
        .with_request_timeout(REQUEST_TIMEOUT)
        .with_reconnect(ReconnectPolicy::new(
            Backoff::new(Duration::from_millis(100), Duration::from_millis(400))
                .with_jitter(Jitter::None),
        ))
}

fn retry() -> RetryPolicy {
    RetryPolicy::new(
        ATTEMPTS,
        Backoff::new(Duration::from_millis(100), BACKOFF_CAP).with_jitter(Jitter::None),
    )
    .with_classifier(retry_classifier)
}

/// The longest a call may take: every attempt's timeout plus the delays between them.
fn budget() -> Duration {
    REQUEST_TIMEOUT * ATTEMPTS + BACKOFF_CAP * (ATTEMPTS - 1)
}

async fn connect(server: &MockSignalServer) -> SignalClient {
    server
        .ws_client_builder()
        .credentials(credentials())
        .retry(retry())
        .customize_websocket(config)
        .connect()
        .await
        .unwrap()
}

/// The short name of an error kind, for the tally.
fn kind(error: &Error) -> &'static str {
    match error.as_transport() {
        Some(transport_core::Error::Timeout { .. }) => "timeout",
        Some(transport_core::Error::ConnectionLost { .. }) => "connection lost",
        Some(transport_core::Error::NotConnected { .. }) => "not connected",
        _ => "other",
    }
}

#[tokio::test(start_paused = true)]
async fn under_random_faults_every_call_ends_in_time_and_the_client_recovers() {
    let server = MockSignalServer::start().await;
    server.expect_who_am_i().respond(&identity()).mount().await;
    server
        .expect_send_message()
        .respond_status(200)
        .mount()
        .await;
    let socket = server.websocket();
    let mut rng = Rng(0x5157_a1b2_c3d4_e5f6);
    socket.inject_faults(move |frame| {
        if frame.path == "/v1/keepalive" {
            return WsFault::Answer;
        }
        match rng.below(20) {
            0 => WsFault::NoAnswer,
            1 => WsFault::Drop,
            2 => WsFault::Truncated,
            3 => WsFault::GarbageFirst,
            4 => WsFault::TextFirst,
            5 | 6 => WsFault::OutOfOrder,
            7 => WsFault::Close(1011),
            8 => WsFault::AnswerThenClose(1000),
            _ => WsFault::Answer,
        }
    });
    let client = connect(&server).await;
    let send = send_message(aci(), None);

    let mut tally: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for batch in 0..25 {
        let calls = (0..8).map(|n| {
            let client = client.clone();
            let send = send.clone();
            async move {
                let started = Instant::now();
                // Idempotent reads and non-idempotent sends, interleaved.
                let (name, result) = if (batch + n) % 3 == 0 {
                    ("send", client.send(&send).await.map(|_| ()))
                } else {
                    let me = client.send(&WhoAmI::new()).await;
                    if let Ok(me) = &me {
                        assert_eq!(me.number, "+14155550100");
                    }
                    ("whoami", me.map(|_| ()))
                };
                (name, result, started.elapsed())
            }
        });
        for (name, result, elapsed) in join_all(calls).await {
            assert!(elapsed <= budget(), "{name} took {elapsed:?}");
            let outcome = match &result {
                Ok(()) => "ok",
                Err(error) => {
                    // Only transient, typed failures: never a decode error or a hang.
                    assert!(error.is_transient(), "{name}: {error:?}");
                    kind(error)
                }
            };
            assert_ne!(outcome, "other", "{name}: {result:?}");
            *tally.entry((name, outcome)).or_default() += 1;
        }
    }
    let total: usize = tally.values().sum();
    assert_eq!(total, 200);
    // Most calls got through despite the faults; the idempotent ones retried through most.
    let ok = |name| tally.get(&(name, "ok")).copied().unwrap_or_default();
    assert!(ok("whoami") > 100, "{tally:?}");
    assert!(ok("send") > 30, "{tally:?}");
    // Some non-idempotent sends were surfaced rather than repeated.
    assert!(
        tally
            .keys()
            .any(|(name, outcome)| *name == "send" && *outcome != "ok"),
        "{tally:?}"
    );

    // The client reconnected many times, each time with the same credentials.
    let upgrades = socket.upgrade_requests();
    assert!(upgrades.len() > 5, "{} connections", upgrades.len());
    let first = upgrades[0].header("authorization").unwrap().to_owned();
    assert!(
        upgrades
            .iter()
            .all(|u| u.header("authorization") == Some(first.as_str()))
    );
    // Malformed frames were reported, not fatal.
    socket.clear_faults();
    let me = client.send(&WhoAmI::new()).await.unwrap();
    assert_eq!(me.number, "+14155550100");
    assert_eq!(client.connection_state(), Some(ConnectionState::Ready));
}

#[tokio::test(start_paused = true)]
async fn a_silent_server_is_detected_and_left() {
    let server = MockSignalServer::start().await;
    server.expect_who_am_i().respond(&identity()).mount().await;
    let socket = server.websocket();
    socket.inject_faults(|frame| {
        if frame.connection == 0 && frame.path == "/v1/accounts/whoami" {
            WsFault::Silent
        } else {
            WsFault::Answer
        }
    });
    let client = server
        .ws_client_builder()
        .credentials(credentials())
        .retry(retry())
        .customize_websocket(|c| {
            config(c).with_ping(Some(Duration::from_secs(2)), Some(Duration::from_secs(6)))
        })
        .connect()
        .await
        .unwrap();
    let started = Instant::now();
    // Attempt 1 times out at 5 s, attempt 2 is cut at 6 s when nothing (not even a pong) came
    // back, attempt 3 goes over the new connection.
    let me = client.send(&WhoAmI::new()).await.unwrap();
    assert_eq!(me.number, "+14155550100");
    let elapsed = started.elapsed();
    assert!(elapsed <= budget(), "{elapsed:?}");
    assert!(elapsed >= Duration::from_secs(6), "{elapsed:?}");
    assert_eq!(socket.connections(), 2);
    let upgrades = socket.upgrade_requests();
    assert_eq!(
        upgrades[0].header("authorization"),
        upgrades[1].header("authorization")
    );
}

#[tokio::test(start_paused = true)]
async fn out_of_order_answers_reach_their_own_callers() {
    let server = MockSignalServer::start().await;
    for n in 0..10 {
        let mut profile = VersionedProfileResponse::default();
        profile.name = Some(format!("name {n}").into_bytes());
        server
            .expect_get_profile()
            .for_request(&GetProfile::new(aci(), format!("v{n}")))
            .respond(&profile)
            .mount()
            .await;
    }
    server.websocket().inject_faults(|frame| {
        if frame
            .path
            .ends_with(|c: char| c.is_ascii_digit() && c != '9')
            && frame.number % 2 == 0
        {
            WsFault::OutOfOrder
        } else {
            WsFault::Answer
        }
    });
    let client = connect(&server).await;
    let calls = (0..10).map(|n| {
        let client = client.clone();
        async move {
            let profile = client
                .send(&GetProfile::new(aci(), format!("v{n}")))
                .await
                .unwrap();
            (n, String::from_utf8(profile.name.unwrap()).unwrap())
        }
    });
    for (n, name) in join_all(calls).await {
        assert_eq!(name, format!("name {n}"));
    }
}

/// The delivered messages, checking on every delivery that nothing was acknowledged before
/// the stream handed it out.
#[derive(Default)]
struct Delivered {
    numbers: BTreeSet<u32>,
    deliveries: usize,
    lost_reports: usize,
}

impl Delivered {
    /// Takes one item; returns whether it was "queue empty", and whether something was lost.
    fn take(&mut self, socket: &FakeChatSocket, item: Option<Incoming>) -> (bool, bool) {
        match item {
            Some(Incoming::Message(message)) => {
                let number = u32::from_be_bytes(message.envelope[..].try_into().unwrap());
                for acked in socket.acked_messages() {
                    assert!(
                        self.numbers.contains(&u32::try_from(acked).unwrap()),
                        "message {acked} was acknowledged before the stream handed it out"
                    );
                }
                self.numbers.insert(number);
                self.deliveries += 1;
                (false, false)
            }
            Some(Incoming::Lost { missed }) => {
                assert!(missed > 0);
                self.lost_reports += 1;
                (false, true)
            }
            Some(Incoming::QueueEmpty) => (true, false),
            other => panic!("{other:?}"),
        }
    }
}

#[tokio::test(start_paused = true)]
async fn messages_survive_drops_and_floods_and_are_never_acked_early() {
    let server = Arc::new(MockSignalServer::start().await);
    let client = server
        .ws_client_builder()
        .credentials(credentials())
        .retry(retry())
        .customize_websocket(|c| config(c).with_notification_buffer(16, OverflowPolicy::DropOldest))
        .connect()
        .await
        .unwrap();
    let mut incoming = client.incoming().unwrap();
    let mut delivered = Delivered::default();

    // 300 messages pushed while the application reads, with the connection cut at random
    // points of the stream.
    let pusher = tokio::spawn({
        let server = Arc::clone(&server);
        async move {
            let socket = server.websocket();
            let mut rng = Rng(0x0dd5_eed5);
            let mut drops = 0;
            for n in 1..=300u32 {
                socket.push_message(n.to_be_bytes().to_vec());
                if rng.below(25) == 0 {
                    let before = socket.connections();
                    socket.drop_connection();
                    drops += 1;
                    // The client notices and reconnects by itself.
                    socket.wait_until(|s| s.connections() > before).await;
                }
                // Bursts of 40 flood the 16-slot buffer.
                if n % 40 == 0 {
                    tokio::task::yield_now().await;
                }
            }
            drops
        }
    });
    tokio::pin!(pusher);
    let drops = loop {
        tokio::select! {
            drops = &mut pusher => break drops.unwrap(),
            item = incoming.recv() => {
                delivered.take(server.websocket(), item);
            }
        }
    };
    assert!(drops > 3, "{drops} drops");
    assert_eq!(server.websocket().connections(), drops + 1);

    // Whatever is still on the server (reported lost, or cut off) comes with the next
    // connection. Each round: take what is buffered (all from the current connection, so its
    // acknowledgements go out), let the acknowledgements reach the server (they were queued
    // before the next call), and reconnect while messages remain.
    server.expect_who_am_i().respond(&identity()).mount().await;
    for round in 1.. {
        assert!(
            round <= 50,
            "no progress: {} delivered",
            delivered.numbers.len()
        );
        client.send(&WhoAmI::new()).await.unwrap();
        while let Some(item) = incoming.recv().now_or_never() {
            delivered.take(server.websocket(), item);
        }
        client.send(&WhoAmI::new()).await.unwrap();
        if server.websocket().pending_messages().is_empty() {
            break;
        }
        client.reconnect();
        // The buffer was empty: the first "queue empty" is the new connection's.
        loop {
            let (queue_empty, _) = delivered.take(server.websocket(), incoming.recv().await);
            if queue_empty {
                break;
            }
        }
    }
    assert_eq!(delivered.numbers, (1..=300).collect::<BTreeSet<_>>());
    assert_eq!(server.websocket().acked_messages().len(), 300);
    assert!(
        delivered.lost_reports > 0,
        "the flood overflowed the buffer"
    );
    // Messages cut off before their acknowledgement came twice; none went missing.
    assert!(delivered.deliveries >= 300);
}
