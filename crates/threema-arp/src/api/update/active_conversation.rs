//! `update/activeConversation`: the user opened a conversation (client → app).

use crate::api::macros::wire_message;
use crate::error::Result;
use crate::model::ReceiverRef;

/// `update/activeConversation` (client → app).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdateActiveConversation {
    /// The opened conversation.
    pub args: ReceiverRef,
}

impl UpdateActiveConversation {
    /// The user opened the conversation with `receiver`.
    pub fn new(receiver: ReceiverRef) -> Self {
        Self { args: receiver }
    }

    fn check(&self) -> Result<()> {
        self.args.check("update/activeConversation", true)
    }
}

wire_message!(UpdateActiveConversation = "update" / "activeConversation", [ToApp],
    args: required, validate: UpdateActiveConversation::check);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{assert_keys, frame_round_trip};

    #[test]
    fn round_trips() {
        let frame = Frame::new(UpdateActiveConversation::new(ReceiverRef::contact(
            "ECHOECHO",
        )));
        assert_keys(
            &frame_round_trip(&frame, Direction::ToApp),
            "args",
            &["type", "id"],
        );
    }
}
