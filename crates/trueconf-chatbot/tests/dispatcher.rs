//! The bot dispatcher: routing, filters, per-chat order with cross-chat concurrency, handlers
//! off the reader, acknowledgement after the handler, skipped own messages, failures.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{Notify, mpsc, oneshot};
use trueconf_chatbot::api::notifications::Notification;
use trueconf_chatbot::bot::{DispatchError, Dispatcher, Filter, Kind};
use trueconf_chatbot::model::{
    Author, AuthorType, ChatId, Envelope, EnvelopeContent, MessageId, TextContent, Timestamp,
};
use trueconf_chatbot::testkit::FakeTrueConfServer;
use trueconf_chatbot::{AckMode, Error};

#[tokio::test]
async fn commands_and_echo_with_own_messages_skipped() {
    let server = FakeTrueConfServer::start().await.unwrap();
    let alice = server.add_user("alice", "Alice");
    let client = server.bot_client().connect().await.unwrap();
    let created = Arc::new(Mutex::new(Vec::new()));
    let seen_created = Arc::clone(&created);
    let dispatcher = Dispatcher::builder(client.clone())
        .on_message(Filter::command("start"), |cx| async move {
            let command = cx.command.clone().unwrap();
            cx.reply(format!("started with [{}]", command.args)).await?;
            Ok(())
        })
        .on_message(Filter::any(), |cx| async move {
            cx.send(format!("echo: {}", cx.text().unwrap_or_default()))
                .await?;
            Ok(())
        })
        .on(Kind::P2pChatCreated, move |cx| {
            let created = Arc::clone(&seen_created);
            async move {
                created.lock().unwrap().push(cx.chat_id().unwrap().clone());
                Ok(())
            }
        })
        .build();
    let running = tokio::spawn(dispatcher.run());

    let chat = alice.create_p2p_chat_with_bot().unwrap();
    alice.send_text(&chat, "/start now").unwrap();
    alice.send_text(&chat, "hello").unwrap();
    // The bot's own message (another session of it) must not be echoed.
    let own = Envelope::new(
        MessageId::new("own-1"),
        Timestamp::from_millis(1),
        Author::new("bot@video.example.com/other-session", AuthorType::User),
        EnvelopeContent::Text(TextContent::plain("from myself")),
    )
    .with_chat_id(chat.clone());
    server.notify("bot", &Notification::Message(Box::new(own)));
    alice.send_text(&chat, "last").unwrap();

    let first = server.next_message_from_bot(&chat).await;
    assert_eq!(first.text(), Some("started with [now]"));
    assert!(first.reply_message_id.is_some());
    assert_eq!(
        server.next_message_from_bot(&chat).await.text(),
        Some("echo: hello")
    );
    assert_eq!(
        server.next_message_from_bot(&chat).await.text(),
        Some("echo: last")
    );
    client.shutdown().await;
    let summary = running.await.unwrap().unwrap();
    assert_eq!(summary.handled, 4, "{summary:?}");
    assert_eq!(summary.skipped_own, 1);
    assert_eq!(summary.failed, 0);
    assert_eq!(created.lock().unwrap().as_slice(), [chat]);
    assert_eq!(
        server
            .messages(&created.lock().unwrap()[0])
            .iter()
            .filter(|m| m.text() == Some("echo: from myself"))
            .count(),
        0
    );
}

