//! Correlation without request ids, end to end through the engine and the fake server: shared
//! response types reach the right callers, late replies never reach the next caller, a queue
//! whose replies cannot be told apart is resynchronised by reconnecting.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/fake.rs"]
mod fake;

use e2e_ws_messenger::api::Request;
use e2e_ws_messenger::api::requests::{
    RequestAddMessage, RequestCreateConversationFull, RequestGetConversationsFull,
    RequestGetMessages, RequestGetMessagesByUuids, RequestGetMessagesFromUuid, RequestGetUserInfo,
    UpdateParam,
};
use e2e_ws_messenger::framing::TypeAndBody;
use e2e_ws_messenger::model::{
    Base64Data, ConversationUuid, EncryptedEnvelope, KeyPairUuid, MessageUuid, SessionKeyUuid,
    SessionKeyValue, UserId,
};
use e2e_ws_messenger::testkit::{Action, Direction, FakeMessengerServer};
use e2e_ws_messenger::transport_core::Error as CoreError;
use e2e_ws_messenger::{Client, Concurrency, Error, Event};
use fake::{alice, builder, intercepted, next};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// A predicate true for the first `n` times it is asked (counts only the calls made).
fn first(n: usize) -> impl Fn() -> bool + Send + Sync + 'static {
    let seen = Arc::new(AtomicUsize::new(0));
    move || seen.fetch_add(1, Ordering::SeqCst) < n
}

/// A predicate true only the `n`-th time it is asked (from 1).
fn only(n: usize) -> impl Fn() -> bool + Send + Sync + 'static {
    let seen = Arc::new(AtomicUsize::new(0));
    move || seen.fetch_add(1, Ordering::SeqCst) + 1 == n
}

/// A conversation of `me` with one message (ciphertexts are placeholders: the server does not
/// look at them).
async fn conversation_with_message(
    client: &Client,
    me: &UserId,
) -> (ConversationUuid, MessageUuid) {
    let conversation = ConversationUuid::random();
    let key = SessionKeyUuid::random();
    let copy = SessionKeyValue::new(
        Base64Data::encode(b"wrapped"),
        Base64Data::encode(b"signature"),
        KeyPairUuid::random(),
        me.clone(),
        me.clone(),
    );
    client
        .request(RequestCreateConversationFull::new(
            conversation.clone(),
            EncryptedEnvelope::from_wire("bmljaw=="),
            key.clone(),
            copy,
        ))
        .await
        .unwrap();
    let message = add_message(client, &conversation, &key).await.unwrap();
    (conversation, message)
}

async fn add_message(
    client: &Client,
    conversation: &ConversationUuid,
    key: &SessionKeyUuid,
) -> Result<MessageUuid, Error> {
    let message = MessageUuid::random();
    let added = client
        .request(RequestAddMessage::new(
            Base64Data::encode(b"ciphertext"),
            conversation.clone(),
            Base64Data::encode(&[7u8; 16]),
            message.clone(),
            key.clone(),
        ))
        .await?;
    assert_eq!(added.message.uuid, message);
    Ok(message)
}

