//! `PUT /v1/devices/link` — links a new device to an account.

use crate::api::{ErrorBody, Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::auth::BasicAuthorization;
use crate::model::{
    AccountAttributes, Aci, ApnRegistrationId, DeviceId, EcSignedPreKey, GcmRegistrationId,
    KemSignedPreKey, Pni,
};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::Secret;
use transport_core::http::{Body, Endpoint, EndpointAuth, Method, RawResponse};

/// `PUT /v1/devices/link` (`linkDevice`) — links a new device to an account.
///
/// Called by the **new** device with an explicit `Authorization: Basic` header (the account's
/// number and the new device's password) and the verification code from the primary device (the
/// spec's `LinkDeviceRequest`). The code is single-use, so the call is never retried after a
/// response. Typed error: 411 [`DeviceLimitExceeded`](crate::Error::DeviceLimitExceeded); 403 wrong
/// code, 422 invalid keys, 429 rate limited.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LinkDevice {
    /// The new device's credentials for the `Authorization` header.
    #[serde(skip)]
    pub authorization: BasicAuthorization,
    /// The code from `GET /v1/devices/provisioning/code`.
    #[serde(with = "crate::model::secret_string::required")]
    pub verification_code: Secret,
    /// The new device's attributes.
    pub account_attributes: AccountAttributes,
    /// Signed EC pre-key for the ACI.
    pub aci_signed_pre_key: EcSignedPreKey,
    /// Signed EC pre-key for the PNI.
    pub pni_signed_pre_key: EcSignedPreKey,
    /// Last-resort Kyber pre-key for the ACI.
    pub aci_pq_last_resort_pre_key: KemSignedPreKey,
    /// Last-resort Kyber pre-key for the PNI.
    pub pni_pq_last_resort_pre_key: KemSignedPreKey,
    /// APNs token, for iOS devices.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apn_token: Option<ApnRegistrationId>,
    /// FCM token, for Android devices.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gcm_token: Option<GcmRegistrationId>,
}

impl LinkDevice {
    /// A link request; push tokens are optional.
    pub fn new(
        authorization: BasicAuthorization,
        verification_code: impl Into<Secret>,
        account_attributes: AccountAttributes,
        aci_signed_pre_key: EcSignedPreKey,
        pni_signed_pre_key: EcSignedPreKey,
        aci_pq_last_resort_pre_key: KemSignedPreKey,
        pni_pq_last_resort_pre_key: KemSignedPreKey,
    ) -> Self {
        Self {
            authorization,
            verification_code: verification_code.into(),
            account_attributes,
            aci_signed_pre_key,
            pni_signed_pre_key,
            aci_pq_last_resort_pre_key,
            pni_pq_last_resort_pre_key,
            apn_token: None,
            gcm_token: None,
        }
    }
}

/// The spec's `DeviceResponse`: the new device's identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DeviceResponse {
    /// The account's ACI.
    pub uuid: Aci,
    /// The account's PNI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pni: Option<Pni>,
    /// The new device's id (an integer on the wire; the spec says "string/format byte").
    pub device_id: DeviceId,
}

impl DeviceResponse {
    /// A response for device `device_id` of `uuid`.
    pub fn new(uuid: Aci, device_id: DeviceId) -> Self {
        Self {
            uuid,
            pni: None,
            device_id,
        }
    }
}

impl Endpoint for LinkDevice {
    type Response = DeviceResponse;
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        "/v1/devices/link".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        crate::api::validate::not_empty("verificationCode", self.verification_code.expose())?;
        self.account_attributes.validate()?;
        Body::json(self)
    }

    fn auth(&self) -> EndpointAuth {
        EndpointAuth::Override(self.authorization.to_auth())
    }

    fn idempotent(&self) -> bool {
        false
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for LinkDevice {
    const INFO: OperationInfo = OperationInfo::new(
        "linkDevice",
        "Devices",
        Self::METHOD,
        "/v1/devices/link",
        AuthMode::ExplicitAuthorization,
    )
    .with_errors(&[(411, ErrorBody::DeviceLimit)]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    fn op() -> LinkDevice {
        LinkDevice::new(
            BasicAuthorization::new("+14155550100", "new-device-pw"),
            "code-1",
            AccountAttributes::new(77),
            EcSignedPreKey::new(1, vec![5], vec![1]),
            EcSignedPreKey::new(2, vec![5], vec![2]),
            KemSignedPreKey::new(3, vec![8], vec![3]),
            KemSignedPreKey::new(4, vec![8], vec![4]),
        )
    }

    #[test]
    fn request_uses_explicit_authorization() {
        let mut op = op();
        op.gcm_token = Some(GcmRegistrationId::new("fcm"));
        assert_consistent(&op);
        assert!(!op.idempotent());
        let body = body_json(&op);
        assert_eq!(body["verificationCode"], "code-1");
        assert_eq!(body["accountAttributes"]["registrationId"], 77);
        assert_eq!(
            body["aciSignedPreKey"],
            serde_json::json!({"keyId": 1, "publicKey": "BQ==", "signature": "AQ=="})
        );
        assert_eq!(body["pniPqLastResortPreKey"]["keyId"], 4);
        assert_eq!(
            body["gcmToken"],
            serde_json::json!({"gcmRegistrationId": "fcm"})
        );
        assert!(body.get("apnToken").is_none() && body.get("authorization").is_none());
        assert!(!format!("{op:?}").contains("new-device-pw"));
        assert!(!format!("{op:?}").contains("code-1"));
    }

    #[test]
    fn response_and_device_limit() {
        let op = op();
        let r = parse(
            &op,
            200,
            r#"{"uuid":"9d0652a3-dcc3-4d11-975f-74d61598733f","pni":"4f1e8f5a-4e61-4e4a-9a0e-2a1e2d3c4b5a","deviceId":3}"#,
        )
        .unwrap();
        assert_eq!(r.device_id.get(), 3);
        assert_eq!(
            LinkDevice::INFO.error_body(411),
            Some(ErrorBody::DeviceLimit)
        );
        assert_eq!(
            parse(&op, 411, r#"{"current":5,"max":5}"#)
                .unwrap_err()
                .status(),
            Some(411)
        );
    }
}
