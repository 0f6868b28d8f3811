//! `RequestGetConversationsFull` → `ResponseGetConversationsFull`.

use crate::api::{WireMessage, WireRequest, WireResponse};
use crate::model::unknown_fields::{UnknownFields, collect_extra, index};
use crate::model::{Conversation, Message, SessionKey, User, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestGetConversationsFull` → `ResponseGetConversationsFull`: every conversation of the user, with
/// last messages, members and the user's session keys (the resync after a reconnect).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestGetConversationsFull {
    /// Whose conversations; only `null` seen.
    #[serde(default)]
    pub user_id: Option<UserId>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestGetConversationsFull {
    /// An empty `RequestGetConversationsFull`.
    pub fn new() -> Self {
        Self::default()
    }
}

impl UnknownFields for RequestGetConversationsFull {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestGetConversationsFull {
    const WIRE_NAME: &'static str = "RequestGetConversationsFull";
}

impl WireRequest for RequestGetConversationsFull {
    type Reply = ResponseGetConversationsFull;
}

/// `ResponseGetConversationsFull`: the answer to `RequestGetConversationsFull`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ResponseGetConversationsFull {
    /// The conversations.
    #[serde(default)]
    pub conversations: Vec<Conversation>,
    /// Despite the singular name an array; only `[]` seen, so kept as JSON.
    #[serde(default)]
    pub first_unread_message_uuid: Vec<Value>,
    /// The last message of each conversation.
    #[serde(default)]
    pub last_messages: Vec<Message>,
    /// The users appearing in the conversations (records, not ids).
    #[serde(default)]
    pub members: Vec<User>,
    /// The user's copies of the current session keys.
    #[serde(default)]
    pub session_keys: Vec<SessionKey>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl ResponseGetConversationsFull {
    /// An empty `ResponseGetConversationsFull`.
    pub fn new() -> Self {
        Self::default()
    }
}

impl UnknownFields for ResponseGetConversationsFull {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
        for (i, value) in self.conversations.iter().enumerate() {
            value.collect_unknown_fields(&index(path, "conversations", i), out);
        }
        for (i, value) in self.last_messages.iter().enumerate() {
            value.collect_unknown_fields(&index(path, "lastMessages", i), out);
        }
        for (i, value) in self.members.iter().enumerate() {
            value.collect_unknown_fields(&index(path, "members", i), out);
        }
        for (i, value) in self.session_keys.iter().enumerate() {
            value.collect_unknown_fields(&index(path, "sessionKeys", i), out);
        }
    }
}

impl WireMessage for ResponseGetConversationsFull {
    const WIRE_NAME: &'static str = "ResponseGetConversationsFull";
}

impl WireResponse for ResponseGetConversationsFull {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestGetConversationsFull =
            round_trip(&seed::sample(Kind::Request, "RequestGetConversationsFull"));
        assert!(value.user_id.is_none());
        value.validate().expect("the seed sample is valid");
    }

    #[test]
    fn response_seed_sample_round_trips() {
        let value: ResponseGetConversationsFull = round_trip(&seed::sample(
            Kind::Response,
            "ResponseGetConversationsFull",
        ));
        assert_eq!(value.conversations.len(), 2);
        assert_eq!(
            value.conversations[0].uuid.as_str(),
            "181309f7-2b47-4da6-a506-17f04cd6671c"
        );
        assert_eq!(value.first_unread_message_uuid.len(), 0);
        assert_eq!(value.last_messages.len(), 2);
        assert_eq!(
            value.last_messages[0].uuid.as_str(),
            "ce7701d5-7586-49e7-b7f1-0efba864a941"
        );
        assert_eq!(value.members.len(), 3);
        assert_eq!(
            value.members[0].user_id.as_str(),
            "6m76nVOeK46hNbZ1R39tNm0QYWo6+B3Dt0H5OFWBi2g="
        );
        assert_eq!(value.session_keys.len(), 2);
        assert_eq!(
            value.session_keys[0].uuid.as_str(),
            "20962b1d-e0e5-42d4-840d-64d6c11e90ce"
        );
    }
}
