//! Invalid user input (issue 12), table-driven: every case fails before any I/O with a
//! typed error naming the field. The calls run against a paired client; the fake app must
//! receive nothing at all, and the session must be untouched.

#![cfg(feature = "testkit")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{app_config, client_config, pair_with, within};
use futures_util::future::BoxFuture;
use std::time::Duration;
use threema_arp::api::{
    CreateDistributionList, CreateFileMessage, CreateGroup, CreateTextMessage, DeleteType,
    UpdateContact, UpdateGroup, UpdateProfile, UpdateTyping,
};
use threema_arp::model::{MessageRef, Quote, ReceiverRef, ReceiverType};
use threema_arp::qr::QrPayload;
use threema_arp::session::ServerConfig;
use threema_arp::testkit::LocalRelay;
use threema_arp::{ArpClient, ArpConfig, Error, Frame, TrustedSession};

type Call = fn(ArpClient) -> BoxFuture<'static, Result<(), Error>>;

fn echo() -> ReceiverRef {
    ReceiverRef::contact("ECHOECHO")
}

fn message(receiver: ReceiverRef, id: &str) -> MessageRef {
    MessageRef::new(receiver, id)
}

fn long(bytes: usize) -> String {
    "é".repeat(bytes / 2) + &"x".repeat(bytes % 2)
}

