//! `POST /bridge/api/client/v1/auth/web_rest_api_token` — step 2 of the OAuth application
//! flow: trade the Server REST API token for an authorization code.

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use std::borrow::Cow;
use transport_core::Secret;
use transport_core::http::{Body, Endpoint, EndpointAuth, Method, RawResponse};

/// Step 2 of the OAuth flow. `Debug` never shows the token.
///
/// Body: `{"client_id": <user name>, "token": <step 1 token>}`; answers
/// `{"authorization_code": …}`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct WebRestApiToken {
    /// The bot account's user name.
    pub username: String,
    /// The Server REST API token from step 1.
    pub token: Secret,
}

impl WebRestApiToken {
    /// Step 2 for `username`.
    pub fn new(username: impl Into<String>, token: Secret) -> Self {
        Self {
            username: username.into(),
            token,
        }
    }
}

impl Serialize for WebRestApiToken {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("client_id", &self.username)?;
        map.serialize_entry("token", self.token.expose())?;
        map.end()
    }
}

/// The answer of step 2. `Debug` never shows the code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AuthorizationCode {
    /// The one-time authorization code for step 3.
    #[serde(with = "crate::api::secret_serde")]
    pub authorization_code: Secret,
}

impl AuthorizationCode {
    /// An authorization code.
    pub fn new(authorization_code: Secret) -> Self {
        Self { authorization_code }
    }
}

impl Endpoint for WebRestApiToken {
    type Response = AuthorizationCode;
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        "/bridge/api/client/v1/auth/web_rest_api_token".into()
    }

    fn body(&self) -> transport_core::Result<Body> {
        Body::json(self)
    }

    fn auth(&self) -> EndpointAuth {
        EndpointAuth::None
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<AuthorizationCode> {
        response.expect_status(&[200, 201])?.json()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn body_and_response() {
        let step = WebRestApiToken::new("bot", Secret::new("rest-token"));
        assert_eq!(
            serde_json::to_value(&step).unwrap(),
            json!({"client_id": "bot", "token": "rest-token"})
        );
        assert!(!format!("{step:?}").contains("rest-token"));
        let code: AuthorizationCode =
            serde_json::from_value(json!({"authorization_code": "c0de", "x": 1})).unwrap();
        assert_eq!(code.authorization_code.expose(), "c0de");
        assert!(!format!("{code:?}").contains("c0de"));
    }
}
