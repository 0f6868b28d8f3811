//! `removeMessage` — delete a message, for the bot only or for everyone.

use crate::api::Method;
use crate::model::{Empty, MessageId};
use serde::{Deserialize, Serialize};

/// The `removeMessage` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RemoveMessage {
    /// The message.
    pub message_id: MessageId,
    /// Remove for everyone.
    #[serde(default)]
    pub for_all: bool,
}

impl RemoveMessage {
    /// Removes `message_id` (for everyone if `for_all`).
    pub fn new(message_id: MessageId, for_all: bool) -> Self {
        Self {
            message_id,
            for_all,
        }
    }
}

impl Method for RemoveMessage {
    const NAME: &'static str = "removeMessage";
    type Response = Empty;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request_sample, response_sample};

    #[test]
    fn request_and_response() {
        let request: RemoveMessage = request_sample(
            r#"{"type":1,"id":8,"method":"removeMessage","payload":{"messageId":"m1","forAll":true}}"#,
        );
        assert_eq!(request, RemoveMessage::new(MessageId::new("m1"), true));
        assert_eq!(
            response_sample::<RemoveMessage>(r#"{"type":2,"id":8,"payload":{}}"#),
            Empty::new()
        );
    }
}
