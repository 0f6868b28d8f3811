//! Fault injection: the fake drops the socket at chosen points, truncates answers, sends
//! malformed frames, answers out of order, stops answering pings, and floods notifications.
//!
//! What must hold: every request ends with an answer or a typed error within its timeout; the
//! client reconnects and authenticates again; notifications are delivered or reported as
//! lost, never silently missing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;
use std::time::Duration;
use support::{next_delivery, setup};
use trueconf_chatbot::transport_core;
use trueconf_chatbot::transport_core::ws::{ConnectionEvent, ConnectionState, OverflowPolicy};
use trueconf_chatbot::{Error, Update};

/// Sends `count` messages concurrently; returns (answered, failed because the connection was
/// lost). Any other outcome fails the test.
async fn burst(
    client: &trueconf_chatbot::Client,
    chat: &trueconf_chatbot::model::ChatId,
    tag: &str,
    count: usize,
) -> (usize, usize) {
    let calls: FuturesUnordered<_> = (0..count)
        .map(|n| {
            let client = client.clone();
            let chat = chat.clone();
            let text = format!("{tag}-{n}");
            async move { client.send_text(chat, text).await }
        })
        .collect();
    let results: Vec<_> = calls.collect().await;
    let mut answered = 0;
    let mut lost = 0;
    for result in results {
        match result {
            Ok(_) => answered += 1,
            Err(Error::Transport(transport_core::Error::ConnectionLost { .. })) => lost += 1,
            Err(other) => panic!("unexpected outcome: {other:?}"),
        }
    }
    (answered, lost)
}

#[tokio::test(start_paused = true)]
async fn dropping_the_socket_mid_traffic_fails_pending_requests_then_resumes() {
    let s = setup().await;
    let mut updates = s.client.updates().unwrap();
    s.server.drop_at_request(50);
    let (answered, lost) = burst(&s.client, &s.chat, "burst", 200).await;
    assert!(lost > 0, "some requests were on the dropped connection");
    assert_eq!(answered + lost, 200);
    // The client came back and authenticated again by itself.
    s.server.wait_for_authentications(2).await;
    s.client.wait_for_state(ConnectionState::is_ready).await;
    assert_eq!(s.client.authentications(), 2);
    assert_eq!(s.client.pending_requests(), 0);
    // At most once: every answered request is stored; a lost one may or may not be.
    let stored = s.server.messages(&s.chat).len();
    assert!(
        (answered..=answered + lost).contains(&stored),
        "{answered} {lost} {stored}"
    );
    // Notifications resume on the new connection.
    s.alice.send_text(&s.chat, "still there?").unwrap();
    let delivery = next_delivery(&mut updates).await;
    assert_eq!(delivery.message().unwrap().text(), Some("still there?"));
    s.client.shutdown().await;
}

#[tokio::test(start_paused = true)]
async fn drops_at_many_points_always_recover() {
    let s = setup().await;
    // Points spread over the first requests of a connection (a fixed "random" sequence, so
    // failures reproduce).
    let points = [1u32, 2, 3, 5, 8, 13, 21, 34, 55, 89];
    for (round, point) in points.into_iter().enumerate() {
        s.server.drop_at_request(point);
        let (answered, lost) = burst(&s.client, &s.chat, &format!("r{round}"), 100).await;
        assert_eq!(answered + lost, 100);
        assert!(
            lost > 0,
            "round {round}: the drop at request {point} lost nothing"
        );
        let expected = u64::try_from(round).unwrap() + 2;
        s.server.wait_for_authentications(expected).await;
        s.client.wait_for_state(ConnectionState::is_ready).await;
        assert_eq!(s.client.authentications(), expected);
    }
    // Healthy again: a plain request works.
    s.client.send_text(s.chat.clone(), "done").await.unwrap();
    s.client.shutdown().await;
}

#[tokio::test(start_paused = true)]
async fn truncated_answers_and_garbage_frames_are_reported_and_requests_end_in_time() {
    let s = setup().await;
    let mut updates = s.client.updates().unwrap();
    let mut events = s.client.events();
    s.server.truncate_answers(1);
    let err = s
        .client
        .send_text(s.chat.clone(), "half an answer")
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Transport(transport_core::Error::Timeout { after, .. }) if after == Duration::from_secs(10)),
        "{err:?}"
    );
    match updates.recv().await {
        Some(Update::Unreadable { reason, len }) => {
            assert!(reason.contains("inbound frame"), "{reason}");
            assert!(len > 0);
        }
        other => panic!("expected an unreadable frame, got {other:?}"),
    }
    for garbage in ["not json", r#"{"type":2}"#, r#"[1,2,3]"#] {
        s.server.inject("bot", garbage);
        match updates.recv().await {
            Some(Update::Unreadable { len, .. }) => assert_eq!(len, garbage.len()),
            other => panic!("expected an unreadable frame, got {other:?}"),
        }
    }
    // A frame of an unknown type is reported as an event.
    s.server.inject("bot", r#"{"type":7,"id":1}"#);
    loop {
        if let Some(ConnectionEvent::UnknownFrame { reason, .. }) = events.recv().await {
            assert!(reason.contains("type 7"), "{reason}");
            break;
        }
    }
    // The connection survived all of it.
    assert_eq!(s.client.authentications(), 1);
    let sent = s.client.send_text(s.chat.clone(), "whole").await.unwrap();
    assert_eq!(
        s.server.messages(&s.chat).last().unwrap().message_id,
        sent.message_id
    );
    s.client.shutdown().await;
}

