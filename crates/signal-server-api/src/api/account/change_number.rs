//! `PUT /v2/accounts/number` — change the account's phone number.

use crate::api::{ErrorBody, Operation, OperationInfo, validate};
use crate::auth::AuthMode;
use crate::model::{AccountIdentityResponse, PhoneNumberIdentityKeys, SecretBytes};
use serde::Serialize;
use std::borrow::Cow;
use transport_core::Secret;
use transport_core::http::{Body, Endpoint, Method, RawResponse};

/// `PUT /v2/accounts/number` (`changeNumber`) — changes the account's phone number, rotating
/// the phone-number identity: a new PNI identity key, signed pre-keys and registration ids for
/// every device, and one sync message per linked device (the spec's `ChangeNumberRequest`).
///
/// Authenticate the new number with **either** a verification `sessionId` or a
/// `recoveryPassword`. Typed errors: 409 [`MismatchedDevices`](crate::Error::MismatchedDevices),
/// 410 [`StaleDevices`](crate::Error::StaleDevices), 423
/// [`RegistrationLocked`](crate::Error::RegistrationLocked). The server makes the call
/// idempotent for the same number, so it is retried like any `PUT`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChangeNumber {
    /// The new number (E.164).
    pub number: String,
    /// A verified verification session for the new number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    /// The registration recovery password for the new number (base64 on the wire).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recovery_password: Option<SecretBytes>,
    /// The registration lock token of the new number, if it is locked.
    #[serde(
        with = "crate::model::secret_string::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub reglock: Option<Secret>,
    /// The new PNI key material.
    #[serde(flatten)]
    pub keys: PhoneNumberIdentityKeys,
}

impl ChangeNumber {
    /// A number change to `number` with the new PNI key material; set
    /// [`session_id`](Self::session_id) or [`recovery_password`](Self::recovery_password).
    pub fn new(number: impl Into<String>, keys: PhoneNumberIdentityKeys) -> Self {
        Self {
            number: number.into(),
            session_id: None,
            recovery_password: None,
            reglock: None,
            keys,
        }
    }
}

impl Endpoint for ChangeNumber {
    type Response = AccountIdentityResponse;
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        "/v2/accounts/number".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        validate::e164("number", &self.number)?;
        if self.session_id.is_some() == self.recovery_password.is_some() {
            return Err(transport_core::Error::invalid_input(
                "sessionId/recoveryPassword",
                "exactly one must be set",
            ));
        }
        self.keys.validate()?;
        if let Some(lock) = &self.reglock {
            validate::registration_lock("reglock", lock)?;
        }
        Body::json(self)
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for ChangeNumber {
    const INFO: OperationInfo = OperationInfo::new(
        "changeNumber",
        "Account",
        Self::METHOD,
        "/v2/accounts/number",
        AuthMode::Basic,
    )
    .with_errors(&[
        (409, ErrorBody::MismatchedDevices),
        (410, ErrorBody::StaleDevices),
        (423, ErrorBody::RegistrationLockFailure),
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;
    use crate::model::{DeviceId, EcSignedPreKey, EnvelopeType, IdentityKey, IncomingMessage};
    use std::collections::BTreeMap;

    fn op() -> ChangeNumber {
        let d1 = DeviceId::PRIMARY;
        let d2 = DeviceId::new(2).unwrap();
        let mut keys = PhoneNumberIdentityKeys::new(
            IdentityKey::new(vec![5, 1]),
            BTreeMap::from([
                (d1, EcSignedPreKey::new(1, vec![5], vec![1])),
                (d2, EcSignedPreKey::new(2, vec![5], vec![2])),
            ]),
            BTreeMap::from([(d1, 100), (d2, 200)]),
        );
        keys.device_messages = vec![IncomingMessage::new(
            EnvelopeType::Ciphertext,
            d2,
            200,
            vec![9],
        )];
        let mut op = ChangeNumber::new("+4915112345678", keys);
        op.session_id = Some("session-1".into());
        op
    }

    #[test]
    fn request_body_keys_devices_by_string_ids() {
        let op = op();
        assert_consistent(&op);
        assert_eq!(
            body_json(&op),
            serde_json::json!({
                "number": "+4915112345678",
                "sessionId": "session-1",
                "pniIdentityKey": "BQE=",
                "deviceMessages": [{"type": 1, "destinationDeviceId": 2, "destinationRegistrationId": 200, "content": "CQ=="}],
                "devicePniSignedPrekeys": {
                    "1": {"keyId": 1, "publicKey": "BQ==", "signature": "AQ=="},
                    "2": {"keyId": 2, "publicKey": "BQ==", "signature": "Ag=="}
                },
                "pniRegistrationIds": {"1": 100, "2": 200}
            })
        );
    }

    #[test]
    fn validation() {
        let mut both = op();
        both.recovery_password = Some(SecretBytes::from([1u8; 32]));
        assert!(both.body().unwrap_err().to_string().contains("exactly one"));
        let mut bad_number = op();
        bad_number.number = "015112345678".into();
        assert!(bad_number.body().is_err());
    }

    #[test]
    fn response_and_typed_errors_declared() {
        let op = op();
        let r = parse(
            &op,
            200,
            r#"{"uuid":"9d0652a3-dcc3-4d11-975f-74d61598733f","number":"+4915112345678","pni":"4f1e8f5a-4e61-4e4a-9a0e-2a1e2d3c4b5a","storageCapable":false}"#,
        )
        .unwrap();
        assert_eq!(r.number, "+4915112345678");
        assert_eq!(
            ChangeNumber::INFO.error_body(423),
            Some(ErrorBody::RegistrationLockFailure)
        );
        assert_eq!(parse(&op, 409, "{}").unwrap_err().status(), Some(409));
    }
}
