//! The REST transport against the testkit: the registration flow, auth modes on the wire,
//! typed error bodies, and rate limits (surfaced with their delay, honoured where retried)
//! with paused time.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use signal_server_api::api::account::{AccountExists, SetAccountAttributes, WhoAmI};
use signal_server_api::api::archive::BackupInfo;
use signal_server_api::api::devices::LinkDevice;
use signal_server_api::api::keep_alive::GetKeepAlive;
use signal_server_api::api::messages::SendMessage;
use signal_server_api::api::profile::GetProfile;
use signal_server_api::api::registration::{Register, RegistrationKeys};
use signal_server_api::api::subscriptions::UpdateSubscriber;
use signal_server_api::api::verification::{
    CodeTransport, CreateSession, RequestVerificationCode, VerifyCode,
};
use signal_server_api::auth::{BasicAuthorization, UnidentifiedAccessKey, ZkBackupAuth};
use signal_server_api::model::{
    AccountAttributes, AccountIdentityResponse, Aci, BaseProfileResponse, ChallengeOption,
    DeviceId, EcSignedPreKey, EnvelopeType, IdentityKey, IncomingMessage, KemSignedPreKey,
    ServiceId, SubscriberId, VerificationSessionResponse, VersionedProfileResponse,
};
use signal_server_api::testkit::MockSignalServer;
use signal_server_api::{Credentials, Error};
use std::time::Duration;
use wiremock::ResponseTemplate;

const ACI: &str = "9d0652a3-dcc3-4d11-975f-74d61598733f";
const PNI: &str = "4f1e8f5a-4e61-4e4a-9a0e-2a1e2d3c4b5a";

fn aci() -> Aci {
    ACI.parse().unwrap()
}

fn identity() -> AccountIdentityResponse {
    serde_json::from_value(serde_json::json!({
        "uuid": ACI, "number": "+14155550100", "pni": PNI, "storageCapable": true
    }))
    .unwrap()
}

fn keys() -> RegistrationKeys {
    RegistrationKeys::new(
        IdentityKey::new(vec![5; 33]),
        IdentityKey::new(vec![5; 33]),
        EcSignedPreKey::new(1, vec![5; 33], vec![1; 64]),
        EcSignedPreKey::new(2, vec![5; 33], vec![2; 64]),
        KemSignedPreKey::new(3, vec![8; 16], vec![3; 64]),
        KemSignedPreKey::new(4, vec![8; 16], vec![4; 64]),
    )
}

fn attributes() -> AccountAttributes {
    let mut a = AccountAttributes::new(1234);
    a.pni_registration_id = Some(5678);
    a
}

fn basic(user: &str, password: &str) -> String {
    use base64::Engine as _;
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))
    )
}

fn session(id: &str, verified: bool) -> VerificationSessionResponse {
    let mut s = VerificationSessionResponse::new(id);
    s.verified = verified;
    s.allowed_to_request_code = !verified;
    s
}

