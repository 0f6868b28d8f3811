//! `PUT /v1/accounts/username_hash/confirm` — confirm a reserved username hash.

use crate::api::{Operation, OperationInfo, validate};
use crate::auth::AuthMode;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse};
use uuid::Uuid;

/// `PUT /v1/accounts/username_hash/confirm` (`confirmUsernameHash`) — for a previously reserved
/// username hash, confirms that it is now taken by this account. The body is the spec's
/// `ConfirmUsernameHashRequest`; all byte fields are URL-safe base64 without padding.
///
/// Errors: 409 (hash does not match the reservation), 410 (hash no longer available), 422.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ConfirmUsernameHash {
    /// The 32-byte username hash.
    #[serde(with = "crate::model::b64::url")]
    pub username_hash: Vec<u8>,
    /// The zero-knowledge proof that the hash belongs to a valid username.
    #[serde(with = "crate::model::b64::url")]
    pub zk_proof: Vec<u8>,
    /// The encrypted username to store for username links (1‥=128 bytes).
    #[serde(
        with = "crate::model::b64::url_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub encrypted_username: Option<Vec<u8>>,
}

impl ConfirmUsernameHash {
    /// Confirms `username_hash` with its proof.
    pub fn new(username_hash: impl Into<Vec<u8>>, zk_proof: impl Into<Vec<u8>>) -> Self {
        Self {
            username_hash: username_hash.into(),
            zk_proof: zk_proof.into(),
            encrypted_username: None,
        }
    }

    /// Also stores an encrypted username for username links.
    #[must_use]
    pub fn with_encrypted_username(mut self, encrypted: impl Into<Vec<u8>>) -> Self {
        self.encrypted_username = Some(encrypted.into());
        self
    }
}

/// The spec's `UsernameHashResponse`: the confirmed hash and the username link handle.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UsernameHashResponse {
    /// The confirmed username hash (URL-safe base64 on the wire).
    #[serde(default, with = "crate::model::b64::url")]
    pub username_hash: Vec<u8>,
    /// The handle for username links, if an encrypted username was stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username_link_handle: Option<Uuid>,
}

impl Endpoint for ConfirmUsernameHash {
    type Response = UsernameHashResponse;
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        "/v1/accounts/username_hash/confirm".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        validate::exact_len("usernameHash", self.username_hash.len(), 32)?;
        if let Some(encrypted) = &self.encrypted_username {
            validate::len_range("encryptedUsername", encrypted.len(), 1, 128)?;
        }
        Body::json(self)
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for ConfirmUsernameHash {
    const INFO: OperationInfo = OperationInfo::new(
        "confirmUsernameHash",
        "Account",
        Self::METHOD,
        "/v1/accounts/username_hash/confirm",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_body_is_url_safe_base64() {
        let op = ConfirmUsernameHash::new(vec![0xff; 32], vec![0xfb, 0xef])
            .with_encrypted_username(vec![1, 2, 3]);
        assert_consistent(&op);
        assert_eq!(
            body_json(&op),
            serde_json::json!({
                "usernameHash": "__________________________________________8",
                "zkProof": "--8",
                "encryptedUsername": "AQID"
            })
        );
        let short = ConfirmUsernameHash::new(vec![0; 31], vec![]);
        assert!(
            short
                .body()
                .unwrap_err()
                .to_string()
                .contains("usernameHash")
        );
    }

    #[test]
    fn response() {
        let op = ConfirmUsernameHash::new(vec![0; 32], vec![]);
        let r = parse(
            &op,
            200,
            r#"{"usernameHash":"AAEC","usernameLinkHandle":"9d0652a3-dcc3-4d11-975f-74d61598733f"}"#,
        )
        .unwrap();
        assert_eq!(r.username_hash, vec![0, 1, 2]);
        assert!(r.username_link_handle.is_some());
        assert_eq!(parse(&op, 409, "").unwrap_err().status(), Some(409));
    }
}
