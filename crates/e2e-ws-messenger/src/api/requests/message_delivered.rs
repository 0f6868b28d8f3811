//! `MessageDelivered` → `ResponseStatusMessage`.

use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ConversationUuid, MessageUuid};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `MessageDelivered` → `ResponseStatusMessage`: acknowledge delivery of a message (fire-and-forget).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageDelivered {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// The delivered message.
    pub message_uuid: MessageUuid,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl MessageDelivered {
    /// A `MessageDelivered` with the given fields.
    pub fn new(conversation_uuid: ConversationUuid, message_uuid: MessageUuid) -> Self {
        Self {
            conversation_uuid,
            message_uuid,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for MessageDelivered {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for MessageDelivered {
    const WIRE_NAME: &'static str = "MessageDelivered";
}

impl WireRequest for MessageDelivered {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: MessageDelivered = round_trip(&seed::sample(Kind::Request, "MessageDelivered"));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "2A22B9FB-3F79-4839-A3D6-B25B234E76F1"
        );
        assert_eq!(
            value.message_uuid.as_str(),
            "ddc9ec23-62e9-4a2c-806c-8485ceb644ce"
        );
        value.validate().expect("the seed sample is valid");
        // Every occurrence in the seed (2).
        for sample in seed::samples(Kind::Request, "MessageDelivered") {
            round_trip::<MessageDelivered>(&sample);
        }
    }
}
