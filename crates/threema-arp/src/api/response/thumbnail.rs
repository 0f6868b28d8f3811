//! `response/thumbnail`: the thumbnail of a message (app → client). `data` is the bare
//! image (JPEG, at most 350×350 px) or absent. Error code `invalidMessage`.

use crate::api::macros::wire_message;
use crate::model::{Binary, MessageRef};

/// `response/thumbnail` (app → client).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ResponseThumbnail {
    /// The message.
    pub args: MessageRef,
    /// The thumbnail bytes.
    pub data: Option<Binary>,
}

impl ResponseThumbnail {
    /// The thumbnail of `message`.
    pub fn new(message: MessageRef, thumbnail: Option<Binary>) -> Self {
        Self {
            args: message,
            data: thumbnail,
        }
    }
}

wire_message!(ResponseThumbnail = "response" / "thumbnail", [FromApp], args: required,
    data: optional);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::model::ReceiverRef;
    use crate::testutil::{assert_bin, frame_round_trip};

    #[test]
    fn round_trips_with_bare_bin() {
        let message = MessageRef::new(ReceiverRef::contact("ECHOECHO"), "4");
        let reply = ResponseThumbnail::new(message, Some(vec![0xff, 0xd8].into()));
        let value = frame_round_trip(&Frame::new(reply), Direction::FromApp);
        assert_bin(&value, "data", &[0xff, 0xd8]);
    }
}
