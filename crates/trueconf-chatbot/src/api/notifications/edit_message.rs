//! `editMessage` notification — a message was edited.

use crate::model::{ChatId, MessageId, TextContent, Timestamp};
use serde::{Deserialize, Serialize};

/// The payload of the `editMessage` notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageEdited {
    /// The chat.
    pub chat_id: ChatId,
    /// The edited message (not sent by every server version).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<MessageId>,
    /// When it was edited.
    pub timestamp: Timestamp,
    /// The new content.
    pub content: TextContent,
}

impl MessageEdited {
    /// An edit event.
    pub fn new(chat_id: ChatId, timestamp: Timestamp, content: TextContent) -> Self {
        Self {
            chat_id,
            message_id: None,
            timestamp,
            content,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Notification;
    use super::super::test_support::notification_sample;
    use crate::model::ParseMode;

    #[test]
    fn decodes_and_round_trips() {
        let n = notification_sample(
            r#"{"method":"editMessage","type":1,"id":3,"payload":{
                "chatId":"c1","messageId":"m1","timestamp":1746028006999,
                "content":{"text":"<b>fixed</b>","parseMode":"html"}
            }}"#,
        );
        let Notification::MessageEdited(e) = n else {
            panic!("wrong kind")
        };
        assert_eq!(e.content.parse_mode, ParseMode::Html);
        assert_eq!(e.message_id.as_ref().map(|m| m.as_str()), Some("m1"));
    }
}
