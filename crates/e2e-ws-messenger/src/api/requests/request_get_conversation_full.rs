//! `RequestGetConversationFull` → `ResponseGetConversationFull`.

use crate::api::{WireMessage, WireRequest, WireResponse};
use crate::model::unknown_fields::{UnknownFields, collect_extra, join};
use crate::model::{Conversation, ConversationUuid, Message, SessionKey, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestGetConversationFull` → `ResponseGetConversationFull`: one conversation with its last message and
/// the user's copy of its session key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestGetConversationFull {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// Undocumented purpose; only `null` seen.
    #[serde(default)]
    pub user_id: Option<UserId>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestGetConversationFull {
    /// A `RequestGetConversationFull` with the given fields; the others start empty, `false` or `0`.
    pub fn new(conversation_uuid: ConversationUuid) -> Self {
        Self {
            conversation_uuid,
            user_id: None,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestGetConversationFull {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestGetConversationFull {
    const WIRE_NAME: &'static str = "RequestGetConversationFull";
}

impl WireRequest for RequestGetConversationFull {
    type Reply = ResponseGetConversationFull;
}

/// `ResponseGetConversationFull`: the answer to `RequestGetConversationFull`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ResponseGetConversationFull {
    /// The conversation.
    pub conversation: Conversation,
    /// The last message (an object here, a timestamp in `Conversation.lastMessage`); optional for
    /// conversations without messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_message: Option<Message>,
    /// The user's copy of the current session key.
    pub session_key: SessionKey,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl ResponseGetConversationFull {
    /// A `ResponseGetConversationFull` with the given fields; the others start empty, `false` or `0`.
    pub fn new(conversation: Conversation, session_key: SessionKey) -> Self {
        Self {
            conversation,
            last_message: None,
            session_key,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for ResponseGetConversationFull {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
        self.conversation
            .collect_unknown_fields(&join(path, "conversation"), out);
        if let Some(value) = &self.last_message {
            value.collect_unknown_fields(&join(path, "lastMessage"), out);
        }
        self.session_key
            .collect_unknown_fields(&join(path, "sessionKey"), out);
    }
}

impl WireMessage for ResponseGetConversationFull {
    const WIRE_NAME: &'static str = "ResponseGetConversationFull";
}

impl WireResponse for ResponseGetConversationFull {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestGetConversationFull =
            round_trip(&seed::sample(Kind::Request, "RequestGetConversationFull"));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "6921d2fd-e88c-4802-bb70-d7a18770939e"
        );
        assert!(value.user_id.is_none());
        value.validate().expect("the seed sample is valid");
    }

    #[test]
    fn response_seed_sample_round_trips() {
        let value: ResponseGetConversationFull =
            round_trip(&seed::sample(Kind::Response, "ResponseGetConversationFull"));
        assert_eq!(
            value.conversation.uuid.as_str(),
            "6921d2fd-e88c-4802-bb70-d7a18770939e"
        );
        assert!(value.last_message.is_some());
        assert_eq!(
            value.last_message.as_ref().expect("present").uuid.as_str(),
            "88207239-224b-4e12-a8fa-5132a3070756"
        );
        assert_eq!(
            value.session_key.uuid.as_str(),
            "b8322f5c-92e7-4810-90da-8b167223e496"
        );
    }
}
