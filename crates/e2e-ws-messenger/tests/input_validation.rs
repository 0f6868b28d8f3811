//! Invalid user input fails before any I/O with a typed error naming the field: a table of
//! requests sent through a connected client (the server records that none of them arrived),
//! and client settings that fail before connecting.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/fake.rs"]
mod fake;

use e2e_ws_messenger::api::Request;
use e2e_ws_messenger::api::requests::{
    AddUserReport, RequestAddNewSessionKeys, RequestAddUserKeys, RequestConfirmRegistration,
    RequestDeleteMessages, RequestDeleteUser, RequestGetMessages, RequestGetUserInfoMulti,
    RequestMessagesReaded, RequestRegisterApplication, RequestUpdateDeviceTokenByApplication,
    UpdateParam,
};
use e2e_ws_messenger::e2e::Chat;
use e2e_ws_messenger::framing::{Sniffing, TypeAndBody};
use e2e_ws_messenger::model::{
    ApplicationId, Base64Data, ConversationUuid, EncryptedEnvelope, MessageUuid,
    PemEncryptedPrivateKey, PemPublicKey, UserId,
};
use e2e_ws_messenger::testkit::{Direction, FakeMessengerServer};
use e2e_ws_messenger::transport_core::{Error as CoreError, Secret};
use e2e_ws_messenger::{Client, Error};
use fake::{alice, builder, device};
use std::time::Duration;

fn field_of(error: Error) -> String {
    match error {
        Error::InvalidInput { field, .. } => field,
        Error::Transport(CoreError::InvalidInput { field, .. }) => field,
        other => panic!("not an input error: {other:?}"),
    }
}

fn me() -> UserId {
    UserId::from_e164("+35794048714").unwrap()
}

fn conversation() -> ConversationUuid {
    ConversationUuid::new("66CE10E5-969D-41E0-9F2A-C279B095F822").unwrap()
}

/// Requests with one invalid field each, and the field.
fn invalid_requests() -> Vec<(Request, &'static str)> {
    let mut wrong_hash =
        RequestRegisterApplication::new("+35794048714", ApplicationId::random(), device()).unwrap();
    wrong_hash.user_id = UserId::from_e164("+16266260017").unwrap();
    let mut wrong_phone = wrong_hash.clone();
    wrong_phone.open_user_id = "0035794048714".into();
    let keys = RequestAddUserKeys::new(
        Base64Data::encode(&[1; 512]),
        EncryptedEnvelope::from_wire("eyJ9"),
        PemEncryptedPrivateKey::new("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAA==\n"),
        PemPublicKey::from_wire("-----BEGIN PUBLIC KEY-----\ncut short..."),
    );
    let mut unarmoured = keys.clone();
    unarmoured.public_key_base64 =
        PemPublicKey::new(include_str!("../src/crypto/test_keys/alice.public.pem")).unwrap();
    unarmoured.private_key_encrypted_base64 = PemEncryptedPrivateKey::new("plain text");
    vec![
        (wrong_hash.into(), "userId"),
        (wrong_phone.into(), "openUserId"),
        (
            RequestConfirmRegistration::new(Secret::new(" "), me(), ApplicationId::random()).into(),
            "smsCode",
        ),
        (
            RequestUpdateDeviceTokenByApplication::new(
                Secret::new(""),
                me(),
                ApplicationId::random(),
            )
            .into(),
            "token",
        ),
        (
            RequestGetMessages::new(conversation(), MessageUuid::random(), 0).into(),
            "size",
        ),
        (
            RequestDeleteMessages::new(conversation(), Vec::new()).into(),
            "uuids",
        ),
        (
            RequestMessagesReaded::new(conversation(), Vec::new()).into(),
            "messageUuids",
        ),
        (RequestGetUserInfoMulti::new(Vec::new()).into(), "userIds"),
        (
            RequestAddNewSessionKeys::new(conversation(), Vec::new()).into(),
            "sessionKeys",
        ),
        (AddUserReport::new("", me()).into(), "reason"),
        (
            RequestDeleteUser::new("+0035794048714").into(),
            "openUserId",
        ),
        (
            UpdateParam::new("  ", EncryptedEnvelope::from_wire("eyJ9")).into(),
            "name",
        ),
        (keys.into(), "publicKeyBase64"),
        (unarmoured.into(), "privateKeyEncryptedBase64"),
    ]
}

#[tokio::test(start_paused = true)]
async fn invalid_requests_never_reach_the_server() {
    let server = FakeMessengerServer::start(TypeAndBody::default())
        .await
        .unwrap();
    let (client, _) = alice(&server, |b| b).await;
    let sent_before = server
        .frames()
        .iter()
        .filter(|f| f.direction == Direction::FromClient)
        .count();
    let table = invalid_requests();
    assert_eq!(table.len(), 14);
    for (request, field) in table {
        let name = request.wire_name().to_owned();
        let err = client.request_any(request.clone()).await.unwrap_err();
        assert_eq!(field_of(err), field, "{name}");
        // The typed API checks the same way.
        let err = match request {
            Request::RegisterApplication(r) => client.register_application(r).await.unwrap_err(),
            Request::GetMessages(r) => client.request(r).await.unwrap_err(),
            Request::AddUserKeys(r) => client.request(r).await.unwrap_err(),
            Request::MessagesReaded(r) => client.send_and_forget(r).unwrap_err(),
            _ => continue,
        };
        assert_eq!(field_of(err), field, "{name} (typed)");
    }
    let sent_after = server
        .frames()
        .iter()
        .filter(|f| f.direction == Direction::FromClient)
        .count();
    assert_eq!(
        sent_after, sent_before,
        "an invalid request reached the server"
    );
    // A phone number that is not E.164 is refused when the request is built.
    let err = RequestRegisterApplication::new("35794048714", ApplicationId::random(), device())
        .unwrap_err();
    assert_eq!(field_of(err), "openUserId");
    // Client-level input: confirming nothing, a chat without keys.
    let err = client
        .confirm_registration(Secret::new("123456"))
        .await
        .unwrap_err();
    assert_eq!(field_of(err), "registration");
    assert_eq!(field_of(Chat::new(&client).unwrap_err()), "crypto");
}

#[tokio::test(start_paused = true)]
async fn invalid_client_settings_fail_before_connecting() {
    let server = FakeMessengerServer::start(TypeAndBody::default())
        .await
        .unwrap();
    let cases: Vec<(&str, e2e_ws_messenger::ClientBuilder)> = vec![
        ("framing", Client::builder(server.url())),
        (
            "framing",
            Client::builder(server.url()).framing(Sniffing::new()),
        ),
        (
            "request_timeout",
            builder(&server).request_timeout(Duration::ZERO),
        ),
        (
            "idle_timeout",
            builder(&server)
                .ws(|c| c.with_ping(Some(Duration::from_secs(30)), Some(Duration::from_secs(10)))),
        ),
        (
            "app_keepalive_interval",
            builder(&server).keepalive(Some(Duration::ZERO)),
        ),
    ];
    for (field, builder) in cases {
        let err = builder.connect().await.unwrap_err();
        assert_eq!(field_of(err), field);
    }
    let err = Client::builder("ftp://127.0.0.1/")
        .framing(TypeAndBody::default())
        .connect()
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Transport(CoreError::InvalidInput { .. })),
        "{err:?}"
    );
    assert_eq!(server.connections(), 0, "nothing was connected");
}
