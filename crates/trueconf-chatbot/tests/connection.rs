//! Connecting and authenticating: tokens over HTTP (password grant, OAuth application flow),
//! the local token check, `auth` errors, renewal on 203, subprotocol and path, errors before
//! `auth`, acknowledgements, keepalive and the request timeout.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use serde_json::{Value, json};
use std::time::Duration;
use support::{code, next_delivery, setup};
use trueconf_chatbot::api::notifications::Notification;
use trueconf_chatbot::testkit::{BOT_PASSWORD, FakeTrueConfServer};
use trueconf_chatbot::token::TokenError;
use trueconf_chatbot::transport_core;
use trueconf_chatbot::transport_core::testkit::FakeWsServer;
use trueconf_chatbot::transport_core::ws::{ConnectionState, WsConnectOptions, WsFrame, connect};
use trueconf_chatbot::{AckMode, Client, Error, Scheme, Update};

fn http_paths(server: &FakeTrueConfServer) -> Vec<String> {
    server
        .http_requests()
        .into_iter()
        .map(|r| format!("{} {}", r.method, r.path))
        .collect()
}

#[tokio::test]
async fn password_grant_then_auth_over_json_v1() {
    let server = FakeTrueConfServer::start().await.unwrap();
    let client = server.bot_client().connect().await.unwrap();
    assert_eq!(
        http_paths(&server),
        [
            "POST /bridge/api/client/v1/oauth/token",
            "GET /websocket/chat_bot/"
        ]
    );
    let upgrade = &server.upgrades()[0];
    assert_eq!(upgrade.subprotocols, ["json.v1"]);
    assert!(
        upgrade
            .user_agent
            .as_deref()
            .unwrap()
            .starts_with("trueconf-chatbot/")
    );
    let me = client.me().unwrap();
    assert!(me.as_str().starts_with("bot@video.example.com/"), "{me}");
    assert!(client.is_me("BOT@video.example.com"));
    assert!(!client.is_me("alice@video.example.com"));
    let auth = &server.requests()[0];
    assert_eq!(auth.method, "auth");
    assert_eq!(
        auth.payload,
        json!({"token": "[redacted]", "tokenType": "JWT", "receiveUnread": false, "receiveSystemMessageEnvelopes": false})
    );
    assert_eq!(client.authentications(), 1);
    client.shutdown().await;
}

#[tokio::test]
async fn path_without_trailing_slash_and_without_subprotocol() {
    let server = FakeTrueConfServer::start().await.unwrap();
    let client = server
        .bot_client()
        .path("/websocket/chat_bot")
        .subprotocol(false)
        .connect()
        .await
        .unwrap();
    let upgrade = &server.upgrades()[0];
    assert_eq!(upgrade.path, "/websocket/chat_bot");
    assert!(upgrade.subprotocols.is_empty());
    assert_eq!(client.state(), ConnectionState::Ready);
    client.shutdown().await;
}

#[tokio::test]
async fn oauth_application_flow_when_password_login_is_disabled() {
    let server = FakeTrueConfServer::builder()
        .password_login(false)
        .start()
        .await
        .unwrap();
    server.add_oauth_app("app-1", true);

    // The password grant is refused with a typed, readable error.
    let err = server.bot_client().connect().await.unwrap_err();
    assert_eq!(err.http_status(), Some(403));
    assert_eq!(
        err.http_error_body().unwrap().error.as_deref(),
        Some("auth_method_disabled")
    );
    assert!(server.upgrades().is_empty(), "no WebSocket without a token");

    let client = server
        .client_base()
        .oauth("app-1", "bot", BOT_PASSWORD)
        .connect()
        .await
        .unwrap();
    assert_eq!(
        http_paths(&server)[1..],
        [
            "POST /api/v4/oauth2/token",
            "POST /bridge/api/client/v1/auth/web_rest_api_token",
            "POST /bridge/api/client/v1/auth/token",
            "GET /websocket/chat_bot/",
        ]
    );
    assert!(client.is_me("bot@video.example.com"));
    client.shutdown().await;
}

