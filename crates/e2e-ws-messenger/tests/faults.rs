//! Fault injection: the fake server drops the socket at random points, sends truncated or
//! malformed frames, answers out of order, stops answering pings, floods notifications. Every
//! request ends (answer or typed error) within its timeout, the client reconnects and
//! re-authenticates, and notifications are delivered or reported as lost.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/fake.rs"]
mod fake;

use e2e_ws_messenger::api::notifications::NotificationTyping;
use e2e_ws_messenger::api::requests::{
    RequestAddMessage, RequestGetConversationsFull, RequestGetServerSettings, RequestGetUserInfo,
    UpdateParam,
};
use e2e_ws_messenger::api::{Notification, Request};
use e2e_ws_messenger::framing::WsFrame;
use e2e_ws_messenger::model::{
    Base64Data, ConversationUuid, EncryptedEnvelope, MessageUuid, SessionKeyUuid, UserId,
};
use e2e_ws_messenger::testkit::{Action, FakeMessengerServer};
use e2e_ws_messenger::transport_core::Error as CoreError;
use e2e_ws_messenger::transport_core::ws::OverflowPolicy;
use e2e_ws_messenger::{Client, Concurrency, Error, Event, framing::TypeAndBody};
use fake::{alice, intercepted, next};
use rand::rngs::StdRng;
use rand::{Rng as _, SeedableRng as _};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(5);

/// The outcome classes a request may end with under faults.
fn acceptable(result: &Result<(), Error>) -> bool {
    match result {
        Ok(()) => true,
        Err(Error::Transport(CoreError::ConnectionLost { .. } | CoreError::Timeout { .. })) => true,
        Err(_) => false,
    }
}

/// One request of a mix; the result without its value.
async fn one_request(client: &Client, me: &UserId, n: usize) -> Result<(), Error> {
    match n % 3 {
        0 => client
            .request(RequestGetUserInfo::new(me.clone()))
            .await
            .map(|_| ()),
        1 => client
            .request(UpdateParam::new(
                "params",
                EncryptedEnvelope::from_wire("dmFsdWU="),
            ))
            .await
            .map(|_| ()),
        _ => client
            .request(RequestGetConversationsFull::new())
            .await
            .map(|_| ()),
    }
}

#[tokio::test(start_paused = true)]
async fn random_drops_every_request_ends_in_time_and_the_client_recovers() {
    let rng = Arc::new(Mutex::new(StdRng::seed_from_u64(0x5eed)));
    let drops = Arc::new(AtomicUsize::new(0));
    let chaos = Arc::new(AtomicBool::new(true));
    let server = {
        let drops = Arc::clone(&drops);
        let chaos = Arc::clone(&chaos);
        intercepted(move |_| {
            if !chaos.load(Ordering::SeqCst) {
                return Action::Handle;
            }
            let roll: f64 = rng.lock().unwrap().r#gen();
            if roll < 0.08 {
                drops.fetch_add(1, Ordering::SeqCst);
                Action::DropConnection
            } else if roll < 0.14 {
                drops.fetch_add(1, Ordering::SeqCst);
                Action::HandleThenDrop
            } else {
                Action::Handle
            }
        })
        .await
    };
    let (client, me) = alice(&server, |b| {
        b.request_timeout(TIMEOUT)
            .ws(|c| c.with_retry_initial_connect(true))
    })
    .await;
    // Three callers, 30 requests each, concurrently.
    let callers = (0..3).map(|caller| {
        let client = client.clone();
        let me = me.clone();
        async move {
            let mut outcomes = Vec::new();
            for n in 0..30 {
                // The request must end by itself within its timeout (plus nothing).
                let result = tokio::time::timeout(TIMEOUT, one_request(&client, &me, caller + n))
                    .await
                    .expect("a request outlived its timeout");
                assert!(acceptable(&result), "unexpected outcome {result:?}");
                outcomes.push(result.is_ok());
            }
            outcomes
        }
    });
    let outcomes: Vec<bool> = futures_util::future::join_all(callers)
        .await
        .into_iter()
        .flatten()
        .collect();
    let succeeded = outcomes.iter().filter(|ok| **ok).count();
    assert_eq!(outcomes.len(), 90);
    assert!(succeeded > 45, "only {succeeded} of 90 succeeded");
    assert!(succeeded < 90, "no request was hit by a drop");
    assert!(drops.load(Ordering::SeqCst) > 3);
    // Once the faults stop, the client works again: ready, authenticated, one session.
    chaos.store(false, Ordering::SeqCst);
    let _ = client.wait_for_state(|s| s.is_ready()).await;
    let info = client
        .request(RequestGetUserInfo::new(me.clone()))
        .await
        .unwrap();
    assert_eq!(info.user.user_id, me);
    assert!(client.is_authenticated());
    assert!(server.connections() > 3);
    assert_eq!(server.sessions_of(&me), 1);
}

