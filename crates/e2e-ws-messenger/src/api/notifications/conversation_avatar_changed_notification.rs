//! `ConversationAvatarChangedNotification` (server → client).

use crate::api::{WireMessage, WireNotification};
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ConversationUuid, Timestamp};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `ConversationAvatarChangedNotification`: a conversation's avatar changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ConversationAvatarChangedNotification {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// When.
    pub avatar_updated: Timestamp,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl ConversationAvatarChangedNotification {
    /// A `ConversationAvatarChangedNotification` with the given fields.
    pub fn new(conversation_uuid: ConversationUuid, avatar_updated: Timestamp) -> Self {
        Self {
            conversation_uuid,
            avatar_updated,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for ConversationAvatarChangedNotification {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for ConversationAvatarChangedNotification {
    const WIRE_NAME: &'static str = "ConversationAvatarChangedNotification";
}

impl WireNotification for ConversationAvatarChangedNotification {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_sample_round_trips() {
        let value: ConversationAvatarChangedNotification = round_trip(&seed::sample(
            Kind::Notification,
            "ConversationAvatarChangedNotification",
        ));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "f4a74867-290c-4841-aa02-5f4d01603af4"
        );
        assert_eq!(value.avatar_updated.as_millis(), 1732795513262);
        // Every occurrence in the seed (2).
        for sample in seed::samples(Kind::Notification, "ConversationAvatarChangedNotification") {
            round_trip::<ConversationAvatarChangedNotification>(&sample);
        }
    }
}
