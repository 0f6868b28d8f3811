//! The session: `RequestPing` at connect and as keepalive, registration with the SMS code,
//! authentication by application after every reconnect, notifications as a typed stream.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/fake.rs"]
mod fake;

use e2e_ws_messenger::api::notifications::NotificationTyping;
use e2e_ws_messenger::api::requests::{RequestGetApplicationsFull, RequestRegisterApplication};
use e2e_ws_messenger::api::{Notification, Request};
use e2e_ws_messenger::framing::TypeAndBody;
use e2e_ws_messenger::model::{ApplicationId, ConversationUuid, UserId};
use e2e_ws_messenger::testkit::{Action, Direction, FakeMessengerServer};
use e2e_ws_messenger::transport_core::Error as CoreError;
use e2e_ws_messenger::transport_core::Secret;
use e2e_ws_messenger::transport_core::ws::ConnectionState;
use e2e_ws_messenger::{Credentials, Error, Event};
use fake::{alice, builder, device, intercepted, next};
use std::time::Duration;

const PHONE: &str = "+35794048714";

/// The wire names the server received on `connection`, in order.
fn received(server: &FakeMessengerServer, connection: usize) -> Vec<String> {
    server
        .frames()
        .iter()
        .filter(|f| f.connection == connection && f.direction == Direction::FromClient)
        .map(|f| {
            let value: serde_json::Value = serde_json::from_slice(f.frame.as_bytes()).unwrap();
            value["type"].as_str().unwrap().to_owned()
        })
        .collect()
}

#[tokio::test(start_paused = true)]
async fn connect_pings_first_and_learns_the_server_version() {
    let server = FakeMessengerServer::builder(TypeAndBody::default())
        .server_version("7.15-test")
        .start()
        .await
        .unwrap();
    let client = builder(&server).connect().await.unwrap();
    assert_eq!(client.server_version().as_deref(), Some("7.15-test"));
    assert!(!client.is_authenticated());
    assert_eq!(received(&server, 0), ["RequestPing"]);
    let pong = client.ping().await.unwrap();
    assert_eq!(pong.server_version, "7.15-test");
}

#[tokio::test(start_paused = true)]
async fn registration_with_the_sms_code_then_authentication() {
    let server = FakeMessengerServer::start(TypeAndBody::default())
        .await
        .unwrap();
    let client = builder(&server).connect().await.unwrap();
    // Confirming before registering is an input error, before any I/O.
    let err = client
        .confirm_registration(Secret::new("123456"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "registration"));

    let app = ApplicationId::random();
    let request = RequestRegisterApplication::new(PHONE, app.clone(), device()).unwrap();
    client.register_application(request).await.unwrap();
    let code = server.sms_code(PHONE).expect("an SMS was sent");
    assert_eq!(code.expose().len(), 6);
    // A wrong code is the server's refusal; the registration stays pending.
    let err = client
        .confirm_registration(Secret::new("000000"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Server { ref status, .. } if status.as_str() == "wrong_code"),
        "{err:?}"
    );
    assert!(!client.is_authenticated());
    let credentials = client.confirm_registration(code).await.unwrap();
    assert_eq!(
        credentials,
        Credentials::new(UserId::from_e164(PHONE).unwrap(), app)
    );
    assert!(client.is_authenticated());
    assert_eq!(client.credentials(), Some(credentials.clone()));
    assert_eq!(
        received(&server, 0),
        [
            "RequestPing",
            "RequestRegisterApplication",
            "RequestConfirmRegistration",
            "RequestConfirmRegistration",
            "RequestAuthenticationByApplication"
        ]
    );
    let apps = client
        .request(RequestGetApplicationsFull::new(true))
        .await
        .unwrap();
    assert_eq!(apps.applications.len(), 1);
    assert!(apps.applications[0].confirmed);
    assert_eq!(server.sessions_of(&credentials.user_id), 1);
}

