//! `NotificationConversationLeaved` (server → client).

use crate::api::{WireMessage, WireNotification};
use crate::model::unknown_fields::{UnknownFields, collect_extra};
use crate::model::{ConversationUuid, UserId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `NotificationConversationLeaved`: a user left a conversation (wire spelling `Leaved`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NotificationConversationLeaved {
    /// The conversation.
    pub uuid: ConversationUuid,
    /// The user who left.
    pub user_id: UserId,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl NotificationConversationLeaved {
    /// A `NotificationConversationLeaved` with the given fields.
    pub fn new(uuid: ConversationUuid, user_id: UserId) -> Self {
        Self {
            uuid,
            user_id,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for NotificationConversationLeaved {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
    }
}

impl WireMessage for NotificationConversationLeaved {
    const WIRE_NAME: &'static str = "NotificationConversationLeaved";
}

impl WireNotification for NotificationConversationLeaved {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_sample_round_trips() {
        let value: NotificationConversationLeaved = round_trip(&seed::sample(
            Kind::Notification,
            "NotificationConversationLeaved",
        ));
        assert_eq!(value.uuid.as_str(), "2A22B9FB-3F79-4839-A3D6-B25B234E76F1");
        assert_eq!(
            value.user_id.as_str(),
            "/4DZItfW2uZQyMCcxDboGMF0SjJs5sfedl9SXWNaO8Y="
        );
    }
}
