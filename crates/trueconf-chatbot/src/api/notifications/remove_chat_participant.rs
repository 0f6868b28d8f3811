//! `removeChatParticipant` notification — someone was removed from a chat. The docs' sample
//! spells the method `removedChatParticipant`; both spellings decode to
//! [`Notification::ParticipantRemoved`](super::Notification::ParticipantRemoved).

use crate::model::{Author, ChatId, Timestamp, UserId};
use serde::{Deserialize, Serialize};

/// The payload of the `removeChatParticipant` notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ParticipantRemoved {
    /// The chat.
    pub chat_id: ChatId,
    /// The removed participant.
    pub user_id: UserId,
    /// Who removed them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removed_by: Option<Author>,
    /// When (a string in the docs' sample).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
}

impl ParticipantRemoved {
    /// A removal event.
    pub fn new(chat_id: ChatId, user_id: UserId) -> Self {
        Self {
            chat_id,
            user_id,
            removed_by: None,
            timestamp: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Notification;
    use super::super::test_support::notification_sample;
    use crate::codec::{self, Inbound};

    const SEED: &str = r#"{
"method": "removedChatParticipant",
"type": 1,
"id": 1,
"payload": {
"chatId": "c8c3eee8-9ad0-4638-9692-ad16391a4256",
"userId": "user@video.example.com",
"removedBy": {
"id": "admin@video.example.com",
"type": 1
},
"timestamp": "1735370778"
}
}"#;

    #[test]
    fn seed_spelling_removed_chat_participant() {
        let n = notification_sample(SEED);
        let Notification::ParticipantRemoved(p) = &n else {
            panic!("wrong kind")
        };
        assert_eq!(p.user_id, "user@video.example.com");
        assert_eq!(p.timestamp.map(|t| t.raw()), Some(1_735_370_778));
        assert_eq!(n.method(), "removeChatParticipant");
    }

    #[test]
    fn table_spelling_remove_chat_participant() {
        let text = SEED.replace("removedChatParticipant", "removeChatParticipant");
        let Inbound::Notification(frame) = codec::decode(&text).unwrap() else {
            panic!("not a notification")
        };
        assert_eq!(frame.method, "removeChatParticipant");
        assert_eq!(frame.notification, Ok(notification_sample(SEED)));
    }
}
