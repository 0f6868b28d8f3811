//! `NotificationAddMemberToConversation` (server → client).

use crate::api::{WireMessage, WireNotification};
use crate::model::unknown_fields::{UnknownFields, collect_extra, join};
use crate::model::{Conversation, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `NotificationAddMemberToConversation`: a user was added to a conversation (also sent on
/// creation). Its lists may be incomplete (notes §9 #16).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NotificationAddMemberToConversation {
    /// The conversation.
    pub conversation: Conversation,
    /// The user added.
    pub user_id: UserId,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl NotificationAddMemberToConversation {
    /// A `NotificationAddMemberToConversation` with the given fields.
    pub fn new(conversation: Conversation, user_id: UserId) -> Self {
        Self {
            conversation,
            user_id,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for NotificationAddMemberToConversation {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
        self.conversation
            .collect_unknown_fields(&join(path, "conversation"), out);
    }
}

impl WireMessage for NotificationAddMemberToConversation {
    const WIRE_NAME: &'static str = "NotificationAddMemberToConversation";
}

impl WireNotification for NotificationAddMemberToConversation {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_sample_round_trips() {
        let value: NotificationAddMemberToConversation = round_trip(&seed::sample(
            Kind::Notification,
            "NotificationAddMemberToConversation",
        ));
        assert_eq!(
            value.conversation.uuid.as_str(),
            "6921d2fd-e88c-4802-bb70-d7a18770939e"
        );
        assert_eq!(
            value.user_id.as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
    }
}
