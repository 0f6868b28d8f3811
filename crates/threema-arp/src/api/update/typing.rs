//! `update/typing`: a contact (app → client) or the user (client → app) is typing. Sent
//! only after the client subscribed with `request/conversations`; rate-limit it. On the
//! chunk cache blacklist.

use crate::api::macros::wire_message;
use crate::error::Result;
use crate::model::IdArgs;
use crate::model::receiver_ref::threema_id;
use serde::{Deserialize, Serialize};

/// `update/typing` (both directions).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdateTyping {
    /// The contact identity of the conversation.
    pub args: IdArgs,
    /// Started or stopped.
    pub data: TypingData,
}

/// The `data` of [`UpdateTyping`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TypingData {
    /// `true` when typing started, `false` when it stopped.
    pub is_typing: bool,
}

impl UpdateTyping {
    /// Typing started or stopped in the conversation with contact `identity`.
    pub fn new(identity: impl Into<String>, is_typing: bool) -> Self {
        Self {
            args: IdArgs::new(identity),
            data: TypingData { is_typing },
        }
    }

    fn check(&self) -> Result<()> {
        // The typing partner is a contact: a Threema ID.
        threema_id("update/typing args.id", &self.args.id)
    }
}

wire_message!(UpdateTyping = "update" / "typing", [ToApp, FromApp], args: required,
    data: required, validate: UpdateTyping::check);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{assert_keys, frame_round_trip};

    #[test]
    fn round_trips_in_both_directions() {
        let frame = Frame::new(UpdateTyping::new("ECHOECHO", true));
        for direction in [Direction::ToApp, Direction::FromApp] {
            assert_keys(&frame_round_trip(&frame, direction), "data", &["isTyping"]);
        }
        assert!(frame.is_blacklisted());
    }
}
