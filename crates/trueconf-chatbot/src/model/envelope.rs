//! [`Envelope`]: a message, as delivered by `sendMessage` notifications, `getMessageById`,
//! `getChatHistory` and `Chat.lastMessage`; with [`MessageBox`] and [`ChatRef`].

use super::{Author, ChatId, ChatType, EnvelopeContent, EnvelopeType, MessageId, Timestamp};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// Ordering information of a message in its chat (`box`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageBox {
    /// The box id.
    pub id: i64,
    /// The position within the box.
    pub position: String,
}

impl MessageBox {
    /// A box.
    pub fn new(id: i64, position: impl Into<String>) -> Self {
        Self {
            id,
            position: position.into(),
        }
    }
}

/// The chat a message belongs to, as newer servers embed it (`chat`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatRef {
    /// The chat.
    pub chat_id: ChatId,
    /// Its title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_title: Option<String>,
    /// Its type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_type: Option<ChatType>,
}

impl ChatRef {
    /// A chat reference.
    pub fn new(chat_id: ChatId) -> Self {
        Self {
            chat_id,
            chat_title: None,
            chat_type: None,
        }
    }
}

/// A message (Envelope): who sent what, where and when.
///
/// `content` is typed by the wire field `type` (see [`EnvelopeContent`]); unknown types keep
/// their raw content. `Chat.lastMessage` envelopes have no `chatId`, `isEdited` or `box`, so
/// those are optional; absent optional fields are not re-serialized.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Envelope {
    /// The message id (for editing, forwarding, removing, replying).
    pub message_id: MessageId,
    /// The chat (absent inside `Chat.lastMessage`).
    pub chat_id: Option<ChatId>,
    /// When the message was sent.
    pub timestamp: Timestamp,
    /// Who sent it (a user, or the server for system envelopes).
    pub author: Author,
    /// What it holds; also decides the wire `type`.
    pub content: EnvelopeContent,
    /// Whether the message was edited.
    pub is_edited: Option<bool>,
    /// Ordering information (`box`).
    pub message_box: Option<MessageBox>,
    /// The message this one replies to.
    pub reply_message_id: Option<MessageId>,
    /// The replied-to message, expanded one level.
    pub reply_message: Option<Box<Envelope>>,
    /// The chat, as newer servers embed it.
    pub chat: Option<ChatRef>,
}

impl Envelope {
    /// An envelope with the required fields.
    pub fn new(
        message_id: MessageId,
        timestamp: Timestamp,
        author: Author,
        content: EnvelopeContent,
    ) -> Self {
        Self {
            message_id,
            chat_id: None,
            timestamp,
            author,
            content,
            is_edited: None,
            message_box: None,
            reply_message_id: None,
            reply_message: None,
            chat: None,
        }
    }

    /// Sets the chat id.
    #[must_use]
    pub fn with_chat_id(mut self, chat_id: ChatId) -> Self {
        self.chat_id = Some(chat_id);
        self
    }

    /// The wire `type`.
    pub fn envelope_type(&self) -> EnvelopeType {
        self.content.envelope_type()
    }

