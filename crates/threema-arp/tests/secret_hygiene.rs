//! Secret hygiene: the client's and the app's private keys and the pairing token never appear
//! in `Debug` output or in anything logged through `tracing` (at TRACE level) while pairing,
//! working and closing through the in-process relay.
//!
//! Alone in its binary: it captures `tracing` output with a thread-local subscriber.

#![cfg(feature = "testkit")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::sync::{Arc, Mutex};
use threema_arp::model::ReceiverRef;
use threema_arp::testkit::{FakeApp, FakeAppConfig, LocalRelay};
use threema_arp::{ArpClient, ArpConfig};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Every way a 32-byte secret could show: lower/upper hex, base64, and Rust's `[1, 2, …]`.
fn renderings(secret: &[u8]) -> Vec<String> {
    use base64::Engine;
    let hex: String = secret.iter().map(|b| format!("{b:02x}")).collect();
    vec![
        hex.clone(),
        hex.to_uppercase(),
        base64::engine::general_purpose::STANDARD.encode(secret),
        format!("{secret:?}"),
        // Any 8-byte window of the hex is enough to count as a leak.
        hex[..16].to_owned(),
    ]
}

fn assert_absent(haystack: &str, secret: &[u8], what: &str) {
    for needle in renderings(secret) {
        assert!(
            !haystack.contains(&needle),
            "{what} leaked as {needle:?} in:\n{}",
            &haystack[..haystack.len().min(2000)]
        );
    }
}

#[test]
fn keys_and_tokens_never_reach_debug_or_logs() {
    let captured = Captured::default();
    let sink = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || sink.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut debug = String::new();
    let (client_secret, token, app_secret) = runtime.block_on(async {
        let relay = LocalRelay::start().await.unwrap();
        let pairing = ArpClient::pair(ArpConfig::new(relay.server_config())).unwrap();
        let client_secret = pairing.permanent_key().secret_bytes().to_vec();
        let token = pairing.qr().auth_token.expose().to_vec();
        debug.push_str(&format!("{pairing:?}\n{:?}\n", pairing.qr()));
        let app = FakeApp::pair(FakeAppConfig::new(relay.server_config()), pairing.qr()).unwrap();
        let app_secret = app.permanent_key().secret_bytes().to_vec();
        let client = pairing.connect().await.unwrap();
        client
            .send_text(ReceiverRef::contact("ECHOECHO"), "hello")
            .await
            .unwrap();
        let trusted = client.trusted_session().await.unwrap();
        debug.push_str(&format!(
            "{client:?}\n{trusted:?}\n{:?}\n{:?}\n",
            trusted.permanent_key,
            app.permanent_key()
        ));
        client.close().await.unwrap();
        (client_secret, token, app_secret)
    });
    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("SaltyRTC frame"),
        "the capture saw the TRACE logs of the session"
    );
    for (secret, what) in [
        (&client_secret, "the client's private key"),
        (&token, "the auth token"),
        (&app_secret, "the app's private key"),
    ] {
        assert_absent(&logs, secret, what);
        assert_absent(&debug, secret, what);
    }
}