#[tokio::test]
async fn oauth_application_without_scope_and_wrong_passwords() {
    let server = FakeTrueConfServer::start().await.unwrap();
    server.add_oauth_app("weak-app", false);
    let err = server
        .client_base()
        .oauth("weak-app", "bot", BOT_PASSWORD)
        .connect()
        .await
        .unwrap_err();
    assert_eq!(err.http_status(), Some(400));
    assert_eq!(err.http_error_body().unwrap().reasons, ["invalidScope"]);

    let err = server
        .client_base()
        .credentials("bot", "wrong")
        .connect()
        .await
        .unwrap_err();
    assert_eq!(err.http_status(), Some(401));
    let body = err.http_error_body().unwrap();
    assert_eq!(body.error.as_deref(), Some("invalid_grant"));
    assert!(
        err.to_string().contains("Invalid username or password"),
        "{err}"
    );
    assert!(server.upgrades().is_empty());
}

#[tokio::test]
async fn an_expired_token_fails_before_any_io() {
    let server = FakeTrueConfServer::start().await.unwrap();
    let expired = server.issue_expired_token("bot");
    let err = server
        .client_base()
        .token(expired)
        .connect()
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Token(TokenError::Expired { .. })),
        "{err:?}"
    );
    assert!(server.http_requests().is_empty());
    let garbage = server
        .client_base()
        .token("not-a-jwt")
        .connect()
        .await
        .unwrap_err();
    assert!(
        matches!(garbage, Error::Token(TokenError::Parts { found: 1 })),
        "{garbage:?}"
    );
    assert!(server.http_requests().is_empty());
}

#[tokio::test]
async fn an_expired_token_with_credentials_is_renewed_before_connecting() {
    let server = FakeTrueConfServer::start().await.unwrap();
    let client = server
        .bot_client()
        .token(server.issue_expired_token("bot"))
        .connect()
        .await
        .unwrap();
    assert_eq!(
        http_paths(&server),
        [
            "POST /bridge/api/client/v1/oauth/token",
            "GET /websocket/chat_bot/"
        ]
    );
    client.shutdown().await;
}

#[tokio::test]
async fn error_203_on_reconnect_fetches_a_new_token_and_authenticates_again() {
    let s = setup().await;
    let mut updates = s.client.updates().unwrap();
    s.server.expire_tokens();
    s.server.drop_connections();
    // The first reconnect is refused with 203; the next uses a fresh token.
    s.server.wait_for_authentications(2).await;
    s.client.wait_for_state(ConnectionState::is_ready).await;
    let auths: Vec<_> = s
        .server
        .requests()
        .into_iter()
        .filter(|r| r.method == "auth")
        .collect();
    assert_eq!(auths.len(), 3, "{auths:?}");
    let grants = http_paths(&s.server)
        .iter()
        .filter(|p| p.ends_with("/oauth/token"))
        .count();
    assert_eq!(grants, 2);
    assert_eq!(s.client.authentications(), 2);
    // Traffic and notifications resume.
    s.client.send_text(s.chat.clone(), "back").await.unwrap();
    s.alice.send_text(&s.chat, "welcome back").unwrap();
    let delivery = next_delivery(&mut updates).await;
    assert_eq!(delivery.message().unwrap().text(), Some("welcome back"));
    s.client.shutdown().await;
}

#[tokio::test]
async fn error_203_at_the_first_connect_is_retried_once_with_a_fresh_token() {
    let server = FakeTrueConfServer::start().await.unwrap();
    let token = server.issue_token("bot");
    server.expire_tokens();
    let client = server.bot_client().token(token).connect().await.unwrap();
    assert_eq!(server.authentications(), 1);
    assert_eq!(
        server
            .requests()
            .iter()
            .filter(|r| r.method == "auth")
            .count(),
        2
    );
    client.shutdown().await;
}

#[tokio::test]
async fn error_203_without_a_provider_stops_the_client() {
    let server = FakeTrueConfServer::start().await.unwrap();
    let client = server
        .client_base()
        .token(server.issue_token("bot"))
        .connect()
        .await
        .unwrap();
    server.expire_tokens();
    server.drop_connections();
    let state = client.wait_for_state(ConnectionState::is_closed).await;
    assert!(state.to_string().contains("203"), "{state}");
    let err = client.send_text("c", "x").await.unwrap_err();
    assert!(err.to_string().contains("CREDENTIALS_EXPIRED"), "{err}");
    // And the first connect with such a token fails with the typed error.
    let err = server
        .client_base()
        .token(server.issue_token("bot"))
        .connect()
        .await
        .map(|_| ());
    assert!(err.is_ok(), "fresh tokens still work");
    let expired_on_server = server.issue_token("bot");
    server.expire_tokens();
    let err = server
        .client_base()
        .token(expired_on_server)
        .connect()
        .await
        .unwrap_err();
    assert_eq!(code::<()>(Err(err)), 203);
}

