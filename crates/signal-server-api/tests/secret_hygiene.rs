//! Passwords, access keys and Basic credentials never appear in `Debug`, `Display`, errors or
//! `tracing` output (captured at TRACE level) while both transports run the calls that carry
//! them. Alone in its own test binary: it installs a thread-local `tracing` subscriber.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{ACI, NUMBER, identity, register, send_message};

use base64::Engine as _;
use signal_server_api::api::account::WhoAmI;
use signal_server_api::api::archive::BackupInfo;
use signal_server_api::auth::{BasicAuthorization, UnidentifiedAccessKey, ZkBackupAuth};
use signal_server_api::model::{Aci, DeviceId, ServiceId};
use signal_server_api::testkit::MockSignalServer;
use signal_server_api::transport_core::testkit::{LogCapture, SecretScan};
use signal_server_api::transport_core::ws::ConnectionEvent;
use signal_server_api::{Credentials, SignalClient};

const ACCOUNT_PASSWORD: &str = "account-secret-pw";
const REGISTER_PASSWORD: &str = "register-secret-pw";

fn b64(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(text)
}

/// Runs the calls that carry secrets and returns everything they showed (`Debug` and
/// `Display` of clients, operations, results and errors, connection events).
async fn exercise(client: &SignalClient, shown: &mut Vec<String>) {
    let aci: Aci = ACI.parse().unwrap();
    let to: ServiceId = aci.into();
    let sealed = send_message(to, Some(UnidentifiedAccessKey::new([0x42; 16])));
    let backup = BackupInfo::new(ZkBackupAuth::new(vec![0x99; 12], vec![0x98; 12]));
    shown.push(format!(
        "{client:?} {sealed:?} {backup:?} {:?}",
        register(NUMBER, REGISTER_PASSWORD)
    ));
    shown.push(format!("{:?}", client.send(&WhoAmI::new()).await));
    shown.push(format!(
        "{:?}",
        client.send(&register(NUMBER, REGISTER_PASSWORD)).await
    ));
    let sent = client.send(&sealed).await;
    shown.push(format!("{sent:?}"));
    if let Err(error) = &sent {
        shown.push(error.to_string());
    }
    let backed = client.send(&backup).await;
    shown.push(format!("{backed:?}"));
    if let Err(error) = &backed {
        shown.push(error.to_string());
    }
}

#[tokio::test(start_paused = true)]
async fn secrets_never_show() {
    let captured = LogCapture::start();

    let server = MockSignalServer::start().await;
    let identity = identity();
    // WhoAmI is rate-limited once (a retry is logged), then answered; the rest are refused
    // with a message that echoes nothing secret.
    server
        .expect_who_am_i()
        .rate_limited(1)
        .times(2)
        .mount()
        .await;
    server.expect_who_am_i().respond(&identity).mount().await;
    server.expect_register().respond_status(403).mount().await;
    server
        .expect_send_message()
        .respond_status(401)
        .mount()
        .await;

    let credentials =
        Credentials::new(ACI.parse().unwrap(), ACCOUNT_PASSWORD).with_device_id(DeviceId::PRIMARY);
    let builder = server.ws_client_builder().credentials(credentials.clone());
    let mut shown = vec![
        format!("{credentials:?}"),
        format!("{builder:?}"),
        format!(
            "{:?}",
            BasicAuthorization::new("+14155550100", REGISTER_PASSWORD)
        ),
    ];
    let rest = server
        .client_builder()
        .credentials(credentials.clone())
        .build()
        .unwrap();
    exercise(&rest, &mut shown).await;
    let ws = builder.connect().await.unwrap();
    let mut events = ws.connection_events().unwrap();
    exercise(&ws, &mut shown).await;
    ws.reconnect();
    while let Some(event) = events.recv().await {
        shown.push(format!("{event:?}"));
        if matches!(
            event,
            ConnectionEvent::StateChanged(ref s) if s.is_ready()
        ) {
            break;
        }
    }
    // Wrong credentials: the refused upgrade's error.
    server.websocket().refuse_upgrades(Some(401));
    let refused = server
        .ws_client_builder()
        .credentials(Credentials::new(ACI.parse().unwrap(), ACCOUNT_PASSWORD))
        .connect()
        .await
        .unwrap_err();
    shown.push(format!("{refused:?} {refused}"));
    ws.shutdown().await;

    let logs = captured.text();
    // The capture works and covers both transports and the retries.
    assert!(logs.contains("connecting the Signal WebSocket"), "{logs}");
    assert!(logs.contains("retrying request"), "{logs}");
    assert!(
        logs.contains("opening the unauthenticated Signal WebSocket"),
        "{logs}"
    );
    assert!(shown.iter().any(|s| s.contains("HTTP 401")), "{shown:?}");

    let secrets = [
        ACCOUNT_PASSWORD.to_owned(),
        REGISTER_PASSWORD.to_owned(),
        b64(&format!("{ACI}.1:{ACCOUNT_PASSWORD}")),
        b64(&format!("{ACI}:{ACCOUNT_PASSWORD}")),
        b64(&format!("{NUMBER}:{REGISTER_PASSWORD}")),
        // The access key and the zero-knowledge credential, as they go on the wire.
        base64::engine::general_purpose::STANDARD.encode([0x42u8; 16]),
        base64::engine::general_purpose::STANDARD.encode([0x99u8; 12]),
    ];
    let mut scan = SecretScan::new(&secrets);
    scan.check("logs", &logs);
    for (n, text) in shown.iter().enumerate() {
        scan.check(&format!("shown[{n}]"), text);
    }
    assert_eq!(scan.checked(), shown.len() + 1);
    assert_eq!(scan.finish(), Ok(()));
    // The wire did carry them (so the checks above looked for the right strings).
    let upgrades = server.websocket().upgrade_requests();
    assert_eq!(
        upgrades[0].header("authorization"),
        Some(format!("Basic {}", secrets[2]).as_str())
    );
}
