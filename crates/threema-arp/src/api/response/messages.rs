//! `response/messages`: one page of a conversation's messages (app → client). `data` is an
//! array; an empty page means no more messages.

use crate::api::macros::wire_message;
use crate::model::{Message, ReceiverRef, ReceiverType};
use serde::{Deserialize, Serialize};

/// `response/messages` (app → client).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ResponseMessages {
    /// The conversation and whether more messages exist.
    pub args: ResponseMessagesArgs,
    /// The page of messages.
    pub data: Vec<Message>,
}

/// The `args` of [`ResponseMessages`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponseMessagesArgs {
    /// The receiver type.
    #[serde(rename = "type")]
    pub receiver_type: ReceiverType,
    /// The receiver id.
    pub id: String,
    /// Whether older messages are available.
    pub more: bool,
}

impl ResponseMessages {
    /// A page of `messages` of the conversation with `receiver`.
    pub fn new(receiver: ReceiverRef, more: bool, messages: Vec<Message>) -> Self {
        Self {
            args: ResponseMessagesArgs {
                receiver_type: receiver.receiver_type,
                id: receiver.id,
                more,
            },
            data: messages,
        }
    }

    /// Whether older messages can be requested (an empty page means no).
    pub fn has_more(&self) -> bool {
        self.args.more && !self.data.is_empty()
    }
}

wire_message!(ResponseMessages = "response" / "messages", [FromApp], args: required,
    data: list);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{assert_keys, frame_round_trip, sample_message};

    #[test]
    fn round_trips() {
        let reply = ResponseMessages::new(ReceiverRef::group("17"), true, vec![sample_message()]);
        assert!(reply.has_more());
        let value = frame_round_trip(&Frame::new(reply), Direction::FromApp);
        assert_keys(&value, "args", &["type", "id", "more"]);
        let empty = ResponseMessages::new(ReceiverRef::group("17"), true, vec![]);
        assert!(!empty.has_more());
    }
}