#[tokio::test(start_paused = true)]
async fn three_requests_sharing_response_get_messages_get_their_own_replies_out_of_order() {
    // The server holds the answers to RequestGetMessages and RequestGetMessagesByUuids back
    // until it answered RequestGetMessagesFromUuid: the replies arrive C, A, B.
    let server = intercepted(|seen| match seen.request {
        Request::GetMessages(_) | Request::GetMessagesByUuids(_) => Action::Hold,
        _ => Action::Handle,
    })
    .await;
    let (client, me) = alice(&server, |b| b.concurrency(Concurrency::Pipelined)).await;
    let (x, x_message) = conversation_with_message(&client, &me).await;
    let (y, y_message) = conversation_with_message(&client, &me).await;
    let (z, z_message) = conversation_with_message(&client, &me).await;

    let (a, b, c) = tokio::join!(
        client.request(RequestGetMessages::new(
            x.clone(),
            MessageUuid::random(),
            10
        )),
        client.request(RequestGetMessagesByUuids::new(
            y.clone(),
            vec![y_message.clone()]
        )),
        client.request(RequestGetMessagesFromUuid::new(
            z.clone(),
            10,
            MessageUuid::random()
        )),
    );
    let uuids = |reply: Result<e2e_ws_messenger::api::responses::ResponseGetMessages, Error>| {
        reply
            .unwrap()
            .messages
            .into_iter()
            .map(|m| (m.conversation_uuid, m.uuid))
            .collect::<Vec<_>>()
    };
    assert_eq!(uuids(a), [(x.clone(), x_message)]);
    assert_eq!(uuids(b), [(y.clone(), y_message)]);
    assert_eq!(uuids(c), [(z.clone(), z_message)]);
    // The replies really did arrive in the order C, A, B.
    let replies: Vec<String> = server
        .frames()
        .iter()
        .filter(|f| f.direction == Direction::ToClient)
        .filter_map(|f| f.frame.as_text().map(str::to_owned))
        .filter(|t| t.contains("ResponseGetMessages"))
        .collect();
    assert_eq!(replies.len(), 3);
    assert!(replies[0].contains(z.as_str()), "{}", replies[0]);
    assert!(replies[1].contains(x.as_str()));
    assert!(replies[2].contains(y.as_str()));
    assert_eq!(client.ws().pending_len(), 0);
}

#[tokio::test(start_paused = true)]
async fn a_late_reply_without_echo_fields_does_not_reach_the_next_caller() {
    // The first RequestGetConversationsFull is answered only when the next one comes, after
    // the client gave up; its answer (no conversation yet) precedes the right one.
    let delay = only(1);
    let server = intercepted(move |seen| match seen.request {
        Request::GetConversationsFull(_) if delay() => Action::Delay,
        _ => Action::Handle,
    })
    .await;
    let (client, me) = alice(&server, |b| b).await;
    let mut events = client.events().unwrap();

    let err = client
        .request_with_timeout(RequestGetConversationsFull::new(), Duration::from_secs(2))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Transport(CoreError::Timeout { .. })),
        "{err:?}"
    );
    let (conversation, _) = conversation_with_message(&client, &me).await;
    let all = client
        .request(RequestGetConversationsFull::new())
        .await
        .unwrap();
    assert_eq!(all.conversations.len(), 1, "got the late reply instead");
    assert_eq!(all.conversations[0].uuid, conversation);
    let late = next(&mut events, |e| match e {
        Event::LateResponse { key } => Some(key),
        _ => None,
    })
    .await;
    assert!(late.contains("ResponseGetConversationsFull"), "{late}");
    // One timeout is not enough to resynchronise.
    assert_eq!(client.resyncs(), 0);
}

#[tokio::test(start_paused = true)]
async fn a_late_reply_with_an_echo_is_told_apart_from_the_next_one() {
    // The second message (the first belongs to the conversation's setup).
    let delay = only(2);
    let server = intercepted(move |seen| match seen.request {
        Request::AddMessage(_) if delay() => Action::Delay,
        _ => Action::Handle,
    })
    .await;
    let (client, me) = alice(&server, |b| b).await;
    let (conversation, _) = conversation_with_message(&client, &me).await;
    let key = server.messages(&conversation)[0].session_key_uuid.clone();
    let err = client
        .request_with_timeout(
            RequestAddMessage::new(
                Base64Data::encode(b"late"),
                conversation.clone(),
                Base64Data::encode(&[1u8; 16]),
                MessageUuid::random(),
                key.clone(),
            ),
            Duration::from_secs(2),
        )
        .await
        .unwrap_err();
    assert!(err.to_string().contains("timed out"), "{err}");
    // The next message's reply echoes its own uuid; the late one is dropped.
    let next_message = add_message(&client, &conversation, &key).await.unwrap();
    assert_eq!(server.messages(&conversation).len(), 3);
    assert_eq!(server.messages(&conversation)[2].uuid, next_message);
}

