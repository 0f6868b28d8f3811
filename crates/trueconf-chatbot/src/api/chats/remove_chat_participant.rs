//! `removeChatParticipant` — remove a user from a group chat or channel.

use crate::api::Method;
use crate::model::{ChatId, Empty, UserId};
use serde::{Deserialize, Serialize};

/// The `removeChatParticipant` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RemoveChatParticipant {
    /// The chat.
    pub chat_id: ChatId,
    /// The user to remove.
    pub user_id: UserId,
    /// Also clear the chat (5.5.3+); server default `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clear_history: Option<bool>,
}

impl RemoveChatParticipant {
    /// Removes `user_id` from `chat_id`.
    pub fn new(chat_id: ChatId, user_id: UserId) -> Self {
        Self {
            chat_id,
            user_id,
            clear_history: None,
        }
    }

    /// Sets `clearHistory`.
    #[must_use]
    pub fn with_clear_history(mut self, clear: bool) -> Self {
        self.clear_history = Some(clear);
        self
    }
}

impl Method for RemoveChatParticipant {
    const NAME: &'static str = "removeChatParticipant";
    type Response = Empty;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request_sample, response_sample};

    #[test]
    fn seed_samples() {
        let request: RemoveChatParticipant = request_sample(
            r#"{
"type": 1,
"id": 1,
"method": "removeChatParticipant",
"payload": {
"chatId": "c8c3eee8-9ad0-4638-9692-ad16391a4256",
"userId": "user@video.example.com",
"clearHistory" : false
}
}"#,
        );
        assert_eq!(request.clear_history, Some(false));
        assert_eq!(
            response_sample::<RemoveChatParticipant>(r#"{"type": 2, "id": 1, "payload": {}}"#),
            Empty::new()
        );
    }
}
