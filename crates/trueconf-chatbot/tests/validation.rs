//! Invalid user input fails before any I/O, with a typed error naming the method and the
//! field. Table-driven: each row is one invalid request; after all of them the fake server
//! has received nothing but the initial `auth`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use futures_util::FutureExt;
use futures_util::future::BoxFuture;
use trueconf_chatbot::api::chats::{CreateChannel, CreateGroupChat, EditChatTitle, GetChats};
use trueconf_chatbot::api::commands::{AnswerCommand, CommandAnswer};
use trueconf_chatbot::api::files::{FileMessageContent, SendFile, UploadFile};
use trueconf_chatbot::api::http::FileData;
use trueconf_chatbot::api::messages::{EditMessage, SendMessage};
use trueconf_chatbot::files::FileUpload;
use trueconf_chatbot::model::{
    AnswerType, Button, ChatId, FileUploadLimits, MessageId, ParseMode, TextContent,
};
use trueconf_chatbot::testkit::FakeTrueConfServer;
use trueconf_chatbot::transport_core;
use trueconf_chatbot::validate::ValidationError;
use trueconf_chatbot::{Client, Error};

type Row = (
    &'static str,
    &'static str,
    BoxFuture<'static, Result<(), Error>>,
);

fn text(t: impl Into<String>) -> TextContent {
    TextContent::plain(t)
}

fn rows(client: &Client) -> Vec<Row> {
    let chat = ChatId::new("c1");
    let c = client.clone();
    let call = move |row: (&'static str, &'static str),
                     f: BoxFuture<'static, Result<(), Error>>| (row.0, row.1, f);
    let long = "x".repeat(4097);
    let long_html = format!("<b>{}</b>", "y".repeat(4097));
    let keyboard_rows = vec![vec![Button::command("b", "/b")]; 9];
    vec![
        call(("sendMessage", "content.text"), {
            let c = c.clone();
            let m = SendMessage::new(chat.clone(), text(long.clone()));
            async move { c.call(m).await.map(|_| ()) }.boxed()
        }),
        call(("sendMessage", "content.text"), {
            let c = c.clone();
            let m = SendMessage::new(chat.clone(), TextContent::new(long_html, ParseMode::Html));
            async move { c.call(m).await.map(|_| ()) }.boxed()
        }),
        call(("sendMessage", "content.buttons"), {
            let c = c.clone();
            let m = SendMessage::new(chat.clone(), text("ok").with_buttons(keyboard_rows));
            async move { c.call(m).await.map(|_| ()) }.boxed()
        }),
        call(("sendMessage", "content.buttons[0][0].url"), {
            let c = c.clone();
            let m = SendMessage::new(
                chat.clone(),
                text("ok").with_buttons(vec![vec![Button::url("site", "ftp://example.com/file")]]),
            );
            async move { c.call(m).await.map(|_| ()) }.boxed()
        }),
        call(("sendMessage", "content.buttons[0][0].label"), {
            let c = c.clone();
            let m = SendMessage::new(
                chat.clone(),
                text("ok").with_buttons(vec![vec![Button::command("l".repeat(33), "/x")]]),
            );
            async move { c.call(m).await.map(|_| ()) }.boxed()
        }),
        call(("editMessage", "content.text"), {
            let c = c.clone();
            let m = EditMessage::new(MessageId::new("m"), text(long.clone()));
            async move { c.call(m).await.map(|_| ()) }.boxed()
        }),
        call(("createGroupChat", "title"), {
            let c = c.clone();
            async move { c.call(CreateGroupChat::new("")).await.map(|_| ()) }.boxed()
        }),
        call(("createGroupChat", "title"), {
            let c = c.clone();
            async move { c.create_group_chat("t".repeat(256)).await.map(|_| ()) }.boxed()
        }),
        call(("createChannel", "title"), {
            let c = c.clone();
            async move { c.call(CreateChannel::new("")).await.map(|_| ()) }.boxed()
        }),
        call(("editChatTitle", "title"), {
            let c = c.clone();
            let m = EditChatTitle::new(chat.clone(), "t".repeat(300));
            async move { c.call(m).await.map(|_| ()) }.boxed()
        }),
        call(("getChats", "page"), {
            let c = c.clone();
            async move { c.call(GetChats::new(10, 0)).await.map(|_| ()) }.boxed()
        }),
        call(("answerCommand", "message.text"), {
            let c = c.clone();
            let m = AnswerCommand::new("cmd", AnswerType::Complete, CommandAnswer::new("grüße"));
            async move { c.call(m).await.map(|_| ()) }.boxed()
        }),
        call(("answerCommand", "message.text"), {
            let c = c.clone();
            let m = AnswerCommand::new("cmd", AnswerType::Complete, CommandAnswer::new(""));
            async move { c.call(m).await.map(|_| ()) }.boxed()
        }),
        call(("uploadFile", "fileName"), {
            let c = c.clone();
            async move { c.call(UploadFile::new("", 10)).await.map(|_| ()) }.boxed()
        }),
        call(("sendFile", "content.caption.text"), {
            let c = c.clone();
            let m = SendFile::new(
                chat.clone(),
                FileMessageContent::new("tmp").with_caption(text(long.clone())),
            );
            async move { c.call(m).await.map(|_| ()) }.boxed()
        }),
        call(("sendFile", "content.caption.text"), {
            let c = c.clone();
            let upload = FileUpload::new(FileData::new("a.txt", "text/plain", &b"x"[..]))
                .caption(text(long.clone()));
            let chat = chat.clone();
            async move { c.send_file(chat, upload).await.map(|_| ()) }.boxed()
        }),
        call(("uploadFile", ""), {
            let c = c.clone();
            let upload = FileUpload::new(FileData::new("big.txt", "text/plain", vec![0u8; 11]))
                .limits(FileUploadLimits::new(Some(10)));
            async move { c.upload_file(upload).await.map(|_| ()) }.boxed()
        }),
    ]
}

