//! The client against the fake app through the in-process SaltyRTC relay: pairing, typed
//! calls, updates, trusted reconnects and resumption after cut connections.

#![cfg(feature = "testkit")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{
    Traffic, assert_every_reconnect_resumed, next_event, next_update, pair,
    run_traffic_with_faults, wait_until_down, within,
};
use threema_arp::ArpMessage;
use threema_arp::model::{MessageRef, ReceiverRef};
use threema_arp::session::{SessionEvent, SessionState, Update};
use threema_arp::testkit::LocalRelay;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pair_list_send_and_receive_an_update() {
    let relay = LocalRelay::start().await.unwrap();
    let (client, app) = pair(relay.server_config()).await;
    assert!(client.state().is_established());
    let mut updates = client.updates().expect("taken once");
    assert!(client.updates().is_none());

    let info = within("client info", client.client_info()).await.unwrap();
    assert_eq!(info.device, "Fake iPhone");
    let profile = within("profile", client.profile()).await.unwrap();
    assert_eq!(profile.identity, "MEMEMEME");
    let receivers = within("receivers", client.receivers()).await.unwrap();
    assert_eq!(receivers.contact.len(), 2);
    assert_eq!(receivers.group.len(), 1);
    let conversations = within("conversations", client.conversations())
        .await
        .unwrap();
    assert_eq!(conversations.len(), 2);
    let echo = ReceiverRef::contact("ECHOECHO");
    let page = within("messages", client.messages(echo.clone(), None))
        .await
        .unwrap();
    assert_eq!(page.data.len(), 3);
    assert!(!page.has_more());

    let id = within("send", client.send_text(echo.clone(), "Hello app"))
        .await
        .unwrap();
    assert_eq!(id, "5");
    let pushed = next_update(&mut updates, |update| match update {
        Update::Message(frame) => match &frame.message {
            ArpMessage::UpdateMessages(m) => Some(m.data[0].clone()),
            _ => None,
        },
        _ => None,
    })
    .await;
    assert_eq!(pushed.id, "5");
    assert_eq!(pushed.body.as_deref(), Some("Hello app"));
    assert_eq!(app.count("create/textMessage"), 1);

    // The app pushes an incoming message.
    app.incoming_message(&echo, "ECHOECHO", "ping");
    let incoming = next_update(&mut updates, |update| match update {
        Update::Message(frame) => match &frame.message {
            ArpMessage::UpdateMessages(m) if m.data[0].body.as_deref() == Some("ping") => {
                Some(m.data[0].clone())
            }
            _ => None,
        },
        _ => None,
    })
    .await;
    assert_eq!(incoming.partner_id.as_deref(), Some("ECHOECHO"));

    within(
        "read",
        client.read(MessageRef::new(echo.clone(), incoming.id.clone())),
    )
    .await
    .unwrap();
    assert_eq!(
        app.data().message_mut(&echo, &incoming.id).unwrap().unread,
        Some(false)
    );
    within("close", client.close()).await.unwrap();
    assert!(client.state().is_closed());
    let closed = next_event(&mut updates, |event| match event {
        SessionEvent::Closed { reason } => Some(reason.clone()),
        _ => None,
    })
    .await;
    assert!(closed.contains("user"), "{closed}");
    let app_state = within(
        "the app sees the end",
        app.wait_for_state(SessionState::is_closed),
    )
    .await;
    assert!(app_state.is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropped_client_connections_resume_with_nothing_lost_or_duplicated() {
    let relay = LocalRelay::start().await.unwrap();
    let (client, app) = pair(relay.server_config()).await;
    let mut updates = client.updates().unwrap();
    run_traffic_with_faults(
        &client,
        &app,
        &mut updates,
        Traffic {
            texts: 200,
            pushes: 100,
        },
        async |_| {
            client.drop_connection();
            wait_until_down(&client).await;
        },
    )
    .await;
    assert_every_reconnect_resumed(&client, &app).await;
    within("close", client.close()).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cutting_every_connection_resumes_with_nothing_lost_or_duplicated() {
    let relay = LocalRelay::start().await.unwrap();
    let (client, app) = pair(relay.server_config()).await;
    let mut updates = client.updates().unwrap();
    run_traffic_with_faults(
        &client,
        &app,
        &mut updates,
        Traffic {
            texts: 200,
            pushes: 100,
        },
        async |_| {
            relay.cut_all();
            wait_until_down(&client).await;
        },
    )
    .await;
    assert_every_reconnect_resumed(&client, &app).await;
    within("close", client.close()).await.unwrap();
}
