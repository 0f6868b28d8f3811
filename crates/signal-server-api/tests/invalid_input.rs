//! Input the user builds is checked before any I/O: every row fails with a typed
//! `InvalidInput` naming the field, over REST and over the WebSocket, and nothing reaches the
//! server (no request, no frame, not even the unauthenticated socket).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{aci, register};

use signal_server_api::api::account::{
    LookupUsernameHash, ReserveUsernameHash, SetAccountAttributes, SetName, SetRegistrationLock,
};
use signal_server_api::api::keys::CheckKeys;
use signal_server_api::api::messages::{ReportSpamMessage, SendMessage};
use signal_server_api::api::stickers::GetStickersForm;
use signal_server_api::api::subscriptions::CreateBoostPaymentIntent;
use signal_server_api::api::verification::{CreateSession, VerifyCode};
use signal_server_api::model::{AccountAttributes, DeviceId, IdentityType, PaymentMethod};
use signal_server_api::testkit::MockSignalServer;
use signal_server_api::{Credentials, Error, SignalClient, transport_core};

/// Discards a response.
fn done<T>(_: T) {}

/// Every row: the field the error must name, and the outcome of sending the bad input.
async fn rows(client: &SignalClient) -> Vec<(&'static str, Result<(), Error>)> {
    vec![
        (
            "number",
            client.send(&CreateSession::new("0123")).await.map(done),
        ),
        (
            "code",
            client.send(&VerifyCode::new("sess", "")).await.map(done),
        ),
        (
            "registrationId",
            client
                .send(&SetAccountAttributes::new(AccountAttributes::new(0)))
                .await
                .map(done),
        ),
        (
            "deviceName",
            client.send(&SetName::new(Vec::new())).await.map(done),
        ),
        (
            "registrationLock",
            client
                .send(&SetRegistrationLock::new("short"))
                .await
                .map(done),
        ),
        (
            "usernameHash",
            client
                .send(&LookupUsernameHash::new(vec![1; 31]))
                .await
                .map(done),
        ),
        (
            "usernameHashes",
            client
                .send(&ReserveUsernameHash::new(Vec::new()))
                .await
                .map(done),
        ),
        (
            "digest",
            client
                .send(&CheckKeys::new(IdentityType::Aci, vec![0; 31]))
                .await
                .map(done),
        ),
        (
            "count",
            client.send(&GetStickersForm::new(0)).await.map(done),
        ),
        (
            "currency",
            client
                .send(&CreateBoostPaymentIntent::new(
                    "EURO",
                    100,
                    PaymentMethod::Card,
                ))
                .await
                .map(done),
        ),
        (
            "messages",
            client
                .send(&SendMessage::new(aci(), Vec::new(), 1))
                .await
                .map(done),
        ),
        (
            "source",
            client
                .send(&ReportSpamMessage::new("", uuid::Uuid::nil()))
                .await
                .map(done),
        ),
        (
            "authorization.username",
            client.send(&register("alice", "pw")).await.map(done),
        ),
    ]
}

#[tokio::test]
async fn invalid_input_fails_before_any_io_over_both_transports() {
    let server = MockSignalServer::start().await;
    let credentials = Credentials::new(aci(), "pw").with_device_id(DeviceId::PRIMARY);
    let rest = server
        .client_builder()
        .credentials(credentials.clone())
        .build()
        .unwrap();
    let ws = server
        .ws_client_builder()
        .credentials(credentials)
        .connect()
        .await
        .unwrap();
    for (transport, client) in [("REST", &rest), ("WebSocket", &ws)] {
        let rows = rows(client).await;
        assert_eq!(rows.len(), 13);
        for (field, outcome) in rows {
            let error = outcome.expect_err(field);
            match error.as_transport() {
                Some(transport_core::Error::InvalidInput { field: named, .. }) => {
                    assert_eq!(named, field, "{transport}: {error}");
                }
                other => panic!("{transport} {field}: not invalid input: {other:?}"),
            }
            assert!(
                error.to_string().starts_with(&format!("invalid {field}")),
                "{transport}: {error}"
            );
            assert_eq!(error.status(), None);
            assert!(!error.is_transient(), "{transport}: {error}");
        }
    }
    // Nothing left the client: no HTTP request, no request frame, and no unauthenticated
    // socket was opened for the anonymous calls.
    assert!(server.received_requests().await.is_empty());
    assert_eq!(server.websocket().requests(), 0);
    assert_eq!(server.websocket().connections(), 1);
}
