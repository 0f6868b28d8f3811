//! `POST /bridge/api/client/v1/oauth/token` — the password grant: a bot JWT for the bot
//! account's user name and password (`201 Created`).

use crate::model::AccessToken;
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use transport_core::Secret;
use transport_core::http::{Body, Endpoint, EndpointAuth, Method, RawResponse};

/// The `client_id` of the password grant for bots.
pub const BOT_CLIENT_ID: &str = "chat_bot";

/// The password grant. `Debug` never shows the password.
///
/// Body: `{"client_id":"chat_bot","grant_type":"password","username":…,"password":…}`.
/// Answers `201` (some servers `200`) with an [`AccessToken`]; `401` with
/// `{"error":"invalid_grant",…}` for bad credentials; `403` with
/// `{"error":"auth_method_disabled"}` when password login is disabled (use the OAuth flow).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PasswordToken {
    /// The OAuth client id (`"chat_bot"`).
    pub client_id: String,
    /// The bot account's user name.
    pub username: String,
    /// Its password.
    pub password: Secret,
}

impl PasswordToken {
    /// The password grant for `username`.
    pub fn new(username: impl Into<String>, password: Secret) -> Self {
        Self {
            client_id: BOT_CLIENT_ID.to_owned(),
            username: username.into(),
            password,
        }
    }
}

impl Serialize for PasswordToken {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        super::serialize_password_grant(serializer, &self.client_id, &self.username, &self.password)
    }
}

impl Endpoint for PasswordToken {
    type Response = AccessToken;
    const METHOD: Method = Method::POST;

    fn path(&self) -> Cow<'_, str> {
        "/bridge/api/client/v1/oauth/token".into()
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
    use bytes::Bytes;
    use serde_json::json;
    use transport_core::http::{HeaderMap, StatusCode};

    #[test]
    fn body_matches_the_official_client_and_debug_hides_the_password() {
        let grant = PasswordToken::new("bot", Secret::new("pa55"));
        assert_eq!(
            serde_json::to_value(&grant).unwrap(),
            json!({"client_id": "chat_bot", "grant_type": "password", "username": "bot", "password": "pa55"})
        );
        assert!(!format!("{grant:?}").contains("pa55"));
        assert_eq!(grant.path(), "/bridge/api/client/v1/oauth/token");
        assert!(format!("{:?}", grant.body().unwrap()).starts_with("Json("));
    }

    #[test]
    fn created_and_errors() {
        let grant = PasswordToken::new("bot", Secret::new("pw"));
        let ok = RawResponse::new(
            StatusCode::CREATED,
            HeaderMap::new(),
            Bytes::from_static(
                br#"{"access_token":"a.b.c","token_type":"JWT","expires_in":31536000}"#,
            ),
            "POST",
            "/bridge/api/client/v1/oauth/token",
        );
        let token = grant.parse(ok).unwrap();
        assert_eq!(token.access_token.expose(), "a.b.c");
        let denied = RawResponse::new(
            StatusCode::FORBIDDEN,
            HeaderMap::new(),
            Bytes::from_static(br#"{"error":"auth_method_disabled"}"#),
            "POST",
            "/bridge/api/client/v1/oauth/token",
        );
        let err = grant.parse(denied).unwrap_err();
        assert_eq!(err.status(), Some(403));
    }
}
