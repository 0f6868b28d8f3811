//! `RequestDeleteConversation` → `ResponseStatusMessage`.

use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::model::ConversationUuid;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestDeleteConversation` → `ResponseStatusMessage`: delete a conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestDeleteConversation {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestDeleteConversation {
    /// A `RequestDeleteConversation` with the given fields.
    pub fn new(conversation_uuid: ConversationUuid) -> Self {
        Self {
            conversation_uuid,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestDeleteConversation {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestDeleteConversation {
    const WIRE_NAME: &'static str = "RequestDeleteConversation";
}

impl WireRequest for RequestDeleteConversation {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestDeleteConversation =
            round_trip(&seed::sample(Kind::Request, "RequestDeleteConversation"));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "6921d2fd-e88c-4802-bb70-d7a18770939e"
        );
        value.validate().expect("the seed sample is valid");
    }
}
