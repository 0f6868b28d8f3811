//! `getMessageById` — one message (with `chatId`, `isEdited`, `box` and the replied-to message
//! expanded one level).

use crate::api::Method;
use crate::model::{Envelope, MessageId};
use serde::{Deserialize, Serialize};

/// The `getMessageById` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetMessageById {
    /// The message.
    pub message_id: MessageId,
}

impl GetMessageById {
    /// Asks for `message_id`.
    pub fn new(message_id: MessageId) -> Self {
        Self { message_id }
    }
}

impl Method for GetMessageById {
    const NAME: &'static str = "getMessageById";
    type Response = Envelope;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request_sample, response_sample};

    #[test]
    fn request_and_response() {
        let request: GetMessageById = request_sample(
            r#"{"type":1,"id":11,"method":"getMessageById","payload":{"messageId":"m2"}}"#,
        );
        assert_eq!(request.message_id, "m2");
        let e = response_sample::<GetMessageById>(
            r#"{"type":2,"id":11,"payload":{"chatId":"c","messageId":"m2","timestamp":1746028006345,
                "author":{"id":"u@s","type":1},"type":200,"content":{"text":"re","parseMode":"text"},
                "isEdited":false,"box":{"id":9,"position":"1"},"replyMessageId":"m1",
                "replyMessage":{"messageId":"m1","timestamp":1746028000000,"author":{"id":"bot@s","type":1},
                    "type":202,"content":{"name":"a.pdf","size":10,"fileId":"f","mimeType":"application/pdf"}}}}"#,
        );
        assert_eq!(e.reply_message_id, Some(MessageId::new("m1")));
        assert!(e.reply_message.is_some());
    }
}
