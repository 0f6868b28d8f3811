//! `NotificationConversationDeleted` (server → client).

use crate::api::{WireMessage, WireNotification};
use crate::model::ConversationUuid;
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `NotificationConversationDeleted`: a conversation was deleted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NotificationConversationDeleted {
    /// The conversation.
    pub uuid: ConversationUuid,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl NotificationConversationDeleted {
    /// A `NotificationConversationDeleted` with the given fields.
    pub fn new(uuid: ConversationUuid) -> Self {
        Self {
            uuid,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for NotificationConversationDeleted {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for NotificationConversationDeleted {
    const WIRE_NAME: &'static str = "NotificationConversationDeleted";
}

impl WireNotification for NotificationConversationDeleted {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_sample_round_trips() {
        let value: NotificationConversationDeleted = round_trip(&seed::sample(
            Kind::Notification,
            "NotificationConversationDeleted",
        ));
        assert_eq!(value.uuid.as_str(), "f4a74867-290c-4841-aa02-5f4d01603af4");
    }
}