#[tokio::test(start_paused = true)]
async fn order_within_a_chat_and_concurrency_across_chats() {
    let server = FakeTrueConfServer::start().await.unwrap();
    let alice = server.add_user("alice", "Alice");
    let bob = server.add_user("bob", "Bob");
    let client = server.bot_client().connect().await.unwrap();
    let log: Arc<Mutex<BTreeMap<String, Vec<String>>>> = Arc::default();
    // Alice's first message holds its chat until Bob's chat has been handled: only possible
    // when different chats run concurrently.
    let bob_done = Arc::new(Notify::new());
    let handler_log = Arc::clone(&log);
    let gate = Arc::clone(&bob_done);
    let dispatcher = Dispatcher::builder(client.clone())
        .on_message(Filter::any(), move |cx| {
            let log = Arc::clone(&handler_log);
            let gate = Arc::clone(&gate);
            async move {
                let author = cx.author().id.clone();
                let text = cx.text().unwrap().to_owned();
                if text == "a0" {
                    gate.notified().await;
                }
                // Yield a few times so that interleaving would show.
                for _ in 0..3 {
                    tokio::task::yield_now().await;
                }
                if text == "b-last" {
                    gate.notify_one();
                }
                log.lock().unwrap().entry(author).or_default().push(text);
                Ok(())
            }
        })
        .build();
    let running = tokio::spawn(dispatcher.run());
    let chat_a = alice.create_p2p_chat_with_bot().unwrap();
    let chat_b = bob.create_p2p_chat_with_bot().unwrap();
    for n in 0..20 {
        alice.send_text(&chat_a, &format!("a{n}")).unwrap();
    }
    for n in 0..5 {
        bob.send_text(&chat_b, &format!("b{n}")).unwrap();
    }
    bob.send_text(&chat_b, "b-last").unwrap();
    // A deadlock (chats handled one after the other) would never finish: fail instead.
    tokio::time::timeout(Duration::from_secs(3600), async {
        loop {
            if log
                .lock()
                .unwrap()
                .get("alice@video.example.com")
                .map_or(0, Vec::len)
                == 20
            {
                break;
            }
            tokio::task::yield_now().await;
        }
    })
    .await
    .expect("chat A was blocked behind chat B or the other way round");
    let log = log.lock().unwrap().clone();
    let expected_a: Vec<String> = (0..20).map(|n| format!("a{n}")).collect();
    assert_eq!(log["alice@video.example.com"], expected_a);
    let mut expected_b: Vec<String> = (0..5).map(|n| format!("b{n}")).collect();
    expected_b.push("b-last".into());
    assert_eq!(log["bob@video.example.com"], expected_b);
    client.shutdown().await;
    let summary = running.await.unwrap().unwrap();
    assert_eq!(summary.handled, 26);
}

#[tokio::test]
async fn a_blocked_handler_does_not_block_the_client() {
    let server = FakeTrueConfServer::start().await.unwrap();
    let alice = server.add_user("alice", "Alice");
    let client = server.bot_client().connect().await.unwrap();
    let (entered_tx, mut entered_rx) = mpsc::unbounded_channel();
    let release = Arc::new(Notify::new());
    let gate = Arc::clone(&release);
    let dispatcher = Dispatcher::builder(client.clone())
        .on_message(Filter::any(), move |_cx| {
            let entered = entered_tx.clone();
            let gate = Arc::clone(&gate);
            async move {
                entered.send(()).unwrap();
                gate.notified().await;
                Ok(())
            }
        })
        .build();
    let running = tokio::spawn(dispatcher.run());
    let chat = alice.create_p2p_chat_with_bot().unwrap();
    alice.send_text(&chat, "block").unwrap();
    entered_rx.recv().await.unwrap();
    // The handler is stuck; requests and notifications still flow.
    let sent = client
        .send_text(chat.clone(), "I am still here")
        .await
        .unwrap();
    assert_eq!(
        server.messages(&chat).last().unwrap().message_id,
        sent.message_id
    );
    alice.send_text(&chat, "queued").unwrap();
    server.wait_for_acks(3).await;
    release.notify_one();
    entered_rx.recv().await.unwrap();
    release.notify_one();
    client.shutdown().await;
    assert_eq!(running.await.unwrap().unwrap().handled, 2);
}

