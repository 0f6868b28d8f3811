//! Fault injection at the ARP level (issue 12): the fake app sends malformed, truncated and
//! unknown frames, answers out of order or not at all, stops answering keep-alive probes,
//! and floods updates. Every call must end (answer or typed error) within its timeout, the
//! session must detect a dead peer and resume without loss or duplication, and every update
//! must be delivered or reported as lost.
//!
//! Everything runs in one current-thread runtime with paused time (client, fake app and the
//! in-process relay on loopback sockets), so the 30 s keep-alive and the call timeouts pass
//! instantly and deterministically.

#![cfg(feature = "testkit")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{
    Traffic, app_config, assert_every_reconnect_resumed, client_config, next_event, next_update,
    pair_with, run_traffic_with_faults_at, wait_until_down, within,
};
use std::time::Duration;
use threema_arp::api::{AlertSource, AlertType, UpdateAlert};
use threema_arp::connection::{AckError, NewSessionReason};
use threema_arp::model::ReceiverRef;
use threema_arp::session::{SessionEvent, Update};
use threema_arp::testkit::{FakeApp, Fault, LocalRelay};
use threema_arp::{ArpClient, ArpMessage, Error, Frame, Updates};
use transport_core::ws::NotificationItem;

const REQUEST_TIMEOUT: Duration = Duration::from_secs(5);

async fn setup() -> (LocalRelay, ArpClient, FakeApp, Updates) {
    let relay = LocalRelay::start().await.unwrap();
    let mut config = client_config(relay.server_config());
    config.request_timeout = REQUEST_TIMEOUT;
    let (client, app) = pair_with(config, app_config(relay.server_config())).await;
    let mut updates = client.updates().unwrap();
    // The pairing's events, up to the first session.
    next_event(&mut updates, |event| match event {
        SessionEvent::NewSession { reason, .. } => Some(*reason),
        _ => None,
    })
    .await;
    (relay, client, app, updates)
}

/// A msgpack map with string keys.
fn map(entries: Vec<(&str, rmpv::Value)>) -> Vec<u8> {
    let value = rmpv::Value::Map(
        entries
            .into_iter()
            .map(|(key, value)| (key.into(), value))
            .collect(),
    );
    let mut bytes = Vec::new();
    rmpv::encode::write_value(&mut bytes, &value).unwrap();
    bytes
}

fn is_timeout(error: &Error) -> bool {
    matches!(
        error,
        Error::Transport(transport_core::Error::Timeout { after, .. }) if *after == REQUEST_TIMEOUT
    )
}

fn alert(i: usize) -> Frame {
    Frame::new(UpdateAlert::new(
        AlertSource::Device,
        AlertType::Info,
        i.to_string(),
    ))
}

fn alert_number(update: &Update) -> Option<usize> {
    match update {
        Update::Message(frame) => match &frame.message {
            ArpMessage::UpdateAlert(alert) => alert.data.message.parse().ok(),
            _ => None,
        },
        _ => None,
    }
}

