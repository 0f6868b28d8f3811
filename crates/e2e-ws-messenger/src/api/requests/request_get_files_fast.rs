//! `RequestGetFilesFast` → `ResponseFiles`.

use crate::api::{ResponseFiles, WireMessage, WireRequest};
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ConversationUuid, MessageUuid};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestGetFilesFast` → `ResponseFiles`: the files attached to a message; how it differs from
/// `RequestGetFiles` is undocumented.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestGetFilesFast {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// The message.
    pub message_uuid: MessageUuid,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestGetFilesFast {
    /// A `RequestGetFilesFast` with the given fields.
    pub fn new(conversation_uuid: ConversationUuid, message_uuid: MessageUuid) -> Self {
        Self {
            conversation_uuid,
            message_uuid,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestGetFilesFast {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestGetFilesFast {
    const WIRE_NAME: &'static str = "RequestGetFilesFast";
}

impl WireRequest for RequestGetFilesFast {
    type Reply = ResponseFiles;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestGetFilesFast =
            round_trip(&seed::sample(Kind::Request, "RequestGetFilesFast"));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "2A22B9FB-3F79-4839-A3D6-B25B234E76F1"
        );
        assert_eq!(
            value.message_uuid.as_str(),
            "eaa5835e-30ff-498f-9a95-eb8a8ae93564"
        );
        value.validate().expect("the seed sample is valid");
    }
}