#[tokio::test]
async fn registration_flow_then_authenticated_calls() {
    let server = MockSignalServer::start().await;
    let create = CreateSession::new("+14155550100");
    server
        .expect_create_session()
        .for_request(&create)
        .respond(&session("sess-1", false))
        .times(1)
        .mount()
        .await;
    let request_code = RequestVerificationCode::new("sess-1", CodeTransport::Sms, "android");
    server
        .expect_request_verification_code()
        .for_request(&request_code)
        .respond(&session("sess-1", false))
        .times(1)
        .mount()
        .await;
    let verify = VerifyCode::new("sess-1", "123456");
    server
        .expect_verify_code()
        .for_request(&verify)
        .respond(&session("sess-1", true))
        .times(1)
        .mount()
        .await;
    let register = Register::with_session(
        BasicAuthorization::new("+14155550100", "new-password"),
        "sess-1",
        attributes(),
        keys(),
    );
    server
        .expect_register()
        .for_request(&register)
        .with_header("authorization", &basic("+14155550100", "new-password"))
        .respond(&identity())
        .times(1)
        .mount()
        .await;

    // Anonymous until registered.
    let anonymous = server.client().unwrap();
    let s = anonymous.send(&create).await.unwrap();
    assert_eq!(s.id, "sess-1");
    assert!(!anonymous.send(&request_code).await.unwrap().verified);
    assert!(anonymous.send(&verify).await.unwrap().verified);
    let account = anonymous.send(&register).await.unwrap();
    assert_eq!(account.uuid, aci());

    // Then as the new account's primary device.
    let creds = Credentials::new(account.uuid, "new-password").with_device_id(DeviceId::PRIMARY);
    let client = server.client_builder().credentials(creds).build().unwrap();
    let mut attributes = attributes();
    attributes.fetches_messages = true;
    let set = SetAccountAttributes::new(attributes);
    server
        .expect_set_account_attributes()
        .for_request(&set)
        .with_header("authorization", &basic(&format!("{ACI}.1"), "new-password"))
        .respond_status(204)
        .times(1)
        .mount()
        .await;
    client.send(&set).await.unwrap();

    let mut profile = VersionedProfileResponse::default();
    profile.name = Some(b"encrypted name".to_vec());
    profile.base = BaseProfileResponse::default();
    profile.base.identity_key = Some(IdentityKey::new(vec![5; 33]));
    server
        .expect_get_profile()
        .for_request(&GetProfile::new(aci(), "v1"))
        .respond(&profile)
        .times(1)
        .mount()
        .await;
    let fetched = client.send(&GetProfile::new(aci(), "v1")).await.unwrap();
    assert_eq!(fetched.name.as_deref(), Some(&b"encrypted name"[..]));
    assert_eq!(fetched.base.identity_key, profile.base.identity_key);

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
    server
        .expect::<AccountExists>()
        .respond_status(200)
        .mount()
        .await;
    server
        .expect_send_message()
        .respond_status(200)
        .mount()
        .await;
    server
        .expect::<BackupInfo>()
        .respond_json(200, &serde_json::json!({"cdn": 3, "backupDir": "b"}))
        .mount()
        .await;
    server
        .expect::<UpdateSubscriber>()
        .respond_status(200)
        .mount()
        .await;
    server.expect_keep_alive().respond_status(200).mount().await;

    let target: ServiceId = format!("PNI:{PNI}").parse().unwrap();
    assert!(client.send(&AccountExists::new(target)).await.unwrap());
    let message = IncomingMessage::new(
        EnvelopeType::UnidentifiedSender,
        DeviceId::PRIMARY,
        1,
        vec![1],
    );
    let sealed = SendMessage::new(target, vec![message], 1)
        .with_access_key(UnidentifiedAccessKey::new([3; 16]));
    client.send(&sealed).await.unwrap();
    let info = client
        .send(&BackupInfo::new(ZkBackupAuth::new(vec![1], vec![2])))
        .await
        .unwrap();
    assert_eq!(info.backup_dir, "b");
    client
        .send(&UpdateSubscriber::new(SubscriberId::from_bytes([7; 32])))
        .await
        .unwrap();
    client.send(&GetKeepAlive::new()).await.unwrap();

    let requests = server.received_requests().await;
    let auth = |i: usize| requests[i].headers.get("authorization").is_some();
    // Enforced unauthenticated: no credentials although the client has some.
    assert!(!auth(0));
    // Sealed sender: the access key instead of credentials.
    assert!(!auth(1));
    assert_eq!(
        requests[1].headers["unidentified-access-key"],
        "AwMDAwMDAwMDAwMDAwMDAw=="
    );
    // ZK backup auth headers, no credentials.
    assert!(!auth(2));
    assert_eq!(requests[2].headers["x-signal-zk-auth"], "AQ==");
    assert_eq!(requests[2].headers["x-signal-zk-auth-signature"], "Ag==");
    // Subscriber id in the path, no credentials.
    assert!(!auth(3));
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
    let to: ServiceId = ACI.parse().unwrap();
    let msg = || IncomingMessage::new(EnvelopeType::Ciphertext, DeviceId::PRIMARY, 1, vec![1]);
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
    let send = SendMessage::new(to, vec![msg()], 1);
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
    server
        .expect_who_am_i()
        .respond_json(
            401,
            &serde_json::json!({"code": 401, "message": "Credentials are required"}),
        )
        .mount()
        .await;
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
    server
        .expect_who_am_i()
        .rate_limited(5)
        .times(1)
        .mount()
        .await;
    server
        .expect_who_am_i()
        .rate_limited_with(413, 7)
        .times(1)
        .mount()
        .await;
    server
        .expect_who_am_i()
        .respond(&identity())
        .times(1)
        .mount()
        .await;

    let started = tokio::time::Instant::now();
    let me = client.send(&WhoAmI::new()).await.unwrap();
    assert_eq!(me.number, "+14155550100");
    assert_eq!(server.received_requests().await.len(), 3);
    // The client waited the server's Retry-After before each retry (paused clock).
    assert!(
        started.elapsed() >= Duration::from_secs(12),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test(start_paused = true)]
async fn rate_limits_are_surfaced_with_their_delay() {
    let server = MockSignalServer::start().await;
    let client = server.client().unwrap();
    // Not idempotent: surfaced at once, never repeated.
    server.expect_send_message().rate_limited(30).mount().await;
    let to: ServiceId = ACI.parse().unwrap();
    let msg = IncomingMessage::new(EnvelopeType::Ciphertext, DeviceId::PRIMARY, 1, vec![1]);
    let err = client
        .send(&SendMessage::new(to, vec![msg], 1))
        .await
        .unwrap_err();
    match &err {
        Error::RateLimited { what, retry_after } => {
            assert_eq!(what, "PUT /v1/messages/{destination}");
            assert_eq!(*retry_after, Some(Duration::from_secs(30)));
        }
        other => panic!("{other:?}"),
    }
    assert!(err.is_transient());
    assert_eq!(server.received_requests().await.len(), 1);

    // Idempotent, but the server asks for longer than the client waits by itself (60 s).
    server
        .expect::<AccountExists>()
        .rate_limited_with(413, 3600)
        .mount()
        .await;
    let err = client.send(&AccountExists::new(aci())).await.unwrap_err();
    assert!(matches!(err, Error::RateLimited { .. }), "{err:?}");
    assert_eq!(err.retry_after(), Some(Duration::from_secs(3600)));
    assert_eq!(server.received_requests().await.len(), 2);
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
