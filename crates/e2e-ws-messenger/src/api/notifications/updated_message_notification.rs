//! `UpdatedMessageNotification` (server → client).

use crate::api::{WireMessage, WireNotification};
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ConversationUuid, MessageUuid};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `UpdatedMessageNotification`: a message's counters or flags changed (delivered, read, reported,
/// deleted).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UpdatedMessageNotification {
    /// The message.
    pub uuid: MessageUuid,
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// How many members the conversation has.
    pub members: u32,
    /// How many have read the message.
    pub readed_members: u32,
    /// How many received the message.
    pub delivered_members: u32,
    /// True if the message was reported.
    pub objectionable: bool,
    /// True if the message was deleted.
    pub deleted: bool,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl UpdatedMessageNotification {
    /// A `UpdatedMessageNotification` with the given fields; the others start empty, `false` or `0`.
    pub fn new(uuid: MessageUuid, conversation_uuid: ConversationUuid) -> Self {
        Self {
            uuid,
            conversation_uuid,
            members: 0,
            readed_members: 0,
            delivered_members: 0,
            objectionable: false,
            deleted: false,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for UpdatedMessageNotification {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for UpdatedMessageNotification {
    const WIRE_NAME: &'static str = "UpdatedMessageNotification";
}

impl WireNotification for UpdatedMessageNotification {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_sample_round_trips() {
        let value: UpdatedMessageNotification = round_trip(&seed::sample(
            Kind::Notification,
            "UpdatedMessageNotification",
        ));
        assert_eq!(value.uuid.as_str(), "de297b27-030e-4065-9016-981ac4fb067e");
        assert_eq!(
            value.conversation_uuid.as_str(),
            "f4a74867-290c-4841-aa02-5f4d01603af4"
        );
        assert_eq!(value.members, 2);
        assert_eq!(value.readed_members, 1);
        assert_eq!(value.delivered_members, 1);
        assert!(!value.objectionable);
        assert!(!value.deleted);
    }
}
