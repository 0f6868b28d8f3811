//! Helpers for tests against the fake server: clients with test settings, registered users,
//! waiting for events.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use e2e_ws_messenger::api::requests::RequestRegisterApplication;
use e2e_ws_messenger::e2e::Chat;
use e2e_ws_messenger::framing::TypeAndBody;
use e2e_ws_messenger::model::{ApplicationId, ApplicationType, DeviceInfo, UserId};
use e2e_ws_messenger::testkit::{Action, FakeMessengerServer, Intercepted, test_keys};
use e2e_ws_messenger::transport_core::ws::ReconnectPolicy;
use e2e_ws_messenger::transport_core::{Backoff, Jitter, Secret};
use e2e_ws_messenger::{Client, ClientBuilder, Event, EventStream};
use std::time::Duration;

/// A builder for `server` with test settings: `TypeAndBody` framing, no WebSocket pings, no
/// keepalive, fast deterministic reconnects, 10 s requests.
pub(crate) fn builder(server: &FakeMessengerServer) -> ClientBuilder {
    Client::builder(server.url())
        .framing(TypeAndBody::default())
        .request_timeout(Duration::from_secs(10))
        .keepalive(None)
        .ws(|config| {
            config
                .with_ping(None, None)
                .with_reconnect(ReconnectPolicy::new(
                    Backoff::new(Duration::from_millis(100), Duration::from_secs(2))
                        .with_jitter(Jitter::None),
                ))
        })
}

/// A server speaking `TypeAndBody` whose every request goes through `intercept`.
pub(crate) async fn intercepted(
    intercept: impl Fn(&Intercepted<'_>) -> Action + Send + Sync + 'static,
) -> FakeMessengerServer {
    FakeMessengerServer::builder(TypeAndBody::default())
        .intercept(intercept)
        .start()
        .await
        .unwrap()
}

/// Alice (`+35794048714`), added to `server` without the SMS round trip, connected with her
/// credentials through [`builder`] adjusted by `adjust`.
pub(crate) async fn alice(
    server: &FakeMessengerServer,
    adjust: impl FnOnce(ClientBuilder) -> ClientBuilder,
) -> (Client, UserId) {
    let credentials = server.add_user("+35794048714");
    let me = credentials.user_id.clone();
    let client = adjust(builder(server).credentials(credentials))
        .connect()
        .await
        .unwrap();
    (client, me)
}

/// An Android device.
pub(crate) fn device() -> DeviceInfo {
    DeviceInfo::new(ApplicationType::Android, "SM-A336B", "SDK 34", "samsung")
}

/// A user who registered through the SMS round trip and published the fixed key `pem`, with
/// their client and chat.
pub(crate) async fn registered(
    server: &FakeMessengerServer,
    phone: &str,
    pem: &str,
    nick: &str,
) -> (Client, Chat) {
    let client = builder(server)
        .crypto(test_keys::provider(pem).unwrap())
        .connect()
        .await
        .unwrap();
    let request =
        RequestRegisterApplication::new(phone, ApplicationId::random(), device()).unwrap();
    client.register_application(request).await.unwrap();
    let code = server.sms_code(phone).expect("an SMS was sent");
    let credentials = client.confirm_registration(code).await.unwrap();
    assert_eq!(credentials.user_id, UserId::from_e164(phone).unwrap());
    assert!(client.is_authenticated());
    let chat = Chat::new(&client).unwrap();
    let backup = test_keys::provider(pem)
        .unwrap()
        .encrypted_private_key_pem(&Secret::new(format!("{nick}'s password")), 1_000)
        .unwrap();
    let key_pair = chat.publish_keys(nick, backup).await.unwrap();
    assert!(key_pair.is_some());
    (client, chat)
}

/// The next event `pick` accepts (others are skipped); panics after a minute of (virtual)
/// time or when the stream ends.
pub(crate) async fn next<T>(
    events: &mut EventStream,
    mut pick: impl FnMut(Event) -> Option<T>,
) -> T {
    tokio::time::timeout(Duration::from_secs(60), async {
        loop {
            let event = events.recv().await.expect("the event stream ended");
            if let Some(found) = pick(event) {
                return found;
            }
        }
    })
    .await
    .expect("no such event within a minute")
}
