//! Secret hygiene: clients, requests, errors and events built with known secret strings
//! (application ids, SMS codes, push tokens, private keys and their password, session keys)
//! never show them in `Debug` or `Display` output or in the `tracing` output at TRACE level.
//!
//! Alone in its own test binary: it installs a thread-local `tracing` subscriber, and
//! tracing's callsite-interest cache is global.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/fake.rs"]
mod fake;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use e2e_ws_messenger::api::requests::{
    RequestConfirmRegistration, RequestGetApplicationsFull, RequestRegisterApplication,
    RequestUpdateDeviceTokenByApplication,
};
use e2e_ws_messenger::e2e::Chat;
use e2e_ws_messenger::framing::TypeAndBody;
use e2e_ws_messenger::model::{ApplicationId, UserId};
use e2e_ws_messenger::testkit::{FakeMessengerServer, test_keys};
use e2e_ws_messenger::transport_core::Secret;
use e2e_ws_messenger::transport_core::testkit::{LogCapture, SecretScan};
use e2e_ws_messenger::{Credentials, Event};
use fake::{builder, device, registered};

const APP_ID: &str = "app-id-SECRET-7f3a9c1e";
const SMS_CODE: &str = "731904";
const PUSH_TOKEN: &str = "push-token-SECRET-cLwzm2RNQT6n:APA91b";
const PASSWORD: &str = "backup-password-SECRET-hunter2";
const STRANGER_APP_ID: &str = "stranger-app-SECRET-0b5e";

fn private_key_lines(pem: &str) -> Vec<String> {
    pem.lines()
        .filter(|line| !line.starts_with("-----") && line.len() > 40)
        .map(str::to_owned)
        .collect()
}

#[tokio::test(start_paused = true)]
async fn no_secret_appears_in_debug_display_or_logs() {
    let captured = LogCapture::start();

    let server = FakeMessengerServer::builder(TypeAndBody::default())
        .sms_code(SMS_CODE)
        .start()
        .await
        .unwrap();
    let mut shown: Vec<String> = Vec::new();

    // Alice registers with a secret application id and the SMS code, sets a push token and
    // publishes her keys with a password-protected backup.
    let phone = "+35794048714";
    let app = ApplicationId::new(APP_ID).unwrap();
    let alice_builder = builder(&server).crypto(test_keys::provider(test_keys::ALICE).unwrap());
    shown.push(format!("{alice_builder:?}"));
    let alice = alice_builder.connect().await.unwrap();
    let mut alice_events = alice.events().unwrap();
    let register = RequestRegisterApplication::new(phone, app.clone(), device()).unwrap();
    shown.push(format!("{register:?}"));
    alice.register_application(register).await.unwrap();
    let wrong = alice
        .confirm_registration(Secret::new("000000"))
        .await
        .unwrap_err();
    shown.push(format!("{wrong:?}"));
    shown.push(wrong.to_string());
    let credentials = alice
        .confirm_registration(server.sms_code(phone).unwrap())
        .await
        .unwrap();
    shown.push(format!("{credentials:?}"));
    shown.push(format!(
        "{:?}",
        RequestConfirmRegistration::new(
            Secret::new(SMS_CODE),
            credentials.user_id.clone(),
            app.clone()
        )
    ));
    let token = RequestUpdateDeviceTokenByApplication::new(
        Secret::new(PUSH_TOKEN),
        credentials.user_id.clone(),
        app.clone(),
    );
    shown.push(format!("{token:?}"));
    alice.request(token).await.unwrap();
    let apps = alice
        .request(RequestGetApplicationsFull::new(true))
        .await
        .unwrap();
    assert_eq!(apps.applications.len(), 1);
    shown.push(format!("{apps:?}"));
    let chat = Chat::new(&alice).unwrap();
    let provider = test_keys::provider(test_keys::ALICE).unwrap();
    shown.push(format!("{provider:?}"));
    let backup = provider
        .encrypted_private_key_pem(&Secret::new(PASSWORD), 1_000)
        .unwrap();
    shown.push(format!("{backup:?}"));
    chat.publish_keys("Alice", backup).await.unwrap();

    // A dialog with Bob, a message, the session key.
    let (_bob, _bob_chat) = registered(&server, "+16266260017", test_keys::BOB, "Bob").await;
    let dialog = chat
        .create_dialog(&UserId::from_e164("+16266260017").unwrap(), "Alice")
        .await
        .unwrap();
    let message = chat.send_text(&dialog.uuid, "hello").await.unwrap();
    shown.push(format!("{message:?}"));
    let (_, session_key) = chat.current_key(&dialog.uuid).await.unwrap();
    shown.push(format!("{session_key:?}"));
    shown.push(format!("{chat:?}"));
    shown.push(format!("{alice:?}"));
    shown.push(format!("{server:?}"));

    // A client whose (unknown) secret credentials the server refuses.
    let stranger = Credentials::new(
        UserId::from_e164("+4930123456").unwrap(),
        ApplicationId::new(STRANGER_APP_ID).unwrap(),
    );
    let refused = builder(&server)
        .credentials(stranger.clone())
        .connect()
        .await
        .unwrap_err();
    shown.push(format!("{refused:?}"));
    shown.push(refused.to_string());
    shown.push(format!("{stranger:?}"));

    // Everything Alice's event stream reported so far (a forced reconnect included).
    alice.reconnect();
    loop {
        let event = fake::next(&mut alice_events, Some).await;
        shown.push(format!("{event:?}"));
        if event == Event::Reconnected {
            break;
        }
    }
    alice.shutdown().await;

    let logs = captured.text();
    assert!(
        logs.contains("e2e-ws-messenger handshake complete"),
        "the capture works"
    );
    assert!(logs.lines().count() > 10, "{logs}");
    let mut secrets: Vec<String> = vec![
        APP_ID.into(),
        SMS_CODE.into(),
        PUSH_TOKEN.into(),
        PASSWORD.into(),
        STRANGER_APP_ID.into(),
        STANDARD.encode(session_key.expose()),
    ];
    secrets.extend(private_key_lines(test_keys::ALICE));
    secrets.extend(private_key_lines(test_keys::BOB));
    let mut scan = SecretScan::new(secrets);
    scan.check("logs", &logs);
    for (i, text) in shown.iter().enumerate() {
        scan.check(&format!("output {i}"), text);
    }
    assert_eq!(scan.finish(), Ok(()));
    assert!(shown.len() >= 20, "{}", shown.len());
}