#[tokio::test]
async fn answers_out_of_order_reach_their_own_requests() {
    let s = setup().await;
    for n in 0..50 {
        s.server
            .add_user(&format!("user{n}"), &format!("User number {n}"));
    }
    s.server.set_out_of_order(true);
    let calls: FuturesUnordered<_> = (0..50)
        .map(|n| {
            let client = s.client.clone();
            async move {
                let name = client.display_name(format!("user{n}")).await.unwrap();
                (n, name.display_name)
            }
        })
        .collect();
    let answers: Vec<(usize, String)> = calls.collect().await;
    assert_eq!(answers.len(), 50);
    for (n, name) in answers {
        assert_eq!(name, format!("User number {n}"));
    }
    // Sent messages too: each answer names the message of its own request.
    let (answered, lost) = burst(&s.client, &s.chat, "ooo", 50).await;
    assert_eq!((answered, lost), (50, 0));
    s.client.shutdown().await;
}

#[tokio::test(start_paused = true)]
async fn a_server_that_stops_answering_pings_is_left_and_rejoined() {
    let s = setup().await;
    let client = s
        .server
        .bot_client()
        .keepalive(Some(Duration::from_secs(5)), Some(Duration::from_secs(15)))
        .app_keepalive(None)
        .connect()
        .await
        .unwrap();
    s.server.set_silent(true);
    let err = client
        .call_with_timeout(
            trueconf_chatbot::api::messages::SendMessage::new(
                s.chat.clone(),
                trueconf_chatbot::model::TextContent::plain("hello?"),
            ),
            Duration::from_secs(60),
        )
        .await
        .unwrap_err();
    // Failed when the idle timeout gave up on the connection, not at its own 60 s limit.
    match err {
        Error::Transport(transport_core::Error::ConnectionLost { reason }) => {
            assert!(reason.contains("nothing received"), "{reason}");
        }
        other => panic!("expected ConnectionLost, got {other:?}"),
    }
    client.wait_for_state(|state| !state.is_ready()).await;
    s.server.set_silent(false);
    client.wait_for_state(ConnectionState::is_ready).await;
    // setup's client, this one before and after the outage.
    s.server.wait_for_authentications(3).await;
    assert_eq!(client.authentications(), 2);
    client.send_text(s.chat.clone(), "back").await.unwrap();
    client.shutdown().await;
    s.client.shutdown().await;
}

#[tokio::test]
async fn a_notification_flood_is_delivered_or_reported_lost() {
    let s = setup().await;
    let client = s
        .server
        .bot_client()
        .notification_buffer(16, OverflowPolicy::DropOldest)
        .connect()
        .await
        .unwrap();
    let mut updates = client.updates().unwrap();
    const FLOOD: u64 = 500;
    for n in 0..FLOOD {
        s.alice.send_text(&s.chat, &format!("flood {n}")).unwrap();
    }
    // Both bot connections acknowledge every one on arrival.
    s.server.wait_for_acks(2 * FLOOD).await;
    let mut delivered = Vec::new();
    let mut lost = 0;
    while (delivered.len() as u64) + lost < FLOOD {
        match updates.recv().await {
            Some(Update::Notification(d)) => {
                delivered.push(d.message().unwrap().text().unwrap().to_owned());
            }
            Some(Update::Lost { missed }) => lost += missed,
            other => panic!("unexpected {other:?}"),
        }
    }
    assert!(lost > 0, "a 16-slot buffer cannot hold {FLOOD}");
    assert_eq!(delivered.len() as u64 + lost, FLOOD);
    assert_eq!(client.notifications_lost(), lost);
    // Drop-oldest keeps the newest, in order.
    assert_eq!(delivered.last().unwrap(), &format!("flood {}", FLOOD - 1));
    let numbers: Vec<u64> = delivered
        .iter()
        .map(|t| t.trim_start_matches("flood ").parse().unwrap())
        .collect();
    assert!(numbers.windows(2).all(|w| w[0] < w[1]), "{numbers:?}");
    client.shutdown().await;
    s.client.shutdown().await;
}
