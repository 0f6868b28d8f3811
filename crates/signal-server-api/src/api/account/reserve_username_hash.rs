//! `PUT /v1/accounts/username_hash/reserve` — reserve one of several username hashes.

use crate::api::{Operation, OperationInfo, validate};
use crate::auth::AuthMode;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse};

/// `PUT /v1/accounts/username_hash/reserve` (`reserveUsernameHash`) — takes candidate
/// username hashes (1‥=20, 32 bytes each, URL-safe base64 on the wire), finds one that is not
/// taken and reserves it. 409 when all are taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ReserveUsernameHash {
    /// The candidate hashes, in order of preference.
    #[serde(with = "crate::model::b64::url_vec")]
    pub username_hashes: Vec<Vec<u8>>,
}

impl ReserveUsernameHash {
    /// Reserves one of `username_hashes`.
    pub fn new(username_hashes: Vec<Vec<u8>>) -> Self {
        Self { username_hashes }
    }
}

/// The spec's `ReserveUsernameHashResponse`: the reserved hash.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ReserveUsernameHashResponse {
    /// The reserved hash (URL-safe base64 on the wire).
    #[serde(default, with = "crate::model::b64::url")]
    pub username_hash: Vec<u8>,
}

impl Endpoint for ReserveUsernameHash {
    type Response = ReserveUsernameHashResponse;
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        "/v1/accounts/username_hash/reserve".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        validate::len_range("usernameHashes", self.username_hashes.len(), 1, 20)?;
        for (i, hash) in self.username_hashes.iter().enumerate() {
            validate::exact_len(&format!("usernameHashes[{i}]"), hash.len(), 32)?;
        }
        Body::json(self)
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for ReserveUsernameHash {
    const INFO: OperationInfo = OperationInfo::new(
        "reserveUsernameHash",
        "Account",
        Self::METHOD,
        "/v1/accounts/username_hash/reserve",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_is_a_list_of_base64url_strings() {
        let op = ReserveUsernameHash::new(vec![vec![0xfb; 32], vec![0; 32]]);
        assert_consistent(&op);
        assert_eq!(
            body_json(&op),
            serde_json::json!({"usernameHashes": [
                "-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_s",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            ]})
        );
        let err = ReserveUsernameHash::new(vec![vec![0; 32], vec![0; 3]])
            .body()
            .unwrap_err();
        assert!(err.to_string().contains("usernameHashes[1]"), "{err}");
        assert!(ReserveUsernameHash::new(vec![]).body().is_err());
    }

    #[test]
    fn response() {
        let op = ReserveUsernameHash::new(vec![vec![0; 32]]);
        let r = parse(&op, 200, r#"{"usernameHash":"AAAA"}"#).unwrap();
        assert_eq!(r.username_hash, vec![0, 0, 0]);
        assert_eq!(parse(&op, 409, "").unwrap_err().status(), Some(409));
    }
}
