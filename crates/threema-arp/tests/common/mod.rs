//! Shared helpers of the session tests: pairing a client with a fake app through a server,
//! and bounded waits (a hung test fails with a message instead of hanging).

#![allow(dead_code, unreachable_pub)]

use futures_util::future::join_all;
use std::collections::BTreeMap;
use std::future::Future;
use std::time::Duration;
use threema_arp::ArpMessage;
use threema_arp::connection::NewSessionReason;
use threema_arp::model::ReceiverRef;
use threema_arp::session::{ServerConfig, SessionEvent, Update};
use threema_arp::testkit::{FakeApp, FakeAppConfig};
use threema_arp::{ArpClient, ArpConfig, Updates};
use transport_core::ws::NotificationItem;

/// The bound of every wait: generous, so only a broken test reaches it.
pub const LIMIT: Duration = Duration::from_secs(60);

/// Logs to the test output when `RUST_LOG` is set (for debugging a failing test).
pub fn init_tracing() {
    if std::env::var_os("RUST_LOG").is_some() {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
            .with_test_writer()
            .try_init();
    }
}

/// Awaits `future` within [`LIMIT`] or panics naming `what`.
pub async fn within<T>(what: &str, future: impl Future<Output = T>) -> T {
    match tokio::time::timeout(LIMIT, future).await {
        Ok(value) => value,
        Err(_) => panic!("timed out waiting for {what}"),
    }
}

/// A client config for `server` with fast reconnects.
pub fn client_config(server: ServerConfig) -> ArpConfig {
    let mut config = ArpConfig::new(server);
    config.session.reconnect =
        transport_core::Backoff::new(Duration::from_millis(50), Duration::from_millis(500));
    config
}

/// A fake app config for `server` with fast reconnects.
pub fn app_config(server: ServerConfig) -> FakeAppConfig {
    let mut config = FakeAppConfig::new(server);
    config.session.reconnect =
        transport_core::Backoff::new(Duration::from_millis(50), Duration::from_millis(500));
    // Well under `LIMIT`: a stalled peer handshake is retried on a new connection in time.
    config.session.handshake_timeout = Duration::from_secs(10);
    config
}

/// Pairs a new client with a new fake app through `server`.
pub async fn pair(server: ServerConfig) -> (ArpClient, FakeApp) {
    pair_with(client_config(server.clone()), app_config(server)).await
}

/// Pairs with explicit configs.
pub async fn pair_with(client: ArpConfig, app: FakeAppConfig) -> (ArpClient, FakeApp) {
    init_tracing();
    let pairing = ArpClient::pair(client).expect("valid config");
    let app = FakeApp::pair(app, pairing.qr()).expect("fake app starts");
    let client = within("the pairing", pairing.connect())
        .await
        .expect("the client connects");
    (client, app)
}

/// The next update matching `pick` (skipping others), within [`LIMIT`].
pub async fn next_update<T>(
    updates: &mut Updates,
    mut pick: impl FnMut(&Update) -> Option<T>,
) -> T {
    within("an update", async {
        loop {
            match updates.recv().await {
                Some(NotificationItem::Notification(update)) => {
                    if let Some(value) = pick(&update) {
                        return value;
                    }
                }
                Some(_) => {}
                None => panic!("the update stream ended"),
            }
        }
    })
    .await
}

/// The next session event matching `pick`.
pub async fn next_event<T>(
    updates: &mut Updates,
    mut pick: impl FnMut(&SessionEvent) -> Option<T>,
) -> T {
    next_update(updates, |update| match update {
        Update::Session(event) => pick(event),
        _ => None,
    })
    .await
}

/// A deterministic byte pattern.
pub fn pattern(len: usize, seed: u8) -> Vec<u8> {
    (0..len)
        .map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed) ^ (i >> 16) as u8)
        .collect()
}

/// N texts from the client, M messages from the app and one file, with the client's
/// connection cut (through a TCP proxy) or the server restarted while they travel.
pub struct Traffic {
    /// Texts the client sends.
    pub texts: usize,
    /// Messages the app pushes.
    pub pushes: usize,
}

pub async fn run_traffic_with_faults(
    client: &ArpClient,
    app: &FakeApp,
    updates: &mut Updates,
    traffic: Traffic,
    fault: impl AsyncFn(usize),
) {
    let thresholds = [traffic.texts / 5, traffic.texts / 2];
    run_traffic_with_faults_at(client, app, updates, traffic, &thresholds, fault).await;
}