#[tokio::test]
async fn a_disabled_account_is_refused_with_202() {
    let server = FakeTrueConfServer::start().await.unwrap();
    let token = server.issue_token("bot");
    server.set_user_disabled("bot", true);
    let err = server
        .client_base()
        .token(token)
        .connect()
        .await
        .unwrap_err();
    assert_eq!(err.api_code().map(|c| c.code()), Some(202));
    assert_eq!(
        err.to_string(),
        "`auth` failed with error 202 USER_DISABLED: user disabled"
    );
}

#[tokio::test]
async fn requests_before_auth_get_200_and_wrong_token_types_204() {
    let server = FakeTrueConfServer::start().await.unwrap();
    let url = format!("ws://127.0.0.1:{}/websocket/chat_bot/", server.port());
    let mut conn = connect(&WsConnectOptions::new(url)).await.unwrap();
    conn.send(WsFrame::text(
        r#"{"type":1,"id":1,"method":"getChats","payload":{"count":1,"page":1}}"#,
    ))
    .await
    .unwrap();
    let answer: Value =
        serde_json::from_str(conn.recv().await.unwrap().as_text().unwrap()).unwrap();
    assert_eq!(answer["id"], 1);
    assert_eq!(answer["payload"]["errorCode"], 200);
    let token = server.issue_token("bot");
    let auth = json!({"type": 1, "id": 2, "method": "auth", "payload": {
        "token": token.expose(), "tokenType": "Basic"
    }});
    conn.send(WsFrame::text(auth.to_string())).await.unwrap();
    let answer: Value =
        serde_json::from_str(conn.recv().await.unwrap().as_text().unwrap()).unwrap();
    assert_eq!(answer["payload"]["errorCode"], 204);
}

#[tokio::test]
async fn notifications_are_acked_on_arrival_by_default() {
    let s = setup().await;
    let mut updates = s.client.updates().unwrap();
    for n in 0..3 {
        s.alice.send_text(&s.chat, &format!("m{n}")).unwrap();
    }
    for n in 0..3 {
        let delivery = next_delivery(&mut updates).await;
        assert_eq!(
            delivery.message().unwrap().text(),
            Some(format!("m{n}").as_str())
        );
        assert!(!delivery.needs_ack());
        // Nothing to do for the application.
        assert!(!s.client.ack(&delivery).await.unwrap());
    }
    s.server.wait_for_acks(3).await;
    assert_eq!(s.server.unacked("bot"), 0);
    s.client.shutdown().await;
}

#[tokio::test]
async fn after_handler_mode_leaves_acks_to_the_application() {
    let server = FakeTrueConfServer::start().await.unwrap();
    let alice = server.add_user("alice", "Alice");
    let client = server
        .bot_client()
        .ack_mode(AckMode::AfterHandler)
        .connect()
        .await
        .unwrap();
    let mut updates = client.updates().unwrap();
    let chat = alice.create_p2p_chat_with_bot().unwrap();
    alice.send_text(&chat, "one").unwrap();
    let created = next_delivery(&mut updates).await;
    let message = next_delivery(&mut updates).await;
    assert!(created.needs_ack() && message.needs_ack());
    assert_eq!(server.unacked("bot"), 2);
    assert!(client.ack(&created).await.unwrap());
    assert!(client.ack(&message).await.unwrap());
    server.wait_for_acks(2).await;
    assert_eq!(server.unacked("bot"), 0);

    // An ack for a delivery of an earlier connection is not sent on the new one.
    alice.send_text(&chat, "two").unwrap();
    let stale = next_delivery(&mut updates).await;
    server.drop_connections();
    server.wait_for_authentications(2).await;
    client.wait_for_state(ConnectionState::is_ready).await;
    assert!(!client.ack(&stale).await.unwrap());
    client.shutdown().await;
}

