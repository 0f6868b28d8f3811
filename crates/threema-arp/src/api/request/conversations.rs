//! `request/conversations`: the conversation list (client → app). Answered by
//! `response/conversations`; subscribes to `update/conversation` and `update/typing`.

use crate::api::macros::wire_message;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// `request/conversations` (client → app).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestConversations {
    /// The avatar size.
    pub args: RequestConversationsArgs,
}

/// The `args` of [`RequestConversations`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestConversationsArgs {
    /// The maximum side length in px of the receiver avatars (Threema Web uses 48).
    pub max_size: u32,
}

impl RequestConversations {
    /// The conversations, with avatars at most `max_size` px on each side.
    pub fn new(max_size: u32) -> Self {
        Self {
            args: RequestConversationsArgs { max_size },
        }
    }

    fn check(&self) -> Result<()> {
        if self.args.max_size == 0 {
            return Err(Error::invalid(
                "request/conversations args.maxSize",
                "must not be 0",
            ));
        }
        Ok(())
    }
}

wire_message!(RequestConversations = "request" / "conversations", [ToApp], args: required,
    validate: RequestConversations::check);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{assert_keys, frame_round_trip};

    #[test]
    fn round_trips() {
        let value = frame_round_trip(&Frame::new(RequestConversations::new(48)), Direction::ToApp);
        assert_keys(&value, "args", &["maxSize"]);
        assert!(Frame::new(RequestConversations::new(0)).encode().is_err());
    }
}
