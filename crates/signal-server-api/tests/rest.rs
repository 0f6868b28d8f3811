//! The REST transport against the testkit: the registration flow, auth modes on the wire,
//! typed error bodies, and rate limits (surfaced with their delay, honoured where retried)
//! with paused time.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{
    ACI, Flow, aci, attributes, basic, check_auth_modes, keys, mount_auth_modes, run_auth_modes,
    send_message,
};

use signal_server_api::api::account::WhoAmI;
use signal_server_api::api::devices::LinkDevice;
use signal_server_api::api::keep_alive::GetKeepAlive;
use signal_server_api::api::registration::Register;
use signal_server_api::api::verification::CreateSession;
use signal_server_api::auth::BasicAuthorization;
use signal_server_api::model::{
    AccountAttributes, ChallengeOption, EcSignedPreKey, KemSignedPreKey,
};
use signal_server_api::testkit::MockSignalServer;
use signal_server_api::{Credentials, Error};
use std::time::Duration;
use wiremock::ResponseTemplate;

#[tokio::test]
async fn registration_flow_then_authenticated_calls() {
    let server = MockSignalServer::start().await;
    let flow = Flow::new();
    flow.mount(&server, 1).await;
    // Anonymous until registered, then as the new account's primary device.
    let anonymous = server.client().unwrap();
    let server_ref = &server;
    flow.run(&anonymous, move |credentials| async move {
        server_ref
            .client_builder()
            .credentials(credentials)
            .build()
            .unwrap()
    })
    .await;

    // Only the calls after registration carried account credentials.
    let requests = server.received_requests().await;
    let with_auth: Vec<String> = requests
        .iter()
        .filter(|r| r.headers.contains_key("authorization"))
        .map(|r| format!("{} {}", r.method, r.url.path()))
        .collect();
    assert_eq!(
        with_auth,
        vec![
            "POST /v1/registration",
            "PUT /v1/accounts/attributes",
            &format!("GET /v1/profile/{ACI}/v1")
        ]
    );
    assert!(requests.iter().all(|r| {
        r.headers["user-agent"]
            .to_str()
            .unwrap()
            .starts_with("signal-server-api/")
    }));
}

#[tokio::test]
async fn auth_modes_on_the_wire() {
    let server = MockSignalServer::start().await;
    let client = server
        .client_builder()
        .credentials(Credentials::new(aci(), "pw"))
        .build()
        .unwrap();
    mount_auth_modes(&server).await;
    server.expect_keep_alive().respond_status(200).mount().await;
    run_auth_modes(&client).await;
    client.send(&GetKeepAlive::new()).await.unwrap();
    let requests = server.received_requests().await;
    check_auth_modes(&requests);
    // Keepalive: optional credentials are sent when present.
    assert_eq!(
        requests[4].headers["authorization"],
        basic(ACI, "pw").as_str()
    );
}

#[tokio::test]
async fn typed_error_bodies() {
    let server = MockSignalServer::start().await;
    let client = server
        .client_builder()
        .credentials(Credentials::new(aci(), "pw"))
        .build()
        .unwrap();
    server
        .expect_send_message()
        .respond_json(
            409,
            &serde_json::json!({"missingDevices": [2, 3], "extraDevices": []}),
        )
        .times(1)
        .mount()
        .await;
    server
        .expect_send_message()
        .respond_json(410, &serde_json::json!({"staleDevices": [4]}))
        .times(1)
        .mount()
        .await;
    server
        .expect_send_message()
        .respond_with(
            ResponseTemplate::new(428)
                .insert_header("Retry-After", "30")
                .set_body_json(serde_json::json!({"token": "t-1", "options": ["captcha"]})),
        )
        .times(1)
        .mount()
        .await;
    let send = send_message(aci(), None);
    match client.send(&send).await.unwrap_err() {
        Error::MismatchedDevices { what, body } => {
            assert_eq!(what, format!("PUT /v1/messages/{ACI}"));
            assert_eq!(body.missing_devices.len(), 2);
        }
        other => panic!("{other:?}"),
    }
    match client.send(&send).await.unwrap_err() {
        Error::StaleDevices { body, .. } => assert_eq!(body.stale_devices[0].get(), 4),
        other => panic!("{other:?}"),
    }
    let err = client.send(&send).await.unwrap_err();
    assert_eq!(err.retry_after(), Some(Duration::from_secs(30)));
    match err {
        Error::ChallengeRequired { body, .. } => {
            assert_eq!(body.token, "t-1");
            assert_eq!(body.options, vec![ChallengeOption::Captcha]);
        }
        other => panic!("{other:?}"),
    }

    server
        .expect_register()
        .respond_json(423, &serde_json::json!({"timeRemaining": 1000, "svr2Credentials": {"username": "u", "password": "p"}}))
        .mount()
        .await;
    let register = Register::with_session(
        BasicAuthorization::new("+14155550100", "pw"),
        "s",
        attributes(),
        keys(),
    );
    match client.send(&register).await.unwrap_err() {
        Error::RegistrationLocked { body, .. } => {
            assert_eq!(body.time_remaining, Some(1000));
            assert_eq!(body.svr2_credentials.unwrap().username, "u");
        }
        other => panic!("{other:?}"),
    }

    server
        .expect::<LinkDevice>()
        .respond_json(411, &serde_json::json!({"current": 6, "max": 6}))
        .mount()
        .await;
    let link = LinkDevice::new(
        BasicAuthorization::new("+14155550100", "pw2"),
        "code",
        AccountAttributes::new(9),
        EcSignedPreKey::new(1, vec![5], vec![1]),
        EcSignedPreKey::new(2, vec![5], vec![2]),
        KemSignedPreKey::new(3, vec![8], vec![3]),
        KemSignedPreKey::new(4, vec![8], vec![4]),
    );
    match client.send(&link).await.unwrap_err() {
        Error::DeviceLimitExceeded { body, .. } => assert_eq!(body.max, Some(6)),
        other => panic!("{other:?}"),
    }

    // Other statuses keep the server's message.
    common::mount_who_am_i_unauthorized(&server).await;
    let err = client.send(&WhoAmI::new()).await.unwrap_err();
    assert_eq!(err.status(), Some(401));
    assert_eq!(
        err.to_string(),
        "GET /v1/accounts/whoami: HTTP 401 Unauthorized: Credentials are required"
    );
}

#[tokio::test(start_paused = true)]
async fn rate_limits_are_honoured_for_idempotent_calls() {
    let server = MockSignalServer::start().await;
    let client = server.client().unwrap();
    common::rate_limits_are_honoured(&server, &client).await;
}

#[tokio::test(start_paused = true)]
async fn rate_limits_are_surfaced_with_their_delay() {
    let server = MockSignalServer::start().await;
    let client = server.client().unwrap();
    common::rate_limits_are_surfaced(&server, &client).await;
}

#[tokio::test]
async fn unexpected_requests_name_themselves_and_bad_input_never_leaves() {
    let server = MockSignalServer::start().await;
    let client = server.client().unwrap();
    let err = client.send(&WhoAmI::new()).await.unwrap_err();
    assert_eq!(err.status(), Some(599));
    assert!(
        err.to_string()
            .contains("no mock for GET /v1/accounts/whoami"),
        "{err}"
    );
    let err = client
        .send(&CreateSession::new("not a number"))
        .await
        .unwrap_err();
    assert!(err.to_string().starts_with("invalid number"), "{err}");
    assert_eq!(server.received_requests().await.len(), 1);
}
