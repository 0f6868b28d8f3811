//! `AddMessageReport` → `ResponseStatusMessage`.

use crate::api::validate::non_empty;
use crate::api::{ResponseStatusMessage, WireMessage, WireRequest};
use crate::error::Error;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ConversationUuid, MessageUuid};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `AddMessageReport` → `ResponseStatusMessage`: report a message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AddMessageReport {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// The message.
    pub message_uuid: MessageUuid,
    /// Why (`"Spam"`).
    pub reason: String,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl AddMessageReport {
    /// A `AddMessageReport` with the given fields.
    pub fn new(
        conversation_uuid: ConversationUuid,
        message_uuid: MessageUuid,
        reason: impl Into<String>,
    ) -> Self {
        Self {
            conversation_uuid,
            message_uuid,
            reason: reason.into(),
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for AddMessageReport {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for AddMessageReport {
    const WIRE_NAME: &'static str = "AddMessageReport";

    fn validate(&self) -> Result<(), Error> {
        non_empty("reason", &self.reason)
    }
}

impl WireRequest for AddMessageReport {
    type Reply = ResponseStatusMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn request_seed_sample_round_trips() {
        let value: AddMessageReport = round_trip(&seed::sample(Kind::Request, "AddMessageReport"));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "70C978F9-1526-4D72-924C-BCFD73DED07D"
        );
        assert_eq!(
            value.message_uuid.as_str(),
            "c51843f9-d2fa-4e3e-978c-c913664282d6"
        );
        assert_eq!(value.reason, "Spam");
        value.validate().expect("the seed sample is valid");
    }
}
