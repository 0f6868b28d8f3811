//! `update/conversation`: star or unstar a conversation (client → app, confirmed by
//! `update/confirm`; error codes `invalidConversation`, `badRequest`), and a subscribed
//! conversation changed (app → client).

use crate::api::macros::wire_message;
use crate::error::Result;
use crate::model::{Conversation, ReceiverRef, UpdateMode};
use serde::{Deserialize, Serialize};

/// `update/conversation` (client → app).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdateConversation {
    /// The conversation.
    pub args: ReceiverRef,
    /// The changes.
    pub data: UpdateConversationData,
}

/// The `data` of [`UpdateConversation`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UpdateConversationData {
    /// Star or unstar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_starred: Option<bool>,
}

impl UpdateConversation {
    /// Stars (or unstars) the conversation with `receiver`.
    pub fn starred(receiver: ReceiverRef, is_starred: bool) -> Self {
        Self {
            args: receiver,
            data: UpdateConversationData {
                is_starred: Some(is_starred),
            },
        }
    }

    fn check(&self) -> Result<()> {
        self.args.check("update/conversation", true)
    }
}

wire_message!(UpdateConversation = "update" / "conversation", [ToApp], args: required,
    data: required, validate: UpdateConversation::check);

/// `update/conversation` (app → client): a subscribed conversation changed. A rising
/// `unread_count` in `modified` means a new message arrived.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ConversationUpdated {
    /// How it changed.
    pub args: ConversationUpdatedArgs,
    /// The conversation (its own `type` and `id` identify it).
    pub data: Conversation,
}

/// The `args` of [`ConversationUpdated`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ConversationUpdatedArgs {
    /// The update mode.
    pub mode: UpdateMode,
}

impl ConversationUpdated {
    /// `conversation` changed in `mode`.
    pub fn new(mode: UpdateMode, conversation: Conversation) -> Self {
        Self {
            args: ConversationUpdatedArgs { mode },
            data: conversation,
        }
    }
}

wire_message!(ConversationUpdated = "update" / "conversation", [FromApp], args: required,
    data: required);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Direction, Frame};
    use crate::testutil::{assert_keys, frame_round_trip, sample_conversation};

    #[test]
    fn both_directions_round_trip() {
        let request = UpdateConversation::starred(ReceiverRef::group("17"), true);
        let value = frame_round_trip(&Frame::new(request), Direction::ToApp);
        assert_keys(&value, "data", &["isStarred"]);
        let update = ConversationUpdated::new(UpdateMode::Modified, sample_conversation());
        let value = frame_round_trip(&Frame::new(update), Direction::FromApp);
        assert_keys(&value, "args", &["mode"]);
    }
}