#[tokio::test(start_paused = true)]
async fn malformed_truncated_and_unknown_frames_are_reported_and_the_session_goes_on() {
    let (_relay, client, app, mut updates) = setup().await;

    let unknown = map(vec![
        ("type", "update".into()),
        ("subType", "hologram".into()),
        ("data", map_value(vec![("depth", 3.into())])),
    ]);
    let broken_known = map(vec![
        ("type", "update".into()),
        ("subType", "profile".into()),
        ("data", "not a profile".into()),
    ]);
    let mut truncated = alert(7).encode().unwrap();
    truncated.truncate(truncated.len() / 2);
    app.push_raw(vec![0xc1]); // not msgpack
    app.push_raw(truncated);
    app.push_raw(broken_known);
    app.push_raw(unknown);
    app.push_raw(map(vec![("type", "update".into())])); // no subType
    app.push(alert(8));

    let mut invalid = Vec::new();
    let mut unknown_seen = None;
    within("the frames", async {
        loop {
            match updates.recv().await.expect("stream open") {
                NotificationItem::Notification(Update::Session(SessionEvent::InvalidMessage {
                    error,
                })) => invalid.push(error),
                NotificationItem::Notification(Update::Message(frame)) => match frame.message {
                    ArpMessage::Unknown {
                        message_type,
                        sub_type,
                        ..
                    } => unknown_seen = Some(format!("{message_type}/{sub_type}")),
                    ArpMessage::UpdateAlert(alert) => {
                        assert_eq!(alert.data.message, "8");
                        break;
                    }
                    other => panic!("unexpected {other:?}"),
                },
                other => panic!("unexpected {other:?}"),
            }
        }
    })
    .await;
    assert_eq!(invalid.len(), 4, "{invalid:#?}");
    assert!(
        invalid.iter().any(|e| e.contains("update/profile")),
        "the broken known message is named: {invalid:#?}"
    );
    assert_eq!(unknown_seen.as_deref(), Some("update/hologram"));

    // The session was neither reset nor reconnected: calls work on.
    assert!(client.state().is_established());
    let profile = within("profile", client.profile()).await.unwrap();
    assert_eq!(profile.identity, "MEMEMEME");
    let events = app.events();
    assert!(
        !events.iter().any(|e| matches!(
            e,
            SessionEvent::Reset { .. } | SessionEvent::Disconnected { .. }
        )),
        "{events:?}"
    );
}

fn map_value(entries: Vec<(&str, rmpv::Value)>) -> rmpv::Value {
    rmpv::Value::Map(
        entries
            .into_iter()
            .map(|(key, value)| (key.into(), value))
            .collect(),
    )
}

#[tokio::test(start_paused = true)]
async fn a_call_whose_reply_is_broken_or_missing_ends_with_a_typed_error_in_time() {
    let (_relay, client, app, mut updates) = setup().await;

    // The ack is intact but the data is not a profile: the call fails at once, typed.
    app.inject("request/profile", Fault::MalformedReply);
    let error = within("profile", client.profile()).await.unwrap_err();
    match &error {
        Error::Ack(AckError::InvalidReply { message, reason }) => {
            assert_eq!(message, "request/profile");
            assert!(reason.contains("data"), "{reason}");
        }
        other => panic!("expected an invalid reply, got {other:?}"),
    }

    // Garbage, a truncated reply and no reply: nothing ties them to the call, which times out.
    for (name, fault) in [
        ("request/clientInfo", Fault::GarbageReply),
        ("request/receivers", Fault::TruncatedReply),
        ("request/conversations", Fault::Silent),
    ] {
        app.inject(name, fault);
        let start = tokio::time::Instant::now();
        let error = match name {
            "request/clientInfo" => client.client_info().await.map(drop),
            "request/receivers" => client.receivers().await.map(drop),
            _ => client.conversations().await.map(drop),
        }
        .unwrap_err();
        assert!(is_timeout(&error), "{name} under {fault:?}: {error:?}");
        assert_eq!(
            start.elapsed(),
            REQUEST_TIMEOUT,
            "{name}: ends at its timeout"
        );
        assert!(error.to_string().contains(name), "{error}");
    }
    // The undecodable replies were reported, not swallowed.
    let mut reported = 0;
    while reported < 2 {
        next_event(&mut updates, |event| {
            matches!(event, SessionEvent::InvalidMessage { .. }).then_some(())
        })
        .await;
        reported += 1;
    }

    // None of it harmed the session.
    app.clear_faults();
    assert!(client.state().is_established());
    let info = within("client info", client.client_info()).await.unwrap();
    assert_eq!(info.device, "Fake iPhone");
}

