//! `PUT /v2/accounts/phone_number_identity_key_distribution` — rotate the PNI key material.

use crate::api::{ErrorBody, Operation, OperationInfo, validate};
use crate::auth::AuthMode;
use crate::model::{
    AccountIdentityResponse, DeviceId, EcSignedPreKey, IdentityKey, IncomingMessage,
    KemSignedPreKey,
};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use transport_core::http::{Body, Endpoint, Method, RawResponse};

/// `PUT /v2/accounts/phone_number_identity_key_distribution`
/// (`distributePhoneNumberIdentityKeys`) — updates the phone-number identity's keys for all
/// devices and sends a sync message to each linked device (the spec's
/// `PhoneNumberIdentityKeyDistributionRequest`). Primary device only (403 otherwise). Typed
/// errors: 409 mismatched devices, 410 stale devices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DistributePhoneNumberIdentityKeys {
    /// The new PNI identity key.
    pub pni_identity_key: IdentityKey,
    /// One sync message per linked device.
    pub device_messages: Vec<IncomingMessage>,
    /// A new signed EC pre-key per device, keyed by device id.
    pub device_pni_signed_prekeys: BTreeMap<DeviceId, EcSignedPreKey>,
    /// A new last-resort Kyber pre-key per device, keyed by device id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_pni_pq_last_resort_prekeys: Option<BTreeMap<DeviceId, KemSignedPreKey>>,
    /// The new PNI registration id per device.
    pub pni_registration_ids: BTreeMap<DeviceId, u32>,
}

impl DistributePhoneNumberIdentityKeys {
    /// A key distribution.
    pub fn new(
        pni_identity_key: IdentityKey,
        device_messages: Vec<IncomingMessage>,
        device_pni_signed_prekeys: BTreeMap<DeviceId, EcSignedPreKey>,
        pni_registration_ids: BTreeMap<DeviceId, u32>,
    ) -> Self {
        Self {
            pni_identity_key,
            device_messages,
            device_pni_signed_prekeys,
            device_pni_pq_last_resort_prekeys: None,
            pni_registration_ids,
        }
    }
}

impl Endpoint for DistributePhoneNumberIdentityKeys {
    type Response = AccountIdentityResponse;
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        "/v2/accounts/phone_number_identity_key_distribution".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        for (device, id) in &self.pni_registration_ids {
            validate::registration_id(&format!("pniRegistrationIds[{device}]"), *id)?;
        }
        Body::json(self)
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

    #[test]
    fn request_and_response() {
        let d1 = DeviceId::PRIMARY;
        let mut op = DistributePhoneNumberIdentityKeys::new(
            IdentityKey::new(vec![5, 2]),
            vec![],
            BTreeMap::from([(d1, EcSignedPreKey::new(7, vec![5], vec![6]))]),
            BTreeMap::from([(d1, 16383)]),
        );
        op.device_pni_pq_last_resort_prekeys = Some(BTreeMap::from([(
            d1,
            KemSignedPreKey::new(8, vec![8], vec![9]),
        )]));
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
        op.pni_registration_ids.insert(d1, 0);
        assert!(op.body().is_err());
    }
}
