//! `PUT /v1/accounts/username_link` — store an encrypted username and get a link handle.

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::model::EncryptedUsername;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, Method, RawResponse};
use uuid::Uuid;

/// `PUT /v1/accounts/username_link` (`updateUsernameLink`) — stores the encrypted username and
/// returns a username link handle that others can use to look it up. Overwrites any previous
/// link. Errors: 409 (no username set), 422, 429.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdateUsernameLink {
    /// The encrypted username (and whether to keep the existing handle).
    pub encrypted_username: EncryptedUsername,
}

impl UpdateUsernameLink {
    /// Stores `encrypted_username`.
    pub fn new(encrypted_username: EncryptedUsername) -> Self {
        Self { encrypted_username }
    }
}

/// The spec's `UsernameLinkHandle`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UsernameLinkHandle {
    /// The handle to put into username links.
    pub username_link_handle: Uuid,
}

impl Endpoint for UpdateUsernameLink {
    type Response = UsernameLinkHandle;
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        "/v1/accounts/username_link".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        self.encrypted_username.validate()?;
        Body::json(&self.encrypted_username)
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for UpdateUsernameLink {
    const INFO: OperationInfo = OperationInfo::new(
        "updateUsernameLink",
        "Account",
        Self::METHOD,
        "/v1/accounts/username_link",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = UpdateUsernameLink::new(EncryptedUsername::new(vec![0xff; 3]));
        assert_consistent(&op);
        assert_eq!(
            body_json(&op),
            serde_json::json!({"usernameLinkEncryptedValue": "____"})
        );
        let r = parse(
            &op,
            200,
            r#"{"usernameLinkHandle":"9d0652a3-dcc3-4d11-975f-74d61598733f"}"#,
        )
        .unwrap();
        assert_eq!(
            r.username_link_handle.to_string(),
            "9d0652a3-dcc3-4d11-975f-74d61598733f"
        );
        assert!(
            UpdateUsernameLink::new(EncryptedUsername::new(vec![]))
                .body()
                .is_err()
        );
    }
}
