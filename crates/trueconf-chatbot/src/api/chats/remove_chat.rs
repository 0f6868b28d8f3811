//! `removeChat` — delete a chat for all participants.

use crate::api::Method;
use crate::model::ChatId;
use serde::{Deserialize, Serialize};

/// The `removeChat` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RemoveChat {
    /// The chat.
    pub chat_id: ChatId,
}

impl RemoveChat {
    /// Removes `chat_id`.
    pub fn new(chat_id: ChatId) -> Self {
        Self { chat_id }
    }
}

/// The `removeChat` response. The docs promise `chatId`; real servers send `{}` (python client
/// issue #1), so it is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RemovedChat {
    /// The removed chat, when the server says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_id: Option<ChatId>,
}

impl Method for RemoveChat {
    const NAME: &'static str = "removeChat";
    type Response = RemovedChat;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{request_sample, response_sample};

    #[test]
    fn seed_samples() {
        let request: RemoveChat = request_sample(
            r#"{
"type": 1,
"id": 1,
"method": "removeChat",
"payload": {
"chatId": "c8c3eee8-9ad0-4638-9692-ad16391a4256"
}
}"#,
        );
        assert_eq!(request.chat_id, "c8c3eee8-9ad0-4638-9692-ad16391a4256");
        let response = response_sample::<RemoveChat>(
            r#"{
"type": 2,
"id": 1,
"payload": {
"chatId": "c8c3eee8-9ad0-4638-9692-ad16391a4256"
}
}"#,
        );
        assert_eq!(
            response.chat_id,
            Some(ChatId::new("c8c3eee8-9ad0-4638-9692-ad16391a4256"))
        );
    }

    #[test]
    fn real_server_response_without_chat_id() {
        let response = response_sample::<RemoveChat>(r#"{"type":2,"id":1,"payload":{}}"#);
        assert_eq!(response, RemovedChat::default());
    }
}