#[tokio::test(start_paused = true)]
async fn truncated_and_malformed_frames_are_reported_and_requests_still_end() {
    let server = intercepted(|seen| match seen.request {
        Request::GetUserInfo(_) if seen.nth == 2 => Action::Replace(vec![WsFrame::text(
            r#"{"type":"ResponseUserInfo","body":{"user":{"userId":"/4DZItfW2uZ"#,
        )]),
        Request::GetUserInfo(_) => Action::Before(vec![
            WsFrame::text("RequestPing {} garbage"),
            WsFrame::binary(vec![0xff, 0xfe, 0x00]),
            WsFrame::text(r#"{"type":"NotificationTyping","body":{"conversationUuid":7}}"#),
        ]),
        Request::GetServerSettings(_) => Action::Replace(vec![WsFrame::text(
            r#"{"type":"ResponseServerSettings","body":{"supportId":5}}"#,
        )]),
        _ => Action::Handle,
    })
    .await;
    let (client, me) = alice(&server, |b| b.request_timeout(TIMEOUT)).await;
    let mut events = client.events().unwrap();

    // A truncated reply: the request times out; the frame is reported.
    let err = client
        .request(RequestGetUserInfo::new(me.clone()))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Transport(CoreError::Timeout { .. })),
        "{err:?}"
    );
    let reason = next(&mut events, |e| match e {
        Event::Unknown { reason, .. } => Some(reason),
        _ => None,
    })
    .await;
    assert!(reason.contains("not JSON"), "{reason}");

    // Garbage before a good reply: the request succeeds, each bad frame is reported.
    let info = client
        .request(RequestGetUserInfo::new(me.clone()))
        .await
        .unwrap();
    assert_eq!(info.user.user_id, me);
    let mut reasons = Vec::new();
    for _ in 0..3 {
        reasons.push(
            next(&mut events, |e| match e {
                Event::Unknown { reason, .. } => Some(reason),
                _ => None,
            })
            .await,
        );
    }
    assert!(reasons[0].contains("expected"), "{reasons:?}");
    assert!(reasons[1].contains("not UTF-8"), "{reasons:?}");
    assert!(reasons[2].contains("NotificationTyping"), "{reasons:?}");

    // A reply of the right type whose body does not decode: a typed error naming the field.
    let err = client
        .request(RequestGetServerSettings::new())
        .await
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("cannot decode ResponseServerSettings at `supportId`"),
        "{err}"
    );
    assert!(client.state().is_ready());
}

#[tokio::test(start_paused = true)]
async fn answers_out_of_order_reach_their_callers() {
    let hold = Arc::new(AtomicUsize::new(0));
    let server = {
        let hold = Arc::clone(&hold);
        intercepted(move |seen| match seen.request {
            Request::AddMessage(_) if hold.fetch_add(1, Ordering::SeqCst) < 2 => Action::Hold,
            _ => Action::Handle,
        })
        .await
    };
    let (client, me) = alice(&server, |b| b.concurrency(Concurrency::Pipelined)).await;
    let conversation = ConversationUuid::random();
    let key = SessionKeyUuid::random();
    client
        .request(
            e2e_ws_messenger::api::requests::RequestCreateConversationFull::new(
                conversation.clone(),
                EncryptedEnvelope::from_wire("bmljaw=="),
                key.clone(),
                e2e_ws_messenger::model::SessionKeyValue::new(
                    Base64Data::encode(b"w"),
                    Base64Data::encode(b"s"),
                    e2e_ws_messenger::model::KeyPairUuid::random(),
                    me.clone(),
                    me.clone(),
                ),
            ),
        )
        .await
        .unwrap();
    let send = |uuid: MessageUuid| {
        client.request(RequestAddMessage::new(
            Base64Data::encode(b"x"),
            conversation.clone(),
            Base64Data::encode(&[0u8; 16]),
            uuid,
            key.clone(),
        ))
    };
    let ids: Vec<MessageUuid> = (0..3).map(|_| MessageUuid::random()).collect();
    let (a, b, c) = tokio::join!(
        send(ids[0].clone()),
        send(ids[1].clone()),
        send(ids[2].clone())
    );
    assert_eq!(a.unwrap().message.uuid, ids[0]);
    assert_eq!(b.unwrap().message.uuid, ids[1]);
    assert_eq!(c.unwrap().message.uuid, ids[2]);
    // Stored in the order sent, answered in the order 2, 0, 1.
    let stored: Vec<MessageUuid> = server
        .messages(&conversation)
        .into_iter()
        .map(|m| m.uuid)
        .collect();
    assert_eq!(stored, ids);
}

