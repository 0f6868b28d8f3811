//! `forwardMessage` — forward a message to another chat.

use crate::api::Method;
use crate::model::{ChatId, MessageId, SentMessage};
use serde::{Deserialize, Serialize};

/// The `forwardMessage` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ForwardMessage {
    /// The message to forward.
    pub message_id: MessageId,
    /// The target chat.
    pub chat_id: ChatId,
}

impl ForwardMessage {
    /// Forwards `message_id` to `chat_id`.
    pub fn new(message_id: MessageId, chat_id: ChatId) -> Self {
        Self {
            message_id,
            chat_id,
        }
    }
}

impl Method for ForwardMessage {
    const NAME: &'static str = "forwardMessage";
    type Response = SentMessage;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request_sample, response_sample};

    #[test]
    fn request_and_response() {
        let request: ForwardMessage = request_sample(
            r#"{"type":1,"id":9,"method":"forwardMessage","payload":{"messageId":"m1","chatId":"c2"}}"#,
        );
        assert_eq!(request.chat_id, "c2");
        let sent = response_sample::<ForwardMessage>(
            r#"{"type":2,"id":9,"payload":{"chatId":"c2","messageId":"m9","timestamp":1746028010000}}"#,
        );
        assert_eq!(sent.message_id, "m9");
    }
}
