//! `AddConversationReport` → `ResponseStatusMessage`.

use crate::api::validate::non_empty;
use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::error::Error;
use crate::model::ConversationUuid;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `AddConversationReport` → `ResponseStatusMessage`: report a conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AddConversationReport {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// Why (`"Spam"`).
    pub reason: String,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl AddConversationReport {
    /// A `AddConversationReport` with the given fields.
    pub fn new(conversation_uuid: ConversationUuid, reason: impl Into<String>) -> Self {
        Self {
            conversation_uuid,
            reason: reason.into(),
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for AddConversationReport {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for AddConversationReport {
    const WIRE_NAME: &'static str = "AddConversationReport";

    fn validate(&self) -> Result<(), Error> {
        non_empty("reason", &self.reason)
    }
}

impl WireRequest for AddConversationReport {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: AddConversationReport =
            round_trip(&seed::sample(Kind::Request, "AddConversationReport"));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "70C978F9-1526-4D72-924C-BCFD73DED07D"
        );
        assert_eq!(value.reason, "Spam");
        value.validate().expect("the seed sample is valid");
    }
}
