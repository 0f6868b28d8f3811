//! `RequestRenameConversation` → `ResponseStatusMessage`.

use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ConversationUuid, EncryptedEnvelope};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestRenameConversation` → `ResponseStatusMessage`: set a group's title.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestRenameConversation {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// The new title, an envelope.
    pub title: EncryptedEnvelope,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestRenameConversation {
    /// A `RequestRenameConversation` with the given fields.
    pub fn new(conversation_uuid: ConversationUuid, title: EncryptedEnvelope) -> Self {
        Self {
            conversation_uuid,
            title,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestRenameConversation {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestRenameConversation {
    const WIRE_NAME: &'static str = "RequestRenameConversation";
}

impl WireRequest for RequestRenameConversation {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestRenameConversation =
            round_trip(&seed::sample(Kind::Request, "RequestRenameConversation"));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "f4a74867-290c-4841-aa02-5f4d01603af4"
        );
        assert_eq!(
            value.title.as_str(),
            "eyJjb252ZXJzYXRpb25VdWlkIjoiZjRhNzQ4NjctMjkwYy00ODQxLWFhMDItNWY0..."
        );
        value.validate().expect("the seed sample is valid");
    }
}
