//! `GET /v2/keys/{identifier}/{device_id}` — another user's identity key and pre-keys.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::auth::{UnidentifiedAccessKey, access_key_auth, access_key_headers};
use crate::model::{DeviceId, EcPreKey, EcSignedPreKey, IdentityKey, KemSignedPreKey, ServiceId};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, EndpointAuth, HeaderMap, Method, RawResponse, segment};

/// `GET /v2/keys/{identifier}/{device_id}` (`getDeviceKeys`) — another user's identity key and pre-
/// keys.
///
/// Fetches the identity key and one pre-key bundle per device (or for one device) of an ACI or PNI.
/// Authenticated with the account, or, for sealed sender, with the target's unidentified access key
/// and no credentials. 404 when the identity or device does not exist.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetDeviceKeys {
    /// The ACI or PNI.
    pub identifier: ServiceId,
    /// One device or all of them (`*`).
    pub device: DeviceSelector,
    /// For sealed sender: the target's access key (sent instead of credentials).
    pub access_key: Option<UnidentifiedAccessKey>,
}

impl GetDeviceKeys {
    /// Keys of all devices of `identifier`.
    pub fn new(identifier: impl Into<ServiceId>) -> Self {
        Self {
            identifier: identifier.into(),
            device: DeviceSelector::All,
            access_key: None,
        }
    }

    /// Only device `device_id`.
    #[must_use]
    pub fn device(mut self, device_id: DeviceId) -> Self {
        self.device = DeviceSelector::One(device_id);
        self
    }

    /// Authenticates with `access_key` (sealed sender) instead of the account.
    #[must_use]
    pub fn with_access_key(mut self, access_key: UnidentifiedAccessKey) -> Self {
        self.access_key = Some(access_key);
        self
    }
}

/// Which devices' keys to fetch: the `{device_id}` path segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DeviceSelector {
    /// `*`: every enabled device.
    All,
    /// One device.
    One(DeviceId),
}

impl std::fmt::Display for DeviceSelector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::All => f.write_str("*"),
            Self::One(id) => id.fmt(f),
        }
    }
}

/// The spec's `PreKeyResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PreKeyResponse {
    /// The identity key (base64 on the wire; the spec shows an object).
    #[serde(default)]
    pub identity_key: IdentityKey,
    /// One entry per device.
    #[serde(default)]
    pub devices: Vec<PreKeyResponseItem>,
}

/// The spec's `PreKeyResponseItem`: one device's pre-keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PreKeyResponseItem {
    /// The device (an integer on the wire).
    pub device_id: DeviceId,
    /// Its registration id.
    #[serde(default)]
    pub registration_id: u32,
    /// Its signed EC pre-key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_pre_key: Option<EcSignedPreKey>,
    /// A one-time EC pre-key, if any are left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pre_key: Option<EcPreKey>,
    /// A Kyber pre-key (one-time, or the last-resort key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pq_pre_key: Option<KemSignedPreKey>,
}

impl PreKeyResponseItem {
    /// An entry for `device_id`.
    pub fn new(device_id: DeviceId, registration_id: u32) -> Self {
        Self {
            device_id,
            registration_id,
            signed_pre_key: None,
            pre_key: None,
            pq_pre_key: None,
        }
    }
}

impl Endpoint for GetDeviceKeys {
    type Response = PreKeyResponse;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        format!(
            "/v2/keys/{}/{}",
            segment(&self.identifier.to_string()),
            self.device
        )
        .into()
    }

    fn headers(&self) -> transport_core::Result<HeaderMap> {
        access_key_headers(self.access_key.as_ref())
    }

    fn auth(&self) -> EndpointAuth {
        access_key_auth(self.access_key.as_ref())
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for GetDeviceKeys {
    const INFO: OperationInfo = OperationInfo::new(
        "getDeviceKeys",
        "Keys",
        Self::METHOD,
        "/v2/keys/{identifier}/{device_id}",
        AuthMode::BasicOrAccessKey,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;
    use crate::auth::UNIDENTIFIED_ACCESS_KEY;

    #[test]
    fn account_auth_and_all_devices() {
        let id: ServiceId = "PNI:9d0652a3-dcc3-4d11-975f-74d61598733f".parse().unwrap();
        let op = GetDeviceKeys::new(id);
        assert_consistent(&op);
        assert_eq!(
            op.path(),
            "/v2/keys/PNI:9d0652a3-dcc3-4d11-975f-74d61598733f/*"
        );
        assert!(matches!(op.auth(), EndpointAuth::Client));
    }

    #[test]
    fn sealed_sender_access_key() {
        let id: ServiceId = "9d0652a3-dcc3-4d11-975f-74d61598733f".parse().unwrap();
        let op = GetDeviceKeys::new(id)
            .device(DeviceId::new(2).unwrap())
            .with_access_key(UnidentifiedAccessKey::new([7; 16]));
        assert_consistent(&op);
        assert_eq!(op.path(), "/v2/keys/9d0652a3-dcc3-4d11-975f-74d61598733f/2");
        assert!(matches!(op.auth(), EndpointAuth::None));
        assert_eq!(
            op.headers().unwrap()[UNIDENTIFIED_ACCESS_KEY],
            "BwcHBwcHBwcHBwcHBwcHBw=="
        );
    }

    #[test]
    fn response() {
        let op = GetDeviceKeys::new(
            "9d0652a3-dcc3-4d11-975f-74d61598733f"
                .parse::<ServiceId>()
                .unwrap(),
        );
        let r = parse(
            &op,
            200,
            r#"{"identityKey":"BQE=","devices":[{"deviceId":1,"registrationId":4321,
                "signedPreKey":{"keyId":2,"publicKey":"BQI=","signature":"AQ=="},
                "preKey":{"keyId":3,"publicKey":"BQM="},
                "pqPreKey":{"keyId":4,"publicKey":"CAQ=","signature":"Ag=="}}]}"#,
        )
        .unwrap();
        assert_eq!(r.identity_key.as_bytes(), &[5, 1]);
        let d = &r.devices[0];
        assert_eq!((d.device_id, d.registration_id), (DeviceId::PRIMARY, 4321));
        assert_eq!(d.pre_key.as_ref().unwrap().key_id, 3);
        assert_eq!(d.pq_pre_key.as_ref().unwrap().public_key, vec![8, 4]);
        assert_eq!(parse(&op, 404, "").unwrap_err().status(), Some(404));
    }
}
