//! `delete/message`: delete a message (client → app). Confirmed by `update/confirm`; error
//! codes `invalidMessage`, `badRequest`.

use crate::api::macros::wire_message;
use crate::error::Result;
use crate::model::MessageRef;

/// `delete/message` (client → app).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeleteMessage {
    /// The message.
    pub args: MessageRef,
}

impl DeleteMessage {
    /// Deletes `message`.
    pub fn new(message: MessageRef) -> Self {
        Self { args: message }
    }

    fn check(&self) -> Result<()> {
        self.args.check("delete/message", true)
    }
}

wire_message!(DeleteMessage = "delete" / "message", [ToApp], args: required,
    validate: DeleteMessage::check);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::model::ReceiverRef;
    use crate::testutil::{assert_keys, frame_round_trip};

    #[test]
    fn round_trips() {
        let message = MessageRef::new(ReceiverRef::contact("ECHOECHO"), "5");
        let value = frame_round_trip(&Frame::new(DeleteMessage::new(message)), Direction::ToApp);
        assert_keys(&value, "args", &["type", "id", "messageId"]);
    }
}
