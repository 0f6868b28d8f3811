//! `PUT /v2/accounts/phone_number_identity_key_distribution` — rotate the PNI key material.

use crate::api::{ErrorBody, Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::model::{AccountIdentityResponse, PhoneNumberIdentityKeys};
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse};

/// `PUT /v2/accounts/phone_number_identity_key_distribution`
/// (`distributePhoneNumberIdentityKeys`) — updates the phone-number identity's keys for all
/// devices and sends a sync message to each linked device (the body is the spec's
/// `PhoneNumberIdentityKeyDistributionRequest`, i.e. [`PhoneNumberIdentityKeys`]). Primary
/// device only (403 otherwise). Typed errors: 409 mismatched devices, 410 stale devices.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DistributePhoneNumberIdentityKeys {
    /// The new key material.
    pub keys: PhoneNumberIdentityKeys,
}

impl DistributePhoneNumberIdentityKeys {
    /// Distributes `keys`.
    pub fn new(keys: PhoneNumberIdentityKeys) -> Self {
        Self { keys }
    }
}

impl Endpoint for DistributePhoneNumberIdentityKeys {
    type Response = AccountIdentityResponse;
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        "/v2/accounts/phone_number_identity_key_distribution".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        self.keys.validate()?;
        Body::json(&self.keys)
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for DistributePhoneNumberIdentityKeys {
    const INFO: OperationInfo = OperationInfo::new(
        "distributePhoneNumberIdentityKeys",
        "Account",
        Self::METHOD,
        "/v2/accounts/phone_number_identity_key_distribution",
        AuthMode::Basic,
    )
    .with_errors(&[
        (409, ErrorBody::MismatchedDevices),
        (410, ErrorBody::StaleDevices),
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;
    use crate::model::{DeviceId, EcSignedPreKey, IdentityKey, KemSignedPreKey};
    use std::collections::BTreeMap;

    #[test]
    fn request_and_response() {
        let d1 = DeviceId::PRIMARY;
        let mut keys = PhoneNumberIdentityKeys::new(
            IdentityKey::new(vec![5, 2]),
            BTreeMap::from([(d1, EcSignedPreKey::new(7, vec![5], vec![6]))]),
            BTreeMap::from([(d1, 16383)]),
        );
        keys.device_pni_pq_last_resort_prekeys = Some(BTreeMap::from([(
            d1,
            KemSignedPreKey::new(8, vec![8], vec![9]),
        )]));
        let mut op = DistributePhoneNumberIdentityKeys::new(keys);
        assert_consistent(&op);
        assert_eq!(
            body_json(&op),
            serde_json::json!({
                "pniIdentityKey": "BQI=",
                "deviceMessages": [],
                "devicePniSignedPrekeys": {"1": {"keyId": 7, "publicKey": "BQ==", "signature": "Bg=="}},
                "devicePniPqLastResortPrekeys": {"1": {"keyId": 8, "publicKey": "CA==", "signature": "CQ=="}},
                "pniRegistrationIds": {"1": 16383}
            })
        );
        let r = parse(
            &op,
            200,
            r#"{"uuid":"9d0652a3-dcc3-4d11-975f-74d61598733f","number":"+1","storageCapable":true}"#,
        )
        .unwrap();
        assert!(r.storage_capable);
        op.keys.pni_registration_ids.insert(d1, 0);
        assert!(op.body().is_err());
    }
}