/// (what, the call, the field its error must name).
fn cases() -> Vec<(&'static str, Call, &'static str)> {
    vec![
        (
            "a contact id that is no Threema ID",
            |c| {
                Box::pin(async move {
                    c.send_text(ReceiverRef::contact("echo"), "hi")
                        .await
                        .map(drop)
                })
            },
            "create/textMessage args.id",
        ),
        (
            "an empty group id",
            |c| Box::pin(async move { c.send_text(ReceiverRef::group(""), "hi").await.map(drop) }),
            "create/textMessage args.id",
        ),
        (
            "sending to `me`",
            |c| {
                Box::pin(async move {
                    c.send_text(ReceiverRef::new(ReceiverType::Me, "MEMEMEME"), "hi")
                        .await
                        .map(drop)
                })
            },
            "create/textMessage args.type",
        ),
        (
            "an unknown receiver type",
            |c| {
                Box::pin(async move {
                    let receiver = ReceiverRef::new(ReceiverType::Other("bot".into()), "B0T");
                    c.send_text(receiver, "hi").await.map(drop)
                })
            },
            "create/textMessage args.type",
        ),
        (
            "an empty text",
            |c| Box::pin(async move { c.send_text(echo(), "").await.map(drop) }),
            "create/textMessage data.text",
        ),
        (
            "a text over maxMessageBodySize (3,500 bytes)",
            |c| Box::pin(async move { c.send_text(echo(), long(3501)).await.map(drop) }),
            "create/textMessage data.text",
        ),
        (
            "a v1 quote (no messageId)",
            |c| {
                Box::pin(async move {
                    let mut text = CreateTextMessage::new(echo(), "reply");
                    let mut quote = Quote::new("ECHOECHO", "quoted", "1");
                    quote.message_id = None;
                    text.data.quote = Some(quote);
                    c.send_text_message(text).await.map(drop)
                })
            },
            "create/textMessage data.quote.messageId",
        ),
        (
            "a quote of no Threema ID",
            |c| {
                Box::pin(async move {
                    let mut text = CreateTextMessage::new(echo(), "reply");
                    text.data.quote = Some(Quote::new("nobody", "quoted", "1"));
                    c.send_text_message(text).await.map(drop)
                })
            },
            "create/textMessage data.quote.identity",
        ),
        (
            "a file without a name",
            |c| Box::pin(async move { c.send_file(echo(), "", "text/plain", vec![1]).map(drop) }),
            "create/fileMessage data.name",
        ),
        (
            "a file without a MIME type",
            |c| Box::pin(async move { c.send_file(echo(), "a.txt", "", vec![1]).map(drop) }),
            "create/fileMessage data.fileType",
        ),
        (
            "an empty file",
            |c| {
                Box::pin(async move {
                    c.send_file(echo(), "a.txt", "text/plain", Vec::new())
                        .map(drop)
                })
            },
            "create/fileMessage data.data",
        ),
        (
            "a size that is not the file's",
            |c| {
                Box::pin(async move {
                    let mut file =
                        CreateFileMessage::new(echo(), "a.txt", "text/plain", vec![1, 2]);
                    file.data.size = 3;
                    c.send_file_message(file).map(drop)
                })
            },
            "create/fileMessage data.size",
        ),
        (
            "a file over maxFileSize (50 MiB)",
            |c| {
                Box::pin(async move {
                    let bytes = vec![0u8; 50 * 1024 * 1024 + 1];
                    c.send_file(echo(), "big.bin", "application/octet-stream", bytes)
                        .map(drop)
                })
            },
            "create/fileMessage data.data",
        ),
        (
            "a new contact that is no Threema ID",
            |c| Box::pin(async move { c.create_contact("ECHO").await.map(drop) }),
            "create/contact data.identity",
        ),
        (
            "a first name over 256 bytes",
            |c| {
                Box::pin(async move {
                    let mut update = UpdateContact::new("ECHOECHO");
                    update.data.first_name = Some(long(257));
                    c.update_contact(update).await.map(drop)
                })
            },
            "update/contact data.firstName",
        ),
        (
            "a contact detail of no Threema ID",
            |c| Box::pin(async move { c.contact_detail("echoecho").await.map(drop) }),
            "request/contactDetail args.identity",
        ),
        (
            "a group without members",
            |c| {
                Box::pin(
                    async move { c.create_group(CreateGroup::new(Vec::new())).await.map(drop) },
                )
            },
            "create/group data.members",
        ),
        (
            "a group member that is no Threema ID",
            |c| {
                Box::pin(async move {
                    c.create_group(CreateGroup::new(vec!["ECHOECHO".into(), "x".into()]))
                        .await
                        .map(drop)
                })
            },
            "create/group data.members",
        ),
        (
            "a group name over 256 bytes",
            |c| {
                Box::pin(async move {
                    let mut group = CreateGroup::new(vec!["ECHOECHO".into()]);
                    group.data.name = Some(long(257));
                    c.create_group(group).await.map(drop)
                })
            },
            "create/group data.name",
        ),
        (
            "a group update without members",
            |c| {
                Box::pin(async move {
                    c.update_group(UpdateGroup::new("17", Vec::new()))
                        .await
                        .map(drop)
                })
            },
            "update/group data.members",
        ),
        (
            "a distribution list name over 256 bytes",
            |c| {
                Box::pin(async move {
                    let mut list = CreateDistributionList::new(vec!["ECHOECHO".into()]);
                    list.data.name = Some(long(300));
                    c.create_distribution_list(list).await.map(drop)
                })
            },
            "create/distributionList data.name",
        ),
        (
            "deleting a group without id",
            |c| Box::pin(async move { c.delete_group("", DeleteType::Leave).await }),
            "delete/group args.id",
        ),
        (
            "syncing a group without id",
            |c| Box::pin(async move { c.sync_group("").await }),
            "request/groupSync args.id",
        ),
        (
            "deleting a distribution list without id",
            |c| Box::pin(async move { c.delete_distribution_list("").await }),
            "delete/distributionList args.id",
        ),
        (
            "conversations with avatars of 0 px",
            |c| Box::pin(async move { c.conversations_with_avatars(0).await.map(drop) }),
            "request/conversations args.maxSize",
        ),
        (
            "reading up to an empty message id",
            |c| Box::pin(async move { c.read(message(echo(), "")).await }),
            "request/read args.messageId",
        ),
        (
            "a blob of a contact that is no Threema ID",
            |c| Box::pin(async move { c.blob(message(ReceiverRef::contact("x"), "1")).map(drop) }),
            "request/blob args.id",
        ),
        (
            "a thumbnail of an empty message id",
            |c| Box::pin(async move { c.thumbnail(message(echo(), "")).await.map(drop) }),
            "request/thumbnail args.messageId",
        ),
        (
            "deleting a message without id",
            |c| Box::pin(async move { c.delete_message(message(echo(), "")).await }),
            "delete/message args.messageId",
        ),
        (
            "a nickname over 32 bytes",
            |c| {
                Box::pin(async move {
                    let mut update = UpdateProfile::new();
                    update.data.public_nickname = Some(long(33));
                    c.request(Frame::new(update)).await.map(drop)
                })
            },
            "update/profile data.publicNickname",
        ),
        (
            "typing towards no Threema ID",
            |c| {
                Box::pin(async move { c.send(Frame::new(UpdateTyping::new("nobody", true))).await })
            },
            "update/typing args.id",
        ),
    ]
}

