//! `editMessage` — replace the content of one of the bot's messages (text, parse mode and
//! buttons are all overwritten).

use super::validate_text_content;
use crate::api::Method;
use crate::model::{MessageId, TextContent, Timestamp};
use crate::validate::ValidationError;
use serde::{Deserialize, Serialize};

/// The `editMessage` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct EditMessage {
    /// The message.
    pub message_id: MessageId,
    /// The new content.
    pub content: TextContent,
}

impl EditMessage {
    /// Replaces the content of `message_id`.
    pub fn new(message_id: MessageId, content: TextContent) -> Self {
        Self {
            message_id,
            content,
        }
    }
}

/// The `editMessage` response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct EditedMessage {
    /// The message.
    pub message_id: MessageId,
    /// When it was edited.
    pub timestamp: Timestamp,
}

impl EditedMessage {
    /// An edit result.
    pub fn new(message_id: MessageId, timestamp: Timestamp) -> Self {
        Self {
            message_id,
            timestamp,
        }
    }
}

impl Method for EditMessage {
    const NAME: &'static str = "editMessage";
    type Response = EditedMessage;

    fn validate(&self) -> Result<(), ValidationError> {
        validate_text_content("content", &self.content)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request_sample, response_sample};

    #[test]
    fn request_and_response() {
        let request: EditMessage = request_sample(
            r#"{"type":1,"id":7,"method":"editMessage","payload":{"messageId":"m1",
                "content":{"text":"fixed","parseMode":"text"}}}"#,
        );
        assert_eq!(request.content.text, "fixed");
        let r = response_sample::<EditMessage>(
            r#"{"type":2,"id":7,"payload":{"messageId":"m1","timestamp":1746028009999}}"#,
        );
        assert_eq!(r.timestamp.as_millis(), 1_746_028_009_999);
        let long = EditMessage::new(MessageId::new("m"), TextContent::plain("я".repeat(4097)));
        assert!(long.validate().is_err());
    }
}
