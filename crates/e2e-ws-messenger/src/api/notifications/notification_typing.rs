//! `NotificationTyping` (server → client).

use crate::api::{WireMessage, WireNotification};
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ConversationUuid, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `NotificationTyping`: a member is typing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NotificationTyping {
    /// The conversation.
    pub conversation_uuid: ConversationUuid,
    /// The member.
    pub user_id: UserId,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl NotificationTyping {
    /// A `NotificationTyping` with the given fields.
    pub fn new(conversation_uuid: ConversationUuid, user_id: UserId) -> Self {
        Self {
            conversation_uuid,
            user_id,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for NotificationTyping {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for NotificationTyping {
    const WIRE_NAME: &'static str = "NotificationTyping";
}

impl WireNotification for NotificationTyping {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_sample_round_trips() {
        let value: NotificationTyping =
            round_trip(&seed::sample(Kind::Notification, "NotificationTyping"));
        assert_eq!(
            value.conversation_uuid.as_str(),
            "66CE10E5-969D-41E0-9F2A-C279B095F822"
        );
        assert_eq!(
            value.user_id.as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
    }
}