#[tokio::test(start_paused = true)]
async fn replies_out_of_order_reach_their_own_callers() {
    let (_relay, client, app, _updates) = setup().await;
    let echo = ReceiverRef::contact("ECHOECHO");
    const TEXTS: usize = 20;
    app.inject("create/textMessage", Fault::Hold);
    app.inject("request/profile", Fault::Hold);
    app.inject("request/clientInfo", Fault::Hold);
    let sends: Vec<_> = (0..TEXTS)
        .map(|i| {
            let client = client.clone();
            let echo = echo.clone();
            tokio::spawn(async move { client.send_text(echo, format!("text {i}")).await })
        })
        .collect();
    let profile = tokio::spawn({
        let client = client.clone();
        async move { client.profile().await }
    });
    let info = tokio::spawn({
        let client = client.clone();
        async move { client.client_info().await }
    });
    within(
        "every request to arrive",
        app.wait_for(|received| received.len() >= TEXTS + 2),
    )
    .await;
    assert_eq!(app.held(), TEXTS + 2);
    // Released in the reverse order of arrival.
    assert_eq!(app.release_held(), TEXTS + 2);

    assert_eq!(
        within("profile", profile).await.unwrap().unwrap().identity,
        "MEMEMEME"
    );
    assert_eq!(
        within("info", info).await.unwrap().unwrap().device,
        "Fake iPhone"
    );
    for (i, send) in sends.into_iter().enumerate() {
        let id = within("a text", send).await.unwrap().unwrap();
        // The id is the one the app stored this very text under.
        let body = app
            .data()
            .message_mut(&echo, &id)
            .and_then(|m| m.body.clone());
        assert_eq!(body, Some(format!("text {i}")), "text {i} got id {id}");
    }
}

#[tokio::test(start_paused = true)]
async fn a_stalled_app_times_out_calls_and_the_keepalive_resumes_the_session() {
    let (relay, client, app, mut updates) = setup().await;
    let echo = ReceiverRef::contact("ECHOECHO");
    let sent_at = tokio::time::Instant::now();
    app.stall();

    // The app processes the text but nothing comes back: the call times out.
    let error = client
        .send_text(echo.clone(), "into the void")
        .await
        .unwrap_err();
    assert!(is_timeout(&error), "{error:?}");
    assert_eq!(app.count("create/textMessage"), 1);
    let error = client.profile().await.unwrap_err();
    assert!(is_timeout(&error), "{error:?}");

    // The keep-alive probe is not answered either: the client drops the connection after
    // `keepalive_interval` + `keepalive_timeout` of silence and resumes on a new one.
    let reason = next_event(&mut updates, |event| match event {
        SessionEvent::Disconnected { reason } => Some(reason.clone()),
        _ => None,
    })
    .await;
    assert!(reason.contains("no answer from the other side"), "{reason}");
    let config = threema_arp::ArpConfig::new(relay.server_config()).session;
    assert!(
        sent_at.elapsed() >= config.keepalive_interval + config.keepalive_timeout,
        "dead only after the probe's timeout: {:?}",
        sent_at.elapsed()
    );
    let mut late_replies = Vec::new();
    within("the resumption", async {
        loop {
            match updates.recv().await.expect("stream open") {
                NotificationItem::Notification(Update::Session(SessionEvent::Resumed {
                    ..
                })) => {}
                NotificationItem::Notification(Update::Session(
                    event @ (SessionEvent::NewSession { .. } | SessionEvent::Reset { .. }),
                )) => panic!("not resumed: {event:?}"),
                NotificationItem::Notification(Update::Message(frame)) => {
                    late_replies.push(frame.message.name());
                    if late_replies.len() == 2 {
                        break;
                    }
                }
                _ => {}
            }
        }
    })
    .await;
    // What the app answered while stalled arrives after the resumption, once, as updates
    // (the callers had given up).
    assert_eq!(late_replies, ["create/textMessage", "response/profile"]);
    assert!(client.state().is_established());
    let id = within("a text", client.send_text(echo, "after"))
        .await
        .unwrap();
    assert_eq!(app.count("create/textMessage"), 2, "nothing sent twice");
    assert_eq!(
        app.data()
            .message_mut(&ReceiverRef::contact("ECHOECHO"), &id)
            .and_then(|m| m.body.clone())
            .as_deref(),
        Some("after")
    );
}

