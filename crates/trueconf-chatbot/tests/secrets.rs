//! Secret hygiene: passwords and JWTs never appear in `Debug` or `Display` output of clients,
//! builders, requests, responses and errors, nor in anything logged through `tracing` (at
//! TRACE level, every crate) while connecting, renewing tokens and failing.
//!
//! Alone in its binary: `tracing` caches per call site, process-wide, whether anyone listens.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use trueconf_chatbot::Client;
use trueconf_chatbot::api::http::{
    AuthorizationCodeToken, OAuthAppToken, PasswordToken, WebRestApiToken,
};
use trueconf_chatbot::api::session::Auth;
use trueconf_chatbot::codec::{self, PreparedRequest};
use trueconf_chatbot::credentials::{OAuthApplication, PasswordGrant};
use trueconf_chatbot::testkit::FakeTrueConfServer;
use trueconf_chatbot::transport_core::Secret;
use trueconf_chatbot::transport_core::testkit::{LogCapture, SecretScan};
use trueconf_chatbot::transport_core::ws::ConnectionState;

const PASSWORD: &str = "Pa55-w0rd-NEVER-SHOWN";

#[tokio::test]
async fn no_secret_in_debug_display_or_logs() {
    // A current-thread runtime (`#[tokio::test]`): the fake server, the clients and their
    // tasks all log on this thread.
    let logs = LogCapture::start();

    let server = FakeTrueConfServer::builder()
        .bot_password(PASSWORD)
        .start()
        .await
        .unwrap();
    server.add_oauth_app("app", true);
    let alice = server.add_user("alice", "Alice");
    let issued = server.issue_token("bot");
    let jwt = issued.expose().to_owned();
    let mut shown = Vec::new();

    // Builders, credentials, requests.
    shown.push(format!("{:?}", server.bot_client().token(issued.clone())));
    shown.push(format!("{:?}", PasswordGrant::new("bot", PASSWORD)));
    shown.push(format!(
        "{:?}",
        OAuthApplication::new("app", "bot", PASSWORD)
    ));
    shown.push(format!(
        "{:?}",
        PasswordToken::new("bot", Secret::new(PASSWORD))
    ));
    shown.push(format!(
        "{:?}",
        OAuthAppToken::new("app", "bot", Secret::new(PASSWORD))
    ));
    shown.push(format!("{:?}", WebRestApiToken::new("bot", issued.clone())));
    shown.push(format!("{:?}", AuthorizationCodeToken::new(issued.clone())));
    let auth = Auth::new(issued.clone());
    shown.push(format!("{auth:?}"));
    shown.push(format!("{:?}", PreparedRequest::new(&auth).unwrap()));

    // A client with the token only, one through the OAuth flow, one through the password
    // grant.
    let client = server
        .client_base()
        .token(issued.clone())
        .connect()
        .await
        .unwrap();
    shown.push(format!("{client:?}"));
    let oauth = server
        .client_base()
        .oauth("app", "bot", PASSWORD)
        .connect()
        .await
        .unwrap();
    shown.push(format!("{oauth:?}"));
    let chat = alice.create_p2p_chat_with_bot().unwrap();
    client.send_text(chat.clone(), "hello").await.unwrap();

    // Renewal after 203 (a new token goes through the logs' reach).
    let renewing = server.bot_client().connect().await.unwrap();
    assert_eq!(server.authentications(), 3);
    server.expire_tokens();
    server.drop_connections();
    // The OAuth and the password-grant clients renew; the token-only one cannot (203).
    server.wait_for_authentications(5).await;
    renewing.wait_for_state(ConnectionState::is_ready).await;
    shown.push(format!("{renewing:?}"));

    // Errors: wrong password, forged token, expired token, 203 without provider, API error.
    for error in [
        server
            .client_base()
            .credentials("bot", "wrong-Pa55")
            .connect()
            .await
            .unwrap_err(),
        server
            .client_base()
            .oauth("nope", "bot", PASSWORD)
            .connect()
            .await
            .unwrap_err(),
        server
            .client_base()
            .token(server.issue_expired_token("bot"))
            .connect()
            .await
            .unwrap_err(),
        server
            .client_base()
            .token(issued.clone())
            .connect()
            .await
            .unwrap_err(),
        renewing.send_text("missing-chat", "x").await.unwrap_err(),
        Client::builder("h")
            .token(issued.clone())
            .path("x")
            .connect()
            .await
            .unwrap_err(),
    ] {
        shown.push(format!("{error} | {error:?}"));
    }
    // The stopped client's errors (203, no provider).
    let stuck = client.send_text(chat, "after").await;
    client.wait_for_state(ConnectionState::is_closed).await;
    shown.push(format!("{stuck:?} {:?}", client.send_text("c", "x").await));
    shown.push(format!("{:?}", client.state()));

    // Frames the codec shows.
    shown.push(format!(
        "{:?}",
        codec::decode_frame(r#"{"type":2,"id":1,"payload":{"userId":"bot@x/1"}}"#)
    ));

    for client in [&oauth, &renewing] {
        client.shutdown().await;
    }
    let logs = logs.text();
    assert!(logs.contains("authenticated"), "the capture works:\n{logs}");
    assert!(
        logs.len() > 1000,
        "TRACE level captured the dependencies too"
    );
    // The renewed tokens (issued by the fake during the test) are not logged either: every
    // JWT the fake minted starts with the same header.
    let mut scan = SecretScan::new([
        PASSWORD,
        jwt.as_str(),
        "wrong-Pa55",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.",
    ]);
    for text in &shown {
        scan.check("Debug/Display output", text);
    }
    scan.check("the tracing output", &logs);
    assert_eq!(scan.checked(), shown.len() + 1);
    assert_eq!(scan.finish(), Ok(()));
}
