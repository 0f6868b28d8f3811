//! `RequestDeleteMessages` → `ResponseStatusMessage`.

use crate::api::validate::non_empty_list;
use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::error::Error;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ConversationUuid, MessageUuid};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestDeleteMessages` → `ResponseStatusMessage`: delete several messages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestDeleteMessages {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// The messages.
    #[serde(default)]
    pub uuids: Vec<MessageUuid>,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestDeleteMessages {
    /// A `RequestDeleteMessages` with the given fields.
    pub fn new(conversation_uuid: ConversationUuid, uuids: Vec<MessageUuid>) -> Self {
        Self {
            conversation_uuid,
            uuids,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestDeleteMessages {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestDeleteMessages {
    const WIRE_NAME: &'static str = "RequestDeleteMessages";

    fn validate(&self) -> Result<(), Error> {
        non_empty_list("uuids", &self.uuids)
    }
}

impl WireRequest for RequestDeleteMessages {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestDeleteMessages =
            round_trip(&seed::sample(Kind::Request, "RequestDeleteMessages"));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "70C978F9-1526-4D72-924C-BCFD73DED07D"
        );
        assert_eq!(value.uuids.len(), 2);
        assert_eq!(
            value.uuids[0].as_str(),
            "29F6A11E-7309-413B-AF43-094851454EF9"
        );
        value.validate().expect("the seed sample is valid");
    }
}
