//! `response/conversations`: the conversation list (app → client). `data` is an array.

use crate::api::macros::wire_message;
use crate::model::Conversation;

/// `response/conversations` (app → client).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ResponseConversations {
    /// The conversations.
    pub data: Vec<Conversation>,
}

impl ResponseConversations {
    /// The reply with these conversations.
    pub fn new(conversations: Vec<Conversation>) -> Self {
        Self {
            data: conversations,
        }
    }
}

wire_message!(ResponseConversations = "response" / "conversations", [FromApp], data: list);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::codec::Ack;
    use crate::testutil::{assert_bin, frame_round_trip, sample_conversation};

    #[test]
    fn round_trips_an_array() {
        let reply = ResponseConversations::new(vec![sample_conversation(), sample_conversation()]);
        let value = frame_round_trip(
            &Frame::new(reply).with_ack(Ack::success("c")),
            Direction::FromApp,
        );
        assert_bin(&value, "data.1.avatar", &[1, 2, 3]);
        frame_round_trip(
            &Frame::new(ResponseConversations::new(vec![])),
            Direction::FromApp,
        );
    }
}
