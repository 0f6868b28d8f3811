//! `RequestGetFiles` → `ResponseFiles`.

use crate::api::{ResponseFiles, WireMessage, WireRequest};
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ConversationUuid, MessageUuid};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestGetFiles` → `ResponseFiles`: the files attached to a message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestGetFiles {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// The message.
    pub message_uuid: MessageUuid,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestGetFiles {
    /// A `RequestGetFiles` with the given fields.
    pub fn new(conversation_uuid: ConversationUuid, message_uuid: MessageUuid) -> Self {
        Self {
            conversation_uuid,
            message_uuid,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestGetFiles {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestGetFiles {
    const WIRE_NAME: &'static str = "RequestGetFiles";
}

impl WireRequest for RequestGetFiles {
    type Reply = ResponseFiles;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestGetFiles = round_trip(&seed::sample(Kind::Request, "RequestGetFiles"));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "2A22B9FB-3F79-4839-A3D6-B25B234E76F1"
        );
        assert_eq!(
            value.message_uuid.as_str(),
            "F0DD7FEE-B581-4C9B-BDC2-0D721A9C9ADA"
        );
        value.validate().expect("the seed sample is valid");
    }
}
