//! `getChatParticipant` — one participant's role and type (5.5.3+).

use crate::api::Method;
use crate::model::{ChatId, ChatParticipant, UserId};
use serde::{Deserialize, Serialize};

/// The `getChatParticipant` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetChatParticipant {
    /// The chat.
    pub chat_id: ChatId,
    /// The user.
    pub user_id: UserId,
}

impl GetChatParticipant {
    /// Asks for `user_id` in `chat_id`.
    pub fn new(chat_id: ChatId, user_id: UserId) -> Self {
        Self { chat_id, user_id }
    }
}

impl Method for GetChatParticipant {
    const NAME: &'static str = "getChatParticipant";
    type Response = ChatParticipant;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request_sample, response_sample};
    use crate::model::{AuthorType, Role};

    /// The docs' sample, verbatim: a trailing comma makes it invalid JSON.
    const SEED_REQUEST: &str = r#"{
"type": 1,
"id": 1,
"method": "getChatParticipant",
"payload": {
"chatId": "c8c3eee8-9ad0-4638-9692-ad16391a4256",
"userId": "user@video.example.com",
}
}"#;

    #[test]
    fn seed_samples() {
        assert!(serde_json::from_str::<serde_json::Value>(SEED_REQUEST).is_err());
        let fixed =
            SEED_REQUEST.replace("\"user@video.example.com\",", "\"user@video.example.com\"");
        let request: GetChatParticipant = request_sample(&fixed);
        assert_eq!(request.user_id, "user@video.example.com");
        let participant = response_sample::<GetChatParticipant>(
            r#"{
"type": 2,
"id": 1,
"payload": {
"userId": "user@video.example.com",
"role": "user",
"type": 1
}
}"#,
        );
        assert_eq!(participant.role, Role::User);
        assert_eq!(participant.kind, AuthorType::User);
    }
}
