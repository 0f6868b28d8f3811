//! `POST /v2/keys/check` — do client and server agree on the repeated-use keys?

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::model::IdentityType;
use serde::Serialize;
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse};

/// `POST /v2/keys/check` (`checkKeys`) — do client and server agree on the repeated-use keys?
///
/// Sends a SHA-256 digest of the identity key, signed EC pre-key and last-resort Kyber pre-key (ids
/// and bytes) for one identity; the server answers 200 when its view matches and 409 when it does
/// not, returned here as `true` / `false`. The spec declares no request body; the server reads
/// `CheckKeysRequest` (`identityType`, `digest`), which is what is sent. Read-only, so this `POST`
/// is retried like an idempotent call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CheckKeys {
    /// Which identity's keys.
    pub identity_type: IdentityType,
    /// The 32-byte digest (standard base64 on the wire).
    #[serde(with = "crate::model::b64::standard")]
    pub digest: Vec<u8>,
}

impl CheckKeys {
    /// Checks `digest` for `identity_type`.
    pub fn new(identity_type: IdentityType, digest: impl Into<Vec<u8>>) -> Self {
        Self {
            identity_type,
            digest: digest.into(),
        }
    }
}

impl Endpoint for CheckKeys {
    type Response = bool;
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        "/v2/keys/check".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        crate::api::validate::exact_len("digest", self.digest.len(), 32)?;
        Body::json(self)
    }

    fn idempotent(&self) -> bool {
        true
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        match response.status.as_u16() {
            409 => Ok(false),
            _ => response.success().map(|_| true),
        }
    }
}

impl Operation for CheckKeys {
    const INFO: OperationInfo = OperationInfo::new(
        "checkKeys",
        "Keys",
        Self::METHOD,
        "/v2/keys/check",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_outcomes() {
        let op = CheckKeys::new(IdentityType::Pni, vec![0xab; 32]);
        assert_consistent(&op);
        assert_eq!(
            body_json(&op),
            serde_json::json!({"identityType": "PNI", "digest": "q6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6s="})
        );
        assert!(parse(&op, 200, "").unwrap());
        assert!(!parse(&op, 409, "").unwrap());
        assert_eq!(parse(&op, 422, "").unwrap_err().status(), Some(422));
        assert!(
            CheckKeys::new(IdentityType::Aci, vec![0; 31])
                .body()
                .is_err()
        );
    }
}
