//! `createFavoritesChat` — create the bot's Favorites chat (5.5.2+). No parameters; the
//! payload is `{}` (what the official client sends).

use crate::api::Method;
use crate::model::CreatedChat;
use serde::{Deserialize, Serialize};

/// The `createFavoritesChat` request.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreateFavoritesChat {}

impl CreateFavoritesChat {
    /// The request.
    pub fn new() -> Self {
        Self {}
    }
}

impl Method for CreateFavoritesChat {
    const NAME: &'static str = "createFavoritesChat";
    type Response = CreatedChat;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{encoded, request_sample, response_sample};
    use serde_json::json;

    /// The docs' sample, verbatim: a trailing comma makes it invalid JSON.
    const SEED_REQUEST: &str = r#"{
"type": 1,
"id": 1,
"method": "createFavoritesChat",
}"#;

    #[test]
    fn seed_samples() {
        assert!(serde_json::from_str::<serde_json::Value>(SEED_REQUEST).is_err());
        let fixed = SEED_REQUEST.replace("\"createFavoritesChat\",", "\"createFavoritesChat\"");
        let request: CreateFavoritesChat = request_sample(&fixed);
        assert_eq!(request, CreateFavoritesChat::new());
        assert_eq!(encoded(&request)["payload"], json!({}));
        let response = response_sample::<CreateFavoritesChat>(
            r#"{
"type": 2,
"id": 1,
"payload": {
"chatId": "2b896a6ef210d6b2dcaebc2186c9a7974d616054"
}
}"#,
        );
        assert_eq!(response.chat_id, "2b896a6ef210d6b2dcaebc2186c9a7974d616054");
    }
}
