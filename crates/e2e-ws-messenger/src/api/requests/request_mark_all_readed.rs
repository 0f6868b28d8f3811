//! `RequestMarkAllReaded` → `ResponseStatusMessage`.

use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::model::ConversationUuid;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `RequestMarkAllReaded` → `ResponseStatusMessage`: mark every message of a conversation as read (wire
/// spelling `Readed`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestMarkAllReaded {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RequestMarkAllReaded {
    /// A `RequestMarkAllReaded` with the given fields.
    pub fn new(conversation_uuid: ConversationUuid) -> Self {
        Self {
            conversation_uuid,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for RequestMarkAllReaded {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for RequestMarkAllReaded {
    const WIRE_NAME: &'static str = "RequestMarkAllReaded";
}

impl WireRequest for RequestMarkAllReaded {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: RequestMarkAllReaded =
            round_trip(&seed::sample(Kind::Request, "RequestMarkAllReaded"));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "FF1EACD0-E337-4AD1-B476-8D69D1E0F28F"
        );
        value.validate().expect("the seed sample is valid");
    }
}
