//! `request/thumbnail`: the thumbnail of a message (client → app). Answered by
//! `response/thumbnail`.

use crate::api::macros::wire_message;
use crate::error::Result;
use crate::model::MessageRef;

/// `request/thumbnail` (client → app).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestThumbnail {
    /// The message.
    pub args: MessageRef,
}

impl RequestThumbnail {
    /// The thumbnail of `message`.
    pub fn new(message: MessageRef) -> Self {
        Self { args: message }
    }

    fn check(&self) -> Result<()> {
        self.args.check("request/thumbnail", true)
    }
}

wire_message!(RequestThumbnail = "request" / "thumbnail", [ToApp], args: required,
    validate: RequestThumbnail::check);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::model::ReceiverRef;
    use crate::testutil::{assert_keys, frame_round_trip};

    #[test]
    fn round_trips() {
        let message = MessageRef::new(ReceiverRef::group("17"), "3");
        let value = frame_round_trip(
            &Frame::new(RequestThumbnail::new(message)),
            Direction::ToApp,
        );
        assert_keys(&value, "args", &["type", "id", "messageId"]);
    }
}