#[tokio::test(start_paused = true)]
async fn a_truncated_chunk_fails_the_session_and_a_trusted_app_starts_a_new_one() {
    let (relay, client, app, mut updates) = setup().await;
    let trusted = client.trusted_session().await.unwrap();
    // A subscription (to update/profile) that the new session must renew.
    within("profile", client.profile()).await.unwrap();
    app.inject("request/receivers", Fault::Silent);
    let pending = tokio::spawn({
        let client = client.clone();
        async move { client.receivers().await }
    });
    within("the request", app.wait_for(|r| r.len() == 2)).await;
    // A chunk shorter than its 9-byte header.
    app.push_raw_chunk([0x01, 0x00, 0x00]);
    let reason = next_event(&mut updates, |event| match event {
        SessionEvent::Reset { reason } => Some(reason.clone()),
        _ => None,
    })
    .await;
    assert!(reason.contains("chunk"), "{reason}");
    // The call in flight ends with a typed error, not at its timeout.
    let error = within("the pending call", pending)
        .await
        .unwrap()
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::Ack(AckError::Closed { .. } | AckError::SessionReset { .. })
        ),
        "{error:?}"
    );
    // The app was told (close 3001) and ended its session.
    within("the app's end", app.wait_for_state(|s| s.is_closed())).await;

    // The app comes back with its trusted key; the client authenticates it and starts a new
    // session.
    let app = FakeApp::trusted(
        app_config(relay.server_config()),
        app.permanent_key().clone(),
        *trusted.permanent_key.public_key(),
    )
    .unwrap();
    // The connection layer starts from scratch (a first connection, nothing to resume)...
    let reason = next_event(&mut updates, |event| match event {
        SessionEvent::NewSession { reason, .. } => Some(*reason),
        _ => None,
    })
    .await;
    assert_eq!(reason, NewSessionReason::FirstConnection);
    // ...and the client renews its subscription, whose reply is an update.
    let renewed = next_update(&mut updates, |update| match update {
        Update::Message(frame) => match &frame.message {
            ArpMessage::ResponseProfile(profile) => Some(profile.data.identity.clone()),
            _ => None,
        },
        _ => None,
    })
    .await;
    assert_eq!(renewed, "MEMEMEME");
    assert_eq!(app.count("request/profile"), 1);
    let receivers = within("receivers", client.receivers()).await.unwrap();
    assert_eq!(receivers.contact.len(), 2);
    assert_eq!(app.count("request/receivers"), 1);
}

/// Counts a flood's alerts: (delivered in order, reported missing).
async fn count_flood(updates: &mut Updates, total: usize) -> (Vec<usize>, u64) {
    let mut delivered = Vec::new();
    let mut missed = 0u64;
    within("the flood", async {
        while delivered.len() as u64 + missed < total as u64 {
            match updates.recv().await.expect("stream open") {
                NotificationItem::Notification(update) => {
                    if let Some(n) = alert_number(&update) {
                        delivered.push(n);
                    } else {
                        panic!("unexpected {update:?}");
                    }
                }
                NotificationItem::Lagged { missed: m } => missed += m,
                other => panic!("unexpected {other:?}"),
            }
        }
    })
    .await;
    (delivered, missed)
}

#[tokio::test(start_paused = true)]
async fn an_update_flood_is_delivered_in_order_to_a_reading_consumer() {
    let (_relay, client, app, mut updates) = setup().await;
    const FLOOD: usize = 10_000;
    let counting = tokio::spawn(async move { count_flood(&mut updates, FLOOD).await });
    for i in 0..FLOOD {
        app.push(alert(i));
    }
    // A call answered after the flood: every alert has reached the client by then.
    within("profile", client.profile()).await.unwrap();
    let (delivered, missed) = within("the count", counting).await.unwrap();
    assert_eq!(missed, 0);
    assert_eq!(delivered, (0..FLOOD).collect::<Vec<_>>());
}

