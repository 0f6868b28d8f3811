//! [`Chat`]: a chat as returned by `getChatByID`/`getChats` and the chat-created notifications.

use super::{ChatId, ChatType, Envelope};
use serde::{Deserialize, Serialize};

/// A chat.
///
/// `title` is `null` for the Favorites chat and `lastMessage` is `null` for a chat without
/// messages (real servers send it; the official client used to crash on it, issues #2/#4).
/// Both are always serialized, as `null` when absent, like the server does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Chat {
    /// The chat id.
    pub chat_id: ChatId,
    /// The title (for personal chats: the peer's TrueConf ID; `null` for Favorites).
    #[serde(default)]
    pub title: Option<String>,
    /// The kind of chat.
    pub chat_type: ChatType,
    /// Messages the bot has not read.
    #[serde(default)]
    pub unread_messages: u32,
    /// The newest message, without `chatId`, `isEdited` and `box`.
    #[serde(default)]
    pub last_message: Option<Envelope>,
    /// The avatar URL, if the server sends one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar_url: Option<String>,
}

impl Chat {
    /// A chat without title, last message or unread messages.
    pub fn new(chat_id: ChatId, chat_type: ChatType) -> Self {
        Self {
            chat_id,
            title: None,
            chat_type,
            unread_messages: 0,
            last_message: None,
            avatar_url: None,
        }
    }

    /// Sets the title.
    #[must_use]
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn null_last_message_and_title() {
        let raw = json!({
            "chatId": "b7d0e9b76dd414cce07d6895682455814fa4bfd1",
            "title": null,
            "chatType": 5,
            "lastMessage": null,
            "unreadMessages": 0
        });
        let chat: Chat = serde_json::from_value(raw.clone()).unwrap();
        assert_eq!(chat.title, None);
        assert_eq!(chat.last_message, None);
        assert_eq!(chat.chat_type, ChatType::Favorites);
        assert_eq!(serde_json::to_value(&chat).unwrap(), raw);
    }

    #[test]
    fn missing_optional_fields_and_extra_fields() {
        let chat: Chat = serde_json::from_value(json!({
            "chatId": "c", "chatType": 2, "avatarUrl": "http://x/a.png", "pinned": true
        }))
        .unwrap();
        assert_eq!(chat.unread_messages, 0);
        assert_eq!(chat.avatar_url.as_deref(), Some("http://x/a.png"));
        assert_eq!(
            Chat::new(ChatId::new("c"), ChatType::Group)
                .with_title("T")
                .title
                .as_deref(),
            Some("T")
        );
    }
}
