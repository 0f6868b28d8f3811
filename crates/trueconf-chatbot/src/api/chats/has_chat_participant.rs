//! `hasChatParticipant` — whether a user is in a chat (deprecated in 5.5.3; use
//! `getChatParticipant`).

use crate::api::Method;
use crate::model::{BoolResult, ChatId, UserId};
use serde::{Deserialize, Serialize};

/// The `hasChatParticipant` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct HasChatParticipant {
    /// The chat.
    pub chat_id: ChatId,
    /// The user.
    pub user_id: UserId,
}

impl HasChatParticipant {
    /// Asks whether `user_id` is in `chat_id`.
    pub fn new(chat_id: ChatId, user_id: UserId) -> Self {
        Self { chat_id, user_id }
    }
}

impl Method for HasChatParticipant {
    const NAME: &'static str = "hasChatParticipant";
    type Response = BoolResult;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request_sample, response_sample};

    #[test]
    fn seed_samples() {
        let request: HasChatParticipant = request_sample(
            r#"{
"type": 1,
"id": 1,
"method": "hasChatParticipant",
"payload": {
"chatId": "c8c3eee8-9ad0-4638-9692-ad16391a4256",
"userId": "user@video.example.com"
}
}"#,
        );
        assert_eq!(request.chat_id, "c8c3eee8-9ad0-4638-9692-ad16391a4256");
        let answer = response_sample::<HasChatParticipant>(
            r#"{
"type": 2,
"id": 1,
"payload": {
"result": true
}
}"#,
        );
        assert!(answer.result);
    }
}
