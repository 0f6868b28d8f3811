//! `request/read`: mark messages read up to a message (client → app). Answered by
//! `update/messages` after delivery; error code `invalidMessage`.

use crate::api::macros::wire_message;
use crate::error::Result;
use crate::model::MessageRef;

/// `request/read` (client → app).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestRead {
    /// The newest message the user has seen (receiver type without `me`).
    pub args: MessageRef,
}

impl RequestRead {
    /// Marks everything up to `message` as read.
    pub fn new(message: MessageRef) -> Self {
        Self { args: message }
    }

    fn check(&self) -> Result<()> {
        self.args.check("request/read", false)
    }
}

wire_message!(RequestRead = "request" / "read", [ToApp], args: required,
    validate: RequestRead::check);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::model::ReceiverRef;
    use crate::testutil::{assert_keys, frame_round_trip};

    #[test]
    fn round_trips() {
        let message = MessageRef::new(ReceiverRef::contact("ECHOECHO"), "9");
        let value = frame_round_trip(&Frame::new(RequestRead::new(message)), Direction::ToApp);
        assert_keys(&value, "args", &["type", "id", "messageId"]);
    }
}
