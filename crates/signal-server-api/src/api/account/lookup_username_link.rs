//! `GET /v1/accounts/username_link/{uuid}` — fetch the encrypted username behind a link.

use crate::api::{Operation, OperationInfo, no_account_auth};
use crate::auth::AuthMode;
use crate::model::EncryptedUsername;
use std::borrow::Cow;
use transport_core::http::{Endpoint, EndpointAuth, Method, RawResponse};
use uuid::Uuid;

/// `GET /v1/accounts/username_link/{uuid}` (`lookupUsernameLink`) — returns the encrypted
/// username stored for a username link handle. Enforced unauthenticated. 404 when the handle
/// is unknown.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct LookupUsernameLink {
    /// The username link handle.
    pub handle: Uuid,
}

impl LookupUsernameLink {
    /// Looks up `handle`.
    pub fn new(handle: Uuid) -> Self {
        Self { handle }
    }
}

impl Endpoint for LookupUsernameLink {
    type Response = EncryptedUsername;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        format!("/v1/accounts/username_link/{}", self.handle.hyphenated()).into()
    }

    fn auth(&self) -> EndpointAuth {
        no_account_auth()
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for LookupUsernameLink {
    const INFO: OperationInfo = OperationInfo::new(
        "lookupUsernameLink",
        "Account",
        Self::METHOD,
        "/v1/accounts/username_link/{uuid}",
        AuthMode::MustNotAuthenticate,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = LookupUsernameLink::new(
            Uuid::parse_str("9d0652a3-dcc3-4d11-975f-74d61598733f").unwrap(),
        );
        assert_consistent(&op);
        assert_eq!(
            op.path(),
            "/v1/accounts/username_link/9d0652a3-dcc3-4d11-975f-74d61598733f"
        );
        let r = parse(&op, 200, r#"{"usernameLinkEncryptedValue":"AQID"}"#).unwrap();
        assert_eq!(r.username_link_encrypted_value, vec![1, 2, 3]);
        assert_eq!(parse(&op, 404, "").unwrap_err().status(), Some(404));
    }
}
