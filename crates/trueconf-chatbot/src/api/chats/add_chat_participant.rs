//! `addChatParticipant` — add a user to a group chat or channel.

use crate::api::Method;
use crate::model::{ChatId, Empty, UserId};
use serde::{Deserialize, Serialize};

/// The `addChatParticipant` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AddChatParticipant {
    /// The chat.
    pub chat_id: ChatId,
    /// The user to add.
    pub user_id: UserId,
    /// Let the user see earlier messages (5.5.2+).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_history: Option<bool>,
}

impl AddChatParticipant {
    /// Adds `user_id` to `chat_id`.
    pub fn new(chat_id: ChatId, user_id: UserId) -> Self {
        Self {
            chat_id,
            user_id,
            display_history: None,
        }
    }

    /// Sets `displayHistory`.
    #[must_use]
    pub fn with_display_history(mut self, display: bool) -> Self {
        self.display_history = Some(display);
        self
    }
}

impl Method for AddChatParticipant {
    const NAME: &'static str = "addChatParticipant";
    type Response = Empty;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request_sample, response_sample};

    #[test]
    fn seed_samples() {
        let request: AddChatParticipant = request_sample(
            r#"{
"type": 1,
"id": 1,
"method": "addChatParticipant",
"payload": {
"chatId": "c8c3eee8-9ad0-4638-9692-ad16391a4256",
"userId": "user@video.example.com",
"displayHistory": false
}
}"#,
        );
        assert_eq!(
            request,
            AddChatParticipant::new(
                ChatId::new("c8c3eee8-9ad0-4638-9692-ad16391a4256"),
                UserId::new("user@video.example.com")
            )
            .with_display_history(false)
        );
        assert_eq!(
            response_sample::<AddChatParticipant>(
                r#"{
"type": 2,
"id": 1,
"payload": {}
}"#
            ),
            Empty::new()
        );
    }
}
