//! `request/messages`: one page of a conversation's messages (client → app). Answered by
//! `response/messages`; subscribes to `update/messages` for that conversation.

use crate::api::macros::wire_message;
use crate::error::Result;
use crate::model::{ReceiverRef, ReceiverType};
use serde::{Deserialize, Serialize};

/// `request/messages` (client → app).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestMessages {
    /// The conversation and the paging reference.
    pub args: RequestMessagesArgs,
}

/// The `args` of [`RequestMessages`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestMessagesArgs {
    /// The receiver type (without `me`).
    #[serde(rename = "type")]
    pub receiver_type: ReceiverType,
    /// The receiver id.
    pub id: String,
    /// Paging: only messages older than this message id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ref_msg_id: Option<String>,
}

impl RequestMessages {
    /// The newest messages of the conversation with `receiver`.
    pub fn new(receiver: ReceiverRef) -> Self {
        Self {
            args: RequestMessagesArgs {
                receiver_type: receiver.receiver_type,
                id: receiver.id,
                ref_msg_id: None,
            },
        }
    }

    /// Only messages older than `message_id`.
    #[must_use]
    pub fn older_than(mut self, message_id: impl Into<String>) -> Self {
        self.args.ref_msg_id = Some(message_id.into());
        self
    }

    fn check(&self) -> Result<()> {
        ReceiverRef::new(self.args.receiver_type.clone(), self.args.id.clone())
            .check("request/messages", false)
    }
}

wire_message!(RequestMessages = "request" / "messages", [ToApp], args: required,
    validate: RequestMessages::check);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{assert_keys, frame_round_trip};

    #[test]
    fn round_trips_with_paging() {
        let request = RequestMessages::new(ReceiverRef::contact("ECHOECHO")).older_than("40");
        let value = frame_round_trip(&Frame::new(request), Direction::ToApp);
        assert_keys(&value, "args", &["type", "id", "refMsgId"]);
    }
}
