//! `PUT /v2/keys` — uploads new pre-keys for this device.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::model::{EcPreKey, EcSignedPreKey, IdentityType, KemSignedPreKey};
use serde::Serialize;
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse};

/// `PUT /v2/keys` (`setKeys`) — uploads new pre-keys for this device.
///
/// Each list that is present and non-empty replaces the stored keys of its kind. The spec declares
/// no request body; the server reads `SetKeysRequest`, which is what is sent. 403 when a linked
/// device tries to change the identity key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SetKeys {
    /// Which identity (`identity` query parameter).
    #[serde(skip)]
    pub identity: IdentityType,
    /// One-time EC pre-keys (replace the stored ones when non-empty).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pre_keys: Vec<EcPreKey>,
    /// A new signed EC pre-key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed_pre_key: Option<EcSignedPreKey>,
    /// One-time Kyber pre-keys (replace the stored ones when non-empty).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pq_pre_keys: Vec<KemSignedPreKey>,
    /// A new last-resort Kyber pre-key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pq_last_resort_pre_key: Option<KemSignedPreKey>,
}

impl SetKeys {
    /// An upload for `identity`; fill in the keys to replace.
    pub fn new(identity: IdentityType) -> Self {
        Self {
            identity,
            ..Self::default()
        }
    }
}

impl Endpoint for SetKeys {
    type Response = ();
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        "/v2/keys".into()
    }

    fn query(&self) -> Vec<(Cow<'static, str>, String)> {
        vec![("identity".into(), self.identity.as_query().to_owned())]
    }

    fn body(&self) -> transport_core::Result<Body> {
        if self.pre_keys.is_empty()
            && self.signed_pre_key.is_none()
            && self.pq_pre_keys.is_empty()
            && self.pq_last_resort_pre_key.is_none()
        {
            return Err(transport_core::Error::invalid_input(
                "SetKeysRequest",
                "at least one kind of key must be present",
            ));
        }
        Body::json(self)
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for SetKeys {
    const INFO: OperationInfo =
        OperationInfo::new("setKeys", "Keys", Self::METHOD, "/v2/keys", AuthMode::Basic);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request() {
        let mut op = SetKeys::new(IdentityType::Aci);
        assert!(op.body().is_err());
        op.pre_keys = vec![EcPreKey::new(1, vec![5, 1])];
        op.pq_last_resort_pre_key = Some(KemSignedPreKey::new(9, vec![8], vec![9]));
        assert_consistent(&op);
        assert_eq!(query_string(&op), "identity=aci");
        assert_eq!(
            body_json(&op),
            serde_json::json!({
                "preKeys": [{"keyId": 1, "publicKey": "BQE="}],
                "pqLastResortPreKey": {"keyId": 9, "publicKey": "CA==", "signature": "CQ=="}
            })
        );
        parse(&op, 200, "").unwrap();
        assert_eq!(parse(&op, 403, "").unwrap_err().status(), Some(403));
    }
}
