//! Shared setup of the integration tests: a fake server, the bot's client, a user.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use trueconf_chatbot::model::ChatId;
use trueconf_chatbot::testkit::{FakeTrueConfServer, FakeUser};
use trueconf_chatbot::{Client, Error, Update, Updates};

/// A fake with the bot connected and a user `alice` who has a personal chat with the bot.
pub(crate) struct Setup {
    pub(crate) server: FakeTrueConfServer,
    pub(crate) client: Client,
    pub(crate) alice: FakeUser,
    pub(crate) chat: ChatId,
}

pub(crate) async fn setup() -> Setup {
    let server = FakeTrueConfServer::start().await.unwrap();
    let alice = server.add_user("alice", "Alice");
    let client = server.bot_client().connect().await.unwrap();
    let chat = client
        .create_p2p_chat(server.user_id("alice"))
        .await
        .unwrap()
        .chat_id;
    Setup {
        server,
        client,
        alice,
        chat,
    }
}

/// The error code of an API error, or a panic naming what came instead.
pub(crate) fn code<T: std::fmt::Debug>(result: Result<T, Error>) -> u32 {
    match result {
        Err(Error::Api { code, .. }) => code.code(),
        other => panic!("expected an API error, got {other:?}"),
    }
}

/// The next notification (skipping nothing; panics on anything else).
pub(crate) async fn next_delivery(updates: &mut Updates) -> Box<trueconf_chatbot::Delivery> {
    match updates.recv().await {
        Some(Update::Notification(delivery)) => delivery,
        other => panic!("expected a notification, got {other:?}"),
    }
}
