//! `getChatHistory` — the latest messages of a chat, or those before a given message.

use crate::api::Method;
use crate::model::{ChatId, Envelope, MessageId};
use serde::{Deserialize, Serialize};

/// The `getChatHistory` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetChatHistory {
    /// The chat.
    pub chat_id: ChatId,
    /// The most messages to return.
    pub count: u32,
    /// Start from this message (older messages); absent for the newest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_message_id: Option<MessageId>,
}

impl GetChatHistory {
    /// The newest `count` messages of `chat_id`.
    pub fn new(chat_id: ChatId, count: u32) -> Self {
        Self {
            chat_id,
            count,
            from_message_id: None,
        }
    }

    /// Starts from `message_id`.
    #[must_use]
    pub fn from_message(mut self, message_id: MessageId) -> Self {
        self.from_message_id = Some(message_id);
        self
    }
}

/// The `getChatHistory` response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatHistory {
    /// The chat.
    pub chat_id: ChatId,
    /// The number of messages returned.
    #[serde(default)]
    pub count: u32,
    /// The messages.
    #[serde(default)]
    pub messages: Vec<Envelope>,
}

impl ChatHistory {
    /// A history page.
    pub fn new(chat_id: ChatId, messages: Vec<Envelope>) -> Self {
        Self {
            chat_id,
            count: u32::try_from(messages.len()).unwrap_or(u32::MAX),
            messages,
        }
    }
}

impl Method for GetChatHistory {
    const NAME: &'static str = "getChatHistory";
    type Response = ChatHistory;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{encoded, request_sample, response_sample};
    use crate::model::EnvelopeType;
    use serde_json::json;

    #[test]
    fn request_and_response() {
        let request: GetChatHistory = request_sample(
            r#"{"type":1,"id":10,"method":"getChatHistory","payload":{"chatId":"c","count":2,"fromMessageId":"m5"}}"#,
        );
        assert_eq!(request.from_message_id, Some(MessageId::new("m5")));
        assert_eq!(
            encoded(&GetChatHistory::new(ChatId::new("c"), 20))["payload"],
            json!({"chatId": "c", "count": 20})
        );
        let history = response_sample::<GetChatHistory>(
            r#"{"type":2,"id":10,"payload":{"chatId":"c","count":2,"messages":[
                {"chatId":"c","messageId":"m4","timestamp":1746028006345,
                 "author":{"id":"u@s","type":1},"type":200,
                 "content":{"text":"hi","parseMode":"text"},"isEdited":true,
                 "box":{"id":4,"position":"0"}},
                {"chatId":"c","messageId":"m3","timestamp":1746028006000,
                 "author":{"id":"s","type":0},"type":2,"content":{"userId":"x@s"},
                 "isEdited":false,"box":{"id":3,"position":"0"}}
            ]}}"#,
        );
        assert_eq!(history.messages.len(), 2);
        assert_eq!(history.messages[0].is_edited, Some(true));
        assert_eq!(
            history.messages[1].envelope_type(),
            EnvelopeType::RemoveParticipant
        );
        assert_eq!(ChatHistory::new(ChatId::new("c"), vec![]).count, 0);
    }
}
