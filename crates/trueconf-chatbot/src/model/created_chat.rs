//! [`CreatedChat`]: the `{chatId}` response of the chat-creating methods.

use super::ChatId;
use serde::{Deserialize, Serialize};

/// The response of `createP2PChat`, `createGroupChat`, `createChannel` and
/// `createFavoritesChat`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CreatedChat {
    /// The new (or, for personal chats, existing) chat.
    pub chat_id: ChatId,
}

impl CreatedChat {
    /// A created-chat response.
    pub fn new(chat_id: ChatId) -> Self {
        Self { chat_id }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn round_trip() {
        let raw = json!({"chatId": "4a1f88f1070d2f43d385cde9ff61964bc6b74477"});
        let c: CreatedChat = serde_json::from_value(raw.clone()).unwrap();
        assert_eq!(c.chat_id, "4a1f88f1070d2f43d385cde9ff61964bc6b74477");
        assert_eq!(serde_json::to_value(&c).unwrap(), raw);
    }
}
