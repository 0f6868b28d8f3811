//! `auth` — authenticate the connection with the bot's JWT; the first request after every
//! connect (any other request before it fails with error 200).

use crate::api::Method;
use crate::model::UserId;
use crate::validate::ValidationError;
use serde::{Deserialize, Serialize};
use transport_core::Secret;

/// The only `tokenType` the server accepts (anything else: error 204).
pub const TOKEN_TYPE_JWT: &str = "JWT";

/// The `auth` request. `Debug` never shows the token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Auth {
    /// The bot's JWT.
    #[serde(with = "crate::api::secret_serde")]
    pub token: Secret,
    /// Always `"JWT"`.
    pub token_type: String,
    /// Deliver unread messages as `sendMessage` notifications right after `auth`.
    #[serde(default)]
    pub receive_unread: bool,
    /// Also deliver system envelopes (types 1, 2, 21, 22, 23, 110).
    #[serde(default)]
    pub receive_system_message_envelopes: bool,
}

impl Auth {
    /// An `auth` request that asks for neither unread messages nor system envelopes (what the
    /// official client sends by default).
    pub fn new(token: Secret) -> Self {
        Self {
            token,
            token_type: TOKEN_TYPE_JWT.to_owned(),
            receive_unread: false,
            receive_system_message_envelopes: false,
        }
    }

    /// Sets `receiveUnread`.
    #[must_use]
    pub fn with_receive_unread(mut self, receive: bool) -> Self {
        self.receive_unread = receive;
        self
    }

    /// Sets `receiveSystemMessageEnvelopes`.
    #[must_use]
    pub fn with_system_envelopes(mut self, receive: bool) -> Self {
        self.receive_system_message_envelopes = receive;
        self
    }
}

/// The `auth` response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AuthResponse {
    /// The bot's own id, with a `/resource` suffix; compare with
    /// [`UserId::without_resource`].
    pub user_id: UserId,
    /// The server's id for this connection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection_id: Option<String>,
}

impl AuthResponse {
    /// An `auth` response.
    pub fn new(user_id: UserId, connection_id: Option<String>) -> Self {
        Self {
            user_id,
            connection_id,
        }
    }
}

impl Method for Auth {
    const NAME: &'static str = "auth";
    type Response = AuthResponse;

    fn validate(&self) -> Result<(), ValidationError> {
        if self.token.is_empty() {
            return Err(ValidationError::Missing {
                field: "token".into(),
                reason: "to authenticate".into(),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{encoded, request_sample, response_sample};
    use serde_json::json;

    #[test]
    fn request_as_the_official_client_sends_it() {
        let auth: Auth = request_sample(
            r#"{"type": 1, "id": 1, "method": "auth", "payload": {"token": "h.p.s", "tokenType": "JWT", "receiveUnread": false, "receiveSystemMessageEnvelopes": false}}"#,
        );
        assert_eq!(auth, Auth::new(Secret::new("h.p.s")));
        let with_flags = Auth::new(Secret::new("h.p.s"))
            .with_receive_unread(true)
            .with_system_envelopes(true);
        assert_eq!(
            encoded(&with_flags)["payload"],
            json!({"token": "h.p.s", "tokenType": "JWT", "receiveUnread": true, "receiveSystemMessageEnvelopes": true})
        );
        assert!(!format!("{with_flags:?}").contains("h.p.s"));
    }

    #[test]
    fn response() {
        let r = response_sample::<Auth>(
            r#"{"type":2,"id":1,"payload":{"userId":"bot@video.example.com/a1b2","connectionId":"9f8e"}}"#,
        );
        assert_eq!(r.user_id.without_resource(), "bot@video.example.com");
        assert_eq!(r.connection_id.as_deref(), Some("9f8e"));
    }

    #[test]
    fn empty_token_is_rejected() {
        assert!(Auth::new(Secret::new("")).validate().is_err());
    }
}