#[tokio::test(start_paused = true)]
async fn a_server_that_stops_answering_pings_is_left_and_the_client_reconnects() {
    // Connection 0 answers the handshake's ping, then no ping any more.
    let server = intercepted(|seen| match seen.request {
        Request::Ping(_) if seen.connection == 0 && seen.nth > 0 => Action::Ignore,
        _ => Action::Handle,
    })
    .await;
    let (client, me) = alice(&server, |b| {
        b.request_timeout(TIMEOUT)
            .keepalive(Some(Duration::from_secs(30)))
    })
    .await;
    let mut events = client.events().unwrap();
    let error = next(&mut events, |e| match e {
        Event::KeepaliveFailed { error } => Some(error),
        _ => None,
    })
    .await;
    assert!(error.contains("timed out"), "{error}");
    let reason = next(&mut events, |e| match e {
        Event::Disconnected { reason, .. } => Some(reason),
        _ => None,
    })
    .await;
    assert!(reason.starts_with("keepalive failed"), "{reason}");
    next(&mut events, |e| {
        matches!(e, Event::Reconnected).then_some(())
    })
    .await;
    assert!(client.is_authenticated());
    assert_eq!(server.sessions_of(&me), 1);
    client.ping().await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn a_flood_of_notifications_is_delivered_or_counted_as_lost() {
    const FLOOD: usize = 1_000;
    let server = FakeMessengerServer::start(TypeAndBody::default())
        .await
        .unwrap();
    let (client, me) = alice(&server, |b| {
        b.ws(|c| c.with_notification_buffer(64, OverflowPolicy::DropOldest))
    })
    .await;
    let mut events = client.events().unwrap();
    for n in 0..FLOOD {
        let conversation =
            ConversationUuid::new(format!("00000000-0000-4000-8000-{n:012}")).unwrap();
        assert_eq!(
            server.push(&me, NotificationTyping::new(conversation, me.clone())),
            1
        );
    }
    // The reply to a ping comes after every notification pushed before it.
    client.ping().await.unwrap();
    let mut delivered = Vec::new();
    let mut lost = 0u64;
    while delivered.len() as u64 + lost < FLOOD as u64 {
        match next(&mut events, Some).await {
            Event::Notification(Notification::Typing(typing)) => {
                delivered.push(typing.conversation_uuid)
            }
            Event::NotificationsLost { missed } => lost += missed,
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(delivered.len() as u64 + lost, FLOOD as u64);
    assert!(lost > 0, "the buffer of 64 overflowed");
    assert_eq!(delivered.len(), 64);
    assert_eq!(client.ws().notifications_lost(), lost);
    // DropOldest: the newest were kept, in order.
    let last = ConversationUuid::new(format!("00000000-0000-4000-8000-{:012}", FLOOD - 1)).unwrap();
    assert_eq!(delivered.last(), Some(&last));
}

#[tokio::test(start_paused = true)]
async fn notifications_pushed_while_disconnected_are_reported_as_a_gap() {
    let server = FakeMessengerServer::start(TypeAndBody::default())
        .await
        .unwrap();
    let (client, me) = alice(&server, |b| b).await;
    let mut events = client.events().unwrap();
    let typing = || NotificationTyping::new(ConversationUuid::random(), me.clone());
    assert_eq!(server.push(&me, typing()), 1);
    assert_eq!(server.disconnect_all(), 1);
    let mut seen = Vec::new();
    while seen.len() < 3 {
        match next(&mut events, Some).await {
            Event::Notification(Notification::Typing(_)) => seen.push("typing"),
            Event::Disconnected { .. } => {
                // Nobody is connected as Alice now: what the server pushes is lost, and the
                // stream said so.
                seen.push("disconnected");
            }
            Event::Reconnected => seen.push("reconnected"),
            other => panic!("unexpected {other:?}"),
        }
    }
    // `Reconnected` marks the gap exactly: after the old connection's notification. The
    // disconnect is reported as soon as it happens, so possibly before that notification.
    assert_eq!(seen[2], "reconnected", "{seen:?}");
    assert!(seen.contains(&"typing") && seen.contains(&"disconnected"));
    assert_eq!(server.push(&me, typing()), 1);
    let again = next(&mut events, |e| match e {
        Event::Notification(Notification::Typing(t)) => Some(t),
        _ => None,
    })
    .await;
    assert_eq!(again.user_id, me);
}

#[tokio::test(start_paused = true)]
async fn a_drop_fails_the_pending_request_at_once_and_an_unsolicited_reply_is_reported() {
    let server = intercepted(|seen| match seen.request {
        Request::GetUserInfo(_) if seen.connection == 0 => Action::DropConnection,
        _ => Action::Handle,
    })
    .await;
    let (client, me) = alice(&server, |b| b.request_timeout(Duration::from_secs(600))).await;
    let mut events = client.events().unwrap();
    let err = client
        .request(RequestGetUserInfo::new(me.clone()))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Transport(CoreError::ConnectionLost { .. })),
        "{err:?}"
    );
    next(&mut events, |e| {
        matches!(e, Event::Reconnected).then_some(())
    })
    .await;
    let info = client
        .request(RequestGetUserInfo::new(me.clone()))
        .await
        .unwrap();
    assert_eq!(info.user.user_id, me);
    // A reply nobody asked for.
    assert!(server.push_frame(
        1,
        WsFrame::text(
            r#"{"type":"ResponseAddedSessionKey","body":{"sessionKeyUuid":"b8322f5c-92e7-4810-90da-8b167223e496"}}"#
        )
    ));
    let keys = next(&mut events, |e| match e {
        Event::UnsolicitedResponse { keys } => Some(keys),
        _ => None,
    })
    .await;
    assert!(keys.contains("ResponseAddedSessionKey"), "{keys}");
}