#[tokio::test(start_paused = true)]
async fn invalid_calls_fail_before_any_io_naming_the_field() {
    let relay = LocalRelay::start().await.unwrap();
    let (client, app) = pair_with(
        client_config(relay.server_config()),
        app_config(relay.server_config()),
    )
    .await;
    let mut wrong = Vec::new();
    for (what, call, field) in cases() {
        match within(what, call(client.clone())).await {
            Err(Error::InvalidInput {
                field: named,
                reason,
            }) if named == field => {
                assert!(!reason.is_empty(), "{what}");
            }
            other => wrong.push(format!("{what}: expected invalid `{field}`, got {other:?}")),
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    // Nothing reached the app, and the session is as it was.
    assert!(app.received().is_empty(), "{:?}", app.received());
    assert!(client.state().is_established());
    let profile = within("a valid call", client.profile()).await.unwrap();
    assert_eq!(profile.identity, "MEMEMEME");
    assert_eq!(app.received().len(), 1);
}

#[tokio::test(start_paused = true)]
async fn the_apps_limits_replace_the_defaults() {
    let relay = LocalRelay::start().await.unwrap();
    let mut config = client_config(relay.server_config());
    config.limits.max_text_bytes = 10;
    let (client, app) = pair_with(config, app_config(relay.server_config())).await;
    let error = client.send_text(echo(), long(11)).await.unwrap_err();
    assert!(
        matches!(&error, Error::InvalidInput { field, .. } if field == "create/textMessage data.text"),
        "{error:?}"
    );
    assert!(app.received().is_empty());
    // The fake app announces no limits: the schema defaults apply from now on.
    within("client info", client.client_info()).await.unwrap();
    assert_eq!(client.limits().max_text_bytes, 3500);
    assert_eq!(client.limits().max_file_bytes, 50 * 1024 * 1024);
    within("a text of 11 bytes", client.send_text(echo(), long(11)))
        .await
        .unwrap();
    assert_eq!(app.count("create/textMessage"), 1);
}

/// A server nobody listens on: connecting would fail with a connection error, not with
/// invalid input.
fn unreachable() -> ServerConfig {
    ServerConfig::new("127.0.0.1", 9).insecure()
}

#[tokio::test(start_paused = true)]
async fn invalid_settings_fail_before_connecting() {
    type Change = fn(&mut ArpConfig);
    let table: Vec<(&str, Change, &str)> = vec![
        (
            "a zero request timeout",
            |c| c.request_timeout = Duration::ZERO,
            "ArpConfig timeouts",
        ),
        (
            "a zero transfer timeout",
            |c| c.transfer_timeout = Duration::ZERO,
            "ArpConfig timeouts",
        ),
        (
            "an empty host",
            |c| c.server.host.clear(),
            "ArpConfig server.host",
        ),
        (
            "no update buffer",
            |c| c.session.update_buffer = 0,
            "session update_buffer",
        ),
        (
            "a zero keep-alive timeout",
            |c| c.session.keepalive_timeout = Duration::ZERO,
            "session keepalive_timeout",
        ),
        (
            "a zero handshake timeout",
            |c| c.session.handshake_timeout = Duration::ZERO,
            "session handshake_timeout",
        ),
        (
            "an empty user agent",
            |c| c.user_agent.clear(),
            "ArpConfig user_agent",
        ),
    ];
    let trusted = TrustedSession::new(threema_arp::saltyrtc::KeyPair::generate(), [7; 32]);
    for (what, change, field) in table {
        let mut config = ArpConfig::new(unreachable());
        change(&mut config);
        let pairing = ArpClient::pair(config.clone());
        let reconnect = ArpClient::reconnect(config, trusted.clone()).await;
        for (how, result) in [
            ("pair", pairing.map(drop)),
            ("reconnect", reconnect.map(drop)),
        ] {
            match result {
                Err(Error::InvalidInput { field: named, .. }) => {
                    assert_eq!(named, field, "{what} ({how})");
                }
                other => panic!("{what} ({how}): expected invalid `{field}`, got {other:?}"),
            }
        }
    }
}

#[test]
fn bad_qr_payloads_are_typed_errors() {
    let key = [1; 32];
    let token = threema_arp::qr::AuthToken::new([2; 32]);
    let no_host = QrPayload::new(key, token.clone(), "", 443);
    match no_host.to_bytes() {
        Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "QR payload host"),
        other => panic!("{other:?}"),
    }
    let good = QrPayload::new(key, token, "saltyrtc-01.threema.ch", 443)
        .to_bytes()
        .unwrap();
    for (what, text) in [
        ("not base64", "not base64!".to_owned()),
        ("too short", base64_of(&good[..50])),
        ("empty", String::new()),
    ] {
        match QrPayload::from_base64(&text) {
            Err(Error::Decode { what: subject, .. }) => assert_eq!(subject, "QR payload", "{what}"),
            other => panic!("{what}: {other:?}"),
        }
    }
}

fn base64_of(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}
