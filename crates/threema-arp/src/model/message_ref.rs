//! [`MessageRef`]: the `args` triple `type` + `id` + `messageId` that addresses a message.

use super::{ReceiverRef, ReceiverType};
use crate::error::Result;
use serde::{Deserialize, Serialize};

/// Addresses one message of a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageRef {
    /// The receiver type of the conversation.
    #[serde(rename = "type")]
    pub receiver_type: ReceiverType,
    /// The receiver id of the conversation.
    pub id: String,
    /// The message id.
    #[serde(rename = "messageId")]
    pub message_id: String,
}

impl MessageRef {
    /// The message `message_id` in the conversation with `receiver`.
    pub fn new(receiver: ReceiverRef, message_id: impl Into<String>) -> Self {
        Self {
            receiver_type: receiver.receiver_type,
            id: receiver.id,
            message_id: message_id.into(),
        }
    }

    /// The conversation part.
    pub fn receiver(&self) -> ReceiverRef {
        ReceiverRef::new(self.receiver_type.clone(), self.id.clone())
    }

    /// Validates a reference built by the user.
    pub(crate) fn check(&self, field: &str, allow_me: bool) -> Result<()> {
        self.receiver().check(field, allow_me)?;
        super::receiver_ref::non_empty(&format!("{field} args.messageId"), &self.message_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{assert_keys, round_trip};

    #[test]
    fn round_trips_with_three_keys() {
        let reference = MessageRef::new(ReceiverRef::contact("ECHOECHO"), "123");
        let value = round_trip(&reference);
        assert_keys(&value, "", &["type", "id", "messageId"]);
        assert_eq!(reference.receiver(), ReceiverRef::contact("ECHOECHO"));
        assert!(reference.check("m", false).is_ok());
        assert!(
            MessageRef::new(ReceiverRef::group("1"), "")
                .check("m", true)
                .is_err()
        );
    }
}