#[tokio::test(start_paused = true)]
async fn a_second_timeout_on_a_queue_without_echo_reconnects_and_reauthenticates() {
    // Connection 0 never answers UpdateParam; connection 1 does.
    let server = intercepted(|seen| match seen.request {
        Request::UpdateParam(_) if seen.connection == 0 => Action::Ignore,
        _ => Action::Handle,
    })
    .await;
    let (client, me) = alice(&server, |b| b).await;
    let mut events = client.events().unwrap();
    let param = || UpdateParam::new("params", EncryptedEnvelope::from_wire("dmFsdWU="));
    for _ in 0..2 {
        let err = client
            .request_with_timeout(param(), Duration::from_secs(2))
            .await
            .unwrap_err();
        assert!(err.to_string().contains("timed out"), "{err}");
    }
    assert_eq!(client.resyncs(), 1);
    let reason = next(&mut events, |e| match e {
        Event::Disconnected { reason, .. } => Some(reason),
        _ => None,
    })
    .await;
    assert_eq!(reason, "reconnect requested");
    next(&mut events, |e| {
        matches!(e, Event::Reconnected).then_some(())
    })
    .await;
    client.request(param()).await.unwrap();
    assert!(client.is_authenticated());
    assert_eq!(client.ws().protocol().handshakes(), 2);
    assert_eq!(server.connections(), 2);
    assert_eq!(server.sessions_of(&me), 1);
}

#[tokio::test(start_paused = true)]
async fn timeouts_on_a_queue_whose_replies_echo_do_not_reconnect() {
    let ignore = first(2);
    let server = intercepted(move |seen| match seen.request {
        Request::GetUserInfo(_) if ignore() => Action::Ignore,
        _ => Action::Handle,
    })
    .await;
    let (client, me) = alice(&server, |b| b).await;
    for _ in 0..2 {
        client
            .request_with_timeout(RequestGetUserInfo::new(me.clone()), Duration::from_secs(2))
            .await
            .unwrap_err();
    }
    let info = client
        .request(RequestGetUserInfo::new(me.clone()))
        .await
        .unwrap();
    assert_eq!(info.user.user_id, me);
    assert_eq!(client.resyncs(), 0);
    assert_eq!(server.connections(), 1);
}

#[tokio::test(start_paused = true)]
async fn an_error_status_instead_of_a_typed_reply_reaches_its_caller() {
    let server = FakeMessengerServer::start(TypeAndBody::default())
        .await
        .unwrap();
    let (client, _) = alice(&server, |b| b).await;
    let stranger = UserId::from_e164("+4930123456").unwrap();
    let err = client
        .request(RequestGetUserInfo::new(stranger))
        .await
        .unwrap_err();
    match err {
        Error::Server {
            request_type,
            status,
            ..
        } => {
            assert_eq!(request_type, "RequestGetUserInfo");
            assert_eq!(status.as_str(), "not_found");
        }
        other => panic!("unexpected {other:?}"),
    }
    // Unauthenticated requests are refused the same way.
    let anonymous = builder(&server).connect().await.unwrap();
    let err = anonymous
        .request(RequestGetConversationsFull::new())
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Server { ref status, .. } if status.as_str() == "unauthorized"),
        "{err:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn serial_per_queue_sends_the_next_request_of_a_queue_only_after_the_reply() {
    let server = FakeMessengerServer::start(TypeAndBody::default())
        .await
        .unwrap();
    let (client, me) = alice(&server, |b| b).await;
    let before = server.frames().len();
    let (a, b, c) = tokio::join!(
        client.request(RequestGetUserInfo::new(me.clone())),
        client.request(RequestGetUserInfo::new(me.clone())),
        client.request(RequestGetUserInfo::new(me.clone())),
    );
    assert!(a.is_ok() && b.is_ok() && c.is_ok());
    let directions: Vec<Direction> = server.frames()[before..]
        .iter()
        .map(|f| f.direction)
        .collect();
    assert_eq!(
        directions,
        [
            Direction::FromClient,
            Direction::ToClient,
            Direction::FromClient,
            Direction::ToClient,
            Direction::FromClient,
            Direction::ToClient
        ]
    );
}
