//! Secret hygiene: the API key and credential passwords never appear in `Debug`/`Display` of
//! the client, requests, responses or errors, nor in anything logged through `tracing`.
//!
//! Alone in its test binary: `tracing`'s callsite-interest cache is global, so a thread-local
//! subscriber sees every event only when no other test runs beside it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::sync::{Arc, Mutex};
use threema_work::api::credentials::{CreateCredential, ListCredentials, UpdateCredential};
use threema_work::testkit::FakeThreemaWork;

const KEY: &str = "work-SECRET-api-key";
const PASSWORD: &str = "pw-SECRET-456";
const NEW_PASSWORD: &str = "pw-SECRET-789";

#[derive(Clone, Default)]
struct Logs(Arc<Mutex<Vec<u8>>>);

impl Write for Logs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "current_thread")]
async fn no_key_or_password_in_debug_errors_or_logs() {
    let logs = Logs::default();
    let writer = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let fake = FakeThreemaWork::builder()
        .api_key(KEY)
        .credential_credits(1)
        .start()
        .await;
    let client = fake.client().unwrap();
    let create = CreateCredential::new("alice", PASSWORD);
    let created = client.create_credential(create.clone()).await.unwrap();
    let id = created.id().unwrap();
    let listed = client
        .list_credentials(ListCredentials::new())
        .await
        .unwrap();
    // The password did travel (the fake reads it back in clear)…
    assert_eq!(
        listed.credentials[0].password.as_ref().unwrap().expose(),
        PASSWORD
    );
    let update = UpdateCredential::new(id, "alice", NEW_PASSWORD);
    client.update_credential(update.clone()).await.unwrap();
    // …and errors are logged and shown without it.
    let no_credits = client
        .create_credential(CreateCredential::new("bob", PASSWORD))
        .await
        .unwrap_err();
    let bad_key = threema_work::Client::builder(format!("{KEY}\n"))
        .build()
        .unwrap_err();

    let shown = [
        format!("{client:?}"),
        format!("{create:?}"),
        format!("{update:?}"),
        format!("{created:?}"),
        format!("{listed:?}"),
        format!("{no_credits:?}"),
        no_credits.to_string(),
        format!("{bad_key:?}"),
        bad_key.to_string(),
        String::from_utf8_lossy(&logs.0.lock().unwrap()).into_owned(),
    ];
    for text in &shown {
        for secret in [KEY, PASSWORD, NEW_PASSWORD] {
            assert!(!text.contains(secret), "{secret} leaked in: {text}");
        }
    }
    let log = shown.last().unwrap();
    assert!(
        log.contains("POST /credentials"),
        "requests were logged: {log}"
    );
}
