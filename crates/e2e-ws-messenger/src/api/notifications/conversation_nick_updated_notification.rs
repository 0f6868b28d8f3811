//! `ConversationNickUpdatedNotification` (server → client).

use crate::api::{WireMessage, WireNotification};
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ConversationUuid, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `ConversationNickUpdatedNotification`: a member changed their nick in a conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ConversationNickUpdatedNotification {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// The member.
    pub user_id: UserId,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl ConversationNickUpdatedNotification {
    /// A `ConversationNickUpdatedNotification` with the given fields.
    pub fn new(conversation_uuid: ConversationUuid, user_id: UserId) -> Self {
        Self {
            conversation_uuid,
            user_id,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for ConversationNickUpdatedNotification {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for ConversationNickUpdatedNotification {
    const WIRE_NAME: &'static str = "ConversationNickUpdatedNotification";
}

impl WireNotification for ConversationNickUpdatedNotification {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_sample_round_trips() {
        let value: ConversationNickUpdatedNotification = round_trip(&seed::sample(
            Kind::Notification,
            "ConversationNickUpdatedNotification",
        ));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "6921d2fd-e88c-4802-bb70-d7a18770939e"
        );
        assert_eq!(
            value.user_id.as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
    }
}