#[tokio::test]
async fn unknown_and_malformed_notifications_are_surfaced_and_acked() {
    let s = setup().await;
    let mut updates = s.client.updates().unwrap();
    s.server.notify(
        "bot",
        &Notification::Unknown {
            method: "somethingNew".into(),
            payload: json!({"chatId": "c", "nested": [1, 2]}),
        },
    );
    let unknown = next_delivery(&mut updates).await;
    assert_eq!(unknown.method, "somethingNew");
    assert_eq!(
        unknown.notification,
        Ok(Notification::Unknown {
            method: "somethingNew".into(),
            payload: json!({"chatId": "c", "nested": [1, 2]})
        })
    );
    s.server.inject(
        "bot",
        r#"{"method":"removeChat","type":1,"id":900,"payload":{"chatId":5}}"#,
    );
    let malformed = next_delivery(&mut updates).await;
    let error = malformed.notification.as_ref().unwrap_err();
    assert_eq!((error.path.as_str(), malformed.id), ("chatId", 900));
    assert_eq!(error.payload, json!({"chatId": 5}));
    s.server.wait_for_acks(2).await;
    s.client.shutdown().await;
}

#[tokio::test]
async fn the_unread_backlog_arrives_after_auth() {
    let server = FakeTrueConfServer::start().await.unwrap();
    let alice = server.add_user("alice", "Alice");
    let chat = alice.create_p2p_chat_with_bot().unwrap();
    alice.send_text(&chat, "while you were away").unwrap();
    let client = server
        .bot_client()
        .receive_unread(true)
        .connect()
        .await
        .unwrap();
    let mut updates = client.updates().unwrap();
    let delivery = next_delivery(&mut updates).await;
    assert_eq!(
        delivery.message().unwrap().text(),
        Some("while you were away")
    );
    assert_eq!(server.requests()[0].payload["receiveUnread"], true);
    client.shutdown().await;
}

/// The official Python client's race (notes §10.4): a notification right after (here: even
/// before) the `auth` answer must be handed on only once the client knows who it is.
#[tokio::test]
async fn identity_is_known_before_the_first_notification() {
    let token = FakeTrueConfServer::start()
        .await
        .unwrap()
        .issue_token("bot");
    let ws = FakeWsServer::start(|mut conn| async move {
        let auth = conn.recv_json().await.unwrap();
        // A notification before the answer, then the answer.
        conn.send_json(&json!({"type": 1, "id": 1, "method": "sendMessage", "payload": {
            "chatId": "c", "messageId": "m", "timestamp": 1, "type": 200,
            "author": {"id": "bot@srv", "type": 1}, "content": {"text": "mine", "parseMode": "text"}
        }}))
        .await
        .unwrap();
        conn.send_json(&json!({"type": 2, "id": auth["id"], "payload": {"userId": "bot@srv/r1"}}))
            .await
            .unwrap();
        while conn.recv().await.is_some() {}
    })
    .await
    .unwrap();
    let port = ws.addr().port();
    let client = Client::builder("127.0.0.1")
        .scheme(Scheme::Http)
        .port(port)
        .token(token)
        .connect()
        .await
        .unwrap();
    let mut updates = client.updates().unwrap();
    let Some(Update::Notification(delivery)) = updates.recv().await else {
        panic!("expected the deferred notification")
    };
    let author = &delivery.message().unwrap().author.id;
    assert!(client.is_me(author), "{author} vs {:?}", client.me());
    client.shutdown().await;
}

#[tokio::test(start_paused = true)]
async fn the_app_keepalive_asks_for_the_bots_own_display_name() {
    let server = FakeTrueConfServer::start().await.unwrap();
    let client = server
        .bot_client()
        .app_keepalive(Some(Duration::from_secs(15)))
        .connect()
        .await
        .unwrap();
    server.wait_for_requests("getUserDisplayName", 2).await;
    let keepalive = server
        .requests()
        .into_iter()
        .find(|r| r.method == "getUserDisplayName")
        .unwrap();
    assert_eq!(
        keepalive.payload,
        json!({"userId": "bot@video.example.com"})
    );
    assert_eq!(client.authentications(), 1);
    client.shutdown().await;
}

#[tokio::test(start_paused = true)]
async fn requests_time_out_after_ten_seconds_by_default() {
    let s = setup().await;
    s.server.set_silent(true);
    let err = s
        .client
        .send_text(s.chat.clone(), "anyone?")
        .await
        .unwrap_err();
    match err {
        Error::Transport(transport_core::Error::Timeout { after, .. }) => {
            assert_eq!(after, Duration::from_secs(10));
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
    s.server.set_silent(false);
    s.client.shutdown().await;
}
