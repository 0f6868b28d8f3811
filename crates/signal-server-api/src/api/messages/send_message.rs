//! `PUT /v1/messages/{destination}` — sends an encrypted message to every device of one recipient.

use crate::api::{ErrorBody, Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::auth::{UnidentifiedAccessKey, access_key_auth, access_key_headers};
use crate::model::{IncomingMessage, ServiceId};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Body, Endpoint, EndpointAuth, HeaderMap, Method, RawResponse, segment};

/// `PUT /v1/messages/{destination}` (`sendMessage`) — sends an encrypted message to every device of
/// one recipient.
///
/// The body is the spec's `IncomingMessageList`: one ciphertext per destination device.
/// Authenticated with the account, or for sealed sender with the recipient's unidentified access
/// key and no credentials. Typed errors: 409
/// [`MismatchedDevices`](crate::Error::MismatchedDevices), 410
/// [`StaleDevices`](crate::Error::StaleDevices), 428
/// [`ChallengeRequired`](crate::Error::ChallengeRequired) (documented by the server, not by the
/// spec). A repeated send would deliver the message twice, so it is not retried after a response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SendMessage {
    /// The recipient.
    #[serde(skip)]
    pub destination: ServiceId,
    /// One ciphertext per destination device.
    pub messages: Vec<IncomingMessage>,
    /// Deliver only if the recipient is online (typing indicators).
    pub online: bool,
    /// Whether the message should trigger a push notification.
    pub urgent: bool,
    /// The message timestamp (epoch ms), identical across devices.
    pub timestamp: u64,
    /// The `story` query parameter.
    #[serde(skip)]
    pub story: Option<bool>,
    /// For sealed sender: the recipient's access key (sent instead of credentials).
    #[serde(skip)]
    pub access_key: Option<UnidentifiedAccessKey>,
}

impl SendMessage {
    /// Sends `messages` (stamped `timestamp`) to `destination`, urgent and not online-only.
    pub fn new(
        destination: impl Into<ServiceId>,
        messages: Vec<IncomingMessage>,
        timestamp: u64,
    ) -> Self {
        Self {
            destination: destination.into(),
            messages,
            online: false,
            urgent: true,
            timestamp,
            story: None,
            access_key: None,
        }
    }

    /// Sends with sealed sender, authenticated by `access_key`.
    #[must_use]
    pub fn with_access_key(mut self, access_key: UnidentifiedAccessKey) -> Self {
        self.access_key = Some(access_key);
        self
    }
}

/// The answer to a send (`SendMessageResponse`; the spec documents none).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SendMessageResponse {
    /// Whether the sender should send a sync message to its own linked devices.
    #[serde(default)]
    pub needs_sync: bool,
}

impl Endpoint for SendMessage {
    type Response = SendMessageResponse;
    const METHOD: Method = Method::PUT;

    fn path(&self) -> Cow<'_, str> {
        format!("/v1/messages/{}", segment(&self.destination.to_string())).into()
    }

    fn query(&self) -> Vec<(Cow<'static, str>, String)> {
        self.story
            .map(|s| ("story".into(), s.to_string()))
            .into_iter()
            .collect()
    }

    fn headers(&self) -> transport_core::Result<HeaderMap> {
        access_key_headers(self.access_key.as_ref())
    }

    fn body(&self) -> transport_core::Result<Body> {
        if self.messages.is_empty() {
            return Err(transport_core::Error::invalid_input(
                "messages",
                "at least one message is required",
            ));
        }
        Body::json(self)
    }

    fn auth(&self) -> EndpointAuth {
        access_key_auth(self.access_key.as_ref())
    }

    fn idempotent(&self) -> bool {
        false
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        crate::api::json_or_none(response).map(Option::unwrap_or_default)
    }
}

impl Operation for SendMessage {
    const INFO: OperationInfo = OperationInfo::new(
        "sendMessage",
        "Messages",
        Self::METHOD,
        "/v1/messages/{destination}",
        AuthMode::BasicOrAccessKey,
    )
    .with_errors(&[
        (409, ErrorBody::MismatchedDevices),
        (410, ErrorBody::StaleDevices),
        (428, ErrorBody::RateLimitChallenge),
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;
    use crate::auth::UNIDENTIFIED_ACCESS_KEY;

    use crate::model::{DeviceId, EnvelopeType};

    fn op() -> SendMessage {
        let to: ServiceId = "9d0652a3-dcc3-4d11-975f-74d61598733f".parse().unwrap();
        SendMessage::new(
            to,
            vec![IncomingMessage::new(
                EnvelopeType::Ciphertext,
                DeviceId::PRIMARY,
                11,
                vec![1],
            )],
            1_712_230_000_000,
        )
    }

    #[test]
    fn request_body() {
        let op = op();
        assert_consistent(&op);
        assert!(!op.idempotent());
        assert_eq!(
            op.path(),
            "/v1/messages/9d0652a3-dcc3-4d11-975f-74d61598733f"
        );
        assert_eq!(
            body_json(&op),
            serde_json::json!({
                "messages": [{"type": 1, "destinationDeviceId": 1, "destinationRegistrationId": 11, "content": "AQ=="}],
                "online": false,
                "urgent": true,
                "timestamp": 1_712_230_000_000u64
            })
        );
        let mut empty = op.clone();
        empty.messages.clear();
        assert!(empty.body().is_err());
    }

    #[test]
    fn sealed_sender_and_story() {
        let mut op = op().with_access_key(UnidentifiedAccessKey::new([1; 16]));
        op.story = Some(true);
        assert_consistent(&op);
        assert_eq!(query_string(&op), "story=true");
        assert!(matches!(op.auth(), EndpointAuth::None));
        assert!(op.headers().unwrap()[UNIDENTIFIED_ACCESS_KEY].is_sensitive());
    }

    #[test]
    fn responses() {
        let op = op();
        assert!(parse(&op, 200, r#"{"needsSync":true}"#).unwrap().needs_sync);
        assert!(!parse(&op, 200, "").unwrap().needs_sync);
        assert_eq!(
            SendMessage::INFO.error_body(410),
            Some(ErrorBody::StaleDevices)
        );
        assert_eq!(
            SendMessage::INFO.error_body(428),
            Some(ErrorBody::RateLimitChallenge)
        );
    }
}
