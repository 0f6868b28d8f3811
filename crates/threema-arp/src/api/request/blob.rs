//! `request/blob`: the file behind a message (client → app). Answered by `response/blob`.

use crate::api::macros::wire_message;
use crate::error::Result;
use crate::model::MessageRef;

/// `request/blob` (client → app).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestBlob {
    /// The message whose blob to fetch.
    pub args: MessageRef,
}

impl RequestBlob {
    /// The blob of `message`.
    pub fn new(message: MessageRef) -> Self {
        Self { args: message }
    }

    fn check(&self) -> Result<()> {
        self.args.check("request/blob", true)
    }
}

wire_message!(RequestBlob = "request" / "blob", [ToApp], args: required,
    validate: RequestBlob::check);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::model::ReceiverRef;
    use crate::testutil::{assert_keys, frame_round_trip};

    #[test]
    fn round_trips() {
        let message = MessageRef::new(ReceiverRef::distribution_list("3"), "12");
        let value = frame_round_trip(
            &Frame::new(RequestBlob::new(message)).with_id("b"),
            Direction::ToApp,
        );
        assert_keys(&value, "args", &["type", "id", "messageId", "temporaryId"]);
    }
}
