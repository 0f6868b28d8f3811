//! `RequestAddMessage` → `ResponseAddedMessage`.

use crate::api::{WireMessage, WireRequest, WireResponse};
use crate::model::unknown_fields::{UnknownFields, collect_extra, join};
use crate::model::{Base64Data, ConversationUuid, Message, MessageUuid, SessionKeyUuid};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestAddMessage` → `ResponseAddedMessage`: send an encrypted message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestAddMessage {
    /// The encrypted body (same length as the plaintext).
    pub body_encrypted_base64: Base64Data,
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// True if files are attached.
    pub has_files: bool,
    /// The 16-byte IV.
    pub iv_base64: Base64Data,
    /// The new message's id, chosen by the client; echoed as `message.uuid`.
    pub message_uuid: MessageUuid,
    /// The message replied to.
    #[serde(default)]
    pub reply_message_uuid: Option<MessageUuid>,
    /// The session key that encrypted the body.
    pub session_key_uuid: SessionKeyUuid,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestAddMessage {
    /// A `RequestAddMessage` with the given fields; the others start empty, `false` or `0`.
    pub fn new(
        body_encrypted_base64: Base64Data,
        conversation_uuid: ConversationUuid,
        iv_base64: Base64Data,
        message_uuid: MessageUuid,
        session_key_uuid: SessionKeyUuid,
    ) -> Self {
        Self {
            body_encrypted_base64,
            conversation_uuid,
            has_files: false,
            iv_base64,
            message_uuid,
            reply_message_uuid: None,
            session_key_uuid,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestAddMessage {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestAddMessage {
    const WIRE_NAME: &'static str = "RequestAddMessage";
}

impl WireRequest for RequestAddMessage {
    type Reply = ResponseAddedMessage;
}

/// `ResponseAddedMessage`: the stored message; answers `RequestAddMessage`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ResponseAddedMessage {
    /// The message.
    pub message: Message,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl ResponseAddedMessage {
    /// A `ResponseAddedMessage` with the given fields.
    pub fn new(message: Message) -> Self {
        Self {
            message,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for ResponseAddedMessage {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
        self.message
            .collect_unknown_fields(&join(path, "message"), out);
    }
}

impl WireMessage for ResponseAddedMessage {
    const WIRE_NAME: &'static str = "ResponseAddedMessage";
}

impl WireResponse for ResponseAddedMessage {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestAddMessage =
            round_trip(&seed::sample(Kind::Request, "RequestAddMessage"));
        assert_eq!(value.body_encrypted_base64.as_str(), "V+Srn1w=");
        assert_eq!(
            value.conversation_uuid.as_str(),
            "2A22B9FB-3F79-4839-A3D6-B25B234E76F1"
        );
        assert!(!value.has_files);
        assert_eq!(value.iv_base64.as_str(), "Zlmuy+Zre8+fnxpvmrFfqw==");
        assert_eq!(
            value.message_uuid.as_str(),
            "ddc9ec23-62e9-4a2c-806c-8485ceb644ce"
        );
        assert!(value.reply_message_uuid.is_none());
        assert_eq!(
            value.session_key_uuid.as_str(),
            "A9C9C789-87D9-4750-8685-FCAAA37C8E04"
        );
        value.validate().expect("the seed sample is valid");
    }

    #[test]
    fn response_seed_sample_round_trips() {
        let value: ResponseAddedMessage =
            round_trip(&seed::sample(Kind::Response, "ResponseAddedMessage"));
        assert_eq!(
            value.message.uuid.as_str(),
            "ddc9ec23-62e9-4a2c-806c-8485ceb644ce"
        );
    }
}