#[tokio::test(start_paused = true)]
async fn an_update_flood_beyond_the_buffer_reports_exactly_what_was_lost() {
    let relay = LocalRelay::start().await.unwrap();
    let mut config = client_config(relay.server_config());
    config.session.update_buffer = 1000;
    let (client, app) = pair_with(config, app_config(relay.server_config())).await;
    let mut updates = client.updates().unwrap();
    next_event(&mut updates, |event| {
        matches!(event, SessionEvent::NewSession { .. }).then_some(())
    })
    .await;
    const FLOOD: usize = 10_000;
    for i in 0..FLOOD {
        app.push(alert(i));
    }
    // Nobody reads while the flood arrives.
    within("profile", client.profile()).await.unwrap();
    let (delivered, missed) = count_flood(&mut updates, FLOOD).await;
    // The oldest were dropped and counted; the newest 1,000 are there, in order.
    assert_eq!(missed, (FLOOD - 1000) as u64);
    assert_eq!(delivered, (FLOOD - 1000..FLOOD).collect::<Vec<_>>());
}

#[tokio::test(start_paused = true)]
async fn an_update_flood_cut_by_a_dropped_connection_resumes_without_loss_or_duplication() {
    let (_relay, client, app, mut updates) = setup().await;
    const FLOOD: usize = 10_000;
    const CUT_AT: usize = 3_000;
    let cutter = client.clone();
    let counting = tokio::spawn(async move {
        let mut delivered = Vec::new();
        let mut resumed = 0;
        while delivered.len() < FLOOD {
            match updates.recv().await.expect("stream open") {
                NotificationItem::Notification(Update::Session(event)) => match event {
                    SessionEvent::Resumed { .. } => resumed += 1,
                    SessionEvent::NewSession { .. } | SessionEvent::Reset { .. } => {
                        panic!("not resumed: {event:?}")
                    }
                    _ => {}
                },
                NotificationItem::Notification(update) => {
                    let n = alert_number(&update).expect("only alerts");
                    delivered.push(n);
                    if delivered.len() == CUT_AT {
                        // Mid-flood: what is in flight on the lost connection is lost.
                        cutter.drop_connection();
                    }
                }
                NotificationItem::Lagged { missed } => panic!("lost {missed} updates"),
                other => panic!("unexpected {other:?}"),
            }
        }
        (delivered, resumed)
    });
    for i in 0..FLOOD {
        app.push(alert(i));
    }
    let (delivered, resumed) = within("the flood", counting).await.unwrap();
    assert_eq!(resumed, 1, "exactly one resumption");
    assert_eq!(delivered, (0..FLOOD).collect::<Vec<_>>());
    let events = app.events();
    assert!(
        events
            .iter()
            .any(|e| matches!(e, SessionEvent::Resumed { resent } if *resent > 0)),
        "the app resent the chunks the client missed: {events:?}"
    );
}

/// Points in `0..max`, ascending, from a fixed seed (a small LCG: reproducible).
fn random_points(seed: u64, count: usize, max: usize) -> Vec<usize> {
    let mut state = seed;
    let mut points: Vec<usize> = (0..count)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize % max
        })
        .collect();
    points.sort_unstable();
    points
}

#[tokio::test(start_paused = true)]
async fn sockets_dropped_at_random_points_on_both_sides_resume_without_loss_or_duplication() {
    let (_relay, client, app, mut updates) = setup().await;
    let texts = 300;
    let points = random_points(12, 6, texts);
    run_traffic_with_faults_at(
        &client,
        &app,
        &mut updates,
        Traffic { texts, pushes: 200 },
        &points,
        async |round| {
            // Alternately the client's and the app's WebSocket.
            if round % 2 == 0 {
                client.drop_connection();
            } else {
                app.drop_connection();
            }
            wait_until_down(&client).await;
        },
    )
    .await;
    assert_every_reconnect_resumed(&client, &app).await;
}
