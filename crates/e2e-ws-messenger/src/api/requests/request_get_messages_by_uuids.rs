//! `RequestGetMessagesByUuids` → `ResponseGetMessages`.

use crate::api::validate::non_empty_list;
use crate::api::{ResponseGetMessages, WireMessage, WireRequest};
use crate::error::Error;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ConversationUuid, MessageUuid};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestGetMessagesByUuids` → `ResponseGetMessages`: specific messages by id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestGetMessagesByUuids {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// The messages.
    #[serde(default)]
    pub uuids: Vec<MessageUuid>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestGetMessagesByUuids {
    /// A `RequestGetMessagesByUuids` with the given fields.
    pub fn new(conversation_uuid: ConversationUuid, uuids: Vec<MessageUuid>) -> Self {
        Self {
            conversation_uuid,
            uuids,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestGetMessagesByUuids {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestGetMessagesByUuids {
    const WIRE_NAME: &'static str = "RequestGetMessagesByUuids";

    fn validate(&self) -> Result<(), Error> {
        non_empty_list("uuids", &self.uuids)
    }
}

impl WireRequest for RequestGetMessagesByUuids {
    type Reply = ResponseGetMessages;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestGetMessagesByUuids =
            round_trip(&seed::sample(Kind::Request, "RequestGetMessagesByUuids"));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "66CE10E5-969D-41E0-9F2A-C279B095F822"
        );
        assert_eq!(value.uuids.len(), 1);
        assert_eq!(
            value.uuids[0].as_str(),
            "7B54A8A2-66D9-4097-8D55-0C78BAE34D58"
        );
        value.validate().expect("the seed sample is valid");
    }
}
