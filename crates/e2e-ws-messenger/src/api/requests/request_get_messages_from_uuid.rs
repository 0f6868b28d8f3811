//! `RequestGetMessagesFromUuid` → `ResponseGetMessages`.

use crate::api::validate::positive;
use crate::api::{ResponseGetMessages, WireMessage, WireRequest};
use crate::error::Error;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ConversationUuid, MessageUuid};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestGetMessagesFromUuid` → `ResponseGetMessages`: a page of messages starting at `uuid`; how it
/// differs from `RequestGetMessages` is undocumented.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestGetMessagesFromUuid {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// How many messages.
    pub size: u32,
    /// Where the page starts.
    pub uuid: MessageUuid,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestGetMessagesFromUuid {
    /// A `RequestGetMessagesFromUuid` with the given fields.
    pub fn new(conversation_uuid: ConversationUuid, size: u32, uuid: MessageUuid) -> Self {
        Self {
            conversation_uuid,
            size,
            uuid,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestGetMessagesFromUuid {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestGetMessagesFromUuid {
    const WIRE_NAME: &'static str = "RequestGetMessagesFromUuid";

    fn validate(&self) -> Result<(), Error> {
        positive("size", self.size)
    }
}

impl WireRequest for RequestGetMessagesFromUuid {
    type Reply = ResponseGetMessages;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestGetMessagesFromUuid =
            round_trip(&seed::sample(Kind::Request, "RequestGetMessagesFromUuid"));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "2A22B9FB-3F79-4839-A3D6-B25B234E76F1"
        );
        assert_eq!(value.size, 10);
        assert_eq!(value.uuid.as_str(), "eececa28-bd98-450e-8383-cd2b4da39659");
        value.validate().expect("the seed sample is valid");
    }
}
