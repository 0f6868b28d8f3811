//! `createP2PChat` — create (or get the existing) personal chat with a user.

use crate::api::Method;
use crate::model::{CreatedChat, UserId};
use serde::{Deserialize, Serialize};

/// The `createP2PChat` request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CreateP2pChat {
    /// The peer's TrueConf ID.
    pub user_id: UserId,
}

impl CreateP2pChat {
    /// A personal chat with `user_id`.
    pub fn new(user_id: UserId) -> Self {
        Self { user_id }
    }
}

impl Method for CreateP2pChat {
    const NAME: &'static str = "createP2PChat";
    type Response = CreatedChat;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{encoded, request_sample, response_sample};

    const REQUEST: &str = r#"{
"type": 1,
"id": 1,
"method": "createP2PChat",
"payload": {
"userId": "user@video.example.com"
}
}"#;

    #[test]
    fn seed_samples() {
        let request: CreateP2pChat = request_sample(REQUEST);
        assert_eq!(request, CreateP2pChat::new("user@video.example.com".into()));
        assert_eq!(
            encoded(&request)["payload"],
            serde_json::from_str::<serde_json::Value>(REQUEST).unwrap()["payload"]
        );
        let response = response_sample::<CreateP2pChat>(
            r#"{
"type": 2,
"id": 1,
"payload": {
"chatId": "4a1f88f1070d2f43d385cde9ff61964bc6b74477"
}
}"#,
        );
        assert_eq!(response.chat_id, "4a1f88f1070d2f43d385cde9ff61964bc6b74477");
    }
}
