//! `update/messages`: messages of a subscribed conversation changed (app → client). Also the
//! reply to `request/ack` and `request/read`. With mode `removed`, optional fields may be
//! stripped.

use crate::api::macros::wire_message;
use crate::model::{Message, ReceiverRef, ReceiverType, UpdateMode};
use serde::{Deserialize, Serialize};

/// `update/messages` (app → client).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct UpdateMessages {
    /// The conversation and the mode.
    pub args: UpdateMessagesArgs,
    /// The changed messages.
    pub data: Vec<Message>,
}

/// The `args` of [`UpdateMessages`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UpdateMessagesArgs {
    /// The receiver type.
    #[serde(rename = "type")]
    pub receiver_type: ReceiverType,
    /// The receiver id.
    pub id: String,
    /// How the messages changed.
    pub mode: UpdateMode,
}

impl UpdateMessages {
    /// `messages` of the conversation with `receiver` changed in `mode`.
    pub fn new(receiver: ReceiverRef, mode: UpdateMode, messages: Vec<Message>) -> Self {
        Self {
            args: UpdateMessagesArgs {
                receiver_type: receiver.receiver_type,
                id: receiver.id,
                mode,
            },
            data: messages,
        }
    }
}

wire_message!(UpdateMessages = "update" / "messages", [FromApp], args: required, data: list);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{assert_keys, frame_round_trip, sample_message};

    #[test]
    fn round_trips() {
        let update = UpdateMessages::new(
            ReceiverRef::contact("ECHOECHO"),
            UpdateMode::New,
            vec![sample_message()],
        );
        let value = frame_round_trip(&Frame::new(update), Direction::FromApp);
        assert_keys(&value, "args", &["type", "id", "mode"]);
    }
}