#[tokio::test(start_paused = true)]
async fn every_reconnect_pings_and_authenticates_again() {
    let server = FakeMessengerServer::start(TypeAndBody::default())
        .await
        .unwrap();
    let (client, user) = alice(&server, |b| b).await;
    let mut events = client.events().unwrap();
    assert_eq!(
        received(&server, 0),
        ["RequestPing", "RequestAuthenticationByApplication"]
    );
    for round in 1..=3 {
        assert_eq!(server.disconnect_all(), 1);
        let reason = next(&mut events, |e| match e {
            Event::Disconnected { reason, .. } => Some(reason),
            _ => None,
        })
        .await;
        assert!(!reason.is_empty());
        next(&mut events, |e| {
            matches!(e, Event::Reconnected).then_some(())
        })
        .await;
        assert_eq!(
            received(&server, round),
            ["RequestPing", "RequestAuthenticationByApplication"],
            "connection {round}"
        );
        assert!(client.is_authenticated());
        assert_eq!(server.sessions_of(&user), 1);
    }
    assert_eq!(client.ws().protocol().handshakes(), 4);
    client.ping().await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn notifications_arrive_typed_and_an_unknown_one_is_reported() {
    let server = FakeMessengerServer::start(TypeAndBody::default())
        .await
        .unwrap();
    let (client, user) = alice(&server, |b| b).await;
    let mut events = client.events().unwrap();
    let conversation = ConversationUuid::random();
    assert_eq!(
        server.push(
            &user,
            NotificationTyping::new(conversation.clone(), user.clone())
        ),
        1
    );
    let typing = next(&mut events, |e| match e {
        Event::Notification(Notification::Typing(typing)) => Some(typing),
        _ => None,
    })
    .await;
    assert_eq!(typing.conversation_uuid, conversation);
    // A wire name this crate does not know is surfaced, with its body.
    assert!(server.push_frame(
        0,
        e2e_ws_messenger::framing::WsFrame::text(
            r#"{"type":"NotificationReaction","body":{"emoji":"+1"}}"#
        )
    ));
    let (name, body) = next(&mut events, |e| match e {
        Event::Unknown {
            wire_name, body, ..
        } => Some((wire_name, body)),
        _ => None,
    })
    .await;
    assert_eq!(name.as_deref(), Some("NotificationReaction"));
    assert_eq!(body, Some(serde_json::json!({"emoji": "+1"})));
    // The stream can be taken once.
    assert!(client.events().is_none());
}

#[tokio::test(start_paused = true)]
async fn the_keepalive_pings_on_its_interval() {
    let (pinged, mut pings) = tokio::sync::mpsc::unbounded_channel();
    let server = intercepted(move |seen| {
        if matches!(seen.request, Request::Ping(_)) {
            let _ = pinged.send(tokio::time::Instant::now());
        }
        Action::Handle
    })
    .await;
    let (client, _) = alice(&server, |b| b.keepalive(Some(Duration::from_secs(30)))).await;
    let handshake = pings.recv().await.unwrap();
    // (Virtual) time moves on by itself while everyone waits: the next three pings are the
    // keepalive, 30 s apart.
    let mut last = handshake;
    for _ in 0..3 {
        let at = pings.recv().await.unwrap();
        assert_eq!(at - last, Duration::from_secs(30));
        last = at;
    }
    assert!(client.state().is_ready());
    assert_eq!(server.connections(), 1);
}

#[tokio::test(start_paused = true)]
async fn refused_authentication_stops_the_client() {
    let server = FakeMessengerServer::start(TypeAndBody::default())
        .await
        .unwrap();
    let stranger = Credentials::new(
        UserId::from_e164(PHONE).unwrap(),
        ApplicationId::new("never-registered").unwrap(),
    );
    let err = builder(&server)
        .credentials(stranger)
        .connect()
        .await
        .unwrap_err();
    match err {
        Error::Transport(CoreError::Handshake(message)) => {
            assert_eq!(
                message,
                "RequestAuthenticationByApplication refused with status `unauthorized`"
            );
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(
        server.connections(),
        1,
        "no retry with rejected credentials"
    );
}

#[tokio::test(start_paused = true)]
async fn shutdown_ends_the_event_stream_with_closed() {
    let server = FakeMessengerServer::start(TypeAndBody::default())
        .await
        .unwrap();
    let client = builder(&server).connect().await.unwrap();
    let mut events = client.events().unwrap();
    client.shutdown().await;
    assert!(matches!(client.state(), ConnectionState::Closed { .. }));
    let closed = next(&mut events, |e| match e {
        Event::Closed { reason } => Some(reason),
        _ => None,
    })
    .await;
    assert_eq!(closed, "shut down");
    assert_eq!(events.recv().await, None);
    let err = client.ping().await.unwrap_err();
    assert!(
        matches!(err, Error::Transport(CoreError::Shutdown)),
        "{err:?}"
    );
}
