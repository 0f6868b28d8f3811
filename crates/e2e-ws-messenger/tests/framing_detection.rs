//! Opt-in framing detection at connect, against fake servers speaking one framing each.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/fake.rs"]
mod fake;

use e2e_ws_messenger::api::requests::RequestPing;
use e2e_ws_messenger::detect::detect_framing;
use e2e_ws_messenger::framing::{
    FlatTag, Framing, FramingProbe, TypeAndBody, WrapperArray, builtin_candidates,
};
use e2e_ws_messenger::model::Timestamp;
use e2e_ws_messenger::testkit::{BadFrame, FakeMessengerServer};
use e2e_ws_messenger::transport_core::ws::WsConnectOptions;
use e2e_ws_messenger::{Error, FramingError};
use fake::{alice, builder};
use std::time::Duration;

fn ping() -> RequestPing {
    RequestPing::new("7.14", Timestamp::now())
}

#[tokio::test(start_paused = true)]
async fn a_server_that_closes_on_foreign_frames_is_probed_connection_by_connection() {
    let server = FakeMessengerServer::builder(FlatTag::new("@type"))
        .on_bad_frame(BadFrame::Close)
        .start()
        .await
        .unwrap();
    let found = detect_framing(
        &WsConnectOptions::new(server.url()),
        FramingProbe::new(),
        &ping(),
        Duration::from_secs(5),
    )
    .await
    .unwrap();
    assert_eq!(found.description, FlatTag::new("@type").describe());
    assert_eq!(found.framing.describe(), FlatTag::new("@type").describe());
    // The 18 type + body envelopes come first; each made the server close.
    assert_eq!(found.attempts, 19);
    assert_eq!(found.connections, 19);
}

#[tokio::test(start_paused = true)]
async fn a_server_that_ignores_foreign_frames_is_probed_on_one_connection() {
    let server = FakeMessengerServer::start(TypeAndBody::new("className", "payload"))
        .await
        .unwrap();
    let found = detect_framing(
        &WsConnectOptions::new(server.url()),
        FramingProbe::new(),
        &ping(),
        Duration::from_secs(2),
    )
    .await
    .unwrap();
    assert_eq!(
        found.description,
        TypeAndBody::new("className", "payload").describe()
    );
    assert_eq!((found.attempts, found.connections), (11, 1));
}

#[tokio::test(start_paused = true)]
async fn nothing_answers_a_framing_outside_the_candidates() {
    let server = FakeMessengerServer::builder(FlatTag::new("kind"))
        .on_bad_frame(BadFrame::Close)
        .start()
        .await
        .unwrap();
    let err = builder(&server)
        .detect_framing(FramingProbe::new())
        .connect()
        .await
        .unwrap_err();
    match err {
        Error::Framing(FramingError::NotDetected { tried }) => {
            assert_eq!(tried, builtin_candidates().len());
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[tokio::test(start_paused = true)]
async fn the_client_connects_with_the_framing_it_detected() {
    let server = FakeMessengerServer::builder(WrapperArray)
        .on_bad_frame(BadFrame::Close)
        .start()
        .await
        .unwrap();
    let (client, _) = alice(&server, |b| {
        b.detect_framing(FramingProbe::new())
            .probe_timeout(Duration::from_secs(3))
    })
    .await;
    assert_eq!(client.framing().describe(), "WrapperArray");
    assert!(client.is_authenticated());
    assert_eq!(client.ping().await.unwrap().server_version, "7.14");
    // Detection probes were closed; the client's own connection is the last one.
    assert_eq!(
        server.sessions_of(&client.credentials().unwrap().user_id),
        1
    );
    // A zero probe timeout is refused before any I/O.
    let before = server.connections();
    let err = builder(&server)
        .detect_framing(FramingProbe::new())
        .probe_timeout(Duration::ZERO)
        .connect()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { ref field, .. } if field == "probe_timeout"));
    assert_eq!(server.connections(), before);
}
