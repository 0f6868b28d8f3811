//! `request/ack`: agree to or decline a message (client → app). Answered by
//! `update/messages` after delivery; error code `invalidMessage`.

use crate::api::macros::wire_message;
use crate::error::Result;
use crate::model::{MessageRef, ReceiverRef, ReceiverType};
use serde::{Deserialize, Serialize};

/// `request/ack` (client → app).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestAck {
    /// The message and the verdict.
    pub args: RequestAckArgs,
}

/// The `args` of [`RequestAck`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestAckArgs {
    /// The receiver type of the conversation (without `me`).
    #[serde(rename = "type")]
    pub receiver_type: ReceiverType,
    /// The receiver id of the conversation.
    pub id: String,
    /// The message id.
    pub message_id: String,
    /// `true` to agree, `false` to decline.
    pub acknowledged: bool,
}

impl RequestAck {
    /// Agrees to (`acknowledged`) or declines `message`.
    pub fn new(message: MessageRef, acknowledged: bool) -> Self {
        Self {
            args: RequestAckArgs {
                receiver_type: message.receiver_type,
                id: message.id,
                message_id: message.message_id,
                acknowledged,
            },
        }
    }

    fn check(&self) -> Result<()> {
        let receiver = ReceiverRef::new(self.args.receiver_type.clone(), self.args.id.clone());
        MessageRef::new(receiver, self.args.message_id.clone()).check("request/ack", false)
    }
}

wire_message!(RequestAck = "request" / "ack", [ToApp], args: required,
    validate: RequestAck::check);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{assert_keys, frame_round_trip};

    #[test]
    fn round_trips() {
        let message = MessageRef::new(ReceiverRef::group("17"), "8");
        let frame = Frame::new(RequestAck::new(message, false)).with_id("a");
        let value = frame_round_trip(&frame, Direction::ToApp);
        assert_keys(
            &value,
            "args",
            &["type", "id", "messageId", "acknowledged", "temporaryId"],
        );
        let me = MessageRef::new(ReceiverRef::new(ReceiverType::Me, "ECHOECHO"), "8");
        assert!(Frame::new(RequestAck::new(me, true)).encode().is_err());
    }
}
