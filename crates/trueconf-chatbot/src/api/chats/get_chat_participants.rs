//! `getChatParticipants` — the participants of a chat, one page at a time.

use crate::api::Method;
use crate::model::{ChatId, ChatParticipant};
use serde::{Deserialize, Serialize};

/// The `getChatParticipants` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetChatParticipants {
    /// The chat.
    pub chat_id: ChatId,
    /// Participants per page.
    pub page_size: u32,
    /// The page (the docs' sample starts at 1).
    pub page_number: u32,
}

impl GetChatParticipants {
    /// Page `page_number` of `page_size` participants of `chat_id`.
    pub fn new(chat_id: ChatId, page_size: u32, page_number: u32) -> Self {
        Self {
            chat_id,
            page_size,
            page_number,
        }
    }
}

/// The `getChatParticipants` response.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChatParticipants {
    /// The participants.
    #[serde(default)]
    pub participants: Vec<ChatParticipant>,
}

impl ChatParticipants {
    /// A page of participants.
    pub fn new(participants: Vec<ChatParticipant>) -> Self {
        Self { participants }
    }
}

impl Method for GetChatParticipants {
    const NAME: &'static str = "getChatParticipants";
    type Response = ChatParticipants;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request_sample, response_sample};
    use crate::model::Role;

    #[test]
    fn seed_samples() {
        let request: GetChatParticipants = request_sample(
            r#"{
"type": 1,
"id": 1,
"method": "getChatParticipants",
"payload": {
"chatId": "c8c3eee8-9ad0-4638-9692-ad16391a4256",
"pageSize": 100,
"pageNumber": 1
}
}"#,
        );
        assert_eq!((request.page_size, request.page_number), (100, 1));
        let page = response_sample::<GetChatParticipants>(
            r#"{
"type": 2,
"id": 1,
"payload": {
"participants": [
{
"userId": "user@video.example.com",
"role": "user",
"type": 1
},
{
"userId": "admin@video.example.com",
"role": "admin",
"type": 1
}
]
}
}"#,
        );
        let roles: Vec<&Role> = page.participants.iter().map(|p| &p.role).collect();
        assert_eq!(roles, [&Role::User, &Role::Admin]);
    }
}
