//! `NotificationRenameConversation` (server → client).

use crate::api::{WireMessage, WireNotification};
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ConversationUuid, EncryptedEnvelope};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `NotificationRenameConversation`: a group was renamed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NotificationRenameConversation {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// The new title, an envelope.
    pub title: EncryptedEnvelope,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl NotificationRenameConversation {
    /// A `NotificationRenameConversation` with the given fields.
    pub fn new(conversation_uuid: ConversationUuid, title: EncryptedEnvelope) -> Self {
        Self {
            conversation_uuid,
            title,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for NotificationRenameConversation {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for NotificationRenameConversation {
    const WIRE_NAME: &'static str = "NotificationRenameConversation";
}

impl WireNotification for NotificationRenameConversation {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_sample_round_trips() {
        let value: NotificationRenameConversation = round_trip(&seed::sample(
            Kind::Notification,
            "NotificationRenameConversation",
        ));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "f4a74867-290c-4841-aa02-5f4d01603af4"
        );
        assert!(
            value
                .title
                .as_str()
                .starts_with("eyJjb252ZXJzYXRpb25VdWlkIjoiZjRhNzQ4Njct")
        );
        assert_eq!(value.title.as_str().len(), 244);
    }
}
