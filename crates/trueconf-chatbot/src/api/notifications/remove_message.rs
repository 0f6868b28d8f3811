//! `removeMessage` notification — a message was removed.

use crate::model::{Author, ChatId, MessageId};
use serde::{Deserialize, Serialize};

/// The payload of the `removeMessage` notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageRemoved {
    /// The chat.
    pub chat_id: ChatId,
    /// The removed message.
    pub message_id: MessageId,
    /// Who removed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removed_by: Option<Author>,
}

impl MessageRemoved {
    /// A removal event.
    pub fn new(chat_id: ChatId, message_id: MessageId) -> Self {
        Self {
            chat_id,
            message_id,
            removed_by: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Notification;
    use super::super::test_support::notification_sample;
    use crate::model::AuthorType;

    #[test]
    fn decodes_and_round_trips() {
        let n = notification_sample(
            r#"{"method":"removeMessage","type":1,"id":4,"payload":{
                "chatId":"c1","messageId":"m1","removedBy":{"id":"admin@video.example.com","type":1}
            }}"#,
        );
        let Notification::MessageRemoved(r) = n else {
            panic!("wrong kind")
        };
        assert_eq!(r.removed_by.map(|a| a.kind), Some(AuthorType::User));
    }
}
