//! The official Python client (`python-trueconf-bot`, installed by `cargo xtask setup` into
//! `target/xtask/venvs/trueconf`) against `FakeTrueConfServer`: it checks the server version,
//! connects, authenticates (with a token, and through the password grant) and creates a chat.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::Value;
use std::path::PathBuf;
use std::time::Duration;
use trueconf_chatbot::model::{ChatId, ChatType, Role};
use trueconf_chatbot::testkit::{BOT_PASSWORD, FakeTrueConfServer};

#[path = "support/python.rs"]
mod venv;
use venv::python;

fn script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/python/interop.py")
}

/// Runs the script; returns its one JSON line.
async fn run(args: &[&str]) -> Value {
    let output = tokio::process::Command::new(python())
        .arg(script())
        .args(args)
        .kill_on_drop(true)
        .output();
    // A guard against a hung peer, not a speed check.
    let output = tokio::time::timeout(Duration::from_secs(120), output)
        .await
        .expect("the Python client did not finish")
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "python failed:\n{stdout}\n{stderr}"
    );
    serde_json::from_str(stdout.trim()).unwrap_or_else(|e| panic!("{e}: {stdout}\n{stderr}"))
}

fn check_chat(server: &FakeTrueConfServer, printed: &Value) -> ChatId {
    let chat_id = ChatId::new(printed["chat_id"].as_str().unwrap());
    let chat = server
        .chat(&chat_id)
        .expect("the chat exists on the server");
    assert_eq!(chat.kind, ChatType::P2p);
    assert_eq!(
        chat.participants.keys().collect::<Vec<_>>(),
        ["alice@video.example.com", "bot@video.example.com"]
    );
    assert_eq!(chat.participants["alice@video.example.com"], Role::User);
    assert_eq!(printed["me"], "bot@video.example.com");
    chat_id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_official_client_connects_authenticates_and_creates_a_chat() {
    let server = FakeTrueConfServer::start().await.unwrap();
    server.add_user("alice", "Alice");
    let token = server.issue_token("bot");
    let port = server.port().to_string();

    let printed = run(&[&port, "token", token.expose(), "alice"]).await;
    check_chat(&server, &printed);

    // What it did, in order: the version check, the WebSocket (no trailing slash, no
    // subprotocol), auth, createP2PChat with the id qualified by the server's display name.
    let http: Vec<String> = server
        .http_requests()
        .into_iter()
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    assert_eq!(http[0], "GET /api/v4/server");
    assert!(
        http.contains(&"GET /websocket/chat_bot".to_owned()),
        "{http:?}"
    );
    let upgrade = &server.upgrades()[0];
    assert_eq!(upgrade.path, "/websocket/chat_bot");
    assert!(upgrade.subprotocols.is_empty());
    assert!(
        upgrade
            .user_agent
            .as_deref()
            .unwrap()
            .starts_with("python-trueconf-bot/")
    );
    let requests = server.requests();
    let methods: Vec<&str> = requests.iter().map(|r| r.method.as_str()).collect();
    assert_eq!(methods, ["auth", "createP2PChat"]);
    assert_eq!(requests[0].payload["tokenType"], "JWT");
    assert_eq!(requests[1].payload["userId"], "alice@video.example.com");
    assert_eq!(server.authentications(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_official_client_gets_its_token_through_the_password_grant() {
    let server = FakeTrueConfServer::start().await.unwrap();
    server.add_user("alice", "Alice");
    let port = server.port().to_string();
    let printed = run(&[&port, "creds", "bot", BOT_PASSWORD, "alice"]).await;
    check_chat(&server, &printed);
    assert!(
        server
            .http_requests()
            .iter()
            .any(|r| r.path == "/bridge/api/client/v1/oauth/token"),
        "{:?}",
        server.http_requests()
    );
    assert_eq!(server.authentications(), 1);
}
