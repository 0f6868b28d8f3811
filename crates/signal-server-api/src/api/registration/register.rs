//! `POST /v1/registration` — registers (or re-registers) an account.

use crate::api::{ErrorBody, Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::auth::{BasicAuthorization, insert_header};
use crate::model::{
    AccountAttributes, AccountIdentityResponse, ApnRegistrationId, EcSignedPreKey,
    GcmRegistrationId, IdentityKey, KemSignedPreKey, SecretBytes,
};
use serde::Serialize;
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, EndpointAuth, HeaderMap, Method, RawResponse};

/// `POST /v1/registration` (`register`) — registers (or re-registers) an account.
///
/// Authenticated with an explicit `Authorization: Basic` header: the phone number and the new
/// account password. The number is proven by a verified verification session **or** a registration
/// recovery password. A well-behaved client may call up to three times: 423 (registration lock,
/// typed [`RegistrationLocked`](crate::Error::RegistrationLocked)), then 409 (a device transfer is
/// possible; retry with `skipDeviceTransfer`), then success. Not retried after a response.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Register {
    /// The number (user name) and the new password, for the `Authorization` header.
    #[serde(skip)]
    pub authorization: BasicAuthorization,
    /// The `X-Signal-Agent` header, if any.
    #[serde(skip)]
    pub signal_agent: Option<String>,
    /// A verified verification session.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    /// The registration recovery password (instead of a session).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recovery_password: Option<SecretBytes>,
    /// The account's and the primary device's attributes.
    pub account_attributes: AccountAttributes,
    /// The user declined to transfer data from an old device.
    pub skip_device_transfer: bool,
    /// The ACI identity key.
    pub aci_identity_key: IdentityKey,
    /// The PNI identity key.
    pub pni_identity_key: IdentityKey,
    /// Signed EC pre-key for the ACI.
    pub aci_signed_pre_key: EcSignedPreKey,
    /// Signed EC pre-key for the PNI.
    pub pni_signed_pre_key: EcSignedPreKey,
    /// Last-resort Kyber pre-key for the ACI.
    pub aci_pq_last_resort_pre_key: KemSignedPreKey,
    /// Last-resort Kyber pre-key for the PNI.
    pub pni_pq_last_resort_pre_key: KemSignedPreKey,
    /// APNs token (iOS).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apn_token: Option<ApnRegistrationId>,
    /// FCM token (Android).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gcm_token: Option<GcmRegistrationId>,
}

impl Register {
    /// A registration proven by the verified session `session_id`.
    #[allow(clippy::too_many_arguments)]
    pub fn with_session(
        authorization: BasicAuthorization,
        session_id: impl Into<String>,
        account_attributes: AccountAttributes,
        keys: RegistrationKeys,
    ) -> Self {
        Self::build(
            authorization,
            Some(session_id.into()),
            None,
            account_attributes,
            keys,
        )
    }

    /// A registration proven by the registration recovery password.
    pub fn with_recovery_password(
        authorization: BasicAuthorization,
        recovery_password: impl Into<SecretBytes>,
        account_attributes: AccountAttributes,
        keys: RegistrationKeys,
    ) -> Self {
        Self::build(
            authorization,
            None,
            Some(recovery_password.into()),
            account_attributes,
            keys,
        )
    }

    fn build(
        authorization: BasicAuthorization,
        session_id: Option<String>,
        recovery_password: Option<SecretBytes>,
        account_attributes: AccountAttributes,
        keys: RegistrationKeys,
    ) -> Self {
        Self {
            authorization,
            signal_agent: None,
            session_id,
            recovery_password,
            account_attributes,
            skip_device_transfer: false,
            aci_identity_key: keys.aci_identity_key,
            pni_identity_key: keys.pni_identity_key,
            aci_signed_pre_key: keys.aci_signed_pre_key,
            pni_signed_pre_key: keys.pni_signed_pre_key,
            aci_pq_last_resort_pre_key: keys.aci_pq_last_resort_pre_key,
            pni_pq_last_resort_pre_key: keys.pni_pq_last_resort_pre_key,
            apn_token: None,
            gcm_token: None,
        }
    }
}

/// The key material a registration uploads (both identities).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RegistrationKeys {
    /// The ACI identity key.
    pub aci_identity_key: IdentityKey,
    /// The PNI identity key.
    pub pni_identity_key: IdentityKey,
    /// Signed EC pre-key for the ACI.
    pub aci_signed_pre_key: EcSignedPreKey,
    /// Signed EC pre-key for the PNI.
    pub pni_signed_pre_key: EcSignedPreKey,
    /// Last-resort Kyber pre-key for the ACI.
    pub aci_pq_last_resort_pre_key: KemSignedPreKey,
    /// Last-resort Kyber pre-key for the PNI.
    pub pni_pq_last_resort_pre_key: KemSignedPreKey,
}

