//! [`Conversation`]: one entry of the conversation list.

use super::{Binary, Message, NotificationSettings, Receiver, ReceiverType};
use serde::{Deserialize, Serialize};

/// A conversation (schema model `Conversation`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Conversation {
    /// The receiver type.
    #[serde(rename = "type")]
    pub receiver_type: ReceiverType,
    /// The receiver id.
    pub id: String,
    /// The sort position in the conversation list.
    pub position: i64,
    /// The number of messages.
    pub message_count: u64,
    /// The number of unread messages.
    pub unread_count: u64,
    /// The latest message (sent without a quote).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest_message: Option<Message>,
    /// The receiver (the Android app does not send it; join it from the receiver list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receiver: Option<Receiver>,
    /// The low-resolution avatar; only sent for the top conversations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<Binary>,
    /// The notification settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notifications: Option<NotificationSettings>,
    /// Whether the conversation is starred (absent: `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_starred: Option<bool>,
    /// Whether the conversation was explicitly marked unread (absent: `false`); a non-zero
    /// `unread_count` takes precedence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_unread: Option<bool>,
}

impl Conversation {
    /// An empty conversation with a receiver at `position`; set the public fields.
    pub fn new(receiver_type: ReceiverType, id: impl Into<String>, position: i64) -> Self {
        Self {
            receiver_type,
            id: id.into(),
            position,
            message_count: 0,
            unread_count: 0,
            latest_message: None,
            receiver: None,
            avatar: None,
            notifications: None,
            is_starred: None,
            is_unread: None,
        }
    }

    /// `is_starred` with its default applied.
    pub fn is_starred(&self) -> bool {
        self.is_starred.unwrap_or(false)
    }

    /// Whether the conversation shows as unread: unread messages, or marked unread.
    pub fn is_unread(&self) -> bool {
        self.unread_count > 0 || self.is_unread.unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_bin, at, round_trip, sample_conversation};
    use rmpv::Value;

    #[test]
    fn round_trips_with_bin_avatar_and_nested_models() {
        let value = round_trip(&sample_conversation());
        assert_bin(&value, "avatar", &[1, 2, 3]);
        assert_bin(&value, "receiver.publicKey", &[9; 32]);
        assert_eq!(
            at(&value, "notifications.dnd.mentionOnly"),
            &Value::from(true)
        );
        assert_eq!(at(&value, "latestMessage.type"), &Value::from("file"));
        let plain = Conversation::new(ReceiverType::Me, "ECHOECHO", 0);
        round_trip(&plain);
        assert!(!plain.is_starred() && !plain.is_unread());
        assert!(sample_conversation().is_unread());
    }
}
