//! `sendMessage` — send a text message (optionally a reply, optionally with inline buttons).

use super::validate_text_content;
use crate::api::Method;
use crate::model::{ChatId, MessageId, SentMessage, TextContent};
use crate::validate::ValidationError;
use serde::{Deserialize, Serialize};

/// The `sendMessage` request. `replyMessageId` is always sent (`null` when not a reply), as
/// the official client does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SendMessage {
    /// The chat.
    pub chat_id: ChatId,
    /// The message this one replies to.
    #[serde(default)]
    pub reply_message_id: Option<MessageId>,
    /// Text, parse mode and buttons.
    pub content: TextContent,
}

impl SendMessage {
    /// Sends `content` to `chat_id`.
    pub fn new(chat_id: ChatId, content: TextContent) -> Self {
        Self {
            chat_id,
            reply_message_id: None,
            content,
        }
    }

    /// Makes it a reply to `message_id`.
    #[must_use]
    pub fn reply_to(mut self, message_id: MessageId) -> Self {
        self.reply_message_id = Some(message_id);
        self
    }
}

impl Method for SendMessage {
    const NAME: &'static str = "sendMessage";
    type Response = SentMessage;

    fn validate(&self) -> Result<(), ValidationError> {
        validate_text_content("content", &self.content)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{encoded, request_sample, response_sample};
    use crate::model::{Button, ParseMode};
    use serde_json::json;

    #[test]
    fn request_and_response() {
        let request: SendMessage = request_sample(
            r#"{"type":1,"id":5,"method":"sendMessage","payload":{
                "chatId":"51ffe1b1a5bd3c4e6b5b1b2d6b0a5f1c","replyMessageId":null,
                "content":{"text":"Hello, <b>world</b>!","parseMode":"html"}}}"#,
        );
        assert_eq!(request.content.parse_mode, ParseMode::Html);
        let reply = SendMessage::new(ChatId::new("c"), TextContent::plain("ok"))
            .reply_to(MessageId::new("m0"));
        assert_eq!(
            encoded(&reply)["payload"],
            json!({"chatId": "c", "replyMessageId": "m0", "content": {"text": "ok", "parseMode": "text"}})
        );
        let sent = response_sample::<SendMessage>(
            r#"{"type":2,"id":5,"payload":{"chatId":"51ffe1b1a5bd3c4e6b5b1b2d6b0a5f1c","messageId":"6f1a0b3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b","timestamp":1746028006345}}"#,
        );
        assert_eq!(sent.message_id, "6f1a0b3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
    }

    #[test]
    fn with_buttons() {
        let request: SendMessage = request_sample(
            r#"{"type":1,"id":6,"method":"sendMessage","payload":{"chatId":"c","replyMessageId":null,
                "content":{"text":"Pick","parseMode":"text","buttons":[[
                    {"type":"command","label":"Yes","command":"/yes","customData":"1","style":"success"},
                    {"type":"url","label":"Docs","url":"https://trueconf.com"}]]}}}"#,
        );
        assert_eq!(request.content.buttons[0].len(), 2);
        assert!(request.validate().is_ok());
        let bad = SendMessage::new(
            ChatId::new("c"),
            TextContent::plain("x")
                .with_buttons(vec![vec![Button::url("x", "javascript:alert(1)")]]),
        );
        assert!(matches!(
            bad.validate(),
            Err(ValidationError::UrlScheme { field, .. }) if field == "content.buttons[0][0].url"
        ));
    }

    #[test]
    fn text_limit() {
        let at_limit = SendMessage::new(ChatId::new("c"), TextContent::plain("a".repeat(4096)));
        assert!(at_limit.validate().is_ok());
        let over = SendMessage::new(ChatId::new("c"), TextContent::plain("a".repeat(4097)));
        assert!(matches!(
            over.validate(),
            Err(ValidationError::Length { field, actual: 4097, .. }) if field == "content.text"
        ));
        let markup = SendMessage::new(
            ChatId::new("c"),
            TextContent::new(format!("**{}**", "a".repeat(4096)), ParseMode::Markdown),
        );
        assert!(markup.validate().is_ok());
    }
}
