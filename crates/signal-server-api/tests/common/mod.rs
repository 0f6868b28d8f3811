//! Fixtures shared by the integration tests: an account, registration keys, and the
//! registration flow (verification session → code → register → attributes → profile) mounted
//! on the mock and run by any client.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use signal_server_api::api::account::{AccountExists, SetAccountAttributes, WhoAmI};
use signal_server_api::api::archive::BackupInfo;
use signal_server_api::api::messages::SendMessage;
use signal_server_api::api::profile::GetProfile;
use signal_server_api::api::registration::{Register, RegistrationKeys};
use signal_server_api::api::subscriptions::UpdateSubscriber;
use signal_server_api::api::verification::{
    CodeTransport, CreateSession, RequestVerificationCode, VerifyCode,
};
use signal_server_api::auth::{BasicAuthorization, UnidentifiedAccessKey, ZkBackupAuth};
use signal_server_api::model::{
    AccountAttributes, AccountIdentityResponse, Aci, BaseProfileResponse, DeviceId, EcSignedPreKey,
    EnvelopeType, IdentityKey, IncomingMessage, KemSignedPreKey, ServiceId, SubscriberId,
    VerificationSessionResponse, VersionedProfileResponse,
};
use signal_server_api::testkit::MockSignalServer;
use signal_server_api::{Credentials, Error, SignalClient};
use std::time::Duration;
use tokio::time::Instant;

pub(crate) const ACI: &str = "9d0652a3-dcc3-4d11-975f-74d61598733f";
pub(crate) const PNI: &str = "4f1e8f5a-4e61-4e4a-9a0e-2a1e2d3c4b5a";
pub(crate) const NUMBER: &str = "+14155550100";
pub(crate) const PASSWORD: &str = "new-password";

pub(crate) fn aci() -> Aci {
    ACI.parse().unwrap()
}

/// The account's primary device.
pub(crate) fn credentials() -> Credentials {
    Credentials::new(aci(), PASSWORD).with_device_id(DeviceId::PRIMARY)
}

pub(crate) fn identity() -> AccountIdentityResponse {
    let mut identity = AccountIdentityResponse::new(aci(), NUMBER);
    identity.pni = Some(PNI.parse().unwrap());
    identity.storage_capable = true;
    identity
}

pub(crate) fn keys() -> RegistrationKeys {
    RegistrationKeys::new(
        IdentityKey::new(vec![5; 33]),
        IdentityKey::new(vec![5; 33]),
        EcSignedPreKey::new(1, vec![5; 33], vec![1; 64]),
        EcSignedPreKey::new(2, vec![5; 33], vec![2; 64]),
        KemSignedPreKey::new(3, vec![8; 16], vec![3; 64]),
        KemSignedPreKey::new(4, vec![8; 16], vec![4; 64]),
    )
}

pub(crate) fn attributes() -> AccountAttributes {
    let mut a = AccountAttributes::new(1234);
    a.pni_registration_id = Some(5678);
    a
}

/// `register` with the session's number (or `number`) and `password`.
pub(crate) fn register(number: &str, password: &str) -> Register {
    Register::with_session(
        BasicAuthorization::new(number, password),
        "sess-1",
        attributes(),
        keys(),
    )
}

/// `Basic base64(user:password)`.
pub(crate) fn basic(user: &str, password: &str) -> String {
    use base64::Engine as _;
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))
    )
}

/// A one-message send to `to`: sealed sender with `access_key`, else from the account.
pub(crate) fn send_message(
    to: impl Into<ServiceId>,
    access_key: Option<UnidentifiedAccessKey>,
) -> SendMessage {
    let kind = if access_key.is_some() {
        EnvelopeType::UnidentifiedSender
    } else {
        EnvelopeType::Ciphertext
    };
    let send = SendMessage::new(
        to,
        vec![IncomingMessage::new(kind, DeviceId::PRIMARY, 1, vec![1])],
        1,
    );
    match access_key {
        Some(key) => send.with_access_key(key),
        None => send,
    }
}

/// Mounts the four calls of [`run_auth_modes`].
pub(crate) async fn mount_auth_modes(server: &MockSignalServer) {
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
}

/// Four calls that must not carry the account's credentials although the client has some:
/// enforced unauthenticated, sealed sender, zero-knowledge backup auth, subscriber id.
pub(crate) async fn run_auth_modes(client: &SignalClient) {
    let target: ServiceId = format!("PNI:{PNI}").parse().unwrap();
    assert!(client.send(&AccountExists::new(target)).await.unwrap());
    let sealed = send_message(target, Some(UnidentifiedAccessKey::new([3; 16])));
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
}

/// What the mock saw of [`run_auth_modes`]: the requests' own credentials and no account's.
pub(crate) fn check_auth_modes(requests: &[wiremock::Request]) {
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
}

/// `GET /v1/accounts/whoami` answers 401 with the server's error body.
pub(crate) async fn mount_who_am_i_unauthorized(server: &MockSignalServer) {
    server
        .expect_who_am_i()
        .respond_json(
            401,
            &serde_json::json!({"code": 401, "message": "Credentials are required"}),
        )
        .mount()
        .await;
}

