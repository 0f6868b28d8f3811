//! `NotificationAddedMessageToConversation` (server → client).

use crate::api::{WireMessage, WireNotification};
use crate::model::Message;
use crate::model::unknown_fields::{UnknownFields, collect_extra, join};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// `NotificationAddedMessageToConversation`: a new message (or system message) in a conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NotificationAddedMessageToConversation {
    /// The message.
    pub message: Message,
    /// Fields this crate does not know, kept so that re-serializing loses nothing.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl NotificationAddedMessageToConversation {
    /// A `NotificationAddedMessageToConversation` with the given fields.
    pub fn new(message: Message) -> Self {
        Self {
            message,
            extra: BTreeMap::new(),
        }
    }
}

impl UnknownFields for NotificationAddedMessageToConversation {
    fn collect_unknown_fields(&self, path: &str, out: &mut Vec<String>) {
        collect_extra(&self.extra, path, out);
        self.message
            .collect_unknown_fields(&join(path, "message"), out);
    }
}

impl WireMessage for NotificationAddedMessageToConversation {
    const WIRE_NAME: &'static str = "NotificationAddedMessageToConversation";
}

impl WireNotification for NotificationAddedMessageToConversation {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{Kind, round_trip, seed};

    #[test]
    fn seed_sample_round_trips() {
        let value: NotificationAddedMessageToConversation = round_trip(&seed::sample(
            Kind::Notification,
            "NotificationAddedMessageToConversation",
        ));
        assert_eq!(
            value.message.uuid.as_str(),
            "88207239-224b-4e12-a8fa-5132a3070756"
        );
    }
}