#[tokio::test]
async fn invalid_requests_fail_before_any_io() {
    let server = FakeTrueConfServer::start().await.unwrap();
    let client = server.bot_client().connect().await.unwrap();
    let before = server.requests().len();
    assert_eq!(before, 1, "only auth");
    let table = rows(&client);
    assert_eq!(table.len(), 17);
    for (method, field, call) in table {
        match call.await {
            Err(Error::Validation { method: m, source }) => {
                assert_eq!(m, method);
                let named = match &source {
                    ValidationError::Length { field, .. }
                    | ValidationError::NotAscii { field }
                    | ValidationError::Missing { field, .. }
                    | ValidationError::UrlScheme { field, .. }
                    | ValidationError::TooMany { field, .. }
                    | ValidationError::OutOfRange { field, .. } => field.clone(),
                    _ => String::new(),
                };
                assert_eq!(named, field, "{method}: {source}");
            }
            other => panic!("{method}/{field}: expected a validation error, got {other:?}"),
        }
    }
    assert_eq!(
        server.requests().len(),
        before,
        "nothing reached the server"
    );
    assert!(
        !server
            .http_requests()
            .iter()
            .any(|r| r.path.contains("files")),
        "no upload happened"
    );
    client.shutdown().await;
}

#[tokio::test]
async fn invalid_settings_fail_before_any_io() {
    let server = FakeTrueConfServer::start().await.unwrap();
    let cases: Vec<(&str, trueconf_chatbot::ClientBuilder)> = vec![
        ("host", Client::builder("http://127.0.0.1").token("a.b.c")),
        ("host", Client::builder("").token("a.b.c")),
        ("port", server.client_base().port(0).token("a.b.c")),
        ("path", server.client_base().path("no-slash").token("a.b.c")),
        ("credentials", server.client_base()),
        (
            "request_timeout",
            server
                .bot_client()
                .request_timeout(std::time::Duration::ZERO),
        ),
        (
            "idle_timeout",
            server.bot_client().keepalive(
                Some(std::time::Duration::from_secs(30)),
                Some(std::time::Duration::from_secs(30)),
            ),
        ),
        (
            "notification_buffer",
            server
                .bot_client()
                .notification_buffer(0, transport_core::ws::OverflowPolicy::DropNewest),
        ),
    ];
    for (field, builder) in cases {
        let err = builder.connect().await.unwrap_err();
        match &err {
            Error::Transport(transport_core::Error::InvalidInput { field: f, .. }) => {
                assert_eq!(f, field, "{err}");
            }
            other => panic!("{field}: expected invalid input, got {other:?}"),
        }
    }
    // Not even the token was requested.
    assert!(server.http_requests().is_empty());
}