impl RegistrationKeys {
    /// The key material.
    pub fn new(
        aci_identity_key: IdentityKey,
        pni_identity_key: IdentityKey,
        aci_signed_pre_key: EcSignedPreKey,
        pni_signed_pre_key: EcSignedPreKey,
        aci_pq_last_resort_pre_key: KemSignedPreKey,
        pni_pq_last_resort_pre_key: KemSignedPreKey,
    ) -> Self {
        Self {
            aci_identity_key,
            pni_identity_key,
            aci_signed_pre_key,
            pni_signed_pre_key,
            aci_pq_last_resort_pre_key,
            pni_pq_last_resort_pre_key,
        }
    }
}

impl Endpoint for Register {
    type Response = AccountIdentityResponse;
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        "/v1/registration".into()
    }

    fn headers(&self) -> transport_core::Result<HeaderMap> {
        let mut headers = HeaderMap::new();
        if let Some(agent) = &self.signal_agent {
            insert_header(&mut headers, "x-signal-agent", agent)?;
        }
        Ok(headers)
    }

    fn body(&self) -> transport_core::Result<Body> {
        crate::api::validate::e164("authorization.username", &self.authorization.username)?;
        if self.session_id.is_some() == self.recovery_password.is_some() {
            return Err(transport_core::Error::invalid_input(
                "sessionId/recoveryPassword",
                "exactly one must be set",
            ));
        }
        self.account_attributes.validate()?;
        if self.account_attributes.pni_registration_id.is_none() {
            return Err(transport_core::Error::invalid_input(
                "accountAttributes.pniRegistrationId",
                "is required for registration",
            ));
        }
        Body::json(self)
    }

    fn auth(&self) -> EndpointAuth {
        EndpointAuth::Override(self.authorization.to_auth())
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for Register {
    const INFO: OperationInfo = OperationInfo::new(
        "register",
        "Registration",
        Self::METHOD,
        "/v1/registration",
        AuthMode::ExplicitAuthorization,
    )
    .with_errors(&[(423, ErrorBody::RegistrationLockFailure)]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    fn keys() -> RegistrationKeys {
        RegistrationKeys::new(
            IdentityKey::new(vec![5, 1]),
            IdentityKey::new(vec![5, 2]),
            EcSignedPreKey::new(1, vec![5], vec![1]),
            EcSignedPreKey::new(2, vec![5], vec![2]),
            KemSignedPreKey::new(3, vec![8], vec![3]),
            KemSignedPreKey::new(4, vec![8], vec![4]),
        )
    }

    fn attributes() -> AccountAttributes {
        let mut a = AccountAttributes::new(1234);
        a.pni_registration_id = Some(5678);
        a
    }

    #[test]
    fn request_with_session() {
        let op = Register::with_session(
            BasicAuthorization::new("+14155550100", "new-password"),
            "sess-1",
            attributes(),
            keys(),
        );
        assert_consistent(&op);
        assert!(!op.idempotent());
        let body = body_json(&op);
        assert_eq!(body["sessionId"], "sess-1");
        assert!(body.get("recoveryPassword").is_none());
        assert_eq!(body["skipDeviceTransfer"], false);
        assert_eq!(body["aciIdentityKey"], "BQE=");
        assert_eq!(body["pniIdentityKey"], "BQI=");
        assert_eq!(body["accountAttributes"]["pniRegistrationId"], 5678);
        assert_eq!(
            body["pniPqLastResortPreKey"],
            serde_json::json!({"keyId": 4, "publicKey": "CA==", "signature": "BA=="})
        );
        assert!(!format!("{op:?}").contains("new-password"));
    }

    #[test]
    fn request_with_recovery_password_and_validation() {
        let mut op = Register::with_recovery_password(
            BasicAuthorization::new("+14155550100", "pw"),
            vec![9u8; 32],
            attributes(),
            keys(),
        );
        op.signal_agent = Some("OWA".into());
        assert_eq!(op.headers().unwrap()["x-signal-agent"], "OWA");
        assert_eq!(
            body_json(&op)["recoveryPassword"],
            "CQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQk="
        );
        op.session_id = Some("also".into());
        assert!(op.body().unwrap_err().to_string().contains("exactly one"));
        let bad_number = Register::with_session(
            BasicAuthorization::new("me", "pw"),
            "s",
            attributes(),
            keys(),
        );
        assert!(bad_number.body().is_err());
        let no_pni = Register::with_session(
            BasicAuthorization::new("+14155550100", "pw"),
            "s",
            AccountAttributes::new(1),
            keys(),
        );
        assert!(
            no_pni
                .body()
                .unwrap_err()
                .to_string()
                .contains("pniRegistrationId")
        );
    }

    #[test]
    fn response_and_registration_lock() {
        let op = Register::with_session(
            BasicAuthorization::new("+14155550100", "pw"),
            "s",
            attributes(),
            keys(),
        );
        let r = parse(
            &op,
            200,
            r#"{"uuid":"9d0652a3-dcc3-4d11-975f-74d61598733f","number":"+14155550100","pni":"4f1e8f5a-4e61-4e4a-9a0e-2a1e2d3c4b5a","storageCapable":false}"#,
        )
        .unwrap();
        assert_eq!(r.number, "+14155550100");
        assert_eq!(
            Register::INFO.error_body(423),
            Some(ErrorBody::RegistrationLockFailure)
        );
        assert_eq!(parse(&op, 409, "").unwrap_err().status(), Some(409));
    }
}
