//! `PUT /v2/keys/signed` — uploads a new signed EC pre-key (deprecated).

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::model::{EcSignedPreKey, IdentityType};
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse};

/// `PUT /v2/keys/signed` (`setSignedKey`) — uploads a new signed EC pre-key (deprecated).
///
/// Deprecated upstream in favour of `PUT /v2/keys`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SetSignedKey {
    /// Which identity (`identity` query parameter).
    pub identity: IdentityType,
    /// The signed pre-key.
    pub key: EcSignedPreKey,
}

impl SetSignedKey {
    /// Uploads `key` for `identity`.
    pub fn new(identity: IdentityType, key: EcSignedPreKey) -> Self {
        Self { identity, key }
    }
}

impl Endpoint for SetSignedKey {
    type Response = ();
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        "/v2/keys/signed".into()
    }

    fn query(&self) -> Vec<(Cow<'static, str>, String)> {
        vec![("identity".into(), self.identity.as_query().to_owned())]
    }

    fn body(&self) -> transport_core::Result<Body> {
        Body::json(&self.key)
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.empty()
    }
}

impl Operation for SetSignedKey {
    const INFO: OperationInfo = OperationInfo::new(
        "setSignedKey",
        "Keys",
        Self::METHOD,
        "/v2/keys/signed",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request() {
        let op = SetSignedKey::new(IdentityType::Pni, EcSignedPreKey::new(5, vec![5], vec![6]));
        assert_consistent(&op);
        assert_eq!(query_string(&op), "identity=pni");
        assert_eq!(
            body_json(&op),
            serde_json::json!({"keyId": 5, "publicKey": "BQ==", "signature": "Bg=="})
        );
        parse(&op, 200, "").unwrap();
    }
}
