//! `RequestMessagesReaded` → `ResponseStatusMessage`.

use crate::api::validate::non_empty_list;
use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::error::Error;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ConversationUuid, MessageUuid};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestMessagesReaded` → `ResponseStatusMessage`: mark messages as read (fire-and-forget; wire
/// spelling `Readed`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestMessagesReaded {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// The messages read.
    #[serde(default)]
    pub message_uuids: Vec<MessageUuid>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestMessagesReaded {
    /// A `RequestMessagesReaded` with the given fields.
    pub fn new(conversation_uuid: ConversationUuid, message_uuids: Vec<MessageUuid>) -> Self {
        Self {
            conversation_uuid,
            message_uuids,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestMessagesReaded {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestMessagesReaded {
    const WIRE_NAME: &'static str = "RequestMessagesReaded";

    fn validate(&self) -> Result<(), Error> {
        non_empty_list("messageUuids", &self.message_uuids)
    }
}

impl WireRequest for RequestMessagesReaded {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestMessagesReaded =
            round_trip(&seed::sample(Kind::Request, "RequestMessagesReaded"));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "66CE10E5-969D-41E0-9F2A-C279B095F822"
        );
        assert_eq!(value.message_uuids.len(), 1);
        assert_eq!(
            value.message_uuids[0].as_str(),
            "bd32a119-66e6-4c13-9e90-a516e461ec5c"
        );
        value.validate().expect("the seed sample is valid");
    }
}
