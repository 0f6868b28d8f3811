//! Secret hygiene: the API key and credential passwords never appear in `Debug`/`Display` of
//! the client, requests, responses or errors, nor in anything logged through `tracing`.
//!
//! Alone in its test binary: `tracing`'s callsite-interest cache is global, so a thread-local
//! subscriber sees every event only when no other test runs beside it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use threema_work::api::credentials::{CreateCredential, ListCredentials, UpdateCredential};
use threema_work::testkit::FakeThreemaWork;
use threema_work::transport_core::testkit::{LogCapture, SecretScan};

const KEY: &str = "work-SECRET-api-key";
const PASSWORD: &str = "pw-SECRET-456";
const NEW_PASSWORD: &str = "pw-SECRET-789";

#[tokio::test(flavor = "current_thread")]
async fn no_key_or_password_in_debug_errors_or_logs() {
    let logs = LogCapture::start();

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

    let mut scan = SecretScan::new([KEY, PASSWORD, NEW_PASSWORD]);
    scan.check("client Debug", format!("{client:?}"))
        .check("create request Debug", format!("{create:?}"))
        .check("update request Debug", format!("{update:?}"))
        .check("created response Debug", format!("{created:?}"))
        .check("listed response Debug", format!("{listed:?}"))
        .check_shown("quota error", &no_credits)
        .check_shown("builder error", &bad_key)
        .check("logs", logs.text());
    assert_eq!(scan.finish(), Ok(()));
    let log = logs.text();
    assert!(
        log.contains("POST /credentials"),
        "requests were logged: {log}"
    );
}
