//! `DeleteMessageNotification` (server → client).

use crate::api::{WireMessage, WireNotification};
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ConversationUuid, MessageUuid, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `DeleteMessageNotification`: a message was deleted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DeleteMessageNotification {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// The message.
    pub message_uuid: MessageUuid,
    /// Who deleted it.
    pub user_id: UserId,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl DeleteMessageNotification {
    /// A `DeleteMessageNotification` with the given fields.
    pub fn new(
        conversation_uuid: ConversationUuid,
        message_uuid: MessageUuid,
        user_id: UserId,
    ) -> Self {
        Self {
            conversation_uuid,
            message_uuid,
            user_id,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for DeleteMessageNotification {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for DeleteMessageNotification {
    const WIRE_NAME: &'static str = "DeleteMessageNotification";
}

impl WireNotification for DeleteMessageNotification {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_sample_round_trips() {
        let value: DeleteMessageNotification = round_trip(&seed::sample(
            Kind::Notification,
            "DeleteMessageNotification",
        ));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "70C978F9-1526-4D72-924C-BCFD73DED07D"
        );
        assert_eq!(
            value.message_uuid.as_str(),
            "c51843f9-d2fa-4e3e-978c-c913664282d6"
        );
        assert_eq!(
            value.user_id.as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
    }
}
