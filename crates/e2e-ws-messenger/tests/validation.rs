//! Input built by the user is checked before anything is sent, with typed errors.

// Helpers outside `#[test]` functions may panic too: this is test code.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

#[path = "support/seed.rs"]
mod seed;

use e2e_ws_messenger::Error;
use e2e_ws_messenger::api::requests::{
    AddUserReport, RequestAddNewSessionKeys, RequestAddUserKeys, RequestConfirmRegistration,
    RequestDeleteMessages, RequestDeleteUser, RequestGetMessages, RequestRegisterApplication,
};
use e2e_ws_messenger::api::{Request, WireMessage};
use e2e_ws_messenger::model::{
    ApplicationId, ApplicationType, Base64Data, ConversationUuid, DeviceInfo, EncryptedEnvelope,
    MessageUuid, PemEncryptedPrivateKey, PemPublicKey, UserId,
};
use e2e_ws_messenger::transport_core::Secret;
use seed::Kind;

fn field_of(err: Error) -> String {
    match err {
        Error::InvalidInput { field, .. } => field,
        other => panic!("not an input error: {other:?}"),
    }
}

fn conversation() -> ConversationUuid {
    ConversationUuid::new("66CE10E5-969D-41E0-9F2A-C279B095F822").unwrap()
}

#[test]
fn registration_computes_the_user_id_and_rejects_bad_numbers() {
    let device = DeviceInfo::new(ApplicationType::Android, "SM-A336B", "SDK 34", "samsung");
    let uuid = ApplicationId::new("db2553bb-3308-4a53-8c32-30dc3b55dece").unwrap();
    let mut register =
        RequestRegisterApplication::new("+35794048714", uuid.clone(), device.clone()).unwrap();
    register.android_sms_token = Some("p1VSyoHQY8a".into());
    // Exactly the seed's sample.
    assert_eq!(
        serde_json::to_value(&register).unwrap(),
        seed::sample(Kind::Request, "RequestRegisterApplication")
    );
    register.validate().unwrap();
    assert_eq!(
        field_of(RequestRegisterApplication::new("35794048714", uuid, device).unwrap_err()),
        "openUserId"
    );
    register.user_id = UserId::from_e164("+16266260017").unwrap();
    assert_eq!(field_of(register.validate().unwrap_err()), "userId");
    let request: Request = register.into();
    assert!(request.validate().is_err());
}

#[test]
fn each_request_check_names_its_field() {
    let code = RequestConfirmRegistration::new(
        Secret::new(""),
        UserId::from_e164("+35794048714").unwrap(),
        ApplicationId::random(),
    );
    assert_eq!(field_of(code.validate().unwrap_err()), "smsCode");
    let page = RequestGetMessages::new(conversation(), MessageUuid::random(), 0);
    assert_eq!(field_of(page.validate().unwrap_err()), "size");
    let delete = RequestDeleteMessages::new(conversation(), Vec::new());
    assert_eq!(field_of(delete.validate().unwrap_err()), "uuids");
    let rotate = RequestAddNewSessionKeys::new(conversation(), Vec::new());
    assert_eq!(field_of(rotate.validate().unwrap_err()), "sessionKeys");
    let report = AddUserReport::new(" ", UserId::from_e164("+35794048714").unwrap());
    assert_eq!(field_of(report.validate().unwrap_err()), "reason");
    let delete_user = RequestDeleteUser::new("+0035794048714");
    assert_eq!(field_of(delete_user.validate().unwrap_err()), "openUserId");
    // Through the enum as well; unknown requests pass.
    let request: Request =
        RequestGetMessages::new(conversation(), MessageUuid::random(), 10).into();
    request.validate().unwrap();
    Request::Unknown {
        wire_name: "RequestReact".into(),
        body: serde_json::json!({}),
    }
    .validate()
    .unwrap();
}

#[test]
fn key_upload_needs_a_complete_public_key_and_the_expected_armour() {
    // The seed's sample has its keys cut short, so it does not pass.
    let Request::AddUserKeys(sample) = Request::from_wire(
        "RequestAddUserKeys",
        seed::sample(Kind::Request, "RequestAddUserKeys"),
    )
    .unwrap() else {
        panic!("wrong type")
    };
    assert_eq!(field_of(sample.validate().unwrap_err()), "publicKeyBase64");
    let public =
        PemPublicKey::new(include_str!("../src/crypto/test_keys/alice.public.pem")).unwrap();
    let mut upload = RequestAddUserKeys::new(
        Base64Data::encode(&[1; 512]),
        EncryptedEnvelope::from_wire("eyJ9"),
        PemEncryptedPrivateKey::new(
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIJdjAo\n-----END ENCRYPTED PRIVATE KEY-----\n",
        ),
        public,
    );
    upload.validate().unwrap();
    upload.private_key_encrypted_base64 =
        PemEncryptedPrivateKey::new("-----BEGIN PRIVATE KEY-----");
    assert_eq!(
        field_of(upload.validate().unwrap_err()),
        "privateKeyEncryptedBase64"
    );
    // The private key never shows in Debug.
    assert!(!format!("{upload:?}").contains("BEGIN PRIVATE KEY"));
}
