//! `GET /v1/messages` — fetches queued messages (REST fallback to the WebSocket).

use crate::api::{Operation, OperationInfo};
use crate::auth::AuthMode;
use crate::auth::insert_header;
use crate::model::{EnvelopeType, ServiceId};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use transport_core::http::{Endpoint, HeaderMap, Method, RawResponse};
use uuid::Uuid;

/// `GET /v1/messages` (`getPendingMessages`) — fetches queued messages (REST fallback to the
/// WebSocket).
///
/// Returns up to a page of queued envelopes; `more` says whether to fetch again after acknowledging
/// them with `DELETE /v1/messages/uuid/{uuid}`. The spec documents the body as a Java
/// `CompletableFuture`; the server sends `OutgoingMessageEntityList`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct GetPendingMessages {
    /// The `X-Signal-Receive-Stories` header: whether to include stories.
    pub receive_stories: Option<bool>,
}

impl GetPendingMessages {
    /// The request (server default for stories).
    pub fn new() -> Self {
        Self {
            receive_stories: None,
        }
    }

    /// Sends `X-Signal-Receive-Stories`.
    #[must_use]
    pub fn receive_stories(mut self, receive: bool) -> Self {
        self.receive_stories = Some(receive);
        self
    }
}

/// A page of queued messages (`OutgoingMessageEntityList`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct OutgoingMessageEntityList {
    /// The messages.
    #[serde(default)]
    pub messages: Vec<OutgoingMessageEntity>,
    /// Whether more messages are queued.
    #[serde(default)]
    pub more: bool,
}

/// One queued message (`OutgoingMessageEntity`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct OutgoingMessageEntity {
    /// The server's id of the message (acknowledge with it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guid: Option<Uuid>,
    /// The envelope type.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EnvelopeType>,
    /// The sender's timestamp (epoch ms).
    #[serde(default)]
    pub timestamp: u64,
    /// The sender, unless sealed sender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_uuid: Option<ServiceId>,
    /// The sender's device.
    #[serde(default)]
    pub source_device: u32,
    /// The identity the message was sent to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination_uuid: Option<ServiceId>,
    /// The new PNI, on number-change sync messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_pni: Option<Uuid>,
    /// The ciphertext (base64 on the wire).
    #[serde(
        default,
        with = "crate::model::b64::standard_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub content: Option<Vec<u8>>,
    /// When the server received it (epoch ms).
    #[serde(default)]
    pub server_timestamp: u64,
    /// Whether it should trigger a notification.
    #[serde(default = "yes")]
    pub urgent: bool,
    /// Whether it is a story.
    #[serde(default)]
    pub story: bool,
    /// A token for reporting the message as spam (base64 on the wire).
    #[serde(
        default,
        with = "crate::model::b64::standard_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub report_spam_token: Option<Vec<u8>>,
    /// The sender's phone number (legacy servers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

fn yes() -> bool {
    true
}

impl Endpoint for GetPendingMessages {
    type Response = OutgoingMessageEntityList;
    const METHOD: Method = Method::GET;

    fn path(&self) -> Cow<'_, str> {
        "/v1/messages".into()
    }

    fn headers(&self) -> transport_core::Result<HeaderMap> {
        let mut headers = HeaderMap::new();
        if let Some(receive) = self.receive_stories {
            insert_header(
                &mut headers,
                "x-signal-receive-stories",
                if receive { "true" } else { "false" },
            )?;
        }
        Ok(headers)
    }

    fn parse(&self, response: RawResponse) -> transport_core::Result<Self::Response> {
        response.json()
    }
}

impl Operation for GetPendingMessages {
    const INFO: OperationInfo = OperationInfo::new(
        "getPendingMessages",
        "Messages",
        Self::METHOD,
        "/v1/messages",
        AuthMode::Basic,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn request_and_response() {
        let op = GetPendingMessages::new().receive_stories(true);
        assert_consistent(&op);
        assert_eq!(op.headers().unwrap()["x-signal-receive-stories"], "true");
        assert!(GetPendingMessages::new().headers().unwrap().is_empty());
        let r = parse(
            &op,
            200,
            r#"{"messages":[{"guid":"9d0652a3-dcc3-4d11-975f-74d61598733f","type":6,"timestamp":1712230000000,
                "sourceDevice":0,"destinationUuid":"PNI:4f1e8f5a-4e61-4e4a-9a0e-2a1e2d3c4b5a","content":"AQID",
                "serverTimestamp":1712230000123,"story":false,"relay":""}],"more":true}"#,
        )
        .unwrap();
        assert!(r.more);
        let m = &r.messages[0];
        assert_eq!(m.kind, Some(EnvelopeType::UnidentifiedSender));
        assert_eq!(m.content.as_deref(), Some(&[1, 2, 3][..]));
        assert!(m.urgent, "absent `urgent` defaults to true");
        assert!(matches!(m.destination_uuid, Some(ServiceId::Pni(_))));
        assert_eq!(m.source_uuid, None);
    }
}
