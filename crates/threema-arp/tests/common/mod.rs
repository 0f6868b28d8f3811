//! Shared helpers of the session tests: pairing a client with a fake app through a server,
//! and bounded waits (a hung test fails with a message instead of hanging).

#![allow(dead_code, unreachable_pub)]

use std::future::Future;
use std::time::Duration;
use threema_arp::session::{ServerConfig, SessionEvent, Update};
use threema_arp::testkit::{FakeApp, FakeAppConfig};
use threema_arp::{ArpClient, ArpConfig, Updates};
use transport_core::ws::NotificationItem;

/// The bound of every wait: generous, so only a broken test reaches it.
pub const LIMIT: Duration = Duration::from_secs(60);

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
    config.session.reconnect = transport_core::Backoff::new(
        Duration::from_millis(50),
        Duration::from_millis(500),
    );
    config
}

/// A fake app config for `server` with fast reconnects.
pub fn app_config(server: ServerConfig) -> FakeAppConfig {
    let mut config = FakeAppConfig::new(server);
    config.session.reconnect = transport_core::Backoff::new(
        Duration::from_millis(50),
        Duration::from_millis(500),
    );
    config
}

/// Pairs a new client with a new fake app through `server`.
pub async fn pair(server: ServerConfig) -> (ArpClient, FakeApp) {
    pair_with(client_config(server.clone()), app_config(server)).await
}

/// Pairs with explicit configs.
pub async fn pair_with(client: ArpConfig, app: FakeAppConfig) -> (ArpClient, FakeApp) {
    let pairing = ArpClient::pair(client).expect("valid config");
    let app = FakeApp::pair(app, pairing.qr()).expect("fake app starts");
    let client = within("the pairing", pairing.connect())
        .await
        .expect("the client connects");
    (client, app)
}

/// The next update matching `pick` (skipping others), within [`LIMIT`].
pub async fn next_update<T>(updates: &mut Updates, mut pick: impl FnMut(&Update) -> Option<T>) -> T {
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