    /// The text, for plain messages.
    pub fn text(&self) -> Option<&str> {
        self.content.text().map(|t| t.text.as_str())
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct EnvelopeWire {
    message_id: MessageId,
    #[serde(default)]
    chat_id: Option<ChatId>,
    timestamp: Timestamp,
    author: Author,
    #[serde(rename = "type")]
    kind: EnvelopeType,
    #[serde(default)]
    content: Value,
    #[serde(default)]
    is_edited: Option<bool>,
    #[serde(default, rename = "box")]
    message_box: Option<MessageBox>,
    #[serde(default)]
    reply_message_id: Option<MessageId>,
    #[serde(default)]
    reply_message: Option<Box<Envelope>>,
    #[serde(default)]
    chat: Option<ChatRef>,
}

impl<'de> Deserialize<'de> for Envelope {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = EnvelopeWire::deserialize(deserializer)?;
        // A missing content decodes like an empty object, so optional-only kinds still work.
        let content = match wire.content {
            Value::Null => Value::Object(serde_json::Map::new()),
            other => other,
        };
        let content = EnvelopeContent::from_wire(wire.kind, content).map_err(|message| {
            serde::de::Error::custom(format!("envelope type {}: {message}", u32::from(wire.kind)))
        })?;
        Ok(Self {
            message_id: wire.message_id,
            chat_id: wire.chat_id,
            timestamp: wire.timestamp,
            author: wire.author,
            content,
            is_edited: wire.is_edited,
            message_box: wire.message_box,
            reply_message_id: wire.reply_message_id,
            reply_message: wire.reply_message,
            chat: wire.chat,
        })
    }
}

impl Serialize for Envelope {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(chat_id) = &self.chat_id {
            map.serialize_entry("chatId", chat_id)?;
        }
        map.serialize_entry("messageId", &self.message_id)?;
        map.serialize_entry("timestamp", &self.timestamp)?;
        map.serialize_entry("author", &self.author)?;
        map.serialize_entry("type", &self.envelope_type())?;
        map.serialize_entry("content", &self.content)?;
        if let Some(is_edited) = &self.is_edited {
            map.serialize_entry("isEdited", is_edited)?;
        }
        if let Some(message_box) = &self.message_box {
            map.serialize_entry("box", message_box)?;
        }
        if let Some(reply_message_id) = &self.reply_message_id {
            map.serialize_entry("replyMessageId", reply_message_id)?;
        }
        if let Some(reply_message) = &self.reply_message {
            map.serialize_entry("replyMessage", reply_message)?;
        }
        if let Some(chat) = &self.chat {
            map.serialize_entry("chat", chat)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AuthorType, ParseMode, TextContent};
    use serde_json::json;

    #[test]
    fn full_envelope_round_trips() {
        let raw = json!({
            "chatId": "bd05af54347e04a1c44e70033d35834d4428bb5d",
            "messageId": "d8bdd362-2656-46ff-a1db-8dadd2b76250",
            "timestamp": 1746028006345u64,
            "author": {"id": "brown@video.example.com", "type": 1},
            "type": 200,
            "content": {"text": "What's up?", "parseMode": "text"},
            "isEdited": false,
            "box": {"id": 17, "position": "0"},
            "replyMessageId": "m0",
            "replyMessage": {
                "messageId": "m0",
                "timestamp": 1746028000000u64,
                "author": {"id": "bot@video.example.com", "type": 1},
                "type": 200,
                "content": {"text": "Hi", "parseMode": "html"}
            },
            "chat": {"chatId": "bd05", "chatTitle": "brown", "chatType": 1}
        });
        let e: Envelope = serde_json::from_value(raw.clone()).unwrap();
        assert_eq!(e.text(), Some("What's up?"));
        assert_eq!(e.author.kind, AuthorType::User);
        assert_eq!(e.message_box, Some(MessageBox::new(17, "0")));
        assert_eq!(e.reply_message.as_ref().and_then(|r| r.text()), Some("Hi"));
        assert_eq!(
            e.chat.as_ref().map(|c| c.chat_type),
            Some(Some(ChatType::P2p))
        );
        assert_eq!(serde_json::to_value(&e).unwrap(), raw);
    }

    #[test]
    fn built_envelope_serializes_its_type_from_content() {
        let e = Envelope::new(
            MessageId::new("m"),
            Timestamp::from_millis(5_000_000_000_000),
            Author::new("u@s", AuthorType::User),
            EnvelopeContent::Text(TextContent::new("x", ParseMode::Markdown)),
        )
        .with_chat_id(ChatId::new("c"));
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            json!({
                "chatId": "c", "messageId": "m", "timestamp": 5000000000000u64,
                "author": {"id": "u@s", "type": 1}, "type": 200,
                "content": {"text": "x", "parseMode": "markdown"}
            })
        );
    }

    #[test]
    fn bad_content_names_the_type_and_the_field() {
        let raw = json!({
            "messageId": "m", "timestamp": 1, "author": {"id": "u", "type": 1},
            "type": 202, "content": {"name": "a.txt", "size": "big", "fileId": "f", "mimeType": "text/plain"}
        });
        let err = transport_core::json::from_value::<Envelope>("envelope", raw).unwrap_err();
        let shown = err.to_string();
        assert!(shown.contains("envelope type 202"), "{shown}");
        assert!(shown.contains("`content.size`"), "{shown}");
    }
}
