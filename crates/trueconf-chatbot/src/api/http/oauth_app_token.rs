//! `POST /api/v4/oauth2/token` — step 1 of the OAuth application flow (for servers with
//! password login disabled): a Server REST API token for an OAuth application.

use crate::model::AccessToken;
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use transport_core::Secret;
use transport_core::http::{Body, Endpoint, EndpointAuth, Method, RawResponse};

/// Step 1 of the OAuth flow. `Debug` never shows the password.
///
/// Body: `{"client_id":<OAuth application id>,"grant_type":"password","username":…,"password":…}`.
/// Answers with `{"access_token": …}`; `400` with
/// `{"error":{"errors":[{"reason":"invalidScope"}]}}` when the application lacks a scope.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct OAuthAppToken {
    /// The OAuth application's client id.
    pub client_id: String,
    /// The bot account's user name.
    pub username: String,
    /// Its password.
    pub password: Secret,
}

impl OAuthAppToken {
    /// Step 1 for `username` through application `client_id`.
    pub fn new(
        client_id: impl Into<String>,
        username: impl Into<String>,
        password: Secret,
    ) -> Self {
        Self {
            client_id: client_id.into(),
            username: username.into(),
            password,
        }
    }
}

impl Serialize for OAuthAppToken {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        super::serialize_password_grant(serializer, &self.client_id, &self.username, &self.password)
    }
}

impl Endpoint for OAuthAppToken {
    type Response = AccessToken;
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        "/api/v4/oauth2/token".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        Body::json(self)
    }

    fn auth(&self) -> EndpointAuth {
        EndpointAuth::None
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<AccessToken> {
        response.expect_status(&[200, 201])?.json()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn body_matches_the_official_client() {
        let step = OAuthAppToken::new("app-1", "bot", Secret::new("pw9"));
        assert_eq!(
            serde_json::to_value(&step).unwrap(),
            json!({"client_id": "app-1", "grant_type": "password", "username": "bot", "password": "pw9"})
        );
        assert_eq!(step.path(), "/api/v4/oauth2/token");
        assert!(!format!("{step:?}").contains("pw9"));
    }
}