/// 429 with `Retry-After: 5`, then 413 with 7, then the answer: an idempotent call waits both
/// delays (run with paused time) and succeeds.
pub(crate) async fn rate_limits_are_honoured(server: &MockSignalServer, client: &SignalClient) {
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
    let started = Instant::now();
    let me = client.send(&WhoAmI::new()).await.unwrap();
    assert_eq!(me.number, NUMBER);
    assert_eq!(server.received_requests().await.len(), 3);
    // The client waited the server's Retry-After before each retry (paused clock).
    assert_eq!(started.elapsed(), Duration::from_secs(12));
}

/// A rate-limited non-idempotent call, and an idempotent one asked to wait longer than the
/// policy's 60 s: both surfaced at once with the server's delay, never repeated.
pub(crate) async fn rate_limits_are_surfaced(server: &MockSignalServer, client: &SignalClient) {
    server.expect_send_message().rate_limited(30).mount().await;
    let started = Instant::now();
    let err = client.send(&send_message(aci(), None)).await.unwrap_err();
    match &err {
        Error::RateLimited { what, retry_after } => {
            assert_eq!(what, "PUT /v1/messages/{destination}");
            assert_eq!(*retry_after, Some(Duration::from_secs(30)));
        }
        other => panic!("{other:?}"),
    }
    assert!(err.is_transient());
    assert_eq!(server.received_requests().await.len(), 1);
    server
        .expect::<AccountExists>()
        .rate_limited_with(413, 3600)
        .mount()
        .await;
    let err = client.send(&AccountExists::new(aci())).await.unwrap_err();
    assert!(matches!(err, Error::RateLimited { .. }), "{err:?}");
    assert_eq!(err.retry_after(), Some(Duration::from_secs(3600)));
    assert_eq!(server.received_requests().await.len(), 2);
    assert_eq!(started.elapsed(), Duration::ZERO);
}

pub(crate) fn session(id: &str, verified: bool) -> VerificationSessionResponse {
    let mut s = VerificationSessionResponse::new(id);
    s.verified = verified;
    s.allowed_to_request_code = !verified;
    s
}

/// The calls of the registration flow, as the expectations match them exactly.
pub(crate) struct Flow {
    pub(crate) create: CreateSession,
    pub(crate) request_code: RequestVerificationCode,
    pub(crate) verify: VerifyCode,
    pub(crate) register: Register,
    pub(crate) set: SetAccountAttributes,
    pub(crate) profile: GetProfile,
    pub(crate) profile_response: VersionedProfileResponse,
}

impl Flow {
    pub(crate) fn new() -> Self {
        let mut attributes = attributes();
        attributes.fetches_messages = true;
        let mut profile_response = VersionedProfileResponse::default();
        profile_response.name = Some(b"encrypted name".to_vec());
        profile_response.base = BaseProfileResponse::default();
        profile_response.base.identity_key = Some(IdentityKey::new(vec![5; 33]));
        Self {
            create: CreateSession::new(NUMBER),
            request_code: RequestVerificationCode::new("sess-1", CodeTransport::Sms, "android"),
            verify: VerifyCode::new("sess-1", "123456"),
            register: register(NUMBER, PASSWORD),
            set: SetAccountAttributes::new(attributes),
            profile: GetProfile::new(aci(), "v1"),
            profile_response,
        }
    }

    /// Mounts every step, each answering `times` exact requests; registration and the
    /// attributes require their `Authorization`.
    pub(crate) async fn mount(&self, server: &MockSignalServer, times: u64) {
        server
            .expect_create_session()
            .for_request(&self.create)
            .respond(&session("sess-1", false))
            .times(times)
            .mount()
            .await;
        server
            .expect_request_verification_code()
            .for_request(&self.request_code)
            .respond(&session("sess-1", false))
            .times(times)
            .mount()
            .await;
        server
            .expect_verify_code()
            .for_request(&self.verify)
            .respond(&session("sess-1", true))
            .times(times)
            .mount()
            .await;
        server
            .expect_register()
            .for_request(&self.register)
            .with_header("authorization", &basic(NUMBER, PASSWORD))
            .respond(&identity())
            .times(times)
            .mount()
            .await;
        server
            .expect_set_account_attributes()
            .for_request(&self.set)
            .with_header("authorization", &basic(&format!("{ACI}.1"), PASSWORD))
            .respond_status(204)
            .times(times)
            .mount()
            .await;
        server
            .expect_get_profile()
            .for_request(&self.profile)
            .respond(&self.profile_response)
            .times(times)
            .mount()
            .await;
    }

    /// Runs the anonymous steps with `anonymous`, then the account's with `account`, a client
    /// the caller builds from the credentials the registration returned.
    pub(crate) async fn run<F, Fut>(&self, anonymous: &SignalClient, account: F)
    where
        F: FnOnce(Credentials) -> Fut,
        Fut: Future<Output = SignalClient>,
    {
        assert_eq!(anonymous.send(&self.create).await.unwrap().id, "sess-1");
        assert!(!anonymous.send(&self.request_code).await.unwrap().verified);
        assert!(anonymous.send(&self.verify).await.unwrap().verified);
        let registered = anonymous.send(&self.register).await.unwrap();
        assert_eq!(registered.uuid, aci());

        let client =
            account(Credentials::new(registered.uuid, PASSWORD).with_device_id(DeviceId::PRIMARY))
                .await;
        client.send(&self.set).await.unwrap();
        let fetched = client.send(&self.profile).await.unwrap();
        assert_eq!(fetched.name.as_deref(), Some(&b"encrypted name"[..]));
        assert_eq!(
            fetched.base.identity_key,
            self.profile_response.base.identity_key
        );
    }
}
