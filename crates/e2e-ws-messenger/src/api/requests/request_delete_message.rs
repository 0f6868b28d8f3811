//! `RequestDeleteMessage` → `ResponseStatusMessage`.

use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ConversationUuid, MessageUuid};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestDeleteMessage` → `ResponseStatusMessage`: delete one message (its id is `uuid` here, not
/// `messageUuid`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestDeleteMessage {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// The message.
    pub uuid: MessageUuid,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestDeleteMessage {
    /// A `RequestDeleteMessage` with the given fields.
    pub fn new(conversation_uuid: ConversationUuid, uuid: MessageUuid) -> Self {
        Self {
            conversation_uuid,
            uuid,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestDeleteMessage {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestDeleteMessage {
    const WIRE_NAME: &'static str = "RequestDeleteMessage";
}

impl WireRequest for RequestDeleteMessage {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestDeleteMessage =
            round_trip(&seed::sample(Kind::Request, "RequestDeleteMessage"));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "70C978F9-1526-4D72-924C-BCFD73DED07D"
        );
        assert_eq!(value.uuid.as_str(), "c51843f9-d2fa-4e3e-978c-c913664282d6");
        value.validate().expect("the seed sample is valid");
    }
}