#[tokio::test]
async fn after_handler_acks_wait_for_the_handler() {
    let server = FakeTrueConfServer::start().await.unwrap();
    let alice = server.add_user("alice", "Alice");
    let client = server
        .bot_client()
        .ack_mode(AckMode::AfterHandler)
        .connect()
        .await
        .unwrap();
    let (entered_tx, mut entered_rx) = mpsc::unbounded_channel();
    let (release_tx, release_rx) = oneshot::channel::<()>();
    let release_rx = Arc::new(Mutex::new(Some(release_rx)));
    let dispatcher = Dispatcher::builder(client.clone())
        .on_message(Filter::any(), move |_cx| {
            let entered = entered_tx.clone();
            let release = release_rx.lock().unwrap().take();
            async move {
                entered.send(()).unwrap();
                if let Some(release) = release {
                    release.await.unwrap();
                }
                Ok(())
            }
        })
        .build();
    let running = tokio::spawn(dispatcher.run());
    let chat = alice.create_p2p_chat_with_bot().unwrap();
    // The chat creation is unmatched (no route) and acknowledged anyway.
    server.wait_for_acks(1).await;
    alice.send_text(&chat, "slow").unwrap();
    entered_rx.recv().await.unwrap();
    assert_eq!(
        server.unacked("bot"),
        1,
        "not acknowledged while the handler runs"
    );
    release_tx.send(()).unwrap();
    server.wait_for_acks(2).await;
    assert_eq!(server.unacked("bot"), 0);
    client.shutdown().await;
    let summary = running.await.unwrap().unwrap();
    assert_eq!((summary.handled, summary.unmatched), (1, 1));
}

#[tokio::test]
async fn failures_are_reported_and_the_chat_goes_on() {
    let server = FakeTrueConfServer::start().await.unwrap();
    let alice = server.add_user("alice", "Alice");
    let client = server.bot_client().connect().await.unwrap();
    let errors = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&errors);
    let dispatcher = Dispatcher::builder(client.clone())
        .on_message(Filter::command("fail"), |cx| async move {
            // A server error: the chat does not exist.
            cx.client.send_text(ChatId::new("nope"), "x").await?;
            Ok(())
        })
        .on_message(Filter::command("panic"), |_cx| async move {
            panic!("handler bug");
        })
        .on_message(Filter::any(), |cx| async move {
            cx.reply("fine").await?;
            Ok(())
        })
        .on_error(move |e| sink.lock().unwrap().push(e))
        .build();
    let running = tokio::spawn(dispatcher.run());
    let chat = alice.create_p2p_chat_with_bot().unwrap();
    alice.send_text(&chat, "/fail").unwrap();
    alice.send_text(&chat, "/panic").unwrap();
    alice.send_text(&chat, "after").unwrap();
    assert_eq!(
        server.next_message_from_bot(&chat).await.text(),
        Some("fine")
    );
    client.shutdown().await;
    let summary = running.await.unwrap().unwrap();
    assert_eq!((summary.failed, summary.handled), (2, 3));
    let errors = errors.lock().unwrap();
    match &errors[0] {
        DispatchError::Handler {
            method,
            chat: c,
            error,
        } => {
            assert_eq!(method, "sendMessage");
            assert_eq!(c.as_deref(), Some(chat.as_str()));
            assert!(matches!(error, Error::Api { .. }), "{error:?}");
        }
        other => panic!("expected a handler error, got {other:?}"),
    }
    assert!(
        matches!(&errors[1], DispatchError::Panicked { method, .. } if method == "sendMessage")
    );
    assert!(errors[1].to_string().contains("panicked"));
}

#[tokio::test]
async fn filters_by_chat_and_author() {
    let server = FakeTrueConfServer::start().await.unwrap();
    let alice = server.add_user("alice", "Alice");
    let bob = server.add_user("bob", "Bob");
    let client = server.bot_client().connect().await.unwrap();
    let chat_a = alice.create_p2p_chat_with_bot().unwrap();
    let chat_b = bob.create_p2p_chat_with_bot().unwrap();
    let dispatcher = Dispatcher::builder(client.clone())
        .on_message(Filter::any().chat(chat_a.clone()), |cx| async move {
            cx.reply("chat A route").await?;
            Ok(())
        })
        .on_message(
            Filter::any().author("BOB@video.example.com"),
            |cx| async move {
                cx.reply("bob route").await?;
                Ok(())
            },
        )
        .build();
    let running = tokio::spawn(dispatcher.run());
    alice.send_text(&chat_a, "hi").unwrap();
    bob.send_text(&chat_b, "hi").unwrap();
    assert_eq!(
        server.next_message_from_bot(&chat_a).await.text(),
        Some("chat A route")
    );
    assert_eq!(
        server.next_message_from_bot(&chat_b).await.text(),
        Some("bob route")
    );
    client.shutdown().await;
    let summary = running.await.unwrap().unwrap();
    // The two chat creations matched no route.
    assert_eq!((summary.handled, summary.unmatched), (2, 2));
}
