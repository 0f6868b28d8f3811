//! `GET /v1/accounts/username_hash/{usernameHash}` — find the account with a username hash.

use crate::api::{Operation, OperationInfo, no_account_auth, validate};
use crate::auth::AuthMode;
use crate::model::Aci;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, EndpointAuth, Method, RawResponse};

/// `GET /v1/accounts/username_hash/{usernameHash}` (`lookupUsernameHash`) — looks up the ACI
/// for a username hash. Enforced unauthenticated (no credentials sent). The hash goes into the
/// path as URL-safe base64 without padding. 404 when no account has it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct LookupUsernameHash {
    /// The 32-byte username hash.
    pub username_hash: Vec<u8>,
}

impl LookupUsernameHash {
    /// Looks up `username_hash`.
    pub fn new(username_hash: impl Into<Vec<u8>>) -> Self {
        Self {
            username_hash: username_hash.into(),
        }
    }
}

/// The spec's `AccountIdentifierResponse`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AccountIdentifierResponse {
    /// The account's ACI.
    pub uuid: Aci,
}

impl AccountIdentifierResponse {
    /// A response naming `uuid`.
    pub fn new(uuid: Aci) -> Self {
        Self { uuid }
    }
}

impl Endpoint for LookupUsernameHash {
    type Response = AccountIdentifierResponse;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        // URL-safe base64 needs no percent-encoding.
        format!(
            "/v1/accounts/username_hash/{}",
            crate::model::b64::encode_url(&self.username_hash)
        )
        .into()
    }

    fn headers(&self) -> transport_core::Result<transport_core::http::HeaderMap> {
        // Validate here too, so a bad hash fails before any I/O on a GET (no body).
        validate::exact_len("usernameHash", self.username_hash.len(), 32)?;
        Ok(transport_core::http::HeaderMap::new())
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for LookupUsernameHash {
    const INFO: OperationInfo = OperationInfo::new(
        "lookupUsernameHash",
        "Account",
        Self::METHOD,
        "/v1/accounts/username_hash/{usernameHash}",
        AuthMode::MustNotAuthenticate,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = LookupUsernameHash::new(vec![0xfb; 32]);
        assert_consistent(&op);
        assert_eq!(
            op.path(),
            "/v1/accounts/username_hash/-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_s"
        );
        let r = parse(
            &op,
            200,
            r#"{"uuid":"9d0652a3-dcc3-4d11-975f-74d61598733f"}"#,
        )
        .unwrap();
        assert_eq!(r.uuid.to_string(), "9d0652a3-dcc3-4d11-975f-74d61598733f");
        assert_eq!(parse(&op, 404, "").unwrap_err().status(), Some(404));
        assert!(LookupUsernameHash::new(vec![1]).headers().is_err());
    }
}
