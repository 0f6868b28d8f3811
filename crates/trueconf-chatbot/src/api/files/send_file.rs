//! `sendFile` — post an uploaded file (by its `temporalFileId`) with an optional caption.

use crate::api::Method;
use crate::model::{ChatId, FileId, MessageId, TextContent, Timestamp};
use crate::validate::{self, ValidationError};
use serde::{Deserialize, Serialize};

/// The `content` of `sendFile`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct FileMessageContent {
    /// The id returned by the HTTP upload.
    pub temporal_file_id: String,
    /// A caption (text and parse mode; at most 4096 visible characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<TextContent>,
}

impl FileMessageContent {
    /// A file without caption.
    pub fn new(temporal_file_id: impl Into<String>) -> Self {
        Self {
            temporal_file_id: temporal_file_id.into(),
            caption: None,
        }
    }

    /// Sets the caption.
    #[must_use]
    pub fn with_caption(mut self, caption: TextContent) -> Self {
        self.caption = Some(caption);
        self
    }
}

/// The `sendFile` request. `replyMessageId` is always sent (`null` when not a reply).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SendFile {
    /// The chat.
    pub chat_id: ChatId,
    /// The message this one replies to.
    #[serde(default)]
    pub reply_message_id: Option<MessageId>,
    /// The file and caption.
    pub content: FileMessageContent,
}

impl SendFile {
    /// Posts `content` to `chat_id`.
    pub fn new(chat_id: ChatId, content: FileMessageContent) -> Self {
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

/// The `sendFile` response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SentFile {
    /// The chat.
    pub chat_id: ChatId,
    /// The file message.
    pub message_id: MessageId,
    /// When it was posted.
    pub timestamp: Timestamp,
    /// The stored file.
    pub file_id: FileId,
    /// The caption's own message, when a caption was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption_message_id: Option<MessageId>,
}

impl SentFile {
    /// A sent-file record.
    pub fn new(
        chat_id: ChatId,
        message_id: MessageId,
        timestamp: Timestamp,
        file_id: FileId,
    ) -> Self {
        Self {
            chat_id,
            message_id,
            timestamp,
            file_id,
            caption_message_id: None,
        }
    }
}

impl Method for SendFile {
    const NAME: &'static str = "sendFile";
    type Response = SentFile;

    fn validate(&self) -> Result<(), ValidationError> {
        match &self.content.caption {
            Some(caption) => {
                validate::message_text("content.caption.text", &caption.text, &caption.parse_mode)
            }
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{encoded, request_sample, response_sample};
    use serde_json::json;

    #[test]
    fn request_and_response() {
        let request: SendFile = request_sample(
            r#"{"type":1,"id":17,"method":"sendFile","payload":{"chatId":"c","replyMessageId":null,
                "content":{"temporalFileId":"8157ea50-fd9e-4b27-bb93-d9045bc65c48",
                "caption":{"text":"The report","parseMode":"text"}}}}"#,
        );
        assert_eq!(
            request.content.caption.as_ref().map(|c| c.text.as_str()),
            Some("The report")
        );
        assert_eq!(
            encoded(
                &SendFile::new(ChatId::new("c"), FileMessageContent::new("t"))
                    .reply_to(MessageId::new("m"))
            )["payload"],
            json!({"chatId": "c", "replyMessageId": "m", "content": {"temporalFileId": "t"}})
        );
        let sent = response_sample::<SendFile>(
            r#"{"type":2,"id":17,"payload":{"chatId":"c","messageId":"m8","timestamp":1746028011000,
                "fileId":"f8","captionMessageId":"m9"}}"#,
        );
        assert_eq!(sent.caption_message_id, Some(MessageId::new("m9")));
    }

    #[test]
    fn caption_limit() {
        let long = SendFile::new(
            ChatId::new("c"),
            FileMessageContent::new("t").with_caption(TextContent::plain("c".repeat(4097))),
        );
        assert!(matches!(
            long.validate(),
            Err(ValidationError::Length { field, .. }) if field == "content.caption.text"
        ));
        assert!(
            SendFile::new(ChatId::new("c"), FileMessageContent::new("t"))
                .validate()
                .is_ok()
        );
    }
}