/// [`run_traffic_with_faults`] with a fault each time the app has received `thresholds[i]`
/// texts (ascending).
pub async fn run_traffic_with_faults_at(
    client: &ArpClient,
    app: &FakeApp,
    updates: &mut Updates,
    traffic: Traffic,
    thresholds: &[usize],
    fault: impl AsyncFn(usize),
) {
    let echo = ReceiverRef::contact("ECHOECHO");
    within("subscribe", client.messages(echo.clone(), None))
        .await
        .unwrap();
    let sends: Vec<_> = (0..traffic.texts)
        .map(|i| {
            let client = client.clone();
            let echo = echo.clone();
            tokio::spawn(async move { client.send_text(echo, format!("text {i}")).await })
        })
        .collect();
    let file = client
        .send_file(
            echo.clone(),
            "f.bin",
            "application/octet-stream",
            pattern(3 << 20, 1),
        )
        .unwrap();
    let file = tokio::spawn(file);
    for i in 0..traffic.pushes {
        app.incoming_message(&echo, "ECHOECHO", &format!("push {i}"));
    }
    // Faults at points defined by progress, not by time.
    for (round, &threshold) in thresholds.iter().enumerate() {
        within(
            "some texts to arrive",
            app.wait_for(|received| {
                received
                    .iter()
                    .filter(|f| f.message.name() == "create/textMessage")
                    .count()
                    >= threshold
            }),
        )
        .await;
        fault(round).await;
    }

    // Every call ends with the app's answer.
    let mut ids = Vec::new();
    let results = within("every text", join_all(sends)).await;
    for send in results {
        ids.push(send.unwrap().expect("every text is acknowledged"));
    }
    let file_id = within("the file", file)
        .await
        .unwrap()
        .expect("the file is acknowledged");
    ids.push(file_id);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), traffic.texts + 1, "every message got its own id");

    // The app got every text exactly once.
    let mut texts: BTreeMap<String, usize> = BTreeMap::new();
    for frame in app.received() {
        if let ArpMessage::CreateTextMessage(m) = frame.message {
            *texts.entry(m.data.text).or_default() += 1;
        }
    }
    let expected: BTreeMap<String, usize> = (0..traffic.texts)
        .map(|i| (format!("text {i}"), 1))
        .collect();
    assert_eq!(texts, expected, "lost or duplicated texts");
    assert_eq!(app.count("create/fileMessage"), 1);

    // The client got every push exactly once.
    let mut pushes: BTreeMap<String, usize> = BTreeMap::new();
    within("every push", async {
        while pushes.len() < traffic.pushes {
            match updates.recv().await {
                Some(NotificationItem::Notification(Update::Message(frame))) => {
                    if let ArpMessage::UpdateMessages(m) = &frame.message {
                        for message in &m.data {
                            if let Some(body) = message.body.as_deref()
                                && body.starts_with("push ")
                            {
                                *pushes.entry(body.to_owned()).or_default() += 1;
                            }
                        }
                    }
                }
                Some(NotificationItem::Notification(Update::Session(event))) => {
                    assert!(
                        !matches!(
                            event,
                            SessionEvent::NewSession { reason, .. }
                                if reason != NewSessionReason::FirstConnection
                        ),
                        "the session was not resumed: {event:?}"
                    );
                }
                Some(NotificationItem::Lagged { missed }) => panic!("lost {missed} updates"),
                Some(_) => {}
                None => panic!("the updates ended"),
            }
        }
    })
    .await;
    let expected: BTreeMap<String, usize> = (0..traffic.pushes)
        .map(|i| (format!("push {i}"), 1))
        .collect();
    assert_eq!(pushes, expected, "lost or duplicated pushes");
}

/// Waits until `client`'s session is established (so that a fault hits a live connection).
pub async fn wait_until_up(client: &ArpClient) {
    let mut state = client.state_changes();
    within(
        "the session to be up",
        state.wait_for(|s| s.is_established()),
    )
    .await
    .unwrap();
}

/// Waits until `client` noticed a fault (its session is no longer established).
pub async fn wait_until_down(client: &ArpClient) {
    let mut state = client.state_changes();
    within(
        "the fault to take effect",
        state.wait_for(|s| !s.is_established()),
    )
    .await
    .unwrap();
}

/// Checks that every reconnection of `app` resumed the session: one `Resumed` per
/// `PeerConnected` after the first, and no new session.
pub async fn assert_every_reconnect_resumed(client: &ArpClient, app: &FakeApp) {
    let mut state = client.state_changes();
    within(
        "the client's session",
        state.wait_for(|s| s.is_established()),
    )
    .await
    .unwrap();
    within(
        "the app's session",
        app.wait_for_state(|s| s.is_established()),
    )
    .await;
    let events = app.events();
    let connected = events
        .iter()
        .filter(|e| matches!(e, SessionEvent::PeerConnected { .. }))
        .count();
    let resumed = events
        .iter()
        .filter(|e| matches!(e, SessionEvent::Resumed { .. }))
        .count();
    let new_sessions = events
        .iter()
        .filter(|e| matches!(e, SessionEvent::NewSession { .. }))
        .count();
    assert!(connected >= 2, "no reconnection: {events:?}");
    assert_eq!(new_sessions, 1, "{events:?}");
    assert_eq!(resumed, connected - 1, "{events:?}");
}
