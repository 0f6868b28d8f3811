//! `delete/cleanReceiverConversation`: delete all messages of a conversation
//! (client → app). Confirmed by `update/confirm`; error codes `invalidIdentity`,
//! `badRequest`.

use crate::api::macros::wire_message;
use crate::error::Result;
use crate::model::ReceiverRef;

/// `delete/cleanReceiverConversation` (client → app).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeleteCleanReceiverConversation {
    /// The conversation (receiver type without `me`).
    pub args: ReceiverRef,
}

impl DeleteCleanReceiverConversation {
    /// Empties the conversation with `receiver`.
    pub fn new(receiver: ReceiverRef) -> Self {
        Self { args: receiver }
    }

    fn check(&self) -> Result<()> {
        self.args.check("delete/cleanReceiverConversation", false)
    }
}

wire_message!(DeleteCleanReceiverConversation = "delete" / "cleanReceiverConversation",
    [ToApp], args: required, validate: DeleteCleanReceiverConversation::check);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::model::ReceiverType;
    use crate::testutil::{assert_keys, frame_round_trip};

    #[test]
    fn round_trips_and_rejects_me() {
        let frame = Frame::new(DeleteCleanReceiverConversation::new(ReceiverRef::group(
            "4",
        )))
        .with_id("d");
        let value = frame_round_trip(&frame, Direction::ToApp);
        assert_keys(&value, "", &["type", "subType", "id", "args"]);
        let me = ReceiverRef::new(ReceiverType::Me, "ECHOECHO");
        assert!(
            Frame::new(DeleteCleanReceiverConversation::new(me))
                .encode()
                .is_err()
        );
    }
}
